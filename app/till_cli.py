"""`omo-pos till status | x-report | z-report SESSION [--pdf FILE] [--json]`: the till from a terminal.

Read-only: it reads the journal through a read-only connection (WAL lets it run beside a till that is
open), so it never takes the till's lock and never changes anything. Opening, cash movements and the
close are the Till page's (or `app.till.TillService`'s).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from app.settings import Settings


def _parser(command: str) -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog=f"omo-pos till {command}")
    if command == "z-report":
        p.add_argument("session", nargs="?", help="the session id (default: the last closed session)")
        p.add_argument("--pdf", metavar="FILE", help="also save the Z report as a PDF")
    p.add_argument("--json", action="store_true", help="print JSON instead of text")
    return p


def _connect(data_dir: Path) -> Any:
    from sync.store.connection import connect_ro
    from sync.store.core import DB_NAME

    path = Path(data_dir) / DB_NAME
    if not path.exists():
        raise FileNotFoundError(f"no till journal in {data_dir} (start the till once, or pass --data-dir)")
    return connect_ro(path)


def _fmt(settings: Settings) -> Any:
    from pos.money import Money

    return lambda minor: Money(minor, settings["store.currency"]).format(settings["store.locale"])


def _labelled(report: Any, settings: Settings) -> Any:
    from dataclasses import replace

    from app.shop import store_config

    labels = {r.code: r.label for r in store_config(settings).tax_rates}
    return replace(report, rates=tuple(replace(r, label=labels.get(r.label, r.label)) for r in report.rates))


def main(argv: list[str], *, data_dir: Path, settings: Settings, command: str) -> int:
    from app.i18n import Catalog, store_locale
    from app.till_report import header_lines, render_text, report_sections, write_pdf
    from pos.till import build_report
    from sync.store import journal
    from sync.store import till as sessions

    args = _parser(command).parse_args(argv)
    till_id = settings["till.id"]
    fmt = _fmt(settings)
    words = Catalog.load(store_locale(settings))  # reports print in the store's language
    try:
        conn = _connect(data_dir)
    except FileNotFoundError as e:
        print(f"omo-pos till: {e}", file=sys.stderr)
        return 2
    try:
        if command == "status":
            info = sessions.open_session_of(conn, till_id)
            waiting, oldest = sessions.unsynced(conn)
            recent = [s for s in sessions.sessions(conn, till_id, 5) if s.closed_at]
            status: dict[str, Any] = {
                "till_id": till_id,
                "open_session": None if info is None else info.session_id,
                "opened_at": None if info is None else info.opened_at,
                "opened_by": None if info is None else info.opened_by,
                "unsynced_events": waiting,
                "oldest_unsynced_at": oldest,
                "recent_closed": [s.session_id for s in recent],
            }
            if info is not None:
                status["expected_cash"] = build_report(sessions.figures(conn, info.session_id)).expected_cash
            if args.json:
                print(json.dumps(status, indent=2))
            elif info is None:
                print(f"Till {till_id}: closed. {waiting} events wait to sync.")
            else:
                print(
                    f"Till {till_id}: open since {info.opened_at} (session {info.session_id}, by "
                    f"{info.opened_by}); expected in the drawer {fmt(status['expected_cash'])}; "
                    f"{waiting} events wait to sync."
                )
            return 0
        if command == "x-report":
            info = sessions.open_session_of(conn, till_id)
            if info is None:
                print(f"omo-pos till: till {till_id} is not open: no X report.", file=sys.stderr)
                return 1
            report = _labelled(build_report(sessions.figures(conn, info.session_id)), settings)
            if args.json:
                print(json.dumps({"session_id": info.session_id, **report.to_json()}, indent=2))
            else:
                print(
                    render_text(
                        report_sections(report, fmt, tr=words.tr),
                        [f"X report · till {till_id} · {info.session_id}"],
                    )
                )
            return 0
        from app.till import ZReport

        session = args.session or next(
            (s.session_id for s in sessions.sessions(conn, till_id) if s.closed_at), None
        )
        closure = journal.get_closure(conn, session) if session else None
        if closure is None:
            print(
                f"omo-pos till: no closed session {session or ''} on till {till_id}.".replace("  ", " "),
                file=sys.stderr,
            )
            return 1
        z = ZReport.of(closure)
        sections = report_sections(z.report, fmt, z=z, tr=words.tr)
        header = header_lines(z, words.tr)
        if args.pdf:
            write_pdf(args.pdf, sections, header, z.report.by_hour, amount_unit=10 ** _exp(settings))
        if args.json:
            print(json.dumps(closure.to_dict(), indent=2))
        else:
            print(render_text(sections, header))
        if args.pdf:
            print(f"PDF saved: {args.pdf}", file=sys.stderr)
        return 0
    finally:
        conn.close()


def _exp(settings: Settings) -> int:
    from pos.money import exponent

    return exponent(settings["store.currency"])


def status(argv: list[str], *, data_dir: Path, settings: Settings) -> int:
    return main(argv, data_dir=data_dir, settings=settings, command="status")


def x_report(argv: list[str], *, data_dir: Path, settings: Settings) -> int:
    return main(argv, data_dir=data_dir, settings=settings, command="x-report")


def z_report(argv: list[str], *, data_dir: Path, settings: Settings) -> int:
    return main(argv, data_dir=data_dir, settings=settings, command="z-report")


__all__ = ["status", "x_report", "z_report"]
