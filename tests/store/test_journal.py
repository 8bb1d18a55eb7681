from __future__ import annotations

import dataclasses
import sqlite3

import pytest

from pos.documents import DocumentError, Refund, TillClosure
from pos.ports import Journal
from sync.store import journal, outbox, receipts
from sync.store.adapters import StoreJournal
from tests.store.helpers import make_return, make_sale


def _ro(store):
    return store.read_connection()


def _open_session(store, session_id: str) -> None:
    store.write_sync(
        lambda c: journal.open_session(
            c,
            session_id=session_id,
            till_id="T01",
            opened_by="S1",
            currency="EUR",
            opening_float=10000,
            opened_at="2026-11-23T08:00:00+00:00",
        )
    )


def test_commit_sale_round_trip_with_outbox_event(store):
    sale = make_sale()
    recorded = store.write_sync(lambda c: journal.commit_sale(c, sale))
    assert recorded.receipt_no == "T01-000001"
    assert recorded == dataclasses.replace(sale, receipt_no="T01-000001")
    ro = _ro(store)
    try:
        assert journal.get_sale(ro, sale.sale_uuid) == recorded
        (ev,) = outbox.pending(ro)
        assert ev.event_id == sale.sale_uuid and ev.event_type == journal.SALE_EVENT
        assert ev.payload["total"] == sale.total and len(ev.payload["lines"]) == 5
    finally:
        ro.close()


def test_commit_sale_is_idempotent(store):
    sale = make_sale()
    first = store.write_sync(lambda c: journal.commit_sale(c, sale))
    again = store.write_sync(lambda c: journal.commit_sale(c, sale))
    assert again == first
    ro = _ro(store)
    try:
        assert ro.execute("SELECT count(*) FROM sales").fetchone()[0] == 1
        assert outbox.stats(ro).depth == 1
        assert receipts.last_seq(ro) == 1
    finally:
        ro.close()


def test_inconsistent_sale_is_refused_before_writing(store):
    bad = dataclasses.replace(make_sale(), total=1)
    with pytest.raises(DocumentError):
        store.write_sync(lambda c: journal.commit_sale(c, bad))
    ro = _ro(store)
    try:
        assert ro.execute("SELECT count(*) FROM sales").fetchone()[0] == 0
        assert receipts.last_seq(ro) == 0
    finally:
        ro.close()


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE sales SET total = 0",
        "DELETE FROM sales",
        "UPDATE sale_lines SET quantity = 9",
        "DELETE FROM sale_lines",
        "UPDATE sale_tenders SET amount = 0",
        "DELETE FROM sale_tax_lines",
        "UPDATE returns SET total = 0",
        "DELETE FROM return_lines",
        "UPDATE till_closures SET counted_cash = 0",
        "DELETE FROM till_closures",
    ],
)
def test_finalised_documents_are_immutable(store, sql):
    j = StoreJournal(store)
    sale = j.commit_sale(make_sale())
    j.commit_return(make_return(sale, return_uuid="r1"))
    _open_session(store, "sess1")
    j.commit_closure(TillClosure("sess1", "T01", "M1", "2026-11-23T20:00:00+00:00", "EUR", 10100, 10100, 0))
    with pytest.raises(sqlite3.IntegrityError, match="final"):
        store.write_sync(lambda c: c.execute(sql))


def test_returns_and_closures_round_trip(store):
    j = StoreJournal(store)
    sale = j.commit_sale(make_sale())
    ret = j.commit_return(
        dataclasses.replace(
            make_return(sale, return_uuid="r1"),
            member_no=7,
            refunds=(Refund("card", 250, "pi_123"),),
            reason="damaged",
        )
    )
    assert ret.receipt_no == "T01-000002"  # one sequence for every document of the till
    ro = _ro(store)
    try:
        assert journal.get_return(ro, "r1") == ret
        assert journal.returned_quantity(ro, sale.sale_uuid, 1) == 1
        assert [e.event_type for e in outbox.pending(ro)] == ["sale.completed", "return.completed"]
    finally:
        ro.close()


def test_receipt_numbers_are_monotonic_and_unique(store):
    j = StoreJournal(store)
    nos = [j.commit_sale(make_sale()).receipt_no for _ in range(5)]
    reserved = j.reserve_receipt_no()
    nos.append(j.commit_sale(make_sale()).receipt_no)
    assert nos == [f"T01-{i:06d}" for i in (1, 2, 3, 4, 5, 7)]
    assert reserved == "T01-000006"
    assert j.commit_sale(make_sale(receipt_no=reserved)).receipt_no == reserved
    with pytest.raises(ValueError, match="already used"):
        j.commit_sale(make_sale(receipt_no=reserved))
    with pytest.raises(ValueError, match="not reserved"):
        j.commit_sale(make_sale(receipt_no="T01-999999"))


