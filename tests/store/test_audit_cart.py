from __future__ import annotations

import sqlite3

import pytest

from sync.store import audit, cart


def _append(store, n):
    for i in range(n):
        store.write_sync(lambda c, i=i: audit.append(c, "price.override", f"S{i}", {"sku": "A", "to": i}))


def _verify(store):
    ro = store.read_connection()
    try:
        return audit.verify(ro)
    finally:
        ro.close()


def _tamper(path, *sql):
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("DROP TRIGGER audit_log_no_update")
        conn.execute("DROP TRIGGER audit_log_no_delete")
        for s in sql:
            conn.execute(s)
    finally:
        conn.close()


def test_intact_chain_verifies(store):
    assert _verify(store).ok and _verify(store).checked == 0
    _append(store, 5)
    r = _verify(store)
    assert r.ok and r.checked == 5
    assert "OK" in r.message()


def test_append_only_enforced(store):
    _append(store, 2)
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        store.write_sync(lambda c: c.execute("UPDATE audit_log SET actor = 'x'"))
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        store.write_sync(lambda c: c.execute("DELETE FROM audit_log WHERE seq = 1"))


def test_edited_row_detected(store):
    _append(store, 5)
    _tamper(store.path, 'UPDATE audit_log SET details = \'{"sku":"A","to":999}\' WHERE seq = 3')
    r = _verify(store)
    assert not r.ok and r.first_broken_seq == 3 and "edited" in r.reason


def test_edit_with_recomputed_hash_detected_at_next_link(store):
    _append(store, 5)
    row = store.write_sync(lambda c: c.execute("SELECT * FROM audit_log WHERE seq = 2").fetchone())
    seq, at, actor, action, details, prev, _ = row
    forged = audit._digest(prev, seq, at, "EVIL", action, details)
    _tamper(store.path, f"UPDATE audit_log SET actor = 'EVIL', hash = '{forged}' WHERE seq = 2")
    r = _verify(store)
    assert not r.ok and r.first_broken_seq == 3


def test_deleted_row_detected(store):
    _append(store, 5)
    _tamper(store.path, "DELETE FROM audit_log WHERE seq = 2")
    r = _verify(store)
    assert not r.ok and r.first_broken_seq == 2 and "missing" in r.reason


def test_deleted_tail_detected_and_gap_kept(store):
    _append(store, 5)
    _tamper(store.path, "DELETE FROM audit_log WHERE seq >= 4")
    r = _verify(store)
    assert not r.ok and r.first_broken_seq == 4
    _append(store, 1)  # appending later does not paper over the gap
    assert not _verify(store).ok


def test_open_cart_survives_reopen(db_path):
    from sync.store import Store

    s = Store.open(db_path, till_id="T01")
    s.write_sync(lambda c: cart.save_open(c, "T01", {"lines": [1, 2]}))
    s.close()
    s = Store.open(db_path, till_id="T01")
    try:
        ro = s.read_connection()
        assert cart.load_open(ro, "T01") == {"lines": [1, 2]}
        ro.close()
    finally:
        s.close()


def test_suspend_and_resume(store):
    store.write_sync(lambda c: cart.save_open(c, "T01", {"lines": ["a"]}))
    sid = store.write_sync(lambda c: cart.suspend(c, "T01", label="Mrs Smith", suspended_by="S1"))
    assert store.write_sync(lambda c: cart.load_open(c, "T01")) is None
    (sc,) = store.write_sync(lambda c: cart.list_suspended(c, "T01"))
    assert sc.label == "Mrs Smith" and sc.cart == {"lines": ["a"]}
    store.write_sync(lambda c: cart.save_open(c, "T01", {"lines": ["b"]}))
    with pytest.raises(ValueError, match="park"):
        store.write_sync(lambda c: cart.resume(c, sid, "T01"))
    store.write_sync(lambda c: cart.clear_open(c, "T01"))
    assert store.write_sync(lambda c: cart.resume(c, sid, "T01")) == {"lines": ["a"]}
    with pytest.raises(LookupError):
        store.write_sync(lambda c: cart.resume(c, sid, "T02"))
    assert store.write_sync(lambda c: cart.suspend(c, "T02")) is None


def test_settings_round_trip(store):
    store.write_sync(lambda c: cart.set_setting(c, "tax.rounding", {"mode": "per_line"}))
    store.write_sync(lambda c: cart.set_setting(c, "tax.rounding", {"mode": "per_rate"}))
    assert store.write_sync(lambda c: cart.get_setting(c, "tax.rounding")) == {"mode": "per_rate"}
    assert store.write_sync(lambda c: cart.get_setting(c, "missing", 3)) == 3
