"""Colours, sizes and the style sheet: made to be read from two metres away, touched with gloves.

One place for every colour, so the table, the detail pane and the banners agree on what
"new" and "cancelled" look like.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QApplication

# Row colours. NEW (until opened) and CANCELLED (until confirmed) are the two loudest things
# on screen; everything else stays calm so those two win the eye.
NEW_UNSEEN_BG = QColor("#FFB300")  # strong amber
NEW_UNSEEN_FG = QColor("#1A1A1A")
NEW_SEEN_BG = QColor("#FFF1C2")  # still waiting for "accept", but someone has looked
CANCELLED_BG = QColor("#C62828")  # strong red, white text
CANCELLED_FG = QColor("#FFFFFF")
CANCEL_REQUESTED_BG = QColor("#FFAB91")
PROBLEM_BG = QColor("#FFD6D6")
PROBLEM_FG = QColor("#8E0000")
DONE_FG = QColor("#6B6B6B")
OVERDUE_FG = QColor("#B00020")

# Status pill colours in the detail pane (background, text).
STATUS_COLOURS: dict[str, tuple[str, str]] = {
    "new": ("#FFB300", "#1A1A1A"),
    "accepted": ("#1565C0", "#FFFFFF"),
    "on_the_way": ("#6A1B9A", "#FFFFFF"),
    "done": ("#2E7D32", "#FFFFFF"),
    "cancel_requested": ("#E64A19", "#FFFFFF"),
    "cancelled": ("#C62828", "#FFFFFF"),
    "unknown": ("#546E7A", "#FFFFFF"),
    "problem": ("#8E0000", "#FFFFFF"),
}

# Banner colours by severity (background, text).
BANNER_COLOURS: dict[str, tuple[str, str]] = {
    "demo": ("#283593", "#FFFFFF"),
    "error": ("#B71C1C", "#FFFFFF"),
    "warning": ("#FFE082", "#1A1A1A"),
    "info": ("#E3F2FD", "#0D2A4A"),
    "new": ("#FFB300", "#1A1A1A"),
    "cancelled": ("#C62828", "#FFFFFF"),
}

HEALTH_COLOURS = {"good": "#2E7D32", "warn": "#F57F17", "bad": "#C62828", "idle": "#757575"}

TABLE_POINT_SIZE = 14
ROW_HEIGHT = 46
BUTTON_HEIGHT = 60  # big enough for a gloved finger (Apple and Google ask for at least 44-48 px)

STYLE_SHEET = """
QMainWindow, QWidget#central { background: #F4F5F7; }
QTableView {
    background: #FFFFFF;
    alternate-background-color: #F7F8FA;
    gridline-color: #E0E3E8;
    selection-background-color: #1E4E8C;
    selection-color: #FFFFFF;
    border: 1px solid #C9CED6;
}
QHeaderView::section {
    background: #2B3440; color: #FFFFFF; padding: 6px 8px; border: none;
    border-right: 1px solid #3C4756; font-weight: bold;
}
QPushButton {
    min-height: 44px; padding: 4px 16px; border-radius: 6px;
    border: 1px solid #9AA4B2; background: #FFFFFF; font-weight: bold;
}
QPushButton:hover { background: #EEF3FA; }
QPushButton:pressed { background: #D8E3F3; }
QPushButton:disabled { color: #A0A6AE; border-color: #D5D9DF; background: #F3F4F6; }
QPushButton#filterButton { min-height: 48px; font-size: 15px; }
QPushButton#filterButton:checked { background: #1E4E8C; color: #FFFFFF; border-color: #1E4E8C; }
QPushButton#actionAccept { background: #2E7D32; color: #FFFFFF; border-color: #1B5E20; }
QPushButton#actionAccept:disabled, QPushButton#actionCancel:disabled,
QPushButton#actionOnTheWay:disabled, QPushButton#actionComplete:disabled {
    background: #E7E9EC; color: #A0A6AE; border-color: #D5D9DF;
}
QPushButton#actionCancel { background: #FFFFFF; color: #B71C1C; border: 2px solid #B71C1C; }
QPushButton#actionOnTheWay { background: #6A1B9A; color: #FFFFFF; border-color: #4A148C; }
QPushButton#actionComplete { background: #1565C0; color: #FFFFFF; border-color: #0D47A1; }
QPushButton#confirmCancellation { background: #FFFFFF; color: #B71C1C; font-size: 17px; }
QPushButton#presetButton { min-height: 64px; min-width: 84px; font-size: 20px; }
QPushButton#dangerButton { background: #B71C1C; color: #FFFFFF; border-color: #7F0000; }
QPushButton#reasonButton { text-align: left; padding-left: 16px; font-size: 16px; }
QPushButton#reasonButton:checked { background: #FFEBEE; border: 2px solid #B71C1C; }
QLineEdit#search { min-height: 44px; font-size: 16px; padding: 0 10px; border-radius: 6px;
    border: 1px solid #9AA4B2; background: #FFFFFF; }
QFrame#detailPane { background: #FFFFFF; border: 1px solid #C9CED6; border-radius: 6px; }
QLabel#detailTitle { font-size: 28px; font-weight: bold; color: #1A1A1A; }
QLabel#sectionTitle { font-size: 13px; font-weight: bold; color: #5A6472; }
QLabel#placeholder { font-size: 18px; color: #7A8494; }
QStatusBar { background: #2B3440; color: #FFFFFF; }
QStatusBar QLabel { color: #FFFFFF; padding: 2px 10px; font-size: 13px; }
QTabWidget::pane { border: 1px solid #D5D9DF; }
QTabBar::tab { min-height: 36px; padding: 4px 14px; font-size: 14px; }
"""


def apply(app: QApplication) -> None:
    """Large default font and the style sheet, for the whole application."""
    font = QFont(app.font())
    font.setPointSize(max(font.pointSize(), 12))
    app.setFont(font)
    app.setStyleSheet(STYLE_SHEET)
