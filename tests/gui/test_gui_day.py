"""The clinic day through real widgets: check a person in, interview them to a determination
(autosaved as it goes), build and see the packet, review and approve it as an attorney, and see
the counts as a coordinator."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from clinic.domain.events import Status
from clinic.gui.board import NewPersonDialog
from clinic.gui.fields import ComboEditor, LineEditor
from clinic.gui.window import ClinicWindow
from clinic.store.clinic import Clinic
from tests.conftest import PASSPHRASE, ROOT, person
from tests.forms_fixture import SHARED_FORMS
from tests.gui.conftest import TODAY, answer_modal, build_clinic, idle, sign_in

OpenWindow = Callable[..., ClinicWindow]


def check_in(qtbot: QtBot, window: ClinicWindow, answers: dict[str, str]) -> None:
    """Fill the check-in dialog by typing, and press OK."""

    def fill(modal: QWidget) -> None:
        assert isinstance(modal, NewPersonDialog)
        qtbot.keyClicks(modal.family, answers["family"])
        qtbot.keyClicks(modal.given, answers["given"])
        qtbot.keyClicks(modal.dob, answers["dob"])
        modal.language.setCurrentIndex(modal.language.findData(answers.get("language", "en")))
        if "a_number" in answers:
            qtbot.keyClicks(modal.a_number, answers["a_number"])
        modal.buttons.accepted.emit()

    assert window.board is not None
    answer_modal(qtbot, fill)
    qtbot.mouseClick(window.board.new_button, Qt.MouseButton.LeftButton)
    idle(qtbot, window)


def type_answer(qtbot: QtBot, window: ClinicWindow, key: str, value: Any) -> None:
    assert window.person is not None
    box = window.person.interview.boxes[key]
    editor = box.editor
    if isinstance(editor, LineEditor):
        editor.edit.clear()
        qtbot.keyClicks(editor.edit, str(value))
    elif isinstance(editor, ComboEditor):
        editor.combo.setCurrentIndex(editor.values.index(value))
    else:
        raise AssertionError(f"no typing helper for {key}")


def walk_to(qtbot: QtBot, window: ClinicWindow, key: str) -> None:
    """Press Next until the page asking ``key`` shows."""
    assert window.person is not None
    interview = window.person.interview
    for _ in range(40):
        if key in interview.boxes:
            return
        qtbot.mouseClick(interview.next_button, Qt.MouseButton.LeftButton)
    raise AssertionError(f"no page asks {key}")


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
    walk_to(qtbot, window, "daca.expires")  # shown on the same page once granted
    type_answer(qtbot, window, "daca.expires", "2027-04-01")
    walk_to(qtbot, window, "a_number")
    type_answer(qtbot, window, "a_number", "12")
    assert "A-Number" in interview.boxes["a_number"].error.text()
    type_answer(qtbot, window, "a_number", "A-099-555-001")
    assert interview.boxes["a_number"].error.isHidden()
    # the live panel explains the current determination with its rules
    assert "8 CFR" in interview.panel.toPlainText()
    # the client's language switches at any moment; the answers stay
    interview.language.setCurrentIndex(1)  # 한국어
    assert "검토" in interview.panel.toPlainText() or "자격" in interview.panel.toPlainText()
    interview.language.setCurrentIndex(0)
    assert interview.interview.answers["daca.expires"] == "2027-04-01"
    progress = interview.progress.value()
    assert progress > 0
    qtbot.mouseClick(interview.finish_button, Qt.MouseButton.LeftButton)
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
    second.open_person(row.record_id)
    idle(qtbot, second)
    assert second.person is not None
    interview = second.person.interview
    assert second.person.currentWidget() is interview
    assert interview.interview.current.id == page_id
    assert interview.boxes["a_number"].editor.value() == "A-0991"
    assert not interview.boxes["a_number"].error.isHidden()


KILL_SCRIPT = r"""
import datetime as dt, os, signal, sys, time
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from pathlib import Path
from PySide6.QtWidgets import QApplication
app = QApplication([])
from clinic.gui.app import make_window
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
w.signin.user.setCurrentIndex(w.signin.user.findData("vol"))
w.signin.passphrase.setText(sys.argv[2]); w.signin._sign_in()
spin(lambda: w.tabs is not None and w.ops.pending == 0)
w.open_person(sys.argv[3])
spin(lambda: w.ops.pending == 0 and w.person.currentWidget() is w.person.interview)
iv = w.person.interview
while "birth.city" not in iv.boxes:
    iv.go_next()
