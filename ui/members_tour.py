"""The Members workspace's screenshots: the member panel with full consent, with none, and offline; a
member's sale (coupons, points), the shared cart both ways, and enrolment.

    python -m ui.members_tour [--out docs/screenshots]

Like `ui.tour` (whose driver it reuses): the real `MainWindow`, offscreen, 1024x768, with the demo shop in
a temporary directory. A cashier logs in, opens Members, and each member's app code arrives through the
scanner's path (the camera's file source delivers codes the same way).
"""

from __future__ import annotations

import sys
from collections.abc import Generator
from pathlib import Path
from typing import Any

from ui.tour import Tour, TourError, Wait, settle
from ui.tour_cli import tour_cli

SCREENS: tuple[tuple[str, str], ...] = (
    ("members-full-consent", "Members: the panel of a member who consented to personalisation"),
    ("members-no-consent", "Members: a member without consent, only what checkout needs"),
    ("members-offline", "Members: the backend is down, the panel from the till's cache"),
    ("members-shared-cart", "A shared cart scanned at the till: what was added, and what not and why"),
    (
        "members-sale-offers",
        "A member's sale: coupons and promotions applied by themselves, in the member slot",
    ),
    ("members-offers-dialog", "Ctrl+K: take a coupon or promotion off the sale, or put it back"),
    ("members-cart-to-phone", "Ctrl+H: the till's cart handed to the customer's phone"),
    ("members-pay-points", "Shift+F10: pay part of the sale with the member's points"),
    ("members-enrol", "Members: enrolling a new member, each consent off unless they say yes"),
)


class MembersTour(Tour):
    def open_code(self, member_no: int) -> Generator[Wait, None, None]:
        w = self.window
        before = w.members_presenter.panel
        code = w.shop.demo.backend.member_qr(member_no)
        w.wedge.scanned.emit(code)
        yield Wait(
            lambda: (
                w.members_presenter.panel is not before and w.members_presenter.panel.member_no == member_no
            ),
            f"member {member_no}'s panel",
            20,
        )
        yield settle(300)

    def steps(self) -> Generator[Wait, None, None]:
        w = self.window
        yield Wait(lambda: w.shop is not None or bool(w.startup_error), "the shop to open", 180)
        if w.startup_error:
            raise TourError(w.startup_error)
        self.theme("light", self.size[1])
        yield from self.type_text(w.login.pin, "1111")  # Ana, a cashier
        self.press(w.login.pin, "Key_Return")
        yield Wait(lambda: w.stack.currentWidget() is w.workspaces, "the cashier to be logged in", 20)
        yield Wait(lambda: bool(w.shop.sync_engine.member_keys()[0]), "the member keys", 30)
        w.workspaces.open("members")
        yield settle(200)
        yield from self.open_code(1004)
        self.shot("members-full-consent", w)
        yield from self.open_code(1003)
        self.shot("members-no-consent", w)
        demo = w.shop.demo
        demo.set_backend_online(False)  # every request answered 503, as the Demo panel's switch does
        try:
            w.shop.sync_engine.wake()
            yield Wait(lambda: w.status.view.backend == "offline", "the till to see the backend down", 30)
            yield from self.open_code(1004)
            self.shot("members-offline", w)
        finally:
            demo.set_backend_online(True)
        # until the till sees it back, a person's look-ups go straight to the cache (points would be refused)
        yield Wait(lambda: w.shop.sync_engine.snapshot().state == "online", "the backend to be back", 30)
        yield from self.member_sale()

    def shot_over(self, name: str, dialog: Any) -> None:
        """The window with `dialog` over it, as the person sees it (1024x768)."""
        from ui.qt import QPainter

        w = self.window
        pix = w.grab()
        painter = QPainter(pix)
        top_left = dialog.mapToGlobal(dialog.rect().topLeft()) - w.mapToGlobal(w.rect().topLeft())
        if not w.rect().contains(top_left):  # offscreen windows may not be placed: centre it
            top_left = w.rect().center() - dialog.rect().center()
        painter.drawPixmap(top_left, dialog.grab())
        painter.end()
        path = self.out / f"{name}{self.suffix}.png"
        if self.only is None or name in self.only:
            if not pix.save(str(path)):
                raise TourError(f"could not save {path}")
            self.saved.append(path)

    def member_sale(self) -> Generator[Wait, None, None]:
        from ui.enrol_dialog import EnrolDialog
        from ui.member_sale import QrDialog
        from ui.qt import QInputDialog

        w = self.window
        w.workspaces.open("sell")
        yield settle(200)
        w.wedge.scanned.emit("OMO:CART:C1001")  # the customer's cart from the app; its member comes with it
        yield Wait(lambda: w.page.results.isVisible(), "the shared cart's list", 20)
        yield Wait(
            lambda: "−" in w.page.member.text(), "the member's coupons on the sale", 20
        )  # any language
        yield settle(400)
        self.shot("members-shared-cart", w)
        w.page.show_results([])
        yield settle(200)
        self.shot("members-sale-offers", w)
        w.page.trigger("offers")
        yield Wait(lambda: self.modal(QInputDialog) is not None, "the coupons and promotions")
        yield settle(200)
        self.shot_over("members-offers-dialog", self.modal(QInputDialog))
        self.modal(QInputDialog).reject()
        yield settle(200)
        w.page.trigger("hand_over")
        yield Wait(lambda: self.modal(QrDialog) is not None, "the code for the phone", 20)
        yield settle(200)
        self.shot_over("members-cart-to-phone", self.modal(QrDialog))
        self.modal(QrDialog).accept()
        yield settle(200)
        w.page.trigger("points")
        yield Wait(lambda: self.modal(QInputDialog) is not None, "the points question")
        self.modal(QInputDialog).setTextValue("500")
        self.modal(QInputDialog).accept()
        yield Wait(lambda: w.sell.view().paid > 0, "the points paid", 20)
        yield settle(300)
        self.shot("members-pay-points", w)
        w.workspaces.open("members")
        w.members_page.enrol_button.click()
        yield Wait(lambda: self.modal(EnrolDialog) is not None, "the enrolment dialog")
        dlg = self.modal(EnrolDialog)
        dlg.first.setText("Noor")
        dlg.last.setText("Haddad")
        dlg.email.setText("noor.haddad@example.com")
        dlg.personalisation.setChecked(True)
        yield settle(200)
        self.shot_over("members-enrol", dlg)
        dlg.reject()


main = tour_cli(
    "ui.members_tour",
    "Render the Members workspace.",
    lambda args: MembersTour(Path(args.out)).run(),
    sized=False,
)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
