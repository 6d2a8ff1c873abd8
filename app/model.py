"""The neutral order model: what every platform's order becomes once parsed.

Pure data. Nothing here knows HTTP, SQL or Qt, so every layer can share it.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any


class Provider(enum.StrEnum):
    DUKKANGO = "dukkango"
    CRUX = "crux"
    WALMART_CA = "walmart_ca"


class OrderStatus(enum.StrEnum):
    """Our own status, the same for every platform (the platform's code is kept beside it)."""

    NEW = "new"  # arrived; staff still have to accept or allocate it
    ACCEPTED = "accepted"  # accepted / being prepared / allocated
    ON_THE_WAY = "on_the_way"  # handed to the restaurant's courier
    DONE = "done"  # delivered, completed or shipped
    CANCEL_REQUESTED = "cancel_requested"  # the customer or retailer asks to cancel: staff decide
    CANCELLED = "cancelled"
    UNKNOWN = "unknown"  # a platform status we do not know yet: staff look at it

    @property
    def is_terminal(self) -> bool:
        return self in (OrderStatus.DONE, OrderStatus.CANCELLED)


class ActionKind(enum.StrEnum):
    """Everything the bridge may send to a platform about one order."""

    ACKNOWLEDGE = "acknowledge"
    ACCEPT = "accept"
    ON_THE_WAY = "on_the_way"
    COMPLETE = "complete"
    CANCEL = "cancel"
    ALLOCATE = "allocate"
    CONFIRM_CANCELLATION = "confirm_cancellation"
    REJECT_CANCELLATION = "reject_cancellation"


class OutboxState(enum.StrEnum):
    PENDING = "pending"  # written, not yet answered definitively
    SENT = "sent"  # the platform accepted it
    FAILED = "failed"  # the platform refused it for good; the reason is kept
    SUPERSEDED = "superseded"  # no longer needed (an acknowledgement of a status that has moved on)


@dataclass(frozen=True, slots=True)
class LineOption:
    group: str
    name: str
    price: Decimal = Decimal(0)


@dataclass(frozen=True, slots=True)
class OrderLine:
    line_id: str  # the platform's line key (food_id, line_item_uuid, lineNumber)
    name: str
    quantity: int
    unit_price: Decimal | None = None
    total: Decimal | None = None
    sku: str = ""
    note: str = ""
    options: tuple[LineOption, ...] = ()
    status: str = ""  # the platform's per-line status, where it has one


@dataclass(frozen=True, slots=True)
class Customer:
    name: str = ""
    phone: str = ""


@dataclass(frozen=True, slots=True)
class Address:
    text: str = ""  # street and number, as the platform wrote it
    details: str = ""  # door code, floor, directions
    city: str = ""
    postal_code: str = ""

    def one_line(self) -> str:
        return ", ".join(
            part for part in (self.text, self.details, self.city, self.postal_code) if part
        )


@dataclass(frozen=True, slots=True)
class Order:
    """One order as a platform delivered it, at one status.

    ``order_id`` is the key the platform acknowledges (Dükkango payment_key, Walmart
    purchaseOrderId, Crux order uuid); ``display_id`` is what staff read aloud.
    ``provider_status`` is the platform's own code as text; together with ``order_id`` it is
    the unit that is saved and acknowledged (Dükkango re-sends an order after every change).
    """

    provider: Provider
    account: str
    order_id: str
    display_id: str
    status: OrderStatus
    provider_status: str
    placed_at: datetime | None
    raw: dict[str, Any]
    provider_status_text: str = ""
    customer: Customer = field(default_factory=Customer)
    address: Address = field(default_factory=Address)
    fulfilment: str = ""  # delivery / pickup / ship
    payment_method: str = ""
    lines: tuple[OrderLine, ...] = ()
    lines_readable: bool = True  # False: the platform's item list had a shape we do not know
    total: Decimal | None = None
    currency: str = ""
    discount: Decimal | None = None
    delivery_fee: Decimal | None = None
    tip: Decimal | None = None
    note: str = ""
    deadline_at: datetime | None = None  # e.g. Walmart: acknowledge within 4 h of orderDate
    scheduled_for: datetime | None = None
    extra: dict[str, str] = field(
        default_factory=dict
    )  # small platform facts (courier_type, branch)
    # What one acknowledgement covers: Dükkango acknowledges each status anew, so its connector
    # puts the status here; Crux and Walmart acknowledge an order once, so they leave it empty.
    ack_unit: str = ""

    def short_items(self, limit: int = 60) -> str:
        """ "2× Adana Kebap, 1× Ayran" trimmed to fit a table cell."""
        text = ", ".join(f"{line.quantity}× {line.name}" for line in self.lines)
        return text if len(text) <= limit else text[: limit - 1] + "…"


@dataclass(frozen=True, slots=True)
class Rejected:
    """A feed entry (or a whole reply) that could not be read. Kept raw, never acknowledged."""

    reason: str
    raw: str
    order_id: str | None = None  # when the key could still be read, for display


@dataclass(frozen=True, slots=True)
class Action:
    """A request a person (or the bridge) makes of a platform about one order."""

    kind: ActionKind
    order_id: str
    provider_status: str = ""  # for ACKNOWLEDGE: the status being acknowledged
    params: dict[str, Any] = field(default_factory=dict)
