"""A realistic receipt used by the printing tests and the screenshot."""

from __future__ import annotations

from datetime import datetime

from pos.receipt import Receipt, ReceiptLabels, ReceiptLine, ReceiptMark, TaxLine, Tender

SALE_UUID = "5b0f3c2e-8a51-4c1e-9a53-6f1d2b7c9e10"


def eur(minor: int) -> str:
    """A stand-in formatter (the money module formats for real): 1234 -> '12.34', -50 -> '-0.50'."""
    sign = "-" if minor < 0 else ""
    return f"{sign}{abs(minor) // 100}.{abs(minor) % 100:02d}"


def sample_receipt(mark: ReceiptMark = ReceiptMark.NONE, **overrides) -> Receipt:
    fields = dict(
        store_name="OMO Store",
        store_address=("12 Market Street", "10115 Berlin"),
        tax_id="VAT DE123456789",
        till_id="T01",
        receipt_no="T01-000123",
        when=datetime(2026, 11, 23, 14, 5),
        cashier="Anna",
        member_no="100234",
        sale_uuid=SALE_UUID,
        lines=(
            ReceiptLine("Organic whole milk 1 L", 2, 129, 258, tax_mark="B"),
            ReceiptLine(
                "Extra long description of a cordless rechargeable kitchen hand blender with accessories",
                1,
                4999,
                4999,
                discount_text="Member -10 %",
                discount_amount=-500,
                tax_mark="A",
            ),
            ReceiptLine("Sourdough bread", 1, 349, 349, tax_mark="B"),
        ),
        subtotal=5606,
        discount_total=-500,
        total=5106,
        currency="EUR",
        tax_lines=(
            TaxLine("A 19%", 3781, 718, 4499),
            TaxLine("B 7%", 567, 40, 607),
        ),
        tax_note="Prices include VAT",
        tenders=(
            Tender("Card", 3000, card_brand="visa", card_last4="4242", auth_code="A1B2C3"),
            Tender("Cash", 2500),
        ),
        cash_rounding=-1,
        change_given=395,
        points_text="Points earned: 51 (provisional)",
        mark=mark,
    )
    fields.update(overrides)
    return Receipt(**fields)


def yen(minor: int) -> str:
    return f"{'-' if minor < 0 else ''}¥{abs(minor):,}"


JA_LABELS = ReceiptLabels(
    receipt="No. {}",
    till="レジ {}",
    cashier="担当 {}",
    member="会員 {}",
    subtotal="小計",
    discounts="値引",
    total="合計",
    rate="税率",
    net="対象",
    tax="税",
    gross="税込",
    change="お釣り",
    cash_rounding="端数調整",
    qr_caption=("OMOアプリで読み取ると", "お買い物が記録されます"),
    reprint="再発行",
    reprint_note="原本の再発行です",
    date_format="%Y年%m月%d日 %H:%M",
)


def sample_receipt_ja(**overrides) -> Receipt:
    """A Japanese simplified qualified invoice: reduced-rate mark, tax once per rate (8 % and 10 %)."""
    fields = dict(
        store_name="OMO 渋谷店",
        store_address=("東京都渋谷区神南1-2-3",),
        tax_id="登録番号 T1234567890123",
        till_id="T02",
        receipt_no="T02-000045",
        when=datetime(2026, 11, 23, 18, 30),
        cashier="佐藤",
        sale_uuid="9c1d1f6e-2b9a-4c55-8a0e-1d2c3b4a5f60",
        lines=(
            ReceiptLine("おにぎり 鮭", 2, 160, 320, tax_mark="※"),
            ReceiptLine("緑茶 ペットボトル 500ml とても長い商品名の例です", 1, 150, 150, tax_mark="※"),
            ReceiptLine("ボールペン", 1, 330, 330),
        ),
        total=800,
        tax_lines=(TaxLine("8%対象", 470, 34, 470), TaxLine("10%対象", 330, 30, 330)),
        tax_note="※は軽減税率対象商品",
        tenders=(Tender("現金", 1000),),
        change_given=200,
        footer=("ありがとうございました",),
        labels=JA_LABELS,
    )
    fields.update(overrides)
    return Receipt(**fields)


def write_screenshot() -> None:
    """Regenerate docs/screenshots/receipt-escpos{,-ja}.png (thermal printer renders) and
    receipt-screen.png (the on-screen receipt): ``python -m tests.printing.samples``."""
    import os
    from pathlib import Path

    from hardware.printer.escpos_encode import encode_receipt
    from hardware.printer.render import render_png

    shots = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
    shots.mkdir(parents=True, exist_ok=True)
    render_png(encode_receipt(sample_receipt(), 42, eur, open_drawer=True), shots / "receipt-escpos.png")
    render_png(encode_receipt(sample_receipt_ja(), 42, yen, kanji=True), shots / "receipt-escpos-ja.png")

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from ui.qt import QApplication
    from ui.receipt_view import ReceiptView

    app = QApplication.instance() or QApplication([])
    view = ReceiptView()
    view.set_receipt(sample_receipt(), eur)
    view.resize(view.sizeHint())
    view.grab().save(str(shots / "receipt-screen.png"))
    del app
    print(shots)


if __name__ == "__main__":
    write_screenshot()
