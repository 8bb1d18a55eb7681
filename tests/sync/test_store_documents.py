"""The store's own journal documents (sale, return, till session, cash movement, closure) reach the backend.

The journal enqueues its documents as they are; sync/payloads.py maps them to the contract on the way out.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from tests.sync.conftest import outbox_stats, wait_until


def _now():
    return datetime.now(UTC).isoformat()


def test_journal_documents_drain_to_the_backend(backend, store, make_engine):
    from pos.documents import (
        Refund,
        ReturnDocument,
        ReturnLine,
        SaleDocument,
        SaleLine,
        TaxLine,
        Tender,
        TillClosure,
    )
    from sync.store import journal, outbox

    session = str(uuid.uuid4())
    sale_uuid = str(uuid.uuid4())
    sale = SaleDocument(
        sale_uuid=sale_uuid,
        receipt_no="",
        till_id="till-1",
        staff_id="S1",
        member_no=1001,
        currency="EUR",
        created_at=_now(),
        subtotal=2500,
        discount_total=100,
        tax_total=383,
        total=2400,
        lines=(
            SaleLine(1, "SKU-A", "Oat milk 1 L", 2, 500, 0, "STD", 160, 1000),
            SaleLine(2, "SKU-B", "Bread", 1, 1500, 100, "STD", 223, 1400),
        ),
        tax_lines=(TaxLine("STD", "19", 2017, 383),),
        tenders=(Tender("card", 2400, 0, "pi_123"),),
        session_id=session,
    )
    ret = ReturnDocument(
        return_uuid=str(uuid.uuid4()),
        receipt_no="",
        till_id="till-1",
        staff_id="S1",
        member_no=1001,
        currency="EUR",
        created_at=_now(),
        tax_total=80,
        total=500,
        lines=(ReturnLine(1, "SKU-A", "Oat milk 1 L", 1, 500, "STD", 80, sale_uuid, 1),),
        refunds=(Refund("card", 500, "pi_123"),),
        original_sale_uuid=sale_uuid,
        reason="changed mind",
    )

    def work(conn):
        journal.open_session(
            conn,
            session_id=session,
            till_id="till-1",
            opened_by="S1",
            currency="EUR",
            opening_float=10000,
            opened_at=_now(),
        )
        journal.commit_sale(conn, sale)
        journal.record_cash_movement(
            conn,
            movement_id=str(uuid.uuid4()),
            session_id=session,
            kind="paid_out",
            amount=300,
            staff_id="S1",
            created_at=_now(),
            reason="window cleaner",
        )

    store.write_sync(work)
    store.write_sync(lambda c: journal.commit_return(c, ret))
    store.write_sync(
        lambda c: journal.commit_closure(
            c,
            TillClosure(
                session_id=session,
                till_id="till-1",
                closed_by="S1",
                closed_at=_now(),
                currency="EUR",
                expected_cash=9700,
                counted_cash=9700,
                difference=0,
            ),
        )
    )
    eng = make_engine(backend.url)
    eng.start()
    wait_until(lambda: outbox_stats(store).depth == 0)
    conn = store.read_connection()
    try:
        assert outbox.dead_letters(conn) == []
    finally:
        conn.close()
    bconn = backend.connect()
    try:
        types = sorted(r[0] for r in bconn.execute("SELECT type FROM events WHERE till_id = 'till-1'"))
        assert types == ["cash.movement", "return.completed", "sale.completed", "till.closed", "till.opened"]
        lines = bconn.execute(
            "SELECT line_no, qty, paid_amount, returned_qty, refunded_amount FROM sale_lines"
            " WHERE sale_uuid = ? ORDER BY line_no",
            (sale_uuid,),
        ).fetchall()
        assert lines == [(1, 2, 1000, 1, 500), (2, 1, 1400, 0, 0)]
    finally:
        bconn.close()
    assert outbox_stats(store).dead == 0
