"""The till session: open with a counted float, cash in and out, drops, no-sales, X reports, the blind count
and the close with its Z report, and the card totals reconciled with Stripe. Qt-free; a window, a test,
`omo-pos till` and `omo-pos drive` call it alike.

    till = shop.till
    till.begin_shift(mia)
    till.open(CashCount("EUR", {2000: 5, 500: 10}))          # Result(DONE, value=SessionInfo)
    till.cash_out(1250, "window cleaner")                    # Result(DONE)
    till.x_report()                                          # Result(DONE, value=TillReport)
    r = till.check_count(counted)                            # value=CloseOut: expected, over/short
    r = till.close(counted, reason="coin roll miscounted")   # NEEDS_APPROVAL above the threshold
    r = r.retry(shop.approvals.approve(r.request, "9999").override)   # value=ClosedSession

Rules are in `pos/till.py` (the cash equation, the report, over/short, the card reconciliation); SQL is in
`sync/store/till.py`. Selling needs an open session: `sale_gate` is the check the composition root hands to
the selling service. In demo mode the first login opens a session with the demo float (`open_demo`).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from app.approval import approve_once
from app.messages import QT_TRANSLATE_NOOP, Msg, msg, said
from app.results import Outcome, Result, done, failed, refused
from pos.documents import TillClosure
from pos.staff import Override, Permission, StaffMember, authorise
from pos.till import (
    CardReconciliation,
    CashCount,
    CloseOut,
    CountError,
    LocalCard,
    ProcessorPayment,
    TillReport,
    build_report,
    denominations,
    reconcile_cards,
)

log = logging.getLogger("app.till")

C = "app"
MOVEMENTS = ("paid_in", "paid_out", "drop")


@dataclass(frozen=True)
class ZReport:
    """A closed session as its Z report shows it: the report figures, the count and the cards."""

    session_id: str
    till_id: str
    store_name: str
    opened_at: str
    opened_by: str
    closed_at: str
    closed_by: str
    report: TillReport
    counted: int
    difference: int
    reason: str
    approved_by: str | None
    cards: dict[str, Any]  # the reconciliation as recorded at the close

    @classmethod
    def of(cls, closure: TillClosure) -> ZReport:
        r = closure.report
        return cls(
            session_id=closure.session_id,
            till_id=closure.till_id,
            store_name=r.get("store_name", ""),
            opened_at=r.get("opened_at", ""),
            opened_by=r.get("opened_by", ""),
            closed_at=closure.closed_at,
            closed_by=r.get("closed_by_name", closure.closed_by),
            report=TillReport.from_json(r["figures"]),
            counted=closure.counted_cash,
            difference=closure.difference,
            reason=closure.reason,
            approved_by=r.get("approved_by_name", closure.approved_by),
            cards=r.get("cards", {}),
        )


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


class TillService:
    # how long a close waits for card payments authorised moments ago to settle (relayed: the backend
    # captures once it has the sale's commit, then tells the till; direct: a capture being retried)
    card_settle_wait = 15.0

    def __init__(self, shop: Any) -> None:
        from sync.store.till import SessionRecords

        self.shop = shop
        self.records = SessionRecords(shop.store)
        self.currency: str = shop.config.currency
        self.staff: StaffMember | None = None
        self.threshold = int(shop.settings["till.over_short_approval_above"])
        self._lock = threading.RLock()
        current = self.records.current()
        self._open_id: str | None = current.session_id if current else None

    # ------------------------------------------------------------------ who, and the gate of selling
    def begin_shift(self, member: StaffMember) -> None:
        self.staff = member

    def end_shift(self) -> None:
        self.staff = None

    @property
    def session_id(self) -> str | None:
        return self._open_id

    def sale_gate(self, staff: StaffMember | None = None) -> Msg | None:
        """Why a sale cannot start now (no open session), or None. Called on every scan: no I/O unless the
        demo opens its session on the first sale of a headless run."""
        if self._open_id is not None:
            return None
        if self.shop.demo is not None and self.shop.settings["till.demo_open_at_login"] and staff is not None:
            if self.open_demo(staff).ok:
                return None
        return msg(QT_TRANSLATE_NOOP(C, "The till is not open: a manager opens it on the Till page."))

    def denominations(self) -> tuple[int, ...]:
        return denominations(self.currency)

    def count(self, pieces: dict[int, int]) -> CashCount | Result:
        try:
            return CashCount(self.currency, pieces)
        except CountError as e:
            return refused(said(e))

    # ------------------------------------------------------------------ permissions
    def _who(self) -> Result | None:
        if self.staff is None:
            return refused(msg(QT_TRANSLATE_NOOP(C, "Log in first.")))
        return None

    def _approved(
        self,
        permission: Permission,
        grant: Override | None,
        subject: str,
        retry: Callable[[Override], Result],
        *,
        always: bool = False,
        reason: str = "",
    ) -> str | Result:
        """ "" when the person may do it themselves, the approver's id for an approval the till's
        `Approvals` issued after a manager's PIN for exactly this (used up here), or the Result to answer
        (NEEDS_APPROVAL, or REFUSED for a grant that does not cover it: made up, copied, used, another's).
        `always`: a manager's PIN is the signature even when the person could do it (a big over/short)."""
        assert self.staff is not None
        return approve_once(
            self.shop.approvals,
            self.staff,
            permission,
            grant,
            subject=subject,
            retry=retry,
            reason=reason,
            always=always,
            asking=msg(QT_TRANSLATE_NOOP(C, "{what}: a manager approves it."), what=subject),
        )

    def _session(self) -> Result | str:
        if self._open_id is None:
            return refused(msg(QT_TRANSLATE_NOOP(C, "The till is not open.")))
        return self._open_id

    # ------------------------------------------------------------------ opening
    def demo_float(self) -> CashCount:
        return CashCount.float_of(self.currency, int(self.shop.settings["till.demo_float"]))

    def open(self, count: CashCount, grant: Override | None = None) -> Result:
        """Open the till with its float, counted by denomination (one open session per till)."""
        with self._lock:
            if (why := self._who()) is not None:
                return why
            if self._open_id is not None:
                return refused(msg(QT_TRANSLATE_NOOP(C, "The till is already open.")))
            approver = self._approved(
                Permission.OPEN_TILL, grant, "Opening the till", lambda ov: self.open(count, ov)
            )
            if isinstance(approver, Result):
                return approver
            return self._open(self.staff, count, approver)

    def open_demo(self, member: StaffMember) -> Result:
        """Demo mode only: the first login opens the till with the demo float (shown, and correctable with
        `recount_float`), so the first sale is three steps."""
        with self._lock:
            if self.shop.demo is None:
                return refused(msg(QT_TRANSLATE_NOOP(C, "Only the demo shop opens its till by itself.")))
            if self._open_id is not None:
                return done()
            return self._open(member, self.demo_float(), "", demo=True)

    def _open(self, member: StaffMember, count: CashCount, approver: str, *, demo: bool = False) -> Result:
        from sync.store.till import SessionError

        session_id = f"{self.shop.settings['till.id']}-{datetime.now(UTC):%Y%m%d-%H%M%S}-{self._short_id()}"
        try:
            info = self.records.open(session_id, member.id, count, _now())
        except SessionError as e:
            return refused(said(e))
        self._open_id = info.session_id
        self.shop.journal.audit(
            "till.opened",
            member.id,
            {"session_id": session_id, "float": count.total, "approved_by": approver or None, "demo": demo},
        )
        template = (
            QT_TRANSLATE_NOOP(C, "Till opened for the day with the demo float of {amount}.")
            if demo
            else QT_TRANSLATE_NOOP(C, "Till opened with a float of {amount}.")
        )
        return done(msg(template, amount=self.shop.fmt(count.total)), value=info)

    @staticmethod
    def _short_id() -> str:
        import uuid

        return uuid.uuid4().hex[:6]

    def recount_float(self, count: CashCount, reason: str, grant: Override | None = None) -> Result:
        """The opening count was wrong: record the right one (the float is its total from now on)."""
        with self._lock:
            if (why := self._who()) is not None:
                return why
            sid = self._session()
            if isinstance(sid, Result):
                return sid
            reason = reason.strip() or "opening count corrected"
            approver = self._approved(
                Permission.OPEN_TILL,
                grant,
                "Correcting the float",
                lambda ov: self.recount_float(count, reason, ov),
            )
            if isinstance(approver, Result):
                return approver
            self.records.recount_float(
                session_id=sid, count=count, staff_id=self.staff.id, created_at=_now(), reason=reason
            )
            return done(
                msg(QT_TRANSLATE_NOOP(C, "The float is now {amount}."), amount=self.shop.fmt(count.total))
            )

    def opening_count(self) -> CashCount | None:
        return self.records.opening_count(self._open_id) if self._open_id else None

    # ------------------------------------------------------------------ cash during the day
    def cash_in(self, amount: int, reason: str, grant: Override | None = None) -> Result:
        return self._move("paid_in", amount, reason, grant)

    def cash_out(self, amount: int, reason: str, grant: Override | None = None) -> Result:
        return self._move("paid_out", amount, reason, grant)

    def drop(self, amount: int, reason: str = "", grant: Override | None = None) -> Result:
        return self._move("drop", amount, reason or "drop to the safe", grant)

    def _move(self, kind: str, amount: int, reason: str, grant: Override | None) -> Result:
        """Blocking (the journal, then the drawer)."""
        with self._lock:
            if (why := self._who()) is not None:
                return why
            sid = self._session()
            if isinstance(sid, Result):
                return sid
            if amount <= 0:
                return refused(msg(QT_TRANSLATE_NOOP(C, "The amount must be more than zero.")))
            reason = reason.strip()
            if not reason:
                return refused(
                    msg(QT_TRANSLATE_NOOP(C, "Say what the cash is for (it is kept with the movement)."))
                )
            subject = {"paid_in": "Cash in", "paid_out": "Cash out", "drop": "A drop to the safe"}[kind]
            approver = self._approved(
                Permission.OPEN_TILL,
                grant,
                subject,
                lambda ov: self._move(kind, amount, reason, ov),
                reason=reason,
            )
            if isinstance(approver, Result):
                return approver
            self.records.movement(
                movement_id=f"{sid}:{kind}:{self._short_id()}",
                session_id=sid,
                kind=kind,
                amount=amount,
                staff_id=self.staff.id,
                created_at=_now(),
                reason=reason,
                approved_by=approver or None,
            )
        drawer = self._drawer(reason)
        words = {
            "paid_in": QT_TRANSLATE_NOOP(C, "Cash in: {amount} ({reason})."),
            "paid_out": QT_TRANSLATE_NOOP(C, "Cash out: {amount} ({reason})."),
            "drop": QT_TRANSLATE_NOOP(C, "Drop to the safe: {amount}."),
        }[kind]
        message = msg(words, amount=self.shop.fmt(amount), reason=reason)
        return done(drawer or message, error=drawer is not None)

    def no_sale(self, reason: str, grant: Override | None = None) -> Result:
        """Open the drawer without a sale (reason logged, counted on the Z report)."""
        with self._lock:
            if (why := self._who()) is not None:
                return why
            sid = self._session()
            if isinstance(sid, Result):
                return sid
            reason = reason.strip()
            if not reason:
                return refused(msg(QT_TRANSLATE_NOOP(C, "Say why the drawer opens.")))
            approver = self._approved(
                Permission.NO_SALE,
                grant,
                "Opening the drawer without a sale",
                lambda ov: self.no_sale(reason, ov),
                reason=reason,  # the manager's PIN pad shows it (a no-sale's approval needs one)
            )
            if isinstance(approver, Result):
                return approver
            self.records.movement(
                movement_id=f"{sid}:no_sale:{self._short_id()}",
                session_id=sid,
                kind="no_sale",
                amount=0,
                staff_id=self.staff.id,
                created_at=_now(),
                reason=reason,
                approved_by=approver or None,
            )
            self.shop.journal.audit("drawer.no_sale", self.staff.id, {"reason": reason, "session_id": sid})
        problem = self._drawer(reason)
        return done(problem or msg(QT_TRANSLATE_NOOP(C, "Drawer opened.")), error=problem is not None)

    def _drawer(self, reason: str) -> Msg | None:
        try:
            self.shop.printer.open_drawer(reason).result(timeout=30)
        except Exception as e:
            return msg(QT_TRANSLATE_NOOP(C, "Recorded, but the drawer did not open: {error}"), error=said(e))
        return None

    # ------------------------------------------------------------------ reports
    def x_report(self) -> Result:
        """The session so far, without closing it."""
        if (why := self._who()) is not None:
            return why
        if not authorise(self.staff, Permission.REPORTS).allowed:
            return refused(msg(QT_TRANSLATE_NOOP(C, "{name} may not see reports."), name=self.staff.name))
        sid = self._session()
        if isinstance(sid, Result):
            return sid
        return done(value=self._report(sid))

    def _report(self, session_id: str) -> TillReport:
        return _labelled(build_report(self.records.figures(session_id, tz=_local_tz())), self.shop)

    def check_count(self, count: CashCount) -> Result:
        """The blind count is in: now the expected cash and the over/short (nothing is written)."""
        if (why := self._who()) is not None:
            return why
        sid = self._session()
        if isinstance(sid, Result):
            return sid
        report = self._report(sid)
        return done(value=CloseOut(report.expected_cash, count.total, self.threshold))

    # ------------------------------------------------------------------ cards
    def reconcile_cards(self, session_id: str | None = None) -> Result:
        """Blocking (Stripe): the session's card tenders against the PaymentIntents Stripe captured and
        refunded in its window. Offline: the journal's side alone, said so."""
        sid = session_id or self._open_id
        if sid is None:
            return refused(msg(QT_TRANSLATE_NOOP(C, "The till is not open.")))
        info = self.records.get(sid)
        journal_side = [LocalCard(pi, amount) for pi, amount in self.records.card_tenders(sid)]
        unresolved = self.records.unresolved_card_attempts()
        terminal = self.shop.terminal
        if terminal is None or not getattr(terminal, "available", True):  # no card reader: no card payments
            return done(value=reconcile_cards(journal_side, [], unresolved))
        mine = self.records.session_attempts(info.opened_at)
        since = int(datetime.fromisoformat(info.opened_at).timestamp()) - 60
        try:
            payments: list[ProcessorPayment] = terminal.payments_since(since, mine)
        except Exception as e:  # offline: the journal's side, and the reason it is alone
            log.warning("card reconciliation: Stripe unreachable: %s", e)
            return done(
                msg(
                    QT_TRANSLATE_NOOP(C, "Card totals could not be checked with Stripe: {error}"),
                    error=said(e),
                ),
                value=reconcile_cards(journal_side, [], unresolved),
                error=True,
            )
        return done(value=reconcile_cards(journal_side, payments, unresolved))

    def _settle_cards(self) -> None:
        """Card payments of completed sales whose capture is still outstanding (authorised moments ago)
        settle within a second or two: wake the sync, run the reconciler and wait for them, at most
        ``card_settle_wait`` seconds. What is still unsettled after that refuses the close."""
        from pos.payment import AUTHORIZED

        payments = self.shop.payments
        if not payments.available:
            return
        deadline = time.monotonic() + self.card_settle_wait
        while any(a.status == AUTHORIZED for a in payments.journal.non_final()):
            if self.shop.sync_engine is not None:
                self.shop.sync_engine.wake()
            try:  # fresh attempts of a sale still open are left to its cashier (min_age)
                payments.reconcile(self.shop.recover_card_sale, min_age=120.0)
            except Exception as e:  # noqa: BLE001 - the close says what is unsettled
                log.warning("card settlement before the close: %s", e)
            if time.monotonic() >= deadline:
                return
            time.sleep(0.2)

    # ------------------------------------------------------------------ the close
    def close(self, count: CashCount, reason: str = "", grant: Override | None = None) -> Result:
        """Blocking. Close the session with the blind count; a difference needs a reason, and one above the
        threshold a manager's PIN. Refused while a card payment is unresolved. The closure is queued behind
        the session's sales; unsynced events are said, never a reason to wait."""
        from sync.store.till import SessionError

        if self._open_id is not None:
            self._settle_cards()  # outside the lock: it asks the backend (or Stripe)
        with self._lock:
            if (why := self._who()) is not None:
                return why
            sid = self._session()
            if isinstance(sid, Result):
                return sid
            cards = self.reconcile_cards(sid)
            rec: CardReconciliation = cards.value
            if rec.blocks_close:
                return refused(
                    msg(
                        QT_TRANSLATE_NOOP(
                            C,
                            "A card payment is not settled ({what}): the till cannot close until it is. "
                            "Finish the payment, or let the reconciler settle it, then close.",
                        ),
                        what=", ".join(
                            dict.fromkeys(
                                p.payment_intent
                                for p in rec.problems
                                if p.kind in ("unresolved", "uncaptured")
                            )
                        ),
                    ),
                    value=rec,
                )
            preview = CloseOut(self._report(sid).expected_cash, count.total, self.threshold)
            reason = reason.strip()
            if preview.needs_reason and not reason:
                return refused(self._difference_words(preview, ask=True), value=preview)
            # one manager's PIN: for the close (beyond the role) or, with a big difference, for the
            # difference, which covers the close (the same action, signed by a manager whoever closes)
            approver: str | Result
            if not preview.needs_approval:
                approver = self._approved(
                    Permission.CLOSE_TILL, grant, "Closing the till", lambda ov: self.close(count, reason, ov)
                )
                if isinstance(approver, Result):
                    return approver
            else:
                approver = self._approved(
                    Permission.CLOSE_TILL,
                    grant,
                    f"A difference of {self.shop.fmt(preview.difference)}",
                    lambda ov: self.close(count, reason, ov),
                    always=True,
                    reason=reason,
                )
                if isinstance(approver, Result):
                    if approver.outcome is Outcome.NEEDS_APPROVAL:
                        return Result(
                            Outcome.NEEDS_APPROVAL,
                            self._difference_words(preview, ask=False),
                            request=approver.request,
                            retry=approver.retry,
                            value=preview,
                        )
                    return approver
            staff = self.staff
            session = self.records.get(sid)
            closed_at = _now()

            def build(figures: Any) -> TillClosure:
                report = build_report(figures)
                out = CloseOut(report.expected_cash, count.total, self.threshold)
                if out.difference != preview.difference:  # a sale landed since the count was checked
                    raise SessionError(
                        "A sale was recorded while you counted: check the count again, then close."
                    )
                return TillClosure(
                    session_id=sid,
                    till_id=session.till_id,
                    closed_by=staff.id,
                    closed_at=closed_at,
                    currency=self.currency,
                    expected_cash=out.expected,
                    counted_cash=out.counted,
                    difference=out.difference,
                    reason=reason,
                    approved_by=approver or None,
                    report={
                        "store_name": self.shop.settings["store.name"],
                        "opened_at": session.opened_at,
                        "opened_by": self._name(session.opened_by),
                        "closed_by_name": staff.name,
                        "approved_by_name": self._name(approver) if approver else None,
                        "count": count.to_json(),
                        "figures": _labelled(report, self.shop).to_json(),
                        "cards": _cards_json(rec, cards),
                    },
                )

            try:
                closure = self.records.close(
                    session_id=sid, count=count, closed_by=staff.id, closed_at=closed_at, build=build
                )
            except SessionError as e:
                return refused(said(e))
            except Exception as e:
                log.exception("closing the till failed")
                return failed(
                    msg(
                        QT_TRANSLATE_NOOP(
                            C, "The till could NOT be closed ({error}); nothing was recorded. Try again."
                        ),
                        error=said(e),
                    )
                )
            self._open_id = None
            self.shop.journal.audit(
                "till.closed",
                staff.id,
                {"session_id": sid, "difference": closure.difference, "approved_by": closure.approved_by},
            )
        z = ZReport.of(closure)
        note = self.unsynced_note()
        words = msg(
            QT_TRANSLATE_NOOP(C, "Till closed. {difference}{approved}{unsynced}"),
            difference=self._difference_words(preview, ask=False, closed=True),
            approved=msg(QT_TRANSLATE_NOOP(C, " {name} approved it."), name=z.approved_by)
            if closure.approved_by
            else "",
            unsynced=msg(QT_TRANSLATE_NOOP(C, " {note}"), note=note) if note else "",
        )
        return done(words, value=z)

    def _difference_words(self, out: CloseOut, *, ask: bool, closed: bool = False) -> Msg:
        fmt = self.shop.fmt
        if out.difference == 0:
            return msg(
                QT_TRANSLATE_NOOP(C, "Counted {counted}: exactly as expected."), counted=fmt(out.counted)
            )
        if ask:
            template = QT_TRANSLATE_NOOP(
                C,
                "Counted {counted}, expected {expected}: {side} by {amount}. "
                "Say why (kept with the closure).",
            )
        elif out.needs_approval and not closed:
            template = QT_TRANSLATE_NOOP(
                C,
                "Counted {counted}, expected {expected}: {side} by {amount}, above {limit}: "
                "a manager approves it.",
            )
        else:
            template = QT_TRANSLATE_NOOP(C, "Counted {counted}, expected {expected}: {side} by {amount}.")
        return msg(
            template,
            counted=fmt(out.counted),
            expected=fmt(out.expected),
            side=msg(QT_TRANSLATE_NOOP(C, "over"))
            if out.difference > 0
            else msg(QT_TRANSLATE_NOOP(C, "short")),
            amount=fmt(abs(out.difference)),
            limit=fmt(self.threshold),
        )

    def _name(self, staff_id: str) -> str:
        member = self.shop.staff.get(staff_id) if staff_id else None
        return member.name if member is not None else staff_id

    def unsynced_note(self) -> Msg | None:
        """How many events wait for the backend and how old the oldest is (said at logout and close)."""
        n, oldest = self.records.unsynced()
        if not n:
            return None
        age = (datetime.now(UTC) - datetime.fromisoformat(oldest)).total_seconds() if oldest else 0
        minutes = int(age // 60)
        return msg(
            QT_TRANSLATE_NOOP(
                C,
                "Not at the backend yet: {n} (the oldest from {minutes} min ago); they go on syncing.",
            ),
            n=n,
            minutes=minutes,
        )

    def z_report(self, session_id: str) -> Result:
        closure = self.records.closure(session_id)
        if closure is None:
            return refused(
                msg(
                    QT_TRANSLATE_NOOP(C, "Session {session} is not closed: no Z report yet."),
                    session=session_id,
                )
            )
        return done(value=ZReport.of(closure))

    def print_z(self, z: ZReport) -> Result:
        """Blocking (the print queue): the Z report on the receipt printer, section by section."""
        from app.i18n import Catalog
        from app.till_report import report_sections
        from pos.receipt import Receipt, ReceiptLine

        locale = self.shop.config.locale
        words = Catalog.load(locale)  # printed in the store's language, whoever is logged in
        lines: list[ReceiptLine] = []
        for title, rows in report_sections(z.report, self.shop.fmt, z=z, tr=words.tr):
            lines.append(ReceiptLine(title.upper(), 1, "", ""))
            lines += [ReceiptLine(label, 1, value, value) for label, value in rows]
        receipt = Receipt(
            store_name=z.store_name or self.shop.settings["store.name"],
            till_id=z.till_id,
            receipt_no=f"Z {z.session_id}",
            when=datetime.fromisoformat(z.closed_at).astimezone(),
            cashier=z.closed_by,
            sale_uuid=z.session_id,
            lines=tuple(lines),
            total=self.shop.fmt(z.report.net_sales),
            footer=(),
            labels=words.receipt_labels(locale, z_report=True),  # type: ignore[arg-type]
            claim_code=False,
        )
        try:
            outcome = self.shop.printer.print_receipt(receipt).result(timeout=30)
        except Exception as e:
            return failed(msg(QT_TRANSLATE_NOOP(C, "The Z report did not print: {error}"), error=said(e)))
        if not getattr(outcome, "printed", True):
            return done(
                msg(
                    QT_TRANSLATE_NOOP(C, "The Z report waits in the print queue: {problem}"),
                    problem=outcome.message,
                ),
                error=True,
            )
        return done(msg(QT_TRANSLATE_NOOP(C, "Z report printed.")))

    def sessions(self, limit: int = 20) -> list[Any]:
        return self.records.recent(limit)


def _local_tz() -> Any:
    return datetime.now().astimezone().tzinfo


def _labelled(report: TillReport, shop: Any) -> TillReport:
    from dataclasses import replace

    labels = {r.code: r.label for r in shop.config.tax_rates}
    return replace(report, rates=tuple(replace(r, label=labels.get(r.label, r.label)) for r in report.rates))


def _cards_json(rec: CardReconciliation, result: Result) -> dict[str, Any]:
    return {
        "checked_with_stripe": not result.error,
        "by_brand": [
            {"brand": b, "payments": n, "captured": c, "refunded": r} for b, n, c, r in rec.by_brand
        ],
        "journal_total": rec.journal_total,
        "stripe_total": rec.processor_total,
        "problems": [
            {
                "kind": p.kind,
                "payment_intent": p.payment_intent,
                "journal": p.journal_amount,
                "stripe": p.processor_amount,
            }
            for p in rec.problems
        ],
    }


__all__ = ["MOVEMENTS", "TillService", "ZReport"]
