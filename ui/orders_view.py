"""The orders table on screen: large rows, strong colours, one paint call per cell.

The delegate paints a cell from the row's cached ``RowLook`` in a single Python call, with the
cell's text laid out once and kept by text (``QStaticText``): a burst repaints the same rows
many times, and shaping text was most of each repaint. The standard delegate would ask the
model for eight or more roles per cell, each a call from C++ into Python.
"""

from __future__ import annotations

from typing import TypeAlias

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPalette,
    QStaticText,
    QTransform,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from ui import theme
from ui.orders_filter import OrdersFilterProxy
from ui.orders_model import Column, alignment

PADDING = 8
SELECTED_BG = QColor("#1E4E8C")
SELECTED_FG = QColor("#FFFFFF")
FOCUS_BAR = QColor("#0B2E5C")
# A cell's text laid out, its offset in the cell, and its font.
Prepared: TypeAlias = tuple[QStaticText, int, int, QFont]
MAX_PREPARED = 20_000  # texts kept laid out (a few MB); more than a screen needs many times


class OrdersDelegate(QStyledItemDelegate):
    def __init__(self, proxy: OrdersFilterProxy, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._proxy = proxy
        self._plain = QFont()
        self._plain.setPointSize(theme.TABLE_POINT_SIZE)
        self._bold = QFont(self._plain)
        self._bold.setBold(True)
        self._plain_metrics = QFontMetrics(self._plain)
        self._bold_metrics = QFontMetrics(self._bold)
        self._right = {c for c in Column if alignment(c) & Qt.AlignmentFlag.AlignRight}
        self._prepared: dict[tuple[str, bool, int, int, int], Prepared] = {}

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        proxy = self._proxy
        model = proxy.orders_model
        row = index.row()
        if row >= proxy.rowCount():
            return
        number = proxy.source_row(row)
        look = model.look(number)
        column = index.column()
        rect: QRect = option.rect
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        if selected:
            painter.fillRect(rect, SELECTED_BG)
        elif look.background is not None:
            painter.fillRect(rect, look.background)
        elif row % 2:
            painter.fillRect(rect, option.palette.color(QPalette.ColorRole.AlternateBase))
        else:
            painter.fillRect(rect, option.palette.color(QPalette.ColorRole.Base))
        if column == Column.TIME_LEFT:
            text, late = model.time_left(number)
        else:
            text, late = look.texts[column], False
        if not text:
            return
        if selected:
            colour = SELECTED_FG
        elif look.foreground is not None:
            colour = look.foreground
        elif late:
            colour = theme.OVERDUE_FG
        else:
            colour = option.palette.color(QPalette.ColorRole.Text)
        key = (text, look.bold or column == Column.NUMBER, rect.width(), rect.height(), column)
        prepared = self._prepared.get(key)
        if prepared is None:
            if len(self._prepared) > MAX_PREPARED:
                self._prepared.clear()
            prepared = self._prepared[key] = self._prepare(*key)
        static, dx, dy, font = prepared
        painter.setFont(font)  # a static text is laid out again if the painter's font differs
        painter.setPen(colour)
        painter.drawStaticText(rect.x() + dx, rect.y() + dy, static)

    def _prepare(
        self, text: str, bold: bool, cell_width: int, cell_height: int, column: int
    ) -> Prepared:
        """The text as it fits the cell, laid out once, and where it goes in the cell. A burst
        repaints the same rows many times, and shaping the text was most of each repaint;
        kept by text, so a row that changed reuses the texts that did not."""
        width = cell_width - 2 * PADDING
        metrics = self._bold_metrics if bold else self._plain_metrics
        fitted = metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)
        static = QStaticText(fitted)
        static.setTextFormat(Qt.TextFormat.PlainText)
        font = self._bold if bold else self._plain
        static.prepare(QTransform(), font)
        size = static.size()
        dx = PADDING + (width - round(size.width()) if column in self._right else 0)
        dy = (cell_height - round(size.height())) // 2
        return static, dx, dy, font


class OrdersTableView(QTableView):
    """The table: whole-row selection, fixed tall rows, readable from two metres."""

    def __init__(self, proxy: OrdersFilterProxy, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ordersTable")
        self.setModel(proxy)
        self.delegate = OrdersDelegate(proxy, self)
        self.setItemDelegate(self.delegate)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setShowGrid(False)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        vertical = self.verticalHeader()
        vertical.setVisible(False)
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(theme.ROW_HEIGHT)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setMinimumHeight(40)
        header_font = header.font()
        header_font.setPointSize(11)
        header.setFont(header_font)
        font = self.font()
        font.setPointSize(theme.TABLE_POINT_SIZE)
        self.setFont(font)
