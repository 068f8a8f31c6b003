"""Settings (users, forms, automap review, notices) and changing an answer on the record screen,
through real widgets."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from clinic.gui.coordinator import AutomapReview
from clinic.gui.record import EditAnswerDialog
from clinic.gui.window import ClinicWindow
from clinic.store.clinic import AccessDenied, Clinic
from tests.conftest import PASSPHRASE
from tests.forms_fixture import SHARED_FORMS
from tests.gui.conftest import answer_modal, build_clinic, idle, sign_in
from tests.test_worksheet import make_worksheet

OpenWindow = Callable[..., ClinicWindow]


def text(item: Any, column: int | None = None) -> str:
    """An item's text ('' for a missing item)."""
    if item is None:
        return ""
    return str(item.text() if column is None else item.text(column))


def open_settings(qtbot: QtBot, window: ClinicWindow) -> None:
    assert window.tabs is not None and window.settings is not None
    window.tabs.setCurrentWidget(window.settings)
    idle(qtbot, window)


def test_a_coordinator_adds_and_disables_a_user(
    qtbot: QtBot, tmp_path: Path, open_window: OpenWindow
) -> None:
    data = tmp_path / "c"
    build_clinic(data)
    window = open_window(data)
    sign_in(qtbot, window, "coord")
    open_settings(qtbot, window)
    settings = window.settings
    assert settings is not None
    assert settings.users.rowCount() == 4
    settings.create_user("jun", "volunteer", "short")
    idle(qtbot, window)
    assert "passphrase" in settings.message.text()  # too short: said, nobody added
    settings.create_user("jun", "volunteer", PASSPHRASE)
    idle(qtbot, window)
    assert settings.users.rowCount() == 5
    Clinic(data).unlock("jun", PASSPHRASE)
    row = next(
        r for r in range(settings.users.rowCount()) if text(settings.users.item(r, 0)) == "jun"
    )
    settings.users.setCurrentCell(row, 0)
    qtbot.mouseClick(settings.disable_user_button, Qt.MouseButton.LeftButton)
    idle(qtbot, window)
    with pytest.raises(AccessDenied):
        Clinic(data).unlock("jun", PASSPHRASE)
    # a coordinator may not add an admin: the store says so, the screen shows it
    settings.create_user("boss", "admin", PASSPHRASE)
    idle(qtbot, window)
    assert "may not" in settings.message.text()


def test_program_notices_follow_the_staff_language(
    qtbot: QtBot, tmp_path: Path, open_window: OpenWindow
) -> None:
    data = tmp_path / "c"
    build_clinic(data)
    window = open_window(data)
    sign_in(qtbot, window, "vol")
    open_settings(qtbot, window)
    assert window.settings is not None
    assert "USCIS" in window.settings.notices.text()
    assert not window.settings.add_user_button.isEnabled()  # volunteers manage nobody


@pytest.mark.skipif(not SHARED_FORMS.is_dir(), reason="no ../shared/forms")
def test_forms_install_verify_and_a_new_edition_through_automap_review(
    qtbot: QtBot, tmp_path: Path, open_window: OpenWindow
) -> None:
    data = tmp_path / "c"
    build_clinic(data)
    window = open_window(data)
    sign_in(qtbot, window, "coord")
    open_settings(qtbot, window)
    settings = window.settings
    assert settings is not None
    assert "No forms installed" in text(settings.forms.item(0))
    settings.install([SHARED_FORMS / "g-1145_2014-09-26.pdf"])
    idle(qtbot, window)
    assert "G-1145 09/26/14" in settings.message.text()
    assert settings.forms.count() == 1
    settings.verify(SHARED_FORMS / "i-821d_2025-01-20.pdf")
    idle(qtbot, window)
    assert "official I-821D 01/20/25" in settings.message.text()
    fake = tmp_path / "not-a-form.pdf"
    fake.write_bytes(b"%PDF-1.4 not really")
    settings.verify(fake)
    idle(qtbot, window)
    assert "not-a-form.pdf" in settings.message.text()

    # a new edition: automap drafts a pack, a person reads it and confirms, then it installs
    worksheet = make_worksheet(tmp_path / "i-765ws.pdf")
    shown: list[str] = []

    def check_and_confirm(dialog: QWidget) -> None:
        assert isinstance(dialog, AutomapReview)
        shown.append(dialog.text.toPlainText())
        ok = dialog.buttons.buttons()[0]
        assert not ok.isEnabled()  # not before the person says they checked
        dialog.checked.setChecked(True)
        dialog.buttons.accepted.emit()

    answer_modal(qtbot, check_and_confirm)
    settings.automap(worksheet)
    idle(qtbot, window)
    assert shown and "ead.income_annual" in shown[0]
    assert "I-765WS 08/21/25" in settings.message.text()
    assert any("I-765WS" in text(settings.forms.item(i)) for i in range(settings.forms.count()))


