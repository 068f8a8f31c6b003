"""The keyboard alone, the staff languages (Qt Linguist), Hangul fonts, font scaling, and the
app's own entry point."""

from __future__ import annotations

import os
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QWidget
from pytestqt.qtbot import QtBot

from clinic.domain.languages import FALLBACK, staff_languages
from clinic.gui.board import NewPersonDialog
from clinic.gui.window import ClinicWindow
from clinic.resources import resources_dir
from tests.conftest import ROOT
from tests.gui.conftest import answer_modal, build_clinic, idle, sign_in
from tests.gui.user import choose, choose_tab, click, click_list_row

OpenWindow = Callable[..., ClinicWindow]
NO_MODIFIER = Qt.KeyboardModifier.NoModifier


def activate(qtbot: QtBot, widget: QWidget) -> None:
    """Make a window the active one (keyboard focus and shortcuts need it), as the window
    system does when a person brings it to the front."""
    widget.raise_()
    widget.activateWindow()
    handle = widget.windowHandle()
    if handle is not None:
        handle.requestActivate()
    qtbot.waitUntil(widget.isActiveWindow, timeout=3000)


def focused() -> str:
    """The object name of the widget with the keyboard focus ('' for none)."""
    widget = QApplication.focusWidget()
    return widget.objectName() if widget is not None else ""


def press(qtbot: QtBot, window: QWidget, key: Qt.Key, modifier: Any = NO_MODIFIER) -> None:
    """A key through the window system, as a keyboard sends it (to whatever has the focus)."""
    handle = window.windowHandle()
    assert handle is not None
    qtbot.keyClick(handle, key, modifier)


