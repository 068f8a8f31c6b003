"""The users repository: who may unlock this clinic, their roles, and their wraps of the data
key (a passphrase change re-wraps it; records are never re-encrypted).

Who may add, reset or disable whom is the core's to check (``clinic.core.admin`` with
``clinic.domain.roles``). What is checked here keeps the stored users whole: a user name is
one the table can hold, a role is one of the roles, and the clinic always keeps an enabled
admin (counted in the same transaction as the change, so two writers cannot both pass it).
"""

from __future__ import annotations

import base64
import json
from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import Connection, func, select

from clinic.domain.roles import Role, parse_role
from clinic.messages import say
from clinic.store import schema
from clinic.store.base import NotFound, Repository, StoreError, now_utc
from clinic.store.owncopies import drop_own_copies, give_own_copies, read_own_copies
from clinic.store.vault import UserSecrets, VaultError, check_new_passphrase, wrap_for_user


@dataclass(frozen=True)
class UserInfo:
    """A user as listed: no key material."""

    username: str
    role: Role
    disabled: bool
    created_at: str


def check_username(name: str) -> str:
    """A user name as stored: 1 to 64 letters, digits, '.', '_' or '-' (stripped)."""
    name = name.strip()
    if not name or len(name) > 64 or not all(c.isalnum() or c in "._-" for c in name):
        raise StoreError("a user name is 1 to 64 letters, digits, '.', '_' or '-'")
    return name


