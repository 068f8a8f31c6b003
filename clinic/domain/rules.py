"""The DACA screening rules: request type, outcome, reasons, flags, filing window and notices.

Implements ``spec/answers.md`` ("clinic screen") over the guidelines of 8 CFR 236.22(b) and the
renewal guidance, with the program status and fees taken from dated policy data. Pure: the answers
(already validated by :mod:`clinic.domain.answers`), the evaluation date and the policy come in;
a :class:`Determination` goes out.

The outcome is decided in this order, so that doubt always goes to a person:

1. answers that contradict each other, or a date the rules cannot settle -> ``attorney_review``;
2. a guideline plainly not met, on an initial request -> ``not_eligible``
   (on a renewal the same facts contradict the earlier grant -> ``attorney_review``);
3. any flag, or a fact still missing -> ``attorney_review``;
4. otherwise ``likely_eligible``.

Age arithmetic: a person's age on a day counts the birthdays that have come, comparing (month, day);
so someone born on February 29 turns a year older on March 1 in common years. Where that choice
decides a guideline, the ``leap_day_birthday`` flag sends the case to an attorney.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from clinic.domain.languages import FALLBACK, client_language
from clinic.domain.policy import Policy
from clinic.domain.rule_texts import text_for

LIKELY_ELIGIBLE = "likely_eligible"
ATTORNEY_REVIEW = "attorney_review"
NOT_ELIGIBLE = "not_eligible"
RENEWAL = "renewal"
INITIAL = "initial"

DACA_ANNOUNCED = dt.date(2012, 6, 15)
RESIDENCE_SINCE = dt.date(2007, 6, 15)
BORN_ON_OR_AFTER = dt.date(1981, 6, 16)
ADVANCE_PAROLE_REQUIRED_FROM = dt.date(2012, 8, 15)
WINDOW_OPENS_DAYS = 150
WINDOW_CLOSES_DAYS = 120
IN_PROCEEDINGS = ("active", "administratively_closed", "final_order", "voluntary_departure")
SAFETY_KEYS = (
    "safety.terrorism",
    "safety.gang",
    "safety.torture_genocide_trafficking",
    "safety.killing",
    "safety.severe_injury",
    "safety.forced_sexual_contact",
    "safety.child_soldier_recruit",
    "safety.child_soldier_use",
)
INITIAL_FACTS = (
    "dob",
    "arrival.date",
    "residence.continuous_since_2007",
    "presence.2012_06_15",
    "status.lawful_on_2012_06_15",
    "education.status",
)
COMMON_FACTS = ("dob", "removal.status", "detention.current", "travel", "criminal", *SAFETY_KEYS)
RENEWAL_FACTS = ("daca.expires", "daca.terminated")


@dataclass(frozen=True)
class Finding:
    """A reason, flag or notice: a stable code, a message in the asked language, a citation."""

    code: str
    message: str
    citation: str = ""

    def to_json(self, *, with_citation: bool = True) -> dict[str, str]:
        out = {"code": self.code, "message": self.message}
        if with_citation:
            out["citation"] = self.citation
        return out


@dataclass(frozen=True)
class FilingWindow:
    """The renewal filing window: opens 150 and closes 120 days before DACA expires."""

    opens: dt.date
    closes: dt.date
    expires: dt.date

    def to_json(self) -> dict[str, str]:
        return {
            "opens": self.opens.isoformat(),
            "closes": self.closes.isoformat(),
            "expires": self.expires.isoformat(),
        }


@dataclass(frozen=True)
class Determination:
    """The result of screening one person's answers on one date."""

    request_type: str
    outcome: str
    reasons: tuple[Finding, ...]
    flags: tuple[Finding, ...]
    filing_window: FilingWindow | None
    notices: tuple[Finding, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "request_type": self.request_type,
            "outcome": self.outcome,
            "reasons": [r.to_json() for r in self.reasons],
            "flags": [f.to_json() for f in self.flags],
            "filing_window": self.filing_window.to_json() if self.filing_window else None,
            "notices": [n.to_json(with_citation=False) for n in self.notices],
        }

    @property
    def flag_codes(self) -> list[str]:
        return [f.code for f in self.flags]


