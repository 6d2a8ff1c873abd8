"""Injected faults look to a client exactly like the failures they stand for."""

from __future__ import annotations

import asyncio
import json
import threading
import time
from collections.abc import MutableMapping
from typing import Any

import httpx
import pytest

from app.sim.dukkango import DEMO_TOKEN, DukkangoSim
from app.sim.platform import DropConnection
from app.sim.recording import Fault
from app.sim.server import SimServer

ACTIONS = {
    "success": ("success", None),
    "accept": ("accept", {"preparing_time": 20}),
    "cancel": ("cancel", {"reason_id": 2}),
}


def test_unknown_kind_or_endpoint_is_refused(sim: SimServer) -> None:
    with pytest.raises(ValueError, match="kind"):
        Fault("explode")
    with pytest.raises(ValueError, match="endpoint"):
        sim.dukkango.inject(Fault("reset", endpoint="get_current"))


def test_latency_fault_delays_and_still_answers(sim: SimServer, client: httpx.Client) -> None:
    (key,) = sim.dukkango.add_orders(1)
    sim.dukkango.inject(Fault("latency", endpoint="success", ms=300))
    started = time.monotonic()
    assert client.put(f"/orders/success/{key}").status_code == 200
    assert time.monotonic() - started >= 0.3
    assert sim.dukkango.acknowledged() == {(key, 1)}  # latency alone loses nothing
    assert sim.dukkango.requests()[-1].fault == "latency"


@pytest.mark.parametrize(
    ("status", "error"),
    [
        (500, "sunucu hatası"),
        (502, "ağ geçidi hatası"),
        (503, "servis geçici olarak kullanılamıyor"),
    ],
)
def test_server_error(sim: SimServer, feed: Any, status: int, error: str) -> None:
    sim.dukkango.add_orders(1)
    sim.dukkango.inject(Fault("server_error", status=status))
    response = feed.response()
    assert response.status_code == status
    assert response.json() == {"status": False, "error": error}
    assert len(feed.orders()) == 1  # one request only


def test_rate_limited_has_retry_after_and_is_no_violation(sim: SimServer, feed: Any) -> None:
    sim.dukkango.inject(Fault("rate_limited", retry_after=7))
    response = feed.response()
    assert response.status_code == 429
    assert response.headers["retry-after"] == "7"
    assert response.json()["error"] == "çok fazla istek"
    assert sim.dukkango.cooldown_violations() == 0
    assert sim.dukkango.requests()[-1].fault == "rate_limited"


def test_reset_is_a_transport_error(sim: SimServer, feed: Any) -> None:
    sim.dukkango.add_orders(1)
    sim.dukkango.inject(Fault("reset"))
    with pytest.raises(httpx.TransportError):
        feed.response()
    request = sim.dukkango.requests()[-1]
    assert (request.fault, request.status_code) == ("reset", None)
    assert len(feed.orders()) == 1  # the client recovers on a new connection


def test_truncated_body_is_not_json(sim: SimServer, feed: Any) -> None:
    sim.dukkango.add_orders(3)
    sim.dukkango.inject(Fault("truncated"))
    response = feed.response()
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/json")
    with pytest.raises(ValueError):
        json.loads(response.content)
    whole = feed.response().content
    assert whole.startswith(response.content) and len(response.content) < len(whole)


def test_malformed_body_is_an_html_page(sim: SimServer, feed: Any) -> None:
    sim.dukkango.inject(Fault("malformed"))
    response = feed.response()
    assert response.status_code == 200
    assert response.text.startswith("<!DOCTYPE html>")
    with pytest.raises(ValueError):
        response.json()


@pytest.mark.parametrize("how_many", [1, 2])
def test_missing_field(sim: SimServer, feed: Any, how_many: int) -> None:
    sim.dukkango.add_orders(3)
    sim.dukkango.inject(Fault("missing_field", field="payment_key", how_many=how_many))
    orders = feed.orders()
    assert ["payment_key" in o for o in orders] == [i >= how_many for i in range(3)]


def test_missing_nested_field(sim: SimServer, feed: Any) -> None:
    sim.dukkango.add_orders(1)
    sim.dukkango.inject(Fault("missing_field", field="customer.phone"))
    assert feed.orders()[0]["customer"].keys() == {"name"}


def test_unknown_fields_in_orders_and_envelope(sim: SimServer, feed: Any) -> None:
    sim.dukkango.add_orders(2)
    sim.dukkango.inject(Fault("unknown_field"))
    body = feed.response().json()
    assert body["status"] is True and "meta" in body
    for order in body["data"]:
        assert {"kampanya_kodu", "sadakat"} <= set(order)


@pytest.mark.parametrize(
    ("field", "check"),
    [
        ("status_id", lambda v: v == "1"),
        ("total", lambda v: isinstance(v, str) and v.count(".") == 1 and len(v.split(".")[1]) == 2),
        ("items", lambda v: isinstance(v, dict) and "0" in v),
        ("discount", lambda v: isinstance(v, float)),
    ],
)
def test_wrong_type(sim: SimServer, feed: Any, field: str, check: Any) -> None:
    sim.dukkango.add_orders(2)
    sim.dukkango.inject(Fault("wrong_type", field=field))
    first, second = feed.orders()
    assert check(first[field])
    assert not check(second[field])  # how_many defaults to 1


