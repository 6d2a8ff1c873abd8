"""The orders table model and its sort/filter proxy, checked by pytest-qt's model tester while
orders arrive and change, and against a plain recomputation after random changes."""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import replace

import pytest
from PySide6.QtCore import QModelIndex, Qt
from pytestqt.modeltest import ModelTester
from uitest_helpers import make_quarantine, make_summary

from app.model import OrderStatus, OutboxState
from ui.orders_filter import OrdersFilterProxy
from ui.orders_model import (
    ROW_ID_ROLE,
    Category,
    Column,
    OrdersTableModel,
    build_snapshot,
    categories,
    row_key,
    sort_key_function,
)


@pytest.fixture
def model() -> OrdersTableModel:
    model = OrdersTableModel()
    model.load(build_snapshot([make_summary(i) for i in range(1, 21)], [make_quarantine(1)]))
    return model


@pytest.fixture
def proxy(model: OrdersTableModel) -> OrdersFilterProxy:
    proxy = OrdersFilterProxy()
    proxy.setSourceModel(model)
    return proxy


def visible_keys(proxy: OrdersFilterProxy) -> list[int]:
    return [proxy.index(r, 0).data(ROW_ID_ROLE) for r in range(proxy.rowCount())]


def expected_keys(model: OrdersTableModel, proxy: OrdersFilterProxy) -> list[int]:
    """What the proxy must show, computed the slow, obvious way."""
    rows = [
        n
        for n in range(model.rowCount())
        if model.cats[n] & proxy.category
        and (not proxy.search_text or proxy.search_text in model.hay[n])
    ]
    key = sort_key_function(model, proxy.sort_column)
    rows.sort(key=key, reverse=proxy.sort_order == Qt.SortOrder.DescendingOrder)
    return [row_key(model.row(n)) for n in rows]


@pytest.fixture
def source_tester(request: pytest.FixtureRequest) -> Iterator[ModelTester]:
    """A second tester: one tester follows one model (the proxy's changes nest in the model's)."""
    tester = ModelTester(request.config)
    yield tester
    tester._cleanup()


def test_model_passes_the_model_tester_while_orders_arrive_and_change(
    qtmodeltester: ModelTester,
    source_tester: ModelTester,
    model: OrdersTableModel,
    proxy: OrdersFilterProxy,
) -> None:
    source_tester.check(model, force_py=True)
    qtmodeltester.check(proxy, force_py=True)
    model.add_rows([make_summary(i) for i in range(21, 31)])
    model.replace_row(make_summary(5, status=OrderStatus.ACCEPTED.value, seen=True))
    model.replace_row(make_summary(6, status=OrderStatus.CANCELLED.value))
    model.add_rows([make_quarantine(2)])
    proxy.set_category(Category.NEEDS_ACTION)
    model.replace_row(make_summary(7, status=OrderStatus.DONE.value))  # leaves the filter
    model.replace_row(make_summary(6, status=OrderStatus.CANCELLED.value, cancel_confirmed=True))
    model.add_rows([make_summary(31)])
    proxy.sort(Column.STATUS, Qt.SortOrder.AscendingOrder)
    model.replace_row(make_summary(8, status=OrderStatus.ON_THE_WAY.value))  # moves
    model.replace_row(make_summary(9, status=OrderStatus.ACCEPTED.value))
    proxy.set_search("ayşe")
    model.add_rows([make_summary(i) for i in range(32, 40)])
    proxy.set_search("")
    proxy.set_category(Category.ALL)
    proxy.sort(Column.CUSTOMER, Qt.SortOrder.DescendingOrder)
    model.add_rows([make_summary(i) for i in range(40, 60)])
    assert visible_keys(proxy) == expected_keys(model, proxy)


