"""The window's handle on its engine process: the same calls as ``Bridge``, over the link.

Why a process: a burst of 2,000 orders means 2,000 acknowledgement round trips, about 3-5 ms
of Python each on Qt's event loop. In one process they share the GIL with the table on screen
and the loop stalls for 100-250 ms at a time (tests/bench/bench_ui_burst.py --in-process). In
its own process the engine has its own GIL, its own core and a plain asyncio loop; the window
reads the database (WAL lets it read while the engine writes) and hears every event.

The window supervises it: if the engine dies or stops answering, the staff see it at once (each
account shows as stalled, with a sound), and it is started again with a growing delay. Orders
are never lost by that: every one the platform delivered was committed before it was
acknowledged, and what was in flight is still in the outbox for the new engine.
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import logging
import os
import secrets
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from app.config import AppConfig
from app.engine.bridge import PREPARING_TIME_PRESETS
from app.engine.events import AccountHealth, EventBus, EventName, HealthState
from app.engine.link import (
    PROTOCOL_VERSION,
    TOKEN_VARIABLE,
    Link,
    LinkClosed,
    LinkError,
    config_to_wire,
    decode,
    event_from_wire,
    from_wire,
    to_wire,
)
from app.engine.service import ENGINE_LOG_FILENAME
from app.model import Action, ActionKind, Order
from app.providers.registry import source_class
from app.store.errors import StoreError
from app.store.store import ActionRefused, OutboxItem, Store

log = logging.getLogger(__name__)

START_TIMEOUT_SECONDS = 30.0
STOP_TIMEOUT_SECONDS = 20.0
PING_SECONDS = 5.0
ANSWER_TIMEOUT_SECONDS = 15.0
RESTART_DELAYS = (1.0, 2.0, 5.0, 10.0, 30.0)  # then every 30 s, for as long as it takes
SLICE_SECONDS = 0.004  # the longest the window spends on arrived events before it yields


class EngineError(Exception):
    """The engine process could not be started or stopped answering. The message says what
    happened and what to do."""


class EngineLost(Exception):
    """The engine went away while a call was waiting for its answer."""


def engine_command() -> list[str]:
    """How to start this program's engine: the frozen executable itself, or this Python."""
    if getattr(sys, "frozen", False):
        return [sys.executable]
    # -P: never the current folder first on the path (an unrelated "app" folder there would be
    # started instead of ours).
    return [sys.executable, "-P", "-m", "app"]


def _open_reading_store(data_dir: Path) -> Store:
    """The window's own handle on the database, for reads only (the engine writes). The
    connection of the thread that opens it is closed at once: each reading thread gets its
    own (peewee keeps one per thread)."""
    store = Store.open(data_dir)
    store.db.close()
    return store


