"""The packet's own documents as PDF: cover sheet, answer sheet, checklist, addendum.

Pure functions from answers (and the screening, the packs, the fees) to PDF bytes, drawn with
reportlab on US Letter (DESIGN.md section 5). Every text goes through one embedded TrueType font
that has Hangul, Latin with accents and Spanish punctuation (NanumGothic, shipped in
:mod:`clinic.fonts`, or the file named by ``CLINIC_FONT``), so the native-script name and the Korean
and Spanish labels print as letters, never as empty boxes. reportlab embeds a subset of the font.

- :func:`cover_sheet`: the person, request type, screening result and flags, the fees, how and
  where to file, the forms in filing order, what to sign;
- :func:`answer_sheet`: every answer by form, Part and Item, with the question in English and in
  the client's language (the volunteer's copy for online filing);
- :func:`checklist`: the documents to bring and attach, by situation, with boxes to tick, in
  English and the client's language (its texts: :mod:`clinic.packet.texts`, one module per
  language);
- :func:`addendum`: USCIS Part 8 style continuation pages (name and A-Number on every page).

The font is :mod:`clinic.packet.fonts`; the draft mark ("DRAFT - NOT FOR FILING" across every
page of any PDF, form fields kept) is :func:`clinic.packet.stamp.draft_mark`, named here too.

Partial records are normal: a missing answer prints as a dash or is left out, never an error.
No addresses are invented: paper filings point to the USCIS page that lists the lockboxes.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal, Protocol
from xml.sax.saxutils import escape

from reportlab.lib import colors  # type: ignore[import-untyped]
from reportlab.lib.pagesizes import LETTER  # type: ignore[import-untyped]
from reportlab.lib.styles import ParagraphStyle  # type: ignore[import-untyped]
from reportlab.lib.units import inch  # type: ignore[import-untyped]
from reportlab.pdfbase import pdfmetrics  # type: ignore[import-untyped]
from reportlab.pdfbase.ttfonts import TTFError, TTFont  # type: ignore[import-untyped]
from reportlab.pdfgen.canvas import Canvas  # type: ignore[import-untyped]
from reportlab.platypus import (  # type: ignore[import-untyped]
    CondPageBreak,
    Flowable,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from clinic.domain import languages
from clinic.domain.answers import ANSWER_KEYS, FieldKind, normalize_a_number
from clinic.domain.english import english_text
from clinic.domain.languages import FALLBACK, text_in
from clinic.domain.policy import PaymentMethod, Policy
from clinic.domain.questionnaire import Question, Questionnaire
from clinic.domain.rule_texts import HEADINGS, OUTCOME_LABELS
from clinic.fonts import font_path
from clinic.packet.expr import condition
from clinic.packet.fill import AddendumEntry
from clinic.packet.fonts import DocumentError, hangul_font
from clinic.packet.fonts import fonts as _fonts
from clinic.packet.packs import Pack
from clinic.packet.stamp import DRAFT_TEXT, draft_mark
from clinic.packet.texts import Phrase, TableName, phrase
from clinic.packet.texts import has as _has_text
from clinic.packet.texts import text as _text

__all__ = [
    "DRAFT_TEXT",
    "DocumentError",
    "addendum",
    "answer_sheet",
    "checklist",
    "cover_sheet",
    "draft_mark",
    "fees_on",
    "format_a_number",
    "hangul_font",
]

DISCLAIMER = (
    "This packet was prepared with ClinicDay for review by an attorney; it is not legal advice."
)
LOCKBOX_TEXT = "Mail to the USCIS lockbox for your state listed on uscis.gov/i-821d-addresses"
ONLINE_TEXT = "File online at my.uscis.gov; use the answer sheet"


MARGIN = 0.6 * inch
PAGE_WIDTH, PAGE_HEIGHT = LETTER
CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN
DASH = "\u2014"
GREY = colors.Color(0.38, 0.38, 0.38)
LINE = colors.Color(0.75, 0.75, 0.75)
SHADE = colors.Color(0.93, 0.93, 0.93)
# the filing order: the G-28 of an attorney of record on top, then the payment forms (one per
# fee), the G-1145, the I-821D, the I-765 and
# its worksheet (USCIS filing instructions; the cover sheet lists them in this order)
DEFAULT_ORDER = {
    "G-28": -3,
    "G-1450": -2,
    "G-1650": -2,
    "G-1145": 0,
    "I-821D": 1,
    "I-765": 2,
    "I-765WS": 3,
}
FEE_FORMS = ("I-821D", "I-765")


# -- styles and page building ------------------------------------------------------------------


@dataclass(frozen=True)
class _Styles:
    regular: str
    bold: str
    title: ParagraphStyle
    h2: ParagraphStyle
    body: ParagraphStyle
    small: ParagraphStyle
    muted: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    cell_muted: ParagraphStyle


def _styles() -> _Styles:
    regular, bold = _fonts()

    def style(name: str, font: str, size: float, **kw: Any) -> ParagraphStyle:
        return ParagraphStyle(name, fontName=font, fontSize=size, leading=size * 1.3, **kw)

    return _Styles(
        regular=regular,
        bold=bold,
        title=style("title", bold, 15, spaceAfter=4),
        h2=style("h2", bold, 11.5, spaceBefore=8, spaceAfter=3),
        body=style("body", regular, 9.5, spaceAfter=2),
        small=style("small", regular, 8.5),
        muted=style("muted", regular, 8.5, textColor=GREY),
        cell=style("cell", regular, 9),
        cell_bold=style("cell_bold", bold, 9),
        cell_muted=style("cell_muted", regular, 8.5, textColor=GREY),
    )


def _fallback_font(bold: bool) -> str | None:
    """DejaVu Sans (shipped in :mod:`clinic.fonts`), registered once: it draws the letters
    NanumGothic lacks (Portuguese ã and õ, Italian ì and ò, and more), so no letter of a name
    is lost."""
    path = font_path("DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf")
    name = "Clinic-Fallback-Bold" if bold else "Clinic-Fallback"
    if name in pdfmetrics.getRegisteredFontNames():
        return name
    if path is None:
        return None
    try:
        pdfmetrics.registerFont(TTFont(name, str(path)))
    except (TTFError, OSError, ValueError):
        return None
    return name


def _has_glyph(font: str, ch: str) -> bool:
    return ord(ch) in pdfmetrics.getFont(font).face.charToGlyph


def _runs(text: str, font: str) -> list[tuple[str, str]]:
    """``text`` cut into (font, run) pieces: ``font`` where it has the letter, else the
    fallback (when that has it)."""
    fallback = _fallback_font(bold=font == _fonts()[1])
    runs: list[tuple[str, str]] = []
    for ch in text:
        use = font
        if ch not in "\n\t" and not _has_glyph(font, ch):
            if fallback is not None and _has_glyph(fallback, ch):
                use = fallback
        if runs and runs[-1][0] == use:
            runs[-1] = (use, runs[-1][1] + ch)
        else:
            runs.append((use, ch))
    return runs


def _drawable(text: str) -> bool:
    """Whether every letter of ``text`` prints: the main font or the fallback has it."""
    regular = _fonts()[0]
    fallback = _fallback_font(bold=False)
    return all(
        _has_glyph(regular, ch) or (fallback is not None and _has_glyph(fallback, ch))
        for ch in text
    )


def _language(code: str) -> str:
    """A language as the documents name it: ``Korean (한국어)``; its English name alone when
    the fonts cannot draw its own (``Nepali``, never ``Nepali (    )``)."""
    full = languages.label(code)
    return full if _drawable(full) else (languages.english_name(code) or code)


def _esc(text: object) -> str:
    """Text for a Paragraph: XML escaped, line breaks kept, and letters the main font lacks set
    in the fallback font."""
    regular = _fonts()[0]
    parts = []
    for font, chunk in _runs(str(text), regular):
        escaped = escape(chunk).replace("\n", "<br/>")
        parts.append(escaped if font == regular else f'<font name="{font}">{escaped}</font>')
    return "".join(parts)


def _draw_string(canvas: Any, x: float, y: float, text: str, font: str, size: float) -> None:
    """``canvas.drawString`` that keeps every letter (the fallback font where needed)."""
    for run_font, chunk in _runs(text, font):
        canvas.setFont(run_font, size)
        canvas.drawString(x, y, chunk)
        x += pdfmetrics.stringWidth(chunk, run_font, size)
    canvas.setFont(font, size)


def _p(text: object, style: ParagraphStyle) -> Paragraph:
    return Paragraph(_esc(text), style)


def _table(
    rows: list[list[Any]],
    widths: Sequence[float],
    *,
    header: bool = False,
    grid: bool = True,
    extra: Sequence[tuple[Any, ...]] = (),
) -> Table:
    table = Table(rows, colWidths=list(widths), repeatRows=1 if header else 0)
    commands: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), _fonts()[0]),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    if grid:
        commands.append(("GRID", (0, 0), (-1, -1), 0.5, LINE))
    if header:
        commands.append(("BACKGROUND", (0, 0), (-1, 0), SHADE))
    commands.extend(extra)
    table.setStyle(TableStyle(commands))
    return table


class _Box(Flowable):  # type: ignore[misc]
    """An empty square to tick by hand."""

    def __init__(self, size: float = 9.0) -> None:
        super().__init__()
        self.size = size
        self.width = self.height = size

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.size, self.size + 2

    def draw(self) -> None:
        self.canv.setLineWidth(0.8)
        self.canv.rect(0, 1, self.size, self.size, stroke=1, fill=0)


def _h2(text: str, s: _Styles) -> list[Any]:
    """A section heading, on a new page when less than an inch is left (no orphan heading)."""
    return [CondPageBreak(0.8 * inch), _p(text, s.h2)]


def _tick(content: Any) -> Table:
    """A row with an empty box to tick, then ``content``."""
    return _table(
        [[_Box(10), content]],
        [20, CONTENT_WIDTH - 20],
        grid=False,
        extra=[
            ("LEFTPADDING", (0, 0), (0, 0), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ],
    )


PageDecorator = Callable[[Any, int, int], None]  # (canvas, page number, page count)


class _NumberedCanvas(Canvas):  # type: ignore[misc]
    """A canvas that keeps its pages until it saves, then draws each page's header and
    "Page N of M" footer knowing M: one build instead of one to count and one to draw."""

    def __init__(
        self, decorate: Callable[[Any, int, int], None], *args: Any, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self._decorate = decorate
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:  # reportlab's name
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            self._decorate(self, number, total)
            super().showPage()
        super().save()


def _render(
    make_story: Callable[[], list[Any]],
    *,
    title: str,
    footer: str,
    header: PageDecorator | None = None,
    header_height: float = 0.0,
    footer_height: float = 0.0,
) -> bytes:
    """Build the story once; every page gets its header and "Page N of M" when the canvas saves
    (``footer_height``: room the header callback draws into above the footer)."""
    styles = _styles()
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=LETTER,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN + header_height,
        bottomMargin=MARGIN + 10 + footer_height,
        title=title,
        author="ClinicDay",
        creator="ClinicDay",
        initialFontName=styles.regular,
        initialFontSize=9,
        invariant=1,  # no timestamps or random ids: the same answers give the same bytes
    )

    def decorate(canvas: Any, number: int, total: int) -> None:
        canvas.saveState()
        if header is not None:
            header(canvas, number, total)
        canvas.setFont(styles.regular, 7.5)
        canvas.setFillColor(GREY)
        canvas.drawString(MARGIN, MARGIN - 2, footer)
        canvas.drawRightString(PAGE_WIDTH - MARGIN, MARGIN - 2, f"Page {number} of {total}")
        canvas.restoreState()

    def canvasmaker(*args: Any, **kwargs: Any) -> _NumberedCanvas:
        return _NumberedCanvas(decorate, *args, **kwargs)

    doc.build(make_story(), canvasmaker=canvasmaker)
    return buffer.getvalue()


# -- values -------------------------------------------------------------------------------------


def date_text(value: object) -> str:
    """A stored date as the forms write it (MM/DD/YYYY)."""
    return _date_text(value)


def us_dates(text: object) -> str:
    """Prose with its ``YYYY-MM-DD`` dates as the forms write dates (``MM/DD/YYYY``): a rule's
    message on a page beside the forms' dates reads in one format."""
    return _ISO_DATE.sub(lambda m: f"{m[2]}/{m[3]}/{m[1]}", str(text))


_ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")


def _date_text(value: object) -> str:
    """``YYYY-MM-DD`` (or a date) as ``MM/DD/YYYY``; anything else as given."""
    if isinstance(value, dt.date):
        return value.strftime("%m/%d/%Y")
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value).strftime("%m/%d/%Y")
        except ValueError:
            return value
    return "" if value is None else str(value)


def format_a_number(value: object) -> str:
    """The A-Number as ``A-000-000-000``, or ``None`` when there is none (or it is unreadable)."""
    if not isinstance(value, str) or not value.strip():
        return "None"
    try:
        digits = normalize_a_number(value)
    except ValueError:
        return "None"
    return f"A-{digits[:3]}-{digits[3:6]}-{digits[6:]}"


def _money(value: object) -> str:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return str(value)
    if float(value).is_integer():
        return f"${int(value):,}"
    return f"${value:,.2f}"


def _digits(value: object, groups: Sequence[int], sep: str = "-") -> str:
    text = str(value)
    digits = re.sub(r"\D", "", text)
    if len(digits) != sum(groups):
        return text
    out, start = [], 0
    for size in groups:
        out.append(digits[start : start + size])
        start += size
    return sep.join(out)


def _is_money(key: str) -> bool:
    spec = ANSWER_KEYS.get(key)
    return spec is not None and spec.kind is FieldKind.NUMBER and "(USD)" in spec.label


