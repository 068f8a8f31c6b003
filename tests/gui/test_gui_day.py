"""The clinic day through real widgets: check a person in, interview them to a determination
(autosaved as it goes), build and see the packet, review and approve it as an attorney, and see
the counts as a coordinator."""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QPoint, QSize, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from clinic.domain.display import language_text
from clinic.domain.events import Status
from clinic.gui.board import NewPersonDialog
from clinic.gui.fields import ComboEditor, LineEditor, QuestionBox, SecretEditor
from clinic.gui.pdfview import render_page
from clinic.gui.record import RecordPage
from clinic.gui.window import ClinicWindow
from clinic.store.clinic import Clinic
from tests.conftest import PASSPHRASE, ROOT, person
from tests.forms_fixture import SHARED_FORMS
from tests.gui.conftest import (
    TODAY,
    answer_modal,
    answer_question,
    build_clinic,
    idle,
    open_from_board,
    sign_in,
)
from tests.gui.user import (
    FakeEdge,
    choose,
    choose_index,
    choose_tab,
    click,
    click_button_named,
    click_list_row,
    double_click_tree_row,
    on_next_dialog,
    press_ok,
    screen_ink,
    type_into,
)

USER_ROLE = Qt.ItemDataRole.UserRole

OpenWindow = Callable[..., ClinicWindow]


def check_in(qtbot: QtBot, window: ClinicWindow, answers: dict[str, str]) -> None:
    """Fill the check-in dialog by typing, and press OK."""

    def fill(modal: QWidget) -> None:
        assert isinstance(modal, NewPersonDialog)
        type_into(qtbot, modal.family, answers["family"])
        type_into(qtbot, modal.given, answers["given"])
        type_into(qtbot, modal.dob, answers["dob"])
        choose(qtbot, modal.language, answers.get("language", "en"))
        if "a_number" in answers:
            type_into(qtbot, modal.a_number, answers["a_number"])
        press_ok(qtbot, modal.buttons)

    assert window.board is not None
    answer_modal(qtbot, fill)
    click(qtbot, window.board.new_button)
    idle(qtbot, window)


def type_answer(qtbot: QtBot, window: ClinicWindow, key: str, value: Any) -> None:
    assert window.person is not None
    box = window.person.interview.boxes[key]
    editor = box.editor
    if isinstance(editor, SecretEditor) and editor.edit.isReadOnly():
        click(qtbot, editor.show_button)  # a stored number: Show (audited), then change it
        qtbot.waitUntil(lambda: not editor.edit.isReadOnly())
    if isinstance(editor, LineEditor):
        type_into(qtbot, editor.edit, str(value))
    elif isinstance(editor, ComboEditor):
        choose_index(qtbot, editor.combo, editor.values.index(value))
    else:
        raise AssertionError(f"no typing helper for {key}")


def walk_to(qtbot: QtBot, window: ClinicWindow, key: str) -> None:
    """Press Next until the page asking ``key`` shows."""
    assert window.person is not None
    interview = window.person.interview
    for _ in range(40):
        if key in interview.boxes:
            return
        click(qtbot, interview.next_button)
    raise AssertionError(f"no page asks {key}")


