"""Errors in the staff's language, as a person meets them: a volunteer working in the Korean
interface types a passphrase that is too short, and the dialog says why in Korean; an English
interface says it in English. (The message comes from the store, through the one presenter.)"""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from clinic.domain.languages import staff_languages
from clinic.gui.account import PassphraseDialog
from tests.conftest import PASSPHRASE
from tests.gui.conftest import build_clinic, idle, sign_in
from tests.gui.test_gui_account import OpenWindow, fill_and_ok, open_passphrase_dialog
from tests.gui.user import choose, choose_tab

NEW = "a brand new passphrase"


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "the new passphrase is too short (at least 12 characters)"),
        ("ko", "새 암호 문구가 너무 짧습니다(최소 12자)"),
        ("es", "la nueva frase de contraseña es demasiado corta (al menos 12 caracteres)"),
    ],
)
def test_a_refusal_reads_in_the_staff_language(
    qtbot: QtBot, tmp_path: Path, open_window: OpenWindow, lang: str, said: str
) -> None:
    assert lang in staff_languages()
    data = tmp_path / "c"
    build_clinic(data)
    window = open_window(data, lang=lang)
    sign_in(qtbot, window, "vol")
    dialog = open_passphrase_dialog(qtbot, window)
    assert isinstance(dialog, PassphraseDialog)
    fill_and_ok(qtbot, window, dialog, PASSPHRASE, "short one", "short one")
    assert said in dialog.message.text()
    if lang != "en":
        assert "too short" not in dialog.message.text()


def test_switching_the_staff_language_switches_the_errors(
    qtbot: QtBot, tmp_path: Path, open_window: OpenWindow
) -> None:
    data = tmp_path / "c"
    build_clinic(data)
    window = open_window(data)
    sign_in(qtbot, window, "coord")
    settings = window.settings
    assert settings is not None and window.tabs is not None
    choose_tab(qtbot, window.tabs, settings)
    idle(qtbot, window)
    choose(qtbot, settings.language, "es")
    idle(qtbot, window)
    dialog = open_passphrase_dialog(qtbot, window)
    fill_and_ok(qtbot, window, dialog, PASSPHRASE, "short one", "short one")
    assert "demasiado corta (al menos 12 caracteres)" in dialog.message.text()
