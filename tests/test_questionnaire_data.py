"""Tests of the interview as data: ``resources/questionnaires/daca.yaml``.

The file is checked on its own (loaded with ``yaml.safe_load``), independently of the engine that
reads it: the schema, every text in English, Korean and Spanish, the answer keys (every key of
``ANSWER_KEYS`` asked exactly once), choices, list items and the choices of list items, show-if
conditions, and the form Part/Item each answer feeds; and, at the end, that the engine parses it.
A failing test names the path of every offending place.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from clinic.domain.answers import ANSWER_KEYS, FieldKind, FieldSpec
from clinic.domain.rules import COMMON_FACTS, INITIAL_FACTS, RENEWAL_FACTS
from clinic.resources import questionnaire

QUESTIONNAIRE = Path(__file__).resolve().parents[1] / "resources" / "questionnaires" / "daca.yaml"
LANGUAGES = ("en", "ko", "es")
FEED = re.compile(r"^(I-821D|I-765|I-765WS|G-1145|G-1450) Part \d+ Item [0-9]+(\.[a-z])?$")
# The Parts each form has (I-821D 01/20/25: 1-8; I-765 08/21/25: 1-6; I-765WS: 1-3).
FORM_PARTS = {"I-821D": 8, "I-765": 6, "I-765WS": 3, "G-1145": 1, "G-1450": 1}
ID = re.compile(r"[a-z][a-z0-9]*(?:_[a-z0-9]+)*")
HANGUL = re.compile(r"[\uac00-\ud7a3]")

TOP_FIELDS = {"id", "version", "languages", "words", "sections"}
SECTION_FIELDS = {"id", "title", "groups"}
GROUP_REQUIRED = {"id", "title", "questions"}
GROUP_OPTIONAL = {"intro", "show_if"}
QUESTION_REQUIRED = {"key", "label", "why", "feeds"}
QUESTION_OPTIONAL = {"help", "required", "show_if", "choices", "items", "item_choices"}
TEXT_FIELDS = ("title", "intro", "label", "why", "help")

# What the screening rules need (clinic/domain/rules.py): these and only these are required.
# ... and what the forms require that no rule reads (forms/*.yaml `required:`): the present
# address, the English statement and (when it is "no") the interpreter, the last arrival's
# place and status, the status now.
FORMS_NEED = {
    "physical.same_as_mailing",
    "physical.since",
    "english.reads",
    "interpreter.user",
    "arrival.last_place",
    "arrival.last_status",
    "status.current",
}
REQUIRED = {"daca.ever_granted", *COMMON_FACTS, *INITIAL_FACTS, *RENEWAL_FACTS, *FORMS_NEED}

# Asked only for initial requests: the I-821D asks them in Part 3 ("For Initial Requests Only"),
# and the rules need the DACA guidelines facts only for initial requests.
INITIAL_ONLY = {
    "arrival.date",
    "arrival.place",
    "arrival.status",
    "arrival.before_age_16",
    "presence.2012_06_15",
    "status.lawful_on_2012_06_15",
    "status.on_2012_06_15",
    "i94_stay_expires",
    "education.status",
    "education.school",
    "education.city_state",
    "education.date",
    "military.served",
    "military.branch",
    "military.start",
    "military.discharge_date",
    "military.discharge_type",
}

# Part 3 items asked of everyone anyway: whether an I-94 was issued gates the I-94 number, which
# the I-765 (Part 2 Item 17) asks of every applicant.
PART_3_ASKED_OF_EVERYONE = {"i94_issued"}

# Asked for screening (or the cover sheet) only: no numbered form item takes them.
SCREENING_ONLY = {
    "name.native",
    "daca.ever_granted",
    "daca.terminated",
    "detention.current",  # the I-821D's detention boxes above Part 1 Item 1 have no item number
    "arrival.status",
    "presence.2012_06_15",
    "status.lawful_on_2012_06_15",
}

# Sensitive topics: the `why` says an attorney reviews the answers (in every language) ...
ATTORNEY_REVIEWED = {
    "removal.status",
    "removal.date",
    "removal.location",
    "removal.explanation",
    "detention.current",
    "travel",
    "departure.without_parole_since_2012_08_15",
    "criminal",
    "safety.explanation",
    *(key for key in ANSWER_KEYS if key.startswith("safety.")),
}
# ... and, for the questions themselves, that answering honestly matters.
HONESTY_MATTERS = ATTORNEY_REVIEWED - {"removal.date", "removal.location", "safety.explanation"}
ATTORNEY = {"en": "attorney", "ko": "변호사", "es": "abogado"}
HONEST = {"en": "honest", "ko": "정직", "es": "honest"}  # honestidad, honestos

# No legal advice in anything read to the client or the volunteer.
ADVICE = {
    "en": (
        "you are eligible",
        "you are not eligible",
        "you qualify",
        "you should",
        "you will be approved",
        "you will get",
        "guarantee",
    ),
    "ko": ("자격이 있습니다", "자격이 없습니다", "승인될 것", "하셔야 합니다", "보장합니다"),
    "es": ("usted es elegible", "usted califica", "usted debería", "usted debe ", "garantiza"),
}


@functools.cache
def document() -> Any:
    with open(QUESTIONNAIRE, encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def walk(node: Any, path: str = "") -> Iterator[tuple[str, Any]]:
    """Every node of the document with its path (``sections[2].groups[0].questions[1].label``)."""
    yield path, node
    if isinstance(node, dict):
        for key, value in node.items():
            yield from walk(value, f"{path}.{key}" if path else str(key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from walk(value, f"{path}[{index}]")


def is_text(node: Any) -> bool:
    return isinstance(node, dict) and any(lang in node for lang in LANGUAGES)


def texts() -> list[tuple[str, dict[str, Any]]]:
    return [(path, node) for path, node in walk(document()) if is_text(node)]


def groups() -> Iterator[tuple[str, dict[str, Any]]]:
    for si, section in enumerate(document()["sections"]):
        for gi, group in enumerate(section["groups"]):
            yield f"sections[{si}].groups[{gi}]", group


def questions() -> Iterator[tuple[str, dict[str, Any], dict[str, Any]]]:
    """Every question in interview order: (path, question, its group)."""
    for gpath, group in groups():
        for qi, question in enumerate(group["questions"]):
            yield f"{gpath}.questions[{qi}]", question, group


def question_for(key: str) -> dict[str, Any]:
    for _, question, _ in questions():
        if question["key"] == key:
            return question
    raise KeyError(key)


def group_for(key: str) -> dict[str, Any]:
    for _, question, group in questions():
        if question["key"] == key:
            return group
    raise KeyError(key)


# -------------------------------------------------------------------------------------------------
# Conditions


def _value_ok(spec: FieldSpec, value: Any) -> bool:
    if spec.kind is FieldKind.CHOICE:
        return isinstance(value, str) and value in spec.choices
    if spec.kind is FieldKind.BOOL:
        return isinstance(value, bool)
    if spec.kind in (FieldKind.CHOICES, FieldKind.LIST):
        return False  # compared with not_empty / answered only
    if spec.kind is FieldKind.NUMBER:
        return isinstance(value, int | float) and not isinstance(value, bool)
    return isinstance(value, str) and bool(value.strip())


def condition_problems(cond: Any, path: str, asked_before: set[str]) -> list[str]:
    """What is wrong with a show-if condition; it may only name keys asked before it."""
    if not isinstance(cond, dict) or not cond:
        return [f"{path}: a condition must be a non-empty mapping"]
    if "all" in cond or "any" in cond or "not" in cond:
        if len(cond) != 1:
            return [f"{path}: all/any/not must stand alone"]
        ((op, inner),) = cond.items()
        if op == "not":
            return condition_problems(inner, f"{path}.not", asked_before)
        if not isinstance(inner, list) or len(inner) < 2:
            return [f"{path}: {op} needs a list of at least two conditions"]
        problems: list[str] = []
        for index, item in enumerate(inner):
            problems += condition_problems(item, f"{path}.{op}[{index}]", asked_before)
        return problems
    if "request_type" in cond:
        if set(cond) != {"request_type"}:
            return [f"{path}: request_type must stand alone"]
        if cond["request_type"] not in ("renewal", "initial"):
            return [f"{path}: request_type is renewal or initial"]
        if "daca.ever_granted" not in asked_before:
            return [f"{path}: request_type used before the DACA history is asked"]
        return []
    key = cond.get("key")
    if not isinstance(key, str) or key not in ANSWER_KEYS:
        return [f"{path}: unknown answer key {key!r}"]
    if key not in asked_before:
        return [f"{path}: {key} is not asked before this condition"]
    tests = set(cond) - {"key"}
    if len(tests) != 1 or not tests <= {"equals", "in", "answered", "not_empty"}:
        return [f"{path}: give exactly one of equals, in, answered, not_empty"]
    (test,) = tests
    spec = ANSWER_KEYS[key]
    value = cond[test]
    if test == "equals" and not _value_ok(spec, value):
        return [f"{path}: {value!r} is not a value {key} can take"]
    if test == "in":
        if not isinstance(value, list) or not value:
            return [f"{path}: in needs a non-empty list"]
        bad = [item for item in value if not _value_ok(spec, item)]
        if bad:
            return [f"{path}: {bad!r} are not values {key} can take"]
        if len(set(map(str, value))) != len(value):
            return [f"{path}: repeated values"]
    if test == "answered" and not isinstance(value, bool):
        return [f"{path}: answered is true or false"]
    if test == "not_empty" and (value is not True or spec.kind is not FieldKind.LIST):
        return [f"{path}: not_empty: true applies to list keys only"]
    return []


def all_condition_problems() -> list[str]:
    problems: list[str] = []
    asked: set[str] = set()
    for gpath, group in groups():
        if "show_if" in group:
            problems += condition_problems(group["show_if"], f"{gpath}.show_if", set(asked))
        for qi, question in enumerate(group["questions"]):
            if "show_if" in question:
                qpath = f"{gpath}.questions[{qi}].show_if"
                problems += condition_problems(question["show_if"], qpath, set(asked))
            asked.add(question["key"])
    return problems


def requires_initial(cond: Any) -> bool:
    """Whether a condition can only hold for an initial request."""
    if not isinstance(cond, dict):
        return False
    if cond == {"request_type": "initial"}:
        return True
    return any(requires_initial(item) for item in cond.get("all", []))


def mentions_request_type(cond: Any) -> bool:
    return any(isinstance(node, dict) and "request_type" in node for _, node in walk(cond))


# -------------------------------------------------------------------------------------------------
# The document and its schema


def test_header() -> None:
    doc = document()
    assert set(doc) == TOP_FIELDS
    assert doc["id"] == "daca"
    assert doc["version"] == 1
    assert doc["languages"] == ["en", "ko", "es"]
    assert isinstance(doc["sections"], list) and doc["sections"]


def test_schema_fields() -> None:
    problems: list[str] = []
    for si, section in enumerate(document()["sections"]):
        if set(section) != SECTION_FIELDS:
            problems.append(f"sections[{si}]: fields {sorted(section)}")
        if not section.get("groups"):
            problems.append(f"sections[{si}]: no groups")
    for gpath, group in groups():
        fields = set(group)
        if not GROUP_REQUIRED <= fields or fields - GROUP_REQUIRED - GROUP_OPTIONAL:
            problems.append(f"{gpath}: fields {sorted(fields)}")
        if not group.get("questions"):
            problems.append(f"{gpath}: no questions")
    for qpath, question, _ in questions():
        fields = set(question)
        if not QUESTION_REQUIRED <= fields or fields - QUESTION_REQUIRED - QUESTION_OPTIONAL:
            problems.append(f"{qpath}: fields {sorted(fields)}")
        if "required" in question and not isinstance(question["required"], bool):
            problems.append(f"{qpath}.required: must be true or false")
    assert problems == []


def test_ids_are_lower_snake_case_and_unique() -> None:
    ids = [section["id"] for section in document()["sections"]]
    ids += [group["id"] for _, group in groups()]
    assert [i for i in ids if not isinstance(i, str) or not ID.fullmatch(i)] == []
    assert [i for i, count in Counter(ids).items() if count > 1] == []


# -------------------------------------------------------------------------------------------------
# Texts in every language


def test_texts_sit_where_the_schema_puts_them() -> None:
    problems: list[str] = []
    for path, node in walk(document()):
        if not isinstance(node, dict):
            continue
        for name in TEXT_FIELDS:
            if name in node and not is_text(node[name]):
                problems.append(f"{path}.{name}: not a text in {', '.join(LANGUAGES)}")
        for name in ("choices", "items"):
            if name in node:
                if not isinstance(node[name], dict) or not node[name]:
                    problems.append(f"{path}.{name}: must be a non-empty mapping")
                    continue
                problems += [
                    f"{path}.{name}.{value}: not a text"
                    for value, text in node[name].items()
                    if not is_text(text)
                ]
        if "item_choices" in node:
            fields = node["item_choices"]
            if not isinstance(fields, dict) or not fields:
                problems.append(f"{path}.item_choices: must be a non-empty mapping")
                continue
            for name, labels in fields.items():
                if not isinstance(labels, dict) or not labels:
                    problems.append(f"{path}.item_choices.{name}: must be a non-empty mapping")
                    continue
                problems += [
                    f"{path}.item_choices.{name}.{value}: not a text"
                    for value, text in labels.items()
                    if not is_text(text)
                ]
    assert problems == []


def test_every_text_has_english_korean_and_spanish() -> None:
    found = texts()
    assert len(found) > 300  # the walk really sees the document
    problems: list[str] = []
    for path, text in found:
        for lang in LANGUAGES:
            value = text.get(lang)
            if not isinstance(value, str) or not value.strip():
                problems.append(f"{path}: no {lang}")
        extra = set(text) - set(LANGUAGES)
        if extra:
            problems.append(f"{path}: unexpected languages {sorted(extra)}")
    assert problems == []


def test_korean_is_hangul_and_spanish_is_not_english() -> None:
    problems: list[str] = []
    for path, text in texts():
        if not HANGUL.search(str(text.get("ko", ""))):
            problems.append(f"{path}.ko: no Hangul")
        same_in_spanish = path == "words.answer_no"  # "No" is Spanish too
        if (
            str(text.get("es", "")).strip() == str(text.get("en", "")).strip()
            and not same_in_spanish
        ):
            problems.append(f"{path}.es: same as the English")
        if str(text.get("ko", "")).strip() == str(text.get("en", "")).strip():
            problems.append(f"{path}.ko: same as the English")
    assert problems == []


def test_spanish_and_korean_use_the_clinic_terms() -> None:
    # The legal terms clinics use, wherever the English names them.
    terms = {
        "advance parole": {"ko": "사전 여행 허가(Advance Parole)", "es": "(Advance Parole)"},
        "removal (deportation) proceedings": {"ko": "추방 재판", "es": "deportación"},
        "immigration detention": {"ko": "이민 구금", "es": "detención migratoria"},
    }
    problems: list[str] = []
    for path, text in texts():
        english = str(text["en"]).lower()
        for term, wanted in terms.items():
            if term in english:
                for lang, word in wanted.items():
                    if word.lower() not in str(text[lang]).lower():
                        problems.append(f"{path}.{lang}: {term!r} is not {word!r}")
    assert problems == []


def test_no_legal_advice() -> None:
    problems: list[str] = []
    for path, text in texts():
        for lang, phrases in ADVICE.items():
            lowered = str(text.get(lang, "")).lower()
            problems += [f"{path}.{lang}: {p!r}" for p in phrases if p in lowered]
    assert problems == []


def test_every_question_says_why() -> None:
    for _, question, _ in questions():
        assert is_text(question["why"])
        assert is_text(question["label"])


@pytest.mark.parametrize("key", sorted(ATTORNEY_REVIEWED))
def test_sensitive_questions_say_an_attorney_reviews(key: str) -> None:
    why = question_for(key)["why"]
    for lang, word in ATTORNEY.items():
        assert word in why[lang].lower(), (key, lang)
    if key in HONESTY_MATTERS:
        for lang, word in HONEST.items():
            assert word in why[lang].lower(), (key, lang)


# -------------------------------------------------------------------------------------------------
# Answer keys, choices and list items


def test_every_question_key_is_an_answer_key() -> None:
    unknown = [
        (path, question.get("key"))
        for path, question, _ in questions()
        if question.get("key") not in ANSWER_KEYS
    ]
    assert unknown == []


def test_every_answer_key_is_asked_exactly_once() -> None:
    asked = Counter(question["key"] for _, question, _ in questions())
    assert sorted(key for key, count in asked.items() if count > 1) == []
    assert sorted(set(ANSWER_KEYS) - set(asked)) == []
    assert len(asked) == len(ANSWER_KEYS)


def test_choice_questions_label_every_allowed_value_in_order() -> None:
    problems: list[str] = []
    for path, question, _ in questions():
        spec = ANSWER_KEYS[question["key"]]
        labelled = list(question.get("choices") or {})
        if spec.kind in (FieldKind.CHOICE, FieldKind.CHOICES):
            if set(labelled) != set(spec.choices):
                missing = sorted(set(spec.choices) - set(labelled))
                extra = sorted(set(labelled) - set(spec.choices))
                problems.append(f"{path}.choices: missing {missing}, not allowed {extra}")
            elif labelled != list(spec.choices):
                problems.append(f"{path}.choices: not in the canonical order {spec.choices}")
        elif "choices" in question:
            problems.append(f"{path}.choices: {question['key']} is not a choice key")
    assert problems == []


def test_list_questions_label_every_item_field_in_order() -> None:
    problems: list[str] = []
    for path, question, _ in questions():
        spec = ANSWER_KEYS[question["key"]]
        labelled = list(question.get("items") or {})
        if spec.kind is FieldKind.LIST:
            assert spec.items is not None
            if labelled != list(spec.items):
                problems.append(f"{path}.items: {labelled} is not {list(spec.items)}")
        elif "items" in question:
            problems.append(f"{path}.items: {question['key']} is not a list key")
    assert problems == []


def test_list_questions_label_every_value_of_their_choice_item_fields() -> None:
    problems: list[str] = []
    checked = 0
    for path, question, _ in questions():
        spec = ANSWER_KEYS[question["key"]]
        labelled = question.get("item_choices") or {}
        wanted = {
            name: item.choices
            for name, item in (spec.items or {}).items()
            if spec.kind is FieldKind.LIST and item.kind in (FieldKind.CHOICE, FieldKind.CHOICES)
        }
        if list(labelled) != list(wanted):
            problems.append(f"{path}.item_choices: fields {list(labelled)} are not {list(wanted)}")
            continue
        for name, allowed in wanted.items():
            checked += 1
            values = list(labelled[name] or {})
            if set(values) != set(allowed):
                missing = sorted(set(allowed) - set(values))
                extra = sorted(set(values) - set(allowed))
                problems.append(
                    f"{path}.item_choices.{name}: missing {missing}, not allowed {extra}"
                )
            elif values != list(allowed):
                problems.append(f"{path}.item_choices.{name}: not in the canonical order {allowed}")
            for value, text in (labelled[name] or {}).items():
                for lang in LANGUAGES:
                    if not isinstance(text, dict) or not str(text.get(lang) or "").strip():
                        problems.append(f"{path}.item_choices.{name}.{value}: no {lang}")
    assert problems == []
    assert checked >= 3  # criminal level and outcome, addresses unit_type


def test_the_criminal_levels_and_outcomes_use_the_clinic_terms() -> None:
    choices = question_for("criminal")["item_choices"]
    level, outcome = choices["level"], choices["outcome"]
    assert {v: level[v]["ko"] for v in level} == {
        "felony": "중범죄",
        "significant_misdemeanor": "중대한 경범죄",
        "misdemeanor": "경범죄",
        "infraction": "위반",
        "juvenile": "소년 사건",
    }
    assert level["felony"]["es"].lower().startswith("delito grave")
    assert level["significant_misdemeanor"]["es"].lower().startswith("delito menor significativo")
    assert level["misdemeanor"]["es"].lower().startswith("delito menor")
    assert "menores" in level["juvenile"]["es"].lower()
    assert outcome["convicted"]["ko"].startswith("유죄 판결")
    assert outcome["dismissed"]["ko"].startswith("기각")
    assert outcome["arrest_only"]["ko"].startswith("체포만")
    assert outcome["dismissed"]["es"].lower().startswith("desestimad")


def test_required_is_exactly_what_the_rules_need() -> None:
    marked = {question["key"] for _, question, _ in questions() if question.get("required")}
    assert marked == REQUIRED


# -------------------------------------------------------------------------------------------------
# Conditions


def test_every_show_if_is_well_formed_and_refers_to_earlier_answers() -> None:
    assert all_condition_problems() == []


def test_conditions_are_used() -> None:
    conditions = [g["show_if"] for _, g in groups() if "show_if" in g]
    conditions += [q["show_if"] for _, q, _ in questions() if "show_if" in q]
    kinds = {
        name
        for cond in conditions
        for _, node in walk(cond)
        if isinstance(node, dict)
        for name in node
    }
    assert {"key", "equals", "in", "answered", "not_empty", "request_type", "all", "any"} <= kinds


@pytest.mark.parametrize(
    "cond",
    [
        {},
        [],
        {"key": "nope", "equals": True},
        {"key": "daca.ever_granted", "equals": "yes"},
        {"key": "daca.ever_granted"},
        {"key": "daca.ever_granted", "equals": True, "answered": True},
        {"key": "removal.status", "equals": "pending"},
        {"key": "removal.status", "in": ["active", "pending"]},
        {"key": "removal.status", "in": []},
        {"key": "travel", "not_empty": False},
        {"key": "dob", "not_empty": True},
        {"key": "travel", "equals": []},
        {"key": "daca.ever_granted", "answered": "yes"},
        {"request_type": "first"},
        {"request_type": "initial", "key": "dob"},
        {"all": []},
        {"any": [{"key": "daca.ever_granted", "equals": True}]},
        {"not": {"key": "nope", "equals": 1}},
        {"all": [{"request_type": "initial"}, {"key": "sex", "equals": "X"}]},
        {"key": "bio.hair_color", "equals": "BRO"},  # asked after the condition
    ],
)
def test_the_condition_check_catches_malformed_conditions(cond: Any) -> None:
    asked_before = {"daca.ever_granted", "removal.status", "travel", "dob", "sex"}
    assert condition_problems(cond, "show_if", asked_before) != []


WELL_FORMED = [
    {"key": "daca.ever_granted", "equals": False},
    {"key": "removal.status", "in": ["active", "final_order"]},
    {"key": "bio.race", "answered": True},
    {"key": "criminal", "not_empty": True},
    {"request_type": "renewal"},
    {"not": {"request_type": "renewal"}},
    {"all": [{"request_type": "initial"}, {"key": "daca.ever_granted", "equals": True}]},
    {
        "any": [
            {"key": "criminal", "not_empty": True},
            {"not": {"key": "bio.race", "answered": False}},
        ]
    },
]


@pytest.mark.parametrize("cond", WELL_FORMED)
def test_the_condition_check_accepts_every_form(cond: Any) -> None:
    asked_before = {"daca.ever_granted", "removal.status", "criminal", "bio.race"}
    assert condition_problems(cond, "show_if", asked_before) == []


def test_initial_only_questions() -> None:
    hidden_for_renewals = {
        question["key"]
        for _, question, group in questions()
        if requires_initial(group.get("show_if")) or requires_initial(question.get("show_if"))
    }
    assert hidden_for_renewals == INITIAL_ONLY
    # Nothing depends on the request type in any other way (a renewal sees everything else).
    for _, question, group in questions():
        if question["key"] not in INITIAL_ONLY:
            assert not mentions_request_type(group.get("show_if")), question["key"]
            assert not mentions_request_type(question.get("show_if")), question["key"]


def test_part_3_items_are_asked_for_initial_requests_only() -> None:
    for _, question, _ in questions():
        feeds = question["feeds"]
        if feeds and all(feed.startswith("I-821D Part 3 ") for feed in feeds):
            allowed = INITIAL_ONLY | PART_3_ASKED_OF_EVERYONE
            assert question["key"] in allowed, question["key"]


def test_what_every_request_needs_is_never_hidden_by_the_request_type() -> None:
    for key in REQUIRED - INITIAL_ONLY:
        assert not mentions_request_type(group_for(key).get("show_if")), key
        assert not mentions_request_type(question_for(key).get("show_if")), key


def test_interview_order() -> None:
    sections = [section["id"] for section in document()["sections"]]
    assert sections == [
        "start",
        "about_you",
        "contact",
        "arrival_residence",
        "education",
        "removal_detention",
        "travel",
        "criminal_safety",
        "work_permit",
        "worksheet",
        "biographic",
    ]
    order = [question["key"] for _, question, _ in questions()]
    assert order[0] == "language"
    assert order.index("daca.ever_granted") < order.index("name.family")
    safety = [key for key in order if key.startswith("safety.") and key != "safety.explanation"]
    assert len(safety) == 8  # each Part 4 question on its own


# -------------------------------------------------------------------------------------------------
# What each answer feeds


def test_feeds_name_a_form_part_and_item() -> None:
    problems: list[str] = []
    for path, question, _ in questions():
        feeds = question["feeds"]
        if not isinstance(feeds, list) or not all(isinstance(f, str) for f in feeds):
            problems.append(f"{path}.feeds: must be a list of form items")
            continue
        if len(set(feeds)) != len(feeds):
            problems.append(f"{path}.feeds: repeated entries")
        for feed in feeds:
            match = FEED.match(feed)
            if match is None:
                problems.append(f"{path}.feeds: {feed!r} is not 'FORM Part N Item N[.x]'")
                continue
            form, part = match.group(1), int(feed.split(" Part ")[1].split()[0])
            if not 1 <= part <= FORM_PARTS[form]:
                problems.append(f"{path}.feeds: {form} has no Part {part}")
    assert problems == []


def test_screening_only_questions() -> None:
    assert {question["key"] for _, question, _ in questions() if not question["feeds"]} == (
        SCREENING_ONLY
    )


def test_every_form_answer_feeds_its_form() -> None:
    fed = {feed for _, question, _ in questions() for feed in question["feeds"]}
    # The Part 4 questions, one each.
    for item in ("1", "2", "3", "4", "5.a", "5.b", "5.c", "5.d", "6", "7"):
        assert f"I-821D Part 4 Item {item}" in fed
    # The worksheet and the I-765 items a DACA requestor answers.
    for item in ("Part 2 Item 1", "Part 2 Item 2", "Part 2 Item 3", "Part 3 Item 1"):
        assert f"I-765WS {item}" in fed
    numbered = [str(n) for n in range(8, 27) if n not in (14, 15)]
    for item in (*numbered, "5.a", "6", "7.a", "14.a", "14.b", "15.a", "15.b", "15.c"):
        assert f"I-765 Part 2 Item {item}" in fed, item


# -------------------------------------------------------------------------------------------------
# The engine


def test_the_questionnaire_parses() -> None:
    parsed = questionnaire()
    assert [q.key for q in parsed.questions] == [q["key"] for _, q, _ in questions()]
    for question in parsed.questions:
        spec = ANSWER_KEYS[question.key]
        for name, item in (spec.items or {}).items():
            if item.kind in (FieldKind.CHOICE, FieldKind.CHOICES):
                labels = question.item_choices[name]
                assert list(labels) == list(item.choices), (question.key, name)
                for text in labels.values():
                    assert all(text.by_lang[lang].strip() for lang in LANGUAGES)
