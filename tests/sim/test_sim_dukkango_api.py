"""The Dükkango simulator answers as the docs say (shared/reference/provider-apis.md §3)."""

from __future__ import annotations

import re
import time
from datetime import datetime, timedelta
from typing import Any

import httpx
import pytest

from app.sim.dukkango import DEMO_APP_SECRET, DEMO_REST_SECRET, DEMO_TOKEN
from app.sim.dukkango_orders import ISTANBUL, ORDER_FIELDS
from app.sim.recording import RecordedRequest
from app.sim.server import SimServer

UNAUTHORIZED = {"status": False, "error": "yetkisiz erişim"}
OK = {"status": True, "data": "OK"}
UNKNOWN_KEY = "3e9caf87-5cb7-4c4e-adcb-fc2ec54cf24e"  # the seed's example, not one of ours


def login(client: httpx.Client, **body: str) -> httpx.Response:
    return client.post("/auth/login", json=body)


# -- login and tokens ----------------------------------------------------------------------


def test_login_issues_a_token_that_works_and_expires_per_ttl(
    sim: SimServer, client: httpx.Client
) -> None:
    sim.dukkango.token_ttl_seconds = 0.6
    before = datetime.now(ISTANBUL).replace(tzinfo=None)
    response = login(client, app_secret_key=DEMO_APP_SECRET, rest_secret_key=DEMO_REST_SECRET)

    assert response.status_code == 200
    data = response.json()["data"]
    assert re.fullmatch(r"[0-9a-f]{64}", data["access_token"])
    # Istanbul wall time without a zone (§3.2), now + ttl.
    expires = datetime.strptime(data["expiration_date"], "%Y-%m-%d %H:%M:%S")
    assert before - timedelta(seconds=1) <= expires <= before + timedelta(seconds=2)

    token = {"Access-Token": data["access_token"]}
    assert client.get("/orders/variables", headers=token).status_code == 200
    time.sleep(0.7)
    expired = client.get("/orders/variables", headers=token)
    assert (expired.status_code, expired.json()) == (401, UNAUTHORIZED)
    assert client.get("/orders/variables").status_code == 200  # the fixed token never expires


def test_default_token_lasts_24_hours(client: httpx.Client) -> None:
    response = login(client, app_secret_key=DEMO_APP_SECRET, rest_secret_key=DEMO_REST_SECRET)
    expires = datetime.strptime(response.json()["data"]["expiration_date"], "%Y-%m-%d %H:%M:%S")
    in_a_day = datetime.now(ISTANBUL).replace(tzinfo=None) + timedelta(hours=24)
    assert abs((expires - in_a_day).total_seconds()) < 5


@pytest.mark.parametrize(
    ("body", "missing"),
    [
        ({"rest_secret_key": DEMO_REST_SECRET}, "app_secret_key"),
        ({"app_secret_key": DEMO_APP_SECRET}, "rest_secret_key"),
        ({}, "app_secret_key"),
    ],
)
def test_login_without_a_key_is_400(
    client: httpx.Client, body: dict[str, str], missing: str
) -> None:
    response = login(client, **body)
    assert response.status_code == 400
    assert response.json() == {
        "status": False,
        "error": "eksik alan",
        "message": f"{missing} is required",
    }


def test_login_with_wrong_keys_is_401(client: httpx.Client) -> None:
    response = login(client, app_secret_key=DEMO_APP_SECRET, rest_secret_key="nope")
    assert (response.status_code, response.json()) == (401, UNAUTHORIZED)


def test_revoked_token_is_refused(sim: SimServer, client: httpx.Client) -> None:
    sim.dukkango.revoke_token(DEMO_TOKEN)
    assert client.get("/orders/variables").status_code == 401
    sim.dukkango.reset()
    assert client.get("/orders/variables").status_code == 200


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", "/orders/get-current"),
        ("PUT", f"/orders/success/{UNKNOWN_KEY}"),
        ("PUT", f"/orders/accept/{UNKNOWN_KEY}"),
        ("PUT", f"/orders/ontheway/{UNKNOWN_KEY}"),
        ("PUT", f"/orders/complete/{UNKNOWN_KEY}"),
        ("PUT", f"/orders/cancel/{UNKNOWN_KEY}"),
        ("GET", "/orders/variables"),
        ("GET", "/orders/cancel-reasons"),
        ("GET", "/restaurants/get"),
    ],
)
@pytest.mark.parametrize("token", [None, "not-a-token"])
def test_every_endpoint_needs_a_valid_token(
    anonymous: httpx.Client, method: str, path: str, token: str | None
) -> None:
    headers = {} if token is None else {"Access-Token": token}
    response = anonymous.request(method, path, headers=headers)
    assert (response.status_code, response.json()) == (401, UNAUTHORIZED)


