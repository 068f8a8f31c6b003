"""Backups (issue 18 point 5), through the real ``clinic`` command: a clinic with people and a
stored packet is backed up to one file, restored into a new folder, and every record, the
packet's files and the audit chain read back there; a damaged, cut or foreign file is refused
with a clear message and leaves nothing behind; a backup never lands in a clinic's folder and is
readable by its owner only. The automatic backups keep one a day, the last seven."""

from __future__ import annotations

import datetime as dt
import json
import os
import stat
import zipfile
from pathlib import Path

import pytest

from clinic.store.backup import KEEP, daily_backup
from tests.conftest import Cli, person, write_json
from tests.forms_fixture import SHARED_FORMS


def make_clinic(cli: Cli, tmp_path: Path) -> list[str]:
    cli.ok("init", "--site", "S", "--admin", "admin", "--kdf-seconds", "0.002")
    people = [person(i) for i in range(3)]
    out = cli.ok("intake", "import", str(write_json(tmp_path / "p.json", people))).stdout
    return [w for w in out.split() if len(w) == 32]


def test_back_up_and_restore_into_a_new_folder(cli: Cli, tmp_path: Path) -> None:
    if not SHARED_FORMS.is_dir():
        pytest.skip("no ../shared/forms")
    ids = make_clinic(cli, tmp_path)
    assert len(ids) == 3
    cli.ok("forms", "install", *[str(p) for p in sorted(SHARED_FORMS.glob("*.pdf"))])
    cli.ok("packet", "--record", ids[0], "--out", str(tmp_path / "built"), "--on", "2026-11-21")

    backup = tmp_path / "usb" / "clinic.zip"
    backup.parent.mkdir()  # the USB stick
    told = cli.ok("backup", "--out", str(backup)).stdout
    assert f"Backed up the clinic to {backup}" in told
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    # an earlier backup under the same name is kept unless the person says to replace it
    kept = backup.read_bytes()
    refused = cli.run("backup", "--out", str(backup))
    assert refused.returncode == 2 and "already exists" in refused.stderr
    assert "--replace" in refused.stderr and backup.read_bytes() == kept
    assert (
        f"Backed up the clinic to {backup}"
        in cli.ok("backup", "--out", str(backup), "--replace").stdout
    )
    # refused before anything is written, and a refusal is not in the audit log
    audited = cli.ok("audit").stdout.count("backup")
    notes = tmp_path / "notes.txt"
    notes.write_text("not a backup")
    for out, said in (
        (tmp_path / "usb", "is a folder"),  # a folder, not a file name
        (tmp_path / "no-such-stick" / "b.zip", "does not exist"),  # a mistyped USB path
    ):
        refused = cli.run("backup", "--out", str(out))
        assert refused.returncode == 2 and said in refused.stderr, refused.stderr
    refused = cli.run("backup", "--out", str(notes), "--replace")
    assert refused.returncode == 2 and "not a ClinicDay backup" in refused.stderr
    assert notes.read_text() == "not a backup" and not (tmp_path / "no-such-stick").exists()
    assert cli.ok("audit").stdout.count("backup") == audited
    # records stay encrypted in it: no name in clear anywhere in the file's contents
    with zipfile.ZipFile(backup) as zf:
        for name in zf.namelist():
            assert person(0)["name.family"].encode() not in zf.read(name), name

    restored = Cli(data=tmp_path / "restored", tmpdir=cli.tmpdir)
    said = restored.ok("restore", str(backup)).stdout
    assert said.startswith("Restored ") and str(restored.data) in said
    assert "all checks passed" in restored.ok("check").stdout
    for rid in ids:
        shown = json.loads(restored.ok("intake", "show", rid, "--json").stdout)
        original = json.loads(cli.ok("intake", "show", rid, "--json").stdout)
        assert shown == original
    # the packet's encrypted files came too: the stored packet opens in the restored clinic
    again = tmp_path / "again"
    restored.ok("packet", "--record", ids[0], "--stored", "--out", str(again))
    assert (again / "I-821D.pdf").read_bytes() == (tmp_path / "built" / "I-821D.pdf").read_bytes()
    # the backup is in the audit log of the clinic it came from
    assert "backup" in cli.ok("audit").stdout


