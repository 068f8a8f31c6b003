"""The DACA screening rules: request type, outcome, reasons, flags, filing window and notices.

Implements ``spec/answers.md`` ("clinic screen") over the guidelines of 8 CFR 236.22(b) and the
renewal guidance, with the program status and fees taken from dated policy data. Pure: the answers
(already validated by :mod:`clinic.domain.answers`), the evaluation date and the policy come in;
a :class:`Determination` goes out.

Every request, renewals included, runs every guideline check of 8 CFR 236.22(b) over the answers
it has (:mod:`clinic.domain.checks`). The outcome is decided in this order, so that doubt always
goes to a person:

1. answers that contradict each other, a date the rules cannot settle, or a guideline not met
   whose bearing answers are not all given -> ``attorney_review``;
2. a guideline plainly not met, every answer that bears on it given and agreeing, on an initial
   request -> ``not_eligible`` (on a renewal the same facts contradict the earlier grant ->
   ``attorney_review``);
3. any flag, or a fact still missing -> ``attorney_review``;
4. otherwise ``likely_eligible``.

Age arithmetic: a person's age on a day counts the birthdays that have come, comparing (month, day);
so someone born on February 29 turns a year older on March 1 in common years. Where that choice
decides a guideline, the ``leap_day_birthday`` flag sends the case to an attorney.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from clinic.domain import checks
from clinic.domain.checks import (
    ADVANCE_PAROLE_REQUIRED_FROM,
    BORN_ON_OR_AFTER,
    DACA_ANNOUNCED,
    IN_PROCEEDINGS,
    RESIDENCE_SINCE,
    SAFETY_KEYS,
    Collector,
    Finding,
    add_years,
    age_on,
    as_date,
    birthday,
)
from clinic.domain.languages import FALLBACK, client_language
from clinic.domain.policy import Policy

__all__ = [
    "ADVANCE_PAROLE_REQUIRED_FROM",
    "ATTORNEY_REVIEW",
    "BORN_ON_OR_AFTER",
    "DACA_ANNOUNCED",
    "INITIAL",
    "IN_PROCEEDINGS",
    "LIKELY_ELIGIBLE",
    "NOT_ELIGIBLE",
    "RENEWAL",
    "RESIDENCE_SINCE",
    "SAFETY_KEYS",
    "Determination",
    "FilingWindow",
    "Finding",
    "add_years",
    "age_on",
    "birthday",
    "filing_window",
    "request_type",
    "screen",
]

LIKELY_ELIGIBLE = "likely_eligible"
ATTORNEY_REVIEW = "attorney_review"
NOT_ELIGIBLE = "not_eligible"
RENEWAL = "renewal"
INITIAL = "initial"

WINDOW_OPENS_DAYS = 150
WINDOW_CLOSES_DAYS = 120
# Facts every request needs (the I-821D asks them of initial and renewal requests alike).
COMMON_FACTS = (
    "dob",
    "removal.status",
    "detention.current",
    "residence.country",
    "residence.continuous_since_2007",
    "arrival.last_date",
    "departure.without_parole_since_2012_08_15",
    "travel",
    "criminal",
    *SAFETY_KEYS,
)
INITIAL_FACTS = (
    "arrival.date",
    "arrival.before_age_16",
    "presence.2012_06_15",
    "status.lawful_on_2012_06_15",
    "education.status",
)
RENEWAL_FACTS = ("daca.expires", "daca.terminated")


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
    #: False while the answers cannot yet tell renewal from initial (DACA granted, or not
    #: answered, with no expiry date): ``request_type`` is then the screening's working guess
    request_type_settled: bool = True

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "request_type": self.request_type,
            "outcome": self.outcome,
            "reasons": [r.to_json() for r in self.reasons],
            "flags": [f.to_json() for f in self.flags],
            "filing_window": self.filing_window.to_json() if self.filing_window else None,
            "notices": [n.to_json(with_citation=False) for n in self.notices],
        }
        if not self.request_type_settled:
            out["request_type_settled"] = False
        return out

    @property
    def flag_codes(self) -> list[str]:
        return [f.code for f in self.flags]


def filing_window(expires: dt.date) -> FilingWindow:
    return FilingWindow(
        opens=expires - dt.timedelta(days=WINDOW_OPENS_DAYS),
        closes=expires - dt.timedelta(days=WINDOW_CLOSES_DAYS),
        expires=expires,
    )


def request_type_settled(answers: Mapping[str, Any]) -> bool:
    """Whether the answers tell renewal from initial: DACA never granted, or terminated, or
    granted, not terminated, with its expiry date (or the request type stated)."""
    granted = answers.get("daca.ever_granted")
    if granted is False or answers.get("daca.terminated") is True:
        return True
    return (
        granted is True
        and answers.get("daca.terminated") is False
        and (as_date(answers.get("daca.expires")) is not None or "request.type" in answers)
    )


def request_type(answers: Mapping[str, Any], on: dt.date) -> str:
    """``renewal`` when DACA was granted, not terminated, and expired no more than a year ago."""
    if answers.get("daca.ever_granted") is not True or answers.get("daca.terminated") is True:
        return INITIAL
    expires = as_date(answers.get("daca.expires"))
    if expires is None:
        return RENEWAL if answers.get("request.type") == RENEWAL else INITIAL
    return RENEWAL if expires >= add_years(on, -1) else INITIAL


# -- the screening ----------------------------------------------------------------------------


def _missing(answers: Mapping[str, Any], keys: tuple[str, ...]) -> list[str]:
    return [k for k in keys if k not in answers]


def _history(answers: Mapping[str, Any], on: dt.date, rtype: str, c: Collector) -> None:
    """DACA granted before, terminated, expired; the request type stated against the history."""
    granted = answers.get("daca.ever_granted")
    expires = as_date(answers.get("daca.expires"))
    if granted is None:
        c.miss("daca.ever_granted")
    elif granted is True:
        c.miss(*_missing(answers, RENEWAL_FACTS))
        if answers.get("daca.terminated") is True:
            c.flag("daca_terminated")
        elif expires is not None and rtype == INITIAL:
            c.flag("daca_expired_over_one_year", date=expires.isoformat())
    elif expires is not None or answers.get("daca.terminated") is True:
        c.contradict("not_granted_but_history")
    stated = answers.get("request.type")
    if stated is not None and stated != rtype:
        c.contradict(
            "request_type_mismatch",
            stated=c.label("request_type", str(stated)),
            computed=c.label("request_type", rtype),
        )
    if request_type_settled(answers):  # else the type is only a working guess: not a reason
        c.reason("renewal_request" if rtype == RENEWAL else "initial_request")


def _window(expires: dt.date | None, on: dt.date, c: Collector) -> FilingWindow | None:
    if expires is None:
        return None
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
    return window


def _notices(answers: Mapping[str, Any], on: dt.date, policy: Policy, c: Collector) -> None:
    """The program status's notices (dated data) and the fees in force."""
    status = policy.status_on(on)
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


