"""pos.receipt: the model and its fixed-width layout."""

from __future__ import annotations

import pytest

from pos.receipt import (
    WIDTH_58MM,
    WIDTH_80MM,
    Align,
    QrBlock,
    Receipt,
    ReceiptLine,
    ReceiptMark,
    Row,
    Tender,
    layout,
    receipt_qr_payload,
    render_text,
)
from tests.printing.samples import SALE_UUID, eur, sample_receipt


@pytest.mark.parametrize("width", [WIDTH_80MM, WIDTH_58MM])
def test_no_line_is_wider_than_the_paper(width):
    text = render_text(sample_receipt(), width, eur)
    lines = text.splitlines()
    assert max(len(line) for line in lines if not line.startswith("OMO:RECEIPT:")) <= width
    for block in layout(sample_receipt(), width, eur):
        if isinstance(block, Row):
            assert len(block.text) <= block.columns(width)


@pytest.mark.parametrize("width", [WIDTH_80MM, WIDTH_58MM])
def test_amounts_are_right_aligned_at_the_paper_edge(width):
    lines = render_text(sample_receipt(), width, eur).splitlines()
    for label, amount in [
        ("Subtotal", "56.06"),
        ("Discounts", "-5.00"),
        ("Cash", "25.00"),
        ("Change", "3.95"),
    ]:
        (line,) = [ln for ln in lines if ln.strip() and ln.rsplit(None, 1)[0] == label]
        assert line.endswith(amount) and len(line) == width, line
    (total,) = [ln for ln in lines if ln.startswith("TOTAL")]
    assert total.endswith("EUR 51.06") and len(total) == width
    (milk_qty,) = [ln for ln in lines if ln.strip().startswith("2 x 1.29")]
    assert milk_qty.endswith("2.58 B") and len(milk_qty) == width


def test_long_description_wraps_and_keeps_its_amount():
    lines = render_text(sample_receipt(), WIDTH_58MM, eur).splitlines()
    start = next(i for i, ln in enumerate(lines) if ln.startswith("Extra long description"))
    block = lines[start : start + 4]
    joined = " ".join(ln.strip() for ln in block)
    assert "cordless rechargeable kitchen hand blender with accessories" in joined
    assert any(ln.endswith("49.99 A") for ln in block)
    assert all(len(ln) <= WIDTH_58MM for ln in block)
    # A single word longer than the paper is broken, never overflowing.
    r = sample_receipt(lines=(ReceiptLine("X" * 70, 1, "1.00", "1.00"),))
    assert all(len(ln) <= 32 for ln in render_text(r, 32, eur).splitlines() if not ln.startswith("OMO:"))
    assert "".join(ln for ln in render_text(r, 32, eur).splitlines() if ln.startswith("X")).count("X") == 70


@pytest.mark.parametrize("width", [WIDTH_80MM, WIDTH_58MM])
def test_tax_lines_per_rate(width):
    lines = render_text(sample_receipt(), width, eur).splitlines()
    header = next(ln for ln in lines if ln.startswith("Rate"))
    assert header.split() == ["Rate", "Net", "Tax", "Gross"]
    a = next(ln for ln in lines if ln.startswith("A 19%"))
    b = next(ln for ln in lines if ln.startswith("B 7%"))
    assert a.split() == ["A", "19%", "37.81", "7.18", "44.99"] and a.endswith("44.99")
    assert b.split() == ["B", "7%", "5.67", "0.40", "6.07"] and b.endswith("6.07")
    assert "Prices include VAT" in lines


def test_header_tenders_card_details_and_claim_code():
    text = render_text(sample_receipt(), 42, eur)
    for expected in [
        "OMO Store",
        "12 Market Street",
        "VAT DE123456789",
        "Receipt T01-000123",
        "Till T01",
        "2026-11-23 14:05",
        "Cashier Anna",
        "Member 100234",
        "VISA **** 4242 Auth A1B2C3",
        "Cash rounding",
        "Member -10 %",
        "Points earned: 51 (provisional)",
        f"OMO:RECEIPT:{SALE_UUID}",
        "Scan with the OMO app",
    ]:
        assert expected in text, expected
    qr = [b for b in layout(sample_receipt(), 42, eur) if isinstance(b, QrBlock)]
    assert [q.payload for q in qr] == [f"OMO:RECEIPT:{SALE_UUID}"]


@pytest.mark.parametrize(
    ("mark", "banner"),
    [
        (ReceiptMark.PAYMENT_PENDING, "*** PAYMENT PENDING ***"),
        (ReceiptMark.COPY, "*** COPY ***"),
        (ReceiptMark.REPRINT, "*** REPRINT ***"),
    ],
)
def test_marker_printed_top_and_bottom(mark, banner):
    lines = [ln.strip() for ln in render_text(sample_receipt(mark), 42, eur).splitlines()]
    assert lines[0] == banner
    assert lines.count(banner) == 2
    assert banner not in render_text(sample_receipt(), 42, eur)


