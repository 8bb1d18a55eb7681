"""Exchanges without a window (app/exchange.py): a return and a new sale in one transaction with one net
tender, money due either way; and store credit spent as a tender (app/credit.py)."""

from __future__ import annotations

import pytest

from app.exchange import ExchangeService
from app.results import Outcome
from tests.app.conftest import both_terminals, recorded

BEN = "2222"


@pytest.fixture
def exchange(shop, sell):
    shop.returns.begin_shift(shop.staff.identify(BEN))
    return ExchangeService(shop.returns, sell)


def code_priced(shop, *, above: int = 0, below: int = 10**9) -> str:
    conn = shop.store.read_connection()
    try:
        row = conn.execute(
            "SELECT b.barcode FROM barcodes b JOIN products p ON p.id = b.product_id WHERE p.active = 1 "
            "AND length(b.barcode) = 13 AND p.price > ? AND p.price < ? ORDER BY p.price LIMIT 1",
            (above, below),
        ).fetchone()
    finally:
        conn.close()
    return row[0]


def start(shop, exchange):
    returns = shop.returns
    assert (
        returns.find(shop.demo.backend.order_qr("600001")).ok and returns.pick(1, 1, reason="Wrong size").ok
    )
    r = exchange.begin()
    assert r.ok, r
    return r.value


@both_terminals
def test_an_exchange_where_the_customer_pays_the_difference_is_one_transaction(shop, sell, exchange):
    attempt = start(shop, exchange)
    credit = attempt.document.total
    assert sell.scan(code_priced(shop, above=credit + 100)).ok
    sale_uuid, owed = sell.view().sale_uuid, sell.view().due
    view = exchange.view()
    assert (view.credit, view.new_items, view.net) == (credit, owed, owed - credit)
    r = exchange.complete()
    assert r.ok and "pays" in str(r.message), r
    assert sell.view().due == owed - credit and shop.records.get_return(attempt.return_uuid) is None
    paid = sell.pay_cash(owed - credit)
    assert paid.ok, paid
    sale = recorded(shop, sale_uuid)
    assert [(t.kind, t.amount) for t in sale.tenders] == [("store_credit", credit), ("cash", owed - credit)]
    assert sale.tenders[0].reference == f"exchange:{attempt.return_uuid}"
    ret = shop.records.get_return(attempt.return_uuid)
    assert [(x.kind, x.amount, x.reference) for x in ret.refunds] == [
        ("store_credit", credit, f"exchange:{sale_uuid}")
    ]
    # nothing went to the card: the credit paid for the new item
    assert (
        shop.terminal.refunds_for(
            shop.sync_engine.order_by_qr(shop.demo.backend.order_qr("600001")).tenders[0].reference
        )
        == []
    )
    assert exchange.view() is None


@both_terminals
def test_an_exchange_where_the_store_pays_back_refunds_the_difference_to_the_card(shop, sell, exchange):
    attempt = start(shop, exchange)
    credit = attempt.document.total
    assert sell.scan(code_priced(shop, below=credit - 100)).ok
    sale_uuid, owed = sell.view().sale_uuid, sell.view().due
    r = exchange.complete("original")
    assert r.ok, r
    sale = recorded(shop, sale_uuid)
    assert [(t.kind, t.amount) for t in sale.tenders] == [("store_credit", owed)]
    ret = shop.records.get_return(attempt.return_uuid)
    assert [(x.kind, x.amount) for x in ret.refunds] == [("store_credit", owed), ("card", credit - owed)]
    pi = shop.sync_engine.order_by_qr(shop.demo.backend.order_qr("600001")).tenders[0].reference
    (refund,) = shop.terminal.refunds_for(pi)
    assert refund.amount == credit - owed and ret.refunds[1].reference == refund.id
    assert sell.view().is_empty and r.receipt is not None


def test_an_exchange_can_give_the_difference_as_store_credit(shop, sell, exchange):
    attempt = start(shop, exchange)
    credit = attempt.document.total
    sell.scan(code_priced(shop, below=credit - 100))
    owed = sell.view().due
    assert exchange.complete("store_credit").ok
    ret = shop.records.get_return(attempt.return_uuid)
    assert [(x.kind, x.amount) for x in ret.refunds] == [
        ("store_credit", owed),
        ("store_credit", credit - owed),
    ]
    assert ret.refunds[1].reference.startswith("SC-")


def test_an_exchange_given_up_releases_its_units(shop, sell, exchange):
    start(shop, exchange)
    assert shop.sync_engine.order_by_qr(shop.demo.backend.order_qr("600001")).lines[0].returned_qty == 1
    sell.scan(code_priced(shop, above=10_000))
    assert exchange.complete().ok  # the credit is on the sale
    r = exchange.cancel()
    assert r.ok, r
    assert (
        sell.view().paid == 0
        and shop.sync_engine.order_by_qr(shop.demo.backend.order_qr("600001")).lines[0].returned_qty == 0
    )
    assert exchange.complete().outcome is Outcome.REFUSED


def test_an_exchange_needs_new_items_and_a_verified_purchase(shop, sell, exchange):
    start(shop, exchange)
    assert exchange.complete().outcome is Outcome.REFUSED  # nothing scanned yet
    assert exchange.begin().outcome is Outcome.REFUSED  # one exchange at a time


def test_a_store_credit_pays_a_whole_sale_and_cannot_be_spent_twice(shop, sell):
    returns = shop.returns
    returns.begin_shift(shop.staff.identify(BEN))
    returns.find(shop.demo.backend.order_qr("600001"))
    returns.pick(1, 2)
    code = returns.refund("store_credit").value.refunds[0].reference
    shop.sync_engine.wake()
    shop.sync_engine.wait_idle(10)
    credit = shop.sync_engine.store_credit(code).balance
    sell.scan(code_priced(shop, below=credit))
    due = sell.view().due
    scanned = sell.scan(f"OMO:CREDIT:{code}")
    assert scanned.ok and scanned.value.code == code
    r = shop.credits.use(sell, code)
    assert r.ok and r.value is not None, r  # the sale is complete
    assert shop.sync_engine.store_credit(code).balance == credit - due
    sell.scan(code_priced(shop, above=credit))
    part = shop.credits.use(sell, code)  # what is left
    assert part.ok and shop.sync_engine.store_credit(code).balance == 0
    sell_view = sell.view()
    assert sell_view.paid == credit - due
    assert shop.credits.use(sell, code).outcome is Outcome.REFUSED  # nothing left, or already on the sale
    # the sale is voided: the part goes back onto the credit
    r = sell.void(
        shop.approvals.approve(sell.void().request, "9999", reason="changed mind").override, confirmed=True
    )
    assert r.ok, r
    assert shop.sync_engine.store_credit(code).balance == credit - due


def test_store_credit_left_half_taken_by_a_stop_goes_back(shop, sell):
    returns = shop.returns
    returns.begin_shift(shop.staff.identify(BEN))
    returns.find(shop.demo.backend.order_qr("600002"))
    returns.pick(1, 1)
    code = returns.refund("store_credit").value.refunds[0].reference
    shop.sync_engine.wake()
    shop.sync_engine.wait_idle(10)
    issued = shop.sync_engine.store_credit(code).balance
    sell.scan(code_priced(shop, above=issued))
    assert shop.credits.use(sell, code).ok
    assert shop.sync_engine.store_credit(code).balance == 0
    # the till stops; the open sale that held the credit is gone (another sale is open now)
    assert shop.credits.settle("another-sale") == 1
    assert shop.sync_engine.store_credit(code).balance == issued
