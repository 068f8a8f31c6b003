"""The form packs of the I-765 (editions 08/21/25 and 03/11/16), the G-1145 and the G-1450.

Checked against the official PDFs in ``../shared/forms`` (those tests skip when the folder is
not there): every field is mapped or blank with a reason, the questionnaire's I-765 answers all
reach the current edition, choice values are the form's options, and the two I-765 editions
coexist without one edition's PDF ever passing for the other's.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from clinic.domain.answers import ANSWER_KEYS, PACKET_KEYS, US_STATE_CODES, FieldKind
from clinic.domain.demo import generate_people
from clinic.packet.expr import apply_format, evaluate
from clinic.packet.fill import plan
from clinic.packet.packs import Pack, VerifyError, load_pack, open_pdf, pdf_fields, verify_pdf
from tests.conftest import person

REPO = Path(__file__).resolve().parents[1]
FORMS = REPO / "forms"
SHARED_FORMS = Path(__file__).resolve().parents[2] / "shared" / "forms"
QUESTIONNAIRE = REPO / "resources" / "questionnaires" / "daca.yaml"
EDITIONS = REPO / "resources" / "rules" / "editions.yaml"

# pack file (under forms/) -> the official PDF (under ../shared/forms/)
PACKS = {
    "i-765/2025-08-21.yaml": "i-765_2025-08-21.pdf",
    "i-765/2016-03-11.yaml": "i-765_2016-03-11.pdf",
    "g-1145/2014-09-26.yaml": "g-1145_2014-09-26.pdf",
    "g-1450/2026-02-06.yaml": "g-1450_2026-02-06.pdf",
}
CURRENT_I765 = "i-765/2025-08-21.yaml"
OLD_I765 = "i-765/2016-03-11.yaml"
# Values the packet builder passes to each G-1450 besides the answers.
FEE_VALUES = {"fee.amount", "fee.form"}

_LIST_PATH = re.compile(r"^(?P<key>[a-z0-9_.]+?)\[\d+\](?:\.(?P<field>[a-z0-9_]+))?$")
_SKIPPED = {"literal", "sep", "today", "map", "equals", "in", "answered", "not_empty"}


@functools.cache
def pack(name: str) -> Pack:
    return load_pack(FORMS / name)


def official(name: str) -> Path:
    path = SHARED_FORMS / name
    if not path.is_file():
        pytest.skip(f"the official PDF {name} is not in ../shared/forms")
    return path


def paths_in(node: Any) -> Iterator[str]:
    """Every answer path an expression or condition reads (``request_type`` reads
    ``request.type``)."""
    if isinstance(node, str):
        yield node
    elif isinstance(node, list):
        for item in node:
            yield from paths_in(item)
    elif isinstance(node, Mapping):
        for key, value in node.items():
            if key == "key":
                yield str(value)
            elif key == "request_type":
                yield "request.type"
            elif key not in _SKIPPED:
                yield from paths_in(value)


def list_key(path: str) -> str:
    """``other_names[1].family`` -> ``other_names``; a plain key stays as it is."""
    m = _LIST_PATH.match(path)
    return m["key"] if m else path


def paths_of(p: Pack) -> set[str]:
    found: set[str] = set()
    for fmap in p.fields.values():
        found |= set(paths_in(fmap.value)) | set(paths_in(fmap.when))
    return found


def map_outputs(node: Any) -> Iterator[str]:
    """The outputs of every ``map`` and ``literal`` of an expression (what it can write besides
    answers taken as they are)."""
    if isinstance(node, list):
        for item in node:
            yield from map_outputs(item)
    elif isinstance(node, Mapping):
        for key, value in node.items():
            if key == "map":
                yield from (str(v) for v in value.values())
            elif key == "literal":
                yield str(value)
            elif key not in _SKIPPED and key not in ("key", "request_type"):
                yield from map_outputs(value)


def direct_keys(node: Any) -> Iterator[str]:
    """The answer keys an expression writes as they are (not through a ``map``)."""
    if isinstance(node, str):
        yield list_key(node)
    elif isinstance(node, list):
        for item in node:
            yield from direct_keys(item)
    elif isinstance(node, Mapping):
        for key in ("then", "else", "first", "join", "default"):
            if key in node:
                yield from direct_keys(node[key])


def i765_feeds() -> dict[str, list[str]]:
    """Answer key -> the I-765 items it feeds, from the questionnaire's ``feeds`` lists."""
    data = yaml.safe_load(QUESTIONNAIRE.read_text(encoding="utf-8"))
    feeds: dict[str, list[str]] = {}
    for section in data["sections"]:
        for group in section["groups"]:
            for question in group["questions"]:
                items = [f for f in question.get("feeds") or [] if f.startswith("I-765 ")]
                if items:
                    feeds[question["key"]] = items
    return feeds


