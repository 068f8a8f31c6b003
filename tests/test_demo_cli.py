"""``clinic demo``: a demo clinic of synthetic people, the same for the same seed and day."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import Cli


def _demo(tmp_path: Path, name: str, *extra: str) -> tuple[Cli, str]:
    cli = Cli(tmp_path / name, tmp_path, passphrase="demo-clinic-day")
    env = cli.env()
    del env["CLINIC_PASSPHRASE"]  # the published demo passphrase is used
    proc = cli.run(
        "demo", "--people", "14", "--on", "2026-11-21", "--kdf-seconds", "0.002", *extra, env=env
    )
    assert proc.returncode == 0, proc.stderr
    return cli, proc.stdout


def _people_lines(listing: str) -> list[str]:
    # drop the random record ids: the people themselves must be identical
    return [line.split(None, 1)[1] for line in listing.splitlines()[3:] if line.strip()]


def test_same_seed_same_people_and_demo_users_sign_in(tmp_path: Path) -> None:
    cli, first = _demo(tmp_path, "a")
    _cli2, second = _demo(tmp_path, "b")
    assert "14 synthetic people" in first and "demo-clinic-day" in first
    people = _people_lines(first)
    assert len(people) == 14
    assert people == _people_lines(second)
    _cli3, other_seed = _demo(tmp_path, "c", "--seed", "7")
    assert _people_lines(other_seed) != people
    assert any("ko" in p.split() for p in people) and any("es" in p.split() for p in people)
    for user, role in (("vol", "volunteer"), ("atty", "attorney"), ("coord", "coordinator")):
        cli.user = user
        assert "14 people" in cli.ok("intake", "list").stderr, role
    cli.user = "admin"
    assert "all checks passed" in cli.ok("check").stdout
    # running it again shows the existing clinic instead of building another
    again = cli.run(
        "demo", "--on", "2026-11-21", env={**cli.env(), "CLINIC_PASSPHRASE": "demo-clinic-day"}
    )
    assert again.returncode == 0 and "already exists" in again.stdout
