from __future__ import annotations

import sqlite3
import threading

import pytest

from sync.store import Store, StoreError, outbox
from sync.store.connection import connect_rw
from tests.support.waiting import wait_for


def test_writer_connection_pragmas(store):
    def pragmas(conn):
        return (
            conn.execute("PRAGMA journal_mode").fetchone()[0],
            conn.execute("PRAGMA synchronous").fetchone()[0],
            conn.execute("PRAGMA foreign_keys").fetchone()[0],
            conn.execute("PRAGMA busy_timeout").fetchone()[0],
            conn.isolation_level,
            threading.current_thread().name,
        )

    mode, sync_, fk, busy, iso, thread = store.write(pragmas).result()
    assert (mode, sync_, fk, iso) == ("wal", 2, 1, None)
    assert busy >= 5000
    assert thread.startswith("db-writer")


def test_every_write_is_begin_immediate(store):
    # A BEGIN IMMEDIATE transaction holds the RESERVED lock from the start: another writer cannot begin.
    def check(conn):
        other = sqlite3.connect(store.path, timeout=0, isolation_level=None)
        try:
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                other.execute("BEGIN IMMEDIATE")
        finally:
            other.close()
        return conn.in_transaction

    assert store.write_sync(check) is True


def test_exception_rolls_back_everything(store):
    def boom(conn):
        outbox.enqueue(conn, "x", {"n": 1})
        conn.db["scratch"].insert({"id": 1, "v": "a"}, pk="id")  # sqlite-utils inside our transaction
        raise ValueError("nope")

    with pytest.raises(ValueError):
        store.write_sync(boom)
    ro = store.read_connection()
    try:
        assert outbox.stats(ro).depth == 0
        assert ro.execute("SELECT name FROM sqlite_master WHERE name='scratch'").fetchone() is None
    finally:
        ro.close()


def test_sqlite_utils_joins_the_transaction(store):
    def work(conn):
        conn.db["scratch"].insert({"id": 1, "v": "a"}, pk="id")
        assert conn.in_transaction  # sqlite-utils did not commit our transaction
        conn.db["scratch"].insert({"id": 1, "v": "b"}, pk="id", ignore=True)
        return conn.execute("SELECT v FROM scratch").fetchall()

    assert store.write_sync(work) == [("a",)]


def test_read_connection_is_read_only(store):
    ro = store.read_connection()
    try:
        with pytest.raises(sqlite3.OperationalError):
            ro.execute("INSERT INTO settings (key, value, updated_at) VALUES ('a', '1', 'x')")
    finally:
        ro.close()


def test_readers_see_only_committed_data(store):
    started = threading.Event()
    release = threading.Event()

    def slow(conn):
        outbox.enqueue(conn, "x", {})
        started.set()
        assert release.wait(5)

    fut = store.write(slow)
    assert started.wait(5)
    ro = store.read_connection()
    try:
        assert outbox.stats(ro).depth == 0  # the reader is not blocked and sees the last commit
        release.set()
        fut.result(5)
        assert outbox.stats(ro).depth == 1
    finally:
        ro.close()


def test_write_after_close_is_refused(db_path):
    s = Store.open(db_path, till_id="T01")
    s.close()
    with pytest.raises(StoreError):
        s.write(lambda c: None)


def test_no_insert_or_replace_in_the_store():
    from pathlib import Path

    root = Path(__file__).resolve().parents[2] / "sync" / "store"
    offenders = [
        p
        for p in root.rglob("*.py")
        if "or replace" in p.read_text(encoding="utf-8").lower()
        or "replace=true" in p.read_text(encoding="utf-8").lower().replace(" ", "")
    ]
    assert offenders == []


def test_connect_rw_sets_recursive_triggers(tmp_path):
    conn = connect_rw(tmp_path / "x.sqlite3")
    try:
        assert conn.execute("PRAGMA recursive_triggers").fetchone()[0] == 1
    finally:
        conn.close()


