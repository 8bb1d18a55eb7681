"""pos/returns.py: what a return refunds, split over the original's tenders, and the points it reverses —
exact to the minor unit however a purchase comes back, in parts or whole."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pos.returns import (
    Original,
    OriginalLine,
    PaidTender,
    Pick,
    RefundPart,
    ReturnError,
    apportion,
    cumulative_share,
    no_receipt_original,
    plan_return,
    refunds_for,
    reverse_points,
    split_refund,
)
from pos.tax import RoundingMethod, TaxRate

RATES = {
    "STANDARD": TaxRate("STANDARD", Decimal(23), "VAT 23%"),
    "REDUCED": TaxRate("REDUCED", Decimal("13.5")),
    "NYC": TaxRate("NYC", Decimal("8.875")),
}


def original(*, tenders=None, lines=None, earned=0, redeemed=0, kind="sale") -> Original:
    lines = lines or (
        OriginalLine(1, "SKU1", "Tee", 3, 1000, 2999, "STANDARD", 561),  # 3 tees, one unit discounted
        OriginalLine(2, "SKU2", "Tea", 2, 450, 900, "REDUCED"),  # tax unknown: from the rate
    )
    paid = sum(ln.paid_amount for ln in lines)
    tenders = tenders if tenders is not None else (PaidTender("card", paid, "pi_1"),)
    return Original(
        kind,
        "ref",
        "T01-000001",
        "EUR",
        "2026-11-23T10:00:00+00:00",
        lines,
        tenders,
        points_earned=earned,
        points_redeemed=redeemed,
    )


def again(o: Original, plan) -> Original:
    """The original as the backend shows it after the return `plan` was applied."""
    done = {ln.line_no: ln for ln in plan.lines}
    lines = tuple(
        OriginalLine(
            ln.line_no,
            ln.sku,
            ln.name,
            ln.qty,
            ln.unit_price,
            ln.paid_amount,
            ln.tax_code,
            ln.tax_amount,
            ln.returned_qty + (done[ln.line_no].qty if ln.line_no in done else 0),
            ln.refunded_amount + (done[ln.line_no].refund if ln.line_no in done else 0),
        )
        for ln in o.lines
    )
    return Original(
        o.kind,
        o.ref,
        o.label,
        o.currency,
        o.placed_at,
        lines,
        o.tenders,
        o.member_no,
        o.points_earned,
        o.points_redeemed,
    )


# ------------------------------------------------------------------------------------------ apportion
def test_apportion_gives_each_weight_its_share_and_the_whole_gives_each_its_weight():
    assert apportion([60, 20, 20], 50) == [30, 10, 10]
    assert apportion([60, 20, 20], 100) == [60, 20, 20]
    assert apportion([1, 1, 1], 1) == [1, 0, 0]  # a tie goes to the earlier
    assert apportion([1, 1, 1], 2) == [1, 1, 0]
    assert apportion([0, 5], 3) == [0, 3]
    assert apportion([], 0) == []
    assert apportion([0, 0], 0) == [0, 0]


@pytest.mark.parametrize(("weights", "house"), [([1, -1], 0), ([3], 4), ([3], -1)])
def test_apportion_refuses_what_cannot_be_shared(weights, house):
    with pytest.raises(ValueError):
        apportion(weights, house)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.integers(0, 10_000), min_size=1, max_size=6), st.data())
def test_apportion_never_gives_anyone_less_for_a_larger_house(weights, data):
    total = sum(weights)
    house = data.draw(st.integers(0, total))
    shares = apportion(weights, house)
    assert sum(shares) == house
    assert all(0 <= s <= w for s, w in zip(shares, weights, strict=True))
    if house < total:
        bigger = apportion(weights, house + 1)
        assert all(b >= s for b, s in zip(bigger, shares, strict=True))
    assert apportion(weights, total) == weights


# --------------------------------------------------------------------------------------- split, points
@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.integers(1, 50_000), min_size=1, max_size=4),
    st.lists(st.integers(1, 10), min_size=1, max_size=8),
)
def test_returns_in_any_parts_give_each_tender_back_exactly_what_it_paid(amounts, cuts):
    tenders = [PaidTender("card" if i % 2 else "cash", a, f"t{i}") for i, a in enumerate(amounts)]
    paid = sum(amounts)
    # split everything paid into returns of arbitrary sizes
    sizes, left = [], paid
    for c in cuts:
        if left == 0:
            break
        part = max(1, left * c // 10)
        sizes.append(min(part, left))
        left -= sizes[-1]
    if left:
        sizes.append(left)
    back: dict[str, int] = {}
    before = 0
    for size in sizes:
        parts, rest = split_refund(tenders, before, size)
        assert rest == 0 and sum(p.amount for p in parts) == size
        assert all(p.amount > 0 for p in parts)
        for p in parts:
            back[p.reference] = back.get(p.reference, 0) + p.amount
        before += size
    assert back == {t.reference: t.amount for t in tenders}


def test_split_refund_says_what_the_tenders_cannot_cover():
    parts, rest = split_refund([PaidTender("card", 500, "pi")], 300, 400)
    assert parts == (RefundPart("card", 200, "pi"),) and rest == 200
    assert split_refund([PaidTender("cash", 0)], 0, 100) == ((), 100)


@settings(max_examples=200, deadline=None)
@given(
    st.integers(0, 5000),
    st.integers(0, 5000),
    st.integers(1, 100_000),
    st.lists(st.integers(1, 20), min_size=1, max_size=6),
)
def test_the_points_of_a_purchase_returned_in_parts_are_reversed_exactly(earned, redeemed, paid, cuts):
    taken = given_back = before = 0
    for i, c in enumerate(cuts):
        size = paid - before if i == len(cuts) - 1 else min(paid - before, max(1, paid * c // 100))
        t, g = reverse_points(earned, redeemed, paid, before, size)
        assert t >= 0 and g >= 0
        taken, given_back, before = taken + t, given_back + g, before + size
    assert (taken, given_back) == (earned, redeemed)
    assert cumulative_share(10, 1, 0) == 0


# ------------------------------------------------------------------------------------------ plan_return
def test_a_whole_purchase_returned_refunds_exactly_what_was_paid_and_its_tax():
    o = original()
    plan = plan_return(o, [Pick(1, 3, "Wrong size"), Pick(2, 2, "", False)], RATES)
    assert plan.total == 3899 and plan.units == 5
    tea_tax = RATES["REDUCED"].tax_included(900, RoundingMethod.HALF_UP)
    assert plan.tax == 561 + tea_tax
    assert [(ln.line_no, ln.qty, ln.refund, ln.reason, ln.restock) for ln in plan.lines] == [
        (1, 3, 2999, "Wrong size", True),
        (2, 2, 900, "", False),
    ]
    assert plan.parts == (RefundPart("card", 3899, "pi_1"),)


def test_one_unit_at_a_time_refunds_add_up_to_the_line_and_a_second_return_of_it_is_refused():
    o = original()
    total = 0
    for _ in range(3):
        plan = plan_return(o, [Pick(1, 1)], RATES)
        total += plan.total
        o = again(o, plan)
    assert total == 2999 and o.line(1).returnable == 0
    with pytest.raises(ReturnError, match="Only 0 of 3"):
        plan_return(o, [Pick(1, 1)], RATES)


def test_a_purchase_paid_by_card_and_cash_is_refunded_to_both_in_proportion():
    o = original(tenders=(PaidTender("card", 2899, "pi_1"), PaidTender("cash", 1000)))
    plan = plan_return(o, [Pick(2, 2)], RATES)  # 900 of 3899
    assert sum(p.amount for p in plan.parts) == 900
    assert {p.kind: p.amount for p in plan.parts} == {"card": 669, "cash": 231}
    rest = plan_return(again(o, plan), [Pick(1, 3)], RATES)
    assert {p.kind: p.amount for p in rest.parts} == {"card": 2899 - 669, "cash": 1000 - 231}


def test_points_earned_are_taken_back_and_redeemed_points_given_back_in_proportion():
    o = original(earned=39, redeemed=10)
    plan = plan_return(o, [Pick(2, 2)], RATES)
    assert (plan.points_taken_back, plan.points_given_back) == (39 * 900 // 3899, 10 * 900 // 3899)
    rest = plan_return(again(o, plan), [Pick(1, 3)], RATES)
    assert plan.points_taken_back + rest.points_taken_back == 39
    assert plan.points_given_back + rest.points_given_back == 10


def test_points_that_paid_a_tender_come_back_with_that_tender_s_part():
    o = original(tenders=(PaidTender("card", 2899, "pi_1"), PaidTender("points", 1000)), redeemed=500)
    plan = plan_return(o, [Pick(1, 3)], RATES)
    points_part = sum(p.amount for p in plan.parts if p.kind == "points")
    assert plan.points_given_back == 500 * points_part // 1000
    rest = plan_return(again(o, plan), [Pick(2, 2)], RATES)
    assert plan.points_given_back + rest.points_given_back == 500


def test_an_original_whose_tenders_do_not_cover_it_refunds_the_rest_as_store_credit():
    o = original(tenders=(PaidTender("card", 1000, "pi_1"),))
    plan = plan_return(o, [Pick(1, 3)], RATES)
    assert plan.parts == (RefundPart("card", 1000, "pi_1"), RefundPart("store_credit", 1999))


@pytest.mark.parametrize(
    ("picks", "why"),
    [
        ([Pick(1, -1)], "negative"),
        ([Pick(1, 1), Pick(1, 1)], "picked twice"),
        ([Pick(9, 1)], "not on"),
        ([Pick(1, 0)], "at least one"),
        ([Pick(1, 4)], "Only 3 of 3"),
    ],
)
def test_a_return_that_cannot_be_made_says_why(picks, why):
    with pytest.raises(ReturnError, match=why):
        plan_return(original(), picks, RATES)


def test_a_line_whose_tax_code_the_store_does_not_know_is_refused():
    o = original(lines=(OriginalLine(1, "X", "X", 1, 100, 100, "MARS"),))
    with pytest.raises(ReturnError, match="MARS"):
        plan_return(o, [Pick(1, 1)], RATES)


def test_a_tax_exclusive_purchase_refunds_the_price_and_the_tax_paid_on_it():
    # New York: 10.00 + 8.875 % = 10.89 paid; its tax 0.89 comes back with it
    o = original(lines=(OriginalLine(1, "A", "Mug", 1, 1000, 1089, "NYC", 89),))
    plan = plan_return(o, [Pick(1, 1)], RATES)
    assert (plan.total, plan.tax) == (1089, 89)
    unknown = original(lines=(OriginalLine(1, "A", "Mug", 1, 1000, 1089, "NYC"),))
    assert plan_return(unknown, [Pick(1, 1)], RATES).tax == RATES["NYC"].tax_included(
        1089, RoundingMethod.HALF_UP
    )


# ------------------------------------------------------------------------------------------ refunds_for
def test_refund_to_the_original_payment_or_as_store_credit():
    o = original(
        tenders=(
            PaidTender("card", 2000, "pi_1"),
            PaidTender("cash", 1000),
            PaidTender("points", 899),
            PaidTender("voucher", 0),
        )
    )
    plan = plan_return(o, [Pick(1, 3), Pick(2, 2)], RATES)
    assert refunds_for(plan, "original") == (
        RefundPart("card", 2000, "pi_1"),
        RefundPart("cash", 1000),
        RefundPart("points", 899),
    )
    assert refunds_for(plan, "store_credit") == (RefundPart("store_credit", 3000), RefundPart("points", 899))
    with pytest.raises(ReturnError):
        refunds_for(plan, "bitcoin")


def test_what_cannot_go_back_to_itself_becomes_store_credit():
    o = original(tenders=(PaidTender("gift_card", 1000, "G1"), PaidTender("card", 2899, None)))
    plan = plan_return(o, [Pick(1, 3), Pick(2, 2)], RATES)
    assert refunds_for(plan, "original") == (RefundPart("store_credit", 3899),)


# ------------------------------------------------------------------------------------------ no receipt
def test_a_return_without_a_receipt_has_its_items_and_nothing_to_cap_against():
    lines = [OriginalLine(1, "A", "Mug", 1, 1000, 1000, "STANDARD", 187)]
    o = no_receipt_original("EUR", lines, "2026-11-23T10:00:00+00:00")
    assert (o.kind, o.verified, o.total_paid) == ("none", False, 1000)
    with pytest.raises(ReturnError, match="Scan"):
        no_receipt_original("EUR", [], "now")
    with pytest.raises(ReturnError, match="share"):
        no_receipt_original("EUR", lines * 2, "now")


def test_an_original_says_how_much_is_left_to_return():
    o = original()
    assert (o.returnable_units, o.total_paid, o.refunded_before) == (5, 3899, 0)
    plan = plan_return(o, [Pick(1, 2)], RATES)
    assert again(o, plan).returnable_units == 3 and again(o, plan).refunded_before == plan.total


def test_a_store_that_rounds_tax_per_document_states_the_tax_in_what_the_return_refunds():
    from pos.tax import TaxRounding

    o = original(
        lines=(
            OriginalLine(1, "A", "Bento", 1, 540, 540, "STANDARD", 101),
            OriginalLine(2, "B", "Milk", 1, 259, 259, "STANDARD", 48),
        )
    )
    per_line = plan_return(o, [Pick(1, 1), Pick(2, 1)], RATES)
    per_doc = plan_return(o, [Pick(1, 1), Pick(2, 1)], RATES, tax_rounding=TaxRounding.PER_DOCUMENT)
    assert per_line.tax == 101 + 48
    assert per_doc.tax == RATES["STANDARD"].tax_included(799, RoundingMethod.HALF_UP)
    assert per_doc.total == per_line.total == 799


def test_a_weighed_line_comes_back_whole_with_what_it_weighed():
    from pos.measure import Measure, MeasureUnit

    cheese = Measure(Decimal("0.750"), MeasureUnit.KG, 1890)
    o = original(lines=(OriginalLine(1, "CHEESE", "Comté", 1, 1418, 1418, "REDUCED", measure=cheese),))
    plan = plan_return(o, [Pick(1, 1, "Faulty")], RATES)
    assert (plan.total, plan.lines[0].measure) == (1418, cheese)
