"""The till's secrets in the crash harness: a keyring backend that reads them from the environment
(PYTHON_KEYRING_BACKEND=bench.crash.keys.HarnessKeyring, OMO_CRASH_SECRETS='{"user": "secret"}'), so the
driver runs as a live till does — the device token and the Stripe key from "the keyring" — without an OS
keyring on the test machine. Loopback test secrets only."""

from __future__ import annotations

import json
import os

from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError

ENV = "OMO_CRASH_SECRETS"


class HarnessKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self._secrets: dict[str, str] = json.loads(os.environ.get(ENV) or "{}")

    def get_password(self, service: str, username: str) -> str | None:
        return self._secrets.get(username) if service == "omo-pos" else None

    def set_password(self, service: str, username: str, password: str) -> None:
        self._secrets[username] = password

    def delete_password(self, service: str, username: str) -> None:
        if self._secrets.pop(username, None) is None:
            raise PasswordDeleteError(f"{service}/{username} not set")
