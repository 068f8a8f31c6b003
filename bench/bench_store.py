"""Benchmark the encrypted store against plain SQLAlchemy: import N people, then look them up.

Run from the repository root::

    .venv/bin/python bench/bench_store.py [--people 10000] [--rounds 3] [--lookups 1000]

**Import.** Two contestants import the same N synthetic people (``clinic.domain.demo``), in
alternating rounds on fresh SQLite files:

- *store*: ``Session.import_people(people)`` on a real clinic (created and unlocked before the
  clock starts), which validates, builds two events per person, seals each event with AES-GCM,
  computes blind-index HMACs and an HMAC-chained audit entry per person, and writes it all in one
  transaction.
- *baseline*: the same work with plain SQLAlchemy Core and no cryptography: the same schema (the
  real migrations), the same engine and PRAGMAs (``clinic.store.clinic._make_engine``, so WAL and
  ``synchronous=FULL`` too), the same validation, ids, clocks, event JSON, tallies, duplicate
  query and rows, in one transaction with ``executemany``; the event blob is the plaintext JSON, a
  blind-index digest is the normalized identifier's bytes, and an audit row's MAC is empty.

The ratio of the median times (store / baseline) is the figure with a target: at most 1.5.

**Lookup.** On the last store, M random A-Numbers are looked up the way a user does:
``find_by_a_number`` (blind index, plus its audit entry, a small write transaction) and ``load``
of the record found (decrypt and fold). Target: at most 5 ms per lookup (mean), at 10,000 people.

Targets are reported, not asserted: the script exits 0, and prints ``MISSES TARGET`` when one is
missed. ``--profile`` prints a cProfile of one more store import. Every person is synthetic.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import datetime as dt
import gc
import io
import json
import pstats
import random
import secrets
import shutil
import statistics
import tempfile
import time
import uuid
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Connection, func, select

from clinic.domain import answers as answers_mod
from clinic.domain.demo import generate_people
from clinic.domain.events import Event, EventType
from clinic.store import migrate, schema
from clinic.store.clinic import (
    DB_NAME,
    Clinic,
    Session,
    _make_engine,
    create_clinic,
    index_entries,
    now_utc,
)

SITE = "Benchmark Site"
TIMEZONE = "America/Los_Angeles"
USER = "admin"
PASSPHRASE = "benchmark passphrase"  # noqa: S105 - a throwaway clinic of synthetic people
KDF_SECONDS = 0.01  # unlocking is not timed; keep it quick
TODAY = dt.date(2026, 11, 21)  # fixed, so the generated people are the same on every run
IMPORT_TARGET = 1.5
LOOKUP_TARGET_MS = 5.0
DUPLICATE_CHUNK = 500  # digests per IN (...) query, as Session._duplicates


# -- the baseline: the store's import without the cryptography ------------------------------


class PlainStore:
    """The store's tables and rows, written with plain SQLAlchemy Core and no encryption."""

    def __init__(self, path: Path) -> None:
        self.engine = _make_engine(path)
        self.device_id = secrets.token_hex(8)
        self.key_id = "k-plain"
        with self.engine.begin() as conn:
            migrate.upgrade(conn)
            conn.execute(schema.meta.insert(), [{"key": "clock", "value": "0"}])

    def close(self) -> None:
        self.engine.dispose()

    def import_people(
        self, people: Sequence[Mapping[str, Any]], source: str = "import"
    ) -> tuple[list[str], list[tuple[int, str, str]]]:
        """Mirror of ``Session.import_people``: (record ids, possible duplicates)."""
        normalized = [answers_mod.normalize_answers(raw) for raw in people]
        record_ids: list[str] = []
        with self.engine.begin() as conn:
            # _AuditWriter.__init__: the chain's last entry
            row = conn.execute(
                select(schema.audit.c.seq, schema.audit.c.mac)
                .order_by(schema.audit.c.seq.desc())
                .limit(1)
            ).first()
            audit_seq = 0 if row is None else int(row[0])
            audit_rows: list[dict[str, Any]] = []
            # Session._next_clock and _next_seq
            current = int(
                conn.execute(
                    select(schema.meta.c.value).where(schema.meta.c.key == "clock")
                ).scalar_one()
            )
            conn.execute(
                schema.meta.update()
                .where(schema.meta.c.key == "clock")
                .values(value=str(current + 2 * len(normalized)))
            )
            clock = current + 1
            seq = (
                int(
                    conn.execute(
                        select(func.coalesce(func.max(schema.events.c.seq), 0))
                    ).scalar_one()
                )
                + 1
            )
            record_rows: list[dict[str, Any]] = []
            event_rows: list[dict[str, Any]] = []
            index_rows: list[dict[str, Any]] = []
            outbox_rows: list[dict[str, Any]] = []
            new_index: dict[tuple[str, bytes], list[tuple[int, str]]] = {}
            for i, answers in enumerate(normalized):
                record_id = uuid.uuid4().hex
                language = answers.get("language")
                created = self._new_event(
                    record_id,
                    EventType.CREATED,
                    clock,
                    {"kind": "intake", "source": source, "language": language},
                )
                changes = [{"key": k, "value": v} for k, v in sorted(answers.items())]
                answered = self._new_event(
                    record_id, EventType.ANSWERS_SET, clock + 1, {"changes": changes}
                )
                clock += 2
                record_rows.append({"record_id": record_id, "created_at": created.at})
                for ev in (created, answered):
                    event_rows.append(self._event_row(ev, seq, language))
                    outbox_rows.append({"event_id": ev.event_id, "queued_at": ev.at, "attempts": 0})
                    seq += 1
                for kind, value in index_entries(answers):
                    digest = kind.encode() + b"\x00" + value.encode("utf-8")  # no HMAC
                    index_rows.append({"kind": kind, "digest": digest, "record_id": record_id})
                    new_index.setdefault((kind, digest), []).append((i, record_id))
                # _AuditWriter.add, without the MAC
                audit_seq += 1
                entry = {
                    "seq": audit_seq,
                    "at": now_utc(),
                    "user": USER,
                    "device_id": self.device_id,
                    "action": source,
                    "record_id": record_id,
                    "detail": "",
                }
                audit_rows.append({**entry, "mac": b""})
                if len(audit_rows) >= 1000:
                    conn.execute(schema.audit.insert(), audit_rows)
                    audit_rows = []
                record_ids.append(record_id)
            duplicates = self._duplicates(conn, new_index)
            conn.execute(schema.records.insert(), record_rows)
            conn.execute(schema.events.insert(), event_rows)
            if index_rows:
                conn.execute(schema.blind_index.insert(), index_rows)
            conn.execute(schema.outbox.insert(), outbox_rows)
            if audit_rows:
                conn.execute(schema.audit.insert(), audit_rows)
        return record_ids, duplicates

    def _new_event(
        self, record_id: str, type_: EventType, clock: int, payload: Mapping[str, Any]
    ) -> Event:
        return Event(
            event_id=uuid.uuid4().hex,
            record_id=record_id,
            type=type_,
            clock=clock,
            device_id=self.device_id,
            author=USER,
            at=now_utc(),
            payload=dict(payload),
        )

    def _tally(self, ev: Event, language: str | None) -> dict[str, Any]:
        moment = dt.datetime.fromisoformat(ev.at)
        tally: dict[str, Any] = {
            "site": SITE,
            "date": moment.astimezone(ZoneInfo(TIMEZONE)).date().isoformat(),
            "type": ev.type.value,
            "language": language or "",
            "volunteer": ev.author,
        }
        if ev.type is EventType.CREATED:
            tally["kind"] = ev.payload.get("kind", "intake")
        return tally

    def _event_row(self, ev: Event, seq: int, language: str | None) -> dict[str, Any]:
        body = json.dumps(
            {
                "record_id": ev.record_id,
                "type": ev.type.value,
                "clock": ev.clock,
                "device_id": ev.device_id,
                "author": ev.author,
                "at": ev.at,
                "payload": ev.payload,
            },
            ensure_ascii=False,
            separators=(",", ":"),
        ).encode("utf-8")
        return {
            "event_id": ev.event_id,
            "record_id": ev.record_id,
            "seq": seq,
            "clock": ev.clock,
            "device_id": ev.device_id,
            "type": ev.type.value,
            "at": ev.at,
            "key_id": self.key_id,
            "blob": body,  # the store seals this with AES-GCM
            "tally": json.dumps(self._tally(ev, language), sort_keys=True),
        }

    @staticmethod
    def _duplicates(
        conn: Connection, new_index: dict[tuple[str, bytes], list[tuple[int, str]]]
    ) -> list[tuple[int, str, str]]:
        found: list[tuple[int, str, str]] = []
        digests = sorted({digest for _kind, digest in new_index})
        for start in range(0, len(digests), DUPLICATE_CHUNK):
            chunk = digests[start : start + DUPLICATE_CHUNK]
            for kind, digest, other in conn.execute(
                select(
                    schema.blind_index.c.kind,
                    schema.blind_index.c.digest,
                    schema.blind_index.c.record_id,
                ).where(schema.blind_index.c.digest.in_(chunk))
            ):
                for i, _rid in new_index.get((kind, bytes(digest)), []):
                    found.append((i, other, kind))
        for (kind, _digest), people in new_index.items():
            for n, (i, _rid) in enumerate(people):
                found.extend((i, other, kind) for _j, other in people[:n])
        return sorted(found)


