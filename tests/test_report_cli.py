"""`clinic report daily`: CSV, XLSX (numbers, one sheet per breakdown), PDF and JSON from a
laptop and across the organization; midnight in the clinic's time zone; no personal data."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

import clinic.store.clinic as store_mod
from clinic import clock
from clinic.domain.events import EventType
from clinic.reports.counts import counts_for
from clinic.store.clinic import Clinic, Session
from clinic.sync.client import SyncClient
from tests.conftest import PASSPHRASE, Cli, person
from tests.sync_fixture import Org

DET = {"outcome": "attorney_review", "request_type": "renewal", "flags": [{"code": "travel"}]}
CANARY = "Zqxreportcanary"


def screen(session: Session, record_id: str, det: dict[str, Any] = DET) -> None:
    session.append_event(record_id, EventType.SCREENED, {"determination": det})


def at(monkeypatch: pytest.MonkeyPatch, instant: str) -> None:
    """Stop the one clock at ``instant`` for the rest of the test."""
    monkeypatch.setattr(clock, "_clock", clock.FixedClock(clock.parse_moment(instant)))


def test_midnight_counts_on_the_clinics_own_day(
    session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The test clinic is in America/Los_Angeles (UTC-8 in November)."""
    at(monkeypatch, "2026-11-21T07:59:00+00:00")  # 23:59 on Nov 20 in Los Angeles
    [late] = session.import_people([person(1)]).record_ids
    screen(session, late)
    at(monkeypatch, "2026-11-21T08:01:00+00:00")  # 00:01 on Nov 21
    [early] = session.import_people([person(2)]).record_ids
    screen(session, early)
    import datetime as dt

    report = counts_for(session, dt.date(2026, 11, 20), dt.date(2026, 11, 21))
    days = dict(report.by_day)
    assert days["2026-11-20"].screened == 1 and days["2026-11-21"].screened == 1
    only_21 = counts_for(session, dt.date(2026, 11, 21), dt.date(2026, 11, 21))
    assert only_21.total.screened == 1


def test_the_report_day_defaults_to_the_clinics_today(cli: Cli, tmp_path: Path) -> None:
    """At 07:30 UTC on Nov 21 it is still Nov 20 in the clinic (Los Angeles): the report with no
    --date is Nov 20's, whatever the machine's own zone or date."""
    cli.ok(
        "init",
        "--site",
        "S",
        "--admin",
        "admin",
        "--kdf-seconds",
        "0.002",
        "--timezone",
        "America/Los_Angeles",
    )
    session = Clinic(cli.data).unlock("admin", cli.env()["CLINIC_PASSPHRASE"])
    with clock.use(clock.FixedClock(clock.parse_moment("2026-11-21T07:30:00+00:00"))):
        [rid] = session.import_people([person(1)]).record_ids
        screen(session, rid)
    out = tmp_path / "r.json"
    late = {"CLINIC_CLOCK": "2026-11-21T07:30:00+00:00", "TZ": "Asia/Seoul"}
    done = cli.ok("report", "daily", "--format", "json", "--out", str(out), **late)
    assert "1 screened" in done.stdout
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["period"] == {"from": "2026-11-20", "to": "2026-11-20"}
    assert report["total"]["screened"] == 1


def test_report_daily_in_every_format_without_personal_data(cli: Cli, tmp_path: Path) -> None:
    cli.ok("init", "--site", "한인 Saturday Clinic", "--admin", "admin", "--kdf-seconds", "0.002")
    session = Clinic(cli.data).unlock("admin", cli.env()["CLINIC_PASSPHRASE"])
    ids = session.import_people(
        [person(1, **{"name.family": CANARY}), person(2), person(3)]
    ).record_ids
    for rid in ids[:2]:
        screen(session, rid)
    session.log_inquiry("es", "travel")
    today = store_mod.now_utc()[:10]
    import datetime as dt

    local_today = session._local_date(store_mod.now_utc())
    outs: dict[str, bytes] = {}
    for fmt in ("csv", "xlsx", "pdf", "json"):
        out = tmp_path / f"r.{fmt}"
        done = cli.ok("report", "daily", "--date", local_today, "--format", fmt, "--out", str(out))
        assert "2 screened" in done.stdout and "1 informed" in done.stdout
        outs[fmt] = out.read_bytes()
    assert json.loads(outs["json"])["total"]["screened"] == 2
    # XLSX: a sheet per breakdown, numbers as numbers
    book = load_workbook(io.BytesIO(outs["xlsx"]))
    assert book.sheetnames == ["Total", "By day", "By site", "By language", "By volunteer"]
    site = book["By site"]
    header = [c.value for c in site[1]]
    row = [c.value for c in site[2]]
    assert row[0] == "한인 Saturday Clinic"
    screened = header.index("Screened")  # columns in words
    assert row[screened] == 2 and isinstance(row[screened], int)
    assert book["By language"].max_row >= 2
    # no export holds a name or a number of a person
    texts = [outs["csv"], outs["json"], outs["pdf"]]
    with zipfile.ZipFile(io.BytesIO(outs["xlsx"])) as z:
        texts += [z.read(n) for n in z.namelist()]
    p = person(1)
    for blob in texts:
        assert CANARY.encode() not in blob and p["a_number"].encode() not in blob
    assert today and dt.date.fromisoformat(local_today)
    bad = cli.run("report", "daily", "--date", "2026-11-22", "--to", "2026-11-21", "--out", "x")
    assert bad.returncode == 2 and "--to" in bad.stderr
    # no --format: the file's name says it (a "PDF" is a PDF), or the report is refused
    named = tmp_path / "day.pdf"
    cli.ok("report", "daily", "--date", local_today, "--out", str(named))
    assert named.read_bytes().startswith(b"%PDF-")
    unnamed = cli.run("report", "daily", "--date", local_today, "--out", str(tmp_path / "day"))
    assert unnamed.returncode == 2 and "--format" in unnamed.stderr
    assert not (tmp_path / "day").exists()


