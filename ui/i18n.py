"""The window's language: the compiled translations (i18n/omo_<lang>.qm, built by `tools/i18n.py build`)
and Qt's own (qtbase_<lang>.qm: the standard buttons and dialogs), installed on the application.

The store's language is the window's language until someone logs in; a staff member's own language
(`staff.<id>.language`, or their record's) replaces it for their session (see MainWindow).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from app.i18n import language_of, store_locale, translations_dir
from app.messages import CONTEXT
from pos.staff import ROLE_NAMES, Role
from ui.qt import QCoreApplication, QLibraryInfo, QLocale, QTranslator

log = logging.getLogger("ui.i18n")

_installed: dict[int, tuple[str, list[QTranslator]]] = {}


def i18n_dir() -> Path:
    return translations_dir()


def role_word(role: str) -> str:
    """A `pos.staff.Role`'s name (its value) in the window's language (pos.staff.ROLE_NAMES, "app")."""
    try:
        return QCoreApplication.translate(CONTEXT, ROLE_NAMES[Role(role)])
    except ValueError:
        return role


def available_languages() -> list[str]:
    """Languages with a compiled translation next to the program (sorted)."""
    return sorted(p.stem.removeprefix("omo_") for p in i18n_dir().glob("omo_*.qm"))


def load_translator(app: QCoreApplication, lang: str) -> QTranslator | None:
    """The program's translator for `lang`, loaded (not installed); None when there is none."""
    t = QTranslator(app)
    if t.load(f"omo_{lang}", str(i18n_dir())):
        return t
    return None


def language_for(staff: Any, member: Any, settings: Any) -> str:
    """The screen language of `member` once logged in: their own, else the store's (a language code)."""
    return language_of(staff.language_of(member.id) or store_locale(settings))


def current_language(app: QCoreApplication | None = None) -> str:
    app = app or QCoreApplication.instance()
    return _installed.get(id(app), ("en", []))[0]


def set_language(app: QCoreApplication, locale_or_lang: str) -> str:
    """Install `locale_or_lang`'s translations (ours and Qt's) in place of the previous ones; returns the
    language now in use ("en" when there is no translation for it: the source strings are English)."""
    lang = language_of(locale_or_lang)
    old_lang, old = _installed.pop(id(app), ("en", []))
    for t in old:
        app.removeTranslator(t)
    installed: list[QTranslator] = []
    ours = load_translator(app, lang)
    if ours is None and lang != "en":
        log.warning("no translation for %r: the window stays in English", locale_or_lang)
    if ours is not None:
        qt = QTranslator(app)
        if qt.load(f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt)
            installed.append(qt)
        app.installTranslator(ours)
        installed.append(ours)
    else:
        lang = "en"
    _installed[id(app)] = (lang, installed)
    QLocale.setDefault(QLocale(locale_or_lang.replace("-", "_")))
    if old_lang != lang:
        log.info("window language: %s", lang)
    return lang


__all__ = [
    "available_languages",
    "current_language",
    "i18n_dir",
    "language_for",
    "load_translator",
    "role_word",
    "set_language",
    "store_locale",
]
