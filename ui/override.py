"""The manager-approval dialog: "Discount 25 % needs a manager" → a manager types their PIN → the action
is approved in place and the `Override` goes to the audit log (through `Approvals`), or it is refused
with a reason the cashier understands. Keyboard first: digits, Backspace, Enter, Esc cancels.

    result = request_override(parent, OverrideRequest.from_authorisation(a), approvals)
    if result is None: ...  # cancelled
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from app.messages import said
from pos.staff import (
    ApprovalResult,
    Approvals,
    Override,
    OverrideRequest,
    OverrideStatus,
    Percent,
    Permission,
    StaffMember,
    authorise,
    format_wait,
)
from ui.i18n import role_word
from ui.presenter import say_text
from ui.qt import (
    QDialog,
    QKeyEvent,
    QLabel,
    QLineEdit,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
    Slot,
)
from ui.widgets import PinEntry, Tasks, TouchButton, font_px, run_off_gui

log = logging.getLogger("ui.override")


class OverrideDialog(QDialog):
    """Modal approval. `approved(Override)` then accept(); `refused(str message)` on each refused PIN
    (the dialog stays open for another try); Esc or Cancel rejects. `override` holds the result."""

    approved = Signal(object)  # Override
    refused = Signal(str)

    def __init__(
        self,
        request: OverrideRequest,
        approvals: Approvals,
        parent: QWidget | None = None,
        *,
        tasks: Tasks | None = None,
    ) -> None:
        super().__init__(parent)
        self._tasks = tasks  # when given, the PIN is checked on its "io" worker
        self.checking = False
        self.setObjectName("overrideDialog")
        self.setWindowTitle(self.tr("Manager approval"))
        self.setModal(True)
        self.request = request
        self.approvals = approvals
        self.override: Override | None = None
        lay = QVBoxLayout(self)
        lay.setContentsMargins(24, 20, 24, 20)
        lay.setSpacing(10)
        self.title = QLabel(say_text(said(request.message)), self)
        self.title.setObjectName("overrideTitle")
        self.title.setWordWrap(True)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        who = self.tr("Asked by {name} ({role})").format(
            name=request.actor.name, role=role_word(request.actor.role.value)
        )
        if request.subject:
            who += " · " + say_text(said(request.subject))  # a marked Sentence, or a name as it is
        self.hint = QLabel(who, self)
        self.hint.setObjectName("overrideHint")
        self.hint.setWordWrap(True)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        lay.addWidget(self.title)
        lay.addWidget(self.hint)

        self.reason_required = approvals.reason_required(request)
        self.reason = QLineEdit(self)
        self.reason.setObjectName("overrideReason")
        self.reason.setText(request.reason)
        required, optional = self.tr("Reason (required) — then Enter"), self.tr("Reason (optional)")
        self.reason.setPlaceholderText(required if self.reason_required else optional)
        self.reason.setAccessibleName(self.tr("Reason"))
        self.reason.returnPressed.connect(self._reason_done)
        lay.addWidget(self.reason)

        self.prompt = QLabel(self.tr("Manager: enter your PIN to approve"), self)
        self.prompt.setAlignment(Qt.AlignmentFlag.AlignCenter)
        lay.addWidget(self.prompt)
        self.pin = PinEntry(self, enter_text=self.tr("Approve"), key_size=60)
        self.pin.setAccessibleName(self.tr("Manager PIN"))
        self.pin.submitted.connect(self._on_submitted)
        lay.addWidget(self.pin)
        self.cancel_button = TouchButton(self.tr("Cancel (Esc)"), self)
        self.cancel_button.setObjectName("overrideCancel")
        self.cancel_button.clicked.connect(self.reject)
        lay.addWidget(self.cancel_button)

        self.pin.lockout_tick.connect(self.refresh_lockout)
        self.setMinimumWidth(max(460, font_px(self) * 29))  # scales with the theme's text size
        self.setMinimumHeight(self.sizeHint().height())  # the whole PIN pad, Approve included, always shows
        # Keyboard first: a required reason that is still empty gets the focus, otherwise the PIN.
        first = self.reason if self.reason_required and not request.reason.strip() else self.pin
        first.setFocus()
        self._first = first
        self.refresh_lockout()

    def showEvent(self, e) -> None:  # noqa: N802
        super().showEvent(e)
        self._first.setFocus()

    @Slot()
    def _reason_done(self) -> None:
        if self.reason.text().strip() or not self.reason_required:
            self.pin.setFocus()

    @Slot()
    def refresh_lockout(self) -> None:
        if self.checking:
            return
        left = self.approvals.lockout_remaining()
        self.pin.show_lockout(
            self.tr("Too many wrong PINs. Try again in {wait}.").format(
                wait=say_text(said(format_wait(left)))
            )
            if left > 0
            else None,
            self.tr("You can try again now."),
        )

    @Slot(str)
    def _on_submitted(self, pin: str) -> None:
        self._set_checking(True)
        approvals, request, reason = self.approvals, self.request, self.reason.text()
        run_off_gui(
            self._tasks,
            lambda: approvals.approve(request, pin, reason=reason),
            self._on_result,
            self._on_error,
        )

    def _set_checking(self, on: bool) -> None:
        self.checking = on
        self.pin.set_locked(on)
        self.reason.setReadOnly(on)
        self.cancel_button.setEnabled(not on)  # an answer is on its way: it must not be lost
        if on:
            self.pin.set_message(self.tr("Checking…"), "hint")

    def _on_error(self, exc: BaseException) -> None:
        log.error("override PIN check failed", exc_info=exc)
        self._set_checking(False)
        self.pin.set_message(self.tr("The PIN could not be checked. Try again."), "error")
        self.refused.emit(self.pin.message.text())

    def _on_result(self, result: ApprovalResult) -> None:
        self._set_checking(False)
        if result.approved:
            assert result.override is not None
            self.override = result.override
            self.pin.set_message(say_text(said(result.message)), "ok")
            self.approved.emit(result.override)
            self.accept()
            return
        if result.status is OverrideStatus.REASON_REQUIRED:
            self.reason.setFocus()
        if result.status is OverrideStatus.LOCKED:
            self.refresh_lockout()
            message = self.pin.message.text()
        else:
            message = say_text(said(result.message))
            self.pin.set_message(message, "error")
        self.refused.emit(message)

    def reject(self) -> None:
        if self.checking:
            return
        super().reject()

    def keyPressEvent(self, e: QKeyEvent) -> None:  # noqa: N802
        # Enter must never trigger a default button here: only the PIN entry submits.
        if e.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            e.accept()
            return
        super().keyPressEvent(e)


def request_override(
    parent: QWidget | None,
    request: OverrideRequest,
    approvals: Approvals,
    *,
    tasks: Tasks | None = None,
) -> Override | None:
    """Show the dialog modally; the `Override` if a manager approved, None if cancelled."""
    dlg = OverrideDialog(request, approvals, parent, tasks=tasks)
    try:
        return dlg.override if dlg.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dlg.deleteLater()


@dataclass(frozen=True)
class Grant:
    """Permission to go ahead: by the actor's own role (`override` None) or by a manager's `Override`,
    which `Approvals` has already written to the audit log."""

    actor: StaffMember
    permission: Permission
    override: Override | None = None


def authorise_or_ask(
    parent: QWidget | None,
    approvals: Approvals,
    actor: StaffMember,
    permission: Permission,
    *,
    amount_percent: Percent | None = None,
    subject: str = "",
    reason: str = "",
    tasks: Tasks | None = None,
) -> Grant | None:
    """The one call an action makes: allowed by the role → a `Grant` at once; otherwise the manager
    dialog opens in place → a `Grant` with the `Override`, or None if it was cancelled."""
    a = authorise(actor, permission, amount_percent=amount_percent)
    if a.allowed:
        return Grant(actor, a.permission)
    req = OverrideRequest.from_authorisation(a, subject=subject, reason=reason)
    ov = request_override(parent, req, approvals, tasks=tasks)
    return None if ov is None else Grant(actor, a.permission, ov)
