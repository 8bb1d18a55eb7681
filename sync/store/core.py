"""The Store: one data directory, one lock, one writer thread owning the only read-write connection."""

from __future__ import annotations

import logging
import os
import sqlite3
import sys
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

from sync.store import schema
from sync.store.connection import StoreConnection, connect_ro, connect_rw, set_wal
from sync.store.crash import crashpoint
from sync.store.errors import DatabaseCorruptError, StoreError, classify
from sync.store.lock import InstanceLock

log = logging.getLogger("sync.store")
T = TypeVar("T")

DB_NAME = "pos.sqlite3"
# Checkpoints never stand in front of a sale: once CHECKPOINT_EVERY writes are in the WAL, one runs as
# soon as the writer has been idle for CHECKPOINT_IDLE_S (a till is idle between customers); only a
# writer that is never idle (a benchmark, a replay) meets one after CHECKPOINT_HARD writes.
CHECKPOINT_EVERY = 100  # writes (~850 WAL frames of sales) before an idle checkpoint is due
CHECKPOINT_IDLE_S = 0.25
CHECKPOINT_HARD = 400  # writes (~3,400 frames, ~14 MB of sales) before one runs regardless
BIG_WRITE_CHANGES = 20_000  # rows changed since the last checkpoint that call for one at once (imports)
WAL_SIZE_LIMIT = 32 * 1024 * 1024  # bytes the WAL file keeps after a checkpoint
# Bytes of WAL laid down at open (about CHECKPOINT_HARD sale commits of ~8.5 frames of 4 KiB + 24).
# SQLite deletes the WAL when the last connection closes, so without this every commit of the first
# checkpoint cycle after a start extends the file, and on ext4 its fsync then also commits the
# file-system journal (measured: ~0.40-0.49 ms per 5-line sale instead of ~0.30 ms once the WAL is
# rewound and overwritten).
WAL_PRESIZE = 16 * 1024 * 1024


def quick_check(conn: sqlite3.Connection, path: object = "") -> None:
    """Run ``PRAGMA quick_check``; raise DatabaseCorruptError (file untouched) unless it says ok."""
    try:
        rows = [r[0] for r in conn.execute("PRAGMA quick_check").fetchall()]
    except sqlite3.DatabaseError as exc:
        raise DatabaseCorruptError(_corrupt_message(path, str(exc))) from exc
    if rows != ["ok"]:
        raise DatabaseCorruptError(_corrupt_message(path, "; ".join(map(str, rows[:5]))))


def _corrupt_message(path: object, detail: str) -> str:
    return (
        "The till's database is damaged and OMO POS will not start on it, so that nothing more is "
        f"lost. The file has been left exactly as it was: {path}. Call support; they can restore the "
        f"latest backup. (Details: {detail})"
    )


