"""The day's workload of `omo-pos drive --workload day`: a shop's day from a seed, as numbered operations,
through the till's services, each acknowledged in an fsynced log after its final commit.

    omo-pos drive --workload day --seed 7 --ops 400 --ack-log acks.jsonl

Operation k is planned from (seed, k) alone, so a driver killed at any moment and started again goes on
from the first operation it had not finished (the log says which), and does the same thing there. Kinds
(OPERATIONS, a registry other workflows add to):

- ``sale``: a sale through `SellService` as `omo-pos drive` rings it (scans, quantities, discounts with a
  manager's approval, suspend and resume, a void, then cash, card on the reader, a declined card, or card
  plus cash);
- ``return``: one unit of a line of an earlier sale taken back for cash, checked against what is left to
  return and recorded with its event in one transaction (through the journal until the Returns service
  lands);
- ``till_open`` (the first operation), ``cash_movement`` (paid in, paid out, a drop), ``till_close`` (the
  last: the blind count finds what the X report expects): through the Till service (`app.till`), with a
  manager's PIN where it asks for one.

The log (one JSON object a line, each written and fsynced before the next step):
``{"ack": "sale", "op": k, "sale_uuid": ..., "total": ..., "tenders": [[kind, amount, reference]], ...}``
for every document the cashier was told is done — including a sale that was open when the till stopped and
is finished (or found completed by the card reconciler) at the next start — and ``{"done": k}`` when an
operation is over, whatever its outcome. A checker (bench/crash) holds the till, the backend and Stripe to
what was acknowledged.
"""

from __future__ import annotations

import json
import logging
import os
import random
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from app.drive import Shift
from app.results import Result
from pos.documents import Refund, ReturnDocument, ReturnLine, SaleDocument

log = logging.getLogger("app.workload")

OPENING_FLOAT = 15_000
CHECKPOINT_EVERY_OPS = 20  # a quiet moment at the till: the WAL is checkpointed (headless, nobody else does)


class AckLog:
    """Append-only, one JSON line per record, fsynced before `write` returns."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        self._fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)

    def write(self, record: dict[str, Any]) -> None:
        os.write(self._fd, (json.dumps(record, separators=(",", ":")) + "\n").encode())
        os.fsync(self._fd)

    def close(self) -> None:
        os.close(self._fd)

    @staticmethod
    def read(path: str | os.PathLike[str]) -> list[dict[str, Any]]:
        """Every complete record (a line cut short by a kill mid-write was never acknowledged)."""
        try:
            text = Path(path).read_text(encoding="utf-8")
        except FileNotFoundError:
            return []
        out = []
        for line in text.splitlines():
            try:
                out.append(json.loads(line))
            except ValueError:
                continue
        return out

    @staticmethod
    def next_op(records: list[dict[str, Any]]) -> int:
        done = [r["done"] for r in records if "done" in r]
        return max(done) + 1 if done else 0


def sale_ack(op: int, doc: SaleDocument, **extra: Any) -> dict[str, Any]:
    return {
        "ack": "sale",
        "op": op,
        "sale_uuid": doc.sale_uuid,
        "receipt_no": doc.receipt_no,
        "total": doc.total,
        "tenders": [[t.kind, t.amount, t.reference] for t in doc.tenders],
        **extra,
    }


@dataclass(frozen=True)
class Operation:
    kind: str
    weight: float  # share among the operations between the first and the last
    run: Callable[[Day, int, random.Random], None]


OPERATIONS: dict[str, Operation] = {}


def register(op: Operation) -> None:
    OPERATIONS[op.kind] = op


class Day(Shift):
    """The driver's shift, operation by operation, acknowledged in `acks`."""

    def __init__(self, shop: Any, args: Any, out: Any, acks: AckLog) -> None:
        super().__init__(shop, args, out)
        self.acks = acks
        self.op = 0
        self.told: list[SaleDocument] = []  # sales the cashier was told are complete, in this operation

    def report(self, sale: int, op: str, result: Result, **extra: Any) -> Result:
        if result.ok and isinstance(result.value, SaleDocument):
            self.told.append(result.value)
        return super().report(sale, op, result, **extra)

    def tell(self, **extra: Any) -> None:
        """Acknowledge the sales completed since the last call (each after its commit returned)."""
        told, self.told = self.told, []
        for doc in told:
            self.acks.write(sale_ack(self.op, doc, **extra))

    # ------------------------------------------------------------------ the day
    def plan(self, k: int) -> str:
        if k == 0:
            return "till_open"
        if k == self.args.ops - 1:
            return "till_close"
        middle = [o for o in OPERATIONS.values() if o.weight > 0]
        return random.Random(f"{self.args.seed}:{k}:kind").choices(middle, [o.weight for o in middle])[0].kind

    def start(self, k: int) -> None:
        """After a (re)start: a sale the till was in the middle of is finished or was already recorded."""
        self.op = k
        self.shop.checkout.restore()
        if self.shop.payments.available:
            self.shop.payments.reconcile(self.shop.recover_card_sale)
            self.shop.checkout.restore()  # a sale the reconciler completed is not left open
        recovered = self.shop.checkout.recovered_sale
        if recovered is not None:
            self.report(k, "recovered", self.sell.recall_last_sale())
        elif not self.sell.view().is_empty:
            self.cash(k)  # the restored open sale: the customer pays the rest
        self.tell(restart=True)

    def run_ops(self, first: int) -> dict[str, Any]:
        from collections import Counter

        ends: Counter[str] = Counter()
        self.acks.write({"start": first, "pid": os.getpid()})
        self.start(first)
        for k in range(first, self.args.ops):
            self.op = k
            kind = self.plan(k)
            OPERATIONS[kind].run(self, k, random.Random(f"{self.args.seed}:{k}"))
            self.tell()
            if kind == "till_close" or k % CHECKPOINT_EVERY_OPS == 0:
                self.shop.store.checkpoint().result()  # as the window's idle round does between customers
            self.acks.write({"done": k, "kind": kind})
            ends[kind] += 1
            every = self.args.rss_every
            if every and ends["sale"] and kind == "sale" and ends["sale"] % every == 0:
                self.print_rss(ends["sale"])
        return {"ops": dict(ends), "first_op": first}

    # ------------------------------------------------------------------ journal helpers
    def read(self, fn: Callable[[Any], Any]) -> Any:
        conn = self.shop.store.read_connection()
        try:
            return fn(conn)
        finally:
            conn.close()


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