def test_a_writer_that_is_never_idle_checkpoints_after_the_hard_limit(store, monkeypatch):
    from sync.store import core

    assert store.write_sync(lambda c: c.execute("PRAGMA wal_autocheckpoint").fetchone()[0]) == 0
    store.checkpoint().result()
    monkeypatch.setattr(core, "CHECKPOINT_IDLE_S", 3600.0)  # never idle long enough
    monkeypatch.setattr(core, "CHECKPOINT_EVERY", 2)
    monkeypatch.setattr(core, "CHECKPOINT_HARD", 3)
    for _ in range(2):
        store.write_sync(lambda c: outbox.enqueue(c, "x", {}))
    assert store._writes_since_checkpoint == 2
    store.write_sync(lambda c: outbox.enqueue(c, "x", {}))
    # the checkpoint was queued behind the third write on the writer thread; the next task runs after it
    assert store.on_writer(lambda c: store._writes_since_checkpoint).result() == 0
    busy, log_frames, done = store.checkpoint().result()
    assert busy == 0 and log_frames == done  # nothing left behind


def test_a_due_checkpoint_waits_for_the_writer_to_be_idle(store, monkeypatch):
    import time

    from sync.store import core

    monkeypatch.setattr(core, "CHECKPOINT_EVERY", 3)
    monkeypatch.setattr(core, "CHECKPOINT_IDLE_S", 0.3)
    store.checkpoint().result()
    for _ in range(3):
        store.write_sync(lambda c: outbox.enqueue(c, "x", {}))
    due_at = time.monotonic()
    assert store._idle_due  # due, but not run in front of the next write
    # keep writing more often than the idle time: no checkpoint while the till is busy
    while time.monotonic() - due_at < 0.6:
        store.write_sync(lambda c: outbox.enqueue(c, "x", {}))
        assert store.on_writer(lambda c: store._writes_since_checkpoint).result() > 0
        time.sleep(0.05)
    wait_for(lambda: store.on_writer(lambda c: store._writes_since_checkpoint).result() == 0)
    assert time.monotonic() - store._last_write >= 0.3
    assert not store._idle_due
    busy, log_frames, done = store.checkpoint().result()
    assert busy == 0 and log_frames == done


def test_close_stops_the_idle_checkpoint_thread_with_a_checkpoint_due(db_path, monkeypatch):
    from sync.store import core

    monkeypatch.setattr(core, "CHECKPOINT_EVERY", 1)
    monkeypatch.setattr(core, "CHECKPOINT_IDLE_S", 3600.0)
    s = Store.open(db_path, till_id="T01")
    s.write_sync(lambda c: outbox.enqueue(c, "x", {}))
    thread = s._idle_thread
    assert s._idle_due and thread is not None and thread.is_alive()
    s.close()  # does not wait the hour
    assert not thread.is_alive()


def test_arming_the_idle_checkpoint_starts_no_thread(store, monkeypatch):
    """The sale that makes a checkpoint due only sets a flag: no thread is started in its commit."""
    from sync.store import core

    monkeypatch.setattr(core, "CHECKPOINT_EVERY", 1)
    monkeypatch.setattr(core, "CHECKPOINT_IDLE_S", 3600.0)
    started = []
    monkeypatch.setattr(threading.Thread, "start", lambda self: started.append(self.name))
    store.write_sync(lambda c: outbox.enqueue(c, "x", {}))
    assert store._idle_due and started == []


def test_write_sync_runs_on_the_calling_thread_when_the_writer_is_idle(store):
    caller = threading.get_ident()
    store.on_writer(lambda c: None).result()  # the tasks queued by open() are done
    assert store.write_sync(lambda c: (threading.get_ident(), c.in_transaction)) == (caller, True)
    # the connection is still only ever used by one thread at a time, and writes still commit
    store.write_sync(lambda c: outbox.enqueue(c, "x", {"n": 1}))
    assert store.write(lambda c: c.execute("SELECT count(*) FROM outbox").fetchone()[0]).result() == 1


def test_write_sync_keeps_its_place_behind_earlier_writes(store):
    gate = threading.Event()
    order: list[str] = []

    def slow(c):
        gate.wait(10)
        order.append("queued first")

    first = store.write(slow)
    second = store.write(lambda c: order.append("queued second"))
    result: list[object] = []

    def sync_write(c):
        order.append("sync")
        return threading.get_ident()

    t = threading.Thread(target=lambda: result.append(store.write_sync(sync_write)))
    t.start()
    gate.set()
    t.join(10)
    first.result(), second.result()
    assert order == ["queued first", "queued second", "sync"]
    assert result[0] != t.ident  # it waited its turn on the writer thread


