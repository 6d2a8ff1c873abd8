"""What every platform connector offers the engine, designed against all three platforms.

The core is ``OrderSource``: fetch the feed, parse it, acknowledge. Each staff action is a
small capability protocol, so the window can ask "can this platform do X?" (FeelUOwn's
pattern) and hide what a platform lacks: Walmart has no backorder, Crux has no preparing time,
Dükkango has no allocation.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol, runtime_checkable

from app.model import Action, ActionKind, Order, OrderStatus, Provider, Rejected


@dataclass(frozen=True, slots=True)
class FeedReply:
    """One raw reply of a platform's feed, as received (parsing happens off the loop)."""

    body: bytes
    received_at: datetime
    latency_ms: float
    content_type: str = ""
    requested_at: datetime | None = None  # when the request left (acks answered after it crossed)
    # Walmart pages its feed with a cursor; Crux with start/limit. None: nothing more to fetch.
    next_cursor: str | None = None


@dataclass(frozen=True, slots=True)
class FeedBatch:
    orders: list[Order] = field(default_factory=list)
    rejects: list[Rejected] = field(default_factory=list)
    next_cursor: str | None = None


@dataclass(frozen=True, slots=True)
class AckRequest:
    outbox_id: int
    order_id: str
    ack_unit: str


@dataclass(frozen=True, slots=True)
class Outcome:
    """The platform's answer to one acknowledgement or action."""

    outbox_id: int
    ok: bool
    response: str = ""
    error: str = ""  # why it was refused, in the platform's words where it gave any
    new_status: tuple[OrderStatus, str] | None = None  # the status the order now has


class OrderSource(Protocol):
    provider: Provider
    account: str
    # Dükkango shows an order until its current status is acknowledged; seeing it again after
    # we acknowledged means the acknowledgement was lost. Crux keeps acknowledged orders in its
    # feed, so there a repeat means nothing.
    reack_on_repeat: bool
    ack_batch_size: int  # Crux takes up to 50 orders per acknowledgement call
    min_poll_interval: float  # the platform's cooldown between two feed calls
    ack_deadline_hours: float | None  # Walmart: 4 h after the order was placed

    async def fetch(self, cursor: str | None = None) -> FeedReply: ...

    def parse(self, reply: FeedReply) -> FeedBatch:
        """Pure and synchronous: never raises for one bad entry, quarantines it instead.
        Raises ``UnreadableReply`` when the reply as a whole cannot be read."""
        ...

    def iter_parse(self, reply: FeedReply, chunk_size: int = 250) -> Iterator[FeedBatch]:
        """The same in batches, decoded as it goes (big replies)."""
        ...

    async def acknowledge(self, requests: Sequence[AckRequest]) -> list[Outcome]: ...

    def status_rank(self, provider_status: str) -> int: ...

    def allowed_actions(self, order: Order) -> frozenset[ActionKind]: ...

    async def aclose(self) -> None: ...


@runtime_checkable
class Accepts(Protocol):
    """Accept an order with a preparing time (Dükkango)."""

    async def accept(self, outbox_id: int, order_id: str, preparing_minutes: int) -> Outcome: ...


@runtime_checkable
class Cancels(Protocol):
    """Cancel an order with one of the platform's reasons (Dükkango; Walmart per line)."""

    def cancel_reasons(self) -> list[tuple[int, str]]: ...

    async def cancel(self, outbox_id: int, order_id: str, reason_id: int) -> Outcome: ...


@runtime_checkable
class MarksOnTheWay(Protocol):
    """Hand an order to the shop's own courier (Dükkango, restaurant couriers only)."""

    async def on_the_way(self, outbox_id: int, order_id: str) -> Outcome: ...


@runtime_checkable
class Completes(Protocol):
    async def complete(self, outbox_id: int, order_id: str) -> Outcome: ...


@runtime_checkable
class Allocates(Protocol):
    """Accept, reject or backorder each line (Crux; Walmart rejects become line cancels)."""

    supports_backorder: bool

    async def allocate(
        self, outbox_id: int, order_id: str, lines: list[dict[str, object]]
    ) -> Outcome: ...


@runtime_checkable
class ReviewsCancellations(Protocol):
    """Confirm or reject a cancellation the customer or retailer asked for (Crux)."""

    async def confirm_cancellation(self, outbox_id: int, order_id: str) -> Outcome: ...

    async def reject_cancellation(self, outbox_id: int, order_id: str) -> Outcome: ...


def action_problem(source: OrderSource, action: Action) -> str | None:
    """What is missing or wrong in ``action``'s parameters for ``perform`` (None: nothing).
    Checked before the action is queued: a request that can never be built would otherwise be
    retried for ever."""
    p = action.params
    kind = action.kind
    try:
        if kind is ActionKind.ACCEPT and int(p["preparing_time"]) <= 0:
            return "the preparing time must be a number of minutes above zero"
        if kind is ActionKind.CANCEL:
            reason = int(p["reason_id"])
            known: set[int] = set()
            if isinstance(source, Cancels):
                known = {code for code, _text in source.cancel_reasons()}
            if known and reason not in known:
                return f"{reason} is not one of the platform's cancel reasons"
        if kind is ActionKind.ALLOCATE and not isinstance(p["lines"], list):
            return "the allocation needs a list of lines"
    except KeyError as missing:
        return f"{missing.args[0]} is missing"
    except (TypeError, ValueError):
        return "a parameter is not a number"
    return None


async def perform(source: OrderSource, outbox_id: int, action: Action) -> Outcome:
    """Send one staff action through whichever capability the platform has for it."""
    p = action.params
    kind = action.kind
    if kind is ActionKind.ACCEPT and isinstance(source, Accepts):
        return await source.accept(outbox_id, action.order_id, int(p["preparing_time"]))
    if kind is ActionKind.CANCEL and isinstance(source, Cancels):
        return await source.cancel(outbox_id, action.order_id, int(p["reason_id"]))
    if kind is ActionKind.ON_THE_WAY and isinstance(source, MarksOnTheWay):
        return await source.on_the_way(outbox_id, action.order_id)
    if kind is ActionKind.COMPLETE and isinstance(source, Completes):
        return await source.complete(outbox_id, action.order_id)
    if kind is ActionKind.ALLOCATE and isinstance(source, Allocates):
        return await source.allocate(outbox_id, action.order_id, list(p["lines"]))
    if kind is ActionKind.CONFIRM_CANCELLATION and isinstance(source, ReviewsCancellations):
        return await source.confirm_cancellation(outbox_id, action.order_id)
    if kind is ActionKind.REJECT_CANCELLATION and isinstance(source, ReviewsCancellations):
        return await source.reject_cancellation(outbox_id, action.order_id)
    return Outcome(outbox_id, ok=False, error=f"{source.provider.value} cannot {kind.value}")
