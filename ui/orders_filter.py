"""The sort/filter proxy in front of the orders model.

Why not ``QSortFilterProxyModel``: with the filter and the sort keys in Python it calls back into
Python for every row. Measured here on 100,000 rows: 1.5 s to apply a filter, 8 s to sort,
against a budget of 50 ms per step. This proxy does the same job with list operations on
per-row values the model keeps ready (category bits, search text, sort keys): a filter step is
one list comprehension, finding a row is a binary search, and live changes are applied row by
row (inserted, moved, removed) so the selection and the scroll position survive them.

The visible rows are kept in ascending key order (ties broken by row number, so keys are
unique); a descending sort only reverses the numbering: proxy row ``r`` is
``visible[len - 1 - r]``.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from typing import Any, TypeAlias, cast

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractProxyModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from ui.orders_model import Category, Column, OrdersTableModel, sort_key_function

AnyIndex: TypeAlias = QModelIndex | QPersistentModelIndex
MAX_INSERT_RUNS = 64
CELL_FLAGS = (
    Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
)


class OrdersFilterProxy(QAbstractProxyModel):
    """Filters by category and search text, sorts by any column, follows live changes."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._src: OrdersTableModel | None = None
        self._want = int(Category.ALL)
        self._needle = ""
        self._sort_column = int(Column.RECEIVED)
        self._descending = True
        self._key_of: Callable[[int], Any] | None = None  # None: the row number is the key
        self._keys: list[Any] | None = None
        self._all: list[int] = []  # every source row, ascending by key
        self._visible: list[int] = []  # the rows that pass the filter, ascending by key

    # -- public -------------------------------------------------------------------------------

    @property
    def orders_model(self) -> OrdersTableModel:
        return self._source()

    @property
    def category(self) -> Category:
        return Category(self._want)

    @property
    def search_text(self) -> str:
        return self._needle

    def set_category(self, category: Category) -> None:
        if int(category) == self._want:
            return
        self._want = int(category)
        self._refilter()

    def set_search(self, text: str) -> None:
        needle = text.strip().casefold()
        if needle == self._needle:
            return
        self._needle = needle
        self._refilter()

    def source_row(self, proxy_row: int) -> int:
        return self._visible[self._internal(proxy_row)]

    def proxy_row(self, source_row: int) -> int | None:
        position = self._find(source_row)
        return None if position is None else self._external(position)

    def refresh_columns(self, first: int, last: int, columns: tuple[int, ...]) -> None:
        """Repaint some columns of some proxy rows (the clock-driven ones), nothing else."""
        last = min(last, len(self._visible) - 1)
        if first < 0 or first > last:
            return
        roles = [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ForegroundRole]
        for column in columns:
            self.dataChanged.emit(self.index(first, column), self.index(last, column), roles)

    # -- Qt proxy API -------------------------------------------------------------------------

    def setSourceModel(self, model: QAbstractItemModel) -> None:
        if not isinstance(model, OrdersTableModel):
            raise TypeError("OrdersFilterProxy works on an OrdersTableModel")
        self.beginResetModel()
        if self._src is not None:
            for signal, slot in self._connections():
                signal.disconnect(slot)
        super().setSourceModel(model)
        self._src = model
        for signal, slot in self._connections():
            signal.connect(slot)
        self._rebuild_keys()
        self._rebuild_visible()
        self.endResetModel()

    def _connections(self) -> list[tuple[Any, Any]]:
        src = self._source()
        return [
            (src.modelAboutToBeReset, self._on_source_about_to_reset),
            (src.modelReset, self._on_source_reset),
            (src.rowsInserted, self._on_source_rows_inserted),
            (src.rows_replaced, self._on_source_rows_replaced),
            (src.presentation_changed, self._on_source_presentation_changed),
            (src.headerDataChanged, self.headerDataChanged),
        ]

    def mapToSource(self, proxy_index: AnyIndex) -> QModelIndex:
        if not proxy_index.isValid() or self._src is None:
            return QModelIndex()
        row = proxy_index.row()
        if row < 0 or row >= len(self._visible):
            return QModelIndex()
        return self._src.index(self._visible[self._internal(row)], proxy_index.column())

    def mapFromSource(self, source_index: AnyIndex) -> QModelIndex:
        if not source_index.isValid():
            return QModelIndex()
        position = self._find(source_index.row())
        if position is None:
            return QModelIndex()
        return self.index(self._external(position), source_index.column())

    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if parent.isValid() or row < 0 or column < 0:
            return QModelIndex()
        if row >= len(self._visible) or column >= len(Column):
            return QModelIndex()
        return self.createIndex(row, column)

    def parent(self, child: AnyIndex | None = None) -> Any:
        if child is None:
            return super().parent()  # QObject.parent()
        return QModelIndex()

    def sibling(self, row: int, column: int, idx: AnyIndex) -> QModelIndex:
        return self.index(row, column) if idx.isValid() else QModelIndex()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._visible)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def hasChildren(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and bool(self._visible)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self._src is None:
            return None
        row = index.row()
        if row >= len(self._visible):
            return None
        return self._src.cell(self._visible[self._internal(row)], index.column(), role)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        # Every cell behaves the same; the view asks for each cell it paints, so answer at once.
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return CELL_FLAGS

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and self._src is not None:
            return self._src.headerData(section, orientation, role)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        descending = order == Qt.SortOrder.DescendingOrder
        if column < 0 or column >= len(Column):
            column, descending = int(Column.RECEIVED), True
        if column == self._sort_column and descending == self._descending:
            return
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        remembered = [
            (self._visible[self._internal(p.row())], p.column())
            if p.isValid() and p.row() < len(self._visible)
            else None
            for p in persistent
        ]
        self._sort_column, self._descending = column, descending
        self._rebuild_keys()
        self._rebuild_visible()
        moved = []
        for item in remembered:
            if item is None:
                moved.append(QModelIndex())
                continue
            row = self.proxy_row(item[0])
            moved.append(QModelIndex() if row is None else self.index(row, item[1]))
        self.changePersistentIndexList(persistent, moved)
        self.layoutChanged.emit()

    @property
    def sort_column(self) -> int:
        return self._sort_column

    @property
    def sort_order(self) -> Qt.SortOrder:
        return Qt.SortOrder.DescendingOrder if self._descending else Qt.SortOrder.AscendingOrder

    # -- internals ----------------------------------------------------------------------------

    def _source(self) -> OrdersTableModel:
        if self._src is None:
            raise RuntimeError("no source model")
        return self._src

    def _internal(self, proxy_row: int) -> int:
        return len(self._visible) - 1 - proxy_row if self._descending else proxy_row

    def _external(self, position: int) -> int:
        return len(self._visible) - 1 - position if self._descending else position

    def _key_getter(self) -> Callable[[int], Any] | None:
        return None if self._keys is None else self._keys.__getitem__

    def _key(self, source_row: int) -> Any:
        return source_row if self._keys is None else self._keys[source_row]

    def _find(self, source_row: int) -> int | None:
        """Where a source row sits in ``_visible`` (binary search on its current key)."""
        if self._keys is not None and source_row >= len(self._keys):
            return None
        visible = self._visible
        position = bisect.bisect_left(visible, self._key(source_row), key=self._key_getter())
        if position < len(visible) and visible[position] == source_row:
            return position
        return None

    def _accepts(self, source_row: int) -> bool:
        src = self._source()
        if not src.cats[source_row] & self._want:
            return False
        return not self._needle or self._needle in src.hay[source_row]

    def _rebuild_keys(self) -> None:
        src = self._src
        count = 0 if src is None else src.rowCount()
        self._key_of = None if src is None else sort_key_function(src, self._sort_column)
        if self._key_of is None:
            self._keys = None
            self._all = list(range(count))
        else:
            key_of = self._key_of
            self._keys = [key_of(n) for n in range(count)]
            self._all = sorted(range(count), key=self._keys.__getitem__)

    def _rebuild_visible(self) -> None:
        src = self._src
        if src is None:
            self._visible = []
            return
        cats, hay, want, needle = src.cats, src.hay, self._want, self._needle
        if needle:
            self._visible = [n for n in self._all if cats[n] & want and needle in hay[n]]
        elif want == int(Category.ALL):
            self._visible = [n for n in self._all if cats[n]]
        else:
            self._visible = [n for n in self._all if cats[n] & want]

    def _refilter(self) -> None:
        self.beginResetModel()
        self._rebuild_visible()
        self.endResetModel()

    # -- following the source -----------------------------------------------------------------

    def _on_source_about_to_reset(self) -> None:
        self.beginResetModel()

    def _on_source_reset(self) -> None:
        self._rebuild_keys()
        self._rebuild_visible()
        self.endResetModel()

    def _on_source_rows_inserted(self, parent: QModelIndex, first: int, last: int) -> None:
        if parent.isValid():
            return
        count = last - first + 1
        new_rows = list(range(first, last + 1))
        appended = first >= len(self._all)
        if not appended:
            # Older history went in above: every row number from ``first`` on moved down.
            self._all = [n + count if n >= first else n for n in self._all]
            self._visible = [n + count if n >= first else n for n in self._visible]
        if self._keys is None:
            # The row number is the key: arrival order, with older history always in front.
            if appended:
                self._all.extend(new_rows)
            else:
                self._all[0:0] = new_rows
        else:
            key_of = cast(Callable[[int], Any], self._key_of)
            self._keys[first:first] = [key_of(n) for n in new_rows]
            getter = self._keys.__getitem__
            if count > 256:
                self._all = sorted(range(len(self._keys)), key=getter)
            else:
                for n in new_rows:
                    bisect.insort(self._all, n, key=getter)
        accepted = [n for n in new_rows if self._accepts(n)]
        if accepted:
            self._insert_visible(accepted)

    def _insert_visible(self, rows: list[int]) -> None:
        """Insert rows into the visible list, announcing each run of adjacent proxy rows once
        (a burst of new orders sorted newest-first is a single run at the top)."""
        getter = self._key_getter()
        rows.sort(key=getter)
        old = self._visible
        positions = [bisect.bisect_left(old, self._key(n), key=getter) for n in rows]
        runs: list[tuple[int, int]] = []  # (first j, last j) sharing one insertion point
        start = 0
        for j in range(1, len(rows) + 1):
            if j == len(rows) or positions[j] != positions[start]:
                runs.append((start, j - 1))
                start = j
        if len(runs) > MAX_INSERT_RUNS:
            # Thousands of scattered rows (history arriving while sorted by name): one reset
            # is far cheaper than thousands of insert signals. The window restores the
            # selection by order, not by row.
            self.beginResetModel()
            self._visible = sorted(old + rows, key=getter)
            self.endResetModel()
            return
        root = QModelIndex()
        if not self._descending:
            for a, b in runs:
                first = positions[a] + a
                self.beginInsertRows(root, first, first + b - a)
                self._visible[first:first] = rows[a : b + 1]
                self.endInsertRows()
        else:
            for a, b in reversed(runs):
                first = len(self._visible) - positions[a]
                self.beginInsertRows(root, first, first + b - a)
                self._visible[positions[a] : positions[a]] = rows[a : b + 1]
                self.endInsertRows()

    def _on_source_presentation_changed(self) -> None:
        # A language switch: every row reads differently, nothing moves or filters.
        if self._visible:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._visible) - 1, len(Column) - 1), []
            )

    def _on_source_rows_replaced(self, numbers: list[int]) -> None:
        """Rows with new values: each stays, moves, leaves or joins the visible list. Those
        that stay are repainted with one signal for the whole batch."""
        kept = [n for n in numbers if self._on_source_row_changed(n) is not None]
        # Later rows of the batch may have moved these: look their places up at the end.
        stayed = [row for row in map(self.proxy_row, kept) if row is not None]
        if stayed:
            self.dataChanged.emit(
                self.index(min(stayed), 0), self.index(max(stayed), len(Column) - 1), []
            )

    def _on_source_row_changed(self, n: int) -> int | None:
        """Apply one changed row; returns its proxy row if it is still visible afterwards."""
        getter = self._key_getter()
        visible = self._visible
        old_key = self._key(n)
        position = bisect.bisect_left(visible, old_key, key=getter)
        was_visible = position < len(visible) and visible[position] == n
        new_key = old_key if self._key_of is None else self._key_of(n)
        key_moved = new_key != old_key
        target = position
        if was_visible and key_moved:
            insertion = bisect.bisect_left(visible, new_key, key=getter)
            target = insertion - 1 if insertion > position else insertion
        if key_moved and self._keys is not None:
            at = bisect.bisect_left(self._all, old_key, key=getter)
            del self._all[at]
            self._keys[n] = new_key
            bisect.insort(self._all, n, key=self._keys.__getitem__)
        now_visible = self._accepts(n)
        root = QModelIndex()
        if was_visible and now_visible:
            old_row = self._external(position)
            if target != position:
                new_row = self._external(target)
                destination = new_row + 1 if new_row > old_row else new_row
                if self.beginMoveRows(root, old_row, old_row, root, destination):
                    del visible[position]
                    visible.insert(target, n)
                    self.endMoveRows()
                else:  # cannot happen for a real move; keep the list right regardless
                    del visible[position]
                    visible.insert(target, n)
            return self._external(target)
        if was_visible:
            row = self._external(position)
            self.beginRemoveRows(root, row, row)
            del visible[position]
            self.endRemoveRows()
        elif now_visible:
            self._insert_visible([n])
        return None
