"""The client's take-home sheet, printed from the record on its own (issue 16 point 7): in the
client's language, with no DRAFT mark (it is the client's, never filed) and no SSN or A-Number.
Through the real button and the print dialog answered "print to a PDF file"; the printed pages
are images, so they are read as a person would, by OCR."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from clinic.store.clinic import Clinic
from tests.conftest import PASSPHRASE, person
from tests.gui.conftest import answer_question, build_clinic, idle, sign_in
from tests.gui.test_gui_account import OpenWindow
from tests.gui.test_gui_day import build_from_record, open_record_screen
from tests.gui.test_gui_day import forms as forms  # the official PDFs (a fixture)
from tests.gui.user import FakeEdge, choose_tab, click


def printed_text(pdf: Path, tmp_path: Path) -> str:
    """What tesseract reads on every printed page."""
    if shutil.which("tesseract") is None or shutil.which("pdftoppm") is None:
        pytest.skip("tesseract or pdftoppm is not installed (tools/setup installs them)")
    subprocess.run(["pdftoppm", "-r", "200", "-png", str(pdf), str(tmp_path / "page")], check=True)
    read = [
        subprocess.run(
            ["tesseract", str(png), "-", "--psm", "3"], capture_output=True, text=True, check=True
        ).stdout
        for png in sorted(tmp_path.glob("page*.png"))
    ]
    return "\n".join(read)


def test_the_take_home_sheet_prints_alone_in_the_clients_language(
    qtbot: QtBot, tmp_path: Path, open_window: OpenWindow, forms: Path, edge: FakeEdge
) -> None:
    data = tmp_path / "c"
    build_clinic(data)
    session = Clinic(data).unlock("admin", PASSPHRASE)
    client = person(0, language="es", **{"name.family": "Quintanilla", "name.native": ""})
    [rid] = session.import_people([client]).record_ids
    window = open_window(data, forms=forms)
    sign_in(qtbot, window, "vol")
    record = open_record_screen(qtbot, window, rid)
    choose_tab(qtbot, record.tabs, record.packet_tab)
    assert not record.take_home_button.isEnabled()  # no packet yet: nothing to print
    build_from_record(qtbot, window, record)
    assert record.packet is not None and not record.packet.approved
    assert record.take_home_button.isEnabled()

    out = tmp_path / "take-home.pdf"
    edge.print_files.append(out)
    # no clinic contact is set and the volunteer has no profile: asked before printing (found
    # in a walk: told only afterwards), and No prints nothing
    asked: list[str] = []
    answer_question(qtbot, asked, QMessageBox.StandardButton.No)
    click(qtbot, record.take_home_button)
    idle(qtbot, window)
    assert "no way to reach the clinic" in asked[0], asked
    assert not out.exists() and not edge.asked
    answer_question(qtbot, asked, QMessageBox.StandardButton.Yes)
    click(qtbot, record.take_home_button)
    idle(qtbot, window)
    assert edge.asked[-1] == "printer: Print the client's take-home sheet"
    assert record.message.text().startswith("Sent the take-home sheet"), record.message.text()
    assert "no way to reach the clinic" in record.message.text(), record.message.text()
    sheet = dict(record.packet.files)["Take-home sheet.pdf"]
    # the sheet alone: as many pages as the sheet has, not the packet's dozens
    assert len(PdfReader(out).pages) == len(PdfReader(io.BytesIO(sheet)).pages)
    text = printed_text(out, tmp_path)
    assert "Quintanilla" in text  # OCR reads the page (so what it does not read is absent)
    assert "preparamos" in text  # the client's Spanish ...
    assert "prepared" in text.lower()  # ... with English beneath for whoever helps them
    assert "DRAFT" not in text.upper()  # the client's sheet is not a draft of a filing
    # true before and after the approval (the sheet is made with the packet, and often printed
    # once the attorney has approved it): it never says to wait for an approval already given
    flat = " ".join(text.split())
    assert "until the attorney has approved" not in flat
    assert "Once the clinic tells you the attorney has approved" in flat, flat
    digits = "".join(ch for ch in text if ch.isdigit())
    for number in (client["a_number"], client["ssn"]):
        assert number not in digits, f"{number} is printed on the take-home sheet"

    # the print is in the audit log, and cancelling the dialog prints nothing and says nothing
    log = Clinic(data).unlock("admin", PASSPHRASE).audit_log()
    assert any(e.record_id == rid and e.detail == "printed take-home sheet" for e in log)
    answer_question(qtbot, asked, QMessageBox.StandardButton.Yes)
    click(qtbot, record.take_home_button)
    idle(qtbot, window)
    assert record.message.text() == ""


def test_the_clinics_contact_set_in_settings_is_on_the_take_home_sheet(
    qtbot: QtBot, tmp_path: Path, open_window: OpenWindow, forms: Path, edge: FakeEdge
) -> None:
    """A take-home sheet built by a volunteer with no profile gave the client no one to call;
    the coordinator's "Contact for clients" (Settings) is printed on it, and it is sealed: a
    hand that edits the database file cannot swap it."""
    from tests.gui.user import type_into

    data = tmp_path / "c"
    build_clinic(data)
    session = Clinic(data).unlock("admin", PASSPHRASE)
    client = person(0, language="es", **{"name.family": "Quintanilla", "name.native": ""})
    [rid] = session.import_people([client]).record_ids
    window = open_window(data, forms=forms)
    sign_in(qtbot, window, "admin")
    settings = window.settings
    assert window.tabs is not None and settings is not None
    choose_tab(qtbot, window.tabs, settings)
    idle(qtbot, window)
    type_into(qtbot, settings.contact, "Call 555-0142 or write help@clinic.example")
    click(qtbot, settings.contact_button)
    idle(qtbot, window)
    assert "555-0142" in settings.message.text()
    record = open_record_screen(qtbot, window, rid)
    build_from_record(qtbot, window, record)
    out = tmp_path / "take-home.pdf"
    edge.print_files.append(out)
    click(qtbot, record.take_home_button)
    idle(qtbot, window)
    assert "no way to reach the clinic" not in record.message.text(), record.message.text()
    text = printed_text(out, tmp_path)
    assert "555-0142" in text and "help@clinic.example" in text, text
    # the row holds ciphertext only
    import sqlite3

    with sqlite3.connect(data / "clinic.db") as db:
        rows = db.execute("SELECT value FROM meta WHERE key = 'clinic.contact'").fetchall()
    assert rows and "555-0142" not in rows[0][0]


def test_a_take_home_sheet_in_english_for_a_language_it_is_not_made_in_says_so(
    qtbot: QtBot, tmp_path: Path, open_window: OpenWindow, forms: Path, edge: FakeEdge
) -> None:
    """Found in a user's walk: a Portuguese speaker's sheet printed in English, and nothing
    told the volunteer."""
    data = tmp_path / "c"
    build_clinic(data)
    session = Clinic(data).unlock("admin", PASSPHRASE)
    [rid] = session.import_people([person(0, language="pt")]).record_ids
    # the volunteer has a profile and the clinic no contact: the sheet gives the volunteer's
    # own phone as the clinic's, and says so (found in a walk: it warned of no contact at all)
    session.set_profile("vol", {"organization": "Test Clinic", "phone": "2135550101"})
    window = open_window(data, forms=forms)
    sign_in(qtbot, window, "vol")
    record = open_record_screen(qtbot, window, rid)
    build_from_record(qtbot, window, record)
    built = record.message.text()  # said when the packet is built, before anyone prints
    assert "The take-home sheet is in English" in built and "Portuguese" in built, built
    assert "the preparer's own phone" in built and "no way to reach" not in built, built
    edge.print_files.append(tmp_path / "take-home.pdf")
    click(qtbot, record.take_home_button)
    idle(qtbot, window)
    said = record.message.text()
    assert "Sent the take-home sheet" in said, said
    assert "It is in English" in said and "Portuguese" in said, said