# -- the runs -------------------------------------------------------------------------------


def new_clinic(folder: Path) -> tuple[Clinic, Session]:
    create_clinic(
        folder,
        site=SITE,
        admin=USER,
        passphrase=PASSPHRASE,
        kdf_seconds=KDF_SECONDS,
        timezone=TIMEZONE,
    )
    clinic = Clinic(folder)
    return clinic, clinic.unlock(USER, PASSPHRASE)


@dataclass
class Timing:
    """Wall-clock and CPU seconds of one timed call."""

    wall: float
    cpu: float


@contextlib.contextmanager
def timed() -> Iterator[Timing]:
    gc.collect()
    timing = Timing(0.0, 0.0)
    wall, cpu = time.perf_counter(), time.process_time()
    yield timing
    timing.wall, timing.cpu = time.perf_counter() - wall, time.process_time() - cpu


def time_baseline(folder: Path, people: Sequence[Mapping[str, Any]]) -> Timing:
    folder.mkdir(parents=True)
    store = PlainStore(folder / DB_NAME)
    try:
        with timed() as timing:
            ids, _dups = store.import_people(people)
    finally:
        store.close()
    assert len(ids) == len(people)
    return timing


TABLES = (schema.records, schema.events, schema.blind_index, schema.audit, schema.outbox)


