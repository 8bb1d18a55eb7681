"""The sync worker: drains the outbox to the OMO backend, pulls catalog deltas, answers on-demand lookups.

    engine = SyncEngine(store, base_url="https://omo.example", till_id="T01")
    engine.add_listener(lambda status: ...)   # called from the sync thread with a SyncStatus
    engine.start()                            # refuses a second engine on the same data directory
    engine.wake()                             # after enqueueing an event: send it now
    engine.snapshot()                         # SyncStatus for the status bar (thread-safe)
    engine.member_profile(1001)               # pos.sync_ports.Backend, cached with a time limit
    engine.stop()

Rules it keeps (docs/architecture.md, "The OMO backend and sync"):
- its own thread, its own read connection, its own requests.Session; every write through `store.write`;
- events leave the queue only by the server's per-event answer (`applied` / `duplicate` → ack), or to the
  dead letters with the server's reason (`rejected`) so one bad event never blocks the rest;
- a batch keeps its Idempotency-Key across retries (derived from its event ids), so a retry after a lost
  answer is replayed, never applied twice; exponential backoff with jitter on any failure;
- every answer is validated against the contract before use (sync.client): a malformed answer is an
  error, logged and retried, never half-applied.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import random
import sys
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from pos.errors import N_, Sentence
from pos.stock import StockLevels
from pos.sync_ports import (
    BackendNotFound,
    BackendRefused,
    BackendUnavailable,
    CreditRedemption,
    MemberHit,
    MemberProfile,
    OnlineOrder,
    PickupList,
    ReturnReceipt,
    SharedCart,
    StoreCredit,
    StoreSale,
    StoreStock,
    SyncStatus,
)
from sync import contract
from sync.client import (
    BackendAuthError,
    BackendClient,
    BackendContractError,
    BackendOffline,
    BackendRequestError,
    BackendServerError,
    keyring_token,
    make_retry,
    to_member_profile,
)
from sync.payloads import NotSendable, to_wire, wire_event_id
from sync.store.crash import crashpoint

log = logging.getLogger("sync.outbox")

LOCK_NAME = "sync-engine.lock"


SETTING_KEYS = "backend.member_token_keys"
AUDIT_ANCHORED_KEY = "audit.anchored_seq"  # the last audit entry the backend's copy holds
# what the store's member cache keeps of a profile: checkout's view, nothing of the member's history
CACHED_PROFILE_FIELDS = ("member_no", "display_name", "tier", "points_balance", "coupons", "consent")
SETTING_REVOCATIONS = "backend.revoked_cards"


def load_member_keys(store: Any) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The member-token keys and revoked cards stored by the last sync (empty lists before any)."""
    from sync.store.cart import get_setting

    conn = store.read_connection()
    try:
        return get_setting(conn, SETTING_KEYS, []), get_setting(conn, SETTING_REVOCATIONS, [])
    finally:
        conn.close()


class SyncAlreadyRunning(RuntimeError):
    """Another sync engine already drains this data directory."""


