"""Sync in the app, against a real server process: enroll from Settings, the status line and
"Sync now", an unreachable server (the app goes on; backoff), a person also checked in on
another laptop, a conflict a person resolves, and codes made by a coordinator.

Everything on this laptop is done as a person does it (Settings tab, typing, "Sync now" in the
status bar, the board, the record screen, the app's own dialogs; the org key file through the OS
edge); the other laptops are set up through the store and sync client directly."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from clinic.gui.record import RecordPage
from clinic.gui.window import ClinicWindow
from clinic.store.clinic import Clinic
from clinic.sync.client import SyncClient
from clinic.sync.crypto import fingerprint
from tests.conftest import PASSPHRASE, person
from tests.gui.conftest import build_clinic, idle, open_from_board, sign_in
from tests.gui.test_gui_day import check_in, edit_answer, open_record_screen
from tests.gui.user import (
    FakeEdge,
    answer_input_dialogs,
    choose,
    choose_tab,
    click,
    double_click_tree_row,
    type_into,
)
from tests.sync_fixture import ORG_PASSPHRASE, Org

OpenWindow = Callable[..., ClinicWindow]


@pytest.fixture
def db_url(tmp_path: Path) -> Iterator[str]:
    """The GUI tests use a SQLite server (tests/test_sync.py covers PostgreSQL)."""
    yield f"sqlite:///{tmp_path / 'server.db'}"


def enroll_in_settings(qtbot: QtBot, window: ClinicWindow, org: Org, role: str) -> None:
    """The Settings tab, the server's address and the one-time code typed in, Enroll."""
    assert window.tabs is not None and window.settings is not None
    choose_tab(qtbot, window.tabs, window.settings)
    idle(qtbot, window)
    box = window.sync_settings
    assert box is not None
    type_into(qtbot, box.server, org.server.url)
    type_into(qtbot, box.code, org.code(role).lower().replace("-", " "))  # as someone types it
    click(qtbot, box.enroll_button)
    idle(qtbot, window)


def sync_line(window: ClinicWindow) -> str:
    """The sync line in the status bar, as a person reads it."""
    assert window.sync is not None
    return window.sync.label.text()


def click_sync_now(qtbot: QtBot, window: ClinicWindow) -> None:
    """Click "Sync now" in the status bar."""
    assert window.sync is not None
    click(qtbot, window.sync.button)
    idle(qtbot, window)


def check_in_at_the_desk(qtbot: QtBot, window: ClinicWindow, family: str) -> None:
    """The Today tab, "New person…", the check-in dialog filled in and OK."""
    assert window.tabs is not None and window.board is not None
    choose_tab(qtbot, window.tabs, window.board)
    idle(qtbot, window)
    check_in(qtbot, window, {"family": family, "given": "Ana", "dob": "2001-03-04"})
    assert window.person is not None
    assert window.person.interview.title.text() == f"{family}, Ana"


def answer_row(record: RecordPage, key: str) -> str:
    """The answer a person reads on the record's Answers tab for the question ``key``."""
    for i in range(record.answers.topLevelItemCount()):
        top = record.answers.topLevelItem(i)
        assert top is not None
        for j in range(top.childCount()):
            item = top.child(j)
            if item is not None and item.data(0, Qt.ItemDataRole.UserRole) == key:
                return item.text(1)
    raise AssertionError(f"no answer row for {key}")


def test_enroll_from_settings_then_sync_now(
    qtbot: QtBot, tmp_path: Path, open_window: OpenWindow, org: Org
) -> None:
    data = tmp_path / "c"
    build_clinic(data, people=2)
    window = open_window(data)
    sign_in(qtbot, window, "vol")
    idle(qtbot, window)
    assert "not enrolled" in sync_line(window)
    assert window.sync is not None and window.sync.button.isHidden()  # nothing to sync yet
    enroll_in_settings(qtbot, window, org, "volunteer")
    assert window.sync_settings is not None
    assert "Enrolled with" in window.sync_settings.state.text()
    assert "volunteer laptop" in window.sync_settings.state.text()
    assert window.sync_settings.code.text() == ""  # the one-time code is not left on screen
    qtbot.waitUntil(lambda: "Synced" in sync_line(window))
    assert "0 waiting" in sync_line(window)
    assert org.store.event_count() == 4
    # more work (a person checked in at the desk), then "Sync now"
    check_in_at_the_desk(qtbot, window, "Testpersonz")
    click_sync_now(qtbot, window)
    assert "Synced" in sync_line(window) and "0 waiting" in sync_line(window)
    assert org.store.event_count() == 6  # the check-in's two events
    # nothing new: "Sync now" again sends nothing
    click_sync_now(qtbot, window)
    assert org.store.event_count() == 6


