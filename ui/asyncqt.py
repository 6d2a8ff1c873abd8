"""The glue between Qt and asyncio for the window: tasks, dialogs, and reads off the loop.

Rules this module makes easy to follow (STYLE.md, style-anchors §5.1):

* a dialog is shown with ``open()`` and awaited through a future, never ``exec()``: a nested
  event loop inside a coroutine re-enters other tasks and breaks qasync;
* every task the window starts is named, kept, logged when it fails, and cancelled at shutdown;
* database reads run on one reader thread (peewee gives it its own connection; WAL lets it
  read while the engine's writer writes), so the loop never waits on SQLite.
"""

from __future__ import annotations

import asyncio
import functools
import logging
from collections.abc import Callable, Coroutine
from concurrent.futures import ThreadPoolExecutor
from typing import Any, ParamSpec, TypeVar

from PySide6.QtWidgets import QDialog

log = logging.getLogger(__name__)

P = ParamSpec("P")
T = TypeVar("T")
ErrorHandler = Callable[[str, BaseException], None]


class TaskGroup:
    """The window's background tasks: named, kept alive, failures reported, cancelled at exit."""

    def __init__(self, on_error: ErrorHandler | None = None) -> None:
        self._tasks: set[asyncio.Task[Any]] = set()
        self._on_error = on_error
        self._closed = False

    def set_error_handler(self, on_error: ErrorHandler) -> None:
        self._on_error = on_error

    def spawn(self, coro: Coroutine[Any, Any, T], name: str) -> asyncio.Task[T] | None:
        if self._closed:
            coro.close()
            return None
        task = asyncio.get_running_loop().create_task(coro, name=name)
        self._tasks.add(task)
        task.add_done_callback(self._finished)
        return task

    def _finished(self, task: asyncio.Task[Any]) -> None:
        self._tasks.discard(task)
        if task.cancelled():
            log.debug("task %s cancelled", task.get_name())
            return
        error = task.exception()
        if error is not None:
            log.error("task %s failed", task.get_name(), exc_info=error)
            if self._on_error is not None:
                self._on_error(task.get_name(), error)

    def __len__(self) -> int:
        return len(self._tasks)

    async def close(self) -> None:
        """Cancel every task and wait until each has finished (nothing left pending)."""
        self._closed = True
        tasks = list(self._tasks)
        for task in tasks:
            task.cancel()
        if tasks:
            await asyncio.gather(*tasks, return_exceptions=True)


async def run_dialog(dialog: QDialog) -> int:
    """Show ``dialog`` window-modal with ``open()`` and wait for its result without a nested
    event loop (Qt's documentation prefers ``open()`` over ``exec()`` for the same reason)."""
    loop = asyncio.get_running_loop()
    done: asyncio.Future[int] = loop.create_future()

    def finished(result: int) -> None:
        if not done.done():
            done.set_result(result)

    dialog.finished.connect(finished)
    dialog.open()
    try:
        return await done
    finally:
        dialog.finished.disconnect(finished)
        if dialog.isVisible():  # the awaiting task was cancelled (shutdown): close it too
            dialog.reject()


class StoreReader:
    """Runs store reads on one named thread and hands the results back to the loop."""

    def __init__(self, name: str = "posbridge-ui-reader") -> None:
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix=name)
        self._closed = False
        self._close_connection: Callable[[], None] | None = None

    def set_connection_closer(self, closer: Callable[[], None]) -> None:
        """What closes this thread's database connection (run on the thread at close)."""
        self._close_connection = closer

    async def run(self, fn: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
        if self._closed:
            raise RuntimeError("the store reader is closed")
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor, functools.partial(fn, *args, **kwargs))

    async def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        loop = asyncio.get_running_loop()
        if self._close_connection is not None:
            try:
                await loop.run_in_executor(self._executor, self._close_connection)
            except Exception:  # a broken connection must not stop the shutdown
                log.exception("closing the reader's database connection failed")
        await loop.run_in_executor(None, functools.partial(self._executor.shutdown, wait=True))
