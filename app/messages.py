"""What a service says to a person: a sentence template and its values, translated by the window.

The application layer has no Qt, so it cannot translate; it marks each sentence for extraction with
`QT_TRANSLATE_NOOP("app", ...)` (the name `pyside6-lupdate` looks for) and returns a `Msg`. The window
translates the template in the "app" context, then fills in the values; a script or a test reads
`str(msg)`, the English sentence. Amounts arrive already formatted for the store's locale.

The domain's errors (`pos.errors.DomainError`) carry a template marked with `pos.errors.N_`, which
tools/i18n.py files in the same "app" context: `said(error)` passes one on as a message.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from pos.errors import DomainError, Sentence

CONTEXT = "app"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate extracts
    """Mark `text` for translation in `context`; returns it unchanged."""
    return text


@dataclass(frozen=True)
class Msg:
    template: str
    params: Mapping[str, Any] = field(default_factory=dict)

    def __str__(self) -> str:
        return self.render(self.template)

    def render(self, template: str, translate: Callable[[str], str] | None = None) -> str:
        """Fill `template` (this message's, or its translation) with the values; a value that is itself a
        message is translated with `translate` (the same reader's language) and filled in first."""
        params = {
            k: (v.render(translate(v.template), translate) if translate and v else str(v))
            if isinstance(v, Msg)
            else v
            for k, v in self.params.items()
        }
        try:
            return template.format(**params)
        except (KeyError, IndexError, ValueError):  # a broken translation never hides the message
            return self.template.format(**params)

    def __bool__(self) -> bool:
        return bool(self.template)


def msg(template: str, **params: Any) -> Msg:
    """A message whose template was marked with `QT_TRANSLATE_NOOP(CONTEXT, ...)` at its call site, or
    a sentence from the domain (`pos` errors), passed on as it is."""
    return Msg(template, params)


EMPTY = Msg("")


def said(what: BaseException | str) -> Msg:
    """What a domain error or a domain `Sentence` (a refused scan...) says, as a message the window
    translates: its template and values (an error or sentence among the values is said too); any other
    error's or text's words as they are."""
    if isinstance(what, BaseException) and not isinstance(what, DomainError):
        first = what.args[0] if what.args else None  # PaymentError(Sentence(...)): the sentence it was given
        return said(first) if isinstance(first, Sentence) else text(str(what))
    if not isinstance(what, DomainError | Sentence):
        return text(str(what))
    if not what.params:  # a sentence, not formatted (a marked one has no braces to escape)
        return Msg(what.template.replace("{", "{{").replace("}", "}}"))
    return Msg(what.template, {k: _said(v) for k, v in what.params.items()})


def _said(value: object) -> object:
    return said(value) if isinstance(value, BaseException | Sentence) else value


def text(value: str) -> Msg:
    """A sentence that is already final (from the domain or a device), shown as it is. Braces in it are
    not placeholders."""
    return Msg("{text}", {"text": value})


__all__ = ["CONTEXT", "EMPTY", "Msg", "QT_TRANSLATE_NOOP", "msg", "said", "text"]
