"""Integration fixtures: the Dükkango simulator on 127.0.0.1 and a bridge on a real SQLite file."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import pytest

from app.config import AccountConfig, AppConfig
from app.engine.bridge import Bridge
from app.engine.events import EventBus, EventName
from app.model import Provider
from app.sim.dukkango import DEMO_TOKEN
from app.sim.server import SimServer

T = TypeVar("T")
COOLDOWN = 0.05  # the simulator's feed cooldown in tests (the platform's is 30 s)
TOKEN_ENV = "POSBRIDGE_TEST_DUKKANGO_TOKEN"


@pytest.fixture
def sim() -> Iterator[SimServer]:
    server = SimServer(seed=7, cooldown_seconds=COOLDOWN)
    server.start()
    yield server
    server.stop()


@pytest.fixture(autouse=True)
def _token_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(TOKEN_ENV, DEMO_TOKEN)


def account(sim: SimServer, **changes: Any) -> AccountConfig:
    settings: dict[str, Any] = {
        "name": "Kadıköy",
        "provider": Provider.DUKKANGO,
        "base_url": sim.dukkango_base_url,
        "poll_seconds": COOLDOWN,
        "cooldown_seconds": COOLDOWN,
        "timeout_seconds": 2.0,
        "credentials": {"token": f"env:{TOKEN_ENV}"},
    }
    settings.update(changes)
    return AccountConfig(**settings)


def config(sim: SimServer, **changes: Any) -> AppConfig:
    return AppConfig((account(sim, **changes),))


class EventLog:
    """Every event the bridge emitted, by name, in order."""

    def __init__(self, bus: EventBus) -> None:
        self.seen: dict[EventName, list[Any]] = {name: [] for name in EventName}
        for name in EventName:
            bus.subscribe(name, self.seen[name].append)

    def __getitem__(self, name: EventName) -> list[Any]:
        return self.seen[name]


async def wait_for(
    condition: Callable[[], bool], within: float = 10.0, what: str = "condition"
) -> None:
    """Poll a condition (deadline-bounded; no fixed sleeps in the tests)."""
    deadline = time.monotonic() + within
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await asyncio.sleep(0.01)


def run(coro: Awaitable[T]) -> T:
    return asyncio.run(coro)  # type: ignore[arg-type]


async def started_bridge(cfg: AppConfig, data_dir: Path, **kwargs: Any) -> tuple[Bridge, EventLog]:
    bus = EventBus()
    log = EventLog(bus)
    # Short retry waits keep the tests fast; the production defaults are longer.
    kwargs.setdefault("retry_base_seconds", 0.05)
    kwargs.setdefault("poll_retry_base_seconds", 0.05)
    bridge = Bridge(cfg, data_dir, bus, **kwargs)
    await bridge.start()
    return bridge, log


def all_acked(sim: SimServer) -> Callable[[], bool]:
    def check() -> bool:
        snapshot = sim.dukkango.snapshot()
        return bool(snapshot) and not any(o["in_feed"] for o in snapshot)

    return check


def write_config_file(path: Path, base_url: str) -> Path:
    """A TOML configuration for ``posbridge headless`` with one account at ``base_url``."""
    path.write_text(
        "[[accounts]]\n"
        'name = "Kadıköy"\n'
        'provider = "dukkango"\n'
        f'base_url = "{base_url}"\n'
        f"poll_seconds = {COOLDOWN}\n"
        f"cooldown_seconds = {COOLDOWN}\n"
        f'token = "env:{TOKEN_ENV}"\n',
        encoding="utf-8",
    )
    return path


def start_headless(
    config: Path,
    data_dir: Path,
    *python_flags: str,
    capture_stdout: bool = True,
    stderr_file: Path | None = None,
) -> subprocess.Popen[str]:
    """``python -m app headless`` in its own process (what the console script runs).

    Its log goes to stderr: a long run must write it to ``stderr_file``, since a pipe that
    nobody reads fills up (64 KiB) and then blocks the process at its next log line."""
    command = [sys.executable, *python_flags, "-m", "app", "headless"]
    command += ["--config", str(config), "--data-dir", str(data_dir)]
    stderr: Any = subprocess.PIPE
    if stderr_file is not None:
        stderr = stderr_file.open("a", encoding="utf-8")
    try:
        return subprocess.Popen(
            command,
            stdout=subprocess.PIPE if capture_stdout else subprocess.DEVNULL,
            stderr=stderr,
            text=True,
            env=dict(os.environ),
        )
    finally:
        if stderr_file is not None:
            stderr.close()  # the child has its own copy
