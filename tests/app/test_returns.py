"""Returns without a window (app/returns.py, app/refunds.py) against the real demo shop: the reference
backend, the Stripe simulator and the journal. Every assertion is read back from the journal, the
backend or Stripe."""

from __future__ import annotations

import threading
from dataclasses import replace

import pytest

from app.results import Outcome
from app.returns import ReturnsService
from hardware.stripe_sim.simulator import INTERAC
from pos.documents import ReturnDocument
from tests.app.conftest import audit_actions, barcodes, be_the_customer, both_terminals, demo_settings

MIA = "9999"  # the demo manager
BEN = "2222"  # the demo associate (may refund)


@pytest.fixture
def returns(shop):
    shop.returns.begin_shift(shop.staff.identify(BEN))
    return shop.returns


def synced(shop) -> None:
    shop.sync_engine.wake()
    assert shop.sync_engine.wait_idle(20)


def card_sale(shop, sell, n: int = 2, card: str = "4242424242424242"):
    for code in barcodes(shop, n):
        assert sell.scan(code).ok
    sell.view()
    be_the_customer(shop, lambda sim: sim.tap(card))
    r = sell.pay_card()
    assert r.ok, r
    synced(shop)
    return r.value


def refunds_at_stripe(shop, pi: str) -> list:
    return shop.terminal.refunds_for(pi)


@both_terminals
def test_an_online_order_found_by_its_qr_is_refunded_to_its_card_and_the_backend_caps_it(shop, returns):
    found = returns.find(shop.demo.backend.order_qr("600001"))
    assert found.ok and found.value.label == "600001"
    (line,) = found.value.lines
    assert (line.qty, line.returnable) == (2, 2)
    assert returns.pick(1, 1, reason="Wrong size").ok
    r = returns.refund("original")
    assert r.ok, r
    doc: ReturnDocument = r.value
    pi = found.value.tenders[0].reference
    (refund,) = refunds_at_stripe(shop, pi)
    assert refund.amount == doc.total == line.paid_amount // 2
    assert refund.metadata == {"return_uuid": doc.return_uuid, "step": "1"}
    assert [(x.kind, x.reference) for x in doc.refunds] == [("card", refund.id)]
    assert doc.lines[0].reason == "Wrong size" and doc.store_id == "S001" and doc.verified
    assert r.receipt.title == "RETURN" and r.printing.result(timeout=10).printed
    assert shop.records.get_return(doc.return_uuid) == doc
    synced(shop)
    after = shop.sync_engine.order_by_qr(shop.demo.backend.order_qr("600001")).lines[0]
    assert (after.returned_qty, after.refunded_amount) == (1, doc.total)
    assert "return.refund" in audit_actions(shop)


def test_the_last_unit_returned_and_a_second_return_of_the_same_line_is_refused(shop, returns):
    found = returns.find("600001")  # typed: the summary; the customer's check opens the order
    assert found.ok and "check the customer" in str(found.message)
    assert found.value.lines == () and found.value.customer == "" and found.value.tenders == ()
    assert returns.view().needs_check and not returns.pick(1, 2).ok
    assert not returns.check_customer("card_last4", "9999").ok
    assert "order.check_failed" in audit_actions(shop)
    assert returns.check_customer("card_last4", "4242").ok
    view = returns.view()
    assert view.original.lines and view.original.customer and view.checked
    assert returns.pick(1, 2).ok
    assert returns.refund("original").ok
    again = returns.find(shop.demo.backend.order_qr("600001"))
    assert "already returned" in str(again.message)
    r = returns.pick(1, 1)
    assert r.outcome is Outcome.REFUSED and "0 of 2" in str(r.message)


