"""What a product code says, read as the GS1 General Specifications ("GenSpecs") say: EAN/UPC, in-store
price and weight labels (RCN), GS1 element strings (GS1-128, DataBar, DataMatrix, QR, DotCode) and GS1
Digital Link web addresses ("GS1 Sunrise 2027": 2D codes at the till).

    read_code("]e001095011010209173103000750", today=date(2026, 12, 7))
        -> ItemCode(gtin="09501101020917", weights=(Measure(Decimal("0.750"), "kg"),), ...)

The syntax is the library `biip`'s (pinned in pyproject.toml): the ~540 application identifiers (AIs) with
their lengths, character sets and patterns, the GTIN/SSCC/GLN check digits, UPC-E, the in-store label
(RCN) rules of DK, DE, EE, FI, GB, LT, LV, NO and SE, Digital Link addresses. This module keeps what the
till adds:

- the route by AIM symbology identifier (GenSpecs figure 5.1.2-2), DotCode (`]J1`) and GS1 Digital Link
  behind `]Q1`/`]d1` (a plain QR or DataMatrix) included, and without one: bracketed text in any AI order
  and with spaces, a web address, or digits (a DataBar from a scanner whose identifiers are off);
- the century of a two-digit year by the till's clock (GenSpecs 7.12), not the system clock (biip's);
- the FNC1 separator after every element string that is not of predefined length unless it is the last
  (GenSpecs 7.8, concatenation): biip cuts a variable field at its maximum length and reads on;
- one value per AI, one net weight per unit, one price (392n or 393n), as the GS1 Barcode Syntax
  Dictionary's exclusive pairs say;
- where biip departs from the specification: a 39xn amount shorter than its decimals (`3922` `9` is 0.09;
  biip reads 0.9); a Digital Link GTIN must have 14 digits (biip pads 8/12/13) and its qualifiers are
  22, 10, 21 in that order or 235 alone (biip takes 22/10/235); a web address behind `]Q3`/`]d2` (GS1 QR
  and DataMatrix carry element strings only; biip reads it); (7003) has no day 00; a harvest date range
  (7007) is two dates (biip reads the second as a time and refuses a valid range);
- in-store labels: the region's rules (biip's, and the US "02" layout: item, price verifier digit,
  4-digit price) or a retailer's own `EmbeddedRule`s, applied to GS1's restricted circulation prefixes only;
- ISO 4217 numeric currency codes (393n) by the `iso4217` package (ISO's own table);
- messages for the cashier that name the field; nothing here raises on input.

biip is imported on first use (about 0.3 s: its GS1 prefix tables); `load()` does it ahead of the first scan.
"""

from __future__ import annotations

import calendar
import functools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING, Any, Literal
from urllib.parse import parse_qsl, unquote, urlsplit

from pos.errors import N_, Sentence

if TYPE_CHECKING:  # pragma: no cover
    from biip.gs1_element_strings import GS1ElementString

GS = "\x1d"  # FNC1 as a field separator, as scanners send it (ASCII group separator)
Unit = Literal["kg", "lb"]
LB_IN_KG = Decimal("0.45359237")  # exact: the international pound (1959)
RCN_REGIONS = ("DE", "DK", "EE", "FI", "GB", "LT", "LV", "NO", "SE", "US")
_BIIP_REGIONS = frozenset(RCN_REGIONS) - {"US"}
_MAX_LEN = 1024


@dataclass(frozen=True, slots=True)
class Measure:
    """A net weight exactly as the label gives it: all its decimals, in kilograms or pounds."""

    value: Decimal
    unit: Unit

    def in_kg(self) -> Decimal:
        return self.value if self.unit == "kg" else self.value * LB_IN_KG


@dataclass(frozen=True, slots=True)
class LabelPrice:
    """A price exactly as the label gives it. `currency` is an ISO 4217 code (393n), or None for the
    till's own currency (392n and in-store labels, which name none)."""

    amount: Decimal
    currency: str | None = None

    def minor(self, exponent: int) -> int:
        """In minor units of a currency with `exponent` decimals, rounded half up."""
        return int(self.amount.scaleb(exponent).quantize(Decimal(1), rounding=ROUND_HALF_UP))


