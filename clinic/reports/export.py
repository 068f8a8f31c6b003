"""A :class:`~clinic.reports.counts.Report` as CSV, JSON or PDF: numbers only, no personal data.

The keys of the rows are dates, site names, language codes and volunteer usernames (staff ids);
no person's name, number or answer is ever in a report, because reports read only tallies.
CSV, XLSX and PDF are written in a staff language (``lang``: headings, counts' names, languages
by their names); JSON keeps the codes, for other tools.

- :func:`to_csv`: one row per ``(breakdown, key)`` after a header, the period total first;
- :func:`to_json`: the same as plain JSON-ready data;
- :func:`to_pdf`: a one- or two-page summary for the organization, drawn with reportlab in the
  packet documents' embedded font (NanumGothic or ``CLINIC_FONT``) so Hangul site names print.

The same report always gives the same bytes.
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Callable
from typing import Any
from xml.sax.saxutils import escape

from reportlab.graphics.charts.barcharts import VerticalBarChart  # type: ignore[import-untyped]
from reportlab.graphics.charts.legends import Legend  # type: ignore[import-untyped]
from reportlab.graphics.shapes import Drawing, String  # type: ignore[import-untyped]
from reportlab.lib import colors  # type: ignore[import-untyped]
from reportlab.lib.fonts import tt2ps  # type: ignore[import-untyped]
from reportlab.lib.pagesizes import LETTER  # type: ignore[import-untyped]
from reportlab.lib.styles import ParagraphStyle  # type: ignore[import-untyped]
from reportlab.lib.units import inch  # type: ignore[import-untyped]
from reportlab.platypus import (  # type: ignore[import-untyped]
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from clinic.domain.display import language_text
from clinic.domain.languages import FALLBACK, name_in, native_name
from clinic.domain.rule_texts import label_of, outcome_label
from clinic.messages import in_language, said_later, say
from clinic.reports.counts import (
    BREAKDOWNS,
    METRICS,
    OTHER_STAFF,
    OUTCOMES,
    REQUEST_TYPES,
    UNKNOWN,
    Counts,
    Report,
)

__all__ = ["csv_columns", "flag_label", "to_csv", "to_json", "to_pdf"]

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

METRIC_LABELS = {
    "served": said_later("People served"),
    "informed": said_later("Informed (inquiries)"),
    "screened": said_later("Screened"),
    "referred": said_later("Referred to an attorney"),
    "packets_built": said_later("Packets prepared"),
    "returned": said_later("Packets returned by an attorney"),
    "approved": said_later("Packets approved"),
    "closed": said_later("Records closed"),
}
SHORT_LABELS = {
    "served": said_later("Served"),
    "informed": said_later("Informed"),
    "screened": said_later("Screened"),
    "referred": said_later("Referred"),
    "packets_built": said_later("Packets"),
    "returned": said_later("Returned"),
    "approved": said_later("Approved"),
    "closed": said_later("Closed"),
}
REQUEST_WORDS = {
    "renewal": said_later("Renewal requests"),
    "initial": said_later("Initial requests"),
    UNKNOWN: said_later("Request type not known yet"),
}


def _t(text: str, lang: str, **values: object) -> str:
    """An export's words in the staff language ``lang`` (the messages' catalogs: English when
    a language has no translation of them)."""
    return in_language(say(text, **values), lang)


# -- CSV and JSON -------------------------------------------------------------------------------


def _outcome_keys(report: Report) -> list[str]:
    return [*OUTCOMES, *(k for k in report.total.by_outcome if k not in OUTCOMES)]


def _request_type_keys(report: Report) -> list[str]:
    return [*REQUEST_TYPES, *(k for k in report.total.by_request_type if k not in REQUEST_TYPES)]


def csv_columns(report: Report, lang: str = FALLBACK) -> list[str]:
    """The CSV header, in words a funder's spreadsheet reads: ``Breakdown``, then which
    day, site, language or volunteer, each count by its label, then the screenings by outcome, by
    request type and by flag (every one counted in the period). No code: the JSON export keeps
    the codes for other tools."""
    return [
        _t("Breakdown", lang),
        _t("Day, site, language or volunteer", lang),
        *(metric_label(m, lang) for m in METRICS),
        *(
            _t("Screened: {outcome}", lang, outcome=_outcome(k, lang))
            for k in _outcome_keys(report)
        ),
        *(_request_label(k, lang) for k in _request_type_keys(report)),
        *(_t("Flag: {flag}", lang, flag=flag_label(k, lang)) for k in report.flag_codes()),
    ]


def metric_label(metric: str, lang: str = FALLBACK) -> str:
    """A count's name (``People served``) in the staff language ``lang``."""
    return _t(METRIC_LABELS[metric], lang)


