"""A member's sale on the demo shop (reference backend, journal): the member's coupons apply automatically,
each visible and removable; a coupon is used once across tills and the web (the backend's ledger); points
pay as a tender (alone or in a split), online against the backend's balance, offline only up to the store's
cap; the backend credits and debits its own figures once the sale syncs."""

from __future__ import annotations

import pytest

from app.results import Outcome
from app.sell import SellService
from tests.app.conftest import barcodes, demo_settings, recorded


def synced(shop) -> None:
    shop.sync_engine.wake()
    assert shop.sync_engine.wait_idle(20)


def member_sale(sell, shop, member_no: int, n: int = 3):
    for code in barcodes(shop, n):
        assert sell.scan(code).ok
    assert sell.attach_member_typed(str(member_no)).ok
    r = sell.refresh_member()
    assert r.ok, r
    return sell.view()


def balance(shop, member_no: int) -> int:
    return shop.sync_engine.member_profile(member_no, max_age_s=0).points_balance


def test_the_member_s_coupons_apply_by_themselves_each_visible_and_removable(sell, shop):
    view = member_sale(sell, shop, 1001)
    offers = {o.code: o for o in sell.offers()}
    assert {"WELCOME1001", "FIVE1001"} <= set(offers), offers
    assert all(o.applied for o in offers.values())
    assert view.discount == sum(o.amount for o in offers.values()) > 0
    r = sell.remove_offer("FIVE1001")
    assert r.ok and not next(o for o in r.value if o.code == "FIVE1001").applied
    after = sell.view()
    left = {o.code: o for o in sell.offers()}
    assert left["FIVE1001"].amount == 0 and after.discount == sum(o.amount for o in left.values())
    assert view.total < after.total <= view.total + offers["FIVE1001"].amount
    assert sell.restore_offer("FIVE1001").ok and sell.view().total == view.total
    assert sell.remove_offer("NOPE").outcome is Outcome.REFUSED
    assert sell.remove_offer("FIVE1001").ok
    r = sell.pay_cash(after.total + 10_000)
    assert r.ok, r
    doc = recorded(shop, r.value.sale_uuid)
    assert [o.code for o in doc.offers if o.code != "P1"] == ["WELCOME1001"]  # FIVE1001 stays theirs
    synced(shop)
    profile = shop.sync_engine.member_profile(1001, max_age_s=0)
    codes = {c.code for c in profile.coupons}
    assert "WELCOME1001" not in codes and "FIVE1001" in codes  # used once; the other one kept


def test_a_coupon_used_elsewhere_meanwhile_comes_off_before_anything_is_charged(sell, shop):
    member_sale(sell, shop, 1002)
    with_coupon = sell.view().total
    assert shop.demo.backend.use_coupon_online("WELCOME1002", "690001") == "ok"  # the web used it first
    r = sell.pay_cash(with_coupon)
    assert r.outcome is Outcome.REFUSED and "already used" in str(r.message), r
    now = sell.view()
    assert now.total > with_coupon and now.paid == 0  # nothing taken; the cashier sees the new total
    assert not next(o for o in sell.offers() if o.code == "WELCOME1002").applied
    assert sell.pay_cash(now.total).ok


def test_the_second_till_cannot_use_the_coupon_the_first_claimed(sell, shop):
    member_sale(sell, shop, 1003)
    other_sale = "00000000-0000-4000-8000-000000000001"
    shop.sync_engine.claim_coupon("WELCOME1003", 1003, other_sale)  # another till's sale holds it
    r = sell.pay_cash(10**7)
    assert r.outcome is Outcome.REFUSED and "already used" in str(r.message), r
    shop.sync_engine.release_coupon("WELCOME1003", other_sale)


def test_a_voided_sale_gives_its_coupon_back(sell, shop):
    member_sale(sell, shop, 1004)
    assert sell.pay_points(100).ok  # a part payment claims the coupons first
    assert "WELCOME1004" in shop.checkout.claimed_coupons
    sell.begin_shift(shop.staff.identify("9999"))  # Mia, manager
    r = sell.void(confirmed=True)
    assert r.ok, r
    other = "00000000-0000-4000-8000-000000000002"
    shop.sync_engine.claim_coupon("WELCOME1004", 1004, other)  # free again: no CouponUsed


