"""Account → My profile…: a volunteer types their details, a wrong phone is named, saving
works, and the packet they build names them as its preparer (issue 15 point 7)."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader
from pytestqt.qtbot import QtBot

from tests.gui.conftest import WithPerson, idle
from tests.gui.test_gui_account import click_menu
from tests.gui.test_gui_day import build_from_record, open_record_screen
from tests.gui.user import FakeEdge, click, type_into


def test_my_profile_names_me_as_the_preparer(
    qtbot: QtBot, tmp_path: Path, with_a_person: WithPerson, edge: FakeEdge
) -> None:
    window, rid = with_a_person("vol")
    click_menu(qtbot, window, window.account_menu, window.profile_action)
    idle(qtbot, window)
    dialog = window.profile_dialog
    assert dialog is not None and dialog.isVisible()
    for field, value in (
        ("family", "Testpreparer"),
        ("given", "Jordan"),
        ("organization", "Synthetic Legal Clinic"),
        ("phone", "555"),
    ):
        type_into(qtbot, dialog.edits[field], value)
    save = dialog.buttons.buttons()[0]
    click(qtbot, save)
    idle(qtbot, window)
    assert "phone" in dialog.message.text() and dialog.isVisible()  # named; nothing saved
    type_into(qtbot, dialog.edits["phone"], "(213) 555-0100")
    click(qtbot, save)
    idle(qtbot, window)
    assert window.profile_dialog is None  # closed once saved
    assert "Your profile is saved." in window.statusBar().currentMessage()
    record = open_record_screen(qtbot, window, rid)
    build_from_record(qtbot, window, record)
    edge.folders.append(tmp_path / "out")
    click(qtbot, record.export_button)
    idle(qtbot, window)
    fields = PdfReader(str(tmp_path / "out" / "I-821D.pdf")).get_fields() or {}
    [name] = [f for n, f in fields.items() if n.endswith("P7_Line1a_Name[0]")]
    assert str(name.get("/V")) == "Testpreparer"
