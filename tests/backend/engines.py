"""The backend's two engines for tests: a SQLite file, and a fresh database on the PostgreSQL server named
by OMO_TEST_POSTGRES_URL (`.ci/run` starts one with tools/pg_server.py; without it those tests skip)."""

from __future__ import annotations

import contextlib
import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

PG_ENV = "OMO_TEST_POSTGRES_URL"
ENGINES = ["sqlite", "postgresql"]


def postgres_url() -> str:
    url = os.environ.get(PG_ENV)
    if not url and os.environ.get("CI") == "true":
        pytest.fail(f"CI runs the backend's tests on PostgreSQL too: {PG_ENV} is not set (see .ci/run)")
    if not url:
        pytest.skip(
            f"no PostgreSQL server: set {PG_ENV} (e.g. from `python3 tools/pg_server.py start`; CI sets it)"
        )
    return url


@contextlib.contextmanager
def fresh_database(engine: str, directory: Path) -> Iterator[str]:
    """The URL (or SQLite path) of a new, empty backend database; dropped afterwards."""
    if engine == "sqlite":
        yield str(directory / f"backend-{uuid.uuid4().hex[:8]}.sqlite3")
        return
    import sqlalchemy as sa

    from backend.store import database_url

    url = database_url(postgres_url())
    name = f"omo_test_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(url, isolation_level="AUTOCOMMIT", poolclass=sa.pool.NullPool)
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    try:
        yield url.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()
