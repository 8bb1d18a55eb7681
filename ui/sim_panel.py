"""The demo's simulator panel (a dock): be the customer and the world around the till.

Tap a test card, decline, cancel on the reader, let the reader time out, take the backend offline and
back, and hold a member's phone or an online order's QR code up to the camera. Every button calls one
method of `DemoControls`; the demo shop implements it over the Stripe simulator, the reference backend
and the synthetic camera.
"""

from __future__ import annotations

from typing import Protocol

from ui.qt import (
    QComboBox,
    QDockWidget,
    QGroupBox,
    QLabel,
    QPushButton,
    QScrollArea,
    Qt,
    QVBoxLayout,
    QWidget,
    Slot,
)

TEST_CARDS = [
    ("Visa 4242 (approved)", "4242424242424242"),
    ("Mastercard 5555 (approved)", "5555555555554444"),
    ("Amex (approved)", "378282246310005"),
    ("Declined card 0002", "4000000000000002"),
    ("Interac (Canada)", "4506445006931933"),
]


class DemoControls(Protocol):
    def tap_card(self, number: str) -> str: ...
    def decline(self) -> str: ...
    def customer_cancels(self) -> str: ...
    def reader_times_out(self) -> str: ...
    def set_backend_online(self, online: bool) -> str: ...
    def show_member_phone(self, index: int) -> str: ...
    def show_order_qr(self, index: int) -> str: ...
    def take_phone_away(self) -> str: ...
    def member_names(self) -> list[str]: ...
    def order_numbers(self) -> list[str]: ...


class SimulatorPanel(QDockWidget):
    def __init__(self, controls: DemoControls, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Demo"), parent)
        self.setToolTip(self.tr("Demo: be the customer and the world around the till"))
        self.setObjectName("simulatorPanel")
        self.controls = controls
        body = QWidget(self)
        lay = QVBoxLayout(body)

        reader = QGroupBox(self.tr("Card reader"), body)
        rl = QVBoxLayout(reader)
        self.card = QComboBox(reader)
        for label, number in TEST_CARDS:
            self.card.addItem(label, number)
        rl.addWidget(self.card)
        for text, slot in (
            (self.tr("Tap this card"), self._tap),
            (self.tr("Decline"), self._decline),
            (self.tr("Customer cancels"), self._cancel),
            (self.tr("Reader times out"), self._timeout),
        ):
            b = QPushButton(text, reader)
            b.setMinimumHeight(36)
            b.clicked.connect(slot)
            rl.addWidget(b)
        lay.addWidget(reader)

        net = QGroupBox(self.tr("Network"), body)
        nl = QVBoxLayout(net)
        self.offline = QPushButton(self.tr("Backend offline"), net)
        self.offline.setCheckable(True)
        self.offline.setMinimumHeight(36)
        self.offline.toggled.connect(self._toggle_backend)
        nl.addWidget(self.offline)
        lay.addWidget(net)

        cam = QGroupBox(self.tr("Camera"), body)
        cl = QVBoxLayout(cam)
        self.member = QComboBox(cam)
        self.member.addItems(controls.member_names())
        cl.addWidget(self.member)
        b = QPushButton(self.tr("Member's phone"), cam)
        b.clicked.connect(self._member)
        cl.addWidget(b)
        self.order = QComboBox(cam)
        self.order.addItems(controls.order_numbers())
        cl.addWidget(self.order)
        b = QPushButton(self.tr("Order QR"), cam)
        b.clicked.connect(self._order)
        cl.addWidget(b)
        b = QPushButton(self.tr("Phone away"), cam)
        b.clicked.connect(self._away)
        cl.addWidget(b)
        lay.addWidget(cam)

        self.log = QLabel("", body)
        self.log.setObjectName("simulatorLog")
        self.log.setWordWrap(True)
        lay.addWidget(self.log)
        lay.addStretch(1)
        # scrolls rather than forcing the window taller than a 1024x768 screen
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(body)
        for combo in (self.card, self.member, self.order):  # as narrow as the dock, not as the longest item
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(12)
        self.setWidget(scroll)

    def _say(self, text: str) -> None:
        self.log.setText(text)

    @Slot()
    def _tap(self) -> None:
        self._say(self.controls.tap_card(self.card.currentData()))

    @Slot()
    def _decline(self) -> None:
        self._say(self.controls.decline())

    @Slot()
    def _cancel(self) -> None:
        self._say(self.controls.customer_cancels())

    @Slot()
    def _timeout(self) -> None:
        self._say(self.controls.reader_times_out())

    @Slot(bool)
    def _toggle_backend(self, offline: bool) -> None:
        self.offline.setText(self.tr("Backend back online") if offline else self.tr("Backend offline"))
        self._say(self.controls.set_backend_online(not offline))

    @Slot()
    def _member(self) -> None:
        self._say(self.controls.show_member_phone(self.member.currentIndex()))

    @Slot()
    def _order(self) -> None:
        self._say(self.controls.show_order_qr(self.order.currentIndex()))

    @Slot()
    def _away(self) -> None:
        self._say(self.controls.take_phone_away())