def test_store_journal_satisfies_the_port(store):
    j = StoreJournal(store)
    assert isinstance(j, Journal)
    assert j.load_open_cart() is None
    j.save_open_cart({"lines": [{"sku": "A", "qty": 2}]})
    j.save_open_cart({"lines": [{"sku": "A", "qty": 3}]})
    assert j.load_open_cart() == {"lines": [{"sku": "A", "qty": 3}]}
    j.clear_open_cart()
    assert j.load_open_cart() is None
    eid = j.enqueue_event("member.checkin", {"member_no": 5})
    ro = _ro(store)
    try:
        assert [e.event_id for e in outbox.pending(ro)] == [eid]
    finally:
        ro.close()


def test_outbox_requires_a_transaction(tmp_path):
    conn = sqlite3.connect(":memory:", isolation_level=None)
    with pytest.raises(RuntimeError):
        outbox.enqueue(conn, "x", {})


def test_default_clock_and_ids():
    from pos.ports import Clock, Ids, SystemClock, UuidIds

    c, i = SystemClock(), UuidIds()
    assert isinstance(c, Clock) and isinstance(i, Ids)
    assert c.now().tzinfo is not None and c.monotonic() <= c.monotonic()
    assert len({i.new_uuid() for _ in range(10)}) == 10


def test_sale_events_carry_the_recorded_document(store):
    from pos.documents import TaxLine

    docs = []
    for i in range(3):
        s = make_sale(n_lines=2 + i)
        half = s.tax_total // 2
        s = dataclasses.replace(
            s,
            tax_lines=(  # deliberately not in tax_code order
                TaxLine("STANDARD", "10", 100, s.tax_total - half),
                TaxLine("REDUCED", "5", 50, half),
            ),
        )
        docs.append(store.write_sync(lambda c, s=s: journal.commit_sale(c, s)))
    assert [t.tax_code for t in docs[0].tax_lines] == ["REDUCED", "STANDARD"]
    store.write_sync(lambda c: outbox.enqueue(c, "member.checkin", {"member_no": 1}))
    ro = _ro(store)
    try:
        evs = outbox.pending(ro)
        assert [e.payload for e in evs[:3]] == [d.to_dict() for d in docs]
        assert evs[3].payload == {"member_no": 1}
        assert [journal.get_sale(ro, d.sale_uuid) for d in docs] == docs
    finally:
        ro.close()
    store.write_sync(lambda c: outbox.dead_letter(c, docs[1].sale_uuid, "rejected"))
    (dl,) = store.write_sync(outbox.dead_letters)
    assert dl.payload == docs[1].to_dict()
    store.write_sync(outbox.retry_dead)
    assert [e.payload for e in store.write_sync(outbox.pending)][:3] == [d.to_dict() for d in docs]


def test_session_summary_reads_only_the_session(store):
    j = StoreJournal(store)
    j.commit_sale(make_sale())  # before any session
    _open_session(store, "s1")
    sales = [j.commit_sale(dataclasses.replace(make_sale(n_lines=n), session_id="s1")) for n in (1, 2, 3)]
    store.write_sync(
        lambda c: journal.record_cash_movement(
            c,
            movement_id="m1",
            session_id="s1",
            kind="paid_out",
            amount=500,
            staff_id="S1",
            created_at="2026-11-23T09:00:00+00:00",
            reason="window cleaner",
        )
    )
    ro = _ro(store)
    try:
        sm = journal.session_summary(ro, "s1")
        plan = ro.execute(
            "EXPLAIN QUERY PLAN SELECT count(*) FROM sales WHERE sale_id >= 2 AND session_id = 's1'"
        ).fetchall()
    finally:
        ro.close()
    assert sm.sales_count == 3 and sm.sales_total == sum(s.total for s in sales)
    assert sm.tenders == {"card": sum(s.total for s in sales) - 300, "cash": 300}
    assert sm.cash_movements == {"paid_out": 500}
    assert sm.rounding == -6  # three sales, each with cash rounding -2
    assert any("PRIMARY KEY (rowid>?)" in str(r) for r in plan)  # a key range, not a full scan


