"""A burst of 2,000 waiting orders with 50 ms of latency per request.

Targets (the issue):
- everything saved and acknowledged at least 10× faster than the naive loop of the platform's
  integration guide (save with its own commit, then acknowledge, one order at a time), both
  measured in this run against the same simulator;
- the event loop never stalls more than 50 ms during our burst.

Also printed: the httpx client's CPU cost per request on this machine, and the bound that
latency, concurrency and that cost allow:
    fetch + save + max(N × cpu_per_request / 1 core, N × latency / concurrency)

The simulator runs in its OWN process (python -m app sim), so it does not share our GIL; it is
reset between the runs (same seed: the same 2,000 orders each time).

    .venv/bin/python tests/bench/bench_burst.py [--orders 2000] [--cooldown 30] [--skip-naive]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import httpx
from _common import (
    Control,
    GcWatch,
    Load,
    ProbedBridge,
    SimProcess,
    StallTicker,
    explain_stall,
    machine_facts,
    use_demo_token,
    verdict,
)

from app.config import AccountConfig, AppConfig
from app.engine.events import EventName
from app.model import Provider
from app.providers.http import make_client
from app.sim.dukkango import DEMO_TOKEN

SEED = 5
LATENCY_MS = 50
CONCURRENCY = 32  # the bridge's sender concurrency (Bridge default)
CPU_SAMPLE_REQUESTS = 1000
TARGET_RATIO = 10.0
TARGET_STALL_MS = 50.0
TICK = 0.005
RUN_BUDGET = 165.0  # s for the whole script: ours is cut off (and fails) past it


# -- (c) the HTTP client's own CPU cost per request --------------------------------------------


async def cpu_per_request(
    base_url: str, sim: SimProcess, concurrency: int, count: int
) -> tuple[float, float, float]:
    """Our process CPU seconds per request (and the simulator's, and the wall rate) for
    ``count`` small authorised GETs at ``concurrency``, latency 0, through the bridge's own
    client factory (make_client), so the figure follows the client configuration the app uses."""
    client = make_client(base_url, 15.0)
    headers = {"Access-Token": DEMO_TOKEN}
    slots = asyncio.Semaphore(concurrency)

    async def one() -> None:
        async with slots:
            r = await client.get("/orders/variables", headers=headers)
            assert r.status_code == 200, r.text

    await asyncio.gather(*(one() for _ in range(100)))  # warm: connections, imports, caches
    cpu0, sim0, t0 = time.process_time(), sim.cpu_seconds(), time.monotonic()
    await asyncio.gather(*(one() for _ in range(count)))
    cpu1, sim1, t1 = time.process_time(), sim.cpu_seconds(), time.monotonic()
    await client.aclose()
    return (cpu1 - cpu0) / count, (sim1 - sim0) / count, count / (t1 - t0)


# -- (a) the integration guide's loop ------------------------------------------------------------


async def naive_loop(base_url: str, n: int, cooldown: float) -> dict[str, float]:
    """Poll; for each order: save it with its own durable commit, then acknowledge it; one at a
    time. Polls again (after the cooldown) until every order is acknowledged."""
    started = time.monotonic()
    path = Path(tempfile.mkdtemp(prefix="posbridge-enginebench-naive-")) / "orders.sqlite3"
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=FULL")
    db.execute(
        "CREATE TABLE IF NOT EXISTS orders (payment_key TEXT, status_id INTEGER, payload TEXT,"
        " received_at REAL, PRIMARY KEY (payment_key, status_id))"
    )
    acked: set[str] = set()
    last_poll = -1e9
    saves = 0.0
    async with httpx.AsyncClient(
        base_url=base_url, headers={"Access-Token": DEMO_TOKEN}, timeout=15
    ) as client:
        while len(acked) < n:
            await asyncio.sleep(max(0.0, last_poll + cooldown * 1.05 - time.monotonic()))
            last_poll = time.monotonic()
            reply = await client.get("/orders/get-current")
            reply.raise_for_status()
            for order in reply.json()["data"]:
                t = time.perf_counter()
                db.execute("BEGIN IMMEDIATE")
                db.execute(
                    "INSERT OR REPLACE INTO orders VALUES (?, ?, ?, ?)",
                    (order["payment_key"], order["status_id"], json.dumps(order), time.time()),
                )
                db.execute("COMMIT")
                saves += time.perf_counter() - t
                ack = await client.put(f"/orders/success/{order['payment_key']}")
                if ack.status_code == 200 and ack.json().get("status") is True:
                    acked.add(order["payment_key"])
    elapsed = time.monotonic() - started
    stored = db.execute("SELECT COUNT(DISTINCT payment_key) FROM orders").fetchone()[0]
    db.close()
    shutil.rmtree(path.parent, ignore_errors=True)
    return {"elapsed": elapsed, "stored": stored, "acked": len(acked), "save_s": saves}


# -- (b) the bridge ------------------------------------------------------------------------------


async def bridge_burst(base_url: str, n: int, cooldown: float, budget: float) -> dict[str, object]:
    account = AccountConfig(
        "burst",
        Provider.DUKKANGO,
        base_url=base_url,
        poll_seconds=cooldown,
        cooldown_seconds=cooldown,
        credentials=use_demo_token(),
    )
    data_dir = Path(tempfile.mkdtemp(prefix="posbridge-enginebench-burst-"))
    bridge = ProbedBridge(AppConfig((account,)), data_dir, sender_concurrency=CONCURRENCY)
    probe = bridge.probe
    all_acked = asyncio.Event()
    all_recorded = asyncio.Event()
    recorded: set[str] = set()
    ingests: list[tuple[float, float, int]] = []  # writer thread: (start, end, orders in reply)

    def on_ack(key: str, at: float) -> None:
        if len(probe.acked) >= n:
            all_acked.set()

    def on_recorded(payload: object) -> None:
        recorded.add(payload.order_id)  # type: ignore[attr-defined]
        if len(recorded) >= n:
            all_recorded.set()

    probe.on_ack = on_ack
    bridge.events.subscribe(EventName.ORDER_ACKED, on_recorded)
    ticker = StallTicker(TICK)
    ticker.start()
    gc_watch = GcWatch().__enter__()
    await asyncio.sleep(0.05)  # let the ticker settle
    cpu0 = time.process_time()
    t0 = time.monotonic()
    await bridge.start()
    poller = bridge.pollers["burst"]
    inner_ingest = poller._ingest

    def ingest(reply, loop):  # type: ignore[no-untyped-def]
        start = time.monotonic()
        out = inner_ingest(reply, loop)
        # Entries in the reply, counted without decoding it.
        ingests.append((start, time.monotonic(), reply.body.count(b'"payment_key"')))
        return out

    poller._ingest = ingest  # type: ignore[method-assign]
    store = bridge.store
    inner_record = store.record_results
    flushes: list[tuple[float, float, int]] = []  # writer thread: (start, end, answers)

    def record_results(results, now=None):  # type: ignore[no-untyped-def]
        results = list(results)
        start = time.monotonic()
        out = inner_record(results, now)
        flushes.append((start, time.monotonic(), len(results)))
        return out

    store.record_results = record_results  # type: ignore[method-assign]
    started_at = time.monotonic()
    finished = True
    try:
        try:
            await asyncio.wait_for(all_acked.wait(), budget)
        except TimeoutError:
            finished = False
        t_acked = time.monotonic()
        if finished:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(all_recorded.wait(), 30)
        t_recorded = time.monotonic()
        cpu1 = time.process_time()
        await ticker.stop()
    finally:
        gc_watch.__exit__()
        await bridge.stop()
    stored = 0
    acked_rows = 0
    check = sqlite3.connect(data_dir / "posbridge.sqlite3")
    try:
        stored = check.execute("SELECT COUNT(*) FROM orders").fetchone()[0]
        acked_rows = check.execute(
            "SELECT COUNT(*) FROM orders WHERE acked_unit = ack_unit"
        ).fetchone()[0]
    finally:
        check.close()
        shutil.rmtree(data_dir, ignore_errors=True)
    first_get = next(at for at, method, path in probe.sent if path.endswith("/get-current"))
    first_reply = next(at for at, entries in probe.fetches if entries)
    first_ack = probe.first_ack_sent_after(first_reply)
    puts = sum(1 for _, m, p in probe.sent if m == "PUT" and "/orders/success/" in p)
    feed_replies = [e for _, e in probe.fetches if e]
    stalls = [g for g in ticker.gaps if t0 <= g[1] <= t_recorded]
    return {
        "finished": finished,
        "acked": len(probe.acked),
        "elapsed": t_acked - t0,
        "recorded": t_recorded - t0,
        "cpu": cpu1 - cpu0,
        "fetch": first_reply - first_get,
        "start_to_get": first_get - t0,
        "save": (first_ack or first_reply) - first_reply,
        "first_ingest": ingests[0][1] - ingests[0][0] if ingests else float("nan"),
        "ingests": ingests,
        "ack_phase": t_acked - (first_ack or t0),
        "puts": puts,
        "polls": len(probe.fetches),
        "feed_replies": feed_replies,
        "stored": stored,
        "acked_rows": acked_rows,
        "stalls": sorted(stalls, reverse=True),
        "ticks": len(stalls),
        "windows": [("start", t0, started_at, 0)]
        + [("ingest", a, b, k) for a, b, k in ingests]
        + [("record", a, b, k) for a, b, k in flushes]
        + [(f"gc{g}", a, a + d, 0) for a, d, g in gc_watch.pauses if d > 0.005],
        "flushes": flushes,
        "gc": [p for p in gc_watch.pauses if t0 <= p[0] <= t_recorded],
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orders", type=int, default=2000)
    parser.add_argument(
        "--cooldown",
        type=float,
        default=30.0,
        help="the simulator's feed cooldown in s (default: Dükkango's real 30 s, so the burst "
        "arrives in one reply; a short one adds re-polls of the orders not yet acknowledged)",
    )
    parser.add_argument("--skip-naive", action="store_true", help="only our run (for profiling)")
    args = parser.parse_args()
    n, cooldown = args.orders, args.cooldown
    started = time.monotonic()
    print(f"== bench_burst: {n} waiting orders, {LATENCY_MS} ms latency per request ==")
    for line in machine_facts():
        print(line)
    print(
        f"setup   : simulator in its own process (seed {SEED}, cooldown {cooldown}s, "
        f"latency {LATENCY_MS} ms); bridge sender concurrency {CONCURRENCY}"
    )
    sys.stdout.flush()
    with SimProcess(seed=SEED, cooldown=cooldown, latency_ms=LATENCY_MS) as sim:
        control = Control(sim.control_url)
        pids = [os.getpid(), sim.proc.pid]  # type: ignore[union-attr]
        try:
            # (c) the client's CPU per request, latency 0
            control.latency(0)
            load = Load(pids)
            cpu, sim_cpu, rate = asyncio.run(
                cpu_per_request(sim.dukkango_base_url, sim, CONCURRENCY, CPU_SAMPLE_REQUESTS)
            )
            cpu1, _, rate1 = asyncio.run(cpu_per_request(sim.dukkango_base_url, sim, 1, 300))
            other = load.other_cores()
            print(
                f"httpx   : {cpu * 1000:.2f} ms CPU per request in our process at concurrency "
                f"{CONCURRENCY} ({CPU_SAMPLE_REQUESTS} GETs, latency 0, {rate:.0f} req/s; the "
                f"simulator used {sim_cpu * 1000:.2f} ms each on its own core); one at a time: "
                f"{cpu1 * 1000:.2f} ms ({rate1:.0f} req/s); other programs used {other:.2f} "
                "cores meanwhile"
            )
            sys.stdout.flush()

            # (a) the naive loop
            naive: dict[str, float] | None = None
            naive_other = 0.0
            if not args.skip_naive:
                print(f"running the naive loop (about {n * LATENCY_MS / 1000:.0f} s or more)...")
                sys.stdout.flush()
                control.reset()
                control.add_orders(n)
                load = Load(pids)
                naive = asyncio.run(naive_loop(sim.dukkango_base_url, n, cooldown))
                naive_other = load.other_cores()
                naive_sim_acked = len({k for k, _ in control.state()["acknowledged"]})
            # (b) our bridge
            print("running the bridge...")
            sys.stdout.flush()
            control.reset()  # latency back to 50 ms, same seed → the same orders
            control.add_orders(n)
            load = Load(pids)
            budget = max(20.0, RUN_BUDGET - (time.monotonic() - started))
            ours = asyncio.run(bridge_burst(sim.dukkango_base_url, n, cooldown, budget))
            ours_other = load.other_cores()
            state = control.state()
            ours_sim_acked = len({k for k, _ in state["acknowledged"]})
            ours_violations = state["cooldown_violations"]
        finally:
            control.close()

    elapsed = float(ours["elapsed"])  # type: ignore[arg-type]
    finished = bool(ours["finished"])
    latency_bound = n * LATENCY_MS / 1000 / CONCURRENCY
    cpu_bound = n * cpu / 1.0
    fetch, save = float(ours["fetch"]), float(ours["save"])  # type: ignore[arg-type]
    bound = fetch + save + max(cpu_bound, latency_bound)
    print()
    if naive is not None:
        print(
            f"naive   : {naive['elapsed']:7.2f} s  saved {int(naive['stored'])}, acknowledged "
            f"{int(naive['acked'])} (simulator: {naive_sim_acked}); of which commits "
            f"{naive['save_s']:.2f} s; other programs used {naive_other:.2f} cores"
        )
    if not finished:
        print(
            f"ours    : NOT DONE after {elapsed:.2f} s (the run's time budget): "
            f"{ours['acked']}/{n} acknowledged; the figures below are up to that moment"
        )
    print(
        f"ours    : {elapsed:7.2f} s  "
        + ("until the simulator had every acknowledgement " if finished else "")
        + f"(simulator: {ours_sim_acked}/{n}); all recorded in our database at "
        f"{float(ours['recorded']):.2f} s ({ours['stored']} rows, {ours['acked_rows']} acked); "
        f"other programs used {ours_other:.2f} cores"
    )
    ingests = ours["ingests"]
    print(
        f"  start → first feed request {float(ours['start_to_get']) * 1000:.0f} ms; feed request "
        f"→ reply {fetch * 1000:.0f} ms; reply → first ack sent (parse + save + commit of "
        f"{n}) {save:.2f} s; first ack → last ack answered {float(ours['ack_phase']):.2f} s"
    )
    print(
        f"  feed polls {ours['polls']} (replies with orders: {ours['feed_replies']}); "
        f"writer-thread ingests (s, orders): "
        + ", ".join(f"{e - s:.2f}/{k}" for s, e, k in ingests[:8])  # type: ignore[union-attr]
        + f"; answer-recording commits {len(ours['flushes'])} "  # type: ignore[arg-type]
        + f"({sum(e - s for s, e, _ in ours['flushes']):.2f} s)"  # type: ignore[union-attr]
        + f"; success PUTs sent {ours['puts']} for {n} orders "
        f"({int(ours['puts']) - n} repeats); cooldown 429s {ours_violations}"  # type: ignore[call-overload]
    )
    print(
        f"  our process CPU {float(ours['cpu']):.2f} s = "
        f"{float(ours['cpu']) / max(1, int(ours['puts'])) * 1000:.2f} ms per ack request "
        f"(httpx alone at concurrency {CONCURRENCY}: {cpu * 1000:.2f} ms)"  # type: ignore[call-overload]
    )
    print(
        f"bound   : {bound:7.2f} s = feed {fetch:.2f} + save {save:.2f} + max(CPU {n} × "
        f"{cpu * 1000:.2f} ms / 1 core = {cpu_bound:.2f}, latency {n} × {LATENCY_MS} ms / "
        f"{CONCURRENCY} = {latency_bound:.2f}); ours is {elapsed / bound:.2f}× the bound"
    )
    ideal = fetch + max(cpu_bound, latency_bound)
    print(f"          (without the save step: {ideal:.2f} s; ours is {elapsed / ideal:.2f}×)")
    stalls: list[tuple[float, float, float, float]] = ours["stalls"]  # type: ignore[assignment]
    worst = stalls[0][0] * 1000 if stalls else 0.0
    windows: list[tuple[str, float, float, int]] = ours["windows"]  # type: ignore[assignment]

    def during(gap: float, at: float) -> str:
        begin = at - gap - TICK
        hits = [f"{name} {k}" if k else name for name, a, b, k in windows if a < at and b > begin]
        return "+".join(hits) or "loop only"

    top5 = "".join(
        f"\n    {g[0] * 1000:6.1f} ms  during: {during(g[0], g[1]):<22} CPU meanwhile: "
        f"{explain_stall(g, TICK)} ms"
        for g in stalls[:5]
    )
    over = sum(1 for g in stalls if g[0] * 1000 > TARGET_STALL_MS)
    print(
        f"stalls  : longest {worst:.1f} ms beyond the {TICK * 1000:.0f} ms tick; {over} of "
        f"{ours['ticks']} ticks over {TARGET_STALL_MS:.0f} ms; the top 5:{top5}"
    )
    pauses: list[tuple[float, float, int]] = ours["gc"]  # type: ignore[assignment]
    full = [p for p in pauses if p[2] == 2]
    longest_gc = sorted(pauses, key=lambda p: p[1], reverse=True)[:3]
    print(
        f"gc      : {len(pauses)} collections ({len(full)} full) during our run; longest "
        + ", ".join(f"{d * 1000:.1f} ms (gen {g})" for _, d, g in longest_gc)
    )
    ok_all = finished and ours_sim_acked == n and int(ours["stored"]) == n  # type: ignore[call-overload]
    print(
        f"{verdict(ok_all)}: every order saved ({ours['stored']}/{n}) and acknowledged "
        f"({ours_sim_acked}/{n})"
    )
    code = 0 if ok_all else 1
    if naive is not None:
        ratio = naive["elapsed"] / elapsed
        ok = finished and ratio >= TARGET_RATIO
        print(
            f"{verdict(ok)}: naive / ours = {naive['elapsed']:.2f} / {elapsed:.2f} = "
            f"{'<' if not finished else ''}{ratio:.1f}× (target ≥ {TARGET_RATIO:.0f}×)"
        )
        code |= 0 if ok else 1
    print(
        f"{verdict(worst < TARGET_STALL_MS)}: longest event-loop stall {worst:.1f} ms "
        f"(target < {TARGET_STALL_MS:.0f} ms)"
    )
    code |= 0 if worst < TARGET_STALL_MS else 1
    print(f"(ran {time.monotonic() - started:.0f} s)")
    return code


if __name__ == "__main__":
    sys.exit(main())
