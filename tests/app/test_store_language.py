"""Receipts and Z reports print in the store's language, whoever is logged in (issue 20)."""

from __future__ import annotations

import re

from app.paths import Paths
from app.sell import SellService
from app.shop import open_shop
from pos.receipt import render_text
from tests.app.conftest import barcodes, demo_settings


def test_an_italian_store_prints_its_sale_receipt_in_italian(tmp_path):
    shop = open_shop(Paths.under(tmp_path / "shop"), demo_settings("store.country=IT", "store.tax_preset=IT"))
    try:
        assert shop.config.locale == "it_IT"
        sell = SellService(shop)
        sell.begin_shift(shop.staff.identify("1111"))
        for code in barcodes(shop, 2):
            assert sell.scan(code).ok
        r = sell.pay_cash(sell.view().total + 1000)
        assert r.ok
        text = render_text(r.receipt, 42, shop.fmt)
        assert "Scontrino " in text and "Cassiere Ana" in text and "TOTALE" in text and "Resto" in text
        assert "Contanti" in text and "Grazie per il tuo acquisto" in text and "Prezzi IVA inclusa" in text
        assert re.search(r"Resto +\d+,\d\d", text), text  # the change, as Italy writes an amount
        assert "Receipt" not in text and "Cash" not in text and "Thank you" not in text
    finally:
        shop.close()


def test_each_staff_member_s_screen_language_from_the_staff_file_and_the_setting(tmp_path):
    import json

    from app import settings as settings_mod
    from app.staff import staff_languages

    paths = Paths.under(tmp_path / "live")
    paths.config.mkdir(parents=True, exist_ok=True)
    rows = [{"id": "S1", "name": "Yui", "role": "cashier", "pin_hash": "x", "language": "ja"}, {"id": "S2"}]
    (paths.config / "staff.json").write_text(json.dumps(rows), encoding="utf-8")
    live = settings_mod.load(
        None, environ={}, overrides=["mode=live", "ui.staff_languages=S2=pt, S3 = it,bad"]
    )
    assert staff_languages(paths, live) == {"S1": "ja", "S2": "pt", "S3": "it"}
    (paths.config / "staff.json").write_text("[not json", encoding="utf-8")
    assert staff_languages(paths, live) == {
        "S2": "pt",
        "S3": "it",
    }  # the file's problem is load_staff's to say


def test_an_order_s_day_is_written_as_the_store_writes_a_date(tmp_path, monkeypatch):
    """The member panel's and the returns desk's order dates: the store's day and the locale's order."""
    import time

    monkeypatch.setenv("TZ", "Asia/Tokyo")
    time.tzset()
    try:
        for country, want in (("IT", "08/12/2026"), ("JP", "2026/12/08")):
            shop = open_shop(
                Paths.under(tmp_path / country),
                demo_settings(f"store.country={country}", f"store.tax_preset={country}"),
            )
            try:
                # 20:30 in London is the next morning in Tokyo: the day is the store's, not UTC's
                assert shop.day("2026-12-07T20:30:00Z") == want
                assert shop.day("not a date") == "not a date"
            finally:
                shop.close()
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()
