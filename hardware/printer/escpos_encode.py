"""Encode a receipt layout as ESC/POS through python-escpos (its ``Dummy`` printer collects the bytes).

The bytes are sent unchanged to the real device (USB, network, serial, file), stored with the job, and
parsed back by :mod:`hardware.printer.render` to show what would have printed.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from escpos.constants import QR_ECLEVEL_M
from escpos.printer import Dummy

from pos.receipt import WIDTH_80MM, Align, QrBlock, Receipt, Row, cell_width, layout

DRAWER_PIN = 2
DRAWER_KICK_PIN2 = b"\x1bp\x00\x32\x32"
"""ESC p 0 50 50: pulse drawer pin 2 for 100 ms on, 100 ms off (python-escpos ``cashdraw(2)``)."""
DRAWER_KICK_PIN5 = b"\x1bp\x01\x32\x32"
QR_MODULE_DOTS = 6
KANJI_ON = b"\x1c&"  # FS &: double-byte (Kanji) characters follow
KANJI_OFF = b"\x1c."  # FS .
KANJI_SHIFT_JIS = b"\x1cC\x01"  # FS C 1: the double-byte code is Shift JIS (Epson Japanese models)


def _double_byte(p: Dummy, ch: str) -> bytes | None:
    """The Shift JIS bytes of ``ch`` if it goes double-byte in Kanji mode: wide characters, and
    characters no single-byte code page has (e.g. "※"); else None."""
    if ch.isascii() or (cell_width(ch) != 2 and p.magic.encoder.find_suitable_encoding(ch)):
        return None
    try:
        b = ch.encode("cp932")
    except UnicodeEncodeError:
        return None
    return b if len(b) == 2 else None


def fit_kanji_row(p: Dummy, text: str) -> str:
    """A narrow character sent double-byte prints two cells wide: take the extra cells out of the row's
    widest run of spaces (the gap before a right-aligned amount) so that the row still fits."""
    extra = sum(1 for ch in text if cell_width(ch) == 1 and _double_byte(p, ch) is not None)
    while extra:
        gaps = [m for m in re.finditer(r" {2,}", text)]
        if not gaps:
            break
        gap = max(gaps, key=lambda m: m.end() - m.start())
        take = min(extra, gap.end() - gap.start() - 1)
        text = text[: gap.start()] + " " * (gap.end() - gap.start() - take) + text[gap.end() :]
        extra -= take
    return text


def write_text(p: Dummy, text: str, kanji: bool = False) -> None:
    """Write ``text``; with ``kanji`` (printers with a Japanese/Kanji font), wide characters go as
    Shift JIS inside FS & … FS . and the rest through python-escpos' code-page switching."""
    if not kanji or text.isascii():
        p.text(text)
        return
    plain: list[str] = []
    double = bytearray()

    def flush_plain() -> None:
        if plain:
            p.text("".join(plain))
            plain.clear()

    def flush_double() -> None:
        if double:
            p._raw(KANJI_ON + bytes(double) + KANJI_OFF)
            double.clear()

    for ch in text:
        b = _double_byte(p, ch)
        if b is not None:
            flush_plain()
            double.extend(b)
            continue
        flush_double()
        plain.append(ch)
    flush_double()
    flush_plain()


class _Writer:
    """Emits only the style changes between rows."""

    def __init__(self, p: Dummy):
        self.p = p
        self.align: str | None = None
        self.bold: bool | None = None
        self.size: tuple[bool, bool] | None = None

    def style(self, align: str, bold: bool, dw: bool = False, dh: bool = False) -> None:
        if (dw, dh) != self.size:
            # ESC ! also clears emphasis, so the size goes first and bold is re-sent after it.
            self.p.set(normal_textsize=not (dw or dh), double_width=dw, double_height=dh)
            self.size = (dw, dh)
            self.bold = None
        if bold != self.bold:
            self.p.set(bold=bold)
            self.bold = bold
        if align != self.align:
            self.p.set(align=align)
            self.align = align


def _new_printer(profile: str | None) -> Dummy:
    return Dummy(profile=profile) if profile else Dummy()


def encode_receipt(
    receipt: Receipt,
    width: int = WIDTH_80MM,
    format_amount: Callable[[int], str] | None = None,
    *,
    profile: str | None = None,
    cut: bool = True,
    open_drawer: bool = False,
    drawer_pin: int = DRAWER_PIN,
    kanji: bool = False,
) -> bytes:
    """The ESC/POS byte stream of ``receipt``: init, text rows, the claim QR (native), feed and cut.

    ``kanji``: the printer has a Japanese (Kanji) font; wide characters are sent in Shift JIS.
    """
    p = _new_printer(profile)
    p.hw("INIT")
    if kanji:
        p._raw(KANJI_SHIFT_JIS)
    if open_drawer:
        p.cashdraw(drawer_pin)
    w = _Writer(p)
    for block in layout(receipt, width, format_amount):
        if isinstance(block, QrBlock):
            w.style(Align.CENTER.value, False)
            p.qr(block.payload, ec=QR_ECLEVEL_M, size=QR_MODULE_DOTS, native=True)
            p.ln()
            for caption in block.caption:
                write_text(p, caption + "\n", kanji)
            continue
        assert isinstance(block, Row)
        w.style(block.align.value, block.bold, block.double_width, block.double_height)
        # Alignment is done by the printer (ESC a); left rows carry their own inner padding.
        write_text(
            p, (block.text.rstrip() if block.align is Align.LEFT else block.text.strip()) + "\n", kanji
        )
    w.style(Align.LEFT.value, False)
    if cut:
        p.cut()
    return p.output


def encode_drawer_kick(pin: int = DRAWER_PIN, *, profile: str | None = None) -> bytes:
    """ESC p: the pulse that opens a cash drawer wired to the printer's drawer port."""
    p = _new_printer(profile)
    p.cashdraw(pin)
    return p.output
