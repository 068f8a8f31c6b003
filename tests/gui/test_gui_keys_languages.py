"""The keyboard alone, the staff languages (Qt Linguist), Hangul fonts, font scaling, and the
app's own entry point."""

from __future__ import annotations

import itertools
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QWidget
from pytestqt.qtbot import QtBot

from clinic.gui.board import NewPersonDialog
from clinic.gui.i18n import translations_dir
from clinic.gui.window import ClinicWindow
from tests.conftest import ROOT
from tests.gui.conftest import build_clinic, idle, sign_in

OpenWindow = Callable[..., ClinicWindow]


def activate(qtbot: QtBot, widget: QWidget) -> None:
    """Make a window the active one (keyboard focus and shortcuts need it)."""
    widget.raise_()
    widget.activateWindow()
    handle = widget.windowHandle()
    if handle is not None:
        handle.requestActivate()
    qtbot.waitUntil(widget.isActiveWindow, timeout=3000)


def test_check_in_dialog_tab_order_follows_the_form(qtbot: QtBot) -> None:
    dialog = NewPersonDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    activate(qtbot, dialog)
    order = [dialog.family, dialog.given, dialog.native, dialog.dob, dialog.language]
    dialog.family.setFocus()
    for current, following in itertools.pairwise(order):
        assert current.nextInFocusChain() is following or current.hasFocus()
        qtbot.keyClick(current, Qt.Key.Key_Tab)
        assert following.hasFocus(), (
            f"Tab from {current.objectName()} did not reach {following.objectName()}"
        )


def test_the_interview_is_usable_with_the_keyboard_alone(
    qtbot: QtBot, tmp_path: Path, open_window: OpenWindow
) -> None:
    data = tmp_path / "c"
    [rid] = build_clinic(data, people=1)
    window = open_window(data)
    sign_in(qtbot, window, "vol")
    activate(qtbot, window)
    window.open_person(rid)
    idle(qtbot, window)
    assert window.person is not None
    interview = window.person.interview
    window.person.setCurrentWidget(interview)
    interview.start(rid, "Testperson", {}, None, "en")
    first = interview.interview.current.id
    # the first question has the focus; Alt+N goes to the next page, Alt+B back
    focused = QApplication.focusWidget()
    assert focused is not None and focused.objectName().startswith("field:")
    handle = window.windowHandle()  # keys through the window system, as a keyboard sends them
    qtbot.keyClick(handle, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    # a mnemonic "animates" the click: it lands a moment later
    qtbot.waitUntil(lambda: interview.interview.current.id != first, timeout=3000)
    idle(qtbot, window)
    qtbot.keyClick(handle, Qt.Key.Key_B, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: interview.interview.current.id == first, timeout=3000)
    idle(qtbot, window)
    # Tab moves from one question to the next on a page
    boxes = list(interview.boxes.values())
    if len(boxes) > 1:
        boxes[0].editor.focus_widget().setFocus()
        qtbot.keyClick(boxes[0].editor.focus_widget(), Qt.Key.Key_Tab)
        assert boxes[1].editor.focus_widget().hasFocus()


def test_the_board_opens_a_person_with_enter(
    qtbot: QtBot, tmp_path: Path, open_window: OpenWindow
) -> None:
    data = tmp_path / "c"
    [rid] = build_clinic(data, people=1)
    window = open_window(data)
    sign_in(qtbot, window, "vol")
    assert window.board is not None and window.tabs is not None
    lst = window.board.lists["screening"]
    assert lst.count() == 1
    lst.setFocus()
    lst.setCurrentRow(0)
    qtbot.keyClick(lst, Qt.Key.Key_Return)
    idle(qtbot, window)
    assert window.tabs.currentWidget() is window.person
    assert window.open_record == rid


def messages(lang: str) -> list[tuple[str, str]]:
    tree = ET.parse(ROOT / "resources" / "translations" / f"clinic_{lang}.ts")  # noqa: S314 - ours
    return [
        (m.findtext("source") or "", m.findtext("translation") or "")
        for m in tree.getroot().iter("message")
    ]


@pytest.mark.parametrize("lang", ["ko", "es"])
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
    if not (translations_dir() / "clinic_ko.qm").is_file():
        pytest.fail("resources/translations/*.qm are missing: tools/setup compiles them")
    data = tmp_path / "c"
    build_clinic(data)
    window = open_window(data)
    sign_in(qtbot, window, "vol")
    assert window.tabs is not None and window.settings is not None and window.board is not None
    english = window.tabs.tabText(0)
    korean = dict(messages("ko"))
    spanish = dict(messages("es"))
    window.settings.language.setCurrentIndex(window.settings.language.findData("ko"))
    qtbot.waitUntil(lambda: window.tabs is not None and window.tabs.tabText(0) != english)
    assert window.tabs.tabText(0) == korean["&Today"]
    assert window.board.new_button.text() == korean["&New person…"]
    dialog = NewPersonDialog()  # Qt's own words (OK, Cancel) come from Qt's translation
    qtbot.addWidget(dialog)
    cancel = dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel)
    assert cancel is not None and cancel.text() not in ("Cancel", "&Cancel")
    window.settings.language.setCurrentIndex(window.settings.language.findData("es"))
    qtbot.waitUntil(
        lambda: (
            window.board is not None and window.board.new_button.text() == spanish["&New person…"]
        )
    )
    window.settings.language.setCurrentIndex(window.settings.language.findData("en"))
    qtbot.waitUntil(lambda: window.tabs is not None and window.tabs.tabText(0) == english)


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
