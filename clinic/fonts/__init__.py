"""The fonts ClinicDay draws its own PDF pages with, shipped inside the package so a packet
prints the same on Windows, macOS and Linux: NanumGothic (SIL Open Font License 1.1, unmodified,
``OFL-NanumGothic.txt``) for Hangul, Latin and Spanish letters, and DejaVu Sans (Bitstream Vera
licence, ``LICENSE-DejaVu.txt``) for the letters NanumGothic lacks.

:func:`font_path` finds one with :mod:`importlib.resources`, so it works from a wheel, a source
tree or a PyInstaller build alike; no system font folder is read.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

__all__ = ["FONT_FILES", "font_path"]

FONT_FILES = ("NanumGothic.ttf", "NanumGothicBold.ttf", "DejaVuSans.ttf", "DejaVuSans-Bold.ttf")


def font_path(name: str) -> Path | None:
    """The shipped font file ``name`` on disk, or None when this installation lacks it."""
    if name not in FONT_FILES:
        raise ValueError(f"{name}: not a font ClinicDay ships")
    found = resources.files(__name__).joinpath(name)
    path = Path(str(found))
    return path if path.is_file() else None
