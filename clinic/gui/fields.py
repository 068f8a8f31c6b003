"""Editors for answer keys, one per kind of value (``FieldKind``), for the interview and the
record screen.

Every editor keeps exactly what was typed (an invalid value is shown with its problem, never
dropped), emits ``changed`` on each edit, and shows choice labels in the staff language with the
client's language beside them ("Yes · 예"), so the volunteer and the client read the same
choice; the words (yes, no, "not answered", Add) come from the questionnaire's ``words``; the
buttons speak the staff language.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from clinic.domain.answers import ANSWER_KEYS, DOTTED_THOUSANDS, FieldKind, FieldSpec
from clinic.domain.display import SECRET_KEYS, masked
from clinic.domain.english import needs_english
from clinic.domain.languages import FALLBACK, text_in
from clinic.domain.questionnaire import Question, Text, word
from clinic.errors import problem_in
from clinic.gui.i18n import spoken_items, staff_language

Labels = dict[str, dict[str, str]]  # value -> language code -> label


def both(staff: str, client: str) -> str:
    """A text in the staff language with the client's beside it, once when they are the same."""
    if not client or client == staff:
        return staff
    if not staff:
        return client
    return f"{staff} · {client}"


PLACEHOLDERS = {  # a date's is said in the staff's letters: placeholder()
    FieldKind.A_NUMBER: "A-000-000-000",
    FieldKind.SSN: "000-00-0000",
    FieldKind.STATE: "CA",
    FieldKind.ZIP: "00000",
    FieldKind.PHONE: "(000) 000-0000",
}


def placeholder(kind: FieldKind) -> str:
    """What a box of ``kind`` shows until it is typed in; a date's pattern in the staff's
    letters (Spanish AAAA-MM-DD), as the errors about it say it."""
    if kind is FieldKind.DATE:
        return QCoreApplication.translate("Fields", "YYYY-MM-DD")
    return PLACEHOLDERS.get(kind, "")


_US_AMOUNT = re.compile(r"\$?\s*(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?")


def _number(text: str) -> Any:
    """A number as typed; U.S. money as people write it ("$32,000", "1,250.50") included. Dots
    between groups of three digits ("32.000", thousands as much of the world writes them) are
    kept as typed: read as a decimal point they would make $32 of $32,000, so the answer's
    check names the problem instead."""
    if DOTTED_THOUSANDS.fullmatch(text.strip()):
        return text.strip()
    written = _US_AMOUNT.fullmatch(text.strip())
    if written:
        text = written.group(1).replace(",", "") + (written.group(2) or "")
    try:
        return int(text)
    except ValueError:
        pass
    try:
        return float(text)
    except ValueError:
        return text  # kept as typed: validation names the problem


class AnswerCombo(QComboBox):
    """A combo box that changes only when a person means it: the mouse wheel over it scrolls
    the page unless the box has the focus (a volunteer scrolling a long page never changes an
    answer by passing over it), and a long choice never widens the page (the list that opens
    shows it whole)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # a wheel never gives it the focus
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(12)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        # a choice longer than the page is cut in the box: pointing at it reads it whole
        self.currentTextChanged.connect(self.setToolTip)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if self.hasFocus():
            super().wheelEvent(event)
        else:
            event.ignore()  # to the page: it scrolls

    def showPopup(self) -> None:
        view = self.view()
        if view is not None:  # the open list as wide as its longest choice needs
            view.setMinimumWidth(max(self.width(), view.sizeHintForColumn(0) + 24))
        super().showPopup()


class Editor(QWidget):
    """The base of every editor: a value (``None`` when unanswered) and a ``changed`` signal."""

    changed = Signal()

    def __init__(self, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.spec: FieldSpec = ANSWER_KEYS[key]
        self.setObjectName(f"editor:{key}")

    def value(self) -> Any:
        raise NotImplementedError

    def set_value(self, value: Any) -> None:
        raise NotImplementedError

    def set_language(self, lang: str) -> None:
        """Relabel choices in the client's language (the value stays)."""

    def focus_widget(self) -> QWidget:
        return self


