"""Validation at the door (issue 16 point 5), through the widgets a volunteer uses: check-in
refuses a birth date after today and an over-long name, naming the field as the dialog does and
keeping everything typed; a page with an impossible date does not turn; income written as
people write money is taken."""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget
from pytestqt.qtbot import QtBot

from clinic.gui.board import NewPersonDialog
from clinic.gui.fields import LineEditor
from clinic.gui.record import EditAnswerDialog
from tests.gui.conftest import SignedIn, WithPerson, answer_modal, idle, staff_in_spanish
from tests.gui.test_gui_day import check_in, open_record_screen, type_answer, walk_to
from tests.gui.test_gui_keys_languages import activate
from tests.gui.user import (
    choose,
    choose_tab,
    click,
    double_click_tree_row,
    press_ok,
    type_into,
)


def test_check_in_refuses_a_future_birth_date_and_an_over_long_name(
    qtbot: QtBot, signed_in: SignedIn
) -> None:
    window = signed_in("vol")
    assert window.board is not None
    seen: list[str] = []
    future = (window.today() + dt.timedelta(days=30)).isoformat()

    def fill(modal: QWidget) -> None:
        assert isinstance(modal, NewPersonDialog)
        type_into(qtbot, modal.family, "Testperson" * 7)  # 70 letters
        type_into(qtbot, modal.given, "Ana")
        type_into(qtbot, modal.dob, future)
        choose(qtbot, modal.language, "es")
        press_ok(qtbot, modal.buttons)
        seen.append(modal.errors.text())
        assert modal.isVisible()  # still open: nothing typed is lost
        assert modal.dob.text() == future
        type_into(qtbot, modal.family, "Testperson")
        press_ok(qtbot, modal.buttons)
        seen.append(modal.errors.text())
        assert modal.isVisible()
        type_into(qtbot, modal.dob, "2001-03-04")
        press_ok(qtbot, modal.buttons)
        assert modal.result() == QDialog.DialogCode.Accepted

    answer_modal(qtbot, fill)
    click(qtbot, window.board.new_button)
    idle(qtbot, window)
    assert seen[0] == "Family name: too long (at most 60 characters)"
    assert seen[1] == "Birth date: is after today"
    assert window.person is not None and window.person.interview.title.text() == "Testperson, Ana"


def test_an_impossible_date_keeps_the_page_and_money_is_taken_as_written(
    qtbot: QtBot, signed_in: SignedIn
) -> None:
    window = signed_in("vol")
    check_in(qtbot, window, {"family": "Testperson", "given": "Ana", "dob": "2001-03-04"})
    assert window.person is not None
    interview = window.person.interview
    walk_to(qtbot, window, "arrival.date")
    before = interview.progress.text()  # "3 of 19 required answers"
    type_answer(qtbot, window, "arrival.date", "2010-02-30")
    assert interview.progress.text() == before  # an impossible date is not an answer
    page = interview.page_label.text()
    click(qtbot, interview.next_button)
    idle(qtbot, window)
    assert interview.page_label.text() == page  # the page did not turn
    assert interview.boxes["arrival.date"].error.isVisible()
    assert interview.boxes["arrival.date"].editor.value() == "2010-02-30"  # kept as typed
    type_answer(qtbot, window, "arrival.date", "2010-02-28")
    count = re.compile(r"(\d+) of (\d+) required answers")
    was, now = count.fullmatch(before), count.fullmatch(interview.progress.text())
    assert was is not None and now is not None, interview.progress.text()
    assert int(now[1]) == int(was[1]) + 1
    click(qtbot, interview.next_button)
    idle(qtbot, window)
    assert interview.page_label.text() != page
    walk_to(qtbot, window, "ead.income_annual")
    # thirty-two thousand as much of the world writes it: never taken as $32
    for typed in ("32.000", "32.000,50", "$1.250.000"):
        type_answer(qtbot, window, "ead.income_annual", typed)
        box = interview.boxes["ead.income_annual"]
        assert box.error.isVisible(), typed
        assert "thousands without dots" in box.error.text(), box.error.text()
        assert "ead.income_annual" not in interview.interview.answers or (
            interview.interview.answers["ead.income_annual"] not in (32, 32.0, 32.5, 1.25)
        )
    type_answer(qtbot, window, "ead.income_annual", "$32,000")
    assert interview.boxes["ead.income_annual"].error.isHidden()
    assert interview.interview.answers["ead.income_annual"] == 32000
    type_answer(qtbot, window, "ead.income_annual", "32.50")  # cents stay cents
    assert interview.interview.answers["ead.income_annual"] == 32.5
    type_answer(qtbot, window, "ead.income_annual", "$32,000")


