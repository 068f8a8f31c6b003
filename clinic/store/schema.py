"""The tables of a clinic database (SQLAlchemy Core), as the newest migration leaves them.

Nothing personal is stored in clear: event bodies are AES-GCM blobs, identifiers for lookup are
HMACs, and the only plaintext is ids, clocks, event types, timestamps and de-identified tallies.
"""

from __future__ import annotations

from sqlalchemy import (
    Column,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()

meta = Table(
    "meta",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

users = Table(
    "users",
    metadata,
    Column("username", String(64), primary_key=True),
    Column("role", String(16), nullable=False),
    Column("disabled", Integer, nullable=False, default=0),
    Column("created_at", String(32), nullable=False),
    Column("header", Text, nullable=True),  # the wrap header (JSON); NULL once disabled
    Column("wrapped", LargeBinary, nullable=True),  # the wrapped data key; NULL once disabled
)

records = Table(
    "records",
    metadata,
    Column("record_id", String(32), primary_key=True),
    Column("created_at", String(32), nullable=False),
)

events = Table(
    "events",
    metadata,
    Column("event_id", String(32), primary_key=True),
    Column("record_id", String(32), ForeignKey("records.record_id"), nullable=False),
    Column("seq", Integer, nullable=False),  # local arrival order
    Column("clock", Integer, nullable=False),
    Column("device_id", String(32), nullable=False),
    Column("type", String(32), nullable=False),
    Column("at", String(32), nullable=False),
    Column("key_id", String(32), nullable=False),
    Column("blob", LargeBinary, nullable=False),
    Column("tally", Text, nullable=False),  # de-identified facts for reports (JSON)
)
Index("ix_events_record", events.c.record_id, events.c.seq)

blind_index = Table(
    "blind_index",
    metadata,
    Column("kind", String(16), primary_key=True),
    Column("digest", LargeBinary, primary_key=True),
    Column("record_id", String(32), ForeignKey("records.record_id"), primary_key=True),
)
Index("ix_blind_index_record", blind_index.c.record_id)

audit = Table(
    "audit",
    metadata,
    Column("seq", Integer, primary_key=True),
    Column("at", String(32), nullable=False),
    Column("user", String(64), nullable=False),
    Column("device_id", String(32), nullable=False),
    Column("action", String(32), nullable=False),
    Column("record_id", String(32), nullable=True),
    Column("detail", Text, nullable=False),  # never personal: counts, roles, file kinds
    Column("mac", LargeBinary, nullable=False),
)

outbox = Table(
    "outbox",
    metadata,
    Column("event_id", String(32), ForeignKey("events.event_id"), primary_key=True),
    Column("queued_at", String(32), nullable=False),
    Column("attempts", Integer, nullable=False, default=0),
    Column("sealed", LargeBinary, nullable=True),  # the envelope sent to the server, once made
)

drafts = Table(
    "drafts",
    metadata,
    Column("record_id", String(32), ForeignKey("records.record_id"), primary_key=True),
    Column("user", String(64), primary_key=True),
    Column("key_id", String(32), nullable=False),
    Column("blob", LargeBinary, nullable=False),  # sealed JSON: answers as typed, page, language
    Column("updated_at", String(32), nullable=False),
)
