"""The interview: a questionnaire (data) and the engine that walks a person through it.

The questionnaire comes from ``resources/questionnaires/daca.yaml`` (loaded by ``clinic.resources``)
and is parsed here into sections, groups (one page each) and questions tied to answer keys.
:class:`Interview` holds the answers so far and knows which pages apply, where the interview is,
how far along it is, and what is wrong with each answer. Navigation lives here, not in the GUI
(as Electrum's wizard does), so the CLI, the GUI and the tests drive the same logic.

Partial answers are normal: nothing is required to move on, and the determination says what is
still missing. Pure: no I/O.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from clinic.domain.answers import ANSWER_KEYS, FieldKind, validate_answers
from clinic.domain.conditions import holds
from clinic.domain.english import form_problems
from clinic.domain.languages import FALLBACK, client_languages, text_in
from clinic.errors import ClinicError
from clinic.messages import Named, say

# The words the screens show beside the questions, in the client's language (``words:`` in the
# questionnaire): a yes/no answer, an unanswered choice, and the buttons of a list's entries.
# English here is for a questionnaire that has none.
WORDS: Mapping[str, str] = {
    "answer_yes": "Yes",
    "answer_no": "No",
    "not_answered": "(not answered)",
    "answer_none": "None",
    "add_entry": "Add",
    "remove_entry": "Remove selected",
}


class QuestionnaireError(ClinicError, ValueError):
    """The questionnaire data is malformed; the message names the place."""


@dataclass(frozen=True)
class Text:
    """A client-facing text in every interview language (the registry's client languages,
    :mod:`clinic.domain.languages`)."""

    by_lang: Mapping[str, str]

    def get(self, lang: str) -> str:
        """The text in ``lang``; made from English in a pseudo language; else English."""
        return text_in(self.by_lang, lang) or self.by_lang[FALLBACK]

    @classmethod
    def parse(cls, raw: object, where: str) -> Text:
        langs = client_languages()
        if not isinstance(raw, Mapping):
            raise QuestionnaireError(f"{where}: needs a text in {', '.join(langs)}")
        missing = [
            lang for lang in langs if not isinstance(raw.get(lang), str) or not raw[lang].strip()
        ]
        if missing:
            raise QuestionnaireError(f"{where}: no text in {', '.join(missing)}")
        return cls({lang: str(raw[lang]) for lang in langs})


def word(words: Mapping[str, Text], name: str, lang: str) -> str:
    """One of :data:`WORDS` in ``lang`` from a questionnaire's ``words`` (English when it has
    none)."""
    text = words.get(name)
    return text.get(lang) if text is not None else text_in({FALLBACK: WORDS[name]}, lang)


Condition = Mapping[str, Any]


def _check_condition(cond: object, where: str) -> Condition:
    if not isinstance(cond, Mapping) or not cond:
        raise QuestionnaireError(f"{where}: a condition must be a mapping")
    if "all" in cond or "any" in cond:
        items = cond.get("all", cond.get("any"))
        if not isinstance(items, list) or not items:
            raise QuestionnaireError(f"{where}: all/any needs a list of conditions")
        for i, item in enumerate(items):
            _check_condition(item, f"{where}[{i}]")
        return cond
    if "not" in cond:
        _check_condition(cond["not"], f"{where}.not")
        return cond
    if "request_type" in cond:
        if cond["request_type"] not in ("renewal", "initial"):
            raise QuestionnaireError(f"{where}: request_type is renewal or initial")
        return cond
    key = cond.get("key")
    if key not in ANSWER_KEYS:
        raise QuestionnaireError(f"{where}: unknown answer key {key!r}")
    tests = {"equals", "in", "answered", "not_empty"} & set(cond)
    if len(tests) != 1:
        raise QuestionnaireError(f"{where}: give exactly one of equals, in, answered, not_empty")
    return cond


def evaluate(cond: Condition | None, answers: Mapping[str, Any], on: dt.date) -> bool:
    """Whether a show-if condition holds for the answers so far (``None`` always holds)."""
    return holds(cond, answers, on)


@dataclass(frozen=True)
class Question:
    """One question, tied to one answer key.

    ``choices`` labels the values of a choice key; ``items`` labels the fields of each item of a
    list key, and ``item_choices`` labels the values of those item fields that are choices
    (``item_choices["level"]["felony"]``).
    """

    key: str
    label: Text
    why: Text
    help: Text | None
    feeds: tuple[str, ...]
    required: bool
    show_if: Condition | None
    choices: Mapping[str, Text]
    items: Mapping[str, Text]
    item_choices: Mapping[str, Mapping[str, Text]] = field(default_factory=dict)
    words: Mapping[str, Text] = field(default_factory=dict)  # the questionnaire's WORDS

    def word(self, name: str, lang: str) -> str:
        """One of the questionnaire's :data:`WORDS` in ``lang``."""
        return word(self.words, name, lang)

    @property
    def kind(self) -> FieldKind:
        return ANSWER_KEYS[self.key].kind


