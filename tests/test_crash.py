"""Crash safety: SIGKILL a real ``clinic intake import`` at random moments, then check the store.

Each iteration writes a JSON file of K synthetic people (distinct A-Numbers per file), starts
``python -m clinic intake import FILE`` against one clinic on a real SQLite file, sleeps a random
time and kills the process with SIGKILL. The ``imported <id> (person i)`` lines it managed to print
are acknowledgements: the CLI prints them only after the transaction has committed.

After some iterations, and after the loop, the test checks that

- SQLite's ``PRAGMA integrity_check`` says ``ok`` (read-only connection, WAL honoured);
- every acknowledged record loads and holds exactly the normalized answers that were imported;
- each import is all or nothing: for every file either all K people are stored or none, every
  stored record has its ``created`` and ``answers_set`` events, and ``Session.check()`` is clean.

The delays are calibrated against the measured time of one import and spread so that kills land
before the import starts, while it runs (in and around the transaction) and after it finished.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from random import Random
from typing import Any

import pytest

from clinic.domain.answers import normalize_a_number, normalize_answers
from clinic.store.clinic import DB_NAME, Clinic
from tests.conftest import PASSPHRASE, ROOT, Cli, make_clinic, person, write_json

SEED = 20261121
ITERATIONS = 14
MIN_PEOPLE, MAX_PEOPLE = 30, 250
CALIBRATION_PEOPLE = 200
CHECK_EVERY = 4  # run the intermediate checks after every 4th iteration
ACK = re.compile(r"imported ([0-9a-f]{32}) \(person (\d+)\)")


@dataclass
class ImportFile:
    """One JSON file handed to one import process, and what became of it."""

    index: int
    mode: str  # what the kill waited for: zero, random, lock, commit, or wait (no kill)
    people: list[dict[str, Any]]
    acked: dict[int, str] = field(default_factory=dict)  # person index -> record id
    killed: bool = False
    committed: bool = False
    after: float = 0.0  # seconds from start to the kill (or the exit)


def crash_person(n: int) -> dict[str, Any]:
    """Synthetic person ``n``: unique A-Number, SSN and (name, birth date) for n < 9,999."""
    born = dt.date(1982, 1, 1) + dt.timedelta(days=n)
    ssn = f"{900 + n % 100}{n // 100 % 99 + 1:02d}{n + 1:04d}"  # area 9xx: never issued
    return person(n, dob=born.isoformat(), ssn=ssn, **{"name.given": f"Crash{chr(65 + n % 26)}"})


def start_import(cli: Cli, path: Path, log: Path) -> subprocess.Popen[bytes]:
    with log.open("wb") as err:
        return subprocess.Popen(
            [sys.executable, "-m", "clinic", "intake", "import", str(path)],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=err,  # a file, so a chatty process can never block on a full pipe
            env=cli.env(),
            cwd=ROOT,
        )


def run_import(cli: Cli, path: Path, log: Path) -> tuple[float, int]:
    """Run one import to the end; (seconds, exit status)."""
    start = time.perf_counter()
    proc = start_import(cli, path, log)
    proc.communicate(timeout=120)
    return time.perf_counter() - start, proc.returncode


def acknowledgements(stdout: bytes) -> dict[int, str]:
    """The complete ``imported`` lines printed before the process died (a torn last line is not
    an acknowledgement)."""
    lines = stdout.decode("utf-8", errors="replace").split("\n")[:-1]
    acked: dict[int, str] = {}
    for line in lines:
        match = ACK.fullmatch(line)
        assert match is not None, f"unexpected output line {line!r}"
        acked[int(match.group(2))] = match.group(1)
    return acked


def record_count(db: Path) -> int:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return int(conn.execute("SELECT count(*) FROM records").fetchone()[0])
    finally:
        conn.close()


def records_added(db: Path, before: int) -> bool:
    return record_count(db) > before


def writer_active(db: Path) -> bool:
    """True while another connection holds the write lock (probed without waiting)."""
    conn = sqlite3.connect(db, timeout=0, isolation_level=None)
    try:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("ROLLBACK")
        return False
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            return True
        raise
    finally:
        conn.close()


def poll_until(proc: subprocess.Popen[bytes], condition: Callable[[], bool]) -> None:
    """Poll ``condition`` until it holds or the process has exited."""
    deadline = time.monotonic() + 60
    while proc.poll() is None and time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.0005)


def sqlite_integrity(db: Path) -> list[str]:
    """``PRAGMA integrity_check`` through a read-only connection that honours the WAL."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return [row[0] for row in conn.execute("PRAGMA integrity_check")]
    finally:
        conn.close()


