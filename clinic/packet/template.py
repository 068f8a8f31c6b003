"""Prepared templates: fill an official form in milliseconds by appending an incremental update.

Preparing (once per official file, at install or on first use in a process): the verified PDF is
decrypted, its ``/XFA`` and ``/Perms`` removed, ``NeedAppearances`` off, checkbox appearance
states made direct (:func:`direct_states`), and **every field cleared**; pypdf writes it with a
classic cross-reference table. An index records, for each widget, its object number, its
dictionary without ``/V``, ``/AS`` and text appearances, and what drawing its value needs
(rectangle, ``/DA``, comb, multiline, choice labels).

Filling appends to the template's bytes the changed widgets (new ``/V``, ``/AS``, and an
appearance stream for text), a cross-reference section and a trailer pointing back with
``/Prev`` (PDF 1.7 section 7.5.6): nothing is parsed, nothing is copied. Every viewer and printer
reads the result as the filled form. :func:`fill_prepared` returns ``None`` for anything it does
not handle (a widget without its own name, text not in Latin-1), and the caller then uses pypdf.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import io
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from clinic.packet.packs import COMB_FLAG, Pack, PdfField, open_pdf, qualified_name, verify_pdf
from clinic.packet.stamp import draft_mark
from clinic.safefile import write_atomically

MULTILINE_FLAG = 1 << 12
PADDING = 2.0


@dataclass(frozen=True)
class Widget:
    """What filling one widget needs, read once from the prepared template."""

    num: int
    gen: int
    body: str  # the widget dictionary without /V, /AS (and /AP for text), as PDF source
    kind: str  # /Tx /Btn /Ch
    width: float
    height: float
    da: str
    flags: int
    max_length: int
    labels: dict[str, str]


@dataclass(frozen=True)
class Template:
    """A prepared template: its bytes and its widget index."""

    data: bytes
    startxref: int
    size: int
    root: str
    info: str | None
    fonts: str  # the AcroForm /DR /Font dictionary, as PDF source
    widgets: dict[str, list[Widget]]
    fields: dict[str, PdfField]  # of the official file, as verified


def _pdf(obj: Any) -> str:
    buffer = io.BytesIO()
    obj.write_to_stream(buffer)
    return buffer.getvalue().decode("latin-1")


def prepare(official: Path, pack: Pack) -> Template:
    """Verify an official PDF in full against its pack, then decrypt, clean and clear it, and
    index its widgets."""
    from pypdf import PdfWriter
    from pypdf.generic import BooleanObject, NameObject, TextStringObject

    reader = open_pdf(official)
    fields = verify_pdf(official, pack, reader=reader, deep=True)
    writer = PdfWriter(clone_from=reader)
    root = writer._root_object
    acro: Any = root["/AcroForm"].get_object()
    if "/XFA" in acro:
        del acro[NameObject("/XFA")]
    if "/Perms" in root:
        del root[NameObject("/Perms")]
    acro[NameObject("/NeedAppearances")] = BooleanObject(False)
    # clear every value: a copy that arrives filled in must never pass its data on
    for page in writer.pages:
        for annot in page.get("/Annots") or []:
            widget = annot.get_object()
            if widget.get("/Subtype") != "/Widget":
                continue
            target = widget if "/T" in widget else widget["/Parent"].get_object()
            kind = str(target.get("/FT") or widget.get("/FT") or "")
            if kind == "/Btn":
                widget[NameObject("/AS")] = NameObject("/Off")
                target[NameObject("/V")] = NameObject("/Off")
                direct_states(widget)
            elif "/V" in target:
                target[NameObject("/V")] = TextStringObject("")
                if "/AP" in widget:
                    del widget[NameObject("/AP")]
    buffer = io.BytesIO()
    writer.write(buffer)
    return index(buffer.getvalue(), fields)


def direct_states(widget: Any) -> None:
    """Make a checkbox's appearance state dictionaries (``/AP /N``, ``/D``, ``/R``) direct objects.

    The PDF allows ``/N`` to be a reference to its dictionary of states, and the I-765 03/11/16
    file has exactly that; poppler (pdftoppm, and the Linux viewers built on it: Evince, Okular)
    then draws no state at all, so a ticked box shows empty. The states' streams stay shared."""
    from pypdf.generic import DictionaryObject, NameObject, StreamObject

    if "/AP" not in widget:
        return
    ap = widget["/AP"].get_object()
    for key in ("/N", "/D", "/R"):
        raw = ap.raw_get(key) if key in ap else None
        if raw is None or raw is raw.get_object():
            continue  # absent or already direct
        states = raw.get_object()
        if isinstance(states, DictionaryObject) and not isinstance(states, StreamObject):
            ap[NameObject(key)] = DictionaryObject(
                {NameObject(k): states.raw_get(k) for k in states}
            )


