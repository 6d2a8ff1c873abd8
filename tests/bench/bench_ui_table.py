"""The window over 100,000 stored orders: open time, scroll and filter steps, memory.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/bench/bench_ui_table.py [--orders N]

Targets (the issue): window open with the table ready in under 1 s; each scroll or filter step
under 50 ms; memory under 300 MB. The first run builds the database (minutes) into
tests/bench/out/, later runs reuse it.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_API", "pyside6")

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_ui_common import ensure_database, rss_mb, verdict

OPEN_TARGET_S = 1.0
STEP_TARGET_MS = 50.0
MEMORY_TARGET_MB = 300.0


async def measure(count: int) -> int:
    from PySide6.QtCore import QSettings

    from app.config import AppConfig
    from app.engine.bridge import Bridge
    from app.engine.events import EventBus
    from ui.counter import Counter
    from ui.main_window import MainWindow
    from ui.orders_model import Category, Column, OrdersTableModel
    from ui.sounds import SoundPlayer
    from ui.tray import Tray

    folder = ensure_database(count)
    rss_before = rss_mb()

    started = time.perf_counter()
    bridge = Bridge(AppConfig(accounts=()), folder, events=EventBus())
    await bridge.start()
    model = OrdersTableModel()
    window = MainWindow(model)
    window.resize(1600, 900)
    counter = Counter(
        bridge,
        window,
        model,
        SoundPlayer(parent=window, start=False),
        Tray(available=False),
        QSettings(str(folder / "bench-settings.ini"), QSettings.Format.IniFormat),
        confirm_quit=False,
    )
    await counter.start()
    window.show()
    # Paint now, synchronously (never processEvents() inside a coroutine: that is a nested loop).
    window.repaint()
    open_seconds = time.perf_counter() - started
    first_rows = model.rowCount()

    loaded = asyncio.Event()
    counter.feed.history_loaded.connect(loaded.set)
    if not counter.feed.history_complete:
        await asyncio.wait_for(loaded.wait(), 120)
    all_seconds = time.perf_counter() - started
    await asyncio.sleep(0.3)  # let the window settle (layout, deferred updates) on the loop
    rows = model.rowCount()

    table, proxy = window.table, window.proxy
    bar = table.verticalScrollBar()
    rng = random.Random(1)
    scroll_ms = []
    for i in range(60):
        value = (
            rng.randint(0, bar.maximum())
            if i % 3
            else min(bar.maximum(), bar.value() + table.viewport().height())
        )
        t = time.perf_counter()
        bar.setValue(value)
        table.viewport().repaint()
        scroll_ms.append((time.perf_counter() - t) * 1000)

    filter_ms: dict[str, float] = {}
    steps = [
        ("Needs action", lambda: window.set_category(Category.NEEDS_ACTION)),
        ("In progress", lambda: window.set_category(Category.IN_PROGRESS)),
        ("Done", lambda: window.set_category(Category.DONE)),
        ("Problems", lambda: window.set_category(Category.PROBLEMS)),
        ("All", lambda: window.set_category(Category.ALL)),
        ("search 'a'", lambda: window.search.setText("a")),
        ("search 'ay'", lambda: window.search.setText("ay")),
        ("search 'ayşe'", lambda: window.search.setText("ayşe")),
        ("search '100042'", lambda: window.search.setText("100042")),
        ("search cleared", lambda: window.search.setText("")),
    ]
    for name, step in steps:
        t = time.perf_counter()
        step()
        table.viewport().repaint()
        filter_ms[name] = (time.perf_counter() - t) * 1000

    sort_ms: dict[str, float] = {}
    for column in (Column.CUSTOMER, Column.STATUS, Column.TOTAL, Column.RECEIVED):
        t = time.perf_counter()
        table.sortByColumn(column, proxy.sort_order)
        table.viewport().repaint()
        sort_ms[column.name] = (time.perf_counter() - t) * 1000

    memory = rss_mb()
    await counter.close()
    await bridge.stop()
    window.quitting = True
    window.close()

    worst_scroll = max(scroll_ms)
    worst_filter = max(filter_ms.values())
    print(f"orders in the database: {rows:,} (first page {first_rows:,})")
    print(
        f"window open, table ready: {open_seconds * 1000:.0f} ms  "
        f"[{verdict(open_seconds < OPEN_TARGET_S)} < {OPEN_TARGET_S * 1000:.0f} ms]"
    )
    print(f"all {rows:,} rows loaded in the background after: {all_seconds:.2f} s")
    print(
        f"scroll step: median {statistics.median(scroll_ms):.1f} ms, worst {worst_scroll:.1f} ms  "
        f"[{verdict(worst_scroll < STEP_TARGET_MS)} < {STEP_TARGET_MS:.0f} ms]"
    )
    for name, ms in filter_ms.items():
        print(f"filter step {name:>18}: {ms:6.1f} ms")
    filter_ok = verdict(worst_filter < STEP_TARGET_MS)
    print(f"filter step worst: {worst_filter:.1f} ms  [{filter_ok} < {STEP_TARGET_MS:.0f} ms]")
    for name, ms in sort_ms.items():
        print(f"sort by {name:>10}: {ms:6.1f} ms (no target)")
    print(
        f"memory (RSS): {memory:.0f} MB (before opening {rss_before:.0f} MB)  "
        f"[{verdict(memory < MEMORY_TARGET_MB)} < {MEMORY_TARGET_MB:.0f} MB]"
    )
    ok = open_seconds < OPEN_TARGET_S and worst_scroll < STEP_TARGET_MS
    ok = ok and worst_filter < STEP_TARGET_MS and memory < MEMORY_TARGET_MB
    print("RESULT:", verdict(ok))
    return 0


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--orders", type=int, default=100_000)
    args = parser.parse_args()
    from ui import workarounds

    workarounds.apply()
    import qasync
    from PySide6.QtWidgets import QApplication

    from ui import theme

    app = QApplication.instance() or QApplication([])
    theme.apply(app)  # type: ignore[arg-type]
    with asyncio.Runner(loop_factory=lambda: qasync.QEventLoop(app)) as runner:
        return runner.run(measure(args.orders))


if __name__ == "__main__":
    sys.exit(main())