@pytest.mark.parametrize("column", list(Column))
@pytest.mark.parametrize("order", [Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder])
def test_proxy_follows_random_changes_in_every_sort_order(
    qtmodeltester: ModelTester, column: Column, order: Qt.SortOrder
) -> None:
    # The model tester re-checks the whole model after every change: slow, so it watches two
    # of the eighteen runs (one ascending, one descending, both with moving rows).
    check = (column, order) in {
        (Column.STATUS, Qt.SortOrder.AscendingOrder),
        (Column.CUSTOMER, Qt.SortOrder.DescendingOrder),
    }
    rng = random.Random(f"{column}-{order}")
    model = OrdersTableModel()
    model.load(build_snapshot([make_summary(i) for i in range(1000, 1040)], []))
    proxy = OrdersFilterProxy()
    proxy.setSourceModel(model)
    if check:
        qtmodeltester.check(proxy, force_py=True)
    proxy.sort(column, order)
    next_id, oldest = 1040, 1000
    statuses = [s.value for s in OrderStatus]
    for step in range(120):
        choice = rng.random()
        if choice < 0.2:
            batch = [
                make_summary(next_id + k, customer_name=rng.choice("ABCDEF"))
                for k in range(rng.randint(1, 6))
            ]
            next_id += len(batch)
            model.add_rows(batch)
        elif choice < 0.27:
            # Older history arriving after the newest page (the window's progressive load).
            count = rng.randint(1, 8)
            older = [
                make_summary(oldest - count + k, status=rng.choice(statuses)) for k in range(count)
            ]
            oldest -= count
            model.prepend_rows(build_snapshot(older, []))
        elif choice < 0.85:
            key = rng.randint(oldest, next_id - 1)
            current = model.row(model.number_of(key))  # type: ignore[arg-type]
            model.replace_row(
                replace(
                    current,
                    status=rng.choice(statuses),
                    seen=rng.random() < 0.5,
                    cancel_confirmed=rng.random() < 0.5,
                    acked=rng.random() < 0.7,
                    problem=rng.choice(["", "", "ack: 500"]),
                    action_state=rng.choice(
                        ["", OutboxState.PENDING.value, OutboxState.FAILED.value]
                    ),
                )
            )
        elif choice < 0.95:
            proxy.set_category(rng.choice(list(Category)))
        else:
            proxy.set_search(rng.choice(["", "ay", "kebap", "1000"]))
        assert visible_keys(proxy) == expected_keys(model, proxy), f"step {step}"


def test_categories_match_what_staff_expect() -> None:
    assert categories(make_summary(1)) == Category.NEEDS_ACTION
    assert categories(make_summary(1, status="accepted")) == Category.IN_PROGRESS
    assert categories(make_summary(1, status="on_the_way")) == Category.IN_PROGRESS
    assert categories(make_summary(1, status="done")) == Category.DONE
    # A cancellation needs a person until someone confirms they saw it.
    assert categories(make_summary(1, status="cancelled")) == Category.NEEDS_ACTION
    assert categories(make_summary(1, status="cancelled", cancel_confirmed=True)) == Category.DONE
    failed_ack = categories(make_summary(1, problem="ack: 500 sunucu hatası", acked=False))
    assert failed_ack == Category.NEEDS_ACTION | Category.PROBLEMS
    failed_action = categories(make_summary(1, status="accepted", action_state="failed"))
    assert failed_action & Category.PROBLEMS
    assert categories(make_quarantine(1)) == Category.PROBLEMS


def test_new_order_stands_out_until_opened_and_cancellation_until_confirmed(
    model: OrdersTableModel,
) -> None:
    number = model.number_of(3)
    assert number is not None
    bold = model.index(number, Column.STATUS).data(Qt.ItemDataRole.FontRole)
    assert bold.bold()
    loud = model.index(number, Column.STATUS).data(Qt.ItemDataRole.BackgroundRole)
    model.mark_seen_locally(3)
    calm = model.index(number, Column.STATUS).data(Qt.ItemDataRole.BackgroundRole)
    assert loud != calm
    assert not model.index(number, Column.STATUS).data(Qt.ItemDataRole.FontRole).bold()

    model.replace_row(make_summary(3, status="cancelled", seen=True))
    red = model.index(number, Column.STATUS).data(Qt.ItemDataRole.BackgroundRole)
    assert red.red() > 150 and red.green() < 80
    assert "✕" in model.index(number, Column.STATUS).data()
    model.replace_row(make_summary(3, status="cancelled", seen=True, cancel_confirmed=True))
    assert model.index(number, Column.STATUS).data(Qt.ItemDataRole.BackgroundRole) is None


def test_rows_change_in_place(model: OrdersTableModel, proxy: OrdersFilterProxy) -> None:
    count = proxy.rowCount()
    row = proxy.proxy_row(model.number_of(4))  # type: ignore[arg-type]
    model.replace_row(
        make_summary(4, status="accepted", action_kind="accept", action_state="pending")
    )
    assert proxy.rowCount() == count
    assert proxy.proxy_row(model.number_of(4)) == row  # type: ignore[arg-type]
    text = proxy.index(row, Column.STATUS).data()  # type: ignore[arg-type]
    assert "Preparing" in text and "Accept…" in text


def test_newest_orders_come_first_by_default(
    proxy: OrdersFilterProxy, model: OrdersTableModel
) -> None:
    model.add_rows([make_summary(100)])
    assert proxy.index(0, Column.NUMBER).data() == "100100"
    assert proxy.parent(QModelIndex()) == QModelIndex()
