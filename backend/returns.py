"""Returns, pickups and store credit at the backend: what must be decided in one place for every store.

- Claims (`POST /v1/returns/claims`): before a till refunds anything it holds what the return takes back.
  The original's lines are locked (`SELECT ... FOR UPDATE`; on SQLite the write transaction holds the
  lock) and their `returned_qty` / `refunded_amount` raised under the caps, so two tills returning the
  last unit at once: one holds it, the other is told it is gone. The `return.completed` event with the
  same `return_uuid` takes the claim's counts off again and counts its own lines (`undo_claim`), so the
  event stays the record and a claim never counts twice.
- Store credit: a return whose refund has method `store_credit` and a credit code as its reference
  issues that credit (`issue_credits`); a redemption (`redeem`) locks the credit's row and spends at
  most its balance, keyed by the till's `redemption_id`, so each amount is spent once, in any store.
- Pickups: the list per store (`pickups`), the customer check (`check_customer`, the till never sees what
  it checks against), and hand-overs in parts (`hand_over`, from the `pickup.handed_over` event).

Every function runs in the caller's transaction (backend.store.Store.write / read_connection) and raises
`Refused(status, code, message)` for an answer that is not a success; nothing here answers HTTP itself.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
import time
import unicodedata
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection

from backend.schema import (
    credit_redemptions,
    order_lines,
    orders,
    return_claims,
    returns,
    sale_lines,
    sales,
    stock,
    store_credits,
    stores,
)

CREDIT_CODE = re.compile(r"SC-[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}")
EXCHANGE_PREFIX = "exchange:"  # a refund (or tender) that is the other half of an exchange, not a credit
PICKUP_LIMIT = 500

_dumps = json.JSONEncoder(separators=(",", ":"), sort_keys=True).encode


class Refused(Exception):
    """Not done: `status` (404, 409) and a machine code, with a sentence for the till."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message


def now_iso() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _insert(conn: Connection) -> Any:
    return postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert


# ------------------------------------------------------------------------------------------- originals
def original_of(original: dict[str, Any]) -> tuple[str, str, sa.Table, sa.Table, str]:
    """(kind, ref, header table, lines table, key column) of a contract `original`."""
    if "order_no" in original:
        return "order", str(original["order_no"]), orders, order_lines, "order_no"
    return "sale", str(original["sale_uuid"]).lower(), sales, sale_lines, "sale_uuid"


def _lock_line(conn: Connection, lines: sa.Table, key: str, ref: str, line_no: int) -> Any:
    return conn.execute(
        sa.select(
            lines.c.sku, lines.c.qty, lines.c.returned_qty, lines.c.paid_amount, lines.c.refunded_amount
        )
        .where(lines.c[key] == ref, lines.c.line_no == line_no)
        .with_for_update()
    ).first()


def _count(
    conn: Connection, lines: sa.Table, key: str, ref: str, line_no: int, qty: int, amount: int
) -> None:
    conn.execute(
        sa.update(lines)
        .where(lines.c[key] == ref, lines.c.line_no == line_no)
        .values(
            returned_qty=lines.c.returned_qty + qty,
            refunded_amount=lines.c.refunded_amount + amount,
        )
    )


