"""The counter: what the window does with the bridge. It turns engine events into rows, alerts,
banners and notifications, and staff taps into outbox actions.

Every slow thing is a task: reads go to the reader thread, actions to the bridge, dialogs are
awaited with ``open()``. Nothing here blocks the loop.
"""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QObject, QSettings, QTimer, Signal
from PySide6.QtWidgets import QDialog

from app.engine.events import (
    AccountHealth,
    ActionUpdate,
    EventBus,
    HealthState,
    OrderAcked,
    OrderQuarantined,
    OrderSaved,
    OrderUpdated,
)
from app.model import Action, ActionKind, Order, OrderStatus
from app.store.store import (
    ActionRefused,
    EventInfo,
    OrderSummary,
    OutboxItem,
    QuarantineInfo,
    Store,
    StoredOrder,
)
from ui import formatting
from ui.alerts import AlertCenter
from ui.asyncqt import StoreReader, TaskGroup, run_dialog
from ui.detail_pane import OrderDetails
from ui.dialogs.accept_dialog import AcceptDialog
from ui.dialogs.cancel_dialog import CancelDialog
from ui.dialogs.quit_dialog import QuitDialog
from ui.events_adapter import EventsAdapter
from ui.i18n import Translations
from ui.main_window import MainWindow
from ui.orders_feed import OrdersFeed
from ui.orders_model import (
    Category,
    OrdersTableModel,
    is_new_unseen,
    needs_cancel_confirmation,
    row_key,
)
from ui.sounds import SoundKind, SoundPlayer
from ui.tray import Tray

log = logging.getLogger(__name__)

BAD_HEALTH = {
    HealthState.OFFLINE,
    HealthState.NEEDS_CREDENTIALS,
    HealthState.STALLED,
    HealthState.RESTARTING,
}
MAX_NOTIFICATIONS_AT_ONCE = 3  # more new orders than this in one go: one notification for all


class BridgeLike(Protocol):
    """What the window needs of ``app.engine.bridge.Bridge`` (tests may pass a stand-in)."""

    @property
    def events(self) -> EventBus: ...
    @property
    def store(self) -> Store: ...
    async def request_action(self, account: str, action: Action) -> OutboxItem: ...
    def allowed_actions(self, order: Order) -> frozenset[ActionKind]: ...
    def cancel_reasons(self, account: str) -> list[tuple[int, str]]: ...
    def preparing_time_presets(self) -> list[int]: ...
    async def mark_seen(self, account: str, order_id: str) -> None: ...
    async def confirm_cancellation_seen(self, account: str, order_id: str) -> None: ...
    def health(self) -> dict[str, AccountHealth]: ...


def refusal_text(code: str) -> str:
    """Why the bridge would not queue an action, in the staff's language."""
    translate = QCoreApplication.translate
    if code == "already_pending":
        return translate("Counter", "it is already being sent to the platform.")
    if code == "not_allowed":
        return translate("Counter", "the order's current state does not allow it.")
    if code == "unknown_order":
        return translate("Counter", "this order is no longer in the database.")
    if code == "bad_request":
        return translate("Counter", "the request was incomplete; please report this to support.")
    if code == "engine_down":
        return translate(
            "Counter", "POS Bridge's order service is restarting; try again in a moment."
        )
    if code == "account_down":
        return translate(
            "Counter", "this platform account is not connected; check its credentials."
        )
    return translate("Counter", "it could not be queued.")


def read_details(
    store: Store, row_id: int
) -> tuple[StoredOrder, list[EventInfo], list[OutboxItem]] | None:
    """One order in full, its history and its outbox (reader thread)."""
    stored = store.get_order_by_row(row_id)
    if stored is None:
        return None
    return stored, store.history(row_id), store.outbox_for_order(row_id)


