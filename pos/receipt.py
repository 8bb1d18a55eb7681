"""The customer receipt: a model built from plain data, and its layout in fixed-width columns.

Pure Python (no Qt, no devices). Amounts arrive either already formatted (``str``) or as integer minor
units (``int``) together with a ``format_amount(minor_units) -> str`` callable, so this module does not
depend on the money module.

The layout is a list of :class:`Row` (text with alignment, bold and size) and :class:`QrBlock` (the
claim code). The same layout feeds the plain-text receipt, the ESC/POS driver (``hardware.printer``)
and the on-screen / PDF view (``ui.receipt_view``), so the three never disagree.

Column widths: 42 characters for 80 mm paper (font A on a 512-dot head), 32 for 58 mm.
"""

from __future__ import annotations

import dataclasses
import enum
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from pos.fulfilment import order_qr_payload

Amount = int | str
"""An amount: integer minor units (formatted by ``format_amount``) or an already formatted string."""

WIDTH_80MM = 42
WIDTH_58MM = 32
MIN_WIDTH = 24

QR_PREFIX = "OMO:RECEIPT:"


def receipt_qr_payload(sale_uuid: str) -> str:
    """The text of the claim QR printed on every receipt: ``OMO:RECEIPT:<sale uuid>``."""
    sale_uuid = str(sale_uuid).strip()
    if not sale_uuid:
        raise ValueError("a receipt QR needs the sale's UUID")
    return QR_PREFIX + sale_uuid


class ReceiptMark(enum.StrEnum):
    """A banner printed at the top and bottom of a receipt that is not the plain original."""

    NONE = "none"
    PAYMENT_PENDING = "payment_pending"
    COPY = "copy"
    REPRINT = "reprint"


@dataclass(frozen=True)
class ReceiptLabels:
    """The words printed on a receipt, so a shop prints in its customers' language.

    The defaults are English; the application passes translated labels (``pos`` itself has no
    translation machinery). ``{}`` marks where the value goes.
    """

    receipt: str = "Receipt {}"
    till: str = "Till {}"
    cashier: str = "Cashier {}"
    member: str = "Member {}"
    discount: str = "Discount"
    subtotal: str = "Subtotal"
    discounts: str = "Discounts"
    total: str = "TOTAL"
    rate: str = "Rate"
    net: str = "Net"
    tax: str = "Tax"
    gross: str = "Gross"
    auth: str = "Auth {}"
    cash_rounding: str = "Cash rounding"
    change: str = "Change"
    qr_caption: tuple[str, ...] = ("Scan with the OMO app", "to claim this purchase")
    payment_pending: str = "PAYMENT PENDING"
    payment_pending_note: str = "Not a proof of payment"
    copy: str = "COPY"
    copy_note: str = "Duplicate of the original receipt"
    reprint: str = "REPRINT"
    reprint_note: str = "Reprint of the original receipt"
    order: str = "Order {}"
    order_delivery: str = "Home delivery by {} from {}"
    order_pickup: str = "Collect here from {} (from {})"
    order_reservation: str = "Reserved at {}, collected"
    order_qr_caption: tuple[str, ...] = ("Your order: show this code", "to collect it or to ask about it")
    date_format: str = "%Y-%m-%d %H:%M"

    def mark(self, mark: ReceiptMark) -> tuple[str, str]:
        return {
            ReceiptMark.PAYMENT_PENDING: (self.payment_pending, self.payment_pending_note),
            ReceiptMark.COPY: (self.copy, self.copy_note),
            ReceiptMark.REPRINT: (self.reprint, self.reprint_note),
        }[mark]


@dataclass(frozen=True)
class ReceiptLine:
    description: str
    qty: str | int
    """Quantity as printed: an int (units) or a string such as ``"0.512 kg"``."""
    unit_price: Amount
    line_total: Amount
    discount_text: str = ""
    """E.g. ``"Member -10 %"``; printed under the line."""
    discount_amount: Amount | None = None
    """The (negative) discount on this line, printed right-aligned beside ``discount_text``."""
    tax_mark: str = ""
    """A short code tying the line to its tax rate (``"A"``, ``"B"``, or ``"*"`` for a reduced rate)."""
    per: str = ""
    """What ``unit_price`` is the price of, for a weighed line: ``"kg"`` prints ``0.750 kg x 2.49/kg``."""
    order_no: str = ""
    """The line is on this order (delivered or collected later, see ``Receipt.orders``)."""


