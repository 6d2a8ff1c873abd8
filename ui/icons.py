"""The application icon, drawn in code so the tray can carry a live count badge."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPainterPath, QPen, QPixmap

APP_BLUE = QColor("#1E4E8C")
BADGE_RED = QColor("#D32F2F")


def _paint_base(painter: QPainter, size: int) -> None:
    """A receipt on a blue tile: reads as "orders" even at 16 px."""
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(APP_BLUE)
    painter.drawRoundedRect(QRectF(0, 0, size, size), size * 0.2, size * 0.2)
    paper = QPainterPath()
    left, right = size * 0.26, size * 0.74
    top, bottom = size * 0.16, size * 0.84
    paper.moveTo(left, top)
    paper.lineTo(right, top)
    paper.lineTo(right, bottom)
    teeth = 4
    step = (right - left) / teeth
    for i in range(teeth):
        x = right - step * (i + 0.5)
        paper.lineTo(x, bottom - size * 0.06)
        paper.lineTo(right - step * (i + 1), bottom)
    paper.closeSubpath()
    painter.setBrush(QColor("#FFFFFF"))
    painter.drawPath(paper)
    pen = QPen(APP_BLUE)
    pen.setWidthF(max(1.0, size * 0.05))
    painter.setPen(pen)
    for row in range(3):
        y = top + size * (0.16 + row * 0.15)
        painter.drawLine(int(left + size * 0.08), int(y), int(right - size * 0.08), int(y))


def app_pixmap(size: int = 64, count: int = 0) -> QPixmap:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    _paint_base(painter, size)
    if count > 0:
        text = str(count) if count < 100 else "99+"
        radius = size * (0.28 if len(text) == 1 else 0.34)
        rect = QRectF(size - 2 * radius, 0, 2 * radius, 2 * radius)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(BADGE_RED)
        painter.drawEllipse(rect)
        font = QFont()
        font.setBold(True)
        font.setPixelSize(int(radius * (1.2 if len(text) == 1 else 0.9)))
        painter.setFont(font)
        painter.setPen(QColor("#FFFFFF"))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
    painter.end()
    return pixmap


def app_icon(count: int = 0) -> QIcon:
    icon = QIcon()
    for size in (16, 24, 32, 48, 64, 128):
        icon.addPixmap(app_pixmap(size, count))
    return icon
