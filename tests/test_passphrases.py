"""Passphrases through the CLI: wrong, empty, mangled, Unicode NFC vs NFD, change round trips."""

from __future__ import annotations

import hashlib
import sqlite3
import unicodedata
from pathlib import Path

import pytest

from clinic.store.clinic import Clinic
from tests.conftest import FAST_KDF, Cli, person, write_json

NFC = unicodedata.normalize("NFC", "Señora Núñez 한국어 café passphrase")
NFD = unicodedata.normalize("NFD", NFC)


def _digest(folder: Path) -> str:
    h = hashlib.sha256()
    for p in sorted(folder.rglob("*")):
        if p.is_file():
            h.update(p.name.encode() + p.read_bytes())
    return h.hexdigest()


@pytest.fixture
def unicode_cli(cli: Cli, tmp_path: Path) -> Cli:
    cli.passphrase = NFD  # created with the decomposed form
    cli.ok("init", "--site", "Site", "--admin", "admin", "--kdf-seconds", str(FAST_KDF))
    cli.ok("intake", "import", str(write_json(tmp_path / "p.json", [person(1)])))
    return cli


def test_nfc_and_nfd_both_unlock(unicode_cli: Cli) -> None:
    assert NFC != NFD
    unicode_cli.ok("intake", "list", CLINIC_PASSPHRASE=NFC)
    unicode_cli.ok("intake", "list", CLINIC_PASSPHRASE=NFD)


@pytest.mark.parametrize(
    ("passphrase", "message"),
    [
        ("Señora Nunez 한국어 café passphrase", "wrong user name or passphrase"),
        ("", "the passphrase is empty"),
        # what a UTF-8 passphrase becomes when a terminal decodes it as Latin-1
        (NFC.encode("utf-8").decode("latin-1"), "the passphrase holds control characters"),
        # ... or as Windows-1252, which has no control characters there: simply wrong
        (NFC.encode("utf-8").decode("cp1252", "replace"), "wrong user name or passphrase"),
    ],
)
def test_bad_passphrases_get_one_line_exit_2_and_change_nothing(
    unicode_cli: Cli, passphrase: str, message: str
) -> None:
    before = _digest(unicode_cli.data)
    proc = unicode_cli.run("intake", "list", env=unicode_cli.env(CLINIC_PASSPHRASE=passphrase))
    assert proc.returncode == 2
    assert proc.stderr.strip().startswith(f"clinic: error: {message}")
    assert len(proc.stderr.strip().splitlines()) == 1
    assert proc.stdout == ""
    assert _digest(unicode_cli.data) == before


def test_undecodable_bytes_in_the_environment(unicode_cli: Cli) -> None:
    # os.environ turns bytes that are not UTF-8 into lone surrogates; they are refused plainly.
    env = unicode_cli.env()
    env["CLINIC_PASSPHRASE"] = "caf\udce9 passphrase"
    import subprocess
    import sys

    env_bytes = {k.encode(): v.encode("utf-8", "surrogateescape") for k, v in env.items()}
    proc = subprocess.run(
        [sys.executable, "-m", "clinic", "intake", "list"],
        env=env_bytes,
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 2
    assert "not valid text" in proc.stderr and len(proc.stderr.strip().splitlines()) == 1


def test_change_passphrase_round_trip_rewraps_only(unicode_cli: Cli) -> None:
    db = unicode_cli.data / "clinic.db"

    def blobs() -> list[tuple[object, ...]]:
        con = sqlite3.connect(db)
        rows = con.execute("SELECT event_id, blob FROM events ORDER BY event_id").fetchall()
        con.close()
        return rows

    events_before = blobs()
    unicode_cli.ok("user", "passwd", CLINIC_NEW_PASSPHRASE="a brand new passphrase")
    old = unicode_cli.run("intake", "list")
    assert old.returncode == 2 and "wrong" in old.stderr
    unicode_cli.ok("intake", "list", CLINIC_PASSPHRASE="a brand new passphrase")
    # and back again, in the other normal form
    unicode_cli.ok(
        "user", "passwd", CLINIC_PASSPHRASE="a brand new passphrase", CLINIC_NEW_PASSPHRASE=NFC
    )
    unicode_cli.ok("intake", "list", CLINIC_PASSPHRASE=NFD)
    assert blobs() == events_before  # the records were never re-encrypted
    clinic = Clinic(unicode_cli.data)
    session = clinic.unlock("admin", NFC)
    assert session.load(session.record_ids()[0]).answers["a_number"] == "099000001"
    clinic.close()


def test_new_passphrases_are_checked(cli: Cli) -> None:
    short = cli.run("init", "--site", "S", "--admin", "a", env=cli.env(CLINIC_PASSPHRASE="short"))
    assert short.returncode == 2 and "too short" in short.stderr
    assert not (cli.data / "clinic.db").exists()
    cli.ok("init", "--site", "S", "--admin", "admin", "--kdf-seconds", str(FAST_KDF))
    empty = cli.run("user", "passwd", env=cli.env(CLINIC_NEW_PASSPHRASE=""))
    assert empty.returncode == 2 and "empty" in empty.stderr
    # long enough, but the first thing an attacker tries (issue 17: it was accepted)
    for weak in ("password1234", "qwertyuiop123", "111111111111", "Passw0rd2026!"):
        guessed = cli.run("user", "passwd", env=cli.env(CLINIC_NEW_PASSPHRASE=weak))
        assert guessed.returncode == 2 and "too easy to guess" in guessed.stderr, weak
    added = cli.run(
        "user",
        "add",
        "vol",
        "--role",
        "volunteer",
        env=cli.env(CLINIC_NEW_PASSPHRASE="password1234"),
    )
    assert added.returncode == 2 and "too easy to guess" in added.stderr
    cli.ok("intake", "list")  # the old passphrase still works
