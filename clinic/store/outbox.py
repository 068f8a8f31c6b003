"""The sync side of the store: the outbox of events waiting to be pushed, and the ingest of
events pulled from other devices.

An event is queued in the outbox in the transaction that stores it (``clinic.store.base``);
the sync client (``clinic.sync.client``) takes the oldest, keeps the envelope it made for each
before sending it, and marks them done or failed. Pulled events are sealed again with this
laptop's key and stored with the tallies they came with, all or none; the records they touch
are reindexed.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import func, select

from clinic.domain.events import Event
from clinic.store import schema
from clinic.store.base import RecordDamaged, Repository, StoreError
from clinic.store.index import reindex
from clinic.store.vault import VaultError


class OutboxRepository(Repository):
    """The outbox and the ingest of pulled events (``session.outbox``, ``session.ingest``...)."""

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
                reindex(conn, self.keys, record_id, self._load(conn, record_id).answers)
            if new_rows:
                audit.add("sync_in", None, f"{len(new_rows)} event(s)")
        return len(new_rows)
