"""pos/gs1.py against the library it stands on (biip), on generated codes: every GS1 code form, valid and
mutated. Where the two readings differ, the code must carry a mutation listed in ALLOWED with the reason
our reading follows the specification; any other difference fails.

biip's reading here is the library's own API as a user would call it: `biip.parse()` (element strings,
Digital Link, AIM identifiers) and `GS1Message.parse_hri()` (bracketed text), with the fields the till
uses taken from its element strings."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

import biip
from biip import ParseError
from biip.gs1_messages import GS1Message
from hypothesis import given, settings
from hypothesis import strategies as st

from pos.gs1 import GS, ItemCode, LabelPrice, Measure, read_code
from tests.scan import gs1_codes as gen

# biip dates its two-digit years by the system clock; ours by the till's. Read with the system's date so
# that the century is the same (the century rule itself: test_gs1.py, GenSpecs 7.12).
TODAY = datetime.now(UTC).date()

# mutation -> (whose reading may differ, why ours is the specification's)
ALLOWED = {
    "short_amount": (
        "value",
        "GenSpecs 3.6.8/3.6.9: a 392n/393n amount shorter than its n decimals keeps n decimals "
        "(3922 + '9' is 0.09); biip moves the decimal point (0.9).",
    ),
    "no_fnc1": (
        "ours refuse",
        "GenSpecs 7.8 (concatenation): a field not of predefined length needs FNC1 unless it is the "
        "last; biip cuts a variable field at its maximum length, or reads fixed ones on, and goes on.",
    ),
    "duplicate": (
        "ours refuse",
        "The GS1 Barcode Syntax Tests: one AI with two different values is invalid; biip keeps both.",
    ),
    "exclusive": (
        "ours refuse",
        "Barcode Syntax Dictionary 'ex=': two net weights in kg (310n), or a price 392n with 393n, are "
        "invalid pairs; biip reads both.",
    ),
    "link_short_gtin": (
        "ours refuse",
        "GS1 Digital Link URI syntax: the GTIN is always 14 digits; biip pads 8, 12 and 13 with zeros.",
    ),
    "link_mixed_qualifiers": (
        "ours refuse",
        "Barcode Syntax Dictionary 'dlpkey=22,10,21|235': 235 stands alone; biip accepts 22/10/235.",
    ),
    "url_in_gs1_symbol": (
        "ours refuse",
        "GenSpecs figure 5.1.2-2: ]Q3/]d2 (FNC1 in first position) carry element strings; biip reads a "
        "web address behind them.",
    ),
    "link_in_plain_symbol": (
        "ours read",
        "A Digital Link is a plain web address in a plain QR Code or Data Matrix, whose scanners send "
        "]Q1/]d1; biip refuses it there.",
    ),
    "dotcode": (
        "ours read",
        "GenSpecs figure 5.1.2-2: ]J1 is GS1 DotCode; biip 5.2 does not know the J of DotCode and raises.",
    ),
    "space_in_data": (
        "ours refuse",
        "GenSpecs 7.11 (character sets): a space is in none of GS1's sets; biip's bracketed text drops "
        "every space, inside data too, and reads another value.",
    ),
    "day_zero_7003": (
        "ours refuse",
        "Barcode Syntax Dictionary: (7003) is yymmdd, no day 00; biip takes 00 as the month's last day.",
    ),
    "date_range_7007": (
        "ours read",
        "Barcode Syntax Dictionary: (7007) is a date or a range of two; biip reads a second date as a time "
        "and refuses ranges whose end is not a valid hour and minute.",
    ),
}


@dataclass
class Case:
    text: str
    mutations: frozenset[str]


def ours(text: str) -> tuple | None:
    code = read_code(text, today=TODAY)
    if not isinstance(code, ItemCode):
        return None
    return (code.gtin, code.batch, code.serial, code.expiry, code.best_before, code.weights, code.price)


def theirs(text: str) -> tuple | None:
    """biip's reading of the fields the till uses, None if biip refuses (or raises)."""
    try:
        if text.startswith("("):
            elements: Any = GS1Message.parse_hri(text).element_strings
        else:
            result = biip.parse(text)
            found = result.gs1_message or result.gs1_digital_link_uri
            if found is None:
                return None
            elements = found.element_strings
    except (ParseError, ValueError):
        return None
    if any(e.gtin_error or e.gln_error or e.sscc_error for e in elements):
        return None
    first = {}
    for e in elements:
        first.setdefault(e.ai.ai, e)
    if "01" not in first:
        return None
    weights = tuple(
        Measure(e.decimal, "kg" if e.ai.ai[:3] == "310" else "lb")
        for e in first.values()
        if e.ai.ai[:3] in ("310", "320")
    )
    price = None
    for e in first.values():
        if e.ai.ai[:3] == "392":
            price = LabelPrice(e.decimal)
        elif e.ai.ai[:3] == "393":
            price = LabelPrice(e.decimal, gen.CURRENCIES.get(e.pattern_groups[0]))
    expiries = [first[a].date for a in ("17", "7003") if a in first]

    def value(ai: str) -> str | None:
        return first[ai].value if ai in first else None

    return (
        first["01"].value,
        value("10"),
        value("21"),
        min(expiries) if expiries else None,
        first["15"].date if "15" in first else None,
        tuple(sorted(weights, key=lambda w: w.unit)),
        price,
    )


