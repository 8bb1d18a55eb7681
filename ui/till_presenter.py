"""The Till workspace's presenter: the page's buttons go to `app.till.TillService`, its results come back
as words, reports and dialogs. No retail rule here; questions open without a nested event loop, blocking
calls (the journal, the drawer, Stripe) run on the task manager's workers."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from app.i18n import Catalog
from app.messages import CONTEXT
from app.results import Result
from app.till_report import header_lines, local_time, report_sections
from ui.presenter import Presenter
from ui.qt import QCoreApplication, QFileDialog, QTimer, QWidget
from ui.taskman import TaskManager
from ui.till_page import CloseDialog, CountDialog, TillPage

log = logging.getLogger("ui.till")


def tr_app(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


class TillPresenter(Presenter):
    def __init__(
        self, till: Any, page: TillPage, tasks: TaskManager, window: QWidget, approvals: Any
    ) -> None:
        super().__init__(tasks, window, approvals)
        self.till, self.page = till, page
        self.shop = till.shop
        self.fmt = self.shop.fmt
        self.last_z: Any = None
        page.action.connect(self.on_action)

    # ------------------------------------------------------------------ the Presenter's hooks
    def show_message(self, text: str, error: bool) -> None:
        self.page.show_message(text, error=error)

    def focus(self) -> None:
        self.page.setFocus()

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

    def shown(self, result: Result) -> None:
        from app.till import ZReport

        if isinstance(result.value, ZReport):
            self.show_z(result.value)

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
        self.open("count", dlg)

    def do_open(self) -> None:
        self._count(
            self.tr_("Opening count"),
            self.tr_("Count the float in the drawer, note by note and coin by coin."),
            dict(self.till.demo_float().pieces) if self.shop.demo is not None else {},
            lambda count: self.call(lambda: self.till.open(count), "io"),
        )

    def _amount_and_reason(self, title: str, call: Callable[[int, str], Result], reason: bool = True) -> None:
        def amount_given(text: str) -> None:
            amount = self.shop.parse_amount(text)
            if amount is None:
                self.say(self.tr_("That is not an amount."), error=True)
            elif not reason:
                self.call(lambda: call(amount, ""), "io")
            else:  # the next question once this one has closed
                QTimer.singleShot(
                    0,
                    lambda: self.ask_text(
                        "reason",
                        title,
                        self.tr_("Reason (kept with the movement):"),
                        lambda why: self.call(lambda: call(amount, why), "io"),
                    ),
                )

        self.ask_text("amount", title, self.tr_("Amount:"), amount_given)

    def do_cash_in(self) -> None:
        self._amount_and_reason(self.tr_("Cash in"), self.till.cash_in)

    def do_cash_out(self) -> None:
        self._amount_and_reason(self.tr_("Cash out"), self.till.cash_out)

    def do_drop(self) -> None:
        self._amount_and_reason(self.tr_("Drop to the safe"), self.till.drop, reason=False)

    def do_no_sale(self) -> None:
        self.ask_text(
            "no_sale",
            self.tr_("No sale"),
            self.tr_("Why open the drawer? (logged)"),
            lambda why: self.call(lambda: self.till.no_sale(why), "io"),
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
        self.say(self.tr_("X report: the session so far. Nothing was closed."))

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
        dlg.accepted.connect(lambda: self._close(count, dlg.reason.text()))  # read here, on the GUI thread
        self.open("close", dlg)

    def _close(self, count: Any, reason: str) -> None:
        self.call(lambda: self.till.close(count, reason), "io")

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
            self.say(self.tr_("No closed session yet."), error=True)
            return
        self.show(self.till.z_report(closed[0].session_id))

    def do_pdf(self) -> None:
        from app.till_report import write_pdf
        from pos.money import exponent

        if self.last_z is None:
            self.say(self.tr_("Show a Z report first."), error=True)
            return
        z = self.last_z
        dlg = QFileDialog(
            self.window, self.tr_("Save the Z report"), f"z-report-{z.session_id}.pdf", "PDF (*.pdf)"
        )
        dlg.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dlg.setOption(QFileDialog.Option.DontUseNativeDialog, True)

        def chosen(path: str) -> None:
            words = Catalog.load(self.shop.config.locale)  # the store's language, like the printout
            sections = report_sections(z.report, self.fmt, z=z, tr=words.tr)
            unit = 10 ** exponent(z.report.currency)
            caption = words.translate("TillPresenter", "Sales by hour")
            self.tasks.run(
                "io",
                lambda: write_pdf(
                    path,
                    sections,
                    header_lines(z, words.tr),
                    z.report.by_hour,
                    chart_title=caption,
                    amount_unit=unit,
                ),  # fmt: skip
                lambda p: self.say(self.tr_("Saved: {path}").format(path=p)),
                lambda e: self.say(str(e), error=True),
            )

        dlg.fileSelected.connect(chosen)
        self.open("pdf", dlg)

    def do_print(self) -> None:
        if self.last_z is None:
            self.say(self.tr_("Show a Z report first."), error=True)
            return
        self.call(lambda: self.till.print_z(self.last_z), "io")


__all__ = ["TillPresenter"]
