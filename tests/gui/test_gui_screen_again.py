"""A packet is built from the record's recorded screening; after an answer changes on the
record screen, the volunteer screens again from the same screen, then builds (clicking as a
person does, reading the record's message line)."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from clinic.core import Desk
from tests.conftest import PASSPHRASE
from tests.gui.conftest import build_clinic, idle, sign_in
from tests.gui.test_gui_account import OpenWindow
from tests.gui.test_gui_day import build_from_record, edit_answer, open_record_screen
from tests.gui.test_gui_day import forms as forms  # the official PDFs (a fixture)
from tests.gui.user import click


def test_after_an_edit_the_volunteer_screens_again_then_builds(
    qtbot: QtBot, tmp_path: Path, open_window: OpenWindow, forms: Path
) -> None:
    data = tmp_path / "c"
    [rid] = build_clinic(data, people=1)
    desk = Desk(data)
    desk.sign_in("admin", PASSPHRASE)
    desk.interview.screen_record(rid)  # screened at the interview, earlier today
    desk.close()

    window = open_window(data, forms=forms)
    sign_in(qtbot, window, "vol")
    record = open_record_screen(qtbot, window, rid)
    edit_answer(qtbot, window, record, "mailing.city", "Pasadena")
    build_from_record(qtbot, window, record)
    refused = record.message.text()
    assert refused == (
        "The packet was not built: the answers changed since the last screening. "
        "Click Screen again (above), then Build packet."
    )
    assert "clinic " not in refused  # no command or record id for a volunteer
    assert record.packet is None

    click(qtbot, record.screen_button)
    idle(qtbot, window)
    assert record.message.text() == "Screened again as of today: see the Screening tab."
    assert record.tabs.currentWidget() is record.screening
    build_from_record(qtbot, window, record)
    assert record.message.text().startswith("Packet built and stored encrypted")
    qtbot.waitUntil(lambda: record.packet is not None, timeout=60_000)


def test_the_interview_opens_again_in_the_language_it_was_done_in(
    qtbot: QtBot, tmp_path: Path, open_window: OpenWindow
) -> None:
    """Found in a user's walk: interviewed in Korean, the person's interview opened again in
    English (the language they speak was recorded as English)."""
    data = tmp_path / "c"
    [rid] = build_clinic(data, people=1)
    desk = Desk(data)
    desk.sign_in("admin", PASSPHRASE)
    desk.interview.screen_record(rid, lang="ko")
    desk.close()
    window = open_window(data)
    sign_in(qtbot, window, "vol")
    record = open_record_screen(qtbot, window, rid)
    click(qtbot, record.interview_button)
    idle(qtbot, window)
    assert window.person is not None
    interview = window.person.interview
    assert window.person.currentWidget() is interview
    assert interview.language.currentData() == "ko"
