"""The pypdf filler on the real I-821D, with a small pack made in the test.

What a person sees is checked with pdftotext (the text is in the page, as any viewer and printer
shows it), and what a program reads back with pypdf.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from clinic.packet.fill import FillError, fill_form
from clinic.packet.packs import (
    Pack,
    VerifyError,
    open_pdf,
    parse_pack,
    pdf_fields,
    sha256_of,
    verify_pdf,
)
from tests.forms_fixture import official

ON = dt.date(2026, 11, 21)
S0 = "form1[0].#subform[0]."


def small_pack(pdf: Path, **overrides: dict[str, Any]) -> Pack:
    fields = pdf_fields(open_pdf(pdf))

    def full(suffix: str) -> str:
        return next(n for n in fields if n.endswith(suffix))

    mapped: dict[str, dict[str, Any]] = {
        full("P1_Line3a_Name[0]"): {
            "item": "Part 1 Item 3.a",
            "type": "text",
            "value": "name.family",
        },
        full("P1_Line3b_Name[0]"): {
            "item": "Part 1 Item 3.b",
            "type": "text",
            "value": "name.given",
        },
        full("P1_Line1_Checkbox[0]"): {
            "item": "Part 1 Item 1",
            "type": "checkbox",
            "on": "/I",
            "when": {"request_type": "initial"},
        },
        full("P1_Line8_SSN[0]"): {
            "item": "Part 1 Item 8",
            "type": "comb",
            "value": "ssn",
            "format": "ssn",
        },
        full("P1_Line7_ANumber[0]"): {
            "item": "Part 1 Item 7",
            "type": "comb",
            "value": "a_number",
            "format": "a_number",
        },
        full("P1_Line4e_State[0]"): {
            "item": "Part 1 Item 4.e",
            "type": "choice",
            "value": "mailing.state",
        },
        full("P1_Line15a_Name[0]"): {
            "item": "Part 1 Item 15.a",
            "type": "text",
            "value": "other_names[0].family",
            "list": {"key": "other_names", "index": 0},
        },
        full("P1_Line4b_Street[0]"): {
            "item": "Part 1 Item 4.b",
            "type": "text",
            "value": "mailing.street",
            "max_length": 20,
            "overflow": "addendum",
        },
    }
    for name, change in overrides.items():
        mapped[full(name)] = {**mapped[full(name)], **change}
    return parse_pack(
        {
            "form": "I-821D",
            "edition": "01/20/25",
            "accepted": {"from": "2025-01-20"},
            "pdf": {"sha256": sha256_of(pdf), "pages": 7, "edition_text": "Edition 01/20/25"},
            "fields": mapped,
            "blank": {n: "not_applicable" for n in fields if n not in mapped},
        }
    )


ANSWERS: dict[str, Any] = {
    "name.family": "Testperson",
    "name.given": "Minji",
    "ssn": "900121234",
    "a_number": "099123456",
    "mailing.state": "CA",
    "mailing.street": "100 Example Ave",
    "daca.ever_granted": False,
    "other_names": [{"family": "Oldname"}, {"family": "Secondname"}, {"family": "Thirdname"}],
}


@pytest.fixture
def pdf() -> Path:
    return official("i-821d_2025-01-20.pdf")


def _text(data: bytes, tmp_path: Path, page: int) -> str:
    path = tmp_path / "filled.pdf"
    path.write_bytes(data)
    return subprocess.run(
        ["pdftotext", "-f", str(page), "-l", str(page), "-layout", str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def test_fill_reads_back_and_shows_on_the_page(pdf: Path, tmp_path: Path) -> None:
    pack = small_pack(pdf)
    filled = fill_form(pdf, pack, ANSWERS, ON)
    reader = PdfReader(io.BytesIO(filled.pdf))
    assert not reader.is_encrypted
    root: Any = reader.trailer["/Root"]
    assert "/XFA" not in root["/AcroForm"]
    assert "/Perms" not in root
    got = {k: v.get("/V") for k, v in (reader.get_fields() or {}).items()}
    for name, value in filled.values.items():
        assert str(got[name]) == value, name
    assert filled.values[next(n for n in pack.fields if n.endswith("P1_Line1_Checkbox[0]"))] == "/I"
    page1 = _text(filled.pdf, tmp_path, 1)
    assert "Testperson" in page1 and "Minji" in page1
    page2 = _text(filled.pdf, tmp_path, 2)
    assert "9 0 0 1 2 1 2 3 4" in " ".join(page2.split()).replace("► ", "")  # one digit per box
    assert "Oldname" in page2


def test_checkbox_off_when_the_condition_fails(pdf: Path) -> None:
    pack = small_pack(pdf)
    filled = fill_form(
        pdf, pack, {**ANSWERS, "daca.ever_granted": True, "daca.expires": "2027-04-01"}, ON
    )
    box = next(n for n in pack.fields if n.endswith("P1_Line1_Checkbox[0]"))
    assert filled.values[box] == "/Off"


def test_list_items_beyond_the_rows_continue_on_the_addendum(pdf: Path) -> None:
    filled = fill_form(pdf, small_pack(pdf), ANSWERS, ON)
    extra = [e for e in filled.addendum if e.text.startswith("Other name")]
    assert [e.text for e in extra] == [
        "Other name 2: Family name: Secondname",
        "Other name 3: Family name: Thirdname",
    ]
    # the Part and Item of the list's rows (USCIS Part 8 style), never "entry 3"
    assert all(e.form == "I-821D 01/20/25" and e.page == 2 for e in extra)
    assert all(re.fullmatch(r"Part 1 Item \d+", e.item) for e in extra), extra


def test_a_mailing_address_too_long_is_refused_with_a_usps_abbreviation(pdf: Path) -> None:
    """USCIS mails the receipt and the card to the address: it never says "See Addendum"
    (issue 15 point 4); the refusal names the box and an abbreviation that fits."""
    with pytest.raises(FillError) as info:
        fill_form(
            pdf, small_pack(pdf), {**ANSWERS, "mailing.street": "12 Synthetic Avenue Ext"}, ON
        )
    said = str(info.value.problems[0])
    assert (
        "Part 1 Item 4.b (P1_Line4b_Street[0]): too long (23 characters; the box takes 20)" in said
    )
    assert "USPS abbreviations; '12 Synthetic AVE Ext' would fit" in said


def test_a_name_too_long_for_its_box_continues_on_the_addendum(pdf: Path) -> None:
    pack = small_pack(pdf, **{"P1_Line3b_Name[0]": {"max_length": 5}})
    filled = fill_form(pdf, pack, {**ANSWERS, "name.given": "Minjiyoo"}, ON)
    given = next(n for n in filled.values if "P1_Line3b_Name" in n)
    assert filled.values[given] in ("", "See Addendum")
    [entry] = [e for e in filled.addendum if e.text == "Minjiyoo"]
    assert entry.item == "Part 1 Item 3.b"


def test_accents_are_dropped_and_noted(pdf: Path) -> None:
    filled = fill_form(pdf, small_pack(pdf), {**ANSWERS, "name.family": "Peña Núñez"}, ON)
    assert "Pena Nunez" in filled.values.values()
    assert any("Pena Nunez" in n for n in filled.notes)


@pytest.mark.parametrize(
    ("changes", "needle"),
    [
        ({"name.family": "김민지"}, "Part 1 Item 3.a (P1_Line3a_Name[0]): not in English letters"),
        (
            {"mailing.state": "ZZ"},
            "Part 1 Item 4.e (P1_Line4e_State[0]): not one of the form's choices",
        ),
    ],
)
def test_values_the_form_cannot_take_are_refused_by_name(
    pdf: Path, changes: dict[str, str], needle: str
) -> None:
    with pytest.raises(FillError) as info:
        fill_form(pdf, small_pack(pdf), {**ANSWERS, **changes}, ON)
    assert needle in str(info.value)


def test_an_optional_form_refuses_what_it_cannot_take_instead_of_an_addendum(pdf: Path) -> None:
    pack = small_pack(pdf, **{"P1_Line3b_Name[0]": {"max_length": 5}})
    with pytest.raises(
        FillError,
        match=re.escape(
            "Part 1 Item 3.b (P1_Line3b_Name[0]): too long (8 characters; the box takes 5)"
        ),
    ):
        fill_form(pdf, pack, {**ANSWERS, "name.given": "Minjiyoo"}, ON, addendum_ok=False)


def test_a_checkbox_with_the_wrong_on_state_fails_verification(pdf: Path) -> None:
    pack = small_pack(pdf, **{"P1_Line1_Checkbox[0]": {"on": "/Y"}})
    with pytest.raises(VerifyError) as info:
        verify_pdf(pdf, pack)
    assert any(
        "P1_Line1_Checkbox[0]" in p and "no on-state /Y" in p and "/I" in p
        for p in info.value.problems
    )


def test_another_edition_is_refused_naming_its_edition(pdf: Path) -> None:
    other = official("i-765_2025-08-21.pdf")
    with pytest.raises(VerifyError, match="edition 08/21/25"):
        verify_pdf(other, small_pack(pdf))


def test_a_modified_file_fails_the_hash(pdf: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.pdf"
    copy.write_bytes(pdf.read_bytes() + b"\n% appended\n")
    with pytest.raises(VerifyError) as info:
        verify_pdf(copy, small_pack(pdf))
    assert any("SHA-256" in p for p in info.value.problems)


def test_a_corrupt_file_is_a_clear_error(pdf: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.7\n garbage")
    with pytest.raises(VerifyError, match=r"bad\.pdf"):
        verify_pdf(bad, small_pack(pdf))


def test_digit_expression_takes_one_digit_per_box() -> None:
    from clinic.packet.expr import evaluate, keys_in

    def box(at: int, weight: object) -> str | None:
        return evaluate(
            {"digit": "bio.weight_lb", "width": 3, "at": at}, {"bio.weight_lb": weight}, ON
        )

    assert [box(i, 95) for i in range(3)] == ["0", "9", "5"]
    assert [box(i, 173) for i in range(3)] == ["1", "7", "3"]
    assert box(0, 1234) is None  # more digits than boxes: nothing rather than a wrong digit
    assert evaluate({"digit": "bio.weight_lb", "width": 3, "at": 0}, {}, ON) is None
    assert keys_in({"digit": "bio.weight_lb", "width": 3, "at": 1}) == {"bio.weight_lb"}