spin(lambda: w.ops.pending == 0)
saved = iv.saved_drafts
iv.boxes["birth.city"].editor.edit.setText("Killtown")
iv.boxes["birth.city"].editor.changed.emit()
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
        button.click()

    def fill(modal: QWidget) -> None:
        assert isinstance(modal, NewPersonDialog)
        qtbot.keyClicks(modal.family, existing["name.family"].upper())  # case does not matter
        qtbot.keyClicks(modal.given, "Someone")
        qtbot.keyClicks(modal.dob, existing["dob"])
        answer_modal(qtbot, open_existing)
        modal.buttons.accepted.emit()

    assert window.board is not None
    answer_modal(qtbot, fill)
    qtbot.mouseClick(window.board.new_button, Qt.MouseButton.LeftButton)
    idle(qtbot, window)
    assert seen and "same family name and birth date" in seen[0]
    assert window.open_record == rid
    session = Clinic(data).unlock("admin", PASSPHRASE)
    assert len(session.record_ids()) == 1  # nobody was added


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
        board.search.clear()
        qtbot.keyClicks(board.search, text)
        qtbot.keyPress(board.search, Qt.Key.Key_Return)
        idle(qtbot, window)
        assert board.board is not None
        return [r.record_id for r in board.board.rows]

    assert search("A-099-000-001") == [ids[1]]
    assert search("testpersonc") == [ids[2]]
    assert sorted(search("2001-03-04")) == sorted(ids)
    assert search("TestpersonA 2001-03-04") == [ids[0]]
    assert search("A-099-999-999") == []
    assert "Nobody" in board.hint.text()


@pytest.fixture
def forms() -> Path:
    if not (SHARED_FORMS / "i-821d_2025-01-20.pdf").is_file():
        pytest.skip("the official PDFs are not in ../shared/forms")
    return SHARED_FORMS


def pdf_text(data: bytes) -> str:
    import io

    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)


