"""Take the README's screenshots of the demo window (English and Turkish).

    QT_QPA_PLATFORM=offscreen python resources/screenshots/make_screenshots.py

Runs the real demo (bridge + simulator), lets orders arrive, accepts a few through the bridge
as staff would, lets the customer cancel one, opens an accepted order in the detail pane, and
saves ``demo-window.png`` and ``demo-window-tr.png`` next to this file.
"""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from ui import workarounds  # noqa: E402

workarounds.apply()

import qasync  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from app.model import Action, ActionKind  # noqa: E402
from ui import theme  # noqa: E402
from ui.app import GuiApp, GuiOptions  # noqa: E402


async def until(predicate: object, seconds: float = 20.0) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + seconds
    while not predicate():  # type: ignore[operator]
        if loop.time() > deadline:
            raise TimeoutError("the demo did not get there")
        await asyncio.sleep(0.05)


async def shoot(app: QApplication) -> None:
    gui = GuiApp(app, GuiOptions(demo=True, lang="en"), tray_available=False, log_to_file=False)
    running = asyncio.get_running_loop().create_task(gui.run())
    await until(gui.started.is_set)
    window, sim, bridge = gui.window, gui.demo.sim.dukkango, gui.bridge
    window.resize(1600, 900)
    sim.stop_stream()  # a quiet shop for a steady picture
    sim.add_orders(6)
    await until(lambda: window.model.rowCount() >= 9)
    account = "Kadıköy Şube"
    orders = [o for o in sim.snapshot() if o["status_id"] == 1]
    accepted = orders[:4]
    for order in accepted:
        action = Action(ActionKind.ACCEPT, order["payment_key"], params={"preparing_time": 20})
        await bridge.request_action(account, action)
    await until(lambda: sum(o["status_id"] == 2 for o in sim.snapshot()) >= 4)
    sim.set_status(accepted[0]["payment_key"], 16)  # the platform's courier took it
    sim.set_status(accepted[1]["payment_key"], 5)  # and delivered this one
    sim.cancel_by_customer(orders[5]["payment_key"])
    await asyncio.sleep(3)
    number = window.model.number_of_order(account, accepted[2]["payment_key"])
    key = window.model.row(number).row_id
    window.select_key(key)
    gui.counter.open_order(key)
    await asyncio.sleep(1.5)
    window.grab().save(str(HERE / "demo-window.png"))
    gui.counter.set_language("tr")
    await asyncio.sleep(1.0)
    window.grab().save(str(HERE / "demo-window-tr.png"))
    gui.counter.set_language("en")
    gui.request_shutdown("screenshots")
    await running
    print(f"saved {HERE / 'demo-window.png'} and {HERE / 'demo-window-tr.png'}")


def main() -> int:
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    theme.apply(app)
    with asyncio.Runner(loop_factory=lambda: qasync.QEventLoop(app)) as runner:
        runner.run(shoot(app))
    return 0


if __name__ == "__main__":
    sys.exit(main())
