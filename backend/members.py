"""The backend's member API (the contract's members, coupons and carts operations).

What a guessable number finds is what checkout needs: `GET /v1/members/{no}` without the member's QR token
answers name, tier, points, coupons and consent (`view` checkout); with the text of the member's QR code
in `OMO-Member-Token` (the app's short-lived signed token, or a printed card's, not revoked: docs/security.md)
it answers the whole profile (`view` full): the member's recent orders with their lines (what a return or
an exchange lists), and with personalisation consent recently viewed items and suggestions. A code that
does not open it gives checkout's view. The search (`GET /v1/members?q=`) answers a name, tier and a masked
hint per member, no more. Look-ups by something a person could guess count against the till's look-up
rate limit (`authenticate(lookup=True)`).

Suggestions, in the reference backend: what other customers bought in the same baskets (in store and
online) as what the member bought or looked at, most baskets first, then what the member looked at and
has not bought; never random.
"""

from __future__ import annotations

import json
import re
import time
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from fastapi import Request
from fastapi.responses import Response
from sqlalchemy.engine import Connection
from starlette.concurrency import run_in_threadpool

from backend import db, loyalty, schema
from sync import contract

if TYPE_CHECKING:  # pragma: no cover
    from backend.app import Backend

SEARCH_LIMIT = 10
SUGGESTIONS = 5


def member_no_of(text: str) -> int:
    """The member number of a path; 404 (as the app's) for anything that is not one."""
    from backend.app import HttpError

    if not text.isdigit() or len(text) > 20 or not 0 < int(text) < 2**63:  # 64-bit signed in the database
        raise HttpError(404, "not_found", "no such member")
    return int(text)


async def _json_body(request: Request, schema_name: str) -> Any:
    from backend.app import HttpError

    raw = await request.body()
    try:
        body = json.loads(raw)
        contract.validate(schema_name, body)
    except (ValueError, UnicodeDecodeError, RecursionError):
        raise HttpError(400, "invalid_request", "the body is not JSON") from None
    except contract.ContractViolation as e:
        raise HttpError(400, "invalid_request", str(e)) from None
    return body


