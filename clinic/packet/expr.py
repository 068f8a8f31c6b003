"""Value expressions and formats of form packs, evaluated over a person's answers.

An expression is an answer key or path (``name.family``, ``travel[0].departed``), or one of
``{literal}``, ``{join, sep}``, ``{first}``, ``{map, of, default}``, ``{if, then, else}``,
``{today}``. Conditions use the questionnaire's syntax, where a key may also be a path. Formats turn
a stored answer into what the form's box takes (``MM/DD/YYYY``, digits only, upper case...).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from typing import Any

from clinic.domain.rules import request_type

_PATH = re.compile(r"^(?P<key>[a-z0-9_.]+?)\[(?P<index>\d+)\](?:\.(?P<field>[a-z0-9_]+))?$")


class ExprError(ValueError):
    """A pack expression that cannot be evaluated (malformed)."""


def resolve(answers: Mapping[str, Any], path: str) -> Any:
    """The answer at ``path``: a key, or ``list[index].field`` inside a list answer."""
    m = _PATH.match(path)
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


def condition(cond: Mapping[str, Any] | None, answers: Mapping[str, Any], on: dt.date) -> bool:
    """Whether a condition holds (questionnaire syntax; keys may be paths)."""
    if cond is None:
        return True
    if "all" in cond:
        return all(condition(c, answers, on) for c in cond["all"])
    if "any" in cond:
        return any(condition(c, answers, on) for c in cond["any"])
    if "not" in cond:
        return not condition(cond["not"], answers, on)
    if "request_type" in cond:
        return bool(request_type(answers, on) == cond["request_type"])
    if "key" not in cond:
        raise ExprError(f"a condition needs a key: {dict(cond)}")
    value = resolve(answers, str(cond["key"]))
    if "equals" in cond:
        return bool(value == cond["equals"])
    if "in" in cond:
        return value in cond["in"]
    if "answered" in cond:
        return (value is not None) == bool(cond["answered"])
    if "not_empty" in cond:
        return bool(value)
    raise ExprError(f"a condition needs equals, in, answered or not_empty: {dict(cond)}")


def _text(value: Any) -> str | None:
    if value is None or value == "" or isinstance(value, list | dict):
        return None
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def evaluate(expr: Any, answers: Mapping[str, Any], on: dt.date) -> str | None:
    """The text an expression gives for these answers (``None`` when there is nothing)."""
    if expr is None:
        return None
    if isinstance(expr, str):
        return _text(resolve(answers, expr))
    if not isinstance(expr, Mapping):
        raise ExprError(f"not an expression: {expr!r}")
    if "literal" in expr:
        return _text(expr["literal"]) if expr["literal"] != "" else ""
    if "join" in expr:
        parts = [evaluate(e, answers, on) for e in expr["join"]]
        joined = str(expr.get("sep", " ")).join(p for p in parts if p)
        return joined or None
    if "first" in expr:
        for e in expr["first"]:
            got = evaluate(e, answers, on)
            if got:
                return got
        return None
    if "map" in expr:
        raw = evaluate(expr.get("of"), answers, on)
        table = {str(k): v for k, v in expr["map"].items()}
        if raw is not None and raw in table:
            return _text(table[raw]) if table[raw] != "" else ""
        return evaluate(expr.get("default"), answers, on)
    if "if" in expr:
        chosen = expr.get("then") if condition(expr["if"], answers, on) else expr.get("else")
        return evaluate(chosen, answers, on)
    if "today" in expr:
        return on.isoformat()
    raise ExprError(f"unknown expression: {sorted(expr)}")


def _date(text: str) -> str:
    try:
        return dt.date.fromisoformat(text).strftime("%m/%d/%Y")
    except ValueError:
        return text  # already in the form's format (a literal)


def _digits(text: str) -> str:
    return "".join(c for c in text if c.isdigit())


def _money(text: str) -> str:
    try:
        return str(round(float(text)))
    except ValueError:
        return text


FORMATS: dict[str, Callable[[str], str]] = {
    "upper": str.upper,
    "date": _date,
    "digits": _digits,
    "a_number": lambda t: _digits(t).zfill(9),
    "ssn": _digits,
    "phone": lambda t: _digits(t)[-10:],
    "money": _money,
    "zip": lambda t: _digits(t)[:5],  # the 5-digit ZIP the forms' boxes take
}


def apply_format(name: str | None, text: str) -> str:
    if name is None:
        return text
    try:
        return FORMATS[name](text)
    except KeyError:
        raise ExprError(f"unknown format {name}") from None


def keys_in(expr: Any) -> set[str]:
    """Every answer key an expression or condition reads (list paths give their list key)."""
    found: set[str] = set()

    def add(path: str) -> None:
        m = _PATH.match(path)
        found.add(m["key"] if m else path)

    def walk(node: Any, as_path: bool) -> None:
        if isinstance(node, str):
            if as_path:
                add(node)
        elif isinstance(node, list):
            for item in node:
                walk(item, as_path)
        elif isinstance(node, Mapping):
            for k, v in node.items():
                if k == "key" and isinstance(v, str):
                    add(v)
                elif k in (
                    "literal",
                    "sep",
                    "equals",
                    "in",
                    "answered",
                    "not_empty",
                    "request_type",
                    "today",
                ):
                    continue
                elif k == "map":
                    continue
                else:
                    walk(v, True)

    walk(expr, True)
    return found