def test_with_the_server_down_the_app_goes_on_and_sync_backs_off(
    qtbot: QtBot, tmp_path: Path, open_window: OpenWindow, org: Org
) -> None:
    data = tmp_path / "c"
    [rid] = build_clinic(data, people=1)
    window = open_window(data)
    sign_in(qtbot, window, "vol")
    enroll_in_settings(qtbot, window, org, "volunteer")
    qtbot.waitUntil(lambda: "Synced" in sync_line(window))
    synced = org.store.event_count()
    org.server.kill()
    check_in_at_the_desk(qtbot, window, "Testpersonz")
    made = 2  # the check-in's events, waiting to be sent
    sync = window.sync
    assert sync is not None
    click_sync_now(qtbot, window)
    line = sync_line(window)
    assert "Not synced" in line and "cannot be reached" in line, line
    assert f"{made} waiting" in line and "next try in 30 s" in line, line
    assert sync.backoff_s == 30 and sync.timer.isActive()
    first = sync.backoff_s
    click_sync_now(qtbot, window)
    assert sync.backoff_s == 2 * first  # exponential
    assert "next try in 60 s" in sync_line(window)
    # the app is fully usable meanwhile: the person opens from the board, at their interview
    open_from_board(qtbot, window, rid)
    assert window.person is not None and window.tabs is not None
    assert window.tabs.currentWidget() is window.person
    name = Clinic(data).unlock("vol", PASSPHRASE).load(rid).answers["name.family"]
    interview = window.person.interview
    assert window.person.currentWidget() is interview
    assert interview.title.text().startswith(name)
    click(qtbot, interview.close_button)  # "Save and close" works without the server too
    idle(qtbot, window)
    assert window.person.currentWidget() is window.person.record
    assert window.person.record.title.text().startswith(name)
    org.server.start()
    click_sync_now(qtbot, window)
    line = sync_line(window)
    assert "Synced" in line and "0 waiting" in line, line
    assert sync.backoff_s == 0
    assert synced == 2 and org.store.event_count() == synced + made


def test_someone_checked_in_on_another_laptop_is_marked(
    qtbot: QtBot, tmp_path: Path, open_window: OpenWindow, org: Org
) -> None:
    other = org.device(tmp_path / "other", "volunteer")
    other.import_people([person(5)])
    SyncClient(other).sync()
    data = tmp_path / "c"
    build_clinic(data)  # no one yet
    session = Clinic(data).unlock("vol", PASSPHRASE)
    [rid] = session.import_people([person(5, **{"name.given": "Samename"})]).record_ids
    window = open_window(data)
    sign_in(qtbot, window, "vol")
    enroll_in_settings(qtbot, window, org, "volunteer")
    qtbot.waitUntil(lambda: "Synced" in sync_line(window))
    idle(qtbot, window)
    # volunteers' laptops hold no index key: a coordinator's laptop indexes what it pulls
    # (issue 17 point 3), and the next sync here hears of the twin
    assert window.board is not None and window.board.board is not None
    assert not window.board.board.rows[0].elsewhere
    SyncClient(org.device(tmp_path / "coord", "coordinator")).sync()
    click_sync_now(qtbot, window)
    idle(qtbot, window)
    assert window.board.board is not None
    assert window.board.board.rows[0].elsewhere
    row = window.board.lists["screening"].item(0)
    assert "≈" in row.text()
    assert row.toolTip() == "May be the same person as someone on another laptop"
    record = open_record_screen(qtbot, window, rid)
    assert "another laptop" in record.status.text()


