"""Each user's own copies of the organization's private keys: sealed with the user's own key
(their passphrase's, :class:`clinic.store.vault.UserSecrets`), never with the data key that
every user of the laptop unwraps, so a volunteer account on a coordinator's laptop cannot open
them. Rows of the ``meta`` table, one per user and secret; pure helpers on a connection, used
by the settings and users repositories inside their transactions."""

from __future__ import annotations

import base64
from collections.abc import Mapping

from sqlalchemy import Connection, select

from clinic.store import schema
from clinic.store.base import StoreError
from clinic.store.vault import UserSecrets, VaultError

#: the organization's secrets each user keeps a copy of, sealed with their own key (their
#: passphrase's, :class:`clinic.store.vault.UserSecrets`), never with the data key every user
#: of the laptop unwraps: a volunteer account on a coordinator's laptop cannot open them
OWN_SECRETS = ("org_private_key", "org_signing_key", "org_pq_key")
OWN_PREFIX = "own."


def own_row(username: str, name: str) -> str:
    """The ``meta`` key of ``username``'s copy of the secret ``name``."""
    return f"{OWN_PREFIX}{name}.{username}"


def give_own_copies(conn: Connection, plain: Mapping[str, bytes], to: UserSecrets) -> None:
    """Seal the secrets ``plain`` for user ``to.user`` (replacing any copies they had)."""
    for name, data in plain.items():
        key = own_row(to.user, name)
        conn.execute(schema.meta.delete().where(schema.meta.c.key == key))
        sealed = base64.b64encode(to.seal(name, data)).decode()
        conn.execute(schema.meta.insert(), {"key": key, "value": sealed})


def drop_own_copies(conn: Connection, username: str) -> None:
    """Delete every copy of the organization's secrets kept for ``username``."""
    conn.execute(
        schema.meta.delete().where(
            schema.meta.c.key.in_([own_row(username, name) for name in OWN_SECRETS])
        )
    )


def read_own_copies(conn: Connection, own: UserSecrets) -> dict[str, bytes]:
    """``own.user``'s copies, opened; a copy that does not open is a :class:`StoreError`
    naming what to do."""
    rows = conn.execute(
        select(schema.meta.c.key, schema.meta.c.value).where(
            schema.meta.c.key.in_([own_row(own.user, n) for n in OWN_SECRETS])
        )
    ).all()
    by_key = {str(k): str(v) for k, v in rows}
    out: dict[str, bytes] = {}
    for name in OWN_SECRETS:
        raw = by_key.get(own_row(own.user, name))
        if raw is not None:
            try:
                out[name] = own.open(name, base64.b64decode(raw))
            except (VaultError, ValueError):
                raise StoreError(
                    "sync: your copy of the organization's key cannot be opened; keep the org "
                    "key file on this laptop again"
                ) from None
    return out
