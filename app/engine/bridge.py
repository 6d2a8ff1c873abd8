"""The bridge: every account's poller, the outbox sender and the store, on one asyncio loop.

The same object runs under the window (on qasync's loop) and headless (``asyncio.run``). It
knows nothing of Qt; the window listens to ``events``.
"""

from __future__ import annotations

import asyncio
import gc
import logging
import sys
import time
from pathlib import Path

from app.config import AccountConfig, AppConfig
from app.credentials import CredentialError, resolve
from app.engine.backoff import Backoff
from app.engine.events import (
    AccountHealth,
    ActionUpdate,
    EventBus,
    EventName,
    HealthState,
    OrderUpdated,
)
from app.engine.outbox import OutboxSender
from app.engine.poller import Poller
from app.engine.writer import StoreWriter
from app.model import Action, ActionKind, Order
from app.providers.base import Cancels, OrderSource, action_problem
from app.providers.http import AuthError
from app.providers.registry import UnsupportedProvider, create_source
from app.store.store import ActionRefused, OutboxItem, Store

log = logging.getLogger(__name__)

PREPARING_TIME_PRESETS = [10, 15, 20, 30, 45]
WATCHDOG_SECONDS = 1.0


class Bridge:
    def __init__(
        self,
        config: AppConfig,
        data_dir: Path,
        events: EventBus | None = None,
        *,
        sender_concurrency: int = 32,
        stall_after_seconds: float | None = None,
        retry_base_seconds: float = 0.5,
        poll_retry_base_seconds: float = 1.0,
    ) -> None:
        self.config = config
        self.data_dir = data_dir
        self.events = events or EventBus()
        self._writer = StoreWriter(data_dir)
        self.sources: dict[str, OrderSource] = {}
        self.pollers: dict[str, Poller] = {}
        self._problems: dict[str, AccountHealth] = {}  # accounts that could not even start
        self._tasks: list[asyncio.Task[None]] = []
        self.sender = OutboxSender(
            self._writer,
            self.sources,
            self.events,
            concurrency=sender_concurrency,
            backoff=Backoff(base=retry_base_seconds, cap=120.0),
        )
        self._poll_retry_base = poll_retry_base_seconds
        self._stopped = False
        self._started = False
        self._stall_after = stall_after_seconds

    @property
    def store(self) -> Store:
        if self._writer.store is None:
            raise RuntimeError("the bridge has not been started")
        return self._writer.store

    async def start(self) -> None:
        """Open the database, resume what was pending, start polling. A store failure (no
        disk space, read-only folder) raises StoreError; a bad account only stops that
        account, which is reported through its health."""
        # The loop and the writer thread share the GIL. Python hands it over every 5 ms by
        # default; 1 ms keeps the loop responsive while the writer saves a burst.
        sys.setswitchinterval(0.001)
        await self._writer.open()
        self._started = True
        for account in self.config.accounts:
            try:
                # Reading the keyring and loading TLS certificates block: not on the loop.
                self.sources[account.name] = await asyncio.to_thread(self._make_source, account)
            except (CredentialError, AuthError, UnsupportedProvider) as exc:
                self._account_problem(account, str(exc))
        self.sender.start()
        resumed = await self.sender.resume()
        if resumed:
            log.info("resuming %d pending outbox item(s) from the last run", resumed)
        for account in self.config.accounts:
            source = self.sources.get(account.name)
            if source is None:
                continue
            poller = Poller(
                account,
                source,
                self._writer,
                self.sender,
                self.events,
                retry_base_seconds=self._poll_retry_base,
            )
            self.pollers[account.name] = poller
            self._tasks.append(asyncio.create_task(poller.run(), name=f"poll-{account.name}"))
        self._tasks.append(asyncio.create_task(self._watchdog(), name="poll-watchdog"))
        # Everything made so far lives as long as the program: keep it out of the garbage
        # collector's full passes, which otherwise scan it during every burst.
        gc.freeze()

    def _make_source(self, account: AccountConfig) -> OrderSource:
        secrets = {key: resolve(account.name, key, ref) for key, ref in account.credentials.items()}
        return create_source(account, secrets)

    def _account_problem(self, account: AccountConfig, message: str) -> None:
        log.error("%s", message)
        health = AccountHealth(
            account.name,
            account.provider.value,
            HealthState.NEEDS_CREDENTIALS,
            message,
            None,
            None,
            None,
            0,
        )
        self._problems[account.name] = health
        self.events.emit(EventName.ACCOUNT_HEALTH, health)

    async def _watchdog(self) -> None:
        """A poller that has not finished a cycle for far longer than it should is stalled:
        say so (invariant 7) rather than show a quiet, empty table."""
        while True:
            await asyncio.sleep(WATCHDOG_SECONDS)
            now = time.monotonic()
            for poller in self.pollers.values():
                if poller.busy_since is None:
                    continue
                # One poll interval, as invariant 7 asks, but never less than one call's deadline.
                limit = self._stall_after or max(
                    poller.interval, poller.account.timeout_seconds + 10
                )
                quiet = now - poller.busy_since
                if quiet > limit and poller.state is not HealthState.STALLED:
                    poller.state = HealthState.STALLED
                    poller.message = (
                        f"No answer from the poller for {quiet:.0f} s. Orders may not be coming "
                        "in: restart POS Bridge if this stays."
                    )
                    self.events.emit(EventName.ACCOUNT_HEALTH, poller.health())

    async def stop(self) -> None:
        """One idempotent way out: stop polling, let the sender record what was answered,
        let the writer finish its transaction, close. What was not sent stays in the outbox."""
        if self._stopped:
            return
        self._stopped = True
        for task in self._tasks:
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        if self._started:
            await self.sender.stop()
        for source in self.sources.values():
            try:
                await source.aclose()
            except Exception:  # closing a broken connection must not stop the shutdown
                log.exception("closing the connection of %s failed", source.account)
        await asyncio.get_running_loop().run_in_executor(None, self._writer.close)
        for name, poller in self.pollers.items():
            poller.state = HealthState.STOPPED
            self.events.emit(EventName.ACCOUNT_HEALTH, poller.health())
            del name

    # -- what the window asks -----------------------------------------------------------------

    async def request_action(self, account: str, action: Action) -> OutboxItem:
        """Write a staff action to the outbox (committed) and send it. Raises ActionRefused
        with a sentence for the staff when it cannot be queued."""
        source = self.sources.get(account)
        if source is None:
            raise ActionRefused(
                f"Account '{account}' is not running; check its credentials.", "account_down"
            )
        stored = await self._writer.call(self.store.get_order, account, action.order_id)
        if stored is None:
            raise ActionRefused(
                f"Order {action.order_id} is not in this database.", "unknown_order"
            )
        if action.kind not in source.allowed_actions(stored.order):
            raise ActionRefused(
                f"Order {stored.order.display_id}: this cannot be done in its current state.",
                "not_allowed",
            )
        problem = action_problem(source, action)
        if problem is not None:
            raise ActionRefused(
                f"Order {stored.order.display_id}: {action.kind.value} not sent: {problem}.",
                "bad_request",
            )
        item = await self._writer.call(self.store.queue_action, account, action)
        self.sender.submit([item])
        self.events.emit(
            EventName.ACTION_QUEUED, ActionUpdate(account, action.order_id, action.kind, "pending")
        )
        return item

    def allowed_actions(self, order: Order) -> frozenset[ActionKind]:
        source = self.sources.get(order.account)
        return frozenset() if source is None else source.allowed_actions(order)

    def cancel_reasons(self, account: str) -> list[tuple[int, str]]:
        source = self.sources.get(account)
        return source.cancel_reasons() if isinstance(source, Cancels) else []

    def preparing_time_presets(self) -> list[int]:
        return list(PREPARING_TIME_PRESETS)

    async def mark_seen(self, account: str, order_id: str) -> None:
        if await self._writer.call(self.store.mark_seen, account, order_id):
            self.events.emit(EventName.ORDER_UPDATED, OrderUpdated(account, order_id, "seen"))

    async def confirm_cancellation_seen(self, account: str, order_id: str) -> None:
        if await self._writer.call(self.store.confirm_cancellation_seen, account, order_id):
            self.events.emit(
                EventName.ORDER_UPDATED, OrderUpdated(account, order_id, "cancellation_confirmed")
            )

    async def dismiss_quarantined(self, quarantine_id: int) -> bool:
        return await self._writer.call(self.store.dismiss_quarantined, quarantine_id)

    def health(self) -> dict[str, AccountHealth]:
        result = dict(self._problems)
        result.update({name: p.health() for name, p in self.pollers.items()})
        return result
