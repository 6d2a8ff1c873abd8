"""Shared fixtures for the window's tests (pytest-qt, offscreen).

Two guards run for every test here, as in qutebrowser's suite:

* a Qt message handler that fails the test on any Qt warning (pytest-qt's ``qt_log_level_fail``
  would do the same, but it is an ini option and the ini belongs to the whole project);
* ``QDialog.exec`` and ``QMessageBox.exec`` raise: a modal loop inside the qasync loop is the
  bug STYLE.md bans, and in a test it would hang forever.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import os
import sys
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_API", "pyside6")

import pytest
from PySide6.QtCore import QSettings, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from ui import workarounds

workarounds.apply()

from ui.counter import Counter  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402
from ui.orders_model import OrdersTableModel  # noqa: E402
from ui.sounds import SoundPlayer  # noqa: E402
from ui.tray import Tray  # noqa: E402

# The helpers module sits beside this file; tests import it as ``uitest_helpers``.
sys.path.insert(0, str(Path(__file__).resolve().parent))

from uitest_helpers import CounterEnv, RecordingTray  # noqa: E402

# Qt messages that say nothing about our code (platform plumbing of the offscreen plugin).
QT_LOG_IGNORE = (
    "This plugin does not support propagateSizeHints()",
    "This plugin does not support raise()",
    "This plugin does not support grabbing the keyboard",
    "QStandardPaths: XDG_RUNTIME_DIR not set",
    "QStandardPaths: runtime directory",
    "Populating font family aliases took",
    "QSystemTrayIcon::setVisible: No Icon set",
    "PulseAudioService: pa_context_connect() failed",  # libpulse without a sound server
)
# Whole logging categories that only report what the machine has (QtMultimedia probes for
# PipeWire before it settles on PulseAudio).
QT_LOG_IGNORE_CATEGORIES = ("qt.multimedia.symbolsresolver",)


@pytest.fixture(autouse=True)
def fail_on_qt_warnings(qapp: QApplication) -> Iterator[list[str]]:
    caught: list[str] = []

    def handler(mode: QtMsgType, context: Any, message: str) -> None:
        if mode in (QtMsgType.QtDebugMsg, QtMsgType.QtInfoMsg):
            return
        if any(message.startswith(prefix) for prefix in QT_LOG_IGNORE):
            return
        if getattr(context, "category", "") in QT_LOG_IGNORE_CATEGORIES:
            return
        caught.append(f"{mode.name}: {message}")

    previous = qInstallMessageHandler(handler)
    try:
        yield caught
    finally:
        qInstallMessageHandler(previous)
    assert not caught, "Qt warnings during the test:\n" + "\n".join(caught)


@pytest.fixture(autouse=True, scope="session")
def closing_a_window_never_quits(qapp: QApplication) -> None:
    """As in the product (``ui.app``): closing the last window does not end Qt's loop. Left on,
    a test that closes its last window leaves Qt a Quit event, and the next test's qasync loop
    stops at once ("Event loop stopped before Future completed")."""
    qapp.setQuitOnLastWindowClosed(False)


@pytest.fixture(autouse=True, scope="module")
def collect_garbage_on_the_gui_thread() -> Iterator[None]:
    """As ``ui.app`` does (GuiThreadCollector): Qt objects left in reference cycles by a test
    must be destroyed on Qt's thread, not by a collection that happens to run in a worker
    thread of a later test."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.collect()
        if enabled:
            gc.enable()


@pytest.fixture(autouse=True)
def collect_after_each_test() -> Iterator[None]:
    yield
    gc.collect()