def test_store_name_is_centred_double_size():
    first = layout(sample_receipt(), 42, eur)[0]
    assert first == Row("OMO Store", Align.CENTER, bold=True, double_width=True, double_height=True)


def test_int_amounts_need_a_formatter_and_strings_do_not():
    with pytest.raises(ValueError, match="format_amount"):
        render_text(sample_receipt(), 42)
    pre = sample_receipt().formatted(eur)
    assert not pre.has_unformatted_amounts()
    assert render_text(pre, 42) == render_text(sample_receipt(), 42, eur)
    # A different formatter really is used.
    assert "51,06 €" in render_text(sample_receipt(), 42, lambda m: f"{m // 100},{m % 100:02d} €")


def test_round_trip_through_plain_data():
    r = sample_receipt(ReceiptMark.COPY).formatted(eur)
    assert Receipt.from_dict(r.to_dict()) == r


def test_card_number_beyond_last_four_is_refused():
    with pytest.raises(ValueError):
        Tender("Card", "1.00", card_last4="4242424242424242")
    with pytest.raises(ValueError):
        receipt_qr_payload("")


def test_width_too_small_is_refused():
    with pytest.raises(ValueError):
        layout(sample_receipt(), 10, eur)


@pytest.mark.parametrize("n", [22, 23, 24, 25, 60])
def test_amount_as_wide_as_the_paper_is_never_cut(n):
    from pos.receipt import _lr

    rows = _lr("Total", "9" * n, 24)
    assert all(len(r) <= 24 for r in rows)
    assert "".join(r.strip() for r in rows).count("9") == n


def test_a_weighed_line_prints_its_weight_and_price_per_kilogram():
    from pos.documents import SaleDocument, SaleLine, TaxLine, Tender
    from pos.measure import Measure
    from pos.receipt import render_text
    from pos.sale_receipt import receipt_for_sale
    from pos.storeconfig import PRESETS

    ham = Measure.of_grams(750, 2000)
    doc = SaleDocument(
        "00000000-0000-4000-8000-000000000001",
        "T01-000042",
        "T01",
        "ana",
        1001,
        "EUR",
        "2026-11-23T12:00:00+00:00",
        subtotal=1849,
        discount_total=150,
        tax_total=162,
        total=1699,
        lines=(
            SaleLine(1, "SKU-HAM", "Ham", 1, 1500, 150, "REDUCED", 161, 1350, measure=ham),
            SaleLine(2, "SKU-BREAD", "Bread", 1, 349, 0, "ZERO", 0, 349),
        ),
        tax_lines=(TaxLine("REDUCED", "13.5", 1189, 161), TaxLine("ZERO", "0", 349, 0)),
        tenders=(Tender("card", 1000, reference="pi_1"), Tender("cash", 699, change_given=300, rounding=1)),
    )
    receipt = receipt_for_sale(doc, PRESETS["IE"].config, store_name="OMO", cashier="Ana")
    text = render_text(receipt, width=42, format_amount=eur)
    rows = text.splitlines()
    i = rows.index("Ham")
    assert rows[i + 1] == "  0.750 kg x 20.00/kg              13.50 B"
    assert rows[i + 2] == "  Discount                           -1.50"
    assert "Bread                               3.49 D" in rows  # ZERO is the fourth rate of the IE table
    assert (
        "Card                                 10.00" in rows
        and "Cash                                 10.00" in rows
    )
    assert "Prices include VAT" in rows and "Member 1001" in text
    # the print queue keeps receipts as JSON: the weighed line survives it
    from pos.receipt import Receipt

    again = Receipt.from_dict(receipt.to_dict())
    assert again == receipt and again.lines[0].per == "kg" and again.lines[0].qty == "0.750 kg"


def test_an_order_s_day_prints_as_the_receipt_writes_dates():
    """An order paid with the sale: its delivery or collection day in the store's date order, like the
    sale's own date and time above it; a day that is not one prints as it came."""
    from dataclasses import replace

    from pos.receipt import OrderSlip, ReceiptLabels, print_day

    italian = replace(ReceiptLabels(), date_format="%d/%m/%Y %H:%M")
    orders = (
        OrderSlip("500123", "delivery", "Warehouse", "2026-12-10", "s3cret"),
        OrderSlip("500124", "pickup", "OMO Milano", "2026-12-09", "s3cret"),
    )
    text = render_text(sample_receipt(orders=orders, labels=italian), WIDTH_80MM, eur)
    assert "Home delivery by 10/12/2026 from Warehouse" in text
    assert "Collect here from 09/12/2026 (from OMO" in text  # the paper wraps the rest
    assert "2026-12-10" not in text and "23/11/2026 14:05" in text
    assert print_day("2026-12-10", "%Y/%m/%d %H:%M") == "2026/12/10"
    assert print_day("soon", "%d/%m/%Y %H:%M") == "soon"