# -- get-current ---------------------------------------------------------------------------


def test_orders_have_exactly_the_documented_fields(sim: SimServer, feed: Any) -> None:
    sim.dukkango.add_orders(3)
    response = feed.response()

    assert response.headers["content-type"].startswith("application/json")
    assert "İ" in response.content.decode("utf-8") or "ş" in response.content.decode("utf-8")
    assert b"\\u" not in response.content  # UTF-8, not ASCII escapes
    orders = response.json()["data"]
    assert len(orders) == 3
    for order in orders:
        assert list(order) == list(ORDER_FIELDS)
        assert isinstance(order["id"], int)
        assert order["status_id"] == 1 and order["status_text"] == "Sipariş Geldi"
        assert isinstance(order["discount"], str)  # a string, as in the doc example
        assert isinstance(order["total"], int | float)
        assert set(order["customer"]) == {"name", "phone"}
        assert set(order["address"]) == {"address", "description", "apartment", "floor", "door"}
        assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d", order["date"])
        for line in order["items"]:
            assert set(line) == {"food_id", "name", "quantity", "price", "note", "options"}
            for option in line["options"]:
                assert set(option) == {"group", "name", "price"}


def test_an_order_repeats_until_acknowledged_then_reappears_after_each_change(
    sim: SimServer, client: httpx.Client, feed: Any
) -> None:
    # The seed's timeline (seeds/dukkango-acknowledge-order.md), then on to delivery.
    (key,) = sim.dukkango.add_orders(1, courier_type="restaurant")
    assert feed.view() == [(key, 1)]
    assert feed.view() == [(key, 1)]  # repeated!
    assert client.put(f"/orders/success/{key}").json() == OK
    assert feed.view() == []

    assert client.put(f"/orders/accept/{key}", json={"preparing_time": 25}).json() == OK
    confirmed = feed.orders()
    assert [(o["payment_key"], o["status_id"], o["status_text"]) for o in confirmed] == [
        (key, 2, "Hazırlanıyor")
    ]
    assert client.put(f"/orders/success/{key}").json() == OK
    assert feed.view() == []

    assert client.put(f"/orders/ontheway/{key}").json() == OK
    assert feed.orders()[0]["status_text"] == "Restoran Kuryeye Verildi"
    client.put(f"/orders/success/{key}")
    assert client.put(f"/orders/complete/{key}").json() == OK
    assert feed.view() == []  # our own completion is not listed again

    (state,) = sim.dukkango.snapshot()
    assert state["status_id"] == 5
    assert state["acked_statuses"] == {1, 2, 16}
    assert state["ack_count"] == 3
    assert state["preparing_time"] == 25
    assert sim.dukkango.acknowledged() == {(key, 1), (key, 2), (key, 16)}


def test_ack_is_per_current_status(sim: SimServer, client: httpx.Client, feed: Any) -> None:
    (key,) = sim.dukkango.add_orders(1)
    client.put(f"/orders/accept/{key}", json={"preparing_time": 20})  # never acked at 1
    assert feed.view() == [(key, 2)]
    client.put(f"/orders/success/{key}")
    assert sim.dukkango.acknowledged() == {(key, 2)}


def test_status_filter(sim: SimServer, client: httpx.Client, feed: Any) -> None:
    first, second = sim.dukkango.add_orders(2)
    client.put(f"/orders/accept/{second}", json={"preparing_time": 30})
    assert feed.view(status_id=2) == [(second, 2)]
    assert feed.view(status_id=1) == [(first, 1)]
    assert feed.response(status_id="x").status_code == 400


def test_platform_side_change_is_listed_until_acknowledged(
    sim: SimServer, client: httpx.Client, feed: Any
) -> None:
    (key,) = sim.dukkango.add_orders(1, courier_type="fuudy")
    client.put(f"/orders/success/{key}")
    client.put(f"/orders/accept/{key}", json={"preparing_time": 15})
    client.put(f"/orders/success/{key}")
    sim.dukkango.set_status(key, 16)  # the platform's courier picked it up
    assert feed.view() == [(key, 16)]
    assert feed.view() == [(key, 16)]
    client.put(f"/orders/success/{key}")
    assert feed.view() == []


