"""Test-wide isolation: a temporary data directory, an in-memory keyring, offscreen Qt."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["PYTHON_KEYRING_BACKEND"] = "tests.support.memkeyring.MemoryKeyring"


@pytest.fixture(autouse=True)
def _isolated_environment(tmp_path, monkeypatch):
    """Every test gets its own data directory and an empty keyring; no real user data is touched."""
    from tests.support.memkeyring import MemoryKeyring

    monkeypatch.setenv("OMO_POS_DATA_DIR", str(tmp_path / "omo-data"))
    for key in list(os.environ):
        if key.startswith("OMO_POS_") and key != "OMO_POS_DATA_DIR":
            monkeypatch.delenv(key)
    MemoryKeyring.clear()
    yield
    MemoryKeyring.clear()
