"""Background demo traffic for the Dükkango simulator: a shop's evening, compressed.

New orders arrive at random intervals; now and then a customer cancels an order nobody has
accepted yet, or the platform's own courier ("fuudy") picks up and delivers an accepted order.
Every choice comes from a seeded rng; only the timing (and what the bridge does) varies.
"""

from __future__ import annotations

import random
import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.sim.dukkango import DukkangoSim

FIRST_ORDER_WITHIN_SECONDS = 3.0


class OrderStream:
    def __init__(self, sim: DukkangoSim, rng: random.Random, interval_seconds: float) -> None:
        if interval_seconds <= 0:
            raise ValueError("interval_seconds must be positive")
        self._sim = sim
        self._rng = rng
        self._interval = interval_seconds
        self._stopped = threading.Event()
        self._thread = threading.Thread(target=self._run, name="dukkango-stream", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stopped.set()
        if self._thread.is_alive() and self._thread is not threading.current_thread():
            self._thread.join(timeout=2)

    def _run(self) -> None:
        # The demo must show something at once: the first order comes within 3 s.
        first = min(self._interval, FIRST_ORDER_WITHIN_SECONDS) * self._rng.uniform(0.2, 0.9)
        if self._stopped.wait(first):
            return
        self._sim.add_orders(1)
        while not self._stopped.wait(self._interval * self._rng.uniform(0.5, 1.5)):
            try:
                self.step()
            except KeyError:  # an order vanished under us (a reset): just go on
                continue

    def step(self) -> None:
        """One event: mostly a new order, sometimes a cancellation or courier progress."""
        orders = self._sim.snapshot()
        unaccepted = [o["payment_key"] for o in orders if o["status_id"] == 1]
        # Only orders the restaurant has accepted move on; the platform's courier then takes
        # them (2 → 16) and delivers them (16 → 5).
        moving = [
            (o["payment_key"], o["status_id"])
            for o in orders
            if o["courier_type"] == "fuudy" and o["status_id"] in (2, 16)
        ]
        roll = self._rng.random()
        if roll < 0.12 and unaccepted:
            self._sim.cancel_by_customer(self._rng.choice(unaccepted))
        elif roll < 0.4 and moving:
            key, status = self._rng.choice(moving)
            self._sim.set_status(key, 16 if status == 2 else 5)
        else:
            self._sim.add_orders(2 if roll > 0.92 else 1)  # now and then two at once