def add_routes(app: Any, backend: Backend) -> None:
    from backend.app import HttpError

    @app.get("/v1/members")
    def search(request: Request) -> Response:
        backend.authenticate(request, lookup=True)
        q = (request.query_params.get("q") or "").strip()
        if not 3 <= len(q) <= 100:
            raise HttpError(400, "invalid_request", "search with 3 to 100 characters")
        with backend.store.read_connection() as conn:
            hits = search_members(conn, q)
        return backend.respond("searchMembers", 200, {"members": hits})

    @app.get("/v1/members/{member_no}")
    def profile(member_no: str, request: Request) -> Response:
        """Found by a number anyone can count: what checkout needs (name, tier, points, coupons). With the
        member's own signed code (`OMO-Member-Token`) their recent orders too (a return lists them), and
        with their consent what they viewed and the suggestions; a code that does not open it (forged,
        expired, another member's, a cancelled card) gives checkout's view, as a number does."""
        from backend.app import MEMBER_TOKEN_HEADER

        backend.authenticate(request, lookup=True)
        no = member_no_of(member_no)
        code = request.headers.get(MEMBER_TOKEN_HEADER)
        with backend.store.read_connection() as conn:
            real = loyalty.resolve_number(conn, no)
            full = code is not None and any(backend.member_token_opens(conn, code, n) for n in {no, real})
            body = member_profile(conn, real, full=full)
        if body is None:
            raise HttpError(404, "not_found", "no such member")
        return backend.respond("getMemberProfile", 200, body)

    @app.post("/v1/coupons/{code}/claim")
    async def claim(code: str, request: Request) -> Response:
        backend.authenticate(request)
        body = await _json_body(request, "CouponClaim")
        _coupon_code(code)
        member_no = body["member_no"]
        if member_no >= 2**63:
            raise HttpError(404, "not_found", "no such coupon for this member")
        state = await run_in_threadpool(
            backend.store.write, lambda conn: loyalty.claim_coupon(conn, code, member_no, body["sale_uuid"])
        )
        if state == "unknown" or state == "not this member's coupon":
            raise HttpError(404, "not_found", "no such coupon for this member")
        if state != "ok":
            raise HttpError(409, "coupon_used", f"this coupon is {state}")
        return backend.respond(
            "claimCoupon", 200, {"code": code, "state": "claimed", "sale_uuid": body["sale_uuid"]}
        )

    @app.post("/v1/coupons/{code}/release")
    async def release(code: str, request: Request) -> Response:
        backend.authenticate(request)
        body = await _json_body(request, "CouponRelease")
        _coupon_code(code)

        def run(conn: Connection) -> tuple[str, str | None]:
            if (
                conn.execute(
                    sa.select(schema.member_coupons.c.code).where(schema.member_coupons.c.code == code)
                ).first()
                is None
            ):
                raise HttpError(404, "not_found", "no such coupon")
            loyalty.release_coupon(conn, code, body["sale_uuid"])
            return loyalty.coupon_state(conn, code)

        state, holder = await run_in_threadpool(backend.store.write, run)
        return backend.respond("releaseCoupon", 200, {"code": code, "state": state, "sale_uuid": holder})

    # one route for both methods, so that a 405 lists both in its Allow header
    @app.api_route("/v1/carts/{cart_id}", methods=["GET", "PUT"])
    async def cart(cart_id: str, request: Request) -> Response:
        if request.method == "PUT":
            return await share_cart(cart_id, request)
        backend.authenticate(request, lookup=True)
        store_id = request.query_params.get("store_id")

        def read() -> dict[str, Any] | None:
            with backend.store.read_connection() as conn:
                return cart_body(conn, cart_id, store_id)

        body = await run_in_threadpool(read)
        if body is None:
            raise HttpError(404, "not_found", "no such shared cart")
        return backend.respond("getCart", 200, body)

    async def share_cart(cart_id: str, request: Request) -> Response:
        backend.authenticate(request)
        if not re.fullmatch(r"[A-Za-z0-9_-]{1,64}", cart_id):
            raise HttpError(400, "invalid_request", "a cart id has 1 to 64 letters, digits, _ or -")
        body = await _json_body(request, "CartShare")
        member_no = body.get("member_no")
        if member_no is not None and member_no >= 2**63:  # no such member: the cart is nobody's
            member_no = None
        stored = {
            "cart_id": cart_id,
            "member_no": member_no,
            "shared_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
            "lines": json.dumps(body["lines"]),
            "coupons": "[]",
            "currency": body["currency"],
        }
        c = schema.carts

        def run(conn: Connection) -> None:
            conn.execute(sa.delete(c).where(c.c.cart_id == cart_id))
            conn.execute(sa.insert(c).values(**stored))

        def write() -> dict[str, Any] | None:
            backend.store.write(run)
            with backend.store.read_connection() as conn:
                return cart_body(conn, cart_id, None)

        return backend.respond("shareCart", 200, await run_in_threadpool(write))


def _coupon_code(code: str) -> None:
    from backend.app import HttpError

    if not re.fullmatch(r"[A-Za-z0-9_-]{1,64}", code):
        raise HttpError(404, "not_found", "no such coupon")


# ------------------------------------------------------------------------------------------ profile
def member_profile(conn: Connection, no: int, *, full: bool) -> dict[str, Any] | None:
    t = schema
    m = conn.execute(
        sa.select(
            t.members.c.first_name,
            t.members.c.last_initial,
            t.members.c.tier,
            t.members.c.consent_marketing,
            t.members.c.consent_personalisation,
            t.members.c.consent_receipts,
        ).where(t.members.c.member_no == no)
    ).first()
    if m is None:
        return None
    mc, cl = t.member_coupons, t.coupon_ledger
    used = sa.select(cl.c.code).where(cl.c.state == "used")
    coupons = [
        {"code": r[0], "title": r[1], "percent_off_bp": r[2], "amount_off": r[3], "expires_at": r[4]}
        for r in conn.execute(
            sa.select(mc.c.code, mc.c.title, mc.c.percent_off_bp, mc.c.amount_off, mc.c.expires_at)
            .where(mc.c.member_no == no, mc.c.code.not_in(used))
            .order_by(mc.c.code)
        )
    ]
    personal = full and bool(m[4])  # recent orders: the full view; viewed items, suggestions: with consent
    body = {
        "member_no": no,
        "display_name": f"{m[0]} {m[1]}.",
        "tier": m[2],
        "points_balance": max(0, db.points_balance(conn, no)),
        "coupons": coupons,
        "recent_orders": _recent_orders(conn, no) if full else [],
        "recently_viewed": _viewed(conn, no) if personal else [],
        "consent": {"marketing": bool(m[3]), "personalisation": bool(m[4]), "receipts_by_email": bool(m[5])},
        "view": "full" if full else "checkout",
        "suggestions": suggestions(conn, no) if personal else [],
    }
    return body


