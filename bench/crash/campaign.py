"""The crash campaign: the controller that starts the till's driver again and again and kills it.

Processes (bench/crash/procs.py): the reference backend and the Stripe simulator, each with its own state and
random faults, outlive every kill of the till. The till is `omo-pos drive --workload day` (app/workload.py):
a live till (settings, staff file, secrets from a keyring backend) doing a shop's day of numbered
operations, acknowledging each document in an fsynced log. The controller loops:

1. start the driver; it reconciles first (card attempts with Stripe, the open sale), then goes on from the
   first operation it had not finished;
2. kill it: at a named crash point (`POS_CRASHPOINT=name:nth`; the point's hit is logged by the child just
   before its SIGKILL) or by a SIGKILL at a random moment; now and then also kill the backend (restarted on
   the same database) or restore the backend from an older backup;
3. when the kills are done: faults off, one run to the end of the day, a drain run (`drive --drain`:
   settle, reconcile, empty the queue), then the checker (bench/crash/checker.py).

Every crash point in `CRASH_POINTS` must have been hit. A violation names the invariant, and the report
names the seed and the runs (crash point or kill time) that preceded it.
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.crash import checker
from bench.crash.procs import ROOT, BackendProc, StripeProc
from pos import payment

PAYMENT_POINTS = payment.CRASH_POINTS  # every step of the card protocol (pos/payment.py)
SYNC_POINTS = (
    "after_outbox_claim",
    "after_http_send_before_response",
    "after_response_before_ack_commit",
    "after_ack_commit",
)
STORE_POINTS = ("mid_return_commit", "during_checkpoint")
CRASH_POINTS = PAYMENT_POINTS + SYNC_POINTS + STORE_POINTS
# points of operations not on this branch yet (the Members service redeems points): not required
NOT_YET = ("mid_points_redeem_commit",)
# points reached only now and then (a create whose answer was lost; a checkpoint when the till is quiet):
# tried at their first hit, and again until hit
RARE = ("after_pi_create_request_sent", "during_checkpoint", "mid_return_commit")

TILL_KEY = "rk_test_crash_till"
CHECK_KEY = "rk_test_crash_checker"
TOKEN = "crash-harness-device-token"
CASHIER_PIN, MANAGER_PIN = "1111", "952417"  # a live till takes no manager PIN under 6 digits


@dataclass
class Config:
    kills: int = 50
    seed: int = 1
    day_ops: int = 120  # operations of one day; a campaign runs as many days as its kills need
    backend_fault_rate: float = 0.2
    stripe_fault_rate: float = 0.08
    backend_restarts: int = 3
    backend_restores: int = 1
    kill_after: tuple[float, float] = (0.4, 3.0)  # a random kill this long after the driver is ready
    run_timeout: float = 120.0
    broken: str | None = None  # a deliberately broken protocol (bench/crash/broken.py): the negative control
    points: tuple[str, ...] = CRASH_POINTS
    workdir: Path | None = None
    keep: bool = False
    card_share: float = 0.45
    split_share: float = 0.1
    log: Any = None  # a callable for progress lines


@dataclass
class Run:
    number: int
    day: int
    first_op: int
    kill: str  # "crashpoint name:nth", "random 1.3 s", "none"
    outcome: str = ""
    hit: str | None = None
    seconds: float = 0.0
    backend: str = ""  # what happened to the backend before this run


@dataclass
class Report:
    seed: int
    kills: int = 0
    runs: list[Run] = field(default_factory=list)
    points_hit: dict[str, int] = field(default_factory=dict)
    points_missed: list[str] = field(default_factory=list)
    violations: list[str] = field(default_factory=list)
    facts: dict[str, Any] = field(default_factory=dict)
    backend_restarts: int = 0
    backend_restores: int = 0
    seconds: float = 0.0
    workdir: str = ""

    @property
    def ok(self) -> bool:
        return not self.violations and not self.points_missed

    def as_dict(self) -> dict[str, Any]:
        return {
            "seed": self.seed,
            "kills": self.kills,
            "runs": len(self.runs),
            "crash_points_hit": self.points_hit,
            "crash_points_missed": self.points_missed,
            "violations": self.violations,
            "backend_restarts": self.backend_restarts,
            "backend_restores": self.backend_restores,
            "facts": self.facts,
            "seconds": round(self.seconds, 1),
            "ok": self.ok,
        }

    def reproduce(self) -> str:
        """How to run this campaign again, and the runs each violation's operations happened in."""
        lines = [f"reproduce: python -m bench.crash --seed {self.seed} --kills {self.kills}"]
        killed = [r for r in self.runs if r.kill != "none"]
        for r in killed[-8:]:
            lines.append(
                f"  run {r.number} (day {r.day}, from op {r.first_op}): {r.kill} -> {r.outcome} {r.backend}"
            )
        return "\n".join(lines)


