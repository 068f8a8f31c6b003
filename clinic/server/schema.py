"""The server's tables (SQLAlchemy Core; SQLite or PostgreSQL). Nothing here is personal data:
envelopes are sealed to keys the server does not hold, digests are keyed HMACs, ids are random."""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()

org = Table(
    "org",
    metadata,
    Column("org_id", String(32), primary_key=True),
    Column("public_key", LargeBinary, nullable=False),  # X25519: events are sealed to it
    Column("created_at", String(32), nullable=False),
    # Ed25519: checks the grants of enrollment codes and the form packs (None: set before s004)
    Column("signing_public_key", LargeBinary, nullable=True),
    # ML-KEM-768: with the X25519 key, events are sealed hybrid post-quantum (None: before s006)
    Column("pq_public_key", LargeBinary, nullable=True),
)

devices = Table(
    "devices",
    metadata,
    Column("device_id", String(32), primary_key=True),
    Column("name", String(80), nullable=False),
    Column("role", String(16), nullable=False),
    Column("public_key", LargeBinary, nullable=False),
    Column("token_hash", String(64), nullable=False, unique=True),  # sha256 of the bearer token
    Column("enrolled_at", String(32), nullable=False),
    Column("revoked", Boolean, nullable=False, default=False),
    Column("last_seen", String(32), nullable=True),
    Column("audit_seq", BigInteger, nullable=False, default=0),
    Column("audit_mac", String(64), nullable=False, default=""),
    # what the server found wrong with the laptop's audit log ("" when nothing), for coordinators
    Column("audit_alarm", Text, nullable=False, default="", server_default=""),
)

enroll_codes = Table(
    "enroll_codes",
    metadata,
    Column("code_id", String(16), primary_key=True),
    Column("proof", String(64), nullable=False),
    Column("role", String(16), nullable=False),
    Column("bundle", Text, nullable=False),  # sealed to the code: the server cannot open it
    Column("created_by", String(32), nullable=False),
    Column("created_at", String(32), nullable=False),
    Column("expires_at", String(32), nullable=False),
    Column("used_by", String(32), nullable=True),
    Column("failures", Integer, nullable=False, default=0),  # wrong tries: refused after a few
)

events = Table(
    "events",
    metadata,
    Column("cursor", Integer, primary_key=True, autoincrement=True),
    Column("event_id", String(32), nullable=False, unique=True),
    Column("record_id", String(32), nullable=False),
    Column("device_id", String(32), nullable=False),
    Column("envelope", LargeBinary, nullable=False),
    Column("envelope_hash", String(64), nullable=False),
    Column("recipients", Text, nullable=False),  # space-separated key ids the envelope names
    Column("tally", Text, nullable=False),  # de-identified facts (JSON), for reports
    Column("day", String(10), nullable=False),  # the tally's clinic-local date
    Column("received_at", String(32), nullable=False),
)
Index("ix_events_day", events.c.day)

org_index = Table(
    "org_index",
    metadata,
    Column("kind", String(16), primary_key=True),
    Column("digest", String(64), primary_key=True),
    Column("record_id", String(32), primary_key=True),
    Column("device_id", String(32), nullable=False),
)
Index("ix_org_index_record", org_index.c.record_id)

alerts = Table(
    "alerts",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("alert_id", String(64), nullable=False, unique=True),
    Column("effective", String(10), nullable=False),
    Column("body", Text, nullable=False),  # JSON: the text by language code (en, ...)
    Column("created_by", String(32), nullable=False),
    Column("created_at", String(32), nullable=False),
)

packs = Table(
    "packs",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("pack_key", String(64), nullable=False, unique=True),  # "I-765WS 08/21/25"
    Column("body", Text, nullable=False),  # the pack's YAML, as signed
    Column("signature", String(128), nullable=False),  # Ed25519 by the org (base64)
    Column("published_at", String(32), nullable=False),
)

# each laptop's audit entries as it sent them: sealed to the organization, signed by the laptop;
# never replaced, so a log rewritten on the laptop afterwards no longer matches its copy here
audit_copies = Table(
    "audit_copies",
    metadata,
    Column("device_id", String(32), primary_key=True),
    Column("seq", BigInteger, primary_key=True),
    Column("mac", String(64), nullable=False),  # the entry's chain MAC (hex), as the laptop has it
    Column("envelope", LargeBinary, nullable=False),
    Column("received_at", String(32), nullable=False),
)

# signed requests already taken (a signature is good once), against replay across workers
signed_requests = Table(
    "signed_requests",
    metadata,
    Column("signature", String(128), primary_key=True),
    Column("taken_at", BigInteger, nullable=False),  # Unix seconds
    Index("ix_signed_requests_taken_at", "taken_at"),
)
