"""Encode a receipt layout as ESC/POS through python-escpos (its ``Dummy`` printer collects the bytes).

The bytes are sent unchanged to the real device (USB, network, serial, file), stored with the job, and
parsed back by :mod:`hardware.printer.render` to show what would have printed.
"""

from __future__ import annotations

from collections.abc import Callable

from escpos.constants import QR_ECLEVEL_M
from escpos.printer import Dummy

from pos.receipt import WIDTH_80MM, Align, QrBlock, Receipt, Row, layout

DRAWER_PIN = 2
DRAWER_KICK_PIN2 = b"\x1bp\x00\x32\x32"
"""ESC p 0 50 50: pulse drawer pin 2 for 100 ms on, 100 ms off (python-escpos ``cashdraw(2)``)."""
DRAWER_KICK_PIN5 = b"\x1bp\x01\x32\x32"
QR_MODULE_DOTS = 6


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
) -> bytes:
    """The ESC/POS byte stream of ``receipt``: init, text rows, the claim QR (native), feed and cut."""
    p = _new_printer(profile)
    p.hw("INIT")
    if open_drawer:
        p.cashdraw(drawer_pin)
    w = _Writer(p)
    for block in layout(receipt, width, format_amount):
        if isinstance(block, QrBlock):
            w.style(Align.CENTER.value, False)
            p.qr(block.payload, ec=QR_ECLEVEL_M, size=QR_MODULE_DOTS, native=True)
            p.ln()
            for caption in block.caption:
                p.textln(caption)
            continue
        assert isinstance(block, Row)
        w.style(block.align.value, block.bold, block.double_width, block.double_height)
        # Alignment is done by the printer (ESC a); left rows carry their own inner padding.
        p.textln(block.text.rstrip() if block.align is Align.LEFT else block.text.strip())
    w.style(Align.LEFT.value, False)
    if cut:
        p.cut()
    return p.output


def encode_drawer_kick(pin: int = DRAWER_PIN, *, profile: str | None = None) -> bytes:
    """ESC p: the pulse that opens a cash drawer wired to the printer's drawer port."""
    p = _new_printer(profile)
    p.cashdraw(pin)
    return p.output
