"""Tests of the synthetic demo people: valid, canonical, deterministic, every scenario there."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clinic.domain.answers import normalize_answers, validate_answers
from clinic.domain.demo import SCENARIOS, generate_people, generate_people_with_scenarios

TODAY = dt.date(2026, 11, 21)
GUIDELINE_DOB = dt.date(1981, 6, 16)
SPANISH_SPEAKING = {"Mexico", "Guatemala", "El Salvador", "Honduras", "Colombia", "Peru"}

Person = dict[str, Any]


def _date(value: str) -> dt.date:
    return dt.date.fromisoformat(value)


def _years_between(earlier: dt.date, later: dt.date) -> int:
    years = later.year - earlier.year
    if (later.month, later.day) < (earlier.month, earlier.day):
        years -= 1
    return years


def _one_year_before(day: dt.date) -> dt.date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:
        return day.replace(year=day.year - 1, day=28)


def _expiry_days(person: Person, today: dt.date) -> int | None:
    if not person.get("daca.ever_granted") or person.get("daca.terminated"):
        return None
    return (_date(person["daca.expires"]) - today).days


def _is_hangul(text: str) -> bool:
    return all("\uac00" <= char <= "\ud7a3" or char == " " for char in text)


def _trips(person: Person) -> list[dict[str, Any]]:
    return list(person.get("travel", []))


# Each required scenario, judged from the answers themselves (not from the scenario names).
def required_checks(today: dt.date) -> dict[str, Callable[[Person], bool]]:
    def days(person: Person) -> int | None:
        return _expiry_days(person, today)

    def lapsed(person: Person) -> bool:
        left = days(person)
        expires = person.get("daca.expires")
        return (
            left is not None
            and left < 0
            and expires is not None
            and _date(expires) >= _one_year_before(today)
        )

    def expired_long(person: Person) -> bool:
        expires = person.get("daca.expires")
        return (
            bool(person.get("daca.ever_granted"))
            and expires is not None
            and _date(expires) < _one_year_before(today)
        )

    return {
        "renewal inside the filing window": lambda p: (days(p) or -1) in range(120, 151),
        "renewal too early": lambda p: (days(p) or -1) > 150,
        "renewal lapsed less than a year": lapsed,
        "DACA expired more than a year ago": expired_long,
        "never had DACA": lambda p: p.get("daca.ever_granted") is False,
        "terminated DACA": lambda p: p.get("daca.terminated") is True,
        "criminal history": lambda p: bool(p.get("criminal")),
        "removal active": lambda p: p.get("removal.status") == "active",
        "removal administratively closed": lambda p: (
            p.get("removal.status") == "administratively_closed"
        ),
        "removal final order": lambda p: p.get("removal.status") == "final_order",
        "travel without advance parole": lambda p: any(
            trip.get("advance_parole") is False for trip in _trips(p)
        ),
        "travel with advance parole": lambda p: any(
            trip.get("advance_parole") is True for trip in _trips(p)
        ),
        "currently detained": lambda p: p.get("detention.current") is True,
        "arrived at 16 or older": lambda p: (
            _years_between(_date(p["dob"]), _date(p["arrival.date"])) >= 16
        ),
        "born before 1981-06-16": lambda p: _date(p["dob"]) < GUIDELINE_DOB,
        "economic necessity worksheet": lambda p: all(
            key in p
            for key in ("ead.income_annual", "ead.expenses_annual", "ead.assets", "ead.explanation")
        ),
        "other names": lambda p: bool(p.get("other_names")),
        "more than 3 trips": lambda p: len(_trips(p)) > 3,
        "Korean with a Hangul native name": lambda p: (
            p.get("language") == "ko" and _is_hangul(p.get("name.native", "x"))
        ),
        "Spanish": lambda p: p.get("language") == "es",
        "English": lambda p: p.get("language") == "en",
    }


def missing_scenarios(people: list[Person], today: dt.date) -> list[str]:
    return [
        name
        for name, check in required_checks(today).items()
        if not any(check(person) for person in people)
    ]


# ---------------------------------------------------------------------------------------------


def test_every_person_is_valid_and_already_canonical() -> None:
    for person in generate_people(40, today=TODAY):
        assert validate_answers(person) == []
        assert normalize_answers(person) == person


def test_request_type_is_never_set() -> None:
    assert all("request.type" not in person for person in generate_people(40, today=TODAY))


@settings(max_examples=25, deadline=None)
@given(
    seed=st.integers(min_value=-(2**63), max_value=2**63),
    today=st.dates(min_value=dt.date(2024, 1, 1), max_value=dt.date(2045, 12, 31)),
)
def test_valid_and_complete_for_any_seed_and_day(seed: int, today: dt.date) -> None:
    people = generate_people(14, seed=seed, today=today)
    for person in people:
        assert validate_answers(person) == []
        assert normalize_answers(person) == person
    assert missing_scenarios(people, today) == []


@pytest.mark.parametrize("n", [12, 40])
def test_every_required_scenario_is_present(n: int) -> None:
    people = generate_people(n, today=TODAY)
    assert len(people) == n
    assert missing_scenarios(people, TODAY) == []


def test_criminal_history_is_varied() -> None:
    records = [record for p in generate_people(12, today=TODAY) for record in p["criminal"]]
    assert len({record["level"] for record in records}) >= 3
    assert len({record["outcome"] for record in records}) >= 3
    assert sum(1 for p in generate_people(12, today=TODAY) if p["criminal"]) >= 3


def test_deterministic() -> None:
    assert generate_people(40, today=TODAY) == generate_people(40, today=TODAY)
    assert generate_people(40, seed=7, today=TODAY) == generate_people(40, seed=7, today=TODAY)


def test_a_different_seed_gives_different_people() -> None:
    first = generate_people(40, seed=1, today=TODAY)
    second = generate_people(40, seed=2, today=TODAY)
    assert first != second
    assert {p["name.family"] + p["name.given"] for p in first} != {
        p["name.family"] + p["name.given"] for p in second
    }


def test_names_and_ids_do_not_depend_on_today_and_dates_follow_today() -> None:
    identity = ("name.family", "name.given", "name.native", "a_number", "ssn", "dob")
    earlier = generate_people(20, today=TODAY)
    later = generate_people(20, today=TODAY + dt.timedelta(days=365))
    for before, after in zip(earlier, later, strict=True):
        assert [before.get(k) for k in identity] == [after.get(k) for k in identity]
    assert missing_scenarios(later, TODAY + dt.timedelta(days=365)) == []


def test_smaller_n_is_a_prefix() -> None:
    assert generate_people(12, today=TODAY) == generate_people(40, today=TODAY)[:12]


def test_small_n() -> None:
    assert generate_people(0, today=TODAY) == []
    (person,) = generate_people(1, today=TODAY)
    assert validate_answers(person) == []
    with pytest.raises(ValueError, match="negative"):
        generate_people(-1, today=TODAY)


def test_default_n_is_40() -> None:
    assert len(generate_people(today=TODAY)) == 40


def test_scenario_names() -> None:
    pairs = generate_people_with_scenarios(40, today=TODAY)
    assert [answers for _, answers in pairs] == generate_people(40, today=TODAY)
    assert all(name in SCENARIOS for name, _ in pairs)
    assert len({name for name, _ in pairs}) >= 12
    assert set(SCENARIOS) == {name for name, _ in generate_people_with_scenarios(200, today=TODAY)}


@pytest.mark.parametrize("n", [40, 500])
def test_no_shared_a_number_or_ssn(n: int) -> None:
    people = generate_people(n, today=TODAY)
    a_numbers = [p["a_number"] for p in people if "a_number" in p]
    ssns = [p["ssn"] for p in people if "ssn" in p]
    assert len(a_numbers) == len(set(a_numbers)) > n // 2
    assert len(ssns) == len(set(ssns)) > n // 2


def test_identifiers_are_obviously_synthetic() -> None:
    for person in generate_people(200, today=TODAY):
        if "a_number" in person:
            assert person["a_number"].startswith("099")
        if "ssn" in person:
            assert 900 <= int(person["ssn"][:3]) <= 999
        assert person["phone"][3:8] == "55501"
        if "email" in person:
            assert person["email"].endswith("@example.org")


def test_people_who_had_daca_have_ids() -> None:
    for person in generate_people(40, today=TODAY):
        if person["daca.ever_granted"]:
            assert "a_number" in person
            assert "ssn" in person
            assert "daca.expires" in person
        else:
            assert "ssn" not in person


def test_hangul_native_names() -> None:
    people = generate_people(40, today=TODAY)
    natives = [p["name.native"] for p in people if "name.native" in p]
    assert natives
    assert all(_is_hangul(name) for name in natives)
    assert all(p["birth.country"] == "South Korea" for p in people if "name.native" in p)


def test_spanish_names_keep_their_accents() -> None:
    people = generate_people(40, today=TODAY)
    spanish = [p for p in people if p["birth.country"] in SPANISH_SPEAKING]
    assert any(not (p["name.family"] + p["name.given"]).isascii() for p in spanish)


def test_origins_are_mixed_as_intended() -> None:
    countries = Counter(p["birth.country"] for p in generate_people(40, today=TODAY))
    korean = countries["South Korea"]
    spanish = sum(countries[c] for c in SPANISH_SPEAKING)
    others = 40 - korean - spanish
    assert 16 <= korean <= 24
    assert 10 <= spanish <= 16
    assert others >= 4
    assert SPANISH_SPEAKING <= set(countries)
    assert {"Philippines", "Brazil"} <= set(countries)


def test_safety_answers_are_false_except_one_flag() -> None:
    people = generate_people(40, today=TODAY)
    flagged = [p for p in people if any(v for k, v in p.items() if k.startswith("safety."))]
    assert 1 <= len(flagged) <= 3
    assert all(len([k for k in p if k.startswith("safety.")]) == 8 for p in people)
