"""File dialogs open where a person keeps files (issue 16, "file dialogs open in the app's
working folder"): the first in their Documents, the next where they last chose, never the folder
the app was started from. Through the real dialog: Qt's own file dialog (what Linux without a
desktop's native one shows), answered by typing a name and pressing Save."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QLabel, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from clinic.gui import osedge
from clinic.gui.coordinator import CountsPage
from clinic.gui.window import ClinicWindow, fitted_size
from tests.gui.conftest import answer_modal, build_clinic, idle, sign_in
from tests.gui.test_gui_account import OpenWindow, lock_with_the_button
from tests.gui.user import choose_tab, click


def save_as(qtbot: QtBot, name: str, opened_in: list[str]) -> None:
    """Answer the next file dialog: note the folder it opened in, type ``name``, press Save."""

    def act(modal: QWidget) -> None:
        assert isinstance(modal, QFileDialog), type(modal).__name__
        opened_in.append(modal.directory().absolutePath())
        line = modal.findChild(QLineEdit, "fileNameEdit")
        assert line is not None
        # A person types once the dialog has come up with the cursor in its name box. Typed
        # before that (a loaded machine opens it slowly), Qt's dialog keeps the folder "/" the
        # first keystroke selected, its button reads Open, and Save goes to "/" instead.
        qtbot.waitUntil(lambda: modal.isActiveWindow() and line.hasFocus())
        line.selectAll()
        qtbot.keyClicks(line, name)
        buttons = modal.findChild(QDialogButtonBox)
        assert buttons is not None
        save = buttons.button(QDialogButtonBox.StandardButton.Save)
        assert save is not None
        qtbot.waitUntil(lambda: save.text().replace("&", "") == "Save" and save.isEnabled())
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
        assert not modal.isVisible(), f"the file dialog is still open after Save ({line.text()})"
        assert not modal.isVisible(), "the file dialog is still open after Save"

    answer_modal(qtbot, act)


def the_counts(
    qtbot: QtBot, open_window: OpenWindow, data: Path, *, people: int = 0, lang: str = "en"
) -> tuple[ClinicWindow, CountsPage]:
    """A new clinic's window, the coordinator signed in and on the Counts tab."""
    build_clinic(data, people=people)
    window = open_window(data, lang=lang)
    sign_in(qtbot, window, "coord")
    counts = window.counts
    assert counts is not None and window.tabs is not None
    choose_tab(qtbot, window.tabs, counts)
    idle(qtbot, window)
    return window, counts


def test_an_export_opens_in_documents_then_where_the_person_saved(
    qtbot: QtBot,
    tmp_path: Path,
    open_window: OpenWindow,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    documents = tmp_path / "Documents"
    documents.mkdir()
    elsewhere = tmp_path / "usb"
    elsewhere.mkdir()
    started_in = tmp_path / "app-folder"
    started_in.mkdir()
    monkeypatch.chdir(started_in)  # the folder the app was started from
    monkeypatch.setattr(osedge, "documents_folder", lambda: documents)
    before = osedge.install(osedge.OsEdge())  # the real dialogs
    try:
        window, counts = the_counts(qtbot, open_window, tmp_path / "c", people=2)
        opened: list[str] = []
        save_as(qtbot, str(elsewhere / "day.csv"), opened)
        click(qtbot, counts.csv_button)
        idle(qtbot, window)
        assert opened == [str(documents)]
        # the worker writes it after the dialog closes: wait for the file, not for a guess
        qtbot.waitUntil((elsewhere / "day.csv").is_file, timeout=15_000)
        save_as(qtbot, "day.pdf", opened)  # a bare name: in the folder the dialog shows
        click(qtbot, counts.pdf_button)
        idle(qtbot, window)
        assert opened[1] == str(elsewhere)  # where the person saved last
        qtbot.waitUntil((elsewhere / "day.pdf").is_file, timeout=15_000)
        assert (elsewhere / "day.pdf").read_bytes().startswith(b"%PDF")
        assert os.listdir(started_in) == []  # nothing lands in the app's working folder
        # the next user, after a lock, starts in their Documents: never in the folder where the
        # one before kept their exports (a client's unencrypted packet, say)
        lock_with_the_button(qtbot, window)
        sign_in(qtbot, window, "admin")
        again = window.counts
        assert again is not None and window.tabs is not None
        choose_tab(qtbot, window.tabs, again)
        idle(qtbot, window)
        save_as(qtbot, "later.csv", opened)
        click(qtbot, again.csv_button)
        idle(qtbot, window)
        assert opened[2] == str(documents) and (documents / "later.csv").is_file()
    finally:
        osedge.install(before)


def test_the_window_never_opens_larger_than_the_screen(
    open_window: OpenWindow, tmp_path: Path
) -> None:
    data = tmp_path / "c"
    build_clinic(data)
    window = open_window(data)
    room = window.screen().availableGeometry()
    assert window.width() <= room.width() and window.height() <= room.height()
    wanted = fitted_size(window, 5000, 5000)  # what a huge default would get on this screen
    assert wanted.width() == room.width() and wanted.height() < room.height()


@pytest.mark.parametrize(
    ("lang", "labels"),
    [
        ("ko", ["찾는 위치:", "파일 이름:", "파일 형식:"]),
        ("es", ["Buscar en:", "Nombre del archivo:", "Tipo de archivo:"]),
    ],
)
def test_the_file_dialog_speaks_the_staff_language(
    qtbot: QtBot,
    tmp_path: Path,
    open_window: OpenWindow,
    monkeypatch: pytest.MonkeyPatch,
    lang: str,
    labels: list[str],
) -> None:
    monkeypatch.setattr(osedge, "documents_folder", lambda: tmp_path)
    before = osedge.install(osedge.OsEdge())  # the real dialogs
    try:
        window, counts = the_counts(qtbot, open_window, tmp_path / "c", lang=lang)
        seen: list[str] = []

        def read_and_cancel(modal: QWidget) -> None:
            assert isinstance(modal, QFileDialog)
            seen.extend(label.text() for label in modal.findChildren(QLabel) if label.text())
            buttons = modal.findChild(QDialogButtonBox)
            assert buttons is not None
            cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
            assert cancel is not None
            seen.append(cancel.text())
            qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)

        answer_modal(qtbot, read_and_cancel)
        click(qtbot, counts.csv_button)
        idle(qtbot, window)
        assert seen[:3] == labels, seen
        assert seen[3].replace("&", "") != "Cancel"  # Qt's own words: the staff language too
        assert not list(tmp_path.glob("*.csv"))  # cancelled: nothing written
    finally:
        osedge.install(before)
