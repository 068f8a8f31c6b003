"""Sync in the app, against a real server process: enroll from Settings, the status line and
"Sync now", an unreachable server (the app goes on; backoff), a person also checked in on
another laptop, a conflict a person resolves, and codes made by a coordinator."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from clinic.gui.window import ClinicWindow
from clinic.store.clinic import Clinic
from clinic.sync.client import SyncClient
from tests.conftest import PASSPHRASE, person
from tests.gui.conftest import build_clinic, idle, sign_in
from tests.sync_fixture import Org

OpenWindow = Callable[..., ClinicWindow]


@pytest.fixture
def db_url(tmp_path: Path) -> Iterator[str]:
    """The GUI tests use a SQLite server (tests/test_sync.py covers PostgreSQL)."""
    yield f"sqlite:///{tmp_path / 'server.db'}"


def enroll_in_settings(qtbot: QtBot, window: ClinicWindow, org: Org, role: str) -> None:
    assert window.tabs is not None and window.settings is not None
    window.tabs.setCurrentWidget(window.settings)
    idle(qtbot, window)
    box = window.sync_settings
    assert box is not None
    qtbot.keyClicks(box.server, org.server.url)
    qtbot.keyClicks(box.code, org.code(role).lower().replace("-", " "))  # as someone types it
    qtbot.mouseClick(box.enroll_button, Qt.MouseButton.LeftButton)
    idle(qtbot, window)


def test_enroll_from_settings_then_sync_now(
    qtbot: QtBot, tmp_path: Path, open_window: OpenWindow, org: Org
) -> None:
    data = tmp_path / "c"
    build_clinic(data, people=2)
    window = open_window(data)
    sign_in(qtbot, window, "vol")
    idle(qtbot, window)
    assert window.sync is not None
    assert "not enrolled" in window.sync.label.text()
    enroll_in_settings(qtbot, window, org, "volunteer")
    assert window.sync_settings is not None
    assert "Enrolled with" in window.sync_settings.state.text()
    qtbot.waitUntil(lambda: window.sync is not None and "Synced" in window.sync.label.text())
    assert "0 waiting" in window.sync.label.text()
    assert org.store.event_count() == 4
    # more work, then "Sync now"
    assert window.board is not None
    Clinic(data).unlock("vol", PASSPHRASE).import_people([person(9)])
    qtbot.mouseClick(window.sync.button, Qt.MouseButton.LeftButton)
    idle(qtbot, window)
    assert org.store.event_count() == 6


def test_with_the_server_down_the_app_goes_on_and_sync_backs_off(
    qtbot: QtBot, tmp_path: Path, open_window: OpenWindow, org: Org
) -> None:
    data = tmp_path / "c"
    [rid] = build_clinic(data, people=1)
    window = open_window(data)
    sign_in(qtbot, window, "vol")
    enroll_in_settings(qtbot, window, org, "volunteer")
    qtbot.waitUntil(lambda: window.sync is not None and "Synced" in window.sync.label.text())
    org.server.kill()
    Clinic(data).unlock("vol", PASSPHRASE).import_people([person(3)])
    sync = window.sync
    assert sync is not None
    sync.sync_now()
    idle(qtbot, window)
    assert "Not synced" in sync.label.text() and "cannot be reached" in sync.label.text()
    assert "2 waiting" in sync.label.text()
    assert sync.backoff_s == 30 and sync.timer.isActive()
    first = sync.backoff_s
    sync.sync_now()
    idle(qtbot, window)
    assert sync.backoff_s == 2 * first  # exponential
    # the app is fully usable meanwhile
    window.open_person(rid)
    idle(qtbot, window)
    assert (window.person is not None and window.person.record.view is not None) or (
        window.person is not None and window.person.interview.record_id == rid
    )
    org.server.start()
    sync.sync_now()
    idle(qtbot, window)
    assert "Synced" in sync.label.text() and "0 waiting" in sync.label.text()
    assert sync.backoff_s == 0
    assert org.store.event_count() == 4


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
    qtbot.waitUntil(lambda: window.sync is not None and "Synced" in window.sync.label.text())
    idle(qtbot, window)
    assert window.board is not None and window.board.board is not None
    assert window.board.board.rows[0].elsewhere
    assert "⧉" in window.board.lists["screening"].item(0).text()
    assert window.person is not None
    window.person.setCurrentWidget(window.person.record)
    window.person.record.open_record(rid)
    idle(qtbot, window)
    assert "another laptop" in window.person.record.status.text()


def test_a_conflict_is_resolved_by_choosing_a_value(
    qtbot: QtBot, tmp_path: Path, open_window: OpenWindow, org: Org
) -> None:
    vol = org.device(tmp_path / "v", "volunteer")
    [rid] = vol.import_people([person(1)]).record_ids
    SyncClient(vol).sync()
    data = tmp_path / "atty"
    build_clinic(data)
    atty = Clinic(data).unlock("atty", PASSPHRASE)
    client = SyncClient(atty)
    client.enroll(org.server.url, org.code("attorney"))
    client.import_org_keys(org.key_file, "org key file passphrase")
    client.sync()
    answers = atty.load(rid).answers
    vol.set_answers(rid, {**answers, "birth.city": "Busan"})
    atty.set_answers(rid, {**answers, "birth.city": "Incheon"})
    SyncClient(vol).sync()
    client.sync()
    assert "birth.city" in atty.load(rid).conflicts
    window = open_window(data)
    sign_in(qtbot, window, "atty")
    assert window.person is not None
    record = window.person.record
    window.person.setCurrentWidget(record)
    record.open_record(rid)
    idle(qtbot, window)
    assert "two laptops" in record.status.text()
    values = [v for _ver, v in atty.load(rid).conflicts["birth.city"].values]
    record.choose("birth.city", values.index("Busan"))
    idle(qtbot, window)
    state = Clinic(data).unlock("atty", PASSPHRASE).load(rid)
    assert "birth.city" not in state.conflicts and state.answers["birth.city"] == "Busan"


def test_a_coordinator_makes_a_code_that_enrolls_a_laptop(
    qtbot: QtBot, tmp_path: Path, open_window: OpenWindow, org: Org
) -> None:
    data = tmp_path / "coord"
    build_clinic(data)
    window = open_window(data)
    sign_in(qtbot, window, "coord")
    enroll_in_settings(qtbot, window, org, "coordinator")
    box = window.sync_settings
    assert box is not None and box.code_button.isEnabled()
    box.code_role.setCurrentIndex(box.code_role.findData("volunteer"))
    qtbot.mouseClick(box.code_button, Qt.MouseButton.LeftButton)
    idle(qtbot, window)
    text = box.message.text()
    code = text.rsplit(" ", 1)[-1]
    assert len(code.replace("-", "")) == 20
    laptop = tmp_path / "new"
    build_clinic(laptop)
    session = Clinic(laptop).unlock("vol", PASSPHRASE)
    assert SyncClient(session).enroll(org.server.url, code) == "volunteer"
