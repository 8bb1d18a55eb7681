"""GS1 element strings and GS1 Digital Link (pos/gs1.py over biip): what a GS1 DataBar, GS1-128,
DataMatrix, QR or DotCode on fresh food tells the till, by the GS1 General Specifications ("GenSpecs").
Each worked example names its section."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pos import gs1
from pos.gs1 import GS, CodeError, ItemCode, LabelPrice, Measure, read_code
from tests.scan import gs1_codes as gen

TODAY = date(2026, 12, 7)
GTIN = "09501101020917"


def read(text: str, today: date = TODAY) -> ItemCode:
    code = read_code(text, today=today)
    assert isinstance(code, ItemCode), code
    return code


def refused(text: str, today: date = TODAY) -> str:
    code = read_code(text, today=today)
    assert isinstance(code, CodeError), code
    return code.message


# ----------------------------------------------------------------------------- GenSpecs 7.12: century
@pytest.mark.parametrize(
    ("today", "yymmdd", "expected"),
    [
        (date(2026, 12, 7), "670100", date(2067, 1, 31)),  # 67 - 26 = 41: this century (was 1967)
        (date(2026, 12, 7), "760101", date(2076, 1, 1)),  # +50: still this century
        (date(2026, 12, 7), "770101", date(1977, 1, 1)),  # +51: the previous one
        (date(2016, 1, 1), "670101", date(1967, 1, 1)),  # the same digits ten years earlier: +51
        (date(2070, 6, 1), "200101", date(2120, 1, 1)),  # -50: the next century
        (date(2070, 6, 1), "210101", date(2021, 1, 1)),  # -49: this century
        (date(2099, 12, 31), "000229", None),  # 2100 has no 29 February
        (date(2026, 12, 7), "000229", date(2000, 2, 29)),  # 2000 has
    ],
)
def test_genspecs_7_12_the_century_counts_from_the_tills_year(today, yymmdd, expected):
    text = f"01{GTIN}17{yymmdd}"
    if expected is None:
        assert "(17) USE BY or EXPIRY '000229' is not a valid date" in refused(text, today)
    else:
        assert read(text, today).expiry == expected


def test_genspecs_7_12_the_century_is_the_tills_not_the_system_clocks():
    """The same label read by tills whose clocks say different years (the system clock is the same)."""
    assert read(f"01{GTIN}15490101", date(2026, 1, 1)).best_before == date(2049, 1, 1)
    assert read(f"01{GTIN}15490101", date(2100, 1, 1)).best_before == date(2149, 1, 1)
    assert read(f"01{GTIN}15490101", date(1990, 1, 1)).best_before == date(1949, 1, 1)


def test_genspecs_3_4_day_00_is_the_last_day_of_the_month():
    assert read(f"01{GTIN}17280200").expiry == date(2028, 2, 29)  # a leap year
    assert read(f"01{GTIN}17270200").expiry == date(2027, 2, 28)
    assert read(f"01{GTIN}15261200").best_before == date(2026, 12, 31)
    assert "(7003) EXPIRY TIME '2612001200' is not a valid date" in refused(f"01{GTIN}70032612001200")


# ----------------------------------------------------------------------------- GenSpecs 3.6: measures
@pytest.mark.parametrize(
    ("ai", "value", "expected"),
    [
        ("3105", "123456", Measure(Decimal("1.23456"), "kg")),  # every decimal (was 1.234)
        ("3103", "000750", Measure(Decimal("0.750"), "kg")),
        ("3102", "007500", Measure(Decimal("75.00"), "kg")),
        ("3100", "000002", Measure(Decimal("2"), "kg")),
        ("3203", "001250", Measure(Decimal("1.250"), "lb")),  # pounds (were ignored)
        ("3205", "000001", Measure(Decimal("0.00001"), "lb")),
    ],
)
def test_genspecs_3_6_2_net_weight_in_kg_and_lb_with_all_its_decimals(ai, value, expected):
    assert read(f"01{GTIN}{ai}{value}").weights == (expected,)


def test_genspecs_3_6_2_a_label_may_give_the_weight_in_both_units():
    code = read(f"01{GTIN}3203002205{GS}3103001000")
    assert code.weights == (Measure(Decimal("1.000"), "kg"), Measure(Decimal("2.205"), "lb"))
    assert code.weight == Measure(Decimal("1.000"), "kg")


@pytest.mark.parametrize(
    ("element", "amount"),
    [
        ("39221234567", Decimal("12345.67")),  # GenSpecs 3.6.8's own examples
        ("39211234567", Decimal("123456.7")),
        ("392012345", Decimal("12345")),
        ("39229", Decimal("0.09")),  # shorter than its decimals: biip reads 0.9
        ("392399", Decimal("0.099")),
        ("39220", Decimal("0")),
    ],
)
def test_genspecs_3_6_8_amount_payable_in_the_tills_currency(element, amount):
    assert read(f"01{GTIN}{element}").price == LabelPrice(amount, None)


@pytest.mark.parametrize(
    ("element", "price"),
    [
        ("39327101230", LabelPrice(Decimal("12.30"), "ZAR")),  # GenSpecs 3.6.9's own examples
        ("39317101230", LabelPrice(Decimal("123.0"), "ZAR")),
        ("3930978123", LabelPrice(Decimal("123"), "EUR")),
        ("39329785", LabelPrice(Decimal("0.05"), "EUR")),  # shorter than its decimals
    ],
)
def test_genspecs_3_6_9_amount_payable_with_its_iso_4217_currency(element, price):
    assert read(f"01{GTIN}{element}").price == price


def test_a_label_price_in_minor_units_rounds_half_up():
    assert LabelPrice(Decimal("12.995")).minor(2) == 1300
    assert LabelPrice(Decimal("12.994")).minor(2) == 1299
    assert LabelPrice(Decimal("450")).minor(0) == 450
    assert LabelPrice(Decimal("1.5")).minor(3) == 1500


# ----------------------------------------------------------------------------- GenSpecs 7.8: FNC1
def test_genspecs_7_8_concatenation_predefined_length_fields_need_no_fnc1_the_others_do():
    code = read(f"]C101{GTIN}17261231310300125010LOT7{GS}21SER1")
    assert (code.expiry, code.weight, code.batch, code.serial) == (
        date(2026, 12, 31),
        Measure(Decimal("1.250"), "kg"),
        "LOT7",
        "SER1",
    )
    # a variable-length field read past its maximum when the FNC1 is missing
    assert "(10) BATCH/LOT is longer than its format allows (up to 20 characters" in refused(
        f"01{GTIN}10{'A' * 20}17261231"
    )
    # (7003) has a fixed length but is not in the predefined-length table: it needs its FNC1 too
    assert "FNC1 separator after it is missing" in refused(f"01{GTIN}7003261231120017261231")
    assert read(f"01{GTIN}70032612311200{GS}17261231").expiry == date(2026, 12, 31)


def test_genspecs_7_8_concatenation_a_separator_may_follow_any_field():
    assert read(f"01{GTIN}{GS}17261231{GS}").expiry == date(2026, 12, 31)


# ----------------------------------------------------------------------------- routing
@pytest.mark.parametrize(
    "text",
    [
        f"01{GTIN}17251231{GS}10ABC123",  # no AIM identifier (the scanner strips it)
        f"]C101{GTIN}1725123110ABC123",  # GS1-128
        f"]e001{GTIN}1725123110ABC123",  # GS1 DataBar
        f"]d201{GTIN}1725123110ABC123",  # GS1 DataMatrix
        f"]Q301{GTIN}1725123110ABC123",  # GS1 QR Code
        f"]J101{GTIN}1725123110ABC123",  # GS1 DotCode
        f"(01){GTIN}(17)251231(10)ABC123",  # typed with brackets
        f"(17)251231(10)ABC123(01){GTIN}",  # in any order
        f" (01) {GTIN} (17) 251231 (10) ABC123 ",  # with spaces
        f"https://id.gs1.org/01/{GTIN}/10/ABC123?17=251231",  # GS1 Digital Link
        f"HTTPS://shop.example/p/01/{GTIN}/10/ABC123?17=251231&utm=x",  # any domain, words of its own
        f"]Q1https://id.gs1.org/01/{GTIN}/10/ABC123?17=251231",  # a plain QR Code's identifier
        f"]d1https://id.gs1.org/01/{GTIN}/10/ABC123?17=251231",  # a plain Data Matrix's
    ],
)
def test_the_same_item_in_every_form_genspecs_figure_5_1_2_2(text):
    code = read(text)
    assert (code.gtin, code.batch, code.expiry) == (GTIN, "ABC123", date(2025, 12, 31))


def test_a_databar_from_a_scanner_without_aim_identifiers_is_gs1():
    assert read("0109501101020917").gtin == GTIN  # DataBar Omnidirectional: (01) alone, 16 digits
    code = read(f"01{GTIN}3103000750")  # DataBar Expanded, digits only
    assert (code.symbology, code.weight) == ("GS1", Measure(Decimal("0.750"), "kg"))


@pytest.mark.parametrize("aim", ["]Q3", "]d2"])
def test_a_web_address_in_a_gs1_qr_or_datamatrix_is_refused(aim):
    """FNC1 in first position makes a GS1 symbol, which carries element strings; a Digital Link is a plain
    web address in a plain QR Code or Data Matrix (]Q1, ]d1). biip reads it anyway."""
    assert "a web address in a GS1 QR Code or GS1 DataMatrix" in refused(f"{aim}https://id.gs1.org/01/{GTIN}")


# ----------------------------------------------------------------------------- GS1 Digital Link
def test_digital_link_gtin_has_14_digits():
    """GS1 Digital Link URI syntax: the GTIN in the path is always 14 digits; biip pads 8, 12 and 13."""
    for short in (GTIN[1:], GTIN[2:], "96385074"):
        assert "must have 14 digits" in refused(f"https://id.gs1.org/01/{short}")
    assert read(f"https://id.gs1.org/01/{GTIN}").gtin == GTIN


@pytest.mark.parametrize(
    "path",
    [
        "/17/261231",  # a date is a data attribute: the query's
        "/15/261231",
        "/21/S1/10/L1",  # lot and serial out of order
        "/10/L1/22/V1",
        "/22/V1/10/L1/235/T1",  # 235 only alone (biip accepts the mix)
    ],
)
def test_digital_link_qualifiers_in_the_standards_order_only(path):
    assert "only (22), (10) and (21) may follow the GTIN" in refused(f"https://id.gs1.org/01/{GTIN}{path}")


def test_digital_link_qualifiers_and_data_attributes():
    code = read(f"https://example.com/shop/01/{GTIN}/22/V1/10/L%2F1/21/S1?3103=000750&3922=499&17=261231")
    assert (code.batch, code.serial, code.ais["22"]) == ("L/1", "S1", "V1")
    assert (code.weight, code.price, code.expiry) == (
        Measure(Decimal("0.750"), "kg"),
        LabelPrice(Decimal("4.99")),
        date(2026, 12, 31),
    )
    assert read(f"https://id.gs1.org/01/{GTIN}/235/TPX1").ais["235"] == "TPX1"


# ----------------------------------------------------------------------------- malformed: refused, named
@pytest.mark.parametrize(
    ("text", "words"),
    [
        (f"01{GTIN}17260230", "(17) USE BY or EXPIRY '260230' is not a valid date"),  # 30 February
        (f"01{GTIN}17261301", "(17) USE BY or EXPIRY '261301' is not a valid date"),  # month 13
        (f"01{GTIN}17261232", "(17) USE BY or EXPIRY '261232' is not a valid date"),  # day 32
        (f"01{GTIN}17A30519", "(17) USE BY or EXPIRY 'A30519' is not a valid date"),  # a letter
        (f"01{GTIN}3103A00750", "(3103) NET WEIGHT (kg) 'A00750' is not valid: it takes 6 digits"),
        (f"01{GTIN}14123456", "'14123456' after (01) GTIN is not a GS1 application identifier"),
        (f"01{GTIN}18123456", "'18123456' after (01) GTIN is not a GS1 application identifier"),
        (f"01{GTIN}239ABC", "'239ABC' after (01) GTIN is not a GS1 application identifier"),
        (f"01{GTIN}8099X", "'8099X' after (01) GTIN is not a GS1 application identifier"),
        (f"01{GTIN}10{'A' * 21}", "(10) BATCH/LOT is longer than its format allows"),  # lot over 20
        (f"01{GTIN}10#m", "(10) BATCH/LOT '#m' is not valid: it takes up to 20 characters of GS1's set"),
        (f"01{GTIN}800826010112", None),  # 8008 with its hour: valid
        (f"01{GTIN}8008260101", "(8008) PROD TIME '260101' is not a valid date"),  # without its hour
        (f"(01){GTIN}(3103)00125", "(3103) NET WEIGHT (kg) '00125' is not valid: it takes 6 digits"),
        (f"(01){GTIN}(10)AB C", "(10) BATCH/LOT 'AB C' is not valid"),  # a space is not GS1's
        (f"(01){GTIN}(99)", "(99) INTERNAL '' is not valid"),
        (f"(01){GTIN}()(17)261231", "() is not a GS1 application identifier"),
        (f"(01){GTIN}(310)3000750", "(310) is not a GS1 application identifier"),
        (f"(01){GTIN}x(17)261231", "(01) GTIN '09501101020917x' is not valid"),
        ("(01", "the brackets do not enclose application identifiers"),
        (f"(01){GTIN})(17)261231", "the brackets do not enclose application identifiers"),
        (f"01{GTIN[:-1]}8", "(01) GTIN 09501101020918 has a wrong check digit"),
        (f"01{GTIN}4149501101530004", "(414) LOC No. 9501101530004 has a wrong check digit"),  # a GLN
        ("00106141412345678909", "(00) SSCC 106141412345678909 has a wrong check digit"),
        (f"01{GTIN}4149501101530003", None),
        (f"(00)106141412345678908(02){GTIN}(37)12", "it names no trade item"),  # a pallet's label
        (f"01{GTIN}3932999100", None),  # XXX: an ISO code ("no currency"); the till refuses the sale
        (f"01{GTIN}3932000100", "(3932) PRICE: 000 is not an ISO 4217 currency"),
        (f"01{GTIN}17261231{GS}17261230", "(17) USE BY or EXPIRY appears twice with different values"),
        (f"01{GTIN}3103000750{GS}3102007500", "(3103) NET WEIGHT (kg) and (3102) NET WEIGHT (kg) together"),
        (f"01{GTIN}3922100{GS}3932978100", "(3922) PRICE and (3932) PRICE together"),
        ("]C110ABC", "it names no trade item"),
        ("https://id.gs1.org/00/106141412345678908", "it names no trade item"),
        (f"https://id.gs1.org/01/{GTIN}?17=260230", "(17) USE BY or EXPIRY '260230' is not a valid date"),
        (f"https://id.gs1.org/01/{GTIN}/10/A%23B", "(10) BATCH/LOT 'A#B' is not valid"),
        (f"https://id.gs1.org/01/{GTIN}/10", "this web address is not a GS1 Digital Link"),
        (f"https://id.gs1.org/01/{GTIN}/10?utm=x", "this web address is not a GS1 Digital Link"),
        ("https://example.com/about", "this web address is not a GS1 Digital Link"),
        ("https://[::1/01/x", "the web address cannot be read"),
    ],
)
def test_each_malformed_kind_is_refused_with_a_message_naming_the_field(text, words):
    if words is None:
        read(text)
    else:
        message = refused(text)
        assert words in message and message.startswith("GS1 code refused: ")


def test_refusals_tell_the_cashier_what_to_do():
    message = refused(f"01{GTIN}17260230")
    assert message.endswith("Scan it again; if it is refused again, put the item aside and call a manager.")


def test_dates_and_times_by_the_syntax_dictionary():
    """Date fields the till does not use are still checked: a label with a broken one is broken."""
    assert read(f"01{GTIN}7007210101240101").ais["7007"] == "210101240101"  # a harvest date range
    assert "(7007) HARVEST DATE '210101241301'" in refused(f"01{GTIN}7007210101241301")
    assert read(f"01{GTIN}70112101011259").gtin == GTIN  # test-by date with its time
    assert "(7011) TEST BY DATE '2101012460'" in refused(f"01{GTIN}70112101012460")
    assert read(f"01{GTIN}8008260101235959").gtin == GTIN
    assert "(8008) PROD TIME '26010124'" in refused(f"01{GTIN}800826010124")
    assert "(7250) DOB '20230229'" in refused(f"01{GTIN}725020230229")
    assert read(f"01{GTIN}725020240229").gtin == GTIN
    assert "(4324) NBEF DEL DT '2601012400'" in refused(f"01{GTIN}43242601012400")


# ----------------------------------------------------------------------------- round trip
@settings(max_examples=300, deadline=None)
@given(
    pairs=gen.readings(TODAY),
    aim=st.sampled_from(["", "]C1", "]e0", "]d2", "]Q3", "]J1"]),
    space=st.sampled_from(["", " ", "  "]),
    prefix=st.sampled_from(["", "/shop", "/a/b"]),
    link_aim=st.sampled_from(["", "]Q1", "]d1"]),
)
def test_any_element_string_its_bracketed_text_and_its_digital_link_read_the_same(
    pairs, aim, space, prefix, link_aim
):
    texts = [
        gen.element_string(pairs, aim),
        gen.bracketed(pairs, space),
        link_aim + gen.digital_link(pairs, prefix),
    ]
    codes = [read(t) for t in texts]
    found = dict(pairs)
    for code in codes:
        assert code.ais == found
        assert (code.gtin, code.batch, code.serial) == (found["01"], found.get("10"), found.get("21"))
    fields = {(c.expiry, c.best_before, c.weights, c.price) for c in codes}
    assert len(fields) == 1, texts


def test_what_is_not_text_or_too_long_is_not_read():
    assert read_code(None, today=TODAY) == CodeError(
        "None", "This is not a product barcode this till understands.", False
    )  # type: ignore[arg-type]
    assert isinstance(read_code(f"01{GTIN}10" + "A" * 2000, today=TODAY), CodeError)


def test_the_libraries_load_ahead_of_the_first_scan():
    import subprocess
    import sys

    probe = "import sys; from pos import gs1, scan; a = 'biip' in sys.modules; gs1.load(); print(a, 'biip.gtin' in sys.modules)"  # noqa: E501
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "True"]  # importing pos.scan costs nothing; load() brings biip in
    gs1.load()  # and here, where biip is in already, it is harmless


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(
        ["", "]C1", "]e0", "]Q1", "]Q3", "]E0", "]E4", "]I1", "(", "https://x/01/", "01", "0109501101020917"]
    ).flatmap(lambda head: st.text(max_size=60).map(lambda tail: head + tail))
)
def test_reading_never_raises(text):
    assert read_code(text, today=TODAY) is not None
