"""Opening the database, its durability settings, and the schema versions.

Each migration is a function from version N-1 to N, run inside one transaction; a database
newer than this program is refused rather than guessed at.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from peewee import Database, OperationalError, SqliteDatabase

from app.store.errors import StoreError, explain_sqlite_error
from app.store.tables import ALL_TABLES, Meta, database_proxy

SCHEMA_VERSION = 1
DB_FILENAME = "posbridge.sqlite3"

# WAL lets the window read while the writer thread writes. synchronous=FULL syncs the WAL at
# every commit, so a commit that lets an acknowledgement leave survives a power cut, not only a
# crash (SQLite pragma docs; invariant 1). busy_timeout covers other processes on the file.
SQLITE_PRAGMAS = {
    "journal_mode": "wal",
    "synchronous": "full",
    "foreign_keys": 1,
    "busy_timeout": 10_000,
    "cache_size": -16_000,
}


def _create_v1(db: Database) -> None:
    db.create_tables(ALL_TABLES)


MIGRATIONS: dict[int, Callable[[Database], None]] = {1: _create_v1}


def open_sqlite(data_dir: Path) -> SqliteDatabase:
    """Open (creating if needed) the database file in ``data_dir`` and bring it up to date."""
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(
            f"Cannot create the data folder {data_dir} ({exc.strerror}). "
            "Choose a folder this Windows/Linux user may write to, with --data-dir."
        ) from exc
    path = data_dir / DB_FILENAME
    db = SqliteDatabase(str(path), pragmas=SQLITE_PRAGMAS, check_same_thread=False)
    database_proxy.initialize(db)
    try:
        db.connect(reuse_if_open=True)
        migrate(db)
    except (OperationalError, sqlite3.Error) as exc:
        db.close()
        raise StoreError(explain_sqlite_error(exc, path)) from exc
    return db


def schema_version(db: Database) -> int:
    if not db.table_exists(Meta._meta.table_name):
        return 0
    row = Meta.get_or_none(Meta.key == "schema_version")
    return int(row.value) if row else 0


def migrate(db: Database) -> int:
    current = schema_version(db)
    if current > SCHEMA_VERSION:
        raise StoreError(
            f"This database was written by a newer POS Bridge (schema {current}, this program "
            f"knows {SCHEMA_VERSION}). Update POS Bridge; the data has not been touched."
        )
    for version in range(current + 1, SCHEMA_VERSION + 1):
        with db.atomic("IMMEDIATE") if isinstance(db, SqliteDatabase) else db.atomic():
            MIGRATIONS[version](db)
            Meta.insert(key="schema_version", value=str(version)).on_conflict_replace().execute()
            if version == 1:
                Meta.insert(
                    key="created_at", value=datetime.now(UTC).isoformat()
                ).on_conflict_ignore().execute()
    return SCHEMA_VERSION
