"""First run, sign-in, roles' tabs, the idle lock and the secret clipboard, with real widgets."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from clinic.gui.window import ClinicWindow
from clinic.store.clinic import Clinic
from tests.conftest import PASSPHRASE
from tests.gui.conftest import build_clinic, idle, sign_in

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
    qtbot.keyClicks(page.site, "Koreatown Saturday Clinic")
    qtbot.keyClicks(page.admin, "maria")
    qtbot.keyClicks(page.passphrase, PASSPHRASE)
    qtbot.keyClicks(page.again, PASSPHRASE + "x")
    qtbot.mouseClick(page.create_button, Qt.MouseButton.LeftButton)
    assert "differ" in page.error.text()
    assert not (data / "clinic.db").exists()
    page.again.clear()
    qtbot.keyClicks(page.again, PASSPHRASE)
    qtbot.keyPress(page.again, Qt.Key.Key_Return)
    idle(qtbot, window, 60_000)
    assert window.stack.currentWidget() is window.signin
    assert window.signin.user.currentText() == "maria (administrator)"
    assert "locked" not in window.signin.text.text()  # a new clinic, not a locked app
    # a wrong passphrase: one clear line, still on the sign-in screen
    sign_in(qtbot, window, "maria", "not the passphrase")
    assert "wrong user name or passphrase" in window.signin.error.text()
    assert window.tabs is None
    sign_in(qtbot, window, "maria")
    assert tab_keys(window) == ["today", "person", "review", "counts", "settings"]
    assert "maria" in window.who.text() and "Koreatown" in window.who.text()


def test_the_demo_clinic_from_the_first_screen(
    qtbot: QtBot, tmp_path: Path, open_window: OpenWindow
) -> None:
    window = open_window(tmp_path / "demo")
    qtbot.mouseClick(window.welcome.demo_button, Qt.MouseButton.LeftButton)
    idle(qtbot, window, 120_000)
    assert window.stack.currentWidget() is window.signin
    assert "demo-clinic-day" in window.signin.text.text()  # says what to do next
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
        assert window.settings is not None
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
    assert "locked" in window.signin.text.text()
    assert window.signin.user.currentData() == "vol"
    sign_in(qtbot, window, "vol")
    assert window.tabs is not None


def test_ctrl_l_locks_at_once(qtbot: QtBot, tmp_path: Path, open_window: OpenWindow) -> None:
    data = tmp_path / "c"
    build_clinic(data)
    window = open_window(data)
    sign_in(qtbot, window, "vol")
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    idle(qtbot, window)
    assert window.stack.currentWidget() is window.signin
    assert window.ops.desk._session is None


def test_copying_an_a_number_is_secret_and_cleared(
    qtbot: QtBot, tmp_path: Path, open_window: OpenWindow
) -> None:
    data = tmp_path / "c"
    [rid] = build_clinic(data, people=1)
    session = Clinic(data).unlock("admin", PASSPHRASE)
    a_number = session.load(rid).answers["a_number"]
    window = open_window(data)
    sign_in(qtbot, window, "vol")
    assert window.person is not None
    page = window.person.record
    page.open_record(rid)
    idle(qtbot, window)
    page.clipboard.timer.setInterval(300)  # 30 s in the app
    assert page.clipboard.timer.interval() == 300
    qtbot.mouseClick(page.copy_a_number, Qt.MouseButton.LeftButton)
    clipboard = QGuiApplication.clipboard()
    mime = clipboard.mimeData()
    assert clipboard.text() == a_number
    assert bytes(mime.data("x-kde-passwordManagerHint").data()) == b"secret"
    with qtbot.waitSignal(page.clipboard.cleared, timeout=3000):
        pass
    assert clipboard.text() == ""


def test_the_clipboard_is_left_alone_if_someone_copied_something_else(qtbot: QtBot) -> None:
    from clinic.gui.security import SecretClipboard

    secret = SecretClipboard(seconds=0.2)
    secret.copy("A099000001")
    QGuiApplication.clipboard().setText("a note the volunteer copied")
    qtbot.wait(400)
    assert QGuiApplication.clipboard().text() == "a note the volunteer copied"


def test_a_call_after_shutdown_is_dropped_quietly(qtbot: QtBot, tmp_path: Path) -> None:
    from clinic.gui.ops import Ops
    from clinic.services import Desk

    ops = Ops(Desk(tmp_path))
    ops.shutdown()
    future = ops.run(lambda desk: desk.has_clinic())
    assert future.cancelled() and ops.pending == 0
    ops.shutdown()  # twice is fine
