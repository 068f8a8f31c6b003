"""The screening's checks, one per topic: what each answer that bears on a guideline says.

Used by :mod:`clinic.domain.rules` (which decides the outcome); pure, no I/O. Each check reads
validated answers and writes into a :class:`Collector`: reasons (a guideline met), bars (a
guideline plainly not met, with the answer keys that bear on it), flags (a person must decide),
notices, contradictions (answers that disagree) and missing facts. Every text is looked up by
code in :mod:`clinic.domain.rule_texts`, in the client's language; no answer key is ever shown.

The rules read every yes/no, date and choice answer that bears on residence, presence,
departures and status. Free-text answers (statuses at arrival, the current status) are for the
attorney and the forms: no rule reads them, and the screening doc says so.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from clinic.domain.rule_texts import (
    contradiction_text,
    fact_label,
    label_of,
    offense_words,
    text_for,
)

DACA_ANNOUNCED = dt.date(2012, 6, 15)
RESIDENCE_SINCE = dt.date(2007, 6, 15)
BORN_ON_OR_AFTER = dt.date(1981, 6, 16)
ADVANCE_PAROLE_REQUIRED_FROM = dt.date(2012, 8, 15)
DACA_PERIOD_YEARS = 2
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
# Ways people write "the United States" in the interview languages (compared casefolded, with
# accents and punctuation removed). Anything else is a country outside the U.S. for the rules.
UNITED_STATES = frozenset(
    {
        "united states",
        "united states of america",
        "the united states",
        "the us",
        "the usa",
        # the United States in the geographical sense of INA 101(a)(38)
        "puerto rico",
        "guam",
        "virgin islands",
        "us virgin islands",
        "northern mariana islands",
        "commonwealth of the northern mariana islands",
        "usa",
        "us",
        "america",
        "estados unidos",
        "estados unidos de america",
        "eeuu",
        "ee uu",
        "eua",
        "미국",
        "미합중국",
    }
)


# How people write that they came in paroled on advance parole, in the interview languages
# (words for Latin scripts, parts of the answer for Hangul). A return after a DACA grant on
# anything else is for an attorney (8 CFR 236.22(b)(2)).
PAROLE_WORDS = (
    "parole",
    "paroled",
    "parolee",
    "ap",
    "i 512",
    "i 512l",
    "permiso adelantado",
    "permiso de viaje",
    "parol",
    "사전 여행 허가",
    "사전여행허가",
    "여행 허가",
    "파롤",
)


def names_parole(status: str) -> bool:
    """Whether a status-at-arrival answer says the person came in on (advance) parole."""
    plain = f" {_plain(status)} "
    for word in PAROLE_WORDS:
        needle = _plain(word)
        if needle and (needle in plain if not needle.isascii() else f" {needle} " in plain):
            return True
    return False


# How people write "no lawful status" or "DACA" as their status now, in the interview languages
# (matched as parts of the plain answer). Any other answer names a status an attorney must read:
# DACA requires no lawful status when requesting (8 CFR 236.22(b)(4)).
NO_LAWFUL_STATUS_WORDS = (
    "none",
    "no status",
    "no lawful",
    "no legal",
    "undocumented",
    "without status",
    "expired",
    "overstay",
    "daca",
    "deferred action",
    "c 33",
    "c33",
    "sin estatus",
    "sin status",
    "ninguno",
    "ninguna",
    "indocumentad",
    "accion diferida",
    "vencid",
    "없음",
    "신분 없",
    "추방 유예",
    "서류 미비",
    "불법 체류",
    "만료",
)


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


@dataclass
class Collector:
    """What the checks found, in the client's language ``lang``."""

    lang: str
    reasons: list[Finding] = field(default_factory=list)
    bars: list[tuple[Finding, tuple[str, ...]]] = field(default_factory=list)
    flags: list[Finding] = field(default_factory=list)
    notices: list[Finding] = field(default_factory=list)
    contradictions: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # answer keys; shown by their labels
    uncertain: bool = False  # a fact the rules cannot settle (a leap-day birthday boundary)

    def make(self, code: str, **values: object) -> Finding:
        text = text_for(code)
        message = text.message(self.lang, **{k: str(v) for k, v in values.items()})
        return Finding(code, message, text.citation)

    def reason(self, code: str, **values: object) -> None:
        self.reasons.append(self.make(code, **values))

    def bar(self, code: str, keys: tuple[str, ...], **values: object) -> None:
        """A guideline plainly not met, as answered; ``keys`` are the answers that bear on it."""
        self.bars.append((self.make(code, **values), keys))

    def flag(self, code: str, citation: str | None = None, **values: object) -> None:
        """A flag for a person; ``citation`` replaces the code's own (dated data's source)."""
        if code not in {f.code for f in self.flags}:
            found = self.make(code, **values)
            if citation is not None:
                found = Finding(found.code, found.message, citation)
            self.flags.append(found)

    def notice(self, code: str, message: str) -> None:
        self.notices.append(Finding(code, message))

    def contradict(self, code: str, **values: object) -> None:
        self.contradictions.append(
            contradiction_text(code, self.lang, **{k: str(v) for k, v in values.items()})
        )

    def miss(self, *keys: str) -> None:
        self.missing.extend(k for k in keys if k not in self.missing)

    def fact(self, key: str, **values: str) -> str:
        """A fact's name from the FACTS table, its placeholders filled."""
        return fact_label(key, self.lang).format(**values)

    def entry(self, n: int, kinds: str) -> str:
        """A criminal-history entry named by its number and the offense kinds its words name."""
        return fact_label("criminal[]", self.lang).format(n=n, kinds=kinds)

    def missing_labels(self) -> str:
        """The missing facts named by what they ask; the public-safety questions together."""
        safety = [k for k in self.missing if k.startswith("safety.")]
        names = [fact_label(k, self.lang) for k in self.missing if not k.startswith("safety.")]
        if safety:
            what = ", ".join(self.label("safety", k.split(".", 1)[1]) for k in safety)
            names.append(fact_label("safety", self.lang).format(what=what))
        return "; ".join(names)

    def label(self, table: str, value: str) -> str:
        return label_of(table, value, self.lang)


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


