"""The print queue: a failing printer never blocks or loses a receipt; restart restores the queue."""

from __future__ import annotations

import sqlite3
import threading
import time

import pytest
from escpos.exceptions import DeviceNotFoundError

from hardware.printer import (
    FileTransport,
    MemoryTransport,
    NetworkTransport,
    NullPrinter,
    PrinterError,
    PrinterState,
    QueuedPrinter,
    make_printer,
)
from hardware.printer.errors import PaperOutError
from hardware.printer.escpos_encode import DRAWER_KICK_PIN2
from hardware.printer.queue import QUEUE_FILE
from hardware.printer.render import parse_escpos
from hardware.printer.simulator import Fault, FaultyTransport, NetworkPrinterSimulator
from pos.receipt import ReceiptMark
from tests.printing.samples import eur, sample_receipt
from tests.support.waiting import wait_for

TIMEOUT = 10


def offline_error() -> DeviceNotFoundError:
    """What python-escpos Network raises for a switched-off printer (with the OSError as context)."""
    try:
        raise ConnectionRefusedError(111, "Connection refused")
    except ConnectionRefusedError as e:
        try:
            raise DeviceNotFoundError(f"Could not open socket for 10.0.0.9:\n{e}")
        except DeviceNotFoundError as outer:
            return outer


def wait_until(check, timeout=TIMEOUT):
    wait_for(check, timeout, 0.01)


def receipt(n: int, **kw):
    return sample_receipt(receipt_no=f"T01-{n:06d}", sale_uuid=f"00000000-0000-4000-8000-{n:012d}", **kw)


def printed_receipt_numbers(transport: MemoryTransport) -> list[str]:
    out = []
    for _, data in transport.jobs:
        line = next(t for t in parse_escpos(data).text_lines() if t.startswith("Receipt "))
        out.append(line.split()[1])
    return out


@pytest.fixture
def mem():
    return MemoryTransport()


@pytest.fixture
def printer(mem, tmp_path):
    p = QueuedPrinter(mem, tmp_path / "q", format_amount=eur, retry_interval=3600)
    yield p
    p.close()
    assert not p._thread.is_alive() and not p._writer.is_alive()


def test_prints_at_once_when_the_printer_is_fine(printer, mem):
    outcome = printer.print_receipt(receipt(1)).result(TIMEOUT)
    assert outcome.printed and outcome.job_id
    assert printed_receipt_numbers(mem) == ["T01-000001"]
    st = printer.status()
    assert st.state is PrinterState.READY and st.ok and st.warning is None


def test_offline_printer_keeps_jobs_and_delivers_them_in_order_when_back(printer, mem):
    mem.fail_with = offline_error()
    seen = []
    printer.add_listener(seen.append)
    first = printer.print_receipt(receipt(1)).result(TIMEOUT)
    second = printer.print_receipt(receipt(2)).result(TIMEOUT)
    assert not first.printed and not second.printed
    assert "not answering" in second.message
    st = printer.status()
    assert st.state is PrinterState.OFFLINE and st.waiting == 2
    assert st.summary == "Printer offline — 2 receipts waiting"
    assert st.warning == st.summary
    assert [j.receipt_no for j in printer.jobs().result(TIMEOUT)] == ["T01-000001", "T01-000002"]
    assert mem.jobs == []

    mem.fail_with = None
    assert printer.retry().result(TIMEOUT) == 2
    assert printed_receipt_numbers(mem) == ["T01-000001", "T01-000002"]
    assert printer.status().state is PrinterState.READY and printer.status().waiting == 0
    assert printer.jobs().result(TIMEOUT) == []
    assert seen[-1].state is PrinterState.READY and any(s.state is PrinterState.OFFLINE for s in seen)


def test_retries_by_itself_after_back_off(mem, tmp_path):
    mem.fail_with = PaperOutError("paper end")
    with QueuedPrinter(mem, tmp_path / "q", format_amount=eur, retry_interval=0.05) as p:
        p.print_receipt(receipt(1)).result(TIMEOUT)
        assert p.status().summary == "Printer out of paper — 1 receipt waiting"
        assert "Load a new roll" in p.status().message
        wait_until(lambda: mem.attempts >= 3)  # the thread keeps trying on its own
        mem.fail_with = None
        wait_until(lambda: p.status().waiting == 0)
        assert printed_receipt_numbers(mem) == ["T01-000001"]
        assert p.status().state is PrinterState.READY


