"""The local SQLite store: connection handling, the writer thread, the schema and its migrations, the
sales journal, the catalog cache, the outbox, the audit chain, the open cart, receipt numbers, backups.

Durability rules (docs/architecture.md): WAL, synchronous=FULL, foreign_keys=ON, a busy
timeout, isolation_level=None and ``BEGIN IMMEDIATE`` for every write, one writer thread owning the only
read-write connection, ``mode=ro`` connections for readers, upserts by ON CONFLICT only, forward-only
migrations in ``PRAGMA user_version``, quick_check at start, one process per data directory, backups
through the SQLite backup API only.

Usage::

    store = Store.open(data_dir / "pos.sqlite3", till_id="T01")   # lock, WAL/FULL, quick_check, migrations
    store.write_sync(lambda conn: outbox.enqueue(conn, "member.checkin", {"member_no": 7}))
    fut = store.write(lambda conn: journal.commit_sale(conn, sale))  # Future; resolves after COMMIT
    ro = store.read_connection()                                     # mode=ro, for the calling thread
    store.close()

Modules (each function takes the connection of a ``store.write`` fn, or a read connection to read):

- ``journal``: commit_sale / get_sale, commit_return / get_return / returned_quantity, open_session /
  current_session, record_cash_movement, record_cash_count, commit_closure / get_closure
- ``receipts``: next_seq / next_number (inside the document's commit), reserve, claim_reserved, lowest_open,
  last_seq
- ``outbox``: enqueue, pending, ack, record_failure, dead_letter, retry_dead, dead_letters, stats,
  purge_acked
- ``catalog``: search, lookup_barcode, get, count, apply_changes, cursor, upsert, delete, import_file,
  import_rows, import_text, set_tax_codes, known_tax_codes
- ``cart``: save_open / load_open / clear_open, suspend / list_suspended / resume, set_setting /
  get_setting
- ``audit``: append, verify;  ``members``: put, get, purge_expired;  ``rules``: price rules, promotions
- ``backup.backup(source, dest)``;  ``adapters``: StoreJournal (pos.ports.Journal), StoreCatalog
  (pos.ports.Catalog);  ``crashpoint(name)`` for the crash tests
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