def index(data: bytes, fields: dict[str, PdfField]) -> Template:
    """Index a prepared template's widgets."""
    from pypdf import PdfReader
    from pypdf.generic import NameObject

    reader = PdfReader(io.BytesIO(data))
    startxref = int(re.findall(rb"startxref\s+(\d+)", data)[-1])
    trailer: Any = reader.trailer
    acro: Any = trailer["/Root"]["/AcroForm"]
    dr = acro.get("/DR")
    fonts = (
        _pdf(dr.get_object()["/Font"]) if dr is not None and "/Font" in dr.get_object() else "<<>>"
    )
    default_da = str(acro.get("/DA") or "/Helv 0 Tf 0 g")
    widgets: dict[str, list[Widget]] = {}
    for page in reader.pages:
        for annot in page.get("/Annots") or []:
            widget = annot.get_object()
            if widget.get("/Subtype") != "/Widget":
                continue
            name = qualified_name(widget)
            if "/T" not in widget or not hasattr(annot, "idnum"):
                widgets.setdefault(name, []).append(
                    Widget(-1, 0, "", "", 0, 0, "", 0, 0, {})  # not handled: pypdf fills it
                )
                continue
            kind = str(widget.get("/FT") or "")
            skip = {"/V", "/AS"} | ({"/AP"} if kind != "/Btn" else set())
            body = "<<" + "".join(
                f"{_pdf(NameObject(k))} {_pdf(v)}" for k, v in widget.items() if k not in skip
            )
            rect = [float(x) for x in widget["/Rect"]]
            opts = widget.get("/Opt") or []
            labels = {
                str(o[0]): str(o[1])
                for o in opts
                if isinstance(o, list) and len(o) == 2 and str(o[0]) != str(o[1])
            }
            widgets.setdefault(name, []).append(
                Widget(
                    num=annot.idnum,
                    gen=annot.generation,
                    body=body,
                    kind=kind,
                    width=abs(rect[2] - rect[0]),
                    height=abs(rect[3] - rect[1]),
                    da=str(widget.get("/DA") or default_da),
                    flags=int(widget.get("/Ff") or 0),
                    max_length=int(widget.get("/MaxLen") or 0),
                    labels=labels,
                )
            )
    return Template(
        data=data,
        startxref=startxref,
        size=int(trailer["/Size"]),
        root=_pdf(trailer.raw_get("/Root")),
        info=_pdf(trailer.raw_get("/Info")) if "/Info" in trailer else None,
        fonts=fonts,
        widgets=widgets,
        fields=fields,
    )


def boxes(template: Template) -> dict[str, list[Box]]:
    """Every text widget's box, by field name (what :func:`fitted_size` measures in)."""
    return {
        name: [Box(w.da, w.width, w.height, w.flags, w.max_length) for w in ws if w.width > 0]
        for name, ws in template.widgets.items()
    }


