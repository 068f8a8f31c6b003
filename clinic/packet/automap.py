"""A first draft of a form pack, made from an official PDF's own field tooltips.

A new USCIS edition keeps most questions and renames every field. :func:`draft_pack` reads the PDF's
fields (names, types, flags, tooltips, options, on-states: never their values) and proposes a pack
in the format of :mod:`clinic.packet.packs`:

1. each field's tooltip (``/TU``) is parsed into its Part and Item ("Part 2. Information About
   You. 3. A. Enter Family Name" is ``Part 2 Item 3.a``; old editions without Parts give
   ``Item 1.a``) and the item's own text;
2. fields for USCIS, signatures, the interpreter, the preparer and an attorney go to ``blank``
   with that reason;
3. the other fields are matched to answer keys by keyword rules over the tooltip's text (names,
   addresses, birth, numbers, arrival, yes/no questions...). The rules are about what USCIS forms
   ask, not about any one form's field names;
4. what no rule recognises goes to ``blank`` as ``not_applicable`` *and* to
   :attr:`DraftResult.unmatched`, so that a person looks at it.

Tooltips are written by people and are sometimes wrong. Two checks keep the draft from trusting a
copy-and-paste error: a tooltip shared by fields of different names is ambiguous (unless all but
one of them are strays whose siblings talk about another item), and a tooltip shared by several
boxes of one row (``Line1_FamilyName[0..11]``: "Enter Family Name, First Name, and Middle Name")
is split over the boxes in their order; rows after the first of a name are the other names used.

A draft is never a pack in use: it says ``confirmed: false`` and its YAML starts with a warning.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from clinic.domain import languages
from clinic.domain.answers import ANSWER_KEYS, FieldKind
from clinic.packet.packs import (
    PdfField,
    find_edition,
    forms_dir,
    open_pdf,
    page_texts,
    pdf_fields,
    sha256_of,
)

__all__ = [
    "HEADER",
    "PACKET_VALUES",
    "DraftResult",
    "Tooltip",
    "draft_pack",
    "normalize_tooltip",
    "parse_tooltip",
]

HEADER = (
    "DRAFT made by clinic forms automap from the PDF's tooltips: a person must check every line "
    "before this edition is used; confirmed: false"
)

# Values the packet builder adds to the answers for the fee forms (clinic.packet.assemble).
PACKET_VALUES = ("fee.amount", "fee.form")

# The DACA eligibility category, (c)(33), as the I-765's three category boxes take it.
CATEGORY = ("c", "33", "")

_ORDINALS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
_POSITIONS = (r"\bfirst\b", r"\b(?:second|middle)\b", r"\b(?:third|last)\b")
_EYE = {
    "black": "BLK",
    "blue": "BLU",
    "brown": "BRO",
    "gray": "GRY",
    "grey": "GRY",
    "green": "GRN",
    "hazel": "HAZ",
    "maroon": "MAR",
    "pink": "PNK",
    "unknown": "XXX",
}
_HAIR = {
    "bald": "BAL",
    "black": "BLK",
    "blond": "BLN",
    "brown": "BRO",
    "gray": "GRY",
    "grey": "GRY",
    "red": "RED",
    "sandy": "SDY",
    "white": "WHI",
    "unknown": "XXX",
}
_RACE = (
    (r"american indian|alaska native", "native_american"),
    (r"hawaiian|pacific islander", "pacific_islander"),
    (r"black|african american", "black"),
    (r"\basian\b", "asian"),
    (r"\bwhite\b", "white"),
)
# Yes/No questions: (pattern over the question, boolean answer key). First match wins.
_YES_NO = (
    (r"applied for employment authorization|previously filed form i-765", "ead.previous_filed"),
    (r"mailing address the same as your physical address", "physical.same_as_mailing"),
    (r"continuously resid", "residence.continuous_since_2007"),
    (r"without advance parole", "departure.without_parole_since_2012_08_15"),
    (r"terroris", "safety.terrorism"),
    (r"\bgangs?\b", "safety.gang"),
    (r"torture|genocide|trafficking", "safety.torture_genocide_trafficking"),
    (r"\bkilling\b", "safety.killing"),
    (r"severely injur", "safety.severe_injury"),
    (r"sexual contact", "safety.forced_sexual_contact"),
    (r"recruited|enlisted|conscripted", "safety.child_soldier_recruit"),
    (r"hostilities|people in combat", "safety.child_soldier_use"),
    (r"arrived.*(?:prior to|before).*\b16\b", "arrival.before_age_16"),
    (r"arrival-departure record|issued (?:a |an )?(?:form )?i-94", "i94_issued"),
    (r"armed forces|coast guard|military", "military.served"),
)


# -- tooltips ---------------------------------------------------------------------------------


def normalize_tooltip(text: str) -> str:
    """One line, with what screen-reader spelling breaks put back (``U S C I S``, ``I - 7 65``,
    ``A. Number``)."""
    t = re.sub(r"[\s\u2029\u00a0]+", " ", text).strip()
    t = re.sub(r"\bU ?S ?C ?I ?S\b", "USCIS", t)
    t = re.sub(r"\bU\. ?S\.", "U.S.", t)
    t = re.sub(r"\b([A-Z]) ?- ?(\d[\d ]*\d|\d)\b", lambda m: f"{m[1]}-{m[2].replace(' ', '')}", t)
    return re.sub(r"\bA\. ?(?=Number\b)", "A-", t, flags=re.IGNORECASE)


_PART = re.compile(r"^Part (\d+)\s*\.?\s*", re.IGNORECASE)
_NUM = r"\d{1,2}(?:\s*\.\s*[A-Za-z](?![A-Za-z]))?\s*\.?"
# References to other items ("Item Number 1. A. or 1. B.", "Items 8. - 9.", "Part 6."): never
# the field's own item.
_REF = re.compile(
    rf"\b(?:Item\s+Numbers?|Items?|Questions?|Parts?|Pages?)\s+{_NUM}"
    rf"(?:\s*(?:,|-|\u2013|or|and|to|through)\s*{_NUM})*",
    re.IGNORECASE,
)
# An item marker: "3.", "3. A.", "1.B.", "5. E Select", "1.a." (not "U.S.", not "2007.").
_MARK = re.compile(
    r"(?<![\w.(/-])(\d{1,2})\s*\.(?:\s*([A-Za-z])(?:\s*\.|(?=\s+[A-Z])))?(?=[\s,]|$)"
)


_VERB = re.compile(r"(?:^|[.:]\s+)((?:Enter|Select|Check|Provide)\b)")


@dataclass(frozen=True)
class Tooltip:
    """A parsed tooltip: its Part and Item, what comes before the item and the item's own text."""

    raw: str
    part: str | None
    number: str | None
    letter: str | None
    context: str  # the Part's title and what precedes the item number
    text: str  # the item's own words
    row: int = 0  # which row of a repeated box (a tooltip shared by several boxes of one name)

    @property
    def item(self) -> str:
        """``Part 2 Item 3.a``, ``Item 1.a``, ``Part 3``, or the tooltip's first words."""
        words = []
        if self.part:
            words.append(f"Part {self.part}")
        if self.number:
            words.append(f"Item {self.number}" + (f".{self.letter.lower()}" if self.letter else ""))
        label = " ".join(words) or _heading(self.raw)[:60] or "(no tooltip)"
        return f"{label}, row {self.row + 1}" if self.row else label


