"""Daily counts from de-identified tallies: a pure function, no I/O, no personal data.

Every event in the store carries a tally (``Session.tallies``): ``site``, ``date`` (the
clinic-local ISO date), ``type`` (the event type), ``language``, ``volunteer`` (the author's
username), ``role`` (the author's role, on tallies written since roles were kept), ``kind`` on
``created``, ``outcome`` / ``request_type`` / ``flags`` on ``screened``, and ``record``, a random
record id used only to count each person once.

The counts (:class:`Counts`), for the period and broken down by day, site, language and volunteer:

- ``served``: people the clinic dealt with (distinct records checked in, or with any of the
  counts below): someone checked in and still being screened is served;
- ``informed``: records with an inquiry (``created`` with kind ``inquiry``, or ``inquiry_logged``);
- ``screened``: records screened, with ``by_outcome``, ``by_request_type`` and ``flags`` (records
  carrying each flag code) taken from each record's last screening in the period;
- ``referred``: records whose last screening sent them to an attorney (``attorney_review``);
- ``packets_built``, ``returned``, ``approved``, ``closed``: records with such an event.

**One record, one count, one row.** For each count a record is counted once, from its *deciding
event*: the last event of that kind in the period (dates in order; on the same date, the order the
tallies were given, which for ``Session.tallies`` is the order they were stored). That event's
date, site, language and author (the volunteer) place the record in each breakdown, so every
breakdown's rows add up to the period total: a person screened on Saturday and screened again on
Sunday is one screening, on Sunday, with Sunday's outcome. The volunteer breakdown is the
volunteers' work (informed, screened, referred, packets built): returns and approvals are an
attorney's and closing a coordinator's, so they are left out of it (its rows add up to the total
for the volunteers' counts). Only volunteers are named in it: work an attorney, a coordinator or an
admin did (a screening, a check-in) is one row, :data:`OTHER_STAFF`.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Protocol

__all__ = [
    "BREAKDOWNS",
    "METRICS",
    "OTHER_STAFF",
    "OUTCOMES",
    "REQUEST_TYPES",
    "UNKNOWN",
    "Counts",
    "Report",
    "TallySource",
    "counts_for",
    "daily_counts",
]

METRICS = (
    "served",
    "informed",
    "screened",
    "referred",
    "packets_built",
    "returned",
    "approved",
    "closed",
)
"""The plain counts of :class:`Counts`, in the order tables show them."""

OUTCOMES = ("likely_eligible", "attorney_review", "not_eligible")
REQUEST_TYPES = ("renewal", "initial")
BREAKDOWNS = ("day", "site", "language", "volunteer")
UNKNOWN = "(unknown)"
#: the one row of the volunteer breakdown that holds the work of attorneys, coordinators and
#: admins (a tally names its author's role; tallies from before roles were kept have none)
OTHER_STAFF = "(other staff)"
"""The key of a tally that lacks the site, language, volunteer, outcome or request type."""

REFERRED_OUTCOME = "attorney_review"

# event type -> the count it decides (``created`` decides ``informed`` for inquiries, and
# ``checked_in`` for people: counted only among the people served)
_DECIDES = {
    "inquiry_logged": "informed",
    "screened": "screened",
    "packet_built": "packets_built",
    "review_returned": "returned",
    "review_approved": "approved",
    "closed": "closed",
}
_EVENT_COUNTS = (
    "checked_in",
    "informed",
    "screened",
    "packets_built",
    "returned",
    "approved",
    "closed",
)
# the volunteer breakdown's counts
_VOLUNTEERS_WORK = ("checked_in", "informed", "screened", "packets_built")

Tally = Mapping[str, Any]


def _frozen(counter: Mapping[str, int], first: Iterable[str] = ()) -> Mapping[str, int]:
    """A read-only mapping: the ``first`` keys (even at zero) in order, then the rest sorted."""
    leading = list(first)
    out = {key: counter.get(key, 0) for key in leading}
    out.update({key: counter[key] for key in sorted(counter) if key not in out})
    return MappingProxyType(out)


def _empty() -> Mapping[str, int]:
    return MappingProxyType({})


@dataclass(frozen=True)
class Counts:
    """The counts of one row (the period, one day, one site, one language or one volunteer).

    Each number counts distinct records. ``by_outcome`` always holds the three outcomes and
    ``by_request_type`` both request types (zero when none); ``flags`` holds only the flag codes
    seen. All three are read-only mappings.
    """

    served: int = 0
    informed: int = 0
    screened: int = 0
    referred: int = 0
    packets_built: int = 0
    returned: int = 0
    approved: int = 0
    closed: int = 0
    by_outcome: Mapping[str, int] = field(default_factory=lambda: _frozen({}, OUTCOMES))
    by_request_type: Mapping[str, int] = field(default_factory=lambda: _frozen({}, REQUEST_TYPES))
    flags: Mapping[str, int] = field(default_factory=_empty)

    def metric(self, name: str) -> int:
        """One of :data:`METRICS` by name."""
        if name not in METRICS:
            raise ValueError(f"unknown count {name!r}; expected one of {', '.join(METRICS)}")
        value: int = getattr(self, name)
        return value

    def is_empty(self) -> bool:
        """True when nothing was counted."""
        return not any(self.metric(name) for name in METRICS)

    @classmethod
    def of(cls, deciding: Mapping[str, list[Tally]]) -> Counts:
        """The counts of a group, from each count's deciding tallies (one per record)."""
        screens = deciding.get("screened", [])
        outcomes = Counter(_key(t, "outcome") for t in screens)
        request_types = Counter(_key(t, "request_type") for t in screens)
        flags = Counter(code for t in screens for code in _flags(t))
        return cls(
            served=len({str(t.get("record")) for group in deciding.values() for t in group}),
            informed=len(deciding.get("informed", [])),
            screened=len(screens),
            referred=outcomes.get(REFERRED_OUTCOME, 0),
            packets_built=len(deciding.get("packets_built", [])),
            returned=len(deciding.get("returned", [])),
            approved=len(deciding.get("approved", [])),
            closed=len(deciding.get("closed", [])),
            by_outcome=_frozen(outcomes, OUTCOMES),
            by_request_type=_frozen(request_types, REQUEST_TYPES),
            flags=_frozen(flags),
        )


