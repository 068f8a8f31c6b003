"""The staff interface's language: Qt Linguist translations, switchable while the app runs.

Sources are ``resources/translations/clinic_<lang>.ts`` (made by ``tools/translations update``
with ``pyside6-lupdate``); ``tools/setup`` compiles them to ``.qm`` with ``pyside6-lrelease``.
Installing a translator makes Qt send every widget a ``LanguageChange`` event, and each screen
sets all its texts again in its ``translate_ui`` (as Frescobaldi does). English needs no file.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from clinic.domain.roles import Role

STAFF_LANGUAGES = ("en", "ko", "es")


def qt_translations_dir() -> Path:
    """Where Qt keeps its own translations (the words of standard buttons and dialogs)."""
    return Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))


class Translations:
    """The installed translators of the application (from bytes the worker read): ClinicDay's
    own and Qt's."""

    def __init__(self) -> None:
        self.translators: list[QTranslator] = []
        self.data: list[bytes] = []  # QTranslator reads from these buffers: keep them alive
        self.language = "en"

    def switch(self, lang: str, data: list[bytes]) -> bool:
        """Show the staff interface in ``lang`` from its compiled translations ``data`` (ours
        first); English, and False, when ours is missing or unreadable. Qt then sends every
        widget a ``LanguageChange`` event."""
        app = QCoreApplication.instance()
        if app is None:
            return False
        for translator in self.translators:
            app.removeTranslator(translator)
        self.translators, self.data, self.language = [], [], "en"
        ok = lang == "en"
        if lang in STAFF_LANGUAGES and lang != "en" and data:
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
    """The staff interface's language now (en, ko or es)."""
    lang = QLocale().name().split("_")[0]
    return lang if lang in STAFF_LANGUAGES else "en"


def role_label(role: Role) -> str:
    """A role's name in the staff language."""
    names = {
        Role.VOLUNTEER: QCoreApplication.translate("Roles", "volunteer"),
        Role.ATTORNEY: QCoreApplication.translate("Roles", "attorney"),
        Role.COORDINATOR: QCoreApplication.translate("Roles", "coordinator"),
        Role.ADMIN: QCoreApplication.translate("Roles", "administrator"),
    }
    return names[role]
