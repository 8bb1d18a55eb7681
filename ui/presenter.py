"""What every workspace presenter does with a service's typed `Result`: say it, ask a manager when it needs
one and call the service again with the approval, show a receipt, watch its print job. Blocking calls run
on the task manager's workers; questions open without a nested event loop and give the keyboard back to
the workspace when they close.

A presenter holds no retail rule: it turns a page's requests into service calls and results into widgets.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from app.messages import CONTEXT, Msg, said
from app.results import Outcome, Result
from ui import prompts
from ui.qt import QApplication, QCoreApplication, QObject, Qt, QWidget, Signal
from ui.taskman import TaskManager

log = logging.getLogger("ui.presenter")


def say_text(message: Msg) -> str:
    """A service's message in the reader's language."""
    if not message:
        return ""

    def tr(text: str) -> str:
        return QCoreApplication.translate(CONTEXT, text)

    return message.render(tr(message.template), tr)


def tr_of(speaker: object, text: str, owner: Any = None) -> str:
    """`text` translated in the context of the class that says it (tools/i18n.py files it there): the
    speaker's class or a base class, nearest first; then the `owner`'s (a helper of a presenter)."""
    for cls in type(speaker).__mro__:
        if (said := QCoreApplication.translate(cls.__name__, text)) != text:
            return said
    return tr_of(owner, text) if owner is not None else text


class Presenter(QObject):
    receipt_ready = Signal(object)  # Receipt

    def __init__(self, tasks: TaskManager, window: QWidget, approvals: Any) -> None:
        super().__init__(window)
        self.tasks = tasks
        self.window = window
        self.approvals = approvals
        self.asking: str | None = None  # the question open right now (a double press is ignored)

    # ------------------------------------------------------------------ what subclasses provide
    def show_message(self, text: str, error: bool) -> None:
        raise NotImplementedError

    def focus(self) -> None:
        """Give the keyboard back to the workspace (its scan field)."""

    def refresh(self) -> None:
        """Redraw from the service's state."""

    def shown(self, result: Result) -> None:
        """Anything else a result means on this workspace (a completed sale...)."""

    # ------------------------------------------------------------------ the common part
    def tr_(self, text: str) -> str:
        return tr_of(self, text)

    def tier(self, tier: str) -> str:
        """A loyalty tier's name in the reader's language (app.members.tier_name)."""
        from app.members import tier_name

        return say_text(tier_name(tier))

    def say(self, text: str, *, error: bool = False) -> None:
        self.show_message(text, error)
        if error:
            QApplication.beep()
            log.info("message: %s", text)

    def focus_back(self) -> None:
        """A question closed: the window takes the keyboard back (without a window manager, as on a
        kiosk till, X gives the focus to nobody when a dialog's window goes) and then the workspace."""
        self.asking = None
        self.window.activateWindow()
        self.focus()

    def show(self, result: Result, executor: str | None = None) -> None:
        """Say what a service call did; ask a manager when it needs one."""
        if result.outcome is Outcome.NEEDS_APPROVAL:
            self._ask_approval(result, executor)
            return
        self.say(say_text(result.message), error=result.error or result.outcome is not Outcome.DONE)
        if result.receipt is not None:
            self.receipt_ready.emit(result.receipt)
        if result.printing is not None:
            self.tasks.watch(result.printing, self._printed, self._print_failed)
        self.shown(result)
        self.refresh()

    def call(self, fn: Callable[[], Result], executor: str | None = None) -> None:
        """Run a service call inline (quick) or on a worker (it blocks), then show its result."""
        if executor is None:
            self.show(fn())
            return
        self.tasks.run(executor, fn, lambda r: self.show(r, executor), self.failed)

    def failed(self, exc: BaseException) -> None:
        log.error("service call failed", exc_info=exc)
        self.say(
            self.tr_("That did not work: {error}. Nothing was lost; try again.").format(
                error=say_text(said(exc))
            ),
            error=True,
        )
        self.refresh()

    def _printed(self, outcome: Any) -> None:
        if not getattr(outcome, "printed", True):
            self.say(
                self.tr_("Receipt not printed: {problem} It waits in the print queue.").format(
                    problem=outcome.message
                ),
                error=True,
            )

    def _print_failed(self, exc: BaseException) -> None:
        self.say(self.tr_("Printer problem: {error}. The receipt is kept.").format(error=exc), error=True)

    def _ask_approval(self, result: Result, executor: str | None) -> None:
        from ui.override import OverrideDialog

        self.say(say_text(result.message), error=True)
        dlg = OverrideDialog(result.request, self.approvals, self.window, tasks=self.tasks)
        retry = result.retry
        dlg.approved.connect(lambda ov: self.call(lambda: retry(ov), executor))
        dlg.rejected.connect(lambda: self.say(self.tr_("Not approved; nothing changed."), error=True))
        self.open("approval", dlg)

    def open(self, key: str, dlg: Any) -> Any:
        """Open a question (window-modal, no nested event loop); the keyboard comes back when it closes."""
        self.asking = key
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.finished.connect(lambda _r: self.focus_back())
        dlg.open()
        return dlg

    def ask_text(self, key: str, title: str, label: str, answered: Callable[[str], None]) -> None:
        """A line of text; a blank answer does nothing."""
        self.asking = key
        prompts.ask_text(
            self.window, title, label, lambda t: answered(t) if t.strip() else None, on_closed=self.focus_back
        )


__all__ = ["Presenter", "say_text"]
