"""Status lines say what is true now (issue 16 point 4): the interview's line follows the staff
language when it changes and starts empty for the next person; the record's status after
Screen again says the one step left; Save and close with nothing changed leaves no
"unfinished interview" behind. Each is read from the label a person reads, after clicking what
they click."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from clinic.core import Desk
from clinic.gui.fields import SecretEditor
from tests.conftest import PASSPHRASE
from tests.gui.conftest import build_clinic, idle, open_from_board, sign_in
from tests.gui.test_gui_account import OpenWindow
from tests.gui.test_gui_day import (
    build_from_record,
    edit_answer,
    open_record_screen,
    type_answer,
    walk_to,
)
from tests.gui.test_gui_day import forms as forms  # the official PDFs (a fixture)
from tests.gui.test_gui_keys_languages import activate
from tests.gui.user import choose, choose_tab, click

DRAFT_NOTE = "an unfinished interview draft is saved"


def test_the_interview_status_line_follows_the_staff_language_and_the_person(
    qtbot: QtBot, tmp_path: Path, open_window: OpenWindow
) -> None:
    data = tmp_path / "c"
    first, second = build_clinic(data, people=2)
    window = open_window(data)
    sign_in(qtbot, window, "vol")
    open_from_board(qtbot, window, first)
    assert window.person is not None and window.settings is not None
    interview = window.person.interview
    walk_to(qtbot, window, "a_number")
    type_answer(qtbot, window, "a_number", "A1234567890")  # one digit too many
    click(qtbot, interview.next_button)
    idle(qtbot, window)
    assert "Fix the answers marked in red first (1)." in interview.save_state.text()

    assert window.tabs is not None
    choose_tab(qtbot, window.tabs, window.settings)
    choose(qtbot, window.settings.language, "es")
    idle(qtbot, window)
    choose_tab(qtbot, window.tabs, window.person)
    idle(qtbot, window)
    # Qt delivers the language change to each widget through the event loop: a moment later,
    # as a person sees it (a loaded machine showed the test the moment before)
    qtbot.waitUntil(lambda: "rojo" in interview.save_state.text(), timeout=5_000)
    shown = interview.save_state.text()
    assert "Primero corrija las respuestas marcadas en rojo (1)." in shown, shown
    assert "Fix the answers" not in shown and "Saved" not in shown
    # the open page is said again in Spanish at once: the problem under the box too
    error = interview.boxes["a_number"].error.text()
    assert error.startswith("no es un número A"), error

    click(qtbot, interview.close_button)
    idle(qtbot, window)
    open_from_board(qtbot, window, second)
    assert window.person.interview is interview
    # the next person's interview does not carry the last person's line
    assert "rojo" not in interview.save_state.text()
    assert "Guardado" not in interview.save_state.text()


def test_after_screen_again_the_status_says_only_the_rebuild_is_left(
    qtbot: QtBot, tmp_path: Path, open_window: OpenWindow, forms: Path
) -> None:
    data = tmp_path / "c"
    [rid] = build_clinic(data, people=1)
    desk = Desk(data)
    desk.sign_in("admin", PASSPHRASE)
    desk.interview.screen_record(rid)
    desk.close()
    window = open_window(data, forms=forms)
    sign_in(qtbot, window, "vol")
    record = open_record_screen(qtbot, window, rid)
    build_from_record(qtbot, window, record)
    qtbot.waitUntil(lambda: record.packet is not None, timeout=60_000)
    assert record.status.text().startswith("Packet awaiting attorney review")

    edit_answer(qtbot, window, record, "mailing.city", "Pasadena")
    idle(qtbot, window)
    assert record.status.text().startswith(
        "Answers changed after the packet was built: screen again, then build"
    )
    click(qtbot, record.screen_button)
    idle(qtbot, window)
    assert record.status.text().startswith(
        "Answers changed after the packet was built and were screened again: build the packet again"
    ), record.status.text()
    assert "screen again," not in record.status.text()
    build_from_record(qtbot, window, record)
    qtbot.waitUntil(
        lambda: record.status.text().startswith("Packet awaiting attorney review"),
        timeout=60_000,
    )


def test_save_and_close_with_nothing_changed_leaves_no_unfinished_interview(
    qtbot: QtBot, tmp_path: Path, open_window: OpenWindow
) -> None:
    data = tmp_path / "c"
    [rid] = build_clinic(data, people=1)
    desk = Desk(data)
    desk.sign_in("admin", PASSPHRASE)
    desk.interview.screen_record(rid)
    desk.close()
    window = open_window(data)
    sign_in(qtbot, window, "vol")
    record = open_record_screen(qtbot, window, rid)
    assert DRAFT_NOTE not in record.status.text()
    click(qtbot, record.interview_button)
    idle(qtbot, window)
    assert window.person is not None
    interview = window.person.interview
    assert window.person.currentWidget() is interview
    click(qtbot, interview.close_button)
    idle(qtbot, window)
    assert window.person.currentWidget() is record
    assert record.status.text().startswith("Screened"), record.status.text()
    assert DRAFT_NOTE not in record.status.text()
    # the test person leaves required questions unanswered (as Finish anyway does): never
    # "ready for forms" then (found in a user's walk)
    assert "required answer(s) missing" in record.status.text(), record.status.text()
    assert "ready for forms" not in record.status.text()

    # a change typed and left: the draft is kept, and the record says so
    click(qtbot, record.interview_button)
    idle(qtbot, window)
    walk_to(qtbot, window, "a_number")
    type_answer(qtbot, window, "a_number", "A1234567890")  # not valid: not stored
    click(qtbot, interview.close_button)
    idle(qtbot, window)
    assert DRAFT_NOTE in record.status.text()


def test_next_names_a_required_question_left_open_and_a_typed_ssn_is_masked(
    qtbot: QtBot, tmp_path: Path, open_window: OpenWindow
) -> None:
    """Found in a user's walk: Next moved on silently past a required question; an SSN typed
    in stayed readable on screen after the cursor left it."""
    data = tmp_path / "c"
    [rid] = build_clinic(data, people=1)
    window = open_window(data)
    sign_in(qtbot, window, "vol")
    open_from_board(qtbot, window, rid)
    assert window.person is not None
    interview = window.person.interview
    # a required question left open: Next moves on (the person may not know it yet) and
    # names it
    walk_to(qtbot, window, "daca.expires")
    type_answer(qtbot, window, "daca.expires", "")
    click(qtbot, interview.next_button)
    idle(qtbot, window)
    assert "daca.expires" not in interview.boxes  # moved on
    said = interview.save_state.text()
    asked = interview.questionnaire.question("daca.expires").label.get("en")
    assert f"Left unanswered (required): {asked}" in said, said

    walk_to(qtbot, window, "ssn")
    activate(qtbot, window)  # keyboard focus, as on a real desktop
    box = interview.boxes["ssn"]
    editor = box.editor
    assert isinstance(editor, SecretEditor)
    type_answer(qtbot, window, "ssn", "555-12-3456")
    qtbot.keyClick(editor.edit, Qt.Key.Key_Tab)  # the cursor leaves the box
    idle(qtbot, window)
    assert "3456" in editor.edit.text() and "555-12" not in editor.edit.text()
    assert editor.edit.isReadOnly() and editor.show_button.isVisible()
    assert editor.value() == "555-12-3456"  # what is stored is the whole number


def test_a_site_saved_unchanged_says_so(
    qtbot: QtBot, tmp_path: Path, open_window: OpenWindow
) -> None:
    data = tmp_path / "c"
    build_clinic(data)
    window = open_window(data)
    sign_in(qtbot, window, "coord")
    settings = window.settings
    assert settings is not None and window.tabs is not None
    choose_tab(qtbot, window.tabs, settings)
    idle(qtbot, window)
    click(qtbot, settings.site_button)
    idle(qtbot, window)
    assert settings.message.text() == "Nothing to save: the site name is unchanged."
    # and a status line in one language is not left under another
    choose(qtbot, settings.language, "es")
    idle(qtbot, window)
    # the change of language is applied after the worker answers: waited for, not assumed
    qtbot.waitUntil(lambda: settings.message.text() == "", timeout=10_000)
