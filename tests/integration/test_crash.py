"""Crash test: kill -9 the headless bridge at random moments during a burst of orders, restart
it, and check that nothing the platform counted as acknowledged is missing, nothing is stored
twice, and everything ends up acknowledged.

The default suite kills 30 times; ``POSBRIDGE_CRASH_KILLS=300`` makes the documented long run.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import time
from pathlib import Path

import pytest

from app.sim.server import SimServer
from app.store.schema import DB_FILENAME
from tests.integration.conftest import start_headless, write_config_file

KILLS = int(os.environ.get("POSBRIDGE_CRASH_KILLS", "30"))
CRASH_LATENCY_MS = 100


def _stored(data_dir: Path) -> dict[str, tuple[int, bool]]:
    """order_id → (received events, acknowledged) as committed on disk."""
    if not (data_dir / DB_FILENAME).exists():
        return {}
    with sqlite3.connect(data_dir / DB_FILENAME, timeout=10) as db:
        rows = db.execute(
            "select order_id, (select count(*) from order_events e where e.order_row = o.id "
            "and e.kind = 'received'), acked_unit is not null and acked_unit = ack_unit "
            "from orders o"
        ).fetchall()
    return {key: (received, bool(acked)) for key, received, acked in rows}


def _wait(condition, within: float, what: str) -> None:
    deadline = time.monotonic() + within
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.02)


@pytest.mark.timeout(max(120, KILLS * 4))  # the long run needs longer than the default
def test_kill_9_during_a_burst_loses_nothing(sim: SimServer, tmp_path: Path) -> None:
    rng = random.Random(20261123)
    data_dir = tmp_path / "data"
    config = write_config_file(tmp_path / "config.toml", sim.dukkango_base_url)
    log = tmp_path / "headless.log"
    all_keys: list[str] = []
    interrupted = 0  # kills that left work half done (proof the kills hit the burst)
    # Every request takes 100 ms, as over a real network, so that the kill window below spans
    # the whole burst on any machine: before the feed reply (0-100 ms), during the save and
    # while the acknowledgements are in flight (100-220 ms), and after they were answered.
    # Without it a fast machine finishes most bursts before the kill lands.
    sim.dukkango.set_latency(CRASH_LATENCY_MS)
    for kill in range(KILLS):
        all_keys += sim.dukkango.add_orders(rng.randint(5, 40))
        if all_keys and rng.random() < 0.3:
            sim.dukkango.cancel_by_customer(rng.choice(all_keys))
        before = sim.dukkango.request_count()
        process = start_headless(config, data_dir, capture_stdout=False, stderr_file=log)
        # Kill somewhere in the middle of the work: after the first feed call at the
        # earliest, at a random point of the save / acknowledge burst.
        _wait(
            lambda before=before, process=process: (
                sim.dukkango.request_count() > before or process.poll() is not None
            ),
            within=30,
            what="the bridge's first request",
        )
        assert process.poll() is None, log.read_text(encoding="utf-8")[-2000:]
        time.sleep(rng.uniform(0.0, 3 * CRASH_LATENCY_MS / 1000))
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
        # Whatever the platform counted as acknowledged is on disk already.
        stored = _stored(data_dir)
        acked_by_platform = {key for key, _status in sim.dukkango.acknowledged()}
        assert acked_by_platform <= set(stored), f"kill {kill}: acknowledged but not saved"
        assert all(received == 1 for received, _ in stored.values()), f"kill {kill}: twice"
        if any(o["in_feed"] for o in sim.dukkango.snapshot()):
            interrupted += 1

    assert interrupted >= KILLS // 3, f"only {interrupted} kills interrupted any work"

    # A last, clean run finishes the job.
    sim.dukkango.set_latency(0)
    process = start_headless(config, data_dir, capture_stdout=False, stderr_file=log)
    try:
        _wait(
            lambda: not any(o["in_feed"] for o in sim.dukkango.snapshot()),
            within=60,
            what="everything acknowledged after the crashes",
        )
        _wait(
            lambda: (
                len(_stored(data_dir)) == len(all_keys)
                and all(acked for _, acked in _stored(data_dir).values())
            ),
            within=30,
            what="the database to record every acknowledgement",
        )
    finally:
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=30) == 0
        stderr = log.read_text(encoding="utf-8")
    assert "Traceback" not in stderr
    stored = _stored(data_dir)
    assert set(stored) == set(all_keys)
    assert all(received == 1 for received, _ in stored.values())
    assert sim.dukkango.cooldown_violations() == 0
    with sqlite3.connect(data_dir / DB_FILENAME) as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        pending = db.execute("select count(*) from outbox where state = 'pending'").fetchone()[0]
    assert pending == 0