def _scalar(kind: FieldKind | None, key: str, value: Any, labels: Mapping[str, Any]) -> str:
    """One value as a person reads it."""
    if value is None or value == "":
        return DASH
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if kind is FieldKind.DATE:
        return _date_text(value)
    if kind in (FieldKind.CHOICE, FieldKind.CHOICES):
        values = value if isinstance(value, list) else [value]
        shown = []
        for v in values:
            label = labels.get(str(v))
            shown.append(label.get(FALLBACK) if label is not None else str(v).replace("_", " "))
        return ", ".join(shown) if shown else DASH
    if kind is FieldKind.A_NUMBER:
        return format_a_number(value)
    if kind is FieldKind.LANGUAGE:
        return _language(str(value))
    if kind is FieldKind.SSN:
        return _digits(value, (3, 2, 4))
    if kind is FieldKind.PHONE:
        return _digits(value, (3, 3, 4))
    if kind is FieldKind.NUMBER and _is_money(key):
        return _money(value)
    if isinstance(value, list):
        return ", ".join(str(v) for v in value) if value else DASH
    return str(value)


def _answer_lines(question: Question | None, key: str, value: Any) -> list[str]:
    """An answer as lines: one line per list item, with the item fields' labels."""
    spec = ANSWER_KEYS.get(key)
    kind = spec.kind if spec else None
    if kind is FieldKind.LIST or (isinstance(value, list) and value and isinstance(value[0], dict)):
        if not isinstance(value, list) or not value:
            return ["None"]
        lines = []
        for n, item in enumerate(value, start=1):
            if not isinstance(item, Mapping):
                lines.append(f"{n}. {item}")
                continue
            parts = []
            for field, field_value in item.items():
                if field_value is None or field_value == "":
                    continue
                field_spec = (spec.items or {}).get(field) if spec else None
                label_text = question.items.get(field) if question else None
                label = (
                    label_text.get(FALLBACK)
                    if label_text is not None
                    else (field_spec.label if field_spec else field).capitalize()
                )
                choices = question.item_choices.get(field, {}) if question else {}
                shown = _scalar(field_spec.kind if field_spec else None, "", field_value, choices)
                parts.append(f"{label}: {shown}")
            lines.append(f"{n}. " + ("; ".join(parts) if parts else DASH))
        return lines
    labels = question.choices if question else {}
    return _scalar(kind, key, value, labels).split("\n")


def _answered(value: Any) -> bool:
    return value is not None and value != ""


def _name_part(answers: Mapping[str, Any], key: str, *, english: bool = True) -> str:
    """One part of the name; in English letters (accents dropped, as on the forms) by default."""
    value = answers.get(key)
    if not isinstance(value, str) or not value.strip():
        return ""
    if not english:
        return value.strip()
    try:
        return english_text(value.strip())[0]
    except ValueError:
        return value.strip()


def _full_name(answers: Mapping[str, Any], *, english: bool = True) -> str:
    """``Family, Given Middle``, in English letters or as written (a dash when none is known)."""
    family, given, middle = (
        _name_part(answers, f"name.{part}", english=english)
        for part in ("family", "given", "middle")
    )
    rest = " ".join(x for x in (given, middle) if x)
    if family and rest:
        return f"{family}, {rest}"
    return family or rest or DASH


def _shown_name(answers: Mapping[str, Any]) -> str:
    """The name as written, with the native-script name after it when there is one."""
    native = _native_name(answers)
    return _full_name(answers, english=False) + (f" · {native}" if native else "")


def _native_name(answers: Mapping[str, Any]) -> str:
    value = answers.get("name.native")
    return value.strip() if isinstance(value, str) and value.strip() else ""


def _in_client_language(lang: str) -> bool:
    """Whether documents say their client texts in ``lang`` beside English: a client language
    of the registry (the pseudo one too) other than English."""
    return lang != FALLBACK and lang in languages.client_languages(pseudo=True)


def _heading(key: str, lang: str) -> str:
    table = HEADINGS.get(key, {})
    english = table.get(FALLBACK, key)
    other = text_in(table, lang) if table and _in_client_language(lang) else ""
    if other == english:  # a language with no text of its own yet
        other = ""
    english = english[:1].upper() + english[1:]
    return f"{english} / {other}" if other and other != english else english


def _person_header(answers: Mapping[str, Any], what: str) -> PageDecorator:
    """A one-line running head: document, name (and native name), A-Number."""
    styles = _styles()

    def draw(canvas: Any, number: int, total: int) -> None:
        native = _native_name(answers)
        name = _full_name(answers, english=False) + (f"  ({native})" if native else "")
        y = PAGE_HEIGHT - MARGIN + 6
        canvas.setFillColor(GREY)
        canvas.setFont(styles.bold, 8)
        canvas.drawString(MARGIN, y, what)
        canvas.setFont(styles.regular, 8)
        a_number = f"A-Number: {format_a_number(answers.get('a_number'))}"
        canvas.drawRightString(PAGE_WIDTH - MARGIN, y, a_number)
        left = MARGIN + pdfmetrics.stringWidth(what, styles.bold, 8) + 14
        right = PAGE_WIDTH - MARGIN - pdfmetrics.stringWidth(a_number, styles.regular, 8) - 14
        _draw_string(
            canvas, left, y, _fit(name, styles.regular, 8, right - left), styles.regular, 8
        )
        canvas.setStrokeColor(LINE)
        canvas.line(MARGIN, y - 4, PAGE_WIDTH - MARGIN, y - 4)

    return draw


