"""The configuration file (TOML, one ``[[accounts]]`` table per account) and the data folder."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import platformdirs

from app.credentials import CREDENTIAL_KEYS, SECRET_KEYS, is_reference
from app.model import Provider

APP_NAME = "posbridge"
DEFAULT_BASE_URLS = {
    Provider.DUKKANGO: "https://www.xn--dkkango-n2a.com/api/integrations",
    Provider.CRUX: "https://api.cruxconnect.com",
    Provider.WALMART_CA: "https://marketplace.walmartapis.com",
}
DEFAULT_POLL_SECONDS = {
    Provider.DUKKANGO: 35.0,  # the feed allows one call per 30 s; a margin keeps us clear of it
    Provider.CRUX: 120.0,
    Provider.WALMART_CA: 180.0,
}
# The platform's own minimum gap between two feed calls. Only a simulator may lower it.
DEFAULT_COOLDOWN_SECONDS = {Provider.DUKKANGO: 30.0, Provider.CRUX: 0.0, Provider.WALMART_CA: 0.0}
ACCOUNT_KEYS = {
    "name",
    "provider",
    "base_url",
    "poll_seconds",
    "cooldown_seconds",
    "timeout_seconds",
}


class ConfigError(Exception):
    """The configuration cannot be used. The message says what is wrong and how to fix it."""


@dataclass(frozen=True, slots=True)
class AccountConfig:
    name: str
    provider: Provider
    base_url: str = ""
    poll_seconds: float = 0.0
    cooldown_seconds: float = -1.0
    timeout_seconds: float = 15.0
    credentials: dict[str, str] = field(default_factory=dict)  # references, never secrets

    def __post_init__(self) -> None:
        if not self.base_url:
            object.__setattr__(self, "base_url", DEFAULT_BASE_URLS[self.provider])
        if self.poll_seconds <= 0:
            object.__setattr__(self, "poll_seconds", DEFAULT_POLL_SECONDS[self.provider])
        if self.cooldown_seconds < 0:
            object.__setattr__(self, "cooldown_seconds", DEFAULT_COOLDOWN_SECONDS[self.provider])


@dataclass(frozen=True, slots=True)
class AppConfig:
    accounts: tuple[AccountConfig, ...]

    @classmethod
    def load(cls, path: Path) -> AppConfig:
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise ConfigError(
                f"The configuration file {path} does not exist. Create it (see the README, "
                "'Configuration') or give another one with --config."
            ) from None
        except OSError as exc:
            raise ConfigError(
                f"The configuration file {path} cannot be read: {exc.strerror}."
            ) from exc
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"The configuration file {path} is not valid TOML: {exc}.") from exc
        return cls.from_mapping(data, source=str(path))

    @classmethod
    def from_mapping(cls, data: dict[str, Any], source: str = "the configuration") -> AppConfig:
        tables = data.get("accounts")
        if not isinstance(tables, list) or not tables:
            raise ConfigError(
                f"{source} has no accounts. Add one [[accounts]] table per platform account."
            )
        accounts = [_account(table, index, source) for index, table in enumerate(tables, 1)]
        names = [a.name for a in accounts]
        duplicates = sorted({n for n in names if names.count(n) > 1})
        if duplicates:
            raise ConfigError(
                f"{source}: two accounts are named {duplicates[0]!r}; names must differ."
            )
        return cls(tuple(accounts))


def _account(table: Any, index: int, source: str) -> AccountConfig:
    where = f"{source}, account #{index}"
    if not isinstance(table, dict):
        raise ConfigError(f"{where} is not a table.")
    name = table.get("name")
    if not isinstance(name, str) or not name.strip():
        raise ConfigError(f'{where} has no name. Give it one, e.g. name = "Kadıköy".')
    where = f"{source}, account '{name}'"
    provider_text = table.get("provider")
    try:
        provider = Provider(str(provider_text))
    except ValueError:
        choices = ", ".join(p.value for p in Provider)
        raise ConfigError(
            f"{where}: unknown provider {provider_text!r}. Use one of: {choices}."
        ) from None
    unknown = set(table) - ACCOUNT_KEYS - CREDENTIAL_KEYS
    if unknown:
        raise ConfigError(f"{where}: unknown setting(s) {', '.join(sorted(unknown))}.")
    credentials: dict[str, str] = {}
    for key in CREDENTIAL_KEYS & set(table):
        value = table[key]
        if not isinstance(value, str):
            raise ConfigError(f"{where}: {key} must be text.")
        if key in SECRET_KEYS and not is_reference(value):
            raise ConfigError(
                f"{where}: {key} is written in the file, where anyone can read it. Store it in "
                f"the system keyring (keyring set posbridge {name}-{key}) and write "
                f'{key} = "keyring:{name}-{key}", or use an environment variable: '
                f'{key} = "env:VARIABLE".'
            )
        credentials[key] = value
    numbers: dict[str, float] = {}
    for key in ("poll_seconds", "cooldown_seconds", "timeout_seconds"):
        if key in table:
            value = table[key]
            if not isinstance(value, int | float) or isinstance(value, bool) or value < 0:
                raise ConfigError(f"{where}: {key} must be a number of seconds.")
            numbers[key] = float(value)
    base_url = table.get("base_url", "")
    if base_url and not str(base_url).startswith(("https://", "http://127.", "http://localhost")):
        raise ConfigError(f"{where}: base_url must start with https:// (got {base_url!r}).")
    return AccountConfig(
        name=name.strip(), provider=provider, base_url=base_url, credentials=credentials, **numbers
    )


def default_config_path() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / "config.toml"


def resolve_data_dir(cli_value: str | None) -> Path:
    """--data-dir wins, then POSBRIDGE_DATA_DIR, then the platform's per-user data folder."""
    if cli_value:
        return Path(cli_value).expanduser()
    env = os.environ.get("POSBRIDGE_DATA_DIR")
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