def test_with_receipt_no_copies_every_field():
    import dataclasses

    from tests.store.helpers import make_sale

    sale = dataclasses.replace(make_sale(), member_no=1001, session_id="S-1")
    numbered = sale.with_receipt_no("T01-000042")
    assert numbered == dataclasses.replace(sale, receipt_no="T01-000042")
    # every field but the number is carried over (a field added to SaleDocument must be added there too)
    for f in dataclasses.fields(sale):
        if f.name != "receipt_no":
            assert getattr(numbered, f.name) is getattr(sale, f.name), f.name


def test_a_sale_id_is_its_receipt_number(store):
    j = StoreJournal(store)
    sale = j.commit_sale(make_sale())
    ret = j.commit_return(make_return(sale, return_uuid="r1"))
    after = j.commit_sale(make_sale())
    ro = _ro(store)
    try:
        rows = ro.execute("SELECT sale_id, receipt_no FROM sales ORDER BY sale_id").fetchall()
        assert ro.execute("SELECT seq FROM returns").fetchall() == [(2,)]
    finally:
        ro.close()
    assert rows == [(1, sale.receipt_no), (3, after.receipt_no)] and ret.receipt_no == "T01-000002"
    # a number already taken is refused by the database itself
    with pytest.raises(sqlite3.IntegrityError, match="UNIQUE"):
        store.write_sync(
            lambda c: c.execute(
                "INSERT INTO sales (sale_id, sale_uuid, receipt_no, till_id, staff_id, currency, created_at, "
                "subtotal, discount_total, tax_total, total) "
                "VALUES (3, 'x', 'T01-000003', 'T01', 'S1', 'EUR', 't', 0, 0, 0, 0)"
            )
        )


def test_a_renamed_till_carries_on_counting(store):
    j = StoreJournal(store)
    assert j.commit_sale(make_sale("T01")).receipt_no == "T01-000001"
    assert j.commit_sale(make_sale("T07")).receipt_no == "T07-000002"
    assert j.commit_return(make_return(make_sale("T07"), return_uuid="r1")).receipt_no == "T07-000003"


def test_a_reserved_number_is_used_once_by_a_sale_or_a_return(store):
    j = StoreJournal(store)
    first = j.reserve_receipt_no()
    second = j.reserve_receipt_no()
    later = j.commit_sale(make_sale())
    assert (first, second, later.receipt_no) == ("T01-000001", "T01-000002", "T01-000003")
    sale = j.commit_sale(make_sale(receipt_no=first))
    assert sale.receipt_no == first
    with pytest.raises(ValueError, match="already used"):
        j.commit_return(make_return(sale, return_uuid="r1", receipt_no=first))
    assert j.commit_return(make_return(sale, return_uuid="r2", receipt_no=second)).receipt_no == second
    with pytest.raises(ValueError, match="already used"):
        j.commit_sale(make_sale(receipt_no=second))
    with pytest.raises(sqlite3.IntegrityError, match="stays taken"):
        store.write_sync(lambda c: c.execute("DELETE FROM receipt_reservations"))
    assert j.commit_sale(make_sale()).receipt_no == "T01-000004"


def test_a_session_counts_a_sale_that_claims_a_number_reserved_before_it_opened(store):
    j = StoreJournal(store)
    j.commit_sale(make_sale())  # before any session: not counted
    reserved = j.reserve_receipt_no()  # T01-000002, e.g. shown on a card payment in progress
    j.commit_sale(make_sale())  # T01-000003, before the session: not counted
    _open_session(store, "s1")
    late = j.commit_sale(dataclasses.replace(make_sale(receipt_no=reserved), session_id="s1"))
    new = j.commit_sale(dataclasses.replace(make_sale(), session_id="s1"))
    ro = _ro(store)
    try:
        sm = journal.session_summary(ro, "s1")
    finally:
        ro.close()
    assert (late.receipt_no, new.receipt_no) == ("T01-000002", "T01-000004")
    assert sm.sales_count == 2 and sm.sales_total == late.total + new.total


def test_last_sale_is_the_tills_highest_number(store):
    j = StoreJournal(store)
    assert j.last_sale() is None
    a = j.commit_sale(make_sale("T01"))
    j.commit_sale(make_sale("T02"))  # another till id on this database (a renamed till)
    assert j.last_sale() == a
    b = j.commit_sale(make_sale("T01"))
    assert j.last_sale() == b and StoreJournal(store, "T02").last_sale().receipt_no == "T02-000002"