def test_changing_an_answer_on_the_record_is_recorded(
    qtbot: QtBot, tmp_path: Path, open_window: OpenWindow
) -> None:
    data = tmp_path / "c"
    [rid] = build_clinic(data, people=1)
    window = open_window(data)
    sign_in(qtbot, window, "vol")
    assert window.person is not None
    record = window.person.record
    window.person.setCurrentWidget(record)
    record.open_record(rid)
    idle(qtbot, window)
    items = [
        top.child(j)
        for i in range(record.answers.topLevelItemCount())
        if (top := record.answers.topLevelItem(i)) is not None
        for j in range(top.childCount())
    ]
    [item] = [
        it
        for it in items
        if it is not None and it.data(0, Qt.ItemDataRole.UserRole) == "birth.city"
    ]

    def retype(dialog: QWidget) -> None:
        assert isinstance(dialog, EditAnswerDialog)
        editor = dialog.box.editor.focus_widget()
        assert isinstance(editor, QLineEdit)
        editor.clear()
        qtbot.keyClicks(editor, "Incheon")
        dialog._check()

    answer_modal(qtbot, retype)
    record._edit(item, 1)
    idle(qtbot, window)
    session = Clinic(data).unlock("admin", PASSPHRASE)
    assert session.load(rid).answers["birth.city"] == "Incheon"
    last = session.events(rid)[-1]
    assert last.author == "vol" and last.payload["changes"][0]["key"] == "birth.city"
    last_row = record.timeline.topLevelItem(record.timeline.topLevelItemCount() - 1)
    assert "birth.city" in text(last_row, 3)


def test_an_inquiry_is_counted_without_a_name(
    qtbot: QtBot, tmp_path: Path, open_window: OpenWindow
) -> None:
    from clinic.gui.board import InquiryDialog
    from clinic.reports.counts import counts_for
    from tests.gui.conftest import TODAY

    data = tmp_path / "c"
    build_clinic(data)
    window = open_window(data)
    sign_in(qtbot, window, "vol")
    assert window.board is not None

    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, InquiryDialog)
        dialog.language.setCurrentIndex(dialog.language.findData("es"))
        dialog.topic.setCurrentIndex(dialog.topic.findData("travel"))
        dialog.buttons.accepted.emit()

    answer_modal(qtbot, fill)
    qtbot.mouseClick(window.board.inquiry_button, Qt.MouseButton.LeftButton)
    idle(qtbot, window)
    assert window.board.board is not None
    [row] = window.board.board.rows
    assert row.kind == "inquiry" and row.station == "done"
    assert "Inquiry" in text(window.board.lists["done"].item(0))
    session = Clinic(data).unlock("coord", PASSPHRASE)
    report = counts_for(session, TODAY, TODAY)
    assert report.total.informed == 1
    assert dict(report.by_language)["es"].informed == 1
    [rid] = session.record_ids()
    assert session.load(rid).answers == {}  # nothing about the person is kept


def test_a_coordinator_renames_the_site(
    qtbot: QtBot, tmp_path: Path, open_window: OpenWindow
) -> None:
    data = tmp_path / "c"
    build_clinic(data)
    window = open_window(data)
    sign_in(qtbot, window, "coord")
    open_settings(qtbot, window)
    settings = window.settings
    assert settings is not None
    assert settings.site.text() == "Test Site"
    settings.site.setText("   ")
    qtbot.mouseClick(settings.site_button, Qt.MouseButton.LeftButton)
    idle(qtbot, window)
    assert "site:" in settings.message.text()
    settings.site.setText("Koreatown Saturday Clinic")
    qtbot.mouseClick(settings.site_button, Qt.MouseButton.LeftButton)
    idle(qtbot, window)
    assert Clinic(data).site == "Koreatown Saturday Clinic"
    assert settings.site.text() == "Koreatown Saturday Clinic"
