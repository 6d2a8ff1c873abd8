"""The alert sounds: one per kind, volume and mute, and honesty when nothing can be heard.

QtMultimedia is imported lazily: on Linux it needs libpulse, and a counter PC with unplugged
speakers has no audio output at all. Either way the player says why (``problem``) so the window
can show it, instead of the program crashing or ringing into the void.
"""

from __future__ import annotations

import enum
import logging
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QUrl, Signal

from ui.resources import resource_path

log = logging.getLogger(__name__)

MIN_VOLUME = 0.2  # a floor: "too quiet to hear" is how orders get missed


class SoundKind(enum.StrEnum):
    NEW_ORDER = "new_order"
    CANCELLED = "cancelled"
    PROBLEM = "problem"


class SoundPlayer(QObject):
    """Plays the three alert sounds. ``played`` fires for every request, heard or not."""

    played = Signal(str)  # SoundKind value: what was asked to play
    availability_changed = Signal()

    def __init__(
        self,
        volume: float = 0.9,
        muted: bool = False,
        parent: QObject | None = None,
        start: bool = True,
    ) -> None:
        super().__init__(parent)
        self._volume = max(MIN_VOLUME, min(1.0, volume))
        self._muted = muted
        self._effects: dict[SoundKind, Any] = {}
        self._devices: Any = None
        self.available = False
        self.problem = ""  # "", "no_backend", "no_output" or "error"; see problem_text()
        self._started = False
        if start:
            self.start()

    def start(self) -> None:
        """Load the audio backend (a few hundred milliseconds: the window calls this once it
        is on screen, so the orders show first)."""
        if self._started:
            return
        self._started = True
        self._setup()

    # -- settings -----------------------------------------------------------------------------

    @property
    def volume(self) -> float:
        return self._volume

    @property
    def muted(self) -> bool:
        return self._muted

    def set_volume(self, volume: float) -> None:
        self._volume = max(MIN_VOLUME, min(1.0, volume))
        for effect in self._effects.values():
            effect.setVolume(self._volume)

    def set_muted(self, muted: bool) -> None:
        self._muted = muted
        if muted:
            self.stop()

    # -- playing ------------------------------------------------------------------------------

    def play(self, kind: SoundKind) -> None:
        self.played.emit(kind.value)
        if self._muted or not self.available:
            return
        effect = self._effects.get(kind)
        if effect is None:
            return
        if effect.isPlaying():
            return
        effect.setVolume(self._volume)
        effect.play()

    def is_playing(self, kind: SoundKind) -> bool:
        effect = self._effects.get(kind)
        return effect is not None and bool(effect.isPlaying())

    def is_ready(self) -> bool:
        """Every sound loaded and the output usable (False while loading or without sound)."""
        if not self.available or not self._effects:
            return False
        from PySide6.QtMultimedia import QSoundEffect

        return all(e.status() == QSoundEffect.Status.Ready for e in self._effects.values())

    def stop(self) -> None:
        for effect in self._effects.values():
            if effect.isPlaying():
                effect.stop()

    # -- the audio backend --------------------------------------------------------------------

    def _setup(self) -> None:
        try:
            from PySide6.QtMultimedia import QMediaDevices
        except (ImportError, OSError) as exc:
            # Linux without libpulse: QtMultimedia cannot even load.
            log.warning("no sound: QtMultimedia cannot load (%s)", exc)
            self._set_problem("no_backend")
            return
        self._devices = QMediaDevices(self)
        # Speakers plugged in later (or a sound server that starts late) bring the sound back.
        self._devices.audioOutputsChanged.connect(self._check_outputs)
        self._check_outputs()

    def _check_outputs(self) -> None:
        from PySide6.QtMultimedia import QMediaDevices, QSoundEffect

        if not QMediaDevices.audioOutputs():
            log.warning("no sound: no audio output device")
            self._set_problem("no_output")
            return
        if not self._effects:
            # Made only once there is a device: without one, loading a sound fails noisily.
            for kind in SoundKind:
                effect = QSoundEffect(self)
                path = resource_path("sounds", f"{kind.value}.wav")
                effect.setSource(QUrl.fromLocalFile(str(path)))
                effect.setVolume(self._volume)
                effect.statusChanged.connect(self._check_effects)
                self._effects[kind] = effect
        self._set_problem("")
        self._check_effects()

    def _check_effects(self) -> None:
        from PySide6.QtMultimedia import QSoundEffect

        broken = [k for k, e in self._effects.items() if e.status() == QSoundEffect.Status.Error]
        if broken:
            log.warning("sound files failed to load: %s", ", ".join(broken))
            self._set_problem("error")

    def problem_text(self) -> str:
        texts = {
            "no_backend": QCoreApplication.translate(
                "Sound",
                "Sound cannot play on this PC (the sound system is missing): "
                "order alerts are SILENT.",
            ),
            "no_output": QCoreApplication.translate(
                "Sound", "No speakers or headphones found: order alerts are SILENT."
            ),
            "error": QCoreApplication.translate(
                "Sound", "The alert sounds cannot be played (audio error): order alerts are SILENT."
            ),
        }
        return texts.get(self.problem, "")

    def _set_problem(self, problem: str) -> None:
        available = not problem
        if problem == self.problem and available == self.available:
            return
        self.problem = problem
        self.available = available
        self.availability_changed.emit()
