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
    """The one installed translator of the application."""

    def __init__(self) -> None:
        self.translator: QTranslator | None = None
        self.language = "en"

    def switch(self, lang: str) -> bool:
        """Show the staff interface in ``lang``; False (and English) if its file is missing."""
        app = QCoreApplication.instance()
        if app is None:
            return False
        if self.translator is not None:
            app.removeTranslator(self.translator)
            self.translator = None
        self.language = "en"
        ok = lang == "en"
        if lang in STAFF_LANGUAGES and lang != "en":
            translator = QTranslator(app)
            if translator.load(str(translations_dir() / f"clinic_{lang}.qm")):
                app.installTranslator(translator)
                self.translator = translator
                self.language = lang
                ok = True
        QLocale.setDefault(QLocale(self.language))
        return ok


def role_label(role: Role) -> str:
    """A role's name in the staff language."""
    names = {
        Role.VOLUNTEER: QCoreApplication.translate("Roles", "volunteer"),
        Role.ATTORNEY: QCoreApplication.translate("Roles", "attorney"),
        Role.COORDINATOR: QCoreApplication.translate("Roles", "coordinator"),
        Role.ADMIN: QCoreApplication.translate("Roles", "administrator"),
    }
    return names[role]
