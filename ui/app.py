"""The composition root of the window: QApplication, the qasync loop, the bridge, the counter.

There is one way out, ``GuiApp.shutdown()``, and every way of quitting reaches it:

* the window's menu and the tray's "Quit" (after a confirmation),
* SIGTERM and SIGINT (a service manager, Ctrl+C in a terminal),
* the desktop session ending (``commitDataRequest``; every order is already committed before
  it is acknowledged, so even a session manager that kills us right after loses nothing),
* Qt quitting by itself (``aboutToQuit``).

Shutdown stops the window's tasks, then the bridge (pollers, the outbox sender, the writer's
last transaction), then the simulator in demo mode; nothing is left pending on the loop, so
Python never prints "Task was destroyed but it is pending".
"""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from app.config import AppConfig, ConfigError, default_config_path, resolve_data_dir
from app.engine.events import EventBus
from app.store.errors import StoreError
from ui import theme, workarounds
from ui.crash import CrashHandler
from ui.i18n import Translations, system_language
from ui.workarounds import GuiThreadCollector

log = logging.getLogger(__name__)

SETTINGS_FILE = "ui-settings.ini"


@dataclass(frozen=True, slots=True)
class GuiOptions:
    demo: bool = False
    config: Path | None = None
    data_dir: str | None = None
    lang: str | None = None


