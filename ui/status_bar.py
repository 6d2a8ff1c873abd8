"""The status bar: one label per account with its last good poll, latency, or "offline since".

Rendered from the health *state* and its timestamps with our own translated words (the
engine's messages are English sentences meant for the log).
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from app.engine.events import AccountHealth, HealthState
from ui import formatting, theme

GOOD = {HealthState.OK}
WARN = {HealthState.STARTING, HealthState.DEGRADED}
BAD = {
    HealthState.OFFLINE,
    HealthState.NEEDS_CREDENTIALS,
    HealthState.STALLED,
    HealthState.RESTARTING,
}


def health_summary(health: AccountHealth, now: datetime | None = None) -> str:
    """One line for the status bar, e.g. "Kadıköy Şube · last poll 14:32:05 · 120 ms"."""
    now = now or formatting.now_utc()
    name = health.account
    state = health.state
    if state is HealthState.OK:
        parts = [name]
        if health.last_ok_at is not None:
            parts.append(
                QCoreApplication.translate("Status", "last poll {time}").format(
                    time=formatting.clock_seconds(health.last_ok_at)
                )
            )
        if health.latency_ms is not None:
            parts.append(
                QCoreApplication.translate("Status", "{ms} ms").format(ms=round(health.latency_ms))
            )
        return " · ".join(parts)
    if state is HealthState.STARTING:
        return QCoreApplication.translate("Status", "{name} · connecting…").format(name=name)
    if state is HealthState.STOPPED:
        return QCoreApplication.translate("Status", "{name} · stopped").format(name=name)
    since = health.offline_since
    if state is HealthState.OFFLINE:
        text = QCoreApplication.translate("Status", "{name} · OFFLINE").format(name=name)
    elif state is HealthState.NEEDS_CREDENTIALS:
        text = QCoreApplication.translate("Status", "{name} · LOGIN REFUSED").format(name=name)
    elif state is HealthState.STALLED:
        text = QCoreApplication.translate("Status", "{name} · NOT POLLING").format(name=name)
    elif state is HealthState.RESTARTING:
        text = QCoreApplication.translate("Status", "{name} · RESTARTING").format(name=name)
    else:
        text = QCoreApplication.translate("Status", "{name} · errors from the platform").format(
            name=name
        )
    if since is not None:
        text += " · " + QCoreApplication.translate("Status", "since {time} ({ago})").format(
            time=formatting.clock(since, now), ago=formatting.duration(now - since)
        )
    elif health.last_ok_at is not None:
        text += " · " + QCoreApplication.translate("Status", "last good poll {time}").format(
            time=formatting.clock_seconds(health.last_ok_at)
        )
    return text


def health_colour(state: HealthState) -> str:
    if state in GOOD:
        return theme.HEALTH_COLOURS["good"]
    if state in WARN:
        return theme.HEALTH_COLOURS["warn"]
    if state in BAD:
        return theme.HEALTH_COLOURS["bad"]
    return theme.HEALTH_COLOURS["idle"]


class AccountStatusBar(QStatusBar):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizeGripEnabled(False)
        self._labels: dict[str, QLabel] = {}
        self._health: dict[str, AccountHealth] = {}
        self._timer = QTimer(self)
        self._timer.setInterval(1000)  # "offline since … (3 min)" keeps counting
        self._timer.timeout.connect(self.refresh)
        self._timer.start()

    def set_health(self, health: AccountHealth) -> None:
        self._health[health.account] = health
        if health.account not in self._labels:
            label = QLabel()
            self._labels[health.account] = label
            self.addPermanentWidget(label)
        self._render(health.account)

    def label_text(self, account: str) -> str:
        label = self._labels.get(account)
        return "" if label is None else label.text()

    def refresh(self) -> None:
        for account in self._labels:
            self._render(account)

    def _render(self, account: str) -> None:
        health = self._health[account]
        label = self._labels[account]
        colour = health_colour(health.state)
        text = "● " + health_summary(health)
        if label.text() != text:
            label.setText(text)
        style = f"QLabel {{ color: #FFFFFF; border-left: 8px solid {colour}; }}"
        if label.styleSheet() != style:
            label.setStyleSheet(style)
