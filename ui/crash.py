"""Unexpected errors: logged to the file and shown in the window, never lost.

A frozen, windowed program has no stderr, so Python's default excepthook prints into nothing.
This installs ``sys.excepthook`` (exceptions in Qt slots and ``asyncSlot`` land there),
``threading.excepthook`` (worker threads) and the event loop's exception handler (callbacks and
tasks nobody awaited); each logs with the traceback and shows one short notice.
"""

from __future__ import annotations

import asyncio
import logging
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import Any

from PySide6.QtCore import QCoreApplication

log = logging.getLogger("posbridge.crash")

Show = Callable[[str], None]


class CrashHandler:
    """Installs the hooks; ``show`` puts a notice in the window (set once the window exists)."""

    def __init__(self, log_path: Path | None = None) -> None:
        self.log_path = log_path
        self.show: Show | None = None
        self.seen = 0
        self._previous_hook: Any = None
        self._previous_thread_hook: Any = None

    def install(self) -> None:
        self._previous_hook = sys.excepthook
        self._previous_thread_hook = threading.excepthook
        sys.excepthook = self.excepthook
        threading.excepthook = self.thread_excepthook

    def uninstall(self) -> None:
        if self._previous_hook is not None:
            sys.excepthook = self._previous_hook
            threading.excepthook = self._previous_thread_hook
            self._previous_hook = self._previous_thread_hook = None

    def install_loop_handler(self, loop: asyncio.AbstractEventLoop) -> None:
        loop.set_exception_handler(self.loop_exception_handler)

    # -- the hooks ----------------------------------------------------------------------------

    def excepthook(
        self, kind: type[BaseException], error: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            return
        log.critical("unhandled exception", exc_info=(kind, error, tb))
        self._notice(error)

    def thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit:
            return
        name = args.thread.name if args.thread else "?"
        log.critical(
            "unhandled exception in thread %s",
            name,
            exc_info=(args.exc_type, args.exc_value, args.exc_traceback),  # type: ignore[arg-type]
        )
        if args.exc_value is not None:
            self._notice(args.exc_value)

    def loop_exception_handler(
        self, loop: asyncio.AbstractEventLoop, context: dict[str, Any]
    ) -> None:
        error = context.get("exception")
        message = context.get("message", "unhandled error in the event loop")
        if isinstance(error, asyncio.CancelledError):
            return
        log.error(
            "%s: %r",
            message,
            {k: v for k, v in context.items() if k not in ("message", "exception")},
            exc_info=error if isinstance(error, BaseException) else None,
        )
        self._notice(error if isinstance(error, BaseException) else RuntimeError(str(message)))

    # -- the notice ---------------------------------------------------------------------------

    def notice_text(self, error: BaseException) -> str:
        where = str(self.log_path) if self.log_path else "?"
        return QCoreApplication.translate(
            "Crash",
            "Something went wrong inside POS Bridge: {error}. Orders keep being saved. "
            "The details are in the log file: {path}",
        ).format(error=f"{type(error).__name__}: {error}", path=where)

    def _notice(self, error: BaseException) -> None:
        self.seen += 1
        if self.show is None:
            return
        try:
            self.show(self.notice_text(error))
        except Exception:  # showing the notice must never raise from inside a hook
            log.exception("could not show the error notice")
