"""pos.codes: the member/card token contract, reference payloads, and hostile input."""

from __future__ import annotations

import base64
import uuid

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import given, settings
from hypothesis import strategies as st

from pos import codes
from pos.codes import (
    CartCode,
    CodeParser,
    CouponCode,
    GiftCardCode,
    MemberCode,
    OrderCode,
    ReceiptCode,
    Rejected,
    RejectReason,
)

NOW = 1_800_000_000
KEY = Ed25519PrivateKey.from_private_bytes(bytes(range(32)))
OTHER = Ed25519PrivateKey.from_private_bytes(bytes(range(1, 33)))


def parser(revoked=(), now=NOW, keys=None):
    doc = {"keys": [{"key_id": 3, "public_key": codes.public_key_b64(KEY)}]}
    return CodeParser(
        keys if keys is not None else codes.parse_keys_document(doc), revoked, clock=lambda: now
    )


def test_member_token_has_the_contract_shape():
    text = codes.encode_member_token(KEY, 3, 1234567, NOW + 60)
    assert len(text) == 129 and text.startswith("OMO1")
    assert text == text.upper() and "=" not in text
    raw = base64.b32decode(text[4:] + "===")
    assert raw[:14] == b"M" + bytes([3]) + (1234567).to_bytes(8, "big") + (NOW + 60).to_bytes(4, "big")
    KEY.public_key().verify(raw[14:], raw[:14])  # Ed25519 over the body, as the backend signs it


def test_valid_member_token():
    text = codes.encode_member_token(KEY, 3, 42, NOW + 60)
    assert parser().parse(text) == MemberCode(42, "app", key_id=3, expires_at=NOW + 60)


@pytest.mark.parametrize(
    ("expires_at", "ok"),
    [
        (NOW - 1, True),
        (NOW - 30, True),
        (NOW - 31, False),
        (NOW - 3600, False),
        (NOW + 90, True),  # a code of the next 60-second step, from a clock 30 s ahead
        (NOW + 91, False),  # no app code lives longer
        (NOW + 86400, False),
    ],
)
def test_expiry_with_skew_allowance(expires_at, ok):
    result = parser().parse(codes.encode_member_token(KEY, 3, 42, expires_at))
    if ok:
        assert isinstance(result, MemberCode)
    else:
        assert result == Rejected.of(RejectReason.EXPIRED)
        assert "expired" in result.message


def test_skew_is_configurable():
    p = parser()
    p.skew_s = 0
    assert p.parse(codes.encode_member_token(KEY, 3, 42, NOW - 1)).reason is RejectReason.EXPIRED


def test_wrong_key_is_rejected():
    text = codes.encode_member_token(OTHER, 3, 42, NOW + 60)
    assert parser().parse(text).reason is RejectReason.BAD_SIGNATURE


def test_unknown_key_id_is_rejected():
    text = codes.encode_member_token(KEY, 9, 42, NOW + 60)
    assert parser().parse(text).reason is RejectReason.UNKNOWN_KEY


def test_tampered_body_is_rejected():
    text = codes.encode_member_token(KEY, 3, 42, NOW + 60)
    raw = bytearray(base64.b32decode(text[4:] + "==="))
    raw[10] ^= 0x01  # member number changed after signing
    forged = "OMO1" + base64.b32encode(bytes(raw)).decode().rstrip("=")
    assert parser().parse(forged).reason is RejectReason.BAD_SIGNATURE


def test_card_token_valid_and_revoked():
    text = codes.encode_card_token(KEY, 3, 77, 5)
    assert parser().parse(text) == MemberCode(77, "card", key_id=3, card_serial=5)
    assert parser(revoked={(77, 5)}).parse(text).reason is RejectReason.REVOKED
    # another serial of the same member stays valid (the new card replaced the cancelled one)
    assert isinstance(parser(revoked={(77, 4)}).parse(text), MemberCode)


def test_card_tokens_do_not_expire():
    text = codes.encode_card_token(KEY, 3, 77, 0)
    assert isinstance(parser(now=2**32 + 10).parse(text), MemberCode)


def test_revocations_and_keys_can_be_swapped():
    p = parser()
    text = codes.encode_card_token(KEY, 3, 77, 5)
    p.set_revocations(codes.parse_revocations_document({"cards": [{"member_no": 77, "card_serial": 5}]}))
    assert p.parse(text).reason is RejectReason.REVOKED
    p.set_keys({})
    assert p.parse(codes.encode_member_token(KEY, 3, 1, NOW)).reason is RejectReason.UNKNOWN_KEY


def test_parser_from_the_backend_documents():
    keys = {"keys": [{"key_id": 3, "public_key": codes.public_key_b64(KEY)}]}
    revocations = {"cards": [{"member_no": 77, "card_serial": 5}]}
    p = CodeParser.from_documents(keys, revocations, clock=lambda: NOW)
    assert p.parse(codes.encode_member_token(KEY, 3, 9, NOW)) == MemberCode(
        9, "app", key_id=3, expires_at=NOW
    )
    assert p.parse(codes.encode_card_token(KEY, 3, 77, 5)).reason is RejectReason.REVOKED


