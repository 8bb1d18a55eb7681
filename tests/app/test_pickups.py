"""Pickups without a window (app/pickups.py) against the demo shop's backend."""

from __future__ import annotations

import threading

import pytest

from app.pickups import PickupService
from app.results import Outcome

ANA = "1111"  # a cashier may hand orders over


@pytest.fixture
def pickups(shop):
    shop.pickups.begin_shift(shop.staff.identify(ANA))
    return shop.pickups


def test_the_list_shows_the_store_s_orders_with_shelf_age_and_the_one_not_collected(pickups):
    r = pickups.refresh()
    assert r.ok and "1 not collected in time" in str(r.message)
    rows = r.value
    assert [x.order_no for x in rows] == ["500005", "500004", "500003", "500002", "500001"]
    assert [x.overdue for x in rows] == [True, False, False, False, False]
    assert rows[0].shelf == "P-05" and rows[0].age_hours >= 9 * 24 and rows[-1].age_hours >= 24
    assert rows[1].items == 2 and not rows[1].partly


def test_an_order_is_checked_then_handed_over_in_two_parts_and_the_backend_knows_at_once(shop, pickups):
    assert pickups.open(shop.demo.backend.order_qr("500002")).ok
    view = pickups.view()
    assert [(ln.line_no, ln.waiting, ln.giving) for ln in view.lines] == [(1, 2, 2), (2, 1, 1)]
    r = pickups.hand_over()
    assert r.outcome is Outcome.REFUSED and "Check the customer" in str(r.message)
    assert pickups.check("name", "Someone Else").outcome is Outcome.REFUSED
    assert pickups.check("name", "Ben M").ok
    assert pickups.give(1, 1).ok and pickups.give(2, 0).ok
    r = pickups.hand_over()
    assert r.outcome is Outcome.REFUSED and "Say why" in str(r.message)
    pickups.give(1, 1, reason="Comes back for it tomorrow")
    pickups.give(2, 0, reason="Wrong colour")
    r = pickups.hand_over()
    assert r.ok and "the customer's app shows it" in str(r.message), r
    assert r.value["not_taken"] == [
        {"line_no": 1, "qty": 1, "reason": "Comes back for it tomorrow"},
        {"line_no": 2, "qty": 1, "reason": "Wrong colour"},
    ]
    order = shop.sync_engine.order_by_qr(shop.demo.backend.order_qr("500002"))
    assert order.status == "ready_for_pickup" and [ln.handed_over_qty for ln in order.lines] == [1, 0]
    assert next(x for x in pickups.refresh().value if x.order_no == "500002").partly
    # the second part, the next day
    assert pickups.open("500002").ok and pickups.check("app_code", _code(shop, "500002")).ok
    assert [ln.giving for ln in pickups.view().lines] == [1, 1]
    assert pickups.hand_over().ok
    assert shop.sync_engine.order_by_qr(shop.demo.backend.order_qr("500002")).status == "handed_over"
    assert "500002" not in [x.order_no for x in pickups.refresh().value]
    r = pickups.open("500002")
    assert r.outcome is Outcome.REFUSED and "handed over" in str(r.message)


def _code(shop, order_no: str) -> str:
    return shop.demo.pickup_code(order_no)


def test_offline_the_hand_over_is_kept_and_sent_later(shop, pickups):
    assert pickups.open(shop.demo.backend.order_qr("500001")).ok and pickups.check("card_last4", "4242").ok
    shop.demo.set_backend_online(False)
    try:
        r = pickups.hand_over()
        assert r.ok and "when the till is online" in str(r.message)
    finally:
        shop.demo.set_backend_online(True)
    shop.sync_engine.wake()
    assert shop.sync_engine.wait_idle(20)
    assert shop.sync_engine.order_by_qr(shop.demo.backend.order_qr("500001")).status == "handed_over"


def test_an_order_not_collected_in_time_goes_back_to_stock_as_a_return(shop, pickups):
    assert pickups.open("500005").error  # flagged: not collected in time
    shop.returns.begin_shift(shop.staff.identify("2222"))
    r = pickups.back_to_stock()
    assert r.ok and "not collected" in str(r.message), r
    view = shop.returns.view()
    assert all(ln.picked == ln.qty and ln.reason == "Not collected" and ln.restock for ln in view.lines)
    done = shop.returns.refund("original")
    assert done.ok, done
    shop.sync_engine.wake()
    shop.sync_engine.wait_idle(20)
    assert shop.sync_engine.order_by_qr(shop.demo.backend.order_qr("500005")).status == "cancelled"


def test_an_order_that_is_not_waiting_here_is_refused(pickups):
    r = pickups.open("600001")
    assert r.outcome is Outcome.REFUSED and "not waiting for pickup" in str(r.message)
    assert pickups.open("nope").outcome is Outcome.REFUSED
    assert pickups.open("OMO:CART:C1001").outcome is Outcome.REFUSED


def test_two_tills_hand_over_the_same_order_at_the_same_moment_and_only_one_says_so(shop):
    """Both tills opened and checked the order; the backend takes one hand-over, and the other till says
    the goods were NOT handed over there (never "handed over" for goods another till gave out)."""
    tills = [PickupService(shop), PickupService(shop)]
    for t in tills:
        t.begin_shift(shop.staff.identify(ANA))
        assert (
            t.open(shop.demo.backend.order_qr("500003")).ok and t.check("app_code", _code(shop, "500003")).ok
        )
    barrier = threading.Barrier(2)
    results = []

    def go(t):
        barrier.wait(10)
        results.append(t.hand_over())

    threads = [threading.Thread(target=go, args=(t,)) for t in tills]
    for th in threads:
        th.start()
    for th in threads:
        th.join(60)
    assert sorted(r.outcome.value for r in results) == ["done", "failed"], results
    won = next(r for r in results if r.ok)
    lost = next(r for r in results if not r.ok)
    assert "the customer's app shows it" in str(won.message)
    assert "NOT handed over" in str(lost.message) and "already" in str(lost.message), lost
    order = shop.sync_engine.order_by_qr(shop.demo.backend.order_qr("500003"))
    assert order.status == "handed_over" and all(ln.handed_over_qty == ln.qty for ln in order.lines)


def test_a_hand_over_the_backend_refuses_says_so_and_the_order_can_be_opened_again(shop, pickups):
    """The order was partly handed over at another till after this one opened it: more than still waits."""
    other = PickupService(shop)
    other.begin_shift(shop.staff.identify(ANA))
    for t in (pickups, other):
        assert t.open("500002").ok and t.check("app_code", _code(shop, "500002")).ok
    assert other.give(2, 0, reason="Comes back for it").ok
    assert other.hand_over().ok
    r = pickups.hand_over()  # this till still gives everything it saw waiting
    assert r.outcome is Outcome.FAILED and "NOT handed over" in str(r.message), r
    assert pickups.open("500002").ok
    assert [(ln.line_no, ln.waiting) for ln in pickups.view().lines if ln.waiting] == [(2, 1)]


def test_a_pickup_typed_by_number_opens_at_its_store_and_wrong_checks_run_out(shop, pickups):
    assert pickups.open("500003").ok and pickups.view().lines  # waiting at this store: in full
    for _ in range(5):
        assert pickups.check("app_code", "not-a-code").outcome is Outcome.REFUSED
    r = pickups.check("name", "Anyone")
    assert r.outcome is Outcome.REFUSED and "Too many wrong checks" in str(r.message)
    assert not pickups.hand_over().ok
