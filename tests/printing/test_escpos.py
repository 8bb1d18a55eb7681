"""ESC/POS encoding through python-escpos, parsed back and rendered to PNG by our renderer."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import zxingcpp
from escpos.printer import Dummy
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image

from hardware.printer.escpos_encode import (
    DRAWER_KICK_PIN2,
    DRAWER_KICK_PIN5,
    encode_drawer_kick,
    encode_receipt,
)
from hardware.printer.render import main as render_main
from hardware.printer.render import parse_escpos, render_png
from pos.receipt import ReceiptMark, layout, render_text, text_lines
from tests.printing.samples import SALE_UUID, eur, sample_receipt

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("width", [42, 32])
def test_escpos_stream_parses_back_to_the_layout(width):
    receipt = sample_receipt()
    data = encode_receipt(receipt, width, eur)
    doc = parse_escpos(data)
    assert doc.unknown == []
    parsed = [line.strip() for line in doc.text_lines() if line.strip()]
    expected = [
        line.strip()
        for line in text_lines(layout(receipt, width, eur), width)
        if line.strip() and "OMO:RECEIPT:" not in line
    ]
    assert parsed == expected
    # Styles survive: the store name is centred, bold, double size; TOTAL is bold double height.
    name = next(line for line in doc.lines if line.text.strip() == "OMO Store")
    assert name.align == "center" and name.bold and name.double_height
    assert all(s.double_width for s in name.spans if s.text.strip())
    total = next(line for line in doc.lines if line.text.startswith("TOTAL"))
    assert total.bold and total.double_height and total.align == "left"
    assert total.text.endswith("EUR 51.06") and len(total.text) == width
    plain = next(line for line in doc.lines if line.text.startswith("Subtotal"))
    assert not plain.bold and not plain.double_height
    # The claim code is a native QR, centred; the receipt ends with a full cut.
    (qr,) = doc.qr_codes
    assert qr.payload == f"OMO:RECEIPT:{SALE_UUID}" and qr.align == "center" and qr.ec == "M"
    assert len(doc.cuts) == 1 and not doc.cuts[0].partial
    assert doc.drawer_kicks == []


def test_non_ascii_text_survives_code_page_switches():
    r = sample_receipt(store_name="Bäckerei Müller", footer=("Grüße — bis bald! 5 €",))
    doc = parse_escpos(encode_receipt(r, 42, eur))
    text = doc.text_lines()
    assert any("Bäckerei Müller" in t for t in text)
    assert any("Grüße — bis bald! 5 €" in t for t in text)


def test_drawer_kick_bytes():
    assert encode_drawer_kick() == DRAWER_KICK_PIN2 == b"\x1bp\x00\x32\x32"
    assert encode_drawer_kick(5) == DRAWER_KICK_PIN5 == b"\x1bp\x01\x32\x32"
    # The same bytes python-escpos sends for cashdraw(2).
    p = Dummy()
    p.cashdraw(2)
    assert p.output == DRAWER_KICK_PIN2
    (kick,) = parse_escpos(encode_drawer_kick()).drawer_kicks
    assert (kick.pin, kick.on_ms, kick.off_ms) == (2, 100, 100)


def test_receipt_with_drawer_kick_opens_before_printing():
    data = encode_receipt(sample_receipt(), 42, eur, open_drawer=True)
    assert data.startswith(b"\x1b@" + DRAWER_KICK_PIN2)
    doc = parse_escpos(data)
    assert len(doc.drawer_kicks) == 1
    assert isinstance(doc.elements[0], type(doc.drawer_kicks[0]))


def _decode_qr(img: Image.Image) -> list[str]:
    return [r.text for r in zxingcpp.read_barcodes(np.asarray(img.convert("L")))]


def test_png_render_shows_the_receipt_and_a_scannable_claim_code(tmp_path):
    data = encode_receipt(sample_receipt(), 42, eur, open_drawer=True)
    out = tmp_path / "r.png"
    img = render_png(data, out, columns=42)
    assert out.stat().st_size > 10_000
    with Image.open(out) as loaded:
        assert loaded.format == "PNG" and loaded.size == img.size
    assert img.width == 42 * 12 + 32 and img.height > 1200
    assert _decode_qr(img) == [f"OMO:RECEIPT:{SALE_UUID}"]
    # There is ink: a fair share of dark pixels, and the cut line near the bottom.
    grey = np.asarray(img.convert("L"))
    assert 0.02 < (grey < 128).mean() < 0.5


def test_png_render_command_line(tmp_path):
    src = tmp_path / "r.escpos"
    src.write_bytes(encode_receipt(sample_receipt(ReceiptMark.REPRINT), 32, eur))
    assert render_main([str(src), str(tmp_path / "r.png"), "32"]) == 0
    with Image.open(tmp_path / "r.png") as f:
        img = f.convert("RGB")
    assert img.width == 32 * 12 + 32
    assert _decode_qr(img) == [f"OMO:RECEIPT:{SALE_UUID}"]
    assert render_main([]) == 2


def test_sample_screenshot_is_current():
    """docs/screenshots/receipt-escpos.png is rendered from the sample receipt (regenerate: see below)."""
    shot = ROOT / "docs" / "screenshots" / "receipt-escpos.png"
    data = encode_receipt(sample_receipt(), 42, eur, open_drawer=True)
    fresh = render_png(data, columns=42)
    if not shot.exists():
        pytest.fail("missing docs/screenshots/receipt-escpos.png: run python -m tests.printing.samples")
    with Image.open(shot) as f:
        stored = f.convert("RGB")
    assert stored.size == fresh.size
    diff = np.abs(np.asarray(stored, dtype=np.int16) - np.asarray(fresh, dtype=np.int16))
    assert (diff > 64).mean() < 0.01


def test_plain_text_matches_what_the_printer_gets():
    assert "TOTAL" in render_text(sample_receipt(), 42, eur)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400))
def test_parser_and_renderer_survive_any_bytes(data):
    doc = parse_escpos(data)
    img = render_png(doc, columns=32)
    assert img.width == 32 * 12 + 32


def test_truncated_or_huge_raster_image_is_reported_not_drawn():
    doc = parse_escpos(b"\x1dv0\x00\xff\xff\xff\xff" + b"\x00" * 10)
    assert not [e for e in doc.elements if type(e).__name__ == "RasterImage"] and doc.unknown
    ok = parse_escpos(b"\x1dv0\x00\x01\x00\x02\x00\xff\x81")
    (img,) = [e for e in ok.elements if type(e).__name__ == "RasterImage"]
    assert (img.width, img.height, img.data) == (8, 2, b"\xff\x81")


def test_oversized_qr_payload_renders_without_a_code():
    from hardware.printer.render import QrCode, render_document

    doc = parse_escpos(b"")
    doc.elements.append(QrCode("X" * 8000, 3, "H", "center"))
    assert render_document(doc, columns=32).height < 100
