"""Every rate a store can configure comes back exactly from the settings, the sale document, the journal
and the sync payload (Hypothesis over every representable rate and every measured quantity)."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from app import settings as S
from app.shop import store_config
from pos.documents import Tender
from pos.measure import GRAMS, MAX_DECIMALS, Measure, MeasureUnit
from pos.storeconfig import PRESETS
from pos.tax import PERCENT_DECIMALS, TaxRate
from sync import contract
from sync.payloads import to_wire
from sync.store import journal, outbox
from tests.store.helpers import make_sale

RATES = st.integers(0, 1000 * 10**PERCENT_DECIMALS - 1).map(lambda n: Decimal(n).scaleb(-PERCENT_DECIMALS))
QUANTITIES = st.builds(
    lambda n, e: Decimal(n).scaleb(-e), st.integers(1, 10**12), st.integers(0, MAX_DECIMALS)
).filter(lambda q: q <= 1_000_000)
SLOW = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@given(RATES)
def test_a_rate_written_in_the_settings_is_the_rate_the_till_uses(percent):
    rate = TaxRate("STANDARD", percent)
    cfg = store_config(S.load(None, environ={}, overrides=[f"store.tax_rates=STANDARD={rate.text}"]))
    assert cfg.rates["STANDARD"].percent == percent and cfg.rates["STANDARD"].text == rate.text


def test_every_presets_rates_round_trip_through_the_settings():
    for name, preset in PRESETS.items():
        text = "; ".join(f"{r.code}={r.text}:{r.label}" for r in preset.config.tax_rates)
        country = preset.country
        flags = [f"store.country={country}", f"store.tax_preset={name}", f"store.tax_rates={text}"]
        assert store_config(S.load(None, environ={}, overrides=flags)) == preset.config


MASS = [MeasureUnit(u) for u in GRAMS]
MAX_AMOUNT = 10**12  # the contract's largest amount in minor units (sync/openapi.yaml)


@SLOW
@given(RATES, QUANTITIES, st.sampled_from(MeasureUnit), st.integers(0, 10**7), st.data())
def test_rates_and_measures_come_back_exactly_from_the_journal_and_the_wire(
    store, percent, quantity, unit, unit_price, data
):
    per = data.draw(st.sampled_from([None, *MASS])) if unit in GRAMS else None
    measure = Measure(quantity, unit, unit_price, per)
    assume(measure.amount() <= MAX_AMOUNT)  # the contract refuses a line above it (issue 22)
    rate = TaxRate("STANDARD", percent)
    base = make_sale(store.till_id, n_lines=1, price=measure.amount())
    (line,) = base.lines
    sale = dataclasses.replace(
        base,
        lines=(dataclasses.replace(line, measure=measure),),
        tax_lines=(dataclasses.replace(base.tax_lines[0], rate=rate.text),),
        tenders=(Tender("cash", base.total),),
    )
    recorded = store.write_sync(lambda c: journal.commit_sale(c, sale))
    conn = store.read_connection()
    try:
        back = journal.get_sale(conn, sale.sale_uuid)
        event = next(e for e in outbox.pending(conn, limit=100_000) if e.event_id == sale.sale_uuid)
    finally:
        conn.close()
    assert back == recorded
    assert Decimal(back.tax_lines[0].rate) == percent and back.tax_lines[0].rate == rate.text
    assert back.lines[0].measure == measure and back.lines[0].measure.text() == measure.text()
    _, wire = to_wire(event.event_type, event.payload)
    contract.validate("SaleCompletedPayload", wire)
    assert wire["tax_lines"][0]["rate"] == rate.text
    assert Decimal(wire["lines"][0]["measure"]["quantity"]) == quantity
    assert wire["lines"][0]["measure"].get("per") == (None if measure.per is None else measure.per.value)
