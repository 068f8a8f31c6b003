"""Reports: daily counts from tallies, checked against numbers counted by hand; CSV, JSON and PDF
exports; and a canary that goes through the real store and never comes out in a report."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from clinic import clock
from clinic.core.review import review_record
from clinic.domain.events import EventType
from clinic.domain.rules import screen
from clinic.reports.counts import (
    BREAKDOWNS,
    METRICS,
    OTHER_STAFF,
    UNKNOWN,
    Counts,
    Report,
    TallySource,
    counts_for,
    daily_counts,
)
from clinic.reports.export import csv_columns, to_csv, to_json, to_pdf
from clinic.resources import policy
from clinic.store.clinic import Clinic, Session
from tests.conftest import PASSPHRASE, make_clinic, person

DAY = dt.date(2025, 3, 8)
BEFORE = "2025-03-07"
AFTER = "2025-03-09"
SITE_A = "Koreatown Saturday Clinic"
SITE_B = "코리아타운 토요 클리닉"
OF = "Day, site, language or volunteer"  # the CSV column naming each row


def t(record: str, type_: str, volunteer: str, **extra: Any) -> dict[str, Any]:
    """One tally as the store writes it (defaults: the day, site A, Korean)."""
    tally: dict[str, Any] = {
        "record": record,
        "type": type_,
        "volunteer": volunteer,
        "date": DAY.isoformat(),
        "site": SITE_A,
        "language": "ko",
    }
    tally.update(extra)
    return tally


def screened(
    record: str, volunteer: str, outcome: str, request_type: str, flags: list[str], **extra: Any
) -> dict[str, Any]:
    return t(
        record,
        "screened",
        volunteer,
        outcome=outcome,
        request_type=request_type,
        flags=sorted(flags),
        **extra,
    )


B = {"site": SITE_B}


def synthetic_day() -> list[dict[str, Any]]:
    """A clinic day of eight records, in stored order. The hand counts are in the tests."""
    return [
        # r1 (site A, ko): screened by jun, re-screened by ana (the last: attorney review, one
        # flag), packet by ana, returned by atty, packet again by ana, approved by atty
        t("r1", "created", "jun", kind="intake"),
        t("r1", "answers_set", "jun"),
        screened("r1", "jun", "likely_eligible", "renewal", []),
        screened("r1", "ana", "attorney_review", "renewal", ["travel_without_advance_parole"]),
        t("r1", "packet_built", "ana"),
        t("r1", "review_comment", "atty"),
        t("r1", "review_returned", "atty"),
        t("r1", "packet_built", "ana"),
        t("r1", "review_approved", "atty"),
        # r2 (site A, es): not eligible, initial, closed by ana
        t("r2", "created", "ana", kind="intake", language="es"),
        screened("r2", "ana", "not_eligible", "initial", ["removal_proceedings"], language="es"),
        t("r2", "closed", "ana", language="es"),
        # r3 (site B, en): an inquiry created by jun, logged again by ana (ana's is the last)
        t("r3", "created", "jun", kind="inquiry", language="en", **B),
        t("r3", "inquiry_logged", "ana", language="en", **B),
        # r4 (site B, ko): an inquiry logged by ana
        t("r4", "inquiry_logged", "ana", **B),
        # r5 (site B, ko): screened by jun, two flags, packet by jun
        t("r5", "created", "jun", kind="intake", **B),
        screened(
            "r5",
            "jun",
            "likely_eligible",
            "renewal",
            ["criminal_history", "travel_without_advance_parole"],
            **B,
        ),
        t("r5", "packet_built", "jun", **B),
        # r6: screened the day before; only an edit on the day (counts nothing)
        screened("r6", "jun", "attorney_review", "initial", ["detained"], date=BEFORE),
        t("r6", "answers_set", "jun"),
        # r7: screened and closed the day after
        screened("r7", "jun", "not_eligible", "initial", [], date=AFTER),
        t("r7", "closed", "jun", date=AFTER),
        # r8: an intake with a comment only (checked in: served, nothing else)
        t("r8", "created", "jun", kind="intake"),
        t("r8", "review_comment", "atty"),
    ]


def numbers(c: Counts) -> dict[str, int]:
    return {m: c.metric(m) for m in METRICS}


def plain(**given: int) -> dict[str, int]:
    return {m: given.get(m, 0) for m in METRICS}


@pytest.fixture
def report() -> Report:
    return daily_counts(synthetic_day(), DAY, DAY)


# -- counts -------------------------------------------------------------------------------------


def test_the_total_matches_the_hand_count(report: Report) -> None:
    total = report.total
    assert numbers(total) == plain(
        served=6,  # r1 to r5 and r8 (checked in, nothing else yet): each person once
        informed=2,  # r3, r4
        screened=3,  # r1, r2, r5 (r6 and r7 are outside the day)
        referred=1,  # r1's last screening
        packets_built=2,  # r1 (twice: one record), r5
        returned=1,  # r1
        approved=1,  # r1
        closed=1,  # r2
    )
    assert dict(total.by_outcome) == {"likely_eligible": 1, "attorney_review": 1, "not_eligible": 1}
    assert dict(total.by_request_type) == {"renewal": 2, "initial": 1}
    # r1's first screening had no flag; its last has one
    assert dict(total.flags) == {
        "criminal_history": 1,
        "removal_proceedings": 1,
        "travel_without_advance_parole": 2,
    }
    assert report.flag_codes() == [
        "criminal_history",
        "removal_proceedings",
        "travel_without_advance_parole",
    ]


def test_by_site_matches_the_hand_count(report: Report) -> None:
    rows = {key: numbers(c) for key, c in report.rows("site")}
    assert rows == {
        SITE_A: plain(
            served=3, screened=2, referred=1, packets_built=1, returned=1, approved=1, closed=1
        ),
        SITE_B: plain(served=3, informed=2, screened=1, packets_built=1),
    }
    site_b = dict(report.rows("site"))[SITE_B]
    assert dict(site_b.by_outcome) == {
        "likely_eligible": 1,
        "attorney_review": 0,
        "not_eligible": 0,
    }
    assert dict(site_b.flags) == {"criminal_history": 1, "travel_without_advance_parole": 1}


def test_by_language_matches_the_hand_count(report: Report) -> None:
    rows = {key: numbers(c) for key, c in report.rows("language")}
    assert rows == {
        "en": plain(served=1, informed=1),
        "es": plain(served=1, screened=1, closed=1),
        "ko": plain(
            served=4, informed=1, screened=2, referred=1, packets_built=2, returned=1, approved=1
        ),
    }
    assert dict(dict(report.rows("language"))["es"].by_request_type) == {"renewal": 0, "initial": 1}


def test_by_volunteer_credits_the_author_of_the_deciding_event(report: Report) -> None:
    rows = {key: numbers(c) for key, c in report.rows("volunteer")}
    assert rows == {
        # jun screened r1 first, but ana's re-screening is the one that counts; jun created the
        # r3 inquiry, but ana logged it last. The volunteers' work only: the attorney's return
        # and approval, and ana's closing, are not a volunteer's count (issue 16 point 9)
        "ana": plain(served=4, informed=2, screened=2, referred=1, packets_built=1),
        "jun": plain(served=3, screened=1, packets_built=1),  # checked in r1, r5, r8
    }


def test_only_volunteers_are_named_in_the_volunteer_breakdown() -> None:
    """Issue 16 point 9: an attorney, a coordinator or an admin who checks someone in or
    screens them is counted, in one row that names no one; a tally written before roles were
    kept names its author as before."""
    tallies = [
        t("p1", "created", "ana", role="volunteer"),
        screened("p1", "ana", "likely_eligible", "renewal", [], role="volunteer"),
        t("p2", "created", "kim", role="attorney"),
        screened("p2", "kim", "attorney_review", "renewal", [], role="attorney"),
        t("p3", "created", "boss", role="admin"),
        t("p4", "created", "old"),  # no role: an older laptop's tally
    ]
    report = daily_counts(tallies, DAY, DAY)
    rows = {key: numbers(c) for key, c in report.rows("volunteer")}
    assert rows == {
        OTHER_STAFF: plain(served=2, screened=1, referred=1),
        "ana": plain(served=1, screened=1),
        "old": plain(served=1),
    }
    assert sum(c.screened for _k, c in report.rows("volunteer")) == report.total.screened


def test_by_day_has_every_day_of_the_period() -> None:
    report = daily_counts(synthetic_day(), dt.date(2025, 3, 6), dt.date(2025, 3, 9))
    rows = {key: numbers(c) for key, c in report.rows("day")}
    assert list(rows) == ["2025-03-06", BEFORE, DAY.isoformat(), AFTER]
    assert rows["2025-03-06"] == plain()
    assert rows[BEFORE] == plain(served=1, screened=1, referred=1)  # r6
    assert rows[AFTER] == plain(served=1, screened=1, closed=1)  # r7
    assert rows[DAY.isoformat()] == numbers(daily_counts(synthetic_day(), DAY, DAY).total)
    assert report.total.screened == 5


def test_a_record_screened_on_two_days_counts_once_on_the_last() -> None:
    tallies = [
        screened("p", "jun", "attorney_review", "renewal", ["detained"], date=BEFORE),
        screened("p", "ana", "likely_eligible", "renewal", []),
    ]
    report = daily_counts(tallies, dt.date(2025, 3, 7), DAY)
    assert report.total.screened == 1
    assert report.total.referred == 0
    assert dict(report.total.flags) == {}
    assert [(k, c.screened) for k, c in report.rows("day")] == [(BEFORE, 0), (DAY.isoformat(), 1)]
    assert [k for k, _c in report.rows("volunteer")] == ["ana"]
    # given out of order, the later date still wins
    assert daily_counts(list(reversed(tallies)), dt.date(2025, 3, 7), DAY) == report


def test_a_tally_of_the_day_before_is_not_counted() -> None:
    before = [
        t("x", "created", "jun", kind="inquiry", date=BEFORE),
        screened("x", "jun", "attorney_review", "initial", ["detained"], date=BEFORE),
        t("x", "packet_built", "jun", date=BEFORE),
        t("x", "closed", "jun", date=BEFORE),
    ]
    report = daily_counts(before, DAY, DAY)
    assert report.total.is_empty()
    assert report.total == Counts()
    assert report.rows("site") == report.rows("language") == report.rows("volunteer") == []
    assert report.rows("day") == [(DAY.isoformat(), Counts())]
    with_day = daily_counts([*before, *synthetic_day()], DAY, DAY)
    assert with_day == daily_counts(synthetic_day(), DAY, DAY)


def test_every_breakdown_adds_up_to_the_total(report: Report) -> None:
    for breakdown in BREAKDOWNS:
        rows = report.rows(breakdown)
        # people served count once per row (a person served on two days is served each day);
        # the volunteer breakdown holds the volunteers' counts only
        metrics = [m for m in METRICS if m != "served"]
        if breakdown == "volunteer":
            metrics = ["informed", "screened", "referred", "packets_built"]
        for metric in metrics:
            assert sum(c.metric(metric) for _k, c in rows) == report.total.metric(metric)
        assert sum(c.served for _k, c in rows) >= report.total.served
        for outcome, n in report.total.by_outcome.items():
            assert sum(c.by_outcome[outcome] for _k, c in rows) == n
        for code, n in report.total.flags.items():
            assert sum(c.flags.get(code, 0) for _k, c in rows) == n
    assert sum(report.total.by_outcome.values()) == report.total.screened


def test_odd_tallies_are_ignored_or_marked_unknown() -> None:
    tallies: list[dict[str, Any]] = [
        {"type": "screened", "date": DAY.isoformat(), "outcome": "not_eligible"},  # no record
        {"record": "a", "type": "closed", "date": "not a date"},
        {"record": "b", "type": "closed", "date": DAY.isoformat()},  # no site/lang/volunteer
        {"record": "c", "type": "something_new", "date": DAY.isoformat(), "volunteer": "jun"},
    ]
    report = daily_counts(tallies, DAY, DAY)
    assert numbers(report.total) == plain(served=1, closed=1)
    assert [k for k, _c in report.rows("site")] == [UNKNOWN]
    assert [k for k, _c in report.rows("language")] == [UNKNOWN]
    assert report.rows("volunteer") == []  # closing is not a volunteer's count


def test_bad_arguments_are_refused(report: Report) -> None:
    with pytest.raises(ValueError, match="ends before it starts"):
        daily_counts([], DAY, DAY - dt.timedelta(days=1))
    with pytest.raises(ValueError, match="unknown breakdown"):
        report.rows("weekday")
    with pytest.raises(ValueError, match="unknown count"):
        report.total.metric("flags")


def test_reports_are_frozen(report: Report) -> None:
    with pytest.raises(AttributeError):
        report.total.screened = 9  # type: ignore[misc]
    with pytest.raises(TypeError):
        report.total.flags["detained"] = 1  # type: ignore[index]


# -- the real store -----------------------------------------------------------------------------


@pytest.fixture
def real_session(tmp_path: Path) -> Iterator[Session]:
    clinic = Clinic(make_clinic(tmp_path / "clinic"))
    try:
        yield clinic.unlock("admin", PASSPHRASE)
    finally:
        clinic.close()


def around_today() -> tuple[dt.date, dt.date]:
    """Yesterday to tomorrow in the test clinic's time zone (safe across midnight)."""
    today = clock.today("America/Los_Angeles")
    return today - dt.timedelta(days=1), today + dt.timedelta(days=1)


