"""The command line every screenshot tour shares (`python -m ui.tour`, `ui.members_tour`, ...)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterable
from pathlib import Path


def tour_cli(
    prog: str,
    description: str,
    render: Callable[[argparse.Namespace], Iterable[Path]],
    *,
    sized: bool = True,
    options: Callable[[argparse.ArgumentParser], None] | None = None,
) -> Callable[[list[str] | None], int]:
    """A tour module's `main`: --out (and --size), the tour's own options, the PNGs' paths on standard
    output, exit status 1 and one line on standard error when the tour cannot finish."""

    def main(argv: list[str] | None = None) -> int:
        from ui.tour import DEFAULT_OUT, TourError, parse_size  # ui.tour's own main is made here

        p = argparse.ArgumentParser(prog=f"python -m {prog}", description=description)
        p.add_argument(
            "--out", default=str(DEFAULT_OUT), help="directory for the PNGs (default docs/screenshots)"
        )
        if sized:
            p.add_argument(
                "--size", type=parse_size, default=(1024, 768), help="window size (default 1024x768)"
            )
        if options is not None:
            options(p)
        args = p.parse_args(argv)
        try:
            for path in render(args):
                print(path)
        except TourError as e:
            print(f"{prog.rsplit('.', 1)[-1].replace('_', ' ')}: {e}", file=sys.stderr)
            return 1
        return 0

    return main
