"""The crash harness's outside world: the reference backend and the Stripe simulator, each in a process of
its own with its own state, injecting faults at random; and the handles the controller starts them with.

    python -m bench.crash.procs backend --database DB --port P --till T01 --token TOKEN --fault-rate 0.25
    python -m bench.crash.procs stripe --info FILE --till-key rk_test_till --check-key rk_test_check

Both outlive every kill of the till (the controller kills the backend on purpose, and restores its
database from an older backup). SIGUSR1 turns their faults off (for the final drain), SIGUSR2 on again;
SIGHUP has the Stripe simulator drop the answers of the next PaymentIntent create and its retry.

Backend faults, on the till's pushes and reconciliation calls: refused before processing (503, 429, a 400
burst: a request-level refusal), applied and then answered 500, applied and then the connection dropped
without an answer, applied and then the answer held past the till's read timeout, or held first and then
applied (the till's retry meets the first request still running). Stripe faults, on the till's requests
(the harness's own key is never faulted): a 500 before executing, executed and the connection dropped,
executed and the answer held past the till's read timeout, and a reader command that reaches the reader but
answers terminal_reader_timeout (a false negative).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]

BACKEND_FAULTS = {  # kind -> weight among the faulted requests
    "refuse_503": 3,
    "rate_429": 1,
    "bad_400": 1,
    "after_commit_500": 3,
    "drop_after_commit": 3,
    "hang_after_commit": 1,
    "hang_before": 1,
}
STRIPE_FAULTS = {"status_500": 3, "drop": 3, "hang": 1, "reader_timeout": 2}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _switch_faults(target: Any) -> None:
    """SIGUSR1: faults off; SIGUSR2: on again."""
    signal.signal(signal.SIGUSR1, lambda *_: setattr(target, "enabled", False))
    signal.signal(signal.SIGUSR2, lambda *_: setattr(target, "enabled", True))


# --------------------------------------------------------------------------------------------- backend
class RandomBackendFaults:
    """ASGI middleware: a fault on a `rate` share of the till's calls to `paths`."""

    def __init__(self, app: Any, *, rate: float, seed: int, hang_s: float, paths: tuple[str, ...]) -> None:
        self.app = app
        self.rate = rate
        self.rng = random.Random(seed)
        self.hang_s = hang_s
        self.paths = paths
        self.enabled = True
        self.counts: dict[str, int] = {}
        self._burst = 0  # a burst of 400s goes on for a few requests

    def _pick(self) -> str | None:
        if self._burst > 0:
            self._burst -= 1
            return "bad_400"
        if not self.enabled or self.rng.random() >= self.rate:
            return None
        kind = self.rng.choices(list(BACKEND_FAULTS), list(BACKEND_FAULTS.values()))[0]
        if kind == "bad_400":
            self._burst = self.rng.randint(1, 4)
        return kind

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http" or not scope["path"].startswith(self.paths):
            await self.app(scope, receive, send)
            return
        kind = self._pick()
        if kind is None:
            await self.app(scope, receive, send)
            return
        self.counts[kind] = self.counts.get(kind, 0) + 1
        if kind in ("refuse_503", "rate_429", "bad_400"):
            status = {"refuse_503": 503, "rate_429": 429, "bad_400": 400}[kind]
            code = {503: "unavailable", 429: "rate_limited", 400: "invalid_request"}[status]
            await _answer(send, status, {"error": {"code": code, "message": f"injected {kind}"}}, retry=True)
            return
        if kind == "hang_before":
            await asyncio.sleep(self.hang_s)
            await self.app(scope, receive, send)
            return
        held: list[dict] = []

        async def hold(message: dict) -> None:  # the request is applied; its answer is kept back
            held.append(message)

        await self.app(scope, receive, hold)
        if kind == "after_commit_500":
            await _answer(
                send, 500, {"error": {"code": "internal_error", "message": "injected after commit"}}
            )
        elif kind == "drop_after_commit":
            # start an answer and break off: uvicorn closes the connection, the till hears nothing
            await send(
                {"type": "http.response.start", "status": 200, "headers": [(b"content-length", b"100")]}
            )
            raise ConnectionAbortedError("injected: connection dropped after commit")
        else:  # hang_after_commit
            await asyncio.sleep(self.hang_s)
            for message in held:
                await send(message)


