"""Product barcodes from a keyboard-wedge scanner: EAN-8, EAN-13, UPC-A, UPC-E, price/weight-embedded.

A bad check digit or a code of the wrong shape is an :class:`InvalidBarcode` (the UI beeps and shows it),
never a guessed item. Codes are normalised to GTIN-14 (``gtin``) so ``"0" + UPC-A``, EAN-13 and an
expanded UPC-E of the same product compare equal; :attr:`ProductBarcode.lookup_keys` lists the forms a
catalog may store.

Scanners transmit digits only, so an 8-digit code is ambiguous between EAN-8 and UPC-E. Configure the
scanner to send UPC-E expanded to UPC-A or to prefix AIM symbology identifiers (``]E0``, ``]E4``); without
them ``eight_digits`` decides (EAN-8 by default).

Variable-measure (in-store) EAN-13 codes carry a price or a weight: ``prefix | item | [value check] | value
| check``. Which prefixes mean what is a per-retailer setting (:class:`EmbeddedRule`); GS1 reserves 20-29
(and UPC number system 2, i.e. ``02``) for such in-store use.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

_DIGITS = re.compile(r"[0-9]+")


def gtin_check_digit(body: str) -> int:
    """GS1 mod-10 check digit of ``body`` (all digits but the check digit), any GTIN length."""
    total = 0
    for i, ch in enumerate(reversed(body)):
        total += int(ch) * (3 if i % 2 == 0 else 1)
    return (10 - total % 10) % 10


def is_valid_gtin(code: str) -> bool:
    return (
        bool(_DIGITS.fullmatch(code))
        and len(code) in (8, 12, 13, 14)
        and (gtin_check_digit(code[:-1]) == int(code[-1]))
    )


def expand_upce(code: str) -> str:
    """UPC-E (8 digits: number system 0/1, six digits, check) -> UPC-A (12 digits). ValueError if invalid."""
    if not (_DIGITS.fullmatch(code) and len(code) == 8 and code[0] in "01"):
        raise ValueError("UPC-E has 8 digits and starts with 0 or 1")
    ns, d, check = code[0], code[1:7], code[7]
    last = d[5]
    if last in "012":
        body = ns + d[0:2] + last + "0000" + d[2:5]
    elif last == "3":
        body = ns + d[0:3] + "00000" + d[3:5]
    elif last == "4":
        body = ns + d[0:4] + "00000" + d[4]
    else:
        body = ns + d[0:5] + "0000" + last
    upca = body + check
    if gtin_check_digit(body) != int(check):
        raise ValueError("bad UPC-E check digit")
    return upca


_W2MINUS = [0, 2, 4, 6, 8, 9, 1, 3, 5, 7]  # x2 minus the tens digit
_W3 = [0, 3, 6, 9, 2, 5, 8, 1, 4, 7]
_W5MINUS = [0, 5, 9, 4, 8, 3, 7, 2, 6, 1]  # x5 minus the tens digit


def price_check_digit_4(value: str) -> int:
    """GS1 check digit of a 4-digit price field (weights 2-, 2-, 3, 5-; sum x 3; units digit)."""
    a, b, c, d = (int(ch) for ch in value)
    return ((_W2MINUS[a] + _W2MINUS[b] + _W3[c] + _W5MINUS[d]) * 3) % 10


@dataclass(frozen=True, slots=True)
class EmbeddedRule:
    """How one in-store prefix embeds a value. ``value`` is in minor units (price) or grams (weight),
    times ``scale``. With ``value_check`` the value has 4 digits preceded by its own check digit."""

    prefix: str
    kind: Literal["price", "weight"]
    item_digits: int = 5
    value_digits: int = 5
    value_check: bool = False
    scale: int = 1

    def __post_init__(self) -> None:
        width = len(self.prefix) + self.item_digits + int(self.value_check) + self.value_digits + 1
        if width != 13 or not _DIGITS.fullmatch(self.prefix):
            raise ValueError(f"embedded rule {self.prefix!r} does not add up to an EAN-13")
        if self.value_check and self.value_digits != 4:
            raise ValueError("a value check digit is defined for 4-digit values only")


DEFAULT_RULES: tuple[EmbeddedRule, ...] = (
    EmbeddedRule("02", "price"),  # UPC-A number system 2 (US random-weight, price)
    EmbeddedRule("21", "price"),
    EmbeddedRule("22", "price"),
    EmbeddedRule("28", "weight"),
    EmbeddedRule("29", "weight"),
)


def gtin_keys(gtin14: str, *, scanned: str | None = None) -> tuple[str, ...]:
    """The forms a catalog may store a GTIN-14 in (the code as scanned first, then GTIN-14, EAN-13,
    UPC-A and, for an EAN-8, its 8 digits)."""
    keys = [gtin14, gtin14[1:], gtin14[2:]]
    if gtin14.startswith("000000"):
        keys.append(gtin14[6:])
    if scanned is not None:
        keys.insert(0, scanned)
    return tuple(dict.fromkeys(k for k in keys if len(k) >= 8))


@dataclass(frozen=True, slots=True)
class ProductBarcode:
    code: str  # as scanned (validated)
    symbology: Literal["EAN-8", "EAN-13", "UPC-A", "UPC-E", "GTIN-14"]
    gtin: str  # GTIN-14, zero-padded; UPC-E expanded

    @property
    def lookup_keys(self) -> tuple[str, ...]:
        return gtin_keys(self.gtin, scanned=self.code)


@dataclass(frozen=True, slots=True)
class EmbeddedBarcode:
    code: str
    kind: Literal["price", "weight"]
    item_ref: str
    value: int  # minor units for a price, grams for a weight (times the rule's scale)
    lookup_code: str  # the item's own code: value zeroed, check digit recomputed
    rule: EmbeddedRule


@dataclass(frozen=True, slots=True)
class InvalidBarcode:
    code: str
    message: str


BarcodeResult = ProductBarcode | EmbeddedBarcode | InvalidBarcode

_BAD_CHECK = "This barcode did not scan correctly (check digit). Scan it again or type it."
_BAD_SHAPE = "This is not a product barcode this till understands."


def parse_barcode(
    raw: str,
    rules: Sequence[EmbeddedRule] = DEFAULT_RULES,
    *,
    eight_digits: Literal["ean8", "upce"] = "ean8",
) -> BarcodeResult:
    """Classify and validate a scanned product code. Never raises on input."""
    if not isinstance(raw, str) or len(raw) > 64:
        return InvalidBarcode(str(raw)[:64], _BAD_SHAPE)
    code = raw.strip()
    symbology_hint = None
    if code.startswith("]E"):  # AIM symbology identifier
        symbology_hint, code = code[:3], code[3:]
    if not _DIGITS.fullmatch(code):
        return InvalidBarcode(code, _BAD_SHAPE)
    n = len(code)
    if n == 8:
        as_upce = symbology_hint == "]E0" or (symbology_hint is None and eight_digits == "upce")
        if as_upce:
            try:
                upca = expand_upce(code)
            except ValueError:
                return InvalidBarcode(code, _BAD_CHECK if code[0] in "01" else _BAD_SHAPE)
            return ProductBarcode(code, "UPC-E", upca.zfill(14))
        if not is_valid_gtin(code):
            return InvalidBarcode(code, _BAD_CHECK)
        return ProductBarcode(code, "EAN-8", code.zfill(14))
    if n not in (12, 13, 14):
        return InvalidBarcode(code, _BAD_SHAPE)
    if not is_valid_gtin(code):
        return InvalidBarcode(code, _BAD_CHECK)
    ean13 = code.zfill(13) if n < 14 else code
    if len(ean13) == 13:
        for rule in rules:
            if ean13.startswith(rule.prefix):
                return _embedded(code, ean13, rule)
    symbology = {12: "UPC-A", 13: "EAN-13", 14: "GTIN-14"}[n]
    return ProductBarcode(code, symbology, code.zfill(14))


def _embedded(code: str, ean13: str, rule: EmbeddedRule) -> EmbeddedBarcode | InvalidBarcode:
    p = len(rule.prefix)
    item = ean13[p : p + rule.item_digits]
    at = p + rule.item_digits
    if rule.value_check:
        value_check, at = int(ean13[at]), at + 1
        value = ean13[at : at + rule.value_digits]
        if price_check_digit_4(value) != value_check:
            return InvalidBarcode(code, _BAD_CHECK)
    else:
        value = ean13[at : at + rule.value_digits]
    zeroed = rule.prefix + item + "0" * (12 - p - rule.item_digits)
    lookup = zeroed + str(gtin_check_digit(zeroed))
    return EmbeddedBarcode(code, rule.kind, item, int(value) * rule.scale, lookup, rule)


def make_embedded(rule: EmbeddedRule, item_ref: str, value: int) -> str:
    """Build a valid variable-measure EAN-13 (for tests, the demo and label printers)."""
    v = str(value // rule.scale).zfill(rule.value_digits)
    if len(item_ref) != rule.item_digits or len(v) != rule.value_digits:
        raise ValueError("item or value does not fit the rule")
    body = rule.prefix + item_ref + (str(price_check_digit_4(v)) if rule.value_check else "") + v
    return body + str(gtin_check_digit(body))
