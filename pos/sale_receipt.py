"""The customer receipt of a recorded sale: `SaleDocument` + the store's settings -> `Receipt`.

The receipt says what the journal recorded, nothing else: lines with their discounts (each coupon or
promotion by its name; a weighed line with its weight and price per unit, ``0.750 kg x 18.90/kg``; with
tax-exclusive prices each line before tax), the tax breakdown with the store's tax labels (each rate marked
A, B, C in the order the store lists them), tenders as the customer handed them over (cash given, not cash
kept), cash rounding and change, a member's points (the points earned are provisional: the backend credits
them); the orders paid with the sale (endless aisle) and reservations collected, each with its number and QR.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from pos.documents import SaleDocument
from pos.receipt import OrderSlip, Receipt, ReceiptLabels, ReceiptLine
from pos.receipt import TaxLine as ReceiptTaxLine
from pos.receipt import Tender as ReceiptTender
from pos.storeconfig import StoreConfig

TENDER_LABELS = {"cash": "Cash", "card": "Card", "points": "Points"}
# The printed words besides the labels, in English; the application passes them in the store's language.
WORDS = {
    **TENDER_LABELS,
    "tax_included": "Prices include VAT",
    "thanks": "Thank you for shopping with us",
    "points_earned": "Points earned: {} (provisional)",
    "points_redeemed": "redeemed: {}",
}


def tender_label(kind: str, words: Mapping[str, str] = TENDER_LABELS) -> str:
    return words.get(kind, TENDER_LABELS.get(kind, kind.replace("_", " ").title()))


def receipt_for_sale(
    doc: SaleDocument,
    config: StoreConfig,
    *,
    store_name: str,
    cashier: str,
    labels: ReceiptLabels | Mapping[str, object] | None = None,
    words: Mapping[str, str] | None = None,
) -> Receipt:
    """`cashier` is the name of the person who rang the sale (not their id). `labels` and `words` (keys
    of `WORDS`) are the printed words in the store's language; English without them."""
    w = {**WORDS, **(words or {})}
    printed = labels or ReceiptLabels()
    discount = printed["discount"] if isinstance(printed, Mapping) else printed.discount
    labels = {r.code: (r.label or r.code) for r in config.tax_rates}
    marks = {code: chr(ord("A") + i) for i, code in enumerate(labels)}
    lines = tuple(
        ReceiptLine(
            ln.description,
            ln.quantity if ln.measure is None else ln.measure.text(),
            ln.unit_price if ln.measure is None else ln.measure.unit_price,
            ln.paid_amount if config.prices_include_tax else ln.paid_amount - ln.tax_amount,  # US: before tax
            discount_text=_discount_text(doc, ln.line_no, ln.discount, str(discount)),
            discount_amount=-ln.discount if ln.discount else None,
            tax_mark=marks.get(ln.tax_code, ""),
            per="" if ln.measure is None else ln.measure.price_symbol,
            order_no="" if ln.fulfilment is None else ln.fulfilment.order_no,
        )
        for ln in doc.lines
    )
    orders: dict[str, OrderSlip] = {}
    for ln in doc.lines:
        f = ln.fulfilment
        if f is not None and f.order_no not in orders:
            orders[f.order_no] = OrderSlip(f.order_no, f.kind, f.source, f.ready_on, f.qr_secret)
    tax_lines = tuple(
        ReceiptTaxLine(
            f"{marks.get(t.tax_code, '')} {labels.get(t.tax_code, t.tax_code)}",
            t.taxable_amount,
            t.tax_amount,
            t.taxable_amount + t.tax_amount,
        )
        for t in doc.tax_lines
    )
    tenders = tuple(
        ReceiptTender(
            tender_label(t.kind, w),
            t.amount + t.rounding + t.change_given if t.kind == "cash" else t.amount,
        )
        for t in doc.tenders
    )
    change = sum(t.change_given for t in doc.tenders)
    rounding = sum(t.rounding for t in doc.tenders)
    return Receipt(
        store_name=store_name,
        till_id=doc.till_id,
        receipt_no=doc.receipt_no,
        when=datetime.fromisoformat(doc.created_at),
        cashier=cashier,
        sale_uuid=doc.sale_uuid,
        lines=lines,
        total=doc.total,
        member_no=str(doc.member_no or ""),
        subtotal=doc.subtotal,
        discount_total=doc.discount_total or None,
        tax_lines=tax_lines,
        tax_note=w["tax_included"] if config.prices_include_tax else "",
        tenders=tenders,
        cash_rounding=rounding or None,
        change_given=change or None,
        currency=doc.currency,
        points_text=_points_text(doc, w),
        orders=tuple(orders.values()),
        footer=(w["thanks"],),
        labels=printed,  # type: ignore[arg-type] - Receipt turns a mapping into ReceiptLabels
    )


def _discount_text(doc: SaleDocument, line_no: int, discount: int, word: str = "Discount") -> str:
    """The names of the coupons and promotions on a line ("Discount" for the rest of its discount)."""
    if not discount:
        return ""
    names, offered = [], 0
    for o in doc.offers:
        for no, amount in o.lines:
            if no == line_no:
                names.append(o.name)
                offered += amount
    if discount > offered:
        names.append(word)
    return " + ".join(names)


def _points_text(doc: SaleDocument, words: Mapping[str, str]) -> str:
    lo = doc.loyalty
    if lo is None:
        return ""
    text = words["points_earned"].format(f"{lo.points_earned:,}")
    if lo.points_redeemed:
        text += " · " + words["points_redeemed"].format(f"{lo.points_redeemed:,}")
    return text


__all__ = ["receipt_for_sale", "tender_label"]
