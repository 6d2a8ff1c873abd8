"""The tables. Only the store package touches them; everything else sees the Store API."""

from __future__ import annotations

from peewee import (
    AutoField,
    CharField,
    DatabaseProxy,
    ForeignKeyField,
    IntegerField,
    Model,
    TextField,
)

from app.store.fields import DecimalTextField, UtcDateTimeField

database_proxy = DatabaseProxy()


class BaseTable(Model):
    class Meta:
        database = database_proxy
        legacy_table_names = False


class Meta(BaseTable):
    """Key/value facts about the database itself (schema version, creation time)."""

    key = CharField(primary_key=True)
    value = TextField()


class OrderRow(BaseTable):
    """One row per (account, provider order id): invariant 4, enforced by the unique index."""

    id = AutoField()
    account = CharField()
    provider = CharField()
    order_id = CharField()
    display_id = CharField(default="")
    status = CharField(index=True)
    provider_status = CharField(default="")
    provider_status_text = CharField(default="")
    placed_at = UtcDateTimeField(null=True)
    received_at = UtcDateTimeField(index=True)
    updated_at = UtcDateTimeField()
    deadline_at = UtcDateTimeField(null=True)
    customer_name = CharField(default="")
    customer_phone = CharField(default="")
    address = TextField(default="")
    fulfilment = CharField(default="")
    payment_method = CharField(default="")
    summary = TextField(default="")
    total = DecimalTextField(null=True)
    currency = CharField(default="")
    # The acknowledgement unit the platform currently shows and the one we last acknowledged:
    # the order is "acknowledged" when they match.
    ack_unit = CharField(default="")
    acked_unit = CharField(null=True)
    acked_at = UtcDateTimeField(null=True)
    # Staff attention: a new order stands out until opened; a cancellation until confirmed.
    seen_at = UtcDateTimeField(null=True)
    cancel_confirmed_at = UtcDateTimeField(null=True)
    # The latest staff action and the latest failure, kept on the row so a 100,000-row table
    # can filter on them without joining the outbox.
    action_kind = CharField(default="")
    action_state = CharField(default="")
    problem = TextField(default="")
    order_json = TextField()
    raw_json = TextField()

    class Meta:
        table_name = "orders"
        indexes = ((("account", "order_id"), True),)


class OrderEvent(BaseTable):
    """The history of one order: every status change, acknowledgement and staff action."""

    id = AutoField()
    order = ForeignKeyField(
        OrderRow, backref="events", on_delete="CASCADE", column_name="order_row"
    )
    at = UtcDateTimeField()
    kind = CharField()
    actor = CharField(default="platform")  # platform / staff / bridge
    status = CharField(default="")
    provider_status = CharField(default="")
    detail = TextField(default="")

    class Meta:
        table_name = "order_events"


class OutboxRow(BaseTable):
    """An intent to tell a platform something, written in the same transaction as the change
    that caused it (invariant 5), sent until the platform answers definitively."""

    id = AutoField()
    order = ForeignKeyField(
        OrderRow, null=True, backref="outbox", on_delete="CASCADE", column_name="order_row"
    )
    account = CharField()
    provider = CharField()
    order_id = CharField()
    kind = CharField()
    dedup_key = CharField()
    params_json = TextField(default="{}")
    state = CharField(index=True)
    attempts = IntegerField(default=0)
    created_at = UtcDateTimeField()
    next_attempt_at = UtcDateTimeField()
    sent_at = UtcDateTimeField(null=True)
    last_error = TextField(default="")
    response = TextField(default="")

    class Meta:
        table_name = "outbox"
        indexes = ((("account", "dedup_key"), True),)


class QuarantineRow(BaseTable):
    """A feed entry or reply that could not be read: kept raw with the reason, never
    acknowledged, shown to staff (invariant 3)."""

    id = AutoField()
    account = CharField()
    provider = CharField()
    order_id = CharField(null=True)
    reason = TextField()
    payload = TextField()  # the raw text as received
    raw_hash = CharField()
    first_seen = UtcDateTimeField()
    last_seen = UtcDateTimeField()
    times_seen = IntegerField(default=1)
    resolved_at = UtcDateTimeField(null=True)

    class Meta:
        table_name = "quarantine"
        indexes = ((("account", "raw_hash"), True),)


ALL_TABLES: list[type[BaseTable]] = [Meta, OrderRow, OrderEvent, OutboxRow, QuarantineRow]