@dataclass(frozen=True)
class Group:
    """A page of the interview: a few questions asked together."""

    id: str
    section: str
    title: Text
    intro: Text | None
    show_if: Condition | None
    questions: tuple[Question, ...]


@dataclass(frozen=True)
class Section:
    """A part of the interview (about you, travel, ...)."""

    id: str
    title: Text
    groups: tuple[Group, ...]


@dataclass(frozen=True)
class Questionnaire:
    """The whole interview, parsed and checked."""

    id: str
    version: int
    sections: tuple[Section, ...]
    words: Mapping[str, Text] = field(default_factory=dict)

    @property
    def groups(self) -> tuple[Group, ...]:
        return tuple(g for s in self.sections for g in s.groups)

    @property
    def questions(self) -> tuple[Question, ...]:
        return tuple(q for g in self.groups for q in g.questions)

    def question(self, key: str) -> Question:
        for q in self.questions:
            if q.key == key:
                return q
        raise KeyError(key)

    def feeding(self, form_item: str) -> Question | None:
        """The question whose answer fills ``form_item`` ("I-821D Part 1 Item 20"), if any."""
        return next((q for q in self.questions if form_item in q.feeds), None)


def _optional_text(raw: Mapping[str, Any], name: str, where: str) -> Text | None:
    return Text.parse(raw[name], f"{where}.{name}") if raw.get(name) is not None else None


_CHOICE_KINDS = (FieldKind.CHOICE, FieldKind.CHOICES)


def _parse_item_choices(raw: object, key: str, where: str) -> dict[str, dict[str, Text]]:
    """The labels of the values of a list key's choice item fields: ``{field: {value: Text}}``."""
    spec = ANSWER_KEYS[key]
    fields = {
        name: item
        for name, item in (spec.items or {}).items()
        if spec.kind is FieldKind.LIST and item.kind in _CHOICE_KINDS
    }
    raw = {} if raw is None else raw
    if not isinstance(raw, Mapping):
        raise QuestionnaireError(f"{where}.item_choices: must map item fields to value labels")
    if set(map(str, raw)) != set(fields):
        wanted = ", ".join(fields) if fields else f"nothing ({key} has no choice item fields)"
        raise QuestionnaireError(f"{where}: item_choices must label exactly: {wanted}")
    parsed: dict[str, dict[str, Text]] = {}
    for name, labels in raw.items():
        fwhere = f"{where}.item_choices.{name}"
        if not isinstance(labels, Mapping):
            raise QuestionnaireError(f"{fwhere}: must map each value to a text")
        parsed[str(name)] = {str(v): Text.parse(t, f"{fwhere}.{v}") for v, t in labels.items()}
        allowed = fields[str(name)].choices
        if set(parsed[str(name)]) != set(allowed):
            raise QuestionnaireError(f"{fwhere}: must label exactly: {', '.join(allowed)}")
    return parsed


def _parse_words(raw: object) -> dict[str, Text]:
    if raw is None:
        return {}
    if not isinstance(raw, Mapping) or set(map(str, raw)) != set(WORDS):
        raise QuestionnaireError(f"words: must give exactly: {', '.join(WORDS)}")
    return {str(name): Text.parse(text, f"words.{name}") for name, text in raw.items()}


def _parse_question(
    raw: Mapping[str, Any], where: str, words: Mapping[str, Text] | None = None
) -> Question:
    key = raw.get("key")
    if not isinstance(key, str) or key not in ANSWER_KEYS:
        raise QuestionnaireError(f"{where}: unknown answer key {key!r}")
    spec = ANSWER_KEYS[key]
    choices = {
        str(v): Text.parse(t, f"{where}.choices.{v}") for v, t in (raw.get("choices") or {}).items()
    }
    if spec.kind in _CHOICE_KINDS and set(choices) != set(spec.choices):
        raise QuestionnaireError(f"{where}: choices must label exactly: {', '.join(spec.choices)}")
    items = {
        str(f): Text.parse(t, f"{where}.items.{f}") for f, t in (raw.get("items") or {}).items()
    }
    if spec.kind is FieldKind.LIST and spec.items is not None and set(items) != set(spec.items):
        raise QuestionnaireError(f"{where}: items must label exactly: {', '.join(spec.items)}")
    item_choices = _parse_item_choices(raw.get("item_choices"), key, where)
    feeds = raw.get("feeds") or []
    if not isinstance(feeds, list) or not all(isinstance(f, str) for f in feeds):
        raise QuestionnaireError(f"{where}: feeds is a list of form items")
    show_if = raw.get("show_if")
    return Question(
        key=str(key),
        label=Text.parse(raw.get("label"), f"{where}.label"),
        why=Text.parse(raw.get("why"), f"{where}.why"),
        help=_optional_text(raw, "help", where),
        feeds=tuple(feeds),
        required=bool(raw.get("required", False)),
        show_if=_check_condition(show_if, f"{where}.show_if") if show_if is not None else None,
        choices=choices,
        items=items,
        item_choices=item_choices,
        words=words or {},
    )


