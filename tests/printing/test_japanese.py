"""Wide (Japanese) characters: two cells in the layout, Shift JIS in Kanji mode on the printer."""

from __future__ import annotations

import json

import numpy as np
import zxingcpp

from hardware.printer import MemoryTransport, QueuedPrinter
from hardware.printer.escpos_encode import KANJI_OFF, KANJI_ON, KANJI_SHIFT_JIS, encode_receipt
from hardware.printer.render import parse_escpos, render_png
from pos.receipt import Row, cell_width, layout, render_text, text_lines
from tests.printing.samples import sample_receipt_ja, yen


def test_cell_width():
    assert cell_width("abc") == 3
    assert cell_width("おにぎり") == 8
    assert cell_width("ｶﾀｶﾅ") == 4  # half-width katakana: one cell each
    assert cell_width("¥1,000") == 6


def test_layout_counts_wide_characters_as_two_cells():
    for width in (42, 32):
        lines = render_text(sample_receipt_ja(), width, yen).splitlines()
        assert all(cell_width(line) <= width for line in lines if "OMO:RECEIPT" not in line)
        for b in layout(sample_receipt_ja(), width, yen):
            if isinstance(b, Row):
                assert cell_width(b.text) <= b.columns(width)
        (change,) = [ln for ln in lines if ln.startswith("お釣り")]
        assert cell_width(change) == width and change.endswith("¥200")
        assert any(ln.startswith("8%対象") and ln.endswith("¥470") for ln in lines)
        joined = "".join(ln.strip() for ln in lines)
        assert "緑茶ペットボトル500mlとても長い商品名の例です" in joined.replace(" ", "")


def test_kanji_mode_round_trip():
    r = sample_receipt_ja()
    data = encode_receipt(r, 42, yen, kanji=True)
    assert data.startswith(b"\x1b@" + KANJI_SHIFT_JIS)
    assert KANJI_ON + "おにぎり".encode("cp932") in data and KANJI_OFF in data
    doc = parse_escpos(data)
    assert doc.unknown == []

    def words(line: str) -> list[str]:
        return line.split()

    parsed = [words(t) for t in doc.text_lines() if t.strip()]
    expected = [words(t) for t in text_lines(layout(r, 42, yen), 42) if t.strip() and "OMO:RECEIPT" not in t]
    assert parsed == expected
    # On paper no row is wider than the head: "※" goes double-byte (two cells), the gap gives one up.
    for line in doc.lines:
        cells = sum(s.cells(ch) * (2 if s.double_width else 1) for s in line.spans for ch in s.text)
        assert cells <= 42, line.text
    (onigiri,) = [ln for ln in doc.lines if ln.text.strip().startswith("2 x")]
    assert onigiri.text.endswith("¥320 ※")
    assert sum(s.cells(ch) for s in onigiri.spans for ch in s.text) == 42


def test_kanji_png_render_reads(tmp_path):
    data = encode_receipt(sample_receipt_ja(), 42, yen, kanji=True)
    img = render_png(data, tmp_path / "ja.png", columns=42)
    assert [r.text for r in zxingcpp.read_barcodes(np.asarray(img.convert("L")))] == [
        "OMO:RECEIPT:9c1d1f6e-2b9a-4c55-8a0e-1d2c3b4a5f60"
    ]


def test_queued_printer_with_kanji(tmp_path):
    mem = MemoryTransport()
    with QueuedPrinter(mem, tmp_path / "q", format_amount=yen, kanji=True) as p:
        assert p.print_receipt(sample_receipt_ja()).result(10).printed
    ((_, data),) = mem.jobs
    assert any("ありがとうございました" in t for t in parse_escpos(data).text_lines())


def test_labels_are_printed_and_survive_the_queue(tmp_path):
    from pos.receipt import Receipt, ReceiptMark

    r = sample_receipt_ja(mark=ReceiptMark.REPRINT)
    text = render_text(r, 42, yen)
    for words in (
        "合計",
        "お釣り",
        "税率",
        "担当 佐藤",
        "2026年11月23日 18:30",
        "*** 再発行 ***",
        "お買い物が記録されます",
    ):
        assert words in text, words
    assert "TOTAL" not in text and "Change" not in text
    again = Receipt.from_dict(json.loads(json.dumps(r.formatted(yen).to_dict())))
    assert again == r.formatted(yen)
    assert render_text(again, 42) == text