@dataclass(frozen=True)
class TaxLine:
    label: str
    """The rate as printed, e.g. ``"A 19%"`` or ``"8% reduced"``."""
    net: Amount
    tax: Amount
    gross: Amount


@dataclass(frozen=True)
class Tender:
    label: str
    """E.g. ``"Cash"``, ``"Card"``, ``"Gift card"``."""
    amount: Amount
    card_brand: str = ""
    card_last4: str = ""
    auth_code: str = ""

    def __post_init__(self) -> None:
        last4 = str(self.card_last4)
        if last4 and (len(last4) != 4 or not last4.isdigit()):
            # Never print more of a card number than the last four digits.
            raise ValueError("card_last4 must be exactly the last four digits")


def print_day(iso: str, date_format: str) -> str:
    """An ISO day (an order's delivery or collection day) as the receipt writes dates: the date part of
    its ``date_format`` (07/12/2026 in Italy, 2026/12/07 in Japan). What is not a day prints as it is."""
    try:
        day = date.fromisoformat(iso)
    except ValueError:
        return iso
    pattern = " ".join(part for part in date_format.split() if not ("%H" in part or "%M" in part))
    return day.strftime(pattern or "%Y-%m-%d")


@dataclass(frozen=True)
class OrderSlip:
    """An order paid with this sale (endless aisle) or a reservation collected: its number and QR
    (``OMO:ORDER:<no>.<secret>``, see `pos.fulfilment`), how it reaches the customer and when."""

    order_no: str
    kind: str  # "delivery" | "pickup" | "reservation"
    source: str = ""  # the store or warehouse it comes from
    ready_on: str = ""  # the ISO day it is delivered by or can be collected from
    qr_secret: str = ""

    @property
    def qr_payload(self) -> str:
        return order_qr_payload(self.order_no, self.qr_secret)


@dataclass(frozen=True)
class Receipt:
    store_name: str
    till_id: str
    receipt_no: str
    when: datetime
    cashier: str
    sale_uuid: str
    lines: tuple[ReceiptLine, ...]
    total: Amount
    store_address: tuple[str, ...] = ()
    tax_id: str = ""
    """The seller's tax registration, e.g. ``"VAT DE123456789"`` or ``"T1234567890123"``."""
    member_no: str = ""
    subtotal: Amount | None = None
    discount_total: Amount | None = None
    tax_lines: tuple[TaxLine, ...] = ()
    tax_note: str = ""
    """E.g. ``"Prices include VAT"``."""
    tenders: tuple[Tender, ...] = ()
    cash_rounding: Amount | None = None
    change_given: Amount | None = None
    mark: ReceiptMark = ReceiptMark.NONE
    points_text: str = ""
    """E.g. ``"Points earned 12 (provisional)"``."""
    footer: tuple[str, ...] = ("Thank you for shopping with us",)
    currency: str = ""
    labels: ReceiptLabels = field(default_factory=ReceiptLabels)
    orders: tuple[OrderSlip, ...] = ()
    title: str = ""
    """What the document is when it is not a sale (``"RETURN"``), printed under the header."""
    codes: tuple[tuple[str, tuple[str, ...]], ...] = ()
    """Further QR codes with their captions, printed before the claim code (a store credit's code)."""
    claim_code: bool = True
    """False for a printout that is no sale (a till's Z report, a return): no claim QR."""

    def __post_init__(self) -> None:
        # Accept lists from callers, keep tuples (hashable, immutable).
        for name in ("lines", "store_address", "tax_lines", "tenders", "footer", "orders"):
            value = getattr(self, name)
            if not isinstance(value, tuple):
                object.__setattr__(self, name, tuple(value))
        object.__setattr__(self, "codes", tuple((str(p), tuple(c)) for p, c in self.codes))
        object.__setattr__(self, "mark", ReceiptMark(self.mark))
        if isinstance(self.labels, dict):
            labels = dict(self.labels)
            labels["qr_caption"] = tuple(labels.get("qr_caption", ReceiptLabels.qr_caption))
            labels["order_qr_caption"] = tuple(labels.get("order_qr_caption", ReceiptLabels.order_qr_caption))
            object.__setattr__(self, "labels", ReceiptLabels(**labels))
        object.__setattr__(
            self, "orders", tuple(o if isinstance(o, OrderSlip) else OrderSlip(**o) for o in self.orders)
        )
        receipt_qr_payload(self.sale_uuid)  # validates

    @property
    def qr_payload(self) -> str:
        return receipt_qr_payload(self.sale_uuid)

    def marked(self, mark: ReceiptMark) -> Receipt:
        """The same receipt with another banner (a reprint, a copy)."""
        return dataclasses.replace(self, mark=ReceiptMark(mark))

    def has_unformatted_amounts(self) -> bool:
        return any(isinstance(a, int) and not isinstance(a, bool) for a in _amounts(self))

    def formatted(self, format_amount: Callable[[int], str] | None) -> Receipt:
        """A copy whose amounts are all strings. Raises if an int amount meets no formatter."""
        if not self.has_unformatted_amounts():
            return self
        if format_amount is None:
            raise ValueError("receipt amounts are integers: pass format_amount to lay them out")

        def f(a: Amount | None) -> str | None:
            if a is None:
                return None
            return a if isinstance(a, str) else format_amount(a)

        return dataclasses.replace(
            self,
            lines=tuple(
                dataclasses.replace(
                    ln,
                    unit_price=f(ln.unit_price),
                    line_total=f(ln.line_total),
                    discount_amount=f(ln.discount_amount),
                )
                for ln in self.lines
            ),
            total=f(self.total),
            subtotal=f(self.subtotal),
            discount_total=f(self.discount_total),
            tax_lines=tuple(
                dataclasses.replace(t, net=f(t.net), tax=f(t.tax), gross=f(t.gross)) for t in self.tax_lines
            ),
            tenders=tuple(dataclasses.replace(t, amount=f(t.amount)) for t in self.tenders),
            cash_rounding=f(self.cash_rounding),
            change_given=f(self.change_given),
        )

    # --- plain data round trip (the print queue persists receipts as JSON) -----------------------
    def to_dict(self) -> dict[str, Any]:
        d = dataclasses.asdict(self)
        d["when"] = self.when.isoformat()
        d["mark"] = self.mark.value
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Receipt:
        d = dict(d)
        d["when"] = datetime.fromisoformat(d["when"])
        d["lines"] = tuple(ReceiptLine(**x) for x in d.get("lines", ()))
        d["tax_lines"] = tuple(TaxLine(**x) for x in d.get("tax_lines", ()))
        d["tenders"] = tuple(Tender(**x) for x in d.get("tenders", ()))
        for name in ("store_address", "footer"):
            if name in d:
                d[name] = tuple(d[name])
        return cls(**d)