class UserRepository(Repository):
    """Users, roles and passphrases (``session.add_user``, ``session.disable_user``...)."""

    def list_users(self) -> list[UserInfo]:
        with self._read() as conn:
            rows = conn.execute(select(schema.users).order_by(schema.users.c.username)).all()
        return [UserInfo(r.username, Role(r.role), bool(r.disabled), r.created_at) for r in rows]

    def add_user(
        self, username: str, role: str, passphrase: str, *, give_org_key: bool = False
    ) -> None:
        """Add a user; with ``give_org_key`` (the core's decision, by role), the signed-in
        user's copies of the organization's keys are sealed for them too."""
        username = check_username(username)
        target = parse_role(role)
        header, wrapped, user_key = wrap_for_user(
            self.keys.data_key, passphrase, username, self.keys.key_id, self.clinic.kdf_params
        )
        mine = self._own_copies() if give_org_key else {}
        with self._write() as (conn, audit):
            exists = conn.execute(
                select(schema.users.c.username).where(schema.users.c.username == username)
            ).first()
            if exists:
                raise StoreError(say("user {name} already exists", name=username))
            conn.execute(
                schema.users.insert(),
                {
                    "username": username,
                    "role": target.value,
                    "disabled": 0,
                    "created_at": now_utc(),
                    "header": header,
                    "wrapped": wrapped,
                },
            )
            audit.add("user_add", None, f"user {username} role {target.value}")
            if mine:  # an attorney or coordinator added by one who keeps the org key gets it
                give_own_copies(conn, mine, UserSecrets(username, user_key))
                audit.add("org_key_given", None, f"user {username}")

    def _own_copies(self) -> dict[str, bytes]:
        """The signed-in user's copies of the org's keys, to give to another user."""
        if self.own is None:
            return {}
        with self._read() as conn:
            return read_own_copies(conn, self.own)

    def profile(self, username: str) -> dict[str, str]:
        """A user's profile (name, organization, address, phone, e-mail, bar number), sealed
        with the data key like the records; empty when none was set."""
        return self._sealed_settings("profile", username)

    def set_profile(self, username: str, profile: Mapping[str, str]) -> None:
        """Keep a user's (already checked) profile, sealed; audited without its contents."""
        self._seal_settings("profile", username, profile, "profile_set")

    def preferences(self, username: str) -> dict[str, str]:
        """A user's own settings on this clinic (their staff language), sealed like the
        profile; empty when none was set."""
        return self._sealed_settings("prefs", username)

    def set_preferences(self, username: str, preferences: Mapping[str, str]) -> None:
        """Keep a user's (already checked) settings, sealed; audited without their contents."""
        self._seal_settings("prefs", username, preferences, "preferences_set")

    def _sealed_settings(self, kind: str, username: str) -> dict[str, str]:
        key = f"{kind}.{username}"
        with self._read() as conn:
            self._target_role(conn, username)
            raw = conn.execute(select(schema.meta.c.value).where(schema.meta.c.key == key)).first()
        if raw is None:
            return {}
        try:
            data = self.keys.open_file("-", f"{kind}/{username}", base64.b64decode(raw[0]))
            loaded = json.loads(data)
        except (VaultError, ValueError) as exc:
            raise StoreError(f"the {kind} of {username} cannot be opened ({exc})") from None
        return {str(k): str(v) for k, v in loaded.items()} if isinstance(loaded, dict) else {}

    def _seal_settings(
        self, kind: str, username: str, values: Mapping[str, str], action: str
    ) -> None:
        sealed = self.keys.seal_file(
            "-", f"{kind}/{username}", json.dumps(dict(values), sort_keys=True).encode()
        )
        key = f"{kind}.{username}"
        with self._write() as (conn, audit):
            self._target_role(conn, username)
            conn.execute(schema.meta.delete().where(schema.meta.c.key == key))
            conn.execute(
                schema.meta.insert(), {"key": key, "value": base64.b64encode(sealed).decode()}
            )
            audit.add(action, None, username)

    def user_role(self, username: str) -> Role:
        """The role of a user of this clinic (:class:`NotFound` if there is none)."""
        with self._read() as conn:
            return self._target_role(conn, username)

    def _target_role(self, conn: Connection, username: str) -> Role:
        row = conn.execute(
            select(schema.users.c.role).where(schema.users.c.username == username)
        ).first()
        if row is None:
            raise NotFound(f"no user {username}")
        return Role(row[0])

    def change_passphrase(
        self, username: str, new_passphrase: str, *, give_org_key: bool = False
    ) -> None:
        """Re-wrap the data key for ``username`` under a new passphrase (records are untouched).

        A reset also re-enables a disabled user. Who may reset whose is the core's to check
        (``clinic.core.admin``).
        """
        check_new_passphrase(new_passphrase)
        mine = self._own_copies() if give_org_key else {}
        with self._write() as (conn, audit):
            self._target_role(conn, username)
            header, wrapped, user_key = wrap_for_user(
                self.keys.data_key,
                new_passphrase,
                username,
                self.keys.key_id,
                self.clinic.kdf_params,
            )
            conn.execute(
                schema.users.update()
                .where(schema.users.c.username == username)
                .values(header=header, wrapped=wrapped, disabled=0)
            )
            audit.add("user_passwd", None, f"user {username}")
            # their copies of the org's keys were sealed with the old passphrase's key: sealed
            # again with the new one, from the copies of whoever sets it (themselves, or one
            # who keeps the org key, as the core decides); else gone, and they import the org
            # key file again
            drop_own_copies(conn, username)
            if mine:
                give_own_copies(conn, mine, UserSecrets(username, user_key))
        if username == self.username:
            self.own = UserSecrets(username, user_key)

    def disable_user(self, username: str) -> None:
        """Disable a user and delete their wrap of the data key."""
        with self._write() as (conn, audit):
            target = self._target_role(conn, username)
            if target is Role.ADMIN:
                admins = conn.execute(
                    select(func.count())
                    .select_from(schema.users)
                    .where(schema.users.c.role == Role.ADMIN.value, schema.users.c.disabled == 0)
                ).scalar_one()
                if admins <= 1:
                    raise StoreError(say("the last admin cannot be disabled"))
            conn.execute(
                schema.users.update()
                .where(schema.users.c.username == username)
                .values(disabled=1, header=None, wrapped=None)
            )
            drop_own_copies(conn, username)
            audit.add("user_disable", None, f"user {username}")
