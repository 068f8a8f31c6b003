"""Required items: what the answers already say is written; what is still blank is named on the
cover sheet for the attorney, printed by the command and kept with the record's packet (issue 15
point 5). Real command, real PDFs."""

from __future__ import annotations

import json
from pathlib import Path

from pypdf import PdfReader

from tests.conftest import Cli, write_json
from tests.forms_fixture import SHARED_FORMS
from tests.test_packet import person
from tests.test_packet_payment import build, text


def test_items_left_blank_are_named_for_the_attorney(cli: Cli, tmp_path: Path) -> None:
    answers = {**person()}
    for key in ("physical.same_as_mailing", "english.reads", "status.current"):
        answers.pop(key, None)
    source = write_json(tmp_path / "answers.json", answers)
    done = cli.ok(
        "packet", "--answers", str(source), "--out", str(tmp_path / "out"),
        "--forms-dir", str(SHARED_FORMS), "--on", "2026-12-03",
    )  # fmt: skip
    said = "left blank, the filer must answer: I-821D Part 2 Item 2.b; I-821D Part 2 Item 2.d"
    assert said in done.stderr
    assert "I-821D Part 5 Item 1.a or Part 5 Item 1.b" in done.stderr
    assert "I-765 Part 2 Item 25" in done.stderr and "I-765 Part 2 Item 6" in done.stderr
    cover = text(tmp_path / "out" / "Cover sheet.pdf")
    assert "Left blank The filer must answer: I-821D Part 2 Item 2.b" in cover
    assert "I-821D Part 5 Item 1.a or Part 5 Item 1.b" in cover


def test_only_the_preparer_is_left_when_everything_is_answered(cli: Cli, tmp_path: Path) -> None:
    """The clinic's preparer (I-821D Part 7, I-765 Part 5) is named by hand until profiles fill
    it; the person who reads English needs no interpreter (Part 6 / Part 4)."""
    cover = text(build(cli, tmp_path, {**person(), "english.reads": True}) / "Cover sheet.pdf")
    assert "Left blank The filer must answer: I-821D Part 7 Item 1.a; I-765 Part 5 Item 1.a" in (
        cover
    )
    assert "Form I-821D, Part 5 Items 2.a-2.b: the requestor's signature and date" in cover
    assert "Form I-821D, Part 7 Items 7.a-7.b: the preparer's signature and date" in cover
    assert "Form I-765, Part 3 Items 7.a-7.b: the applicant's signature and date" in cover
    assert "Part 6 Items 6.a-6.b" not in cover  # no interpreter
    assert "Addendum: the requestor's signature and date on every page" in cover


def test_an_interpreter_signs_when_the_requestor_does_not_read_english(
    cli: Cli, tmp_path: Path
) -> None:
    cover = text(build(cli, tmp_path, {**person(), "english.reads": False}) / "Cover sheet.pdf")
    assert "Form I-821D, Part 6 Items 6.a-6.b: the interpreter's signature and date" in cover
    assert "Form I-765, Part 4 Items 7.a-7.b: the interpreter's signature and date" in cover
    assert "I-821D Part 6 Item 1.a" in cover  # named by hand for now


def test_a_renewal_has_filed_an_i765_before(cli: Cli, tmp_path: Path) -> None:
    answers = {**person()}
    answers.pop("ead.previous_filed", None)
    out = build(cli, tmp_path, answers)
    fields = PdfReader(str(out / "I-765.pdf")).get_fields() or {}
    [yes] = [f for name, f in fields.items() if name.endswith("Line19_Checkbox[1]")]
    assert str(yes.get("/V")) == "/Y"  # Part 2 Item 12: Yes


def test_the_record_keeps_what_is_blank(cli: Cli, tmp_path: Path) -> None:
    from clinic.store.clinic import Clinic
    from tests.conftest import PASSPHRASE

    cli.ok("init", "--site", "S", "--admin", "admin", "--kdf-seconds", "0.002")
    cli.ok("forms", "install", *[str(p) for p in sorted(SHARED_FORMS.glob("*.pdf"))])
    answers = {**person()}
    answers.pop("english.reads", None)
    rid = cli.ok("intake", "import", str(write_json(tmp_path / "p.json", answers))).stdout.split()[
        1
    ]
    cli.ok("packet", "--record", rid, "--out", str(tmp_path / "o"), "--on", "2026-12-03")
    with Clinic(cli.data) as clinic:
        events = clinic.unlock("admin", PASSPHRASE).events(rid)
    [built] = [e.payload for e in events if e.type.value == "packet_built"]
    assert built["blank"] == [
        "I-821D Part 5 Item 1.a or Part 5 Item 1.b",
        "I-821D Part 7 Item 1.a",
        "I-765 Part 3 Item 1.a or Part 3 Item 1.b",
        "I-765 Part 5 Item 1.a",
    ], json.dumps(built)


def test_a_mobile_number_alone_is_the_daytime_number(cli: Cli, tmp_path: Path) -> None:
    answers = {**person(), "mobile_phone": "2135550177"}
    answers.pop("phone", None)
    out = build(cli, tmp_path, answers)
    for form, suffix in (
        ("I-821D", "P5_Line3_DayPhone[0]"),
        ("I-765", "Pt3Line3_DaytimePhoneNumber1[0]"),
    ):
        fields = PdfReader(str(out / f"{form}.pdf")).get_fields() or {}
        found = [str(f.get("/V")) for name, f in fields.items() if name.endswith(suffix)]
        assert found == ["2135550177"], (form, found)


def test_the_cardholder_writes_the_card_billing_block(cli: Cli, tmp_path: Path) -> None:
    """Often a relative pays: the billing name and address must match the card, so they are
    the cardholder's to write (the requester's block is filled)."""
    out = build(cli, tmp_path, person())
    fields = PdfReader(str(out / "G-1450 for I-821D.pdf")).get_fields() or {}
    for suffix in ("Pt1Line2b_StreetNumberName[0]", "CCHolderFamilyName[0]"):
        [box] = [f for name, f in fields.items() if name.endswith(suffix)]
        assert not box.get("/V"), suffix
    cover = text(out / "Cover sheet.pdf")
    assert "the cardholder writes their name, billing address and card details" in cover


def test_an_address_the_forms_cannot_take_is_refused_at_import(cli: Cli, tmp_path: Path) -> None:
    cli.ok("init", "--site", "S", "--admin", "admin", "--kdf-seconds", "0.002")
    cli.ok("forms", "install", *[str(p) for p in sorted(SHARED_FORMS.glob("*.pdf"))])
    answers = {**person(), "mailing.street": "12345 Synthetic Avenue Extension North"}
    refused = cli.run("intake", "import", str(write_json(tmp_path / "p.json", answers)))
    assert refused.returncode == 2
    assert (
        "mailing.street: too long for the I-821D box (Part 1 Item 4.b, 34 characters at most)"
        in (refused.stderr)
    )
    assert "'12345 Synthetic AVE EXT N' (USPS abbreviations) would fit" in refused.stderr
    assert "0 people" in cli.ok("intake", "list").stderr
