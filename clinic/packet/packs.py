"""Form packs: the map from an official USCIS PDF edition's fields to answers, and its checks.

A pack is ``forms/<form>/<edition date>.yaml`` (DESIGN.md section 5)::

    form: I-821D
    edition: "01/20/25"
    title: Consideration of Deferred Action for Childhood Arrivals
    filing_order: 1                 # order of the filled forms in a packet
    accepted: {from: 2025-01-20, until: null, confirmed: true}   # when USCIS accepts it
    pdf:
      sha256: "..."                 # of the official file as USCIS publishes it
      pages: 7
      edition_text: "Edition 01/20/25"   # printed on every page
      url: "https://www.uscis.gov/..."   # where `clinic forms fetch` gets it
    fields:
      "form1[0].#subform[0].P1_Line3a_Name[0]":     # the field's full name
        item: "Part 1 Item 3.a"     # where it is on the form (errors and the addendum say so)
        type: text                  # text | comb | checkbox | choice
        value: name.family          # an expression (clinic.packet.expr)
        format: upper               # optional, see clinic.packet.expr.FORMATS
        english: true               # default true for text: English letters only
        max_length: 30              # optional; the PDF's own /MaxLen always applies too
        overflow: addendum          # optional: too long -> "See Addendum", the text on the addendum
        list: {key: travel, index: 0}   # optional: this row shows item `index` of a list; the
                                    #   items no row shows continue on the addendum
      "form1[0].#subform[0].P1_Line1_Checkbox[0]":
        item: "Part 1 Item 1"
        type: checkbox
        on: /I                      # the checkbox's own on-state
        when: {request_type: initial}   # a condition (questionnaire syntax; keys may be paths)
    blank:                          # fields deliberately left blank, with the reason
      "form1[0].#subform[0].G28_Attached[0]": attorney
    addendum:                       # answers the form has no box for (explanations)
      - {item: "Part 4", value: safety.explanation, when: <condition>}

Quote the key ``"on"``: YAML 1.1 reads a bare ``on`` as true (the parser accepts both).

Every field of the PDF is either in ``fields`` or in ``blank``; :func:`verify_pdf` checks that, the
edition text on every page, the page count, each field's type, and each checkbox's on-state.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from clinic.errors import ClinicError

FIELD_TYPES = ("text", "comb", "checkbox", "choice")
BLANK_REASONS = (
    "attorney",  # for an attorney or accredited representative
    "signature",  # signed and dated by hand
    "uscis_only",  # for USCIS use, barcodes
    "interpreter",  # filled by the interpreter at the clinic
    "preparer",  # filled by the clinic's preparer
    "not_applicable",  # asks something a DACA requestor never answers (other categories...)
    "payment",  # card data is never stored: the G-1450 card fields are written by hand
)
PDF_TYPE = {"text": "/Tx", "comb": "/Tx", "checkbox": "/Btn", "choice": "/Ch"}
COMB_FLAG = 1 << 24


class PackError(ClinicError, ValueError):
    """A pack file is malformed (names the pack and the place)."""


class VerifyError(ClinicError, ValueError):
    """A PDF does not match its pack; ``problems`` lists every mismatch found."""

    def __init__(self, message: str, problems: list[str]) -> None:
        super().__init__(message)
        self.problems = problems


@dataclass(frozen=True)
class FieldMap:
    """How one PDF field is filled."""

    name: str
    item: str
    type: str
    value: Any = None
    format: str | None = None
    english: bool = True
    max_length: int | None = None
    overflow: str | None = None
    list_key: str | None = None
    list_index: int | None = None
    on: str | None = None
    when: Mapping[str, Any] | None = None


@dataclass(frozen=True)
class RequiredItem:
    """An item the filer must answer (one of ``items``, when ``when`` holds): left blank, it is
    named on the cover sheet for the attorney."""

    items: tuple[str, ...]
    when: Mapping[str, Any] | None = None

    @property
    def name(self) -> str:
        return " or ".join(self.items)


@dataclass(frozen=True)
class Signature:
    """Where the form is signed and dated by hand, and by whom (``when``: only then)."""

    items: str  # "Part 5 Items 2.a-2.b"
    who: str  # requestor | interpreter | preparer | cardholder | account holder
    when: Mapping[str, Any] | None = None


@dataclass(frozen=True)
class AddendumMap:
    """An answer the form has no box for: it goes on the addendum under ``item``."""

    item: str
    value: Any
    when: Mapping[str, Any] | None = None


@dataclass(frozen=True)
class Pack:
    """One form edition's pack."""

    form: str
    edition: str
    title: str
    filing_order: int
    accepted_from: dt.date
    accepted_until: dt.date | None
    confirmed: bool
    sha256: str
    pages: int
    edition_text: str
    url: str
    fields: Mapping[str, FieldMap]
    blank: Mapping[str, str]
    source: str = ""
    addendum: tuple[AddendumMap, ...] = ()
    required: tuple[RequiredItem, ...] = ()
    signatures: tuple[Signature, ...] = ()

    @property
    def key(self) -> str:
        """``I-821D 01/20/25``: how people name an edition."""
        return f"{self.form} {self.edition}"

    @property
    def slug(self) -> str:
        return self.form.lower()

    def accepted_on(self, day: dt.date) -> bool:
        return self.accepted_from <= day and (
            self.accepted_until is None or day <= self.accepted_until
        )

    def list_rows(self, key: str) -> int:
        """How many items of list ``key`` the form itself shows (the rest go to the addendum)."""
        indexes = {f.list_index for f in self.fields.values() if f.list_key == key}
        return 1 + max((i for i in indexes if i is not None), default=-1)


