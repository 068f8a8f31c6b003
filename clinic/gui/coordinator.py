"""The coordinator's screens: the day's counts (from ``clinic.reports``, never recomputed here) with
a chart and CSV/PDF export, and the settings: site, staff language, idle lock, users, installed
forms (install, verify, automap a new edition) and the program-status notices.
"""

from __future__ import annotations

import datetime as dt
import math

from PySide6.QtCore import QDate, QEvent, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from clinic.core import AutomapDraft
from clinic.core.reports import METRICS, OTHER_STAFF, UNKNOWN, Counts, Report
from clinic.domain.languages import FALLBACK
from clinic.domain.roles import ROLE_NAMES, Role, may_manage
from clinic.gui import osedge
from clinic.gui.i18n import (
    fill_languages,
    role_label,
    spoken_label,
    staff_language,
    staff_language_choices,
)
from clinic.gui.ops import Ops

BAR_METRICS = ("screened", "referred", "packets_built")
BAR_COLORS = ("#1f77b4", "#ff7f0e", "#2ca02c")


class DayChart(QWidget):
    """Bars for screened, referred and packets built, one group per row of the chosen
    breakdown (day, site, language or volunteer), with a scale on the left (QPainter)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("day-chart")
        self.rows: list[tuple[str, Counts]] = []
        self.legend: tuple[str, ...] = BAR_METRICS
        self.setMinimumHeight(self.fontMetrics().lineSpacing() * 10)

    def set_rows(self, rows: list[tuple[str, Counts]], legend: tuple[str, ...]) -> None:
        self.rows, self.legend = rows, legend
        self.update()

    @staticmethod
    def ticks(top: int) -> list[int]:
        """The scale's marks: 0 up to a round number at or above ``top`` in steps of 1, 2 or 5
        times a power of ten, at most five steps."""
        top, scale = max(top, 1), 1
        while True:
            for factor in (1, 2, 5):
                step = factor * scale
                steps = -(-top // step)
                if steps <= 5:
                    return list(range(0, steps * step + 1, step))
            scale *= 10

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        fm = self.fontMetrics()
        line = fm.lineSpacing()
        left_margin = fm.horizontalAdvance("00000") + line
        rect = self.rect().adjusted(left_margin, line * 2, -line, -line * 2)
        painter.setPen(self.palette().text().color())
        x = rect.left()
        for text, color in zip(self.legend, BAR_COLORS, strict=False):
            painter.fillRect(int(x), line // 2, line - 4, line - 4, QColor(color))
            painter.drawText(int(x + line), line - 2, text)
            x += line + fm.horizontalAdvance(text) + line
        if not self.rows or rect.width() <= 0 or rect.height() <= 0:
            return
        ticks = self.ticks(max([1] + [c.metric(m) for _k, c in self.rows for m in BAR_METRICS]))
        top = ticks[-1]
        for tick in ticks:
            y = rect.bottom() - rect.height() * tick / top
            painter.drawText(
                QRectF(0, y - line / 2, left_margin - line / 2, line),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                str(tick),
            )
            painter.drawLine(int(rect.left() - line / 3), int(y), int(rect.left()), int(y))
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        painter.drawLine(rect.bottomLeft(), rect.topLeft())
        slot = rect.width() / max(len(self.rows), 1)
        bar = min(max(slot / (len(BAR_METRICS) + 1), 1.0), line * 2.5)
        offset = (slot - bar * len(BAR_METRICS)) / 2
        days = all(len(k) == 10 and k[4] == "-" for k, _c in self.rows)
        # every n-th label, n such that a day's "MM-DD" fits whole under its bars
        every = max(1, math.ceil((fm.horizontalAdvance("00-00") + line / 2) / slot)) if days else 1
        for i, (key, counts) in enumerate(self.rows):
            for j, metric in enumerate(BAR_METRICS):
                h = rect.height() * counts.metric(metric) / top
                left = rect.left() + i * slot + offset + j * bar
                painter.fillRect(QRectF(left, rect.bottom() - h, bar, h), QColor(BAR_COLORS[j]))
            if i % every == 0:
                label = key[5:] if days else key  # a day: MM-DD
                room = slot * every
                painter.drawText(
                    QRectF(
                        rect.left() + i * slot - (room - slot) / 2, rect.bottom() + 2, room, line
                    ),
                    int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop),
                    fm.elidedText(label, Qt.TextElideMode.ElideRight, int(room)),
                )


def two_lines(text: str, longer_than: int = 12) -> str:
    """A heading longer than ``longer_than`` characters broken at the space nearest its
    middle ("Paquetes devueltos\npor un abogado"); a shorter one, or one word, as it is."""
    if len(text) <= longer_than or " " not in text:
        return text
    middle = len(text) // 2
    spaces = [i for i, c in enumerate(text) if c == " "]
    cut = min(spaces, key=lambda i: abs(i - middle))
    return f"{text[:cut]}\n{text[cut + 1 :]}"


class CountsPage(QWidget):
    """Counts for a period, by day, site, language or volunteer; exported as CSV or PDF."""

    def __init__(self, ops: Ops, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.report: Report | None = None
        self.date_from = QDateEdit(self)
        self.date_from.setObjectName("date-from")
        self.date_to = QDateEdit(self)
        self.date_to.setObjectName("date-to")
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setDate(QDate(today.year, today.month, today.day))
        self.from_label = QLabel(self)
        self.from_label.setBuddy(self.date_from)
        self.to_label = QLabel(self)
        self.to_label.setBuddy(self.date_to)
        self.breakdown_label = QLabel(self)
        self.breakdown = QComboBox(self)
        # its words change with the staff language: it grows with them, never cut
        self.breakdown.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.breakdown.setObjectName("breakdown")
        self.breakdown_label.setBuddy(self.breakdown)
        self.show_button = QPushButton(self)
        self.show_button.setObjectName("show-counts")
        self.csv_button = QPushButton(self)
        self.csv_button.setObjectName("export-csv")
        self.pdf_button = QPushButton(self)
        self.pdf_button.setObjectName("export-pdf")
        self.xlsx_button = QPushButton(self)
        self.xlsx_button.setObjectName("export-xlsx")
        self.table = QTableWidget(0, len(METRICS) + 1, self)
        self.table.setObjectName("counts-table")
        self.table.verticalHeader().hide()
        self.chart = DayChart(self)
        self.note = QLabel(self)
        self.note.setObjectName("counts-note")
        self.note.setWordWrap(True)

        bar = QHBoxLayout()
        for w in (
            self.from_label,
            self.date_from,
            self.to_label,
            self.date_to,
            self.breakdown_label,
            self.breakdown,
            self.show_button,
        ):
            bar.addWidget(w)
        bar.addStretch(1)
        bar.addWidget(self.csv_button)
        bar.addWidget(self.xlsx_button)
        bar.addWidget(self.pdf_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.chart, 1)

        self.show_button.clicked.connect(self.refresh)
        self.breakdown.currentIndexChanged.connect(lambda _i: self._fill())
        self.csv_button.clicked.connect(lambda: self.export("csv"))
        self.pdf_button.clicked.connect(lambda: self.export("pdf"))
        self.xlsx_button.clicked.connect(lambda: self.export("xlsx"))
        self.translate_ui()

    def metric_names(self) -> dict[str, str]:
        return {
            "served": self.tr("People served"),
            "informed": self.tr("Informed (inquiries)"),
            "screened": self.tr("Screened"),
            "referred": self.tr("Referred to an attorney"),
            "packets_built": self.tr("Packets prepared"),
            "returned": self.tr("Packets returned by an attorney"),
            "approved": self.tr("Packets approved"),
            "closed": self.tr("Records closed"),
        }

    def translate_ui(self) -> None:
        self.from_label.setText(self.tr("&From:"))
        self.to_label.setText(self.tr("T&o:"))
        self.breakdown_label.setText(self.tr("&By:"))
        current = self.breakdown.currentIndex()
        self.breakdown.blockSignals(True)
        self.breakdown.clear()
        for key, text in (
            ("day", self.tr("Day")),
            ("site", self.tr("Site")),
            ("language", self.tr("Language")),
            ("volunteer", self.tr("Volunteer")),
        ):
            self.breakdown.addItem(text, key)
        self.breakdown.setCurrentIndex(max(current, 0))
        self.breakdown.blockSignals(False)
        self.show_button.setText(self.tr("&Show"))
        self.csv_button.setText(self.tr("E&xport CSV…"))
        self.pdf_button.setText(self.tr("Export P&DF…"))
        self.xlsx_button.setText(self.tr("Export X&LSX…"))
        self.note.setText(
            self.tr(
                "Counts come from de-identified tallies: no names, numbers or answers. "
                "Each person counts once per count."
            )
        )
        self._fill()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.translate_ui()
        super().changeEvent(event)

    def period(self) -> tuple[dt.date, dt.date]:
        a, b = self.date_from.date(), self.date_to.date()
        return dt.date(a.year(), a.month(), a.day()), dt.date(b.year(), b.month(), b.day())

    def refresh(self) -> None:
        start, end = self.period()
        if end < start:
            self.note.setText(self.tr("The period ends before it starts."))
            return
        self.ops.run(
            lambda desk: desk.reports.counts(start, end), self.show_report, self.note.setText
        )

    def show_report(self, report: Report) -> None:
        self.report = report
        self._fill()

    def _fill(self) -> None:
        names = self.metric_names()
        self.table.setHorizontalHeaderLabels(
            # long headings on two lines: every column fits at 1280 pixels, in Spanish too
            [self.breakdown.currentText()] + [two_lines(names[m]) for m in METRICS]
        )
        if self.report is None:
            self.chart.set_rows([], tuple(names[m] for m in BAR_METRICS))
            self.table.setRowCount(0)
            return
        breakdown = str(self.breakdown.currentData() or "day")
        by_language = breakdown == "language"
        # a language by its name, never its code ("Korean (한국어)", not "ko"): table and chart
        rows = [
            (spoken_label(key, staff_language()) if by_language else self._key_text(key), counts)
            for key, counts in self.report.rows(breakdown)
        ]
        self.chart.set_rows(rows, tuple(names[m] for m in BAR_METRICS))
        rows = [*rows, (self.tr("Total"), self.report.total)]
        self.table.setRowCount(len(rows))
        self.note.setText(
            self.tr(
                "Volunteers' work only: returns and approvals are attorneys' work, counted in "
                "the total. Check-ins and screenings by attorneys, coordinators and admins are "
                "one row, Other staff. A person two of them worked with counts in each of "
                "their rows and once in the total, so the rows can add up to more."
            )
            if breakdown == "volunteer"
            else ""
        )
        for r, (shown, counts) in enumerate(rows):
            self.table.setItem(r, 0, QTableWidgetItem(shown))
            for c, metric in enumerate(METRICS, start=1):
                item = QTableWidgetItem(str(counts.metric(metric)))
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()

    def _key_text(self, key: str) -> str:
        """A row's day, site or volunteer; the two rows that name no one, in words."""
        if key == OTHER_STAFF:
            return self.tr("Other staff")
        if key == UNKNOWN:
            return self.tr("(not recorded)")
        return key

    def export(self, fmt: str) -> None:
        if self.report is None:
            self.note.setText(self.tr("Show the counts first."))
            return
        start, end = self.period()
        name = f"clinic-counts-{start.isoformat()}-{end.isoformat()}.{fmt}"
        path = osedge.edge().choose_save_path(self, self.tr("Export the counts"), name)
        if path is None:
            return
        report, target = self.report, path
        by = str(self.breakdown.currentData() or "day")  # the PDF's chart as on screen
        lang = staff_language()  # the file speaks as the screen does
        self.ops.run(
            lambda desk: desk.reports.export(report, target, fmt, chart_by=by, lang=lang),
            lambda p: self.note.setText(self.tr("Wrote %1").replace("%1", str(p))),
            self.note.setText,
        )


