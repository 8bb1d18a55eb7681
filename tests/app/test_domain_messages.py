"""The domain's error messages reach a person in their language: pos/ raises a template and its values,
the service passes them on in its Result, and the window (here app.i18n.Catalog, which reads the same
.ts files) translates them in the "app" context (issue 20)."""

from __future__ import annotations

from app.i18n import Catalog
from app.messages import said
from pos.cart import Cart
from pos.errors import DomainError, InvalidDataError, TooManyDecimalsError, UnknownTaxCodeError
from tests.app.conftest import barcodes

IT, PT, JA = Catalog.load("it_IT"), Catalog.load("pt_PT"), Catalog.load("ja_JP")


def test_a_checkout_error_is_read_in_italian_and_japanese_through_the_service_s_result(sell, shop):
    assert sell.scan(barcodes(shop, 1)[0]).ok
    short = sell.pay_cash(1)
    assert not short.ok
    assert short.message.template == "That is {short} short of the amount due in cash."
    amount = short.message.params["short"]  # formatted by the domain for the store's locale, as before
    assert str(short.message) == f"That is {amount} short of the amount due in cash."
    assert IT.say(short.message) == f"Mancano {amount} all'importo dovuto in contanti."
    assert JA.say(short.message) == f"現金でのお支払いに {amount} 足りません。"

    gone = sell.set_quantity("no-such-line", 2)
    assert str(gone.message) == "That line is no longer in the sale (line 'no-such-line')."
    assert IT.say(gone.message) == "Quella riga non è più nella vendita (riga 'no-such-line')."


def test_an_error_inside_a_service_sentence_is_translated_with_it(sell):
    refused = sell.parse_discount("150%")
    assert IT.say(refused.message) == (
        "Non è uno sconto. Uno sconto non può superare il 100% (richiesto: 150%)."
    ), IT.say(refused.message)
    assert (
        str(refused.message)
        == "That is not a discount. A discount cannot be more than 100% (asked for 150%)."
    )


def test_an_error_carrying_an_error_says_both_and_amounts_stay_money_for_the_reader():
    config = _config()
    broken = Cart(config, cart_id="c1").to_dict()
    broken["lines"] = [
        {
            "line_id": "L1",
            "sku": "A",
            "description": "Tea",
            "quantity": 1,
            "unit_price": 100,
            "tax_code": "NO",
        }
    ]
    try:
        Cart.from_dict(broken, config)
    except InvalidDataError as e:
        error = e
    assert isinstance(error.params["why"], UnknownTaxCodeError)  # the cause, not its English text
    assert str(error) == (
        "The saved sale could not be restored (Unknown tax code 'NO': this store has no such tax rate. "
        "Known tax codes: STD.)."
    )
    assert IT.say(said(error)) == (
        "Non è stato possibile ripristinare la vendita salvata (Codice IVA sconosciuto 'NO': questo negozio "
        "non ha questa aliquota. Codici IVA noti: STD.)."
    )


def test_a_domain_error_made_in_pos_is_read_in_portuguese_from_its_template_and_values():
    e = TooManyDecimalsError("1.005", "EUR", 2)
    assert (
        PT.say(said(e)) == "O valor 1.005 tem demasiadas casas decimais: EUR tem no máximo 2 casas decimais."
    )


def test_a_sentence_without_values_is_shown_as_it_is_braces_and_all():
    """An error raised with a finished sentence (a store setting, saved data) is not a template: its
    braces are text, in str() and on the screen."""
    e = DomainError("A saved table {'a': 1} could not be read.")
    assert str(e) == "A saved table {'a': 1} could not be read."
    assert str(said(e)) == IT.say(said(e)) == "A saved table {'a': 1} could not be read."
    assert str(said(KeyError("x"))) == "'x'"  # not a domain error: its text as it is


def _config():
    from decimal import Decimal

    from pos.storeconfig import StoreConfig
    from pos.tax import TaxRate

    return StoreConfig(currency="EUR", locale="it_IT", tax_rates=(TaxRate("STD", Decimal(22)),))


def test_a_refused_scan_and_a_refused_member_number_are_read_in_japanese(sell):
    unknown = sell.scan("4006381333931")  # a well-formed EAN-13 the demo catalog does not sell
    assert not unknown.ok
    assert str(unknown.message) == (
        "Barcode 04006381333931 is not in the catalog. Put the item aside and search for it by name."
    ), str(unknown.message)
    assert JA.say(unknown.message) == (
        "バーコード 04006381333931 はカタログにありません。商品を別に置いて、名前で検索してください。"
    )
    typed = sell.attach_member_typed("12a")
    assert IT.say(typed.message) == "Un numero socio contiene solo cifre."


def test_a_card_decline_and_a_payment_error_carrying_a_sentence_are_read_in_italian():
    from app.messages import msg
    from pos.payment import CardDeclined, decline_message

    declined = CardDeclined(decline_message("insufficient_funds"), code="card_declined")
    assert str(declined) == "Card declined: not enough funds. Ask for another card or another way to pay."
    failed = msg("Card payment failed: {error}", error=said(declined))  # as SellService says it
    assert IT.say(failed) == (
        "Pagamento con carta non riuscito: Carta rifiutata: fondi insufficienti. Chiedi un'altra carta o un "
        "altro metodo di pagamento."
    )
    assert str(said(RuntimeError("reader on fire"))) == "reader on fire"  # not a sentence: as it is
