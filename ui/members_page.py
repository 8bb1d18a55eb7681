"""The Members workspace: a field that takes a member's QR code (the camera, a scanner, a file source), a
typed member number or a name, phone or e-mail; the hits of a search; the member panel (name as
consented, tier, points with their provisional part, coupons, recent orders with their lines, recently
viewed items, suggestions) and the visit check-in.

Widgets only: the presenter (`ui.members_presenter`) calls the service and fills them.
"""

from __future__ import annotations

from ui.qt import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)

BLOCKS = ("coupons", "orders", "viewed", "suggestions")


class MembersPage(QWidget):
    find = Signal(str)  # what was typed or scanned
    open_hit = Signal(int)  # a search hit's member number
    check_in = Signal()
    enrol = Signal()
    add_sku = Signal(str)  # an item of the panel (viewed, suggested, ordered) tapped: onto the open sale
    take_back = Signal(int)  # the row of the recent order to open in Returns & pickups

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("membersPage")
        lay = QVBoxLayout(self)
        row = QHBoxLayout()
        self.query = QLineEdit(self)
        self.query.setObjectName("memberQuery")
        self.query.setPlaceholderText(
            self.tr("Scan the member's code, or type a number, name, phone or e-mail")
        )
        self.query.returnPressed.connect(self._find)
        row.addWidget(self.query, 1)
        self.find_button = QPushButton(self.tr("&Find"), self)
        self.find_button.clicked.connect(self._find)
        row.addWidget(self.find_button)
        lay.addLayout(row)
        self.hits = QListWidget(self)
        self.hits.setObjectName("memberHits")
        self.hits.setMaximumHeight(110)
        self.hits.itemActivated.connect(
            lambda item: self.open_hit.emit(int(item.data(Qt.ItemDataRole.UserRole)))
        )
        self.hits.hide()
        lay.addWidget(self.hits)
        head = QHBoxLayout()
        self.name = QLabel(self)
        self.name.setObjectName("memberName")
        self.name.setWordWrap(True)
        self.name.setStyleSheet("font-size: 18px; font-weight: bold;")
        head.addWidget(self.name, 1)
        self.enrol_button = QPushButton(self.tr("&New member"), self)
        self.enrol_button.setObjectName("memberEnrol")
        self.enrol_button.setMinimumHeight(40)
        self.enrol_button.clicked.connect(self.enrol.emit)
        head.addWidget(self.enrol_button)
        self.check_in_button = QPushButton(self.tr("&Check in"), self)
        self.check_in_button.setObjectName("memberCheckIn")
        self.check_in_button.setMinimumHeight(40)
        self.check_in_button.setEnabled(False)
        self.check_in_button.clicked.connect(self.check_in.emit)
        head.addWidget(self.check_in_button)
        # the recent order selected comes back: one key (Alt+B) or tap opens it in Returns & pickups
        self.take_back_button = QPushButton(self.tr("Take &back"), self)
        self.take_back_button.setObjectName("memberTakeBack")
        self.take_back_button.setToolTip(self.tr("Open the selected recent order in Returns & pickups"))
        self.take_back_button.setMinimumHeight(40)
        self.take_back_button.setEnabled(False)
        self.take_back_button.clicked.connect(self._take_back)
        head.addWidget(self.take_back_button)
        lay.addLayout(head)
        self.points = QLabel(self)
        self.points.setObjectName("memberPoints")
        self.points.setWordWrap(True)
        lay.addWidget(self.points)
        self.note = QLabel(self)
        self.note.setObjectName("memberNote")
        self.note.setWordWrap(True)
        lay.addWidget(self.note)
        grid = QGridLayout()
        titles = {
            "coupons": self.tr("Coupons"),
            "orders": self.tr("Recent orders"),
            "viewed": self.tr("Recently viewed online"),
            "suggestions": self.tr("Suggestions"),
        }
        self.lists: dict[str, QListWidget] = {}
        self.titles: dict[str, QLabel] = {}
        for i, key in enumerate(BLOCKS):
            box = QVBoxLayout()
            self.titles[key] = QLabel(titles[key], self)
            self.titles[key].setStyleSheet("font-weight: bold;")
            box.addWidget(self.titles[key])
            self.lists[key] = QListWidget(self)
            self.lists[key].setObjectName(f"member_{key}")
            self.lists[key].setWordWrap(True)
            self.lists[key].itemActivated.connect(self._item_activated)
            box.addWidget(self.lists[key], 1)
            grid.addLayout(box, i // 2, i % 2)
        lay.addLayout(grid, 1)
        self.message = QLabel(self)
        self.message.setObjectName("membersMessage")
        self.message.setWordWrap(True)
        lay.addWidget(self.message)
        self.clear_panel()

    def _item_activated(self, item: QListWidgetItem) -> None:
        sku = item.data(Qt.ItemDataRole.UserRole)
        if sku:
            self.add_sku.emit(sku)

    def _take_back(self) -> None:
        row = self.lists["orders"].currentRow()
        if row >= 0:
            self.take_back.emit(row)

    def _find(self) -> None:
        text = self.query.text().strip()
        if text:
            self.find.emit(text)

    # ------------------------------------------------------------------ what the presenter fills
    def show_hits(self, hits: list[tuple[int, str]]) -> None:
        self.hits.clear()
        for no, label in hits:
            item = QListWidgetItem(label, self.hits)
            item.setData(Qt.ItemDataRole.UserRole, no)
        self.hits.setVisible(bool(hits))
        if hits:
            self.hits.setCurrentRow(0)
            self.hits.setFocus()

    def clear_panel(self) -> None:
        self.name.setText(self.tr("No member open"))
        self.points.clear()
        self.note.clear()
        for lst in self.lists.values():
            lst.clear()
        self.check_in_button.setEnabled(False)
        self.take_back_button.setEnabled(False)

    def show_panel(
        self,
        name: str,
        points: str,
        note: str,
        blocks: dict[str, list[str | tuple[str, str]]],
        can_check_in: bool,
    ) -> None:
        self.hits.hide()
        self.name.setText(name)
        self.points.setText(points)
        self.note.setText(note)
        for key in BLOCKS:
            lst = self.lists[key]
            lst.clear()
            for entry in blocks.get(key, []):
                label, sku = entry if isinstance(entry, tuple) else (entry, "")
                item = QListWidgetItem(label, lst)
                item.setData(Qt.ItemDataRole.UserRole, sku)
                if sku:
                    item.setToolTip(self.tr("Enter or a double tap adds it to the sale"))
        self.check_in_button.setEnabled(can_check_in)
        orders = self.lists["orders"]
        if orders.count():
            orders.setCurrentRow(0)  # the newest: the take-back is one key or tap away
        self.take_back_button.setEnabled(bool(orders.count()))

    def show_message(self, text: str, *, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setProperty("error", error)

    def focus_query(self) -> None:
        self.query.setFocus()
        self.query.selectAll()


__all__ = ["BLOCKS", "MembersPage"]