Row = tuple[str, Counts]


@dataclass(frozen=True)
class Report:
    """The counts of a period: the total and one row per day, site, language and volunteer.

    ``by_day`` has a row for every day of the period (zero rows included, for charts); the other
    breakdowns have a row for each key that counted something, sorted by key.
    """

    date_from: dt.date
    date_to: dt.date
    total: Counts
    by_day: tuple[Row, ...]
    by_site: tuple[Row, ...]
    by_language: tuple[Row, ...]
    by_volunteer: tuple[Row, ...]

    def rows(self, breakdown: str) -> list[Row]:
        """The ``(key, counts)`` rows of ``day``, ``site``, ``language`` or ``volunteer``."""
        if breakdown not in BREAKDOWNS:
            raise ValueError(
                f"unknown breakdown {breakdown!r}; expected one of {', '.join(BREAKDOWNS)}"
            )
        rows: tuple[Row, ...] = getattr(self, f"by_{breakdown}")
        return list(rows)

    def flag_codes(self) -> list[str]:
        """Every flag code counted in the period, sorted."""
        return sorted(self.total.flags)


class TallySource(Protocol):
    """Anything with the store's ``tallies`` method (``clinic.store.clinic.Session``)."""

    def tallies(self, date_from: str, date_to: str) -> Iterable[Tally]:
        """The tallies of events whose local date is in ``[date_from, date_to]`` (ISO dates)."""
        ...


def counts_for(session: TallySource, date_from: dt.date, date_to: dt.date) -> Report:
    """The report of a clinic's events from ``date_from`` to ``date_to`` (both included)."""
    return daily_counts(
        session.tallies(date_from.isoformat(), date_to.isoformat()), date_from, date_to
    )


def daily_counts(tallies: Iterable[Tally], date_from: dt.date, date_to: dt.date) -> Report:
    """Count the tallies dated from ``date_from`` to ``date_to`` (both included).

    Tallies outside the period, or without a readable date or a record id, are ignored. See the
    module docstring for what each count means and where a record is counted.
    """
    if date_to < date_from:
        raise ValueError("the period ends before it starts")
    dated: list[tuple[dt.date, Tally]] = []
    for tally in tallies:
        day = _date(tally)
        if day is not None and date_from <= day <= date_to and str(tally.get("record") or ""):
            dated.append((day, tally))
    dated.sort(key=lambda pair: pair[0])  # stable: same-day tallies keep their given order

    # count -> record -> its deciding tally (the last one wins)
    deciding: dict[str, dict[str, Tally]] = {name: {} for name in _EVENT_COUNTS}
    for day, tally in dated:
        name = _decides(tally)
        if name is not None:
            deciding[name][str(tally["record"])] = {**tally, "date": day.isoformat()}

    def grouped(
        key_of: Callable[[Tally], str], counts: Iterable[str] = _EVENT_COUNTS
    ) -> dict[str, Counts]:
        groups: dict[str, dict[str, list[Tally]]] = {}
        for name, by_record in deciding.items():
            if name not in counts:
                continue
            for tally in by_record.values():
                groups.setdefault(key_of(tally), {}).setdefault(name, []).append(tally)
        return {key: Counts.of(groups[key]) for key in sorted(groups)}

    days = grouped(lambda t: str(t["date"]))
    empty = Counts()
    return Report(
        date_from=date_from,
        date_to=date_to,
        total=Counts.of({name: list(by_record.values()) for name, by_record in deciding.items()}),
        by_day=tuple((d, days.get(d, empty)) for d in _each_day(date_from, date_to)),
        by_site=tuple(grouped(lambda t: _key(t, "site")).items()),
        by_language=tuple(grouped(lambda t: _key(t, "language")).items()),
        by_volunteer=tuple(grouped(_volunteer, _VOLUNTEERS_WORK).items()),
    )


def _decides(tally: Tally) -> str | None:
    kind = tally.get("type")
    if kind == "created":
        return "informed" if tally.get("kind") == "inquiry" else "checked_in"
    return _DECIDES.get(str(kind))


def _date(tally: Tally) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(tally.get("date", "")))
    except ValueError:
        return None


def _volunteer(tally: Tally) -> str:
    role = tally.get("role")
    return _key(tally, "volunteer") if role in (None, "", "volunteer") else OTHER_STAFF


def _key(tally: Tally, name: str) -> str:
    value = tally.get(name)
    return str(value) if value not in (None, "") else UNKNOWN


def _flags(tally: Tally) -> set[str]:
    flags = tally.get("flags") or []
    if isinstance(flags, str):
        flags = [flags]
    return {str(code) for code in flags if code not in (None, "")}


def _each_day(first: dt.date, last: dt.date) -> list[str]:
    return [(first + dt.timedelta(days=n)).isoformat() for n in range((last - first).days + 1)]
