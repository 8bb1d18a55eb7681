"""The negative control: the driver with a deliberately broken protocol, to prove the checker can fail.

    python -m bench.crash.broken paid-before-commit [omo-pos arguments...]

``paid-before-commit``: a cash sale is marked paid before it is committed — the cashier is told (the
acknowledgement is written, the receipt printed) and the till moves on to the next sale (the saved open
sale is cleared) — and only then is the sale written to the journal. A kill between the two loses a sale
the customer holds a receipt for: invariant I1 must catch it. (The till's real order is the reverse, and a
sale that was open at a kill comes back from the saved open sale.)
"""

from __future__ import annotations

import sys
from typing import Any

BROKEN = ("paid-before-commit",)


def _paid_before_commit() -> None:
    from app.results import done
    from app.sell import SellService
    from app.workload import Day, sale_ack

    days: list[Day] = []
    init = Day.__init__

    def remember(self: Day, *a: Any, **kw: Any) -> None:
        init(self, *a, **kw)
        days.append(self)

    def pay_cash(self: SellService, tendered: int) -> Any:
        with self._lock:
            doc = self.co.build_sale(self.co.cash_tender(tendered))
            days[-1].acks.write({**sale_ack(days[-1].op, doc), "broken": BROKEN[0]})  # told "paid"...
            self.co.finished(doc)  # ...and on to the next sale
        recorded = self.shop.records.commit_sale(doc)  # the commit comes last
        return done(value=recorded)

    Day.__init__ = remember  # type: ignore[method-assign]
    SellService.pay_cash = pay_cash  # type: ignore[method-assign]


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in BROKEN:
        print(__doc__, file=sys.stderr)
        return 2
    _paid_before_commit()
    from app.cli import main as omo_pos

    return omo_pos(argv[1:])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