def test_a_conflict_is_resolved_by_choosing_a_value(
    qtbot: QtBot, tmp_path: Path, open_window: OpenWindow, org: Org, edge: FakeEdge
) -> None:
    vol = org.device(tmp_path / "v", "volunteer")
    [rid] = vol.import_people([person(1)]).record_ids
    SyncClient(vol).sync()
    key_file = tmp_path / "org-key.txt"  # as the coordinator handed it over
    key_file.write_text(org.key_file, encoding="utf-8")
    data = tmp_path / "atty"
    build_clinic(data)
    window = open_window(data)
    sign_in(qtbot, window, "atty")
    # the attorney's laptop: enrolled, then the org key kept here (its file through the OS
    # dialog, its passphrase typed into the app's own prompt); then it syncs
    enroll_in_settings(qtbot, window, org, "attorney")
    box = window.sync_settings
    assert box is not None
    assert "Enrolled with" in box.state.text() and "attorney laptop" in box.state.text()
    # the fingerprint to read aloud against the one the coordinator sees (issue 17 point 1)
    shown = f"Organization key fingerprint: {fingerprint(org.keys.pair.public)}"
    assert shown in box.state.text(), box.state.text()
    # without the org key, what the other laptops sent cannot be opened here yet
    assert "Not synced" in sync_line(window), sync_line(window)
    edge.open_paths.append([key_file])
    answer_input_dialogs(qtbot, [ORG_PASSPHRASE])
    click(qtbot, box.org_key_button)
    idle(qtbot, window)
    assert edge.asked == ["open file: The org key file"]
    assert box.message.text() == "The org key is kept on this laptop, sealed."
    assert "The org key is kept here (sealed)." in box.state.text()
    click_sync_now(qtbot, window)
    assert "Synced" in sync_line(window), sync_line(window)
    # the person pulled from the volunteer's laptop is on the board; the attorney opens them
    record = open_record_screen(qtbot, window, rid)
    assert "two laptops" not in record.status.text()
    assert answer_row(record, "birth.city") == "Seoul"
    # both laptops change the city of birth before either hears of the other's change
    edit_answer(qtbot, window, record, "birth.city", "Incheon")
    assert answer_row(record, "birth.city") == "Incheon"
    answers = vol.load(rid).answers
    vol.set_answers(rid, {**answers, "birth.city": "Busan"})
    SyncClient(vol).sync()
    click_sync_now(qtbot, window)
    assert "Synced" in sync_line(window), sync_line(window)
    assert "birth.city" in Clinic(data).unlock("atty", PASSPHRASE).load(rid).conflicts
    # the board marks them; their record says so, and the answer shows both values
    assert window.board is not None and window.tabs is not None
    choose_tab(qtbot, window.tabs, window.board)
    idle(qtbot, window)
    rows = [lst.item(i).text() for lst in window.board.lists.values() for i in range(lst.count())]
    assert len(rows) == 1 and "⚠" in rows[0], rows
    record = open_record_screen(qtbot, window, rid)
    assert "two laptops" in record.status.text()
    shown = answer_row(record, "birth.city")
    assert "conflict" in shown and "Busan" in shown and "Incheon" in shown, shown
    # a double-click on the answer asks which value to keep: Busan, from the list, OK
    choose_tab(qtbot, record.tabs, record.answers)
    answer_input_dialogs(qtbot, ["Busan"])
    double_click_tree_row(
        qtbot, record.answers, lambda item: item.data(0, Qt.ItemDataRole.UserRole) == "birth.city"
    )
    idle(qtbot, window)
    state = Clinic(data).unlock("atty", PASSPHRASE).load(rid)
    assert "birth.city" not in state.conflicts and state.answers["birth.city"] == "Busan"
    assert "two laptops" not in record.status.text()
    assert answer_row(record, "birth.city") == "Busan"


def test_a_coordinator_makes_a_code_that_enrolls_a_laptop(
    qtbot: QtBot, tmp_path: Path, open_window: OpenWindow, org: Org, edge: FakeEdge
) -> None:
    data = tmp_path / "coord"
    build_clinic(data)
    window = open_window(data)
    sign_in(qtbot, window, "coord")
    box = window.sync_settings
    assert box is not None and not box.code_button.isEnabled()  # not enrolled yet
    enroll_in_settings(qtbot, window, org, "coordinator")
    assert box.code_button.isEnabled()
    # a code carries the organization's signed grant: without the org key, the app says so
    click(qtbot, box.code_button)
    idle(qtbot, window)
    assert "keep the org key file on this laptop first" in box.message.text()
    key_file = tmp_path / "org-key.txt"
    key_file.write_text(org.key_file, encoding="utf-8")
    edge.open_paths.append([key_file])
    answer_input_dialogs(qtbot, [ORG_PASSPHRASE])
    click(qtbot, box.org_key_button)
    idle(qtbot, window)
    assert box.message.text() == "The org key is kept on this laptop, sealed."
    codes: dict[str, str] = {}
    for role in ("attorney", "volunteer"):
        choose(qtbot, box.code_role, role)
        click(qtbot, box.code_button)
        idle(qtbot, window)
        text = box.message.text()
        assert text.startswith("One-time code (works once, for 72 hours): "), text
        code = text.rsplit(" ", 1)[-1]
        assert len(code.replace("-", "")) == 20
        # the code is also shown in its own box, to read out or copy; the person closes it
        [shown] = [b for b in window.findChildren(QMessageBox, "enroll-code") if b.isVisible()]
        assert shown.text() == code
        click(qtbot, shown.button(QMessageBox.StandardButton.Ok))
        assert not shown.isVisible()
        codes[role] = code
    for role, code in codes.items():
        laptop = tmp_path / role
        build_clinic(laptop)
        session = Clinic(laptop).unlock("vol", PASSPHRASE)
        assert SyncClient(session).enroll(org.server.url, code) == role