@pytest.fixture(autouse=True)
def no_modal_exec(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(self: QDialog, *args: Any) -> int:
        raise AssertionError(
            f"{type(self).__name__}.exec() would spin a nested event loop; use open() and await"
        )

    monkeypatch.setattr(QDialog, "exec", refuse)
    monkeypatch.setattr(QMessageBox, "exec", refuse)


@pytest.fixture
def qloop(qapp: QApplication) -> Iterator[asyncio.AbstractEventLoop]:
    """A qasync loop on the test's QApplication, for tests that run the real engine.

    Drive it with ``qloop.run_until_complete(...)`` only (never mixed with ``qtbot.wait*`` in
    one test: both spin Qt's loop). Unhandled loop errors fail the test at teardown.
    """
    import qasync

    loop = qasync.QEventLoop(qapp)
    errors: list[dict[str, Any]] = []
    loop.set_exception_handler(lambda _loop, context: errors.append(context))
    asyncio.set_event_loop(loop)
    try:
        yield loop
    finally:
        try:
            pending = [t for t in asyncio.all_tasks(loop) if not t.done()]
            for task in pending:
                task.cancel()
            if pending:
                loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))
            loop.run_until_complete(loop.shutdown_asyncgens())
        finally:
            loop.close()
            asyncio.set_event_loop(None)
    assert not errors, f"event loop errors: {errors}"


# -- the real engine against the simulator ------------------------------------------------------

TOKEN_VARIABLE = "POSBRIDGE_TEST_DUKKANGO_TOKEN"
ACCOUNT = "Kadıköy Şube"


@pytest.fixture
def sim() -> Iterator[Any]:
    from app.sim.server import SimServer

    server = SimServer(seed=11, cooldown_seconds=0.05)
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def sim_config(sim: Any, monkeypatch: pytest.MonkeyPatch) -> Any:
    from app.config import AccountConfig, AppConfig
    from app.model import Provider
    from app.sim.dukkango import DEMO_TOKEN

    monkeypatch.setenv(TOKEN_VARIABLE, DEMO_TOKEN)
    return AppConfig(
        accounts=(
            AccountConfig(
                name=ACCOUNT,
                provider=Provider.DUKKANGO,
                base_url=sim.dukkango_base_url,
                poll_seconds=0.1,
                cooldown_seconds=0.05,
                timeout_seconds=5.0,
                credentials={"token": f"env:{TOKEN_VARIABLE}"},
            ),
        )
    )


@contextlib.asynccontextmanager
async def counter_env_running(
    data_dir: Path, sim: Any, config: Any, tray: Tray
) -> AsyncIterator[CounterEnv]:
    """The window on a started bridge, all inside one running loop.

    A test runs its whole story (start, scenario, stop) in one ``run_until_complete``: between
    two of them qasync may still fire timers with no running loop, which breaks any task alive
    at that moment ("no running event loop")."""
    from app.engine.events import EventBus
    from app.engine.remote import EngineProcess

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    quit_on_close = app.quitOnLastWindowClosed()
    app.setQuitOnLastWindowClosed(False)  # as ui.app does: the window hides, the bridge runs
    # As the window runs it: the engine in its own process, the window on the link.
    bridge = EngineProcess(config, data_dir, events=EventBus())
    await bridge.start()
    model = OrdersTableModel()
    window = MainWindow(model, tray_available=tray.available)
    sounds = SoundPlayer(parent=window)
    settings = QSettings(str(data_dir / "ui-settings.ini"), QSettings.Format.IniFormat)
    counter = Counter(bridge, window, model, sounds, tray, settings, confirm_quit=False)
    env = CounterEnv(sim, bridge, counter, window, model, tray, sounds)
    sounds.played.connect(env.played.append)
    try:
        await counter.start()
        window.show()
        yield env
    finally:
        try:
            await counter.close()
            await bridge.stop()
        finally:
            window.quitting = True
            window.close()
            window.deleteLater()
            app.setQuitOnLastWindowClosed(quit_on_close)


@pytest.fixture
def open_env(
    tmp_path: Path, sim: Any, sim_config: Any
) -> Callable[..., contextlib.AbstractAsyncContextManager[CounterEnv]]:
    """``async with open_env() as env``: the window on the real bridge and simulator, with a
    tray that records notifications (``open_env(Tray(available=False))``: no tray at all)."""

    def open_(tray: Tray | None = None) -> contextlib.AbstractAsyncContextManager[CounterEnv]:
        return counter_env_running(
            tmp_path / "data", sim, sim_config, tray if tray is not None else RecordingTray()
        )

    return open_
