"""The engine in its own process, as the window runs it: a real ``posbridge engine`` child over
the loopback link, the simulator over real HTTP, a real SQLite file shared by both processes."""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import textwrap
import time
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from app.engine.events import EventBus, EventName, HealthState
from app.engine.link import PROTOCOL_VERSION, encode
from app.engine.remote import EngineProcess
from app.model import Action, ActionKind
from app.sim.server import SimServer
from app.store.errors import StoreError
from app.store.store import ActionRefused
from tests.integration.conftest import EventLog, all_acked, config, run, wait_for


def engine(sim: SimServer, data_dir: Path, **kwargs: object) -> tuple[EngineProcess, EventLog]:
    bus = EventBus()
    log = EventLog(bus)
    kwargs.setdefault("restart_delays", (0.1,))
    return EngineProcess(config(sim), data_dir, bus, **kwargs), log  # type: ignore[arg-type]


@contextlib.asynccontextmanager
async def running_engine(
    sim: SimServer, data_dir: Path, **kwargs: object
) -> AsyncIterator[tuple[EngineProcess, EventLog]]:
    """A started engine process; stopped (and its exit awaited) whatever the test did."""
    bridge, log = engine(sim, data_dir, **kwargs)
    await bridge.start()
    try:
        yield bridge, log
    finally:
        await bridge.stop()


