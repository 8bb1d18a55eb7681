"""What a scanned QR text means: signed member tokens, printed card tokens, orders, carts, coupons...

The wire format (the contract with the backend, which signs with the same layout):

- ``"OMO1"`` + RFC 4648 base32 (uppercase, no padding) of ``body || signature``; body is 14 bytes:
  ``b"M" | key_id u8 | member_no u64 BE | expires_at u32 BE`` (app member token, short-lived) or
  ``b"C" | key_id u8 | member_no u64 BE | card_serial u32 BE`` (printed card, revocable);
  signature = Ed25519 over the body (64 bytes). 78 bytes in all -> 129 characters.
- ``OMO:ORDER:<n>[.<secret>]``, ``OMO:CART:<id>``, ``OMO:COUPON:<code>``, ``OMO:GIFT:<number>``,
  ``OMO:RECEIPT:<sale uuid>``, ``OMO:CREDIT:<SC-XXXX-XXXX-XXXX-XXXX>`` (a store credit a return issued)
  (unsigned; looked up at the backend).

Everything else is answered with a :class:`Rejected` whose ``message`` a cashier understands. The parser
never raises on input: malformed, truncated, huge or hostile texts become a :class:`Rejected`.
Verification is offline: the till holds only public keys (from ``GET /v1/keys``) and the revocation list
(from ``GET /v1/revocations``); it holds nothing that could mint a token.
"""

from __future__ import annotations

import base64
import binascii
import enum
import re
import struct
import threading
import time
import uuid
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Literal

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from pos.errors import N_, Sentence

TOKEN_PREFIX = "OMO1"
BODY_LEN = 14
SIG_LEN = 64
TOKEN_BYTES = BODY_LEN + SIG_LEN  # 78
TOKEN_B32_LEN = 125  # ceil(78 * 8 / 5), padding stripped
TOKEN_TEXT_LEN = len(TOKEN_PREFIX) + TOKEN_B32_LEN  # 129
MAX_TEXT_LEN = 512  # anything longer is not ours; refused before any work is done
# A member's app code lives one 60-second step (it rotates like a TOTP); a till accepts it for 30 s more
# (clocks differ), and never one that claims a longer life: a screenshot is stale by the next customer.
APP_CODE_LIFE_S = 60
DEFAULT_SKEW_S = 30

_BODY = struct.Struct(">cBQI")
_B32 = re.compile(r"[A-Z2-7]+")
_REF = re.compile(r"[A-Za-z0-9][A-Za-z0-9_\-]{0,63}")
_ORDER_SECRET = re.compile(r"[A-Za-z0-9_\-]{8,64}")
_MEMBER_NO = re.compile(r"[0-9]{1,20}")


class RejectReason(enum.Enum):
    NOT_UNDERSTOOD = "not_understood"
    TOO_LONG = "too_long"
    MALFORMED = "malformed"
    UNKNOWN_KEY = "unknown_key"
    BAD_SIGNATURE = "bad_signature"
    EXPIRED = "expired"
    REVOKED = "revoked"


MESSAGES: dict[RejectReason, str] = {
    RejectReason.NOT_UNDERSTOOD: Sentence(N_("This is not a code this till understands.")),
    RejectReason.TOO_LONG: Sentence(N_("This is not a code this till understands.")),
    RejectReason.MALFORMED: Sentence(N_("This code is damaged or incomplete. Please scan it again.")),
    RejectReason.UNKNOWN_KEY: Sentence(
        N_(
            "This member code is newer than this till's keys. Check the till is online, then scan again, "
            "or type the member number."
        )
    ),
    RejectReason.BAD_SIGNATURE: Sentence(
        N_("This member code is not genuine. Type the member number instead.")
    ),
    RejectReason.EXPIRED: Sentence(
        N_("This member code has expired. Ask the member to reopen the code in the app.")
    ),
    RejectReason.REVOKED: Sentence(
        N_("This member card has been cancelled. Ask for the app code or a new card.")
    ),
}


# ------------------------------------------------------------------------------------------ results
@dataclass(frozen=True, slots=True)
class MemberCode:
    """A verified member. ``source`` is ``"app"`` (short-lived token), ``"card"`` (printed) or ``"typed"``."""

    member_no: int
    source: Literal["app", "card", "typed"]
    key_id: int | None = None
    expires_at: int | None = None
    card_serial: int | None = None
    kind: Literal["member"] = "member"


@dataclass(frozen=True, slots=True)
class OrderCode:
    order_no: str
    kind: Literal["order"] = "order"


@dataclass(frozen=True, slots=True)
class CartCode:
    cart_id: str
    kind: Literal["cart"] = "cart"


@dataclass(frozen=True, slots=True)
class CouponCode:
    code: str
    kind: Literal["coupon"] = "coupon"


@dataclass(frozen=True, slots=True)
class GiftCardCode:
    number: str
    kind: Literal["gift_card"] = "gift_card"


@dataclass(frozen=True, slots=True)
class ReceiptCode:
    sale_uuid: str
    kind: Literal["receipt"] = "receipt"


