"""The tray icon: the count of unopened orders, a menu, and notifications.

Where the desktop has no system tray (some Linux desktops, kiosk sessions, the offscreen test
platform) ``available`` is False and ``notify`` returns False: the window then shows the notice
itself and never hides to a tray that is not there.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from ui import icons

NOTIFICATION_MS = 15_000


class Tray(QObject):
    show_window_requested = Signal()
    quit_requested = Signal()
    mute_toggled = Signal(bool)

    def __init__(self, available: bool | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        if available is None:
            available = QSystemTrayIcon.isSystemTrayAvailable()
        self.available = available
        self._count = 0
        self._tooltip = ""
        self._icon: QSystemTrayIcon | None = None
        self._menu = QMenu()
        self._show_action = QAction(self._menu)
        self._show_action.triggered.connect(self.show_window_requested)
        self._count_action = QAction(self._menu)
        self._count_action.setEnabled(False)
        self._mute_action = QAction(self._menu)
        self._mute_action.setCheckable(True)
        self._mute_action.toggled.connect(self.mute_toggled)
        self._quit_action = QAction(self._menu)
        self._quit_action.triggered.connect(self.quit_requested)
        self._menu.addAction(self._show_action)
        self._menu.addAction(self._count_action)
        self._menu.addSeparator()
        self._menu.addAction(self._mute_action)
        self._menu.addSeparator()
        self._menu.addAction(self._quit_action)
        if available:
            self._icon = QSystemTrayIcon(icons.app_icon(0), self)
            self._icon.setContextMenu(self._menu)
            self._icon.activated.connect(self._on_activated)
            self._icon.show()
        self.retranslate()

    def menu(self) -> QMenu:
        return self._menu

    def set_count(self, count: int, tooltip: str) -> None:
        self._count = count
        self._tooltip = tooltip
        self._count_action.setText(tooltip)
        if self._icon is not None:
            self._icon.setIcon(icons.app_icon(count))
            self._icon.setToolTip(tooltip)

    def set_muted(self, muted: bool) -> None:
        if self._mute_action.isChecked() != muted:
            self._mute_action.setChecked(muted)

    def notify(self, title: str, body: str, severity: str = "info") -> bool:
        """A desktop notification; False if there is no tray to show it."""
        if self._icon is None or not self._icon.isVisible():
            return False
        icon = {
            "error": QSystemTrayIcon.MessageIcon.Critical,
            "cancelled": QSystemTrayIcon.MessageIcon.Warning,
            "warning": QSystemTrayIcon.MessageIcon.Warning,
        }.get(severity, QSystemTrayIcon.MessageIcon.Information)
        self._icon.showMessage(title, body, icon, NOTIFICATION_MS)
        return True

    def hide(self) -> None:
        if self._icon is not None:
            self._icon.hide()

    def retranslate(self) -> None:
        self._show_action.setText(self.tr("Show the orders window"))
        self._mute_action.setText(self.tr("Mute alert sounds"))
        self._quit_action.setText(self.tr("Quit POS Bridge"))
        if not self._tooltip:
            self._count_action.setText(self.tr("No unopened orders"))

    def _on_activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (
            QSystemTrayIcon.ActivationReason.Trigger,
            QSystemTrayIcon.ActivationReason.DoubleClick,
        ):
            self.show_window_requested.emit()