@dataclass(frozen=True, slots=True)
class EmbeddedRule:
    """A retailer's in-store label layout for one prefix (in the 13-digit form: UPC-A `2...` is `02`):
    ``prefix | item | [value check digit] | value | check digit``. The value has `decimals` decimals: a
    price in the till's currency, a weight in `unit`, or a count of pieces."""

    prefix: str
    kind: Literal["price", "weight", "count"]
    item_digits: int = 5
    value_digits: int = 5
    value_check: bool = False
    decimals: int = 2
    unit: Unit = "kg"

    def __post_init__(self) -> None:
        width = len(self.prefix) + self.item_digits + int(self.value_check) + self.value_digits + 1
        if width != 13 or not re.fullmatch(r"0?2[0-9]*", self.prefix):
            raise ValueError(
                f"in-store rule {self.prefix!r} is not a 13-digit code with an RCN prefix (02, 2x)"
            )
        if self.value_check and self.value_digits not in (4, 5):
            raise ValueError(
                "a value check digit is defined for 4- and 5-digit values (GenSpecs 7.9.3, 7.9.4)"
            )


# UPC-A number system 2 (GS1 US): 5-digit item, price verifier digit, price in cents (GenSpecs 2.1.11).
US_RULES = (EmbeddedRule("02", "price", item_digits=5, value_digits=4, value_check=True),)
RcnRules = str | Sequence[EmbeddedRule] | None


def rcn_rules_for(setting: str, country: str) -> str | None:
    """The in-store label rules of a store's setting: a region of RCN_REGIONS, "none", or "auto" (the
    store's country when it is one of them)."""
    wanted = (country if setting == "auto" else setting).upper()
    return wanted if wanted in RCN_REGIONS else None


@dataclass(frozen=True, slots=True)
class ItemCode:
    """A product code read: the item's GTIN (for an in-store label, the item's own code with its value
    zeroed) and what the code says about the item in hand."""

    text: str
    symbology: str  # EAN-13, EAN-8, UPC-A, UPC-E, GTIN-14, in-store label, GS1, GS1 Digital Link
    gtin: str  # GTIN-14
    scanned: str | None = None  # the digits of a plain EAN/UPC as scanned (a catalog may keep UPC-E)
    item_ref: str | None = None  # an in-store label's item reference
    batch: str | None = None  # (10)
    serial: str | None = None  # (21)
    expiry: date | None = None  # (17), or the date of (7003), whichever is earlier
    best_before: date | None = None  # (15)
    weights: tuple[Measure, ...] = ()  # net weight: (310n) in kg, (320n) in lb, or an in-store label's
    price: LabelPrice | None = None  # (392n), (393n) or an in-store price label
    count: int | None = None  # an in-store count label (DE 25, 26)
    ais: Mapping[str, str] = field(default_factory=dict)  # GS1: every AI as read, in order

    @property
    def weight(self) -> Measure | None:
        return self.weights[0] if self.weights else None

    @property
    def lookup_keys(self) -> tuple[str, ...]:
        """The GTIN as the catalog may hold it: as scanned, GTIN-14, EAN-13, UPC-A (12), EAN-8."""
        return gtin_keys(self.gtin, scanned=self.scanned)


@dataclass(frozen=True, slots=True)
class CodeError:
    """Not read; `message` says why. `is_code` is False for text of no barcode's shape (a typed word)."""

    text: str
    message: str
    is_code: bool = True


def gtin_keys(gtin14: str, *, scanned: str | None = None) -> tuple[str, ...]:
    """The forms a catalog may store a GTIN-14 in (the code as scanned first, then GTIN-14, EAN-13,
    UPC-A and, for an EAN-8, its 8 digits)."""
    keys = [gtin14, gtin14[1:], gtin14[2:]]
    if gtin14.startswith("000000"):
        keys.append(gtin14[6:])
    if scanned is not None:
        keys.insert(0, scanned)
    return tuple(dict.fromkeys(k for k in keys if len(k) >= 8))


