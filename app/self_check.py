"""`omo-pos --self-test`'s checks of an open shop (Qt-free): what a freshly installed bundle must do.

Each check exercises the real thing the till uses, so a library or data file the bundle left out fails here
and not at the counter: the journal (SQLite's quick_check, the catalog), the OS keyring (a throwaway secret
written, read back and deleted), the QR camera pipeline (a synthetic frame decoded by zxing-cpp and by zbar),
the receipt printer (a receipt rendered to ESC/POS and spooled), the Stripe simulator (the `stripe` library
over HTTP) and the reference backend (the sync client, answers validated against the contract).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

SECRET_USER = "self-test"


@dataclass(frozen=True)
class Check:
    name: str
    ok: bool
    detail: str
    seconds: float

    def line(self) -> str:
        return f"{'ok  ' if self.ok else 'FAIL'} {self.name:<10} {self.detail} ({self.seconds * 1000:.0f} ms)"


def _run(name: str, fn: Callable[[], str]) -> Check:
    t0 = time.perf_counter()
    try:
        detail, ok = fn(), True
    except Exception as exc:  # noqa: BLE001 - a check reports every failure, whatever it is
        detail, ok = f"{type(exc).__name__}: {exc}", False
    return Check(name, ok, detail, time.perf_counter() - t0)


def database(shop: Any) -> str:
    from sync.store.catalog import count
    from sync.store.core import quick_check

    conn = shop.store.read_connection()
    try:
        quick_check(conn)
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        products = count(conn)
    finally:
        conn.close()
    if not products:
        raise RuntimeError("the journal holds no products")
    return f"journal ok, schema {version}, {products} products"


def secrets() -> str:
    import keyring

    backend = keyring.get_keyring()
    value = f"check-{time.time_ns()}"
    keyring.set_password("omo-pos", SECRET_USER, value)
    try:
        if keyring.get_password("omo-pos", SECRET_USER) != value:
            raise RuntimeError(f"{type(backend).__name__} did not give back the secret written")
    finally:
        keyring.delete_password("omo-pos", SECRET_USER)
    return f"{type(backend).__module__}.{type(backend).__name__}: write, read, delete"


def camera() -> str:
    from hardware.camera.decoders import make_decoder
    from hardware.camera.sources import SyntheticSource

    text = "OMO:ORDER:SELFTEST"
    source = SyntheticSource([text], size=(640, 480))
    source.open()
    try:
        frame = source.read()
    finally:
        source.close()
    if frame is None:
        raise RuntimeError("the synthetic camera gave no frame")
    gray = frame if frame.ndim == 2 else frame[..., 0]
    found = []
    for spec in ("zxing", "pyzbar"):
        texts = [d.text for d in make_decoder(spec).decode(gray)]
        if text not in texts:
            raise RuntimeError(f"{spec} did not read the synthetic QR (read {texts})")
        found.append(spec)
    where = _loaded("libzbar")
    return f"synthetic frame {frame.shape[1]}x{frame.shape[0]} read by {' and '.join(found)}" + (
        f" (zbar: {where})" if where else ""
    )


def _loaded(name: str) -> str:
    """The file of the shared library `name` this process loaded (Linux; "" elsewhere)."""
    try:
        with open("/proc/self/maps", encoding="utf-8") as maps:
            return next((ln.split()[-1] for ln in maps if f"/{name}" in ln), "")
    except OSError:
        return ""


def printer(shop: Any) -> str:
    from pos.receipt import Receipt, ReceiptLine

    receipt = Receipt(
        store_name=shop.settings["store.name"],
        till_id=shop.settings["till.id"],
        receipt_no="SELF-TEST",
        when=datetime.now(UTC),
        cashier="",
        sale_uuid="00000000-0000-4000-8000-000000000000",
        lines=(ReceiptLine("Self-test", 1, 0, 0),),
        total=0,
        claim_code=False,
    )
    outcome = shop.printer.print_receipt(receipt).result(timeout=20)
    status = shop.printer.status()
    if not getattr(outcome, "printed", False) or not status.ok:
        raise RuntimeError(
            f"the receipt did not print: {getattr(outcome, 'message', outcome)}; {status.summary}"
        )
    return f"{type(shop.printer).__name__}: receipt printed; {status.summary}"


def stripe_simulator(shop: Any) -> str:
    if shop.terminal is None or not getattr(shop.payments, "available", False):
        raise RuntimeError(f"card payments are off: {shop.card_error or 'no reader'}")
    reader = shop.terminal.retrieve_reader()
    return f"reader {reader.id}: {reader.status}"


def backend(shop: Any) -> str:
    if shop.sync_engine is None:
        raise RuntimeError("no backend configured")
    promotions = shop.sync_engine.promotions()
    return f"{len(promotions)} promotions read through the sync client"


def check_shop(shop: Any) -> list[Check]:
    """Every check, in order; none stops the others."""
    checks = [
        _run("database", lambda: database(shop)),
        _run("keyring", secrets),
        _run("camera", camera),
        _run("printer", lambda: printer(shop)),
    ]
    if shop.demo is not None:
        checks += [_run("stripe", lambda: stripe_simulator(shop)), _run("backend", lambda: backend(shop))]
    return checks


__all__ = ["Check", "check_shop"]
