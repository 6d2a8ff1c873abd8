"""Accept an order: choose the preparing time with one tap (or type another)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ui import theme


class AcceptDialog(QDialog):
    """One tap on a preset accepts at once: a cashier with gloves should not need two."""

    def __init__(
        self, display_id: str, presets: list[int], default: int = 20, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("acceptDialog")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.preparing_time: int | None = None
        self.setWindowTitle(self.tr("Accept order {number}").format(number=display_id))
        layout = QVBoxLayout(self)
        layout.setSpacing(14)
        title = QLabel(self.tr("Accept order {number}").format(number=display_id))
        title.setObjectName("detailTitle")
        layout.addWidget(title)
        question = QLabel(self.tr("How many minutes until it is ready?"))
        question.setStyleSheet("font-size: 18px;")
        layout.addWidget(question)
        grid = QGridLayout()
        grid.setSpacing(10)
        self.preset_buttons: dict[int, QPushButton] = {}
        for i, minutes in enumerate(presets):
            button = QPushButton(self.tr("{n} min").format(n=minutes))
            button.setObjectName("presetButton")
            button.setMinimumHeight(theme.BUTTON_HEIGHT + 10)
            button.clicked.connect(lambda _=False, m=minutes: self._choose(m))
            grid.addWidget(button, i // 3, i % 3)
            self.preset_buttons[minutes] = button
        layout.addLayout(grid)
        other = QHBoxLayout()
        other_label = QLabel(self.tr("Other time:"))
        other_label.setStyleSheet("font-size: 16px;")
        self.minutes = QSpinBox()
        self.minutes.setRange(1, 240)
        self.minutes.setValue(default)
        self.minutes.setSuffix(self.tr(" min"))
        self.minutes.setMinimumHeight(theme.BUTTON_HEIGHT)
        self.minutes.setStyleSheet("font-size: 20px;")
        self.accept_other = QPushButton(self.tr("Accept"))
        self.accept_other.setObjectName("actionAccept")
        self.accept_other.setMinimumHeight(theme.BUTTON_HEIGHT)
        self.accept_other.clicked.connect(lambda: self._choose(self.minutes.value()))
        other.addWidget(other_label)
        other.addWidget(self.minutes, 1)
        other.addWidget(self.accept_other)
        layout.addLayout(other)
        self.back = QPushButton(self.tr("Back"))
        self.back.setMinimumHeight(theme.BUTTON_HEIGHT)
        self.back.clicked.connect(self.reject)
        layout.addWidget(self.back)

    def _choose(self, minutes: int) -> None:
        self.preparing_time = minutes
        self.accept()
