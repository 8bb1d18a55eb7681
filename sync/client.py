"""The till's HTTP client for the OMO backend (contract: sync/openapi.yaml).

One `BackendClient` per thread (a `requests.Session` is not documented thread-safe). Every call has a
timeout; TLS verification is always on (a custom CA bundle may be given, never `verify=False`); transient
failures are retried by urllib3 (`Retry`, POSTs included — every POST carries an Idempotency-Key) with
backoff, jitter and the server's Retry-After; every answer is validated against the contract before anyone
uses it: a malformed or schema-violating answer raises `BackendContractError` and nothing of it is used.
"""

from __future__ import annotations

import io
import json
import logging
import threading
import time
from collections.abc import Callable
from typing import Any
from urllib.parse import quote

import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from pos.errors import N_, Sentence
from pos.stock import StockLevels, VariantStock
from pos.sync_ports import (
    BackendNotFound,
    BackendRefused,
    BackendTooManyTries,
    BackendUnavailable,
    CartLine,
    Consent,
    Coupon,
    CouponUsed,
    CreditRedemption,
    Incoming,
    MemberHit,
    MemberProfile,
    OnlineOrder,
    OrderedItem,
    OrderLine,
    PickupList,
    RecentOrder,
    ReturnReceipt,
    SharedCart,
    StoreCredit,
    StoreSale,
    StoreStock,
    Suggestion,
    Tender,
    ViewedItem,
)
from sync import contract
from sync.store import crash

log = logging.getLogger("sync.client")
MEMBER_TOKEN_HEADER = "OMO-Member-Token"  # the text of a member's QR (their app's signed token or a card's)

KEYRING_SERVICE = "omo-pos"
KEYRING_TOKEN_USER = "backend-device-token"
RETRY_AFTER_CAP_S = 30.0


class BackendOffline(BackendUnavailable):
    """No connection, or no answer in time."""


