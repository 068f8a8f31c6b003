"""The Qt binding itself must not crash the app on a long clinic day.

PySide6 6.12.0 (shiboken6 6.12.0) releases a reference to ``None`` on every call of a method
that returns nothing (``setText``, ``processEvents``...). On Python 3.11, where ``None`` is an
ordinary counted object, the count reaches zero after some tens of thousands of calls and the
process aborts ("Fatal Python error: none_dealloc"), losing the open screen. ``pyproject.toml``
keeps Python 3.11 on PySide6 < 6.12; this test fails on any binding that loses references to
``None`` (on Python 3.12 and later ``None`` is immortal and its count never moves).
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot


def test_a_day_of_qt_calls_does_not_free_none(qtbot: QtBot) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    edit = QLineEdit()
    qtbot.addWidget(edit)
    before = sys.getrefcount(None)
    for n in range(5000):
        edit.setText(f"Testperson {n}")
        app.processEvents()
    lost = before - sys.getrefcount(None)
    assert lost < 500, (
        f"each Qt call released a reference to None ({lost} lost in 10,000 calls): this "
        "PySide6 build aborts the app on Python 3.11; see pyproject.toml"
    )