def test_a_hung_printer_does_not_block_the_caller(tmp_path):
    release = threading.Event()

    class Hanging(MemoryTransport):
        def send(self, data, job_name=""):
            release.wait(TIMEOUT)
            super().send(data, job_name)

    t = Hanging()
    with QueuedPrinter(t, tmp_path / "q", format_amount=eur) as p:
        started = time.monotonic()
        f = p.print_receipt(receipt(1))
        assert time.monotonic() - started < 0.5 and not f.done()
        assert p.status().state is PrinterState.UNKNOWN  # status never waits for the device
        # While the device hangs, new receipts are still written to the queue file at once.
        g = p.print_receipt(receipt(2))
        wait_until(lambda: p.status().waiting == 2)
        assert not g.done()
        release.set()
        assert f.result(TIMEOUT).printed and g.result(TIMEOUT).printed
        assert p.status().waiting == 0


def test_restart_restores_the_queue_and_prints_it(mem, tmp_path):
    mem.fail_with = offline_error()
    p = QueuedPrinter(mem, tmp_path / "q", format_amount=eur, retry_interval=3600)
    for n in (1, 2, 3):
        p.print_receipt(receipt(n)).result(TIMEOUT)
    p.close()
    assert mem.jobs == []

    mem2 = MemoryTransport()
    with QueuedPrinter(mem2, tmp_path / "q", format_amount=eur, retry_interval=3600) as p2:
        # The receipts left from the last run are tried at start, in order.
        wait_until(lambda: len(mem2.jobs) == 3)
        assert printed_receipt_numbers(mem2) == ["T01-000001", "T01-000002", "T01-000003"]
        wait_until(lambda: p2.status().waiting == 0)


def test_restart_while_still_offline_shows_the_waiting_count(mem, tmp_path):
    mem.fail_with = offline_error()
    with QueuedPrinter(mem, tmp_path / "q", format_amount=eur, retry_interval=3600) as p:
        p.print_receipt(receipt(1)).result(TIMEOUT)
        p.print_receipt(receipt(2)).result(TIMEOUT)
    with QueuedPrinter(mem, tmp_path / "q", format_amount=eur, retry_interval=3600) as p2:
        assert p2.status().waiting == 2
        wait_until(lambda: p2.status().state is PrinterState.OFFLINE)
        assert p2.status().summary == "Printer offline — 2 receipts waiting"


def test_reprint_last_and_by_job(printer, mem):
    first = printer.print_receipt(receipt(1)).result(TIMEOUT)
    printer.print_receipt(receipt(2)).result(TIMEOUT)
    again = printer.reprint().result(TIMEOUT)
    assert again.printed and again.job_id not in (first.job_id,)
    assert printed_receipt_numbers(mem) == ["T01-000001", "T01-000002", "T01-000002"]
    text = parse_escpos(mem.jobs[-1][1]).text_lines()
    assert any("*** REPRINT ***" in t for t in text)
    printer.reprint(first.job_id).result(TIMEOUT)
    assert printed_receipt_numbers(mem)[-1] == "T01-000001"
    history = printer.jobs(include_printed=True).result(TIMEOUT)
    assert [j.mark for j in history] == ["none", "none", "reprint", "reprint"]
    assert all(j.state == "printed" and j.printed_at for j in history)


def test_nothing_to_reprint_says_so(printer):
    with pytest.raises(PrinterError, match="no printed receipt"):
        printer.reprint().result(TIMEOUT)


def test_unprintable_job_is_set_aside_and_does_not_block_the_rest(printer, mem, tmp_path):
    mem.fail_with = offline_error()
    printer.print_receipt(receipt(1)).result(TIMEOUT)
    printer.print_receipt(receipt(2)).result(TIMEOUT)
    # Damage the first job in the queue file (as a bad upgrade or disk error might).
    with sqlite3.connect(tmp_path / "q" / QUEUE_FILE) as c:
        c.execute("UPDATE jobs SET payload = '{not json' WHERE receipt_no = 'T01-000001'")
    c.close()
    mem.fail_with = None
    assert printer.retry().result(TIMEOUT) == 1
    assert printed_receipt_numbers(mem) == ["T01-000002"]
    st = printer.status()
    assert st.failed == 1 and st.waiting == 0
    assert st.summary == "Printer ready — 1 receipt could not print"
    (failed,) = printer.jobs().result(TIMEOUT)
    assert failed.state == "failed" and "could not be prepared" in failed.last_error
    printer.discard(failed.job_id).result(TIMEOUT)
    assert printer.status().ok


