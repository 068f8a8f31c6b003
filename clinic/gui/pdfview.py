"""A packet shown in the app (QtPdf), printed, or exported to a folder.

The PDFs come decrypted from the worker as bytes and are shown from memory (a ``QBuffer``): no
decrypted file is written to disk to show or print them. Until an attorney approves the packet,
every page carries the DRAFT mark. QtPdf draws page content only, not form fields, so the viewer
and the printer show the packet's *flattened* copy (``PacketView.for_screen``, made on the worker
by :mod:`clinic.packet.flatten`), where every filled value is part of its page.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QBuffer, QByteArray, QEvent, QIODevice, QRect, QSize, Qt, Signal
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from clinic.core import PacketView

PRINT_DPI = 300  # pages are rendered for the printer at this resolution at most


class PdfPane(QWidget):
    """One PDF from memory, page after page."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setObjectName("pdf-view")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self._buffer: QBuffer | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)

    def show_pdf(self, data: bytes) -> bool:
        """Show a PDF; False if QtPdf cannot read it."""
        self.document.close()
        buffer = QBuffer(self)
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(buffer)
        if self._buffer is not None:
            self._buffer.deleteLater()
        self._buffer = buffer
        self.view.verticalScrollBar().setValue(0)  # a file opens at its first page
        return self.document.status() == QPdfDocument.Status.Ready

    def clear(self) -> None:
        """Show nothing (no other person's packet may stay on the screen)."""
        self.document.close()
        if self._buffer is not None:
            self._buffer.deleteLater()
            self._buffer = None

    def page_count(self) -> int:
        return self.document.pageCount()

    def zoom(self, factor: float | None) -> None:
        """Zoom by ``factor`` from what is shown (None: back to the page's width)."""
        if factor is None:
            self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
            return
        # from fit-to-width, start at the zoom the page is shown at now
        now = self.view.zoomFactor()
        if self.view.zoomMode() is QPdfView.ZoomMode.FitToWidth and self.page_count():
            width = self.document.pagePointSize(0).width() * self.logicalDpiX() / 72
            now = max(self.view.viewport().width() - 20, 1) / max(width, 1)
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(min(max(now * factor, 0.25), 4.0))


class PacketViewer(QWidget):
    """A packet's files on the left, the chosen one on the right."""

    shown = Signal(str)  # the file now shown

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.packet: PacketView | None = None
        self.state = QLabel(self)
        self.state.setObjectName("packet-state")
        self.state.setWordWrap(True)
        self.files = QListWidget(self)
        self.files.setObjectName("packet-files")
        self.pane = PdfPane(self)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self.files)
        split.addWidget(self.pane)
        split.setStretchFactor(1, 4)
        # the file names need a fifth of the room at first; the pages the rest (dragable)
        split.setSizes([180, 720])
        self.zoom_out = QPushButton("\u2212", self)  # a minus sign, as wide as the plus
        self.zoom_out.setObjectName("zoom-out")
        self.zoom_in = QPushButton("+", self)
        self.zoom_in.setObjectName("zoom-in")
        self.zoom_fit = QPushButton(self)
        self.zoom_fit.setObjectName("zoom-fit")
        for button in (self.zoom_out, self.zoom_in):
            button.setFixedWidth(self.fontMetrics().horizontalAdvance("MM") + 16)
        self.zoom_out.clicked.connect(lambda: self.pane.zoom(1 / 1.25))
        self.zoom_in.clicked.connect(lambda: self.pane.zoom(1.25))
        self.zoom_fit.clicked.connect(lambda: self.pane.zoom(None))
        top = QHBoxLayout()
        top.addWidget(self.state, 1)
        top.addWidget(self.zoom_out)
        top.addWidget(self.zoom_in)
        top.addWidget(self.zoom_fit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        self.files.currentRowChanged.connect(self._show_file)
        self._zoom_texts()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._state_text()
            self._zoom_texts()
        super().changeEvent(event)

    def _zoom_texts(self) -> None:
        self.zoom_fit.setText(self.tr("Fit width"))
        self.zoom_out.setToolTip(self.tr("Zoom out"))
        self.zoom_in.setToolTip(self.tr("Zoom in"))

    def set_packet(self, packet: PacketView | None, first: str | None = None) -> None:
        self.packet = packet
        self.files.blockSignals(True)
        self.files.clear()
        names = [name for name, _data in packet.for_screen()] if packet else []
        self.files.addItems(names)
        self.files.blockSignals(False)
        self._state_text()
        if names:
            row = names.index(first) if first in names else 0
            self.files.setCurrentRow(row)
            self._show_file(row)
        else:
            self.pane.clear()

    def _state_text(self) -> None:
        if self.packet is None:
            self.state.setText(self.tr("No packet yet."))
        elif self.packet.approved:
            self.state.setText(
                self.tr("Packet %1: approved by an attorney and locked.").replace(
                    "%1", self.packet.packet_hash[:12]
                )
            )
        elif self.packet.approval_undone:
            self.state.setText(
                self.tr(
                    "Packet %1 was approved, then an answer changed: the approval no longer "
                    "holds and every page is marked DRAFT. Build the packet again for the "
                    "attorney."
                ).replace("%1", self.packet.packet_hash[:12])
            )
        else:
            self.state.setText(
                self.tr(
                    "Packet %1: DRAFT until an attorney approves it (every page is marked)."
                ).replace("%1", self.packet.packet_hash[:12])
            )

    def _show_file(self, row: int) -> None:
        files = self.packet.for_screen() if self.packet is not None else []
        if not 0 <= row < len(files):
            return
        name, data = files[row]
        self.pane.show_pdf(data)
        self.shown.emit(name)

    def print_to(self, printer: QPrinter) -> int:
        """Print every file of the packet, in order, as the viewer shows it (form values drawn);
        returns the number of pages printed (0 if the printer could not be started)."""
        if self.packet is None:
            return 0
        return print_pdfs(printer, [data for _name, data in self.packet.for_screen()])


def print_pdfs(printer: QPrinter, files: Sequence[bytes]) -> int:
    """Print each PDF of ``files`` in turn, every page scaled to the paper; returns the number
    of pages printed (0 if the printer could not be started)."""
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    pages = 0
    document = QPdfDocument()
    dpi = min(printer.resolution(), PRINT_DPI)
    try:
        for data in files:
            buffer = QBuffer()
            buffer.setData(QByteArray(data))
            buffer.open(QIODevice.OpenModeFlag.ReadOnly)
            document.load(buffer)
            for page in range(document.pageCount()):
                if pages:
                    printer.newPage()
                target: QRect = painter.viewport()
                points = document.pagePointSize(page)
                size = points.toSize()
                size.scale(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
                # Rendered at no more than PRINT_DPI (a letter page at 1200 dpi would be a
                # 540 MB image), then scaled onto the page by the printer.
                pixels = QSize(
                    max(1, round(points.width() * dpi / 72)),
                    max(1, round(points.height() * dpi / 72)),
                )
                image = document.render(page, pixels)
                painter.drawImage(QRect(target.topLeft(), size), image)
                pages += 1
            document.close()
            buffer.close()
    finally:
        painter.end()
    return pages


def render_page(data: bytes, page: int = 0, width: int = 600) -> QImage:
    """Draw one page of a PDF (from memory) to an image ``width`` pixels wide."""
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    if document.status() != QPdfDocument.Status.Ready or page >= document.pageCount():
        return QImage()
    size = document.pagePointSize(page)
    height = int(width * size.height() / max(size.width(), 1))
    image = document.render(page, QSize(width, height))
    document.close()
    return image
