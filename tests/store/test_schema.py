from __future__ import annotations

import hashlib
import sqlite3
import subprocess
import sys
import textwrap

import pytest

from sync import catalog_gen
from sync.store import (
    DatabaseCorruptError,
    DatabaseNewerError,
    Store,
    StoreLockedError,
    catalog,
    journal,
    schema,
)
from sync.store.connection import connect_rw, set_wal
from tests.store.helpers import make_sale


def _sha(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _schema_of(path):
    conn = sqlite3.connect(path)
    try:
        return sorted(
            conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'")
        )
    finally:
        conn.close()


def test_fresh_database_is_at_latest(store):
    ro = store.read_connection()
    try:
        assert schema.user_version(ro) == schema.LATEST
    finally:
        ro.close()


def test_migrations_are_contiguous_from_one():
    assert sorted(schema.MIGRATIONS) == list(range(1, schema.LATEST + 1))


@pytest.mark.parametrize("start", range(0, schema.LATEST))
def test_migration_from_every_earlier_version(tmp_path, start):
    """A database left at each earlier version (with data in it) opens, migrates to LATEST, keeps its
    data, and ends with exactly the schema of a fresh database."""
    old = tmp_path / "old" / "pos.sqlite3"
    old.parent.mkdir()
    conn = connect_rw(old)
    set_wal(conn)
    schema.migrate(conn, target=start)
    assert schema.user_version(conn) == start
    sale = make_sale(receipt_no="")
    if start >= 1:  # version 1 holds the journal: put a sale in it
        conn.execute("BEGIN IMMEDIATE")
        journal.commit_sale(conn, sale)
        conn.execute("COMMIT")
    if start >= 2:  # version 2 holds the catalog: put products in it
        conn.execute("BEGIN IMMEDIATE")
        catalog.apply_changes(conn, list(catalog_gen.generate(50, seed=2)), [], "c1")
        conn.execute("COMMIT")
    conn.close()

    s = Store.open(old, till_id="T01")
    try:
        ro = s.read_connection()
        assert schema.user_version(ro) == schema.LATEST
        if start >= 1:
            assert journal.get_sale(ro, sale.sale_uuid).total == sale.total
        if start >= 2:
            p = catalog_gen.product(7, seed=2)
            assert catalog.lookup_barcode(ro, p["barcodes"][0]).sku == p["sku"]
            indexed = {r[0] for r in ro.execute("SELECT id FROM products_fts_docsize")}
            assert indexed == {r[0] for r in ro.execute("SELECT search_key FROM products WHERE active")}
        ro.close()
    finally:
        s.close()
    fresh = tmp_path / "fresh" / "pos.sqlite3"
    Store.open(fresh, till_id="T01").close()
    assert _schema_of(old) == _schema_of(fresh)


def test_newer_database_is_refused_and_untouched(db_path):
    Store.open(db_path, till_id="T01").close()
    conn = sqlite3.connect(db_path, isolation_level=None)
    conn.execute(f"PRAGMA user_version = {schema.LATEST + 1}")
    conn.close()
    before = _sha(db_path)
    with pytest.raises(DatabaseNewerError, match="newer version of OMO POS"):
        Store.open(db_path, till_id="T01")
    assert _sha(db_path) == before
    # the lock was released: a second attempt gives the same clear error, not "already running"
    with pytest.raises(DatabaseNewerError):
        Store.open(db_path, till_id="T01")


def test_garbage_file_is_refused_and_untouched(db_path):
    db_path.parent.mkdir(parents=True)
    db_path.write_bytes(b"this is not a database at all" * 100)
    before = _sha(db_path)
    with pytest.raises(DatabaseCorruptError, match="damaged") as ei:
        Store.open(db_path, till_id="T01")
    assert str(db_path) in str(ei.value)
    assert _sha(db_path) == before
    assert not db_path.with_name(db_path.name + "-wal").exists()


def test_corrupted_page_fails_quick_check_and_is_untouched(db_path):
    s = Store.open(db_path, till_id="T01")
    for _ in range(40):
        s.write_sync(lambda c: journal.commit_sale(c, make_sale()))
    s.checkpoint().result()
    s.close()
    conn = sqlite3.connect(db_path)
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    (root,) = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'sale_lines'").fetchone()
    conn.close()
    data = bytearray(db_path.read_bytes())
    off = (root - 1) * page_size
    data[off : off + page_size] = b"\x0d" + b"\xff" * (page_size - 1)  # a leaf header with nonsense
    db_path.write_bytes(bytes(data))
    before = _sha(db_path)
    with pytest.raises(DatabaseCorruptError, match="left exactly as it was"):
        Store.open(db_path, till_id="T01")
    assert _sha(db_path) == before


def test_second_instance_is_refused(db_path):
    s = Store.open(db_path, till_id="T01")
    try:
        with pytest.raises(StoreLockedError, match="already running"):
            Store.open(db_path, till_id="T02")
    finally:
        s.close()
    Store.open(db_path, till_id="T01").close()  # released on close


def test_lock_is_released_when_the_holder_is_killed(db_path):
    code = textwrap.dedent(
        f"""
        import os, signal, sys
        sys.path.insert(0, {str(__import__("pathlib").Path(__file__).resolve().parents[2])!r})
        from sync.store import Store
        s = Store.open({str(db_path)!r}, till_id="T01")
        print("ready", flush=True)
        sys.stdin.readline()
        os.kill(os.getpid(), signal.SIGKILL)
        """
    )
    p = subprocess.Popen(
        [sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert p.stdout.readline().strip() == "ready"
        with pytest.raises(StoreLockedError, match=r"process \d+"):
            Store.open(db_path, till_id="T01")
        p.stdin.write("\n")
        p.stdin.flush()
        assert p.wait(10) == -9
    finally:
        if p.poll() is None:
            p.kill()
            p.wait()
        p.stdout.close()
        p.stdin.close()
    Store.open(db_path, till_id="T01").close()


def _corrupt_sale_lines(db_path):
    s = Store.open(db_path, till_id="T01")
    for _ in range(40):
        s.write_sync(lambda c: journal.commit_sale(c, make_sale()))
    s.checkpoint().result()
    s.close()
    conn = sqlite3.connect(db_path)
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    (root,) = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'sale_lines'").fetchone()
    conn.close()
    data = bytearray(db_path.read_bytes())
    off = (root - 1) * page_size
    data[off : off + page_size] = b"\x0d" + b"\xff" * (page_size - 1)
    db_path.write_bytes(bytes(data))


def test_background_check_blocks_writes_of_a_damaged_database(db_path):
    _corrupt_sale_lines(db_path)
    before = _sha(db_path)
    s = Store.open(db_path, till_id="T01", check_in_background=True)  # returns before the check
    try:
        with pytest.raises(DatabaseCorruptError):
            s.integrity.result(10)
        with pytest.raises(DatabaseCorruptError, match="damaged"):
            s.write_sync(lambda c: c.execute("INSERT INTO settings VALUES ('k', '1', 'now')"))
    finally:
        s.close()
    assert _sha(db_path) == before


def test_background_check_passes_on_a_sound_database(db_path):
    Store.open(db_path, till_id="T01").close()
    s = Store.open(db_path, till_id="T01", check_in_background=True)
    try:
        s.write_sync(lambda c: journal.commit_sale(c, make_sale()))  # queued behind the check
        assert s.integrity.done() and s.integrity.exception() is None
    finally:
        s.close()