def test_damaged_queue_file_is_set_aside_and_the_till_goes_on(tmp_path, mem):
    qdir = tmp_path / "q"
    qdir.mkdir()
    (qdir / QUEUE_FILE).write_bytes(b"this is not a database" * 100)
    with QueuedPrinter(mem, qdir, format_amount=eur) as p:
        assert p.status().state is PrinterState.ERROR
        assert "set aside" in p.status().message
        assert p.print_receipt(receipt(1)).result(TIMEOUT).printed
    assert list(qdir.glob(f"{QUEUE_FILE}.damaged-*"))


def test_open_drawer_sends_the_kick_and_reports_failure(printer, mem):
    printer.open_drawer("no sale").result(TIMEOUT)
    assert mem.jobs[-1] == ("drawer-kick", DRAWER_KICK_PIN2)
    mem.fail_with = offline_error()
    with pytest.raises(PrinterError, match="cash drawer did not open") as info:
        printer.open_drawer("no sale").result(TIMEOUT)
    assert "key" in str(info.value)
    # A failed kick is never queued: the drawer must not spring open later.
    mem.fail_with = None
    printer.retry().result(TIMEOUT)
    assert [name for name, _ in mem.jobs] == ["drawer-kick"]


def test_cash_sale_kicks_the_drawer_once_and_queues_only_the_receipt(printer, mem):
    mem.fail_with = offline_error()
    out = printer.print_receipt(receipt(1), open_drawer=True).result(TIMEOUT)
    assert out.drawer_opened is False and "key" in out.drawer_message and not out.printed
    mem.fail_with = None
    printer.retry().result(TIMEOUT)
    assert [name for name, _ in mem.jobs] == ["receipt-T01-000001"]
    assert parse_escpos(mem.jobs[0][1]).drawer_kicks == []
    ok = printer.print_receipt(receipt(2), open_drawer=True).result(TIMEOUT)
    assert ok.drawer_opened is True and ok.printed
    assert [name for name, _ in mem.jobs][-2:] == ["drawer-kick", "receipt-T01-000002"]


def test_int_amounts_without_formatter_fail_in_the_caller(mem, tmp_path):
    with QueuedPrinter(mem, tmp_path / "q") as p:
        with pytest.raises(ValueError, match="format_amount"):
            p.print_receipt(receipt(1))
        assert p.print_receipt(receipt(1).formatted(eur)).result(TIMEOUT).printed


def test_closed_printer_refuses_work_and_joined_its_thread(mem, tmp_path):
    p = QueuedPrinter(mem, tmp_path / "q", format_amount=eur)
    f = p.print_receipt(receipt(1))
    p.close()
    assert f.result(TIMEOUT).printed  # work submitted before close is finished
    assert not p._thread.is_alive() and not p._writer.is_alive()
    with pytest.raises(RuntimeError):
        p.print_receipt(receipt(2))
    p.close()  # idempotent


def test_file_printer_writes_one_file_per_receipt(tmp_path):
    out = tmp_path / "printer-output"
    transport = FaultyTransport(FileTransport(out))
    with QueuedPrinter(transport, tmp_path / "q", format_amount=eur, retry_interval=3600) as p:
        assert p.print_receipt(receipt(1)).result(TIMEOUT).printed
        transport.fault = Fault.UNPLUGGED
        assert not p.print_receipt(receipt(2)).result(TIMEOUT).printed
        assert p.status().summary == "Printer not found — 1 receipt waiting"
        transport.fault = Fault.NONE
        assert p.retry().result(TIMEOUT) == 1
    files = transport.inner.files()
    assert len(files) == 2 and not list(out.glob(".printing-*"))
    numbers = [
        next(t for t in parse_escpos(f.read_bytes()).text_lines() if t.startswith("Receipt ")) for f in files
    ]
    assert [n.split()[1] for n in numbers] == ["T01-000001", "T01-000002"]


def test_network_printer_on_loopback_offline_paper_out_and_back(tmp_path):
    with NetworkPrinterSimulator() as sim:
        transport = NetworkTransport("127.0.0.1", sim.port, timeout=2)
        with QueuedPrinter(transport, tmp_path / "q", format_amount=eur, retry_interval=3600) as p:
            assert p.print_receipt(receipt(1)).result(TIMEOUT).printed
            assert sim.wait_for_jobs(1)
            doc = parse_escpos(sim.jobs[0])
            assert doc.qr_codes and any(t.startswith("Receipt T01-000001") for t in doc.text_lines())

            sim.go_offline()
            out = p.print_receipt(receipt(2)).result(TIMEOUT)
            assert not out.printed and p.status().state is PrinterState.OFFLINE
            assert f"127.0.0.1:{sim.port}" in p.status().message

            sim.go_online()
            sim.paper_out = True
            p.retry().result(TIMEOUT)
            assert p.status().state is PrinterState.PAPER_OUT and p.status().waiting == 1

            sim.paper_out = False
            assert p.retry().result(TIMEOUT) == 1
            assert sim.wait_for_jobs(2)
            assert any(t.startswith("Receipt T01-000002") for t in parse_escpos(sim.jobs[-1]).text_lines())
            assert p.status().ok


