"""Files a person asked for (an export, a report, a draft pack, the org key file), written whole
or not at all, with an error that names the file when it cannot be written."""

from __future__ import annotations

from pathlib import Path

from clinic.errors import UsageError
from clinic.safefile import write_atomically


def write_file(path: Path, data: bytes, *, private: bool = False) -> Path:
    """Write ``data`` to ``path`` atomically (:func:`clinic.safefile.write_atomically`); a
    ``private`` file is readable by its owner only."""
    try:
        return write_atomically(path, data, private=private)
    except OSError as exc:
        raise UsageError(f"{path}: cannot be written ({exc.strerror})") from None