def _outcome(code: str, lang: str) -> str:
    named = outcome_label(code, lang)
    return named if named != code else code.replace("_", " ")


def _request_label(kind: str, lang: str) -> str:
    if kind in REQUEST_WORDS:
        return _t(REQUEST_WORDS[kind], lang)
    return _t("{kind} requests", lang, kind=kind.capitalize())


def flag_label(code: str, lang: str = FALLBACK) -> str:
    """A flag's short name in ``lang`` (``felony``, ``travel without advance parole``); a code
    the rules no longer name (an old tally) reads as words."""
    named = label_of("flag", code, lang)
    return named if named != code else code.replace("_", " ")


KEY_WORDS = {
    OTHER_STAFF: said_later("Other staff"),
    UNKNOWN: said_later("(not recorded)"),
}  # as the Counts screen


def _key_text(
    breakdown: str, key: str, lang: str = FALLBACK, drawable: Callable[[str], bool] | None = None
) -> str:
    """A row's day, site, language (by its name, never its code) or volunteer; the rows that
    name no one in the Counts screen's words."""
    if key in KEY_WORDS:
        return _t(KEY_WORDS[key], lang)
    return _cell(_language_label(key, lang, drawable) if breakdown == "language" else key)


def _numbers(report: Report, counts: Counts) -> list[int]:
    return [
        *(counts.metric(m) for m in METRICS),
        *(counts.by_outcome.get(k, 0) for k in _outcome_keys(report)),
        *(counts.by_request_type.get(k, 0) for k in _request_type_keys(report)),
        *(counts.flags.get(k, 0) for k in report.flag_codes()),
    ]


def _cell(text: str) -> str:
    """A key cell that a spreadsheet will not run as a formula (a site named "=1+1")."""
    return f"'{text}" if text.startswith(_FORMULA_START) else text


def to_csv(report: Report, lang: str = FALLBACK) -> str:
    """The report as CSV text (RFC 4180, CRLF line ends; write it with ``newline=""``), in the
    staff language ``lang``.

    The first row after the header is ``Total`` (its key empty), then ``By day``, ``By site``,
    ``By language`` and ``By volunteer`` rows; each breakdown's rows add up to the total.
    """
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(csv_columns(report, lang))
    writer.writerow([_t("Total", lang), "", *_numbers(report, report.total)])
    for breakdown in BREAKDOWNS:
        title = _t(BREAKDOWN_TITLES[breakdown], lang)
        for key, counts in report.rows(breakdown):
            writer.writerow([title, _key_text(breakdown, key, lang), *_numbers(report, counts)])
    return out.getvalue()


def _counts_json(counts: Counts) -> dict[str, Any]:
    return {
        **{m: counts.metric(m) for m in METRICS},
        "by_outcome": dict(counts.by_outcome),
        "by_request_type": dict(counts.by_request_type),
        "flags": dict(counts.flags),
    }


def to_json(report: Report) -> dict[str, Any]:
    """The report as JSON-ready data: ``period``, ``total`` and one list of rows per breakdown."""
    return {
        "period": {"from": report.date_from.isoformat(), "to": report.date_to.isoformat()},
        "total": _counts_json(report.total),
        "breakdowns": {
            breakdown: [
                {"key": key, "counts": _counts_json(counts)}
                for key, counts in report.rows(breakdown)
            ]
            for breakdown in BREAKDOWNS
        },
    }


# -- PDF ----------------------------------------------------------------------------------------

MARGIN = 0.6 * inch
PAGE_WIDTH, PAGE_HEIGHT = LETTER
CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN
GREY = colors.Color(0.38, 0.38, 0.38)
LINE = colors.Color(0.75, 0.75, 0.75)
SHADE = colors.Color(0.93, 0.93, 0.93)
BAR_COLORS = (
    colors.Color(0.20, 0.40, 0.65),
    colors.Color(0.85, 0.50, 0.15),
    colors.Color(0.30, 0.60, 0.35),
)
CHART_SERIES = ("screened", "referred", "packets_built")
FOOTER = said_later("ClinicDay counts: de-identified tallies only, no personal data")
VOLUNTEERS_ONLY = said_later(
    "Volunteers' work only: returns and approvals are attorneys' work, counted in the total. "
    "A person two of them worked with counts in each of their rows and once in the total, so "
    "the rows can add up to more."
)


