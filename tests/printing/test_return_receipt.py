"""The receipt of a return: what came back, the refunds, and a store credit's QR and code."""

from __future__ import annotations

from decimal import Decimal

from pos.documents import Refund, ReturnDocument, ReturnLine
from pos.receipt import QrBlock, Receipt, layout, render_text
from pos.return_receipt import credit_qr, receipt_for_return
from pos.storeconfig import StoreConfig
from pos.tax import TaxRate

CONFIG = StoreConfig(
    currency="EUR",
    locale="en_IE",
    tax_rates=(TaxRate("STANDARD", Decimal(23), "VAT 23%"), TaxRate("REDUCED", Decimal("13.5"))),
)


def doc(**kw) -> ReturnDocument:
    base = dict(
        return_uuid="5f0c7a8e-1111-4222-8333-444455556666",
        receipt_no="T01-000042",
        till_id="T01",
        staff_id="S002",
        member_no=1001,
        currency="EUR",
        created_at="2026-11-23T10:00:00+00:00",
        tax_total=187,
        total=2500,
        lines=(
            ReturnLine(1, "A", "Linen shirt", 1, 1000, "STANDARD", 187, reason="Wrong size"),
            ReturnLine(2, "B", "Tea", 2, 1500, "REDUCED", 0, restock=False),
        ),
        refunds=(Refund("card", 1000, "re_1"), Refund("store_credit", 1500, "SC-ABCD-EFGH-IJKL-MNOP")),
        original_order_no="600001",
        points_taken_back=25,
        points_given_back=5,
    )
    base.update(kw)
    return ReturnDocument(**base)


def fmt(minor: int) -> str:
    return f"{minor / 100:.2f}"


def test_a_return_receipt_names_the_original_and_prints_the_store_credit_as_a_qr_code():
    r = receipt_for_return(doc(), CONFIG, store_name="OMO Dublin", cashier="Ben", original_label="600001")
    out = render_text(r, 42, fmt)
    assert "RETURN" in out and "Returned from 600001" in out
    assert "Refund to card" in out and "Store credit" in out and "SC-ABCD-EFGH-IJKL-MNOP" in out
    assert "Tea (damaged)" in out and "Wrong size" in out
    assert "Points taken back: 25" in out and "Points given back: 5" in out
    qrs = [b.payload for b in layout(r, 42, fmt) if isinstance(b, QrBlock)]
    assert qrs == [credit_qr("SC-ABCD-EFGH-IJKL-MNOP")]  # no claim code on a return
    assert Receipt.from_dict(r.to_dict()) == r


def test_an_exchange_s_credit_and_an_unverified_return_say_so():
    d = doc(
        refunds=(Refund("store_credit", 2500, "exchange:2b9d"),),
        verified=False,
        points_taken_back=0,
        points_given_back=0,
    )
    r = receipt_for_return(d, CONFIG, store_name="OMO", cashier="Ben", title="EXCHANGE")
    out = render_text(r, 42, fmt)
    assert "EXCHANGE" in out and "Exchange credit" in out and "checked later" in out
    assert "Points" not in out and "Returned from" not in out
    assert not [b for b in layout(r, 42, fmt) if isinstance(b, QrBlock)]
