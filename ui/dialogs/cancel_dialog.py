"""Cancel an order: pick one of the platform's own reasons, then confirm."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui import theme


class CancelDialog(QDialog):
    """The reasons are the platform's own words (Dükkango's are Turkish): shown as they are."""

    def __init__(
        self, display_id: str, reasons: list[tuple[int, str]], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("cancelDialog")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.reason_id: int | None = None
        self.setWindowTitle(self.tr("Cancel order {number}").format(number=display_id))
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        title = QLabel(self.tr("Cancel order {number}?").format(number=display_id))
        title.setObjectName("detailTitle")
        layout.addWidget(title)
        question = QLabel(self.tr("Why? The platform asks for a reason:"))
        question.setStyleSheet("font-size: 17px;")
        layout.addWidget(question)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.reason_buttons: dict[int, QPushButton] = {}
        for reason_id, label in reasons:
            button = QPushButton(label)
            button.setObjectName("reasonButton")
            button.setCheckable(True)
            button.setMinimumHeight(52)
            self.group.addButton(button, reason_id)
            self.reason_buttons[reason_id] = button
            layout.addWidget(button)
        self.group.idClicked.connect(self._chosen)
        buttons = QHBoxLayout()
        self.back = QPushButton(self.tr("Back, keep the order"))
        self.back.setMinimumHeight(theme.BUTTON_HEIGHT)
        self.back.clicked.connect(self.reject)
        self.confirm = QPushButton(self.tr("Cancel the order"))
        self.confirm.setObjectName("dangerButton")
        self.confirm.setMinimumHeight(theme.BUTTON_HEIGHT)
        self.confirm.setEnabled(False)
        self.confirm.clicked.connect(self._confirm)
        buttons.addWidget(self.back, 1)
        buttons.addWidget(self.confirm, 1)
        layout.addLayout(buttons)

    def _chosen(self, reason_id: int) -> None:
        self.reason_id = reason_id
        self.confirm.setEnabled(True)

    def _confirm(self) -> None:
        if self.reason_id is not None:
            self.accept()
