"""From outbox rows to the contract's events: what the store journals becomes what the backend accepts.

The store enqueues its own documents (`SaleDocument.to_dict()`, `ReturnDocument.to_dict()`, till
sessions, cash movements); the contract (sync/openapi.yaml) names fields for the wire. `to_wire` accepts
either: a payload that already matches the contract is sent as it is; a store document is mapped. The result
is always validated against the contract here, before it leaves the till, so a payload that cannot be sent
is dead-lettered locally with a reason instead of being refused by the server batch after batch.

Event ids that are not UUIDs (e.g. `closure-<session>`) travel as a UUID5 derived from them, so a retry
sends the same id and the server's exactly-once still holds.
"""

from __future__ import annotations

import uuid
from typing import Any

from sync import contract

UNREADABLE = "_unreadable"  # sync.store.outbox.UNREADABLE: the key of a row the store could not decode
_NS = uuid.UUID("6f0d8d0e-3b7a-4f4e-9a53-6f6d6f2d706f")  # namespace of derived event ids


class NotSendable(ValueError):
    """The event cannot be expressed in the contract; the reason is kept with its dead letter."""


def wire_event_id(event_id: str) -> str:
    text = event_id.lower()
    return text if contract.is_uuid(text) else str(uuid.uuid5(_NS, event_id))


def _none_if_empty(v: Any) -> Any:
    return v if v not in ("", None) else None


