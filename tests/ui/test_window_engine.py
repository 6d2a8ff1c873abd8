"""The window on the real engine and the Dükkango simulator over loopback HTTP."""

from __future__ import annotations

import asyncio
import os
import signal
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from uitest_helpers import CounterEnv, RecordingTray, run, wait_for

from app.model import OrderStatus
from ui.dialogs.accept_dialog import AcceptDialog
from ui.dialogs.cancel_dialog import CancelDialog
from ui.orders_model import Column
from ui.sounds import SoundKind


def proxy_row_of(env: CounterEnv, payment_key: str) -> int | None:
    number = env.model.number_of_order("Kadıköy Şube", payment_key)
    return None if number is None else env.window.proxy.proxy_row(number)


async def dialog_opened(env: CounterEnv, kind: type[QDialog]) -> QDialog:
    return await wait_for(
        lambda: env.counter.active_dialog if isinstance(env.counter.active_dialog, kind) else None,
        what=f"the {kind.__name__}",
    )


OpenEnv = Callable[..., Any]


def test_new_order_rings_and_accepting_reaches_the_platform(
    open_env: OpenEnv, qloop: asyncio.AbstractEventLoop
) -> None:
    async def scenario() -> None:
        async with open_env() as env:
            assert isinstance(env.tray, RecordingTray)
            [key] = env.sim.dukkango.add_orders(1)
            await wait_for(lambda: proxy_row_of(env, key) is not None, what="the new row")
            # It stands out, it rings, and the tray says so.
            row = proxy_row_of(env, key)
            assert row is not None
            status = env.window.proxy.index(row, Column.STATUS)
            assert status.data().startswith("●")
            assert status.data(Qt.ItemDataRole.FontRole).bold()
            display_id = env.window.proxy.index(row, Column.NUMBER).data()
            assert "new_order" in env.played
            assert any(
                display_id in title
                for title, _body, severity in env.tray.notifications
                if severity == "new"
            )
            await wait_for(lambda: env.tray.counts[-1:] == [1], what="the tray count")
            assert "1" in env.window.windowTitle()

            # Opening it stops the ringing and the highlight.
            env.window.open_row(row)
            await wait_for(lambda: env.window.detail.details is not None, what="the detail pane")
            assert env.counter.alerts.unopened_count() == 0
            await wait_for(lambda: env.tray.counts[-1:] == [0], what="the tray count to drop")
            assert not env.window.proxy.index(row, Column.STATUS).data().startswith("●")

            # Accept with a one-tap preset.
            env.window.detail.accept_button.click()
            dialog = await dialog_opened(env, AcceptDialog)
            assert isinstance(dialog, AcceptDialog)
            dialog.preset_buttons[20].click()

            def accepted_on_platform() -> bool:
                orders = {o["payment_key"]: o for o in env.sim.dukkango.snapshot()}
                return orders[key]["preparing_time"] == 20 and orders[key]["status_id"] == 2

            await wait_for(accepted_on_platform, what="the simulator to receive the accept")
            await wait_for(
                lambda: (
                    env.model.row(env.model.number_of_order("Kadıköy Şube", key)).status  # type: ignore[arg-type]
                    == OrderStatus.ACCEPTED.value
                ),
                what="the row to change status",
            )
            row = proxy_row_of(env, key)
            assert row is not None
            assert env.window.proxy.index(row, Column.STATUS).data() == "Preparing"
            # The detail pane shows the action as sent, with the platform's answer.
            await wait_for(
                lambda: "Sent" in env.window.detail.action_state.text(), what="sent state"
            )
            assert "20 min" in env.window.detail.action_state.text()

    run(qloop, scenario())


