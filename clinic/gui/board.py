"""The Today board: the day's people by station, search, and checking a new person in.

Stations follow the clinic day (check-in, screening, forms, review, done; DESIGN.md section 1),
each with its count. Search goes through the blind index for A-Numbers, SSNs and "family name +
birth date", and through the decrypted list for parts of names. A new person who shares an
A-Number, an SSN, or a family name and birth date with someone already here is flagged before
a second record is made.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clinic import clock
from clinic.core import STATIONS, Board, BoardRow
from clinic.domain.answers import FieldKind, validate_answers
from clinic.domain.events import INQUIRY_TOPICS
from clinic.errors import problem_in
from clinic.gui.fields import placeholder
from clinic.gui.i18n import fill_spoken, staff_language
from clinic.gui.ops import Ops


def topic_label(topic: str) -> str:
    """An inquiry topic in the staff language."""
    labels = {
        "renewal": QCoreApplication.translate("Inquiries", "Renewing DACA"),
        "initial": QCoreApplication.translate("Inquiries", "A first (initial) request"),
        "travel": QCoreApplication.translate("Inquiries", "Travel and advance parole"),
        "work_permit": QCoreApplication.translate("Inquiries", "The work permit"),
        "fees": QCoreApplication.translate("Inquiries", "Fees and fee help"),
        "other": QCoreApplication.translate("Inquiries", "Something else"),
    }
    return labels.get(topic, topic)


def local_time(at: str, zone_name: str | None) -> str:
    """A stored moment (UTC, ISO) as the clinic's clock shows it: ``HH:MM`` ("" if none)."""
    try:
        moment = dt.datetime.fromisoformat(at)
    except ValueError:
        return ""
    return moment.astimezone(clock.zone(zone_name)).strftime("%H:%M")