def _period_text(report: Report, lang: str) -> str:
    if report.date_from == report.date_to:
        return report.date_from.isoformat()
    return _t(
        "{start} to {end}", lang, start=report.date_from.isoformat(), end=report.date_to.isoformat()
    )


def _language_label(
    code: str, lang: str = FALLBACK, drawable: Callable[[str], bool] | None = None
) -> str:
    """A language as the Counts screen names it: by its name in the staff language ``lang``
    with its own beside it (``Portuguese (português)``, ``Coreano (한국어)``); in a PDF, its own
    name only when the document's font can draw it (``drawable``), never boxes; an unknown code
    as it is."""
    shown = language_text(code, lang)
    own = native_name(code)
    if drawable is None or not own or own not in shown or drawable(own):
        return shown
    named = name_in(code, lang) or code
    return named[:1].upper() + named[1:]


def _font_draws(font: str) -> Callable[[str], bool]:
    """Whether the registered TrueType ``font`` has a glyph for every letter of a text."""
    from reportlab.pdfbase import pdfmetrics  # type: ignore[import-untyped]

    glyphs = getattr(getattr(pdfmetrics.getFont(font), "face", None), "charToGlyph", None)
    if not glyphs:
        return lambda _text: True
    return lambda text: all(ord(c) in glyphs for c in text if not c.isspace())


def _table(rows: list[list[Any]], widths: list[float], font: str, bold: str) -> Table:
    table = Table(rows, colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), font),
                ("FONTNAME", (0, 0), (-1, 0), bold),
                ("FONTSIZE", (0, 0), (-1, -1), 9),
                ("BACKGROUND", (0, 0), (-1, 0), SHADE),
                ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.4, LINE),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return table


def _totals_table(report: Report, font: str, bold: str, cell: ParagraphStyle, lang: str) -> Table:
    total = report.total
    rows: list[list[Any]] = [[_t("Count", lang), _t("Records", lang)]]
    for metric in METRICS:
        rows.append([Paragraph(escape(metric_label(metric, lang)), cell), total.metric(metric)])
        if metric == "screened":
            under = [
                *((_outcome(outcome, lang), n) for outcome, n in total.by_outcome.items()),
                *((_request_label(kind, lang), n) for kind, n in total.by_request_type.items()),
                *(
                    (_t("Flag: {flag}", lang, flag=flag_label(code, lang)), n)
                    for code, n in total.flags.items()
                ),
            ]
            for label, n in under:
                rows.append([Paragraph(f"&nbsp;&nbsp;&nbsp;&nbsp;{escape(label)}", cell), n])
    return _table(rows, [CONTENT_WIDTH * 0.6, CONTENT_WIDTH * 0.15], font, bold)


def _breakdown_table(
    report: Report, breakdown: str, font: str, bold: str, cell: ParagraphStyle, lang: str
) -> Table:
    heading = _t(BREAKDOWN_HEADS[breakdown], lang)
    # headings wrap in their narrow columns (Spanish "Atendidos", "Informados"), never run
    # into the next one
    head = ParagraphStyle("head", parent=cell, fontName=bold, fontSize=7.5, leading=9, alignment=2)
    rows: list[list[Any]] = [
        [
            Paragraph(escape(heading), ParagraphStyle("head_left", parent=head, alignment=0)),
            *(Paragraph(escape(_t(SHORT_LABELS[m], lang)), head) for m in METRICS),
        ]
    ]
    draws = _font_draws(font)
    for key, counts in report.rows(breakdown):
        label = _key_text(breakdown, key, lang, draws).lstrip("'")
        rows.append([Paragraph(escape(label), cell), *(counts.metric(m) for m in METRICS)])
    rows.append([_t("Total", lang), *(report.total.metric(m) for m in METRICS)])
    first = CONTENT_WIDTH * 0.24
    rest = (CONTENT_WIDTH - first) / len(METRICS)
    table = _table(rows, [first, *([rest] * len(METRICS))], font, bold)
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, -1), (-1, -1), bold),
                ("LEFTPADDING", (1, 0), (-1, -1), 2),  # room for a heading's longest word
                ("RIGHTPADDING", (1, 0), (-1, -1), 4),
            ]
        )
    )
    return table


def _step(top: int) -> int:
    """A whole-number axis step giving at most about five gridlines."""
    return max(1, math.ceil(top / 5))


