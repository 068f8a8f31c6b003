"""What a person does about their account and this laptop outside the day's work: change their
passphrase (admins and coordinators also reset the passphrase of a user they manage), and check
this laptop's data (the database, every record, the audit chain), as ``clinic user passwd`` and
``clinic check`` do on the command line.

Every core call goes through the window's worker (:class:`~clinic.gui.ops.Ops`). A passphrase
is read from its field and the field cleared before anything runs; the store decides whether a
new passphrase is strong enough and whom a person may reset, and its message is shown as is.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clinic.core import SignedIn
from clinic.domain.roles import Role, may_manage
from clinic.gui.i18n import role_label
from clinic.gui.ops import Ops

ERROR_STYLE = "color: #b00020;"


def manages_users(role: Role) -> bool:
    """Whether ``role`` may reset another user's passphrase (the store checks it again)."""
    return any(may_manage(role, target) for target in Role)


class PassphraseDialog(QDialog):
    """Change one's own passphrase; admins and coordinators may choose another user to reset.

    The person's own current passphrase is asked every time, also for a reset: the laptop is
    shared, and whoever finds it signed in must not take over an account with it.
    """

    changed = Signal(str)  # what was changed, in a sentence (the window's status bar shows it)

    def __init__(
        self, ops: Ops, signed_in: SignedIn, parent: QWidget | None = None, *, reset: bool = False
    ) -> None:
        super().__init__(parent)
        self.setObjectName("passphrase-dialog")
        self.ops = ops
        self.me = signed_in.username
        self.role = signed_in.role
        self.dropped = False  # closed or locked: results still on their way are ignored
        self.busy = False  # a change is on its way: it cannot be cancelled half-way
        self.intro = QLabel(self)
        self.intro.setObjectName("passphrase-intro")
        self.intro.setWordWrap(True)
        self.user = QComboBox(self)
        self.user.setObjectName("passphrase-user")
        self.current = QLineEdit(self)
        self.current.setObjectName("current-passphrase")
        self.new = QLineEdit(self)
        self.new.setObjectName("new-passphrase")
        self.again = QLineEdit(self)
        self.again.setObjectName("new-passphrase-again")
        for field in (self.current, self.new, self.again):
            field.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel(self)
        self.message.setObjectName("passphrase-message")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.user_label, self.current_label = QLabel(self), QLabel(self)
        self.new_label, self.again_label = QLabel(self), QLabel(self)
        buddies: tuple[tuple[QLabel, QWidget], ...] = (
            (self.user_label, self.user),
            (self.current_label, self.current),
            (self.new_label, self.new),
            (self.again_label, self.again),
        )
        for label, buddy in buddies:
            label.setBuddy(buddy)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setObjectName("change-passphrase")
        form = QFormLayout()
        form.addRow(self.user_label, self.user)
        form.addRow(self.current_label, self.current)
        form.addRow(self.new_label, self.new)
        form.addRow(self.again_label, self.again)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 70)
        manager = manages_users(self.role)
        self.user.setVisible(manager)
        self.user_label.setVisible(manager)
        self.user.addItem("", self.me)
        self.user.currentIndexChanged.connect(self._user_chosen)
        # Enter in a field presses OK (the default button): one way in, no double submit
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.reset = reset and manager
        self.translate_ui()
        if manager:
            self.ops.run(lambda desk: desk.admin.users(), self._users, self._failed)
        (self.user if self.reset else self.current).setFocus()

    # -- texts --------------------------------------------------------------------------------

    def target(self) -> str:
        return str(self.user.currentData() or self.me)

    def translate_ui(self) -> None:
        mine = self.target() == self.me
        self.setWindowTitle(
            self.tr("Change my passphrase") if mine else self.tr("Reset a passphrase")
        )
        if mine:
            intro = self.tr(
                "Your passphrase unlocks this laptop's records for you. Choose one of 12 "
                "characters or more that nobody could guess; the records are not changed."
            )
        else:
            intro = self.tr(
                "%1 will sign in with the new passphrase; tell it to them in person. A disabled "
                "user is enabled again. To confirm that it is you, give your own passphrase."
            ).replace("%1", self.target())
        self.intro.setText(intro)
        self.user_label.setText(self.tr("&For:"))
        self.user.setItemText(0, self.tr("me (%1)").replace("%1", self.me))
        self.current_label.setText(self.tr("&Your current passphrase:"))
        self.new_label.setText(
            self.tr("&New passphrase:")
            if mine
            else self.tr("&New passphrase for %1:").replace("%1", self.target())
        )
        self.again_label.setText(self.tr("New passphrase a&gain:"))
        self.ok.setText(self.tr("Change &passphrase"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.translate_ui()
        super().changeEvent(event)

    def _users(self, users: Sequence[Any]) -> None:
        """The users this person may reset, after themself (the store checks again)."""
        if self.dropped:
            return
        for u in users:
            if u.username == self.me or not may_manage(self.role, u.role):
                continue
            text = f"{u.username} ({role_label(u.role)})"
            if u.disabled:
                text += " · " + self.tr("disabled")
            self.user.addItem(text, u.username)
        if self.reset and self.user.count() > 1:
            self.user.setCurrentIndex(1)

    def _user_chosen(self) -> None:
        self.message.clear()
        self.translate_ui()

    # -- changing -----------------------------------------------------------------------------

    def clear(self) -> None:
        for field in (self.current, self.new, self.again):
            field.clear()

    def submit(self) -> None:
        """Check the two new passphrases match; then, on the worker, the current passphrase,
        then the change. Every field is cleared before anything runs."""
        current, new, again = self.current.text(), self.new.text(), self.again.text()
        target = self.target()
        self.clear()
        if not current:
            self._show_error(self.tr("Give your current passphrase."), self.current)
            return
        if new != again:
            self._show_error(
                self.tr("The two new passphrases differ. Type the new one twice, the same."),
                self.current,
            )
            return
        self.message.setStyleSheet("")
        self.message.setText(self.tr("Checking your current passphrase…"))
        self._set_busy(True)
        me = self.me
        self.ops.run(
            lambda desk: desk.sign_in(me, current),
            lambda _who: self._verified(target, new),
            self._current_refused,
        )

    def _verified(self, target: str, new: str) -> None:
        if self.dropped:
            return
        other = None if target == self.me else target
        self.ops.run(
            lambda desk: desk.admin.change_passphrase(new, other),
            lambda _r: self._changed(target),
            self._new_refused,
        )

    def _changed(self, target: str) -> None:
        if self.dropped:
            return
        self._set_busy(False)
        if target == self.me:
            done = self.tr("Your passphrase is changed. Sign in with the new one from now on.")
        else:
            done = self.tr(
                "The passphrase of %1 is changed. They sign in with the new one from now on."
            ).replace("%1", target)
        self.message.setStyleSheet("")
        self.message.setText(done)
        self.changed.emit(done)
        self.accept()

    def _current_refused(self, message: str) -> None:
        self._show_error(
            self.tr("Your current passphrase was not accepted (%1). Nothing was changed.").replace(
                "%1", message
            ),
            self.current,
        )

    def _new_refused(self, message: str) -> None:
        self._show_error(
            self.tr("The passphrase was not changed: %1.").replace("%1", message.rstrip(".")),
            self.current,
        )

    def _failed(self, message: str) -> None:
        self._show_error(message, self.current)

    def _show_error(self, text: str, focus: QWidget) -> None:
        if self.dropped:
            return
        self._set_busy(False)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setText(text)
        focus.setFocus()

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.ok.setEnabled(not busy)
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setEnabled(not busy)

    def reject(self) -> None:
        """Cancel (the button, Escape, closing the window), unless a change is on its way."""
        if self.busy and not self.dropped:
            return
        self.clear()
        super().reject()

    def drop(self) -> None:
        """The app locks: clear the fields, close, and ignore results still on their way."""
        self.dropped = True
        self.clear()
        super().reject()


class CheckDialog(QDialog):
    """Check this laptop's data (``desk.admin.check()``): the SQLite file's integrity, every
    record's events, the audit chain; shows that all passed, or every problem found."""

    checked = Signal(str)  # the result in one line (the window's status bar shows it)

    def __init__(self, ops: Ops, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("check-dialog")
        self.ops = ops
        self.dropped = False
        self.problems_found: list[str] | None = None  # None: not checked yet
        self.summary = QLabel(self)
        self.summary.setObjectName("check-summary")
        self.summary.setWordWrap(True)
        self.problems = QListWidget(self)
        self.problems.setObjectName("check-problems")
        # a problem names a record and an event by their ids: wrap it, never cut it off
        self.problems.setWordWrap(True)
        self.problems.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.problems.setMinimumHeight(self.fontMetrics().lineSpacing() * 8)
        self.problems.hide()
        self.advice = QLabel(self)
        self.advice.setObjectName("check-advice")
        self.advice.setWordWrap(True)
        self.advice.hide()
        self.again = QPushButton(self)
        self.again.setObjectName("check-again")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.addButton(self.again, QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.problems, 1)
        layout.addWidget(self.advice)
        layout.addWidget(self.buttons)
        metrics = self.fontMetrics()
        self.setMinimumWidth(metrics.averageCharWidth() * 80)
        self.again.clicked.connect(self.run_check)
        self.buttons.rejected.connect(self.reject)
        self.translate_ui()

    def translate_ui(self) -> None:
        self.setWindowTitle(self.tr("Check this laptop's data"))
        self.again.setText(self.tr("Check &again"))
        self.advice.setText(
            self.tr(
                "The check changed nothing. Tell your coordinator before going on, and do not "
                "delete or copy over the clinic's folder: the records that are intact can "
                "still be exported."
            )
        )
        self._show_result()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.translate_ui()
        super().changeEvent(event)

    def run_check(self) -> None:
        """Run every check on the worker (it reads every record: a moment on a big clinic)."""
        self.problems_found = None
        self.again.setEnabled(False)
        self.summary.setStyleSheet("")
        self.summary.setText(
            self.tr("Checking the database, every record and the audit log on this laptop…")
        )
        self.problems.hide()
        self.advice.hide()
        self.ops.run(lambda desk: desk.admin.check(), self._checked, self._failed)

    def summary_text(self) -> str:
        """One line on the result, for the dialog and the window's status bar."""
        found = self.problems_found
        if found is None:
            return ""
        if not found:
            return self.tr(
                "All checks passed: the database, every record and the audit log on this "
                "laptop are intact."
            )
        return self.tr("The check found %1 problem(s) in this laptop's data:").replace(
            "%1", str(len(found))
        )

    def _checked(self, problems: list[str]) -> None:
        if self.dropped:
            return
        self.problems_found = list(problems)
        self.again.setEnabled(True)
        self._show_result()
        self.checked.emit(self.summary_text().rstrip(":"))

    def _show_result(self) -> None:
        found = self.problems_found
        if found is None:
            return
        self.summary.setStyleSheet(ERROR_STYLE if found else "")
        self.summary.setText(self.summary_text())
        self.problems.clear()
        self.problems.addItems(found)
        self.problems.setVisible(bool(found))
        self.advice.setVisible(bool(found))
        self.adjustSize()

    def _failed(self, message: str) -> None:
        if self.dropped:
            return
        self.again.setEnabled(True)
        self.summary.setStyleSheet(ERROR_STYLE)
        self.summary.setText(self.tr("The check could not run: %1").replace("%1", message))

    def drop(self) -> None:
        """Closed, or the app locks: ignore a result still on its way."""
        self.dropped = True
        self.reject()


class ProfileDialog(QDialog):
    """Account → My profile…: the signed-in user's name, organization, address, phone, e-mail
    and bar number, which fill the preparer parts of the packets they build. Read and saved on
    the worker; a value the forms cannot take is named and nothing is saved."""

    saved = Signal(str)

    FIELDS = (
        "family", "given", "organization", "street", "unit", "city", "state", "zip",
        "phone", "email", "bar_number", "bar_state",
    )  # fmt: skip

    def __init__(self, ops: Ops, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("profile-dialog")
        self.ops = ops
        self.dropped = False
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.edits: dict[str, QLineEdit] = {}
        self.labels: dict[str, QLabel] = {}
        form = QFormLayout()
        self.unit_type = QComboBox(self)  # Apt., Ste. or Flr.: the forms' boxes beside the number
        # its words change with the staff language: it grows with them, never cut
        self.unit_type.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.unit_type.setObjectName("profile-unit_type")
        for code in ("", "apt", "ste", "flr"):
            self.unit_type.addItem("", code)
        for field in self.FIELDS:
            if field == "unit":
                self.unit_type_label = QLabel(self)
                self.unit_type_label.setBuddy(self.unit_type)
                form.addRow(self.unit_type_label, self.unit_type)
            edit = QLineEdit(self)
            edit.setObjectName(f"profile-{field}")
            label = QLabel(self)
            label.setBuddy(edit)
            form.addRow(label, edit)
            self.edits[field], self.labels[field] = edit, label
        self.message = QLabel(self)
        self.message.setObjectName("profile-message")
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.translate_ui()
        self.ops.run(lambda desk: desk.admin.profile(), self._loaded, self._failed)

    def translate_ui(self) -> None:
        self.setWindowTitle(self.tr("My profile"))
        self.intro.setText(
            self.tr(
                "The packets you build name you as their preparer (I-821D Part 7, I-765 Part 5) "
                "with these details; so do the interpreter's parts when an interview names you "
                "as the interpreter. Attorneys: add your bar number (the G-28)."
            )
        )
        names = {
            "family": self.tr("&Family name"),
            "given": self.tr("&Given name"),
            "organization": self.tr("&Organization"),
            "street": self.tr("&Street number and name"),
            "unit": self.tr("Apt., ste. or flr. &number"),
            "city": self.tr("&City or town"),
            "state": self.tr("S&tate"),
            "zip": self.tr("&ZIP code"),
            "phone": self.tr("&Daytime phone"),
            "email": self.tr("&E-mail"),
            "bar_number": self.tr("&Bar number (attorneys)"),
            "bar_state": self.tr("State of the &bar"),
        }
        for field, text in names.items():
            self.labels[field].setText(text)
        self.unit_type_label.setText(self.tr("&Unit type"))
        for index, text in enumerate(
            ("", self.tr("Apt. (apartment)"), self.tr("Ste. (suite)"), self.tr("Flr. (floor)"))
        ):
            self.unit_type.setItemText(index, text)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.translate_ui()
        super().changeEvent(event)

    def _loaded(self, profile: dict[str, str]) -> None:
        if self.dropped:
            return
        for field, edit in self.edits.items():
            edit.setText(profile.get(field, ""))
        kind = self.unit_type.findData(profile.get("unit_type", ""))
        self.unit_type.setCurrentIndex(max(kind, 0))

    def submit(self) -> None:
        changes = {field: edit.text() for field, edit in self.edits.items()}
        changes["unit_type"] = str(self.unit_type.currentData() or "")
        self.buttons.setEnabled(False)
        self.ops.run(lambda desk: desk.admin.set_profile(changes), self._saved, self._failed)

    def _saved(self, _profile: dict[str, str]) -> None:
        if self.dropped:
            return
        self.saved.emit(self.tr("Your profile is saved."))
        self.accept()

    def _failed(self, message: str) -> None:
        if self.dropped:
            return
        self.buttons.setEnabled(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setText(message)

    def drop(self) -> None:
        self.dropped = True
        self.reject()
