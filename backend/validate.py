"""What the backend checks before it believes a till: the push's validation layer, pure (no database).

A till's device token proves which till sent a request, not that the till tells the truth: a stolen or
tampered till can send anything the contract's shapes allow. So, before any lock is taken:

- the body: at most MAX_BODY_BYTES (the HTTP layer refuses more with 413 before reading it), JSON nested
  at most MAX_DEPTH deep, then the contract's EventBatch (at most 1000 events);
- each event: its payload's contract schema (line, tender and tax-line counts bounded, every number
  within the contract's maxima), no number beyond 64 bits, and the figures the backend can check
  without its database (`figures_problem`): an ISO 4217 currency; a sale's lines add up to its total,
  its tenders pay exactly that, its tax lines add up to its tax, nothing is negative; a return refunds
  exactly its lines, in tenders that add up; a return without an original names the manager who
  approved it and gives back no redeemed points; points earned are no more than the programme awards.

What needs the database (the store's limit for a return without an original, what the original paid and
redeemed, which store the device belongs to) is checked while the event is applied (backend/db.py). A
problem is a `Problem(code, message)`: the event is answered `rejected` with it, the rest of the batch
goes on.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any, NamedTuple

from pos.money import EXPONENTS
from sync import contract

MAX_BODY_BYTES = 4 * 2**20  # a batch of 1000 sales of 5 lines is ~1.5 MiB
MAX_DEPTH = 12  # the contract's deepest shape (events/payload/lines/line) is 5 below the body
INT64 = range(-(2**63), 2**63)


class Problem(NamedTuple):
    code: str
    message: str


# --------------------------------------------------------------------------------------- the body


def depth_exceeds(value: Any, limit: int = MAX_DEPTH) -> bool:
    """Whether `value` nests lists and objects more than `limit` deep (iterative: no recursion)."""
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            children = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        if depth > limit:
            return True
        stack.extend((c, depth + 1) for c in children if isinstance(c, dict | list))
    return False


def parse_batch(raw: bytes) -> tuple[dict[str, Any] | None, str | None]:
    """The batch and None, or None and why the body is not an EventBatch this backend accepts."""
    try:
        batch = json.loads(raw)
    except RecursionError:
        return None, "EventBatch: the body nests too deep"
    except (ValueError, UnicodeDecodeError):
        return None, str(contract.ContractViolation("EventBatch", "the body is not JSON"))
    if depth_exceeds(batch):
        return None, f"EventBatch: the body nests more than {MAX_DEPTH} levels deep"
    try:
        contract.validate("EventBatch", batch)
    except contract.ContractViolation as exc:
        return None, str(exc)
    return batch, None


# ------------------------------------------------------------------------------------- each event


def out_of_range(value: Any) -> bool:
    """Whether a number anywhere in the payload is beyond a signed 64-bit integer (the databases' limit;
    member_no is u64 in the contract). Iterative."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, bool):
            continue
        if isinstance(item, int):
            if item not in INT64:
                return True
        elif isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return False


WIDE_NUMBER = re.compile(rb"\d{19}")
OUT_OF_RANGE = "a number is out of range"


def payload_problem(ev: dict[str, Any], *, wide: bool = True) -> Problem | None:
    """Why this event may not be applied as sent, or None. Pure: run it before the transaction.
    `wide=False`: the caller knows no number in it has 19 digits or more (see WIDE_NUMBER)."""
    schema = contract.payload_schema_for(ev["type"])
    assert schema is not None  # the batch schema restricts the type
    try:
        contract.validate(schema, ev["payload"])
    except contract.ContractViolation as exc:
        return Problem("invalid_payload", exc.detail)
    if wide and out_of_range(ev["payload"]):
        return Problem("invalid_payload", OUT_OF_RANGE)
    return figures_problem(ev["type"], ev["payload"])


def figures_problem(event_type: str, p: dict[str, Any]) -> Problem | None:
    """What does not add up in a contract-valid payload, or None."""
    check = _FIGURES.get(event_type)
    return None if check is None else check(p)