def test_unknown_platform_status_is_listed(sim: SimServer, feed: Any) -> None:
    (key,) = sim.dukkango.add_orders(1)
    sim.dukkango.set_status(key, 9, "Ödeme Bekleniyor")
    assert [(o["status_id"], o["status_text"]) for o in feed.orders()] == [(9, "Ödeme Bekleniyor")]


@pytest.mark.parametrize("visibility", ["once", "vanish"])
def test_customer_cancellation_visibility(
    sim: SimServer, client: httpx.Client, feed: Any, visibility: str
) -> None:
    sim.dukkango.cancel_visibility = visibility  # type: ignore[assignment]
    cancelled, kept = sim.dukkango.add_orders(2)
    for key in (cancelled, kept):
        client.put(f"/orders/success/{key}")
    sim.dukkango.cancel_by_customer(cancelled)

    if visibility == "once":
        listed = feed.orders()
        assert [(o["payment_key"], o["status_id"], o["status_text"]) for o in listed] == [
            (cancelled, 6, "İptal Edildi")
        ]
        assert feed.view() == [(cancelled, 6)]  # until acknowledged
        client.put(f"/orders/success/{cancelled}")
        assert (cancelled, 6) in sim.dukkango.acknowledged()
    assert feed.view() == []
    assert sim.dukkango.snapshot()[0]["cancel_reason_id"] == 4


def test_visibility_rejects_unknown_values(sim: SimServer) -> None:
    with pytest.raises(ValueError, match="visibility"):
        sim.dukkango.cancel_visibility = "sometimes"  # type: ignore[assignment]


def test_platform_delivery_vanishes_by_default_and_can_be_listed(
    sim: SimServer, client: httpx.Client, feed: Any
) -> None:
    first, second = sim.dukkango.add_orders(2, courier_type="fuudy")
    sim.dukkango.set_status(first, 5)
    assert feed.view() == [(second, 1)]  # terminal statuses are not listed (§3.4)
    sim.dukkango.delivered_visibility = "once"
    sim.dukkango.set_status(second, 5)
    assert feed.view() == [(first, 5), (second, 5)]


def test_restaurant_cancel_is_not_listed(sim: SimServer, client: httpx.Client, feed: Any) -> None:
    (key,) = sim.dukkango.add_orders(1)
    client.put(f"/orders/success/{key}")
    assert client.put(f"/orders/cancel/{key}", json={"reason_id": 3}).json() == OK
    assert feed.view() == []
    (state,) = sim.dukkango.snapshot()
    assert (state["status_id"], state["cancel_reason_id"]) == (6, 3)


def test_cooldown_refuses_a_second_poll_and_counts_it(sim: SimServer, client: httpx.Client) -> None:
    sim.dukkango.cooldown_seconds = 0.3
    assert client.get("/orders/get-current").status_code == 200
    refused = client.get("/orders/get-current")

    assert refused.status_code == 429
    assert "retry-after" not in refused.headers  # the docs mention none
    assert refused.json() == {
        "status": False,
        "error": "çok fazla istek",
        "message": "Çok fazla istek. Lütfen 1 saniye bekleyin.",
    }
    assert sim.dukkango.cooldown_violations() == 1
    # The window opened at the successful poll; a refused one does not move it.
    time.sleep(0.32)
    assert client.get("/orders/get-current").status_code == 200
    assert sim.dukkango.cooldown_violations() == 1


def test_cooldown_message_names_the_configured_seconds(
    sim: SimServer, client: httpx.Client
) -> None:
    sim.dukkango.cooldown_seconds = 30
    client.get("/orders/get-current")
    assert client.get("/orders/get-current").json()["message"] == (
        "Çok fazla istek. Lütfen 30 saniye bekleyin."
    )


def test_cooldown_is_per_token(sim: SimServer, client: httpx.Client) -> None:
    sim.dukkango.cooldown_seconds = 10
    token = login(client, app_secret_key=DEMO_APP_SECRET, rest_secret_key=DEMO_REST_SECRET)
    other = {"Access-Token": token.json()["data"]["access_token"]}
    assert client.get("/orders/get-current").status_code == 200
    assert client.get("/orders/get-current", headers=other).status_code == 200
    assert sim.dukkango.cooldown_violations() == 0


# -- order actions -------------------------------------------------------------------------