def _amounts(r: Receipt) -> Iterable[Amount | None]:
    for ln in r.lines:
        yield from (ln.unit_price, ln.line_total, ln.discount_amount)
    yield from (r.total, r.subtotal, r.discount_total, r.cash_rounding, r.change_given)
    for t in r.tax_lines:
        yield from (t.net, t.tax, t.gross)
    for t in r.tenders:
        yield t.amount


# ---------------------------------------------------------------------------------------------- layout


class Align(enum.StrEnum):
    LEFT = "left"
    CENTER = "center"
    RIGHT = "right"


@dataclass(frozen=True)
class Row:
    """One printed line. ``text`` never exceeds the row's cells (``width // 2`` if double width); a wide
    (CJK) character takes two cells, see :func:`cell_width`."""

    text: str
    align: Align = Align.LEFT
    bold: bool = False
    double_width: bool = False
    double_height: bool = False

    def columns(self, width: int) -> int:
        return width // 2 if self.double_width else width

    def padded(self, width: int) -> str:
        """The row as it sits on paper, as plain text of exactly ``columns(width)`` characters."""
        cols = self.columns(width)
        if self.align is Align.CENTER:
            return center(self.text, cols)
        if self.align is Align.RIGHT:
            return rjust(self.text, cols)
        return ljust(self.text, cols)


@dataclass(frozen=True)
class QrBlock:
    payload: str
    caption: tuple[str, ...] = field(default=())


Block = Row | QrBlock

QR_CAPTION = ReceiptLabels.qr_caption


def cell_width(text: str) -> int:
    """Printed width in character cells: East Asian wide and full-width characters take two."""
    w = 0
    for ch in text:
        if unicodedata.combining(ch):
            continue
        w += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return w


def ljust(text: str, width: int) -> str:
    return text + " " * max(0, width - cell_width(text))


def rjust(text: str, width: int) -> str:
    return " " * max(0, width - cell_width(text)) + text


