"""The screening rules: table-driven scenarios for every guideline, flag and date boundary.

Each scenario starts from a clean renewal or a clean initial request and changes a few answers;
the expected outcome, request type and the codes that must (and must not) appear are spelled out.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import pytest

from clinic.domain.answers import normalize_answers
from clinic.domain.rules import (
    ATTORNEY_REVIEW,
    INITIAL,
    LIKELY_ELIGIBLE,
    NOT_ELIGIBLE,
    RENEWAL,
    add_years,
    age_on,
    birthday,
    request_type,
    screen,
)
from clinic.resources import policy

ON = dt.date(2026, 11, 21)
SAFE = {
    "safety.terrorism": False,
    "safety.gang": False,
    "safety.torture_genocide_trafficking": False,
    "safety.killing": False,
    "safety.severe_injury": False,
    "safety.forced_sexual_contact": False,
    "safety.child_soldier_recruit": False,
    "safety.child_soldier_use": False,
}
RENEWAL_BASE: dict[str, Any] = {
    "dob": "1998-05-10",
    "language": "en",
    "daca.ever_granted": True,
    "daca.expires": "2027-04-01",  # window 2026-11-02 .. 2026-12-02: ON is inside
    "daca.terminated": False,
    "removal.status": "never",
    "detention.current": False,
    "residence.country": "United States",
    "residence.continuous_since_2007": True,
    "arrival.last_date": "2005-03-01",
    "departure.without_parole_since_2012_08_15": False,
    "travel": [],
    "criminal": [],
    **SAFE,
}
INITIAL_BASE: dict[str, Any] = {
    "dob": "2003-02-10",
    "language": "es",
    "daca.ever_granted": False,
    "arrival.date": "2006-09-01",
    "arrival.before_age_16": True,
    "arrival.last_date": "2006-09-01",
    "residence.country": "Estados Unidos",
    "departure.without_parole_since_2012_08_15": False,
    "residence.continuous_since_2007": True,
    "presence.2012_06_15": True,
    "status.lawful_on_2012_06_15": False,
    "education.status": "high_school_diploma",
    "removal.status": "never",
    "detention.current": False,
    "travel": [],
    "criminal": [],
    **SAFE,
}
# On a date when initial requests were decided (2021-01-15), a clean initial request is "likely".
DECIDED_DAY = dt.date(2021, 1, 15)


@dataclass
class Case:
    name: str
    base: dict[str, Any]
    changes: dict[str, Any]
    outcome: str
    rtype: str
    has: tuple[str, ...] = ()
    lacks: tuple[str, ...] = ()
    on: dt.date = ON
    drop: tuple[str, ...] = field(default=())


def crime(level: str, outcome: str = "convicted", date: str = "2019-03-03") -> dict[str, str]:
    return {"date": date, "offense": "synthetic offense", "level": level, "outcome": outcome}


def trip(
    parole: bool | None, departed: str = "2018-07-01", returned: str = "2018-07-20"
) -> dict[str, Any]:
    t: dict[str, Any] = {"departed": departed, "returned": returned, "reason": "family visit"}
    if parole is not None:
        t["advance_parole"] = parole
    return t


CASES = [
    # -- renewals and the filing window ---------------------------------------------------------
    Case(
        "clean renewal in window",
        RENEWAL_BASE,
        {},
        LIKELY_ELIGIBLE,
        RENEWAL,
        ("renewal_request", "renewal_guidelines"),
    ),
    Case(
        "window opens exactly today",
        RENEWAL_BASE,
        {"daca.expires": "2027-04-20"},
        LIKELY_ELIGIBLE,
        RENEWAL,
        lacks=("renewal_before_window",),
    ),
    Case(
        "one day before the window opens",
        RENEWAL_BASE,
        {"daca.expires": "2027-04-21"},
        ATTORNEY_REVIEW,
        RENEWAL,
        ("renewal_before_window",),
    ),
    Case(
        "window closes exactly today",
        RENEWAL_BASE,
        {"daca.expires": "2027-03-21"},
        LIKELY_ELIGIBLE,
        RENEWAL,
        lacks=("renewal_after_window",),
    ),
    Case(
        "one day after the window closes",
        RENEWAL_BASE,
        {"daca.expires": "2027-03-20"},
        LIKELY_ELIGIBLE,
        RENEWAL,
        ("renewal_after_window",),
    ),
    Case(
        "expires today",
        RENEWAL_BASE,
        {"daca.expires": "2026-11-21"},
        LIKELY_ELIGIBLE,
        RENEWAL,
        lacks=("daca_lapsed",),
    ),
    Case(
        "expired yesterday: lapsed",
        RENEWAL_BASE,
        {"daca.expires": "2026-11-20"},
        ATTORNEY_REVIEW,
        RENEWAL,
        ("daca_lapsed",),
    ),
    Case(
        "expired exactly one year ago: still renewal",
        RENEWAL_BASE,
        {"daca.expires": "2025-11-21"},
        ATTORNEY_REVIEW,
        RENEWAL,
        ("daca_lapsed",),
    ),
    Case(
        "expired one year and a day ago: initial",
        RENEWAL_BASE,
        {"daca.expires": "2025-11-20"},
        ATTORNEY_REVIEW,
        INITIAL,
        ("daca_expired_over_one_year", "initial_not_decided"),
    ),
    Case(
        "terminated DACA is initial",
        RENEWAL_BASE,
        {"daca.terminated": True},
        ATTORNEY_REVIEW,
        INITIAL,
        ("daca_terminated",),
    ),
    Case(
        "renewal far too early",
        RENEWAL_BASE,
        {"daca.expires": "2028-01-01"},
        ATTORNEY_REVIEW,
        RENEWAL,
        ("renewal_before_window",),
    ),
    # -- red flags on renewals ------------------------------------------------------------------
    Case(
        "an infraction is still criminal history",
        RENEWAL_BASE,
        {"criminal": [crime("infraction", "dismissed")]},
        ATTORNEY_REVIEW,
        RENEWAL,
        ("criminal_history",),
    ),
    Case(
        "felony",
        RENEWAL_BASE,
        {"criminal": [crime("felony")]},
        ATTORNEY_REVIEW,
        RENEWAL,
        ("criminal_history", "criminal_felony"),
    ),
    Case(
        "significant misdemeanor",
        RENEWAL_BASE,
        {"criminal": [crime("significant_misdemeanor")]},
        ATTORNEY_REVIEW,
        RENEWAL,
        ("criminal_significant_misdemeanor",),
    ),
    Case(
        "two misdemeanors",
        RENEWAL_BASE,
        {"criminal": [crime("misdemeanor")] * 2},
        ATTORNEY_REVIEW,
        RENEWAL,
        ("criminal_history",),
        ("criminal_three_misdemeanors",),
    ),
    Case(
        "three misdemeanors on three days",
        RENEWAL_BASE,
        {
            "criminal": [
                crime("misdemeanor", date=d) for d in ("2019-03-03", "2020-01-05", "2021-07-07")
            ]
        },
        ATTORNEY_REVIEW,
        RENEWAL,
        ("criminal_three_misdemeanors",),
    ),
    Case(
        "pending case",
        RENEWAL_BASE,
        {"criminal": [crime("misdemeanor", "pending")]},
        ATTORNEY_REVIEW,
        RENEWAL,
        ("criminal_pending",),
    ),
    Case(
        "arrest only, juvenile",
        RENEWAL_BASE,
        {"criminal": [crime("juvenile", "arrest_only")]},
        ATTORNEY_REVIEW,
        RENEWAL,
        ("criminal_history",),
    ),
    Case(
        "active removal proceedings",
        RENEWAL_BASE,
        {"removal.status": "active"},
        ATTORNEY_REVIEW,
        RENEWAL,
        ("removal_proceedings",),
        ("removal_order",),
    ),
    Case(
        "administratively closed",
        RENEWAL_BASE,
        {"removal.status": "administratively_closed"},
        ATTORNEY_REVIEW,
        RENEWAL,
        ("removal_proceedings",),
    ),
    Case(
        "terminated proceedings",
        RENEWAL_BASE,
        {"removal.status": "terminated"},
        ATTORNEY_REVIEW,
        RENEWAL,
        ("removal_proceedings",),
    ),
    Case(
        "final order",
        RENEWAL_BASE,
        {"removal.status": "final_order"},
        ATTORNEY_REVIEW,
        RENEWAL,
        ("removal_proceedings", "removal_order"),
    ),
    Case(
        "voluntary departure",
        RENEWAL_BASE,
        {"removal.status": "voluntary_departure"},
        ATTORNEY_REVIEW,
        RENEWAL,
        ("removal_order",),
    ),
    Case(
        "detained now",
        RENEWAL_BASE,
        {"detention.current": True},
        ATTORNEY_REVIEW,
        RENEWAL,
        ("detained",),
    ),
    Case(
        "trip without advance parole",
        RENEWAL_BASE,
        {"travel": [trip(False)]},
        ATTORNEY_REVIEW,
        RENEWAL,
        ("travel_without_advance_parole",),
    ),
    Case(
        "a departure without parole reported but not listed",
        RENEWAL_BASE,
        {"departure.without_parole_since_2012_08_15": True},
        ATTORNEY_REVIEW,
        RENEWAL,
        ("travel_without_advance_parole",),
    ),
    Case(
        "trip with advance parole is a notice only",
        RENEWAL_BASE,
        {"travel": [trip(True)]},
        LIKELY_ELIGIBLE,
        RENEWAL,
        ("travel_with_advance_parole",),
        ("travel_without_advance_parole",),
    ),
    Case(
        "trip with parole unanswered",
        RENEWAL_BASE,
        {"travel": [trip(None)]},
        ATTORNEY_REVIEW,
        RENEWAL,
        ("missing_facts",),
    ),
    Case(
        "trip returning before it departs",
        RENEWAL_BASE,
        {"travel": [trip(True, "2019-05-05", "2019-05-01")]},
        ATTORNEY_REVIEW,
        RENEWAL,
        ("contradiction",),
    ),
    Case(
        "gang question yes",
        RENEWAL_BASE,
        {"safety.gang": True},
        ATTORNEY_REVIEW,
        RENEWAL,
        ("public_safety",),
    ),
    Case(
        "child soldier question yes",
        RENEWAL_BASE,
        {"safety.child_soldier_use": True},
        ATTORNEY_REVIEW,
        RENEWAL,
        ("public_safety",),
    ),
    Case(
        "safety unanswered",
        RENEWAL_BASE,
        {},
        ATTORNEY_REVIEW,
        RENEWAL,
        ("missing_facts",),
        drop=("safety.killing",),
    ),
    Case(
        "criminal history unanswered",
        RENEWAL_BASE,
        {},
        ATTORNEY_REVIEW,
        RENEWAL,
        ("missing_facts",),
        drop=("criminal",),
    ),
    Case(
        "expiry unanswered",
        RENEWAL_BASE,
        {},
        ATTORNEY_REVIEW,
        INITIAL,
        ("missing_facts",),
        drop=("daca.expires",),
    ),
    Case(
        "renewal but born before 1981-06-16 contradicts the grant",
        RENEWAL_BASE,
        {"dob": "1981-06-15"},
        ATTORNEY_REVIEW,
        RENEWAL,
        ("contradiction",),
    ),
    Case(
        "stated renewal contradicting an old expiry",
        RENEWAL_BASE,
        {"request.type": "renewal", "daca.expires": "2023-01-01"},
        ATTORNEY_REVIEW,
        INITIAL,
        ("contradiction",),
    ),
    Case(
        "never granted but an expiry given",
        INITIAL_BASE,
        {"daca.expires": "2026-01-01"},
        ATTORNEY_REVIEW,
        INITIAL,
        ("contradiction",),
    ),
    # -- initial requests and the guidelines ----------------------------------------------------
    Case(
        "clean initial while initials are not decided",
        INITIAL_BASE,
        {},
        ATTORNEY_REVIEW,
        INITIAL,
        ("initial_not_decided", "arrived_under_16", "education_met"),
    ),
    Case(
        "clean initial when initials were decided",
        INITIAL_BASE,
        {},
        LIKELY_ELIGIBLE,
        INITIAL,
        (
            "arrived_under_16",
            "continuous_residence",
            "present_2012_06_15",
            "no_lawful_status_2012_06_15",
        ),
        ("initial_not_decided",),
        on=DECIDED_DAY,
    ),
    Case(
        "initials not accepted in 2018",
        INITIAL_BASE,
        {},
        ATTORNEY_REVIEW,
        INITIAL,
        ("initial_not_accepted",),
        on=dt.date(2018, 3, 1),
    ),
    Case(
        "arrived at 15 but after 2007",
        INITIAL_BASE,
        {
            "arrival.date": "2019-02-09",
            "residence.continuous_since_2007": False,
            "presence.2012_06_15": False,
        },
        NOT_ELIGIBLE,
        INITIAL,
        ("arrived_after_2007_06_15", "not_present_2012_06_15", "arrived_under_16"),
        on=DECIDED_DAY,
    ),
    Case(
        "arrived at 15 after 2007 but says present in 2012",
        INITIAL_BASE,
        {"arrival.date": "2019-02-09"},
        ATTORNEY_REVIEW,
        INITIAL,
        ("contradiction",),
        on=DECIDED_DAY,
    ),
    Case(
        "arrival on the 16th birthday is 16",
        INITIAL_BASE,
        {"dob": "1990-03-01", "arrival.date": "2006-03-01", "arrival.before_age_16": False},
        NOT_ELIGIBLE,
        INITIAL,
        ("arrived_age_16_or_older",),
        on=DECIDED_DAY,
    ),
    Case(
        "arrival the day before the 16th birthday is 15",
        INITIAL_BASE,
        {"dob": "1990-03-01", "arrival.date": "2006-02-28"},
        LIKELY_ELIGIBLE,
        INITIAL,
        ("arrived_under_16",),
        on=DECIDED_DAY,
    ),
    Case(
        "born exactly 1981-06-16",
        INITIAL_BASE,
        {"dob": "1981-06-16", "arrival.date": "1990-01-01"},
        LIKELY_ELIGIBLE,
        INITIAL,
        ("born_on_or_after_1981_06_16",),
        on=DECIDED_DAY,
    ),
    Case(
        "born 1981-06-15",
        INITIAL_BASE,
        {"dob": "1981-06-15", "arrival.date": "1990-01-01"},
        NOT_ELIGIBLE,
        INITIAL,
        ("born_before_1981_06_16",),
        on=DECIDED_DAY,
    ),
    Case(
        "arrived 2007-06-15 exactly",
        INITIAL_BASE,
        {"arrival.date": "2007-06-15"},
        LIKELY_ELIGIBLE,
        INITIAL,
        ("continuous_residence",),
        on=DECIDED_DAY,
    ),
    Case(
        "arrived 2007-06-16, residence answered no",
        INITIAL_BASE,
        {"arrival.date": "2007-06-16", "residence.continuous_since_2007": False},
        NOT_ELIGIBLE,
        INITIAL,
        ("arrived_after_2007_06_15",),
        on=DECIDED_DAY,
    ),
    Case(
        "arrived 2007-06-16, residence answered yes",
        INITIAL_BASE,
        {"arrival.date": "2007-06-16"},
        ATTORNEY_REVIEW,
        INITIAL,
        ("contradiction",),
        on=DECIDED_DAY,
    ),
    Case(
        "not present on 2012-06-15, away on a listed trip",
        INITIAL_BASE,
        {"presence.2012_06_15": False, "travel": [trip(False, "2012-06-01", "2012-07-01")]},
        NOT_ELIGIBLE,
        INITIAL,
        ("not_present_2012_06_15", "absence_before_2012_08_15"),
        on=DECIDED_DAY,
    ),
    Case(
        "lawful status on 2012-06-15",
        INITIAL_BASE,
        {"status.lawful_on_2012_06_15": True},
        NOT_ELIGIBLE,
        INITIAL,
        ("lawful_status_2012_06_15",),
        on=DECIDED_DAY,
    ),
    Case(
        "residence not continuous",
        INITIAL_BASE,
        {"residence.continuous_since_2007": False},
        ATTORNEY_REVIEW,
        INITIAL,
        ("continuous_residence_not_confirmed",),
        on=DECIDED_DAY,
    ),
    Case(
        "no education",
        INITIAL_BASE,
        {"education.status": "none"},
        ATTORNEY_REVIEW,
        INITIAL,
        ("education_not_met",),
        on=DECIDED_DAY,
    ),
    Case(
        "GED",
        INITIAL_BASE,
        {"education.status": "ged"},
        LIKELY_ELIGIBLE,
        INITIAL,
        ("education_met",),
        on=DECIDED_DAY,
    ),
    Case(
        "veteran",
        INITIAL_BASE,
        {
            "education.status": "honorably_discharged_veteran",
            "military.served": True,
            "military.discharge_type": "honorable",
        },
        LIKELY_ELIGIBLE,
        INITIAL,
        ("education_met",),
        on=DECIDED_DAY,
    ),
    Case(
        "education unanswered",
        INITIAL_BASE,
        {},
        ATTORNEY_REVIEW,
        INITIAL,
        ("missing_facts",),
        drop=("education.status",),
        on=DECIDED_DAY,
    ),
    Case(
        "arrival unanswered",
        INITIAL_BASE,
        {},
        ATTORNEY_REVIEW,
        INITIAL,
        ("missing_facts",),
        drop=("arrival.date",),
        on=DECIDED_DAY,
    ),
    Case(
        "dob unanswered",
        INITIAL_BASE,
        {},
        ATTORNEY_REVIEW,
        INITIAL,
        ("missing_facts",),
        drop=("dob",),
        on=DECIDED_DAY,
    ),
    Case(
        "under 15 and not in proceedings",
        INITIAL_BASE,
        {"dob": "2006-01-20", "arrival.date": "2007-01-01"},
        NOT_ELIGIBLE,
        INITIAL,
        ("under_15_at_filing",),
        on=dt.date(2021, 1, 19),
    ),
    Case(
        "15th birthday today",
        INITIAL_BASE,
        {"dob": "2006-01-15", "arrival.date": "2007-01-01"},
        LIKELY_ELIGIBLE,
        INITIAL,
        lacks=("under_15_at_filing",),
        on=DECIDED_DAY,
    ),
    Case(
        "under 15 but in removal proceedings",
        INITIAL_BASE,
        {"dob": "2006-01-20", "arrival.date": "2007-01-01", "removal.status": "active"},
        ATTORNEY_REVIEW,
        INITIAL,
        ("removal_proceedings",),
        ("under_15_at_filing",),
        on=dt.date(2021, 1, 19),
    ),
    Case(
        "arrival before birth",
        INITIAL_BASE,
        {"arrival.date": "2001-01-01"},
        ATTORNEY_REVIEW,
        INITIAL,
        ("contradiction",),
        on=DECIDED_DAY,
    ),
    Case(
        "born after the evaluation date",
        INITIAL_BASE,
        {"dob": "2027-01-01", "arrival.date": "2027-02-01"},
        ATTORNEY_REVIEW,
        INITIAL,
        ("contradiction",),
    ),
    Case(
        "leap-day birth: a doubtful age beats a plain bar",
        INITIAL_BASE,
        {"dob": "1992-02-29", "arrival.date": "2008-02-28"},
        ATTORNEY_REVIEW,
        INITIAL,
        ("leap_day_birthday", "arrived_after_2007_06_15"),
        on=DECIDED_DAY,
    ),
    Case(
        "leap-day birth arriving the day before the 16th birthday",
        INITIAL_BASE,
        {"dob": "1988-02-29", "arrival.date": "2004-02-28"},
        ATTORNEY_REVIEW,
        INITIAL,
        ("leap_day_birthday", "arrived_under_16"),
        on=DECIDED_DAY,
    ),
    Case(
        "leap-day birth: 15th birthday is March 1 in a common year",
        INITIAL_BASE,
        {"dob": "2004-02-29", "arrival.date": "2005-01-01"},
        ATTORNEY_REVIEW,
        INITIAL,
        ("leap_day_birthday", "under_15_at_filing"),
        on=dt.date(2019, 2, 28),
    ),
    Case(
        "initial with criminal history",
        INITIAL_BASE,
        {"criminal": [crime("felony")]},
        ATTORNEY_REVIEW,
        INITIAL,
        ("criminal_felony",),
        on=DECIDED_DAY,
    ),
    Case(
        "initial with pre-2012 travel without parole",
        INITIAL_BASE,
        {"travel": [trip(False, "2010-01-01", "2010-01-15")]},
        ATTORNEY_REVIEW,
        INITIAL,
        ("absence_before_2012_08_15",),
        ("travel_without_advance_parole",),
        on=DECIDED_DAY,
    ),
    Case(
        "plain bar wins over missing facts",
        INITIAL_BASE,
        {"dob": "1975-01-01", "arrival.date": "1985-01-01"},
        NOT_ELIGIBLE,
        INITIAL,
        ("born_before_1981_06_16", "missing_facts"),
        drop=("education.status",),
        on=DECIDED_DAY,
    ),
]


def _answers(case: Case) -> dict[str, Any]:
    """The case's answers. A case that moves the first arrival or lists trips and says nothing of
    the last arrival keeps the answers consistent the way a person would: the last arrival is
    the last trip's return, else the first arrival."""
    answers = {**case.base, **case.changes}
    if "arrival.last_date" not in case.changes:
        returns = [t["returned"] for t in answers.get("travel") or [] if t.get("returned")]
        if returns and "travel" in case.changes:
            answers["arrival.last_date"] = max(returns)
        elif "arrival.date" in case.changes:
            answers["arrival.last_date"] = case.changes["arrival.date"]
    for key in case.drop:
        answers.pop(key)
    return normalize_answers(answers)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_scenario(case: Case) -> None:
    det = screen(_answers(case), case.on, policy(), "en")
    codes = {f.code for f in (*det.reasons, *det.flags, *det.notices)}
    assert det.outcome == case.outcome, (det.outcome, codes)
    assert det.request_type == case.rtype
    for code in case.has:
        assert code in codes, (code, codes)
    for code in case.lacks:
        assert code not in codes, (code, codes)
    if det.outcome == LIKELY_ELIGIBLE:
        assert not det.flags
    if det.request_type == RENEWAL and "daca.expires" in _answers(case):
        assert det.filing_window is not None
    else:
        assert det.filing_window is None


