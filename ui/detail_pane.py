"""The order detail pane: everything about one order, and the buttons to act on it.

Top: number, status, what still needs doing (confirm a cancellation, a problem), the action
buttons, and the state of the last thing sent to the platform with its answer. Below, in tabs:
the lines with options and notes, customer and payment; everything sent to the platform; the
history of events; the raw payload for support.
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QStackedLayout,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.model import ActionKind, OrderStatus, OutboxState
from app.store.store import EventInfo, OutboxItem, QuarantineInfo, StoredOrder
from ui import formatting, theme
from ui.orders_model import cancelled_by_staff


@dataclass(slots=True)
class OrderDetails:
    stored: StoredOrder
    history: list[EventInfo] = field(default_factory=list)
    outbox: list[OutboxItem] = field(default_factory=list)
    allowed: frozenset[ActionKind] = frozenset()


def _esc(text: Any) -> str:
    return html.escape(str(text))


def platform_answer(item: OutboxItem) -> str:
    """What the platform answered, verbatim (often Turkish); empty if nothing yet."""
    text = (
        item.last_error
        if item.state in (OutboxState.FAILED, OutboxState.PENDING)
        else item.response
    )
    text = (text or "").strip()
    if not text and item.state is OutboxState.SENT:
        text = item.response.strip()
    return text[:300]


class OrderDetailPane(QFrame):
    accept_clicked = Signal()
    cancel_clicked = Signal()
    on_the_way_clicked = Signal()
    complete_clicked = Signal()
    confirm_cancellation_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("detailPane")
        self.details: OrderDetails | None = None
        self.quarantine: QuarantineInfo | None = None
        self._stack = QStackedLayout(self)

        self.placeholder = QLabel()
        self.placeholder.setObjectName("placeholder")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self._stack.addWidget(self.placeholder)

        page = QWidget()
        outer = QVBoxLayout(page)
        outer.setContentsMargins(16, 12, 16, 12)
        outer.setSpacing(10)

        head = QHBoxLayout()
        self.title = QLabel()
        self.title.setObjectName("detailTitle")
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status_pill = QLabel()
        self.status_pill.setAlignment(Qt.AlignmentFlag.AlignCenter)
        head.addWidget(self.title, 1)
        head.addWidget(self.status_pill)
        outer.addLayout(head)

        self.subtitle = QLabel()
        self.subtitle.setWordWrap(True)
        self.subtitle.setStyleSheet("font-size: 15px; color: #3A4350;")
        outer.addWidget(self.subtitle)

        self.alert_box = QFrame()
        self.alert_box.setObjectName("alertBox")
        alert_layout = QVBoxLayout(self.alert_box)
        alert_layout.setContentsMargins(12, 10, 12, 10)
        self.alert_label = QLabel()
        self.alert_label.setWordWrap(True)
        self.alert_label.setTextFormat(Qt.TextFormat.PlainText)
        alert_layout.addWidget(self.alert_label)
        self.confirm_cancellation = QPushButton()
        self.confirm_cancellation.setObjectName("confirmCancellation")
        self.confirm_cancellation.setMinimumHeight(theme.BUTTON_HEIGHT)
        self.confirm_cancellation.clicked.connect(self.confirm_cancellation_clicked)
        alert_layout.addWidget(self.confirm_cancellation)
        outer.addWidget(self.alert_box)

        actions = QGridLayout()
        actions.setSpacing(10)
        self.accept_button = self._action_button("actionAccept", self.accept_clicked)
        self.cancel_button = self._action_button("actionCancel", self.cancel_clicked)
        self.on_the_way_button = self._action_button("actionOnTheWay", self.on_the_way_clicked)
        self.complete_button = self._action_button("actionComplete", self.complete_clicked)
        actions.addWidget(self.accept_button, 0, 0)
        actions.addWidget(self.cancel_button, 0, 1)
        actions.addWidget(self.on_the_way_button, 1, 0)
        actions.addWidget(self.complete_button, 1, 1)
        outer.addLayout(actions)

        self.action_state = QLabel()
        self.action_state.setObjectName("actionState")
        self.action_state.setWordWrap(True)
        self.action_state.setTextFormat(Qt.TextFormat.RichText)
        outer.addWidget(self.action_state)

        self.message = QLabel()
        self.message.setObjectName("actionMessage")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.hide()
        outer.addWidget(self.message)

        self.tabs = QTabWidget()
        self.order_text = self._rich_label()
        self.sent_text = self._rich_label()
        self.history_text = self._rich_label()
        self.raw_text = QPlainTextEdit()
        self.raw_text.setReadOnly(True)
        mono = QFont("DejaVu Sans Mono")
        mono.setStyleHint(QFont.StyleHint.Monospace)
        mono.setPointSize(10)
        self.raw_text.setFont(mono)
        self.tabs.addTab(self._scroll(self.order_text), "")
        self.tabs.addTab(self._scroll(self.sent_text), "")
        self.tabs.addTab(self._scroll(self.history_text), "")
        self.tabs.addTab(self.raw_text, "")
        outer.addWidget(self.tabs, 1)
        self._stack.addWidget(page)
        self.retranslate()
        self.show_nothing()

    # -- building blocks ----------------------------------------------------------------------

    def _action_button(self, name: str, signal: Any) -> QPushButton:
        button = QPushButton()
        button.setObjectName(name)
        button.setMinimumHeight(theme.BUTTON_HEIGHT)
        font = button.font()
        font.setPointSize(14)
        button.setFont(font)
        button.clicked.connect(signal)
        return button

    @staticmethod
    def _rich_label() -> QLabel:
        label = QLabel()
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setWordWrap(True)
        label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setContentsMargins(8, 8, 8, 8)
        return label

    @staticmethod
    def _scroll(widget: QWidget) -> QScrollArea:
        area = QScrollArea()
        area.setWidgetResizable(True)
        area.setFrameShape(QFrame.Shape.NoFrame)
        area.setWidget(widget)
        return area

    # -- public -------------------------------------------------------------------------------

    def current_key(self) -> int | None:
        if self.details is not None:
            return self.details.stored.row_id
        if self.quarantine is not None:
            return -self.quarantine.id
        return None

    def show_nothing(self) -> None:
        self.details = None
        self.quarantine = None
        self._stack.setCurrentIndex(0)

    def show_order(self, details: OrderDetails) -> None:
        same = self.details is not None and self.details.stored.row_id == details.stored.row_id
        self.details = details
        self.quarantine = None
        if not same:
            self.set_message("", "")
        self._render()
        self._stack.setCurrentIndex(1)

    def show_quarantine(self, info: QuarantineInfo) -> None:
        self.details = None
        self.quarantine = info
        self.set_message("", "")
        self._render()
        self._stack.setCurrentIndex(1)

    def set_message(self, text: str, severity: str = "error") -> None:
        """A line under the buttons: why an action could not even be queued."""
        if not text:
            self.message.hide()
            self.message.clear()
            return
        background, foreground = theme.BANNER_COLOURS.get(severity, theme.BANNER_COLOURS["error"])
        self.message.setStyleSheet(
            f"background: {background}; color: {foreground}; font-size: 15px; "
            "font-weight: bold; padding: 8px; border-radius: 6px;"
        )
        self.message.setText(text)
        self.message.show()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.placeholder.setText(self.tr("Tap an order in the list to see it here."))
        self.accept_button.setText(self.tr("✓ Accept…"))
        self.cancel_button.setText(self.tr("✕ Cancel order…"))
        self.on_the_way_button.setText(self.tr("➜ On the way"))
        self.complete_button.setText(self.tr("✓ Complete"))
        self.confirm_cancellation.setText(self.tr("I have seen this cancellation"))
        self.tabs.setTabText(0, self.tr("Order"))
        self.tabs.setTabText(1, self.tr("Sent to platform"))
        self.tabs.setTabText(2, self.tr("History"))
        self.tabs.setTabText(3, self.tr("Raw data"))
        if self.details is not None or self.quarantine is not None:
            self._render()

    # -- rendering ----------------------------------------------------------------------------

    def _render(self) -> None:
        if self.quarantine is not None:
            self._render_quarantine(self.quarantine)
            return
        if self.details is None:
            return
        details = self.details
        stored = details.stored
        order = stored.order
        now = formatting.now_utc()
        self.title.setText(f"#{order.display_id}")
        self._set_pill(order.status.value, formatting.status_text(order.status.value))
        received = self.tr("received {time} ({ago} ago)").format(
            time=formatting.clock(stored.received_at, now),
            ago=formatting.duration(now - stored.received_at),
        )
        parts = [f"{formatting.provider_name(order.provider.value)} · {order.account}", received]
        left, late = formatting.time_left(order.deadline_at, now)
        if left and not order.status.is_terminal:
            parts.append(self.tr("time left: {time}").format(time=left) if not late else left)
        self.subtitle.setText(" · ".join(parts))

        if stored.needs_cancel_confirmation and not cancelled_by_staff(
            stored.action_kind, stored.action_state
        ):
            self._set_alert(
                "cancelled",
                self.tr("This order was CANCELLED. Stop preparing it."),
                show_confirm=True,
            )
        elif order.status is OrderStatus.CANCEL_REQUESTED:
            self._set_alert("warning", self.tr("The customer asks to cancel this order."))
        elif stored.problem:
            self._set_alert("error", self._problem_text(stored.problem))
        else:
            self.alert_box.hide()

        allowed = details.allowed
        pending = {item.kind for item in details.outbox if item.state is OutboxState.PENDING}
        self._enable(self.accept_button, ActionKind.ACCEPT, allowed, pending)
        self._enable(self.cancel_button, ActionKind.CANCEL, allowed, pending)
        self._enable(self.on_the_way_button, ActionKind.ON_THE_WAY, allowed, pending)
        self._enable(self.complete_button, ActionKind.COMPLETE, allowed, pending)

        self.action_state.setText(self._last_action_html(details.outbox))
        self.order_text.setText(self._order_html(stored))
        self.sent_text.setText(self._outbox_html(details.outbox))
        self.history_text.setText(self._history_html(details.history))
        self.raw_text.setPlainText(json.dumps(order.raw, indent=2, ensure_ascii=False, default=str))

    def _render_quarantine(self, info: QuarantineInfo) -> None:
        self.title.setText(f"#{info.order_id or '?'}")
        self._set_pill("problem", self.tr("UNREADABLE"))
        self.subtitle.setText(
            self.tr("{account} · first seen {time} · seen {n} times").format(
                account=info.account, time=formatting.clock(info.first_seen), n=info.times_seen
            )
        )
        self._set_alert(
            "error",
            self.tr(
                "The platform sent an order POS Bridge cannot read. It was kept but NOT "
                "acknowledged. Check it on the platform's own panel and call support. "
                "Reason: {reason}"
            ).format(reason=info.reason),
        )
        for button in (
            self.accept_button,
            self.cancel_button,
            self.on_the_way_button,
            self.complete_button,
        ):
            button.setVisible(False)
        self.action_state.setText("")
        self.order_text.setText("")
        self.sent_text.setText("")
        self.history_text.setText("")
        self.raw_text.setPlainText(info.raw)

    def _set_pill(self, key: str, text: str) -> None:
        background, foreground = theme.STATUS_COLOURS.get(key, theme.STATUS_COLOURS["unknown"])
        self.status_pill.setText(text)
        self.status_pill.setStyleSheet(
            f"background: {background}; color: {foreground}; font-size: 18px; font-weight: bold;"
            " padding: 6px 14px; border-radius: 14px;"
        )

    def _set_alert(self, severity: str, text: str, show_confirm: bool = False) -> None:
        background, foreground = theme.BANNER_COLOURS.get(severity, theme.BANNER_COLOURS["error"])
        self.alert_box.setStyleSheet(
            f"QFrame#alertBox {{ background: {background}; border-radius: 8px; }}"
            f"QFrame#alertBox > QLabel {{ color: {foreground}; font-size: 18px; "
            "font-weight: bold; }"
        )
        self.alert_label.setText(text)
        self.confirm_cancellation.setVisible(show_confirm)
        self.alert_box.show()

    def _problem_text(self, problem: str) -> str:
        kind, _, reason = problem.partition(":")
        reason = reason.strip()
        if kind == ActionKind.ACKNOWLEDGE.value or kind == "ack":
            return self.tr(
                "The platform has not received our acknowledgement yet. It keeps trying. "
                "The platform said: {answer}"
            ).format(answer=reason)
        return self.tr("{action} failed. The platform said: {answer}").format(
            action=formatting.action_text(kind), answer=reason
        )

    def _enable(
        self,
        button: QPushButton,
        kind: ActionKind,
        allowed: frozenset[ActionKind],
        pending: set[ActionKind],
    ) -> None:
        """Only what the platform allows now is shown (fewer, bigger choices); an action on its
        way stays visible but cannot be sent twice."""
        button.setVisible(kind in allowed or kind in pending)
        button.setEnabled(kind in allowed and kind not in pending)

    def _last_action_html(self, outbox: list[OutboxItem]) -> str:
        staff = [item for item in outbox if item.kind is not ActionKind.ACKNOWLEDGE]
        if not staff:
            return ""
        return self._outbox_line(staff[-1], large=True)

    def _outbox_line(self, item: OutboxItem, large: bool = False) -> str:
        colours = {
            OutboxState.PENDING: "#8A5A00",
            OutboxState.SENT: "#1B5E20",
            OutboxState.FAILED: "#B71C1C",
            OutboxState.SUPERSEDED: "#6B6B6B",
        }
        colour = colours.get(item.state, "#333333")
        size = "17px" if large else "14px"
        params = ""
        if "preparing_time" in item.params:
            params = " " + self.tr("({n} min)").format(n=item.params["preparing_time"])
        when = formatting.clock_seconds(item.sent_at or item.created_at)
        text = (
            f"<span style='font-size:{size}; color:{colour}; font-weight:bold;'>"
            f"{_esc(formatting.action_text(item.kind.value))}{_esc(params)} — "
            f"{_esc(formatting.outbox_state_text(item.state.value))}</span>"
            f" <span style='color:#5A6472;'>{_esc(when)}</span>"
        )
        if item.state is OutboxState.PENDING and item.attempts:
            text += " " + _esc(self.tr("(try {n})").format(n=item.attempts + 1))
        answer = platform_answer(item)
        if answer:
            text += "<br><span style='font-size:{};'>{}</span>".format(
                size, _esc(self.tr("The platform said: {answer}").format(answer=answer))
            )
        return text

    def _order_html(self, stored: StoredOrder) -> str:
        order = stored.order
        rows = []
        if not order.lines_readable:
            rows.append(
                "<p style='color:#B71C1C; font-weight:bold;'>"
                + _esc(self.tr("The item list has a shape POS Bridge does not know: see Raw data."))
                + "</p>"
            )
        rows.append("<table width='100%' cellspacing='0' cellpadding='4' style='font-size:16px;'>")
        for line in order.lines:
            price = formatting.money(line.total, order.currency) if line.total is not None else ""
            rows.append(
                "<tr><td width='48' style='font-weight:bold; font-size:18px;'>"
                f"{line.quantity} ×</td>"
                f"<td style='font-weight:bold; font-size:18px;'>{_esc(line.name)}</td>"
                f"<td align='right'>{_esc(price)}</td></tr>"
            )
            for option in line.options:
                extra = (
                    f" (+{formatting.money(option.price, order.currency)})" if option.price else ""
                )
                rows.append(
                    f"<tr><td></td><td style='color:#3A4350;'>+ {_esc(option.group)}: "
                    f"{_esc(option.name)}{_esc(extra)}</td><td></td></tr>"
                )
            if line.note:
                rows.append(
                    "<tr><td></td><td colspan='2' style='background:#FFF59D; font-weight:bold;'>"
                    f"✎ {_esc(line.note)}</td></tr>"
                )
        rows.append("</table>")
        money_rows = [
            (self.tr("Delivery fee"), order.delivery_fee),
            (self.tr("Discount"), order.discount),
            (self.tr("Tip"), order.tip),
            (self.tr("Total"), order.total),
        ]
        rows.append("<table width='100%' cellpadding='3' style='font-size:16px;'>")
        for label, value in money_rows:
            if value is None:
                continue
            weight = "bold" if label == self.tr("Total") else "normal"
            rows.append(
                f"<tr><td align='right' style='font-weight:{weight};'>{_esc(label)}</td>"
                f"<td align='right' width='120' style='font-weight:{weight};'>"
                f"{_esc(formatting.money(value, order.currency))}</td></tr>"
            )
        rows.append("</table>")
        if order.note:
            note_label = self.tr("Note from the customer:")
            rows.append(
                "<p style='background:#FFF59D; font-size:17px; font-weight:bold; padding:6px;'>"
                f"{_esc(note_label)} {_esc(order.note)}</p>"
            )
        facts = [
            (self.tr("Customer"), order.customer.name),
            (self.tr("Phone"), order.customer.phone),
            (self.tr("Address"), order.address.one_line()),
            (self.tr("Delivery"), formatting.fulfilment_text(order.fulfilment)),
            (self.tr("Payment"), order.payment_method),
            (self.tr("Placed"), formatting.clock(order.placed_at)),
            (
                self.tr("Platform status"),
                f"{order.provider_status} {order.provider_status_text}".strip(),
            ),
            (self.tr("Platform key"), order.order_id),
        ]
        rows.append("<table cellpadding='3' style='font-size:15px;'>")
        for label, fact in facts:
            if fact:
                rows.append(
                    f"<tr><td style='color:#5A6472;'>{_esc(label)}</td><td>{_esc(fact)}</td></tr>"
                )
        rows.append("</table>")
        return "".join(rows)

    def _outbox_html(self, outbox: list[OutboxItem]) -> str:
        if not outbox:
            return _esc(self.tr("Nothing sent yet."))
        return "<br><br>".join(self._outbox_line(item) for item in reversed(outbox))

    def _history_html(self, history: list[EventInfo]) -> str:
        if not history:
            return ""
        actors = {
            "platform": self.tr("platform"),
            "staff": self.tr("staff"),
            "bridge": self.tr("POS Bridge"),
        }
        rows = ["<table cellpadding='4' style='font-size:14px;'>"]
        for event in reversed(history):
            status = formatting.status_text(event.status) if event.status else ""
            rows.append(
                f"<tr><td style='color:#5A6472;'>{_esc(formatting.clock_seconds(event.at))}</td>"
                f"<td><b>{_esc(formatting.event_text(event.kind))}</b></td>"
                f"<td>{_esc(actors.get(event.actor, event.actor))}</td>"
                f"<td>{_esc(status)}</td><td>{_esc(event.detail)}</td></tr>"
            )
        rows.append("</table>")
        return "".join(rows)
