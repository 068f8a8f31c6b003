"""Exports a shared laptop can trust (issue 17, medium findings): a file a person exports is
readable by its owner only; ``--out`` never writes into a clinic's data folder (another clinic's
database included); a temporary name planted beforehand is never written through."""

from __future__ import annotations

import os
import secrets
import stat
import sys
from pathlib import Path

import pytest

from clinic import safefile
from tests.conftest import Cli, make_clinic, person, write_json


def test_an_export_into_a_clinic_folder_is_refused_by_name(cli: Cli, tmp_path: Path) -> None:
    make_clinic(cli.data)
    other = make_clinic(tmp_path / "other-clinic")
    before = (other / "clinic.db").read_bytes()
    deep = other / "packets" / "mine"  # a folder a person made inside the clinic's folder
    deep.mkdir(parents=True)
    for target in (
        other / "clinic.db",
        other / "report.csv",
        cli.data / "day.csv",
        deep / "day.csv",
        other / "backups" / "day.csv",  # not there yet: would be made
    ):
        refused = cli.run(
            "report",
            "daily",
            "--date",
            "2026-11-21",
            "--format",
            "csv",
            "--out",
            str(target),
            env=cli.env(),
        )
        assert refused.returncode == 2, refused.stderr
        said = refused.stderr
        assert "clinic's data folder" in said or "clinic's database" in said, said
        assert str(target) in said
    assert (other / "clinic.db").read_bytes() == before
    assert not (other / "report.csv").exists() and not (cli.data / "day.csv").exists()
    assert not (deep / "day.csv").exists() and not (other / "backups").exists()
    # a record's export refused for its place is neither written nor in the audit log
    imported = cli.ok("intake", "import", str(write_json(cli.tmpdir / "p.json", person(1))))
    record = imported.stdout.split()[1]
    refused = cli.run("intake", "export", record, "--out", str(cli.data / "p.json"))
    assert refused.returncode == 2 and "clinic's data folder" in refused.stderr
    assert not (cli.data / "p.json").exists()
    assert not [line for line in cli.ok("audit").stdout.splitlines() if " export " in line]


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")
def test_exports_are_readable_by_their_owner_only(cli: Cli, tmp_path: Path) -> None:
    make_clinic(cli.data)
    imported = cli.ok("intake", "import", str(write_json(tmp_path / "p.json", person(1))))
    record = imported.stdout.split()[1]  # "imported RECORD_ID"
    out = tmp_path / "exports"
    out.mkdir()
    cli.ok("intake", "export", record, "--out", str(out / "person.json"))
    cli.ok("report", "daily", "--date", "2026-11-21", "--out", str(out / "day.csv"))
    for path in out.iterdir():
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path.name


def test_a_planted_temporary_name_is_not_written_through(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    target = tmp_path / "export.csv"
    monkeypatch.setattr(secrets, "token_hex", lambda _n: "0" * 16)
    os.symlink(victim, tmp_path / f".{target.name}.tmp-{'0' * 16}")
    with pytest.raises(FileExistsError):
        safefile.write_atomically(target, b"counts")
    assert victim.read_text() == "keep me" and not target.exists()
