"""Reports: the de-identified counts of a period, for this laptop or the whole organization,
and their export as CSV, JSON, XLSX or PDF (the one format switch)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import TYPE_CHECKING

from clinic.core.files import write_file
from clinic.domain.languages import FALLBACK, staff_language
from clinic.errors import UsageError
from clinic.reports.counts import (
    BREAKDOWNS,
    METRICS,
    OTHER_STAFF,
    UNKNOWN,
    Counts,
    Report,
    counts_for,
    daily_counts,
)

if TYPE_CHECKING:
    from clinic.core.desk import Desk

FORMATS = ("csv", "json", "xlsx", "pdf")
__all__ = [
    "FORMATS",
    "METRICS",
    "OTHER_STAFF",
    "UNKNOWN",
    "Counts",
    "Report",
    "Reports",
    "check_period",
    "format_of",
    "report_bytes",
]


def format_of(path: Path, fmt: str | None) -> str:
    """The format a report is written in: ``fmt`` when given, else the one the file's name
    ends with (``day.pdf``); a name that says none is refused rather than guessed."""
    if fmt:
        if fmt not in FORMATS:
            raise UsageError(f"--format: {fmt} is not {', '.join(FORMATS[:-1])} or {FORMATS[-1]}")
        return fmt
    suffix = path.suffix.lower().lstrip(".")
    if suffix in FORMATS:
        return suffix
    raise UsageError(
        f"--format: give {', '.join(FORMATS[:-1])} or {FORMATS[-1]} ({path.name} does not end "
        "with one)"
    )


def report_bytes(
    report: Report, fmt: str, site_title: str, chart_by: str = "day", lang: str = FALLBACK
) -> bytes:
    """A report as a file of format ``fmt`` (csv, json, xlsx or pdf) in the staff language
    ``lang`` (JSON keeps codes); a PDF's chart is per ``chart_by`` (day, site, language or
    volunteer)."""
    from clinic.reports import export

    if fmt == "csv":
        # with a byte-order mark: Excel on Windows then reads "Korean (한국어)" as UTF-8
        return export.to_csv(report, lang).encode("utf-8-sig")
    if fmt == "json":
        return (json.dumps(export.to_json(report), indent=2, ensure_ascii=False) + "\n").encode()
    if fmt == "xlsx":
        return export.to_xlsx(report, site_title=site_title, lang=lang)
    if fmt == "pdf":
        if chart_by not in BREAKDOWNS:
            raise UsageError(f"--chart: {chart_by} is not {', '.join(BREAKDOWNS)}")
        return export.to_pdf(report, site_title=site_title, chart_by=chart_by, lang=lang)
    raise UsageError(f"format: {fmt} is not {', '.join(FORMATS[:-1])} or {FORMATS[-1]}")


def check_period(date_from: dt.date, date_to: dt.date) -> None:
    """Refuse a period that ends before it starts."""
    if date_to < date_from:
        raise UsageError("--to: the period ends before it starts")


class Reports:
    """``desk.reports``: counts (informed, screened, referred, prepared, approved) by site,
    language and volunteer, never a person."""

    def __init__(self, desk: Desk) -> None:
        self._desk = desk

    def counts(self, date_from: dt.date, date_to: dt.date, *, server: str | None = None) -> Report:
        """The counts of a period: this laptop's, or with ``server`` ("" for the one this
        laptop is enrolled with) the organization's, from its server."""
        desk = self._desk
        check_period(date_from, date_to)
        if server is None:
            return counts_for(desk.session, date_from, date_to)
        tallies = desk.sync.tallies(server or None, date_from.isoformat(), date_to.isoformat())
        return daily_counts(tallies, date_from, date_to)

    def title(self, *, server: str | None = None) -> str:
        """The title a report goes under: the site, or the site and the organization."""
        site = self._desk.site()
        return site if server is None else f"{site} and the organization"

    def export(
        self,
        report: Report,
        path: Path,
        fmt: str,
        *,
        title: str | None = None,
        chart_by: str = "day",
        lang: str = FALLBACK,
    ) -> Path:
        """Write a report to ``path`` (whole or not at all) in the staff language ``lang``; a
        PDF charts per ``chart_by``."""
        site = title or self._desk.site()
        data = report_bytes(report, fmt, site, chart_by, staff_language(lang))
        return write_file(path, data)