class LineEditor(Editor):
    """Text, names, dates, numbers and identifiers: one line, kept as typed."""

    def __init__(self, key: str, parent: QWidget | None = None) -> None:
        super().__init__(key, parent)
        self.edit = QLineEdit(self)
        self.edit.setObjectName(f"field:{key}")
        self.edit.setPlaceholderText(placeholder(self.spec.kind))
        self.edit.setMaxLength(max(self.spec.max_length, 32) + 8)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        self.edit.textEdited.connect(lambda _t: self.changed.emit())
        self.setFocusProxy(self.edit)

    def focus_widget(self) -> QWidget:
        return self.edit

    def value(self) -> Any:
        text = self.edit.text().strip()
        if not text:
            return None
        return _number(text) if self.spec.kind is FieldKind.NUMBER else text

    def set_value(self, value: Any) -> None:
        self.edit.setText("" if value is None else str(value))


class SecretEditor(LineEditor):
    """The SSN or the A-Number: a stored number shows its last four digits, read-only, until a
    person presses Show (``reveal_requested``; the screen audits it, then calls
    :meth:`reveal`). An unanswered one is typed in as any answer: whoever types it sees it."""

    reveal_requested = Signal()

    def __init__(self, key: str, parent: QWidget | None = None) -> None:
        super().__init__(key, parent)
        self.stored: Any = None
        self.show_button = QToolButton(self)
        self.show_button.setObjectName(f"reveal:{key}")
        self.show_button.setText(self.tr("Show"))
        self.show_button.setToolTip(self.tr("Show the whole number (the audit log records it)"))
        self.show_button.clicked.connect(self._show_or_hide)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.removeWidget(self.edit)
        row = QHBoxLayout()
        row.addWidget(self.edit, 1)
        row.addWidget(self.show_button)
        layout.addLayout(row)
        self._masked = False
        # a whole number just typed is masked as soon as the cursor leaves it: the next person
        # at the screen (or behind it) does not read it, as they do not read a stored one
        self.edit.editingFinished.connect(self._typed)

    def _show_or_hide(self) -> None:
        """Show asks the screen (which audits it first); Hide masks the number again."""
        if self._masked:
            self.reveal_requested.emit()
        else:
            self.set_value(super().value())

    def _typed(self) -> None:
        if self._masked:
            return
        text = super().value()
        digits = re.sub(r"\D", "", str(text or ""))
        whole = len(digits) == 9 if self.key == "ssn" else 7 <= len(digits) <= 9
        if whole and re.fullmatch(r"[Aa]?[\d\s-]+", str(text).strip()):
            self.set_value(text)

    def value(self) -> Any:
        return self.stored if self._masked else super().value()

    def set_value(self, value: Any) -> None:
        self.stored = value
        self._masked = value not in (None, "")
        if self._masked:
            self.edit.setText(masked(self.key, value))
        else:
            super().set_value(value)
        self.edit.setReadOnly(self._masked)
        self.show_button.setVisible(self._masked)
        self._button_text()

    def _button_text(self) -> None:
        if self._masked:
            self.show_button.setText(self.tr("Show"))
            self.show_button.setToolTip(self.tr("Show the whole number (the audit log records it)"))
        else:
            self.show_button.setText(self.tr("Hide"))
            self.show_button.setToolTip(self.tr("Show only the last four digits again"))

    def reveal(self) -> None:
        """Show the whole number, to read or to change (after the screen audited it)."""
        if self._masked:
            self._masked = False
            super().set_value(self.stored)
            self.edit.setReadOnly(False)
            self._button_text()  # stays, as Hide
            self.edit.setFocus(Qt.FocusReason.OtherFocusReason)