# -- the packs and the official PDFs ---------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(PACKS))
def test_pack_loads_and_verifies_against_its_official_pdf(name: str) -> None:
    p = pack(name)
    verify_pdf(official(PACKS[name]), p)  # raises VerifyError listing every problem
    assert p.fields, "a pack maps at least one field"
    assert all(f.item for f in p.fields.values()), "every mapped field names its form item"


def test_the_filing_order_puts_the_g1145_on_top() -> None:
    order = {pack(name).form: pack(name).filing_order for name in PACKS}
    assert order == {"G-1145": 0, "I-765": 2, "G-1450": 3}


@pytest.mark.parametrize("name", sorted(PACKS))
def test_every_key_a_pack_reads_is_an_answer_key(name: str) -> None:
    """A typo in a pack would silently leave a box empty: every path must be a known answer key
    (list items: a field the list's items have); the G-1450 also reads the fee values."""
    p = pack(name)
    allowed = FEE_VALUES if p.form == "G-1450" else set()
    for path in sorted(paths_of(p)):
        if path in allowed or path in PACKET_KEYS:  # the packet adds them
            continue
        key = list_key(path)
        assert key in ANSWER_KEYS, f"{name}: {path} is not an answer key"
        m = _LIST_PATH.match(path)
        if m and m["field"]:
            items = ANSWER_KEYS[key].items
            assert items is not None and m["field"] in items, f"{name}: {path}"


def test_every_i765_answer_of_the_questionnaire_reaches_the_current_edition() -> None:
    read = {list_key(path) for path in paths_of(pack(CURRENT_I765))}
    # the interview names the interpreter; the packet reads that user's profile (PACKET_KEYS)
    feeds = {k: v for k, v in i765_feeds().items() if k != "interpreter.user"}
    assert {"interpreter.family", "interpreter.language"} <= read
    missing = {key: items for key, items in feeds.items() if key not in read}
    assert not missing, (
        f"answers the questionnaire says feed the I-765 but the pack ignores: {missing}"
    )


@pytest.mark.parametrize("name", sorted(PACKS))
def test_choice_values_are_options_of_the_form(name: str) -> None:
    p = pack(name)
    fields = pdf_fields(open_pdf(official(PACKS[name])))
    choices = [f for f in p.fields.values() if f.type == "choice"]
    for fmap in choices:
        options = set(fields[fmap.name].options)
        written = {out for out in map_outputs(fmap.value) if out}
        for key in direct_keys(fmap.value):
            spec = ANSWER_KEYS.get(key) or PACKET_KEYS[key]
            if spec.kind is FieldKind.STATE:
                written |= set(US_STATE_CODES)
            elif spec.kind is FieldKind.CHOICE:
                written |= set(spec.choices)
        assert written, f"{fmap.item}: nothing to check"
        assert written <= options, f"{fmap.item}: not options of the form: {written - options}"


# -- the two I-765 editions ----------------------------------------------------------------------


def test_the_two_i765_editions_coexist() -> None:
    old, new = pack(OLD_I765), pack(CURRENT_I765)
    assert old.form == new.form == "I-765"
    assert (old.edition, new.edition) == ("03/11/16", "08/21/25")
    assert old.key != new.key
    assert not set(old.fields) & set(new.fields), "the editions' field names differ"
    # accepted windows that do not overlap: the old one ends before the new one starts
    assert old.accepted_until is not None
    assert old.accepted_from <= old.accepted_until < new.accepted_from
    assert (old.confirmed, new.confirmed) == (False, True)
    for day, expected in (
        (dt.date(2016, 3, 11), old),
        (dt.date(2017, 1, 10), old),
        (dt.date(2017, 7, 16), old),
        (dt.date(2025, 8, 21), new),
        (dt.date(2026, 11, 21), new),
    ):
        accepted = [p for p in (old, new) if p.accepted_on(day)]
        assert accepted == [expected], day
    for day in (dt.date(2016, 3, 10), dt.date(2017, 7, 17), dt.date(2020, 1, 1)):
        assert not any(p.accepted_on(day) for p in (old, new)), day


def test_the_accepted_windows_agree_with_the_editions_rules() -> None:
    data = yaml.safe_load(EDITIONS.read_text(encoding="utf-8"))
    for name in PACKS:
        p = pack(name)
        entries = {e["edition"]: e for e in data["forms"][p.form]}
        entry = entries[p.edition]
        assert entry["accepted_from"] == p.accepted_from, p.key
        assert entry.get("accepted_until") == p.accepted_until, p.key
        assert bool(entry.get("confirmed", False)) == p.confirmed, p.key


