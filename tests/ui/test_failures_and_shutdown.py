"""Unexpected errors become a logged notice; every way out ends in one clean shutdown."""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import sys
import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication
from uitest_helpers import run, wait_for

from ui.app import GuiApp, GuiOptions
from ui.crash import CrashHandler
from ui.first_run import FirstRunWindow


@pytest.fixture
def crash(tmp_path: Path) -> CrashHandler:
    handler = CrashHandler(tmp_path / "posbridge.log")
    shown: list[str] = []
    handler.show = shown.append
    handler.shown = shown  # type: ignore[attr-defined]
    return handler


def test_excepthook_logs_and_shows_a_notice(
    crash: CrashHandler, caplog: pytest.LogCaptureFixture
) -> None:
    try:
        raise ValueError("the printer caught fire")
    except ValueError:
        crash.excepthook(*sys.exc_info())  # type: ignore[arg-type]
    assert "unhandled exception" in caplog.text
    assert "the printer caught fire" in caplog.text  # with the traceback
    [notice] = crash.shown  # type: ignore[attr-defined]
    assert "the printer caught fire" in notice
    assert str(crash.log_path) in notice  # where support finds the details


def test_thread_and_loop_errors_are_caught_too(
    crash: CrashHandler, qloop: asyncio.AbstractEventLoop, caplog: pytest.LogCaptureFixture
) -> None:
    crash.install()
    try:
        worker = threading.Thread(target=lambda: 1 / 0, name="worker")
        worker.start()
        worker.join()
    finally:
        crash.uninstall()
    assert "ZeroDivisionError" in crash.shown[0]  # type: ignore[attr-defined]

    crash.install_loop_handler(qloop)

    async def scenario() -> None:
        async def broken() -> None:
            raise KeyError("no such order")

        task = asyncio.get_running_loop().create_task(broken())
        await asyncio.sleep(0)
        del task  # never awaited: only the loop's handler can report it
        import gc

        await wait_for(lambda: (gc.collect(), len(crash.shown) > 1)[1], what="the loop handler")  # type: ignore[attr-defined]

    run(qloop, scenario())
    assert "no such order" in crash.shown[1]  # type: ignore[attr-defined]
    assert "Task exception was never retrieved" in caplog.text


def test_a_failing_window_task_shows_a_notice(
    open_env: object, qloop: asyncio.AbstractEventLoop
) -> None:
    async def scenario() -> None:
        async with open_env() as env:  # type: ignore[operator]

            async def fails() -> None:
                raise RuntimeError("detail pane exploded")

            env.counter.tasks.spawn(fails(), name="detail")
            await wait_for(lambda: env.window.notices.notices(), what="a notice")
            assert "detail pane exploded" in env.window.notices.notices()[0].label.text()

    run(qloop, scenario())


def _gui(qapp: QApplication, tmp_path: Path, **options: object) -> GuiApp:
    return GuiApp(
        qapp,
        GuiOptions(data_dir=str(tmp_path / "data"), lang="en", **options),  # type: ignore[arg-type]
        tray_available=False,
        log_to_file=False,
        confirm_quit=False,
        install_hooks=False,
    )


def test_demo_shows_an_order_within_3_s_and_sigterm_stops_cleanly(
    qapp: QApplication,
    qloop: asyncio.AbstractEventLoop,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
    capfd: pytest.CaptureFixture[str],
) -> None:
    gui = _gui(qapp, tmp_path, demo=True)

    async def scenario() -> int:
        loop = asyncio.get_running_loop()
        started = loop.time()
        running = loop.create_task(gui.run())
        await wait_for(lambda: gui.started.is_set(), timeout=10, what="the window")
        window = gui.window
        assert window.demo and "DEMO" in window.windowTitle()
        assert window.notices.banner("demo") is not None
        await wait_for(lambda: window.model.rowCount() > 0, timeout=3, what="the first demo order")
        assert loop.time() - started < 3.0
        os.kill(os.getpid(), signal.SIGTERM)  # a service manager stopping us
        return await asyncio.wait_for(running, 15)

    with caplog.at_level(logging.INFO):
        assert run(qloop, scenario(), timeout=30) == 0
    assert gui.shutdown_reason == "SIGTERM"
    assert "stopped cleanly" in caplog.text
    assert [t for t in asyncio.all_tasks(qloop) if not t.done()] == []
    err = capfd.readouterr().err
    for bad in ("Task was destroyed", "Event loop stopped before Future completed", "Traceback"):
        assert bad not in err and bad not in caplog.text


def test_the_demo_removes_its_temporary_folder_on_the_way_out(
    qapp: QApplication, qloop: asyncio.AbstractEventLoop
) -> None:
    gui = GuiApp(
        qapp,
        GuiOptions(demo=True, lang="en"),
        tray_available=False,
        log_to_file=False,
        confirm_quit=False,
        install_hooks=False,
    )

    async def scenario() -> Path:
        running = asyncio.get_running_loop().create_task(gui.run())
        await wait_for(lambda: gui.started.is_set(), timeout=10, what="the window")
        folder = gui.demo.data_dir  # type: ignore[union-attr]
        assert folder.exists()
        os.kill(os.getpid(), signal.SIGTERM)
        assert await asyncio.wait_for(running, 15) == 0
        return folder

    assert not run(qloop, scenario(), timeout=30).exists()


