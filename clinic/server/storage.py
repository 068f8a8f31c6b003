"""The server's storage: one database (a SQLite file by default, PostgreSQL for an organization),
migrated by Alembic on start. Stateless over it: any number of server processes can share one
PostgreSQL database.

Every write is one transaction. A push is all or nothing: a batch is stored whole, or (a
connection dropped, the process killed) not at all, and a retry of the same batch stores nothing
twice (an event id already stored with the same bytes is acknowledged again).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import secrets
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, func, inspect, select, text
from sqlalchemy.exc import ArgumentError, IntegrityError, NoSuchModuleError

from clinic import clock
from clinic.errors import ClinicError, Reason
from clinic.server import schema
from clinic.sync.crypto import proofs_match

SERVER_HEAD = "s006"  # the newest migration (tests check it is)
TOKEN_IDLE = dt.timedelta(days=90)  # a token unused this long no longer works
TOUCH_EVERY = dt.timedelta(hours=1)  # how stale "last seen" may get before a request writes it
CODE_TRIES = 5  # wrong tries of one enrollment code before it is refused for good
MIGRATIONS = Path(__file__).with_name("migrations")


class ServerError(ClinicError):
    """Something a client or an operator can act on (the message names it, never a value)."""


class Conflict(ServerError):
    """Event ids already stored with different bytes."""

    def __init__(self, event_ids: list[str]) -> None:
        super().__init__(f"{len(event_ids)} event id(s) already stored with different content")
        self.event_ids = event_ids


def now() -> str:
    return clock.now().isoformat(timespec="seconds")


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def database_url(db: str | None, default_dir: Path) -> str:
    """``--db``: a SQLAlchemy URL, a path to a SQLite file, or nothing (``server.db`` in
    ``default_dir``)."""
    if not db:
        return f"sqlite:///{(default_dir / 'server.db').resolve()}"
    if "://" in db:
        return db
    return f"sqlite:///{Path(db).expanduser().resolve()}"


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 30, "check_same_thread": False})

        @event.listens_for(engine, "connect")
        def _on_connect(dbapi_conn: Any, _record: object) -> None:
            dbapi_conn.isolation_level = None  # we send BEGIN ourselves
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=FULL")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.close()

        @event.listens_for(engine, "begin")
        def _on_begin(conn: Connection) -> None:
            # writes take the lock up front (no deadlock between two writers); reads never wait
            reading = conn.get_execution_options().get("clinic_read", False)
            conn.exec_driver_sql("BEGIN" if reading else "BEGIN IMMEDIATE")

        return engine
    if url.startswith(("postgresql://", "postgres://")):  # the driver ClinicDay installs
        url = "postgresql+psycopg://" + url.split("://", 1)[1]
    scheme = url.split("://", 1)[0]
    if scheme.startswith("postgresql+") and scheme != "postgresql+psycopg":
        raise ServerError(
            f"--db {scheme}://...: ClinicDay talks to PostgreSQL through psycopg (version 3): "
            "write postgresql+psycopg://USER@HOST/DATABASE"
        )
    if not scheme.startswith(("postgresql", "sqlite")):
        raise ServerError(
            f"--db {scheme}://...: not a database the server can use (a SQLite file, or "
            "PostgreSQL: postgresql+psycopg://USER@HOST/DATABASE)"
        )
    try:
        return create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=20)
    except ImportError as exc:  # the URL names a driver this install does not have
        if scheme.startswith("postgresql"):
            raise ServerError(
                f"--db {scheme}://...: the PostgreSQL driver is not installed; install "
                "ClinicDay with it: pip install 'clinicday[postgres]'"
            ) from None
        missing = exc.name or "its driver"
        raise ServerError(f"--db {scheme}://...: {missing} is not installed") from None
    except (NoSuchModuleError, ArgumentError):
        raise ServerError(
            f"--db {scheme}://...: not a database the server can use (a SQLite file, or "
            "postgresql+psycopg://USER@HOST/DATABASE)"
        ) from None


MIGRATION_LOCK = 0x436C696E6963  # PostgreSQL advisory lock key: "Clinic"


def database_trouble(exc: BaseException) -> str:
    """One line saying what the database driver said (never a traceback)."""
    cause = getattr(exc, "orig", None) or exc
    first = (str(cause).strip().splitlines() or [""])[0]
    return f"{type(cause).__name__}: {first}"[:300]


def schema_version(engine: Engine) -> str | None:
    """The database's schema revision (None: never migrated)."""
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        value = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
        return None if value is None else str(value)