class GuiApp:
    """One run of the window, from start to a clean stop."""

    def __init__(
        self,
        app: QApplication,
        options: GuiOptions,
        *,
        tray_available: bool | None = None,
        log_to_file: bool = True,
        confirm_quit: bool = True,
        install_hooks: bool = True,
    ) -> None:
        self.app = app
        self.options = options
        self.tray_available = tray_available
        self.log_to_file = log_to_file
        self.confirm_quit = confirm_quit
        self.install_hooks = install_hooks
        self.exit_code = 0
        self.shutdown_reason = ""
        self.data_dir: Path | None = None
        self.bridge: Any = None
        self.counter: Any = None
        self.window: Any = None
        self.first_run: QWidget | None = None
        self.demo: Any = None
        self.crash = CrashHandler()
        self.translations = Translations(app)
        self._quit: asyncio.Event | None = None
        self._shut_down = False
        self._demo_task: asyncio.Task[None] | None = None  # "Try the demo" from the first run
        self._signals: list[int] = []
        self._wakeup: QTimer | None = None
        self.started = asyncio.Event()  # the window is up (tests wait on it)

    # -- the run ------------------------------------------------------------------------------

    async def run(self) -> int:
        loop = asyncio.get_running_loop()
        self._quit = asyncio.Event()
        # Closing the last window must not end Qt's loop (that would stop the asyncio loop
        # under the bridge): the window hides to the tray and the bridge runs on.
        quit_on_close = self.app.quitOnLastWindowClosed()
        self.app.setQuitOnLastWindowClosed(False)
        collector = GuiThreadCollector()
        self._install_signal_handlers(loop)
        self.app.aboutToQuit.connect(self._on_about_to_quit)
        self.app.commitDataRequest.connect(self._on_session_end)
        try:
            await self._main(loop)
            await self._quit.wait()
        finally:
            await self.shutdown()
            collector.stop()
            self.app.setQuitOnLastWindowClosed(quit_on_close)
        return self.exit_code

    def request_shutdown(self, reason: str, exit_code: int = 0) -> None:
        """Every way of quitting calls this; the first reason wins, later calls do nothing."""
        if self._quit is None or self._quit.is_set():
            return
        log.info("shutting down (%s)", reason)
        self.shutdown_reason = reason
        self.exit_code = exit_code
        self._quit.set()

    async def _main(self, loop: asyncio.AbstractEventLoop) -> None:
        options = self.options
        if options.demo:
            from ui.demo import Demo

            self.demo = Demo(options.data_dir)
            self.data_dir = self.demo.data_dir
        else:
            self.data_dir = resolve_data_dir(options.data_dir)
        self._setup_logging(loop)
        settings = QSettings(str(self.data_dir / SETTINGS_FILE), QSettings.Format.IniFormat)
        language = options.lang or str(settings.value("ui/language", "") or system_language())
        self.translations.install(language)

        config: AppConfig | None
        if self.demo is not None:
            config = await loop.run_in_executor(None, self.demo.start)
        else:
            config = self._load_config()
        if config is None:
            return  # the first-run screen is up; wait for its choice
        await self._start_bridge(config, settings)

    def _load_config(self) -> AppConfig | None:
        path = self.options.config or default_config_path()
        error = ""
        if path.exists():
            try:
                return AppConfig.load(path)
            except ConfigError as exc:
                error = str(exc)
        from ui.first_run import FirstRunWindow

        window = FirstRunWindow(path, error)
        window.demo_requested.connect(self._start_demo_from_first_run)
        window.quit_requested.connect(lambda: self.request_shutdown("first-run"))
        window.show()
        self.first_run = window
        self.started.set()
        return None

    def _start_demo_from_first_run(self) -> None:
        from ui.demo import Demo

        if self.demo is not None or self._shut_down:
            return
        # The demo keeps its own temporary folder: the user's data folder stays untouched.
        self.demo = Demo()
        if self.first_run is not None:
            self.first_run.hide()
        task = asyncio.get_running_loop().create_task(
            self._demo_after_first_run(), name="demo-start"
        )
        self._demo_task = task

    async def _demo_after_first_run(self) -> None:
        loop = asyncio.get_running_loop()
        assert self.demo is not None
        self.data_dir = self.demo.data_dir
        settings = QSettings(str(self.data_dir / SETTINGS_FILE), QSettings.Format.IniFormat)
        config = await loop.run_in_executor(None, self.demo.start)
        await self._start_bridge(config, settings)

    async def _start_bridge(self, config: AppConfig, settings: QSettings) -> None:
        from app.engine.remote import EngineError, EngineProcess
        from ui.counter import Counter
        from ui.main_window import MainWindow
        from ui.orders_model import OrdersTableModel
        from ui.sounds import SoundPlayer
        from ui.tray import Tray

        assert self.data_dir is not None
        # The engine runs in a process of its own (app/engine/remote.py says why); the window
        # reads the database and hears the engine's events over a loopback link.
        self.bridge = EngineProcess(config, self.data_dir, events=EventBus())
        try:
            await self.bridge.start()
        except (StoreError, EngineError) as exc:
            log.error("cannot start: %s", exc)
            self._show_fatal(str(exc))
            return
        tray = Tray(self.tray_available)
        model = OrdersTableModel()
        self.window = MainWindow(model, demo=self.demo is not None, tray_available=tray.available)
        sounds = SoundPlayer(parent=self.window, start=False)  # started once the window shows
        self.counter = Counter(
            self.bridge,
            self.window,
            model,
            sounds,
            tray,
            settings,
            translations=self.translations,
            confirm_quit=self.confirm_quit,
        )
        self.counter.shutdown_requested.connect(self.request_shutdown)
        self.crash.show = lambda text: self.window.notices.notify("error", text)
        await self.counter.start()
        self.window.show()
        self.started.set()

    def _show_fatal(self, message: str) -> None:
        """The data folder cannot be used: say so, and quit when it is read."""
        box = QMessageBox()
        box.setIcon(QMessageBox.Icon.Critical)
        title = QCoreApplication.translate("GuiApp", "POS Bridge cannot start")
        box.setWindowTitle(title)
        box.setText(title)
        box.setInformativeText(message)
        box.finished.connect(lambda _result: self.request_shutdown("fatal", 1))
        box.open()
        self.first_run = box
        self.started.set()

    # -- the way out --------------------------------------------------------------------------

    async def shutdown(self) -> None:
        """Idempotent. Window tasks, then the bridge, then the simulator; then the window."""
        if self._shut_down:
            return
        self._shut_down = True
        try:
            if self._demo_task is not None and not self._demo_task.done():
                self._demo_task.cancel()
                await asyncio.gather(self._demo_task, return_exceptions=True)
            if self.counter is not None:
                await self.counter.close()
            if self.bridge is not None:
                await self.bridge.stop()
            if self.demo is not None:
                await asyncio.get_running_loop().run_in_executor(None, self.demo.stop)
                # A demo leaves nothing behind: its temporary data folder goes with it.
                await asyncio.get_running_loop().run_in_executor(None, self.demo.remove_folder)
        finally:
            if self.window is not None:
                self.window.quitting = True
                self.window.close()
                self.window.deleteLater()
            if self.first_run is not None:
                self.first_run.hide()
                self.first_run.deleteLater()
            self._remove_signal_handlers()
            self.app.aboutToQuit.disconnect(self._on_about_to_quit)
            self.app.commitDataRequest.disconnect(self._on_session_end)
            if self.install_hooks:
                self.crash.uninstall()
            self.translations.remove_all()
            log.info("stopped cleanly")

    def _on_about_to_quit(self) -> None:
        self.request_shutdown("qt-quit")

    def _on_session_end(self, manager: Any) -> None:
        self.request_shutdown("session-end")

    def _install_signal_handlers(self, loop: asyncio.AbstractEventLoop) -> None:
        for sig in (signal.SIGTERM, signal.SIGINT):
            try:
                loop.add_signal_handler(sig, self.request_shutdown, signal.Signals(sig).name)
                self._signals.append(sig)
            except (NotImplementedError, RuntimeError, ValueError):
                # Windows: no loop signal handlers. Python runs signal handlers only between
                # bytecodes, so a timer wakes the interpreter twice a second to let it.
                signal.signal(
                    sig,
                    lambda s, _f: loop.call_soon_threadsafe(
                        self.request_shutdown, signal.Signals(s).name
                    ),
                )
                if self._wakeup is None:
                    self._wakeup = QTimer()
                    self._wakeup.timeout.connect(lambda: None)
                    self._wakeup.start(500)

    def _remove_signal_handlers(self) -> None:
        loop = asyncio.get_running_loop()
        for sig in self._signals:
            loop.remove_signal_handler(sig)
        self._signals = []
        if self._wakeup is not None:
            self._wakeup.stop()
            self._wakeup.deleteLater()
            self._wakeup = None

    def _setup_logging(self, loop: asyncio.AbstractEventLoop) -> None:
        log_path: Path | None = None
        if self.log_to_file and self.data_dir is not None:
            from app.logs import setup_logging

            log_path = setup_logging(self.data_dir, console=sys.stderr is not None)
        elif self.data_dir is not None:
            log_path = self.data_dir / "posbridge.log"
        self.crash.log_path = log_path
        if self.install_hooks:
            self.crash.install()
        self.crash.install_loop_handler(loop)


def run_gui(options: GuiOptions) -> int:
    """Start the window and run until one of the ways out is taken."""
    os.environ.setdefault("QT_API", "pyside6")  # qasync would otherwise prefer PyQt6 if present
    workarounds.apply()
    import qasync

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("POS Bridge")
    app.setOrganizationName("posbridge")
    app.setDesktopFileName("posbridge")
    theme.apply(app)
    gui = GuiApp(app, options)
    with asyncio.Runner(loop_factory=lambda: qasync.QEventLoop(app)) as runner:
        try:
            return runner.run(gui.run())
        except RuntimeError as exc:
            # Something made Qt leave its event loop under us (qasync then reports "Event loop
            # stopped before Future completed"): finish the shutdown in a second round.
            log.warning("the event loop stopped early (%s); finishing the shutdown", exc)
            runner.run(gui.shutdown())
            return gui.exit_code or 1
