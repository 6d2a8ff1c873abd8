"""The Store API: the only code that reads or writes SQL.

Every method is synchronous. Writes run on the engine's one writer thread (see
``app.engine.writer``); reads may run on any thread, each with its own connection (peewee keeps
connections per thread), which WAL lets proceed while the writer writes.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from peewee import Database, OperationalError, SqliteDatabase

from app.model import (
    Action,
    ActionKind,
    Order,
    OrderStatus,
    OutboxState,
    Provider,
    Rejected,
)
from app.store.bulk import Insert, chunks, marks
from app.store.codec import dumps, order_from_dict, order_to_dict
from app.store.errors import DiskFullError, StoreError, explain_sqlite_error
from app.store.schema import open_sqlite
from app.store.tables import Meta, OrderEvent, OrderRow, OutboxRow, QuarantineRow

# After this many failed attempts an acknowledgement shows as a problem to the staff, while
# the outbox keeps trying (invariant 7: never a silent failure).
ACK_ATTEMPTS_BEFORE_PROBLEM = 3


def utcnow() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True, slots=True)
class IngestPolicy:
    """What the store must know of a platform's feed to save it correctly."""

    # Dükkango shows an order until its current status is acknowledged: seeing it again after
    # our acknowledgement means the platform did not get it, so acknowledge again.
    reack_on_repeat: bool
    # Orders the feed shows at an older status than we hold (a reply that crossed our own
    # action) are stale and ignored. None: every status counts as newer.
    status_rank: Callable[[str], int] | None = None


@dataclass(frozen=True, slots=True)
class OutboxItem:
    id: int
    account: str
    provider: Provider
    order_id: str
    kind: ActionKind
    params: dict[str, Any]
    attempts: int
    state: OutboxState = OutboxState.PENDING
    next_attempt_at: datetime | None = None
    created_at: datetime | None = None
    sent_at: datetime | None = None
    last_error: str = ""
    response: str = ""


@dataclass(frozen=True, slots=True)
class OrderChange:
    """What one ingest did to one order, for the events the window listens to."""

    row_id: int
    account: str
    order_id: str
    display_id: str
    kind: str  # "new", "status" or "repeat"
    status: OrderStatus
    previous: OrderStatus | None = None


@dataclass(frozen=True, slots=True)
class QuarantineInfo:
    id: int
    account: str
    order_id: str | None
    reason: str
    first_seen: datetime
    times_seen: int
    raw: str = ""


@dataclass(slots=True)
class IngestResult:
    changes: list[OrderChange] = field(default_factory=list)
    to_send: list[OutboxItem] = field(default_factory=list)
    quarantined: list[QuarantineInfo] = field(default_factory=list)
    stale: int = 0
    committed_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class SendResult:
    """The answer to one outbox item, recorded by the sender."""

    outbox_id: int
    outcome: str  # "sent", "retry" or "failed"
    response: str = ""
    error: str = ""
    next_attempt_at: datetime | None = None
    new_status: tuple[OrderStatus, str] | None = None  # status the platform now holds


@dataclass(frozen=True, slots=True)
class StoredOrder:
    row_id: int
    order: Order
    received_at: datetime
    updated_at: datetime
    acked: bool
    acked_at: datetime | None
    seen_at: datetime | None
    cancel_confirmed_at: datetime | None
    action_kind: str
    action_state: str
    problem: str

    @property
    def needs_cancel_confirmation(self) -> bool:
        return self.order.status is OrderStatus.CANCELLED and self.cancel_confirmed_at is None


@dataclass(frozen=True, slots=True)
class OrderSummary:
    """The columns of one table row, read without decoding the whole order."""

    row_id: int
    account: str
    provider: str
    order_id: str
    display_id: str
    status: str
    provider_status: str
    received_at: datetime
    customer_name: str
    summary: str
    total: Any
    currency: str
    acked: bool
    deadline_at: datetime | None
    seen: bool
    cancel_confirmed: bool
    action_kind: str
    action_state: str
    problem: str


@dataclass(frozen=True, slots=True)
class EventInfo:
    at: datetime
    kind: str
    actor: str
    status: str
    provider_status: str
    detail: str


