"""Dükkango order objects, exactly in the documented ``get-current`` shape.

The field set is the doc example's (reference/provider-apis.md §3.4); ``items`` and the address
fields after ``description`` are our assumption (§3.5: the docs were truncated there; decision in
PROVIDERS.md). Amounts follow the example's types: numbers, except ``discount``, a string.
"""

from __future__ import annotations

import random
import uuid
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from app.sim import turkish_menu

try:
    ISTANBUL: timezone | ZoneInfo = ZoneInfo("Europe/Istanbul")
except ZoneInfoNotFoundError:  # no tz database (Windows without tzdata): Turkey is UTC+3 all year
    ISTANBUL = timezone(timedelta(hours=3), "TRT")

RECEIVED, CONFIRMED, IN_DELIVERY, DELIVERED, CANCELLED = 1, 2, 16, 5, 6

# The lifecycle guide's table (/guides/order-lifecycle).
STATUS_TEXT: dict[int, str] = {
    RECEIVED: "Sipariş Geldi",
    CONFIRMED: "Hazırlanıyor",
    IN_DELIVERY: "Restoran Kuryeye Verildi",
    DELIVERED: "Teslim Edildi",
    CANCELLED: "İptal Edildi",
}
UNKNOWN_STATUS_TEXT = "Bilinmeyen Durum"

# The order of the doc example, then the assumed ``items``.
ORDER_FIELDS = (
    "id",
    "status_id",
    "status_text",
    "shipping_method",
    "payment_key",
    "payment_method",
    "note",
    "total",
    "date",
    "restaurant_id",
    "restaurant_name",
    "courier_type",
    "discount",
    "courier_fee",
    "scheduled_date",
    "order_tip",
    "customer",
    "address",
    "items",
)
# Fields a test may set when it creates an order; the status moves only through the API.
OVERRIDABLE = frozenset(ORDER_FIELDS) - {"status_id", "status_text"}


def wall_time(moment: datetime) -> str:
    """Dükkango's date format: Istanbul wall time without a zone, "2026-02-14 19:42:07"."""
    return moment.astimezone(ISTANBUL).strftime("%Y-%m-%d %H:%M:%S")


def money(value: Decimal) -> int | float:
    """An amount as the docs write it: 20 when whole, 842.5 otherwise."""
    value = value.quantize(Decimal("0.01"))
    return int(value) if value == value.to_integral_value() else float(value)


def order_total(order: dict[str, Any]) -> Decimal:
    """What ``total`` must be: Σ (price + options) × quantity + courier fee + tip − discount."""
    subtotal = sum(
        (
            (Decimal(str(line["price"])) + sum(Decimal(str(o["price"])) for o in line["options"]))
            * line["quantity"]
            for line in order["items"]
        ),
        Decimal(0),
    )
    return (
        subtotal
        + Decimal(str(order["courier_fee"]))
        + Decimal(str(order["order_tip"]))
        - Decimal(str(order["discount"]))
    ).quantize(Decimal("0.01"))


def new_order(
    rng: random.Random,
    *,
    display_id: int,
    restaurant: dict[str, str],
    placed_at: datetime,
    overrides: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """A new RECEIVED order with realistic content, every random choice from ``rng``."""
    overrides = dict(overrides or {})
    unknown = set(overrides) - OVERRIDABLE
    if unknown:
        raise ValueError(f"cannot override {sorted(unknown)}; allowed: {sorted(OVERRIDABLE)}")

    # Pickup and "come_get" go together (the customer fetches the food, §3.6 [INF]).
    shipping = overrides.get("shipping_method")
    courier = overrides.get("courier_type")
    if shipping is None:
        shipping = "pickup" if courier == "come_get" or rng.random() < 0.15 else "delivery"
    if courier is None:
        courier = "come_get" if shipping == "pickup" else rng.choice(("restaurant", "fuudy"))
    delivered = shipping == "delivery"

    items = [
        {
            "food_id": line.dish.food_id,
            "name": line.dish.name,
            "quantity": line.quantity,
            "price": money(line.dish.price),
            "note": line.note,
            "options": [
                {"group": group, "name": option.name, "price": money(option.price)}
                for group, option in line.options
            ],
        }
        for line in turkish_menu.pick_lines(rng)
    ]
    name, phone = turkish_menu.pick_customer(rng)
    if delivered:
        address = turkish_menu.pick_address(rng)
    else:
        address = dict.fromkeys(("address", "description", "apartment", "floor", "door"), "")
    fees = {"restaurant": ("0", "0", "20"), "fuudy": ("0", "34.9", "45")}.get(courier, ("0",))
    order: dict[str, Any] = {
        "id": display_id,
        "status_id": RECEIVED,
        "status_text": STATUS_TEXT[RECEIVED],
        "shipping_method": shipping,
        "payment_key": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
        "payment_method": rng.choices(("Kredi Kartı", "Nakit", "Banka Kartı"), (50, 25, 25))[0],
        "note": rng.choice(turkish_menu.ORDER_NOTES),
        "total": 0,
        "date": wall_time(placed_at),
        "restaurant_id": restaurant["id"],
        "restaurant_name": restaurant["name"],
        "courier_type": courier,
        "discount": "0.0",
        "courier_fee": money(Decimal(rng.choice(fees))),
        "scheduled_date": "",
        "order_tip": rng.choice((0, 0, 0, 10, 20, 30)) if delivered else 0,
        "customer": {"name": name, "phone": phone},
        "address": address,
        "items": items,
    }
    if rng.random() < 0.3:
        # The example writes the discount as a string, "60.0" (§3.9 surprise 4).
        order["discount"] = str(float(rng.choice((20, 40, 60, 75))))
    if rng.random() < 0.1:
        later = placed_at + timedelta(minutes=rng.choice((60, 90, 120, 180)))
        order["scheduled_date"] = wall_time(later)

    order.update(overrides)
    if "total" not in overrides:  # an explicit total stays wrong on purpose
        order["total"] = money(order_total(order))
    return order