class Counter(QObject):
    """Wires the bridge, the model, the window, the tray and the alerts together."""

    shutdown_requested = Signal(str)  # why: "menu", "tray", ...
    details_shown = Signal(int)  # row key now in the detail pane (tests wait on it)

    def __init__(
        self,
        bridge: BridgeLike,
        window: MainWindow,
        model: OrdersTableModel,
        sounds: SoundPlayer,
        tray: Tray,
        settings: QSettings,
        translations: Translations | None = None,
        alerts: AlertCenter | None = None,
        confirm_quit: bool = True,
        parent: QObject | None = None,
    ) -> None:
        # Owned by the window, like everything the counter makes: Qt objects must be destroyed on
        # Qt's thread, never by Python's garbage collector running on some worker thread
        # ("QObject::~QObject: Timers cannot be stopped from another thread").
        super().__init__(parent if parent is not None else window)
        if settings.parent() is None:
            settings.setParent(self)  # QSettings keeps a timer to write changes back
        if tray.parent() is None:
            tray.setParent(self)
        self.bridge = bridge
        self.window = window
        self.model = model
        self.sounds = sounds
        self.tray = tray
        self.settings = settings
        self.translations = translations
        self.alerts = alerts or AlertCenter(sounds, parent=self)
        self.confirm_quit = confirm_quit
        self.tasks = TaskGroup(on_error=self._task_failed)
        self.reader = StoreReader()
        self.reader.set_connection_closer(self._close_reader_connection)
        self.adapter = EventsAdapter(bridge.events, self)
        self.feed = OrdersFeed(model, self.reader, lambda: bridge.store, self.tasks, parent=self)
        self._health: dict[str, AccountHealth] = {}
        self._restarting: dict[str, datetime] = {}  # account → when its engine stopped
        self._detail_request = 0
        self._told_about_tray = False
        self._last_count: tuple[int, str] = (-1, "")
        self.active_dialog: QDialog | None = None
        self._closed = False
        self._connect()

    # -- wiring -------------------------------------------------------------------------------

    def _connect(self) -> None:
        a, w, d = self.adapter, self.window, self.window.detail
        a.order_saved.connect(self.on_event_order_saved)
        a.order_acked.connect(self.on_event_order_acked)
        a.order_quarantined.connect(self.on_event_order_quarantined)
        a.action_queued.connect(self.on_event_action_update)
        a.action_sent.connect(self.on_event_action_update)
        a.action_failed.connect(self.on_event_action_failed)
        a.account_health.connect(self.on_event_account_health)
        a.order_updated.connect(self.on_event_order_updated)
        self.feed.orders_saved.connect(self._on_orders_saved)
        self.feed.quarantine_added.connect(self._on_quarantine_added)
        self.feed.rows_changed.connect(self._on_rows_changed)
        self.feed.history_loaded.connect(self._seed_alerts)
        self.alerts.changed.connect(self._on_alerts_changed)
        self.sounds.availability_changed.connect(self._render_sound_banner)
        w.order_opened.connect(self.open_order)
        w.quit_requested.connect(lambda: self.ask_quit("menu"))
        w.hide_requested.connect(self.hide_window)
        w.language_chosen.connect(self.set_language)
        w.mute_toggled.connect(self.set_muted)
        w.volume_changed.connect(self.set_volume)
        w.test_sound_requested.connect(self._test_sounds)
        d.accept_clicked.connect(lambda: self._spawn(self.accept_flow(), "accept"))
        d.cancel_clicked.connect(lambda: self._spawn(self.cancel_flow(), "cancel"))
        d.on_the_way_clicked.connect(
            lambda: self._spawn(self.simple_action(ActionKind.ON_THE_WAY), "on-the-way")
        )
        d.complete_clicked.connect(
            lambda: self._spawn(self.simple_action(ActionKind.COMPLETE), "complete")
        )
        d.confirm_cancellation_clicked.connect(
            lambda: self._spawn(self.confirm_cancellation(), "confirm-cancel")
        )
        self.tray.show_window_requested.connect(self.show_window)
        self.tray.quit_requested.connect(lambda: self.ask_quit("tray"))
        self.tray.mute_toggled.connect(self.set_muted)

    def _spawn(self, coro: object, name: str) -> None:
        self.tasks.spawn(coro, name=name)  # type: ignore[arg-type]

    def _close_reader_connection(self) -> None:
        """Runs on the reader thread: peewee keeps one connection per thread."""
        self.bridge.store.db.close()

    # -- life ---------------------------------------------------------------------------------

    async def start(self) -> None:
        muted = self.settings.value("sound/muted", False, type=bool)
        volume = float(str(self.settings.value("sound/volume", 0.9)))
        self.sounds.set_volume(volume)
        self.sounds.set_muted(bool(muted))
        self.window.set_volume(self.sounds.volume)
        self.window.set_muted(bool(muted))
        self.tray.set_muted(bool(muted))
        if self.translations is not None:
            action = self.window.language_actions.get(self.translations.language)
            if action is not None:
                action.setChecked(True)
        self.model.single_account = len(self.bridge.health()) <= 1
        self._render_banners()
        for health in self.bridge.health().values():
            self.on_event_account_health(health)
        await self.feed.start()
        self._seed_alerts()
        self._on_alerts_changed()
        # After the window is on screen: loading QtMultimedia takes a few hundred ms.
        QTimer.singleShot(0, self, self.sounds.start)

    async def close(self) -> None:
        """Stop everything the window started (the bridge is stopped by the caller)."""
        if self._closed:
            return
        self._closed = True
        self.alerts.stop()
        self.adapter.close()
        if self.active_dialog is not None and self.active_dialog.isVisible():
            self.active_dialog.reject()
        await self.tasks.close()
        await self.reader.close()
        self.settings.sync()
        self.tray.hide()

    def _task_failed(self, name: str, error: BaseException) -> None:
        self.window.notices.notify(
            "error",
            QCoreApplication.translate(
                "Counter", "Something went wrong ({task}): {error}. Details are in the log file."
            ).format(task=name, error=error),
        )

    # -- engine events ------------------------------------------------------------------------

    def on_event_order_saved(self, event: OrderSaved) -> None:
        self.feed.order_saved(event)

    def on_event_order_acked(self, event: OrderAcked) -> None:
        self.feed.order_changed(event.account, event.order_id)

    def on_event_order_updated(self, event: OrderUpdated) -> None:
        self.feed.order_changed(event.account, event.order_id)

    def on_event_order_quarantined(self, event: OrderQuarantined) -> None:
        self.feed.quarantine_changed()

    def on_event_action_update(self, event: ActionUpdate) -> None:
        self.feed.order_changed(event.account, event.order_id)

    def on_event_action_failed(self, event: ActionUpdate) -> None:
        self.feed.order_changed(event.account, event.order_id)
        number = self.model.number_of_order(event.account, event.order_id)
        display = event.order_id
        if number is not None:
            row = self.model.row(number)
            key = row_key(row)
            display = getattr(row, "display_id", display)
            self.alerts.raise_alert(SoundKind.PROBLEM, key)
        if event.kind is ActionKind.ACKNOWLEDGE:
            title = QCoreApplication.translate(
                "Counter", "Order {number}: the platform did not get our acknowledgement"
            ).format(number=display)
        else:
            title = QCoreApplication.translate("Counter", "Order {number}: {action} FAILED").format(
                number=display, action=formatting.action_text(event.kind.value)
            )
        body = (
            QCoreApplication.translate("Counter", "The platform said: {answer}").format(
                answer=event.detail
            )
            if event.detail
            else ""
        )
        self.notify("error", title, body)

    def on_event_account_health(self, health: AccountHealth) -> None:
        previous = self._health.get(health.account)
        self._health[health.account] = health
        self.window.status.set_health(health)
        self._render_health_banner(health)
        was_bad = previous is not None and previous.state in BAD_HEALTH
        if health.state in BAD_HEALTH and not was_bad:
            self.sounds.play(SoundKind.PROBLEM)
            self.notify("error", self._health_text(health), "", has_banner=True)
        if health.state is HealthState.RESTARTING:
            self._restarting.setdefault(health.account, formatting.now_utc())
        elif health.state is HealthState.OK and health.account in self._restarting:
            # Its banner went as soon as it was back: leave word that it happened.
            stopped_at = self._restarting.pop(health.account)
            self.notify(
                "warning",
                QCoreApplication.translate(
                    "Counter",
                    "{account}: POS Bridge's order service stopped at {time} and was started "
                    "again by itself. No order was lost.",
                ).format(account=health.account, time=formatting.clock(stopped_at)),
                "",
            )

    # -- rows arriving ------------------------------------------------------------------------

    def _on_orders_saved(self, saved: list[tuple[OrderSaved, object]]) -> None:
        """Rows that just reached the table: alerts and notifications, once per batch."""
        current = self.window.detail.current_key()
        new: list[tuple[int, object]] = []
        cancelled: list[tuple[int, object]] = []
        requested: list[tuple[int, object]] = []
        for event, summary in saved:
            key = event.row_id
            if event.kind == "new" and event.status is OrderStatus.NEW:
                new.append((key, summary))
            elif (
                event.status is OrderStatus.CANCELLED
                and event.previous is not OrderStatus.CANCELLED
            ):
                if not needs_cancel_confirmation(summary):  # type: ignore[arg-type]
                    continue  # our own cancellation coming back: nobody needs telling
                self.alerts.clear(SoundKind.NEW_ORDER, key)
                cancelled.append((key, summary))
            elif event.status is OrderStatus.CANCEL_REQUESTED:
                requested.append((key, summary))
            elif event.status is not OrderStatus.NEW:
                self.alerts.clear(SoundKind.NEW_ORDER, key)  # accepted elsewhere: no more ringing
            if key == current:
                self._spawn(self.load_details(key), "detail")
        if new:
            self.alerts.raise_many(SoundKind.NEW_ORDER, {key for key, _ in new})
            if len(new) <= MAX_NOTIFICATIONS_AT_ONCE:
                for _key, summary in new:
                    customer = getattr(summary, "customer_name", "")
                    total = formatting.money(
                        getattr(summary, "total", None), getattr(summary, "currency", "")
                    )
                    self.notify(
                        "new",
                        QCoreApplication.translate("Counter", "New order {number}").format(
                            number=getattr(summary, "display_id", "?")
                        ),
                        " · ".join(part for part in (customer, total) if part),
                    )
            else:
                self.notify(
                    "new",
                    QCoreApplication.translate("Counter", "%n new orders", None, len(new)),
                    "",
                )
        if cancelled or requested:
            self.alerts.raise_many(SoundKind.CANCELLED, {key for key, _ in cancelled + requested})
            for _key, summary in cancelled[:MAX_NOTIFICATIONS_AT_ONCE]:
                self.notify(
                    "cancelled",
                    QCoreApplication.translate("Counter", "Order {number} was CANCELLED").format(
                        number=getattr(summary, "display_id", "?")
                    ),
                    QCoreApplication.translate(
                        "Counter", "Stop preparing it, then confirm in POS Bridge that you saw it."
                    ),
                )
            for _key, summary in requested[:MAX_NOTIFICATIONS_AT_ONCE]:
                self.notify(
                    "cancelled",
                    QCoreApplication.translate(
                        "Counter", "Order {number}: the customer asks to cancel"
                    ).format(number=getattr(summary, "display_id", "?")),
                    "",
                )

    def _on_quarantine_added(self, entries: list[QuarantineInfo]) -> None:
        for entry in entries:
            self.alerts.raise_alert(SoundKind.PROBLEM, -entry.id)
            self.notify(
                "error",
                QCoreApplication.translate(
                    "Counter", "{account}: an order could not be read"
                ).format(account=entry.account),
                QCoreApplication.translate(
                    "Counter", "It was kept but NOT acknowledged. Open it under Problems."
                ),
            )

    def _on_rows_changed(self, keys: list[int]) -> None:
        # A row that no longer calls for anyone (accepted, opened on another PC, cancellation
        # confirmed) stops ringing, however it got there.
        for key in keys:
            number = self.model.number_of(key)
            if number is None:
                continue
            row = self.model.row(number)
            if not is_new_unseen(row):
                self.alerts.clear(SoundKind.NEW_ORDER, key)
            if not needs_cancel_confirmation(row) and getattr(row, "status", "") != (
                OrderStatus.CANCEL_REQUESTED.value
            ):
                self.alerts.clear(SoundKind.CANCELLED, key)
        current = self.window.detail.current_key()
        if current is not None and current in keys:
            self._spawn(self.load_details(current), "detail")

    def _seed_alerts(self) -> None:
        """Orders that already wait for someone when the window opens: one sound, one count."""
        new = {row_key(row) for row in self.model.rows() if is_new_unseen(row)}
        cancelled = {row_key(row) for row in self.model.rows() if needs_cancel_confirmation(row)}
        if cancelled:
            self.alerts.raise_many(SoundKind.CANCELLED, cancelled)
        if new:
            self.alerts.raise_many(SoundKind.NEW_ORDER, new)

    def _on_alerts_changed(self) -> None:
        count = self.alerts.unopened_count()
        if count:
            tooltip = QCoreApplication.translate(
                "Counter", "%n order(s) waiting to be opened", None, count
            )
        else:
            tooltip = QCoreApplication.translate("Counter", "No unopened orders")
        if (count, tooltip) != self._last_count:
            self._last_count = (count, tooltip)
            self.tray.set_count(count, tooltip)
            self.window.update_title(count)
        self._render_alert_banners()

    def _numbers(self, keys: frozenset[int], limit: int = 4) -> str:
        """ "#2864, #2860, #2859 …" newest first, for a banner."""
        shown = []
        for key in sorted(keys, reverse=True)[:limit]:
            number = self.model.number_of(key)
            if number is not None:
                row = self.model.row(number)
                shown.append(
                    "#"
                    + (row.display_id if isinstance(row, OrderSummary) else (row.order_id or "?"))
                )
        return ", ".join(shown)  # the count before it says how many more there are

    def _render_alert_banners(self) -> None:
        """The in-window side of the alerts, tray or no tray: what still waits, in big letters."""
        notices = self.window.notices
        new = self.alerts.keys(SoundKind.NEW_ORDER)
        cancelled = self.alerts.keys(SoundKind.CANCELLED)
        problems = self.alerts.keys(SoundKind.PROBLEM)
        if new:
            notices.set_banner(
                "alert:new",
                "new",
                QCoreApplication.translate(
                    "Counter", "%n NEW ORDER(S): {numbers}. Tap to open.", None, len(new)
                ).format(numbers=self._numbers(new)),
                QCoreApplication.translate("Counter", "Show"),
                lambda: self._show_alert(SoundKind.NEW_ORDER),
            )
        else:
            notices.clear_banner("alert:new")
        if cancelled:
            notices.set_banner(
                "alert:cancelled",
                "cancelled",
                QCoreApplication.translate(
                    "Counter",
                    "%n order(s) CANCELLED: {numbers}. Stop preparing, open and confirm.",
                    None,
                    len(cancelled),
                ).format(numbers=self._numbers(cancelled)),
                QCoreApplication.translate("Counter", "Show"),
                lambda: self._show_alert(SoundKind.CANCELLED),
            )
        else:
            notices.clear_banner("alert:cancelled")
        if problems:
            notices.set_banner(
                "alert:problems",
                "error",
                QCoreApplication.translate(
                    "Counter", "%n order(s) with a PROBLEM: {numbers}.", None, len(problems)
                ).format(numbers=self._numbers(problems)),
                QCoreApplication.translate("Counter", "Show"),
                lambda: self._show_alert(SoundKind.PROBLEM),
            )
        else:
            notices.clear_banner("alert:problems")

    def _show_alert(self, kind: SoundKind) -> None:
        """The banner's button: bring the newest order of that kind on screen and open it."""
        keys = self.alerts.keys(kind)
        if not keys:
            return
        key = max(keys)
        self.show_window()
        if not self.window.select_key(key):
            self.window.set_category(Category.ALL)
            self.window.search.clear()
            self.window.select_key(key)
        self.open_order(key)

    # -- notifications and banners ------------------------------------------------------------

    def notify(self, severity: str, title: str, body: str, *, has_banner: bool = False) -> None:
        """A desktop notification through the tray; without a tray, failures become notices in
        the window, unless a banner there already says it (new orders, cancellations, an
        account's health): the same sentence twice reads as a fault."""
        if self.tray.notify(title, body, severity):
            return
        if has_banner or severity in ("new", "cancelled"):
            return
        text = f"{title} — {body}" if body else title
        self.window.notices.notify(severity, text)

    def _render_banners(self) -> None:
        notices = self.window.notices
        if self.window.demo:
            notices.set_banner(
                "demo",
                "demo",
                QCoreApplication.translate(
                    "Counter",
                    "DEMO — these orders come from the built-in simulator, "
                    "not from real customers.",
                ),
            )
        self._render_sound_banner()
        for health in self._health.values():
            self._render_health_banner(health)

    def _render_sound_banner(self) -> None:
        notices = self.window.notices
        if self.sounds.problem:
            notices.set_banner("sound", "error", self.sounds.problem_text())
        else:
            notices.clear_banner("sound")
        if self.sounds.muted:
            notices.set_banner(
                "muted",
                "warning",
                QCoreApplication.translate(
                    "Counter", "Alert sounds are MUTED: new orders will not ring."
                ),
                QCoreApplication.translate("Counter", "Unmute"),
                lambda: self.set_muted(False),
            )
        else:
            notices.clear_banner("muted")

    def _health_text(self, health: AccountHealth) -> str:
        since = ""
        if health.offline_since is not None:
            since = formatting.clock(health.offline_since)
        if health.state is HealthState.OFFLINE:
            return QCoreApplication.translate(
                "Counter",
                "{account} is OFFLINE since {time}: new orders cannot arrive. "
                "Check the internet connection.",
            ).format(account=health.account, time=since or formatting.clock(formatting.now_utc()))
        if health.state is HealthState.NEEDS_CREDENTIALS:
            return QCoreApplication.translate(
                "Counter",
                "{account}: the platform refused the login. "
                "No orders arrive until the credentials are fixed.",
            ).format(account=health.account)
        if health.state is HealthState.RESTARTING:
            return QCoreApplication.translate(
                "Counter",
                "{account}: POS Bridge's order service stopped and is being started again. "
                "Orders already received are safe.",
            ).format(account=health.account)
        if health.state is HealthState.STALLED:
            return QCoreApplication.translate(
                "Counter",
                "{account}: POS Bridge has stopped checking for orders. "
                "Restart POS Bridge if this does not clear.",
            ).format(account=health.account)
        return QCoreApplication.translate(
            "Counter", "{account}: the platform answers with errors; orders may arrive late."
        ).format(account=health.account)

    def _render_health_banner(self, health: AccountHealth) -> None:
        key = f"health:{health.account}"
        if health.state in BAD_HEALTH:
            self.window.notices.set_banner(key, "error", self._health_text(health))
        elif health.state is HealthState.DEGRADED:
            self.window.notices.set_banner(key, "warning", self._health_text(health))
        else:
            self.window.notices.clear_banner(key)

    # -- opening an order ---------------------------------------------------------------------

    def open_order(self, key: int) -> None:
        """A person opened this row: it stops standing out and its alerts stop ringing."""
        self.alerts.opened(key)
        number = self.model.number_of(key)
        if number is None:
            return
        row = self.model.row(number)
        if isinstance(row, QuarantineInfo):
            self.window.detail.show_quarantine(row)
            self.details_shown.emit(key)
            return
        if not row.seen:
            self.model.mark_seen_locally(key)
            self._spawn(self.bridge.mark_seen(row.account, row.order_id), "mark-seen")
        self._spawn(self.load_details(key), "detail")

    async def load_details(self, key: int) -> None:
        self._detail_request += 1
        request = self._detail_request
        result = await self.reader.run(read_details, self.bridge.store, key)
        if request != self._detail_request or result is None:
            return  # another order was opened meanwhile
        stored, history, outbox = result
        details = OrderDetails(stored, history, outbox, self.bridge.allowed_actions(stored.order))
        self.window.detail.show_order(details)
        self.details_shown.emit(key)

    # -- staff actions ------------------------------------------------------------------------

    def _current_order(self) -> Order | None:
        details = self.window.detail.details
        return None if details is None else details.stored.order

    async def accept_flow(self) -> None:
        order = self._current_order()
        if order is None:
            return
        dialog = AcceptDialog(
            order.display_id, self.bridge.preparing_time_presets(), parent=self.window
        )
        minutes = await self._ask(dialog)
        if minutes is None or dialog.preparing_time is None:
            return
        await self.request(
            order,
            Action(
                ActionKind.ACCEPT, order.order_id, params={"preparing_time": dialog.preparing_time}
            ),
        )

    async def cancel_flow(self) -> None:
        order = self._current_order()
        if order is None:
            return
        reasons = self.bridge.cancel_reasons(order.account)
        dialog = CancelDialog(order.display_id, reasons, parent=self.window)
        if not reasons:
            dialog.confirm.setEnabled(True)
            dialog.reason_id = 0
        if await self._ask(dialog) is None:
            return
        params = {"reason_id": dialog.reason_id} if reasons else {}
        await self.request(order, Action(ActionKind.CANCEL, order.order_id, params=params))

    async def simple_action(self, kind: ActionKind) -> None:
        order = self._current_order()
        if order is not None:
            await self.request(order, Action(kind, order.order_id))

    async def _ask(self, dialog: QDialog) -> int | None:
        """Show a dialog and return its result if accepted, None otherwise."""
        self.active_dialog = dialog
        try:
            result = await run_dialog(dialog)
        finally:
            self.active_dialog = None
            dialog.deleteLater()
        return result if result == QDialog.DialogCode.Accepted else None

    async def request(self, order: Order, action: Action) -> None:
        detail = self.window.detail
        detail.set_message("")
        try:
            await self.bridge.request_action(order.account, action)
        except ActionRefused as exc:
            detail.set_message(
                QCoreApplication.translate("Counter", "Not sent: {reason}").format(
                    reason=refusal_text(exc.code)
                )
            )
            return
        number = self.model.number_of_order(order.account, order.order_id)
        if number is not None:
            await self.load_details(row_key(self.model.row(number)))

    async def confirm_cancellation(self) -> None:
        order = self._current_order()
        if order is None:
            return
        await self.bridge.confirm_cancellation_seen(order.account, order.order_id)
        number = self.model.number_of_order(order.account, order.order_id)
        if number is not None:
            self.alerts.clear(SoundKind.CANCELLED, row_key(self.model.row(number)))

    # -- window, tray, sound, language --------------------------------------------------------

    def show_window(self) -> None:
        self.window.showNormal()
        self.window.raise_()
        self.window.activateWindow()

    def hide_window(self) -> None:
        """Closing the window: hide to the tray, or minimise where there is no tray."""
        if self.tray.available:
            self.window.hide()
            if not self._told_about_tray:
                self._told_about_tray = True
                self.tray.notify(
                    QCoreApplication.translate("Counter", "POS Bridge is still running"),
                    QCoreApplication.translate(
                        "Counter", "Orders keep arriving. Quit from the tray menu."
                    ),
                    severity="info",
                )
        else:
            self.window.showMinimized()

    def ask_quit(self, reason: str) -> None:
        if not self.confirm_quit:
            self.shutdown_requested.emit(reason)
            return
        self._spawn(self._ask_quit(reason), "ask-quit")

    async def _ask_quit(self, reason: str) -> None:
        if self.active_dialog is not None:
            return
        self.show_window()
        dialog = QuitDialog(self.window)
        self.active_dialog = dialog
        try:
            await run_dialog(dialog)
            chosen = dialog.quit_chosen()
        finally:
            self.active_dialog = None
            dialog.deleteLater()
        if chosen:
            self.shutdown_requested.emit(reason)

    def set_muted(self, muted: bool) -> None:
        self.sounds.set_muted(muted)
        self.window.set_muted(muted)
        self.tray.set_muted(muted)
        self.settings.setValue("sound/muted", muted)
        self._render_sound_banner()

    def set_volume(self, volume: float) -> None:
        self.sounds.set_volume(volume)
        self.settings.setValue("sound/volume", self.sounds.volume)

    def _test_sounds(self) -> None:
        for kind in SoundKind:
            self.sounds.play(kind)

    def set_language(self, code: str) -> None:
        if self.translations is None:
            return
        used = self.translations.install(code)
        self.settings.setValue("ui/language", used)
        action = self.window.language_actions.get(used)
        if action is not None:
            action.setChecked(True)
        # Widgets retranslate themselves on LanguageChange; these are not widgets.
        self.tray.retranslate()
        self._render_banners()
        self._on_alerts_changed()