class ActionRefused(StoreError):
    """A staff action that cannot be queued. ``code`` says why, for the window to say it in
    the staff's language: "unknown_order", "already_pending", "not_allowed", "account_down"."""

    def __init__(self, message: str, code: str = "not_allowed") -> None:
        super().__init__(message)
        self.code = code


_SUMMARY_FIELDS = [
    OrderRow.id,
    OrderRow.account,
    OrderRow.provider,
    OrderRow.order_id,
    OrderRow.display_id,
    OrderRow.status,
    OrderRow.provider_status,
    OrderRow.received_at,
    OrderRow.customer_name,
    OrderRow.summary,
    OrderRow.total,
    OrderRow.currency,
    OrderRow.ack_unit,
    OrderRow.acked_unit,
    OrderRow.deadline_at,
    OrderRow.seen_at,
    OrderRow.cancel_confirmed_at,
    OrderRow.action_kind,
    OrderRow.action_state,
    OrderRow.problem,
]


def _summary(t: Any) -> OrderSummary:  # a tuple row (peewee types it as the model)
    """One row of ``_SUMMARY_FIELDS`` as the window's table row."""
    return OrderSummary(
        row_id=t[0],
        account=t[1],
        provider=t[2],
        order_id=t[3],
        display_id=t[4],
        status=t[5],
        provider_status=t[6],
        received_at=t[7],
        customer_name=t[8],
        summary=t[9],
        total=t[10],
        currency=t[11],
        acked=t[13] is not None and t[12] == t[13],
        deadline_at=t[14],
        seen=t[15] is not None,
        cancel_confirmed=t[16] is not None,
        action_kind=t[17],
        action_state=t[18],
        problem=t[19],
    )


