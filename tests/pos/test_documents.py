"""Finalised documents check themselves before anything is written."""

from __future__ import annotations

import pytest

from pos.documents import DocumentError, SaleDocument, SaleLine, TaxLine, Tender


def _sale(*tax_lines: TaxLine) -> SaleDocument:
    return SaleDocument(
        sale_uuid="00000000-0000-4000-8000-000000000001",
        receipt_no="",
        till_id="T01",
        staff_id="ana",
        member_no=None,
        currency="USD",
        created_at="2026-11-23T17:30:00+00:00",
        subtotal=2346,
        discount_total=0,
        tax_total=208,
        total=2554,
        lines=(SaleLine(1, "SKU-1", "Umbrella", 1, 2346, 0, "STANDARD", 208, 2554),),
        tax_lines=tax_lines,
        tenders=(Tender("cash", 2554),),
    )


def test_a_rate_is_kept_as_exact_canonical_text():
    doc = _sale(TaxLine("STANDARD", "8.875", 2346, 208))
    doc.check()
    assert doc.to_dict()["tax_lines"] == [
        {"tax_code": "STANDARD", "rate": "8.875", "taxable_amount": 2346, "tax_amount": 208}
    ]
    assert SaleDocument.from_dict(doc.to_dict()) == doc


@pytest.mark.parametrize("rate", ["8.8750", "8.8751234", "1e1", "", 887, None, "eight"])
def test_a_rate_that_is_not_exact_canonical_text_is_refused(rate):
    with pytest.raises(DocumentError, match="not a percent written exactly"):
        _sale(TaxLine("STANDARD", rate, 2346, 208)).check()  # type: ignore[arg-type]
