"""Value expressions and formats of form packs, evaluated over a person's answers.

An expression is an answer key or path (``name.family``, ``travel[0].departed``), or one of
``{literal}``, ``{join, sep}``, ``{first}``, ``{map, of, default}``, ``{if, then, else}``,
``{today}``, ``{digit, width, at}`` (one digit of a number written one digit per box).
Conditions use the questionnaire's syntax, where a key may also be a path. Formats turn a stored
answer into what the form's box takes (``MM/DD/YYYY``, digits only, upper case...).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any

from clinic.domain.conditions import PATH as _PATH
from clinic.domain.conditions import ConditionError, holds, resolve
from clinic.errors import ClinicError


class ExprError(ClinicError, ValueError):
    """A pack expression that cannot be evaluated (malformed)."""


def condition(cond: Mapping[str, Any] | None, answers: Mapping[str, Any], on: dt.date) -> bool:
    """Whether a pack condition holds (the questionnaire's syntax; keys may be paths)."""
    try:
        return holds(cond, answers, on)
    except ConditionError as exc:
        raise ExprError(str(exc)) from None


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
    if "digit" in expr:  # one box of a number written one digit per box: 95 -> "0", "9", "5"
        raw = evaluate(expr["digit"], answers, on)
        digits = "".join(c for c in raw or "" if c.isdigit())
        width, at = int(expr.get("width", len(digits))), int(expr.get("at", 0))
        if not digits or len(digits) > width:
            return None
        return digits.zfill(width)[at]
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
