"""Demo mode: the real bridge and window against the built-in simulator, in a temporary folder.

A newcomer types ``posbridge --demo`` and sees the product work: a few orders at once, then a
steady stream of new ones, with cancellations and courier progress among them.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from pathlib import Path

from app.config import AccountConfig, AppConfig
from app.model import Provider
from app.sim.dukkango import DEMO_TOKEN
from app.sim.server import SimServer

log = logging.getLogger(__name__)

TOKEN_VARIABLE = "POSBRIDGE_DEMO_DUKKANGO_TOKEN"
DEMO_ACCOUNT = "Kadıköy Şube"
STREAM_INTERVAL_SECONDS = 8.0  # a busy evening: a new order every 4-12 s
POLL_SECONDS = 1.0  # the simulator has no 30 s rule; the real platform does (see PROVIDERS.md)
FIRST_ORDERS = 3  # on screen at the first poll, well within 3 s


class Demo:
    """Starts and stops the simulator; gives the configuration that points at it."""

    def __init__(self, data_dir: str | None = None, seed: int = 7) -> None:
        self._owns_folder = data_dir is None
        self.data_dir = (
            Path(data_dir) if data_dir else Path(tempfile.mkdtemp(prefix="posbridge-demo-"))
        )
        self.sim = SimServer(seed=seed, cooldown_seconds=POLL_SECONDS / 2)

    def start(self) -> AppConfig:
        """Blocking for a few milliseconds while the server binds: call it off the loop."""
        self.sim.start()
        # The demo token is a simulator constant, not a secret; it still travels the way real
        # secrets do (a reference in the config, the value in the environment).
        os.environ[TOKEN_VARIABLE] = DEMO_TOKEN
        self.sim.dukkango.add_orders(FIRST_ORDERS)
        self.sim.dukkango.start_stream(interval_seconds=STREAM_INTERVAL_SECONDS)
        log.info("demo: simulator on %s, data in %s", self.sim.url, self.data_dir)
        return AppConfig(
            accounts=(
                AccountConfig(
                    name=DEMO_ACCOUNT,
                    provider=Provider.DUKKANGO,
                    base_url=self.sim.dukkango_base_url,
                    poll_seconds=POLL_SECONDS,
                    cooldown_seconds=POLL_SECONDS / 2,
                    timeout_seconds=5.0,
                    credentials={"token": f"env:{TOKEN_VARIABLE}"},
                ),
            )
        )

    def stop(self) -> None:
        """Blocking up to a couple of seconds (the server thread joins): call it off the loop."""
        self.sim.stop()

    def remove_folder(self) -> None:
        if self._owns_folder:
            shutil.rmtree(self.data_dir, ignore_errors=True)
