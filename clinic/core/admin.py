"""Admin: the site's name, users and passphrases, the official forms this laptop fills, the
program-status notices, and the checks of the database and the audit chain."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from clinic.core.files import write_clinic_file, write_file
from clinic.core.views import AutomapDraft
from clinic.domain.languages import text_in
from clinic.domain.policy import PolicyDataError, ProgramStatus, parse_program_status
from clinic.domain.roles import (
    a_role,
    may_hold_org_key,
    may_manage,
    may_read_audit,
    may_set_up_site,
    parse_role,
)
from clinic.errors import UsageError
from clinic.messages import in_language, say
from clinic.packet.library import InstalledForm
from clinic.store.clinic import AccessDenied, AuditEntry, Session, UserInfo

if TYPE_CHECKING:
    from clinic.core.desk import Desk
    from clinic.packet.fetch import Fetched
    from clinic.packet.packs import Pack


def denied(role: str, what: str) -> AccessDenied:
    """The refusal of ``what`` to a user of ``role``: "a volunteer may not ...", "an attorney
    may not ..." (each said for translation)."""
    if a_role(role).startswith("an "):
        return AccessDenied(say("an {role} may not {what}", role=role, what=what))
    return AccessDenied(say("a {role} may not {what}", role=role, what=what))


class Admin:
    """``desk.admin``: what an admin or coordinator sets up, and the checks anyone may run."""

    def __init__(self, desk: Desk) -> None:
        self._desk = desk

    # -- the site and its users ---------------------------------------------------------------

    def _require(self, allowed: bool, what: str) -> Session:
        """The signed-in session, if its role may do ``what`` (:class:`AccessDenied` if not)."""
        session = self._desk.session
        if not allowed:
            raise denied(session.role.value, what)
        return session

    def set_site(self, site: str) -> str:
        """Rename the site (what reports and tallies show from now on); returns the new name.
        Admins and coordinators."""
        role = self._desk.session.role
        self._require(may_set_up_site(role), "set up the site").set_site(site)
        return self._desk.site()

    def contact(self) -> str:
        """The clinic's contact for the people it serves (the take-home sheet prints it)."""
        return self._desk.session.contact()

    def set_contact(self, contact: str) -> str:
        """Set the clinic's contact for clients (a phone, an e-mail, an address; empty: none);
        returns it as kept. Admins and coordinators; audited."""
        role = self._desk.session.role
        self._require(may_set_up_site(role), "set up the site").set_contact(contact)
        return self._desk.session.contact()

    def users(self) -> list[UserInfo]:
        return self._desk.session.list_users()

    def add_user(self, username: str, role: str, passphrase: str) -> None:
        """Add a user of a role the signed-in user manages (clinic.domain.roles)."""
        target = parse_role(role)
        me = self._desk.session.role
        self._require(may_manage(me, target), f"add {a_role(target.value)}").add_user(
            username, target.value, passphrase, give_org_key=may_hold_org_key(target)
        )

    def disable_user(self, username: str) -> None:
        """Disable a user the signed-in user manages; their wrap of the data key is deleted."""
        session = self._desk.session
        target = session.user_role(username)
        self._require(may_manage(session.role, target), f"disable {a_role(target.value)}")
        if username == session.username:
            raise UsageError(say("you cannot disable yourself"))
        session.disable_user(username)

    def _own_or_managed(self, username: str | None, what: str) -> tuple[Session, str]:
        """The session and the user meant: oneself, or a user one manages (``what``, as in
        "reset {a volunteer}'s passphrase", names the refusal)."""
        session = self._desk.session
        username = username or session.username
        if username != session.username:
            target = session.user_role(username)
            self._require(may_manage(session.role, target), what.format(a_role(target.value)))
        return session, username

    def change_passphrase(self, new_passphrase: str, username: str | None = None) -> None:
        """Change one's own passphrase, or (admins, coordinators) reset another user's; a reset
        also re-enables a disabled user. Records are untouched."""
        session, username = self._own_or_managed(username, "reset {}'s passphrase")
        # an attorney's, coordinator's or admin's copy of the org key follows the passphrase
        target = session.user_role(username)
        session.change_passphrase(username, new_passphrase, give_org_key=may_hold_org_key(target))

    def profile(self, username: str | None = None) -> dict[str, str]:
        """A user's profile (one's own, or a user one manages)."""
        session, username = self._own_or_managed(username, "read {}'s profile")
        return session.profile(username)

    def set_profile(
        self, changes: Mapping[str, Any], username: str | None = None
    ) -> dict[str, str]:
        """Change a user's profile (one's own, or a user one manages): the given fields are set
        ("" clears one), each checked as the forms take it; returns the profile."""
        from clinic.domain.answers import PROFILE_SPECS, AnswersInvalid, normalize_with

        session, username = self._own_or_managed(username, "change {}'s profile")
        merged: dict[str, Any] = {**session.profile(username), **changes}
        try:
            profile = normalize_with(PROFILE_SPECS, merged, "profile")
        except AnswersInvalid as exc:  # named as the profile names them, nothing saved
            problems = "; ".join(
                f"{PROFILE_SPECS[e.key].label if e.key in PROFILE_SPECS else e.key}: {e.problem}"
                for e in exc.errors
            )
            raise UsageError(
                say("the profile is not saved: {problems}", problems=problems)
            ) from None
        session.set_profile(username, {k: str(v) for k, v in profile.items()})
        return session.profile(username)

    # -- forms ----------------------------------------------------------------------------

    def installed_forms(self) -> list[InstalledForm]:
        return self._desk.library().installed()

    def form_packs(self) -> list[Pack]:
        """Every form pack this laptop has (each an edition of a form, with when USCIS accepts
        it), whether or not its PDF is installed."""
        return list(self._desk.library().packs)

    def has_pack(self, form: str) -> bool:
        """Whether any edition of ``form`` (e.g. ``I-765WS``) has a form pack here."""
        return bool(self._desk.library().packs_for(form))

    def install_forms(self, paths: Sequence[Path]) -> list[InstalledForm]:
        library = self._desk.library()
        return [library.install(p) for p in paths]

    def verify_form(self, path: Path) -> str:
        """Which form and edition a PDF is, or a :class:`LibraryError` saying why it is not."""
        return self._desk.library().recognise(path).key

    def automap(self, path: Path, out: Path) -> AutomapDraft:
        """Draft a form pack for a new edition into ``out`` (YAML), for a person to check line
        by line against the PDF and then confirm."""
        from clinic.packet.automap import draft_pack

        try:
            draft = draft_pack(path)
        except ValueError as exc:  # no edition date, not a readable PDF
            raise UsageError(f"{path.name}: cannot draft a pack ({exc})") from None
        text = draft.to_yaml()
        write_file(out, text.encode("utf-8"))
        fields, blank = draft.pack.get("fields", {}), draft.pack.get("blank", {})
        summary = (
            f"{len(fields)} field(s) mapped, {len(blank)} blank, {len(draft.unmatched)} matched "
            "no rule"
        )
        return AutomapDraft(pdf=path, draft=out, summary=summary, text=text)

    def confirm_pack(self, draft: Path, pdf: Path, *, checked: bool = False) -> InstalledForm:
        """Keep a draft pack a person checked (``checked``: they said so on the screen; on the
        command line they set ``accepted.confirmed: true`` in the draft) and install its PDF."""
        return self._desk.library().confirm(draft, pdf, checked=checked)

    def fetch_forms(self, on: dt.date | None = None, forms: Sequence[str] = ()) -> list[Fetched]:
        """Download the editions accepted on ``on`` (today) from uscis.gov and install them."""
        from clinic.packet.fetch import fetch

        desk = self._desk
        return fetch(desk.library(), desk.on_or_today(on), list(forms) or None)

    # -- notices ----------------------------------------------------------------------------

    def program_notices(self, lang: str) -> list[str]:
        """What the dated program-status data says today, in ``lang``, with the date it took
        effect and its source, then the organization's alerts (through sync)."""
        desk = self._desk
        status = desk.policy.status_on(desk.today())
        lines = [n.text(lang) for n in status.notices]
        source = say(
            "In force since {date}. Source (its citations are in English): {source}",
            date=status.effective.isoformat(),
            source=status.source,
        )
        lines.append(in_language(source, lang))
        if status.confirmed is not None:
            checked = say(
                "Last checked against its sources on {date}.", date=status.confirmed.isoformat()
            )
            lines.append(in_language(checked, lang))
        for alert in desk.session.sync_state().alerts:
            texts = {k: v for k, v in alert.items() if isinstance(v, str)}
            lines.append(f"{alert.get('effective', '')} · {text_in(texts, lang)}")
        return lines

    def program_status(self, on: dt.date | None = None) -> tuple[ProgramStatus, ...]:
        """Every program-status entry (the program's and this clinic's), oldest first; the one
        in force on a date is the latest effective on or before it."""
        desk = self._desk
        desk.policy.status_on(desk.on_or_today(on))  # a clear error if none is in force
        return desk.policy.statuses

    def install_program_status(self, path: Path) -> tuple[list[ProgramStatus], list[dt.date]]:
        """Install a coordinator's program-status entries from a YAML file (the format of
        ``resources/rules/program_status.yaml``): every key checked, nothing kept if one is
        wrong. The clinic's earlier entries stay, except one of the same effective date, which
        the new one replaces; an entry replaces ClinicDay's of its date. Returns the entries
        installed and the dates of the earlier ones kept. Coordinators and admins; audited."""
        import yaml

        from clinic.resources import INSTALLED_STATUS, ResourceError, read_yaml_file

        desk = self._desk
        session = self._require(may_set_up_site(desk.session.role), "update the program status")
        target = desk.data_dir / INSTALLED_STATUS
        try:
            raw = read_yaml_file(path)
            entries = parse_program_status(raw, installed=True)
            earlier = read_yaml_file(target)["entries"] if target.is_file() else []
        except PolicyDataError as exc:
            raise UsageError(f"{path.name}: {exc}") from None
        except ResourceError as exc:
            raise UsageError(str(exc)) from None
        new_dates = {e.effective for e in entries}
        kept = [e for e in earlier if _effective(e) not in new_dates]
        merged = sorted([*kept, *raw["entries"]], key=_effective)
        parse_program_status({"entries": merged}, installed=True)  # the whole stays valid
        text = yaml.safe_dump({"entries": merged}, allow_unicode=True, sort_keys=False)
        try:
            target.parent.mkdir(exist_ok=True)
        except OSError as exc:
            raise UsageError(f"{target.parent}: cannot be written ({exc.strerror})") from None
        write_clinic_file(target, text.encode("utf-8"))  # the clinic's own folder
        desk.forget_policy()
        dates = ", ".join(e.effective.isoformat() for e in entries)
        session.audit_action("rules_installed", f"program status entries effective {dates}")
        return entries, sorted(_effective(e) for e in kept)

    def remove_program_status(self) -> bool:
        """Remove this clinic's program-status entries (the program's apply again); whether
        there were any. Coordinators and admins; audited."""
        from clinic.resources import INSTALLED_STATUS

        desk = self._desk
        session = self._require(may_set_up_site(desk.session.role), "update the program status")
        path = desk.data_dir / INSTALLED_STATUS
        if not path.is_file():
            return False
        path.unlink()
        desk.forget_policy()
        session.audit_action("rules_removed", "program status entries of this clinic")
        return True

    # -- checks ---------------------------------------------------------------------------

    def check(self) -> list[str]:
        """Database, records and audit chain: every problem found (none: all is well)."""
        return self._desk.session.check()

    def audit_log(self) -> tuple[list[AuditEntry], list[str]]:
        """The audit log (who did what, no personal data) and the problems of its chain."""
        session = self._require(may_read_audit(self._desk.session.role), "read the audit log")
        return session.audit_log(), session.verify_audit()


def _effective(entry: object) -> dt.date:
    """An entry's effective date as YAML read it (checked already)."""
    value = entry.get("effective") if isinstance(entry, dict) else None
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))
