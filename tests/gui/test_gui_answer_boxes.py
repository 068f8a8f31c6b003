"""Answer boxes that change only when a person means it (from a user's walk, issue 16): the
mouse wheel over a choice scrolls the page and leaves the answer alone; after Add on a list
(trips, arrests) what the person types lands in the new entry, never on the buttons."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from clinic.gui.fields import ComboEditor, ListEditor
from clinic.gui.window import ClinicWindow
from tests.gui.conftest import SignedIn, idle
from tests.gui.test_gui_day import check_in, type_answer, walk_to
from tests.gui.user import click


def wheel_over(widget: QWidget, notches: int) -> None:
    """Turn the mouse wheel ``notches`` down with the pointer over ``widget`` (as the window
    system delivers it: to the widget under the pointer)."""
    centre = QPointF(widget.rect().center())
    for _ in range(notches):
        event = QWheelEvent(
            centre,
            QPointF(widget.mapToGlobal(QPoint(int(centre.x()), int(centre.y())))),
            QPoint(0, 0),
            QPoint(0, -120),
            Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.NoModifier,
            Qt.ScrollPhase.NoScrollPhase,
            False,
        )
        QApplication.sendEvent(widget, event)


def test_the_wheel_over_a_choice_scrolls_and_leaves_the_answer(
    qtbot: QtBot, signed_in: SignedIn
) -> None:
    window = signed_in("vol")
    check_in(qtbot, window, {"family": "Testperson", "given": "Rae", "dob": "2001-03-04"})
    assert window.person is not None
    interview = window.person.interview
    walk_to(qtbot, window, "daca.ever_granted")
    editor = interview.boxes["daca.ever_granted"].editor
    assert isinstance(editor, ComboEditor)
    interview.next_button.setFocus()  # the person's focus is elsewhere: they are reading
    before = editor.combo.currentText()
    wheel_over(editor.combo, 2)
    assert editor.combo.currentText() == before  # scrolling past never answers
    assert "daca.ever_granted" not in interview.interview.answers


def add_a_criminal_entry(qtbot: QtBot, window: ClinicWindow) -> tuple[ListEditor, QLineEdit]:
    """Walk to the arrests question, click Add, and return its table and the box open for
    typing the new entry's first field (the keys go there)."""
    assert window.person is not None
    walk_to(qtbot, window, "criminal")
    editor = window.person.interview.boxes["criminal"].editor
    assert isinstance(editor, ListEditor)
    click(qtbot, editor.add_button)
    idle(qtbot, window)
    assert editor.table.state() == QAbstractItemView.State.EditingState
    line = editor.table.findChild(QLineEdit)
    assert line is not None
    return editor, line


def test_typing_after_add_lands_in_the_new_entry(qtbot: QtBot, signed_in: SignedIn) -> None:
    window = signed_in("vol")
    check_in(qtbot, window, {"family": "Testperson", "given": "Lu", "dob": "2001-03-04"})
    assert window.person is not None
    walk_to(qtbot, window, "daca.ever_granted")
    type_answer(qtbot, window, "daca.ever_granted", True)
    editor, line = add_a_criminal_entry(qtbot, window)
    assert line.isVisible()
    qtbot.keyClicks(line, "2019-03-03")
    qtbot.keyClick(line, Qt.Key.Key_Return)  # Qt commits the typed text a moment later
    first = editor.table.item(0, 0)
    assert first is not None
    qtbot.waitUntil(lambda: first.text() == "2019-03-03", timeout=5_000)
    assert editor.table.rowCount() == 1  # Space or Enter never pressed Add again
    # the date reads whole in its column, not "20…" (found in a user's walk)
    shown = editor.table.visualItemRect(first).width()
    assert shown >= editor.table.fontMetrics().horizontalAdvance("2019-03-03") + 8, shown
