"""The control API drives a simulator running in another process, as benchmarks do."""

from __future__ import annotations

import time
from typing import Any

import httpx
import pytest

from app.sim.server import SimServer


def test_health(sim: SimServer, control: httpx.Client) -> None:
    assert control.get(sim.url + "/_sim/health").json() == {"ok": True}


def test_add_orders_with_overrides(control: httpx.Client, sim: SimServer) -> None:
    response = control.post("/orders", json={"count": 2, "courier_type": "restaurant"})
    keys = response.json()["payment_keys"]
    assert len(keys) == 2
    assert [s["payment_key"] for s in sim.dukkango.snapshot()] == keys
    assert {s["courier_type"] for s in sim.dukkango.snapshot()} == {"restaurant"}


def test_bad_control_requests_are_400(control: httpx.Client) -> None:
    assert control.post("/orders", json={"count": 1, "colour": "red"}).status_code == 400
    assert control.post("/orders", content=b"not json").status_code == 400
    assert control.post("/faults", json={"kind": "explode"}).status_code == 400
    assert control.post("/latency", json={"ms": -1}).status_code == 400
    assert control.post("/scenario", json={"cancel_visibility": "maybe"}).status_code == 400


def test_set_status_and_state(control: httpx.Client, client: httpx.Client, feed: Any) -> None:
    first, second = control.post("/orders", json={"count": 2}).json()["payment_keys"]
    client.put(f"/orders/success/{first}")
    assert control.post(f"/orders/{second}/status", json={"status_id": 6, "by": "customer"}).json()
    assert control.post(f"/orders/{first}/status", json={"status_id": 16}).status_code == 200
    missing = "00000000-0000-4000-8000-000000000000"
    assert control.post(f"/orders/{missing}/status", json={"status_id": 2}).status_code == 404
    assert sorted(feed.view()) == sorted([(first, 16), (second, 6)])
    time.sleep(0.1)  # a refused poll, to see it counted
    client.get("/orders/get-current")
    client.get("/orders/get-current")

    state = control.get("/state").json()
    assert state["acknowledged"] == [[first, 1]]
    assert state["cooldown_violations"] == 1
    assert state["request_count"] == 4
    by_key = {o["payment_key"]: o for o in state["orders"]}
    assert by_key[first]["acked_statuses"] == [1]
    assert by_key[second]["cancel_reason_id"] == 4
    assert set(by_key[first]) >= {
        "payment_key",
        "id",
        "status_id",
        "acked_statuses",
        "preparing_time",
        "cancel_reason_id",
        "ack_count",
    }


def test_requests_log(control: httpx.Client, client: httpx.Client) -> None:
    client.put("/orders/accept/42", json={"preparing_time": 5})
    (logged,) = control.get("/requests").json()
    assert logged["method"] == "PUT"
    assert logged["path"] == "/orders/accept/42"
    assert logged["status_code"] == 403
    assert logged["body"] == '{"preparing_time":5}'
    assert logged["headers"]["access-token"] == "sim-dukkango-token"


def test_faults(control: httpx.Client, client: httpx.Client) -> None:
    listed = control.post(
        "/faults", json={"kind": "server_error", "endpoint": "variables", "count": 3, "status": 502}
    )
    assert listed.json()["faults"] == [
        {"kind": "server_error", "endpoint": "variables", "count": 3, "status": 502}
    ]
    assert client.get("/orders/variables").status_code == 502
    assert control.get("/faults").json()["faults"][0]["count"] == 2
    assert control.delete("/faults").json() == {"faults": []}
    assert client.get("/orders/variables").status_code == 200


def test_latency(control: httpx.Client, client: httpx.Client, sim: SimServer) -> None:
    assert control.post("/latency", json={"ms": 150}).json() == {"ms": 150}
    started = time.monotonic()
    client.get("/orders/variables")
    assert time.monotonic() - started >= 0.15
    control.post("/latency", json={"ms": 0})
    assert sim.dukkango.latency_ms == 0


def test_scenario(control: httpx.Client, sim: SimServer) -> None:
    reply = control.post("/scenario", json={"cancel_visibility": "vanish"}).json()
    assert reply["cancel_visibility"] == "vanish"
    assert sim.dukkango.cancel_visibility == "vanish"


def test_revoke_token(control: httpx.Client, client: httpx.Client) -> None:
    control.post("/tokens/revoke", json={"token": "sim-dukkango-token"})
    assert client.get("/orders/variables").status_code == 401


def test_reset(control: httpx.Client, client: httpx.Client, sim: SimServer) -> None:
    control.post("/orders", json={"count": 3})
    control.post("/faults", json={"kind": "reset"})
    control.post("/latency", json={"ms": 10})
    client.get("/orders/variables")
    assert control.post("/reset").json() == {"ok": True}
    state = control.get("/state").json()
    assert (state["orders"], state["request_count"], state["latency_ms"]) == ([], 0, 0)
    assert control.get("/faults").json() == {"faults": []}


@pytest.mark.parametrize("interval", [0.1])
def test_stream(control: httpx.Client, sim: SimServer, interval: float) -> None:
    assert control.post("/stream", json={"interval_seconds": interval}).json()["streaming"]
    deadline = time.monotonic() + 3
    while len(sim.dukkango.snapshot()) < 3 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert control.delete("/stream").json() == {"streaming": False}
    count = len(sim.dukkango.snapshot())
    assert count >= 3
    time.sleep(interval * 2)
    assert len(sim.dukkango.snapshot()) == count  # stopped
