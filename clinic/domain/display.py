"""An answer as a person reads it on a screen: the question's own words for yes and no and for
each choice, the labels of a list's fields, a language by its name, dollars as $32,000, and the
Social Security and A-Numbers masked to their last four digits unless someone chose to reveal
them (the core audits that). Pure: the GUI and the documents call it; no key or code reaches
the reader."""

from __future__ import annotations

import re
from typing import Any

from clinic.domain import languages
from clinic.domain.answers import ANSWER_KEYS, FieldKind
from clinic.domain.questionnaire import Question

SECRET_KEYS: frozenset[str] = frozenset({"ssn", "a_number"})
"""Numbers shown masked (last four digits) until a person reveals them."""


def masked(key: str, value: object) -> str:
    """A Social Security or A-Number with only its last four digits: ``•••-••-6789``,
    ``A-•••-••5-678``."""
    digits = re.sub(r"\D", "", str(value))
    if len(digits) < 4:
        return "•" * len(digits)
    if key == "ssn" and len(digits) == 9:
        return f"•••-••-{digits[5:]}"
    if key == "a_number" and len(digits) == 9:
        return f"A-•••-••{digits[5]}-{digits[6:]}"
    return "•" * (len(digits) - 4) + digits[-4:]


def formatted(key: str, value: object) -> str:
    """A Social Security or A-Number in full, as the cards print it: ``123-45-6789``,
    ``A-123-456-789`` (anything else as given)."""
    digits = re.sub(r"\D", "", str(value))
    if key == "ssn" and len(digits) == 9:
        return f"{digits[:3]}-{digits[3:5]}-{digits[5:]}"
    if key == "a_number" and len(digits) == 9:
        return f"A-{digits[:3]}-{digits[3:6]}-{digits[6:]}"
    return str(value)


def answer_text(question: Question, value: Any, lang: str, *, reveal: bool = False) -> str:
    """``value`` (an answer to ``question``) in words of ``lang``."""
    if question.key in SECRET_KEYS:
        return masked(question.key, value) if not reveal else formatted(question.key, value)
    if isinstance(value, bool):
        return question.word("answer_yes" if value else "answer_no", lang)
    if question.key == "language" and isinstance(value, str):
        return language_text(value, lang)
    if isinstance(value, list):
        if not value:  # answered: none (no arrests, no trips), never left blank
            return question.word("answer_none", lang)
        if all(isinstance(v, dict) for v in value):
            return "; ".join(_item_text(question, item, lang) for item in value)
        return ", ".join(_choice(question, v, lang) for v in value)
    if question.kind is FieldKind.CHOICE:
        return _choice(question, value, lang)
    if ANSWER_KEYS[question.key].money and isinstance(value, int | float):
        return dollars(value)
    return str(value)


def dollars(value: float) -> str:
    """US dollars as the forms and the staff read them: ``$32,000``, ``$1,250.50``."""
    cents = round(float(value) * 100)
    whole, part = divmod(abs(cents), 100)
    sign = "-" if cents < 0 else ""
    return f"{sign}${whole:,}" + (f".{part:02d}" if part else "")


def language_text(code: str, staff: str = languages.FALLBACK) -> str:
    """A language by its name in the staff language and its own (``Korean (한국어)``,
    ``Coreano (한국어)``, ``스페인어 (español)``); the code when unknown."""
    named, native = languages.name_in(code, staff), languages.native_name(code)
    if not named:
        return code
    named = named[:1].upper() + named[1:]
    return named if native.casefold() in ("", code, named.casefold()) else f"{named} ({native})"


def _choice(question: Question, value: object, lang: str) -> str:
    label = question.choices.get(str(value))
    return label.get(lang) if label is not None else str(value)


def _item_text(question: Question, item: dict[str, Any], lang: str) -> str:
    parts = []
    # in the questionnaire's order (street, city, state, ZIP), not the stored (sorted) one
    order = [
        *(f for f in question.items if f in item),
        *(f for f in item if f not in question.items),
    ]
    for field in order:
        raw = item[field]
        name = question.items[field].get(lang) if field in question.items else field
        if isinstance(raw, bool):
            shown = question.word("answer_yes" if raw else "answer_no", lang)
        else:
            labels = question.item_choices.get(field, {})
            shown = labels[str(raw)].get(lang) if str(raw) in labels else str(raw)
        parts.append(f"{name}: {shown}")
    return ", ".join(parts)