def alive(pid: int) -> bool:
    """Running (a zombie waiting for its parent to read its exit status has ended)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text(encoding="utf-8")
    except FileNotFoundError:
        return False
    return "State:\tZ" not in status


def test_orders_arrive_as_events_and_rows_and_are_acknowledged(
    sim: SimServer, tmp_path: Path
) -> None:
    keys = sim.dukkango.add_orders(5)

    async def scenario() -> None:
        async with running_engine(sim, tmp_path / "data") as (bridge, log):
            assert bridge.pid is not None and bridge.pid != os.getpid()
            await wait_for(lambda: len(log[EventName.ORDER_ACKED]) >= 5, what="5 acks")
            assert {e.order_id for e in log[EventName.ORDER_SAVED]} == set(keys)
            assert all_acked(sim)()
            # The window reads what the engine wrote, from its own connection.
            rows = await asyncio.to_thread(lambda: list(bridge.store.iter_summaries()))
            assert {r.order_id for r in rows} == set(keys)
            assert all(r.acked for r in rows)
            assert bridge.health()["Kadıköy"].state is HealthState.OK
        assert bridge._process is not None and bridge._process.returncode == 0

    run(scenario())


def test_a_staff_action_reaches_the_platform_and_a_refusal_keeps_its_reason(
    sim: SimServer, tmp_path: Path
) -> None:
    [key] = sim.dukkango.add_orders(1)

    async def scenario() -> None:
        async with running_engine(sim, tmp_path / "data") as (bridge, log):
            await wait_for(lambda: log[EventName.ORDER_ACKED], what="the ack")
            order = (await asyncio.to_thread(bridge.store.get_order, "Kadıköy", key)).order
            assert bridge.allowed_actions(order) == {ActionKind.ACCEPT, ActionKind.CANCEL}
            assert bridge.cancel_reasons("Kadıköy")
            item = await bridge.request_action(
                "Kadıköy", Action(ActionKind.ACCEPT, key, params={"preparing_time": 20})
            )
            assert item.kind is ActionKind.ACCEPT and item.order_id == key
            await wait_for(
                lambda: any(e.kind is ActionKind.ACCEPT for e in log[EventName.ACTION_SENT]),
                what="the accept to be sent",
            )
            accepted = {o["payment_key"]: o for o in sim.dukkango.snapshot()}[key]
            assert accepted["preparing_time"] == 20
            with pytest.raises(ActionRefused) as refused:
                await bridge.request_action("Kadıköy", Action(ActionKind.ACCEPT, "no-such-order"))
            assert refused.value.code == "unknown_order"

    run(scenario())


def test_a_killed_engine_is_announced_started_again_and_loses_nothing(
    sim: SimServer, tmp_path: Path
) -> None:
    first = sim.dukkango.add_orders(3)

    async def scenario() -> None:
        async with running_engine(sim, tmp_path / "data") as (bridge, log):
            await wait_for(lambda: len(log[EventName.ORDER_ACKED]) >= 3, what="the first acks")
            old_pid = bridge.pid
            assert old_pid is not None
            os.kill(old_pid, signal.SIGKILL)
            await wait_for(
                lambda: any(
                    h.state is HealthState.RESTARTING for h in log[EventName.ACCOUNT_HEALTH]
                ),
                what="the staff to be told",
            )
            # While it is down a staff action is refused with a reason, not lost in silence.
            if bridge.restarts == 0:
                with pytest.raises(ActionRefused) as refused:
                    await bridge.request_action("Kadıköy", Action(ActionKind.ACCEPT, first[0]))
                assert refused.value.code == "engine_down"
            await wait_for(lambda: bridge.restarts == 1, within=20, what="a new engine")
            assert bridge.pid != old_pid and not alive(old_pid)
            later = sim.dukkango.add_orders(2)
            await wait_for(all_acked(sim), within=20, what="orders after the restart")
            rows = await asyncio.to_thread(lambda: list(bridge.store.iter_summaries()))
            assert sorted(r.order_id for r in rows) == sorted(first + later)  # once each
            await wait_for(
                lambda: bridge.health()["Kadıköy"].state is HealthState.OK, what="healthy again"
            )

    run(scenario())


def test_a_hung_engine_is_noticed_and_replaced(sim: SimServer, tmp_path: Path) -> None:
    async def scenario() -> None:
        quick = {"ping_seconds": 0.2, "answer_timeout": 1.0}
        async with running_engine(sim, tmp_path / "data", **quick) as (bridge, log):
            old_pid = bridge.pid
            assert old_pid is not None
            os.kill(old_pid, signal.SIGSTOP)  # alive, but it answers nothing
            await wait_for(lambda: bridge.restarts == 1, within=20, what="a new engine")
            assert not alive(old_pid)
            keys = sim.dukkango.add_orders(2)
            await wait_for(all_acked(sim), within=20, what="orders through the new engine")
            assert {e.order_id for e in log[EventName.ORDER_SAVED]} >= set(keys)

    run(scenario())


def test_an_opened_order_is_remembered_across_a_restart(sim: SimServer, tmp_path: Path) -> None:
    [key] = sim.dukkango.add_orders(1)

    async def scenario() -> None:
        async with running_engine(sim, tmp_path / "data", restart_delays=(1.0,)) as (bridge, log):
            await wait_for(lambda: log[EventName.ORDER_ACKED], what="the ack")
            assert bridge.pid is not None
            os.kill(bridge.pid, signal.SIGKILL)
            await wait_for(lambda: bridge._lost.is_set(), what="the engine to be gone")
            await bridge.mark_seen("Kadıköy", key)  # the staff opened it meanwhile
            await wait_for(lambda: bridge.restarts == 1, within=20, what="a new engine")

            def seen() -> bool:
                stored = bridge.store.get_order("Kadıköy", key)
                return stored is not None and stored.seen_at is not None

            await wait_for(seen, what="the seen mark to reach the database")

    run(scenario())


def test_an_unusable_data_folder_is_reported_in_words(sim: SimServer, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the data folder should be", encoding="utf-8")

    async def scenario() -> None:
        bridge, _log = engine(sim, blocker / "data")
        try:
            with pytest.raises(StoreError) as error:
                await bridge.start()
            assert "data folder" in str(error.value)
        finally:
            await bridge.stop()

    run(scenario())


def test_a_stranger_on_the_port_is_turned_away(sim: SimServer, tmp_path: Path) -> None:
    async def scenario() -> None:
        async with running_engine(sim, tmp_path / "data") as (bridge, log):
            port = bridge._port
            reader, writer = await asyncio.open_connection("127.0.0.1", port)
            writer.write(encode({"type": "hello", "token": "guess", "version": PROTOCOL_VERSION}))
            await writer.drain()
            assert await asyncio.wait_for(reader.read(), 5) == b""  # closed, nothing said
            writer.close()
            keys = sim.dukkango.add_orders(1)
            await wait_for(all_acked(sim), what="the real engine to carry on")
            assert log[EventName.ORDER_SAVED][-1].order_id == keys[0]

    run(scenario())


WINDOW_SCRIPT = textwrap.dedent(
    """
    import asyncio, json, sys
    from pathlib import Path
    from app.config import AppConfig
    from app.engine.link import config_from_wire
    from app.engine.remote import EngineProcess

    async def main():
        bridge = EngineProcess(config_from_wire(json.loads(sys.argv[1])), Path(sys.argv[2]))
        await bridge.start()
        print(bridge.pid, flush=True)
        await asyncio.sleep(3600)

    asyncio.run(main())
    """
)


def test_the_engine_stops_cleanly_when_the_window_dies(sim: SimServer, tmp_path: Path) -> None:
    """kill -9 of the window: the link closes, the engine stops and exits by itself."""
    from app.engine.link import config_to_wire

    data_dir = tmp_path / "data"
    window = subprocess.Popen(
        [sys.executable, "-c", WINDOW_SCRIPT, json.dumps(config_to_wire(config(sim))), data_dir],
        stdout=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    try:
        assert window.stdout is not None
        engine_pid = int(window.stdout.readline())
        window.send_signal(signal.SIGKILL)
        window.wait(10)
        deadline = time.monotonic() + 20
        while alive(engine_pid) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not alive(engine_pid), "the engine outlived its window"
    finally:
        window.kill()
        window.wait()
        if window.stdout is not None:
            window.stdout.close()
    log = (data_dir / "posbridge-engine.log").read_text(encoding="utf-8")
    assert "the window closed the link" in log
    assert "Traceback" not in log


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_the_engine_command_without_a_window_says_so(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "app", "engine", "--link", str(_free_port())],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode == 2


def test_an_action_that_could_never_be_sent_is_refused_before_the_outbox(
    sim: SimServer, tmp_path: Path
) -> None:
    [key] = sim.dukkango.add_orders(1)

    async def scenario() -> None:
        async with running_engine(sim, tmp_path / "data") as (bridge, log):
            await wait_for(lambda: log[EventName.ORDER_ACKED], what="the ack")
            for params in ({}, {"preparing_time": "soon"}, {"preparing_time": 0}):
                with pytest.raises(ActionRefused) as refused:
                    await bridge.request_action(
                        "Kadıköy", Action(ActionKind.ACCEPT, key, params=params)
                    )
                assert refused.value.code == "bad_request"
            with pytest.raises(ActionRefused) as refused:
                await bridge.request_action(
                    "Kadıköy", Action(ActionKind.CANCEL, key, params={"reason_id": 999})
                )
            assert "cancel reasons" in str(refused.value)
            stored = await asyncio.to_thread(bridge.store.get_order, "Kadıköy", key)
            assert stored is not None
            outbox = await asyncio.to_thread(bridge.store.outbox_for_order, stored.row_id)
            assert [item.kind for item in outbox] == [ActionKind.ACKNOWLEDGE]  # nothing queued

    run(scenario())
