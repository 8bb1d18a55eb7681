from __future__ import annotations

import pytest
import requests

from backend.server import start_backend
from tests.backend.engines import ENGINES, fresh_database


@pytest.fixture(params=ENGINES)
def engine(request):
    """Each backend test runs on both engines: SQLite and PostgreSQL."""
    return request.param


@pytest.fixture
def database(engine, tmp_path):
    with fresh_database(engine, tmp_path) as url:
        yield url


@pytest.fixture
def backend(database):
    handle = start_backend(database, strict=True, seed_products=200, demo=True)
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
