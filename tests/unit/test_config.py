"""Configuration and credentials: clear messages, secrets only by reference."""

from __future__ import annotations

from pathlib import Path

import keyring
import pytest

from app.config import AppConfig, ConfigError, resolve_data_dir
from app.credentials import KEYRING_SERVICE, CredentialError, resolve
from app.model import Provider


def test_defaults_per_provider() -> None:
    cfg = AppConfig.from_mapping(
        {"accounts": [{"name": "Moda", "provider": "dukkango", "token": "keyring:moda"}]}
    )
    [account] = cfg.accounts
    assert account.provider is Provider.DUKKANGO
    assert account.base_url == "https://www.xn--dkkango-n2a.com/api/integrations"
    assert account.poll_seconds == 35 and account.cooldown_seconds == 30
    assert account.credentials == {"token": "keyring:moda"}


def test_identifiers_may_be_written_but_secrets_not() -> None:
    cfg = AppConfig.from_mapping(
        {
            "accounts": [
                {
                    "name": "CA",
                    "provider": "walmart_ca",
                    "consumer_id": "abc-123",
                    "private_key": "env:WM_KEY",
                }
            ]
        }
    )
    assert cfg.accounts[0].credentials["consumer_id"] == "abc-123"
    with pytest.raises(ConfigError, match="keyring set posbridge CA-password"):
        AppConfig.from_mapping(
            {
                "accounts": [
                    {"name": "CA", "provider": "crux", "username": "u", "password": "hunter2"}
                ]
            }
        )


def test_duplicate_names_and_bad_numbers() -> None:
    one = {"name": "A", "provider": "dukkango", "token": "env:T"}
    with pytest.raises(ConfigError, match="two accounts are named 'A'"):
        AppConfig.from_mapping({"accounts": [one, one]})
    with pytest.raises(ConfigError, match="poll_seconds must be a number"):
        AppConfig.from_mapping({"accounts": [dict(one, poll_seconds="often")]})


def test_keyring_and_environment_references(monkeypatch: pytest.MonkeyPatch) -> None:
    keyring.set_password(KEYRING_SERVICE, "moda-token", "s3cret-value")
    assert resolve("Moda", "token", "keyring:moda-token") == "s3cret-value"
    with pytest.raises(CredentialError, match="keyring set posbridge other"):
        resolve("Moda", "token", "keyring:other")
    monkeypatch.setenv("MODA_TOKEN", "from-env")
    assert resolve("Moda", "token", "env:MODA_TOKEN") == "from-env"
    with pytest.raises(CredentialError, match="MISSING_VAR"):
        resolve("Moda", "token", "env:MISSING_VAR")


def test_data_dir_precedence(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("POSBRIDGE_DATA_DIR", str(tmp_path / "env"))
    assert resolve_data_dir(str(tmp_path / "cli")) == tmp_path / "cli"
    assert resolve_data_dir(None) == tmp_path / "env"
    monkeypatch.delenv("POSBRIDGE_DATA_DIR")
    assert "posbridge" in str(resolve_data_dir(None))
