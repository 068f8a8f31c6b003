"""The settings repository: the site's name, the clinic's contact for clients (sealed), and
this laptop's sync state and secrets.

Settings are rows of the ``meta`` table. The sync state (server, organization, cursor, last
sync, alerts...) is one typed object (``clinic.store.syncstate``), encoded and decoded there
only; the sync secrets (device token, device key, organization keys) are sealed with the data
key.
"""

from __future__ import annotations

import base64
import dataclasses
import json
from collections.abc import Mapping
from typing import Any

from sqlalchemy import func, select

from clinic.store import schema, syncstate
from clinic.store.base import Repository, StoreError
from clinic.store.owncopies import OWN_SECRETS, give_own_copies, own_row, read_own_copies
from clinic.store.vault import VaultError

CONTACT_KEY = "clinic.contact"  # the sealed contact for clients
CONTACT_MAX = 160


class SettingsRepository(Repository):
    """The site and the sync settings (``session.set_site``, ``session.sync_state``...)."""

    def set_site(self, site: str) -> None:
        """Rename the site (what reports and tallies show from now on)."""
        site = " ".join(site.split())
        if not site or len(site) > 120 or any(ord(c) < 32 for c in site):
            raise StoreError("site: give a name of 1 to 120 characters")
        with self._write() as (conn, audit):
            conn.execute(schema.meta.update().where(schema.meta.c.key == "site").values(value=site))
            audit.add("site_set", None)
        self.clinic.site = site

    def contact(self) -> str:
        """The clinic's contact for the people it serves (a phone, an e-mail, an address), as
        the take-home sheet prints it; "" when none is set. Sealed with the data key, so a hand
        that can write the database file but not unlock it cannot send clients elsewhere."""
        with self._read() as conn:
            raw = conn.execute(
                select(schema.meta.c.value).where(schema.meta.c.key == CONTACT_KEY)
            ).scalar()
        if raw is None:
            return ""
        try:
            return self.keys.open_file("-", "settings/contact", base64.b64decode(raw)).decode()
        except (VaultError, ValueError):
            raise StoreError(
                "contact: the clinic's contact cannot be opened; set it again in Settings"
            ) from None

    def set_contact(self, contact: str) -> None:
        """Set the clinic's contact for clients (empty: none); sealed; audited."""
        contact = " ".join(contact.split())
        if len(contact) > CONTACT_MAX or any(ord(c) < 32 for c in contact):
            raise StoreError(f"contact: give at most {CONTACT_MAX} characters")
        sealed = base64.b64encode(
            self.keys.seal_file("-", "settings/contact", contact.encode())
        ).decode()
        with self._write() as (conn, audit):
            conn.execute(schema.meta.delete().where(schema.meta.c.key == CONTACT_KEY))
            if contact:
                conn.execute(schema.meta.insert(), {"key": CONTACT_KEY, "value": sealed})
            audit.add("contact_set", None)

    def sync_state(self) -> syncstate.SyncState:
        """This laptop's sync state (server, org, cursor, last sync, alerts...), decoded once.

        The organization's identity (server URL, org id, org key, pack-signing key) is pinned:
        a sealed copy is kept beside the clear rows, and a clear row that no longer matches it
        (written by someone without the data key) is named in ``tampered``; the sealed value is
        the one returned."""
        with self._read() as conn:
            rows = conn.execute(
                select(schema.meta.c.key, schema.meta.c.value).where(
                    schema.meta.c.key.like("sync.%"), schema.meta.c.key.notlike("sync.secret.%")
                )
            ).all()
        clear = {str(k)[len("sync.") :]: str(v) for k, v in rows}
        pinned = self._pinned()
        if pinned is None:
            return syncstate.decode(clear)
        tampered = tuple(name for name in syncstate.PINNED if clear.get(name) != pinned.get(name))
        merged = {k: v for k, v in clear.items() if k not in syncstate.PINNED}
        merged.update({k: v for k, v in pinned.items() if k in syncstate.PINNED})
        return dataclasses.replace(syncstate.decode(merged), tampered=tampered)

    def _pinned(self) -> dict[str, str] | None:
        raw = self.sync_secret("identity")
        if raw is None:
            return None
        try:
            value = json.loads(raw)
        except ValueError:
            raise StoreError("sync: the sealed organization identity cannot be read") from None
        if not isinstance(value, dict):
            raise StoreError("sync: the sealed organization identity cannot be read")
        return {str(k): str(v) for k, v in value.items() if isinstance(v, str)}

    def _clear_identity(self) -> dict[str, str]:
        """The organization's identity as its clear rows hold it now."""
        with self._read() as conn:
            rows = conn.execute(
                select(schema.meta.c.key, schema.meta.c.value).where(
                    schema.meta.c.key.in_([f"sync.{n}" for n in syncstate.PINNED])
                )
            ).all()
        return {str(k)[len("sync.") :]: str(v) for k, v in rows}

    def pin_sync_identity(self) -> None:
        """Seal the organization's identity as the clear rows hold it now (enrollment, an
        upgrade from a version that kept it only in clear)."""
        self.set_sync_secrets(
            {"identity": json.dumps(self._clear_identity(), sort_keys=True).encode()}
        )

    def update_sync_state(self, **changes: Any) -> None:
        """Change fields of the sync state (``None`` clears one), in one transaction; a change
        of the organization's identity is sealed too (first pinned from the clear rows)."""
        rows = syncstate.encode(changes)
        touched = [name for name in syncstate.PINNED if name in rows]
        if touched:
            identity = self._pinned()
            if identity is None:
                identity = self._clear_identity()
            for name in touched:
                value = rows[name]
                if value is None:
                    identity.pop(name, None)
                else:
                    identity[name] = value
            sealed = json.dumps(identity, sort_keys=True).encode()
            rows = {**rows, "secret.identity": self._sealed_secret("identity", sealed)}
        self._set_sync_settings(rows)

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
        """A sync secret (device token, device key, org keys), sealed with the data key; the
        organization's private keys (:data:`OWN_SECRETS`) are the signed-in user's own copy,
        None when they keep none."""
        if name in OWN_SECRETS:
            return self.own_secrets().get(name)
        raw = self._sync_setting(f"secret.{name}")
        if raw is None:
            return None
        try:
            return self.keys.open_file("-", f"sync/{name}", base64.b64decode(raw))
        except (VaultError, ValueError) as exc:
            raise StoreError(f"sync: the stored {name} cannot be opened ({exc})") from None

    def _sealed_secret(self, name: str, data: bytes) -> str:
        """A sync secret as its row stores it: sealed with the data key, in base64."""
        return base64.b64encode(self.keys.seal_file("-", f"sync/{name}", data)).decode()

    def set_sync_secrets(self, secrets_: Mapping[str, bytes | None]) -> None:
        """Keep sync secrets; the organization's private keys as the signed-in user's own copy
        (None removes one)."""
        own = {k: v for k, v in secrets_.items() if k in OWN_SECRETS}
        if own:
            if self.own is None:
                raise StoreError("sync: this session cannot keep the organization's key")
            with self._write(durable=False) as (conn, _audit):
                gone = [k for k, v in own.items() if v is None]
                conn.execute(
                    schema.meta.delete().where(
                        schema.meta.c.key.in_([own_row(self.username, k) for k in gone])
                    )
                )
                give_own_copies(conn, {k: v for k, v in own.items() if v is not None}, self.own)
        shared = {k: v for k, v in secrets_.items() if k not in OWN_SECRETS}
        if not shared:
            return
        self._set_sync_settings(
            {
                f"secret.{name}": None if data is None else self._sealed_secret(name, data)
                for name, data in shared.items()
            }
        )

    def org_key_kept_here(self) -> bool:
        """Whether any user of this laptop keeps a copy of the organization's private key."""
        with self._read() as conn:
            found = conn.execute(
                select(schema.meta.c.key).where(
                    schema.meta.c.key.like(own_row("%", "org_private_key"))
                    | (schema.meta.c.key == "sync.secret.org_private_key")
                )
            ).first()
        return found is not None

    def own_secrets(self) -> dict[str, bytes]:
        """The signed-in user's copies of the organization's secrets (opened; empty if none)."""
        if self.own is None:
            return {}
        with self._read() as conn:
            return read_own_copies(conn, self.own)

    def adopt_shared_org_secrets(self) -> bool:
        """Move the organization's private keys that an older version sealed with the data key
        (which every user of the laptop can open) into the signed-in user's own copies, and
        delete the shared ones. True if there were any. The core calls it when a user who may
        keep the org key signs in; other such users of the laptop then import the key file."""
        if self.own is None:
            return False
        shared: dict[str, bytes] = {}
        for name in OWN_SECRETS:
            raw = self._sync_setting(f"secret.{name}")
            if raw is None:
                continue
            try:
                shared[name] = self.keys.open_file("-", f"sync/{name}", base64.b64decode(raw))
            except (VaultError, ValueError):
                continue  # unreadable: dropped below, as it cannot serve anyone
        legacy = [f"sync.secret.{name}" for name in OWN_SECRETS]
        with self._write() as (conn, audit):
            found = conn.execute(
                select(func.count()).select_from(schema.meta).where(schema.meta.c.key.in_(legacy))
            ).scalar_one()
            if not found:
                return False
            give_own_copies(conn, shared, self.own)
            conn.execute(schema.meta.delete().where(schema.meta.c.key.in_(legacy)))
            audit.add("org_key_kept", None, "moved from the shared key to this user's own")
        return True