def _heading(text: str) -> str:
    return re.split(r":|\.(?:\s|$)", text, maxsplit=1)[0].strip()


def parse_tooltip(tooltip: str) -> Tooltip:
    """Split a tooltip into Part, Item and text ("Part 2. Information About You. 3. A. Enter
    Family Name (Last Name)." is Part 2, Item 3.a, text "Enter Family Name (Last Name).")."""
    t = normalize_tooltip(tooltip)
    part = None
    m = _PART.match(t)
    start = 0
    if m:
        part, start = m[1], m.end()
    refs = [(r.start(), r.end()) for r in _REF.finditer(t, start)]
    marks = [k for k in _MARK.finditer(t, start) if not any(a <= k.start() < b for a, b in refs)]
    if not marks:
        # No item number: the item's own words start at its last instruction ("Enter ...",
        # "Select ..."); without one, everything after the first heading.
        bare = re.sub(r"[.:]?\s*(?:Check|Select)(?: this)? box\.?$", "", t)
        verbs = list(_VERB.finditer(bare, start))
        if verbs:
            at = verbs[-1].start(1)
            return Tooltip(t, part, None, None, t[start:at].strip(), t[at:].strip())
        if part:
            return Tooltip(t, part, None, None, t[start:], t[start:])
        head = _heading(t)
        rest = t[len(head) :].lstrip(":. ").strip()
        return Tooltip(t, None, None, None, head, rest or t)
    mark = marks[0]
    if mark[2] is None:  # "28. (c)(3)(C) ... 28. A. Enter Degree": the lettered one is the box
        mark = next((k for k in marks[1:] if k[1] == mark[1] and k[2]), mark)
    context = t[start : mark.start()].strip()
    text = t[mark.end() :].strip()
    return Tooltip(t, part, mark[1], mark[2], context, text)