class TextEditor(Editor):
    """Explanations: several lines (Tab moves on, as everywhere else)."""

    def __init__(self, key: str, parent: QWidget | None = None) -> None:
        super().__init__(key, parent)
        self.edit = QPlainTextEdit(self)
        self.edit.setObjectName(f"field:{key}")
        self.edit.setTabChangesFocus(True)
        self.edit.setMinimumHeight(self.fontMetrics().lineSpacing() * 4)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        self.edit.textChanged.connect(self.changed.emit)
        self.setFocusProxy(self.edit)

    def focus_widget(self) -> QWidget:
        return self.edit

    def value(self) -> Any:
        text = self.edit.toPlainText().strip()
        return text or None

    def set_value(self, value: Any) -> None:
        self.edit.blockSignals(True)
        self.edit.setPlainText("" if value is None else str(value))
        self.edit.blockSignals(False)


class ComboEditor(Editor):
    """A yes/no question or one choice among several; the first entry means "not answered"."""

    def __init__(
        self,
        key: str,
        labels: Labels | None,
        parent: QWidget | None = None,
        words: Mapping[str, Text] | None = None,
    ) -> None:
        super().__init__(key, parent)
        self.labels = labels or {}
        self.words = words or {}
        self.combo = AnswerCombo(self)
        self.combo.setObjectName(f"field:{key}")
        self.values: list[Any] = [None]
        if self.spec.kind is FieldKind.BOOL:
            self.values += [True, False]
        else:
            self.values += list(self.spec.choices)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.combo)
        layout.addStretch(0)
        self.set_language(FALLBACK)
        self.combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.setFocusProxy(self.combo)

    def focus_widget(self) -> QWidget:
        return self.combo

    def set_language(self, lang: str) -> None:
        current = self.combo.currentIndex()
        self.combo.blockSignals(True)
        self.combo.clear()
        staff = staff_language()

        def said(v: Any, in_lang: str) -> str:
            if v is None:
                return word(self.words, "not_answered", in_lang)
            if v is True:
                return word(self.words, "answer_yes", in_lang)
            if v is False:
                return word(self.words, "answer_no", in_lang)
            return text_in(self.labels.get(str(v), {}), in_lang) or str(v)

        for v in self.values:
            self.combo.addItem(both(said(v, staff), said(v, lang)))
        self.combo.setCurrentIndex(max(current, 0))
        self.combo.blockSignals(False)

    def value(self) -> Any:
        return self.values[max(self.combo.currentIndex(), 0)]

    def set_value(self, value: Any) -> None:
        self.combo.blockSignals(True)
        if isinstance(value, str) and self.spec.upper:
            value = value.upper()
        self.combo.setCurrentIndex(self.values.index(value) if value in self.values else 0)
        self.combo.blockSignals(False)


class ChoicesEditor(Editor):
    """Several choices: a list of check boxes (Space ticks one)."""

    def __init__(self, key: str, labels: Labels, parent: QWidget | None = None) -> None:
        super().__init__(key, parent)
        self.labels = labels
        self.list = QListWidget(self)
        self.list.setObjectName(f"field:{key}")
        self.list.setWordWrap(True)  # a long choice wraps; the page never widens for it
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for v in self.spec.choices:
            item = QListWidgetItem(v, self.list)
            item.setData(Qt.ItemDataRole.UserRole, v)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        rows = max(len(self.spec.choices), 1)
        self.list.setMaximumHeight(self.fontMetrics().lineSpacing() * (rows + 1) + 12)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        self.list.itemChanged.connect(lambda _i: self.changed.emit())
        self.setFocusProxy(self.list)
        self.set_language(FALLBACK)

    def focus_widget(self) -> QWidget:
        return self.list

    def set_language(self, lang: str) -> None:
        self.list.blockSignals(True)
        for i in range(self.list.count()):
            item = self.list.item(i)
            v = str(item.data(Qt.ItemDataRole.UserRole))
            labels = self.labels.get(v, {})
            item.setText(both(text_in(labels, staff_language()) or v, text_in(labels, lang)))
        self.list.blockSignals(False)

    def value(self) -> Any:
        chosen = [
            self.list.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.list.count())
            if self.list.item(i).checkState() == Qt.CheckState.Checked
        ]
        return chosen or None

    def set_value(self, value: Any) -> None:
        wanted = set(value) if isinstance(value, list) else set()
        self.list.blockSignals(True)
        for i in range(self.list.count()):
            item = self.list.item(i)
            on = item.data(Qt.ItemDataRole.UserRole) in wanted
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        self.list.blockSignals(False)