async def _answer(send: Any, status: int, body: dict, *, retry: bool = False) -> None:
    data = json.dumps(body).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(data)).encode())]
    if retry:
        headers.append((b"retry-after", b"0"))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": data})


def backend_main(argv: list[str]) -> int:
    import logging

    import uvicorn

    from backend import seed
    from backend.app import Backend, create_app
    from backend.server import register_device
    from backend.store import Store

    p = argparse.ArgumentParser(prog="bench.crash.procs backend")
    p.add_argument("--database", required=True)
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--till", default="T01")
    p.add_argument("--token", required=True)
    p.add_argument("--seed-products", type=int, default=300)
    p.add_argument("--fault-rate", type=float, default=0.0)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--hang-s", type=float, default=2.5, help="past the till's read timeout")
    args = p.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    store = Store(args.database)
    backend = Backend(store)
    seed.seed_demo(store, products_count=args.seed_products)
    register_device(store, args.till, args.token, store_id=seed.DEMO_STORE)  # the till's store.id
    app = RandomBackendFaults(
        create_app(backend),
        rate=args.fault_rate,
        seed=args.seed,
        hang_s=args.hang_s,
        paths=("/v1/events", "/v1/reconciliation"),
    )
    _switch_faults(app)
    uvicorn.run(app, host="127.0.0.1", port=args.port, log_level="critical", lifespan="off", ws="none")
    return 0


# ---------------------------------------------------------------------------------------------- stripe
def stripe_main(argv: list[str]) -> int:
    import logging

    from hardware.stripe_sim.simulator import Fault, StripeSimulator

    p = argparse.ArgumentParser(prog="bench.crash.procs stripe")
    p.add_argument("--info", required=True, help="write {url, location, reader} here once listening")
    p.add_argument("--till-key", required=True)
    p.add_argument("--check-key", required=True)
    p.add_argument("--fault-rate", type=float, default=0.0)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--hang-s", type=float, default=2.5)
    args = p.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    rng = random.Random(args.seed)
    import re

    paths = {
        "POST": re.compile(
            r"^/v1/(payment_intents(/[^/]+/(capture|cancel))?|terminal/readers/[^/]+/"
            r"(process_payment_intent|cancel_action))$"
        ),
        "GET": re.compile(r"^/v1/(payment_intents(/[^/]+)?|payment_intents/search|terminal/readers/[^/]+)$"),
    }

    class FaultySimulator(StripeSimulator):
        enabled = True
        counts: dict[str, int] = {}
        _tl = threading.local()

        def _dispatch(self, method: str, path: str, query: str, headers: dict[str, str]) -> Any:
            self._tl.till = headers.get("authorization", "") == f"Bearer {args.till_key}"
            return super()._dispatch(method, path, query, headers)

        def _take_fault(self, method: str, path: str) -> Fault | None:
            planned = super()._take_fault(method, path)
            if planned is not None or not self.enabled or not getattr(self._tl, "till", False):
                return planned
            pattern = paths.get(method)
            if pattern is None or not pattern.match(path) or rng.random() >= args.fault_rate:
                return None
            kinds = dict(STRIPE_FAULTS)
            if method == "GET":
                kinds = {"status_500": 3, "hang": 1}
            elif "process_payment_intent" not in path:
                kinds.pop("reader_timeout")
            kind = rng.choices(list(kinds), list(kinds.values()))[0]
            self.counts[kind] = self.counts.get(kind, 0) + 1
            fault = {
                "status_500": lambda: Fault(method, re.compile(""), "status", status=500),
                "drop": lambda: Fault(method, re.compile(""), "drop"),
                "hang": lambda: Fault(method, re.compile(""), "hang", hang=args.hang_s),
                "reader_timeout": lambda: Fault(method, re.compile(""), "reader_timeout"),
            }[kind]()
            return fault

    sim = FaultySimulator(api_keys=(args.till_key, args.check_key)).start()
    location = sim.create_location("OMO Crash Store", "IE")
    reader = sim.register_reader("simulated-wpe", location, "Crash reader")
    _switch_faults(sim)
    sim.enabled = args.fault_rate > 0
    tmp = Path(args.info).with_suffix(".tmp")
    tmp.write_text(json.dumps({"url": sim.url, "location": location, "reader": reader}))
    tmp.replace(args.info)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGUSR1, lambda *_: setattr(sim, "enabled", False))
    signal.signal(signal.SIGUSR2, lambda *_: setattr(sim, "enabled", args.fault_rate > 0))
    # SIGHUP: the next PaymentIntent create and its network retry executed and their answers dropped, so
    # the till meets a create with no answer (its crash point after_pi_create_request_sent), which random
    # faults reach too rarely for a campaign to count on
    signal.signal(signal.SIGHUP, lambda *_: sim.inject("POST", r"^/v1/payment_intents$", "drop", times=2))
    stop.wait()
    sim.stop()
    return 0