def test_quitting_from_the_menu_takes_the_same_way_out(
    qapp: QApplication,
    qloop: asyncio.AbstractEventLoop,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    gui = _gui(qapp, tmp_path, demo=True)

    async def scenario() -> int:
        running = asyncio.get_running_loop().create_task(gui.run())
        await wait_for(lambda: gui.started.is_set(), timeout=10, what="the window")
        gui.window.quit_action.trigger()
        return await asyncio.wait_for(running, 15)

    with caplog.at_level(logging.INFO):
        assert run(qloop, scenario(), timeout=30) == 0
    assert gui.shutdown_reason == "menu"
    assert "stopped cleanly" in caplog.text
    assert "Task was destroyed" not in caplog.text


def test_the_quit_confirmation_is_asked_without_a_nested_loop(
    qapp: QApplication, qloop: asyncio.AbstractEventLoop, tmp_path: Path
) -> None:
    gui = _gui(qapp, tmp_path, demo=True)
    gui.confirm_quit = True

    async def scenario() -> int:
        running = asyncio.get_running_loop().create_task(gui.run())
        await wait_for(lambda: gui.started.is_set(), timeout=10, what="the window")
        gui.counter.tray.quit_requested.emit()  # "Quit" in the tray menu
        dialog = await wait_for(lambda: gui.counter.active_dialog, what="the question")
        dialog.keep_button.click()  # "Keep running"
        await wait_for(lambda: gui.counter.active_dialog is None, what="the answer")
        assert not running.done()
        gui.counter.tray.quit_requested.emit()
        dialog = await wait_for(lambda: gui.counter.active_dialog, what="the question again")
        dialog.quit_button.click()
        return await asyncio.wait_for(running, 15)

    assert run(qloop, scenario(), timeout=30) == 0
    assert gui.shutdown_reason == "tray"


def test_without_a_configuration_a_friendly_first_run_screen(
    qapp: QApplication, qloop: asyncio.AbstractEventLoop, tmp_path: Path
) -> None:
    gui = _gui(qapp, tmp_path, config=tmp_path / "missing.toml")

    async def scenario() -> int:
        running = asyncio.get_running_loop().create_task(gui.run())
        await wait_for(lambda: gui.started.is_set(), timeout=10, what="the first-run screen")
        screen = gui.first_run
        assert isinstance(screen, FirstRunWindow)
        assert "missing.toml" in screen.explain.text()
        assert "[[accounts]]" in screen.example.toPlainText()
        screen.quit_button.click()
        return await asyncio.wait_for(running, 15)

    assert run(qloop, scenario(), timeout=30) == 0
    assert gui.bridge is None  # nothing was started


def test_a_broken_configuration_says_what_is_wrong(
    qapp: QApplication, qloop: asyncio.AbstractEventLoop, tmp_path: Path
) -> None:
    config = tmp_path / "config.toml"
    config.write_text(
        '[[accounts]]\nname = "Kadıköy"\nprovider = "yemeksepeti"\n', encoding="utf-8"
    )
    gui = _gui(qapp, tmp_path, config=config)

    async def scenario() -> int:
        running = asyncio.get_running_loop().create_task(gui.run())
        await wait_for(lambda: gui.started.is_set(), timeout=10, what="the first-run screen")
        screen = gui.first_run
        assert isinstance(screen, FirstRunWindow)
        assert "yemeksepeti" in screen.problem.text()
        gui.request_shutdown("test")
        return await asyncio.wait_for(running, 15)

    assert run(qloop, scenario(), timeout=30) == 0


def test_the_first_run_screen_can_start_the_demo(
    qapp: QApplication, qloop: asyncio.AbstractEventLoop, tmp_path: Path
) -> None:
    gui = _gui(qapp, tmp_path, config=tmp_path / "missing.toml")

    async def scenario() -> int:
        running = asyncio.get_running_loop().create_task(gui.run())
        await wait_for(lambda: gui.started.is_set(), timeout=10, what="the first-run screen")
        screen = gui.first_run
        assert isinstance(screen, FirstRunWindow)
        gui.started.clear()
        screen.demo_button.click()
        await wait_for(
            lambda: gui.window is not None and gui.started.is_set(),
            timeout=10,
            what="the demo window",
        )
        assert gui.window.demo
        assert gui.data_dir != tmp_path / "data"  # the user's folder stays untouched
        gui.request_shutdown("test")
        return await asyncio.wait_for(running, 15)

    assert run(qloop, scenario(), timeout=30) == 0


def test_garbage_is_collected_on_the_gui_thread(qtbot: Any) -> None:
    import gc
    import weakref

    from ui.workarounds import GuiThreadCollector

    enabled_before = gc.isenabled()
    collector = GuiThreadCollector(interval_ms=10)
    assert not gc.isenabled()  # no collection may start in a worker thread

    class Node:
        pass

    a, b = Node(), Node()
    a.other, b.other = b, a  # type: ignore[attr-defined]
    probe = weakref.ref(a)
    del a, b
    thresholds = gc.get_threshold()
    gc.set_threshold(1, 10, 10)
    try:
        for _ in range(5):
            [Node() for _ in range(10)]
        qtbot.waitUntil(lambda: probe() is None, timeout=2000)
    finally:
        gc.set_threshold(*thresholds)
        collector.stop()
    assert gc.isenabled() == enabled_before