def test_packet_build_view_print_export_review_and_approve(
    qtbot: QtBot, tmp_path: Path, open_window: OpenWindow, forms: Path
) -> None:
    data = tmp_path / "c"
    [rid] = build_clinic(data, people=1)
    # volunteer: build the packet from the record screen, in the worker, with progress
    window = open_window(data, forms=forms)
    sign_in(qtbot, window, "vol")
    assert window.person is not None
    record = window.person.record
    window.open_person(rid)
    idle(qtbot, window)
    window.person.setCurrentWidget(record)
    record.open_record(rid)
    idle(qtbot, window)
    steps: list[tuple[int, int, str]] = []
    window.ops.progress.connect(lambda d, t, w: steps.append((d, t, w)))
    qtbot.mouseClick(record.build_button, Qt.MouseButton.LeftButton)
    idle(qtbot, window, 120_000)
    assert steps and steps[-1][0] == steps[-1][1]  # the bar reached the end
    assert record.packet is not None and not record.packet.approved
    names = [n for n, _d in record.packet.files]
    assert "I-821D.pdf" in names and "Cover sheet.pdf" in names
    assert record.viewer.pane.page_count() > 0  # QtPdf shows it
    assert "DRAFT" in record.viewer.state.text()
    assert "DRAFT" in pdf_text(dict(record.packet.files)["I-821D.pdf"])
    # print (to a PDF file standing in for the printer) and export to a folder: both audited
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    pages = record.print_packet(printer)
    assert pages >= 10
    record.export_packet(tmp_path / "out")
    idle(qtbot, window)
    assert (tmp_path / "out" / "I-821D.pdf").is_file()
    session = Clinic(data).unlock("admin", PASSPHRASE)
    actions = [(e.action, e.detail) for e in session.audit_log() if e.record_id == rid]
    assert any(a == "export" and d.startswith("printed packet") for a, d in actions)
    assert any(a == "export" and d.endswith("to a folder") for a, d in actions)

    # the volunteer has no review tab, and cannot approve through the store either
    assert window.review is None
    # attorney: the queue, the packet beside its answers, a comment on an item, return
    atty = open_window(data, forms=forms)
    sign_in(qtbot, atty, "atty")
    assert atty.review is not None and atty.tabs is not None
    atty.tabs.setCurrentWidget(atty.review)
    idle(qtbot, atty)
    review = atty.review
    assert review.queue.count() == 1
    assert review.viewer.pane.page_count() > 0
    assert review.answers.topLevelItemCount() > 0
    review.item.setCurrentIndex(review.item.findData("birth.city"))
    qtbot.keyClicks(review.text, "Please check the city of birth on the passport.")
    qtbot.mouseClick(review.return_button, Qt.MouseButton.LeftButton)
    idle(qtbot, atty)
    assert review.queue.count() == 0
    state = session.load(rid)
    assert state.status is Status.RETURNED
    assert state.comments[-1].item == "birth.city"
    # the volunteer sees it on the board, and reads the comment
    assert window.board is not None
    window.board.refresh()
    idle(qtbot, window)
    assert window.board.board is not None
    [row] = window.board.board.rows
    assert row.returned and "↩" in window.board.lists["forms"].item(0).text()
    record.open_record(rid)
    idle(qtbot, window)
    assert "city of birth" in record.comments.toPlainText()
    # the volunteer fixes the answer on the record screen (recorded) and rebuilds
    record.save_answer("birth.city", "Busan")
    idle(qtbot, window)
    assert session.load(rid).answers["birth.city"] == "Busan"
    qtbot.mouseClick(record.build_button, Qt.MouseButton.LeftButton)
    idle(qtbot, window, 120_000)
    assert session.load(rid).status is Status.IN_REVIEW
    # the attorney approves: that version is locked and the DRAFT mark is gone
    review.refresh()
    idle(qtbot, atty)
    assert review.queue.count() == 1
    idle(qtbot, atty)

    def yes(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        box.button(QMessageBox.StandardButton.Yes).click()

    answer_modal(qtbot, yes)
    qtbot.mouseClick(review.approve_button, Qt.MouseButton.LeftButton)
    idle(qtbot, atty)
    state = session.load(rid)
    assert state.status is Status.APPROVED and state.approved_packet == state.packets[-1]
    record.open_record(rid)
    idle(qtbot, window)
    approved: Any = record.packet  # reloaded by open_record (mypy saw the draft one above)
    assert approved is not None and approved.approved
    assert "approved" in record.viewer.state.text()
    assert "DRAFT" not in pdf_text(dict(approved.files)["I-821D.pdf"])


def test_a_volunteer_cannot_approve(qtbot: QtBot, tmp_path: Path, open_window: OpenWindow) -> None:
    from clinic.domain.roles import Role
    from clinic.gui.review import ReviewPage
    from clinic.resources import questionnaire

    data = tmp_path / "c"
    build_clinic(data)
    window = open_window(data)
    sign_in(qtbot, window, "vol")
    page = ReviewPage(window.ops, questionnaire(), Role.VOLUNTEER)
    qtbot.addWidget(page)
    page._set_actions(True)
    assert not page.approve_button.isEnabled() and not page.return_button.isEnabled()


def test_the_coordinator_sees_the_counts_and_exports_them(
    qtbot: QtBot, tmp_path: Path, open_window: OpenWindow
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
    window.tabs.setCurrentWidget(window.counts)
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
    headers = [
        getattr(table.horizontalHeaderItem(c), "text", str)() for c in range(table.columnCount())
    ]
    assert cell(total_row, headers.index("Screened")) == "2"
    assert cell(total_row, headers.index("Referred to an attorney")) == "2"
    counts.export("csv", tmp_path / "counts.csv")
    counts.export("pdf", tmp_path / "counts.pdf")
    counts.export("xlsx", tmp_path / "counts.xlsx")
    idle(qtbot, window)
    text = (tmp_path / "counts.csv").read_text(encoding="utf-8")
    assert "screened" in text.splitlines()[0]
    assert (tmp_path / "counts.pdf").read_bytes().startswith(b"%PDF")
    assert (tmp_path / "counts.xlsx").read_bytes().startswith(b"PK")
    for rid in ids:
        name = session.load(rid).answers["name.family"]
        assert name not in text
    assert json.dumps(report.total.screened) == "2"


def test_a_typo_never_erases_what_the_record_holds(
    qtbot: QtBot, tmp_path: Path, open_window: OpenWindow
) -> None:
    data = tmp_path / "c"
    [rid] = build_clinic(data, people=1)
    stored = Clinic(data).unlock("admin", PASSPHRASE).load(rid).answers["a_number"]
    window = open_window(data)
    sign_in(qtbot, window, "vol")
    window.open_person(rid)
    idle(qtbot, window)
    assert window.person is not None
    interview = window.person.interview
    walk_to(qtbot, window, "a_number")
    type_answer(qtbot, window, "a_number", "A1234567890")  # one digit too many
    qtbot.mouseClick(interview.next_button, Qt.MouseButton.LeftButton)
    idle(qtbot, window)
    session = Clinic(data).unlock("admin", PASSPHRASE)
    assert session.load(rid).answers["a_number"] == stored  # the page turn kept it
    qtbot.mouseClick(interview.finish_button, Qt.MouseButton.LeftButton)
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
    window.open_person(rid)
    idle(qtbot, window)
    assert window.person is not None
    interview = window.person.interview
    walk_to(qtbot, window, "birth.city")
    type_answer(qtbot, window, "birth.city", "Draftville")
    qtbot.mouseClick(interview.close_button, Qt.MouseButton.LeftButton)
    idle(qtbot, window)
    # meanwhile the birth date is corrected on the record screen
    record = window.person.record
    record.save_answer("dob", "2001-03-05")
    idle(qtbot, window)
    window.open_person(rid)  # reopens the interview from its draft
    idle(qtbot, window)
    assert interview.interview.answers["dob"] == "2001-03-05"
    assert interview.interview.answers["birth.city"] == "Draftville"
    qtbot.mouseClick(interview.next_button, Qt.MouseButton.LeftButton)
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
