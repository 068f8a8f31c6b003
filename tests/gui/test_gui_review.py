"""Review an attorney would use (issue 16 point 6), through the widgets: every comment on the
person in one place beside the packet, "Comment on" found by typing its Part and Item, Return
right after a comment without typing it again, and zoom on the packet."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from clinic.domain.events import Status
from clinic.gui.fields import LineEditor, QuestionBox
from clinic.store.clinic import Clinic
from tests.conftest import PASSPHRASE
from tests.gui.conftest import WithPerson, answer_modal, answer_question, idle, sign_in
from tests.gui.test_gui_day import USER_ROLE, build_from_record, open_record_screen
from tests.gui.test_gui_keys_languages import activate
from tests.gui.user import (
    choose_tab,
    click,
    click_button_named,
    click_list_row,
    click_tree_row,
    double_click_tree_row,
    on_next_dialog,
    press_ok,
    type_into,
)


def test_comment_then_return_with_every_comment_in_view(
    qtbot: QtBot, tmp_path: Path, with_a_person: WithPerson
) -> None:
    window, rid = with_a_person("vol")
    build_from_record(qtbot, window, open_record_screen(qtbot, window, rid))
    click(qtbot, window.lock_button)
    idle(qtbot, window)
    sign_in(qtbot, window, "atty")
    review = window.review
    assert review is not None
    click_list_row(qtbot, review.queue, 0)
    idle(qtbot, window)
    assert "No comments." in review.comments.toPlainText()
    # answered "none" (no arrests, no trips) reads None, never blank like an unasked question
    shown: dict[str, str] = {}
    for t in range(review.answers.topLevelItemCount()):
        top = review.answers.topLevelItem(t)
        assert top is not None
        for i in range(top.childCount()):
            child = top.child(i)
            assert child is not None
            shown[child.text(0)] = child.text(1)
    listed = [label for label, value in shown.items() if value == "None"]
    assert len(listed) >= 2, shown  # the arrests and the trips
    assert not [label for label, value in shown.items() if not value.strip()], shown
    # "Comment on": typing the form's Part and Item finds the question
    activate(qtbot, window)
    line = review.item.lineEdit()
    assert line is not None
    # what matches no question is refused, never kept as a comment on the whole packet
    type_into(qtbot, line, "Part 99 Item 99")
    type_into(qtbot, review.text, "About an item that does not exist.")
    click(qtbot, review.comment_button)
    idle(qtbot, window)
    assert review.message.text().startswith('No question is called "Part 99 Item 99"')
    assert "No comments." in review.comments.toPlainText()
    review.text.clear()
    type_into(qtbot, line, "Part 1 Item 8")
    finder = review.item.completer()
    assert finder is not None
    popup = finder.popup()
    assert popup is not None
    qtbot.waitUntil(popup.isVisible, timeout=3000)
    first = popup.model().index(0, 0).data()
    assert "I-821D Part 1 Item 8" in first
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    # the attorney reads the I-821D while commenting: it stays on screen after the comment
    files = review.viewer.files
    row = next(r for r in range(files.count()) if files.item(r).text() == "I-821D.pdf")
    click_list_row(qtbot, files, row)
    type_into(qtbot, review.text, "Please check the A-Number against the last approval notice.")
    click(qtbot, review.comment_button)
    idle(qtbot, window)
    current = files.currentItem()
    assert current is not None and current.text() == "I-821D.pdf"  # not back to the cover sheet
    said = review.comments.toPlainText()
    assert "Please check the A-Number" in said and "Comment · atty" in said
    assert "a_number" not in said  # the question as asked, not its key
    # Return now: the comment above goes back with it, nothing to type again. Return asks
    # first, saying what will happen; No changes nothing
    asked: list[str] = []

    answer_question(qtbot, asked, QMessageBox.StandardButton.No)
    click(qtbot, review.return_button)
    idle(qtbot, window)
    assert "Your comments above, made since the last return, go with it." in asked[0]
    assert review.queue.count() == 1 and review.message.text() == "Comment recorded."
    assert Clinic(tmp_path / "c").unlock("admin", PASSPHRASE).load(rid).status is not (
        Status.RETURNED
    )
    answer_question(qtbot, asked)
    click(qtbot, review.return_button)
    idle(qtbot, window)
    state = Clinic(tmp_path / "c").unlock("admin", PASSPHRASE).load(rid)
    assert state.status is Status.RETURNED
    assert "Returned to the volunteer" in review.message.text()
    # the queue is empty: nothing of that person stays on screen
    assert review.queue.count() == 0
    assert review.comments.toPlainText() == "" and review.answers.topLevelItemCount() == 0


def test_the_attorney_zooms_the_packet(qtbot: QtBot, with_a_person: WithPerson) -> None:
    window, rid = with_a_person("vol")
    record = open_record_screen(qtbot, window, rid)
    build_from_record(qtbot, window, record)
    view = record.viewer.pane.view
    assert view.zoomMode() is QPdfView.ZoomMode.FitToWidth
    click(qtbot, record.viewer.zoom_in)
    bigger = view.zoomFactor()
    assert view.zoomMode() is QPdfView.ZoomMode.Custom
    click(qtbot, record.viewer.zoom_out)
    click(qtbot, record.viewer.zoom_out)
    assert view.zoomFactor() < bigger
    click(qtbot, record.viewer.zoom_fit)
    assert view.zoomMode() is QPdfView.ZoomMode.FitToWidth


def test_the_record_shows_the_approval_when_its_tab_is_shown_again(
    qtbot: QtBot, with_a_person: WithPerson
) -> None:
    """Issue 16 point 4: after approving on the Review tab, the Person tab no longer shows
    "awaiting review" and DRAFT pages."""
    window, rid = with_a_person("admin")  # an admin has both the Person and Review tabs
    record = open_record_screen(qtbot, window, rid)
    build_from_record(qtbot, window, record)
    assert "DRAFT" in record.viewer.state.text()
    review = window.review
    assert review is not None and window.tabs is not None
    choose_tab(qtbot, window.tabs, review)
    idle(qtbot, window)
    click_list_row(qtbot, review.queue, 0)
    idle(qtbot, window)

    def yes(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        click(qtbot, box.button(QMessageBox.StandardButton.Yes))

    answer_modal(qtbot, yes)
    click(qtbot, review.approve_button)
    idle(qtbot, window)
    assert window.person is not None
    choose_tab(qtbot, window.tabs, window.person)
    idle(qtbot, window)
    assert record.status.text().startswith("Packet approved and locked")
    assert "approved by an attorney and locked" in record.viewer.state.text()


def test_a_returned_packet_built_again_goes_back_to_the_attorney(
    qtbot: QtBot, tmp_path: Path, with_a_person: WithPerson
) -> None:
    """Issue 16 point 4, found in a user's walk: the volunteer rebuilt a returned packet with
    nothing to change in the answers (the fix was a document to bring); the app said "an
    attorney reviews it next", but it never reached the attorney's queue."""
    window, rid = with_a_person("vol")
    build_from_record(qtbot, window, open_record_screen(qtbot, window, rid))
    click(qtbot, window.lock_button)
    idle(qtbot, window)
    sign_in(qtbot, window, "atty")
    review = window.review
    assert review is not None
    click_list_row(qtbot, review.queue, 0)
    idle(qtbot, window)
    type_into(qtbot, review.text, "Bring the school records; then build it again.")
    asked: list[str] = []
    answer_question(qtbot, asked)
    click(qtbot, review.return_button)
    idle(qtbot, window)
    assert review.queue.count() == 0
    click(qtbot, window.lock_button)
    idle(qtbot, window)
    sign_in(qtbot, window, "vol")
    record = open_record_screen(qtbot, window, rid)
    assert "Returned by the attorney" in record.status.text()
    build_from_record(qtbot, window, record)
    assert "Returned by the attorney" not in record.status.text(), record.status.text()
    click(qtbot, window.lock_button)
    idle(qtbot, window)
    sign_in(qtbot, window, "atty")
    idle(qtbot, window)
    review = window.review  # each sign-in builds its screens anew
    assert review is not None
    assert review.queue.count() == 1  # back in the attorney's queue
    state = Clinic(tmp_path / "c").unlock("admin", PASSPHRASE).load(rid)
    assert state.status is Status.IN_REVIEW


