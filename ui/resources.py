"""Where the shipped files (sounds, translations) are, in a checkout and in a frozen build."""

from __future__ import annotations

import sys
from pathlib import Path


def resource_dir() -> Path:
    """The ``resources/`` folder: next to the code in a checkout, in ``sys._MEIPASS`` when a
    PyInstaller build runs (the spec copies the folder there under the same name)."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource_path(*parts: str) -> Path:
    return resource_dir().joinpath(*parts)
