"""Admin: the site's name, users and passphrases, the official forms this laptop fills, the
program-status notices, and the checks of the database and the audit chain."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from clinic.core.files import write_file
from clinic.core.views import AutomapDraft
from clinic.domain.languages import text_in
from clinic.errors import UsageError
from clinic.packet.library import InstalledForm
from clinic.store.clinic import AuditEntry, UserInfo

if TYPE_CHECKING:
    from clinic.core.desk import Desk
    from clinic.packet.fetch import Fetched
    from clinic.packet.packs import Pack


class Admin:
    """``desk.admin``: what an admin or coordinator sets up, and the checks anyone may run."""

    def __init__(self, desk: Desk) -> None:
        self._desk = desk

    # -- the site and its users ---------------------------------------------------------------

    def set_site(self, site: str) -> str:
        """Rename the site (what reports and tallies show from now on); returns the new name."""
        self._desk.session.set_site(site)
        return self._desk.site()

    def users(self) -> list[UserInfo]:
        return self._desk.session.list_users()

    def add_user(self, username: str, role: str, passphrase: str) -> None:
        self._desk.session.add_user(username, role, passphrase)

    def disable_user(self, username: str) -> None:
        self._desk.session.disable_user(username)

    def change_passphrase(self, new_passphrase: str, username: str | None = None) -> None:
        """Change one's own passphrase, or (admins, coordinators) reset another user's; a reset
        also re-enables a disabled user. Records are untouched."""
        session = self._desk.session
        session.change_passphrase(username or session.username, new_passphrase)

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

    def confirm_pack(self, draft: Path, pdf: Path) -> InstalledForm:
        return self._desk.library().confirm(draft, pdf)

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
        lines.append(f"{status.effective.isoformat()} · {status.source}")
        alerts = json.loads(desk.session.sync_setting("alerts") or "[]")
        for alert in alerts:
            texts = {k: v for k, v in alert.items() if isinstance(v, str)}
            lines.append(f"{alert.get('effective', '')} · {text_in(texts, lang)}")
        return lines

    # -- checks ---------------------------------------------------------------------------

    def check(self) -> list[str]:
        """Database, records and audit chain: every problem found (none: all is well)."""
        return self._desk.session.check()

    def audit_log(self) -> tuple[list[AuditEntry], list[str]]:
        """The audit log (who did what, no personal data) and the problems of its chain."""
        session = self._desk.session
        return session.audit_log(), session.verify_audit()
