"""What an operator does to a server from its own machine: set up the organization's keys and
make one-time enrollment codes (``clinic server init|enroll-code``), and read the server's copy
of a laptop's audit log with the org key (``clinic server audit``).

The org private key and the org index key exist only in the org key file (wrapped by its
passphrase) and, for a moment, in the process that makes a code; the server process never holds
them. A code's bundle (org public key and index key) is sealed to the code itself.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from clinic.server.storage import ServerError, ServerStore
from clinic.store.vault import KdfParams
from clinic.sync.crypto import (
    OrgKeys,
    SealError,
    export_org_keys,
    open_sealed,
    recipient_id_of,
    seal_bundle,
    with_a_free_code,
)
from clinic.sync.signing import make_grant, open_signed


def init_org(store: ServerStore, passphrase: str, params: KdfParams) -> tuple[OrgKeys, str]:
    """New org keys: the server keeps the public key; returns the keys and the org key file."""
    keys = OrgKeys.generate()
    text = export_org_keys(keys, passphrase, params)
    store.init_org(keys.org_id, keys.pair.public, keys.signing_public, keys.pq_public)
    return keys, text


def make_enroll_code(
    store: ServerStore, keys: OrgKeys, role: str, hours: int, created_by: str = "server"
) -> tuple[str, str]:
    """A one-time code for a new laptop: (code, expires at)."""
    org_id, _public = store.org()
    if org_id != keys.org_id:
        raise ServerError("the org key file belongs to another organization than this server")

    store.keep_signing_public_key(keys.signing_public)

    def register(code: str, code_id: str, proof: str) -> tuple[str, str]:
        grant = make_grant(keys.signing, keys.org_id, code, role)
        bundle = seal_bundle(code, {**keys.bundle(role), "grant": grant})
        return code, store.add_enroll_code(code_id, proof, role, bundle, created_by, hours)

    return with_a_free_code(register)


def publish_pack(store: ServerStore, keys: OrgKeys, pack_key: str, body: str) -> None:
    """Sign a form pack (YAML text, checked by the caller) with the org's key and publish it.
    Laptops check the signature, and the pack again, before they use it."""
    store.add_pack(pack_key, body, keys.sign(body.encode("utf-8")))


def post_alert(store: ServerStore, alert_id: str, effective: str, texts: dict[str, str]) -> None:
    """A program-status alert for every laptop (shown in Settings after their next sync)."""
    store.add_alert(alert_id, effective, texts, "server")


@dataclass(frozen=True)
class AuditCopyEntry:
    """One of a laptop's audit entries as the server received it, opened with the org key:
    the entry (``None`` when it cannot be opened or its signature fails: ``problem`` says
    why)."""

    seq: int
    entry: dict[str, Any] | None
    problem: str = ""


def read_audit_copies(store: ServerStore, keys: OrgKeys, device_id: str) -> list[AuditCopyEntry]:
    """The server's copy of a laptop's audit log, each entry opened with the organization's
    key and its signature checked back to the organization (the laptop that sent it)."""
    out: list[AuditCopyEntry] = []
    for seq, mac, envelope in store.audit_copies(device_id):
        name = f"audit:{seq}"
        bound = f"{name}|{device_id}".encode()  # as clinic.sync.client.associated binds it
        try:
            org = recipient_id_of(keys.pair.public)
            body = open_sealed(envelope, org, keys.pair.private, bound, keys.pq)
            signed = open_signed(body, name, device_id, keys.signing_public, keys.org_id)
            if signed.sender.device_id != device_id:
                raise SealError("signed by another laptop than the one that sent it")
            entry = json.loads(signed.wire)
            if not isinstance(entry, dict) or entry.get("seq") != seq or entry.get("mac") != mac:
                raise SealError("does not say what the server received it as")
        except (SealError, ValueError) as exc:
            out.append(AuditCopyEntry(seq, None, str(exc)))
            continue
        out.append(AuditCopyEntry(seq, entry))
    return out
