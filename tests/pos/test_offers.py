"""Coupons and promotions on a cart: each spread over the lines it concerns, promotions before coupons,
capped at what is left, named, removable, saved with the cart, and returns refund exactly."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pos.cart import Cart, compute_refund
from pos.errors import InvalidDataError
from pos.money import Money
from pos.offers import Offer, apply_offers, from_coupon, from_promotion
from pos.storeconfig import StoreConfig
from pos.tax import TaxRate


def eur(minor: int) -> Money:
    return Money(minor, "EUR")


@pytest.fixture
def cart() -> Cart:
    config = StoreConfig(currency="EUR", locale="en_IE", tax_rates=(TaxRate("STD", Decimal(23)),))
    counter = itertools.count(1)
    return Cart(config, ids=lambda: f"L{next(counter)}")


WELCOME = Offer("WELCOME1001", "coupon", "10 % off your next visit", percent_bp=1000)
FIVER = Offer("FIVE", "coupon", "5.00 off", amount=500)
SCARF = Offer("P1", "promotion", "20 % off scarves", percent_bp=2000, skus=frozenset({"SCARF"}))
EURO = Offer("P2", "promotion", "1.00 off each sock", amount=100, skus=frozenset({"SOCK"}))


def test_promotions_apply_per_line_then_coupons_on_what_is_left(cart):
    cart.add_line("SCARF", "Scarf", eur(2000), "STD")
    cart.add_line("SOCK", "Sock", eur(150), "STD", 3)
    cart.add_line("HAT", "Hat", eur(1000), "STD")
    cart.set_offers([WELCOME, SCARF, EURO])
    t = cart.totals
    assert [(a.offer.code, a.amount) for a in t.offers] == [("P1", 400), ("P2", 300), ("WELCOME1001", 275)]
    # scarf 2000 - 400 = 1600, socks 450 - 300 = 150, hat 1000: 10 % of 2750 = 275 spread by amount
    assert t.offers[2].lines == ((0, 160), (1, 15), (2, 100))
    assert [ln.order_discount.minor for ln in t.lines] == [560, 315, 100]
    assert t.total.minor == 3450 - 975
    assert t.discount.minor == 975


def test_an_amount_coupon_is_capped_at_what_is_left_and_an_idle_offer_is_not_applied(cart):
    cart.add_line("HAT", "Hat", eur(300), "STD")
    cart.set_offers([FIVER, SCARF])
    assert cart.totals.total.minor == 0
    assert [a.offer.code for a in cart.totals.offers] == ["FIVE"]
    cart.set_offers([FIVER, WELCOME])  # nothing left for the second coupon
    assert [a.offer.code for a in cart.totals.offers] == ["FIVE"]


def test_a_promotion_amount_is_at_most_the_line(cart):
    cart.add_line("SOCK", "Sock", eur(80), "STD", 2)
    cart.set_offers([EURO])
    assert cart.totals.total.minor == 0


def test_offers_with_the_order_discount_and_line_discount(cart):
    from pos.cart import Discount

    a = cart.add_line("SCARF", "Scarf", eur(2000), "STD")
    cart.set_line_discount(a.line_id, Discount.of_amount(eur(500)))
    cart.add_line("HAT", "Hat", eur(1000), "STD")
    cart.set_offers([SCARF])
    cart.set_order_discount(Discount.of_percent("10"))
    t = cart.totals
    assert t.offers[0].amount == 300  # 20 % of 1500, after the line's own discount
    assert t.total.minor == (1200 + 1000) - 220
    assert sum(ln.line_discount.minor + ln.order_discount.minor for ln in t.lines) == t.discount.minor


def test_offers_are_saved_with_the_cart_and_checked(cart):
    cart.add_line("SCARF", "Scarf", eur(2000), "STD")
    cart.set_offers([SCARF, WELCOME])
    back = Cart.from_dict(cart.to_dict(), cart.config)
    assert back.offers == cart.offers and back.totals.total == cart.totals.total
    with pytest.raises(InvalidDataError):
        cart.set_offers([WELCOME, WELCOME])
    with pytest.raises(InvalidDataError):
        cart.set_offers(["WELCOME"])  # type: ignore[list-item]
    assert cart.offers == (SCARF, WELCOME)
    broken = cart.to_dict()
    broken["offers"] = [{"code": "X"}]
    with pytest.raises(InvalidDataError):
        Cart.from_dict(broken, cart.config)


def test_a_failing_change_keeps_the_offers(cart, monkeypatch):
    import pos.cart as cart_mod
    from pos.errors import DomainError

    cart.add_line("SCARF", "Scarf", eur(2000), "STD")
    cart.set_offers([SCARF])

    def boom(*a, **k):
        raise DomainError("no")

    monkeypatch.setattr(cart_mod, "_compute", boom)
    with pytest.raises(DomainError):
        cart.set_offers([WELCOME])
    assert cart.offers == (SCARF,)


def test_offer_validation_and_dates():
    for kw in (
        {"kind": "gift"},
        {"code": ""},
        {"percent_bp": 10, "amount": 10},
        {"percent_bp": None},
        {"percent_bp": 10_001},
        {"percent_bp": -1},
        {"percent_bp": 1.5},
    ):
        args = {"code": "C", "kind": "coupon", "name": "n", "percent_bp": 100} | kw
        with pytest.raises(InvalidDataError):
            Offer(**args)
    o = Offer("C", "coupon", "n", amount=1, starts_at="2026-12-01T00:00:00", ends_at="2026-12-31T00:00:00Z")
    assert o.in_force(datetime(2026, 12, 7, tzinfo=UTC))
    assert not o.in_force(datetime(2026, 11, 7, tzinfo=UTC))
    assert not o.in_force(datetime(2027, 1, 7, tzinfo=UTC))
    assert Offer("C", "coupon", "n", amount=1).in_force(datetime(2000, 1, 1, tzinfo=UTC))
    with pytest.raises(InvalidDataError):
        Offer("C", "coupon", "n", amount=1, ends_at="soon").in_force(datetime(2026, 1, 1, tzinfo=UTC))
    assert Offer.from_dict(o.to_dict()) == o


def test_from_the_contract():
    c = from_coupon("W", "10 %", percent_off_bp=1000, amount_off=None, expires_at="2027-12-31T23:59:59Z")
    assert c.kind == "coupon" and c.skus is None and c.ends_at == "2027-12-31T23:59:59Z"
    promo = {
        "promo_id": "P1",
        "title": "20 % off scarves",
        "kind": "percent_off",
        "value": 2000,
        "skus": ["A"],
        "starts_at": "2026-11-01T00:00:00Z",
        "ends_at": "2026-12-31T23:59:59Z",
        "members_only": True,
    }
    p = from_promotion(promo)
    assert p is not None and p.members_only and p.skus == frozenset({"A"}) and p.percent_bp == 2000
    assert from_promotion(promo | {"kind": "amount_off", "value": 50}).amount == 50
    assert from_promotion(promo | {"kind": "buy_x_get_y"}) is None


@given(
    prices=st.lists(st.integers(0, 50_000), min_size=1, max_size=8),
    data=st.data(),
)
def test_offers_never_take_more_than_the_lines_and_returns_refund_exactly(prices, data):
    config = StoreConfig(currency="EUR", locale="en_IE", tax_rates=(TaxRate("STD", Decimal(23)),))
    cart = Cart(config)
    skus = ["A", "B", "C"]
    for price in prices:
        cart.add_line(data.draw(st.sampled_from(skus)), "x", eur(price), "STD", data.draw(st.integers(1, 4)))
    offers = []
    for i in range(data.draw(st.integers(0, 4))):
        kind = data.draw(st.sampled_from(["coupon", "promotion"]))
        pct = data.draw(st.booleans())
        value = data.draw(st.integers(0, 10_000 if pct else 100_000))
        sku_set = (
            None if kind == "coupon" else frozenset(data.draw(st.lists(st.sampled_from(skus), min_size=1)))
        )
        offers.append(
            Offer(
                f"O{i}",
                kind,
                "o",
                percent_bp=value if pct else None,
                amount=None if pct else value,
                skus=sku_set,
            )
        )
    cart.set_offers(offers)
    t = cart.totals
    assert all(ln.paid.minor >= 0 for ln in t.lines)
    assert sum(a.amount for a in t.offers) == sum(ln.order_discount.minor for ln in t.lines)
    assert t.total.minor == sum(ln.quantity * ln.unit_price.minor for ln in cart.lines) - t.discount.minor
    refund = compute_refund(t.lines, {ln.line_id: ln.quantity for ln in t.lines})
    assert refund.total == t.total


def test_apply_offers_directly_on_nothing():
    assert apply_offers([WELCOME], [], [], []) == ([], ())


def test_an_order_s_line_is_paid_at_the_order_s_price_no_offer_touches_it(cart):
    from pos.fulfilment import Fulfilment

    cart.add_fulfilled("SCARF", "Scarf (ordered)", eur(2000), "STD", 1, Fulfilment("pickup", "700012"))
    cart.add_line("HAT", "Hat", eur(1000), "STD")
    cart.set_offers([WELCOME, SCARF])
    t = cart.totals
    assert [(a.offer.code, a.amount, a.lines) for a in t.offers] == [("WELCOME1001", 100, ((1, 100),))]
    assert t.lines[0].paid.minor == 2000