def test_two_tills_returning_the_last_unit_at_the_same_moment_exactly_one_succeeds(shop):
    """Two returns services (two tills' counters) hold the same last unit: the backend's claim decides."""
    tills = [ReturnsService(shop), ReturnsService(shop)]
    for t in tills:
        t.begin_shift(shop.staff.identify(BEN))
        assert t.find(shop.demo.backend.order_qr("600001")).ok
        assert t.pick(1, 2).ok
    barrier = threading.Barrier(2)
    results = []

    def go(t):
        barrier.wait(10)
        results.append(t.refund("original"))

    threads = [threading.Thread(target=go, args=(t,)) for t in tills]
    for th in threads:
        th.start()
    for th in threads:
        th.join(60)
    assert sorted(r.outcome.value for r in results) == ["done", "refused"]
    loser = next(r for r in results if not r.ok)
    assert loser.value == "exceeds_returnable" and "Nothing was refunded" in str(loser.message)
    pi = shop.sync_engine.order_by_qr(shop.demo.backend.order_qr("600001")).tenders[0].reference
    assert len(refunds_at_stripe(shop, pi)) == 1  # one card refund only


@both_terminals
def test_an_in_store_card_sale_found_by_its_receipt_number_is_refunded_to_its_card(shop, sell, returns):
    sale = card_sale(shop, sell, 2)
    found = returns.find(sale.receipt_no)
    assert found.ok and found.value.kind == "sale" and found.value.verified
    assert returns.pick(2, 1).ok
    r = returns.refund("original")
    assert r.ok, r
    assert r.value.total == sale.lines[1].paid_amount and r.value.tax_total == sale.lines[1].tax_amount
    assert refunds_at_stripe(shop, sale.tenders[0].reference)[0].amount == r.value.total


@both_terminals
def test_a_refund_split_across_card_and_store_credit(shop, sell, returns):
    # a store credit (from an earlier return) pays part of a sale, a card the rest
    assert returns.find(shop.demo.backend.order_qr("600002")).ok and returns.pick(1, 1).ok
    credit = returns.refund("store_credit").value.refunds[0].reference
    synced(shop)
    for code in barcodes(shop, 2):
        sell.scan(code)
    part = shop.credits.use(sell, credit)
    assert part.ok and part.value is None, part  # a part payment: the rest by card
    be_the_customer(shop, lambda sim: sim.tap("4242424242424242"))
    paid = sell.pay_card()
    assert paid.ok, paid
    sale = paid.value
    assert [t.kind for t in sale.tenders] == ["store_credit", "card"]
    synced(shop)
    # everything comes back: each tender gets back what it paid, the credit as a new code
    assert returns.find(f"OMO:RECEIPT:{sale.sale_uuid}").ok and returns.pick_all().ok
    r = returns.refund("original")
    assert r.ok, r
    kinds = {x.kind: x.amount for x in r.value.refunds}
    assert kinds == {t.kind: t.amount for t in sale.tenders}
    new_code = next(x.reference for x in r.value.refunds if x.kind == "store_credit")
    assert new_code != credit and new_code in r.receipt.codes[0][0]
    synced(shop)
    assert shop.sync_engine.store_credit(new_code).balance == kinds["store_credit"]


def test_a_tax_exclusive_store_refunds_the_price_and_its_tax(tmp_path):
    from app.paths import Paths
    from app.sell import SellService
    from app.shop import open_shop

    settings = demo_settings("store.country=US", "store.tax_preset=US-NY")
    shop = open_shop(Paths.under(tmp_path / "us"), settings)
    try:
        sell = SellService(shop)
        sell.begin_shift(shop.staff.identify("1111"))
        for code in barcodes(shop, 2):
            sell.scan(code)
        sale = sell.pay_cash(sell.view().total).value
        synced(shop)
        shop.returns.begin_shift(shop.staff.identify(BEN))
        assert shop.returns.find(sale.receipt_no).ok and shop.returns.pick_all().ok
        r = shop.returns.refund("original")
        assert r.ok, r
        assert (r.value.total, r.value.tax_total) == (sale.total, sale.tax_total)
        assert [(x.kind, x.amount) for x in r.value.refunds] == [("cash", sale.total)]
        assert "in cash" in str(r.message)
    finally:
        shop.close()


