"""The link between the window and its engine process: one JSON object per line, over loopback.

The window runs the engine (pollers, outbox sender, writer) in a process of its own, so the
acknowledgement traffic of a burst never shares a GIL or an event loop with the table on
screen. The window listens on 127.0.0.1, starts ``posbridge engine --link PORT`` with a one-time
token in its environment, and the engine connects back. Messages:

    engine → window   hello {token, version}         first, proves who is calling
    window → engine   start {config, data_dir}        the accounts (credential references only)
    engine → window   ready {running, health} / failed {kind, message}
    engine → window   event {name, data}              every engine event, in order
    window → engine   call {id, method, args}         staff actions, seen, ping, stop
    engine → window   reply {id, result} / reply {id, error: {kind, message, code}}

Nothing secret crosses the link: the configuration holds ``keyring:``/``env:`` references,
which the engine resolves itself.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import enum
import functools
import json
import types
import typing
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

from app.config import AccountConfig, AppConfig
from app.engine.events import (
    AccountHealth,
    ActionUpdate,
    EventName,
    OrderAcked,
    OrderQuarantined,
    OrderSaved,
    OrderUpdated,
)

PROTOCOL_VERSION = 1
TOKEN_VARIABLE = "POSBRIDGE_LINK_TOKEN"
MAX_LINE_BYTES = 16 * 1024 * 1024  # a reply never comes near this; a runaway line is an error

EVENT_TYPES: dict[EventName, type] = {
    EventName.ORDER_SAVED: OrderSaved,
    EventName.ORDER_ACKED: OrderAcked,
    EventName.ORDER_QUARANTINED: OrderQuarantined,
    EventName.ACTION_QUEUED: ActionUpdate,
    EventName.ACTION_SENT: ActionUpdate,
    EventName.ACTION_FAILED: ActionUpdate,
    EventName.ACCOUNT_HEALTH: AccountHealth,
    EventName.ORDER_UPDATED: OrderUpdated,
}

T = TypeVar("T")


class LinkClosed(Exception):
    """The other side went away (it stopped, crashed, or closed the connection)."""


class LinkError(Exception):
    """The other side sent something that is not this protocol."""


# -- values -------------------------------------------------------------------------------------


def to_wire(value: Any) -> Any:
    """A dataclass (or list, dict, enum, datetime) as plain JSON values."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_wire(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, Path):
        return str(value)
    if isinstance(value, list | tuple):
        return [to_wire(v) for v in value]
    if isinstance(value, dict):
        return {str(k): to_wire(v) for k, v in value.items()}
    return value


def from_wire(cls: type[T], data: dict[str, Any]) -> T:
    """The dataclass ``cls`` back from ``to_wire``'s dict; enums and datetimes restored from the
    field types. Unknown keys are ignored (a newer engine may send more)."""
    key: Any = cls  # classes are hashable; mypy cannot see it through type[T]
    values = {}
    for name, restore in _restorers(key):
        if name in data:
            value = data[name]
            values[name] = value if restore is None or value is None else restore(value)
    return cls(**values)


@functools.cache
def _restorers(cls: Any) -> tuple[tuple[str, Callable[[Any], Any] | None], ...]:
    """Per field of ``cls``: how to turn its JSON value back into the field's type (worked out
    once per class: a burst brings thousands of events)."""
    hints = typing.get_type_hints(cls)
    return tuple((f.name, _restorer(hints[f.name])) for f in dataclasses.fields(cls))


def _restorer(hint: Any) -> Callable[[Any], Any] | None:
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(hint) if a is not type(None)]
        if len(options) == 1:
            hint = options[0]
    if hint is datetime:
        return datetime.fromisoformat
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return hint
    if typing.get_origin(hint) is tuple:
        return tuple
    return None


def config_to_wire(config: AppConfig) -> dict[str, Any]:
    return {"accounts": [to_wire(account) for account in config.accounts]}


def config_from_wire(data: dict[str, Any]) -> AppConfig:
    return AppConfig(tuple(from_wire(AccountConfig, a) for a in data.get("accounts", [])))


def event_to_wire(name: EventName, payload: Any) -> dict[str, Any]:
    return {"type": "event", "name": name.value, "data": to_wire(payload)}


def event_from_wire(message: dict[str, Any]) -> tuple[EventName, Any] | None:
    """The event of an ``event`` message; None for an event this window does not know."""
    try:
        name = EventName(message["name"])
    except (KeyError, ValueError):
        return None
    return name, from_wire(EVENT_TYPES[name], message["data"])


# -- framing ------------------------------------------------------------------------------------


def encode(message: dict[str, Any]) -> bytes:
    return json.dumps(message, ensure_ascii=False, separators=(",", ":")).encode() + b"\n"


def decode(line: bytes) -> dict[str, Any]:
    try:
        message = json.loads(line)
    except ValueError as exc:
        raise LinkError(f"not a link message: {line[:80]!r}") from exc
    if not isinstance(message, dict) or "type" not in message:
        raise LinkError(f"not a link message: {line[:80]!r}")
    return message


class Link:
    """One end of the connection. Sending never blocks the loop: messages sent within one loop
    turn leave together in a single write (a burst's thousands of events cost few syscalls)."""

    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self._reader = reader
        self._writer = writer
        self._outgoing: list[bytes] = []
        self._flush_scheduled = False
        self._pending = b""
        self.closed = False

    def send(self, message: dict[str, Any]) -> None:
        if self.closed:
            return
        self._outgoing.append(encode(message))
        if not self._flush_scheduled:
            self._flush_scheduled = True
            asyncio.get_running_loop().call_soon(self._flush)

    def _flush(self) -> None:
        self._flush_scheduled = False
        if self._outgoing and not self.closed and not self._writer.is_closing():
            self._writer.write(b"".join(self._outgoing))
        self._outgoing.clear()

    async def drain(self) -> None:
        self._flush()
        if not self.closed and not self._writer.is_closing():
            try:
                await self._writer.drain()
            except (ConnectionError, OSError) as exc:
                raise LinkClosed(str(exc)) from exc

    async def receive(self) -> dict[str, Any]:
        """The next message; raises LinkClosed at the end of the stream."""
        await self._until_a_whole_line()
        line, _, self._pending = self._pending.partition(b"\n")
        return decode(line)

    async def receive_lines(self) -> list[bytes]:
        """Every complete message that has arrived (at least one), still encoded: the caller
        decodes them one by one, so that it can pause between them. Raises LinkClosed at the
        end of the stream."""
        await self._until_a_whole_line()
        complete, _, self._pending = self._pending.rpartition(b"\n")
        return [line for line in complete.split(b"\n") if line]

    async def _until_a_whole_line(self) -> None:
        while b"\n" not in self._pending:
            self._pending += await self._read()
            if len(self._pending) > MAX_LINE_BYTES:
                raise LinkError("a link message is far too long")

    async def _read(self) -> bytes:
        try:
            chunk = await self._reader.read(256 * 1024)
        except (ConnectionError, OSError) as exc:
            raise LinkClosed(str(exc)) from exc
        if not chunk:
            raise LinkClosed("the other side closed the link")
        return chunk

    async def close(self) -> None:
        if self.closed:
            return
        self._flush()
        self.closed = True
        self._writer.close()
        with contextlib.suppress(ConnectionError, OSError):  # already gone: nothing to close
            await self._writer.wait_closed()

