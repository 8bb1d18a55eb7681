"""The backend's storage: one module, two engines (SQLAlchemy Core; migrations with Alembic).

- SQLite (a file path or `sqlite:///...`): the embedded default for the demo, the tests and a single shop.
  WAL, synchronous=FULL, foreign keys on; every write transaction opens with BEGIN IMMEDIATE, so writers
  serialise and a check made in the transaction holds until its commit. One process only.
- PostgreSQL (`postgresql://...`): a chain, with several stateless worker processes on one database.
  READ COMMITTED plus explicit row locks (SELECT ... FOR UPDATE) where a check guards a write, unique
  constraints as the arbiters of exactly-once, and a transaction that hits a deadlock or a serialisation
  failure is run again from the start (`Store.write`).

Idempotency keys are locked for the length of the one transaction that checks the key, applies the batch
and stores its answer: on PostgreSQL with a transaction-scoped advisory lock, on SQLite with an in-process
lock (one process). Nothing outlives a crashed worker: its transaction rolls back and its lock is gone, so
the till's next try goes through at once (no lease to wait out).
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import random
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import sqlalchemy as sa
from sqlalchemy import event as sa_event
from sqlalchemy.engine import URL, Connection, make_url

from backend import schema

log = logging.getLogger("omo.backend")

T = TypeVar("T")

MIGRATIONS = Path(__file__).with_name("migrations")
# PostgreSQL error codes after which a whole transaction is simply run again
RETRY_SQLSTATES = {"40001", "40P01"}  # serialization_failure, deadlock_detected
RETRIES = 8


class RetryTransaction(Exception):
    """Raised inside Store.write's function: a concurrent transaction got in the way; run it again."""


class KeyBusy(Exception):
    """Another request with this Idempotency-Key is being processed right now."""


def database_url(database: str | Path) -> URL:
    """A SQLAlchemy URL for a file path, `sqlite:///...` or `postgresql://...` (driver: psycopg 3)."""
    text = str(database)
    if "://" not in text:
        return URL.create("sqlite", database=str(Path(text).resolve()))
    url = make_url(text)
    if url.get_backend_name() == "postgresql":
        return url.set(drivername="postgresql+psycopg")
    if url.get_backend_name() != "sqlite":
        raise ValueError(
            f"unsupported database {url.get_backend_name()!r}: use a SQLite file or postgresql://"
        )
    return url


