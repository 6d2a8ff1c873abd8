"""Parsing Dükkango's get-current replies: the documented shape, drift, and garbage."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.model import OrderStatus
from app.providers.base import FeedReply
from app.providers.dukkango import DukkangoSource, parse_order
from app.providers.http import UnreadableReply

DOC_ORDER: dict[str, Any] = {
    "id": 2047,
    "status_id": 1,
    "status_text": "Sipariş Geldi",
    "shipping_method": "delivery",
    "payment_key": "6b1f3c2e-9a4d-4e7b-8c1a-2d3e4f5a6b7c",
    "payment_method": "Nakit",
    "note": "Zili çalmayın lütfen",
    "total": 842.5,
    "date": "2026-02-14 19:42:07",
    "restaurant_id": "0f3a9c1e-5b2d-4a6f-8e7c-1d2b3a4c5e6f",
    "restaurant_name": "Kadıköy Şube",
    "courier_type": "restaurant",
    "discount": "60.0",
    "courier_fee": 0,
    "scheduled_date": "",
    "order_tip": 20,
    "customer": {"name": "Ayşe Yılmaz", "phone": "05321234567"},
    "address": {"address": "Moda Caddesi No: 12", "description": "Kapı kodu 1234"},
    "items": [
        {
            "food_id": 7,
            "name": "Adana Kebap",
            "quantity": 2,
            "price": 340,
            "note": "az acılı",
            "options": [{"group": "Ekstralar", "name": "Közlenmiş biber", "price": 15}],
        },
        {"food_id": 12, "name": "Ayran", "quantity": 2, "price": 45, "note": "", "options": []},
    ],
}


_SOURCE = DukkangoSource("Kadıköy", "http://127.0.0.1:9", {"token": "t0ken-for-tests"})


def source() -> DukkangoSource:
    """Parsing is pure: one connector serves every test (its client never connects)."""
    return _SOURCE


def reply(body: Any) -> FeedReply:
    raw = body if isinstance(body, bytes) else json.dumps(body).encode()
    return FeedReply(body=raw, received_at=datetime.now(UTC), latency_ms=1.0)


def test_documented_order_becomes_the_neutral_order() -> None:
    order = parse_order(DOC_ORDER, "Kadıköy")
    assert order.order_id == DOC_ORDER["payment_key"]  # the key to acknowledge, never the id
    assert order.display_id == "2047"
    assert order.status is OrderStatus.NEW
    assert order.provider_status == "1" and order.ack_unit == "1"
    assert order.total == Decimal("842.5")
    assert order.discount == Decimal("60.0")  # the docs send the discount as text
    assert order.placed_at is not None and order.placed_at.utcoffset().total_seconds() == 3 * 3600
    assert order.customer.name == "Ayşe Yılmaz"
    assert "Kapı kodu 1234" in order.address.one_line()
    first = order.lines[0]
    assert (first.name, first.quantity, first.unit_price, first.total) == (
        "Adana Kebap",
        2,
        Decimal(355),
        Decimal(710),
    )
    assert first.options[0].name == "Közlenmiş biber" and first.note == "az acılı"
    assert order.extra["courier_type"] == "restaurant"
    assert order.short_items() == "2× Adana Kebap, 2× Ayran"


def test_numbers_sent_as_text_are_read() -> None:
    drifted = dict(DOC_ORDER, status_id="2", total="842.50")
    order = parse_order(drifted, "a")
    assert order.status is OrderStatus.ACCEPTED and order.total == Decimal("842.50")


def test_unknown_item_shape_keeps_the_order_and_marks_lines_unreadable() -> None:
    order = parse_order(dict(DOC_ORDER, items={"weird": True}), "a")
    assert order.lines == () and order.lines_readable is False
    assert order.raw["items"] == {"weird": True}  # the raw payload shows what came


def test_unknown_status_is_kept_for_staff_to_look_at() -> None:
    order = parse_order(dict(DOC_ORDER, status_id=99), "a")
    assert order.status is OrderStatus.UNKNOWN and order.provider_status == "99"


@pytest.mark.parametrize(
    "broken, reason",
    [
        ({k: v for k, v in DOC_ORDER.items() if k != "payment_key"}, "payment_key"),
        (dict(DOC_ORDER, payment_key="2047"), "not a UUID"),
        ({k: v for k, v in DOC_ORDER.items() if k != "status_id"}, "status_id"),
        (dict(DOC_ORDER, status_id="hazır"), "status_id"),
        (dict(DOC_ORDER, total={"amount": 3}), "total"),
        ("just a string", "object"),
    ],
)
def test_bad_entries_are_quarantined_and_good_ones_kept(broken: Any, reason: str) -> None:
    good = dict(DOC_ORDER, payment_key="11111111-2222-4333-8444-555555555555")
    batch = source().parse(reply({"status": True, "data": [broken, good]}))
    assert [o.order_id for o in batch.orders] == [good["payment_key"]]
    assert len(batch.rejects) == 1 and reason in batch.rejects[0].reason
    assert json.loads(batch.rejects[0].raw) == broken  # kept verbatim


@pytest.mark.parametrize(
    "body",
    [
        b"",
        b"<html>502 Bad Gateway</html>",
        json.dumps({"status": True, "data": [DOC_ORDER]}).encode()[:90],
        b'{"status": false, "error": "yetkisiz eri\\u015fim"}',
        b'{"status": true, "data": {"x": 1}}',
        b"[1, 2, 3]",
    ],
)
def test_whole_reply_unreadable_raises_with_raw_kept(body: bytes) -> None:
    with pytest.raises(UnreadableReply) as info:
        source().parse(reply(body))
    assert info.value.raw == body


def test_empty_feed() -> None:
    assert source().parse(reply({"status": True, "data": []})).orders == []
    assert source().parse(reply({"status": True, "data": None})).orders == []


# -- fuzzing: drifted and malformed replies never crash the parser ------------------------------

json_leaf = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), st.text(max_size=12)
)
json_values = st.recursive(
    json_leaf,
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=20,
)


@st.composite
def drifted_order(draw: st.DrawFn) -> dict[str, Any]:
    """The documented order with some fields removed, retyped or added."""
    order = json.loads(json.dumps(DOC_ORDER))
    order["payment_key"] = str(draw(st.uuids(version=4)))
    for key in draw(st.lists(st.sampled_from(sorted(order)), max_size=4, unique=True)):
        action = draw(st.sampled_from(["drop", "retype"]))
        if action == "drop":
            del order[key]
        else:
            order[key] = draw(json_values)
    for key in draw(st.lists(st.text(min_size=1, max_size=8), max_size=2)):
        order[key] = draw(json_values)
    return order


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(entries=st.lists(st.one_of(drifted_order(), json_values), max_size=6))
def test_fuzzed_replies_never_crash_and_lose_nothing(entries: list[Any]) -> None:
    batch = source().parse(reply({"status": True, "data": entries}))
    # Every entry is accounted for: saved as an order or kept raw in quarantine.
    assert len(batch.orders) + len(batch.rejects) == len(entries)
    for order in batch.orders:
        assert order.order_id and order.provider_status


@settings(max_examples=200, deadline=None)
@given(body=st.binary(max_size=300) | json_values.map(lambda v: json.dumps(v).encode()))
def test_fuzzed_bodies_either_parse_or_raise_unreadable(body: bytes) -> None:
    try:
        source().parse(reply(body))
    except UnreadableReply as exc:
        assert exc.raw == body
