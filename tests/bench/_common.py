"""Shared pieces of the speed benchmarks: the simulator process, instrumentation, a stall
ticker, percentiles and the machine facts. Nothing here changes app code: the bridge is
observed from outside (a Bridge subclass that wraps each account's source and HTTP transport).
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import math
import os
import platform
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402

from app.config import AccountConfig  # noqa: E402
from app.engine.bridge import Bridge  # noqa: E402
from app.providers.base import OrderSource  # noqa: E402
from app.sim.dukkango import DEMO_TOKEN, DukkangoSim  # noqa: E402

SUCCESS_PREFIX = "/orders/success/"


# -- facts and figures --------------------------------------------------------------------------


def machine_facts() -> list[str]:
    model = ""
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return [
        f"machine : {platform.platform()}  cpu={model or '?'}",
        f"cores   : {os.cpu_count()} (usable by this process: {usable})",
        f"python  : {sys.version.split()[0]} ({platform.python_implementation()})",
        f"sqlite  : {sqlite3.sqlite_version}  httpx {httpx.__version__}",
    ]


def percentile(values: list[float], p: float) -> float:
    """Nearest-rank percentile (no interpolation): p99 of 200 samples is the 2nd largest."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    rank = max(1, math.ceil(p / 100 * len(ordered)))
    return ordered[rank - 1]


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


# -- other programs on this machine ------------------------------------------------------------


def other_cpu_jiffies(pids: list[int]) -> tuple[int, int]:
    """(busy jiffies of the whole machine, of the given processes): what else ran meanwhile."""
    fields = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    busy = sum(fields) - fields[3] - fields[4]  # minus idle and iowait
    ours = 0
    for pid in pids:
        try:
            stat = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            ours += int(stat[11]) + int(stat[12])
        except OSError:
            pass
    return busy, ours


class Load:
    """How much CPU other programs on this machine used during a measurement."""

    def __init__(self, pids: list[int]) -> None:
        self.pids = pids
        self.wall = time.monotonic()
        self.busy, self.ours = other_cpu_jiffies(pids)

    def other_cores(self) -> float:
        busy, ours = other_cpu_jiffies(self.pids)
        seconds = (busy - self.busy - (ours - self.ours)) / os.sysconf("SC_CLK_TCK")
        return seconds / max(1e-9, time.monotonic() - self.wall)


# -- the simulator in its own process ----------------------------------------------------------


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class SimProcess:
    """``python -m app sim`` on a free loopback port, stopped with SIGTERM (only this pid)."""

    def __init__(self, *, seed: int, cooldown: float, latency_ms: int) -> None:
        self.port = free_port()
        self.args = [
            sys.executable,
            "-m",
            "app",
            "sim",
            "--port",
            str(self.port),
            "--seed",
            str(seed),
            "--cooldown",
            str(cooldown),
            "--latency-ms",
            str(latency_ms),
        ]
        self.proc: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def dukkango_base_url(self) -> str:
        return self.url + DukkangoSim.prefix

    @property
    def control_url(self) -> str:
        return self.url + "/_sim/dukkango"

    def __enter__(self) -> SimProcess:
        self.proc = subprocess.Popen(
            self.args, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"the simulator exited with {self.proc.returncode}")
            with contextlib.suppress(httpx.HTTPError):
                if httpx.get(self.url + "/_sim/health", timeout=1).status_code == 200:
                    return self
            time.sleep(0.05)
        self.__exit__(None, None, None)
        raise RuntimeError("the simulator process did not start within 15 s")

    def __exit__(self, *exc: object) -> None:
        if self.proc is None or self.proc.poll() is not None:
            return
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(timeout=5)

    def cpu_seconds(self) -> float:
        """User + system CPU the simulator process has used so far (Linux /proc)."""
        assert self.proc is not None
        fields = Path(f"/proc/{self.proc.pid}/stat").read_text().rsplit(")", 1)[1].split()
        ticks = os.sysconf("SC_CLK_TCK")
        return (int(fields[11]) + int(fields[12])) / ticks


class Control:
    """The simulator's control API (/_sim/dukkango/...), from a blocking client."""

    def __init__(self, control_url: str) -> None:
        self.http = httpx.Client(base_url=control_url, timeout=30)

    def add_orders(self, n: int) -> list[str]:
        r = self.http.post("/orders", json={"count": n})
        r.raise_for_status()
        return list(r.json()["payment_keys"])

    def reset(self) -> None:
        self.http.post("/reset").raise_for_status()

    def latency(self, ms: int) -> None:
        self.http.post("/latency", json={"ms": ms}).raise_for_status()

    def state(self) -> dict[str, Any]:
        r = self.http.get("/state")
        r.raise_for_status()
        return dict(r.json())

    def requests(self) -> list[dict[str, Any]]:
        r = self.http.get("/requests")
        r.raise_for_status()
        return list(r.json())

    def close(self) -> None:
        self.http.close()


# -- instrumenting the bridge from outside -----------------------------------------------------