# ------------------------------------------------------------------------------------------------ claims
def claim(conn: Connection, till_id: str, body: dict[str, Any]) -> dict[str, Any]:
    """Hold the lines of a return that is about to be refunded (see the module's docstring)."""
    return_uuid = body["return_uuid"].lower()
    kind, ref, head, lines, key = original_of(body["original"])
    wanted = sorted(
        (
            {
                "line_no": ln["line_no"],
                "sku": ln["sku"],
                "qty": ln["qty"],
                "refund_amount": ln["refund_amount"],
            }
            for ln in body["lines"]
        ),
        key=lambda ln: ln["line_no"],
    )
    if len({ln["line_no"] for ln in wanted}) != len(wanted):
        raise Refused(409, "claim_conflict", "two lines of the claim name the same line of the original")
    inserted = conn.execute(
        _insert(conn)(return_claims)
        .values(
            return_uuid=return_uuid,
            till_id=till_id,
            original_kind=kind,
            original_ref=ref,
            lines=_dumps(wanted),
            state="claimed",
            created_at=time.time(),
        )
        .on_conflict_do_nothing(index_elements=["return_uuid"])
        .returning(return_claims.c.return_uuid)
    ).first()
    if inserted is None:  # claimed before (a retry), or by another request that has now committed
        row = conn.execute(
            sa.select(return_claims.c.state, return_claims.c.lines, return_claims.c.original_ref)
            .where(return_claims.c.return_uuid == return_uuid)
            .with_for_update()
        ).one()
        if row[0] == "released":
            raise Refused(409, "claim_released", "this return was given up; start it again")
        if json.loads(row[1]) != wanted or row[2] != ref:
            raise Refused(409, "claim_conflict", "this return was claimed with other lines")
        return {"return_uuid": return_uuid, "status": row[0]}
    if conn.execute(sa.select(returns.c.return_uuid).where(returns.c.return_uuid == return_uuid)).first():
        conn.execute(
            sa.update(return_claims)
            .where(return_claims.c.return_uuid == return_uuid)
            .values(state="completed")
        )
        return {"return_uuid": return_uuid, "status": "completed"}
    currency = conn.execute(sa.select(head.c.currency).where(head.c[key] == ref)).scalar()
    if currency is None:
        what = "order" if kind == "order" else "sale (it may not have reached the backend from its till yet)"
        raise Refused(404, "not_found", f"no such {what}")
    if currency != body["currency"]:
        raise Refused(409, "currency_mismatch", "the return is not in the currency of the original")
    for ln in wanted:
        row = _lock_line(conn, lines, key, ref, ln["line_no"])
        if row is None or row[0] != ln["sku"]:
            raise Refused(404, "not_found", f"line {ln['line_no']} ({ln['sku']}) is not on the original")
        _sku, qty, returned, paid, refunded = row
        if returned + ln["qty"] > qty:
            raise Refused(
                409,
                "exceeds_returnable",
                f"line {ln['line_no']}: {qty - returned} left to return, {ln['qty']} asked",
            )
        if refunded + ln["refund_amount"] > paid:
            raise Refused(
                409, "exceeds_refundable", f"line {ln['line_no']}: the refund exceeds what was paid"
            )
        _count(conn, lines, key, ref, ln["line_no"], ln["qty"], ln["refund_amount"])
    return {"return_uuid": return_uuid, "status": "claimed"}


def release_claim(conn: Connection, return_uuid: str) -> dict[str, Any]:
    """Give a held return up: its lines are returnable again."""
    return_uuid = return_uuid.lower()
    row = conn.execute(
        sa.select(return_claims.c.state, return_claims.c.original_kind, return_claims.c.original_ref)
        .add_columns(return_claims.c.lines)
        .where(return_claims.c.return_uuid == return_uuid)
        .with_for_update()
    ).first()
    if row is None:
        raise Refused(404, "not_found", "no such claimed return")
    state, kind, ref, lines_json = row
    if state == "completed":
        raise Refused(409, "claim_completed", "this return was completed; it cannot be given up")
    if state == "claimed":
        _uncount(conn, kind, ref, json.loads(lines_json))
        conn.execute(
            sa.update(return_claims)
            .where(return_claims.c.return_uuid == return_uuid)
            .values(state="released")
        )
    return {"return_uuid": return_uuid, "status": "released"}


def _uncount(conn: Connection, kind: str, ref: str, lines_held: list[dict[str, Any]]) -> None:
    _k, _r, _head, lines, key = original_of({"order_no": ref} if kind == "order" else {"sale_uuid": ref})
    for ln in sorted(lines_held, key=lambda x: x["line_no"]):
        if _lock_line(conn, lines, key, ref, ln["line_no"]) is not None:
            _count(conn, lines, key, ref, ln["line_no"], -ln["qty"], -ln["refund_amount"])


def undo_claim(conn: Connection, return_uuid: str) -> None:
    """The return's event arrived: a claim it held comes off the lines (the event counts its own) and
    is completed. Runs in the return's savepoint, so a rejected event leaves the claim as it was."""
    row = conn.execute(
        sa.select(return_claims.c.state, return_claims.c.original_kind, return_claims.c.original_ref)
        .add_columns(return_claims.c.lines)
        .where(return_claims.c.return_uuid == return_uuid.lower())
        .with_for_update()
    ).first()
    if row is None:
        return
    if row[0] == "claimed":
        _uncount(conn, row[1], row[2], json.loads(row[3]))
    conn.execute(
        sa.update(return_claims)
        .where(return_claims.c.return_uuid == return_uuid.lower())
        .values(state="completed")
    )