def _expand_rows(tip: Tooltip, position: int) -> Tooltip:
    """Box ``position`` of a row whose boxes share one tooltip ("Enter Family Name, First Name,
    and Middle Name"): the ``position % n``-th thing listed, in row ``position // n``."""
    m = re.search(r"\b(?:enter|select|provide)\s+(.*?)\.?$", tip.text, re.IGNORECASE)
    if m is None:
        return replace(tip, row=position)
    listed = [re.sub(r"^(?:and|or)\s+", "", p.strip()) for p in m[1].split(",")]
    listed = [p for p in listed if p]
    if len(listed) < 2:
        return replace(tip, row=position)
    lead = tip.text[: m.start()]
    one = listed[position % len(listed)]
    return replace(tip, text=f"{lead}Enter {one}.", row=position // len(listed))


# -- answer keys ------------------------------------------------------------------------------


def _known(path: str) -> bool:
    m = re.match(r"^([a-z0-9_.]+?)\[\d+\](?:\.([a-z0-9_]+))?$", path)
    if m is None:
        return path in ANSWER_KEYS
    spec = ANSWER_KEYS.get(m[1])
    if spec is None:
        return False
    return m[2] is None or (spec.items is not None and m[2] in spec.items)


def _i94_gated() -> dict[str, Any]:
    return {"if": {"key": "i94_issued", "equals": True}, "then": "i94_number", "else": _empty()}


def _empty() -> dict[str, Any]:
    return {"literal": ""}


def _language_names() -> _Table:
    """English names of the languages clients speak (the registry's :data:`SPOKEN`), for the
    forms' "language" boxes; a code not there leaves the box empty for the preparer."""
    return _Table({code: languages.english_name(code) for code in languages.SPOKEN})


def _language() -> dict[str, Any]:
    return {
        "if": {"key": "english.reads", "equals": False},
        "then": {"map": _language_names(), "of": "language", "default": _empty()},
        "else": _empty(),
    }


class _Table(dict[str, str]):
    """A long lookup table: written on a few lines in the YAML."""


@dataclass
class _Map:
    """A text or choice field's mapping."""

    value: Any
    format: str | None = None
    overflow: bool = False
    list_key: str | None = None
    list_index: int | None = None


@dataclass
class _Check:
    """A checkbox's condition."""

    when: Any
    list_key: str | None = None
    list_index: int | None = None


@dataclass
class _Env:
    """What the rules know about the whole form."""

    other_name_items: list[str] = field(default_factory=list)


def _section(both: str) -> tuple[str, int | None] | None:
    """Which address a box belongs to: the address named last before (or in) the item."""
    found: list[tuple[int, str, int | None]] = []
    for m in re.finditer(r"\baddress (" + "|".join(_ORDINALS) + r")\b", both):
        found.append((m.start(), "addresses", _ORDINALS.index(m[1])))
    for name, pattern in (
        ("present", r"present address"),
        ("physical", r"physical address"),
        ("mailing", r"mailing address"),
        ("mailing", r"billing address"),  # the requestor pays: the card's billing address
    ):
        found.extend((m.start(), name, None) for m in re.finditer(pattern, both))
    if not found:
        return None
    _, name, index = max(found, key=lambda f: f[0])
    return name, index


def _address_part(low: str) -> str | None:
    for pattern, part in (
        (r"in care of", "in_care_of"),
        (r"\bstreet\b", "street"),
        (r"apartment|\bapt\b|suite|floor", "unit"),
        (r"\bcity\b|\btown\b", "city"),
        (r"\bzip\b", "zip"),
        (r"\bstate\b", "state"),
        (r"province|postal code", "-"),
        (r"\bcountry\b", "country"),
        (r"\bfrom date\b|\bdate from\b", "from"),
        (r"\bto date\b|\bdate to\b", "to"),
    ):
        if re.search(pattern, low):
            return None if part == "-" else part
    return None


def _address_value(section: tuple[str, int | None], part: str) -> _Map | None:
    name, index = section
    fmt = {"zip": "zip", "from": "date", "to": "date", "since": "date"}.get(part)
    overflow = part in ("street", "city", "in_care_of")
    if name == "addresses":
        path = f"addresses[{index}].{part}"
        if not _known(path):
            return None
        return _Map(path, fmt, overflow, "addresses", index)
    if part == "from":
        part, fmt = "since", "date"
    mailing, physical = f"mailing.{part}", f"physical.{part}"
    if name == "mailing":
        return _Map(mailing, fmt, overflow) if _known(mailing) else None
    if not _known(physical):
        return None
    if name == "physical":  # asked only when it is not the mailing address
        value: Any = {
            "if": {"key": "physical.same_as_mailing", "equals": False},
            "then": physical,
            "else": _empty(),
        }
    elif _known(mailing):  # the present address: the mailing address when they are the same
        value = {
            "if": {"key": "physical.same_as_mailing", "equals": True},
            "then": mailing,
            "else": physical,
        }
    else:
        value = physical
    return _Map(value, fmt, overflow)


def _unit_type_check(section: tuple[str, int | None], kind: str) -> _Check | None:
    name, index = section
    if name == "addresses":
        return _Check({"key": f"addresses[{index}].unit_type", "equals": kind}, "addresses", index)
    if name == "mailing":
        return _Check({"key": "mailing.unit_type", "equals": kind})
    if name == "physical":
        return _Check(
            {
                "all": [
                    {"key": "physical.same_as_mailing", "equals": False},
                    {"key": "physical.unit_type", "equals": kind},
                ]
            }
        )
    return _Check(
        {
            "any": [
                {
                    "all": [
                        {"key": "physical.same_as_mailing", "equals": True},
                        {"key": "mailing.unit_type", "equals": kind},
                    ]
                },
                {
                    "all": [
                        {"not": {"key": "physical.same_as_mailing", "equals": True}},
                        {"key": "physical.unit_type", "equals": kind},
                    ]
                },
            ]
        }
    )


def _name_part(low: str) -> str | None:
    if re.search(r"family name|last name|surname", low):
        return "family"
    if re.search(r"given name|first name", low):
        return "given"
    if re.search(r"middle name", low):
        return "middle"
    return None


def _option(text: str) -> str:
    """What a checkbox says it is: the words after its last "Select"/"Check"."""
    found = list(re.finditer(r"\b(?:select|check)\b\s*", text, re.IGNORECASE))
    return text[found[-1].end() :].strip().lower() if found else text.lower()


def _yes_no(text: str) -> bool | None:
    m = re.search(r"\b(?:select|check)\s+(yes|no)\b|\?\s*(yes|no)\b", text, re.IGNORECASE)
    if m is None:
        return None
    return (m[1] or m[2]).lower() == "yes"


def _checkbox(tip: Tooltip) -> _Check | None:
    low, both = tip.text.lower(), f"{tip.context} {tip.text}".lower()
    opt = _option(tip.text)
    answer = _yes_no(tip.text)
    if answer is not None:
        if re.search(r"removal proceedings|removal order", low):
            if answer:
                others = [c for c in ANSWER_KEYS["removal.status"].choices if c != "never"]
                return _Check({"key": "removal.status", "in": others})
            return _Check({"key": "removal.status", "equals": "never"})
        for pattern, key in _YES_NO:
            if re.search(pattern, low):
                return _Check({"key": key, "equals": answer})
        return None
    if re.search(r"\bi am not in (?:immigration )?detention", low):
        return _Check({"key": "detention.current", "equals": False})
    if re.search(r"\bi am in (?:immigration )?detention", low):
        return _Check({"key": "detention.current", "equals": True})
    if re.search(r"read and understand english", low):
        return _Check({"key": "english.reads", "equals": True})
    if re.search(r"interpreter named in part \d+\.?,? (?:has )?read to me", low):
        return _Check({"key": "english.reads", "equals": False})
    if re.search(r"salvadoran|guatemalan|abc settlement", low):
        return _Check({"key": "ead.abc_settlement", "equals": True})
    if "replacement" not in low:
        if re.search(r"\brenewal\b", low) and re.search(r"request|permission|employment", low):
            return _Check({"request_type": "renewal"})
        if re.search(r"\binitial\b.*\b(?:request|permission)", low) or re.search(
            r"permission to accept employment", low
        ):
            return _Check({"request_type": "initial"})
    if re.search(r"\b(?:sex|gender)\b", both):
        sex = "F" if re.search(r"\bfemale\b", opt) else "M" if re.search(r"\bmale\b", opt) else ""
        return _Check({"key": "sex", "equals": sex}) if sex else None
    if "marital" in both:
        for status in ANSWER_KEYS["marital_status"].choices:
            if re.search(rf"\b{status}\b", opt):
                return _Check({"key": "marital_status", "equals": status})
        return None
    if "eye color" in both or "hair color" in both:
        key, table = ("bio.eye_color", _EYE) if "eye color" in both else ("bio.hair_color", _HAIR)
        code = next((c for w, c in table.items() if re.search(rf"\b{w}", opt)), None)
        return _Check({"key": key, "equals": code}) if code else None
    if "hispanic" in opt:
        kind = "not_hispanic" if re.search(r"\bnot hispanic", opt) else "hispanic"
        return _Check({"key": "bio.ethnicity", "equals": kind})
    if re.search(r"\brace\b", both):
        race = next((r for pattern, r in _RACE if re.search(pattern, opt)), None)
        if race is None:
            return None
        n = len(ANSWER_KEYS["bio.race"].choices)
        return _Check({"any": [{"key": f"bio.race[{i}]", "equals": race} for i in range(n)]})
    if "status or outcome" in both or ("removal proceedings" in both and "select" in low):
        for pattern, status in (
            (r"administratively closed", "administratively_closed"),
            (r"\bactive\b", "active"),
            (r"\bterminated\b", "terminated"),
            (r"final order", "final_order"),
        ):
            if re.search(pattern, opt):
                return _Check({"key": "removal.status", "equals": status})
        if re.search(r"\bother\b", opt):
            return _Check({"key": "removal.status", "in": ["voluntary_departure", "other"]})
        return None
    section = _section(both)
    if section is not None:
        for pattern, kind in ((r"apartment|\bapt\b", "apt"), (r"suite", "ste"), (r"floor", "flr")):
            if re.search(pattern, opt):
                return _unit_type_check(section, kind)
    return None


def _text(tip: Tooltip, env: _Env) -> _Map | None:
    """The value of a text or choice box, from what its tooltip asks."""
    low, ctx = tip.text.lower(), tip.context.lower()
    both = f"{ctx} {low}"
    if "eligibility category" in both and re.search(r"letter|number|character", low):
        leaf = low[low.rfind("enter") :] if "enter" in low else low
        for i, pattern in enumerate(_POSITIONS):
            if re.search(pattern, leaf):
                return _Map({"literal": CATEGORY[i]})
        return None
    a_number = re.search(r"\ba-number\b|alien registration number", low)
    if a_number and re.search(r"\bi-94\b", low):
        return _Map({"first": ["a_number", _i94_gated()]})
    if a_number:
        return _Map("a_number", "a_number")
    if re.search(r"payment amount", low):
        return _Map("fee.amount", "money")
    # Form I-765WS, the economic-necessity worksheet
    for pattern, key, fmt in (
        (r"annual income", "ead.income_annual", "money"),
        (r"annual expenses", "ead.expenses_annual", "money"),
        (r"total (?:current )?(?:value of )?(?:your )?assets|\bassets\b", "ead.assets", "money"),
        (r"economic necessity|financial need|explain", "ead.explanation", None),
    ):
        if re.search(pattern, low):
            return _Map(key, fmt)
    if re.search(r"social security", low):
        return _Map("ssn", "ssn")
    if re.search(r"uscis online account", low):
        return _Map("uscis_account", "digits")
    if re.search(r"date of birth", low):
        return _Map("dob", "date")
    if re.search(r"\bbirth\b", both) and not re.search(r"date of birth", low):
        for pattern, key in (
            (r"\bcity\b|\btown\b|village", "birth.city"),
            (r"\bstate\b|province", "birth.state_province"),
            (r"\bcountry\b", "birth.country"),
        ):
            if re.search(pattern, low):
                return _Map(key)
    if re.search(r"country of (?:current )?residence|current country of residence", low):
        return _Map("residence.country")
    if re.search(r"citizenship|nationality", both) and re.search(r"\bcountr", low):
        return _Map(
            "citizenship_other" if tip.letter and tip.letter.lower() != "a" else "citizenship"
        )
    if re.search(r"deferred action.*expire", low):
        return _Map({"if": {"request_type": "renewal"}, "then": "daca.expires"}, "date")
    for pattern, key, fmt in (
        (r"date of (?:your )?last (?:entry|arrival)", "arrival.last_date", "date"),
        (r"place of (?:your )?last (?:entry|arrival)", "arrival.last_place", None),
        (r"status at (?:your )?last (?:entry|arrival)", "arrival.last_status", None),
        (r"current immigration status", "status.current", None),
        (r"date of (?:your )?initial entry", "arrival.date", "date"),
        (r"place of (?:your )?initial entry", "arrival.place", None),
        (r"authorized stay expired", "i94_stay_expires", "date"),
        (r"border crossing card", "border_crossing_card", None),
        (r"\bsevis\b", "sevis_number", "digits"),
        (r"date of proceedings", "removal.date", "date"),
        (r"location of proceedings", "removal.location", None),
        (r"date of graduation", "education.date", "date"),
        (r"service start date", "military.start", "date"),
        (r"discharge date", "military.discharge_date", "date"),
        (r"type of discharge", "military.discharge_type", None),
        (r"military branch", "military.branch", None),
        (r"immigration status on june 15, 2012", "status.on_2012_06_15", None),
        (r"education guideline", "education.status", None),
        (r"\bheight\b.*\bfeet\b", "bio.height_ft", None),
        (r"\bheight\b.*\binches\b", "bio.height_in", None),
    ):
        if re.search(pattern, low):
            return _Map(key, fmt)
    if re.search(r"\bi-9[45]\b", low) and re.search(r"\bnumber\b", low):
        return _Map(_i94_gated())
    if "passport" in low:
        if re.search(r"expir", low):
            return _Map("passport.expires", "date")
        if re.search(r"\bcountry\b", low):
            return _Map("passport.country")
        if re.search(r"passport number", low):
            return _Map("passport.number")
    if re.search(r"travel document number", low):
        return _Map("travel_document.number")
    if re.search(r"name[^.]*\bschool\b", low):
        return _Map({"join": ["education.school", "education.city_state"], "sep": ", "})
    m = re.search(r"\bweight\b", low)
    if m:
        for i, pattern in enumerate(_POSITIONS):
            if re.search(pattern, low):
                return _Map({"digit": "bio.weight_lb", "width": 3, "at": i})
        return None
    m = re.search(r"\bdeparture (" + "|".join(_ORDINALS) + r")\b", both)
    if m:
        index = _ORDINALS.index(m[1])
        for pattern, part, fmt in (
            (r"departure date", "departed", "date"),
            (r"return date", "returned", "date"),
            (r"\breason\b", "reason", None),
        ):
            if re.search(pattern, low):
                return _Map(f"travel[{index}].{part}", fmt, part == "reason", "travel", index)
        return None
    name = _name_part(low)
    if name is not None:
        if re.search(r"father|mother|spouse|parent|child|preparer|interpreter", both):
            return None
        if tip.row or "other name" in both:
            if tip.row:
                index = tip.row - 1
            elif tip.number in env.other_name_items:
                index = env.other_name_items.index(tip.number)
            else:
                return None
            path = f"other_names[{index}].{name}"
            return _Map(path, None, False, "other_names", index)
        return _Map(f"name.{name}", "upper" if re.search(r"in caps\b", low) else None)
    section = _section(both)
    if section is not None:
        piece = _address_part(low)
        if piece is None and re.search(r"dates? at this residence", both):
            piece = "from" if "from" in low else "to" if re.search(r"\bto\b", low) else None
        if piece is not None:
            return _address_value(section, piece)
    if re.search(r"\bfax\b", low):
        return None
    if re.search(r"\bmobile\b|\bcell", low):
        return _Map("mobile_phone", "phone")
    if re.search(r"telephone|phone", low):
        return _Map("phone", "phone")
    if re.search(r"\be-?mail\b", low):
        return _Map("email", None, True)
    if re.search(r"\blanguage\b", low):
        return _Map(_language())
    return None


def _choice_value(key: str, pdf: PdfField) -> Any:
    """A choice answer key as the drop-down's own options (mapped by their words when the
    options are not the answer's values)."""
    spec = ANSWER_KEYS.get(key)
    if spec is None or spec.kind is not FieldKind.CHOICE or not pdf.options:
        return key
    options = {o.strip().lower() for o in pdf.options}
    if all(c.lower() in options for c in spec.choices):
        return key

    def shown(option: str) -> str:
        return pdf.labels.get(option) or option

    table: dict[str, str] = {}
    for choice in spec.choices:
        words = set(choice.lower().split("_"))
        fits = [
            o
            for o in pdf.options
            if o.strip() and words <= set(re.findall(r"[a-z]+", shown(o).lower()))
        ]
        if fits:
            table[choice] = min(fits, key=lambda o: len(shown(o)))
    return {"map": table, "of": key} if table else key


# -- blank reasons ------------------------------------------------------------------------------


def _blank_reason(tip: Tooltip) -> str | None:
    """Why a box is left blank (for USCIS, signed by hand, for the interpreter, the preparer or an
    attorney), or None when it asks something about the person."""
    full = tip.raw.lower()
    if re.search(r"barcode|bar code|pdf417|for uscis use|uscis use only|office use only", full):
        return "uscis_only"
    if re.search(r"credit card (?:number|type|expiration)|verification value|\bc ?v ?v\b", full):
        return "payment"  # card data is never stored: written by hand
    scope = tip.text.lower()
    if re.search(r"\bsignature\b", scope):
        return "signature"
    heading = tip.context.lower()
    if re.search(r"\binterpreter", heading):
        return "interpreter"
    if re.search(r"\bprepar(?:er|ing)", heading):
        return "preparer"
    if re.search(r"attorney|accredited representative|\bg-28\b|bar number", full):
        return "attorney"
    if re.search(r"additional information", tip.context.lower()) and re.search(
        r"\b(?:page|part|item) number\b|^enter additional information", scope
    ):
        return "preparer"  # the boxes of the form's own continuation page: by hand if at all
    return None


def _fallback_reason(tip: Tooltip) -> str | None:
    low = tip.text.lower()
    if re.search(r"\binterpreter", low):
        return "interpreter"
    if re.search(r"\bprepar(?:er|ing)", low):
        return "preparer"
    return None


# -- the draft --------------------------------------------------------------------------------


@dataclass
class DraftResult:
    """A drafted pack (a YAML-ready document) and the fields no rule recognised."""

    pack: dict[str, Any]
    unmatched: list[str] = field(default_factory=list)

    def to_yaml(self) -> str:
        """The draft as a pack file, headed by the warning that a person must check it."""
        import yaml

        lines = [f"# {HEADER}"]
        if self.unmatched:
            lines.append(
                f"# {len(self.unmatched)} field(s) matched no rule: they are under `blank` as "
                "not_applicable until a person decides:"
            )
            lines.extend(f"#   {u}" for u in self.unmatched)

        class Dumper(yaml.SafeDumper):
            def ignore_aliases(self, data: Any) -> bool:
                return True  # a person reads every line: no &anchors or *aliases

        def table(dumper: yaml.SafeDumper, data: _Table) -> yaml.Node:
            return dumper.represent_mapping("tag:yaml.org,2002:map", data, flow_style=True)

        Dumper.add_representer(_Table, table)

        body = yaml.dump(self.pack, Dumper=Dumper, sort_keys=False, allow_unicode=True, width=100)
        return "\n".join(lines) + "\n" + body


def _base(name: str) -> str:
    return re.sub(r"\[\d+\]$", "", name)


def _index(name: str) -> int:
    m = re.search(r"\[(\d+)\]$", name)
    return int(m[1]) if m else 0


def _strays_and_ambiguous(fields: Mapping[str, PdfField], tips: Mapping[str, Tooltip]) -> set[str]:
    """Fields whose tooltip cannot be trusted: shared with fields of other names."""
    by_tip: dict[str, list[str]] = defaultdict(list)
    for name, pdf in fields.items():
        if pdf.tooltip.strip():
            by_tip[tips[name].raw].append(name)
    siblings: dict[str, list[str]] = defaultdict(list)
    for name in fields:
        siblings[_base(name)].append(name)
    bad: set[str] = set()
    for names in by_tip.values():
        if len({_base(n) for n in names}) < 2:
            continue
        strays = set()
        for n in names:
            others = [s for s in siblings[_base(n)] if s != n]
            if others and all(tips[s].number != tips[n].number for s in others):
                strays.add(n)  # its row talks about another item: a copied tooltip
        rest = [n for n in names if n not in strays]
        bad |= strays
        if len({_base(n) for n in rest}) > 1:
            bad |= set(rest)
    return bad


def _rows(fields: Mapping[str, PdfField], tips: dict[str, Tooltip]) -> None:
    """Split tooltips shared by the boxes of one name over those boxes, in their order."""
    groups: dict[tuple[str, str], list[str]] = defaultdict(list)
    for name, pdf in fields.items():
        if pdf.type != "/Btn" and pdf.tooltip.strip():
            groups[(_base(name), tips[name].raw)].append(name)
    for names in groups.values():
        if len(names) > 1:
            for position, name in enumerate(sorted(names, key=_index)):
                tips[name] = _expand_rows(tips[name], position)


def _field_type(pdf: PdfField) -> str | None:
    if pdf.type == "/Tx":
        return "comb" if pdf.comb else "text"
    return {"/Btn": "checkbox", "/Ch": "choice"}.get(pdf.type)


def _replace(node: Any, match: Callable[[Any], bool], new: Any) -> Any:
    if match(node):
        return new
    if isinstance(node, list):
        return [_replace(n, match, new) for n in node]
    if isinstance(node, dict):
        return type(node)({k: _replace(v, match, new) for k, v in node.items()})
    return node


def _equals(wanted: Any, node: Any) -> bool:
    return bool(node == wanted)


def _reads(node: Any, key: str) -> bool:
    if isinstance(node, Mapping):
        return node.get("key") == key or any(_reads(v, key) for v in node.values())
    if isinstance(node, list):
        return any(_reads(v, key) for v in node)
    return False


def _form_facts(texts: list[str], reader: Any) -> tuple[str, str]:
    """The form's number (``I-765``) and its title, from the pages and the PDF's metadata."""
    meta = reader.metadata or {}
    title = re.sub(r"[\s\u2029]+", " ", str(meta.get("/Title") or "")).strip()
    form = None
    m = re.match(r"^(?:Form\s+)?([A-Z]-\d+[A-Z]*)\b", title)
    if m:
        form = m[1]
    joined = [" ".join(t.split()) for t in texts]
    if form is None:
        for text in joined:
            m = re.search(r"Form\s+([A-Z]-\d+[A-Z]*)\s+\d{2}/\d{2}/\d{2}", text)
            if m:
                form = m[1]
                break
    if form is None:
        counts = Counter(f for t in joined for f in re.findall(r"Form\s+([A-Z]-\d+[A-Z]*)", t))
        form = counts.most_common(1)[0][0] if counts else "UNKNOWN"
    title = re.sub(rf"^(?:Form\s+)?{re.escape(form)}\s*,?\s*", "", title)
    return form, title


def _earlier_pack(form: str) -> Mapping[str, Any] | None:
    """The newest existing pack of the same form (its title and filing order carry over)."""
    import yaml

    best: tuple[str, Mapping[str, Any]] | None = None
    for path in sorted((forms_dir() / form.lower()).glob("*.yaml")):
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (OSError, yaml.YAMLError):
            continue
        if isinstance(data, Mapping) and (best is None or path.stem > best[0]):
            best = (path.stem, data)
    return best[1] if best else None


def _edition_text(texts: list[str], form: str, edition: str) -> str:
    joined = [" ".join(t.split()) for t in texts]
    for candidate in (f"Edition {edition}", f"Form {form} {edition}"):
        if joined and all(candidate in t for t in joined):
            return candidate
    return f"Edition {edition}"


def draft_pack(pdf_path: Path) -> DraftResult:
    """Draft the pack of an official PDF from its fields' tooltips (never from their values)."""
    reader = open_pdf(pdf_path)
    texts = page_texts(reader)
    edition = find_edition(texts)
    if edition is None:
        raise ValueError(f"{pdf_path.name}: no edition date printed on its pages")
    month, day, year = (int(p) for p in edition.split("/"))
    form, title = _form_facts(texts, reader)
    earlier = _earlier_pack(form) or {}
    fields = pdf_fields(reader)

    tips = {name: parse_tooltip(pdf.tooltip) for name, pdf in fields.items()}
    ambiguous = _strays_and_ambiguous(fields, tips)
    _rows(fields, tips)
    env = _Env()
    for name, tip in tips.items():
        both = f"{tip.context} {tip.text}".lower()
        if (
            fields[name].type != "/Btn"
            and "other name" in both
            and _name_part(tip.text.lower())
            and tip.number
            and tip.number not in env.other_name_items
        ):
            env.other_name_items.append(tip.number)
    env.other_name_items.sort(key=int)

    mapped: dict[str, dict[str, Any]] = {}
    blank: dict[str, str] = {}
    unmatched: list[str] = []
    initial_only: set[str] = set()
    for name, pdf in fields.items():
        tip = tips[name]
        ftype = _field_type(pdf)
        reason = _blank_reason(tip) if pdf.tooltip.strip() else None
        if reason is None and ftype is None and "signature" in name.lower():
            reason = "signature"
        if reason is not None:
            blank[name] = reason
            continue
        entry: dict[str, Any] | None = None
        if ftype is not None and pdf.tooltip.strip() and name not in ambiguous:
            entry = _entry(tip, pdf, ftype, env)
        if entry is None:
            fallback = _fallback_reason(tip) if name not in ambiguous else None
            if fallback is not None:
                blank[name] = fallback
                continue
            blank[name] = "not_applicable"
            why = "tooltip shared with other fields" if name in ambiguous else "no rule"
            unmatched.append(f"{name} ({tip.item}; {why})")
            continue
        mapped[name] = entry
        if re.search(r"for initial requests? only", tip.context, re.IGNORECASE):
            initial_only.add(name)

    _finish(mapped, initial_only)
    pack: dict[str, Any] = {
        "form": form,
        "edition": edition,
        "title": str(earlier.get("title") or title),
        "filing_order": int(earlier.get("filing_order") or 99),
        "accepted": {"from": dt.date(2000 + year, month, day), "until": None, "confirmed": False},
        "pdf": {
            "sha256": sha256_of(pdf_path),
            "pages": len(texts),
            "edition_text": _edition_text(texts, form, edition),
        },
        "fields": mapped,
        "blank": blank,
    }
    return DraftResult(pack=pack, unmatched=unmatched)


def _entry(tip: Tooltip, pdf: PdfField, ftype: str, env: _Env) -> dict[str, Any] | None:
    if ftype == "checkbox":
        if len(pdf.on_states) != 1 or tip.row:
            return None
        check = _checkbox(tip)
        if check is None:
            return None
        entry: dict[str, Any] = {
            "item": tip.item,
            "type": ftype,
            "on": next(iter(pdf.on_states)),
            "when": check.when,
        }
        if check.list_key is not None:
            entry["list"] = {"key": check.list_key, "index": check.list_index}
        return entry
    found = _text(tip, env)
    if found is None:
        return None
    value = found.value
    if ftype == "choice" and isinstance(value, str):
        value = _choice_value(value, pdf)
    elif isinstance(value, str) and value in ANSWER_KEYS:
        spec = ANSWER_KEYS[value]
        if spec.kind is FieldKind.CHOICE and not spec.upper:  # words, not the stored code
            table = {c: c.replace("_", " ").capitalize() for c in spec.choices}
            value = {"map": table, "of": value}
    entry = {"item": tip.item, "type": ftype, "value": value}
    if found.format:
        entry["format"] = found.format
    if found.overflow and ftype == "text":
        entry["overflow"] = "addendum"
    if found.list_key is not None:
        entry["list"] = {"key": found.list_key, "index": found.list_index}
    return entry


def _finish(mapped: dict[str, dict[str, Any]], initial_only: Iterable[str]) -> None:
    """Rules that need the whole form: a lone "Apt. Number" box carries the unit's kind, the I-94
    number needs no gate when the form asks whether one was issued, and Parts "for initial
    requests only" are filled for initial requests only."""
    checks = [e["when"] for e in mapped.values() if e["type"] == "checkbox"]
    for section in ("mailing", "physical"):
        unit = f"{section}.unit"
        if any(_reads(w, f"{section}.unit_type") for w in checks):
            continue
        joined = {
            "join": [
                {
                    "map": {"ste": "STE", "flr": "FLR"},
                    "of": f"{section}.unit_type",
                    "default": _empty(),
                },
                unit,
            ],
            "sep": " ",
        }
        for entry in mapped.values():
            if "value" in entry:
                entry["value"] = _replace(entry["value"], functools.partial(_equals, unit), joined)
    if any(_reads(w, "i94_issued") for w in checks):
        gated = _i94_gated()
        for entry in mapped.values():
            if "value" in entry:
                entry["value"] = _replace(
                    entry["value"], functools.partial(_equals, gated), "i94_number"
                )
    for name in initial_only:
        entry = mapped[name]
        if entry["type"] == "checkbox":
            entry["when"] = {"all": [{"request_type": "initial"}, entry["when"]]}
        else:
            entry["value"] = {"if": {"request_type": "initial"}, "then": entry["value"]}