def baseline_rows(folder: Path, people: Sequence[Mapping[str, Any]]) -> dict[str, list[Any]]:
    """The exact plaintext rows the baseline writes, read back from a scratch database."""
    folder.mkdir(parents=True)
    store = PlainStore(folder / DB_NAME)
    try:
        store.import_people(people)
        with store.engine.connect() as conn:
            return {t.name: [dict(r._mapping) for r in conn.execute(select(t))] for t in TABLES}
    finally:
        store.close()
        shutil.rmtree(folder)


def time_bare_insert(folder: Path, rows: Mapping[str, list[Any]]) -> Timing:
    """Only the INSERTs: the baseline's final rows, built before the clock starts."""
    folder.mkdir(parents=True)
    engine = _make_engine(folder / DB_NAME)
    try:
        with engine.begin() as conn:
            migrate.upgrade(conn)
        with timed() as timing, engine.begin() as conn:
            for table in TABLES:
                conn.execute(table.insert(), rows[table.name])
    finally:
        engine.dispose()
        shutil.rmtree(folder)
    return timing


def time_store(folder: Path, people: Sequence[Mapping[str, Any]]) -> tuple[Timing, Clinic, Session]:
    clinic, session = new_clinic(folder)
    with timed() as timing:
        result = session.import_people(people)
    assert len(result.record_ids) == len(people)
    return timing, clinic, session


def time_validation(people: Sequence[Mapping[str, Any]]) -> float:
    with timed() as timing:
        for raw in people:
            answers_mod.normalize_answers(raw)
    return timing.wall


def row(label: str, base: Timing, store: Timing) -> str:
    return (
        f"{label:>6}  {base.wall:>8.3f}  {store.wall:>8.3f}  {store.wall / base.wall:>6.2f}"
        f"  {base.cpu:>8.3f}  {store.cpu:>8.3f}  {store.cpu / base.cpu:>6.2f}"
    )


