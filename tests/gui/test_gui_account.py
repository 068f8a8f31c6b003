"""Account → Change my passphrase (and a coordinator's reset of another user's), and Tools →
Check this laptop's data, as a person does them: the menu, the fields, OK, what the dialog and
the status bar say; then the proof, through the sign-in screen and a damaged record."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from clinic.gui.account import CheckDialog, PassphraseDialog
from clinic.gui.window import ClinicWindow
from tests.conftest import PASSPHRASE
from tests.gui.conftest import build_clinic, idle, sign_in
from tests.gui.test_gui_keys_languages import activate, press
from tests.gui.user import LEFT, choose, click, reachable, type_into

OpenWindow = Callable[..., ClinicWindow]
NEW_PASSPHRASE = "violet kettle under the stairs"


def click_menu(qtbot: QtBot, window: ClinicWindow, menu: QMenu, action: QAction) -> None:
    """Click a menu's title in the menu bar, then the entry in the menu that opens."""
    bar = window.menuBar()
    reachable(qtbot, bar)
    title = bar.actionGeometry(menu.menuAction())
    assert title.isValid() and menu.menuAction().isVisible(), f"no menu {menu.title()!r}"
    qtbot.mouseClick(bar, LEFT, pos=title.center())
    qtbot.waitUntil(menu.isVisible, timeout=3000)
    assert action.isVisible() and action.isEnabled(), f"{action.text()!r} is not in the menu"
    qtbot.mouseClick(menu, LEFT, pos=menu.actionGeometry(action).center())
    qtbot.waitUntil(lambda: not menu.isVisible(), timeout=3000)


def menu_entries(menu: QMenu) -> list[str]:
    """What a person reads in a menu (visible entries, shortcut letters dropped)."""
    return [a.text().replace("&", "") for a in menu.actions() if a.isVisible() and a.text()]


def open_passphrase_dialog(
    qtbot: QtBot, window: ClinicWindow, *, reset: bool = False
) -> PassphraseDialog:
    action = window.reset_passphrase_action if reset else window.change_passphrase_action
    click_menu(qtbot, window, window.account_menu, action)
    idle(qtbot, window)
    dialog = window.passphrase_dialog
    assert isinstance(dialog, PassphraseDialog)
    reachable(qtbot, dialog)
    return dialog


def fill_and_ok(
    qtbot: QtBot, window: ClinicWindow, dialog: PassphraseDialog, current: str, new: str, again: str
) -> None:
    type_into(qtbot, dialog.current, current)
    type_into(qtbot, dialog.new, new)
    type_into(qtbot, dialog.again, again)
    click(qtbot, dialog.ok)
    idle(qtbot, window)


def lock_with_the_button(qtbot: QtBot, window: ClinicWindow) -> None:
    click(qtbot, window.lock_button)
    idle(qtbot, window)
    assert window.stack.currentWidget() is window.signin


def test_a_volunteer_changes_their_passphrase(
    qtbot: QtBot, tmp_path: Path, open_window: OpenWindow
) -> None:
    data = tmp_path / "c"
    build_clinic(data)
    window = open_window(data)
    assert not window.menuBar().isVisible()  # nothing to change before anyone signs in
    sign_in(qtbot, window, "vol")
    assert menu_entries(window.account_menu) == [
        "My profile…",
        "Change my passphrase…",
        "Lock now",
        "Quit ClinicDay",
    ]
    dialog = open_passphrase_dialog(qtbot, window)
    assert dialog.windowTitle() == "Change my passphrase"
    assert not dialog.user.isVisible()  # a volunteer changes only their own
    for field in (dialog.current, dialog.new, dialog.again):
        assert field.echoMode() == field.EchoMode.Password

    # the two new ones differ: refused in the dialog, every field cleared
    fill_and_ok(qtbot, window, dialog, PASSPHRASE, NEW_PASSPHRASE, NEW_PASSPHRASE + "x")
    assert dialog.message.text().startswith("The two new passphrases differ.")
    assert [dialog.current.text(), dialog.new.text(), dialog.again.text()] == ["", "", ""]
    # a wrong current passphrase: refused, with the store's reason
    fill_and_ok(qtbot, window, dialog, "not my passphrase", NEW_PASSPHRASE, NEW_PASSPHRASE)
    assert dialog.message.text() == (
        "Your current passphrase was not accepted (wrong user name or passphrase). "
        "Nothing was changed."
    )
    # too short: the store's own words name the problem
    fill_and_ok(qtbot, window, dialog, PASSPHRASE, "short one", "short one")
    assert dialog.message.text() == (
        "The passphrase was not changed: the new passphrase is too short (at least 12 characters)."
    )
    assert dialog.isVisible() and dialog.current.text() == ""
    # right: the dialog closes and the status bar says so
    fill_and_ok(qtbot, window, dialog, PASSPHRASE, NEW_PASSPHRASE, NEW_PASSPHRASE)
    qtbot.waitUntil(lambda: window.passphrase_dialog is None, timeout=3000)
    assert window.statusBar().currentMessage() == (
        "Your passphrase is changed. Sign in with the new one from now on."
    )
    assert window.tabs is not None  # still signed in, where they were

    # the proof: lock, then the old passphrase fails and the new one opens the app
    lock_with_the_button(qtbot, window)
    sign_in(qtbot, window, "vol", PASSPHRASE)
    assert "Wrong user name or passphrase" in window.signin.error.text()
    assert window.stack.currentWidget() is window.signin  # still asking
    sign_in(qtbot, window, "vol", NEW_PASSPHRASE)
    assert window.tabs is not None and "vol" in window.who.text()