def test_at_least_forty_scenarios() -> None:
    assert len(CASES) >= 40


@pytest.mark.parametrize("lang", ["en", "ko", "es"])
def test_messages_in_each_language_with_citations(lang: str) -> None:
    det = screen(_answers(CASES[12]), ON, policy(), lang)
    assert det.flags and all(f.citation.startswith(("8 CFR", "USCIS", "Texas")) for f in det.flags)
    text = " ".join(f.message for f in (*det.reasons, *det.flags, *det.notices))
    if lang == "ko":
        assert any("\uac00" <= ch <= "\ud7a3" for ch in text)
    if lang == "es":
        assert "antecedentes penales" in text


def test_json_shape_matches_the_spec() -> None:
    out = screen(_answers(CASES[0]), ON, policy(), "en").to_json()
    assert list(out) == ["request_type", "outcome", "reasons", "flags", "filing_window", "notices"]
    assert out["filing_window"] == {
        "opens": "2026-11-02",
        "closes": "2026-12-02",
        "expires": "2027-04-01",
    }
    assert all(set(r) == {"code", "message", "citation"} for r in out["reasons"])
    assert all(set(n) == {"code", "message"} for n in out["notices"])


def test_texas_notice_only_for_texas() -> None:
    tx = screen(normalize_answers({**RENEWAL_BASE, "mailing.state": "TX"}), ON, policy(), "en")
    ca = screen(normalize_answers({**RENEWAL_BASE, "mailing.state": "CA"}), ON, policy(), "en")
    notices = {n.code: n.message for n in tx.notices}
    assert "texas_ead_limited" not in notices  # no order limits Texas work permits (2026-12-03)
    assert "file Form I-765 with the renewal" in notices["texas_ruling_pending"]
    assert "texas_ruling_pending" not in {n.code for n in ca.notices}