def test_the_interview_language_is_chosen_by_name_and_an_unlisted_one_by_code(
    qtbot: QtBot, signed_in: SignedIn
) -> None:
    window = signed_in("vol")
    check_in(qtbot, window, {"family": "Testperson", "given": "Ana", "dob": "2001-03-04"})
    assert window.person is not None
    interview = window.person.interview
    combo = interview.boxes["language"].editor.combo  # type: ignore[attr-defined]
    names = [combo.itemText(i) for i in range(combo.count())]
    assert "Korean (한국어)" in names and "Spanish (español)" in names
    assert not [n for n in names if re.fullmatch(r"[a-z]{2,3}", n)]  # names, never codes
    activate(qtbot, window)  # in front: the completion list needs the focus
    line = combo.lineEdit()
    type_into(qtbot, line, "Kore")  # typing part of the name offers it
    popup = combo.completer().popup()
    qtbot.waitUntil(popup.isVisible, timeout=3000)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert combo.currentText() == "Korean (한국어)"
    assert interview.interview.answers["language"] == "ko"
    type_into(qtbot, line, "mam")  # Mam: not listed, typed as its code
    assert interview.interview.answers["language"] == "mam"
    assert interview.boxes["language"].error.isHidden()


def test_the_change_an_answer_dialog_grows_for_its_message(
    qtbot: QtBot, with_a_person: WithPerson
) -> None:
    """Found in a user's walk: a date refused in "Change an answer" squeezed the question and
    its help, cut at the top, to make room for the message."""
    window, rid = with_a_person("vol")
    record = open_record_screen(qtbot, window, rid)
    choose_tab(qtbot, record.tabs, record.answers)
    seen: list[str] = []

    def refuse_then_cancel(modal: QWidget) -> None:
        assert isinstance(modal, EditAnswerDialog)
        editor = modal.box.editor
        assert isinstance(editor, LineEditor)
        type_into(qtbot, editor.edit, "2020-02-30")
        [buttons] = modal.findChildren(QDialogButtonBox)
        press_ok(qtbot, buttons)
        qtbot.wait(50)  # laid out as shown
        seen.append(modal.box.error.text())
        assert modal.isVisible()  # refused: still open, the typing kept
        for label in (modal.box.label, modal.box.error):
            assert label.height() >= label.heightForWidth(label.width()), label.text()
        click(qtbot, buttons.button(QDialogButtonBox.StandardButton.Cancel))

    answer_modal(qtbot, refuse_then_cancel)
    double_click_tree_row(
        qtbot, record.answers, lambda item: item.data(0, Qt.ItemDataRole.UserRole) == "daca.expires"
    )
    idle(qtbot, window)
    assert seen and "not a real date" in seen[0], seen


def test_after_changing_an_answer_the_list_stays_where_it_was(
    qtbot: QtBot, with_a_person: WithPerson
) -> None:
    """Found in a user's walk: after an answer was changed, the Answers list jumped back to
    its top; the volunteer lost their place."""
    window, rid = with_a_person("vol")
    window.resize(1280, 600)  # a short window: the list scrolls
    record = open_record_screen(qtbot, window, rid)
    choose_tab(qtbot, record.tabs, record.answers)
    tree = record.answers
    bar = tree.verticalScrollBar()
    assert bar is not None
    # a text answer far down the list (below the first screenful)
    texts = {"mailing.city", "birth.city", "mailing.street", "physical.city"}
    rows = [
        child
        for t in range(tree.topLevelItemCount())
        if (top := tree.topLevelItem(t)) is not None
        for i in range(top.childCount())
        if (child := top.child(i)) is not None
    ]
    key = next(
        str(r.data(0, Qt.ItemDataRole.UserRole))
        for r in reversed(rows)
        if r.data(0, Qt.ItemDataRole.UserRole) in texts
    )
    seen: list[int] = []

    def change(modal: QWidget) -> None:
        assert isinstance(modal, EditAnswerDialog)
        seen.append(bar.value())  # where the list was when the person double-clicked
        editor = modal.box.editor
        assert isinstance(editor, LineEditor)
        type_into(qtbot, editor.edit, "Busan")
        [buttons] = modal.findChildren(QDialogButtonBox)
        press_ok(qtbot, buttons)

    answer_modal(qtbot, change)
    double_click_tree_row(qtbot, tree, lambda item: item.data(0, Qt.ItemDataRole.UserRole) == key)
    idle(qtbot, window)

    def changed() -> bool:
        current = tree.currentItem()
        return current is not None and "Busan" in current.text(1)

    qtbot.waitUntil(changed, timeout=5000)
    assert seen and seen[0] > 0, f"{key} was not below the first screenful"
    assert bar.value() == seen[0]