def test_points_the_returned_lines_earned_are_taken_back_at_the_member_s_account(shop, returns):
    found = returns.find(shop.demo.backend.order_qr("600001")).value
    assert found.points_earned == found.total_paid // 100 and found.member_no == 1001
    balance = shop.sync_engine.member_profile(1001, max_age_s=0).points_balance
    returns.pick(1, 1)
    r = returns.refund("original")
    assert r.value.points_taken_back == found.points_earned * r.value.total // found.total_paid
    synced(shop)
    after = shop.sync_engine.member_profile(1001, max_age_s=0).points_balance
    assert after == balance - r.value.points_taken_back


def test_offline_a_till_sale_is_an_unverified_return_to_store_credit_a_manager_approves(shop, sell, returns):
    sale = card_sale(shop, sell, 1)
    shop.demo.set_backend_online(False)
    try:
        found = returns.find(sale.receipt_no)
        assert found.ok and found.error and not found.value.verified
        returns.pick_all()
        r = returns.refund("original")
        assert r.outcome is Outcome.REFUSED and "store credit" in str(r.message)
        r = returns.refund("store_credit")
        assert r.outcome is Outcome.NEEDS_APPROVAL
        assert not shop.approvals.approve(r.request, BEN, reason="offline").approved
        grant = shop.approvals.approve(r.request, MIA, reason="backend down").override
        done = r.retry(grant)
        assert done.ok, done
        doc = done.value
        assert not doc.verified and doc.approved_by == "S003"
        assert [x.kind for x in doc.refunds] == ["store_credit"]
    finally:
        shop.demo.set_backend_online(True)
    assert (
        refunds_at_stripe(shop, sale.tenders[0].reference) == []
    )  # no card refund (asked once relayed is back)
    synced(shop)
    with shop.demo.backend.connect() as conn:
        row = conn.execute("SELECT needs_review FROM returns WHERE return_uuid = ?", (doc.return_uuid,)).one()
    assert row[0]  # marked for review


def test_offline_an_online_order_cannot_be_found(shop, returns):
    shop.demo.set_backend_online(False)
    try:
        r = returns.find(shop.demo.backend.order_qr("600001"))
        assert r.outcome is Outcome.FAILED and "cannot be reached" in str(r.message)
    finally:
        shop.demo.set_backend_online(True)


def test_a_return_without_a_receipt_needs_its_permission_and_stays_under_the_limit(shop, returns):
    assert returns.no_receipt().ok
    code = barcodes(shop, 1)[0]
    assert returns.add_item(code).ok
    r = returns.refund("original")
    assert r.outcome is Outcome.NEEDS_APPROVAL and r.request.permission.value == "return_no_receipt"
    grant = shop.approvals.approve(r.request, MIA, reason="gift, no receipt").override
    done = r.retry(grant)
    assert done.ok, done
    assert [x.kind for x in done.value.refunds] == ["store_credit"] and not done.value.verified
    assert done.value.original_order_no is None and done.value.original_sale_uuid is None
    # above the store's limit: refused even with a manager
    returns.no_receipt()
    for _ in range(40):
        returns.add_item(code)
    r = returns.refund("store_credit")
    assert r.outcome is Outcome.REFUSED and "at most" in str(r.message)


def test_a_cashier_needs_a_manager_for_a_refund(shop):
    svc = ReturnsService(shop)
    svc.begin_shift(shop.staff.identify("1111"))
    assert svc.find(shop.demo.backend.order_qr("600001")).ok and svc.pick(1, 1).ok
    r = svc.refund("original")
    assert r.outcome is Outcome.NEEDS_APPROVAL
    assert r.retry(shop.approvals.approve(r.request, MIA).override).ok


def canadian_shop(tmp_path, stripe_mode: str):
    from app.paths import Paths
    from app.shop import open_shop

    settings = demo_settings(
        "store.country=CA",
        "store.tax_preset=none",
        "store.currency=CAD",
        "store.locale=en_CA",
        "store.tax_rates=STANDARD=13:HST 13%; REDUCED=5:GST 5%; ZERO=0",
        f"demo.stripe_mode={stripe_mode}",
    )
    return open_shop(Paths.under(tmp_path / "ca"), settings)


