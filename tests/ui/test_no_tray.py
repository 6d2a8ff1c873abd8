"""Where the desktop has no system tray, every alert still reaches the window."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

from uitest_helpers import run, wait_for

from app.engine.events import AccountHealth, EventName, HealthState
from ui.tray import Tray


def test_without_a_tray_everything_shows_in_the_window(
    open_env: Callable[..., Any], qloop: asyncio.AbstractEventLoop
) -> None:
    async def scenario() -> None:
        async with open_env(Tray(available=False)) as env:
            window, notices = env.window, env.window.notices
            assert not env.tray.available
            # A new order: a big banner in the window (there is no tray to pop up).
            env.sim.dukkango.add_orders(1)
            banner = await wait_for(lambda: notices.banner("alert:new"), what="new-order banner")
            assert "NEW ORDER" in banner.label.text()
            assert "new_order" in env.played
            assert window.windowTitle().startswith("(1)")

            # A failing account: its banner, once (no second notice repeating the sentence).
            env.bridge.events.emit(
                EventName.ACCOUNT_HEALTH,
                AccountHealth(
                    "Kadıköy Şube",
                    "dukkango",
                    HealthState.NEEDS_CREDENTIALS,
                    "401",
                    None,
                    None,
                    None,
                    3,
                ),
            )
            health = notices.banner("health:Kadıköy Şube")
            assert health is not None and "refused the login" in health.label.text()
            assert not any("refused the login" in n.label.text() for n in notices.notices())
            assert "LOGIN REFUSED" in window.status.label_text("Kadıköy Şube")
            assert "problem" in env.played

            # Closing the window cannot hide it to a tray that is not there: it minimises.
            window.close()
            assert window.isVisible()
            await wait_for(lambda: window.isMinimized(), what="the window to minimise")

            # Sound is missing on this machine: the window says alerts are silent.
            if env.sounds.problem:
                sound = notices.banner("sound")
                assert sound is not None and "SILENT" in sound.label.text()

    run(qloop, scenario())


def test_with_a_tray_closing_hides_the_window(
    open_env: Callable[..., Any], qloop: asyncio.AbstractEventLoop
) -> None:
    async def scenario() -> None:
        async with open_env() as env:  # a tray that records (conftest.RecordingTray)
            env.window.close()
            assert not env.window.isVisible()
            assert env.tray.notifications[-1][0] == "POS Bridge is still running"
            env.tray.show_window_requested.emit()
            assert env.window.isVisible()

    run(qloop, scenario())


def test_muting_shows_a_banner_and_is_remembered(
    open_env: Callable[..., Any], qloop: asyncio.AbstractEventLoop
) -> None:
    async def scenario() -> None:
        async with open_env() as env:
            env.window.mute_button.click()
            assert env.sounds.muted
            banner = env.window.notices.banner("muted")
            assert banner is not None and "MUTED" in banner.label.text()
            assert env.counter.settings.value("sound/muted", type=bool) is True
            assert banner.action_button is not None
            banner.action_button.click()  # "Unmute"
            assert not env.sounds.muted
            assert env.window.notices.banner("muted") is None
            assert not env.window.mute_button.isChecked()

    run(qloop, scenario())
