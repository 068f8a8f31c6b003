"""Write a file whole or not at all: a temporary file beside it, fsync, then rename.

Used wherever ClinicDay writes a file a person asked for (an export, a packet, a draft pack) and
for the encrypted packet files, so that a crash never leaves half a file (Electrum's storage does
the same).
"""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path


def write_atomically(path: Path, data: bytes, *, private: bool = False) -> Path:
    """Write ``data`` to ``path`` atomically; on ``OSError`` nothing is left behind. A
    ``private`` file (a key file) is readable by its owner only, from its first byte."""
    # a fresh random name, created exclusively and never through a link: a name planted
    # beforehand (a symlink to another file) is refused, not written through
    tmp = path.with_name(f".{path.name}.tmp-{secrets.token_hex(8)}")
    mode = 0o600 if private else 0o666  # less the umask, as open() does
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    try:
        with os.fdopen(os.open(tmp, flags, mode), "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
    return path