def load() -> None:
    """Import the libraries now (a worker thread at start-up), not at the first scan."""
    import biip.gs1_digital_link_uris  # noqa: F401
    import biip.gs1_element_strings  # noqa: F401
    import biip.gtin  # noqa: F401
    import biip.rcn  # noqa: F401
    import biip.upc  # noqa: F401
    import iso4217  # noqa: F401


_NOT_A_CODE = Sentence(N_("This is not a product barcode this till understands."))
_BAD_CHECK = Sentence(N_("This barcode did not scan correctly (check digit). Scan it again or type it."))
_BAD_VALUE_CHECK = Sentence(
    N_(
        "The price or weight on this in-store label did not scan correctly (its check digit). "
        "Scan it again or type it."
    )
)
_AIM = re.compile(r"\][A-Za-z][0-9A-Za-z]")
_WEB = re.compile(r"https?://", re.IGNORECASE)
_DIGITS = re.compile(r"[0-9]+")
_ELEMENTS = {"]C1", "]e0", "]d2", "]Q3", "]J1"}  # GS1-128, DataBar, GS1 DataMatrix, GS1 QR, GS1 DotCode
_LINKS = {"]Q1", "]d1"}  # plain QR Code and Data Matrix: a Digital Link is a plain web address
_EAN = {"]E0", "]E3", "]E4"}  # EAN-13/UPC-A/UPC-E, the same with an add-on, EAN-8
_QUALIFIERS = ("22", "10", "21")  # after (01) in a Digital Link path, in this order; or (235) alone
_DAY_ZERO = {"11", "12", "13", "15", "16", "17"}  # YYMMDD with day 00 for the month's last day


def _gs1_error(text: str, detail: str) -> CodeError:
    """`detail` is GS1's own words (an application identifier, a field), left in English."""
    again = N_(
        "GS1 code refused: {detail}. Scan it again; if it is refused again, put the item aside "
        "and call a manager."
    )
    return CodeError(text[:64], Sentence(again, detail=detail))


def read_code(
    text: str,
    *,
    today: date,
    rcn: RcnRules = None,
    eight_digits: Literal["ean8", "upce"] = "ean8",
) -> ItemCode | CodeError:
    """Read a scanned or typed product code. `today` is the till's date (the century of two-digit years);
    `rcn` the store's in-store label rules (a region of RCN_REGIONS or the retailer's own rules);
    `eight_digits` says what 8 digits without a symbology identifier are. Never raises on input."""
    if not isinstance(text, str):
        return CodeError(str(text)[:64], _NOT_A_CODE, is_code=False)
    t = text.strip()
    if len(t) > _MAX_LEN:
        return CodeError(t[:64], _NOT_A_CODE)
    aim = t[:3] if _AIM.match(t) else None
    if aim is not None:
        body = t[3:]
        if aim in _EAN:
            if aim == "]E3" and len(body) in (15, 18):  # EAN-13 or UPC-A with its 2- or 5-digit add-on
                body = body[:13]
            return _product(t, body, aim, eight_digits, rcn)
        if aim == "]I1":  # ITF-14
            return _product(t, body, aim, eight_digits, rcn) if len(body) == 14 else CodeError(t, _NOT_A_CODE)
        if aim in _ELEMENTS:
            if _WEB.match(body):
                return _gs1_error(
                    t, "a web address in a GS1 QR Code or GS1 DataMatrix (GS1 symbols carry element strings)"
                )
            return _element_string(t, body, today)
        if aim in _LINKS and _WEB.match(body):
            return _link(t, body, today)
        return CodeError(
            t, Sentence(N_("This is not a product barcode this till understands. (symbology {aim})"), aim=aim)
        )
    if t.startswith("("):
        return _bracketed(t, today)
    if _WEB.match(t):
        return _link(t, t, today)
    if GS in t:
        return _element_string(t, t, today)
    if _DIGITS.fullmatch(t) and len(t) in (8, 12, 13, 14):
        return _product(t, t, None, eight_digits, rcn)
    code = _element_string(t, t, today)  # GS1-128 or DataBar from a scanner without AIM identifiers
    if isinstance(code, ItemCode) or re.match(r"01[0-9]{14}", t) or _DIGITS.fullmatch(t) and len(t) >= 16:
        return code
    return CodeError(t, _NOT_A_CODE, is_code=bool(_DIGITS.fullmatch(t)))