def _date(value: object, where: str) -> dt.date:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise PackError(f"{where}: not a date (YYYY-MM-DD)") from None


def _required(raw: Any, where: str) -> RequiredItem:
    """``"Part 2 Item 8"``, or ``{item: ..., when: ...}``, or ``{any: [items], when: ...}``."""
    if isinstance(raw, str):
        return RequiredItem((raw,))
    if isinstance(raw, Mapping) and ("item" in raw or "any" in raw):
        items = (str(raw["item"]),) if "item" in raw else tuple(str(i) for i in raw["any"])
        return RequiredItem(items, raw.get("when"))
    raise PackError(f"{where}: required: each entry is an item, or a mapping with item or any")


def parse_pack(data: Mapping[str, Any], source: str = "") -> Pack:
    """Build a :class:`Pack` from a loaded YAML document, checking its shape."""
    where = source or "pack"
    try:
        accepted = data.get("accepted") or {}
        pdf = data["pdf"]
        fields: dict[str, FieldMap] = {}
        for name, raw in (data.get("fields") or {}).items():
            fwhere = f"{where}: field {name}"
            if True in raw and "on" not in raw:  # YAML 1.1 reads a bare `on:` key as true
                raw = {**{k: v for k, v in raw.items() if k is not True}, "on": raw[True]}
            ftype = raw.get("type")
            if ftype not in FIELD_TYPES:
                raise PackError(f"{fwhere}: type must be one of {', '.join(FIELD_TYPES)}")
            if ftype == "checkbox" and (
                not str(raw.get("on", "")).startswith("/") or "when" not in raw
            ):
                raise PackError(
                    f"{fwhere}: a checkbox needs its on-state (/X) and a when condition"
                )
            if ftype != "checkbox" and "value" not in raw:
                raise PackError(f"{fwhere}: needs a value expression")
            lst = raw.get("list") or {}
            fields[str(name)] = FieldMap(
                name=str(name),
                item=str(raw.get("item", "")),
                type=str(ftype),
                value=raw.get("value"),
                format=raw.get("format"),
                english=bool(raw.get("english", ftype in ("text", "comb"))),
                max_length=int(raw["max_length"]) if raw.get("max_length") else None,
                overflow=raw.get("overflow"),
                list_key=lst.get("key"),
                list_index=int(lst["index"]) if "index" in lst else None,
                on=str(raw["on"]) if raw.get("on") else None,
                when=raw.get("when"),
            )
        blank = {str(k): str(v) for k, v in (data.get("blank") or {}).items()}
        bad = sorted(k for k, v in blank.items() if v not in BLANK_REASONS)
        if bad:
            raise PackError(
                f"{where}: blank reason must be one of {', '.join(BLANK_REASONS)}: {bad[0]}"
            )
        both = sorted(set(blank) & set(fields))
        if both:
            raise PackError(f"{where}: {both[0]} is both mapped and blank")
        return Pack(
            form=str(data["form"]),
            edition=str(data["edition"]),
            title=str(data.get("title", "")),
            filing_order=int(data.get("filing_order", 99)),
            accepted_from=_date(accepted.get("from"), f"{where}: accepted.from"),
            accepted_until=(
                _date(accepted["until"], f"{where}: accepted.until")
                if accepted.get("until")
                else None
            ),
            confirmed=bool(accepted.get("confirmed", False)),
            sha256=str(pdf.get("sha256", "")).lower(),
            pages=int(pdf["pages"]),
            edition_text=str(pdf["edition_text"]),
            url=str(pdf.get("url", "")),
            fields=fields,
            blank=blank,
            source=source,
            addendum=tuple(
                AddendumMap(str(a["item"]), a["value"], a.get("when"))
                for a in (data.get("addendum") or [])
            ),
            required=tuple(_required(r, where) for r in (data.get("required") or [])),
            signatures=tuple(
                Signature(str(g["items"]), str(g["who"]), g.get("when"))
                for g in (data.get("signatures") or [])
            ),
        )
    except (KeyError, TypeError, AttributeError) as exc:
        raise PackError(f"{where}: malformed pack ({type(exc).__name__}: {exc})") from None


