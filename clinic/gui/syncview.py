"""Sync in the app: the status indicator (last sync, events waiting, errors) with "Sync now", a
background sync with exponential backoff, and the sync settings (enroll this laptop with a
one-time code, keep the org key on an attorney's or coordinator's laptop, make codes for new
laptops).

Sync runs on its own worker lane (``Ops.run(..., lane="sync")``): a slow or unreachable server
never holds up the screens, and the app is fully usable without it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clinic.core import SyncStatus
from clinic.gui import osedge
from clinic.gui.ops import Ops

INTERVAL_S = 60  # between background syncs while all is well
BACKOFF_START_S = 30
BACKOFF_MAX_S = 15 * 60


class SyncIndicator(QWidget):
    """The status bar's sync line and its "Sync now" button; runs the background sync."""

    status_changed = Signal(object)  # SyncStatus

    def __init__(self, ops: Ops, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.status: SyncStatus | None = None
        self.running = False
        self.error = ""
        self.backoff_s = 0
        self.label = QLabel(self)
        self.label.setObjectName("sync-state")
        self.button = QPushButton(self)
        self.button.setObjectName("sync-now")
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.sync_now)
        layout = QHBoxLayout(self)
        # apart from a long message on its left ("…están cifrados" ran into "Sin sincronizar")
        layout.setContentsMargins(18, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.button)
        self.button.clicked.connect(self.sync_now)
        self.translate_ui()

    def translate_ui(self) -> None:
        self.button.setText(self.tr("S&ync now"))
        self._show()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.translate_ui()
        super().changeEvent(event)

    def start(self) -> None:
        self.ops.run(lambda desk: desk.sync.status(), self._started, lane="sync")

    def stop(self) -> None:
        self.timer.stop()

    def _started(self, status: SyncStatus) -> None:
        self.set_status(status)
        if status.enrolled:
            self.timer.start(2_000)  # soon after sign-in

    def set_status(self, status: SyncStatus) -> None:
        self.status = status
        self._show()
        self.status_changed.emit(status)

    def _show(self) -> None:
        s = self.status
        self.button.setVisible(bool(s and s.enrolled))
        if s is None:
            self.label.clear()
            return
        if not s.enrolled:
            self.label.setText(self.tr("Not synced: this laptop is not enrolled (Settings)"))
            self.label.setStyleSheet("")
            return
        if self.running:
            text = self.tr("Syncing…")
        elif self.error:
            text = (
                self.tr("Not synced: %1 · %2 waiting · next try in %3 s")
                .replace("%1", self.error)
                .replace("%2", str(s.pending))
                .replace("%3", str(self.backoff_s))
            )
        elif s.last_sync:
            text = (
                self.tr("Synced %1 · %2 waiting")
                .replace("%1", s.last_sync)
                .replace("%2", str(s.pending))
            )
        else:
            text = self.tr("Never synced · %1 waiting").replace("%1", str(s.pending))
        self.label.setText(text)
        self.label.setStyleSheet("color: #b00020;" if self.error else "")

    def sync_now(self) -> None:
        if self.running:
            return
        self.timer.stop()
        self.running = True
        self._show()
        self.ops.run(lambda desk: desk.sync.now(), self._synced, self._failed, lane="sync")

    def _synced(self, status: SyncStatus) -> None:
        self.running, self.error, self.backoff_s = False, status.error, 0
        self.set_status(status)
        self.timer.start(INTERVAL_S * 1000)

    def _failed(self, message: str) -> None:
        self.running, self.error = False, message
        self.backoff_s = min(max(self.backoff_s * 2, BACKOFF_START_S), BACKOFF_MAX_S)
        self._show()
        self.timer.start(self.backoff_s * 1000)
        self.ops.run(lambda desk: desk.sync.status(), self.set_status, lane="sync")


