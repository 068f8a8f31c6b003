"""A packet paid the way USCIS takes it, with every form the filing needs (issue 15 points 1-2).

Through the real command (`clinic packet --answers ... --payment ...`) with the real USCIS PDFs in
``../shared/forms``; what is checked is what the attorney and the client read: the files written,
their order, and the cover sheet's and checklist's printed text.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import Cli, write_json
from tests.forms_fixture import SHARED_FORMS
from tests.test_packet import person

ON = "2026-12-03"  # after USCIS stopped taking checks for paper filings (2025-10-28)


def text(pdf: Path) -> str:
    out = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True)
    return " ".join(out.stdout.split())


def build(cli: Cli, tmp_path: Path, answers: dict[str, Any], *args: str) -> Path:
    if not SHARED_FORMS.is_dir():
        pytest.skip("no ../shared/forms")
    source = write_json(tmp_path / "answers.json", answers)
    out = tmp_path / f"out{len(list(tmp_path.glob('out*')))}"
    cli.ok(
        "packet",
        "--answers",
        str(source),
        "--out",
        str(out),
        "--forms-dir",
        str(SHARED_FORMS),
        "--on",
        args[0] if args and args[0][:2] == "20" else ON,
        *[a for a in args if a[:2] != "20"],
    )
    return out


def refused(cli: Cli, tmp_path: Path, answers: dict[str, Any], *args: str) -> str:
    """Build from ``answers`` expecting a refusal: exit 2, no folder written; its message."""
    source = write_json(tmp_path / "answers.json", answers)
    out = tmp_path / "refused"
    done = cli.run(
        "packet", "--answers", str(source), "--out", str(out),
        "--forms-dir", str(SHARED_FORMS), "--on", ON, *args,
    )  # fmt: skip
    assert done.returncode == 2, done.stderr
    assert not out.exists()
    return done.stderr


def files(out: Path) -> list[dict[str, Any]]:
    listed: list[dict[str, Any]] = json.loads((out / "packet.json").read_text())["files"]
    return listed


def test_by_card_one_g1450_per_fee_on_top_and_no_check(cli: Cli, tmp_path: Path) -> None:
    out = build(cli, tmp_path, person())
    names = [f["name"] for f in files(out)]
    assert names[1:3] == ["G-1450 for I-821D.pdf", "G-1450 for I-765.pdf"]
    cover = text(out / "Cover sheet.pdf")
    assert "check or money order payable" not in cover
    assert "USCIS no longer takes checks or money orders for paper filings" in cover
    assert "Fee for Form I-821D ($85): one Form G-1450" in cover
    assert "Fee for Form I-765 ($520): one Form G-1450" in cover
    # the client's language (Korean) beside it
    assert "수표나 머니오더를 더 이상 받지 않습니다" in cover
    checklist = text(out / "Document checklist.pdf")
    assert "Fee for Form I-765 ($520): one Form G-1450" in checklist
    assert "카드 소유자가 서명한 G-1450 양식" in checklist
    assert "money order" not in checklist


def test_the_cover_lists_the_forms_in_the_packets_order(cli: Cli, tmp_path: Path) -> None:
    out = build(cli, tmp_path, person())
    cover = text(out / "Cover sheet.pdf")
    listed = cover[cover.index("Forms, in filing order") : cover.index("What to sign")]
    forms = [n.removesuffix(".pdf").split(" for ")[0] for n in (f["name"] for f in files(out))]
    in_packet = [f for f in forms if f.startswith(("G-", "I-"))]
    at = 0
    for form in [*in_packet, "I-765WS"]:  # each in turn, in the packet's order, then by hand
        at = listed.index(f"Form {form}", at) + 1
    assert "Form I-765WS" in listed
    assert (
        "Not in this packet: attach by hand after the I-765; download from uscis.gov/i-765ws"
    ) in listed
    assert f"{len(in_packet) + 2}. Addendum Additional information" in listed  # the last one
    assert "Form I-765WS: the requestor's signature and date" in cover
    checklist = text(out / "Document checklist.pdf")
    assert "Form I-765WS (worksheet), filled from the answer sheet and signed" in checklist


def test_by_bank_debit_the_g1650_is_named_with_where_to_get_it(cli: Cli, tmp_path: Path) -> None:
    out = build(cli, tmp_path, person(), "--payment", "bank_debit")
    names = [f["name"] for f in files(out)]
    assert not any(n.startswith("G-1450") for n in names)
    cover = text(out / "Cover sheet.pdf")
    listed = cover[cover.index("Forms, in filing order") :]
    assert listed.index("Form G-1650") < listed.index("Form G-1145") < listed.index("Form I-821D")
    assert "Edition 06/03/25 Authorization for ACH Transactions" in listed
    assert "attach by hand, one for each fee, on top; download from uscis.gov/g-1650" in listed
    assert "Fee for Form I-821D ($85): one Form G-1650 (bank debit" in cover
    assert "Form G-1650: the account holder's signature, on each G-1650 (one per fee)" in cover
    assert "Form G-1450 Edition" not in cover and "cardholder" not in cover


def test_a_check_is_refused_after_october_28_2025(cli: Cli, tmp_path: Path) -> None:
    said = refused(cli, tmp_path, person(), "--payment", "check")
    assert "USCIS does not take check payments on 2026-12-03; it takes: card, bank debit" in said


def test_before_october_28_2025_a_check_was_taken(cli: Cli, tmp_path: Path) -> None:
    out = build(cli, tmp_path, person(), "2025-10-27", "--payment", "check")
    cover = text(out / "Cover sheet.pdf")
    assert "one check or money order payable to the U.S. Department of Homeland Security" in cover
    assert not any(f["name"].startswith("G-1450") for f in files(out))


def test_the_optional_g1145_never_blocks_the_packet(cli: Cli, tmp_path: Path) -> None:
    answers = {**person(), "name.given": "Maria de los Angeles", "email": "maria@example.org"}
    out = build(cli, tmp_path, answers)
    names = [f["name"] for f in files(out)]
    assert "G-1145.pdf" not in names and "I-821D.pdf" in names
    cover = text(out / "Cover sheet.pdf")
    assert "Form G-1145 (optional) was left out" in cover


def test_an_online_filing_has_no_paper_forms(cli: Cli, tmp_path: Path) -> None:
    out = build(cli, tmp_path, person(), "--filing", "online")
    names = [f["name"] for f in files(out)]
    assert not any(n.startswith(("G-1145", "G-1450", "G-1650")) for n in names)
