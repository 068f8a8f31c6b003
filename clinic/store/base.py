"""What every repository of the store shares: its errors, the engine, transactions, the audit
writer and the event log's primitives. Written once, here.

A signed-in :class:`~clinic.store.clinic.Session` is composed of repositories (``users``,
``records``, ``index``, ``drafts``, ``files``, ``outbox``, ``audit``, ``settings``), each a
small class over :class:`Repository`. A repository stores and reads; it decides nothing (the
rules are in ``clinic.domain``, who may do what in ``clinic.core``). What it checks is the
integrity of what is stored: a payload that fits its event type, a sealed blob that opens, an
id that exists.

Every write is one SQLite transaction (``BEGIN IMMEDIATE``, WAL, ``synchronous=FULL``): it
happens whole or not at all, and what a call has returned is on disk. Reads use a deferred
``BEGIN``: in WAL mode they never wait for a writer. Error messages name ids, keys and
problems, never a person's data.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import uuid
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, create_engine, event, func, select
from sqlalchemy.exc import DatabaseError, OperationalError, SQLAlchemyError
from sqlalchemy.pool import NullPool

from clinic import clock
from clinic.domain.events import Event, EventError, EventType, RecordState, fold
from clinic.domain.roles import Role
from clinic.domain.tally import tally_of
from clinic.domain.wire import decode_event, encode_event, parse_payload
from clinic.errors import ClinicError
from clinic.store import schema
from clinic.store.vault import Keys, UserSecrets, VaultError

if TYPE_CHECKING:
    from clinic.store.clinic import Clinic


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


# -- the engine ---------------------------------------------------------------------------

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


def _fsync_dir(path: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def outbox_row(ev: Event) -> dict[str, Any]:
    """The outbox row that queues ``ev`` for the next push."""
    return {"event_id": ev.event_id, "queued_at": ev.at, "attempts": 0}


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


class Repository:
    """The base of every repository: a signed-in user's keys and the shared plumbing
    (transactions, the audit writer, the Lamport clock, sealing and opening events)."""

    def __init__(
        self,
        clinic: Clinic,
        keys: Keys,
        username: str,
        role: Role,
        own: UserSecrets | None = None,
    ) -> None:
        self.clinic = clinic
        self.keys = keys
        self.username = username
        self.role = role
        #: what only this user's passphrase opens (their copy of the org's private key)
        self.own = own

    # -- transactions ---------------------------------------------------------------------

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

    # -- the clock and the order of arrival -----------------------------------------------

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

    # -- events: sealed rows ---------------------------------------------------------------

    def _local_date(self, at: str) -> str:
        return clock.local_date(at, self.clinic.timezone).isoformat()

    def _tally(self, ev: Event, language: str | None) -> dict[str, Any]:
        return tally_of(
            ev,
            site=self.clinic.site,
            date=self._local_date(ev.at),
            language=language,
            role=self.role.value if ev.author == self.username else None,
        )

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

    # -- a record's log ----------------------------------------------------------------------

    def _record_ids(self) -> list[str]:
        with self._read() as conn:
            rows = conn.execute(
                select(schema.records.c.record_id).order_by(
                    schema.records.c.created_at, schema.records.c.record_id
                )
            ).all()
        return [r[0] for r in rows]

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

    def _read_events(self, record_id: str) -> list[Event]:
        """:meth:`_events` in a read transaction of its own."""
        try:
            with self.clinic.engine.connect() as conn:
                events = self._events(conn, record_id)
                conn.rollback()
                return events
        except SQLAlchemyError as exc:
            if _is_busy(exc):
                raise _db_error(exc) from None
            raise RecordDamaged(record_id, f"it cannot be read ({type(exc).__name__})") from None

    def _load(self, conn: Connection, record_id: str) -> RecordState:
        return fold(record_id, self._events(conn, record_id))

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
        conn.execute(schema.outbox.insert(), outbox_row(ev))
        return ev

    def _append_event(self, record_id: str, type_: EventType, payload: Mapping[str, Any]) -> Event:
        """Append one event to a record's log, audited, in a transaction of its own."""
        with self._write() as (conn, audit):
            state = self._load(conn, record_id)
            ev = self._append(conn, state, type_, payload, state.language)
            audit.add(type_.value, record_id)
        return ev
