"""GS1 element strings and GS1 Digital Link (pos/gs1.py): what a GS1 DataBar, GS1-128, DataMatrix or QR
on fresh food tells the till (field report I: GS1 codes; GS1 "Sunrise 2027": 2D codes at the till)."""

from __future__ import annotations

from datetime import date
from urllib.parse import quote

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pos.barcodes import gtin_check_digit
from pos.gs1 import GS, GS1Data, GS1Error, looks_like_gs1, parse_gs1

GTIN = "09501101020917"


def test_databar_expanded_weight_label_with_its_aim_identifier():
    d = parse_gs1(f"]e001{GTIN}3103001250{GS}10LOT7")
    assert isinstance(d, GS1Data)
    assert (d.gtin, d.weight_g, d.batch, d.price) == (GTIN, 1250, "LOT7", None)


@pytest.mark.parametrize(
    "text",
    [
        f"01{GTIN}17251231{GS}10ABC123",  # no AIM identifier (the scanner strips it)
        f"]C101{GTIN}1725123110ABC123",  # a fixed-length AI needs no separator
        f"(01){GTIN}(17)251231(10)ABC123",  # typed with brackets
        f"https://id.gs1.org/01/{GTIN}/10/ABC123?17=251231",  # GS1 Digital Link in a QR code
        f"HTTPS://shop.example/p/01/{GTIN}/10/ABC123?17=251231&utm=x",  # any domain, extra words
    ],
)
def test_the_same_item_in_every_form(text):
    assert looks_like_gs1(text)
    d = parse_gs1(text)
    assert isinstance(d, GS1Data), d
    assert (d.gtin, d.batch, d.expiry) == (GTIN, "ABC123", date(2025, 12, 31))


def test_a_price_label_in_the_tills_currency():
    d = parse_gs1(f"01{GTIN}39221299")
    assert d.price == (1299, 2) and d.price_minor(2) == 1299
    assert parse_gs1(f"01{GTIN}39211299").price_minor(2) == 12990
    assert parse_gs1(f"01{GTIN}392312995").price_minor(2) == 1300  # 12.995 rounds half up
    assert parse_gs1(f"01{GTIN}392312994").price_minor(2) == 1299
    assert parse_gs1(f"01{GTIN}39200450").price_minor(0) == 450  # yen: no minor unit
    assert parse_gs1(f"01{GTIN}3102000750").weight_g == 7500  # 75.00 kg
    assert parse_gs1(f"01{GTIN}").price_minor(2) is None


def test_dates():
    assert parse_gs1(f"01{GTIN}17260200").expiry == date(2026, 2, 28)  # day 00: the month's last day
    assert parse_gs1(f"01{GTIN}17991231").expiry == date(1999, 12, 31)
    assert parse_gs1(f"01{GTIN}17261301").expiry is None  # month 13: not a date, not a guess
    assert parse_gs1(f"01{GTIN}15270101").best_before == date(2027, 1, 1)


def test_lookup_keys_reach_ean13_upc_and_ean8_catalog_entries():
    assert parse_gs1(f"01{GTIN}").lookup_keys == (GTIN, GTIN[1:], GTIN[2:])
    ean8 = "00000000" + "9638507"[:5] + "0"
    ean8 = ean8[:13] + str(gtin_check_digit(ean8[:13]))
    assert parse_gs1(f"01{ean8}").lookup_keys[-1] == ean8[6:]


@pytest.mark.parametrize(
    "text, message",
    [
        (f"01{GTIN[:-1]}8", "check digit"),  # wrong GTIN check digit
        ("10ABC", "not a GS1 code"),  # no GTIN
        (f"01{GTIN}99", "not a GS1 code"),  # an AI with no data
        (f"01{GTIN}5", "not a GS1 code"),  # an unknown AI
        (f"01{GTIN}31030012", "not a GS1 code"),  # fixed length cut short
        ("(01)123(10)", "check digit"),
        ("(01)oops", "check digit"),
        ("https://example.com/about", "not a GS1 code"),
        ("https://example.com/01/09501101020917/10", "not a GS1 code"),  # a key without its value
        ("", "not a GS1 code"),
        ("x" * 600, "not a GS1 code"),
    ],
)
def test_what_is_not_a_readable_gs1_code_says_so(text, message):
    d = parse_gs1(text)
    assert isinstance(d, GS1Error) and message in d.message


@pytest.mark.parametrize(
    "text", ["4006381333931", "OMO1:M:abc", "https://example.com/", "0109501101020917", "hello", "01ab"]
)
def test_plain_barcodes_and_other_codes_are_not_taken_for_gs1(text):
    assert not looks_like_gs1(text)


_VAR = st.text(alphabet="ABCDEFGHJKLMNPQRSTUVWXYZ0123456789-/", min_size=1, max_size=20)


@given(
    body=st.from_regex(r"[0-9]{13}", fullmatch=True),
    batch=st.none() | _VAR,
    serial=st.none() | _VAR,
    expiry=st.none() | st.dates(date(2000, 1, 1), date(2050, 12, 31)),
    weight=st.none() | st.tuples(st.integers(0, 5), st.integers(0, 999_999)),
    aim=st.sampled_from(["", "]C1", "]e0", "]d2", "]Q3"]),
    order=st.randoms(use_true_random=False),
)
def test_any_element_string_reads_back(body, batch, serial, expiry, weight, aim, order):
    gtin = body + str(gtin_check_digit(body))
    parts = [("01", gtin)]
    if expiry is not None:
        parts.append(("17", expiry.strftime("%y%m%d")))
    if weight is not None:
        parts.append((f"310{weight[0]}", f"{weight[1]:06d}"))
    if batch is not None:
        parts.append(("10", batch))
    if serial is not None:
        parts.append(("21", serial))
    order.shuffle(parts)
    # a variable-length field is ended by FNC1 unless it is the last one
    text = aim + "".join(ai + data + (GS if ai in ("10", "21") else "") for ai, data in parts).rstrip(GS)
    d = parse_gs1(text)
    assert isinstance(d, GS1Data), (text, d)
    assert (d.gtin, d.batch, d.serial, d.expiry) == (gtin, batch, serial, expiry)
    if weight is not None:
        assert d.weight_g == weight[1] * 1000 // 10 ** weight[0]
    link = f"https://id.gs1.org/01/{gtin}" + (f"/10/{quote(batch, safe='')}" if batch else "")  # URI-encoded
    assert parse_gs1(link).batch == batch
