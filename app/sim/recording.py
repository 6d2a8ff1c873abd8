"""What every platform simulator shares: the request log and the queue of injected faults.

Both are touched from the server thread (while handling requests) and from the test or
benchmark thread (asserting, injecting), so every access goes through a lock.
"""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

# Faults that stop the request before the platform logic runs: the client gets no usable
# answer, so nothing is recorded as done (no ack, no accept, no cooldown window).
TRANSPORT_FAULTS = frozenset({"server_error", "rate_limited", "timeout", "reset"})
# Faults that spoil a reply the platform did produce, so badly that the client cannot read it.
BODY_FAULTS = frozenset({"truncated", "malformed"})
# Schema drift: the reply stays readable JSON but its shape differs from the docs.
DRIFT_FAULTS = frozenset({"missing_field", "unknown_field", "wrong_type"})
FAULT_KINDS = TRANSPORT_FAULTS | BODY_FAULTS | DRIFT_FAULTS | {"latency"}


class Fault:
    """One injected misbehaviour for the next ``count`` requests to ``endpoint`` ("*" = any).

    ``params`` per kind, with their defaults:

    - latency: ``ms=1000`` extra delay, then a normal answer
    - server_error: ``status=500`` (502, 503...) with the platform's error body
    - rate_limited: 429 with ``Retry-After: <retry_after=1>``
    - timeout: hold the request ``seconds=30`` without answering, then drop the connection
    - reset: drop the connection without answering
    - truncated / malformed: status 200, the body cut in half / an HTML page
    - missing_field / wrong_type: ``field`` (dotted path) in the first ``how_many=1`` orders
    - unknown_field: extra keys in every order and the envelope (``fields`` to choose them)
    """

    __slots__ = ("count", "endpoint", "kind", "params")

    def __init__(
        self, kind: str, endpoint: str = "get-current", count: int = 1, **params: Any
    ) -> None:
        if kind not in FAULT_KINDS:
            raise ValueError(f"unknown fault kind {kind!r}; known: {sorted(FAULT_KINDS)}")
        if count < 1:
            raise ValueError("count must be at least 1")
        self.kind = kind
        self.endpoint = endpoint
        self.count = count
        self.params = params

    def __repr__(self) -> str:
        extra = "".join(f", {k}={v!r}" for k, v in self.params.items())
        return f"Fault({self.kind!r}, endpoint={self.endpoint!r}, count={self.count}{extra})"

    def matches(self, endpoint: str) -> bool:
        return self.endpoint in ("*", endpoint)

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "endpoint": self.endpoint, "count": self.count, **self.params}


class FaultQueue:
    """Faults waiting to be applied, oldest first; each is used up after ``count`` requests."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._faults: list[Fault] = []

    def add(self, fault: Fault) -> None:
        with self._lock:
            # A private copy, so the caller's object can be reused and our count may run down.
            self._faults.append(Fault(fault.kind, fault.endpoint, fault.count, **fault.params))

    def take(self, endpoint: str) -> Fault | None:
        """The fault to apply to one request to ``endpoint``, or None; uses one of its count."""
        with self._lock:
            for fault in self._faults:
                if fault.matches(endpoint):
                    fault.count -= 1
                    if fault.count == 0:
                        self._faults.remove(fault)
                    return fault
            return None

    def pending(self) -> list[Fault]:
        with self._lock:
            return [Fault(f.kind, f.endpoint, f.count, **f.params) for f in self._faults]

    def clear(self) -> None:
        with self._lock:
            self._faults.clear()


@dataclass
class RecordedRequest:
    """One request as the simulator received it, completed once it has been answered.

    ``path`` is relative to the platform's base URL; ``status_code`` stays None while the
    request is in flight and when no HTTP status ever reached the client (reset, timeout).
    """

    time: float  # time.monotonic() at arrival
    method: str
    path: str
    query: str  # the raw query string, e.g. "status_id=1"
    headers: dict[str, str]  # lower-case names
    body: bytes
    endpoint: str | None = None  # the platform's endpoint name ("success"), None if unknown
    status_code: int | None = None
    fault: str | None = None
    fault_params: dict[str, Any] = field(default_factory=dict)

    def copy(self) -> RecordedRequest:
        return dataclasses.replace(
            self, headers=dict(self.headers), fault_params=dict(self.fault_params)
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "time": self.time,
            "method": self.method,
            "path": self.path,
            "query": self.query,
            "headers": self.headers,
            "body": self.body.decode("utf-8", errors="replace"),
            "endpoint": self.endpoint,
            "status_code": self.status_code,
            "fault": self.fault,
        }


RequestCallback = Callable[[RecordedRequest], object]


class RequestLog:
    """Every request a platform simulator received, in arrival order, plus observer callbacks."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._requests: list[RecordedRequest] = []
        self._callbacks: list[RequestCallback] = []
        self._callback_errors: list[BaseException] = []

    def append(self, request: RecordedRequest) -> None:
        with self._lock:
            self._requests.append(request)
            callbacks = list(self._callbacks)
        # Outside the lock: a callback may well ask the simulator for its state.
        for callback in callbacks:
            try:
                callback(request)
            except Exception as exc:  # a failing observer must not take the server down
                with self._lock:
                    self._callback_errors.append(exc)

    def finish(self, request: RecordedRequest, status_code: int | None) -> None:
        """Note the status the client got (None: the connection was dropped instead)."""
        with self._lock:
            request.status_code = status_code

    def note_fault(self, request: RecordedRequest, fault: Fault) -> None:
        with self._lock:
            request.fault = fault.kind
            request.fault_params = dict(fault.params)

    def requests(self) -> list[RecordedRequest]:
        with self._lock:
            return [r.copy() for r in self._requests]

    def count(self) -> int:
        with self._lock:
            return len(self._requests)

    def add_callback(self, callback: RequestCallback) -> None:
        with self._lock:
            self._callbacks.append(callback)

    def callback_errors(self) -> list[BaseException]:
        with self._lock:
            return list(self._callback_errors)

    def clear(self) -> None:
        """Forget requests, callbacks and their errors (a fresh start between tests)."""
        with self._lock:
            self._requests.clear()
            self._callbacks.clear()
            self._callback_errors.clear()