# ------------------------------------------------------------------------------------ EAN, UPC, RCN
def _product(
    text: str, digits: str, aim: str | None, eight_digits: str, rcn: RcnRules
) -> ItemCode | CodeError:
    from biip import ParseError
    from biip.gtin import Gtin, GtinFormat
    from biip.rcn import Rcn, RcnUsage
    from biip.upc import Upc

    n = len(digits)
    if not _DIGITS.fullmatch(digits) or n not in (8, 12, 13, 14):
        return CodeError(text, _NOT_A_CODE)
    if n == 8 and (aim == "]E0" or (aim is None and eight_digits == "upce")):
        if digits[0] not in "01":
            return CodeError(text, _NOT_A_CODE)
        try:
            upca = Upc.parse(digits).as_upc_a()
        except ParseError:
            return CodeError(text, _BAD_CHECK)
        return ItemCode(text, "UPC-E", upca.zfill(14), scanned=digits)
    try:
        gtin = Gtin.parse(digits)
    except ParseError:
        return CodeError(text, _BAD_CHECK)
    symbology = {8: "EAN-8", 12: "UPC-A", 13: "EAN-13", 14: "GTIN-14"}[n]
    plain = ItemCode(text, symbology, gtin.as_gtin_14(), scanned=digits)
    if not (
        isinstance(gtin, Rcn) and gtin.usage == RcnUsage.GEOGRAPHICAL and gtin.format != GtinFormat.GTIN_8
    ):
        return plain
    if isinstance(rcn, str) and rcn.upper() in _BIIP_REGIONS:
        from biip import ParseConfig

        try:
            label = Gtin.parse(digits, config=ParseConfig(rcn_region=rcn.lower()))
        except ParseError:
            return CodeError(text, _BAD_VALUE_CHECK)
        assert isinstance(label, Rcn)
        if label.weight is None and label.price is None and label.count is None:
            return plain  # a prefix the region keeps for other uses: the code names the item
        return ItemCode(
            text,
            "in-store label",
            label.without_variable_measure().as_gtin_14(),
            item_ref=label.item_reference,
            weights=() if label.weight is None else (Measure(label.weight, "kg"),),
            price=None if label.price is None else LabelPrice(label.price),
            count=label.count,
        )
    if isinstance(rcn, str):
        rules: Sequence[EmbeddedRule] = US_RULES if rcn.upper() == "US" else ()
    else:
        rules = rcn or ()
    ean13 = gtin.as_gtin_13()
    rule = next((r for r in rules if ean13.startswith(r.prefix)), None)
    return plain if rule is None else _embedded(text, ean13, rule)


def _embedded(text: str, ean13: str, rule: EmbeddedRule) -> ItemCode | CodeError:
    from biip.checksums import gs1_price_weight_check_digit, gs1_standard_check_digit

    p = len(rule.prefix)
    item = ean13[p : p + rule.item_digits]
    at = p + rule.item_digits + int(rule.value_check)
    digits = ean13[at : at + rule.value_digits]
    if rule.value_check and gs1_price_weight_check_digit(digits) != int(ean13[at - 1]):
        return CodeError(text, _BAD_VALUE_CHECK)
    zeroed = rule.prefix + item + "0" * (12 - p - rule.item_digits)
    value = Decimal(digits).scaleb(-rule.decimals)
    return ItemCode(
        text,
        "in-store label",
        (zeroed + str(gs1_standard_check_digit(zeroed))).zfill(14),
        item_ref=item,
        weights=(Measure(value, rule.unit),) if rule.kind == "weight" else (),
        price=LabelPrice(value) if rule.kind == "price" else None,
        count=int(digits) if rule.kind == "count" else None,
    )


