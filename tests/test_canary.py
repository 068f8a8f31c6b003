"""Canary: personal data never reaches the disk in clear.

People whose every field holds a unique canary string are imported, every CLI operation is run on
them, and then every byte of every file under the data folder (database, ``-wal``, ``-shm``,
journals, temp files, logs) and of the processes' temp folder is searched, in UTF-8, UTF-16 and
case-folded forms. No canary may appear anywhere.
"""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path
from typing import Any

from tests.conftest import FAST_KDF, Cli, write_json

CANARY = "CNRY"  # every canary is CNRY + a letter run, so it cannot occur by chance


def _canary(n: int, field: str) -> str:
    letters = "".join(chr(ord("A") + (ord(c) + n) % 26) for c in field.replace(".", ""))[:8]
    return f"{CANARY}{letters}{chr(ord('A') + n % 26)}Q"


def canary_person(n: int) -> tuple[dict[str, Any], list[str]]:
    """A valid intake whose text fields are canaries, and the identifiers in their stored form."""
    texts = [
        "name.family",
        "name.given",
        "name.middle",
        "birth.city",
        "birth.country",
        "citizenship",
        "mailing.street",
        "mailing.city",
        "arrival.place",
        "education.school",
    ]
    answers: dict[str, Any] = {k: _canary(n, k) for k in texts}
    answers["name.native"] = "카나리아" + _canary(n, "native")
    answers.update(
        {
            "dob": "1999-07-0" + str(1 + n % 9),
            "a_number": f"0{71 + n}493827",
            "ssn": f"9{n:02d}-71-3958",
            "mailing.state": "CA",
            "mailing.zip": "90010",
            "email": f"{_canary(n, 'email').lower()}@example.org",
            "language": "ko",
            "daca.ever_granted": True,
            "daca.expires": "2027-03-01",
            "travel": [
                {
                    "departed": "2019-01-02",
                    "returned": "2019-01-20",
                    "reason": _canary(n, "travel"),
                    "advance_parole": True,
                }
            ],
            "criminal": [
                {
                    "date": "2018-05-05",
                    "offense": _canary(n, "offense"),
                    "place": _canary(n, "place"),
                    "level": "infraction",
                    "outcome": "dismissed",
                }
            ],
            "ead.explanation": _canary(n, "explain") + " needs to work",
        }
    )
    secrets = [v for v in answers.values() if isinstance(v, str) and CANARY in v]
    secrets += [_canary(n, "travel"), _canary(n, "offense"), _canary(n, "place")]
    secrets += [f"{71 + n}493827", f"9{n:02d}713958", f"9{n:02d}-71-3958", "카나리아"]
    return answers, secrets


def _needles(secrets: list[str]) -> list[bytes]:
    out: list[bytes] = []
    for s in secrets:
        for form in {s, s.lower(), s.upper()}:
            out += [form.encode("utf-8"), form.encode("utf-16-le")]
    return out


def _files(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file()]


def test_no_canary_reaches_the_disk(cli: Cli, tmp_path: Path) -> None:
    people, secrets = [], []
    for n in range(3):
        answers, s = canary_person(n)
        people.append(answers)
        secrets += s
    outside = tmp_path / "outside"  # the user's own files, not the clinic's
    outside.mkdir()
    source = write_json(outside / "people.json", people)

    cli.ok("init", "--site", "Canary Site", "--admin", "admin", "--kdf-seconds", str(FAST_KDF))
    # A second connection held open keeps SQLite from removing the -wal and -shm files when
    # each command exits, so they are scanned as they were written.
    keeper = sqlite3.connect(cli.data / "clinic.db")
    keeper.execute("SELECT count(*) FROM meta").fetchone()
    ids = re.findall(r"imported ([0-9a-f]{32})", cli.ok("intake", "import", str(source)).stdout)
    assert len(ids) == 3
    # every operation, while the files are live
    cli.ok("user", "add", "vol1", "--role", "volunteer", CLINIC_NEW_PASSPHRASE="volunteer pass 1")
    cli.ok("user", "list")
    cli.ok("user", "passwd", "vol1", CLINIC_NEW_PASSPHRASE="volunteer pass 2")
    listing = cli.ok("intake", "list").stdout
    assert people[0]["name.family"] in listing  # shown to the user, on screen only
    for rid in ids:
        cli.ok("intake", "show", rid[:8])
        cli.ok("intake", "show", rid, "--json")
        cli.ok("intake", "export", rid)
    cli.ok("intake", "find", "--a-number", people[1]["a_number"])
    cli.ok("intake", "find", "--family", people[2]["name.family"], "--dob", people[2]["dob"])
    cli.ok("intake", "find", "--ssn", people[0]["ssn"])
    cli.ok("intake", "import", str(source))  # duplicates warned
    bad = write_json(outside / "bad.json", [{**people[0], "dob": "2001-02-30"}])
    failed = cli.run("intake", "import", str(bad))
    assert failed.returncode == 2
    assert people[0]["name.family"] not in failed.stderr  # errors name keys, never values
    cli.ok("check")
    cli.ok("audit")
    cli.ok("user", "disable", "vol1")

    scanned = _files(cli.data) + _files(cli.tmpdir)
    names = {p.name for p in scanned}
    assert {"clinic.db", "clinic.db-wal", "clinic.db-shm"} <= names, names
    needles = _needles(secrets)
    for path in scanned:
        data = path.read_bytes()
        leaked = [n for n in needles if n in data]
        assert not leaked, f"{path.name} holds personal data in clear: {leaked[:3]}"
    keeper.close()


def test_the_scan_would_catch_a_leak(tmp_path: Path) -> None:
    """The needle search itself works: a file with a canary in any encoding is caught."""
    _answers, secrets = canary_person(5)
    for encoding in ("utf-8", "utf-16-le"):
        leak = tmp_path / f"leak-{encoding}"
        leak.write_bytes(b"\x00junk" + secrets[0].lower().encode(encoding) + b"junk")
        assert any(n in leak.read_bytes() for n in _needles(secrets))
