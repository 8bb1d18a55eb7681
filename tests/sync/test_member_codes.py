"""End to end: tokens the backend signs verify in the till's parser (pos/codes.py) with the keys and the
revocation list the sync engine pulled — the pos/codes.py format on both sides."""

from __future__ import annotations

from pos.codes import CodeParser, MemberCode, Rejected, parse_keys_document, parse_revocations_document
from tests.sync.conftest import wait_until


def test_backend_tokens_verify_offline_with_pulled_keys_and_revocations(backend, store, make_engine):
    eng = make_engine(backend.url, catalog_interval_s=3600)
    eng.start()
    wait_until(lambda: eng.member_keys()[0])
    keys, cards = eng.member_keys()
    parser = CodeParser(parse_keys_document({"keys": keys}), parse_revocations_document({"cards": cards}))

    app = parser.parse(backend.member_qr(1001))
    assert isinstance(app, MemberCode) and (app.member_no, app.source) == (1001, "app")
    card_text = backend.member_qr(1004, "card")
    card = parser.parse(card_text)
    assert isinstance(card, MemberCode) and (card.member_no, card.source) == (1004, "card")

    backend.revoke_card(1004, card.card_serial)
    eng.request_catalog_sync()  # keys and revocations are refreshed with the catalog
    wait_until(lambda: eng.member_keys()[1])
    keys, cards = eng.member_keys()
    parser.set_revocations(parse_revocations_document({"cards": cards}))
    assert isinstance(parser.parse(card_text), Rejected)
    assert isinstance(parser.parse(backend.member_qr(1001)), MemberCode)
