"""Field failure A (upgrade with unsynced rows, A9): a sale still queued when the till is upgraded is SENT
by the new version, exactly as it was rung up, and the first sale after the upgrade follows it.

The database is written at schema version 7 in that version's own SQL (the code of today does not run
against an old schema), then opened by the current Store, which migrates it to the latest version."""

from __future__ import annotations

import json
import uuid

import pytest

from sync.store import DB_NAME, open_store, schema
from sync.store.connection import connect_rw, set_wal
from tests.store.helpers import make_sale
from tests.sync.conftest import outbox_stats, wait_until

TILL = "till-1"  # the till the backend fixture registers
SYNCED_UUID = str(uuid.uuid4())  # sent and acknowledged before the upgrade: its outbox row is gone
QUEUED_UUID = str(uuid.uuid4())  # rung up before the upgrade, never sent

# version 7: sale_id is the rowid, receipt numbers come from counters('receipt:<till>')
SALE = (
    "INSERT INTO sales (sale_id, sale_uuid, receipt_no, till_id, staff_id, member_no, currency, "
    "created_at, subtotal, discount_total, tax_total, total) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)"
)
LINE = "INSERT INTO sale_lines VALUES (?,?,?,?,?,?,?,?,?,?,?)"
V7_ROWS = [
    (
        SALE,
        (
            1,
            SYNCED_UUID,
            "till-1-000006",
            TILL,
            "S1",
            None,
            "EUR",
            "2026-11-20T09:00:00+00:00",
            1000,
            0,
            160,
            1000,
        ),
    ),
    (LINE, (10001, 1, 1, "SKU0000009", "Old thing", 1, 1000, 0, "STD", 160, 1000)),
    ("INSERT INTO sale_tax_lines VALUES (1, 'STD', 1900, 840, 160)", ()),
    ("INSERT INTO sale_tenders VALUES (1, 1, 'cash', 1000, 0, NULL, 0)", ()),
    (
        SALE,
        (
            2,
            QUEUED_UUID,
            "till-1-000007",
            TILL,
            "S1",
            1001,
            "EUR",
            "2026-11-20T10:00:00+00:00",
            2600,
            100,
            399,
            2500,
        ),
    ),
    (LINE, (20001, 2, 1, "SKU0000001", "Linen Tee M1", 2, 700, 0, "STD", 223, 1400)),
    (LINE, (20002, 2, 2, "SKU0000002", "Slim Chino L2", 1, 1200, 100, "STD", 176, 1100)),
    ("INSERT INTO sale_tax_lines VALUES (2, 'STD', 1900, 2101, 399)", ()),
    ("INSERT INTO sale_tenders VALUES (2, 1, 'card', 2000, 0, 'pi_old', 0)", ()),
    ("INSERT INTO sale_tenders VALUES (2, 2, 'cash', 500, 0, NULL, 0)", ()),
    ("INSERT INTO counters VALUES ('receipt:till-1', 7)", ()),
    ("UPDATE counters SET value = 12 WHERE name = 'outbox'", ()),
    (  # version 7's sale event: a reference to the journal row, no JSON copy
        "INSERT INTO outbox (seq, event_id, event_type, payload, doc_ref, created_at) "
        "VALUES (12, ?, 'sale.completed', '', 'sale:2', '2026-11-20T10:00:00+00:00')",
        (QUEUED_UUID,),
    ),
]


@pytest.fixture
def store(tmp_path):
    """A version-7 database with one unsynced sale, opened (and so migrated) by the current Store."""
    path = tmp_path / "data" / DB_NAME
    path.parent.mkdir()
    conn = connect_rw(path)
    set_wal(conn)
    schema.migrate(conn, target=7)
    conn.execute("BEGIN IMMEDIATE")
    for sql, args in V7_ROWS:
        conn.execute(sql, args)
    conn.execute("COMMIT")
    assert schema.user_version(conn) == 7
    conn.close()
    st = open_store(tmp_path / "data", till_id=TILL)
    yield st
    st.close()


def _backend_sales(backend):
    conn = backend.connect()
    try:
        sales = conn.execute(
            "SELECT sale_uuid, receipt_no, till_id, member_no, total, item_count, tenders FROM sales"
            " ORDER BY receipt_no"
        ).fetchall()
        lines = {
            u: conn.execute(
                "SELECT line_no, sku, name, qty, unit_price, paid_amount FROM sale_lines WHERE sale_uuid = ?"
                " ORDER BY line_no",
                (u,),
            ).fetchall()
            for u, *_ in sales
        }
        return sales, lines
    finally:
        conn.close()


def test_a_sale_queued_before_the_upgrade_is_sent_after_it(backend, store, make_engine):
    from sync.store import journal, outbox

    ro = store.read_connection()
    try:
        assert schema.user_version(ro) == schema.LATEST >= 11
        assert [(e.seq, e.event_id) for e in outbox.pending(ro)] == [(12, QUEUED_UUID)]
    finally:
        ro.close()

    eng = make_engine(backend.url)
    eng.start()
    wait_until(lambda: outbox_stats(store).depth == 0, timeout=10)
    assert outbox_stats(store).dead == 0

    sales, lines = _backend_sales(backend)
    assert [s[:6] for s in sales] == [(QUEUED_UUID, "till-1-000007", TILL, 1001, 2500, 3)]  # only that one
    assert json.loads(sales[0][6]) == [
        {"method": "card", "amount": 2000, "reference": "pi_old"},
        {"method": "cash", "amount": 500, "reference": None},
    ]
    assert lines[QUEUED_UUID] == [
        (1, "SKU0000001", "Linen Tee M1", 2, 700, 1400),
        (2, "SKU0000002", "Slim Chino L2", 1, 1200, 1100),
    ]
    # its rate, kept in basis points before version 9, is sent as the exact percent
    conn = backend.connect()
    try:
        (payload,) = conn.execute("SELECT payload FROM events WHERE event_id = ?", (QUEUED_UUID,)).fetchone()
    finally:
        conn.close()
    assert json.loads(payload)["tax_lines"] == [
        {"tax_code": "STD", "rate": "19", "taxable_amount": 2101, "tax_amount": 399}
    ]

    # the first sale after the upgrade takes the next number and is sent too
    new = store.write_sync(lambda c: journal.commit_sale(c, make_sale(TILL, n_lines=2, price=300)))
    assert new.receipt_no == "till-1-000008"
    eng.wake()
    wait_until(lambda: outbox_stats(store).depth == 0 and len(_backend_sales(backend)[0]) == 2, timeout=10)
    assert outbox_stats(store).dead == 0
    sales, lines = _backend_sales(backend)
    assert [(s[0], s[1], s[4]) for s in sales] == [
        (QUEUED_UUID, "till-1-000007", 2500),
        (new.sale_uuid, "till-1-000008", new.total),
    ]
    assert lines[new.sale_uuid] == [
        (ln.line_no, ln.sku, ln.description, ln.quantity, ln.unit_price, ln.paid_amount) for ln in new.lines
    ]