def test_cancel_uses_the_platforms_reasons_and_a_cancellation_must_be_confirmed(
    open_env: OpenEnv, qloop: asyncio.AbstractEventLoop
) -> None:
    async def scenario() -> None:
        async with open_env() as env:
            first, second = env.sim.dukkango.add_orders(2)
            await wait_for(lambda: env.model.rowCount() == 2, what="two rows")
            number = env.model.number_of_order("Kadıköy Şube", first)
            assert number is not None
            env.window.select_key(env.model.row(number).row_id)  # type: ignore[union-attr]
            env.counter.open_order(env.model.row(number).row_id)  # type: ignore[union-attr]
            await wait_for(lambda: env.window.detail.details is not None, what="details")
            env.window.detail.cancel_button.click()
            dialog = await dialog_opened(env, CancelDialog)
            assert isinstance(dialog, CancelDialog)
            assert "Ürün tükendi" in [b.text() for b in dialog.reason_buttons.values()]
            assert not dialog.confirm.isEnabled()  # a reason first
            dialog.reason_buttons[1].click()
            dialog.confirm.click()
            await wait_for(
                lambda: (
                    {o["payment_key"]: o for o in env.sim.dukkango.snapshot()}[first][
                        "cancel_reason_id"
                    ]
                    == 1
                ),
                what="the cancel with reason 1",
            )

            # The customer cancels the second order on the platform: loud, red, until confirmed.
            env.sim.dukkango.cancel_by_customer(second)
            number = await wait_for(
                lambda: (
                    (n := env.model.number_of_order("Kadıköy Şube", second)) is not None
                    and env.model.row(n).status == OrderStatus.CANCELLED.value  # type: ignore[union-attr]
                    and n
                ),
                what="the cancellation",
            )
            assert "cancelled" in env.played
            key = env.model.row(number).row_id  # type: ignore[union-attr]
            assert key in env.counter.alerts.keys(SoundKind.CANCELLED)
            banner = await wait_for(
                lambda: env.window.notices.banner("alert:cancelled"), what="the red banner"
            )
            assert "CANCELLED" in banner.label.text()
            env.counter.open_order(key)
            await wait_for(
                lambda: (
                    env.window.detail.current_key() == key
                    and env.window.detail.confirm_cancellation.isVisible()
                ),
                what="the confirm button of the cancelled order",
            )
            env.window.detail.confirm_cancellation.click()
            await wait_for(
                lambda: env.model.row(number).cancel_confirmed,  # type: ignore[union-attr]
                what="the confirmation to reach the row",
            )
            await wait_for(
                lambda: env.window.notices.banner("alert:cancelled") is None, what="banner gone"
            )

    run(qloop, scenario())


def test_a_refused_action_shows_the_platforms_answer(
    open_env: OpenEnv, qloop: asyncio.AbstractEventLoop
) -> None:
    async def scenario() -> None:
        async with open_env() as env:
            [key] = env.sim.dukkango.add_orders(1)
            await wait_for(lambda: env.model.rowCount() == 1, what="the row")
            row_id = env.model.row(0).row_id  # type: ignore[union-attr]
            env.counter.open_order(row_id)
            await wait_for(lambda: env.window.detail.details is not None, what="details")
            # The platform moves on before we answer: our accept is now refused.
            env.sim.dukkango.set_status(key, 5)
            env.window.detail.accept_button.click()
            dialog = await dialog_opened(env, AcceptDialog)
            assert isinstance(dialog, AcceptDialog)
            dialog.preset_buttons[15].click()
            await wait_for(
                lambda: "FAILED" in env.window.detail.action_state.text(), timeout=10, what="failed"
            )
            text = env.window.detail.action_state.text()
            assert "The platform said:" in text
            assert "problem" in env.played
            assert any(severity == "error" for _t, _b, severity in env.tray.notifications)  # type: ignore[attr-defined]

    run(qloop, scenario())


def test_when_the_engine_process_dies_the_staff_hear_it_and_it_comes_back(
    open_env: OpenEnv, qloop: asyncio.AbstractEventLoop
) -> None:
    async def scenario() -> None:
        async with open_env() as env:
            notices, status = env.window.notices, env.window.status
            [first] = env.sim.dukkango.add_orders(1)
            await wait_for(lambda: proxy_row_of(env, first) is not None, what="the first order")
            played_before = env.played.count("problem")
            os.kill(env.bridge.pid, signal.SIGKILL)  # the engine process crashes
            banner = await wait_for(
                lambda: notices.banner("health:Kadıköy Şube"), what="the restarting banner"
            )
            assert "being started again" in banner.label.text()
            assert "RESTARTING" in status.label_text("Kadıköy Şube")
            assert env.played.count("problem") > played_before  # heard, not only seen
            await wait_for(lambda: env.bridge.restarts == 1, timeout=20, what="a new engine")
            [second] = env.sim.dukkango.add_orders(1)
            await wait_for(
                lambda: proxy_row_of(env, second) is not None, timeout=10, what="a later order"
            )
            await wait_for(
                lambda: notices.banner("health:Kadıköy Şube") is None, what="the banner to clear"
            )
            # ... and word that it happened stays for whoever was away from the counter.
            assert isinstance(env.tray, RecordingTray)
            assert any(
                "started again by itself" in title and severity == "warning"
                for title, _body, severity in env.tray.notifications
            )

    run(qloop, scenario(), timeout=60)
