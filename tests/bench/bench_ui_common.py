"""Shared by the UI benchmarks: a cached database of many orders, memory and stall meters.

Building 100,000 orders through ``Store.ingest`` takes minutes (peewee builds each statement in
Python), so the database is built once into ``tests/bench/out/`` (ignored by git) and reused.
"""

from __future__ import annotations

import os
import resource
import shutil
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "ui"))  # uitest_helpers
sys.path.insert(0, str(HERE.parent.parent))

from uitest_helpers import make_order  # noqa: E402

from app.model import OrderStatus, Provider  # noqa: E402
from app.store.store import IngestPolicy, Store  # noqa: E402

OUT = HERE / "out"

# A realistic history: most orders finished long ago, a few still open.
MIX = (
    (OrderStatus.DONE, "5", 86),
    (OrderStatus.CANCELLED, "6", 8),
    (OrderStatus.ACCEPTED, "2", 3),
    (OrderStatus.ON_THE_WAY, "16", 2),
    (OrderStatus.NEW, "1", 1),
)


def status_for(i: int) -> tuple[OrderStatus, str]:
    slot = i % 100
    for status, code, share in MIX:
        if slot < share:
            return status, code
        slot -= share
    return OrderStatus.DONE, "5"


def ensure_database(count: int, batch: int = 500) -> Path:
    """A data folder holding ``count`` orders, built once and then reused."""
    folder = OUT / f"ui-{count}"
    done = folder / "complete"
    if done.exists():
        _mark_acknowledged(folder)
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    store = Store.open(folder)
    # Only for building the fixture: the real bridge always commits with synchronous=FULL.
    store.db.execute_sql("PRAGMA synchronous=OFF")
    policy = IngestPolicy(reack_on_repeat=True)
    start = time.perf_counter()
    first = datetime.now(UTC) - timedelta(minutes=count // 10)
    for offset in range(0, count, batch):
        orders = []
        for i in range(offset, min(count, offset + batch)):
            status, code = status_for(i)
            orders.append(make_order(i, status=status, provider_status=code))
        now = first + timedelta(seconds=offset * 6)
        store.ingest("Kadıköy Şube", Provider.DUKKANGO, orders, [], policy, now=now)
        if offset and offset % 10_000 == 0:
            print(f"  built {offset:,} orders ({time.perf_counter() - start:.0f} s)", flush=True)
    store.close()
    _mark_acknowledged(folder)
    done.write_text(str(count))
    print(f"built {count:,} orders in {time.perf_counter() - start:.0f} s -> {folder}")
    return folder


def _mark_acknowledged(folder: Path) -> None:
    """A history where the platform got every acknowledgement long ago, as in a real shop.

    Going through the sender would take the benchmark's fixture tens of minutes, so this one
    fixture step writes the end state directly (test data only; the app never does this)."""
    marker = folder / "acknowledged"
    if marker.exists():
        return
    store = Store.open(folder)
    store.db.execute_sql("UPDATE outbox SET state = 'sent', sent_at = created_at")
    store.db.execute_sql("UPDATE orders SET acked_unit = ack_unit, acked_at = received_at")
    store.close()
    marker.write_text("yes")


def rss_mb() -> float:
    """Resident memory now (Linux /proc), else the peak."""
    try:
        with open(f"/proc/{os.getpid()}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 if sys.platform != "darwin" else peak / 1024 / 1024


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


if __name__ == "__main__":
    ensure_database(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)
