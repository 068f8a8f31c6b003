"""The staff interface's language: Qt Linguist translations, switchable while the app runs.

Sources are ``resources/translations/clinic_<lang>.ts`` (made by ``tools/translations update``
with ``pyside6-lupdate``); ``tools/setup`` compiles them to ``.qm`` with ``pyside6-lrelease``.
Installing a translator makes Qt send every widget a ``LanguageChange`` event, and each screen
sets all its texts again in its ``translate_ui`` (as Frescobaldi does). English needs no file.

The languages are the registry's (:mod:`clinic.domain.languages`). A pseudo language has no
file either: :class:`PseudoTranslator` makes every string of ClinicDay's own interface (and the
words of Qt's standard buttons) from its English source with
:func:`~clinic.domain.languages.pseudo`, so a string that shows without brackets was never
passed through ``tr()`` and one that shows without its closing bracket is clipped.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFontDatabase, QTextLayout
from PySide6.QtWidgets import QApplication, QComboBox

from clinic.domain.display import answer_text, language_text
from clinic.domain.languages import (
    FALLBACK,
    SPOKEN,
    client_languages,
    english_name,
    is_pseudo,
    name_in,
    native_name,
    pseudo,
    staff_languages,
)
from clinic.domain.questionnaire import Question
from clinic.domain.roles import Role

# Qt's own contexts are its class names (QPlatformTheme, QShortcut...): only the words of the
# standard buttons and message boxes are shown in a pseudo language; the others stay English
# (Qt reads some of them back, as QGuiApplication's QT_LAYOUT_DIRECTION or key names).
_QT_CONTEXT = re.compile(r"^Q[A-Z]")
_QT_SHOWN = frozenset({"QPlatformTheme", "QDialogButtonBox", "QMessageBox"})
_pseudo_language = ""  # the staff interface's pseudo language, while it is in one


class PseudoTranslator(QTranslator):
    """Every source string, in the pseudo-locale (made at run time: no file to build)."""

    def translate(
        self,
        context: str,
        source_text: str,
        disambiguation: str | None = None,
        n: int = -1,
    ) -> str:
        if _QT_CONTEXT.match(context or "") and context not in _QT_SHOWN:
            return ""  # not translated here: Qt keeps the English
        return pseudo(source_text)

    def isEmpty(self) -> bool:
        return False


def qt_translations_dir() -> Path:
    """Where Qt keeps its own translations (the words of standard buttons and dialogs)."""
    return Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))


class Translations:
    """The installed translators of the application (from bytes the worker read): ClinicDay's
    own and Qt's."""

    def __init__(self) -> None:
        self.translators: list[QTranslator] = []
        self.data: list[bytes] = []  # QTranslator reads from these buffers: keep them alive
        self.language = FALLBACK

    def switch(self, lang: str, data: list[bytes]) -> bool:
        """Show the staff interface in ``lang`` from its compiled translations ``data`` (ours
        first); English, and False, when ours is missing or unreadable. Qt then sends every
        widget a ``LanguageChange`` event."""
        global _pseudo_language
        app = QCoreApplication.instance()
        if app is None:
            return False
        for translator in self.translators:
            app.removeTranslator(translator)
        self.translators, self.data, self.language = [], [], FALLBACK
        _pseudo_language = ""
        ok = lang == FALLBACK
        if is_pseudo(lang) and lang in staff_languages(pseudo=True):
            translator = PseudoTranslator(app)
            app.installTranslator(translator)
            self.translators, self.language, _pseudo_language = [translator], lang, lang
            QLocale.setDefault(QLocale(FALLBACK))  # dates and numbers as in English
            return True
        if lang in staff_languages() and lang != FALLBACK and data:
            translators = [QTranslator(app) for _ in data]
            loaded = [t for t, blob in zip(translators, data, strict=True) if t.load(blob)]
            if translators[0] in loaded:  # ours is the one that must be there
                for translator in loaded:
                    app.installTranslator(translator)
                self.translators, self.data, self.language = loaded, list(data), lang
                ok = True
        QLocale.setDefault(QLocale(self.language))
        return ok


def staff_language() -> str:
    """The staff interface's language now (a staff language of the registry)."""
    if _pseudo_language:
        return _pseudo_language
    lang = QLocale().name().split("_")[0]
    return lang if lang in staff_languages() else FALLBACK


def pseudo_active() -> bool:
    """Whether the lists of languages offer the pseudo ones too (while the staff interface is
    in one: never in a clinic's ordinary use)."""
    return bool(_pseudo_language)


def role_label(role: Role) -> str:
    """A role's name in the staff language."""
    names = {
        Role.VOLUNTEER: QCoreApplication.translate("Roles", "volunteer"),
        Role.ATTORNEY: QCoreApplication.translate("Roles", "attorney"),
        Role.COORDINATOR: QCoreApplication.translate("Roles", "coordinator"),
        Role.ADMIN: QCoreApplication.translate("Roles", "administrator"),
    }
    return names[role]


