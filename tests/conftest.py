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


@pytest.hookimpl(trylast=True)
def pytest_unconfigure(config):
    """A thread left running would keep the interpreter (and CI) waiting forever after the last test:
    name it and fail the run instead."""
    import sys
    import threading

    leaked = [t for t in threading.enumerate() if t is not threading.main_thread() and not t.daemon]
    for t in leaked:
        t.join(timeout=5)
    leaked = [t for t in leaked if t.is_alive()]
    if leaked:
        sys.stderr.write(f"\nERROR: tests left threads running: {', '.join(t.name for t in leaked)}\n")
        sys.stderr.flush()
        os._exit(3)
