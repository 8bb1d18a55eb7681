"""pos/'s error messages are translatable templates (issue 20): every error a person can see is raised as
`SomeError(N_("template"), **values)`, tools/i18n.py extracts those templates into the "app" context the
window translates services' messages in, and no f-string message can slip back in."""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
import sys
from pathlib import Path

import pos
from pos.errors import DomainError, Sentence
from pos.staff import (
    ROLE_NAMES,
    ApprovalResult,
    LoginResult,
    LoginStatus,
    OverrideRequest,
    OverrideStatus,
    Permission,
    Role,
    StaffMember,
    authorise,
    format_wait,
)

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import i18n  # noqa: E402 - tools/i18n.py

# The inner details of unreadable saved data stay unmarked (English) templates: a person reads them only
# inside a marked sentence ("The saved sale could not be restored ({why}).") whose frame is translated.
MAY_BE_UNMARKED = {"InvalidDataError"}
# Sentences a person reads that are not errors: a refused scan, a code that is not accepted. Their message
# (the argument at this index) is a pos.errors.Sentence(N_(...), **values), never a bare str.
SENTENCES = {"Sentence": 0, "ScanRefused": 1, "CodeError": 1, "Rejected": 1}


def domain_errors() -> set[str]:
    """Every DomainError subclass defined in pos/ (so a new one is checked too)."""
    names = set()
    for info in pkgutil.iter_modules(pos.__path__):
        module = importlib.import_module(f"pos.{info.name}")
        names |= {n for n, o in vars(module).items() if inspect.isclass(o) and issubclass(o, DomainError)}
    return names


def _is_mark(node: ast.AST) -> bool:
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == "N_"
        and len(node.args) == 1
        and isinstance(node.args[0], ast.Constant)
        and isinstance(node.args[0].value, str)
    )


def _wrong(node: ast.AST, marked: bool) -> str | None:
    """Why a message argument is not a template (None: it is one, or it is not text at all: a code, a value
    or a template chosen earlier)."""
    if isinstance(node, ast.IfExp):
        return _wrong(node.body, marked) or _wrong(node.orelse, marked)
    if isinstance(node, ast.JoinedStr):
        return "an f-string"
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod | ast.Add):
        return "text built with % or +"
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format":
        return "text built with .format()"
    if isinstance(node, ast.Constant) and isinstance(node.value, str) and marked:
        return "text not marked with N_()"
    return None


def payment_errors() -> dict[str, int]:
    """pos.payment's errors: their message (the first argument) is what the cashier reads too."""
    from pos import payment

    return {
        n: 0 for n, o in vars(payment).items() if inspect.isclass(o) and issubclass(o, payment.PaymentError)
    }


def _says(fn: ast.FunctionDef) -> bool:
    """A function whose answer a person reads: a `message` property, or one said to return a Sentence."""
    return fn.name == "message" or (isinstance(fn.returns, ast.Name) and fn.returns.id == "Sentence")


def problems(
    source: str, filename: str, classes: set[str], sentences: dict[str, int] = SENTENCES
) -> list[str]:
    out = []
    tree = ast.parse(source, filename)
    for fn in ast.walk(tree):
        if isinstance(fn, ast.FunctionDef) and _says(fn):
            for ret in ast.walk(fn):
                if isinstance(ret, ast.Return) and ret.value is not None:
                    if why := _wrong(ret.value, marked=True):
                        out.append((ret.lineno, f"{filename}:{ret.lineno}: {fn.name}() returns {why}"))
    owners: dict[ast.AST, str] = {}  # super().__init__(...) inside class X: X's message
    for cls in ast.walk(tree):
        if isinstance(cls, ast.ClassDef):
            for node in ast.walk(cls):
                owners.setdefault(node, cls.name)
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        f = node.func
        if isinstance(f, ast.Name) and f.id in sentences and len(node.args) > sentences[f.id]:
            if why := _wrong(node.args[sentences[f.id]], marked=True):
                out.append((node.lineno, f"{filename}:{node.lineno}: {f.id}'s message is {why}"))
            continue
        if isinstance(f, ast.Name) and f.id in classes:
            name = f.id
        elif isinstance(f, ast.Attribute) and f.attr == "__init__" and owners.get(node) in classes:
            name = owners[node]  # a subclass's own sentence (DomainError itself hands Exception the English)
            if name == "DomainError":
                continue
        else:
            continue
        why = _wrong(node.args[0], marked=name not in MAY_BE_UNMARKED)
        if why:
            out.append((node.lineno, f"{filename}:{node.lineno}: {name}'s message is {why}"))
    return [text for _line, text in sorted(out)]


