"""The one thread that holds the write connection.

peewee is synchronous and SQLite allows one writer at a time, so every write goes through a
single-worker executor (as Anki does): the event loop awaits it and never waits on the disk.
"""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import ParamSpec, TypeVar

from app.store.store import Store

P = ParamSpec("P")
T = TypeVar("T")


class StoreWriter:
    """Runs Store calls on the writer thread and hands their results back to the loop."""

    def __init__(self, data_dir: Path) -> None:
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="posbridge-writer")
        self._data_dir = data_dir
        self.store: Store | None = None

    async def open(self) -> Store:
        self.store = await self._submit(Store.open, self._data_dir)
        return self.store

    async def call(self, fn: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
        return await self._submit(fn, *args, **kwargs)

    async def _submit(self, fn: Callable[..., T], *args: object, **kwargs: object) -> T:
        loop = asyncio.get_running_loop()
        # Shielded: a cancelled caller must not leave a half-done transaction behind; the
        # thread finishes the call (commit or rollback) whatever happens to the awaiting task.
        future = loop.run_in_executor(self._executor, functools.partial(fn, *args, **kwargs))
        return await asyncio.shield(future)

    def close(self) -> None:
        """Let the running transaction finish, then close the connection on its own thread."""
        if self.store is not None:
            self._executor.submit(self.store.close).result()
        self._executor.shutdown(wait=True)