class SettingsPage(QWidget):
    """Site, staff language, idle lock, users, forms and program notices."""

    language_chosen = Signal(str)
    idle_minutes_chosen = Signal(float)

    def __init__(
        self,
        ops: Ops,
        can_manage: bool,
        parent: QWidget | None = None,
        role: Role | None = None,
    ) -> None:
        super().__init__(parent)
        self.ops = ops
        self.can_manage = can_manage
        self.role = role  # the signed-in user's: Add user offers only the roles they may give
        self.site = QLineEdit(self)
        self.site.setObjectName("site")
        self.site.setEnabled(can_manage)
        self.site_button = QPushButton(self)
        self.site_button.setObjectName("save-site")
        self.site_button.setEnabled(can_manage)
        self.contact = QLineEdit(self)
        self.contact.setObjectName("contact")
        self.contact.setEnabled(can_manage)
        self.contact.setMaxLength(160)
        # room for a phone and an e-mail (the row goes below its label when the label is long)
        self.contact.setMinimumWidth(self.contact.fontMetrics().averageCharWidth() * 36)
        self.contact_button = QPushButton(self)
        self.contact_button.setObjectName("save-contact")
        self.contact_button.setEnabled(can_manage)
        self.language = QComboBox(self)
        self.language.setObjectName("staff-language")
        fill_languages(self.language, staff_language_choices())
        self.idle = QDoubleSpinBox(self)
        self.idle.setObjectName("idle-minutes")
        self.idle.setRange(1, 120)
        self.idle.setDecimals(0)
        self.idle.setValue(5)
        self.general = QGroupBox(self)
        self.general_form = QFormLayout(self.general)
        # a long label (Spanish, the pseudo-locale) puts its field below it, never squeezed
        self.general_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.site_label, self.language_label, self.idle_label = QLabel(), QLabel(), QLabel()
        self.contact_label = QLabel()
        self.language_label.setBuddy(self.language)
        self.idle_label.setBuddy(self.idle)
        site_row = QHBoxLayout()
        site_row.addWidget(self.site, 1)
        site_row.addWidget(self.site_button)
        self.site_label.setBuddy(self.site)
        self.general_form.addRow(self.site_label, site_row)
        contact_row = QHBoxLayout()
        contact_row.addWidget(self.contact, 1)
        contact_row.addWidget(self.contact_button)
        self.contact_label.setBuddy(self.contact)
        self.general_form.addRow(self.contact_label, contact_row)
        self.general_form.addRow(self.language_label, self.language)
        self.general_form.addRow(self.idle_label, self.idle)
        # backups: one a day kept automatically; "Back up now" for a USB stick
        self.backup_button = QPushButton(self)
        self.backup_button.setObjectName("back-up-now")
        self.backup_note = QLabel(self)
        self.backup_note.setObjectName("backup-note")
        self.backup_note.setWordWrap(True)
        self.backup_label = QLabel()
        self.backup_label.setBuddy(self.backup_button)
        backup_row = QVBoxLayout()
        backup_row.addWidget(self.backup_button, 0, Qt.AlignmentFlag.AlignLeft)
        backup_row.addWidget(self.backup_note)
        self.general_form.addRow(self.backup_label, backup_row)
        self.loaded = ("", "")  # the site and the contact as stored
        # the automatic backups' folder, those kept, the last failure, a name for a new one
        self.backups: tuple[str, list[str], str, str] = ("", [], "", "")

        self.users_box = QGroupBox(self)
        self.users = QTableWidget(0, 3, self)
        self.users.setObjectName("users")
        self.users.verticalHeader().hide()
        self.add_user_button = QPushButton(self)
        self.add_user_button.setObjectName("add-user")
        self.disable_user_button = QPushButton(self)
        self.disable_user_button.setObjectName("disable-user")
        users_buttons = QHBoxLayout()
        users_buttons.addWidget(self.add_user_button)
        users_buttons.addWidget(self.disable_user_button)
        users_buttons.addStretch(1)
        users_layout = QVBoxLayout(self.users_box)
        users_layout.addWidget(self.users)
        users_layout.addLayout(users_buttons)

        self.forms_box = QGroupBox(self)
        self.forms = QListWidget(self)
        self.forms.setObjectName("forms")
        self.install_button = QPushButton(self)
        self.install_button.setObjectName("install-forms")
        self.verify_button = QPushButton(self)
        self.verify_button.setObjectName("verify-form")
        self.automap_button = QPushButton(self)
        self.automap_button.setObjectName("automap-form")
        forms_buttons = QHBoxLayout()
        for b in (self.install_button, self.verify_button, self.automap_button):
            forms_buttons.addWidget(b)
        forms_buttons.addStretch(1)
        forms_layout = QVBoxLayout(self.forms_box)
        forms_layout.addWidget(self.forms)
        forms_layout.addLayout(forms_buttons)

        self.notices_box = QGroupBox(self)
        self.notices = QLabel(self)
        self.notices.setObjectName("notices")
        self.notices.setWordWrap(True)
        QVBoxLayout(self.notices_box).addWidget(self.notices)
        self.message = QLabel(self)
        self.message.setObjectName("settings-message")
        self.message.setWordWrap(True)

        grid = QHBoxLayout()
        col1 = QVBoxLayout()
        col1.addWidget(self.general)
        col1.addWidget(self.notices_box)
        col1.addStretch(1)
        self.sections = col1
        col2 = QVBoxLayout()
        col2.addWidget(self.users_box, 1)
        col2.addWidget(self.forms_box, 1)
        grid.addLayout(col1, 1)  # half each: the left's fields and Spanish labels need it
        grid.addLayout(col2, 1)
        # on a short screen (1280x720) the page scrolls; its boxes are never squeezed
        page = QWidget(self)
        page.setLayout(grid)
        grid.setContentsMargins(0, 0, 0, 0)
        self.page_scroll = QScrollArea(self)
        self.page_scroll.setObjectName("settings-scroll")
        self.page_scroll.setWidgetResizable(True)
        self.page_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.page_scroll.setWidget(page)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.page_scroll, 1)

        for b in (
            self.add_user_button,
            self.disable_user_button,
            self.install_button,
            self.automap_button,
        ):
            b.setEnabled(can_manage)
        self.language.currentIndexChanged.connect(
            lambda i: self.language_chosen.emit(str(self.language.itemData(i)))
        )
        self.idle.valueChanged.connect(self.idle_minutes_chosen.emit)
        self.site_button.clicked.connect(self.save_site)
        self.backup_button.clicked.connect(self.back_up)
        self.site.returnPressed.connect(self.save_site)
        self.contact_button.clicked.connect(self.save_contact)
        self.contact.returnPressed.connect(self.save_contact)
        self.add_user_button.clicked.connect(self.add_user)
        self.disable_user_button.clicked.connect(self.disable_user)
        self.install_button.clicked.connect(self.install)
        self.verify_button.clicked.connect(self.verify)
        self.automap_button.clicked.connect(self.automap)
        self.translate_ui()

    def add_section(self, widget: QWidget) -> None:
        """Another group of settings (sync), under the clinic's."""
        self.sections.insertWidget(self.sections.count() - 1, widget)

    def translate_ui(self) -> None:
        self.general.setTitle(self.tr("This clinic"))
        self.site_label.setText(self.tr("&Site:"))
        self.site_button.setText(self.tr("Save"))
        self.contact_label.setText(self.tr("Contact for clie&nts:"))
        hint = self.tr("phone, e-mail or address on the take-home sheet")
        self.contact.setPlaceholderText(hint)
        self.contact.setToolTip(hint)  # the whole hint, where a narrow box cuts it
        self.contact_button.setText(self.tr("Save"))
        self.language_label.setText(self.tr("Staff lang&uage:"))
        self.idle_label.setText(self.tr("Loc&k after (minutes idle):"))
        self.backup_label.setText(self.tr("Backups:"))
        self.backup_button.setText(self.tr("&Back up now…"))
        self._show_backups()
        self.users_box.setTitle(self.tr("Users"))
        self.users.setHorizontalHeaderLabels([self.tr("User"), self.tr("Role"), self.tr("Status")])
        self.users.resizeColumnsToContents()  # the headers' new words, never cut
        self.add_user_button.setText(self.tr("&Add user…"))
        self.disable_user_button.setText(self.tr("&Disable selected"))
        self.forms_box.setTitle(self.tr("Installed USCIS forms"))
        self.install_button.setText(self.tr("&Install PDFs…"))
        self.verify_button.setText(self.tr("&Verify a PDF…"))
        self.automap_button.setText(self.tr("Draft a pack for a new &edition…"))
        self.notices_box.setTitle(self.tr("DACA program status and alerts"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.translate_ui()
            self.message.clear()  # what the last action said, in the old language
            if self.isVisible():  # the notices and the users' roles in the new language
                self.refresh()
        super().changeEvent(event)

    def refresh(self) -> None:
        lang = str(self.language.currentData() or FALLBACK)
        self.ops.run(
            lambda desk: (
                desk.site(),
                desk.admin.contact(),
                desk.admin.users(),
                desk.admin.installed_forms(),
                desk.admin.program_notices(lang),
                (
                    str(desk.backups.folder()),
                    [p.name for p in desk.backups.automatic()],
                    desk.backups.last_error,
                    desk.backups.suggested_name(),
                ),
            ),
            self._show,
            self.message.setText,
        )

    def _show(self, loaded: tuple[str, str, list, list, list[str], tuple]) -> None:  # type: ignore[type-arg]
        site, contact, users, forms, notices, backups = loaded
        self.loaded = (site.strip(), contact.strip())  # what Save compares with
        self.backups = backups
        self._show_backups()
        self.contact.setText(contact)
        self.contact.setCursorPosition(0)
        self.site.setText(site)
        # room for the whole name (the row goes below its label when the label is long)
        wanted = (
            self.site.fontMetrics().horizontalAdvance(site) + 2 * self.site.fontMetrics().height()
        )
        self.site.setMinimumWidth(min(wanted, 420))
        self.site.setCursorPosition(0)  # show the start of a long name
        self.users.setRowCount(len(users))
        for r, u in enumerate(users):
            state = self.tr("disabled") if u.disabled else self.tr("active")
            for c, text in enumerate((u.username, role_label(u.role), state)):
                self.users.setItem(r, c, QTableWidgetItem(text))
        self.users.resizeColumnsToContents()
        self.forms.clear()
        for f in forms:
            self.forms.addItem(f"{f.pack.key}  ·  {f.path.name}")
        if not forms:
            self.forms.addItem(self.tr("No forms installed: packets cannot be built yet."))
        self.notices.setText("\n\n".join(notices))

    def _show_backups(self) -> None:
        folder, kept, failed, _name = self.backups
        if not folder:
            self.backup_note.clear()
            return
        text = self.tr(
            "ClinicDay keeps a backup of each day (the last 7) in %1, written when the app "
            "locks or closes. Back up to a USB stick too: the records in a backup stay encrypted."
        ).replace("%1", folder)
        text += " " + (
            self.tr("Latest: %1.").replace("%1", kept[0]) if kept else self.tr("None yet.")
        )
        if failed:
            text += " " + self.tr("The last automatic backup failed: %1").replace("%1", failed)
        self.backup_note.setText(text)

    def back_up(self) -> None:
        """Write a backup of the whole clinic where the person chooses (a USB stick)."""
        name = self.backups[3] or "clinicday-backup.zip"
        path = osedge.edge().choose_save_path(self, self.tr("Back up the clinic"), name)
        if path is None:
            return
        self.message.setText(self.tr("Backing up…"))
        self.ops.run(
            lambda desk: desk.backups.back_up(path, replace=True),  # the dialog asked
            lambda info: self.message.setText(
                self.tr("Backed up to %1 (%2 files). The records in it stay encrypted.")
                .replace("%1", str(info.path))
                .replace("%2", str(info.files))
            ),
            self._backup_refused,
        )

    def _backup_refused(self, message: str) -> None:
        """Say why; the next dialog opens in Documents, not in the folder just refused (the
        clinic's own, say)."""
        osedge.edge().forget()
        self.message.setText(message)

    def add_user(self) -> None:
        """One dialog: name, role, passphrase twice; a refusal is said in it, nothing typed
        is lost, and it closes once the user is added."""
        dialog = AddUserDialog(self.ops, self, self.role)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._done(self.tr("User added."))

    def save_site(self) -> None:
        site = self.site.text()
        if site.strip() == self.loaded[0]:
            self.message.setText(self.tr("Nothing to save: the site name is unchanged."))
            return
        self.ops.run(
            lambda desk: desk.admin.set_site(site),
            lambda name: self._done(self.tr("The site is now called %1.").replace("%1", name)),
            self.message.setText,
        )

    def save_contact(self) -> None:
        contact = self.contact.text()
        if contact.strip() == self.loaded[1]:
            self.message.setText(self.tr("Nothing to save: the contact is unchanged."))
            return

        def saved(kept: str) -> None:
            said = (
                self.tr("Take-home sheets built from now on give %1 as the clinic's contact.")
                if kept
                else self.tr("Take-home sheets built from now on give no clinic contact.")
            )
            self._done(said.replace("%1", kept))

        self.ops.run(lambda desk: desk.admin.set_contact(contact), saved, self.message.setText)

    def _done(self, message: str) -> None:
        self.message.setText(message)
        self.refresh()

    def disable_user(self) -> None:
        row = self.users.currentRow()
        item = self.users.item(row, 0) if row >= 0 else None
        if item is None:
            return
        name = item.text()
        self.ops.run(
            lambda desk: desk.admin.disable_user(name),
            lambda _r: self._done(self.tr("User disabled.")),
            self._refused,
        )

    def _refused(self, message: str) -> None:
        """A refusal said as a sentence ("A coordinator may not…")."""
        self.message.setText(message[:1].upper() + message[1:])

    def install(self) -> None:
        paths = osedge.edge().choose_open_paths(self, self.tr("Official USCIS PDFs"), "PDF (*.pdf)")
        if not paths:
            return
        wanted = list(paths)
        self.ops.run(
            lambda desk: desk.admin.install_forms(wanted),
            lambda forms: self._done(
                self.tr("Installed: %1").replace("%1", ", ".join(f.pack.key for f in forms))
            ),
            self.message.setText,
        )

    def verify(self) -> None:
        path = osedge.edge().choose_open_path(
            self, self.tr("Choose a PDF to verify"), "PDF (*.pdf)"
        )
        if path is None:
            return
        target = path
        self.ops.run(
            lambda desk: desk.admin.verify_form(target),
            lambda key: self.message.setText(
                self.tr("%1 is the official %2, byte for byte.")
                .replace("%1", target.name)
                .replace("%2", key)
            ),
            self.message.setText,
        )

    def automap(self) -> None:
        path = osedge.edge().choose_open_path(self, self.tr("A new edition's PDF"), "PDF (*.pdf)")
        if path is None:
            return
        source, out = path, path.with_suffix(".draft.yaml")
        self.ops.run(
            lambda desk: desk.admin.automap(source, out), self.review_draft, self.message.setText
        )

    def review_draft(self, draft: AutomapDraft) -> None:
        """Show a drafted pack for a person to check, and confirm it only when they say so."""
        dialog = AutomapReview(draft, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            self.message.setText(
                self.tr("The draft pack is kept in %1; nothing was installed.").replace(
                    "%1", str(draft.draft)
                )
            )
            return
        self.ops.run(
            lambda desk: desk.admin.confirm_pack(draft.draft, draft.pdf, checked=True),
            lambda form: self._done(
                self.tr("Confirmed and installed: %1").replace("%1", form.pack.key)
            ),
            self.message.setText,
        )


class AddUserDialog(QDialog):
    """Add a user: their name, their role (by its name), and their passphrase typed twice.
    What the clinic refuses (a name taken, a weak passphrase, a role the signed-in user may
    not give) is said here, with everything typed kept."""

    def __init__(self, ops: Ops, parent: QWidget | None = None, actor: Role | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("add-user-dialog")
        self.ops = ops
        self.busy = False
        self.name = QLineEdit(self)
        self.name.setObjectName("new-user-name")
        self.name.setMaxLength(64)
        self.role = QComboBox(self)
        self.role.setObjectName("new-user-role")
        for code in ROLE_NAMES:  # by name, never a code; only the roles ``actor`` may give
            if actor is None or may_manage(actor, Role(code)):
                self.role.addItem(role_label(Role(code)), code)
        self.passphrase = QLineEdit(self)
        self.passphrase.setObjectName("new-user-passphrase")
        self.again = QLineEdit(self)
        self.again.setObjectName("new-user-passphrase-again")
        for field in (self.passphrase, self.again):
            field.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel(self)
        self.message.setObjectName("add-user-message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.labels = [QLabel(self) for _ in range(4)]
        fields: tuple[QWidget, ...] = (self.name, self.role, self.passphrase, self.again)
        for label, widget in zip(self.labels, fields, strict=True):
            label.setBuddy(widget)
            form.addRow(label, widget)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 60)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.setWindowTitle(self.tr("Add a user"))
        self.labels[0].setText(self.tr("&User name:"))
        self.labels[1].setText(self.tr("&Role:"))
        self.labels[2].setText(self.tr("&Passphrase (12 characters or more):"))
        self.labels[3].setText(self.tr("The passphrase &again:"))
        self.passphrase.setToolTip(self.tr("They can change it after they first sign in."))

    def submit(self) -> None:
        if self.busy:
            return
        name, role = self.name.text().strip(), str(self.role.currentData())
        if not name:
            self._refused(self.tr("Write the user name."), self.name)
            return
        if self.passphrase.text() != self.again.text():
            self.again.clear()
            self._refused(self.tr("The two passphrases differ: type it again."), self.again)
            return
        passphrase = self.passphrase.text()
        self.busy = True
        self.buttons.setEnabled(False)
        self.ops.run(
            lambda desk: desk.admin.add_user(name, role, passphrase),
            lambda _r: self._added(),
            lambda message: self._refused(message, self.passphrase, busy=True),
        )

    def _added(self) -> None:
        self.busy = False
        self.passphrase.clear()
        self.again.clear()
        self.accept()

    def _refused(self, message: str, focus: QWidget, *, busy: bool = False) -> None:
        if busy:
            self.busy = False
            self.buttons.setEnabled(True)
        self.message.setText(message[:1].upper() + message[1:])
        focus.setFocus(Qt.FocusReason.OtherFocusReason)

    def reject(self) -> None:
        if not self.busy:  # a user being added is not cancelled half-way
            super().reject()


class AutomapReview(QDialog):
    """A drafted pack, line by line, and the person's confirmation that they checked it."""

    def __init__(self, draft: AutomapDraft, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("automap-review")
        self.setWindowTitle(self.tr("Check the drafted form pack"))
        intro = QLabel(self)
        intro.setWordWrap(True)
        intro.setText(
            self.tr(
                "%1 for %2: %3. Check every line against the PDF (each field's item on the form "
                "and the answer it takes); edit the file %4 if a line is wrong, then confirm. "
                "Packets use this pack only after you confirm."
            )
            .replace("%1", draft.draft.name)
            .replace("%2", draft.pdf.name)
            .replace("%3", draft.summary)
            .replace("%4", str(draft.draft))
        )
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("draft-text")
        self.text.setReadOnly(True)
        self.text.setPlainText(draft.text)
        self.checked = QCheckBox(self)
        self.checked.setObjectName("checked-every-line")
        self.checked.setText(self.tr("I &checked every line against the PDF"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if ok is not None:
            ok.setText(self.tr("C&onfirm and install"))
            ok.setEnabled(False)
            self.checked.toggled.connect(ok.setEnabled)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.checked)
        layout.addWidget(self.buttons)
        self.resize(
            self.fontMetrics().averageCharWidth() * 110, self.fontMetrics().lineSpacing() * 36
        )