def test_the_old_pdf_never_passes_for_the_current_edition() -> None:
    with pytest.raises(VerifyError) as caught:
        verify_pdf(official(PACKS[OLD_I765]), pack(CURRENT_I765))
    assert caught.value.problems
    assert "edition 03/11/16" in str(caught.value)
    assert any("Edition 08/21/25" in problem for problem in caught.value.problems)
    assert "its SHA-256 is not the one of the official file" in caught.value.problems


def test_the_current_pdf_never_passes_for_the_old_edition() -> None:
    with pytest.raises(VerifyError) as caught:
        verify_pdf(official(PACKS[CURRENT_I765]), pack(OLD_I765))
    assert caught.value.problems
    assert "edition 08/21/25" in str(caught.value)
    assert any("Form I-765 03/11/16" in problem for problem in caught.value.problems)


# -- the 03/11/16 edition: one box, several answers -----------------------------------------------

OLD_FIELD = "form1[0].#subform[0].{}[0]"


def test_the_2016_boxes_of_several_answers_follow_the_labels_under_them() -> None:
    """Item 1 holds "(Family Name) (First Name) (Middle Name)" and Item 5 "(Town or City)
    (State/Province) (Country)" in one box each: in that order, the name in capitals as the form
    asks; what is not answered is left out, with no stray separator."""
    p = pack(OLD_I765)
    day = dt.date(2017, 1, 10)
    answers = person(
        2,
        **{
            "name.middle": "Sora",
            "birth.state_province": "Gyeonggi",
            "other_names": [{"family": "Maiden", "given": "Minji", "middle": "Ara"}],
        },
    )

    def shown(field: str, given: Mapping[str, Any]) -> str:
        fmap = p.fields[OLD_FIELD.format(field)]
        text = evaluate(fmap.value, given, day) or ""
        return apply_format(fmap.format, text) if text else ""

    assert shown("Line1_FamilyName", answers) == "TESTPERSONC, MINJI SORA"
    assert shown("place_of_birth", answers) == "Seoul, Gyeonggi, South Korea"
    assert shown("other_names", answers) == "MAIDEN, MINJI ARA"
    plain = person(2)  # no middle name, no state or province, no other names
    assert shown("Line1_FamilyName", plain) == "TESTPERSONC, MINJI"
    assert shown("place_of_birth", plain) == "Seoul, South Korea"
    assert shown("other_names", plain) == ""


def test_the_2016_other_names_beyond_the_one_box_continue_on_the_addendum() -> None:
    p = pack(OLD_I765)
    fields = pdf_fields(open_pdf(official(PACKS[OLD_I765])))
    names = [{"family": f"Oldname{c}", "given": "Minji"} for c in "ABC"]
    values, addendum, _ = plan(p, fields, person(1, other_names=names), dt.date(2017, 1, 10))
    assert values[OLD_FIELD.format("other_names")] == "OLDNAMEA, MINJI"
    assert [(a.form, a.page, a.text) for a in addendum] == [
        ("I-765 03/11/16", 1, "Other name 2: Family name: OldnameB; Given name: Minji"),
        ("I-765 03/11/16", 1, "Other name 3: Family name: OldnameC; Given name: Minji"),
    ]
    assert all(a.item.startswith("Item 2 ") for a in addendum)


# -- category (c)(33) ----------------------------------------------------------------------------


def category_fields(p: Pack) -> list[Any]:
    """The three boxes of the eligibility category, in their order on the form."""
    item = "Part 2 Item 27" if p.edition == "08/21/25" else "Item 16"
    found = sorted((f for f in p.fields.values() if f.item == item), key=lambda f: f.name)
    assert [f.name.rsplit(".", 1)[-1] for f in found] == [
        "section_1[0]",
        "section_2[0]",
        "section_3[0]",
    ]
    return found


ON = dt.date(2026, 3, 1)
SOME_ANSWERS: list[dict[str, Any]] = [{}, *generate_people(12, today=ON)]


@pytest.mark.parametrize("name", [CURRENT_I765, OLD_I765])
def test_the_category_is_c33_for_every_person(name: str) -> None:
    fields = category_fields(pack(name))
    for fmap in fields:
        assert set(fmap.value) == {"literal"}, "the category depends on no answer"
    for answers in SOME_ANSWERS:
        assert [evaluate(f.value, answers, ON) for f in fields] == ["c", "33", ""]


_ANY_VALUE = st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=12))


@settings(max_examples=50, deadline=None)
@given(st.dictionaries(st.sampled_from(sorted(ANSWER_KEYS)), _ANY_VALUE, max_size=12))
def test_the_category_ignores_arbitrary_answers(answers: dict[str, Any]) -> None:
    for name in (CURRENT_I765, OLD_I765):
        fields = category_fields(pack(name))
        assert [evaluate(f.value, answers, ON) for f in fields] == ["c", "33", ""]
