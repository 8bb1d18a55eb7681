from __future__ import annotations

import pytest

from sync.store import Store


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "data" / "pos.sqlite3"


@pytest.fixture
def store(db_path):
    s = Store.open(db_path, till_id="T01")
    yield s
    s.close()
