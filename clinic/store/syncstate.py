"""This laptop's sync state as one typed object: read and decoded in one place
(:meth:`clinic.store.clinic.Session.sync_state`), changed through
:meth:`~clinic.store.clinic.Session.update_sync_state`.

It is kept in clear in the ``meta`` table as ``sync.<name>`` rows (server URL, cursor, org id and
public keys, the last sync and its error, alerts, possible duplicates on other laptops); the
secrets (device token and key, org keys) are sealed with the data key and are not here. A value
that cannot be decoded reads as its default and is named in :attr:`SyncState.damaged`, so one
damaged row never stops the app or a sync."""

from __future__ import annotations

import base64
import binascii
import dataclasses
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class SyncState:
    """What this laptop knows of its link to the organization's server."""

    server: str = ""  # the server's URL ("" before enrollment)
    role: str = ""  # the role the server enrolled this laptop as
    org_id: str = ""
    org_public_key: bytes | None = None  # events are sealed to it
    org_signing_public_key: bytes | None = None  # form packs from the org are signed with it
    # the ML-KEM-768 half of the org key (None: an organization set up before it had one)
    org_pq_public_key: bytes | None = None
    device_public_key: bytes | None = None
    cursor: int = 0  # the server's position of the last event pulled
    # where a user who keeps the org key pulls from again: set when a user who keeps none
    # pulled on a laptop where others keep it (what only the org key opens was set aside)
    org_rewind: int | None = None
    # the newest audit entry the server keeps a copy of, and its MAC (hex) as it was sent: a
    # sync with nothing new to send and that entry unchanged here asks the server nothing
    audit_sent: int = 0
    audit_sent_mac: str = ""
    last_sync: str = ""  # UTC ISO time of the last whole sync
    last_error: str = ""
    alerts: tuple[Mapping[str, str], ...] = ()  # the organization's alerts, as last pulled
    matches: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # record -> kinds
    # events pulled that could not be opened, read or stored: set aside (id, record, device,
    # reason), never blocking the rest
    quarantined: tuple[Mapping[str, str], ...] = ()
    damaged: tuple[str, ...] = ()  # names of rows that could not be decoded
    tampered: tuple[str, ...] = ()  # pinned rows changed outside ClinicDay (the sealed copy wins)

    @property
    def enrolled(self) -> bool:
        return bool(self.server)


_KEYS = ("org_public_key", "org_signing_public_key", "org_pq_public_key", "device_public_key")
NAMES = tuple(
    f.name for f in dataclasses.fields(SyncState) if f.name not in ("damaged", "tampered")
)
# the organization's identity: kept in clear for reading and sealed with the data key beside it
# (Session.sync_state names a clear row that no longer matches its sealed copy)
PINNED = ("server", "org_id", "org_public_key", "org_signing_public_key", "org_pq_public_key")


def _decode(name: str, raw: str) -> Any:
    if name in _KEYS:
        return base64.b64decode(raw, validate=True)
    if name in ("cursor", "org_rewind", "audit_sent"):
        value = int(raw)
        if value < 0:
            raise ValueError("negative")
        return value
    if name in ("alerts", "quarantined"):
        alerts = json.loads(raw)
        if not isinstance(alerts, list) or not all(isinstance(a, dict) for a in alerts):
            raise ValueError("not a list of alerts")
        return tuple({str(k): str(v) for k, v in a.items() if isinstance(v, str)} for a in alerts)
    if name == "matches":
        matches = json.loads(raw)
        if not isinstance(matches, dict):
            raise ValueError("not an object")
        return {
            str(record): tuple(str(kind) for kind in kinds)
            for record, kinds in matches.items()
            if isinstance(kinds, list)
        }
    return raw


def decode(settings: Mapping[str, str]) -> SyncState:
    """The state from the stored rows (``name -> text``); unknown names are ignored."""
    values: dict[str, Any] = {}
    damaged: list[str] = []
    for name in NAMES:
        raw = settings.get(name)
        if raw is None:
            continue
        try:
            values[name] = _decode(name, raw)
        except (ValueError, TypeError, binascii.Error):
            damaged.append(name)
    return SyncState(**values, damaged=tuple(damaged))


def encode(changes: Mapping[str, Any]) -> dict[str, str | None]:
    """The rows to write for ``changes`` (field name -> value; ``None`` removes the row)."""
    rows: dict[str, str | None] = {}
    for name, value in changes.items():
        if name not in NAMES:
            raise ValueError(f"sync state has no field {name}")
        if value is None:
            rows[name] = None
        elif name in _KEYS:
            rows[name] = base64.b64encode(value).decode("ascii")
        elif name in ("cursor", "org_rewind"):
            rows[name] = str(int(value))
        elif name in ("alerts", "quarantined"):
            rows[name] = json.dumps([dict(a) for a in value], ensure_ascii=False)
        elif name == "matches":
            rows[name] = json.dumps(
                {k: list(v) for k, v in value.items()}, ensure_ascii=False, sort_keys=True
            )
        else:
            rows[name] = str(value)
    return rows