def percentile(values: Sequence[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.2f}"


def lookups(
    session: Session, people: Sequence[Mapping[str, Any]], count: int, rng: random.Random
) -> dict[str, list[float]]:
    """Per-lookup seconds: find_by_a_number + load, each part, and the bare index query."""
    with_a = [p for p in people if isinstance(p.get("a_number"), str)]
    chosen = [rng.choice(with_a) for _ in range(count)]
    times: dict[str, list[float]] = {"find+load": [], "find": [], "load": [], "index": []}
    for person in chosen:
        start = time.perf_counter()
        ids = session.find_by_a_number(person["a_number"])
        found = time.perf_counter()
        state = session.load(ids[0])
        loaded = time.perf_counter()
        times["find+load"].append(loaded - start)
        times["find"].append(found - start)
        times["load"].append(loaded - found)
        assert state.answers["a_number"] == answers_mod.normalize_a_number(person["a_number"])
    # The bare blind-index query: HMAC + indexed SELECT on one open connection, no audit entry.
    with session.clinic.engine.connect() as conn:
        for person in chosen:
            start = time.perf_counter()
            digest = session.keys.blind_index(
                "a_number", answers_mod.normalize_a_number(person["a_number"])
            )
            rows = conn.execute(
                select(schema.blind_index.c.record_id).where(
                    schema.blind_index.c.kind == "a_number",
                    schema.blind_index.c.digest == digest,
                )
            ).all()
            times["index"].append(time.perf_counter() - start)
            assert rows
        conn.rollback()
    return times


def profile_import(folder: Path, people: Sequence[Mapping[str, Any]], top: int) -> str:
    clinic, session = new_clinic(folder)
    try:
        profiler = cProfile.Profile()
        profiler.enable()
        session.import_people(people)
        profiler.disable()
    finally:
        clinic.close()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats("tottime").print_stats(top)
    stats.sort_stats("cumulative").print_stats(top)
    return out.getvalue()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--people", type=int, default=10_000, help="people to import (10000)")
    parser.add_argument("--rounds", type=int, default=3, help="rounds of each contestant (3)")
    parser.add_argument("--lookups", type=int, default=1000, help="random lookups (1000)")
    parser.add_argument("--seed", type=int, default=20261121, help="people and lookup seed")
    parser.add_argument("--dir", type=Path, default=None, help="where to put the scratch files")
    parser.add_argument("--profile", action="store_true", help="cProfile one more store import")
    args = parser.parse_args(argv)

    people = generate_people(args.people, seed=args.seed, today=TODAY)
    work = Path(tempfile.mkdtemp(prefix="clinic-bench-", dir=args.dir))
    print(
        f"ClinicDay store benchmark: {args.people:,} synthetic people, {args.rounds} rounds "
        f"each, files in {work}"
    )
    baseline_times: list[Timing] = []
    store_times: list[Timing] = []
    last: tuple[Clinic, Session] | None = None
    try:
        print(f"{'':6}  {'wall-clock seconds':^26}  {'CPU seconds':^26}")
        heads = f"{'baseline':>8}  {'store':>8}  {'ratio':>6}"
        print(f"{'round':>6}  {heads}  {heads}")
        for r in range(args.rounds):
            base_t = time_baseline(work / f"baseline-{r}", people)
            baseline_times.append(base_t)
            if last is not None:
                last[0].close()
                shutil.rmtree(work / f"store-{r - 1}")
            store_t, clinic, session = time_store(work / f"store-{r}", people)
            store_times.append(store_t)
            last = (clinic, session)
            shutil.rmtree(work / f"baseline-{r}")
            print(row(str(r + 1), base_t, store_t))
        base = Timing(
            statistics.median(t.wall for t in baseline_times),
            statistics.median(t.cpu for t in baseline_times),
        )
        store = Timing(
            statistics.median(t.wall for t in store_times),
            statistics.median(t.cpu for t in store_times),
        )
        print(row("median", base, store))
        ratio = store.wall / base.wall
        validation = statistics.median(time_validation(people) for _ in range(args.rounds))
        print(
            f"validation (normalize_answers, paid by both): {validation:.3f} s; ratio with it "
            f"left out of both: {(store.wall - validation) / (base.wall - validation):.2f}"
        )
        rows = baseline_rows(work / "rows", people)
        bare = statistics.median(
            time_bare_insert(work / f"bare-{r}", rows).wall for r in range(args.rounds)
        )
        bare_ratio = store.wall / bare
        print(
            f"bare insert of the same final rows (built before timing, no validation): "
            f"{bare:.3f} s; store / bare insert: {bare_ratio:.2f}"
        )

        assert last is not None
        times = lookups(last[1], people, args.lookups, random.Random(args.seed))
        print(f"\nlookups: {args.lookups:,} random A-Numbers among {args.people:,} people")
        print(f"{'':24}  {'mean ms':>8}  {'p95 ms':>8}  {'max ms':>8}")
        labels = {
            "find+load": "find_by_a_number + load",
            "find": "  find_by_a_number",
            "load": "  load",
            "index": "bare index query",
        }
        for key, label in labels.items():
            values = times[key]
            print(
                f"{label:24}  {ms(statistics.fmean(values)):>8}  "
                f"{ms(percentile(values, 0.95)):>8}  {ms(max(values)):>8}"
            )
        mean = statistics.fmean(times["find+load"])
        p95 = percentile(times["find+load"], 0.95)
        last[0].close()

        if args.profile:
            print("\n" + profile_import(work / "profile", people, 25))
    finally:
        if last is not None:
            last[0].close()
        shutil.rmtree(work, ignore_errors=True)

    print(
        f"\nimport ratio {ratio:.2f} (target <= {IMPORT_TARGET}; {bare_ratio:.2f} against a bare "
        f"insert)  lookup mean {mean * 1000:.1f} ms "
        f"p95 {p95 * 1000:.1f} ms (target <= {LOOKUP_TARGET_MS:g} ms)"
    )
    missed = []
    if ratio > IMPORT_TARGET:
        missed.append(f"import ratio {ratio:.2f} > {IMPORT_TARGET}")
    if mean * 1000 > LOOKUP_TARGET_MS:
        missed.append(f"lookup mean {mean * 1000:.1f} ms > {LOOKUP_TARGET_MS:g} ms")
    if missed:
        print("MISSES TARGET: " + "; ".join(missed))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
