"""Child process for the crash tests: commits sales until a crash point kills it.

Usage: python -m tests.store.crash_child DB_PATH MODE   (MODE: inline | reserved)
Prints "told <receipt_no> <sale_uuid>" after each commit has returned (what a cashier would have seen).
"""

from __future__ import annotations

import sys

from sync.store import Store
from sync.store.adapters import StoreJournal
from tests.store.helpers import make_sale


def main() -> None:
    path, mode = sys.argv[1], sys.argv[2]
    store = Store.open(path, till_id="T01")
    j = StoreJournal(store)
    if mode == "cart":
        for i in range(1, 1000):
            j.save_open_cart({"lines": [{"sku": f"SKU{k}", "qty": 1} for k in range(i)]})
            print("told", i, "-", flush=True)
    for _ in range(1000):
        receipt_no = j.reserve_receipt_no() if mode == "reserved" else ""
        sale = j.commit_sale(make_sale(receipt_no=receipt_no))
        print("told", sale.receipt_no, sale.sale_uuid, flush=True)
    store.close()
    print("no crash", flush=True)


if __name__ == "__main__":
    main()