# ------------------------------------------------------------------------------------------ store credit
def issue_credits(conn: Connection, p: dict[str, Any], occurred_at: str) -> str | None:
    """The store credit a return's refunds issue; None, or why the return cannot be applied."""
    for refund in p.get("refunds") or ():
        if refund.get("method") != "store_credit":
            continue
        ref = refund.get("reference") or ""
        if ref.startswith(EXCHANGE_PREFIX):
            continue  # the credit went straight into the exchange's sale: nothing to spend later
        if not CREDIT_CODE.fullmatch(ref):
            return "a store credit refund needs the credit's code as its reference"
        done = conn.execute(
            _insert(conn)(store_credits)
            .values(
                code=ref,
                currency=p["currency"],
                issued=refund["amount"],
                return_uuid=p["return_uuid"],
                created_at=occurred_at,
            )
            .on_conflict_do_nothing(index_elements=["code"])
            .returning(store_credits.c.code)
        ).first()
        if done is None:
            return f"store credit {ref} was issued before"
    return None


def _credit_row(conn: Connection, code: str, *, lock: bool) -> Any:
    stmt = sa.select(store_credits.c.code, store_credits.c.currency, store_credits.c.issued).add_columns(
        store_credits.c.created_at
    )
    stmt = stmt.where(store_credits.c.code == code)
    row = conn.execute(stmt.with_for_update() if lock else stmt).first()
    if row is None:
        raise Refused(
            404, "not_found", "no such store credit (a credit issued offline arrives when its till syncs)"
        )
    return row


def _spent(conn: Connection, code: str) -> int:
    r = credit_redemptions
    return int(
        conn.execute(
            sa.select(sa.func.coalesce(sa.func.sum(r.c.amount), 0)).where(
                r.c.code == code, r.c.status == "redeemed"
            )
        ).scalar()
    )


def credit(conn: Connection, code: str) -> dict[str, Any]:
    row = _credit_row(conn, code, lock=False)
    return {
        "code": row[0],
        "currency": row[1],
        "issued": row[2],
        "balance": max(0, row[2] - _spent(conn, code)),
        "created_at": row[3],
    }


def redeem(conn: Connection, till_id: str, code: str, body: dict[str, Any]) -> dict[str, Any]:
    """Spend `amount` of the credit, once per `redemption_id` (a retry answers the same redemption)."""
    row = _credit_row(conn, code, lock=True)  # every redemption of this credit waits here: no double spend
    rid = body["redemption_id"].lower()
    r = credit_redemptions
    seen = conn.execute(sa.select(r.c.code, r.c.amount, r.c.status).where(r.c.redemption_id == rid)).first()
    if seen is not None:
        if seen[0] != code or seen[1] != body["amount"]:
            raise Refused(
                409, "redemption_conflict", "this redemption id was used for another amount or credit"
            )
        if seen[2] == "released":
            raise Refused(409, "redemption_released", "this redemption was given back; make a new one")
        return _redemption(rid, code, seen[1], row[2] - _spent(conn, code), "redeemed")
    if body["currency"] != row[1]:
        raise Refused(409, "currency_mismatch", f"this store credit is in {row[1]}")
    balance = row[2] - _spent(conn, code)
    if body["amount"] > balance:
        raise Refused(409, "insufficient_credit", f"only {max(balance, 0)} is left on this store credit")
    conn.execute(
        sa.insert(r).values(
            redemption_id=rid,
            code=code,
            amount=body["amount"],
            sale_uuid=(body.get("sale_uuid") or None),
            till_id=till_id,
            status="redeemed",
            created_at=time.time(),
        )
    )
    return _redemption(rid, code, body["amount"], balance - body["amount"], "redeemed")


def release_redemption(conn: Connection, code: str, redemption_id: str) -> dict[str, Any]:
    """Give a redemption back, unless the sale it paid was recorded."""
    row = _credit_row(conn, code, lock=True)
    rid = redemption_id.lower()
    r = credit_redemptions
    seen = conn.execute(
        sa.select(r.c.amount, r.c.status, r.c.sale_uuid).where(r.c.redemption_id == rid, r.c.code == code)
    ).first()
    if seen is None:
        raise Refused(404, "not_found", "no such redemption of this store credit")
    amount, status, sale_uuid = seen
    if status == "redeemed":
        if (
            sale_uuid
            and conn.execute(sa.select(sales.c.sale_uuid).where(sales.c.sale_uuid == sale_uuid)).first()
        ):
            raise Refused(409, "redemption_used", "the sale this credit paid was recorded")
        conn.execute(sa.update(r).where(r.c.redemption_id == rid).values(status="released"))
    return _redemption(rid, code, amount, row[2] - _spent(conn, code), "released")


def _redemption(rid: str, code: str, amount: int, balance: int, status: str) -> dict[str, Any]:
    return {
        "redemption_id": rid,
        "code": code,
        "amount": amount,
        "balance": max(balance, 0),
        "status": status,
    }