def event_types(db: Path) -> dict[str, Counter[str]]:
    """Each record's event types, as counts (read-only)."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        out: dict[str, Counter[str]] = {
            rid: Counter() for (rid,) in conn.execute("SELECT record_id FROM records")
        }
        for rid, type_ in conn.execute("SELECT record_id, type FROM events"):
            out.setdefault(rid, Counter())[type_] += 1
        (outbox,) = conn.execute("SELECT count(*) FROM outbox").fetchone()
        (events,) = conn.execute("SELECT count(*) FROM events").fetchone()
        assert outbox == events, "every event is queued in the outbox"
        return out
    finally:
        conn.close()


def check_database(db: Path) -> None:
    """SQLite's own integrity check, and every record holding exactly its two import events."""
    assert sqlite_integrity(db) == ["ok"]
    for rid, counts in event_types(db).items():
        assert counts == Counter({"created": 1, "answers_set": 1}), (rid, dict(counts))


def check_acknowledged(data: Path, files: list[ImportFile]) -> None:
    """Every acknowledged record of ``files`` loads and holds exactly what was imported."""
    clinic = Clinic(data)
    try:
        session = clinic.unlock("admin", PASSPHRASE)
        for f in files:
            for i, rid in f.acked.items():
                assert session.load(rid).answers == normalize_answers(f.people[i]), (f.index, i)
    finally:
        clinic.close()


def check_store(data: Path, files: list[ImportFile]) -> None:
    """The final check: every record decrypted and traced back to the file and person it came
    from; each import whole or absent; every acknowledgement among them; ``Session.check()``."""
    db = data / DB_NAME
    check_database(db)
    owner: dict[str, tuple[int, int]] = {}  # normalized A-Number -> (file, person)
    for f in files:
        for i, p in enumerate(f.people):
            owner[normalize_a_number(p["a_number"])] = (f.index, i)

    clinic = Clinic(data)
    try:
        session = clinic.unlock("admin", PASSPHRASE)
        assert session.check() == []
        stored: dict[int, dict[int, str]] = {f.index: {} for f in files}
        for rid in session.record_ids():
            answers = session.load(rid).answers
            file_index, i = owner[answers["a_number"]]
            assert i not in stored[file_index], "a person was stored twice"
            stored[file_index][i] = rid
            assert answers == normalize_answers(files[file_index].people[i]), rid
    finally:
        clinic.close()
    for f in files:
        assert len(stored[f.index]) in (0, len(f.people)), (f.index, len(stored[f.index]))
        assert (len(stored[f.index]) > 0) == f.committed, f.index
        for i, rid in f.acked.items():  # acknowledged: stored, as that record, intact (above)
            assert stored[f.index].get(i) == rid, (f.index, i)


