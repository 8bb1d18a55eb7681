"""Scanning GS1 codes at the till: a DataBar weight label, a price label, a Digital Link QR, expired
goods, an unknown GTIN (pos/gs1.py through CheckoutController.on_code)."""

from __future__ import annotations

import pytest

from pos.gs1 import GS
from tests.ui.conftest import barcodes, login

pytestmark = pytest.mark.gui


def _product(w):
    code = barcodes(w, 1)[0]
    return w.shop.catalog.lookup_barcode(code), "0" + code  # its GTIN-14


def test_weight_price_and_digital_link_labels_add_the_item_at_the_labels_terms(qtbot, till):
    w = till
    login(qtbot, w)
    product, gtin = _product(w)
    w.controller.on_code(f"]e001{gtin}3103000750{GS}10LOT1")  # 0.750 kg
    w.controller.on_code(f"01{gtin}3922000499")  # a price label: 4.99
    w.controller.on_code(f"https://id.gs1.org/01/{gtin}/10/LOT2?17=491231")  # a 2D code on the pack
    lines = w.shop.checkout.cart.lines
    assert [ln.sku for ln in lines] == [product.sku] * 3
    assert [ln.unit_price.minor for ln in lines] == [(product.price * 750 + 500) // 1000, 499, product.price]
    qtbot.waitUntil(lambda: w.page.model.rowCount() == 3)  # the screen follows
    weighed = w.page.model.rows[0]  # the weight and the price per kilogram, as on the receipt
    assert weighed.quantity == "0.750 kg" and weighed.unit_price == f"{w.shop.fmt(product.price)}/kg"


def test_expired_goods_and_unknown_gtins_are_refused_with_a_reason(qtbot, till):
    w = till
    login(qtbot, w)
    product, gtin = _product(w)
    w.controller.on_code(f"01{gtin}17200131")  # expired on 31 January 2020
    assert w.shop.checkout.cart.is_empty
    assert "expired on 2020-01-31" in w.page.message.text() and product.name in w.page.message.text()
    w.controller.on_code("0109501101020917")
    assert w.shop.checkout.cart.is_empty  # 01 + GTIN alone is a plain GTIN-14 scan: not in this catalog
    w.controller.on_code("(01)09501101020917(10)X")
    assert "GTIN 09501101020917 is not in the catalog" in w.page.message.text()
    w.controller.on_code(f"01{gtin[:-1]}{(int(gtin[-1]) + 1) % 10}17491231")
    assert "check digit" in w.page.message.text() and w.shop.checkout.cart.is_empty