def test_reference_payloads():
    p = parser()
    sale = str(uuid.uuid4())
    assert p.parse("OMO:ORDER:W-100234") == OrderCode("W-100234")
    assert p.parse("OMO:CART:c_8f3a") == CartCode("c_8f3a")
    assert p.parse("OMO:COUPON:SPRING25") == CouponCode("SPRING25")
    assert p.parse("OMO:GIFT:6006491234567890") == GiftCardCode("6006491234567890")
    assert p.parse(f"OMO:RECEIPT:{sale}") == ReceiptCode(sale)
    assert p.parse("OMO:RECEIPT:not-a-uuid").reason is RejectReason.MALFORMED
    assert p.parse("OMO:ORDER:").reason is RejectReason.MALFORMED
    assert p.parse("OMO:ORDER:a b").reason is RejectReason.MALFORMED
    # an order's QR carries the secret that shows its contents at the backend
    assert p.parse("OMO:ORDER:600001.xLuGw9HEJxA8NExB") == OrderCode("600001")
    assert p.parse("OMO:ORDER:600001.short").reason is RejectReason.MALFORMED
    assert p.parse("OMO:ORDER:.xLuGw9HEJxA8NExB").reason is RejectReason.MALFORMED


@pytest.mark.parametrize(
    "text",
    ["https://example.com", "hello", "", "4006381333931", "OMO:PIZZA:1", "OMO2ABC", "WIFI:S:x;;", "OMO:"],
)
def test_anything_else_is_not_understood(text):
    result = parser().parse(text)
    assert result.reason is RejectReason.NOT_UNDERSTOOD
    assert result.message == "This is not a code this till understands."


def test_truncated_and_huge_tokens():
    text = codes.encode_member_token(KEY, 3, 42, NOW + 60)
    for bad in (text[:-1], text[:60], text + "A", text[:-1] + "1", text[:10] + "a" + text[11:]):
        assert parser().parse(bad).reason is RejectReason.MALFORMED, bad
    assert parser().parse("OMO1" + "A" * 10_000_000).reason is RejectReason.TOO_LONG
    assert parser().parse(b"\xff\xfe").reason is RejectReason.NOT_UNDERSTOOD
    assert parser().parse(None).reason is RejectReason.NOT_UNDERSTOOD


def test_unknown_kind_byte_is_not_understood():
    body = b"X" + bytes([3]) + (1).to_bytes(8, "big") + (NOW).to_bytes(4, "big")
    text = "OMO1" + base64.b32encode(body + KEY.sign(body)).decode().rstrip("=")
    assert parser().parse(text).reason is RejectReason.NOT_UNDERSTOOD


def test_typed_member_number():
    assert codes.parse_typed_member(" 001234 ") == MemberCode(1234, "typed")
    assert codes.parse_typed_member("12a").reason is RejectReason.MALFORMED
    assert codes.parse_typed_member("9" * 21).reason is RejectReason.MALFORMED
    assert codes.parse_typed_member(str(2**64)).reason is RejectReason.MALFORMED


@pytest.mark.parametrize(
    "doc",
    [
        None,
        {},
        {"keys": "x"},
        {"keys": [{"key_id": 1, "public_key": "!!"}]},
        {"keys": [{"key_id": 1, "public_key": base64.b64encode(b"short").decode()}]},
        {"keys": [{"key_id": 300, "public_key": codes.public_key_b64(KEY)}]},
        {"keys": [{"key_id": True, "public_key": codes.public_key_b64(KEY)}]},
    ],
)
def test_bad_keys_documents_raise_value_error(doc):
    with pytest.raises(ValueError):
        codes.parse_keys_document(doc)


def test_bad_revocations_document_raises_value_error():
    with pytest.raises(ValueError):
        codes.parse_revocations_document({"cards": [{"member_no": -1, "card_serial": 1}]})


# ------------------------------------------------------------------------------------------ fuzzing
_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567=:-_ OMOabc019\x00\n\u202e\ufeff"


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=300), st.text(alphabet=_ALPHABET, max_size=300), st.binary(max_size=300)))
def test_parser_never_raises(text):
    result = parser().parse(text)
    assert result.kind in {"member", "order", "cart", "coupon", "gift_card", "receipt", "rejected"}
    if isinstance(result, Rejected):
        assert result.message


@settings(max_examples=200, deadline=None)
@given(st.integers(0, 77), st.integers(0, 255))
def test_any_single_bit_flip_of_a_token_is_never_accepted_as_another_member(pos, bit):
    text = codes.encode_member_token(KEY, 3, 42, NOW + 60)
    raw = bytearray(base64.b32decode(text[4:] + "==="))
    raw[pos] ^= 1 << (bit % 8)
    forged = "OMO1" + base64.b32encode(bytes(raw)).decode().rstrip("=")
    result = parser().parse(forged)
    assert isinstance(result, Rejected)


@settings(max_examples=100, deadline=None)
@given(st.integers(0, 2**64 - 1), st.integers(0, 2**32 - 1), st.integers(0, 255))
def test_round_trip_any_member(member_no, serial, key_id):
    keys = {key_id: KEY.public_key()}
    p = CodeParser(keys, clock=lambda: 0)
    assert p.parse(codes.encode_card_token(KEY, key_id, member_no, serial)) == MemberCode(
        member_no, "card", key_id=key_id, card_serial=serial
    )
