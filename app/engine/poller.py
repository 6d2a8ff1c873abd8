"""One poller per account: fetch the feed, save it, hand the acknowledgements to the sender.

The order of one cycle is the product's promise: parse and save in one transaction on the
writer thread, then (and only then) queue the acknowledgements, which leave without waiting
for anyone (invariants 1 and 2).
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from datetime import UTC, datetime

from app.config import AccountConfig
from app.engine.backoff import Backoff
from app.engine.events import (
    AccountHealth,
    EventBus,
    EventName,
    HealthState,
    OrderQuarantined,
    OrderSaved,
)
from app.engine.outbox import AUTH_RETRY_SECONDS, OutboxSender
from app.engine.writer import StoreWriter
from app.model import Order, Rejected
from app.providers.base import FeedReply, OrderSource
from app.providers.http import AuthError, ProviderError, TransientError, UnreadableReply
from app.store.errors import StoreError
from app.store.store import IngestPolicy, IngestResult

log = logging.getLogger(__name__)

# A margin over the platform's cooldown: its window starts when it served our previous call,
# which is a little after we sent it.
# Orders per commit while saving one reply: a small first piece for a fast first
# acknowledgement, then larger ones so a backlog of thousands costs few commits.
COMMIT_PIECES = (10, 100, 500)
COOLDOWN_MARGIN = 1.02
COOLDOWN_SLACK_SECONDS = 0.05


class Poller:
    def __init__(
        self,
        account: AccountConfig,
        source: OrderSource,
        writer: StoreWriter,
        sender: OutboxSender,
        events: EventBus,
        retry_base_seconds: float = 1.0,
        on_saved: Callable[[IngestResult], None] | None = None,
    ) -> None:
        self.account = account
        self.source = source
        self._writer = writer
        self._sender = sender
        self._events = events
        self._on_saved = on_saved
        cooldown = source.min_poll_interval
        self.interval = max(
            account.poll_seconds,
            cooldown * COOLDOWN_MARGIN + COOLDOWN_SLACK_SECONDS if cooldown > 0 else 0.0,
        )
        # After a failure: at least the normal interval (the cooldown), growing to 5 minutes.
        self._backoff = Backoff(
            base=max(self.interval, retry_base_seconds), cap=300.0, floor=self.interval
        )
        self._policy = IngestPolicy(
            reack_on_repeat=source.reack_on_repeat, status_rank=source.status_rank
        )
        self.failures = 0
        self.last_ok_at: datetime | None = None
        self.offline_since: datetime | None = None
        self.busy_since: float | None = None  # set while a cycle runs (the watchdog reads it)
        self.latency_ms: float | None = None
        self.state = HealthState.STARTING
        self.message = "Starting."
        self.polls = 0

    async def run(self) -> None:
        self._report(HealthState.STARTING, "Connecting to the platform.")
        while True:
            self.busy_since = time.monotonic()
            try:
                delay = await self.poll_once()
            except Exception as exc:  # a bug must not end polling in silence
                log.exception("account %s: the poll cycle failed", self.account.name)
                delay = self._failed(exc, None, offline=False)
            self.busy_since = None
            await asyncio.sleep(delay)

    async def poll_once(self) -> float:
        """One cycle; returns how long to wait before the next one."""
        cursor: str | None = None
        while True:
            try:
                reply = await self.source.fetch(cursor)
            except TransientError as exc:
                return self._failed(exc, exc.retry_after, offline=exc.offline)
            except AuthError as exc:
                self.failures += 1
                self._report(HealthState.NEEDS_CREDENTIALS, str(exc))
                return AUTH_RETRY_SECONDS
            except ProviderError as exc:
                return self._failed(exc, None, offline=False)
            received = time.monotonic()
            self.latency_ms = reply.latency_ms
            loop = asyncio.get_running_loop()
            try:
                cursor = await self._writer.call(self._ingest, reply, loop)
            except UnreadableReply as exc:
                await self._keep_unreadable(exc)
                return self._failed(exc, None, offline=False)
            except StoreError as exc:
                log.error("account %s: %s", self.account.name, exc)
                return self._failed(exc, None, offline=False)
            self.polls += 1
            self.failures = 0
            self.offline_since = None
            self.last_ok_at = datetime.now(UTC)
            self._report(HealthState.OK, "Receiving orders.")
            if not cursor:  # Walmart pages with a cursor: fetch the next page at once
                return max(0.0, self.interval - (time.monotonic() - received))

    def _ingest(self, reply: FeedReply, loop: asyncio.AbstractEventLoop) -> str | None:
        """Runs on the writer thread: parse and save the reply piece by piece, each piece
        with its own commit, and hand each piece's acknowledgements to the loop the moment
        it is committed. The first piece is small, so the first acknowledgement leaves within
        milliseconds even when the reply holds thousands of orders; later pieces are larger,
        to spend few commits on a backlog. Every order still has its row, history event and
        outbox entry committed together before its acknowledgement can leave (invariant 1).
        If the reply turns out unreadable half-way, what was read and saved stays saved."""
        store = self._writer.store
        assert store is not None
        targets = iter(COMMIT_PIECES)
        target = next(targets)
        orders: list[Order] = []
        rejects: list[Rejected] = []
        cursor: str | None = None

        def commit() -> None:
            result = store.ingest(
                self.account.name,
                self.source.provider,
                orders,
                rejects,
                self._policy,
                requested_at=reply.requested_at,
            )
            loop.call_soon_threadsafe(self._committed, result)
            orders.clear()
            rejects.clear()

        for batch in self.source.iter_parse(reply, chunk_size=COMMIT_PIECES[0]):
            cursor = batch.next_cursor
            orders.extend(batch.orders)
            rejects.extend(batch.rejects)
            if len(orders) + len(rejects) >= target:
                commit()
                target = next(targets, COMMIT_PIECES[-1])
        if orders or rejects:
            commit()
        return cursor

    def _committed(self, result: IngestResult) -> None:
        """On the loop, right after a piece was committed: its acknowledgements leave now."""
        self._sender.submit(result.to_send)
        self._announce(result)

    async def _keep_unreadable(self, exc: UnreadableReply) -> None:
        """A reply that cannot be read at all is kept raw for support (nothing is lost)."""
        raw = exc.raw.decode("utf-8", "replace")[:200_000]
        store = self._writer.store
        assert store is not None
        try:
            result = await self._writer.call(
                store.ingest,
                self.account.name,
                self.source.provider,
                [],
                [Rejected(reason=str(exc), raw=raw)],
                self._policy,
            )
        except StoreError as store_exc:
            log.error("could not keep an unreadable reply: %s", store_exc)
            return
        self._announce(result)

    def _failed(self, exc: Exception, retry_after: float | None, offline: bool) -> float:
        now = datetime.now(UTC)
        self.failures += 1
        if offline and self.offline_since is None:
            self.offline_since = now
        state = HealthState.OFFLINE if offline else HealthState.DEGRADED
        self._report(state, str(exc))
        log.warning("account %s: %s", self.account.name, exc)
        return self._backoff.delay(self.failures - 1, retry_after)

    def _announce(self, result: IngestResult) -> None:
        announce_saved(self._events, result)
        for q in result.quarantined:
            self._events.emit(
                EventName.ORDER_QUARANTINED,
                OrderQuarantined(q.account, q.order_id, q.reason, q.times_seen),
            )
        if self._on_saved is not None:
            self._on_saved(result)

    def _report(self, state: HealthState, message: str) -> None:
        self.state = state
        self.message = message
        self._events.emit(EventName.ACCOUNT_HEALTH, self.health())

    def health(self) -> AccountHealth:
        return AccountHealth(
            account=self.account.name,
            provider=self.account.provider.value,
            state=self.state,
            message=self.message,
            last_ok_at=self.last_ok_at,
            offline_since=self.offline_since,
            latency_ms=self.latency_ms,
            consecutive_failures=self.failures,
        )


def announce_saved(events: EventBus, result: IngestResult) -> None:
    """One ORDER_SAVED event per new order or status change of a committed ingest."""
    saved_at = result.committed_at or datetime.now(UTC)
    for change in result.changes:
        if change.kind == "repeat":
            continue
        events.emit(
            EventName.ORDER_SAVED,
            OrderSaved(
                change.row_id,
                change.account,
                change.order_id,
                change.display_id,
                change.kind,
                change.status,
                change.previous,
                saved_at,
            ),
        )
