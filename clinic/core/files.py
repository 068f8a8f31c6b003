"""Files a person asked for (an export, a report, a draft pack, the org key file), written whole
or not at all, with an error that names the file when it cannot be written."""

from __future__ import annotations

import os
from pathlib import Path

from clinic.errors import UsageError
from clinic.safefile import write_atomically
from clinic.store.clinic import DB_NAME


def outside_clinic_folders(path: Path) -> Path:
    """``path``, unless it names a clinic's database or lies anywhere inside a clinic's data
    folder (the folder of a ``clinic.db``, or any folder under it: its packets, its backups):
    an export never overwrites or lands among a clinic's data (:class:`UsageError`)."""
    absolute = path.expanduser().resolve()  # "forms/.." and links as the system follows them
    if absolute.name.startswith(DB_NAME):
        raise UsageError(f"{path}: names a clinic's database; choose another place")
    start = absolute if absolute.is_dir() else absolute.parent
    for folder in (start, *start.parents):
        if (folder / DB_NAME).exists():
            raise UsageError(
                f"{path}: inside a clinic's data folder ({folder}, beside its {DB_NAME}); "
                "choose another place"
            )
    return path


def ready_folder(path: Path) -> Path:
    """``path`` checked as a folder files can be written into, before any work is done for it:
    outside every clinic's data folder, not a file, and in a place this user may write (the
    folder, or the nearest one above it that exists). Nothing is made here: a refusal later
    leaves no empty folder behind (:class:`UsageError` naming the folder and the problem)."""
    outside_clinic_folders(path)
    if path.exists() and not path.is_dir():
        raise UsageError(f"{path}: is a file, not a folder; choose a folder for the packet")
    existing = path.expanduser().resolve()
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    if not existing.is_dir():
        raise UsageError(f"{path}: {existing} is a file, not a folder; choose a folder")
    return _may_write_in(path, existing)


def ready_file(path: Path) -> Path:
    """``path`` checked as a file to write, before anything is read or done for it: outside
    every clinic's data folder, not a folder, in a folder that exists (a mistyped USB path is
    refused, never made on the laptop's own disk) and may be written (:class:`UsageError`)."""
    outside_clinic_folders(path)
    if path.is_dir():
        raise UsageError(f"{path}: is a folder; give a file name in it")
    folder = path.expanduser().resolve().parent
    if not folder.is_dir():
        raise UsageError(f"{path}: the folder {folder} does not exist")
    return _may_write_in(path, folder)


def _may_write_in(path: Path, folder: Path) -> Path:
    """``path``, when this user may make files in ``folder`` (:class:`UsageError` if not)."""
    if not os.access(folder, os.W_OK | os.X_OK):
        raise UsageError(f"{path}: cannot be written (no permission to write in {folder})")
    return path


def write_file(path: Path, data: bytes, *, private: bool = True) -> Path:
    """Write ``data`` to ``path`` atomically (:func:`clinic.safefile.write_atomically`), never
    into a clinic's data folder; readable by its owner only unless ``private`` is False."""
    outside_clinic_folders(path)
    try:
        return write_atomically(path, data, private=private)
    except OSError as exc:
        raise UsageError(f"{path}: cannot be written ({exc.strerror})") from None


def write_clinic_file(path: Path, data: bytes) -> Path:
    """Write one of the clinic's own files inside its data folder (installed rules data),
    whole or not at all; readable by its owner only."""
    try:
        return write_atomically(path, data, private=True)
    except OSError as exc:
        raise UsageError(f"{path}: cannot be written ({exc.strerror})") from None
