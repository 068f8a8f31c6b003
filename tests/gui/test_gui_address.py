"""An address the forms cannot take is refused where it is typed (issue 15 point 4): the
volunteer presses Next, comes back to the mailing address page, and reads in the box why and
the USPS abbreviation that would fit. Nothing typed is lost."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from tests.gui.conftest import build_clinic, idle, sign_in
from tests.gui.test_gui_account import OpenWindow
from tests.gui.test_gui_day import check_in, forms, type_answer, walk_to
from tests.gui.user import click

__all__ = ["forms"]  # the fixture


def test_a_street_too_long_for_the_forms_is_refused_on_its_page(
    qtbot: QtBot, tmp_path: Path, open_window: OpenWindow, forms: Path
) -> None:
    data = tmp_path / "c"
    build_clinic(data)
    window = open_window(data, forms=forms)
    sign_in(qtbot, window, "vol")
    check_in(qtbot, window, {"family": "Testperson", "given": "Ana", "dob": "2001-03-04"})
    assert window.person is not None
    interview = window.person.interview
    walk_to(qtbot, window, "mailing.street")
    type_answer(qtbot, window, "mailing.street", "12345 Synthetic Avenue Extension North")
    click(qtbot, interview.next_button)
    idle(qtbot, window)

    def refused_on_screen() -> bool:
        box = interview.boxes.get("mailing.street")  # back on the mailing address page
        return box is not None and box.error.isVisible()

    # the check runs on the worker: wait, as the volunteer does, for the red message
    qtbot.waitUntil(refused_on_screen, timeout=10_000)
    error = interview.boxes["mailing.street"].error
    assert "too long for the I-821D box (Part 1 Item 4.b, 34 characters at most)" in error.text()
    assert "'12345 Synthetic AVE EXT N' (USPS abbreviations) would fit" in error.text()
    assert "An address does not fit the forms" in interview.save_state.text()
    assert interview.interview.answers["mailing.street"] == "12345 Synthetic Avenue Extension North"
    # shortened as the box says, Next moves on
    type_answer(qtbot, window, "mailing.street", "12345 Synthetic AVE EXT N")
    click(qtbot, interview.next_button)
    idle(qtbot, window)
    assert "mailing.street" not in interview.boxes
