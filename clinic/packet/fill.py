"""Fill an official USCIS PDF from a person's answers with pypdf (DESIGN.md section 5).

The official file is decrypted (USCIS files are AES with an empty password), its ``/XFA`` and
``/Perms`` removed (otherwise viewers show the empty XFA layer or a broken signature), every field
cleared, the values set, and an appearance stream generated for every filled field so that every
viewer and printer shows the text; checkboxes get their own on-state, comb fields one character
per box. The first fill of a file does the cleaning once into a prepared template
(``clinic.packet.template``); each fill then appends its values as an incremental update, in
milliseconds. :func:`fill_with_pypdf` is the reference path (pypdf clone, set, regenerate) and the
fallback for what the fast path does not handle.

Values the form cannot take are refused with the form, item and field named: too long for the box,
not one of a choice list's options, or not in English letters (USCIS forms take English letters;
Latin letters with accents are written without them, which the packet notes; other scripts, such
as Hangul, are refused: the native-script name goes on the cover and answer sheets). List items
beyond the form's rows, and long text marked ``overflow: addendum``, continue on the addendum.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from clinic.domain.english import english_text, not_english
from clinic.errors import ClinicError
from clinic.messages import Joined, say
from clinic.packet.expr import apply_format, condition, evaluate
from clinic.packet.packs import (
    COMB_FLAG,
    FieldMap,
    Pack,
    PdfField,
    open_pdf,
    qualified_name,
    sha256_of,
    verify_pdf,
)
from clinic.packet.stamp import draft_mark
from clinic.packet.template import (
    CACHE,
    Box,
    appearance_stream,
    boxes,
    direct_states,
    fill_prepared,
    fitted_size,
    reader_boxes,
)

SEE_ADDENDUM = "See Addendum"
OFF = "/Off"


@dataclass(frozen=True)
class Problem:
    """One value a form cannot take."""

    form: str
    item: str
    field: str
    reason: str

    def __str__(self) -> str:
        return str(self.said())

    def said(self) -> str:
        """The problem as a message (said in the staff's language where it is shown)."""
        # a PDF field by its last part ("P1_Line3a_Name[0]"); an answer by its key, or by its
        # question when the builder named it (a Named)
        short = self.field.rsplit(".", 1)[-1] if "[" in self.field else self.field
        return say(
            "{form} {item} ({where}): {reason}",
            form=self.form,
            item=self.item,
            where=short,
            reason=self.reason,
        )


class FillError(ClinicError, ValueError):
    """The answers cannot be written on the form; ``problems`` names every field and reason."""

    def __init__(self, problems: list[Problem]) -> None:
        # each problem once (the two G-1450s, one per fee, refuse the same value alike)
        unique = list({str(p): p for p in problems}.values())
        super().__init__(Joined([p.said() for p in unique]))
        self.problems = unique

    @property
    def headline(self) -> str:
        return say(
            "{n} value(s) the forms cannot take; no packet was written:", n=len(self.problems)
        )

    @property
    def details(self) -> tuple[str, ...]:
        """One line per value: the form, the item and why it cannot be written."""
        return tuple(p.said() for p in self.problems)


@dataclass(frozen=True)
class AddendumEntry:
    """What continues on the addendum (USCIS Part 8 style: form, page, part and item)."""

    form: str
    page: int | None
    item: str
    text: str


@dataclass
class FilledForm:
    """A filled official form and what did not fit on it."""

    pack: Pack
    pdf: bytes
    values: dict[str, str]
    addendum: list[AddendumEntry] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    draft: bytes | None = None  # the same filled form stamped DRAFT, when asked for
    pages: dict[str, int] = field(default_factory=dict)  # item ("Part 4 Item 1") -> its page
    blank: list[str] = field(default_factory=list)  # required items left blank ("Part 2 Item 8")

    def page_of(self, item: str) -> int | None:
        """The page of an item (or of the first item of its Part: "Part 1 Item 6" -> 6.a's)."""
        if item in self.pages:
            return self.pages[item]
        found = [p for i, p in self.pages.items() if i.startswith(item + ".")]
        return min(found) if found else None


LIST_ENTRY = {  # how the addendum names one more entry of a list the form has rows for
    "travel": "Departure",
    "addresses": "Address",
    "other_names": "Other name",
    "criminal": "Arrest, charge or conviction",
}

_LIST_LABELS = {
    "departed": "Departed",
    "returned": "Returned",
    "reason": "Reason",
    "advance_parole": "Advance parole",
    "date": "Date",
    "offense": "Offense",
    "place": "Place",
    "country": "Country",
    "level": "Level",
    "outcome": "Outcome",
    "family": "Family name",
    "given": "Given name",
    "middle": "Middle name",
    "street": "Street",
    "unit_type": "Unit type",
    "unit": "Unit",
    "city": "City",
    "state": "State",
    "zip": "ZIP",
    "from": "From",
    "to": "To",
}


def describe_item(item: Mapping[str, Any]) -> str:
    """A list item (a trip, an address...) as one line for the addendum."""
    parts = []
    for key, value in item.items():
        if value is None or value == "":
            continue
        if isinstance(value, bool):
            text = "yes" if value else "no"
        elif isinstance(value, str) and len(value) == 10 and value[4] == "-" and value[7] == "-":
            text = apply_format("date", value)
        else:
            text = str(value).replace("_", " ")
        parts.append(f"{_LIST_LABELS.get(key, key.replace('_', ' ').capitalize())}: {text}")
    return "; ".join(parts)


ADDRESS_KEYS = re.compile(r"\b(mailing|physical)\.")
USPS = (  # USPS Publication 28 abbreviations: what a person writes to fit a box
    ("Apartment", "APT"), ("Suite", "STE"), ("Floor", "FL"), ("Building", "BLDG"),
    ("Street", "ST"), ("Avenue", "AVE"), ("Boulevard", "BLVD"), ("Road", "RD"),
    ("Drive", "DR"), ("Lane", "LN"), ("Court", "CT"), ("Place", "PL"), ("Terrace", "TER"),
    ("Parkway", "PKWY"), ("Highway", "HWY"), ("Circle", "CIR"), ("Square", "SQ"),
    ("Trail", "TRL"), ("Center", "CTR"), ("Heights", "HTS"), ("Mount", "MT"),
    ("Fort", "FT"), ("Saint", "ST"), ("Extension", "EXT"), ("Expressway", "EXPY"),
    ("Northeast", "NE"), ("Northwest", "NW"),
    ("Southeast", "SE"), ("Southwest", "SW"), ("North", "N"), ("South", "S"), ("East", "E"),
    ("West", "W"), ("Care of", "C/O"),
)  # fmt: skip


def usps_abbreviated(text: str) -> str:
    """``text`` with the USPS abbreviations (whole words, any case)."""
    for word, short in USPS:
        text = re.sub(rf"\b{word}\b", short, text, flags=re.IGNORECASE)
    return text


def is_address(fmap: FieldMap) -> bool:
    """A field filled from the mailing or physical address: never continued on the addendum
    (USCIS mails the receipt and the card to what the boxes say)."""
    return bool(ADDRESS_KEYS.search(str(fmap.value)))


def _fits_boxes(boxes: Sequence[Box], text: str) -> bool:
    return all(fitted_size(box, text) is not None for box in boxes)


def plan(
    pack: Pack,
    pdf: Mapping[str, PdfField],
    answers: Mapping[str, Any],
    on: dt.date,
    boxes: Mapping[str, Sequence[Box]] | None = None,
    *,
    addendum_ok: bool = True,
) -> tuple[dict[str, str], list[AddendumEntry], list[str]]:
    """Work out every field's value, the addendum and the notes; raise :class:`FillError`.

    ``boxes`` (each field's widgets) let every value be measured as its appearance draws it: a
    text that does not fit at a legible size continues on the addendum with its Part and Item,
    except an address, which is refused naming the box and a USPS abbreviation that fits.
    Without ``addendum_ok`` (an optional form, left out rather than continued) it is refused."""
    values: dict[str, str] = {}
    addendum: list[AddendumEntry] = []
    notes: list[str] = []
    problems: list[Problem] = []

    def page_of(name: str) -> int | None:
        info = pdf.get(name)
        return min(info.pages) if info and info.pages else None

    def item_page(item: str) -> int | None:
        """The page an item is on ("Part 1 Item 6" -> 6.a's page; "Part 4 Items 3-7" -> Item
        3's), from the fields the pack maps to it."""
        first = re.sub(r"Items (\S+?)-\S+", r"Item \1", item)
        pages = [
            page
            for name, fmap in pack.fields.items()
            if fmap.item == first or fmap.item.startswith((first + ".", first + " "))
            if (page := page_of(name)) is not None
        ]
        return min(pages) if pages else None

    for name, fmap in pack.fields.items():
        info = pdf.get(name)
        if fmap.type == "checkbox":
            values[name] = str(fmap.on) if condition(fmap.when, answers, on) else OFF
            continue
        raw = evaluate(fmap.value, answers, on)
        if raw is None or raw == "":
            continue
        text = apply_format(fmap.format, raw)
        problem = _check(fmap, info, text, notes)
        shown = boxes.get(name, ()) if boxes is not None and fmap.type == "text" else ()
        if not isinstance(problem, str) and not _fits_boxes(shown, problem[0]):
            problem = "too long for the box, even in small print"
        if isinstance(problem, str):
            if problem.startswith("too long") and is_address(fmap):
                short = usps_abbreviated(_check_text(fmap, info, text))
                fits = short != text and _fits(fmap, info, short) and _fits_boxes(shown, short)
                hint = f"; '{short}' would fit" if fits else "; write it shorter"
                problems.append(
                    Problem(pack.key, fmap.item, name, f"{problem}: USPS abbreviations{hint}")
                )
                continue
            if problem.startswith("too long") and fmap.type == "text" and addendum_ok:
                addendum.append(AddendumEntry(pack.key, page_of(name), fmap.item, text))
                see = SEE_ADDENDUM if _fits(fmap, info, SEE_ADDENDUM) else ""
                values[name] = see if see and _fits_boxes(shown, see) else ""
                continue
            problems.append(Problem(pack.key, fmap.item, name, problem))
            continue
        values[name] = problem[0]

    # answers the form has no box for
    for extra in pack.addendum:
        if extra.when is not None and not condition(extra.when, answers, on):
            continue
        extra_text = evaluate(extra.value, answers, on)
        if extra_text:
            why = not_english(str(extra_text))
            if why is not None:  # named by the answer it comes from
                answer = extra.value if isinstance(extra.value, str) else "addendum"
                problems.append(Problem(pack.key, extra.item, answer, why))
                continue
            addendum.append(AddendumEntry(pack.key, item_page(extra.item), extra.item, extra_text))

    # list items beyond the rows the form has
    for key in sorted({f.list_key for f in pack.fields.values() if f.list_key}):
        items = answers.get(key)
        rows = pack.list_rows(key)
        if not isinstance(items, list) or len(items) <= rows:
            continue
        first_row = min(
            (f for f in pack.fields.values() if f.list_key == key),
            key=lambda f: (f.list_index or 0, f.item),
        )
        item_of = re.sub(r"\.[a-z]+$", "", first_row.item)  # "Part 2 Item 6.a" -> "... Item 6"
        label = LIST_ENTRY.get(key, key.replace("_", " ").capitalize())
        for n, item in enumerate(items[rows:], start=rows + 1):
            said = describe_item(item) if isinstance(item, Mapping) else str(item)
            addendum.append(
                AddendumEntry(
                    pack.key,
                    page_of(first_row.name),
                    item_of,
                    f"{label} {n}: {said}",
                )
            )
    # what goes to USCIS on the addendum is in English letters too
    for i, entry in enumerate(addendum):
        why = not_english(entry.text)
        if why is not None:
            problems.append(Problem(pack.key, entry.item, "addendum", why))
            continue
        written, changed = english_text(entry.text)
        if changed:
            addendum[i] = AddendumEntry(entry.form, entry.page, entry.item, written)
    if problems:
        raise FillError(problems)
    return values, addendum, notes


def address_problems(
    pack: Pack,
    boxes_of: Mapping[str, Sequence[Box]],
    fields_of: Mapping[str, PdfField],
    answers: Mapping[str, Any],
    on: dt.date,
) -> dict[str, str]:
    """Each mailing or physical address answer the form's boxes cannot take, by answer key:
    what it would be refused for at the packet, said when it is typed."""
    found: dict[str, str] = {}
    for name, fmap in pack.fields.items():
        if fmap.type != "text" or not is_address(fmap):
            continue
        raw = evaluate(fmap.value, answers, on)
        if not raw:
            continue
        text = apply_format(fmap.format, raw)
        info = fields_of.get(name)
        checked = _check(fmap, info, text, [])
        shown = boxes_of.get(name, ())
        if not isinstance(checked, str) and _fits_boxes(shown, checked[0]):
            continue
        limit = _limit(fmap, info)
        short = usps_abbreviated(_check_text(fmap, info, text))
        fits = short != text and _fits(fmap, info, short) and _fits_boxes(shown, short)
        said = (
            f"too long for the {pack.form} box ({fmap.item}"
            + (f", {limit} characters at most" if limit else "")
            + ")"
            + (f": '{short}' (USPS abbreviations) would fit" if fits else ": write it shorter")
        )
        for key in re.findall(r"\b(?:mailing|physical)\.\w+", str(fmap.value)):
            if isinstance(answers.get(key), str) and key not in found:
                found[key] = said
    return found


def blank_items(
    pack: Pack, values: Mapping[str, str], answers: Mapping[str, Any], on: dt.date
) -> list[str]:
    """The items the filer must answer (the pack's ``required``) that the answers left blank."""
    filled = {
        pack.fields[n].item for n, v in values.items() if v not in ("", OFF) and n in pack.fields
    }
    return [
        req.name
        for req in pack.required
        if condition(req.when, answers, on) and not any(item in filled for item in req.items)
    ]


def _check_text(fmap: FieldMap, info: PdfField | None, text: str) -> str:
    """``text`` as the form would take it (English letters), or as given if it cannot be."""
    checked = _check(fmap, info, text, [])
    if isinstance(checked, tuple):
        return checked[0]
    try:
        return english_text(text)[0]
    except ValueError:
        return text


def _limit(fmap: FieldMap, info: PdfField | None) -> int | None:
    limits = [x for x in (fmap.max_length, info.max_length if info else None) if x]
    return min(limits) if limits else None


def _fits(fmap: FieldMap, info: PdfField | None, text: str) -> bool:
    limit = _limit(fmap, info)
    return limit is None or len(text) <= limit


def _check(fmap: FieldMap, info: PdfField | None, text: str, notes: list[str]) -> str | tuple[str]:
    """The value to write (as a 1-tuple), or the reason it cannot be written."""
    if fmap.english:
        original = text
        try:
            text, changed = english_text(text)
        except ValueError:
            return "not in English letters (USCIS forms take English letters only)"
        if changed:
            notes.append(f"'{original}' is written '{text}' on the forms (English letters only)")
    if fmap.type == "comb" and not text.replace(" ", "").isalnum():
        return "a box of this field takes one letter or digit"
    if fmap.type == "choice" and info is not None and info.options:
        if text not in info.options:
            return "not one of the form's choices"
    limit = _limit(fmap, info)
    if limit is not None and len(text) > limit:
        return f"too long ({len(text)} characters; the box takes {limit})"
    return (text,)


def _comb_appearance(writer: Any, widget: Any, text: str) -> None:
    """Draw one character centred in each box of a comb field (pypdf draws them as one run)."""
    from pypdf.generic import (
        ArrayObject,
        DecodedStreamObject,
        DictionaryObject,
        FloatObject,
        NameObject,
    )

    rect = [float(x) for x in widget["/Rect"]]
    width, height = rect[2] - rect[0], rect[3] - rect[1]
    max_len = 0
    obj = widget
    while obj is not None:
        obj = obj.get_object()
        if "/MaxLen" in obj:
            max_len = int(obj["/MaxLen"])
            break
        obj = obj.get("/Parent")
    if max_len <= 0:
        return
    da = str(widget.get("/DA") or "/Helv 10 Tf 0 g")
    content = appearance_stream(da, width, height, COMB_FLAG, max_len, text)
    stream = DecodedStreamObject()
    stream.set_data(content)
    stream.update(
        {
            NameObject("/Type"): NameObject("/XObject"),
            NameObject("/Subtype"): NameObject("/Form"),
            NameObject("/BBox"): ArrayObject(
                [FloatObject(0), FloatObject(0), FloatObject(width), FloatObject(height)]
            ),
        }
    )
    old = widget.get("/AP")
    if old is not None:
        normal = old.get_object().get("/N")
        if normal is not None and "/Resources" in normal.get_object():
            stream[NameObject("/Resources")] = normal.get_object()["/Resources"]
    if "/Resources" not in stream:
        dr = writer._root_object["/AcroForm"].get("/DR")
        if dr is not None:
            stream[NameObject("/Resources")] = dr
    widget[NameObject("/AP")] = DictionaryObject({NameObject("/N"): writer._add_object(stream)})


def fill_form(
    path: Path,
    pack: Pack,
    answers: Mapping[str, Any],
    on: dt.date,
    *,
    draft: bool = False,
    with_draft: bool = False,
    addendum_ok: bool = True,
) -> FilledForm:
    """Fill the official PDF at ``path`` (its edition verified against ``pack``).

    The first fill of a file verifies it in full and prepares a template (``clinic.packet.
    template``); later fills check its SHA-256 and append the values as an incremental update.
    What the fast path does not handle is filled with pypdf (:func:`fill_with_pypdf`).
    ``draft=True`` fills the draft-stamped template ("DRAFT - NOT FOR FILING" on every page).
    ``with_draft=True`` fills once and returns both: the clean form in ``pdf`` and the same
    values written into the draft-stamped template in ``draft`` (what a packet stores).
    """
    sha = sha256_of(path)
    if pack.sha256 and sha != pack.sha256:  # verification names what is wrong
        return fill_with_pypdf(path, pack, answers, on, addendum_ok=addendum_ok)
    template = CACHE.get(path, pack, sha, draft=draft)
    values, addendum, notes = plan(
        pack, template.fields, answers, on, boxes(template), addendum_ok=addendum_ok
    )
    data = fill_prepared(template, values)
    stamped: bytes | None = None
    if data is not None and with_draft and not draft:
        stamped = fill_prepared(CACHE.get(path, pack, sha, draft=True), values)
        if stamped is None:
            stamped = draft_mark(data)
    if data is None:
        filled = fill_with_pypdf(path, pack, answers, on, addendum_ok=addendum_ok)
        if draft:
            filled.pdf = draft_mark(filled.pdf)
        elif with_draft:
            filled.draft = draft_mark(filled.pdf)
        return filled
    pages = {
        fmap.item: min(template.fields[name].pages)
        for name, fmap in pack.fields.items()
        if name in template.fields and template.fields[name].pages
    }
    blank = blank_items(pack, values, answers, on)
    return FilledForm(pack, data, values, addendum, notes, draft=stamped, pages=pages, blank=blank)


def fill_with_pypdf(
    path: Path,
    pack: Pack,
    answers: Mapping[str, Any],
    on: dt.date,
    *,
    addendum_ok: bool = True,
) -> FilledForm:
    """Verify ``path`` against ``pack`` and fill it with pypdf (clone, set, regenerate): the
    reference implementation, and the path for what prepared templates do not handle."""
    from pypdf import PdfWriter
    from pypdf.generic import BooleanObject, DictionaryObject, NameObject, TextStringObject

    reader = open_pdf(path)
    pdf = verify_pdf(path, pack, reader=reader, deep=False)
    values, addendum, notes = plan(
        pack, pdf, answers, on, reader_boxes(reader), addendum_ok=addendum_ok
    )
    writer = PdfWriter(clone_from=reader)
    root = writer._root_object
    acro = root["/AcroForm"].get_object()
    assert isinstance(acro, DictionaryObject)
    if "/XFA" in acro:
        del acro[NameObject("/XFA")]
    if "/Perms" in root:
        del root[NameObject("/Perms")]
    acro[NameObject("/NeedAppearances")] = BooleanObject(False)
    # Every field starts empty: whatever a PDF already holds (a copy someone filled in) must
    # never reach a packet. Fields the pack leaves blank are cleared too.
    text_values = {
        name: values.get(name, "") for name, info in pdf.items() if info.type in ("/Tx", "/Ch")
    }
    box_values = {name: values.get(name, OFF) for name, info in pdf.items() if info.type == "/Btn"}
    # A choice whose options pair an export value with a label shows the label.
    shown = {n: pdf[n].labels.get(v, v) if n in pdf else v for n, v in text_values.items()}
    relabelled = {n: v for n, v in text_values.items() if shown[n] != v}
    for page in writer.pages:
        if text_values:
            writer.update_page_form_field_values(page, shown, auto_regenerate=False)
        for annot in page.get("/Annots") or []:
            widget = annot.get_object()
            if widget.get("/Subtype") != "/Widget":
                continue
            name = qualified_name(widget)
            if name in relabelled:
                target = widget if "/T" in widget else widget["/Parent"].get_object()
                target[NameObject("/V")] = TextStringObject(relabelled[name])
            if name in box_values:
                direct_states(widget)  # poppler draws no state behind an indirect /N
                _set_checkbox(widget, box_values[name])
            elif name in pack.fields and pack.fields[name].type == "comb":
                _comb_appearance(writer, widget, text_values[name])
    buffer = io.BytesIO()
    writer.write(buffer)
    blank = blank_items(pack, values, answers, on)
    return FilledForm(pack, buffer.getvalue(), values, addendum, notes, blank=blank)


def _set_checkbox(widget: Any, state: str) -> None:
    """Set a checkbox widget (and its field) to ``state`` if the widget has that appearance."""
    from pypdf.generic import NameObject

    normal = widget.get("/AP", {}).get_object().get("/N") if "/AP" in widget else None
    states = {str(k) for k in normal.get_object()} if normal is not None else set()
    value = state if state in states else OFF
    widget[NameObject("/AS")] = NameObject(value)
    target = widget if "/T" in widget else widget.get("/Parent", widget).get_object()
    current = str(target.get("/V", OFF))
    if value == OFF and target is not widget and current != OFF:
        return  # another widget of the same field is the one that is on
    target[NameObject("/V")] = NameObject(value)