def tab_to(qtbot: QtBot, window: QWidget, target: QWidget) -> None:
    """Press Tab until ``target`` has the keyboard focus."""
    for _ in range(40):
        if target.hasFocus():
            return
        press(qtbot, window, Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reaches {target.objectName()}")


def test_check_in_dialog_tab_order_follows_the_form(
    qtbot: QtBot, tmp_path: Path, open_window: OpenWindow
) -> None:
    data = tmp_path / "c"
    build_clinic(data)
    window = open_window(data)
    sign_in(qtbot, window, "vol")
    activate(qtbot, window)
    order = ["field:name.family", "field:name.given", "field:name.native", "field:dob"]
    order.append("field:language")
    reached: list[str] = []
    top_to_bottom: list[str] = []
    seen: list[str] = []

    def tab_through(modal: QWidget) -> None:
        assert isinstance(modal, NewPersonDialog)
        seen.append(modal.windowTitle())
        activate(qtbot, modal)
        # the boxes as the form shows them, top to bottom
        fields = [w for w in modal.findChildren(QWidget) if w.objectName().startswith("field:")]
        fields.sort(key=lambda w: w.mapTo(modal, QPoint(0, 0)).y())
        top_to_bottom.extend(w.objectName() for w in fields)
        click(qtbot, modal.family)  # into the first box, then only Tab
        reached.append(focused())
        for _ in order[1:]:
            press(qtbot, modal, Qt.Key.Key_Tab)
            reached.append(focused())
        click(qtbot, modal.buttons.button(QDialogButtonBox.StandardButton.Cancel))

    assert window.board is not None
    answer_modal(qtbot, tab_through)
    click(qtbot, window.board.new_button)
    idle(qtbot, window)
    assert seen == ["Check a person in"]
    assert reached == order
    assert reached == top_to_bottom[: len(reached)]  # Tab goes down the form as it is shown
    assert window.board.lists["check_in"].count() == 0  # cancelled: nobody was checked in


def test_the_interview_is_usable_with_the_keyboard_alone(
    qtbot: QtBot, tmp_path: Path, open_window: OpenWindow
) -> None:
    data = tmp_path / "c"
    [rid] = build_clinic(data, people=1)
    window = open_window(data)
    sign_in(qtbot, window, "vol")
    activate(qtbot, window)
    assert window.board is not None and window.person is not None
    # Tab to the person's row on the board, Enter: their interview opens
    lst = window.board.lists["screening"]
    assert lst.count() == 1
    tab_to(qtbot, window, lst)
    press(qtbot, window, Qt.Key.Key_Return)
    idle(qtbot, window)
    interview = window.person.interview
    assert window.open_record == rid and window.person.currentWidget() is interview
    assert interview.title.text().startswith("TestpersonA")
    first = interview.group_title.text()
    first_page = interview.page_label.text()
    assert first_page.startswith("Page 1 of ")
    # the first question has the focus; Alt+N goes to the next page, Alt+B back
    assert focused() == "field:language"
    press(qtbot, window, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    # a mnemonic "animates" the click: it lands a moment later
    qtbot.waitUntil(lambda: interview.group_title.text() != first, timeout=3000)
    idle(qtbot, window)
    assert interview.page_label.text().startswith("Page 2 of ")
    assert focused() == "field:daca.ever_granted"  # the new page's first question
    press(qtbot, window, Qt.Key.Key_B, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: interview.group_title.text() == first, timeout=3000)
    idle(qtbot, window)
    assert interview.page_label.text() == first_page
    # Tab moves from one question to the next on a page
    assert focused() == "field:language"
    press(qtbot, window, Qt.Key.Key_Tab)
    assert focused() == "field:english.reads"


def test_the_board_opens_a_person_with_enter(
    qtbot: QtBot, tmp_path: Path, open_window: OpenWindow
) -> None:
    data = tmp_path / "c"
    [rid] = build_clinic(data, people=1)
    window = open_window(data)
    sign_in(qtbot, window, "vol")
    activate(qtbot, window)
    assert window.board is not None and window.tabs is not None
    lst = window.board.lists["screening"]
    assert lst.count() == 1
    click_list_row(qtbot, lst, 0)  # the row chosen; nothing opens yet
    idle(qtbot, window)
    assert window.tabs.currentWidget() is window.board
    press(qtbot, window, Qt.Key.Key_Return)
    idle(qtbot, window)
    assert window.tabs.currentWidget() is window.person
    assert window.open_record == rid
    assert window.person is not None
    assert window.person.interview.title.text().startswith("TestpersonA")


def messages(lang: str) -> list[tuple[str, str]]:
    tree = ET.parse(ROOT / "resources" / "translations" / f"clinic_{lang}.ts")  # noqa: S314 - ours
    return [
        (m.findtext("source") or "", m.findtext("translation") or "")
        for m in tree.getroot().iter("message")
    ]


TRANSLATED = [code for code in staff_languages() if code != FALLBACK]  # each has its .ts file


def test_the_translated_staff_languages_are_korean_and_spanish() -> None:
    assert TRANSLATED == ["ko", "es"]


@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_staff_string_is_translated_with_its_placeholders(lang: str) -> None:
    found = messages(lang)
    assert len(found) > 150
    for source, translation in found:
        assert translation.strip(), f"{lang}: no translation for {source!r}"
        for placeholder in ("%1", "%2", "%v", "%m"):
            assert (placeholder in source) == (placeholder in translation), (lang, source)
        mnemonic = "&" in source.replace("&&", "")
        assert mnemonic == ("&" in translation.replace("&&", "")), (lang, source)


def test_the_staff_language_switches_live_from_settings(
    qtbot: QtBot, tmp_path: Path, open_window: OpenWindow
) -> None:
    if not (resources_dir() / "translations" / "clinic_ko.qm").is_file():
        pytest.fail("resources/translations/*.qm are missing: tools/setup compiles them")
    data = tmp_path / "c"
    build_clinic(data)
    window = open_window(data)
    sign_in(qtbot, window, "vol")
    assert window.tabs is not None and window.settings is not None and window.board is not None
    english = window.tabs.tabText(0)
    korean = dict(messages("ko"))
    spanish = dict(messages("es"))
    choose_tab(qtbot, window.tabs, window.settings)
    idle(qtbot, window)
    choose(qtbot, window.settings.language, "ko")
    qtbot.waitUntil(lambda: window.tabs is not None and window.tabs.tabText(0) != english)
    assert window.tabs.tabText(0) == korean["&Today"]
    assert window.board.new_button.text() == korean["&New person…"]
    # Qt's own words (OK, Cancel) come from Qt's translation: the check-in dialog shows them
    seen: list[tuple[str, str]] = []

    def read_and_cancel(modal: QWidget) -> None:
        assert isinstance(modal, NewPersonDialog)
        cancel = modal.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        seen.append((modal.windowTitle(), cancel.text()))
        click(qtbot, cancel)

    choose_tab(qtbot, window.tabs, window.board)
    idle(qtbot, window)
    answer_modal(qtbot, read_and_cancel)
    click(qtbot, window.board.new_button)
    idle(qtbot, window)
    [(title, cancel)] = seen
    assert title == korean["Check a person in"]
    assert cancel not in ("Cancel", "&Cancel") and cancel.strip()
    choose_tab(qtbot, window.tabs, window.settings)
    choose(qtbot, window.settings.language, "es")
    qtbot.waitUntil(
        lambda: (
            window.board is not None and window.board.new_button.text() == spanish["&New person…"]
        )
    )
    assert window.tabs.tabText(0) == spanish["&Today"]
    choose(qtbot, window.settings.language, "en")
    qtbot.waitUntil(lambda: window.tabs is not None and window.tabs.tabText(0) == english)
    assert window.board.new_button.text() == "&New person…"


def test_each_user_keeps_their_staff_language_after_a_restart(
    qtbot: QtBot, tmp_path: Path, open_window: OpenWindow
) -> None:
    """A volunteer who chose Korean finds Korean at their next sign-in, after the app was
    closed and started again; the attorney who signs in after them on the same laptop gets
    the app's language (they never chose), not the volunteer's."""
    data = tmp_path / "c"
    build_clinic(data)
    korean = dict(messages("ko"))
    window = open_window(data)
    sign_in(qtbot, window, "vol")
    assert window.tabs is not None and window.settings is not None
    choose_tab(qtbot, window.tabs, window.settings)
    choose(qtbot, window.settings.language, "ko")
    qtbot.waitUntil(lambda: window.tabs is not None and window.tabs.tabText(0) != "&Today")
    idle(qtbot, window)
    window.close()  # the app is quit, as its close button does
    window.ops.shutdown()
    window.translations.switch("en", [])  # a new process starts in English
    stored = b"".join(p.read_bytes() for p in data.glob("clinic.db*"))
    assert b"staff_language" not in stored and b'"ko"' not in stored  # sealed, like a profile

    again = open_window(data)
    assert again.signin.button.text().replace("&", "") == "Sign in"
    sign_in(qtbot, again, "vol")
    qtbot.waitUntil(lambda: again.tabs is not None and again.tabs.tabText(0) == korean["&Today"])
    assert again.settings is not None and again.settings.language.currentData() == "ko"
    click(qtbot, again.lock_button)
    idle(qtbot, again)
    sign_in(qtbot, again, "atty")
    qtbot.waitUntil(lambda: again.tabs is not None and again.tabs.tabText(0) == "&Today")
    assert again.settings is not None and again.settings.language.currentData() == "en"
    # nothing of the volunteer's Korean stays for the attorney (found in a user's walk: the
    # status line and Review's count were left in the last user's language)
    assert again.statusBar().currentMessage().startswith("Signed in"), (
        again.statusBar().currentMessage()
    )
    assert again.review is not None
    qtbot.waitUntil(lambda: again.review is not None and bool(again.review.message.text()))
    assert again.review.message.text().startswith("No packet"), again.review.message.text()
    click(qtbot, again.lock_button)
    idle(qtbot, again)
    sign_in(qtbot, again, "vol")  # and back in Korean for the volunteer
    qtbot.waitUntil(lambda: again.tabs is not None and again.tabs.tabText(0) == korean["&Today"])


def test_a_font_with_hangul_is_installed() -> None:
    families = QFontDatabase.families(QFontDatabase.WritingSystem.Korean)
    assert families, "no font shows Hangul (tools/setup installs fonts-nanum)"


def test_screens_grow_with_the_system_font(qtbot: QtBot) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    original = app.font()
    try:
        small = QFont(original)
        small.setPointSize(9)
        app.setFont(small)
        a = NewPersonDialog()
        qtbot.addWidget(a)
        big = QFont(original)
        big.setPointSize(18)
        app.setFont(big)
        b = NewPersonDialog()
        qtbot.addWidget(b)
        assert b.sizeHint().height() > a.sizeHint().height() * 1.3
        assert b.sizeHint().width() > a.sizeHint().width() * 1.5
    finally:
        app.setFont(original)


RUN_SCRIPT = """
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
app = QApplication([])
from clinic.gui.app import run
def check():
    shown = [w for w in app.topLevelWidgets() if w.objectName() == "clinic-window"]
    print("window", len(shown), shown[0].isVisible() if shown else None, flush=True)
    app.quit()
QTimer.singleShot(1500, check)
sys.exit(run(Path(sys.argv[1])))
"""


def test_the_app_entry_point_opens_the_window_and_quits(tmp_path: Path) -> None:
    """``run`` (what 'clinic gui' calls) in its own process: a QApplication runs once."""
    import subprocess
    import sys

    proc = subprocess.run(
        [sys.executable, "-c", RUN_SCRIPT, str(tmp_path / "none-yet")],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "window 1 True" in proc.stdout
    assert not (tmp_path / "none-yet" / "clinic.db").exists()  # opening creates nothing


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_the_app_closes_as_by_its_button_when_the_system_ends_it(tmp_path: Path) -> None:
    """SIGTERM (a shutdown, a logout) closes the window the way its close button does, so the
    close-time work runs (the interview saved, the keys dropped, the day's backup), and the
    process ends with status 0 instead of dying of the signal."""
    import signal
    import subprocess
    import time

    build_clinic(tmp_path / "c")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "clinic", "gui", "--data", str(tmp_path / "c")],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        time.sleep(4)  # up, showing its sign-in
        assert proc.poll() is None, proc.stderr.read() if proc.stderr else ""
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(30) == 0
    finally:
        if proc.poll() is None:
            proc.kill()


def test_ctrl_q_quits_as_the_close_button_does(
    qtbot: QtBot, tmp_path: Path, open_window: OpenWindow
) -> None:
    """Found in a user's walk: no Quit in any menu, and Ctrl+Q did nothing (where no window
    manager draws a close button, the app could not be left)."""
    data = tmp_path / "c"
    build_clinic(data)
    window = open_window(data)
    sign_in(qtbot, window, "vol")
    assert window.quit_action in window.account_menu.actions()
    assert window.quit_action.text().replace("&", "") == "Quit ClinicDay"
    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=3000)
