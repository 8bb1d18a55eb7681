"""Carrying out a return's refunds, written ahead like a card sale (`sync.store.returns`).

    runner = RefundRunner(shop)
    result = runner.start(attempt, claim=body)   # record, hold the lines at the backend, refund, commit
    result = runner.settle(return_uuid)          # an interrupted or failed return: go on where it stopped

The order of things, so that a till that stops anywhere, or a refund that fails, leaves the return
consistent and retryable (docs/returns.md):

1. The planned return and one step per refund, each with the idempotency key its call will carry, are
   committed locally (`begin`) before anything else.
2. A verified return holds its lines at the backend (`claim_return`, idempotent by the return's UUID):
   another till cannot take back the same units meanwhile. Refused (already returned elsewhere): the
   attempt is given up; nothing was refunded.
3. Each card refund is made at Stripe on the original PaymentIntent with its stored key (an Interac
   payment on the reader, the customer tapping the card), and its step marked done with Stripe's refund
   id. A refund whose answer was lost is looked up at Stripe by the return's metadata before it is asked
   again (a key older than Stripe's 24 hours could otherwise refund twice); a refund Stripe refuses
   (already refunded, too much) marks its step failed: a person decides (retry, another way, give up).
4. Cash, points and store credit are settled by the till itself; once every step is done, the return
   and its event are committed in one transaction, and only then is the cash handed over, the receipt
   printed and the sync engine woken (a store credit is usable in another store once it arrived).
"""

from __future__ import annotations

import base64
import logging
import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from app.messages import QT_TRANSLATE_NOOP, msg, said
from app.results import Outcome, Result, done, failed, refused
from pos.documents import ReturnDocument
from pos.payment import PaymentError, PaymentRejected
from pos.receipt import Receipt
from pos.return_receipt import receipt_for_return
from pos.sync_ports import BackendNotFound, BackendRefused, BackendUnavailable
from sync.store.returns import RefundStep, ReturnAttempt

log = logging.getLogger("app.refunds")

C = "app"
READER_WAIT_S = 120.0
# Why Stripe refuses a refund, in words for the person at the till (stored with the failed step).
REFUSALS = {
    "charge_already_refunded": "the payment was already refunded in full (from the Stripe Dashboard?).",
    "amount_too_large": "that is more than is left to refund on the payment.",
    "charge_not_refundable": "this payment cannot be refunded online.",
    "charge_disputed": "the customer disputed this payment with their bank.",
}


def new_credit_code() -> str:
    """A store credit's code: 80 random bits as 16 base32 letters, in groups of four (SC-ABCD-...)."""
    raw = base64.b32encode(secrets.token_bytes(10)).decode()
    return "SC-" + "-".join(raw[i : i + 4] for i in range(0, 16, 4))


def next_try_key(key: str) -> str:
    """The idempotency key of a reader's next try after one that surely failed (the customer did not tap,
    the card was refused, the till cancelled): under the same key Stripe would replay the failed try's
    answer for 24 hours instead of asking the reader again."""
    base, _, n = key.rpartition(":try")
    return f"{base}:try{int(n) + 1}" if base and n.isdigit() else f"{key}:try2"


def claim_body(doc: ReturnDocument) -> dict[str, Any] | None:
    """What the backend holds for a return with an original (None: nothing to hold)."""
    if doc.original_order_no:
        original: dict[str, str] = {"order_no": doc.original_order_no}
    elif doc.original_sale_uuid:
        original = {"sale_uuid": doc.original_sale_uuid}
    else:
        return None
    return {
        "return_uuid": doc.return_uuid,
        "currency": doc.currency,
        "original": original,
        "lines": [
            {
                "line_no": ln.original_line_no or ln.line_no,
                "sku": ln.sku,
                "qty": ln.quantity,
                "refund_amount": ln.refund_amount,
            }
            for ln in doc.lines
        ],
    }