def _key_hash(device: str, key: str) -> int:
    """A signed 64-bit lock id for (device, key)."""
    digest = hashlib.blake2b(f"{device}\0{key}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


class Store:
    """The database of one backend process. Thread-safe; one per worker process."""

    def __init__(self, database: str | Path, *, pool_size: int = 8) -> None:
        self.url = database_url(database)
        self.dialect = self.url.get_backend_name()
        self._local_keys: set[tuple[str, str]] = set()
        self._autocommit: Any = None
        self._sqlite_writer = threading.Lock()
        self._local_lock = threading.Lock()
        if self.dialect == "sqlite":
            self.engine = sa.create_engine(
                self.url,
                connect_args={"check_same_thread": False, "timeout": 30.0},
                pool_size=pool_size,
                max_overflow=32,
            )
            # a pool event only: an engine event would put SQLAlchemy's event dispatch on every statement
            sa_event.listen(self.engine, "connect", _sqlite_connect)
        else:
            self.engine = sa.create_engine(
                self.url,
                pool_size=pool_size,
                max_overflow=pool_size,
                # no ping per checkout (a round trip per request): a connection the server dropped fails
                # its first statement, is discarded, and the transaction runs again (Store.write)
                pool_recycle=1800,
                connect_args={
                    # names the worker in pg_stat_activity; a dead client's transaction (and its locks) is
                    # rolled back within a second even while it waits for a lock
                    "application_name": f"omo-backend-{os.getpid()}",
                    "options": "-c client_connection_check_interval=1000"
                    " -c idle_in_transaction_session_timeout=60000",
                },
            )
        # single-statement reads: no BEGIN/ROLLBACK round trips around them (SQLite's driver sends no
        # BEGIN of its own here anyway)
        self._autocommit = (
            self.engine if self.is_sqlite else self.engine.execution_options(isolation_level="AUTOCOMMIT")
        )

    @property
    def is_sqlite(self) -> bool:
        return self.dialect == "sqlite"

    # ------------------------------------------------------------------------------------ schema
    def migrate(self) -> None:
        """Bring the schema to the newest revision (Alembic). A first-schema SQLite file of the backend
        before Alembic (PRAGMA user_version 1, no alembic_version table) is stamped, then upgraded."""
        from alembic import command
        from alembic.config import Config
        from alembic.runtime.migration import MigrationContext
        from alembic.script import ScriptDirectory

        cfg = Config()
        cfg.set_main_option("script_location", str(MIGRATIONS))
        head = ScriptDirectory.from_config(cfg).get_current_head()
        with self._migration_connection() as conn:
            current = MigrationContext.configure(conn).get_current_revision()
            cfg.attributes["connection"] = conn
            if current is None and self.is_sqlite:
                version = conn.exec_driver_sql("PRAGMA user_version").scalar()
                if version and version > 1:
                    raise RuntimeError(f"backend database is from an unknown version ({version})")
                if version == 1:
                    command.stamp(cfg, "0001")
                    current = "0001"
            known = {s.revision for s in ScriptDirectory.from_config(cfg).walk_revisions()}
            if current is not None and current not in known:
                raise RuntimeError(f"backend database is from a newer version ({current} > {head})")
            if current != head:
                command.upgrade(cfg, "head")

    @contextlib.contextmanager
    def _migration_connection(self) -> Iterator[Connection]:
        """The migrations' one transaction, one migrator at a time. On SQLite, foreign keys are off during
        it, as SQLite's own procedure for altering a table says: Alembic's batch mode rebuilds a table
        (copy, drop, rename), and dropping a table other rows point at fails while they are enforced.
        SQLite ignores the switch inside a transaction, so it is set before; and what the migrations left
        is checked (`PRAGMA foreign_key_check`) before the commit."""
        if not self.is_sqlite:
            with self.write_connection() as conn:
                conn.execute(sa.select(sa.func.pg_advisory_xact_lock(0x0E0B_AC1E)))
                yield conn
            return
        with self._sqlite_writer, self.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
            conn.commit()  # ends SQLAlchemy's own transaction (the driver's autocommit sent the PRAGMA)
            try:
                with conn.begin():
                    conn.exec_driver_sql("BEGIN IMMEDIATE")
                    yield conn
                    broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                    if broken:
                        raise RuntimeError(f"the migration left rows pointing at nothing: {broken[:5]}")
            finally:
                conn.exec_driver_sql("PRAGMA foreign_keys=ON")
                conn.commit()

    # ------------------------------------------------------------------------------ transactions
    @contextlib.contextmanager
    def write_connection(self) -> Iterator[Connection]:
        """One write transaction (BEGIN IMMEDIATE on SQLite), committed on leaving, rolled back on error.

        SQLite has one writer: this process's writers queue on a lock of their own first, so the next one
        starts the moment the last commits (SQLite's busy handler would poll with sleeps of up to 100 ms)."""
        if not self.is_sqlite:
            with self.engine.begin() as conn:
                yield conn
            return
        with self._sqlite_writer, self.engine.begin() as conn:
            conn.exec_driver_sql("BEGIN IMMEDIATE")  # the driver's own transaction handling is off
            yield conn

    @contextlib.contextmanager
    def read_connection(self) -> Iterator[Connection]:
        """A read transaction: every query in it sees one snapshot."""
        with self.engine.begin() as conn:
            if self.is_sqlite:
                conn.exec_driver_sql("BEGIN")
            yield conn

    def read_one(self, stmt: Any, params: dict[str, Any] | None = None) -> list[Any]:
        """The rows of one statement (a single statement needs no explicit transaction)."""
        for attempt in range(2):
            try:
                with self._autocommit.connect() as conn:
                    return list(conn.execute(stmt, params).all())
            except sa.exc.DBAPIError as exc:
                if not exc.connection_invalidated or attempt:
                    raise
        raise AssertionError("unreachable")  # pragma: no cover

    def write(self, fn: Callable[[Connection], T], *, key: tuple[str, str] | None = None) -> T:
        """Run fn(conn) in one write transaction, again from the start after a deadlock or serialisation
        failure. With `key` (device, Idempotency-Key), hold that key's lock for the transaction, or raise
        KeyBusy at once when another request holds it."""
        for attempt in range(RETRIES):
            try:
                with self._key_locked(key):
                    with self.write_connection() as conn:
                        if key is not None and not self.is_sqlite:
                            got = conn.execute(sa.select(sa.func.pg_try_advisory_xact_lock(_key_hash(*key))))
                            if not got.scalar():
                                raise KeyBusy(key[1])
                        return fn(conn)
            except (sa.exc.DBAPIError, RetryTransaction) as exc:
                code = getattr(getattr(exc, "orig", None), "sqlstate", None)
                if (
                    code not in RETRY_SQLSTATES and not isinstance(exc, RetryTransaction)
                ) or attempt == RETRIES - 1:
                    raise
                log.info("transaction retried after %s (attempt %d)", code or exc, attempt + 1)
                time.sleep(random.uniform(0, 0.01 * 2**attempt))
        raise AssertionError("unreachable")  # pragma: no cover

    @contextlib.contextmanager
    def _key_locked(self, key: tuple[str, str] | None) -> Iterator[None]:
        if key is None or not self.is_sqlite:
            yield
            return
        with self._local_lock:
            if key in self._local_keys:
                raise KeyBusy(key[1])
            self._local_keys.add(key)
        try:
            yield
        finally:
            with self._local_lock:
                self._local_keys.discard(key)

    def sql(self) -> SqlConnection:
        """A plain connection for admin scripts and tests: execute(sql, params) with `?` placeholders."""
        return SqlConnection(self.engine.connect(), self.is_sqlite)

    def dispose(self) -> None:
        self.engine.dispose()


class SqlConnection:
    """execute("SELECT ... WHERE a = ?", (1,)) on either engine (autocommit), for checks from tests."""

    def __init__(self, conn: Connection, is_sqlite: bool) -> None:
        self._conn = conn.execution_options(isolation_level="AUTOCOMMIT")
        self._sqlite = is_sqlite

    def execute(self, sql: str, params: tuple | list = ()) -> Any:
        if not self._sqlite:  # psycopg's placeholders are %s, and a literal % is written %%
            sql = sql.replace("%", "%%").replace("?", "%s")
        return self._conn.exec_driver_sql(sql, tuple(params))

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> SqlConnection:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _sqlite_connect(dbapi_conn: Any, _record: Any) -> None:
    dbapi_conn.isolation_level = None  # the driver's own transaction handling off: BEGIN is ours
    for pragma in (
        "PRAGMA journal_mode=WAL",
        "PRAGMA synchronous=FULL",
        "PRAGMA foreign_keys=ON",
        "PRAGMA busy_timeout=30000",
    ):
        dbapi_conn.execute(pragma)


__all__ = ["KeyBusy", "SqlConnection", "Store", "database_url", "schema"]