def _recent_orders(conn: Connection, no: int) -> list[dict[str, Any]]:
    o, ol, s, sl = schema.orders, schema.order_lines, schema.sales, schema.sale_lines
    items = sa.select(sa.func.sum(ol.c.qty)).where(ol.c.order_no == o.c.order_no).scalar_subquery()
    online = [
        {
            "channel": "online",
            "ref": r[0],
            "placed_at": r[1],
            "currency": r[2],
            "total": r[3],
            "item_count": int(r[4] or 0),
        }
        for r in conn.execute(
            sa.select(o.c.order_no, o.c.placed_at, o.c.currency, o.c.total, items)
            .where(o.c.member_no == no)
            .order_by(o.c.placed_at.desc())
            .limit(10)
        )
    ]
    store = [
        {
            "channel": "store",
            "ref": r[0],
            "placed_at": r[1],
            "currency": r[2],
            "total": r[3],
            "item_count": r[4],
        }
        for r in conn.execute(
            sa.select(s.c.sale_uuid, s.c.occurred_at, s.c.currency, s.c.total, s.c.item_count)
            .where(s.c.member_no == no)
            .order_by(s.c.occurred_at.desc())
            .limit(10)
        )
    ]
    recent = sorted(online + store, key=lambda x: x["placed_at"], reverse=True)[:20]
    for kind, table, key in (("online", ol, ol.c.order_no), ("store", sl, sl.c.sale_uuid)):
        refs = [r["ref"] for r in recent if r["channel"] == kind]
        if not refs:
            continue
        lines: dict[str, list[dict[str, Any]]] = {}
        for ref, sku, name, qty in conn.execute(
            sa.select(key, table.c.sku, table.c.name, table.c.qty)
            .where(key.in_(refs))
            .order_by(key, table.c.line_no)
        ):
            lines.setdefault(ref, []).append({"sku": sku, "name": name[:200], "qty": qty})
        for r in recent:
            if r["channel"] == kind:
                r["lines"] = lines.get(r["ref"], [])[:20]
    return recent


def _viewed(conn: Connection, no: int) -> list[dict[str, Any]]:
    mv = schema.member_views
    return [
        {"sku": r[0], "name": r[1], "viewed_at": r[2]}
        for r in conn.execute(
            sa.select(mv.c.sku, mv.c.name, mv.c.viewed_at)
            .where(mv.c.member_no == no)
            .order_by(mv.c.viewed_at.desc())
            .limit(20)
        )
    ]


def suggestions(conn: Connection, no: int, limit: int = SUGGESTIONS) -> list[dict[str, Any]]:
    """What others bought in the same baskets as what the member bought or looked at (most baskets first),
    then what the member looked at and has not bought."""
    s, sl, o, ol, mv, p = (
        schema.sales,
        schema.sale_lines,
        schema.orders,
        schema.order_lines,
        schema.member_views,
        schema.products,
    )
    bought = sa.union(
        sa.select(sl.c.sku).join(s, s.c.sale_uuid == sl.c.sale_uuid).where(s.c.member_no == no),
        sa.select(ol.c.sku).join(o, o.c.order_no == ol.c.order_no).where(o.c.member_no == no),
    ).subquery()
    viewed = sa.select(mv.c.sku).where(mv.c.member_no == no)
    interest = sa.union(sa.select(bought.c.sku), viewed).subquery()
    baskets = sa.union_all(
        sa.select(sl.c.sale_uuid.label("basket"), sl.c.sku.label("sku")),
        sa.select(ol.c.order_no.label("basket"), ol.c.sku.label("sku")),
    ).subquery()
    related = (
        sa.select(baskets.c.basket).where(baskets.c.sku.in_(sa.select(interest.c.sku))).distinct().subquery()
    )
    n = sa.func.count(sa.distinct(baskets.c.basket)).label("n")
    rows = conn.execute(
        sa.select(baskets.c.sku, n)
        .where(
            baskets.c.basket.in_(sa.select(related.c.basket)), baskets.c.sku.not_in(sa.select(bought.c.sku))
        )
        .group_by(baskets.c.sku)
        .order_by(n.desc(), baskets.c.sku)
        .limit(limit)
    ).all()
    out = [(sku, "bought_together") for sku, _ in rows]
    if len(out) < limit:
        seen = {sku for sku, _ in out}
        for (sku,) in conn.execute(
            sa.select(mv.c.sku)
            .where(mv.c.member_no == no, mv.c.sku.not_in(sa.select(bought.c.sku)))
            .order_by(mv.c.viewed_at.desc())
        ):
            if sku not in seen and len(out) < limit:
                seen.add(sku)
                out.append((sku, "viewed"))
    names = dict(
        conn.execute(sa.select(p.c.sku, p.c.name).where(p.c.sku.in_([x for x, _ in out]), ~p.c.deleted)).all()
    )
    return [{"sku": sku, "name": names[sku][:200], "reason": why} for sku, why in out if sku in names]


