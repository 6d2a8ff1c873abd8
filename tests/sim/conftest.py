"""One loopback simulator for the whole sim test run, reset before every test.

Starting uvicorn costs little but stopping it takes ~0.2 s, so tests share a server and call
``reset()``; the few tests about starting and stopping make their own.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from app.sim.dukkango import DEMO_TOKEN
from app.sim.server import SimServer

COOLDOWN = 0.02  # seconds; the real 30 s would make the suite crawl


@pytest.fixture(scope="session")
def server() -> Iterator[SimServer]:
    with SimServer(seed=7, cooldown_seconds=COOLDOWN) as sim:
        yield sim


@pytest.fixture
def sim(server: SimServer) -> Iterator[SimServer]:
    server.dukkango.reset()
    server.dukkango.cooldown_seconds = COOLDOWN
    server.dukkango.token_ttl_seconds = 86400
    yield server
    server.dukkango.reset()


# Clients are shared by the whole run: building an httpx.Client loads the CA bundle (~50 ms),
# which per test would double the suite's time.
@pytest.fixture(scope="session")
def _token_client(server: SimServer) -> Iterator[httpx.Client]:
    with httpx.Client(
        base_url=server.dukkango_base_url, headers={"Access-Token": DEMO_TOKEN}, timeout=5
    ) as http:
        yield http


@pytest.fixture(scope="session")
def _anonymous_client(server: SimServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server.dukkango_base_url, timeout=5) as http:
        yield http


@pytest.fixture(scope="session")
def _control_client(server: SimServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server.url + "/_sim/dukkango", timeout=5) as http:
        yield http


@pytest.fixture
def client(sim: SimServer, _token_client: httpx.Client) -> httpx.Client:
    """A client that sends the demo Access-Token, as a fixed-token account does."""
    return _token_client


@pytest.fixture
def anonymous(sim: SimServer, _anonymous_client: httpx.Client) -> httpx.Client:
    """A client without any token."""
    return _anonymous_client


@pytest.fixture
def control(sim: SimServer, _control_client: httpx.Client) -> httpx.Client:
    """A client of the control API, /_sim/dukkango/."""
    return _control_client


class Feed:
    """Polls get-current the way a well-behaved bridge does: never inside the cooldown."""

    def __init__(self, client: httpx.Client) -> None:
        self.client = client

    def response(self, **params: Any) -> httpx.Response:
        time.sleep(COOLDOWN * 1.2)
        return self.client.get("/orders/get-current", params=params)

    def orders(self, **params: Any) -> list[dict[str, Any]]:
        response = self.response(**params)
        assert response.status_code == 200, response.text
        body = response.json()
        assert body["status"] is True
        data: list[dict[str, Any]] = body["data"]
        return data

    def view(self, **params: Any) -> list[tuple[str, int]]:
        """(payment_key, status_id) of every listed order."""
        return [(o["payment_key"], o["status_id"]) for o in self.orders(**params)]


@pytest.fixture
def feed(client: httpx.Client) -> Feed:
    return Feed(client)
