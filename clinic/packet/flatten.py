"""Draw a filled form's field values into its pages, for the screen and the printer.

A filled official form keeps its values in AcroForm widgets, each with an appearance stream (the
drawn value). Viewers that render form fields (poppler, MuPDF, Acrobat, a browser) show them; a
renderer that draws page content only, as QtPdf does, shows a blank form. :func:`flatten` returns
a copy whose pages draw each visible widget's appearance as page content and carry no widgets,
so every renderer shows exactly what the filled file holds. The copy is for showing and printing
only: the packet's files, exported and stored, stay fillable.

PDF 32000-1:2008 section 12.5.5 says how an appearance is placed: its ``/BBox``, transformed by
its ``/Matrix``, is mapped onto the annotation's ``/Rect``.
"""

from __future__ import annotations

import io
import re
from typing import Any, cast

from clinic.errors import ClinicError

HIDDEN = 1 << 1  # annotation flags (PDF 32000-1 table 165)
NO_VIEW = 1 << 5


class FlattenError(ClinicError, ValueError):
    """A PDF that cannot be read to flatten it."""


def _box(values: Any) -> tuple[float, float, float, float]:
    x0, y0, x1, y1 = (float(v) for v in values)
    return min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)


def _transformed(
    bbox: tuple[float, float, float, float], matrix: list[float]
) -> tuple[float, float, float, float]:
    a, b, c, d, e, f = matrix
    xs, ys = [], []
    for x, y in ((bbox[0], bbox[1]), (bbox[0], bbox[3]), (bbox[2], bbox[1]), (bbox[2], bbox[3])):
        xs.append(a * x + c * y + e)
        ys.append(b * x + d * y + f)
    return min(xs), min(ys), max(xs), max(ys)


def _appearance(widget: Any) -> Any | None:
    """The normal appearance stream a widget shows now (its ``/AS`` state for a checkbox)."""
    ap = widget.get("/AP")
    if ap is None:
        return None
    normal = ap.get_object().get("/N")
    if normal is None:
        return None
    normal = normal.get_object()
    if "/BBox" in normal:  # a stream
        return normal
    state = widget.get("/AS")
    if state is None or str(state) not in normal:
        return None  # off, or a state with no drawing
    chosen = normal[str(state)].get_object()
    return chosen if "/BBox" in chosen else None


def has_widgets(data: bytes) -> bool:
    """Whether a PDF may hold form widgets (a cheap test before parsing)."""
    return b"/Widget" in data


def _source(obj: Any) -> bytes:
    """An object as PDF source (indirect references stay references)."""
    buffer = io.BytesIO()
    obj.write_to_stream(buffer)
    return buffer.getvalue()