@st.composite
def cases(draw) -> Case:
    pairs = list(draw(gen.readings(TODAY)))
    mutations: set[str] = set()
    if draw(st.integers(0, 5)) == 5:  # a 39xn amount shorter than its decimals
        n = draw(st.integers(2, 5))
        currency = draw(st.sampled_from(["", "978"]))
        amount = str(draw(st.integers(0, 10 ** (n - 1) - 1)))  # fewer digits than decimals
        pairs = [p for p in pairs if p[0][:3] not in ("392", "393")]
        pairs.append((("393" if currency else "392") + str(n), currency + amount))
        mutations.add("short_amount")
    if draw(st.integers(0, 7)) == 7:
        ai, value = draw(st.sampled_from([p for p in pairs if p[0] != "01"] or pairs))
        other = value[:-1] + ("0" if value[-1] != "0" else "1") if ai not in ("17", "15", "11") else "991231"
        pairs.insert(draw(st.integers(0, len(pairs))), (ai, other))
        mutations.add("duplicate")
    if draw(st.integers(0, 7)) == 7:
        pair = (
            [("3102", "001500"), ("3103", "000150")]
            if draw(st.booleans())
            else [("3922", "199"), ("3932", "978199")]
        )
        pairs = [p for p in pairs if p[0][:3] not in ("392", "393")] + pair
        mutations.add("exclusive")
    if draw(st.integers(0, 9)) == 9:
        digits, _ = draw(gen.yymmdd(TODAY, day_zero=False))
        pairs.append(("7003", digits[:4] + "00" + "1200"))
        mutations.add("day_zero_7003")
    if draw(st.integers(0, 9)) == 9:
        start, _ = draw(gen.yymmdd(TODAY, day_zero=False))
        end, _ = draw(gen.yymmdd(TODAY, day_zero=False))
        pairs.append(("7007", start + end))
        mutations.add("date_range_7007")
    form = draw(st.sampled_from(["element", "bracketed", "link"]))
    if form == "element":
        aim = draw(st.sampled_from(["", "]C1", "]e0", "]d2", "]Q3", "]J1"]))
        text = gen.element_string(pairs, aim)
        if aim == "]J1":
            mutations.add("dotcode")
        gaps = [m.start() for m in re.finditer(GS, text)]
        if gaps and draw(st.integers(0, 3)) == 3:
            at = draw(st.sampled_from(gaps))
            text = text[:at] + text[at + 1 :]
            mutations.add("no_fnc1")
    elif form == "bracketed":
        text = gen.bracketed(pairs, draw(st.sampled_from(["", " "])))
        if draw(st.integers(0, 5)) == 5 and any(len(v) > 1 for _, v in pairs):
            ai, value = next((a, v) for a, v in pairs if len(v) > 1)
            text = text.replace(f"({ai}){value}", f"({ai}){value[0]} {value[1:]}", 1)
            mutations.add("space_in_data")
    else:
        text = gen.digital_link(pairs, draw(st.sampled_from(["", "/p"])))
        if draw(st.integers(0, 5)) == 5 and "/01/0" in text:
            text = text.replace("/01/0", "/01/", 1)
            mutations.add("link_short_gtin")
        path = text.split("?")[0]
        if draw(st.integers(0, 5)) == 5 and "/21/" not in path and ("/10/" in path or "/22/" in path):
            text = path + "/235/TPX1" + text[len(path) :]
            mutations.add("link_mixed_qualifiers")
        aim = draw(st.sampled_from(["", "", "]Q1", "]d1", "]Q3", "]d2"]))
        text = aim + text
        if aim in ("]Q1", "]d1"):
            mutations.add("link_in_plain_symbol")
        if aim in ("]Q3", "]d2"):
            mutations.add("url_in_gs1_symbol")
    return Case(text, frozenset(mutations))


