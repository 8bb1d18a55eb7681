"""X and Z reports as a person reads them: one list of sections (title, rows of label and amount) that the
screen, the terminal (`omo-pos till`), the receipt printer and the PDF all show, so they never disagree.

Labels are marked for translation in the "app" context; the window passes its translator as `tr`, the
terminal and the PDF of `omo-pos till z-report --pdf` print English.

The PDF is drawn with reportlab (pure Python, BSD licensed: the window saves the same PDF, no second
renderer), with the sales-by-hour chart as vector bars.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path
from typing import Any

from app.messages import QT_TRANSLATE_NOOP
from pos.till import TillReport

C = "app"
Rows = list[tuple[str, str]]
Section = tuple[str, Rows]
Tr = Callable[[str], str]

TENDER_LABELS = {
    "cash": QT_TRANSLATE_NOOP(C, "Cash"),
    "card": QT_TRANSLATE_NOOP(C, "Card"),
    "points": QT_TRANSLATE_NOOP(C, "Points"),
    "gift_card": QT_TRANSLATE_NOOP(C, "Gift card"),
    "store_credit": QT_TRANSLATE_NOOP(C, "Store credit"),
}


def _same(text: str) -> str:
    return text


def local_time(iso: str) -> str:
    """An ISO timestamp as the till's local date and time ("" stays "")."""
    if not iso:
        return ""
    return datetime.fromisoformat(iso).astimezone().strftime("%Y-%m-%d %H:%M")


def report_sections(
    report: TillReport, fmt: Callable[[int], str], *, z: Any = None, tr: Tr = _same
) -> list[Section]:
    """The report's sections. `z` (an app.till.ZReport) adds the count, the over/short and the cards."""
    sales: Rows = [
        (tr(QT_TRANSLATE_NOOP(C, "Sales ({n})")).format(n=report.sales_count), fmt(report.gross_sales)),
        (
            tr(QT_TRANSLATE_NOOP(C, "Returns ({n})")).format(n=report.returns_count),
            fmt(-report.returns_total),
        ),
        (tr(QT_TRANSLATE_NOOP(C, "Net sales")), fmt(report.net_sales)),
        (tr(QT_TRANSLATE_NOOP(C, "Discounts given")), fmt(report.discounts)),
        (tr(QT_TRANSLATE_NOOP(C, "Points redeemed")), fmt(report.points_redeemed)),
        (tr(QT_TRANSLATE_NOOP(C, "Voided sales ({n})")).format(n=report.voids), fmt(report.voided_total)),
        (tr(QT_TRANSLATE_NOOP(C, "No-sale drawer openings")), str(report.no_sales)),
    ]
    tenders: Rows = [(tr(TENDER_LABELS.get(k, k)), fmt(v)) for k, v in report.tenders] or [
        (tr(QT_TRANSLATE_NOOP(C, "No payments")), fmt(0))
    ]
    tax: Rows = [
        (
            tr(QT_TRANSLATE_NOOP(C, "{rate} on {amount}")).format(rate=r.label, amount=fmt(r.taxable)),
            fmt(r.tax),
        )
        for r in report.rates
    ] or [(tr(QT_TRANSLATE_NOOP(C, "No tax")), fmt(0))]
    cash: Rows = [
        (tr(QT_TRANSLATE_NOOP(C, "Opening float")), fmt(report.opening_float)),
        (tr(QT_TRANSLATE_NOOP(C, "+ Cash tendered")), fmt(report.cash_tendered)),
        (tr(QT_TRANSLATE_NOOP(C, "− Change given")), fmt(report.change_given)),
        (tr(QT_TRANSLATE_NOOP(C, "− Cash refunds")), fmt(report.cash_refunds)),
        (tr(QT_TRANSLATE_NOOP(C, "+ Paid in")), fmt(report.paid_in)),
        (tr(QT_TRANSLATE_NOOP(C, "− Paid out")), fmt(report.paid_out)),
        (tr(QT_TRANSLATE_NOOP(C, "− Drops to the safe")), fmt(report.drops)),
        (tr(QT_TRANSLATE_NOOP(C, "= Expected in the drawer")), fmt(report.expected_cash)),
    ]
    if z is not None:
        side = (
            QT_TRANSLATE_NOOP(C, "Over")
            if z.difference > 0
            else QT_TRANSLATE_NOOP(C, "Short")
            if z.difference < 0
            else QT_TRANSLATE_NOOP(C, "Over/short")
        )
        cash += [
            (tr(QT_TRANSLATE_NOOP(C, "Counted")), fmt(z.counted)),
            (tr(side), fmt(z.difference)),
        ]
        if z.reason:
            cash.append((tr(QT_TRANSLATE_NOOP(C, "Reason: {reason}")).format(reason=z.reason), ""))
        if z.approved_by:
            cash.append((tr(QT_TRANSLATE_NOOP(C, "Approved by")), z.approved_by))
    out: list[Section] = [  # the drawer first: what a manager closing the till looks for
        (tr(QT_TRANSLATE_NOOP(C, "Cash")), cash),
        (tr(QT_TRANSLATE_NOOP(C, "Sales")), sales),
        (tr(QT_TRANSLATE_NOOP(C, "Tenders")), tenders),
        (tr(QT_TRANSLATE_NOOP(C, "Tax per rate")), tax),
    ]
    if z is not None and z.cards:
        cards: Rows = [
            (
                tr(QT_TRANSLATE_NOOP(C, "{brand} ({n})")).format(brand=b["brand"].title(), n=b["payments"]),
                fmt(b["captured"] - b["refunded"]),
            )
            for b in z.cards.get("by_brand", [])
        ]
        cards.append((tr(QT_TRANSLATE_NOOP(C, "Stripe total")), fmt(z.cards.get("stripe_total", 0))))
        cards.append((tr(QT_TRANSLATE_NOOP(C, "Journal total")), fmt(z.cards.get("journal_total", 0))))
        if not z.cards.get("checked_with_stripe", True):
            cards.append((tr(QT_TRANSLATE_NOOP(C, "Not checked with Stripe (offline)")), ""))
        for p in z.cards.get("problems", []):
            cards.append(
                (f"{p['kind'].replace('_', ' ')}: {p['payment_intent']}", _maybe(fmt, p.get("stripe")))
            )
        out.append((tr(QT_TRANSLATE_NOOP(C, "Cards, reconciled with Stripe")), cards))
    if report.top_products:
        out.append(
            (
                tr(QT_TRANSLATE_NOOP(C, "Top products")),
                [(f"{p.quantity} × {p.description}", fmt(p.amount)) for p in report.top_products],
            )
        )
    return out


