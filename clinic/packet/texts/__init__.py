"""The texts of the packet's documents that the client reads in their own language (the
document checklist's title, sections and items), in one module per language.

Each module is named by its language's code (``en.py``, and one per translated language) and
has the tables ``TITLES``, ``SECTIONS``, ``ITEMS``, ``EDUCATION`` and ``TAKE_HOME`` (the client's
take-home sheet) (a key to a text;
``{placeholders}`` are filled). A client language of the registry
(:mod:`clinic.domain.languages`) with no module, or with no text for a key, reads English; a
pseudo language reads its texts made from English. Adding a language is adding its module.

Modules are read when a text is first asked for, so a registry entry added later (a test) is
seen. Pure: no I/O but importing the modules.
"""

from __future__ import annotations

import functools
import importlib
from dataclasses import dataclass
from types import ModuleType
from typing import Literal

from clinic.domain.languages import FALLBACK, client_languages, text_in

TableName = Literal["TITLES", "SECTIONS", "ITEMS", "EDUCATION", "TAKE_HOME"]
TABLES: tuple[TableName, ...] = ("TITLES", "SECTIONS", "ITEMS", "EDUCATION", "TAKE_HOME")


@functools.cache
def _module(code: str) -> ModuleType | None:
    """The texts module of ``code``, or None when it has none (English always has one)."""
    try:
        return importlib.import_module(f"{__name__}.{code}")
    except ModuleNotFoundError as exc:
        if code == FALLBACK or exc.name != f"{__name__}.{code}":
            raise
        return None


def _table(code: str, table: TableName) -> dict[str, str]:
    module = _module(code)
    found = getattr(module, table, None) if module is not None else None
    return found if isinstance(found, dict) else {}


def texts(table: TableName, key: str) -> dict[str, str]:
    """One text (a template) in English and in every client language that has it."""
    by_lang = {FALLBACK: _table(FALLBACK, table)[key]}
    for code in client_languages():
        own = _table(code, table).get(key) if code != FALLBACK else None
        if own:
            by_lang[code] = own
    return by_lang


def has(table: TableName, key: str) -> bool:
    """Whether ``table`` has a text for ``key`` (in English, so in every language)."""
    return key in _table(FALLBACK, table)


def text(table: TableName, key: str, lang: str, **values: str) -> str:
    """One text in ``lang`` (English when it has none; made from English in a pseudo language),
    its placeholders filled."""
    return text_in(texts(table, key), lang).format(**values)


@dataclass(frozen=True)
class Phrase:
    """A text of a table with its placeholders' values, to be said in any language."""

    table: TableName
    key: str
    values: tuple[tuple[str, str], ...] = ()

    def said_in(self, lang: str) -> str:
        return text(self.table, self.key, lang, **dict(self.values))


def phrase(table: TableName, key: str, **values: str) -> Phrase:
    """A :class:`Phrase` of ``table``'s text ``key`` with ``values`` for its placeholders."""
    return Phrase(table, key, tuple(values.items()))
