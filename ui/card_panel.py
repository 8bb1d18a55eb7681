"""The card payment, shown in the checkout page while it runs: the amount, what the reader is doing, and
Cancel. It is a panel, not a dialog, so the rest of the window (the receipt, the camera, the Demo panel
where a tester plays the customer) stays usable during the payment.
"""

from __future__ import annotations

from ui.qt import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QFrame,
    QLabel,
    QPushButton,
    QSizePolicy,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
    Slot,
)
from ui.widgets import repolish

TOUCH = 44

# state -> (what the cashier reads, style kind)
STATES = {
    "starting": (QT_TRANSLATE_NOOP("CardPanel", "Starting the payment…"), ""),
    "waiting": (
        QT_TRANSLATE_NOOP("CardPanel", "Ask the customer to tap, insert or swipe their card"),
        "waiting",
    ),
    "processing": (QT_TRANSLATE_NOOP("CardPanel", "Processing — keep the card on the reader"), "processing"),
    "pending": (QT_TRANSLATE_NOOP("CardPanel", "Payment taken, finishing…"), "processing"),
    "approved": (QT_TRANSLATE_NOOP("CardPanel", "Approved"), "approved"),
    "declined": (QT_TRANSLATE_NOOP("CardPanel", "Declined"), "declined"),
    "error": (QT_TRANSLATE_NOOP("CardPanel", "Card payment not possible"), "declined"),
    "cancelling": (QT_TRANSLATE_NOOP("CardPanel", "Cancelling…"), ""),
}
FINAL = ("approved", "declined", "error")


class CardPanel(QFrame):
    cancel_requested = Signal()
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cardPanel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        lay = QVBoxLayout(self)
        self.amount = QLabel("", self)
        self.amount.setObjectName("cardAmount")
        self.amount.setAlignment(Qt.AlignmentFlag.AlignCenter)
        f = self.amount.font()
        f.setPointSize(max(f.pointSize(), 9) * 2)
        f.setBold(True)
        self.amount.setFont(f)
        self.state = QLabel("", self)
        self.state.setObjectName("cardState")
        self.state.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.state.setWordWrap(True)
        sf = self.state.font()
        sf.setBold(True)
        self.state.setFont(sf)
        self.detail = QLabel("", self)
        self.detail.setWordWrap(True)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.cancel = QPushButton(self.tr("Cancel payment (Esc)"), self)
        self.cancel.setObjectName("cardCancel")
        self.cancel.setMinimumHeight(TOUCH)
        self.cancel.clicked.connect(self._on_cancel)
        self.close_button = QPushButton(self.tr("Back to the sale (Esc)"), self)
        self.close_button.setObjectName("cardClose")
        self.close_button.setMinimumHeight(TOUCH)
        self.close_button.clicked.connect(self.finish)
        for w in (self.amount, self.state, self.detail):
            lay.addWidget(w)
        lay.addStretch(1)
        lay.addWidget(self.cancel)
        lay.addWidget(self.close_button)
        self.final_state = ""
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Ignored)  # never grows the window
        self.hide()

    def start(self, amount_text: str) -> None:
        self.final_state = ""
        self.amount.setText(amount_text)
        self.show_state("starting")
        self.show()

    @property
    def running(self) -> bool:
        return self.isVisible() and not self.final_state

    def show_state(self, state: str, detail: str = "") -> None:
        text, kind = STATES.get(state, (state, ""))
        self.state.setText(QCoreApplication.translate("CardPanel", text))
        if self.state.property("kind") != kind:
            self.state.setProperty("kind", kind)
            repolish(self.state)
        self.detail.setText(detail)
        finished = state in FINAL
        self.cancel.setVisible(not finished and state != "cancelling")
        self.close_button.setVisible(finished)
        if finished:
            self.final_state = state

    @Slot()
    def _on_cancel(self) -> None:
        self.show_state(
            "cancelling",
            self.tr("Asking the reader to stop. If the card was already tapped, the payment result decides."),
        )
        self.cancel_requested.emit()

    def escape(self) -> None:
        """Esc: cancel a running payment, or close a finished one."""
        if self.final_state:
            self.finish()
        elif self.cancel.isVisible():
            self._on_cancel()

    @Slot()
    def finish(self) -> None:
        if not self.final_state:
            return  # never hide a payment that is still running
        self.hide()
        self.closed.emit()


__all__ = ["CardPanel", "STATES"]