def interac_sale(shop):
    from app.sell import SellService

    sell = SellService(shop)
    sell.begin_shift(shop.staff.identify("1111"))
    sale = card_sale(shop, sell, 1, card=INTERAC)
    shop.returns.begin_shift(shop.staff.identify(BEN))
    assert shop.returns.find(sale.receipt_no).ok and shop.returns.pick_all().ok
    return sale


def reader_refunds(shop) -> list:
    """The in-person refund commands Stripe received (direct: from the till; relayed: from the backend)."""
    return [
        r
        for r in shop.demo.stripe.requests
        if r["method"] == "POST" and r["path"].endswith("/refund_payment")
    ]


@both_terminals
def test_an_interac_payment_is_refunded_on_the_reader(tmp_path, stripe_mode):
    shop = canadian_shop(tmp_path, stripe_mode)
    try:
        sale = interac_sale(shop)
        assert shop.demo.stripe.payment_intents[sale.tenders[0].reference]["status"] == "succeeded"
        be_the_customer(shop, lambda sim: sim.tap(INTERAC))
        statuses = []
        r = shop.returns.refund("original", on_status=statuses.append)
        assert r.ok, r
        assert statuses == ["tap"]
        (refund,) = shop.terminal.refunds_for(sale.tenders[0].reference)
        assert r.value.refunds[0].reference == refund.id and refund.amount == sale.total
        assert refund.metadata["return_uuid"] == r.value.return_uuid  # found by it if the outcome is missed
        (command,) = reader_refunds(shop)  # relayed: sent by the backend, with the chain's key
        assert command["idempotency_key"].endswith(":reader")
    finally:
        shop.close()


@both_terminals
def test_an_interac_refund_the_reader_gave_up_on_is_made_once_when_tried_again(tmp_path, stripe_mode):
    """The customer did not tap in time (the reader's action failed): Try again asks the reader again and
    the tap refunds once. (Bug found by this test: the second try carried the first one's idempotency key,
    so Stripe replayed its answer instead of asking the reader again, and every further try failed the
    same way for 24 hours.)"""
    shop = canadian_shop(tmp_path, stripe_mode)
    try:
        sale = interac_sale(shop)
        be_the_customer(shop, lambda sim: sim.time_out())
        r = shop.returns.refund("original")
        assert r.outcome is Outcome.FAILED and "did not go through" in str(r.message), r
        assert shop.demo.stripe.refunds == {}
        (attempt,) = shop.records.open_return_attempts()
        be_the_customer(shop, lambda sim: sim.tap(INTERAC))
        again = shop.returns.resume(attempt.return_uuid)
        assert again.ok, again
        (refund,) = shop.demo.stripe.refunds.values()
        assert refund["amount"] == sale.total
        first, second = reader_refunds(shop)
        assert first["idempotency_key"] != second["idempotency_key"]
    finally:
        shop.close()


@both_terminals
def test_a_refund_whose_answer_is_lost_is_found_at_stripe_and_never_made_twice(shop, sell, returns):
    sale = card_sale(shop, sell, 1)
    returns.find(f"OMO:RECEIPT:{sale.sale_uuid}")
    returns.pick_all()
    shop.demo.stripe.drop_response("/v1/refunds", times=10)  # Stripe refunds, the answer never arrives
    r = returns.refund("original")
    assert r.ok, r  # the refund was found at Stripe by its metadata
    assert len(refunds_at_stripe(shop, sale.tenders[0].reference)) == 1


@both_terminals
def test_stripe_unreachable_leaves_the_return_waiting_and_retry_finishes_it(shop, sell, returns):
    sale = card_sale(shop, sell, 1)
    returns.find(f"OMO:RECEIPT:{sale.sale_uuid}")
    returns.pick_all()
    shop.demo.stripe.fail_with_status("/v1/refunds", status=503, times=100)
    r = returns.refund("original")
    assert r.outcome is Outcome.FAILED and "Retry" in str(r.message)
    (waiting,) = returns.waiting()
    assert waiting.total == sale.total and waiting.refunded == 0
    assert shop.records.get_return(waiting.return_uuid) is None  # nothing recorded yet
    shop.demo.stripe.clear_faults()
    done = returns.resume(waiting.return_uuid)
    assert done.ok, done
    assert returns.waiting() == [] and len(refunds_at_stripe(shop, sale.tenders[0].reference)) == 1


