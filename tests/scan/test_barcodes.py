"""pos.barcodes: check digits, UPC-E expansion, embedded price/weight, never a wrong item."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pos.barcodes import (
    EmbeddedBarcode,
    EmbeddedRule,
    InvalidBarcode,
    ProductBarcode,
    expand_upce,
    gtin_check_digit,
    make_embedded,
    parse_barcode,
    price_check_digit_4,
)


@pytest.mark.parametrize(
    ("body", "check"),
    [("400638133393", 1), ("9638507", 4), ("03600029145", 2), ("590123412345", 7)],
)
def test_check_digits_of_known_codes(body, check):
    assert gtin_check_digit(body) == check


def test_valid_codes_of_each_symbology():
    assert parse_barcode("4006381333931") == ProductBarcode("4006381333931", "EAN-13", "04006381333931")
    assert parse_barcode("96385074") == ProductBarcode("96385074", "EAN-8", "00000096385074")
    assert parse_barcode("036000291452") == ProductBarcode("036000291452", "UPC-A", "00036000291452")
    upce = parse_barcode("01234565", eight_digits="upce")
    assert upce == ProductBarcode("01234565", "UPC-E", "00012345000065")
    # an AIM identifier settles the EAN-8 / UPC-E ambiguity whatever the default
    assert parse_barcode("]E001234565").symbology == "UPC-E"
    assert parse_barcode("]E496385074", eight_digits="upce").symbology == "EAN-8"


def test_upca_and_its_ean13_form_have_one_gtin():
    assert parse_barcode("036000291452").gtin == parse_barcode("0036000291452").gtin
    assert "036000291452" in parse_barcode("0036000291452").lookup_keys


@pytest.mark.parametrize(
    ("upce", "upca"),
    [
        ("01234565", "012345000065"),  # last digit 5..9
        ("04252614", "042100005264"),  # last digit 0..2: manufacturer d1 d2 d6 00
        ("01234133", "012300000413"),  # last digit 3
        ("01234142", "012340000012"),  # last digit 4
        ("12345670", "123456000070"),  # number system 1
    ],
)
def test_upce_expansion(upce, upca):
    body = upca[:-1]
    upca = body + str(gtin_check_digit(body))
    upce = upce[:-1] + upca[-1]
    assert expand_upce(upce) == upca


def test_upce_bad_input():
    with pytest.raises(ValueError):
        expand_upce("21234565")
    good = expand_upce("01234565")
    with pytest.raises(ValueError):
        expand_upce("0123456" + str((int(good[-1]) + 1) % 10))


@pytest.mark.parametrize("code", ["4006381333932", "96385075", "036000291453", "01234566"])
def test_bad_check_digit_is_an_error_never_an_item(code):
    result = parse_barcode(code, eight_digits="upce" if code.startswith("0123") else "ean8")
    assert isinstance(result, InvalidBarcode)
    assert "check digit" in result.message


@pytest.mark.parametrize("code", ["", "12345", "abcdefgh", "40063813339311", "123456789", "4006 381333931"])
def test_wrong_shapes(code):
    result = parse_barcode(code)
    assert isinstance(result, InvalidBarcode)


def test_embedded_price_and_weight():
    price = parse_barcode(make_embedded(EmbeddedRule("21", "price"), "01234", 1299))
    assert isinstance(price, EmbeddedBarcode)
    assert (price.kind, price.item_ref, price.value) == ("price", "01234", 1299)
    assert price.lookup_code == "2101234000007"
    weight = parse_barcode("2812345004258")
    assert isinstance(weight, EmbeddedBarcode)
    assert (weight.kind, weight.item_ref, weight.value) == ("weight", "12345", 425)


def test_embedded_rules_are_configurable():
    rule = EmbeddedRule("2", "price", item_digits=6, value_digits=4, value_check=True, scale=10)
    code = make_embedded(rule, "123456", 2870)
    result = parse_barcode(code, rules=[rule])
    assert isinstance(result, EmbeddedBarcode) and result.value == 2870
    # without the rule the same code is an ordinary product code
    assert isinstance(parse_barcode(code, rules=[]), ProductBarcode)
    # a wrong price check digit is refused even though the EAN-13 check digit is right
    body = code[:7] + str((int(code[7]) + 1) % 10) + code[8:12]
    assert isinstance(parse_barcode(body + str(gtin_check_digit(body)), rules=[rule]), InvalidBarcode)
    with pytest.raises(ValueError):
        EmbeddedRule("21", "price", item_digits=6)


def test_price_check_digit_gs1_example():
    assert price_check_digit_4("2875") == 9


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40))
def test_parser_never_raises(text):
    assert parse_barcode(text) is not None


@settings(max_examples=300, deadline=None)
@given(st.from_regex(r"[0-9]{12}", fullmatch=True), st.integers(0, 11), st.integers(1, 9))
def test_any_single_digit_error_is_caught(body, pos, delta):
    code = body + str(gtin_check_digit(body))
    wrong = code[:pos] + str((int(code[pos]) + delta) % 10) + code[pos + 1 :]
    assert isinstance(parse_barcode(wrong, rules=[]), InvalidBarcode)
