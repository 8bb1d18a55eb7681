"""A member's sale: coupons and promotions applied automatically, visible, removable, on the receipt by name;
points as a tender (alone or in a split); the points the programme says, kept with the sale in the journal
and sent to the backend; everything brought back after a restart."""

from __future__ import annotations

import pytest

from pos.checkout import CheckoutError, MemberOnSale
from pos.documents import DocumentError, SaleLoyalty, SaleOffer, Tender
from pos.loyalty import EarnLine
from pos.offers import Offer
from pos.sale_receipt import receipt_for_sale
from pos.staff import OverrideRequest, Permission
from sync.payloads import to_wire
from sync.store import journal as journal_mod
from sync.store import outbox
from tests.checkout.conftest import ANA, ie_config

WELCOME = Offer(
    "WELCOME1001", "coupon", "10 % off your next visit", percent_bp=1000, ends_at="2027-12-31T23:59:59Z"
)
OLD = Offer("OLD1", "coupon", "Expired", amount=500, ends_at="2026-01-01T00:00:00Z")


def products(store, n=3):
    conn = store.read_connection()
    try:
        return conn.execute(
            "SELECT sku, category FROM products WHERE active = 1 AND category != 'Books' ORDER BY id LIMIT ?",
            (n,),
        ).fetchall()
    finally:
        conn.close()


def member_sale(shop, store, *, promotions=()):
    co = shop()
    co.set_promotions(tuple(promotions))
    (a, _), (b, _), _ = products(store)
    co.add_sku(a, 2)
    co.add_sku(b)
    co.attach_member(MemberOnSale(1001, "Aiko T.", "Gold", 2500), coupons=(WELCOME, OLD))
    return co, a, b


def test_a_members_coupon_applies_at_once_and_an_expired_one_does_not(shop, store):
    co, a, b = member_sale(shop, store)
    applied = co.cart.totals.offers
    assert [x.offer.code for x in applied] == ["WELCOME1001"]
    subtotal = co.cart.totals.subtotal.minor
    assert co.total == subtotal - (subtotal * 1000 + 5000) // 10000


def test_removed_and_restored_with_an_audit_entry_and_kept_over_a_restart(shop, store):
    co, *_ = member_sale(shop, store)
    with_coupon = co.total
    co.remove_offer("WELCOME1001", actor="ana")
    assert co.total == co.cart.totals.subtotal.minor and not co.cart.totals.offers
    again = shop()
    assert again.restore() and again.removed_offers == {"WELCOME1001"} and again.total == co.total
    again.restore_offer("WELCOME1001", actor="ana")
    assert again.total == with_coupon
    with pytest.raises(CheckoutError):
        again.restore_offer("WELCOME1001", actor="ana")
    with pytest.raises(CheckoutError):
        again.remove_offer("NOPE", actor="ana")
    conn = store.read_connection()
    actions = [r[0] for r in conn.execute("SELECT action FROM audit_log ORDER BY seq")]
    conn.close()
    assert actions[-2:] == ["offer.removed", "offer.restored"]


def test_another_member_or_no_member_takes_the_coupons_off(shop, store):
    promo = Offer("P9", "promotion", "Members: 20 % off", percent_bp=2000, members_only=True)
    co, a, _ = member_sale(shop, store, promotions=(promo,))
    a_skus = {x.offer.code for x in co.cart.totals.offers}
    assert a_skus == {"WELCOME1001", "P9"}
    co.attach_member(MemberOnSale(1001, "Aiko T.", "Gold", 2600))  # a refresh keeps her coupons
    assert {x.offer.code for x in co.cart.totals.offers} == a_skus
    co.attach_member(MemberOnSale(1002, "Ben M.", "Silver", 800))
    assert {x.offer.code for x in co.cart.totals.offers} == {"P9"}
    co.attach_member(None)
    assert co.cart.totals.offers == ()
    everyone = Offer("P8", "promotion", "5 % off", percent_bp=500)
    co.set_promotions((promo, everyone))
    assert [x.offer.code for x in co.cart.totals.offers] == ["P8"]


