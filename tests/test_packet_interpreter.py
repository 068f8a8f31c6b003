"""The interpreter's parts of the forms (issue 15 point 7): the interview names the clinic's
interpreter by user name; that user's profile fills I-821D Part 6 and I-765 Part 4 with the
language of Part 5 Item 1.b / Part 3 Item 1.b, and "What to sign" names the interpreter. A name
that is no user leaves those parts to be filled by hand, and the cover sheet says so. Real
commands, real PDFs, and the filled page rendered and read back as a person reads it."""

from __future__ import annotations

import subprocess
from pathlib import Path

from clinic.core.demo import DEMO_USERS
from clinic.domain.demo import DEMO_INTERPRETER
from tests.conftest import Cli, write_json
from tests.forms_fixture import SHARED_FORMS
from tests.test_packet import person
from tests.test_packet_payment import text
from tests.test_packet_preparer import value

ON = "2026-12-03"


def clinic_with_interpreter(cli: Cli) -> Cli:
    cli.ok("init", "--site", "S", "--admin", "admin", "--kdf-seconds", "0.002")
    cli.ok("forms", "install", *[str(p) for p in sorted(SHARED_FORMS.glob("*.pdf"))])
    cli.ok("user", "add", "vol", "--role", "volunteer", CLINIC_NEW_PASSPHRASE="volunteer pass 1")
    cli.ok("user", "add", "minji", "--role", "volunteer", CLINIC_NEW_PASSPHRASE="interpreter p 1")
    interp = Cli(cli.data, cli.tmpdir, user="minji", passphrase="interpreter p 1")
    interp.ok(
        "user", "profile", "--family", "Testinterpreter", "--given", "Minji",
        "--organization", "Synthetic Community Center", "--street", "200 Example Ave",
        "--unit-type", "ste", "--unit", "5", "--city", "Los Angeles", "--state", "CA",
        "--zip", "90005", "--phone", "2135550177", "--email", "minji@example.org",
    )  # fmt: skip
    return Cli(cli.data, cli.tmpdir, user="vol", passphrase="volunteer pass 1")


def korean_reader(interpreter: str) -> dict[str, object]:
    return {**person(), "language": "ko", "english.reads": False, "interpreter.user": interpreter}


def test_the_interpreter_named_in_the_interview_fills_their_parts(cli: Cli, tmp_path: Path) -> None:
    vol = clinic_with_interpreter(cli)
    answers = write_json(tmp_path / "p.json", korean_reader("minji"))
    rid = vol.ok("intake", "import", str(answers)).stdout.split()[1]
    built = vol.ok("packet", "--record", rid, "--out", str(tmp_path / "out"), "--on", ON)
    assert "Part 6 Item 1.a" not in built.stderr and "Part 4 Item 1.a" not in built.stderr
    i821d, i765 = tmp_path / "out" / "I-821D.pdf", tmp_path / "out" / "I-765.pdf"
    assert value(i821d, "P5_Line1a_1b_Checkbox[0]") == "/B"  # 1.b: the interpreter read it
    assert value(i821d, "P5_Line1b_Language[0]") == "Korean"
    assert value(i821d, "P6_Line1a_Name[0]") == "Testinterpreter"
    assert value(i821d, "P6_Line2_Organization[0]") == "Synthetic Community Center"
    assert value(i821d, "P6_Line3b_Unit[0]") == "/ STE "
    assert value(i821d, "P6_Line4_DayPhone[0]") == "2135550177"
    assert value(i821d, "P6_Language[0]") == "Korean"
    assert value(i765, "Pt4Line1b_InterpreterGivenName[0]") == "Minji"
    assert value(i765, "Pt5Line3c_CityOrTown[0]") == "Los Angeles"
    assert value(i765, "Part4_NameofLanguage[0]") == "Korean"
    # the page as printed: the interpreter's block reads as the attorney reads it
    page = subprocess.run(
        ["pdftotext", "-layout", "-f", "5", "-l", "6", str(i821d), "-"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    assert "Testinterpreter" in page and "Synthetic Community Center" in page
    assert "minji@example.org" in page
    cover = text(tmp_path / "out" / "Cover sheet.pdf")
    assert "Form I-821D, Part 6 Items 6.a-6.b: the interpreter's signature and date" in cover
    assert "Form I-765, Part 4 Items 7.a-7.b: the interpreter's signature and date" in cover
    assert "not a user with a profile" not in cover


def test_an_interpreter_who_is_no_user_is_left_for_the_attorney(cli: Cli, tmp_path: Path) -> None:
    vol = clinic_with_interpreter(cli)
    answers = write_json(tmp_path / "p.json", korean_reader("Cousin Testcousin"))
    rid = vol.ok("intake", "import", str(answers)).stdout.split()[1]
    built = vol.ok("packet", "--record", rid, "--out", str(tmp_path / "out"), "--on", ON)
    assert "I-821D Part 6 Item 1.a" in built.stderr and "I-765 Part 4 Item 1.a" in built.stderr
    assert value(tmp_path / "out" / "I-821D.pdf", "P6_Line1a_Name[0]") == ""
    cover = text(tmp_path / "out" / "Cover sheet.pdf")
    assert "names 'Cousin Testcousin' as the interpreter, who is not a user with a profile" in cover


def test_a_reader_of_english_has_no_interpreter(cli: Cli, tmp_path: Path) -> None:
    vol = clinic_with_interpreter(cli)
    answers = {**person(), "english.reads": True, "interpreter.user": "minji"}
    rid = vol.ok("intake", "import", str(write_json(tmp_path / "p.json", answers))).stdout.split()
    built = vol.ok("packet", "--record", rid[1], "--out", str(tmp_path / "out"), "--on", ON)
    assert value(tmp_path / "out" / "I-821D.pdf", "P6_Line1a_Name[0]") == ""
    assert "Part 6" not in built.stderr
    cover = text(tmp_path / "out" / "Cover sheet.pdf")
    assert "interpreter's signature" not in cover and "as the interpreter" not in cover


def test_the_demo_interpreter_is_a_demo_user() -> None:
    assert DEMO_INTERPRETER in dict(DEMO_USERS)
