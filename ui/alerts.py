"""Alerts that reach a person: which orders still call for someone, and the sound that repeats
until someone opens them.

Three kinds, each with its own sound (new order, cancelled, problem). An alert is keyed by the
row it is about; opening that row in the window clears it. While any alert is open the most
urgent sound repeats every ``repeat_seconds`` (users of order tablets ask for exactly this:
"sound until the order is accepted", "replay every minute while new orders remain").
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from ui.sounds import SoundKind, SoundPlayer

# Most urgent first: a cancelled order may already be on the grill.
URGENCY = (SoundKind.CANCELLED, SoundKind.PROBLEM, SoundKind.NEW_ORDER)
DEFAULT_REPEAT_SECONDS = 20.0
CHANGED_DELAY_MS = 50


class AlertCenter(QObject):
    changed = Signal()  # the set of open alerts changed (tray count, window title)

    def __init__(
        self,
        sounds: SoundPlayer,
        repeat_seconds: float = DEFAULT_REPEAT_SECONDS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.sounds = sounds
        self._open: dict[SoundKind, set[int]] = {kind: set() for kind in SoundKind}
        self._timer = QTimer(self)
        self._timer.setInterval(int(repeat_seconds * 1000))
        self._timer.timeout.connect(self._repeat)
        # ``changed`` is coalesced: a burst of 100 orders redraws the tray icon once.
        self._changed_soon = QTimer(self)
        self._changed_soon.setSingleShot(True)
        self._changed_soon.setInterval(CHANGED_DELAY_MS)
        self._changed_soon.timeout.connect(self.changed)

    # -- raising and clearing -----------------------------------------------------------------

    def raise_alert(self, kind: SoundKind, key: int, play: bool = True) -> None:
        """Something about row ``key`` needs a person. Plays at once unless ``play`` is False."""
        self.raise_many(kind, {key}, play)

    def raise_many(self, kind: SoundKind, keys: set[int], play: bool = True) -> None:
        """Several at once (a burst, or the window opening on unaccepted orders): one sound,
        not fifty, and one ``changed`` for the lot."""
        fresh = keys - self._open[kind]
        if not fresh:
            return
        self._open[kind] |= fresh
        if play:
            self.sounds.play(kind)
        if not self._timer.isActive():
            self._timer.start()
        self._announce()

    def opened(self, key: int) -> None:
        """Someone opened row ``key``: every alert about it is answered."""
        changed = False
        for keys in self._open.values():
            if key in keys:
                keys.discard(key)
                changed = True
        if changed:
            self._after_change()

    def clear(self, kind: SoundKind, key: int) -> None:
        if key in self._open[kind]:
            self._open[kind].discard(key)
            self._after_change()

    def stop(self) -> None:
        self._timer.stop()
        self._changed_soon.stop()
        self.sounds.stop()

    def _announce(self) -> None:
        if not self._changed_soon.isActive():
            self._changed_soon.start()

    # -- reading ------------------------------------------------------------------------------

    def keys(self, kind: SoundKind) -> frozenset[int]:
        return frozenset(self._open[kind])

    def is_open(self, key: int) -> bool:
        return any(key in keys for keys in self._open.values())

    def unopened_count(self) -> int:
        """How many orders (or unreadable entries) still wait for someone to open them."""
        return len(set().union(*self._open.values()))

    def most_urgent(self) -> SoundKind | None:
        for kind in URGENCY:
            if self._open[kind]:
                return kind
        return None

    # -- internals ----------------------------------------------------------------------------

    def _after_change(self) -> None:
        if self.most_urgent() is None:
            self._timer.stop()
            self.sounds.stop()
        self._announce()

    def _repeat(self) -> None:
        kind = self.most_urgent()
        if kind is None:
            self._timer.stop()
            return
        self.sounds.play(kind)