def _draw_fitted(canvas: Any, text: str, font: str, x: float, y: float, width: float) -> None:
    """A name the addendum must show whole: smaller down to 6 pt, then on two lines."""
    size = 9.5
    while size > 6.0 and pdfmetrics.stringWidth(text, font, size) > width:
        size -= 0.5
    if pdfmetrics.stringWidth(text, font, size) <= width:
        canvas.setFont(font, size)
        canvas.drawString(x, y, text)
        return
    words = text.replace("-", "- ").split(" ")
    first = ""
    for n in range(1, len(words)):
        trial = " ".join(words[:n]).replace("- ", "-")
        if pdfmetrics.stringWidth(trial, font, size) > width:
            break
        first = trial
    rest = text[len(first) :].strip()
    canvas.setFont(font, size)
    canvas.drawString(x, y + size * 0.55, first or text)
    canvas.drawString(x, y - size * 0.55, _fit(rest, font, size, width) if first else "")


def _fit(text: str, font: str, size: float, width: float) -> str:
    """``text`` cut (with an ellipsis) to fit ``width`` points."""
    if pdfmetrics.stringWidth(text, font, size) <= width:
        return text
    while text and pdfmetrics.stringWidth(text + "...", font, size) > width:
        text = text[:-1]
    return text + "..."


def fees_on(policy: Policy, on: dt.date) -> dict[str, tuple[int, int]]:
    """The fees in force on ``on`` as :func:`cover_sheet` takes them: form -> (paper, online)."""
    return {form: (fee.paper, fee.online) for form, fee in policy.fees_on(on).forms.items()}


def _sorted_packs(packs: Sequence[Pack]) -> list[Pack]:
    return sorted(
        packs, key=lambda p: (DEFAULT_ORDER.get(p.form, p.filing_order), p.form, p.accepted_from)
    )


# -- cover sheet --------------------------------------------------------------------------------


@dataclass(frozen=True)
class FilingItem:
    """One form of the filing, in filing order: a file of the packet, or (``file`` empty) a form
    to attach by hand, ``note`` saying where to get it."""

    form: str
    edition: str
    title: str
    file: str = ""
    note: str = ""


@dataclass(frozen=True)
class PaymentLine:
    """How one fee is paid: the method, the form the fee is for, the amount ("$520")."""

    method: PaymentMethod
    form: str
    amount: str

    def said_in(self, lang: str) -> str:
        return self.method.said(lang, form=self.form, amount=self.amount)


@dataclass(frozen=True)
class Payment:
    """The payment of a paper filing: a line per fee, and the note of the rules in force."""

    lines: Sequence[PaymentLine]
    note: Mapping[str, str]


