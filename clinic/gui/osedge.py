"""The one seam between the app and the operating system's own dialogs.

Choosing a file or a folder and choosing a printer are the operating system's business: native
dialogs that a test cannot click through. Every screen asks for them through the :class:`OsEdge`
installed here, and through nothing else, so that tests replace exactly this edge (a fake that
answers "this folder", "this file", "print to this PDF file") and click everything else as a
person does. Dialogs of the app's own (the passphrase prompt, the duplicate warning, the review
confirmation) are real Qt widgets and tests answer them with the mouse and the keyboard.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths
from PySide6.QtGui import QPageSize
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget


def documents_folder() -> Path:
    """The person's Documents folder (their home where the system names none, or it is not
    there)."""
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found and Path(found).is_dir() else Path.home()


def starting_path(suggested: str, last: Path | None, documents: Path) -> str:
    """Where a file dialog opens: the folder the person last chose in this session, else their
    Documents, never the app's working folder; a suggested bare file name is put in it."""
    folder = last if last is not None and last.is_dir() else documents
    if not suggested:
        return str(folder)
    name = Path(suggested)
    return str(name if name.is_absolute() else folder / name)


class OsEdge:
    """The real dialogs (native where the platform has them). Each opens where the person last
    chose a file or folder in this session, else in their Documents."""

    def __init__(self) -> None:
        self.last_folder: Path | None = None

    def forget(self) -> None:
        """Forget the folder last chosen (on lock: the next user starts in their Documents)."""
        self.last_folder = None

    def _start(self, suggested: str = "") -> str:
        return starting_path(suggested, self.last_folder, documents_folder())

    def _remember(self, chosen: Path, *, folder: bool = False) -> Path:
        self.last_folder = chosen if folder else chosen.parent
        return chosen

    def choose_folder(self, parent: QWidget, title: str) -> Path | None:
        """A folder the person chose, or None if they cancelled."""
        chosen = _ask(parent, title, self._start(), QFileDialog.FileMode.Directory)
        return self._remember(Path(chosen[0]), folder=True) if chosen else None

    def choose_save_path(self, parent: QWidget, title: str, suggested: str) -> Path | None:
        """A file to write (the person confirmed any overwrite), or None if they cancelled."""
        chosen = _ask(parent, title, self._start(suggested), QFileDialog.FileMode.AnyFile)
        return self._remember(Path(chosen[0])) if chosen else None

    def choose_open_paths(self, parent: QWidget, title: str, pattern: str) -> list[Path]:
        """Files to read (empty if the person cancelled)."""
        chosen = _ask(parent, title, self._start(), QFileDialog.FileMode.ExistingFiles, pattern)
        if chosen:
            self._remember(Path(chosen[0]))
        return [Path(p) for p in chosen]

    def choose_open_path(self, parent: QWidget, title: str, pattern: str = "") -> Path | None:
        """One file to read, or None if the person cancelled."""
        chosen = _ask(parent, title, self._start(), QFileDialog.FileMode.ExistingFile, pattern)
        return self._remember(Path(chosen[0])) if chosen else None

    def choose_printer(self, parent: QWidget, title: str) -> QPrinter | None:
        """A configured ``QPrinter`` from the print dialog (US Letter, the size of the USCIS
        forms, unless the person changes it), or None if the person cancelled."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.Letter))
        dialog = QPrintDialog(printer, parent)
        dialog.setWindowTitle(title)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return printer


def _ask(
    parent: QWidget, title: str, start: str, mode: QFileDialog.FileMode, pattern: str = ""
) -> list[str]:
    """A file dialog (the platform's own where it has one): what the person chose, or [] if
    they cancelled. Saving is ``AnyFile`` (the dialog asks before overwriting)."""
    dialog = QFileDialog(parent, title)
    dialog.setFileMode(mode)
    if mode is QFileDialog.FileMode.AnyFile:
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    if mode is QFileDialog.FileMode.Directory:
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    if pattern:
        dialog.setNameFilter(pattern)
    where = Path(start)
    if where.is_dir():
        dialog.setDirectory(str(where))
    else:
        dialog.setDirectory(str(where.parent))
        dialog.selectFile(where.name)
    # Qt's own translations lack these three labels of its dialog (their source text gained an
    # accelerator): said here, in the staff language, where Qt draws the dialog itself.
    labels = {
        QFileDialog.DialogLabel.LookIn: QCoreApplication.translate("OsEdge", "Look in:"),
        QFileDialog.DialogLabel.FileName: QCoreApplication.translate("OsEdge", "File name:"),
        QFileDialog.DialogLabel.FileType: QCoreApplication.translate("OsEdge", "Files of type:"),
    }
    for label, text in labels.items():
        dialog.setLabelText(label, text)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return []
    return [p for p in dialog.selectedFiles() if p]


_edge: OsEdge = OsEdge()


def edge() -> OsEdge:
    """The edge in use."""
    return _edge


def install(new: OsEdge) -> OsEdge:
    """Use ``new`` from now on (tests); returns the edge it replaces."""
    global _edge
    before, _edge = _edge, new
    return before