@dataclass(frozen=True, slots=True)
class StoreCreditCode:
    code: str  # SC- and four groups of four base32 letters (80 random bits)
    kind: Literal["store_credit"] = "store_credit"


STORE_CREDIT_RE = re.compile(r"SC-[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}")


@dataclass(frozen=True, slots=True)
class Rejected:
    reason: RejectReason
    message: str
    kind: Literal["rejected"] = "rejected"

    @classmethod
    def of(cls, reason: RejectReason) -> Rejected:
        return cls(reason, MESSAGES[reason])


ParsedCode = (
    MemberCode | OrderCode | CartCode | CouponCode | GiftCardCode | ReceiptCode | StoreCreditCode | Rejected
)


# ------------------------------------------------------------------------------------------ keys
def parse_keys_document(doc: object) -> dict[int, Ed25519PublicKey]:
    """``GET /v1/keys`` -> ``{key_id: public key}``. Raises ValueError on a malformed document."""
    if not isinstance(doc, Mapping) or not isinstance(doc.get("keys"), list):
        raise ValueError("keys document must be an object with a 'keys' list")
    keys: dict[int, Ed25519PublicKey] = {}
    for entry in doc["keys"]:
        if not isinstance(entry, Mapping):
            raise ValueError("each key must be an object")
        key_id, b64 = entry.get("key_id"), entry.get("public_key")
        if not isinstance(key_id, int) or isinstance(key_id, bool) or not 0 <= key_id <= 255:
            raise ValueError(f"bad key_id {key_id!r}")
        if not isinstance(b64, str):
            raise ValueError("public_key must be a base64 string")
        try:
            raw = base64.b64decode(b64, validate=True)
        except binascii.Error as exc:
            raise ValueError(f"public_key of key {key_id} is not base64") from exc
        if len(raw) != 32:
            raise ValueError(f"public_key of key {key_id} must be 32 bytes")
        keys[key_id] = Ed25519PublicKey.from_public_bytes(raw)
    return keys


def parse_revocations_document(doc: object) -> frozenset[tuple[int, int]]:
    """``GET /v1/revocations`` -> ``{(member_no, card_serial)}``. Raises ValueError when malformed."""
    if not isinstance(doc, Mapping) or not isinstance(doc.get("cards"), list):
        raise ValueError("revocations document must be an object with a 'cards' list")
    out: set[tuple[int, int]] = set()
    for entry in doc["cards"]:
        if not isinstance(entry, Mapping):
            raise ValueError("each revoked card must be an object")
        m, s = entry.get("member_no"), entry.get("card_serial")
        if not all(isinstance(v, int) and not isinstance(v, bool) and v >= 0 for v in (m, s)):
            raise ValueError(f"bad revoked card {entry!r}")
        out.add((m, s))
    return frozenset(out)


def public_key_b64(key: Ed25519PrivateKey | Ed25519PublicKey) -> str:
    """The raw 32-byte public key as base64 (the ``/v1/keys`` form)."""
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    pub = key.public_key() if isinstance(key, Ed25519PrivateKey) else key
    return base64.b64encode(pub.public_bytes(Encoding.Raw, PublicFormat.Raw)).decode("ascii")


# ------------------------------------------------------------------------------------------ encoding
def _encode(body: bytes, private_key: Ed25519PrivateKey) -> str:
    sig = private_key.sign(body)
    return TOKEN_PREFIX + base64.b32encode(body + sig).decode("ascii").rstrip("=")


def encode_member_token(private_key: Ed25519PrivateKey, key_id: int, member_no: int, expires_at: int) -> str:
    """A short-lived app member token (what the backend issues; used by tests and the demo)."""
    return _encode(_BODY.pack(b"M", key_id, member_no, expires_at), private_key)


def encode_card_token(private_key: Ed25519PrivateKey, key_id: int, member_no: int, card_serial: int) -> str:
    """A long-lived printed-card token (what the backend issues; used by tests and the demo)."""
    return _encode(_BODY.pack(b"C", key_id, member_no, card_serial), private_key)


