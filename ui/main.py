"""The `omo-pos` entry point: the command line of `app.cli`, with the window as the default command.

Qt is imported only when the window starts, so terminal commands (`omo-pos drive`, `config`, `sync` ...)
run where PySide6 is missing or cannot load.
"""

from __future__ import annotations

import sys
from typing import Any


def run_gui(*args: Any, **kwargs: Any) -> int:
    from ui.gui import run_gui as start

    return start(*args, **kwargs)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else list(argv)
    if "--self-test" in args:  # the installed bundle's check (ui/self_test.py)
        from ui.self_test import run

        return run([a for a in args if a != "--self-test"])
    from app import cli

    return cli.main(argv, run_gui=run_gui)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