def migrate(engine: Engine) -> None:
    """Bring the database to the newest schema (Alembic), under a lock: processes starting
    together (several workers, a second server) migrate one at a time, and the later ones find
    it done (PostgreSQL: an advisory lock held for the transaction; SQLite: the write lock
    ``BEGIN IMMEDIATE`` takes)."""
    from alembic import command
    from alembic.config import Config

    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
        if inspect(conn).has_table("alembic_version"):
            current = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
            if current == SERVER_HEAD:
                return
            known = {p.name.split("_")[0] for p in (MIGRATIONS / "versions").glob("s*.py")}
            if current is not None and str(current) not in known:
                raise ServerError(
                    f"--db: this is not a ClinicDay server's database (its schema {current} is "
                    "not one of the server's; a laptop's clinic.db?); nothing was changed"
                )
        cfg = Config()
        cfg.set_main_option("script_location", str(MIGRATIONS))
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


@dataclass(frozen=True)
class Device:
    """An enrolled device, as the server knows it."""

    device_id: str
    name: str
    role: str
    public_key: bytes
    enrolled_at: str
    revoked: bool
    last_seen: str | None
    audit_alarm: str = ""  # what was found wrong with its audit log ("" when nothing)

    def expired(self, at: dt.datetime) -> bool:
        """Whether its token went unused for :data:`TOKEN_IDLE` (a laptop lost in a drawer, a
        token copied long ago): it then no longer works, and the laptop enrolls again."""
        used = dt.datetime.fromisoformat(self.last_seen or self.enrolled_at)
        return at - used > TOKEN_IDLE

    def stale(self, at: dt.datetime) -> bool:
        """Whether its "last seen" is old enough (:data:`TOUCH_EVERY`) to be written again."""
        return (
            self.last_seen is None or at - dt.datetime.fromisoformat(self.last_seen) > TOUCH_EVERY
        )


@dataclass(frozen=True)
class StoredEvent:
    """A sealed event as pulled."""

    cursor: int
    event_id: str
    record_id: str
    device_id: str
    envelope: bytes
    tally: dict[str, Any]


@dataclass(frozen=True)
class NewEvent:
    """A sealed event as pushed (already checked by the API layer)."""

    event_id: str
    record_id: str
    envelope: bytes
    recipients: list[str]
    tally: dict[str, Any]
    index: list[tuple[str, str]] | None  # (kind, digest) of the record now, or None