# -- dates ------------------------------------------------------------------------------------


def age_on(born: dt.date, day: dt.date) -> int:
    """Completed years from ``born`` to ``day`` (a birthday counts from its own date)."""
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def add_years(day: dt.date, years: int) -> dt.date:
    """The same month and day ``years`` later; February 29 becomes February 28 in common years."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def birthday(born: dt.date, years: int) -> dt.date:
    """The day a person turns ``years`` old: March 1 for February 29 births in common years."""
    try:
        return born.replace(year=born.year + years)
    except ValueError:
        return dt.date(born.year + years, 3, 1)


def _date(value: object) -> dt.date | None:
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    return None


def filing_window(expires: dt.date) -> FilingWindow:
    return FilingWindow(
        opens=expires - dt.timedelta(days=WINDOW_OPENS_DAYS),
        closes=expires - dt.timedelta(days=WINDOW_CLOSES_DAYS),
        expires=expires,
    )


def request_type(answers: Mapping[str, Any], on: dt.date) -> str:
    """``renewal`` when DACA was granted, not terminated, and expired no more than a year ago."""
    if answers.get("daca.ever_granted") is not True or answers.get("daca.terminated") is True:
        return INITIAL
    expires = _date(answers.get("daca.expires"))
    if expires is None:
        return RENEWAL if answers.get("request.type") == RENEWAL else INITIAL
    return RENEWAL if expires >= add_years(on, -1) else INITIAL


# -- the screening ----------------------------------------------------------------------------


class _Collector:
    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.reasons: list[Finding] = []
        self.bars: list[Finding] = []
        self.flags: list[Finding] = []
        self.notices: list[Finding] = []
        self.contradictions: list[str] = []
        self.missing: list[str] = []
        self.uncertain = False  # a fact the rules cannot settle (a leap-day birthday boundary)

    def make(self, code: str, **values: object) -> Finding:
        text = text_for(code)
        return Finding(
            code, text.message(self.lang, **{k: str(v) for k, v in values.items()}), text.citation
        )

    def reason(self, code: str, **values: object) -> None:
        self.reasons.append(self.make(code, **values))

    def bar(self, code: str, **values: object) -> None:
        self.bars.append(self.make(code, **values))

    def flag(self, code: str, **values: object) -> None:
        if code not in {f.code for f in self.flags}:
            self.flags.append(self.make(code, **values))

    def notice(self, code: str, message: str) -> None:
        self.notices.append(Finding(code, message))


def _missing(answers: Mapping[str, Any], keys: tuple[str, ...]) -> list[str]:
    return [k for k in keys if k not in answers]


def _check_criminal(answers: Mapping[str, Any], c: _Collector) -> None:
    entries = answers.get("criminal") or []
    if not entries:
        return
    c.flag("criminal_history", count=len(entries), plural="y" if len(entries) == 1 else "ies")
    levels = [e.get("level") for e in entries]
    if "felony" in levels:
        c.flag("criminal_felony")
    if "significant_misdemeanor" in levels:
        c.flag("criminal_significant_misdemeanor")
    if levels.count("misdemeanor") >= 3:
        c.flag("criminal_three_misdemeanors")
    if any(e.get("outcome") == "pending" for e in entries):
        c.flag("criminal_pending")


def _check_travel(answers: Mapping[str, Any], on: dt.date, c: _Collector) -> None:
    trips = answers.get("travel") or []
    without: list[Any] = []
    with_parole = 0
    for i, trip in enumerate(trips):
        departed, returned = _date(trip.get("departed")), _date(trip.get("returned"))
        if departed and returned and returned < departed:
            c.contradictions.append(f"travel[{i}] returns before it departs")
        if departed and departed > on:
            c.contradictions.append(f"travel[{i}] departs after the evaluation date")
        parole = trip.get("advance_parole")
        if parole is None:
            c.missing.append(f"travel[{i}].advance_parole")
        elif parole is False:
            without.append(trip)
        else:
            with_parole += 1
    if answers.get("departure.without_parole_since_2012_08_15") is True and not without:
        without.append({})  # a departure the person reports but has not listed as a trip
    if without:
        n = len(without)
        c.flag("travel_without_advance_parole", count=n, plural="" if n == 1 else "s")
    elif with_parole:
        c.notice("travel_with_advance_parole", c.make("travel_with_advance_parole").message)


def _check_removal_and_safety(answers: Mapping[str, Any], c: _Collector) -> None:
    removal = answers.get("removal.status")
    if removal in ("final_order", "voluntary_departure"):
        c.flag("removal_proceedings")
        c.flag("removal_order")
    elif removal is not None and removal != "never":
        c.flag("removal_proceedings")
    if answers.get("detention.current") is True:
        c.flag("detained")
    yes = [k.split(".", 1)[1] for k in SAFETY_KEYS if answers.get(k) is True]
    if yes:
        c.flag("public_safety", items=", ".join(yes))


def _check_initial_guidelines(
    answers: Mapping[str, Any], on: dt.date, born: dt.date | None, c: _Collector
) -> None:
    arrival = _date(answers.get("arrival.date"))
    if born and arrival:
        if arrival < born:
            c.contradictions.append("arrival.date is before dob")
        else:
            age = age_on(born, arrival)
            if age >= 16:
                c.bar("arrived_age_16_or_older")
            else:
                c.reason("arrived_under_16")
            if born.month == 2 and born.day == 29 and abs((arrival - birthday(born, 16)).days) <= 1:
                c.flag("leap_day_birthday")
                c.uncertain = True
    if arrival:
        if arrival > on:
            c.contradictions.append("arrival.date is after the evaluation date")
        elif arrival > RESIDENCE_SINCE:
            c.bar("arrived_after_2007_06_15")
            if answers.get("residence.continuous_since_2007") is True:
                c.contradictions.append(
                    "residence.continuous_since_2007 is yes but arrival.date is after 2007-06-15"
                )
    residence = answers.get("residence.continuous_since_2007")
    if residence is True and not (arrival and arrival > RESIDENCE_SINCE):
        c.reason("continuous_residence")
    elif residence is False:
        c.flag("continuous_residence_not_confirmed")
    presence = answers.get("presence.2012_06_15")
    if presence is True:
        if arrival and arrival > DACA_ANNOUNCED:
            c.contradictions.append("presence.2012_06_15 is yes but arrival.date is after it")
        c.reason("present_2012_06_15")
    elif presence is False:
        c.bar("not_present_2012_06_15")
    lawful = answers.get("status.lawful_on_2012_06_15")
    if lawful is True:
        c.bar("lawful_status_2012_06_15")
    elif lawful is False:
        c.reason("no_lawful_status_2012_06_15")
    education = answers.get("education.status")
    if education == "none":
        c.flag("education_not_met")
    elif education is not None:
        c.reason("education_met")
    if born:
        in_proceedings = answers.get("removal.status") in IN_PROCEEDINGS
        fifteenth = birthday(born, 15)
        if on < fifteenth and not in_proceedings:
            c.bar("under_15_at_filing", date=fifteenth.isoformat())
        if born.month == 2 and born.day == 29 and abs((on - fifteenth).days) <= 1:
            c.flag("leap_day_birthday")
            c.uncertain = True


def screen(
    answers: Mapping[str, Any], on: dt.date, policy: Policy, lang: str = FALLBACK
) -> Determination:
    """Screen validated answers as of ``on``; messages in ``lang`` (a client language of the
    registry, :mod:`clinic.domain.languages`; else English)."""
    c = _Collector(client_language(lang))
    rtype = request_type(answers, on)
    status = policy.status_on(on)
    born = _date(answers.get("dob"))

    # request type and DACA history
    granted = answers.get("daca.ever_granted")
    expires = _date(answers.get("daca.expires"))
    window: FilingWindow | None = None
    if granted is None:
        c.missing.append("daca.ever_granted")
    elif granted is True:
        c.missing.extend(_missing(answers, RENEWAL_FACTS))
        if answers.get("daca.terminated") is True:
            c.flag("daca_terminated")
        elif expires is not None and rtype == INITIAL:
            c.flag("daca_expired_over_one_year", date=expires.isoformat())
    elif expires is not None or answers.get("daca.terminated") is True:
        c.contradictions.append(
            "daca.ever_granted is no but a DACA expiration or termination is given"
        )
    stated = answers.get("request.type")
    if stated is not None and stated != rtype:
        c.contradictions.append(f"request.type is {stated} but the DACA history makes it {rtype}")
    c.reason("renewal_request" if rtype == RENEWAL else "initial_request")

    if rtype == RENEWAL and expires is not None:
        window = filing_window(expires)
        if on < window.opens:
            c.flag("renewal_before_window", date=window.opens.isoformat())
        elif on > expires:
            c.flag("daca_lapsed", date=expires.isoformat())
        elif on > window.closes:
            c.notice(
                "renewal_after_window",
                c.make("renewal_after_window", date=window.closes.isoformat()).message,
            )
    if rtype == INITIAL:
        if status.initial_requests == "accepted_not_decided":
            c.flag("initial_not_decided")
        elif status.initial_requests == "not_accepted":
            c.flag("initial_not_accepted")

    # facts every request needs, and the red flags
    c.missing.extend(k for k in _missing(answers, COMMON_FACTS) if k not in c.missing)
    if born:
        if born > on:
            c.contradictions.append("dob is after the evaluation date")
        elif born < BORN_ON_OR_AFTER:
            c.bar("born_before_1981_06_16")
        else:
            c.reason("born_on_or_after_1981_06_16")
    _check_criminal(answers, c)
    _check_travel(answers, on, c)
    _check_removal_and_safety(answers, c)
    if rtype == INITIAL:
        c.missing.extend(k for k in _missing(answers, INITIAL_FACTS) if k not in c.missing)
        _check_initial_guidelines(answers, on, born, c)

    # notices from the program status and fees in force
    states = {answers.get("mailing.state"), answers.get("physical.state")}
    for notice in status.notices:
        if notice.applies_to_states and not states & set(notice.applies_to_states):
            continue
        c.notice(notice.code, notice.text(c.lang))
    fees = policy.fees_on(on).forms
    if "I-821D" in fees and "I-765" in fees:
        c.notice(
            "fees",
            c.make(
                "fees",
                i821d=fees["I-821D"].paper,
                i765_paper=fees["I-765"].paper,
                i765_online=fees["I-765"].online,
            ).message,
        )

    # the outcome, doubt first
    if c.contradictions:
        c.flag("contradiction", items="; ".join(c.contradictions))
    if c.missing:
        c.flag("missing_facts", keys=", ".join(c.missing))
    if rtype == RENEWAL and c.bars:
        c.contradictions.append("a renewal whose answers do not meet an initial guideline")
        c.flags = [f for f in c.flags if f.code != "contradiction"]
        c.flag("contradiction", items="; ".join(c.contradictions))
    if c.contradictions or c.uncertain:
        outcome = ATTORNEY_REVIEW
    elif c.bars:
        outcome = NOT_ELIGIBLE
    elif c.flags:
        outcome = ATTORNEY_REVIEW
    else:
        outcome = LIKELY_ELIGIBLE
        if rtype == RENEWAL:
            c.reason("renewal_guidelines")
    reasons = [*c.bars, *c.reasons] if outcome == NOT_ELIGIBLE else [*c.reasons, *c.bars]
    return Determination(
        request_type=rtype,
        outcome=outcome,
        reasons=tuple(reasons),
        flags=tuple(c.flags),
        filing_window=window,
        notices=tuple(c.notices),
    )