def make_embedded(rule: EmbeddedRule, item_ref: str, value: int) -> str:
    """A valid in-store label of `rule` (tests, the demo, label printers); `value` is the value's digits
    as a whole number (1234 is 12.34 with two decimals)."""
    from biip.checksums import gs1_price_weight_check_digit, gs1_standard_check_digit

    v = str(value).zfill(rule.value_digits)
    if (
        len(item_ref) != rule.item_digits
        or len(v) != rule.value_digits
        or not _DIGITS.fullmatch(item_ref + v)
    ):
        raise ValueError("item or value does not fit the rule")
    body = rule.prefix + item_ref + (str(gs1_price_weight_check_digit(v)) if rule.value_check else "") + v
    return body + str(gs1_standard_check_digit(body))


# ------------------------------------------------------------------------------------ GS1 syntax
def _config() -> Any:
    """biip's settings here: FNC1 as the group separator; dates are checked by `_DATES` (our century)."""
    from biip import ParseConfig

    return ParseConfig(separator_chars=(GS,), gs1_element_strings_verify_date=False)


def _name(ai: Any) -> str:
    return f"({ai.ai}) {ai.data_title}"


def _takes(fmt: str) -> str:
    """What a field's data must be, from its GS1 format (N2+X..20 -> 'up to 20 characters ...')."""
    words = []
    for kind, upto, size in re.findall(r"([A-Z])(\.\.)?([0-9]+)", fmt.split("+", 1)[-1]):
        what = {"N": "digits", "X": "characters of GS1's set"}.get(kind, "characters")
        words.append(f"{'up to ' if upto else ''}{size} {what}")
    return ", then ".join(words) or fmt


def _bad_field(ai: Any, data: str) -> str:
    shown = data if len(data) <= 24 else data[:24] + "…"
    if ai.ai in _DATES:
        return f"{_name(ai)} '{shown}' is not a valid date"
    return f"{_name(ai)} '{shown}' is not valid: it takes {_takes(ai.format)}"


def _element_string(text: str, body: str, today: date) -> ItemCode | CodeError:
    """A GS1 element string as scanners send it: AI, data, AI, data..., FNC1 after every element
    string not of predefined length unless it is the last (GenSpecs 7.8, concatenation)."""
    from biip import ParseError
    from biip.gs1_application_identifiers import GS1ApplicationIdentifier
    from biip.gs1_element_strings import GS1ElementString

    config = _config()
    elements: list[GS1ElementString] = []
    rest = body.lstrip(GS)
    while rest:
        try:
            ai = GS1ApplicationIdentifier.extract(rest)
        except ParseError:
            after = f" after {_name(elements[-1].ai)}" if elements else ""
            return _gs1_error(text, f"'{rest[:8]}'{after} is not a GS1 application identifier and its data")
        try:
            es = GS1ElementString.extract(rest, config=config)
        except ParseError:
            return _gs1_error(text, _bad_field(ai, rest[len(ai.ai) :].split(GS, 1)[0]))
        rest = rest[len(es) :]
        if rest and not rest.startswith(GS) and es.ai.separator_required:
            return _gs1_error(
                text,
                f"{_name(es.ai)} is longer than its format allows ({_takes(es.ai.format)}), or the FNC1 "
                "separator after it is missing",
            )
        elements.append(es)
        rest = rest.lstrip(GS)
    return _interpret(text, elements, today, "GS1")


def _bracketed(text: str, today: date) -> ItemCode | CodeError:
    """Bracketed text as typed or printed, "(01)09501101020917(17)251231": any order, spaces between."""
    from biip import ParseError
    from biip.gs1_element_strings import GS1ElementString

    fields: list[tuple[str, str, int]] = []
    for m in re.finditer(r"\s*\(\s*([^()]*?)\s*\)\s*([^()]*?)\s*(?=\(|\Z)", text):
        if m.start() != (fields[-1][2] if fields else 0):
            break
        fields.append((m.group(1), m.group(2), m.end()))
    if not fields or fields[-1][2] != len(text):
        return _gs1_error(text, "the brackets do not enclose application identifiers as in (01)…(17)…")
    elements: list[GS1ElementString] = []
    for ai_text, data, _ in fields:
        ai = _known_ai(ai_text)
        if ai is None:
            return _gs1_error(text, f"({ai_text}) is not a GS1 application identifier")
        try:
            elements.append(GS1ElementString.parse(ai_text + data, config=_config()))
        except ParseError:
            return _gs1_error(text, _bad_field(ai, data))
    return _interpret(text, elements, today, "GS1")


