"""The attorney of record is chosen where the packet is built (issue 15 point 7): the packet
tab offers the clinic's attorneys; the exported cover sheet leads with their Form G-28."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from tests.forms_fixture import SHARED_FORMS
from tests.gui.conftest import WithPerson, build_clinic, idle, sign_in
from tests.gui.test_gui_account import OpenWindow
from tests.gui.test_gui_day import build_from_record, open_record_screen, pdf_text
from tests.gui.user import FakeEdge, choose, choose_tab, click


def test_a_volunteer_names_the_clinics_attorney_and_the_cover_leads_with_the_g28(
    qtbot: QtBot, tmp_path: Path, with_a_person: WithPerson, edge: FakeEdge
) -> None:
    window, rid = with_a_person("vol")
    record = open_record_screen(qtbot, window, rid)
    choose_tab(qtbot, record.tabs, record.packet_tab)
    offered = [record.attorney.itemText(i) for i in range(record.attorney.count())]
    assert offered == ["None (no G-28)", "atty"]  # the attorneys of this laptop, none by default
    choose(qtbot, record.attorney, "atty")
    build_from_record(qtbot, window, record)
    edge.folders.append(tmp_path / "out")
    click(qtbot, record.export_button)
    idle(qtbot, window)
    cover = " ".join(pdf_text((tmp_path / "out" / "Cover sheet.pdf").read_bytes()).split())
    assert "1. Form G-28 Notice of Entry of Appearance as Attorney" in cover
    # atty has no profile yet: the cover says what the G-28 still needs from it
    assert "Attorney of record (Form G-28): (no name); their profile lacks: family name" in cover


def test_the_next_person_starts_with_no_attorney_of_record(
    qtbot: QtBot, tmp_path: Path, open_window: OpenWindow
) -> None:
    data = tmp_path / "c"
    first, second = build_clinic(data, people=2)
    window = open_window(data, forms=SHARED_FORMS)
    sign_in(qtbot, window, "vol")
    record = open_record_screen(qtbot, window, first)
    choose_tab(qtbot, record.tabs, record.packet_tab)
    choose(qtbot, record.attorney, "atty")
    choose(qtbot, record.payment, "bank_debit")
    build_from_record(qtbot, window, record)
    record = open_record_screen(qtbot, window, second)  # no packet yet: the defaults
    idle(qtbot, window)
    assert record.attorney.currentText() == "None (no G-28)"
    assert record.payment.currentText() == "Card (Form G-1450)"
    record = open_record_screen(qtbot, window, first)  # its packet: as it was built
    idle(qtbot, window)
    assert (record.attorney.currentText(), record.payment.currentData()) == ("atty", "bank_debit")
