"""Sync: this laptop's link to the organization's server (enrollment, the org key, one sync,
its status for the indicator), and choosing a value where two laptops edited at once."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from clinic.core.admin import denied
from clinic.core.views import SyncStatus
from clinic.domain.roles import may_enroll_devices, may_hold_org_key
from clinic.store.clinic import StoreError, now_utc
from clinic.sync.client import NOT_ENROLLED, SyncClient, SyncError, SyncReport

if TYPE_CHECKING:
    from clinic.core.desk import Desk


class SyncDesk:
    """``desk.sync``: the only manager the app's sync lane calls (see :mod:`clinic.core`)."""

    def __init__(self, desk: Desk) -> None:
        self._desk = desk

    def _client(self, server: str | None = None) -> SyncClient:
        return SyncClient(self._desk.session, forms_dir=self._desk.forms_dir, server=server)

    def status(self) -> SyncStatus:
        desk = self._desk
        session = desk.session
        state = session.sync_state()
        return SyncStatus(
            enrolled=state.enrolled and session.sync_secret("token") is not None,
            server=state.server,
            role=state.role,
            last_sync=desk.local_time(state.last_sync) if state.last_sync else "",
            pending=session.outbox_count(),
            error=state.last_error,
            matches={k: list(v) for k, v in state.matches.items()},
            alerts=[dict(a) for a in state.alerts],
            has_org_key=session.sync_secret("org_private_key") is not None,
            fingerprint=self.fingerprint(),
        )

    def run(self, server: str | None = None) -> SyncReport:
        """One sync now (push, then pull). Its outcome, or its error, is kept for the status
        line; an error is raised again for the caller's backoff. With ``server`` (another
        address of the organization's server) this sync goes there, and the address is kept
        only once the sync succeeded: a mistyped one never replaces the one that works."""
        desk = self._desk
        session = desk.session
        if server is not None:
            server = server.rstrip("/")
            if not session.sync_state().enrolled:
                raise SyncError(NOT_ENROLLED)
        try:
            report = self._client(server).sync()
        except (SyncError, StoreError) as exc:
            session.update_sync_state(last_error=str(exc))
            raise
        except Exception as exc:  # recorded for the status line too, by its kind only
            session.update_sync_state(last_error=f"sync failed ({type(exc).__name__})")
            raise
        matches = desk.people.matches()
        for record_id, _other, kind in report.matches:
            kinds = matches.setdefault(record_id, [])
            if kind not in kinds:
                kinds.append(kind)
        errors = []
        if report.rejected:
            errors.append(f"the server refused {len(report.rejected)} event(s)")
        if report.audit_warning:
            errors.append(report.audit_warning)
        if report.quarantined:
            errors.append(
                f"{len(report.quarantined)} event(s) from the server set aside (they cannot be "
                "opened, read or stored here; clinic check lists them)"
            )
        if report.rejected_packs:
            names = ", ".join(report.rejected_packs)
            errors.append(f"form pack(s) whose signature does not match: {names}")
        session.update_sync_state(
            last_sync=now_utc(), last_error="; ".join(errors) or None, matches=matches
        )
        if server is not None:
            session.update_sync_state(server=server)
        return report

    def now(self) -> SyncStatus:
        """One sync now; returns the status the indicator shows."""
        self.run()
        return self.status()

    def enroll(self, server: str, code: str, name: str | None = None) -> str:
        """Enroll this laptop with a coordinator's one-time code; returns its role."""
        return self._client().enroll(server, code, name or self._desk.site())

    def fingerprint(self) -> str:
        """The fingerprint of the organization key this laptop seals to ("" before enrolling),
        to compare with the one the coordinator reads out."""
        from clinic.sync.crypto import fingerprint

        public = self._desk.session.sync_state().org_public_key
        return fingerprint(public) if public else ""

    def _require(self, allowed: bool, what: str) -> None:
        """The signed-in user's role (not the laptop's) decides; refused and audited if not."""
        session = self._desk.session
        if not allowed:
            session.audit_action("refused", what)
            raise denied(session.role.value, what)

    def import_org_key(self, path: Path, passphrase: str) -> str:
        """Keep the organization's key (attorneys, coordinators, admins), sealed with the
        clinic's key; returns the organization's id."""
        session = self._desk.session
        self._require(may_hold_org_key(session.role), "keep the organization's key")
        try:
            text = path.read_text("utf-8")
        except OSError as exc:
            raise StoreError(f"{path.name}: cannot be read ({exc.strerror})") from None
        except UnicodeDecodeError:
            raise StoreError(f"{path.name}: not an org key file (not UTF-8 text)") from None
        org_id = self._client().import_org_keys(text, passphrase)
        session.audit_action("org_key_kept", org_id)
        return org_id

    def make_enroll_code(self, role: str, hours: int = 72) -> str:
        """A one-time code for a new laptop (coordinators and admins, by their own role)."""
        session = self._desk.session
        self._require(may_enroll_devices(session.role), "make enrollment codes")
        code = self._client().make_enroll_code(role, hours)
        session.audit_action("enroll_code_made", role)
        return code

    def tallies(self, server: str | None, date_from: str, date_to: str) -> list[dict[str, Any]]:
        """The organization's de-identified tallies of a period, from its server (coordinators
        and admins, by their own role)."""
        session = self._desk.session
        self._require(may_enroll_devices(session.role), "read the organization's counts")
        rows = self._client().tallies(server, date_from, date_to)
        session.audit_action("org_counts_read", f"{date_from} to {date_to}")
        return rows

    def resolve_conflict(self, record_id: str, key: str, value: Any) -> None:
        """Choose the value of an answer two laptops edited at once."""
        self._desk.session.resolve_conflict(record_id, key, value)