class Store:
    """Open with ``Store.open(path, till_id=...)``; ``close()`` when done (or use it as a context manager).

    ``write(fn)`` runs ``fn(conn)`` on the writer thread inside ``BEGIN IMMEDIATE … COMMIT`` and returns a
    Future; an exception in ``fn`` rolls the transaction back and is set on the Future. Nothing is
    promised to a person before that Future has resolved.

    ``write_sync(fn)`` is the same write for a caller that would only wait for that Future: when the
    writer has nothing queued or running, the calling thread runs the transaction itself while it holds
    the writer's lock (a caller-runs hand-off, as in Java's ``CallerRunsPolicy``). The connection is
    still the only read-write one and only one thread at a time ever uses it; writes still run in the
    order they were asked for (a caller-runs write starts only when nothing submitted earlier is
    waiting). It saves the two thread wake-ups of the round trip, about a quarter of an fsync on the
    2-core machines measured, which the durable sale commit cannot afford (docs/architecture.md: < 2x fsync).
    """

    def __init__(self, path: Path, till_id: str) -> None:
        self.path = Path(path)
        self.till_id = till_id
        self._lock = InstanceLock(self.path.parent)
        self._executor: ThreadPoolExecutor | None = None
        self._conn: StoreConnection | None = None
        # Whoever uses the read-write connection holds _mutex: the writer thread for each task, or a
        # write_sync caller that found nothing queued. _queued counts tasks submitted and not finished.
        self._mutex = threading.Lock()
        self._state = threading.Lock()
        self._queued = 0
        self._owner: int | None = None  # thread ident holding _mutex (re-entry would deadlock)
        self._last_write = 0.0  # time.monotonic() of the last commit
        # An idle checkpoint is due (_idle_due); one long-lived thread waits for the writer to go quiet.
        # Arming it is a flag and a notify under _state: starting a threading.Timer instead cost the
        # sale that armed it ~0.5 ms (a new thread), one sale in every CHECKPOINT_EVERY.
        self._idle_due = False
        self._idle_cv = threading.Condition(self._state)
        self._idle_thread: threading.Thread | None = None
        self._closed = False
        self._failed: BaseException | None = None
        self._writes_since_checkpoint = 0
        self._changes_at_checkpoint = 0
        self.integrity: Future[None] = Future()  # resolves when the start-up quick_check has passed

    # ------------------------------------------------------------------ lifecycle
    @classmethod
    def open(
        cls,
        path: Path | str,
        *,
        till_id: str,
        quick_check: bool = True,
        check_in_background: bool = False,
    ) -> Store:
        """Lock the data directory, open (or create) the database, refuse a newer or damaged one,
        migrate, and return the store.

        ``check_in_background=True`` returns before ``PRAGMA quick_check`` has finished (it takes about
        a second per 300 MB): the check runs first on the writer thread, so every write waits behind
        it, and if it fails every write raises DatabaseCorruptError; ``store.integrity`` (a Future)
        tells the UI. Readers can start at once. A database that needs a migration is always checked
        before it is migrated.
        """
        store = cls(Path(path), till_id)
        store._lock.acquire()
        try:
            store._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="db-writer")
            deferred = store._submit(store._open_on_writer, quick_check, check_in_background).result()
        except BaseException:
            store._shutdown()
            raise
        if deferred:
            store._submit(store._background_check)
        elif not store.integrity.done():
            store.integrity.set_result(None)
        store._submit(store._presize_wal_quietly)  # before any write, after the check
        store._idle_thread = threading.Thread(target=store._idle_loop, name="db-idle-checkpoint", daemon=True)
        store._idle_thread.start()
        return store

    def _background_check(self) -> None:
        assert self._conn is not None
        try:
            quick_check(self._conn, self.path)
        except BaseException as exc:
            log.error("%s", exc)
            self._failed = exc
            self.integrity.set_exception(exc)
        else:
            self.integrity.set_result(None)

    def _presize_wal_quietly(self) -> None:
        try:
            self._presize_wal()
        except Exception:  # only a speed-up: the WAL then grows as it would anyway
            log.warning("could not pre-size the WAL", exc_info=True)

    def _presize_wal(self, size: int = WAL_PRESIZE) -> None:
        """Lay the WAL file out to ``size`` bytes with SQLite's own writes, changing nothing stored.

        A transaction writes ``size`` bytes of scratch pages with a tiny page cache, so SQLite spills
        them into the WAL as uncommitted frames, then rolls back: the database is untouched (frames
        without a commit frame are never read, not even by crash recovery), the WAL file keeps its
        size, and the next commits overwrite those frames from the start. The file is then fsynced
        once, so its blocks and size are on disk before the first sale's commit.
        """
        conn = self._conn
        if conn is None or self._failed is not None or conn.in_transaction:
            return
        wal = Path(str(self.path) + "-wal")
        if wal.exists() and wal.stat().st_size >= size:
            return
        page_size = int(conn.execute("PRAGMA page_size").fetchone()[0])
        cache_size = int(conn.execute("PRAGMA cache_size").fetchone()[0])
        conn.execute("PRAGMA cache_size = 16")
        try:
            conn.execute("BEGIN IMMEDIATE")
            try:
                conn.execute("CREATE TABLE wal_presize_scratch (b BLOB)")
                conn.execute(
                    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?) "
                    "INSERT INTO wal_presize_scratch SELECT zeroblob(?) FROM n",
                    (size // (page_size + 24) + 64, page_size - 64),
                )
            finally:
                conn.execute("ROLLBACK")
        finally:
            conn.execute(f"PRAGMA cache_size = {cache_size}")
        if sys.platform != "win32" and wal.exists():
            fd = os.open(wal, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)

    def _open_on_writer(self, run_quick_check: bool, background: bool) -> bool:
        """Returns True when the quick_check is left to run in the background."""
        deferred = False
        if self.path.is_dir():
            raise StoreError(f"OMO POS cannot open its database: {self.path} is a folder, not a file.")
        existed = self.path.exists() and self.path.stat().st_size > 0
        if existed:
            self._refuse_foreign_file()
        try:
            conn = connect_rw(self.path)
        except sqlite3.OperationalError as exc:
            raise StoreError(
                f"OMO POS cannot open its database {self.path} ({exc}). Check that the disk is present "
                "and the folder is writable, then start again."
            ) from exc
        except sqlite3.DatabaseError as exc:
            raise DatabaseCorruptError(_corrupt_message(self.path, str(exc))) from exc
        try:
            if existed:
                try:
                    version = schema.user_version(conn)
                except sqlite3.DatabaseError as exc:
                    raise DatabaseCorruptError(_corrupt_message(self.path, str(exc))) from exc
                schema.check_not_newer(version, self.path)
                if run_quick_check:
                    if background and version == schema.LATEST:
                        deferred = True
                    else:
                        quick_check(conn, self.path)
            set_wal(conn)
            # Checkpoints run after a commit has returned its result (see _after_commit), never inside a
            # sale's commit; after each one the WAL restarts from its beginning and is cut back to
            # WAL_SIZE_LIMIT, so commits overwrite preallocated WAL space instead of growing the file.
            conn.execute("PRAGMA wal_autocheckpoint = 0")
            conn.execute(f"PRAGMA journal_size_limit = {WAL_SIZE_LIMIT}")
            applied = schema.migrate(conn)
            if applied:
                log.info("database %s migrated to schema %s", self.path, applied[-1])
        except BaseException:
            conn.close()
            raise
        self._conn = conn
        return deferred

    def _refuse_foreign_file(self) -> None:
        with open(self.path, "rb") as f:
            head = f.read(16)
        if head != b"SQLite format 3\x00":
            raise DatabaseCorruptError(_corrupt_message(self.path, "not an SQLite database file"))

    def close(self) -> None:
        if self._closed:
            return
        with self._state:
            self._closed = True
            self._idle_due = False
            self._idle_cv.notify_all()
        if self._idle_thread is not None:
            self._idle_thread.join()
        if self._executor is not None and self._conn is not None:
            try:
                self._submit(self._close_on_writer).result()
            except Exception:  # pragma: no cover - closing must not hide the original problem
                log.exception("closing the database")
        self._shutdown()

    def _close_on_writer(self) -> None:
        conn, self._conn = self._conn, None
        if conn is None:
            return
        try:
            if self._failed is None:  # never write to a damaged file, not even statistics
                conn.execute("PRAGMA optimize")
        finally:
            conn.close()

    def _shutdown(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True)
            self._executor = None
        self._lock.release()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ the writer
    def _submit(self, fn: Callable[..., T], *args: Any) -> Future[T]:
        """Queue ``fn(*args)`` for the writer thread, which runs it holding the writer's lock."""
        with self._state:
            return self._submit_locked(fn, *args)

    def _submit_locked(self, fn: Callable[..., T], *args: Any) -> Future[T]:
        assert self._executor is not None
        future = self._executor.submit(self._task, fn, *args)
        self._queued += 1  # with _state held, so before the task can finish and count itself out
        return future

    def _task(self, fn: Callable[..., T], *args: Any) -> T:
        try:
            with self._mutex:
                self._owner = threading.get_ident()
                try:
                    return fn(*args)
                finally:
                    self._owner = None
        finally:
            with self._state:
                self._queued -= 1

    # ------------------------------------------------------------------ writing
    def write(self, fn: Callable[[StoreConnection], T]) -> Future[T]:
        if self._closed or self._executor is None:
            raise StoreError("The store is closed.")
        return self._submit(self._run_write, fn)

    def write_sync(self, fn: Callable[[StoreConnection], T]) -> T:
        """``write(fn).result()``, run by the calling thread itself when the writer is idle."""
        ident = threading.get_ident()
        if ident == self._owner:  # the writer thread, or a caller already inside a write
            raise RuntimeError("write_sync called from inside a write (would deadlock)")
        if self._closed or self._executor is None:
            raise StoreError("The store is closed.")
        with self._state:
            direct = self._queued == 0 and self._mutex.acquire(blocking=False)
        if not direct:
            return self.write(fn).result()
        try:
            if self._closed or self._conn is None:
                raise StoreError("The store is closed.")
            self._owner = ident
            return self._run_write(fn)
        finally:
            self._owner = None
            self._mutex.release()

    def _run_write(self, fn: Callable[[StoreConnection], T]) -> T:
        conn = self._conn
        assert conn is not None, "store not open"
        if self._failed is not None:
            raise self._failed
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise classify(exc) from exc
        try:
            result = fn(conn)
            conn.execute("COMMIT")
        except BaseException as exc:
            if conn.in_transaction:
                try:
                    conn.execute("ROLLBACK")
                except sqlite3.Error:  # pragma: no cover - the rollback of a failed IO
                    log.exception("rollback failed")
            mapped = classify(exc)
            if mapped is not exc:
                raise mapped from exc
            raise
        self._writes_since_checkpoint += 1
        self._last_write = time.monotonic()
        if (
            self._writes_since_checkpoint >= CHECKPOINT_HARD
            or conn.total_changes - self._changes_at_checkpoint > BIG_WRITE_CHANGES
        ):
            self._submit(self._checkpoint_quietly)
        elif self._writes_since_checkpoint >= CHECKPOINT_EVERY and not self._idle_due:
            with self._state:
                if not self._idle_due and not self._closed:
                    self._idle_due = True
                    self._idle_cv.notify()
        return result

    def _idle_loop(self) -> None:
        """The idle-checkpoint thread: once a checkpoint is due, queue it as soon as no write has come
        for CHECKPOINT_IDLE_S (a till is idle between customers)."""
        with self._state:
            while not self._closed:
                if not self._idle_due:
                    self._idle_cv.wait()
                    continue
                idle_for = time.monotonic() - self._last_write
                if idle_for < CHECKPOINT_IDLE_S:  # a write came meanwhile: wait for the next quiet moment
                    self._idle_cv.wait(CHECKPOINT_IDLE_S - idle_for)
                    continue
                self._idle_due = False
                self._submit_locked(self._checkpoint_quietly)

    def _checkpoint_quietly(self) -> None:
        if self._conn is None or self._failed is not None:
            return
        try:
            self._checkpoint("PASSIVE")
        except Exception:  # a checkpoint that fails is retried by the next one; nothing is lost
            log.exception("WAL checkpoint failed")

    def checkpoint(self, mode: str = "PASSIVE") -> Future[tuple[int, int, int]]:
        """Copy the WAL into the database on the writer thread, between writes. Call it when the till
        is idle (e.g. every minute without a sale, after a sync). PASSIVE never waits for readers;
        TRUNCATE also shrinks the WAL file but waits (up to the busy timeout) for readers."""
        return self._submit(self._checkpoint, mode)

    def _checkpoint(self, mode: str) -> tuple[int, int, int]:
        assert self._conn is not None
        if mode not in ("PASSIVE", "FULL", "RESTART", "TRUNCATE"):
            raise ValueError(mode)
        crashpoint("during_checkpoint")
        row = self._conn.execute(f"PRAGMA wal_checkpoint({mode})").fetchone()
        self._writes_since_checkpoint = 0
        self._changes_at_checkpoint = self._conn.total_changes
        with self._state:
            self._idle_due = False  # this one did the work an idle checkpoint was due for
        return tuple(row)  # type: ignore[return-value]

    def on_writer(self, fn: Callable[[StoreConnection], T]) -> Future[T]:
        """Run ``fn(conn)`` on the writer thread with NO transaction (for the backup API, VACUUM...)."""

        def run() -> T:
            assert self._conn is not None
            return fn(self._conn)

        return self._submit(run)

    # ------------------------------------------------------------------ reading
    def read_connection(self, *, check_same_thread: bool = True) -> sqlite3.Connection:
        """A new read-only connection for the calling thread. Close it when done."""
        return connect_ro(self.path, check_same_thread=check_same_thread)

    @property
    def data_dir(self) -> Path:
        return self.path.parent

    def __repr__(self) -> str:
        return f"<Store {self.path} till={self.till_id}>"


def open_store(data_dir: Path, *, till_id: str, **kw: Any) -> Store:
    return Store.open(Path(data_dir) / DB_NAME, till_id=till_id, **kw)