# ---------------------------------------------------------------------------------------- operations
def _sale(day: Day, k: int, rng: random.Random) -> None:
    if not day.sell.view().is_empty:  # left open by an earlier operation (a card and cash both failed)
        day.cash(k)
    day.rng = rng
    day.ring_up(k)


def _return(day: Day, k: int, rng: random.Random) -> None:
    from sync.store import journal

    recent = day.read(
        lambda c: [r[0] for r in c.execute("SELECT sale_uuid FROM sales ORDER BY sale_id DESC LIMIT 40")]
    )
    if not recent:
        return
    sale_uuid = rng.choice(recent)
    staff = day.sell.staff.id if day.sell.staff else ""
    return_uuid = str(uuid.uuid4())

    def tx(conn: Any) -> ReturnDocument | None:
        sale = journal.get_sale(conn, sale_uuid)
        if sale is None:
            return None
        for line in rng.sample(list(sale.lines), len(sale.lines)):
            if journal.returned_quantity(conn, sale_uuid, line.line_no) >= line.quantity:
                continue  # everything of this line was returned already
            refund, tax = line.paid_amount // line.quantity, line.tax_amount // line.quantity
            ret = ReturnDocument(
                return_uuid=return_uuid,
                receipt_no="",
                till_id=sale.till_id,
                staff_id=staff,
                member_no=sale.member_no,
                currency=sale.currency,
                created_at=_now(),
                tax_total=tax,
                total=refund,
                lines=(
                    ReturnLine(
                        1, line.sku, line.description, 1, refund, line.tax_code, tax, sale_uuid, line.line_no
                    ),
                ),
                refunds=(Refund("cash", refund),),
                original_sale_uuid=sale_uuid,
                reason="changed mind",
            )
            return journal.commit_return(conn, ret)
        return None

    ret = day.shop.store.write_sync(tx)
    if ret is not None:
        day.acks.write(
            {
                "ack": "return",
                "op": k,
                "return_uuid": ret.return_uuid,
                "sale_uuid": sale_uuid,
                "line_no": ret.lines[0].original_line_no,
                "qty": 1,
                "refund": ret.total,
            }
        )


def _till(day: Day) -> Any:
    till = day.shop.till
    if till.staff is None and day.sell.staff is not None:
        till.begin_shift(day.sell.staff)
    return till


def _till_open(day: Day, k: int, rng: random.Random) -> None:
    from pos.till import CashCount

    till = _till(day)
    if till.session_id is not None:
        return  # opened before the stop
    count = CashCount.float_of(day.shop.config.currency, OPENING_FLOAT)
    if day.approve(k, "till_open", till.open(count)).ok and till.session_id is not None:
        day.acks.write(
            {"ack": "till_opened", "op": k, "session_id": till.session_id, "opening_float": count.total}
        )


def _cash_movement(day: Day, k: int, rng: random.Random) -> None:
    till = _till(day)
    session = till.session_id
    if session is None:
        return
    amount = rng.randint(1, 20) * 100
    kind = rng.choice(("paid_out", "paid_out", "paid_in", "drop"))
    move = {"paid_in": till.cash_in, "paid_out": till.cash_out, "drop": till.drop}[kind]
    if not day.approve(k, kind, move(amount, "window cleaner")).ok:
        return
    movement_id = day.read(
        lambda c: c.execute(
            "SELECT movement_id FROM cash_movements WHERE session_id = ? ORDER BY rowid DESC LIMIT 1",
            (session,),
        ).fetchone()[0]
    )
    day.acks.write(
        {"ack": "cash_movement", "op": k, "movement_id": movement_id, "kind": kind, "amount": amount}
    )


def _till_close(day: Day, k: int, rng: random.Random) -> None:
    """The blind count finds exactly the cash the till expects (the checker recomputes that figure from
    the journal's rows, and holds the closure and the backend's session to it)."""
    from pos.till import CashCount

    till = _till(day)
    session = till.session_id
    if session is None:
        return  # closed before the stop
    if not day.sell.view().is_empty:
        day.cash(k)  # a sale left open is paid before the close
    blind = day.report(k, "count", till.check_count(CashCount(day.shop.config.currency)))
    if not blind.ok:
        return
    expected = blind.value.expected
    count = CashCount.float_of(day.shop.config.currency, max(0, expected))
    result = day.approve(k, "till_close", till.close(count, "" if count.total == expected else "short"))
    if result.ok:
        day.acks.write(
            {
                "ack": "till_closed",
                "op": k,
                "session_id": session,
                "expected_cash": expected,
                "counted_cash": count.total,
            }
        )


register(Operation("sale", 0.9, _sale))
register(Operation("return", 0.07, _return))
register(Operation("cash_movement", 0.03, _cash_movement))
register(Operation("till_open", 0.0, _till_open))
register(Operation("till_close", 0.0, _till_close))

__all__ = ["OPERATIONS", "AckLog", "Day", "Operation", "register", "sale_ack"]