class BackendServerError(BackendUnavailable):
    """The backend answered with a server error or asked us to slow down (after our retries)."""

    def __init__(self, message: str, status: int, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.retry_after = retry_after


class BackendContractError(BackendUnavailable):
    """The backend's answer is malformed or breaks the contract; nothing of it was used."""


class BackendAuthError(BackendUnavailable):
    """The device token is missing, unknown or revoked."""


class BackendRequestError(BackendUnavailable):
    """The backend refused our request as malformed (400/422): a bug on our side or a changed contract."""

    def __init__(self, message: str, status: int, code: str) -> None:
        super().__init__(message)
        self.status = status
        self.code = code


class _CappedRetry(Retry):
    """urllib3 Retry that never sleeps longer than RETRY_AFTER_CAP_S for a server's Retry-After, and gives
    up at once when its `stop` event is set (so shutting the till down never waits for a retry series)."""

    stop: threading.Event | None = None

    def new(self, **kw: Any) -> Retry:
        retry = super().new(**kw)
        retry.stop = self.stop  # type: ignore[attr-defined]
        return retry

    def is_exhausted(self) -> bool:
        return (self.stop is not None and self.stop.is_set()) or super().is_exhausted()

    def get_retry_after(self, response: Any) -> float | None:
        value = super().get_retry_after(response)
        return None if value is None else min(value, RETRY_AFTER_CAP_S)


def make_retry(backoff_factor: float = 0.5, stop: threading.Event | None = None) -> Retry:
    retry = _CappedRetry(
        total=3,
        connect=3,
        read=2,
        status=2,
        backoff_factor=backoff_factor,
        backoff_jitter=0.25,
        backoff_max=8.0,
        allowed_methods=None,  # POST too: every POST carries an Idempotency-Key
        status_forcelist=(429, 500, 502, 503, 504),
        respect_retry_after_header=True,
        raise_on_status=False,
    )
    retry.stop = stop
    return retry


def keyring_token() -> str | None:
    import keyring

    return keyring.get_password(KEYRING_SERVICE, KEYRING_TOKEN_USER)


def store_device_token(token: str) -> None:
    import keyring

    keyring.set_password(KEYRING_SERVICE, KEYRING_TOKEN_USER, token)


SENT_POINT = "after_http_send_before_response"


class _SentBody(io.BytesIO):
    """A push's body for the crash tests: read to its end means sent (the answer is not read yet), so the
    crash point there kills the till between the request and its answer."""

    def read(self, size: int | None = -1) -> bytes:
        chunk = super().read(size)
        if not chunk:
            crash.crashpoint(SENT_POINT)
        return chunk


class BackendClient:
    def __init__(
        self,
        base_url: str,
        *,
        token_provider: Callable[[], str | None] = keyring_token,
        connect_timeout: float = 3.05,
        read_timeout: float = 15.0,
        ca_bundle: str | None = None,
        retry: Retry | None = None,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self._token_provider = token_provider
        self._token: str | None = None
        self.timeout = (connect_timeout, read_timeout)
        self.session = requests.Session()
        # never False; passed on every request too, because requests lets REQUESTS_CA_BUNDLE override a
        # Session's verify (psf/requests issue #3829) and a configured CA would silently be ignored
        self._verify: str | bool = ca_bundle if ca_bundle else True
        self.session.verify = self._verify
        adapter = HTTPAdapter(max_retries=retry if retry is not None else make_retry(), pool_maxsize=2)
        self.session.mount("http://", adapter)
        self.session.mount("https://", adapter)
        self.session.headers["Accept"] = "application/json"
        self.session.headers["User-Agent"] = "omo-pos-sync/1"
        # a request whose 429 is an answer to show, not a reason to wait and retry (a customer check)
        self._once = requests.Session()
        self._once.verify = self._verify
        once = HTTPAdapter(max_retries=Retry(total=1, connect=1, read=0, status=0), pool_maxsize=1)
        self._once.mount("http://", once)
        self._once.mount("https://", once)
        self._once.headers.update(self.session.headers)
        self.requests_sent = 0  # HTTP calls made by this client (urllib3 retries not counted)

    def close(self) -> None:
        self.session.close()
        self._once.close()

    # ------------------------------------------------------------------------------------------ core
    def _auth_header(self) -> dict[str, str]:
        if self._token is None:
            try:
                self._token = self._token_provider()
            except Exception as exc:  # keyring backends raise their own errors
                raise BackendAuthError(
                    Sentence(
                        N_(
                            "The till cannot read its backend device token from the system keyring. "
                            "Ask a manager to check the till's set-up."
                        )
                    )
                ) from exc
        if not self._token:
            raise BackendAuthError(
                Sentence(N_("This till has no backend device token yet. Ask a manager to register the till."))
            )
        return {"Authorization": f"Bearer {self._token}"}

    def _call(
        self,
        method: str,
        path: str,
        operation_id: str,
        *,
        params: dict[str, Any] | None = None,
        body: bytes | io.BytesIO | None = None,
        headers: dict[str, str] | None = None,
        read_timeout: float | None = None,
        once: bool = False,
    ) -> Any:
        """`once`: a 429 is not retried but raised as BackendTooManyTries."""
        where = f"{method} {operation_id}"  # what logs name: a path may hold a member's number
        hdrs = self._auth_header()
        if headers:
            hdrs.update(headers)
        if body is not None:
            hdrs["Content-Type"] = "application/json"
        timeout = (self.timeout[0], read_timeout or self.timeout[1])
        self.requests_sent += 1
        try:
            resp = (self._once if once else self.session).request(
                method,
                self.base_url + path,
                params=params,
                data=body,
                headers=hdrs,
                timeout=timeout,
                verify=self._verify,
            )
        except requests.exceptions.SSLError as exc:
            log.error("backend %s: TLS verification failed", where)
            raise BackendOffline(
                Sentence(
                    N_(
                        "The OMO backend's certificate could not be verified, so the till will not talk to "
                        "it. Ask a manager to check the backend address and certificate. Sales are kept."
                    )
                )
            ) from exc
        except (requests.ConnectionError, requests.Timeout) as exc:
            log.warning("backend %s: no answer (%s)", where, type(exc).__name__)
            raise BackendOffline(
                Sentence(N_("The OMO backend cannot be reached. Sales are kept and sent later."))
            ) from exc
        except requests.RequestException as exc:
            log.warning("backend %s failed: %s", where, type(exc).__name__)
            raise BackendOffline(
                Sentence(N_("The connection to the OMO backend broke off. It will be retried."))
            ) from exc
        status = resp.status_code
        try:
            data = resp.json()
        except ValueError:
            data = _NOT_JSON
        if data is _NOT_JSON:
            log.error("backend %s: HTTP %s with a body that is not JSON", where, status)
            if status >= 500 or status == 429:
                raise BackendServerError(
                    Sentence(N_("The OMO backend had a problem (HTTP {status})."), status=status), status
                )
            raise BackendContractError(
                Sentence(N_("The OMO backend sent an unreadable answer. It will be retried."))
            )
        schema = contract.response_schema_name(operation_id, status)
        if status not in contract.declared_statuses(operation_id) or schema is None:
            log.error("backend %s: HTTP %s is not in the contract", where, status)
            raise BackendContractError(
                Sentence(N_("The OMO backend gave an unexpected answer (HTTP {status})."), status=status)
            )
        try:
            contract.validate(schema, data)
        except contract.ContractViolation as exc:
            # where in the answer, not what it holds (an answer may be a member's profile)
            log.error(
                "backend %s: answer breaks the contract %s %s", where, exc.where, exc.detail.split(":")[0]
            )
            raise BackendContractError(
                Sentence(N_("The OMO backend sent an answer this till does not understand."))
            ) from exc
        if 200 <= status < 300:
            return data
        err = data["error"]
        if status == 401:
            self._token = None  # read the keyring again next time (the till may have been re-registered)
            raise BackendAuthError(
                Sentence(
                    N_(
                        "The OMO backend does not accept this till's device token (it was revoked). Ask a "
                        "manager to register the till again. Sales are kept."
                    )
                    if err["code"] == "token_revoked"
                    else N_(
                        "The OMO backend does not accept this till's device token. Ask a manager to "
                        "register the till again. Sales are kept."
                    )
                )
            )
        if status == 404:
            raise BackendNotFound(err["message"])
        if status == 409 and err["code"] == "coupon_used":
            raise CouponUsed(err["message"])
        if status == 409 and err["code"] != "request_in_progress":
            raise BackendRefused(err["code"], err["message"])
        if status in (400, 422):
            raise BackendRequestError(
                Sentence(N_("The OMO backend refused the request: {why}"), why=err["message"]),
                status,
                err["code"],
            )
        if status == 429 and once:
            wait = resp.headers.get("Retry-After", "")
            raise BackendTooManyTries(err["message"], float(wait) if wait.isdigit() else 60.0)
        retry_after = _retry_after(resp)
        raise BackendServerError(
            Sentence(N_("The OMO backend is busy or has a problem (HTTP {status})."), status=status),
            status,
            retry_after,
        )

    # ------------------------------------------------------------------------------------ operations
    def push_events(self, events: list[dict[str, Any]], idempotency_key: str) -> list[dict[str, Any]]:
        """Send a batch; return one EventResult per event, in order (checked against the ids sent)."""
        body: Any = json.dumps({"events": events}, separators=(",", ":"), sort_keys=True).encode()
        if crash.armed(SENT_POINT):
            body = _SentBody(body)
        data = self._call(
            "POST", "/v1/events", "pushEvents", body=body, headers={"Idempotency-Key": idempotency_key}
        )
        results = data["results"]
        if [r["event_id"] for r in results] != [e["event_id"] for e in events]:
            log.error("backend answered %d results for %d events, or out of order", len(results), len(events))
            raise BackendContractError(
                Sentence(N_("The OMO backend's answer does not match the events sent. It will be retried."))
            )
        return results

    def push_audit(self, entries: list[dict[str, Any]]) -> int:
        """Anchor audit entries at the backend; the seq its copy of this till's chain now ends at."""
        body = json.dumps({"entries": entries}, separators=(",", ":")).encode()
        try:
            return self._call("POST", "/v1/audit", "pushAudit", body=body)["head_seq"]
        except BackendServerError as exc:
            if exc.status != 409:
                raise
            raise BackendRequestError(  # the backend's copy and this chain differ: retrying cannot help
                Sentence(N_("The OMO backend's copy of this till's audit log differs from this till's.")),
                409,
                "audit_conflict",
            ) from exc

    def audit_copy(self, after: int = 0, limit: int = 1000) -> dict[str, Any]:
        """The backend's copy of this till's audit chain after `after`: {"head_seq", "entries": [...]}."""
        return self._call("GET", "/v1/audit", "getAudit", params={"after": after, "limit": limit})

    def reconciliation(self, since: str, until: str) -> list[dict[str, Any]]:
        """This till's events the backend holds, per day and type (ReconciliationDay dicts)."""
        params = {"from": since, "to": until}
        return self._call("GET", "/v1/reconciliation", "getReconciliation", params=params)["days"]

    def missing_events(self, event_ids: list[str]) -> list[str]:
        """Which of these (at most 1000, wire) event ids the backend has not recorded."""
        body = json.dumps({"event_ids": event_ids}, separators=(",", ":")).encode()
        return self._call("POST", "/v1/reconciliation/missing", "findMissingEvents", body=body)["missing"]

    def catalog_changes(self, cursor: str | None, limit: int = 5000) -> dict[str, Any]:
        params: dict[str, Any] = {"limit": limit}
        if cursor:
            params["cursor"] = cursor
        return self._call("GET", "/v1/catalog/changes", "catalogChanges", params=params, read_timeout=60.0)

    def promotions(self) -> list[dict[str, Any]]:
        return self._call("GET", "/v1/promotions", "listPromotions")["promotions"]

    def member_profile_raw(self, member_no: int, member_token: str | None = None) -> dict[str, Any]:
        """Checkout's view of a member; in full (history, recently viewed, suggestions) with the member's
        own code (the text of their QR: the app's signed token, or a printed card's)."""
        headers = {MEMBER_TOKEN_HEADER: member_token} if member_token else None
        return self._call("GET", f"/v1/members/{int(member_no)}", "getMemberProfile", headers=headers)

    def member_profile(self, member_no: int, member_token: str | None = None) -> MemberProfile:
        return to_member_profile(self.member_profile_raw(member_no, member_token))

    def search_members(self, query: str) -> list[MemberHit]:
        data = self._call("GET", "/v1/members", "searchMembers", params={"q": query})
        return [MemberHit(**m) for m in data["members"]]

    def claim_coupon(self, code: str, member_no: int, sale_uuid: str) -> None:
        """The coupon is this sale's (CouponUsed when another sale or an online order has it)."""
        body = json.dumps({"member_no": int(member_no), "sale_uuid": sale_uuid}).encode()
        self._call("POST", f"/v1/coupons/{quote(code, safe='')}/claim", "claimCoupon", body=body)

    def release_coupon(self, code: str, sale_uuid: str) -> str:
        body = json.dumps({"sale_uuid": sale_uuid}).encode()
        return self._call("POST", f"/v1/coupons/{quote(code, safe='')}/release", "releaseCoupon", body=body)[
            "state"
        ]

    def share_cart(
        self, cart_id: str, currency: str, lines: list[dict[str, Any]], member_no: int | None = None
    ) -> SharedCart:
        body = json.dumps({"currency": currency, "lines": lines, "member_no": member_no}).encode()
        return to_cart(self._call("PUT", f"/v1/carts/{quote(cart_id, safe='')}", "shareCart", body=body))

    def mint_member_qr(self, member_no: int, kind: str = "app") -> str:
        """Demo only: the QR text a member's app (or printed card) shows now."""
        data = self._call(
            "GET", f"/v1/demo/members/{int(member_no)}/qr", "mintMemberQr", params={"kind": kind}
        )
        return data["qr_text"]

    def keys(self) -> list[dict[str, Any]]:
        return self._call("GET", "/v1/keys", "listKeys")["keys"]

    def revocations(self) -> list[dict[str, Any]]:
        return self._call("GET", "/v1/revocations", "listRevocations")["cards"]

    def order(self, order_no: str, member_token: str | None = None) -> OnlineOrder:
        """By number: the summary (in full for the store it waits at for pickup, or with `member_token`,
        the QR text of the member who placed it); else the contents come with its QR (`order_by_qr`) or a
        customer check (`check_customer`)."""
        headers = {MEMBER_TOKEN_HEADER: member_token} if member_token else None
        path = f"/v1/orders/{quote(str(order_no), safe='')}"
        return to_order(self._call("GET", path, "getOrder", headers=headers))

    def order_by_qr(self, qr_text: str) -> OnlineOrder:
        return to_order(self._call("GET", "/v1/orders/by-qr", "getOrderByQr", params={"text": qr_text}))

    def sale(self, sale_uuid: str) -> StoreSale:
        """An in-store sale by UUID (also accepts the receipt QR text `OMO:RECEIPT:<uuid>`)."""
        if sale_uuid.startswith("OMO:RECEIPT:"):
            sale_uuid = sale_uuid[len("OMO:RECEIPT:") :]
        return to_sale(self._call("GET", f"/v1/sales/{quote(sale_uuid.lower(), safe='')}", "getSale"))

    def sale_by_receipt(self, receipt_no: str) -> StoreSale:
        """An in-store sale by its receipt number (`T01-000123`)."""
        path = f"/v1/sales/by-receipt/{quote(receipt_no, safe='')}"
        return to_sale(self._call("GET", path, "getSaleByReceipt"))

    def return_by_receipt(self, receipt_no: str) -> ReturnReceipt:
        """A return (any till) by the number on its receipt."""
        d = self._call("GET", f"/v1/returns/by-receipt/{quote(receipt_no, safe='')}", "getReturnByReceipt")
        return ReturnReceipt(
            d["return_uuid"], d["receipt_no"], d["till_id"], d["original_receipt_no"], d["original_order_no"]
        )

    # ------------------------------------------------------------------ returns, pickups, store credit
    def _post(self, path: str, operation_id: str, body: dict[str, Any]) -> Any:
        data = json.dumps(body, separators=(",", ":"), sort_keys=True).encode()
        return self._call("POST", path, operation_id, body=data)

    def check_customer(self, order_no: str, method: str, value: str) -> OnlineOrder | None:
        """The order in full when the customer's name, card digits, app code or e-mail matches it; None
        when not; BackendTooManyTries after too many wrong checks of this order or from this till."""
        path = f"/v1/orders/{quote(str(order_no), safe='')}/check"
        body = json.dumps({"method": method, "value": value}, separators=(",", ":"), sort_keys=True).encode()
        data = self._call("POST", path, "checkOrderCustomer", body=body, once=True)
        return to_order(data["order"]) if data["verified"] and "order" in data else None

    def pickups(self, store_id: str) -> PickupList:
        d = self._call("GET", "/v1/pickups", "listPickups", params={"store_id": store_id})
        return PickupList(d["store_id"], d["as_of"], tuple(to_order(o) for o in d["orders"]))

    def claim_return(self, claim: dict[str, Any]) -> str:
        """Hold a return's lines at the backend before refunding; its status (claimed / completed)."""
        return self._post("/v1/returns/claims", "claimReturn", claim)["status"]

    def release_return(self, return_uuid: str) -> str:
        path = f"/v1/returns/claims/{quote(return_uuid, safe='')}"
        return self._call("DELETE", path, "releaseReturnClaim")["status"]

    def store_credit(self, code: str) -> StoreCredit:
        d = self._call("GET", f"/v1/store-credits/{quote(code, safe='')}", "getStoreCredit")
        return StoreCredit(d["code"], d["currency"], d["issued"], d["balance"], d["created_at"])

    def redeem_credit(
        self, code: str, redemption_id: str, amount: int, currency: str, sale_uuid: str | None
    ) -> CreditRedemption:
        body: dict[str, Any] = {"redemption_id": redemption_id, "amount": amount, "currency": currency}
        if sale_uuid:
            body["sale_uuid"] = sale_uuid
        path = f"/v1/store-credits/{quote(code, safe='')}/redemptions"
        return to_redemption(self._post(path, "redeemStoreCredit", body))

    def release_credit(self, code: str, redemption_id: str) -> CreditRedemption:
        path = f"/v1/store-credits/{quote(code, safe='')}/redemptions/{quote(redemption_id, safe='')}"
        return to_redemption(self._call("DELETE", path, "releaseStoreCredit"))

    def cart(self, cart_id: str, store_id: str | None = None) -> SharedCart:
        if cart_id.startswith("OMO:CART:"):
            cart_id = cart_id[len("OMO:CART:") :]
        params = {"store_id": store_id} if store_id else None
        return to_cart(self._call("GET", f"/v1/carts/{quote(cart_id, safe='')}", "getCart", params=params))

    def stock(self, sku: str) -> StockLevels:
        """The item in every store and warehouse, nearest to this till's store first, with its variants."""
        return to_stock(self._call("GET", f"/v1/stock/{quote(sku, safe='')}", "getStockElsewhere"))

    def stock_elsewhere(self, sku: str) -> list[StoreStock]:
        return list(self.stock(sku).stores)

    def _send(self, path: str, operation_id: str, body: dict[str, Any]) -> Any:
        data = json.dumps(body, separators=(",", ":"), sort_keys=True).encode()
        # the body's own UUID (order_id, reservation_id) makes a retry answer the same order
        return self._call("POST", path, operation_id, body=data)

    def place_order(self, request: dict[str, Any]) -> OnlineOrder:
        """An endless-aisle order (contract PlaceOrder): BackendRefused `out_of_stock` when the last unit
        went elsewhere."""
        return to_order(self._send("/v1/orders", "placeOrder", request))

    def reserve(self, request: dict[str, Any]) -> OnlineOrder:
        """A reservation at a store (contract Reservation)."""
        return to_order(self._send("/v1/reservations", "createReservation", request))

    def release_order(self, order_no: str) -> OnlineOrder:
        """Give up an order not paid yet, or a reservation."""
        return to_order(self._send(f"/v1/orders/{quote(str(order_no), safe='')}/release", "releaseOrder", {}))


_NOT_JSON = object()


def _retry_after(resp: requests.Response) -> float | None:
    value = resp.headers.get("Retry-After")
    if value and value.isdigit():
        return min(float(value), RETRY_AFTER_CAP_S)
    return None


# ------------------------------------------------------------------------------------- converters


def to_recent_order(o: dict[str, Any]) -> RecentOrder:
    return RecentOrder(
        o["channel"],
        o["ref"],
        o["placed_at"],
        o["currency"],
        o["total"],
        o["item_count"],
        tuple(OrderedItem(x["sku"], x["name"], x["qty"]) for x in o.get("lines", ())),
    )


def to_member_profile(
    d: dict[str, Any], fetched_at: float = 0.0, *, as_of: float = 0.0, from_cache: bool = False
) -> MemberProfile:
    """The contract's profile; viewed items and suggestions only with personalisation consent (the till
    shows no more than the member agreed to, whatever an answer holds). Recent orders come in the full view
    only (the member showed their own code): a return lists them whatever the consent, the member panel
    shows them with personalisation consent (app/members.py)."""
    personal = bool(d["consent"]["personalisation"])
    return MemberProfile(
        member_no=d["member_no"],
        display_name=d["display_name"],
        tier=d["tier"],
        points_balance=d["points_balance"],
        coupons=tuple(
            Coupon(c["code"], c["title"], c["expires_at"], c.get("percent_off_bp"), c.get("amount_off"))
            for c in d["coupons"]
        ),
        recent_orders=tuple(to_recent_order(o) for o in d["recent_orders"]),
        recently_viewed=tuple(ViewedItem(v["sku"], v["name"], v["viewed_at"]) for v in d["recently_viewed"])
        if personal
        else (),
        consent=Consent(**d["consent"]),
        fetched_at=fetched_at,
        view=d.get("view", "full"),
        suggestions=tuple(Suggestion(x["sku"], x["name"], x["reason"]) for x in d.get("suggestions", ()))
        if personal
        else (),
        as_of=as_of,
        from_cache=from_cache,
    )


def to_order(d: dict[str, Any]) -> OnlineOrder:
    points = d.get("points") or {}
    return OnlineOrder(
        order_no=d["order_no"],
        status=d["status"],
        placed_at=d["placed_at"],
        currency=d["currency"],
        member_no=d.get("member_no"),
        lines=tuple(OrderLine(**ln) for ln in d.get("lines", ())),
        tenders=tuple(Tender(t["method"], t["amount"], t.get("reference")) for t in d.get("tenders", ())),
        total=d["total"],
        pickup_store_id=d.get("pickup_store_id"),
        customer_display_name=d.get("customer_display_name", ""),
        view=d.get("view", "full"),
        item_count=d.get("item_count", sum(ln["qty"] for ln in d.get("lines", ()))),
        origin=d.get("origin", "online"),
        fulfilment=d.get("fulfilment"),
        source_store_id=d.get("source_store_id"),
        ready_on=d.get("ready_on"),
        expires_at=d.get("expires_at"),
        points_earned=points.get("earned", 0),
        points_redeemed=points.get("redeemed", 0),
        ready_at=d.get("ready_at"),
        collect_by=d.get("collect_by"),
        shelf=d.get("shelf"),
        overdue=bool(d.get("overdue", False)),
        qr_text=d.get("qr_text"),
    )


def to_stock(d: dict[str, Any], fetched_at: float | None = None) -> StockLevels:
    return StockLevels(
        sku=d["sku"],
        name=d["name"],
        as_of=d["as_of"],
        store_id=d["store_id"],
        stores=tuple(
            StoreStock(
                **{k: v for k, v in s.items() if k not in ("opening_hours", "incoming")},
                opening_hours=tuple(s["opening_hours"]),
                incoming=tuple(Incoming(i["qty"], i["expected_on"]) for i in s["incoming"]),
            )
            for s in d["stores"]
        ),
        variants=tuple(VariantStock(**v) for v in d["variants"]),
        fetched_at=time.monotonic() if fetched_at is None else fetched_at,
    )


def to_sale(d: dict[str, Any]) -> StoreSale:
    points = d.get("points") or {}
    return StoreSale(
        sale_uuid=d["sale_uuid"],
        receipt_no=d["receipt_no"],
        till_id=d["till_id"],
        occurred_at=d["occurred_at"],
        currency=d["currency"],
        member_no=d["member_no"],
        lines=tuple(OrderLine(**ln) for ln in d["lines"]),
        tenders=tuple(Tender(t["method"], t["amount"], t.get("reference")) for t in d["tenders"]),
        total=d["total"],
        points_earned=points.get("earned", 0),
        points_redeemed=points.get("redeemed", 0),
    )


def to_redemption(d: dict[str, Any]) -> CreditRedemption:
    return CreditRedemption(d["redemption_id"], d["code"], d["amount"], d["balance"], d["status"])


def to_cart(d: dict[str, Any]) -> SharedCart:
    return SharedCart(
        cart_id=d["cart_id"],
        shared_at=d["shared_at"],
        lines=tuple(
            CartLine(ln["sku"], ln["qty"], ln.get("name", ""), ln.get("unit_price"), ln.get("available_here"))
            for ln in d["lines"]
        ),
        member_no=d.get("member_no"),
        coupons=tuple(d.get("coupons", ())),
        currency=d.get("currency"),
    )