@both_terminals
def test_a_payment_already_refunded_at_stripe_fails_its_step_and_goes_another_way(shop, sell, returns):
    sale = card_sale(shop, sell, 1)
    pi = sale.tenders[0].reference
    shop.terminal.refund(pi, sale.total, idempotency_key="dashboard")  # someone refunded it in the Dashboard
    returns.find(f"OMO:RECEIPT:{sale.sale_uuid}")
    returns.pick_all()
    r = returns.refund("original")
    assert r.outcome is Outcome.FAILED and "refused" in str(r.message)
    (waiting,) = returns.waiting()
    assert "already refunded in full" in waiting.problem
    r = returns.reroute(waiting.return_uuid, "store_credit")
    assert r.ok, r
    assert [x.kind for x in r.value.refunds] == ["store_credit"]
    assert len(refunds_at_stripe(shop, pi)) == 1  # only the Dashboard's


def test_a_waiting_return_with_nothing_refunded_can_be_given_up_and_its_units_are_returnable_again(
    shop, returns
):
    returns.find(shop.demo.backend.order_qr("600001"))
    returns.pick(1, 2)
    shop.demo.stripe.fail_with_status("/v1/refunds", status=503, times=100)
    assert returns.refund("original").outcome is Outcome.FAILED
    (waiting,) = returns.waiting()
    held = shop.sync_engine.order_by_qr(shop.demo.backend.order_qr("600001")).lines[0]
    assert held.returned_qty == 2  # held at the backend meanwhile
    assert returns.give_up(waiting.return_uuid).ok
    assert shop.sync_engine.order_by_qr(shop.demo.backend.order_qr("600001")).lines[0].returned_qty == 0
    assert returns.waiting() == []


def test_a_return_receipt_is_not_a_sale_and_cannot_be_taken_back_again(shop, sell, returns):
    sale = card_sale(shop, sell, 1)
    assert returns.find(sale.receipt_no).ok and returns.pick_all().ok
    done = returns.refund("original")
    assert done.ok, done
    r = returns.find(done.value.receipt_no)  # the number on the return receipt, typed
    assert r.outcome is Outcome.REFUSED, r
    assert "is a return" in str(r.message) and sale.receipt_no in str(r.message), r
    # a number like a receipt's that is no sale anywhere (another till's return, or a typo)
    r = returns.find("T09-000123")
    assert r.outcome is Outcome.REFUSED and "no sale or online order" in str(r.message), r
    assert refunds_at_stripe(shop, sale.tenders[0].reference)[0].amount == done.value.total  # one refund


@both_terminals
def test_a_line_returned_in_parts_at_two_tills_refunds_exactly_what_it_paid_and_never_more(shop, sell):
    """Three units with a discount that leaves cents no three parts share evenly, returned one by one at
    two tills, one of them working from a stale view: the card gets back exactly what it paid, the tax
    exactly what was charged, and nothing more is ever refunded."""
    code = barcodes(shop, 1)[0]
    for _ in range(3):
        assert sell.scan(code).ok
    d = sell.discount_order("1.01")  # 1.01 over three units: no equal shares
    if d.outcome is Outcome.NEEDS_APPROVAL:
        d = d.retry(shop.approvals.approve(d.request, MIA, reason="damaged box").override)
    assert d.ok, d
    sale = card_sale(shop, sell, 0)
    (line,) = sale.lines
    assert line.quantity == 3 and line.paid_amount % 3 != 0, line
    till_a, till_b = ReturnsService(shop), ReturnsService(shop)
    for t in (till_a, till_b):
        t.begin_shift(shop.staff.identify(BEN))
        assert t.find(f"OMO:RECEIPT:{sale.sale_uuid}").ok  # both see 3 returnable
    docs = []
    assert till_a.pick(1, 1).ok
    docs.append(till_a.refund("original").value)
    # till B still shows 3 and tries to take all of them back: the backend's cap refuses, nothing refunded
    assert till_b.pick(1, 3).ok
    stale = till_b.refund("original")
    assert stale.outcome is Outcome.REFUSED and "Nothing was refunded" in str(stale.message), stale
    assert till_b.find(f"OMO:RECEIPT:{sale.sale_uuid}").ok and till_b.pick(1, 1).ok
    docs.append(till_b.refund("original").value)
    assert till_a.find(f"OMO:RECEIPT:{sale.sale_uuid}").ok and till_a.pick(1, 1).ok
    docs.append(till_a.refund("original").value)
    assert all(isinstance(x, ReturnDocument) for x in docs), docs
    assert sum(x.total for x in docs) == line.paid_amount == sale.tenders[0].amount
    assert sum(x.tax_total for x in docs) == line.tax_amount
    assert sorted(r.amount for r in refunds_at_stripe(shop, sale.tenders[0].reference)) == sorted(
        x.total for x in docs
    )
    assert "already returned" in str(till_b.find(f"OMO:RECEIPT:{sale.sale_uuid}").message)
    synced(shop)
    after = shop.sync_engine.sale(sale.sale_uuid).lines[0]
    assert (after.returned_qty, after.refunded_amount) == (3, line.paid_amount)