def test_the_menu_opens_from_the_keyboard_and_a_lock_clears_the_dialog(
    qtbot: QtBot, tmp_path: Path, open_window: OpenWindow
) -> None:
    data = tmp_path / "c"
    build_clinic(data)
    window = open_window(data)
    sign_in(qtbot, window, "atty")
    activate(qtbot, window)
    press(qtbot, window, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)  # &Account
    qtbot.waitUntil(window.account_menu.isVisible, timeout=3000)
    press(qtbot, window, Qt.Key.Key_C)  # &Change my passphrase…
    qtbot.waitUntil(lambda: window.passphrase_dialog is not None, timeout=3000)
    dialog = window.passphrase_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.current.hasFocus, timeout=3000)  # typing goes to the right field
    type_into(qtbot, dialog.current, PASSPHRASE)
    type_into(qtbot, dialog.new, NEW_PASSPHRASE)
    left: list[str] = []  # what the fields held as the dialog closed
    dialog.finished.connect(lambda _r: left.extend([dialog.current.text(), dialog.new.text()]))
    # Ctrl+L in the dialog while it is half filled: the app locks, the dialog closes with its
    # fields cleared, and nothing is changed
    press(qtbot, dialog, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    idle(qtbot, window)
    assert window.stack.currentWidget() is window.signin
    assert window.passphrase_dialog is None and not window.menuBar().isVisible()
    assert left == ["", ""]
    sign_in(qtbot, window, "atty", PASSPHRASE)
    assert window.tabs is not None


def test_a_coordinator_resets_a_volunteers_passphrase(
    qtbot: QtBot, tmp_path: Path, open_window: OpenWindow
) -> None:
    data = tmp_path / "c"
    build_clinic(data)
    window = open_window(data)
    sign_in(qtbot, window, "coord")
    assert menu_entries(window.account_menu) == [
        "My profile…",
        "Change my passphrase…",
        "Reset a user's passphrase…",
        "Lock now",
        "Quit ClinicDay",
    ]
    dialog = open_passphrase_dialog(qtbot, window, reset=True)
    # the users a coordinator manages, after themself: no admin, no other coordinator
    shown = [dialog.user.itemData(i) for i in range(dialog.user.count())]
    assert shown == ["coord", "atty", "vol"]
    choose(qtbot, dialog.user, "vol")
    assert dialog.windowTitle() == "Reset a passphrase"
    assert dialog.new_label.text().replace("&", "") == "New passphrase for vol:"
    # their own passphrase is asked, not the volunteer's
    fill_and_ok(qtbot, window, dialog, "the volunteer's?", NEW_PASSPHRASE, NEW_PASSPHRASE)
    assert dialog.message.text().startswith("Your current passphrase was not accepted")
    fill_and_ok(qtbot, window, dialog, PASSPHRASE, NEW_PASSPHRASE, NEW_PASSPHRASE)
    qtbot.waitUntil(lambda: window.passphrase_dialog is None, timeout=3000)
    assert window.statusBar().currentMessage() == (
        "The passphrase of vol is changed. They sign in with the new one from now on."
    )
    lock_with_the_button(qtbot, window)
    # the coordinator's own passphrase is unchanged; the volunteer's is the new one
    sign_in(qtbot, window, "coord", PASSPHRASE)
    assert window.tabs is not None
    lock_with_the_button(qtbot, window)
    sign_in(qtbot, window, "vol", PASSPHRASE)
    assert "Wrong user name or passphrase" in window.signin.error.text()
    sign_in(qtbot, window, "vol", NEW_PASSPHRASE)
    assert window.tabs is not None and "vol" in window.who.text()


def open_check(qtbot: QtBot, window: ClinicWindow) -> CheckDialog:
    click_menu(qtbot, window, window.tools_menu, window.check_action)
    idle(qtbot, window, 60_000)
    dialog = window.check_dialog
    assert isinstance(dialog, CheckDialog)
    reachable(qtbot, dialog)
    return dialog


def test_checking_this_laptops_data_names_a_damaged_record(
    qtbot: QtBot, tmp_path: Path, open_window: OpenWindow
) -> None:
    data = tmp_path / "c"
    ids = build_clinic(data, people=3)
    window = open_window(data)
    sign_in(qtbot, window, "vol")  # anyone may check
    dialog = open_check(qtbot, window)
    assert dialog.windowTitle() == "Check this laptop's data"
    passed = (
        "All checks passed: the database, every record and the audit log on this laptop are intact."
    )
    assert dialog.summary.text() == passed
    assert not dialog.problems.isVisible()
    assert window.statusBar().currentMessage() == passed

    # one byte of a person's answers flipped in the SQLite file (tests/test_tamper.py)
    victim = ids[1]
    con = sqlite3.connect(data / "clinic.db")
    try:
        q = "SELECT blob FROM events WHERE record_id=? AND type='answers_set'"
        [(blob,)] = con.execute(q, (victim,)).fetchall()
        flipped = bytearray(blob)
        flipped[len(flipped) // 2] ^= 0x40
        u = "UPDATE events SET blob=? WHERE record_id=? AND type='answers_set'"
        con.execute(u, (bytes(flipped), victim))
        con.commit()
    finally:
        con.close()

    click(qtbot, dialog.again)
    idle(qtbot, window, 60_000)
    assert dialog.summary.text() == "The check found 1 problem(s) in this laptop's data:"
    assert dialog.problems.isVisible() and dialog.advice.isVisible()
    [problem] = [dialog.problems.item(i).text() for i in range(dialog.problems.count())]
    assert problem.startswith(f"record {victim}:") and "integrity check" in problem
    assert window.statusBar().currentMessage() == (
        "The check found 1 problem(s) in this laptop's data"
    )
    click(qtbot, dialog.buttons.button(dialog.buttons.StandardButton.Close))
    qtbot.waitUntil(lambda: window.check_dialog is None, timeout=3000)
    assert QApplication.activeModalWidget() is None