class ServerStore:
    """All the server's reads and writes."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = make_engine(url)

    def migrate(self) -> None:
        migrate(self.engine)

    def check_migrated(self) -> None:
        """Refuse to serve a database whose schema is not this version's (a worker does not
        migrate: ``clinic server migrate`` or ``clinic serve`` does, once)."""
        found = schema_version(self.engine)
        if found != SERVER_HEAD:
            where = f"at schema {found}" if found else "empty (no ClinicDay tables)"
            raise ServerError(
                f"the server's database is {where}, this version needs schema "
                f"{SERVER_HEAD}: run 'clinic server migrate --db URL' first"
            )

    def ping(self) -> bool:
        """Whether the database answers (the health check)."""
        return not self.ping_problem()

    def ping_problem(self) -> str:
        """Why the database does not answer (its driver's first line), or "" when it does."""
        try:
            with self._read() as conn:
                if not inspect(conn).has_table("alembic_version"):
                    return "an empty database: run 'clinic server migrate' first"
                found = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
                if found != SERVER_HEAD:
                    return f"schema {found}, this version needs {SERVER_HEAD}"
                return ""
        except Exception as exc:
            return database_trouble(exc)

    def take_signature(self, signature: str, now: int, keep: int) -> bool:
        """Take a signed request's signature once: False when it was already taken (a replay,
        to this worker or another); signatures older than ``keep`` seconds are forgotten."""
        try:
            with self._write() as conn:
                conn.execute(
                    schema.signed_requests.delete().where(
                        schema.signed_requests.c.taken_at < now - keep
                    )
                )
                conn.execute(
                    schema.signed_requests.insert(), {"signature": signature, "taken_at": now}
                )
        except IntegrityError:
            return False
        return True

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        with self.engine.begin() as conn:
            yield conn

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        with self.engine.connect().execution_options(clinic_read=True) as conn:
            yield conn
            conn.rollback()

    # -- the organization -------------------------------------------------------------------------

    def init_org(
        self, org_id: str, public_key: bytes, signing_public_key: bytes, pq_public_key: bytes = b""
    ) -> None:
        with self._write() as conn:
            if conn.execute(select(func.count()).select_from(schema.org)).scalar():
                raise ServerError("this server already has an organization")
            conn.execute(
                schema.org.insert(),
                {
                    "org_id": org_id,
                    "public_key": public_key,
                    "signing_public_key": signing_public_key,
                    "pq_public_key": pq_public_key or None,
                    "created_at": now(),
                },
            )

    def signing_public_key(self) -> bytes | None:
        """The organization's signing public key (None on a server set up before it was kept;
        the next ``clinic server enroll-code`` with the org key file stores it)."""
        with self._read() as conn:
            value = conn.execute(select(schema.org.c.signing_public_key)).scalar()
        return None if value is None else bytes(value)

    def keep_signing_public_key(self, signing_public_key: bytes) -> None:
        """Store the organization's signing public key if the server has none yet; refuse
        another one than it has."""
        held = self.signing_public_key()
        if held is not None and held != signing_public_key:
            raise ServerError("the org key file signs with another key than this server's")
        if held is None:
            with self._write() as conn:
                conn.execute(schema.org.update().values(signing_public_key=signing_public_key))

    def pq_public_key(self) -> bytes | None:
        """The ML-KEM-768 half of the organization's key (None: set up before it had one)."""
        with self._read() as conn:
            row = conn.execute(select(schema.org.c.pq_public_key)).first()
        return None if row is None or row[0] is None else bytes(row[0])

    def org(self) -> tuple[str, bytes]:
        with self._read() as conn:
            row = conn.execute(select(schema.org.c.org_id, schema.org.c.public_key)).first()
        if row is None:
            raise ServerError("this server has no organization yet: run 'clinic server init'")
        return str(row[0]), bytes(row[1])

    # -- enrollment -------------------------------------------------------------------------------

    def add_enroll_code(
        self, code_id: str, proof: str, role: str, bundle: str, created_by: str, hours: int
    ) -> str:
        expires = (clock.now() + dt.timedelta(hours=hours)).isoformat(timespec="seconds")
        try:
            with self._write() as conn:
                conn.execute(
                    schema.enroll_codes.insert(),
                    {
                        "code_id": code_id,
                        "proof": proof,
                        "role": role,
                        "bundle": bundle,
                        "created_by": created_by,
                        "created_at": now(),
                        "expires_at": expires,
                        "used_by": None,
                    },
                )
        except IntegrityError:
            raise ServerError(
                "code_id: already used; make a new code", reason=Reason.CODE_ID_TAKEN
            ) from None
        return expires

    def enroll(
        self,
        code_id: str,
        proof: str,
        device_id: str,
        public_key: bytes,
        name: str,
        *,
        current_token: str | None = None,
    ) -> tuple[str, str, str, str]:
        """Use a one-time code: (token, role, org_id, bundle). The token is shown only here;
        the server keeps its hash.

        A device id already enrolled is taken again only by that same laptop, showing the
        device's token (revoked or not), or while the id has never synced (the laptop lost the
        answer to its first enrollment). Anyone else naming it is refused, so no code takes
        over another laptop's id (its events, the comments sealed to its key). A code tried
        wrongly ``CODE_TRIES`` times is refused for good."""
        org_id, _pub = self.org()
        token = secrets.token_urlsafe(32)
        with self._write() as conn:
            row = conn.execute(
                select(schema.enroll_codes).where(schema.enroll_codes.c.code_id == code_id)
            ).first()
            wrong = row is not None and not proofs_match(str(row.proof), proof)
            if wrong and row is not None:
                conn.execute(  # counted (committed) before the refusal
                    schema.enroll_codes.update()
                    .where(schema.enroll_codes.c.code_id == code_id)
                    .values(failures=schema.enroll_codes.c.failures + 1)
                )
        with self._write() as conn:
            if row is None or wrong:
                raise ServerError("code: unknown or mistyped enrollment code")
            if int(row.failures or 0) >= CODE_TRIES:
                raise ServerError(
                    "code: this enrollment code was tried wrongly too often; make a new one"
                )
            if row.used_by is not None:
                raise ServerError("code: this enrollment code was used already")
            if str(row.expires_at) < now():
                raise ServerError("code: this enrollment code has expired")
            held = conn.execute(
                select(
                    schema.devices.c.token_hash,
                    schema.devices.c.audit_seq,
                    schema.devices.c.audit_mac,
                    schema.devices.c.last_seen,
                    schema.devices.c.revoked,
                ).where(schema.devices.c.device_id == device_id)
            ).first()
            never_used = held is not None and held.last_seen is None and not held.revoked
            if held is not None and not never_used:
                shown = token_hash(current_token) if current_token else ""
                if not proofs_match(str(held.token_hash), shown):
                    raise ServerError(
                        "device_id: another laptop is enrolled under this id; a laptop enrolls "
                        "again only with its own token",
                        reason=Reason.DEVICE_TAKEN,
                    )
            # the same laptop enrolling again (revoked since, or its answer lost): a new token
            # and key replace the old ones; the audit head it reported stays (a new enrollment
            # never hides a rewritten audit log)
            conn.execute(schema.devices.delete().where(schema.devices.c.device_id == device_id))
            conn.execute(
                schema.devices.insert(),
                {
                    "device_id": device_id,
                    "name": name,
                    "role": row.role,
                    "public_key": public_key,
                    "token_hash": token_hash(token),
                    "enrolled_at": now(),
                    "revoked": False,
                    "last_seen": None,
                    "audit_seq": int(held.audit_seq) if held is not None else 0,
                    "audit_mac": str(held.audit_mac) if held is not None else "",
                },
            )
            conn.execute(
                schema.enroll_codes.update()
                .where(schema.enroll_codes.c.code_id == code_id)
                .values(used_by=device_id)
            )
        return token, str(row.role), org_id, str(row.bundle)

    def device_for_token(self, token: str) -> Device | None:
        with self._read() as conn:
            row = conn.execute(
                select(schema.devices).where(schema.devices.c.token_hash == token_hash(token))
            ).first()
        return None if row is None else _device(row)

    def touch(self, device_id: str) -> None:
        """Note that a device used its token now (its "last seen")."""
        with self._write() as conn:
            conn.execute(
                schema.devices.update()
                .where(schema.devices.c.device_id == device_id)
                .values(last_seen=now())
            )

    def devices(self) -> list[Device]:
        with self._read() as conn:
            rows = conn.execute(select(schema.devices).order_by(schema.devices.c.enrolled_at))
            return [_device(r) for r in rows]

    def device_keys(self, ids: Sequence[str]) -> dict[str, bytes]:
        with self._read() as conn:
            rows = conn.execute(
                select(schema.devices.c.device_id, schema.devices.c.public_key).where(
                    schema.devices.c.device_id.in_(list(ids))
                )
            ).all()
        return {str(r[0]): bytes(r[1]) for r in rows}

    def revoke(self, device_id: str) -> None:
        with self._write() as conn:
            done = conn.execute(
                schema.devices.update()
                .where(schema.devices.c.device_id == device_id)
                .values(revoked=True)
            )
            if not done.rowcount:
                raise ServerError("device_id: no such device")

    # -- events -----------------------------------------------------------------------------------

    def push(
        self, device: Device, batch: Sequence[NewEvent], audit: tuple[int, str] | None
    ) -> tuple[int, int, list[tuple[str, str, str]], str | None]:
        """Store a batch (all or nothing): (stored, duplicates, matches, audit warning).

        Raises :class:`Conflict` when an event id is already stored with other bytes (nothing of
        the batch is stored then)."""
        for _attempt in range(3):
            try:
                return self._push(device, batch, audit)
            except IntegrityError:
                continue  # a concurrent retry of the same events won the race: look again
        raise ServerError("the batch could not be stored; retry")

    def _push(
        self, device: Device, batch: Sequence[NewEvent], audit: tuple[int, str] | None
    ) -> tuple[int, int, list[tuple[str, str, str]], str | None]:
        ids = [e.event_id for e in batch]
        with self._write() as conn:
            if conn.dialect.name == "postgresql":
                # one push at a time: cursors are handed out in commit order, so a pull never
                # moves past an event that a slower push has yet to commit
                conn.execute(text("SELECT pg_advisory_xact_lock(727001)"))
            have = {
                str(r[0]): (str(r[1]), str(r[2]))
                for r in conn.execute(
                    select(
                        schema.events.c.event_id,
                        schema.events.c.envelope_hash,
                        schema.events.c.device_id,
                    ).where(schema.events.c.event_id.in_(ids))
                )
            }
            # the same id with other bytes is a 409, unless this very device sent it before (it
            # sealed it again after losing the first envelope): then it was delivered already
            conflicts = [
                e.event_id
                for e in batch
                if e.event_id in have
                and have[e.event_id][0] != _hash(e.envelope)
                and have[e.event_id][1] != device.device_id
            ]
            if conflicts:
                raise Conflict(conflicts)
            fresh: list[NewEvent] = []
            seen: set[str] = set()
            for e in batch:
                if e.event_id not in have and e.event_id not in seen:
                    fresh.append(e)
                    seen.add(e.event_id)
            received = now()
            if fresh:
                conn.execute(
                    schema.events.insert(),
                    [
                        {
                            "event_id": e.event_id,
                            "record_id": e.record_id,
                            "device_id": device.device_id,
                            "envelope": e.envelope,
                            "envelope_hash": _hash(e.envelope),
                            "recipients": " ".join(e.recipients),
                            "tally": json.dumps(e.tally, sort_keys=True),
                            "day": str(e.tally.get("date", ""))[:10],
                            "received_at": received,
                        }
                        for e in fresh
                    ],
                )
            matches = self._index(conn, device, batch)
            warning = self._audit(conn, device, audit)
            conn.execute(
                schema.devices.update()
                .where(schema.devices.c.device_id == device.device_id)
                .values(last_seen=received)
            )
        return len(fresh), len(batch) - len(fresh), sorted(set(matches)), warning

    def _index(
        self, conn: Connection, device: Device, batch: Sequence[NewEvent]
    ) -> list[tuple[str, str, str]]:
        """Replace the org-index digests of the batch's records (the last given for each
        wins) and return (record, other record, kind) for digests other records share."""
        latest: dict[str, set[tuple[str, str]]] = {}
        for e in batch:
            if e.index is not None:
                latest[e.record_id] = set(e.index)
        return self._indexed(conn, device, latest)

    def _indexed(
        self, conn: Connection, device: Device, latest: Mapping[str, set[tuple[str, str]]]
    ) -> list[tuple[str, str, str]]:
        """Replace the digests of ``latest``'s records and return (record, other record,
        kind) for digests other records share. A few set-based statements per batch,
        whatever its size."""
        if not latest:
            return []
        ids = sorted(latest)
        conn.execute(schema.org_index.delete().where(schema.org_index.c.record_id.in_(ids)))
        rows = [
            {"kind": k, "digest": d, "record_id": rid, "device_id": device.device_id}
            for rid in ids
            for k, d in sorted(latest[rid])
        ]
        if rows:
            conn.execute(schema.org_index.insert(), rows)
        digests = sorted({d for entries in latest.values() for _k, d in entries})
        holders: dict[tuple[str, str], set[str]] = {}
        for start in range(0, len(digests), 500):
            for kind, digest, rid in conn.execute(
                select(
                    schema.org_index.c.kind,
                    schema.org_index.c.digest,
                    schema.org_index.c.record_id,
                ).where(schema.org_index.c.digest.in_(digests[start : start + 500]))
            ):
                holders.setdefault((str(kind), str(digest)), set()).add(str(rid))
        return sorted(
            {
                (rid, other, kind)
                for rid in ids
                for kind, digest in latest[rid]
                for other in holders.get((kind, digest), ())
                if other != rid
            }
        )

    def index_records(
        self, device: Device, records: Mapping[str, set[tuple[str, str]]]
    ) -> tuple[int, int]:
        """Digests of other laptops' records, from a laptop that holds the org index key:
        only records the server holds events of are indexed (an entry on no real record is
        a lookup, not an index). Returns (indexed, refused)."""
        ids = sorted(records)
        real: set[str] = set()
        with self._write() as conn:
            for start in range(0, len(ids), 500):
                real.update(
                    str(r[0])
                    for r in conn.execute(
                        select(schema.events.c.record_id)
                        .where(schema.events.c.record_id.in_(ids[start : start + 500]))
                        .distinct()
                    )
                )
            self._indexed(conn, device, {rid: set(records[rid]) for rid in ids if rid in real})
        return len(real), len(ids) - len(real)

    def matches_for(self, device: Device) -> list[tuple[str, str, str]]:
        """(record, other record, kind) for each record this device sent events of whose
        identifier digest another record shares: what its laptop shows as "≈", whoever indexed
        them. Ids and kinds only; never a digest."""
        mine = (
            select(schema.events.c.record_id)
            .where(schema.events.c.device_id == device.device_id)
            .distinct()
        )
        a, b = schema.org_index.alias("a"), schema.org_index.alias("b")
        query = (
            select(a.c.record_id, b.c.record_id, a.c.kind)
            .where(a.c.record_id.in_(mine))
            .where(b.c.kind == a.c.kind, b.c.digest == a.c.digest)
            .where(b.c.record_id != a.c.record_id)
        )
        with self._read() as conn:
            return sorted({(str(x), str(y), str(k)) for x, y, k in conn.execute(query)})

    def _audit(self, conn: Connection, device: Device, audit: tuple[int, str] | None) -> str | None:
        """Keep the newest audit head a device reported; a head that goes back is a warning
        (its audit chain was cut or rewritten)."""
        if audit is None or audit[0] == 0:
            return None
        seq, mac = audit
        row = conn.execute(
            select(schema.devices.c.audit_seq, schema.devices.c.audit_mac).where(
                schema.devices.c.device_id == device.device_id
            )
        ).first()
        old_seq, old_mac = (int(row[0]), str(row[1])) if row is not None else (0, "")
        if seq < old_seq or (seq == old_seq and mac != old_mac and old_mac):
            said = (
                f"audit: this device reported audit entry {old_seq} before and now {seq}; its "
                "audit log was cut or rewritten"
            )
            self._alarm(conn, device.device_id, said)
            return said
        conn.execute(
            schema.devices.update()
            .where(schema.devices.c.device_id == device.device_id)
            .values(audit_seq=seq, audit_mac=mac)
        )
        return None

    def _alarm(self, conn: Connection, device_id: str, said: str) -> None:
        """Note on the device what was found wrong with its audit log (the first finding
        stays: a later sync cannot wash it away)."""
        conn.execute(
            schema.devices.update()
            .where(schema.devices.c.device_id == device_id, schema.devices.c.audit_alarm == "")
            .values(audit_alarm=said)
        )

    def audit_held(self, device_id: str) -> tuple[int, str]:
        """The newest audit entry the server holds a copy of for a device, and its MAC (hex);
        (0, "") for none."""
        with self._read() as conn:
            row = conn.execute(
                select(schema.audit_copies.c.seq, schema.audit_copies.c.mac)
                .where(schema.audit_copies.c.device_id == device_id)
                .order_by(schema.audit_copies.c.seq.desc())
                .limit(1)
            ).first()
        return (0, "") if row is None else (int(row[0]), str(row[1]))

    def keep_audit(
        self, device: Device, prev: tuple[int, str], entries: Sequence[tuple[int, str, bytes]]
    ) -> tuple[int, int, str | None]:
        """Keep a laptop's next audit entries ``(seq, mac hex, envelope)``, after ``prev``: the
        entry before them as the laptop has it now. (held, stored, alarm): a ``prev`` or an
        entry that no longer matches the copy held here means the laptop's log was rewritten
        (noted on the device for coordinators; the copy held is never replaced); entries that
        do not follow the held ones are not kept."""
        alarm: str | None = None
        stored = 0
        with self._write() as conn:
            table = schema.audit_copies
            held = {
                int(r[0]): str(r[1])
                for r in conn.execute(
                    select(table.c.seq, table.c.mac).where(
                        table.c.device_id == device.device_id,
                        table.c.seq.in_([prev[0], *(e[0] for e in entries)]),
                    )
                )
            }
            top = conn.execute(
                select(func.max(table.c.seq)).where(table.c.device_id == device.device_id)
            ).scalar()
            last = int(top or 0)
            changed = [
                seq
                for seq, mac in [prev, *((e[0], e[1]) for e in entries)]
                if seq and seq in held and held[seq] != mac
            ]
            if changed:
                alarm = (
                    f"audit: entry {changed[0]} of this laptop's audit log no longer matches "
                    "the copy the server received: the log was rewritten on the laptop"
                )
                self._alarm(conn, device.device_id, alarm)
            elif prev[0] <= last:  # else the server holds fewer (restored): sent again from
                rows = []  # what it holds, at the laptop's next request
                for seq, mac, envelope in sorted(entries):
                    if seq in held:
                        continue
                    if seq != last + 1:
                        break  # a gap: the laptop sends from what is held, next time
                    rows.append(
                        {
                            "device_id": device.device_id,
                            "seq": seq,
                            "mac": mac,
                            "envelope": envelope,
                            "received_at": now(),
                        }
                    )
                    last = seq
                if rows:
                    conn.execute(table.insert(), rows)  # one statement for the batch
                stored = len(rows)
        return last, stored, alarm

    def audit_copies(self, device_id: str) -> list[tuple[int, str, bytes]]:
        """Every audit entry held for a device ``(seq, mac hex, envelope)``, in order."""
        table = schema.audit_copies
        with self._read() as conn:
            rows = conn.execute(
                select(table.c.seq, table.c.mac, table.c.envelope)
                .where(table.c.device_id == device_id)
                .order_by(table.c.seq)
            ).all()
        return [(int(r[0]), str(r[1]), bytes(r[2])) for r in rows]

    def pull(
        self, device: Device, after: int, limit: int, key_ids: Sequence[str]
    ) -> tuple[list[StoredEvent], int, bool]:
        """Events after ``after`` from other devices that ``key_ids`` may open, oldest first."""
        query = (
            select(
                schema.events.c.cursor,
                schema.events.c.event_id,
                schema.events.c.record_id,
                schema.events.c.device_id,
                schema.events.c.envelope,
                schema.events.c.recipients,
                schema.events.c.tally,
            )
            .where(schema.events.c.cursor > after, schema.events.c.device_id != device.device_id)
            .order_by(schema.events.c.cursor)
            .limit(limit * 4 + 1)
        )
        out: list[StoredEvent] = []
        cursor = after
        more = False
        wanted = set(key_ids)
        with self._read() as conn:
            rows = conn.execute(query).all()
        for n, r in enumerate(rows):
            if len(out) >= limit or n >= limit * 4:
                more = True
                break
            cursor = int(r.cursor)
            if wanted & set(str(r.recipients).split()):
                out.append(
                    StoredEvent(
                        int(r.cursor),
                        str(r.event_id),
                        str(r.record_id),
                        str(r.device_id),
                        bytes(r.envelope),
                        json.loads(r.tally),
                    )
                )
        return out, cursor, more

    def event_count(self) -> int:
        with self._read() as conn:
            return int(conn.execute(select(func.count()).select_from(schema.events)).scalar() or 0)

    def tallies(self, date_from: str, date_to: str) -> list[dict[str, Any]]:
        """The de-identified tallies of events dated in ``[date_from, date_to]`` (reports)."""
        with self._read() as conn:
            rows = conn.execute(
                select(schema.events.c.record_id, schema.events.c.tally)
                .where(schema.events.c.day >= date_from, schema.events.c.day <= date_to)
                .order_by(schema.events.c.cursor)
            ).all()
        return [{**json.loads(t), "record": str(rid)} for rid, t in rows]

    # -- form packs -------------------------------------------------------------------------------

    def add_pack(self, pack_key: str, body: str, signature: str) -> None:
        """Publish a signed form pack (a newer body for the same key replaces it)."""
        with self._write() as conn:
            conn.execute(schema.packs.delete().where(schema.packs.c.pack_key == pack_key))
            conn.execute(
                schema.packs.insert(),
                {"pack_key": pack_key, "body": body, "signature": signature, "published_at": now()},
            )

    def packs(self) -> list[dict[str, str]]:
        with self._read() as conn:
            rows = conn.execute(select(schema.packs).order_by(schema.packs.c.seq)).all()
        return [
            {"pack_key": str(r.pack_key), "body": str(r.body), "signature": str(r.signature)}
            for r in rows
        ]

    # -- alerts -----------------------------------------------------------------------------------

    def add_alert(self, alert_id: str, effective: str, body: dict[str, str], by: str) -> None:
        try:
            with self._write() as conn:
                conn.execute(
                    schema.alerts.insert(),
                    {
                        "alert_id": alert_id,
                        "effective": effective,
                        "body": json.dumps(body, ensure_ascii=False, sort_keys=True),
                        "created_by": by,
                        "created_at": now(),
                    },
                )
        except IntegrityError:
            raise ServerError("alert_id: an alert with this id exists") from None

    def alerts(self) -> list[dict[str, str]]:
        with self._read() as conn:
            rows = conn.execute(select(schema.alerts).order_by(schema.alerts.c.seq)).all()
        return [
            {"alert_id": str(r.alert_id), "effective": str(r.effective), **json.loads(r.body)}
            for r in rows
        ]


def _hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _device(row: Any) -> Device:
    return Device(
        device_id=str(row.device_id),
        name=str(row.name),
        role=str(row.role),
        public_key=bytes(row.public_key),
        enrolled_at=str(row.enrolled_at),
        revoked=bool(row.revoked),
        last_seen=row.last_seen,
        audit_alarm=str(getattr(row, "audit_alarm", "") or ""),
    )
