"""Serve the platform simulators on 127.0.0.1: in a background thread, or as a process.

    with SimServer(seed=1, cooldown_seconds=0.05) as sim:
        sim.dukkango.add_orders(3)
        ... point an account at sim.dukkango_base_url ...

Each platform answers under its own prefix (/dukkango/api/integrations, later /crux/timp and
/walmart/v3/ca) and is driven under /_sim/<platform>/ by tests or benchmarks in another
process. uvicorn runs in a thread with its own event loop and no logging setup of its own.
"""

from __future__ import annotations

import contextlib
import logging
import signal
import socket
import sys
import threading
import time
from types import FrameType, TracebackType
from typing import Any

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Mount, Route
from starlette.types import Receive, Scope, Send

from app.sim.dukkango import DEMO_APP_SECRET, DEMO_REST_SECRET, DEMO_TOKEN, DukkangoSim
from app.sim.platform import ControlError, DropConnection, PlatformSim

HOST = "127.0.0.1"
_STARTUP_TIMEOUT_SECONDS = 10.0


class SimApp:
    """The ASGI app: each platform under its prefix, the control API under /_sim/."""

    def __init__(self, platforms: list[PlatformSim]) -> None:
        self._platforms = platforms
        self._control = Starlette(
            routes=[
                Route("/_sim/health", _health, methods=["GET"]),
                *(Mount(f"/_sim/{p.name}", routes=p.control_routes()) for p in platforms),
            ],
            exception_handlers={ControlError: _control_error},
        )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            path = scope["path"]
            for platform in self._platforms:
                if path.startswith(platform.prefix + "/"):
                    await platform(scope, receive, send)
                    return
        await self._control(scope, receive, send)


async def _health(request: Request) -> JSONResponse:
    return JSONResponse({"ok": True})


async def _control_error(request: Request, exc: Exception) -> JSONResponse:
    return JSONResponse({"error": str(exc)}, status_code=400)


class _QuietDrops(logging.Filter):
    """Hide uvicorn's "Exception in ASGI application" for connections we drop on purpose."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not (record.exc_info and isinstance(record.exc_info[1], DropConnection))


_quiet_drops = _QuietDrops()


class SimServer:
    """Every platform simulator behind one loopback HTTP server running in its own thread."""

    def __init__(
        self,
        seed: int = 1,
        cooldown_seconds: float = 30.0,
        latency_ms: int = 0,
        token_ttl_seconds: float = 86400,
    ) -> None:
        self.dukkango = DukkangoSim(
            seed=seed,
            cooldown_seconds=cooldown_seconds,
            latency_ms=latency_ms,
            token_ttl_seconds=token_ttl_seconds,
        )
        self.platforms: list[PlatformSim] = [self.dukkango]
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None
        self._port: int | None = None

    @property
    def port(self) -> int:
        if self._port is None:
            raise RuntimeError("the simulator is not running; call start() first")
        return self._port

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}"

    @property
    def dukkango_base_url(self) -> str:
        return self.url + DukkangoSim.prefix

    def start(self, port: int = 0) -> None:
        """Serve on 127.0.0.1:``port`` (0 = any free port); returns once it is listening."""
        if self._thread is not None:
            raise RuntimeError("already started")
        # Bind here, not in uvicorn, so the port is known (port 0) and a clash fails loudly.
        # proto=IPPROTO_TCP matters: asyncio sets TCP_NODELAY only on sockets that say so, and
        # without it every response waits ~40 ms for a delayed ACK (head and body are 2 writes).
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((HOST, port))
        except OSError:
            sock.close()
            raise
        self._port = sock.getsockname()[1]
        logging.getLogger("uvicorn.error").addFilter(_quiet_drops)
        for platform in self.platforms:
            platform.resume()
        config = uvicorn.Config(
            SimApp(self.platforms),
            log_config=None,  # leave the host program's logging alone
            access_log=False,
            lifespan="off",
            loop="asyncio",
            interface="asgi3",
            ws="none",  # no websockets, and no import of a websockets library that may warn
            timeout_graceful_shutdown=1,
        )
        server = uvicorn.Server(config)
        thread = threading.Thread(
            target=_serve, args=(server, sock), name=f"sim-server-{self._port}", daemon=True
        )
        self._server, self._thread = server, thread
        thread.start()
        deadline = time.monotonic() + _STARTUP_TIMEOUT_SECONDS
        while not server.started:
            if not thread.is_alive() or time.monotonic() > deadline:
                self._server = self._thread = self._port = None
                sock.close()
                raise RuntimeError(f"the simulator did not start on {HOST}:{port}")
            time.sleep(0.005)

    def stop(self) -> None:
        """Stop promptly, even with requests held by a "timeout" fault. Idempotent."""
        server, thread = self._server, self._thread
        if server is None or thread is None:
            return
        for platform in self.platforms:
            platform.begin_shutdown()  # wakes held requests and stops demo streams
        server.should_exit = True
        thread.join(timeout=1.5)
        if thread.is_alive():  # something still hangs: stop waiting for it
            server.force_exit = True
            thread.join(timeout=1.0)
        self._server = self._thread = None

    def __enter__(self) -> SimServer:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    def banner(self) -> list[str]:
        """One line per platform: its base URL and the credentials the demo accepts."""
        return [
            f"dukkango {self.dukkango_base_url} access_token={DEMO_TOKEN} "
            f"app_secret_key={DEMO_APP_SECRET} rest_secret_key={DEMO_REST_SECRET}"
        ]


def _serve(server: uvicorn.Server, sock: socket.socket) -> None:
    with sock:
        server.run(sockets=[sock])


def serve_forever(
    port: int = 8765,
    seed: int = 1,
    cooldown_seconds: float = 30.0,
    latency_ms: int = 0,
    stream: bool = False,
    stream_interval_seconds: float = 10.0,
    token_ttl_seconds: float = 86400,
) -> None:
    """Run the simulators in this process until SIGINT or SIGTERM (``posbridge sim``).

    Prints one line per platform (name, base URL, demo credentials) on stdout, then serves.
    """
    sim = SimServer(
        seed=seed,
        cooldown_seconds=cooldown_seconds,
        latency_ms=latency_ms,
        token_ttl_seconds=token_ttl_seconds,
    )
    stop = threading.Event()

    def on_signal(signum: int, frame: FrameType | None) -> None:
        stop.set()

    sim.start(port)
    previous: dict[signal.Signals, Any] = {}
    try:
        if threading.current_thread() is threading.main_thread():
            for sig in (signal.SIGINT, signal.SIGTERM):
                previous[sig] = signal.signal(sig, on_signal)
        if stream:
            sim.dukkango.start_stream(stream_interval_seconds)
        for line in sim.banner():
            print(line)
        print(f"control {sim.url}/_sim/", file=sys.stderr)
        sys.stdout.flush()
        # A timed wait, so the signal handler gets to run promptly on every platform.
        while not stop.wait(0.5):
            pass
    finally:
        sim.stop()
        for sig, handler in previous.items():
            signal.signal(sig, handler)


if __name__ == "__main__":
    with contextlib.suppress(KeyboardInterrupt):
        serve_forever(port=int(sys.argv[1]) if len(sys.argv) > 1 else 8765)
