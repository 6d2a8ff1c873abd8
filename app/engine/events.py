"""Named events: how the engine tells the world what happened.

The engine knows nothing of windows. It emits events by name; the window's adapter turns them
into Qt signals and the headless runner logs them (Electrum's pattern). Handlers run on the
event loop's thread, synchronously, and must be quick.
"""

from __future__ import annotations

import enum
import logging
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from app.model import ActionKind, OrderStatus

log = logging.getLogger(__name__)


class EventName(enum.StrEnum):
    ORDER_SAVED = "order_saved"  # OrderSaved: new order, status change (after the commit)
    ORDER_ACKED = "order_acked"  # OrderAcked
    ORDER_QUARANTINED = "order_quarantined"  # OrderQuarantined
    ACTION_QUEUED = "action_queued"  # ActionUpdate (state "pending")
    ACTION_SENT = "action_sent"  # ActionUpdate (state "sent")
    ACTION_FAILED = "action_failed"  # ActionUpdate (state "failed", or an ack failing)
    ACCOUNT_HEALTH = "account_health"  # AccountHealth
    ORDER_UPDATED = "order_updated"  # OrderUpdated: seen, cancellation confirmed, local change


@dataclass(frozen=True, slots=True)
class OrderSaved:
    row_id: int
    account: str
    order_id: str
    display_id: str
    kind: str  # "new" or "status"
    status: OrderStatus
    previous: OrderStatus | None
    saved_at: datetime


@dataclass(frozen=True, slots=True)
class OrderAcked:
    account: str
    order_id: str
    acked_at: datetime
    ack_unit: str = ""  # what was acknowledged (Dükkango: the status code)


@dataclass(frozen=True, slots=True)
class OrderQuarantined:
    account: str
    order_id: str | None
    reason: str
    times_seen: int


@dataclass(frozen=True, slots=True)
class ActionUpdate:
    account: str
    order_id: str
    kind: ActionKind
    state: str  # pending / sent / failed / retrying
    detail: str = ""  # the platform's answer or the reason it failed


class HealthState(enum.StrEnum):
    STARTING = "starting"
    OK = "ok"
    OFFLINE = "offline"  # the platform cannot be reached
    DEGRADED = "degraded"  # replies come, but errors (5xx, throttling, unreadable replies)
    NEEDS_CREDENTIALS = "needs_credentials"  # the platform refused the credentials
    STALLED = "stalled"  # no poll has completed for far longer than the interval
    RESTARTING = "restarting"  # the window's engine process died or hung; it is started again
    STOPPED = "stopped"


@dataclass(frozen=True, slots=True)
class AccountHealth:
    account: str
    provider: str
    state: HealthState
    message: str  # one sentence for the staff: what happened and what to do
    last_ok_at: datetime | None
    offline_since: datetime | None
    latency_ms: float | None
    consecutive_failures: int


@dataclass(frozen=True, slots=True)
class OrderUpdated:
    account: str
    order_id: str
    what: str  # "seen", "cancellation_confirmed"


Handler = Callable[[Any], None]


class EventBus:
    def __init__(self) -> None:
        self._handlers: dict[EventName, list[Handler]] = defaultdict(list)

    def subscribe(self, name: EventName, handler: Handler) -> Callable[[], None]:
        """Listen to one event; returns a function that stops listening."""
        self._handlers[name].append(handler)
        return lambda: self._handlers[name].remove(handler)

    def emit(self, name: EventName, payload: Any) -> None:
        for handler in list(self._handlers[name]):
            try:
                handler(payload)
            except Exception:
                # One broken listener must not stop orders flowing to the others.
                log.exception("event handler for %s failed", name)
