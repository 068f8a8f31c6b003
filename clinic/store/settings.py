"""The settings repository: the site's name, and this laptop's sync state and secrets.

Settings are rows of the ``meta`` table. The sync state (server, organization, cursor, last
sync, alerts...) is one typed object (``clinic.store.syncstate``), encoded and decoded there
only; the sync secrets (device token, device key, organization keys) are sealed with the data
key.
"""

from __future__ import annotations

import base64
from collections.abc import Mapping
from typing import Any

from sqlalchemy import select

from clinic.store import schema, syncstate
from clinic.store.base import Repository, StoreError
from clinic.store.vault import VaultError


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

    def sync_state(self) -> syncstate.SyncState:
        """This laptop's sync state (server, org, cursor, last sync, alerts...), decoded once."""
        with self._read() as conn:
            rows = conn.execute(
                select(schema.meta.c.key, schema.meta.c.value).where(
                    schema.meta.c.key.like("sync.%"), schema.meta.c.key.notlike("sync.secret.%")
                )
            ).all()
        return syncstate.decode({str(k)[len("sync.") :]: str(v) for k, v in rows})

    def update_sync_state(self, **changes: Any) -> None:
        """Change fields of the sync state (``None`` clears one), in one transaction."""
        self._set_sync_settings(syncstate.encode(changes))

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
        """A sync secret (device token, device key, org keys), sealed with the data key."""
        raw = self._sync_setting(f"secret.{name}")
        if raw is None:
            return None
        try:
            return self.keys.open_file("-", f"sync/{name}", base64.b64decode(raw))
        except (VaultError, ValueError) as exc:
            raise StoreError(f"sync: the stored {name} cannot be opened ({exc})") from None

    def set_sync_secrets(self, secrets_: Mapping[str, bytes | None]) -> None:
        self._set_sync_settings(
            {
                f"secret.{name}": None
                if data is None
                else base64.b64encode(self.keys.seal_file("-", f"sync/{name}", data)).decode()
                for name, data in secrets_.items()
            }
        )
