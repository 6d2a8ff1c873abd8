"""The window ↔ engine link: every event and value survives the wire exactly, messages are
framed one per line over a real loopback socket, and garbage is refused with a clear error."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.config import AccountConfig, AppConfig
from app.engine.events import (
    AccountHealth,
    ActionUpdate,
    EventName,
    HealthState,
    OrderAcked,
    OrderQuarantined,
    OrderSaved,
    OrderUpdated,
)
from app.engine.link import (
    EVENT_TYPES,
    Link,
    LinkClosed,
    LinkError,
    config_from_wire,
    config_to_wire,
    decode,
    encode,
    event_from_wire,
    event_to_wire,
    from_wire,
    to_wire,
)
from app.model import Action, ActionKind, OrderStatus, OutboxState, Provider
from app.store.store import OutboxItem

AT = datetime(2026, 12, 1, 12, 30, 5, 123456, tzinfo=UTC)

EXAMPLES = {
    EventName.ORDER_SAVED: OrderSaved(
        7, "Kadıköy Şube", "pk-1", "2857", "status", OrderStatus.CANCELLED, OrderStatus.NEW, AT
    ),
    EventName.ORDER_ACKED: OrderAcked("Kadıköy Şube", "pk-1", AT, "4"),
    EventName.ORDER_QUARANTINED: OrderQuarantined("Kadıköy Şube", None, "items: not a list", 2),
    EventName.ACTION_QUEUED: ActionUpdate("Kadıköy Şube", "pk-1", ActionKind.ACCEPT, "pending"),
    EventName.ACTION_SENT: ActionUpdate("K", "pk-1", ActionKind.CANCEL, "sent", "OK"),
    EventName.ACTION_FAILED: ActionUpdate("K", "pk-1", ActionKind.ACKNOWLEDGE, "failed", "409"),
    EventName.ACCOUNT_HEALTH: AccountHealth(
        "Kadıköy Şube",
        "dukkango",
        HealthState.OFFLINE,
        "Bağlantı yok.",
        AT - timedelta(minutes=3),
        AT,
        None,
        4,
    ),
    EventName.ORDER_UPDATED: OrderUpdated("Kadıköy Şube", "pk-1", "seen"),
}


def test_every_event_kind_has_an_example() -> None:
    assert set(EXAMPLES) == set(EventName) == set(EVENT_TYPES)


@pytest.mark.parametrize("name", list(EventName))
def test_each_event_comes_back_equal_with_its_types(name: EventName) -> None:
    payload = EXAMPLES[name]
    message = decode(encode(event_to_wire(name, payload)).rstrip(b"\n"))
    assert event_from_wire(message) == (name, payload)


def test_an_event_this_window_does_not_know_is_skipped() -> None:
    assert event_from_wire({"type": "event", "name": "order_teleported", "data": {}}) is None


def test_outbox_items_and_actions_cross_intact() -> None:
    item = OutboxItem(
        id=12,
        account="Kadıköy Şube",
        provider=Provider.DUKKANGO,
        order_id="pk-1",
        kind=ActionKind.ACCEPT,
        params={"preparing_time": 20},
        attempts=1,
        state=OutboxState.PENDING,
        next_attempt_at=AT,
        created_at=AT,
    )
    assert from_wire(OutboxItem, to_wire(item)) == item
    action = Action(ActionKind.CANCEL, "pk-1", params={"reason_id": 3})
    assert from_wire(Action, to_wire(action)) == action


def test_the_configuration_crosses_with_references_only() -> None:
    config = AppConfig(
        (
            AccountConfig(
                name="Kadıköy Şube",
                provider=Provider.DUKKANGO,
                base_url="http://127.0.0.1:1/api",
                poll_seconds=1.0,
                cooldown_seconds=0.5,
                credentials={"token": "keyring:kadikoy-token"},
            ),
        )
    )
    assert config_from_wire(config_to_wire(config)) == config


@given(
    message=st.text(),
    account=st.text(min_size=1),
    failures=st.integers(min_value=0, max_value=10**6),
    latency=st.none() | st.floats(allow_nan=False, allow_infinity=False),
)
def test_any_health_text_survives(
    message: str, account: str, failures: int, latency: float | None
) -> None:
    health = AccountHealth(
        account, "dukkango", HealthState.DEGRADED, message, None, AT, latency, failures
    )
    line = encode(event_to_wire(EventName.ACCOUNT_HEALTH, health))
    assert line.count(b"\n") == 1 and line.endswith(b"\n")  # one message, one line
    assert event_from_wire(decode(line[:-1])) == (EventName.ACCOUNT_HEALTH, health)


@pytest.mark.parametrize("line", [b"not json", b"[1, 2]", b'{"no": "type"}', b"\xff\xfe"])
def test_garbage_is_refused_in_words(line: bytes) -> None:
    with pytest.raises(LinkError, match="not a link message"):
        decode(line)


def test_messages_are_framed_over_a_real_socket_and_the_end_is_noticed() -> None:
    async def scenario() -> None:
        received: list[dict[str, object]] = []
        done = asyncio.Event()

        async def serve(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            link = Link(reader, writer)
            try:
                while True:
                    received.extend(decode(line) for line in await link.receive_lines())
            except LinkClosed:
                done.set()
            finally:
                await link.close()

        server = await asyncio.start_server(serve, "127.0.0.1", 0)
        port = server.sockets[0].getsockname()[1]
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        client = Link(reader, writer)
        for number in range(2_000):  # sent within one loop turn: one write
            client.send({"type": "call", "id": number, "method": "ping", "args": {"ü": "ş"}})
        await client.drain()
        await client.close()
        await asyncio.wait_for(done.wait(), 10)
        server.close()
        await server.wait_closed()
        assert [m["id"] for m in received] == list(range(2_000))
        assert received[0]["args"] == {"ü": "ş"}

    asyncio.run(scenario())
