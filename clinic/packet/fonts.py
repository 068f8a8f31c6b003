"""The one embedded font of the packet's own pages and of the draft mark.

NanumGothic, shipped in :mod:`clinic.fonts` (or the file named by ``CLINIC_FONT``), has Hangul,
Latin with accents and Spanish punctuation, so a native-script name and the Korean and Spanish
labels print as letters, never as empty boxes. A font that lacks them is refused with
:class:`DocumentError`, which says what to do.

The lowest module of the packet's drawing: :mod:`clinic.packet.stamp` (the draft mark) and
:mod:`clinic.packet.documents` (cover sheet, answer sheet, checklist, addendum) both use it.
"""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

from reportlab.pdfbase import pdfmetrics  # type: ignore[import-untyped]
from reportlab.pdfbase.ttfonts import TTFError, TTFont  # type: ignore[import-untyped]

from clinic.errors import ClinicError
from clinic.fonts import font_path

__all__ = ["FONT_ENV", "NO_FONT", "DocumentError", "fonts", "hangul_font"]

FONT_ENV = "CLINIC_FONT"
NO_FONT = (
    "no font with Korean letters: this installation lacks its fonts (reinstall ClinicDay), "
    "or set CLINIC_FONT to a TrueType font with Hangul"
)
_MUST_HAVE = "한글김ñáéíóúü¿¡"  # Hangul, Spanish and accented Latin letters


class DocumentError(ClinicError, RuntimeError):
    """A packet document cannot be drawn (no usable font, a PDF that cannot be read...)."""


# -- the font ---------------------------------------------------------------------------------


_REGISTERED: dict[str, tuple[str, str]] = {}


def _font_files() -> tuple[Path, Path]:
    """The regular and bold font files: ``CLINIC_FONT`` if set, else NanumGothic."""
    override = os.environ.get(FONT_ENV)
    if override:
        regular = Path(override)
        if not regular.is_file():
            raise DocumentError(f"{NO_FONT} (CLINIC_FONT names no file)")
        bold = regular.with_name(f"{regular.stem}Bold{regular.suffix}")
        return regular, bold if bold.is_file() else regular
    shipped, shipped_bold = font_path("NanumGothic.ttf"), font_path("NanumGothicBold.ttf")
    if shipped is None:
        raise DocumentError(NO_FONT)
    return shipped, shipped_bold if shipped_bold is not None else shipped


def _register(path: Path) -> str:
    digest = hashlib.sha256(str(path.resolve()).encode()).hexdigest()[:8]
    name = f"Clinic-{re.sub(r'[^A-Za-z0-9]', '', path.stem)}-{digest}"
    if name in pdfmetrics.getRegisteredFontNames():
        return name
    try:
        font = TTFont(name, str(path))
    except (TTFError, OSError, ValueError):
        raise DocumentError(f"{NO_FONT} ({path.name} cannot be read as a TrueType font)") from None
    glyphs = font.face.charToGlyph
    if any(ord(ch) not in glyphs for ch in _MUST_HAVE):
        raise DocumentError(f"{NO_FONT} ({path.name} lacks Hangul or Spanish letters)")
    pdfmetrics.registerFont(font)
    return name


def fonts() -> tuple[str, str]:
    """Register (once) and return the names of the regular and the bold font."""
    regular, bold = _font_files()
    key = f"{regular}|{bold}"
    if key not in _REGISTERED:
        names = (_register(regular), _register(bold))
        pdfmetrics.registerFontFamily(
            names[0], normal=names[0], bold=names[1], italic=names[0], boldItalic=names[1]
        )
        _REGISTERED[key] = names
    return _REGISTERED[key]


def hangul_font() -> str:
    """Register and return the name of a TrueType font with Hangul, accented Latin and Spanish.

    NanumGothic (shipped in :mod:`clinic.fonts`), or the file in ``CLINIC_FONT``; raises
    :class:`DocumentError` when there is none. reportlab embeds the subset of the font a
    document uses.
    """
    return fonts()[0]