def test_fees_follow_the_dated_schedule() -> None:
    before = screen(_answers(CASES[0]), dt.date(2024, 3, 31), policy(), "en")
    after = screen(_answers(CASES[0]), dt.date(2024, 4, 1), policy(), "en")
    fee = {n.code: n.message for n in before.notices}["fees"]
    assert "$410" in fee
    fee = {n.code: n.message for n in after.notices}["fees"]
    assert "$520" in fee and "$470" in fee and "$85" in fee


def test_program_status_supersedes_by_date() -> None:
    p = policy()
    assert p.status_on(dt.date(2023, 9, 12)).effective == dt.date(2021, 7, 16)
    assert p.status_on(dt.date(2025, 1, 16)).effective == dt.date(2023, 9, 13)
    assert p.status_on(dt.date(2025, 1, 17)).effective == dt.date(2025, 1, 17)
    assert not p.status_on(dt.date(2026, 12, 3)).texas_ead_limited
    notices = {n.code: n.text("en") for n in p.status_on(dt.date(2026, 12, 3)).notices}
    assert notices["initial_not_decided"].startswith("Since July 16, 2021")
    assert p.status_on(dt.date(2019, 1, 1)).initial_requests == "not_accepted"


def test_date_arithmetic() -> None:
    leap = dt.date(2000, 2, 29)
    assert age_on(leap, dt.date(2016, 2, 28)) == 15
    assert age_on(leap, dt.date(2016, 2, 29)) == 16
    assert age_on(leap, dt.date(2017, 2, 28)) == 16
    assert age_on(leap, dt.date(2015, 3, 1)) == 15
    assert age_on(leap, dt.date(2015, 2, 28)) == 14
    assert birthday(leap, 15) == dt.date(2015, 3, 1)
    assert birthday(leap, 16) == dt.date(2016, 2, 29)
    assert add_years(dt.date(2024, 2, 29), -1) == dt.date(2023, 2, 28)
    assert (
        request_type(
            {"daca.ever_granted": True, "daca.expires": "2023-02-28"}, dt.date(2024, 2, 29)
        )
        == RENEWAL
    )
    assert (
        request_type(
            {"daca.ever_granted": True, "daca.expires": "2023-02-27"}, dt.date(2024, 2, 29)
        )
        == INITIAL
    )


def test_form_editions_accepted_follow_the_dated_data() -> None:
    p = policy()
    assert [e.edition for e in p.editions_accepted("I-765", dt.date(2017, 1, 10))] == ["03/11/16"]
    assert [e.edition for e in p.editions_accepted("I-765", dt.date(2017, 7, 16))] == ["03/11/16"]
    assert p.editions_accepted("I-765", dt.date(2017, 7, 17)) == []
    assert [e.edition for e in p.editions_accepted("I-765", ON)] == ["08/21/25"]
    assert p.editions_accepted("I-821D", dt.date(2024, 1, 1)) == []
