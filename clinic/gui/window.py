"""The main window: first run, sign-in, and the tabs a role sees; the idle lock; the status bar.

The window holds no global state beyond what it shows: the signed-in screens are built after a
sign-in and destroyed when the app locks (so nothing decrypted stays on screen or in a widget),
then built again after the passphrase. Which tabs a role sees: everyone has Today, the person
screen and Settings (staff language); attorneys and admins have Review; coordinators and admins
have Counts and manage users and forms. The menus, shown while someone is signed in: Account
(change my passphrase; admins and coordinators also reset another user's; lock) and Tools (check
this laptop's data), with their dialogs in :mod:`clinic.gui.account`.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from clinic import clock
from clinic.core import Desk, RecordView, SignedIn, SyncStatus
from clinic.core.demo import DEMO_PASSPHRASE, DEMO_SITE
from clinic.domain.languages import client_language
from clinic.domain.policy import Policy
from clinic.domain.questionnaire import Questionnaire
from clinic.domain.roles import Role
from clinic.gui import osedge
from clinic.gui.account import CheckDialog, PassphraseDialog, ProfileDialog, manages_users
from clinic.gui.board import BoardPage
from clinic.gui.coordinator import CountsPage, SettingsPage
from clinic.gui.i18n import Translations, qt_translations_dir, role_label, staff_language
from clinic.gui.interview import InterviewPage
from clinic.gui.ops import Ops
from clinic.gui.record import RecordPage
from clinic.gui.review import ReviewPage
from clinic.gui.security import DEFAULT_IDLE_MINUTES, IdleLock
from clinic.gui.syncview import SyncIndicator, SyncSettings

# what signing in gives the window: who, the questionnaire and rules, the staff language they
# speak and its translation (None: the one shown already)
SignInResult = tuple[SignedIn, tuple[Questionnaire, Policy], str, list[bytes] | None]


class WelcomePage(QWidget):
    """No clinic in the data folder yet: create one, or open the demo clinic."""

    def __init__(self, window: ClinicWindow) -> None:
        super().__init__(window)
        self.window_ = window
        self.heading = QLabel(self)
        self.heading.setObjectName("welcome-heading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.heading.setFont(font)
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.demo_button = QPushButton(self)
        self.demo_button.setObjectName("open-demo")
        self.create_box = QGroupBox(self)
        self.site = QLineEdit(self)
        self.site.setObjectName("create-site")
        self.admin = QLineEdit(self)
        self.admin.setObjectName("create-admin")
        self.passphrase = QLineEdit(self)
        self.passphrase.setObjectName("create-passphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.again = QLineEdit(self)
        self.again.setObjectName("create-again")
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        self.create_button = QPushButton(self)
        self.create_button.setObjectName("create-clinic")
        self.error = QLabel(self)
        self.error.setObjectName("welcome-error")
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        self.labels = [QLabel(self) for _ in range(4)]
        form = QFormLayout(self.create_box)
        for label, field in zip(
            self.labels, (self.site, self.admin, self.passphrase, self.again), strict=True
        ):
            label.setBuddy(field)
            form.addRow(label, field)
        form.addRow(self.create_button)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.heading)
        layout.addWidget(self.text)
        layout.addWidget(self.demo_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.create_box)
        layout.addWidget(self.error)
        layout.addStretch(2)
        self.demo_button.clicked.connect(window.open_demo)
        self.create_button.clicked.connect(self._create)
        self.again.returnPressed.connect(self._create)
        self.translate_ui()

    def translate_ui(self) -> None:
        self.heading.setText(self.tr("Welcome to ClinicDay"))
        self.text.setText(
            self.tr(
                "There is no clinic in %1 yet. To look around first, open the demo clinic: "
                "made-up people, never real ones. To run a real clinic day, create a clinic: "
                "you become its administrator."
            ).replace("%1", str(self.window_.data_dir))
        )
        self.demo_button.setText(self.tr("Open the &demo clinic"))
        self.create_box.setTitle(self.tr("Create a clinic"))
        for label, text in zip(
            self.labels,
            (
                self.tr("&Site name:"),
                self.tr("Your &user name:"),
                self.tr("&Passphrase (12 characters or more):"),
                self.tr("Passphrase &again:"),
            ),
            strict=True,
        ):
            label.setText(text)
        self.create_button.setText(self.tr("&Create the clinic"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.translate_ui()
        super().changeEvent(event)

    def _create(self) -> None:
        site, admin = self.site.text().strip(), self.admin.text().strip()
        if not site or not admin:
            self.error.setText(self.tr("Give the site name and your user name."))
            return
        if self.passphrase.text() != self.again.text():
            self.error.setText(self.tr("The two passphrases differ."))
            return
        self.error.clear()
        self.window_.create_clinic(site, admin, self.passphrase.text())


class SignInPage(QWidget):
    """User (with their role) and passphrase."""

    def __init__(self, window: ClinicWindow) -> None:
        super().__init__(window)
        self.window_ = window
        self.heading = QLabel(self)
        self.heading.setObjectName("signin-heading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.heading.setFont(font)
        self.text = QLabel(self)
        self.text.setObjectName("signin-text")
        self.text.setWordWrap(True)
        self.demo = QLabel(self)  # the demo clinic's passphrase, whole, selectable
        self.demo.setObjectName("signin-demo")
        self.demo.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.demo.setStyleSheet("font-weight: bold;")
        self.demo.hide()
        self.user = QComboBox(self)
        self.user.setObjectName("user")
        self.passphrase = QLineEdit(self)
        self.passphrase.setObjectName("passphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.button = QPushButton(self)
        self.button.setObjectName("sign-in")
        self.button.setDefault(True)
        self.error = QLabel(self)
        self.error.setObjectName("signin-error")
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        self.user_label, self.pass_label = QLabel(self), QLabel(self)
        self.user_label.setBuddy(self.user)
        self.pass_label.setBuddy(self.passphrase)
        self.site = ""
        self.locked_user: str | None = None
        form = QFormLayout()
        form.addRow(self.user_label, self.user)
        form.addRow(self.pass_label, self.passphrase)
        box = QWidget(self)
        box.setMaximumWidth(self.fontMetrics().averageCharWidth() * 70)
        inner = QVBoxLayout(box)
        inner.addStretch(1)
        inner.addWidget(self.heading)
        inner.addWidget(self.text)
        inner.addWidget(self.demo)
        inner.addLayout(form)
        inner.addWidget(self.button, 0, Qt.AlignmentFlag.AlignRight)
        inner.addWidget(self.error)
        inner.addStretch(2)
        layout = QHBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(box, 3)
        layout.addStretch(1)
        self.button.clicked.connect(self._sign_in)
        self.passphrase.returnPressed.connect(self._sign_in)
        self.locked_idle = False
        self.names: list[tuple[str, Role]] = []
        self.translate_ui()

    def translate_ui(self) -> None:
        self.heading.setText(self.site or self.tr("Sign in"))
        if self.locked_user and self.locked_idle:
            text = self.tr(
                "ClinicDay locked itself after a while without use, and dropped its keys. "
                "Enter your passphrase to continue where you were, or choose another user."
            )
        elif self.locked_user:
            text = self.tr(
                "ClinicDay is locked and dropped its keys. "
                "Enter your passphrase to continue where you were, or choose another user."
            )
        else:
            text = self.tr("Choose your name and enter your passphrase to start the clinic day.")
        if self.site == DEMO_SITE:
            text += "\n\n" + self.tr(
                "This is the demo clinic (made-up people). Sign in as vol (volunteer), atty "
                "(attorney), coord (coordinator) or admin, with the passphrase below."
            )
            # on a line of its own, never wrapped: a line breaks a sentence at a hyphen
            self.demo.setText(self.tr("Demo passphrase: %1").replace("%1", DEMO_PASSPHRASE))
        self.demo.setVisible(self.site == DEMO_SITE)
        self.text.setText(text)
        self.user_label.setText(self.tr("&User:"))
        self.pass_label.setText(self.tr("&Passphrase:"))
        self.button.setText(self.tr("&Sign in"))
        current = self.user.currentIndex()
        self.user.clear()
        for name, role in self.names:
            self.user.addItem(f"{name} ({role_label(role)})", name)
        self.user.setCurrentIndex(max(current, 0))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.translate_ui()
        super().changeEvent(event)

    def set_names(
        self,
        site: str,
        names: list[tuple[str, Role]],
        user: str | None,
        *,
        locked: bool,
        idle: bool = False,
    ) -> None:
        """Show the users, ``user`` chosen; ``locked``: the app was locked (``idle``: by itself,
        after the idle time)."""
        self.site, self.names = site, names
        self.locked_user = user if locked else None
        self.locked_idle = idle
        self.translate_ui()
        wanted = user or ("vol" if site == DEMO_SITE else None)
        index = self.user.findData(wanted) if wanted else -1
        if index >= 0:
            self.user.setCurrentIndex(index)
        self.passphrase.clear()
        self.passphrase.setFocus()

    def _sign_in(self) -> None:
        user = str(self.user.currentData() or "")
        passphrase = self.passphrase.text()
        self.passphrase.clear()
        if not user:
            self.error.setText(self.tr("There is no user to sign in as."))
            return
        self.error.clear()
        self.button.setEnabled(False)
        self.window_.sign_in(user, passphrase)

    def failed(self, message: str) -> None:
        self.button.setEnabled(True)
        self.error.setText(message[:1].upper() + message[1:])  # a sentence, as it is shown
        self.passphrase.setFocus()


class PersonPage(QStackedWidget):
    """The person screen: their record, or their interview."""

    def __init__(self, record: RecordPage, interview: InterviewPage) -> None:
        super().__init__()
        self.record = record
        self.interview = interview
        self.addWidget(record)
        self.addWidget(interview)


def fitted_size(window: QWidget, width: int, height: int) -> QSize:
    """At least ``width`` x ``height`` and nine tenths of a larger screen (a packet beside its
    answers wants the room), never larger than the screen's room for windows (a 1280x720
    laptop gets a window that fits, its status line and Lock button on screen)."""
    room = (window.screen() or QGuiApplication.primaryScreen()).availableGeometry()
    frame = 40  # the title bar and borders the window system adds
    wide = max(width, room.width() * 9 // 10)
    tall = max(height, room.height() * 9 // 10)
    return QSize(min(wide, room.width()), min(tall, room.height() - frame))


class ClinicWindow(QMainWindow):
    """The one window of the app."""

    def __init__(
        self,
        ops: Ops,
        data_dir: Path,
        *,
        translations: Translations,
        idle_minutes: float = DEFAULT_IDLE_MINUTES,
    ) -> None:
        super().__init__()
        self.setObjectName("clinic-window")
        self.ops = ops
        self.data_dir = data_dir
        self.translations = translations
        # the app's language until a person chose theirs (``--lang``, else English)
        self.start_language = translations.language
        self.signed_in: SignedIn | None = None
        self.resources: tuple[Questionnaire, Policy] | None = None
        self.staff: list[tuple[str, Role]] = []  # the users of this laptop (sign-in list)
        self.idle = IdleLock(idle_minutes, self)
        self.idle.locked.connect(self._lock_idle)
        self.open_record: str | None = None
        # who was signed in and which person they had open, kept over a lock for that user only
        self.resume: tuple[str, str] | None = None
        self.last_sync = ""  # the last sync shown: a new one reloads the screens

        self.stack = QStackedWidget(self)
        self.setCentralWidget(self.stack)
        self.welcome = WelcomePage(self)
        self.signin = SignInPage(self)
        self.stack.addWidget(self.welcome)
        self.stack.addWidget(self.signin)
        self.tabs: QTabWidget | None = None
        self.board: BoardPage | None = None
        self.person: PersonPage | None = None
        self.review: ReviewPage | None = None
        self.counts: CountsPage | None = None
        self.settings: SettingsPage | None = None
        self.sync: SyncIndicator | None = None
        self.sync_settings: SyncSettings | None = None

        self.who = QLabel(self)
        self.who.setObjectName("who")
        self.statusBar().addPermanentWidget(self.who)
        self.lock_action = QAction(self)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.triggered.connect(self.lock)
        self.addAction(self.lock_action)
        self.lock_button = QPushButton(self)
        self.lock_button.setObjectName("lock")
        self.lock_button.clicked.connect(self.lock)
        self.lock_button.hide()
        self.statusBar().addPermanentWidget(self.lock_button)

        # the menus, for whoever is signed in (hidden on the welcome and sign-in screens)
        self.account_menu = self.menuBar().addMenu("")
        self.account_menu.setObjectName("account-menu")
        self.change_passphrase_action = QAction(self)
        self.change_passphrase_action.setObjectName("change-my-passphrase")
        self.change_passphrase_action.triggered.connect(self.change_my_passphrase)
        self.reset_passphrase_action = QAction(self)
        self.reset_passphrase_action.setObjectName("reset-a-passphrase")
        self.reset_passphrase_action.triggered.connect(self.reset_a_passphrase)
        self.profile_action = QAction(self)
        self.profile_action.setObjectName("my-profile")
        self.profile_action.triggered.connect(self.edit_my_profile)
        self.account_menu.addAction(self.profile_action)
        self.account_menu.addAction(self.change_passphrase_action)
        self.account_menu.addAction(self.reset_passphrase_action)
        self.account_menu.addSeparator()
        self.account_menu.addAction(self.lock_action)
        # Quit (Ctrl+Q; the Mac's Cmd+Q): as the window's close button, the interview saved,
        # the keys dropped, the day's backup written; also where no window manager draws one
        self.quit_action = QAction(self)
        self.quit_action.setObjectName("quit")
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit_action.triggered.connect(self.quit_app)
        self.addAction(self.quit_action)
        self.account_menu.addAction(self.quit_action)
        self.tools_menu = self.menuBar().addMenu("")
        self.tools_menu.setObjectName("tools-menu")
        self.check_action = QAction(self)
        self.check_action.setObjectName("check-data")
        self.check_action.triggered.connect(self.check_data)
        self.tools_menu.addAction(self.check_action)
        self.menuBar().hide()
        self.passphrase_dialog: PassphraseDialog | None = None
        self.check_dialog: CheckDialog | None = None
        self.profile_dialog: ProfileDialog | None = None

        ops.busy.connect(self._busy)
        ops.failed.connect(lambda m: self.statusBar().showMessage(m, 15_000))
        self.translate_ui()
        self.resize(fitted_size(self, 1200, 800))

    # -- texts ------------------------------------------------------------------------------------

    def translate_ui(self) -> None:
        self.setWindowTitle(self.tr("ClinicDay"))
        self.lock_button.setText(self.tr("&Lock"))
        self.lock_button.setToolTip(self.tr("Lock now and drop the keys (Ctrl+L)"))
        self.lock_action.setText(self.tr("&Lock now"))
        self.quit_action.setText(self.tr("&Quit ClinicDay"))
        self.account_menu.setTitle(self.tr("&Account"))
        self.change_passphrase_action.setText(self.tr("&Change my passphrase…"))
        self.profile_action.setText(self.tr("My &profile…"))
        self.reset_passphrase_action.setText(self.tr("&Reset a user's passphrase…"))
        self.tools_menu.setTitle(self.tr("T&ools"))
        self.check_action.setText(self.tr("&Check this laptop's data…"))
        if self.signed_in is not None:
            s = self.signed_in
            self.who.setText(
                self.tr("%1 (%2) at %3")
                .replace("%1", s.username)
                .replace("%2", role_label(s.role))
                .replace("%3", s.site)
            )
        if self.tabs is not None:
            titles = {
                "today": self.tr("&Today"),
                "person": self.tr("&Person"),
                "review": self.tr("&Review"),
                "counts": self.tr("&Counts"),
                "settings": self.tr("Settin&gs"),
            }
            for i in range(self.tabs.count()):
                widget = self.tabs.widget(i)
                if widget is not None:
                    self.tabs.setTabText(i, titles[str(widget.property("tab"))])

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.translate_ui()
        super().changeEvent(event)

    def _busy(self, busy: bool) -> None:
        if busy:
            QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        else:
            QApplication.restoreOverrideCursor()

    # -- starting ---------------------------------------------------------------------------------

    def start(self) -> None:
        """Show the first screen: welcome (no clinic yet) or sign-in."""
        self.ops.run(lambda desk: desk.has_clinic(), self._started, self._start_failed)

    def _started(self, exists: bool) -> None:
        if exists:
            self.show_sign_in()
        else:
            self.stack.setCurrentWidget(self.welcome)
            self.welcome.demo_button.setFocus()

    def _start_failed(self, message: str) -> None:
        self.stack.setCurrentWidget(self.welcome)
        self.welcome.error.setText(message)

    def open_demo(self) -> None:
        self.welcome.error.setText(self.tr("Building the demo clinic (made-up people)…"))
        self.ops.run(
            lambda desk: desk.build_demo(),
            lambda _r: self.show_sign_in(),
            self.welcome.error.setText,
        )

    def create_clinic(self, site: str, admin: str, passphrase: str) -> None:
        self.ops.run(
            lambda desk: desk.create(site, admin, passphrase),
            lambda _r: self.show_sign_in(admin),
            self.welcome.error.setText,
        )

    def show_sign_in(
        self, user: str | None = None, *, locked: bool = False, idle: bool = False
    ) -> None:
        self.ops.run(
            lambda desk: (desk.site(), desk.sign_in_names()),
            lambda loaded: self._names(loaded, user, locked, idle),
            self._start_failed,
        )

    def _names(
        self,
        loaded: tuple[str, list[tuple[str, Role]]],
        user: str | None,
        locked: bool,
        idle: bool,
    ) -> None:
        site, names = loaded
        self.staff = list(names)  # the interpreter's suggestions, the attorneys of record
        self.signin.set_names(site, names, user, locked=locked, idle=idle)
        self.signin.button.setEnabled(True)
        self.stack.setCurrentWidget(self.signin)
        self.signin.passphrase.setFocus()

    def sign_in(self, user: str, passphrase: str) -> None:
        """Sign in on the worker; the language they chose last (else the app's) is read there
        too, so every screen is built in it: nothing of the last user's language stays."""
        current, start = self.translations.language, self.start_language
        qt_dir = qt_translations_dir()

        def work(desk: Desk) -> SignInResult:
            signed = desk.sign_in(user, passphrase)
            lang = signed.staff_language or start
            data = desk.translation(lang, qt_dir) if lang != current else None
            return signed, desk.resources(), lang, data

        self.ops.run(work, self._signed_in, self.signin.failed)

    def today(self) -> dt.date:
        """Today in the clinic's time zone, by the one clock (no I/O: the zone came with the
        sign-in)."""
        return clock.today(self.signed_in.timezone if self.signed_in else None)

    def _signed_in(self, result: SignInResult) -> None:
        self.signed_in, self.resources, lang, data = result
        self.signin.button.setEnabled(True)
        # the language they chose last (one who never chose gets the app's, not the last
        # user's), before any screen is built or says anything
        if data is not None:
            self.translations.switch(lang, data)
            self.ops.language = self.translations.language
        self._build_main()
        self.idle.start()
        self.lock_button.show()
        self.reset_passphrase_action.setVisible(manages_users(self.signed_in.role))
        self.menuBar().show()
        self.translate_ui()
        self.statusBar().showMessage(
            self.tr("Signed in. The data on this laptop is encrypted."), 8000
        )

    # -- the signed-in screens --------------------------------------------------------------------

    def _build_main(self) -> None:
        assert self.signed_in is not None and self.resources is not None
        role = self.signed_in.role
        questionnaire, policy = self.resources
        tabs = QTabWidget(self)
        tabs.setObjectName("main-tabs")
        self.board = BoardPage(self.ops, today=self.today)
        self.board.zone_name = self.signed_in.timezone
        self.board.setProperty("tab", "today")
        self.board.open_person.connect(self.open_person)
        tabs.addTab(self.board, "")
        record = RecordPage(self.ops, questionnaire)
        interview = InterviewPage(self.ops, questionnaire, policy, self.today)
        interview.suggestions["interpreter.user"] = [name for name, _role in self.staff]
        record.set_attorneys([name for name, role in self.staff if role is Role.ATTORNEY])
        self.person = PersonPage(record, interview)
        self.person.setProperty("tab", "person")
        record.interview.connect(self.open_interview)
        record.changed.connect(lambda _rid: self.board.refresh() if self.board else None)
        interview.left.connect(self._interview_left)
        interview.finished.connect(self._interview_left)
        tabs.addTab(self.person, "")
        self.review = None
        if role in (Role.ATTORNEY, Role.ADMIN):
            self.review = ReviewPage(self.ops, questionnaire, role)
            self.review.setProperty("tab", "review")
            self.review.reviewed.connect(lambda _rid: self.board.refresh() if self.board else None)
            tabs.addTab(self.review, "")
        self.counts = None
        manage = role in (Role.COORDINATOR, Role.ADMIN)
        if manage:
            self.counts = CountsPage(self.ops, self.today())
            self.counts.setProperty("tab", "counts")
            tabs.addTab(self.counts, "")
        self.settings = SettingsPage(self.ops, manage, role=role)
        self.settings.setProperty("tab", "settings")
        index = self.settings.language.findData(self.translations.language)
        self.settings.language.setCurrentIndex(max(index, 0))
        self.settings.idle.setValue(self.idle.timer.interval() / 60_000)
        self.settings.language_chosen.connect(self.choose_language)
        self.settings.idle_minutes_chosen.connect(self.idle.set_minutes)
        self.sync_settings = SyncSettings(self.ops, manage)
        self.settings.add_section(self.sync_settings)
        tabs.addTab(self.settings, "")
        tabs.currentChanged.connect(self._tab_changed)
        self.sync = SyncIndicator(self.ops)
        self.statusBar().insertPermanentWidget(0, self.sync)
        self.sync.status_changed.connect(self._sync_status)
        self.sync_settings.enrolled.connect(self._enrolled)
        self.sync.start()
        self.stack.addWidget(tabs)
        self.stack.setCurrentWidget(tabs)
        self.tabs = tabs
        self.board.refresh()
        resume, self.resume = self.resume, None
        self.open_record = None
        if resume is not None and resume[0] == self.signed_in.username:
            self.open_person(resume[1])  # the same user, back from a lock: where they were
        elif self.review is not None and role is Role.ATTORNEY:
            tabs.setCurrentWidget(self.review)  # an attorney's day starts with the review queue
        self.board.search.setFocus()

    def _sync_status(self, status: SyncStatus) -> None:
        if self.sync_settings is not None:
            self.sync_settings.show_status(status)
        if status.matches and self.board is not None:
            self.board.refresh()
        if status.last_sync and status.last_sync != self.last_sync:
            if self.last_sync and self.board is not None:
                self.board.refresh()  # what another laptop did shows at once
            self.last_sync = status.last_sync
            self._reload_record()

    def _enrolled(self, status: SyncStatus) -> None:
        if self.sync is not None:
            self.sync.set_status(status)
            self.sync.sync_now()

    def switch_language(self, lang: str) -> None:
        """Change the staff language (the translation is read on the worker)."""
        qt_dir = qt_translations_dir()
        self.ops.run(
            lambda desk: desk.translation(lang, qt_dir),
            lambda data: self._language_switched(lang, data),
        )

    def choose_language(self, lang: str) -> None:
        """The person chose a staff language in Settings: it speaks it now, and is kept for
        them (sealed) so their next sign-in opens in it, on this laptop, whoever used it last."""
        self.switch_language(lang)
        self.ops.run(lambda desk: desk.set_staff_language(lang))

    def _language_switched(self, lang: str, data: list[bytes]) -> None:
        self.translations.switch(lang, data)
        self.ops.language = self.translations.language  # errors are told in it too

    def _tab_changed(self, index: int) -> None:
        if self.tabs is None:
            return
        widget = self.tabs.widget(index)
        if widget is self.review and self.review is not None:
            self.review.refresh()
        elif widget is self.counts and self.counts is not None:
            self.counts.refresh()
        elif widget is self.settings and self.settings is not None:
            self.settings.refresh()
        elif widget is self.board and self.board is not None:
            self.board.refresh()
        elif widget is self.person and self.person is not None:
            self._reload_record()  # reviewed or synced while another tab was shown

    def _reload_record(self) -> None:
        """Read the shown record again (never the interview: that would disturb typing)."""
        if self.person is not None and self.person.currentWidget() is self.person.record:
            self.person.record.reload()

    def open_person(self, record_id: str) -> None:
        """Open a person: their interview while they are at check-in or screening, else their
        record."""
        if self.person is None or self.tabs is None:
            return
        self.open_record = record_id
        self.tabs.setCurrentWidget(self.person)
        staff = staff_language()
        self.ops.run(
            lambda desk: desk.interview.record(record_id, staff_lang=staff),
            self._person_loaded,
            self.person.record.message.setText,
        )

    def _person_loaded(self, view: RecordView) -> None:
        if self.person is None:
            return
        from clinic.core import station_of

        if view.draft is not None or station_of(view.state) in ("check_in", "screening"):
            self._start_interview(view)
        else:
            self.person.record.show_record(view)
            self.person.setCurrentWidget(self.person.record)

    def open_interview(self, record_id: str) -> None:
        staff = staff_language()
        self.ops.run(
            lambda desk: desk.interview.record(record_id, staff_lang=staff),
            self._start_interview,
            self.statusBar().showMessage,
        )

    def _start_interview(self, view: RecordView) -> None:
        if self.person is None:
            return
        a = view.state.answers
        name = ", ".join(str(a[k]) for k in ("name.family", "name.given") if a.get(k))
        # the language the person was last interviewed (screened) in, else the one they speak
        lang = client_language(view.screened_in or a.get("language"))
        self.person.interview.start(view.state.record_id, name, a, view.draft, lang)
        self.person.setCurrentWidget(self.person.interview)

    def _interview_left(self, record_id: str) -> None:
        if self.person is None:
            return
        self.person.record.open_record(record_id)
        self.person.setCurrentWidget(self.person.record)
        if self.board is not None:
            self.board.refresh()

    # -- the account and the checks (clinic.gui.account) ------------------------------------------

    def change_my_passphrase(self) -> None:
        """Account → Change my passphrase…"""
        self._open_passphrase(reset=False)

    def reset_a_passphrase(self) -> None:
        """Account → Reset a user's passphrase… (admins and coordinators)."""
        self._open_passphrase(reset=True)

    def _open_passphrase(self, *, reset: bool) -> None:
        if self.signed_in is None:
            return
        self._drop_dialogs()
        dialog = PassphraseDialog(self.ops, self.signed_in, self, reset=reset)
        dialog.changed.connect(lambda text: self.statusBar().showMessage(text, 15_000))
        dialog.finished.connect(lambda _result: self._dialog_closed(dialog))
        dialog.addAction(self.lock_action)  # Ctrl+L locks from the dialog too
        self.passphrase_dialog = dialog
        dialog.open()

    def edit_my_profile(self) -> None:
        """Account → My profile…: the details the packets one builds name as their preparer."""
        if self.signed_in is None:
            return
        self._drop_dialogs()
        dialog = ProfileDialog(self.ops, self)
        dialog.saved.connect(lambda text: self.statusBar().showMessage(text, 15_000))
        dialog.finished.connect(lambda _result: self._dialog_closed(dialog))
        dialog.addAction(self.lock_action)
        self.profile_dialog = dialog
        dialog.open()

    def check_data(self) -> None:
        """Tools → Check this laptop's data…: runs at once, shows all passed or each problem."""
        if self.signed_in is None:
            return
        self._drop_dialogs()
        dialog = CheckDialog(self.ops, self)
        dialog.checked.connect(lambda text: self.statusBar().showMessage(text, 15_000))
        dialog.finished.connect(lambda _result: self._dialog_closed(dialog))
        dialog.addAction(self.lock_action)
        self.check_dialog = dialog
        dialog.open()
        dialog.run_check()

    def _dialog_closed(self, dialog: PassphraseDialog | CheckDialog | ProfileDialog) -> None:
        dialog.dropped = True  # a result still on its way is ignored
        if dialog is self.passphrase_dialog:
            self.passphrase_dialog = None
        if dialog is self.check_dialog:
            self.check_dialog = None
        if dialog is self.profile_dialog:
            self.profile_dialog = None
        dialog.deleteLater()

    def _drop_dialogs(self) -> None:
        for dialog in (self.passphrase_dialog, self.check_dialog, self.profile_dialog):
            if dialog is not None:
                dialog.drop()

    # -- locking and closing ----------------------------------------------------------------------

    def lock(self) -> None:
        """Save what is typed, drop the keys, clear every signed-in screen, ask again (Ctrl+L,
        the Lock button)."""
        self._lock(idle=False)

    def _lock_idle(self) -> None:
        self._lock(idle=True)

    def _lock(self, *, idle: bool) -> None:
        if self.signed_in is None:
            return
        user = self.signed_in.username
        if self.person is not None:
            self.person.interview.flush()
            self.person.record.clipboard.clear()
        self.resume = (user, self.open_record) if self.open_record else None
        self.open_record = None
        self.idle.stop()
        self._drop_dialogs()  # typed passphrases are cleared
        osedge.edge().forget()  # the next user's file dialogs never open in this one's folders
        self.ops.run(lambda desk: desk.lock())
        self._drop_main()
        self.signed_in = None
        self.lock_button.hide()
        self.menuBar().hide()
        self.who.clear()
        self.statusBar().showMessage(self.tr("Locked. The keys were dropped."))
        self.show_sign_in(user, locked=True, idle=idle)

    def _drop_main(self) -> None:
        if self.sync is not None:
            self.sync.stop()
            self.statusBar().removeWidget(self.sync)
            self.sync.deleteLater()
            self.sync = None
        self.sync_settings = None
        if self.tabs is not None:
            self.stack.removeWidget(self.tabs)
            self.tabs.deleteLater()
        self.tabs = self.board = self.person = self.review = self.counts = self.settings = None

    def quit_app(self) -> None:
        """Quit (a ``triggered`` slot): the window closes as its close button closes it."""
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.person is not None:
            self.person.interview.flush()
            self.person.record.clipboard.clear()
        self._drop_dialogs()
        self.idle.stop()
        event.accept()