@pytest.mark.slow
def test_sigkill_during_imports_loses_nothing_acknowledged(tmp_path: Path) -> None:
    rng = Random(SEED)
    data = make_clinic(tmp_path / "clinic")
    proc_tmp = tmp_path / "proc-tmp"
    proc_tmp.mkdir()
    cli = Cli(data=data, tmpdir=proc_tmp)

    # Calibrate: a process that unlocks and stops (no such file), and one whole import. The
    # calibration import goes into a scratch clinic so the clinic under test starts empty.
    scratch = make_clinic(tmp_path / "scratch")
    scratch_cli = Cli(data=scratch, tmpdir=proc_tmp)
    calib = write_json(
        tmp_path / "calibration.json",
        [crash_person(9000 + i) for i in range(CALIBRATION_PEOPLE)],
    )
    startup, status = run_import(scratch_cli, tmp_path / "missing.json", tmp_path / "calib0.err")
    assert status == 2
    total, status = run_import(scratch_cli, calib, tmp_path / "calib1.err")
    assert status == 0, (tmp_path / "calib1.err").read_text()
    per_person = max(total - startup, 0.01) / CALIBRATION_PEOPLE
    report: list[str] = []

    # What each iteration waits for before the kill (deterministic order, seeded).
    modes = ["random"] * (ITERATIONS - 7) + ["lock"] * 3 + ["commit"] * 2
    rng.shuffle(modes)
    modes = ["zero", *modes[: ITERATIONS // 2 - 1], "wait", *modes[ITERATIONS // 2 - 1 :]]
    assert len(modes) == ITERATIONS

    files: list[ImportFile] = []
    next_n = 0
    outcomes: Counter[str] = Counter()
    db = data / DB_NAME
    for it, mode in enumerate(modes):
        k = rng.randint(MIN_PEOPLE, MAX_PEOPLE)
        people = [crash_person(next_n + i) for i in range(k)]
        next_n += k
        expected = startup + per_person * k  # about when this import exits
        f = ImportFile(it, mode, people)
        files.append(f)
        path = write_json(tmp_path / f"import-{it}.json", people)
        before = record_count(db)

        start = time.perf_counter()
        proc = start_import(cli, path, tmp_path / f"import-{it}.err")
        if mode == "zero":
            pass  # killed at once: certainly before any acknowledgement
        elif mode == "random":
            phase = rng.random()
            if phase < 0.25:  # while starting up and unlocking
                time.sleep(rng.uniform(0.0, startup))
            elif phase < 0.8:  # around the import itself and its commit
                time.sleep(rng.uniform(0.9 * startup, 1.05 * expected))
            else:  # near the end or after it
                time.sleep(rng.uniform(0.95 * expected, 1.2 * expected))
        elif mode == "lock":
            # Once the process is seen holding the write lock, give it a random part of the
            # import's expected duration: the kill lands inside or just after its transactions.
            poll_until(proc, lambda: writer_active(db))
            time.sleep(rng.uniform(0.0, 1.1 * per_person * k))
        elif mode == "commit":
            # Kill the moment the import's records are visible: committed, acknowledgement racing.
            poll_until(proc, functools.partial(records_added, db, before))
        if mode != "wait" and proc.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(proc.pid, signal.SIGKILL)  # may still find it exited (not yet reaped)
        stdout, _ = proc.communicate(timeout=120)
        f.after = time.perf_counter() - start
        err = (tmp_path / f"import-{it}.err").read_text(encoding="utf-8", errors="replace")
        f.killed = proc.returncode == -signal.SIGKILL
        assert f.killed or proc.returncode == 0, (proc.returncode, err)
        assert mode != "wait" or not f.killed
        f.acked = acknowledgements(stdout)
        if not f.killed:
            assert len(f.acked) == k  # a process that exited acknowledged everyone
        added = record_count(db) - before
        assert added in (0, k), f"import {it}: {added} of {k} people stored"  # all or nothing
        f.committed = added == k
        assert f.committed or not f.acked
        if not f.killed:
            outcome = "finished before any kill"
        elif len(f.acked) == k:
            outcome = "killed after acknowledging all"
        elif f.acked:
            outcome = "killed while acknowledging"
        elif f.committed:
            outcome = "killed after the commit, before acknowledging"
        else:
            outcome = "killed before the commit"
        outcomes[outcome] += 1
        report.append(f"{it:3d} {mode:7s} K={k:3d} ended at {f.after:5.2f} s: {outcome}")

        if it % CHECK_EVERY == CHECK_EVERY - 1:
            check_database(db)
            check_acknowledged(data, files[-CHECK_EVERY:])

    # Shown with -s, and by pytest when a check below fails.
    print(f"\ncalibration: startup {startup:.2f} s, import of {CALIBRATION_PEOPLE} {total:.2f} s")
    print("\n".join(report))
    for name, count in sorted(outcomes.items()):
        print(f"{count:3d} {name}")

    check_store(data, files)

    # The test cannot pass vacuously: some kill beat the acknowledgement, some import was acked.
    assert any(f.killed and len(f.acked) < len(f.people) for f in files)
    assert any(f.acked for f in files)
