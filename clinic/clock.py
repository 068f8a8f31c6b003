"""The one clock of ClinicDay: every date and time the app, the CLI and the server read.

Nothing else in ``clinic`` calls ``datetime.now()``, ``date.today()`` or ``time.time()`` for a
date that a person sees or that is stored. "Today" is always a date *in a time zone*: the clinic's
own (``clinic init --timezone``), never the machine's, so a laptop set to UTC or travelling still
counts a Saturday in Los Angeles as that Saturday.

The clock is injectable, for tests and demos:

- in a process, :func:`use` swaps it (``with clock.use(clock.TickingClock(start)): ...``);
- across processes, ``CLINIC_CLOCK=2026-11-21T10:00:00-08:00`` starts the clock at that moment
  and lets it run from there (the tests give it to every ``clinic`` and ``clinic serve`` they
  start). It changes nothing a person could not change by setting the laptop's clock, and every
  event still carries its Lamport clock, which orders records whatever the wall clock says.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import time
from collections.abc import Iterator
from typing import Protocol
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from clinic.errors import ClinicError

ENV = "CLINIC_CLOCK"
#: when CLINIC_CLOCK was the time (seconds since the epoch): processes started later agree with it
ANCHOR_ENV = "CLINIC_CLOCK_ANCHOR"
UTC = dt.UTC


class ClockError(ClinicError, ValueError):
    """A clock that cannot be set as asked (a malformed ``CLINIC_CLOCK``)."""


class Clock(Protocol):
    """Something that tells the time."""

    def now(self) -> dt.datetime:
        """The present moment, time-zone aware, in UTC."""
        ...


class SystemClock:
    """The machine's clock."""

    def now(self) -> dt.datetime:
        return dt.datetime.now(UTC)


class TickingClock:
    """A clock set to ``start`` that then runs at the speed of real time."""

    def __init__(self, start: dt.datetime, anchor: float | None = None) -> None:
        """``anchor`` (seconds since the epoch on the machine's clock) is when ``start`` was
        the time: every process given the same one agrees on the time (a server and the
        laptops a test starts later). Without it, ``start`` is this process's start."""
        if start.tzinfo is None:
            raise ClockError("the clock's start needs a time zone (e.g. 2026-11-21T10:00-08:00)")
        self.start = start.astimezone(UTC)
        self._anchor = anchor
        self._origin = time.monotonic()

    def now(self) -> dt.datetime:
        if self._anchor is not None:
            return self.start + dt.timedelta(seconds=max(time.time() - self._anchor, 0.0))
        return self.start + dt.timedelta(seconds=time.monotonic() - self._origin)


class FixedClock:
    """A clock that stands still until it is moved (tests of midnight, expiry, idle time)."""

    def __init__(self, at: dt.datetime) -> None:
        if at.tzinfo is None:
            raise ClockError("the clock's moment needs a time zone")
        self.at = at.astimezone(UTC)

    def now(self) -> dt.datetime:
        return self.at

    def set(self, at: dt.datetime) -> None:
        self.at = at.astimezone(UTC)

    def advance(self, **delta: float) -> None:
        self.at += dt.timedelta(**delta)


def parse_moment(text: str) -> dt.datetime:
    """An ISO 8601 moment with its offset (``2026-11-21T10:00:00-08:00`` or ``...Z``)."""
    try:
        moment = dt.datetime.fromisoformat(text.strip())
    except ValueError:
        raise ClockError(
            f"{ENV}: not a date and time (expected e.g. 2026-11-21T10:00:00-08:00)"
        ) from None
    if moment.tzinfo is None:
        raise ClockError(f"{ENV}: give the offset too (e.g. 2026-11-21T10:00:00-08:00)")
    return moment


def from_environment() -> Clock:
    """The clock ``CLINIC_CLOCK`` asks for, else the machine's."""
    text = os.environ.get(ENV, "").strip()
    if not text:
        return SystemClock()
    anchor = os.environ.get(ANCHOR_ENV, "").strip()
    try:
        since = float(anchor) if anchor else None
    except ValueError:
        raise ClockError(f"{ANCHOR_ENV}: give seconds since the epoch, not {anchor!r}") from None
    return TickingClock(parse_moment(text), since)


_clock: Clock | None = None


def current() -> Clock:
    """The clock in use (read from the environment the first time)."""
    global _clock
    if _clock is None:
        _clock = from_environment()
    return _clock


@contextlib.contextmanager
def use(clock: Clock) -> Iterator[Clock]:
    """Use ``clock`` in this process until the block ends."""
    global _clock
    before = _clock
    _clock = clock
    try:
        yield clock
    finally:
        _clock = before


def now() -> dt.datetime:
    """The present moment (UTC, aware)."""
    return current().now()


def now_iso() -> str:
    """The present moment as stored: ISO 8601, UTC, microseconds."""
    return now().isoformat(timespec="microseconds")


def zone(name: str | None) -> dt.tzinfo | None:
    """The time zone called ``name`` (an IANA name); None (the machine's own zone) when None."""
    if not name:
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ClockError(f"unknown time zone {name!r}: use an IANA name") from None


def today(zone_name: str | None) -> dt.date:
    """Today's date in the time zone ``zone_name`` (the clinic's), the machine's when None."""
    return now().astimezone(zone(zone_name)).date()


def local_date(at: str | dt.datetime, zone_name: str | None) -> dt.date:
    """The date, in ``zone_name``, of a stored moment."""
    moment = dt.datetime.fromisoformat(at) if isinstance(at, str) else at
    return moment.astimezone(zone(zone_name)).date()
