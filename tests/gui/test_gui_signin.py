"""First run, sign-in, roles' tabs, the idle lock and the secret clipboard, with real widgets."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from clinic.gui.record import RecordPage
from clinic.gui.window import ClinicWindow
from clinic.store.clinic import Clinic
from tests.conftest import PASSPHRASE
from tests.gui.conftest import build_clinic, idle, sign_in
from tests.gui.test_gui_day import open_record_screen
from tests.gui.test_gui_keys_languages import activate, press
from tests.gui.user import choose_tab, click, type_into

OpenWindow = Callable[..., ClinicWindow]


def tab_keys(window: ClinicWindow) -> list[str]:
    tabs = window.tabs
    assert tabs is not None
    return [str(getattr(tabs.widget(i), "property", str)("tab")) for i in range(tabs.count())]


def test_first_run_offers_to_create_a_clinic_and_then_signs_in(
    qtbot: QtBot, tmp_path: Path, open_window: OpenWindow
) -> None:
    data = tmp_path / "new-clinic"
    window = open_window(data)
    assert window.stack.currentWidget() is window.welcome
    assert window.welcome.demo_button.isVisible()
    page = window.welcome
    type_into(qtbot, page.site, "Koreatown Saturday Clinic")
    type_into(qtbot, page.admin, "maria")
    type_into(qtbot, page.passphrase, PASSPHRASE)
    type_into(qtbot, page.again, PASSPHRASE + "x")
    click(qtbot, page.create_button)
    assert page.error.text() == "The two passphrases differ."
    assert not (data / "clinic.db").exists()
    type_into(qtbot, page.again, PASSPHRASE)  # typed again over the mistyped one
    qtbot.keyClick(page.again, Qt.Key.Key_Return)
    idle(qtbot, window, 60_000)
    assert window.stack.currentWidget() is window.signin
    assert window.signin.user.currentText() == "maria (administrator)"
    assert "locked" not in window.signin.text.text()  # a new clinic, not a locked app
    # a wrong passphrase: one clear line, still on the sign-in screen
    sign_in(qtbot, window, "maria", "not the passphrase")
    assert "Wrong user name or passphrase" in window.signin.error.text()
    assert window.tabs is None
    sign_in(qtbot, window, "maria")
    assert tab_keys(window) == ["today", "person", "review", "counts", "settings"]
    assert "maria" in window.who.text() and "Koreatown" in window.who.text()


def test_the_demo_clinic_from_the_first_screen(
    qtbot: QtBot, tmp_path: Path, open_window: OpenWindow
) -> None:
    window = open_window(tmp_path / "demo")
    click(qtbot, window.welcome.demo_button)
    idle(qtbot, window, 120_000)
    assert window.stack.currentWidget() is window.signin
    assert window.signin.demo.text() == "Demo passphrase: demo-clinic-day"  # what to do next
    assert window.signin.demo.isVisible()
    assert window.signin.user.currentData() == "vol"
    sign_in(qtbot, window, "vol", "demo-clinic-day")
    assert window.board is not None and window.board.board is not None
    assert len(window.board.board.rows) == 40


def test_each_role_sees_its_tabs(qtbot: QtBot, tmp_path: Path, open_window: OpenWindow) -> None:
    data = tmp_path / "c"
    build_clinic(data)
    expected = {
        "vol": ["today", "person", "settings"],
        "atty": ["today", "person", "review", "settings"],
        "coord": ["today", "person", "counts", "settings"],
    }
    for user, tabs in expected.items():
        window = open_window(data)
        sign_in(qtbot, window, user)
        assert tab_keys(window) == tabs, user
        assert window.tabs is not None and window.settings is not None
        shown = [window.tabs.tabText(i).replace("&", "") for i in range(window.tabs.count())]
        assert ("Review" in shown) == (user == "atty") and ("Counts" in shown) == (user == "coord")
        choose_tab(qtbot, window.tabs, window.settings)
        idle(qtbot, window)
        assert window.settings.add_user_button.isVisible()
        assert window.settings.add_user_button.isEnabled() == (user == "coord")


def test_idle_lock_drops_the_keys_and_asks_again(
    qtbot: QtBot, tmp_path: Path, open_window: OpenWindow
) -> None:
    data = tmp_path / "c"
    build_clinic(data, people=2)
    window = open_window(data, idle_minutes=0.02)  # 1.2 s
    sign_in(qtbot, window, "vol")
    assert window.board is not None
    # input keeps it open
    for _ in range(6):
        qtbot.keyClick(window.board.search, Qt.Key.Key_A)
        qtbot.wait(200)
    assert window.tabs is not None
    # then, idle: locked, keys dropped, nothing decrypted left on screen
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.signin, timeout=5000)
    idle(qtbot, window)
    shown: Any = window  # mypy narrowed the tabs above; the lock dropped them since
    assert shown.tabs is None and shown.board is None
    assert window.ops.desk._session is None
    assert "locked itself after a while without use" in window.signin.text.text()
    assert window.signin.user.currentData() == "vol"
    sign_in(qtbot, window, "vol")
    assert window.tabs is not None


def test_ctrl_l_locks_at_once(qtbot: QtBot, tmp_path: Path, open_window: OpenWindow) -> None:
    data = tmp_path / "c"
    build_clinic(data)
    window = open_window(data)
    sign_in(qtbot, window, "vol")
    activate(qtbot, window)
    press(qtbot, window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    idle(qtbot, window)
    assert window.stack.currentWidget() is window.signin
    assert window.tabs is None and window.signin.user.currentData() == "vol"
    assert window.statusBar().currentMessage() == "Locked. The keys were dropped."
    # locked by the person, not by the idle time: the sign-in screen says so
    assert window.signin.text.text().startswith("ClinicDay is locked and dropped its keys.")
    assert window.ops.desk._session is None


def shorten_the_clipboard_wait(record: RecordPage) -> None:
    """The app clears a copied secret after 30 s; the tests wait 0.3 s (the clock is sped up,
    as ``idle_minutes`` speeds up the idle lock; nothing a person does is skipped)."""
    record.clipboard.timer.setInterval(300)


def test_copying_an_a_number_is_secret_and_cleared(
    qtbot: QtBot, tmp_path: Path, open_window: OpenWindow
) -> None:
    data = tmp_path / "c"
    [rid] = build_clinic(data, people=1)
    session = Clinic(data).unlock("admin", PASSPHRASE)
    a_number = session.load(rid).answers["a_number"]
    window = open_window(data)
    sign_in(qtbot, window, "vol")
    page = open_record_screen(qtbot, window, rid)
    shorten_the_clipboard_wait(page)
    clipboard = QGuiApplication.clipboard()
    click(qtbot, page.copy_a_number)
    assert page.message.text() == "Copied; the clipboard is cleared in 30 seconds."
    mime = clipboard.mimeData()
    assert clipboard.text() == a_number
    assert bytes(mime.data("x-kde-passwordManagerHint").data()) == b"secret"
    qtbot.waitUntil(lambda: clipboard.text() == "", timeout=3000)


def test_the_clipboard_is_left_alone_if_someone_copied_something_else(
    qtbot: QtBot, tmp_path: Path, open_window: OpenWindow
) -> None:
    data = tmp_path / "c"
    [rid] = build_clinic(data, people=1)
    a_number = Clinic(data).unlock("admin", PASSPHRASE).load(rid).answers["a_number"]
    window = open_window(data)
    sign_in(qtbot, window, "vol")
    page = open_record_screen(qtbot, window, rid)
    shorten_the_clipboard_wait(page)
    click(qtbot, page.copy_a_number)
    clipboard = QGuiApplication.clipboard()
    assert clipboard.text() == a_number
    clipboard.setText("a note the volunteer copied")  # another program copies something
    qtbot.wait(800)  # well past the (shortened) wait
    assert clipboard.text() == "a note the volunteer copied"


def test_a_call_after_shutdown_is_dropped_quietly(qtbot: QtBot, tmp_path: Path) -> None:
    """A unit test of the worker itself (no screen, nothing a person does): a call made while
    the app is closing (a late timer's) is dropped, not an error."""
    from clinic.core import Desk
    from clinic.gui.ops import Ops

    ops = Ops(Desk(tmp_path))
    ops.shutdown()
    future = ops.run(lambda desk: desk.has_clinic())
    assert future.cancelled() and ops.pending == 0
    ops.shutdown()  # twice is fine


def test_after_a_lock_the_next_user_starts_on_their_own_page_not_on_the_last_person(
    qtbot: QtBot, tmp_path: Path, open_window: OpenWindow
) -> None:
    """Issue 16 point 4: the coordinator who signs in after a volunteer locked never lands in
    the volunteer's open record; the volunteer, signing in again, is back where they were; an
    attorney starts on Review."""
    data = tmp_path / "c"
    [rid] = build_clinic(data, people=1)
    window = open_window(data)
    sign_in(qtbot, window, "vol")
    record = open_record_screen(qtbot, window, rid)
    assert record.title.text().startswith("TestpersonA")
    click(qtbot, window.lock_button)
    idle(qtbot, window)
    sign_in(qtbot, window, "coord")
    assert window.tabs is not None and window.person is not None
    assert window.tabs.currentWidget() is window.board  # Today, with no one open
    assert window.open_record is None
    assert not window.person.record.title.text().startswith("TestpersonA")
    click(qtbot, window.lock_button)
    idle(qtbot, window)
    sign_in(qtbot, window, "atty")
    assert window.tabs is not None and window.tabs.currentWidget() is window.review
    click(qtbot, window.lock_button)
    idle(qtbot, window)
    sign_in(qtbot, window, "vol")  # the coordinator and attorney came between: nothing to resume
    assert window.tabs is not None and window.tabs.currentWidget() is window.board
    record = open_record_screen(qtbot, window, rid)
    click(qtbot, window.lock_button)
    idle(qtbot, window)
    sign_in(qtbot, window, "vol")  # the same user, straight back: where they were
    assert window.tabs is not None and window.tabs.currentWidget() is window.person
    assert window.open_record == rid
