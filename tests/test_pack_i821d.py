"""The form pack of Form I-821D edition 01/20/25 (``forms/i-821d/2025-01-20.yaml``).

Checked against the official PDF in the shared reference folder (``../shared/forms``); the tests
that need it skip when that folder is missing. Only synthetic answers appear here.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest
import yaml

from clinic.domain.answers import ANSWER_KEYS, PACKET_KEYS, US_STATE_CODES, FieldKind
from clinic.packet.expr import condition, evaluate
from clinic.packet.packs import (
    BLANK_REASONS,
    Pack,
    PdfField,
    VerifyError,
    load_pack,
    open_pdf,
    pdf_fields,
    sha256_of,
    verify_pdf,
)
from clinic.resources import questionnaire

ROOT = Path(__file__).resolve().parents[1]
PACK_PATH = ROOT / "forms" / "i-821d" / "2025-01-20.yaml"
SHARED_FORMS = Path(__file__).resolve().parents[2] / "shared" / "forms"
OFFICIAL = SHARED_FORMS / "i-821d_2025-01-20.pdf"
I765 = SHARED_FORMS / "i-765_2025-08-21.pdf"
DAY = dt.date(2025, 6, 2)

# In a condition, these keys hold values, not answer keys.
_CONDITION_VALUES = ("equals", "in", "answered", "not_empty")
_PATH = re.compile(r"^(?P<key>[a-z0-9_.]+?)\[(?P<index>\d+)\](?:\.(?P<field>[a-z0-9_]+))?$")


@pytest.fixture(scope="module")
def pack() -> Pack:
    return load_pack(PACK_PATH)


@pytest.fixture(scope="module")
def raw_pack() -> dict[str, Any]:
    data = yaml.safe_load(PACK_PATH.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


@pytest.fixture(scope="module")
def official() -> Path:
    if not OFFICIAL.is_file():
        pytest.skip(f"the official PDFs are not here ({SHARED_FORMS})")
    return OFFICIAL


@pytest.fixture(scope="module")
def pdf(official: Path) -> dict[str, PdfField]:
    return pdf_fields(open_pdf(official))


# -- reading the expressions -----------------------------------------------------------------


def _paths(node: object, *, in_condition: bool = False) -> Iterator[str]:
    """Every answer key or path an expression or condition reads.

    A bare string is a path in an expression; in a condition only ``key:`` names one. A
    ``{request_type: ...}`` condition reads ``request.type`` (with the DACA history, through
    ``clinic.domain.rules.request_type``). Literals, separators and map tables hold no keys.
    """
    if isinstance(node, str):
        if not in_condition:
            yield node
    elif isinstance(node, list):
        for item in node:
            yield from _paths(item, in_condition=in_condition)
    elif isinstance(node, Mapping):
        for name, value in node.items():
            if name == "key":
                yield str(value)
            elif name == "request_type":
                yield "request.type"
            elif name in ("literal", "sep", "map", "today", *_CONDITION_VALUES):
                continue
            elif name in ("if", "all", "any", "not"):
                yield from _paths(value, in_condition=True)
            else:  # join, first, of, default, then, else
                yield from _paths(value, in_condition=False)


def _list_key(path: str) -> str:
    m = _PATH.match(path)
    return m["key"] if m else path


def _expressions(pack: Pack, raw: Mapping[str, Any]) -> Iterator[tuple[str, str]]:
    """(where, path) for every path a field (or an addendum entry) of the pack reads."""
    for name, fmap in pack.fields.items():
        for path in _paths(fmap.value):
            yield name, path
        for path in _paths(fmap.when, in_condition=True):
            yield name, path
    for n, entry in enumerate(raw.get("addendum") or []):
        for path in _paths(entry.get("value")):
            yield f"addendum[{n}]", path
        for path in _paths(entry.get("when"), in_condition=True):
            yield f"addendum[{n}]", path


def _maps(node: object) -> Iterator[Mapping[str, Any]]:
    if isinstance(node, list):
        for item in node:
            yield from _maps(item)
    elif isinstance(node, Mapping):
        if "map" in node:
            yield node
        for value in node.values():
            yield from _maps(value)


def _direct_keys(node: object) -> Iterator[str]:
    """The answer paths whose value an expression can give unchanged (not through a map)."""
    if isinstance(node, str):
        yield node
    elif isinstance(node, Mapping):
        if "map" in node:
            yield from _direct_keys(node.get("default"))
        elif "if" in node:
            yield from _direct_keys(node.get("then"))
            yield from _direct_keys(node.get("else"))
        elif "first" in node:
            for item in node["first"]:
                yield from _direct_keys(item)


def _possible_values(path: str) -> set[str] | None:
    """What the answer at ``path`` can be, as text, when its key limits it (else None)."""
    m = _PATH.match(path)
    spec = ANSWER_KEYS.get(m["key"] if m else path) or PACKET_KEYS.get(path)
    if spec is not None and m and m["field"]:
        spec = (spec.items or {}).get(m["field"])
    if spec is None:
        return None
    if spec.kind is FieldKind.STATE or path.endswith(("mailing.state", "physical.state")):
        return set(US_STATE_CODES)
    if spec.kind is FieldKind.CHOICE:
        return set(spec.choices)
    if spec.kind is FieldKind.NUMBER and spec.whole and spec.minimum is not None:
        assert spec.maximum is not None
        return {str(n) for n in range(int(spec.minimum), int(spec.maximum) + 1)}
    return None


# -- the pack itself -------------------------------------------------------------------------


def test_the_pack_loads(pack: Pack) -> None:
    assert pack.key == "I-821D 01/20/25"
    assert pack.title == "Consideration of Deferred Action for Childhood Arrivals"
    assert pack.filing_order == 1
    assert (pack.accepted_from, pack.accepted_until, pack.confirmed) == (
        dt.date(2025, 1, 20),
        None,
        True,
    )
    assert pack.pages == 7
    assert pack.edition_text == "Edition 01/20/25"
    assert pack.url == "https://www.uscis.gov/sites/default/files/document/forms/i-821d.pdf"
    # the rows the form has: 2 trips, 3 earlier addresses, 1 other name
    assert (pack.list_rows("travel"), pack.list_rows("addresses")) == (2, 3)
    assert pack.list_rows("other_names") == 1
    assert all(reason in BLANK_REASONS for reason in pack.blank.values())
    for fmap in pack.fields.values():
        assert re.fullmatch(r"Part \d( Item \d+(\.[a-z])?| \(.+\))?", fmap.item), fmap.name


def test_every_row_of_a_list_is_marked_on_every_field(pack: Pack) -> None:
    for fmap in pack.fields.values():
        rows = {
            _list_key(p)
            for p in [*_paths(fmap.value), *_paths(fmap.when, in_condition=True)]
            if _PATH.match(p)
        } - {"bio.race", "criminal"}  # a choices answer; Part 4 looks into the list (no rows)
        if rows:
            assert rows == {fmap.list_key}, fmap.name
            assert all(f"[{fmap.list_index}]" in p for p in _paths(fmap.value)), fmap.name


def test_the_pack_reads_only_answer_keys(pack: Pack, raw_pack: dict[str, Any]) -> None:
    for where, path in _expressions(pack, raw_pack):
        if path in PACKET_KEYS:  # the packet adds the preparer's and interpreter's profiles
            continue
        m = _PATH.match(path)
        key = m["key"] if m else path
        assert key in ANSWER_KEYS, f"{where} reads an unknown key {path}"
        spec = ANSWER_KEYS[key]
        if m:
            assert spec.kind in (FieldKind.LIST, FieldKind.CHOICES), f"{where}: {path}"
            if m["field"]:
                assert m["field"] in (spec.items or {}), f"{where} reads an unknown item {path}"


def test_every_answer_the_i821d_asks_is_mapped(pack: Pack, raw_pack: dict[str, Any]) -> None:
    read = {_list_key(path) for _, path in _expressions(pack, raw_pack)}
    feeding = {
        q.key for q in questionnaire().questions if any(f.startswith("I-821D ") for f in q.feeds)
    }
    assert feeding, "the questionnaire names no I-821D item"
    # the interview names the interpreter; the packet reads that user's profile (PACKET_KEYS)
    assert sorted(feeding - read) == ["interpreter.user"]
    # facts the form asks although no `feeds` of the questionnaire names the I-821D for them
    assert {"detention.current", "removal.status", "criminal", "bio.weight_lb"} <= read


# -- against the official PDF ----------------------------------------------------------------


def test_the_official_pdf_verifies(pack: Pack, official: Path, pdf: dict[str, PdfField]) -> None:
    verify_pdf(official, pack)
    assert pack.sha256 == sha256_of(official)
    assert set(pack.fields) | set(pack.blank) == set(pdf)
    assert len(pdf) == 234


def test_field_types_and_combs(pack: Pack, pdf: dict[str, PdfField]) -> None:
    for name, fmap in pack.fields.items():
        assert (fmap.type == "comb") == pdf[name].comb, name
    assert {n.rsplit(".", 1)[-1] for n, f in pack.fields.items() if f.type == "comb"} == {
        "P1_Line7_ANumber[0]",
        "P1_Line8_SSN[0]",
        "P3_Line5b_I94Number[0]",
    }


def test_checkbox_on_states_are_the_pdfs(pack: Pack, pdf: dict[str, PdfField]) -> None:
    for name, fmap in pack.fields.items():
        if fmap.type == "checkbox":
            assert fmap.on in pdf[name].on_states, (
                f"{fmap.item} {name}: {fmap.on!r} is not one of {sorted(pdf[name].on_states)}"
            )


def test_choice_fields_get_one_of_their_options(pack: Pack, pdf: dict[str, PdfField]) -> None:
    for name, fmap in pack.fields.items():
        if fmap.type != "choice":
            continue
        options = set(pdf[name].options)
        for table in _maps(fmap.value):
            outputs = {str(v) for v in table["map"].values()}
            assert outputs <= options, f"{fmap.item}: {sorted(outputs - options)} not in {options}"
        for path in _direct_keys(fmap.value):
            values = _possible_values(path)
            assert values is not None, f"{fmap.item}: {path} is not limited to the options"
            assert values <= options, f"{fmap.item}: {sorted(values - options)} not in {options}"


def test_a_tampered_page_fails(pack: Pack, official: Path, tmp_path: Path) -> None:
    from pypdf import PdfWriter

    writer = PdfWriter(clone_from=open_pdf(official))
    page = writer.pages[2]
    contents = page.get_contents()
    assert contents is not None
    data = contents.get_data()
    assert b"Edition   01/20/25" in data
    contents.set_data(data.replace(b"Edition   01/20/25", b"Edition   01/20/24"))
    page.replace_contents(contents)
    tampered = tmp_path / "i-821d.pdf"
    with tampered.open("wb") as out:
        writer.write(out)
    with pytest.raises(VerifyError) as caught:
        verify_pdf(tampered, pack)
    assert "page 3 does not show 'Edition 01/20/25'" in caught.value.problems
    assert "its SHA-256 is not the one of the official file" in caught.value.problems
    assert not any(p.startswith(("page 1 ", "page 2 ")) for p in caught.value.problems)


def test_a_missing_field_fails(pack: Pack, official: Path, tmp_path: Path) -> None:
    from pypdf import PdfWriter
    from pypdf.generic import ArrayObject, NameObject

    writer = PdfWriter(clone_from=open_pdf(official))
    page = writer.pages[0]
    annots = page["/Annots"].get_object()
    assert isinstance(annots, ArrayObject)
    kept = [a for a in annots if a.get_object().get("/T") != "P1_Line3a_Name[0]"]
    assert len(kept) == len(annots) - 1
    page[NameObject("/Annots")] = ArrayObject(kept)
    tampered = tmp_path / "i-821d.pdf"
    with tampered.open("wb") as out:
        writer.write(out)
    with pytest.raises(VerifyError) as caught:
        verify_pdf(tampered, pack, check_hash=False)
    assert caught.value.problems == [
        "field form1[0].#subform[0].P1_Line3a_Name[0] of the pack is not in the PDF"
    ]


def test_the_i765_is_not_this_edition(pack: Pack, official: Path) -> None:
    if not I765.is_file():
        pytest.skip("the I-765 reference PDF is not here")
    with pytest.raises(VerifyError) as caught:
        verify_pdf(I765, pack)
    message = str(caught.value)
    assert "not a verified I-821D 01/20/25" in message
    assert "edition 08/21/25" in message
    assert "page 1 does not show 'Edition 01/20/25'" in caught.value.problems


# -- what some expressions give (clinic.packet.expr) -----------------------------------------


def _field(pack: Pack, short: str) -> Any:
    (fmap,) = [f for n, f in pack.fields.items() if n.endswith("." + short)]
    return fmap


def _checked(pack: Pack, short: str, answers: Mapping[str, Any]) -> bool:
    return condition(_field(pack, short).when, answers, DAY)


@pytest.mark.parametrize(
    ("weight", "digits"), [(30, "030"), (95, "095"), (100, "100"), (173, "173"), (999, "999")]
)
def test_the_weight_takes_one_digit_per_box(pack: Pack, weight: int, digits: str) -> None:
    answers = {"bio.weight_lb": weight}
    got = "".join(
        evaluate(_field(pack, f"P1_Line19_Weight[{i}]").value, answers, DAY) or "?"
        for i in range(3)
    )
    assert got == digits


US_ARREST = {"date": "2019-05-01", "country": "United States", "level": "misdemeanor"}
US_TICKET = {"date": "2020-05-01", "country": "United States", "level": "infraction"}
ABROAD = {"date": "2012-05-01", "country": "Mexico", "level": "felony"}
NO_COUNTRY = {"date": "2021-05-01", "level": "juvenile"}


@pytest.mark.parametrize(
    ("entries", "item1", "item2"),
    [
        (None, None, None),  # not answered: both boxes of each item stay unchecked
        ([], "no", "no"),
        ([US_ARREST], "yes", "no"),
        ([NO_COUNTRY], "yes", "no"),  # a place not given counts as the U.S.
        ([ABROAD], "no", "yes"),
        ([US_TICKET, ABROAD, US_ARREST], "yes", "yes"),
        ([US_TICKET], None, "no"),  # an infraction alone: the attorney decides Item 1
        ([US_TICKET] * 11, None, None),  # more than 10 entries without a match: the attorney
        ([ABROAD] * 11, None, "yes"),
    ],
)
def test_part_4_items_1_and_2(
    pack: Pack, entries: list[dict[str, str]] | None, item1: str | None, item2: str | None
) -> None:
    answers = {} if entries is None else {"criminal": entries}
    for line, want in (("P4_Line1", item1), ("P4_Line2", item2)):
        yes = _checked(pack, f"{line}_Checkbox[0]", answers)
        no = _checked(pack, f"{line}_Checkbox[1]", answers)
        assert (yes, no) == (want == "yes", want == "no"), line


def test_yes_no_pairs_never_both(pack: Pack) -> None:
    boxes: dict[str, dict[str, str]] = {}
    for name, fmap in pack.fields.items():
        if fmap.type == "checkbox":
            boxes.setdefault(fmap.item, {})[str(fmap.on)] = name.rsplit(".", 1)[-1]
    pairs = {
        item: sorted(by_on.values())
        for item, by_on in boxes.items()
        if set(by_on) in ({"/Y", "/N"}, {"/Yes", "/No"})
    }
    assert len(pairs) == 16  # Part 1 Item 5; Part 2 Items 1, 8; Part 3 Items 1, 5.a, 9; Part 4 (10)
    bools = [key for key, spec in ANSWER_KEYS.items() if spec.kind is FieldKind.BOOL]
    for value in (True, False):
        answers: dict[str, Any] = dict.fromkeys(bools, value)
        answers.update({"removal.status": "never", "criminal": []})
        for item, names in pairs.items():
            states = [_checked(pack, box, answers) for box in names]
            assert states.count(True) == 1, (item, value)
    for item, names in pairs.items():
        assert not any(_checked(pack, box, {}) for box in names), item


def test_the_request_type_and_part_3(pack: Pack) -> None:
    renewal = {
        "daca.ever_granted": True,
        "daca.expires": "2025-10-01",
        "arrival.date": "2005-03-01",
    }
    initial = {
        "daca.ever_granted": False,
        "daca.expires": "2025-10-01",
        "arrival.date": "2005-03-01",
    }
    assert _checked(pack, "P1_Line2_Checkbox[0]", renewal)
    assert not _checked(pack, "P1_Line1_Checkbox[0]", renewal)
    assert evaluate(_field(pack, "P1_Line2_Date[0]").value, renewal, DAY) == "2025-10-01"
    assert evaluate(_field(pack, "P3_Line2_Date[0]").value, renewal, DAY) is None
    assert _checked(pack, "P1_Line1_Checkbox[0]", initial)
    assert evaluate(_field(pack, "P1_Line2_Date[0]").value, initial, DAY) is None
    assert evaluate(_field(pack, "P3_Line2_Date[0]").value, initial, DAY) == "2005-03-01"


def test_the_language_is_named_only_with_an_interpreter(pack: Pack) -> None:
    language = _field(pack, "P5_Line1b_Language[0]").value
    assert evaluate(language, {"language": "ko", "english.reads": False}, DAY) == "Korean"
    assert evaluate(language, {"language": "es", "english.reads": False}, DAY) == "Spanish"
    assert evaluate(language, {"language": "mam", "english.reads": False}, DAY) == "Mam"
    assert evaluate(language, {"language": "ko", "english.reads": True}, DAY) is None
    assert _checked(pack, "P5_Line1a_1b_Checkbox[1]", {"english.reads": True})
    assert _checked(pack, "P5_Line1a_1b_Checkbox[0]", {"english.reads": False})


def test_the_present_address(pack: Pack) -> None:
    mailing = {"mailing.street": "1 Test St", "mailing.unit_type": "apt"}
    physical = {"physical.street": "2 Sample Ave", "physical.unit_type": "ste"}
    same = {**mailing, **physical, "physical.same_as_mailing": True}
    apart = {**mailing, **physical, "physical.same_as_mailing": False}
    street = _field(pack, "P2_Line2b_Street[0]").value
    assert evaluate(street, same, DAY) == "1 Test St"
    assert evaluate(street, apart, DAY) == "2 Sample Ave"
    assert _checked(pack, "P2_Line2c_Unit[2]", same)  # / APT
    assert _checked(pack, "P2_Line2c_Unit[1]", apart)  # / STE
    assert not _checked(pack, "P2_Line2c_Unit[2]", apart)
