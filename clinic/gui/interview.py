"""The interview screen: the questionnaire engine, one question group per page.

Navigation, which questions apply, progress and validation all come from
:class:`clinic.domain.questionnaire.Interview`; this screen only shows them. Every change is kept
as an encrypted draft within a tenth of a second, and every page turn stores the valid
answers as an event, so a crash or a kill loses nothing: reopening the person continues on the
page where the interview stopped, with everything typed. The client-facing text switches between
the client languages of the registry (:mod:`clinic.domain.languages`) at any moment without
touching the answers.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from clinic.core import Desk
from clinic.domain.languages import FALLBACK, client_language
from clinic.domain.policy import Policy
from clinic.domain.questionnaire import Interview, Questionnaire
from clinic.domain.rule_texts import heading, outcome_label
from clinic.domain.rules import screen
from clinic.gui.fields import LineEditor, ListEditor, QuestionBox, SecretEditor, both
from clinic.gui.i18n import client_language_choices, fill_languages, staff_language
from clinic.gui.ops import Ops

AUTOSAVE_MS = 100  # keystrokes within a tenth of a second are sealed together
OUTCOME_COLORS = {
    "likely_eligible": "#1b5e20",
    "attorney_review": "#8a4b00",
    "not_eligible": "#b00020",
}


def determination_html(det: Mapping[str, Any], lang: str) -> str:
    """A determination as a volunteer reads it: outcome, request type, window, every flag and
    reason with its rule, notices, and the reminder that this is not legal advice."""
    outcome = str(det.get("outcome", ""))
    label = outcome_label(outcome, lang)
    color = OUTCOME_COLORS.get(outcome, "#000")
    e = html.escape
    parts = [f'<h3 style="color:{color}">{e(label)}</h3>']
    rtype = str(det.get("request_type", ""))
    if det.get("request_type_settled") is False:  # DACA history not answered yet
        rtype = "request_type_open"
    if rtype:
        parts.append(f"<p>{e(heading('request_type', lang))}: <b>{e(heading(rtype, lang))}</b></p>")
    window = det.get("filing_window")
    if isinstance(window, Mapping):
        parts.append(f"<p>{e(heading('window', lang).format(**window))}</p>")
    for title in ("flags", "reasons"):
        items = det.get(title) or []
        if items:
            parts.append(f"<p><b>{e(heading(title, lang))}</b></p><ul>")
            for f in items:
                cite = f" <i>({e(str(f.get('citation', '')))})</i>" if f.get("citation") else ""
                parts.append(f"<li>{e(str(f.get('message', '')))}{cite}</li>")
            parts.append("</ul>")
    notices = det.get("notices") or []
    if notices:
        parts.append(f"<p><b>{e(heading('notices', lang))}</b></p><ul>")
        parts.extend(f"<li>{e(str(n.get('message', '')))}</li>" for n in notices)
        parts.append("</ul>")
    parts.append(f"<p><small>{e(heading('disclaimer', lang))}</small></p>")
    return "".join(parts)


def merge_draft(stored: Mapping[str, Any], draft: Mapping[str, Any]) -> dict[str, Any]:
    """The answers to reopen an interview with: the draft's changes, over what is stored now.

    A draft records the stored answers it started from (``base``). An answer changed in the
    record since then (on the record screen, by another user, by a sync) keeps its newer stored
    value; every other answer takes the draft's (what was typed, valid or not)."""
    typed = draft.get("answers")
    if not isinstance(typed, Mapping):
        return dict(stored)
    base = draft.get("base")
    if not isinstance(base, Mapping):
        return {**stored, **typed}  # an older draft: keep everything, lose nothing
    merged = dict(stored)
    for key in set(typed) | set(base):
        if stored.get(key) != base.get(key):
            continue  # changed elsewhere since the draft began: the newer value stays
        if key in typed:
            merged[key] = typed[key]
        else:
            merged.pop(key, None)
    return merged