def reader_boxes(reader: Any) -> dict[str, list[Box]]:
    """The same from a PDF open in pypdf (the reference fill)."""
    acro: Any = reader.trailer["/Root"]["/AcroForm"]
    default_da = str(acro.get("/DA") or "/Helv 0 Tf 0 g")
    found: dict[str, list[Box]] = {}
    for page in reader.pages:
        for annot in page.get("/Annots") or []:
            widget = annot.get_object()
            if widget.get("/Subtype") != "/Widget" or "/Rect" not in widget:
                continue
            parent = widget.get("/Parent")
            inherited = parent.get_object() if parent is not None else {}
            rect = [float(x) for x in widget["/Rect"]]
            found.setdefault(qualified_name(widget), []).append(
                Box(
                    da=str(widget.get("/DA") or inherited.get("/DA") or default_da),
                    width=abs(rect[2] - rect[0]),
                    height=abs(rect[3] - rect[1]),
                    flags=int(widget.get("/Ff") or inherited.get("/Ff") or 0),
                    max_length=int(widget.get("/MaxLen") or inherited.get("/MaxLen") or 0),
                )
            )
    return found


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def _name(value: str) -> str:
    """A PDF name (``/AM NOT`` -> ``/AM#20NOT``)."""
    return "/" + "".join(
        c if c.isalnum() or c in "-_.*+" else f"#{ord(c):02X}" for c in value.lstrip("/")
    )


def _font(da: str, height: float) -> tuple[str, float]:
    tokens = da.split()
    font, size = "/Helv", 0.0
    for i, tok in enumerate(tokens):
        if tok == "Tf" and i >= 2:
            font, size = tokens[i - 2], float(tokens[i - 1])
    return font, size


def _text_width(text: str, font: str, size: float) -> float:
    from reportlab.pdfbase.pdfmetrics import stringWidth  # type: ignore[import-untyped]

    face = "Courier" if "Courier" in font else "Helvetica"
    return float(stringWidth(text, face, size))


LEGIBLE_MIN = 6.0  # points: the smallest size a value is drawn at (a smaller box's own size)
LINE_HEIGHT = 1.15


@dataclass(frozen=True)
class Box:
    """What drawing a value in one widget depends on: its font and size, size and kind."""

    da: str
    width: float
    height: float
    flags: int
    max_length: int


def _wrap(text: str, font: str, size: float, width: float) -> list[str]:
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for word in paragraph.split(" "):
            trial = f"{line} {word}".strip()
            if line and _text_width(trial, font, size) > width - 2 * PADDING:
                lines.append(line)
                line = word
            else:
                line = trial
        lines.append(line)
    return lines


def _start_size(size: float, height: float, flags: int) -> float:
    if size:
        return size
    if flags & MULTILINE_FLAG:
        return 9.0
    return min(10.0, max(4.0, (height - 2) * 0.75))


def fitted_size(box: Box, text: str) -> float | None:
    """The font size :func:`appearance_stream` draws ``text`` at in ``box``: its own size, made
    smaller in half points down to a legible minimum (:data:`LEGIBLE_MIN`, or the box's own
    size when that is smaller) until every glyph is inside the box; ``None`` when it cannot
    fit (comb fields: one character per cell)."""
    font, size = _font(box.da, box.height)
    if box.flags & COMB_FLAG and box.max_length:
        return (size or min(10.0, box.height * 0.7)) if len(text) <= box.max_length else None
    size = _start_size(size, box.height, box.flags)
    floor = min(LEGIBLE_MIN, size)
    inner = box.width - 2 * PADDING
    while size >= floor:
        if box.flags & MULTILINE_FLAG:
            lines = _wrap(text, font, size, box.width)
            tall = (len(lines) - 1) * size * LINE_HEIGHT + size + 2 * PADDING
            if tall <= box.height and all(_text_width(x, font, size) <= inner for x in lines):
                return size
        elif _text_width(text, font, size) <= inner:
            return size
        size -= 0.5
    return None