def forms_dir() -> Path:
    """The ``forms/`` folder of packs: ``CLINIC_FORMS``, the desktop build's, an installed
    wheel's (``clinic/_data/forms``), or the source tree's."""
    import os
    import sys

    override = os.environ.get("CLINIC_FORMS")
    if override:
        return Path(override)
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle and (Path(bundle) / "forms").is_dir():
        return Path(bundle) / "forms"
    installed = Path(__file__).resolve().parent.parent / "_data" / "forms"  # a wheel's
    if installed.is_dir():
        return installed
    return Path(__file__).resolve().parent.parent.parent / "forms"  # the source tree


def load_pack(path: Path) -> Pack:
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml: about 5x faster
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=loader)  # noqa: S506 - a safe loader
    except (OSError, yaml.YAMLError) as exc:
        raise PackError(f"{path.name}: cannot be read ({type(exc).__name__})") from None
    if not isinstance(data, Mapping):
        raise PackError(f"{path.name}: not a pack")
    return parse_pack(data, source=f"{path.parent.name}/{path.name}")


def all_packs(folder: Path | None = None) -> list[Pack]:
    """Every pack under ``forms/``, in filing order."""
    base = folder or forms_dir()
    packs = [load_pack(p) for p in sorted(base.glob("*/*.yaml"))]
    return sorted(packs, key=lambda p: (p.filing_order, p.form, p.accepted_from))


# -- reading a PDF's fields ---------------------------------------------------------------


@dataclass
class PdfField:
    """What the PDF says about one terminal field."""

    name: str
    type: str  # /Tx /Btn /Ch
    flags: int
    max_length: int | None
    tooltip: str
    on_states: set[str] = field(default_factory=set)
    options: list[str] = field(default_factory=list)
    labels: dict[str, str] = field(default_factory=dict)  # export value -> what is shown
    pages: set[int] = field(default_factory=set)

    @property
    def comb(self) -> bool:
        return self.type == "/Tx" and bool(self.flags & COMB_FLAG)


