"""A member's sale in the Sell workspace: the coupons and promotions on the sale (listed in the member slot,
Ctrl+K takes one off or puts it back), paying with the member's points (Shift+F10), a customer's shared cart
scanned at the till (loaded; what could not be added is listed a tap away), and the till's cart handed to
the customer's phone as a QR code on screen (Ctrl+H). It asks and shows;
`app.member_sale.MemberSaleMixin` (part of `app.sell.SellService`) decides.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.results import Result
from pos.shared_cart import CartItem
from ui import prompts
from ui.cart_view import SearchHit
from ui.presenter import say_text, tr_of
from ui.qt import QColor, QDialog, QLabel, QObject, QPainter, QPixmap, QPushButton, Qt, QVBoxLayout, QWidget
from ui.receipt_view import _qr_matrix

if TYPE_CHECKING:
    from ui.sell_presenter import SellPresenter


class MemberSalePresenter(QObject):
    def __init__(self, owner: SellPresenter) -> None:
        super().__init__(owner)
        self.owner = owner
        self.sell = owner.sell
        self.shop = owner.shop
        self.page = owner.page

    def tr_(self, text: str) -> str:
        return tr_of(
            self, text, self.owner
        )  # this helper's context (its strings are filed there), the owner's

    def offers_text(self) -> str:
        """For the member slot, kept to a line so the favourites keep their room: how many coupons and
        promotions are on the sale and what they take off (Ctrl+K lists them by name), and the points key."""
        on = [o for o in self.sell.offers() if o.applied and o.amount]
        if not on:
            return " · " + self.tr_("points: Shift+F10")
        return "\n" + self.tr_("Offers: {n}, −{amount} (Ctrl+K) · points: Shift+F10").format(
            n=len(on), amount=self.shop.fmt(sum(o.amount for o in on))
        )

    def do_offers(self) -> None:
        offers = self.sell.offers()
        if not offers:
            self.owner.say(self.tr_("No coupon or promotion for this sale."))
            return
        fmt = self.shop.fmt
        items = [
            self.tr_("✓ {name} −{amount} (take it off)").format(name=o.name, amount=fmt(o.amount))
            if o.applied
            else self.tr_("✗ {name} (put it back)").format(name=o.name)
            for o in offers
        ]

        def picked(i: int) -> None:
            o = offers[i]
            change = self.sell.remove_offer if o.applied else self.sell.restore_offer
            self.owner.call(lambda: change(o.code))

        self.owner.asking = "offers"
        prompts.ask_item(
            self.owner.window,
            self.tr_("Coupons and promotions"),
            self.tr_("Applied by themselves. Pick one to take it off or put it back:"),
            items,
            picked,
            on_closed=self.owner.focus_back,
        )

    def do_points(self) -> None:
        view = self.sell.view()
        if view.is_empty:
            return
        if view.member is None:
            self.owner.say(
                self.tr_("Attach the member first: points pay only for their own sale."), error=True
            )
            return
        points = view.member.points
        have = self.tr_("{points} points").format(points=self.shop.count(points)) if points else ""

        def answered(typed: str) -> None:
            digits = typed.strip().replace(",", "").replace(".", "").replace(" ", "")
            if not digits.isdigit():
                self.owner.say(self.tr_("Type the number of points, e.g. 500."), error=True)
                return
            self.owner.say(self.tr_("Checking the member's points…"))
            self.owner.call(lambda: self.sell.pay_points(int(digits)), "net")

        self.owner.ask_text(
            "points",
            self.tr_("Pay with points"),
            self.tr_("Points to redeem (due {due}; {have}):").format(due=self.shop.fmt(view.due), have=have),
            answered,
        )

    # ------------------------------------------------------------------ the shared cart
    def do_hand_over(self) -> None:
        if self.sell.view().is_empty:
            return
        self.owner.say(self.tr_("Handing the cart over…"))
        self.owner.tasks.run("net", self.sell.hand_over_cart, self._handed_over, self.owner.failed)

    def _handed_over(self, result: Result) -> None:
        self.owner.show(result)
        if result.ok:
            self.owner.open("hand_over", QrDialog(result.value, say_text(result.message), self.owner.window))

    def load_cart(self, cart_id: str) -> None:
        self.owner.tasks.run(
            "net", lambda: self.sell.load_shared_cart(cart_id), self._cart_loaded, self.owner.failed
        )

    def _cart_loaded(self, result: Result) -> None:
        self.owner.show(result)
        if not result.ok:
            return
        fmt = self.shop.fmt
        hits = []
        for item in result.value:
            if item.status == "repriced":
                why = self.tr_("{shop} here ({app} in the app) · added").format(
                    shop=fmt(item.shop_price), app=fmt(item.app_price)
                )
            elif item.status == "out_of_stock":
                why = self.tr_("out of stock here · tap to add one the customer holds")
            elif item.status == "unknown":
                why = self.tr_("not sold in this shop")
            else:
                continue
            hits.append(self._hit(item, why))
        if hits:
            self.page.show_results(hits)
        if self.sell.view().member is not None:  # the cart's member: their details and coupons, quietly
            self.owner.tasks.run(
                "net", self.sell.refresh_member, lambda r: None if r.ok else self.owner.show(r)
            )

    def _hit(self, item: CartItem, why: str) -> SearchHit:
        """A line of the list: a tap adds what is sold here and was left out (out of stock); the others
        are said only (their SearchHit has no SKU)."""
        price = self.shop.fmt(item.shop_price) if item.shop_price is not None else ""
        return SearchHit(item.sku if item.status == "out_of_stock" else "", f"{item.name} — {why}", price)


class QrDialog(QDialog):
    """A code on screen for the customer's phone to scan, and what happens next."""

    def __init__(self, payload: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("qrDialog")
        self.setWindowTitle(self.tr("Scan with the OMO app"))
        self.payload = payload
        lay = QVBoxLayout(self)
        code = QLabel(self)
        code.setObjectName("qrCode")
        code.setPixmap(qr_pixmap(payload, 8))
        code.setAlignment(Qt.AlignmentFlag.AlignCenter)
        lay.addWidget(code)
        note = QLabel(text, self)
        note.setWordWrap(True)
        lay.addWidget(note)
        done = QPushButton(self.tr("Done"), self)
        done.setDefault(True)
        done.clicked.connect(self.accept)
        lay.addWidget(done)


def qr_pixmap(payload: str, module: int) -> QPixmap:
    """The QR code of `payload`, `module` pixels a module, with its quiet zone."""
    matrix = _qr_matrix(payload)
    quiet = 4
    side = (len(matrix) + 2 * quiet) * module
    pix = QPixmap(side, side)
    pix.fill(QColor("white"))
    p = QPainter(pix)
    for y, row in enumerate(matrix):
        for x, dark in enumerate(row):
            if dark:
                p.fillRect((x + quiet) * module, (y + quiet) * module, module, module, QColor("black"))
    p.end()
    return pix


__all__ = ["MemberSalePresenter", "QrDialog"]
