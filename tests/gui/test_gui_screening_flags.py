"""The interview's live screening panel over a renewal's red flags (issue 14), as a volunteer
reads it: the answers typed through the widgets, the panel read as text, in English and Korean."""

from __future__ import annotations

import re
from pathlib import Path

from pytestqt.qtbot import QtBot

from clinic.domain.answers import ANSWER_KEYS
from tests.gui.conftest import SignedIn, idle
from tests.gui.test_gui_account import OpenWindow
from tests.gui.test_gui_day import check_in, type_answer, walk_to
from tests.gui.user import choose_index, click

KEY = re.compile("|".join(re.escape(k) for k in ANSWER_KEYS if "." in k))


def test_a_renewal_living_abroad_is_for_an_attorney_with_its_rule(
    qtbot: QtBot, tmp_path: Path, signed_in: SignedIn
) -> None:
    window = signed_in("vol")
    check_in(qtbot, window, {"family": "Testperson", "given": "Luz", "dob": "1999-08-02"})
    assert window.person is not None
    interview = window.person.interview
    walk_to(qtbot, window, "daca.ever_granted")
    type_answer(qtbot, window, "daca.ever_granted", True)
    walk_to(qtbot, window, "daca.expires")
    type_answer(qtbot, window, "daca.expires", "2027-04-01")
    walk_to(qtbot, window, "residence.country")
    type_answer(qtbot, window, "residence.country", "Mexico")
    walk_to(qtbot, window, "residence.continuous_since_2007")
    type_answer(qtbot, window, "residence.continuous_since_2007", False)
    click(qtbot, interview.next_button)
    idle(qtbot, window)
    panel = interview.panel.toPlainText()
    assert "Needs attorney review" in panel and "May be eligible" not in panel
    assert "The country of residence now is given as Mexico" in panel
    assert "Continuous residence since June 15, 2007 was not confirmed" in panel
    assert "8 CFR 236.22(b)(2)" in panel
    assert not KEY.search(panel), panel
    window.grab().save(str(tmp_path / "panel-en.png"))  # kept by pytest for a person to look at
    choose_index(qtbot, interview.language, 1)  # 한국어
    window.grab().save(str(tmp_path / "panel-ko.png"))
    # the client's language changes what is asked (beneath each question), not what the
    # volunteer reads: the panel stays in the staff language (issue 16 point 1)
    assert interview.panel.toPlainText() == panel
    box = next(iter(interview.boxes.values()))
    assert box.asked.isVisible() and any("\uac00" <= ch <= "\ud7a3" for ch in box.asked.text())
    assert not any("\uac00" <= ch <= "\ud7a3" for ch in box.label.text())


def test_a_screening_recorded_in_korean_reads_in_english_on_the_record(
    qtbot: QtBot, tmp_path: Path, open_window: OpenWindow
) -> None:
    """Issue 16 point 1: the attorney and the volunteer read the record's screening in the staff
    language, though it was recorded in the client's."""
    from clinic.core.interview import record_screening
    from clinic.resources import policy
    from clinic.store.clinic import Clinic
    from tests.conftest import PASSPHRASE
    from tests.gui.conftest import TODAY, build_clinic, sign_in
    from tests.gui.test_gui_day import open_record_screen
    from tests.gui.user import choose_tab

    data = tmp_path / "c"
    [rid] = build_clinic(data, people=1)
    session = Clinic(data).unlock("vol", PASSPHRASE)
    recorded = record_screening(session, rid, None, TODAY, policy(), "ko")
    assert any("\uac00" <= ch <= "\ud7a3" for f in recorded.reasons for ch in f.message)
    window = open_window(data)
    sign_in(qtbot, window, "vol")
    record = open_record_screen(qtbot, window, rid)
    choose_tab(qtbot, record.tabs, record.screening)
    shown = record.screening.toPlainText()
    assert "8 CFR" in shown
    assert not any("\uac00" <= ch <= "\ud7a3" for ch in shown), shown