def test_points_pay_in_a_split_and_the_backend_debits_them_once(sell, shop):
    view = member_sale(sell, shop, 1002)
    start = balance(shop, 1002)
    assert sell.pay_points(150).outcome is Outcome.REFUSED  # not a whole step
    r = sell.pay_points(200)
    assert r.ok, r
    assert sell.view().paid == 200 and sell.view().due == view.total - 200
    assert sell.pay_points(start + 100).outcome is Outcome.REFUSED  # more than the member has left
    r = sell.pay_cash(sell.view().due)
    assert r.ok, r
    doc = recorded(shop, r.value.sale_uuid)
    assert [(t.kind, t.amount) for t in doc.tenders][0] == ("points", 200)
    assert doc.loyalty.points_redeemed == 200
    synced(shop)
    assert balance(shop, 1002) == start - 200 + doc.loyalty.points_earned


def test_points_need_the_member_on_the_sale(sell, shop):
    for code in barcodes(shop, 1):
        assert sell.scan(code).ok
    r = sell.pay_points(100)
    assert r.outcome is Outcome.REFUSED and "Attach the member" in str(r.message)


@pytest.fixture
def capped_shop(tmp_path):
    from app.paths import Paths
    from app.shop import open_shop

    s = open_shop(Paths.under(tmp_path / "capped"), demo_settings("members.offline_redeem_points=300"))
    yield s
    s.close()


def test_offline_points_are_refused_by_default(sell, shop):
    member_sale(sell, shop, 1002)
    shop.demo.set_backend_online(False)
    try:
        r = sell.pay_points(100)
        assert r.outcome is Outcome.REFUSED and "cannot be reached" in str(r.message), r
    finally:
        shop.demo.set_backend_online(True)


def test_offline_points_up_to_the_store_s_cap(capped_shop):
    shop = capped_shop
    sell = SellService(shop)
    sell.begin_shift(shop.staff.identify("1111"))
    member_sale(sell, shop, 1002)
    assert sell.remove_offer("WELCOME1002").ok  # a coupon cannot be checked offline: leave it out
    shop.demo.set_backend_online(False)
    try:
        r = sell.pay_points(400)
        assert r.outcome is Outcome.REFUSED and "at most 300" in str(r.message), r
        r = sell.pay_points(300)
        assert r.ok, r
        assert sell.view().paid == 300
    finally:
        shop.demo.set_backend_online(True)


def test_points_earned_offline_are_provisional_then_credited_once_when_the_sale_syncs(sell, shop):
    members = shop.members
    members.begin_shift(shop.staff.identify("1111"))
    start = balance(shop, 1002)
    member_sale(sell, shop, 1002)
    assert sell.remove_offer("WELCOME1002").ok  # a coupon cannot be claimed offline
    shop.demo.set_backend_online(False)
    try:
        r = sell.pay_cash(sell.view().due)
        assert r.ok, r  # earning always works offline
        earned = recorded(shop, r.value.sale_uuid).loyalty.points_earned
        assert earned > 0
        opened = members.open_member(1002)  # the panel: the cached balance plus this till's sale
        assert opened.ok, opened
        panel = opened.value
        assert (panel.points, panel.unsynced, panel.provisional) == (start + earned, earned, True)
    finally:
        shop.demo.set_backend_online(True)
    synced(shop)
    assert balance(shop, 1002) == start + earned  # the backend credited its own figure, once
    panel = members.open_member(1002).value
    assert (panel.points, panel.unsynced, panel.provisional) == (start + earned, 0, False)


def test_offline_a_coupon_comes_off_and_the_member_keeps_it(sell, shop):
    member_sale(sell, shop, 1001)
    shop.demo.set_backend_online(False)
    try:
        r = sell.pay_cash(10**7)
        assert r.outcome is Outcome.REFUSED and "offline" in str(r.message), r
        assert sell.view().paid == 0
    finally:
        shop.demo.set_backend_online(True)


