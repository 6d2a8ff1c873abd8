"""From an account's configuration to its connector."""

from __future__ import annotations

from app.config import AccountConfig
from app.model import Provider
from app.providers.base import OrderSource
from app.providers.dukkango import DukkangoSource

SOURCE_CLASSES: dict[Provider, type[OrderSource]] = {Provider.DUKKANGO: DukkangoSource}


class UnsupportedProvider(Exception):
    pass


def source_class(provider: Provider) -> type[OrderSource] | None:
    """The connector class of a platform: its rules (``allowed_actions``, ``cancel_reasons``)
    are static, so they can be asked without credentials or a connection."""
    return SOURCE_CLASSES.get(provider)


def create_source(account: AccountConfig, secrets: dict[str, str]) -> OrderSource:
    if account.provider is Provider.DUKKANGO:
        return DukkangoSource(
            account.name,
            account.base_url,
            secrets,
            cooldown_seconds=account.cooldown_seconds,
            timeout_seconds=account.timeout_seconds,
        )
    raise UnsupportedProvider(
        f"Account '{account.name}': {account.provider.value} is not connected in this version "
        "yet. Remove the account from the configuration or update POS Bridge."
    )
