"""The language registry in the app: a new entry is in the interview's and the staff's language
lists, reading English until its files exist; the pseudo-locale shows the staff interface and
the client's texts made from English, and is offered only while the interface is in it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from clinic.domain import languages
from clinic.domain.languages import FALLBACK, Language
from clinic.gui.i18n import staff_language
from clinic.gui.window import ClinicWindow
from clinic.resources import policy, questionnaire
from tests.gui.conftest import build_clinic, idle, sign_in

OpenWindow = Callable[..., ClinicWindow]


def _codes(box: object) -> list[str]:
    from PySide6.QtWidgets import QComboBox

    assert isinstance(box, QComboBox)
    return [str(box.itemData(i)) for i in range(box.count())]


@pytest.fixture
def vietnamese(monkeypatch: pytest.MonkeyPatch) -> str:
    questionnaire()  # read before the entry: a client language's texts are its files
    policy()
    entry = Language("vi", "Vietnamese", "Tiếng Việt")
    monkeypatch.setattr(languages, "LANGUAGES", (*languages.LANGUAGES, entry))
    return entry.code


@pytest.fixture
def back_to_english() -> Iterator[list[ClinicWindow]]:
    """Windows whose staff language goes back to English at the end (a translator stays
    installed in the application until it is switched)."""
    windows: list[ClinicWindow] = []
    yield windows
    for window in windows:
        window.translations.switch(FALLBACK, [])
    assert staff_language() == FALLBACK


def test_a_new_language_is_in_the_interview_and_staff_lists(
    qtbot: QtBot, tmp_path: Path, open_window: OpenWindow, vietnamese: str
) -> None:
    data = tmp_path / "c"
    [rid] = build_clinic(data, people=1)
    window = open_window(data)
    sign_in(qtbot, window, "vol")
    assert window.settings is not None and window.person is not None
    assert vietnamese in _codes(window.settings.language)
    window.open_person(rid)
    idle(qtbot, window)
    interview = window.person.interview
    assert window.person.currentWidget() is interview
    assert _codes(interview.language)[-1] == vietnamese
    interview.language.setCurrentIndex(interview.language.findData(FALLBACK))
    idle(qtbot, window)
    english = interview.group_title.text(), interview.panel.toPlainText()
    interview.language.setCurrentIndex(interview.language.findData(vietnamese))
    idle(qtbot, window)
    assert interview.lang == vietnamese
    # no texts yet: the questions and the screening read English
    assert (interview.group_title.text(), interview.panel.toPlainText()) == english
    interview.save_and_close()
    idle(qtbot, window)


def test_the_pseudo_locale_shows_every_text_made_from_english(
    qtbot: QtBot,
    tmp_path: Path,
    open_window: OpenWindow,
    back_to_english: list[ClinicWindow],
) -> None:
    [pseudo] = [lang.code for lang in languages.LANGUAGES if lang.pseudo]
    data = tmp_path / "c"
    [rid] = build_clinic(data, people=1)
    window = open_window(data, lang=pseudo)
    back_to_english.append(window)
    assert staff_language() == pseudo
    assert window.signin.button.text() == languages.pseudo("&Sign in")
    sign_in(qtbot, window, "vol")
    assert window.settings is not None and window.person is not None
    assert pseudo in _codes(window.settings.language)
    window.open_person(rid)
    idle(qtbot, window)
    interview = window.person.interview
    assert pseudo in _codes(interview.language)
    interview.language.setCurrentIndex(interview.language.findData(pseudo))
    idle(qtbot, window)
    title = interview.group_title.text()
    assert title.startswith("[") and title.endswith("]"), title
    box = next(iter(interview.boxes.values()))
    assert box.label.text().startswith("[")
    assert interview.panel.toPlainText().lstrip().startswith("[")  # the screening's outcome
    interview.save_and_close()
    idle(qtbot, window)


def test_the_pseudo_locale_is_not_offered_in_english(
    qtbot: QtBot, tmp_path: Path, open_window: OpenWindow
) -> None:
    [pseudo] = [lang.code for lang in languages.LANGUAGES if lang.pseudo]
    data = tmp_path / "c"
    [rid] = build_clinic(data, people=1)
    window = open_window(data)
    sign_in(qtbot, window, "vol")
    assert window.settings is not None and window.person is not None
    assert _codes(window.settings.language) == list(languages.staff_languages())
    window.open_person(rid)
    idle(qtbot, window)
    assert _codes(window.person.interview.language) == list(languages.client_languages())
    assert pseudo not in _codes(window.person.interview.language)
    window.person.interview.save_and_close()
    idle(qtbot, window)


def missing_glyphs(text: str) -> bool:
    """Whether Qt, laying out each word of ``text`` with its font fallback, has no glyph for a
    word, or draws a letter as the empty box of a letter no installed font has (glyph 0)."""
    from PySide6.QtGui import QTextLayout
    from PySide6.QtWidgets import QApplication

    for word in text.split():
        layout = QTextLayout(word, QApplication.font())
        layout.beginLayout()
        layout.createLine()
        layout.endLayout()
        glyphs = [g for run in layout.glyphRuns() for g in run.glyphIndexes()]
        letters = {ch for ch in word if ch.isalpha()}
        # a script no font has: no glyph at all, glyph 0, or one box for every letter
        if not glyphs or 0 in glyphs or (len(letters) > 1 and len(set(glyphs)) == 1):
            return True
    return False


def test_check_in_offers_every_spoken_language_by_name(
    qtbot: QtBot, tmp_path: Path, open_window: OpenWindow
) -> None:
    """Issue 16 point 1: "Language spoken" at check-in names languages, not codes, and lists
    the languages people speak, not only those ClinicDay has texts in: a Tagalog speaker is
    checked in as one, interviewed in English, and the record says Tagalog."""
    from PySide6.QtWidgets import QWidget

    from clinic.gui.board import NewPersonDialog
    from tests.gui.conftest import answer_modal
    from tests.gui.test_gui_day import check_in
    from tests.gui.user import click

    data = tmp_path / "c"
    build_clinic(data)
    window = open_window(data)
    sign_in(qtbot, window, "vol")
    seen: list[str] = []

    def look(modal: QWidget) -> None:
        assert isinstance(modal, NewPersonDialog)
        seen.extend(modal.language.itemText(i) for i in range(modal.language.count()))
        modal.reject()

    assert window.board is not None
    answer_modal(qtbot, look)
    click(qtbot, window.board.new_button)
    # those the interview is in come first, then the rest by name; never a bare code
    assert seen[:3] == ["English", "Korean (한국어)", "Spanish (español)"]
    assert "Tagalog" in seen and "Vietnamese (Tiếng Việt)" in seen and "Mam (Qyol Mam)" in seen
    assert len(seen) == len(languages.SPOKEN)
    assert not [s for s in seen if s.isascii() and s.islower()], seen
    # never the empty boxes of letters no font here has (this Linux test machine has no
    # Devanagari or Ethiopic font): such a language is named in words staff can read
    assert not [s for s in seen if missing_glyphs(s)], [s for s in seen if missing_glyphs(s)]
    assert any(s.startswith("Hindi") for s in seen) and any(s.startswith("Amharic") for s in seen)
    check_in(
        qtbot,
        window,
        {"family": "Testperson", "given": "Ana", "dob": "2001-03-04", "language": "tl"},
    )
    assert window.person is not None
    interview = window.person.interview
    assert interview.language.currentData() == FALLBACK  # asked in English
    asked = interview.boxes["language"].editor
    assert asked.focus_widget().currentText() == "Tagalog"  # type: ignore[attr-defined]
