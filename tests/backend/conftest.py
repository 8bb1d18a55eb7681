from __future__ import annotations

import pytest
import requests

from backend.server import start_backend


@pytest.fixture
def backend(tmp_path):
    handle = start_backend(tmp_path / "backend.sqlite3", strict=True, seed_products=200)
    handle.token = handle.register_device("till-1")
    yield handle
    handle.stop()


@pytest.fixture
def http(backend):
    """A plain requests session authorised as till-1 (no retries: tests see every answer)."""
    s = requests.Session()
    s.headers["Authorization"] = f"Bearer {backend.token}"
    yield s
    s.close()
