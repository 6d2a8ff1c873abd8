"""Keeps the orders model in step with the database, reading only on the reader thread.

At start the newest page is read and shown at once (the table is ready in well under a
second even with 100,000 orders behind it); older history follows in chunks in the background.
Afterwards the engine's events say which rows changed; the feed collects them and reads them in
batches, so a burst of 2,000 orders costs a few dozen reads, not 2,000, and the loop stays free.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, Signal

from app.engine.events import OrderSaved
from app.store.store import OrderSummary, QuarantineInfo, Store
from ui.asyncqt import StoreReader, TaskGroup
from ui.orders_model import OrdersTableModel, TableSnapshot, build_snapshot, row_key

log = logging.getLogger(__name__)

FIRST_PAGE = 1_000
PUMP_GAP_SECONDS = 0.1
APPLY_PIECE_ROWS = 250
HISTORY_CHUNK = 20_000


@dataclass(slots=True)
class FirstPage:
    snapshot: TableSnapshot
    lowest_row_id: int  # the oldest order read; history below it comes later


@dataclass(slots=True)
class Updates:
    new_rows: list[OrderSummary] = field(default_factory=list)
    changed: list[OrderSummary] = field(default_factory=list)
    quarantined: list[QuarantineInfo] | None = None

    def pieces(self, size: int) -> Iterator[Updates]:
        """The same updates in pieces of at most ``size`` rows, new rows first."""
        rows = [(True, r) for r in self.new_rows] + [(False, r) for r in self.changed]
        for start in range(0, max(len(rows), 1), size):
            part = rows[start : start + size]
            yield Updates(
                [r for new, r in part if new],
                [r for new, r in part if not new],
                self.quarantined if start == 0 else None,
            )


def read_first_page(store: Store, size: int) -> FirstPage:
    """The newest ``size`` orders and every open quarantine entry (reader thread)."""
    count = store.count_orders()
    summaries = list(store.iter_summaries(since_row_id=max(0, count - size)))
    lowest = summaries[0].row_id if summaries else 1
    return FirstPage(build_snapshot(summaries, store.quarantined()), lowest)


def read_older(store: Store, below_row_id: int, size: int) -> tuple[TableSnapshot, int]:
    """Up to ``size`` orders just below ``below_row_id`` (reader thread)."""
    since = max(0, below_row_id - 1 - size)
    rows: list[OrderSummary] = []
    summaries = store.iter_summaries(since_row_id=since)
    try:
        for summary in summaries:
            if summary.row_id >= below_row_id:
                break
            rows.append(summary)
    finally:
        summaries.close()  # type: ignore[attr-defined]
    return build_snapshot(rows, []), since


def read_updates(
    store: Store,
    since_row_id: int | None,
    row_ids: set[int],
    orders: set[tuple[str, str]],
    quarantine: bool,
) -> Updates:
    """What changed since the last read (reader thread). ``orders`` are (account, order id)
    of changes to orders that were not in the table yet when the change was heard."""
    updates = Updates()
    if since_row_id is not None:
        updates.new_rows = list(store.iter_summaries(since_row_id=since_row_id))
    if row_ids or orders:
        updates.changed = store.summaries_of(row_ids, orders)
    if quarantine:
        updates.quarantined = store.quarantined()
    return updates


class OrdersFeed(QObject):
    first_page_loaded = Signal()  # the table shows the newest orders
    history_loaded = Signal()  # every order in the database is in the table
    orders_saved = Signal(list)  # [(OrderSaved, OrderSummary)], once the rows are in the table
    quarantine_added = Signal(list)  # [QuarantineInfo] new unreadable entries, in the table
    rows_changed = Signal(list)  # [int] row keys that were replaced (the detail pane listens)

    def __init__(
        self,
        model: OrdersTableModel,
        reader: StoreReader,
        store: Callable[[], Store],
        tasks: TaskGroup,
        first_page: int = FIRST_PAGE,
        history_chunk: int = HISTORY_CHUNK,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.model = model
        self._reader = reader
        self._store = store
        self._tasks = tasks
        self._first_page = first_page
        self._history_chunk = history_chunk
        self._want_new = False
        self._row_ids: set[int] = set()
        self._orders: set[tuple[str, str]] = set()  # changed, not in the table when heard
        self._want_quarantine = False
        self._saved_events: dict[int, list[OrderSaved]] = {}
        self._deferred: set[int] = set()  # changed rows not loaded yet (history still coming)
        self._quarantine_keys: set[int] = set()
        self._wake = asyncio.Event()
        self._started = False
        self.history_complete = False
        self.first_page_seconds: float | None = None

    # -- life ---------------------------------------------------------------------------------

    async def start(self) -> None:
        started = time.perf_counter()
        page = await self._reader.run(read_first_page, self._store(), self._first_page)
        self.model.load(page.snapshot)
        self._quarantine_keys = {
            row_key(row) for row in page.snapshot.rows if isinstance(row, QuarantineInfo)
        }
        self.first_page_seconds = time.perf_counter() - started
        self._started = True
        self.first_page_loaded.emit()
        self._tasks.spawn(self._pump(), name="orders-feed")
        self._tasks.spawn(self._load_history(page.lowest_row_id), name="orders-history")

    async def _load_history(self, lowest: int) -> None:
        while lowest > 1:
            snapshot, since = await self._reader.run(
                read_older, self._store(), lowest, self._history_chunk
            )
            self.model.prepend_rows(snapshot)
            lowest = since + 1
            if since == 0:
                break
        self.history_complete = True
        if self._deferred:
            self._row_ids |= self._deferred
            self._deferred.clear()
            self._wake.set()
        self.history_loaded.emit()

    # -- what the events ask for --------------------------------------------------------------

    def order_saved(self, event: OrderSaved) -> None:
        self._saved_events.setdefault(event.row_id, []).append(event)
        if event.row_id > self.model.max_row_id:
            self._want_new = True
        else:
            self._row_ids.add(event.row_id)
        self._wake.set()

    def order_changed(self, account: str, order_id: str) -> None:
        """Something about an order changed (acknowledged, an action's state, seen)."""
        number = self.model.number_of_order(account, order_id)
        if number is None:
            # Not in the table yet: brand new, or in a read that is under way and may have
            # read it just before this change. Read it again by its key, after the change.
            self._orders.add((account, order_id))
            self._want_new = True
        else:
            row = self.model.row(number)
            self._row_ids.add(row_key(row))
        self._wake.set()

    def row_changed(self, row_id: int) -> None:
        self._row_ids.add(row_id)
        self._wake.set()

    def quarantine_changed(self) -> None:
        self._want_quarantine = True
        self._wake.set()

    # -- the pump -----------------------------------------------------------------------------

    async def _pump(self) -> None:
        loop = asyncio.get_running_loop()
        applied_at = -PUMP_GAP_SECONDS
        while True:
            await self._wake.wait()
            # In a burst, changes gather for a moment after each update, so the table is
            # repainted a few times a second rather than after every piece of every reply
            # (a repaint costs the loop about 10 ms). A lone order still shows at once.
            wait = applied_at + PUMP_GAP_SECONDS - loop.time()
            if wait > 0:
                await asyncio.sleep(wait)
            self._wake.clear()
            if not (self._want_new or self._row_ids or self._orders or self._want_quarantine):
                continue
            since = self.model.max_row_id if self._want_new else None
            row_ids, self._row_ids = self._row_ids, set()
            orders, self._orders = self._orders, set()
            quarantine = self._want_quarantine
            self._want_new = self._want_quarantine = False
            updates = await self._reader.run(
                read_updates, self._store(), since, row_ids, orders, quarantine
            )
            # Thousands of rows at once (a backlog after a night offline) go in in pieces,
            # with the window painting between them.
            for number, piece in enumerate(updates.pieces(APPLY_PIECE_ROWS)):
                if number:
                    await asyncio.sleep(0)
                self._apply(piece)
            applied_at = loop.time()

    def _apply(self, updates: Updates) -> None:
        model = self.model
        if updates.new_rows:
            model.add_rows(updates.new_rows)
        missing = model.replace_rows(updates.changed)
        missing_ids = {row_key(row) for row in missing}
        replaced = [s.row_id for s in updates.changed if s.row_id not in missing_ids]
        if not self.history_complete:
            self._deferred |= missing_ids
        if updates.quarantined is not None:
            self._apply_quarantine(updates.quarantined)
        applied = []
        for summary in [*updates.new_rows, *updates.changed]:
            for event in self._saved_events.pop(summary.row_id, []):
                applied.append((event, summary))
        if applied:
            self.orders_saved.emit(applied)
        if replaced:
            self.rows_changed.emit(replaced)

    def _apply_quarantine(self, entries: list[QuarantineInfo]) -> None:
        model = self.model
        current = {-entry.id for entry in entries}
        known = [entry for entry in entries if model.number_of(-entry.id) is not None]
        fresh = [entry for entry in entries if model.number_of(-entry.id) is None]
        model.replace_rows(known)
        for key in self._quarantine_keys - current:
            model.retire_row(key)  # it arrived readable since: no longer a problem
        self._quarantine_keys = current
        if fresh:
            model.add_rows(fresh)
            self.quarantine_added.emit(fresh)