def test_a_member_s_app_shows_their_recent_orders_and_one_opens_without_a_check(shop, returns):
    synced(shop)
    shop.refresh_member_keys()  # the till trusts the keys the backend published (the status round does it)
    listed = returns.find(shop.demo.member_qr(1003))
    assert listed.ok, listed
    recent = listed.value
    assert "600003" in [o.ref for o in recent], recent
    opened = returns.open_recent(next(o for o in recent if o.ref == "600003"))
    assert opened.ok and opened.value.label == "600003"
    assert opened.value.lines and opened.value.customer  # the member's code opens their own order
    assert not returns.view().needs_check  # the member's own app is the proof


def test_a_typed_member_number_lists_no_orders_and_asks_for_the_members_code(shop, returns):
    listed = returns.find("1003")  # a number anyone can count shows no one's history
    assert listed.ok and listed.value == () and "code in their app" in str(listed.message), listed


def test_a_card_refund_on_a_till_without_a_card_reader_waits_and_goes_to_store_credit(shop, sell, returns):
    """The sale was paid by card; the till taking it back has no card reader (card payments off): nothing is
    refunded, the return waits with the reason, and a manager's reroute to store credit finishes it."""
    from hardware.stripe_terminal.null import NullCardReader

    sale = card_sale(shop, sell, 1)
    real = shop.terminal
    shop.terminal, shop.card_error = NullCardReader("no reader configured"), "no reader configured"
    try:
        assert returns.find(f"OMO:RECEIPT:{sale.sale_uuid}").ok and returns.pick_all().ok
        r = returns.refund("original")
        assert r.outcome is Outcome.FAILED and "Card refunds are off" in str(r.message), r
        (waiting,) = returns.waiting()
        assert shop.records.get_return(waiting.return_uuid) is None  # nothing committed yet
        r = returns.reroute(waiting.return_uuid, "store_credit")
        if r.outcome is Outcome.NEEDS_APPROVAL:
            r = r.retry(shop.approvals.approve(r.request, MIA, reason="no reader").override)
        assert r.ok, r
        assert [x.kind for x in r.value.refunds] == ["store_credit"] and r.value.total == sale.total
    finally:
        shop.terminal = real
    assert refunds_at_stripe(shop, sale.tenders[0].reference) == []
    assert returns.waiting() == []


def test_the_sixth_wrong_check_of_an_order_is_refused_and_a_right_one_after_the_window_opens_it(
    shop, returns
):
    assert returns.find("600002").ok
    for _ in range(5):
        r = returns.check_customer("card_last4", "9876")
        assert r.outcome is Outcome.REFUSED and "does not match" in str(r.message)
    right = "0005"  # the card that paid the demo's second delivered order
    r = returns.check_customer("card_last4", right)
    assert r.outcome is Outcome.REFUSED and "Too many wrong checks" in str(r.message)
    assert not returns.view().checked and returns.view().original.lines == ()
    assert "order.check_locked" in audit_actions(shop)
    limiter = shop.demo.backend.backend.limiter
    clock = limiter._clock
    limiter._clock = lambda: clock() + 3600  # an hour later
    assert returns.check_customer("card_last4", right).ok
    assert returns.view().original.lines and returns.pick(1, 1).ok


