"""Backups of a clinic data folder, and restoring one into a new folder.

A backup is one ZIP file: the database copied with SQLite's online backup API (consistent while
the app runs), the packets' files, the installed forms and rules data, and a manifest
(``clinicday-backup.json``) with each file's SHA-256. Everything personal in it is as encrypted
as in the folder (records, drafts and packet files are sealed with the clinic's data key), so the
file is safe on a USB stick; it is readable by its owner only.

:func:`restore_backup` refuses a damaged or foreign file with a message that says so, checks every
file against the manifest and the database with ``PRAGMA integrity_check``, and only then moves
the restored folder into place: a failed restore leaves nothing behind.

Automatic backups (:func:`daily_backup`) go to ``backups/`` in the data folder, one per day,
refreshed when the day's work changed the database, the newest :data:`KEEP` kept.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import secrets
import shutil
import sqlite3
import tempfile
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from clinic.errors import ClinicError
from clinic.store.clinic import DB_NAME

__all__ = [
    "BACKUP_FOLDER",
    "KEEP",
    "MANIFEST",
    "BackupError",
    "BackupInfo",
    "daily_backup",
    "daily_due",
    "restore_backup",
    "write_backup",
]

FORMAT = "clinicday-backup-1"
MANIFEST = "clinicday-backup.json"
BACKUP_FOLDER = "backups"  # in the data folder: the automatic ones
KEEP = 7  # automatic backups kept (one a day)
_CHUNK = 1 << 20


class BackupError(ClinicError):
    """A backup cannot be written, or a file cannot be restored (the message says why)."""


@dataclass(frozen=True)
class BackupInfo:
    """A backup written: where, how many files, its size in bytes."""

    path: Path
    files: int
    size: int


HELD = ("packets", "forms", "rules")  # the folders of a clinic a backup holds, by name


def _members(data_dir: Path) -> list[Path]:
    """The files a backup holds besides the database: those of :data:`HELD` only (encrypted
    packet files, the installed forms, the rules data). Anything else someone put in the
    folder (a plain-text export, a stray note, a backup) stays out, as do temporary files."""
    found = []
    for name in HELD:
        for path in sorted((data_dir / name).rglob("*")):
            rel = path.relative_to(data_dir)
            if not path.is_file() or path.is_symlink():
                continue
            if any(".tmp-" in part for part in rel.parts):
                continue
            found.append(path)
    return found


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(_CHUNK), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _copy_database(db_path: Path, target: Path) -> None:
    """The database as it is now, with SQLite's online backup (a running app may write)."""
    source = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        dest = sqlite3.connect(target)
        try:
            source.backup(dest)
        finally:
            dest.close()
    finally:
        source.close()


def write_backup(data_dir: Path, out: Path, now: dt.datetime) -> BackupInfo:
    """Write a backup of ``data_dir`` to ``out`` (replaced whole, or not at all)."""
    db_path = data_dir / DB_NAME
    if not db_path.is_file():
        raise BackupError(f"{data_dir} holds no clinic to back up")
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.tmp-{secrets.token_hex(8)}")
    files: dict[str, dict[str, object]] = {}
    try:
        with tempfile.TemporaryDirectory(prefix="clinicday-backup-") as work:
            db_copy = Path(work) / DB_NAME
            _copy_database(db_path, db_copy)
            flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
            with os.fdopen(os.open(tmp, flags, 0o600), "wb") as raw:
                with zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
                    for path, name in [
                        (db_copy, DB_NAME),
                        *((p, p.relative_to(data_dir).as_posix()) for p in _members(data_dir)),
                    ]:
                        zf.write(path, name)
                        files[name] = {"sha256": _sha256(path), "size": path.stat().st_size}
                    manifest = {"format": FORMAT, "created": now.isoformat(), "files": files}
                    zf.writestr(MANIFEST, json.dumps(manifest, indent=1, sort_keys=True))
                raw.flush()
                os.fsync(raw.fileno())
        os.replace(tmp, out)
    except OSError as exc:
        raise BackupError(f"{out}: the backup could not be written ({exc.strerror})") from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
    return BackupInfo(out, len(files), out.stat().st_size)


def _safe_name(name: str) -> bool:
    p = PurePosixPath(name)
    return bool(name) and not p.is_absolute() and ".." not in p.parts and "\\" not in name


