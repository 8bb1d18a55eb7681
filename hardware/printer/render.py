"""Parse an ESC/POS byte stream (the subset our driver emits, and the common rest) and draw it as a PNG.

So anyone can see what a thermal printer would have printed: the demo's file printer writes one
``.escpos`` file per receipt and ``render_png`` turns it into an image. Understood: text with code-page
switches (ESC t), bold (ESC E, ESC !), double width/height (ESC !, GS !), underline, inverse, alignment
(ESC a), feeds (ESC d, ESC J), native QR codes (GS ( k), raster images (GS v 0), cuts (GS V) and the
drawer kick (ESC p). Other commands are skipped by their known length and listed in ``Document.unknown``.

Usage: ``python -m hardware.printer.render in.escpos out.png``.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from escpos.capabilities import get_profile
from escpos.magicencode import Encoder
from PIL import Image, ImageDraw, ImageFont

from pos.receipt import cell_width

ESC, GS, DLE, FS = 0x1B, 0x1D, 0x10, 0x1C
MAX_RASTER_BYTES_WIDE = 256  # 2048 dots: wider than any receipt head
MAX_RASTER_HEIGHT = 20_000
MAX_FEED_LINES = 255


@dataclass
class Span:
    text: str
    bold: bool = False
    double_width: bool = False
    double_height: bool = False
    underline: bool = False
    invert: bool = False
    kanji: bool = False
    """Sent double-byte in Kanji mode: every character prints two cells wide."""

    def cells(self, ch: str) -> int:
        return 2 if self.kanji else max(1, cell_width(ch))


@dataclass
class TextLine:
    spans: list[Span]
    align: str = "left"

    @property
    def text(self) -> str:
        return "".join(s.text for s in self.spans)

    @property
    def double_height(self) -> bool:
        return any(s.double_height for s in self.spans)

    @property
    def bold(self) -> bool:
        return any(s.bold and s.text.strip() for s in self.spans)


@dataclass
class QrCode:
    payload: str
    module_size: int = 3
    ec: str = "L"
    align: str = "left"


@dataclass
class RasterImage:
    width: int
    height: int
    data: bytes
    align: str = "left"


@dataclass
class Cut:
    partial: bool = False


@dataclass
class DrawerKick:
    pin: int
    on_ms: int
    off_ms: int


@dataclass
class Feed:
    dots: int


Element = TextLine | QrCode | RasterImage | Cut | DrawerKick | Feed


@dataclass
class Document:
    elements: list[Element] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)

    @property
    def lines(self) -> list[TextLine]:
        return [e for e in self.elements if isinstance(e, TextLine)]

    def text_lines(self) -> list[str]:
        return [line.text for line in self.lines]

    @property
    def qr_codes(self) -> list[QrCode]:
        return [e for e in self.elements if isinstance(e, QrCode)]

    @property
    def cuts(self) -> list[Cut]:
        return [e for e in self.elements if isinstance(e, Cut)]

    @property
    def drawer_kicks(self) -> list[DrawerKick]:
        return [e for e in self.elements if isinstance(e, DrawerKick)]


@lru_cache(maxsize=4)
def _codepages(profile: str | None) -> tuple[dict[int, str], Encoder]:
    pages = get_profile(profile).get_code_pages() if profile else get_profile().get_code_pages()
    by_number = {int(n): name for name, n in pages.items()}
    return by_number, Encoder(pages)


@lru_cache(maxsize=64)
def _high_chars(encoding: str) -> tuple[str, ...]:
    try:
        return tuple(Encoder._get_codepage_char_list(encoding))
    except (LookupError, AssertionError):
        return tuple("?" * 128)


ALIGN = {0: "left", 1: "center", 2: "right", 48: "left", 49: "center", 50: "right"}
EC = {48: "L", 49: "M", 50: "Q", 51: "H"}


def parse_escpos(data: bytes, *, profile: str | None = None) -> Document:
    """Parse an ESC/POS stream into text lines, QR codes, images, cuts and drawer kicks."""
    doc = Document()
    by_number, _ = _codepages(profile)
    encoding = by_number.get(0, "CP437")
    st = {"bold": False, "dw": False, "dh": False, "ul": False, "inv": False, "align": "left"}
    kanji = False
    spans: list[Span] = []
    buf: list[str] = []
    qr = {"size": 3, "ec": "L", "data": b""}
    n = len(data)
    i = 0

    def flush_span() -> None:
        if buf:
            spans.append(Span("".join(buf), st["bold"], st["dw"], st["dh"], st["ul"], st["inv"]))
            buf.clear()

    def end_line(force: bool = True) -> None:
        flush_span()
        if spans or force:
            doc.elements.append(TextLine(list(spans), st["align"]))
        spans.clear()

    def arg(k: int) -> int:
        return data[i + k] if i + k < n else 0

    def set_mode(m: int) -> None:  # ESC ! n
        flush_span()
        st["bold"] = bool(m & 0x08)
        st["dh"] = bool(m & 0x10)
        st["dw"] = bool(m & 0x20)
        st["ul"] = bool(m & 0x80)

    while i < n:
        b = data[i]
        if b == 0x0A:  # LF
            end_line()
            i += 1
        elif b == 0x0D:  # CR: ignored (LF ends the line)
            i += 1
        elif b == 0x09:
            buf.append(" " * (8 - (len("".join(s.text for s in spans)) + len("".join(buf))) % 8))
            i += 1
        elif b == 0x0C:  # FF
            end_line(force=False)
            i += 1
        elif b == ESC:
            c = arg(1)
            if c == ord("@"):
                flush_span()
                st.update(bold=False, dw=False, dh=False, ul=False, inv=False, align="left")
                encoding = by_number.get(0, "CP437")
                kanji = False
                i += 2
            elif c == ord("!"):
                set_mode(arg(2))
                i += 3
            elif c == ord("E"):
                flush_span()
                st["bold"] = bool(arg(2) & 1)
                i += 3
            elif c == ord("G"):  # double strike: looks like bold
                flush_span()
                st["bold"] = bool(arg(2) & 1)
                i += 3
            elif c == ord("-"):
                flush_span()
                st["ul"] = arg(2) in (1, 2, 49, 50)
                i += 3
            elif c == ord("a"):
                flush_span()
                st["align"] = ALIGN.get(arg(2), "left")
                i += 3
            elif c == ord("t"):
                flush_span()
                encoding = by_number.get(arg(2), encoding)
                i += 3
            elif c == ord("d"):
                end_line(force=False)
                for _ in range(arg(2)):
                    doc.elements.append(TextLine([], st["align"]))
                i += 3
            elif c == ord("J"):
                end_line(force=False)
                doc.elements.append(Feed(arg(2)))
                i += 3
            elif c == ord("p"):
                doc.elements.append(
                    DrawerKick(pin=2 if arg(2) in (0, 48) else 5, on_ms=arg(3) * 2, off_ms=arg(4) * 2)
                )
                i += 5
            elif c in (ord("2"),):
                i += 2
            elif c in (
                ord("3"),
                ord("A"),
                ord("+"),
                ord("M"),
                ord("{"),
                ord("r"),
                ord("V"),
                ord("U"),
                ord("="),
                ord("R"),
                ord(" "),
                ord("%"),
                ord("T"),
            ):
                if c == ord("M"):
                    flush_span()
                i += 3
            elif c == ord("B"):  # buzzer ESC B n t
                i += 4
            elif c == ord("c"):  # ESC c 5 n (panel buttons), ESC c 3/4 n (sensors)
                i += 4
            elif c == ord("*"):  # column bit image
                m, count = arg(2), arg(3) + 256 * arg(4)
                i += 5 + (count * 3 if m in (32, 33) else count)
            elif c == ord("D"):  # tab stops, NUL-terminated
                j = data.find(b"\x00", i + 2)
                i = n if j < 0 else j + 1
            else:
                doc.unknown.append(f"ESC {c:#04x} at {i}")
                i += 2
        elif b == GS:
            c = arg(1)
            if c == ord("!"):
                flush_span()
                m = arg(2)
                st["dw"] = (m >> 4) & 0x7 >= 1
                st["dh"] = (m & 0x7) >= 1
                i += 3
            elif c == ord("B"):
                flush_span()
                st["inv"] = bool(arg(2) & 1)
                i += 3
            elif c == ord("V"):
                end_line(force=False)
                m = arg(2)
                doc.elements.append(Cut(partial=m in (1, 49, 66)))
                i += 4 if m in (65, 66) else 3
            elif c == ord("(") and arg(2) == ord("k"):
                length = arg(3) + 256 * arg(4)
                body = data[i + 5 : i + 5 + length]
                i += 5 + length
                if len(body) >= 2 and body[0] == 0x31:  # cn = '1': QR code
                    fn = body[1]
                    if fn == 67 and len(body) > 2:
                        qr["size"] = body[2]
                    elif fn == 69 and len(body) > 2:
                        qr["ec"] = EC.get(body[2], "L")
                    elif fn == 80:
                        qr["data"] = body[3:]
                    elif fn == 81:
                        end_line(force=False)
                        doc.elements.append(
                            QrCode(qr["data"].decode("utf-8", "replace"), qr["size"], qr["ec"], st["align"])
                        )
            elif c == ord("(") and arg(2) == ord("L"):
                length = arg(3) + 256 * arg(4)
                i += 5 + length
            elif c == ord("v") and arg(2) == ord("0"):
                xb, y = arg(4) + 256 * arg(5), arg(6) + 256 * arg(7)
                raster = data[i + 8 : i + 8 + xb * y]
                end_line(force=False)
                if 0 < xb <= MAX_RASTER_BYTES_WIDE and 0 < y <= MAX_RASTER_HEIGHT and len(raster) == xb * y:
                    doc.elements.append(RasterImage(xb * 8, y, bytes(raster), st["align"]))
                else:
                    doc.unknown.append(f"GS v 0 {xb * 8}x{y} image at {i} (truncated or too large)")
                i += 8 + xb * y
            elif c == ord("k"):  # barcode: skipped
                m = arg(2)
                if m <= 6:
                    j = data.find(b"\x00", i + 3)
                    i = n if j < 0 else j + 1
                else:
                    i += 4 + arg(3)
            elif c in (ord("H"), ord("f"), ord("h"), ord("w"), ord("b"), ord("|"), ord("L"), ord("W")):
                i += 5 if c in (ord("L"), ord("W")) else 3
            else:
                doc.unknown.append(f"GS {c:#04x} at {i}")
                i += 2
        elif b == DLE:
            i += 3 if arg(1) in (0x04, 0x05) else 2
        elif b == FS:
            c = arg(1)
            if c == ord("&"):  # Kanji mode on: double-byte (Shift JIS) characters follow
                flush_span()
                kanji = True
                i += 2
            elif c == ord("."):
                flush_span()
                kanji = False
                i += 2
            elif c in (ord("C"), ord("!"), ord("-"), ord("W")):
                i += 3
            elif c == ord("S"):
                i += 4
            else:
                i += 2
        elif b < 0x20 or b == 0x7F:
            i += 1
        elif b < 0x80:
            buf.append(chr(b))
            i += 1
        elif kanji and i + 1 < n:
            buf.append(data[i : i + 2].decode("cp932", errors="replace"))
            i += 2
        else:
            buf.append(_high_chars(encoding)[b - 0x80])
            i += 1
    end_line(force=False)
    return doc


# --------------------------------------------------------------------------------------------- drawing

FONT_CANDIDATES = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf",
    "/usr/share/fonts/TTF/DejaVuSansMono.ttf",
    "/usr/share/fonts/truetype/noto/NotoSansMono-Regular.ttf",
    "/Library/Fonts/Menlo.ttc",
    "C:/Windows/Fonts/consola.ttf",
)
CELL_W, CELL_H, LINE_H = 12, 24, 30  # font A: 12 x 24 dots, default line spacing 1/6 inch at 180 dpi
MARGIN = 16


@lru_cache(maxsize=1)
def _font() -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    """DejaVu Sans Mono as shipped by python-barcode (a python-escpos dependency), so the picture is the
    same on every machine; else a system monospace font."""
    size = 20  # DejaVu Sans Mono advances 0.6 em: 12 px per character, one font-A cell
    candidates: list[str] = []
    try:
        import barcode

        candidates.append(str(Path(barcode.__file__).parent / "fonts" / "DejaVuSansMono.ttf"))
    except ImportError:
        pass
    candidates.extend(FONT_CANDIDATES)
    for path in candidates:
        if Path(path).exists():
            return ImageFont.truetype(path, size)
    return ImageFont.load_default(size=size)


FALLBACK_FONT_CANDIDATES = (
    # Wide (CJK) text first, then fonts with more symbols than DejaVu Sans Mono (e.g. "※").
    "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/truetype/fonts-japanese-gothic.ttf",
    "/System/Library/Fonts/Hiragino Sans GB.ttc",
    "C:/Windows/Fonts/msgothic.ttc",
    "/usr/share/fonts/truetype/noto/NotoSansMono-Regular.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "C:/Windows/Fonts/seguisym.ttf",
)


@lru_cache(maxsize=1)
def _fallback_fonts() -> tuple[ImageFont.FreeTypeFont, ...]:
    return tuple(ImageFont.truetype(p, 22) for p in FALLBACK_FONT_CANDIDATES if Path(p).exists())


@lru_cache(maxsize=16)
def _notdef(font: ImageFont.FreeTypeFont | ImageFont.ImageFont) -> bytes:
    return bytes(font.getmask("\uffff"))


def _has_glyph(font: ImageFont.FreeTypeFont | ImageFont.ImageFont, ch: str) -> bool:
    """Whether ``font`` draws ``ch`` (else it would draw its "missing" box)."""
    return ch.isascii() or bytes(font.getmask(ch)) != _notdef(font)


@lru_cache(maxsize=1024)
def _font_for(ch: str) -> ImageFont.FreeTypeFont | ImageFont.ImageFont | None:
    """The monospace font if it has ``ch``, else the first fallback font that has it, else None."""
    main = _font()
    if cell_width(ch) < 2 and _has_glyph(main, ch):
        return main
    for font in _fallback_fonts():
        if _has_glyph(font, ch):
            return font
    return None


@lru_cache(maxsize=4096)
def _glyph(ch: str, bold: bool, dw: bool, dh: bool, wide: bool = False) -> Image.Image:
    """One character cell, black on white ("L" mode), scaled like the printer scales it. Bold is
    printed the way a thermal head emphasises: each dot column struck again one dot to the right.
    A wide (Kanji) character takes a 24 × 24 cell; without a CJK font it is drawn as a box."""
    w = CELL_W * 2 if wide else CELL_W
    cell = Image.new("L", (w, CELL_H), 255)
    d = ImageDraw.Draw(cell)
    font = _font_for(ch)
    if font is None:
        d.rectangle([3, 3, w - 4, CELL_H - 4], outline=0)
    else:
        for dx in (0, 1) if bold else (0,):
            d.text((w / 2 + dx, CELL_H / 2 + 1), ch, font=font, fill=0, anchor="mm")
    if dw or dh:
        cell = cell.resize((w * (2 if dw else 1), CELL_H * (2 if dh else 1)), Image.Resampling.BICUBIC)
    return cell


@lru_cache(maxsize=32)
def _qr_matrix(payload: str, ec: str) -> list[list[bool]]:
    """The code's modules, or an empty matrix if the payload does not fit a QR code (as the printer
    would print nothing)."""
    import qrcode
    from qrcode import constants
    from qrcode.exceptions import DataOverflowError

    level = {
        "L": constants.ERROR_CORRECT_L,
        "M": constants.ERROR_CORRECT_M,
        "Q": constants.ERROR_CORRECT_Q,
        "H": constants.ERROR_CORRECT_H,
    }[ec]
    q = qrcode.QRCode(error_correction=level, border=0)
    q.add_data(payload)
    try:
        q.make(fit=True)
    except (DataOverflowError, ValueError):
        return []
    return q.get_matrix()


def _x_for(align: str, width: int, paper: int) -> int:
    if align == "center":
        return MARGIN + max(0, (paper - width) // 2)
    if align == "right":
        return MARGIN + max(0, paper - width)
    return MARGIN


def render_document(doc: Document, *, columns: int = 42, annotate: bool = True) -> Image.Image:
    """Draw a parsed stream on a paper strip ``columns`` font-A characters wide."""
    paper = columns * CELL_W
    width = paper + 2 * MARGIN
    # First pass: measure.
    height = MARGIN
    for e in doc.elements:
        if isinstance(e, TextLine):
            height += LINE_H * (2 if e.double_height else 1)
        elif isinstance(e, QrCode):
            height += (len(_qr_matrix(e.payload, e.ec)) + 8) * e.module_size
        elif isinstance(e, RasterImage):
            height += e.height
        elif isinstance(e, Feed):
            height += e.dots
        elif isinstance(e, Cut | DrawerKick):
            height += LINE_H if annotate or isinstance(e, Cut) else 0
    height += MARGIN
    img = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(img)
    note_font = _font()
    y = MARGIN
    for e in doc.elements:
        if isinstance(e, TextLine):
            line_h = LINE_H * (2 if e.double_height else 1)
            cells = [(ch, s) for s in e.spans for ch in s.text]
            text_w = sum(CELL_W * s.cells(ch) * (2 if s.double_width else 1) for ch, s in cells)
            x = _x_for(e.align, text_w, paper)
            for ch, s in cells:
                glyph = _glyph(ch, s.bold, s.double_width, s.double_height, s.cells(ch) == 2)
                gy = y + line_h - glyph.height - (LINE_H - CELL_H) // 2
                if s.invert:
                    draw.rectangle([x, y, x + glyph.width - 1, y + line_h - 1], fill="black")
                    img.paste("white", (x, gy), Image.eval(glyph, lambda v: 255 - v))
                else:
                    img.paste("black", (x, gy), Image.eval(glyph, lambda v: 255 - v))
                if s.underline:
                    draw.line(
                        [x, gy + glyph.height - 1, x + glyph.width, gy + glyph.height - 1], fill="black"
                    )
                x += glyph.width
            y += line_h
        elif isinstance(e, QrCode):
            matrix = _qr_matrix(e.payload, e.ec)
            m = e.module_size
            size = len(matrix) * m
            x0 = _x_for(e.align, size, paper)
            y0 = y + 4 * m
            for r, row in enumerate(matrix):
                for c, dark in enumerate(row):
                    if dark:
                        draw.rectangle(
                            [x0 + c * m, y0 + r * m, x0 + (c + 1) * m - 1, y0 + (r + 1) * m - 1], fill="black"
                        )
            y += size + 8 * m
        elif isinstance(e, RasterImage):
            bits = Image.frombytes("1", (e.width, e.height), e.data)
            bits = Image.eval(bits.convert("L"), lambda v: 255 - v)  # 1 = black dot on paper
            img.paste(bits.convert("RGB"), (_x_for(e.align, e.width, paper), y))
            y += e.height
        elif isinstance(e, Feed):
            y += e.dots
        elif isinstance(e, Cut):
            mid = y + LINE_H // 2
            for x in range(0, width, 12):
                draw.line([x, mid, x + 6, mid], fill=(150, 150, 150), width=2)
            label = " partial cut " if e.partial else " cut "
            lw = int(draw.textlength(label, font=note_font))
            draw.rectangle([width - lw - 24, mid - 12, width - 20, mid + 12], fill="white")
            draw.text((width - lw - 22, mid), label, fill=(150, 150, 150), font=note_font, anchor="lm")
            y += LINE_H
        elif isinstance(e, DrawerKick) and annotate:
            label = f"[cash drawer opened: pin {e.pin}, {e.on_ms} ms pulse]"
            draw.text((MARGIN, y + LINE_H // 2), label, fill=(200, 40, 40), font=note_font, anchor="lm")
            y += LINE_H
    return img


def render_png(
    data: bytes | Document,
    path: str | Path | None = None,
    *,
    columns: int = 42,
    profile: str | None = None,
    annotate: bool = True,
) -> Image.Image:
    """Render ESC/POS bytes (or a parsed document) to an image; save it as PNG if ``path`` is given."""
    doc = data if isinstance(data, Document) else parse_escpos(data, profile=profile)
    img = render_document(doc, columns=columns, annotate=annotate)
    if path is not None:
        img.save(path, format="PNG", optimize=True)
    return img


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) not in (2, 3):
        print("usage: python -m hardware.printer.render IN.escpos OUT.png [COLUMNS]", file=sys.stderr)
        return 2
    columns = int(args[2]) if len(args) == 3 else 42
    render_png(Path(args[0]).read_bytes(), args[1], columns=columns)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