def as_date(value: object) -> dt.date | None:
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    return None


def _plain(text: str) -> str:
    """Casefolded, accents and punctuation removed, spaces single: for matching words."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    kept = "".join(
        " " if unicodedata.category(ch)[0] in "PZS" else ch
        for ch in decomposed
        if not unicodedata.combining(ch)
    )
    return unicodedata.normalize("NFC", " ".join(kept.split()))


_UNITED_STATES_PLAIN = frozenset(_plain(name).replace(" ", "") for name in UNITED_STATES)


def is_united_states(country: str) -> bool:
    """Whether a country answer names the United States ("U.S.A.", "EE. UU.", "미국", ...)."""
    return _plain(country).replace(" ", "") in _UNITED_STATES_PLAIN


# -- DACA history and the request type ----------------------------------------------------------


def period_start(expires: dt.date) -> dt.date:
    """About when the current DACA period began: DACA is granted for two years."""
    return add_years(expires, -DACA_PERIOD_YEARS)


# -- criminal history -------------------------------------------------------------------------


def offense_categories(offense: str) -> list[str]:
    """The significant-misdemeanor categories of 8 CFR 236.22(b)(6) an offense's words name, in
    any interview language (whole words for Latin scripts, substrings for Hangul)."""
    plain = f" {_plain(offense)} "
    found = []
    for category, words in offense_words().items():
        for word in words:
            needle = _plain(word)
            if not needle:
                continue
            hit = needle in plain if not needle.isascii() else f" {needle} " in plain
            if hit:
                found.append(category)
                break
    return found


def check_criminal(answers: Mapping[str, Any], c: Collector) -> None:
    entries: Sequence[Mapping[str, Any]] = answers.get("criminal") or []
    if not entries:
        return
    n = len(entries)
    c.flag("criminal_history", count=n, plural="y" if n == 1 else "ies")
    levels = [e.get("level") for e in entries]
    if "felony" in levels:
        c.flag("criminal_felony")
    if "significant_misdemeanor" in levels:
        c.flag("criminal_significant_misdemeanor")
    hints = []
    for i, entry in enumerate(entries, start=1):
        if entry.get("level") in ("felony", "significant_misdemeanor"):
            continue
        kinds = offense_categories(str(entry.get("offense") or ""))
        if kinds:
            named = ", ".join(c.label("offense", k) for k in kinds)
            hints.append(c.entry(i, named))
    if hints:
        c.flag("criminal_possible_significant_misdemeanor", entries="; ".join(hints))
    # Three or more misdemeanors "not occurring on the same date and not arising out of the
    # same act": convictions only (an unknown outcome counts, so the doubt goes to a person),
    # one per date; an entry with no date counts alone.
    counted: set[object] = set()
    for i, entry in enumerate(entries):
        if entry.get("level") == "misdemeanor" and entry.get("outcome") in ("convicted", None):
            counted.add(entry.get("date") or ("undated", i))
    if len(counted) >= 3:
        c.flag("criminal_three_misdemeanors")
    if any(e.get("outcome") == "pending" for e in entries):
        c.flag("criminal_pending")


# -- removal, detention, public safety --------------------------------------------------------


def check_removal_and_safety(answers: Mapping[str, Any], c: Collector) -> None:
    removal = answers.get("removal.status")
    if removal in ("final_order", "voluntary_departure"):
        c.flag("removal_proceedings")
        c.flag("removal_order")
    elif removal is not None and removal != "never":
        c.flag("removal_proceedings")
    if answers.get("detention.current") is True:
        c.flag("detained")
    yes = [c.label("safety", k.split(".", 1)[1]) for k in SAFETY_KEYS if answers.get(k) is True]
    if yes:
        c.flag("public_safety", items=", ".join(yes))


# -- travel, last arrival, residence ------------------------------------------------------------


@dataclass(frozen=True)
class _Trip:
    number: int
    departed: dt.date | None
    returned: dt.date | None
    parole: bool | None


def _trips(answers: Mapping[str, Any]) -> list[_Trip]:
    return [
        _Trip(
            i,
            as_date(t.get("departed")),
            as_date(t.get("returned")),
            t.get("advance_parole") if isinstance(t.get("advance_parole"), bool) else None,
        )
        for i, t in enumerate(answers.get("travel") or [], start=1)
    ]


def check_travel(answers: Mapping[str, Any], on: dt.date, c: Collector) -> None:
    """Every trip: its dates, whether it has come back, and advance parole (required for a
    departure on or after August 15, 2012; an earlier absence must be brief, casual and
    innocent, which an attorney decides)."""
    trips = _trips(answers)
    without: list[_Trip] = []
    earlier: list[_Trip] = []
    away: list[_Trip] = []
    with_parole = 0
    for trip in trips:
        if trip.departed is None:
            c.miss(f"travel[{trip.number}].departed")
        if trip.departed and trip.returned and trip.returned < trip.departed:
            c.contradict("trip_returns_before_departing", n=trip.number)
        if trip.departed and trip.departed > on:
            c.contradict("trip_departs_after_evaluation", n=trip.number)
        elif trip.returned is None or trip.returned > on:
            away.append(trip)
        if trip.parole is None:
            c.miss(f"travel[{trip.number}].advance_parole")
        elif trip.parole:
            with_parole += 1
        elif trip.departed and trip.departed < ADVANCE_PAROLE_REQUIRED_FROM:
            if trip.returned is None or trip.returned >= RESIDENCE_SINCE:
                earlier.append(trip)
        else:
            without.append(trip)
    reported = answers.get("departure.without_parole_since_2012_08_15")
    if reported is False and without:
        c.contradict("departure_no_trip_without_parole", n=without[0].number)
    if without:
        numbers = ", ".join(str(t.number) for t in without)
        c.flag("travel_without_advance_parole", trips=c.fact("travel[]", numbers=numbers))
    elif reported is True:
        c.flag("travel_without_advance_parole", trips=c.fact("travel[].not_listed"))
    if earlier:
        c.flag("absence_before_2012_08_15", trips=", ".join(str(t.number) for t in earlier))
    if away:
        c.flag("trip_not_returned", trips=", ".join(str(t.number) for t in away))
    if with_parole and not without and not reported:
        c.notice("travel_with_advance_parole", c.make("travel_with_advance_parole").message)


def check_last_arrival(
    answers: Mapping[str, Any],
    on: dt.date,
    since: dt.date | None,
    c: Collector,
    *,
    renewal: bool = False,
) -> None:
    """The last arrival must agree with the first arrival and the trips; one after ``since``
    (the current DACA period, or June 15, 2007 for an initial request: the time the trip list
    covers) must be the return of a listed trip, and on a renewal, an entry on advance parole
    (a DACA recipient who travels comes back paroled)."""
    last = as_date(answers.get("arrival.last_date"))
    if last is None:
        return
    first = as_date(answers.get("arrival.date"))
    if last > on:
        c.contradict("last_arrival_after_evaluation")
        return
    if first and last < first:
        c.contradict("last_arrival_before_first")
    trips = _trips(answers)
    back = [t for t in trips if t.returned and t.returned <= on and t.returned > last]
    if back:
        c.contradict("last_arrival_before_trip", n=back[0].number)
    returns = {t.returned for t in trips if t.returned}
    if since is not None and last > since and last != first and last not in returns:
        c.flag("last_arrival_unexplained", date=last.isoformat())
    status = answers.get("arrival.last_status")
    if (
        renewal
        and since is not None
        and last > since
        and last != first
        and isinstance(status, str)
        and status.strip()
        and not names_parole(status)
    ):
        c.flag("last_entry_not_on_parole", date=last.isoformat(), status=status.strip())


def check_residence(answers: Mapping[str, Any], c: Collector) -> None:
    """Continuous residence (every request answers it), the country of residence now, and
    earlier addresses abroad."""
    continuous = answers.get("residence.continuous_since_2007")
    country = answers.get("residence.country")
    if isinstance(country, str) and country.strip() and not is_united_states(country):
        c.flag("residence_outside_us", country=country.strip())
    if continuous is False:
        c.flag("continuous_residence_not_confirmed")
    for i, address in enumerate(answers.get("addresses") or [], start=1):
        abroad = address.get("country")
        if not isinstance(abroad, str) or not abroad.strip() or is_united_states(abroad):
            continue
        until = as_date(address.get("to"))
        if until is None or until >= RESIDENCE_SINCE:
            if continuous is True:
                c.contradict("address_abroad_residence_yes", n=i, country=abroad.strip())
            else:
                c.flag("address_abroad", addresses=str(i))


# -- the initial guidelines (every request: on a renewal, a failed one contradicts the grant) ----


def check_arrival(
    answers: Mapping[str, Any], on: dt.date, born: dt.date | None, c: Collector
) -> None:
    """8 CFR 236.22(b)(1): came to live in the U.S. before the 16th birthday. The form asks it
    ("initially arrived and established residence ... prior to 16"); the first entry date bears
    on it; a childhood visit is not arrival to live here."""
    arrival = as_date(answers.get("arrival.date"))
    before_16 = answers.get("arrival.before_age_16")
    keys = ("dob", "arrival.date", "arrival.before_age_16")
    if arrival and arrival > on:
        c.contradict("arrival_after_evaluation")
        arrival = None
    if born and arrival and arrival < born:
        c.contradict("arrival_before_birth")
        arrival = None
    age = age_on(born, arrival) if born and arrival else None
    if age is not None and born is not None and arrival is not None:
        if born.month == 2 and born.day == 29 and abs((arrival - birthday(born, 16)).days) <= 1:
            c.flag("leap_day_birthday")
            c.uncertain = True
    if before_16 is True:
        if age is not None and age >= 16:
            c.contradict("before16_yes_arrival_age", age=age)
        else:
            c.reason("arrived_under_16")
    elif before_16 is False:
        if age is not None and age < 16:
            c.contradict("before16_no_arrival_under_16", age=age)
        else:
            c.bar("arrived_age_16_or_older", keys)
    elif age is not None:
        if age >= 16:
            c.bar("arrived_age_16_or_older", keys)
        else:
            c.reason("arrived_under_16")


def check_residence_since_2007(answers: Mapping[str, Any], on: dt.date, c: Collector) -> None:
    """8 CFR 236.22(b)(2): a first arrival after June 15, 2007 cannot show residence since."""
    arrival = as_date(answers.get("arrival.date"))
    continuous = answers.get("residence.continuous_since_2007")
    if arrival and RESIDENCE_SINCE < arrival <= on:
        c.bar("arrived_after_2007_06_15", ("arrival.date", "residence.continuous_since_2007"))
        if continuous is True:
            c.contradict("residence_yes_arrival_after_2007")
    elif continuous is True:
        c.reason("continuous_residence")


def check_presence(answers: Mapping[str, Any], on: dt.date, initial: bool, c: Collector) -> None:
    """8 CFR 236.22(b)(3): in the U.S. on June 15, 2012. The trips and the first arrival bear on
    it (an initial request lists every absence since June 15, 2007)."""
    presence = answers.get("presence.2012_06_15")
    arrival = as_date(answers.get("arrival.date"))
    trips = _trips(answers)
    covering = [
        t
        for t in trips
        if t.departed
        and t.departed <= DACA_ANNOUNCED
        and (t.returned is None or t.returned >= DACA_ANNOUNCED)
    ]
    after = arrival is not None and DACA_ANNOUNCED < arrival <= on
    if presence is True:
        if after:
            c.contradict("presence_yes_arrival_after")
        if covering:
            c.contradict("presence_yes_trip_covers", n=covering[0].number)
        c.reason("present_2012_06_15")
    elif presence is False:
        if initial and "travel" in answers and not covering and not after:
            c.contradict("presence_no_no_trip")
        c.bar("not_present_2012_06_15", ("presence.2012_06_15", "arrival.date", "travel"))


def check_lawful_status(answers: Mapping[str, Any], c: Collector) -> None:
    """8 CFR 236.22(b)(4): no lawful status on June 15, 2012. What counts is the authorized stay
    (the I-94), not the visa stamp: an answer the stay contradicts goes to a person."""
    lawful = answers.get("status.lawful_on_2012_06_15")
    stay = as_date(answers.get("i94_stay_expires"))
    described = answers.get("status.on_2012_06_15")
    if lawful is True:
        agrees = True
        if stay is not None and stay < DACA_ANNOUNCED:
            c.contradict("lawful_yes_i94_ended", date=stay.isoformat())
            agrees = False
        if described is not None:
            c.contradict("lawful_yes_status_described", status=c.label("status_2012", described))
            agrees = False
        if agrees and stay is None and answers.get("i94_issued") is True:
            # an I-94 was issued, its end not given: whether the stay still ran that day is
            # the whole question (8 CFR 236.22(b)(4)), so the answer is not settled
            c.miss("i94_stay_expires")
        if agrees:
            c.bar("lawful_status_2012_06_15", ("status.lawful_on_2012_06_15", "i94_stay_expires"))
    elif lawful is False:
        if stay is not None and stay >= DACA_ANNOUNCED:
            c.contradict("lawful_no_i94_ran", date=stay.isoformat())
        c.reason("no_lawful_status_2012_06_15")
    current = answers.get("status.current")
    if isinstance(current, str) and current.strip():
        plain = _plain(current)
        if not any(_plain(word) in plain for word in NO_LAWFUL_STATUS_WORDS):
            c.flag("current_status_to_review", status=current.strip())


def check_education(answers: Mapping[str, Any], c: Collector) -> None:
    """8 CFR 236.22(b)(5): in school, a diploma, a certificate, a GED, or an honorably
    discharged veteran (the discharge type answered must be honorable)."""
    education = answers.get("education.status")
    if education == "none":
        c.flag("education_not_met")
        return
    if education is None:
        return
    if education == "honorably_discharged_veteran":
        served = answers.get("military.served")
        discharge = answers.get("military.discharge_type")
        if served is False:
            c.contradict("veteran_not_served")
            return
        if discharge is None:
            c.miss("military.discharge_type")
            return
        if discharge != "honorable":
            c.contradict("veteran_discharge_type", kind=c.label("discharge", discharge))
            return
    c.reason("education_met")


def check_age(answers: Mapping[str, Any], on: dt.date, born: dt.date | None, c: Collector) -> None:
    """8 CFR 236.22(b)(7): born on or after June 16, 1981, and 15 or older when filing unless
    in removal proceedings."""
    if born is None:
        return
    if born > on:
        c.contradict("born_after_evaluation")
        return
    if born < BORN_ON_OR_AFTER:
        c.bar("born_before_1981_06_16", ("dob",))
    else:
        c.reason("born_on_or_after_1981_06_16")
    in_proceedings = answers.get("removal.status") in IN_PROCEEDINGS
    fifteenth = birthday(born, 15)
    if on < fifteenth and not in_proceedings:
        c.bar("under_15_at_filing", ("dob", "removal.status"), date=fifteenth.isoformat())
    if born.month == 2 and born.day == 29 and abs((on - fifteenth).days) <= 1:
        c.flag("leap_day_birthday")
        c.uncertain = True