@pytest.mark.parametrize("action", ["success", "accept", "ontheway", "complete", "cancel"])
def test_numeric_id_is_403_and_unknown_uuid_is_404(
    sim: SimServer, client: httpx.Client, action: str
) -> None:
    sim.dukkango.add_orders(1)
    display_id = sim.dukkango.snapshot()[0]["id"]
    body = {"preparing_time": 20, "reason_id": 1}
    numeric = client.put(f"/orders/{action}/{display_id}", json=body)
    assert (numeric.status_code, numeric.json()) == (403, {"status": False, "error": "URL hatalı"})
    unknown = client.put(f"/orders/{action}/{UNKNOWN_KEY}", json=body)
    assert (unknown.status_code, unknown.json()) == (
        404,
        {"status": False, "error": "sipariş bulunamadı"},
    )
    assert sim.dukkango.acknowledged() == set()


@pytest.mark.parametrize(
    "body", [None, {}, {"preparing_time": 0}, {"preparing_time": "30"}, {"preparing_time": True}]
)
def test_accept_needs_preparing_time(
    sim: SimServer, client: httpx.Client, body: dict[str, Any] | None
) -> None:
    (key,) = sim.dukkango.add_orders(1)
    response = client.put(f"/orders/accept/{key}", json=body)
    assert response.status_code == 400
    assert response.json() == {
        "status": False,
        "error": "eksik alan",
        "message": "preparing_time is required",
    }
    assert sim.dukkango.snapshot()[0]["status_id"] == 1


def test_accept_body_must_be_sent_as_json(sim: SimServer, client: httpx.Client) -> None:
    (key,) = sim.dukkango.add_orders(1)
    response = client.put(f"/orders/accept/{key}", data={"preparing_time": "30"})
    assert response.status_code == 400


def test_accept_twice_is_an_invalid_transition(sim: SimServer, client: httpx.Client) -> None:
    (key,) = sim.dukkango.add_orders(1)
    assert client.put(f"/orders/accept/{key}", json={"preparing_time": 20}).status_code == 200
    again = client.put(f"/orders/accept/{key}", json={"preparing_time": 20})
    assert again.status_code == 400
    assert again.json()["error"] == "geçersiz işlem"
    assert again.json()["message"]


def test_ontheway_only_for_the_restaurant_courier(sim: SimServer, client: httpx.Client) -> None:
    own, platform = sim.dukkango.add_orders(1, courier_type="restaurant") + sim.dukkango.add_orders(
        1, courier_type="fuudy"
    )
    assert client.put(f"/orders/ontheway/{own}").json()["error"] == "geçersiz işlem"  # not yet 2
    for key in (own, platform):
        client.put(f"/orders/accept/{key}", json={"preparing_time": 20})
    assert client.put(f"/orders/ontheway/{own}").json() == OK
    refused = client.put(f"/orders/ontheway/{platform}")
    assert (refused.status_code, refused.json()["error"]) == (400, "geçersiz işlem")


def test_complete_rules(sim: SimServer, client: httpx.Client) -> None:
    (delivery,) = sim.dukkango.add_orders(1, courier_type="restaurant")
    (pickup,) = sim.dukkango.add_orders(1, shipping_method="pickup")
    for key in (delivery, pickup):
        client.put(f"/orders/accept/{key}", json={"preparing_time": 20})
    # A delivery needs to be on the way first; a pickup completes from CONFIRMED.
    assert client.put(f"/orders/complete/{delivery}").status_code == 400
    assert client.put(f"/orders/complete/{pickup}").json() == OK
    assert client.put(f"/orders/complete/{pickup}").status_code == 400  # already done
    states = {s["payment_key"]: s["status_id"] for s in sim.dukkango.snapshot()}
    assert states == {delivery: 2, pickup: 5}


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (None, "reason_id is required"),
        ({}, "reason_id is required"),
        ({"reason_id": 9}, "reason_id must be between 1 and 8"),
        ({"reason_id": "2"}, "reason_id must be between 1 and 8"),
    ],
)
def test_cancel_needs_a_reason(
    sim: SimServer, client: httpx.Client, body: dict[str, Any] | None, message: str
) -> None:
    (key,) = sim.dukkango.add_orders(1)
    response = client.put(f"/orders/cancel/{key}", json=body)
    assert response.status_code == 400
    assert response.json() == {"status": False, "error": "eksik alan", "message": message}


def test_cancel_from_any_non_terminal_state_only(sim: SimServer, client: httpx.Client) -> None:
    new, accepted = sim.dukkango.add_orders(2)
    client.put(f"/orders/accept/{accepted}", json={"preparing_time": 20})
    for key in (new, accepted):
        assert client.put(f"/orders/cancel/{key}", json={"reason_id": 1}).json() == OK
    again = client.put(f"/orders/cancel/{new}", json={"reason_id": 1})
    assert (again.status_code, again.json()["error"]) == (400, "geçersiz işlem")


