"""The part every platform simulator shares: one ASGI pipeline with recording and faults.

A platform (Dükkango now; Crux and Walmart later) subclasses ``PlatformSim``, lists its
endpoints and says how its error bodies look. The pipeline around them is the same for all:

    record the request → observers → latency → take a fault → run the endpoint → spoil the reply

Handlers are plain synchronous functions that hold the platform's lock for microseconds, so the
server's event loop never blocks; every wait (latency, a held "timeout") is an asyncio sleep.
"""

from __future__ import annotations

import abc
import asyncio
import json
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, ClassVar

from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import BaseRoute, Route
from starlette.types import Receive, Scope, Send

from app.sim.recording import (
    BODY_FAULTS,
    DRIFT_FAULTS,
    TRANSPORT_FAULTS,
    Fault,
    FaultQueue,
    RecordedRequest,
    RequestCallback,
    RequestLog,
)

JSON_CONTENT_TYPE = "application/json; charset=utf-8"

# What a "malformed" fault answers with status 200: the kind of page a proxy or a maintenance
# switch puts in front of an API, which a client that trusts the status code would try to parse.
MALFORMED_PAGE = (
    '<!DOCTYPE html>\n<html lang="tr"><head><meta charset="utf-8">'
    "<title>Bakım çalışması</title></head>\n<body><h1>Sistem bakımda</h1>"
    "<p>Kısa bir süre sonra tekrar deneyin.</p></body></html>\n"
)


class DropConnection(Exception):
    """Raised by the pipeline after the response head so that uvicorn closes the socket.

    ASGI has no "abort" message; an exception after ``http.response.start`` makes uvicorn close
    the transport, and the client sees a transport error instead of an HTTP answer.
    """


@dataclass
class Reply:
    """What an endpoint answers. ``raw`` (already rendered) wins over ``payload`` (JSON)."""

    status: int
    payload: Any = None
    headers: dict[str, str] = field(default_factory=dict)
    raw: bytes | None = None
    content_type: str = JSON_CONTENT_TYPE

    def body(self) -> bytes:
        if self.raw is not None:
            return self.raw
        # ensure_ascii=False: the platforms send Turkish (and French) text as UTF-8.
        return json.dumps(self.payload, ensure_ascii=False).encode("utf-8")


@dataclass
class Call:
    """One request as an endpoint handler sees it."""

    record: RecordedRequest
    params: dict[str, str]

    def header(self, name: str) -> str | None:
        return self.record.headers.get(name.lower())

    def json_body(self) -> Any:
        """The parsed JSON body, or None when it is missing, not JSON or not sent as JSON.

        A server that reads JSON bodies only when the request says ``application/json`` (what
        the documented requests send) ignores any other body; so do we.
        """
        content_type = self.header("content-type") or ""
        if "json" not in content_type.lower() or not self.record.body:
            return None
        try:
            return json.loads(self.record.body)
        except ValueError:
            return None


Handler = Callable[[Call], Reply]


@dataclass(frozen=True)
class Endpoint:
    """One documented operation. ``name`` is what faults and the request log refer to."""

    name: str
    method: str
    pattern: str  # relative to the platform prefix, "{name}" matches one path segment
    handler: Handler
    # True when answering it changes the platform's state (an ack, an accept): a fault that
    # spoils the reply then also stops the change, as when the request never got through.
    changes_state: bool = False

    def match(self, path: str) -> dict[str, str] | None:
        found = _compile(self.pattern).fullmatch(path)
        return None if found is None else found.groupdict()


_PATTERNS: dict[str, re.Pattern[str]] = {}


def _compile(pattern: str) -> re.Pattern[str]:
    compiled = _PATTERNS.get(pattern)
    if compiled is None:
        regex = re.sub(r"\\\{(\w+)\\\}", r"(?P<\1>[^/]+)", re.escape(pattern))
        compiled = _PATTERNS[pattern] = re.compile(regex)
    return compiled