class World:
    """A live till's outside world for the harness: the backend and the Stripe simulator processes, the
    till's data directory with its settings and staff, and how to start its driver."""

    def __init__(
        self,
        work: Path,
        *,
        seed: int,
        backend_fault_rate: float = 0.0,
        stripe_fault_rate: float = 0.0,
        broken: str | None = None,
        settings: str = "",
    ) -> None:
        self.work = work
        self.till = work / "till"
        self.hits_log = work / "crashpoints.log"
        self.broken = broken
        self.extra_settings = settings
        self.backend = BackendProc(work, token=TOKEN, fault_rate=backend_fault_rate, seed=seed)
        self.stripe = StripeProc(
            work, till_key=TILL_KEY, check_key=CHECK_KEY, fault_rate=stripe_fault_rate, seed=seed
        )

    def start(self) -> None:
        self.stripe.start()
        self.backend.start()
        self._write_till_config()

    def stop(self) -> None:
        self.backend.stop()
        self.stripe.stop()

    def _write_till_config(self) -> None:
        from pos.staff import hash_pin

        cfg = self.till / "config"
        cfg.mkdir(parents=True, exist_ok=True)
        info = self.stripe.info
        cfg.joinpath("settings.toml").write_text(
            f"""mode = "live"
[till]
id = "T01"
[backend]
url = "{self.backend.url}"
timeout_s = 2.0
[sync]
batch_size = 25
[stripe]
api_base = "{info["url"]}"
location_id = "{info["location"]}"
reader_id = "{info["reader"]}"
poll_interval_ms = 50
read_timeout_s = 2.0
connect_timeout_s = 1.0
authorization_timeout_s = 30
[printer]
kind = "file"
[log]
level = "INFO"
{self.extra_settings}""",
            encoding="utf-8",
        )
        staff = [
            {"id": "S001", "name": "Ana", "role": "cashier", "pin_hash": hash_pin(CASHIER_PIN, n=2**10)},
            {"id": "S003", "name": "Mia", "role": "manager", "pin_hash": hash_pin(MANAGER_PIN, n=2**10)},
        ]
        cfg.joinpath("staff.json").write_text(json.dumps(staff), encoding="utf-8")

    def env(self, crashpoint: str | None = None) -> dict[str, str]:
        env = dict(os.environ, PYTHONPATH=str(ROOT))
        env["PYTHON_KEYRING_BACKEND"] = "bench.crash.keys.HarnessKeyring"
        env["OMO_CRASH_SECRETS"] = json.dumps({"backend-device-token": TOKEN, "stripe-api-key": TILL_KEY})
        env["POS_CRASHPOINT_LOG"] = str(self.hits_log)
        env.pop("POS_CRASHPOINT", None)
        env.pop("QT_QPA_PLATFORM", None)
        for key in list(env):
            if key.startswith("OMO_POS_"):
                env.pop(key)
        if crashpoint:
            env["POS_CRASHPOINT"] = crashpoint
        return env

    def driver_cmd(self, *extra: str) -> list[str]:
        entry = ["-m", "bench.crash.broken", self.broken] if self.broken else ["-m", "app.cli"]
        return [sys.executable, *entry, "--data-dir", str(self.till), "drive", *extra]

    def driver_args(self) -> list[str]:
        from backend.seed import MEMBERS  # the members the backend was seeded with: points, check-ins

        members = ",".join(str(m[0]) for m in MEMBERS)
        return ["--quiet", "--pin", CASHIER_PIN, "--manager-pin", MANAGER_PIN, "--members", members]


