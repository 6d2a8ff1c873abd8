"""``posbridge engine``: the bridge in a process of its own, serving the window over the link.

The window starts it and is its only client. It runs the same ``Bridge`` as ``posbridge
headless``; every engine event goes to the window, and the window's calls (staff actions, seen,
stop) come back. When the window goes away, whether it quit or crashed, the link closes and the
engine stops cleanly: what was not sent stays in the outbox for the next start.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import signal
from pathlib import Path
from typing import Any

from app.engine.bridge import Bridge
from app.engine.events import EventBus, EventName
from app.engine.link import (
    PROTOCOL_VERSION,
    TOKEN_VARIABLE,
    Link,
    LinkClosed,
    LinkError,
    config_from_wire,
    decode,
    event_to_wire,
    from_wire,
    to_wire,
)
from app.logs import setup_logging
from app.model import Action
from app.store.errors import StoreError
from app.store.store import ActionRefused

log = logging.getLogger("posbridge.engine")

ENGINE_LOG_FILENAME = "posbridge-engine.log"
EXIT_OK = 0
EXIT_LINK = 2  # no window to serve: the link could not be made or was refused
EXIT_STORE = 3  # the data folder cannot be used
START_TIMEOUT_SECONDS = 30.0


async def run(port: int, host: str = "127.0.0.1", verbose: bool = False) -> int:
    token = os.environ.pop(TOKEN_VARIABLE, "")  # not inherited by anything we might start
    try:
        reader, writer = await asyncio.open_connection(host, port)
    except OSError as exc:
        log.error("cannot reach the window on %s:%s: %s", host, port, exc)
        return EXIT_LINK
    link = Link(reader, writer)
    link.send({"type": "hello", "token": token, "version": PROTOCOL_VERSION, "pid": os.getpid()})
    try:
        start = await asyncio.wait_for(link.receive(), START_TIMEOUT_SECONDS)
    except (TimeoutError, LinkClosed, LinkError) as exc:
        log.error("the window did not start the engine: %s", exc)
        await link.close()
        return EXIT_LINK
    if start.get("type") != "start":
        log.error("the window sent %s instead of start", start.get("type"))
        await link.close()
        return EXIT_LINK
    service = EngineService(link, start)
    # The engine's own log file beside the window's: one writer per file.
    setup_logging(service.data_dir, verbose=verbose, console=False, filename=ENGINE_LOG_FILENAME)
    return await service.serve()


class EngineService:
    def __init__(self, link: Link, start: dict[str, Any]) -> None:
        self.link = link
        self.config = config_from_wire(start["config"])
        self.data_dir = Path(start["data_dir"])
        self.events = EventBus()
        for name in EventName:
            self.events.subscribe(name, self._forwarder(name))
        self.bridge = Bridge(self.config, self.data_dir, self.events)
        self._stop = asyncio.Event()
        self._calls: set[asyncio.Task[None]] = set()

    def _forwarder(self, name: EventName):  # type: ignore[no-untyped-def]
        def forward(payload: Any) -> None:
            self.link.send(event_to_wire(name, payload))

        return forward

    async def serve(self) -> int:
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            # The window stops us over the link; a signal (logout, Ctrl+C in the window's
            # terminal reaching the whole group) must still end in a clean stop.
            with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
                loop.add_signal_handler(sig, self._stop.set)
        try:
            await self.bridge.start()
        except StoreError as exc:
            log.error("%s", exc)
            self.link.send({"type": "failed", "kind": "store", "message": str(exc)})
            await self.bridge.stop()
            await self._close_link()
            return EXIT_STORE
        self.link.send(
            {
                "type": "ready",
                "running": sorted(self.bridge.sources),
                "health": [to_wire(h) for h in self.bridge.health().values()],
            }
        )
        log.info(
            "engine running for the window with %d account(s); data in %s",
            len(self.bridge.pollers),
            self.data_dir,
        )
        listening = asyncio.create_task(self._listen(), name="engine-link")
        stopping = asyncio.create_task(self._stop.wait(), name="engine-stop")
        try:
            await asyncio.wait({listening, stopping}, return_when=asyncio.FIRST_COMPLETED)
        finally:
            for task in (listening, stopping):
                task.cancel()
            await asyncio.gather(listening, stopping, return_exceptions=True)
            log.info("engine stopping: what was not sent stays in the outbox for the next start")
            await self.bridge.stop()
            for call in list(self._calls):
                call.cancel()
            await asyncio.gather(*self._calls, return_exceptions=True)
            await self._close_link()
        return EXIT_OK

    async def _close_link(self) -> None:
        with contextlib.suppress(LinkClosed):
            await self.link.drain()
        await self.link.close()

    async def _listen(self) -> None:
        try:
            while True:
                for line in await self.link.receive_lines():
                    message = decode(line)
                    if message.get("type") != "call":
                        log.warning("ignoring a %s message from the window", message.get("type"))
                        continue
                    if message.get("method") == "stop":
                        self.link.send({"type": "reply", "id": message.get("id"), "result": True})
                        return
                    task = asyncio.create_task(self._answer(message), name="engine-call")
                    self._calls.add(task)
                    task.add_done_callback(self._calls.discard)
        except LinkClosed:
            log.info("the window closed the link")
        except LinkError as exc:
            log.error("the window sent something unreadable: %s", exc)

    async def _answer(self, message: dict[str, Any]) -> None:
        call_id = message.get("id")
        try:
            result = await self._call(str(message.get("method")), message.get("args") or {})
        except ActionRefused as exc:
            error = {"kind": "refused", "message": str(exc), "code": exc.code}
            self.link.send({"type": "reply", "id": call_id, "error": error})
        except StoreError as exc:
            error = {"kind": "store", "message": str(exc), "code": "store"}
            self.link.send({"type": "reply", "id": call_id, "error": error})
        except Exception as exc:  # a bug must reach the window as an answer, not a silence
            log.exception("the window's %s call failed", message.get("method"))
            error = {"kind": "internal", "message": str(exc), "code": "internal"}
            self.link.send({"type": "reply", "id": call_id, "error": error})
        else:
            self.link.send({"type": "reply", "id": call_id, "result": result})

    async def _call(self, method: str, args: dict[str, Any]) -> Any:
        bridge = self.bridge
        if method == "ping":
            return True
        if method == "request_action":
            action = from_wire(Action, args["action"])
            return to_wire(await bridge.request_action(args["account"], action))
        if method == "mark_seen":
            await bridge.mark_seen(args["account"], args["order_id"])
            return None
        if method == "confirm_cancellation_seen":
            await bridge.confirm_cancellation_seen(args["account"], args["order_id"])
            return None
        if method == "dismiss_quarantined":
            return await bridge.dismiss_quarantined(int(args["quarantine_id"]))
        raise ValueError(f"unknown call {method!r}")