def flatten(data: bytes) -> bytes:
    """A copy of the PDF ``data`` with every visible widget drawn into its page, and no widgets.
    A PDF with no widgets comes back unchanged.

    The copy is the original bytes with one incremental update appended (PDF 32000-1 section
    7.5.6): new page dictionaries and two small content streams a page. Nothing else is parsed or
    copied, so a seven-page official form flattens in a few hundredths of a second.
    """
    if not has_widgets(data):
        return data
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError
    from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, NameObject

    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            raise FlattenError("the PDF is encrypted")
        startxref = int(re.findall(rb"startxref\s+(\d+)", data[-4096:])[-1])
        size = int(cast(Any, reader.trailer["/Size"]))
        pages = list(reader.pages)
    except (PdfReadError, ValueError, KeyError, IndexError, OSError) as exc:
        raise FlattenError(f"the PDF cannot be read ({type(exc).__name__})") from None

    objects: dict[int, bytes] = {}  # new or replaced object number -> its source
    next_num = size
    before = next_num
    next_num += 1
    objects[before] = b"<</Length 2>>\nstream\nq\n\nendstream"
    for page in pages:
        ref = page.indirect_reference
        if ref is None or "/Annots" not in page:
            continue
        kept = ArrayObject()
        drawing: list[str] = []
        xobjects: dict[str, IndirectObject] = {}
        for n, annot in enumerate(cast(ArrayObject, page["/Annots"])):
            widget = annot.get_object()
            if widget.get("/Subtype") != "/Widget":
                kept.append(annot)
                continue
            stream = _appearance(widget)
            flags = int(widget.get("/F", 0))
            if flags & (HIDDEN | NO_VIEW) or stream is None or "/Rect" not in widget:
                continue
            if stream.indirect_reference is None:
                continue  # an inline appearance cannot be named from the page
            matrix = [float(v) for v in stream.get("/Matrix", [1, 0, 0, 1, 0, 0])]
            bx0, by0, bx1, by1 = _transformed(_box(stream["/BBox"]), matrix)
            rx0, ry0, rx1, ry1 = _box(widget["/Rect"])
            if bx1 - bx0 <= 0 or by1 - by0 <= 0:
                continue
            sx, sy = (rx1 - rx0) / (bx1 - bx0), (ry1 - ry0) / (by1 - by0)
            name = f"/ClinicDayField{n}"
            xobjects[name] = stream.indirect_reference
            drawing.append(
                f"q {sx:.6f} 0 0 {sy:.6f} {rx0 - sx * bx0:.4f} {ry0 - sy * by0:.4f} cm {name} Do Q"
            )
        new_page = DictionaryObject(
            {NameObject(k): page.raw_get(k) for k in page if k not in ("/Annots", "/Contents")}
        )
        if kept:
            new_page[NameObject("/Annots")] = kept
        if drawing:
            body = ("\nQ\n" + "\n".join(drawing) + "\n").encode("ascii")
            after = next_num
            next_num += 1
            objects[after] = (
                f"<</Length {len(body)}>>\nstream\n".encode("ascii") + body + b"\nendstream"
            )
            # The page's own content runs in a saved state, so whatever state it leaves behind
            # never moves the fields drawn after it.
            parts = ArrayObject([IndirectObject(before, 0, reader)])
            if "/Contents" in page:
                raw = page.raw_get("/Contents")
                existing = raw.get_object()
                if isinstance(existing, ArrayObject):
                    parts.extend(existing)
                elif isinstance(raw, IndirectObject):
                    parts.append(raw)
                else:
                    raise FlattenError("a page's content is not a stream object")
            parts.append(IndirectObject(after, 0, reader))
            new_page[NameObject("/Contents")] = parts
            resources = page.get("/Resources")
            resources = resources.get_object() if resources is not None else DictionaryObject()
            new_resources = DictionaryObject(
                {NameObject(k): resources.raw_get(k) for k in resources}
            )
            old_x = resources.get("/XObject")
            old_x = old_x.get_object() if old_x is not None else DictionaryObject()
            new_x = DictionaryObject({NameObject(k): old_x.raw_get(k) for k in old_x})
            for name, target in xobjects.items():
                new_x[NameObject(name)] = target
            new_resources[NameObject("/XObject")] = new_x
            new_page[NameObject("/Resources")] = new_resources
        elif "/Contents" in page:
            new_page[NameObject("/Contents")] = page.raw_get("/Contents")
        objects[ref.idnum] = _source(new_page)
    # The catalog without its AcroForm: the copy has no fields left to fill.
    root_ref = reader.trailer.raw_get("/Root")
    root = cast(DictionaryObject, reader.trailer["/Root"])
    if isinstance(root_ref, IndirectObject) and "/AcroForm" in root:
        new_root = DictionaryObject(
            {NameObject(k): root.raw_get(k) for k in root if k != "/AcroForm"}
        )
        objects[root_ref.idnum] = _source(new_root)

    out = bytearray(data)
    if not out.endswith(b"\n"):
        out += b"\n"
    offsets: dict[int, int] = {}
    for num in sorted(objects):
        offsets[num] = len(out)
        out += f"{num} 0 obj\n".encode("ascii") + objects[num] + b"\nendobj\n"
    xref = len(out)
    lines = ["xref"]
    for num in sorted(offsets):
        lines.append(f"{num} 1")
        lines.append(f"{offsets[num]:010d} 00000 n\r")
    trailer = DictionaryObject(
        {
            NameObject(k): reader.trailer.raw_get(k)
            for k in reader.trailer
            if k in ("/Root", "/Info", "/ID")
        }
    )
    tail = _source(trailer).decode("latin-1")
    lines.append(
        f"trailer\n{tail[:-2]} /Size {max(next_num, size)} /Prev {startxref}>>\n"
        f"startxref\n{xref}\n%%EOF\n"
    )
    out += "\n".join(lines).encode("latin-1")
    return bytes(out)
