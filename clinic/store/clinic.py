"""The clinic store: create, open and unlock a clinic; a signed-in :class:`Session`.

This is what the core (``clinic.core``) calls. A :class:`Clinic` is a data folder with its
SQLite database, locked; :meth:`Clinic.unlock` checks a user's passphrase and gives a
:class:`Session` holding the keys. The session is composed of the store's repositories, one
module each, which store and decide nothing:

=====================  ====================================================================
``users``              users, roles, passphrases (re-wrapping the data key)
``records``            records as logs of sealed events: import, append, load, list, export,
                       inquiries, conflicts settled, tallies
``index``              the blind index: exact lookups, possible duplicates
``drafts``             interview drafts, sealed per record and user
``files``              packet files and their copies, sealed on disk
``outbox``             the sync side: the outbox, events pulled from other devices
``audit``              the audit chain, its head and verification, the store's check
``settings``           the site, the sync state and the sealed sync secrets
=====================  ====================================================================

What they share (errors, the engine, transactions, the audit writer, the Lamport clock,
sealing events) is ``clinic.store.base``. Every write is one SQLite transaction (``BEGIN
IMMEDIATE``, WAL, ``synchronous=FULL``): it happens whole or not at all, and what a call has
returned is on disk. Reads use a deferred ``BEGIN``: in WAL mode they never wait for a writer.

Error messages name ids, keys and problems, never a person's data.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import select
from sqlalchemy.exc import DatabaseError, SQLAlchemyError

from clinic.domain.records import RecordSummary
from clinic.domain.roles import Role
from clinic.messages import say
from clinic.store import migrate, schema
from clinic.store.audit import AuditEntry, AuditRepository
from clinic.store.base import (
    AccessDenied,
    ClinicExists,
    NotAClinic,
    NotFound,
    RecordDamaged,
    StoreError,
    _AuditWriter,
    _db_error,
    _fsync_dir,
    _make_engine,
    _make_rescue_engine,
    now_utc,
    writer,
)
from clinic.store.drafts import DraftRepository
from clinic.store.files import FileRepository
from clinic.store.index import IndexRepository, index_entries
from clinic.store.outbox import OutboxRepository
from clinic.store.records import ImportResult, RecordRepository
from clinic.store.settings import SettingsRepository
from clinic.store.users import UserInfo, UserRepository, check_username
from clinic.store.vault import (
    KdfParams,
    Keys,
    UserSecrets,
    WrongPassphrase,
    check_new_passphrase,
    new_data_key,
    new_key_id,
    tune_kdf,
    unwrap_for_user,
    wrap_data_key,
)

DB_NAME = "clinic.db"


def _system_timezone() -> str:
    """The computer's IANA time zone: ``TZ`` when set, else what the system says (tzlocal reads
    it on Windows, macOS and Linux alike, a Windows zone mapped to its IANA name), else UTC."""
    tz = os.environ.get("TZ", "").lstrip(":")
    if tz and _known_zone(tz):
        return tz
    # an unreadable system setting (tzlocal raises these): UTC, which `clinic init` says
    with contextlib.suppress(OSError, LookupError, ValueError):
        import tzlocal

        name = tzlocal.get_localzone_name() or ""
        if _known_zone(name):
            return name
    return "UTC"


def _known_zone(name: str) -> bool:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


def _check_timezone(name: str) -> str:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise StoreError(
            "unknown time zone: use an IANA name such as America/Los_Angeles"
        ) from None
    return name


def create_clinic(
    data_dir: Path,
    *,
    site: str,
    admin: str,
    passphrase: str,
    kdf_seconds: float = 0.5,
    timezone: str | None = None,
) -> str:
    """Create a clinic data folder with its first (admin) user; returns its time zone.

    The database is built in a temporary file and renamed into place, so a crash leaves either
    no clinic or a whole one.
    """
    site = site.strip()
    if not site:
        raise StoreError("the site name is empty")
    admin = check_username(admin)
    check_new_passphrase(passphrase)
    tz = _check_timezone(timezone) if timezone else _system_timezone()
    data_dir.mkdir(parents=True, exist_ok=True)
    db_path = data_dir / DB_NAME
    if db_path.exists():
        raise ClinicExists(f"{data_dir} already holds a clinic")
    tmp = data_dir / f".{DB_NAME}.creating-{secrets.token_hex(4)}"
    engine = _make_engine(tmp)
    try:
        params = tune_kdf(kdf_seconds)
        data_key, key_id = new_data_key(), new_key_id()
        header, wrapped = wrap_data_key(data_key, passphrase, admin, key_id, params)
        keys = Keys(data_key, key_id)
        device_id = secrets.token_hex(8)
        with writer(engine).begin() as conn:
            migrate.upgrade(conn)
            meta_rows = {
                "site": site,
                "device_id": device_id,
                "key_id": key_id,
                "clock": "0",
                "created_at": now_utc(),
                "timezone": tz,
                "kdf_seconds": repr(kdf_seconds),
                "kdf_params": json.dumps([params.iterations, params.memory_kib, params.lanes]),
            }
            conn.execute(
                schema.meta.insert(), [{"key": k, "value": v} for k, v in meta_rows.items()]
            )
            conn.execute(
                schema.users.insert(),
                {
                    "username": admin,
                    "role": Role.ADMIN.value,
                    "disabled": 0,
                    "created_at": now_utc(),
                    "header": header,
                    "wrapped": wrapped,
                },
            )
            audit = _AuditWriter(conn, keys, admin, device_id)
            audit.add("init", None, f"site created; admin {admin}")
            audit.flush()
        engine.dispose()
        os.replace(tmp, db_path)
        _fsync_dir(data_dir)
    finally:
        engine.dispose()
        for suffix in ("", "-wal", "-shm", "-journal"):
            with contextlib.suppress(FileNotFoundError):
                Path(str(tmp) + suffix).unlink()
    return tz


class Clinic:
    """An opened (still locked) clinic data folder."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self.db_path = data_dir / DB_NAME
        if not self.db_path.is_file():
            raise NotAClinic(
                f"{data_dir} holds no clinic (run 'clinic init --data {data_dir}' to create one)"
            )
        self.damaged = False
        self.engine = _make_engine(self.db_path)
        try:
            meta = self._read_meta()
        except DatabaseError as exc:
            self.engine.dispose()
            if "malformed" not in str(exc.orig):
                raise StoreError(
                    f"{self.db_path} cannot be opened as a clinic database ({exc.orig}); "
                    "restore it from a backup"
                ) from None
            # Damaged (a truncated file, bad pages): open it read-only so that every record
            # that is still whole can be read and exported, and each lost one is named.
            self.damaged = True
            self.engine = _make_rescue_engine(self.db_path)
            try:
                meta = self._read_meta()
            except DatabaseError as exc2:
                self.engine.dispose()
                raise StoreError(
                    f"{self.db_path} is too damaged to open ({exc2.orig}); restore it from a backup"
                ) from None
        self.site = meta.get("site", "")
        self.device_id = meta.get("device_id", "")
        self.key_id = meta.get("key_id", "")
        self.timezone = meta.get("timezone", "UTC")
        self.kdf_seconds = float(meta.get("kdf_seconds", "0.5"))
        params = json.loads(meta.get("kdf_params", "[3, 65536, 4]"))
        self.kdf_params = KdfParams(int(params[0]), int(params[1]), int(params[2]))

    def _read_meta(self) -> dict[str, str]:
        try:
            with self.engine.connect() as conn:
                if migrate.current_revision(conn) is None:
                    raise NotAClinic(f"{self.db_path} is not a ClinicDay database")
                meta = dict(conn.execute(select(schema.meta.c.key, schema.meta.c.value)).all())
                conn.rollback()
                return {str(k): str(v) for k, v in meta.items()}
        except NotAClinic:
            self.engine.dispose()
            raise

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Clinic:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def sign_in_names(self) -> list[tuple[str, Role]]:
        """The enabled users and their roles, for a sign-in screen (staff names; no keys)."""
        try:
            with self.engine.connect() as conn:
                rows = conn.execute(
                    select(schema.users.c.username, schema.users.c.role)
                    .where(schema.users.c.disabled == 0)
                    .order_by(schema.users.c.username)
                ).all()
                conn.rollback()
        except SQLAlchemyError as exc:
            raise _db_error(exc) from None
        return [(str(name), Role(role)) for name, role in rows]

    def unlock(self, username: str, passphrase: str) -> Session:
        """Check the passphrase and return a session holding the keys. Writes nothing on failure."""
        try:
            with self.engine.connect() as conn:
                row = conn.execute(
                    select(schema.users).where(schema.users.c.username == username)
                ).first()
                conn.rollback()
        except SQLAlchemyError as exc:
            raise _db_error(exc) from None
        if row is None:
            raise AccessDenied(say("wrong user name or passphrase"))
        if row.disabled or row.header is None or row.wrapped is None:
            raise AccessDenied(say("user {name} is disabled", name=username))
        try:
            data_key, user_key = unwrap_for_user(
                row.header, bytes(row.wrapped), passphrase, username
            )
        except WrongPassphrase:
            raise AccessDenied(say("wrong user name or passphrase")) from None
        keys = Keys(data_key, self.key_id)
        session = Session(self, keys, username, Role(row.role), UserSecrets(username, user_key))
        if self.damaged:
            return session  # read-only rescue: no migration, no writes
        try:
            with writer(self.engine).begin() as conn:
                migrate.upgrade(conn)
        except SQLAlchemyError as exc:
            raise _db_error(exc) from None
        return session


class Session(
    UserRepository,
    RecordRepository,
    IndexRepository,
    DraftRepository,
    FileRepository,
    OutboxRepository,
    AuditRepository,
    SettingsRepository,
):
    """A signed-in user with the clinic's keys: every operation on people's records, from the
    store's repositories (one module each; ``tests/test_layering.py`` holds it so). It adds
    nothing of its own."""


__all__ = [
    "DB_NAME",
    "AccessDenied",
    "AuditEntry",
    "Clinic",
    "ClinicExists",
    "ImportResult",
    "NotAClinic",
    "NotFound",
    "RecordDamaged",
    "RecordSummary",
    "Session",
    "StoreError",
    "UserInfo",
    "_make_engine",  # tests and bench build an engine as the store does
    "create_clinic",
    "index_entries",
    "now_utc",
]
