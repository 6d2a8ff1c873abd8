"""Generated orders are realistic, add up, and are the same for the same seed."""

from __future__ import annotations

import random
import re
import uuid
from decimal import Decimal
from typing import Any

import pytest

from app.sim.dukkango import DukkangoSim, seed_bytes
from app.sim.dukkango_orders import order_total
from app.sim.dukkango_stream import OrderStream
from app.sim.turkish_menu import MENU


def payloads(sim: DukkangoSim) -> list[dict[str, Any]]:
    return [sim.order_payload(s["payment_key"]) for s in sim.snapshot()]


def without_dates(order: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in order.items() if k not in ("date", "scheduled_date")}


def test_same_seed_same_orders() -> None:
    first, second, other = DukkangoSim(seed=5), DukkangoSim(seed=5), DukkangoSim(seed=6)
    keys = first.add_orders(20)
    assert keys == second.add_orders(20)
    assert [without_dates(o) for o in payloads(first)] == [
        without_dates(o) for o in payloads(second)
    ]
    assert set(keys).isdisjoint(other.add_orders(20))


def test_reset_replays_the_seed() -> None:
    sim = DukkangoSim(seed=9)
    keys = sim.add_orders(4)
    sim.reset()
    assert sim.snapshot() == []
    assert sim.add_orders(4) == keys


@pytest.mark.parametrize("seed", range(5))
def test_totals_add_up(seed: int) -> None:
    sim = DukkangoSim(seed=seed)
    sim.add_orders(40)
    for order in payloads(sim):
        lines = sum(
            (Decimal(str(i["price"])) + sum(Decimal(str(o["price"])) for o in i["options"]))
            * i["quantity"]
            for i in order["items"]
        )
        expected = (
            lines
            + Decimal(str(order["courier_fee"]))
            + Decimal(str(order["order_tip"]))
            - Decimal(order["discount"])
        )
        assert Decimal(str(order["total"])) == expected
        assert order_total(order) == expected
        assert expected > 0


def test_orders_look_real() -> None:
    sim = DukkangoSim(seed=3)
    sim.add_orders(60)
    orders = payloads(sim)
    dishes = {d.name for d in MENU}
    for order in orders:
        assert uuid.UUID(order["payment_key"]).version == 4
        assert re.fullmatch(r"05\d{9}", order["customer"]["phone"])
        assert order["payment_method"] in ("Nakit", "Kredi Kartı", "Banka Kartı")
        assert 1 <= len(order["items"]) <= 4
        assert all(i["name"] in dishes and i["quantity"] >= 1 for i in order["items"])
        assert re.fullmatch(r"\d+\.\d", order["discount"])
        if order["shipping_method"] == "pickup":
            assert order["courier_type"] == "come_get" and order["address"]["address"] == ""
        else:
            assert order["courier_type"] in ("restaurant", "fuudy")
            assert order["address"]["address"].endswith("/İstanbul")
    ids = [o["id"] for o in orders]
    assert ids == sorted(set(ids))
    # The mix a demo should show: both couriers, pickups, notes, options, discounts.
    assert {o["courier_type"] for o in orders} == {"restaurant", "fuudy", "come_get"}
    assert any(o["note"] for o in orders)
    assert any(i["options"] for o in orders for i in o["items"])
    assert any(o["discount"] != "0.0" for o in orders)


def test_overrides() -> None:
    sim = DukkangoSim()
    (pickup,) = sim.add_orders(1, shipping_method="pickup")
    assert sim.order_payload(pickup)["courier_type"] == "come_get"
    (own,) = sim.add_orders(1, courier_type="restaurant", note="Kapıda ödeme", order_tip=50)
    order = sim.order_payload(own)
    assert (order["courier_type"], order["note"], order["order_tip"]) == (
        "restaurant",
        "Kapıda ödeme",
        50,
    )
    assert Decimal(str(order["total"])) == order_total(order)  # recomputed with the tip
    (wrong,) = sim.add_orders(1, total=1)
    assert sim.order_payload(wrong)["total"] == 1  # an explicit total stays, for parser tests
    with pytest.raises(ValueError, match="status_id"):
        sim.add_orders(1, status_id=2)
    with pytest.raises(ValueError, match="already exists"):
        sim.add_orders(1, payment_key=pickup)


def test_set_status_of_an_unknown_order_is_a_key_error() -> None:
    with pytest.raises(KeyError):
        DukkangoSim().set_status("00000000-0000-4000-8000-000000000000", 6)


def test_stream_steps_are_seeded_and_varied() -> None:
    def run(seed: int) -> list[tuple[int, int, str]]:
        sim = DukkangoSim(seed=seed)
        sim.add_orders(4, courier_type="fuudy")
        stream = OrderStream(sim, random.Random(seed_bytes(seed, "stream")), 1.0)
        for step in range(60):
            stream.step()
            if step % 3 == 0:  # the restaurant accepts now and then, as staff would
                new = [s for s in sim.snapshot() if s["status_id"] == 1]
                if new:
                    sim._order(new[0]["payment_key"]).move(2, "restaurant")
        return [(s["id"], s["status_id"], s["changed_by"]) for s in sim.snapshot()]

    first = run(11)
    assert first == run(11)
    statuses = {(status, by) for _, status, by in first}
    assert (6, "customer") in statuses  # a customer cancelled an unaccepted order
    assert (16, "platform") in statuses or (5, "platform") in statuses  # the courier moved on
    assert sum(1 for _, status, _ in first if status == 1) > 0  # and new orders keep coming
