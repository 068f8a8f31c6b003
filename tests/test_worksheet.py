"""Form I-765WS: no official PDF is in ../shared/forms, so the app must take one when a clinic
installs it, through automap and a person's confirmation; until then the worksheet answers are on
the answer sheet. A stand-in worksheet made here (an AcroForm with USCIS-style tooltips and
edition line) exercises that path end to end."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

from reportlab.lib.pagesizes import LETTER  # type: ignore[import-untyped]
from reportlab.pdfgen.canvas import Canvas  # type: ignore[import-untyped]

from tests.conftest import Cli, write_json
from tests.forms_fixture import SHARED_FORMS
from tests.test_packet import person


def make_worksheet(path: Path) -> Path:
    c = Canvas(str(path), pagesize=LETTER, invariant=1)
    c.setFont("Helvetica-Bold", 14)
    c.drawString(72, 740, "Employment Authorization Document Worksheet (stand-in for tests)")
    c.setFont("Helvetica", 9)
    c.drawString(72, 40, "Form I-765WS Edition 08/21/25 Page 1 of 1")
    form = c.acroForm
    rows = [
        (
            "P2_Line1_Income",
            "Part 2. Annual Income and Expenses. 1. Enter your current annual income.",
            650,
        ),
        (
            "P2_Line2_Expenses",
            "Part 2. Annual Income and Expenses. 2. Enter your current annual expenses.",
            610,
        ),
        (
            "P2_Line3_Assets",
            "Part 2. Annual Income and Expenses. 3. Enter the total current value of your assets.",
            570,
        ),
    ]
    for name, tip, y in rows:
        c.drawString(72, y + 22, tip)
        form.textfield(name=name, tooltip=tip, x=72, y=y, width=160, height=18, borderWidth=1)
    tip = "Part 3. Explanation. 1. Explain your economic necessity for employment authorization."
    c.drawString(72, 512, tip)
    form.textfield(
        name="P3_Line1_Explanation",
        tooltip=tip,
        x=72,
        y=400,
        width=460,
        height=100,
        fieldFlags="multiline",
        borderWidth=1,
    )
    c.drawString(72, 360, "Part 4. Signature of the requestor")
    form.textfield(
        name="P4_Signature",
        tooltip="Part 4. Requestor's Signature.",
        x=72,
        y=330,
        width=200,
        height=18,
        borderWidth=1,
    )
    c.showPage()
    c.save()
    return path


def test_a_worksheet_is_accepted_after_automap_and_confirmation(cli: Cli, tmp_path: Path) -> None:
    ws = make_worksheet(tmp_path / "i-765ws.pdf")
    cli.ok("init", "--site", "S", "--admin", "admin", "--kdf-seconds", "0.002")
    refused = cli.run("forms", "install", str(ws))
    assert refused.returncode == 2
    assert "I-765WS edition 08/21/25 has no form pack" in refused.stderr
    assert "clinic forms automap" in refused.stderr
    draft = tmp_path / "draft.yaml"
    cli.ok("forms", "automap", str(ws), "--out", str(draft))
    text = draft.read_text(encoding="utf-8")
    for key in ("ead.income_annual", "ead.expenses_annual", "ead.assets", "ead.explanation"):
        assert key in text, key
    assert "signature" in text
    # a draft nobody has checked is refused; the person checks it and says so in the draft
    unchecked = cli.run("forms", "confirm", str(draft), str(ws))
    assert unchecked.returncode == 2
    assert "set accepted.confirmed: true in the draft; nothing was installed" in unchecked.stderr
    assert not (cli.data / "forms" / "packs").exists()
    assert "confirmed: false" in text
    draft.write_text(text.replace("confirmed: false", "confirmed: true"), encoding="utf-8")
    done = cli.ok("forms", "confirm", str(draft), str(ws)).stdout
    assert "Confirmed the pack of I-765WS 08/21/25" in done
    assert (cli.data / "forms" / "packs" / "i-765ws").is_dir()
    listing = cli.ok("forms", "list", "--on", "2026-11-21")
    assert "I-765WS" in listing.stdout and "no pack yet" not in listing.stderr

    if not SHARED_FORMS.is_dir():
        return
    cli.ok("forms", "install", *[str(p) for p in sorted(SHARED_FORMS.glob("*.pdf"))])
    answers = {
        **person(),
        "ead.income_annual": 18250,
        "ead.explanation": "Synthetic reason to work.",
    }
    rid = cli.ok("intake", "import", str(write_json(tmp_path / "p.json", answers))).stdout.split()[
        1
    ]
    out = tmp_path / "packet"
    cli.ok("packet", "--record", rid, "--out", str(out), "--on", "2026-11-21")
    shown = subprocess.run(
        ["pdftotext", "-layout", str(out / "I-765WS.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "18250" in shown and "Synthetic reason to work." in shown


def test_an_older_edition_needs_an_end_date_and_is_never_used_after_it(
    cli: Cli, tmp_path: Path
) -> None:
    """Issue 15 point 9: an automapped draft of an edition older than one ClinicDay knows is
    refused without accepted.until; with one, a packet after that day never uses it."""
    from clinic.packet.library import FormLibrary
    from clinic.packet.packs import load_pack

    ws = make_worksheet(tmp_path / "i-765ws.pdf")
    cli.ok("init", "--site", "S", "--admin", "admin", "--kdf-seconds", "0.002")
    draft = tmp_path / "draft.yaml"
    cli.ok("forms", "automap", str(ws), "--out", str(draft))
    old = (
        draft.read_text(encoding="utf-8")
        .replace("confirmed: false", "confirmed: true")
        .replace("08/21/25", "01/17/17")
        .replace("2025-08-21", "2017-01-17")
    )
    draft.write_text(old, encoding="utf-8")
    refused = cli.run("forms", "confirm", str(draft), str(ws))
    assert refused.returncode == 2
    assert "I-765WS 01/17/17 is older than I-765WS 08/21/25: set accepted.until" in refused.stderr
    # an old pack with an open window (as a draft once had) closes when the newer one begins
    pack = load_pack(draft)
    library = FormLibrary(tmp_path / "forms", packs=[pack])
    assert library.accepted_on(pack, dt.date(2025, 8, 20))
    assert not library.accepted_on(pack, dt.date(2026, 12, 3))
