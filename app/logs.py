"""Logging: a rotating file in the data folder, every line passed through redaction."""

from __future__ import annotations

import logging
import logging.handlers
import sys
from pathlib import Path

from app.credentials import RedactingFilter

LOG_FILENAME = "posbridge.log"
FORMAT = "%(asctime)s %(levelname)-7s %(name)s: %(message)s"


def setup_logging(
    data_dir: Path | None,
    verbose: bool = False,
    console: bool = True,
    filename: str = LOG_FILENAME,
) -> Path | None:
    root = logging.getLogger()
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    for handler in list(root.handlers):
        root.removeHandler(handler)
    redactor = RedactingFilter()
    path: Path | None = None
    if data_dir is not None:
        try:
            data_dir.mkdir(parents=True, exist_ok=True)
            path = data_dir / filename
            file_handler = logging.handlers.RotatingFileHandler(
                path, maxBytes=5_000_000, backupCount=5, encoding="utf-8"
            )
            file_handler.setFormatter(logging.Formatter(FORMAT))
            file_handler.addFilter(redactor)
            root.addHandler(file_handler)
        except OSError:
            path = None  # the store will say clearly why the folder is unusable
    if console and sys.stderr is not None:  # a frozen windowed app has no stderr
        stream = logging.StreamHandler(sys.stderr)
        stream.setFormatter(logging.Formatter(FORMAT))
        stream.addFilter(redactor)
        root.addHandler(stream)
    # httpx logs every request at INFO; keep the file about orders.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.WARNING)
    return path
