"""No internal key or code reaches a screen (issue 16 point 2): every tab, and every tab of a
person's record with a screening, a packet and an attorney's comment, in each staff language,
read as a person reads it (labels, buttons, lists, trees, text views) and searched for answer
keys and event codes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QLabel,
    QListWidget,
    QTableWidget,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)
from pytestqt.qtbot import QtBot

from clinic.domain.answers import ANSWER_KEYS
from clinic.domain.events import EventType
from clinic.domain.languages import staff_languages
from clinic.store.clinic import Clinic
from tests.conftest import PASSPHRASE
from tests.forms_fixture import SHARED_FORMS
from tests.gui.conftest import build_clinic, idle, sign_in
from tests.gui.test_gui_account import OpenWindow
from tests.gui.test_gui_day import build_from_record, open_record_screen
from tests.gui.test_gui_keys_languages import messages
from tests.gui.user import choose, choose_tab

CODES = sorted(
    {k for k in ANSWER_KEYS if "." in k or "_" in k}
    | {e.value for e in EventType if "_" in e.value},
    key=len,
    reverse=True,
)
FOUND = re.compile(r"(?<![\w@/.-])(" + "|".join(map(re.escape, CODES)) + r")(?![\w.])")


def _tree_texts(item: QTreeWidgetItem) -> list[str]:
    out = [item.text(c) for c in range(item.columnCount())]
    for i in range(item.childCount()):
        child = item.child(i)
        if child is not None:
            out += _tree_texts(child)
    return out


def shown_texts(root: QWidget) -> list[str]:
    """The texts a person can read in ``root`` now."""
    texts: list[str] = []
    for w in [root, *root.findChildren(QWidget)]:
        if not w.isVisible():
            continue
        if isinstance(w, QLabel | QAbstractButton):
            texts.append(w.text())
        elif isinstance(w, QTextBrowser):
            texts.append(w.toPlainText())
        elif isinstance(w, QComboBox):
            texts.append(w.currentText())
        elif isinstance(w, QListWidget):
            texts += [w.item(i).text() for i in range(w.count())]
        elif isinstance(w, QTreeWidget):
            for i in range(w.topLevelItemCount()):
                top = w.topLevelItem(i)
                if top is not None:
                    texts += _tree_texts(top)
        elif isinstance(w, QTableWidget):
            for r in range(w.rowCount()):
                cells = [w.item(r, c) for c in range(w.columnCount())]
                texts += [cell.text() for cell in cells if cell is not None]
    return texts


@pytest.mark.parametrize("lang", staff_languages())
def test_no_screen_shows_a_key_or_a_code(
    qtbot: QtBot, tmp_path: Path, open_window: OpenWindow, lang: str
) -> None:
    if not (SHARED_FORMS / "i-821d_2025-01-20.pdf").is_file():
        pytest.skip("the official PDFs are not in ../shared/forms")
    data = tmp_path / "c"
    [rid] = build_clinic(data, people=1)
    session = Clinic(data).unlock("atty", PASSPHRASE)
    window = open_window(data, forms=SHARED_FORMS, lang=lang)
    sign_in(qtbot, window, "admin")
    record = open_record_screen(qtbot, window, rid)
    build_from_record(qtbot, window, record)
    session.append_event(
        rid, EventType.REVIEW_COMMENT, {"text": "Synthetic comment.", "item": "birth.city"}
    )
    found: dict[str, list[str]] = {}
    assert window.tabs is not None
    for index in range(window.tabs.count()):
        page = window.tabs.widget(index)
        assert page is not None
        choose_tab(qtbot, window.tabs, page)
        idle(qtbot, window)
        if page is window.person:
            for tab in range(record.tabs.count()):
                shown = record.tabs.widget(tab)
                assert shown is not None
                choose_tab(qtbot, record.tabs, shown)
                idle(qtbot, window)
                for text in shown_texts(window):
                    found.update({m: [text] for m in FOUND.findall(text)})
            continue
        if page is window.counts and window.counts is not None:
            choose(qtbot, window.counts.breakdown, "language")
            idle(qtbot, window)
            table = window.counts.table
            keys = [
                str(getattr(table.item(r, 0), "text", str)()) for r in range(table.rowCount() - 1)
            ]
            assert keys and not [k for k in keys if re.fullmatch(r"[a-z]{2,3}", k)], keys
        for text in shown_texts(window):
            found.update({m: [text] for m in FOUND.findall(text)})
    assert not found, found
    # the timeline says what was built in the staff language ("packet 3f2a…, 10 files")
    said = [
        item.text(3)
        for i in range(record.timeline.topLevelItemCount())
        if (item := record.timeline.topLevelItem(i)) is not None
    ]
    english = "packet %1, %2 files"
    template = english if lang == "en" else dict(messages(lang))[english]
    assert lang == "en" or template != english, "untranslated"
    pattern = re.escape(template).replace("%1", "[0-9a-f]{12}").replace("%2", "[0-9]+")
    assert [s for s in said if re.fullmatch(pattern, s)], said