def is_backup(path: Path) -> bool:
    """Whether ``path`` is a ClinicDay backup (a ZIP file with its manifest)."""
    try:
        with zipfile.ZipFile(path) as zf:
            return MANIFEST in zf.namelist()
    except (OSError, zipfile.BadZipFile):
        return False


def restore_backup(backup: Path, target: Path) -> int:
    """Restore ``backup`` into ``target`` (a new or empty folder); returns the files restored."""
    if (target / DB_NAME).exists():
        raise BackupError(
            f"{target} already holds a clinic: restore into a new folder (or move this one aside)"
        )
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise BackupError(f"{target} is not an empty folder: restore into a new folder")
    damaged = f"{backup.name} is damaged or not a ClinicDay backup"
    try:
        zf = zipfile.ZipFile(backup)
    except FileNotFoundError:
        raise BackupError(f"{backup}: no such file") from None
    except (zipfile.BadZipFile, OSError):
        raise BackupError(f"{damaged} (it cannot be read as one)") from None
    target.parent.mkdir(parents=True, exist_ok=True)
    work = target.with_name(f".{target.name}.restoring-{secrets.token_hex(4)}")
    try:
        with zf:
            try:
                manifest = json.loads(zf.read(MANIFEST))
                files = manifest["files"]
                assert manifest.get("format") == FORMAT and isinstance(files, dict)
            except (KeyError, ValueError, AssertionError, zipfile.BadZipFile, zlib.error, EOFError):
                raise BackupError(f"{damaged} (no manifest)") from None
            names = set(zf.namelist()) - {MANIFEST}
            if names != set(files) or DB_NAME not in names:
                raise BackupError(f"{damaged} (its files do not match its manifest)")
            for name in sorted(names):
                if not _safe_name(name):
                    raise BackupError(f"{damaged} (a file is named {name!r})")
                dest = work / name
                dest.parent.mkdir(parents=True, exist_ok=True)
                digest = hashlib.sha256()
                try:
                    with zf.open(name) as src, open(dest, "xb") as out:
                        for chunk in iter(lambda: src.read(_CHUNK), b""):
                            digest.update(chunk)
                            out.write(chunk)
                except (zipfile.BadZipFile, EOFError, zlib.error):  # a bad CRC, a cut stream
                    raise BackupError(f"{damaged} ({name} cannot be read)") from None
                except OSError as exc:
                    raise BackupError(f"{target}: cannot be written ({exc.strerror})") from None
                if digest.hexdigest() != files[name].get("sha256"):
                    raise BackupError(f"{damaged} ({name} does not match its checksum)")
        conn = sqlite3.connect(work / DB_NAME)
        try:
            ok = conn.execute("PRAGMA integrity_check").fetchone()
        except sqlite3.DatabaseError:
            ok = None
        finally:
            conn.close()
        if not ok or ok[0] != "ok":
            raise BackupError(f"{damaged} (its database fails SQLite's integrity check)")
        if target.exists():
            target.rmdir()  # empty, checked above
        os.replace(work, target)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return len(files)


def daily_due(data_dir: Path, on: dt.date) -> Path | None:
    """Where today's automatic backup goes, if one is due: there is none for ``on`` yet, or the
    database changed after it. None when it is up to date."""
    out = data_dir / BACKUP_FOLDER / f"clinic-{on.isoformat()}.zip"
    if out.is_file() and out.stat().st_mtime >= _newest_change(data_dir / DB_NAME):
        return None
    return out


def daily_backup(data_dir: Path, now: dt.datetime, on: dt.date) -> BackupInfo | None:
    """Today's (``on``, the clinic's date) automatic backup in ``backups/``, if due
    (:func:`daily_due`); the newest :data:`KEEP` kept. None when nothing was due."""
    out = daily_due(data_dir, on)
    if out is None:
        return None
    folder = out.parent
    info = write_backup(data_dir, out, now)
    for old in sorted(folder.glob("clinic-*.zip"), reverse=True)[KEEP:]:
        with contextlib.suppress(OSError):
            old.unlink()
    return info


def _newest_change(db_path: Path) -> float:
    times = [p.stat().st_mtime for p in (db_path, Path(f"{db_path}-wal")) if p.exists()]
    return max(times, default=0.0)
