"""Benchmark the daily report on the server: 100,000 tallies (a year of a large organization).

Run from the repository root::

    .venv/bin/python bench/bench_reports.py [--db URL] [--tallies 100000] [--rounds 5]

The server database (PostgreSQL at postgresql://postgres@127.0.0.1:5432 by default, a scratch
database created and dropped here; or any URL, SQLite too) gets N synthetic, de-identified
tallies spread over 365 days, 12 sites, 3 languages and 40 volunteers, as ``POST /v1/events``
stores them. Then, in alternating rounds:

- *report*: what a coordinator's report costs on the server, ``ServerStore.tallies(from, to)``
  (the query and JSON decoding) plus ``clinic.reports.counts.daily_counts`` (the counting);
- *baseline*: the same query alone, fetching the same rows with no decoding and no counting.

for one day (the daily report) and for the whole year. Target: the daily report under 1 second
over 100,000 tallies (reported, not asserted; ``MISSES TARGET`` is printed when missed).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import secrets
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import select

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from clinic.reports.counts import daily_counts
from clinic.server import schema
from clinic.server.storage import ServerStore

PG_ADMIN = "postgresql://postgres@127.0.0.1:5432/postgres"
START = dt.date(2026, 1, 1)
TYPES = ("created", "answers_set", "screened", "packet_built", "review_approved")


def tallies(n: int, rng: random.Random) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    for i in range(n):
        day = START + dt.timedelta(days=rng.randrange(365))
        kind = TYPES[i % len(TYPES)]
        tally: dict[str, object] = {
            "site": f"site-{rng.randrange(12)}",
            "date": day.isoformat(),
            "type": kind,
            "language": rng.choice(("en", "ko", "es")),
            "volunteer": f"vol{rng.randrange(40)}",
        }
        if kind == "screened":
            tally["outcome"] = rng.choice(("likely_eligible", "attorney_review", "not_eligible"))
            tally["request_type"] = rng.choice(("renewal", "initial"))
            tally["flags"] = rng.sample(["travel", "criminal", "removal"], rng.randrange(3))
        rows.append(
            {
                "event_id": secrets.token_hex(16),
                "record_id": secrets.token_hex(16),
                "device_id": "0" * 16,
                "envelope": b"x" * 64,
                "envelope_hash": "0" * 64,
                "recipients": "org",
                "tally": json.dumps(tally, sort_keys=True),
                "day": day.isoformat(),
                "received_at": "2026-12-31T00:00:00+00:00",
            }
        )
    return rows


def timed(call: Callable[[], object]) -> float:
    start = time.perf_counter()
    call()
    return time.perf_counter() - start


def run(url: str, n: int, rounds: int) -> None:
    store = ServerStore(url)
    store.migrate()
    rows = tallies(n, random.Random(7))
    with store.engine.begin() as conn:
        for start in range(0, len(rows), 5000):
            conn.execute(schema.events.insert(), rows[start : start + 5000])
    periods = {
        "one day": (dt.date(2026, 6, 15), dt.date(2026, 6, 15)),
        "the year": (START, START + dt.timedelta(days=364)),
    }
    print(f"{url.split('@')[-1].split('?')[0]}: {n:,} tallies")
    print(f"{'period':<10} {'report (s)':>11} {'baseline (s)':>13} {'ratio':>7} {'rows':>8}")
    for name, (first, last) in periods.items():
        a, b = first.isoformat(), last.isoformat()

        def report(a: str = a, b: str = b, first: dt.date = first, last: dt.date = last) -> int:
            return daily_counts(store.tallies(a, b), first, last).total.screened

        def baseline(a: str = a, b: str = b) -> int:
            with store.engine.connect() as conn:
                return len(
                    conn.execute(
                        select(schema.events.c.record_id, schema.events.c.tally).where(
                            schema.events.c.day >= a, schema.events.c.day <= b
                        )
                    ).all()
                )

        times_r, times_b = [], []
        for _ in range(rounds):
            times_r.append(timed(report))
            times_b.append(timed(baseline))
        r, base = statistics.median(times_r), statistics.median(times_b)
        count = baseline()
        print(f"{name:<10} {r:>11.3f} {base:>13.3f} {r / base:>7.2f} {count:>8,}")
        if name == "one day" and r >= 1.0:
            print("MISSES TARGET: the daily report takes 1 second or more")
    store.engine.dispose()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="a SQLAlchemy URL (default: a scratch PostgreSQL database)")
    parser.add_argument("--tallies", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    if args.db:
        run(args.db, args.tallies, args.rounds)
        return 0
    import psycopg

    name = f"clinicday_bench_{secrets.token_hex(4)}"
    with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    try:
        run(f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}", args.tallies, args.rounds)
    finally:
        with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