def cover_sheet(
    answers: Mapping[str, Any],
    determination: Mapping[str, Any],
    packs: Sequence[Pack],
    fees: Mapping[str, tuple[int, int]],
    on: dt.date,
    *,
    filing: Literal["paper", "online"],
    lang_of_client: str,
    notes: Sequence[str] = (),
    items: Sequence[FilingItem] | None = None,
    payment: Payment | None = None,
    blank: Sequence[str] = (),
) -> bytes:
    """The packet's first page: who, what was found, what it costs, how to file, what to sign.

    ``blank`` names the items the filer must answer that the answers left blank;
    ``items`` are the forms in filing order, those to attach by hand among them (default: the
    ``packs``, in their order); ``payment`` how each fee of a paper filing is paid (from the
    payment rules in force), said in English and in the client's language.

    ``determination`` is :meth:`clinic.domain.rules.Determination.to_json`; ``fees`` maps a form
    to its (paper, online) fee in dollars (see :func:`fees_on`). ``notes`` are what filling
    changed for the forms (accents written without them), for the volunteer to check.
    """
    if filing not in ("paper", "online"):
        raise ValueError("filing is paper or online")
    s = _styles()
    lang = lang_of_client
    listed = (
        list(items)
        if items is not None
        else [FilingItem(p.form, p.edition, p.title, p.form) for p in _sorted_packs(packs)]
    )
    label_w = 1.75 * inch

    def story() -> list[Any]:
        out: list[Any] = [
            _p("Packet cover sheet", s.title),
            _p(
                f"Prepared {on.strftime('%m/%d/%Y')} · "
                f"{'Paper filing (by mail)' if filing == 'paper' else 'Online filing'}",
                s.muted,
            ),
            Spacer(1, 6),
        ]

        # the person
        out.extend(_h2("Requestor", s))
        native = _native_name(answers)
        as_written = _full_name(answers, english=False)
        if as_written == _full_name(answers):
            as_written = DASH
        language = answers.get("language")
        pairs = [
            ("Name (English letters)", _full_name(answers)),
            ("Name in own script" if native else "Name as written", native or as_written),
            ("Date of birth", _date_text(answers.get("dob")) or DASH),
            ("A-Number", format_a_number(answers.get("a_number"))),
            ("Client's language", _language(str(language or lang))),
            ("Filing", "Paper (by mail)" if filing == "paper" else "Online"),
        ]
        cells = [[_p(a, s.cell_bold), _p(b, s.cell)] for a, b in pairs]
        half = (CONTENT_WIDTH - 2 * label_w) / 2
        out.append(
            _table(
                [cells[i] + cells[i + 1] for i in range(0, len(cells), 2)],
                [label_w, half, label_w, half],
            )
        )

        # the screening
        out.extend(_h2("Request and screening", s))
        rtype = str(determination.get("request_type") or "")
        if determination.get("request_type_settled") is False:
            rtype = "request_type_open"
        rtype_text = _heading(rtype, lang) if rtype in HEADINGS else (rtype or DASH)
        outcome = str(determination.get("outcome") or "")
        labels = OUTCOME_LABELS.get(outcome)
        if labels:
            outcome_text = labels[FALLBACK]
            other = text_in(labels, lang) if _in_client_language(lang) else ""
            if other and other != outcome_text:
                outcome_text += f" / {other}"
        else:
            outcome_text = "Not screened yet" if not outcome else outcome
        rows2: list[list[Any]] = [
            [_p(_heading("request_type", lang), s.cell_bold), _p(rtype_text, s.cell)],
            [_p(_heading("outcome", lang), s.cell_bold), _p(outcome_text, s.cell_bold)],
        ]
        window = determination.get("filing_window")
        if isinstance(window, Mapping) and window.get("opens"):
            rows2.append(
                [
                    _p("Renewal filing window", s.cell_bold),
                    _p(
                        f"opens {_date_text(window.get('opens'))}, closes "
                        f"{_date_text(window.get('closes'))}; DACA expires "
                        f"{_date_text(window.get('expires'))}",
                        s.cell,
                    ),
                ]
            )
        flags = [f for f in determination.get("flags") or [] if isinstance(f, Mapping)]
        flag_cell: list[Any] = []
        for f in flags:
            flag_cell.append(_p(f"• {us_dates(f.get('message') or f.get('code'))}", s.cell))
            recorded = f.get("recorded")
            if recorded and recorded != f.get("message"):  # as the client heard it
                flag_cell.append(_p(f"  {us_dates(recorded)}", s.cell_muted))
        if not flag_cell:
            flag_cell = [_p("None", s.cell)]
        rows2.append([_p("For the attorney (flags)", s.cell_bold), flag_cell])
        if blank:
            rows2.append(
                [
                    _p("Left blank", s.cell_bold),
                    _p("The filer must answer: " + "; ".join(blank), s.cell),
                ]
            )
        notices = [n for n in determination.get("notices") or [] if isinstance(n, Mapping)]
        if notices:
            rows2.append(
                [
                    _p("Notices", s.cell_bold),
                    [
                        line
                        for n in notices
                        for line in (
                            [_p(f"• {us_dates(n.get('message') or n.get('code'))}", s.cell)]
                            + (
                                [_p(f"  {us_dates(n['recorded'])}", s.cell_muted)]
                                if n.get("recorded") and n.get("recorded") != n.get("message")
                                else []
                            )
                        )
                    ],
                ]
            )
        out.append(_table(rows2, [label_w, CONTENT_WIDTH - label_w]))

        # the fees
        out.extend(_h2("Fees", s))
        fee_forms = [f for f in FEE_FORMS if f in fees] + sorted(
            f for f in fees if f not in FEE_FORMS
        )
        fee_rows: list[list[Any]] = [
            [
                _p("Form", s.cell_bold),
                _p("Paper", s.cell_bold),
                _p("Online", s.cell_bold),
                _p(f"To pay ({filing})", s.cell_bold),
            ]
        ]
        total = 0
        for form in fee_forms:
            paper, online = fees[form]
            due = paper if filing == "paper" else online
            total += due
            fee_rows.append(
                [
                    _p(form, s.cell),
                    _p(_money(paper), s.cell),
                    _p(_money(online), s.cell),
                    _p(_money(due), s.cell_bold),
                ]
            )
        if fee_forms:
            fee_rows.append(
                [
                    _p(f"Total, in {len(fee_forms)} separate payments", s.cell_bold),
                    "",
                    "",
                    _p(_money(total), s.cell_bold),
                ]
            )
            out.append(
                _table(fee_rows, [2.6 * inch, 1.2 * inch, 1.2 * inch, CONTENT_WIDTH - 5.0 * inch])
            )
        else:
            out.append(_p("No fee schedule was given; check uscis.gov/g-1055.", s.body))
        out.append(Spacer(1, 3))
        if filing == "paper" and payment is not None:
            client = lang if _in_client_language(lang) and lang != FALLBACK else ""
            out.append(_p(text_in(payment.note, FALLBACK), s.small))
            if client:
                out.append(_p(text_in(payment.note, client), s.muted))
            for fee in payment.lines:
                english = fee.said_in(FALLBACK)
                said = [_p(english, s.body)]
                own = fee.said_in(client) if client else ""
                if own and own != english:
                    said.append(_p(own, s.muted))
                out.append(_tick(said))
        elif filing == "paper":
            out.append(_p("Each fee is paid separately; see uscis.gov/forms/filing-fees.", s.small))
        else:
            pay = (
                "The I-821D and the I-765 fees are paid separately, each in the online account "
                "when that form is submitted."
            )
            out.append(_p(pay, s.small))

        # how and where to file
        out.extend(_h2("How and where to file", s))
        if filing == "paper":
            out.append(_p(LOCKBOX_TEXT + ".", s.body))
            state = answers.get("mailing.state")
            if isinstance(state, str) and state:
                out.append(_p(f"State of the mailing address: {state}", s.small))
        else:
            out.append(_p(ONLINE_TEXT + ".", s.body))

        # the forms
        out.extend(_h2("Forms, in filing order", s))
        if listed:
            form_rows = [
                [
                    _p(f"{n}.", s.cell),
                    _p(f"Form {i.form}" if i.form != "Addendum" else i.form, s.cell_bold),
                    _p(f"Edition {i.edition}" if i.edition else "", s.cell),
                    [_p(i.title, s.cell)]
                    + ([_p(f"Not in this packet: {i.note}", s.cell_bold)] if not i.file else []),
                ]
                for n, i in enumerate(listed, start=1)
            ]
            out.append(
                _table(
                    form_rows,
                    [0.3 * inch, 1.1 * inch, 1.2 * inch, CONTENT_WIDTH - 2.6 * inch],
                    grid=False,
                )
            )
            if filing == "online" and any(i.form in ("G-1145", "G-1450") for i in listed):
                out.append(_p("Forms G-1145 and G-1450 are used with paper filings only.", s.small))
        else:
            out.append(_p("No forms in this packet yet.", s.body))

        # signatures
        out.extend(_h2("What to sign", s))
        forms = {i.form for i in listed}
        signs: list[str] = []
        for pack in _sorted_packs(packs):
            for sig in pack.signatures:
                if condition(sig.when, answers, on):
                    signs.append(
                        f"Form {pack.form}, {sig.items}: the {sig.who}'s signature and date"
                    )
        if not packs:
            signs.append("Form I-821D, Part 5: the requestor's signature and date")
            signs.append("Form I-765, Part 3: the applicant's signature and date")
        if "G-28" in forms and not any(p.form == "G-28" for p in packs):
            signs.append(
                "Form G-28: the requestor's signature (client's consent) and the attorney's "
                "signature, each dated, in the Parts of the edition in use"
            )
        if "I-765WS" in forms:
            signs.append("Form I-765WS: the requestor's signature and date")
        if "G-1450" in forms and filing == "paper":
            signs.append(
                "Form G-1450: the cardholder writes their name, billing address and card "
                "details, and signs, on each G-1450 (one per fee)"
            )
        if "G-1650" in forms and filing == "paper":
            signs.append(
                "Form G-1650: the account holder's signature, on each G-1650 (one per fee)"
            )
        if "Addendum" in forms:
            signs.append("Addendum: the requestor's signature and date on every page")
        if filing == "online":
            signs.append("Online filing: the requestor signs electronically in the account")
        for line in signs:
            out.append(_tick(_p(line, s.body)))

        if notes:
            out.extend(_h2("Check on the forms", s))
            for line in notes:
                out.append(_tick(_p(line, s.body)))

        out.append(Spacer(1, 10))
        out.append(_p(DISCLAIMER, s.muted))
        return out

    return _render(
        story,
        title="Packet cover sheet",
        footer="ClinicDay · cover sheet",
        header=_person_header(answers, "Cover sheet"),
        header_height=8,
    )


