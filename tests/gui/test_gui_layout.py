"""The packet beside its answers (issue 16 points 3 and 6): at 1280x720 and 1920x1080 the
answer column of the record's Answers tab and of the attorney's review panel is on screen, next
to its question, as a person sees it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtWidgets import QComboBox, QStyle, QStyleOptionComboBox, QTreeWidget
from pytestqt.qtbot import QtBot

from tests.gui.conftest import WithPerson, idle, sign_in
from tests.gui.test_gui_account import OpenWindow
from tests.gui.test_gui_day import build_from_record, open_record_screen
from tests.gui.user import choose, choose_tab, click, click_list_row


def answers_on_screen(qtbot: QtBot, tree: QTreeWidget) -> None:
    qtbot.wait(50)  # laid out as shown
    width = tree.viewport().width()
    assert tree.columnViewportPosition(1) < width * 0.6, "the answers start off to the right"
    assert tree.columnWidth(1) > 120 or tree.header().stretchLastSection()
    assert tree.columnViewportPosition(1) + 120 < width, "the answer column is off-screen"


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_answers_sit_beside_their_questions(
    qtbot: QtBot, tmp_path: Path, with_a_person: WithPerson, size: tuple[int, int]
) -> None:
    window, rid = with_a_person("vol")
    window.resize(*size)
    record = open_record_screen(qtbot, window, rid)
    choose_tab(qtbot, record.tabs, record.answers)
    answers_on_screen(qtbot, record.answers)
    build_from_record(qtbot, window, record)
    click(qtbot, window.lock_button)
    idle(qtbot, window)
    sign_in(qtbot, window, "atty")
    window.resize(*size)
    review = window.review
    assert review is not None and window.tabs is not None
    assert window.tabs.currentWidget() is review  # an attorney starts on Review
    idle(qtbot, window)
    click_list_row(qtbot, review.queue, 0)
    idle(qtbot, window)
    answers_on_screen(qtbot, review.answers)
    # a US Letter page (612 points wide) fits its width at 1.05 pixels a point or more: a
    # cover sheet's 9-point text reads at about 10 pixels without zooming (found in a walk)
    pane = review.viewer.pane.view.viewport()
    assert pane.width() >= 612 * 1.05, (pane.width(), review.split.sizes(), window.width())
    # the queue shows whole names
    row = review.queue.item(0)
    assert row is not None
    room = review.queue.viewport().width()
    lines = row.text().splitlines()
    assert len(lines) == 2  # the name, then the birth date under it
    assert all(review.queue.fontMetrics().horizontalAdvance(line) <= room for line in lines)
    window.grab().save(str(tmp_path / f"review-{size[0]}.png"))  # kept, to look at


def test_the_longest_name_never_makes_the_window_wider_than_the_screen(
    qtbot: QtBot, tmp_path: Path, open_window: OpenWindow
) -> None:
    """Names as long as check-in takes (60 letters each part): the window can still be made as
    narrow as a 1280-pixel screen, on the interview and on the record."""
    from tests.gui.conftest import build_clinic
    from tests.gui.test_gui_day import check_in

    data = tmp_path / "c"
    build_clinic(data)
    window = open_window(data)
    sign_in(qtbot, window, "vol")
    long_name = "Testperson" * 6  # 60 letters
    check_in(qtbot, window, {"family": long_name, "given": long_name, "dob": "2001-03-04"})
    window.resize(1280, 720)
    qtbot.wait(50)
    assert window.minimumSizeHint().width() <= 1280
    assert window.width() <= 1280
    assert window.person is not None
    title = window.person.interview.title
    assert title.text().startswith(long_name) and title.width() <= 1280
    # on Today the name wraps inside its column: no piece wider than the column, none cut off
    assert window.board is not None and window.tabs is not None
    choose_tab(qtbot, window.tabs, window.board)
    click(qtbot, window.board.refresh_button)
    idle(qtbot, window)
    [column] = [lst for lst in window.board.lists.values() if lst.count()]
    item = column.item(0)
    assert item is not None and item.toolTip().startswith(f"{long_name}, {long_name}")
    room = column.viewport().width()
    pieces = re.split(r"[\s\u200b]+", item.text())
    assert "".join(pieces).startswith(f"{long_name},{long_name}")  # every letter shown
    assert max(column.fontMetrics().horizontalAdvance(p) for p in pieces) < room
    assert column.visualItemRect(item).height() > 3 * column.fontMetrics().height()


def test_a_new_page_opens_at_its_first_question(
    qtbot: QtBot, tmp_path: Path, open_window: OpenWindow
) -> None:
    """Issue 16 point 3: after scrolling to the bottom of a long page and pressing Next, the
    next page showed from where the last one was scrolled, past its first question."""
    from tests.gui.conftest import build_clinic
    from tests.gui.test_gui_day import check_in

    data = tmp_path / "c"
    build_clinic(data)
    window = open_window(data)
    sign_in(qtbot, window, "vol")
    window.resize(1280, 720)
    check_in(qtbot, window, {"family": "Testperson", "given": "Ana", "dob": "2001-03-04"})
    assert window.person is not None
    interview = window.person.interview
    bar = interview.scroll_area.verticalScrollBar()
    scrolled = False
    for _ in range(40):  # page by page, each scrolled to its end as a person reads on
        idle(qtbot, window)
        if bar.maximum() > 0:
            bar.setValue(bar.maximum())
            scrolled = True
        if not interview.next_button.isEnabled():
            break
        click(qtbot, interview.next_button)
        idle(qtbot, window)
        first = next(iter(interview.boxes.values()))
        top = first.mapTo(interview.scroll_area.viewport(), first.rect().topLeft())
        assert top.y() >= 0, (interview.page_label.text(), top.y())
    assert scrolled, "no page was long enough to scroll at 1280x720"


def test_with_no_person_open_the_person_tab_offers_nothing_to_do(
    qtbot: QtBot, tmp_path: Path, open_window: OpenWindow
) -> None:
    """Found in a user's walk: signed in with no one open, Copy A-Number, Copy SSN, Screen
    again and Interview were live (Interview did nothing). Then a person is opened and they
    are."""
    from tests.gui.conftest import build_clinic
    from tests.gui.test_gui_day import open_record_screen

    data = tmp_path / "c"
    [rid] = build_clinic(data, people=1)
    window = open_window(data)
    sign_in(qtbot, window, "coord")
    assert window.person is not None and window.tabs is not None
    choose_tab(qtbot, window.tabs, window.person)
    record = window.person.record
    buttons = (
        record.copy_a_number,
        record.copy_ssn,
        record.screen_button,
        record.interview_button,
        record.build_button,
    )
    assert [b.text() for b in buttons if b.isEnabled()] == []
    assert "Open a person from Today" in record.status.text()  # says what to do instead
    open_record_screen(qtbot, window, rid)
    assert record.screen_button.isEnabled() and record.interview_button.isEnabled()
    assert record.copy_a_number.isEnabled()


def combo_text_fits(combo: QComboBox) -> bool:
    """Whether a drop-down list shows its chosen entry whole, as the style draws it."""
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    field = combo.style().subControlRect(
        QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, combo
    )
    return combo.fontMetrics().horizontalAdvance(combo.currentText()) <= field.width()


def test_drop_down_lists_grow_with_the_staff_language(
    qtbot: QtBot, with_a_person: WithPerson
) -> None:
    """Found in a user's walk: switched to Spanish, the Packet tab cut its lists to
    "Tarjeta (Formulario G-145(" and "Ninguno (sin G": they kept their English width."""
    window, rid = with_a_person("vol")
    window.resize(1280, 720)
    record = open_record_screen(qtbot, window, rid)
    choose_tab(qtbot, record.tabs, record.packet_tab)
    assert combo_text_fits(record.payment) and combo_text_fits(record.attorney)
    assert window.tabs is not None and window.settings is not None and window.person is not None
    choose_tab(qtbot, window.tabs, window.settings)
    choose(qtbot, window.settings.language, "es")
    qtbot.waitUntil(lambda: record.payment.currentText().startswith("Tarjeta"))
    choose_tab(qtbot, window.tabs, window.person)
    idle(qtbot, window)
    qtbot.wait(50)  # laid out as shown
    for width in (1280, 1024, 800):  # maximized, half a wide screen, as narrow as it goes
        window.resize(width, 700)
        qtbot.wait(80)  # laid out as shown
        assert window.width() <= 1280
        for combo in (record.payment, record.attorney):
            assert combo.isVisible() and combo_text_fits(combo), (width, combo.currentText())


def test_every_count_column_is_on_screen_in_spanish_at_1280(
    qtbot: QtBot, tmp_path: Path, open_window: OpenWindow
) -> None:
    """Found in a user's walk: in Spanish the Counts table's last column ("Expedientes
    cerrados") was off-screen at 1280x720."""
    from tests.gui.conftest import build_clinic

    data = tmp_path / "c"
    build_clinic(data, people=2)
    window = open_window(data)
    window.resize(1280, 720)
    sign_in(qtbot, window, "coord")
    assert window.tabs is not None and window.settings is not None
    choose_tab(qtbot, window.tabs, window.settings)
    choose(qtbot, window.settings.language, "es")
    counts = window.counts
    assert counts is not None
    qtbot.waitUntil(lambda: window.tabs is not None and window.tabs.tabText(0) != "&Today")
    choose_tab(qtbot, window.tabs, counts)
    idle(qtbot, window)
    click(qtbot, counts.show_button)
    idle(qtbot, window)
    qtbot.wait(50)  # laid out as shown
    table = counts.table
    assert table.rowCount() >= 1
    assert table.horizontalHeader().length() <= table.viewport().width(), (
        table.horizontalHeader().length(),
        table.viewport().width(),
    )


def test_languages_are_named_in_the_staff_language_in_the_lists_staff_choose_from(
    qtbot: QtBot, tmp_path: Path, open_window: OpenWindow
) -> None:
    """Found in user walks: with Spanish chosen, the check-in list said "Korean (한국어)" and
    the interview's language question "Nepali (□□□□□□□" (a script this computer cannot
    draw). Both lists now name languages in Spanish, their own name beside it only where the
    screen can draw it."""
    from PySide6.QtWidgets import QWidget

    from clinic.gui.board import NewPersonDialog
    from clinic.gui.fields import LanguageEditor
    from clinic.gui.i18n import drawable
    from tests.gui.conftest import answer_modal, build_clinic, staff_in_spanish
    from tests.gui.test_gui_day import check_in

    data = tmp_path / "c"
    build_clinic(data)
    window = open_window(data)
    sign_in(qtbot, window, "vol")
    staff_in_spanish(qtbot, window)
    assert window.board is not None
    listed: list[str] = []

    def read(modal: QWidget) -> None:
        assert isinstance(modal, NewPersonDialog)
        listed.extend(modal.language.itemText(i) for i in range(modal.language.count()))
        modal.reject()

    answer_modal(qtbot, read)
    click(qtbot, window.board.new_button)
    idle(qtbot, window)
    assert "Coreano (한국어)" in listed and "Korean (한국어)" not in listed, listed
    # in the order of the names, accents aside: "Árabe" among the A's, not after "Zulú"
    arabic = next(i for i, text in enumerate(listed) if text.startswith("Árabe"))
    assert listed[arabic + 1][0] in "ABC", listed[arabic - 2 : arabic + 2]
    check_in(qtbot, window, {"family": "Testperson", "given": "Ana", "dob": "2001-03-04"})
    assert window.person is not None
    editor = window.person.interview.boxes["language"].editor
    assert isinstance(editor, LanguageEditor)
    asked = [editor.combo.itemText(i) for i in range(1, editor.combo.count())]  # not "(none)"
    assert any(text.startswith("Coreano") for text in asked), asked
    assert all(drawable(text) for text in asked), [t for t in asked if not drawable(t)]