class EngineProcess:
    """What ``ui.counter.Counter`` needs of a bridge, with the bridge in its own process."""

    def __init__(
        self,
        config: AppConfig,
        data_dir: Path,
        events: EventBus | None = None,
        *,
        command: Sequence[str] | None = None,
        start_timeout: float = START_TIMEOUT_SECONDS,
        ping_seconds: float = PING_SECONDS,
        answer_timeout: float = ANSWER_TIMEOUT_SECONDS,
        restart_delays: Sequence[float] = RESTART_DELAYS,
    ) -> None:
        self.config = config
        self.data_dir = data_dir
        self.events = events or EventBus()
        self._command = list(command or engine_command())
        self._start_timeout = start_timeout
        self._ping_seconds = ping_seconds
        self._answer_timeout = answer_timeout
        self._restart_delays = tuple(restart_delays)
        self._store: Store | None = None
        self._server: asyncio.Server | None = None
        self._port = 0
        self._token = ""
        self._connected: asyncio.Future[Link] | None = None
        self._link: Link | None = None
        self._process: subprocess.Popen[bytes] | None = None
        self._listener: asyncio.Task[None] | None = None
        self._supervisor: asyncio.Task[None] | None = None
        self._lost = asyncio.Event()
        self._calls: dict[int, asyncio.Future[Any]] = {}
        self._notes: list[tuple[str, dict[str, Any]]] = []  # to tell a restarted engine
        self._next_call = 0
        self._health: dict[str, AccountHealth] = {}
        self._running: frozenset[str] = frozenset()
        self._stopping = False
        self.restarts = 0  # how often the engine had to be started again

    # -- what the window asks (the same as Bridge) --------------------------------------------

    @property
    def store(self) -> Store:
        if self._store is None:
            raise RuntimeError("the engine has not been started")
        return self._store

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process is not None else None

    @property
    def log_path(self) -> Path:
        return self.data_dir / ENGINE_LOG_FILENAME

    def health(self) -> dict[str, AccountHealth]:
        return dict(self._health)

    def allowed_actions(self, order: Order) -> frozenset[ActionKind]:
        cls = source_class(self._provider_of(order.account))
        if cls is None or order.account not in self._running:
            return frozenset()
        return cls.allowed_actions(order)  # type: ignore[call-arg, arg-type]

    def cancel_reasons(self, account: str) -> list[tuple[int, str]]:
        cls = source_class(self._provider_of(account))
        rules = getattr(cls, "cancel_reasons", None)
        return list(rules()) if rules is not None and account in self._running else []

    def preparing_time_presets(self) -> list[int]:
        return list(PREPARING_TIME_PRESETS)  # the engine's own, from the same installation

    async def request_action(self, account: str, action: Action) -> OutboxItem:
        data = await self._staff_call(
            "request_action", {"account": account, "action": to_wire(action)}
        )
        return from_wire(OutboxItem, data)

    async def mark_seen(self, account: str, order_id: str) -> None:
        await self._note("mark_seen", {"account": account, "order_id": order_id})

    async def confirm_cancellation_seen(self, account: str, order_id: str) -> None:
        await self._note("confirm_cancellation_seen", {"account": account, "order_id": order_id})

    async def dismiss_quarantined(self, quarantine_id: int) -> bool:
        return bool(await self._staff_call("dismiss_quarantined", {"quarantine_id": quarantine_id}))

    def _provider_of(self, account: str) -> Any:
        for configured in self.config.accounts:
            if configured.name == account:
                return configured.provider
        return None

    # -- life ---------------------------------------------------------------------------------

    async def start(self) -> None:
        """Start the engine and wait until it has opened the database and started polling.
        Raises StoreError when the data folder cannot be used, EngineError when the engine
        cannot be started at all."""
        self._server = await asyncio.start_server(self._on_connect, "127.0.0.1", 0)
        self._port = int(self._server.sockets[0].getsockname()[1])
        await self._launch()
        self._store = await asyncio.to_thread(_open_reading_store, self.data_dir)
        self._supervisor = asyncio.create_task(self._supervise(), name="engine-supervisor")

    async def stop(self) -> None:
        """Ask the engine to stop (it finishes its transaction; unsent items stay in the
        outbox), wait for it to exit, and close. Idempotent."""
        if self._stopping:
            return
        self._stopping = True
        if self._supervisor is not None:
            self._supervisor.cancel()
            await asyncio.gather(self._supervisor, return_exceptions=True)
        if self._link is not None and not self._lost.is_set():
            with contextlib.suppress(EngineLost, EngineError, TimeoutError):
                await self._call("stop", {}, within=self._answer_timeout)
        await self._end_process(STOP_TIMEOUT_SECONDS)
        if self._listener is not None:
            # The engine's last events (each account stopped) arrive before its end of stream.
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(asyncio.shield(self._listener), 5.0)
            self._listener.cancel()
            await asyncio.gather(self._listener, return_exceptions=True)
        if self._link is not None:
            await self._link.close()
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()
        self._fail_calls("POS Bridge is closing.")

    async def _launch(self) -> None:
        loop = asyncio.get_running_loop()
        self._token = secrets.token_urlsafe(32)
        self._connected = loop.create_future()
        self._lost.clear()
        env = dict(os.environ)
        env[TOKEN_VARIABLE] = self._token
        command = [*self._command, "engine", "--link", str(self._port)]
        flags = getattr(subprocess, "CREATE_NO_WINDOW", 0)  # Windows: no console window
        try:
            process = await asyncio.to_thread(
                subprocess.Popen, command, env=env, stdin=subprocess.DEVNULL, creationflags=flags
            )
        except OSError as exc:
            raise EngineError(
                f"POS Bridge could not start its order service ({exc.strerror}). "
                "Reinstall POS Bridge if this stays."
            ) from exc
        self._process = process
        link: Link | None = None
        try:
            link = await self._first_contact(process)
            await self._await_ready(link)
        except BaseException:
            if link is not None:
                await link.close()
            await self._end_process(5.0)
            raise
        self._link = link
        self._listener = asyncio.create_task(self._listen(link), name="engine-listen")
        log.info("engine running (process %s)", process.pid)

    async def _first_contact(self, process: subprocess.Popen[bytes]) -> Link:
        """Wait for the engine we started to connect, watching that it is still alive."""
        assert self._connected is not None
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self._start_timeout
        while True:
            with contextlib.suppress(TimeoutError):
                return await asyncio.wait_for(asyncio.shield(self._connected), 0.05)
            code = process.poll()
            if code is not None:
                raise EngineError(
                    f"POS Bridge's order service stopped while starting (exit code {code}). "
                    f"Its log is {self.log_path}."
                )
            if loop.time() > deadline:
                raise EngineError(
                    "POS Bridge's order service did not start within "
                    f"{self._start_timeout:.0f} s. Restart the computer if this stays."
                )

    async def _await_ready(self, link: Link) -> None:
        link.send(
            {
                "type": "start",
                "config": config_to_wire(self.config),
                "data_dir": str(self.data_dir),
            }
        )
        while True:
            try:
                message = await asyncio.wait_for(link.receive(), self._start_timeout)
            except (TimeoutError, LinkClosed, LinkError) as exc:
                raise EngineError(
                    f"POS Bridge's order service did not finish starting ({exc or 'no answer'})."
                    f" Its log is {self.log_path}."
                ) from exc
            kind = message["type"]
            if kind == "event":
                self._on_event(message)
            elif kind == "failed":
                if message.get("kind") == "store":
                    raise StoreError(str(message.get("message", "")))
                raise EngineError(str(message.get("message", "")))
            elif kind == "ready":
                self._running = frozenset(message.get("running", ()))
                for data in message.get("health", ()):
                    health = from_wire(AccountHealth, data)
                    self._health[health.account] = health
                return

    async def _on_connect(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        """A connection to our port: the engine we started, if it knows this launch's token."""
        link = Link(reader, writer)
        try:
            hello = await asyncio.wait_for(link.receive(), self._start_timeout)
        except (TimeoutError, LinkClosed, LinkError):
            await link.close()
            return
        expected = self._connected
        genuine = (
            hello.get("type") == "hello"
            and hello.get("version") == PROTOCOL_VERSION
            and hmac.compare_digest(str(hello.get("token", "")), self._token)
        )
        if not genuine or expected is None or expected.done():
            log.warning("refused a connection to the engine link that was not our engine")
            await link.close()
            return
        expected.set_result(link)

    async def _end_process(self, grace: float) -> None:
        """Wait up to ``grace`` seconds for the engine to exit, then end it."""
        process = self._process
        if process is None:
            return
        try:
            await asyncio.to_thread(process.wait, grace)
            return
        except subprocess.TimeoutExpired:
            log.warning("the engine did not exit within %.0f s; ending it", grace)
        process.terminate()
        try:
            await asyncio.to_thread(process.wait, 5.0)
        except subprocess.TimeoutExpired:
            process.kill()
            await asyncio.to_thread(process.wait)

    # -- the link -----------------------------------------------------------------------------

    async def _listen(self, link: Link) -> None:
        loop = asyncio.get_running_loop()
        try:
            while True:
                lines = await link.receive_lines()
                began = loop.time()
                for line in lines:
                    message = decode(line)
                    kind = message["type"]
                    if kind == "event":
                        self._on_event(message)
                    elif kind == "reply":
                        self._on_reply(message)
                    if loop.time() - began > SLICE_SECONDS:
                        await asyncio.sleep(0)  # let the window paint between slices
                        began = loop.time()
        except (LinkClosed, LinkError) as exc:
            if not self._stopping:
                log.error("the link to the engine broke: %s", exc)
        finally:
            self._lost.set()
            self._fail_calls("POS Bridge's order service stopped.")

    def _on_event(self, message: dict[str, Any]) -> None:
        decoded = event_from_wire(message)
        if decoded is None:
            return
        name, payload = decoded
        if name is EventName.ACCOUNT_HEALTH:
            self._health[payload.account] = payload
        self.events.emit(name, payload)

    def _on_reply(self, message: dict[str, Any]) -> None:
        waiting = self._calls.pop(int(message.get("id", -1)), None)
        if waiting is None or waiting.done():
            return
        error = message.get("error")
        if error is None:
            waiting.set_result(message.get("result"))
            return
        text = str(error.get("message", ""))
        if error.get("kind") == "refused":
            waiting.set_exception(ActionRefused(text, str(error.get("code", "not_allowed"))))
        elif error.get("kind") == "store":
            waiting.set_exception(StoreError(text))
        else:
            waiting.set_exception(EngineError(text))

    async def _call(self, method: str, args: dict[str, Any], within: float | None = None) -> Any:
        link = self._link
        if link is None or self._lost.is_set():
            raise EngineLost("POS Bridge's order service is not running.")
        self._next_call += 1
        call_id = self._next_call
        answer: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
        self._calls[call_id] = answer
        link.send({"type": "call", "id": call_id, "method": method, "args": args})
        try:
            return await asyncio.wait_for(answer, within)
        finally:
            self._calls.pop(call_id, None)

    async def _staff_call(self, method: str, args: dict[str, Any]) -> Any:
        try:
            return await self._call(method, args, within=self._answer_timeout)
        except (EngineLost, TimeoutError) as exc:
            raise ActionRefused(
                "POS Bridge's order service is restarting; try again in a moment.",
                "engine_down",
            ) from exc

    async def _note(self, method: str, args: dict[str, Any]) -> None:
        """A fact the staff established (an order was opened, a cancellation confirmed): if the
        engine is restarting, it is told again as soon as it is back, not lost."""
        try:
            await self._call(method, args, within=self._answer_timeout)
        except (EngineLost, TimeoutError):
            log.warning("the engine is not running; %s will be sent when it is back", method)
            self._notes.append((method, args))

    async def _replay_notes(self) -> None:
        notes, self._notes = self._notes, []
        for method, args in notes:
            await self._note(method, args)

    def _fail_calls(self, why: str) -> None:
        calls, self._calls = self._calls, {}
        for waiting in calls.values():
            if not waiting.done():
                waiting.set_exception(EngineLost(why))

    # -- supervision --------------------------------------------------------------------------

    async def _supervise(self) -> None:
        while True:
            reason, hung = await self._watch()
            log.error("the engine stopped working (%s); starting it again", reason)
            if hung and self._process is not None:
                self._process.kill()  # it answers nothing, so it will finish nothing either
            await self._end_process(2.0)
            if self._link is not None:
                await self._link.close()
            self._link = None
            self._announce_down()
            attempt = 0
            while True:
                delay = self._restart_delays[min(attempt, len(self._restart_delays) - 1)]
                await asyncio.sleep(delay)
                attempt += 1
                try:
                    await self._launch()
                except (EngineError, StoreError) as exc:
                    log.error("starting the engine again failed: %s", exc)
                    self._announce_down(str(exc))
                    continue
                self.restarts += 1
                await self._replay_notes()
                break

    async def _watch(self) -> tuple[str, bool]:
        """Returns why the engine must be started again (its link broke, or it stopped
        answering pings) and whether it hung."""
        while True:
            try:
                await asyncio.wait_for(self._lost.wait(), self._ping_seconds)
                code = self._process.poll() if self._process is not None else None
                return (f"exit code {code}" if code is not None else "its link broke"), False
            except TimeoutError:
                pass
            try:
                await self._call("ping", {}, within=self._answer_timeout)
            except EngineLost:
                continue  # the link broke meanwhile: the next turn says so
            except TimeoutError:
                return f"no answer for {self._answer_timeout:.0f} s", True

    def _announce_down(self, detail: str = "") -> None:
        message = (
            "POS Bridge's order service stopped unexpectedly; it is being started again. "
            "Orders already received are safe."
        )
        if detail:
            message += f" ({detail})"
        for account in self.config.accounts:
            previous = self._health.get(account.name)
            health = AccountHealth(
                account=account.name,
                provider=account.provider.value,
                state=HealthState.RESTARTING,
                message=message,
                last_ok_at=previous.last_ok_at if previous else None,
                offline_since=previous.offline_since if previous else None,
                latency_ms=None,
                consecutive_failures=(previous.consecutive_failures + 1) if previous else 1,
            )
            self._health[account.name] = health
            self.events.emit(EventName.ACCOUNT_HEALTH, health)