def _member_panel(shop, member_no: int):
    """The member panel as the Members workspace opens it from the member's app code."""
    shop.refresh_member_keys()
    shop.members.begin_shift(shop.staff.identify(BEN))
    r = shop.members.find(shop.demo.member_qr(member_no))
    assert r.ok and r.value.profile.view == "full", r
    return r.value


def test_a_recent_online_order_on_the_member_panel_opens_here_ready_to_pick(shop, returns):
    synced(shop)
    panel = _member_panel(shop, 1004)  # consented: their recent orders are on the panel
    assert "600004" in [o.ref for o in panel.profile.recent_orders]
    opened = returns.open_member_order(panel, "600004")
    assert opened.ok and opened.value.label == "600004", opened
    assert opened.value.lines and opened.value.customer  # in full: the member's own code opened it
    view = returns.view()
    assert view.original.label == "600004" and not view.needs_check  # nothing to check: pick at once
    assert returns.pick(1, 1, reason="Wrong size").ok and returns.view().total > 0
    # the same order on a panel that was not opened with the member's code: by its number, checked first
    typed = replace(panel, member_token=None)
    again = returns.open_member_order(typed, "600004")
    assert again.ok and returns.view().needs_check and not returns.view().original.lines
    # only an order that is on the panel
    other = returns.open_member_order(panel, "600001")
    assert other.outcome is Outcome.REFUSED and "recent orders" in str(other.message)


def test_a_members_in_store_purchase_on_their_panel_opens_here_verified(shop, sell, returns):
    for code in barcodes(shop, 2):
        assert sell.scan(code).ok
    assert sell.attach_member_typed("1004").ok and sell.refresh_member().ok
    paid = sell.pay_cash(sell.view().total + 5_000)
    assert paid.ok, paid
    synced(shop)
    panel = _member_panel(shop, 1004)
    store = [o for o in panel.profile.recent_orders if o.channel == "store"]
    assert [o.ref for o in store] == [paid.value.sale_uuid], panel.profile.recent_orders
    opened = returns.open_member_order(panel, paid.value.sale_uuid)
    assert opened.ok and opened.value.verified and opened.value.label == paid.value.receipt_no, opened
    assert returns.pick_all().ok and returns.view().total == paid.value.total


def test_a_member_panel_order_needs_someone_logged_in(shop, returns):
    synced(shop)
    panel = _member_panel(shop, 1004)
    returns.end_shift()
    r = returns.open_member_order(panel, "600004")
    assert r.outcome is Outcome.REFUSED and "Log in" in str(r.message)


def test_another_till_s_return_receipt_is_said_to_be_a_return_not_a_sale(shop, sell, returns, monkeypatch):
    """The number on a return receipt of another till (or store): its journal is not this till's, the
    backend knows the return and what it was a return of."""
    sale = card_sale(shop, sell, 1)
    assert returns.find(sale.receipt_no).ok and returns.pick_all().ok
    done = returns.refund("original")
    assert done.ok, done
    synced(shop)
    # as another till sees it: not in its journal
    monkeypatch.setattr(shop.records, "return_by_receipt", lambda _no: None)
    r = returns.find(done.value.receipt_no)
    assert r.outcome is Outcome.REFUSED, r
    text = str(r.message)
    assert "is a return receipt" in text and "not a sale" in text and sale.receipt_no in text, r
    assert r.message.template.startswith("{receipt_no} is a return receipt (of {original})"), r.message
    # an online order's return receipt names the order
    assert returns.find(shop.demo.backend.order_qr("600001")).ok and returns.pick(1, 1).ok
    online = returns.refund("original")
    assert online.ok, online
    synced(shop)
    r = returns.find(online.value.receipt_no)
    assert r.outcome is Outcome.REFUSED and "600001" in str(r.message) and "return receipt" in str(r.message)
