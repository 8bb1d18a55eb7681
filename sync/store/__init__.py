"""The local SQLite store: connection handling, the writer thread, the schema and its migrations, the
sales journal, the catalog cache, the outbox, the audit chain, the open cart, receipt numbers, backups.

Durability rules (DESIGN.md, conventions.md "SQLite"): WAL, synchronous=FULL, foreign_keys=ON, a busy
timeout, isolation_level=None and ``BEGIN IMMEDIATE`` for every write, one writer thread owning the only
read-write connection, ``mode=ro`` connections for readers, upserts by ON CONFLICT only, forward-only
migrations in ``PRAGMA user_version``, quick_check at start, one process per data directory, backups
through the SQLite backup API only.

Usage::

    store = Store.open(data_dir / "pos.sqlite3", till_id="T01")
    store.write_sync(lambda conn: outbox.enqueue(conn, "member.checkin", {...}))
    store.close()
"""

from sync.store.core import DB_NAME, Store, open_store, quick_check
from sync.store.crash import crashpoint
from sync.store.errors import (
    DatabaseCorruptError,
    DatabaseNewerError,
    DiskFullError,
    DiskIOError,
    StoreBusyError,
    StoreError,
    StoreLockedError,
)

__all__ = [
    "DB_NAME",
    "DatabaseCorruptError",
    "DatabaseNewerError",
    "DiskFullError",
    "DiskIOError",
    "Store",
    "StoreBusyError",
    "StoreError",
    "StoreLockedError",
    "crashpoint",
    "open_store",
    "quick_check",
]