# -- answer sheet -------------------------------------------------------------------------------

_FEED = re.compile(
    r"^(?P<form>\S+)\s+Part\s+(?P<part>\d+)\s+Item\s+(?P<num>\d+)(?:\.(?P<sub>\w+))?$"
)


@dataclass(frozen=True)
class _Feed:
    form: str
    part: int
    num: int
    sub: str

    @property
    def item(self) -> str:
        return f"{self.num}.{self.sub}" if self.sub else str(self.num)

    @property
    def order(self) -> tuple[int, int, str]:
        return (self.part, self.num, self.sub)


def _parse_feed(text: str) -> _Feed | None:
    m = _FEED.match(text.strip())
    if m is None:
        return None
    return _Feed(m["form"], int(m["part"]), int(m["num"]), m["sub"] or "")


def _form_rank(form: str, packs: Sequence[Pack]) -> tuple[int, int, str]:
    """Forms in filing order; a form without a pack (I-765WS) right after its parent (I-765)."""
    orders = {**DEFAULT_ORDER, **{p.form: p.filing_order for p in packs}}
    if form in orders:
        return (orders[form], 0, form)
    parents = [f for f in orders if form.startswith(f)]
    if parents:
        return (orders[max(parents, key=len)], 1, form)
    return (99, 0, form)


def _question_cell(question: Question | None, key: str, lang: str, s: _Styles) -> list[Any]:
    if question is None:
        spec = ANSWER_KEYS.get(key)
        return [_p(spec.label.capitalize() if spec else key, s.cell)]
    cell = [_p(question.label.get(FALLBACK), s.cell)]
    if _in_client_language(lang):
        other = question.label.get(lang)
        if other != question.label.get(FALLBACK):
            cell.append(_p(other, s.cell_muted))
    return cell


def answer_sheet(
    answers: Mapping[str, Any],
    packs: Sequence[Pack],
    questionnaire: Questionnaire,
    lang: str,
) -> bytes:
    """Every answer by form, Part and Item (the volunteer's copy for online filing).

    A key that feeds several forms appears under each; keys that feed no form item are listed
    under "Screening only". The question is shown in English and, for a client in another
    language of the registry, in ``lang`` too.
    """
    s = _styles()
    questions = {q.key: q for q in questionnaire.questions}
    order = {q.key: n for n, q in enumerate(questionnaire.questions)}
    answered = [k for k in answers if _answered(answers.get(k))]
    answered.sort(key=lambda k: (order.get(k, len(order)), k))

    # form -> (part, key) -> feeds
    by_form: dict[str, dict[tuple[int, str], list[_Feed]]] = {}
    screening_only: list[str] = []
    for key in answered:
        question = questions.get(key)
        feeds = [f for f in (_parse_feed(x) for x in question.feeds) if f] if question else []
        if not feeds:
            screening_only.append(key)
            continue
        for feed in feeds:
            by_form.setdefault(feed.form, {}).setdefault((feed.part, key), []).append(feed)

    latest: dict[str, Pack] = {}
    for pack in _sorted_packs(packs):
        latest[pack.form] = pack
    forms = sorted(by_form, key=lambda f: _form_rank(f, packs))
    widths = [1.05 * inch, 3.25 * inch, CONTENT_WIDTH - 4.3 * inch]
    head = ["Part / Item", "Question", "Answer"]

    def rows_for(keys: list[tuple[str, str]]) -> list[list[Any]]:
        rows: list[list[Any]] = [[_p(h, s.cell_bold) for h in head]]
        for where, key in keys:
            lines = _answer_lines(questions.get(key), key, answers.get(key))
            rows.append(
                [
                    _p(where, s.cell),
                    _question_cell(questions.get(key), key, lang, s),
                    [_p(line, s.cell) for line in lines],
                ]
            )
        return rows

    def story() -> list[Any]:
        out: list[Any] = [
            _p("Answer sheet", s.title),
            _p(
                f"{_shown_name(answers)} · A-Number: {format_a_number(answers.get('a_number'))}",
                s.body,
            ),
            _p(
                "Every answer by form, Part and Item, for review and for online filing. "
                "Questions in English"
                + (f" and {_language(lang)}" if _in_client_language(lang) else "")
                + ".",
                s.muted,
            ),
        ]
        if not answered:
            out.append(_p("No answers yet.", s.body))
        for form in forms:
            pack = latest.get(form)
            title = f"Form {form}" + (f" (edition {pack.edition}) · {pack.title}" if pack else "")
            groups = sorted(
                by_form[form].items(),
                key=lambda kv: (min(f.order for f in kv[1]), order.get(kv[0][1], 0)),
            )
            keys = []
            for (part, key), feeds in groups:
                items = sorted({f.item: f.order for f in feeds}.items(), key=lambda x: x[1])
                numbers = ", ".join(i for i, _ in items)
                where = (
                    f"Part {part} Item {numbers}"
                    if len(items) == 1
                    else (f"Part {part}\nItems {numbers}")
                )
                keys.append((where, key))
            out.extend(_h2(title, s))
            out.append(_table(rows_for(keys), widths, header=True))
        if screening_only:
            out.extend(_h2("Screening only (not on a form)", s))
            out.append(_table(rows_for([(DASH, k) for k in screening_only]), widths, header=True))
        return out

    return _render(
        story,
        title="Answer sheet",
        footer="ClinicDay · answer sheet · for the volunteer; not filed with USCIS",
        header=_person_header(answers, "Answer sheet"),
        header_height=8,
    )


# -- checklist ----------------------------------------------------------------------------------
# The checklist's texts are in English and in the client's language: clinic/packet/texts, one
# module per language.


def _court_item(entry: Mapping[str, Any]) -> Phrase:
    what = ", ".join(
        str(x)
        for x in (
            entry.get("offense"),
            entry.get("place"),
            entry.get("country"),
            _date_text(entry.get("date")) if entry.get("date") else None,
        )
        if x
    )
    return phrase("ITEMS", "court", what=f": {what}" if what else "")


