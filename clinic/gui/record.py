"""A person's record: answers by section (editable, each change recorded), the screening, the
packet (built on the worker with a progress bar, shown with QtPdf, printed, exported), the
attorney's comments, and the event timeline.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTabWidget,
    QTextBrowser,
    QTreeView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from clinic.core import Desk, PacketView, RecordView
from clinic.core.views import TimelineEntry
from clinic.domain.answers import validate_answers
from clinic.domain.english import form_problems, in_row
from clinic.domain.events import Comment
from clinic.domain.languages import FALLBACK, client_language, client_languages
from clinic.domain.questionnaire import Question, Questionnaire
from clinic.domain.rule_texts import outcome_label
from clinic.errors import ScreenAgain
from clinic.gui import osedge
from clinic.gui.fields import QuestionBox
from clinic.gui.i18n import answer_shown, spoken_label, staff_language
from clinic.gui.interview import determination_html
from clinic.gui.ops import Ops
from clinic.gui.pdfview import PacketViewer, print_pdfs
from clinic.gui.security import SecretClipboard

SECRET_KEYS = ("a_number", "ssn")


def comments_html(comments: Sequence[Comment], label_of: Callable[[str], str]) -> str:
    """An attorney's comments on a person, oldest first: who, when, what about (the question as
    asked, never its key), and the text; the returns marked."""
    import html

    if not comments:
        return (
            "<p>" + html.escape(QCoreApplication.translate("RecordPage", "No comments.")) + "</p>"
        )
    parts = []
    for c in comments:
        kind = (
            QCoreApplication.translate("RecordPage", "Returned")
            if c.returned
            else QCoreApplication.translate("RecordPage", "Comment")
        )
        item = f" — <i>{html.escape(label_of(c.item))}</i>" if c.item else ""
        text = html.escape(c.text) or html.escape(
            QCoreApplication.translate("RecordPage", "(with the comments above)")
        )
        parts.append(
            f"<p><b>{html.escape(kind)}</b> · {html.escape(c.author)} · "
            f"{html.escape(c.at[:16].replace('T', ' '))}{item}<br>{text}</p>"
        )
    return "".join(parts)


class WrapDelegate(QStyledItemDelegate):
    """Rows as tall as their text wrapped at its column's present width. Qt's own size hint
    does not know the width, so a long question would be cut short with "…"; with this, it
    wraps onto more lines and every word stays readable."""

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        hint = super().sizeHint(option, index)
        view = self.parent()
        text = index.data(Qt.ItemDataRole.DisplayRole)
        if not isinstance(view, QTreeView) or not text:
            return hint
        width = view.columnWidth(index.column())
        if index.column() == 0:
            depth, parent = 0, index.parent()
            while parent.isValid():
                depth, parent = depth + 1, parent.parent()
            width -= view.indentation() * (depth + int(view.rootIsDecorated()))
        room = QRect(0, 0, max(width - 12, 40), 100_000)
        flags = int(Qt.TextFlag.TextWordWrap.value)
        needed = view.fontMetrics().boundingRect(room, flags, str(text)).height() + 6
        return QSize(hint.width(), max(hint.height(), needed))


def fit_answers(tree: QTreeWidget) -> None:
    """Question and answer side by side, both on screen: the question column takes what it
    needs up to 45% of the view (a long question wraps onto more lines), the answer the
    rest (and wraps too)."""
    if not isinstance(tree.itemDelegate(), WrapDelegate):
        tree.setItemDelegate(WrapDelegate(tree))
        tree.setUniformRowHeights(False)
        tree.setTextElideMode(Qt.TextElideMode.ElideNone)
        tree.header().sectionResized.connect(lambda *_: tree.doItemsLayout())
    tree.setWordWrap(True)
    header = tree.header()
    header.setStretchLastSection(True)
    room = max(tree.viewport().width(), tree.width(), 400)
    tree.setColumnWidth(0, min(tree.sizeHintForColumn(0) + 12, max(180, room * 45 // 100)))
    tree.doItemsLayout()


class EditAnswerDialog(QDialog):
    """Change one answer with the same editor the interview uses."""

    def __init__(
        self, question: Question, value: Any, lang: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("edit-answer")
        self.box = QuestionBox(question, self)
        self.box.set_language(lang)
        self.box.editor.set_value(value)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.box)
        layout.addWidget(buttons)
        self.setWindowTitle(self.tr("Change an answer"))

    def value(self) -> Any:
        return self.box.editor.value()

    def _check(self) -> None:
        value = self.value()
        problems = (
            []
            if value is None
            else [e.problem for e in validate_answers({self.box.question.key: value})]
        )
        if value is not None and not problems:  # what the forms cannot take, said here too
            key = self.box.question.key
            problems = [in_row(key, where, problem) for where, problem in form_problems(key, value)]
        self.box.set_errors(problems)
        if not problems:
            self.accept()
            return
        # the message takes room: the dialog grows for it, never squeezing the question
        layout = self.layout()
        if layout is not None:
            layout.activate()
        self.resize(self.width(), max(self.height(), self.sizeHint().height()))


class RecordPage(QWidget):
    """One person's record. ``interview(record_id)`` asks the window to open the interview."""

    interview = Signal(str)
    changed = Signal(str)

    def __init__(
        self, ops: Ops, questionnaire: Questionnaire, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ops = ops
        self.questionnaire = questionnaire
        self.view: RecordView | None = None
        self._answers_for = ""  # whose answers the Answers tab lists
        self.packet: PacketView | None = None
        self.clipboard = SecretClipboard(parent=self)
        self.lang = FALLBACK

        self.title = QLabel(self)
        self.title.setObjectName("record-title")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        # a long name wraps: it never widens the window beyond the screen
        self.title.setWordWrap(True)
        self.title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.status = QLabel(self)
        self.status.setObjectName("record-status")
        self.interview_button = QPushButton(self)
        self.interview_button.setObjectName("open-interview")
        self.screen_button = QPushButton(self)
        self.screen_button.setObjectName("screen-again")
        self.copy_a_number = QPushButton(self)
        self.copy_a_number.setObjectName("copy:a_number")
        self.copy_ssn = QPushButton(self)
        self.copy_ssn.setObjectName("copy:ssn")
        self.reveal = QPushButton(self)  # the numbers in full, for this record, audited
        self.reveal.setObjectName("reveal-numbers")
        self.reveal.setCheckable(True)
        self.revealed = False
        self._revealed_for = ""
        self.message = QLabel(self)
        self.message.setObjectName("record-message")
        self.message.setWordWrap(True)
        # a line kept for it even when empty: the record below never jumps as it comes and goes
        self.message.setMinimumHeight(self.message.fontMetrics().lineSpacing())

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("record-tabs")
        self.answers = QTreeWidget(self)
        self.answers.setObjectName("answers")
        self.answers.setColumnCount(2)
        self.answers.setAlternatingRowColors(True)
        self.answers.itemActivated.connect(self._edit)
        self.screening = QTextBrowser(self)
        self.screening.setObjectName("screening")
        self.comments = QTextBrowser(self)
        self.comments.setObjectName("comments")
        self.timeline = QTreeWidget(self)
        self.timeline.setObjectName("timeline")
        self.timeline.setColumnCount(4)
        self.timeline.setRootIsDecorated(False)

        packet_tab = QWidget(self)
        self.build_button = QPushButton(packet_tab)
        self.build_button.setObjectName("build-packet")
        self.payment_label = QLabel(packet_tab)
        self.payment = QComboBox(packet_tab)  # how the fees are paid: one form per fee
        # its words change with the staff language: it grows with them, never cut
        self.payment.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.payment.setObjectName("packet-payment")
        self.payment.addItem("", "card")
        self.payment.addItem("", "bank_debit")
        self.payment_label.setBuddy(self.payment)
        self.attorney_label = QLabel(packet_tab)
        self.attorney = QComboBox(packet_tab)  # the attorney of record (G-28), if one represents
        # its words change with the staff language: it grows with them, never cut
        self.attorney.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.attorney.setObjectName("packet-attorney")
        self.attorney.addItem("", "")
        self.attorney_label.setBuddy(self.attorney)
        for combo in (self.payment, self.attorney):  # a narrow window never cuts their words
            combo.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
        self.print_button = QPushButton(packet_tab)
        self.print_button.setObjectName("print-packet")
        self.export_button = QPushButton(packet_tab)
        self.export_button.setObjectName("export-packet")
        self.take_home_button = QPushButton(packet_tab)  # the client's sheet, on its own
        self.take_home_button.setObjectName("print-take-home")
        self.progress = QProgressBar(packet_tab)
        self.progress.setObjectName("packet-progress")
        self.progress.hide()
        self.viewer = PacketViewer(packet_tab)
        row = QHBoxLayout()
        row.addWidget(self.payment_label)
        row.addWidget(self.payment)
        row.addWidget(self.attorney_label)
        row.addWidget(self.attorney)
        row.addWidget(self.build_button)
        row.addStretch(1)
        # what is done with a built packet, on its own row (room for every language)
        out_row = QHBoxLayout()
        out_row.addWidget(self.print_button)
        out_row.addWidget(self.take_home_button)
        out_row.addWidget(self.export_button)
        out_row.addWidget(self.progress, 2)
        out_row.addStretch(1)
        packet_layout = QVBoxLayout(packet_tab)
        packet_layout.addLayout(row)
        packet_layout.addLayout(out_row)
        packet_layout.addWidget(self.viewer, 1)
        self.packet_tab = packet_tab

        for widget in (self.answers, self.screening, packet_tab, self.comments, self.timeline):
            self.tabs.addTab(widget, "")

        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.copy_a_number)
        head.addWidget(self.copy_ssn)
        head.addWidget(self.reveal)
        head.addWidget(self.screen_button)
        head.addWidget(self.interview_button)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.status)
        layout.addWidget(self.message)
        layout.addWidget(self.tabs, 1)

        self.interview_button.clicked.connect(self._open_interview)
        self.screen_button.clicked.connect(self.screen_again)
        self.copy_a_number.clicked.connect(lambda: self._copy("a_number"))
        self.copy_ssn.clicked.connect(lambda: self._copy("ssn"))
        self.reveal.toggled.connect(self._reveal)
        self.reveal.toggled.connect(lambda _on: self._reveal_label())
        self.build_button.clicked.connect(self.build_packet)
        self.print_button.clicked.connect(self.print_packet)
        self.export_button.clicked.connect(self.export_packet)
        self.take_home_button.clicked.connect(self.print_take_home)
        self.ops.progress.connect(self._progress)
        self.translate_ui()
        # no person open yet: nothing to copy, screen, interview or build
        for button in (
            self.copy_a_number,
            self.copy_ssn,
            self.reveal,
            self.screen_button,
            self.interview_button,
            self.build_button,
            self.print_button,
            self.export_button,
            self.take_home_button,
        ):
            button.setEnabled(False)

    # -- texts ------------------------------------------------------------------------------------

    def translate_ui(self) -> None:
        self.interview_button.setText(self.tr("&Interview…"))
        self.screen_button.setText(self.tr("Screen a&gain"))
        self.screen_button.setToolTip(
            self.tr("Screen the stored answers again as of today (after an answer changed)")
        )
        self.copy_a_number.setText(self.tr("Copy A-Number"))
        self.copy_ssn.setText(self.tr("Copy SSN"))
        self._reveal_label()
        self.reveal.setToolTip(
            self.tr(
                "SSN and A-Number show their last four digits; this shows them in full for this "
                "person (recorded in the audit log)"
            )
        )
        tip = self.tr("Copied as a secret; the clipboard is cleared after 30 seconds")
        self.copy_a_number.setToolTip(tip)
        self.copy_ssn.setToolTip(tip)
        self.build_button.setText(self.tr("&Build packet"))
        self.payment_label.setText(self.tr("Fees &paid by:"))
        self.payment.setItemText(0, self.tr("Card (Form G-1450)"))
        self.payment.setItemText(1, self.tr("Bank debit (Form G-1650)"))
        self.payment.setToolTip(
            self.tr("How USCIS takes each fee of a paper filing: one payment form per fee")
        )
        self.attorney_label.setText(self.tr("Attorney of &record:"))
        self.attorney.setItemText(0, self.tr("None (no G-28)"))
        self.attorney.setToolTip(
            self.tr(
                "The clinic's attorney who represents this person: the packet leads with their "
                "Form G-28, and only they approve it"
            )
        )
        self.print_button.setText(self.tr("Pri&nt…"))
        self.print_button.setToolTip(self.tr("Print every file of the packet"))
        self.take_home_button.setText(self.tr("Print ta&ke-home sheet…"))
        self.take_home_button.setToolTip(
            self.tr(
                "Print the client's take-home sheet alone, in their language: what was prepared, "
                "fees, where to mail, what comes next (no SSN, no A-Number)"
            )
        )
        self.export_button.setText(self.tr("E&xport to a folder…"))
        titles = (
            self.tr("Answers"),
            self.tr("Screening"),
            self.tr("Packet"),
            self.tr("Comments"),
            self.tr("Timeline"),
        )
        for i, title in enumerate(titles):
            self.tabs.setTabText(i, title)
        self.answers.setHeaderLabels([self.tr("Question"), self.tr("Answer")])
        self.timeline.setHeaderLabels(
            [self.tr("When"), self.tr("Who"), self.tr("Event"), self.tr("Details")]
        )
        self.answers.setToolTip(self.tr("Enter or double-click an answer to change it"))
        self._show_status()
        self._show_screening()
        if self.view is not None:
            self._fill_answers()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.translate_ui()
            self.message.clear()  # what the last action said, in the old language
        super().changeEvent(event)

    # -- loading ----------------------------------------------------------------------------------

    def open_record(self, record_id: str, *, keep_message: bool = False) -> None:
        if not keep_message:  # a reload after an action keeps what the action said
            self.message.clear()
        staff = staff_language()  # read here: the worker has no Qt locale of its own
        self.ops.run(
            lambda desk: desk.interview.record(record_id, staff_lang=staff),
            self.show_record,
            self.message.setText,
        )

    def reload(self) -> None:
        if self.view is not None:
            self.open_record(self.view.state.record_id, keep_message=True)

    def show_record(self, view: RecordView) -> None:
        self.view = view
        state = view.state
        a = state.answers
        self.lang = client_language(a.get("language"))
        name = ", ".join(str(a[k]) for k in ("name.family", "name.given") if a.get(k))
        native = f" ({a['name.native']})" if a.get("name.native") else ""
        if state.kind == "inquiry" and not name:  # counted, no one's name kept (never "yet")
            self.title.setText(self.tr("Inquiry (no name kept)"))
        else:
            self.title.setText((name or self.tr("(no name yet)")) + native)
        self.copy_a_number.setEnabled(bool(a.get("a_number")))
        self.copy_ssn.setEnabled(bool(a.get("ssn")))
        same = self.revealed and self._revealed_for == state.record_id
        self.revealed = same  # another person: masked again
        self.reveal.blockSignals(True)
        self.reveal.setChecked(same)
        self.reveal.blockSignals(False)
        self._reveal_label()
        self.reveal.setEnabled(bool(a.get("a_number") or a.get("ssn")))
        # an inquiry keeps no one's answers: nothing to screen, interview or build (a walk)
        inquiry = state.kind == "inquiry"
        self.screen_button.setEnabled(not inquiry)
        self.interview_button.setEnabled(not inquiry)
        # not while one is built, nor over an approved packet the answers still match (it is
        # locked: a change to an answer makes it stale, and then it is built again)
        locked = bool(state.approved_packet) and not state.packet_stale
        self.build_button.setEnabled(self.progress.isHidden() and not locked and not inquiry)
        self.build_button.setToolTip(
            self.tr("The approved packet is locked: change an answer to build a new one.")
            if locked
            else ""
        )
        self._fill_answers()
        self._show_screening()
        self._fill_comments()
        self.timeline.clear()
        for entry in view.timeline:
            QTreeWidgetItem(
                self.timeline,
                [entry.at, entry.author, self._event_word(entry.type), self._event_said(entry)],
            )
        for column in range(3):  # when, who, what: never cut ("2026-11-21 1...")
            self.timeline.resizeColumnToContents(column)
        self._show_status()
        self.viewer.set_packet(None)
        self.packet = None
        self._choose_as_built("", "")  # a new person starts from the defaults
        if state.packets:
            record_id = state.record_id
            self.ops.run(
                lambda desk: desk.packets.view(record_id), self._show_packet, self.message.setText
            )
        self.print_button.setEnabled(False)
        self.export_button.setEnabled(False)
        self.take_home_button.setEnabled(False)

    def _show_screening(self) -> None:
        """The recorded determination in the staff language (the same answers screened on its
        date, when that gives exactly its codes; else its reasons as they were recorded, under
        headings in the staff language)."""
        det = None
        if self.view is not None:
            det = self.view.screening_for_staff or self.view.state.determination
        self.screening.setHtml(
            determination_html(det, staff_language())
            if det
            else self.tr("<p>Not screened yet.</p>")
        )

    def _show_status(self) -> None:
        if self.view is None:  # no one open: say how to open someone
            self.status.setText(
                self.tr("No one is open. Open a person from Today (double-click their name).")
            )
            return
        s = self.view.state
        words = {
            "intake": self.tr("At intake: interview in progress"),
            "screened": self.tr("Screened: ready for forms"),
            "in_review": self.tr("Packet awaiting attorney review"),
            "returned": self.tr("Returned by the attorney: read the comments, fix, rebuild"),
            "approved": self.tr("Packet approved and locked"),
            "closed": self.tr("Closed"),
            "inquiry": self.tr("Inquiry only"),
        }
        text = words.get(s.status.value, s.status.value)
        if s.status.value == "screened" and self.view.missing and not s.packet_stale:
            text = self.tr(
                "Screened, with %1 required answer(s) missing: finish the interview before the "
                "forms (Interview…)"
            ).replace("%1", str(self.view.missing))
        if s.approval_undone:
            text = self.tr(
                "Answers changed after the attorney approved the packet: the approval no longer "
                "holds. Screen again if asked, then build the packet again (it goes back to the "
                "attorney)"
            )
        elif s.packet_stale and self.view.screening_current:
            text = self.tr(
                "Answers changed after the packet was built and were screened again: build "
                "the packet again (it then goes to the attorney)"
            )
        elif s.packet_stale:
            text = self.tr(
                "Answers changed after the packet was built: screen again, then build the "
                "packet again (it then goes to the attorney)"
            )
        if self.view.draft:
            text += self.tr(" · an unfinished interview draft is saved")
        if self.view.elsewhere:
            text += self.tr(" · may be the same person as someone on another laptop (%1)").replace(
                "%1", ", ".join(self.view.elsewhere)
            )
        if s.conflicts:
            text += self.tr(
                " · %1 answer(s) edited on two laptops at once: choose which value to keep"
            ).replace("%1", str(len(s.conflicts)))
        self.status.setText(text)

    def _fill_answers(self) -> None:
        assert self.view is not None
        state = self.view.state
        # the same person again (an answer just changed): the list stays where it was
        same = self._answers_for == state.record_id
        scrolled = self.answers.verticalScrollBar().value() if same else 0
        chosen = self.answers.currentItem()
        chosen_key = chosen.data(0, Qt.ItemDataRole.UserRole) if same and chosen else None
        self._answers_for = state.record_id
        self.answers.clear()
        for section in self.questionnaire.sections:
            keys = [q for g in section.groups for q in g.questions if q.key in state.answers]
            if not keys:
                continue
            top = QTreeWidgetItem(self.answers, [section.title.get(staff_language()), ""])
            top.setFirstColumnSpanned(True)
            lang = staff_language()
            for q in keys:
                value = answer_shown(q, state.answers[q.key], lang, reveal=self.revealed)
                if q.key in state.conflicts:
                    others = [
                        answer_shown(q, v, lang, reveal=self.revealed)
                        for _ver, v in state.conflicts[q.key].values
                    ]
                    value += "   ⚠ " + self.tr("conflict: %1").replace("%1", " | ".join(others))
                item = QTreeWidgetItem(top, [q.label.get(staff_language()), value])
                item.setToolTip(0, q.label.get(staff_language()))
                item.setData(0, Qt.ItemDataRole.UserRole, q.key)
                item.setToolTip(1, value)
                if q.key == chosen_key:
                    self.answers.setCurrentItem(item)
            top.setExpanded(True)
        fit_answers(self.answers)
        self.answers.verticalScrollBar().setValue(scrolled)

    def _event_word(self, kind: str) -> str:
        """What happened, in words (never the event's code)."""
        words = {
            "created": self.tr("Checked in"),
            "answers_set": self.tr("Answers saved"),
            "screened": self.tr("Screened"),
            "packet_built": self.tr("Packet built"),
            "review_comment": self.tr("Attorney's comment"),
            "review_returned": self.tr("Returned by the attorney"),
            "review_approved": self.tr("Approved by the attorney"),
            "closed": self.tr("Closed"),
            "inquiry_logged": self.tr("Inquiry"),
        }
        return words.get(kind, kind.replace("_", " "))

    def _event_said(self, entry: TimelineEntry) -> str:
        """Its detail, with questions and outcomes in words (never keys or codes)."""
        staff = staff_language()
        if entry.type in ("review_comment", "review_returned"):
            about = self._item_label(entry.keys[0]) + ": " if entry.keys else ""
            return about + entry.summary
        if entry.keys:
            named = [self._item_label(k.split("[", 1)[0]) for k in entry.keys]
            shown = "; ".join(named[:4])
            if len(named) > 4:
                shown += " " + self.tr("and %1 more").replace("%1", str(len(named) - 4))
            return shown
        if entry.type == "screened" and entry.outcome:
            return outcome_label(entry.outcome, staff)
        if entry.type == "created":
            return ""
        if entry.type == "packet_built":
            return (
                self.tr("packet %1, %2 files")
                .replace("%1", entry.packet)
                .replace("%2", str(entry.files))
            )
        if entry.type == "review_approved":
            return self.tr("packet %1").replace("%1", entry.packet)
        return entry.summary

    def _item_label(self, key: str) -> str:
        """What a comment is about, as the questionnaire asks it (never its key)."""
        try:
            return self.questionnaire.question(key).label.get(staff_language())
        except KeyError:
            return key

    def _fill_comments(self) -> None:
        assert self.view is not None
        self.comments.setHtml(comments_html(self.view.state.comments, self._item_label))

    # -- actions ----------------------------------------------------------------------------------

    def _open_interview(self) -> None:
        if self.view is not None and self._may_undo_approval():
            self.interview.emit(self.view.state.record_id)

    def _may_undo_approval(self) -> bool:
        """Before an answer of an approved packet changes: say that it undoes the approval, and
        go on only if the person says so (a packet not approved: nothing to ask)."""
        if self.view is None or not self.view.state.approved_packet:
            return True
        box = QMessageBox(self)
        box.setObjectName("undo-approval")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Change an approved packet?"))
        box.setText(
            self.tr(
                "An attorney approved this person's packet. Changing an answer undoes the "
                "approval: the packet is built again and goes back to the attorney."
            )
        )
        change = box.addButton(self.tr("&Change anyway"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is change

    def _reveal_label(self) -> None:
        """Show numbers, or Hide numbers while they are shown."""
        self.reveal.setText(
            self.tr("Hide numbers") if self.reveal.isChecked() else self.tr("Show numbers")
        )

    def _reveal(self, on: bool) -> None:
        """Show the SSN and A-Number in full (audited on the worker first), or mask them again."""
        if self.view is None:
            return
        if not on:
            self.revealed = False
            self._fill_answers()
            return
        record_id = self.view.state.record_id

        def shown(_none: object) -> None:
            if self.view is not None and self.view.state.record_id == record_id:
                self.revealed, self._revealed_for = True, record_id
                self._fill_answers()

        def refused(message: str) -> None:
            self.reveal.blockSignals(True)
            self.reveal.setChecked(False)
            self.reveal.blockSignals(False)
            self._reveal_label()
            self.message.setText(message)

        self.ops.run(lambda desk: desk.people.reveal_numbers(record_id), shown, refused)

    def _copy(self, key: str) -> None:
        if self.view is not None and self.view.state.answers.get(key):
            self.clipboard.copy(str(self.view.state.answers[key]))
            self.message.setText(self.tr("Copied; the clipboard is cleared in 30 seconds."))

    def _edit(self, item: QTreeWidgetItem, _column: int) -> None:
        key = item.data(0, Qt.ItemDataRole.UserRole)
        if self.view is None or not key:
            return
        if key in self.view.state.conflicts:
            self.choose(str(key))
            return
        if not self._may_undo_approval():
            return
        question = self.questionnaire.question(str(key))
        dialog = EditAnswerDialog(question, self.view.state.answers.get(key), self.lang, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.save_answer(str(key), dialog.value())

    def choose(self, key: str, value_index: int | None = None) -> None:
        """An answer edited on two laptops at once: a person picks the value to keep."""
        assert self.view is not None
        values = [v for _version, v in self.view.state.conflicts[key].values]
        if value_index is None:
            question = self.questionnaire.question(key)
            labels = [answer_shown(question, v, staff_language(), reveal=True) for v in values]
            chosen, ok = QInputDialog.getItem(
                self,
                self.tr("Two laptops changed this answer"),
                self.tr("Keep which value?"),
                labels,
                len(labels) - 1,
                False,
            )
            if not ok:
                return
            value_index = labels.index(chosen)
        record_id, value = self.view.state.record_id, values[value_index]
        self.ops.run(
            lambda desk: desk.sync.resolve_conflict(record_id, key, value),
            lambda _r: self._saved(record_id),
            self.message.setText,
        )

    def save_answer(self, key: str, value: Any) -> None:
        assert self.view is not None
        record_id = self.view.state.record_id
        self.ops.run(
            lambda desk: desk.interview.set_answer(record_id, key, value),
            lambda _n: self._saved(record_id),
            self.message.setText,
        )

    def _saved(self, record_id: str) -> None:
        self.reload()
        self.changed.emit(record_id)

    def screen_again(self) -> None:
        """Screen the stored answers again as of today and record it (the packet is built
        from the recorded screening)."""
        if self.view is None:
            return
        record_id = self.view.state.record_id
        self.ops.run(
            lambda desk: desk.interview.screen_record(record_id),
            lambda _det: self._screened_again(record_id),
            self.message.setText,
        )

    def _screened_again(self, record_id: str) -> None:
        self._saved(record_id)
        self.message.setText(self.tr("Screened again as of today: see the Screening tab."))
        self.tabs.setCurrentWidget(self.screening)

    def set_attorneys(self, names: list[str]) -> None:
        """The clinic's attorneys, offered as the attorney of record (after "None")."""
        while self.attorney.count() > 1:
            self.attorney.removeItem(1)
        for name in names:
            self.attorney.addItem(name, name)

    def build_packet(self) -> None:
        if self.view is None:
            return
        record_id = self.view.state.record_id
        self.build_button.setEnabled(False)
        self.progress.setValue(0)
        self.progress.show()
        self.message.setText(self.tr("Building the packet…"))
        report = self.ops.report_progress
        payment = str(self.payment.currentData())
        attorney = str(self.attorney.currentData() or "") or None

        def build(desk: Desk) -> PacketView | None:
            try:
                return desk.packets.build_and_show(
                    record_id, progress=report, payment=payment, attorney=attorney
                )
            except ScreenAgain:  # said on the GUI thread, with the button that does it
                return None

        self.ops.run(build, self._built, self._build_failed)

    def _progress(self, done: int, total: int, what: str) -> None:
        self.progress.setMaximum(total)
        self.progress.setValue(done)
        self.progress.setFormat(f"%p%  {what}")

    def _built(self, packet: PacketView | None) -> None:
        self.build_button.setEnabled(True)
        self.progress.hide()
        if packet is None:
            self.message.setText(
                self.tr(
                    "The packet was not built: the answers changed since the last screening. "
                    "Click Screen again (above), then Build packet."
                )
            )
            return
        said = (
            self.tr("Nothing changed since the approval: this is the approved packet.")
            if packet.approved
            else self.tr("Packet built and stored encrypted. An attorney reviews it next.")
        )
        if self.view is not None and self.view.missing:  # Finish anyway left some unanswered
            said += " " + self.tr(
                "%1 required answer(s) are missing: the forms have blanks there, for the "
                "attorney to see."
            ).replace("%1", str(self.view.missing))
        self.message.setText(said + self._english_take_home(named=True) + self._no_contact(packet))
        self.tabs.setCurrentWidget(self.packet_tab)
        self.reload_after_build = packet
        self.changed.emit(packet.record_id)
        self.reload()

    def _build_failed(self, message: str) -> None:
        self.build_button.setEnabled(True)
        self.progress.hide()
        self.message.setText(self.tr("The packet was not built: %1").replace("%1", message))

    def _choose_as_built(self, payment: str, attorney: str) -> None:
        """The packet tab's choices as the shown packet was built (defaults: the first payment
        method, no attorney of record), never the previous person's."""
        self.payment.setCurrentIndex(max(self.payment.findData(payment), 0))
        self.attorney.setCurrentIndex(max(self.attorney.findData(attorney), 0))

    def _show_packet(self, packet: PacketView) -> None:
        self.packet = packet
        self._choose_as_built(packet.payment, packet.attorney)
        self.viewer.set_packet(packet)
        # a packet the answers have moved past is shown, never printed or handed out
        current = self.view is None or not self.view.state.packet_stale
        for button in (self.print_button, self.export_button, self.take_home_button):
            button.setEnabled(current)
            button.setToolTip(
                ""
                if current
                else self.tr("The answers changed after this packet was built: build it again")
            )

    def print_packet(self) -> None:
        """Print the packet on the printer the person chooses; the print is audited.
        (A slot for ``clicked``: it takes no argument, so ``clicked(bool)`` passes none.)"""
        if self.packet is None:
            return
        self.message.clear()
        pages = sum(1 for _ in self.packet.for_screen())
        printer = osedge.edge().choose_printer(
            self,
            self.tr("Print the whole packet (%1 files, every page)").replace("%1", str(pages)),
        )
        if printer is None:
            return
        # drawing every page for the printer takes a while (Qt draws on this thread): say so
        # and show the busy cursor first, so the screen does not look frozen
        self.message.setText(self.tr("Printing: sending the pages to the printer…"))
        self.message.repaint()
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            pages = self.viewer.print_to(printer)
        finally:
            QApplication.restoreOverrideCursor()
        if pages == 0:
            self.message.setText(self.tr("Nothing was printed: the printer could not be started."))
            return
        record_id, what = self.packet.record_id, f"packet {self.packet.packet_hash[:12]}"
        self.ops.run(lambda desk: desk.packets.audit_print(record_id, what))
        self.message.setText(
            self.tr("Sent 1 page to the printer.")
            if pages == 1
            else self.tr("Sent %1 pages to the printer.").replace("%1", str(pages))
        )

    def _english_take_home(self, *, named: bool = False) -> str:
        """ " It is in English: …" (``named``: " The take-home sheet is in English: …") when the
        person speaks a language the take-home sheet is not made in, else ""."""
        spoken = self.view.state.language if self.view is not None else None
        if not spoken or spoken in client_languages():
            return ""
        said = (
            self.tr(
                "The take-home sheet is in English: ClinicDay has none in %1 yet, so go over "
                "it with the person (with an interpreter)."
            )
            if named
            else self.tr(
                "It is in English: ClinicDay has no take-home sheet in %1 yet, so go over it "
                "with the person (with an interpreter)."
            )
        )
        return " " + said.replace("%1", spoken_label(spoken, staff_language()))

    def print_take_home(self) -> None:
        """Print the client's take-home sheet alone (a ``clicked`` slot): read on the worker,
        then the print dialog; the print is audited."""
        if self.packet is None:
            return
        self.message.clear()
        packet = self.packet
        if not packet.contact and not packet.contact_of_preparer:
            # said before the sheet is printed, not after (found in a user's walk)
            ask = QMessageBox(self)
            ask.setObjectName("no-contact")
            ask.setIcon(QMessageBox.Icon.Warning)
            ask.setWindowTitle(self.tr("No clinic contact"))
            ask.setText(
                self.tr(
                    "The take-home sheet gives the client no way to reach the clinic: no "
                    "contact is set in Settings. Print it anyway?"
                )
            )
            ask.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
            ask.setDefaultButton(QMessageBox.StandardButton.No)
            if ask.exec() != QMessageBox.StandardButton.Yes:
                return
        record_id = packet.record_id
        self.ops.run(
            lambda desk: desk.packets.take_home(record_id),
            lambda data: self._print_take_home(record_id, data),
            self.message.setText,
        )

    def _print_take_home(self, record_id: str, data: bytes) -> None:
        printer = osedge.edge().choose_printer(self, self.tr("Print the client's take-home sheet"))
        if printer is None:
            return
        pages = print_pdfs(printer, [data])
        if pages == 0:
            self.message.setText(self.tr("Nothing was printed: the printer could not be started."))
            return
        self.ops.run(lambda desk: desk.packets.audit_print(record_id, "take-home sheet"))
        said = (
            self.tr("Sent the take-home sheet (1 page) to the printer.")
            if pages == 1
            else self.tr("Sent the take-home sheet (%1 pages) to the printer.").replace(
                "%1", str(pages)
            )
        )
        self.message.setText(said + self._english_take_home() + self._no_contact(self.packet))

    def _no_contact(self, packet: PacketView | None) -> str:
        """ " The take-home sheet gives no clinic contact: …" when the packet was built with
        none set (the client would go home with no one to call), else ""."""
        if packet is None or packet.contact:
            return ""
        if packet.contact_of_preparer:  # a contact, but a person's, not the clinic's
            return " " + self.tr(
                "The take-home sheet gives the preparer's own phone and e-mail (their profile) "
                "as the clinic's contact: a coordinator sets the clinic's contact in Settings."
            )
        return " " + self.tr(
            "The take-home sheet gives the client no way to reach the clinic: a coordinator "
            "sets the clinic's contact in Settings, then build the packet again."
        )

    def export_packet(self) -> None:
        """Write the packet's files into a folder the person chooses (a ``clicked`` slot)."""
        if self.packet is None:
            return
        self.message.clear()
        folder = osedge.edge().choose_folder(self, self.tr("Folder to export the packet to"))
        if folder is None:
            return
        record_id = self.packet.record_id
        self.ops.run(
            lambda desk: desk.packets.export(record_id, folder)[1],
            lambda paths: self.message.setText(
                self.tr(
                    "Wrote %1 files to %2 (the export is in the audit log). These files are "
                    "not encrypted: hand them on, then delete them."
                )
                .replace("%1", str(len(paths)))
                .replace("%2", str(folder))
            ),
            self.message.setText,
        )
