"""The customer's receipt of a recorded return (or the return half of an exchange): what came back, what
was refunded and how, and the QR code of any store credit it issued.

Amounts on a return receipt are what the customer gets back (positive), under the title "RETURN"; the
original is named (receipt or order number); a store credit prints its code twice: as a QR the till
scans in any store, and as text a person can type.
"""

from __future__ import annotations

from datetime import datetime

from pos.documents import ReturnDocument
from pos.receipt import Receipt, ReceiptLine
from pos.receipt import TaxLine as ReceiptTaxLine
from pos.receipt import Tender as ReceiptTender
from pos.storeconfig import StoreConfig

CREDIT_QR_PREFIX = "OMO:CREDIT:"

REFUND_LABELS = {
    "card": "Refund to card",
    "cash": "Refund in cash",
    "points": "Points given back",
    "store_credit": "Store credit",
}


def credit_qr(code: str) -> str:
    return CREDIT_QR_PREFIX + code


def receipt_for_return(
    doc: ReturnDocument,
    config: StoreConfig,
    *,
    store_name: str,
    cashier: str,
    original_label: str = "",
    title: str = "RETURN",
) -> Receipt:
    """`original_label`: the receipt or order number the goods were bought under ("" without one)."""
    labels = {r.code: (r.label or r.code) for r in config.tax_rates}
    marks = {code: chr(ord("A") + i) for i, code in enumerate(labels)}
    lines = tuple(
        ReceiptLine(
            ln.description + ("" if ln.restock else " (damaged)"),
            ln.quantity,
            ln.refund_amount // ln.quantity if ln.quantity else ln.refund_amount,
            ln.refund_amount,
            discount_text=ln.reason,
            tax_mark=marks.get(ln.tax_code, ""),
        )
        for ln in doc.lines
    )
    by_rate: dict[str, list[int]] = {}
    for ln in doc.lines:
        acc = by_rate.setdefault(ln.tax_code, [0, 0])
        acc[0] += ln.refund_amount - ln.tax_amount
        acc[1] += ln.tax_amount
    tax_lines = tuple(
        ReceiptTaxLine(f"{marks.get(code, '')} {labels.get(code, code)}", net, tax, net + tax)
        for code, (net, tax) in sorted(by_rate.items(), key=lambda kv: marks.get(kv[0], kv[0]))
    )
    tenders = []
    codes = []
    for r in doc.refunds:
        if r.kind == "store_credit" and r.reference and r.reference.startswith("exchange:"):
            tenders.append(ReceiptTender("Exchange credit", r.amount))
            continue
        tenders.append(ReceiptTender(REFUND_LABELS.get(r.kind, r.kind.replace("_", " ").title()), r.amount))
        if r.kind == "store_credit" and r.reference:
            codes.append((credit_qr(r.reference), ("Store credit", r.reference, "Usable in any OMO store")))
    footer = []
    if original_label:
        footer.append(f"Returned from {original_label}")
    if not doc.verified:
        footer.append("Made offline: checked later by the store")
    if doc.points_taken_back:
        footer.append(f"Points taken back: {doc.points_taken_back}")
    if doc.points_given_back:
        footer.append(f"Points given back: {doc.points_given_back}")
    return Receipt(
        store_name=store_name,
        till_id=doc.till_id,
        receipt_no=doc.receipt_no,
        when=datetime.fromisoformat(doc.created_at),
        cashier=cashier,
        sale_uuid=doc.return_uuid,
        lines=lines,
        total=doc.total,
        member_no=str(doc.member_no or ""),
        tax_lines=tax_lines,
        tax_note="Refunds include VAT" if config.prices_include_tax else "",
        tenders=tuple(tenders),
        currency=doc.currency,
        footer=(*footer, "Thank you"),
        title=title,
        codes=tuple(codes),
        claim_code=False,
    )


__all__ = ["CREDIT_QR_PREFIX", "credit_qr", "receipt_for_return"]
