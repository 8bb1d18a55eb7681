"""The program's translations: i18n/omo_<lang>.ts (committed) -> i18n/omo_<lang>.qm (built, not committed).

    python tools/i18n.py update   # extract every tr()/translate()/QT_TRANSLATE_NOOP string of ui/ and app/,
                                  # and every N_() of pos/ (the domain's error messages, "app" context)
                                  # into i18n/*.ts (its own extractor, see extract()); new strings arrive
                                  # unfinished
    python tools/i18n.py check    # every string translated in every language, placeholders ({name}) the
                                  # same in source and translation; exits 1 and lists what is wrong
    python tools/i18n.py build    # compile i18n/*.ts to .qm (pyside6-lrelease); the bundle and the window
                                  # load those; checks first

A new screen's strings: run `update`, translate the new (unfinished) messages in each .ts (Qt Linguist:
`pyside6-linguist i18n/omo_it.ts`, or any editor), `check`. English is the source language; its .ts holds
the plural forms and marks every message finished.
"""

from __future__ import annotations

import argparse
import ast
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
I18N = ROOT / "i18n"
SOURCES = ("ui", "app", "pos", "hardware", "sync")  # hardware, sync: the reader's, the backend's (N_)
LANGUAGES = ("en", "it", "pt", "ja")
PSEUDO = "pseudo"  # the stretched pseudo-locale: generated from English by `build`, never committed
# A placeholder: {name}, {name:spec}, {0}; {{ and }} are literal braces. Qt's %n (plural count), %1..%9
# and Python's %s/%d also count.
_FIELD = re.compile(r"(?<!\{)\{([A-Za-z_0-9]*)(?:[:!][^{}]*)?\}(?!\})")
_PERCENT = re.compile(r"%(?:n|[1-9]|s|d)")


def ts_path(lang: str) -> Path:
    return I18N / f"omo_{lang}.ts"


def qm_path(lang: str) -> Path:
    return I18N / f"omo_{lang}.qm"


def _tool(name: str) -> str:
    """pyside6-lrelease of the interpreter running this (the venv's), or on PATH."""
    here = Path(sys.executable).parent
    for candidate in (here / name, here / f"{name}.exe"):
        if candidate.exists():
            return str(candidate)
    found = shutil.which(name)
    if not found:
        raise SystemExit(f"i18n: {name} not found (it ships with PySide6: run `python3 dev.py test` once)")
    return found


def placeholders(text: str) -> list[str]:
    """The named fields of a str.format template, sorted (a translation may reorder them)."""
    return sorted(["{" + f + "}" for f in _FIELD.findall(text)] + _PERCENT.findall(text))


def messages(path: Path) -> list[tuple[str, ET.Element]]:
    """(context name, <message>) of a .ts file."""
    root = ET.parse(path).getroot()
    return [(ctx.findtext("name") or "", m) for ctx in root.iter("context") for m in ctx.iter("message")]


def translations(m: ET.Element) -> list[str]:
    """The translated text(s) of a message: one, or one per plural form."""
    t = m.find("translation")
    if t is None:
        return []
    forms = t.findall("numerusform")
    return [f.text or "" for f in forms] if forms else [t.text or ""]


def problems(path: Path) -> list[str]:
    """What is wrong with one .ts: unfinished or empty translations, placeholders that do not match."""
    out = []
    for ctx, m in messages(path):
        source = m.findtext("source") or ""
        t = m.find("translation")
        kind = t.get("type") if t is not None else "missing"
        if kind in ("obsolete", "vanished"):
            continue
        where = f"{path.name}: [{ctx}] {source!r}"
        texts = translations(m)
        if kind in ("unfinished", "missing") or not texts or not all(x.strip() for x in texts):
            out.append(f"{where}: not translated")
            continue
        for x in texts:
            if placeholders(x) != placeholders(source):
                out.append(
                    f"{where}: placeholders {placeholders(x)} in {x!r}, the source has {placeholders(source)}"
                )
    return out