def test_two_laptops_synced_to_one_server_give_the_sum(org: Org, tmp_path: Path) -> None:
    import datetime as dt

    a = org.device(tmp_path / "a", "volunteer")
    b = org.device(tmp_path / "b", "volunteer")
    coord = org.device(tmp_path / "coord", "coordinator", org_key=True)
    for session, people in ((a, [1, 2, 3]), (b, [4, 5])):
        ids = session.import_people([person(n) for n in people]).record_ids
        for rid in ids:
            screen(session, rid)
        SyncClient(session).sync()
    day = a._local_date(store_mod.now_utc())
    first = dt.date.fromisoformat(day)
    mine = counts_for(a, first, first).total.screened + counts_for(b, first, first).total.screened
    from clinic.reports.counts import daily_counts

    org_wide = daily_counts(SyncClient(coord).tallies(None, day, day), first, first)
    assert org_wide.total.screened == mine == 5
    # flags are counted on each laptop; the server never holds one tied to a record id
    assert dict(org_wide.total.flags) == {}
    assert counts_for(a, first, first).total.flags["travel"] >= 1
    # the same through the command, as a coordinator's laptop runs it
    import os
    import subprocess
    import sys

    from tests.conftest import ROOT

    out = tmp_path / "org.csv"
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "clinic",
            "report",
            "daily",
            "--data",
            str(tmp_path / "coord"),
            "--date",
            day,
            "--server",
            org.server.url,
            "--out",
            str(out),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        env={**os.environ, "CLINIC_USER": "admin", "CLINIC_PASSPHRASE": PASSPHRASE},
    )
    assert proc.returncode == 0, proc.stderr
    assert "5 screened" in proc.stdout
    # a volunteer's laptop may not read the organization's counts
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "clinic",
            "report",
            "daily",
            "--data",
            str(tmp_path / "a"),
            "--date",
            day,
            "--server",
            org.server.url,
            "--out",
            str(out),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        env={**os.environ, "CLINIC_USER": "admin", "CLINIC_PASSPHRASE": PASSPHRASE},
    )
    # (refused before anything is sent: only a user who keeps the org key signs the request)
    assert proc.returncode == 2 and "keeps the organization's key" in proc.stderr
    assert coord is not None


def test_report_daily_speaks_the_staff_language_and_names_languages(
    cli: Cli, tmp_path: Path
) -> None:
    """Found in a user's walk: the Counts screen said "Portuguese (português)" and "Other
    staff" in the coordinator's language, while every export said "Portuguese" and English
    words. Now CSV, XLSX and PDF name a language as the screen does and speak ``--lang``."""
    import csv

    from tests.test_reports import pdf_text

    cli.ok("init", "--site", "S", "--admin", "admin", "--kdf-seconds", "0.002")
    session = Clinic(cli.data).unlock("admin", cli.env()["CLINIC_PASSPHRASE"])
    ids = session.import_people([person(1, language="pt"), person(2)]).record_ids
    for rid in ids:
        screen(session, rid)
    day = session._local_date(store_mod.now_utc())
    english = tmp_path / "en.csv"
    cli.ok("report", "daily", "--date", day, "--out", str(english))
    rows = list(csv.reader(io.StringIO(english.read_text(encoding="utf-8-sig"))))
    assert rows[0][:3] == ["Breakdown", "Day, site, language or volunteer", "People served"]
    languages = {r[1] for r in rows if r[0] == "By language"}
    assert "Portuguese (português)" in languages and "Korean (한국어)" in languages, languages
    korean = tmp_path / "ko.csv"
    cli.ok("report", "daily", "--date", day, "--lang", "ko", "--out", str(korean))
    rows = list(csv.reader(io.StringIO(korean.read_text(encoding="utf-8-sig"))))
    assert (
        rows[0][:3] == ["구분", "날짜, 장소, 언어 또는 자원봉사자", "도움받은 사람"]
        and rows[1][0] == "합계"
    )
    languages = {r[1] for r in rows if r[0] == "언어별"}
    assert any(name.endswith("(português)") and "Portuguese" not in name for name in languages)
    assert "선별: 변호사 검토 필요" in rows[0]  # an outcome by its Korean name
    book = load_workbook(io.BytesIO(_export(cli, day, tmp_path / "es.xlsx", "es")))
    assert book.sheetnames == ["Total", "Por día", "Por sede", "Por idioma", "Por voluntario"]
    pdf = pdf_text(_export(cli, day, tmp_path / "es.pdf", "es"), tmp_path)
    assert "S: conteos de la clínica" in pdf and "Personas atendidas" in pdf, pdf
    assert "Portugués (português)" in pdf and "People served" not in pdf, pdf


def _export(cli: Cli, day: str, out: Path, lang: str) -> bytes:
    cli.ok("report", "daily", "--date", day, "--lang", lang, "--out", str(out))
    return out.read_bytes()
