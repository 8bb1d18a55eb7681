"""A realistic receipt used by the printing tests and the screenshot."""

from __future__ import annotations

from datetime import datetime

from pos.receipt import Receipt, ReceiptLine, ReceiptMark, TaxLine, Tender

SALE_UUID = "5b0f3c2e-8a51-4c1e-9a53-6f1d2b7c9e10"


def eur(minor: int) -> str:
    """A stand-in formatter (the money module formats for real): 1234 -> '12.34', -50 -> '-0.50'."""
    sign = "-" if minor < 0 else ""
    return f"{sign}{abs(minor) // 100}.{abs(minor) % 100:02d}"


def sample_receipt(mark: ReceiptMark = ReceiptMark.NONE, **overrides) -> Receipt:
    fields = dict(
        store_name="OMO Store",
        store_address=("12 Market Street", "10115 Berlin"),
        tax_id="VAT DE123456789",
        till_id="T01",
        receipt_no="T01-000123",
        when=datetime(2026, 11, 23, 14, 5),
        cashier="Anna",
        member_no="100234",
        sale_uuid=SALE_UUID,
        lines=(
            ReceiptLine("Organic whole milk 1 L", 2, 129, 258, tax_mark="B"),
            ReceiptLine(
                "Extra long description of a cordless rechargeable kitchen hand blender with accessories",
                1,
                4999,
                4999,
                discount_text="Member -10 %",
                discount_amount=-500,
                tax_mark="A",
            ),
            ReceiptLine("Sourdough bread", 1, 349, 349, tax_mark="B"),
        ),
        subtotal=5606,
        discount_total=-500,
        total=5106,
        currency="EUR",
        tax_lines=(
            TaxLine("A 19%", 3781, 718, 4499),
            TaxLine("B 7%", 567, 40, 607),
        ),
        tax_note="Prices include VAT",
        tenders=(
            Tender("Card", 3000, card_brand="visa", card_last4="4242", auth_code="A1B2C3"),
            Tender("Cash", 2500),
        ),
        cash_rounding=-1,
        change_given=395,
        points_text="Points earned: 51 (provisional)",
        mark=mark,
    )
    fields.update(overrides)
    return Receipt(**fields)


def write_screenshot() -> None:
    """Regenerate docs/screenshots/receipt-escpos.png from the sample receipt."""
    from pathlib import Path

    from hardware.printer.escpos_encode import encode_receipt
    from hardware.printer.render import render_png

    out = Path(__file__).resolve().parents[2] / "docs" / "screenshots" / "receipt-escpos.png"
    out.parent.mkdir(parents=True, exist_ok=True)
    render_png(encode_receipt(sample_receipt(), 42, eur, open_drawer=True), out, columns=42)
    print(out)


if __name__ == "__main__":
    write_screenshot()
