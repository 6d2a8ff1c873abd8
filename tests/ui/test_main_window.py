"""The window without the engine: filters, search, counts, closing, the time-left column."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from uitest_helpers import BASE_TIME, make_quarantine, make_summary

from ui.main_window import MainWindow
from ui.orders_model import ROW_ID_ROLE, Category, Column, OrdersTableModel, build_snapshot


@pytest.fixture
def window(qtbot: QtBot) -> MainWindow:
    rows = [
        make_summary(1, status="new", customer_name="Zübeyde Ateş"),
        make_summary(2, status="accepted", seen=True),
        make_summary(3, status="on_the_way", seen=True),
        make_summary(4, status="done", seen=True),
        make_summary(5, status="cancelled", seen=True),  # cancelled by the customer: confirm it
        make_summary(6, status="cancelled", seen=True, cancel_confirmed=True),
        make_summary(
            7,
            status="accepted",
            seen=True,
            action_kind="on_the_way",
            action_state="failed",
            problem="on_the_way: geçersiz işlem",
        ),
        make_summary(8, status="new", acked=False, problem="ack: 503 sunucu hatası"),
    ]
    model = OrdersTableModel()
    model.load(build_snapshot(rows, [make_quarantine(1)]))
    window = MainWindow(model)
    qtbot.addWidget(window)
    window.show()
    return window


def shown(window: MainWindow) -> set[int]:
    proxy = window.proxy
    return {proxy.index(row, 0).data(ROW_ID_ROLE) for row in range(proxy.rowCount())}


def test_filters_show_what_their_names_say(window: MainWindow, qtbot: QtBot) -> None:
    assert shown(window) == {1, 2, 3, 4, 5, 6, 7, 8, -1}
    qtbot.mouseClick(window.filter_buttons[Category.NEEDS_ACTION], Qt.MouseButton.LeftButton)
    assert shown(window) == {1, 5, 8}
    qtbot.mouseClick(window.filter_buttons[Category.IN_PROGRESS], Qt.MouseButton.LeftButton)
    assert shown(window) == {2, 3, 7}
    qtbot.mouseClick(window.filter_buttons[Category.DONE], Qt.MouseButton.LeftButton)
    assert shown(window) == {4, 6}
    qtbot.mouseClick(window.filter_buttons[Category.PROBLEMS], Qt.MouseButton.LeftButton)
    assert shown(window) == {7, 8, -1}  # failed action, failed acknowledgement, unreadable
    qtbot.mouseClick(window.filter_buttons[Category.ALL], Qt.MouseButton.LeftButton)
    assert len(shown(window)) == 9


def test_filter_buttons_carry_their_counts(window: MainWindow) -> None:
    window.update_counts()
    assert window.filter_buttons[Category.NEEDS_ACTION].text() == "Needs action (3)"
    assert window.filter_buttons[Category.PROBLEMS].text() == "Problems (3)"
    assert window.filter_buttons[Category.ALL].text() == "All (9)"


def test_search_matches_number_customer_and_dishes(window: MainWindow, qtbot: QtBot) -> None:
    qtbot.keyClicks(window.search, "zub")  # typed (QTest types ASCII only)
    assert shown(window) == set()  # "u" is not "ü": no false friends
    window.search.setText("zübeyde")
    assert shown(window) == {1}
    window.search.setText("ATEŞ")  # case does not matter, Turkish letters included
    assert shown(window) == {1}
    window.search.setText("100004")
    assert shown(window) == {4}
    window.search.setText("kebap")
    assert shown(window) == {6}  # "2× Adana Kebap" (make_summary cycles the dishes)
    window.set_category(Category.IN_PROGRESS)
    assert shown(window) == set()  # search and filter together (6 is done)
    window.search.clear()
    assert shown(window) == {2, 3, 7}


def test_selection_survives_filter_changes(window: MainWindow) -> None:
    opened: list[int] = []
    window.order_opened.connect(opened.append)
    row = window.proxy.proxy_row(window.model.number_of(2))  # type: ignore[arg-type]
    assert row is not None
    window.open_row(row)
    assert opened == [2]
    window.set_category(Category.IN_PROGRESS)
    window.set_category(Category.ALL)
    window.search.setText("")

    def selected() -> int | None:
        index = window.table.selectionModel().currentIndex()
        return index.data(ROW_ID_ROLE) if index.isValid() else None

    window.proxy.modelReset.emit()  # as after a filter change
    from PySide6.QtCore import QCoreApplication

    QCoreApplication.processEvents()
    assert selected() == 2
    assert opened == [2]  # restoring a selection does not "open" the order again


def test_sorting_by_a_column_keeps_the_selected_order(window: MainWindow) -> None:
    row = window.proxy.proxy_row(window.model.number_of(3))  # type: ignore[arg-type]
    window.open_row(row)  # type: ignore[arg-type]
    window.table.sortByColumn(Column.CUSTOMER, Qt.SortOrder.AscendingOrder)
    assert window.table.selectionModel().currentIndex().data(ROW_ID_ROLE) == 3
    names = [window.proxy.index(r, Column.CUSTOMER).data() for r in range(window.proxy.rowCount())]
    assert names == sorted(names, key=str.casefold)


def test_time_left_column_appears_only_when_a_platform_sets_deadlines(window: MainWindow) -> None:
    window.update_counts()
    assert window.table.isColumnHidden(Column.TIME_LEFT)
    deadline = BASE_TIME + timedelta(days=3650)
    window.model.add_rows([make_summary(20, deadline_at=deadline)])
    window.update_counts()
    assert not window.table.isColumnHidden(Column.TIME_LEFT)
    row = window.proxy.proxy_row(window.model.number_of(20))  # type: ignore[arg-type]
    assert (
        "h" in window.proxy.index(row, Column.TIME_LEFT).data()
        or "d" in window.proxy.index(row, Column.TIME_LEFT).data()
    )
    late = make_summary(21, deadline_at=BASE_TIME)
    window.model.add_rows([late])
    row = window.proxy.proxy_row(window.model.number_of(21))  # type: ignore[arg-type]
    assert window.proxy.index(row, Column.TIME_LEFT).data().startswith("LATE")


def test_closing_the_window_never_quits(window: MainWindow) -> None:
    hidden: list[bool] = []
    window.hide_requested.connect(lambda: hidden.append(True))
    window.close()
    assert hidden == [True]
    assert window.isVisible()  # the counter decides: hide to the tray or minimise
    window.quitting = True
    window.close()
    assert not window.isVisible()


def test_the_table_paints_every_kind_of_row(window: MainWindow) -> None:
    """A smoke test of the delegate: painting must not raise for any row."""
    image = window.table.grab()
    assert not image.isNull()


def test_no_column_title_is_clipped(window: MainWindow) -> None:
    """Read from two metres away: "Acknowledged" (or "Bildirildi") must fit its column."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QFont, QFontMetrics

    from ui.main_window import COLUMN_WIDTHS
    from ui.orders_model import Column

    font = QFont(window.table.horizontalHeader().font())
    font.setBold(True)
    metrics = QFontMetrics(font)
    for column in COLUMN_WIDTHS:
        if column == Column.ITEMS or window.table.isColumnHidden(column):
            continue
        title = str(window.model.headerData(column, Qt.Orientation.Horizontal))
        assert window.table.columnWidth(column) >= metrics.horizontalAdvance(title) + 20, title