def parse_questionnaire(data: Mapping[str, Any]) -> Questionnaire:
    """Parse and check a questionnaire document (as loaded from YAML)."""
    if not isinstance(data, Mapping) or not isinstance(data.get("sections"), list):
        raise QuestionnaireError("the questionnaire needs a list of sections")
    words = _parse_words(data.get("words"))
    ids: set[str] = set()
    keys: set[str] = set()
    sections: list[Section] = []
    for si, s in enumerate(data["sections"]):
        where = f"sections[{si}]"
        sid = str(s.get("id", ""))
        if not sid or sid in ids:
            raise QuestionnaireError(f"{where}: missing or repeated id")
        ids.add(sid)
        groups: list[Group] = []
        for gi, g in enumerate(s.get("groups") or []):
            gwhere = f"{where}.groups[{gi}]"
            gid = str(g.get("id", ""))
            if not gid or gid in ids:
                raise QuestionnaireError(f"{gwhere}: missing or repeated id")
            ids.add(gid)
            questions = []
            for qi, q in enumerate(g.get("questions") or []):
                question = _parse_question(q, f"{gwhere}.questions[{qi}]", words)
                if question.key in keys:
                    raise QuestionnaireError(
                        f"{gwhere}.questions[{qi}]: {question.key} is asked twice"
                    )
                keys.add(question.key)
                questions.append(question)
            show_if = g.get("show_if")
            groups.append(
                Group(
                    id=gid,
                    section=sid,
                    title=Text.parse(g.get("title"), f"{gwhere}.title"),
                    intro=_optional_text(g, "intro", gwhere),
                    show_if=_check_condition(show_if, f"{gwhere}.show_if") if show_if else None,
                    questions=tuple(questions),
                )
            )
        sections.append(Section(sid, Text.parse(s.get("title"), f"{where}.title"), tuple(groups)))
    return Questionnaire(
        str(data.get("id", "")), int(data.get("version", 1)), tuple(sections), words
    )


PAST_DATES: frozenset[str] = frozenset(
    {"dob", "arrival.date", "arrival.last_date", "physical.since"}
)
"""Dates that can only be in the past on the day of the interview (check-in refuses them too)."""


@dataclass(frozen=True)
class Progress:
    """How far an interview is: required questions answered among those that apply, and pages."""

    answered: int
    required: int
    page: int
    pages: int

    @property
    def fraction(self) -> float:
        return 1.0 if self.required == 0 else self.answered / self.required


