"""Benchmark the sync server: ingest through the real API against a plain insert of the same rows,
and many laptops pushing a clinic day at the same moment.

Run from the repository root::

    .venv/bin/python bench/bench_sync.py [--db URL ...] [--rounds 3] [--events 6000]
                                         [--devices 50] [--per-device 300]

Each ``--db`` is ``sqlite`` (scratch files) or a PostgreSQL server
(``postgresql://user@host:port``: a scratch database is created for every run and dropped after
it). By default both SQLite and ``postgresql://postgres@127.0.0.1:5432``, the latter skipped with
a note when it cannot be reached.

**Ingest.** ``--events`` sealed events (synthetic people, ``clinic.domain.demo``; a laptop's
events: created, answers set with the org-level index digests, screened, each sealed to the org
key, with its tally), in alternating rounds on fresh databases:

- *API*: one enrolled laptop pushes them to a real ``clinic serve`` process, ``POST /v1/events``
  in batches of 200 (``clinic.sync.client.BATCH``), request bodies encoded before the clock
  starts; every answer is checked (200, all stored).
- *baseline*: the same rows the server writes into ``events`` (envelope bytes, hash, recipients,
  tally, day, ...), built before the clock starts, inserted with SQLAlchemy Core into a copy of the
  ``events`` table (its unique event id and day index too), over the server's own engine settings
  (``clinic.server.storage.make_engine``: for SQLite WAL, ``synchronous=FULL``,
  ``BEGIN IMMEDIATE``), 200 rows per transaction as the server commits them.

Printed for information: the baseline as one transaction for all rows, and the API with pushes
that carry no index digests (the server then only validates and stores the events).

**A clinic day.** ``--devices`` laptops, each enrolled through the API with its own code
(``clinic.server.admin.make_enroll_code``), each pushing ``--per-device`` pre-sealed events (its
clinic day) at once, from its own thread and HTTP client, in batches of 200. Reported: wall time
from the start signal to the last answer, errors (must be 0), events on the server afterwards
(must be devices x per-device), and the push latencies.

Nothing here is asserted: the script prints ``PROBLEM`` when a push fails or a count is wrong,
and exits 0. Every person is synthetic.
"""

from __future__ import annotations

import argparse
import base64
import contextlib
import datetime as dt
import gc
import hashlib
import json
import os
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import httpx
from sqlalchemy import MetaData, Table, func, select
from sqlalchemy.engine import make_url

from clinic.domain.answers import normalize_answers
from clinic.domain.demo import generate_people
from clinic.domain.events import Event, EventType
from clinic.domain.rules import screen
from clinic.domain.wire import encode_event
from clinic.resources import policy
from clinic.server import schema
from clinic.server.admin import make_enroll_code
from clinic.server.storage import ServerError, ServerStore, make_engine
from clinic.sync.client import BATCH, associated, org_index
from clinic.sync.crypto import KeyPair, OrgKeys, enroll_auth, key_id_of, recipients_of, seal

ROOT = Path(__file__).resolve().parent.parent
POSTGRES = "postgresql://postgres@127.0.0.1:5432"
TODAY = dt.date(2026, 11, 21)  # fixed, so the generated people are the same on every run
SITE = "Benchmark Site"
TIMEZONE = ZoneInfo("America/Los_Angeles")
HTTP_TIMEOUT = httpx.Timeout(300.0, connect=10.0)


# -- the events: a laptop's clinic day, sealed --------------------------------------------------


@dataclass
class Day:
    """One laptop's clinic day: the pushed events (JSON) and the request bodies of its pushes."""

    device_id: str
    events: list[dict[str, Any]]
    bodies: list[bytes] = field(default_factory=list)


