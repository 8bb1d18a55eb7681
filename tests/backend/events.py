"""Builders of contract-valid event payloads for the backend and sync tests."""

from __future__ import annotations

import uuid
from typing import Any


def sale_payload(
    *,
    member_no: int | None = None,
    earned: int = 0,
    redeemed: int = 0,
    sku: str = "SKU0000001",
    qty: int = 1,
    unit_price: int = 1000,
    sale_uuid: str | None = None,
    receipt_no: str = "T1-000001",
) -> dict[str, Any]:
    paid = unit_price * qty
    tax = paid * 19 // 119
    return {
        "sale_uuid": sale_uuid or str(uuid.uuid4()),
        "receipt_no": receipt_no,
        "currency": "EUR",
        "member_no": member_no,
        "lines": [
            {
                "line_no": 1,
                "sku": sku,
                "qty": qty,
                "unit_price": unit_price,
                "discount": 0,
                "tax_code": "STD",
                "tax_amount": tax,
                "paid_amount": paid,
            }
        ],
        "tax_lines": [{"tax_code": "STD", "rate": "19", "taxable_amount": paid - tax, "tax_amount": tax}],
        "tenders": [{"method": "cash", "amount": paid}],
        "totals": {"subtotal": paid, "discount": 0, "tax": tax, "total": paid},
        "points": {"earned": earned, "redeemed": redeemed} if member_no else None,
    }


def return_payload(
    *,
    order_no: str | None = None,
    sale_uuid: str | None = None,
    line_no: int = 1,
    sku: str,
    qty: int = 1,
    refund: int = 0,
) -> dict[str, Any]:
    original = {"order_no": order_no} if order_no else {"sale_uuid": sale_uuid}
    return {
        "return_uuid": str(uuid.uuid4()),
        "receipt_no": "R1-000001",
        "currency": "EUR",
        "member_no": None,
        "original": original,
        "lines": [{"line_no": line_no, "sku": sku, "qty": qty, "refund_amount": refund}],
        "refunds": [{"method": "card", "amount": refund}],
        "total_refunded": refund,
    }


def event(event_type: str, payload: dict[str, Any], *, till_id: str = "till-1") -> dict[str, Any]:
    return {
        "event_id": str(uuid.uuid4()),
        "type": event_type,
        "occurred_at": "2026-11-23T10:00:00Z",
        "till_id": till_id,
        "payload": payload,
    }
