"""The :class:`Desk`: one clinic data folder, who is signed in, and the managers that do the
day's work (``desk.people``, ``desk.interview``, ``desk.packets``, ``desk.review``,
``desk.sync``, ``desk.admin``, ``desk.reports``), the shape of Anki's ``Collection`` with its
``decks`` and ``models``. The threading contract is in :mod:`clinic.core`.
"""

from __future__ import annotations

import datetime as dt
import os
import threading
from pathlib import Path

from clinic import clock
from clinic.core.admin import Admin
from clinic.core.backups import Backups
from clinic.core.interview import InterviewDesk
from clinic.core.packets import Packets
from clinic.core.people import People
from clinic.core.reports import Reports
from clinic.core.review import ReviewDesk
from clinic.core.sync import SyncDesk
from clinic.core.views import SignedIn
from clinic.domain.languages import staff_languages
from clinic.domain.policy import Policy
from clinic.domain.questionnaire import Questionnaire
from clinic.domain.roles import Role, may_hold_org_key
from clinic.messages import say
from clinic.packet.library import FormLibrary
from clinic.store.clinic import DB_NAME, Clinic, Session, StoreError, create_clinic


class Locked(StoreError):
    """No one is signed in (or the idle lock dropped the keys)."""


class Desk:
    """Everything ClinicDay does with a clinic data folder, for the app and the command line."""

    def __init__(
        self, data_dir: Path, *, forms_dir: Path | None = None, daily_backups: bool = False
    ) -> None:
        self.data_dir = data_dir
        self.forms_dir = forms_dir or data_dir / "forms"
        self._clinic: Clinic | None = None
        self._session: Session | None = None
        self._policy: Policy | None = None
        self._questionnaire: Questionnaire | None = None
        # sign-in, lock and the lazy loads below may meet the sync lane (clinic.core)
        self._guard = threading.RLock()
        self.people = People(self)
        self.interview = InterviewDesk(self)
        self.packets = Packets(self)
        self.review = ReviewDesk(self)
        self.sync = SyncDesk(self)
        self.admin = Admin(self)
        self.reports = Reports(self)
        self.backups = Backups(self, daily=daily_backups)

    # -- opening, signing in, locking ---------------------------------------------------------

    def has_clinic(self) -> bool:
        return (self.data_dir / DB_NAME).is_file()

    def create(
        self,
        site: str,
        admin: str,
        passphrase: str,
        *,
        kdf_seconds: float = 0.5,
        timezone: str | None = None,
    ) -> str:
        """Create a new clinic in the data folder (refused if one is there), in ``timezone``
        (an IANA name; default: the system's); returns the zone it is in."""
        return create_clinic(
            self.data_dir,
            site=site,
            admin=admin,
            passphrase=passphrase,
            kdf_seconds=kdf_seconds,
            timezone=timezone,
        )

    def build_demo(
        self,
        *,
        people: int = 40,
        seed: int | None = None,
        on: dt.date | None = None,
        site: str | None = None,
        passphrase: str | None = None,
        kdf_seconds: float = 0.5,
    ) -> bool:
        """Build the demo clinic of synthetic people in the data folder unless it exists.
        Returns whether it was built now. No one stays signed in."""
        from clinic.core.demo import DEMO_PASSPHRASE, DEMO_SEED, DEMO_SITE, build_demo

        _session, fresh = build_demo(
            self.data_dir,
            people=people,
            seed=DEMO_SEED if seed is None else seed,
            today=on or self.today(),
            site=site or DEMO_SITE,
            passphrase=passphrase or DEMO_PASSPHRASE,
            kdf_seconds=kdf_seconds,
        )
        return fresh

    def today(self) -> dt.date:
        """Today in the clinic's time zone (the machine's before a clinic exists), by the one
        clock (:mod:`clinic.clock`)."""
        zone = self.clinic.timezone if self.has_clinic() else None
        return clock.today(zone)

    def on_or_today(self, on: dt.date | None) -> dt.date:
        return on or self.today()

    @property
    def clinic(self) -> Clinic:
        """The clinic (locked: no keys) of the data folder, opened once."""
        with self._guard:
            if self._clinic is None:
                self._clinic = Clinic(self.data_dir)
            return self._clinic

    def site(self) -> str:
        return self.clinic.site

    def damaged(self) -> bool:
        """The clinic database is damaged and open read-only (export what is intact)."""
        return self.clinic.damaged

    def sign_in_names(self) -> list[tuple[str, Role]]:
        return self.clinic.sign_in_names()

    def sign_in(self, username: str, passphrase: str) -> SignedIn:
        clinic = self.clinic
        session = clinic.unlock(username, passphrase)
        if may_hold_org_key(session.role) and not clinic.damaged:
            # an older version kept the org's private key where every user could open it
            session.adopt_shared_org_secrets()
        with self._guard:
            self._session = session
        return self.signed_in()

    def signed_in(self) -> SignedIn:
        """Who is signed in (raises :class:`Locked` when no one is), with the staff language
        they chose last ("" when they never did)."""
        session = self.session
        clinic = self.clinic
        return SignedIn(
            session.username,
            session.role,
            clinic.site,
            clinic.timezone,
            self._chosen_language(session),
        )

    @staticmethod
    def _chosen_language(session: Session) -> str:
        try:
            chosen = session.preferences(session.username).get("staff_language", "")
        except StoreError:  # unreadable settings never keep a person from signing in
            return ""
        return chosen if chosen in staff_languages(pseudo=True) else ""

    def set_staff_language(self, lang: str) -> None:
        """Keep ``lang`` as the signed-in user's staff language: the app speaks it from their
        next sign-in on, on this laptop, whoever used it last. Sealed like their profile."""
        if lang not in staff_languages(pseudo=True):
            raise StoreError(say("{lang} is not a staff language", lang=lang))
        session = self.session
        preferences = session.preferences(session.username)
        if preferences.get("staff_language") != lang:
            session.set_preferences(session.username, {**preferences, "staff_language": lang})

    def is_signed_in(self) -> bool:
        return self._session is not None

    def lock(self) -> None:
        """Drop the keys: the session (and with it the data key) is released. The day's
        automatic backup is written first when it is due (``daily_backups``)."""
        self.backups.at_lock()
        with self._guard:
            self._session = None

    def close(self) -> None:
        if self._session is not None:
            self.backups.at_lock()
        with self._guard:
            self._session = None
            if self._clinic is not None:
                self._clinic.close()
                self._clinic = None

    @property
    def session(self) -> Session:
        session = self._session
        if session is None:
            raise Locked(say("signed out: sign in again to continue"))
        return session

    @property
    def policy(self) -> Policy:
        with self._guard:
            if self._policy is None:
                from clinic.resources import policy

                self._policy = policy(self.data_dir)
            return self._policy

    def forget_policy(self) -> None:
        """Read the rules data again at its next use (after a coordinator installs entries)."""
        with self._guard:
            self._policy = None

    @property
    def questionnaire(self) -> Questionnaire:
        with self._guard:
            if self._questionnaire is None:
                from clinic.resources import questionnaire

                self._questionnaire = questionnaire()
            return self._questionnaire

    def translation(self, lang: str, qt_dir: Path | None = None) -> list[bytes]:
        """The staff interface's compiled translations for ``lang`` (read on the worker)."""
        return staff_translation(lang, qt_dir)

    def resources(self) -> tuple[Questionnaire, Policy]:
        """The questionnaire and the dated rules, loaded once (the GUI screens with them)."""
        return self.questionnaire, self.policy

    def library(self) -> FormLibrary:
        return FormLibrary(self.forms_dir)

    def local_date(self, at: str) -> dt.date:
        return clock.local_date(at, self.clinic.timezone)

    def local_time(self, at: str) -> str:
        """An event's UTC time as the clinic reads it: ``YYYY-MM-DD HH:MM`` in its zone."""
        zone = clock.zone(self.clinic.timezone)
        return dt.datetime.fromisoformat(at).astimezone(zone).strftime("%Y-%m-%d %H:%M")


def staff_translation(lang: str, qt_dir: Path | None = None) -> list[bytes]:
    """The staff interface's compiled translations for ``lang`` (the app reads them once at
    start-up, before its worker runs; later switches go through :meth:`Desk.translation`)."""
    from clinic.resources import translation

    return translation(lang, qt_dir)


def default_data_dir() -> Path:
    """``CLINIC_DATA``, else ``~/ClinicDay``."""
    return Path(os.environ.get("CLINIC_DATA") or Path.home() / "ClinicDay").expanduser()


def app_icon() -> Path | None:
    """The app's icon (PNG) for its windows, or None when this installation lacks it."""
    from clinic.resources import resources_dir

    icon = resources_dir() / "icons" / "clinicday.png"
    return icon if icon.is_file() else None
