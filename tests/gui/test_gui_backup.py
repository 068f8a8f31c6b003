"""Backups in the desktop app (issue 18 point 5): locking the app writes the day's backup into
the data folder's backups/, Settings says where it is and which is the latest, and "Back up
now…" writes a backup where the person chooses (a USB stick), which restores into a new folder
with every record readable."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from clinic.core.backups import restore
from clinic.store.clinic import Clinic
from tests.conftest import PASSPHRASE
from tests.gui.conftest import TODAY, build_clinic, idle, sign_in
from tests.gui.test_gui_account import OpenWindow
from tests.gui.user import FakeEdge, choose_tab, click


def test_lock_writes_the_days_backup_and_back_up_now_writes_one_to_a_stick(
    qtbot: QtBot, tmp_path: Path, open_window: OpenWindow, edge: FakeEdge
) -> None:
    data = tmp_path / "c"
    ids = build_clinic(data, people=2)
    window = open_window(data)
    # as `clinic gui` makes it (make_window's own desk): the day's backup when it locks
    object.__getattribute__(window.ops.desk, "backups").on_lock = True
    sign_in(qtbot, window, "coord")
    settings = window.settings
    assert settings is not None and window.tabs is not None
    choose_tab(qtbot, window.tabs, settings)
    idle(qtbot, window)
    assert "None yet." in settings.backup_note.text()
    assert str(data / "backups") in settings.backup_note.text()

    click(qtbot, window.lock_button)
    idle(qtbot, window)
    day = data / "backups" / f"clinic-{TODAY.isoformat()}.zip"
    assert day.is_file()

    sign_in(qtbot, window, "coord")
    settings = window.settings
    assert settings is not None
    choose_tab(qtbot, window.tabs, settings)
    idle(qtbot, window)
    assert f"Latest: {day.name}." in settings.backup_note.text()

    stick = tmp_path / "usb" / "clinic.zip"
    stick.parent.mkdir()
    edge.save_paths.append(stick)
    click(qtbot, settings.backup_button)
    idle(qtbot, window)
    assert edge.asked[-1].endswith(f"(clinicday-backup-{TODAY.isoformat()}.zip)")
    said = settings.message.text()
    assert said.startswith(f"Backed up to {stick} (") and said.endswith(
        "files). The records in it stay encrypted."
    ), said
    assert stick.is_file()

    restored = tmp_path / "restored"
    restore(stick, restored)
    session = Clinic(restored).unlock("vol", PASSPHRASE)
    original = Clinic(data).unlock("vol", PASSPHRASE)
    for rid in ids:
        assert session.load(rid).answers == original.load(rid).answers
