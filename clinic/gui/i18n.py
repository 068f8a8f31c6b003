"""The staff interface's language: Qt Linguist translations, switchable while the app runs.

Sources are ``resources/translations/clinic_<lang>.ts`` (made by ``tools/translations update``
with ``pyside6-lupdate``); ``tools/setup`` compiles them to ``.qm`` with ``pyside6-lrelease``.
Installing a translator makes Qt send every widget a ``LanguageChange`` event, and each screen
sets all its texts again in its ``translate_ui`` (as Frescobaldi does). English needs no file.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from clinic.domain.roles import Role
from clinic.resources import resources_dir

STAFF_LANGUAGES = ("en", "ko", "es")


def translations_dir() -> Path:
    return resources_dir() / "translations"


class Translations:
    """The one installed translator of the application (loaded from bytes the worker read)."""

    def __init__(self) -> None:
        self.translator: QTranslator | None = None
        self.data: bytes | None = None  # QTranslator reads from this buffer: keep it alive
        self.language = "en"

    def switch(self, lang: str, data: bytes | None) -> bool:
        """Show the staff interface in ``lang`` from its compiled translation ``data``; English
        (and False) when ``data`` is missing or unreadable. Qt then sends every widget a
        ``LanguageChange`` event."""
        app = QCoreApplication.instance()
        if app is None:
            return False
        if self.translator is not None:
            app.removeTranslator(self.translator)
            self.translator = None
        self.language, self.data = "en", None
        ok = lang == "en"
        if lang in STAFF_LANGUAGES and lang != "en" and data:
            translator = QTranslator(app)
            if translator.load(data):
                app.installTranslator(translator)
                self.translator, self.data, self.language = translator, data, lang
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