class ListEditor(Editor):
    """A list of entries (addresses, trips, arrests...): one row each, one column per field."""

    def __init__(self, question: Question, parent: QWidget | None = None) -> None:
        super().__init__(question.key, parent)
        self.question = question
        self.fields = list((self.spec.items or {}).items())
        self.table = QTableWidget(0, len(self.fields), self)
        self.table.setObjectName(f"field:{question.key}")
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setTabKeyNavigation(False)
        self.table.setMinimumHeight(self.fontMetrics().lineSpacing() * 6)
        # a column grows with what is typed in it ("2020-01-05", never "20…")
        self.table.itemChanged.connect(lambda item: self._fit_column(item.column()))
        self.add_button = QPushButton(self)
        self.add_button.setObjectName(f"add:{question.key}")
        self.remove_button = QPushButton(self)
        self.remove_button.setObjectName(f"remove:{question.key}")
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(self.add_and_edit)
        self.remove_button.clicked.connect(self.remove_row)
        self.table.itemChanged.connect(lambda _i: self.changed.emit())
        self.lang = FALLBACK
        self.set_language(FALLBACK)

    def focus_widget(self) -> QWidget:
        return self.table

    def _labels(self, name: str) -> Labels:
        return {v: dict(t.by_lang) for v, t in self.question.item_choices.get(name, {}).items()}

    def add_row(self) -> int:
        row = self.table.rowCount()
        self.table.blockSignals(True)
        self.table.insertRow(row)
        for col, (name, spec) in enumerate(self.fields):
            if spec.kind in (FieldKind.CHOICE, FieldKind.BOOL):
                combo = _ItemCombo(spec, self._labels(name), self.lang, self.question.words)
                combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
                self.table.setCellWidget(row, col, combo)
            else:
                item = QTableWidgetItem("")
                item.setToolTip(placeholder(spec.kind))
                self.table.setItem(row, col, item)
        self.table.blockSignals(False)
        self.changed.emit()
        self.table.setCurrentCell(row, 0)
        return row

    def add_and_edit(self) -> None:
        """Add an entry and put the typing into its first box (a ``clicked`` slot): what a
        person types next lands in the entry, never on the buttons."""
        row = self.add_row()
        self._fit_columns()
        self.table.setFocus()
        widget: QWidget | None = self.table.cellWidget(row, 0)
        first = self.table.item(row, 0)
        if isinstance(widget, QWidget):  # a choice: it takes the keys
            widget.setFocus()
        elif first is not None:
            self.table.editItem(first)

    def _fit_columns(self) -> None:
        """Each column as wide as its header and entries, and a date, ZIP or number column
        never narrower than what it holds when filled in."""
        self.table.resizeColumnsToContents()
        for col in range(len(self.fields)):
            self._fit_column(col)

    def _fit_column(self, col: int) -> None:
        if not 0 <= col < len(self.fields):
            return
        before = self.table.columnWidth(col)
        self.table.resizeColumnToContents(col)  # grows for what was typed, never shrinks
        self.table.setColumnWidth(col, max(before, self.table.columnWidth(col)))
        pattern = placeholder(self.fields[col][1].kind)
        if pattern:
            room = self.table.fontMetrics().horizontalAdvance(pattern) + 24
            if self.table.columnWidth(col) < room:
                self.table.setColumnWidth(col, room)

    def remove_row(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
            self.changed.emit()

    def set_language(self, lang: str) -> None:
        self.lang = lang
        staff = staff_language()
        self.table.setHorizontalHeaderLabels(
            [  # two lines when the languages differ: a header is never cut
                both(self.question.items[n].get(staff), self.question.items[n].get(lang)).replace(
                    " · ", "\n"
                )
                if n in self.question.items
                else n
                for n, _s in self.fields
            ]
        )
        self._fit_columns()
        for row in range(self.table.rowCount()):
            for col in range(len(self.fields)):
                widget = self.table.cellWidget(row, col)
                if isinstance(widget, _ItemCombo):
                    widget.relabel(lang)
        self.add_button.setText(self.question.word("add_entry", staff))
        self.remove_button.setText(self.question.word("remove_entry", staff))

    def value(self) -> Any:
        entries: list[dict[str, Any]] = []
        for row in range(self.table.rowCount()):
            entry: dict[str, Any] = {}
            for col, (name, spec) in enumerate(self.fields):
                widget = self.table.cellWidget(row, col)
                if isinstance(widget, _ItemCombo):
                    v = widget.value()
                else:
                    item = self.table.item(row, col)
                    text = item.text().strip() if item is not None else ""
                    v = (_number(text) if spec.kind is FieldKind.NUMBER else text) or None
                if v is not None:
                    entry[name] = v
            if entry:
                entries.append(entry)
        return entries or None

    def set_value(self, value: Any) -> None:
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        self.table.blockSignals(False)
        for entry in value if isinstance(value, list) else []:
            row = self.add_row()
            self.table.blockSignals(True)
            for col, (name, _spec) in enumerate(self.fields):
                v = entry.get(name) if isinstance(entry, dict) else None
                widget = self.table.cellWidget(row, col)
                if isinstance(widget, _ItemCombo):
                    widget.set_value(v)
                elif v is not None:
                    item = self.table.item(row, col)
                    if item is not None:
                        item.setText(str(v))
            self.table.blockSignals(False)
        self._fit_columns()


class _ItemCombo(AnswerCombo):
    """A choice or yes/no inside a list entry."""

    def __init__(
        self, spec: FieldSpec, labels: Labels, lang: str, words: Mapping[str, Text]
    ) -> None:
        super().__init__()
        self.labels = labels
        self.words = words
        self.values: list[Any] = [None]
        self.values += [True, False] if spec.kind is FieldKind.BOOL else list(spec.choices)
        self.relabel(lang)

    def relabel(self, lang: str) -> None:
        current = max(self.currentIndex(), 0)
        self.blockSignals(True)
        self.clear()
        staff = staff_language()

        def said(v: Any, in_lang: str) -> str:
            if isinstance(v, bool):
                return word(self.words, "answer_yes" if v else "answer_no", in_lang)
            return text_in(self.labels.get(str(v), {}), in_lang) or str(v)

        for v in self.values:
            self.addItem("" if v is None else both(said(v, staff), said(v, lang)))
        self.setCurrentIndex(current)
        self.blockSignals(False)

    def value(self) -> Any:
        return self.values[max(self.currentIndex(), 0)]

    def set_value(self, value: Any) -> None:
        self.setCurrentIndex(self.values.index(value) if value in self.values else 0)


class LanguageEditor(Editor):
    """A language, chosen by its name ("Korean (한국어)"); one not listed is typed as its
    ISO 639 code (for example mam), which is what is stored."""

    def __init__(self, key: str, parent: QWidget | None = None) -> None:
        super().__init__(key, parent)
        self.combo = AnswerCombo(self)
        self.combo.setObjectName(f"field:{key}")
        self.combo.setEditable(True)
        self.combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.combo.addItem("", None)
        for label, code in spoken_items():  # named for staff, in letters this screen draws
            self.combo.addItem(label, code)
        completer = self.combo.completer()
        if completer is not None:
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)  # "한국" finds Korean too
            completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
            # a name picked from the list is an answer (Qt sets it without textEdited)
            completer.activated.connect(lambda _t: self.changed.emit())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.combo)
        self.combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
        line = self.combo.lineEdit()
        if line is not None:
            line.textEdited.connect(lambda _t: self.changed.emit())
            line.setPlaceholderText("Korean (한국어), mam…")
        self.setFocusProxy(self.combo)

    def focus_widget(self) -> QWidget:
        return self.combo

    def value(self) -> Any:
        text = self.combo.currentText().strip()
        if not text:
            return None
        index = self.combo.findText(text, Qt.MatchFlag.MatchFixedString)
        if index > 0:
            return self.combo.itemData(index)
        return text  # a code typed (validation names a wrong one)

    def set_value(self, value: Any) -> None:
        self.combo.blockSignals(True)
        index = self.combo.findData(value) if value else 0
        if index >= 0:
            self.combo.setCurrentIndex(index)
        else:
            self.combo.setEditText(str(value))
        self.combo.blockSignals(False)


