"""``posbridge headless``: the bridge with no window, until SIGINT or SIGTERM."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from pathlib import Path

from app.config import AppConfig
from app.engine.bridge import Bridge
from app.engine.events import (
    AccountHealth,
    ActionUpdate,
    EventBus,
    EventName,
    HealthState,
    OrderQuarantined,
    OrderSaved,
)
from app.store.errors import StoreError

log = logging.getLogger("posbridge")

EXIT_OK = 0
EXIT_NO_ACCOUNT = 2
EXIT_STORE = 3


def _log_events(events: EventBus) -> None:
    def saved(e: OrderSaved) -> None:
        log.info("order %s (%s) saved: %s", e.display_id, e.account, e.status.value)

    def quarantined(e: OrderQuarantined) -> None:
        log.warning("unreadable order kept aside (%s, %s): %s", e.account, e.order_id, e.reason)

    def failed(e: ActionUpdate) -> None:
        log.warning("%s of %s (%s) failed: %s", e.kind.value, e.order_id, e.account, e.detail)

    last: dict[str, HealthState] = {}

    def health(e: AccountHealth) -> None:
        if last.get(e.account) != e.state:
            last[e.account] = e.state
            level = (
                logging.INFO
                if e.state in (HealthState.OK, HealthState.STARTING)
                else logging.WARNING
            )
            log.log(level, "account %s: %s. %s", e.account, e.state.value, e.message)

    events.subscribe(EventName.ORDER_SAVED, saved)
    events.subscribe(EventName.ORDER_QUARANTINED, quarantined)
    events.subscribe(EventName.ACTION_FAILED, failed)
    events.subscribe(EventName.ACCOUNT_HEALTH, health)


async def run(config: AppConfig, data_dir: Path) -> int:
    events = EventBus()
    _log_events(events)
    bridge = Bridge(config, data_dir, events)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        # Windows has no add_signal_handler: Ctrl+C arrives there as KeyboardInterrupt.
        with contextlib.suppress(NotImplementedError, RuntimeError):
            loop.add_signal_handler(sig, stop.set)
    try:
        await bridge.start()
    except StoreError as exc:
        log.error("%s", exc)
        await bridge.stop()
        return EXIT_STORE
    if not bridge.pollers:
        log.error("No account could start; nothing to do. Fix the configuration and start again.")
        await bridge.stop()
        return EXIT_NO_ACCOUNT
    log.info(
        "POS Bridge is running headless with %d account(s); data in %s",
        len(bridge.pollers),
        data_dir,
    )
    try:
        await stop.wait()
    finally:
        log.info("stopping: what was not sent stays in the outbox for the next start")
        await bridge.stop()
    return EXIT_OK