def _known_ai(ai_text: str) -> Any:
    """The AI that `ai_text` is exactly, or None (AIs are prefix-free: a longer text finds a shorter AI)."""
    from biip import ParseError
    from biip.gs1_application_identifiers import GS1ApplicationIdentifier

    try:
        ai = GS1ApplicationIdentifier.extract(ai_text)
    except ParseError:
        return None
    return ai if ai.ai == ai_text else None


def _link(text: str, url: str, today: date) -> ItemCode | CodeError:
    """A GS1 Digital Link: /01/{14 digits}[/22/…][/10/…][/21/…] (or /235/…) after any path prefix, other
    AIs in the query. biip reads it; the GTIN's 14 digits and the qualifiers' order are checked here."""
    from biip import ParseError
    from biip.gs1_digital_link_uris import GS1DigitalLinkURI
    from biip.gs1_element_strings import GS1ElementString

    try:
        parts = urlsplit(url)
    except ValueError:
        return _gs1_error(text, "the web address cannot be read")
    segments = parts.path.split("/")
    path = segments[segments.index("01") :] if "01" in segments else []
    keys, values = path[0::2], [unquote(v) for v in path[1::2]]
    if path and len(keys) == len(values):
        if not re.fullmatch(r"[0-9]{14}", values[0]):
            return _gs1_error(text, f"(01) GTIN '{values[0]}' in a GS1 Digital Link must have 14 digits")
        qualifiers = keys[1:]
        if qualifiers not in ([q for q in _QUALIFIERS if q in qualifiers], ["235"]):
            return _gs1_error(
                text,
                "in a GS1 Digital Link only (22), (10) and (21) may follow the GTIN, in that order, or "
                f"(235) alone; this one has ({')('.join(qualifiers)})",
            )
    try:
        link = GS1DigitalLinkURI.parse(url, config=_config())
    except (ParseError, ValueError) as e:
        for ai_text, data in [*zip(keys, values, strict=False), *parse_qsl(parts.query)]:
            ai = _known_ai(ai_text)
            try:
                if ai is not None:
                    GS1ElementString.parse(ai_text + data, config=_config())
            except ParseError:
                return _gs1_error(text, _bad_field(ai, data))
        return _gs1_error(text, f"this web address is not a GS1 Digital Link ({e})")
    return _interpret(text, list(link.element_strings), today, "GS1 Digital Link")


# ------------------------------------------------------------------------------------ meaning
# Dates and times, as the GS1 Barcode Syntax Dictionary's linters check them: "0" YYMMDD where day 00
# is the month's last day, "d" YYMMDD, "D" an optional second YYMMDD, "Y" YYYYMMDD, "t" hhmi, "T" an
# optional hhmi, "h" hh, "m" an optional mi, "s" an optional ss.
_DATES = {
    "11": "0", "12": "0", "13": "0", "15": "0", "16": "0", "17": "0", "4324": "0t", "4325": "0t",
    "4326": "d", "7003": "dt", "7006": "d", "7007": "dD", "7011": "dT", "7250": "Y", "7251": "Yt",
    "8008": "dhms",
}  # fmt: skip
_PARTS = {"0": 6, "d": 6, "D": 6, "Y": 8, "t": 4, "T": 4, "h": 2, "m": 2, "s": 2}


def _year(yy: int, today: date) -> int:
    """GenSpecs 7.12: a two-digit year lies from 49 years before to 50 years after the current year."""
    century = today.year - today.year % 100
    diff = yy - today.year % 100
    if 51 <= diff <= 99:
        return century - 100 + yy
    if -99 <= diff <= -50:
        return century + 100 + yy
    return century + yy


