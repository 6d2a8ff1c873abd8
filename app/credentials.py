"""Secrets: where they live (the OS keyring or the environment), never in files or logs.

A config value names a secret, it never holds one: ``keyring:NAME`` reads the OS keyring
(service "posbridge"), ``env:NAME`` reads an environment variable.
"""

from __future__ import annotations

import logging
import os
import re
import threading

KEYRING_SERVICE = "posbridge"
SECRET_KEYS = frozenset(
    {
        "token",
        "app_secret_key",
        "rest_secret_key",
        "password",
        "private_key",
        "client_secret",
    }
)
# Identifiers rather than secrets: they may be written in the file as they are.
PLAIN_KEYS = frozenset({"username", "consumer_id", "channel_type", "client_id"})
CREDENTIAL_KEYS = SECRET_KEYS | PLAIN_KEYS


class CredentialError(Exception):
    """A secret could not be found. The message says where to put it."""


def is_reference(value: str) -> bool:
    return value.startswith(("env:", "keyring:"))


def resolve(account: str, key: str, value: str) -> str:
    """Turn a config value into the secret it names (or the identifier it is)."""
    if value.startswith("env:"):
        name = value[4:]
        secret = os.environ.get(name)
        if not secret:
            raise CredentialError(
                f"Account '{account}': the environment variable {name} (for {key}) is not set. "
                f"Set it before starting POS Bridge, or store the {key} in the keyring."
            )
    elif value.startswith("keyring:"):
        name = value[8:]
        import keyring  # imported here: it looks for the OS backend on import
        from keyring.errors import KeyringError

        try:
            secret = keyring.get_password(KEYRING_SERVICE, name)
        except KeyringError as exc:
            raise CredentialError(
                f"Account '{account}': the system keyring could not be read ({exc}). "
                "Unlock the keyring (log in to the desktop) and start again."
            ) from exc
        if not secret:
            raise CredentialError(
                f"Account '{account}': no secret named '{name}' in the system keyring (for "
                f"{key}). Store it with: keyring set {KEYRING_SERVICE} {name}"
            )
    else:
        if key in SECRET_KEYS:
            raise CredentialError(
                f"Account '{account}': {key} must not be written in the file. Use "
                f'"keyring:NAME" or "env:NAME".'
            )
        return value
    if key in SECRET_KEYS:
        register_secret(secret)
    return secret


# -- redaction --------------------------------------------------------------------------------

_known_secrets: set[str] = set()
_lock = threading.Lock()
_HEADER_PATTERN = re.compile(
    r"(?i)(access-token|authorization|wm_sec\.auth_signature|wm_sec\.access_token)"
    r"(['\"]?\s*[:=]\s*['\"]?)([^'\",\s}]+(?: [^'\",\s}]+)?)"
)


def register_secret(secret: str) -> None:
    """Every secret that was read is scrubbed from every log line from then on."""
    if len(secret) >= 4:
        with _lock:
            _known_secrets.add(secret)


def redact(text: str) -> str:
    with _lock:
        secrets = sorted(_known_secrets, key=len, reverse=True)
    for secret in secrets:
        if secret in text:
            text = text.replace(secret, "***")
    return _HEADER_PATTERN.sub(lambda m: m.group(1) + m.group(2) + "***", text)


class RedactingFilter(logging.Filter):
    """Attached to every handler: tokens, passwords and auth headers never reach a log."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        clean = redact(message)
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        if clean != message:
            record.msg, record.args = clean, None
        return True
