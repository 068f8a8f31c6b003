"""The draft mark: "DRAFT - NOT FOR FILING" across every page of a PDF, form fields kept.

Every page of a packet carries it until an attorney approves exactly that packet. A packet's
draft copies are made once, when it is built, and kept encrypted beside the clean files
(``clinic.core.packets``); the prepared templates of the official forms carry it already
(``clinic.packet.template``), so a draft form costs no more to fill than a clean one.
"""

from __future__ import annotations

import io
import math

from reportlab.lib import colors  # type: ignore[import-untyped]
from reportlab.lib.pagesizes import LETTER  # type: ignore[import-untyped]
from reportlab.pdfbase import pdfmetrics  # type: ignore[import-untyped]
from reportlab.pdfgen.canvas import Canvas  # type: ignore[import-untyped]

from clinic.packet.fonts import DocumentError, fonts

__all__ = ["DRAFT_TEXT", "draft_mark"]

DRAFT_TEXT = "DRAFT - NOT FOR FILING"


def draft_mark(pdf: bytes, text: str = DRAFT_TEXT) -> bytes:
    """Stamp ``text`` diagonally, light and semi-transparent, across every page of ``pdf``.

    The stamp is merged into each page's content (so it prints everywhere), turned with the
    page's ``/Rotate`` so that it reads diagonally as the page is shown, and repeated in small
    upright letters at the top edge (where text extraction and a photocopy find it too); the form
    fields, their values and the AcroForm are kept.
    """
    from pypdf import PdfReader, PdfWriter
    from pypdf.errors import PdfReadError

    _, bold = fonts()
    try:
        reader = PdfReader(io.BytesIO(pdf))
        if reader.is_encrypted:
            reader.decrypt("")
        writer = PdfWriter(clone_from=reader)
    except (PdfReadError, OSError, ValueError) as exc:
        raise DocumentError(f"the PDF cannot be read ({type(exc).__name__})") from None

    overlay_buffer = io.BytesIO()
    overlay = Canvas(overlay_buffer, pagesize=LETTER, initialFontName=bold, invariant=1)
    unit_width = pdfmetrics.stringWidth(text, bold, 1)
    for page in writer.pages:
        box = page.cropbox
        left, bottom = float(box.left), float(box.bottom)
        width, height = float(box.width), float(box.height)
        rotation = int(page.rotation or 0) % 360
        shown_w, shown_h = (height, width) if rotation in (90, 270) else (width, height)
        diagonal = math.hypot(shown_w, shown_h)
        size = min(0.72 * diagonal / unit_width, 0.3 * min(shown_w, shown_h))
        angle = math.degrees(math.atan2(shown_h, shown_w)) + rotation
        overlay.setPageSize((left + width, bottom + height))
        overlay.saveState()
        overlay.translate(left + width / 2, bottom + height / 2)
        overlay.rotate(angle)
        overlay.setFont(bold, size)
        overlay.setFillColor(colors.Color(0.85, 0.1, 0.1, alpha=0.22))
        overlay.setFillAlpha(0.22)
        overlay.drawCentredString(0, -size * 0.35, text)
        overlay.restoreState()
        # the same words, small and upright, in the top margin as the page is shown
        overlay.saveState()
        overlay.translate(left + width / 2, bottom + height / 2)
        overlay.rotate(rotation)
        overlay.setFont(bold, 7)
        overlay.setFillColor(colors.Color(0.8, 0.1, 0.1))
        overlay.drawCentredString(0, shown_h / 2 - 9, text)
        overlay.restoreState()
        overlay.showPage()
    overlay.save()
    stamps = PdfReader(io.BytesIO(overlay_buffer.getvalue()))
    for page, stamp in zip(writer.pages, stamps.pages, strict=True):
        page.merge_page(stamp)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
