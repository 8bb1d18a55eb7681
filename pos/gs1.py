"""GS1 element strings and GS1 Digital Link: what a GS1-128, GS1 DataBar, GS1 DataMatrix or GS1 QR code
(or the web address in a 2D code, "GS1 Sunrise 2027") says about the item in hand.

    parse_gs1("]e001095011010209171725123110ABC123")  ->  GS1Data(gtin="09501101020917", expiry=..., ...)
    parse_gs1("https://example.com/01/09506000134352/10/ABC?3103=001250")

Only what a till uses is interpreted: the GTIN (01), batch/lot (10), serial (21), best-before and
expiry dates (15, 17), net weight in kg (310n) and the price to pay (392n, in the till's currency). Other
application identifiers are kept as they were read. The text arrives from a keyboard-wedge scanner (with
or without its AIM symbology identifier, FNC1 as the ASCII group separator), from the camera, or typed
with the identifiers in brackets, "(01)09501101020917(3103)001250". Never raises on input.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date
from urllib.parse import parse_qsl, unquote, urlsplit

from pos.barcodes import gtin_keys, is_valid_gtin

GS = "\x1d"  # FNC1 inside an element string, as scanners send it
_AIM_GS1 = ("]C1", "]e0", "]d2", "]Q3", "]J1")  # GS1-128, DataBar, DataMatrix, QR, DotCode
# Fixed-length AIs by their first two digits (GS1 General Specifications, figure 5.10.2-1); the length
# is of the data after the AI. Everything else is variable length, ended by FNC1 or the end.
_FIXED = {
    "00": (2, 18), "01": (2, 14), "02": (2, 14), "03": (2, 14), "04": (2, 16),
    "11": (2, 6), "12": (2, 6), "13": (2, 6), "14": (2, 6), "15": (2, 6), "16": (2, 6), "17": (2, 6),
    "18": (2, 6), "19": (2, 6), "20": (2, 2),
    "31": (4, 6), "32": (4, 6), "33": (4, 6), "34": (4, 6), "35": (4, 6), "36": (4, 6),
    "41": (3, 13),
}  # fmt: skip
# Variable-length AIs the till reads, by AI length: 2 (10, 21, 22...), 3 (240, 241, 250, 400...),
# 4 (390n-395n, 7003...). The table is by prefix: the longest known prefix decides the AI's length.
_VAR_AI_LEN = {
    "10": 2, "21": 2, "22": 2, "30": 2, "37": 2, "23": 3, "24": 3, "25": 3, "40": 3, "42": 3, "71": 3,
    "39": 4, "70": 4, "72": 4, "80": 4, "81": 4, "82": 4,
    **{str(n): 2 for n in range(90, 100)},
}  # fmt: skip
_MAX_VAR = 90


@dataclass(frozen=True, slots=True)
class GS1Data:
    gtin: str  # GTIN-14
    batch: str | None = None
    serial: str | None = None
    expiry: date | None = None  # AI 17 (use by / expiry)
    best_before: date | None = None  # AI 15
    weight_g: int | None = None  # AI 310n, net kilograms, in grams
    price: tuple[int, int] | None = None  # AI 392n: (digits as an integer, n decimals) in local currency
    ais: dict[str, str] = field(default_factory=dict)

    @property
    def lookup_keys(self) -> tuple[str, ...]:
        """The GTIN as the catalog may hold it: GTIN-14, EAN-13, UPC-A (12), EAN-8."""
        return gtin_keys(self.gtin)

    def price_minor(self, exponent: int) -> int | None:
        """The 392n price in minor units of a currency with ``exponent`` decimals, rounded half up."""
        if self.price is None:
            return None
        value, decimals = self.price
        if decimals <= exponent:
            return value * 10 ** (exponent - decimals)
        q, r = divmod(value, 10 ** (decimals - exponent))
        return q + (1 if 2 * r >= 10 ** (decimals - exponent) else 0)


@dataclass(frozen=True, slots=True)
class GS1Error:
    text: str
    message: str


_NOT_GS1 = "This is not a GS1 code this till understands."
_BAD_GTIN = "The GTIN in this GS1 code is not valid (check digit). Scan it again."


def _digits(s: str) -> bool:
    return s.isascii() and s.isdigit()


def looks_like_gs1(text: str) -> bool:
    """Worth handing to :func:`parse_gs1`: an AIM GS1 identifier, brackets, a Digital Link, or a bare
    element string (01 + 14 digits followed by more data). A plain EAN/UPC is not."""
    t = text.strip()
    if t.startswith(_AIM_GS1) or t.startswith("(01)") or GS in t:
        return True
    if re.match(r"https?://", t, re.IGNORECASE):
        return bool(re.search(r"/01/[0-9]{14}", t))
    return bool(re.fullmatch(r"01[0-9]{14}.+", t))


def parse_gs1(text: str) -> GS1Data | GS1Error:
    t = (text or "").strip()
    if len(t) > 512:
        return GS1Error(t[:64], _NOT_GS1)
    if re.match(r"https?://", t, re.IGNORECASE):
        ais = _digital_link(t)
    elif t.startswith("("):
        ais = _bracketed(t)
    else:
        for aim in _AIM_GS1:
            if t.startswith(aim):
                t = t[len(aim) :]
                break
        ais = _element_string(t)
    if not ais or "01" not in ais:
        return GS1Error(text[:64], _NOT_GS1)
    return _interpret(text, ais)


def _element_string(s: str) -> dict[str, str] | None:
    out: dict[str, str] = {}
    i = 0
    while i < len(s):
        if s[i] == GS:
            i += 1
            continue
        head = s[i : i + 2]
        if head in _FIXED:
            ai_len, data_len = _FIXED[head]
            ai = s[i : i + ai_len]
            data = s[i + ai_len : i + ai_len + data_len]
            if not _digits(ai) or len(data) != data_len:
                return None
            i += ai_len + data_len
        elif head in _VAR_AI_LEN:
            ai_len = _VAR_AI_LEN[head]
            ai = s[i : i + ai_len]
            end = s.find(GS, i + ai_len)
            end = len(s) if end < 0 else end
            data = s[i + ai_len : end]
            if not _digits(ai) or not data or len(data) > _MAX_VAR:
                return None
            i = end
        else:
            return None
        out[ai] = data
    return out


def _bracketed(s: str) -> dict[str, str] | None:
    parts = re.findall(r"\(([0-9]{2,4})\)([^()]*)", s)
    if not parts or "".join(f"({a}){d}" for a, d in parts) != s.replace(" ", ""):
        return None
    return {a: d for a, d in parts}


def _digital_link(url: str) -> dict[str, str] | None:
    u = urlsplit(url)
    segs = [unquote(x) for x in u.path.split("/") if x]
    try:
        at = segs.index("01")
    except ValueError:
        return None
    path = segs[at:]
    if len(path) % 2:
        return None
    out = {path[k]: path[k + 1] for k in range(0, len(path), 2) if _digits(path[k])}
    out.update({k: v for k, v in parse_qsl(u.query) if _digits(k)})
    return out


def _yymmdd(s: str) -> date | None:
    if not re.fullmatch(r"[0-9]{6}", s):
        return None
    yy, mm, dd = int(s[:2]), int(s[2:4]), int(s[4:])
    year = 2000 + yy if yy < 51 else 1900 + yy  # GS1 GenSpecs 7.12 (simplified: -49..+50 years of 2000)
    if dd == 0:  # "00" day means the last day of the month
        dd = calendar.monthrange(year, mm)[1] if 1 <= mm <= 12 else 0
    try:
        return date(year, mm, dd)
    except ValueError:
        return None


def _interpret(text: str, ais: dict[str, str]) -> GS1Data | GS1Error:
    gtin = ais["01"]
    if not re.fullmatch(r"[0-9]{14}", gtin) or not is_valid_gtin(gtin):
        return GS1Error(text[:64], _BAD_GTIN)
    weight = next(((k, v) for k, v in ais.items() if re.fullmatch(r"310[0-9]", k)), None)
    price = next(((k, v) for k, v in ais.items() if re.fullmatch(r"392[0-9]", k)), None)
    weight_g = None
    if weight is not None and _digits(weight[1]):
        decimals = int(weight[0][3])
        grams_scaled = int(weight[1]) * 1000  # kg * 10^decimals * 1000
        weight_g = grams_scaled // 10**decimals
    return GS1Data(
        gtin=gtin,
        batch=ais.get("10"),
        serial=ais.get("21"),
        expiry=_yymmdd(ais.get("17", "")),
        best_before=_yymmdd(ais.get("15", "")),
        weight_g=weight_g,
        price=(int(price[1]), int(price[0][3])) if price is not None and _digits(price[1]) else None,
        ais=dict(ais),
    )
