"""What the app says about a failure, in the staff's language.

An error the code raises on purpose may carry its message as a :class:`Said`: a ``str`` (so
its English text is the message everywhere, logs and the command line included) that keeps its
message id and values. :func:`in_language` gives it in another staff language, the way gettext
works: the English template is the id, and a language's module (``ko.py``, ``es.py``: one
per translated language, named by its code, like ``clinic.domain.rule_texts``) maps ids to
templates. A message a language has not translated reads in English; the pseudo-locale reads
its text made from English. Values (field names, ids, counts) are filled in after translation
and are never translated. Pure: no I/O.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from types import ModuleType

from clinic.domain.languages import FALLBACK, find, is_pseudo, pseudo, text_in


class Said(str):
    """A message: its English text, with the template it was made from and its values."""

    template: str
    values: Mapping[str, object]

    def __new__(cls, template: str, **values: object) -> Said:
        said = super().__new__(cls, template.format(**values))
        said.template = template
        said.values = dict(values)
        return said


class Named(str):
    """A value of a message that reads in each language (a question's column, "Date",
    "Fecha"): its English text, and its text by language code."""

    texts: Mapping[str, str]

    def __new__(cls, texts: Mapping[str, str]) -> Named:
        named = super().__new__(cls, texts.get(FALLBACK, next(iter(texts.values()), "")))
        named.texts = dict(texts)
        return named


class Joined(str):
    """Messages said one after another ("…; …"), each in the language asked."""

    parts: tuple[str, ...]
    sep: str

    def __new__(cls, parts: tuple[str, ...] | list[str], sep: str = "; ") -> Joined:
        joined = super().__new__(cls, sep.join(parts))
        joined.parts = tuple(parts)
        joined.sep = sep
        return joined


def say(template: str, **values: object) -> Said:
    """A message from an English ``template`` with ``{placeholders}`` filled by ``values``."""
    return Said(template, **values)


def said_later(template: str) -> str:
    """An English template kept in a table and said later (``in_language(say(t), lang)``),
    marked so the catalogs' check finds it, as gettext's ``N_`` marks one."""
    return template


def _module(lang: str) -> ModuleType | None:
    try:
        return importlib.import_module(f"{__name__}.{lang}")
    except ModuleNotFoundError:
        return None


def translations(lang: str) -> Mapping[str, str]:
    """The templates of ``lang`` (English template -> translated template); empty if none."""
    language = find(lang)
    if language is None or language.pseudo or lang == FALLBACK:
        return {}
    module = _module(lang)
    templates = getattr(module, "MESSAGES", {}) if module is not None else {}
    return dict(templates)


def in_language(text: str, lang: str) -> str:
    """``text`` in the staff language ``lang``: translated when it is a :class:`Said` whose
    template the language has, else as it is. In the pseudo-locale a :class:`Said` reads made
    from English and any other text as it is, so a message nobody can translate stands out."""
    if isinstance(text, Named):
        return text_in(text.texts, lang) or str(text)
    if isinstance(text, Joined):
        return text.sep.join(in_language(part, lang) for part in text.parts)
    if not isinstance(text, Said):
        return text
    if is_pseudo(lang):
        template = pseudo(text.template)
    else:
        template = translations(lang).get(text.template, text.template)
    # a value that is itself a message (a problem inside "row 2, Date: …"), or named in each
    # language, reads in ``lang`` too
    values = {k: in_language(v, lang) if isinstance(v, str) else v for k, v in text.values.items()}
    try:
        return template.format(**values)
    except (KeyError, IndexError, ValueError):  # a broken translation: the English text
        return str(text)
