"""Enrolling a new member at the till: the minimum the programme needs (first and last name, an e-mail
address or a phone number) and the person's three consent choices, each off unless they say yes. Widgets
only: `app.members.MembersService.enrol` checks and records it.
"""

from __future__ import annotations

from ui.qt import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)


class EnrolDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, answers: dict[str, object] | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("enrolDialog")
        self.setWindowTitle(self.tr("New member"))
        self.setModal(True)
        lay = QVBoxLayout(self)
        form = QFormLayout()
        self.first = QLineEdit(self)
        self.last = QLineEdit(self)
        self.email = QLineEdit(self)
        self.phone = QLineEdit(self)
        for edit, label in (
            (self.first, self.tr("First name")),
            (self.last, self.tr("Last name")),
            (self.email, self.tr("E-mail")),
            (self.phone, self.tr("Phone")),
        ):
            edit.setMaxLength(254)
            form.addRow(label, edit)
        lay.addLayout(form)
        note = QLabel(
            self.tr("An e-mail address or a phone number is enough. Ask the customer for each choice:")
        )
        note.setWordWrap(True)
        lay.addWidget(note)
        self.marketing = QCheckBox(self.tr("Offers and news by e-mail or SMS"), self)
        self.personalisation = QCheckBox(
            self.tr("Use my purchases and views for suggestions in the shop and the app"), self
        )
        self.receipts = QCheckBox(self.tr("Receipts by e-mail"), self)
        for box in (self.marketing, self.personalisation, self.receipts):
            box.setChecked(False)
            lay.addWidget(box)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Enrol"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.first.setFocus()
        if answers:  # asked again after a refusal: nothing typed is lost
            for key, edit in (
                ("first_name", self.first),
                ("last_name", self.last),
                ("email", self.email),
                ("phone", self.phone),
            ):
                edit.setText(str(answers.get(key, "")))
            for key, box in (
                ("marketing", self.marketing),
                ("personalisation", self.personalisation),
                ("receipts_by_email", self.receipts),
            ):
                box.setChecked(bool(answers.get(key)))

    def answers(self) -> dict[str, object]:
        """The keyword arguments of `MembersService.enrol`."""
        return {
            "first_name": self.first.text(),
            "last_name": self.last.text(),
            "email": self.email.text(),
            "phone": self.phone.text(),
            "marketing": self.marketing.isChecked(),
            "personalisation": self.personalisation.isChecked(),
            "receipts_by_email": self.receipts.isChecked(),
        }


__all__ = ["EnrolDialog"]
