"""The interview names the interpreter (issue 15 point 7): when the person does not read
English, a question asks who reads the forms to them, and typing offers the clinic's users by
name (their profile fills the forms' interpreter parts). Clicked and typed as a volunteer does."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.gui.conftest import build_clinic, idle, sign_in
from tests.gui.test_gui_account import OpenWindow
from tests.gui.test_gui_day import check_in, type_answer
from tests.gui.test_gui_keys_languages import activate
from tests.gui.user import click, type_into

__all__: list[str] = []


def test_not_reading_english_asks_for_the_interpreter_and_offers_the_staff(
    qtbot: QtBot, tmp_path: Path, open_window: OpenWindow
) -> None:
    data = tmp_path / "c"
    build_clinic(data)
    window = open_window(data)
    sign_in(qtbot, window, "vol")
    check_in(qtbot, window, {"family": "Testperson", "given": "Ana", "dob": "2001-03-04"})
    assert window.person is not None
    interview = window.person.interview
    assert "english.reads" in interview.boxes  # the first page
    assert "interpreter.user" not in interview.boxes  # asked only of those who do not read it
    window.resize(1280, 900)  # room to spare on the page
    type_answer(qtbot, window, "english.reads", False)
    box = interview.boxes["interpreter.user"]
    assert box.isVisible()
    qtbot.wait(100)  # laid out as the screen shows it
    for each in interview.boxes.values():  # each question as tall as it needs: no gaps
        assert each.height() - each.sizeHint().height() < 10, each.question.key
    above = interview.boxes["english.reads"].geometry()
    assert box.geometry().top() - above.bottom() < 20  # right beneath it
    assert "Who reads the forms to you in your language?" in box.label.text()
    assert "user name" not in box.label.text()  # asked of the client: no app words
    edit = box.editor.edit  # type: ignore[attr-defined]
    # the volunteer sees whom they may pick before typing (found in a user's walk)
    assert edit.placeholderText().startswith("A user of this clinic (")
    assert "atty" in edit.placeholderText() and "or a name" in edit.placeholderText()
    activate(qtbot, window)  # in front, as on a laptop: the completion list needs the focus
    type_into(qtbot, edit, "at")
    completer = edit.completer()
    assert completer is not None
    popup = completer.popup()
    qtbot.waitUntil(popup.isVisible, timeout=3000)
    shown = [popup.model().index(r, 0).data() for r in range(popup.model().rowCount())]
    assert shown == ["atty"]  # the users of this laptop whose names begin so
    qtbot.keyClick(popup, Qt.Key.Key_Down)  # the volunteer picks it with the arrow keys
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert edit.text() == "atty"
    click(qtbot, interview.next_button)
    idle(qtbot, window)
    assert interview.interview.answers["interpreter.user"] == "atty"
    # back on the page, the answer is there; "reads English: yes" hides the question again
    click(qtbot, interview.back_button)
    idle(qtbot, window)
    assert interview.boxes["interpreter.user"].editor.value() == "atty"
    type_answer(qtbot, window, "english.reads", True)
    assert "interpreter.user" not in interview.boxes


def test_tab_from_a_pages_last_answer_goes_to_next(
    qtbot: QtBot, tmp_path: Path, open_window: OpenWindow
) -> None:
    """Found in a user's walk: Tab from the last answer of a page went to Lock, in the status
    bar, instead of Next."""
    data = tmp_path / "c"
    build_clinic(data)
    window = open_window(data)
    sign_in(qtbot, window, "vol")
    check_in(qtbot, window, {"family": "Testperson", "given": "Tab", "dob": "2001-03-04"})
    assert window.person is not None
    interview = window.person.interview
    activate(qtbot, window)
    last = list(interview.boxes.values())[-1].editor.focus_widget()
    last.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(last.hasFocus, timeout=3000)
    qtbot.keyClick(last, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not last, timeout=3000)
    assert QApplication.focusWidget() is interview.next_button
