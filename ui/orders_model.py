"""The live orders table: one ``QAbstractTableModel`` row per order (and per unreadable entry).

Rows are the store's ``OrderSummary`` values (read without decoding any JSON) and the
quarantine's ``QuarantineInfo`` values. The model never reads the database itself: the window
reads on a worker thread and hands finished rows in (``load``, ``add_rows``, ``replace_row``),
so the event loop never waits for SQLite. Rows are only ever appended or replaced in place, so
a source row number stays valid for the whole session; ordering and filtering live in the proxy
(``ui.orders_filter``).
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any, TypeAlias

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont

from app.model import ActionKind, OrderStatus, OutboxState
from app.store.store import OrderSummary, QuarantineInfo
from ui import formatting, theme

Row = OrderSummary | QuarantineInfo
AnyIndex: TypeAlias = QModelIndex | QPersistentModelIndex


class Column(enum.IntEnum):
    RECEIVED = 0
    PLATFORM = 1
    NUMBER = 2
    CUSTOMER = 3
    ITEMS = 4
    TOTAL = 5
    STATUS = 6
    ACK = 7
    TIME_LEFT = 8


class Category(enum.IntFlag):
    """The filters. A row may be in two (a new order whose acknowledgement failed)."""

    NONE = 0
    NEEDS_ACTION = 1
    IN_PROGRESS = 2
    DONE = 4
    PROBLEMS = 8
    ALL = NEEDS_ACTION | IN_PROGRESS | DONE | PROBLEMS


MAX_CACHED_LOOKS = 5_000
_FINISHED = frozenset({OrderStatus.DONE.value, OrderStatus.CANCELLED.value})

ROW_ID_ROLE = Qt.ItemDataRole.UserRole + 1  # order row id; quarantine rows: minus their id
CATEGORY_ROLE = Qt.ItemDataRole.UserRole + 2

_NEEDS_ACTION_STATUSES = {
    OrderStatus.NEW.value,
    OrderStatus.CANCEL_REQUESTED.value,
    OrderStatus.UNKNOWN.value,
}
_IN_PROGRESS_STATUSES = {OrderStatus.ACCEPTED.value, OrderStatus.ON_THE_WAY.value}
_STATUS_RANK = {
    OrderStatus.CANCELLED.value: 0,
    OrderStatus.CANCEL_REQUESTED.value: 1,
    OrderStatus.NEW.value: 2,
    OrderStatus.UNKNOWN.value: 3,
    OrderStatus.ACCEPTED.value: 4,
    OrderStatus.ON_THE_WAY.value: 5,
    OrderStatus.DONE.value: 6,
}


def alignment(column: int) -> Qt.AlignmentFlag:
    if column in (Column.TOTAL, Column.TIME_LEFT):
        return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
    return Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


def row_key(row: Row) -> int:
    """A number unique over orders and quarantine entries (the proxy and the window use it)."""
    return row.row_id if isinstance(row, OrderSummary) else -row.id


def categories(row: Row) -> Category:
    if isinstance(row, QuarantineInfo):
        return Category.PROBLEMS
    cats = Category.NONE
    status = row.status
    if status in _NEEDS_ACTION_STATUSES:
        cats |= Category.NEEDS_ACTION
    elif status in _IN_PROGRESS_STATUSES:
        cats |= Category.IN_PROGRESS
    elif status == OrderStatus.CANCELLED.value:
        cats |= Category.NEEDS_ACTION if needs_cancel_confirmation(row) else Category.DONE
    else:
        cats |= Category.DONE
    if row.problem or row.action_state == OutboxState.FAILED.value:
        cats |= Category.PROBLEMS
    return cats


def haystack(row: Row) -> str:
    """What the search box matches: number, customer, items, account, platform key."""
    if isinstance(row, QuarantineInfo):
        return f"{row.order_id or ''}\n{row.account}\n{row.reason}".casefold()
    return (
        f"{row.display_id}\n{row.customer_name}\n{row.summary}\n{row.account}\n{row.order_id}"
    ).casefold()


def is_new_unseen(row: Row) -> bool:
    return isinstance(row, OrderSummary) and row.status == OrderStatus.NEW.value and not row.seen


def needs_cancel_confirmation(row: Row) -> bool:
    """Cancelled by the customer or the platform, and nobody has confirmed seeing it yet.

    An order the staff cancelled themselves needs no confirmation: they know. (The store keeps
    ``cancel_confirmed`` empty for those too, so the staff action is checked here.)"""
    return (
        isinstance(row, OrderSummary)
        and row.status == OrderStatus.CANCELLED.value
        and not row.cancel_confirmed
        and not cancelled_by_staff(row.action_kind, row.action_state)
    )


def cancelled_by_staff(action_kind: str, action_state: str) -> bool:
    return action_kind == ActionKind.CANCEL.value and action_state == OutboxState.SENT.value


@dataclass(frozen=True, slots=True)
class RowLook:
    """How one row reads and looks: everything the painter needs, worked out once."""

    texts: tuple[str, ...]
    background: QColor | None
    foreground: QColor | None
    bold: bool


@dataclass(slots=True)
class TableSnapshot:
    """Everything the model needs, prepared on a worker thread."""

    rows: list[Row] = field(default_factory=list)
    cats: list[int] = field(default_factory=list)
    hay: list[str] = field(default_factory=list)
    max_row_id: int = 0


# Columns that repeat the same few values on every row: sharing one string object per value
# saves tens of megabytes over 100,000 rows (the database hands back a new string each time).
_SHARED_FIELDS = (
    "account",
    "provider",
    "status",
    "provider_status",
    "currency",
    "action_kind",
    "action_state",
    "problem",
)


def _share_strings(summary: OrderSummary, pool: dict[str, str]) -> None:
    for name in _SHARED_FIELDS:
        value = getattr(summary, name)
        shared = pool.setdefault(value, value)
        if shared is not value:
            object.__setattr__(summary, name, shared)  # frozen, but not yet seen by anyone


def build_snapshot(
    summaries: Iterable[OrderSummary], quarantined: Sequence[QuarantineInfo]
) -> TableSnapshot:
    """Rows in arrival order (quarantine entries merged in by time). Runs off the GUI thread."""
    snapshot = TableSnapshot()
    rows = snapshot.rows
    pending = sorted(quarantined, key=lambda q: q.first_seen)
    pool: dict[str, str] = {}
    qi = 0
    for summary in summaries:
        _share_strings(summary, pool)
        while qi < len(pending) and pending[qi].first_seen <= summary.received_at:
            rows.append(pending[qi])
            qi += 1
        rows.append(summary)
        snapshot.max_row_id = summary.row_id
    rows.extend(pending[qi:])
    snapshot.cats = [int(categories(row)) for row in rows]
    snapshot.hay = [haystack(row) for row in rows]
    return snapshot


class OrdersTableModel(QAbstractTableModel):
    """Orders as table rows. Changes arrive as whole rows; the view updates in place."""

    counts_changed = Signal()  # per-category counts or the alert-worthy sets changed
    rows_replaced = Signal(list)  # [row number]: these rows have new values (the proxy listens)
    presentation_changed = Signal()  # every row reads differently (the language changed)

    def __init__(
        self, parent: QObject | None = None, clock: Callable[[], datetime] = formatting.now_utc
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self._rows: list[Row] = []
        self.cats: list[int] = []  # per row, Category bits (the proxy filters on these)
        self.hay: list[str] = []  # per row, casefolded search text
        # row_key → sequence number, and (account, order id) → sequence number. The row number
        # is the sequence number minus _base: prepending older rows lowers _base instead of
        # renumbering every row.
        self._index: dict[int, int] = {}
        self._by_order: dict[tuple[str, str], int] = {}
        self._base = 0
        self.max_row_id = 0
        self.has_deadlines = False  # any row with a platform deadline (else "Time left" hides)
        self.single_account = False  # one account only: the platform column needs no branch
        self._bold = QFont()
        self._bold.setBold(True)
        self._bold.setPointSize(theme.TABLE_POINT_SIZE)
        self._plain = QFont()
        self._plain.setPointSize(theme.TABLE_POINT_SIZE)
        self._headers: list[str] = []
        self._looks: dict[int, RowLook] = {}  # row_key → look, for rows that were painted
        self.retranslate()

    # -- what the window reads ----------------------------------------------------------------

    def row(self, number: int) -> Row:
        return self._rows[number]

    def rows(self) -> Sequence[Row]:
        return self._rows

    @property
    def base(self) -> int:
        """Sequence number of row 0 (rows keep their sequence number for the whole session)."""
        return self._base

    def number_of(self, key: int) -> int | None:
        """The row number of an order (by row id) or quarantine entry (by minus its id)."""
        seq = self._index.get(key)
        return None if seq is None else seq - self._base

    def number_of_order(self, account: str, order_id: str) -> int | None:
        seq = self._by_order.get((account, order_id))
        return None if seq is None else seq - self._base

    def count(self, category: Category) -> int:
        if category == Category.ALL:
            return sum(1 for c in self.cats if c)
        return sum(1 for c in self.cats if c & category)

    # -- feeding ------------------------------------------------------------------------------

    def load(self, snapshot: TableSnapshot) -> None:
        self.beginResetModel()
        self._rows = snapshot.rows
        self._looks.clear()
        self.cats = snapshot.cats
        self.hay = snapshot.hay
        self.max_row_id = snapshot.max_row_id
        self._reindex()
        self.endResetModel()
        self.counts_changed.emit()

    def add_rows(self, rows: Sequence[Row]) -> None:
        fresh = [row for row in rows if row_key(row) not in self._index]
        if not fresh:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(fresh) - 1)
        for offset, row in enumerate(fresh):
            self._rows.append(row)
            self.cats.append(int(categories(row)))
            self.hay.append(haystack(row))
            self._remember(self._base + first + offset, row)
        self.endInsertRows()
        self.counts_changed.emit()

    def prepend_rows(self, snapshot: TableSnapshot) -> None:
        """Older history, read after the newest page was shown: goes above the first row."""
        keep = [i for i, row in enumerate(snapshot.rows) if row_key(row) not in self._index]
        if not keep:
            return
        rows = [snapshot.rows[i] for i in keep]
        count = len(rows)
        self.beginInsertRows(QModelIndex(), 0, count - 1)
        self._rows[0:0] = rows
        self.cats[0:0] = [snapshot.cats[i] for i in keep]
        self.hay[0:0] = [snapshot.hay[i] for i in keep]
        self._base -= count
        for offset, row in enumerate(rows):
            self._remember(self._base + offset, row)
        self.endInsertRows()
        self.counts_changed.emit()

    def replace_row(self, row: Row) -> bool:
        """Put a newer version of a row in place; returns False if the row is not here yet."""
        return bool(self.replace_rows([row]))

    def replace_rows(self, rows: Sequence[Row]) -> list[Row]:
        """Newer versions of many rows at once (a burst of acknowledgements): one signal for
        the whole batch, so the loop makes a handful of Qt calls, not thousands. Returns the
        rows that were not here yet."""
        missing: list[Row] = []
        numbers: list[int] = []
        for row in rows:
            number = self.number_of(row_key(row))
            if number is None:
                missing.append(row)
                continue
            self._rows[number] = row
            self.cats[number] = int(categories(row))
            self.hay[number] = haystack(row)
            self._looks.pop(row_key(row), None)
            if isinstance(row, OrderSummary) and row.deadline_at is not None:
                self.has_deadlines = True
            numbers.append(number)
        if numbers:
            self.rows_replaced.emit(numbers)
            self.dataChanged.emit(
                self.index(min(numbers), 0), self.index(max(numbers), len(Column) - 1), []
            )
            self.counts_changed.emit()
        return missing

    def retire_row(self, key: int) -> None:
        """A row that no longer belongs in any list (an unreadable entry that later arrived
        readable): it stays in place, in no category, so no filter shows it."""
        number = self.number_of(key)
        if number is None or not self.cats[number]:
            return
        self.cats[number] = 0
        self._looks.pop(key, None)
        self.rows_replaced.emit([number])
        self.dataChanged.emit(self.index(number, 0), self.index(number, len(Column) - 1), [])
        self.counts_changed.emit()

    def mark_seen_locally(self, key: int) -> None:
        """Someone opened the order: stop it standing out now, before the database says so."""
        number = self.number_of(key)
        if number is None:
            return
        row = self._rows[number]
        if isinstance(row, OrderSummary) and not row.seen:
            self.replace_row(replace(row, seen=True))

    def retranslate(self) -> None:
        self._headers = [
            QCoreApplication.translate("OrdersModel", "Received"),
            QCoreApplication.translate("OrdersModel", "Platform"),
            QCoreApplication.translate("OrdersModel", "Order no."),
            QCoreApplication.translate("OrdersModel", "Customer"),
            QCoreApplication.translate("OrdersModel", "Items"),
            QCoreApplication.translate("OrdersModel", "Total"),
            QCoreApplication.translate("OrdersModel", "Status"),
            QCoreApplication.translate("OrdersModel", "Acknowledged"),
            QCoreApplication.translate("OrdersModel", "Time left"),
        ]
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(Column) - 1)
        self.forget_looks()
        if self._rows:
            self.presentation_changed.emit()
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, len(Column) - 1), []
            )

    def _reindex(self) -> None:
        self._index = {}
        self._by_order = {}
        self._base = 0
        for number, row in enumerate(self._rows):
            self._remember(number, row)

    def _remember(self, seq: int, row: Row) -> None:
        self._index[row_key(row)] = seq
        if isinstance(row, OrderSummary):
            if row.deadline_at is not None:
                self.has_deadlines = True
            self._by_order[(row.account, row.order_id)] = seq
            if row.row_id > self.max_row_id:
                self.max_row_id = row.row_id

    # -- Qt model API -------------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self._headers):
            return self._headers[section]
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        return self.cell(index.row(), index.column(), role)

    def forget_looks(self) -> None:
        """Work the looks out again on the next paint (the language or the clock moved)."""
        self._looks.clear()

    def look(self, number: int) -> RowLook:
        row = self._rows[number]
        key = row_key(row)
        cached = self._looks.get(key)
        if cached is not None:
            return cached
        if len(self._looks) > MAX_CACHED_LOOKS:
            self._looks.clear()
        if isinstance(row, QuarantineInfo):
            texts = tuple(self._quarantine_text(row, column) for column in Column)
        else:
            texts = tuple(self._text(row, column) for column in Column)
        look = RowLook(texts, self._background(row), self._foreground(row), self._is_loud(row))
        self._looks[key] = look
        return look

    def time_left(self, number: int) -> tuple[str, bool]:
        """The countdown, read at paint time (it moves with the clock, so it is not cached)."""
        row = self._rows[number]
        if isinstance(row, QuarantineInfo) or row.status in _FINISHED:
            return "", False
        return formatting.time_left(row.deadline_at, self._clock())

    def cell(self, number: int, column: int, role: int) -> Any:
        """``data()`` without the index (the proxy calls this directly)."""
        if number < 0 or number >= len(self._rows) or column < 0 or column >= len(Column):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if column == Column.TIME_LEFT:
                return self.time_left(number)[0]
            return self.look(number).texts[column]
        if role == Qt.ItemDataRole.BackgroundRole:
            return self.look(number).background
        if role == Qt.ItemDataRole.ForegroundRole:
            look = self.look(number)
            if column == Column.TIME_LEFT and look.foreground is None and self.time_left(number)[1]:
                return theme.OVERDUE_FG
            return look.foreground
        if role == Qt.ItemDataRole.FontRole:
            return self._bold if self.look(number).bold or column == Column.NUMBER else self._plain
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(alignment(column))
        row = self._rows[number]
        if role == Qt.ItemDataRole.ToolTipRole:
            if isinstance(row, QuarantineInfo):
                return row.reason
            if column == Column.ITEMS:
                return row.summary
            if row.problem:
                return row.problem
            return None
        if role == ROW_ID_ROLE:
            return row_key(row)
        if role == CATEGORY_ROLE:
            return self.cats[number]
        return None

    # -- presentation -------------------------------------------------------------------------

    def _text(self, row: OrderSummary, column: int) -> str:
        if column == Column.RECEIVED:
            return formatting.clock(row.received_at, self._clock())
        if column == Column.PLATFORM:
            if self.single_account:
                return formatting.provider_name(row.provider)
            return f"{formatting.provider_name(row.provider)} · {row.account}"
        if column == Column.NUMBER:
            return row.display_id
        if column == Column.CUSTOMER:
            return row.customer_name
        if column == Column.ITEMS:
            return row.summary
        if column == Column.TOTAL:
            return formatting.money(row.total, row.currency)
        if column == Column.STATUS:
            text = formatting.status_with_action(row.status, row.action_kind, row.action_state)
            if is_new_unseen(row):
                return "● " + text
            if needs_cancel_confirmation(row):
                return "✕ " + text
            return text
        if column == Column.ACK:
            return formatting.ack_text(row.acked, row.problem)
        return ""  # Column.TIME_LEFT: see time_left()

    def _quarantine_text(self, row: QuarantineInfo, column: int) -> str:
        if column == Column.RECEIVED:
            return formatting.clock(row.first_seen, self._clock())
        if column == Column.PLATFORM:
            return row.account
        if column == Column.NUMBER:
            return row.order_id or "?"
        if column == Column.ITEMS:
            return row.reason
        if column == Column.STATUS:
            return QCoreApplication.translate("OrdersModel", "⚠ UNREADABLE")
        if column == Column.ACK:
            return QCoreApplication.translate("OrdersModel", "Not acknowledged")
        return ""

    def _is_loud(self, row: Row) -> bool:
        return (
            is_new_unseen(row) or needs_cancel_confirmation(row) or isinstance(row, QuarantineInfo)
        )

    def _background(self, row: Row) -> Any:
        if isinstance(row, QuarantineInfo):
            return theme.PROBLEM_BG
        if needs_cancel_confirmation(row):
            return theme.CANCELLED_BG
        if is_new_unseen(row):
            return theme.NEW_UNSEEN_BG
        if row.problem or row.action_state == OutboxState.FAILED.value:
            return theme.PROBLEM_BG
        if row.status == OrderStatus.CANCEL_REQUESTED.value:
            return theme.CANCEL_REQUESTED_BG
        if row.status == OrderStatus.NEW.value:
            return theme.NEW_SEEN_BG
        return None

    def _foreground(self, row: Row) -> Any:
        if isinstance(row, QuarantineInfo):
            return theme.PROBLEM_FG
        if needs_cancel_confirmation(row):
            return theme.CANCELLED_FG
        if is_new_unseen(row):
            return theme.NEW_UNSEEN_FG
        if row.problem or row.action_state == OutboxState.FAILED.value:
            return theme.PROBLEM_FG
        if row.status in _FINISHED:
            return theme.DONE_FG
        return None


def sort_key_function(model: OrdersTableModel, column: int) -> Callable[[int], Any] | None:
    """The sort key of a row number for one column; None means "arrival order" (the row number
    itself, which is the fastest key there is: rows are appended as they arrive).

    Ties are broken by the row's sequence number, which (unlike its row number) does not change
    when older history is put in front, so keys stay valid."""
    rows = model.rows()

    def seq(n: int) -> int:
        return n + model.base

    if column == Column.RECEIVED:
        return None
    if column == Column.PLATFORM:
        return lambda n: (_provider(rows[n]), rows[n].account.casefold(), seq(n))
    if column == Column.NUMBER:
        return lambda n: (_number_key(rows[n]), seq(n))
    if column == Column.CUSTOMER:
        return lambda n: (_customer(rows[n]).casefold(), seq(n))
    if column == Column.ITEMS:
        return lambda n: (_items(rows[n]).casefold(), seq(n))
    if column == Column.TOTAL:
        return lambda n: (_total(rows[n]), seq(n))
    if column == Column.STATUS:
        return lambda n: (_status_rank(rows[n]), seq(n))
    if column == Column.ACK:
        return lambda n: (_ack_rank(rows[n]), seq(n))
    if column == Column.TIME_LEFT:
        return lambda n: (_deadline(rows[n]), seq(n))
    return None


def _provider(row: Row) -> str:
    return row.provider if isinstance(row, OrderSummary) else ""


def _number_key(row: Row) -> tuple[int, str]:
    text = row.display_id if isinstance(row, OrderSummary) else (row.order_id or "")
    return (len(text), text)  # "99" before "100"


def _customer(row: Row) -> str:
    return row.customer_name if isinstance(row, OrderSummary) else ""


def _items(row: Row) -> str:
    return row.summary if isinstance(row, OrderSummary) else row.reason


def _total(row: Row) -> float:
    if isinstance(row, OrderSummary) and row.total is not None:
        return float(row.total)
    return -1.0


def _status_rank(row: Row) -> int:
    if isinstance(row, QuarantineInfo):
        return -1
    return _STATUS_RANK.get(row.status, 9)


def _ack_rank(row: Row) -> int:
    if isinstance(row, QuarantineInfo):
        return 0
    if row.problem.startswith("ack:"):
        return 1
    return 3 if row.acked else 2


def _deadline(row: Row) -> float:
    if isinstance(row, OrderSummary) and row.deadline_at is not None:
        return row.deadline_at.timestamp()
    return float("inf")