def waiting(row: BoardRow, now: dt.datetime) -> int | None:
    """Minutes since anyone last worked on the person: how long they have waited for their
    next step (None for the done and unknown)."""
    if row.station == "done" or not row.updated_at:
        return None
    try:
        since = now - dt.datetime.fromisoformat(row.updated_at)
    except ValueError:
        return None
    return max(int(since.total_seconds() // 60), 0)


def queue_text(row: BoardRow, now: dt.datetime, zone_name: str | None) -> str:
    """The day's queue under a name, short enough for a column at 1280 pixels: when they
    arrived, minutes since their last step (what they wait for is the column they are in) and
    who took that step (the hint above the board says so). It never claims who is with them
    now: the app cannot know that someone stepped away."""
    parts = []
    if row.arrived_at:
        parts.append(local_time(row.arrived_at, zone_name))
    minutes = waiting(row, now)
    if minutes is not None:
        parts.append(QCoreApplication.translate("BoardPage", "%1 min").replace("%1", str(minutes)))
    if row.with_user:
        parts.append(row.with_user)
    return " · ".join(parts)


def breakable(text: str, run: int = 14) -> str:
    """``text`` with a zero-width space after every ``run`` letters of a word longer than that,
    so a long name wraps inside its column instead of being cut off at its edge."""
    words = []
    for word in text.split(" "):
        if len(word) > run:
            word = "\u200b".join(word[i : i + run] for i in range(0, len(word), run))
        words.append(word)
    return " ".join(words)


def next_person(rows: Sequence[BoardRow]) -> BoardRow | None:
    """Who to see next: the person waiting longest at check-in, else at screening, else for
    forms (the day's queue, first come, first served)."""
    for station in ("check_in", "screening", "forms"):
        waiting_here = [r for r in rows if r.station == station and r.kind != "inquiry"]
        if waiting_here:
            return min(waiting_here, key=lambda r: r.updated_at or "")
    return None


def row_text(row: BoardRow, zone_name: str | None = None) -> str:
    """One line of the board: the name (and native name), birth date, and markers."""
    if row.kind == "inquiry":
        when = local_time(row.updated_at, zone_name)
        return QCoreApplication.translate("Inquiries", "Inquiry (no name kept) · %1").replace(
            "%1", when
        )
    name = row.name + (f" ({row.native})" if row.native else "")
    marks = []
    if row.returned:
        marks.append("↩")
    if row.conflicts:
        marks.append("⚠")
    if row.elsewhere:
        marks.append("≈")
    return f"{name}  ·  {row.dob}" + (f"  {' '.join(marks)}" if marks else "")


class NewPersonDialog(QDialog):
    """Check a person in: name, birth date, language, and the A-Number if they have one."""

    def __init__(
        self, parent: QWidget | None = None, today: Callable[[], dt.date] | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("new-person")
        self.today = today  # the clinic's today: a birth date after it is refused
        self.family = QLineEdit(self)
        self.family.setObjectName("field:name.family")
        self.given = QLineEdit(self)
        self.given.setObjectName("field:name.given")
        self.native = QLineEdit(self)
        self.native.setObjectName("field:name.native")
        self.dob = QLineEdit(self)
        self.dob.setObjectName("field:dob")
        self.dob.setPlaceholderText(placeholder(FieldKind.DATE))  # AAAA-MM-DD in Spanish
        self.language = QComboBox(self)
        self.language.setObjectName("field:language")
        fill_spoken(self.language)
        self.a_number = QLineEdit(self)
        self.a_number.setObjectName("field:a_number")
        self.a_number.setPlaceholderText("A-000-000-000")
        self.errors = QLabel(self)
        self.errors.setObjectName("errors")
        self.errors.setStyleSheet("color: #b00020;")
        self.errors.setWordWrap(True)
        self.form = QFormLayout()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self._check)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.errors)
        layout.addWidget(self.buttons)
        self.labels = [QLabel(self) for _ in range(6)]
        for label, field in zip(
            self.labels,
            (self.family, self.given, self.native, self.dob, self.language, self.a_number),
            strict=True,
        ):
            label.setBuddy(field)
            self.form.addRow(label, field)
        self.translate_ui()

    def translate_ui(self) -> None:
        self.setWindowTitle(self.tr("Check a person in"))
        texts = (
            self.tr("&Family name:"),
            self.tr("&Given name:"),
            self.tr("Name in &native script:"),
            self.tr("&Birth date:"),
            self.tr("&Language spoken:"),
            self.tr("&A-Number (if any):"),
        )
        for label, text in zip(self.labels, texts, strict=True):
            label.setText(text)

    def fill(self, answers: dict[str, Any]) -> None:
        """Put back what was typed (after the duplicate warning's Cancel: nothing is lost)."""
        for key, edit in (
            ("name.family", self.family),
            ("name.given", self.given),
            ("name.native", self.native),
            ("dob", self.dob),
            ("a_number", self.a_number),
        ):
            edit.setText(str(answers.get(key, "")))
        index = self.language.findData(answers.get("language"))
        if index >= 0:
            self.language.setCurrentIndex(index)

    def answers(self) -> dict[str, Any]:
        raw: dict[str, Any] = {
            "name.family": self.family.text().strip(),
            "name.given": self.given.text().strip(),
            "name.native": self.native.text().strip(),
            "dob": self.dob.text().strip(),
            "a_number": self.a_number.text().strip(),
            "language": self.language.currentData(),
        }
        return {k: v for k, v in raw.items() if v}

    def _check(self) -> None:
        """Refuse what cannot be a person's check-in, naming the field as the dialog does (never
        by its key); the dialog stays open with everything typed."""
        answers = self.answers()
        keys = ("name.family", "name.given", "name.native", "dob", "language", "a_number")
        named = {
            key: label.text().replace("&", "").rstrip(":")
            for key, label in zip(keys, self.labels, strict=True)
        }
        staff = staff_language()  # the answers' rules say their problems in English
        problems = [
            f"{named.get(e.key, e.key)}: {problem_in(e.problem, staff)}"
            for e in validate_answers(answers)
        ]
        for key in ("name.family", "dob"):
            if key not in answers:
                problems.append(
                    self.tr("%1: needed to check a person in").replace("%1", named[key])
                )
        born = answers.get("dob")
        if self.today is not None and isinstance(born, str) and not problems:
            day = dt.date.fromisoformat(born)
            if day > self.today():
                problems.append(self.tr("%1: is after today").replace("%1", named["dob"]))
            elif day.year < 1900:
                problems.append(self.tr("%1: is before 1900").replace("%1", named["dob"]))
        self.errors.setText("\n".join(problems))
        if not problems:
            self.accept()


class InquiryDialog(QDialog):
    """Count someone informed: a walk-in or hotline question. No name or answer is kept."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("inquiry")
        self.language = QComboBox(self)
        self.language.setObjectName("inquiry-language")
        fill_spoken(self.language)
        self.topic = QComboBox(self)
        # its words change with the staff language: it grows with them, never cut
        self.topic.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.topic.setObjectName("inquiry-topic")
        for topic in INQUIRY_TOPICS:
            self.topic.addItem(topic_label(topic), topic)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.language_label, self.topic_label = QLabel(self), QLabel(self)
        self.language_label.setBuddy(self.language)
        self.topic_label.setBuddy(self.topic)
        form = QFormLayout()
        form.addRow(self.language_label, self.language)
        form.addRow(self.topic_label, self.topic)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setWindowTitle(self.tr("Log an inquiry"))
        self.note.setText(
            self.tr(
                "For someone who asked a question and was informed, without screening. "
                "Only the language and the topic are kept, for the day's counts."
            )
        )
        self.language_label.setText(self.tr("&Language:"))
        self.topic_label.setText(self.tr("&Topic:"))


class BoardPage(QWidget):
    """Today's people by station. ``open_person(record_id)`` when one is opened."""

    open_person = Signal(str)

    def __init__(
        self,
        ops: Ops,
        parent: QWidget | None = None,
        today: Callable[[], dt.date] | None = None,
    ) -> None:
        super().__init__(parent)
        self.ops = ops
        self.today = today  # the clinic's day (check-in refuses a birth date after it)
        self.zone_name: str | None = None  # the clinic's time zone (the window sets it)
        self.board: Board | None = None
        self.search = QLineEdit(self)
        self.search.setObjectName("search")
        self.search.setClearButtonEnabled(True)
        self.search_button = QPushButton(self)
        self.search_button.setObjectName("search-button")
        self.all_days = QCheckBox(self)
        self.all_days.setObjectName("all-days")
        self.new_button = QPushButton(self)
        self.new_button.setObjectName("new-person-button")
        self.inquiry_button = QPushButton(self)
        self.inquiry_button.setObjectName("inquiry-button")
        self.refresh_button = QPushButton(self)
        self.refresh_button.setObjectName("refresh")
        self.next_button = QPushButton(self)  # the person waiting longest, first come first served
        self.next_button.setObjectName("next-person")
        self.hint = QLabel(self)
        self.hint.setObjectName("board-hint")
        self.hint.setWordWrap(True)
        # what the last action said (a search found nobody, an inquiry counted): beside the
        # legend, never in its place
        self.note = QLabel(self)
        self.note.setObjectName("board-note")
        self.note.setWordWrap(True)
        self.note.hide()
        self.damaged = QLabel(self)
        self.damaged.setStyleSheet("color: #b00020;")
        self.damaged.setWordWrap(True)
        self.damaged.hide()

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.search_button)
        top.addWidget(self.all_days)
        top.addWidget(self.refresh_button)
        top.addWidget(self.inquiry_button)
        top.addWidget(self.next_button)
        top.addWidget(self.new_button)

        grid = QGridLayout()
        self.headers: dict[str, QLabel] = {}
        self.lists: dict[str, QListWidget] = {}
        for col, station in enumerate(STATIONS):
            header = QLabel(self)
            header.setObjectName(f"header:{station}")
            font = header.font()
            font.setBold(True)
            header.setFont(font)
            lst = QListWidget(self)
            lst.setObjectName(f"station:{station}")
            # a long name or a long translation wraps inside its column, never sideways
            lst.setWordWrap(True)
            lst.setTextElideMode(Qt.TextElideMode.ElideNone)
            lst.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            lst.setResizeMode(QListView.ResizeMode.Adjust)
            lst.itemActivated.connect(self._activated)
            header.setBuddy(lst)
            grid.addWidget(header, 0, col)
            grid.addWidget(lst, 1, col)
            self.headers[station] = header
            self.lists[station] = lst

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.note)
        layout.addWidget(self.hint)
        layout.addWidget(self.damaged)
        layout.addLayout(grid, 1)

        self.search.returnPressed.connect(self.run_search)
        self.search_button.clicked.connect(self.run_search)
        self.all_days.toggled.connect(lambda _on: self.refresh())
        self.refresh_button.clicked.connect(self.refresh)
        self.new_button.clicked.connect(self.new_person)
        self.next_button.clicked.connect(self.open_next)
        self.inquiry_button.clicked.connect(self.log_inquiry)
        self.translate_ui()

    def translate_ui(self) -> None:
        # short enough to read whole in the box in every language (found in a walk: the
        # Spanish one was cut); the tooltip says it all
        self.search.setPlaceholderText(self.tr("Name, A-Number or birth date"))
        self.search.setToolTip(
            self.tr("Search: name, A-Number, birth date, or family name and birth date")
        )
        self.search_button.setText(self.tr("&Search"))
        self.all_days.setText(self.tr("&Every day"))
        self.refresh_button.setText(self.tr("Re&fresh"))
        self.new_button.setText(self.tr("&New person…"))
        self.next_button.setText(self.tr("Ne&xt person"))
        self.next_button.setToolTip(
            self.tr("Open the person who has waited longest (check-in, then screening, then forms)")
        )
        self.inquiry_button.setText(self.tr("Log an &inquiry…"))
        self.hint.setText(
            self.tr(
                "Under each name: when they arrived · minutes since their last step · who "
                "took it. Open a person with Enter or a double-click. ↩ marks a packet an "
                "attorney returned with comments; ⚠ marks answers edited on two laptops at "
                "once; ≈ marks someone who may also be checked in on another laptop."
            )
        )
        self._show_counts()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.translate_ui()
        super().changeEvent(event)

    def station_title(self, station: str) -> str:
        titles = {
            "check_in": self.tr("Check-in"),
            "screening": self.tr("Screening"),
            "forms": self.tr("Forms"),
            "review": self.tr("Attorney review"),
            "done": self.tr("Done"),
        }
        return titles[station]

    def _show_counts(self) -> None:
        for station, header in self.headers.items():
            count = self.board.count(station) if self.board else 0
            header.setText(f"{self.station_title(station)} ({count})")

    # -- data -------------------------------------------------------------------------------------

    def say(self, text: str) -> None:
        """Show what the last action said above the legend ("" hides it)."""
        self.note.setText(text)
        self.note.setVisible(bool(text))

    def refresh(self) -> None:
        self.say("")
        all_days = self.all_days.isChecked()
        self.ops.run(lambda desk: desk.people.board(all_days=all_days), self.show_board)

    def show_board(self, board: Board) -> None:
        self.board = board
        for station, lst in self.lists.items():
            lst.clear()
            now = clock.now()
            for row in board.rows:
                if row.station == station:
                    line = row_text(row, self.zone_name)
                    queued = queue_text(row, now, self.zone_name) if row.kind != "inquiry" else ""
                    shown = breakable(line)
                    item = QListWidgetItem(f"{shown}\n    {queued}" if queued else shown, lst)
                    item.setToolTip(line)  # the whole name, whatever the column's width
                    item.setData(Qt.ItemDataRole.UserRole, row.record_id)
                    if row.returned:
                        item.setToolTip(self.tr("Returned by the attorney: read the comments"))
                    elif row.elsewhere:
                        item.setToolTip(
                            self.tr("May be the same person as someone on another laptop")
                        )
        self._show_counts()
        self.damaged.setText(
            self.tr("Records that cannot be opened: %1").replace("%1", "; ".join(board.damaged))
        )
        self.damaged.setVisible(bool(board.damaged))

    def open_next(self) -> None:
        """Open the person who has waited longest today."""
        chosen = next_person(self.board.rows) if self.board is not None else None
        if chosen is not None:
            self.open_person.emit(chosen.record_id)

    def run_search(self) -> None:
        self.say("")
        query = self.search.text()
        if not query.strip():
            self.refresh()
            return
        self.ops.run(
            lambda desk: desk.people.search(query), self._show_results, self._search_failed
        )

    def _show_results(self, rows: list[BoardRow]) -> None:
        self.show_board(Board(rows, []))
        if not rows:
            self.say(self.tr("Nobody matches that search."))

    def _search_failed(self, message: str) -> None:
        self.say(message)

    def _activated(self, item: QListWidgetItem) -> None:
        self.open_person.emit(str(item.data(Qt.ItemDataRole.UserRole)))

    # -- an inquiry and a new person --------------------------------------------------------------

    def log_inquiry(self) -> None:
        dialog = InquiryDialog(self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        language, topic = str(dialog.language.currentData()), str(dialog.topic.currentData())
        self.ops.run(
            lambda desk: desk.people.log_inquiry(language, topic),
            self._inquiry_logged,
            self.say,
        )

    def _inquiry_logged(self, _record_id: str) -> None:
        self.refresh()
        self.say(self.tr("Inquiry counted."))

    def new_person(self) -> None:
        self._ask_new_person({})

    def _ask_new_person(self, typed: dict[str, Any]) -> None:
        """The check-in dialog, holding ``typed`` (what was typed before, if anything)."""
        dialog = NewPersonDialog(self, self.today)
        dialog.fill(typed)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        answers = dialog.answers()
        self.ops.run(
            lambda desk: desk.people.similar(answers), lambda m: self._maybe_create(answers, m)
        )

    def _maybe_create(self, answers: dict[str, Any], matches: list[tuple[BoardRow, str]]) -> None:
        if matches:
            kinds = {
                "a_number": self.tr("same A-Number"),
                "ssn": self.tr("same SSN"),
                "name_dob": self.tr("same family name and birth date"),
            }
            lines = "\n".join(f"• {row.name} · {row.dob} ({kinds[k]})" for row, k in matches)
            box = QMessageBox(self)
            box.setObjectName("duplicate-warning")
            box.setIcon(QMessageBox.Icon.Warning)
            box.setWindowTitle(self.tr("This may be someone already here"))
            box.setText(
                self.tr("This person looks like someone already in this clinic:\n%1").replace(
                    "%1", lines
                )
            )
            open_existing = box.addButton(
                self.tr("Open the existing person"), box.ButtonRole.AcceptRole
            )
            create = box.addButton(
                self.tr("Check in as a new person"), box.ButtonRole.DestructiveRole
            )
            box.addButton(QMessageBox.StandardButton.Cancel)
            box.exec()
            if box.clickedButton() is open_existing:
                self.open_person.emit(matches[0][0].record_id)
                return
            if box.clickedButton() is not create:
                # Cancel: back to the check-in as it was typed, to correct it or cancel again
                self._ask_new_person(answers)
                return
        self.ops.run(lambda desk: desk.people.new_person(answers), self._created)

    def _created(self, record_id: str) -> None:
        self.refresh()
        self.open_person.emit(record_id)
