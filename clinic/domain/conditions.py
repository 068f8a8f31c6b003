"""Conditions over answers, shared by the questionnaire (show-if) and the form packs (when/if).

``{key, equals}``, ``{key, in}``, ``{key, answered}``, ``{key, not_empty}``,
``{request_type: renewal|initial}``, and ``all`` / ``any`` / ``not`` of those. A key may be a path
into a list answer: ``travel[0].advance_parole``. Pure: no I/O.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any

from clinic.domain.rules import request_type
from clinic.errors import ClinicError

PATH = re.compile(r"^(?P<key>[a-z0-9_.]+?)\[(?P<index>\d+)\](?:\.(?P<field>[a-z0-9_]+))?$")


class ConditionError(ClinicError, ValueError):
    """A malformed condition (names what is wrong)."""


def resolve(answers: Mapping[str, Any], path: str) -> Any:
    """The answer at ``path``: a key, or ``list[index].field`` inside a list answer."""
    m = PATH.match(path)
    if m is None:
        return answers.get(path)
    items = answers.get(m["key"])
    index = int(m["index"])
    if not isinstance(items, list) or index >= len(items):
        return None
    item = items[index]
    if m["field"] is None:
        return item
    return item.get(m["field"]) if isinstance(item, Mapping) else None


def holds(cond: Mapping[str, Any] | None, answers: Mapping[str, Any], on: dt.date) -> bool:
    """Whether ``cond`` holds for ``answers`` as of ``on`` (``None`` always holds)."""
    if cond is None:
        return True
    if "all" in cond:
        return all(holds(c, answers, on) for c in cond["all"])
    if "any" in cond:
        return any(holds(c, answers, on) for c in cond["any"])
    if "not" in cond:
        return not holds(cond["not"], answers, on)
    if "request_type" in cond:
        return bool(request_type(answers, on) == cond["request_type"])
    if "key" not in cond:
        raise ConditionError(f"a condition needs a key: {sorted(cond)}")
    value = resolve(answers, str(cond["key"]))
    if "equals" in cond:
        return bool(value == cond["equals"])
    if "in" in cond:
        return value in cond["in"]
    if "answered" in cond:
        return (value is not None) == bool(cond["answered"])
    if "not_empty" in cond:
        return bool(value)
    raise ConditionError(f"a condition needs equals, in, answered or not_empty: {sorted(cond)}")
