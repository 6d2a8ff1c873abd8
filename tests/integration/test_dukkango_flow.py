"""The flow of one order against the Dükkango simulator over real loopback HTTP, with a real
SQLite file: the invariants of DESIGN.md that the bridge itself must keep."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from app.engine.events import EventName, HealthState
from app.model import Action, ActionKind, OrderStatus
from app.sim.recording import Fault
from app.sim.server import SimServer
from app.store.schema import DB_FILENAME
from tests.integration.conftest import all_acked, config, run, started_bridge, wait_for


def _committed_keys(data_dir: Path) -> set[str]:
    """What another connection sees: only committed rows."""
    with sqlite3.connect(data_dir / DB_FILENAME, timeout=10) as db:
        return {row[0] for row in db.execute("select order_id from orders")}


def test_saved_before_acknowledged(sim: SimServer, data_dir: Path) -> None:
    """Invariant 1: when an acknowledgement reaches the platform, its order is committed."""
    missing: list[str] = []

    def check(request) -> None:  # runs in the simulator's thread as each request arrives
        if request.path.startswith("/orders/success/"):
            key = request.path.rsplit("/", 1)[1]
            if key not in _committed_keys(data_dir):
                missing.append(key)

    sim.dukkango.on_request(check)
    keys = sim.dukkango.add_orders(25)

    async def scenario() -> None:
        bridge, _ = await started_bridge(config(sim), data_dir)
        try:
            await wait_for(all_acked(sim), what="every order acknowledged")
        finally:
            await bridge.stop()

    run(scenario())
    assert sim.dukkango.callback_errors() == []
    assert missing == []
    assert {key for key, _status in sim.dukkango.acknowledged()} == set(keys)


def test_acknowledged_at_once_without_a_person(sim: SimServer, data_dir: Path) -> None:
    """Invariant 2: nobody opens anything, and every acknowledgement leaves before the next
    feed call (the platform would otherwise send the order again)."""
    keys = sim.dukkango.add_orders(10)

    async def scenario() -> None:
        bridge, _ = await started_bridge(config(sim, poll_seconds=0.5), data_dir)
        try:
            await wait_for(all_acked(sim))
        finally:
            await bridge.stop()

    run(scenario())
    paths = [r.path for r in sim.dukkango.requests()]
    first_poll = paths.index("/orders/get-current")
    second_poll = (
        paths.index("/orders/get-current", first_poll + 1)
        if paths.count("/orders/get-current") > 1
        else len(paths)
    )
    acked_between = {p.rsplit("/", 1)[1] for p in paths[first_poll:second_poll] if "/success/" in p}
    assert acked_between == set(keys)


def test_nothing_twice_repeats_and_status_changes(sim: SimServer, data_dir: Path) -> None:
    """Invariant 4: the feed repeats orders while acknowledgements fail; a status change is a
    history event, not a new order."""
    [key] = sim.dukkango.add_orders(1)
    sim.dukkango.inject(Fault("server_error", endpoint="success", count=4, status=503))

    async def scenario() -> None:
        bridge, events = await started_bridge(config(sim), data_dir)
        try:
            await wait_for(all_acked(sim), what="ack after the failures")
            sim.dukkango.cancel_by_customer(key)
            await wait_for(all_acked(sim), what="cancellation acknowledged")
            await wait_for(
                lambda: bridge.store.get_order("Kadıköy", key).acked, what="ack recorded"
            )
            stored = await bridge._writer.call(bridge.store.get_order, "Kadıköy", key)
            assert stored is not None
            assert stored.order.status is OrderStatus.CANCELLED and stored.acked
            assert stored.needs_cancel_confirmation  # loud until someone confirms
            history = [e.kind for e in bridge.store.history(stored.row_id)]
            assert history.count("received") == 1 and history.count("status") == 1
            saved = [(e.kind, e.status) for e in events[EventName.ORDER_SAVED]]
            assert saved == [("new", OrderStatus.NEW), ("status", OrderStatus.CANCELLED)]
            await bridge.confirm_cancellation_seen("Kadıköy", key)
        finally:
            await bridge.stop()

    run(scenario())
    with sqlite3.connect(data_dir / DB_FILENAME) as db:
        assert db.execute("select count(*) from orders").fetchone()[0] == 1
        assert db.execute("select cancel_confirmed_at is not null from orders").fetchone()[0] == 1
    assert {s for k, s in sim.dukkango.acknowledged()} == {1, 6}


def test_staff_action_survives_a_restart(sim: SimServer, data_dir: Path) -> None:
    """Invariant 5: an accept written while the platform fails is sent after a restart, with
    the preparing time the person chose."""
    [key] = sim.dukkango.add_orders(1)

    async def first_run() -> None:
        bridge, _ = await started_bridge(config(sim), data_dir)
        try:
            await wait_for(all_acked(sim))
            sim.dukkango.inject(Fault("server_error", endpoint="accept", count=1000, status=502))
            item = await bridge.request_action(
                "Kadıköy", Action(ActionKind.ACCEPT, key, params={"preparing_time": 25})
            )
            await wait_for(
                lambda: any("/accept/" in r.path for r in sim.dukkango.requests()),
                what="a first accept attempt",
            )
            stored = await bridge._writer.call(bridge.store.get_order, "Kadıköy", key)
            assert stored is not None and stored.action_state == "pending"
            assert item.kind is ActionKind.ACCEPT
        finally:
            await bridge.stop()

    run(first_run())
    assert sim.dukkango.snapshot()[0]["status_id"] == 1  # not accepted yet
    sim.dukkango.clear_faults()

    async def second_run() -> None:
        bridge, events = await started_bridge(config(sim), data_dir)
        try:
            await wait_for(lambda: sim.dukkango.snapshot()[0]["status_id"] == 2, what="accepted")
            await wait_for(lambda: bool(events[EventName.ACTION_SENT]), what="action sent event")
            stored = await bridge._writer.call(bridge.store.get_order, "Kadıköy", key)
            assert stored is not None and stored.action_state == "sent"
            assert stored.order.status is OrderStatus.ACCEPTED
            await wait_for(all_acked(sim), what="status 2 acknowledged")
        finally:
            await bridge.stop()

    run(second_run())
    assert sim.dukkango.snapshot()[0]["preparing_time"] == 25


def test_every_verb_reaches_the_simulator(sim: SimServer, data_dir: Path) -> None:
    """Accept with a preparing time, on the way (restaurant courier), complete, cancel."""
    [own] = sim.dukkango.add_orders(1, courier_type="restaurant", shipping_method="delivery")
    [platform] = sim.dukkango.add_orders(1, courier_type="fuudy", shipping_method="delivery")
    [doomed] = sim.dukkango.add_orders(1)

    async def scenario() -> None:
        bridge, events = await started_bridge(config(sim), data_dir)
        try:
            await wait_for(all_acked(sim))

            async def act(key: str, kind: ActionKind, **params: object) -> None:
                await bridge.request_action("Kadıköy", Action(kind, key, params=dict(params)))

            def status(key: str) -> int:
                return next(o for o in sim.dukkango.snapshot() if o["payment_key"] == key)[
                    "status_id"
                ]

            def local(key: str) -> OrderStatus:
                return bridge.store.get_order("Kadıköy", key).order.status

            await act(own, ActionKind.ACCEPT, preparing_time=15)
            await wait_for(lambda: status(own) == 2 and local(own) is OrderStatus.ACCEPTED)
            stored = await bridge._writer.call(bridge.store.get_order, "Kadıköy", own)
            assert ActionKind.ON_THE_WAY in bridge.allowed_actions(stored.order)
            await act(own, ActionKind.ON_THE_WAY)
            await wait_for(lambda: status(own) == 16 and local(own) is OrderStatus.ON_THE_WAY)
            await act(own, ActionKind.COMPLETE)
            await wait_for(lambda: status(own) == 5)

            await act(platform, ActionKind.ACCEPT, preparing_time=30)
            await wait_for(lambda: local(platform) is OrderStatus.ACCEPTED)
            stored = await bridge._writer.call(bridge.store.get_order, "Kadıköy", platform)
            # The platform's own courier carries it: "on the way" is not ours to press.
            assert ActionKind.ON_THE_WAY not in bridge.allowed_actions(stored.order)

            await act(doomed, ActionKind.CANCEL, reason_id=3)
            await wait_for(lambda: status(doomed) == 6)
            await wait_for(lambda: len(events[EventName.ACTION_SENT]) == 5, what="5 actions sent")
            final = await bridge._writer.call(bridge.store.get_order, "Kadıköy", own)
            assert final.order.status is OrderStatus.DONE
            kinds = [e.kind for e in bridge.store.history(final.row_id)]
            assert kinds.count("accept_sent") == 1 and "complete_sent" in kinds
        finally:
            await bridge.stop()

    run(scenario())
    snapshot = {o["payment_key"]: o for o in sim.dukkango.snapshot()}
    assert snapshot[own]["preparing_time"] == 15
    assert snapshot[platform]["preparing_time"] == 30
    assert snapshot[doomed]["cancel_reason_id"] == 3
    accept_bodies = [r.body for r in sim.dukkango.requests() if "/accept/" in r.path]
    assert b'"preparing_time": 15' in accept_bodies[0] or b'"preparing_time":15' in accept_bodies[0]


def test_refused_acknowledgement_is_shown(sim: SimServer, data_dir: Path) -> None:
    """Invariant 7: an acknowledgement the platform refuses becomes a visible problem."""
    [key] = sim.dukkango.add_orders(1)
    sim.dukkango.inject(Fault("server_error", endpoint="success", count=1, status=404))

    async def scenario() -> None:
        bridge, events = await started_bridge(config(sim, poll_seconds=5), data_dir)
        try:
            await wait_for(lambda: bool(events[EventName.ACTION_FAILED]), what="failure event")
            stored = await bridge._writer.call(bridge.store.get_order, "Kadıköy", key)
            assert stored is not None and stored.problem.startswith("ack:")
        finally:
            await bridge.stop()

    run(scenario())


def test_rejected_credentials_stop_the_hammering(sim: SimServer, data_dir: Path) -> None:
    """A refused token is reported within one poll, and the poller stops asking."""
    from app.sim.dukkango import DEMO_TOKEN

    sim.dukkango.revoke_token(DEMO_TOKEN)
    sim.dukkango.add_orders(2)

    async def scenario() -> None:
        bridge, events = await started_bridge(config(sim), data_dir)
        try:
            await wait_for(
                lambda: bridge.health()["Kadıköy"].state is HealthState.NEEDS_CREDENTIALS,
                within=5,
            )
            calls = sim.dukkango.request_count()
            for _ in range(30):  # many poll intervals
                await __import__("asyncio").sleep(COOLDOWN_WAIT)
            assert sim.dukkango.request_count() == calls
            health = events[EventName.ACCOUNT_HEALTH][-1]
            assert "token" in health.message.lower() or "credentials" in health.message.lower()
        finally:
            await bridge.stop()

    run(scenario())


COOLDOWN_WAIT = 0.05


def test_offline_and_back(sim: SimServer, data_dir: Path) -> None:
    """The platform unreachable: reported as offline with the time it started; orders flow
    again when it returns."""
    sim.dukkango.inject(Fault("reset", endpoint="get-current", count=3))
    keys = sim.dukkango.add_orders(3)

    async def scenario() -> None:
        bridge, events = await started_bridge(config(sim), data_dir)
        try:
            await wait_for(
                lambda: any(
                    h.state is HealthState.OFFLINE for h in events[EventName.ACCOUNT_HEALTH]
                )
            )
            offline = next(
                h for h in events[EventName.ACCOUNT_HEALTH] if h.state is HealthState.OFFLINE
            )
            assert offline.offline_since is not None
            await wait_for(all_acked(sim), within=20, what="orders after reconnecting")
            assert bridge.health()["Kadıköy"].state is HealthState.OK
            assert bridge.health()["Kadıköy"].offline_since is None
        finally:
            await bridge.stop()

    run(scenario())
    assert {k for k, _ in sim.dukkango.acknowledged()} == set(keys)


def test_stalled_poller_is_reported(sim: SimServer, data_dir: Path) -> None:
    """A feed call that hangs far past the poll interval shows as a stalled poller."""
    sim.dukkango.inject(Fault("timeout", endpoint="get-current", count=1, seconds=30))

    async def scenario() -> None:
        bridge, _ = await started_bridge(
            config(sim, timeout_seconds=20), data_dir, stall_after_seconds=0.5
        )
        try:
            await wait_for(
                lambda: bridge.health()["Kadıköy"].state is HealthState.STALLED, within=5
            )
        finally:
            await bridge.stop()

    run(scenario())


def test_login_mode_refreshes_the_token(sim: SimServer, data_dir: Path, monkeypatch) -> None:
    """With app + restaurant keys the bridge logs in, and logs in again before expiry."""
    from app.sim.dukkango import DEMO_APP_SECRET, DEMO_REST_SECRET

    monkeypatch.setenv("DK_APP", DEMO_APP_SECRET)
    monkeypatch.setenv("DK_REST", DEMO_REST_SECRET)
    sim.dukkango.add_orders(2)
    cfg = config(
        sim, credentials={"app_secret_key": "env:DK_APP", "rest_secret_key": "env:DK_REST"}
    )

    async def scenario() -> None:
        bridge, _ = await started_bridge(cfg, data_dir)
        try:
            await wait_for(all_acked(sim))
        finally:
            await bridge.stop()

    run(scenario())
    paths = [r.path for r in sim.dukkango.requests()]
    assert paths[0] == "/auth/login"
    assert all(r.status_code != 401 for r in sim.dukkango.requests())


def test_token_is_renewed_before_it_expires(data_dir: Path, monkeypatch) -> None:
    """The docs: renew when less than an hour is left. A token that crosses that line while
    the bridge runs is replaced by a new login, without a single 401."""
    from app.sim.dukkango import DEMO_APP_SECRET, DEMO_REST_SECRET

    monkeypatch.setenv("DK_APP", DEMO_APP_SECRET)
    monkeypatch.setenv("DK_REST", DEMO_REST_SECRET)
    with SimServer(seed=3, cooldown_seconds=0.05, token_ttl_seconds=3600 + 1.5) as short_sim:
        short_sim.dukkango.add_orders(1)
        cfg = config(
            short_sim,
            credentials={"app_secret_key": "env:DK_APP", "rest_secret_key": "env:DK_REST"},
        )

        async def scenario() -> None:
            bridge, _ = await started_bridge(cfg, data_dir)
            try:
                await wait_for(
                    lambda: (
                        [r.path for r in short_sim.dukkango.requests()].count("/auth/login") >= 2
                    ),
                    within=10,
                    what="a second login",
                )
                short_sim.dukkango.add_orders(1)
                await wait_for(all_acked(short_sim))
            finally:
                await bridge.stop()

        run(scenario())
        assert all(r.status_code != 401 for r in short_sim.dukkango.requests())


def test_pending_acknowledgements_resume_after_a_restart(sim: SimServer, data_dir: Path) -> None:
    """Acknowledgements that could not leave before a stop leave after the next start from
    the outbox alone, even while the feed itself cannot be read."""
    keys = sim.dukkango.add_orders(6)
    sim.dukkango.inject(Fault("server_error", endpoint="success", count=10_000, status=503))

    async def first_run() -> None:
        bridge, _ = await started_bridge(config(sim), data_dir)
        try:
            await wait_for(lambda: bridge.store.count_orders() == len(keys), what="orders saved")
            await wait_for(
                lambda: sum("/success/" in r.path for r in sim.dukkango.requests()) >= len(keys),
                what="every acknowledgement tried",
            )
        finally:
            await bridge.stop()

    run(first_run())
    assert sim.dukkango.acknowledged() == set()
    sim.dukkango.clear_faults()
    sim.dukkango.inject(Fault("reset", endpoint="get-current", count=10_000))
    polls_before = sum(
        r.path == "/orders/get-current" and r.status_code == 200 for r in sim.dukkango.requests()
    )

    async def second_run() -> None:
        bridge, _ = await started_bridge(config(sim), data_dir)
        try:
            await wait_for(lambda: len(sim.dukkango.acknowledged()) == len(keys), what="resumed")
        finally:
            await bridge.stop()

    run(second_run())
    polls_after = sum(
        r.path == "/orders/get-current" and r.status_code == 200 for r in sim.dukkango.requests()
    )
    assert polls_after == polls_before  # the feed gave nothing: the outbox did it
    assert {k for k, _ in sim.dukkango.acknowledged()} == set(keys)