class RefundRunner:
    def __init__(self, shop: Any) -> None:
        self.shop = shop
        self.records = shop.records
        self._cancel = threading.Event()

    @property
    def backend(self) -> Any:
        return self.shop.sync_engine

    # ------------------------------------------------------------------ the steps
    def start(self, attempt: ReturnAttempt, *, on_status: Callable[[str], None] | None = None) -> Result:
        """Record the attempt, hold its lines at the backend (a verified return), then settle it."""
        attempt = self.records.begin_return(attempt)
        problem = self.claim(attempt)
        if problem is not None:
            self.records.abandon_return(attempt.return_uuid)
            return problem
        return self.settle(attempt.return_uuid, on_status=on_status)

    def claim(self, attempt: ReturnAttempt) -> Result | None:
        """None when the backend holds the return's lines (or there is nothing to hold); else why not."""
        body = claim_body(attempt.document) if attempt.document.verified else None
        if body is None:
            return None
        if self.backend is None:
            return refused(msg(QT_TRANSLATE_NOOP(C, "This till has no backend: returns cannot be checked.")))
        try:
            self.backend.claim_return(body)
        except BackendRefused as e:
            return refused(
                msg(
                    QT_TRANSLATE_NOOP(C, "The backend refused this return: {why}. Nothing was refunded."),
                    why=said(e),
                ),
                value=e.code,
            )
        except BackendNotFound as e:
            return refused(msg(QT_TRANSLATE_NOOP(C, "The backend does not know it: {why}."), why=said(e)))
        except BackendUnavailable as e:
            return failed(
                msg(
                    QT_TRANSLATE_NOOP(
                        C,
                        "The backend cannot check this return now ({error}). Nothing was refunded. Try "
                        "again, or a manager may approve an unverified return to store credit.",
                    ),
                    error=said(e),
                )
            )
        return None

    def settle(self, return_uuid: str, *, on_status: Callable[[str], None] | None = None) -> Result:
        """Make every refund still to be made; commit the return once all are (an exchange's return is
        committed by its sale). A FAILED result leaves the attempt as it is, to be settled again."""
        self._cancel.clear()
        attempt = self.records.return_attempt(return_uuid)
        if attempt is None:
            return refused(msg(QT_TRANSLATE_NOOP(C, "That return is not on this till.")))
        if attempt.state == "done":
            doc = self.records.get_return(return_uuid)
            return done(
                msg(QT_TRANSLATE_NOOP(C, "Return {no} was already recorded."), no=doc.receipt_no), value=doc
            )
        for step in attempt.steps:
            if step.state == "done":
                continue
            if step.state == "failed":
                return self._failed_step(step)
            if step.external:
                problem = self._external(attempt, step, on_status)
                if problem is not None:
                    return problem
            else:
                self.records.refund_step(return_uuid, step.no, state="done")
        if attempt.kind == "exchange":
            return done(value=self.records.return_attempt(return_uuid))
        return self.commit(return_uuid)

    def commit(self, return_uuid: str) -> Result:
        attempt = self.records.return_attempt(return_uuid)
        doc = attempt.final_document()
        audit = (
            "return.refund",
            attempt.staff_id,
            {
                "return_uuid": return_uuid,
                "total": doc.total,
                "refunds": [{"kind": r.kind, "amount": r.amount} for r in doc.refunds],
                "approved_by": doc.approved_by,
                "verified": doc.verified,
                "original": doc.original_order_no or doc.original_sale_uuid,
            },
        )
        try:
            recorded = self.records.commit_return(return_uuid, audit)
        except Exception as e:  # the refunds are made and kept in the attempt: committing again finishes it
            log.exception("committing return %s failed", return_uuid)
            return failed(
                msg(
                    QT_TRANSLATE_NOOP(
                        C,
                        "The refund was made but the return could not be saved ({error}). Do not refund "
                        "again: press Finish to save it.",
                    ),
                    error=said(e),
                )
            )
        if self.backend is not None:
            self.backend.wake()  # the return (and any store credit it issued) reaches the backend now
        return done(value=recorded)

    # ------------------------------------------------------------------ cards
    def _external(
        self, attempt: ReturnAttempt, step: RefundStep, on_status: Callable[[str], None] | None
    ) -> Result | None:
        terminal = self.shop.terminal
        if not getattr(terminal, "available", True):  # the null card reader: no card payments here
            return failed(
                msg(
                    QT_TRANSLATE_NOOP(
                        C,
                        "Card refunds are off on this till ({why}). Refund this part another way, or from a "
                        "till with a card reader.",
                    ),
                    why=said(self.shop.card_error or "no reader"),
                )
            )
        if step.error and (found := self._made_before(terminal, attempt, step)) is not None:
            self.records.refund_step(attempt.return_uuid, step.no, state="done", refund_id=found, error="")
            return None
        if step.kind == "interac":
            return self._on_reader(terminal, attempt, step, on_status)
        metadata = {"return_uuid": attempt.return_uuid, "step": str(step.no)}
        try:
            refund = terminal.refund(step.target, step.amount, idempotency_key=step.key, metadata=metadata)
        except PaymentRejected as e:
            if (
                e.code == "charge_not_refundable"
                and "interac_present" in terminal.allowed_payment_method_types
            ):
                # Interac is refunded in person, on the reader, with the card
                self.records.refund_step(attempt.return_uuid, step.no, kind="interac", error="")
                return self._on_reader(terminal, attempt, replace(step, kind="interac"), on_status)
            why = REFUSALS.get(e.code or "", e.message)
            self.records.refund_step(attempt.return_uuid, step.no, state="failed", error=why)
            return self._failed_step(replace(step, state="failed", error=why))
        except PaymentError as e:  # no answer, or Stripe unavailable: it may have been made; look first
            self.records.refund_step(attempt.return_uuid, step.no, error=e.message)
            found = self._made_before(terminal, attempt, step)
            if found is None:
                return self._unsettled(step, e.message)
            self.records.refund_step(attempt.return_uuid, step.no, state="done", refund_id=found, error="")
            return None
        self.records.refund_step(attempt.return_uuid, step.no, state="done", refund_id=refund.id, error="")
        return None

    def _made_before(self, terminal: Any, attempt: ReturnAttempt, step: RefundStep) -> str | None:
        """The refund Stripe made for this step (its metadata names the return and step), if any."""
        try:
            refunds = terminal.refunds_for(step.target)
        except PaymentError as e:
            log.info("could not list the refunds of %s: %s", step.target, e.message)
            return None
        for r in refunds:
            if r.metadata.get("return_uuid") == attempt.return_uuid and r.metadata.get("step") == str(
                step.no
            ):
                return r.id
        return None

    def _on_reader(
        self,
        terminal: Any,
        attempt: ReturnAttempt,
        step: RefundStep,
        on_status: Callable[[str], None] | None,
    ) -> Result | None:
        """An Interac refund: the customer taps the card on the reader."""
        if on_status is not None:
            on_status("tap")
        metadata = {"return_uuid": attempt.return_uuid, "step": str(step.no)}  # found by it if unseen
        try:
            answer = terminal.refund_on_reader(
                step.target, step.amount, idempotency_key=f"{step.key}:reader", metadata=metadata
            )
        except PaymentError as e:
            self.records.refund_step(attempt.return_uuid, step.no, error=e.message)
            return self._unsettled(step, e.message)
        deadline = time.monotonic() + READER_WAIT_S
        poll = max(float(getattr(terminal, "poll_interval", 0.5)), 0.05)
        # relayed: the backend pushes the reader's outcome; direct: read the reader every `poll`
        wait = getattr(terminal, "wait_for_change", None)
        made = answer.action_for("refund_payment", step.target)  # relayed: an attempt refunded before
        if made is not None and made.status == "succeeded" and made.refund:
            self.records.refund_step(
                attempt.return_uuid, step.no, state="done", refund_id=made.refund, error=""
            )
            return None
        first = True
        while time.monotonic() < deadline:
            if not first:
                if wait is not None:
                    wait(self._cancel, poll)
                else:
                    time.sleep(poll)
            first = False
            if self._cancel.is_set():
                self._quietly(terminal.cancel_action)
                self.records.refund_step(
                    attempt.return_uuid, step.no, error="cancelled at the till", key=next_try_key(step.key)
                )
                return Result(
                    Outcome.CANCELLED,
                    msg(QT_TRANSLATE_NOOP(C, "The Interac refund was cancelled; nothing was refunded yet.")),
                )
            try:
                action = terminal.retrieve_reader().action_for("refund_payment", step.target)
            except PaymentError as e:
                log.info("reader poll failed: %s", e.message)
                action = None
            if action is not None and action.status == "succeeded":
                self.records.refund_step(
                    attempt.return_uuid, step.no, state="done", refund_id=action.refund, error=""
                )
                return None
            if action is not None and action.status == "failed":
                why = action.failure_message or action.failure_code or "refused"
                self.records.refund_step(attempt.return_uuid, step.no, error=why, key=next_try_key(step.key))
                return failed(
                    msg(
                        QT_TRANSLATE_NOOP(C, "The Interac refund did not go through: {why}. Try again."),
                        why=why,
                    )
                )
        self._quietly(terminal.cancel_action)
        self.records.refund_step(
            attempt.return_uuid, step.no, error="the reader timed out", key=next_try_key(step.key)
        )
        return failed(
            msg(QT_TRANSLATE_NOOP(C, "The reader timed out waiting for the Interac card. Try again."))
        )

    @staticmethod
    def _quietly(fn: Callable[[], Any]) -> None:
        try:
            fn()
        except PaymentError as e:
            log.info("reader call failed: %s", e.message)

    def cancel(self) -> None:
        """Stop waiting for the Interac card (any thread)."""
        self._cancel.set()

    def _unsettled(self, step: RefundStep, why: str) -> Result:
        return failed(
            msg(
                QT_TRANSLATE_NOOP(
                    C,
                    "The card refund of {amount} could not be confirmed ({why}). Nothing is lost: press "
                    "Retry; the customer is never refunded twice.",
                ),
                amount=self.shop.fmt(step.amount),
                why=why,
            )
        )

    def _failed_step(self, step: RefundStep) -> Result:
        return failed(
            msg(
                QT_TRANSLATE_NOOP(
                    C,
                    "Stripe refused the card refund of {amount}: {why} Refund that part another way (store "
                    "credit or cash), or give the return up if nothing was refunded.",
                ),
                amount=self.shop.fmt(step.amount),
                why=step.error,
            ),
            value=step,
        )

    # ------------------------------------------------------------------ changing course
    def reroute(self, return_uuid: str, to: str) -> ReturnAttempt:
        """The card refunds not made yet go `to` "store_credit" (a new code) or "cash" instead."""
        attempt = self.records.return_attempt(return_uuid)
        steps = tuple(
            replace(
                s,
                kind=to,
                target=new_credit_code() if to == "store_credit" else None,
                state="pending",
                error="",
            )
            if s.external and s.state != "done"
            else s
            for s in attempt.steps
        )
        return self.records.save_return(replace(attempt, steps=steps, state="refunding"))

    def give_up(self, return_uuid: str) -> Result:
        """Abandon a return nothing of which reached the customer; the backend's hold is released."""
        attempt = self.records.return_attempt(return_uuid)
        if attempt is None or attempt.state in ("done", "abandoned"):
            return refused(msg(QT_TRANSLATE_NOOP(C, "That return is not waiting.")))
        if any(s.state == "done" and s.external for s in attempt.steps):
            return refused(
                msg(
                    QT_TRANSLATE_NOOP(
                        C, "Part of this return was already refunded to the card: finish it instead."
                    )
                )
            )
        if (
            claim_body(attempt.document) is not None
            and attempt.document.verified
            and self.backend is not None
        ):
            try:
                self.backend.release_return(return_uuid)
            except BackendNotFound:
                pass  # never held (the till stopped before the claim)
            except BackendRefused as e:
                return refused(said(e))
            except BackendUnavailable as e:
                return failed(
                    msg(
                        QT_TRANSLATE_NOOP(C, "The backend cannot be reached to release the items ({error})."),
                        error=said(e),
                    )
                )
        self.records.abandon_return(return_uuid)
        return done(msg(QT_TRANSLATE_NOOP(C, "The return was given up; nothing was refunded.")))

    # ------------------------------------------------------------------ the receipt
    def receipt(self, doc: ReturnDocument, *, original_label: str = "", title: str = "RETURN") -> Receipt:
        staff = self.shop.staff.get(doc.staff_id) if doc.staff_id else None
        return receipt_for_return(
            doc,
            self.shop.config,
            store_name=self.shop.settings["store.name"],
            cashier=staff.name if staff is not None else doc.staff_id,
            original_label=original_label,
            title=title,
        )


__all__ = ["RefundRunner", "claim_body", "new_credit_code"]