# ------------------------------------------------------------------------------------------ parsing
class CodeParser:
    """Turns a scanned text into a :class:`ParsedCode`. Thread-safe; keys and revocations can be swapped
    at any time (the sync worker refreshes them) with :meth:`set_keys` and :meth:`set_revocations`."""

    def __init__(
        self,
        keys: Mapping[int, Ed25519PublicKey] | None = None,
        revoked: Iterable[tuple[int, int]] = (),
        *,
        skew_s: int = DEFAULT_SKEW_S,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._lock = threading.Lock()
        self._keys: dict[int, Ed25519PublicKey] = dict(keys or {})
        self._revoked: frozenset[tuple[int, int]] = frozenset(revoked)
        self.skew_s = skew_s
        self._clock = clock

    @classmethod
    def from_documents(cls, keys_doc: object, revocations_doc: object | None = None, **kwargs) -> CodeParser:
        """From the bodies of ``GET /v1/keys`` and ``GET /v1/revocations`` (ValueError if malformed)."""
        revoked = parse_revocations_document(revocations_doc) if revocations_doc is not None else frozenset()
        return cls(parse_keys_document(keys_doc), revoked, **kwargs)

    def set_keys(self, keys: Mapping[int, Ed25519PublicKey]) -> None:
        with self._lock:
            self._keys = dict(keys)

    def set_revocations(self, revoked: Iterable[tuple[int, int]]) -> None:
        with self._lock:
            self._revoked = frozenset(revoked)

    def parse(self, text: object) -> ParsedCode:
        """Never raises: anything unexpected becomes a :class:`Rejected`."""
        try:
            return self._parse(text)
        except Exception:  # defensive: a hostile payload must never take the till down
            return Rejected.of(RejectReason.MALFORMED)

    def _parse(self, text: object) -> ParsedCode:
        if isinstance(text, bytes | bytearray):
            if len(text) > MAX_TEXT_LEN:
                return Rejected.of(RejectReason.TOO_LONG)
            try:
                text = bytes(text).decode("utf-8")
            except UnicodeDecodeError:
                return Rejected.of(RejectReason.NOT_UNDERSTOOD)
        if not isinstance(text, str):
            return Rejected.of(RejectReason.NOT_UNDERSTOOD)
        if len(text) > MAX_TEXT_LEN:
            return Rejected.of(RejectReason.TOO_LONG)
        text = text.strip()
        if text.startswith(TOKEN_PREFIX):
            return self._token(text[len(TOKEN_PREFIX) :])
        if text.startswith("OMO:"):
            return _reference(text[4:])
        return Rejected.of(RejectReason.NOT_UNDERSTOOD)

    def _token(self, b32: str) -> ParsedCode:
        if len(b32) != TOKEN_B32_LEN or not _B32.fullmatch(b32):
            return Rejected.of(RejectReason.MALFORMED)
        try:
            raw = base64.b32decode(b32 + "=" * (-len(b32) % 8))
        except binascii.Error:
            return Rejected.of(RejectReason.MALFORMED)
        if len(raw) != TOKEN_BYTES:
            return Rejected.of(RejectReason.MALFORMED)
        body, sig = raw[:BODY_LEN], raw[BODY_LEN:]
        kind, key_id, member_no, last = _BODY.unpack(body)
        if kind not in (b"M", b"C"):
            return Rejected.of(RejectReason.NOT_UNDERSTOOD)
        with self._lock:
            key = self._keys.get(key_id)
            revoked = self._revoked
        if key is None:
            return Rejected.of(RejectReason.UNKNOWN_KEY)
        try:
            key.verify(sig, body)
        except InvalidSignature:
            return Rejected.of(RejectReason.BAD_SIGNATURE)
        if kind == b"M":
            now = self._clock()
            if now > last + self.skew_s or last > now + APP_CODE_LIFE_S + self.skew_s:
                return Rejected.of(RejectReason.EXPIRED)
            return MemberCode(member_no, "app", key_id=key_id, expires_at=last)
        if (member_no, last) in revoked:
            return Rejected.of(RejectReason.REVOKED)
        return MemberCode(member_no, "card", key_id=key_id, card_serial=last)


def _reference(rest: str) -> ParsedCode:
    kind, sep, value = rest.partition(":")
    if not sep:
        return Rejected.of(RejectReason.NOT_UNDERSTOOD)
    if kind == "RECEIPT":
        try:
            parsed = uuid.UUID(value)
        except ValueError:
            return Rejected.of(RejectReason.MALFORMED)
        if str(parsed) != value.lower():
            return Rejected.of(RejectReason.MALFORMED)
        return ReceiptCode(str(parsed))
    if kind == "CREDIT":
        code = value.upper()
        return (
            StoreCreditCode(code) if STORE_CREDIT_RE.fullmatch(code) else Rejected.of(RejectReason.MALFORMED)
        )
    if kind == "ORDER":  # OMO:ORDER:<number>[.<secret>]: the secret shows the order's contents (backend)
        number, dot, secret = value.partition(".")
        if not _REF.fullmatch(number) or (dot and not _ORDER_SECRET.fullmatch(secret)):
            return Rejected.of(RejectReason.MALFORMED)
        return OrderCode(number)
    factory = {"ORDER": OrderCode, "CART": CartCode, "COUPON": CouponCode, "GIFT": GiftCardCode}.get(kind)
    if factory is None:
        return Rejected.of(RejectReason.NOT_UNDERSTOOD)
    if not _REF.fullmatch(value):
        return Rejected.of(RejectReason.MALFORMED)
    return factory(value)


def parse_typed_member(text: str) -> MemberCode | Rejected:
    """A member number typed by hand (decimal), e.g. when the camera is unavailable."""
    text = text.strip() if isinstance(text, str) else ""
    if not _MEMBER_NO.fullmatch(text):
        return Rejected(RejectReason.MALFORMED, Sentence(N_("A member number has only digits.")))
    n = int(text)
    if n >= 2**64:
        return Rejected(RejectReason.MALFORMED, Sentence(N_("This member number is too long.")))
    return MemberCode(n, "typed")
