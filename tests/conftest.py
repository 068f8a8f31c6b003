"""Shared fixtures: a real clinic on a real SQLite file, synthetic people, and a CLI runner.

Argon2id is tuned to a few milliseconds here (the clinic default is 0.5 s) so that tests which
unlock many times stay fast; the floors in ``clinic.store.vault`` still apply.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

# The one clock (clinic.clock) starts at this moment in every test and in every process a test
# starts (CLINIC_CLOCK is inherited): no test depends on the real date or the machine's zone.
# A Saturday clinic at 10:00 in Los Angeles (18:00 UTC).
CLOCK_START = "2026-11-21T10:00:00-08:00"
os.environ["CLINIC_CLOCK"] = CLOCK_START
# ... from now, for every process: a server started early and a laptop started late agree on
# the time (a signed request is taken within 5 minutes of the server's clock)
os.environ["CLINIC_CLOCK_ANCHOR"] = repr(time.time())

from clinic.store.clinic import Clinic, Session, create_clinic  # noqa: E402

pytest_plugins = ["tests.sync_fixture"]  # real sync servers: db_url, org

FAST_KDF = 0.002
PASSPHRASE = "correct horse battery staple"
ROOT = Path(__file__).resolve().parent.parent


def person(n: int = 0, **overrides: Any) -> dict[str, Any]:
    """A valid synthetic intake; ``n`` varies its identifiers."""
    answers: dict[str, Any] = {
        "name.family": f"Testperson{chr(65 + n % 26)}",
        "name.given": "Minji",
        "name.native": "테스트",
        "dob": "2001-03-04",
        "sex": "F",
        "marital_status": "single",
        "birth.city": "Seoul",
        "birth.country": "South Korea",
        "citizenship": "South Korea",
        "a_number": f"099{n:06d}",
        "ssn": f"9{n % 100:02d}12{n % 9999 + 1:04d}",
        "mailing.street": "100 Example Ave",
        "mailing.city": "Los Angeles",
        "mailing.state": "CA",
        "mailing.zip": "90010",
        "language": "ko",
        "daca.ever_granted": True,
        "daca.expires": "2027-04-01",
        "daca.terminated": False,
        "removal.status": "never",
        "travel": [],
        "criminal": [],
    }
    answers.update(overrides)
    return answers


def make_clinic(path: Path, *, admin: str = "admin", passphrase: str = PASSPHRASE) -> Path:
    create_clinic(
        path,
        site="Test Site",
        admin=admin,
        passphrase=passphrase,
        kdf_seconds=FAST_KDF,
        timezone="America/Los_Angeles",
    )
    return path


@pytest.fixture
def clinic_dir(tmp_path: Path) -> Path:
    return make_clinic(tmp_path / "clinic")


@pytest.fixture
def session(clinic_dir: Path) -> Iterator[Session]:
    clinic = Clinic(clinic_dir)
    try:
        yield clinic.unlock("admin", PASSPHRASE)
    finally:
        clinic.close()


@dataclass
class Cli:
    """Runs the real ``clinic`` command in a subprocess, as a user would."""

    data: Path
    tmpdir: Path
    user: str = "admin"
    passphrase: str = PASSPHRASE

    def env(self, **extra: str) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith("CLINIC_")}
        env.update(
            CLINIC_DATA=str(self.data),
            CLINIC_USER=self.user,
            CLINIC_PASSPHRASE=self.passphrase,
            TMPDIR=str(self.tmpdir),
            CLINIC_CLOCK=CLOCK_START,
            PYTHONDONTWRITEBYTECODE="1",
        )
        env.update(extra)
        return env

    def run(
        self, *args: str, env: dict[str, str] | None = None, stdin: str | None = None
    ) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "clinic", *args],
            capture_output=True,
            text=True,
            env=env if env is not None else self.env(),
            input=stdin if stdin is not None else "",
            cwd=ROOT,
            timeout=120,
        )

    def ok(self, *args: str, **extra: str) -> subprocess.CompletedProcess[str]:
        proc = self.run(*args, env=self.env(**extra))
        assert proc.returncode == 0, (args, proc.stdout, proc.stderr)
        return proc


@pytest.fixture
def cli(tmp_path: Path) -> Cli:
    tmpdir = tmp_path / "proc-tmp"
    tmpdir.mkdir()
    return Cli(data=tmp_path / "clinic", tmpdir=tmpdir)


def write_json(path: Path, data: Any) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path
