"""An empty list is an answer (issue 14, point 4): a volunteer who moves on from the trips or
the arrests page with nothing listed has answered "none", as each question says ("An empty
list means no trips"); saving and closing mid-page answers nothing."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from tests.gui.conftest import SignedIn, idle
from tests.gui.test_gui_day import (
    check_in,
    finish_anyway_next,
    type_answer,
    walk_to,
    walk_to_end,
)
from tests.gui.user import click


def test_moving_on_from_an_empty_list_answers_none(qtbot: QtBot, signed_in: SignedIn) -> None:
    window = signed_in("vol")
    check_in(qtbot, window, {"family": "Testperson", "given": "Ana", "dob": "2001-03-04"})
    assert window.person is not None
    interview = window.person.interview
    walk_to(qtbot, window, "daca.ever_granted")
    type_answer(qtbot, window, "daca.ever_granted", True)
    walk_to(qtbot, window, "travel")
    assert "travel" not in interview.interview.answers  # shown, not yet answered
    walk_to_end(qtbot, window)
    assert interview.interview.answers["travel"] == []  # moved on with nothing listed
    finish_anyway_next(qtbot)  # this walk answers only a few required questions
    click(qtbot, interview.finish_button)
    idle(qtbot, window)
    record = window.person.record
    assert record.view is not None
    answers = record.view.state.answers
    assert answers["travel"] == [] and answers["criminal"] == []
    screening = record.screening.toPlainText()
    assert "travel" not in screening and "criminal" not in screening


def test_saving_and_closing_mid_page_answers_nothing(qtbot: QtBot, signed_in: SignedIn) -> None:
    window = signed_in("vol")
    check_in(qtbot, window, {"family": "Testperson", "given": "Bo", "dob": "2000-01-02"})
    assert window.person is not None
    walk_to(qtbot, window, "travel")
    click(qtbot, window.person.interview.close_button)  # Save and close, on the trips page
    idle(qtbot, window)
    record = window.person.record
    assert record.view is not None
    assert "travel" not in record.view.state.answers
