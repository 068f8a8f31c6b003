"""``--forms-dir DIR`` reads official PDFs from a folder ClinicDay does not own: nothing is ever
written into it; prepared templates go to this user's cache (issue 15, "Other")."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import Cli, write_json
from tests.forms_fixture import SHARED_FORMS
from tests.test_packet import person


def test_a_forms_folder_given_is_only_read(cli: Cli, tmp_path: Path) -> None:
    if not SHARED_FORMS.is_dir():
        pytest.skip("no ../shared/forms")
    forms = tmp_path / "shared-forms"
    forms.mkdir()
    for pdf in SHARED_FORMS.glob("*.pdf"):
        shutil.copyfile(pdf, forms / pdf.name)
    before = sorted(p.name for p in forms.rglob("*"))
    cache = tmp_path / "cache"
    source = write_json(tmp_path / "a.json", person())
    cli.ok(
        "packet", "--answers", str(source), "--out", str(tmp_path / "out"),
        "--forms-dir", str(forms), "--on", "2026-12-03", CLINIC_CACHE=str(cache),
    )  # fmt: skip
    assert sorted(p.name for p in forms.rglob("*")) == before  # no .prepared/ in it
    assert list((cache / "prepared").glob("*.json"))  # prepared once, in the user's cache
    # the clinic's own forms folder keeps them beside its forms
    cli.ok("init", "--site", "S", "--admin", "admin", "--kdf-seconds", "0.002")
    cli.ok("forms", "install", *[str(p) for p in sorted(forms.glob("*.pdf"))])
    assert list((cli.data / "forms" / ".prepared").glob("*.json"))
