"""The loyalty programme's rules: earning per currency unit, tiers, excluded categories, points promotions,
the points tender's share per line, redemption steps, per-unit shares for returns, configuration."""

from __future__ import annotations

from datetime import UTC, datetime
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pos.errors import DomainError
from pos.loyalty import (
    DEFAULT_PROGRAMME,
    EarnLine,
    LoyaltyError,
    PointsPromotion,
    Programme,
    points_shares,
    programme,
    share_of_units,
)

DEC = datetime(2026, 12, 7, 10, tzinfo=UTC)
NOV = "2026-11-07T10:00:00Z"


def simple(**kw) -> Programme:
    return Programme(tier_multipliers={"basic": 1, "gold": "3/2"}, **kw)


def test_one_point_per_whole_unit_paid_floor_of_the_sale():
    p = simple()
    e = p.earn(
        [EarnLine("A", "Dairy", 1999), EarnLine("B", "Dairy", 250)], tier="basic", currency="EUR", when=DEC
    )
    assert e.points == 22  # 19.99 + 2.50 = 22.49
    assert sum(e.per_line) == 22 and e.per_line == (20, 2)
    assert e.promotions == ()


def test_tier_multiplier_and_unknown_tier_earns_as_basic():
    p = simple()
    lines = [EarnLine("A", "Dairy", 10_000)]
    assert p.earn(lines, tier="GOLD", currency="EUR", when=DEC).points == 150
    assert p.earn(lines, tier="diamond", currency="EUR", when=DEC).points == 100
    no_basic = Programme(tier_multipliers={"gold": 2})
    assert no_basic.earn(lines, tier="silver", currency="EUR", when=DEC).points == 100


def test_currency_exponent_counts_whole_units():
    p = simple()
    assert p.earn([EarnLine("A", "Dairy", 1234)], tier="basic", currency="JPY", when=DEC).points == 1234
    assert p.earn([EarnLine("A", "Dairy", 1234)], tier="basic", currency="KWD", when=DEC).points == 1


def test_excluded_categories_earn_nothing():
    p = simple(excluded_categories={"Books"})
    e = p.earn(
        [EarnLine("A", "Books", 5000), EarnLine("B", "Dairy", 500)], tier="basic", currency="EUR", when=DEC
    )
    assert e.points == 5 and e.per_line == (0, 5)


def test_points_promotions_by_category_or_sku_in_their_dates_highest_wins():
    double = PointsPromotion(
        "D", "Double drinks", 2, "2026-12-01T00:00:00Z", "2027-01-01T00:00:00Z", {"Beverages"}
    )
    triple = PointsPromotion(
        "T", "Triple tea", Fraction(3), datetime(2026, 12, 1), datetime(2026, 12, 31), skus={"TEA"}
    )
    p = simple(promotions=(triple, double))
    lines = [
        EarnLine("TEA", "Beverages", 1000),
        EarnLine("COLA", "Beverages", 1000),
        EarnLine("M", "Dairy", 1000),
    ]
    e = p.earn(lines, tier="basic", currency="EUR", when=DEC)
    assert e.per_line == (30, 20, 10) and e.points == 60
    assert e.promotions == ("Triple tea", "Double drinks")
    assert p.earn(lines, tier="basic", currency="EUR", when=NOV).points == 30  # before they start
    everything = PointsPromotion("E", "Everything", 2, "2026-12-01T00:00:00+00:00", "2026-12-08T00:00:00")
    assert simple(promotions=(everything,)).earn(lines, tier="basic", currency="EUR", when=DEC).points == 60


def test_the_points_tender_earns_nothing_and_is_spread_by_paid_amounts():
    p = simple()
    lines = [EarnLine("A", "Dairy", 3000), EarnLine("B", "Dairy", 1000)]
    e = p.earn_for_sale(lines, points_paid=2000, tier="basic", currency="EUR", when=DEC)
    assert e.points == 20 and e.per_line == (15, 5)
    assert p.earn_for_sale(lines, points_paid=4000, tier="basic", currency="EUR", when=DEC).points == 0
    with pytest.raises(LoyaltyError):
        p.earn_for_sale(lines, points_paid=4001, tier="basic", currency="EUR", when=DEC)
    with pytest.raises(LoyaltyError):
        p.earn_for_sale(lines, points_paid=-1, tier="basic", currency="EUR", when=DEC)
    assert p.earn_for_sale([], points_paid=0, tier="basic", currency="EUR", when=DEC).points == 0