@pytest.mark.parametrize(
    "kind", ["server_error", "rate_limited", "reset", "truncated", "malformed"]
)
@pytest.mark.parametrize("action", sorted(ACTIONS))
def test_a_spoiled_action_is_not_recorded(
    sim: SimServer, client: httpx.Client, kind: str, action: str
) -> None:
    (key,) = sim.dukkango.add_orders(1)
    path, body = ACTIONS[action]
    sim.dukkango.inject(Fault(kind, endpoint=action))
    try:
        client.put(f"/orders/{path}/{key}", json=body)
    except httpx.TransportError:
        assert kind == "reset"
    (state,) = sim.dukkango.snapshot()
    assert (state["status_id"], state["ack_count"]) == (1, 0)
    # The fault is used up: the retry goes through.
    assert client.put(f"/orders/{path}/{key}", json=body).status_code == 200


def test_fault_count_and_endpoint_matching(sim: SimServer, client: httpx.Client) -> None:
    sim.dukkango.inject(Fault("server_error", endpoint="variables", count=2))
    assert client.get("/orders/cancel-reasons").status_code == 200  # other endpoint untouched
    statuses = [client.get("/orders/variables").status_code for _ in range(3)]
    assert statuses == [500, 500, 200]


def test_wildcard_fault_and_clear(sim: SimServer, client: httpx.Client) -> None:
    sim.dukkango.inject(Fault("server_error", endpoint="*", count=5, status=503))
    assert client.get("/restaurants/get").status_code == 503
    assert client.get("/orders/variables").status_code == 503
    sim.dukkango.clear_faults()
    assert client.get("/orders/variables").status_code == 200
    assert [r.fault for r in sim.dukkango.requests()] == ["server_error", "server_error", None]


def test_faults_apply_in_the_order_injected(sim: SimServer, client: httpx.Client) -> None:
    sim.dukkango.inject(Fault("server_error", endpoint="variables", status=502))
    sim.dukkango.inject(Fault("rate_limited", endpoint="variables"))
    assert [client.get("/orders/variables").status_code for _ in range(3)] == [502, 429, 200]


def test_timeout_holds_without_blocking_others(sim: SimServer, client: httpx.Client) -> None:
    sim.dukkango.inject(Fault("timeout", seconds=5))
    outcome: list[BaseException] = []

    def held() -> None:
        with httpx.Client(headers={"Access-Token": DEMO_TOKEN}, timeout=1.0) as other:
            try:
                other.get(sim.dukkango_base_url + "/orders/get-current")
            except httpx.TimeoutException as exc:
                outcome.append(exc)

    thread = threading.Thread(target=held)
    thread.start()
    deadline = time.monotonic() + 2
    while sim.dukkango.request_count() == 0:  # wait until the server holds it
        assert time.monotonic() < deadline
        time.sleep(0.005)
    assert client.get("/orders/variables").status_code == 200
    assert thread.is_alive()  # served while the other request is still held
    thread.join()
    assert len(outcome) == 1 and isinstance(outcome[0], httpx.ReadTimeout)
    held_request, parallel = sim.dukkango.requests()
    assert (held_request.fault, held_request.status_code) == ("timeout", None)
    assert (parallel.fault, parallel.status_code) == (None, 200)


def test_short_timeout_then_the_connection_drops(sim: SimServer, client: httpx.Client) -> None:
    (key,) = sim.dukkango.add_orders(1)
    sim.dukkango.inject(Fault("timeout", endpoint="success", seconds=0.2))
    with pytest.raises(httpx.TransportError):
        client.put(f"/orders/success/{key}")
    assert sim.dukkango.acknowledged() == set()


def test_latency_is_concurrent(sim: SimServer) -> None:
    sim.dukkango.set_latency(200)

    async def burst() -> float:
        async with httpx.AsyncClient(
            base_url=sim.dukkango_base_url, headers={"Access-Token": DEMO_TOKEN}
        ) as http:
            started = time.monotonic()
            replies = await asyncio.gather(*(http.get("/orders/variables") for _ in range(8)))
            assert all(r.status_code == 200 for r in replies)
            return time.monotonic() - started

    elapsed = asyncio.run(burst())
    assert 0.2 <= elapsed < 1.0  # eight requests of 200 ms each overlap (in series: 1.6 s)
    assert sim.dukkango.latency_ms == 200


def test_drop_without_uvicorn_sends_a_broken_head() -> None:
    # Behind another ASGI server (no transport to abort) a drop is a head promising a body
    # that never comes, then an exception, which makes any server close the connection.
    sim = DukkangoSim()
    sim.inject(Fault("reset", endpoint="variables"))
    sent: list[MutableMapping[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: MutableMapping[str, Any]) -> None:
        sent.append(message)

    scope = {
        "type": "http",
        "method": "GET",
        "path": sim.prefix + "/orders/variables",
        "query_string": b"",
        "headers": [(b"access-token", DEMO_TOKEN.encode())],
    }
    with pytest.raises(DropConnection):
        asyncio.run(sim(scope, receive, send))
    (head,) = sent
    assert head["type"] == "http.response.start"
    assert (b"content-length", b"512") in head["headers"]
