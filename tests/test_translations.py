"""The program in English, Italian, Portuguese and Japanese: the .ts files are complete and match the code,
their placeholders match, and what is printed comes out in the store's language."""

from __future__ import annotations

import dataclasses
import sys
from datetime import datetime
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import i18n  # noqa: E402 - tools/i18n.py
from app.i18n import ORDER_QR_CAPTION, RECEIPT_WORDS, Catalog, language_of, strftime_pattern  # noqa: E402
from app.messages import QT_TRANSLATE_NOOP, msg  # noqa: E402


def test_every_string_of_the_program_is_translated_in_every_language_with_its_placeholders():
    """What CI checks (`python tools/i18n.py check`): nothing unfinished, nothing missing or stale,
    placeholders the same as the source's."""
    assert i18n.check() == []


def test_the_check_finds_an_unfinished_translation_and_a_wrong_placeholder(tmp_path):
    ts = tmp_path / "omo_it.ts"
    ts.write_text(
        """<?xml version="1.0" encoding="utf-8"?><TS version="2.1" language="it_IT">
<context><name>app</name>
<message><source>Sale {receipt_no} complete.</source>
  <translation>Vendita {numero} completata.</translation></message>
<message><source>Drawer opened.</source><translation type="unfinished"></translation></message>
<message numerus="yes"><source>%n items</source>
  <translation><numerusform>%n articolo</numerusform><numerusform>articoli</numerusform></translation>
</message>
<message><source>Fine.</source><translation>Bene.</translation></message>
</context></TS>""",
        encoding="utf-8",
    )
    found = i18n.problems(ts)
    assert len(found) == 3
    assert "placeholders ['{numero}']" in found[0] and "not translated" in found[1]
    assert "'articoli'" in found[2]


def test_the_extractor_places_constants_aliases_helpers_and_plurals_and_refuses_a_guess(tmp_path):
    src = tmp_path / "ui"
    src.mkdir()
    (src / "w.py").write_text(
        """
C = "app"
HINT = QT_TRANSLATE_NOOP("Login", "Type your PIN")
class Page(QWidget):
    def build(self):
        tr = self.tr
        tr("Total {amount}")
        self.tr("%n items", "", 3)
        self.tr_("Saved: {path}")
        QT_TRANSLATE_NOOP(C, "Sale voided.")
        QCoreApplication.translate("Shortcuts", "Pay cash")
        self.tr(some_variable)
def free(window):
    window.tr("Camera")
""",
        encoding="utf-8",
    )
    x = i18n._Extractor(Path("ui/w.py"), {})
    import ast

    x.visit(ast.parse(src.joinpath("w.py").read_text()))
    assert x.found == [
        ("Login", "Type your PIN", False),
        ("Page", "Total {amount}", False),
        ("Page", "%n items", True),
        ("Page", "Saved: {path}", False),
        ("app", "Sale voided.", False),
        ("Shortcuts", "Pay cash", False),
    ]
    assert len(x.problems) == 1 and "'Camera'" in x.problems[0]


def test_receipt_words_are_the_receipt_defaults():
    """app.i18n marks pos.receipt's English labels for translation: the two lists must not drift."""
    from pos.receipt import ReceiptLabels

    defaults = {f.name: f.default for f in dataclasses.fields(ReceiptLabels)}
    for key, text in RECEIPT_WORDS.items():
        assert defaults[key] == text, key
    assert set(defaults) - set(RECEIPT_WORDS) == {"qr_caption", "order_qr_caption", "date_format"}
    assert ORDER_QR_CAPTION == defaults["order_qr_caption"]


@pytest.mark.parametrize(
    ("locale", "sale", "label"),
    [
        ("it_IT", "Vendita R1 completata.", "Scontrino {}"),
        ("pt_PT", "Venda R1 concluída.", "Talão {}"),
        ("ja_JP", "販売 R1 完了。", "レシート {}"),
        ("en_IE", "Sale R1 complete.", "Receipt {}"),
    ],
)
def test_the_store_language_prints_without_qt(locale, sale, label):
    cat = Catalog.load(locale)
    assert cat.say(msg(QT_TRANSLATE_NOOP("app", "Sale {receipt_no} complete."), receipt_no="R1")) == sale
    assert cat.receipt_labels(locale)["receipt"] == label
    assert language_of(locale) == locale[:2]


def test_dates_follow_the_store_locale():
    when = datetime(2026, 12, 7, 9, 5)
    assert when.strftime(strftime_pattern("it_IT")) == "07/12/2026 09:05"
    assert when.strftime(strftime_pattern("ja_JP")) == "2026/12/07 09:05"
    assert when.strftime(strftime_pattern("en_US")) == "12/07/2026 09:05"
    assert when.strftime(strftime_pattern("de_DE")) == "07.12.2026 09:05"


def test_a_japanese_sale_receipt_fits_its_paper_in_display_cells():
    """A receipt in Japanese: words from the .ts, amounts in yen, every row within 42 cells (a kanji takes
    two)."""
    from pos.receipt import Receipt, ReceiptLine, Tender, cell_width, render_text

    cat = Catalog.load("ja_JP")
    r = Receipt(
        store_name="OMO 渋谷店",
        till_id="T01",
        receipt_no="T01-000042",
        when=datetime(2026, 12, 7, 9, 5),
        cashier="さくら",
        sale_uuid="5b0c6a2e-1d2f-4c4b-9a55-0d2f7f6b1a10",
        lines=(ReceiptLine("オーガニック緑茶 ティーバッグ 20袋入り 静岡県産", 2, "¥540", "¥1,080"),),
        total="¥1,080",
        tenders=(Tender(cat.word("Cash"), "¥2,000"),),
        change_given="¥920",
        labels=cat.receipt_labels("ja_JP"),  # type: ignore[arg-type]
    )
    text = render_text(r, 42)
    assert "レシート T01-000042" in text and "合計" in text and "お釣り" in text
    assert "2026/12/07 09:05" in text
    rows = [line for line in text.splitlines() if not line.startswith("OMO:RECEIPT:")]  # the QR's payload
    assert all(cell_width(line) <= 42 for line in rows)
    assert "オーガニック緑茶 ティーバッグ 20袋入り" in rows  # 38 cells: wrapped at a word, not at 42 chars


def test_a_message_inside_a_message_is_translated_too():
    """The till's closing sentence carries the difference and the approver as messages of their own."""
    inner = msg(QT_TRANSLATE_NOOP("app", " {name} approved it."), name="Mia")
    outer = msg(
        QT_TRANSLATE_NOOP("app", "Till closed. {difference}{approved}{unsynced}"),
        difference=msg(QT_TRANSLATE_NOOP("app", "Counted {counted}: exactly as expected."), counted="€1"),
        approved=inner,
        unsynced="",
    )
    assert Catalog.load("it_IT").say(outer) == (
        "Cassa chiusa. Contati €1: esattamente come previsto. Approvato da Mia."
    )
    assert str(outer) == "Till closed. Counted €1: exactly as expected. Mia approved it."
