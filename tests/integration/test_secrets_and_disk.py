"""Invariant 6 (secrets stay secret) and a full disk while orders arrive (invariants 3, 7)."""

from __future__ import annotations

import logging
from pathlib import Path

import keyring
import pytest

from app.credentials import KEYRING_SERVICE, redact
from app.engine.events import EventName, HealthState
from app.logs import setup_logging
from app.sim.dukkango import DEMO_APP_SECRET, DEMO_REST_SECRET
from app.sim.recording import Fault
from app.sim.server import SimServer
from tests.integration.conftest import all_acked, config, run, started_bridge, wait_for


@pytest.fixture
def _restore_logging():
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    for handler in list(root.handlers):
        root.removeHandler(handler)
        handler.close()
    for handler in handlers:
        root.addHandler(handler)
    root.setLevel(level)


@pytest.mark.usefixtures("_restore_logging")
def test_secrets_never_reach_the_database_or_the_log(sim: SimServer, data_dir: Path) -> None:
    # The real keyring API (its file backend here, as on a machine with no OS keyring).
    keyring.set_password(KEYRING_SERVICE, "kadikoy-app", DEMO_APP_SECRET)
    keyring.set_password(KEYRING_SERVICE, "kadikoy-rest", DEMO_REST_SECRET)
    log_path = setup_logging(data_dir, verbose=True, console=False)
    for noisy in ("httpx", "httpcore"):
        logging.getLogger(noisy).setLevel(logging.DEBUG)
    sim.dukkango.add_orders(3)
    sim.dukkango.inject(Fault("server_error", endpoint="success", count=2, status=500))
    cfg = config(
        sim,
        credentials={
            "app_secret_key": "keyring:kadikoy-app",
            "rest_secret_key": "keyring:kadikoy-rest",
        },
    )
    tokens: list[str] = []

    async def scenario() -> None:
        bridge, _ = await started_bridge(cfg, data_dir)
        try:
            await wait_for(all_acked(sim))
            tokens.extend(r.headers.get("access-token", "") for r in sim.dukkango.requests())
            # Something that would leak if redaction failed:
            logging.getLogger("posbridge.test").error(
                "request failed with headers {'Access-Token': '%s'}", tokens[-1]
            )
        finally:
            await bridge.stop()

    run(scenario())
    for handler in logging.getLogger().handlers:
        handler.flush()
    secrets = {DEMO_APP_SECRET, DEMO_REST_SECRET, *filter(None, tokens)}
    assert len(secrets) >= 3
    stored = b"".join(p.read_bytes() for p in data_dir.glob("posbridge.sqlite3*"))
    assert log_path is not None
    log_text = log_path.read_text(encoding="utf-8")
    assert "Access-Token" in log_text and "***" in log_text  # the line was written, redacted
    for secret in secrets:
        assert secret.encode() not in stored
        assert secret not in log_text


def test_redaction_of_auth_headers() -> None:
    assert "abc123" not in redact("Authorization: Token abc123")
    assert "zzz" not in redact('{"WM_SEC.AUTH_SIGNATURE": "zzz"}')


def test_full_disk_is_reported_and_loses_nothing(sim: SimServer, data_dir: Path) -> None:
    first = sim.dukkango.add_orders(2)

    async def scenario() -> None:
        bridge, events = await started_bridge(config(sim), data_dir)
        try:
            await wait_for(all_acked(sim))
            store = bridge.store
            pages = await bridge._writer.call(
                lambda: store.db.execute_sql("PRAGMA page_count").fetchone()[0]
            )
            # The writer's connection may not grow the file any more: a full disk, for SQLite.
            await bridge._writer.call(
                lambda: store.db.execute_sql(f"PRAGMA max_page_count = {pages}")
            )
            later = sim.dukkango.add_orders(40)
            await wait_for(
                lambda: any(
                    h.state is HealthState.DEGRADED and "disk is full" in h.message
                    for h in events[EventName.ACCOUNT_HEALTH]
                ),
                what="the full-disk notice",
            )
            acked_keys = {k for k, _ in sim.dukkango.acknowledged()}
            assert not acked_keys & set(later)  # nothing acknowledged that was not saved
            await bridge._writer.call(
                lambda: store.db.execute_sql("PRAGMA max_page_count = 1073741823")
            )
            await wait_for(all_acked(sim), what="orders after space was freed")
            assert {s.order.order_id for s in store.list_orders()} == set(first) | set(later)
            assert bridge.health()["Kadıköy"].state is HealthState.OK
        finally:
            await bridge.stop()

    run(scenario())