class Store:
    def __init__(self, db: Database, path: Path | None = None) -> None:
        self.db = db
        self.path = path
        self._prepared: _Statements | None = None

    @classmethod
    def open(cls, data_dir: Path) -> Store:
        db = open_sqlite(data_dir)
        return cls(db, data_dir)

    def close(self) -> None:
        self.db.close()

    # -- transactions -------------------------------------------------------------------------

    @contextmanager
    def _write(self) -> Iterator[None]:
        """One write transaction: BEGIN IMMEDIATE takes the write lock up front, so a busy
        database shows at BEGIN and never as a deadlock half-way (SQLite transaction docs)."""
        lock = "IMMEDIATE" if isinstance(self.db, SqliteDatabase) else None
        try:
            with self.db.atomic(lock) if lock else self.db.atomic():
                yield
        except (OperationalError, sqlite3.Error) as exc:
            # When SQLite rolls back by itself (disk full), peewee's own rollback then fails
            # with "no transaction is active": the cause is the error before it.
            cause: BaseException = exc
            while "no transaction is active" in str(cause) and cause.__context__ is not None:
                cause = cause.__context__
            message = explain_sqlite_error(cause, self.path)
            if "full" in str(cause).lower():
                raise DiskFullError(message) from cause
            raise StoreError(message) from cause

    # -- ingest -------------------------------------------------------------------------------

    def ingest(
        self,
        account: str,
        provider: Provider,
        orders: Sequence[Order],
        rejects: Sequence[Rejected],
        policy: IngestPolicy,
        now: datetime | None = None,
        requested_at: datetime | None = None,
    ) -> IngestResult:
        """Save one feed reply: every order upserted with its history event and its
        acknowledgement in the outbox, every unreadable entry quarantined, all in one
        transaction. Nothing may be acknowledged before this returns (invariant 1).

        ``requested_at`` is when the feed request left: an acknowledgement answered after
        that may simply have crossed the reply, so its order showing again proves nothing."""
        now = now or utcnow()
        result = IngestResult()
        with self._write():
            self._ingest_chunk(account, _unique_latest(orders), policy, now, result, requested_at)
            for rejected in rejects:
                result.quarantined.append(self._quarantine(account, provider, rejected, now))
        result.committed_at = utcnow()
        return result

    def _ingest_chunk(
        self,
        account: str,
        orders: list[Order],
        policy: IngestPolicy,
        now: datetime,
        result: IngestResult,
        requested_at: datetime | None = None,
    ) -> None:
        """New orders and plain repeats (nearly all of a busy feed) take a set-based path:
        three reads for the whole chunk, then prepared inserts. Status changes are rarer and
        go through ``_ingest_one``."""
        known = self._known_orders(account, [o.order_id for o in orders])
        acks = self._known_acks(account, [_ack_key(o) for o in orders])
        waiting = self._open_quarantine(account, [o.order_id for o in orders])
        for order in orders:
            row = known.get(order.order_id)
            if row is None:
                row_id = self._insert_order(order, now)
                result.changes.append(_new_change(row_id, order, "new"))
                self._ensure_ack(order, row_id, acks, now, result, repeat=False)
                if order.order_id in waiting:
                    self._resolve_quarantine(order)
            elif order.provider_status == row.provider_status and order.ack_unit == row.ack_unit:
                # The same order at the same status: no new order, no new event (invariant
                # 4). If the platform shows an acknowledged order again, the acknowledgement
                # never arrived: send it again.
                if policy.reack_on_repeat or row.acked_unit != order.ack_unit:
                    repeat_before = requested_at if policy.reack_on_repeat else None
                    self._ensure_ack(
                        order, row.id, acks, now, result, policy.reack_on_repeat, repeat_before
                    )
                result.changes.append(_new_change(row.id, order, "repeat"))
            else:
                self._ingest_one(order, policy, now, result)

    def _select_in(self, sql: str, fixed: list[Any], keys: Sequence[Any]) -> Iterator[Any]:
        """Rows of ``sql`` whose ``{keys}`` placeholder becomes ``IN (...)`` over ``keys``,
        a chunk at a time (SQLite limits the parameters of one statement)."""
        for part in chunks(keys):
            query = sql.format(keys=marks(self.db, len(part)), p=self.db.param)
            yield from self.db.execute_sql(query, [*fixed, *part])

    def _known_orders(self, account: str, order_ids: list[str]) -> dict[str, _Known]:
        rows = self._select_in(
            "SELECT id, order_id, provider_status, ack_unit, acked_unit FROM orders "
            "WHERE account = {p} AND order_id IN ({keys})",
            [account],
            order_ids,
        )
        return {row[1]: _Known(row[0], row[2], row[3], row[4]) for row in rows}

    def _known_acks(self, account: str, keys: list[str]) -> dict[str, _KnownAck]:
        rows = self._select_in(
            "SELECT dedup_key, id, state, attempts, sent_at FROM outbox "
            "WHERE account = {p} AND dedup_key IN ({keys})",
            [account],
            keys,
        )
        return {
            row[0]: _KnownAck(row[1], row[2], row[3], OutboxRow.sent_at.python_value(row[4]))
            for row in rows
        }

    def _open_quarantine(self, account: str, order_ids: list[str]) -> set[str]:
        rows = self._select_in(
            "SELECT order_id FROM quarantine WHERE resolved_at IS NULL "
            "AND account = {p} AND order_id IN ({keys})",
            [account],
            order_ids,
        )
        return {row[0] for row in rows}

    def _insert_order(self, order: Order, now: datetime) -> int:
        statements = self._statements()
        row_id = statements.orders.one(
            {
                **_order_columns(order),
                "received_at": now,
                "updated_at": now,
                "order_json": dumps(order_to_dict(order)),
                "raw_json": dumps(order.raw),
            }
        )
        statements.events.one(
            {
                "order": row_id,
                "at": now,
                "kind": "received",
                "actor": "platform",
                "status": order.status.value,
                "provider_status": order.provider_status,
                "detail": order.provider_status_text,
            }
        )
        return row_id

    def _ensure_ack(
        self,
        order: Order,
        row_id: int,
        acks: dict[str, _KnownAck],
        now: datetime,
        result: IngestResult,
        repeat: bool,
        answered_before: datetime | None = None,
    ) -> None:
        key = _ack_key(order)
        known = acks.get(key)
        params = {"ack_unit": order.ack_unit}
        if known is None:
            outbox_id = self._statements().outbox.one(
                {
                    "order": row_id,
                    "account": order.account,
                    "provider": order.provider.value,
                    "order_id": order.order_id,
                    "kind": ActionKind.ACKNOWLEDGE.value,
                    "dedup_key": key,
                    "params_json": dumps(params),
                    "state": OutboxState.PENDING.value,
                    "attempts": 0,
                    "created_at": now,
                    "next_attempt_at": now,
                }
            )
            acks[key] = _KnownAck(outbox_id, OutboxState.PENDING.value, 0, None)
            attempts = 0
        elif (
            repeat
            and known.state != OutboxState.PENDING.value
            and (
                answered_before is None or known.sent_at is None or known.sent_at < answered_before
            )
        ):
            # Sent (or refused) before this feed request left, yet the platform still shows
            # it: the acknowledgement did not arrive, so send it once more.
            OutboxRow.update(
                state=OutboxState.PENDING.value,
                next_attempt_at=now,
                last_error=f"the platform still shows it ({known.state} before)",
            ).where(OutboxRow.id == known.id).execute()
            acks[key] = _KnownAck(known.id, OutboxState.PENDING.value, known.attempts, None)
            outbox_id, attempts = known.id, known.attempts
        else:
            return
        result.to_send.append(
            OutboxItem(
                id=outbox_id,
                account=order.account,
                provider=order.provider,
                order_id=order.order_id,
                kind=ActionKind.ACKNOWLEDGE,
                params=params,
                attempts=attempts,
                next_attempt_at=now,
                created_at=now,
            )
        )

    def _statements(self) -> _Statements:
        if self._prepared is None:
            self._prepared = _Statements(
                Insert(self.db, OrderRow), Insert(self.db, OrderEvent), Insert(self.db, OutboxRow)
            )
        return self._prepared

    def _ingest_one(
        self, order: Order, policy: IngestPolicy, now: datetime, result: IngestResult
    ) -> None:
        """A known order whose status or acknowledgement unit changed."""
        row = OrderRow.get(
            (OrderRow.account == order.account) & (OrderRow.order_id == order.order_id)
        )
        if order.provider_status == row.provider_status:
            # The same order at the same status: no new order, no new event (invariant 4). The
            # platform may still confirm a status our own action set, which brings a new
            # acknowledgement unit; and if it shows an acknowledged order again, the
            # acknowledgement never arrived.
            if row.ack_unit != order.ack_unit:
                row.ack_unit = order.ack_unit
                row.order_json = dumps(order_to_dict(order))
                row.raw_json = dumps(order.raw)
                row.updated_at = now
                row.save()
            if policy.reack_on_repeat or row.acked_unit != order.ack_unit:
                self._ensure_ack(
                    order, row.id, self._acks_of(order), now, result, policy.reack_on_repeat
                )
            result.changes.append(_change(row, "repeat", OrderStatus(row.status)))
            return

        rank = policy.status_rank
        if rank is not None and rank(order.provider_status) < rank(row.provider_status):
            result.stale += 1
            return

        previous = OrderStatus(row.status)
        for name, value in _order_columns(order).items():
            setattr(row, name, value)
        row.updated_at = now
        row.order_json = dumps(order_to_dict(order))
        row.raw_json = dumps(order.raw)
        if order.status is OrderStatus.CANCELLED and previous is not OrderStatus.CANCELLED:
            row.cancel_confirmed_at = None  # a cancellation stays loud until someone confirms it
        row.save()
        self._event(
            row,
            now,
            "status",
            order,
            detail=f"{previous.value} → {order.status.value} ({order.provider_status_text})",
        )
        self._supersede_acks(row, order.ack_unit, now)
        result.changes.append(_change(row, "status", order.status, previous))
        self._ensure_ack(order, row.id, self._acks_of(order), now, result, repeat=False)

    def _acks_of(self, order: Order) -> dict[str, _KnownAck]:
        return self._known_acks(order.account, [_ack_key(order)])

    def _supersede_acks(self, row: OrderRow, new_unit: str, now: datetime) -> None:
        (
            OutboxRow.update(state=OutboxState.SUPERSEDED.value, sent_at=now)
            .where(
                (OutboxRow.order == row)
                & (OutboxRow.kind == ActionKind.ACKNOWLEDGE.value)
                & (OutboxRow.state == OutboxState.PENDING.value)
                & (OutboxRow.dedup_key != f"ack:{row.order_id}:{new_unit}")
            )
            .execute()
        )

    def _event(
        self,
        row: OrderRow,
        now: datetime,
        kind: str,
        order: Order | None = None,
        actor: str = "platform",
        detail: str = "",
    ) -> None:
        OrderEvent.create(
            order=row,
            at=now,
            kind=kind,
            actor=actor,
            status=order.status.value if order else row.status,
            provider_status=order.provider_status if order else row.provider_status,
            detail=detail,
        )

    def _quarantine(
        self, account: str, provider: Provider, rejected: Rejected, now: datetime
    ) -> QuarantineInfo:
        digest = hashlib.sha256(rejected.raw.encode("utf-8", "surrogatepass")).hexdigest()
        row = QuarantineRow.get_or_none(
            (QuarantineRow.account == account) & (QuarantineRow.raw_hash == digest)
        )
        if row is None:
            row = QuarantineRow.create(
                account=account,
                provider=provider.value,
                order_id=rejected.order_id,
                reason=rejected.reason,
                payload=rejected.raw,
                raw_hash=digest,
                first_seen=now,
                last_seen=now,
            )
        else:
            row.times_seen += 1
            row.last_seen = now
            row.save()
        return _quarantine_info(row)

    def _resolve_quarantine(self, order: Order) -> None:
        """An order that was unreadable before and now arrived readable is no longer a problem."""
        (
            QuarantineRow.update(resolved_at=utcnow())
            .where(
                (QuarantineRow.account == order.account)
                & (QuarantineRow.order_id == order.order_id)
                & QuarantineRow.resolved_at.is_null()
            )
            .execute()
        )

    # -- staff actions ------------------------------------------------------------------------

    def queue_action(self, account: str, action: Action, now: datetime | None = None) -> OutboxItem:
        """Write a staff action to the outbox with its history event, in one transaction."""
        now = now or utcnow()
        with self._write():
            row = OrderRow.get_or_none(
                (OrderRow.account == account) & (OrderRow.order_id == action.order_id)
            )
            if row is None:
                raise ActionRefused(
                    f"Order {action.order_id} is not in this database.", "unknown_order"
                )
            pending = OutboxRow.get_or_none(
                (OutboxRow.order == row)
                & (OutboxRow.kind == action.kind.value)
                & (OutboxRow.state == OutboxState.PENDING.value)
            )
            if pending is not None:
                raise ActionRefused(
                    f"Order {row.display_id}: this is already being sent to the platform.",
                    "already_pending",
                )
            count = OutboxRow.select().where(OutboxRow.order == row).count()
            outbox = OutboxRow.create(
                order=row,
                account=account,
                provider=row.provider,
                order_id=row.order_id,
                kind=action.kind.value,
                dedup_key=f"{action.kind.value}:{row.order_id}:{count + 1}",
                params_json=dumps(action.params),
                state=OutboxState.PENDING.value,
                created_at=now,
                next_attempt_at=now,
            )
            row.action_kind = action.kind.value
            row.action_state = OutboxState.PENDING.value
            row.save()
            self._event(row, now, action.kind.value, actor="staff", detail=_params_text(action))
        return _outbox_item(outbox)

    def mark_seen(self, account: str, order_id: str, now: datetime | None = None) -> bool:
        """Someone opened the order: it stops standing out. Returns False if it already was."""
        now = now or utcnow()
        with self._write():
            changed = (
                OrderRow.update(seen_at=now)
                .where(
                    (OrderRow.account == account)
                    & (OrderRow.order_id == order_id)
                    & OrderRow.seen_at.is_null()
                )
                .execute()
            )
        return bool(changed)

    def confirm_cancellation_seen(
        self, account: str, order_id: str, now: datetime | None = None
    ) -> bool:
        """Staff confirm that they saw a cancellation (a local confirmation, no platform call)."""
        now = now or utcnow()
        with self._write():
            row = OrderRow.get_or_none(
                (OrderRow.account == account) & (OrderRow.order_id == order_id)
            )
            if row is None or row.cancel_confirmed_at is not None:
                return False
            row.cancel_confirmed_at = now
            row.seen_at = row.seen_at or now
            row.save()
            self._event(row, now, "cancellation_confirmed", actor="staff")
        return True

    # -- the outbox ---------------------------------------------------------------------------

    def due_outbox(self, now: datetime | None = None, limit: int = 500) -> list[OutboxItem]:
        """Pending items, oldest first; those not yet due come too, with their due time."""
        query = (
            OutboxRow.select()
            .where(OutboxRow.state == OutboxState.PENDING.value)
            .order_by(OutboxRow.next_attempt_at, OutboxRow.id)
            .limit(limit)
        )
        return [_outbox_item(row) for row in query]

    def record_results(self, results: Iterable[SendResult], now: datetime | None = None) -> int:
        """Record what the platforms answered, many at once (one commit for a whole burst).
        Successful acknowledgements, the bulk of any burst, are written with three batched
        statements; everything else goes row by row. Returns how many were recorded."""
        now = now or utcnow()
        results = list(results)
        recorded = 0
        with self._write():
            pending = self._pending_outbox([r.outbox_id for r in results])
            acked: list[tuple[SendResult, _PendingOutbox]] = []
            for res in results:
                item = pending.pop(res.outbox_id, None)
                if item is None:  # already answered, superseded, or gone
                    continue
                recorded += 1
                if res.outcome == "sent" and item.kind == ActionKind.ACKNOWLEDGE.value:
                    acked.append((res, item))
                else:
                    self._apply_result(OutboxRow.get_by_id(item.id), res, now)
            self._record_acks(acked, now)
        return recorded

    def _pending_outbox(self, ids: list[int]) -> dict[int, _PendingOutbox]:
        rows = self._select_in(
            "SELECT x.id, x.order_row, x.kind, x.params_json, o.status FROM outbox x "
            "LEFT JOIN orders o ON o.id = x.order_row "
            "WHERE x.state = {p} AND x.id IN ({keys})",
            [OutboxState.PENDING.value],
            ids,
        )
        return {
            row[0]: _PendingOutbox(row[0], row[1], row[2], row[3], row[4] or "") for row in rows
        }

    def _record_acks(self, acked: list[tuple[SendResult, _PendingOutbox]], now: datetime) -> None:
        if not acked:
            return
        when = OutboxRow.sent_at.db_value(now)
        p = self.db.param
        connection = self.db.connection()
        connection.executemany(
            f"UPDATE outbox SET state = {p}, sent_at = {p}, attempts = attempts + 1, "
            f"last_error = '', response = {p} WHERE id = {p}",
            [(OutboxState.SENT.value, when, res.response[:4000], item.id) for res, item in acked],
        )
        with_order = [(res, item) for res, item in acked if item.order_row is not None]
        connection.executemany(
            f"UPDATE orders SET acked_unit = {p}, acked_at = {p}, "
            f"problem = CASE WHEN problem LIKE 'ack:%' THEN '' ELSE problem END WHERE id = {p}",
            [
                (json.loads(item.params_json).get("ack_unit", ""), when, item.order_row)
                for _, item in with_order
            ],
        )
        # The history shows each acknowledgement at the status it acknowledged.
        self._statements().events.many(
            [
                {
                    "order": item.order_row,
                    "at": now,
                    "kind": "acknowledged",
                    "actor": "bridge",
                    "status": item.order_status,
                    "provider_status": json.loads(item.params_json).get("ack_unit", ""),
                }
                for _, item in with_order
            ]
        )

    def _apply_result(self, outbox: OutboxRow, res: SendResult, now: datetime) -> None:
        outbox.attempts += 1
        outbox.response = res.response[:4000]
        row: OrderRow | None = outbox.order
        is_ack = outbox.kind == ActionKind.ACKNOWLEDGE.value
        if res.outcome == "sent":
            outbox.state = OutboxState.SENT.value
            outbox.sent_at = now
            outbox.last_error = ""
            if row is not None and is_ack:
                row.acked_unit = json.loads(outbox.params_json).get("ack_unit", "")
                row.acked_at = now
                if row.problem.startswith("ack:"):
                    row.problem = ""
                self._event(row, now, "acknowledged", actor="bridge")
            elif row is not None:
                row.action_state = OutboxState.SENT.value
                row.problem = ""
                detail = res.response[:200]
                if res.new_status is not None:
                    status, provider_status = res.new_status
                    detail = f"{row.status} → {status.value}"
                    row.status = status.value
                    row.provider_status = provider_status
                    row.updated_at = now
                    if status is OrderStatus.CANCELLED:
                        # Staff cancelled it themselves: nothing to confirm.
                        row.cancel_confirmed_at = row.cancel_confirmed_at or now
                self._event(row, now, f"{outbox.kind}_sent", actor="bridge", detail=detail)
        elif res.outcome == "failed":
            outbox.state = OutboxState.FAILED.value
            outbox.last_error = res.error
            if row is not None:
                if is_ack:
                    row.problem = f"ack: {res.error}"
                else:
                    row.action_state = OutboxState.FAILED.value
                    row.problem = f"{outbox.kind}: {res.error}"
                self._event(row, now, f"{outbox.kind}_failed", actor="bridge", detail=res.error)
        else:
            outbox.last_error = res.error
            outbox.next_attempt_at = res.next_attempt_at or now
            if row is not None and is_ack and outbox.attempts >= ACK_ATTEMPTS_BEFORE_PROBLEM:
                row.problem = f"ack: not through yet ({res.error})"
        outbox.save()
        if row is not None:
            row.save()

    # -- reading ------------------------------------------------------------------------------

    def get_order(self, account: str, order_id: str) -> StoredOrder | None:
        row = OrderRow.get_or_none((OrderRow.account == account) & (OrderRow.order_id == order_id))
        return None if row is None else _stored(row)

    def get_order_by_row(self, row_id: int) -> StoredOrder | None:
        row = OrderRow.get_or_none(OrderRow.id == row_id)
        return None if row is None else _stored(row)

    def list_orders(self, limit: int | None = None) -> list[StoredOrder]:
        query = OrderRow.select().order_by(OrderRow.received_at.desc(), OrderRow.id.desc())
        if limit:
            query = query.limit(limit)
        return [_stored(row) for row in query]

    def iter_summaries(self, since_row_id: int = 0) -> Iterator[OrderSummary]:
        """Table rows without decoding JSON: fast enough for 100,000 orders."""
        query = (
            OrderRow.select(*_SUMMARY_FIELDS)
            .where(OrderRow.id > since_row_id)
            .order_by(OrderRow.id)
            .tuples()
        )
        for t in query.iterator():
            yield _summary(t)

    def summaries_of(
        self, row_ids: Iterable[int] = (), orders: Iterable[tuple[str, str]] = ()
    ) -> list[OrderSummary]:
        """The table rows of these orders (by row id, or by (account, order id)), in row order,
        one query per 500: a burst of acknowledgements changes thousands of rows, and one query
        each would cost seconds."""
        conditions = [OrderRow.id.in_(list(part)) for part in chunks(sorted(set(row_ids)))]
        by_account: dict[str, list[str]] = {}
        for account, order_id in set(orders):
            by_account.setdefault(account, []).append(order_id)
        for account, order_ids in by_account.items():
            conditions += [
                (OrderRow.account == account) & OrderRow.order_id.in_(list(part))
                for part in chunks(sorted(order_ids))
            ]
        found: dict[int, OrderSummary] = {}
        for condition in conditions:
            query = OrderRow.select(*_SUMMARY_FIELDS).where(condition).tuples()
            for t in query:
                summary = _summary(t)
                found[summary.row_id] = summary
        return [found[row_id] for row_id in sorted(found)]

    def history(self, row_id: int) -> list[EventInfo]:
        query = OrderEvent.select().where(OrderEvent.order == row_id).order_by(OrderEvent.id)
        return [
            EventInfo(e.at, e.kind, e.actor, e.status, e.provider_status, e.detail) for e in query
        ]

    def outbox_for_order(self, row_id: int) -> list[OutboxItem]:
        query = OutboxRow.select().where(OutboxRow.order == row_id).order_by(OutboxRow.id)
        return [_outbox_item(row) for row in query]

    def quarantined(self, include_resolved: bool = False) -> list[QuarantineInfo]:
        query = QuarantineRow.select().order_by(QuarantineRow.id)
        if not include_resolved:
            query = query.where(QuarantineRow.resolved_at.is_null())
        return [_quarantine_info(row) for row in query]

    def dismiss_quarantined(self, quarantine_id: int, now: datetime | None = None) -> bool:
        """Staff looked at an unreadable entry and dealt with it: it leaves the Problems list
        (the raw text stays in the database for support)."""
        now = now or utcnow()
        with self._write():
            changed = (
                QuarantineRow.update(resolved_at=now)
                .where((QuarantineRow.id == quarantine_id) & QuarantineRow.resolved_at.is_null())
                .execute()
            )
        return bool(changed)

    def count_orders(self) -> int:
        return int(OrderRow.select().count())

    def meta(self, key: str) -> str | None:
        row = Meta.get_or_none(Meta.key == key)
        return None if row is None else str(row.value)


