"""Alerts that reach a person: distinct sounds that repeat until the order is opened, volume,
mute, and honesty when the PC cannot play sound at all."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from ui.alerts import AlertCenter
from ui.sounds import MIN_VOLUME, SoundKind, SoundPlayer
from ui.tray import Tray


def test_the_sound_repeats_until_someone_opens_the_order(qtbot: QtBot) -> None:
    sounds = SoundPlayer()
    played: list[str] = []
    sounds.played.connect(played.append)
    alerts = AlertCenter(sounds, repeat_seconds=0.05)
    alerts.raise_alert(SoundKind.NEW_ORDER, 7)
    assert played == ["new_order"]
    qtbot.waitUntil(lambda: len(played) >= 3, timeout=2000)
    assert set(played) == {"new_order"}
    alerts.opened(7)
    count = len(played)
    qtbot.wait(200)  # several repeat periods: nothing more may ring
    assert len(played) == count
    assert alerts.unopened_count() == 0


def test_the_most_urgent_sound_wins_and_each_kind_has_its_own(qtbot: QtBot) -> None:
    sounds = SoundPlayer()
    played: list[str] = []
    sounds.played.connect(played.append)
    alerts = AlertCenter(sounds, repeat_seconds=0.05)
    alerts.raise_alert(SoundKind.NEW_ORDER, 1)
    alerts.raise_alert(SoundKind.PROBLEM, 2)
    alerts.raise_alert(SoundKind.CANCELLED, 3)
    assert played == ["new_order", "problem", "cancelled"]
    qtbot.waitUntil(lambda: len(played) >= 5, timeout=2000)
    assert played[3:5] == ["cancelled", "cancelled"]  # a cancelled order may be on the grill
    alerts.opened(3)
    played.clear()
    qtbot.waitUntil(lambda: len(played) >= 1, timeout=2000)
    assert played[0] == "problem"
    assert alerts.unopened_count() == 2


def test_many_orders_at_once_ring_once(qtbot: QtBot) -> None:
    sounds = SoundPlayer()
    played: list[str] = []
    sounds.played.connect(played.append)
    alerts = AlertCenter(sounds)
    changes: list[bool] = []
    alerts.changed.connect(lambda: changes.append(True))
    alerts.raise_many(SoundKind.NEW_ORDER, set(range(100)))
    assert played == ["new_order"]
    qtbot.waitUntil(lambda: changes == [True], timeout=1000)
    assert alerts.unopened_count() == 100


def test_without_an_audio_system_the_player_says_so() -> None:
    # This machine has no libpulse (or no output device): exactly a counter PC with the
    # speakers unplugged. The player must not crash and must explain itself.
    sounds = SoundPlayer()
    if sounds.available:  # pragma: no cover - only on a machine with working audio
        return
    assert sounds.problem in {"no_backend", "no_output", "error"}
    assert "SILENT" in sounds.problem_text()
    played: list[str] = []
    sounds.played.connect(played.append)
    sounds.play(SoundKind.PROBLEM)
    assert played == ["problem"]


def test_the_sound_really_plays_where_the_pc_has_an_audio_output(qtbot: QtBot) -> None:
    # Needs libpulse and a sound server (CI: PulseAudio with a null sink, see the README).
    sounds = SoundPlayer()
    if not sounds.available:
        pytest.skip(f"no audio output on this machine ({sounds.problem})")
    qtbot.waitUntil(sounds.is_ready, timeout=5000)
    sounds.play(SoundKind.CANCELLED)
    qtbot.waitUntil(lambda: sounds.is_playing(SoundKind.CANCELLED), timeout=3000)
    sounds.set_muted(True)  # muting silences what is playing at once
    assert not sounds.is_playing(SoundKind.CANCELLED)


def test_volume_has_a_floor_and_mute_is_remembered() -> None:
    sounds = SoundPlayer(volume=0.0)
    assert sounds.volume == MIN_VOLUME
    sounds.set_volume(0.7)
    assert sounds.volume == 0.7
    sounds.set_muted(True)
    assert sounds.muted


def test_the_tray_icon_carries_the_count() -> None:
    tray = Tray(available=False)  # the offscreen platform has no tray: the menu still works
    assert not tray.available
    assert not tray.notify("x", "y")  # tells the caller to show it in the window instead
    tray.set_count(3, "3 orders waiting to be opened")
    texts = [action.text() for action in tray.menu().actions()]
    assert "3 orders waiting to be opened" in texts
    assert "Quit POS Bridge" in texts