# --------------------------------------------------------------------------------------------- handles
class Proc:
    """A child process of the harness, in its own process group, its output in a log file."""

    def __init__(self, name: str, cmd: list[str], log: Path, env: dict[str, str] | None = None) -> None:
        self.name = name
        self.cmd = cmd
        self.log_path = log
        self.env = env
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        log = open(self.log_path, "ab")  # noqa: SIM115 - handed to the child
        try:
            self.proc = subprocess.Popen(
                self.cmd, cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
            )
        finally:
            log.close()

    def signal(self, sig: int) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(sig)

    def kill(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(30)

    def stop(self) -> None:
        if self.proc is None or self.proc.poll() is not None:
            return
        self.proc.terminate()
        try:
            self.proc.wait(15)
        except subprocess.TimeoutExpired:
            self.kill()


def _env() -> dict[str, str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    env.pop("POS_CRASHPOINT", None)
    return env


class BackendProc(Proc):
    def __init__(self, work: Path, *, token: str, fault_rate: float, seed: int, products: int = 300) -> None:
        self.database = work / "backend.sqlite3"
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.fault_rate = fault_rate
        self.seed = seed
        self.starts = 0
        cmd = [sys.executable, "-m", "bench.crash.procs", "backend", "--database", str(self.database)]
        cmd += ["--port", str(self.port), "--token", token, "--seed-products", str(products)]
        super().__init__("backend", cmd, work / "backend.log", _env())

    def start(self) -> None:
        # each start draws other faults (the same seed would repeat the same pattern after a restart)
        self.starts += 1
        base = list(self.cmd)
        self.cmd = [
            *base,
            "--fault-rate",
            str(self.fault_rate),
            "--seed",
            str(self.seed * 1000 + self.starts),
        ]
        try:
            super().start()
        finally:
            self.cmd = base
        self.wait_ready()

    def wait_ready(self, timeout: float = 60.0) -> None:
        import requests

        deadline = time.monotonic() + timeout
        while True:
            try:
                requests.get(f"{self.url}/openapi.json", timeout=2)
                return
            except requests.ConnectionError:
                if (self.proc is not None and self.proc.poll() is not None) or time.monotonic() > deadline:
                    raise RuntimeError(
                        f"the backend did not start: {self.log_path.read_text()[-3000:]}"
                    ) from None
                time.sleep(0.05)


class StripeProc(Proc):
    def __init__(self, work: Path, *, till_key: str, check_key: str, fault_rate: float, seed: int) -> None:
        self.info_path = work / "stripe.json"
        self.info: dict[str, str] = {}
        cmd = [sys.executable, "-m", "bench.crash.procs", "stripe", "--info", str(self.info_path)]
        cmd += ["--till-key", till_key, "--check-key", check_key]
        cmd += ["--fault-rate", str(fault_rate), "--seed", str(seed)]
        super().__init__("stripe", cmd, work / "stripe.log", _env())

    def start(self) -> None:
        super().start()
        deadline = time.monotonic() + 60
        while not self.info_path.exists():
            if (self.proc is not None and self.proc.poll() is not None) or time.monotonic() > deadline:
                raise RuntimeError(f"the Stripe simulator did not start: {self.log_path.read_text()[-3000:]}")
            time.sleep(0.05)
        self.info = json.loads(self.info_path.read_text())


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] not in ("backend", "stripe"):
        print(__doc__, file=sys.stderr)
        return 2
    return (backend_main if argv[0] == "backend" else stripe_main)(argv[1:])


if __name__ == "__main__":
    sys.exit(main())
