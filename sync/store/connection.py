"""Opening SQLite connections the one way the durability rules allow."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path
from typing import Any

BUSY_TIMEOUT_S = 5.0


class StoreConnection(sqlite3.Connection):
    """A sqlite3 connection with a lazily built sqlite-utils ``Database`` on it (``conn.db``).

    sqlite-utils 4 turns its own writes into savepoints when a transaction is open, so inside a
    ``store.write`` function ``conn.db["t"].insert(..., ignore=True)`` joins our ``BEGIN IMMEDIATE``.
    """

    _sqlite_utils_db: Any = None

    @property
    def db(self) -> Any:
        if self._sqlite_utils_db is None:
            import sqlite_utils  # imported lazily: it costs ~0.2 s at start-up

            self._sqlite_utils_db = sqlite_utils.Database(self, execute_plugins=False)
        return self._sqlite_utils_db


def _common_pragmas(conn: sqlite3.Connection) -> None:
    conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA synchronous = FULL")
    if sys.platform == "darwin":  # pragma: no cover - F_FULLFSYNC is what reaches the platter on macOS
        conn.execute("PRAGMA fullfsync = ON")
        conn.execute("PRAGMA checkpoint_fullfsync = ON")


def connect_rw(path: Path) -> StoreConnection:
    """The read-write connection. Only the store may own one; it is used by one thread at a time (the
    writer thread, or a write_sync caller holding the writer's lock), hence check_same_thread=False."""
    conn = sqlite3.connect(
        str(path),
        timeout=BUSY_TIMEOUT_S,
        isolation_level=None,
        check_same_thread=False,
        factory=StoreConnection,
        cached_statements=256,
    )
    _common_pragmas(conn)
    conn.execute("PRAGMA recursive_triggers = ON")
    return conn  # type: ignore[return-value]


def set_wal(conn: sqlite3.Connection) -> None:
    mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
    if str(mode).lower() != "wal":  # pragma: no cover - e.g. a network file system
        raise sqlite3.OperationalError(f"could not switch the database to WAL mode (got {mode!r})")
    conn.execute("PRAGMA synchronous = FULL")  # re-assert: journal mode changes can reset it


def connect_ro(path: Path, *, check_same_thread: bool = True) -> sqlite3.Connection:
    """A read-only connection (``mode=ro``) for readers: the UI, reports, the audit verifier."""
    uri = Path(path).resolve().as_uri() + "?mode=ro"
    conn = sqlite3.connect(
        uri,
        uri=True,
        timeout=BUSY_TIMEOUT_S,
        isolation_level=None,
        check_same_thread=check_same_thread,
        cached_statements=64,
    )
    _common_pragmas(conn)
    conn.execute("PRAGMA query_only = ON")
    return conn
