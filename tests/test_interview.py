"""The interview engine: which pages apply, navigation, progress, per-key validation."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from clinic.domain.questionnaire import (
    Interview,
    QuestionnaireError,
    evaluate,
    parse_questionnaire,
)

ON = dt.date(2026, 11, 21)


def t(word: str) -> dict[str, str]:
    return {"en": word, "ko": f"{word} (한국어)", "es": f"{word} (español)"}


def q(key: str, **extra: Any) -> dict[str, Any]:
    return {"key": key, "label": t(key), "why": t("why"), "feeds": [], **extra}


DOC: dict[str, Any] = {
    "id": "mini",
    "version": 1,
    "sections": [
        {
            "id": "start",
            "title": t("Start"),
            "groups": [
                {
                    "id": "history",
                    "title": t("History"),
                    "questions": [
                        q("daca.ever_granted", required=True),
                        q(
                            "daca.expires",
                            required=True,
                            show_if={"key": "daca.ever_granted", "equals": True},
                        ),
                    ],
                },
                {
                    "id": "initial_only",
                    "title": t("Initial"),
                    "show_if": {"request_type": "initial"},
                    "questions": [q("arrival.date", required=True)],
                },
                {
                    "id": "removal",
                    "title": t("Removal"),
                    "questions": [
                        q(
                            "removal.status",
                            required=True,
                            choices={
                                v: t(v)
                                for v in [
                                    "never",
                                    "active",
                                    "administratively_closed",
                                    "terminated",
                                    "final_order",
                                    "voluntary_departure",
                                    "other",
                                ]
                            },
                        ),
                        q(
                            "detention.current",
                            show_if={"not": {"key": "removal.status", "in": ["never"]}},
                        ),
                    ],
                },
                {
                    "id": "trips",
                    "title": t("Travel"),
                    "questions": [
                        q(
                            "travel",
                            required=True,
                            items={
                                f: t(f)
                                for f in ["departed", "returned", "reason", "advance_parole"]
                            },
                        ),
                        q(
                            "criminal",
                            items={
                                f: t(f)
                                for f in ["date", "offense", "place", "country", "level", "outcome"]
                            },
                            item_choices={
                                "level": {
                                    v: t(v)
                                    for v in [
                                        "felony",
                                        "significant_misdemeanor",
                                        "misdemeanor",
                                        "infraction",
                                        "juvenile",
                                    ]
                                },
                                "outcome": {
                                    v: t(v)
                                    for v in ["convicted", "dismissed", "pending", "arrest_only"]
                                },
                            },
                        ),
                    ],
                },
            ],
        }
    ],
}


@pytest.fixture
def interview() -> Interview:
    return Interview(parse_questionnaire(DOC), ON)


def test_pages_follow_the_answers(interview: Interview) -> None:
    assert [g.id for g in interview.pages()] == ["history", "initial_only", "removal", "trips"]
    interview.set("daca.ever_granted", True)
    interview.set("daca.expires", "2027-04-01")
    assert "initial_only" not in [g.id for g in interview.pages()]  # a renewal
    interview.set("daca.expires", "2024-01-01")  # expired over a year ago: initial again
    assert "initial_only" in [g.id for g in interview.pages()]


def test_questions_follow_the_answers(interview: Interview) -> None:
    history = interview.current
    assert [x.key for x in interview.questions(history)] == ["daca.ever_granted"]
    interview.set("daca.ever_granted", True)
    assert [x.key for x in interview.questions(history)] == ["daca.ever_granted", "daca.expires"]


def test_next_previous_and_go_to(interview: Interview) -> None:
    interview.set("daca.ever_granted", True)
    interview.set("daca.expires", "2027-04-01")
    assert interview.at_start()
    assert interview.next().id == "removal"  # the initial-only page is skipped
    assert interview.next().id == "trips"
    assert interview.at_end()
    assert interview.next().id == "trips"  # stays at the end
    assert interview.previous().id == "removal"
    assert interview.go_to("history").id == "history"
    with pytest.raises(KeyError):
        interview.go_to("initial_only")


def test_progress_counts_required_questions_that_apply(interview: Interview) -> None:
    p = interview.progress()
    assert (p.answered, p.required, p.page, p.pages) == (0, 4, 1, 4)
    interview.set("daca.ever_granted", True)
    p = interview.progress()
    assert (p.answered, p.required) == (1, 5)  # expires applies; no expiry yet: still initial
    interview.set("daca.expires", "2027-04-01")
    assert (interview.progress().answered, interview.progress().required) == (2, 4)  # renewal
    interview.set("removal.status", "never")
    interview.set("travel", [])
    assert interview.progress().fraction == 1.0
    assert interview.missing_required() == []


def test_validation_per_key_keeps_what_was_typed(interview: Interview) -> None:
    assert interview.set("daca.expires", "2027-02-30") != []
    assert interview.answers["daca.expires"] == "2027-02-30"  # not lost
    assert "daca.expires" in interview.errors()
    assert "daca.expires" not in interview.valid_answers()
    problems = interview.set("travel", [{"departed": "2019-01-01", "advance_parole": "yes"}])
    assert problems and "advance_parole" in problems[0]
    assert interview.set("daca.expires", "2027-02-28") == []
    assert interview.set("nonsense", 1) == ["unknown key"]
    interview.set("daca.expires", None)
    assert "daca.expires" not in interview.answers


def test_valid_answers_drop_questions_that_no_longer_apply(interview: Interview) -> None:
    interview.set("daca.ever_granted", True)
    interview.set("daca.expires", "2027-04-01")
    interview.set("daca.ever_granted", False)
    assert interview.valid_answers() == {"daca.ever_granted": False}
    assert interview.answers["daca.expires"] == "2027-04-01"  # kept, in case it is switched back


def test_conditions() -> None:
    a = {"removal.status": "active", "travel": [{"departed": "2019-01-01"}]}
    assert evaluate({"key": "travel", "not_empty": True}, a, ON)
    assert evaluate({"key": "dob", "answered": False}, a, ON)
    assert evaluate(
        {
            "all": [
                {"key": "removal.status", "in": ["active"]},
                {"not": {"key": "dob", "answered": True}},
            ]
        },
        a,
        ON,
    )
    assert evaluate(
        {"any": [{"key": "removal.status", "equals": "never"}, {"request_type": "initial"}]}, a, ON
    )


def test_list_item_choices_are_parsed() -> None:
    questionnaire = parse_questionnaire(DOC)
    criminal = questionnaire.question("criminal")
    assert list(criminal.item_choices) == ["level", "outcome"]
    assert criminal.item_choices["level"]["felony"].get("ko") == "felony (한국어)"
    assert list(criminal.item_choices["outcome"]) == [
        "convicted",
        "dismissed",
        "pending",
        "arrest_only",
    ]
    assert questionnaire.question("travel").item_choices == {}  # no choice item fields


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (
            lambda d: d["sections"][0]["groups"][0]["questions"][0].update(key="nope"),
            "unknown answer key",
        ),
        (
            lambda d: d["sections"][0]["groups"][0]["questions"][0]["label"].pop("ko"),
            "no text in ko",
        ),
        (
            lambda d: d["sections"][0]["groups"][2]["questions"][0]["choices"].pop("other"),
            "choices must label",
        ),
        (
            lambda d: d["sections"][0]["groups"][3]["questions"][0]["items"].pop("reason"),
            "items must label",
        ),
        (
            lambda d: d["sections"][0]["groups"][3]["questions"][1]["item_choices"]["level"].pop(
                "juvenile"
            ),
            "item_choices.level: must label exactly",
        ),
        (
            lambda d: d["sections"][0]["groups"][3]["questions"][1]["item_choices"][
                "outcome"
            ].update(sealed=t("sealed")),
            "item_choices.outcome: must label exactly",
        ),
        (
            lambda d: d["sections"][0]["groups"][3]["questions"][1]["item_choices"]["level"][
                "felony"
            ].pop("es"),
            "item_choices.level.felony: no text in es",
        ),
        (
            lambda d: d["sections"][0]["groups"][3]["questions"][1]["item_choices"].pop("outcome"),
            "item_choices must label exactly: level, outcome",
        ),
        (
            lambda d: d["sections"][0]["groups"][3]["questions"][1].pop("item_choices"),
            "item_choices must label exactly: level, outcome",
        ),
        (
            lambda d: d["sections"][0]["groups"][3]["questions"][0].update(
                item_choices={"reason": {"work": t("work")}}
            ),
            "item_choices must label exactly: nothing",
        ),
        (lambda d: d["sections"][0]["groups"][1].update(id="history"), "repeated id"),
        (lambda d: d["sections"][0]["groups"][1].update(show_if={"key": "dob"}), "exactly one of"),
        (
            lambda d: d["sections"][0]["groups"][1]["questions"].append(q("daca.ever_granted")),
            "asked twice",
        ),
    ],
)
def test_malformed_questionnaires_are_refused_with_the_place(mutate: Any, message: str) -> None:
    import copy

    doc = copy.deepcopy(DOC)
    mutate(doc)
    with pytest.raises(QuestionnaireError, match=message):
        parse_questionnaire(doc)


def test_screening_again_keeps_the_language_it_was_screened_in(session: Any) -> None:
    """Found in a user's walk: screened in Korean in the interview, the packet's cover sheet
    gave every flag in English and Korean; screened again from the record (after a return), it
    fell back to English only. A screening now keeps the language it was first done in."""
    from clinic.core.interview import record_screening
    from clinic.domain.events import EventType
    from clinic.resources import policy
    from tests.conftest import person

    [rid] = session.import_people([person(0, language="en")]).record_ids
    on = dt.date(2026, 11, 21)
    first = record_screening(session, rid, None, on, policy(), "ko")
    again = record_screening(session, rid, None, on, policy())  # "Screen again": no language
    assert [r.to_json() for r in again.reasons] == [r.to_json() for r in first.reasons]
    said = [e.payload.get("lang") for e in session.events(rid) if e.type is EventType.SCREENED]
    assert said == ["ko", "ko"]
    assert any("\uac00" <= c <= "\ud7a3" for r in again.reasons for c in str(r.to_json())), (
        "the reasons are in Korean"
    )