def _trip_item(trip: Mapping[str, Any]) -> Phrase:
    dates = (
        " - ".join(_date_text(trip.get(k)) for k in ("departed", "returned") if trip.get(k)) or DASH
    )
    if trip.get("advance_parole") is True:
        return phrase("ITEMS", "trip_advance_parole", dates=dates)
    return phrase("ITEMS", "trip", dates=dates)


def _fee_item(form: str) -> Phrase:
    return phrase("ITEMS", "fee", form=form)


def _education_item(education: object) -> Phrase:
    """The proof of the education answered; any proof when the answer is none of those."""
    if isinstance(education, str) and _has_text("EDUCATION", education):
        return phrase("EDUCATION", education)
    return phrase("EDUCATION", "unknown")


class Sayable(Protocol):
    """A text said in any language (a :class:`Phrase`, a :class:`PaymentLine`)."""

    def said_in(self, lang: str) -> str: ...


def _checklist_sections(
    answers: Mapping[str, Any],
    rtype: str,
    payment: Sequence[Sayable],
    by_hand: Sequence[FilingItem],
    g1145: bool = True,
) -> list[tuple[str, list[Sayable]]]:
    def items(*keys: str) -> list[Sayable]:
        return [phrase("ITEMS", key) for key in keys]

    everyone: list[Sayable] = [*items("identity", "photos")]
    if any(i.form == "I-765WS" for i in by_hand):
        everyone.append(phrase("ITEMS", "worksheet"))
    sections: list[tuple[str, list[Sayable]]] = [("everyone", everyone)]
    if rtype in ("renewal", ""):
        sections.append(("renewal", items("ead", "approval")))
    if rtype in ("initial", ""):
        edu = _education_item(answers.get("education.status"))
        sections.append(("initial", [*items("arrival", "residence", "presence"), edu]))
    listed: list[Sayable]
    criminal = answers.get("criminal")
    if isinstance(criminal, list) and criminal:
        listed = [_court_item(e if isinstance(e, Mapping) else {}) for e in criminal]
        sections.append(("criminal", listed))
    removal = answers.get("removal.status")
    if isinstance(removal, str) and removal != "never":
        sections.append(("removal", items("removal")))
    travel = answers.get("travel")
    if isinstance(travel, list) and travel:
        listed = [_trip_item(t if isinstance(t, Mapping) else {}) for t in travel]
        sections.append(("travel", listed))
    fees: list[Sayable] = list(payment) or [_fee_item(form) for form in FEE_FORMS]
    sections.append(("fees", fees))
    if g1145:
        sections.append(("optional", items("g1145")))
    return sections


def checklist(
    answers: Mapping[str, Any],
    determination: Mapping[str, Any],
    request_type: str | None,
    lang: str,
    *,
    payment: Sequence[Sayable] = (),
    by_hand: Sequence[FilingItem] = (),
    g1145: bool = True,
) -> bytes:
    """The documents to bring and attach, by situation, with empty boxes to tick.

    ``payment`` says how each fee is paid (from the payment rules in force; without it, a line
    per fee that names no method); ``by_hand`` the forms to attach by hand (the I-765WS);
    ``g1145``: whether the packet has the optional G-1145 (left out, the checklist omits it).

    Item names are in English and, for a client in another language of the registry, in
    ``lang`` too (:mod:`clinic.packet.texts`; English when it has no texts yet, the pseudo-locale
    made from English). ``request_type`` (renewal or initial) falls back to the determination's;
    when neither is known both lists are shown.
    """
    s = _styles()
    rtype = request_type or str(determination.get("request_type") or "")
    if rtype not in ("renewal", "initial"):
        rtype = ""
    sections = _checklist_sections(answers, rtype, payment, by_hand, g1145)
    client = lang if _in_client_language(lang) else ""

    def both(table: TableName, key: str) -> str:
        """``English / the client's``, or English alone (a client reading English, or a
        language with no text of its own yet)."""
        english = _text(table, key, FALLBACK)
        own = _text(table, key, client) if client else ""
        return f"{english} / {own}" if own and own != english else english

    def story() -> list[Any]:
        title = both("TITLES", "checklist")
        rtype_text = _heading(rtype, lang) if rtype else "not known yet (both lists shown)"
        out: list[Any] = [
            _p(title, s.title),
            _p(
                f"{_shown_name(answers)} · "
                f"A-Number: {format_a_number(answers.get('a_number'))} · "
                f"{_heading('request_type', FALLBACK)}: {rtype_text}",
                s.body,
            ),
            _p("Tick each box when the document is in the packet.", s.muted),
        ]
        for section, items in sections:
            out.extend(_h2(both("SECTIONS", section), s))
            for item in items:
                english = item.said_in(FALLBACK)
                own = item.said_in(client) if client else ""
                text: list[Any] = [_p(english, s.body)]
                if own and own != english:
                    text.append(_p(own, s.muted))
                out.append(_tick(text))
        out.append(Spacer(1, 8))
        out.append(_p(DISCLAIMER, s.muted))
        return out

    return _render(
        story,
        title="Document checklist",
        footer="ClinicDay · document checklist",
        header=_person_header(answers, "Checklist"),
        header_height=8,
    )


# -- take-home sheet ----------------------------------------------------------------------------