def clinic_day(
    keys: OrgKeys, device_id: str, volunteer: str, people: Sequence[Mapping[str, Any]]
) -> Day:
    """Created, answers set (with the record's index digests) and screened, for each person, as
    ``SyncClient.push`` sends them: sealed to the org key, with the laptop's tally. The laptop
    also signs each event inside the envelope (0.75 KB more, plus a third of the event in base64;
    the server stores it but never reads it); these are sealed without it, as before signing."""
    recipients = {key_id_of(keys.pair.public): keys.pair.public}
    rules = policy()
    start = dt.datetime.combine(TODAY, dt.time(9, 0), TIMEZONE)
    events: list[dict[str, Any]] = []
    clock = 0
    for n, raw in enumerate(people):
        answers = normalize_answers(raw)
        record_id = uuid.uuid4().hex
        language = str(answers.get("language") or "")
        det = screen(answers, TODAY, rules, language).to_json()
        steps: list[tuple[EventType, dict[str, Any]]] = [
            (EventType.CREATED, {"kind": "intake", "source": "interview", "language": language}),
            (
                EventType.ANSWERS_SET,
                {"changes": [{"key": k, "value": v} for k, v in sorted(answers.items())]},
            ),
            (EventType.SCREENED, {"determination": det, "on": TODAY.isoformat()}),
        ]
        for step, (kind, payload) in enumerate(steps):
            clock += 1
            at = start + dt.timedelta(minutes=4 * n + step)
            ev = Event(
                event_id=uuid.uuid4().hex,
                record_id=record_id,
                type=kind,
                clock=clock,
                device_id=device_id,
                author=volunteer,
                at=at.astimezone(dt.UTC).isoformat(timespec="microseconds"),
                payload=payload,
            )
            tally: dict[str, Any] = {
                "site": SITE,
                "date": at.date().isoformat(),
                "type": kind.value,
                "language": language,
                "volunteer": volunteer,
            }
            if kind is EventType.CREATED:
                tally["kind"] = "intake"
            if kind is EventType.SCREENED:
                tally["outcome"] = det.get("outcome", "")
                tally["request_type"] = det.get("request_type", "")
                tally["flags"] = sorted({str(f.get("code")) for f in det.get("flags", [])})
            sealed = seal(encode_event(ev), recipients, associated(ev.event_id, ev.record_id))
            item: dict[str, Any] = {
                "event_id": ev.event_id,
                "record_id": ev.record_id,
                "envelope": base64.b64encode(sealed).decode("ascii"),
                "tally": tally,
            }
            if kind is EventType.ANSWERS_SET:
                item["index"] = org_index(keys.index_key, answers)
            events.append(item)
    return Day(device_id, events)


def push_bodies(events: Sequence[dict[str, Any]], *, index: bool = True) -> list[bytes]:
    """The request bodies of pushing ``events`` in batches, as the client sends them."""
    bodies = []
    for seq, start in enumerate(range(0, len(events), BATCH), start=1):
        batch = [
            e if index else {k: v for k, v in e.items() if k != "index"}
            for e in events[start : start + BATCH]
        ]
        body = {"events": batch, "audit_seq": seq, "audit_mac": secrets.token_hex(32)}
        bodies.append(json.dumps(body).encode("utf-8"))
    return bodies


def event_rows(events: Sequence[dict[str, Any]], device_id: str) -> list[dict[str, Any]]:
    """The rows ``ServerStore.push`` writes into ``events`` for these events."""
    received = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    rows = []
    for e in events:
        envelope = base64.b64decode(e["envelope"])
        rows.append(
            {
                "event_id": e["event_id"],
                "record_id": e["record_id"],
                "device_id": device_id,
                "envelope": envelope,
                "envelope_hash": _sha256(envelope),
                "recipients": " ".join(recipients_of(envelope)),
                "tally": json.dumps(e["tally"], sort_keys=True),
                "day": str(e["tally"].get("date", ""))[:10],
                "received_at": received,
            }
        )
    return rows


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# -- databases and servers -------------------------------------------------------------------


