"""The organization's server, as its operator runs it: serve the sync API, and set it up from
the server's own machine (the organization's keys, one-time enrollment codes, signed form
packs, program-status alerts, devices). ``clinic serve`` and ``clinic server ...`` call this.

The org private key exists only in the org key file (wrapped by its passphrase) and, for a
moment, in the process that makes a code or signs a pack; the server process never holds it
(:mod:`clinic.server.admin`).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy.exc import SQLAlchemyError

from clinic.core.files import write_file
from clinic.domain.languages import FALLBACK, unknown_codes
from clinic.errors import UsageError
from clinic.server.storage import ServerError, ServerStore, database_url
from clinic.sync.crypto import OrgKeys

if TYPE_CHECKING:
    from clinic.server.admin import AuditCopyEntry

__all__ = ["DeviceRow", "OrgServer"]


@dataclass(frozen=True)
class DeviceRow:
    """An enrolled device, as the operator lists it (no key material)."""

    device_id: str
    name: str
    role: str
    revoked: bool
    last_seen: str
    audit_alarm: str = ""  # what the server found wrong with its audit log ("" when nothing)


def _read_text(path: Path) -> str:
    try:
        return path.expanduser().read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(
            f"{path}: cannot be read ({getattr(exc, 'strerror', None) or exc})"
        ) from None


def _check_tls(cert: str, key: str) -> None:
    """Refuse a TLS certificate or key that cannot be used, naming the option and the file."""
    import ssl

    for option, path in (("--tls-cert", cert), ("--tls-key", key)):
        try:
            Path(path).expanduser().read_bytes()
        except OSError as exc:
            raise UsageError(f"{option} {path}: cannot be read ({exc.strerror})") from None
    try:
        ssl.create_default_context(ssl.Purpose.CLIENT_AUTH).load_cert_chain(cert, key)
    except (ssl.SSLError, ValueError) as exc:
        raise UsageError(
            f"--tls-cert {cert} with --tls-key {key}: not a certificate and its private key "
            f"in PEM form ({getattr(exc, 'reason', None) or exc}); check that each option "
            "names the right file and that the key matches the certificate"
        ) from None


class OrgServer:
    """One server database (``--db``: a SQLAlchemy URL or a SQLite file; default
    ``server.db`` in ``where``), opened and migrated at first use."""

    def __init__(self, db: str | None, where: Path) -> None:
        self._url = database_url(db, where)

    def check_serving(self, tls_cert: str | None, tls_key: str | None, workers: int) -> None:
        """Refuse options that cannot serve (before anything is migrated or said)."""
        if bool(tls_cert) != bool(tls_key):
            raise UsageError("give both --tls-cert and --tls-key, or neither")
        if not 1 <= workers <= 64:
            raise UsageError("--workers: from 1 to 64")
        if tls_cert and tls_key:
            _check_tls(tls_cert, tls_key)

    @property
    def on_sqlite(self) -> bool:
        """Whether the database is a SQLite file (one machine's disk; writers take turns)."""
        return self._url.startswith("sqlite")

    @functools.cached_property
    def store(self) -> ServerStore:
        """The server's database, opened and migrated at first use."""
        try:
            store = ServerStore(self._url)
            store.migrate()
        except SQLAlchemyError as exc:  # no such folder, no server, no rights: named, not a bug
            reason = getattr(exc, "orig", None) or type(exc).__name__
            raise ServerError(f"--db: the server's database cannot be opened ({reason})") from None
        return store

    # -- serving ----------------------------------------------------------------------------

    def serve(
        self,
        host: str,
        port: int,
        *,
        tls_cert: str | None = None,
        tls_key: str | None = None,
        started: Callable[[str], None] = print,
        workers: int = 1,
    ) -> None:
        """Serve the sync API until stopped; ``started`` is told the address first. The
        database is migrated once, here, then ``workers`` processes serve it (each checks the
        schema and migrates nothing)."""
        self.check_serving(tls_cert, tls_key, workers)
        try:
            import uvicorn

            from clinic.server.app import create_app
        except ImportError as exc:
            raise UsageError(
                f"the sync server's parts are not installed ({exc.name}): install ClinicDay "
                "with its server extra, pip install 'clinicday[server]' (and 'clinicday[postgres]' "
                "for PostgreSQL)"
            ) from None

        store = self.store  # migrated now, once, before any worker starts
        started(f"http{'s' if tls_cert else ''}://{host}:{port}")
        if workers > 1:
            import os

            from clinic.server.app import DB_ENV

            os.environ[DB_ENV] = self._url  # the workers' factory reads it
            target: object = "clinic.server.app:app_from_environment"
        else:
            target = create_app(store)
        uvicorn.run(
            target,  # type: ignore[arg-type]
            factory=workers > 1,
            workers=workers if workers > 1 else None,
            host=host,
            port=port,
            ssl_certfile=tls_cert,
            ssl_keyfile=tls_key,
            log_level="warning",
            access_log=False,  # request lines name no one, but they are noise on a clinic day
        )

    # -- setting up -------------------------------------------------------------------------

    def migrate(self) -> tuple[str, str]:
        """Bring the database to this version's schema (under a lock): the revision it was at
        ("" for a new database) and the one it is at now."""
        from clinic.server.storage import schema_version

        try:
            before = ServerStore(self._url)
            was = schema_version(before.engine) or ""
            before.engine.dispose()
        except SQLAlchemyError as exc:
            reason = getattr(exc, "orig", None) or type(exc).__name__
            raise ServerError(f"--db: the server's database cannot be opened ({reason})") from None
        now = schema_version(self.store.engine) or ""  # opening migrates
        return was, now

    def init(self, out: Path, passphrase: Callable[[], str], kdf_seconds: float) -> str:
        """Create the organization's keys: the server keeps the public key, ``out`` (which must
        not exist) gets the org key file, wrapped with ``passphrase()`` (asked only once
        ``out`` is known to be free). Returns the organization's id."""
        from clinic.server.admin import init_org
        from clinic.store.vault import tune_kdf

        if out.exists():
            raise UsageError(f"{out}: exists already; choose another file")
        keys, text = init_org(self.store, passphrase(), tune_kdf(kdf_seconds))
        write_file(out, text.encode("utf-8"), private=True)  # the org's private key, sealed
        return keys.org_id

    def fingerprint(self) -> str:
        """The organization key's fingerprint, for a new laptop to compare with."""
        from clinic.sync.crypto import fingerprint

        return fingerprint(self.store.org()[1])

    def _keys(self, org_key: Path, passphrase: str) -> OrgKeys:
        from clinic.sync.crypto import import_org_keys

        return import_org_keys(_read_text(org_key), passphrase)

    def enroll_code(self, org_key: Path, passphrase: str, role: str, hours: int) -> tuple[str, str]:
        """A one-time code that enrolls a laptop in ``role``: (code, expires at)."""
        from clinic.server.admin import make_enroll_code

        return make_enroll_code(self.store, self._keys(org_key, passphrase), role, hours)

    def publish_pack(self, org_key: Path, passphrase: str, pack: Path) -> str:
        """Sign a form pack (YAML) with the org's key and publish it to every laptop; returns
        its key (form and edition)."""
        import yaml

        from clinic.packet.packs import PackError, parse_pack
        from clinic.server.admin import publish_pack

        keys = self._keys(org_key, passphrase)
        body = _read_text(pack)
        try:
            parsed = parse_pack(yaml.safe_load(body), str(pack))
        except (PackError, yaml.YAMLError, AttributeError, TypeError) as exc:
            raise UsageError(f"{pack}: not a valid form pack ({exc})") from None
        publish_pack(self.store, keys, parsed.key, body)
        return parsed.key

    def post_alert(
        self,
        alert_id: str,
        effective: str,
        english: str,
        texts: Mapping[str, str] | None = None,
    ) -> None:
        """A program-status alert for every laptop (checked as the API checks it): its text in
        English, and in ``texts`` its text in other client languages by code (an empty text is
        no text)."""
        from pydantic import ValidationError

        from clinic.server.admin import post_alert
        from clinic.sync.models import Alert

        by_lang = {FALLBACK: english, **{k: v for k, v in (texts or {}).items() if k != FALLBACK}}
        unknown = unknown_codes(by_lang)
        if unknown:
            raise UsageError(f"{', '.join(unknown)}: not a client language of ClinicDay")
        try:
            alert = Alert(alert_id=alert_id, effective=effective, **by_lang)
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(p) for p in first["loc"])
            raise UsageError(f"{where}: {first['msg']}") from None
        post_alert(self.store, alert.alert_id, alert.effective, dict(alert.texts))

    def devices(self) -> list[DeviceRow]:
        return [
            DeviceRow(d.device_id, d.name, d.role, d.revoked, d.last_seen or "", d.audit_alarm)
            for d in self.store.devices()
        ]

    def audit_copy(self, org_key: Path, passphrase: str, device_id: str) -> list[AuditCopyEntry]:
        """The server's copy of a laptop's audit log, opened with the org key file: what the
        laptop wrote, whatever its own log says now."""
        from clinic.server.admin import read_audit_copies

        keys = self._keys(org_key, passphrase)
        if not any(d.device_id == device_id for d in self.store.devices()):
            raise UsageError(f"device {device_id}: no such device on this server")
        return read_audit_copies(self.store, keys, device_id)

    def revoke(self, device_id: str) -> None:
        """Revoke a device's token: it no longer works."""
        self.store.revoke(device_id)
