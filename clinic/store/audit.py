"""The audit repository: the HMAC-chained log of who did what to which record (no personal
data), its verification and head, the export entries, and the whole store's check.

Entries are written by the audit writer of ``clinic.store.base`` in the transaction of what
they record; reads are audited too (with ``synchronous=NORMAL``). The head is sent to the
server at each sync, which is what catches a rewritten or truncated tail, and every entry goes
to the server too, sealed to the organization (``clinic.sync.client``): a log rewritten after
its entries were sent no longer matches the server's copy.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.exc import DatabaseError

from clinic.domain.events import fold
from clinic.store import schema
from clinic.store.base import RecordDamaged, Repository, StoreError


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


class AuditRepository(Repository):
    """The audit log and the checks (``session.audit_log``, ``session.check``...)."""

    def audit_export(self, record_id: str, what: str) -> None:
        """Record that a record's data left the encrypted store (a folder, a printer)."""
        with self._write() as (_conn, audit):
            audit.add("export", record_id, what)

    def audit_record(self, action: str, record_id: str, detail: str) -> None:
        """Record an action on one record that changes nothing in it (numbers revealed)."""
        with self._write() as (_conn, audit):
            audit.add(action, record_id, detail)

    def audit_action(self, action: str, detail: str) -> None:
        """Record an action on the clinic itself, not on a record (the rules data installed)."""
        with self._write() as (_conn, audit):
            audit.add(action, None, detail)

    def audit_log(self) -> list[AuditEntry]:
        with self._read() as conn:
            rows = conn.execute(select(schema.audit).order_by(schema.audit.c.seq)).all()
        return [
            AuditEntry(r.seq, r.at, r.user, r.device_id, r.action, r.record_id, r.detail)
            for r in rows
        ]

    def audit_after(self, after: int, limit: int) -> list[tuple[AuditEntry, bytes]]:
        """Up to ``limit`` entries after ``after``, each with its chain MAC (what the server
        keeps a sealed copy of at each sync)."""
        with self._read() as conn:
            rows = conn.execute(
                select(schema.audit)
                .where(schema.audit.c.seq > after)
                .order_by(schema.audit.c.seq)
                .limit(limit)
            ).all()
        return [
            (
                AuditEntry(r.seq, r.at, r.user, r.device_id, r.action, r.record_id, r.detail),
                bytes(r.mac),
            )
            for r in rows
        ]

    def audit_mac_at(self, seq: int) -> bytes | None:
        """The chain MAC of entry ``seq`` as this laptop holds it now (None: no such entry)."""
        with self._read() as conn:
            row = conn.execute(select(schema.audit.c.mac).where(schema.audit.c.seq == seq)).first()
        return None if row is None else bytes(row[0])

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
            ids = self._record_ids()
        except StoreError as exc:
            problems.append(f"records: {exc}")
            ids = []
        for record_id in ids:
            try:
                fold(record_id, self._read_events(record_id))
            except RecordDamaged as exc:
                problems.append(str(exc))
        try:
            problems.extend(self.verify_audit())
        except StoreError as exc:
            problems.append(f"audit: {exc}")
        problems.extend(self._sync_identity_problems())
        return problems

    def _sync_identity_problems(self) -> list[str]:
        """The organization's identity (server, org id and keys) against its sealed copy."""
        from clinic.store.settings import SettingsRepository

        if not isinstance(self, SettingsRepository):
            return []
        try:
            state = self.sync_state()
        except StoreError as exc:
            return [str(exc)]
        aside = [
            f"sync: event {q.get('event_id', '?')[:12]} (record {q.get('record_id', '?')[:8]}, "
            f"from device {q.get('device_id', '?')[:12]}) was set aside: {q.get('reason', '')}"
            for q in state.quarantined
        ]
        if not state.tampered:
            return aside
        changed = ", ".join(state.tampered)
        return [
            *aside,
            f"sync: {changed} changed outside ClinicDay (no longer the sealed copy made at "
            "enrollment); sync refuses until this laptop enrolls again",
        ]
