"""ClinicDay as it runs on Windows (issue 18 point 1), on this Linux machine: the real ``clinic``
command in a process where the Unix-only modules cannot be imported, no file under ``/usr/share``
(system fonts, system zoneinfo) or ``/etc`` (the local time zone) can be opened, and the time zone
database is the ``tzdata`` package only. In it a clinic is created in a named time zone, a person
imported, a packet built from the official PDFs (its cover sheet with a Hangul name) and the
day's counts drawn as a PDF; each file is then read back."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import Cli, person, write_json
from tests.forms_fixture import SHARED_FORMS

# Run as the program: Unix-only modules fail to import, as they do on Windows, and any open of a
# system path fails as if the file were not there (an audit hook sees every open). Every refusal
# is written to the file named by CLINIC_TEST_REFUSED, so the test can show what was tried.
AS_ON_WINDOWS = r"""
import os, sys

UNIX_ONLY = {"resource", "fcntl", "termios", "pwd", "grp", "posix_ipc"}
for name in UNIX_ONLY:
    sys.modules.pop(name, None)


class NotOnWindows:
    def find_spec(self, name, path=None, target=None):
        if name.partition(".")[0] in UNIX_ONLY:
            raise ModuleNotFoundError(f"No module named {name!r}")
        return None


sys.meta_path.insert(0, NotOnWindows())
REFUSED = os.environ["CLINIC_TEST_REFUSED"]


def no_system_files(event, args):
    if event != "open" or not args or args[0] is None or isinstance(args[0], int):
        return
    path = os.fsdecode(args[0])
    if path.startswith(("/usr/share/", "/etc/")):
        with open(REFUSED, "a", encoding="utf-8") as told:  # not a system path: allowed
            told.write(path + "\n")
        raise FileNotFoundError(2, "No such file or directory (as on Windows)", path)


sys.addaudithook(no_system_files)
from clinic.cli import main

sys.exit(main(sys.argv[1:]))
"""


def pdftotext(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def test_the_command_a_packet_and_a_report_as_on_windows(cli: Cli, tmp_path: Path) -> None:
    if not SHARED_FORMS.is_dir():
        pytest.skip("no ../shared/forms")
    program = tmp_path / "program" / "as_on_windows.py"  # its folder is first on sys.path
    program.parent.mkdir()
    program.write_text(AS_ON_WINDOWS, encoding="utf-8")
    refused = tmp_path / "refused.txt"
    refused.write_text("", encoding="utf-8")

    def run(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
        proc = subprocess.run(
            [sys.executable, str(program), *args],
            capture_output=True,
            text=True,
            env=cli.env(
                CLINIC_TEST_REFUSED=str(refused),
                PYTHONTZPATH="",  # no system zoneinfo: only the tzdata package
                **env,
            ),
            cwd=tmp_path,
            timeout=180,
        )
        assert proc.returncode == 0, (args, proc.stdout, proc.stderr)
        assert "internal error" not in proc.stderr
        return proc

    run("--help")
    made = run(
        "init",
        "--site",
        "한인 Saturday Clinic",
        "--admin",
        "admin",
        "--kdf-seconds",
        "0.002",
        TZ="America/Chicago",
    )
    assert "(time zone America/Chicago)" in made.stdout  # from TZ, read through tzdata
    run("check")
    run("forms", "install", *[str(p) for p in sorted(SHARED_FORMS.glob("*.pdf"))])
    answers = person(0, **{"name.native": "김민지"})
    rid = run("intake", "import", str(write_json(tmp_path / "p.json", answers))).stdout.split()[1]
    out = tmp_path / "packet"
    run("packet", "--record", rid[:8], "--out", str(out), "--on", "2026-11-21", "--lang", "ko")
    cover = pdftotext(out / "Cover sheet.pdf")
    assert "김민지" in cover and "Cover sheet" in cover
    fonts = subprocess.run(
        ["pdffonts", str(out / "Cover sheet.pdf")], capture_output=True, text=True, check=True
    ).stdout
    assert "NanumGothic" in fonts  # the shipped font, embedded
    report = tmp_path / "counts.pdf"
    run("report", "daily", "--date", "2026-11-21", "--out", str(report))
    assert "People served" in pdftotext(report)
    run("report", "daily", "--date", "2026-11-21", "--out", str(tmp_path / "counts.json"))
    counted = json.loads((tmp_path / "counts.json").read_text(encoding="utf-8"))
    assert "2026-11-21" in json.dumps(counted)  # the clinic's calendar, read through tzdata
    # what the runs tried to open under /usr/share or /etc and were refused (nothing needed it)
    tried = set(refused.read_text(encoding="utf-8").split())
    print("refused:", sorted(tried))
    assert not {p for p in tried if "fonts" in p or "zoneinfo" in p}, tried
