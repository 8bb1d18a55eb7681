"""The till's cash maths (pos/till.py): denominations, counts, the cash equation, the report, over/short,
and the card reconciliation. Field failures of other tills (E1-E9) each have a test here."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pos.money import EXPONENTS
from pos.till import (
    DENOMINATIONS,
    CardProblem,
    CashCount,
    CloseOut,
    CountError,
    LocalCard,
    ProcessorPayment,
    ProductFigure,
    RateFigure,
    SessionFigures,
    TillReport,
    build_report,
    denominations,
    expected_cash,
    reconcile_cards,
)

amounts = st.integers(min_value=0, max_value=10_000_000)


# ------------------------------------------------------------------ denominations and counts
@pytest.mark.parametrize("currency", sorted(EXPONENTS))
def test_every_currency_has_notes_and_coins_largest_first(currency):
    values = denominations(currency)
    assert values and list(values) == sorted(set(values), reverse=True)
    assert all(v > 0 for v in values)


def test_known_tables_and_the_generated_series():
    assert denominations("EUR") == DENOMINATIONS["EUR"]
    assert denominations("JPY")[-1] == 1 and 10000 in denominations("JPY")
    assert denominations("BHD")[0] == 100_000 and denominations("BHD")[-1] == 10  # 100.000 to 0.010
    assert denominations("ISK")[-1] == 1  # no decimals: the 0.5 step does not exist


@given(st.dictionaries(st.sampled_from(DENOMINATIONS["EUR"]), st.integers(0, 500)))
def test_a_count_totals_its_pieces_and_round_trips(pieces):
    count = CashCount("EUR", pieces)
    assert count.total == sum(v * n for v, n in pieces.items())
    assert CashCount.from_json("EUR", count.to_json()) == count
    assert 0 not in count.pieces.values()


@given(st.sampled_from(sorted(DENOMINATIONS)), st.integers(0, 10_000_000))
def test_of_amount_reaches_the_amount_in_the_fewest_pieces(currency, amount):
    count = CashCount.of_amount(currency, amount)
    smallest = denominations(currency)[-1]
    assert amount - smallest < count.total <= amount
    assert count.total == amount or amount % smallest


@given(st.sampled_from(sorted(DENOMINATIONS)), st.integers(0, 1_000_000))
def test_a_float_is_small_notes_and_coins(currency, amount):
    count = CashCount.float_of(currency, amount)
    unit = 10 ** EXPONENTS[currency]
    small = [v for v in denominations(currency) if v <= 20 * unit] or [denominations(currency)[-1]]
    assert set(count.pieces) <= set(small)
    assert amount - small[-1] < count.total <= amount


def test_the_demo_float_of_150_euros():
    assert CashCount.float_of("EUR", 15000).pieces == {
        2000: 3, 1000: 4, 500: 5, 200: 6, 100: 6, 50: 7, 20: 8, 10: 10, 5: 10, 2: 13, 1: 14
    }  # fmt: skip


def test_a_count_refuses_what_cannot_be_in_a_drawer():
    with pytest.raises(CountError, match="not a note or coin"):
        CashCount("EUR", {300: 1})
    with pytest.raises(CountError, match="negative"):
        CashCount("EUR", {500: -1})
    assert CashCount("EUR", {"500": "2"}).total == 1000  # counts typed as text


# ------------------------------------------------------------------ the cash equation
def figures(**kw) -> SessionFigures:
    return SessionFigures(currency="EUR", opening_float=kw.pop("opening_float", 10000), **kw)


def test_e1_change_given_is_not_cash_in():
    # a 60.00 sale paid with 100.00: the drawer gains 60.00, not 100.00
    f = figures(tenders={"cash": 6000}, cash_tendered=10000, change_given=4000)
    assert expected_cash(f) == 10000 + 6000


def test_e2_cash_refunds_are_deducted():
    f = figures(tenders={"cash": 5000}, cash_tendered=5000, refunds={"cash": 1500}, returns_count=1)
    assert expected_cash(f) == 10000 + 5000 - 1500


def test_e3_e4_a_zero_sale_session_expects_its_own_float():
    assert expected_cash(figures(opening_float=12345)) == 12345
    report = build_report(figures(opening_float=12345))
    assert report.sales_count == 0 and report.net_sales == 0 and report.expected_cash == 12345


def test_e6_a_cash_in_is_counted_and_no_difference_at_zero():
    f = figures(movements={"paid_in": 2000})
    out = CloseOut(expected_cash(f), 12000, threshold=500)
    assert out.difference == 0 and not out.needs_reason and not out.needs_approval


@given(
    opening=amounts,
    applied=amounts,
    rounding=st.integers(-2, 2),
    change=amounts,
    refunds=amounts,
    paid_in=amounts,
    paid_out=amounts,
    drops=amounts,
)
def test_the_cash_equation(opening, applied, rounding, change, refunds, paid_in, paid_out, drops):
    tendered = applied + rounding + change
    f = SessionFigures(
        "EUR",
        opening,
        tenders={"cash": applied},
        cash_tendered=tendered,
        change_given=change,
        cash_rounding=rounding,
        refunds={"cash": refunds},
        movements={"paid_in": paid_in, "paid_out": paid_out, "drop": drops},
    )
    assert expected_cash(f) == opening + tendered - change - refunds + paid_in - paid_out - drops
    assert build_report(f).expected_cash == expected_cash(f)


# ------------------------------------------------------------------ the report
def test_the_report_figures_and_their_json_round_trip():
    f = figures(
        sales_count=3,
        sales_total=9000,
        discount_total=500,
        tax_total=1000,
        tenders={"card": 4000, "cash": 4000, "points": 1000, "voucher": 0},
        cash_tendered=5000,
        change_given=1000,
        returns_count=1,
        returns_total=700,
        refunds={"card": 700},
        movements={"paid_in": 100, "paid_out": 200, "drop": 300, "no_sale": 0},
        no_sales=2,
        voids=1,
        voided_total=450,
        rates=(RateFigure("REDUCED", "13.5", 1000, 135), RateFigure("STANDARD", "23", 5000, 1150)),
        top_products=(ProductFigure("SKU1", "Tea", 3, 900),),
        by_hour=((14, 1, 3000), (9, 2, 6000)),
    )
    r = build_report(f)
    assert r.net_sales == 9000 - 700
    assert r.points_redeemed == 1000
    assert r.tenders == (("cash", 4000), ("card", 3300), ("points", 1000), ("voucher", 0))
    assert [x.label for x in r.rates] == ["STANDARD", "REDUCED"]  # highest rate first
    assert r.by_hour == ((9, 2, 6000), (14, 1, 3000))
    assert (r.paid_in, r.paid_out, r.drops, r.cash_refunds) == (100, 200, 300, 0)
    assert r.expected_cash == 10000 + 5000 - 1000 + 100 - 200 - 300
    assert TillReport.from_json(r.to_json()) == r


# ------------------------------------------------------------------ over/short
@given(expected=amounts, counted=amounts, threshold=st.integers(0, 100_000))
def test_e8_a_close_records_over_short_instead_of_demanding_the_exact_amount(expected, counted, threshold):
    out = CloseOut(expected, counted, threshold)
    assert out.difference == counted - expected
    assert out.needs_reason is (counted != expected)
    assert out.needs_approval is (abs(counted - expected) > threshold)
    assert not out.needs_approval or out.needs_reason


# ------------------------------------------------------------------ cards
def test_card_reconciliation_lists_every_mismatch():
    journal = [
        LocalCard("pi_ok", 1000),
        LocalCard("pi_split", 300),
        LocalCard("pi_split", 200),
        LocalCard("pi_short", 900),
        LocalCard("pi_gone", 400),
    ]
    stripe = [
        ProcessorPayment("pi_ok", "succeeded", 1000, 250, "visa"),
        ProcessorPayment("pi_split", "succeeded", 500, 0, "mastercard"),
        ProcessorPayment("pi_short", "succeeded", 1000, 0, "visa"),
        ProcessorPayment("pi_extra", "succeeded", 700, 0, ""),
        ProcessorPayment("pi_held", "requires_capture", 0, 0, "visa"),
        ProcessorPayment("pi_gone", "canceled", 0, 0, "visa"),
    ]
    rec = reconcile_cards(journal, stripe, unresolved=["pi_attempting"])
    assert rec.by_brand == (("card", 1, 700, 0), ("mastercard", 1, 500, 0), ("visa", 2, 2000, 250))
    assert rec.journal_total == 2800 and rec.processor_total == 3200
    assert set(rec.problems) == {
        CardProblem("unresolved", "pi_attempting", None, None),
        CardProblem("uncaptured", "pi_held", None, 0),
        CardProblem("amount_mismatch", "pi_short", 900, 1000),
        CardProblem("not_in_journal", "pi_extra", None, 700),
        CardProblem("not_captured", "pi_gone", 400, None),
    }
    assert rec.blocks_close


def test_matching_cards_have_no_problem_and_do_not_block():
    rec = reconcile_cards([LocalCard("pi_1", 500)], [ProcessorPayment("pi_1", "succeeded", 500, 0, "visa")])
    assert rec.problems == () and not rec.blocks_close