class InterviewPage(QWidget):
    """One person's interview. ``finished(record_id)`` after screening; ``left(record_id)`` when
    the volunteer goes back to the record."""

    finished = Signal(str)
    left = Signal(str)

    def __init__(
        self,
        ops: Ops,
        questionnaire: Questionnaire,
        policy: Policy,
        today: Callable[[], dt.date],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ops = ops
        self.questionnaire = questionnaire
        self.policy = policy
        self.today = today
        self.record_id = ""
        self.person = ""
        self.lang = FALLBACK
        self.interview = Interview(questionnaire, today())
        self.base: dict[str, Any] = {}
        # why Next or Finish did nothing, until the next change: a function of the staff
        # language, so the line is said again in the new language when it changes
        self._warning: Callable[[], str] | None = None
        self._save_note: Callable[[], str] | None = None  # what the status line says now
        self.boxes: dict[str, QuestionBox] = {}
        # what a text answer may be, offered as one types (the interpreter: the staff's names)
        self.suggestions: dict[str, list[str]] = {}
        self.saved_drafts = 0  # drafts the worker has stored (tests and the status line read it)

        self.title = QLabel(self)
        self.title.setObjectName("interview-title")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        # a long name wraps: it never widens the window beyond the screen
        self.title.setWordWrap(True)
        self.title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.language_label = QLabel(self)
        self.language = QComboBox(self)
        self.language.setObjectName("client-language")
        fill_languages(self.language, client_language_choices())
        self.language_label.setBuddy(self.language)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("interview-progress")
        self.page_label = QLabel(self)
        self.page_label.setObjectName("page-label")
        self.save_state = QLabel(self)
        self.save_state.setObjectName("save-state")

        self.section_title = QLabel(self)
        self.section_title.setObjectName("section-title")
        self.group_title = QLabel(self)
        self.group_title.setObjectName("group-title")
        gfont = self.group_title.font()
        gfont.setPointSizeF(gfont.pointSizeF() * 1.15)
        gfont.setBold(True)
        self.group_title.setFont(gfont)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.questions_host = QWidget(self)
        self.questions_layout = QVBoxLayout(self.questions_host)
        self.questions_layout.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setWidget(self.questions_host)

        self.panel_title = QLabel(self)
        self.panel = QTextBrowser(self)
        self.panel.setObjectName("determination-panel")
        self.panel.setOpenLinks(False)

        self.back_button = QPushButton(self)
        self.back_button.setObjectName("back")
        self.next_button = QPushButton(self)
        self.next_button.setObjectName("next")
        self.next_button.setDefault(True)
        self.finish_button = QPushButton(self)
        self.finish_button.setObjectName("finish")
        self.close_button = QPushButton(self)
        self.close_button.setObjectName("save-close")

        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.language_label)
        top.addWidget(self.language)
        status = QHBoxLayout()
        status.addWidget(self.progress, 1)
        status.addWidget(self.page_label)
        status.addWidget(self.save_state)

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.section_title)
        left_layout.addWidget(self.group_title)
        left_layout.addWidget(self.intro)
        left_layout.addWidget(self.scroll_area, 1)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.panel_title)
        right_layout.addWidget(self.panel, 1)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)

        buttons = QHBoxLayout()
        buttons.addWidget(self.close_button)
        buttons.addStretch(1)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.next_button)
        buttons.addWidget(self.finish_button)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(status)
        layout.addWidget(split, 1)
        layout.addLayout(buttons)

        self.address_problems: dict[str, str] = {}  # from the worker: key -> why it won't fit
        self.autosave = QTimer(self)
        self.autosave.setSingleShot(True)
        self.autosave.setInterval(AUTOSAVE_MS)
        self.autosave.timeout.connect(self.save_draft)

        self.language.currentIndexChanged.connect(self._language_changed)
        self.back_button.clicked.connect(self.go_back)
        self.next_button.clicked.connect(self.go_next)
        self.finish_button.clicked.connect(self.finish)
        self.close_button.clicked.connect(self.save_and_close)
        self.translate_ui()

    # -- texts ------------------------------------------------------------------------------------

    def translate_ui(self) -> None:
        fill_languages(self.language, client_language_choices())
        self.language_label.setText(self.tr("Client's lang&uage:"))
        self.back_button.setText(self.tr("&Back"))
        self.next_button.setText(self.tr("&Next"))
        self.finish_button.setText(self.tr("&Finish screening"))
        self.close_button.setText(self.tr("Save and &close"))
        self.panel_title.setText(self.tr("Screening so far (updates as you type)"))
        self.back_button.setToolTip(self.tr("Previous page"))
        self.next_button.setToolTip(self.tr("Store this page and go to the next"))
        self._update_status()
        if self._save_note is not None:
            self.save_state.setText(self._save_note())

    @property
    def warning(self) -> str:
        return self._warning() if self._warning is not None else ""

    def _note(self, say: Callable[[], str]) -> None:
        """Put a line in the status bar, kept as how to say it (re-said on a language change)."""
        self._save_note = say
        self.save_state.setText(say())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.translate_ui()
            if self.record_id:  # the open page and the screening, said again in the new language
                self.render_page()
                self._update_panel()
        super().changeEvent(event)

    # -- starting ---------------------------------------------------------------------------------

    def start(
        self,
        record_id: str,
        person: str,
        stored: Mapping[str, Any],
        draft: Mapping[str, Any] | None,
        lang: str,
    ) -> None:
        """Open a person's interview: from their draft if they have one, else from what is
        stored, on the page where it stopped."""
        self.record_id = record_id
        self.person = person
        self._warning = self._save_note = None  # the last person's status line is not theirs
        self.save_state.clear()
        self.base = dict(stored)  # the stored answers this interview's changes build on
        answers = dict(stored)
        page = None
        if draft:
            answers = merge_draft(stored, draft)
            page = draft.get("page")
            lang = str(draft.get("lang", lang))
        self.interview = Interview(self.questionnaire, self.today(), answers=answers)
        if isinstance(page, str):
            try:
                self.interview.go_to(page)
            except KeyError:
                pass  # the page no longer applies: start from the first
        fill_languages(self.language, client_language_choices())
        index = self.language.findData(client_language(lang))
        index = index if index >= 0 else self.language.findData(FALLBACK)
        self.lang = str(self.language.itemData(index))
        self.language.blockSignals(True)
        self.language.setCurrentIndex(index)
        self.language.blockSignals(False)
        self.title.setText(person)
        self.render_page()

    # -- the page ---------------------------------------------------------------------------------

    def render_page(self, focus_key: str | None = None) -> None:
        group = self.interview.current
        while self.questions_layout.count():
            item = self.questions_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()  # at once: deleteLater waits for the event loop
                widget.deleteLater()
        self.boxes = {}
        previous: QWidget | None = None
        for question in self.interview.questions(group):
            box = QuestionBox(question, self.questions_host)
            box.editor.set_value(self.interview.answers.get(question.key))
            box.set_language(self.lang)
            offered = self.suggestions.get(question.key)
            if offered and isinstance(box.editor, LineEditor):
                completer = QCompleter(offered, box.editor.edit)
                completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
                box.editor.edit.setCompleter(completer)
                # a name picked from the list is an answer typed (Qt sets it without textEdited)
                completer.activated.connect(lambda _t, editor=box.editor: editor.changed.emit())
                # the staff see whom they may pick: the clinic's users, or any name typed
                box.editor.edit.setPlaceholderText(
                    self.tr("A user of this clinic (%1), or a name").replace(
                        "%1", ", ".join(offered[:6]) + (", …" if len(offered) > 6 else "")
                    )
                )
            said = self.address_problems.get(question.key)
            box.set_errors(self.interview.errors_for(question.key) + ([said] if said else []))
            box.editor.changed.connect(lambda key=question.key: self._changed(key))
            if isinstance(box.editor, SecretEditor):
                box.editor.reveal_requested.connect(self._reveal_numbers)
            self.questions_layout.addWidget(box)
            box.show()  # now: a layout shows a new child only when the event loop next turns
            self.boxes[question.key] = box
            if previous is not None:
                QWidget.setTabOrder(previous, box.editor.focus_widget())
            previous = box.editor.focus_widget()
        if previous is not None:  # from the last answer, Tab goes on to Next (then Back...)
            QWidget.setTabOrder(previous, self.next_button)
            QWidget.setTabOrder(self.next_button, self.finish_button)
            QWidget.setTabOrder(self.finish_button, self.back_button)
            QWidget.setTabOrder(self.back_button, self.close_button)
        self.questions_layout.addStretch(1)  # the questions packed at the top, no gaps between
        self._retext_page()
        self._update_status()
        self._update_panel()
        target = self.boxes.get(focus_key or "") or next(iter(self.boxes.values()), None)
        # a new page opens at its top (the last page's scroll is not this one's); a question
        # named (a missing answer, a comment's item) is scrolled to once it is laid out
        self.scroll_area.verticalScrollBar().setValue(0)
        if target is not None:
            target.editor.focus_widget().setFocus(Qt.FocusReason.OtherFocusReason)
            if focus_key:
                QTimer.singleShot(0, lambda: self._scroll_to(focus_key))

    def _scroll_to(self, key: str) -> None:
        box = self.boxes.get(key)
        if box is not None and not box.isHidden():
            self.scroll_area.ensureWidgetVisible(box)

    def _retext_page(self) -> None:
        group = self.interview.current
        section = next(s for s in self.questionnaire.sections if s.id == group.section)
        staff = staff_language()
        self.section_title.setText(both(section.title.get(staff), section.title.get(self.lang)))
        self.group_title.setText(both(group.title.get(staff), group.title.get(self.lang)))
        intro = ""
        if group.intro:
            intro = group.intro.get(staff)
            if group.intro.get(self.lang) != intro:
                intro += "\n" + group.intro.get(self.lang)
        self.intro.setText(intro)
        self.intro.setVisible(group.intro is not None)
        for box in self.boxes.values():
            box.set_language(self.lang)

    def _reveal_numbers(self) -> None:
        """Show the SSN and A-Number on this page in full, once the worker has audited it (as
        the record screen's Show numbers)."""
        record_id = self.record_id

        def shown(_none: object) -> None:
            if self.record_id != record_id:
                return
            for box in self.boxes.values():
                if isinstance(box.editor, SecretEditor):
                    box.editor.reveal()

        self.ops.run(
            lambda desk: desk.people.reveal_numbers(record_id),
            shown,
            lambda message: self._note(lambda: message),
        )

    def _update_status(self) -> None:
        if not self.record_id:
            return
        p = self.interview.progress()
        self.progress.setMaximum(max(p.required, 1))
        self.progress.setValue(p.answered)
        self.progress.setFormat(self.tr("%v of %m required answers"))
        self.page_label.setText(
            self.tr("Page %1 of %2").replace("%1", str(p.page)).replace("%2", str(p.pages))
        )
        self.back_button.setEnabled(not self.interview.at_start())
        self.next_button.setEnabled(not self.interview.at_end())

    def _update_panel(self) -> None:
        """The screening so far, for the volunteer: in the staff language."""
        staff = staff_language()
        det = screen(self.interview.valid_answers(), self.today(), self.policy, staff)
        self.panel.setHtml(determination_html(det.to_json(), staff))

    def _changed(self, key: str) -> None:
        box = self.boxes[key]
        problems = self.interview.set(key, box.editor.value())
        box.set_errors(problems)
        self._warning = None
        shown = list(self.boxes)
        applies = [q.key for q in self.interview.questions(self.interview.current)]
        if applies != shown:
            self.render_page(focus_key=key)  # a show-if changed which questions this page asks
        else:
            self._update_status()
            self._update_panel()
        self._note(lambda: self.tr("Saving…"))
        self.autosave.start()

    def _language_changed(self, index: int) -> None:
        self.lang = str(self.language.itemData(index))
        self._retext_page()
        self._update_panel()
        self.autosave.start()

    # -- saving and moving ------------------------------------------------------------------------

    def draft(self) -> dict[str, Any]:
        return {
            "answers": dict(self.interview.answers),
            "base": dict(self.base),
            "page": self.interview.current.id,
            "lang": self.lang,
        }

    def answers_to_store(self) -> dict[str, Any]:
        """The valid answers, and for an answer mistyped now, the value stored before: a typo
        never erases what the record holds."""
        answers = self.interview.valid_answers()
        for key in self.interview.errors():
            if key in self.base:
                answers[key] = self.base[key]
        return answers

    def save_draft(self) -> None:
        """Seal what has been typed (on the worker); called by the autosave timer."""
        self.autosave.stop()
        if not self.record_id:
            return
        record_id, draft = self.record_id, self.draft()
        self.ops.run(
            lambda desk: desk.interview.save_draft(record_id, draft),
            self._draft_saved,
            self._save_failed,
        )

    def _draft_saved(self, _result: object) -> None:
        self.saved_drafts += 1

        def say() -> str:
            saved = self.tr("Saved (encrypted)")
            return f"{saved} · {self.warning}" if self.warning else saved

        self._note(say)

    def _save_failed(self, message: str) -> None:
        self._note(lambda: self.tr("Not saved: %1").replace("%1", message))

    def _store_answers(self) -> None:
        record_id, answers = self.record_id, self.answers_to_store()
        self.base = dict(answers)

        def store(desk: Desk) -> dict[str, str]:
            desk.interview.save_answers(record_id, answers)
            return desk.interview.address_problems(answers)

        self.ops.run(store, self._addresses_checked, self._save_failed)

    def _addresses_checked(self, problems: dict[str, str]) -> None:
        """An address the forms' boxes cannot take is refused where it was typed: back to its
        page, the box saying why and the USPS abbreviation that would fit (it is kept)."""
        self.address_problems = problems
        if not problems:
            return
        key = next(iter(problems))
        for group in self.questionnaire.groups:
            if any(q.key == key for q in group.questions):
                self.interview.go_to(group.id)
                break
        self.render_page(focus_key=key)
        self._warning = lambda: self.tr(
            "An address does not fit the forms: see the box marked in red."
        )
        self._note(self._warning)

    def _affirm_empty_lists(self) -> None:
        """Moving on from a page answers its empty lists: none (each such question says "an
        empty list means no trips" or "never"). Saving and closing mid-page answers nothing."""
        for key, box in self.boxes.items():
            if (
                isinstance(box.editor, ListEditor)
                and box.editor.value() is None
                and self.interview.answers.get(key) is None
            ):
                self.interview.set(key, [])

    def go_next(self) -> None:
        self._affirm_empty_lists()
        wrong = self.interview.errors_on_page()
        if wrong:
            # stay: an answer on this page is not valid (it is kept, marked in red)
            for key, box in self.boxes.items():
                box.set_errors(self.interview.errors_for(key))
            first = self.boxes.get(next(iter(wrong)))
            if first is not None:
                first.editor.focus_widget().setFocus(Qt.FocusReason.OtherFocusReason)
            count = len(wrong)
            self._warning = lambda: self.tr("Fix the answers marked in red first (%1).").replace(
                "%1", str(count)
            )
            self._note(self._warning)
            self.save_draft()
            return
        # moving on with a required answer of this page left open is allowed (the person may
        # not know it yet), and said, naming the questions; Finish lists them all again
        on_page = {q.key for q in self.interview.questions(self.interview.current)}
        left = [k for k in self.interview.missing_required() if k in on_page]
        self._store_answers()
        self.interview.next()
        self.render_page()
        if left:
            staff = self.ops.language
            names = [self.questionnaire.question(k).label.get(staff) for k in left]
            self._warning = lambda: self.tr("Left unanswered (required): %1").replace(
                "%1", "; ".join(names)
            )
            self._note(self._warning)
        self.save_draft()

    def go_back(self) -> None:
        self.interview.previous()
        self.render_page()
        self.save_draft()

    def save_and_close(self) -> None:
        self._store_answers()
        self.autosave.stop()
        if self.record_id:
            record_id, draft = self.record_id, self.draft()
            self.ops.run(
                lambda desk: desk.interview.close_interview(record_id, draft),
                self._draft_saved,
                self._save_failed,
            )
        self.left.emit(self.record_id)

    def finish(self) -> None:
        self._affirm_empty_lists()
        problems = self.interview.errors()
        if problems:
            # never screen (and drop the draft) while something typed is not valid
            count = len(problems)
            self._warning = lambda: self.tr("Fix the answers marked in red first (%1).").replace(
                "%1", str(count)
            )
            self._note(self._warning)
            self.save_draft()
            return
        missing = self.interview.missing_required()
        if missing and not self._finish_anyway(missing):
            return
        record_id, answers, lang = self.record_id, self.answers_to_store(), self.lang
        self.autosave.stop()
        self.ops.run(
            lambda desk: desk.interview.finish_screening(record_id, answers, lang),
            lambda _det: self.finished.emit(record_id),
            self._save_failed,
        )

    def _finish_anyway(self, missing: list[str]) -> bool:
        """Required answers are missing: name them (in the staff language) and offer to go to
        the first, or to screen anyway (the screening then says what is missing)."""
        staff = self.ops.language
        labels = [self.questionnaire.question(key).label.get(staff) for key in missing]
        shown = "\n".join(f"• {label}" for label in labels[:12])
        if len(labels) > 12:
            shown += "\n" + self.tr("… and %1 more").replace("%1", str(len(labels) - 12))
        box = QMessageBox(self)
        box.setObjectName("missing-answers")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Required answers missing"))
        box.setText(
            (
                self.tr("1 required answer is missing:")
                if len(labels) == 1
                else self.tr("%1 required answers are missing:").replace("%1", str(len(labels)))
            )
            + "\n\n"
            + shown
        )
        box.setInformativeText(
            self.tr(
                "Screening without them says the person needs attorney review until they are "
                "answered."
            )
        )
        go = box.addButton(self.tr("&Go to the first"), QMessageBox.ButtonRole.RejectRole)
        box.addButton(self.tr("&Finish anyway"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(go)
        box.exec()
        if box.clickedButton() is go:
            first = missing[0]
            for group in self.interview.pages():
                if any(q.key == first for q in self.interview.questions(group)):
                    self.interview.go_to(group.id)
                    break
            self.render_page(focus_key=first)
            self.save_draft()
            return False
        return True

    def flush(self) -> None:
        """Save now (before a lock or a close)."""
        if self.autosave.isActive():
            self.save_draft()
