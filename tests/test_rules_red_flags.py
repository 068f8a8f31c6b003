"""Red flags, contradictions and attorney hints the screening must catch (issue 14).

Each scenario is a case a clinic sees on a Saturday, written from 8 CFR 236.22-23 and USCIS
practice: a renewal whose answers show a red flag or fail an initial guideline is never "may be
eligible"; answers that disagree go to an attorney, never to "not eligible"; a significant
misdemeanor typed as a plain one gets a hint in every interview language.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from clinic.domain.answers import normalize_answers
from clinic.domain.rule_texts import TEXTS, heading
from clinic.domain.rules import (
    ATTORNEY_REVIEW,
    INITIAL,
    LIKELY_ELIGIBLE,
    NOT_ELIGIBLE,
    RENEWAL,
    screen,
)
from clinic.resources import policy
from tests.test_rules import (
    CASES,
    DECIDED_DAY,
    INITIAL_BASE,
    ON,
    RENEWAL_BASE,
    Case,
    _answers,
    crime,
    trip,
)

R, INI = RENEWAL_BASE, INITIAL_BASE
D = DECIDED_DAY


def offense(text: str, level: str = "misdemeanor", outcome: str = "convicted", **kw: str) -> Any:
    return {**crime(level, outcome, kw.get("date", "2019-03-03")), "offense": text}


RED_FLAG_CASES = [
    # -- renewals: every residence, presence and departure answer reaches a rule ----------------
    Case("renewal: continuous residence no", R, {"residence.continuous_since_2007": False},
         ATTORNEY_REVIEW, RENEWAL, ("continuous_residence_not_confirmed",)),
    Case("renewal: lives in Mexico now", R, {"residence.country": "Mexico"},
         ATTORNEY_REVIEW, RENEWAL, ("residence_outside_us",)),
    Case("renewal: lives in 'Estados Unidos'", R, {"residence.country": "Estados Unidos"},
         LIKELY_ELIGIBLE, RENEWAL, lacks=("residence_outside_us",)),
    Case("renewal: lives in '미국'", R, {"residence.country": "미국"},
         LIKELY_ELIGIBLE, RENEWAL, lacks=("residence_outside_us",)),
    Case("renewal: lives in 'U.S.A.'", R, {"residence.country": "U.S.A."},
         LIKELY_ELIGIBLE, RENEWAL, lacks=("residence_outside_us",)),
    Case("renewal: last arrival after the grant, no trip listed", R,
         {"arrival.last_date": "2026-01-10"},
         ATTORNEY_REVIEW, RENEWAL, ("last_arrival_unexplained",)),
    Case("renewal: last arrival after the grant on a trip without parole", R,
         {"travel": [trip(False, "2026-01-01", "2026-01-10")]},
         ATTORNEY_REVIEW, RENEWAL, ("travel_without_advance_parole",),
         ("last_arrival_unexplained",)),
    Case("renewal: last arrival is an advance-parole trip's return", R,
         {"travel": [trip(True, "2026-01-01", "2026-01-10")]},
         LIKELY_ELIGIBLE, RENEWAL, ("travel_with_advance_parole",)),
    Case("renewal: advance-parole trip with no return date", R,
         {"travel": [{"departed": "2026-10-01", "advance_parole": True}],
          "arrival.last_date": "2005-03-01"},
         ATTORNEY_REVIEW, RENEWAL, ("trip_not_returned",)),
    Case("renewal: advance-parole trip returning after the evaluation date", R,
         {"travel": [trip(True, "2026-11-01", "2026-12-20")], "arrival.last_date": "2005-03-01"},
         ATTORNEY_REVIEW, RENEWAL, ("trip_not_returned",)),
    Case("renewal: last arrival before a listed trip's return", R,
         {"travel": [trip(True, "2026-01-01", "2026-01-10")], "arrival.last_date": "2005-03-01"},
         ATTORNEY_REVIEW, RENEWAL, ("contradiction",)),
    Case("renewal: leaving without parole no, a listed trip without it", R,
         {"travel": [trip(False, "2026-01-01", "2026-01-10")],
          "departure.without_parole_since_2012_08_15": False},
         ATTORNEY_REVIEW, RENEWAL, ("contradiction", "travel_without_advance_parole")),
    # -- renewals run the initial guidelines: a failed one contradicts the grant ----------------
    Case("renewal: first arrival after June 15, 2007", R,
         {"arrival.date": "2008-01-01", "arrival.before_age_16": True},
         ATTORNEY_REVIEW, RENEWAL, ("arrived_after_2007_06_15", "contradiction")),
    Case("renewal: came to live here at 16 or older", R,
         {"arrival.date": "2016-01-01", "arrival.before_age_16": False},
         ATTORNEY_REVIEW, RENEWAL, ("arrived_age_16_or_older", "contradiction")),
    Case("renewal: lawful status on June 15, 2012", R,
         {"status.lawful_on_2012_06_15": True},
         ATTORNEY_REVIEW, RENEWAL, ("lawful_status_2012_06_15", "contradiction")),
    Case("renewal: not present on June 15, 2012", R, {"presence.2012_06_15": False},
         ATTORNEY_REVIEW, RENEWAL, ("not_present_2012_06_15", "contradiction")),
    # -- contradictions end in attorney review, never "not eligible" -----------------------------
    Case("lawful yes, but the I-94 stay ended before June 15, 2012", INI,
         {"status.lawful_on_2012_06_15": True, "i94_issued": True,
          "i94_stay_expires": "2011-12-01"},
         ATTORNEY_REVIEW, INITIAL, ("contradiction",), on=D),
    Case("lawful yes, and the I-94 stay still ran that day", INI,
         {"status.lawful_on_2012_06_15": True, "i94_issued": True,
          "i94_stay_expires": "2013-01-01"},
         NOT_ELIGIBLE, INITIAL, ("lawful_status_2012_06_15",), on=D),
    Case("lawful no, but the I-94 stay still ran that day", INI,
         {"status.lawful_on_2012_06_15": False, "i94_issued": True,
          "i94_stay_expires": "2012-09-01"},
         ATTORNEY_REVIEW, INITIAL, ("contradiction",), on=D),
    Case("lawful yes, an I-94 issued, its stay's end not given", INI,
         {"status.lawful_on_2012_06_15": True, "i94_issued": True},
         ATTORNEY_REVIEW, INITIAL, ("missing_facts",), on=D),
    Case("came before 16 yes, first arrival the day after the 16th birthday", INI,
         {"dob": "1995-04-10", "arrival.date": "2011-04-11", "arrival.before_age_16": True,
          "residence.continuous_since_2007": False},
         ATTORNEY_REVIEW, INITIAL, ("contradiction",), on=D),
    Case("came to live here before 16: no, though first visited at 5", INI,
         {"dob": "1995-04-10", "arrival.date": "2000-07-01", "arrival.before_age_16": False},
         ATTORNEY_REVIEW, INITIAL, ("contradiction",), ("arrived_under_16",), on=D),
    Case("came to live here before 16: no, first arrival at 17", INI,
         {"dob": "1990-04-10", "arrival.date": "2007-05-01", "arrival.before_age_16": False},
         NOT_ELIGIBLE, INITIAL, ("arrived_age_16_or_older",), on=D),
    Case("came to live here before 16: no, first arrival unanswered", INI,
         {"arrival.before_age_16": False}, ATTORNEY_REVIEW, INITIAL,
         ("arrived_age_16_or_older", "missing_facts"), on=D, drop=("arrival.date",)),
    Case("present on June 15, 2012, but a listed trip covers it", INI,
         {"travel": [trip(False, "2012-06-01", "2012-07-01")]},
         ATTORNEY_REVIEW, INITIAL, ("contradiction",), on=D),
    Case("not present on June 15, 2012, and no listed trip covers it", INI,
         {"presence.2012_06_15": False}, ATTORNEY_REVIEW, INITIAL,
         ("contradiction", "not_present_2012_06_15"), on=D),
    Case("veteran with a general discharge", INI,
         {"education.status": "honorably_discharged_veteran", "military.served": True,
          "military.discharge_type": "general"},
         ATTORNEY_REVIEW, INITIAL, ("contradiction",), ("education_met",), on=D),
    Case("veteran with no military service", INI,
         {"education.status": "honorably_discharged_veteran", "military.served": False},
         ATTORNEY_REVIEW, INITIAL, ("contradiction",), on=D),
    Case("veteran, discharge type unanswered", INI,
         {"education.status": "honorably_discharged_veteran", "military.served": True},
         ATTORNEY_REVIEW, INITIAL, ("missing_facts",), on=D),
    Case("initial: an earlier address abroad, residence answered no", INI,
         {"residence.continuous_since_2007": False,
          "addresses": [{"country": "Guatemala", "from": "2009-01-01", "to": "2009-08-01"}]},
         ATTORNEY_REVIEW, INITIAL, ("address_abroad", "continuous_residence_not_confirmed"), on=D),
    Case("initial: an earlier address abroad, residence answered yes", INI,
         {"addresses": [{"country": "Guatemala", "from": "2009-01-01", "to": "2009-08-01"}]},
         ATTORNEY_REVIEW, INITIAL, ("contradiction",), on=D),
    Case("initial: an address abroad before June 15, 2007 is no absence", INI,
         {"addresses": [{"country": "Guatemala", "from": "2001-01-01", "to": "2006-08-01"}]},
         LIKELY_ELIGIBLE, INITIAL, lacks=("address_abroad", "contradiction"), on=D),
    Case("status now 'B-2 visitor'", R, {"status.current": "B-2 visitor"},
         ATTORNEY_REVIEW, RENEWAL, ("current_status_to_review",)),
    Case("status now 'Deferred action (DACA)'", R, {"status.current": "Deferred action (DACA)"},
         LIKELY_ELIGIBLE, RENEWAL, lacks=("current_status_to_review",)),
    Case("status now '추방 유예(DACA)'", R, {"status.current": "추방 유예(DACA)"},
         LIKELY_ELIGIBLE, RENEWAL, lacks=("current_status_to_review",)),
    Case("status now 'sin estatus'", INI, {"status.current": "Sin estatus"},
         LIKELY_ELIGIBLE, INITIAL, lacks=("current_status_to_review",), on=D),
    Case("status now 'TPS'", INI, {"status.current": "TPS"},
         ATTORNEY_REVIEW, INITIAL, ("current_status_to_review",), on=D),
    Case("renewal: back from a trip with advance parole, last entry without inspection", R,
         {"travel": [trip(True, "2025-08-01", "2025-09-01")], "arrival.last_date": "2025-09-01",
          "arrival.last_status": "entered without inspection"},
         ATTORNEY_REVIEW, RENEWAL, ("last_entry_not_on_parole",)),
    Case("renewal: last entry as a 'B-2 visitor' after the grant", R,
         {"travel": [trip(True, "2025-08-01", "2025-09-01")], "arrival.last_date": "2025-09-01",
          "arrival.last_status": "B-2 visitor"},
         ATTORNEY_REVIEW, RENEWAL, ("last_entry_not_on_parole",)),
    Case("renewal: last entry 'paroled (advance parole)'", R,
         {"travel": [trip(True, "2025-08-01", "2025-09-01")], "arrival.last_date": "2025-09-01",
          "arrival.last_status": "Paroled on advance parole (I-512L)"},
         LIKELY_ELIGIBLE, RENEWAL, lacks=("last_entry_not_on_parole",)),
    Case("renewal: last entry 'permiso adelantado'", R,
         {"travel": [trip(True, "2025-08-01", "2025-09-01")], "arrival.last_date": "2025-09-01",
          "arrival.last_status": "Con permiso adelantado"},
         LIKELY_ELIGIBLE, RENEWAL, lacks=("last_entry_not_on_parole",)),
    Case("renewal: last entry '사전 여행 허가'", R,
         {"travel": [trip(True, "2025-08-01", "2025-09-01")], "arrival.last_date": "2025-09-01",
          "arrival.last_status": "사전 여행 허가로 입국"},
         LIKELY_ELIGIBLE, RENEWAL, lacks=("last_entry_not_on_parole",)),
    Case("renewal: first entry long ago without inspection is no red flag", R,
         {"arrival.last_status": "entered without inspection"},
         LIKELY_ELIGIBLE, RENEWAL, lacks=("last_entry_not_on_parole",)),
    Case("renewal: lives in Puerto Rico (the United States)", R,
         {"residence.country": "Puerto Rico"},
         LIKELY_ELIGIBLE, RENEWAL, lacks=("residence_outside_us",)),
    Case("leaving without parole reported, no trip listed", R,
         {"departure.without_parole_since_2012_08_15": True},
         ATTORNEY_REVIEW, RENEWAL, ("travel_without_advance_parole",)),
    # -- attorney hints: significant misdemeanors typed as plain ones ----------------------------
    Case("DUI entered as a misdemeanor", R, {"criminal": [offense("DUI")]},
         ATTORNEY_REVIEW, RENEWAL, ("criminal_possible_significant_misdemeanor",)),
    Case("음주운전 entered as a misdemeanor", R, {"criminal": [offense("음주운전 (벌금)")]},
         ATTORNEY_REVIEW, RENEWAL, ("criminal_possible_significant_misdemeanor",)),
    Case("'Manejar en estado de ebriedad' as an infraction", R,
         {"criminal": [offense("Manejar en estado de ebriedad", "infraction")]},
         ATTORNEY_REVIEW, RENEWAL, ("criminal_possible_significant_misdemeanor",)),
    Case("violencia doméstica entered as a misdemeanor", R,
         {"criminal": [offense("Violencia doméstica")]},
         ATTORNEY_REVIEW, RENEWAL, ("criminal_possible_significant_misdemeanor",)),
    Case("burglary entered as a misdemeanor", R, {"criminal": [offense("Burglary, 2nd degree")]},
         ATTORNEY_REVIEW, RENEWAL, ("criminal_possible_significant_misdemeanor",)),
    Case("firearm entered as a misdemeanor", R,
         {"criminal": [offense("Unlawful possession of a firearm")]},
         ATTORNEY_REVIEW, RENEWAL, ("criminal_possible_significant_misdemeanor",)),
    Case("drug sale entered as a misdemeanor", R,
         {"criminal": [offense("Sale of a controlled substance")]},
         ATTORNEY_REVIEW, RENEWAL, ("criminal_possible_significant_misdemeanor",)),
    Case("마약 판매 entered as a misdemeanor", R, {"criminal": [offense("마약 판매")]},
         ATTORNEY_REVIEW, RENEWAL, ("criminal_possible_significant_misdemeanor",)),
    Case("DV entered as a misdemeanor", R,
         {"criminal": [offense("DV")]},
         ATTORNEY_REVIEW, RENEWAL, ("criminal_possible_significant_misdemeanor",)),
    Case("CCW entered as a misdemeanor", R,
         {"criminal": [offense("CCW")]},
         ATTORNEY_REVIEW, RENEWAL, ("criminal_possible_significant_misdemeanor",)),
    Case("portar arma entered as a misdemeanor", R,
         {"criminal": [offense("portar arma")]},
         ATTORNEY_REVIEW, RENEWAL, ("criminal_possible_significant_misdemeanor",)),
    Case("posesión de arma entered as a misdemeanor", R,
         {"criminal": [offense("posesión de arma")]},
         ATTORNEY_REVIEW, RENEWAL, ("criminal_possible_significant_misdemeanor",)),
    Case("venta de narcóticos entered as a misdemeanor", R,
         {"criminal": [offense("venta de narcóticos")]},
         ATTORNEY_REVIEW, RENEWAL, ("criminal_possible_significant_misdemeanor",)),
    Case("필로폰 판매 entered as a misdemeanor", R,
         {"criminal": [offense("필로폰 판매")]},
         ATTORNEY_REVIEW, RENEWAL, ("criminal_possible_significant_misdemeanor",)),
    Case("transporting drugs for sale entered as a misdemeanor", R,
         {"criminal": [offense("transporting drugs for sale")]},
         ATTORNEY_REVIEW, RENEWAL, ("criminal_possible_significant_misdemeanor",)),
    Case("BAC .08 entered as a misdemeanor", R,
         {"criminal": [offense("BAC .08")]},
         ATTORNEY_REVIEW, RENEWAL, ("criminal_possible_significant_misdemeanor",)),
    Case("shoplifting gets no significant-misdemeanor hint", R,
         {"criminal": [offense("Shoplifting")]},
         ATTORNEY_REVIEW, RENEWAL, ("criminal_history",),
         ("criminal_possible_significant_misdemeanor",)),
    Case("'begun' is not 'gun'", R, {"criminal": [offense("Trespass begun at night")]},
         ATTORNEY_REVIEW, RENEWAL, lacks=("criminal_possible_significant_misdemeanor",)),
    Case("three misdemeanors on one day count once", R,
         {"criminal": [offense(t, date="2020-05-05") for t in ("trespass", "resisting", "noise")]},
         ATTORNEY_REVIEW, RENEWAL, ("criminal_history",), ("criminal_three_misdemeanors",)),
    Case("dismissed and arrest-only misdemeanors do not count toward three", R,
         {"criminal": [offense("trespass", outcome="dismissed", date="2018-01-01"),
                       offense("trespass", outcome="arrest_only", date="2019-01-01"),
                       offense("trespass", date="2020-01-01")]},
         ATTORNEY_REVIEW, RENEWAL, ("criminal_history",), ("criminal_three_misdemeanors",)),
]  # fmt: skip


@pytest.mark.parametrize("case", RED_FLAG_CASES, ids=[c.name for c in RED_FLAG_CASES])
def test_red_flag_scenario(case: Case) -> None:
    det = screen(_answers(case), case.on, policy(), "en")
    codes = {f.code for f in (*det.reasons, *det.flags, *det.notices)}
    assert det.outcome == case.outcome, (det.outcome, codes, [f.message for f in det.flags])
    assert det.request_type == case.rtype
    for code in case.has:
        assert code in codes, (code, codes)
    for code in case.lacks:
        assert code not in codes, (code, codes)


def test_every_code_appears_in_some_scenario() -> None:
    seen: set[str] = set()
    for case in (*CASES, *RED_FLAG_CASES):
        det = screen(_answers(case), case.on, policy(), "en")
        seen |= {f.code for f in (*det.reasons, *det.flags, *det.notices)}
    seen.add("texas_work_permit_limited")  # no entry ClinicDay ships limits them: tested above
    never = set(TEXTS) - seen - {"fees"}
    assert never == set(), f"codes no scenario exercises: {sorted(never)}"


def test_a_hint_names_the_entry_and_the_kind_in_the_clients_language() -> None:
    answers = normalize_answers(
        {**RENEWAL_BASE, "criminal": [offense("shoplifting"), offense("DWI, first offense")]}
    )
    ko = screen(answers, ON, policy(), "ko")
    hint = next(f for f in ko.flags if f.code == "criminal_possible_significant_misdemeanor")
    assert "2번" in hint.message and "음주·약물 운전" in hint.message
    assert hint.citation == "8 CFR 236.22(b)(6)"


def test_contradictions_are_named_in_the_clients_language_without_keys() -> None:
    answers = normalize_answers(
        {**INITIAL_BASE, "status.lawful_on_2012_06_15": True, "i94_issued": True,
         "i94_stay_expires": "2011-12-01"}
    )  # fmt: skip
    for lang, words in (
        ("en", "authorized stay ended on 2011-12-01"),
        ("ko", "2011-12-01에 끝났습니다"),
        ("es", "terminó el 2011-12-01"),
    ):
        det = screen(answers, DECIDED_DAY, policy(), lang)
        message = next(f.message for f in det.flags if f.code == "contradiction")
        assert words in message
        assert "status.lawful" not in message and "i94_stay" not in message


def test_travel_flags_name_the_trips_and_say_why() -> None:
    listed = screen(_answers(Case("", R, {"travel": [trip(True, "2025-01-01", "2025-01-09"),
                                                    trip(False, "2026-01-01", "2026-01-10")]},
                                  ATTORNEY_REVIEW, RENEWAL)), ON, policy(), "en")  # fmt: skip
    [flag] = [f for f in listed.flags if f.code == "travel_without_advance_parole"]
    assert "(trip 2)" in flag.message and "breaks continuous residence" in flag.message
    unlisted = screen(
        normalize_answers({**R, "departure.without_parole_since_2012_08_15": True}), ON, policy()
    )
    [flag] = [f for f in unlisted.flags if f.code == "travel_without_advance_parole"]
    assert "not listed as a trip: add it on the travel page" in flag.message


def test_texas_work_permits_limited_by_an_order_in_force_go_to_an_attorney() -> None:
    from clinic.domain.policy import ProgramStatus, with_installed_status

    limited = ProgramStatus(
        effective=dt.date(2027, 2, 1),
        initial_requests="accepted_not_decided",
        renewals="processed",
        texas_ead_limited=True,
        source="a synthetic order (S.D. Tex.)",
        installed=True,
    )
    rules = with_installed_status(policy(), [limited])
    texas = normalize_answers({**R, "daca.expires": "2027-07-01", "physical.state": "TX"})
    det = screen(texas, dt.date(2027, 2, 20), rules, "en")
    assert det.outcome == ATTORNEY_REVIEW
    [flag] = [f for f in det.flags if f.code == "texas_work_permit_limited"]
    assert flag.citation == "a synthetic order (S.D. Tex.)"
    california = normalize_answers({**R, "daca.expires": "2027-07-01", "physical.state": "CA"})
    assert screen(california, dt.date(2027, 2, 20), rules, "en").outcome == LIKELY_ELIGIBLE


def test_initial_not_decided_cites_the_dated_program_status() -> None:
    det = screen(normalize_answers(INITIAL_BASE), dt.date(2026, 12, 3), policy(), "en")
    flag = next(f for f in det.flags if f.code == "initial_not_decided")
    assert "S.D. Tex." in flag.citation and "5th Cir." in flag.citation


@pytest.mark.parametrize(
    ("history", "settled", "rtype"),
    [
        ({}, False, INITIAL),
        ({"daca.ever_granted": True}, False, INITIAL),
        ({"daca.ever_granted": True, "daca.expires": "2026-01-10"}, False, RENEWAL),
        (
            {"daca.ever_granted": True, "daca.terminated": False, "daca.expires": "2026-01-10"},
            True,
            RENEWAL,
        ),
        (
            {"daca.ever_granted": True, "daca.terminated": False, "request.type": "renewal"},
            True,
            RENEWAL,
        ),
        ({"daca.ever_granted": True, "daca.terminated": True}, True, INITIAL),
        ({"daca.ever_granted": False}, True, INITIAL),
    ],
)
def test_the_request_type_is_said_to_be_open_until_the_history_tells(
    history: dict[str, Any], settled: bool, rtype: str
) -> None:
    """Issue 16: the live panel said "initial" for someone who had DACA, until the expiry date
    was typed. While the DACA history cannot tell renewal from initial, the determination says
    so (its request type is then only the working guess), in every language."""
    answers = normalize_answers({"dob": "2001-03-04", **history})
    det = screen(answers, ON, policy())
    assert det.request_type == rtype
    assert det.request_type_settled is settled
    assert det.to_json().get("request_type_settled", True) is settled
    # while open, nothing says what the type is: no "this is an initial request" reason, no
    # flag about initial requests
    codes = {f.code for f in (*det.reasons, *det.flags)}
    if not settled:
        assert not codes & {"initial_request", "renewal_request", "initial_not_decided"}, codes
    english = heading("request_type_open", "en")
    assert english.startswith("not known yet")
    assert all(heading("request_type_open", lang) != english for lang in ("ko", "es"))
