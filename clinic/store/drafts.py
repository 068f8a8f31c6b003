"""The drafts repository: what a user has typed in a record's interview and not yet saved as
answers, sealed (AES-GCM bound to the record and the user), one draft per record and user.

A draft is this laptop's and this user's: it is never synced, and a damaged one leaves the
stored answers as they are.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from sqlalchemy import select

from clinic.store import schema
from clinic.store.base import NotFound, RecordDamaged, Repository, now_utc
from clinic.store.vault import VaultError


class DraftRepository(Repository):
    """Interview drafts (``session.save_draft``, ``session.load_draft``...)."""

    def save_draft(self, record_id: str, draft: Mapping[str, Any]) -> None:
        """Keep what this user has typed in a record's interview, sealed (AES-GCM bound to the
        record and the user), replacing their previous draft. Called on every change, so it
        commits with ``synchronous=NORMAL``: an app crash loses nothing, a power cut at most the
        last keystrokes."""
        body = json.dumps(dict(draft), ensure_ascii=False, sort_keys=True).encode("utf-8")
        blob = self.keys.seal_file(record_id, f"draft/{self.username}", body)
        row = {
            "record_id": record_id,
            "user": self.username,
            "key_id": self.keys.key_id,
            "blob": blob,
            "updated_at": now_utc(),
        }
        with self._write(durable=False) as (conn, _audit):
            known = conn.execute(
                select(schema.records.c.record_id).where(schema.records.c.record_id == record_id)
            ).first()
            if known is None:
                raise NotFound(f"record {record_id} does not exist")
            conn.execute(
                schema.drafts.delete().where(
                    schema.drafts.c.record_id == record_id, schema.drafts.c.user == self.username
                )
            )
            conn.execute(schema.drafts.insert(), row)

    def load_draft(self, record_id: str) -> dict[str, Any] | None:
        """This user's draft of a record's interview, or ``None``. A draft that fails its
        integrity check raises :class:`RecordDamaged` (the stored answers are unaffected)."""
        with self._read() as conn:
            row = conn.execute(
                select(schema.drafts.c.blob, schema.drafts.c.key_id).where(
                    schema.drafts.c.record_id == record_id, schema.drafts.c.user == self.username
                )
            ).first()
        if row is None:
            return None
        try:
            if row.key_id != self.keys.key_id:
                raise VaultError("sealed with a key this clinic does not hold")
            plain = self.keys.open_file(record_id, f"draft/{self.username}", bytes(row.blob))
            draft = json.loads(plain)
        except (VaultError, ValueError) as exc:
            problem = f"its interview draft cannot be opened ({exc})"
            raise RecordDamaged(record_id, problem) from None
        if not isinstance(draft, dict):
            raise RecordDamaged(record_id, "its interview draft is not an object")
        return draft

    def discard_draft(self, record_id: str) -> None:
        with self._write(durable=False) as (conn, _audit):
            conn.execute(
                schema.drafts.delete().where(
                    schema.drafts.c.record_id == record_id, schema.drafts.c.user == self.username
                )
            )
