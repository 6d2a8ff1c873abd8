"""Starting and stopping the simulator server, in a thread and as its own process."""

from __future__ import annotations

import re
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time

import httpx
import pytest

from app.sim.dukkango import DEMO_TOKEN
from app.sim.recording import Fault
from app.sim.server import SimServer


def test_start_on_a_free_port_and_stop() -> None:
    sim = SimServer(seed=1)
    sim.start(port=0)
    try:
        assert re.fullmatch(r"http://127\.0\.0\.1:\d+", sim.url)
        assert sim.dukkango_base_url == sim.url + "/dukkango/api/integrations"
        with httpx.Client() as http:
            assert http.get(sim.url + "/_sim/health").status_code == 200
    finally:
        sim.stop()
    with socket.socket() as probe:  # the port is free again
        probe.bind(("127.0.0.1", sim.port))
    sim.stop()  # idempotent


def test_a_taken_port_fails_loudly(server: SimServer) -> None:
    with pytest.raises(OSError):
        SimServer().start(port=server.port)


def test_stop_is_prompt_with_requests_held_by_a_timeout_fault() -> None:
    errors: list[BaseException] = []
    with SimServer(cooldown_seconds=0) as sim:
        sim.dukkango.inject(Fault("timeout", endpoint="*", count=3, seconds=30))

        def held() -> None:
            with httpx.Client(headers={"Access-Token": DEMO_TOKEN}, timeout=10) as http:
                try:
                    http.get(sim.dukkango_base_url + "/orders/get-current")
                except httpx.TransportError as exc:
                    errors.append(exc)

        threads = [threading.Thread(target=held) for _ in range(3)]
        for thread in threads:
            thread.start()
        deadline = time.monotonic() + 2
        while sim.dukkango.request_count() < 3 and time.monotonic() < deadline:
            time.sleep(0.01)
        started = time.monotonic()
    assert time.monotonic() - started < 2
    for thread in threads:
        thread.join(timeout=2)
    assert len(errors) == 3  # each held client sees the connection drop, not an answer


def test_restart_after_stop() -> None:
    sim = SimServer()
    for _ in range(2):
        sim.start()
        sim.dukkango.inject(Fault("timeout", endpoint="variables", seconds=0.2))
        with httpx.Client(headers={"Access-Token": DEMO_TOKEN}) as http:
            started = time.monotonic()
            with pytest.raises(httpx.TransportError):
                http.get(sim.dukkango_base_url + "/orders/variables")
            assert time.monotonic() - started >= 0.2  # held again after a restart
        sim.stop()


def test_round_trips_take_milliseconds(sim: SimServer, client: httpx.Client) -> None:
    # Guards against the 40 ms Nagle/delayed-ACK stall that benchmarks would otherwise measure.
    times = []
    for _ in range(21):
        started = time.monotonic()
        client.get("/orders/variables")
        times.append(time.monotonic() - started)
    assert statistics.median(times) < 0.02


def test_banner_names_each_platform_with_credentials(sim: SimServer) -> None:
    (line,) = sim.banner()
    assert line.startswith(f"dukkango {sim.dukkango_base_url} ")
    assert "access_token=sim-dukkango-token" in line
    assert "app_secret_key=sim-app-secret" in line
    assert "rest_secret_key=sim-rest-secret" in line


def test_serve_forever_as_a_process_until_sigterm() -> None:
    code = (
        "from app.sim.server import serve_forever; "
        "serve_forever(port=0, seed=3, cooldown_seconds=0.05, latency_ms=0, stream=True, "
        "stream_interval_seconds=0.2)"
    )
    with subprocess.Popen(
        [sys.executable, "-c", code],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    ) as process:
        try:
            assert process.stdout is not None
            line = process.stdout.readline()
            match = re.match(r"dukkango (http://127\.0\.0\.1:\d+)/dukkango/api/integrations ", line)
            assert match, line
            url = match.group(1)
            with httpx.Client(headers={"Access-Token": DEMO_TOKEN}) as http:
                deadline = time.monotonic() + 5
                while not http.get(url + "/_sim/dukkango/state").json()["orders"]:
                    assert time.monotonic() < deadline, "the demo stream made no order"
                    time.sleep(0.05)
            started = time.monotonic()
            process.send_signal(signal.SIGTERM)
            assert process.wait(timeout=5) == 0
            assert time.monotonic() - started < 2
        finally:
            if process.poll() is None:
                process.kill()
                process.wait()
