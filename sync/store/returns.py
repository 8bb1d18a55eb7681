"""Returns, exchanges and store credit in the till's store: the write-ahead records of money that moves
outside the till.

A return whose refunds are made elsewhere (a card refund at Stripe, on the reader for Interac) is not
committed until every refund is settled, and nothing is refunded before it is recorded here:

1. `begin`: the planned return (a `ReturnDocument`) and one step per refund, each with the idempotency
   key its call will carry, in one transaction (state ``claimed`` once the backend holds its lines);
2. each refund is made, then its step marked ``done`` with the provider's id (or ``failed`` with why);
3. `commit`: when every step is done, the return (with its refunds) and its outbox event are committed
   and the attempt becomes ``done`` — one transaction. An exchange's return is committed by the sale it
   pays into instead (`commit_exchanges`, called from the sale's commit), so the return and the new sale
   are one transaction.

A till that stops anywhere in between finds the attempt open at the next start (`open_attempts`): a step
still ``pending`` is retried with the same key, so the provider answers the first refund again instead of
making a second one.

A store credit spent as a tender (`credit_redemptions`) is recorded ``asked`` before the backend is asked,
``redeemed`` once it answered, and ``released`` when the sale it paid was not completed.
"""

from __future__ import annotations

import sqlite3
from dataclasses import asdict, dataclass, field, replace
from datetime import UTC, datetime
from typing import Any

from pos.documents import Refund, ReturnDocument, SaleDocument
from sync.store import journal
from sync.store.util import dumps, loads

EXCHANGE = "exchange:"  # the reference of a store-credit refund or tender that is one half of an exchange


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


@dataclass(frozen=True)
class RefundStep:
    """One refund of a return. `kind`: card | interac | cash | points | store_credit | exchange."""

    no: int
    kind: str
    amount: int
    target: str | None = None  # the PaymentIntent refunded; the credit code issued; the exchange's sale
    key: str = ""  # the idempotency key of its call
    state: str = "pending"  # pending | done | failed
    refund_id: str | None = None  # the provider's id once done
    error: str = ""

    @property
    def external(self) -> bool:
        """Made outside the till (a provider call that must be settled before the return commits)."""
        return self.kind in ("card", "interac")

    def as_refund(self) -> Refund:
        kind = {"interac": "card", "exchange": "store_credit"}.get(self.kind, self.kind)
        if self.kind == "exchange":
            reference: str | None = f"{EXCHANGE}{self.target}"
        elif self.kind == "store_credit":
            reference = self.target
        else:
            reference = self.refund_id
        return Refund(kind, self.amount, reference)  # type: ignore[arg-type]


@dataclass(frozen=True)
class ReturnAttempt:
    return_uuid: str
    kind: str  # return | exchange
    state: str  # claimed | refunding | done | abandoned
    document: ReturnDocument
    steps: tuple[RefundStep, ...]
    staff_id: str
    sale_uuid: str | None = None
    created_at: str = field(default_factory=_now)
    updated_at: str = ""

    @property
    def settled(self) -> bool:
        return all(s.state == "done" for s in self.steps)

    @property
    def money_moved(self) -> bool:
        """Some refund may have reached the customer (made, or asked for and not known to have failed)."""
        return any(
            s.external and s.state != "failed" and (s.state == "done" or s.refund_id) for s in self.steps
        )

    def final_document(self) -> ReturnDocument:
        return replace(self.document, refunds=tuple(s.as_refund() for s in self.steps))


def _row(r: sqlite3.Row | tuple) -> ReturnAttempt:
    doc = ReturnDocument.from_dict(loads(r[3]))
    steps = tuple(RefundStep(**s) for s in loads(r[4]))
    return ReturnAttempt(r[0], r[1], r[2], doc, steps, r[6], r[5], r[7], r[8])


_COLUMNS = "return_uuid, kind, state, document, refunds, sale_uuid, staff_id, created_at, updated_at"


def begin(conn: sqlite3.Connection, attempt: ReturnAttempt) -> ReturnAttempt:
    """Record the planned return and its refunds (idempotent: an attempt already recorded is returned)."""
    existing = get(conn, attempt.return_uuid)
    if existing is not None:
        return existing
    now = _now()
    conn.execute(
        f"INSERT INTO return_attempts ({_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?)",
        (
            attempt.return_uuid,
            attempt.kind,
            attempt.state,
            dumps(attempt.document.to_dict()),
            dumps([asdict(s) for s in attempt.steps]),
            attempt.sale_uuid,
            attempt.staff_id,
            attempt.created_at,
            now,
        ),
    )
    return replace(attempt, updated_at=now)


def get(conn: sqlite3.Connection, return_uuid: str) -> ReturnAttempt | None:
    row = conn.execute(
        f"SELECT {_COLUMNS} FROM return_attempts WHERE return_uuid = ?", (return_uuid,)
    ).fetchone()
    return None if row is None else _row(row)


