"""Check-in and import refuse a birth or arrival date after the clinic's today (issue 16 point
5), naming the answer; nothing is imported. The real command, on a moved clock."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import Cli, person, write_json


def test_a_birth_date_after_today_is_refused_at_import(cli: Cli, tmp_path: Path) -> None:
    cli.ok("init", "--site", "S", "--admin", "admin", "--kdf-seconds", "0.002")
    future = {**person(1), "dob": "2027-02-01"}
    refused = cli.run(
        "intake", "import", str(write_json(tmp_path / "p.json", future)),
        env=cli.env(CLINIC_CLOCK="2027-01-15T12:00:00-08:00"),
    )  # fmt: skip
    assert refused.returncode == 2
    assert "dob: is after today (2027-01-15)" in refused.stderr
    assert "Imported" not in refused.stdout
    # the same person a month later is fine
    ok = cli.run(
        "intake", "import", str(write_json(tmp_path / "p.json", future)),
        env=cli.env(CLINIC_CLOCK="2027-03-01T12:00:00-08:00"),
    )  # fmt: skip
    assert ok.returncode == 0, ok.stderr