# ------------------------------------------------------------------------------------------ search
_LIKE_ESCAPE = str.maketrans({"%": r"\%", "_": r"\_", "\\": r"\\"})


def _hint(email: str | None, phone: str | None) -> str:
    parts = []
    if email and "@" in email:
        local, _, domain = email.partition("@")
        parts.append(f"{local[:1]}…@{domain}")
    if phone:
        parts.append(f"…{phone[-4:]}")
    return " · ".join(parts)[:100]


def search_members(conn: Connection, q: str) -> list[dict[str, Any]]:
    """Members by number, phone, e-mail or name: at most SEARCH_LIMIT, each with a masked hint."""
    m = schema.members
    digits = re.sub(r"[\s+().-]", "", q)
    conds = []
    if digits.isdigit():
        if len(digits) <= 19 and int(digits) < 2**63:
            conds.append(m.c.member_no == loyalty.resolve_number(conn, int(digits)))
        if len(digits) >= 6:
            conds.append(m.c.phone == digits)
            conds.append(m.c.phone.like(f"%{digits}") if len(digits) >= 7 else sa.false())
    elif "@" in q:
        conds.append(m.c.email == loyalty.normal_email(q))
    else:
        words = q.split()
        first = words[0].translate(_LIKE_ESCAPE).lower()
        cond = sa.func.lower(m.c.first_name).like(f"{first}%", escape="\\")
        if len(words) > 1:
            rest = " ".join(words[1:]).rstrip(".").translate(_LIKE_ESCAPE).lower()
            cond = sa.and_(
                cond,
                sa.or_(
                    sa.func.lower(m.c.last_name).like(f"{rest}%", escape="\\"),
                    sa.func.lower(m.c.last_initial) == rest[:1] if len(rest) == 1 else sa.false(),
                ),
            )
        conds.append(cond)
    rows = conn.execute(
        sa.select(m.c.member_no, m.c.first_name, m.c.last_initial, m.c.tier, m.c.email, m.c.phone)
        .where(sa.or_(*conds))
        .order_by(m.c.first_name, m.c.member_no)
        .limit(SEARCH_LIMIT)
    ).all()
    return [
        {"member_no": r[0], "display_name": f"{r[1]} {r[2]}.", "tier": r[3], "hint": _hint(r[4], r[5])}
        for r in rows
    ]


# ------------------------------------------------------------------------------------------ carts
def cart_body(conn: Connection, cart_id: str, store_id: str | None) -> dict[str, Any] | None:
    c = schema.carts
    row = conn.execute(
        sa.select(c.c.cart_id, c.c.member_no, c.c.shared_at, c.c.lines, c.c.coupons, c.c.currency).where(
            c.c.cart_id == cart_id
        )
    ).first()
    if row is None:
        return None
    lines = json.loads(row[3])
    if store_id is not None:
        st = schema.stock
        stock = dict(
            conn.execute(
                sa.select(st.c.sku, st.c.available).where(
                    st.c.store_id == store_id, st.c.sku.in_([ln["sku"] for ln in lines])
                )
            ).all()
        )
        for ln in lines:
            ln["available_here"] = stock.get(ln["sku"])
    body = {
        "cart_id": row[0],
        "member_no": row[1],
        "shared_at": row[2],
        "lines": lines,
        "coupons": json.loads(row[4]),
    }
    if row[5]:
        body["currency"] = row[5]
    return body


__all__ = ["add_routes", "cart_body", "member_profile", "search_members", "suggestions"]