# -- helpers ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Known:
    id: int
    provider_status: str
    ack_unit: str
    acked_unit: str | None


@dataclass(frozen=True, slots=True)
class _KnownAck:
    id: int
    state: str
    attempts: int
    sent_at: datetime | None


@dataclass(frozen=True, slots=True)
class _PendingOutbox:
    id: int
    order_row: int | None
    kind: str
    params_json: str
    order_status: str


@dataclass(frozen=True, slots=True)
class _Statements:
    orders: Insert
    events: Insert
    outbox: Insert


def _ack_key(order: Order) -> str:
    return f"ack:{order.order_id}:{order.ack_unit}"


def _new_change(row_id: int, order: Order, kind: str) -> OrderChange:
    return OrderChange(row_id, order.account, order.order_id, order.display_id, kind, order.status)


def _unique_latest(orders: Sequence[Order]) -> list[Order]:
    """A reply may list one order twice; the later entry wins, the first position is kept."""
    latest: dict[tuple[str, str], Order] = {}
    for order in orders:
        latest[(order.account, order.order_id)] = order
    return list(latest.values())


def _order_columns(order: Order) -> dict[str, Any]:
    return {
        "account": order.account,
        "provider": order.provider.value,
        "order_id": order.order_id,
        "display_id": order.display_id,
        "status": order.status.value,
        "provider_status": order.provider_status,
        "provider_status_text": order.provider_status_text,
        "placed_at": order.placed_at,
        "deadline_at": order.deadline_at,
        "customer_name": order.customer.name,
        "customer_phone": order.customer.phone,
        "address": order.address.one_line(),
        "fulfilment": order.fulfilment,
        "payment_method": order.payment_method,
        "summary": order.short_items(120),
        "total": order.total,
        "currency": order.currency,
        "ack_unit": order.ack_unit,
    }


