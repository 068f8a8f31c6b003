"""Properties of the screening rules that must hold for any answers (hypothesis)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from clinic.domain.answers import ANSWER_KEYS, normalize_answers
from clinic.domain.rules import (
    LIKELY_ELIGIBLE,
    NOT_ELIGIBLE,
    RENEWAL,
    add_years,
    screen,
)
from clinic.resources import policy
from tests.test_rules import INITIAL_BASE, RENEWAL_BASE

dates = st.dates(min_value=dt.date(1975, 1, 1), max_value=dt.date(2030, 12, 31))
days = st.dates(min_value=dt.date(2013, 1, 1), max_value=dt.date(2030, 12, 31))
iso = dates.map(dt.date.isoformat)
trips = st.fixed_dictionaries(
    {"departed": iso, "returned": iso, "advance_parole": st.booleans()},
    optional={"reason": st.sampled_from(["family visit", "funeral", "school trip"])},
)
crimes = st.fixed_dictionaries(
    {
        "date": iso,
        "level": st.sampled_from(
            ["felony", "significant_misdemeanor", "misdemeanor", "infraction", "juvenile"]
        ),
        "outcome": st.sampled_from(["convicted", "dismissed", "pending", "arrest_only"]),
    }
)


@st.composite
def answers(draw: st.DrawFn) -> dict[str, Any]:
    base = dict(draw(st.sampled_from([RENEWAL_BASE, INITIAL_BASE])))
    base["dob"] = draw(iso)
    base["arrival.date"] = draw(iso)
    base["daca.ever_granted"] = draw(st.booleans())
    if base["daca.ever_granted"]:
        base["daca.expires"] = draw(iso)
        base["daca.terminated"] = draw(st.booleans())
    else:
        base.pop("daca.expires", None)
        base.pop("daca.terminated", None)
    base["removal.status"] = draw(
        st.sampled_from(
            [
                "never",
                "active",
                "administratively_closed",
                "terminated",
                "final_order",
                "voluntary_departure",
                "other",
            ]
        )
    )
    base["detention.current"] = draw(st.booleans())
    base["travel"] = draw(st.lists(trips, max_size=4))
    base["criminal"] = draw(st.lists(crimes, max_size=4))
    for key in (
        "residence.continuous_since_2007",
        "presence.2012_06_15",
        "status.lawful_on_2012_06_15",
        "safety.gang",
    ):
        base[key] = draw(st.booleans())
    return normalize_answers(base)


@settings(max_examples=300, deadline=None)
@given(answers(), days)
def test_screening_never_fails_and_is_well_formed(a: dict[str, Any], on: dt.date) -> None:
    det = screen(a, on, policy(), "en")
    assert det.outcome in ("likely_eligible", "attorney_review", "not_eligible")
    assert det.request_type in ("renewal", "initial")
    for f in (*det.reasons, *det.flags):
        assert f.code and f.message and f.citation
    if det.outcome == LIKELY_ELIGIBLE:
        assert not det.flags
    if det.outcome == NOT_ELIGIBLE:
        assert det.request_type == "initial" and det.reasons


@settings(max_examples=300, deadline=None)
@given(answers(), days)
def test_any_criminal_entry_means_not_likely_eligible(a: dict[str, Any], on: dt.date) -> None:
    if a["criminal"]:
        assert screen(a, on, policy(), "en").outcome != LIKELY_ELIGIBLE


@settings(max_examples=300, deadline=None)
@given(dates, days)
def test_window_opens_150_and_closes_120_days_before_expiry(expires: dt.date, on: dt.date) -> None:
    a = normalize_answers({**RENEWAL_BASE, "daca.expires": expires.isoformat()})
    det = screen(a, on, policy(), "en")
    if det.request_type == RENEWAL:
        w = det.filing_window
        assert w is not None and w.expires == expires
        assert (w.expires - w.opens).days == 150 and (w.expires - w.closes).days == 120
        flagged = {f.code for f in det.flags}
        assert ("renewal_before_window" in flagged) == (on < w.opens)
        assert ("daca_lapsed" in flagged) == (on > expires)
    else:
        assert det.filing_window is None and expires < add_years(on, -1)


@settings(max_examples=200, deadline=None)
@given(answers(), days, st.randoms(use_true_random=False))
def test_outcome_does_not_depend_on_list_order(a: dict[str, Any], on: dt.date, rnd: Any) -> None:
    shuffled = dict(a)
    for key in ("travel", "criminal"):
        items = list(a[key])
        rnd.shuffle(items)
        shuffled[key] = items
    one, two = screen(a, on, policy(), "en"), screen(shuffled, on, policy(), "en")
    assert one.outcome == two.outcome and one.request_type == two.request_type
    assert sorted(one.flag_codes) == sorted(two.flag_codes)


@settings(max_examples=100, deadline=None)
@given(answers(), days)
def test_language_changes_words_not_results(a: dict[str, Any], on: dt.date) -> None:
    results = [screen(a, on, policy(), lang) for lang in ("en", "ko", "es")]
    assert len({(r.outcome, tuple(r.flag_codes)) for r in results}) == 1


# One red flag each: a fact a clinic must never call "may be eligible" over (issue 14).
RED_FLAGS: list[dict[str, Any]] = [
    {"criminal": [{"date": "2019-03-03", "level": "infraction", "outcome": "dismissed"}]},
    {"removal.status": "administratively_closed"},
    {"detention.current": True},
    {"safety.gang": True},
    {"residence.continuous_since_2007": False},
    {"residence.country": "Mexico"},
    {"travel": [{"departed": "2019-01-01", "returned": "2019-01-20", "advance_parole": False}],
     "arrival.last_date": "2019-01-20"},
    {"departure.without_parole_since_2012_08_15": True},
    {"travel": [{"departed": "2019-01-01", "advance_parole": True}]},
    {"daca.terminated": True},
    {"arrival.date": "2008-01-01", "arrival.last_date": "2008-01-01"},
    {"arrival.before_age_16": False},
    {"presence.2012_06_15": False},
    {"status.lawful_on_2012_06_15": True},
    {"education.status": "none"},
    {"dob": "1980-01-01"},
    {"addresses": [{"country": "Honduras", "from": "2010-01-01", "to": "2010-06-01"}]},
]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(answers(), days, st.sampled_from(RED_FLAGS))
def test_no_answers_with_a_red_flag_are_may_be_eligible(
    a: dict[str, Any], on: dt.date, flag: dict[str, Any]
) -> None:
    flagged = normalize_answers({**a, **flag})
    det = screen(flagged, on, policy(), "en")
    assert det.outcome != LIKELY_ELIGIBLE, (flag, det.to_json())
    assert det.flags or det.outcome == NOT_ELIGIBLE


@settings(max_examples=300, deadline=None)
@given(answers(), days)
def test_any_flag_means_not_may_be_eligible(a: dict[str, Any], on: dt.date) -> None:
    det = screen(a, on, policy(), "en")
    assert not (det.flags and det.outcome == LIKELY_ELIGIBLE)


ANSWER_KEY = re.compile(
    "|".join(re.escape(k) for k in sorted(ANSWER_KEYS, key=len, reverse=True) if "." in k)
)


@settings(max_examples=200, deadline=None)
@given(answers(), days, st.sampled_from(RED_FLAGS), st.sampled_from(["ko", "es", "en"]))
def test_no_answer_key_inside_a_client_language_message(
    a: dict[str, Any], on: dt.date, flag: dict[str, Any], lang: str
) -> None:
    det = screen(normalize_answers({**a, **flag}), on, policy(), lang)
    for finding in (*det.reasons, *det.flags, *det.notices):
        assert not ANSWER_KEY.search(finding.message), (lang, finding.message)
        assert "travel[" not in finding.message and "criminal[" not in finding.message