def _currency(p: dict[str, Any]) -> Problem | None:
    code = p.get("currency")
    if code is not None and code not in EXPONENTS:
        return Problem("unknown_currency", f"{code} is not an ISO 4217 currency")
    return None


def _sale(p: dict[str, Any]) -> Problem | None:
    if (bad := _currency(p)) is not None:
        return bad
    t = p["totals"]
    for name in ("subtotal", "discount", "tax", "total"):
        if t[name] < 0:
            return Problem("totals_mismatch", f"the sale's {name} is negative")
    lines = sum(ln["paid_amount"] for ln in p["lines"])
    if lines != t["total"]:
        return Problem("totals_mismatch", f"the lines add up to {lines}, the total says {t['total']}")
    net = t["subtotal"] - t["discount"]
    if t["total"] not in (net, net + t["tax"]):  # tax-inclusive or tax-exclusive prices
        return Problem("totals_mismatch", "the total is neither subtotal - discount nor that plus tax")
    if p["tax_lines"] and sum(x["tax_amount"] for x in p["tax_lines"]) != t["tax"]:
        return Problem("totals_mismatch", "the tax lines do not add up to the tax")
    paid = sum(x["amount"] for x in p["tenders"])
    if paid != t["total"] or any(x["amount"] < 0 for x in p["tenders"]):
        return Problem("totals_mismatch", f"the tenders pay {paid}, the total is {t['total']}")
    pts = p.get("points")
    if pts and pts["earned"] > (most := points_earnable(p)):
        return Problem(
            "points_mismatch", f"{pts['earned']} points claimed; the programme awards at most {most} here"
        )
    return None


def _return(p: dict[str, Any]) -> Problem | None:
    if (bad := _currency(p)) is not None:
        return bad
    lines = sum(ln["refund_amount"] for ln in p["lines"])
    refunds = sum(x["amount"] for x in p["refunds"])
    if any(x["amount"] < 0 for x in p["refunds"]):
        return Problem("totals_mismatch", "a refund is negative")
    if not lines == refunds == p["total_refunded"]:
        return Problem(
            "totals_mismatch",
            f"the lines refund {lines}, the tenders {refunds}, the total says {p['total_refunded']}",
        )
    if has_original(p):
        return None
    if not (p.get("approved_by") or "").strip():
        return Problem("approval_required", "a return without a receipt or order needs a manager's approval")
    pts = p.get("points")
    if pts and pts["redeemed"]:
        return Problem("exceeds_redeemed", "a return without an original gives back no redeemed points")
    return None


_FIGURES: dict[str, Callable[[dict[str, Any]], Problem | None]] = {
    "sale.completed": _sale,
    "return.completed": _return,
    "till.opened": _currency,
    "till.closed": _currency,
    "cash.movement": _currency,
}


def has_original(p: dict[str, Any]) -> bool:
    """Whether a return names what it returns (an order or a sale) for every line."""
    return bool(p.get("original")) or all(ln.get("original_sale_uuid") for ln in p["lines"])


# ----------------------------------------------------------------------------------------- points


def points_earnable(sale: dict[str, Any]) -> int:
    """HOOK (loyalty rules): the most points the programme awards for this sale.

    Until the programme's rules are here (pos/loyalty.py, issue "Members"), the backend holds a till to a
    bound no programme exceeds: one point per minor unit paid in money (points, store credit and vouchers
    earn nothing). Replace the body with the rules' own figure, and the check becomes "exactly this"."""
    earning = {"card", "cash", "gift_card"}
    return sum(t["amount"] for t in sale["tenders"] if t["method"] in earning and t["amount"] > 0)


__all__ = [
    "MAX_BODY_BYTES",
    "MAX_DEPTH",
    "OUT_OF_RANGE",
    "WIDE_NUMBER",
    "Problem",
    "depth_exceeds",
    "figures_problem",
    "has_original",
    "out_of_range",
    "parse_batch",
    "payload_problem",
    "points_earnable",
]
