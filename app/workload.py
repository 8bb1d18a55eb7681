"""The day's workload of `omo-pos drive --workload day`: a shop's day from a seed, as numbered operations,
through the till's services, each acknowledged in an fsynced log after its final commit.

    omo-pos drive --workload day --seed 7 --ops 400 --ack-log acks.jsonl

Operation k is planned from (seed, k) alone, so a driver killed at any moment and started again goes on
from the first operation it had not finished (the log says which), and does the same thing there. Kinds
(OPERATIONS, a registry other workflows add to):

- ``sale``: a sale through `SellService` as `omo-pos drive` rings it (scans, quantities, discounts with a
  manager's approval, suspend and resume, a void, then cash, card on the reader, a declined card, or card
  plus cash);
- ``sale`` with a member (``--member-share``, 0.25 by default here): their coupons apply, they pay 100
  points first when the sale is large enough, and earn points on the rest;
- ``return``: one unit of a line of an earlier sale taken back through the Returns service (found by its
  receipt's QR, held at the backend, refunded to its payment or, unverified, as store credit); a return
  left waiting by a stop is finished at the next start (or given up when nothing of it was refunded);
- ``check_in``: a member's visit checked in at the till (Members), once a day here;
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
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.drive import Shift
from app.results import Outcome, Result
from pos.documents import ReturnDocument, SaleDocument

log = logging.getLogger("app.workload")

OPENING_FLOAT = 15_000
DAY_MEMBER_SHARE = 0.25  # sales with a member (points earned and redeemed) unless --member-share says
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
        if getattr(args, "member_share", None) is None:
            args.member_share = DAY_MEMBER_SHARE
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
        settle_returns(self, k, restart=True)

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


# ---------------------------------------------------------------------------------------- operations
def _sale(day: Day, k: int, rng: random.Random) -> None:
    if not day.sell.view().is_empty:  # left open by an earlier operation (a card and cash both failed)
        day.cash(k)
    day.rng = rng
    day.ring_up(k)


def return_ack(op: int, doc: ReturnDocument, **extra: Any) -> dict[str, Any]:
    return {
        "ack": "return",
        "op": op,
        "return_uuid": doc.return_uuid,
        "sale_uuid": doc.original_sale_uuid,
        "refund": doc.total,
        "refunds": [[r.kind, r.amount] for r in doc.refunds],
        **extra,
    }


def _returns(day: Day) -> Any:
    returns = day.shop.returns
    if returns.staff is None and day.sell.staff is not None:
        returns.begin_shift(day.sell.staff)
    return returns


def settle_returns(day: Day, k: int, **extra: Any) -> None:
    """Returns whose refunds did not all go through (a stop mid-refund, a fault): finished; a card refund
    Stripe will not make goes as store credit (a manager approves, as the message tells the cashier); a
    return nothing of which was refunded and that cannot go on is given up (the backend's hold goes)."""
    returns = _returns(day)
    for waiting in returns.waiting():
        r = day.report(k, "return.resume", returns.resume(waiting.return_uuid))
        if not r.ok:
            r = _rerouted(day, k, waiting.return_uuid, r)
        if r.ok and isinstance(r.value, ReturnDocument):
            day.acks.write(return_ack(k, r.value, **extra))
        elif r.outcome is Outcome.REFUSED and not waiting.refunded:
            day.report(k, "return.give_up", returns.give_up(waiting.return_uuid))


def _rerouted(day: Day, k: int, return_uuid: str, failed: Result) -> Result:
    """A return left waiting because its card refund failed: the manager has it refunded as store credit.
    When that finishes the return, the refund's failure was the return ending as the driver meant."""
    returns = _returns(day)
    if failed.outcome is not Outcome.FAILED or all(w.return_uuid != return_uuid for w in returns.waiting()):
        return failed
    r = day.approve(k, "return.reroute", returns.reroute(return_uuid, "store_credit"))
    if r.ok and day.failures and day.failures[-1]["message"] == str(failed.message):
        day.failures.pop()
    return r if r.ok else failed


def _return(day: Day, k: int, rng: random.Random) -> None:
    """One unit of a line of a recent sale comes back through the Returns service (app/returns.py), as at
    the counter: found by its receipt's QR, held at the backend, refunded to how it was paid (or, when the
    backend cannot check it, as store credit a manager approves), its return receipt printed."""
    from pos.returns import Original

    pick = rng.random()  # drawn first, whatever the journal holds: a seed plans the same day
    settle_returns(day, k)
    recent = day.read(
        lambda c: [r[0] for r in c.execute("SELECT sale_uuid FROM sales ORDER BY sale_id DESC LIMIT 40")]
    )
    if not recent:
        return
    sale_uuid = recent[int(pick * len(recent))]
    returns = _returns(day)
    found = day.report(k, "return.find", returns.find(f"OMO:RECEIPT:{sale_uuid}"))
    original = found.value
    lines = [ln for ln in original.lines if ln.returnable] if isinstance(original, Original) else []
    if not found.ok or not lines:
        returns.clear()
        return
    line = lines[int(pick * 7919) % len(lines)]
    day.report(k, "return.pick", returns.pick(line.line_no, 1, reason="Changed mind"))
    to = "original" if original.verified else "store_credit"
    r = day.approve(k, "return", returns.refund(to, on_status=day.customer.on_status))
    draft = returns.draft
    if not r.ok and draft is not None:
        r = _rerouted(day, k, draft.return_uuid, r)
    if r.ok and isinstance(r.value, ReturnDocument):
        day.acks.write(return_ack(k, r.value))
    returns.clear()  # the next return starts afresh (a waiting one is found by `settle_returns`)


def _check_in(day: Day, k: int, rng: random.Random) -> None:
    """A member's visit, checked in at the till (Members): once a day here; the backend credits its
    points once per member, store and day."""
    if not day._members:
        return
    member_no = day._members[rng.randrange(len(day._members))]
    via = rng.choice(("typed", "app_qr"))
    members = day.shop.members
    if members.staff is None and day.sell.staff is not None:
        members.begin_shift(day.sell.staff)
    r = day.report(k, "check_in", members.check_in(member_no, via=via))
    if r.ok:
        day.acks.write({"ack": "check_in", "op": k, "member_no": member_no, "local_date": members._today()})


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


register(Operation("sale", 0.86, _sale))
register(Operation("return", 0.07, _return))
register(Operation("check_in", 0.04, _check_in))
register(Operation("cash_movement", 0.03, _cash_movement))
register(Operation("till_open", 0.0, _till_open))
register(Operation("till_close", 0.0, _till_close))

__all__ = ["OPERATIONS", "AckLog", "Day", "Operation", "register", "sale_ack"]