def _chart(report: Report, font: str, by: str = "day", lang: str = FALLBACK) -> Drawing:
    rows = report.rows(by)
    data = [tuple(counts.metric(m) for _key, counts in rows) for m in CHART_SERIES]
    top = max((n for series in data for n in series), default=0)
    step = _step(top)
    every = max(1, math.ceil(len(rows) / 16))  # at most about 16 labels
    draws = _font_draws(font)
    names = [
        ""
        if i % every
        else (key[5:] if by == "day" else _short(_key_text(by, key, lang, draws).lstrip("'")))
        for i, (key, _c) in enumerate(rows)
    ]
    angled = len(rows) > 8 or (by != "day" and len(rows) > 4)
    # room under the bars for the longest label (angled at 45 degrees, 7 points, about 3.6
    # points a letter): "Portuguese (português)" is read whole, not cut at 18 letters
    longest = max((len(n) for n in names), default=0)
    below = max(40.0, 14 + longest * 3.6 * 0.72) if angled else 40.0
    width, height = CONTENT_WIDTH, 2.6 * inch + (below - 40)
    drawing = Drawing(width, height)
    chart = VerticalBarChart()
    chart.x, chart.y = 36, below
    chart.width, chart.height = width - 150, height - 20 - below
    chart.data = data
    per_group = chart.width / max(1, len(rows))
    chart.groupSpacing = min(6.0, per_group * 0.3)  # bars stay visible over a long period
    chart.barSpacing = min(1.0, per_group * 0.05)
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = max(step, step * math.ceil(top / step))
    chart.valueAxis.valueStep = step
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.labelTextFormat = "%d"
    chart.categoryAxis.categoryNames = names
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 7
    if angled:
        chart.categoryAxis.labels.angle = 45
        chart.categoryAxis.labels.boxAnchor = "ne"
    for i, color in enumerate(BAR_COLORS):
        chart.bars[i].fillColor = color
        chart.bars[i].strokeColor = None
    drawing.add(chart)

    legend = Legend()
    legend.x, legend.y = width - 100, height - 30
    legend.fontName = font
    legend.fontSize = 8
    legend.alignment = "right"
    legend.colorNamePairs = [
        (color, _t(SHORT_LABELS[m], lang))
        for color, m in zip(BAR_COLORS, CHART_SERIES, strict=True)
    ]
    drawing.add(legend)
    per = _t(CHART_PER[by], lang)
    drawing.add(String(0, height - 10, per, fontName=font, fontSize=8, fillColor=GREY))
    return drawing


def _short(text: str, most: int = 28) -> str:
    """A chart label that fits under its bars."""
    return text if len(text) <= most else text[: most - 1] + "…"


CHART_TITLES = {
    "day": said_later("Screened, referred and packets per day"),
    "site": said_later("Screened, referred and packets by site"),
    "language": said_later("Screened, referred and packets by language"),
    "volunteer": said_later("Screened, referred and packets by volunteer"),
}
CHART_PER = {
    "day": said_later("Per day"),
    "site": said_later("Per site"),
    "language": said_later("Per language"),
    "volunteer": said_later("Per volunteer (volunteers' work)"),
}