def test_a_shared_cart_loads_with_unknown_out_of_stock_and_repriced_lines_said(sell, shop):
    r = sell.scan("OMO:CART:C1001")
    assert r.ok and "loading" in str(r.message)
    r = sell.load_shared_cart(r.value.cart_id)
    assert r.ok, r
    plan = {i.sku: i for i in r.value}
    statuses = sorted(i.status for i in plan.values())
    assert statuses == ["add", "add", "out_of_stock", "repriced", "unknown"], plan
    assert plan["APP-ONLY-0001"].status == "unknown"
    repriced = next(i for i in plan.values() if i.status == "repriced")
    assert repriced.shop_price == repriced.app_price + 100
    view = sell.view()
    assert sorted((ln.sku, ln.quantity) for ln in view.lines) == sorted(
        (i.sku, i.qty) for i in plan.values() if i.added
    )
    line = next(ln for ln in view.lines if ln.sku == repriced.sku)
    assert line.unit_price == repriced.shop_price  # the shop's price, said in the result
    assert view.member is not None and view.member.member_no == 1001  # the cart's member
    assert "3 of 5 lines added, 1 at the shop's price; 2 not added" in str(r.message)


def test_an_unknown_shared_cart_and_an_offline_backend_are_said(sell, shop):
    assert "not known" in str(sell.load_shared_cart("NOPE").message)
    shop.demo.set_backend_online(False)
    try:
        r = sell.load_shared_cart("C1001")
        assert r.outcome is Outcome.REFUSED and "cannot be reached" in str(r.message)
    finally:
        shop.demo.set_backend_online(True)
    assert sell.view().is_empty


def test_the_till_s_cart_handed_to_the_customer_s_phone_comes_back_the_same(sell, shop):
    assert sell.hand_over_cart().outcome is Outcome.REFUSED  # nothing to hand over
    member_sale(sell, shop, 1004, n=2)
    lines = sorted((ln.sku, ln.quantity, ln.unit_price) for ln in sell.view().lines)
    handed = r = sell.hand_over_cart()
    assert r.ok and r.value.startswith("OMO:CART:T"), r
    assert not sell.view().is_empty  # the sale stays until the cashier voids or parks it
    cart = shop.sync_engine.cart(r.value)  # what the OMO app reads from the QR
    assert cart.member_no == 1004
    assert sorted((ln.sku, ln.qty, ln.unit_price) for ln in cart.lines) == lines
    r = sell.void()  # the customer has it: a manager approves the void of the unpaid sale
    assert r.retry(shop.approvals.approve(r.request, "9999", reason="handed to the app").override).ok
    back = sell.load_shared_cart(handed.value.removeprefix("OMO:CART:"))  # and back at a till: the same lines
    assert back.ok and all(i.status == "add" for i in back.value), back
    shop.demo.set_backend_online(False)
    try:
        assert "cannot be reached" in str(sell.hand_over_cart().message)
    finally:
        shop.demo.set_backend_online(True)


def test_a_scanned_coupon_goes_back_on_the_sale_only_for_its_member(sell, shop):
    for code in barcodes(shop, 1):
        assert sell.scan(code).ok
    assert "Attach the member first" in str(sell.scan("OMO:COUPON:FIVE1001").message)
    member_sale(sell, shop, 1001, n=0)
    assert sell.remove_offer("FIVE1001").ok
    r = sell.scan("OMO:COUPON:FIVE1001")  # the customer shows it in the app: they want it after all
    assert r.ok and next(o for o in r.value if o.code == "FIVE1001").applied, r
    assert "not the member's" in str(sell.scan("OMO:COUPON:WELCOME1002").message)


def test_a_refresh_while_offline_keeps_the_offers_the_sale_has(sell, shop):
    member_sale(sell, shop, 1001)
    before = {o.code for o in sell.offers()}
    assert "P1" in before
    shop.demo.set_backend_online(False)
    try:
        assert sell.refresh_member().ok
        assert {o.code for o in sell.offers()} == before
    finally:
        shop.demo.set_backend_online(True)
