from __future__ import annotations

import hashlib
import sqlite3
import subprocess
import sys
import textwrap

import pytest

from sync.store import (
    DatabaseCorruptError,
    DatabaseNewerError,
    Store,
    StoreLockedError,
    catalog,
    journal,
    outbox,
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


# Data written by the program at each version, in that version's own SQL (the code of today may not
# run against an old schema). Every migration must carry it forward.
SEED: dict[int, list[str]] = {
    1: [
        "INSERT INTO sales (sale_id, sale_uuid, receipt_no, till_id, staff_id, currency, created_at, "
        "subtotal, discount_total, tax_total, total) VALUES (1, 'u1', 'T01-000007', 'T01', 'S1', 'EUR', "
        "'2026-01-01T00:00:00+00:00', 500, 0, 45, 500)",
        "INSERT INTO sale_lines VALUES (10001, 1, 1, 'SKU1', 'Thing', 2, 250, 0, 'STANDARD', 45, 500)",
        "INSERT INTO sale_tenders VALUES (1, 1, 'cash', 500, 0, NULL)",
        "INSERT INTO receipt_sequences VALUES ('T01', 7)",
        "INSERT INTO outbox (event_id, event_type, payload, created_at) "
        "VALUES ('u1', 'sale.completed', '{}', 'x')",
        "INSERT INTO outbox (event_id, event_type, payload, created_at, acked_at) "
        "VALUES ('e2', 't', '{}', 'x', 'y')",
        "DELETE FROM outbox WHERE event_id = 'e2'",  # acknowledged: seq 2 was used and must not come back
    ],
    2: [
        "INSERT INTO tax_codes VALUES ('STANDARD', 2000, '')",
        "INSERT INTO products (id, sku, name, brand, category, tax_code, price, active, popularity, "
        "search_key, updated_at) VALUES (1, 'P1', 'Green Tea', 'Acme', 'Bev', 'STANDARD', 199, 1, 5, "
        "((2147483647 - 5) << 32) | 1, 'x')",
        "INSERT INTO barcodes VALUES ('4006381333931', 1)",
    ],
}


@pytest.mark.parametrize("start", range(0, schema.LATEST))
def test_migration_from_every_earlier_version(tmp_path, start):
    """A database left at each earlier version, with that version's data in it, opens, migrates to
    LATEST, keeps its data and its sequences, and ends with exactly the schema of a fresh database."""
    old = tmp_path / "old" / "pos.sqlite3"
    old.parent.mkdir()
    conn = connect_rw(old)
    set_wal(conn)
    for v in range(1, start + 1):
        schema.migrate(conn, target=v)
        conn.execute("BEGIN IMMEDIATE")
        for sql in SEED.get(v, []):
            conn.execute(sql)
        conn.execute("COMMIT")
    assert schema.user_version(conn) == start
    conn.close()

    s = Store.open(old, till_id="T01")
    try:
        ro = s.read_connection()
        assert schema.user_version(ro) == schema.LATEST
        if start >= 1:
            assert journal.get_sale(ro, "u1").lines[0].paid_amount == 500
            assert [(e.seq, e.event_id) for e in outbox.pending(ro)] == [(1, "u1")]
        if start >= 2:
            assert catalog.lookup_barcode(ro, "4006381333931").sku == "P1"
            assert [p.sku for p in catalog.search(ro, "gre")] == ["P1"]
        ro.close()
        sale = s.write_sync(lambda c: journal.commit_sale(c, make_sale()))
        assert sale.receipt_no == ("T01-000008" if start >= 1 else "T01-000001")
        ro = s.read_connection()
        seqs = [e.seq for e in outbox.pending(ro)]
        ro.close()
        assert seqs == ([1, 2] if start >= 1 else [1])  # the new event queues behind the waiting one
    finally:
        s.close()
    fresh = tmp_path / "fresh" / "pos.sqlite3"
    Store.open(fresh, till_id="T01").close()
    assert _schema_of(old) == _schema_of(fresh)


def test_migration_8_keeps_every_receipt_number_taken(tmp_path):
    """Version 7 counted per till id and numbered sales by rowid. After version 8 a sale's sale_id is
    its number: the next one must lie above everything handed out before, under any till id, and a
    number reserved before the upgrade stays taken while its sale gets a new one."""
    old = tmp_path / "pos.sqlite3"
    conn = connect_rw(old)
    set_wal(conn)
    schema.migrate(conn, target=7)
    conn.execute("BEGIN IMMEDIATE")
    for i, (till, no) in enumerate([("T00", 40), ("T01", 6), ("T01", 7)], 1):
        conn.execute(
            "INSERT INTO sales (sale_id, sale_uuid, receipt_no, till_id, staff_id, currency, created_at, "
            "subtotal, discount_total, tax_total, total) VALUES (?, ?, ?, ?, 'S1', 'EUR', 't', 0, 0, 0, 0)",
            (i, f"old{i}", f"{till}-{no:06d}", till),
        )
        conn.execute(
            "INSERT INTO sale_lines VALUES (?, ?, 1, 'A', 'a', 1, 0, 0, 'STANDARD', 0, 0)", (i * 10000 + 1, i)
        )
    conn.execute("INSERT INTO counters VALUES ('receipt:T00', 41), ('receipt:T01', 8)")
    conn.execute("INSERT INTO receipt_reservations VALUES ('T01-000008', 'T01', 8, 't')")
    conn.execute(  # an unsynced sale whose event refers to the sale by its (pre-8) sale_id
        "INSERT INTO outbox (seq, event_id, event_type, payload, doc_ref, created_at) "
        "VALUES (5, 'old3', 'sale.completed', '', 'sale:3', 't')"
    )
    conn.execute("COMMIT")
    conn.close()

    s = Store.open(old, till_id="T01")
    try:
        ro = s.read_connection()
        try:
            assert ro.execute("SELECT sale_id, receipt_no FROM sales ORDER BY sale_id").fetchall() == [
                (1, "T00-000040"),
                (2, "T01-000006"),
                (3, "T01-000007"),
            ]
            assert ro.execute("PRAGMA foreign_key_check").fetchall() == []
            assert ro.execute("PRAGMA foreign_keys").fetchone() == (1,)
            (ev,) = outbox.pending(ro)  # still queued, and its payload is still the right sale
            assert (ev.seq, ev.payload["sale_uuid"], ev.payload["receipt_no"]) == (5, "old3", "T01-000007")
        finally:
            ro.close()
        nxt = s.write_sync(lambda c: journal.commit_sale(c, make_sale()))
        legacy = s.write_sync(lambda c: journal.commit_sale(c, make_sale(receipt_no="T01-000008")))
        with pytest.raises(sqlite3.IntegrityError, match="FOREIGN KEY"):  # foreign keys are back on
            s.write_sync(lambda c: c.execute("INSERT INTO sale_tenders VALUES (999, 1, 'cash', 1, 0, '', 0)"))
    finally:
        s.close()
    assert nxt.receipt_no == "T01-000042"  # above T00's 41: one sequence per database from now on
    assert legacy.receipt_no == "T01-000043"  # the pre-upgrade reservation stays taken, unused


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


def test_migration_9_turns_basis_points_into_exact_percent_text(tmp_path):
    """Before version 9 a rate was whole basis points; after it, the exact percent as canonical text, both in
    the sales' tax lines (which stay immutable) and in the catalog's tax codes."""
    path = tmp_path / "pos.sqlite3"
    conn = connect_rw(path)
    set_wal(conn)
    schema.migrate(conn, target=8)
    bps = {"A": 2000, "B": 1350, "C": 888, "D": 5, "E": 50, "F": 0, "G": 105, "H": 99999}
    conn.execute("BEGIN IMMEDIATE")
    for sql in SEED[1][:1]:
        conn.execute(sql)
    for code, bp in bps.items():
        conn.execute("INSERT INTO sale_tax_lines VALUES (1, ?, ?, 100, 1)", (code, bp))
        conn.execute("INSERT INTO tax_codes VALUES (?, ?, 'label')", (code, bp))
    conn.execute("COMMIT")
    schema.migrate(conn)
    expected = {
        "A": "20",
        "B": "13.5",
        "C": "8.88",
        "D": "0.05",
        "E": "0.5",
        "F": "0",
        "G": "1.05",
        "H": "999.99",
    }
    assert dict(conn.execute("SELECT tax_code, rate FROM sale_tax_lines ORDER BY tax_code")) == expected
    assert dict(conn.execute("SELECT code, rate FROM tax_codes ORDER BY code")) == expected
    assert conn.execute("SELECT DISTINCT label FROM tax_codes").fetchall() == [("label",)]
    with pytest.raises(sqlite3.IntegrityError, match="finalised sales"):
        conn.execute("UPDATE sale_tax_lines SET rate = '19'")
    conn.close()