class Probe:
    """Timestamps (time.monotonic, the clock the simulator records too) of what one
    account's source does: each feed reply handed to the poller, and each request handed to
    the HTTP transport (the moment httpx sends it) with its answer's status."""

    def __init__(self) -> None:
        self.fetches: list[tuple[float, int]] = []  # (returned at, entries in the reply)
        self.sent: list[tuple[float, str, str]] = []  # (at, method, path) at transport entry
        # acknowledgements only: payment_key → when httpcore finished writing the request to
        # the socket (its "http11.send_request_body.complete" trace event): on the wire
        self.wire: dict[str, float] = {}
        self.acked: dict[str, float] = {}  # payment_key → first 200 answer to its success PUT
        self.on_fetch: Callable[[float, int], None] | None = None
        self.on_ack: Callable[[str, float], None] | None = None

    def attach(self, source: OrderSource) -> None:
        inner_fetch = source.fetch

        async def fetch(cursor: str | None = None):  # type: ignore[no-untyped-def]
            reply = await inner_fetch(cursor)
            now = time.monotonic()  # what the poller calls "received"
            entries = reply.body.count(b'"payment_key"')  # microseconds, no JSON parse
            self.fetches.append((now, entries))
            if self.on_fetch is not None:
                self.on_fetch(now, entries)
            return reply

        source.fetch = fetch  # type: ignore[method-assign]

        client: httpx.AsyncClient = source._client  # type: ignore[attr-defined]
        transport = client._transport
        inner_handle = transport.handle_async_request

        async def handle(request: httpx.Request) -> httpx.Response:
            path = request.url.path
            self.sent.append((time.monotonic(), request.method, path))
            if request.method == "PUT" and SUCCESS_PREFIX in path:
                key = path.rsplit("/", 1)[1]

                async def trace(name: str, info: dict[str, Any], key: str = key) -> None:
                    if name == "http11.send_request_body.complete":
                        self.wire.setdefault(key, time.monotonic())

                request.extensions["trace"] = trace
            response = await inner_handle(request)
            if request.method == "PUT" and SUCCESS_PREFIX in path and response.status_code == 200:
                key = path.rsplit("/", 1)[1]
                if key not in self.acked:
                    at = time.monotonic()
                    self.acked[key] = at
                    if self.on_ack is not None:
                        self.on_ack(key, at)
            return response

        transport.handle_async_request = handle  # type: ignore[method-assign]

    def first_ack_on_wire(self, keys: set[str]) -> float | None:
        times = [self.wire[k] for k in keys if k in self.wire]
        return min(times) if times else None

    def first_ack_sent_after(self, t: float, keys: set[str] | None = None) -> float | None:
        for at, method, path in self.sent:
            if at < t or method != "PUT" or SUCCESS_PREFIX not in path:
                continue
            if keys is None or path.rsplit("/", 1)[1] in keys:
                return at
        return None


class ProbedBridge(Bridge):
    """The real Bridge; only each account's source is wrapped by a Probe as it is made."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.probe = Probe()

    def _make_source(self, account: AccountConfig) -> OrderSource:
        source = super()._make_source(account)
        self.probe.attach(source)
        return source


def use_demo_token() -> dict[str, str]:
    os.environ["POSBRIDGE_BENCH_TOKEN"] = DEMO_TOKEN
    return {"token": "env:POSBRIDGE_BENCH_TOKEN"}


# -- event-loop stalls --------------------------------------------------------------------------


class StallTicker:
    """A timer that asks to wake every ``interval`` seconds and records how late it woke:
    the longest lateness is the longest time the loop could not run anything.

    Each tick also records the CPU time the loop's own thread and the whole process used
    meanwhile, so a stall can be told apart: the loop busy itself, another thread of ours
    holding the GIL (the writer), or the process not running at all (other programs had the
    cores)."""

    def __init__(self, interval: float = 0.005) -> None:
        self.interval = interval
        # (lateness s, woke at, loop-thread CPU s, whole-process CPU s) over the tick
        self.gaps: list[tuple[float, float, float, float]] = []
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        self._task = asyncio.get_running_loop().create_task(self._run(), name="stall-ticker")

    async def _run(self) -> None:
        loop = asyncio.get_running_loop()
        while True:
            before, thread0, process0 = loop.time(), time.thread_time(), time.process_time()
            await asyncio.sleep(self.interval)
            late = loop.time() - before - self.interval
            self.gaps.append(
                (
                    late,
                    time.monotonic(),
                    time.thread_time() - thread0,
                    time.process_time() - process0,
                )
            )

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task

    def worst(self, n: int = 5) -> list[tuple[float, float, float, float]]:
        return sorted(self.gaps, reverse=True)[:n]


class GcWatch:
    """Every garbage collection while installed: (start, duration s, generation). A full
    (generation 2) collection walks every live object with the GIL held, whichever thread
    triggered it."""

    def __init__(self) -> None:
        self.pauses: list[tuple[float, float, int]] = []
        self._started = 0.0

    def _callback(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._started = time.monotonic()
        else:
            now = time.monotonic()
            self.pauses.append((self._started, now - self._started, info["generation"]))

    def __enter__(self) -> GcWatch:
        gc.callbacks.append(self._callback)
        return self

    def __exit__(self, *exc: object) -> None:
        with contextlib.suppress(ValueError):
            gc.callbacks.remove(self._callback)

    def longest(self, n: int = 3) -> list[tuple[float, float, int]]:
        return sorted(self.pauses, key=lambda p: p[1], reverse=True)[:n]


def explain_stall(gap: tuple[float, float, float, float], interval: float) -> str:
    """'loop 12 / other threads 30 / off-CPU 8 ms' for one recorded tick."""
    late, _, loop_cpu, process_cpu = gap
    wall = late + interval
    others = max(0.0, process_cpu - loop_cpu)
    # Two threads may run at once (the GIL is released in SQLite and I/O): off-CPU is what is
    # left of the wall time once the busier of the two is counted.
    off = max(0.0, wall - max(loop_cpu, others))
    return (
        f"loop {loop_cpu * 1000:.0f}, other threads {others * 1000:.0f}, off-CPU {off * 1000:.0f}"
    )
