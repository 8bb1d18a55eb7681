"""Receipt numbers under any mix of what a till does (field failures B8 and B10: duplicate receipt
numbers, a device reusing its local sequence), as a Hypothesis state machine on the real store.

Sales, returns, reservations and claims of reserved numbers, a renamed till, a retried sale, a
transaction that fails after its document was written, and a restart of the program, in any order.
After every step: no number is held twice, a sale's sale_id is its number, every number handed out
is above every number handed out before it (or is a reservation being used), nothing is lost.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import Bundle, RuleBasedStateMachine, consumes, invariant, rule

from sync.store import Store, journal, receipts
from tests.store.helpers import make_return, make_sale

TILLS = st.sampled_from(["T01", "T02"])


class Boom(Exception):
    pass


class ReceiptNumbers(RuleBasedStateMachine):
    reserved = Bundle("reserved")
    sales = Bundle("sales")

    def __init__(self) -> None:
        super().__init__()
        self.dir = Path(tempfile.mkdtemp(prefix="receipts-"))
        self.store = Store.open(self.dir / "pos.sqlite3", till_id="T01")
        self.handed_out: list[int] = []  # every number taken, in the order it was taken
        self.used: set[int] = set()  # numbers held by a committed sale or return
        self.docs: dict[str, str] = {}  # document uuid -> its receipt number

    def teardown(self) -> None:
        self.store.close()
        shutil.rmtree(self.dir, ignore_errors=True)

    def _take(self, receipt_no: str, *, fresh: bool) -> int:
        seq = int(receipt_no.rsplit("-", 1)[1])
        if fresh:
            assert all(seq > n for n in self.handed_out), (seq, self.handed_out[-3:])
            self.handed_out.append(seq)
        return seq

    @rule(target=sales, till=TILLS, n_lines=st.integers(1, 4))
    def sell(self, till, n_lines):
        sale = self.store.write_sync(lambda c: journal.commit_sale(c, make_sale(till, n_lines=n_lines)))
        assert sale.receipt_no.startswith(till + "-")
        seq = self._take(sale.receipt_no, fresh=True)
        self.used.add(seq)
        self.docs[sale.sale_uuid] = sale.receipt_no
        return sale

    @rule(sale=sales)
    def retry_a_recorded_sale(self, sale):
        again = self.store.write_sync(lambda c: journal.commit_sale(c, sale))
        assert again.receipt_no == self.docs[sale.sale_uuid]

    @rule(target=reserved, till=TILLS)
    def reserve(self, till):
        no = self.store.write_sync(lambda c: receipts.reserve(c, till))
        self._take(no, fresh=True)
        return no

    @rule(no=consumes(reserved), till=TILLS)
    def sell_with_a_reserved_number(self, no, till):
        sale = self.store.write_sync(lambda c: journal.commit_sale(c, make_sale(till, receipt_no=no)))
        assert sale.receipt_no == no
        seq = self._take(no, fresh=False)
        assert seq not in self.used
        self.used.add(seq)
        self.docs[sale.sale_uuid] = no

    @rule(no=consumes(reserved), sale=sales)
    def return_with_a_reserved_number(self, no, sale):
        ret = self.store.write_sync(lambda c: journal.commit_return(c, make_return(sale, receipt_no=no)))
        assert ret.receipt_no == no
        seq = self._take(no, fresh=False)
        assert seq not in self.used
        self.used.add(seq)

    @rule(sale=sales)
    def take_back(self, sale):
        ret = self.store.write_sync(lambda c: journal.commit_return(c, make_return(sale)))
        self.used.add(self._take(ret.receipt_no, fresh=True))

    @rule(till=TILLS)
    def a_sale_whose_transaction_fails(self, till):
        def fail(c):
            journal.commit_sale(c, make_sale(till))
            raise Boom  # e.g. the disk filled up before COMMIT: nothing of it stays

        try:
            self.store.write_sync(fail)
        except Boom:
            pass
        else:  # pragma: no cover - the write must raise
            raise AssertionError("the failing write returned")

    @rule()
    def restart(self):
        self.store.close()
        self.store = Store.open(self.dir / "pos.sqlite3", till_id="T01")

    @invariant()
    def every_number_is_held_once_and_a_sale_id_is_its_number(self):
        ro = self.store.read_connection()
        try:
            sales = ro.execute("SELECT sale_id, receipt_no, sale_uuid FROM sales").fetchall()
            returns = ro.execute("SELECT seq, receipt_no FROM returns").fetchall()
            nxt = ro.execute("SELECT " + receipts.NEXT_SEQ_SQL).fetchone()[0]
        finally:
            ro.close()
        for sale_id, no, uuid_ in sales:
            assert no.endswith(f"-{sale_id:06d}") and self.docs[uuid_] == no
        for seq, no in returns:
            assert no.endswith(f"-{seq:06d}")
        held = [s for s, _, _ in sales] + [s for s, _ in returns]
        assert len(held) == len(set(held)) and set(held) == self.used
        assert all(n < nxt for n in self.handed_out)


ReceiptNumbers.TestCase.settings = settings(
    max_examples=25,
    stateful_step_count=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
TestReceiptNumbers = ReceiptNumbers.TestCase


def test_a_failed_sale_leaves_no_trace_and_takes_no_number(store):
    """One of the machine's steps, spelled out: the transaction fails after commit_sale wrote it all."""

    def fail(c):
        journal.commit_sale(c, make_sale())
        raise Boom

    try:
        store.write_sync(fail)
    except Boom:
        pass
    sale = store.write_sync(lambda c: journal.commit_sale(c, make_sale()))
    assert sale.receipt_no == "T01-000001"
    ro = store.read_connection()
    try:
        assert ro.execute("SELECT count(*) FROM sales").fetchone()[0] == 1
    finally:
        ro.close()