def test_return_with_nothing_written_asks_for_the_comment_and_approved_is_locked(
    qtbot: QtBot, tmp_path: Path, with_a_person: WithPerson
) -> None:
    """Found in a user's walk: Return with no comment showed "a comment needs text" (a raw
    message); after approval, Build packet said "built ... an attorney reviews it next" though
    nothing was built."""
    window, rid = with_a_person("admin")
    record = open_record_screen(qtbot, window, rid)
    build_from_record(qtbot, window, record)
    review = window.review
    assert review is not None and window.tabs is not None
    choose_tab(qtbot, window.tabs, review)
    idle(qtbot, window)
    click_list_row(qtbot, review.queue, 0)
    idle(qtbot, window)
    click(qtbot, review.return_button)  # nothing written, no comment before: no dialog
    idle(qtbot, window)
    assert review.message.text() == ("Write in Comment what the volunteer should fix, then Return.")
    assert Clinic(tmp_path / "c").unlock("admin", PASSPHRASE).load(rid).status is (Status.IN_REVIEW)
    asked: list[str] = []
    answer_question(qtbot, asked)
    click(qtbot, review.approve_button)
    idle(qtbot, window)
    assert window.person is not None
    choose_tab(qtbot, window.tabs, window.person)
    idle(qtbot, window)
    assert record.status.text().startswith("Packet approved and locked")
    assert not record.build_button.isEnabled()  # locked: nothing to build
    assert "change an answer" in record.build_button.toolTip()


