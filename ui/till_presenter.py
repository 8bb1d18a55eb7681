"""The Till workspace's presenter: the page's buttons go to `app.till.TillService`, its results come back
as words, reports and dialogs. No retail rule here; questions open without a nested event loop, blocking
calls (the journal, the drawer, Stripe) run on the task manager's workers."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from app.messages import CONTEXT
from app.results import Outcome, Result
from app.till_report import header_lines, local_time, report_sections
from ui import prompts
from ui.qt import QCoreApplication, QFileDialog, QObject, Qt, QWidget
from ui.sell_presenter import say_text
from ui.taskman import TaskManager
from ui.till_page import CloseDialog, CountDialog, TillPage

log = logging.getLogger("ui.till")


def tr_app(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


class TillPresenter(QObject):
    def __init__(
        self, till: Any, page: TillPage, tasks: TaskManager, window: QWidget, approvals: Any
    ) -> None:
        super().__init__(window)
        self.till, self.page, self.tasks, self.window, self.approvals = till, page, tasks, window, approvals
        self.shop = till.shop
        self.fmt = self.shop.fmt
        self.last_z: Any = None
        self.asking: str | None = None
        page.action.connect(self.on_action)

    def tr_(self, text: str) -> str:
        return QCoreApplication.translate("TillPresenter", text)

    # ------------------------------------------------------------------ state
    def refresh(self) -> None:
        sid = self.till.session_id
        if sid is None:
            self.page.set_open(False, self.tr_("The till is closed. Open it with a counted float."))
            return
        info = self.till.records.get(sid)
        self.page.set_open(
            True,
            self.tr_("Open since {at} (session {session})").format(
                at=local_time(info.opened_at), session=sid
            ),
        )

    def show(self, result: Result, retry_on: str | None = None) -> None:
        if result.outcome is Outcome.NEEDS_APPROVAL:
            self._ask_approval(result, retry_on)
            return
        error = result.error or not result.ok
        self.page.show_message(say_text(result.message), error=error)
        self.refresh()

    def _run(self, fn: Callable[[], Result], then: Callable[[Result], None] | None = None) -> None:
        def finished(r: Result) -> None:
            (then or self.show)(r)

        self.tasks.run("io", fn, finished, lambda e: self.page.show_message(str(e), error=True))

    def _ask_approval(self, result: Result, _key: str | None) -> None:
        from ui.override import OverrideDialog

        self.page.show_message(say_text(result.message), error=True)
        dlg = OverrideDialog(result.request, self.approvals, self.window, tasks=self.tasks)
        retry = result.retry
        dlg.approved.connect(lambda ov: self._run(lambda: retry(ov), self._after))
        self._open("approval", dlg)

    def _open(self, key: str, dlg: Any) -> Any:
        self.asking = key
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.finished.connect(self._closed)
        dlg.open()
        return dlg

    def _closed(self, _r: int = 0) -> None:
        self.asking = None

    def _after(self, result: Result) -> None:
        """A result that may carry a report (X, Z) or ask for a manager."""
        from app.till import ZReport

        if isinstance(result.value, ZReport):
            self.show_z(result.value)
        self.show(result)

    # ------------------------------------------------------------------ actions
    def on_action(self, key: str) -> None:
        if self.asking is not None:
            return
        getattr(self, f"do_{key}")()

    def _count(self, title: str, note: str, prefill: dict[int, int], done: Callable[[Any], None]) -> None:
        dlg = CountDialog(title, note, self.till.denominations(), self.fmt, prefill, self.window)

        def counted() -> None:
            count = self.till.count(dlg.counted)
            if isinstance(count, Result):
                self.show(count)
                return
            done(count)

        dlg.accepted.connect(counted)
        self._open("count", dlg)

    def do_open(self) -> None:
        self._count(
            self.tr_("Opening count"),
            self.tr_("Count the float in the drawer, note by note and coin by coin."),
            dict(self.till.demo_float().pieces) if self.shop.demo is not None else {},
            lambda count: self._run(lambda: self.till.open(count)),
        )

    def _amount_and_reason(self, title: str, call: Callable[[int, str], Result], reason: bool = True) -> None:
        def amount_given(text: str) -> None:
            amount = self.shop.parse_amount(text)
            if amount is None:
                self.page.show_message(self.tr_("That is not an amount."), error=True)
                return
            if not reason:
                self._run(lambda: call(amount, ""))
                return
            self.asking = "reason"
            prompts.ask_text(
                self.window,
                title,
                self.tr_("Reason (kept with the movement):"),
                lambda why: self._run(lambda: call(amount, why)),
                on_closed=self._closed,
            )

        self.asking = "amount"
        prompts.ask_text(self.window, title, self.tr_("Amount:"), amount_given, on_closed=self._closed)

    def do_cash_in(self) -> None:
        self._amount_and_reason(self.tr_("Cash in"), self.till.cash_in)

    def do_cash_out(self) -> None:
        self._amount_and_reason(self.tr_("Cash out"), self.till.cash_out)

    def do_drop(self) -> None:
        self._amount_and_reason(self.tr_("Drop to the safe"), self.till.drop, reason=False)

    def do_no_sale(self) -> None:
        self.asking = "no_sale"
        prompts.ask_text(
            self.window,
            self.tr_("No sale"),
            self.tr_("Why open the drawer? (logged)"),
            lambda why: self._run(lambda: self.till.no_sale(why)),
            on_closed=self._closed,
        )

    def do_x_report(self) -> None:
        result = self.till.x_report()
        if not result.ok:
            self.show(result)
            return
        report = result.value
        self.page.show_report(
            self.tr_("X report · session {session} · not closed").format(session=self.till.session_id),
            report_sections(report, self.fmt, tr=tr_app),
            report.by_hour,
            self.tr_("Sales by hour"),
        )
        self.page.show_message(self.tr_("X report: the session so far. Nothing was closed."))

    def do_close(self) -> None:
        self._count(
            self.tr_("Blind count"),
            self.tr_("Count the drawer. The expected amount is shown after the count."),
            {},
            self._counted,
        )

    def _counted(self, count: Any) -> None:
        check = self.till.check_count(count)
        if not check.ok:
            self.show(check)
            return
        out = check.value
        lines = [
            (self.tr_("Counted"), self.fmt(out.counted)),
            (self.tr_("Expected"), self.fmt(out.expected)),
            (self.tr_("Over (+) / short (−)"), self.fmt(out.difference)),
        ]
        if out.difference == 0:
            verdict = self.tr_("Exactly as expected.")
        elif out.needs_approval:
            verdict = self.tr_("Above {limit}: a manager approves the difference.").format(
                limit=self.fmt(self.till.threshold)
            )
        else:
            verdict = self.tr_("Say why, and close.")
        dlg = CloseDialog(lines, verdict, out.needs_reason, self.window)
        dlg.accepted.connect(
            lambda: self._run(lambda: self.till.close(count, dlg.reason.text()), self._after)
        )
        self._open("close", dlg)

    def show_z(self, z: Any) -> None:
        self.last_z = z
        self.page.show_report(
            " · ".join(header_lines(z, tr_app)[1:]),
            report_sections(z.report, self.fmt, z=z, tr=tr_app),
            z.report.by_hour,
            self.tr_("Sales by hour"),
        )

    def do_z_report(self) -> None:
        closed = [s for s in self.till.sessions(5) if s.closed_at]
        if not closed:
            self.page.show_message(self.tr_("No closed session yet."), error=True)
            return
        self._after(self.till.z_report(closed[0].session_id))

    def do_pdf(self) -> None:
        from app.till_report import write_pdf
        from pos.money import exponent

        if self.last_z is None:
            self.page.show_message(self.tr_("Show a Z report first."), error=True)
            return
        z = self.last_z
        dlg = QFileDialog(
            self.window, self.tr_("Save the Z report"), f"z-report-{z.session_id}.pdf", "PDF (*.pdf)"
        )
        dlg.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dlg.setOption(QFileDialog.Option.DontUseNativeDialog, True)

        def chosen(path: str) -> None:
            sections = report_sections(z.report, self.fmt, z=z, tr=tr_app)
            unit = 10 ** exponent(z.report.currency)
            caption = self.tr_("Sales by hour")
            self.tasks.run(
                "io",
                lambda: write_pdf(
                    path,
                    sections,
                    header_lines(z, tr_app),
                    z.report.by_hour,
                    chart_title=caption,
                    amount_unit=unit,
                ),  # fmt: skip
                lambda p: self.page.show_message(self.tr_("Saved: {path}").format(path=p)),
                lambda e: self.page.show_message(str(e), error=True),
            )

        dlg.fileSelected.connect(chosen)
        self._open("pdf", dlg)

    def do_print(self) -> None:
        if self.last_z is None:
            self.page.show_message(self.tr_("Show a Z report first."), error=True)
            return
        self._run(lambda: self.till.print_z(self.last_z))


__all__ = ["TillPresenter"]