class SyncSettings(QGroupBox):
    """Enroll this laptop, keep the org key here, make codes for new laptops."""

    enrolled = Signal(object)  # SyncStatus

    def __init__(self, ops: Ops, can_manage: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.can_manage = can_manage
        self.state = QLabel(self)
        self.state.setObjectName("sync-settings-state")
        self.state.setWordWrap(True)
        self.server = QLineEdit(self)
        self.server.setObjectName("sync-server")
        self.server.setPlaceholderText("https://clinicday.example.org")
        self.code = QLineEdit(self)
        self.code.setObjectName("sync-code")
        self.code.setPlaceholderText("XXXX-XXXX-XXXX-XXXX-XXXX")
        self.enroll_button = QPushButton(self)
        self.enroll_button.setObjectName("sync-enroll")
        self.org_key_button = QPushButton(self)
        self.org_key_button.setObjectName("sync-org-key")
        self.code_role = QComboBox(self)
        # its words change with the staff language: it grows with them, never cut
        self.code_role.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.code_role.setObjectName("code-role")
        self.code_button = QPushButton(self)
        self.code_button.setObjectName("make-code")
        self.message = QLabel(self)
        self.message.setObjectName("sync-message")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(self.message.textInteractionFlags())
        self.server_label, self.code_label = QLabel(self), QLabel(self)
        self.server_label.setBuddy(self.server)
        self.code_label.setBuddy(self.code)
        form = QFormLayout()
        form.addRow(self.server_label, self.server)
        form.addRow(self.code_label, self.code)
        codes = QHBoxLayout()
        codes.addWidget(self.code_role)
        codes.addWidget(self.code_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.state)
        layout.addLayout(form)
        layout.addWidget(self.enroll_button)
        layout.addWidget(self.org_key_button)
        layout.addLayout(codes)
        layout.addWidget(self.message)
        self.enroll_button.clicked.connect(self.enroll)
        self.org_key_button.clicked.connect(self.import_org_key)
        self.code_button.clicked.connect(self.make_code)
        self.code_role.setEnabled(can_manage)
        self.code_button.setEnabled(can_manage)
        self.status: SyncStatus | None = None
        self.translate_ui()

    def translate_ui(self) -> None:
        self.setTitle(self.tr("Sync with the organization's server"))
        self.server_label.setText(self.tr("Se&rver:"))
        self.code_label.setText(self.tr("Enrollment &code:"))
        self.enroll_button.setText(self.tr("Enroll this laptop"))
        self.org_key_button.setText(self.tr("Keep the org key on this laptop…"))
        self.code_button.setText(self.tr("Make an enrollment code"))
        current = self.code_role.currentIndex()
        self.code_role.clear()
        for role, text in (
            ("volunteer", self.tr("for a volunteer laptop")),
            ("attorney", self.tr("for an attorney laptop")),
            ("coordinator", self.tr("for a coordinator laptop")),
        ):
            self.code_role.addItem(text, role)
        self.code_role.setCurrentIndex(max(current, 0))
        self.show_status(self.status)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.translate_ui()
        super().changeEvent(event)

    def show_status(self, status: SyncStatus | None) -> None:
        self.status = status
        if status is None:
            return
        if status.enrolled:
            text = self.tr("Enrolled with %1 as a %2 laptop.").replace("%1", status.server)
            text = text.replace("%2", status.role)
            if status.has_org_key:
                text += " " + self.tr("The org key is kept here (sealed).")
            text += "\n" + self.tr(
                "Organization key fingerprint: %1 (it must match the coordinator's)."
            ).replace("%1", status.fingerprint)
        else:
            text = self.tr(
                "Not enrolled: everything stays on this laptop. A coordinator gives you a "
                "one-time code."
            )
        self.state.setText(text)
        self.server.setEnabled(not status.enrolled)
        self.code.setEnabled(not status.enrolled)
        self.enroll_button.setEnabled(not status.enrolled)
        self.org_key_button.setEnabled(status.enrolled and status.role != "volunteer")
        self.code_role.setEnabled(status.enrolled and self.can_manage)
        self.code_button.setEnabled(status.enrolled and self.can_manage)

    def enroll(self) -> None:
        server, code = self.server.text().strip(), self.code.text().strip()
        if not server.startswith(("http://", "https://")) or not code:
            self.message.setText(self.tr("Give the server's address (https://...) and the code."))
            return
        self.code.clear()
        self.ops.run(
            lambda desk: (desk.sync.enroll(server, code), desk.sync.status())[1],
            self._enrolled,
            self.message.setText,
            lane="sync",
        )

    def _enrolled(self, status: SyncStatus) -> None:
        self.show_status(status)
        self.message.setText(self.tr("Enrolled. The first sync starts now."))
        self.enrolled.emit(status)

    def import_org_key(self) -> None:
        path = osedge.edge().choose_open_path(self, self.tr("The org key file"))
        if path is None:
            return
        passphrase, ok = QInputDialog.getText(
            self,
            self.tr("The org key file"),
            self.tr("Its passphrase:"),
            QLineEdit.EchoMode.Password,
        )
        if not ok:
            return
        target, secret = path, passphrase
        self.ops.run(
            lambda desk: (desk.sync.import_org_key(target, secret), desk.sync.status())[1],
            self._org_key_kept,
            self.message.setText,
            lane="sync",
        )

    def _org_key_kept(self, status: SyncStatus) -> None:
        self.show_status(status)
        self.message.setText(self.tr("The org key is kept on this laptop, sealed."))

    def make_code(self) -> None:
        role = str(self.code_role.currentData())
        self.ops.run(
            lambda desk: desk.sync.make_enroll_code(role),
            self._code,
            self.message.setText,
            lane="sync",
        )

    def _code(self, code: str) -> None:
        self.message.setText(
            self.tr("One-time code (works once, for 72 hours): %1").replace("%1", code)
        )
        box = QMessageBox(self)
        box.setObjectName("enroll-code")
        box.setWindowTitle(self.tr("Enrollment code"))
        box.setText(code)
        if self.status is not None and self.status.fingerprint:
            box.setInformativeText(
                self.tr("The new laptop must show the organization key fingerprint %1.").replace(
                    "%1", self.status.fingerprint
                )
            )
        box.setTextInteractionFlags(box.textInteractionFlags())
        box.open()
