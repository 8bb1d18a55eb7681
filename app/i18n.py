"""The store's language for what is printed (Qt-free): receipts, Z reports, return receipts.

The window translates with Qt (ui/i18n.py, the compiled .qm). What the till prints is in the store's
language whoever is logged in, and terminal commands (`omo-pos till z-report`) print it with no Qt at all:
this module reads the same translations from their source, i18n/omo_<lang>.ts (shipped in the bundle next
to the .qm), with the standard library's XML parser. Dates are written the way the store's locale writes
them (Babel/CLDR); amounts already are (`Money.format`).
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

from app.messages import CONTEXT, QT_TRANSLATE_NOOP, Msg

RECEIPT = "receipt"  # the translation context of the printed words

# The words of pos.receipt.ReceiptLabels, marked for extraction (tests check they are the defaults).
RECEIPT_WORDS: dict[str, str] = {
    "receipt": QT_TRANSLATE_NOOP("receipt", "Receipt {}"),
    "till": QT_TRANSLATE_NOOP("receipt", "Till {}"),
    "cashier": QT_TRANSLATE_NOOP("receipt", "Cashier {}"),
    "member": QT_TRANSLATE_NOOP("receipt", "Member {}"),
    "discount": QT_TRANSLATE_NOOP("receipt", "Discount"),
    "subtotal": QT_TRANSLATE_NOOP("receipt", "Subtotal"),
    "discounts": QT_TRANSLATE_NOOP("receipt", "Discounts"),
    "total": QT_TRANSLATE_NOOP("receipt", "TOTAL"),
    "rate": QT_TRANSLATE_NOOP("receipt", "Rate"),
    "net": QT_TRANSLATE_NOOP("receipt", "Net"),
    "tax": QT_TRANSLATE_NOOP("receipt", "Tax"),
    "gross": QT_TRANSLATE_NOOP("receipt", "Gross"),
    "auth": QT_TRANSLATE_NOOP("receipt", "Auth {}"),
    "cash_rounding": QT_TRANSLATE_NOOP("receipt", "Cash rounding"),
    "change": QT_TRANSLATE_NOOP("receipt", "Change"),
    "payment_pending": QT_TRANSLATE_NOOP("receipt", "PAYMENT PENDING"),
    "payment_pending_note": QT_TRANSLATE_NOOP("receipt", "Not a proof of payment"),
    "copy": QT_TRANSLATE_NOOP("receipt", "COPY"),
    "copy_note": QT_TRANSLATE_NOOP("receipt", "Duplicate of the original receipt"),
    "reprint": QT_TRANSLATE_NOOP("receipt", "REPRINT"),
    "reprint_note": QT_TRANSLATE_NOOP("receipt", "Reprint of the original receipt"),
    "order": QT_TRANSLATE_NOOP("receipt", "Order {}"),
    "order_delivery": QT_TRANSLATE_NOOP("receipt", "Home delivery by {} from {}"),
    "order_pickup": QT_TRANSLATE_NOOP("receipt", "Collect here from {} (from {})"),
    "order_reservation": QT_TRANSLATE_NOOP("receipt", "Reserved at {}, collected"),
}
QR_CAPTION = (
    QT_TRANSLATE_NOOP("receipt", "Scan with the OMO app"),
    QT_TRANSLATE_NOOP("receipt", "to claim this purchase"),
)
ORDER_QR_CAPTION = (  # under the QR of an order paid with the sale (endless aisle)
    QT_TRANSLATE_NOOP("receipt", "Your order: show this code"),
    QT_TRANSLATE_NOOP("receipt", "to collect it or to ask about it"),
)
# The Z report printed on the receipt printer
Z_WORDS: dict[str, str] = {
    "receipt": QT_TRANSLATE_NOOP("receipt", "Z report {}"),
    "cashier": QT_TRANSLATE_NOOP("receipt", "Closed by {}"),
    "total": QT_TRANSLATE_NOOP("receipt", "NET SALES"),
}
# Other printed words of a sale's receipt (pos.sale_receipt)
SALE_WORDS: dict[str, str] = {
    "cash": QT_TRANSLATE_NOOP("receipt", "Cash"),
    "card": QT_TRANSLATE_NOOP("receipt", "Card"),
    "points": QT_TRANSLATE_NOOP("receipt", "Points"),
    "points_earned": QT_TRANSLATE_NOOP("receipt", "Points earned: {} (provisional)"),
    "points_redeemed": QT_TRANSLATE_NOOP("receipt", "redeemed: {}"),
    "tax_included": QT_TRANSLATE_NOOP("receipt", "Prices include VAT"),
    "thanks": QT_TRANSLATE_NOOP("receipt", "Thank you for shopping with us"),
}


def language_of(locale: str) -> str:
    """ "it_IT" -> "it", "pt-BR" -> "pt", "ja" -> "ja"."""
    return (locale or "en").replace("-", "_").split("_")[0].lower() or "en"


def store_locale(settings: Any) -> str:
    """The store's locale: its own setting, or its tax preset's (it_IT for Italy)."""
    from app.settings import SettingsError
    from app.shop import store_config

    try:
        return store_config(settings).locale
    except SettingsError:
        return settings["store.locale"]


def translations_dir() -> Path:
    """i18n/ of the source tree, or of the bundle (PyInstaller's sys._MEIPASS)."""
    base = getattr(sys, "_MEIPASS", None)
    return Path(base) / "i18n" if base else Path(__file__).resolve().parents[1] / "i18n"


@lru_cache(maxsize=8)
def _read_ts(path: Path, mtime: float) -> dict[tuple[str, str], str]:
    table: dict[tuple[str, str], str] = {}
    root = ET.parse(path).getroot()
    for ctx in root.iter("context"):
        name = ctx.findtext("name") or ""
        for m in ctx.iter("message"):
            t = m.find("translation")
            if t is None or t.get("type") in ("unfinished", "obsolete", "vanished"):
                continue
            forms = t.findall("numerusform")
            text = (forms[0].text if forms else t.text) or ""
            if text:
                table[(name, m.findtext("source") or "")] = text
    return table


@dataclass(frozen=True)
class Catalog:
    """One language's translations, for text printed in the store's language."""

    language: str
    table: dict[tuple[str, str], str] = field(default_factory=dict, repr=False)

    @classmethod
    def load(cls, locale: str, directory: Path | None = None) -> Catalog:
        """The translations of `locale`'s language; empty (the English source) when there are none."""
        lang = language_of(locale)
        path = (directory or translations_dir()) / f"omo_{lang}.ts"
        if lang == "en" or not path.exists():
            return cls(lang if path.exists() else "en")
        return cls(lang, _read_ts(path, path.stat().st_mtime))

    def translate(self, context: str, text: str) -> str:
        return self.table.get((context, text), text)

    def tr(self, text: str) -> str:
        """A sentence of the "app" context (the services' messages, the report's rows)."""
        return self.translate(CONTEXT, text)

    def say(self, message: Msg) -> str:
        """A service's message in this language, values filled in."""
        return message.render(self.tr(message.template), self.tr) if message else ""

    def word(self, text: str) -> str:
        """A printed word (the "receipt" context)."""
        return self.translate(RECEIPT, text)

    def receipt_labels(self, locale: str, *, z_report: bool = False) -> dict[str, object]:
        """pos.receipt.ReceiptLabels' fields in this language (a Receipt accepts the dict)."""
        words = {**RECEIPT_WORDS, **(Z_WORDS if z_report else {})}
        labels: dict[str, object] = {k: self.word(v) for k, v in words.items()}
        labels["qr_caption"] = tuple(self.word(x) for x in QR_CAPTION)
        labels["order_qr_caption"] = tuple(self.word(x) for x in ORDER_QR_CAPTION)
        labels["date_format"] = strftime_pattern(locale)
        return labels


def sale_receipt_words(locale: str) -> dict[str, object]:
    """The keyword arguments `pos.sale_receipt.receipt_for_sale` prints in the store's language."""
    cat = Catalog.load(locale)
    return {
        "labels": cat.receipt_labels(locale),
        "words": {k: cat.word(v) for k, v in SALE_WORDS.items()},
    }


@lru_cache(maxsize=16)
def strftime_pattern(locale: str) -> str:
    """The store locale's short date with a four-digit year, and 24-hour time, as a strftime pattern
    ("%d/%m/%Y %H:%M" in it_IT, "%Y/%m/%d %H:%M" in ja_JP): CLDR's pattern, read off a formatted date."""
    from babel.dates import format_date

    sample = datetime(2037, 11, 28, 19, 46)
    text = format_date(sample, "short", locale=locale)
    for value, code in (("2037", "%Y"), ("37", "%Y"), ("11", "%m"), ("28", "%d")):
        text = text.replace(value, code, 1) if value in text and code not in text else text
    if not all(code in text for code in ("%Y", "%m", "%d")):  # a month written as a word: ISO
        text = "%Y-%m-%d"
    return f"{text} %H:%M"


def format_local(when: datetime, locale: str) -> str:
    """`when` as the store's locale writes a date and time."""
    return when.strftime(strftime_pattern(locale))


__all__ = [
    "RECEIPT",
    "Catalog",
    "format_local",
    "language_of",
    "sale_receipt_words",
    "store_locale",
    "strftime_pattern",
    "translations_dir",
]
