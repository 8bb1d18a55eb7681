"""The cart table's model answers from texts made once per row: appended, changed and replaced rows show
what the cart holds (a note under the name, a discount under the total, prices right-aligned)."""

from __future__ import annotations

from ui.cart_view import CartModel, CartRow
from ui.qt import QApplication, Qt


def _row(i: int, **kw) -> CartRow:
    base = dict(
        line_id=f"L{i}",
        description=f"Item {i}",
        sku=f"SKU{i}",
        quantity=1,
        unit_price="€1.00",
        discount="",
        total="€1.00",
    )
    base.update(kw)
    return CartRow(**base)


def _texts(m: CartModel) -> list[list[str]]:
    return [[m.data(m.index(r, c)) for c in range(m.columnCount())] for r in range(m.rowCount())]


def test_rows_appended_changed_and_replaced():
    QApplication.instance() or QApplication([])
    m = CartModel()
    inserted: list[tuple[int, int]] = []
    changed: list[tuple[int, int]] = []
    m.rowsInserted.connect(lambda _p, a, b: inserted.append((a, b)))
    m.dataChanged.connect(lambda a, b, _r=None: changed.append((a.row(), b.row())))
    rows = [_row(0), _row(1)]
    m.set_rows(rows)  # a reset: two rows at once
    rows = [*rows, _row(2, note="Expires 2026-12-31")]
    m.set_rows(rows)  # a scan: one row appended
    assert inserted[-1] == (2, 2)
    assert _texts(m)[2] == ["Item 2\nExpires 2026-12-31", "1", "€1.00", "€1.00"]
    rows = [rows[0], _row(1, quantity="0.750 kg", discount="-€0.10", total="€0.65"), rows[2]]
    m.set_rows(rows)  # a quantity and discount change on line 1 only
    assert changed[-1] == (1, 1)
    assert _texts(m)[1] == ["Item 1", "0.750 kg", "€1.00", "€0.65\n-€0.10"]
    m.set_rows([_row(9)])  # a different cart
    assert _texts(m) == [["Item 9", "1", "€1.00", "€1.00"]]
    idx = m.index(0, 3)
    assert int(m.data(idx, Qt.ItemDataRole.TextAlignmentRole)) & int(Qt.AlignmentFlag.AlignRight.value)
    assert m.data(m.index(0, 0), Qt.ItemDataRole.TextAlignmentRole) is None
    assert m.data(idx, Qt.ItemDataRole.ToolTipRole) == "Item 9 (SKU9)"
    assert m.data(m.index(5, 0)) is None  # an index past the rows is not valid


def test_totals_are_retexted_in_place_and_never_cut():
    from ui.cart_view import TotalsPanel, TotalsView
    from ui.qt import QEvent, QObject, QVBoxLayout, QWidget

    app = QApplication.instance() or QApplication([])
    outer = QWidget()
    mid = QWidget(outer)
    QVBoxLayout(outer).addWidget(mid)
    panel = TotalsPanel(mid)
    QVBoxLayout(mid).addWidget(panel)
    outer.resize(500, 400)
    outer.show()
    app.processEvents()

    requests: list[QObject] = []

    class Count(QObject):
        def eventFilter(self, obj, ev):
            if ev.type() == QEvent.Type.LayoutRequest and obj in (outer, mid, panel):
                requests.append(obj)
            return False

    def scan(i: int) -> None:
        vat = ((f"VAT 23 % on €1{i}.00", f"€2.2{i}"),)
        panel.show_totals(TotalsView(f"€1{i}.00", "", vat, f"€1{i}.00", item_count=i))
        app.processEvents()

    counter = Count()
    app.installEventFilter(counter)
    try:
        for i in range(2, 8):  # the labels grow to the widest of these once...
            scan(i)
        requests.clear()
        for i in range(2, 8):  # ...then amounts no longer than before are re-texted: no layout anywhere
            scan(i)
        assert requests == []
        # far larger amounts get the room they need: no label is narrower than its text
        big = "€1,234,567.89"
        panel.show_totals(
            TotalsView(big, "−€99,999.99", (("VAT 23 % on " + big, big),), big, item_count=1234)
        )
        app.processEvents()
        shown = [w for w in panel._labels() if w.isVisible()]
        assert len(shown) >= 6
        for label in shown:
            assert label.width() >= label.sizeHint().width(), label.text()
    finally:
        app.removeEventFilter(counter)
        outer.close()