def screen(
    answers: Mapping[str, Any], on: dt.date, policy: Policy, lang: str = FALLBACK
) -> Determination:
    """Screen validated answers as of ``on``; messages in ``lang`` (a client language of the
    registry, :mod:`clinic.domain.languages`; else English)."""
    c = Collector(client_language(lang))
    rtype = request_type(answers, on)
    born = as_date(answers.get("dob"))
    expires = as_date(answers.get("daca.expires"))

    _history(answers, on, rtype, c)
    window = _window(expires, on, c) if rtype == RENEWAL else None
    status = policy.status_on(on)
    texas = "TX" in {answers.get("mailing.state"), answers.get("physical.state")}
    if status.texas_ead_limited and texas:
        c.flag("texas_work_permit_limited", citation=status.source)
    if rtype == INITIAL and request_type_settled(answers):
        if status.initial_requests == "accepted_not_decided":
            c.flag("initial_not_decided", citation=status.source)
        elif status.initial_requests == "not_accepted":
            c.flag("initial_not_accepted", citation=status.source)

    # facts every request needs, and the red flags
    c.miss(*_missing(answers, COMMON_FACTS))
    if rtype == INITIAL:
        c.miss(*_missing(answers, INITIAL_FACTS))
    checks.check_criminal(answers, c)
    checks.check_travel(answers, on, c)
    checks.check_removal_and_safety(answers, c)
    checks.check_residence(answers, c)
    since = (
        checks.period_start(expires)
        if rtype == RENEWAL and expires is not None
        else (ADVANCE_PAROLE_REQUIRED_FROM if rtype == RENEWAL else RESIDENCE_SINCE)
    )
    checks.check_last_arrival(answers, on, since, c, renewal=rtype == RENEWAL)

    # the guidelines of 8 CFR 236.22(b), on every request: a renewal that fails one contradicts
    # the grant it renews
    checks.check_age(answers, on, born, c)
    checks.check_arrival(answers, on, born, c)
    checks.check_residence_since_2007(answers, on, c)
    checks.check_presence(answers, on, rtype == INITIAL, c)
    checks.check_lawful_status(answers, c)
    checks.check_education(answers, c)

    _notices(answers, on, policy, c)
    det = _decide(c, rtype, window)
    if request_type_settled(answers):
        return det
    return dataclasses.replace(det, request_type_settled=False)


def _decide(c: Collector, rtype: str, window: FilingWindow | None) -> Determination:
    """The outcome, doubt first: contradictions and unsettled facts, then guidelines plainly not
    met (only where every answer that bears on them is given and agrees), then flags."""
    bars = [finding for finding, _ in c.bars]
    if rtype == RENEWAL and bars:
        c.contradict("renewal_fails_guideline")
    unsettled = any(set(keys) & set(c.missing) for _, keys in c.bars)
    if c.contradictions:
        c.flag("contradiction", items="; ".join(c.contradictions))
    if c.missing:
        c.flag("missing_facts", keys=c.missing_labels())
    if c.contradictions or c.uncertain or unsettled:
        outcome = ATTORNEY_REVIEW
    elif bars:
        outcome = NOT_ELIGIBLE
    elif c.flags:
        outcome = ATTORNEY_REVIEW
    else:
        outcome = LIKELY_ELIGIBLE
        if rtype == RENEWAL:
            c.reason("renewal_guidelines")
    reasons = [*bars, *c.reasons] if outcome == NOT_ELIGIBLE else [*c.reasons, *bars]
    return Determination(
        request_type=rtype,
        outcome=outcome,
        reasons=tuple(reasons),
        flags=tuple(c.flags),
        filing_window=window,
        notices=tuple(c.notices),
    )