def finish_anyway_next(qtbot: QtBot) -> None:
    """Answer the next "required answers missing" question with Finish anyway."""

    def anyway(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        click_button_named(qtbot, box, "Finish anyway")

    answer_modal(qtbot, anyway)


def walk_to_end(qtbot: QtBot, window: ClinicWindow) -> None:
    """Press Next until the last page (where Finish is)."""
    assert window.person is not None
    interview = window.person.interview
    for _ in range(40):
        if not interview.next_button.isEnabled() or not interview.next_button.isVisible():
            return
        click(qtbot, interview.next_button)
        idle(qtbot, window)
    raise AssertionError("the interview never ends")


def test_a_volunteer_checks_in_and_interviews_a_person_to_a_determination(
    qtbot: QtBot, tmp_path: Path, open_window: OpenWindow
) -> None:
    data = tmp_path / "c"
    build_clinic(data)
    window = open_window(data)
    sign_in(qtbot, window, "vol")
    check_in(qtbot, window, {"family": "Testperson", "given": "Ana", "dob": "2001-03-04"})
    assert window.person is not None
    interview = window.person.interview
    assert window.person.currentWidget() is interview
    assert interview.title.text() == "Testperson, Ana"
    # answers on the pages, through the widgets; inline validation keeps what was typed
    walk_to(qtbot, window, "daca.ever_granted")
    type_answer(qtbot, window, "daca.ever_granted", True)
    idle(qtbot, window)
    # had DACA, expiry not typed yet: renewal or initial is not known, and the panel says so
    assert "Request type: not known yet" in interview.panel.toPlainText()
    walk_to(qtbot, window, "daca.expires")  # shown on the same page once granted
    type_answer(qtbot, window, "daca.expires", "2027-04-01")
    idle(qtbot, window)
    assert "Request type: not known yet" in interview.panel.toPlainText()  # terminated?
    walk_to(qtbot, window, "daca.terminated")
    type_answer(qtbot, window, "daca.terminated", False)
    idle(qtbot, window)
    assert "Request type: renewal" in interview.panel.toPlainText()
    walk_to(qtbot, window, "a_number")
    type_answer(qtbot, window, "a_number", "12")
    assert "A-Number" in interview.boxes["a_number"].error.text()
    type_answer(qtbot, window, "a_number", "A-099-555-001")
    assert interview.boxes["a_number"].error.isHidden()
    # the live panel explains the current determination with its rules
    assert "8 CFR" in interview.panel.toPlainText()
    # the client's language switches at any moment; the answers stay
    choose_index(qtbot, interview.language, 1)  # 한국어: asked in Korean, read in English
    box = interview.boxes["a_number"]
    assert box.asked.isVisible() and box.asked.text() != box.label.text()
    assert "8 CFR" in interview.panel.toPlainText()
    choose_index(qtbot, interview.language, 0)
    assert interview.interview.answers["daca.expires"] == "2027-04-01"
    progress = interview.progress.value()
    assert progress > 0
    # Finish names the required answers still missing; the volunteer goes to the first...
    listed: list[str] = []

    def go_to_first(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        listed.append(box.text())
        click_button_named(qtbot, box, "Go to the first")

    answer_modal(qtbot, go_to_first)
    click(qtbot, interview.finish_button)
    idle(qtbot, window)
    assert "required answers are missing" in listed[0]
    first_missing = interview.interview.missing_required()[0]
    label = interview.questionnaire.question(first_missing).label.get("en")
    assert f"• {label}" in listed[0]  # the question as asked, never its key
    assert not re.search(r"\b[a-z_]+\.[a-z_0-9]+\b", listed[0])
    assert first_missing in interview.boxes  # on its page
    # ... or screens anyway: the screening then says what is missing

    def finish_anyway(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        click_button_named(qtbot, box, "Finish anyway")

    answer_modal(qtbot, finish_anyway)
    click(qtbot, interview.finish_button)
    idle(qtbot, window)
    # back on the record: screened, with the determination and its reasons
    assert window.person.currentWidget() is window.person.record
    record = window.person.record
    assert record.view is not None
    det = record.view.state.determination
    assert det is not None and det["request_type"] == "renewal"
    assert det["outcome"] in ("likely_eligible", "attorney_review")
    assert "Request type" in record.screening.toPlainText()
    assert record.view.draft is None  # the draft is dropped once screened
    # the board shows them at the forms station
    assert window.board is not None
    assert window.board.board is not None
    [row] = window.board.board.rows
    assert row.station == "forms"
    assert window.board.headers["forms"].text().endswith("(1)")


def test_every_step_is_autosaved_and_a_new_window_continues_where_it_stopped(
    qtbot: QtBot, tmp_path: Path, open_window: OpenWindow
) -> None:
    data = tmp_path / "c"
    build_clinic(data)
    window = open_window(data)
    sign_in(qtbot, window, "vol")
    check_in(qtbot, window, {"family": "Testperson", "given": "Bo", "dob": "2000-01-02"})
    walk_to(qtbot, window, "a_number")
    assert window.person is not None
    page_id = window.person.interview.interview.current.id
    page = window.person.interview
    idle(qtbot, window)  # the page turns' own saves are done
    saved = page.saved_drafts
    type_answer(qtbot, window, "a_number", "A-0991")  # not valid yet: kept as typed
    qtbot.waitUntil(lambda: page.saved_drafts > saved, timeout=5000)
    idle(qtbot, window)
    # the draft is sealed: the canary is nowhere in the data folder in clear
    for path in data.rglob("*"):
        if path.is_file():
            assert b"A-0991" not in path.read_bytes(), path
    # no graceful close: a second window on the same folder opens the person where it stopped
    second = open_window(data)
    sign_in(qtbot, second, "vol")
    assert second.board is not None and second.board.board is not None
    [row] = second.board.board.rows
    open_from_board(qtbot, second, row.record_id)
    idle(qtbot, second)
    assert second.person is not None
    interview = second.person.interview
    assert second.person.currentWidget() is interview
    assert interview.interview.current.id == page_id
    assert interview.boxes["a_number"].editor.value() == "A-0991"
    assert not interview.boxes["a_number"].error.isHidden()


KILL_SCRIPT = r"""
import os, signal, sys, time
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from pathlib import Path
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
app = QApplication([])
from clinic.gui.app import make_window
LEFT = Qt.MouseButton.LeftButton
w = make_window(Path(sys.argv[1]))
w.show(); w.start()
def spin(cond):
    end = time.time() + 60
    while time.time() < end:
        app.processEvents()
        if cond():
            return
        time.sleep(0.01)
    raise SystemExit(3)
spin(lambda: w.ops.pending == 0 and w.stack.currentWidget() is w.signin)
# sign in as a person does: the user list with the keyboard, the passphrase, the button
users = w.signin.user
users.setFocus()
QTest.keyClick(users, Qt.Key.Key_Home)
for _ in range(users.findData("vol")):
    QTest.keyClick(users, Qt.Key.Key_Down)
QTest.keyClicks(w.signin.passphrase, sys.argv[2])
QTest.mouseClick(w.signin.button, LEFT)
spin(lambda: w.tabs is not None and w.ops.pending == 0 and w.board.board is not None)
# the person's row on the Today board, then Enter
[lst] = [l for l in w.board.lists.values() if l.count()]
lst.scrollToItem(lst.item(0))
QTest.mouseClick(lst.viewport(), LEFT, pos=lst.visualItemRect(lst.item(0)).center())
QTest.keyClick(lst, Qt.Key.Key_Return)
spin(lambda: w.ops.pending == 0 and w.person.currentWidget() is w.person.interview)
iv = w.person.interview
while "birth.city" not in iv.boxes:
    QTest.mouseClick(iv.next_button, LEFT)
    spin(lambda: w.ops.pending == 0)
spin(lambda: w.ops.pending == 0)
saved = iv.saved_drafts
city = iv.boxes["birth.city"].editor.edit
QTest.mouseClick(city, LEFT)
QTest.keyClick(city, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
QTest.keyClicks(city, "Killtown")
spin(lambda: iv.saved_drafts > saved and w.ops.pending == 0)
print(iv.interview.current.id, flush=True)
os.kill(os.getpid(), signal.SIGKILL)
"""


def test_killed_mid_interview_nothing_is_lost(tmp_path: Path) -> None:
    data = tmp_path / "c"
    [rid] = build_clinic(data, people=1)
    script = tmp_path / "kill.py"
    script.write_text(KILL_SCRIPT, encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, str(script), str(data), PASSPHRASE, rid],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    )
    assert proc.returncode == -9, proc.stderr[-2000:]
    page = proc.stdout.strip().splitlines()[-1]
    session = Clinic(data).unlock("vol", PASSPHRASE)
    draft = session.load_draft(rid)
    assert draft is not None
    assert draft["page"] == page
    assert draft["answers"]["birth.city"] == "Killtown"
    assert session.check() == []


def test_a_person_who_looks_like_someone_already_here_is_flagged(
    qtbot: QtBot, tmp_path: Path, open_window: OpenWindow
) -> None:
    data = tmp_path / "c"
    [rid] = build_clinic(data, people=1)
    existing = person(0)
    window = open_window(data)
    sign_in(qtbot, window, "vol")
    seen: list[str] = []

    def open_existing(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        seen.append(box.text())
        [button] = [b for b in box.buttons() if b.text() == "Open the existing person"]
        click(qtbot, button)

    def fill(modal: QWidget) -> None:
        assert isinstance(modal, NewPersonDialog)
        type_into(qtbot, modal.family, existing["name.family"].upper())  # case does not matter
        type_into(qtbot, modal.given, "Someone")
        type_into(qtbot, modal.dob, existing["dob"])
        answer_modal(qtbot, open_existing)
        press_ok(qtbot, modal.buttons)

    assert window.board is not None
    answer_modal(qtbot, fill)
    click(qtbot, window.board.new_button)
    idle(qtbot, window)
    assert seen and "same family name and birth date" in seen[0]
    assert window.open_record == rid
    session = Clinic(data).unlock("admin", PASSPHRASE)
    assert len(session.record_ids()) == 1  # nobody was added


def test_cancel_on_the_duplicate_warning_goes_back_to_what_was_typed(
    qtbot: QtBot, tmp_path: Path, open_window: OpenWindow
) -> None:
    """Found in a user's walk: Cancel on "This may be someone already here" threw the typed
    check-in away. It goes back to the check-in, everything typed still there, to correct
    (here the birth date) and check in."""
    data = tmp_path / "c"
    build_clinic(data, people=1)
    existing = person(0)
    window = open_window(data)
    sign_in(qtbot, window, "vol")
    seen: list[dict[str, str]] = []

    def cancel(box: QWidget) -> None:
        assert isinstance(box, QMessageBox) and box.objectName() == "duplicate-warning"
        on_next_dialog(qtbot, correct)
        click(qtbot, box.button(QMessageBox.StandardButton.Cancel))

    def correct(modal: QWidget) -> None:
        assert isinstance(modal, NewPersonDialog)
        seen.append(
            {
                "family": modal.family.text(),
                "given": modal.given.text(),
                "dob": modal.dob.text(),
                "language": str(modal.language.currentData()),
            }
        )
        type_into(qtbot, modal.dob, "2002-07-19")
        press_ok(qtbot, modal.buttons)

    def fill(modal: QWidget) -> None:
        assert isinstance(modal, NewPersonDialog)
        type_into(qtbot, modal.family, existing["name.family"])
        type_into(qtbot, modal.given, "Mina")
        type_into(qtbot, modal.dob, existing["dob"])
        choose(qtbot, modal.language, "ko")
        answer_modal(qtbot, cancel)
        press_ok(qtbot, modal.buttons)

    assert window.board is not None
    answer_modal(qtbot, fill)
    click(qtbot, window.board.new_button)
    idle(qtbot, window)
    assert seen == [
        {
            "family": existing["name.family"],
            "given": "Mina",
            "dob": existing["dob"],
            "language": "ko",
        }
    ], seen
    session = Clinic(data).unlock("admin", PASSPHRASE)
    assert len(session.record_ids()) == 2  # checked in after the correction
    assert window.open_record is not None
    added = session.load(window.open_record).answers
    assert (added["name.given"], added["dob"]) == ("Mina", "2002-07-19")


def test_search_by_a_number_name_and_birth_date(
    qtbot: QtBot, tmp_path: Path, open_window: OpenWindow
) -> None:
    data = tmp_path / "c"
    ids = build_clinic(data, people=3)
    window = open_window(data)
    sign_in(qtbot, window, "vol")
    board = window.board
    assert board is not None

    def search(text: str) -> list[str]:
        type_into(qtbot, board.search, text)
        qtbot.keyPress(board.search, Qt.Key.Key_Return)
        idle(qtbot, window)
        assert board.board is not None
        return [r.record_id for r in board.board.rows]

    assert search("A-099-000-001") == [ids[1]]
    assert search("testpersonc") == [ids[2]]
    assert sorted(search("2001-03-04")) == sorted(ids)
    assert search("TestpersonA 2001-03-04") == [ids[0]]
    assert search("A-099-999-999") == []
    assert "Nobody" in board.note.text() and board.note.isVisible()
    assert "Under each name" in board.hint.text()  # the legend stays (found in a walk)
    assert search("testpersonc") == [ids[2]]
    assert not board.note.isVisible()  # a search that finds someone says nothing


@pytest.fixture
def forms() -> Path:
    if not (SHARED_FORMS / "i-821d_2025-01-20.pdf").is_file():
        pytest.skip("the official PDFs are not in ../shared/forms")
    return SHARED_FORMS


def pdf_text(data: bytes) -> str:
    import io

    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)


def open_record_screen(qtbot: QtBot, window: ClinicWindow, rid: str) -> RecordPage:
    """Open a person from the board; from their interview, "Save and close" leads to the
    record screen."""
    open_from_board(qtbot, window, rid)
    assert window.person is not None
    if window.person.currentWidget() is window.person.interview:
        click(qtbot, window.person.interview.close_button)
        idle(qtbot, window)
    assert window.person.currentWidget() is window.person.record
    return window.person.record


def build_from_record(qtbot: QtBot, window: ClinicWindow, record: RecordPage) -> None:
    choose_tab(qtbot, record.tabs, record.packet_tab)
    click(qtbot, record.build_button)
    idle(qtbot, window, 120_000)


def edit_answer(
    qtbot: QtBot, window: ClinicWindow, record: RecordPage, key: str, text: str
) -> None:
    """Double-click an answer on the record's Answers tab, type the new value, OK."""
    choose_tab(qtbot, record.tabs, record.answers)

    def change(modal: QWidget) -> None:
        box = modal.findChild(QuestionBox)
        assert box is not None and isinstance(box.editor, LineEditor)
        type_into(qtbot, box.editor.edit, text)
        [buttons] = modal.findChildren(QDialogButtonBox)
        press_ok(qtbot, buttons)

    answer_modal(qtbot, change)
    double_click_tree_row(qtbot, record.answers, lambda item: item.data(0, USER_ROLE) == key)
    idle(qtbot, window)


def test_packet_build_view_print_export_review_and_approve(
    qtbot: QtBot, tmp_path: Path, open_window: OpenWindow, forms: Path, edge: FakeEdge
) -> None:
    data = tmp_path / "c"
    [rid] = build_clinic(data, people=1)
    # volunteer: build the packet from the record screen, in the worker, with progress
    window = open_window(data, forms=forms)
    sign_in(qtbot, window, "vol")
    record = open_record_screen(qtbot, window, rid)
    steps: list[tuple[int, int, str]] = []
    window.ops.progress.connect(lambda d, t, w: steps.append((d, t, w)))
    build_from_record(qtbot, window, record)
    assert steps and steps[-1][0] == steps[-1][1]  # the bar reached the end
    # ... only once the packet can be shown: storing and the screen's copies are steps too
    labels = [what for _d, _t, what in steps]
    assert labels.index("Storing it encrypted") < labels.index("Preparing it for the screen")
    assert all(d < t for d, t, _w in steps[:-1])  # never full before the end
    assert record.packet is not None and not record.packet.approved
    files = record.viewer.files
    names = [files.item(i).text() for i in range(files.count())]
    assert "I-821D.pdf" in names and "Cover sheet.pdf" in names
    assert record.viewer.pane.page_count() > 0  # QtPdf shows it
    assert "DRAFT" in record.viewer.state.text()
    # Print: the print dialog answered "to a PDF file"; Export: a folder chosen. Both audited.
    edge.print_files.append(tmp_path / "printed.pdf")
    click(qtbot, record.print_button)
    idle(qtbot, window)
    assert "Sent" in record.message.text(), record.message.text()
    printed = PdfReader(tmp_path / "printed.pdf")
    assert len(printed.pages) >= 10
    box = printed.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)  # US Letter
    assert edge.asked[-1] == f"printer: Print the whole packet ({files.count()} files, every page)"
    edge.folders.append(tmp_path / "out")
    click(qtbot, record.export_button)
    idle(qtbot, window)
    assert "Wrote" in record.message.text(), record.message.text()
    assert (tmp_path / "out" / "I-821D.pdf").is_file()
    assert "DRAFT" in pdf_text((tmp_path / "out" / "I-821D.pdf").read_bytes())
    session = Clinic(data).unlock("admin", PASSPHRASE)
    actions = [(e.action, e.detail) for e in session.audit_log() if e.record_id == rid]
    assert any(a == "export" and d.startswith("printed packet") for a, d in actions)
    assert any(a == "export" and d.endswith("to a folder") for a, d in actions)
    assert "not encrypted" in record.message.text()
    # cancelling either dialog does nothing, and no earlier message stays to say it did
    click(qtbot, record.print_button)
    idle(qtbot, window)
    assert record.message.text() == ""
    click(qtbot, record.export_button)
    idle(qtbot, window)
    assert record.message.text() == ""

    # the volunteer has no review tab, and cannot approve through the store either
    assert window.review is None
    # attorney: the queue, the packet beside its answers, a comment on an item, return
    atty = open_window(data, forms=forms)
    sign_in(qtbot, atty, "atty")
    assert atty.review is not None and atty.tabs is not None
    choose_tab(qtbot, atty.tabs, atty.review)
    idle(qtbot, atty)
    review = atty.review
    assert review.queue.count() == 1
    click_list_row(qtbot, review.queue, 0)
    idle(qtbot, atty)
    assert review.viewer.pane.page_count() > 0
    assert review.answers.topLevelItemCount() > 0
    # the page has the room: the packet's file names sit under the queue, not beside the page
    pane, files = review.viewer.pane, review.viewer.files
    assert pane.width() >= atty.width() * 2 // 5, (pane.width(), atty.width())
    queue_at, files_at = review.queue.mapTo(atty, QPoint()), files.mapTo(atty, QPoint())
    assert files_at.x() == queue_at.x() and files_at.y() > queue_at.y() + review.queue.height()
    assert files.isVisible() and files.count() >= 8  # the forms, the sheets, the checklist
    assert "Changed since" not in review.comments.toPlainText()  # never returned: nothing
    choose(qtbot, review.item, "birth.city")
    type_into(qtbot, review.text, "Please check the city of birth on the passport.")
    confirmed: list[str] = []
    answer_question(qtbot, confirmed)
    click(qtbot, review.return_button)
    idle(qtbot, atty)
    assert "Your comment goes with it: Please check the city of birth" in confirmed[0]
    assert review.queue.count() == 0
    state = session.load(rid)
    assert state.status is Status.RETURNED
    assert state.comments[-1].item == "birth.city"
    # the volunteer sees it on the board, and reads the comment
    assert window.board is not None and window.tabs is not None
    choose_tab(qtbot, window.tabs, window.board)
    click(qtbot, window.board.refresh_button)
    idle(qtbot, window)
    assert window.board.board is not None
    [row] = window.board.board.rows
    assert row.returned and "↩" in window.board.lists["forms"].item(0).text()
    record = open_record_screen(qtbot, window, rid)
    choose_tab(qtbot, record.tabs, record.comments)
    assert "city of birth" in record.comments.toPlainText()
    # the volunteer fixes the answer on the record screen (recorded) and rebuilds
    edit_answer(qtbot, window, record, "birth.city", "Busan")
    assert session.load(rid).answers["birth.city"] == "Busan"
    # the returned packet is behind the answers now: the screen says to rebuild, and the old
    # packet is not back in the attorney's queue (issue 16 point 4)
    idle(qtbot, window)
    assert record.status.text().startswith("Answers changed after the packet was built")
    # the old packet is still shown, but nothing prints or leaves the laptop from it
    choose_tab(qtbot, record.tabs, record.packet_tab)
    stale_buttons = (record.print_button, record.export_button, record.take_home_button)
    assert not any(b.isEnabled() for b in stale_buttons)
    assert atty.board is not None
    choose_tab(qtbot, atty.tabs, atty.board)
    choose_tab(qtbot, atty.tabs, review)
    idle(qtbot, atty)
    assert review.queue.count() == 0
    build_from_record(qtbot, window, record)
    assert session.load(rid).status is Status.IN_REVIEW
    assert all(b.isEnabled() for b in stale_buttons)  # the new packet prints
    # the attorney approves: that version is locked and the DRAFT mark is gone
    assert atty.board is not None
    choose_tab(qtbot, atty.tabs, atty.board)  # back to the Review tab: the queue is read again
    choose_tab(qtbot, atty.tabs, review)
    idle(qtbot, atty)
    assert review.queue.count() == 1
    click_list_row(qtbot, review.queue, 0)
    idle(qtbot, atty)
    # what the volunteer changed since the return, first, as the attorney reads it
    told = review.comments.toPlainText()
    assert told.startswith("Changed since it was returned:"), told
    assert f"{person(0)['birth.city']} → Busan" in told and "born" in told.lower(), told

    asked: list[str] = []
    answer_question(qtbot, asked)
    click(qtbot, review.approve_button)
    # the attorney is told what the filer must still answer by hand (no preparer profile here)
    assert "leaves blank, for the filer to answer by hand before mailing" in asked[0]
    assert "I-821D Part 7 Item 1.a" in asked[0]
    idle(qtbot, atty)
    state = session.load(rid)
    assert state.status is Status.APPROVED and state.approved_packet == state.packets[-1]
    record = open_record_screen(qtbot, window, rid)
    choose_tab(qtbot, record.tabs, record.packet_tab)
    assert "approved" in record.viewer.state.text()
    edge.folders.append(tmp_path / "approved")
    click(qtbot, record.export_button)
    idle(qtbot, window)
    assert "DRAFT" not in pdf_text((tmp_path / "approved" / "I-821D.pdf").read_bytes())


def i821d_family_name_box(blank: Path) -> tuple[int, tuple[float, float, float, float]]:
    """The page index and the rectangle (PDF points) of Part 1 Item 3.a, Family Name."""
    reader = PdfReader(blank)
    for index, page in enumerate(reader.pages):
        for annot in page.get("/Annots") or []:
            widget = annot.get_object()
            if str(widget.get("/T", "")) == "P1_Line3a_Name[0]":
                x0, y0, x1, y1 = (float(v) for v in widget["/Rect"])
                return index, (x0, y0, x1, y1)
    raise AssertionError("the I-821D has no Family Name field")


def ink_in_box(
    image: QImage, page_size: tuple[float, float], box: tuple[float, float, float, float]
) -> int:
    """Dark pixels inside ``box`` (PDF points, origin bottom left) of a rendered page."""
    width, height = page_size
    sx, sy = image.width() / width, image.height() / height
    x0, y0, x1, y1 = box
    # a point inside the border, so the box's own frame is not counted
    return screen_ink(
        image,
        int(x0 * sx) + 3,
        int((height - y1) * sy) + 3,
        int((x1 - x0) * sx) - 6,
        int((y1 - y0) * sy) - 6,
    )


def test_the_viewer_and_the_printer_show_the_filled_values(
    qtbot: QtBot, tmp_path: Path, open_window: OpenWindow, forms: Path, edge: FakeEdge
) -> None:
    """QtPdf draws no form fields: what the viewer and the printer show must still hold every
    value. Read where a person reads: the pixels inside the Family Name box of the I-821D, in
    the viewer on the screen and on the printed page, against the blank official form."""
    data = tmp_path / "c"
    rid, other = build_clinic(data, people=2)
    family = Clinic(data).unlock("admin", PASSPHRASE).load(rid).answers["name.family"]
    window = open_window(data, forms=forms)
    window.resize(1400, 1000)
    sign_in(qtbot, window, "vol")
    record = open_record_screen(qtbot, window, rid)
    build_from_record(qtbot, window, record)
    blank = forms / "i-821d_2025-01-20.pdf"
    page_index, box = i821d_family_name_box(blank)

    # the viewer: choose the I-821D in the packet's file list, as a person clicks it
    files = record.viewer.files
    row = [files.item(i).text() for i in range(files.count())].index("I-821D.pdf")
    click_list_row(qtbot, files, row)
    view = record.viewer.pane.view
    document = view.document()
    assert document is not None and document.pageCount() == 7
    points = document.pagePointSize(page_index)
    page_size = (points.width(), points.height())
    shown = document.render(page_index, QSize(1224, int(1224 * points.height() / points.width())))
    empty = render_page(blank.read_bytes(), page_index, 1224)
    assert ink_in_box(empty, page_size, box) == 0  # the blank box is empty
    assert ink_in_box(shown, page_size, box) > 40, "the viewer shows the Family Name box empty"
    # and on the screen itself: scroll with Page Down to the box, and read the view's pixels
    viewport = view.viewport()
    qtbot.keyClick(view, Qt.Key.Key_PageDown)
    margins = view.documentMargins()
    scale = (viewport.width() - margins.left() - margins.right()) / points.width()
    offset = view.verticalScrollBar().value()
    x0, y0, x1, y1 = box
    left = margins.left() + int(x0 * scale) + 3
    top = margins.top() + int((points.height() - y1) * scale) - offset + 3
    width, height = int((x1 - x0) * scale) - 6, int((y1 - y0) * scale) - 6
    assert 0 <= top and top + height <= viewport.height(), "Page Down did not reach the box"

    def box_ink() -> int:
        return screen_ink(viewport.grab().toImage(), left, top, width, height)

    qtbot.waitUntil(lambda: box_ink() > 40, timeout=10_000)  # QtPdf paints pages in the background

    # the printer: Print, "to a PDF file"; the printed page shows the value in the box
    edge.print_files.append(tmp_path / "printed.pdf")
    click(qtbot, record.print_button)
    idle(qtbot, window)
    assert record.packet is not None
    before = 0
    for name, pdf in record.packet.files:
        if name == "I-821D.pdf":
            break
        before += len(PdfReader(io.BytesIO(pdf)).pages)
    printed_page = before + page_index + 1
    png = tmp_path / "printed"
    subprocess.run(
        [
            "pdftoppm",
            "-r",
            "200",
            "-f",
            str(printed_page),
            "-l",
            str(printed_page),
            "-png",
            "-singlefile",
            str(tmp_path / "printed.pdf"),
            str(png),
        ],
        check=True,
    )
    image = QImage(str(png) + ".png")
    assert not image.isNull()
    assert ocr_reads(png, family), f"the printed I-821D does not read {family}"

    # another person with no packet yet: nothing of the first person's packet stays on screen
    record = open_record_screen(qtbot, window, other)
    choose_tab(qtbot, record.tabs, record.packet_tab)
    assert record.viewer.files.count() == 0 and record.viewer.pane.page_count() == 0
    assert record.viewer.state.text() == "No packet yet."


def ocr_reads(png: Path, word: str) -> bool:
    """Whether tesseract reads ``word`` on a printed page (the page is an image: a printer's
    page has no text to extract)."""
    if shutil.which("tesseract") is None:
        pytest.skip("tesseract is not installed (tools/setup installs it)")
    done = subprocess.run(
        ["tesseract", str(png) + ".png", "-", "--psm", "11"], capture_output=True, text=True
    )
    return word.lower() in done.stdout.lower()


def test_a_volunteer_cannot_approve(qtbot: QtBot, tmp_path: Path, open_window: OpenWindow) -> None:
    """A volunteer has no Review tab at all; and were a review screen shown to them, its
    Return and Approve buttons stay disabled whatever they click."""
    from clinic.domain.roles import Role
    from clinic.gui.review import ReviewPage
    from clinic.resources import questionnaire

    data = tmp_path / "c"
    build_clinic(data)
    window = open_window(data)
    sign_in(qtbot, window, "vol")
    assert window.tabs is not None
    tabs = [window.tabs.tabText(i).replace("&", "") for i in range(window.tabs.count())]
    assert "Review" not in tabs and window.review is None
    page = ReviewPage(window.ops, questionnaire(), Role.VOLUNTEER)
    qtbot.addWidget(page)
    page.show()
    qtbot.mouseClick(page.approve_button, Qt.MouseButton.LeftButton)
    assert not page.approve_button.isEnabled() and not page.return_button.isEnabled()
    assert page.approve_button.toolTip() == "Only an attorney approves packets"


def counts_name(day: Any) -> str:
    return f"clinic-counts-{day.isoformat()}-{day.isoformat()}"


def test_the_coordinator_sees_the_counts_and_exports_them(
    qtbot: QtBot, tmp_path: Path, open_window: OpenWindow, edge: FakeEdge
) -> None:
    from clinic.domain.events import EventType
    from clinic.reports.counts import counts_for

    data = tmp_path / "c"
    ids = build_clinic(data, people=3)
    session = Clinic(data).unlock("vol", PASSPHRASE)
    det = {"outcome": "attorney_review", "request_type": "renewal", "flags": []}
    for rid in ids[:2]:
        session.append_event(rid, EventType.SCREENED, {"determination": det})
    window = open_window(data)
    sign_in(qtbot, window, "coord")
    assert window.counts is not None and window.tabs is not None
    choose_tab(qtbot, window.tabs, window.counts)
    idle(qtbot, window)
    counts = window.counts
    # the screen shows what the Reports service computes (not recomputed in the GUI)
    report = counts_for(session, TODAY, TODAY)
    assert counts.report == report
    table = counts.table

    def cell(row: int, column: int) -> str:
        item = table.item(row, column)
        return item.text() if item is not None else ""

    total_row = table.rowCount() - 1
    assert cell(total_row, 0) == "Total"
    headers = [  # a long heading is on two lines
        getattr(table.horizontalHeaderItem(c), "text", str)().replace("\n", " ")
        for c in range(table.columnCount())
    ]
    assert cell(total_row, headers.index("Screened")) == "2"
    assert cell(total_row, headers.index("Referred to an attorney")) == "2"
    assert cell(total_row, headers.index("People served")) == "3"  # checked in, two screened
    # the chart follows "By:": one group of bars per language, not per day (issue 16 point 9)
    choose(qtbot, counts.breakdown, "language")
    idle(qtbot, window)
    by_language = [key for key, _c in report.rows("language")]
    # the chart's groups and the table name each language (never its code)
    assert [key for key, _c in counts.chart.rows] == [language_text(k) for k in by_language]
    assert [cell(r, 0) for r in range(table.rowCount() - 1)] == [
        language_text(k) for k in by_language
    ]
    picture = counts.chart.grab().toImage()
    assert screen_ink(picture, 0, 0, 60, picture.height()) > 20  # the scale's numbers
    # by volunteer: the attorneys' returns and approvals are in the total only, and it says so
    choose(qtbot, counts.breakdown, "volunteer")
    idle(qtbot, window)
    assert counts.note.text().startswith("Volunteers' work only")
    # only volunteers are named: the admin's check-ins are one row, "Other staff"
    assert [cell(r, 0) for r in range(table.rowCount())] == ["Other staff", "vol", "Total"]
    assert cell(1, headers.index("Screened")) == "2"
    choose(qtbot, counts.breakdown, "language")
    idle(qtbot, window)
    for fmt, button in (
        ("csv", counts.csv_button),
        ("pdf", counts.pdf_button),
        ("xlsx", counts.xlsx_button),
    ):
        edge.save_paths.append(tmp_path / f"counts.{fmt}")
        click(qtbot, button)
        idle(qtbot, window)
        assert counts.note.text() == f"Wrote {tmp_path / f'counts.{fmt}'}"
    assert edge.asked[-1].endswith(f"({counts_name(TODAY)}.xlsx)")
    raw = (tmp_path / "counts.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the mark Excel needs to read UTF-8 (a walk)
    text = raw.decode("utf-8-sig")
    assert "Screened" in text.splitlines()[0] and "outcome:" not in text
    # the PDF's chart follows "By:" as the screen's does: per language, named
    printed = pdf_text((tmp_path / "counts.pdf").read_bytes())
    assert "Screened, referred and packets by language" in printed
    assert "Per language" in printed and "Per day" not in printed
    assert (tmp_path / "counts.xlsx").read_bytes().startswith(b"PK")
    for rid in ids:
        name = session.load(rid).answers["name.family"]
        assert name not in text
    assert json.dumps(report.total.screened) == "2"
    # the files say what the screen says: "Other staff", "Packets prepared" (no "(other staff)")
    header = text.splitlines()[0]
    assert "Packets prepared" in header and "Packets built" not in header
    assert ",Other staff," in text and "(other staff)" not in text
    # a Spanish-speaking coordinator reads the languages named in Spanish, not English
    assert window.settings is not None
    choose_tab(qtbot, window.tabs, window.settings)
    choose(qtbot, window.settings.language, "es")
    idle(qtbot, window)
    choose_tab(qtbot, window.tabs, counts)
    choose(qtbot, counts.breakdown, "language")
    idle(qtbot, window)
    rows = [cell(r, 0) for r in range(table.rowCount() - 1)]
    assert rows == [language_text(k, "es") for k in by_language]
    assert not any(word in " ".join(rows) for word in ("Korean", "Spanish", "English"))


def test_a_typo_never_erases_what_the_record_holds(
    qtbot: QtBot, tmp_path: Path, open_window: OpenWindow
) -> None:
    data = tmp_path / "c"
    [rid] = build_clinic(data, people=1)
    stored = Clinic(data).unlock("admin", PASSPHRASE).load(rid).answers["a_number"]
    window = open_window(data)
    sign_in(qtbot, window, "vol")
    open_from_board(qtbot, window, rid)
    assert window.person is not None
    interview = window.person.interview
    walk_to(qtbot, window, "a_number")
    type_answer(qtbot, window, "a_number", "A1234567890")  # one digit too many
    click(qtbot, interview.next_button)
    idle(qtbot, window)
    # Next stays on the page and says why (issue 16 point 5); the record keeps what it held
    assert "a_number" in interview.boxes and interview.boxes["a_number"].error.isVisible()
    assert "Fix the answers marked in red first (1)." in interview.save_state.text()
    session = Clinic(data).unlock("admin", PASSPHRASE)
    assert session.load(rid).answers["a_number"] == stored
    click(qtbot, interview.finish_button)
    idle(qtbot, window)
    assert "Fix the answers marked in red" in interview.save_state.text()
    state = session.load(rid)
    assert state.determination is None and state.answers["a_number"] == stored
    draft = Clinic(data).unlock("vol", PASSPHRASE).load_draft(rid)
    assert draft is not None and draft["answers"]["a_number"] == "A1234567890"


def test_an_old_draft_does_not_undo_a_newer_change(
    qtbot: QtBot, tmp_path: Path, open_window: OpenWindow
) -> None:
    data = tmp_path / "c"
    [rid] = build_clinic(data, people=1)
    window = open_window(data)
    sign_in(qtbot, window, "vol")
    open_from_board(qtbot, window, rid)
    assert window.person is not None
    interview = window.person.interview
    walk_to(qtbot, window, "birth.city")
    type_answer(qtbot, window, "birth.city", "Draftville")
    click(qtbot, interview.close_button)
    idle(qtbot, window)
    # meanwhile the birth date is corrected on the record screen
    record = window.person.record
    assert window.person.currentWidget() is record
    edit_answer(qtbot, window, record, "dob", "2001-03-05")
    open_from_board(qtbot, window, rid)  # reopens the interview from its draft
    assert interview.interview.answers["dob"] == "2001-03-05"
    assert interview.interview.answers["birth.city"] == "Draftville"
    click(qtbot, interview.next_button)
    idle(qtbot, window)
    answers = Clinic(data).unlock("admin", PASSPHRASE).load(rid).answers
    assert answers["dob"] == "2001-03-05" and answers["birth.city"] == "Draftville"


def test_merge_draft_keeps_newer_stored_values() -> None:
    from clinic.gui.interview import merge_draft

    stored = {"dob": "2001-03-05", "city": "Seoul", "added": "x"}
    draft = {
        "answers": {"dob": "2001-03-04", "city": "Busan"},
        "base": {"dob": "2001-03-04", "city": "Seoul"},
    }
    assert merge_draft(stored, draft) == {"dob": "2001-03-05", "city": "Busan", "added": "x"}
    removed = {"answers": {}, "base": {"city": "Seoul"}}
    assert merge_draft(stored, removed) == {"dob": "2001-03-05", "added": "x"}
    old = {"answers": {"city": "Busan"}}  # a draft from before "base" existed
    assert merge_draft(stored, old)["city"] == "Busan" and merge_draft(stored, old)["added"] == "x"


def test_the_board_is_today_in_the_clinics_time_zone(
    qtbot: QtBot, tmp_path: Path, open_window: OpenWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The Today board counts the clinic's day (Los Angeles), by the one clock: a person checked
    in at 23:30 on Nov 20 there (07:30 UTC on Nov 21) is on the board until midnight, and gone
    from it a minute after, whatever the machine's own zone."""
    from clinic import clock

    frozen = clock.FixedClock(clock.parse_moment("2026-11-21T07:30:00+00:00"))
    monkeypatch.setattr(clock, "_clock", frozen)
    data = tmp_path / "c"
    build_clinic(data, people=1)
    window = open_window(data)
    sign_in(qtbot, window, "vol")
    assert window.board is not None and window.board.board is not None
    assert len(window.board.board.rows) == 1
    assert sum(lst.count() for lst in window.board.lists.values()) == 1
    frozen.set(clock.parse_moment("2026-11-21T08:01:00+00:00"))  # 00:01 on Nov 21 there
    click(qtbot, window.board.refresh_button)
    idle(qtbot, window)
    assert window.board.board.rows == []
    assert sum(lst.count() for lst in window.board.lists.values()) == 0