def test_changing_an_approved_packet_says_so_first_and_review_shows_the_change(
    qtbot: QtBot, tmp_path: Path, with_a_person: WithPerson
) -> None:
    """Found in a user's walk: an answer edited after the approval undid it with no word; the
    Packet tab then called the once-approved packet a plain draft, and Review showed only the
    changes since a return. Now the edit asks first (Cancel changes nothing), the record and
    the viewer say the approval no longer holds, and Review lists what changed since it."""
    window, rid = with_a_person("admin")  # an admin has both the Person and Review tabs
    record = open_record_screen(qtbot, window, rid)
    build_from_record(qtbot, window, record)
    review = window.review
    assert review is not None and window.tabs is not None and window.person is not None
    choose_tab(qtbot, window.tabs, review)
    idle(qtbot, window)
    click_list_row(qtbot, review.queue, 0)
    idle(qtbot, window)
    approving: list[str] = []
    answer_question(qtbot, approving)
    click(qtbot, review.approve_button)
    idle(qtbot, window)
    # the items left blank are named with their question, not by number alone (found in a walk)
    assert "It leaves blank" in approving[0], approving[0]  # the test person leaves some
    assert re.search(r"Part \d+ Item [\w.]+ \(", approving[0]), approving[0]
    choose_tab(qtbot, window.tabs, window.person)
    idle(qtbot, window)
    assert record.status.text().startswith("Packet approved and locked")
    session = Clinic(tmp_path / "c").unlock("admin", PASSPHRASE)
    before = session.load(rid).answers["birth.city"]

    # Cancel: nothing changes, the packet stays approved
    warned: list[str] = []
    answer_question(qtbot, warned, QMessageBox.StandardButton.Cancel)
    choose_tab(qtbot, record.tabs, record.answers)
    double_click_tree_row(
        qtbot, record.answers, lambda item: item.data(0, USER_ROLE) == "birth.city"
    )
    idle(qtbot, window)
    assert "undoes the approval" in warned[0], warned
    state = session.load(rid)
    assert state.status is Status.APPROVED and state.answers["birth.city"] == before

    # Change anyway: the edit dialog opens next, and the approval no longer holds
    def change(modal: QWidget) -> None:
        box = modal.findChild(QuestionBox)
        assert box is not None and isinstance(box.editor, LineEditor)
        type_into(qtbot, box.editor.edit, "Incheon")
        [buttons] = modal.findChildren(QDialogButtonBox)
        press_ok(qtbot, buttons)

    def change_anyway(box: QWidget) -> None:
        assert isinstance(box, QMessageBox) and box.objectName() == "undo-approval"
        click_button_named(qtbot, box, "Change anyway")
        on_next_dialog(qtbot, change)

    on_next_dialog(qtbot, change_anyway)
    double_click_tree_row(
        qtbot, record.answers, lambda item: item.data(0, USER_ROLE) == "birth.city"
    )
    idle(qtbot, window)
    state = session.load(rid)
    assert state.answers["birth.city"] == "Incheon" and state.status is not Status.APPROVED
    assert "after the attorney approved the packet" in record.status.text(), record.status.text()
    choose_tab(qtbot, record.tabs, record.packet_tab)
    assert "was approved, then an answer changed" in record.viewer.state.text()
    # the attorney hears of it in Review before any rebuild (found in a walk: nothing said)
    choose_tab(qtbot, window.tabs, review)
    idle(qtbot, window)
    assert review.undone.isVisible(), "Review does not say the approval was undone"
    said = review.undone.text()
    assert said.startswith("Approval undone") and record.view is not None, said
    assert record.view.state.answers["name.family"] in said, said
    choose_tab(qtbot, window.tabs, window.person)
    idle(qtbot, window)

    # built again, the attorney reads what changed since the approval, first
    build_from_record(qtbot, window, record)
    choose_tab(qtbot, window.tabs, review)
    idle(qtbot, window)
    assert not review.undone.isVisible()  # back in the queue: no longer listed apart
    click_list_row(qtbot, review.queue, 0)
    idle(qtbot, window)
    told = review.comments.toPlainText()
    assert told.startswith("Changed since it was approved:"), told
    assert f"{before} → Incheon" in told, told
    # clicking that answer makes it what the comment is on (found in a user's walk)
    assert review.item.currentData() == ""  # the whole packet, until an answer is clicked
    click_tree_row(qtbot, review.answers, lambda item: item.data(0, USER_ROLE) == "birth.city")
    assert review.item.currentData() == "birth.city"
    assert "born" in review.item.currentText().lower(), review.item.currentText()
    # read from its start, not scrolled to its end (found in a walk: "2 Item 15.c · About…")
    line = review.item.lineEdit()
    assert line is not None and line.cursorPosition() == 0
    # its drop-down list reads the entries whole (found in a walk: "… · Getting start…")
    qtbot.mouseClick(
        review.item,
        Qt.MouseButton.LeftButton,
        pos=QPoint(review.item.width() - 8, review.item.height() // 2),
    )
    popup = review.item.view()
    assert popup is not None
    qtbot.waitUntil(popup.isVisible, timeout=3000)
    entry = review.item.currentText()
    room = min(review.item.fontMetrics().horizontalAdvance(entry), window.width() * 8 // 10)
    assert popup.width() >= room, (popup.width(), room)
    qtbot.keyClick(popup, Qt.Key.Key_Escape)
