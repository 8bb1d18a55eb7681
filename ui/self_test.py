"""`omo-pos --self-test`: does this installation work? Run it after installing a bundle.

Starts offscreen (no screen needed), opens the real main window in demo mode on a throw-away data
directory (or `--data-dir DIR`), waits for the login screen and for the shop's services, then runs
`app.self_check` (journal, keyring, camera pipeline, printer, Stripe simulator, backend) and loads every
compiled translation. Prints one line per check and exits 0 only when all pass (1 otherwise, 2 when the
till could not open). The lines go to the log too (the Windows bundle has no console).
"""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

log = logging.getLogger("ui.self_test")


def _process_age() -> float:
    """Seconds since this process started (the frozen bootloader included)."""
    import psutil

    return time.time() - psutil.Process().create_time()


def run(argv: list[str]) -> int:
    p = argparse.ArgumentParser(prog="omo-pos --self-test", description=(__doc__ or "").split("\n\n")[0])
    p.add_argument("--data-dir", default=None, help="use DIR (default: a temporary directory, removed after)")
    p.add_argument("--timeout", type=float, default=180.0, help="seconds to wait for the shop to open")
    args = p.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    tmp = None if args.data_dir else tempfile.mkdtemp(prefix="omo-pos-self-test-")
    try:
        return _run(Path(args.data_dir or tmp), args.timeout)
    finally:
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)


def _run(data_dir: Path, timeout: float) -> int:
    from app import logs
    from app import settings as settings_mod
    from app.paths import Paths

    paths = Paths.resolve(data_dir).create()
    # the demo with a small catalog: this checks the installation, not the catalog's size
    overrides = [
        "mode=demo",
        "camera.source=none",
        "demo.auto_tap_s=0",
        "ui.idle_lock_s=0",
        "demo.products=500",
    ]
    settings = settings_mod.load(paths.settings_file, os.environ, overrides)
    logs.setup(paths.logs, settings["log.level"])
    try:
        return _check_window(paths, settings, timeout)
    finally:
        logs.shutdown()


def _say(line: str) -> None:
    print(line, flush=True)
    log.info("self-test: %s", line)


def _check_window(paths, settings, timeout: float) -> int:  # noqa: ANN001
    from app.self_check import check_shop
    from ui.i18n import available_languages, load_translator
    from ui.qt import QApplication

    app = QApplication.instance() or QApplication(["omo-pos"])
    from ui.main_window import MainWindow

    window = MainWindow(paths, settings)
    window.show()
    app.processEvents()
    if not window.login.isVisible():
        _say("FAIL login     the login screen is not shown")
        return 1
    _say(f"ok   login      login screen shown {_process_age():.2f} s after the process started")
    failures = 0
    try:
        deadline = time.monotonic() + timeout
        while window.shop is None and not window.startup_error and time.monotonic() < deadline:
            app.processEvents()
            time.sleep(0.02)
        if window.shop is None:
            _say(f"FAIL shop       {window.startup_error or f'not open after {timeout:.0f} s'}")
            return 2
        _say(f"ok   shop       demo shop open {_process_age():.2f} s after the process started")
        for check in check_shop(window.shop):
            failures += not check.ok
            _say(check.line())
        langs = available_languages()
        for lang in langs:
            if load_translator(app, lang) is None:
                failures += 1
                _say(f"FAIL language   {lang}: the compiled translation does not load")
        if not langs:
            failures += 1
            _say("FAIL language   no compiled translation in the bundle")
        else:
            _say(f"ok   language   {', '.join(langs)} load")
    finally:
        window.close()
        window.shutdown()
    _say("self-test passed" if not failures else f"self-test FAILED: {failures} check(s)")
    return 1 if failures else 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(run(sys.argv[1:]))