def test_counts_for_a_real_clinic(real_session: Session) -> None:
    source: TallySource = real_session  # the store's Session fits the protocol
    ids = real_session.import_people([person(1), person(2, language="es")]).record_ids
    determination = {
        "outcome": "attorney_review",
        "request_type": "renewal",
        "reasons": [],
        "flags": [{"code": "removal_proceedings", "message": "m", "citation": "c"}],
    }
    real_session.append_event(ids[0], EventType.SCREENED, {"determination": determination})
    first, last = around_today()

    report = counts_for(source, first, last)

    assert numbers(report.total) == plain(served=2, screened=1, referred=1)  # both checked in
    assert dict(report.total.by_request_type) == {"renewal": 1, "initial": 0}
    assert dict(report.total.flags) == {"removal_proceedings": 1}
    assert [(k, c.screened) for k, c in report.rows("site")] == [("Test Site", 1)]
    # the Spanish speaker checked in but not yet screened has a row: served, nothing else
    assert [(k, c.screened, c.served) for k, c in report.rows("language")] == [
        ("es", 0, 1),
        ("ko", 1, 1),
    ]
    # the admin's screening is staff work, not a volunteer's: one unnamed row (issue 16 point 9)
    assert [(k, c.referred) for k, c in report.rows("volunteer")] == [(OTHER_STAFF, 1)]
    assert sum(c.screened for _k, c in report.rows("day")) == 1
    assert len(report.rows("day")) == 3
    # the week before holds nothing
    assert counts_for(source, first - dt.timedelta(days=7), first - dt.timedelta(days=1)) == (
        daily_counts([], first - dt.timedelta(days=7), first - dt.timedelta(days=1))
    )


