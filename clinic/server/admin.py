"""What an operator does to a server from its own machine: set up the organization's keys and
make one-time enrollment codes (``clinic server init|enroll-code``).

The org private key and the org index key exist only in the org key file (wrapped by its
passphrase) and, for a moment, in the process that makes a code; the server process never holds
them. A code's bundle (org public key and index key) is sealed to the code itself.
"""

from __future__ import annotations

from clinic.server.storage import ServerError, ServerStore
from clinic.store.vault import KdfParams
from clinic.sync.crypto import (
    OrgKeys,
    export_org_keys,
    seal_bundle,
    with_a_free_code,
)
from clinic.sync.signing import make_grant


def init_org(store: ServerStore, passphrase: str, params: KdfParams) -> tuple[OrgKeys, str]:
    """New org keys: the server keeps the public key; returns the keys and the org key file."""
    keys = OrgKeys.generate()
    text = export_org_keys(keys, passphrase, params)
    store.init_org(keys.org_id, keys.pair.public, keys.signing_public)
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