# ------------------------------------------------------------------ extraction
# pyside6-lupdate reads Python too, but it cannot resolve a context held in a constant
# (QT_TRANSLATE_NOOP(C, ...) with C = "app"), a helper such as Presenter.tr_ or an alias (tr = self.tr):
# it files those under the wrong context or none, and the translation is never found. This extractor
# knows the program's conventions and refuses what it cannot place.
TR_METHODS = {"tr", "tr_"}  # self.tr(...) and Presenter.tr_(...): the context is the class defining the call
# pos.errors.N_(...): the domain's error templates; app.messages.said() passes them to the window, which
# translates them where it translates the services' own messages
DOMAIN_MARK, DOMAIN_CONTEXT = "N_", "app"


class Problem(Exception):
    pass


def _literal(node: ast.AST | None) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


class _Extractor(ast.NodeVisitor):
    def __init__(self, path: Path, constants: dict[str, str]) -> None:
        self.path, self.constants = path, dict(constants)
        self.found: list[tuple[str, str, bool]] = []  # (context, source, numerus)
        self.problems: list[str] = []
        self.classes: list[str] = []
        self.aliases: list[dict[str, str]] = [{}]

    def _context(self, node: ast.AST) -> str | None:
        return _literal(node) or (self.constants.get(node.id) if isinstance(node, ast.Name) else None)

    def visit_Module(self, node: ast.Module) -> None:  # noqa: N802
        for stmt in node.body:  # module constants: C = "app"
            if (
                isinstance(stmt, ast.Assign)
                and len(stmt.targets) == 1
                and isinstance(stmt.targets[0], ast.Name)
            ):
                if (value := _literal(stmt.value)) is not None:
                    self.constants[stmt.targets[0].id] = value
        self.generic_visit(node)

    def visit_ClassDef(self, node: ast.ClassDef) -> None:  # noqa: N802
        self.classes.append(node.name)
        self.generic_visit(node)
        self.classes.pop()

    def visit_FunctionDef(self, node: ast.FunctionDef) -> None:  # noqa: N802
        self.aliases.append({})
        self.generic_visit(node)
        self.aliases.pop()

    def visit_Assign(self, node: ast.Assign) -> None:  # noqa: N802
        v = node.value  # tr = self.tr
        if (
            isinstance(v, ast.Attribute)
            and v.attr in TR_METHODS
            and isinstance(v.value, ast.Name)
            and v.value.id in ("self", "cls")
            and self.classes
        ):
            for t in node.targets:
                if isinstance(t, ast.Name):
                    self.aliases[-1][t.id] = self.classes[-1]
        self.generic_visit(node)

    def _add(self, node: ast.Call, context: str | None, text_arg: int) -> None:
        args = node.args
        text = _literal(args[text_arg]) if len(args) > text_arg else None
        if text is None:
            return  # a variable: its text was marked where it was written (QT_TRANSLATE_NOOP)
        if context is None:
            self.problems.append(
                f"{self.path}:{node.lineno}: cannot tell the translation context of {text!r} "
                '(use self.tr in the class, QCoreApplication.translate("Context", ...) or QT_TRANSLATE_NOOP)'
            )
            return
        numerus = len(args) > text_arg + 2  # tr(text, disambiguation, n)
        self.found.append((context, text, numerus))

    def visit_Call(self, node: ast.Call) -> None:  # noqa: N802
        f = node.func
        if isinstance(f, ast.Name) and f.id == "QT_TRANSLATE_NOOP" and len(node.args) >= 2:
            self._add(node, self._context(node.args[0]), 1)
        elif isinstance(f, ast.Name) and f.id == DOMAIN_MARK and node.args:
            self._add(node, DOMAIN_CONTEXT, 0)
        elif isinstance(f, ast.Name) and f.id in self.aliases[-1]:
            self._add(node, self.aliases[-1][f.id], 0)
        elif isinstance(f, ast.Attribute) and f.attr == "translate" and len(node.args) >= 2:
            if _literal(node.args[1]) is not None:
                self._add(node, self._context(node.args[0]), 1)
        elif isinstance(f, ast.Attribute) and f.attr in TR_METHODS and node.args:
            owner = f.value
            mine = isinstance(owner, ast.Name) and owner.id in ("self", "cls") and self.classes
            self._add(node, self.classes[-1] if mine else None, 0)
        self.generic_visit(node)