def take_home(
    answers: Mapping[str, Any],
    determination: Mapping[str, Any],
    lang: str,
    on: dt.date,
    *,
    payment: Sequence[PaymentLine] = (),
    contact: str = "",
) -> bytes:
    """The sheet the client takes home, in their language (English beneath each line for a
    client in another language, so anyone helping them can read it): what was prepared, that
    an attorney reviews it before anything is mailed, the fees and how USCIS takes them, where
    to mail, what comes after, their renewal window, and the clinic's contact. It names the
    person and the date only: no SSN, no A-Number, nothing from the screening's flags."""
    s = _styles()
    client = lang if _in_client_language(lang) else ""
    rtype = str(determination.get("request_type") or "")
    window = determination.get("filing_window")

    def lines(key: str, **values: str) -> list[Any]:
        own = _text("TAKE_HOME", key, client, **values) if client else ""
        english = _text("TAKE_HOME", key, FALLBACK, **values)
        out: list[Any] = [_p(own or english, s.body)]
        if own and own != english:
            out.append(_p(english, s.muted))
        return out

    def heading(key: str) -> list[Any]:
        own = _text("TAKE_HOME", key, client) if client else ""
        english = _text("TAKE_HOME", key, FALLBACK)
        return _h2(f"{own} / {english}" if own and own != english else english, s)

    def story() -> list[Any]:
        name = _shown_name(answers)
        out: list[Any] = [
            _p(_text("TAKE_HOME", "title", client or FALLBACK), s.title),
            _p(
                _text("TAKE_HOME", "prepared", client or FALLBACK, name=name, date=_date_text(on)),
                s.body,
            ),
        ]
        out.extend(heading("what"))
        forms = f"forms_{rtype}" if rtype in ("renewal", "initial") else "forms_unknown"
        out.extend(lines(forms))
        out.extend(heading("next"))
        out.extend(lines("review"))
        if payment:
            out.extend(heading("fees"))
            out.extend(lines("fees_paper"))
            for line in payment:
                own = line.said_in(client) if client else ""
                english = line.said_in(FALLBACK)
                out.append(_p(own or english, s.body))
                if own and own != english:
                    out.append(_p(english, s.muted))
        out.extend(heading("mail"))
        out.extend(lines("mail_where"))
        out.extend(heading("after"))
        out.extend(lines("receipt"))
        out.extend(lines("address"))
        if rtype == "renewal" and isinstance(window, Mapping) and window.get("expires"):
            # what is true on the sheet's date: a window already closed is never a deadline
            said = "window"
            if str(window.get("expires")) < on.isoformat():
                said = "window_lapsed"
            elif str(window.get("closes") or "9999") < on.isoformat():
                said = "window_late"
            out.extend(
                lines(
                    said,
                    expires=_date_text(window.get("expires")),
                    opens=_date_text(window.get("opens")),
                    closes=_date_text(window.get("closes")),
                )
            )
        out.extend(heading("bring"))
        out.extend(lines("bring_list"))
        if contact:
            out.extend(heading("contact"))
            out.extend(lines("contact_line", who=contact))
        out.append(Spacer(1, 8))
        out.extend(lines("disclaimer"))
        return out

    return _render(story, title="Take-home sheet", footer="ClinicDay · take-home sheet")


# -- addendum -----------------------------------------------------------------------------------


def _part_and_item(item: str) -> tuple[str, str]:
    """``"Part 2 Item 3.a"`` -> ("2", "3.a"); ``"Part 4 Items 3-7"`` -> ("4", "3-7"); ``"Part 2
    (travel, entry 4)"`` -> ("2", "travel, entry 4")."""
    part = re.search(r"Part\s+(\d+)", item)
    number = re.search(r"Items?\s+(\d+(?:\.\w+)?(?:-\d+(?:\.\w+)?)?)", item)
    if number:
        item_no = number.group(1)
    else:
        paren = re.search(r"\(([^)]*)\)", item)
        item_no = paren.group(1) if paren else ""
    return (part.group(1) if part else ""), item_no


def addendum(answers: Mapping[str, Any], entries: Sequence[AddendumEntry]) -> bytes:
    """Additional information, USCIS Part 8 style: name and A-Number at the top of every page,
    then per entry the form, page, Part and Item numbers and the text."""
    s = _styles()
    header_h = 48.0
    names = [
        ("Family Name (Last Name)", _name_part(answers, "name.family")),
        ("Given Name (First Name)", _name_part(answers, "name.given")),
        ("Middle Name", _name_part(answers, "name.middle")),
        ("A-Number (if any)", format_a_number(answers.get("a_number"))),
    ]

    def header(canvas: Any, number: int, total: int) -> None:
        # each sheet is signed and dated, as the forms' Part 8 instructions say
        line_y = MARGIN + 22
        canvas.setStrokeColor(colors.black)
        canvas.setLineWidth(0.6)
        sign_w = CONTENT_WIDTH * 0.62
        canvas.line(MARGIN, line_y, MARGIN + sign_w, line_y)
        canvas.line(MARGIN + sign_w + 18, line_y, PAGE_WIDTH - MARGIN, line_y)
        canvas.setFont(s.regular, 7)
        canvas.setFillColor(GREY)
        canvas.drawString(MARGIN, line_y - 9, "Signature of the requestor")
        canvas.drawString(MARGIN + sign_w + 18, line_y - 9, "Date of signature (mm/dd/yyyy)")
        canvas.setFillColor(colors.black)
        top = PAGE_HEIGHT - MARGIN + 10
        canvas.setFont(s.bold, 11)
        canvas.drawString(MARGIN, top, "Additional Information")
        canvas.setFont(s.regular, 8)
        canvas.setFillColor(GREY)
        canvas.drawRightString(PAGE_WIDTH - MARGIN, top, "Continuation of the forms in this packet")
        widths = (2.05 * inch, 2.05 * inch, 1.5 * inch, CONTENT_WIDTH - 5.6 * inch)
        x = MARGIN
        box_top, box_h = top - 6, 30
        canvas.setStrokeColor(colors.black)
        canvas.setLineWidth(0.6)
        for (label, value), width in zip(names, widths, strict=True):
            canvas.rect(x, box_top - box_h, width, box_h, stroke=1, fill=0)
            canvas.setFillColor(GREY)
            canvas.setFont(s.regular, 7)
            canvas.drawString(x + 3, box_top - 9, label)
            canvas.setFillColor(colors.black)
            _draw_fitted(canvas, value, s.bold, x + 3, box_top - 23, width - 6)
            x += width

    def story() -> list[Any]:
        out: list[Any] = []
        if not entries:
            out.append(_p("No additional information.", s.body))
            return out
        for entry in entries:
            part, item_no = _part_and_item(entry.item)
            form, _, edition = entry.form.partition(" ")
            form_text = f"{form}, edition {edition}" if edition else form
            fields = [
                ("Form", form_text),
                ("Page Number", str(entry.page) if entry.page else DASH),
                ("Part Number", part or DASH),
                ("Item Number", item_no or DASH),
            ]
            label_row = _table(
                [[[_p(k, s.cell_muted), _p(v, s.cell_bold)] for k, v in fields]],
                [2.6 * inch, 1.2 * inch, 1.2 * inch, CONTENT_WIDTH - 5.0 * inch],
                grid=False,
                extra=[("BACKGROUND", (0, 0), (-1, -1), SHADE)],
            )
            body = ParagraphStyle("entry", parent=s.body, leftIndent=4, spaceBefore=3, spaceAfter=8)
            paragraphs = [
                Paragraph(_esc(line) or "&nbsp;", body) for line in entry.text.split("\n")
            ]
            out.append(KeepTogether([label_row, paragraphs[0]]))
            out.extend(paragraphs[1:])
        return out

    return _render(
        story,
        title="Additional Information",
        footer="Additional Information",
        header=header,
        header_height=header_h,
        footer_height=36,
    )