# -------------------------------------------------------------------------------------- stock and orders
def restock(conn: Connection, store_id: str | None, lines: list[dict[str, Any]], at: str) -> None:
    """Resellable goods back into the store's stock (a store the backend does not know is skipped)."""
    back: dict[str, int] = {}
    for ln in lines:
        if ln.get("restock", True):
            back[ln["sku"]] = back.get(ln["sku"], 0) + ln["qty"]
    if not store_id or not back:
        return
    if conn.execute(sa.select(stores.c.store_id).where(stores.c.store_id == store_id)).first() is None:
        return
    stmt = _insert(conn)(stock)
    stmt = stmt.on_conflict_do_update(
        index_elements=["sku", "store_id"],
        set_={
            "available": stock.c.available + stmt.excluded.available,
            "updated_at": stmt.excluded.updated_at,
        },
    )
    conn.execute(
        stmt,
        [{"store_id": store_id, "sku": s, "available": q, "updated_at": at} for s, q in sorted(back.items())],
    )


def settle_order(conn: Connection, order_no: str) -> None:
    """An order waiting for pickup whose every unit is handed over or taken back is done: handed over (if
    anything was) or cancelled (all of it came back uncollected)."""
    status = conn.execute(sa.select(orders.c.status).where(orders.c.order_no == order_no)).scalar()
    if status != "ready_for_pickup":
        return
    rows = conn.execute(
        sa.select(order_lines.c.qty, order_lines.c.handed_over_qty, order_lines.c.returned_qty).where(
            order_lines.c.order_no == order_no
        )
    ).all()
    if rows and all(h + r >= q for q, h, r in rows):
        done = "handed_over" if any(h for _q, h, _r in rows) else "cancelled"
        conn.execute(sa.update(orders).where(orders.c.order_no == order_no).values(status=done))


def hand_over(conn: Connection, p: dict[str, Any]) -> str | None:
    """Apply a `pickup.handed_over` event: None, or (code, message) of why not, as 'code: message'.

    Every check comes before the first write (a rejected hand-over leaves nothing behind)."""
    order_no = p["order_no"]
    status = conn.execute(
        sa.select(orders.c.status).where(orders.c.order_no == order_no).with_for_update()
    ).scalar()
    if status is None:
        return "unknown_original: no such online order"
    if status == "handed_over":
        return "already_handed_over: the order was already handed over"
    if status != "ready_for_pickup":
        return f"order_not_ready: the order is {status}, not ready for pickup"
    ol = order_lines
    rows = {
        r[0]: r[1:]
        for r in conn.execute(
            sa.select(ol.c.line_no, ol.c.qty, ol.c.handed_over_qty, ol.c.returned_qty)
            .where(ol.c.order_no == order_no)
            .with_for_update()
        )
    }
    waiting = {n: q - h - r for n, (q, h, r) in rows.items()}
    if p.get("lines"):
        wanted: dict[int, int] = {}
        for ln in p["lines"]:
            wanted[ln["line_no"]] = wanted.get(ln["line_no"], 0) + ln["qty"]
    else:
        wanted = {n: w for n, w in waiting.items() if w > 0}
    if not wanted:
        return "already_handed_over: nothing of the order is still waiting"
    for line_no, qty in sorted(wanted.items()):
        if line_no not in waiting:
            return f"unknown_original: line {line_no} is not on the order"
        if qty > waiting[line_no]:
            return f"exceeds_waiting: line {line_no}: {max(waiting[line_no], 0)} waiting, {qty} handed over"
    for line_no, qty in sorted(wanted.items()):
        conn.execute(
            sa.update(ol)
            .where(ol.c.order_no == order_no, ol.c.line_no == line_no)
            .values(handed_over_qty=ol.c.handed_over_qty + qty)
        )
    settle_order(conn, order_no)
    return None


def _overdue(collect_by: str | None, now: datetime) -> bool:
    if not collect_by:
        return False
    try:
        when = datetime.fromisoformat(collect_by.replace("Z", "+00:00"))
    except ValueError:
        return False
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when < now


