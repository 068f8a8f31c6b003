"""Sensitive numbers masked (issue 16 point 8) and answers in words (point 2), on the record
screen as a person reads it: the SSN and A-Number show their last four digits until someone
presses Show numbers, which the audit log records with who and which record; yes and no, the
choices and the language read as the staff language says them, never as keys or codes."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtWidgets import QTreeWidget
from pytestqt.qtbot import QtBot

from clinic.domain.answers import ANSWER_KEYS
from clinic.gui.fields import SecretEditor
from clinic.store.clinic import Clinic
from tests.conftest import PASSPHRASE, person
from tests.gui.conftest import build_clinic, idle, sign_in
from tests.gui.test_gui_account import OpenWindow
from tests.gui.test_gui_day import open_record_screen
from tests.gui.user import choose_tab, click


def shown_rows(tree: QTreeWidget) -> dict[str, str]:
    """Every answer row as a person reads it: question -> answer."""
    rows: dict[str, str] = {}
    for i in range(tree.topLevelItemCount()):
        top = tree.topLevelItem(i)
        assert top is not None
        for j in range(top.childCount()):
            child = top.child(j)
            assert child is not None
            rows[child.text(0)] = child.text(1)
    return rows


def test_numbers_are_masked_until_revealed_and_the_reveal_is_audited(
    qtbot: QtBot, tmp_path: Path, open_window: OpenWindow
) -> None:
    data = tmp_path / "c"
    [rid] = build_clinic(data, people=1)
    session = Clinic(data).unlock("admin", PASSPHRASE)
    answers = session.load(rid).answers
    a_number, ssn = str(answers["a_number"]), str(answers["ssn"])
    window = open_window(data)
    sign_in(qtbot, window, "vol")
    record = open_record_screen(qtbot, window, rid)
    choose_tab(qtbot, record.tabs, record.answers)
    rows = shown_rows(record.answers)
    text = " ".join(rows.values())
    assert a_number not in text and ssn not in text
    assert f"A-•••-••{a_number[5]}-{a_number[6:]}" in rows.values()
    assert f"•••-••-{ssn[5:]}" in rows.values()
    # in words, never keys or codes
    assert not {"yes", "no", "True", "False"} & set(rows.values())
    asked = "In which language would you like to do this interview?"
    assert (
        rows[asked]
        == {"ko": "Korean (한국어)", "es": "Spanish (español)", "en": "English"}[
            str(answers["language"])
        ]
    )
    keys = {k for k in ANSWER_KEYS if "." in k or "_" in k}
    assert not [k for k in keys if re.search(rf"(?<![\w@.]){re.escape(k)}(?![\w.])", text)]
    click(qtbot, record.reveal)
    idle(qtbot, window)
    revealed = " ".join(shown_rows(record.answers).values())
    assert a_number in revealed.replace("-", "") and ssn in revealed.replace("-", "")
    # as the cards print them: A-123-456-789, 123-45-6789
    assert f"A-{a_number[:3]}-{a_number[3:6]}-{a_number[6:]}" in revealed
    assert f"{ssn[:3]}-{ssn[3:5]}-{ssn[5:]}" in revealed
    entries = [e for e in session.audit_log() if e.action == "reveal"]
    assert [(e.record_id, e.user) for e in entries] == [(rid, "vol")]
    assert a_number not in entries[0].detail and ssn not in entries[0].detail
    click(qtbot, record.reveal)  # masked again
    idle(qtbot, window)
    assert a_number not in " ".join(shown_rows(record.answers).values())


def test_the_interview_masks_stored_numbers_until_show_which_is_audited(
    qtbot: QtBot, tmp_path: Path, open_window: OpenWindow
) -> None:
    """Found in a user's walk: the record masked the numbers, but the interview's page of
    identity numbers showed them whole to anyone who opened it, and nothing was audited."""
    from tests.gui.test_gui_day import walk_to

    data = tmp_path / "c"
    [rid] = build_clinic(data, people=1)
    session = Clinic(data).unlock("admin", PASSPHRASE)
    answers = session.load(rid).answers
    a_number, ssn = str(answers["a_number"]), str(answers["ssn"])
    window = open_window(data)
    sign_in(qtbot, window, "vol")
    record = open_record_screen(qtbot, window, rid)
    click(qtbot, record.interview_button)
    idle(qtbot, window)
    walk_to(qtbot, window, "a_number")
    assert window.person is not None
    boxes = window.person.interview.boxes
    number, card = boxes["a_number"].editor, boxes["ssn"].editor
    assert isinstance(number, SecretEditor) and isinstance(card, SecretEditor)
    assert number.edit.text() == f"A-•••-••{a_number[5]}-{a_number[6:]}"
    assert card.edit.text() == f"•••-••-{ssn[5:]}"
    assert number.edit.isReadOnly() and card.edit.isReadOnly()
    assert not [e for e in session.audit_log() if e.action == "reveal"]
    click(qtbot, number.show_button)
    idle(qtbot, window)
    assert number.edit.text() == a_number and card.edit.text() == ssn
    assert not number.edit.isReadOnly()
    entries = [e for e in session.audit_log() if e.action == "reveal"]
    assert [(e.record_id, e.user) for e in entries] == [(rid, "vol")]
    # the same button now reads Hide, and masks the number again (found in a user's walk)
    assert number.show_button.isVisible() and number.show_button.text() == "Hide"
    click(qtbot, number.show_button)
    idle(qtbot, window)
    assert number.edit.text() == f"A-•••-••{a_number[5]}-{a_number[6:]}"
    assert number.edit.isReadOnly() and number.show_button.text() == "Show"
    assert number.value() == a_number  # hiding changes nothing
    # nothing was changed by looking
    assert Clinic(data).unlock("admin", PASSPHRASE).load(rid).answers["a_number"] == a_number


def test_money_reads_as_dollars(qtbot: QtBot, tmp_path: Path, open_window: OpenWindow) -> None:
    data = tmp_path / "c"
    build_clinic(data)
    session = Clinic(data).unlock("admin", PASSPHRASE)
    money = {"ead.income_annual": 32000, "ead.expenses_annual": 1250.5, "ead.assets": 0}
    [rid] = session.import_people([person(0, **money)]).record_ids
    window = open_window(data)
    sign_in(qtbot, window, "vol")
    record = open_record_screen(qtbot, window, rid)
    choose_tab(qtbot, record.tabs, record.answers)
    shown = set(shown_rows(record.answers).values())
    assert {"$32,000", "$1,250.50", "$0"} <= shown, shown
    assert not {"32000", "1250.5"} & shown