def center(text: str, width: int) -> str:
    pad = max(0, width - cell_width(text))
    return " " * (pad // 2) + text + " " * (pad - pad // 2)


def _split_cells(word: str, width: int) -> tuple[str, str]:
    """The longest head of ``word`` that fits ``width`` cells (at least one character), and the rest."""
    used = 0
    for i, ch in enumerate(word):
        used += cell_width(ch)
        if used > width:
            return (word[:i], word[i:]) if i else (word[:1], word[1:])
    return word, ""


def _wrap(text: str, width: int) -> list[str]:
    """Wrap to ``width`` cells, keeping a leading indent (on every wrapped line) and breaking words
    longer than a line (Japanese and Chinese text, which has no spaces, breaks anywhere)."""
    text = str(text)
    indent = text[: len(text) - len(text.lstrip(" "))][: max(0, width // 4)]
    room = max(1, width - len(indent))
    lines: list[str] = []
    cur = ""
    for word in text.split():
        while cell_width(word) > room:
            if cur:
                lines.append(indent + cur)
                cur = ""
            head, word = _split_cells(word, room)
            lines.append(indent + head)
        if not word:
            continue
        if not cur:
            cur = word
        elif cell_width(cur) + 1 + cell_width(word) <= room:
            cur += " " + word
        else:
            lines.append(indent + cur)
            cur = word
    if cur:
        lines.append(indent + cur)
    return lines


def _lr(left: str, right: str, width: int) -> list[str]:
    """``left`` and a right-aligned ``right`` on one line; ``left`` wraps above if both do not fit."""
    right = str(right)
    rw = cell_width(right)
    if rw >= width - 1:  # never cut an amount: it gets lines of its own
        return [*_wrap(left, width), *(rjust(part, width) for part in _wrap(right, width))]
    parts = _wrap(left, width - rw - 1) or [""]
    if len(parts) > 1:
        # Wrap to the full width, then put the amount on the last line if it still fits.
        parts = _wrap(left, width)
        last = parts[-1]
        if cell_width(last) + 1 + rw <= width:
            return [*parts[:-1], last + rjust(right, width - cell_width(last))]
        return [*parts, rjust(right, width)]
    return [parts[0] + rjust(right, width - cell_width(parts[0]))]


def _columns(cells: Sequence[str], widths: Sequence[int]) -> str:
    out = ljust(_split_cells(cells[0], widths[0])[0] if cells[0] else "", widths[0])
    for cell, w in zip(cells[1:], widths[1:], strict=True):
        out += rjust(cell, w)
    return out


def layout(
    receipt: Receipt,
    width: int = WIDTH_80MM,
    format_amount: Callable[[int], str] | None = None,
) -> list[Block]:
    """Lay the receipt out for ``width`` columns (42 for 80 mm paper, 32 for 58 mm)."""
    if width < MIN_WIDTH:
        raise ValueError(f"receipt width must be at least {MIN_WIDTH} columns")
    r = receipt.formatted(format_amount)
    lb = r.labels
    rows: list[Block] = []
    rule = Row("-" * width)

    def text(s: str, **kw: Any) -> None:
        cols = width // 2 if kw.get("double_width") else width
        for part in _wrap(s, cols):
            rows.append(Row(part, **kw))

    def lr(left: str, right: str, *, bold: bool = False, double_height: bool = False) -> None:
        for part in _lr(left, right, width):
            rows.append(Row(part, bold=bold, double_height=double_height))

    def banner() -> None:
        if r.mark is not ReceiptMark.NONE:
            title, note = lb.mark(r.mark)
            text(f"*** {title} ***", align=Align.CENTER, bold=True, double_height=True)
            text(note, align=Align.CENTER)

    # Header
    banner()
    text(r.store_name, align=Align.CENTER, bold=True, double_width=True, double_height=True)
    for addr in r.store_address:
        text(addr, align=Align.CENTER)
    if r.tax_id:
        text(r.tax_id, align=Align.CENTER)
    rows.append(rule)
    lr(lb.receipt.format(r.receipt_no), lb.till.format(r.till_id))
    lr(r.when.strftime(lb.date_format), lb.cashier.format(r.cashier))
    if r.member_no:
        text(lb.member.format(r.member_no))
    rows.append(rule)
    if r.title:
        text(r.title, align=Align.CENTER, bold=True, double_height=True)
        rows.append(rule)

    # Lines
    for ln in r.lines:
        mark = f" {ln.tax_mark}" if ln.tax_mark else ""
        total = f"{ln.line_total}{mark}"
        if str(ln.qty) in ("1", "1.0"):
            lr(ln.description, total)
        else:
            text(ln.description)
            lr(f"  {ln.qty} x {ln.unit_price}" + (f"/{ln.per}" if ln.per else ""), total)
        if ln.discount_text or ln.discount_amount is not None:
            lr(f"  {ln.discount_text or lb.discount}", str(ln.discount_amount or ""))
        if ln.order_no:
            text("  " + lb.order.format(ln.order_no))
    rows.append(rule)

    # Totals
    if r.subtotal is not None:
        lr(lb.subtotal, str(r.subtotal))
    if r.discount_total is not None:
        lr(lb.discounts, str(r.discount_total))
    lr(lb.total, f"{r.currency} {r.total}".strip(), bold=True, double_height=True)

    # Tax per rate
    if r.tax_lines:
        rows.append(rule)
        amount_w = max(
            [len("Gross") + 1]
            + [cell_width(str(v)) + 1 for t in r.tax_lines for v in (t.net, t.tax, t.gross)]
        )
        label_w = width - 3 * amount_w
        if label_w >= 4:
            widths = (label_w, amount_w, amount_w, amount_w)
            rows.append(Row(_columns((lb.rate, lb.net, lb.tax, lb.gross), widths), bold=True))
            for t in r.tax_lines:
                if cell_width(t.label) > label_w:
                    text(t.label)
                    rows.append(Row(_columns(("", str(t.net), str(t.tax), str(t.gross)), widths)))
                else:
                    rows.append(Row(_columns((t.label, str(t.net), str(t.tax), str(t.gross)), widths)))
        else:  # very long amounts: one rate per block
            for t in r.tax_lines:
                text(t.label, bold=True)
                lr(f"  {lb.net}", str(t.net))
                lr(f"  {lb.tax}", str(t.tax))
                lr(f"  {lb.gross}", str(t.gross))
    if r.tax_note:
        text(r.tax_note)

    # Tenders
    if r.tenders or r.change_given is not None or r.cash_rounding is not None:
        rows.append(rule)
    for t in r.tenders:
        lr(t.label, str(t.amount))
        card = " ".join(
            s
            for s in (
                t.card_brand.upper(),
                f"**** {t.card_last4}" if t.card_last4 else "",
                lb.auth.format(t.auth_code) if t.auth_code else "",
            )
            if s
        )
        if card:
            text(f"  {card}")
    if r.cash_rounding is not None:
        lr(lb.cash_rounding, str(r.cash_rounding))
    if r.change_given is not None:
        lr(lb.change, str(r.change_given), bold=True)

    if r.points_text:
        rows.append(rule)
        text(r.points_text)

    # Orders paid with this sale: each with its own QR
    for o in r.orders:
        rows.append(rule)
        text(lb.order.format(o.order_no), bold=True, double_height=True)
        if o.kind == "delivery":
            text(lb.order_delivery.format(print_day(o.ready_on, lb.date_format), o.source))
        elif o.kind == "pickup":
            text(lb.order_pickup.format(print_day(o.ready_on, lb.date_format), o.source))
        else:
            text(lb.order_reservation.format(o.source))
        rows.append(QrBlock(o.qr_payload, caption=lb.order_qr_caption))
    if r.orders:
        rows.append(rule)

    # Further codes (a store credit), the claim code and the footer
    for payload, caption in r.codes:
        rows.append(Row(""))
        rows.append(QrBlock(payload, caption=caption))
    rows.append(Row(""))
    if r.claim_code:
        rows.append(QrBlock(r.qr_payload, caption=lb.qr_caption))
    for line in r.footer:
        text(line, align=Align.CENTER)
    banner()
    return rows


def text_lines(blocks: Sequence[Block], width: int) -> list[str]:
    """Plain-text lines of a layout; a QR code appears as ``[QR OMO:RECEIPT:…]`` plus its caption."""
    out: list[str] = []
    for b in blocks:
        if isinstance(b, QrBlock):
            out.append(center(f"[QR {b.payload}]", width) if len(b.payload) + 4 <= width else b.payload)
            for caption in b.caption:
                out.extend(center(c, width) for c in _wrap(caption, width))
        elif b.double_width:
            # Plain text cannot print double width: centre the half-width text across the full width.
            out.append(center(b.text, width) if b.align is Align.CENTER else b.padded(width))
        else:
            out.append(b.padded(width))
    return [line.rstrip() for line in out]


def render_text(
    receipt: Receipt,
    width: int = WIDTH_80MM,
    format_amount: Callable[[int], str] | None = None,
) -> str:
    """The receipt as plain text, ``width`` columns wide, amounts right-aligned."""
    return "\n".join(text_lines(layout(receipt, width, format_amount), width)) + "\n"
