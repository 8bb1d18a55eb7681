"""The audit chain anchored at the backend, when the backend's copy falls behind (restored from a backup):
the till sends the chain again from its start, and the refusal stops nothing else of the sync.

Found by the crash campaign after Trust landed: a backend restored from an older backup answered every
anchoring with 409 audit_gap, the refusal escaped the sync loop as an error, and with it the till backed
off and never reached the reconciliation that sends again the sales the restore lost."""

from __future__ import annotations

from sync.store import audit
from tests.store.helpers import make_sale
from tests.sync.conftest import backend_counts, wait_until


def _audited(store, n: int) -> None:
    store.write_sync(lambda c: [audit.append(c, "test.entry", "S1", {"i": i}) for i in range(n)])


def _backend_audit_head(backend) -> int:
    conn = backend.connect()
    try:
        row = conn.execute("SELECT MAX(seq) FROM audit_entries WHERE till_id = ?", ("till-1",)).fetchone()
        return int(row[0] or 0)
    finally:
        conn.close()


def _till_head(store) -> int:
    conn = store.read_connection()
    try:
        return int(conn.execute("SELECT MAX(seq) FROM audit_log").fetchone()[0] or 0)
    finally:
        conn.close()


def test_a_backend_whose_audit_copy_fell_behind_gets_the_chain_again_and_sales_go_on(
    backend, store, make_engine
):
    from sync.store import journal

    eng = make_engine(backend.url)
    eng.start()
    _audited(store, 5)
    wait_until(lambda: _backend_audit_head(backend) == _till_head(store), timeout=20)
    # the backend is restored from a backup taken before any of this till's audit entries arrived
    conn = backend.connect()
    try:
        conn.execute("DELETE FROM audit_entries WHERE till_id = ?", ("till-1",))  # autocommit
    finally:
        conn.close()
    _audited(store, 3)
    store.write_sync(lambda c: journal.commit_sale(c, make_sale("till-1", price=700)))
    eng.wake()
    wait_until(lambda: _backend_audit_head(backend) == _till_head(store) >= 8, timeout=20)
    wait_until(lambda: backend_counts(backend)[0] >= 1, timeout=20)
    assert eng.snapshot().state == "online"
