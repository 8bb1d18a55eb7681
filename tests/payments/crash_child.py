"""Child process for the SIGKILL tests: pays one sale and kills itself with SIGKILL at a named step.

argv: db_path sim_url reader_id sale_uuid amount crash_point
"""

from __future__ import annotations

import os
import signal
import sys

import keyring

from hardware.stripe_terminal import KEYRING_SERVICE, KEYRING_USERNAME, StripeTerminal
from pos.payment import CardPayments
from sync.payment_journal import SqlitePaymentJournal
from tests.payments.sqlite_support import SqlShop, open_store


def main() -> int:
    db, url, reader, sale, amount, point = sys.argv[1:7]
    keyring.set_password(KEYRING_SERVICE, KEYRING_USERNAME, "rk_test_simulator")
    store = open_store(db)

    def crash(name: str) -> None:
        if name == point:
            os.kill(os.getpid(), signal.SIGKILL)

    terminal = StripeTerminal(
        reader_id=reader,
        api_base=url,
        poll_interval=0.02,
        connect_timeout=0.5,
        read_timeout=1.0,
        max_network_retries=0,
    )
    payments = CardPayments(terminal, SqlitePaymentJournal(store), poll_interval=0.02, crashpoint=crash)
    out = payments.pay(sale, int(amount), "usd", SqlShop(store).complete(sale, int(amount)))
    print(out.status)
    terminal.close()
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
