"""The clinic store service: create, open and unlock a clinic; users; records as encrypted logs.

This is what the CLI (and later the GUI, from a worker thread) calls. A :class:`Clinic` is a data
folder with its SQLite database, locked; :meth:`Clinic.unlock` checks a user's passphrase and gives
a :class:`Session` holding the keys. Every write is one SQLite transaction (``BEGIN IMMEDIATE``,
WAL, ``synchronous=FULL``): it happens whole or not at all, and what a call has returned is on
disk. Reads use a deferred ``BEGIN``: in WAL mode they never wait for a writer.

Error messages name ids, keys and problems, never a person's data.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import json
import os
import secrets
import sqlite3
import uuid
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import Connection, Engine, create_engine, event, func, select
from sqlalchemy.exc import DatabaseError, OperationalError, SQLAlchemyError
from sqlalchemy.pool import NullPool

from clinic import clock
from clinic.domain import answers as answers_mod
from clinic.domain.answers import AnswerError, AnswersInvalid
from clinic.domain.events import (
    INQUIRY_TOPICS,
    Event,
    EventError,
    EventType,
    FieldChange,
    RecordState,
    diff_answers,
    fold,
)
from clinic.domain.roles import (
    Role,
    parse_role,
)
from clinic.domain.tally import tally_of
from clinic.domain.wire import decode_event, encode_event, parse_payload
from clinic.errors import ClinicError
from clinic.safefile import write_atomically
from clinic.store import migrate, schema, syncstate
from clinic.store.vault import (
    KdfParams,
    Keys,
    VaultError,
    WrongPassphrase,
    check_new_passphrase,
    new_data_key,
    new_key_id,
    tune_kdf,
    unwrap_data_key,
    wrap_data_key,
)

DB_NAME = "clinic.db"
MIN_ID_PREFIX = 4


class StoreError(ClinicError):
    """A problem the user can act on; the message is one line and holds no personal data."""


class NotAClinic(StoreError):
    """The folder holds no clinic database (or the file is not one)."""


class ClinicExists(StoreError):
    """``init`` on a folder that already holds a clinic."""


class AccessDenied(StoreError):
    """Wrong user or passphrase, a disabled user, or a role without the right."""


class NotFound(StoreError):
    """No record (or user) with that id."""


class RecordDamaged(StoreError):
    """A record whose stored events fail their integrity check or cannot be read."""

    def __init__(self, record_id: str, problem: str) -> None:
        super().__init__(f"record {record_id}: {problem}")
        self.record_id = record_id
        self.problem = problem


def now_utc() -> str:
    return clock.now_iso()


def _system_timezone() -> str:
    tz = os.environ.get("TZ", "").lstrip(":")
    candidates = [tz] if tz else []
    with contextlib.suppress(OSError):
        target = os.readlink("/etc/localtime")
        if "zoneinfo/" in target:
            candidates.append(target.split("zoneinfo/", 1)[1])
    for name in candidates:
        try:
            ZoneInfo(name)
            return name
        except (ZoneInfoNotFoundError, ValueError):
            continue
    return "UTC"


def _check_timezone(name: str) -> str:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise StoreError(
            "unknown time zone: use an IANA name such as America/Los_Angeles"
        ) from None
    return name


WRITE_OPTION = "clinicday_write"
LIGHT_OPTION = "clinicday_light"


def writer(engine: Engine, *, durable: bool = True) -> Engine:
    """The same engine, for write transactions (``BEGIN IMMEDIATE``).

    ``durable=False`` commits without waiting for the disk (``synchronous=NORMAL``): used only
    for audit entries of reads. In WAL mode such a commit survives a crash of the app, may be lost
    in a power cut, and is made durable by the next durable commit.
    """
    return engine.execution_options(**{WRITE_OPTION: True, LIGHT_OPTION: not durable})


def _make_engine(path: Path) -> Engine:
    # A small pool: each connection runs its PRAGMAs once, not on every operation.
    engine = create_engine(f"sqlite:///{path}", pool_size=2, max_overflow=4)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: object) -> None:
        dbapi_conn.isolation_level = None  # we issue BEGIN ourselves (below)
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA busy_timeout = 15000")
        cur.execute("PRAGMA journal_mode = WAL")
        cur.execute("PRAGMA synchronous = FULL")
        cur.execute("PRAGMA foreign_keys = ON")
        cur.execute("PRAGMA secure_delete = ON")
        cur.execute("PRAGMA temp_store = MEMORY")  # no temporary files on disk, ever
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        # Writers take the write lock up front (no lock upgrade deadlocks); readers use a
        # deferred BEGIN, which in WAL mode never waits for a writer.
        options = conn.get_execution_options()
        light = bool(options.get(LIGHT_OPTION))
        conn.exec_driver_sql("PRAGMA synchronous = " + ("NORMAL" if light else "FULL"))
        conn.exec_driver_sql("BEGIN IMMEDIATE" if options.get(WRITE_OPTION) else "BEGIN")

    return engine


def _make_rescue_engine(path: Path) -> Engine:
    """A read-only engine for a damaged database: pages past a truncation read as damaged."""
    engine = create_engine(f"sqlite:///file:{path}?mode=ro&uri=true", poolclass=NullPool)
    # (no pool: a rescue opens a damaged file briefly, and each open re-reads its size)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: object) -> None:
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        # With writable_schema SQLite trusts the file size over the header's page count, so
        # a truncated file opens and only the rows on missing pages fail.
        cur.execute("PRAGMA writable_schema = ON")
        cur.execute("PRAGMA query_only = ON")
        cur.execute("PRAGMA temp_store = MEMORY")
        cur.close()

    return engine


def _is_busy(exc: SQLAlchemyError) -> bool:
    text = str(getattr(exc, "orig", "") or "")
    return isinstance(exc, OperationalError) and ("locked" in text or "busy" in text)


def _db_error(exc: SQLAlchemyError) -> StoreError:
    orig = getattr(exc, "orig", None)
    detail = str(orig) if orig is not None else type(exc).__name__
    if _is_busy(exc):
        return StoreError("the clinic database is busy (another ClinicDay is writing); try again")
    return StoreError(f"the clinic database cannot be read ({detail}); run 'clinic check'")


@dataclass(frozen=True)
class UserInfo:
    """A user as listed: no key material."""

    username: str
    role: Role
    disabled: bool
    created_at: str


@dataclass(frozen=True)
class RecordSummary:
    """One line of the people list (decrypted; only for display)."""

    record_id: str
    family: str
    given: str
    native: str
    dob: str
    language: str
    status: str
    updated_at: str
    event_count: int
    outcome: str  # the latest determination's outcome, "" before screening


@dataclass(frozen=True)
class AuditEntry:
    """One audit log entry (no personal data)."""

    seq: int
    at: str
    user: str
    device_id: str
    action: str
    record_id: str | None
    detail: str


@dataclass
class ImportResult:
    """What an import stored, and which people look like someone already in the clinic."""

    record_ids: list[str] = field(default_factory=list)
    possible_duplicates: list[tuple[int, str, str]] = field(default_factory=list)  # (i, id, kind)


def index_entries(answers: Mapping[str, Any]) -> list[tuple[str, str]]:
    """(kind, normalized value) for each blind-indexed identifier in the answers."""
    out: list[tuple[str, str]] = []
    if isinstance(answers.get("a_number"), str):
        out.append(("a_number", answers_mod.normalize_a_number(answers["a_number"])))
    if isinstance(answers.get("ssn"), str):
        out.append(("ssn", answers_mod.normalize_ssn(answers["ssn"])))
    family, dob = answers.get("name.family"), answers.get("dob")
    if isinstance(family, str) and isinstance(dob, str):
        out.append(("name_dob", answers_mod.normalize_name_for_index(family) + "|" + dob))
    return out


def _prefixed(errors: Sequence[AnswerError], index: int, many: bool) -> list[AnswerError]:
    if not many:
        return list(errors)
    return [AnswerError(f"[{index}].{e.key}", e.problem) for e in errors]


def create_clinic(
    data_dir: Path,
    *,
    site: str,
    admin: str,
    passphrase: str,
    kdf_seconds: float = 0.5,
    timezone: str | None = None,
) -> None:
    """Create a clinic data folder with its first (admin) user.

    The database is built in a temporary file and renamed into place, so a crash leaves either
    no clinic or a whole one.
    """
    site = site.strip()
    if not site:
        raise StoreError("the site name is empty")
    admin = _check_username(admin)
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


def _fsync_dir(path: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _check_username(name: str) -> str:
    name = name.strip()
    if not name or len(name) > 64 or not all(c.isalnum() or c in "._-" for c in name):
        raise StoreError("a user name is 1 to 64 letters, digits, '.', '_' or '-'")
    return name


class _AuditWriter:
    """Appends HMAC-chained audit entries within one transaction."""

    def __init__(self, conn: Connection, keys: Keys, user: str, device_id: str) -> None:
        self.conn, self.keys, self.user, self.device_id = conn, keys, user, device_id
        row = conn.execute(
            select(schema.audit.c.seq, schema.audit.c.mac)
            .order_by(schema.audit.c.seq.desc())
            .limit(1)
        ).first()
        self.seq = 0 if row is None else int(row[0])
        self.prev = b"" if row is None else bytes(row[1])
        self.pending: list[dict[str, Any]] = []

    def add(self, action: str, record_id: str | None, detail: str = "") -> None:
        self.seq += 1
        entry = {
            "seq": self.seq,
            "at": now_utc(),
            "user": self.user,
            "device_id": self.device_id,
            "action": action,
            "record_id": record_id,
            "detail": detail,
        }
        mac = self.keys.audit_mac(self.prev, entry)
        self.prev = mac
        self.pending.append({**entry, "mac": mac})
        if len(self.pending) >= 1000:
            self.flush()

    def flush(self) -> None:
        if self.pending:
            self.conn.execute(schema.audit.insert(), self.pending)
            self.pending = []


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
            raise AccessDenied("wrong user name or passphrase")
        if row.disabled or row.header is None or row.wrapped is None:
            raise AccessDenied(f"user {username} is disabled")
        try:
            data_key = unwrap_data_key(row.header, bytes(row.wrapped), passphrase, username)
        except WrongPassphrase:
            raise AccessDenied("wrong user name or passphrase") from None
        keys = Keys(data_key, self.key_id)
        session = Session(self, keys, username, Role(row.role))
        if self.damaged:
            return session  # read-only rescue: no migration, no writes
        try:
            with writer(self.engine).begin() as conn:
                migrate.upgrade(conn)
        except SQLAlchemyError as exc:
            raise _db_error(exc) from None
        return session


class Session:
    """A signed-in user with the clinic's keys: every operation on people's records."""

    def __init__(self, clinic: Clinic, keys: Keys, username: str, role: Role) -> None:
        self.clinic = clinic
        self.keys = keys
        self.username = username
        self.role = role

    # -- plumbing -------------------------------------------------------------------------

    @contextlib.contextmanager
    def _write(self, *, durable: bool = True) -> Iterator[tuple[Connection, _AuditWriter]]:
        if self.clinic.damaged:
            raise StoreError(
                "the clinic database is damaged and open read-only: export what can be read "
                "('clinic check' lists what is lost), then restore it from a backup"
            )
        try:
            with writer(self.clinic.engine, durable=durable).begin() as conn:
                audit = _AuditWriter(conn, self.keys, self.username, self.clinic.device_id)
                yield conn, audit
                audit.flush()
        except SQLAlchemyError as exc:
            raise _db_error(exc) from None

    @contextlib.contextmanager
    def _read(self) -> Iterator[Connection]:
        try:
            with self.clinic.engine.connect() as conn:
                yield conn
                conn.rollback()
        except SQLAlchemyError as exc:
            raise _db_error(exc) from None

    def _audit_read(self, action: str, record_id: str | None, detail: str = "") -> None:
        """Audit a read. A damaged database cannot be written: reads are then not audited."""
        if self.clinic.damaged:
            return
        with self._write(durable=False) as (_conn, audit):
            audit.add(action, record_id, detail)

    # -- users ----------------------------------------------------------------------------

    def list_users(self) -> list[UserInfo]:
        with self._read() as conn:
            rows = conn.execute(select(schema.users).order_by(schema.users.c.username)).all()
        return [UserInfo(r.username, Role(r.role), bool(r.disabled), r.created_at) for r in rows]

    def add_user(self, username: str, role: str, passphrase: str) -> None:
        username = _check_username(username)
        target = parse_role(role)
        header, wrapped = wrap_data_key(
            self.keys.data_key, passphrase, username, self.keys.key_id, self.clinic.kdf_params
        )
        with self._write() as (conn, audit):
            exists = conn.execute(
                select(schema.users.c.username).where(schema.users.c.username == username)
            ).first()
            if exists:
                raise StoreError(f"user {username} already exists")
            conn.execute(
                schema.users.insert(),
                {
                    "username": username,
                    "role": target.value,
                    "disabled": 0,
                    "created_at": now_utc(),
                    "header": header,
                    "wrapped": wrapped,
                },
            )
            audit.add("user_add", None, f"user {username} role {target.value}")

    def user_role(self, username: str) -> Role:
        """The role of a user of this clinic (:class:`NotFound` if there is none)."""
        with self._read() as conn:
            return self._target_role(conn, username)

    def _target_role(self, conn: Connection, username: str) -> Role:
        row = conn.execute(
            select(schema.users.c.role).where(schema.users.c.username == username)
        ).first()
        if row is None:
            raise NotFound(f"no user {username}")
        return Role(row[0])

    def change_passphrase(self, username: str, new_passphrase: str) -> None:
        """Re-wrap the data key for ``username`` under a new passphrase (records are untouched).

        A reset also re-enables a disabled user. Who may reset whose is the core's to check
        (``clinic.core.admin``).
        """
        check_new_passphrase(new_passphrase)
        with self._write() as (conn, audit):
            self._target_role(conn, username)
            header, wrapped = wrap_data_key(
                self.keys.data_key,
                new_passphrase,
                username,
                self.keys.key_id,
                self.clinic.kdf_params,
            )
            conn.execute(
                schema.users.update()
                .where(schema.users.c.username == username)
                .values(header=header, wrapped=wrapped, disabled=0)
            )
            audit.add("user_passwd", None, f"user {username}")

    def disable_user(self, username: str) -> None:
        """Disable a user and delete their wrap of the data key."""
        with self._write() as (conn, audit):
            target = self._target_role(conn, username)
            if username == self.username:
                raise StoreError("you cannot disable yourself")
            if target is Role.ADMIN:
                admins = conn.execute(
                    select(func.count())
                    .select_from(schema.users)
                    .where(schema.users.c.role == Role.ADMIN.value, schema.users.c.disabled == 0)
                ).scalar_one()
                if admins <= 1:
                    raise StoreError("the last admin cannot be disabled")
            conn.execute(
                schema.users.update()
                .where(schema.users.c.username == username)
                .values(disabled=1, header=None, wrapped=None)
            )
            audit.add("user_disable", None, f"user {username}")

    # -- events ---------------------------------------------------------------------------

    def _next_clock(self, conn: Connection, count: int) -> int:
        """Reserve ``count`` Lamport clock values; returns the first."""
        current = int(
            conn.execute(
                select(schema.meta.c.value).where(schema.meta.c.key == "clock")
            ).scalar_one()
        )
        conn.execute(
            schema.meta.update()
            .where(schema.meta.c.key == "clock")
            .values(value=str(current + count))
        )
        return current + 1

    def _next_seq(self, conn: Connection) -> int:
        return (
            int(conn.execute(select(func.coalesce(func.max(schema.events.c.seq), 0))).scalar_one())
            + 1
        )

    def _local_date(self, at: str) -> str:
        return clock.local_date(at, self.clinic.timezone).isoformat()

    def _tally(self, ev: Event, language: str | None) -> dict[str, Any]:
        return tally_of(ev, site=self.clinic.site, date=self._local_date(ev.at), language=language)

    def _event_row(self, ev: Event, seq: int, language: str | None) -> dict[str, Any]:
        body = encode_event(ev)
        return {
            "event_id": ev.event_id,
            "record_id": ev.record_id,
            "seq": seq,
            "clock": ev.clock,
            "device_id": ev.device_id,
            "type": ev.type.value,
            "at": ev.at,
            "key_id": self.keys.key_id,
            "blob": self.keys.seal_event(ev.record_id, ev.event_id, body),
            "tally": json.dumps(self._tally(ev, language), sort_keys=True),
        }

    def _open_event(self, row: Any) -> Event:
        plain = self.keys.open_event(row.record_id, row.event_id, bytes(row.blob), row.key_id)
        try:
            ev = decode_event(plain, event_id=row.event_id, record_id=row.record_id)
        except EventError as exc:
            raise VaultError(str(exc)) from None
        if (ev.type.value, ev.clock, ev.device_id, ev.at) != (
            row.type,
            row.clock,
            row.device_id,
            row.at,
        ):
            raise VaultError("its clear-text columns do not match its sealed body")
        return ev

    def _new_event(
        self, record_id: str, type_: EventType, clock: int, payload: Mapping[str, Any]
    ) -> Event:
        parse_payload(type_, payload)  # a payload that does not fit its type is never stored
        return Event(
            event_id=uuid.uuid4().hex,
            record_id=record_id,
            type=type_,
            clock=clock,
            device_id=self.clinic.device_id,
            author=self.username,
            at=now_utc(),
            payload=dict(payload),
        )

    # -- records --------------------------------------------------------------------------

    def import_people(
        self, people: Sequence[Mapping[str, Any]], *, source: str = "import"
    ) -> ImportResult:
        """Validate every person, then store them all in one transaction (or none)."""
        many = len(people) != 1
        normalized: list[dict[str, Any]] = []
        errors: list[AnswerError] = []
        for i, raw in enumerate(people):
            try:
                normalized.append(answers_mod.normalize_answers(raw))
            except AnswersInvalid as exc:
                errors.extend(_prefixed(exc.errors, i, many))
        if errors:
            raise AnswersInvalid(errors)
        result = ImportResult()
        with self._write() as (conn, audit):
            clock = self._next_clock(conn, 2 * len(normalized))
            seq = self._next_seq(conn)
            record_rows, event_rows, index_rows, outbox_rows = [], [], [], []
            new_index: dict[tuple[str, bytes], list[tuple[int, str]]] = {}
            for i, answers in enumerate(normalized):
                record_id = uuid.uuid4().hex
                language = answers.get("language")
                created = self._new_event(
                    record_id,
                    EventType.CREATED,
                    clock,
                    {"kind": "intake", "source": source, "language": language},
                )
                changes = [{"key": k, "value": v} for k, v in sorted(answers.items())]
                answered = self._new_event(
                    record_id, EventType.ANSWERS_SET, clock + 1, {"changes": changes}
                )
                clock += 2
                record_rows.append({"record_id": record_id, "created_at": created.at})
                for ev in (created, answered):
                    event_rows.append(self._event_row(ev, seq, language))
                    outbox_rows.append({"event_id": ev.event_id, "queued_at": ev.at, "attempts": 0})
                    seq += 1
                for kind, value in index_entries(answers):
                    digest = self.keys.blind_index(kind, value)
                    index_rows.append({"kind": kind, "digest": digest, "record_id": record_id})
                    new_index.setdefault((kind, digest), []).append((i, record_id))
                audit.add(source, record_id)
                result.record_ids.append(record_id)
            result.possible_duplicates = self._duplicates(conn, new_index)
            conn.execute(schema.records.insert(), record_rows)
            conn.execute(schema.events.insert(), event_rows)
            if index_rows:
                conn.execute(schema.blind_index.insert(), index_rows)
            conn.execute(schema.outbox.insert(), outbox_rows)
        return result

    def _duplicates(
        self, conn: Connection, new_index: dict[tuple[str, bytes], list[tuple[int, str]]]
    ) -> list[tuple[int, str, str]]:
        """(person, other record, kind) for identifiers shared with a stored or earlier person."""
        found: list[tuple[int, str, str]] = []
        digests = sorted({digest for _kind, digest in new_index})
        for start in range(0, len(digests), 500):
            chunk = digests[start : start + 500]
            for kind, digest, other in conn.execute(
                select(
                    schema.blind_index.c.kind,
                    schema.blind_index.c.digest,
                    schema.blind_index.c.record_id,
                ).where(schema.blind_index.c.digest.in_(chunk))
            ):
                for i, _rid in new_index.get((kind, bytes(digest)), []):
                    found.append((i, other, kind))
        for (kind, _digest), people in new_index.items():
            for n, (i, _rid) in enumerate(people):
                found.extend((i, other, kind) for _j, other in people[:n])
        return sorted(found)

    def set_answers(self, record_id: str, new_answers: Mapping[str, Any]) -> list[FieldChange]:
        """Replace a record's answers (validated); records only the fields that changed."""
        normalized = answers_mod.normalize_answers(new_answers)
        with self._write() as (conn, audit):
            state = self._load(conn, record_id)
            changes = diff_answers(state, normalized)
            if not changes:
                return []
            self._append(
                conn,
                state,
                EventType.ANSWERS_SET,
                {"changes": [c.to_json() for c in changes]},
                normalized.get("language"),
            )
            conn.execute(
                schema.blind_index.delete().where(schema.blind_index.c.record_id == record_id)
            )
            rows = [
                {"kind": k, "digest": self.keys.blind_index(k, v), "record_id": record_id}
                for k, v in index_entries(normalized)
            ]
            if rows:
                conn.execute(schema.blind_index.insert(), rows)
            audit.add("answers_set", record_id, f"{len(changes)} field(s)")
        return changes

    def append_event(self, record_id: str, type_: EventType, payload: Mapping[str, Any]) -> Event:
        """Append one event (screening, packet, review...) to a record's log."""
        with self._write() as (conn, audit):
            state = self._load(conn, record_id)
            ev = self._append(conn, state, type_, payload, state.language)
            audit.add(type_.value, record_id)
        return ev

    def _append(
        self,
        conn: Connection,
        state: RecordState,
        type_: EventType,
        payload: Mapping[str, Any],
        language: str | None,
    ) -> Event:
        clock = self._next_clock(conn, 1)
        clock = max(clock, state.clock + 1)
        ev = self._new_event(state.record_id, type_, clock, payload)
        conn.execute(schema.events.insert(), self._event_row(ev, self._next_seq(conn), language))
        conn.execute(
            schema.outbox.insert(), {"event_id": ev.event_id, "queued_at": ev.at, "attempts": 0}
        )
        return ev

    def record_ids(self) -> list[str]:
        with self._read() as conn:
            rows = conn.execute(
                select(schema.records.c.record_id).order_by(
                    schema.records.c.created_at, schema.records.c.record_id
                )
            ).all()
        return [r[0] for r in rows]

    def resolve_id(self, prefix: str) -> str:
        """Turn a record id or a unique prefix of one (at least 4 characters) into the full id."""
        prefix = prefix.strip().lower()
        if len(prefix) < MIN_ID_PREFIX or not all(c in "0123456789abcdef" for c in prefix):
            raise NotFound(f"'{prefix}' is not a record id (at least {MIN_ID_PREFIX} hex digits)")
        with self._read() as conn:
            rows = conn.execute(
                select(schema.records.c.record_id)
                .where(schema.records.c.record_id.startswith(prefix, autoescape=True))
                .limit(2)
            ).all()
        if not rows:
            raise NotFound(f"no record {prefix}")
        if len(rows) > 1:
            raise NotFound(f"record id {prefix} is ambiguous: give more characters")
        return str(rows[0][0])

    def _events(self, conn: Connection, record_id: str) -> list[Event]:
        """A record's events, decrypted and checked, in local arrival order."""
        try:
            rows = conn.execute(
                select(schema.events)
                .where(schema.events.c.record_id == record_id)
                .order_by(schema.events.c.seq)
            ).all()
        except DatabaseError as exc:
            if _is_busy(exc):
                raise _db_error(exc) from None
            raise RecordDamaged(
                record_id, f"its events cannot be read from the database ({exc.orig})"
            ) from None
        if not rows:
            exists = conn.execute(
                select(schema.records.c.record_id).where(schema.records.c.record_id == record_id)
            ).first()
            if exists is None:
                raise NotFound(f"no record {record_id}")
            raise RecordDamaged(record_id, "its events are missing from the database")
        events: list[Event] = []
        for row in rows:
            try:
                events.append(self._open_event(row))
            except (VaultError, ValueError, KeyError, TypeError) as exc:
                raise RecordDamaged(
                    record_id, f"event {row.event_id}: {exc or 'failed its integrity check'}"
                ) from None
        return events

    def _load(self, conn: Connection, record_id: str) -> RecordState:
        return fold(record_id, self._events(conn, record_id))

    def events(self, record_id: str) -> list[Event]:
        """The decrypted log of one record, in local arrival order."""
        try:
            with self.clinic.engine.connect() as conn:
                events = self._events(conn, record_id)
                conn.rollback()
                return events
        except SQLAlchemyError as exc:
            if _is_busy(exc):
                raise _db_error(exc) from None
            raise RecordDamaged(record_id, f"it cannot be read ({type(exc).__name__})") from None

    def load(self, record_id: str) -> RecordState:
        """Decrypt and fold one record (raises :class:`RecordDamaged` if it fails its checks)."""
        return fold(record_id, self.events(record_id))

    def show(self, record_id: str) -> RecordState:
        """Load a record for display; the view is audited."""
        state = self.load(record_id)
        self._audit_read("view", record_id)
        return state

    def summarize(self, state: RecordState) -> RecordSummary:
        a = state.answers
        return RecordSummary(
            record_id=state.record_id,
            family=str(a.get("name.family", "")),
            given=str(a.get("name.given", "")),
            native=str(a.get("name.native", "")),
            dob=str(a.get("dob", "")),
            language=state.language or "",
            status=state.status.value,
            updated_at=state.updated_at or "",
            event_count=state.event_count,
            outcome=str((state.determination or {}).get("outcome", "")),
        )

    def list_records(self) -> tuple[list[RecordSummary], list[RecordDamaged]]:
        """Every record that opens, and every one that does not (each named)."""
        summaries: list[RecordSummary] = []
        damaged: list[RecordDamaged] = []
        for record_id in self.record_ids():
            try:
                summaries.append(self.summarize(self.load(record_id)))
            except RecordDamaged as exc:
                damaged.append(exc)
        self._audit_read("list", None, f"{len(summaries)} record(s)")
        return summaries, damaged

    def export(self, record_id: str) -> dict[str, Any]:
        """The record's answers as the answers JSON object; the export is audited."""
        state = self.load(record_id)
        self._audit_read("export", record_id)
        return dict(sorted(state.answers.items()))

    def _find(self, kind: str, value: str) -> list[str]:
        digest = self.keys.blind_index(kind, value)
        with self._read() as conn:
            rows = conn.execute(
                select(schema.blind_index.c.record_id)
                .where(schema.blind_index.c.kind == kind, schema.blind_index.c.digest == digest)
                .order_by(schema.blind_index.c.record_id)
            ).all()
        self._audit_read("find", None, f"by {kind}: {len(rows)} match(es)")
        return [r[0] for r in rows]

    def find_by_a_number(self, a_number: str) -> list[str]:
        try:
            value = answers_mod.normalize_a_number(a_number)
        except ValueError:
            raise StoreError("a_number: an A-Number has 7 to 9 digits") from None
        return self._find("a_number", value)

    def find_by_ssn(self, ssn: str) -> list[str]:
        try:
            value = answers_mod.normalize_ssn(ssn)
        except ValueError:
            raise StoreError("ssn: a Social Security number has 9 digits") from None
        return self._find("ssn", value)

    def find_by_name_dob(self, family: str, dob: str) -> list[str]:
        errors = answers_mod.validate_answers({"name.family": family, "dob": dob})
        if errors:
            raise AnswersInvalid(errors)
        return self._find("name_dob", answers_mod.normalize_name_for_index(family) + "|" + dob)

    # -- packets: encrypted files ----------------------------------------------------------

    def _packet_dir(self, record_id: str, packet_hash: str) -> Path:
        return self.clinic.data_dir / "packets" / record_id / packet_hash

    def _packet_listing(self, record_id: str, packet_hash: str) -> list[Mapping[str, Any]]:
        """The files the latest ``packet_built`` event of ``packet_hash`` names."""
        built = [
            e
            for e in self.events(record_id)
            if e.type is EventType.PACKET_BUILT and e.payload.get("packet_hash") == packet_hash
        ]
        if not built:
            raise NotFound(f"record {record_id} has no packet {packet_hash[:12]}")
        return [f for f in built[-1].payload.get("files", []) if isinstance(f, Mapping)]

    def store_packet(
        self,
        record_id: str,
        packet_hash: str,
        files: Sequence[tuple[str, bytes]],
        info: Mapping[str, Any],
        copies: Mapping[str, Sequence[bytes]] | None = None,
    ) -> Event:
        """Store a packet's files encrypted (AES-GCM, bound to record, packet and file) and
        record ``packet_built`` naming every file's hash. Files are written before the event,
        each atomically: a crash leaves at most unreferenced ciphertext, never a half packet.
        ``copies`` (kind -> one copy per file, see :meth:`store_packet_copies`) are written with
        the files, before the event."""
        listing = self._write_packet_files(record_id, packet_hash, files)
        for kind, data in (copies or {}).items():
            self._write_packet_copies(record_id, packet_hash, kind, data, len(files))
        payload = {"packet_hash": packet_hash, "files": listing, **dict(info)}
        return self.append_event(record_id, EventType.PACKET_BUILT, payload)

    def _write_packet_files(
        self, record_id: str, packet_hash: str, files: Sequence[tuple[str, bytes]]
    ) -> list[dict[str, str]]:
        folder = self._packet_dir(record_id, packet_hash)
        folder.mkdir(parents=True, exist_ok=True)
        listing: list[dict[str, str]] = []
        for n, (name, data) in enumerate(files):
            blob = self.keys.seal_file(record_id, f"{packet_hash}/{n}", data)
            write_atomically(folder / f"{n:02d}.bin", blob)
            listing.append({"name": name, "sha256": hashlib.sha256(data).hexdigest()})
        _fsync_dir(folder)
        return listing

    def restore_packet_files(
        self,
        record_id: str,
        packet_hash: str,
        files: Sequence[tuple[str, bytes]],
        copies: Mapping[str, Sequence[bytes]] | None = None,
    ) -> None:
        """Keep the files of a packet built on another laptop (its event came through sync),
        rebuilt here: only when every file is exactly the one its event names. ``copies`` as
        for :meth:`store_packet`."""
        wanted = [
            (str(f.get("name")), str(f.get("sha256")))
            for f in self._packet_listing(record_id, packet_hash)
        ]
        have = [(name, hashlib.sha256(data).hexdigest()) for name, data in files]
        if have != wanted:
            raise StoreError(
                f"packet {packet_hash[:12]}: rebuilt here, it differs from the one built on the "
                "other laptop (other forms installed?)"
            )
        self._write_packet_files(record_id, packet_hash, files)
        for kind, data in (copies or {}).items():
            self._write_packet_copies(record_id, packet_hash, kind, data, len(files))

    def has_packet_files(self, record_id: str, packet_hash: str) -> bool:
        """Whether this laptop holds the files of a packet (a packet built on another laptop
        arrives by sync as its event only). Nothing is decrypted."""
        count = len(self._packet_listing(record_id, packet_hash))
        folder = self._packet_dir(record_id, packet_hash)
        return all((folder / f"{n:02d}.bin").is_file() for n in range(count))

    def packet_files(self, record_id: str, packet_hash: str) -> list[tuple[str, bytes]]:
        """Decrypt a stored packet; every file is checked against the hash its event names."""
        out: list[tuple[str, bytes]] = []
        for n, entry in enumerate(self._packet_listing(record_id, packet_hash)):
            path = self._packet_dir(record_id, packet_hash) / f"{n:02d}.bin"
            try:
                data = self.keys.open_file(record_id, f"{packet_hash}/{n}", path.read_bytes())
            except (OSError, VaultError) as exc:
                raise RecordDamaged(
                    record_id, f"packet file {entry.get('name')} cannot be opened ({exc})"
                ) from None
            if hashlib.sha256(data).hexdigest() != entry.get("sha256"):
                raise RecordDamaged(
                    record_id, f"packet file {entry.get('name')} does not match its hash"
                )
            out.append((str(entry.get("name")), data))
        return out

    @staticmethod
    def _copy_kind(kind: str) -> str:
        if not kind or not all(c.isascii() and (c.isalnum() or c == "-") for c in kind):
            raise ValueError(f"a packet copy's kind is letters, digits and '-', not {kind!r}")
        return kind

    def _write_packet_copies(
        self, record_id: str, packet_hash: str, kind: str, copies: Sequence[bytes], count: int
    ) -> None:
        self._copy_kind(kind)
        if len(copies) != count:
            raise StoreError(
                f"packet {packet_hash[:12]}: {len(copies)} {kind} copies, {count} files"
            )
        folder = self._packet_dir(record_id, packet_hash)
        folder.mkdir(parents=True, exist_ok=True)
        for n, data in enumerate(copies):
            blob = self.keys.seal_file(record_id, f"{packet_hash}/{kind}/{n}", data)
            write_atomically(folder / f"{kind}-{n:02d}.copy", blob)
        _fsync_dir(folder)

    def store_packet_copies(
        self, record_id: str, packet_hash: str, kind: str, copies: Sequence[bytes]
    ) -> None:
        """Keep copies made from a stored packet's files, one per file in the packet's order
        (``kind`` names them: the draft-marked copies, the copies flattened for the screen).
        Sealed like the files, bound to record, packet, kind and file, so a copy opens only as
        what it was stored as; no event names them: they are this laptop's, made again from
        the files when missing."""
        count = len(self._packet_listing(record_id, packet_hash))
        self._write_packet_copies(record_id, packet_hash, kind, copies, count)

    def packet_copies(
        self, record_id: str, packet_hash: str, kind: str
    ) -> list[tuple[str, bytes]] | None:
        """The stored copies of ``kind`` with the names of their files, decrypted; ``None``
        when this laptop has not stored them all (make them from the files, then store them).
        Raises :class:`RecordDamaged` when one is there but cannot be opened."""
        self._copy_kind(kind)
        listing = self._packet_listing(record_id, packet_hash)
        folder = self._packet_dir(record_id, packet_hash)
        out: list[tuple[str, bytes]] = []
        for n, entry in enumerate(listing):
            path = folder / f"{kind}-{n:02d}.copy"
            try:
                blob = path.read_bytes()
            except FileNotFoundError:
                return None
            except OSError as exc:
                raise RecordDamaged(
                    record_id, f"the {kind} copy of {entry.get('name')} cannot be read ({exc})"
                ) from None
            try:
                data = self.keys.open_file(record_id, f"{packet_hash}/{kind}/{n}", blob)
            except VaultError as exc:
                raise RecordDamaged(
                    record_id, f"the {kind} copy of {entry.get('name')} cannot be opened ({exc})"
                ) from None
            out.append((str(entry.get("name")), data))
        return out

    # -- review ---------------------------------------------------------------------------

    def audit_export(self, record_id: str, what: str) -> None:
        """Record that a record's data left the encrypted store (a folder, a printer)."""
        with self._write() as (_conn, audit):
            audit.add("export", record_id, what)

    # -- the site and inquiries ------------------------------------------------------------

    def set_site(self, site: str) -> None:
        """Rename the site (what reports and tallies show from now on)."""
        site = " ".join(site.split())
        if not site or len(site) > 120 or any(ord(c) < 32 for c in site):
            raise StoreError("site: give a name of 1 to 120 characters")
        with self._write() as (conn, audit):
            conn.execute(schema.meta.update().where(schema.meta.c.key == "site").values(value=site))
            audit.add("site_set", None)
        self.clinic.site = site

    def log_inquiry(self, language: str, topic: str) -> str:
        """Record that someone was informed (a walk-in or hotline question that never becomes a
        packet): only the language and a topic code, no name. Returns the new record's id."""
        if topic not in INQUIRY_TOPICS:
            raise StoreError(f"topic: one of {', '.join(INQUIRY_TOPICS)}")
        problems = answers_mod.validate_answers({"language": language})
        if problems:
            raise AnswersInvalid(problems)
        record_id = uuid.uuid4().hex
        with self._write() as (conn, audit):
            clock = self._next_clock(conn, 2)
            seq = self._next_seq(conn)
            created = self._new_event(
                record_id,
                EventType.CREATED,
                clock,
                {"kind": "inquiry", "source": "inquiry", "language": language},
            )
            logged = self._new_event(
                record_id, EventType.INQUIRY_LOGGED, clock + 1, {"topic": topic}
            )
            conn.execute(
                schema.records.insert(), {"record_id": record_id, "created_at": created.at}
            )
            rows = [
                self._event_row(ev, seq + n, language) for n, ev in enumerate((created, logged))
            ]
            conn.execute(schema.events.insert(), rows)
            conn.execute(
                schema.outbox.insert(),
                [
                    {"event_id": ev.event_id, "queued_at": ev.at, "attempts": 0}
                    for ev in (created, logged)
                ],
            )
            audit.add("inquiry", record_id, topic)
        return record_id

    # -- drafts: the interview as typed ----------------------------------------------------

    def save_draft(self, record_id: str, draft: Mapping[str, Any]) -> None:
        """Keep what this user has typed in a record's interview, sealed (AES-GCM bound to the
        record and the user), replacing their previous draft. Called on every change, so it
        commits with ``synchronous=NORMAL``: an app crash loses nothing, a power cut at most the
        last keystrokes."""
        body = json.dumps(dict(draft), ensure_ascii=False, sort_keys=True).encode("utf-8")
        blob = self.keys.seal_file(record_id, f"draft/{self.username}", body)
        row = {
            "record_id": record_id,
            "user": self.username,
            "key_id": self.keys.key_id,
            "blob": blob,
            "updated_at": now_utc(),
        }
        with self._write(durable=False) as (conn, _audit):
            known = conn.execute(
                select(schema.records.c.record_id).where(schema.records.c.record_id == record_id)
            ).first()
            if known is None:
                raise NotFound(f"record {record_id} does not exist")
            conn.execute(
                schema.drafts.delete().where(
                    schema.drafts.c.record_id == record_id, schema.drafts.c.user == self.username
                )
            )
            conn.execute(schema.drafts.insert(), row)

    def load_draft(self, record_id: str) -> dict[str, Any] | None:
        """This user's draft of a record's interview, or ``None``. A draft that fails its
        integrity check raises :class:`RecordDamaged` (the stored answers are unaffected)."""
        with self._read() as conn:
            row = conn.execute(
                select(schema.drafts.c.blob, schema.drafts.c.key_id).where(
                    schema.drafts.c.record_id == record_id, schema.drafts.c.user == self.username
                )
            ).first()
        if row is None:
            return None
        try:
            if row.key_id != self.keys.key_id:
                raise VaultError("sealed with a key this clinic does not hold")
            plain = self.keys.open_file(record_id, f"draft/{self.username}", bytes(row.blob))
            draft = json.loads(plain)
        except (VaultError, ValueError) as exc:
            problem = f"its interview draft cannot be opened ({exc})"
            raise RecordDamaged(record_id, problem) from None
        if not isinstance(draft, dict):
            raise RecordDamaged(record_id, "its interview draft is not an object")
        return draft

    def discard_draft(self, record_id: str) -> None:
        with self._write(durable=False) as (conn, _audit):
            conn.execute(
                schema.drafts.delete().where(
                    schema.drafts.c.record_id == record_id, schema.drafts.c.user == self.username
                )
            )

    def possible_duplicates(
        self, answers: Mapping[str, Any], *, exclude: str | None = None
    ) -> list[tuple[str, str]]:
        """(record id, matched by) for stored people who share an A-Number, an SSN, or a family
        name and birth date with these answers (through the blind index; nothing is written).
        Only valid identifiers are looked up."""
        wanted = {
            k: v
            for k, v in answers.items()
            if k in ("a_number", "ssn", "name.family", "dob")
            and not answers_mod.validate_answers({k: v})
        }
        try:
            entries = index_entries(answers_mod.normalize_answers(wanted))
        except AnswersInvalid:
            return []
        found: set[tuple[str, str]] = set()
        with self._read() as conn:
            for kind, value in entries:
                digest = self.keys.blind_index(kind, value)
                for (other,) in conn.execute(
                    select(schema.blind_index.c.record_id).where(
                        schema.blind_index.c.kind == kind, schema.blind_index.c.digest == digest
                    )
                ):
                    if other != exclude:
                        found.add((other, kind))
        return sorted(found)

    # -- sync: settings, the outbox, events from other devices -------------------------------

    def sync_state(self) -> syncstate.SyncState:
        """This laptop's sync state (server, org, cursor, last sync, alerts...), decoded once."""
        with self._read() as conn:
            rows = conn.execute(
                select(schema.meta.c.key, schema.meta.c.value).where(
                    schema.meta.c.key.like("sync.%"), schema.meta.c.key.notlike("sync.secret.%")
                )
            ).all()
        return syncstate.decode({str(k)[len("sync.") :]: str(v) for k, v in rows})

    def update_sync_state(self, **changes: Any) -> None:
        """Change fields of the sync state (``None`` clears one), in one transaction."""
        self._set_sync_settings(syncstate.encode(changes))

    def _sync_setting(self, name: str) -> str | None:
        with self._read() as conn:
            value = conn.execute(
                select(schema.meta.c.value).where(schema.meta.c.key == f"sync.{name}")
            ).scalar()
        return None if value is None else str(value)

    def _set_sync_settings(self, values: Mapping[str, str | None]) -> None:
        """Set (or with ``None`` remove) sync settings, in one transaction."""
        with self._write(durable=False) as (conn, _audit):
            for name, value in values.items():
                key = f"sync.{name}"
                conn.execute(schema.meta.delete().where(schema.meta.c.key == key))
                if value is not None:
                    conn.execute(schema.meta.insert(), {"key": key, "value": value})

    def sync_secret(self, name: str) -> bytes | None:
        """A sync secret (device token, device key, org keys), sealed with the data key."""
        raw = self._sync_setting(f"secret.{name}")
        if raw is None:
            return None
        try:
            return self.keys.open_file("-", f"sync/{name}", base64.b64decode(raw))
        except (VaultError, ValueError) as exc:
            raise StoreError(f"sync: the stored {name} cannot be opened ({exc})") from None

    def set_sync_secrets(self, secrets_: Mapping[str, bytes | None]) -> None:
        self._set_sync_settings(
            {
                f"secret.{name}": None
                if data is None
                else base64.b64encode(self.keys.seal_file("-", f"sync/{name}", data)).decode()
                for name, data in secrets_.items()
            }
        )

    def outbox(self, limit: int) -> list[tuple[Event, dict[str, Any], bytes | None]]:
        """The oldest events not yet pushed, decrypted, with their tallies and the envelope
        already made for them (``None`` before the first try)."""
        with self._read() as conn:
            rows = conn.execute(
                select(schema.events, schema.outbox.c.sealed)
                .join(schema.outbox, schema.outbox.c.event_id == schema.events.c.event_id)
                .order_by(schema.events.c.seq)
                .limit(limit)
            ).all()
        out = []
        for row in rows:
            try:
                ev = self._open_event(row)
            except VaultError as exc:
                raise RecordDamaged(row.record_id, f"event {row.event_id}: {exc}") from None
            sealed = bytes(row.sealed) if row.sealed is not None else None
            out.append((ev, json.loads(row.tally), sealed))
        return out

    def outbox_sealed(self, envelopes: Mapping[str, bytes]) -> None:
        """Keep the envelopes made for outbox events, durably, before they are sent."""
        with self._write() as (conn, _audit):
            for event_id, sealed in envelopes.items():
                conn.execute(
                    schema.outbox.update()
                    .where(schema.outbox.c.event_id == event_id)
                    .values(sealed=sealed)
                )

    def outbox_count(self) -> int:
        with self._read() as conn:
            return int(conn.execute(select(func.count()).select_from(schema.outbox)).scalar() or 0)

    def outbox_done(self, event_ids: Sequence[str]) -> None:
        with self._write(durable=False) as (conn, _audit):
            conn.execute(schema.outbox.delete().where(schema.outbox.c.event_id.in_(event_ids)))

    def outbox_failed(self, event_ids: Sequence[str]) -> None:
        with self._write(durable=False) as (conn, _audit):
            conn.execute(
                schema.outbox.update()
                .where(schema.outbox.c.event_id.in_(event_ids))
                .values(attempts=schema.outbox.c.attempts + 1)
            )

    def ingest(self, pulled: Sequence[tuple[Event, Mapping[str, Any]]]) -> int:
        """Store events from other devices (sealed again with this laptop's key), with the
        tallies they came with. An event already here is skipped; one here with other content
        is refused (the batch then stores nothing). Returns how many were new."""
        if not pulled:
            return 0
        ids = [ev.event_id for ev, _t in pulled]
        touched: set[str] = set()
        with self._write() as (conn, audit):
            have = {
                str(r.event_id): r
                for r in conn.execute(
                    select(schema.events).where(schema.events.c.event_id.in_(ids))
                )
            }
            seq = self._next_seq(conn)
            new_rows, records = [], []
            known_records = {
                str(r[0])
                for r in conn.execute(
                    select(schema.records.c.record_id).where(
                        schema.records.c.record_id.in_({ev.record_id for ev, _t in pulled})
                    )
                )
            }
            top_clock = 0
            added: set[str] = set()
            for ev, tally in pulled:
                if ev.event_id in added:
                    continue  # the same event twice in one batch counts once
                if ev.event_id in have:
                    mine = self._open_event(have[ev.event_id])
                    if (mine.payload, mine.type, mine.clock, mine.at) != (
                        ev.payload,
                        ev.type,
                        ev.clock,
                        ev.at,
                    ):
                        raise StoreError(
                            f"event {ev.event_id} arrived with content other than the copy here"
                        )
                    continue
                if ev.record_id not in known_records:
                    records.append({"record_id": ev.record_id, "created_at": ev.at})
                    known_records.add(ev.record_id)
                row = self._event_row(ev, seq, None)
                row["tally"] = json.dumps(dict(tally), sort_keys=True)
                new_rows.append(row)
                seq += 1
                top_clock = max(top_clock, ev.clock)
                touched.add(ev.record_id)
                added.add(ev.event_id)
            if records:
                conn.execute(schema.records.insert(), records)
            if new_rows:
                conn.execute(schema.events.insert(), new_rows)
                current = self._next_clock(conn, 0)
                if top_clock >= current:
                    conn.execute(
                        schema.meta.update()
                        .where(schema.meta.c.key == "clock")
                        .values(value=str(top_clock + 1))
                    )
            for record_id in sorted(touched):
                state = self._load(conn, record_id)
                conn.execute(
                    schema.blind_index.delete().where(schema.blind_index.c.record_id == record_id)
                )
                rows = [
                    {"kind": k, "digest": self.keys.blind_index(k, v), "record_id": record_id}
                    for k, v in index_entries(state.answers)
                ]
                if rows:
                    conn.execute(schema.blind_index.insert(), rows)
            if new_rows:
                audit.add("sync_in", None, f"{len(new_rows)} event(s)")
        return len(new_rows)

    def resolve_conflict(self, record_id: str, key: str, value: Any) -> None:
        """A person chose ``value`` for an answer edited on two laptops at once: record it as
        based on every competing version, which settles the conflict everywhere."""
        if value is not None:
            answers_mod.normalize_answers({key: value})  # the value must be valid
        with self._write() as (conn, audit):
            state = self._load(conn, record_id)
            if key not in state.conflicts:
                raise StoreError(f"{key}: has no conflict to resolve")
            change = FieldChange(key=key, value=value, prev=state.versions.get(key))
            self._append(
                conn, state, EventType.ANSWERS_SET, {"changes": [change.to_json()]}, state.language
            )
            audit.add("conflict_resolved", record_id, key)

    # -- tallies: what reports read -------------------------------------------------------

    def tallies(self, date_from: str, date_to: str) -> list[dict[str, Any]]:
        """The de-identified tallies of events whose local date is in ``[date_from, date_to]``
        (ISO dates), oldest first. Each carries ``record``, the random record id, so people are
        counted once; no tally holds a name, a number or an answer."""
        out: list[dict[str, Any]] = []
        with self._read() as conn:
            rows = conn.execute(
                select(schema.events.c.record_id, schema.events.c.tally).order_by(
                    schema.events.c.seq
                )
            ).all()
        for record_id, raw in rows:
            tally = json.loads(raw)
            if date_from <= str(tally.get("date", "")) <= date_to:
                out.append({**tally, "record": record_id})
        return out

    # -- checks and audit -----------------------------------------------------------------

    def audit_log(self) -> list[AuditEntry]:
        with self._read() as conn:
            rows = conn.execute(select(schema.audit).order_by(schema.audit.c.seq)).all()
        return [
            AuditEntry(r.seq, r.at, r.user, r.device_id, r.action, r.record_id, r.detail)
            for r in rows
        ]

    def verify_audit(self) -> list[str]:
        """Problems found in the audit chain (empty when every link holds)."""
        problems: list[str] = []
        prev = b""
        expected_seq = 1
        with self._read() as conn:
            for r in conn.execute(select(schema.audit).order_by(schema.audit.c.seq)):
                entry = {
                    "seq": r.seq,
                    "at": r.at,
                    "user": r.user,
                    "device_id": r.device_id,
                    "action": r.action,
                    "record_id": r.record_id,
                    "detail": r.detail,
                }
                if r.seq != expected_seq:
                    problems.append(f"audit entry {expected_seq} is missing")
                if self.keys.audit_mac(prev, entry) != bytes(r.mac):
                    problems.append(f"audit entry {r.seq} was altered or its chain broken")
                prev = bytes(r.mac)
                expected_seq = r.seq + 1
        return problems

    def audit_head(self) -> tuple[int, bytes]:
        """The sequence number and MAC of the newest audit entry (sent to the server at sync)."""
        with self._read() as conn:
            row = conn.execute(
                select(schema.audit.c.seq, schema.audit.c.mac)
                .order_by(schema.audit.c.seq.desc())
                .limit(1)
            ).first()
        return (0, b"") if row is None else (int(row[0]), bytes(row[1]))

    def check(self) -> list[str]:
        """Every problem found: SQLite integrity, each record's events, the audit chain."""
        problems: list[str] = []
        if self.clinic.damaged:
            problems.append("database: damaged; opened read-only for rescue")
        try:
            with self.clinic.engine.connect() as conn:
                for (line,) in conn.exec_driver_sql("PRAGMA integrity_check").all():
                    if line != "ok":
                        problems.append(f"database: {line}")
                conn.rollback()
        except DatabaseError as exc:
            problems.append(f"database: the integrity check cannot complete ({exc.orig})")
        try:
            ids = self.record_ids()
        except StoreError as exc:
            problems.append(f"records: {exc}")
            ids = []
        for record_id in ids:
            try:
                self.load(record_id)
            except RecordDamaged as exc:
                problems.append(str(exc))
        try:
            problems.extend(self.verify_audit())
        except StoreError as exc:
            problems.append(f"audit: {exc}")
        return problems


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
    "create_clinic",
]
