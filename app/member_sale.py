"""A member's sale, the part of `app.sell.SellService` that needs the backend's loyalty ledgers (Qt-free).

- The member's coupons and the store's promotions apply to the cart automatically when the member is
  attached (`load_offers`, after `refresh_member`); each is listed (`offers`) and the cashier takes one off
  or puts it back (`remove_offer`, `restore_offer`: audited).
- Before any money is taken, the coupons on the sale are claimed at the backend's coupon ledger
  (`claim_coupons`): a coupon used by another till or the web since, or one that cannot be checked
  because the backend is unreachable, is taken off the sale and the cashier is told the new total
  before anything is charged. A voided sale gives its claims back (`release_coupons`).
- A customer's shared cart (`load_shared_cart`, their app's or digital signage's QR) loads into the sale,
  with what is not sold here, out of stock here or priced differently here listed (`pos.shared_cart`).
- Points pay as a tender at the programme's rate (`pay_points`, whole steps), alone or in a split. Online,
  the balance is read from the backend first; offline, only up to `members.offline_redeem_points`
  (default 0: off) and within the cached balance. The backend recomputes every redemption from the sale
  and refuses one the member's balance does not cover.

Blocking methods (network, the journal): a window runs them on a worker.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from app.messages import QT_TRANSLATE_NOOP, msg, said
from app.results import Result, done, refused
from pos.checkout import MemberOnSale
from pos.errors import DomainError
from pos.offers import Offer, from_coupon, from_promotion
from pos.shared_cart import plan_cart
from pos.sync_ports import BackendNotFound, BackendUnavailable, CouponUsed

if TYPE_CHECKING:  # pragma: no cover
    from pos.checkout import Checkout

log = logging.getLogger("app.member_sale")

C = "app"


@dataclass(frozen=True)
class OfferView:
    """A coupon or promotion this sale could have: ``applied`` says whether it is on the sale now."""

    code: str
    kind: str  # "coupon" | "promotion"
    name: str
    amount: int  # what it takes off the sale now (0 when taken off or when nothing in the cart qualifies)
    applied: bool


class MemberSaleMixin:
    """Mixed into `SellService`: uses its lock, checkout, shop, staff and checks."""

    co: Checkout
    shop: Any
    staff: Any
    _lock: Any

    if TYPE_CHECKING:  # pragma: no cover - SellService provides these

        def _check(self) -> Result | None: ...
        def pay_with_credit(self, tender: Any) -> Result: ...

    # ------------------------------------------------------------------ coupons and promotions
    def load_offers(self) -> Result:
        """Blocking (network): the store's promotions and the attached member's coupons, applied to the
        cart. Without the backend the sale goes on without them (nothing is guessed)."""
        engine = self.shop.sync_engine
        with self._lock:
            member, sale = self.co.member, self.co.sale_uuid
        if engine is None:
            return done()
        promotions: list[Offer] | None = None  # None: not read now (the sale keeps what it has)
        coupons: tuple[Offer, ...] | None = None
        try:
            promotions = [o for p in engine.promotions() if (o := from_promotion(p)) is not None]
            if member is not None:
                profile = engine.member_profile(member.member_no)
                coupons = tuple(
                    from_coupon(
                        c.code,
                        c.title,
                        percent_off_bp=c.percent_off_bp,
                        amount_off=c.amount_off,
                        expires_at=c.expires_at,
                    )
                    for c in profile.coupons
                )
        except (BackendUnavailable, BackendNotFound, DomainError) as e:
            log.info("offers unavailable: %s", type(e).__name__)
        with self._lock:
            if self.co.sale_uuid != sale or self.co.tenders:
                return done()
            if promotions is not None:
                self.co.set_promotions(tuple(promotions))
            now = self.co.member
            if (
                coupons is not None
                and now is not None
                and member is not None
                and now.member_no == member.member_no
            ):
                self.co.attach_member(self.co.member, coupons)
        return done(value=self.offers())

    def offers(self) -> list[OfferView]:
        """Every coupon and promotion this sale could have, applied or taken off."""
        with self._lock:
            applied = {a.offer.code: a.amount for a in self.co.cart.totals.offers}
            return [
                OfferView(
                    o.code, o.kind, o.name, applied.get(o.code, 0), o.code not in self.co.removed_offers
                )
                for o in self.co.candidate_offers()
            ]

    def remove_offer(self, code: str) -> Result:
        """Take a coupon or promotion off the sale (a member keeps the coupon for another time)."""
        return self._offer_change(lambda actor: self.co.remove_offer(code, actor=actor))

    def restore_offer(self, code: str) -> Result:
        return self._offer_change(lambda actor: self.co.restore_offer(code, actor=actor))

    def _offer_change(self, change: Any) -> Result:
        with self._lock:
            if (why := self._check()) is not None:
                return why
            try:
                change(self.staff.id)
            except DomainError as e:
                return refused(said(e))
            return done(value=self.offers())

    def scan_coupon(self, code: str) -> Result:
        """A coupon's QR (OMO:COUPON:...) scanned at the sale: the attached member's coupon goes on (back)."""
        with self._lock:
            if (why := self._check()) is not None:
                return why
            offered = {o.code: o for o in self.co.candidate_offers()}
            if code not in offered:
                if self.co.member is None:
                    return refused(msg(QT_TRANSLATE_NOOP(C, "Attach the member first: coupons are theirs.")))
                return refused(msg(QT_TRANSLATE_NOOP(C, "This coupon is not the member's, or not in force.")))
            if code in self.co.removed_offers:
                try:
                    self.co.restore_offer(code, actor=self.staff.id)
                except DomainError as e:
                    return refused(said(e))
            return done(
                msg(QT_TRANSLATE_NOOP(C, "Coupon {name} is on the sale."), name=offered[code].name),
                value=self.offers(),
            )

    def claim_coupons(self) -> Result | None:
        """Blocking (network). Before money is taken: the coupons on the sale claimed at the backend's
        ledger. None: go ahead. Otherwise the coupons that could not be had were taken off and the
        result says so with the new total (the cashier takes the payment again)."""
        with self._lock:
            wanted = self.co.coupons_to_claim()
            member, sale = self.co.member, self.co.sale_uuid
        if not wanted or member is None:
            return None
        engine = self.shop.sync_engine
        dropped: list[tuple[str, Any]] = []  # (code, why)
        for code, _amount in wanted:
            why: Any = None
            try:
                if engine is None:
                    raise BackendUnavailable("no backend")
                engine.claim_coupon(code, member.member_no, sale)
            except CouponUsed:
                why = QT_TRANSLATE_NOOP(C, "already used (another till or the web)")
            except BackendNotFound:
                why = QT_TRANSLATE_NOOP(C, "not this member's")
            except BackendUnavailable:
                why = QT_TRANSLATE_NOOP(C, "cannot be checked offline; the member keeps it")
            with self._lock:
                if self.co.sale_uuid != sale:
                    return refused(
                        msg(QT_TRANSLATE_NOOP(C, "The sale changed meanwhile. Take the payment again."))
                    )
                if why is None:
                    self.co.coupon_claimed(code)
                else:
                    self.co.drop_offer(code)
                    dropped.append((code, why))
        if not dropped:
            return None
        names = {o.code: o.name for o in self.co.candidate_offers()}
        code, why = dropped[0]
        return refused(
            msg(
                QT_TRANSLATE_NOOP(
                    C,
                    "Coupon {name} was taken off: {why}. The total is now {total}: take the payment again.",
                ),
                name=names.get(code, code),
                why=msg(why),
                total=self.shop.fmt(self.co.due),
            )
        )

    def release_coupons(self, sale_uuid: str, codes: list[str]) -> None:
        """Blocking (network), best effort: a voided sale gives back the coupons it claimed (the backend's
        claim also lapses by itself)."""
        engine = self.shop.sync_engine
        for code in codes if engine is not None else ():
            try:
                engine.release_coupon(code, sale_uuid)
            except Exception as e:  # the claim lapses at the backend anyway
                log.info("coupon release failed: %s", type(e).__name__)

    # ------------------------------------------------------------------ the shared cart
    def load_shared_cart(self, cart_id: str) -> Result:
        """Blocking (network): a customer's shared cart (the app's or a digital signage's QR) into the
        sale. Lines sold here are added (at the shop's price when the app showed another); lines not sold
        here or out of stock here are not: the result's value (`pos.shared_cart.CartItem`s) lists each
        line and why, so a screen can offer those a tap away. The cart's member is attached when the sale
        has none (the caller then refreshes their details)."""
        with self._lock:
            if (why := self._check()) is not None:
                return why
            if self.co.tenders:
                return refused(msg(QT_TRANSLATE_NOOP(C, "Part of this sale is paid: finish it first.")))
        engine = self.shop.sync_engine
        try:
            if engine is None:
                raise BackendUnavailable("no backend")
            cart = engine.cart(cart_id, self.shop.settings["store.id"])
        except BackendNotFound:
            return refused(msg(QT_TRANSLATE_NOOP(C, "This shared cart is not known (or no longer kept).")))
        except BackendUnavailable:
            return refused(
                msg(QT_TRANSLATE_NOOP(C, "The shared cart cannot be loaded: the backend cannot be reached."))
            )
        plan = plan_cart(cart.lines, self.shop.catalog.get)
        with self._lock:
            if (why := self._check()) is not None:
                return why
            try:
                for item in plan:
                    if item.added:
                        self.co.add_sku(item.sku, item.qty)
                if cart.member_no is not None and self.co.member is None:
                    self.co.attach_member(MemberOnSale(cart.member_no))
            except DomainError as e:
                return refused(said(e), value=plan)
        added = [i for i in plan if i.added]
        return done(
            msg(
                QT_TRANSLATE_NOOP(
                    C,
                    "Shared cart: {added} of {total} lines added, {repriced} at the shop's price; "
                    "{left} not added (listed).",
                ),
                added=len(added),
                total=len(plan),
                repriced=sum(i.status == "repriced" for i in plan),
                left=len(plan) - len(added),
            ),
            value=plan,
        )

    def hand_over_cart(self) -> Result:
        """Blocking (network): the sale's lines shared as a cart for the customer's phone (the value is the
        QR text to show: the OMO app opens it and the customer finishes the purchase there). The sale stays
        open here: the cashier voids or parks it once the customer has it."""
        with self._lock:
            if (why := self._check()) is not None:
                return why
            if self.co.cart.is_empty:
                return refused(msg(QT_TRANSLATE_NOOP(C, "The sale is empty.")))
            if self.co.tenders:
                return refused(msg(QT_TRANSLATE_NOOP(C, "Part of this sale is paid: finish it first.")))
            lines = [
                {
                    "sku": ln.sku,
                    "qty": ln.quantity,
                    "name": ln.description[:200],
                    "unit_price": ln.unit_price.minor,
                }
                for ln in self.co.cart.lines
            ]
            if len(lines) > 200:
                return refused(msg(QT_TRANSLATE_NOOP(C, "A cart for the app holds at most 200 lines.")))
            member = self.co.member.member_no if self.co.member is not None else None
            cart_id = "T" + self.co.sale_uuid.replace("-", "")
        engine = self.shop.sync_engine
        try:
            if engine is None:
                raise BackendUnavailable("no backend")
            engine.share_cart(cart_id, self.shop.config.currency, lines, member)
        except (BackendUnavailable, BackendNotFound):
            return refused(
                msg(QT_TRANSLATE_NOOP(C, "The cart cannot be handed over: the backend cannot be reached."))
            )
        return done(
            msg(
                QT_TRANSLATE_NOOP(
                    C,
                    "The customer scans this code with the OMO app to finish there. The sale stays open "
                    "here: void or park it once they have it.",
                )
            ),
            value=f"OMO:CART:{cart_id}",
        )

    # ------------------------------------------------------------------ points as a tender
    def points_balance(self) -> tuple[int, bool] | None:
        """Blocking (network): the attached member's points (server balance plus this till's unsynced
        changes) and whether they come from the backend now (False: the cache). None: no member or no
        known balance."""
        with self._lock:
            member = self.co.member
        if member is None:
            return None
        engine = self.shop.sync_engine
        if engine is not None:
            try:
                profile = engine.member_profile(member.member_no, max_age_s=0, interactive=True)
                live = not profile.from_cache
                return profile.points_balance + engine.unsynced_points(member.member_no), live
            except (BackendUnavailable, BackendNotFound):
                pass
        return (member.points, False) if member.points is not None else None

    def pay_points(self, points: int) -> Result:
        """Blocking: ``points`` of the attached member's pay part or all of the sale (whole steps). Offline,
        only up to the store's cap (members.offline_redeem_points, 0 = never) and the cached balance."""
        with self._lock:
            if (why := self._check()) is not None:
                return why
            if self.co.member is None:
                return refused(
                    msg(QT_TRANSLATE_NOOP(C, "Attach the member first: points pay only for their own sale."))
                )
            try:
                self.co.points_tender(points)
            except DomainError as e:
                return refused(said(e))
        known = self.points_balance()
        if known is None:
            return refused(
                msg(
                    QT_TRANSLATE_NOOP(
                        C, "The member's points cannot be read now (offline). Take another tender."
                    )
                )
            )
        balance, live = known
        with self._lock:  # points already on this sale (a split) come off the balance too
            balance -= sum(
                self.co.programme.points_for(t.amount, self.co.config.currency)
                for t in self.co.tenders
                if t.kind == "points"
            )
        if not live:
            cap = int(self.shop.settings["members.offline_redeem_points"])
            if points > cap:
                return refused(
                    msg(
                        QT_TRANSLATE_NOOP(
                            C,
                            "Offline, this till takes at most {cap} points. Take another tender.",
                        )
                        if cap
                        else QT_TRANSLATE_NOOP(
                            C, "Points cannot be redeemed while the backend cannot be reached."
                        ),
                        cap=cap,
                    )
                )
        if points > balance:
            return refused(
                msg(
                    QT_TRANSLATE_NOOP(C, "The member has {balance} points, fewer than {points}."),
                    balance=balance,
                    points=points,
                )
            )
        claimed = self.claim_coupons()
        if claimed is not None:
            return claimed
        with self._lock:
            try:
                tender = self.co.points_tender(points)  # again: the sale may have changed meanwhile
            except DomainError as e:
                return refused(said(e))
            rest = self.co.due - tender.amount
        result = self.pay_with_credit(tender)
        if result.ok and rest > 0:  # a part payment: say it in points
            return replace(
                result,
                message=msg(
                    QT_TRANSLATE_NOOP(C, "{points} points ({amount}) taken. Take the rest: {rest}."),
                    points=self.shop.count(points),
                    amount=self.shop.fmt(tender.amount),
                    rest=self.shop.fmt(rest),
                ),
            )
        return result


__all__ = ["MemberSaleMixin", "OfferView"]
