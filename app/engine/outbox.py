"""The outbox sender: sends every acknowledgement and staff action that was committed, right
after the commit, until the platform answers definitively (invariants 2 and 5).

Items come in two ways: from the ingest step the moment its transaction commits (the fast
path, no database read between the commit and the request), and from the database at start-up
(whatever was pending when the program last stopped). Answers are written back in batches, so a
burst of 2,000 acknowledgements costs a handful of commits, not 2,000.
"""

from __future__ import annotations

import asyncio
import contextlib
import heapq
import logging
import time
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta

from app.engine.backoff import Backoff
from app.engine.events import ActionUpdate, EventBus, EventName, OrderAcked
from app.engine.writer import StoreWriter
from app.model import Action, ActionKind, OutboxState
from app.providers.base import AckRequest, OrderSource, Outcome, perform
from app.providers.http import AuthError, ProviderError, RejectedError, TransientError
from app.store.errors import StoreError
from app.store.store import OutboxItem, SendResult

log = logging.getLogger(__name__)

# A platform that refuses our credentials is asked again only this often (no hammering).
AUTH_RETRY_SECONDS = 300.0


class OutboxSender:
    def __init__(
        self,
        writer: StoreWriter,
        sources: dict[str, OrderSource],
        events: EventBus,
        *,
        concurrency: int = 32,
        backoff: Backoff | None = None,
    ) -> None:
        self._writer = writer
        self._sources = sources
        self._events = events
        self._backoff = backoff or Backoff(base=0.5, cap=120.0)
        self._slots = asyncio.Semaphore(concurrency)
        self._heap: list[tuple[float, int, OutboxItem]] = []
        self._known: set[int] = set()  # queued, in flight, or waiting to be recorded
        self._wake = asyncio.Event()
        self._results: list[tuple[OutboxItem, SendResult]] = []
        self._results_ready = asyncio.Event()
        self._tasks: set[asyncio.Task[None]] = set()
        self._runner: asyncio.Task[None] | None = None
        self._flusher: asyncio.Task[None] | None = None
        self.requests_started = 0  # for benchmarks: how many calls left for the platforms

    # -- feeding ------------------------------------------------------------------------------

    def submit(self, items: Iterable[OutboxItem]) -> None:
        """Queue items for sending (called on the loop, right after their commit)."""
        now = time.monotonic()
        wall = datetime.now(UTC)
        added = False
        for item in items:
            if item.id in self._known or item.state is not OutboxState.PENDING:
                continue
            due = now
            if item.next_attempt_at is not None and item.next_attempt_at > wall:
                due = now + (item.next_attempt_at - wall).total_seconds()
            heapq.heappush(self._heap, (due, item.id, item))
            self._known.add(item.id)
            added = True
        if added:
            self._wake.set()

    async def resume(self) -> int:
        """Queue everything still pending in the database (after a restart or a crash)."""
        items = await self._writer.call(self._store().due_outbox, None, 100_000)
        self.submit(items)
        return len(items)

    def _store(self):  # type: ignore[no-untyped-def]
        assert self._writer.store is not None, "the store is not open"
        return self._writer.store

    # -- running ------------------------------------------------------------------------------

    def start(self) -> None:
        self._runner = asyncio.create_task(self._dispatch(), name="outbox-dispatch")
        self._flusher = asyncio.create_task(self._flush_loop(), name="outbox-flush")

    async def stop(self) -> None:
        """Cancel what is in flight (it stays pending in the database), record what has been
        answered, and return."""
        for task in (self._runner, *self._tasks):
            if task is not None:
                task.cancel()
        await asyncio.gather(
            *(t for t in (self._runner, *self._tasks) if t), return_exceptions=True
        )
        if self._flusher is not None:
            self._flusher.cancel()
            await asyncio.gather(self._flusher, return_exceptions=True)
        await self._flush_once()

    async def _dispatch(self) -> None:
        """Start due items one by one as sending slots free up. Taking the slot before the
        task exists, and yielding after each start, lets the first request reach the socket
        before the next ones are even set up (a burst does not wait for itself), and never
        piles thousands of tasks onto the loop at once."""
        while True:
            now = time.monotonic()
            if self._heap and self._heap[0][0] <= now:
                await self._slots.acquire()
                if not (self._heap and self._heap[0][0] <= time.monotonic()):
                    self._slots.release()
                    continue
                _, _, item = heapq.heappop(self._heap)
                batch = [item]
                source = self._sources.get(item.account)
                if (
                    source is not None
                    and item.kind is ActionKind.ACKNOWLEDGE
                    and source.ack_batch_size > 1
                ):
                    batch += self._take_more_acks(item.account, source.ack_batch_size - 1, now)
                task = asyncio.create_task(self._send(batch))
                self._tasks.add(task)
                task.add_done_callback(self._tasks.discard)
                await asyncio.sleep(0)
                continue
            self._wake.clear()
            timeout = self._heap[0][0] - time.monotonic() if self._heap else None
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), timeout)

    def _take_more_acks(self, account: str, room: int, now: float) -> list[OutboxItem]:
        taken: list[OutboxItem] = []
        keep: list[tuple[float, int, OutboxItem]] = []
        while self._heap and self._heap[0][0] <= now and len(taken) < room:
            entry = heapq.heappop(self._heap)
            item = entry[2]
            if item.account == account and item.kind is ActionKind.ACKNOWLEDGE:
                taken.append(item)
            else:
                keep.append(entry)
        for entry in keep:
            heapq.heappush(self._heap, entry)
        return taken

    async def _send(self, batch: list[OutboxItem]) -> None:
        first = batch[0]
        source = self._sources.get(first.account)
        try:  # the slot was taken by the dispatcher
            self.requests_started += 1
            if source is None:
                results = [
                    self._retry(item, "This account is not running (check its credentials).", 60.0)
                    for item in batch
                ]
            else:
                results = await self._call(source, batch)
        finally:
            self._slots.release()
        self._results.extend(zip(batch, results, strict=True))
        self._results_ready.set()

    async def _call(self, source: OrderSource, batch: list[OutboxItem]) -> list[SendResult]:
        first = batch[0]
        try:
            if first.kind is ActionKind.ACKNOWLEDGE:
                outcomes = await source.acknowledge(
                    [AckRequest(i.id, i.order_id, i.params.get("ack_unit", "")) for i in batch]
                )
            else:
                action = Action(first.kind, first.order_id, params=first.params)
                outcomes = [await perform(source, first.id, action)]
        except TransientError as exc:
            return [self._retry(i, str(exc), exc.retry_after) for i in batch]
        except AuthError as exc:
            return [self._retry(i, str(exc), AUTH_RETRY_SECONDS) for i in batch]
        except RejectedError as exc:
            return [SendResult(i.id, "failed", error=exc.platform_text or str(exc)) for i in batch]
        except ProviderError as exc:
            return [self._retry(i, str(exc), None) for i in batch]
        except Exception as exc:  # a bug must not lose the intent: keep it and retry
            log.exception("sending outbox item %s failed unexpectedly", first.id)
            return [self._retry(i, f"internal error: {exc}", None) for i in batch]
        by_id = {o.outbox_id: o for o in outcomes}
        return [self._result(i, by_id.get(i.id)) for i in batch]

    def _result(self, item: OutboxItem, outcome: Outcome | None) -> SendResult:
        if outcome is None:
            return self._retry(item, "the platform did not answer for this order", None)
        if outcome.ok:
            return SendResult(
                item.id, "sent", response=outcome.response, new_status=outcome.new_status
            )
        return SendResult(item.id, "failed", response=outcome.response, error=outcome.error)

    def _retry(self, item: OutboxItem, error: str, retry_after: float | None) -> SendResult:
        delay = self._backoff.delay(item.attempts, retry_after)
        return SendResult(
            item.id,
            "retry",
            error=error,
            next_attempt_at=datetime.now(UTC) + timedelta(seconds=delay),
        )

    # -- recording answers --------------------------------------------------------------------

    async def _flush_loop(self) -> None:
        while True:
            await self._results_ready.wait()
            await self._flush_once()

    async def _flush_once(self) -> None:
        self._results_ready.clear()
        if not self._results:
            return
        batch, self._results = self._results, []
        try:
            await self._writer.call(self._store().record_results, [r for _, r in batch])
        except StoreError as exc:
            # Not recorded (disk full?): the items stay pending and are sent again later,
            # which the platforms tolerate (acknowledging twice is harmless).
            log.error("could not record platform answers: %s", exc)
            for item, _ in batch:
                self._known.discard(item.id)
            self.submit(_later(item, 5.0) for item, _ in batch)
            return
        for item, result in batch:
            self._known.discard(item.id)
            self._announce(item, result)
            if result.outcome == "retry":
                self.submit([_retried(item, result)])

    def _announce(self, item: OutboxItem, result: SendResult) -> None:
        now = datetime.now(UTC)
        if item.kind is ActionKind.ACKNOWLEDGE:
            if result.outcome == "sent":
                self._events.emit(
                    EventName.ORDER_ACKED,
                    OrderAcked(item.account, item.order_id, now, item.params.get("ack_unit", "")),
                )
            elif result.outcome == "failed" or item.attempts + 1 >= 3:
                self._events.emit(
                    EventName.ACTION_FAILED,
                    ActionUpdate(
                        item.account, item.order_id, item.kind, result.outcome, result.error
                    ),
                )
            return
        name = {
            "sent": EventName.ACTION_SENT,
            "failed": EventName.ACTION_FAILED,
        }.get(result.outcome, EventName.ACTION_QUEUED)
        state = "retrying" if result.outcome == "retry" else result.outcome
        detail = result.error if result.outcome != "sent" else result.response
        self._events.emit(name, ActionUpdate(item.account, item.order_id, item.kind, state, detail))

    @property
    def queued(self) -> int:
        return len(self._known)


def _retried(item: OutboxItem, result: SendResult) -> OutboxItem:
    return OutboxItem(
        id=item.id,
        account=item.account,
        provider=item.provider,
        order_id=item.order_id,
        kind=item.kind,
        params=item.params,
        attempts=item.attempts + 1,
        next_attempt_at=result.next_attempt_at,
        last_error=result.error,
    )


def _later(item: OutboxItem, seconds: float) -> OutboxItem:
    return OutboxItem(
        id=item.id,
        account=item.account,
        provider=item.provider,
        order_id=item.order_id,
        kind=item.kind,
        params=item.params,
        attempts=item.attempts,
        next_attempt_at=datetime.now(UTC) + timedelta(seconds=seconds),
    )