def order_bodies(conn: Connection, where: Any, *, limit: int = PICKUP_LIMIT) -> list[dict[str, Any]]:
    """Orders as the contract's `Order` (lines with what is returned, refunded and handed over)."""
    o, ol = orders, order_lines
    rows = conn.execute(
        sa.select(
            o.c.order_no,
            o.c.status,
            o.c.placed_at,
            o.c.currency,
            o.c.member_no,
            o.c.pickup_store_id,
            o.c.customer_display_name,
            o.c.total,
            o.c.tenders,
            o.c.points_earned,
            o.c.points_redeemed,
            o.c.ready_at,
            o.c.collect_by,
            o.c.shelf,
        )
        .where(where)
        .order_by(sa.func.coalesce(o.c.ready_at, o.c.placed_at), o.c.order_no)
        .limit(limit)
    ).all()
    if not rows:
        return []
    lines: dict[str, list[dict[str, Any]]] = {r[0]: [] for r in rows}
    for r in conn.execute(
        sa.select(
            ol.c.order_no,
            ol.c.line_no,
            ol.c.sku,
            ol.c.name,
            ol.c.qty,
            ol.c.unit_price,
            ol.c.paid_amount,
            ol.c.tax_code,
            ol.c.returned_qty,
            ol.c.tax_amount,
            ol.c.refunded_amount,
            ol.c.handed_over_qty,
        )
        .where(ol.c.order_no.in_(list(lines)))
        .order_by(ol.c.order_no, ol.c.line_no)
    ):
        lines[r[0]].append(line_body(r[1:]))
    now = datetime.now(UTC)
    out = []
    for r in rows:
        body = {
            "order_no": r[0],
            "status": r[1],
            "placed_at": r[2],
            "currency": r[3],
            "member_no": r[4],
            "pickup_store_id": r[5],
            "customer_display_name": r[6],
            "total": r[7],
            "tenders": json.loads(r[8]),
            "lines": lines[r[0]],
            "points": {"earned": r[9], "redeemed": r[10]} if (r[9] or r[10]) else None,
            "ready_at": r[11],
            "collect_by": r[12],
            "shelf": r[13],
            "overdue": r[1] == "ready_for_pickup" and _overdue(r[12], now),
        }
        out.append(body)
    return out


def line_body(r: Any) -> dict[str, Any]:
    """(line_no, sku, name, qty, unit_price, paid, tax_code, returned, tax_amount, refunded[, handed])."""
    body = {
        "line_no": r[0],
        "sku": r[1],
        "name": r[2],
        "qty": r[3],
        "unit_price": r[4],
        "paid_amount": r[5],
        "tax_code": r[6],
        "returned_qty": r[7],
        "returnable_qty": max(r[3] - r[7], 0),
        "tax_amount": r[8],
        "refunded_amount": r[9],
    }
    if len(r) > 10:
        body["handed_over_qty"] = r[10]
    return body


def pickups(conn: Connection, store_id: str) -> dict[str, Any]:
    where = sa.and_(orders.c.pickup_store_id == store_id, orders.c.status == "ready_for_pickup")
    return {"store_id": store_id, "as_of": now_iso(), "orders": order_bodies(conn, where)}


def _fold(text: str) -> str:
    """Case and accents ignored: 'Chloé' and 'chloe' are one name."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def email_digest(email: str) -> str:
    """How an order keeps the customer's e-mail address for the check: SHA-256 of it in lower case."""
    return hashlib.sha256(email.strip().lower().encode()).hexdigest()


def check_customer(conn: Connection, order_no: str, method: str, value: str) -> dict[str, Any]:
    """Whether what the customer says matches the order (the first name and the last name's initial, the
    last four digits of the card that paid it, the code their app shows, the e-mail address it was
    placed with); the till never gets what it is compared with."""
    row = conn.execute(
        sa.select(
            orders.c.customer_display_name,
            orders.c.card_last4,
            orders.c.pickup_code,
            orders.c.check_email_sha256,
        ).where(orders.c.order_no == order_no)
    ).first()
    if row is None:
        raise Refused(404, "not_found", "no such order")
    name, last4, code, email_sha256 = row
    given = value.strip()
    if method == "name":
        words = _fold(given).replace(".", " ").split()
        on_order = _fold(name or "").replace(".", " ").split()
        verified = bool(words and on_order) and words[0] == on_order[0]
        if verified and len(words) > 1 and len(on_order) > 1:
            verified = words[-1][:1] == on_order[-1][:1]
    elif method == "card_last4":
        verified = bool(last4) and hmac.compare_digest(given.encode(), (last4 or "").encode())
    elif method == "email":
        verified = bool(email_sha256) and hmac.compare_digest(email_digest(given), email_sha256 or "")
    else:
        verified = bool(code) and hmac.compare_digest(given.encode(), (code or "").encode())
    return {"order_no": order_no, "method": method, "verified": verified}


__all__ = [
    "CREDIT_CODE",
    "EXCHANGE_PREFIX",
    "Refused",
    "check_customer",
    "claim",
    "credit",
    "hand_over",
    "issue_credits",
    "order_bodies",
    "pickups",
    "redeem",
    "release_claim",
    "release_redemption",
    "restock",
    "settle_order",
    "undo_claim",
]
