"""The neutral order as JSON text and back (the store keeps the whole order beside its columns)."""

from __future__ import annotations

import json
from datetime import datetime
from decimal import Decimal
from typing import Any

from app.model import Address, Customer, LineOption, Order, OrderLine, OrderStatus, Provider


def _money(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def _unmoney(value: Any) -> Decimal | None:
    return None if value is None else Decimal(value)


def _when(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def _unwhen(value: Any) -> datetime | None:
    return None if value is None else datetime.fromisoformat(value)


def line_to_dict(line: OrderLine) -> dict[str, Any]:
    return {
        "line_id": line.line_id,
        "name": line.name,
        "quantity": line.quantity,
        "unit_price": _money(line.unit_price),
        "total": _money(line.total),
        "sku": line.sku,
        "note": line.note,
        "status": line.status,
        "options": [
            {"group": o.group, "name": o.name, "price": _money(o.price)} for o in line.options
        ],
    }


def order_to_dict(order: Order) -> dict[str, Any]:
    """Everything but the raw payload, which is stored on its own."""
    return {
        "provider": order.provider.value,
        "account": order.account,
        "order_id": order.order_id,
        "display_id": order.display_id,
        "status": order.status.value,
        "provider_status": order.provider_status,
        "provider_status_text": order.provider_status_text,
        "placed_at": _when(order.placed_at),
        "customer": {"name": order.customer.name, "phone": order.customer.phone},
        "address": {
            "text": order.address.text,
            "details": order.address.details,
            "city": order.address.city,
            "postal_code": order.address.postal_code,
        },
        "fulfilment": order.fulfilment,
        "payment_method": order.payment_method,
        "lines": [line_to_dict(line) for line in order.lines],
        "lines_readable": order.lines_readable,
        "total": _money(order.total),
        "currency": order.currency,
        "discount": _money(order.discount),
        "delivery_fee": _money(order.delivery_fee),
        "tip": _money(order.tip),
        "note": order.note,
        "deadline_at": _when(order.deadline_at),
        "scheduled_for": _when(order.scheduled_for),
        "extra": dict(order.extra),
        "ack_unit": order.ack_unit,
    }


def order_from_dict(data: dict[str, Any], raw: dict[str, Any]) -> Order:
    return Order(
        provider=Provider(data["provider"]),
        account=data["account"],
        order_id=data["order_id"],
        display_id=data["display_id"],
        status=OrderStatus(data["status"]),
        provider_status=data["provider_status"],
        provider_status_text=data.get("provider_status_text", ""),
        placed_at=_unwhen(data.get("placed_at")),
        raw=raw,
        customer=Customer(**data.get("customer", {})),
        address=Address(**data.get("address", {})),
        fulfilment=data.get("fulfilment", ""),
        payment_method=data.get("payment_method", ""),
        lines=tuple(
            OrderLine(
                line_id=line["line_id"],
                name=line["name"],
                quantity=line["quantity"],
                unit_price=_unmoney(line.get("unit_price")),
                total=_unmoney(line.get("total")),
                sku=line.get("sku", ""),
                note=line.get("note", ""),
                status=line.get("status", ""),
                options=tuple(
                    LineOption(o["group"], o["name"], _unmoney(o.get("price")) or Decimal(0))
                    for o in line.get("options", [])
                ),
            )
            for line in data.get("lines", [])
        ),
        lines_readable=data.get("lines_readable", True),
        total=_unmoney(data.get("total")),
        currency=data.get("currency", ""),
        discount=_unmoney(data.get("discount")),
        delivery_fee=_unmoney(data.get("delivery_fee")),
        tip=_unmoney(data.get("tip")),
        note=data.get("note", ""),
        deadline_at=_unwhen(data.get("deadline_at")),
        scheduled_for=_unwhen(data.get("scheduled_for")),
        extra=dict(data.get("extra", {})),
        ack_unit=data.get("ack_unit", ""),
    )


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
