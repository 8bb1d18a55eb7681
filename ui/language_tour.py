"""Screenshots in other languages, and the stretched pseudo-locale that finds clipped layouts.

    python -m ui.language_tour [--language it|ja|pt|pseudo|all] [--out docs/screenshots] [--every-screen]

Runs `ui.tour`, `ui.members_tour` and `ui.till_tour` with the window in LANGUAGE and the demo store in a
country that speaks it (Italy, Japan, Portugal: their money, dates and tax), saving NAME-LANG.png. By
default the checkout, the member panel and the Z report; `--every-screen` saves every screen of the tours
(what to look through in `pseudo`, where every word is accented, 40 % longer and bracketed: a label cut
short loses its `]`).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from pathlib import Path

from ui.members_tour import MembersTour
from ui.till_tour import TillTour
from ui.tour import Tour
from ui.tour_cli import tour_cli

# language -> the demo store that speaks it
STORES: dict[str, tuple[str, ...]] = {
    "it": ("store.country=IT", "store.tax_preset=IT", "store.name=OMO Milano Centrale"),
    "ja": ("store.country=JP", "store.tax_preset=JP", "store.name=OMO 渋谷店"),
    "pt": ("store.country=PT", "store.tax_preset=PT", "store.name=OMO Lisboa Chiado"),
    "pseudo": ("ui.staff_languages=S001=pseudo,S002=pseudo,S003=pseudo",),  # staff reading pseudo
}
DOCS = {"checkout", "receipt", "members-full-consent", "till-z-report"}
# what the manager types as the reason for the shortage at the close, in the store's language
REASONS = {
    "it": "manca una banconota da 20; controllati pavimento e cassaforte",
    "ja": "2千円不足。床と金庫を確認済み",
    "pt": "falta uma nota de 20; verificados o chão e o cofre",
}


def run(language: str, out: Path, *, every_screen: bool = False) -> list[Path]:
    only = None if every_screen else DOCS
    settings = STORES[language]
    paths = Tour(out, language=language, settings=settings, only=only).run()
    paths += MembersTour(out, language=language, settings=settings, only=only).run()
    till = TillTour(out, language=language, settings=settings, only=only)
    till.reason = REASONS.get(language, till.reason)
    paths += till.run()
    return [p for p in paths if p.exists()]


def _options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--language", default="all", choices=[*STORES, "all"])
    p.add_argument(
        "--every-screen", action="store_true", help="every screen of the tours, not only the docs'"
    )


def _render(args: argparse.Namespace) -> Iterator[Path]:
    for lang in [args.language] if args.language != "all" else ["it", "ja"]:
        yield from run(lang, Path(args.out), every_screen=args.every_screen)


main = tour_cli("ui.language_tour", (__doc__ or "").split("\n\n")[0], _render, sized=False, options=_options)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