def extract(sources: tuple[str, ...] = SOURCES) -> tuple[list[tuple[str, str, bool]], list[str]]:
    """Every marked string of the program: (context, source, numerus), in file order; and what could not
    be placed."""
    found: list[tuple[str, str, bool]] = []
    wrong: list[str] = []
    constants = {"CONTEXT": "app"}  # app.messages.CONTEXT, imported where services mark their sentences
    for folder in sources:
        for path in sorted((ROOT / folder).rglob("*.py")):
            x = _Extractor(path.relative_to(ROOT), constants)
            x.visit(ast.parse(path.read_text(encoding="utf-8"), str(path)))
            found += x.found
            wrong += x.problems
    seen: set[tuple[str, str]] = set()
    unique = []
    for ctx, text, numerus in found:
        if (ctx, text) not in seen:
            seen.add((ctx, text))
            unique.append((ctx, text, numerus))
    return unique, wrong


def update(langs: tuple[str, ...] = LANGUAGES) -> None:
    """Rewrite each .ts with the program's strings now: translations kept, new strings unfinished, strings
    gone from the code dropped."""
    found, wrong = extract()
    if wrong:
        raise SystemExit("i18n: not updated:\n  " + "\n  ".join(wrong))
    I18N.mkdir(exist_ok=True)
    for lang in langs:
        old = {}
        if ts_path(lang).exists():
            old = {(ctx, m.findtext("source") or ""): m for ctx, m in messages(ts_path(lang))}
        root = ET.Element("TS", version="2.1", language=LOCALES.get(lang, lang), sourcelanguage="en")
        contexts: dict[str, ET.Element] = {}
        for ctx, text, numerus in sorted(found, key=lambda f: (f[0].lower(), f[0])):
            if ctx not in contexts:
                contexts[ctx] = ET.SubElement(root, "context")
                ET.SubElement(contexts[ctx], "name").text = ctx
            m = (
                ET.SubElement(contexts[ctx], "message", numerus="yes")
                if numerus
                else ET.SubElement(contexts[ctx], "message")
            )
            ET.SubElement(m, "source").text = text
            before = old.get((ctx, text))
            t = before.find("translation") if before is not None else None
            if t is not None and t.get("type") not in ("obsolete", "vanished"):
                m.append(t)
                continue
            t = ET.SubElement(m, "translation", type="unfinished")
            if numerus:
                ET.SubElement(t, "numerusform")
        tree = ET.ElementTree(root)
        if lang == "en":
            _finish_source_language(tree)
        _write(tree, ts_path(lang))


LOCALES = {"en": "en_GB", "it": "it_IT", "pt": "pt_PT", "ja": "ja_JP"}


def _finish_source_language(tree: ET.ElementTree) -> None:
    """English is the source: each message's translation is its source (plural forms included)."""
    for m in tree.getroot().iter("message"):
        t = m.find("translation")
        if t is None:
            t = ET.SubElement(m, "translation")
        texts = translations(m)
        if t.get("type") == "unfinished" or not texts or not all(texts):
            source = m.findtext("source") or ""
            for f in list(t):
                t.remove(f)
            if m.get("numerus") == "yes":  # English: singular and plural
                t.text = None
                for _ in range(2):
                    ET.SubElement(t, "numerusform").text = source
            else:
                t.text = source
        t.attrib.pop("type", None)


def _write(tree: ET.ElementTree, path: Path) -> None:
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    # written beside and renamed: a test running in another process may be reading the file
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    tmp.write_text(f'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n{body}\n', encoding="utf-8")
    os.replace(tmp, path)


def stale(path: Path) -> list[str]:
    """Strings of the program that the .ts does not hold, or holds and the program no longer says."""
    found, wrong = extract()
    have = {(ctx, m.findtext("source") or "") for ctx, m in messages(path)}
    want = {(ctx, text) for ctx, text, _numerus in found}
    out = [f"{path.name}: [{c}] {t!r}: missing (run tools/i18n.py update)" for c, t in sorted(want - have)]
    out += [f"{path.name}: [{c}] {t!r}: no longer in the program (update)" for c, t in sorted(have - want)]
    return wrong + out