class _EngineLock:
    def __init__(self, directory: Path) -> None:
        self.path = Path(directory) / LOCK_NAME
        self._fd: int | None = None

    def acquire(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            if sys.platform == "win32":  # pragma: no cover
                import msvcrt

                msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            else:
                import fcntl

                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            raise SyncAlreadyRunning(
                Sentence(
                    N_(
                        "Another sync worker is already sending this till's sales ({folder}). Only one may "
                        "run at a time."
                    ),
                    folder=self.path.parent,
                )
            ) from None
        self._fd = fd

    def release(self) -> None:
        if self._fd is not None:
            fd, self._fd = self._fd, None
            os.close(fd)  # closing the descriptor drops the lock


def batch_key(event_ids: list[str]) -> str:
    """The Idempotency-Key of a batch: the same events always get the same key (a retry is a replay)."""
    return "batch-" + hashlib.sha256("\n".join(event_ids).encode()).hexdigest()[:40]


def _rfc3339(iso: str) -> str:
    """The outbox's ISO time as the contract's RFC 3339 (a naive time is taken as UTC)."""
    try:
        dt = datetime.fromisoformat(iso)
    except ValueError:
        return datetime.now(UTC).isoformat()
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    return dt.isoformat()


def _rejection(reason: dict[str, Any]) -> str:
    """A dead letter's reason. A conflict (the backend holds another event under this id) keeps the
    backend's version beside the till's own, which the dead letter's payload is."""
    text = f"{reason['code']}: {reason['message']}"
    if "stored_event" in reason:
        stored = json.dumps(reason["stored_event"], sort_keys=True, ensure_ascii=False)
        text += f"; the backend's version: {stored}"
    return text


def _age_seconds(iso: str | None, now: float) -> float | None:
    if not iso:
        return None
    try:
        return max(0.0, now - datetime.fromisoformat(iso).timestamp())
    except ValueError:
        return None


class SyncEngine:
    def __init__(
        self,
        store: Any,
        *,
        base_url: str,
        till_id: str | None = None,
        batch_size: int = 500,
        token_provider: Callable[[], str | None] = keyring_token,
        client_factory: Callable[[], BackendClient] | None = None,
        connect_timeout: float = 3.05,
        read_timeout: float = 15.0,
        ca_bundle: str | None = None,
        retry_backoff_factor: float = 0.5,
        deferral_base_s: float = 30.0,
        deferral_max_s: float = 1800.0,
        max_deferrals: int = 200,
        member_ttl_s: float = 120.0,
        member_stale_max_s: float = 3600.0,
        member_cache_ttl_s: float = 900.0,
        checkin_points: int = 0,
        purge_interval_s: float = 60.0,
        catalog_interval_s: float | None = 300.0,
        catalog_page_size: int = 5000,
        idle_poll_s: float = 5.0,
        heartbeat_s: float = 2.0,
        backoff_base_s: float = 1.0,
        backoff_max_s: float = 300.0,
        reconcile_interval_s: float | None = 600.0,
        reconcile_days: int = 7,
        listener: Callable[[SyncStatus], None] | None = None,
    ) -> None:
        self.store = store
        self.base_url = base_url
        self.till_id = till_id or store.till_id
        self.batch_size = batch_size
        self._client_factory = client_factory or (
            lambda: BackendClient(
                base_url,
                token_provider=token_provider,
                connect_timeout=connect_timeout,
                read_timeout=read_timeout,
                ca_bundle=ca_bundle,
                retry=make_retry(retry_backoff_factor, stop=self._stop),
            )
        )
        self.member_ttl_s = member_ttl_s
        self.member_cache_ttl_s = member_cache_ttl_s  # how long the store keeps a profile (personal data)
        self.checkin_points = checkin_points  # what a queued check-in adds to a member's provisional points
        # look-ups a person waits for (the member panel): no retries, short timeouts; a cached profile
        # answers at once when the backend is known to be offline or does not answer
        self._interactive_factory = lambda: BackendClient(
            base_url,
            token_provider=token_provider,
            connect_timeout=0.5,
            read_timeout=2.0,
            ca_bundle=ca_bundle,
            retry=make_retry(0, stop=self._stop).new(total=0),
        )
        self.deferral_base_s = deferral_base_s
        self.deferral_max_s = deferral_max_s
        self.max_deferrals = max_deferrals
        self._deferred: dict[str, tuple[int, float]] = {}  # event_id -> (times deferred, next try)
        self.member_stale_max_s = member_stale_max_s
        # personal data is forgotten on a timer: profiles in memory older than member_stale_max_s, and the
        # store's member cache past its expiry (sync/store/members.py), every purge_interval_s
        self.purge_interval_s = purge_interval_s
        self._purge_at = 0.0
        self._anchor_retry_at = 0.0
        self.catalog_interval_s = catalog_interval_s
        self.catalog_page_size = catalog_page_size
        self.idle_poll_s = idle_poll_s
        # with nothing to send, the worker still asks the backend every `heartbeat_s` (one cheap GET, no
        # retries) so that the status bar says "offline" within seconds, not at the next sale
        self.heartbeat_s = heartbeat_s
        self._heartbeat_client: BackendClient | None = None
        self._heartbeat_at = 0.0
        self.backoff_base_s = backoff_base_s
        self.backoff_max_s = backoff_max_s
        # when idle, compare what the backend holds with the journal (sync/reconcile.py) this often
        self.reconcile_interval_s = reconcile_interval_s
        self.reconcile_days = reconcile_days
        self._next_reconcile_at = 0.0
        self.last_reconciliation: Any = None  # sync.reconcile.Reconciliation of the last pass

        self._lock = threading.Lock()
        self._listeners: list[Callable[[SyncStatus], None]] = [listener] if listener else []
        self._status = SyncStatus(state="offline", message="Sync has not started yet.")
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._idle = threading.Event()
        self._catalog_requested = threading.Event()
        self._thread: threading.Thread | None = None
        self._engine_lock = _EngineLock(store.data_dir)
        self._failures = 0
        self._stats_at = 0.0
        self._catalog_done_before = 0
        self._next_catalog_at = 0.0
        self._local = threading.local()
        self._clients: list[BackendClient] = []
        self._members: dict[tuple[int, bool], MemberProfile] = {}  # (member_no, full view) -> profile
        self.keys: list[dict[str, Any]] = []
        self.revoked_cards: list[dict[str, Any]] = []
        # where a catalog sync spends its time: fetching+validating pages vs waiting for the store to apply
        self.catalog_timing = {"fetch_s": 0.0, "apply_wait_s": 0.0}
        self.requests_sent = 0  # batches and pages sent by the worker (each may be retried by urllib3)

    # --------------------------------------------------------------------------------- lifecycle
    def start(self) -> None:
        if self._thread is not None:
            raise RuntimeError("the sync engine is already started")
        self._engine_lock.acquire()
        self._stop.clear()
        self._heartbeat_at = time.monotonic()  # the first heartbeat is one interval after the start
        if self.catalog_interval_s is not None:
            self._catalog_requested.set()  # a first catalog sync (or its resumption) at start
        self._thread = threading.Thread(target=self._run, name="sync-worker", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 30.0) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)
            if self._thread.is_alive():  # pragma: no cover - a call stuck beyond its timeouts
                log.error("the sync worker did not stop within %.0f s", timeout)
            self._thread = None
        for c in self._clients:
            c.close()
        self._clients.clear()
        self._engine_lock.release()

    def __enter__(self) -> SyncEngine:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def wake(self) -> None:
        """New events are queued: send them now rather than at the next poll."""
        self._idle.clear()
        self._wake.set()

    def request_catalog_sync(self) -> None:
        self._idle.clear()
        self._catalog_requested.set()
        self._wake.set()

    def wait_idle(self, timeout: float) -> bool:
        """Block until the worker found nothing to do (queue empty, no catalog sync due)."""
        return self._idle.wait(timeout)

    # ------------------------------------------------------------------------------------ status
    def snapshot(self) -> SyncStatus:
        with self._lock:
            status = self._status
        if status.oldest_unsynced_at is not None:
            status = replace(status, oldest_unsynced_age_s=max(0.0, time.time() - status.oldest_unsynced_at))
        return status

    def add_listener(self, fn: Callable[[SyncStatus], None]) -> None:
        with self._lock:
            self._listeners.append(fn)

    def _set_status(self, **changes: Any) -> None:
        with self._lock:
            self._status = replace(self._status, **changes)
            status = self._status
            listeners = list(self._listeners)
        for fn in listeners:
            try:
                fn(status)
            except Exception:  # a listener must not kill the worker
                log.exception("sync status listener failed")

    def _refresh_queue_stats(self, conn: Any) -> None:
        from sync.store import outbox

        st = outbox.stats(conn)
        self._stats_at = time.monotonic()
        now = time.time()
        age = _age_seconds(st.oldest_created_at, now)
        self._set_status(
            queue_depth=st.depth,
            dead_letters=st.dead,
            oldest_unsynced_age_s=age,
            oldest_unsynced_at=None if age is None else now - age,
        )

    # ------------------------------------------------------------------------------------ worker
    def _run(self) -> None:
        conn = self.store.read_connection()
        client = self._client_factory()
        try:
            self._refresh_queue_stats(conn)
            while not self._stop.is_set():
                try:
                    self._purge_personal_data()
                    worked = self._drain_batch(conn, client)
                    if not worked:
                        worked = self._anchor_audit(conn, client)
                    if not worked and self._catalog_due():
                        self._catalog_sync(conn, client)
                        worked = True
                    if not worked and self._reconcile_due():
                        worked = self._reconcile(client)
                    if not worked:
                        self._heartbeat()
                except Exception as exc:  # offline, server trouble, a bad answer; or a bug: back off
                    if not isinstance(exc, BackendUnavailable):
                        log.exception("sync worker error")
                    self._on_failure(exc)
                    with contextlib.suppress(Exception):
                        self._refresh_queue_stats(conn)  # the status bar sees the queue grow
                    self._wait(self._backoff_delay(exc))
                    continue
                if not worked:
                    self._refresh_queue_stats(conn)
                    self._idle.set()
                    self._wait(min(self.idle_poll_s, self.heartbeat_s))
        finally:
            client.close()
            if self._heartbeat_client is not None:
                self._heartbeat_client.close()
            conn.close()

    def _anchor_audit(self, conn: Any, client: BackendClient) -> bool:
        """Send the audit entries written since the last anchoring (500 at a time); True if some went.
        A backend that answers that its copy differs (the chain was rewritten here) is said so in the
        log every time it is tried again (every 10 minutes): the entries are not pushed over its copy.
        A backend whose copy stops short of what was anchored (restored from a backup) gets the chain
        again from the start. Neither stops the sync: sales, the catalog and reconciliation go on."""
        from sync.store import audit
        from sync.store.cart import get_setting, set_setting

        if time.monotonic() < self._anchor_retry_at:
            return False
        anchored = int(get_setting(conn, AUDIT_ANCHORED_KEY, 0) or 0)
        entries = audit.entries_after(conn, anchored)
        if not entries:
            return False
        try:
            head = client.push_audit(entries)
        except BackendRefused as exc:
            if exc.code == "audit_gap" and anchored:
                # the backend's copy ends before what this till anchored (a backend restored from an
                # older backup): send the chain again from its start; entries it holds are matched, the
                # rest appended
                log.warning("the backend's audit copy lacks entries before %d: anchoring again", anchored)
                self.store.write_sync(lambda c: set_setting(c, AUDIT_ANCHORED_KEY, 0))
                return True
            log.error("the backend refused this till's audit entries after %d: %s", anchored, exc)
            self._anchor_retry_at = time.monotonic() + 600
            return False
        except BackendRequestError as exc:
            log.error("the backend refused this till's audit entries after %d: %s", anchored, exc)
            self._anchor_retry_at = time.monotonic() + 600
            return False
        self.store.write_sync(lambda c: set_setting(c, AUDIT_ANCHORED_KEY, head))
        return True

    def _purge_personal_data(self) -> None:
        """Forget member profiles past their time (on the sync thread, every `purge_interval_s`)."""
        now = time.monotonic()
        if now < self._purge_at:
            return
        self._purge_at = now + self.purge_interval_s
        with self._lock:
            for key in [k for k, p in self._members.items() if now - p.fetched_at > self.member_stale_max_s]:
                del self._members[key]
        from sync.store import members

        conn = self.store.read_connection()
        try:
            due = members.expired_count(conn)
        finally:
            conn.close()
        gone = self.store.write_sync(members.purge_expired) if due else 0
        if gone:
            log.info("forgot %d cached member profiles past their time", gone)

    def _heartbeat(self) -> None:
        """Idle: is the backend still there? One GET without retries, at most every `heartbeat_s`."""
        now = time.monotonic()
        if now - self._heartbeat_at < self.heartbeat_s:
            return
        self._heartbeat_at = now
        if self._heartbeat_client is None:
            from urllib3.util.retry import Retry

            self._heartbeat_client = self._client_factory()
            session = getattr(self._heartbeat_client, "session", None)
            if session is not None:  # a real client: no retries, the next heartbeat is the retry
                adapter = session.get_adapter(self.base_url)
                adapter.max_retries = Retry(total=0, connect=0, read=0, status=0, raise_on_status=False)
        self._heartbeat_client.keys()
        if self._status.state != "online":
            self._on_success()

    def _wait(self, seconds: float) -> None:
        self._wake.wait(seconds)
        self._wake.clear()

    def _catalog_due(self) -> bool:
        if self._catalog_requested.is_set():
            return True
        return self.catalog_interval_s is not None and time.monotonic() >= self._next_catalog_at

    def _reconcile_due(self) -> bool:
        return self.reconcile_interval_s is not None and time.monotonic() >= self._next_reconcile_at

    def _reconcile(self, client: BackendClient) -> bool:
        """The periodic reconciliation (the queue is empty): True when it queued events again."""
        from sync.reconcile import reconcile

        self._next_reconcile_at = time.monotonic() + (self.reconcile_interval_s or 0.0)
        self.last_reconciliation = result = reconcile(self.store, client, days=self.reconcile_days)
        return result.requeued > 0

    def reconcile(self, days: int | None = None) -> Any:
        """One reconciliation pass now, on the caller's thread (`omo-pos sync reconcile`); what the backend
        lacks is queued again and the worker woken. Returns a sync.reconcile.Reconciliation; raises
        BackendUnavailable when the backend cannot be asked."""
        from sync.reconcile import reconcile

        self.last_reconciliation = result = reconcile(
            self.store, self._caller_client(), days=days or self.reconcile_days
        )
        if result.requeued:
            self.wake()
        return result

    def _backoff_delay(self, exc: BaseException) -> float:
        delay = min(self.backoff_max_s, self.backoff_base_s * 2 ** min(self._failures - 1, 20))
        delay *= random.uniform(0.5, 1.0)  # noqa: S311 - jitter, not security
        if isinstance(exc, BackendServerError) and exc.retry_after:
            delay = max(delay, exc.retry_after)
        return delay

    def _on_success(self) -> None:
        self._failures = 0
        self._set_status(state="online", last_success_at=time.time(), message="")

    def _on_failure(self, exc: BaseException) -> None:
        self._failures += 1
        if isinstance(exc, BackendOffline) or (
            isinstance(exc, BackendServerError) and exc.status in (502, 503, 504)
        ):  # nothing answers, or only a gateway saying the backend behind it is down
            state = "offline"
        else:
            state = "degraded"
        message = str(exc) if isinstance(exc, BackendUnavailable) else "Sync has a problem; it will retry."
        if isinstance(exc, BackendRequestError):
            message = (
                f"{exc} (HTTP {exc.status}). The sales stay queued and are sent again; "
                "call support if this lasts."
            )
        self._set_status(state=state, message=message)

    # ------------------------------------------------------------------------------------- drain
    def _drain_batch(self, conn: Any, client: BackendClient) -> bool:
        """Send one batch; True when there was something to send."""
        from sync.store import outbox

        now = time.monotonic()
        waiting = {eid for eid, (_, at) in self._deferred.items() if at > now}  # deferred, not due yet
        events = outbox.pending(conn, self.batch_size + len(waiting))
        events = [e for e in events if e.event_id not in waiting][: self.batch_size]
        if not events:
            return False
        crashpoint("after_outbox_claim")
        body: list[dict[str, Any]] = []
        originals: list[str] = []  # outbox event ids, in the order of `body`
        unsendable: list[tuple[str, str]] = []
        for e in events:
            try:
                wire_type, wire_payload = to_wire(e.event_type, e.payload)
            except NotSendable as exc:
                unsendable.append((e.event_id, f"not sendable: {exc}"))
                continue
            body.append(
                {
                    "event_id": wire_event_id(e.event_id),
                    "type": wire_type,
                    "occurred_at": _rfc3339(e.created_at),
                    "till_id": self.till_id,
                    "payload": wire_payload,
                }
            )
            originals.append(e.event_id)
        if unsendable:
            # dead-lettered at once, before anything is sent, so the queue keeps its order for the rest
            self.store.write_sync(lambda c: [outbox.dead_letter(c, i, r) for i, r in unsendable])
            self._refresh_queue_stats(conn)
            if not body:
                return True
        ids = originals
        try:
            results = self._push(client, body, batch_key([b["event_id"] for b in body]))
        except BackendUnavailable as exc:
            error = f"{type(exc).__name__}: {exc}"
            self.store.write_sync(lambda c: outbox.record_failure(c, ids, error))
            raise
        by_wire = dict(zip([b["event_id"] for b in body], originals, strict=True))
        for r in results:
            r["event_id"] = by_wire[r["event_id"]]
        acked = [r["event_id"] for r in results if r["status"] in ("applied", "duplicate")]
        rejected = [(r["event_id"], _rejection(r["reason"])) for r in results if r["status"] == "rejected"]
        deferred = []
        for r in results:
            if r["status"] != "deferred":
                self._deferred.pop(r["event_id"], None)
                continue
            reason = f"{r['reason']['code']}: {r['reason']['message']}"
            count = self._deferred.get(r["event_id"], (0, 0.0))[0] + 1
            if count > self.max_deferrals:
                self._deferred.pop(r["event_id"], None)
                rejected.append((r["event_id"], f"{reason} (still after {count - 1} tries)"))
                continue
            delay = min(self.deferral_max_s, self.deferral_base_s * 2 ** min(count - 1, 20))
            self._deferred[r["event_id"]] = (count, time.monotonic() + delay)
            deferred.append((r["event_id"], reason))
            log.info("event %s deferred by the backend (%s); retry in %.0f s", r["event_id"], reason, delay)

        def settle(c: Any) -> None:
            outbox.ack(c, acked)
            for event_id, reason in rejected:
                outbox.dead_letter(c, event_id, reason)
            for event_id, reason in deferred:
                outbox.record_failure(c, [event_id], f"deferred: {reason}")

        crashpoint("after_response_before_ack_commit")
        self.store.write_sync(settle)
        crashpoint("after_ack_commit")
        self._on_success()
        if rejected or time.monotonic() - self._stats_at > 0.25:  # a count per batch costs a full drain
            self._refresh_queue_stats(conn)
        return True

    def _push(self, client: BackendClient, body: list[dict[str, Any]], key: str) -> list[dict[str, Any]]:
        self.requests_sent += 1
        try:
            return client.push_events(body, key)
        except BackendRequestError as exc:
            if exc.status == 422:
                # the key was used for another body (e.g. a payload changed by a migration): the events
                # are still deduplicated by event_id, so a fresh key is safe
                log.warning("Idempotency-Key %s reused with another body; sending with a fresh key", key)
                self.requests_sent += 1
                return client.push_events(body, f"{key}-{uuid.uuid4().hex[:12]}")
            # Any other refusal of the request as a whole (400: a header or the envelope; a proxy that
            # strips headers; a backend briefly broken) says nothing about the events in it: raised, so
            # the batch stays queued and is retried with backoff while the status shows the fault. Only
            # a per-event "rejected" result moves an event to the dead letters.
            raise

    # ----------------------------------------------------------------------------------- catalog
    def _catalog_sync(self, conn: Any, client: BackendClient) -> None:
        """Pull catalog pages from the stored cursor. Page k+1 is fetched and validated while page k is
        applied on the store's writer thread (one transaction per page, so it resumes page-exactly)."""
        from sync.store import catalog, outbox

        self._catalog_requested.clear()
        cursor = catalog.cursor(conn)
        # The very first sync loads an empty catalog in bulk (its search index built page by page
        # without per-row triggers, see catalog.BULK_KEY).
        first = cursor is None
        finished = False
        done, total = self._catalog_done_before, None  # a resumed sync goes on counting
        applying: Any = None  # (future, number of changes) of the page being applied

        def settle() -> None:
            nonlocal applying, done
            if applying is not None:
                future, n = applying
                applying = None
                t0 = time.perf_counter()
                future.result()  # raises if the page could not be applied
                self.catalog_timing["apply_wait_s"] += time.perf_counter() - t0
                done += n
                self._set_status(catalog_done=done, catalog_total=max(total or 0, done))

        try:
            while not self._stop.is_set():
                self.requests_sent += 1
                t0 = time.perf_counter()
                try:
                    page = client.catalog_changes(cursor, self.catalog_page_size)
                finally:
                    self.catalog_timing["fetch_s"] += time.perf_counter() - t0
                    settle()
                if total is None:
                    total = done + page["total"]
                    self._set_status(catalog_done=done, catalog_total=total)
                upserts, deletes, nxt = page["upserts"], page["deletes"], page["next_cursor"]
                last = not page["has_more"]
                if upserts or deletes or nxt != cursor:
                    # The last page also finishes a first sync's bulk load in its transaction: the
                    # cursor reaches the head only with the search index complete and merged, and no
                    # leftover of the first sync (its ~2 s index merge at 1M) runs in front of a delta.
                    future = self.store.write(
                        lambda c, u=upserts, d=deletes, n=nxt, z=last: catalog.apply_changes(
                            c, u, d, n, bulk=first, last=z
                        )
                    )
                    applying = (future, len(upserts) + len(deletes))
                cursor = nxt
                self._on_success()
                if not page["has_more"]:
                    finished = True
                    break
                if outbox.pending(conn, 1):  # sales first: send what was queued meanwhile
                    self._drain_batch(conn, client)
            settle()
            if finished and catalog.search_incomplete(conn):
                # a bulk load the last page did not finish (that page had nothing to write, or the
                # store was left so by an older version): index the rest, merge, triggers back
                self.store.write_sync(catalog.finish_sync)
            self._refresh_member_keys(client)
        except BaseException:
            with contextlib.suppress(Exception):
                settle()
            self._catalog_requested.set()  # resume from the stored cursor after the backoff
            self._catalog_done_before = done
            raise
        self._catalog_done_before = 0
        self._set_status(catalog_done=None, catalog_total=None)
        if self.catalog_interval_s is not None:
            self._next_catalog_at = time.monotonic() + self.catalog_interval_s

    def _refresh_member_keys(self, client: BackendClient) -> None:
        """Member-token public keys and revoked cards, kept in the store so the till verifies offline."""
        from sync.store.cart import set_setting

        keys = client.keys()
        cards = client.revocations()

        def save(c: Any) -> None:
            set_setting(c, SETTING_KEYS, keys)
            set_setting(c, SETTING_REVOCATIONS, cards)

        self.store.write_sync(save)
        with self._lock:
            self.keys = keys
            self.revoked_cards = cards

    def member_keys(self) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """(keys, revoked cards) as last pulled: `{"key_id", "public_key"}` and
        `{"member_no", "card_serial"}` dicts exactly as GET /v1/keys and /v1/revocations give them
        (for pos/codes.py's verifier)."""
        with self._lock:
            if self.keys or self.revoked_cards:
                return list(self.keys), list(self.revoked_cards)
        return load_member_keys(self.store)

    # ------------------------------------------------------------------ on-demand (Backend port)
    def _caller_client(self) -> BackendClient:
        client = getattr(self._local, "client", None)
        if client is None:
            client = self._client_factory()
            self._local.client = client
            with self._lock:
                self._clients.append(client)
        return client

    def _interactive_client(self) -> BackendClient:
        client = getattr(self._local, "interactive", None)
        if client is None:
            client = self._local.interactive = self._interactive_factory()
            with self._lock:
                self._clients.append(client)
        return client

    def member_profile(
        self,
        member_no: int,
        *,
        max_age_s: float | None = None,
        member_token: str | None = None,
        interactive: bool = False,
    ) -> MemberProfile:
        """Checkout's view of a member (found by number: name, tier, points, coupons); with the member's
        own code (`member_token`, the QR text of their app or card) their history, recently viewed items
        and suggestions too (the backend decides: a code it does not accept gives checkout's view).
        Cached for ``max_age_s`` (member_ttl_s); when the backend cannot answer, the cached profile (in
        memory, then in the store, marked ``from_cache``), else BackendUnavailable. ``interactive``: a
        person waits (no retries, short timeouts, and straight to the cache while the backend is known to
        be offline)."""
        ttl = self.member_ttl_s if max_age_s is None else max_age_s
        want_full = member_token is not None
        now = time.monotonic()
        with self._lock:
            cached = self._members.get(member_no)
        # a member's code is checked by the backend each time (a card revoked since, a code that is not
        # theirs opens nothing: docs/security.md): the cache answers it only when the backend cannot
        if cached is not None and not want_full and now - cached.fetched_at <= ttl:
            return _checkout_view(cached)
        try:
            if interactive and self.snapshot().state == "offline":
                raise BackendUnavailable(Sentence(N_("The OMO backend cannot be reached.")))
            client = self._interactive_client() if interactive else self._caller_client()
            raw = client.member_profile_raw(member_no, member_token)
        except BackendNotFound:
            raise
        except BackendUnavailable:
            found = (
                cached if cached is not None and now - cached.fetched_at <= self.member_stale_max_s else None
            )
            if found is None:
                found = self._stored_member(member_no)
            if found is None:
                raise
            log.info("member profile: the backend cannot be reached, showing the cached one")
            found = replace(found, from_cache=True)
            return found if want_full else _checkout_view(found)
        profile = to_member_profile(raw, fetched_at=time.monotonic(), as_of=time.time())
        self._persist_member(raw)
        with self._lock:
            for no in {member_no, profile.member_no}:  # a provisional number answers with the real member
                self._members[no] = profile
            # keep the cache small: profiles are personal data
            while len(self._members) > 200:
                oldest = min(self._members, key=lambda n: self._members[n].fetched_at)
                self._members.pop(oldest, None)
        return profile

    def search_members(self, query: str) -> list[MemberHit]:
        """Members by number, name, phone or e-mail (the backend's search; a person waits for it)."""
        if self.snapshot().state == "offline":
            raise BackendUnavailable(
                Sentence(N_("The OMO backend cannot be reached: search by name needs it."))
            )
        return self._interactive_client().search_members(query)

    def claim_coupon(self, code: str, member_no: int, sale_uuid: str) -> None:
        self._interactive_client().claim_coupon(code, member_no, sale_uuid)

    def release_coupon(self, code: str, sale_uuid: str) -> str:
        return self._caller_client().release_coupon(code, sale_uuid)

    def share_cart(
        self, cart_id: str, currency: str, lines: list[dict[str, Any]], member_no: int | None = None
    ) -> SharedCart:
        return self._interactive_client().share_cart(cart_id, currency, lines, member_no)

    def purge_members(self, *, everything: bool) -> int:
        """Forget cached profiles: the expired ones, or all (``omo-pos members purge``). Returns how many
        the store held that were removed."""
        from sync.store import members

        today = datetime.now(UTC).date().isoformat()
        with self._lock:
            if everything:
                self._members.clear()
            else:
                cut = time.monotonic() - self.member_cache_ttl_s
                for no in [n for n, p in self._members.items() if p.fetched_at < cut]:
                    self._members.pop(no, None)

        def purge(c: Any) -> int:
            if everything:
                return members.purge_all(c)
            members.purge_checkins_before(c, today)
            return members.purge_expired(c)

        return int(self.store.write_sync(purge))

    def _persist_member(self, raw: dict[str, Any]) -> None:
        """Keep checkout's view of the member in the store's cache (for a time: sync/store/members.py) for
        look-ups while offline: never their history or what they viewed."""
        from sync.store import members

        kept = {k: raw[k] for k in CACHED_PROFILE_FIELDS}
        kept |= {"recent_orders": [], "recently_viewed": [], "view": "checkout"}

        ttl = timedelta(seconds=self.member_cache_ttl_s)

        def put(c: Any) -> None:
            members.put(
                c,
                raw["member_no"],
                display_name=raw["display_name"],
                tier=raw["tier"],
                points_balance=raw["points_balance"],
                points_as_of=datetime.now(UTC).isoformat(),
                profile=kept,
                ttl=ttl,
            )

        future = self.store.write(put)
        future.add_done_callback(
            lambda f: (
                f.exception()
                and log.warning("could not cache a member profile: %s", type(f.exception()).__name__)
            )
        )

    def _stored_member(self, member_no: int) -> MemberProfile | None:
        from sync.store import members

        conn = self.store.read_connection()
        try:
            cached = members.get(conn, member_no)
        finally:
            conn.close()
        if cached is None or not cached.profile:
            return None
        try:
            contract.validate("MemberProfile", cached.profile)
        except contract.ContractViolation:
            return None
        as_of = datetime.fromisoformat(cached.fetched_at).timestamp()
        return to_member_profile(cached.profile, fetched_at=0.0, as_of=as_of, from_cache=True)

    def unsynced_points(self, member_no: int, programme: str = "main") -> int:
        """Points earned minus redeemed by this member in events not yet acknowledged by the backend (and
        the visit points of queued check-ins): the till shows the server's balance plus this, marked
        provisional."""
        from sync.store import members

        conn = self.store.read_connection()
        try:
            return members.unsynced_points(conn, member_no, programme, self.checkin_points)
        finally:
            conn.close()

    def forget_member(self, member_no: int | None = None) -> None:
        with self._lock:
            if member_no is None:
                self._members.clear()
            else:
                self._members.pop(member_no, None)

    def order(self, order_no: str, member_token: str | None = None) -> OnlineOrder:
        return self._caller_client().order(order_no, member_token)

    def order_by_qr(self, qr_text: str) -> OnlineOrder:
        return self._caller_client().order_by_qr(qr_text)

    def promotions(self) -> list[dict[str, Any]]:
        """The promotions in force (contract `Promotion` dicts), fetched whole on demand."""
        return self._caller_client().promotions()

    def sale(self, sale_uuid: str) -> StoreSale:
        return self._caller_client().sale(sale_uuid)

    def cart(self, cart_id: str, store_id: str | None = None) -> SharedCart:
        return self._interactive_client().cart(cart_id, store_id)

    # returns, pickups and store credit (pos.sync_ports.ReturnsBackend): straight to the backend
    def sale_by_receipt(self, receipt_no: str) -> StoreSale:
        return self._caller_client().sale_by_receipt(receipt_no)

    def return_by_receipt(self, receipt_no: str) -> ReturnReceipt:
        return self._caller_client().return_by_receipt(receipt_no)

    def check_customer(self, order_no: str, method: str, value: str) -> OnlineOrder | None:
        return self._caller_client().check_customer(order_no, method, value)

    def pickups(self, store_id: str) -> PickupList:
        return self._caller_client().pickups(store_id)

    def claim_return(self, claim: dict[str, Any]) -> str:
        return self._caller_client().claim_return(claim)

    def release_return(self, return_uuid: str) -> str:
        return self._caller_client().release_return(return_uuid)

    def store_credit(self, code: str) -> StoreCredit:
        return self._caller_client().store_credit(code)

    def redeem_credit(
        self, code: str, redemption_id: str, amount: int, currency: str, sale_uuid: str | None
    ) -> CreditRedemption:
        return self._caller_client().redeem_credit(code, redemption_id, amount, currency, sale_uuid)

    def release_credit(self, code: str, redemption_id: str) -> CreditRedemption:
        return self._caller_client().release_credit(code, redemption_id)

    def stock_elsewhere(self, sku: str) -> list[StoreStock]:
        return self._caller_client().stock_elsewhere(sku)

    def stock(self, sku: str) -> StockLevels:
        """The item in every store and warehouse (pos.stock.StockLevels), asked now."""
        return self._caller_client().stock(sku)

    def place_order(self, request: dict[str, Any]) -> OnlineOrder:
        return self._caller_client().place_order(request)

    def reserve(self, request: dict[str, Any]) -> OnlineOrder:
        return self._caller_client().reserve(request)

    def release_order(self, order_no: str) -> OnlineOrder:
        return self._caller_client().release_order(order_no)


def _checkout_view(p: MemberProfile) -> MemberProfile:
    """What a member number alone may show: no history, viewed items or suggestions."""
    if p.view == "checkout":
        return p
    return replace(p, view="checkout", recent_orders=(), recently_viewed=(), suggestions=())


__all__ = [
    "BackendAuthError",
    "BackendContractError",
    "SyncAlreadyRunning",
    "SyncEngine",
    "batch_key",
]
