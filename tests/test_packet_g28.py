"""The attorney of record (issue 15 point 7): when the clinic's attorney represents the person,
the packet leads with their Form G-28 (named on the cover sheet to attach by hand while no G-28
is installed: ../shared/forms has none), with their name and bar number from their profile;
"What to sign" names it; only that attorney may approve the packet, and a rebuild with nothing
changed keeps it. Real commands, real PDFs, the cover sheet read as printed."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import Cli, write_json
from tests.forms_fixture import SHARED_FORMS
from tests.test_packet import person
from tests.test_packet_payment import text
from tests.test_packet_preparer import value

ON = "2026-12-03"


def clinic(cli: Cli) -> tuple[Cli, Cli, Cli]:
    if not SHARED_FORMS.is_dir():
        pytest.skip("no ../shared/forms")
    cli.ok("init", "--site", "S", "--admin", "admin", "--kdf-seconds", "0.002")
    cli.ok("forms", "install", *[str(p) for p in sorted(SHARED_FORMS.glob("*.pdf"))])
    for name, role in (("vol", "volunteer"), ("atty", "attorney"), ("atty2", "attorney")):
        cli.ok("user", "add", name, "--role", role, CLINIC_NEW_PASSPHRASE=f"{name} passphrase 1")
    vol, atty, atty2 = (
        Cli(cli.data, cli.tmpdir, user=n, passphrase=f"{n} passphrase 1")
        for n in ("vol", "atty", "atty2")
    )
    atty.ok(
        "user", "profile", "--family", "Testattorney", "--given", "Casey",
        "--organization", "Synthetic Legal Aid", "--street", "300 Example Blvd",
        "--city", "Los Angeles", "--state", "CA", "--zip", "90010", "--phone", "2135550199",
        "--bar-number", "123456", "--bar-state", "CA",
    )  # fmt: skip
    return vol, atty, atty2


def test_the_attorney_of_record_leads_the_packet_and_alone_approves_it(
    cli: Cli, tmp_path: Path
) -> None:
    vol, atty, atty2 = clinic(cli)
    rid = vol.ok("intake", "import", str(write_json(tmp_path / "p.json", person()))).stdout
    rid = rid.split()[1]
    built = vol.ok(
        "packet", "--record", rid, "--attorney", "atty", "--out", str(tmp_path / "a"), "--on", ON
    )
    assert "Attorney of record (Form G-28): Casey Testattorney, bar number 123456 (CA)" in (
        built.stderr
    )
    # the forms say a G-28 is attached, with the attorney's bar number
    i821d, i765 = tmp_path / "a" / "I-821D.pdf", tmp_path / "a" / "I-765.pdf"
    assert value(i821d, "G28_Attached[0]") == "/Y"
    assert value(i821d, "AttyLicenseNum[0]") == "123456"
    assert value(i765, "Attorney-Rep[0].CheckBox1[0]") == "/1"
    assert value(i765, "attorneyBarNumber[0]") == "123456"
    cover = text(tmp_path / "a" / "Cover sheet.pdf")
    # first in the filing order, before the payment forms, to attach by hand
    order = cover[cover.index("Forms, in filing order") :]
    assert order.index("1. Form G-28") < order.index("2. Form G-1450") < order.index("I-821D")
    assert "attach by hand, on top of the packet; download from uscis.gov/g-28" in cover
    assert "Form G-28: the requestor's signature (client's consent) and the attorney's" in cover
    # another attorney may not approve what names atty; atty may
    refused = atty2.run("review", "approve", rid)
    assert refused.returncode != 0
    assert "names atty as the attorney of record (Form G-28): atty approves it" in refused.stderr
    approved = atty.ok("review", "approve", rid)
    assert "Approved packet" in approved.stdout
    # what the filer must still answer by hand is said at approval too (here: the preparer's
    # and interpreter's parts, no profile)
    said = " ".join(approved.stderr.split())
    assert "note: the approved packet leaves blank, for the filer to answer by hand" in said
    assert "I-821D Part 7 Item 1.a" in said
    # nothing changed: a later rebuild (no --attorney given) is the same approved packet
    later = vol.ok("packet", "--record", rid, "--out", str(tmp_path / "b"), "--on", "2026-12-10")
    assert "wrote the approved" in later.stdout
    assert "G-28" in text(tmp_path / "b" / "Cover sheet.pdf")


def test_only_an_attorney_represents_and_a_bare_profile_is_named(cli: Cli, tmp_path: Path) -> None:
    vol, _atty, _atty2 = clinic(cli)
    rid = vol.ok("intake", "import", str(write_json(tmp_path / "p.json", person()))).stdout
    rid = rid.split()[1]
    out = str(tmp_path / "a")
    refused = vol.run("packet", "--record", rid, "--attorney", "vol", "--out", out, "--on", ON)
    assert refused.returncode == 2
    assert "vol is not an attorney: only an attorney represents a person (G-28)" in refused.stderr
    unknown = vol.run("packet", "--record", rid, "--attorney", "nobody", "--out", out, "--on", ON)
    assert unknown.returncode == 2 and "no user nobody on this laptop" in unknown.stderr
    assert not (tmp_path / "a").exists()  # nothing half-written
    bare = vol.ok("packet", "--record", rid, "--attorney", "atty2", "--out", out, "--on", ON)
    assert "their profile lacks: family name, bar number" in bare.stderr
