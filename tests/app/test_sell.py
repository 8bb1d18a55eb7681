"""The cashier's workflow without a window (app/sell.py): the same service the window and `omo-pos drive`
call. Every assertion is read back from the journal, the audit log or the Stripe simulator."""

from __future__ import annotations

from app.results import Outcome
from app.sell import SellService
from tests.app.conftest import audit_actions, barcodes, be_the_customer, both_terminals, captured, recorded

MIA = "9999"  # the demo manager


def _fill(sell, shop, n: int = 2) -> None:
    for code in barcodes(shop, n):
        assert sell.scan(code).ok


def test_cash_sale_with_change_records_the_sale_and_prints_its_receipt(sell, shop):
    _fill(sell, shop)
    view = sell.view()
    assert len(view.lines) == 2 and view.total > 0
    quote, quick = sell.cash_quote()
    assert quick[0] == quote.rounded and all(a > quote.rounded for a in quick[1:])
    r = sell.pay_cash(view.total + 1000)
    assert r.ok and "Change: €10.00" in str(r.message)
    doc = recorded(shop, view.sale_uuid)
    assert doc is not None and doc.total == view.total and doc.tenders[0].change_given == 1000
    assert r.receipt.receipt_no == doc.receipt_no and r.receipt.cashier == "Ana"
    assert r.printing.result(timeout=10).printed
    assert sell.view().is_empty and sell.view().sale_uuid != view.sale_uuid


def test_cash_short_of_the_total_is_refused_and_the_sale_stays(sell, shop):
    _fill(sell, shop, 1)
    r = sell.pay_cash(1)
    assert r.outcome is Outcome.REFUSED and "short" in str(r.message)
    assert not sell.view().is_empty


@both_terminals
def test_card_sale(sell, shop):
    _fill(sell, shop, 1)
    total, sale = sell.view().total, sell.view().sale_uuid
    be_the_customer(shop, lambda sim: sim.tap("4242424242424242"))
    r = sell.pay_card()
    assert r.ok, r
    card = recorded(shop, sale).tenders[0]
    assert card.kind == "card" and card.amount == total and card.reference.startswith("pi_")
    assert captured(shop, card.reference)


@both_terminals
def test_declined_card_keeps_the_sale_open_then_cash(sell, shop):
    _fill(sell, shop, 1)
    sale = sell.view().sale_uuid
    be_the_customer(shop, lambda sim: sim.decline())
    r = sell.pay_card()
    assert r.outcome is Outcome.DECLINED and "still open" in str(r.message)
    assert sell.view().sale_uuid == sale and recorded(shop, sale) is None
    assert sell.pay_cash(sell.view().total).ok
    assert [t.kind for t in recorded(shop, sale).tenders] == ["cash"]


@both_terminals
def test_split_card_then_cash(sell, shop):
    _fill(sell, shop, 3)
    total, sale = sell.view().total, sell.view().sale_uuid
    be_the_customer(shop, lambda sim: sim.tap("5555555555554444"))
    r = sell.pay_card(100)
    assert r.ok and "Take the rest" in str(r.message)
    assert sell.view().paid == 100 and sell.view().due == total - 100
    assert sell.scan(barcodes(shop, 1)[0]).outcome is Outcome.REFUSED  # part paid: the sale is fixed
    assert sell.pay_cash(total - 100).ok
    tenders = recorded(shop, sale).tenders
    assert [(t.kind, t.amount) for t in tenders] == [("card", 100), ("cash", total - 100)]


@both_terminals
def test_the_sale_cannot_change_while_the_card_payment_runs(sell, shop):
    import threading

    _fill(sell, shop, 1)
    seen = {}

    def customer(sim) -> None:
        seen["scan"] = sell.scan(barcodes(shop, 2)[1])
        seen["cash"] = sell.pay_cash(10**6)
        sim.tap("4242424242424242")

    be_the_customer(shop, customer)
    t = threading.Thread(target=lambda: seen.setdefault("card", sell.pay_card()))
    t.start()
    t.join(30)
    assert seen["card"].ok
    assert seen["scan"].outcome is Outcome.BUSY and seen["cash"].outcome is Outcome.BUSY


def test_suspend_and_resume(sell, shop):
    _fill(sell, shop)
    total = sell.view().total
    assert sell.suspend().ok and sell.view().is_empty
    parked = sell.parked()
    assert len(parked) == 1 and parked[0].suspended_by == "S001"
    assert sell.resume(parked[0].suspended_id).ok
    assert sell.view().total == total and len(sell.view().lines) == 2
    assert sell.parked() == []


