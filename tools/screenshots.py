"""Save a PNG of every screen of the desktop app in each staff language and the pseudo-locale.

Usage: ``tools/screenshots [--out docs/screenshots] [--langs en,ko,es,qps] [--only today,...]
[--size 1280x720] [--check]``;
with ``QT_SCALE_FACTOR=2`` it shows what a high-DPI screen gets. ``qps`` is the pseudo-locale
(``clinic.domain.languages``): every translatable text accented, about 40% longer and in
brackets, the client's texts too, so a string with no brackets is not translatable and one
without its closing bracket is clipped. ``--check`` also looks at each screen as it is saved
(:func:`layout_problems`: a window larger than the screen, a widget outside the window, a text
wider than its room, a list scrolled sideways), lists what it found and exits 1.
Builds a throwaway demo clinic of synthetic people (never real ones), installs the official
PDFs from ``../shared/forms`` when they are there (for the packet screens), and drives the real
window through the day: welcome, sign-in, Today, check-in, interview, record, packet, review,
counts, settings.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The one clock (clinic.clock) starts on the demo's Saturday morning, so the pictures are the same
# on any day.
os.environ.setdefault("CLINIC_CLOCK", "2026-11-21T10:00:00-08:00")

from PySide6.QtCore import QEventLoop, QPoint, QRect, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QListView,
    QTabBar,
    QWidget,
)

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from clinic.core.demo import DEMO_PASSPHRASE, DEMO_SEED, DEMO_SITE, build_demo  # noqa: E402
from clinic.domain.languages import staff_languages  # noqa: E402
from clinic.gui.app import make_window  # noqa: E402
from clinic.gui.board import NewPersonDialog  # noqa: E402
from clinic.gui.window import ClinicWindow  # noqa: E402

TODAY = dt.date(2026, 11, 21)
SHARED_FORMS = ROOT.parent / "shared" / "forms"


def spin(app: QApplication, done: Callable[[], bool], timeout: float = 120) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        if done():
            return
        time.sleep(0.01)
    raise SystemExit("screenshots: timed out waiting for the app")


def settle(app: QApplication, window: ClinicWindow) -> None:
    spin(app, lambda: window.ops.pending == 0)
    for _ in range(5):
        app.processEvents()


def show_form(app: QApplication, viewer: Any, name: str) -> None:
    """Show one file of a packet viewer and wait for QtPdf to paint it (it renders pages in the
    background)."""
    files = viewer.files
    rows = [files.item(i).text() for i in range(files.count())]
    if name in rows:
        files.setCurrentRow(rows.index(name))
    end = time.monotonic() + 3
    while time.monotonic() < end:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        time.sleep(0.02)


ONLY: set[str] = set()  # --only: the screens to save (all when empty)
PROBLEMS: list[str] = []  # --check: what is clipped or off-screen, screen by screen
CHECK = False
SIZE = (1280, 720)  # the window's size, in the screen's logical pixels (--size)


def _scrolled(widget: QWidget, top: QWidget) -> bool:
    """Whether ``widget`` sits in a scrolled view (a scroll area or a list) below ``top``, where
    being out of sight is being scrolled away, not clipped."""
    parent = widget.parentWidget()
    while parent is not None and parent is not top:
        if isinstance(parent, QAbstractScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def _plain(text: str) -> str:
    return text.replace("&&", "\x00").replace("&", "").replace("\x00", "&")


def layout_problems(top: QWidget) -> list[str]:
    """What a person would find clipped or out of reach on ``top`` as shown: a window larger
    than the screen, a widget outside the window, a label, button, tab or column header whose
    text is wider than the room it has. Texts in scrolled views are left out (scrolling shows
    them; their texts are checked as any other)."""
    found: list[str] = []
    screen = top.screen().availableGeometry() if top.screen() is not None else None
    if screen is not None and top.isWindow():
        frame = top.frameGeometry()
        if frame.width() > screen.width() or frame.height() > screen.height():
            found.append(
                f"window {frame.width()}x{frame.height()} larger than the screen "
                f"{screen.width()}x{screen.height()}"
            )
    if top.isWindow() and (top.width() > SIZE[0] or top.height() > SIZE[1]):
        found.append(f"window {top.width()}x{top.height()} cannot shrink to {SIZE[0]}x{SIZE[1]}")
    inside = QRect(QPoint(0, 0), top.size())
    for widget in top.findChildren(QWidget):
        if not widget.isVisibleTo(top) or widget.isWindow():
            continue
        name = widget.objectName() or type(widget).__name__
        where = QRect(widget.mapTo(top, QPoint(0, 0)), widget.size())
        if (
            where.width() > 0
            and not inside.contains(where.adjusted(1, 1, -1, -1))
            and not _scrolled(widget, top)
        ):
            found.append(f"{name} reaches outside the window ({where.getRect()})")
        metrics = widget.fontMetrics()
        if isinstance(widget, QLabel) and not widget.wordWrap() and widget.text():
            if widget.textFormat().name != "RichText" and "<" not in widget.text():
                for line in _plain(widget.text()).splitlines():
                    if metrics.horizontalAdvance(line) > widget.contentsRect().width() + 1:
                        found.append(f"label {line[:40]!r} clipped ({name})")
        elif isinstance(widget, QAbstractButton) and widget.text():
            need = metrics.horizontalAdvance(_plain(widget.text())) + widget.iconSize().width() * (
                not widget.icon().isNull()
            )
            if need > widget.width():
                found.append(f"button {widget.text()[:40]!r} clipped ({name})")
        elif isinstance(widget, QTabBar):
            for i in range(widget.count()):
                if not widget.isTabVisible(i):
                    continue
                rect = widget.tabRect(i)
                text = _plain(widget.tabText(i))
                if metrics.horizontalAdvance(text) > rect.width() or not widget.rect().contains(
                    rect
                ):
                    found.append(f"tab {text[:40]!r} clipped ({name})")
        elif isinstance(widget, QAbstractItemView) and hasattr(widget, "horizontalHeader"):
            header = widget.horizontalHeader()
            model = widget.model()
            if header is not None and header.isVisible() and model is not None:
                hm = header.fontMetrics()
                for col in range(model.columnCount()):
                    if header.isSectionHidden(col):
                        continue
                    text = str(model.headerData(col, header.orientation()) or "")
                    widest = max((hm.horizontalAdvance(t) for t in text.splitlines()), default=0)
                    if widest + 4 > header.sectionSize(col):
                        found.append(f"column {text[:40]!r} clipped ({name})")
        elif isinstance(widget, QListView) and widget.horizontalScrollBar().isVisible():
            found.append(f"rows wider than their list, scrolled sideways ({name})")
        elif isinstance(widget, QComboBox | QLineEdit) and widget.width() < 40:
            found.append(f"{name} squeezed to {widget.width()} pixels")
    return found


def save(widget: QWidget, path: Path) -> None:
    if ONLY and path.stem not in ONLY:
        return
    if CHECK:
        PROBLEMS.extend(f"{path.parent.name}/{path.stem}: {p}" for p in layout_problems(widget))
    path.parent.mkdir(parents=True, exist_ok=True)
    if not widget.grab().save(str(path)):
        raise SystemExit(f"screenshots: cannot write {path}")
    print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)


def shoot(app: QApplication, lang: str, out: Path, work: Path) -> None:
    data = work / "demo"
    forms = SHARED_FORMS if (SHARED_FORMS / "i-821d_2025-01-20.pdf").is_file() else None
    welcome = make_window(work / f"empty-{lang}", lang=lang)
    welcome.resize(*SIZE)
    welcome.show()
    welcome.start()
    settle(app, welcome)
    save(welcome, out / "welcome.png")
    welcome.close()

    window = make_window(data, lang=lang, forms_dir=forms)
    window.resize(*SIZE)
    window.show()
    window.start()
    settle(app, window)
    save(window, out / "sign-in.png")
    page = window.signin
    page.user.setCurrentIndex(page.user.findData("admin"))
    page.passphrase.setText(DEMO_PASSPHRASE)
    page._sign_in()
    spin(app, lambda: window.tabs is not None)
    settle(app, window)
    assert window.board is not None and window.tabs is not None and window.person is not None
    save(window, out / "today.png")

    dialog = NewPersonDialog(window)
    dialog.family.setText("Testperson")
    dialog.given.setText("Ana")
    dialog.dob.setText("2001-03-04")
    dialog.language.setCurrentIndex(dialog.language.findData(lang))
    dialog.show()
    settle(app, window)
    save(dialog, out / "check-in.png")
    dialog.close()

    board = window.board.board
    assert board is not None
    waiting = [r for r in board.rows if r.station == "screening"]
    window.open_person(waiting[0].record_id)
    settle(app, window)
    interview = window.person.interview
    interview.language.setCurrentIndex(max(interview.language.findData(lang), 0))
    while "daca.expires" not in interview.boxes and not interview.interview.at_end():
        interview.go_next()
        settle(app, window)
    settle(app, window)
    save(window, out / "interview.png")
    interview.save_and_close()
    settle(app, window)

    screened = [r for r in board.rows if r.station == "forms"]
    record = window.person.record
    window.open_person(screened[0].record_id)
    settle(app, window)
    record.tabs.setCurrentIndex(1)
    save(window, out / "record-screening.png")
    record.tabs.setCurrentIndex(4)
    save(window, out / "record-timeline.png")
    if forms is not None:
        record.build_packet()
        settle(app, window)
        QTimer.singleShot(0, lambda: None)
        settle(app, window)
        record.tabs.setCurrentWidget(record.packet_tab)
        settle(app, window)
        save(window, out / "record-packet.png")
        show_form(app, record.viewer, "I-821D.pdf")
        save(window, out / "record-form.png")
        assert window.review is not None
        window.tabs.setCurrentWidget(window.review)
        settle(app, window)
        show_form(app, window.review.viewer, "I-821D.pdf")
        save(window, out / "review.png")
    assert window.counts is not None and window.settings is not None
    window.tabs.setCurrentWidget(window.counts)
    settle(app, window)
    save(window, out / "counts.png")
    window.tabs.setCurrentWidget(window.settings)
    settle(app, window)
    save(window, out / "settings.png")
    window.lock()
    settle(app, window)
    save(window, out / "locked.png")
    window.close()
    window.ops.shutdown()
    welcome.ops.shutdown()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    parser.add_argument(
        "--langs",
        default=",".join(staff_languages(pseudo=True)),
        help="staff languages, comma-separated (default: every one and qps, the pseudo-locale)",
    )
    parser.add_argument("--only", default="", help="comma-separated screen names (default: all)")
    parser.add_argument("--size", default="1280x720", help="the window's size (default 1280x720)")
    parser.add_argument(
        "--check",
        action="store_true",
        help="fail (exit 1) on a text clipped or a widget off-screen, listing each",
    )
    args = parser.parse_args()
    global CHECK, SIZE
    ONLY.update(filter(None, args.only.split(",")))
    CHECK = args.check
    try:
        width, height = (int(n) for n in args.size.lower().split("x"))
    except ValueError:
        parser.error(f"--size: {args.size!r} is not WIDTHxHEIGHT (for example 1280x720)")
    SIZE = (width, height)
    app = QApplication(sys.argv[:1])
    out = Path(args.out)
    with tempfile.TemporaryDirectory(prefix="clinicday-shots-") as tmp:
        work = Path(tmp)
        build_demo(
            work / "demo",
            people=24,
            seed=DEMO_SEED,
            today=TODAY,
            site=DEMO_SITE,
            kdf_seconds=0.05,
        )
        for lang in args.langs.split(","):
            shoot(app, lang, out / lang, work)
    for problem in PROBLEMS:
        print(f"screenshots: {problem}", file=sys.stderr)
    return 1 if PROBLEMS else 0


if __name__ == "__main__":
    code = main()
    sys.stdout.flush()
    sys.stderr.flush()
    # every PNG is written and closed: leave without the interpreter's final collection, in
    # which PySide6 6.12 can abort on a refcount error of its own (after the work is done)
    os._exit(code)