def test_problems_are_said_in_the_staff_language_with_rows_named_as_the_table_shows(
    qtbot: QtBot, signed_in: SignedIn
) -> None:
    """Found in a user's walk: with Spanish chosen, check-in said "not a real date" and
    "not an A-Number", the interview "is after today (…)", and a list "[0].date: not a real
    date". Each is now in Spanish, a list's problem named by its row and column."""
    from tests.gui.test_gui_answer_boxes import add_a_criminal_entry

    window = signed_in("vol")
    staff_in_spanish(qtbot, window)
    assert window.board is not None
    seen: list[str] = []

    def fill(modal: QWidget) -> None:
        assert isinstance(modal, NewPersonDialog)
        type_into(qtbot, modal.family, "Testperson")
        type_into(qtbot, modal.given, "Ana")
        type_into(qtbot, modal.dob, "2001-02-30")
        type_into(qtbot, modal.a_number, "A-123")
        press_ok(qtbot, modal.buttons)
        seen.append(modal.errors.text())
        type_into(qtbot, modal.dob, "2001-02-03")
        type_into(qtbot, modal.a_number, "")
        press_ok(qtbot, modal.buttons)

    answer_modal(qtbot, fill)
    click(qtbot, window.board.new_button)
    idle(qtbot, window)
    assert "no es una fecha real" in seen[0] and "no es un número A" in seen[0], seen
    assert "not a real date" not in seen[0] and "not an A-Number" not in seen[0], seen

    assert window.person is not None
    interview = window.person.interview
    walk_to(qtbot, window, "daca.ever_granted")
    type_answer(qtbot, window, "daca.ever_granted", True)
    walk_to(qtbot, window, "dob")
    future = (window.today() + dt.timedelta(days=400)).isoformat()
    type_answer(qtbot, window, "dob", future)
    said = interview.boxes["dob"].error.text()
    assert said.startswith("es posterior a hoy"), said
    type_answer(qtbot, window, "dob", "2001-02-03")
    idle(qtbot, window)
    _editor, line = add_a_criminal_entry(qtbot, window)
    qtbot.keyClicks(line, "2019-02-30")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    box = interview.boxes["criminal"]
    qtbot.waitUntil(lambda: "fila 1" in box.error.text(), timeout=5_000)
    said = box.error.text()
    assert said.startswith("fila 1, Fecha") and "no es una fecha real" in said, said


def test_an_answer_the_forms_cannot_take_in_spanish_is_stopped_at_the_question(
    qtbot: QtBot, signed_in: SignedIn
) -> None:
    """Found in a user's walk (a blocker): with Spanish chosen, "Corea del Sur" and
    "visitante (B-2)" went onto the English USCIS forms, one through an approval. The question
    now says to answer in English, and an answer in another language keeps the page from
    turning, with the country's English name offered."""
    window = signed_in("vol")
    staff_in_spanish(qtbot, window)
    assert window.board is not None
    check_in(qtbot, window, {"family": "Testperson", "given": "Ana", "dob": "2001-03-04"})
    assert window.person is not None
    interview = window.person.interview
    walk_to(qtbot, window, "birth.country")
    box = interview.boxes["birth.country"]
    assert "Escriba la respuesta en inglés" in box.why.text(), box.why.text()
    type_answer(qtbot, window, "birth.country", "Corea del Sur")
    idle(qtbot, window)
    said = box.error.text()
    assert box.error.isVisible() and '"South Korea"' in said and "inglés" in said, said
    page = interview.page_label.text()
    click(qtbot, interview.next_button)
    idle(qtbot, window)
    assert interview.page_label.text() == page  # the page did not turn
    type_answer(qtbot, window, "birth.country", "South Korea")
    idle(qtbot, window)
    assert not box.error.isVisible()
    walk_to(qtbot, window, "arrival.status")
    type_answer(qtbot, window, "arrival.status", "visitante (B-2)")
    idle(qtbot, window)
    said = interview.boxes["arrival.status"].error.text()
    assert said.startswith("está en español"), said