def open_attempts(conn: sqlite3.Connection) -> list[ReturnAttempt]:
    """Returns whose refunds are not all settled (oldest first): the till finishes or gives them up."""
    return [
        _row(r)
        for r in conn.execute(
            f"SELECT {_COLUMNS} FROM return_attempts WHERE state IN ('claimed', 'refunding') "
            "ORDER BY created_at"
        )
    ]


def save(conn: sqlite3.Connection, attempt: ReturnAttempt) -> ReturnAttempt:
    """Write the attempt's state, steps and document as they are now."""
    now = _now()
    conn.execute(
        "UPDATE return_attempts SET state = ?, document = ?, refunds = ?, sale_uuid = ?, updated_at = ? "
        "WHERE return_uuid = ?",
        (
            attempt.state,
            dumps(attempt.document.to_dict()),
            dumps([asdict(s) for s in attempt.steps]),
            attempt.sale_uuid,
            now,
            attempt.return_uuid,
        ),
    )
    return replace(attempt, updated_at=now)


def update_step(conn: sqlite3.Connection, return_uuid: str, no: int, **changes: Any) -> ReturnAttempt:
    attempt = get(conn, return_uuid)
    if attempt is None:
        raise LookupError(f"no return attempt {return_uuid}")
    steps = tuple(replace(s, **changes) if s.no == no else s for s in attempt.steps)
    return save(conn, replace(attempt, steps=steps, state="refunding"))


def commit(conn: sqlite3.Connection, return_uuid: str) -> ReturnDocument:
    """Every refund settled: the return, its refunds and its outbox event, and the attempt done (in the
    caller's transaction). Idempotent."""
    attempt = get(conn, return_uuid)
    if attempt is None:
        raise LookupError(f"no return attempt {return_uuid}")
    if attempt.state == "done":
        recorded = journal.get_return(conn, return_uuid)
        assert recorded is not None
        return recorded
    if not attempt.settled:
        raise ValueError(f"return {return_uuid}: not every refund is settled")
    recorded = journal.commit_return(conn, attempt.final_document())
    save(conn, replace(attempt, state="done", document=recorded))
    return recorded


def abandon(conn: sqlite3.Connection, return_uuid: str) -> None:
    attempt = get(conn, return_uuid)
    if attempt is not None and attempt.state != "done":
        save(conn, replace(attempt, state="abandoned"))


def commit_exchanges(conn: sqlite3.Connection, sale: SaleDocument) -> list[ReturnDocument]:
    """The returns a sale's exchange tenders stand for, committed in the sale's transaction: an exchange
    is one transaction. A sale whose exchange cannot be committed is not committed either."""
    out = []
    for tender in sale.tenders:
        ref = tender.reference or ""
        if tender.kind == "store_credit" and ref.startswith(EXCHANGE):
            return_uuid = ref[len(EXCHANGE) :]
            attempt = get(conn, return_uuid)
            if attempt is None or attempt.kind != "exchange" or attempt.sale_uuid != sale.sale_uuid:
                raise ValueError(f"the exchange credit {ref} does not belong to sale {sale.sale_uuid}")
            out.append(commit(conn, return_uuid))
    return out


# ------------------------------------------------------------------------------------- store credit
@dataclass(frozen=True)
class Redemption:
    redemption_id: str
    sale_uuid: str
    code: str
    amount: int
    state: str  # asked | redeemed | released


def ask_redemption(conn: sqlite3.Connection, r: Redemption) -> None:
    now = _now()
    conn.execute(
        "INSERT INTO credit_redemptions (redemption_id, sale_uuid, code, amount, state, created_at, "
        "updated_at) "
        "VALUES (?,?,?,?,?,?,?)",
        (r.redemption_id, r.sale_uuid, r.code, r.amount, r.state, now, now),
    )


def set_redemption(conn: sqlite3.Connection, redemption_id: str, state: str) -> None:
    conn.execute(
        "UPDATE credit_redemptions SET state = ?, updated_at = ? WHERE redemption_id = ?",
        (state, _now(), redemption_id),
    )


def redemptions(conn: sqlite3.Connection, *, sale_uuid: str | None = None) -> list[Redemption]:
    """Redemptions of one sale, or every one not released (oldest first)."""
    if sale_uuid is not None:
        rows = conn.execute(
            "SELECT redemption_id, sale_uuid, code, amount, state FROM credit_redemptions "
            "WHERE sale_uuid = ? "
            "ORDER BY created_at",
            (sale_uuid,),
        )
    else:
        rows = conn.execute(
            "SELECT redemption_id, sale_uuid, code, amount, state FROM credit_redemptions "
            "WHERE state != 'released' ORDER BY created_at"
        )
    return [Redemption(*r) for r in rows]


__all__ = [
    "EXCHANGE",
    "Redemption",
    "RefundStep",
    "ReturnAttempt",
    "abandon",
    "ask_redemption",
    "begin",
    "commit",
    "commit_exchanges",
    "get",
    "open_attempts",
    "redemptions",
    "save",
    "set_redemption",
    "update_step",
]
