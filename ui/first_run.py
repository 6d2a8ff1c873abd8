"""The first-run screen: no configuration yet (or a broken one), said kindly, with the way out."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QUrl, Signal
from PySide6.QtGui import QCloseEvent, QDesktopServices, QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui import icons, theme

EXAMPLE = """\
[[accounts]]
name = "Kadıköy Şube"
provider = "dukkango"
token = "keyring:kadikoy-token"   # keyring set posbridge kadikoy-token
"""


class FirstRunWindow(QWidget):
    demo_requested = Signal()
    quit_requested = Signal()

    def __init__(self, config_path: Path, error: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("firstRun")
        self.config_path = config_path
        self.error = error
        self.setWindowIcon(icons.app_icon())
        self.resize(900, 640)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.setSpacing(14)
        self.title = QLabel()
        self.title.setObjectName("detailTitle")
        layout.addWidget(self.title)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        background, foreground = theme.BANNER_COLOURS["warning"]
        self.problem.setStyleSheet(
            f"background: {background}; color: {foreground}; padding: 10px; font-size: 15px;"
            " border-radius: 6px;"
        )
        layout.addWidget(self.problem)
        self.explain = QLabel()
        self.explain.setWordWrap(True)
        self.explain.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.explain.setStyleSheet("font-size: 16px;")
        layout.addWidget(self.explain)
        self.example = QPlainTextEdit(EXAMPLE)
        self.example.setReadOnly(True)
        mono = QFont("DejaVu Sans Mono")
        mono.setStyleHint(QFont.StyleHint.Monospace)
        mono.setPointSize(12)
        self.example.setFont(mono)
        self.example.setMaximumHeight(140)
        layout.addWidget(self.example)
        layout.addStretch(1)
        buttons = QHBoxLayout()
        self.demo_button = QPushButton()
        self.demo_button.setObjectName("actionAccept")
        self.demo_button.setMinimumHeight(theme.BUTTON_HEIGHT)
        self.demo_button.clicked.connect(self.demo_requested)
        self.folder_button = QPushButton()
        self.folder_button.setMinimumHeight(theme.BUTTON_HEIGHT)
        self.folder_button.clicked.connect(self._open_folder)
        self.quit_button = QPushButton()
        self.quit_button.setMinimumHeight(theme.BUTTON_HEIGHT)
        self.quit_button.clicked.connect(self.quit_requested)
        buttons.addWidget(self.demo_button, 2)
        buttons.addWidget(self.folder_button, 1)
        buttons.addWidget(self.quit_button, 1)
        layout.addLayout(buttons)
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("POS Bridge — first start"))
        self.title.setText(self.tr("Welcome to POS Bridge"))
        if self.error:
            self.problem.setText(
                self.tr("The configuration cannot be used: {error}").format(error=self.error)
            )
        else:
            self.problem.setText(
                self.tr("There is no configuration yet, so POS Bridge does not know your accounts.")
            )
        self.explain.setText(
            self.tr(
                "Create the file {path} with one [[accounts]] block per platform account, like "
                "the example below, then start POS Bridge again. Secrets (tokens, passwords) stay "
                "in the system keyring, never in the file. To see POS Bridge work first, try the "
                "demo: it uses a built-in simulator and changes nothing on your PC."
            ).format(path=self.config_path)
        )
        self.demo_button.setText(self.tr("Try the demo"))
        self.folder_button.setText(self.tr("Open the folder"))
        self.quit_button.setText(self.tr("Quit"))

    def _open_folder(self) -> None:
        folder = self.config_path.parent
        folder.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def closeEvent(self, event: QCloseEvent) -> None:
        event.ignore()
        self.quit_requested.emit()