class Target:
    """A kind of database: SQLite files in the work folder, or scratch databases on a PostgreSQL
    server (created per run, dropped after it)."""

    def __init__(self, spec: str, work: Path) -> None:
        self.spec = spec
        self.work = work
        self.sqlite = spec == "sqlite"
        self.label = "SQLite" if self.sqlite else f"PostgreSQL ({_hide_password(spec)})"

    def reachable(self) -> str | None:
        """None, or why this database cannot be used."""
        if self.sqlite:
            return None
        import psycopg

        try:
            with psycopg.connect(self._admin(), connect_timeout=5) as conn:
                conn.execute("SELECT 1")
        except psycopg.Error as exc:
            return f"{type(exc).__name__}: {str(exc).strip().splitlines()[0]}"
        return None

    def _admin(self) -> str:
        url = make_url(self.spec).set(drivername="postgresql", database="postgres")
        return url.render_as_string(hide_password=False)

    def create(self) -> str:
        """A new, empty database: its SQLAlchemy URL."""
        name = f"clinicday_bench_{secrets.token_hex(4)}"
        if self.sqlite:
            return f"sqlite:///{self.work / (name + '.db')}"
        import psycopg

        with psycopg.connect(self._admin(), autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {name}")
        url = make_url(self.spec).set(drivername="postgresql+psycopg", database=name)
        return url.render_as_string(hide_password=False)

    def drop(self, url: str) -> None:
        if self.sqlite:
            path = Path(url.removeprefix("sqlite:///"))
            for file in path.parent.glob(path.name + "*"):
                file.unlink()
            return
        import psycopg

        name = make_url(url).database
        with psycopg.connect(self._admin(), autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def _hide_password(url: str) -> str:
    return make_url(url).render_as_string(hide_password=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Server:
    """A ``clinic serve`` process over ``url`` (its log in a file: a full pipe would stall it)."""

    def __init__(self, url: str, log: Path) -> None:
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log = log
        with log.open("ab") as out:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "clinic", "serve", "--db", url, "--port", str(self.port)],
                cwd=ROOT,
                stdout=subprocess.DEVNULL,
                stderr=out,
                env={**os.environ, "PYTHONUNBUFFERED": "1"},
            )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"the server exited: {self.log_tail()}")
            try:
                if httpx.get(f"{self.base}/v1/health", timeout=1).status_code == 200:
                    return
            except httpx.HTTPError:
                time.sleep(0.1)
        self.stop()
        raise RuntimeError("the server did not start")

    def cpu(self) -> float:
        """CPU seconds the server process has used (user + system; Linux only, else NaN)."""
        try:
            fields = Path(f"/proc/{self.proc.pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            return float("nan")
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def log_tail(self) -> str:
        try:
            return self.log.read_text("utf-8", "replace")[-2000:]
        except OSError:
            return ""

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(15)


@contextlib.contextmanager
def running_server(target: Target, keys: OrgKeys) -> Iterator[tuple[ServerStore, Server]]:
    """A fresh database with the org set up, and a server over it; all gone afterwards."""
    url = target.create()
    store = ServerStore(url)
    server: Server | None = None
    try:
        store.migrate()
        store.init_org(keys.org_id, keys.pair.public, keys.signing_public)
        server = Server(url, target.work / "server.log")
        yield store, server
    finally:
        if server is not None:
            server.stop()
        store.engine.dispose()
        target.drop(url)


def enroll(store: ServerStore, keys: OrgKeys, server: Server, device_id: str) -> str:
    """Enroll a laptop through the API with a one-time code; its device token."""
    for _attempt in range(5):
        try:
            code, _expires = make_enroll_code(store, keys, "volunteer", 1)
            break
        except ServerError:  # a code id is 4 letters (20 bits): 50 codes collide now and then
            continue
    else:
        raise RuntimeError("no free enrollment code id in 5 attempts")
    code_id, auth = enroll_auth(code)
    public = KeyPair.generate().public
    response = httpx.post(
        f"{server.base}/v1/enroll",
        json={
            "code_id": code_id,
            "auth": auth,
            "device_id": device_id,
            "public_key": base64.b64encode(public).decode("ascii"),
            "name": f"bench {device_id[:6]}",
        },
        timeout=HTTP_TIMEOUT,
    )
    response.raise_for_status()
    return str(response.json()["token"])


# -- the runs -------------------------------------------------------------------------------


@dataclass
class Timing:
    """Wall-clock seconds of one timed run, and the server's CPU seconds in it (API runs)."""

    wall: float
    server_cpu: float = float("nan")


def timed_start() -> float:
    gc.collect()
    return time.perf_counter()


def time_baseline(target: Target, rows: Sequence[dict[str, Any]], per_transaction: int) -> Timing:
    """Insert ``rows`` into a copy of the ``events`` table, ``per_transaction`` at a time."""
    url = target.create()
    engine = make_engine(url)
    try:
        table: Table = schema.events.to_metadata(MetaData())
        table.create(engine)
        start = timed_start()
        for i in range(0, len(rows), per_transaction):
            with engine.begin() as conn:
                conn.execute(table.insert(), list(rows[i : i + per_transaction]))
        wall = time.perf_counter() - start
        with engine.connect() as conn:
            count = conn.execute(select(func.count()).select_from(table)).scalar_one()
        if count != len(rows):
            print(f"PROBLEM: the baseline stored {count} of {len(rows)} rows")
    finally:
        engine.dispose()
        target.drop(url)
    return Timing(wall)


def time_api(
    target: Target, keys: OrgKeys, device_id: str, bodies: Sequence[bytes], events: int
) -> Timing:
    """Push ``bodies`` to a fresh server from one enrolled laptop, one after the other."""
    with running_server(target, keys) as (store, server):
        token = enroll(store, keys, server, device_id)
        headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
        with httpx.Client(timeout=HTTP_TIMEOUT, headers=headers) as http:
            http.get(f"{server.base}/v1/org").raise_for_status()  # connected, token known
            stored = 0
            cpu = server.cpu()
            start = timed_start()
            for body in bodies:
                response = http.post(f"{server.base}/v1/events", content=body)
                if response.status_code != 200:
                    print(f"PROBLEM: a push answered {response.status_code}: {response.text[:200]}")
                    continue
                stored += int(response.json()["stored"])
            wall = time.perf_counter() - start
            cpu = server.cpu() - cpu
        on_server = store.event_count()
        if stored != events or on_server != events:
            print(f"PROBLEM: {stored} stored, {on_server} on the server, {events} pushed")
    return Timing(wall, cpu)


@dataclass
class DayRun:
    """One run of many laptops pushing their day at once."""

    wall: float
    errors: int
    on_server: int
    latencies: list[float]
    first_error: str = ""


def time_clinic_day(target: Target, keys: OrgKeys, days: Sequence[Day]) -> DayRun:
    with running_server(target, keys) as (store, server):
        tokens = [enroll(store, keys, server, day.device_id) for day in days]
        lock = threading.Lock()
        errors: list[str] = []
        latencies: list[float] = []
        go = threading.Barrier(len(days) + 1)

        def laptop(day: Day, token: str) -> None:
            headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
            with httpx.Client(timeout=HTTP_TIMEOUT, headers=headers) as http:
                http.get(f"{server.base}/v1/health")  # connected before the start signal
                go.wait()
                for body, expected in zip(day.bodies, _batch_sizes(len(day.events)), strict=True):
                    start = time.perf_counter()
                    try:
                        response = http.post(f"{server.base}/v1/events", content=body)
                        problem = (
                            ""
                            if response.status_code == 200 and response.json()["stored"] == expected
                            else f"{response.status_code}: {response.text[:200]}"
                        )
                    except httpx.HTTPError as exc:
                        problem = f"{type(exc).__name__}: {exc}"
                    with lock:
                        latencies.append(time.perf_counter() - start)
                        if problem:
                            errors.append(problem)

        threads = [
            threading.Thread(target=laptop, args=(day, token), daemon=True)
            for day, token in zip(days, tokens, strict=True)
        ]
        for thread in threads:
            thread.start()
        gc.collect()
        go.wait()
        start = time.perf_counter()
        for thread in threads:
            thread.join()
        wall = time.perf_counter() - start
        return DayRun(
            wall, len(errors), store.event_count(), latencies, errors[0] if errors else ""
        )


def _batch_sizes(n: int) -> list[int]:
    return [min(BATCH, n - i) for i in range(0, n, BATCH)]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f}"


