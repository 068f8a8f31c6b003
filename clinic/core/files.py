"""Files a person asked for (an export, a report, a draft pack, the org key file), written whole
or not at all, with an error that names the file when it cannot be written."""

from __future__ import annotations

from pathlib import Path

from clinic.errors import UsageError
from clinic.safefile import write_atomically
from clinic.store.clinic import DB_NAME


def outside_clinic_folders(path: Path) -> Path:
    """``path``, unless it is in a clinic's data folder (beside a ``clinic.db``) or names the
    database itself: an export never overwrites a clinic's data (:class:`UsageError`)."""
    folder = path if path.is_dir() else path.parent
    if path.name.startswith(DB_NAME) or (folder / DB_NAME).exists():
        raise UsageError(
            f"{path}: inside a clinic's data folder (beside its {DB_NAME}); choose another place"
        )
    return path


def write_file(path: Path, data: bytes, *, private: bool = True) -> Path:
    """Write ``data`` to ``path`` atomically (:func:`clinic.safefile.write_atomically`), never
    into a clinic's data folder; readable by its owner only unless ``private`` is False."""
    outside_clinic_folders(path)
    try:
        return write_atomically(path, data, private=private)
    except OSError as exc:
        raise UsageError(f"{path}: cannot be written ({exc.strerror})") from None
