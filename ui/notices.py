"""Banners across the top of the window: what must not be missed, said in big letters.

Two kinds. *Banners* are states that last (this is a demo, an account is offline, the sound is
muted or missing) and stay until the state ends. *Notices* are events (a new order when there
is no tray, a failure) and stay until someone closes them or, for the quiet ones, a while.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ui import theme

MAX_NOTICES = 4


class Banner(QFrame):
    closed = Signal()

    def __init__(
        self,
        severity: str,
        text: str,
        closable: bool,
        action_text: str = "",
        action: Callable[[], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.severity = severity
        self.action_text = action_text
        background, foreground = theme.BANNER_COLOURS.get(severity, theme.BANNER_COLOURS["info"])
        self.setObjectName("banner")
        self.setStyleSheet(
            f"QFrame#banner {{ background: {background}; border-radius: 6px; }}"
            f"QLabel {{ color: {foreground}; font-size: 17px; font-weight: bold; }}"
            f"QPushButton {{ min-height: 36px; font-size: 14px; }}"
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(14, 8, 8, 8)
        self.label = QLabel(text)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.label, 1)
        self.action_button: QPushButton | None = None
        if action_text and action is not None:
            self.action_button = QPushButton(action_text)
            self.action_button.clicked.connect(action)
            layout.addWidget(self.action_button)
        self.close_button: QPushButton | None = None
        if closable:
            self.close_button = QPushButton("✕")
            self.close_button.setFixedWidth(48)
            self.close_button.clicked.connect(self._close)
            layout.addWidget(self.close_button)

    def set_text(self, text: str) -> None:
        self.label.setText(text)

    def _close(self) -> None:
        self.hide()
        self.closed.emit()
        self.deleteLater()


class NoticeArea(QWidget):
    """A column of banners (keyed, lasting) above a column of notices (dismissable)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self._banner_box = QVBoxLayout()
        self._banner_box.setSpacing(6)
        self._notice_box = QVBoxLayout()
        self._notice_box.setSpacing(6)
        layout.addLayout(self._banner_box)
        layout.addLayout(self._notice_box)
        self._banners: dict[str, Banner] = {}
        self._notices: list[Banner] = []

    # -- banners ------------------------------------------------------------------------------

    def set_banner(
        self,
        key: str,
        severity: str,
        text: str,
        action_text: str = "",
        action: Callable[[], None] | None = None,
    ) -> Banner:
        existing = self._banners.get(key)
        if (
            existing is not None
            and existing.severity == severity
            and existing.action_text == action_text
        ):
            existing.set_text(text)
            return existing
        if existing is not None:
            self.clear_banner(key)
        banner = Banner(severity, text, closable=False, action_text=action_text, action=action)
        self._banners[key] = banner
        self._banner_box.addWidget(banner)
        return banner

    def clear_banner(self, key: str) -> None:
        banner = self._banners.pop(key, None)
        if banner is not None:
            banner.hide()
            banner.deleteLater()

    def banner(self, key: str) -> Banner | None:
        return self._banners.get(key)

    def banner_keys(self) -> list[str]:
        return list(self._banners)

    # -- notices ------------------------------------------------------------------------------

    def notify(self, severity: str, text: str, timeout_ms: int = 0) -> Banner:
        """Show a notice; ``timeout_ms`` > 0 lets it go by itself (quiet, informative ones)."""
        notice = Banner(severity, text, closable=True)
        notice.closed.connect(lambda: self._forget(notice))
        self._notices.insert(0, notice)
        self._notice_box.insertWidget(0, notice)
        while len(self._notices) > MAX_NOTICES:
            oldest = self._notices.pop()
            oldest.hide()
            oldest.deleteLater()
        if timeout_ms > 0:
            QTimer.singleShot(timeout_ms, notice, notice._close)
        return notice

    def notices(self) -> list[Banner]:
        return list(self._notices)

    def _forget(self, notice: Banner) -> None:
        if notice in self._notices:
            self._notices.remove(notice)