def fill_languages(box: QComboBox, codes: Sequence[str]) -> None:
    """List languages by their own names, capitalized as a menu shows them (``Español``,
    ``한국어``), each with its code as the item's data; the chosen one stays chosen when it is
    still listed. No signal is sent."""
    chosen = box.currentData()
    if [box.itemData(i) for i in range(box.count())] == list(codes):
        return
    box.blockSignals(True)
    box.clear()
    for code in codes:
        name = native_name(code)
        box.addItem(name[:1].upper() + name[1:], code)
    index = box.findData(chosen)
    box.setCurrentIndex(index if index >= 0 else 0)
    box.blockSignals(False)


_DRAWABLE: dict[str, bool] = {}


def drawable(text: str) -> bool:
    """Whether this computer has a font for every letter of ``text``: laid out as Qt draws it
    (with its font fallback), no glyph is the empty box of a missing letter."""
    if text not in _DRAWABLE:
        layout = QTextLayout(text, QApplication.font())
        layout.beginLayout()
        layout.createLine()
        layout.endLayout()
        glyphs = [g for run in layout.glyphRuns() for g in run.glyphIndexes()]
        letters = {ch for ch in text if ch.isalpha()}
        # a script no font has comes out as no glyph, as glyph 0, or as one glyph (a box)
        # for every different letter
        _DRAWABLE[text] = (
            bool(glyphs)
            and 0 not in glyphs
            and not (len(letters) > 1 and len(set(glyphs)) == 1)
            and all(_script_has_a_font(ch) for ch in letters)
        )
    return _DRAWABLE[text]


# scripts Qt can ask its font database about (the others are judged by their glyphs alone)
_SCRIPTS = {
    "DEVANAGARI": QFontDatabase.WritingSystem.Devanagari,
    "BENGALI": QFontDatabase.WritingSystem.Bengali,
    "GURMUKHI": QFontDatabase.WritingSystem.Gurmukhi,
    "GUJARATI": QFontDatabase.WritingSystem.Gujarati,
    "THAI": QFontDatabase.WritingSystem.Thai,
    "LAO": QFontDatabase.WritingSystem.Lao,
    "KHMER": QFontDatabase.WritingSystem.Khmer,
    "MYANMAR": QFontDatabase.WritingSystem.Myanmar,
    "ARABIC": QFontDatabase.WritingSystem.Arabic,
    "CYRILLIC": QFontDatabase.WritingSystem.Cyrillic,
    "HANGUL": QFontDatabase.WritingSystem.Korean,
}


def _script_has_a_font(ch: str) -> bool:
    script = unicodedata.name(ch, "").split(" ")[0]
    system = _SCRIPTS.get(script)
    return system is None or bool(QFontDatabase.families(system))


def spoken_label(code: str, staff: str = FALLBACK) -> str:
    """A spoken language for staff, with its own name beside it (``Korean (한국어)``) only when
    this computer can draw that name: never boxes in place of letters (a Linux laptop without
    a Devanagari font shows ``Hindi``)."""
    shown = language_text(code, staff)
    own = native_name(code)
    if not own or own not in shown or drawable(own):
        return shown
    named = name_in(code, staff) or english_name(code) or code
    return named[:1].upper() + named[1:]


def answer_shown(question: Question, value: Any, lang: str, *, reveal: bool = False) -> str:
    """An answer in words (:func:`clinic.domain.display.answer_text`), a language by a name
    this computer can draw (:func:`spoken_label`)."""
    if question.key == "language" and isinstance(value, str):
        return spoken_label(value, lang)
    return answer_text(question, value, lang, reveal=reveal)


def _sort_key(code: str, staff: str) -> str:
    """A language's name as a list orders it: accents do not count ("Árabe" among the A's,
    not after "Zulú")."""
    name = unicodedata.normalize("NFKD", spoken_label(code, staff))
    return "".join(ch for ch in name if not unicodedata.combining(ch)).casefold()


def spoken_items() -> list[tuple[str, str]]:
    """(name, code) of every language people speak, as staff choose from them: those the
    interview and the take-home sheet are in first, then every other in the order of its name,
    each named in the staff language by :func:`spoken_label`."""
    staff = staff_language()
    served = client_language_choices()
    others = sorted((c for c in SPOKEN if c not in served), key=lambda c: _sort_key(c, staff))
    return [(spoken_label(code, staff), code) for code in [*served, *others]]


def fill_spoken(box: QComboBox) -> None:
    """The languages people speak, named for staff in the staff language (``Korean (한국어)``,
    ``Coreano (한국어)``, ``Tagalog``), each with its code as the item's data: those the
    interview and the take-home sheet are in first, then every other in the order of its name
    (a person speaking one is interviewed in English or through an interpreter; the language
    is still recorded, for the forms and the counts). Typing a name's first letters picks it."""
    items = spoken_items()
    if [(box.itemText(i), box.itemData(i)) for i in range(box.count())] == items:
        return
    chosen = box.currentData()
    box.blockSignals(True)
    box.clear()
    for label, code in items:
        box.addItem(label, code)
    index = box.findData(chosen)
    box.setCurrentIndex(index if index >= 0 else 0)
    box.blockSignals(False)


def client_language_choices() -> tuple[str, ...]:
    """The languages a client can be served in, for the lists staff choose from (the pseudo
    ones too while the staff interface is in one)."""
    return client_languages(pseudo=pseudo_active())


def staff_language_choices() -> tuple[str, ...]:
    """The languages of the staff interface, for Settings (the pseudo ones too while the
    interface is in one)."""
    return staff_languages(pseudo=pseudo_active())
