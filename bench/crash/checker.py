"""The crash harness's checker: what the cashier was told (the ack logs) against what survived in the till's
journal, the backend's database and Stripe, after the last kill, the restarts and the drain.

Invariants (each violation is a line naming its invariant):
I1 every acknowledged document is in the journal as told, and on the backend;
I2 the backend holds each of the till's events once, exactly the journal's: none lost, none it never made,
   each sale with the journal's total;
I3 every PaymentIntent Stripe captured maps to a completed sale's card tender of the same amount, and none is
   left authorised (requires_capture);
I4 every completed card tender has exactly one captured PaymentIntent of its amount;
I5 points, on both sides: each sale's points redeemed at the till are the backend's, the backend's ledger
   credits each of the till's sales its computed points once and each return the points it carries, no
   balance below zero; a member's visit
   credits its points once per member, store and day (one ledger row, of the first check-in);
I6 no line returned or refunded beyond what was sold, in the journal and on the backend, which agree;
I7 nothing pending: the outbox is empty, no dead letters, every card attempt settled, reconciliation matched;
I8 both databases pass integrity_check and foreign_key_check;
I9 the till's cash: each closed session's expected cash is the cash equation recomputed here from the
   journal's rows (float + cash taken − cash refunds + paid in − paid out − drops), its difference is the
   count minus that, and the backend's session holds the same figures.
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import requests

NS = uuid.UUID(
    "6f0d8d0e-3b7a-4f4e-9a53-6f6d6f2d706f"
)  # sync.payloads: ids that are not UUIDs travel as UUID5


def wire_id(event_id: str) -> str:
    from sync.payloads import wire_event_id

    return wire_event_id(event_id)


@dataclass
class Evidence:
    acks: list[dict[str, Any]]
    till_db: Path
    backend_db: Path
    stripe_url: str
    stripe_key: str
    till_id: str = "T01"
    drain: dict[str, Any] | None = None


@dataclass
class Verdict:
    violations: list[str] = field(default_factory=list)
    facts: dict[str, Any] = field(default_factory=dict)

    def fail(self, invariant: str, text: str) -> None:
        self.violations.append(f"{invariant}: {text}")

    @property
    def ok(self) -> bool:
        return not self.violations


def _ro(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=30)


def payment_intents(url: str, key: str) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    after = None
    s = requests.Session()
    s.headers["Authorization"] = f"Bearer {key}"
    while True:
        params: dict[str, Any] = {"limit": 100}
        if after:
            params["starting_after"] = after
        r = s.get(f"{url}/v1/payment_intents", params=params, timeout=30)
        r.raise_for_status()
        page = r.json()
        out += page["data"]
        if not page.get("has_more") or not page["data"]:
            return out
        after = page["data"][-1]["id"]


def check(ev: Evidence) -> Verdict:
    v = Verdict()
    till = _ro(ev.till_db)
    back = _ro(ev.backend_db)
    try:
        if not (_integrity(v, "till", till) & _integrity(v, "backend", back)):
            return v  # a malformed file cannot be held to the other invariants: I8 names it
        journal = _journal(till)
        backend = _backend(back, ev.till_id)
        v.facts.update(
            acks=len([a for a in ev.acks if "ack" in a]),
            sales=len(journal["sales"]),
            returns=len(journal["returns"]),
            card_tenders=sum(1 for t in journal["tenders"] if t[1] == "card"),
            backend_events=len(backend["events"]),
        )
        _acked(v, ev.acks, journal, backend)
        _exactly_once(v, journal, backend)
        _payments(v, journal, payment_intents(ev.stripe_url, ev.stripe_key), till)
        _points(v, journal, backend)
        _returns(v, journal, backend)
        _nothing_pending(v, till, ev.drain)
        _till_cash(v, till, back)
    finally:
        till.close()
        back.close()
    return v


def _integrity(v: Verdict, name: str, conn: sqlite3.Connection) -> bool:
    """I8 for one database; False when it is malformed (then nothing else in it can be trusted)."""
    try:
        ok = conn.execute("PRAGMA integrity_check").fetchone()[0]
        if ok != "ok":
            v.fail("I8", f"{name} database integrity_check: {ok}")
            return False
        fk = conn.execute("PRAGMA foreign_key_check").fetchall()
    except sqlite3.DatabaseError as exc:
        v.fail("I8", f"{name} database unreadable: {exc}")
        return False
    if fk:
        v.fail("I8", f"{name} database foreign_key_check: {fk[:5]}")
    return True


def _journal(conn: sqlite3.Connection) -> dict[str, Any]:
    sales = {
        r[0]: {"total": r[1], "sale_id": r[2]}
        for r in conn.execute("SELECT sale_uuid, total, sale_id FROM sales")
    }
    by_id = {s["sale_id"]: u for u, s in sales.items()}
    tenders = [
        (by_id[r[0]], r[1], r[2], r[3])
        for r in conn.execute("SELECT sale_id, kind, amount, reference FROM sale_tenders")
    ]
    for uuid_, _kind, _amount, _ref in tenders:
        sales[uuid_].setdefault("tenders", []).append((_kind, _amount, _ref))
    lines = {
        (by_id[r[0]], r[1]): {"qty": r[2], "paid": r[3]}
        for r in conn.execute("SELECT sale_id, line_no, quantity, paid_amount FROM sale_lines")
    }
    returns = {r[0]: r[1] for r in conn.execute("SELECT return_uuid, total FROM returns")}
    returned: dict[tuple[str, int], list[int]] = defaultdict(lambda: [0, 0])
    for sale, line, qty, refund in conn.execute(
        "SELECT original_sale_uuid, original_line_no, quantity, refund_amount FROM return_lines "
        "WHERE original_sale_uuid IS NOT NULL"
    ):
        returned[(sale, line)][0] += qty
        returned[(sale, line)][1] += refund
    points = {
        r[0]: (r[1], r[2])
        for r in conn.execute(
            "SELECT s.sale_uuid, l.points_earned, l.points_redeemed FROM sale_loyalty l "
            "JOIN sales s ON s.sale_id = l.sale_id"
        )
    }
    # a member's visits: kept in the audit log with their event id (sync.store.members.record_check_in)
    checkins = {
        r[0]: (int(r[1]), r[2])
        for r in conn.execute(
            "SELECT json_extract(details, '$.event_id'), json_extract(details, '$.member_no'), "
            "json_extract(details, '$.local_date') FROM audit_log WHERE action = 'member.checked_in'"
        )
    }
    events = {wire_id(u): ("sale.completed", u) for u in sales}
    events.update({wire_id(u): ("return.completed", u) for u in returns})
    for (sid,) in conn.execute("SELECT session_id FROM till_sessions"):
        events[wire_id(sid)] = ("till.opened", sid)
    for (sid,) in conn.execute("SELECT session_id FROM till_closures"):
        events[wire_id(f"closure-{sid}")] = ("till.closed", sid)
    for (mid,) in conn.execute("SELECT movement_id FROM cash_movements"):
        events[wire_id(mid)] = ("cash.movement", mid)
    for eid in checkins:
        events[wire_id(eid)] = ("member.checked_in", eid)
    return {
        "points": points,
        "checkins": checkins,
        "sales": sales,
        "tenders": tenders,
        "lines": lines,
        "returns": returns,
        "returned": returned,
        "events": events,
    }


def _backend(conn: sqlite3.Connection, till_id: str) -> dict[str, Any]:
    events = {
        r[0]: (r[1], json.loads(r[2]))
        for r in conn.execute("SELECT event_id, type, payload FROM events WHERE till_id = ?", (till_id,))
    }
    sales = dict(conn.execute("SELECT sale_uuid, total FROM sales WHERE till_id = ?", (till_id,)).fetchall())
    lines = {
        (r[0], r[1]): {"qty": r[2], "paid": r[3], "returned": r[4], "refunded": r[5]}
        for r in conn.execute(
            "SELECT l.sale_uuid, l.line_no, l.qty, l.paid_amount, l.returned_qty, l.refunded_amount "
            "FROM sale_lines l JOIN sales s ON s.sale_uuid = l.sale_uuid WHERE s.till_id = ?",
            (till_id,),
        )
    }
    returns = {r[0] for r in conn.execute("SELECT return_uuid FROM returns WHERE till_id = ?", (till_id,))}
    ledger = conn.execute(
        "SELECT event_id, member_no, programme, delta FROM points_ledger WHERE event_id NOT LIKE 'seed-%'"
    ).fetchall()
    balances = conn.execute(
        "SELECT member_no, programme, SUM(delta) FROM points_ledger GROUP BY 1, 2"
    ).fetchall()
    sale_points = {
        r[0]: (r[1], r[2])
        for r in conn.execute(
            "SELECT sale_uuid, points_earned, points_redeemed FROM sales WHERE till_id = ?", (till_id,)
        )
    }
    credited_visits = {
        (r[0], r[1]): r[2] for r in conn.execute("SELECT member_no, local_date, event_id FROM checkin_days")
    }
    return {
        "sale_points": sale_points,
        "credited_visits": credited_visits,
        "events": events,
        "sales": sales,
        "lines": lines,
        "returns": returns,
        "ledger": ledger,
        "balances": balances,
    }


def _acked(v: Verdict, acks: list[dict[str, Any]], journal: dict[str, Any], backend: dict[str, Any]) -> None:
    for a in acks:
        kind = a.get("ack")
        if kind == "sale":
            mine = journal["sales"].get(a["sale_uuid"])
            if mine is None:
                v.fail("I1", f"acknowledged sale {a['sale_uuid']} (op {a['op']}) is not in the journal")
                continue
            told = Counter((k, amt) for k, amt, _ in a["tenders"])
            kept = Counter((k, amt) for k, amt, _ in mine.get("tenders", []))
            if mine["total"] != a["total"] or told != kept:
                v.fail(
                    "I1", f"sale {a['sale_uuid']} (op {a['op']}) recorded unlike what was told: {mine} vs {a}"
                )
            if backend["sales"].get(a["sale_uuid"]) != a["total"]:
                v.fail(
                    "I1", f"acknowledged sale {a['sale_uuid']} (op {a['op']}) is not on the backend as told"
                )
        elif kind == "return":
            if a["return_uuid"] not in journal["returns"]:
                v.fail("I1", f"acknowledged return {a['return_uuid']} (op {a['op']}) is not in the journal")
            if a["return_uuid"] not in backend["returns"]:
                v.fail("I1", f"acknowledged return {a['return_uuid']} (op {a['op']}) is not on the backend")
        elif kind == "check_in":
            visit = (a["member_no"], a["local_date"])
            mine = [e for e, seen in journal["checkins"].items() if seen == visit]
            if not mine:
                v.fail("I1", f"acknowledged check-in {visit} (op {a['op']}) is not in the journal")
            elif not any(wire_id(e) in backend["events"] for e in mine):
                v.fail("I1", f"acknowledged check-in {visit} (op {a['op']}) is not on the backend")
        elif kind in ("till_opened", "till_closed", "cash_movement"):
            local = a.get("session_id") or a.get("movement_id")
            key = wire_id(f"closure-{local}" if kind == "till_closed" else local)
            if key not in journal["events"]:
                v.fail("I1", f"acknowledged {kind} {local} (op {a['op']}) is not in the journal")
            if key not in backend["events"]:
                v.fail("I1", f"acknowledged {kind} {local} (op {a['op']}) is not on the backend")


def _exactly_once(v: Verdict, journal: dict[str, Any], backend: dict[str, Any]) -> None:
    mine, theirs = set(journal["events"]), set(backend["events"])
    for eid in sorted(mine - theirs)[:20]:
        v.fail(
            "I2",
            f"{journal['events'][eid][0]} {journal['events'][eid][1]} is in the journal, not on the backend",
        )
    for eid in sorted(theirs - mine)[:20]:
        v.fail("I2", f"the backend holds {backend['events'][eid][0]} {eid}, which the till never made")
    for uuid_, sale in journal["sales"].items():
        total = backend["sales"].get(uuid_)
        if total is not None and total != sale["total"]:
            v.fail("I2", f"sale {uuid_}: backend total {total}, journal {sale['total']}")
    for eid in mine & theirs:
        etype = backend["events"][eid][0]
        if etype != journal["events"][eid][0]:
            v.fail("I2", f"event {eid}: backend type {etype}, journal {journal['events'][eid][0]}")


def _payments(
    v: Verdict, journal: dict[str, Any], intents: list[dict[str, Any]], till: sqlite3.Connection
) -> None:
    card = [(s, amt, ref) for s, kind, amt, ref in journal["tenders"] if kind == "card"]
    by_ref: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for sale, amount, ref in card:
        by_ref[ref or ""].append((sale, amount))
    pis = {p["id"]: p for p in intents}
    v.facts["payment_intents"] = dict(Counter(p["status"] for p in intents))
    for p in intents:
        if p["status"] == "requires_capture":
            v.fail(
                "I3", f"PaymentIntent {p['id']} ({p['amount']}) left authorised, never captured nor cancelled"
            )
        if p["status"] == "succeeded":
            uses = by_ref.get(p["id"], [])
            if not uses:
                v.fail("I3", f"PaymentIntent {p['id']} captured {p['amount']} without a completed sale")
            elif any(amount != p["amount"] for _, amount in uses):
                v.fail(
                    "I3",
                    f"PaymentIntent {p['id']} captured {p['amount']}, the sale's card tender differs: {uses}",
                )
    for ref, uses in by_ref.items():
        if len(uses) > 1:
            v.fail("I4", f"PaymentIntent {ref} is the card tender of {len(uses)} sales: {uses}")
        pi = pis.get(ref)
        for sale, amount in uses:
            if pi is None or pi["status"] != "succeeded" or pi["amount"] != amount:
                state = "none" if pi is None else f"{pi['status']} {pi['amount']}"
                v.fail(
                    "I4",
                    f"sale {sale}: card tender {amount} without a captured payment of it ({ref}: {state})",
                )


def _points(v: Verdict, journal: dict[str, Any], backend: dict[str, Any]) -> None:
    from pos.loyalty import DEFAULT_PROGRAMME

    # the till's side: the points each sale redeemed are the backend's; what it earned is the backend's
    # figure (the till's is for the receipt: without the member's profile it does not know their tier)
    corrected = 0
    for sale_uuid, (earned, redeemed) in journal["points"].items():
        theirs = backend["sale_points"].get(sale_uuid)
        if theirs is None:
            continue  # I1 / I2 name a sale the backend lacks
        if theirs[1] != redeemed:
            v.fail(
                "I5", f"sale {sale_uuid}: {redeemed} points redeemed at the till, {theirs[1]} at the backend"
            )
        corrected += theirs[0] != earned
    v.facts["points_corrected"] = corrected
    expected: dict[tuple[str, int, str], int] = {}
    visits: dict[tuple[int, str], list[str]] = defaultdict(list)
    for eid, (etype, payload) in backend["events"].items():
        if etype == "member.checked_in":
            visits[(int(payload["member_no"]), payload["local_date"])].append(eid)
            continue
        pts = (payload.get("points") if isinstance(payload, dict) else None) or {}
        if etype == "sale.completed" and payload.get("member_no") is not None:
            # credited as the backend computed it (whatever the till claimed), once
            claimed = (pts.get("earned", 0), pts.get("redeemed", 0))
            earned, redeemed = backend["sale_points"].get(payload["sale_uuid"], claimed)
            if earned or redeemed:
                expected[(eid, payload["member_no"], pts.get("programme", "main"))] = earned - redeemed
        elif pts.get("earned") or pts.get("redeemed"):
            expected[(eid, payload["member_no"], pts.get("programme", "main"))] = -(
                pts["earned"] - pts["redeemed"]
            )
    got = {(e, m, p): d for e, m, p, d in backend["ledger"] if e in backend["events"]}
    for key, delta in expected.items():
        # a return's clawback stops at a zero balance (the backend's rule): it may be smaller
        clawback = backend["events"][key[0]][0] == "return.completed" and delta < 0
        if key not in got or (got[key] != delta and not (clawback and delta <= got[key] <= 0)):
            v.fail("I5", f"points of event {key[0]}: ledger {got.get(key)}, the event says {delta}")
    visit_rows = {k: d for k, d in got.items() if backend["events"][k[0]][0] == "member.checked_in"}
    for key in set(got) - set(expected) - set(visit_rows):
        v.fail("I5", f"ledger row for event {key[0]} that carries no points")
    # a visit credits once per member, store and day: the first check-in's event, no other
    v.facts["check_ins"] = sum(len(e) for e in visits.values())
    credit = DEFAULT_PROGRAMME.checkin_points
    for (member, day), eids in visits.items():
        rows = sorted((e, d) for (e, _m, _p), d in visit_rows.items() if e in eids)
        first = backend["credited_visits"].get((member, day))
        if first is None:
            v.fail("I5", f"member {member} checked in on {day} ({len(eids)} event(s)): no visit credited")
        elif first in eids and rows != [(first, credit)][: bool(credit)]:
            v.fail("I5", f"member {member}'s visit on {day} credited as {rows}, once expected")
        elif first not in eids and rows:
            v.fail("I5", f"member {member}'s visit on {day} credited again by this till: {rows}")
    for member, programme, balance in backend["balances"]:
        if balance < 0:
            v.fail("I5", f"member {member} ({programme}) has a negative balance {balance}")


def _returns(v: Verdict, journal: dict[str, Any], backend: dict[str, Any]) -> None:
    for (sale, line), (qty, refund) in journal["returned"].items():
        sold = journal["lines"].get((sale, line))
        if sold is None:
            v.fail("I6", f"return of line {line} of sale {sale}, which the journal does not have")
            continue
        if qty > sold["qty"] or refund > sold["paid"]:
            v.fail(
                "I6",
                f"sale {sale} line {line}: returned {qty}/{sold['qty']}, refunded {refund}/{sold['paid']}",
            )
        other = backend["lines"].get((sale, line))
        if other is not None and (other["returned"], other["refunded"]) != (qty, refund):
            v.fail("I6", f"sale {sale} line {line}: backend returned {other['returned']}, journal {qty}")
    for (sale, line), other in backend["lines"].items():
        if other["returned"] > other["qty"] or other["refunded"] > other["paid"]:
            v.fail("I6", f"backend sale {sale} line {line} returned beyond what was sold: {other}")


def _nothing_pending(v: Verdict, till: sqlite3.Connection, drain: dict[str, Any] | None) -> None:
    depth = till.execute("SELECT count(*) FROM outbox WHERE acked_at IS NULL").fetchone()[0]
    dead = till.execute("SELECT event_id, reason FROM dead_letters").fetchall()
    open_attempts = till.execute(
        "SELECT attempt_id, status FROM payment_attempts "
        "WHERE status NOT IN ('captured', 'failed', 'canceled')"
    ).fetchall()
    if depth:
        v.fail("I7", f"{depth} event(s) still in the outbox after the drain")
    for eid, reason in dead[:10]:
        v.fail("I7", f"dead letter {eid}: {reason[:300]}")
    for attempt, status in open_attempts:
        v.fail("I7", f"card attempt {attempt} left {status}")
    flagged = till.execute(
        "SELECT attempt_id, last_error FROM payment_attempts WHERE status = 'failed' AND recovered = 1"
    ).fetchall()
    for attempt, why in flagged:
        v.fail("I3", f"card attempt {attempt} needs a manager ({why}): charged but not on a sale")
    if drain is None or not drain.get("matched"):
        v.fail("I7", f"the drain did not end with the backend holding what the till sent: {drain}")


def _till_cash(v: Verdict, till: sqlite3.Connection, back: sqlite3.Connection) -> None:
    closed = till.execute(
        "SELECT c.session_id, s.opening_float, c.expected_cash, c.counted_cash, c.difference "
        "FROM till_closures c JOIN till_sessions s ON s.session_id = c.session_id"
    ).fetchall()
    v.facts["till_sessions_closed"] = len(closed)
    for sid, opening, expected, counted, difference in closed:
        taken = till.execute(
            "SELECT coalesce(sum(t.amount + t.rounding), 0) FROM sale_tenders t "
            "JOIN sales s ON s.sale_id = t.sale_id WHERE s.session_id = ? AND t.kind = 'cash'",
            (sid,),
        ).fetchone()[0]
        refunded = till.execute(
            "SELECT coalesce(sum(f.amount), 0) FROM return_refunds f JOIN returns r "
            "ON r.return_uuid = f.return_uuid WHERE r.session_id = ? AND f.kind = 'cash'",
            (sid,),
        ).fetchone()[0]
        moved = dict(
            till.execute(
                "SELECT kind, sum(amount) FROM cash_movements WHERE session_id = ? GROUP BY kind", (sid,)
            ).fetchall()
        )
        equation = (
            opening
            + taken
            - refunded
            + moved.get("paid_in", 0)
            - moved.get("paid_out", 0)
            - moved.get("drop", 0)
        )
        if expected != equation:
            v.fail(
                "I9",
                f"till session {sid}: expected cash {expected}, the cash equation gives {equation} "
                f"(float {opening}, cash taken {taken}, refunded {refunded}, movements {moved})",
            )
        if difference != counted - expected:
            v.fail(
                "I9", f"till session {sid}: difference {difference}, counted {counted} - expected {expected}"
            )
        row = back.execute(
            "SELECT expected_cash, counted_cash, difference FROM till_sessions WHERE session_id = ?",
            (sid,),
        ).fetchone()
        if row is None or tuple(row) != (expected, counted, difference):
            v.fail(
                "I9", f"till session {sid}: the backend has {row}, the till {(expected, counted, difference)}"
            )
