"""Tampering and damage: flipped bytes, swapped blobs, moved rows, a truncated database.

Each is detected with an error that names the record, and the other records still open.
"""

from __future__ import annotations

import re
import shutil
import sqlite3
from pathlib import Path

import pytest

from clinic.store.clinic import Clinic, RecordDamaged, StoreError
from tests.conftest import PASSPHRASE, Cli, make_clinic, person


def _people(data: Path, count: int, *, bulky: bool = False) -> list[str]:
    clinic = Clinic(data)
    session = clinic.unlock("admin", PASSPHRASE)
    ids: list[str] = []
    for n in range(count):
        extra = {"ead.explanation": ("synthetic explanation line\n" * 120)} if bulky else {}
        ids += session.import_people([person(n, **extra)]).record_ids
    clinic.close()
    return ids


def _sql(data: Path, statement: str, *params: object) -> list[tuple[object, ...]]:
    con = sqlite3.connect(data / "clinic.db")
    try:
        rows = con.execute(statement, params).fetchall()
        con.commit()
        return rows
    finally:
        con.close()


def _open_all(data: Path, ids: list[str]) -> tuple[list[str], dict[str, str]]:
    clinic = Clinic(data)
    session = clinic.unlock("admin", PASSPHRASE)
    ok, bad = [], {}
    for rid in ids:
        try:
            session.load(rid)
            ok.append(rid)
        except RecordDamaged as exc:
            assert exc.record_id == rid and rid in str(exc)
            bad[rid] = str(exc)
    clinic.close()
    return ok, bad


def test_flipped_byte_in_an_event(clinic_dir: Path) -> None:
    ids = _people(clinic_dir, 5)
    victim = ids[2]
    (blob,) = _sql(
        clinic_dir, "SELECT blob FROM events WHERE record_id=? AND type='answers_set'", victim
    )[0]
    assert isinstance(blob, bytes)
    flipped = bytearray(blob)
    flipped[len(flipped) // 2] ^= 0x40
    _sql(
        clinic_dir,
        "UPDATE events SET blob=? WHERE record_id=? AND type='answers_set'",
        bytes(flipped),
        victim,
    )
    ok, bad = _open_all(clinic_dir, ids)
    assert list(bad) == [victim] and "integrity check" in bad[victim]
    assert ok == [i for i in ids if i != victim]


def test_swapped_blobs_between_records(clinic_dir: Path) -> None:
    ids = _people(clinic_dir, 4)
    a, b = ids[0], ids[3]
    q = "SELECT blob FROM events WHERE record_id=? AND type='answers_set'"
    (blob_a,), (blob_b,) = _sql(clinic_dir, q, a)[0], _sql(clinic_dir, q, b)[0]
    u = "UPDATE events SET blob=? WHERE record_id=? AND type='answers_set'"
    _sql(clinic_dir, u, blob_b, a)
    _sql(clinic_dir, u, blob_a, b)
    ok, bad = _open_all(clinic_dir, ids)
    assert sorted(bad) == sorted([a, b])
    assert ok == [ids[1], ids[2]]


def test_swapped_blobs_within_one_record(clinic_dir: Path) -> None:
    ids = _people(clinic_dir, 2)
    rows = _sql(clinic_dir, "SELECT event_id, blob FROM events WHERE record_id=?", ids[1])
    (e1, b1), (e2, b2) = rows
    _sql(clinic_dir, "UPDATE events SET blob=? WHERE event_id=?", b2, e1)
    _sql(clinic_dir, "UPDATE events SET blob=? WHERE event_id=?", b1, e2)
    ok, bad = _open_all(clinic_dir, ids)
    assert list(bad) == [ids[1]] and ok == [ids[0]]


def test_clear_text_columns_must_match_the_sealed_body(clinic_dir: Path) -> None:
    ids = _people(clinic_dir, 2)
    _sql(
        clinic_dir,
        "UPDATE events SET clock = clock + 100 WHERE record_id=? AND type='created'",
        ids[0],
    )
    ok, bad = _open_all(clinic_dir, ids)
    assert list(bad) == [ids[0]] and "do not match" in bad[ids[0]]
    assert ok == [ids[1]]


def test_truncated_database_names_the_lost_records_and_opens_the_rest(tmp_path: Path) -> None:
    data = make_clinic(tmp_path / "clinic")
    ids = _people(data, 30, bulky=True)
    original = tmp_path / "original.db"
    shutil.copy(data / "clinic.db", original)
    size = original.stat().st_size
    for fraction in (0.85, 0.6):
        shutil.copy(original, data / "clinic.db")
        with open(data / "clinic.db", "r+b") as fh:
            fh.truncate(int(size * fraction) // 4096 * 4096)
        ok, bad = _open_all(data, ids)
        assert bad, "a truncation that loses pages must lose records"
        assert ok, "records on intact pages must still open"
        # the earliest records sit on the earliest pages: they survive
        assert ids[0] in ok
        for message in bad.values():
            assert message.startswith("record ")

        cli = Cli(data, tmp_path)
        listing = cli.run("intake", "list")
        assert listing.returncode == 2
        assert "damaged" in listing.stderr and "read-only" in listing.stderr
        for rid in bad:
            assert f"record {rid}" in listing.stderr
        assert len(re.findall(r"^[0-9a-f]{8}\s", listing.stdout, re.M)) == len(ok)
        shown = cli.run("intake", "export", ids[0])
        assert shown.returncode == 0 and '"a_number": "099000000"' in shown.stdout
        lost = cli.run("intake", "show", next(iter(bad)))
        assert lost.returncode == 2 and "Traceback" not in lost.stderr
        check = cli.run("check")
        assert check.returncode == 2 and "damaged" in check.stdout
        refused = cli.run("intake", "import", str(tmp_path / "x.json"))
        assert refused.returncode == 2
        # writes are refused, and nothing was written: the damaged file is unchanged
        assert (data / "clinic.db").stat().st_size == int(size * fraction) // 4096 * 4096


def test_a_damaged_clinic_refuses_writes(tmp_path: Path) -> None:
    data = make_clinic(tmp_path / "clinic")
    _people(data, 20, bulky=True)
    with open(data / "clinic.db", "r+b") as fh:
        fh.truncate((data / "clinic.db").stat().st_size // 2 // 4096 * 4096)
    clinic = Clinic(data)
    assert clinic.damaged
    session = clinic.unlock("admin", PASSPHRASE)
    with pytest.raises(StoreError, match="read-only"):
        session.import_people([person(99)])
    clinic.close()


def test_garbage_instead_of_a_database(tmp_path: Path) -> None:
    data = make_clinic(tmp_path / "clinic")
    (data / "clinic.db").write_bytes(b"\x00" * 8192)
    proc = Cli(data, tmp_path).run("intake", "list")
    assert proc.returncode == 2 and "clinic.db" in proc.stderr and "Traceback" not in proc.stderr