def test_every_domain_error_of_pos_is_raised_as_a_marked_template_with_its_values():
    classes = domain_errors()
    assert {"CheckoutError", "ReturnError", "CountError", "RefundError", "InvalidAmountError"} <= classes
    found = []
    for path in sorted((ROOT / "pos").rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        found += problems(source, str(path.relative_to(ROOT)), classes, SENTENCES | payment_errors())
    assert found == []


def test_the_check_finds_an_f_string_an_unmarked_sentence_and_a_formatted_one():
    source = """
class CheckoutError(DomainError):
    def __init__(self, n):
        super().__init__(f"{n} left")
raise CheckoutError(f"No product {sku}.")
raise CheckoutError("The sale is empty.")
raise CheckoutError("{} short".format(x))
raise CheckoutError(N_("Fine {x}.") if a else "Not fine.")
raise InvalidDataError("detail {x!r}", x=1)
raise InvalidDataError(f"detail {x!r}")
raise ConfigError(f"no longer left in English {x}")
raise CheckoutError(N_("Fine."))
raise CheckoutError(template, x=1)
return ScanRefused(text, f"{name} expired.")
return ScanRefused(text, Sentence(N_("{name} expired."), name=name))
MESSAGES = {1: Sentence("Not marked.")}
class LoginResult:
    @property
    def message(self) -> str:
        if self.ok:
            return Sentence(N_("Welcome, {name}."), name=self.name)
        return f"Wrong PIN. {self.left} tries left."
def format_wait(seconds) -> Sentence:
    return "1 second" if seconds == 1 else Sentence(N_("{seconds} seconds"), seconds=seconds)
"""
    found = problems(source, "x.py", {"CheckoutError", "InvalidDataError", "ConfigError"})
    assert found == [
        "x.py:4: CheckoutError's message is an f-string",
        "x.py:5: CheckoutError's message is an f-string",
        "x.py:6: CheckoutError's message is text not marked with N_()",
        "x.py:7: CheckoutError's message is text built with .format()",
        "x.py:8: CheckoutError's message is text not marked with N_()",
        "x.py:10: InvalidDataError's message is an f-string",
        "x.py:11: ConfigError's message is an f-string",
        "x.py:14: ScanRefused's message is an f-string",
        "x.py:16: Sentence's message is text not marked with N_()",
        "x.py:22: message() returns an f-string",
        "x.py:24: format_wait() returns text not marked with N_()",
    ]


def test_the_extractor_files_every_template_of_pos_in_the_app_context():
    marked = set()
    for path in sorted((ROOT / "pos").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if _is_mark(node):
                marked.add(node.args[0].value)
    assert len(marked) > 60
    found, wrong = i18n.extract()
    assert wrong == []
    assert marked <= {text for ctx, text, _numerus in found if ctx == "app"}
    assert ("app", "That is {short} short of the amount due in cash.", False) in found


def test_the_extractor_reads_the_domain_mark_in_a_source_of_its_own():
    x = i18n._Extractor(Path("pos/x.py"), {})
    x.visit(ast.parse('raise E(N_("Only {left} left."), left=2)\nN_(name)\n'))
    assert x.found == [("app", "Only {left} left.", False)] and x.problems == []


def _templates(said: object) -> set[str]:
    """The templates a sentence is said with, its values' included (a nested Sentence is said too)."""
    assert isinstance(said, Sentence), f"{said!r} is plain text, not a template and its values"
    return {said.template}.union(*(_templates(v) for v in said.params.values() if isinstance(v, Sentence)))


def staff_sentences() -> list[Sentence]:
    """Everything pos.staff says to a person at the till: each login and approval outcome, each action
    that needs a manager, every lockout wait."""
    ana, mia = StaffMember("S1", "Ana", Role.CASHIER), StaffMember("S3", "Mia", Role.MANAGER)
    logins = [LoginResult(LoginStatus.OK, member=ana), LoginResult(LoginStatus.WRONG_PIN, attempts_left=1)]
    logins += [LoginResult(s, attempts_left=4, locked_for_s=w) for s in LoginStatus if s is not LoginStatus.OK
               for w in (1, 30, 125.5)]  # fmt: skip
    approvals = [ApprovalResult(s, approver=mia if s is OverrideStatus.APPROVED else ana, login=logins[-1])
                 for s in OverrideStatus]  # fmt: skip
    requests = [OverrideRequest(ana, p, 25 if p is Permission.DISCOUNT else None) for p in Permission]
    asked = [authorise(ana, p, amount_percent=25 if p is Permission.DISCOUNT else None) for p in Permission]
    return [r.message for r in (*logins, *approvals, *requests, *asked)] + [
        *(Sentence(ROLE_NAMES[r]) for r in Role),
        *(format_wait(s) for s in (0.2, 1, 59, 61, 3600)),
    ]


def test_what_staff_login_and_approvals_say_is_a_template_the_window_translates():
    found, wrong = i18n.extract()
    assert wrong == []
    catalog = {text for ctx, text, _numerus in found if ctx == "app"}
    said = staff_sentences()
    templates = set().union(*(_templates(s) for s in said))
    assert {"Voiding the sale", "{what} needs a manager", "Wrong PIN. {left} tries left."} <= templates
    assert templates - catalog == set()
    assert (
        "Wrong PIN. 4 tries left." in said
        and "Too many wrong PINs. Try again in 2 min 06 s, or ask a manager." in said
    )


def _constant_problems(source: str, filename: str) -> list[str]:
    """A module's `*_MESSAGE` constants and `*_MESSAGES` tables (what a device says to the cashier) hold
    marked templates (`Sentence(N_(...))` or `N_(...)`), never plain text."""
    out = []
    for node in ast.parse(source, filename).body:
        if not (
            isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name)
        ):
            continue
        name = node.targets[0].id
        values = [node.value] if name.endswith("_MESSAGE") else []
        if name.endswith("_MESSAGES") and isinstance(node.value, ast.Dict):
            values = node.value.values
        for v in values:
            inner = (
                v.args[0]
                if isinstance(v, ast.Call) and getattr(v.func, "id", "") == "Sentence" and v.args
                else v
            )
            if not _is_mark(inner):
                out.append(f"{filename}:{v.lineno}: {name} holds text not marked with N_()")
    return out


def test_what_the_card_reader_and_the_shop_say_to_the_cashier_is_a_marked_template():
    from hardware.stripe_terminal.driver import ReaderGone

    classes = set(payment_errors()) | {ReaderGone.__name__}
    found = []
    for path in sorted((ROOT / "hardware" / "stripe_terminal").rglob("*.py")):
        source, name = path.read_text(encoding="utf-8"), str(path.relative_to(ROOT))
        found += problems(source, name, classes, SENTENCES) + _constant_problems(source, name)
    # why card payments are off (shop.card_error: the status bar, the tender, refunds)
    shop = ROOT / "app" / "shop.py"
    found += problems(shop.read_text(encoding="utf-8"), "app/shop.py", set(), {"off": 0})
    assert found == []
    bad = 'A_MESSAGE = "Plain."\nB_MESSAGES = {"x": Sentence(N_("Fine.")), "y": "Plain."}\n'
    bad += 'C_MESSAGE = N_("Fine.")\n'
    assert _constant_problems(bad, "x.py") == [
        "x.py:1: A_MESSAGE holds text not marked with N_()",
        "x.py:2: B_MESSAGES holds text not marked with N_()",
    ]


def test_the_backends_refusals_are_said_in_the_readers_language_when_the_till_knows_them():
    from app.messages import said
    from pos.sync_ports import REFUSALS, BackendRefused

    found, _wrong_ = i18n.extract()
    catalog = {text for ctx, text, _numerus in found if ctx == "app"}
    assert {"exceeds_returnable", "insufficient_credit", "out_of_stock"} <= set(REFUSALS)
    assert set(REFUSALS.values()) - catalog == set()
    known = BackendRefused("insufficient_credit", "only 3.00 is left on this store credit")
    assert said(known).template in catalog and known.detail == "only 3.00 is left on this store credit"
    unknown = BackendRefused("new_rule", "a rule this till does not know yet")
    assert str(said(unknown)) == "a rule this till does not know yet"  # the backend's own words, as they are


def test_a_store_settings_problem_is_said_at_start_up_in_the_readers_language():
    from app.settings import SettingsError
    from app.settings import load as load_settings
    from app.shop import store_config

    found, _wrong_ = i18n.extract()
    catalog = {text for ctx, text, _numerus in found if ctx == "app"}
    settings = load_settings(None, environ={}, overrides=["store.cash_rounding=0.05", "store.currency=JPY"])
    try:
        store_config(settings)
    except SettingsError as e:
        said = e.args[0]
    else:
        raise AssertionError("a cash rounding rule of another currency was accepted")
    assert _templates(said) - catalog == set() and len(_templates(said)) >= 2
    assert str(said).startswith("Setting 'store.cash_rounding' (--set): The cash rounding rule")


def backend_errors() -> set[str]:
    """The errors the backend port and the sync client raise (their message reaches the person at the till
    through `said`), and the sync worker's lock (the command line's)."""
    from pos import sync_ports
    from sync import client, engine

    return {
        n
        for module in (sync_ports, client)
        for n, o in vars(module).items()
        if inspect.isclass(o) and issubclass(o, sync_ports.BackendError)
    } | {engine.SyncAlreadyRunning.__name__}


def test_what_sync_says_to_a_person_is_a_marked_template():
    classes = backend_errors()
    assert {"BackendOffline", "BackendAuthError", "BackendContractError", "BackendUnavailable"} <= classes
    found = []
    for path in sorted((ROOT / "sync").glob("*.py")):  # sync/store: the journal's words: logs, the CLI
        found += problems(path.read_text(encoding="utf-8"), str(path.relative_to(ROOT)), classes, SENTENCES)
    assert found == []
    bad = 'raise BackendAuthError("The token" + (" (revoked)" if r else "") + ".")\n'
    bad += 'raise BackendServerError(f"A problem (HTTP {status}).", status)\n'
    bad += 'raise BackendNotFound(err["message"])\n'  # the backend's own words, as they are
    assert problems(bad, "x.py", classes) == [
        "x.py:1: BackendAuthError's message is text built with % or +",
        "x.py:2: BackendServerError's message is an f-string",
    ]


def test_the_sync_clients_sentences_are_in_the_catalog_and_said_in_the_readers_language():
    from app.messages import said
    from sync.client import BackendClient, BackendOffline, make_retry

    found, wrong = i18n.extract()
    assert wrong == []
    catalog = {text for ctx, text, _numerus in found if ctx == "app"}
    marked = set()
    for path in sorted((ROOT / "sync").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if _is_mark(node):
                marked.add(node.args[0].value)
    assert len(marked) >= 12 and marked - catalog == set()
    client = BackendClient("http://127.0.0.1:9", token_provider=lambda: "t", retry=make_retry(0, None))
    client.session.adapters["http://"].max_retries.total = 0
    try:
        client.audit_copy()
    except BackendOffline as e:
        message = said(e)
    else:  # pragma: no cover - nothing listens on the discard port
        raise AssertionError("an unreachable backend answered")
    finally:
        client.close()
    assert message.template == "The OMO backend cannot be reached. Sales are kept and sent later."
    translated = message.render("Il backend OMO non è raggiungibile.", lambda t: t)
    assert translated == "Il backend OMO non è raggiungibile."


def test_what_a_manager_is_asked_to_approve_is_a_marked_template():
    """The subject under the manager's PIN pad ("void this sale") is a Sentence of a marked template and its
    values, never text built in English."""
    found = []
    for path in sorted((ROOT / "app").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.keyword) and node.arg == "subject":
                v = node.value
                if isinstance(v, ast.Name) or (isinstance(v, ast.Constant) and v.value is Ellipsis):
                    continue  # passed on (app/approval.py), or the docstring's example
                ok = isinstance(v, ast.Call) and getattr(v.func, "id", "") == "Sentence" and v.args
                if not ok or _wrong(v.args[0], marked=True) or isinstance(v.args[0], ast.Constant):
                    found.append(f"{path.relative_to(ROOT)}:{v.lineno}: subject is not a marked Sentence")
    assert found == []
    from app.messages import said
    from pos.errors import Sentence

    subject = Sentence("void this sale")  # what app/sell.py asks with
    catalog = {text for ctx, text, _numerus in i18n.extract()[0] if ctx == "app"}
    assert "void this sale" in catalog and "discount on {item}" in catalog
    assert said(subject).template == "void this sale"
