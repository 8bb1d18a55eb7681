"""A weighed item from an in-store scale label and from a GS1 label, through the sale, the journal, the
receipt, the sync payload and a return: the weight and the price per kilogram are never lost."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from pos.cart import compute_refund
from pos.documents import Refund, ReturnDocument, ReturnLine
from pos.errors import RefundError
from pos.gs1 import GS, EmbeddedRule, make_embedded
from pos.measure import Measure
from pos.ports import Product
from pos.receipt import render_text
from pos.sale_receipt import receipt_for_sale
from pos.scan import ItemScan, read_item
from pos.storeconfig import PRESETS
from sync.payloads import to_wire
from sync.store import journal, outbox

WEIGHT_RULE = EmbeddedRule("21", "weight", item_digits=5, value_digits=5, decimals=3)  # a store's own
GTIN = "05012345678900"
HAM = Product("12345", "Ham", "Farm", "deli", "REDUCED", 2000)  # 20.00 per kg, found by its item reference
CHEESE = Product("SKU-CHEESE", "Cheddar", "Farm", "dairy", "REDUCED", 1890, barcodes=("5012345678900",))
BREAD = Product("SKU-BREAD", "Bread", "Bakery", "bakery", "ZERO", 349, barcodes=("4006381333931",))


class Catalog:
    def lookup_barcode(self, code):
        return next((p for p in (HAM, CHEESE, BREAD) if code in p.barcodes), None)

    def get(self, sku):
        return HAM if sku == HAM.sku else None

    def search(self, text, limit=20):
        return []


def scan(text: str) -> ItemScan:
    item = read_item(text, Catalog(), currency="EUR", today=date(2026, 11, 23), rcn_rules=[WEIGHT_RULE])
    assert isinstance(item, ItemScan), item
    return item


def fmt(minor: int) -> str:
    return f"{minor // 100}.{minor % 100:02d}"


def test_a_weighed_item_through_sale_journal_receipt_payload_and_return(shop, store):
    co = shop(PRESETS["IE"].config)
    ham = co.add_scanned(scan(make_embedded(WEIGHT_RULE, "12345", 750)))  # in-store label: 750 g
    cheese = co.add_scanned(scan(f"01{GTIN}3103000512"))  # GS1: 0.512 kg
    co.add_scanned(scan("4006381333931"))
    # the cart keeps the weight and the price per kilogram; the amount is rounded once
    assert co.cart.line(ham).measure == Measure(Decimal("0.750"), "kg", 2000)
    assert co.cart.line(ham).unit_price.minor == 1500  # 0.750 x 20.00
    assert co.cart.line(cheese).measure == Measure(Decimal("0.512"), "kg", 1890)
    assert co.cart.line(cheese).unit_price.minor == 968  # 0.512 x 18.90 = 9.6768 -> 9.68
    sold = co.cart.totals.lines
    assert co.total == 1500 + 968 + 349

    doc = co.build_sale(co.cash_tender(3000))
    recorded = co.journal.commit_sale(doc)
    co.finished(recorded)
    assert [ln.measure for ln in recorded.lines] == [
        Measure(Decimal("0.750"), "kg", 2000),
        Measure(Decimal("0.512"), "kg", 1890),
        None,
    ]
    conn = store.read_connection()
    try:
        assert journal.get_sale(conn, doc.sale_uuid) == recorded
        (event,) = outbox.pending(conn)
        _, wire = to_wire(event.event_type, event.payload)
    finally:
        conn.close()
    assert wire["lines"][0]["measure"] == {"quantity": "0.750", "unit": "kg", "unit_price": 2000}
    assert wire["lines"][1]["measure"] == {"quantity": "0.512", "unit": "kg", "unit_price": 1890}
    assert "measure" not in wire["lines"][2] and wire["lines"][0]["qty"] == 1

    receipt = receipt_for_sale(recorded, co.config, store_name="OMO Dublin", cashier="Ana")
    text = render_text(receipt, format_amount=fmt)
    assert "Ham" in text and "  0.750 kg x 20.00/kg" in text and "  0.512 kg x 18.90/kg" in text
    ham_row = next(row for row in text.splitlines() if "0.750 kg" in row)
    assert ham_row.rstrip().endswith("15.00 B")  # the amount, with the reduced rate's mark
    assert "B VAT 13.5%" in text

    # part of the ham cannot come back; the whole ham can, with its weight
    with pytest.raises(RefundError, match=r"Ham was sold by weight \(0.750 kg\): it is returned whole"):
        compute_refund(sold, {ham: Decimal("0.3")})  # type: ignore[dict-item]
    refund = compute_refund(
        sold, {ham: 1}, tax_rounding=co.config.tax_rounding, method=co.config.tax_rounding_method
    )
    (back,) = refund.lines
    assert back.amount.minor == 1500 and back.measure == recorded.lines[0].measure
    ret = ReturnDocument(
        return_uuid="00000000-0000-4000-8000-0000000000aa",
        receipt_no="",
        till_id="T01",
        staff_id="ana",
        member_no=None,
        currency="EUR",
        created_at="2026-11-23T13:00:00+00:00",
        tax_total=back.tax.minor,
        total=back.amount.minor,
        lines=(
            ReturnLine(
                1,
                "12345",
                "Ham",
                1,
                1500,
                "REDUCED",
                back.tax.minor,
                doc.sale_uuid,
                1,
                measure=back.measure,
            ),
        ),
        refunds=(Refund("cash", 1500),),
        original_sale_uuid=doc.sale_uuid,
    )
    committed = co.journal.commit_return(ret)
    conn = store.read_connection()
    try:
        assert journal.get_return(conn, ret.return_uuid) == committed
        assert committed.lines[0].measure == Measure(Decimal("0.750"), "kg", 2000)
        event = next(e for e in outbox.pending(conn) if e.event_type == "return.completed")
        _, wire = to_wire(event.event_type, event.payload)
    finally:
        conn.close()
    assert wire["lines"][0]["measure"] == {"quantity": "0.750", "unit": "kg", "unit_price": 2000}
    assert ReturnDocument.from_dict(ret.to_dict()) == ret


def test_a_label_price_is_charged_as_it_is_and_kept_apart(shop):
    co = shop()
    line = co.add_scanned(scan(f"01{GTIN}3922000499"))  # GS1 price to pay: 4.99
    assert co.cart.line(line).unit_price.minor == 499 and co.cart.line(line).measure is None
    again = co.add_scanned(scan(f"01{GTIN}3922000499"))
    assert again != line  # a label-priced line is never merged
    both = co.add_scanned(scan(f"01{GTIN}3103000750{GS}3922000201"))  # weight and price: the price is paid
    assert co.cart.line(both).unit_price.minor == 201 and co.cart.line(both).measure is None
    plain = co.add_scanned(scan("4006381333931"))
    assert co.add_scanned(scan("4006381333931")) == plain  # a plain scan grows its line
    assert co.cart.line(plain).quantity == 2
