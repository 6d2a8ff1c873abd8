"""Asking before quitting: while POS Bridge is closed no order is received or acknowledged."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget


class QuitDialog(QMessageBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("quitDialog")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(self.tr("Quit POS Bridge?"))
        self.setText(self.tr("Quit POS Bridge?"))
        self.setInformativeText(
            self.tr(
                "While POS Bridge is closed, new orders are not received or acknowledged, "
                "and the platforms may cancel them."
            )
        )
        self.quit_button: QPushButton = self.addButton(
            self.tr("Quit"), QMessageBox.ButtonRole.AcceptRole
        )
        self.keep_button: QPushButton = self.addButton(
            self.tr("Keep running"), QMessageBox.ButtonRole.RejectRole
        )
        self.setDefaultButton(self.keep_button)

    def quit_chosen(self) -> bool:
        return self.clickedButton() is self.quit_button
