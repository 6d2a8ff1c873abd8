"""A 2,000-order burst through the real bridge into the window: loop stalls and row delays.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/bench/bench_ui_burst.py [--orders 2000]
        [--batch 100] [--every 0.25] [--at-once]

The Dükkango simulator runs in its own process (as the real platform would: in this process
its server would compete with the window for the GIL) and gets ``--orders`` new orders in
batches of ``--batch`` every ``--every`` seconds (or all at once) through its control API; the
bridge polls, saves and acknowledges them; the window shows them.
With ``--direct`` the HTTP side is left out: batches are saved through the store on a writer
thread and announced with the engine's own events, exactly as the poller does after a feed
reply. That measures the window's share alone (the full run also carries the engine's HTTP
work for the acknowledgements on the same loop).

Measured: the event loop's longest stall (a 5 ms heartbeat on the loop: how late it woke), and
for every order the delay from its commit (``OrderSaved.saved_at``) to its row being in the
table. Targets (the issue): longest stall under 50 ms; no row later than 1 s after its save.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_API", "pyside6")

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_ui_common import rss_mb, verdict

STALL_TARGET_MS = 50.0
DELAY_TARGET_S = 1.0
HEARTBEAT_S = 0.005
TOKEN_VARIABLE = "POSBRIDGE_BENCH_DUKKANGO_TOKEN"
SIM_NICENESS = 19


async def heartbeat(stalls: list[float], stop: asyncio.Event) -> None:
    loop = asyncio.get_running_loop()
    while not stop.is_set():
        before = loop.time()
        await asyncio.sleep(HEARTBEAT_S)
        stalls.append(max(0.0, loop.time() - before - HEARTBEAT_S))


def feed_orders(control: str, total: int, batch: int, every: float, done: threading.Event) -> None:
    """Runs on its own thread (a blocking HTTP client is fine there, never on the loop)."""
    import httpx

    added = 0
    with httpx.Client(timeout=30) as client:
        while added < total:
            count = min(batch, total - added)
            client.post(f"{control}/_sim/dukkango/orders", json={"count": count}).raise_for_status()
            added += count
            if added < total:
                time.sleep(every)
    done.set()


def start_sim_process() -> tuple[subprocess.Popen[str], str]:
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "app", "sim", "--port", str(port), "--cooldown", "0.05"],
        cwd=Path(__file__).resolve().parents[2],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        preexec_fn=lambda: os.nice(SIM_NICENESS),
    )
    assert process.stdout is not None
    process.stdout.readline()  # the banner: the server is listening
    return process, f"http://127.0.0.1:{port}"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class DirectBridge:
    """What the window needs of the bridge, with the store only (``--direct``)."""

    def __init__(self, folder: Path) -> None:
        from app.engine.events import EventBus
        from app.engine.poller import announce_saved
        from app.engine.writer import StoreWriter

        self.announce_saved = announce_saved  # imported here, not during the measured burst
        self.events = EventBus()
        self.writer = StoreWriter(folder)

    @property
    def store(self) -> object:
        return self.writer.store

    async def start(self) -> None:
        await self.writer.open()

    async def stop(self) -> None:
        await asyncio.get_running_loop().run_in_executor(None, self.writer.close)

    def health(self) -> dict[str, object]:
        return {}

    def allowed_actions(self, order: object) -> frozenset[object]:
        return frozenset()

    def preparing_time_presets(self) -> list[int]:
        return [10, 15, 20, 30, 45]

    def cancel_reasons(self, account: str) -> list[tuple[int, str]]:
        return []

    async def mark_seen(self, account: str, order_id: str) -> None:
        return None

    async def confirm_cancellation_seen(self, account: str, order_id: str) -> None:
        return None

    async def request_action(self, account: str, action: object) -> object:
        raise RuntimeError("no actions in the benchmark")

    async def burst(self, total: int, batch: int, every: float) -> None:
        """Save and announce like the poller: one transaction per batch, then the events."""
        from uitest_helpers import make_order  # on the path through bench_ui_common

        from app.model import Provider
        from app.store.store import IngestPolicy

        policy = IngestPolicy(reack_on_repeat=True)
        for start in range(0, total, batch):
            orders = [make_order(i) for i in range(start, min(total, start + batch))]
            result = await self.writer.call(
                self.writer.store.ingest,
                "Kadıköy Şube",
                Provider.DUKKANGO,
                orders,
                [],
                policy,  # type: ignore[union-attr]
            )
            self.announce_saved(self.events, result)  # as the poller does after its commit
            await asyncio.sleep(every)


async def measure(args: argparse.Namespace) -> int:
    folder = Path(tempfile.mkdtemp(prefix="posbridge-burst-"))
    sim_process = None
    if args.direct:
        bridge = DirectBridge(folder)
        await bridge.start()
    else:
        bridge, sim_process = await start_full_bridge(folder, args.in_process)
    await _measure_window(args, bridge, folder, sim_process)
    return 0


async def start_full_bridge(
    folder: Path, in_process: bool
) -> tuple[Any, subprocess.Popen[str]]:
    from app.config import AccountConfig, AppConfig
    from app.engine.bridge import Bridge
    from app.engine.events import EventBus
    from app.engine.remote import EngineProcess
    from app.model import Provider
    from app.sim.dukkango import DEMO_TOKEN, DukkangoSim

    loop = asyncio.get_running_loop()
    sim_process, sim_url = await loop.run_in_executor(None, start_sim_process)
    os.environ[TOKEN_VARIABLE] = DEMO_TOKEN
    config = AppConfig(
        accounts=(
            AccountConfig(
                name="Kadıköy Şube",
                provider=Provider.DUKKANGO,
                base_url=sim_url + DukkangoSim.prefix,
                poll_seconds=0.2,
                cooldown_seconds=0.05,
                timeout_seconds=30.0,
                credentials={"token": f"env:{TOKEN_VARIABLE}"},
            ),
        )
    )
    # As the window runs it (its own process), or on the window's own loop for comparison.
    kind = Bridge if in_process else EngineProcess
    bridge = kind(config, folder, events=EventBus())
    await bridge.start()
    bridge.sim_url = sim_url  # type: ignore[attr-defined]
    return bridge, sim_process


async def _measure_window(
    args: argparse.Namespace, bridge: Any, folder: Path, sim_process: Any
) -> None:
    from PySide6.QtCore import QSettings

    from ui.counter import Counter
    from ui.main_window import MainWindow
    from ui.orders_model import OrdersTableModel
    from ui.sounds import SoundPlayer
    from ui.tray import Tray

    loop = asyncio.get_running_loop()
    model = OrdersTableModel()
    window = MainWindow(model)
    window.resize(1600, 900)
    counter = Counter(
        bridge,
        window,
        model,
        SoundPlayer(parent=window),
        Tray(available=False),
        QSettings(str(folder / "bench-settings.ini"), QSettings.Format.IniFormat),
        confirm_quit=False,
    )
    await counter.start()
    window.show()

    delays: list[float] = []

    def rows_in_table(saved: list) -> None:  # type: ignore[type-arg]
        now = datetime.now(UTC)
        for event, _summary in saved:
            if event.kind == "new":
                delays.append((now - event.saved_at).total_seconds())

    counter.feed.orders_saved.connect(rows_in_table)
    stalls: list[float] = []
    stop = asyncio.Event()
    beat = asyncio.create_task(heartbeat(stalls, stop), name="heartbeat")
    await asyncio.sleep(0.5)  # the idle baseline
    idle_stalls = len(stalls)

    started = time.perf_counter()
    done = threading.Event()
    batch = args.orders if args.at_once else args.batch
    if args.direct:
        producer = asyncio.create_task(bridge.burst(args.orders, batch, args.every), name="burst")
    else:
        feeder = threading.Thread(
            target=feed_orders,
            args=(bridge.sim_url, args.orders, batch, args.every, done),
            daemon=True,
        )
        feeder.start()
    all_seen = asyncio.Event()
    counter.feed.orders_saved.connect(lambda _saved: len(delays) >= args.orders and all_seen.set())
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(all_seen.wait(), args.timeout)
    all_in = time.perf_counter() - started
    acked_deadline = time.perf_counter() + (0 if args.direct else args.timeout)
    while time.perf_counter() < acked_deadline:
        acked = sum(1 for row in model.rows() if getattr(row, "acked", False))
        if acked >= args.orders:
            break
        await asyncio.sleep(0.1)
    all_acked = time.perf_counter() - started
    stop.set()
    await beat
    memory = rss_mb()

    if args.direct:
        await producer
    await counter.close()
    await bridge.stop()
    if sim_process is not None:
        sim_process.terminate()
        await loop.run_in_executor(None, sim_process.wait)
    window.quitting = True
    window.close()

    burst_stalls = stalls[idle_stalls:]
    worst_stall_ms = max(burst_stalls) * 1000 if burst_stalls else 0.0
    idle_worst_ms = max(stalls[:idle_stalls]) * 1000 if idle_stalls else 0.0
    worst_delay = max(delays) if delays else float("inf")
    if args.direct:
        mode = "store + events only (--direct)"
    elif args.in_process:
        mode = "simulator over HTTP, the engine on the window's loop (--in-process)"
    else:
        mode = "simulator over HTTP, the engine in its own process (as the window runs it)"
    pace = "all at once" if args.at_once else f"{batch} every {args.every} s"
    print(f"orders: {args.orders:,} ({pace}; {mode})")
    acked_text = "" if args.direct else f"; all acknowledged after {all_acked:.2f} s"
    print(f"rows in the table: {len(delays):,} after {all_in:.2f} s{acked_text}")
    stall_ok = verdict(worst_stall_ms < STALL_TARGET_MS)
    print(
        f"longest event-loop stall during the burst: {worst_stall_ms:.1f} ms "
        f"(idle before: {idle_worst_ms:.1f} ms)  [{stall_ok} < {STALL_TARGET_MS:.0f} ms]"
    )
    if burst_stalls:
        over = sum(1 for s in burst_stalls if s * 1000 >= STALL_TARGET_MS)
        median = statistics.median(burst_stalls) * 1000
        print(
            f"heartbeats: {len(burst_stalls):,}, median lateness {median:.1f} ms, "
            f"{over} at or over {STALL_TARGET_MS:.0f} ms"
        )
    if delays:
        ordered = sorted(delays)
        p95 = ordered[int(len(ordered) * 0.95) - 1]
        delay_ok = verdict(worst_delay < DELAY_TARGET_S and len(delays) >= args.orders)
        print(
            f"saved → row in the table: median {statistics.median(delays) * 1000:.0f} ms, "
            f"p95 {p95 * 1000:.0f} ms, worst {worst_delay * 1000:.0f} ms  "
            f"[{delay_ok} < {DELAY_TARGET_S * 1000:.0f} ms]"
        )
    print(f"memory (RSS): {memory:.0f} MB")
    ok = (
        worst_stall_ms < STALL_TARGET_MS
        and worst_delay < DELAY_TARGET_S
        and len(delays) >= args.orders
    )
    print("RESULT:", verdict(ok))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--orders", type=int, default=2000)
    parser.add_argument("--batch", type=int, default=100)
    parser.add_argument("--every", type=float, default=0.25)
    parser.add_argument("--at-once", action="store_true")
    parser.add_argument("--direct", action="store_true", help="no HTTP: the window's share alone")
    parser.add_argument(
        "--in-process",
        action="store_true",
        help="the engine on the window's own loop and GIL (the design before the engine process)",
    )
    parser.add_argument("--timeout", type=float, default=120.0)
    args = parser.parse_args()
    from ui import workarounds

    workarounds.apply()
    import qasync
    from PySide6.QtWidgets import QApplication

    from ui import theme

    app = QApplication.instance() or QApplication([])
    theme.apply(app)  # type: ignore[arg-type]
    with asyncio.Runner(loop_factory=lambda: qasync.QEventLoop(app)) as runner:
        return runner.run(measure(args))


if __name__ == "__main__":
    sys.exit(main())
