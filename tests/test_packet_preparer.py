"""The preparer parts of the forms come from the profile of the person who built the packet
(issue 15 point 7, in part): I-821D Part 7 and I-765 Part 5, with the I-765's statement of a
preparer who is not an attorney. Real commands, real PDFs."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader

from tests.conftest import Cli, write_json
from tests.forms_fixture import SHARED_FORMS
from tests.test_packet import person
from tests.test_packet_payment import text


def value(pdf: Path, suffix: str) -> str:
    fields = PdfReader(str(pdf)).get_fields() or {}
    [found] = [f for name, f in fields.items() if name.endswith(suffix)]
    return str(found.get("/V") or "")


def test_the_volunteer_who_built_it_is_the_preparer(cli: Cli, tmp_path: Path) -> None:
    cli.ok("init", "--site", "S", "--admin", "admin", "--kdf-seconds", "0.002")
    cli.ok("forms", "install", *[str(p) for p in sorted(SHARED_FORMS.glob("*.pdf"))])
    cli.ok("user", "add", "vol", "--role", "volunteer", CLINIC_NEW_PASSPHRASE="volunteer pass 1")
    vol = Cli(cli.data, cli.tmpdir, user="vol", passphrase="volunteer pass 1")
    rid = vol.ok("intake", "import", str(write_json(tmp_path / "p.json", person()))).stdout.split()[
        1
    ]
    # no profile yet: the preparer is named by hand, and the cover says so
    first = vol.ok("packet", "--record", rid, "--out", str(tmp_path / "a"), "--on", "2026-12-03")
    assert "I-821D Part 7 Item 1.a" in first.stderr
    vol.ok(
        "user", "profile", "--family", "Testpreparer", "--given", "Jordan",
        "--organization", "Synthetic Legal Clinic", "--street", "100 Example St",
        "--city", "Los Angeles", "--state", "CA", "--zip", "90010",
        "--phone", "2135550100", "--email", "jordan@example.org",
    )  # fmt: skip
    again = vol.ok("packet", "--record", rid, "--out", str(tmp_path / "b"), "--on", "2026-12-03")
    assert "Part 7 Item 1.a" not in again.stderr and "I-765 Part 5 Item 1.a" not in again.stderr
    i821d, i765 = tmp_path / "b" / "I-821D.pdf", tmp_path / "b" / "I-765.pdf"
    assert value(i821d, "P7_Line1a_Name[0]") == "Testpreparer"
    assert value(i821d, "P7_Line2_Organization[0]") == "Synthetic Legal Clinic"
    assert value(i821d, "P7_Line4_DayPhone[0]") == "2135550100"
    assert value(i765, "Pt5Line1b_PreparerGivenName[0]") == "Jordan"
    assert value(i765, "Part5Line7_Checkbox[0]") == "/A"  # not an attorney
    assert value(i765, "Part5Line7_Checkbox[1]") in ("", "/Off")
    cover = text(tmp_path / "b" / "Cover sheet.pdf")
    assert "Form I-821D, Part 7 Items 7.a-7.b: the preparer's signature and date" in cover


def test_a_profile_takes_what_the_forms_take(cli: Cli) -> None:
    cli.ok("init", "--site", "S", "--admin", "admin", "--kdf-seconds", "0.002")
    refused = cli.run("user", "profile", "--phone", "555", "--state", "ZZ")
    assert refused.returncode == 2
    said = " ".join(refused.stderr.split())
    assert "the profile is not saved: state: not a U.S. state" in said
    assert "; daytime telephone number: not a 10-digit U.S. phone number" in said
    assert "has no profile yet" in cli.ok("user", "profile").stdout
