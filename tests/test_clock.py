"""The one clock: the clinic's own day in its time zone, a clock set from CLINIC_CLOCK, and a clear
error for a malformed one."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from clinic import clock
from tests.conftest import Cli, person, write_json


def test_today_is_the_clinics_own_date() -> None:
    late = clock.FixedClock(clock.parse_moment("2027-03-01T07:30:00+00:00"))
    with clock.use(late):
        assert clock.today("America/Los_Angeles") == dt.date(2027, 2, 28)
        assert clock.today("Asia/Seoul") == dt.date(2027, 3, 1)
        late.advance(minutes=31)  # 00:01 in Los Angeles
        assert clock.today("America/Los_Angeles") == dt.date(2027, 3, 1)
    new_year = clock.FixedClock(clock.parse_moment("2026-12-31T23:59:30+09:00"))
    with clock.use(new_year):
        assert clock.today("Asia/Seoul") == dt.date(2026, 12, 31)
        assert clock.today("America/Los_Angeles") == dt.date(2026, 12, 31)
        new_year.advance(seconds=31)
        assert clock.today("Asia/Seoul") == dt.date(2027, 1, 1)


def test_a_ticking_clock_starts_where_it_is_told_and_runs() -> None:
    start = clock.parse_moment("2026-11-21T10:00:00-08:00")
    ticking = clock.TickingClock(start)
    first = ticking.now()
    assert first >= start and first - start < dt.timedelta(seconds=5)
    assert ticking.now() >= first and first.tzinfo is not None


@pytest.mark.parametrize(
    ("text", "problem"),
    [("2026-11-21T10:00:00", "offset"), ("next tuesday", "not a date and time"), ("", "")],
)
def test_a_malformed_clock_is_refused_clearly(text: str, problem: str) -> None:
    if not text:
        with pytest.raises(clock.ClockError):
            clock.TickingClock(dt.datetime(2026, 11, 21, 10, 0))  # no zone
        return
    with pytest.raises(clock.ClockError, match=problem):
        clock.parse_moment(text)


def test_the_command_names_a_malformed_clinic_clock(cli: Cli, tmp_path: Path) -> None:
    answers = write_json(tmp_path / "a.json", person())
    done = cli.run("screen", "--answers", str(answers), env=cli.env(CLINIC_CLOCK="tomorrow-ish"))
    assert done.returncode == 2
    assert "CLINIC_CLOCK: not a date and time" in done.stderr
    assert "internal error" not in done.stderr


def test_an_unknown_zone_is_named() -> None:
    with pytest.raises(clock.ClockError, match="Mars/Olympus"):
        clock.today("Mars/Olympus")


def test_processes_started_later_agree_on_the_time() -> None:
    """A server started early and a laptop's command started minutes later must agree (a
    signed request is taken within 5 minutes of the server's clock): with an anchor, the
    clock CLINIC_CLOCK sets runs from the anchor, not from each process's start."""
    import os
    import subprocess
    import sys
    import time

    anchor = time.time() - 600  # CLINIC_CLOCK was the time ten minutes ago
    env = {**os.environ, "CLINIC_CLOCK": "2026-11-21T10:00:00-08:00"}
    env["CLINIC_CLOCK_ANCHOR"] = repr(anchor)
    code = "from clinic import clock; print(clock.now().isoformat())"
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    ).stdout.strip()
    seen = dt.datetime.fromisoformat(out)
    start = clock.parse_moment("2026-11-21T10:00:00-08:00")
    assert dt.timedelta(minutes=10) <= seen - start < dt.timedelta(minutes=11)
    env["CLINIC_CLOCK_ANCHOR"] = "yesterday"
    bad = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert bad.returncode != 0 and "CLINIC_CLOCK_ANCHOR" in bad.stderr