def open_pdf(path: Path) -> Any:
    """Open an official PDF with pypdf, decrypting the USCIS empty-password encryption."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    # USCIS files trip pypdf's harmless "padding" warnings on decryption: not for users' eyes.
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(str(path))
        if reader.is_encrypted:
            reader.decrypt("")
        _ = len(reader.pages)
    except (PdfReadError, OSError, ValueError) as exc:
        raise VerifyError(f"{path.name}: not a readable PDF ({exc})", [str(exc)]) from None
    return reader


def _inherited(obj: Any, key: str) -> Any:
    while obj is not None:
        obj = obj.get_object()
        if key in obj:
            return obj[key]
        obj = obj.get("/Parent")
    return None


def qualified_name(widget: Any) -> str:
    """A widget's field's full name (``form1[0].#subform[0].P1_Line3a_Name[0]``)."""
    parts: list[str] = []
    obj = widget
    while obj is not None:
        obj = obj.get_object()
        if "/T" in obj:
            parts.append(str(obj["/T"]))
        obj = obj.get("/Parent")
    return ".".join(reversed(parts))


def pdf_fields(reader: Any) -> dict[str, PdfField]:
    """Every terminal field of the PDF by full name, from its widgets."""
    found: dict[str, PdfField] = {}
    for page_no, page in enumerate(reader.pages, start=1):
        for annot in page.get("/Annots") or []:
            widget = annot.get_object()
            if widget.get("/Subtype") != "/Widget":
                continue
            name = qualified_name(widget)
            ftype = str(_inherited(widget, "/FT") or "")
            entry = found.get(name)
            if entry is None:
                max_len = _inherited(widget, "/MaxLen")
                opts = _inherited(widget, "/Opt") or []
                entry = PdfField(
                    name=name,
                    type=ftype,
                    flags=int(_inherited(widget, "/Ff") or 0),
                    max_length=int(max_len) if max_len is not None else None,
                    tooltip=str(_inherited(widget, "/TU") or ""),
                    options=[str(o[0] if isinstance(o, list) else o) for o in opts],
                    labels={
                        str(o[0]): str(o[1])
                        for o in opts
                        if isinstance(o, list) and len(o) == 2 and str(o[0]) != str(o[1])
                    },
                )
                found[name] = entry
            entry.pages.add(page_no)
            ap = widget.get("/AP")
            if ftype == "/Btn" and ap is not None:
                normal = ap.get_object().get("/N")
                if normal is not None:
                    entry.on_states |= {str(k) for k in normal.get_object() if str(k) != "/Off"}
    return found


def page_texts(reader: Any) -> list[str]:
    return [page.extract_text() or "" for page in reader.pages]


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def find_edition(texts: list[str]) -> str | None:
    """The edition date printed on the pages (``Edition 01/20/25``, or on older forms
    ``Form I-765 03/11/16``), if any."""
    for text in texts:
        m = re.search(r"(?:Edition|Form\s+[A-Z]-\d+[A-Z]*)\s+(\d{2}/\d{2}/\d{2})", text)
        if m:
            return m.group(1)
    return None


def verify_pdf(
    path: Path, pack: Pack, *, check_hash: bool = True, reader: Any = None, deep: bool = True
) -> dict[str, PdfField]:
    """Check that ``path`` is the official PDF of ``pack``'s edition and matches its field map;
    return its fields.

    Raises :class:`VerifyError` listing every problem. Field names alone never make an edition
    valid: the edition printed on every page must be the pack's, and (by default) the file must be
    the exact file USCIS publishes. ``deep=False`` skips reading the pages' text when the SHA-256
    is the pack's: those exact bytes were verified in full when the pack was made (its tests read
    the edition on every page), so filling need not extract text again.
    """
    reader = reader if reader is not None else open_pdf(path)
    problems: list[str] = []
    same_bytes = bool(pack.sha256) and sha256_of(path) == pack.sha256
    if check_hash and pack.sha256 and not same_bytes:
        problems.append("its SHA-256 is not the one of the official file")
    texts: list[str] = []
    if deep or not same_bytes:
        texts = page_texts(reader)
        if len(texts) != pack.pages:
            problems.append(f"it has {len(texts)} pages; {pack.key} has {pack.pages}")
        for n, text in enumerate(texts, start=1):
            if pack.edition_text not in " ".join(text.split()):
                problems.append(f"page {n} does not show '{pack.edition_text}'")
    elif len(reader.pages) != pack.pages:
        problems.append(f"it has {len(reader.pages)} pages; {pack.key} has {pack.pages}")
    fields = pdf_fields(reader)
    mapped, blank = set(pack.fields), set(pack.blank)
    for name in sorted(set(fields) - mapped - blank):
        problems.append(f"field {name} is neither mapped nor listed as blank")
    for name in sorted((mapped | blank) - set(fields)):
        problems.append(f"field {name} of the pack is not in the PDF")
    for name, fmap in pack.fields.items():
        pdf_field = fields.get(name)
        if pdf_field is None:
            continue
        if pdf_field.type != PDF_TYPE[fmap.type]:
            problems.append(f"field {name} ({fmap.item}) is {pdf_field.type}, not {fmap.type}")
        elif fmap.type == "comb" and not pdf_field.comb:
            problems.append(f"field {name} ({fmap.item}) is not a comb field")
        elif fmap.type == "checkbox" and fmap.on not in pdf_field.on_states:
            states = ", ".join(sorted(pdf_field.on_states)) or "none"
            problems.append(f"checkbox {name} ({fmap.item}) has no on-state {fmap.on} ({states})")
    if problems:
        found = find_edition(texts or page_texts(reader))
        what = f"edition {found}" if found else "no edition date"
        raise VerifyError(
            f"{path.name} is not a verified {pack.key} ({what}; {len(problems)} problem(s))",
            problems,
        )
    return fields
