"""The feed that keeps the table in step with the database: a change heard while the row is
still being read must not be lost (a real SQLite file, the real reader thread)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from uitest_helpers import make_order, run, wait_for

from app.engine.events import OrderSaved
from app.model import OrderStatus, Provider
from app.store.store import IngestPolicy, SendResult, Store
from ui.asyncqt import StoreReader, TaskGroup
from ui.orders_feed import OrdersFeed
from ui.orders_model import OrdersTableModel

T = TypeVar("T")
ACCOUNT = "Kadıköy Şube"


class GatedReader(StoreReader):
    """Reads at once, but hands the result back only when the test opens the gate: the window
    of a read that is under way while the engine commits something new."""

    def __init__(self) -> None:
        super().__init__()
        self.gate = asyncio.Event()
        self.gate.set()
        self.reads = 0

    async def run(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        result = await super().run(fn, *args, **kwargs)
        self.reads += 1
        await self.gate.wait()
        return result


def test_an_acknowledgement_heard_during_the_rows_first_read_reaches_the_table(
    qloop: asyncio.AbstractEventLoop, tmp_path: Path
) -> None:
    store = Store.open(tmp_path / "data")
    model = OrdersTableModel()
    reader = GatedReader()
    tasks = TaskGroup()
    feed = OrdersFeed(model, reader, lambda: store, tasks)

    async def scenario() -> None:
        await feed.start()
        order = make_order(1)
        saved = store.ingest(ACCOUNT, Provider.DUKKANGO, [order], [], IngestPolicy(True))
        [change] = saved.changes
        reads_before = reader.reads
        reader.gate.clear()
        feed.order_saved(
            OrderSaved(
                change.row_id,
                ACCOUNT,
                order.order_id,
                order.display_id,
                "new",
                OrderStatus.NEW,
                None,
                saved.committed_at,  # type: ignore[arg-type]
            )
        )
        # The read of the new row has happened (it saw the order not yet acknowledged) ...
        await wait_for(lambda: reader.reads > reads_before, what="the read of the new row")
        # ... and now the acknowledgement is recorded and announced, before the row is shown.
        store.record_results([SendResult(item.id, "sent") for item in saved.to_send])
        feed.order_changed(ACCOUNT, order.order_id)
        reader.gate.set()
        await wait_for(lambda: model.rowCount() == 1, what="the row")
        await wait_for(lambda: model.row(0).acked, what="the row to show the acknowledgement")

    try:
        run(qloop, scenario())
    finally:
        run(qloop, tasks.close())
        run(qloop, reader.close())
        store.close()