def to_pdf(
    report: Report, *, site_title: str, chart_by: str = "day", lang: str = FALLBACK
) -> bytes:
    """A PDF summary in the staff language ``lang``: title, period, totals, a bar chart
    (screened, referred, packets) per day, or per ``chart_by`` (site, language or volunteer:
    the grouping the coordinator chose), and tables by site, by language and by volunteer.
    The same arguments give the same bytes.

    Raises ``clinic.packet.documents.DocumentError`` when no font with Hangul is installed.
    """
    from clinic.packet.documents import hangul_font  # the packet font, loaded only here

    font = hangul_font()
    bold = tt2ps(font, 1, 0)  # the bold face registered with the family
    title = ParagraphStyle("title", fontName=bold, fontSize=16, leading=20, spaceAfter=4)
    h2 = ParagraphStyle("h2", fontName=bold, fontSize=11, leading=14, spaceBefore=10, spaceAfter=4)
    body = ParagraphStyle("body", fontName=font, fontSize=9.5, leading=12, textColor=GREY)
    cell = ParagraphStyle("cell", fontName=font, fontSize=9, leading=11)
    heading = (
        _t("{site}: clinic counts", lang, site=site_title)
        if site_title
        else _t("Clinic counts", lang)
    )

    def section(breakdown: str) -> list[Any]:
        return [
            Paragraph(escape(_t(BREAKDOWN_TITLES[breakdown], lang)), h2),
            _breakdown_table(report, breakdown, font, bold, cell, lang),
        ]

    story: list[Any] = [
        Paragraph(escape(heading), title),
        Paragraph(escape(_t("Period: {period}", lang, period=_period_text(report, lang))), body),
        Paragraph(escape(_t("Each number counts people (records) once.", lang)), body),
        Paragraph(escape(_t("Totals", lang)), h2),
        _totals_table(report, font, bold, cell, lang),
        KeepTogether(
            [
                Paragraph(escape(_t(CHART_TITLES[chart_by], lang)), h2),
                _chart(report, font, chart_by, lang),
            ]
        ),
        KeepTogether(section("site")),
        KeepTogether(section("language")),
        KeepTogether(
            [
                *section("volunteer")[:1],
                Paragraph(escape(_t(VOLUNTEERS_ONLY, lang)), body),
                *section("volunteer")[1:],
            ]
        ),
        Spacer(1, 6),
    ]
    said_footer = _t(FOOTER, lang)

    def footer(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont(font, 7.5)
        canvas.setFillColor(GREY)
        canvas.drawString(MARGIN, MARGIN - 12, said_footer)
        canvas.drawRightString(
            PAGE_WIDTH - MARGIN, MARGIN - 12, _t("Page {page}", lang, page=doc.page)
        )
        canvas.restoreState()

    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=LETTER,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN + 6,
        title=heading,
        author="ClinicDay",
        creator="ClinicDay",
        initialFontName=font,
        initialFontSize=9,
        invariant=1,  # no timestamps or random ids: the same report gives the same bytes
    )
    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return buffer.getvalue()


BREAKDOWN_TITLES = {
    "day": said_later("By day"),
    "site": said_later("By site"),
    "language": said_later("By language"),
    "volunteer": said_later("By volunteer"),
}
BREAKDOWN_HEADS = {
    "day": said_later("Day"),
    "site": said_later("Site"),
    "language": said_later("Language"),
    "volunteer": said_later("Volunteer"),
}


def to_xlsx(report: Report, *, site_title: str, lang: str = FALLBACK) -> bytes:
    """The report as an XLSX workbook in the staff language ``lang``: a sheet of totals, then
    one sheet per breakdown (day, site, language, volunteer) whose counts are numbers, not
    text, so they can be charted; the day sheet carries a chart."""
    import xlsxwriter  # type: ignore[import-untyped]

    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True})
    heading = _t("{site}: clinic counts", lang, site=site_title)
    book.set_properties({"title": heading, "author": "ClinicDay"})
    bold = book.add_format({"bold": True})
    columns = csv_columns(report, lang)[2:]
    total = book.add_worksheet(_sheet_name(_t("Total", lang)))
    total.write_row(0, 0, [heading, _period_text(report, lang)], bold)
    for n, (name, value) in enumerate(zip(columns, _numbers(report, report.total), strict=True)):
        total.write_string(n + 2, 0, name)
        total.write_number(n + 2, 1, value)
    total.set_column(0, 0, 28)
    for breakdown in BREAKDOWNS:
        sheet = book.add_worksheet(_sheet_name(_t(BREAKDOWN_TITLES[breakdown], lang)))
        sheet.write_row(0, 0, [_t(BREAKDOWN_HEADS[breakdown], lang), *columns], bold)
        rows = report.rows(breakdown)
        for r, (key, counts) in enumerate(rows, start=1):
            sheet.write_string(r, 0, _key_text(breakdown, key, lang))
            for c, value in enumerate(_numbers(report, counts), start=1):
                sheet.write_number(r, c, value)
        sheet.set_column(0, 0, 16)
        sheet.freeze_panes(1, 1)
        if breakdown == "day" and rows:
            chart = book.add_chart({"type": "column"})
            for metric in ("screened", "referred", "packets_built"):
                col = 1 + columns.index(metric_label(metric, lang))
                chart.add_series(
                    {
                        "name": metric_label(metric, lang),
                        "categories": [sheet.name, 1, 0, len(rows), 0],
                        "values": [sheet.name, 1, col, len(rows), col],
                    }
                )
            chart.set_title({"name": _t("Per day", lang)})
            sheet.insert_chart(len(rows) + 3, 1, chart)
    book.close()
    return out.getvalue()


def _sheet_name(name: str) -> str:
    """A worksheet's name as Excel takes it: at most 31 characters, none of []:*?/\\."""
    return "".join(" " if c in "[]:*?/\\" else c for c in name)[:31]
