"""The counter window: banners, filters and search, the live table, the detail pane, the
per-account status bar. Widgets only: what happens on a click is decided in ``ui.counter``."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QFont, QFontMetrics, QKeySequence
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QSlider,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ui import icons
from ui.detail_pane import OrderDetailPane
from ui.i18n import LANGUAGES
from ui.notices import NoticeArea
from ui.orders_filter import OrdersFilterProxy
from ui.orders_model import ROW_ID_ROLE, Category, Column, OrdersTableModel
from ui.orders_view import OrdersTableView
from ui.status_bar import AccountStatusBar

FILTERS = (
    Category.ALL,
    Category.NEEDS_ACTION,
    Category.IN_PROGRESS,
    Category.DONE,
    Category.PROBLEMS,
)
COLUMN_WIDTHS = {
    Column.RECEIVED: 92,
    Column.PLATFORM: 132,
    Column.NUMBER: 100,
    Column.CUSTOMER: 150,
    Column.ITEMS: 240,
    Column.TOTAL: 142,
    Column.STATUS: 170,
    Column.ACK: 132,
    Column.TIME_LEFT: 110,
}
HEADER_PADDING = 28  # room for the sort arrow and the header's margins
TIME_REFRESH_MS = 10_000
COUNT_REFRESH_MS = 250


class MainWindow(QMainWindow):
    order_opened = Signal(int)  # row key: a person chose this row
    quit_requested = Signal()
    hide_requested = Signal()
    language_chosen = Signal(str)
    mute_toggled = Signal(bool)
    volume_changed = Signal(float)
    test_sound_requested = Signal()

    def __init__(
        self,
        model: OrdersTableModel,
        demo: bool = False,
        tray_available: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.demo = demo
        self.tray_available = tray_available
        self.quitting = False
        self._unopened = 0
        self.model = model
        if model.parent() is None:
            model.setParent(self)  # destroyed with the window, on Qt's thread
        self.proxy = OrdersFilterProxy(self)
        self.proxy.setSourceModel(model)
        self.setWindowIcon(icons.app_icon())
        self.resize(1600, 900)

        central = QWidget()
        central.setObjectName("central")
        layout = QVBoxLayout(central)
        layout.setContentsMargins(10, 8, 10, 6)
        layout.setSpacing(8)
        self.notices = NoticeArea()
        layout.addWidget(self.notices)

        bar = QHBoxLayout()
        bar.setSpacing(8)
        self.filter_group = QButtonGroup(self)
        self.filter_group.setExclusive(True)
        self.filter_buttons: dict[Category, QPushButton] = {}
        for category in FILTERS:
            button = QPushButton()
            button.setObjectName("filterButton")
            button.setCheckable(True)
            self.filter_group.addButton(button, int(category))
            self.filter_buttons[category] = button
            bar.addWidget(button)
        self.filter_buttons[Category.ALL].setChecked(True)
        self.filter_group.idClicked.connect(self._filter_chosen)
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._search_changed)
        bar.addWidget(self.search, 1)
        self.mute_button = QPushButton()
        self.mute_button.setCheckable(True)
        self.mute_button.setMinimumWidth(120)
        self.mute_button.toggled.connect(self._mute_clicked)
        self.volume = QSlider(Qt.Orientation.Horizontal)
        self.volume.setRange(20, 100)  # never below 20 %: inaudible alerts are missed orders
        self.volume.setFixedWidth(130)
        self.volume.valueChanged.connect(lambda v: self.volume_changed.emit(v / 100))
        self.volume_label = QLabel()
        bar.addWidget(self.volume_label)
        bar.addWidget(self.volume)
        bar.addWidget(self.mute_button)
        layout.addLayout(bar)

        self.table = OrdersTableView(self.proxy)
        header = self.table.horizontalHeader()
        for column, width in COLUMN_WIDTHS.items():
            self.table.setColumnWidth(column, width)
        header.setSectionResizeMode(Column.ITEMS, QHeaderView.ResizeMode.Stretch)
        header.setSortIndicator(Column.RECEIVED, Qt.SortOrder.DescendingOrder)
        self.table.setSortingEnabled(True)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.table.clicked.connect(self._clicked)
        self._restoring = False
        self._selected_key: int | None = None
        self._just_opened: int | None = None
        self.proxy.modelAboutToBeReset.connect(self._remember_selection)
        self.proxy.modelReset.connect(self._restore_selection)

        self.detail = OrderDetailPane()
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([1150, 450])
        self.detail.setMinimumWidth(420)
        self.splitter.setChildrenCollapsible(False)
        layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)

        self.status = AccountStatusBar()
        self.setStatusBar(self.status)
        self._build_menus()

        self._time_timer = QTimer(self)
        self._time_timer.setInterval(TIME_REFRESH_MS)
        self._time_timer.timeout.connect(self.refresh_time_left)
        self._time_timer.start()
        self._count_timer = QTimer(self)
        self._count_timer.setSingleShot(True)
        self._count_timer.setInterval(COUNT_REFRESH_MS)
        self._count_timer.timeout.connect(self.update_counts)
        model.counts_changed.connect(self._count_timer.start)
        self.retranslate()

    # -- menus --------------------------------------------------------------------------------

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.app_menu = bar.addMenu("")
        self.hide_action = QAction(self)
        self.hide_action.triggered.connect(self.hide_requested)
        self.quit_action = QAction(self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.quit_requested)
        self.app_menu.addAction(self.hide_action)
        self.app_menu.addSeparator()
        self.app_menu.addAction(self.quit_action)
        self.view_menu = bar.addMenu("")
        self.language_menu = self.view_menu.addMenu("")
        self.language_group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for code, name in LANGUAGES.items():
            action = QAction(name, self)
            action.setCheckable(True)
            action.triggered.connect(lambda _=False, c=code: self.language_chosen.emit(c))
            self.language_group.addAction(action)
            self.language_menu.addAction(action)
            self.language_actions[code] = action
        self.sound_menu = bar.addMenu("")
        self.mute_action = QAction(self)
        self.mute_action.setCheckable(True)
        self.mute_action.toggled.connect(self._mute_clicked)
        self.test_sound_action = QAction(self)
        self.test_sound_action.triggered.connect(self.test_sound_requested)
        self.sound_menu.addAction(self.mute_action)
        self.sound_menu.addAction(self.test_sound_action)

    # -- texts --------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def fit_headers(self) -> None:
        """No clipped column titles ("Acknowledged" in any language): a fixed column is at
        least as wide as its title in the header's font."""
        header = self.table.horizontalHeader()
        font = QFont(header.font())
        font.setBold(True)  # the theme draws titles bold
        metrics = QFontMetrics(font)
        for column, width in COLUMN_WIDTHS.items():
            if column == Column.ITEMS:
                continue  # it stretches
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            needed = metrics.horizontalAdvance(title) + HEADER_PADDING
            self.table.setColumnWidth(column, max(width, needed))

    def retranslate(self) -> None:
        self.model.retranslate()
        self.fit_headers()
        self.update_title()
        self.search.setPlaceholderText(self.tr("Search: order number, customer, dish…"))
        self.volume_label.setText(self.tr("Volume"))
        self._mute_texts()
        self.app_menu.setTitle(self.tr("&POS Bridge"))
        self.hide_action.setText(
            self.tr("Hide to the tray") if self.tray_available else self.tr("Minimise")
        )
        self.quit_action.setText(self.tr("&Quit POS Bridge"))
        self.view_menu.setTitle(self.tr("&View"))
        self.language_menu.setTitle(self.tr("Language"))
        self.sound_menu.setTitle(self.tr("&Sound"))
        self.mute_action.setText(self.tr("Mute alert sounds"))
        self.test_sound_action.setText(self.tr("Play the alert sounds (test)"))
        self.update_counts()

    def _mute_texts(self) -> None:
        self.mute_button.setText(
            self.tr("Sound: MUTED") if self.mute_button.isChecked() else self.tr("Sound: on")
        )

    def update_title(self, unopened: int | None = None) -> None:
        if unopened is not None:
            self._unopened = unopened
        title = self.tr("POS Bridge — orders")
        if self.demo:
            title = self.tr("POS Bridge — DEMO")
        if self._unopened:
            title = f"({self._unopened}) {title}"
        self.setWindowTitle(title)

    def update_counts(self) -> None:
        counts: Counter[int] = Counter(self.model.cats)

        def total(category: Category) -> int:
            return sum(n for bits, n in counts.items() if bits & category)

        labels = {
            Category.ALL: self.tr("All ({n})"),
            Category.NEEDS_ACTION: self.tr("Needs action ({n})"),
            Category.IN_PROGRESS: self.tr("In progress ({n})"),
            Category.DONE: self.tr("Done ({n})"),
            Category.PROBLEMS: self.tr("Problems ({n})"),
        }
        for category, button in self.filter_buttons.items():
            button.setText(labels[category].format(n=total(category)))
        # A column that is always empty only pushes the others off screen: Dükkango has no
        # deadline, Walmart has one (acknowledge within 4 h).
        self.table.setColumnHidden(Column.TIME_LEFT, not self.model.has_deadlines)
        problems = self.filter_buttons[Category.PROBLEMS]
        style = "color: #B71C1C;" if total(Category.PROBLEMS) else ""
        if problems.styleSheet() != style:
            problems.setStyleSheet(style)

    # -- sound controls -----------------------------------------------------------------------

    def set_muted(self, muted: bool) -> None:
        for widget in (self.mute_button, self.mute_action):
            if widget.isChecked() != muted:
                widget.blockSignals(True)
                widget.setChecked(muted)
                widget.blockSignals(False)
        self._mute_texts()

    def set_volume(self, volume: float) -> None:
        self.volume.blockSignals(True)
        self.volume.setValue(round(volume * 100))
        self.volume.blockSignals(False)

    def _mute_clicked(self, muted: bool) -> None:
        self.set_muted(muted)
        self.mute_toggled.emit(muted)

    # -- filters and selection ----------------------------------------------------------------

    def set_category(self, category: Category) -> None:
        self.filter_buttons[category].setChecked(True)
        self.proxy.set_category(category)

    def _filter_chosen(self, category_id: int) -> None:
        self.proxy.set_category(Category(category_id))

    def _search_changed(self, text: str) -> None:
        self.proxy.set_search(text)

    def select_key(self, key: int) -> bool:
        """Select a row by order (no "opened" signal: only a person opens orders)."""
        number = self.model.number_of(key)
        row = None if number is None else self.proxy.proxy_row(number)
        if row is None:
            return False
        self._restoring = True
        try:
            index = self.proxy.index(row, 0)
            self.table.selectionModel().setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            self.table.scrollTo(index)
        finally:
            self._restoring = False
        return True

    def open_row(self, proxy_row: int) -> None:
        """What a tap on a row does (tests call it too)."""
        index = self.proxy.index(proxy_row, 0)
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self._clicked(index)  # as the mouse release after the press that selected it

    def _current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        if self._restoring or not current.isValid():
            return
        key = current.data(ROW_ID_ROLE)
        if key is not None:
            self._selected_key = key
            self._just_opened = key
            self.order_opened.emit(key)

    def _clicked(self, index: QModelIndex) -> None:
        # A tap on the row already selected opens it again (it may have changed since); a tap
        # that just moved the selection has opened it already.
        key = index.data(ROW_ID_ROLE)
        if key is None:
            return
        if key == self._just_opened:
            self._just_opened = None
            return
        self._selected_key = key
        self.order_opened.emit(key)

    def _remember_selection(self) -> None:
        current = self.table.selectionModel().currentIndex()
        self._selected_key = current.data(ROW_ID_ROLE) if current.isValid() else self._selected_key

    def _restore_selection(self) -> None:
        if self._selected_key is not None:
            QTimer.singleShot(
                0,
                self,
                lambda: self._selected_key is not None and self.select_key(self._selected_key),
            )

    def refresh_time_left(self) -> None:
        """Repaint the countdown column of the rows on screen (never the whole table)."""
        viewport = self.table.viewport()
        first = self.table.rowAt(0)
        last = self.table.rowAt(viewport.height() - 1)
        if first < 0:
            return
        if last < 0:
            last = self.proxy.rowCount() - 1
        self.model.forget_looks()  # "14:32" becomes "22.11 14:32" after midnight
        self.proxy.refresh_columns(first, last, tuple(int(c) for c in Column))

    # -- closing ------------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        """Closing the window never stops the bridge: orders must keep coming in."""
        if self.quitting:
            event.accept()
            return
        event.ignore()
        self.hide_requested.emit()