def percentile(values: Sequence[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


# -- main -----------------------------------------------------------------------------------


def ingest(target: Target, keys: OrgKeys, events: Sequence[dict[str, Any]], rounds: int) -> None:
    device_id = secrets.token_hex(8)
    rows = event_rows(events, device_id)
    bodies = push_bodies(events)
    bare_bodies = push_bodies(events, index=False)
    n = len(events)
    print(
        f"\ningest, {target.label}: {n:,} sealed events, batches of {BATCH} "
        f"({sum(map(len, bodies)) / 2**20:.1f} MiB of request bodies)"
    )
    print(
        f"{'round':>6}  {'baseline':>8}  {'API':>8}  {'ratio':>6}  {'server CPU':>10}"
        f"  {'1 txn':>8}  {'no index':>8}"
    )
    base: list[float] = []
    api: list[float] = []
    cpu: list[float] = []
    bulk: list[float] = []
    bare: list[float] = []
    for r in range(rounds):
        b = time_baseline(target, rows, BATCH).wall
        a = time_api(target, keys, device_id, bodies, n)
        one = time_baseline(target, rows, n).wall
        plain = time_api(target, keys, device_id, bare_bodies, n).wall
        base.append(b)
        api.append(a.wall)
        cpu.append(a.server_cpu)
        bulk.append(one)
        bare.append(plain)
        print(
            f"{r + 1:>6}  {b:>8.3f}  {a.wall:>8.3f}  {a.wall / b:>6.2f}  {a.server_cpu:>10.2f}"
            f"  {one:>8.3f}  {plain:>8.3f}"
        )
    mb, ma = statistics.median(base), statistics.median(api)
    mbulk, mbare = statistics.median(bulk), statistics.median(bare)
    print(
        f"{'median':>6}  {mb:>8.3f}  {ma:>8.3f}  {ma / mb:>6.2f}  {statistics.median(cpu):>10.2f}"
        f"  {mbulk:>8.3f}  {mbare:>8.3f}"
    )
    print(
        f"API / baseline {ma / mb:.2f} ({n / ma:,.0f} events/s through the API, {n / mb:,.0f} "
        f"inserted plainly); against one transaction {ma / mbulk:.2f}; API without index digests "
        f"/ baseline {mbare / mb:.2f}"
    )


def clinic_days(target: Target, keys: OrgKeys, days: Sequence[Day], rounds: int) -> None:
    total = sum(len(d.events) for d in days)
    print(
        f"\na clinic day, {target.label}: {len(days)} laptops at once, "
        f"{len(days[0].events)} events each in pushes of up to {BATCH} ({total:,} events)"
    )
    print(
        f"{'round':>6}  {'wall s':>7}  {'events/s':>8}  {'errors':>6}  {'on server':>9}"
        f"  {'push p50 ms':>11}  {'p95 ms':>7}  {'max ms':>7}"
    )
    runs: list[DayRun] = []
    for r in range(rounds):
        run = time_clinic_day(target, keys, days)
        runs.append(run)
        print(
            f"{r + 1:>6}  {run.wall:>7.2f}  {total / run.wall:>8,.0f}  {run.errors:>6}"
            f"  {run.on_server:>9,}  {ms(statistics.median(run.latencies)):>11}"
            f"  {ms(percentile(run.latencies, 0.95)):>7}  {ms(max(run.latencies)):>7}"
        )
        if run.errors:
            print(f"PROBLEM: {run.errors} push(es) failed, the first: {run.first_error}")
        if run.on_server != total:
            print(f"PROBLEM: {run.on_server:,} events on the server, {total:,} pushed")
    wall = statistics.median(r.wall for r in runs)
    errors = sum(r.errors for r in runs)
    wrong = [r.on_server for r in runs if r.on_server != total]
    print(
        f"{len(days)} laptops x {len(days[0].events)} events: median {wall:.2f} s wall, "
        f"{errors} errors in {rounds} rounds, "
        + (f"PROBLEM: counts {wrong}" if wrong else f"{total:,} events on the server every round")
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument(
        "--db",
        action="append",
        metavar="URL",
        help=f"'sqlite' or a PostgreSQL server URL; repeatable (default: sqlite and {POSTGRES})",
    )
    parser.add_argument("--rounds", type=int, default=3, help="rounds of each run (3)")
    parser.add_argument("--events", type=int, default=6000, help="events to ingest (6000)")
    parser.add_argument("--devices", type=int, default=50, help="laptops pushing at once (50)")
    parser.add_argument("--per-device", type=int, default=300, help="events per laptop (300)")
    parser.add_argument("--seed", type=int, default=20261121, help="people seed")
    parser.add_argument("--dir", type=Path, default=None, help="where to put the scratch files")
    parser.add_argument("--skip-ingest", action="store_true", help="only the clinic day")
    parser.add_argument("--skip-day", action="store_true", help="only the ingest")
    args = parser.parse_args(argv)

    people_per_day = -(-args.per_device // 3)  # three events per person
    days_needed = max(args.devices, -(-args.events // (3 * people_per_day)))
    started = time.perf_counter()
    people = generate_people(days_needed * people_per_day, seed=args.seed, today=TODAY)
    keys = OrgKeys.generate()
    days = [
        clinic_day(
            keys,
            secrets.token_hex(8),
            f"volunteer{d + 1}",
            people[d * people_per_day : (d + 1) * people_per_day],
        )
        for d in range(days_needed)
    ]
    for day in days:
        day.events = day.events[: args.per_device]
        day.bodies = push_bodies(day.events)
    ingest_events = [e for day in days for e in day.events][: args.events]
    work = Path(tempfile.mkdtemp(prefix="clinic-bench-sync-", dir=args.dir))
    print(
        f"ClinicDay sync server benchmark: {len(people):,} synthetic people, "
        f"{sum(len(d.events) for d in days):,} events sealed in "
        f"{time.perf_counter() - started:.1f} s (not timed); {args.rounds} rounds; files in {work}"
    )
    try:
        for spec in args.db or ["sqlite", POSTGRES]:
            target = Target(spec, work)
            why = target.reachable()
            if why is not None:
                print(f"\n{target.label}: not reachable ({why}); skipped")
                continue
            if not args.skip_ingest:
                ingest(target, keys, ingest_events, args.rounds)
            if not args.skip_day:
                clinic_days(target, keys, days[: args.devices], args.rounds)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
