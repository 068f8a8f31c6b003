"""Account → My profile…: a volunteer types their details, a wrong phone is named, saving
works, and the packet they build names them as its preparer (issue 15 point 7)."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader
from pytestqt.qtbot import QtBot

from tests.gui.conftest import WithPerson, idle
from tests.gui.test_gui_account import click_menu
from tests.gui.test_gui_day import build_from_record, open_record_screen
from tests.gui.user import FakeEdge, choose, click, type_into


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
    said = dialog.message.text()  # named as the dialog names it; nothing saved
    assert said.startswith("the profile is not saved: daytime telephone number: ")
    assert dialog.isVisible()
    choose(qtbot, dialog.unit_type, "ste")  # Apt., Ste. or Flr., as the forms' boxes
    type_into(qtbot, dialog.edits["unit"], "200")
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
    [suite] = [f for n, f in fields.items() if n.endswith("P7_Line3b_Unit[0]")]
    assert str(suite.get("/V")) == "/ STE "  # the Ste. box, beside the number
    [number] = [f for n, f in fields.items() if n.endswith("P7_Line3b_Number[0]")]
    assert str(number.get("/V")) == "200"
