"""The HTTP layer every connector shares: one error class per kind of failure, an overall
deadline per call, and Retry-After read the way RFC 9110 allows (seconds or a date).

Retrying itself lives with the callers that own the state: the poller for the feed (it must
keep the platform's cooldown) and the outbox for acknowledgements and actions (its retries
survive restarts).
"""

from __future__ import annotations

import asyncio
import email.utils
import functools
import ssl
import time
from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime
from typing import Any

# httpcore loads anyio's asyncio backend at the first request. Loading it here, at start-up,
# keeps that import (slow under the window, where PySide6 inspects every imported module's
# source) out of the first burst of orders.
import anyio._backends._asyncio
import anyio.streams.tls  # noqa: F401
import httpx

from app.credentials import redact


class ProviderError(Exception):
    """Base of every failure talking to a platform. ``str()`` is a sentence for the staff."""


class TransientError(ProviderError):
    """Worth trying again later: no answer, a timeout, 5xx, or throttling (429)."""

    def __init__(self, message: str, retry_after: float | None = None, offline: bool = False):
        super().__init__(message)
        self.retry_after = retry_after
        self.offline = offline  # the platform could not be reached at all


class AuthError(ProviderError):
    """The platform refused our credentials, even after logging in again."""


class RejectedError(ProviderError):
    """The platform answered definitively no (4xx): sending again will not help."""

    def __init__(self, message: str, status_code: int, platform_text: str = ""):
        super().__init__(message)
        self.status_code = status_code
        self.platform_text = platform_text


class UnreadableReply(ProviderError):
    """A reply that is not what the documentation promises (truncated, HTML, wrong shape)."""

    def __init__(self, message: str, raw: bytes = b""):
        super().__init__(message)
        self.raw = raw


def parse_retry_after(value: str | None, now: float | None = None) -> float | None:
    if not value:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    now = time.time() if now is None else now
    return max(0.0, when.timestamp() - now)


@functools.cache
def ssl_context() -> ssl.SSLContext:
    """Loading the CA bundle costs 50-150 ms: do it once per process, off the event loop
    (the first call happens while the connectors are built in a worker thread)."""
    return httpx.create_ssl_context()


class _ReleasingStream(httpx.AsyncByteStream):
    """A response body that says when it is closed, so its pool counts it busy until then."""

    def __init__(self, inner: httpx.AsyncByteStream, release: Callable[[], None]) -> None:
        self._inner = inner
        self._release: Callable[[], None] | None = release

    async def __aiter__(self) -> AsyncIterator[bytes]:
        async for chunk in self._inner:
            yield chunk

    async def aclose(self) -> None:
        try:
            await self._inner.aclose()
        finally:
            if self._release is not None:
                self._release()
                self._release = None


class ShardedTransport(httpx.AsyncBaseTransport):
    """Several small connection pools instead of one large one.

    httpcore looks at every connection of its pool for every request (an expiry check with a
    system call each), so with 32 requests in flight a request cost about 4 ms of CPU instead
    of 1.3 ms (tests/bench/bench_burst.py). Spreading the requests over pools of a few
    connections each keeps that scan short; each request goes to the least busy pool.
    """

    def __init__(self, shards: int = 8, connections_per_shard: int = 8) -> None:
        limits = httpx.Limits(
            max_connections=connections_per_shard,
            max_keepalive_connections=connections_per_shard,
        )
        self._pools = [
            httpx.AsyncHTTPTransport(limits=limits, verify=ssl_context()) for _ in range(shards)
        ]
        self._busy = [0] * shards

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        index = min(range(len(self._pools)), key=self._busy.__getitem__)
        self._busy[index] += 1

        def release() -> None:
            self._busy[index] -= 1

        try:
            response = await self._pools[index].handle_async_request(request)
        except BaseException:
            release()
            raise
        assert isinstance(response.stream, httpx.AsyncByteStream)
        response.stream = _ReleasingStream(response.stream, release)
        return response

    async def aclose(self) -> None:
        for pool in self._pools:
            await pool.aclose()


def make_client(base_url: str, timeout_seconds: float) -> httpx.AsyncClient:
    """One client per account, with explicit timeouts (httpx's read timeout is per chunk, so
    ``send`` adds an overall deadline)."""
    return httpx.AsyncClient(
        base_url=base_url,
        timeout=httpx.Timeout(timeout_seconds, connect=min(10.0, timeout_seconds)),
        transport=ShardedTransport(),
        headers={"User-Agent": "POSBridge/0.1", "Accept": "application/json"},
        follow_redirects=False,
    )


async def send(
    client: httpx.AsyncClient,
    method: str,
    path: str,
    *,
    deadline: float,
    headers: dict[str, str] | None = None,
    json: Any = None,
    content: bytes | None = None,
) -> httpx.Response:
    """One request with an overall deadline; transport failures become TransientError."""
    try:
        async with asyncio.timeout(deadline):
            return await client.request(method, path, headers=headers, json=json, content=content)
    except TimeoutError:
        raise TransientError(
            f"The platform did not answer within {deadline:.0f} s.", offline=True
        ) from None
    except httpx.TimeoutException:
        raise TransientError("The platform did not answer in time.", offline=True) from None
    except httpx.ConnectError as exc:
        raise TransientError(
            f"Cannot reach the platform ({redact(str(exc)) or 'connection refused'}). "
            "Check the internet connection.",
            offline=True,
        ) from None
    except httpx.TransportError as exc:
        raise TransientError(
            f"The connection to the platform broke ({type(exc).__name__}).", offline=True
        ) from None


def now_utc() -> datetime:
    return datetime.now(UTC)
