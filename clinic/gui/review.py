"""Attorney review: the queue of packets awaiting review, a packet beside its answers, comments on
an item, return to the volunteer, and approval (which locks that packet version and removes the
DRAFT mark). Only attorneys and admins may approve or return; the store enforces it too.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from clinic.core import BoardRow, PacketView, RecordView
from clinic.domain.questionnaire import Questionnaire
from clinic.domain.review import Change, open_comments
from clinic.domain.roles import Role, may_approve
from clinic.gui.board import row_text
from clinic.gui.i18n import answer_shown, staff_language
from clinic.gui.ops import Ops
from clinic.gui.pdfview import PacketViewer
from clinic.gui.record import comments_html, fit_answers


class ReviewPage(QWidget):
    """The review queue and the packet under review."""

    reviewed = Signal(str)

    def __init__(
        self, ops: Ops, questionnaire: Questionnaire, role: Role, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ops = ops
        self.questionnaire = questionnaire
        self.role = role
        self.record: RecordView | None = None
        self.packet: PacketView | None = None
        self.said = ""  # what the last approve or return did, until the queue is shown again

        self.queue_label = QLabel(self)
        self.queue = QListWidget(self)
        self.queue.setObjectName("review-queue")
        self.queue.setSpacing(3)  # each person's two lines apart from the next's
        self.queue_label.setBuddy(self.queue)
        self.viewer = PacketViewer(self)
        self.answers = QTreeWidget(self)
        self.answers.setObjectName("review-answers")
        self.answers.setColumnCount(2)
        self.comments = QTextBrowser(self)  # every comment on this person, in one place
        self.comments.setObjectName("review-comments")
        self.comments.setMaximumHeight(self.fontMetrics().lineSpacing() * 7)
        self.item_label = QLabel(self)
        self.item = QComboBox(self)  # typing "Part 4" or a word of the question finds it
        self.item.setObjectName("comment-item")
        self.item.setEditable(True)
        self.item.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        finder = self.item.completer()
        if finder is not None:
            finder.setFilterMode(Qt.MatchFlag.MatchContains)
            finder.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            finder.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        view = self.item.view()
        if view is not None:
            view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.item_label.setBuddy(self.item)
        self.text_label = QLabel(self)
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("comment-text")
        self.text.setTabChangesFocus(True)
        self.text.setMaximumHeight(self.fontMetrics().lineSpacing() * 5)
        self.text_label.setBuddy(self.text)
        self.comment_button = QPushButton(self)
        self.comment_button.setObjectName("comment")
        self.return_button = QPushButton(self)
        self.return_button.setObjectName("return")
        self.approve_button = QPushButton(self)
        self.approve_button.setObjectName("approve")
        self.message = QLabel(self)
        self.message.setObjectName("review-message")
        self.message.setWordWrap(True)

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.queue_label)
        left_layout.addWidget(self.queue, 1)
        # approvals a later answer change undid: the attorney hears of them before the rebuild
        self.undone = QLabel(self)
        self.undone.setObjectName("review-undone")
        self.undone.setWordWrap(True)
        self.undone.hide()
        left_layout.addWidget(self.undone)
        # the packet's files under the queue, not beside the page: at 1280 pixels the page gets
        # their width (the attorney reads the forms, not the list)
        self.files_label = QLabel(self)
        self.files_label.setBuddy(self.viewer.files)
        left_layout.addWidget(self.files_label)
        left_layout.addWidget(self.viewer.files, 1)
        side = QWidget(self)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.answers, 1)
        side_layout.addWidget(self.comments)
        side_layout.addWidget(self.item_label)
        side_layout.addWidget(self.item)
        side_layout.addWidget(self.text_label)
        side_layout.addWidget(self.text)
        buttons = QHBoxLayout()
        buttons.addWidget(self.comment_button)
        buttons.addWidget(self.return_button)
        buttons.addStretch(1)
        buttons.addWidget(self.approve_button)
        side_layout.addLayout(buttons)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(left)
        split.addWidget(self.viewer)
        split.addWidget(side)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 3)
        split.setStretchFactor(2, 3)
        self.split = split
        self._split_set = False  # set once the attorney drags a divider: their sizes stay
        split.splitterMoved.connect(lambda _pos, _index: setattr(self, "_split_set", True))
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(split, 1)

        self.queue.currentItemChanged.connect(self._chosen)
        self.answers.currentItemChanged.connect(self._answer_chosen)
        self.item.currentIndexChanged.connect(self._item_from_start)
        self.comment_button.clicked.connect(lambda: self.act("comment"))
        self.return_button.clicked.connect(lambda: self.act("return"))
        self.approve_button.clicked.connect(lambda: self.act("approve"))
        allowed = may_approve(role)
        self.approve_button.setEnabled(allowed)
        self.return_button.setEnabled(allowed)
        self._set_actions(False)
        self.translate_ui()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._proportion()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._proportion()

    def _proportion(self) -> None:
        """Until the attorney drags a divider, at every size: the queue narrow, the packet and
        its answers side by side, the packet wider (at 1280 pixels a page's 9-point text then
        draws at about 10 pixels, read without zooming; the answers' questions still read in
        lines, not one word a line). Once dragged, their sizes are theirs."""
        width = self.split.width()
        if self._split_set or width <= 0 or not self.isVisible():
            return
        names = self.viewer.files.fontMetrics().horizontalAdvance("G-1450 for I-821D.pdf")
        queue = max(names + 24, width * 13 // 100)
        rest = width - queue
        self.split.setSizes([queue, rest * 62 // 100, rest - rest * 62 // 100])

    def translate_ui(self) -> None:
        self.queue_label.setText(self.tr("A&waiting review"))
        self.files_label.setText(self.tr("&Files in the packet"))
        self.item_label.setText(self.tr("Comment &on:"))
        self.text_label.setText(self.tr("Co&mment:"))
        self.comment_button.setText(self.tr("Add comm&ent"))
        self.return_button.setText(self.tr("Ret&urn to volunteer"))
        self.approve_button.setText(self.tr("Appro&ve and lock"))
        self.answers.setHeaderLabels([self.tr("Question"), self.tr("Answer")])
        if not may_approve(self.role):
            self.approve_button.setToolTip(self.tr("Only an attorney approves packets"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.translate_ui()
        super().changeEvent(event)

    def _set_actions(self, on: bool) -> None:
        allowed = may_approve(self.role)
        self.comment_button.setEnabled(on)
        self.return_button.setEnabled(on and allowed)
        self.approve_button.setEnabled(on and allowed)

    def refresh(self) -> None:
        self.ops.run(
            lambda desk: (desk.review.queue(), desk.review.undone()),
            self._show_lists,
            self.message.setText,
        )

    def _show_lists(self, lists: tuple[list[BoardRow], list[BoardRow]]) -> None:
        queue, undone = lists
        self.show_undone(undone)
        self.show_queue(queue)

    def show_undone(self, rows: list[BoardRow]) -> None:
        """Name the people whose approval an answer change undid (hidden when none)."""
        self.undone.setVisible(bool(rows))
        if rows:
            self.undone.setText(
                self.tr(
                    "Approval undone, answers changed after it (back here once the packet is "
                    "built again):"
                )
                + "\n"
                + "\n".join(row.name for row in rows)
            )
        else:
            self.undone.clear()

    def show_queue(self, rows: list[BoardRow]) -> None:
        self.queue.clear()
        for row in rows:
            # the name on one line, the birth date (and marks) under it: the queue stays
            # narrow and the page beside it wide
            item = QListWidgetItem(row_text(row).replace("  ·  ", "\n", 1), self.queue)
            item.setData(Qt.ItemDataRole.UserRole, row.record_id)
            item.setToolTip(row_text(row))
        # wide enough for the names (up to a third of the window), never cut at the first word
        wanted = self.queue.sizeHintForColumn(0) + 2 * self.queue.frameWidth() + 20
        self.queue.setMinimumWidth(max(140, min(wanted, max(self.width() // 3, 140))))
        said, self.said = self.said, ""
        lead = f"{said} " if said else ""
        if not rows:
            self.message.setText(lead + self.tr("No packet is waiting for review."))
            self.record = self.packet = None  # nothing of the last person stays on screen
            self.viewer.set_packet(None)
            self.answers.clear()
            self.comments.clear()
            self.item.clear()
            self._set_actions(False)
        else:
            self.message.setText(
                lead
                + (
                    self.tr("1 packet awaiting review.")
                    if len(rows) == 1
                    else self.tr("%1 packets awaiting review.").replace("%1", str(len(rows)))
                )
            )
            self.queue.setCurrentRow(0)

    def _item_from_start(self, _index: int) -> None:
        """The chosen item read from its start ("I-821D Part 2 Item 15.c · …"), not its end."""
        line = self.item.lineEdit()
        if line is not None:
            line.setCursorPosition(0)

    def _named(self, form_item: str) -> str:
        """A form item with the question that feeds it ("I-821D Part 1 Item 20 (What color
        are your eyes?)"); the item alone when no question does."""
        question = self.questionnaire.feeding(form_item)
        return f"{form_item} ({question.label.get(staff_language())})" if question else form_item

    def _widen_item_lists(self) -> None:
        """ "Comment on"'s lists (the drop-down and the one typing opens) as wide as their
        longest entry, up to most of the window: a question reads whole, not "Getting
        start…" after its Part and Item."""
        metrics = self.item.fontMetrics()
        texts = [self.item.itemText(i) for i in range(self.item.count())]
        widest = max((metrics.horizontalAdvance(t) for t in texts), default=0) + 48
        width = max(self.item.width(), min(widest, self.window().width() * 9 // 10))
        finder = self.item.completer()
        for view in (self.item.view(), finder.popup() if finder is not None else None):
            if view is not None:
                view.setMinimumWidth(width)

    def _answer_chosen(self, current: QTreeWidgetItem | None, _previous: object) -> None:
        """Clicking an answer makes it what the next comment is on (a section: the packet)."""
        key = current.data(0, Qt.ItemDataRole.UserRole) if current is not None else None
        index = self.item.findData(key) if key else 0
        if index >= 0:
            self.item.setCurrentIndex(index)

    def _chosen(self, current: QListWidgetItem | None, _previous: object) -> None:
        if current is None:
            return
        self.open_record(str(current.data(Qt.ItemDataRole.UserRole)))

    def open_record(self, record_id: str) -> None:
        self.ops.run(
            lambda desk: (
                desk.interview.record(record_id),
                desk.packets.view(record_id),
                desk.review.changes(record_id),
            ),
            self._show,
            self._load_failed,
        )

    def _load_failed(self, message: str) -> None:
        """Nothing of the person shown before stays on screen or can be acted on."""
        self.record = self.packet = None
        self.viewer.set_packet(None)
        self.answers.clear()
        self.comments.clear()
        self.item.clear()
        self._set_actions(False)
        self.message.setText(message)

    def _show(self, loaded: tuple[RecordView, PacketView, tuple[str, list[Change]]]) -> None:
        before, reading = self.packet, self.viewer.files.currentItem()
        self.record, self.packet, (since, changes) = loaded
        # the same packet read again (after a comment): the file the attorney was reading stays
        same = before is not None and before.packet_hash == self.packet.packet_hash
        self.viewer.set_packet(
            self.packet, reading.text() if same and reading is not None else None
        )
        state = self.record.state
        scrolled = self.answers.verticalScrollBar().value() if same else 0
        self.answers.clear()
        self.item.clear()
        self.item.addItem(self.tr("(the whole packet)"), "")
        for section in self.questionnaire.sections:
            questions = [q for g in section.groups for q in g.questions if q.key in state.answers]
            if not questions:
                continue
            top = QTreeWidgetItem(self.answers, [section.title.get(staff_language()), ""])
            top.setFirstColumnSpanned(True)
            for q in questions:
                shown = answer_shown(q, state.answers[q.key], staff_language())
                row = QTreeWidgetItem(top, [q.label.get(staff_language()), shown])
                row.setData(0, Qt.ItemDataRole.UserRole, q.key)
                row.setToolTip(0, q.label.get(staff_language()))
                row.setToolTip(1, shown)
                # the form's Part and Item first: a long question is cut at its end, not there
                where = f"{'; '.join(q.feeds)} · " if q.feeds else ""
                self.item.addItem(
                    where
                    + f"{section.title.get(staff_language())}: {q.label.get(staff_language())}",
                    q.key,
                )
            top.setExpanded(True)
        fit_answers(self.answers)
        self.answers.verticalScrollBar().setValue(scrolled)  # and the answers where they were
        self._widen_item_lists()
        self.comments.setHtml(
            self._changes_html(since, changes) + comments_html(state.comments, self._item_label)
        )
        self._set_actions(True)

    def _changes_html(self, since: str, changes: list[Change]) -> str:
        """What the volunteer changed since the packet was returned (or approved: the change
        undid the approval), first in the comments pane: the question, what it said, what it
        says now."""
        if not changes:
            return ""
        staff = staff_language()
        rows = []
        for change in changes:
            try:
                question = self.questionnaire.question(change.key)
            except KeyError:
                continue
            before, after = (
                self.tr("(not answered)") if value is None else answer_shown(question, value, staff)
                for value in (change.before, change.after)
            )
            rows.append(
                f"<li>{html.escape(question.label.get(staff))}: {html.escape(before)} → "
                f"<b>{html.escape(after)}</b></li>"
            )
        if not rows:
            return ""
        title = (
            self.tr("Changed since it was approved:")
            if since == "approved"
            else self.tr("Changed since it was returned:")
        )
        return f"<p><b>{html.escape(title)}</b></p><ul>{''.join(rows)}</ul>"

    def _item_label(self, key: str) -> str:
        try:
            return self.questionnaire.question(key).label.get(staff_language())
        except KeyError:
            return key

    def act(self, action: str) -> None:
        if self.record is None or self.packet is None:
            return
        record_id, packet_hash = self.record.state.record_id, self.packet.packet_hash
        text = self.text.toPlainText()
        typed = self.item.currentText()
        chosen = self.item.findText(typed)  # typed to find it, or picked
        if chosen < 0 and typed.strip():  # never a silent comment on the whole packet
            self.message.setText(
                self.tr(
                    'No question is called "%1": pick one from the list under Comment on, '
                    "or choose (the whole packet)."
                ).replace("%1", typed.strip())
            )
            return
        about = str(self.item.itemData(chosen) or "") if chosen >= 0 else ""
        item = about or None
        if action == "approve":
            said = self.tr(
                "Approving locks this version of the packet and removes the DRAFT mark. "
                "Any later change to the answers means building it again and a new review."
            )
            if self.packet.blank:
                said += "\n\n" + self.tr(
                    "It leaves blank, for the filer to answer by hand before mailing: %1"
                ).replace("%1", "; ".join(self._named(item) for item in self.packet.blank))
            confirm = QMessageBox.question(self, self.tr("Approve this packet?"), said)
            if confirm != QMessageBox.StandardButton.Yes:
                return
        elif action == "return":
            earlier = len(open_comments(self.record.state))
            if not text.strip() and not earlier:  # a return says what to fix
                self.message.setText(
                    self.tr("Write in Comment what the volunteer should fix, then Return.")
                )
                self.text.setFocus()
                return
            said = self.tr(
                "The packet goes back to the volunteer, who changes the answers and builds it "
                "again; it then comes back to you for review."
            )
            said += "\n\n" + (
                self.tr("Your comment goes with it: %1").replace("%1", text.strip())
                if text.strip()
                else self.tr("Your comments above, made since the last return, go with it.")
            )
            said += "\n\n" + self.tr("Return it to the volunteer now?")
            confirm = QMessageBox.question(self, self.tr("Return this packet?"), said)
            if confirm != QMessageBox.StandardButton.Yes:
                return
        self.ops.run(
            lambda desk: desk.review.act(record_id, action, text, item, packet_hash),
            lambda _r: self._done(record_id, action),
            self.message.setText,
        )

    def _done(self, record_id: str, action: str) -> None:
        self.text.clear()
        words = {
            "comment": self.tr("Comment recorded."),
            "return": self.tr("Returned to the volunteer with your comment."),
            "approve": self.tr("Approved: this packet version is locked."),
        }
        self.reviewed.emit(record_id)
        if action == "comment":
            self.message.setText(words[action])
            self.open_record(record_id)
            return
        self.said = words[action]  # kept when the queue is read again, so it stays on screen
        self.message.setText(self.said)
        self.refresh()
