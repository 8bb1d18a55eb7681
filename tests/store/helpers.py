"""Builders shared by the store tests (and the crash child process)."""

from __future__ import annotations

import uuid

from pos.documents import Refund, ReturnDocument, ReturnLine, SaleDocument, SaleLine, TaxLine, Tender


def make_sale(
    till_id: str = "T01",
    *,
    n_lines: int = 5,
    receipt_no: str = "",
    sale_uuid: str | None = None,
    price: int = 250,
) -> SaleDocument:
    lines = []
    for i in range(1, n_lines + 1):
        gross = price * i
        tax = gross * 10 // 110
        lines.append(
            SaleLine(
                line_no=i,
                sku=f"SKU{i:07d}",
                description=f"Product {i}",
                quantity=i,
                unit_price=price,
                discount=0,
                tax_code="STANDARD",
                tax_amount=tax,
                paid_amount=gross,
            )
        )
    total = sum(ln.paid_amount for ln in lines)
    tax_total = sum(ln.tax_amount for ln in lines)
    return SaleDocument(
        sale_uuid=sale_uuid or str(uuid.uuid4()),
        receipt_no=receipt_no,
        till_id=till_id,
        staff_id="S1",
        member_no=None,
        currency="EUR",
        created_at="2026-11-23T10:00:00.000000+00:00",
        subtotal=total,
        discount_total=0,
        tax_total=tax_total,
        total=total,
        lines=tuple(lines),
        tax_lines=(TaxLine("STANDARD", "10", total - tax_total, tax_total),),
        tenders=(Tender("card", total - 100, 0, "pi_123"), Tender("cash", 100, 0, None, rounding=-2)),
    )


def make_return(
    sale: SaleDocument, *, return_uuid: str | None = None, receipt_no: str = ""
) -> ReturnDocument:
    """One unit of the sale's first line taken back for cash, on the sale's till."""
    line = sale.lines[0]
    return ReturnDocument(
        return_uuid=return_uuid or str(uuid.uuid4()),
        receipt_no=receipt_no,
        till_id=sale.till_id,
        staff_id="S1",
        member_no=None,
        currency=sale.currency,
        created_at="2026-11-23T11:00:00+00:00",
        tax_total=line.tax_amount,
        total=line.unit_price,
        lines=(
            ReturnLine(
                1,
                line.sku,
                line.description,
                1,
                line.unit_price,
                line.tax_code,
                line.tax_amount,
                sale.sale_uuid,
                1,
            ),
        ),
        refunds=(Refund("cash", line.unit_price),),
        original_sale_uuid=sale.sale_uuid,
    )