def test_null_printer_explains_and_never_raises_on_print(tmp_path):
    p = make_printer(None, tmp_path / "q")
    assert isinstance(p, NullPrinter)
    out = p.print_receipt(receipt(1), open_drawer=True).result(TIMEOUT)
    assert not out.printed and "No receipt printer" in out.message and out.drawer_opened is False
    assert p.status().state is PrinterState.NOT_CONFIGURED
    assert p.status().summary == "No receipt printer"
    with pytest.raises(PrinterError, match="key"):
        p.open_drawer().result(TIMEOUT)
    bad = make_printer({"kind": "network"}, tmp_path / "q")
    assert isinstance(bad, NullPrinter) and "not usable" in bad.error_text and "host" in bad.error_text
    assert isinstance(make_printer({"kind": "teleport"}, tmp_path / "q"), NullPrinter)


def test_make_printer_file_kind_prints(tmp_path):
    p = make_printer(
        {"kind": "file", "directory": str(tmp_path / "out"), "paper_mm": 58},
        tmp_path / "q",
        format_amount=eur,
    )
    try:
        assert isinstance(p, QueuedPrinter) and p.width == 32
        assert p.print_receipt(receipt(1, mark=ReceiptMark.COPY)).result(TIMEOUT).printed
    finally:
        p.close()
    (f,) = (tmp_path / "out").glob("*.escpos")
    lines = parse_escpos(f.read_bytes()).text_lines()
    assert max(len(t) for t in lines) <= 32 and any("*** COPY ***" in t for t in lines)


def test_demo_printer_writes_renderable_files_and_simulates_faults(tmp_path):
    from hardware.printer import demo_printer
    from hardware.printer.render import render_png

    p = demo_printer(tmp_path / "data", format_amount=eur, retry_interval=3600)
    try:
        p.transport.fault = "offline"
        assert not p.print_receipt(receipt(1)).result(TIMEOUT).printed
        assert p.status().summary == "Printer offline — 1 receipt waiting"
        p.transport.fault = "none"
        assert p.retry().result(TIMEOUT) == 1
    finally:
        p.close()
    (f,) = (tmp_path / "data" / "printer-output").glob("*.escpos")
    img = render_png(f.read_bytes(), tmp_path / "r.png")
    assert img.height > 1000 and (tmp_path / "r.png").stat().st_size > 10_000
    assert (tmp_path / "data" / "print-queue" / QUEUE_FILE).exists()


def test_printer_config_from_the_settings_registry(tmp_path):
    from hardware.printer import printer_config

    assert printer_config("none", "", tmp_path) is None
    assert printer_config("file", "", tmp_path) == {
        "kind": "file",
        "directory": str(tmp_path / "printer-output"),
    }
    assert printer_config("escpos-usb", "04b8:0202", tmp_path) == {
        "kind": "usb",
        "vendor_id": 0x04B8,
        "product_id": 0x0202,
    }
    assert printer_config("escpos-network", "10.0.0.9", tmp_path) == {
        "kind": "network",
        "host": "10.0.0.9",
        "port": 9100,
    }
    assert printer_config("escpos-network", "pr.local:9101", tmp_path)["port"] == 9101
    assert printer_config("escpos-serial", "/dev/ttyUSB0@19200", tmp_path) == {
        "kind": "serial",
        "device": "/dev/ttyUSB0",
        "baudrate": 19200,
    }
    assert printer_config("escpos-serial", "COM3", tmp_path)["baudrate"] == 9600
    for kind, target, words in [
        ("escpos-usb", "epson", "vendor:product"),
        ("escpos-network", "", "empty"),
        ("escpos-network", "host:port", "host:port"),
        ("laser", "x", "unknown"),
    ]:
        with pytest.raises(ValueError, match=words):
            printer_config(kind, target, tmp_path)


def test_unwritable_queue_directory_gives_a_null_printer(tmp_path):
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("x")
    p = make_printer({"kind": "file", "directory": str(tmp_path / "out")}, blocker / "q")
    assert isinstance(p, NullPrinter) and "not usable" in p.error_text