class PlatformSim(abc.ABC):
    """Base of every platform simulator: an ASGI app mounted at ``prefix``."""

    name: ClassVar[str]  # "dukkango"; also the control API folder /_sim/<name>/
    prefix: ClassVar[str]  # "/dukkango/api/integrations"

    def __init__(self, *, latency_ms: int = 0) -> None:
        self._initial_latency_ms = latency_ms
        self._latency_ms = latency_ms
        self._log = RequestLog()
        self._faults = FaultQueue()
        self._closing = threading.Event()
        self._endpoints = self.endpoints()
        self._endpoint_names = frozenset(e.name for e in self._endpoints)

    # -- what a platform provides -------------------------------------------------------------

    @abc.abstractmethod
    def endpoints(self) -> list[Endpoint]:
        """The documented operations."""

    @abc.abstractmethod
    def status_reply(self, status: int, message: str | None = None) -> Reply:
        """The platform's error body for a bare HTTP status (404 path, 405, 429, 5xx)."""

    @abc.abstractmethod
    def blind_reply(self, endpoint: Endpoint) -> Reply:
        """The success reply of a state-changing endpoint, to spoil when a fault stops it."""

    @abc.abstractmethod
    def drift(self, fault: Fault, reply: Reply, endpoint: Endpoint) -> None:
        """Apply a schema-drift fault (missing/unknown field, wrong type) to ``reply``."""

    @abc.abstractmethod
    def state_json(self) -> dict[str, Any]:
        """The platform's state for ``GET /_sim/<name>/state``."""

    def extra_control_routes(self) -> list[BaseRoute]:
        """Platform-specific control endpoints under /_sim/<name>/."""
        return []

    # -- the shared Python API (thread-safe) --------------------------------------------------

    def inject(self, fault: Fault) -> None:
        """Queue ``fault`` for the next ``fault.count`` requests to its endpoint."""
        if fault.endpoint != "*" and fault.endpoint not in self._endpoint_names:
            raise ValueError(
                f"unknown endpoint {fault.endpoint!r}; known: {sorted(self._endpoint_names)}"
            )
        self._faults.add(fault)

    def clear_faults(self) -> None:
        self._faults.clear()

    def pending_faults(self) -> list[Fault]:
        return self._faults.pending()

    def set_latency(self, ms: int) -> None:
        """Delay every request by ``ms`` (an asyncio sleep: concurrent requests overlap)."""
        if ms < 0:
            raise ValueError("latency must not be negative")
        self._latency_ms = ms

    @property
    def latency_ms(self) -> int:
        return self._latency_ms

    def on_request(self, callback: RequestCallback) -> None:
        """Call ``callback(record)`` in the server thread when a request arrives, before it is
        processed. Its exceptions are kept in ``callback_errors()``."""
        self._log.add_callback(callback)

    def callback_errors(self) -> list[BaseException]:
        return self._log.callback_errors()

    def requests(self) -> list[RecordedRequest]:
        return self._log.requests()

    def request_count(self) -> int:
        return self._log.count()

    def reset(self) -> None:
        """Forget requests, observers and faults; restore the initial latency."""
        self._log.clear()
        self._faults.clear()
        self._latency_ms = self._initial_latency_ms

    def begin_shutdown(self) -> None:
        """Release requests held by a "timeout" fault so the server can stop at once."""
        self._closing.set()

    def resume(self) -> None:
        """Undo ``begin_shutdown`` when a server starts (again)."""
        self._closing.clear()

    # -- the ASGI pipeline --------------------------------------------------------------------

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        arrived = time.monotonic()
        body = await Request(scope, receive).body()
        path = scope["path"][len(self.prefix) :] or "/"
        record = RecordedRequest(
            time=arrived,
            method=scope["method"],
            path=path,
            query=scope.get("query_string", b"").decode("latin-1"),
            headers=_headers(scope),
            body=body,
        )
        endpoint, params, allowed = self._route(record.method, path)
        record.endpoint = endpoint.name if endpoint else None
        self._log.append(record)  # runs the observers, before anything is decided

        if self._latency_ms:
            await asyncio.sleep(self._latency_ms / 1000)
        if endpoint is None:
            reply = self.status_reply(405 if allowed else 404)
            if allowed:
                reply.headers["Allow"] = ", ".join(allowed)
            await self._send(send, record, reply)
            return

        fault = self._faults.take(endpoint.name)
        if fault is not None:
            self._log.note_fault(record, fault)
            if fault.kind == "latency":
                await asyncio.sleep(float(fault.params.get("ms", 1000)) / 1000)
            elif fault.kind in TRANSPORT_FAULTS:
                await self._transport_fault(fault, record, receive, send)
                return

        if fault is not None and fault.kind in BODY_FAULTS and endpoint.changes_state:
            reply = self.blind_reply(endpoint)  # the change never happens
        else:
            reply = endpoint.handler(Call(record, params))
        if fault is not None and fault.kind in DRIFT_FAULTS:
            self.drift(fault, reply, endpoint)
        elif fault is not None and fault.kind in BODY_FAULTS:
            reply = _spoil(reply, fault.kind)
        await self._send(send, record, reply)

    def _route(self, method: str, path: str) -> tuple[Endpoint | None, dict[str, str], list[str]]:
        """The endpoint for (method, path) and its path parameters; else the methods the path
        does allow (a wrong method gets 405, an unknown path, with none, 404)."""
        allowed = []
        for endpoint in self._endpoints:
            params = endpoint.match(path)
            if params is None:
                continue
            if endpoint.method == method:
                return endpoint, params, [method]
            allowed.append(endpoint.method)
        return None, {}, allowed

    async def _transport_fault(
        self, fault: Fault, record: RecordedRequest, receive: Receive, send: Send
    ) -> None:
        if fault.kind == "server_error":
            await self._send(send, record, self.status_reply(int(fault.params.get("status", 500))))
        elif fault.kind == "rate_limited":
            reply = self.status_reply(429)
            reply.headers["Retry-After"] = str(fault.params.get("retry_after", 1))
            await self._send(send, record, reply)
        elif fault.kind == "timeout":
            if await self._hold(receive, float(fault.params.get("seconds", 30.0))):
                return  # the client gave up first; nothing left to answer
            await self._drop(receive, send, record)
        else:  # reset
            await self._drop(receive, send, record)

    async def _hold(self, receive: Receive, seconds: float) -> bool:
        """Wait ``seconds`` without answering; True if the client disconnected meanwhile.

        Wakes early when the server is stopping, so a held request never delays ``stop()``.
        """
        loop = asyncio.get_running_loop()
        deadline = loop.time() + seconds
        # With the body read, the next receive() completes only when the client goes away.
        disconnect = asyncio.ensure_future(receive())
        try:
            while not self._closing.is_set():
                remaining = deadline - loop.time()
                if remaining <= 0:
                    return False
                if not disconnect.done():
                    await asyncio.wait({disconnect}, timeout=min(0.05, remaining))
                elif disconnect.result().get("type") == "http.disconnect":
                    return True
                else:  # a server that answers receive() otherwise: just wait out the time
                    await asyncio.sleep(min(0.05, remaining))
            return False
        finally:
            if not disconnect.done():
                disconnect.cancel()

    async def _drop(self, receive: Receive, send: Send, record: RecordedRequest) -> None:
        """Close the connection without an answer; the client sees a transport error."""
        self._log.finish(record, None)
        # uvicorn's receive() is a method of the request cycle, which holds the transport:
        # aborting it closes the socket before a single byte of answer, like a real reset.
        transport = getattr(getattr(receive, "__self__", None), "transport", None)
        if isinstance(transport, asyncio.Transport):
            transport.abort()
            await receive()  # returns once the server has seen the disconnect
            return
        # Elsewhere: a head that promises a body which never comes. The client's HTTP parser
        # fails (httpx.RemoteProtocolError) before it can report a status.
        await send(
            {
                "type": "http.response.start",
                "status": 200,
                "headers": [
                    (b"content-type", JSON_CONTENT_TYPE.encode()),
                    (b"content-length", b"512"),
                ],
            }
        )
        raise DropConnection

    async def _send(self, send: Send, record: RecordedRequest, reply: Reply) -> None:
        body = reply.body()
        headers = [
            (b"content-type", reply.content_type.encode("latin-1")),
            (b"content-length", str(len(body)).encode("latin-1")),
        ]
        headers += [
            (k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in reply.headers.items()
        ]
        self._log.finish(record, reply.status)
        await send({"type": "http.response.start", "status": reply.status, "headers": headers})
        await send({"type": "http.response.body", "body": body, "more_body": False})

    # -- the shared control API ---------------------------------------------------------------

    def control_routes(self) -> list[BaseRoute]:
        """Routes mounted at /_sim/<name>/, so a simulator in another process can be driven."""
        return [
            Route("/state", self._control_state, methods=["GET"]),
            Route("/requests", self._control_requests, methods=["GET"]),
            Route("/faults", self._control_faults, methods=["GET", "POST", "DELETE"]),
            Route("/latency", self._control_latency, methods=["POST"]),
            Route("/reset", self._control_reset, methods=["POST"]),
            *self.extra_control_routes(),
        ]

    async def _control_state(self, request: Request) -> JSONResponse:
        return JSONResponse(self.state_json())

    async def _control_requests(self, request: Request) -> JSONResponse:
        return JSONResponse([r.to_json() for r in self.requests()])

    async def _control_faults(self, request: Request) -> JSONResponse:
        if request.method == "DELETE":
            self.clear_faults()
        elif request.method == "POST":
            spec = await control_json(request)
            try:
                self.inject(Fault(**spec))
            except (TypeError, ValueError) as exc:
                raise ControlError(str(exc)) from exc
        return JSONResponse({"faults": [f.to_json() for f in self.pending_faults()]})

    async def _control_latency(self, request: Request) -> JSONResponse:
        spec = await control_json(request)
        ms = spec.get("ms")
        if not isinstance(ms, int) or isinstance(ms, bool) or ms < 0:
            raise ControlError('expected {"ms": <non-negative int>}')
        self.set_latency(ms)
        return JSONResponse({"ms": ms})

    async def _control_reset(self, request: Request) -> JSONResponse:
        self.reset()
        return JSONResponse({"ok": True})


class ControlError(Exception):
    """A bad control API request; answered with 400 and the message."""


async def control_json(request: Request) -> dict[str, Any]:
    """The JSON object a control request carries ({} when it has no body)."""
    raw = await request.body()
    if not raw:
        return {}
    try:
        value = json.loads(raw)
    except ValueError as exc:
        raise ControlError(f"body is not JSON: {exc}") from exc
    if not isinstance(value, dict):
        raise ControlError("body must be a JSON object")
    return value


def _headers(scope: Scope) -> dict[str, str]:
    headers: dict[str, str] = {}
    for raw_name, raw_value in scope.get("headers", []):
        name = raw_name.decode("latin-1").lower()
        value = raw_value.decode("latin-1")
        headers[name] = f"{headers[name]}, {value}" if name in headers else value
    return headers


def _spoil(reply: Reply, kind: str) -> Reply:
    if kind == "truncated":
        # Cut by characters, not bytes: the body stays valid UTF-8 and is simply not valid JSON
        # (half an object never is), as when a proxy drops the tail of a response.
        text = reply.body().decode("utf-8")
        return Reply(reply.status, raw=text[: max(1, len(text) // 2)].encode("utf-8"))
    return Reply(200, raw=MALFORMED_PAGE.encode("utf-8"), content_type="text/html; charset=utf-8")
