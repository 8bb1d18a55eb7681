from __future__ import annotations

import sqlite3

import pytest

from sync.store import outbox


def _w(store, fn):
    return store.write_sync(fn)


def _r(store, fn):
    ro = store.read_connection()
    try:
        return fn(ro)
    finally:
        ro.close()


def test_pending_in_seq_order_with_limit(store):
    ids = [_w(store, lambda c, i=i: outbox.enqueue(c, "t", {"i": i})) for i in range(5)]
    evs = _r(store, lambda c: outbox.pending(c, 3))
    assert [e.event_id for e in evs] == ids[:3]
    assert [e.payload["i"] for e in evs] == [0, 1, 2]
    assert all(e.attempts == 0 for e in evs)
    assert evs[0].seq < evs[1].seq < evs[2].seq


def test_enqueue_with_known_id_is_idempotent(store):
    _w(store, lambda c: outbox.enqueue(c, "t", {"a": 1}, event_id="e1"))
    _w(store, lambda c: outbox.enqueue(c, "t", {"a": 2}, event_id="e1"))
    (ev,) = _r(store, outbox.pending)
    assert ev.payload == {"a": 1}


def test_ack_removes_from_queue_and_failure_counts(store):
    a = _w(store, lambda c: outbox.enqueue(c, "t", {}))
    b = _w(store, lambda c: outbox.enqueue(c, "t", {}))
    _w(store, lambda c: outbox.record_failure(c, [a, b], "HTTP 503"))
    _w(store, lambda c: outbox.record_failure(c, [b], "timeout"))
    assert [(e.event_id, e.attempts) for e in _r(store, outbox.pending)] == [(a, 1), (b, 2)]
    assert _w(store, lambda c: outbox.ack(c, [a])) == 1
    assert _w(store, lambda c: outbox.ack(c, [a])) == 0  # a repeated ack changes nothing
    st = _r(store, outbox.stats)
    assert st.depth == 1 and st.dead == 0
    assert [e.event_id for e in _r(store, outbox.pending)] == [b]


def test_dead_letter_and_retry_keep_the_event_and_its_place(store):
    ids = [_w(store, lambda c, i=i: outbox.enqueue(c, "t", {"i": i})) for i in range(3)]
    assert _w(store, lambda c: outbox.dead_letter(c, ids[0], "rejected: unknown sku"))
    assert [e.event_id for e in _r(store, outbox.pending)] == ids[1:]  # the rest keep flowing
    st = _r(store, outbox.stats)
    assert (st.depth, st.dead) == (2, 1)
    (dl,) = _r(store, outbox.dead_letters)
    assert dl.event_id == ids[0] and dl.reason == "rejected: unknown sku" and dl.payload == {"i": 0}
    # enqueueing the dead event again does not bring a duplicate back
    _w(store, lambda c: outbox.enqueue(c, "t", {"i": 0}, event_id=ids[0]))
    assert len(_r(store, outbox.pending)) == 2
    assert _w(store, lambda c: outbox.retry_dead(c)) == 1
    assert [e.event_id for e in _r(store, outbox.pending)] == ids  # back at its original place
    assert _r(store, outbox.stats).dead == 0


def test_retry_selected_dead_letters(store):
    ids = [_w(store, lambda c, i=i: outbox.enqueue(c, "t", {"i": i})) for i in range(3)]
    for i in ids:
        _w(store, lambda c, i=i: outbox.dead_letter(c, i, "x"))
    assert _w(store, lambda c: outbox.retry_dead(c, [ids[1]])) == 1
    assert [e.event_id for e in _r(store, outbox.pending)] == [ids[1]]
    assert _r(store, outbox.stats).dead == 2


def test_housekeeping_never_deletes_unacked(store):
    a = _w(store, lambda c: outbox.enqueue(c, "t", {}))
    b = _w(store, lambda c: outbox.enqueue(c, "t", {}))
    _w(store, lambda c: outbox.ack(c, [a]))
    assert _r(store, lambda c: c.execute("SELECT event_id FROM outbox").fetchall()) == [(b,)]  # ack deletes
    assert _w(store, lambda c: outbox.purge_acked(c, "9999")) == 0
    assert [e.event_id for e in _r(store, outbox.pending)] == [b]
    with pytest.raises(sqlite3.IntegrityError, match="not acknowledged"):
        _w(store, lambda c: c.execute("DELETE FROM outbox"))
    assert _r(store, outbox.stats).depth == 1


def test_seq_orders_the_queue_and_a_retried_dead_letter_keeps_its_place(store):
    a = _w(store, lambda c: outbox.enqueue(c, "t", {"i": 1}))
    b = _w(store, lambda c: outbox.enqueue(c, "t", {"i": 2}))
    _w(store, lambda c: outbox.dead_letter(c, b, "rejected"))
    c_ = _w(store, lambda c: outbox.enqueue(c, "t", {"i": 3}))  # never takes the dead letter's seq
    _w(store, lambda c: outbox.ack(c, [a]))
    d = _w(store, lambda c: outbox.enqueue(c, "t", {"i": 4}))
    _w(store, lambda c: outbox.retry_dead(c, [b]))
    assert [(e.event_id, e.seq) for e in _r(store, outbox.pending)] == [(b, 2), (c_, 3), (d, 4)]


def test_stats_oldest(store):
    assert _r(store, outbox.stats) == outbox.OutboxStats(0, None, 0)
    _w(store, lambda c: outbox.enqueue(c, "t", {}, created_at="2026-01-01T00:00:00+00:00"))
    _w(store, lambda c: outbox.enqueue(c, "t", {}, created_at="2026-01-02T00:00:00+00:00"))
    assert _r(store, outbox.stats).oldest_created_at == "2026-01-01T00:00:00+00:00"


def test_business_change_and_event_share_the_transaction(store):
    def fail(c):
        c.execute("INSERT INTO settings (key, value, updated_at) VALUES ('k', '1', 'now')")
        outbox.enqueue(c, "settings.changed", {"k": 1})
        raise RuntimeError("crash before commit")

    with pytest.raises(RuntimeError):
        _w(store, fail)
    assert _r(store, outbox.stats).depth == 0
    assert _r(store, lambda c: c.execute("SELECT count(*) FROM settings").fetchone()[0]) == 0


def test_an_unreadable_row_does_not_block_the_queue(store, caplog):
    a = _w(store, lambda c: outbox.enqueue(c, "t", {"i": 1}))
    _w(store, lambda c: c.execute("UPDATE outbox SET payload = '{not json' WHERE event_id = ?", (a,)))
    b = _w(store, lambda c: outbox.enqueue(c, "t", {"i": 2}))
    with caplog.at_level("ERROR", logger="sync.outbox"):
        evs = _r(store, outbox.pending)
    assert [e.event_id for e in evs] == [a, b]
    assert outbox.UNREADABLE in evs[0].payload and evs[1].payload == {"i": 2}
    assert "unreadable" in caplog.text
    assert _w(store, lambda c: outbox.dead_letter(c, a, "unreadable payload"))
    assert [e.event_id for e in _r(store, outbox.pending)] == [b]