def test_write_sync_inside_a_write_raises_instead_of_deadlocking(store):
    def nested(c):
        with pytest.raises(RuntimeError, match="inside a write"):
            store.write_sync(lambda c2: None)
        return "ok"

    assert store.write_sync(nested) == "ok"  # caller-runs
    assert store.write(nested).result() == "ok"  # on the writer thread


def test_concurrent_writers_never_share_the_connection(store):
    store.write_sync(lambda c: c.execute("CREATE TABLE n (i INTEGER NOT NULL)"))
    store.write_sync(lambda c: c.execute("INSERT INTO n VALUES (0)"))
    errors: list[BaseException] = []

    def bump(c):
        (i,) = c.execute("SELECT i FROM n").fetchone()
        c.execute("UPDATE n SET i = ?", (i + 1,))

    def worker(k):
        try:
            futures = []
            for j in range(150):
                if (j + k) % 3:
                    store.write_sync(bump)
                else:
                    futures.append(store.write(bump))
            for f in futures:
                f.result()
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=worker, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert errors == []
    # a lost update or two transactions interleaved on the one connection would show here
    assert store.write_sync(lambda c: c.execute("SELECT i FROM n").fetchone()[0]) == 600


def test_write_sync_after_close_is_refused(db_path):
    s = Store.open(db_path, till_id="T01")
    s.close()
    with pytest.raises(StoreError):
        s.write_sync(lambda c: None)


def test_a_big_write_is_followed_by_one_checkpoint_not_more(store):
    from sync.store import core

    store.write_sync(
        lambda c: c.executemany(
            "INSERT INTO members (member_no, fetched_at, expires_at) VALUES (?, 'x', 'y')",
            [(i,) for i in range(core.BIG_WRITE_CHANGES + 1)],
        )
    )
    assert store.on_writer(lambda c: store._writes_since_checkpoint).result() == 0  # checkpointed
    for _ in range(3):
        store.write_sync(lambda c: outbox.enqueue(c, "x", {}))
    assert store.on_writer(lambda c: store._writes_since_checkpoint).result() == 3  # and not again


def test_wal_is_presized_at_open_without_changing_the_database(db_path):
    from sync.store import core, journal
    from tests.store.helpers import make_sale

    with Store.open(db_path, till_id="T01") as s:
        s.write_sync(lambda c: outbox.enqueue(c, "x", {"n": 1}))
    wal = db_path.parent / (db_path.name + "-wal")
    assert not wal.exists()  # SQLite deletes the WAL when the last connection closes
    with Store.open(db_path, till_id="T01") as s:
        schema_before = s.on_writer(
            lambda c: c.execute("SELECT name FROM sqlite_master ORDER BY name").fetchall()
        )
        schema_before = schema_before.result()
    assert not wal.exists()

    s = Store.open(db_path, till_id="T01")
    try:
        s.on_writer(lambda c: None).result()  # the pre-size task runs first on the writer thread
        size = wal.stat().st_size
        assert size >= core.WAL_PRESIZE
        # the scratch writes were rolled back: same tables, the queued event still there and alone
        assert s.on_writer(lambda c: c.execute("SELECT count(*) FROM outbox").fetchone()[0]).result() == 1
        names = s.on_writer(lambda c: c.execute("SELECT name FROM sqlite_master ORDER BY name").fetchall())
        assert names.result() == schema_before
        # sale commits now overwrite the laid-out WAL instead of extending it
        for i in range(20):
            s.write_sync(
                lambda c, i=i: journal.commit_sale(
                    c, make_sale(sale_uuid=f"00000000-0000-4000-8000-{i:012d}")
                )
            )
        assert wal.stat().st_size == size
    finally:
        s.close()
    with Store.open(db_path, till_id="T01") as s:  # reopens cleanly: crash recovery ignores the frames
        assert s.on_writer(lambda c: c.execute("SELECT count(*) FROM sales").fetchone()[0]).result() == 20
