"""EAN/UPC and in-store labels (pos/gs1.py over biip): check digits, UPC-E, the GTIN forms a catalog may
hold, and the price, weight and count labels of each region's rules (GenSpecs 2.1.11, 7.9)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from biip.checksums import gs1_price_weight_check_digit
from hypothesis import given, settings
from hypothesis import strategies as st

from pos.gs1 import (
    RCN_REGIONS,
    US_RULES,
    CodeError,
    EmbeddedRule,
    ItemCode,
    LabelPrice,
    Measure,
    make_embedded,
    rcn_rules_for,
    read_code,
)
from tests.scan.gs1_codes import with_check_digit

TODAY = date(2026, 12, 7)


def read(text: str, **kw) -> ItemCode | CodeError:
    return read_code(text, today=TODAY, **kw)


# ----------------------------------------------------------------------------- EAN and UPC
def test_valid_codes_of_each_symbology():
    assert read("4006381333931").gtin == "04006381333931"
    assert (read("96385074").symbology, read("96385074").gtin) == ("EAN-8", "00000096385074")
    assert read("036000291452").symbology == "UPC-A"
    upce = read("01234565", eight_digits="upce")
    assert (upce.symbology, upce.gtin) == ("UPC-E", "00012345000065")
    # an AIM identifier settles the EAN-8 / UPC-E ambiguity whatever the default
    assert read("]E001234565").symbology == "UPC-E"
    assert read("]E496385074", eight_digits="upce").symbology == "EAN-8"
    assert read("]E04006381333931").gtin == "04006381333931"
    assert read("]E3400638133393112345").gtin == "04006381333931"  # with a 5-digit add-on
    assert read("]I110012345678902").symbology == "GTIN-14"  # ITF-14


def test_upca_and_its_ean13_form_have_one_gtin_and_the_catalog_forms_of_it():
    assert read("036000291452").gtin == read("0036000291452").gtin
    assert "036000291452" in read("0036000291452").lookup_keys
    assert read("96385074").lookup_keys == ("96385074", "00000096385074", "0000096385074", "000096385074")
    assert read("01234565", eight_digits="upce").lookup_keys[0] == "01234565"  # a catalog may keep UPC-E


@pytest.mark.parametrize(
    ("upce", "upca"),
    [("01234565", "012345000065"), ("04252614", "042100005264"), ("01234133", "012300000413")],
)
def test_genspecs_5_2_2_4_2_upce_expands_to_upca(upce, upca):
    upca = with_check_digit(upca[:-1])
    code = read(upce[:-1] + upca[-1], eight_digits="upce")
    assert code.gtin == upca.zfill(14)


@pytest.mark.parametrize("code", ["4006381333932", "96385075", "036000291453", "]E001234566"])
def test_a_bad_check_digit_is_refused_never_an_item(code):
    result = read(code)
    assert isinstance(result, CodeError) and "check digit" in result.message


@pytest.mark.parametrize(
    "code", ["12345", "123456789", "40063813339311", "]E021234565", "]I1123", "]E1", "]C0ABC"]
)
def test_wrong_shapes(code):
    result = read(code)
    assert isinstance(result, CodeError) and result.is_code


@pytest.mark.parametrize("text", ["oat milk", "4006 381333931", "10ABC", "hello"])
def test_words_are_not_codes(text):
    result = read(text)
    assert isinstance(result, CodeError) and not result.is_code
    assert result.message == "This is not a product barcode this till understands."


@settings(max_examples=300, deadline=None)
@given(st.from_regex(r"[0-9]{12}", fullmatch=True), st.integers(0, 11), st.integers(1, 9))
def test_any_single_digit_error_is_caught(body, pos, delta):
    code = with_check_digit(body)
    wrong = code[:pos] + str((int(code[pos]) + delta) % 10) + code[pos + 1 :]
    assert isinstance(read(wrong), CodeError)


# ----------------------------------------------------------------------------- in-store labels
def label(body: str) -> str:
    return with_check_digit(body)


def test_genspecs_7_9_4_german_price_with_its_five_digit_check_digit():
    assert gs1_price_weight_check_digit("14685") == 6  # GenSpecs 7.9.4's example
    code = read(label("22" + "1234" + "6" + "14685"), rcn="DE")
    assert (code.symbology, code.item_ref, code.price) == (
        "in-store label",
        "1234",
        LabelPrice(Decimal("146.85")),
    )
    assert code.gtin == "0" + label("221234000000")  # the item's own code: value and its check zeroed
    wrong = read(label("22" + "1234" + "7" + "14685"), rcn="DE")
    assert isinstance(wrong, CodeError) and "check digit" in wrong.message


def test_german_counts_and_weights():
    count = read(label("25" + "1234" + str(gs1_price_weight_check_digit("00012")) + "00012"), rcn="DE")
    assert (count.count, count.price, count.weights) == (12, None, ())
    weight = read(label("28" + "1234" + str(gs1_price_weight_check_digit("01234")) + "01234"), rcn="DE")
    assert weight.weights == (Measure(Decimal("1.234"), "kg"),)


def test_genspecs_7_9_3_four_digit_price_check_great_britain_and_the_us():
    assert gs1_price_weight_check_digit("2875") == 9  # GenSpecs 7.9.3's example
    gb = read("2011122912346", rcn="GB")  # item 11122, check 9, 12.34
    assert (gb.item_ref, gb.price) == ("11122", LabelPrice(Decimal("12.34")))
    us = read(label("2" + "12345" + "9" + "2875"), rcn="US")  # UPC-A number system 2: $28.75
    assert (us.item_ref, us.price, us.gtin) == (
        "12345",
        LabelPrice(Decimal("28.75")),
        "00" + label("21234500000"),
    )
    wrong = read(label("2" + "12345" + "8" + "2875"), rcn="US")
    assert isinstance(wrong, CodeError) and "check digit" in wrong.message


@pytest.mark.parametrize(
    ("region", "body", "what"),
    [
        ("SE", "20" + "123456" + "1234", LabelPrice(Decimal("12.34"))),
        ("SE", "21" + "123456" + "1234", LabelPrice(Decimal("123.4"))),
        ("NO", "22" + "123456" + "1234", LabelPrice(Decimal("1234"))),
        ("NO", "23" + "123456" + "1234", Measure(Decimal("1.234"), "kg")),
        ("FI", "24" + "123456" + "1234", Measure(Decimal("12.34"), "kg")),
        ("EE", "25" + "123456" + "1234", Measure(Decimal("123.4"), "kg")),
        ("LV", "23" + "123456" + "0750", Measure(Decimal("0.750"), "kg")),
        ("LT", "23" + "123456" + "0750", Measure(Decimal("0.750"), "kg")),
        ("DK", "22" + "1234" + "001995", LabelPrice(Decimal("19.95"))),
        ("DK", "27" + "12345" + "00750", Measure(Decimal("0.750"), "kg")),
    ],
)
def test_each_regions_rules(region, body, what):
    code = read(label(body), rcn=region)
    assert code.symbology == "in-store label"
    assert (code.price if isinstance(what, LabelPrice) else code.weight) == what


def test_without_rules_or_outside_the_rules_an_rcn_is_just_the_items_code():
    code = label("22" + "1234" + "6" + "14685")
    assert read(code).symbology == "EAN-13" and read(code).gtin == "0" + code
    assert read(label("21" + "123456" + "1234"), rcn="DE").symbology == "EAN-13"  # DE keeps 21 for other uses
    assert read(label("2" + "12345" + "9" + "2875"), rcn="DE").symbology == "UPC-A"
    assert read("4006381333931", rcn="US").symbology == "EAN-13"  # not an RCN prefix


def test_a_retailers_own_rules():
    price = EmbeddedRule("21", "price", item_digits=5, value_digits=5)
    pounds = EmbeddedRule("29", "weight", item_digits=5, value_digits=5, decimals=3, unit="lb")
    a = read(make_embedded(price, "01234", 1299), rcn=[price, pounds])
    assert (a.item_ref, a.price, a.gtin) == ("01234", LabelPrice(Decimal("12.99")), "02101234000007")
    b = read(make_embedded(pounds, "54321", 2205), rcn=[price, pounds])
    assert b.weight == Measure(Decimal("2.205"), "lb")
    checked = EmbeddedRule("2", "price", item_digits=6, value_digits=4, value_check=True)
    assert read(make_embedded(checked, "123456", 2875), rcn=[checked]).price == LabelPrice(Decimal("28.75"))
    assert US_RULES == (EmbeddedRule("02", "price", item_digits=5, value_digits=4, value_check=True),)


@pytest.mark.parametrize(
    "kwargs",
    [
        {"prefix": "21", "kind": "price", "item_digits": 6},  # 14 digits
        {"prefix": "40", "kind": "price"},  # not a GS1 restricted circulation prefix
        {"prefix": "2", "kind": "price", "item_digits": 7, "value_digits": 3, "value_check": True},
    ],
)
def test_rules_that_cannot_be_are_refused_when_made(kwargs):
    with pytest.raises(ValueError):
        EmbeddedRule(**kwargs)
    with pytest.raises(ValueError):
        make_embedded(EmbeddedRule("21", "price"), "123", 1)


@pytest.mark.parametrize(
    ("setting", "country", "rules"),
    [
        ("auto", "DE", "DE"),
        ("auto", "IE", None),
        ("none", "DE", None),
        ("gb", "IE", "GB"),
        ("US", "US", "US"),
    ],
)
def test_the_stores_setting_names_its_rules(setting, country, rules):
    assert rcn_rules_for(setting, country) == rules
    assert rules is None or rules in RCN_REGIONS


def test_the_store_setting_takes_the_regions_and_refuses_others():
    from app import settings as S

    s = S.load(None, environ={}, overrides=["store.rcn_rules=SE", "store.weight_unit=lb"])
    assert (rcn_rules_for(s["store.rcn_rules"], s["store.country"]), s["store.weight_unit"]) == ("SE", "lb")
    assert rcn_rules_for(S.load(None, environ={})["store.rcn_rules"], "DE") == "DE"  # the default: auto
    with pytest.raises(S.SettingsError, match="one of auto, none, DE, DK, EE, FI, GB, LT, LV, NO, SE, US"):
        S.load(None, environ={}, overrides=["store.rcn_rules=XX"])