def _date(yymmdd: str, today: date, *, day_zero: bool) -> date | None:
    year, month, day = _year(int(yymmdd[:2]), today), int(yymmdd[2:4]), int(yymmdd[4:6])
    if day == 0 and day_zero and 1 <= month <= 12:
        day = calendar.monthrange(year, month)[1]
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _when(ai: str, value: str, today: date) -> date | None:
    """The (first) date of a date field, or None if the field is not a valid date and time. The AI's
    pattern (biip's) has already given the field its digits and lengths."""
    first: date | None = None
    at = 0
    for part in _DATES[ai]:
        chunk = value[at : at + _PARTS[part]]
        if not chunk:  # an optional part left out
            continue
        at += _PARTS[part]
        if part in "0dD":
            day = _date(chunk, today, day_zero=part == "0")
        elif part == "Y":
            day = _full_date(chunk)
        else:
            fits = int(chunk[:2]) < (24 if part in "tTh" else 60) and int(chunk[2:] or "0") < 60
            day = first if fits else None
        if day is None:
            return None
        first = first or day
    return first


def _full_date(yyyymmdd: str) -> date | None:
    try:
        return date(int(yyyymmdd[:4]), int(yyyymmdd[4:6]), int(yyyymmdd[6:]))
    except ValueError:
        return None


def _amount(value: str, ai: str) -> Decimal:
    """GenSpecs 3.6: the AI's last digit is the number of decimals, also when the value is shorter."""
    return Decimal(value).scaleb(-int(ai[3]))


def _interpret(
    text: str, elements: list[GS1ElementString], today: date, symbology: str
) -> ItemCode | CodeError:
    ais: dict[str, str] = {}
    names: dict[str, str] = {}
    families: dict[str, str] = {}
    dates: dict[str, date] = {}
    for es in elements:
        ai, name = es.ai.ai, _name(es.ai)
        if es.gtin_error or es.gln_error or es.sscc_error:
            return _gs1_error(text, f"{name} {es.value} has a wrong check digit")
        if ais.get(ai, es.value) != es.value:
            return _gs1_error(text, f"{name} appears twice with different values")
        ais[ai], names[ai] = es.value, name
        if ai[:2] in ("31", "32", "33", "34", "35", "36", "39"):
            family = "392" if ai[:3] in ("392", "393") else ai[:3]
            other = families.setdefault(family, ai)
            if other != ai:
                return _gs1_error(text, f"{names[other]} and {name} together (one of them only)")
        if ai in _DATES:
            day = _when(ai, es.value, today)
            if day is None:
                return _gs1_error(text, f"{name} '{es.value}' is not a valid date")
            dates[ai] = day
    if "01" not in ais:
        return _gs1_error(text, "it names no trade item (no (01) GTIN)")
    expiries = [dates[ai] for ai in ("17", "7003") if ai in dates]
    weights = [
        Measure(_amount(v, ai), "kg" if ai[:3] == "310" else "lb")
        for ai, v in ais.items()
        if ai[:3] in ("310", "320")
    ]
    price = None
    for ai, v in ais.items():
        if ai[:3] == "392":
            price = LabelPrice(_amount(v, ai))
        elif ai[:3] == "393":
            currency = _currency(int(v[:3]))
            if currency is None:
                return _gs1_error(text, f"{names[ai]}: {v[:3]} is not an ISO 4217 currency")
            price = LabelPrice(_amount(v[3:], ai), currency)
    return ItemCode(
        text,
        symbology,
        ais["01"],
        batch=ais.get("10"),
        serial=ais.get("21"),
        expiry=min(expiries) if expiries else None,
        best_before=dates.get("15"),
        weights=tuple(sorted(weights, key=lambda w: w.unit)),
        price=price,
        ais=ais,
    )


@functools.cache
def _currencies() -> dict[int, str]:
    import iso4217

    return {c.number: c.code for c in iso4217.Currency}


def _currency(number: int) -> str | None:
    """ISO 4217 alphabetic code of a numeric one (978 -> EUR), None if ISO lists none."""
    return _currencies().get(number)


__all__ = [
    "GS",
    "LB_IN_KG",
    "RCN_REGIONS",
    "US_RULES",
    "CodeError",
    "EmbeddedRule",
    "ItemCode",
    "LabelPrice",
    "Measure",
    "RcnRules",
    "Unit",
    "gtin_keys",
    "load",
    "make_embedded",
    "rcn_rules_for",
    "read_code",
]
