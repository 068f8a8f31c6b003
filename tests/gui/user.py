"""What a person does with the app, for the GUI tests: click what they see, type, pick from a list
with the keyboard, answer the operating system's dialogs through the one seam
(:mod:`clinic.gui.osedge`), and read what is on the screen.

Every helper refuses to act on a widget a person could not reach (hidden or disabled), so a test
cannot pass by poking a control that is not on the screen. No helper calls a slot or a handler.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QPoint, QRect, Qt, QTimer
from PySide6.QtGui import QImage, QPageSize
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QListWidget,
    QRadioButton,
    QTabWidget,
    QTreeWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from clinic.gui.osedge import OsEdge

LEFT = Qt.MouseButton.LeftButton


def reachable(qtbot: QtBot, widget: QWidget) -> None:
    """Fail unless a person could reach ``widget``: shown on the screen (within a moment, as a
    new page's widgets show on the next turn of the event loop) and enabled."""
    if not widget.isVisible():
        qtbot.waitUntil(widget.isVisible, timeout=2000)
    assert widget.isVisible(), f"{widget.objectName() or widget} is not on the screen"
    assert widget.isEnabled(), f"{widget.objectName() or widget} is disabled"


def click(qtbot: QtBot, widget: QWidget) -> None:
    """Click the middle of ``widget`` with the left mouse button."""
    reachable(qtbot, widget)
    if isinstance(widget, QCheckBox | QRadioButton):
        # a check box reacts on its box and its label, not on the empty width beyond them
        qtbot.mouseClick(widget, LEFT, pos=QPoint(8, widget.height() // 2))
    else:
        qtbot.mouseClick(widget, LEFT)


def type_into(qtbot: QtBot, widget: QWidget, text: str, *, replace: bool = True) -> None:
    """Click into a text box and type (select-all and type over it when ``replace``)."""
    reachable(qtbot, widget)
    qtbot.mouseClick(widget, LEFT)
    if replace:
        qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClick(widget, Qt.Key.Key_Delete)
    qtbot.keyClicks(widget, text)


def choose(qtbot: QtBot, combo: QComboBox, match: object) -> None:
    """Pick the entry whose data (or, failing that, text) is ``match`` with the keyboard:
    focus the list, Home, then Down until it is chosen."""
    reachable(qtbot, combo)
    index = combo.findData(match)
    if index < 0:
        index = combo.findText(str(match))
    shown = [combo.itemText(i) for i in range(combo.count())]
    assert index >= 0, f"{match!r} is not one of {shown}"
    choose_index(qtbot, combo, index)


def choose_index(qtbot: QtBot, combo: QComboBox, index: int) -> None:
    """Pick entry ``index`` of a drop-down list with the keyboard."""
    reachable(qtbot, combo)
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    for _ in range(index):
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentIndex() == index


def choose_tab(qtbot: QtBot, tabs: QTabWidget, page: QWidget) -> None:
    """Click the tab of ``page`` in the tab bar."""
    reachable(qtbot, tabs)
    index = tabs.indexOf(page)
    assert index >= 0, "no such tab"
    bar = tabs.tabBar()
    assert bar.isTabVisible(index) and bar.isTabEnabled(index)
    qtbot.mouseClick(bar, LEFT, pos=bar.tabRect(index).center())
    assert tabs.currentIndex() == index


def click_list_row(qtbot: QtBot, view: QListWidget, row: int, *, double: bool = False) -> None:
    """Click (or double-click) row ``row`` of a list, scrolled into view first."""
    reachable(qtbot, view)
    item = view.item(row)
    view.scrollToItem(item)
    point = visible_point(view.visualItemRect(item), view.viewport().width())
    qtbot.mouseClick(view.viewport(), LEFT, pos=point)
    if double:
        qtbot.mouseDClick(view.viewport(), LEFT, pos=point)


def double_click_tree_row(qtbot: QtBot, tree: QTreeWidget, match: Callable[..., bool]) -> None:
    """Double-click the first row of a tree for which ``match(item)`` holds."""
    click_tree_row(qtbot, tree, match, double=True)


def click_tree_row(
    qtbot: QtBot, tree: QTreeWidget, match: Callable[..., bool], *, double: bool = False
) -> None:
    """Click (or double-click) the first row of a tree for which ``match(item)`` holds."""
    reachable(qtbot, tree)
    items = []
    for i in range(tree.topLevelItemCount()):
        top = tree.topLevelItem(i)
        assert top is not None
        items.append(top)
        items.extend(c for j in range(top.childCount()) if (c := top.child(j)) is not None)
    item = next((it for it in items if match(it)), None)
    assert item is not None, "no such row"
    tree.scrollToItem(item)
    point = visible_point(tree.visualItemRect(item), tree.viewport().width())
    qtbot.mouseClick(tree.viewport(), LEFT, pos=point)
    if double:
        qtbot.mouseDClick(tree.viewport(), LEFT, pos=point)


def visible_point(rect: QRect, width: int) -> QPoint:
    """A point of a row that is on the screen (a row may be wider than its view)."""
    right = min(rect.right(), width - 1)
    assert right > rect.left(), "the row is scrolled out of sight"
    return QPoint((rect.left() + right) // 2, rect.center().y())


def press_ok(qtbot: QtBot, buttons: QDialogButtonBox) -> None:
    """Click a dialog's OK button."""
    click(qtbot, buttons.button(QDialogButtonBox.StandardButton.Ok))


def click_button_named(qtbot: QtBot, parent: QWidget, text: str) -> None:
    """Click the button under ``parent`` that reads ``text`` (ampersands ignored)."""
    found = [b for b in parent.findChildren(QAbstractButton) if b.text().replace("&", "") == text]
    assert found, f"no button reads {text!r}"
    click(qtbot, found[0])


def on_next_dialog(qtbot: QtBot, act: Callable[[QWidget], None]) -> None:
    """Run ``act`` on the next modal dialog as soon as it opens (dialogs block in exec())."""

    def poke() -> None:
        modal = QApplication.activeModalWidget()
        if modal is None:
            QTimer.singleShot(20, poke)
            return
        try:
            act(modal)
        except BaseException:
            modal.close()  # never leave a test waiting on a dialog; pytest-qt reports the error
            raise

    QTimer.singleShot(20, poke)


def screen_ink(image: QImage, left: int, top: int, width: int, height: int) -> int:
    """How many pixels in a rectangle of ``image`` are dark (text, ticks), as a person sees."""
    dark = 0
    for y in range(max(0, top), min(image.height(), top + height)):
        for x in range(max(0, left), min(image.width(), left + width)):
            color = image.pixelColor(QPoint(x, y))
            if color.alpha() < 128:
                continue  # QtPdf leaves a page's unpainted background transparent: paper
            if color.red() + color.green() + color.blue() < 3 * 110:
                dark += 1
    return dark


@dataclass
class FakeEdge(OsEdge):
    """The operating system's dialogs, answered by the test: queued answers, and a record of
    what was asked. An empty queue means the person cancelled."""

    folders: list[Path] = field(default_factory=list)
    save_paths: list[Path] = field(default_factory=list)
    open_paths: list[list[Path]] = field(default_factory=list)
    print_files: list[Path] = field(default_factory=list)
    asked: list[str] = field(default_factory=list)

    def choose_folder(self, parent: QWidget, title: str) -> Path | None:
        self.asked.append(f"folder: {title}")
        return self.folders.pop(0) if self.folders else None

    def choose_save_path(self, parent: QWidget, title: str, suggested: str) -> Path | None:
        self.asked.append(f"save: {title} ({suggested})")
        return self.save_paths.pop(0) if self.save_paths else None

    def choose_open_paths(self, parent: QWidget, title: str, pattern: str) -> list[Path]:
        self.asked.append(f"open files: {title}")
        return self.open_paths.pop(0) if self.open_paths else []

    def choose_open_path(self, parent: QWidget, title: str, pattern: str = "") -> Path | None:
        self.asked.append(f"open file: {title}")
        return self.open_paths.pop(0)[0] if self.open_paths else None

    def choose_printer(self, parent: QWidget, title: str) -> QPrinter | None:
        """The print dialog, answered "print to this PDF file" (Qt's own PDF printer, as a
        person picks "Print to File (PDF)"), at the resolution the real dialog gives."""
        self.asked.append(f"printer: {title}")
        if not self.print_files:
            return None
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.Letter))  # as the real edge does
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(self.print_files.pop(0)))
        return printer


def answer_input_dialogs(qtbot: QtBot, answers: list[str]) -> None:
    """Answer the next ``QInputDialog``s in turn, as a person does: type the text (or pick the
    entry of a list with the keyboard) and click OK."""
    from PySide6.QtWidgets import QInputDialog, QLineEdit

    remaining = list(answers)

    def answer(dialog: QWidget) -> None:
        assert isinstance(dialog, QInputDialog), type(dialog).__name__
        value = remaining.pop(0)
        if remaining:
            on_next_dialog(qtbot, answer)  # the next one opens when this one closes
        combo = dialog.findChild(QComboBox)
        if combo is not None and combo.isVisible():
            choose(qtbot, combo, value)
        else:
            edit = dialog.findChild(QLineEdit)
            assert edit is not None
            type_into(qtbot, edit, value)
        [buttons] = dialog.findChildren(QDialogButtonBox)
        press_ok(qtbot, buttons)

    on_next_dialog(qtbot, answer)