def explained(case: Case, mine: tuple | None, biips: tuple | None) -> list[str]:
    """The listed mutations of `case` that explain how the readings differ."""
    found = []
    for mutation in sorted(case.mutations):
        who, _ = ALLOWED[mutation]
        if (
            who == "value"
            or (who == "ours refuse" and mine is None)
            or (who == "ours read" and biips is None)
        ):
            found.append(mutation)
    return found


@settings(max_examples=1000, deadline=None)
@given(cases())
def test_our_reading_differs_from_biips_only_where_the_specification_says_so(case):
    mine, biips = ours(case.text), theirs(case.text)
    if mine != biips:
        assert explained(case, mine, biips), (case, mine, biips)


def test_unmutated_codes_read_the_same_as_biip():
    """Without a listed mutation the two readings agree on every field the till uses."""
    pairs = [("01", "09501101020917"), ("17", TODAY.strftime("%y%m%d")), ("3103", "000750"), ("10", "LOT7")]
    for text in (gen.element_string(pairs, "]C1"), gen.bracketed(pairs), gen.digital_link(pairs)):
        assert ours(text) == theirs(text) is not None


def test_each_allowed_difference_happens_and_is_explained():
    """Every entry of ALLOWED is a real difference today (a biip upgrade that fixes one shows here)."""
    g = "09501101020917"
    examples = {
        "short_amount": f"01{g}39229",
        "no_fnc1": f"01{g}10ABCDEFGHIJKLMNOPQRST17261231",
        "duplicate": f"01{g}17261231{GS}17261230",
        "exclusive": f"01{g}3102000150{GS}3103000150",
        "link_short_gtin": f"https://id.gs1.org/01/{g[1:]}",
        "link_mixed_qualifiers": f"https://id.gs1.org/01/{g}/10/L/235/T",
        "url_in_gs1_symbol": f"]Q3https://id.gs1.org/01/{g}",
        "link_in_plain_symbol": f"]Q1https://id.gs1.org/01/{g}",
        "dotcode": f"]J101{g}",
        "space_in_data": f"(01){g}(10)A B",
        "day_zero_7003": f"01{g}70032612001200",
        "date_range_7007": f"01{g}7007{date(2021, 1, 1):%y%m%d}{date(2024, 1, 1):%y%m%d}",
    }
    assert examples.keys() == ALLOWED.keys()
    for mutation, text in examples.items():
        mine, biips = ours(text), theirs(text)
        assert mine != biips, mutation
        assert explained(Case(text, frozenset({mutation})), mine, biips) == [mutation], mutation
    assert ours(examples["short_amount"])[-1] == LabelPrice(Decimal("0.09"))
    assert theirs(examples["short_amount"])[-1] == LabelPrice(Decimal("0.9"))
