"""The backend accepts sales with exact tax rates (and, from tills before schema 9, basis points), and
refuses a rate it cannot keep exactly as invalid_payload: never a 5xx."""

from __future__ import annotations

import json

import pytest

from tests.backend.events import event, sale_payload
from tests.backend.test_backend import post_events


def _with_tax_line(**tax_line):
    p = sale_payload()
    p["tax_lines"] = [{"tax_code": "STD", "taxable_amount": 841, "tax_amount": 159, **tax_line}]
    return p


def _stored(backend, event_id):
    conn = backend.connect()
    try:
        (payload,) = conn.execute("SELECT payload FROM events WHERE event_id = ?", (event_id,)).fetchone()
    finally:
        conn.close()
    return json.loads(payload)


@pytest.mark.parametrize(
    "tax_line", [{"rate": "8.875"}, {"rate": "999.999999"}, {"rate": "0"}, {"rate_bp": 1900}]
)
def test_exact_rates_and_legacy_basis_points_are_applied(backend, http, tax_line):
    ev = event("sale.completed", _with_tax_line(**tax_line))
    r = post_events(http, backend.url, [ev], f"k-{ev['event_id']}")
    assert r.status_code == 200 and r.json()["results"][0]["status"] == "applied"
    assert _stored(backend, ev["event_id"])["tax_lines"][0] == ev["payload"]["tax_lines"][0]


@pytest.mark.parametrize(
    "tax_line",
    [
        {"rate": "8.8750"},  # not canonical: two texts for one rate
        {"rate": "8.8751234"},  # more decimals than any till keeps
        {"rate": "1000"},
        {"rate": "-1"},
        {"rate": "8,875"},
        {"rate": 8.875},
        {"rate": "1e1"},
        {},  # no rate at all
    ],
)
def test_a_rate_that_is_not_exact_is_rejected_not_a_server_error(backend, http, tax_line):
    ev = event("sale.completed", _with_tax_line(**tax_line))
    r = post_events(http, backend.url, [ev], f"k-{ev['event_id']}")
    assert r.status_code == 200
    (res,) = r.json()["results"]
    assert res["status"] == "rejected" and res["reason"]["code"] == "invalid_payload"


def _weighed(qty=1, **measure):
    p = sale_payload()
    p["lines"][0].update(qty=qty, measure={"quantity": "0.750", "unit": "kg", "unit_price": 1333, **measure})
    return p


def test_a_weighed_line_is_applied_with_its_measure(backend, http):
    ev = event("sale.completed", _weighed())
    r = post_events(http, backend.url, [ev], f"k-{ev['event_id']}")
    assert r.json()["results"][0]["status"] == "applied"
    assert _stored(backend, ev["event_id"])["lines"][0]["measure"] == {
        "quantity": "0.750",
        "unit": "kg",
        "unit_price": 1333,
    }


@pytest.mark.parametrize(
    "payload",
    [
        _weighed(qty=2),  # a weighed line is one item
        _weighed(quantity="0"),
        _weighed(quantity="0.000"),
        _weighed(quantity="-1"),
        _weighed(quantity="0.75kg"),
        _weighed(quantity=0.75),
        _weighed(unit="stone"),
        _weighed(unit_price=-1),
        _weighed(quantity="1.0000000000000001"),  # 16 decimals
    ],
)
def test_a_weighed_line_that_does_not_add_up_is_rejected(backend, http, payload):
    ev = event("sale.completed", payload)
    r = post_events(http, backend.url, [ev], f"k-{ev['event_id']}")
    assert r.status_code == 200
    (res,) = r.json()["results"]
    assert res["status"] == "rejected" and res["reason"]["code"] == "invalid_payload"
