"""The Members workspace's screenshots: the member panel with full consent, with none, and offline.

    python -m ui.members_tour [--out docs/screenshots]

Like `ui.tour` (whose driver it reuses): the real `MainWindow`, offscreen, 1024x768, with the demo shop in
a temporary directory. A cashier logs in, opens Members, and each member's app code arrives through the
scanner's path (the camera's file source delivers codes the same way).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Generator
from pathlib import Path

from ui.tour import DEFAULT_OUT, Tour, TourError, Wait, settle

SCREENS: tuple[tuple[str, str], ...] = (
    ("members-full-consent", "Members: the panel of a member who consented to personalisation"),
    ("members-no-consent", "Members: a member without consent, only what checkout needs"),
    ("members-offline", "Members: the backend is down, the panel from the till's cache"),
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
        backend = w.shop.demo.backend
        backend.inject("status", status=503, times=10**9)
        try:
            yield from self.open_code(1004)
            self.shot("members-offline", w)
        finally:
            backend.faults.clear()


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m ui.members_tour", description="Render the Members workspace.")
    p.add_argument(
        "--out", default=str(DEFAULT_OUT), help="directory for the PNGs (default docs/screenshots)"
    )
    args = p.parse_args(argv)
    try:
        paths = MembersTour(Path(args.out)).run()
    except TourError as e:
        print(f"members tour: {e}", file=sys.stderr)
        return 1
    for path in paths:
        print(path)
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