# -- exports ------------------------------------------------------------------------------------


def test_csv_parses_and_its_sums_match(report: Report) -> None:
    from clinic.reports.export import METRIC_LABELS

    text = to_csv(report)
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    header = csv_columns(report)
    assert list(rows[0]) == header
    assert header[:2] == ["Breakdown", OF]
    # words, never codes (issue 16 point 2): no "outcome:attorney_review", no "flag:..."
    assert "Screened: Needs attorney review" in header
    assert "Flag: travel without advance parole" in header
    codes = ("outcome:", "flag:", "request_type:")
    assert not [c for c in header if "_" in c or c.startswith(codes)]
    for row in rows:
        assert all(re.fullmatch(r"\d+", row[col]) for col in header[2:]), row
    total = rows[0]
    assert (total["Breakdown"], total[OF]) == ("Total", "")
    assert {m: int(total[METRIC_LABELS[m]]) for m in METRICS} == numbers(report.total)
    assert int(total["Screened: Does not appear to meet a DACA guideline, as answered"]) == 1
    assert int(total["Renewal requests"]) == 2
    assert int(total["Flag: travel without advance parole"]) == 2
    titles = {"day": "By day", "site": "By site", "language": "By language"}
    titles["volunteer"] = "By volunteer"
    skip = {METRIC_LABELS[m] for m in ("returned", "approved", "closed")}
    for breakdown in BREAKDOWNS:
        part = [r for r in rows if r["Breakdown"] == titles[breakdown]]
        assert len(part) == len(report.rows(breakdown))
        for col in header[2:]:
            if col == METRIC_LABELS["served"] or (breakdown == "volunteer" and col in skip):
                continue  # people served count in each row; not a volunteer's counts
            assert sum(int(r[col]) for r in part) == int(total[col]), (breakdown, col)
    assert {r[OF] for r in rows if r["Breakdown"] == "By site"} == {SITE_A, SITE_B}
    # a language by its name
    assert "Korean (한국어)" in {r[OF] for r in rows if r["Breakdown"] == "By language"}