def test_housekeeping_keeps_recent_printed_jobs_and_never_a_waiting_one(mem, tmp_path):
    with QueuedPrinter(mem, tmp_path / "q", format_amount=eur, keep_printed=2, retry_interval=3600) as p:
        for n in range(1, 5):
            p.print_receipt(receipt(n)).result(TIMEOUT)
        mem.fail_with = offline_error()
        p.print_receipt(receipt(5)).result(TIMEOUT)
        p.print_receipt(receipt(6)).result(TIMEOUT)
        mem.fail_with = None
        p.print_receipt(receipt(7)).result(TIMEOUT)  # prints 5, 6, 7 in order, then housekeeping
        kept = p.jobs(include_printed=True).result(TIMEOUT)
    assert [j.receipt_no for j in kept] == ["T01-000006", "T01-000007"]
    assert printed_receipt_numbers(mem)[-3:] == ["T01-000005", "T01-000006", "T01-000007"]


def test_a_cancelled_future_does_not_cancel_the_receipt(tmp_path):
    release = threading.Event()

    class Picky(MemoryTransport):
        receipts_fail = True

        def send(self, data, job_name=""):
            if job_name == "drawer-kick":
                release.wait(TIMEOUT)  # keeps the printer thread busy while the test cancels
                raise offline_error()
            if self.receipts_fail:
                raise offline_error()
            super().send(data, job_name)

    t = Picky()
    with QueuedPrinter(t, tmp_path / "q", format_amount=eur, retry_interval=3600) as p:
        assert not p.print_receipt(receipt(1)).result(TIMEOUT).printed
        kick = p.open_drawer("no sale")
        second = p.print_receipt(receipt(2))
        wait_until(lambda: p.status().waiting == 2)  # durably queued while the device is busy
        assert second.cancel()
        t.receipts_fail = False
        release.set()
        with pytest.raises(PrinterError):
            kick.result(TIMEOUT)
        # Nobody waits for receipt 2 any more, but its attempt still runs and prints the queue.
        wait_until(lambda: len(t.jobs) == 2)
    assert printed_receipt_numbers(t) == ["T01-000001", "T01-000002"]


def test_failed_receipt_reports_not_printed_and_can_be_retried(printer, mem, tmp_path):
    mem.fail_with = offline_error()
    printer.print_receipt(receipt(1)).result(TIMEOUT)
    with sqlite3.connect(tmp_path / "q" / QUEUE_FILE) as c:
        good = c.execute("SELECT payload FROM jobs WHERE receipt_no = 'T01-000001'").fetchone()[0]
        c.execute("UPDATE jobs SET payload = '{\"broken\": 1}' WHERE receipt_no = 'T01-000001'")
    c.close()
    mem.fail_with = None
    out = printer.print_receipt(receipt(2)).result(TIMEOUT)
    assert out.printed
    (failed,) = printer.jobs().result(TIMEOUT)
    assert failed.state == "failed"
    # After a fix (here: the payload repaired), staff retry that receipt.
    with sqlite3.connect(tmp_path / "q" / QUEUE_FILE) as c:
        c.execute("UPDATE jobs SET payload = ? WHERE job_id = ?", (good, failed.job_id))
    c.close()
    assert printer.retry(failed.job_id).result(TIMEOUT) == 1
    assert printed_receipt_numbers(mem) == ["T01-000002", "T01-000001"]
    assert printer.status().ok


def test_first_attempt_of_an_unprintable_receipt_says_not_printed(tmp_path):
    from escpos.exceptions import TextError

    class Picky(MemoryTransport):
        def deliver_receipt(self, receipt, width, profile=None, kanji=False):
            raise TextError("unsupported character")

    with QueuedPrinter(Picky(), tmp_path / "q", format_amount=eur) as p:
        out = p.print_receipt(receipt(1)).result(TIMEOUT)
        assert not out.printed and "could not be prepared" in out.message
        assert p.status().failed == 1


def test_missing_usb_library_keeps_receipts_waiting():
    from hardware.printer import classify_error

    problem = classify_error(
        RuntimeError("Printing with USB connection requires a usb library tobe installed.")
    )
    assert problem.state is PrinterState.NOT_CONFIGURED and problem.transient and "pyusb" in problem.message
    serial = classify_error(
        RuntimeError("Printing with Serial requires the pyserial library tobe installed.")
    )
    assert serial.state is PrinterState.NOT_CONFIGURED and "pyserial" in serial.message
