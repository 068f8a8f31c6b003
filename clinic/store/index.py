"""The blind index repository: exact lookups by A-Number, SSN, or family name and birth date,
and the people who look like someone already stored, through keyed digests (HMAC-SHA256 of
the normalized identifier); no identifier is stored in clear.

Which identifiers are indexed, and how they are normalized, is :func:`index_entries`;
:func:`reindex` and :func:`duplicates` are what the records and the sync side use inside their
own transactions.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import Connection, select

from clinic.domain import answers as answers_mod
from clinic.domain.answers import AnswersInvalid
from clinic.store import schema
from clinic.store.base import Repository, StoreError
from clinic.store.vault import Keys


def index_entries(answers: Mapping[str, Any]) -> list[tuple[str, str]]:
    """(kind, normalized value) for each blind-indexed identifier in the answers."""
    out: list[tuple[str, str]] = []
    if isinstance(answers.get("a_number"), str):
        out.append(("a_number", answers_mod.normalize_a_number(answers["a_number"])))
    if isinstance(answers.get("ssn"), str):
        out.append(("ssn", answers_mod.normalize_ssn(answers["ssn"])))
    family, dob = answers.get("name.family"), answers.get("dob")
    if isinstance(family, str) and isinstance(dob, str):
        out.append(("name_dob", answers_mod.normalize_name_for_index(family) + "|" + dob))
    return out


def reindex(conn: Connection, keys: Keys, record_id: str, answers: Mapping[str, Any]) -> None:
    """Replace a record's index rows with those of its current ``answers``."""
    conn.execute(schema.blind_index.delete().where(schema.blind_index.c.record_id == record_id))
    rows = [
        {"kind": k, "digest": keys.blind_index(k, v), "record_id": record_id}
        for k, v in index_entries(answers)
    ]
    if rows:
        conn.execute(schema.blind_index.insert(), rows)


def duplicates(
    conn: Connection, new_index: dict[tuple[str, bytes], list[tuple[int, str]]]
) -> list[tuple[int, str, str]]:
    """(person, other record, kind) for identifiers shared with a stored or earlier person.

    ``new_index`` maps (kind, digest) to the (person, record id) pairs of a batch being
    stored, before its rows are written."""
    found: list[tuple[int, str, str]] = []
    digests = sorted({digest for _kind, digest in new_index})
    for start in range(0, len(digests), 500):
        chunk = digests[start : start + 500]
        for kind, digest, other in conn.execute(
            select(
                schema.blind_index.c.kind,
                schema.blind_index.c.digest,
                schema.blind_index.c.record_id,
            ).where(schema.blind_index.c.digest.in_(chunk))
        ):
            for i, _rid in new_index.get((kind, bytes(digest)), []):
                found.append((i, other, kind))
    for (kind, _digest), people in new_index.items():
        for n, (i, _rid) in enumerate(people):
            found.extend((i, other, kind) for _j, other in people[:n])
    return sorted(found)


class IndexRepository(Repository):
    """Lookups through the blind index (``session.find_by_a_number``...)."""

    def _find(self, kind: str, value: str) -> list[str]:
        digest = self.keys.blind_index(kind, value)
        with self._read() as conn:
            rows = conn.execute(
                select(schema.blind_index.c.record_id)
                .where(schema.blind_index.c.kind == kind, schema.blind_index.c.digest == digest)
                .order_by(schema.blind_index.c.record_id)
            ).all()
        self._audit_read("find", None, f"by {kind}: {len(rows)} match(es)")
        return [r[0] for r in rows]

    def find_by_a_number(self, a_number: str) -> list[str]:
        try:
            value = answers_mod.normalize_a_number(a_number)
        except ValueError:
            raise StoreError("a_number: an A-Number has 7 to 9 digits") from None
        return self._find("a_number", value)

    def find_by_ssn(self, ssn: str) -> list[str]:
        try:
            value = answers_mod.normalize_ssn(ssn)
        except ValueError:
            raise StoreError("ssn: a Social Security number has 9 digits") from None
        return self._find("ssn", value)

    def find_by_name_dob(self, family: str, dob: str) -> list[str]:
        errors = answers_mod.validate_answers({"name.family": family, "dob": dob})
        if errors:
            raise AnswersInvalid(errors)
        return self._find("name_dob", answers_mod.normalize_name_for_index(family) + "|" + dob)

    def possible_duplicates(
        self, answers: Mapping[str, Any], *, exclude: str | None = None
    ) -> list[tuple[str, str]]:
        """(record id, matched by) for stored people who share an A-Number, an SSN, or a family
        name and birth date with these answers (through the blind index; nothing is written).
        Only valid identifiers are looked up."""
        wanted = {
            k: v
            for k, v in answers.items()
            if k in ("a_number", "ssn", "name.family", "dob")
            and not answers_mod.validate_answers({k: v})
        }
        try:
            entries = index_entries(answers_mod.normalize_answers(wanted))
        except AnswersInvalid:
            return []
        found: set[tuple[str, str]] = set()
        with self._read() as conn:
            for kind, value in entries:
                digest = self.keys.blind_index(kind, value)
                for (other,) in conn.execute(
                    select(schema.blind_index.c.record_id).where(
                        schema.blind_index.c.kind == kind, schema.blind_index.c.digest == digest
                    )
                ):
                    if other != exclude:
                        found.add((other, kind))
        return sorted(found)