def test_flags_are_named_in_words_in_the_csv_and_the_pdf(tmp_path: Path) -> None:
    """Issue 16 point 2: "flag: daca expired over one year" was the code with its underscores
    replaced; each flag has a short name a funder reads."""
    tallies = [
        screened("r1", "jun", "attorney_review", "initial", ["criminal_felony"]),
        screened("r2", "jun", "attorney_review", "initial", ["daca_expired_over_one_year"]),
    ]
    report = daily_counts(tallies, DAY, DAY)
    header = csv_columns(report)
    assert "Flag: felony" in header
    assert "Flag: DACA expired over one year ago" in header
    text = pdf_text(to_pdf(report, site_title=SITE_A), tmp_path)
    assert "Flag: felony" in text and "Flag: DACA expired over one year ago" in text
    assert "criminal felony" not in text and "daca expired" not in text


def test_every_flag_the_rules_raise_has_a_short_name() -> None:
    from clinic.domain.rule_texts import CITATIONS, en

    met_or_not = {"renewal_request", "initial_request", "arrived_under_16"}
    met_or_not |= {"born_on_or_after_1981_06_16", "continuous_residence", "present_2012_06_15"}
    met_or_not |= {"no_lawful_status_2012_06_15", "education_met", "renewal_guidelines"}
    met_or_not |= {"arrived_age_16_or_older", "born_before_1981_06_16", "under_15_at_filing"}
    met_or_not |= {"arrived_after_2007_06_15", "not_present_2012_06_15"}
    met_or_not |= {"lawful_status_2012_06_15"}
    flags = set(CITATIONS) - met_or_not
    assert flags - set(en.LABELS["flag"]) == set()


