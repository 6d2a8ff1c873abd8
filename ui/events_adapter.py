"""The engine's named events as Qt signals (Electrum's pattern: the window is an observer).

The engine emits on the loop's thread, which under qasync is Qt's thread, so signals are
delivered at once; were the engine ever moved to another thread, Qt would queue them and
nothing else would change.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from app.engine.events import (
    AccountHealth,
    ActionUpdate,
    EventBus,
    EventName,
    OrderAcked,
    OrderQuarantined,
    OrderSaved,
    OrderUpdated,
)


class EventsAdapter(QObject):
    """One signal per engine event; handlers are named ``on_event_<name>``."""

    order_saved = Signal(object)  # OrderSaved
    order_acked = Signal(object)  # OrderAcked
    order_quarantined = Signal(object)  # OrderQuarantined
    action_queued = Signal(object)  # ActionUpdate
    action_sent = Signal(object)  # ActionUpdate
    action_failed = Signal(object)  # ActionUpdate
    account_health = Signal(object)  # AccountHealth
    order_updated = Signal(object)  # OrderUpdated

    def __init__(self, bus: EventBus, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._unsubscribe: list[Callable[[], None]] = []
        for name in EventName:
            handler = getattr(self, f"on_event_{name.value}")
            self._unsubscribe.append(bus.subscribe(name, handler))

    def close(self) -> None:
        for stop in self._unsubscribe:
            stop()
        self._unsubscribe = []

    def on_event_order_saved(self, event: OrderSaved) -> None:
        self.order_saved.emit(event)

    def on_event_order_acked(self, event: OrderAcked) -> None:
        self.order_acked.emit(event)

    def on_event_order_quarantined(self, event: OrderQuarantined) -> None:
        self.order_quarantined.emit(event)

    def on_event_action_queued(self, event: ActionUpdate) -> None:
        self.action_queued.emit(event)

    def on_event_action_sent(self, event: ActionUpdate) -> None:
        self.action_sent.emit(event)

    def on_event_action_failed(self, event: ActionUpdate) -> None:
        self.action_failed.emit(event)

    def on_event_account_health(self, event: AccountHealth) -> None:
        self.account_health.emit(event)

    def on_event_order_updated(self, event: OrderUpdated) -> None:
        self.order_updated.emit(event)
