"""Shared fixtures: a real data folder per test, and a keyring that is real but private.

The keyring is the real ``keyring`` API with keyrings.alt's file backend (its documented
choice where no OS keyring runs, as on CI), kept in the test's own folder.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def _private_keyring(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path_factory.mktemp("keyring-home")
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyrings.alt.file.PlaintextKeyring")
    monkeypatch.setenv("XDG_DATA_HOME", str(home))
    monkeypatch.delenv("POSBRIDGE_DATA_DIR", raising=False)
    import keyring.core

    keyring.core.set_keyring(keyring.core.load_keyring("keyrings.alt.file.PlaintextKeyring"))


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    path = tmp_path / "data"
    path.mkdir()
    return path


@pytest.fixture
def clean_env() -> Iterator[dict[str, str]]:
    env = dict(os.environ)
    yield env
