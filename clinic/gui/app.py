"""Start the desktop app: ``clinic gui [--data DIR] [--lang CODE] [--idle-minutes N]``.

Builds the worker (:class:`~clinic.gui.ops.Ops` over a :class:`~clinic.core.Desk`), the
translator and the window, and runs Qt's event loop. Qt 6 scales for high-DPI screens by itself;
every size in the screens is derived from the font, so the system font size scales them too.
"""

from __future__ import annotations

import signal
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from clinic import __version__
from clinic.core import Desk, app_icon, staff_translation
from clinic.domain.languages import FALLBACK
from clinic.gui.i18n import Translations, qt_translations_dir
from clinic.gui.ops import Ops
from clinic.gui.security import DEFAULT_IDLE_MINUTES
from clinic.gui.window import ClinicWindow


def make_window(
    data_dir: Path,
    *,
    lang: str = FALLBACK,
    idle_minutes: float = DEFAULT_IDLE_MINUTES,
    forms_dir: Path | None = None,
    desk: Desk | None = None,
) -> ClinicWindow:
    """The window over a data folder (a QApplication must exist); call ``start()`` to begin.
    Dates and times come from the one clock (:mod:`clinic.clock`)."""
    # the day's backup is written when the app locks or closes (Settings shows where)
    desk = desk or Desk(data_dir, forms_dir=forms_dir, daily_backups=True)
    ops = Ops(desk)
    translations = Translations()
    translations.switch(lang, staff_translation(lang, qt_translations_dir()))  # at start-up
    ops.language = translations.language
    window = ClinicWindow(ops, data_dir, translations=translations, idle_minutes=idle_minutes)
    ops.setParent(window)
    return window


def run(
    data_dir: Path,
    *,
    lang: str = FALLBACK,
    idle_minutes: float = DEFAULT_IDLE_MINUTES,
    forms_dir: Path | None = None,
) -> int:
    """Run the app until its window closes; returns the exit status."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("ClinicDay")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("ClinicDay")
    icon = app_icon()
    if icon is not None:  # the taskbar's and the title bar's (the build's own is in its .exe)
        app.setWindowIcon(QIcon(str(icon)))
    window = make_window(data_dir, lang=lang, idle_minutes=idle_minutes, forms_dir=forms_dir)
    window.show()
    window.start()
    awake = _close_on_termination(app)
    status = app.exec()
    awake.stop()
    window.ops.shutdown()
    return int(status)


def _close_on_termination(app: QApplication) -> QTimer:
    """A request to end the app from outside (the system shutting down or the session ending:
    SIGTERM, SIGHUP) closes it as the window's close button does: the interview is saved, the
    keys are dropped and the day's backup is written, instead of the process just stopping.
    Python hears a signal only while it runs, so a timer wakes it four times a second."""

    def close(_signum: int, _frame: object) -> None:
        QTimer.singleShot(0, app.closeAllWindows)
        QTimer.singleShot(0, app.quit)

    for name in ("SIGTERM", "SIGHUP"):  # SIGHUP is not on Windows
        number = getattr(signal, name, None)
        if number is not None:
            signal.signal(number, close)
    awake = QTimer(app)
    awake.timeout.connect(lambda: None)
    awake.start(250)
    return awake


def render_pdf_page(data: bytes) -> tuple[int, int, bool]:
    """Render page 1 of a PDF with QtPdf (for ``clinic selftest``): (width, height, has ink).
    Works without a screen (``QT_QPA_PLATFORM=offscreen``)."""
    import os

    from PySide6.QtGui import QColor

    from clinic.gui.pdfview import render_page

    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _app = QApplication.instance() or QApplication(sys.argv[:1])
    image = render_page(data)
    if image.isNull():
        return 0, 0, False
    white = QColor("white").rgb()
    ink = any(
        image.pixel(x, y) != white
        for y in range(0, image.height(), 7)
        for x in range(0, image.width(), 7)
    )
    return image.width(), image.height(), ink