class Campaign:
    def __init__(self, config: Config) -> None:
        self.c = config
        self.rng = random.Random(config.seed)
        self.report = Report(config.seed)
        owned = config.workdir is None
        self.work = Path(config.workdir or tempfile.mkdtemp(prefix="omo-crash-"))
        self.work.mkdir(parents=True, exist_ok=True)
        self._owned = owned and not config.keep
        self.world = World(
            self.work,
            seed=config.seed,
            backend_fault_rate=config.backend_fault_rate,
            stripe_fault_rate=config.stripe_fault_rate,
            broken=config.broken,
            settings='[camera]\nsource = "none"\n',
        )
        self.till = self.world.till
        self.hits_log = self.world.hits_log
        self.backend = self.world.backend
        self.stripe = self.world.stripe
        self.day = 1
        self.backup: Path | None = None
        self._restarting: threading.Thread | None = None  # a backend restart during a run, still to come

    def _say(self, text: str) -> None:
        if self.c.log is not None:
            self.c.log(text)

    def _env(self, crashpoint: str | None) -> dict[str, str]:
        return self.world.env(crashpoint)

    def _driver_cmd(self, *extra: str) -> list[str]:
        return self.world.driver_cmd(*extra)

    def _ack_log(self, day: int) -> Path:
        return self.work / f"acks-day{day}.jsonl"

    # ------------------------------------------------------------------ the loop
    def run(self) -> Report:
        started = time.monotonic()
        self.report.workdir = str(self.work)
        try:
            self.world.start()
            self._campaign()
            self._finish()
        finally:
            self.report.seconds = time.monotonic() - started
            self.world.stop()
            if self._owned and self.report.ok:
                shutil.rmtree(self.work, ignore_errors=True)
        return self.report

    def _plan(self) -> list[str]:
        """The kills: every crash point once (at its 1st-3rd hit; rare ones at the 1st), the rest random."""
        named = []
        for p in self.c.points:
            nth = 1 if p in RARE else self.rng.randint(1, 3)
            named.append(f"{p}:{nth}")
        self.rng.shuffle(named)
        plan = named + ["random"] * max(0, self.c.kills - len(named))
        return plan

    def _campaign(self) -> None:
        plan = self._plan()
        restarts = set(
            self.rng.sample(range(2, max(3, len(plan))), min(self.c.backend_restarts, max(0, len(plan) - 3)))
        )
        restore_at = [int(len(plan) * f) for f in (0.55, 0.8)][: self.c.backend_restores]
        backup_at = [max(1, int(len(plan) * f)) for f in (0.3, 0.65)][: self.c.backend_restores]
        retries: dict[str, int] = {}
        extra = 0  # random runs added for ones that ended before their kill (the day was done first)
        i = 0
        while i < len(plan):
            spec = plan[i]
            event = ""
            self._restart_done()  # the backend's kill and start of the last run happen before anything else
            if i in backup_at:
                self._backup()
                event = "backup taken"
            if i in restore_at and self.backup is not None:
                self._restore()
                event = "backend restored from the backup"
            elif i in restarts:
                event = self._restart_backend(during=self.rng.random() < 0.5)
            kills_before = self.report.kills
            run = self._one_run(spec, event)
            if spec == "random" and self.report.kills == kills_before and extra < self.c.kills:
                # the driver finished (or stopped) before the random moment came: a kill is owed, so
                # --kills N means N kills however fast or slow the machine runs the day
                extra += 1
                plan.append("random")
            if spec != "random" and run.hit is None:
                # not reached in that run (the day's operations did not lead there): try it again later
                retries[spec] = retries.get(spec, 0) + 1
                if retries[spec] <= 6:
                    name = spec.split(":")[0]
                    plan.insert(min(len(plan), i + 1 + self.rng.randint(0, 4)), f"{name}:1")
            i += 1

    def _one_run(self, spec: str, event: str) -> Run:
        ack = self._ack_log(self.day)
        from app.workload import AckLog

        first = AckLog.next_op(AckLog.read(ack))
        if first >= self.c.day_ops:
            self.day += 1
            ack = self._ack_log(self.day)
            first = 0
        crash = None if spec == "random" else spec
        kill_at = self.rng.uniform(*self.c.kill_after) if spec == "random" else None
        run = Run(
            len(self.report.runs) + 1,
            self.day,
            first,
            f"crashpoint {spec}" if crash else f"random {kill_at:.2f} s",
            backend=event,
        )
        self.report.runs.append(run)
        hits_before = self._hits()
        t0 = time.monotonic()
        starts = sum(1 for r in AckLog.read(ack) if "start" in r)
        if crash is not None and crash.startswith("after_pi_create_request_sent:"):
            self.stripe.signal(signal.SIGHUP)  # the next create gets no answer (bench/crash/procs.py)
        proc = self._start_driver(ack, crash)
        try:
            if kill_at is not None:
                ready = self._wait_ready(proc, ack, starts)
                try:
                    proc.wait(kill_at if ready else 0)
                except subprocess.TimeoutExpired:
                    proc.kill()
            proc.wait(self.c.run_timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(30)
            run.outcome = "timed out (killed)"
        run.seconds = time.monotonic() - t0
        rc = proc.returncode
        new_hits = self._hits()[len(hits_before) :]
        if new_hits:
            run.hit = new_hits[-1]
            name = run.hit.split(":")[0]
            self.report.points_hit[name] = self.report.points_hit.get(name, 0) + 1
        if rc == -signal.SIGKILL:
            self.report.kills += 1
            run.outcome = run.outcome or ("killed at " + run.hit if run.hit else "killed")
        else:
            run.outcome = run.outcome or f"exited {rc}"
        self._say(
            f"run {run.number:3d} day {run.day} op {run.first_op:4d}: {run.kill:<48} "
            f"{run.outcome} {run.backend}"
        )
        return run

    def _start_driver(self, ack: Path, crash: str | None, *extra: str) -> subprocess.Popen[bytes]:
        args = [
            "--workload",
            "day",
            "--seed",
            str(self.c.seed * 100 + self.day),
            "--ops",
            str(self.c.day_ops),
        ]
        args += ["--ack-log", str(ack), *self.world.driver_args()]
        args += ["--card-share", str(self.c.card_share), "--split-share", str(self.c.split_share), *extra]
        log = open(self.work / "driver.log", "ab")  # noqa: SIM115 - handed to the child
        try:
            return subprocess.Popen(
                self._driver_cmd(*args), cwd=ROOT, env=self._env(crash), stdout=log, stderr=subprocess.STDOUT
            )
        finally:
            log.close()

    def _wait_ready(
        self, proc: subprocess.Popen[bytes], ack: Path, starts: int, timeout: float = 60.0
    ) -> bool:
        """Until the driver has begun its day (it writes {"start": k} to the ack log), or it is gone."""
        from app.workload import AckLog

        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and proc.poll() is None:
            if sum(1 for r in AckLog.read(ack) if "start" in r) > starts:
                return True
            time.sleep(0.02)
        return proc.poll() is None

    def _hits(self) -> list[str]:
        try:
            return [line.split()[0] for line in self.hits_log.read_text().splitlines() if line.strip()]
        except FileNotFoundError:
            return []

    # ------------------------------------------------------------------ the backend's troubles
    def _restart_backend(self, *, during: bool) -> str:
        self.report.backend_restarts += 1
        if not during:
            self.backend.kill()
            self.backend.start()
            return "backend killed and restarted"
        delay = self.rng.uniform(0.3, 2.0)

        def later() -> None:
            time.sleep(delay)
            self.backend.kill()
            self.backend.start()

        self._restarting = threading.Thread(target=later, name="backend-restart", daemon=True)
        self._restarting.start()
        return f"backend killed {delay:.1f} s into the run and restarted"

    def _restart_done(self) -> None:
        """Wait for a restart planned during the last run when that run ended first: else its kill and start
        would meet the next backup, restore or the final drain (two backends on one database)."""
        if self._restarting is not None:
            self._restarting.join()
            self._restarting = None

    def _backup(self) -> None:
        """The backend's backup, taken while it runs (SQLite's backup API: a consistent snapshot, the WAL's
        commits included). Both connections are closed at once: `with sqlite3.connect()` only commits, and
        a connection left open lives on in this process until a garbage collection closes it — after a
        restore replaced the file under it, that close checkpoints its stale WAL into the restored database
        and deletes the live WAL (seed 19's corrupt events index and lost sales)."""
        self.backup = self.work / "backend-backup.sqlite3"
        with (
            contextlib.closing(sqlite3.connect(self.backend.database)) as src,
            contextlib.closing(sqlite3.connect(self.backup)) as dst,
        ):
            src.backup(dst)

    def _restore(self) -> None:
        """The backend restored from the backup as a restore must be done: the backend stopped and nothing
        else holding the database open (checked: a file replaced under an open SQLite connection, or its
        -wal/-shm deleted, is corrupted), the old WAL and shared memory removed, the backup copied beside the
        database, synced and renamed over it."""
        assert self.backup is not None
        self.report.backend_restores += 1
        self.backend.kill()
        db = self.backend.database
        holders = open_by(db)
        if holders:
            raise RuntimeError(f"cannot restore the backend: its database is still open in {holders}")
        for suffix in ("-wal", "-shm"):
            db.with_name(db.name + suffix).unlink(missing_ok=True)
        restoring = db.with_name(db.name + ".restoring")
        shutil.copyfile(self.backup, restoring)
        with open(restoring, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(restoring, db)
        self.backend.start()

    # ------------------------------------------------------------------ the end
    def _finish(self) -> None:
        self._restart_done()
        self.backend.signal(signal.SIGUSR1)  # faults off: the rest of the day, then the drain
        self.stripe.signal(signal.SIGUSR1)
        time.sleep(0.2)
        from app.workload import AckLog

        ack = self._ack_log(self.day)
        if AckLog.next_op(AckLog.read(ack)) < self.c.day_ops:
            run = Run(len(self.report.runs) + 1, self.day, AckLog.next_op(AckLog.read(ack)), "none")
            self.report.runs.append(run)
            proc = self._start_driver(ack, None)
            try:
                proc.wait(self.c.run_timeout * 3)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(30)
            run.outcome = f"exited {proc.returncode}"
            self._say(f"run {run.number:3d} to the end of day {self.day}: {run.outcome}")
        drain = self._drain()
        self.report.points_missed = [p for p in self.c.points if p not in self.report.points_hit]
        acks = [a for d in range(1, self.day + 1) for a in AckLog.read(self._ack_log(d))]
        evidence = checker.Evidence(
            acks=acks,
            till_db=self.till / "pos.sqlite3",
            backend_db=self.backend.database,
            stripe_url=self.stripe.info["url"],
            stripe_key=CHECK_KEY,
            drain=drain,
        )
        verdict = checker.check(evidence)
        self.report.violations = verdict.violations
        self.report.facts = verdict.facts

    def _drain(self) -> dict[str, Any] | None:
        out = self.work / "drain.json"
        with open(out, "wb") as fh:
            proc = subprocess.run(
                self._driver_cmd("--drain", "--wait", "180", "--quiet"),
                cwd=ROOT,
                env=self._env(None),
                stdout=fh,
                stderr=subprocess.DEVNULL,
                timeout=600,
                check=False,
            )
        lines = [json.loads(x) for x in out.read_text().splitlines() if x.startswith("{")]
        drain = next((x for x in lines if x.get("drain")), None)
        self._say(f"drain: exit {proc.returncode}: {json.dumps(drain)[:300]}")
        return drain


def open_by(database: Path) -> list[str]:
    """The processes (pid and name) that have the SQLite database, its -wal or its -shm open."""
    import psutil

    paths = {str(database.resolve()) + suffix for suffix in ("", "-wal", "-shm")}
    found = []
    for proc in psutil.process_iter(["pid", "name"]):
        try:
            files = proc.open_files()
        except (psutil.AccessDenied, psutil.NoSuchProcess, psutil.ZombieProcess):
            continue
        if any(f.path in paths for f in files):
            found.append(f"{proc.info['pid']} ({proc.info['name']})")
    return found


def run_campaign(config: Config) -> Report:
    return Campaign(config).run()


__all__ = ["CRASH_POINTS", "NOT_YET", "Campaign", "Config", "Report", "World", "run_campaign"]
