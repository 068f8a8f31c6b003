"""GUI test fixtures: real widgets in a real X server (Xvfb, xcb; offscreen only where none can
be started: tests/gui/xserver.py), a real clinic on a real SQLite file, and a Desk
that fails any call made on the GUI thread (the GUI must go through its worker)."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from tests.gui import xserver

PLATFORM = xserver.start()  # before Qt is imported

import pytest
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from clinic.core import Desk
from clinic.gui import osedge
from clinic.gui.app import make_window
from clinic.gui.window import ClinicWindow
from clinic.store.clinic import Clinic
from tests.conftest import FAST_KDF, PASSPHRASE, make_clinic, person
from tests.forms_fixture import SHARED_FORMS
from tests.gui.user import FakeEdge, choose, click, on_next_dialog, type_into

TODAY = dt.date(2026, 11, 21)  # the clinic's date at tests.conftest.CLOCK_START
USERS = (("vol", "volunteer"), ("atty", "attorney"), ("coord", "coordinator"))


def _on_gui_thread(calls: list[str], name: str) -> None:
    if threading.current_thread() is threading.main_thread():
        calls.append(name)
        raise AssertionError(f"Desk.{name} called on the GUI thread")


class _CheckedManager:
    """A core manager (``desk.people``...) that refuses to be used from the GUI thread."""

    def __init__(self, manager: object, name: str, calls: list[str]) -> None:
        self._manager, self._name, self._calls = manager, name, calls

    def __getattr__(self, name: str) -> Any:
        value = getattr(self._manager, name)
        if callable(value) and not name.startswith("_"):
            _on_gui_thread(self._calls, f"{self._name}.{name}")
        return value


class ThreadCheckedDesk(Desk):
    """A Desk that refuses to be used from the GUI (main) thread, its managers included."""

    gui_thread_calls: list[str]

    def __getattribute__(self, name: str) -> Any:
        value = object.__getattribute__(self, name)
        if name.startswith("_") or name == "gui_thread_calls":
            return value
        calls = object.__getattribute__(self, "gui_thread_calls")
        if hasattr(value, "_desk"):  # a manager: check its methods as they are called
            return _CheckedManager(value, name, calls)
        if callable(value):
            _on_gui_thread(calls, name)
        return value


def checked_desk(data: Path, forms: Path | None = None) -> ThreadCheckedDesk:
    desk = ThreadCheckedDesk(data, forms_dir=forms)
    desk.gui_thread_calls = []
    return desk


def build_clinic(data: Path, people: int = 0) -> list[str]:
    """A clinic with admin, vol, atty and coord (all with PASSPHRASE) and ``people`` people."""
    make_clinic(data)
    session = Clinic(data).unlock("admin", PASSPHRASE)
    for name, role in USERS:
        session.add_user(name, role, PASSPHRASE)
    if not people:
        return []
    return session.import_people([person(n) for n in range(people)]).record_ids


def idle(qtbot: QtBot, window: ClinicWindow, timeout: int = 30_000) -> None:
    """Wait until every worker call and its GUI callback has run."""
    qtbot.waitUntil(lambda: window.ops.pending == 0, timeout=timeout)


def answer_modal(qtbot: QtBot, act: Callable[[QWidget], None]) -> None:
    """Run ``act`` on the next modal dialog as soon as it opens (dialogs block in exec())."""
    on_next_dialog(qtbot, act)


def answer_question(
    qtbot: QtBot,
    said: list[str],
    button: QMessageBox.StandardButton = QMessageBox.StandardButton.Yes,
) -> None:
    """Answer the next question box (Approve? Return?) with ``button``, after reading it: its
    text is appended to ``said``."""

    def press(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        said.append(box.text())
        click(qtbot, box.button(button))

    on_next_dialog(qtbot, press)


@pytest.fixture
def edge() -> Iterator[FakeEdge]:
    """The operating system's dialogs (file chooser, print dialog), answered by the test."""
    fake = FakeEdge()
    before = osedge.install(fake)
    yield fake
    osedge.install(before)


