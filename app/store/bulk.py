"""Prepared statements for the hot path.

peewee spends a few hundred microseconds building each query; a burst of 2,000 orders makes
about 10,000 statements, which kept the writer thread (and, through the GIL, the event loop)
busy for seconds. Here the SQL is built once from the models and reused with new parameters.
The values still go through each field's ``db_value``, so the stored form is what peewee writes.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any, TypeVar

from peewee import AutoField, Database, Field, Model

T = TypeVar("T")
_MISSING = object()
CHUNK = 500  # below SQLite's limit on host parameters per statement


class Insert:
    """``INSERT INTO table (every column but the id) VALUES (?, ...)`` for one model."""

    def __init__(self, db: Database, model: type[Model]) -> None:
        meta = model._meta
        self.fields: list[Field] = [f for f in meta.sorted_fields if not isinstance(f, AutoField)]
        columns = ", ".join(f'"{f.column_name}"' for f in self.fields)
        marks = ", ".join(db.param for _ in self.fields)
        self.sql = f'INSERT INTO "{meta.table_name}" ({columns}) VALUES ({marks})'
        self.db = db

    def params(self, values: dict[str, Any]) -> list[Any]:
        out = []
        for field in self.fields:
            value = values.get(field.name, _MISSING)
            if value is _MISSING:
                value = field.default() if callable(field.default) else field.default
            out.append(field.db_value(value))
        return out

    def one(self, values: dict[str, Any]) -> int:
        """Insert one row and return its id."""
        cursor = self.db.execute_sql(self.sql, self.params(values))
        return int(cursor.lastrowid)

    def many(self, rows: Sequence[dict[str, Any]]) -> None:
        if rows:
            self.db.connection().executemany(self.sql, [self.params(r) for r in rows])


def chunks(items: Sequence[T], size: int = CHUNK) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def marks(db: Database, count: int) -> str:
    return ", ".join(db.param for _ in range(count))
