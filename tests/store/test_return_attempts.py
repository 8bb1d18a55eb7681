"""sync/store/returns.py: returns written ahead of their refunds, exchanges committed with their sale in
one transaction, and store credit redemptions."""

from __future__ import annotations

import dataclasses
import uuid

import pytest

from pos.documents import Tender
from sync.store import journal, returns
from sync.store.records import TillRecords
from sync.store.returns import EXCHANGE, Redemption, RefundStep, ReturnAttempt
from tests.store.helpers import make_return, make_sale


def attempt_for(sale, *, kind="return", steps=None, sale_uuid=None) -> ReturnAttempt:
    doc = dataclasses.replace(
        make_return(sale), refunds=(), verified=True, points_taken_back=3, store_id="S1"
    )
    steps = steps or (
        RefundStep(1, "card", doc.total - 100, target="pi_123", key=f"{doc.return_uuid}:refund:1"),
        RefundStep(2, "cash", 100, key=f"{doc.return_uuid}:refund:2"),
    )
    return ReturnAttempt(doc.return_uuid, kind, "claimed", doc, tuple(steps), "S1", sale_uuid)


def test_a_return_is_committed_only_once_every_refund_is_settled(store):
    records = TillRecords(store)
    sale = records.commit_sale(make_sale())
    attempt = records.begin_return(attempt_for(sale))
    assert records.begin_return(attempt).return_uuid == attempt.return_uuid  # idempotent
    assert [a.return_uuid for a in records.open_return_attempts()] == [attempt.return_uuid]
    with pytest.raises(ValueError, match="not every refund"):
        store.write_sync(lambda c: returns.commit(c, attempt.return_uuid))
    assert records.get_return(attempt.return_uuid) is None
    records.refund_step(attempt.return_uuid, 1, state="done", refund_id="re_1")
    after = records.refund_step(attempt.return_uuid, 2, state="done")
    assert after.state == "refunding" and after.settled and after.money_moved
    doc = records.commit_return(attempt.return_uuid, ("return.refund", "S1", {"x": 1}))
    assert [(r.kind, r.reference) for r in doc.refunds] == [("card", "re_1"), ("cash", None)]
    assert doc.receipt_no and doc.points_taken_back == 3 and doc.store_id == "S1"
    assert records.get_return(doc.return_uuid) == doc
    assert records.open_return_attempts() == []
    # committing again answers the recorded return
    assert store.write_sync(lambda c: returns.commit(c, attempt.return_uuid)) == doc
    assert records.returns_of(sale_uuid=sale.sale_uuid) == [doc]
    with pytest.raises(LookupError):
        store.write_sync(lambda c: returns.commit(c, str(uuid.uuid4())))
    with pytest.raises(LookupError):
        store.write_sync(lambda c: returns.update_step(c, str(uuid.uuid4()), 1, state="done"))


def test_an_abandoned_return_is_no_longer_open_and_a_done_one_cannot_be_abandoned(store):
    records = TillRecords(store)
    sale = records.commit_sale(make_sale())
    a = records.begin_return(attempt_for(sale))
    records.abandon_return(a.return_uuid)
    assert records.open_return_attempts() == [] and records.return_attempt(a.return_uuid).state == "abandoned"
    records.abandon_return(str(uuid.uuid4()))  # unknown: nothing happens


def test_an_exchange_s_return_is_committed_by_its_sale_in_the_same_transaction(store):
    records = TillRecords(store)
    original = records.commit_sale(make_sale())
    new_sale = make_sale()
    credit = make_return(original).total
    step = RefundStep(1, "exchange", credit, target=new_sale.sale_uuid, state="done")
    attempt = records.begin_return(
        attempt_for(original, kind="exchange", steps=(step,), sale_uuid=new_sale.sale_uuid)
    )
    tenders = (
        Tender("store_credit", credit, reference=f"{EXCHANGE}{attempt.return_uuid}"),
        Tender("cash", new_sale.total - credit),
    )
    recorded = records.commit_sale(dataclasses.replace(new_sale, tenders=tenders))
    ret = records.get_return(attempt.return_uuid)
    assert ret is not None and [(r.kind, r.reference) for r in ret.refunds] == [
        ("store_credit", f"{EXCHANGE}{recorded.sale_uuid}")
    ]


def test_a_sale_whose_exchange_is_not_settled_is_not_committed_either(store):
    records = TillRecords(store)
    original = records.commit_sale(make_sale())
    new_sale = make_sale()
    pending = RefundStep(1, "card", 50, target="pi_123", key="k")
    attempt = records.begin_return(
        attempt_for(original, kind="exchange", steps=(pending,), sale_uuid=new_sale.sale_uuid)
    )
    tenders = (
        Tender("store_credit", 50, reference=f"{EXCHANGE}{attempt.return_uuid}"),
        Tender("cash", new_sale.total - 50),
    )
    with pytest.raises(ValueError):
        records.commit_sale(dataclasses.replace(new_sale, tenders=tenders))
    assert records.get_sale(new_sale.sale_uuid) is None and records.get_return(attempt.return_uuid) is None
    # an exchange credit of another sale, or of no exchange at all, is refused the same way
    other = (
        Tender("store_credit", 50, reference=f"{EXCHANGE}{uuid.uuid4()}"),
        Tender("cash", new_sale.total - 50),
    )
    with pytest.raises(ValueError, match="does not belong"):
        records.commit_sale(dataclasses.replace(new_sale, tenders=other))


def test_redemptions_are_recorded_before_the_backend_is_asked(store):
    records = TillRecords(store)
    records.ask_redemption(Redemption("r1", "sale-1", "SC-AAAA-AAAA-AAAA-AAAA", 500, "asked"))
    records.ask_redemption(Redemption("r2", "sale-2", "SC-AAAA-AAAA-AAAA-AAAA", 100, "asked"))
    records.set_redemption("r1", "redeemed")
    records.set_redemption("r2", "released")
    assert [(r.redemption_id, r.state) for r in records.redemptions()] == [("r1", "redeemed")]
    assert [r.amount for r in records.redemptions("sale-2")] == [100]
    assert not records.sale_recorded("sale-1")


def test_a_return_s_new_fields_round_trip_through_the_journal(store):
    sale = TillRecords(store).commit_sale(make_sale())
    ret = dataclasses.replace(
        make_return(sale), verified=False, store_id="S9", points_taken_back=4, points_given_back=2
    )
    ret = dataclasses.replace(ret, lines=(dataclasses.replace(ret.lines[0], reason="Faulty", restock=False),))
    recorded = store.write_sync(lambda c: journal.commit_return(c, ret))
    again = store.write_sync(lambda c: journal.get_return(c, recorded.return_uuid))
    assert again == recorded and again.lines[0].reason == "Faulty" and not again.verified
    assert TillRecords(store).sale_by_receipt(sale.receipt_no) == sale
    assert TillRecords(store).sale_by_receipt("nope") is None
