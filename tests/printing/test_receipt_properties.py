"""Property tests: whatever the data, the layout stays on the paper and keeps every amount."""

from __future__ import annotations

from datetime import datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from pos.receipt import QrBlock, Receipt, ReceiptLine, Row, TaxLine, Tender, layout, render_text

words = st.text(alphabet=st.characters(min_codepoint=0x21, max_codepoint=0x7E), min_size=1, max_size=30)
descriptions = st.lists(words, min_size=1, max_size=8).map(" ".join)
amounts = st.integers(min_value=-(10**9), max_value=10**9)


def fmt(m: int) -> str:
    return f"{'-' if m < 0 else ''}{abs(m) // 100}.{abs(m) % 100:02d}"


@st.composite
def receipts(draw):
    lines = draw(
        st.lists(
            st.builds(
                ReceiptLine,
                description=descriptions,
                qty=st.integers(1, 999),
                unit_price=amounts,
                line_total=amounts,
                tax_mark=st.sampled_from(["", "A", "B", "*"]),
            ),
            min_size=0,
            max_size=6,
        )
    )
    return Receipt(
        store_name=draw(descriptions),
        till_id="T1",
        receipt_no=draw(words),
        when=datetime(2026, 1, 2, 3, 4),
        cashier=draw(words),
        sale_uuid="u-1",
        lines=tuple(lines),
        total=draw(amounts),
        tax_lines=tuple(draw(st.lists(st.builds(TaxLine, words, amounts, amounts, amounts), max_size=3))),
        tenders=tuple(draw(st.lists(st.builds(Tender, words, amounts), max_size=3))),
        change_given=draw(st.none() | amounts),
    )


@settings(max_examples=150, deadline=None)
@given(receipts(), st.integers(24, 64))
def test_rows_fit_and_amounts_survive(receipt, width):
    blocks = layout(receipt, width, fmt)
    for b in blocks:
        if isinstance(b, Row):
            assert len(b.text) <= b.columns(width), (b, width)
    assert sum(isinstance(b, QrBlock) for b in blocks) == 1
    text = render_text(receipt, width, fmt)
    squashed = text.replace("\n", "").replace(" ", "")
    for ln in receipt.lines:
        assert fmt(ln.line_total) in squashed
    for t in receipt.tax_lines:
        for a in (t.net, t.tax, t.gross):
            assert fmt(a) in squashed
    for t in receipt.tenders:
        assert fmt(t.amount) in squashed
    assert fmt(receipt.total) in squashed