@pytest.fixture
def open_window(qtbot: QtBot) -> Iterator[Callable[..., ClinicWindow]]:
    windows: list[ClinicWindow] = []

    def _open(data: Path, *, forms: Path | None = None, **kwargs: Any) -> ClinicWindow:
        desk = checked_desk(data, forms)
        window = make_window(data, desk=desk, **kwargs)
        qtbot.addWidget(window)
        window.show()
        window.start()
        idle(qtbot, window)
        windows.append(window)
        return window

    yield _open
    for window in windows:
        window.translations.switch("en", [])  # Qt's translators are the app's, not a window's
        window.close()  # as quitting the app does
        desk = window.ops.desk
        assert isinstance(desk, ThreadCheckedDesk)
        assert desk.gui_thread_calls == [], desk.gui_thread_calls
        window.ops.shutdown()


SignedIn = Callable[[str], ClinicWindow]
WithPerson = Callable[[str], tuple[ClinicWindow, str]]


@pytest.fixture
def with_a_person(
    qtbot: QtBot, tmp_path: Path, open_window: Callable[..., ClinicWindow]
) -> WithPerson:
    """A clinic with one synthetic person and the official forms (``../shared/forms``), its
    window open, ``user`` signed in: returns the window and the person's record id."""

    def _with(user: str) -> tuple[ClinicWindow, str]:
        from tests.forms_fixture import SHARED_FORMS

        if not (SHARED_FORMS / "i-821d_2025-01-20.pdf").is_file():
            pytest.skip("the official PDFs are not in ../shared/forms")
        data = tmp_path / "c"
        [rid] = build_clinic(data, people=1)
        window = open_window(data, forms=SHARED_FORMS)
        sign_in(qtbot, window, user)
        return window, rid

    return _with


@pytest.fixture
def signed_in(
    qtbot: QtBot, tmp_path: Path, open_window: Callable[..., ClinicWindow]
) -> Callable[[str], ClinicWindow]:
    """A fresh clinic (``build_clinic``) in ``tmp_path/c``, its window open, ``user`` signed in
    through the sign-in page: the start of most GUI tests."""

    def _signed_in(user: str) -> ClinicWindow:
        data = tmp_path / "c"
        build_clinic(data)
        window = open_window(data)
        sign_in(qtbot, window, user)
        return window

    return _signed_in


def sign_in(qtbot: QtBot, window: ClinicWindow, user: str, passphrase: str = PASSPHRASE) -> None:
    page = window.signin
    assert window.stack.currentWidget() is page
    choose(qtbot, page.user, user)
    type_into(qtbot, page.passphrase, passphrase)
    click(qtbot, page.button)
    idle(qtbot, window)


def staff_in_spanish(qtbot: QtBot, window: ClinicWindow) -> None:
    """Choose Spanish as the staff language in Settings, as a person does, and come back to
    Today once the screens read Spanish."""
    from tests.gui.user import choose, choose_tab

    assert window.tabs is not None and window.settings is not None and window.board is not None
    choose_tab(qtbot, window.tabs, window.settings)
    choose(qtbot, window.settings.language, "es")
    # the keyboard passes Korean on its way to Spanish: wait for Spanish itself
    qtbot.waitUntil(lambda: window.tabs is not None and window.tabs.tabText(0) == "&Hoy")
    choose_tab(qtbot, window.tabs, window.board)


def qtbot_left() -> Any:
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton


SHARED = SHARED_FORMS
KDF = FAST_KDF


def open_from_board(qtbot: QtBot, window: ClinicWindow, record_id: str) -> None:
    """Open a person as a volunteer does: the Today tab, their row on the board, Enter."""
    from PySide6.QtCore import Qt

    from tests.gui.user import choose_tab, click_list_row

    assert window.tabs is not None and window.board is not None
    choose_tab(qtbot, window.tabs, window.board)
    idle(qtbot, window)
    for station_list in window.board.lists.values():
        for row in range(station_list.count()):
            item = station_list.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == record_id:
                click_list_row(qtbot, station_list, row)
                qtbot.keyClick(station_list, Qt.Key.Key_Return)
                idle(qtbot, window)
                return
    raise AssertionError(f"{record_id[:8]} is not on the board")
