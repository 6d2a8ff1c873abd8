"""The store on a real SQLite file: durability settings, one row per order, history, outbox."""

from __future__ import annotations

import os
import sqlite3
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from app.model import Action, ActionKind, OrderStatus, OutboxState, Provider, Rejected
from app.providers.dukkango import parse_order
from app.store.errors import DiskFullError, StoreError
from app.store.schema import DB_FILENAME, SCHEMA_VERSION
from app.store.store import ActionRefused, IngestPolicy, SendResult, Store
from tests.unit.test_dukkango_parse import DOC_ORDER

DUKKANGO = IngestPolicy(
    reack_on_repeat=True, status_rank=lambda s: {"1": 1, "2": 2, "16": 3}.get(s, 5)
)


def order(status_id: int = 1, key: str = DOC_ORDER["payment_key"], **changes: object):
    return parse_order(dict(DOC_ORDER, status_id=status_id, payment_key=key, **changes), "shop")


@pytest.fixture
def store(data_dir: Path) -> Store:
    s = Store.open(data_dir)
    yield s
    s.close()


def ingest(store: Store, *orders, rejects=()):
    return store.ingest("shop", Provider.DUKKANGO, list(orders), list(rejects), DUKKANGO)


def test_database_is_wal_with_full_sync(store: Store, data_dir: Path) -> None:
    assert store.db.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.db.execute_sql("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert store.meta("schema_version") == str(SCHEMA_VERSION)
    assert (data_dir / DB_FILENAME).exists()


def test_new_order_saved_with_event_and_ack_in_outbox(store: Store, data_dir: Path) -> None:
    result = ingest(store, order())
    assert [c.kind for c in result.changes] == ["new"]
    assert [(i.kind, i.params["ack_unit"]) for i in result.to_send] == [
        (ActionKind.ACKNOWLEDGE, "1")
    ]
    # Committed: another connection (another process, say) sees it.
    with sqlite3.connect(data_dir / DB_FILENAME) as other:
        assert other.execute("select count(*) from orders").fetchone()[0] == 1
        assert other.execute("select state from outbox").fetchone()[0] == "pending"
    stored = store.get_order("shop", DOC_ORDER["payment_key"])
    assert stored is not None and not stored.acked
    assert [e.kind for e in store.history(stored.row_id)] == ["received"]


def test_repeats_change_nothing(store: Store) -> None:
    first = ingest(store, order())
    for _ in range(3):
        again = ingest(store, order(), order())
        assert [c.kind for c in again.changes] == ["repeat"]
        assert again.to_send == []  # its acknowledgement is already pending
    assert store.count_orders() == 1
    assert len(store.history(first.changes[0].row_id)) == 1


def test_repeat_after_ack_sends_the_ack_again(store: Store) -> None:
    first = ingest(store, order())
    store.record_results([SendResult(first.to_send[0].id, "sent", response="OK")])
    assert store.get_order("shop", DOC_ORDER["payment_key"]).acked
    again = ingest(store, order())
    assert [i.id for i in again.to_send] == [first.to_send[0].id]  # same row, pending again
    assert store.count_orders() == 1


def test_ack_answered_after_the_feed_request_is_not_sent_again(store: Store) -> None:
    """A reply that crossed our acknowledgement on the wire still lists the order; that is
    no reason to acknowledge again (a burst would otherwise acknowledge everything twice)."""
    from datetime import timedelta

    first = ingest(store, order())
    request_left = datetime.now(UTC)
    store.record_results(
        [SendResult(first.to_send[0].id, "sent")], now=request_left + timedelta(milliseconds=5)
    )
    crossed = store.ingest(
        "shop", Provider.DUKKANGO, [order()], [], DUKKANGO, requested_at=request_left
    )
    assert crossed.to_send == []
    later = store.ingest(
        "shop",
        Provider.DUKKANGO,
        [order()],
        [],
        DUKKANGO,
        requested_at=datetime.now(UTC) + timedelta(seconds=1),
    )
    assert [i.id for i in later.to_send] == [first.to_send[0].id]  # lost: send it again


def test_status_change_is_an_event_and_a_new_ack(store: Store) -> None:
    first = ingest(store, order(1))
    changed = ingest(store, order(2))
    assert [(c.kind, c.previous, c.status) for c in changed.changes] == [
        ("status", OrderStatus.NEW, OrderStatus.ACCEPTED)
    ]
    assert [i.params["ack_unit"] for i in changed.to_send] == ["2"]
    row_id = first.changes[0].row_id
    assert [e.kind for e in store.history(row_id)] == ["received", "status"]
    states = {o.params["ack_unit"]: o.state for o in store.outbox_for_order(row_id)}
    assert states == {"1": OutboxState.SUPERSEDED, "2": OutboxState.PENDING}
    assert store.count_orders() == 1


def test_stale_status_is_ignored(store: Store) -> None:
    ingest(store, order(2))
    stale = ingest(store, order(1))
    assert stale.stale == 1 and stale.changes == [] and stale.to_send == []
    assert store.get_order("shop", DOC_ORDER["payment_key"]).order.status is OrderStatus.ACCEPTED


def test_cancellation_needs_confirmation(store: Store) -> None:
    ingest(store, order(1))
    ingest(store, order(6))
    stored = store.get_order("shop", DOC_ORDER["payment_key"])
    assert stored.needs_cancel_confirmation
    assert store.confirm_cancellation_seen("shop", DOC_ORDER["payment_key"])
    assert not store.get_order("shop", DOC_ORDER["payment_key"]).needs_cancel_confirmation
    assert not store.confirm_cancellation_seen("shop", DOC_ORDER["payment_key"])


def test_quarantine_keeps_raw_once(store: Store) -> None:
    bad = Rejected(reason="payment_key is missing", raw='{"id": 5}')
    ingest(store, rejects=[bad])
    result = ingest(store, rejects=[bad])
    [q] = store.quarantined()
    assert q.raw == '{"id": 5}' and q.times_seen == 2 and result.quarantined[0].id == q.id
    assert store.dismiss_quarantined(q.id)
    assert store.quarantined() == [] and len(store.quarantined(include_resolved=True)) == 1


def test_ack_failures_become_visible(store: Store) -> None:
    first = ingest(store, order())
    item = first.to_send[0]
    for _ in range(3):
        store.record_results(
            [SendResult(item.id, "retry", error="timeout", next_attempt_at=datetime.now(UTC))]
        )
    assert store.get_order("shop", item.order_id).problem.startswith("ack:")
    store.record_results([SendResult(item.id, "sent")])
    stored = store.get_order("shop", item.order_id)
    assert stored.acked and stored.problem == ""


def test_staff_action_is_written_once(store: Store) -> None:
    ingest(store, order())
    action = Action(ActionKind.ACCEPT, DOC_ORDER["payment_key"], params={"preparing_time": 20})
    item = store.queue_action("shop", action)
    assert item.state is OutboxState.PENDING and item.params == {"preparing_time": 20}
    with pytest.raises(ActionRefused):
        store.queue_action("shop", action)  # a double tap does not accept twice
    store.record_results([SendResult(item.id, "sent", new_status=(OrderStatus.ACCEPTED, "2"))])
    stored = store.get_order("shop", DOC_ORDER["payment_key"])
    assert stored.order.status is OrderStatus.ACCEPTED and stored.action_state == "sent"
    # The platform now shows status 2: not a new status for us, but it must be acknowledged.
    again = ingest(store, order(2))
    assert [c.kind for c in again.changes] == ["repeat"]
    assert [i.params["ack_unit"] for i in again.to_send] == ["2"]


def test_own_cancellation_needs_no_confirmation(store: Store) -> None:
    ingest(store, order())
    item = store.queue_action(
        "shop", Action(ActionKind.CANCEL, DOC_ORDER["payment_key"], params={"reason_id": 1})
    )
    store.record_results([SendResult(item.id, "sent", new_status=(OrderStatus.CANCELLED, "6"))])
    stored = store.get_order("shop", DOC_ORDER["payment_key"])
    assert stored.order.status is OrderStatus.CANCELLED
    assert not stored.needs_cancel_confirmation


def test_refused_action_says_why_in_a_code(store: Store) -> None:
    ingest(store, order())
    action = Action(ActionKind.ACCEPT, DOC_ORDER["payment_key"], params={"preparing_time": 9})
    store.queue_action("shop", action)
    with pytest.raises(ActionRefused) as twice:
        store.queue_action("shop", action)
    assert twice.value.code == "already_pending"
    with pytest.raises(ActionRefused) as missing:
        store.queue_action("shop", Action(ActionKind.ACCEPT, "nope", params={}))
    assert missing.value.code == "unknown_order"


def test_refused_action_shows_the_platform_reason(store: Store) -> None:
    ingest(store, order())
    item = store.queue_action(
        "shop", Action(ActionKind.CANCEL, DOC_ORDER["payment_key"], params={"reason_id": 3})
    )
    store.record_results([SendResult(item.id, "failed", error="sipariş bulunamadı")])
    stored = store.get_order("shop", DOC_ORDER["payment_key"])
    assert stored.action_state == "failed" and "sipariş bulunamadı" in stored.problem


def test_disk_full_loses_nothing_half_written(store: Store) -> None:
    ingest(store, order())
    pages = store.db.execute_sql("PRAGMA page_count").fetchone()[0]
    store.db.execute_sql(f"PRAGMA max_page_count = {pages}")
    big = [order(key=f"00000000-0000-4000-8000-{i:012d}", note="x" * 4000) for i in range(50)]
    with pytest.raises(DiskFullError) as info:
        ingest(store, *big)
    assert "disk is full" in str(info.value)
    assert store.count_orders() == 1  # the failed transaction left nothing behind
    assert len(store.due_outbox()) == 1


def test_newer_database_is_refused(data_dir: Path) -> None:
    Store.open(data_dir).close()
    with sqlite3.connect(data_dir / DB_FILENAME) as db:
        db.execute("update meta set value = '999' where key = 'schema_version'")
    with pytest.raises(StoreError, match="newer POS Bridge"):
        Store.open(data_dir)


def test_read_only_folder_is_explained(tmp_path: Path) -> None:
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        folder = Path("/proc/self/fdinfo")  # root ignores file modes; procfs refuses anyone
    else:
        folder = tmp_path / "ro"
        folder.mkdir()
        folder.chmod(0o500)
    with pytest.raises(StoreError, match="--data-dir"):
        Store.open(folder)


def test_summaries_for_the_table(store: Store) -> None:
    ingest(
        store, order(), replace(order(key="22222222-2222-4222-8222-222222222222"), display_id="9")
    )
    rows = list(store.iter_summaries())
    assert [r.display_id for r in rows] == ["2047", "9"]
    assert rows[0].summary == "2× Adana Kebap, 2× Ayran" and not rows[0].acked