def make_editor(question: Question, parent: QWidget | None = None) -> Editor:
    """The editor for a question's answer key."""
    spec = ANSWER_KEYS[question.key]
    labels = {v: dict(t.by_lang) for v, t in question.choices.items()}
    if spec.kind in (FieldKind.BOOL, FieldKind.CHOICE):
        return ComboEditor(question.key, labels, parent, question.words)
    if spec.kind is FieldKind.CHOICES:
        return ChoicesEditor(question.key, labels, parent)
    if spec.kind is FieldKind.LIST:
        return ListEditor(question, parent)
    if spec.kind is FieldKind.LANGUAGE:
        return LanguageEditor(question.key, parent)
    if spec.kind is FieldKind.TEXT and spec.multiline:
        return TextEditor(question.key, parent)
    if question.key in SECRET_KEYS:
        return SecretEditor(question.key, parent)
    return LineEditor(question.key, parent)


class QuestionBox(QWidget):
    """A question as the interview shows it: label, why we ask, the editor, its problems."""

    def __init__(self, question: Question, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.question = question
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        font = self.label.font()
        font.setBold(True)
        self.label.setFont(font)
        self.asked = QLabel(self)  # the question as the client hears it (their language)
        self.asked.setWordWrap(True)
        self.asked.setTextFormat(Qt.TextFormat.PlainText)
        self.asked.setObjectName(f"asked:{question.key}")
        self.asked.setStyleSheet("color: #1a4f8b;")
        self.asked.hide()
        self.why = QLabel(self)
        self.why.setWordWrap(True)
        self.why.setTextFormat(Qt.TextFormat.PlainText)
        self.why.setObjectName(f"why:{question.key}")
        self.why.setStyleSheet("color: #4a4a4a;")  # context, not a question: a quieter grey
        why_font = self.why.font()
        why_font.setItalic(True)
        self.why.setFont(why_font)
        self.editor = make_editor(question, self)
        self.label.setBuddy(self.editor.focus_widget())
        self.error = QLabel(self)
        self.error.setObjectName(f"error:{question.key}")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.error.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 8)
        layout.addWidget(self.label)
        layout.addWidget(self.asked)
        layout.addWidget(self.why)
        layout.addWidget(self.editor)
        layout.addWidget(self.error)

    def set_language(self, lang: str) -> None:
        """The question in the staff language, and as asked in the client's language ``lang``
        beneath it when that differs (the volunteer reads both; nothing typed changes)."""
        q, staff = self.question, staff_language()
        self.label.setText(q.label.get(staff) + (" *" if q.required else ""))
        asked = q.label.get(lang)
        self.asked.setText(asked)
        self.asked.setVisible(asked != q.label.get(staff))
        why = q.why.get(staff)
        if q.why.get(lang) != why:
            why += "\n" + q.why.get(lang)
        if q.help is not None:
            why += "\n" + q.help.get(staff)
        if needs_english(q.key) and (staff, lang) != (FALLBACK, FALLBACK):
            # the forms are in English: said before the answer, not first at the build
            why += "\n" + QCoreApplication.translate(
                "QuestionBox", "Write the answer in English: it goes on the USCIS forms."
            )
        self.why.setText(why)
        self.editor.set_language(lang)

    def set_errors(self, problems: list[str]) -> None:
        staff = staff_language()  # a problem the answers' rules said, in the staff's words
        self.error.setText("\n".join(problem_in(p, staff) for p in problems))
        self.error.setVisible(bool(problems))