def _maybe(fmt: Callable[[int], str], amount: int | None) -> str:
    return "" if amount is None else fmt(amount)


def header_lines(z: Any, tr: Tr = _same) -> list[str]:
    return [
        z.store_name,
        tr(QT_TRANSLATE_NOOP(C, "Z report · till {till} · session {session}")).format(
            till=z.till_id, session=z.session_id
        ),
        tr(QT_TRANSLATE_NOOP(C, "Opened {at} by {who}")).format(at=local_time(z.opened_at), who=z.opened_by),
        tr(QT_TRANSLATE_NOOP(C, "Closed {at} by {who}")).format(at=local_time(z.closed_at), who=z.closed_by),
    ]


def render_text(sections: list[Section], header: list[str] = (), width: int = 48) -> str:
    lines = [*header, ""] if header else []
    for title, rows in sections:
        lines.append(title.upper())
        for label, value in rows:
            pad = max(1, width - len(label) - len(value))
            lines.append(f"  {label}{' ' * pad}{value}")
        lines.append("")
    return "\n".join(lines)


# ------------------------------------------------------------------------------------ PDF
_FONT_CANDIDATES = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/TTF/DejaVuSans.ttf",
    "/Library/Fonts/Arial Unicode.ttf",
    "C:/Windows/Fonts/arial.ttf",
)


# Kanji and kana (a Japanese store's report): TrueType outlines, which reportlab embeds. Debian/Ubuntu:
# fonts-ipafont-gothic (IPA Font License: free to use and redistribute); Windows: MS Gothic.
_CJK_FONT_CANDIDATES = (
    "/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf",
    "/usr/share/fonts/truetype/fonts-japanese-gothic.ttf",
    "C:/Windows/Fonts/msgothic.ttc",
)