def test_a_negative_line_is_refused_and_errors_are_domain_errors():
    with pytest.raises(LoyaltyError) as e:
        simple().earn([EarnLine("A", "Dairy", -1)], tier="basic", currency="EUR", when=DEC)
    assert isinstance(e.value, DomainError)
    with pytest.raises(LoyaltyError):
        simple().earn([], tier="basic", currency="EUR", when="not a date")


def test_redeem_in_whole_steps():
    p = DEFAULT_PROGRAMME
    assert p.value_of(550, "EUR") == 500 and p.value_of(99, "EUR") == 0
    assert p.points_for(500, "EUR") == 500 and p.points_for(0, "EUR") == 0
    assert p.value_of(2500, "JPY") == 25 and p.points_for(25, "JPY") == 2500
    for bad in (-1, 501, "5"):
        with pytest.raises(LoyaltyError):
            p.points_for(bad, "EUR")  # type: ignore[arg-type]
    for bad in (-1, 1.5):
        with pytest.raises(LoyaltyError):
            p.value_of(bad, "EUR")  # type: ignore[arg-type]
    tiny = Programme(redeem_units="1/1000")
    with pytest.raises(LoyaltyError):
        tiny.step_value("EUR")
    assert tiny.step_value("KWD") == 1


def test_redeemable_is_within_balance_and_due_in_steps():
    p = DEFAULT_PROGRAMME
    assert p.redeemable(2512, 1234, "EUR") == 1200
    assert p.redeemable(2512, 99_999, "EUR") == 2500
    assert p.redeemable(0, 1000, "EUR") == 0 and p.redeemable(500, 0, "EUR") == 0


def test_points_shares_and_share_of_units():
    assert points_shares(100, [300, 100]) == [75, 25]
    assert points_shares(0, [0, 0]) == [0, 0]
    assert points_shares(5, []) == []
    assert [share_of_units(10, 3, b, 1) for b in range(3)] == [3, 3, 4]
    for args in ((10, 3, 2, 2), (10, 0, 0, 0), (10, 3, -1, 1), (10, 3, 0, -1)):
        with pytest.raises(LoyaltyError):
            share_of_units(*args)


@given(
    paid=st.lists(st.integers(0, 10**7), min_size=1, max_size=12),
    tier=st.sampled_from(["basic", "silver", "gold", "platinum"]),
    data=st.data(),
)
def test_per_line_points_add_up_and_returns_take_back_exactly_what_was_earned(paid, tier, data):
    cats = data.draw(
        st.lists(st.sampled_from(["Dairy", "Books", "Beverages"]), min_size=len(paid), max_size=len(paid))
    )
    lines = [EarnLine(f"S{i}", c, x) for i, (c, x) in enumerate(zip(cats, paid, strict=True))]
    points_paid = data.draw(st.integers(0, sum(paid)))
    e = DEFAULT_PROGRAMME.earn_for_sale(lines, points_paid=points_paid, tier=tier, currency="EUR", when=DEC)
    assert sum(e.per_line) == e.points and all(x >= 0 for x in e.per_line)
    qty = data.draw(st.integers(1, 5))
    cut = data.draw(st.integers(0, qty))
    for total in e.per_line:
        assert share_of_units(total, qty, 0, cut) + share_of_units(total, qty, cut, qty - cut) == total


def test_programme_configuration_round_trips_and_is_checked():
    assert Programme.from_dict(DEFAULT_PROGRAMME.to_dict()) == DEFAULT_PROGRAMME
    assert programme("main") is DEFAULT_PROGRAMME
    with pytest.raises(LoyaltyError):
        programme("other")
    with pytest.raises(LoyaltyError):
        Programme.from_dict({"programme_id": "x"})
    bad = [
        {"points_per_unit": 1.5},
        {"points_per_unit": "abc"},
        {"points_per_unit": "1/0"},
        {"points_per_unit": -1},
        {"tier_multipliers": {"basic": True}},
        {"redeem_points": 0},
        {"redeem_points": 1.0},
        {"checkin_points": -5},
        {"redeem_units": 0},
    ]
    for kw in bad:
        with pytest.raises(LoyaltyError):
            Programme(**kw)
    with pytest.raises(LoyaltyError):
        PointsPromotion("X", "x", 2, "2026-12-02T00:00:00Z", "2026-12-01T00:00:00Z")
