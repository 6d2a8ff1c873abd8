"""Store failures, said in words the staff and the shop owner can act on."""

from __future__ import annotations

from pathlib import Path


class StoreError(Exception):
    """The database could not do what was asked. The message is for people."""


class DiskFullError(StoreError):
    pass


def explain_sqlite_error(exc: BaseException, path: Path | None = None) -> str:
    text = str(exc).lower()
    where = f" ({path})" if path else ""
    if "disk is full" in text or "database or disk is full" in text:
        return (
            "The disk is full, so the order could not be saved. Nothing was acknowledged and "
            "the platform will send it again: free some space on this PC now."
        )
    if "readonly" in text or "read-only" in text:
        return (
            f"The data folder{where} is read-only, so orders cannot be saved. Give this user "
            "write access to it, or choose another folder with --data-dir."
        )
    if "unable to open" in text:
        return (
            f"The database file{where} cannot be opened. Check that the folder exists and this "
            "user may write to it, or choose another folder with --data-dir."
        )
    if "malformed" in text or "not a database" in text:
        return (
            f"The database file{where} is damaged. Stop POS Bridge, keep a copy of the file for "
            "support, and restore the latest backup."
        )
    if "locked" in text or "busy" in text:
        return (
            "The database is busy in another program (is POS Bridge open twice?). Close the "
            "other copy; nothing has been lost."
        )
    return f"The database reported an error: {exc}. Nothing was acknowledged; it will retry."
