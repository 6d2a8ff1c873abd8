"""Column types the store needs that peewee does not have: aware datetimes and exact money."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from peewee import TextField


class UtcDateTimeField(TextField):
    """An aware datetime kept as ISO-8601 text in UTC, so it sorts and reads the same on
    SQLite and PostgreSQL and never loses its timezone."""

    def db_value(self, value: Any) -> str | None:
        if value is None:
            return None
        if not isinstance(value, datetime):
            raise TypeError(f"expected a datetime, got {type(value).__name__}")
        if value.tzinfo is None:
            raise ValueError("naive datetimes are refused: say which timezone they are in")
        return value.astimezone(UTC).isoformat(timespec="microseconds")

    def python_value(self, value: Any) -> datetime | None:
        if value is None:
            return None
        return datetime.fromisoformat(value)


class DecimalTextField(TextField):
    """Money as exact decimal text (floats would turn 842.50 into 842.4999...)."""

    def db_value(self, value: Any) -> str | None:
        return None if value is None else str(Decimal(value))

    def python_value(self, value: Any) -> Decimal | None:
        return None if value is None else Decimal(value)
