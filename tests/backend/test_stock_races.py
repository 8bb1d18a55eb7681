"""The last unit, asked for by two tills at the same moment, on a chain's backend (PostgreSQL, two worker
processes): the race is forced, not hoped for — the test holds the stock row's lock until both requests wait
on it inside their transactions, then lets them go."""

from __future__ import annotations

import uuid
from concurrent.futures import ThreadPoolExecutor

from tests.backend.test_postgres_workers import Server, T, db_engine, pg, waiting_workers  # noqa: F401
from tests.support.waiting import wait_for


def test_two_tills_order_the_last_unit_at_once_one_gets_it_the_other_is_told(pg, db_engine, tmp_path):  # noqa: F811
    tills = ["S001-T1", "S003-T1"]
    server = Server(pg, tmp_path, tills)
    try:
        with db_engine.connect() as conn:
            sku = conn.exec_driver_sql(
                "SELECT sku FROM stock WHERE store_id = 'S002' ORDER BY sku LIMIT 1"
            ).scalar_one()
            conn.exec_driver_sql(
                "UPDATE stock SET available = 1 WHERE store_id = 'S002' AND sku = %s", (sku,)
            )

        def attempt(till: str, pickup: str):
            body = {
                "order_id": str(uuid.uuid4()),
                "fulfilment": "pickup",
                "source_store_id": "S002",
                "pickup_store_id": pickup,
                "currency": "EUR",
                "customer_name": f"Customer of {till}",
                "lines": [{"sku": sku, "qty": 1}],
            }
            return server.session(till).post(f"{server.url}/v1/orders", json=body, timeout=T)

        with db_engine.connect() as holder:
            holder.exec_driver_sql("BEGIN")
            holder.exec_driver_sql(
                "SELECT 1 FROM stock WHERE store_id = 'S002' AND sku = %s FOR UPDATE", (sku,)
            )
            with ThreadPoolExecutor(2) as pool:
                futures = [pool.submit(attempt, "S001-T1", "S001"), pool.submit(attempt, "S003-T1", "S003")]
                assert wait_for(lambda: len(waiting_workers(db_engine)) == 2, 20, 0.05), waiting_workers(
                    db_engine
                )
                holder.exec_driver_sql("COMMIT")
                answers = [f.result(T) for f in futures]
        assert sorted(a.status_code for a in answers) == [200, 409]
        refused = next(a for a in answers if a.status_code == 409).json()["error"]
        assert (
            refused["code"] == "out_of_stock"
            and "none left to promise at OMO Riverside" in refused["message"]
        )
        with db_engine.connect() as conn:
            held = conn.exec_driver_sql(
                "SELECT COUNT(*), SUM(qty) FROM holds WHERE sku = %s AND state = 'held'", (sku,)
            ).one()
            assert tuple(held) == (1, 1)  # promised once
            assert conn.exec_driver_sql("SELECT COUNT(*) FROM orders WHERE origin = 'till'").scalar() == 1
    finally:
        server.stop()
