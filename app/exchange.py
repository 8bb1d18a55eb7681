"""Exchanges: a return and a new sale in one transaction, with one net tender, money due either way.

    exchange = ExchangeService(returns, sell)
    returns.find(...); returns.pick(...)       # what comes back (Returns & pickups)
    exchange.begin()                           # held at the backend; its value is a credit
    sell.scan(...)                             # the new items (Sell)
    exchange.complete("original")              # the customer pays the difference, or gets it back

`complete` compares the credit with what the new sale costs:
- the new sale costs more: the credit becomes a part payment of the open sale (a store-credit tender whose
  reference is ``exchange:<return uuid>``) and the customer pays the rest by card or cash on Sell as in
  any sale; the sale's commit commits the return in the same transaction (`sync.store.returns`);
- the credit covers it: the difference is refunded first (to the original payment, in proportion, or as
  store credit: written ahead and settled like any return), then the sale is paid by the credit and the
  sale and the return are committed in one transaction.

Either way the return's refunds say where its money went: ``exchange:<sale uuid>`` for the part the new
sale took, and the refunds of the difference.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, replace
from typing import Any

from app.messages import QT_TRANSLATE_NOOP, msg
from app.results import Result, done, refused
from app.returns import ReturnsService
from pos.documents import ReturnDocument, Tender
from pos.returns import apportion
from sync.store.returns import EXCHANGE, RefundStep, ReturnAttempt

log = logging.getLogger("app.exchange")

C = "app"


@dataclass(frozen=True)
class ExchangeView:
    return_uuid: str
    label: str  # the original's order or receipt number
    credit: int  # what the returned items refund
    new_items: int  # what the open sale still owes
    returned: tuple[tuple[str, int], ...]  # (item, quantity)

    @property
    def net(self) -> int:
        """> 0: the customer pays it; < 0: the customer gets it back."""
        return self.new_items - self.credit


class ExchangeService:
    def __init__(self, returns: ReturnsService, sell: Any) -> None:
        self.returns = returns
        self.sell = sell
        self.shop = returns.shop
        self.records = self.shop.records
        self.pending: str | None = None
        self.label = ""
        self._lock = threading.RLock()
        sell.subscribe(self._sale_changed)

    def _attempt(self) -> ReturnAttempt | None:
        return None if self.pending is None else self.records.return_attempt(self.pending)

    def view(self) -> ExchangeView | None:
        attempt = self._attempt()
        if attempt is None or attempt.state in ("done", "abandoned"):
            return None
        doc = attempt.document
        return ExchangeView(
            attempt.return_uuid,
            self.label,
            doc.total,
            self.sell.view().due,
            tuple((ln.description, ln.quantity) for ln in doc.lines),
        )

    def begin(self, grant: Any = None) -> Result:
        """Blocking (the backend holds the lines): the return being prepared becomes an exchange credit."""
        returns = self.returns
        with returns._lock:
            if (why := returns._check()) is not None:
                return why
            if self.pending is not None and self.view() is not None:
                return refused(msg(QT_TRANSLATE_NOOP(C, "Finish or give up the exchange in progress first.")))
            draft = returns.draft
            plan = returns.plan()
            if isinstance(plan, Result):
                return plan
            if draft.original.kind == "none" or not draft.original.verified:
                return refused(
                    msg(
                        QT_TRANSLATE_NOOP(
                            C,
                            "An exchange needs the purchase checked by the backend; take this back as a "
                            "return instead.",
                        )
                    )
                )
            approver = returns._permission(draft, plan, "original", grant, None)
            if isinstance(approver, Result):
                return replace(approver, retry=(lambda ov: self.begin(ov)) if approver.retry else None)
            # the refund to the original payment, kept as planned steps: what the difference may become
            attempt = returns.attempt(plan, "original", approver, draft.return_uuid, kind="exchange")
            returns._busy = "exchange"
        try:
            attempt = self.records.begin_return(attempt)
            problem = returns.runner.claim(attempt)
        finally:
            with returns._lock:
                returns._busy = None
        if problem is not None:
            self.records.abandon_return(attempt.return_uuid)
            return problem
        with returns._lock:
            if returns.draft is draft:
                returns.draft = None
        with self._lock:
            self.pending, self.label = attempt.return_uuid, draft.original.label
        returns._changed()
        return done(
            msg(
                QT_TRANSLATE_NOOP(
                    C,
                    "Exchange: {credit} credit for the items from {label}. Scan the new items on Sell, then "
                    "complete the exchange here.",
                ),
                credit=self.shop.fmt(plan.total),
                label=draft.original.label,
            ),
            value=attempt,
        )

    def complete(self, to: str = "original") -> Result:
        """Blocking: settle the exchange against the open sale (see the module's docstring)."""
        attempt = self._attempt()
        if attempt is None or attempt.state in ("done", "abandoned"):
            return refused(msg(QT_TRANSLATE_NOOP(C, "No exchange is waiting.")))
        view = self.sell.view()
        if view.is_empty:
            return refused(msg(QT_TRANSLATE_NOOP(C, "Scan the new items on Sell first.")))
        ref = f"{EXCHANGE}{attempt.return_uuid}"
        credit, owed = attempt.document.total, view.due
        taken = min(credit, owed)
        exchange = RefundStep(1, "exchange", taken, target=view.sale_uuid, key="", state="done")
        if credit < owed:  # the customer pays the difference on Sell
            self.records.save_return(replace(attempt, steps=(exchange,), sale_uuid=view.sale_uuid))
            result = self.sell.pay_with_credit(Tender("store_credit", credit, reference=ref))
            if not result.ok:
                return result
            return done(
                msg(
                    QT_TRANSLATE_NOOP(
                        C,
                        "Exchange credit {credit} taken. The customer pays {rest}: press Cash or Card on "
                        "Sell.",
                    ),
                    credit=self.shop.fmt(credit),
                    rest=self.shop.fmt(owed - credit),
                )
            )
        if any(s.kind == "exchange" for s in attempt.steps):  # asked before: its refunds stay as they were
            taken = next(s.amount for s in attempt.steps if s.kind == "exchange")
        else:
            steps = (exchange, *self._difference(attempt, credit - taken, to))
            self.records.save_return(
                replace(attempt, steps=steps, sale_uuid=view.sale_uuid, state="refunding")
            )
        settled = self.returns.runner.settle(attempt.return_uuid)
        if not settled.ok:
            return settled
        result = self.sell.pay_with_credit(Tender("store_credit", taken, reference=ref))
        if not result.ok:
            return result
        return_doc = self.records.get_return(attempt.return_uuid)
        printing = self._printed(return_doc)
        cash = sum(r.amount for r in return_doc.refunds if r.kind == "cash")
        if cash:
            message = msg(
                QT_TRANSLATE_NOOP(C, "Exchange done: give the customer {cash} in cash."),
                cash=self.shop.fmt(cash),
            )
        elif credit > taken:
            message = msg(
                QT_TRANSLATE_NOOP(C, "Exchange done: {amount} refunded."),
                amount=self.shop.fmt(credit - taken),
            )
        else:
            message = msg(QT_TRANSLATE_NOOP(C, "Exchange done: nothing to pay either way."))
        return replace(result, message=message, printing=printing or result.printing)

    def _difference(self, attempt: ReturnAttempt, rest: int, to: str) -> list[RefundStep]:
        """The refund of what the credit leaves over: the planned refunds to the original payment, scaled
        down in proportion; or one store credit."""
        if rest <= 0:
            return []
        if to == "store_credit":
            from app.refunds import new_credit_code

            return [
                RefundStep(
                    2, "store_credit", rest, target=new_credit_code(), key=f"{attempt.return_uuid}:refund:2"
                )
            ]
        planned = [s for s in attempt.steps if s.kind != "exchange"]
        shares = apportion([s.amount for s in planned], rest)
        out = []
        for s, share in zip(planned, shares, strict=True):
            if share:
                no = len(out) + 2
                out.append(replace(s, no=no, amount=share, key=f"{attempt.return_uuid}:refund:{no}"))
        return out

    def cancel(self) -> Result:
        """Blocking: give the exchange up (its credit comes off the open sale; the backend's hold goes)."""
        attempt = self._attempt()
        if attempt is None:
            return refused(msg(QT_TRANSLATE_NOOP(C, "No exchange is waiting.")))
        self.sell.drop_credit(f"{EXCHANGE}{attempt.return_uuid}")
        result = self.returns.runner.give_up(attempt.return_uuid)
        if result.ok:
            with self._lock:
                self.pending = None
        self.returns._changed()
        return result

    def _printed(self, doc: ReturnDocument | None) -> Any:
        if doc is None:
            return None
        with self._lock:
            if self.pending != doc.return_uuid:
                return None
            self.pending = None
        receipt = self.returns.runner.receipt(doc, original_label=self.label, title="EXCHANGE")
        cash = sum(r.amount for r in doc.refunds if r.kind == "cash")
        return self.shop.printer.print_receipt(receipt, open_drawer=cash > 0)

    def _sale_changed(self) -> None:
        """The sale paid on Sell committed the exchange's return: print the return's receipt."""
        if self.pending is None:
            return
        attempt = self._attempt()
        if attempt is not None and attempt.state == "done":
            self._printed(self.records.get_return(attempt.return_uuid))


__all__ = ["ExchangeService", "ExchangeView"]
