"""Field failure C1/C2: a poison event at the HEAD of the queue (the oldest, sent first) goes to the dead
letters with its reason, the status shows it, and every later event is applied by the backend."""

from __future__ import annotations

import pytest

from tests.backend.events import sale_payload
from tests.sync.conftest import outbox_stats, wait_until


def _poison_rejected_by_backend(conn, outbox):
    # contract-valid, so it leaves the till; the backend refuses it (redeems points the member lacks)
    return outbox.enqueue(conn, "sale.completed", sale_payload(member_no=1003, redeemed=10**6))


def _poison_not_sendable(conn, outbox):
    # not expressible in the contract: refused before it leaves the till
    return outbox.enqueue(conn, "sale.completed", {"sale_uuid": "broken"})


def _poison_unreadable(conn, outbox):
    # a row damaged on disk (or by an old bug): its JSON cannot be read back
    eid = outbox.enqueue(conn, "cash.movement", {"movement_id": "m1"})
    conn.execute("UPDATE outbox SET payload = '{not json' WHERE event_id = ?", (eid,))
    return eid


@pytest.mark.parametrize(
    ("make_poison", "reason_start"),
    [
        (_poison_rejected_by_backend, "insufficient_points"),
        (_poison_not_sendable, "not sendable: sale.completed"),
        (_poison_unreadable, "not sendable: unreadable"),
    ],
    ids=["rejected-by-backend", "not-sendable", "unreadable-row"],
)
def test_poison_event_at_the_head_is_dead_lettered_and_the_rest_are_applied(
    backend, store, make_engine, make_poison, reason_start
):
    from sync.store import outbox

    later = [sale_payload(member_no=1001, earned=15, receipt_no=f"T1-{i:06d}") for i in range(5)]

    def queue(conn):
        poison = make_poison(conn, outbox)  # first in, so seq first: the head of the queue
        ids = [outbox.enqueue(conn, "sale.completed", p) for p in later]
        return poison, ids

    poison, later_ids = store.write_sync(queue)
    conn = store.read_connection()
    try:
        head = outbox.pending(conn, 1)[0]
    finally:
        conn.close()
    assert head.event_id == poison  # the poison really is the oldest event

    seen = []
    # batches of 2: the poison shares the first batch with one sale, the others follow in later batches
    eng = make_engine(backend.url, batch_size=2, listener=seen.append)
    eng.start()
    wait_until(lambda: outbox_stats(store).depth == 0, timeout=10)

    conn = store.read_connection()
    try:
        dead = outbox.dead_letters(conn)
    finally:
        conn.close()
    assert [d.event_id for d in dead] == [poison]
    assert dead[0].reason.startswith(reason_start), dead[0].reason
    assert dead[0].seq == head.seq  # kept at its place, so a retry after a fix sends it first again

    bconn = backend.connect()
    try:
        applied = sorted(r[0] for r in bconn.execute("SELECT sale_uuid FROM sales"))
        ledger = bconn.execute(
            "SELECT COUNT(*), COALESCE(SUM(delta), 0) FROM points_ledger WHERE event_id NOT LIKE 'seed-%'"
        ).fetchone()
    finally:
        bconn.close()
    assert applied == sorted(p["sale_uuid"] for p in later)  # every later sale, and nothing of the poison
    assert ledger == (5, 75)  # a gold member earns 15 points on each 10.00 EUR sale
    assert len(later_ids) == 5

    # visible: the status bar shows the dead letter, and the sync is not stuck in an error state
    # (the engine's snapshot follows the queue: wait for the one taken after the last batch)
    snap = wait_until(lambda: (s := eng.snapshot()).dead_letters == 1 and s.queue_depth == 0 and s)
    assert snap.state == "online"
    assert any(s.dead_letters == 1 for s in seen)  # listeners (the status bar) were told