def _change(
    row: OrderRow, kind: str, status: OrderStatus, previous: OrderStatus | None = None
) -> OrderChange:
    return OrderChange(row.id, row.account, row.order_id, row.display_id, kind, status, previous)


def _outbox_item(row: OutboxRow) -> OutboxItem:
    return OutboxItem(
        id=row.id,
        account=row.account,
        provider=Provider(row.provider),
        order_id=row.order_id,
        kind=ActionKind(row.kind),
        params=json.loads(row.params_json),
        attempts=row.attempts,
        state=OutboxState(row.state),
        next_attempt_at=row.next_attempt_at,
        created_at=row.created_at,
        sent_at=row.sent_at,
        last_error=row.last_error,
        response=row.response,
    )


def _quarantine_info(row: QuarantineRow) -> QuarantineInfo:
    return QuarantineInfo(
        row.id, row.account, row.order_id, row.reason, row.first_seen, row.times_seen, row.payload
    )


def _stored(row: OrderRow) -> StoredOrder:
    order = order_from_dict(json.loads(row.order_json), json.loads(row.raw_json))
    # Columns a staff action may have moved on since the platform last sent the order.
    if row.status != order.status.value or row.provider_status != order.provider_status:
        order = _with_status(order, OrderStatus(row.status), row.provider_status)
    return StoredOrder(
        row_id=row.id,
        order=order,
        received_at=row.received_at,
        updated_at=row.updated_at,
        acked=row.acked_unit is not None and row.acked_unit == row.ack_unit,
        acked_at=row.acked_at,
        seen_at=row.seen_at,
        cancel_confirmed_at=row.cancel_confirmed_at,
        action_kind=row.action_kind,
        action_state=row.action_state,
        problem=row.problem,
    )


def _with_status(order: Order, status: OrderStatus, provider_status: str) -> Order:
    from dataclasses import replace

    return replace(order, status=status, provider_status=provider_status)


def _params_text(action: Action) -> str:
    return ", ".join(f"{k}={v}" for k, v in sorted(action.params.items()))
