"""`omo-pos`: the command line. Parses it, resolves paths and settings, then either runs a terminal
command (Qt-free, here or below `app/`) or hands over to the window (`ui.main` passes `run_gui`).

Heavy imports (stripe, cv2, requests, fastapi, sqlite_utils…) are done lazily, after the first window is
on screen, so start-up to the login screen stays within its budget.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys
from collections.abc import Callable

from app import settings as settings_mod
from app.paths import Paths

log = logging.getLogger("app.cli")

# Terminal commands implemented below ui/ take (argv, data_dir=...) and return an exit status; they are
# imported only when used. (command words) -> ("module:function", help)
TERMINAL_COMMANDS: dict[tuple[str, ...], tuple[str, str]] = {
    ("audit", "verify"): (
        "app.audit_cli:verify",
        "check the audit log's hash chain and compare it with the backend's anchored copy",
    ),
    ("backup",): ("sync.cli:backup", "copy the journal to PATH with SQLite's backup API"),
    ("members", "purge"): ("app.members:purge_cli", "forget every member profile and check-in kept here"),
    ("sync", "status"): ("sync.sync_cli:sync_status", "queue depth, oldest unsynced event, dead letters"),
    ("sync", "retry-dead"): ("sync.sync_cli:sync_retry_dead", "put dead-lettered events back in the queue"),
    ("sync", "reconcile"): (
        "app.reconcile_cli:main",
        "send the backend whatever it lacks of this till's events",
    ),
    ("decode",): ("hardware.cli:decode", "run the QR pipeline on image files and print what it finds"),
    ("reader",): ("app.reader_cli:main", "list, or register, the Stripe card readers of this store"),
    ("staff",): ("app.staff_cli:main", "the live till's staff file: list, add, set-pin, deactivate"),
    ("till", "status"): ("app.till_cli:status", "is the till open, expected cash, events waiting to sync"),
    ("till", "x-report"): ("app.till_cli:x_report", "the open session's X report (--json)"),
    ("till", "z-report"): (
        "app.till_cli:z_report",
        "a closed session's Z report (SESSION, --pdf FILE, --json)",
    ),
}
# commands that take the effective settings instead of the data directory
_WITH_SETTINGS = {("reader",)}
# commands that take the data directory and the settings
_WITH_BOTH = {("till", "status"), ("till", "x-report"), ("till", "z-report")}
# commands that do not need the data directory
_NO_DATA_DIR = {("decode",)}
# commands that take the paths and the settings
_WITH_PATHS = {("staff",), ("audit", "verify")}
# commands that open the till's services (the paths and the settings)
_WITH_SHOP = {("sync", "reconcile")}


def _common(defaults: bool) -> argparse.ArgumentParser:
    """--data-dir and --set, accepted before the command and after it (`omo-pos drive --data-dir D`)."""
    p = argparse.ArgumentParser(add_help=False)
    p.add_argument(
        "--data-dir",
        metavar="DIR",
        default=None if defaults else argparse.SUPPRESS,
        help="keep all data, settings and logs under DIR (also $OMO_POS_DATA_DIR)",
    )
    p.add_argument(
        "--set",
        metavar="NAME=VALUE",
        action="append",
        default=[] if defaults else argparse.SUPPRESS,
        help="override a setting for this run (see 'omo-pos config show'); repeatable",
    )
    return p


def _build_parser() -> argparse.ArgumentParser:
    from app import drive

    p = argparse.ArgumentParser(
        prog="omo-pos",
        description="OMO POS, the in-store point of sale. With no command, starts the till "
        "(the embedded demo shop unless mode=live).",
        parents=[_common(True)],
    )
    common = _common(False)
    p.add_argument(
        "--self-test",
        action="store_true",
        help="check this installation offscreen (window, journal, keyring, camera, printer, demo services)",
    )
    p.add_argument("--exit-after-ms", type=int, default=None, help=argparse.SUPPRESS)
    p.add_argument("--screenshot", metavar="PNG", default=None, help=argparse.SUPPRESS)
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    sub.add_parser("run", help="start the till (the default)", parents=[common])
    dp = sub.add_parser(
        "drive",
        help="run a shift of sales headless through the till's services (JSON lines)",
        description=(drive.__doc__ or "").split("\n\n")[0],
        parents=[common],
    )
    drive.add_arguments(dp)
    cfg = sub.add_parser("config", help="settings", parents=[common]).add_subparsers(
        dest="config_command", required=True
    )
    cfg.add_parser("show", help="print the effective settings, secrets masked", parents=[common])
    cfg.add_parser("path", help="print the settings file's path", parents=[common])
    groups: dict[str, argparse._SubParsersAction] = {}
    for words, (_target, help_text) in TERMINAL_COMMANDS.items():
        if len(words) == 1:
            sp = sub.add_parser(words[0], help=help_text)
        else:
            if words[0] not in groups:
                groups[words[0]] = sub.add_parser(words[0], help=f"{words[0]} commands").add_subparsers(
                    dest=f"{words[0]}_command", required=True
                )
            sp = groups[words[0]].add_parser(words[1], help=help_text)
        sp.add_argument("args", nargs=argparse.REMAINDER, help=argparse.SUPPRESS)
        sp.set_defaults(terminal=words)
    return p


def config_show(paths: Paths, settings: settings_mod.Settings) -> int:
    print(f"# data directory: {paths.data}")
    print(f"# settings file:  {paths.settings_file}" + ("" if paths.settings_file.exists() else " (none)"))
    print(f"# log directory:  {paths.logs}")
    width = max(len(n) for n in settings_mod.REGISTRY)
    for name, value, source in settings.describe():
        print(f"{name:<{width}} = {value:<28} # {source}")
    print(f"# store money rules: {_store_rules(settings)}")
    print("# secrets (OS keyring):")
    for label, user in (
        ("stripe api key", "stripe-api-key"),
        ("backend device token", "backend-device-token"),
    ):
        print(f"#   {label}: {_keyring_state(user)}")
    return 0


def _store_rules(settings: settings_mod.Settings) -> str:
    """The store's effective money rules (its preset with its own settings on top), or why it has none."""
    from app.shop import store_config

    try:
        c = store_config(settings)
    except settings_mod.SettingsError as exc:
        return f"refused: {exc}"
    rates = ", ".join(f"{r.code} {r.text}%" for r in c.tax_rates)
    prices = "include tax" if c.prices_include_tax else "exclude tax"
    tax = f"{c.tax_rounding.value} {c.tax_rounding_method.value}, cash rounding {c.cash_rounding.value}"
    return f"{c.currency}, {c.locale}, prices {prices}, tax {tax}; rates {rates}"