def check(langs: tuple[str, ...] = LANGUAGES) -> list[str]:
    out = []
    for lang in langs:
        path = ts_path(lang)
        if not path.exists():
            out.append(f"{path.name}: missing (run `python tools/i18n.py update`)")
            continue
        out.extend(problems(path))
        out.extend(stale(path))
    return out


_ACCENTED = str.maketrans("abcdeghiklnorstuyzABCDEGHIKLNORSTUYZ", "àƀçđéĝĥîķľñöŕšţûýžÀßÇÐÉĜĤÎĶĽÑÖŔŠŢÛÝŽ")
_TOKEN = re.compile(r"(\{[^{}]*\}|%n|%[1-9]|%s|%d|&(?=\w)|<[^>]*>)")


def stretch(text: str) -> str:
    """The pseudo-translation of `text`: accented (so a string that skipped translation stands out),
    40 % longer (German and Finnish run that much longer than English) and bracketed (a cut-off end shows);
    placeholders, mnemonics (&) and line breaks kept."""
    parts = _TOKEN.split(text)
    body = "".join(p if _TOKEN.fullmatch(p) else p.translate(_ACCENTED) for p in parts)
    visible = sum(len(p) for p in parts if not _TOKEN.fullmatch(p))
    pad = "·" * max(1, round(visible * 0.4))
    lines = body.split("\n")
    lines[0] = f"[{lines[0]}"
    lines[-1] = f"{lines[-1]}{pad}]"
    return "\n".join(lines)


def pseudo() -> Path:
    """i18n/omo_pseudo.ts: every English message stretched (see `stretch`)."""
    tree = ET.parse(ts_path("en"))
    tree.getroot().set("language", "en_GB")
    for m in tree.getroot().iter("message"):
        t = m.find("translation")
        source = m.findtext("source") or ""
        forms = t.findall("numerusform")
        if forms:
            for f in forms:
                f.text = stretch(source)
        else:
            t.text = stretch(source)
    _write(tree, ts_path(PSEUDO))
    return ts_path(PSEUDO)


def build(langs: tuple[str, ...] = LANGUAGES, *, strict: bool = True) -> list[Path]:
    if strict and (wrong := check(langs)):
        raise SystemExit("i18n: not built, the translations are not complete:\n  " + "\n  ".join(wrong))
    out = []
    if "en" in langs:
        pseudo()
        langs = (*langs, PSEUDO)
    for lang in langs:
        target = qm_path(lang)
        tmp = target.with_name(f"{target.name}.{os.getpid()}.tmp")  # renamed over: see _write
        subprocess.run(
            [_tool("pyside6-lrelease"), "-silent", str(ts_path(lang)), "-qm", str(tmp)],
            check=True,
            cwd=ROOT,
        )
        os.replace(tmp, target)
        out.append(target)
    return out


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="tools/i18n.py", description=(__doc__ or "").split("\n\n")[0])
    p.add_argument("command", choices=("update", "check", "build"))
    p.add_argument("--lang", action="append", choices=LANGUAGES, help="only this language (repeatable)")
    p.add_argument("--lenient", action="store_true", help="build: compile even what is not complete")
    args = p.parse_args(argv)
    langs = tuple(args.lang or LANGUAGES)
    if args.command == "update":
        update(langs)
        left = check(langs)
        print(
            f"i18n: {len(left)} message(s) to translate" + ("" if not left else ":\n  " + "\n  ".join(left))
        )
        return 0
    if args.command == "check":
        wrong = check(langs)
        for line in wrong:
            print(line, file=sys.stderr)
        print(f"i18n: {'OK' if not wrong else f'{len(wrong)} problem(s)'} in {', '.join(langs)}")
        return 1 if wrong else 0
    built = build(langs, strict=not args.lenient)
    print("i18n: built " + ", ".join(os.path.relpath(p, ROOT) for p in built))
    return 0


if __name__ == "__main__":
    sys.exit(main())