def test_uuid_in_capitals_is_the_same_order(sim: SimServer, client: httpx.Client) -> None:
    (key,) = sim.dukkango.add_orders(1)
    assert client.put(f"/orders/success/{key.upper()}").json() == OK
    assert sim.dukkango.acknowledged() == {(key, 1)}


# -- reference data ------------------------------------------------------------------------


def test_variables_as_documented(client: httpx.Client) -> None:
    assert client.get("/orders/variables").json() == {
        "status": True,
        "data": {
            "paymentMethod": [
                {"key": "CASH", "name": "Nakit"},
                {"key": "CREDIT_CARD", "name": "Kredi Kartı"},
                {"key": "DEBIT_CARD", "name": "Banka Kartı"},
            ],
            "shippingMethod": [
                {"key": "delivery", "name": "Teslimat"},
                {"key": "pickup", "name": "Gel Al"},
            ],
        },
    }


def test_cancel_reasons(client: httpx.Client) -> None:
    reasons = client.get("/orders/cancel-reasons").json()["data"]
    assert [r["id"] for r in reasons] == list(range(1, 9))
    assert reasons[0] == {"id": 1, "name": "Ürün tükendi"}
    assert reasons[3] == {"id": 4, "name": "Müşteri iptal etti"}


def test_restaurants(sim: SimServer, client: httpx.Client, feed: Any) -> None:
    restaurants = client.get("/restaurants/get").json()["data"]
    assert {r["name"] for r in restaurants} == {"Kadıköy Şube", "Beşiktaş Şube"}
    sim.dukkango.add_orders(6)
    ids = {r["id"]: r["name"] for r in restaurants}
    for order in feed.orders():
        assert ids[order["restaurant_id"]] == order["restaurant_name"]


# -- routing -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", "/auth/login"),
        ("POST", "/orders/get-current"),
        ("GET", f"/orders/success/{UNKNOWN_KEY}"),
        ("POST", f"/orders/accept/{UNKNOWN_KEY}"),
        ("DELETE", "/restaurants/get"),
    ],
)
def test_wrong_method_is_405(client: httpx.Client, method: str, path: str) -> None:
    response = client.request(method, path)
    assert response.status_code == 405
    assert response.json()["status"] is False


@pytest.mark.parametrize(
    "path", ["/orders/get-current/", "/orders/current", "/accept/123", "/orders/success/"]
)
def test_unknown_path_is_404(client: httpx.Client, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 404
    assert response.json()["status"] is False


# -- what the simulator records ------------------------------------------------------------


def test_requests_are_recorded_in_order(sim: SimServer, client: httpx.Client) -> None:
    (key,) = sim.dukkango.add_orders(1)
    client.get("/orders/get-current", params={"status_id": 1})
    client.put(f"/orders/accept/{key}", json={"preparing_time": 20})
    client.put("/orders/success/17")

    first, second, third = sim.dukkango.requests()
    assert (first.method, first.path, first.query, first.endpoint) == (
        "GET",
        "/orders/get-current",
        "status_id=1",
        "get-current",
    )
    assert first.headers["access-token"] == DEMO_TOKEN
    assert (second.method, second.path, second.status_code) == ("PUT", f"/orders/accept/{key}", 200)
    assert second.body == b'{"preparing_time":20}'
    assert second.headers["content-type"] == "application/json"
    assert (third.status_code, third.fault) == (403, None)
    assert first.time <= second.time <= third.time <= time.monotonic()
    assert sim.dukkango.request_count() == 3


def test_on_request_runs_before_the_request_is_processed(
    sim: SimServer, client: httpx.Client
) -> None:
    (key,) = sim.dukkango.add_orders(1)
    seen: list[tuple[str, set[tuple[str, int]], int | None]] = []

    def observe(request: RecordedRequest) -> None:
        seen.append((request.path, sim.dukkango.acknowledged(), request.status_code))

    sim.dukkango.on_request(observe)
    client.put(f"/orders/success/{key}")
    assert seen == [(f"/orders/success/{key}", set(), None)]  # not yet acknowledged
    assert sim.dukkango.acknowledged() == {(key, 1)}


def test_a_failing_observer_is_recorded_not_fatal(sim: SimServer, client: httpx.Client) -> None:
    def broken(request: RecordedRequest) -> None:
        raise AssertionError("order not committed yet")

    sim.dukkango.on_request(broken)
    assert client.get("/orders/variables").status_code == 200
    (error,) = sim.dukkango.callback_errors()
    assert isinstance(error, AssertionError)