def appearance_stream(
    da: str, width: float, height: float, flags: int, max_length: int, text: str
) -> bytes:
    """The content of a text box's appearance: ``text`` in comb cells (one character per box),
    wrapped lines (multiline), or one line, at the size :func:`fitted_size` measures (a value
    that cannot fit never reaches here: the packet puts it on the addendum)."""
    font, own = _font(da, height)
    box = Box(da, width, height, flags, max_length)
    size = fitted_size(box, text) or min(LEGIBLE_MIN, _start_size(own, height, flags))
    if flags & COMB_FLAG and max_length:
        cell = width / max_length
        base = (height - size * 0.7) / 2
        runs = [
            f"1 0 0 1 {i * cell + (cell - size * 0.6) / 2:.2f} {base:.2f} Tm ({_escape(c)}) Tj"
            for i, c in enumerate(text[:max_length])
        ]
    elif flags & MULTILINE_FLAG:
        top = height - PADDING - size
        runs = [
            f"1 0 0 1 {PADDING:.2f} {top - n * size * LINE_HEIGHT:.2f} Tm ({_escape(s)}) Tj"
            for n, s in enumerate(_wrap(text, font, size, width))
        ]
    else:
        base = (height - size * 0.7) / 2
        runs = [f"1 0 0 1 {PADDING:.2f} {base:.2f} Tm ({_escape(text)}) Tj"]
    body = "\n".join(runs)
    return f"/Tx BMC q BT {font} {size:.2f} Tf 0 g\n{body}\nET Q EMC".encode("latin-1")


def fill_prepared(template: Template, values: dict[str, str]) -> bytes | None:
    """The template with ``values`` appended as an incremental update (``None``: not handled)."""
    out = bytearray(template.data)
    if not out.endswith(b"\n"):
        out += b"\n"
    offsets: dict[tuple[int, int], int] = {}
    next_num = template.size
    for name, value in values.items():
        if value in ("", "/Off"):
            continue  # the template is already cleared
        for w in template.widgets.get(name, []):
            if w.num < 0:
                return None
            if w.kind == "/Btn":
                state = _name(value)
                extra = f"/V {state} /AS {state}"
            else:
                shown = w.labels.get(value, value)
                try:
                    stream = appearance_stream(
                        w.da, w.width, w.height, w.flags, w.max_length, shown
                    )
                    encoded = _escape(value).encode("latin-1")
                except UnicodeEncodeError:
                    return None
                ap = next_num
                next_num += 1
                offsets[(ap, 0)] = len(out)
                head = (
                    f"{ap} 0 obj\n<</Type/XObject/Subtype/Form/BBox[0 0 {w.width:.2f} "
                    f"{w.height:.2f}]/Resources<</Font {template.fonts}>>/Length {len(stream)}>>\n"
                    "stream\n"
                )
                out += head.encode("latin-1") + stream + b"\nendstream\nendobj\n"
                extra = f"/V ({encoded.decode('latin-1')}) /AP <</N {ap} 0 R>>"
            offsets[(w.num, w.gen)] = len(out)
            out += f"{w.num} {w.gen} obj\n{w.body} {extra}>>\nendobj\n".encode("latin-1")
    xref = len(out)
    lines = ["xref"]
    for (num, gen), offset in sorted(offsets.items()):
        lines.append(f"{num} 1")
        lines.append(f"{offset:010d} {gen:05d} n\r")
    info = f" /Info {template.info}" if template.info else ""
    lines.append(
        f"trailer\n<</Size {next_num} /Root {template.root}{info} /Prev {template.startxref}>>\n"
        f"startxref\n{xref}\n%%EOF\n"
    )
    out += "\n".join(lines).encode("latin-1")
    return bytes(out)


def _to_json(template: Template) -> dict[str, Any]:
    return {
        "format": 1,
        "sha256": hashlib.sha256(template.data).hexdigest(),
        "startxref": template.startxref,
        "size": template.size,
        "root": template.root,
        "info": template.info,
        "fonts": template.fonts,
        "widgets": {n: [dataclasses.asdict(w) for w in ws] for n, ws in template.widgets.items()},
        "fields": {
            n: {**dataclasses.asdict(f), "on_states": sorted(f.on_states), "pages": sorted(f.pages)}
            for n, f in template.fields.items()
        },
    }