def _wide(texts: Iterable[str]) -> bool:
    import unicodedata

    return any(unicodedata.east_asian_width(ch) in ("W", "F") for t in texts for ch in t)


def _font(cjk: bool = False) -> str:
    """A Unicode TrueType font when the system has one (names in any script; with `cjk`, one with kanji),
    else Helvetica (WinAnsi: Latin text and the euro sign)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    name = "OmoSansJP" if cjk else "OmoSans"
    if name in pdfmetrics.getRegisteredFontNames():
        return name
    for path in _CJK_FONT_CANDIDATES if cjk else ():
        if Path(path).exists():
            pdfmetrics.registerFont(TTFont(name, path))
            return name
    if "OmoSans" in pdfmetrics.getRegisteredFontNames():
        return "OmoSans"
    for path in _FONT_CANDIDATES:
        if Path(path).exists():
            pdfmetrics.registerFont(TTFont("OmoSans", path))
            return "OmoSans"
    return "Helvetica"


def write_pdf(
    path: str | Path,
    sections: list[Section],
    header: list[str],
    by_hour: tuple[tuple[int, int, int], ...],
    *,
    chart_title: str = "Sales by hour",
    amount_unit: int = 100,
) -> Path:
    """The report as an A4 PDF at `path` (written to a temporary name, then renamed into place)."""
    import os

    from reportlab.graphics.charts.barcharts import VerticalBarChart
    from reportlab.graphics.shapes import Drawing, String
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    texts = [*header, chart_title, *(x for name, rows in sections for r in rows for x in (name, *r))]
    font = _font(_wide(texts))
    path = Path(path)
    tmp = path.with_name(f".{path.name}.tmp")
    title = ParagraphStyle("t", fontName=font, fontSize=16, leading=20)
    small = ParagraphStyle("s", fontName=font, fontSize=9, leading=12)
    head = ParagraphStyle("h", fontName=font, fontSize=11, leading=14, spaceBefore=6)
    story: list[Any] = [Paragraph(_esc(header[0]), title)] + [Paragraph(_esc(h), small) for h in header[1:]]
    story.append(Spacer(1, 4 * mm))
    for name, rows in sections:
        table = Table([[a, b] for a, b in rows], colWidths=[120 * mm, 50 * mm])
        table.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), font),
                    ("FONTSIZE", (0, 0), (-1, -1), 9),
                    ("ALIGN", (1, 0), (1, -1), "RIGHT"),
                    ("LINEBELOW", (0, -1), (-1, -1), 0.25, colors.grey),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
                    ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                ]
            )
        )
        story.append(KeepTogether([Paragraph(_esc(name), head), table]))
    drawing = Drawing(170 * mm, 60 * mm)
    drawing.add(String(0, 56 * mm, chart_title, fontName=font, fontSize=11))
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 12 * mm, 8 * mm, 150 * mm, 42 * mm
    hours = dict((h, a) for h, _n, a in by_hour)
    span = range(min(hours, default=9), max(hours, default=17) + 1)
    chart.data = [[hours.get(h, 0) / amount_unit for h in span]]
    chart.categoryAxis.categoryNames = [f"{h:02d}" for h in span]
    chart.categoryAxis.labels.fontName = chart.valueAxis.labels.fontName = font
    chart.valueAxis.valueMin = 0
    chart.bars[0].fillColor = colors.HexColor("#2f6fb3")
    drawing.add(chart)
    story += [Spacer(1, 4 * mm), drawing]
    margins = {"leftMargin": 20 * mm, "rightMargin": 20 * mm, "topMargin": 15 * mm, "bottomMargin": 15 * mm}
    doc_title = header[1] if len(header) > 1 else header[0]
    SimpleDocTemplate(str(tmp), pagesize=A4, title=doc_title, author="OMO POS", **margins).build(story)
    os.replace(tmp, path)
    return path


def _esc(text: str) -> str:
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


__all__ = ["header_lines", "local_time", "render_text", "report_sections", "write_pdf"]
