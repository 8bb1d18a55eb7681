"""Member QR tokens, signed with Ed25519, encoded exactly as pos/codes.py specifies.

QR text = "OMO1" + base32(body || signature), RFC 4648 uppercase, no "=" padding.
- app token  body (14 bytes): b"M" | key_id u8 | member_no u64 BE | expires_at u32 BE (unix seconds)
- card token body (14 bytes): b"C" | key_id u8 | member_no u64 BE | card_serial u32 BE
signature = Ed25519 over body (64 bytes); 78 bytes in all, 129 characters of text.
"""

from __future__ import annotations

import base64
import struct
from dataclasses import dataclass

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat, PublicFormat

PREFIX = "OMO1"
_BODY = struct.Struct(">cBQI")


@dataclass(frozen=True)
class SigningKey:
    key_id: int
    private: Ed25519PrivateKey

    @classmethod
    def generate(cls, key_id: int) -> SigningKey:
        return cls(key_id, Ed25519PrivateKey.generate())

    @classmethod
    def from_raw(cls, key_id: int, raw: bytes) -> SigningKey:
        return cls(key_id, Ed25519PrivateKey.from_private_bytes(raw))

    def private_raw(self) -> bytes:
        return self.private.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())

    def public_raw(self) -> bytes:
        return self.private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)

    def public_b64(self) -> str:
        return base64.b64encode(self.public_raw()).decode("ascii")


def _encode(kind: bytes, key: SigningKey, member_no: int, tail: int) -> str:
    if not 0 <= key.key_id <= 0xFF:
        raise ValueError("key_id must fit in one byte")
    if not 0 < member_no <= 0xFFFF_FFFF_FFFF_FFFF:
        raise ValueError("member_no must fit in 64 bits")
    if not 0 <= tail <= 0xFFFF_FFFF:
        raise ValueError("expires_at / card_serial must fit in 32 bits")
    body = _BODY.pack(kind, key.key_id, member_no, tail)
    sig = key.private.sign(body)
    return PREFIX + base64.b32encode(body + sig).decode("ascii").rstrip("=")


def encode_app_token(key: SigningKey, member_no: int, expires_at: int) -> str:
    """The short-lived token a member's app shows."""
    return _encode(b"M", key, member_no, expires_at)


def encode_card_token(key: SigningKey, member_no: int, card_serial: int) -> str:
    """The long-lived token printed on a member card (revocable by serial)."""
    return _encode(b"C", key, member_no, card_serial)


@dataclass(frozen=True)
class DecodedToken:
    kind: str  # "M" or "C"
    key_id: int
    member_no: int
    value: int  # expires_at for "M", card_serial for "C"


def decode_and_verify(text: str, public_keys: dict[int, bytes]) -> DecodedToken:
    """Reference decoder used by the backend's own tests (the till's parser lives in pos/codes.py)."""
    if not text.startswith(PREFIX):
        raise ValueError("not an OMO1 token")
    b32 = text[len(PREFIX) :]
    raw = base64.b32decode(b32 + "=" * (-len(b32) % 8))
    if len(raw) != 78:
        raise ValueError("wrong length")
    body, sig = raw[:14], raw[14:]
    kind, key_id, member_no, value = _BODY.unpack(body)
    pub = public_keys.get(key_id)
    if pub is None:
        raise ValueError("unknown key")
    Ed25519PublicKey.from_public_bytes(pub).verify(sig, body)
    return DecodedToken(kind.decode("ascii"), key_id, member_no, value)