def _tenders(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [
        {"method": t.get("method") or t.get("kind"), "amount": t["amount"], "reference": t.get("reference")}
        for t in items
    ]


def _points(d: dict[str, Any]) -> dict[str, Any] | None:
    pts = d.get("points")
    if not pts:
        return None
    out = {"earned": int(pts.get("earned", 0)), "redeemed": int(pts.get("redeemed", 0))}
    if pts.get("programme"):
        out["programme"] = pts["programme"]
    return out


def _measure(line: dict[str, Any]) -> dict[str, Any]:
    """A weighed line's measure (weight, unit, price per unit), on the wire only where there is one."""
    m = line.get("measure")
    if m is None:
        return {}
    return {"measure": {k: m[k] for k in ("quantity", "unit", "unit_price", "per") if m.get(k) is not None}}


def _fulfilment(line: dict[str, Any]) -> dict[str, Any]:
    """An ordered or reserved line's order (pos.fulfilment), on the wire only where there is one."""
    f = line.get("fulfilment")
    return {} if not f else {"fulfilment": {"kind": f["kind"], "order_no": f["order_no"]}}


def _sale(d: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {
        "sale_uuid": d["sale_uuid"],
        "receipt_no": d["receipt_no"],
        "currency": d["currency"],
        "member_no": d.get("member_no"),
        "staff_id": _none_if_empty(d.get("staff_id")),
        "lines": [
            {
                "line_no": ln["line_no"],
                "sku": ln["sku"],
                "name": str(ln.get("description", ln.get("name", "")))[:200],
                "qty": ln.get("quantity", ln.get("qty")),
                "unit_price": ln["unit_price"],
                "discount": ln.get("discount", 0),
                "tax_code": ln["tax_code"],
                "tax_amount": ln.get("tax_amount", 0),
                "paid_amount": ln["paid_amount"],
                **_measure(ln),
                **_fulfilment(ln),
            }
            for ln in d["lines"]
        ],
        "tax_lines": [
            {k: t[k] for k in ("tax_code", "rate", "taxable_amount", "tax_amount")}
            for t in d.get("tax_lines", ())
        ],
        "tenders": _tenders(d.get("tenders", [])),
        "totals": {
            "subtotal": d["subtotal"],
            "discount": d.get("discount_total", 0),
            "tax": d.get("tax_total", 0),
            "total": d["total"],
        },
        "points": _points(d),
    }
    if d.get("store_id"):
        out["store_id"] = d["store_id"]
    if d.get("session_id"):
        out["session_id"] = d["session_id"]
    if d.get("coupons"):
        out["coupons"] = list(d["coupons"])
    return out


def _return(d: dict[str, Any]) -> dict[str, Any]:
    original: dict[str, Any] | None = None
    if d.get("original_order_no"):
        original = {"order_no": str(d["original_order_no"])}
    elif d.get("original_sale_uuid"):
        original = {"sale_uuid": d["original_sale_uuid"]}
    lines = []
    for ln in d["lines"]:
        line: dict[str, Any] = {
            "line_no": ln.get("original_line_no") or ln["line_no"],
            "sku": ln["sku"],
            "qty": ln.get("quantity", ln.get("qty")),
            "refund_amount": ln["refund_amount"],
            "restock": bool(ln.get("restock", True)),
            **_measure(ln),
        }
        if ln.get("original_sale_uuid") and ln["original_sale_uuid"] != d.get("original_sale_uuid"):
            line["original_sale_uuid"] = ln["original_sale_uuid"]
        lines.append(line)
    out: dict[str, Any] = {
        "return_uuid": d["return_uuid"],
        "receipt_no": d["receipt_no"],
        "currency": d["currency"],
        "member_no": d.get("member_no"),
        "staff_id": _none_if_empty(d.get("staff_id")),
        "reason": _none_if_empty(d.get("reason")),
        "approved_by": _none_if_empty(d.get("approved_by")),
        "lines": lines,
        "refunds": _tenders(d.get("refunds", [])),
        "total_refunded": d["total"],
        "points": _points(d) or _return_points(d),
    }
    if original is not None:
        out["original"] = original
    if d.get("store_id"):
        out["store_id"] = d["store_id"]
    if d.get("verified") is False:
        out["verified"] = False
    return out


def _return_points(d: dict[str, Any]) -> dict[str, Any] | None:
    """A ReturnDocument's points: the contract's earned = taken back, redeemed = given back."""
    taken, given = int(d.get("points_taken_back") or 0), int(d.get("points_given_back") or 0)
    return {"earned": taken, "redeemed": given} if taken or given else None


def _closure(d: dict[str, Any]) -> dict[str, Any]:
    out = {
        k: d[k]
        for k in ("session_id", "closed_at", "currency", "expected_cash", "counted_cash", "difference")
    }
    out["staff_id"] = _none_if_empty(d.get("closed_by") or d.get("staff_id"))
    out["reason"] = _none_if_empty(d.get("reason"))
    out["approved_by"] = _none_if_empty(d.get("approved_by"))
    for k in ("opened_at", "totals_by_tender", "sales_count", "returns_count"):
        if d.get(k) is not None:
            out[k] = d[k]
    if isinstance(d.get("report"), dict):
        out["report"] = d["report"]
    return out


def _movement(d: dict[str, Any]) -> dict[str, Any]:
    out = {"movement_id": d["movement_id"], "kind": d["kind"], "amount": d["amount"]}
    for k in ("session_id", "currency", "reason", "staff_id", "approved_by", "created_at"):
        if _none_if_empty(d.get(k)) is not None:
            out[k] = d[k]
    return out


def _opened(d: dict[str, Any]) -> dict[str, Any]:
    return {
        "session_id": d["session_id"],
        "opened_at": d["opened_at"],
        "opened_by": _none_if_empty(d.get("opened_by")),
        "currency": d["currency"],
        "opening_float": d["opening_float"],
    }


_MAPPERS = {
    "sale.completed": _sale,
    "return.completed": _return,
    "till.closed": _closure,
    "cash.movement": _movement,
    "till.opened": _opened,
}
_ALIASES = {"member.checkin": "member.checked_in"}


def to_wire(event_type: str, payload: Any) -> tuple[str, dict[str, Any]]:
    """(contract event type, contract payload) for an outbox row, or NotSendable with the reason."""
    event_type = _ALIASES.get(event_type, event_type)
    schema = contract.payload_schema_for(event_type)
    if schema is None:
        raise NotSendable(f"the backend does not accept events of type {event_type!r}")
    if not isinstance(payload, dict):
        raise NotSendable("the event's payload is not an object")
    if UNREADABLE in payload:  # the store could not decode the row
        raise NotSendable(f"unreadable in the till's database ({payload[UNREADABLE]})")
    if contract.validator(schema).is_valid(payload):
        return event_type, payload
    mapper = _MAPPERS.get(event_type)
    if mapper is None:
        try:
            contract.validate(schema, payload)
        except contract.ContractViolation as exc:
            raise NotSendable(f"{event_type}: {exc.detail}") from None
    try:
        wire = mapper(payload)  # type: ignore[misc]
    except (KeyError, TypeError, ValueError) as exc:
        raise NotSendable(
            f"{event_type}: cannot map the till's document ({type(exc).__name__}: {exc})"
        ) from None
    try:
        contract.validate(schema, wire)
    except contract.ContractViolation as exc:
        raise NotSendable(f"{event_type}: {exc.detail}") from None
    return event_type, wire