def test_points_pay_part_of_the_sale_and_the_rest_in_cash(shop, store):
    co, *_ = member_sale(shop, store)
    total = co.total
    with pytest.raises(CheckoutError, match="steps of 100"):
        co.points_tender(150)
    with pytest.raises(CheckoutError, match="more points"):
        co.points_tender((total // 100 + 1) * 100)
    co.add_tender(co.points_tender(500))
    assert co.due == total - 500
    with pytest.raises(CheckoutError, match="already paid"):
        co.remove_offer("WELCOME1001", actor="ana")
    co.set_promotions((Offer("P7", "promotion", "x", percent_bp=100),))  # a paid part keeps the offers
    assert co.total == total
    doc = co.build_sale(co.cash_tender(co.due))
    assert doc.loyalty is not None and doc.loyalty.points_redeemed == 500 and doc.loyalty.tier == "gold"
    paid = [ln.paid_amount for ln in doc.lines]
    cats = {sku: cat for sku, cat in products(store)}
    expected = co.programme.earn_for_sale(
        [EarnLine(ln.sku, cats[ln.sku], ln.paid_amount) for ln in doc.lines],
        points_paid=500,
        tier="gold",
        currency="EUR",
        when=doc.created_at,
    )
    assert doc.loyalty.points_earned == expected.points and sum(paid) == total
    assert [t.kind for t in doc.tenders] == ["points", "cash"]
    receipt = receipt_for_sale(doc, ie_config(), store_name="S", cashier="Ana")
    assert "10 % off your next visit" in receipt.lines[0].discount_text
    assert receipt.points_text.startswith(f"Points earned: {expected.points:,} (provisional)")
    assert "redeemed: 500" in receipt.points_text
    assert [t.label for t in receipt.tenders] == ["Points", "Cash"]


def test_points_pay_the_whole_sale(shop, store, approvals):
    co, *_ = member_sale(shop, store)
    co.remove_offer("WELCOME1001", actor="ana")
    for line in co.cart.lines[:2]:  # a price the points cover exactly: the manager approves each change
        ok = approvals.approve(OverrideRequest(ANA, Permission.PRICE_OVERRIDE), "9999", reason="round")
        co.override_price(line.line_id, 1000, "round", actor=ANA, override=ok.override)
    doc = co.build_sale(co.points_tender(3000))
    assert doc.total == 3000 and doc.loyalty.points_redeemed == 3000 and doc.loyalty.points_earned == 0


def test_points_need_a_member(shop, store):
    co = shop()
    co.add_sku(products(store)[0][0])
    with pytest.raises(CheckoutError, match="member"):
        co.points_tender(100)


def test_the_journal_keeps_points_and_offers_and_the_event_carries_them(shop, store):
    co, *_ = member_sale(shop, store)
    co.add_tender(co.points_tender(200))
    doc = co.build_sale(co.cash_tender(co.due + 500))
    recorded = co.journal.commit_sale(doc)
    conn = store.read_connection()
    try:
        back = journal_mod.get_sale(conn, doc.sale_uuid)
        (event,) = outbox.pending(conn)
    finally:
        conn.close()
    assert back.loyalty == recorded.loyalty == doc.loyalty and back.offers == doc.offers
    event_type, wire = to_wire(event.event_type, event.payload)
    assert wire["coupons"] == ["WELCOME1001"] and wire["member_no"] == 1001
    assert wire["points"] == {"earned": doc.loyalty.points_earned, "redeemed": 200, "programme": "main"}
    assert {"method": "points", "amount": 200, "reference": None} in wire["tenders"]
    assert type(back).from_dict(back.to_dict()) == back


def test_a_sale_without_member_writes_no_loyalty_rows(shop, store):
    co = shop()
    co.add_sku(products(store)[0][0])
    doc = co.journal.commit_sale(co.build_sale(co.cash_tender(co.total)))
    assert doc.loyalty is None and doc.offers == ()
    conn = store.read_connection()
    try:
        assert conn.execute("SELECT count(*) FROM sale_loyalty").fetchone()[0] == 0
        assert "points" not in outbox.pending(conn)[0].payload
    finally:
        conn.close()


def test_drop_a_coupon_the_ledger_refused_and_claims(shop, store):
    co, *_ = member_sale(shop, store)
    assert co.coupons_to_claim() == [("WELCOME1001", co.cart.totals.offers[0].amount)]
    co.coupon_claimed("WELCOME1001")
    assert co.coupons_to_claim() == []
    co.drop_offer("WELCOME1001")
    assert co.cart.totals.offers == () and co.claimed_coupons == set()


def test_documents_that_do_not_add_up_are_refused(shop, store):
    co, *_ = member_sale(shop, store)
    doc = co.build_sale(co.cash_tender(co.total))
    from dataclasses import replace

    offer = doc.offers[0]
    bad = [
        replace(doc, offers=(replace(offer, amount=offer.amount + 1),)),
        replace(doc, offers=(replace(offer, lines=((99, offer.amount),)),)),
        replace(
            doc, offers=(offer, SaleOffer("coupon", "X", "x", doc.discount_total, ((1, doc.discount_total),)))
        ),
        replace(doc, member_no=None),
        replace(doc, loyalty=SaleLoyalty("main", "gold", -1, 0)),
        replace(doc, loyalty=SaleLoyalty("main", "gold", 1, 100)),
        replace(doc, loyalty=None, tenders=(Tender("points", doc.total),)),
    ]
    for d in bad:
        with pytest.raises(DocumentError):
            d.check()
