"""Every rule boundary the day before, the day of and the day after (issue 14 point 9).

One row per (guideline, day): the answers that put the person on that day, and the outcome and
codes the law gives. Initial requests are screened on a day USCIS decided them (so a clean one is
"may be eligible"); renewals on the project's evaluation day.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from clinic.domain.answers import normalize_answers
from clinic.domain.rules import ATTORNEY_REVIEW, LIKELY_ELIGIBLE, NOT_ELIGIBLE, screen
from clinic.resources import policy
from tests.test_rules import DECIDED_DAY, INITIAL_BASE, ON, RENEWAL_BASE, trip


def _initial(**changes: Any) -> dict[str, Any]:
    answers = {**INITIAL_BASE, **changes}
    if "arrival.date" in changes and "arrival.last_date" not in changes:
        answers["arrival.last_date"] = changes["arrival.date"]
    return answers


def _renewal(**changes: Any) -> dict[str, Any]:
    return {**RENEWAL_BASE, **changes}


# (name, answers, day, outcome, codes that must appear, codes that must not)
ROWS: list[tuple[str, dict[str, Any], dt.date, str, tuple[str, ...], tuple[str, ...]]] = [
    # (b)(7) born on or after June 16, 1981 (arrival at 9, long before 2007)
    ("born 1981-06-15", _initial(dob="1981-06-15", **{"arrival.date": "1990-07-01"}),
     DECIDED_DAY, NOT_ELIGIBLE, ("born_before_1981_06_16",), ()),
    ("born 1981-06-16", _initial(dob="1981-06-16", **{"arrival.date": "1990-07-01"}),
     DECIDED_DAY, LIKELY_ELIGIBLE, ("born_on_or_after_1981_06_16",), ()),
    ("born 1981-06-17", _initial(dob="1981-06-17", **{"arrival.date": "1990-07-01"}),
     DECIDED_DAY, LIKELY_ELIGIBLE, ("born_on_or_after_1981_06_16",), ()),
    # (b)(1) the first entry around the 16th birthday (1990-05-10 -> 2006-05-10)
    ("entry the day before the 16th birthday, before 16: yes",
     _initial(dob="1990-05-10", **{"arrival.date": "2006-05-09"}),
     DECIDED_DAY, LIKELY_ELIGIBLE, ("arrived_under_16",), ()),
    ("entry on the 16th birthday, before 16: no",
     _initial(dob="1990-05-10", **{"arrival.date": "2006-05-10", "arrival.before_age_16": False}),
     DECIDED_DAY, NOT_ELIGIBLE, ("arrived_age_16_or_older",), ()),
    ("entry on the 16th birthday, before 16: yes",
     _initial(dob="1990-05-10", **{"arrival.date": "2006-05-10"}),
     DECIDED_DAY, ATTORNEY_REVIEW, ("contradiction",), ("arrived_age_16_or_older",)),
    ("entry the day after the 16th birthday, before 16: no",
     _initial(dob="1990-05-10", **{"arrival.date": "2006-05-11", "arrival.before_age_16": False}),
     DECIDED_DAY, NOT_ELIGIBLE, ("arrived_age_16_or_older",), ()),
    # (b)(2) first entry around June 15, 2007 (residence answered no where the entry is after)
    ("first entry 2007-06-14", _initial(**{"arrival.date": "2007-06-14"}),
     DECIDED_DAY, LIKELY_ELIGIBLE, ("continuous_residence",), ()),
    ("first entry 2007-06-15", _initial(**{"arrival.date": "2007-06-15"}),
     DECIDED_DAY, LIKELY_ELIGIBLE, ("continuous_residence",), ()),
    ("first entry 2007-06-16, residence no",
     _initial(**{"arrival.date": "2007-06-16", "residence.continuous_since_2007": False}),
     DECIDED_DAY, NOT_ELIGIBLE, ("arrived_after_2007_06_15",), ()),
    ("first entry 2007-06-16, residence yes", _initial(**{"arrival.date": "2007-06-16"}),
     DECIDED_DAY, ATTORNEY_REVIEW, ("contradiction", "arrived_after_2007_06_15"), ()),
    # (b)(3) a trip around June 15, 2012, presence answered yes
    ("trip back 2012-06-14, present yes",
     _initial(travel=[trip(False, "2012-06-01", "2012-06-14")],
              **{"arrival.last_date": "2012-06-14"}),
     DECIDED_DAY, ATTORNEY_REVIEW, ("absence_before_2012_08_15",), ("contradiction",)),
    ("trip back 2012-06-15, present yes",
     _initial(travel=[trip(False, "2012-06-01", "2012-06-15")],
              **{"arrival.last_date": "2012-06-15"}),
     DECIDED_DAY, ATTORNEY_REVIEW, ("contradiction",), ()),
    ("trip out 2012-06-16, present yes",
     _initial(travel=[trip(False, "2012-06-16", "2012-06-30")],
              **{"arrival.last_date": "2012-06-30"}),
     DECIDED_DAY, ATTORNEY_REVIEW, ("absence_before_2012_08_15",), ("contradiction",)),
    # (b)(4) the I-94 authorized stay around June 15, 2012
    ("stay ended 2012-06-14, lawful no",
     _initial(i94_issued=True, i94_stay_expires="2012-06-14"),
     DECIDED_DAY, LIKELY_ELIGIBLE, ("no_lawful_status_2012_06_15",), ()),
    ("stay ended 2012-06-15, lawful no",
     _initial(i94_issued=True, i94_stay_expires="2012-06-15"),
     DECIDED_DAY, ATTORNEY_REVIEW, ("contradiction",), ()),
    ("stay ended 2012-06-14, lawful yes",
     _initial(i94_issued=True, i94_stay_expires="2012-06-14",
              **{"status.lawful_on_2012_06_15": True}),
     DECIDED_DAY, ATTORNEY_REVIEW, ("contradiction",), ()),
    ("stay ended 2012-06-15, lawful yes",
     _initial(i94_issued=True, i94_stay_expires="2012-06-15",
              **{"status.lawful_on_2012_06_15": True}),
     DECIDED_DAY, NOT_ELIGIBLE, ("lawful_status_2012_06_15",), ("contradiction",)),
    ("stay ended 2012-06-16, lawful yes",
     _initial(i94_issued=True, i94_stay_expires="2012-06-16",
              **{"status.lawful_on_2012_06_15": True}),
     DECIDED_DAY, NOT_ELIGIBLE, ("lawful_status_2012_06_15",), ("contradiction",)),
    # (b)(7) the 15th birthday (2006-01-15) around the filing day, not in proceedings
    ("15th birthday tomorrow", _initial(dob="2006-01-16", **{"arrival.date": "2007-01-01"}),
     DECIDED_DAY, NOT_ELIGIBLE, ("under_15_at_filing",), ()),
    ("15th birthday today", _initial(dob="2006-01-15", **{"arrival.date": "2007-01-01"}),
     DECIDED_DAY, LIKELY_ELIGIBLE, (), ("under_15_at_filing",)),
    ("15th birthday yesterday", _initial(dob="2006-01-14", **{"arrival.date": "2007-01-01"}),
     DECIDED_DAY, LIKELY_ELIGIBLE, (), ("under_15_at_filing",)),
    # advance parole required from August 15, 2012 (renewal, trips within the current period)
    ("left without parole 2012-08-14",
     _renewal(travel=[trip(False, "2012-08-14", "2012-08-30")]),
     ON, ATTORNEY_REVIEW, ("absence_before_2012_08_15",), ("travel_without_advance_parole",)),
    ("left without parole 2012-08-15",
     _renewal(travel=[trip(False, "2012-08-15", "2012-08-30")],
              **{"departure.without_parole_since_2012_08_15": True}),
     ON, ATTORNEY_REVIEW, ("travel_without_advance_parole",), ("absence_before_2012_08_15",)),
    ("left without parole 2012-08-16",
     _renewal(travel=[trip(False, "2012-08-16", "2012-08-30")],
              **{"departure.without_parole_since_2012_08_15": True}),
     ON, ATTORNEY_REVIEW, ("travel_without_advance_parole",), ("absence_before_2012_08_15",)),
    # the last arrival around the start of the current DACA period (expires 2027-04-01)
    ("last arrival 2025-03-31", _renewal(**{"arrival.last_date": "2025-03-31"}),
     ON, LIKELY_ELIGIBLE, (), ("last_arrival_unexplained",)),
    ("last arrival 2025-04-01", _renewal(**{"arrival.last_date": "2025-04-01"}),
     ON, LIKELY_ELIGIBLE, (), ("last_arrival_unexplained",)),
    ("last arrival 2025-04-02", _renewal(**{"arrival.last_date": "2025-04-02"}),
     ON, ATTORNEY_REVIEW, ("last_arrival_unexplained",), ()),
    # a trip's return around the evaluation day (advance parole)
    ("trip back the day before", _renewal(travel=[trip(True, "2026-11-01", "2026-11-20")],
                                          **{"arrival.last_date": "2026-11-20"}),
     ON, LIKELY_ELIGIBLE, (), ("trip_not_returned",)),
    ("trip back on the day", _renewal(travel=[trip(True, "2026-11-01", "2026-11-21")],
                                      **{"arrival.last_date": "2026-11-21"}),
     ON, LIKELY_ELIGIBLE, (), ("trip_not_returned",)),
    ("trip back the day after", _renewal(travel=[trip(True, "2026-11-01", "2026-11-22")]),
     ON, ATTORNEY_REVIEW, ("trip_not_returned",), ()),
    # the renewal window (expires 2027-04-20 opens it on ON) and the one-year renewal limit
    ("window opens tomorrow", _renewal(**{"daca.expires": "2027-04-21"}),
     ON, ATTORNEY_REVIEW, ("renewal_before_window",), ()),
    ("window opens today", _renewal(**{"daca.expires": "2027-04-20"}),
     ON, LIKELY_ELIGIBLE, (), ("renewal_before_window",)),
    ("window opened yesterday", _renewal(**{"daca.expires": "2027-04-19"}),
     ON, LIKELY_ELIGIBLE, (), ("renewal_before_window",)),
    ("expires tomorrow", _renewal(**{"daca.expires": "2026-11-22"}),
     ON, LIKELY_ELIGIBLE, ("renewal_after_window",), ("daca_lapsed",)),
    ("expires today", _renewal(**{"daca.expires": "2026-11-21"}),
     ON, LIKELY_ELIGIBLE, (), ("daca_lapsed",)),
    ("expired yesterday", _renewal(**{"daca.expires": "2026-11-20"}),
     ON, ATTORNEY_REVIEW, ("daca_lapsed",), ()),
    ("expired a year ago tomorrow", _renewal(**{"daca.expires": "2025-11-22"}),
     ON, ATTORNEY_REVIEW, ("daca_lapsed",), ("daca_expired_over_one_year",)),
    ("expired a year ago today", _renewal(**{"daca.expires": "2025-11-21"}),
     ON, ATTORNEY_REVIEW, ("daca_lapsed",), ("daca_expired_over_one_year",)),
    ("expired a year and a day ago", _renewal(**{"daca.expires": "2025-11-20"}),
     ON, ATTORNEY_REVIEW, ("daca_expired_over_one_year",), ("daca_lapsed",)),
]  # fmt: skip


@pytest.mark.parametrize(("name", "answers", "day", "outcome", "has", "lacks"), ROWS,
                         ids=[row[0] for row in ROWS])  # fmt: skip
def test_boundary(
    name: str,
    answers: dict[str, Any],
    day: dt.date,
    outcome: str,
    has: tuple[str, ...],
    lacks: tuple[str, ...],
) -> None:
    det = screen(normalize_answers(answers), day, policy(), "en")
    codes = {f.code for f in (*det.reasons, *det.flags, *det.notices)}
    assert det.outcome == outcome, (name, det.outcome, [f.message for f in det.flags])
    for code in has:
        assert code in codes, (name, code, codes)
    for code in lacks:
        assert code not in codes, (name, code, codes)


def test_every_guideline_boundary_has_three_days() -> None:
    groups = {
        "born 1981-06-1": 3,
        "16th birthday": 4,
        "first entry 2007-06-1": 4,
        "2012-06-1": 3,
        "stay ended": 5,
        "15th birthday": 3,
        "without parole 2012-08-1": 3,
        "last arrival 2025-0": 3,
        "trip back": 3,
        "window open": 3,
        "expire": 6,
    }
    for part, count in groups.items():
        assert sum(part in row[0] for row in ROWS) >= count, part
