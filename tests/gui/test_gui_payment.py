"""A volunteer chooses how the fees are paid before building the packet (issue 15 point 1): the
files the viewer lists and the exported cover sheet say what USCIS takes."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from tests.gui.conftest import WithPerson, idle
from tests.gui.test_gui_day import build_from_record, open_record_screen, pdf_text
from tests.gui.user import FakeEdge, choose, choose_tab, click


def test_bank_debit_names_the_g1650_and_leaves_out_the_g1450(
    qtbot: QtBot, tmp_path: Path, with_a_person: WithPerson, edge: FakeEdge
) -> None:
    window, rid = with_a_person("vol")
    record = open_record_screen(qtbot, window, rid)
    choose_tab(qtbot, record.tabs, record.packet_tab)
    assert record.payment.currentText() == "Card (Form G-1450)"  # the default
    choose(qtbot, record.payment, "Bank debit (Form G-1650)")
    build_from_record(qtbot, window, record)
    window.grab().save(str(tmp_path / "packet-tab.png"))  # kept by pytest, to look at
    files = record.viewer.files
    names = [files.item(i).text() for i in range(files.count())]
    assert "I-821D.pdf" in names and not any(n.startswith("G-1450") for n in names)
    edge.folders.append(tmp_path / "out")
    click(qtbot, record.export_button)
    idle(qtbot, window)
    cover = " ".join(pdf_text((tmp_path / "out" / "Cover sheet.pdf").read_bytes()).split())
    assert "one Form G-1650 (bank debit" in cover
    assert "download from uscis.gov/g-1650" in cover
