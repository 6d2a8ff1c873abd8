"""The public command line: ``orders``, ``headless`` and what they say when something is wrong."""

from __future__ import annotations

import csv
import io
import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.cli import main
from app.sim.server import SimServer
from tests.integration.conftest import (
    TOKEN_ENV,
    all_acked,
    config,
    run,
    start_headless,
    started_bridge,
    write_config_file,
)
from tests.integration.conftest import wait_for as async_wait_for


def _stop(process: subprocess.Popen[str]) -> tuple[int, str]:
    process.send_signal(signal.SIGTERM)
    _, err = process.communicate(timeout=30)
    return process.returncode, err


def test_orders_json_and_csv(
    sim: SimServer, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    keys = sim.dukkango.add_orders(3)

    async def scenario() -> None:
        bridge, _ = await started_bridge(config(sim), data_dir)
        try:
            await async_wait_for(all_acked(sim))
            await async_wait_for(lambda: all(s.acked for s in bridge.store.list_orders()))
        finally:
            await bridge.stop()

    run(scenario())
    assert main(["orders", "--data-dir", str(data_dir)]) == 0
    records = json.loads(capsys.readouterr().out)
    assert sorted(r["order_id"] for r in records) == sorted(keys)
    first = records[0]
    for field in (
        "provider",
        "account",
        "order_id",
        "display_id",
        "status",
        "provider_status",
        "acked",
        "received_at",
        "acked_at",
        "lines",
        "total",
    ):
        assert field in first
    assert first["provider"] == "dukkango" and first["provider_status"] == "1"
    assert first["status"] == "new" and first["acked"] is True and first["acked_at"]
    assert first["lines"] and {"name", "quantity"} <= set(first["lines"][0])
    snapshot = {o["payment_key"]: o for o in sim.dukkango.snapshot()}
    assert first["display_id"] == str(snapshot[first["order_id"]]["id"])

    assert main(["orders", "--data-dir", str(data_dir), "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert sorted(r["order_id"] for r in rows) == sorted(keys)
    assert rows[0]["acked"] == "True" and "x " in rows[0]["items"]


def test_orders_without_a_database_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["orders", "--data-dir", str(tmp_path / "nothing")]) == 1
    assert "no POS Bridge database" in capsys.readouterr().err


def test_data_dir_from_environment(sim: SimServer, tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.setenv("POSBRIDGE_DATA_DIR", str(tmp_path / "env-data"))
    assert main(["orders"]) == 1
    assert str(tmp_path / "env-data") in capsys.readouterr().err


@pytest.mark.parametrize(
    "body, message",
    [
        (None, "does not exist"),
        ("[[accounts]\nname=", "not valid TOML"),
        ("title = 'x'\n", "no accounts"),
        ('[[accounts]]\nname = "A"\nprovider = "uber"\n', "unknown provider 'uber'"),
        (
            '[[accounts]]\nname = "A"\nprovider = "dukkango"\ntoken = "abc123"\n',
            "keyring set posbridge",
        ),
        (
            '[[accounts]]\nname = "A"\nprovider = "dukkango"\ntoken = "env:X"\npoll = 3\n',
            "unknown setting(s) poll",
        ),
        (
            '[[accounts]]\nname = "A"\nprovider = "dukkango"\nbase_url = "http://example.com"\n',
            "https://",
        ),
    ],
)
def test_bad_config_is_one_clear_sentence(
    tmp_path: Path, body: str | None, message: str, capsys
) -> None:
    path = tmp_path / "config.toml"
    if body is not None:
        path.write_text(body, encoding="utf-8")
    code = main(["headless", "--config", str(path), "--data-dir", str(tmp_path / "d")])
    err = capsys.readouterr().err
    assert code == 2
    assert message in err and err.startswith("posbridge: ") and "Traceback" not in err


def test_headless_runs_without_qt_and_stops_cleanly_on_sigterm(
    sim: SimServer, tmp_path: Path
) -> None:
    keys = sim.dukkango.add_orders(5)
    config = write_config_file(tmp_path / "config.toml", sim.dukkango_base_url)
    log = tmp_path / "stderr.txt"  # -X importtime writes more than a pipe holds
    process = start_headless(config, tmp_path / "data", "-X", "importtime", stderr_file=log)
    deadline = time.monotonic() + 30
    while not all_acked(sim)() and time.monotonic() < deadline:
        time.sleep(0.05)
    code, _ = _stop(process)
    err = log.read_text(encoding="utf-8")
    assert code == 0
    assert "PySide6" not in err and "qasync" not in err  # -X importtime lists every import
    assert {k for k, _ in sim.dukkango.acknowledged()} == set(keys)
    assert "stopping: what was not sent stays in the outbox" in err


def test_headless_unreachable_platform_is_explained(tmp_path: Path) -> None:
    config = write_config_file(tmp_path / "config.toml", "http://127.0.0.1:1/api")
    process = start_headless(config, tmp_path / "data")
    time.sleep(2.0)  # a few failed polls
    code, err = _stop(process)
    assert code == 0
    assert "Cannot reach the platform" in err and "Check the internet connection" in err
    assert "Traceback" not in err


def test_headless_with_no_usable_account_exits_non_zero(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv(TOKEN_ENV)
    config = write_config_file(tmp_path / "config.toml", "http://127.0.0.1:1/api")
    process = start_headless(config, tmp_path / "data")
    _, err = process.communicate(timeout=30)
    assert process.returncode == 2
    assert f"environment variable {TOKEN_ENV}" in err and "No account could start" in err


def test_headless_unusable_data_folder_exits_non_zero(sim: SimServer, tmp_path: Path) -> None:
    config = write_config_file(tmp_path / "config.toml", sim.dukkango_base_url)
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    process = start_headless(config, blocker / "data")
    _, err = process.communicate(timeout=30)
    assert process.returncode == 3
    assert "--data-dir" in err and "Traceback" not in err


def test_sim_command_serves_until_stopped(tmp_path: Path) -> None:
    """``posbridge sim`` prints where each platform is and serves it until SIGTERM."""
    import socket

    import httpx

    from app.sim.dukkango import DEMO_TOKEN

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen(
        [sys.executable, "-m", "app", "sim", "--port", str(port), "--cooldown", "0.1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        assert line.startswith("dukkango http://127.0.0.1:") and f":{port}/" in line
        base_url = line.split()[1]
        reply = httpx.get(f"{base_url}/orders/get-current", headers={"Access-Token": DEMO_TOKEN})
        assert reply.status_code == 200 and reply.json()["status"] is True
        assert httpx.get(f"{base_url}/orders/get-current").status_code == 401
    finally:
        process.send_signal(signal.SIGTERM)
        process.communicate(timeout=30)
    assert process.returncode == 0