def _from_json(raw: dict[str, Any], data: bytes) -> Template | None:
    if raw.get("format") != 1 or raw.get("sha256") != hashlib.sha256(data).hexdigest():
        return None
    return Template(
        data=data,
        startxref=int(raw["startxref"]),
        size=int(raw["size"]),
        root=str(raw["root"]),
        info=raw.get("info"),
        fonts=str(raw["fonts"]),
        widgets={n: [Widget(**w) for w in ws] for n, ws in raw["widgets"].items()},
        fields={
            n: PdfField(**{**f, "on_states": set(f["on_states"]), "pages": set(f["pages"])})
            for n, f in raw["fields"].items()
        },
    )


OWN_FOLDER = ".clinicday-forms"  # marks a forms folder ClinicDay installed into


def cache_dir() -> Path:
    """This user's cache folder for ClinicDay (``CLINIC_CACHE``, else the platform's: Windows
    ``%LOCALAPPDATA%``, macOS ``~/Library/Caches``, else ``$XDG_CACHE_HOME`` or ``~/.cache``)."""
    import os
    import sys

    if os.environ.get("CLINIC_CACHE"):
        return Path(os.environ["CLINIC_CACHE"])
    if sys.platform == "win32" and os.environ.get("LOCALAPPDATA"):
        return Path(os.environ["LOCALAPPDATA"]) / "ClinicDay" / "Cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "ClinicDay"
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "clinicday"


class TemplateCache:
    """Prepared templates by pack and the official file's SHA-256: kept for the life of the
    process, and saved beside installed forms (``.prepared/``) when that folder is writable, so
    only the first use of a file verifies it in full; later fills only compare the hash."""

    def __init__(self) -> None:
        self._by_key: dict[tuple[str, str], Template] = {}

    def get(self, official: Path, pack: Pack, sha256: str, *, draft: bool = False) -> Template:
        """The prepared template; ``draft=True``: the same with "DRAFT - NOT FOR FILING" already
        stamped on every page, so a draft packet costs no more than a final one."""
        key = (pack.key, sha256 + ("-draft" if draft else ""))
        template = self._by_key.get(key)
        if template is None:
            template = self._load(official, key[1]) or self._save(official, pack, sha256, draft)
            self._by_key[key] = template
        return template

    @staticmethod
    def _paths(official: Path, name: str) -> tuple[Path, Path]:
        """Beside a clinic's installed forms (the folder ``clinic forms install`` keeps, marked
        :data:`OWN_FOLDER`); for any other folder (``--forms-dir``, a shared copy), in this
        user's cache: never written into a folder ClinicDay does not own."""
        if (official.parent / OWN_FOLDER).is_file():
            folder = official.parent / ".prepared"
        else:
            folder = cache_dir() / "prepared"
        return folder / f"{name[:32]}{name[64:]}.pdf", folder / f"{name[:32]}{name[64:]}.json"

    def _load(self, official: Path, name: str) -> Template | None:
        pdf, meta = self._paths(official, name)
        try:
            return _from_json(json.loads(meta.read_text(encoding="utf-8")), pdf.read_bytes())
        except (OSError, ValueError, KeyError, TypeError):
            return None  # missing or damaged: prepare again

    def _save(self, official: Path, pack: Pack, sha256: str, draft: bool) -> Template:
        if draft:
            clean = self.get(official, pack, sha256)
            template = index(draft_mark(clean.data), clean.fields)
        else:
            template = prepare(official, pack)
        pdf, meta = self._paths(official, sha256 + ("-draft" if draft else ""))
        with contextlib.suppress(OSError):  # a read-only folder keeps the template in memory
            pdf.parent.mkdir(parents=True, exist_ok=True)
            write_atomically(pdf, template.data)
            write_atomically(meta, json.dumps(_to_json(template)).encode())
        return template


CACHE = TemplateCache()