@dataclass
class Interview:
    """One person's interview: answers so far and the current page. Drives any front end."""

    questionnaire: Questionnaire
    on: dt.date
    answers: dict[str, Any] = field(default_factory=dict)
    position: int = 0  # index into pages()

    def pages(self) -> list[Group]:
        """The groups that apply to the answers so far, in order."""
        return [
            g
            for g in self.questionnaire.groups
            if evaluate(g.show_if, self.answers, self.on) and self.questions(g)
        ]

    def questions(self, group: Group) -> list[Question]:
        """The questions of ``group`` that apply to the answers so far."""
        return [q for q in group.questions if evaluate(q.show_if, self.answers, self.on)]

    @property
    def current(self) -> Group:
        pages = self.pages()
        self.position = min(self.position, len(pages) - 1)
        return pages[self.position]

    def at_start(self) -> bool:
        return self.position == 0

    def at_end(self) -> bool:
        return self.position >= len(self.pages()) - 1

    def next(self) -> Group:
        """Go to the next page that applies (answers on this page may change which that is)."""
        current_id = self.current.id
        pages = self.pages()
        ids = [g.id for g in pages]
        index = ids.index(current_id) if current_id in ids else self.position
        self.position = min(index + 1, len(pages) - 1)
        return pages[self.position]

    def previous(self) -> Group:
        current_id = self.current.id
        ids = [g.id for g in self.pages()]
        index = ids.index(current_id) if current_id in ids else self.position
        self.position = max(index - 1, 0)
        return self.current

    def go_to(self, group_id: str) -> Group:
        ids = [g.id for g in self.pages()]
        if group_id not in ids:
            raise KeyError(f"page {group_id} does not apply to these answers")
        self.position = ids.index(group_id)
        return self.current

    def set(self, key: str, value: Any) -> list[str]:
        """Set (or with ``None`` clear) one answer; returns that key's problems (kept if any).

        An invalid value is still kept, so that nothing typed is lost; it shows as an error until
        it is fixed, and the record stores only valid answers.
        """
        if key not in ANSWER_KEYS:
            return ["unknown key"]
        if value is None:
            self.answers.pop(key, None)
            return []
        self.answers[key] = value
        return self.errors_for(key)

    def errors_for(self, key: str) -> list[str]:
        if key not in self.answers:
            return []
        invalid = [
            e.problem if e.key == key else self._in_list(key, e.key, e.problem)
            for e in validate_answers({key: self.answers[key]})
        ]
        # the answer's own problems first; what the forms cannot take once it is valid
        return invalid + self._after_today(key) + ([] if invalid else self._for_forms(key))

    def _for_forms(self, key: str) -> list[str]:
        """What cannot go on the USCIS forms as written (Spanish, another script, a country's
        name in another language), said where the volunteer types it, not first at the
        build. For a valid answer (the callers check)."""
        return [
            problem if where == key else self._in_list(key, where, problem)
            for where, problem in form_problems(key, self.answers[key])
        ]

    def _in_list(self, key: str, where: str, problem: str) -> str:
        """A problem with one field of one row of a list answer, named as the table shows it
        ("row 2, Date: not a real date"), never by its path ("[1].date")."""
        match = re.fullmatch(r"\[(\d+)\]\.?(\w*)", where[len(key) :])
        if match is None:
            return say("{where}: {problem}", where=where, problem=problem)
        row, column = int(match[1]) + 1, match[2]
        try:
            label = self.questionnaire.question(key).items.get(column)
        except KeyError:
            label = None
        if not column:
            return say("row {row}: {problem}", row=row, problem=problem)
        named = Named(dict(label.by_lang)) if label is not None else column.replace("_", " ")
        return say("row {row}, {column}: {problem}", row=row, column=named, problem=problem)

    def _after_today(self, key: str) -> list[str]:
        """A date that can only be past (a birth, an arrival) given after the interview's day."""
        value = self.answers.get(key)
        if key not in PAST_DATES or not isinstance(value, str):
            return []
        try:
            day = dt.date.fromisoformat(value.strip())
        except ValueError:
            return []  # validation names it
        return [say("is after today ({day})", day=self.on.isoformat())] if day > self.on else []

    def errors(self) -> dict[str, list[str]]:
        """Every answered key that is not valid, with its problems."""
        out: dict[str, list[str]] = {}
        for e in validate_answers(self.answers):
            base = e.key.split("[", 1)[0]
            out.setdefault(base, []).append(
                e.problem if e.key == base else self._in_list(base, e.key, e.problem)
            )
        for key in PAST_DATES:
            if said := self._after_today(key):
                out.setdefault(key, []).extend(said)
        for key in self.answers:  # those valid (none of their problems is in ``out`` yet)
            if key not in out and (said := self._for_forms(key)):
                out.setdefault(key, []).extend(said)
        return out

    def errors_on_page(self) -> dict[str, list[str]]:
        """The problems of the answers the current page asks."""
        shown = {q.key for q in self.questions(self.current)}
        return {k: v for k, v in self.errors().items() if k in shown}

    def applicable_questions(self) -> list[Question]:
        return [q for g in self.pages() for q in self.questions(g)]

    def missing_required(self) -> list[str]:
        return [
            q.key for q in self.applicable_questions() if q.required and q.key not in self.answers
        ]

    def progress(self) -> Progress:
        required = [q for q in self.applicable_questions() if q.required]
        bad = set(self.errors())  # "2026-02-30" typed is not an answer yet
        answered = [q for q in required if q.key in self.answers and q.key not in bad]
        pages = self.pages()
        return Progress(
            len(answered), len(required), min(self.position, len(pages) - 1) + 1, len(pages)
        )

    def valid_answers(self) -> dict[str, Any]:
        """The answers that apply and are valid: what is stored and screened."""
        applicable = {q.key for q in self.applicable_questions()}
        bad = set(self.errors())
        return {k: v for k, v in self.answers.items() if k in applicable and k not in bad}
