"""How values read on screen: times, money, statuses, acknowledgement and action states.

Every label here is translated (context "Format"); the functions are plain so the table model,
the detail pane and the tray share one wording.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QLocale

from app.model import ActionKind, OrderStatus, OutboxState, Provider

# Platform names are brand names: the same in every language.
PROVIDER_NAMES = {
    Provider.DUKKANGO.value: "Dükkango",
    Provider.CRUX.value: "Crux",
    Provider.WALMART_CA.value: "Walmart CA",
}
CURRENCY_SYMBOLS = {"TRY": "₺", "TL": "₺", "CAD": "$", "USD": "$", "EUR": "€"}


def now_utc() -> datetime:
    return datetime.now(UTC)


def provider_name(provider: str) -> str:
    return PROVIDER_NAMES.get(provider, provider)


def status_text(status: str) -> str:
    texts = {
        OrderStatus.NEW.value: QCoreApplication.translate("Format", "NEW"),
        OrderStatus.ACCEPTED.value: QCoreApplication.translate("Format", "Preparing"),
        OrderStatus.ON_THE_WAY.value: QCoreApplication.translate("Format", "On the way"),
        OrderStatus.DONE.value: QCoreApplication.translate("Format", "Done"),
        OrderStatus.CANCEL_REQUESTED.value: QCoreApplication.translate(
            "Format", "Cancel requested"
        ),
        OrderStatus.CANCELLED.value: QCoreApplication.translate("Format", "CANCELLED"),
        OrderStatus.UNKNOWN.value: QCoreApplication.translate("Format", "Check on platform"),
    }
    return texts.get(status, status)


def action_text(kind: str) -> str:
    texts = {
        ActionKind.ACKNOWLEDGE.value: QCoreApplication.translate("Format", "Acknowledgement"),
        ActionKind.ACCEPT.value: QCoreApplication.translate("Format", "Accept"),
        ActionKind.ON_THE_WAY.value: QCoreApplication.translate("Format", "On the way"),
        ActionKind.COMPLETE.value: QCoreApplication.translate("Format", "Complete"),
        ActionKind.CANCEL.value: QCoreApplication.translate("Format", "Cancel"),
        ActionKind.ALLOCATE.value: QCoreApplication.translate("Format", "Allocate"),
        ActionKind.CONFIRM_CANCELLATION.value: QCoreApplication.translate(
            "Format", "Confirm cancellation"
        ),
        ActionKind.REJECT_CANCELLATION.value: QCoreApplication.translate(
            "Format", "Reject cancellation"
        ),
    }
    return texts.get(kind, kind)


def outbox_state_text(state: str) -> str:
    texts = {
        OutboxState.PENDING.value: QCoreApplication.translate("Format", "Sending…"),
        OutboxState.SENT.value: QCoreApplication.translate("Format", "Sent ✓"),
        OutboxState.FAILED.value: QCoreApplication.translate("Format", "FAILED"),
        OutboxState.SUPERSEDED.value: QCoreApplication.translate("Format", "No longer needed"),
    }
    return texts.get(state, state)


def status_with_action(status: str, action_kind: str, action_state: str) -> str:
    """The status cell: the order's status, and the staff action still on its way."""
    text = status_text(status)
    if not action_kind or action_kind == ActionKind.ACKNOWLEDGE.value:
        return text
    if action_state == OutboxState.PENDING.value:
        return QCoreApplication.translate("Format", "{status} → {action}…").format(
            status=text, action=action_text(action_kind)
        )
    if action_state == OutboxState.FAILED.value:
        return QCoreApplication.translate("Format", "{status} · {action} FAILED").format(
            status=text, action=action_text(action_kind)
        )
    return text


def ack_text(acked: bool, problem: str) -> str:
    """The "Acknowledged" column: has the platform been told we have the order?"""
    if acked:
        return QCoreApplication.translate("Format", "✓ Yes")
    if problem.startswith("ack:"):
        return QCoreApplication.translate("Format", "⚠ NO")
    return QCoreApplication.translate("Format", "Sending…")


def to_local(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone()


def clock(moment: datetime | None, now: datetime | None = None) -> str:
    """ "14:32" today, "22.11 14:32" (locale order) on another day."""
    if moment is None:
        return ""
    local = to_local(moment)
    today = to_local(now or now_utc()).date()
    if local.date() == today:
        return local.strftime("%H:%M")
    locale = QLocale()
    day = locale.toString(QDate(local.year, local.month, local.day), QLocale.FormatType.ShortFormat)
    return f"{day} {local.strftime('%H:%M')}"


def clock_seconds(moment: datetime | None) -> str:
    if moment is None:
        return ""
    return to_local(moment).strftime("%H:%M:%S")


def duration(delta: timedelta) -> str:
    """A short duration a person reads at a glance: "45 s", "12 min", "3 h 05 min", "2 d"."""
    seconds = int(abs(delta.total_seconds()))
    if seconds < 60:
        return QCoreApplication.translate("Format", "{n} s").format(n=seconds)
    minutes = seconds // 60
    if minutes < 60:
        return QCoreApplication.translate("Format", "{n} min").format(n=minutes)
    hours, minutes = divmod(minutes, 60)
    if hours < 48:
        return QCoreApplication.translate("Format", "{h} h {m:02d} min").format(h=hours, m=minutes)
    return QCoreApplication.translate("Format", "{n} d").format(n=hours // 24)


def time_left(deadline: datetime | None, now: datetime | None = None) -> tuple[str, bool]:
    """The countdown text and whether the deadline has passed."""
    if deadline is None:
        return "", False
    delta = deadline - (now or now_utc())
    if delta.total_seconds() < 0:
        return QCoreApplication.translate("Format", "LATE {time}").format(
            time=duration(delta)
        ), True
    return duration(delta), False


def money(amount: Any, currency: str) -> str:
    if amount is None:
        return ""
    value = float(Decimal(str(amount)))
    text = QLocale().toString(value, "f", 2)
    symbol = CURRENCY_SYMBOLS.get(currency.upper(), currency)
    if symbol == "₺":
        return f"{text} ₺"
    return f"{symbol}{text}" if symbol == "$" else f"{text} {symbol}".strip()


def event_text(kind: str) -> str:
    """A history entry's kind in words ("accept_sent" → "Accept sent")."""
    fixed = {
        "received": QCoreApplication.translate("Format", "Received"),
        "status": QCoreApplication.translate("Format", "Status changed"),
        "acknowledged": QCoreApplication.translate("Format", "Acknowledged"),
        "cancellation_confirmed": QCoreApplication.translate(
            "Format", "Cancellation seen by staff"
        ),
        "seen": QCoreApplication.translate("Format", "Opened"),
    }
    if kind in fixed:
        return fixed[kind]
    for suffix, template in (
        ("_sent", QCoreApplication.translate("Format", "{action} sent")),
        ("_failed", QCoreApplication.translate("Format", "{action} failed")),
    ):
        if kind.endswith(suffix):
            return template.format(action=action_text(kind[: -len(suffix)]))
    if kind in {k.value for k in ActionKind}:
        return QCoreApplication.translate("Format", "{action} requested").format(
            action=action_text(kind)
        )
    return kind


def fulfilment_text(fulfilment: str) -> str:
    texts = {
        "delivery": QCoreApplication.translate("Format", "Delivery"),
        "pickup": QCoreApplication.translate("Format", "Pickup by the customer"),
        "ship": QCoreApplication.translate("Format", "Shipping"),
    }
    return texts.get(fulfilment, fulfilment)