def _keyring_state(username: str) -> str:
    try:
        import keyring
        from keyring.errors import KeyringError

        try:
            return "set (hidden)" if keyring.get_password("omo-pos", username) else "not set"
        except KeyringError as exc:
            return f"keyring unavailable ({exc.__class__.__name__})"
    except ImportError:  # pragma: no cover - keyring is a hard dependency
        return "keyring not installed"


def _resolve(target: str) -> Callable[..., int]:
    module, _, func = target.partition(":")
    return getattr(importlib.import_module(module), func)


GuiRunner = Callable[..., int]


def main(argv: list[str] | None = None, *, run_gui: GuiRunner | None = None) -> int:
    """`run_gui(paths, settings, exit_after_ms=..., screenshot=...)` starts the window; it comes from the
    layer above (`ui.main`), so nothing here imports Qt."""
    os.umask(0o077)  # whatever the till writes (journal, logs, member cache, settings) is its user's only
    parser = _build_parser()
    args, extra = parser.parse_known_args(argv)
    if extra:  # options after a terminal command's words belong to it (`till x-report --json`)
        if not getattr(args, "terminal", None):
            parser.error(f"unrecognized arguments: {' '.join(extra)}")
        args.args = [*extra, *args.args]
    if args.self_test:  # ui.main runs it (it needs the window); this entry point has none
        print("omo-pos: --self-test needs the window: run it with `omo-pos --self-test`", file=sys.stderr)
        return 2
    paths = Paths.resolve(args.data_dir)
    try:
        settings = settings_mod.load(paths.settings_file, os.environ, args.set)
    except settings_mod.SettingsError as exc:
        print(f"omo-pos: {exc}", file=sys.stderr)
        return 2

    if args.command == "drive":
        from app import drive, logs

        paths.create()
        logs.setup(paths.logs, settings["log.level"])
        try:
            return drive.run(args, paths, settings)
        finally:
            logs.shutdown()
    if args.command == "config":
        if args.config_command == "path":
            print(paths.settings_file)
            return 0
        return config_show(paths, settings)
    if getattr(args, "terminal", None):
        target, _ = TERMINAL_COMMANDS[args.terminal]
        if args.terminal in _NO_DATA_DIR:
            return _resolve(target)(list(args.args))
        if args.terminal in _WITH_PATHS:
            return _resolve(target)(list(args.args), paths=paths.create(), settings=settings)
        if args.terminal in _WITH_SHOP:
            return _resolve(target)(list(args.args), paths=paths, settings=settings)
        if args.terminal in _WITH_BOTH:
            return _resolve(target)(list(args.args), data_dir=paths.data, settings=settings)
        if args.terminal in _WITH_SETTINGS:
            return _resolve(target)(list(args.args), settings=settings)
        return _resolve(target)(list(args.args), data_dir=paths.data)

    from app import logs

    paths.create()
    logs.setup(paths.logs, settings["log.level"])
    log.info("starting: mode=%s data=%s", settings["mode"], paths.data)
    if run_gui is None:
        print("omo-pos: this entry point has no window; start the till with `omo-pos`", file=sys.stderr)
        return 2
    try:
        return run_gui(paths, settings, exit_after_ms=args.exit_after_ms, screenshot=args.screenshot)
    finally:
        log.info("stopped")
        logs.shutdown()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