def test_a_damaged_or_foreign_backup_is_refused_and_nothing_is_written(
    cli: Cli, tmp_path: Path
) -> None:
    make_clinic(cli, tmp_path)
    good = tmp_path / "b.zip"
    cli.ok("backup", "--out", str(good))
    data = good.read_bytes()
    flipped = bytearray(data)
    flipped[len(data) // 3] ^= 0xFF  # inside the database's compressed bytes
    cases = {
        "flipped.zip": bytes(flipped),
        "cut.zip": data[: len(data) // 2],
        "foreign.zip": b"PK\x05\x06" + b"\x00" * 18,  # an empty ZIP: not a ClinicDay backup
        "text.zip": b"not a backup at all",
    }
    for name, content in cases.items():
        (tmp_path / name).write_bytes(content)
        target = tmp_path / f"into-{name}"
        proc = Cli(data=target, tmpdir=cli.tmpdir).run("restore", str(tmp_path / name))
        assert proc.returncode == 2, (name, proc.stdout, proc.stderr)
        assert f"{name} is damaged or not a ClinicDay backup" in proc.stderr, proc.stderr
        assert "internal error" not in proc.stderr and "Traceback" not in proc.stderr
        assert not target.exists(), name  # nothing half-restored
        assert not list(tmp_path.glob(f".into-{name}.restoring-*"))
    # never one clinic inside another's folder
    inner = cli.run("restore", str(good), "--data", str(cli.data / "inner"))
    assert inner.returncode == 2 and "clinic's data folder" in inner.stderr
    assert not (cli.data / "inner").exists()
    # restoring over a clinic is refused: the clinic is untouched
    proc = cli.run("restore", str(good))
    assert proc.returncode == 2 and "already holds a clinic" in proc.stderr
    assert "all checks passed" in cli.ok("check").stdout
    # a backup never goes into a clinic's folder
    proc = cli.run("backup", "--out", str(cli.data / "inside.zip"))
    assert proc.returncode == 2 and "inside a clinic's data folder" in proc.stderr
    assert not (cli.data / "inside.zip").exists()


def test_the_automatic_backups_keep_one_a_day_the_last_seven(cli: Cli, tmp_path: Path) -> None:
    make_clinic(cli, tmp_path)
    start = dt.date(2026, 11, 1)
    for day in range(KEEP + 3):
        on = start + dt.timedelta(days=day)
        now = dt.datetime(on.year, on.month, on.day, 18, tzinfo=dt.UTC)
        assert daily_backup(cli.data, now, on) is not None
        # the same day, nothing changed since: not written again
        assert daily_backup(cli.data, now, on) is None
    kept = sorted(p.name for p in (cli.data / "backups").glob("*.zip"))
    assert len(kept) == KEEP
    assert kept[0] == f"clinic-{start + dt.timedelta(days=3)}.zip"
    assert kept[-1] == f"clinic-{start + dt.timedelta(days=KEEP + 2)}.zip"
    # a change to the records makes the day's backup due again
    os.utime(cli.data / "clinic.db")
    later = start + dt.timedelta(days=KEEP + 2)
    assert daily_backup(cli.data, dt.datetime(2026, 11, 10, 19, tzinfo=dt.UTC), later)
    # only the clinic's own folders go in: a plain-text file someone left in it stays out
    (cli.data / "exports").mkdir()
    (cli.data / "exports" / "person.json").write_text('{"name": "plain"}', encoding="utf-8")
    os.utime(cli.data / "clinic.db")
    daily_backup(cli.data, dt.datetime(2026, 11, 10, 20, tzinfo=dt.UTC), later)
    with zipfile.ZipFile(cli.data / "backups" / kept[-1]) as zf:
        assert not [n for n in zf.namelist() if n.startswith("exports/")]
    # an automatic backup is not itself backed up (no backup inside a backup)
    with zipfile.ZipFile(cli.data / "backups" / kept[-1]) as zf:
        assert not [n for n in zf.namelist() if n.startswith("backups/")]
