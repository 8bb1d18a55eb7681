"""Store credit as a tender: a code a return issued (printed with its QR, `OMO:CREDIT:<code>`), spent in
any store. The backend keeps the ledger and spends each amount once; the till writes ahead.

    credits = StoreCredits(shop)
    credits.use(sell, "SC-ABCD-EFGH-IJKL-MNOP")   # Result: part payment, or the sale completed
    credits.give_back(sale_uuid, tender)           # the sale it paid was voided: back onto the code
    credits.settle(open_sale_uuid)                 # at start: what a stop left half-done goes back

1. The redemption is recorded on the till (``asked``) with a new redemption id.
2. The backend spends it (`redeem_credit`, keyed by that id: asking again never spends twice).
3. It is recorded ``redeemed`` and taken as a tender of the open sale.
A sale that is not completed gives it back (``released``); so does `settle` for a redemption whose sale
is neither recorded nor open any more (the till stopped between two steps).
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import replace
from typing import Any

from app.messages import QT_TRANSLATE_NOOP, msg, said
from app.results import Result, failed, refused
from pos.documents import Tender
from pos.sync_ports import BackendNotFound, BackendRefused, BackendUnavailable
from sync.store.returns import Redemption

log = logging.getLogger("app.credit")

C = "app"


class StoreCredits:
    def __init__(self, shop: Any) -> None:
        self.shop = shop
        self.records = shop.records

    @property
    def backend(self) -> Any:
        return self.shop.sync_engine

    def use(self, sell: Any, code: str) -> Result:
        """Blocking (the backend): spend what the open sale still owes, or the whole credit if less."""
        view = sell.view()
        if view.is_empty:
            return refused(msg(QT_TRANSLATE_NOOP(C, "Scan the items first, then the store credit.")))
        if self.backend is None:
            return refused(msg(QT_TRANSLATE_NOOP(C, "Store credit needs the backend; this till has none.")))
        if any(r.code == code and r.state == "redeemed" for r in self.records.redemptions(view.sale_uuid)):
            return refused(msg(QT_TRANSLATE_NOOP(C, "This store credit is already on the sale.")))
        try:
            credit = self.backend.store_credit(code)
        except BackendNotFound:
            return refused(
                msg(
                    QT_TRANSLATE_NOOP(
                        C,
                        "Store credit {code} is not known (a credit issued offline works once its "
                        "till synced).",
                    ),
                    code=code,
                )
            )
        except BackendUnavailable as e:
            return self._offline(e)
        if credit.currency != self.shop.config.currency:
            return refused(
                msg(QT_TRANSLATE_NOOP(C, "This store credit is in {currency}."), currency=credit.currency)
            )
        amount = min(credit.balance, view.due)
        if amount <= 0:
            return refused(msg(QT_TRANSLATE_NOOP(C, "Nothing is left on store credit {code}."), code=code))
        rid = str(uuid.uuid4())
        self.records.ask_redemption(Redemption(rid, view.sale_uuid, code, amount, "asked"))
        try:
            spent = self.backend.redeem_credit(code, rid, amount, credit.currency, view.sale_uuid)
        except BackendRefused as e:
            self.records.set_redemption(rid, "released")
            return refused(msg(QT_TRANSLATE_NOOP(C, "The store credit was refused: {why}."), why=said(e)))
        except (BackendNotFound, BackendUnavailable) as e:  # it may have been spent: `settle` gives it back
            return self._offline(e)
        self.records.set_redemption(rid, "redeemed")
        result = sell.pay_with_credit(Tender("store_credit", amount, reference=code))
        if not result.ok:
            self._release(code, rid)
            return result
        if result.value is None:  # a part payment: the sale goes on
            return replace(
                result,
                message=msg(
                    QT_TRANSLATE_NOOP(
                        C, "Store credit: {amount} taken ({left} left on it). Take the rest: {rest}."
                    ),
                    amount=self.shop.fmt(amount),
                    left=self.shop.fmt(spent.balance),
                    rest=self.shop.fmt(view.due - amount),
                ),
            )
        return result

    def _offline(self, e: Exception) -> Result:
        return failed(
            msg(
                QT_TRANSLATE_NOOP(
                    C,
                    "The backend cannot be reached ({error}): store credit cannot be used now. Take "
                    "another tender.",
                ),
                error=said(e),
            )
        )

    def _release(self, code: str, rid: str) -> bool:
        try:
            self.backend.release_credit(code, rid)
        except BackendNotFound:
            pass  # never spent at the backend
        except (BackendRefused, BackendUnavailable) as e:
            log.warning("store credit redemption %s not given back yet: %s", rid, e)
            return False
        self.records.set_redemption(rid, "released")
        return True

    def give_back(self, sale_uuid: str, tender: Tender) -> None:
        """The sale this credit paid part of was voided: the amount goes back onto the code."""
        for r in self.records.redemptions(sale_uuid):
            if r.code == tender.reference and r.state in ("asked", "redeemed"):
                self._release(r.code, r.redemption_id)

    def settle(self, open_sale_uuid: str | None, on_sale: frozenset[str] = frozenset()) -> int:
        """Blocking: a redemption goes back when its sale is not recorded and it is not a tender of the open
        sale (`on_sale`: the codes on it) — the till stopped between spending a credit and taking it, or
        the sale went. Returns how many were given back."""
        if self.backend is None:
            return 0
        given = 0
        for r in self.records.redemptions():
            if (r.sale_uuid == open_sale_uuid and r.code in on_sale and r.state == "redeemed") or (
                self.records.sale_recorded(r.sale_uuid)
            ):
                continue
            given += self._release(r.code, r.redemption_id)
        return given


__all__ = ["StoreCredits"]