def test_discount_beyond_the_cashiers_limit_needs_a_manager_once(sell, shop):
    _fill(sell, shop, 1)
    before = sell.view().total
    r = sell.discount_order("25%")
    assert r.outcome is Outcome.NEEDS_APPROVAL and "needs a manager" in str(r.message)
    assert sell.view().total == before  # nothing changed yet
    assert not shop.approvals.approve(r.request, "2222").approved  # an associate cannot approve
    grant = shop.approvals.approve(r.request, MIA).override
    assert r.retry(grant).ok
    assert sell.view().total < before
    # the same approval cannot be used twice, nor for another action
    assert sell.discount_order("30%", grant).outcome is Outcome.REFUSED
    line = sell.view().lines[0].line_id
    assert sell.override_price(line, "1.00", "damaged", grant).outcome is Outcome.REFUSED
    assert "override.approved" in audit_actions(shop) and "discount.order" in audit_actions(shop)


def test_a_discount_within_the_limit_needs_nobody(sell, shop):
    _fill(sell, shop, 1)
    assert sell.discount_line(sell.view().lines[0].line_id, "10%").ok
    assert sell.view().discount > 0


def test_an_approval_for_a_smaller_discount_does_not_cover_a_bigger_one(sell, shop):
    _fill(sell, shop, 1)
    small = sell.discount_order("20%")
    grant = shop.approvals.approve(small.request, MIA).override
    assert sell.discount_order("50%", grant).outcome is Outcome.REFUSED


def test_a_quantity_above_the_limit_asks_for_approval_with_a_message(sell, shop):
    _fill(sell, shop, 1)
    line = sell.view().lines[0].line_id
    assert sell.set_quantity(line, 50).ok
    r = sell.set_quantity(line, 60)
    assert r.outcome is Outcome.NEEDS_APPROVAL and "above the limit of 50" in str(r.message)
    assert sell.view().lines[0].quantity == 50  # no silent cap, no change
    assert r.retry(shop.approvals.approve(r.request, MIA).override).ok
    assert sell.view().lines[0].quantity == 60
    assert sell.set_quantity(line, 10**6).outcome is Outcome.REFUSED


def test_void_by_a_cashier_needs_a_manager(sell, shop):
    _fill(sell, shop, 1)
    r = sell.void()
    assert r.outcome is Outcome.NEEDS_APPROVAL and not sell.view().is_empty
    assert r.retry(shop.approvals.approve(r.request, MIA, reason="customer left").override).ok
    assert sell.view().is_empty
    assert "sale.void" in audit_actions(shop)


@both_terminals
def test_void_after_a_card_part_refunds_it(sell, shop):
    _fill(sell, shop, 2)
    be_the_customer(shop, lambda sim: sim.tap("4242424242424242"))
    assert sell.pay_card(100).ok
    sell.begin_shift(shop.staff.identify(MIA))
    r = sell.void()
    assert r.outcome is Outcome.REFUSED and "refunds it to the card" in str(r.message)
    r = sell.void(confirmed=True)
    assert r.ok and "refunded to the card" in str(r.message)
    assert sell.view().is_empty


def test_no_sale_needs_a_reason_and_is_logged(sell, shop):
    assert sell.no_sale("  ").outcome is Outcome.REFUSED
    r = sell.no_sale("change for the float")
    assert r.outcome is Outcome.NEEDS_APPROVAL
    assert r.retry(shop.approvals.approve(r.request, MIA).override).ok
    assert "drawer.no_sale" in audit_actions(shop)


def test_a_member_on_an_empty_sale_does_not_follow_the_next_person(sell, shop):
    assert sell.attach_member_typed("not a number").outcome is Outcome.REFUSED
    member_no = shop.demo.member_list[0].member_no
    assert sell.attach_member_typed(str(member_no)).ok
    assert sell.view().member.member_no == member_no
    sell.end_shift()  # lock
    sell.begin_shift(shop.staff.identify("2222"))
    assert sell.view().member is None


def test_a_sale_rung_by_another_cashier_goes_back_to_them(sell, shop):
    _fill(sell, shop, 2)
    total = sell.view().total
    sell.end_shift()
    r = sell.begin_shift(shop.staff.identify("2222"))  # Ben logs in on Ana's open sale
    assert "Ana's open sale" in str(r.message) and sell.view().is_empty
    assert sell.view().staff_id == "S002"
    sell.end_shift()
    r = sell.begin_shift(shop.staff.identify("1111"))
    assert "is back" in str(r.message)
    assert sell.view().total == total and sell.view().staff_id == "S001"