def test_csv_keys_never_run_as_formulas() -> None:
    report = daily_counts([t("r", "closed", "jun", site="=HYPERLINK(1)")], DAY, DAY)
    rows = list(csv.reader(io.StringIO(to_csv(report), newline="")))
    assert ["By site", "'=HYPERLINK(1)"] in [row[:2] for row in rows]


def test_json_round_trips_and_matches(report: Report) -> None:
    data = json.loads(json.dumps(to_json(report), ensure_ascii=False))
    assert data["period"] == {"from": "2025-03-08", "to": "2025-03-08"}
    assert data["total"]["screened"] == 3
    assert data["total"]["by_outcome"]["attorney_review"] == 1
    assert data["total"]["flags"]["travel_without_advance_parole"] == 2
    assert set(data["breakdowns"]) == set(BREAKDOWNS)
    sites = {row["key"]: row["counts"] for row in data["breakdowns"]["site"]}
    assert sites[SITE_B]["informed"] == 2
    for breakdown in BREAKDOWNS:
        assert sum(r["counts"]["packets_built"] for r in data["breakdowns"][breakdown]) == 2


def pdf_text(pdf: bytes, tmp_path: Path, name: str = "report.pdf") -> str:
    path = tmp_path / name
    path.write_bytes(pdf)
    return subprocess.run(
        ["pdftotext", "-layout", "-enc", "UTF-8", str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    ).stdout


def test_the_pdf_renders_title_totals_and_hangul(tmp_path: Path) -> None:
    report = daily_counts(synthetic_day(), dt.date(2025, 3, 7), DAY)
    pdf = to_pdf(report, site_title=SITE_B)
    assert pdf.startswith(b"%PDF")
    text = pdf_text(pdf, tmp_path)
    assert f"{SITE_B}: clinic counts" in text
    assert "Period: 2025-03-07 to 2025-03-08" in text
    assert re.search(r"Screened\s+4\b", text), text  # r1, r2, r5 and r6 (the day before)
    assert re.search(r"Referred to an attorney\s+2\b", text), text
    assert "Screened, referred and packets per day" in text
    assert "By site" in text and "By language" in text
    assert SITE_A in text
    assert "Korean (한국어)" in text
    # the volunteer breakdown the screen offers is in the PDF too, said for what it counts
    assert "By volunteer" in text and "Volunteers' work only" in text
    assert re.search(r"Total(\s+\d+){7}", text), text
    assert to_pdf(report, site_title=SITE_B) == pdf  # deterministic


def test_the_pdf_names_a_language_without_texts_here_by_its_english_name(
    tmp_path: Path,
) -> None:
    """A client who speaks Portuguese is "Portuguese" in the PDF, never "pt"."""
    day = [screened("r9", "ana", "attorney_review", "renewal", [], language="pt")]
    text = pdf_text(to_pdf(daily_counts(day, DAY, DAY), site_title="x"), tmp_path)
    assert "Portuguese" in text
    assert not re.search(r"^\s*pt\s", text, re.MULTILINE), text


def test_the_chart_by_language_reads_long_language_names_whole(tmp_path: Path) -> None:
    """Found in a user's walk: the chart's labels were cut at 18 letters ("Portuguese
    (portu…"). Page 1 (the chart's page, before the tables) reads the name whole."""
    langs = ["pt", "ko", "es", "en", "tl", "vi", "zh"]
    day = [
        screened(f"r{i}", "ana", "attorney_review", "renewal", [], language=code)
        for i, code in enumerate(langs)
    ]
    pdf = to_pdf(daily_counts(day, DAY, DAY), site_title="x", chart_by="language")
    # pypdf reads the chart's slanted labels as written (pdftotext scatters them)
    first = PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    assert "Screened, referred and packets by language" in first, first
    assert "Portuguese (português)" in first and "…" not in first, first


def test_the_pdf_of_an_empty_or_long_period_renders(tmp_path: Path) -> None:
    empty = to_pdf(daily_counts([], DAY, DAY), site_title="")
    assert "Clinic counts" in pdf_text(empty, tmp_path, "empty.pdf")
    year = daily_counts(synthetic_day(), dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    assert re.search(r"Screened\s+5\b", pdf_text(to_pdf(year, site_title="x"), tmp_path))


# -- the canary -----------------------------------------------------------------------------------

CANARY = "CNRYREPORTSQX"
CANARY_A_NUMBER = "087654329"


def test_no_personal_data_reaches_a_report(real_session: Session, tmp_path: Path) -> None:
    answers = person(
        7,
        **{
            "name.family": CANARY,
            "name.given": "Canarygiven",
            "a_number": f"A-{CANARY_A_NUMBER[:3]}-{CANARY_A_NUMBER[3:6]}-{CANARY_A_NUMBER[6:]}",
            "travel": [
                {
                    "departed": "2019-01-02",
                    "returned": "2019-01-20",
                    "reason": CANARY,
                    "advance_parole": False,
                }
            ],
        },
    )
    (record,) = real_session.import_people([answers, person(8)]).record_ids[:1]
    state = real_session.load(record)
    first, last = around_today()
    det = screen(state.answers, first, policy(), "en")
    real_session.append_event(record, EventType.SCREENED, {"determination": det.to_json()})
    real_session.append_event(record, EventType.PACKET_BUILT, {"packet_hash": "ab" * 32})
    review_record(real_session, record, "comment", text=f"{CANARY} {CANARY_A_NUMBER}")

    report = counts_for(real_session, first, last)
    assert report.total.screened == 1
    assert report.total.packets_built == 1
    assert dict(report.total.flags) == {f.code: 1 for f in det.flags}

    outputs = {
        "csv": to_csv(report),
        "json": json.dumps(to_json(report), ensure_ascii=False),
        "pdf": pdf_text(to_pdf(report, site_title="Test Site"), tmp_path),
        "repr": repr(report),
    }
    forms = [
        CANARY,
        CANARY.lower(),
        "Canarygiven",
        CANARY_A_NUMBER,
        CANARY_A_NUMBER.lstrip("0"),
        "087-654-329",
        "2001-03-04",
    ]
    for name, text in outputs.items():
        for form in forms:
            assert form.lower() not in text.lower(), (name, form)


def test_a_request_type_the_answers_have_not_settled_is_counted_as_not_known() -> None:
    """Found in a user's walk: a person finished with most answers missing was screened with
    the request type "not known yet", yet the counts put them under initial requests."""
    from clinic.domain.events import Event, EventType
    from clinic.domain.tally import tally_of
    from clinic.reports.counts import UNKNOWN

    det = {"outcome": "attorney_review", "request_type": "initial", "request_type_settled": False}
    event = Event(
        "e1",
        "r" * 32,
        EventType.SCREENED,
        5,
        "dev1",
        "ana",
        "2025-03-08T18:00:00+00:00",
        {"determination": det},
    )
    tally = tally_of(event, site=SITE_A, date=DAY.isoformat(), language="ko")
    assert tally["request_type"] == ""
    report = daily_counts([{**tally, "record": "r1"}], DAY, DAY)
    assert report.total.by_request_type.get(UNKNOWN) == 1
    assert report.total.by_request_type.get("initial", 0) == 0
    assert "Request type not known yet" in csv_columns(report)


def test_a_spanish_export_names_flags_in_spanish_and_its_pdf_headings_stay_apart(
    tmp_path: Path,
) -> None:
    """Found in a user's walk: a Spanish PDF for funders read "Alerta: felony" and its table
    headings ran together ("AtendidosInformados")."""
    tallies = [screened("r1", "jun", "attorney_review", "renewal", ["criminal_felony"])]
    report = daily_counts(tallies, DAY, DAY)
    assert "Alerta: delito grave" in csv_columns(report, "es")
    assert "표시: 중범죄" in csv_columns(report, "ko")
    text = pdf_text(to_pdf(report, site_title=SITE_A, lang="es"), tmp_path)
    assert "Alerta: delito grave" in text, text
    assert "AtendidosInformados" not in text and "DevueltosAprobados" not in text, text
