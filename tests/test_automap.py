"""``clinic.packet.automap``: drafting a form pack from an official PDF's tooltips.

The acceptance test compares the draft of the 03/11/16 I-765 (an old, one-page edition) with its
hand-written pack, field by field. The reference copies of the PDFs are in ``../shared/forms``
(the tests that need them skip when the folder is not there); every one of them is blank. These
tests work with field names, types, tooltips and on-states only.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest
import yaml

from clinic.domain import languages
from clinic.domain.answers import ANSWER_KEYS
from clinic.domain.demo import generate_people
from clinic.packet.automap import HEADER, PACKET_VALUES, DraftResult, draft_pack, parse_tooltip
from clinic.packet.expr import apply_format, condition, evaluate, keys_in
from clinic.packet.packs import Pack, load_pack, parse_pack, verify_pdf

REPO = Path(__file__).resolve().parents[1]
FORMS = REPO / "forms"
SHARED_FORMS = Path(__file__).resolve().parents[2] / "shared" / "forms"

OLD_I765 = ("i-765_2016-03-11.pdf", "i-765/2016-03-11.yaml")
NEW_I765 = ("i-765_2025-08-21.pdf", "i-765/2025-08-21.yaml")
I821D = ("i-821d_2025-01-20.pdf", "i-821d/2025-01-20.yaml")
ON = dt.date(2026, 3, 1)
SHARED_PDFS = (
    "i-765_2016-03-11.pdf",
    "i-765_2025-08-21.pdf",
    "i-821d_2025-01-20.pdf",
    "g-1145_2014-09-26.pdf",
    "g-1450_2026-02-06.pdf",
)


def official(name: str) -> Path:
    path = SHARED_FORMS / name
    if not path.is_file():
        pytest.skip(f"the official PDF {name} is not in ../shared/forms")
    return path


@functools.cache
def draft(name: str) -> DraftResult:
    return draft_pack(official(name))


# -- agreement between a draft and a hand-written pack -------------------------------------------


def _condition_keys(cond: Any) -> frozenset[str]:
    """The answer keys a condition reads, with ``request_type`` standing for the request type."""
    found = set(keys_in(cond))

    def walk(node: Any) -> None:
        if isinstance(node, Mapping):
            if "request_type" in node:
                found.add("request_type")
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(cond)
    return frozenset(found)


def disposition(pack: Pack, name: str) -> tuple[Any, ...]:
    """How a pack treats a field: blank (any reason), a checkbox (on-state, keys of its
    condition), or a value (the answer keys it reads; formats do not count)."""
    if name in pack.blank:
        return ("blank",)
    fmap = pack.fields.get(name)
    if fmap is None:
        return ("missing",)
    if fmap.type == "checkbox":
        return ("checkbox", fmap.on, _condition_keys(fmap.when))
    return ("value", frozenset(keys_in(fmap.value)))


def agreement(drafted: Pack, hand: Pack) -> tuple[float, list[str]]:
    """The share of the hand pack's fields (mapped and blank) the draft treats the same way, and
    the names of those it does not."""
    names = sorted(set(hand.fields) | set(hand.blank))
    differ = [n for n in names if disposition(drafted, n) != disposition(hand, n)]
    return (len(names) - len(differ)) / len(names), differ


def _agreement_for(pdf: str, pack_file: str) -> tuple[float, list[str]]:
    drafted = parse_pack(draft(pdf).pack, source=f"draft of {pdf}")
    return agreement(drafted, load_pack(FORMS / pack_file))


# -- acceptance ----------------------------------------------------------------------------------


# The boxes of the 03/11/16 I-765 that hold several answers in one line: the tooltips name them
# all ("Enter Family Name (in CAPS), First Name, and Middle Name"), the draft reads only the first
# (Items 1 and 5) or none (Item 2). Every other field of the edition, the draft treats as the
# hand pack does.
OLD_I765_ONE_BOX_MANY_ANSWERS = {
    "form1[0].#subform[0].Line1_FamilyName[0]",  # Item 1: family, first and middle name
    "form1[0].#subform[0].other_names[0]",  # Item 2: the other names used
    "form1[0].#subform[0].place_of_birth[0]",  # Item 5: town, state or province, country
}


def test_the_2016_i765_draft_agrees_with_the_hand_pack_on_nine_fields_in_ten() -> None:
    share, differ = _agreement_for(*OLD_I765)
    # 41 of the 44 fields (93.2%): all but the three one-line boxes of several answers
    assert share >= 0.9, f"agreement {share:.1%}; fields that differ: {differ}"
    assert set(differ) == OLD_I765_ONE_BOX_MANY_ANSWERS, differ
    assert share == pytest.approx(41 / 44)


@pytest.mark.parametrize(("pdf", "pack_file"), [NEW_I765, I821D], ids=["i-765-2025", "i-821d"])
def test_other_editions_agreement_is_reported(
    pdf: str, pack_file: str, capsys: pytest.CaptureFixture[str]
) -> None:
    share, differ = _agreement_for(pdf, pack_file)
    with capsys.disabled():
        print(f"\n{pack_file}: draft agreement {share:.1%}; {len(differ)} field(s) differ")
    assert 0.0 < share <= 1.0


@pytest.mark.parametrize(("pdf", "pack_file"), [OLD_I765, NEW_I765], ids=["2016", "2025"])
def test_synthetic_people_fill_the_i765_drafts_like_the_hand_packs(
    pdf: str, pack_file: str
) -> None:
    """Beyond the keys: every box both packs fill gets the same text (or the same tick) for
    synthetic people, but for the 03/11/16 boxes of several answers the draft fills with only the
    first (Item 1 the family name alone, Item 5 the town alone)."""
    drafted = parse_pack(draft(pdf).pack)
    hand = load_pack(FORMS / pack_file)
    people: list[dict[str, Any]] = [{}, *generate_people(25, today=ON)]
    differ: set[str] = set()
    for name in set(drafted.fields) & set(hand.fields):
        mine, theirs = drafted.fields[name], hand.fields[name]
        for answers in people:
            if mine.type == "checkbox":
                same = condition(mine.when, answers, ON) == condition(theirs.when, answers, ON)
            else:
                same = _shown(mine.value, mine.format, answers) == _shown(
                    theirs.value, theirs.format, answers
                )
            if not same:
                differ.add(name)
    expected = OLD_I765_ONE_BOX_MANY_ANSWERS & set(drafted.fields) if pdf == OLD_I765[0] else set()
    if pdf == NEW_I765[0]:  # the hand pack derives Item 12 "Yes" for a renewal left unanswered
        expected = {"form1[0].Page2[0].Line19_Checkbox[1]"}
    assert differ == expected, sorted(differ)


def _shown(expr: Any, fmt: str | None, answers: Mapping[str, Any]) -> str:
    text = evaluate(expr, answers, ON)
    return apply_format(fmt, text) if text else ""


def test_the_agreement_ignores_formats_and_blank_reasons() -> None:
    base: dict[str, Any] = {
        "form": "X-1",
        "edition": "01/01/25",
        "accepted": {"from": "2025-01-01"},
        "pdf": {"pages": 1, "edition_text": "Edition 01/01/25"},
    }
    hand = parse_pack(
        {
            **base,
            "fields": {
                "a": {"item": "1", "type": "text", "value": "dob", "format": "date"},
                "b": {"item": "2", "type": "checkbox", "on": "/Y", "when": {"request_type": "x"}},
                "c": {"item": "3", "type": "text", "value": "other_names[0].family"},
            },
            "blank": {"d": "signature"},
        }
    )
    same = parse_pack(
        {
            **base,
            "fields": {
                "a": {"item": "1", "type": "text", "value": "dob"},
                "b": {"item": "2", "type": "checkbox", "on": "/Y", "when": {"request_type": "x"}},
                "c": {"item": "3", "type": "text", "value": "other_names[2].given"},
            },
            "blank": {"d": "preparer"},
        }
    )
    other = parse_pack(
        {
            **base,
            "fields": {
                "a": {"item": "1", "type": "text", "value": "arrival.date"},
                "b": {"item": "2", "type": "checkbox", "on": "/N", "when": {"request_type": "x"}},
                "d": {"item": "4", "type": "text", "value": "name.family"},
            },
            "blank": {"c": "not_applicable"},
        }
    )
    assert agreement(same, hand) == (1.0, [])
    assert agreement(other, hand) == (0.0, ["a", "b", "c", "d"])


# -- the I-821D draft is a valid, verifiable pack ------------------------------------------------


def test_the_i821d_draft_parses_and_verifies_against_its_pdf() -> None:
    path = official(I821D[0])
    result = draft(I821D[0])
    pack = parse_pack(result.pack, source="draft")
    verify_pdf(path, pack)  # every field mapped or blank, types, on-states, pages, edition
    assert pack.form == "I-821D"
    assert pack.edition == "01/20/25"
    assert pack.edition_text == "Edition 01/20/25"
    assert all(name in pack.blank for name in _names(result.unmatched))
    assert all(pack.blank[name] == "not_applicable" for name in _names(result.unmatched))


@pytest.mark.parametrize("pdf", [OLD_I765[0], NEW_I765[0]], ids=["i-765-2016", "i-765-2025"])
def test_the_i765_drafts_verify_against_their_pdfs(pdf: str) -> None:
    verify_pdf(official(pdf), parse_pack(draft(pdf).pack, source="draft"))


def test_the_old_edition_is_read_from_its_pages() -> None:
    pack = parse_pack(draft(OLD_I765[0]).pack)
    assert (pack.form, pack.edition, pack.pages) == ("I-765", "03/11/16", 1)
    assert pack.edition_text == "Form I-765 03/11/16"
    assert pack.title == "Application for Employment Authorization"
    assert pack.filing_order == 2


def _names(unmatched: list[str]) -> list[str]:
    return [u.split(" (", 1)[0] for u in unmatched]


# -- the tooltip parser --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("tooltip", "item", "text"),
    [
        (
            "Part 2. Information About You. 3. A. Enter Family Name (Last Name).",
            "Part 2 Item 3.a",
            "Enter Family Name (Last Name).",
        ),
        ("1.a. Family Name (Last Name)", "Item 1.a", "Family Name (Last Name)"),
        (
            "Part 2.  Information About You. Your Full Legal Name. 1.B. Enter Given Name, "
            "First Name.",
            "Part 2 Item 1.b",
            "Enter Given Name, First Name.",
        ),
        (
            "Part 2.  Information About You. Your U.S. Mailing Address. 5. E Select state from "
            "list of states.",
            "Part 2 Item 5.e",
            "Select state from list of states.",
        ),
        (
            "3. U. S. Mailing Address. Enter Street Number and Name.",
            "Item 3",
            "U.S. Mailing Address. Enter Street Number and Name.",
        ),
        (
            "Part 2.  Information About You. Other Names Used. If you need extra space to "
            "complete this section, use the space provided in Part 6. Additional Information. "
            "2. A. Enter  Family Name, Last Name.",
            "Part 2 Item 2.a",
            "Enter Family Name, Last Name.",
        ),
        (
            "Part 3.  Applicant's Statement. NOTE:  Select the box for either Item Number 1. A. "
            "or 1. B.  If applicable, select the box for Item Number 2. 1. A. Select I can read "
            "and understand English.",
            "Part 3 Item 1.a",
            "Select I can read and understand English.",
        ),
        (
            "Part 2.  Information About You. 28. (c)(3)(C) STEM OPT Eligibility Category.  If you "
            "entered the eligibility category (c)(3)(C) in Item Number 27., provide the "
            "information requested in Item Numbers 28. A. - 28. C. 28. A. Enter Degree,",
            "Part 2 Item 28.a",
            "Enter Degree,",
        ),
        (
            "Part 2.  Information About You. Other Information. 9. U SC I S Online Account "
            "Number, if any.",
            "Part 2 Item 9",
            "USCIS Online Account Number, if any.",
        ),
        (
            "Part 6.  Additional Information. 2. A. Number, (if any).",
            "Part 6 Item 2",
            "A-Number, (if any).",
        ),
        (
            "Part 2.  Information About You. Other Information. 12. Have you previously filed "
            "Form I - 7 65? Select Yes.",
            "Part 2 Item 12",
            "Have you previously filed Form I-765? Select Yes.",
        ),
        ("Certification. Enter Telephone Number.", "Certification", "Enter Telephone Number."),
        ("PDF417BarCode1", "PDF417BarCode1", "PDF417BarCode1"),
    ],
)
def test_tooltips_give_their_part_and_item(tooltip: str, item: str, text: str) -> None:
    tip = parse_tooltip(tooltip)
    assert tip.item == item
    assert tip.text == text


def test_a_part_title_is_context_not_the_item() -> None:
    tip = parse_tooltip(
        "Part 4.  Interpreter's Contact Information, Certification, and Signature. "
        "Interpreter's Mailing Address. 3. C. Enter City or Town."
    )
    assert tip.part == "4"
    assert "Interpreter's Mailing Address" in tip.context
    assert tip.text == "Enter City or Town."


# -- the YAML ------------------------------------------------------------------------------------


def test_to_yaml_round_trips_and_starts_with_the_warning() -> None:
    result = draft(OLD_I765[0])
    text = result.to_yaml()
    assert text.startswith(f"# {HEADER}\n")
    loaded = yaml.safe_load(text)
    assert loaded == result.pack
    again = parse_pack(loaded, source="round trip")
    first = parse_pack(result.pack, source="draft")
    assert again.fields == first.fields
    assert again.blank == first.blank
    assert (again.form, again.edition, again.sha256) == (first.form, first.edition, first.sha256)


def test_the_draft_is_never_confirmed() -> None:
    result = draft(OLD_I765[0])
    assert result.pack["accepted"]["confirmed"] is False
    assert result.pack["accepted"]["until"] is None
    assert str(result.pack["accepted"]["from"]) == "2016-03-11"
    assert parse_pack(result.pack).confirmed is False
    assert "confirmed: false" in result.to_yaml().splitlines()[0]


def test_unmatched_fields_are_blank_and_listed_with_their_item() -> None:
    result = draft(OLD_I765[0])
    assert result.unmatched
    for line in result.unmatched:
        name = line.split(" (", 1)[0]
        assert result.pack["blank"][name] == "not_applicable"
        assert "Item" in line or "(" in line
    # the replacement box is not part of a DACA packet: no rule fills it
    assert any(u.startswith("form1[0].#subform[0].applying[1] ") for u in result.unmatched)


@pytest.mark.parametrize("pdf", [*SHARED_PDFS])
def test_the_draft_uses_only_known_answer_keys(pdf: str) -> None:
    pack = parse_pack(draft(pdf).pack)
    for fmap in pack.fields.values():
        for key in keys_in(fmap.value) | keys_in(fmap.when):
            assert key in ANSWER_KEYS or key in PACKET_VALUES, (fmap.name, key)


@pytest.mark.parametrize("pdf", [*SHARED_PDFS])
def test_every_shared_form_drafts_a_verifiable_pack(pdf: str) -> None:
    result = draft(pdf)
    verify_pdf(official(pdf), parse_pack(yaml.safe_load(result.to_yaml()), source="draft"))


def test_the_language_boxes_take_the_registrys_english_names() -> None:
    """The forms' "language" boxes name the client's language in English, from the registry's
    list of spoken languages (a code not there leaves the box empty)."""
    found: list[Mapping[str, Any]] = []

    def walk(node: Any) -> None:
        if isinstance(node, Mapping):
            if node.get("of") == "language" and "map" in node:
                found.append(node["map"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(draft(I821D[0]).pack)
    assert found
    for table in found:
        assert dict(table) == {code: languages.english_name(code) for code in languages.SPOKEN}
        assert table["ko"] == "Korean" and table["yua"] == "Yucatec Maya"