def test_reprint_after_a_restart_names_the_cashier(shop, tmp_path):
    sell = SellService(shop)
    sell.begin_shift(shop.staff.identify("2222"))  # Ben
    _fill(sell, shop, 1)
    assert sell.pay_cash(sell.view().total).ok
    again = SellService(shop)  # a new till process finds the journal as it was
    again.begin_shift(shop.staff.identify("1111"))
    assert again.recall_last_sale().ok
    r = again.reprint()
    assert r.ok and r.receipt.cashier == "Ben" and r.receipt.mark == "reprint"


def test_nobody_logged_in_can_do_nothing(shop):
    sell = SellService(shop)
    r = sell.scan(barcodes(shop, 1)[0])
    assert r.outcome is Outcome.REFUSED and "Log in" in str(r.message)


def test_order_and_bad_codes_say_what_they_are(sell, shop):
    r = sell.scan("OMO:ORDER:W1001")
    assert r.outcome is Outcome.REFUSED and "Returns & pickups" in str(r.message)
    r = sell.scan("OMO:NONSENSE")
    assert r.outcome is Outcome.REFUSED and str(r.message)
    r = sell.scan("4006381333931")
    assert r.outcome is Outcome.REFUSED and "not in the catalog" in str(r.message)


def test_a_sale_brought_back_after_a_crash_goes_back_to_the_cashier_who_rang_it(tmp_path):
    from app.paths import Paths
    from app.shop import open_shop
    from tests.app.conftest import demo_settings

    paths = Paths.under(tmp_path / "shop")
    shop = open_shop(paths, demo_settings())
    sell = SellService(shop)
    sell.begin_shift(shop.staff.identify("1111"))  # Ana
    _fill(sell, shop, 2)
    total = sell.view().total
    shop.store.write_sync(lambda c: None)  # the open sale is saved
    shop.close()  # the till stops (the open sale stays in the journal)

    shop = open_shop(paths, demo_settings())
    try:
        assert shop.checkout.restore()
        sell = SellService(shop)
        r = sell.begin_shift(shop.staff.identify("2222"))  # Ben logs in first
        assert "Ana's open sale" in str(r.message) and sell.view().is_empty
        sell.end_shift()
        r = sell.begin_shift(shop.staff.identify("1111"))
        assert "is back" in str(r.message) and sell.view().total == total
    finally:
        shop.close()


def test_card_confirmation_lost_then_cash_uses_the_card_instead_of_charging_twice(direct_sell, direct_shop):
    """Field defect (issue 12): the reader took the card, the PaymentIntent read after it failed twice;
    the till said 'take cash', and the authorisation stayed on the card. Now Cash settles it first.
    (Direct mode: relayed, the till's reads are the backend's and never reach Stripe.)"""
    sell, shop = direct_sell, direct_shop
    from pos.payment import SETTLE_USED_CARD_MESSAGE, UNCONFIRMED_MESSAGE

    _fill(sell, shop, 2)
    sale, total = sell.view().sale_uuid, sell.view().total
    sim = shop.demo.stripe
    sim.auto_tap("4242424242424242", delay=0.0)
    sim.fail_with_status(r"/v1/payment_intents/pi_[^/]+$", status=503, times=2, method="GET")
    r = sell.pay_card()
    sim.auto_tap(None)
    assert r.outcome is Outcome.FAILED and str(r.message) == UNCONFIRMED_MESSAGE  # no "take cash"
    assert "another tender" not in str(r.message).replace("Do not take another", "")
    r = sell.pay_cash(total)
    assert str(r.message) == SETTLE_USED_CARD_MESSAGE and r.receipt is not None
    doc = recorded(shop, sale)
    assert [t.kind for t in doc.tenders] == ["card"]  # no cash was taken
    assert sim.payment_intents[doc.tenders[0].reference]["status"] == "succeeded"  # captured, once
    assert sell.view().is_empty and sell.view().sale_uuid != sale


def test_card_sale_in_the_relayed_demo(tmp_path):
    """The demo with demo.stripe_mode=relayed: the till holds no Stripe key, its embedded backend takes the
    payment, captures it after the sale, and the till's journal hears of it."""
    from app.paths import Paths
    from app.shop import open_shop
    from tests.app.conftest import demo_settings

    shop = open_shop(Paths.under(tmp_path / "relayed"), demo_settings("demo.stripe_mode=relayed"))
    try:
        assert type(shop.terminal).__name__ == "RelayedTerminal"
        sell = SellService(shop)
        sell.begin_shift(shop.staff.identify("1111"))
        _fill(sell, shop, 1)
        total, sale = sell.view().total, sell.view().sale_uuid
        be_the_customer(shop, lambda sim: sim.tap("4242424242424242"))
        r = sell.pay_card()
        assert r.ok, r
        card = recorded(shop, sale).tenders[0]
        assert card.kind == "card" and card.amount == total
        assert captured(shop, card.reference)
    finally:
        shop.close()
