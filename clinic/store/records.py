"""The records repository: each person's record as an append-only log of sealed events.

Import people (validated, all or none), append an event, change answers, settle a conflict;
resolve an id, load (decrypt and fold), show, list and export a record (reads audited); the
de-identified tallies kept beside the events, which reports read. An inquiry (someone informed,
no name) is a record too. What a record's events fold into is ``clinic.domain.events``; how it
is summarized for a list, ``clinic.domain.records``; what may be logged, the core's.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select

from clinic.domain import answers as answers_mod
from clinic.domain.answers import AnswerError, AnswersInvalid
from clinic.domain.events import Event, EventType, FieldChange, RecordState, diff_answers, fold
from clinic.domain.records import RecordSummary, summarize
from clinic.store import schema
from clinic.store.base import NotFound, RecordDamaged, Repository, StoreError, outbox_row
from clinic.store.index import duplicates, index_entries, reindex

MIN_ID_PREFIX = 4


@dataclass
class ImportResult:
    """What an import stored, and which people look like someone already in the clinic."""

    record_ids: list[str] = field(default_factory=list)
    possible_duplicates: list[tuple[int, str, str]] = field(default_factory=list)  # (i, id, kind)


def _prefixed(errors: Sequence[AnswerError], index: int, many: bool) -> list[AnswerError]:
    if not many:
        return list(errors)
    return [AnswerError(f"[{index}].{e.key}", e.problem) for e in errors]


class RecordRepository(Repository):
    """Records and their logs (``session.import_people``, ``session.load``...)."""

    # -- writing ------------------------------------------------------------------------------

    def import_people(
        self, people: Sequence[Mapping[str, Any]], *, source: str = "import"
    ) -> ImportResult:
        """Validate every person, then store them all in one transaction (or none)."""
        many = len(people) != 1
        normalized: list[dict[str, Any]] = []
        errors: list[AnswerError] = []
        for i, raw in enumerate(people):
            try:
                normalized.append(answers_mod.normalize_answers(raw))
            except AnswersInvalid as exc:
                errors.extend(_prefixed(exc.errors, i, many))
        if errors:
            raise AnswersInvalid(errors)
        result = ImportResult()
        with self._write() as (conn, audit):
            clock = self._next_clock(conn, 2 * len(normalized))
            seq = self._next_seq(conn)
            record_rows, event_rows, index_rows, outbox_rows = [], [], [], []
            new_index: dict[tuple[str, bytes], list[tuple[int, str]]] = {}
            for i, answers in enumerate(normalized):
                record_id = uuid.uuid4().hex
                language = answers.get("language")
                created = self._new_event(
                    record_id,
                    EventType.CREATED,
                    clock,
                    {"kind": "intake", "source": source, "language": language},
                )
                changes = [{"key": k, "value": v} for k, v in sorted(answers.items())]
                answered = self._new_event(
                    record_id, EventType.ANSWERS_SET, clock + 1, {"changes": changes}
                )
                clock += 2
                record_rows.append({"record_id": record_id, "created_at": created.at})
                for ev in (created, answered):
                    event_rows.append(self._event_row(ev, seq, language))
                    outbox_rows.append(outbox_row(ev))
                    seq += 1
                for kind, value in index_entries(answers):
                    digest = self.keys.blind_index(kind, value)
                    index_rows.append({"kind": kind, "digest": digest, "record_id": record_id})
                    new_index.setdefault((kind, digest), []).append((i, record_id))
                audit.add(source, record_id)
                result.record_ids.append(record_id)
            result.possible_duplicates = duplicates(conn, new_index)
            conn.execute(schema.records.insert(), record_rows)
            conn.execute(schema.events.insert(), event_rows)
            if index_rows:
                conn.execute(schema.blind_index.insert(), index_rows)
            conn.execute(schema.outbox.insert(), outbox_rows)
        return result

    def log_inquiry(self, language: str, topic: str) -> str:
        """Store that someone was informed (a walk-in or hotline question that never becomes a
        packet): only the language and a topic code, no name. Returns the new record's id.
        Which topics and languages there are is checked by the core (``desk.people``)."""
        record_id = uuid.uuid4().hex
        with self._write() as (conn, audit):
            clock = self._next_clock(conn, 2)
            seq = self._next_seq(conn)
            created = self._new_event(
                record_id,
                EventType.CREATED,
                clock,
                {"kind": "inquiry", "source": "inquiry", "language": language},
            )
            logged = self._new_event(
                record_id, EventType.INQUIRY_LOGGED, clock + 1, {"topic": topic}
            )
            conn.execute(
                schema.records.insert(), {"record_id": record_id, "created_at": created.at}
            )
            rows = [
                self._event_row(ev, seq + n, language) for n, ev in enumerate((created, logged))
            ]
            conn.execute(schema.events.insert(), rows)
            conn.execute(schema.outbox.insert(), [outbox_row(ev) for ev in (created, logged)])
            audit.add("inquiry", record_id, topic)
        return record_id

    def set_answers(self, record_id: str, new_answers: Mapping[str, Any]) -> list[FieldChange]:
        """Replace a record's answers (validated); records only the fields that changed."""
        normalized = answers_mod.normalize_answers(new_answers)
        with self._write() as (conn, audit):
            state = self._load(conn, record_id)
            changes = diff_answers(state, normalized)
            if not changes:
                return []
            self._append(
                conn,
                state,
                EventType.ANSWERS_SET,
                {"changes": [c.to_json() for c in changes]},
                normalized.get("language"),
            )
            reindex(conn, self.keys, record_id, normalized)
            audit.add("answers_set", record_id, f"{len(changes)} field(s)")
        return changes

    def append_event(self, record_id: str, type_: EventType, payload: Mapping[str, Any]) -> Event:
        """Append one event (screening, packet, review...) to a record's log."""
        return self._append_event(record_id, type_, payload)

    def resolve_conflict(self, record_id: str, key: str, value: Any) -> None:
        """A person chose ``value`` for an answer edited on two laptops at once: record it as
        based on every competing version, which settles the conflict everywhere."""
        if value is not None:
            answers_mod.normalize_answers({key: value})  # the value must be valid
        with self._write() as (conn, audit):
            state = self._load(conn, record_id)
            if key not in state.conflicts:
                raise StoreError(f"{key}: has no conflict to resolve")
            change = FieldChange(key=key, value=value, prev=state.versions.get(key))
            self._append(
                conn, state, EventType.ANSWERS_SET, {"changes": [change.to_json()]}, state.language
            )
            audit.add("conflict_resolved", record_id, key)

    # -- reading ------------------------------------------------------------------------------

    def record_ids(self) -> list[str]:
        return self._record_ids()

    def resolve_id(self, prefix: str) -> str:
        """Turn a record id or a unique prefix of one (at least 4 characters) into the full id."""
        prefix = prefix.strip().lower()
        if len(prefix) < MIN_ID_PREFIX or not all(c in "0123456789abcdef" for c in prefix):
            raise NotFound(f"'{prefix}' is not a record id (at least {MIN_ID_PREFIX} hex digits)")
        with self._read() as conn:
            rows = conn.execute(
                select(schema.records.c.record_id)
                .where(schema.records.c.record_id.startswith(prefix, autoescape=True))
                .limit(2)
            ).all()
        if not rows:
            raise NotFound(f"no record {prefix}")
        if len(rows) > 1:
            raise NotFound(f"record id {prefix} is ambiguous: give more characters")
        return str(rows[0][0])

    def events(self, record_id: str) -> list[Event]:
        """The decrypted log of one record, in local arrival order."""
        return self._read_events(record_id)

    def load(self, record_id: str) -> RecordState:
        """Decrypt and fold one record (raises :class:`RecordDamaged` if it fails its checks)."""
        return fold(record_id, self.events(record_id))

    def show(self, record_id: str) -> RecordState:
        """Load a record for display; the view is audited."""
        state = self.load(record_id)
        self._audit_read("view", record_id)
        return state

    def list_records(self) -> tuple[list[RecordSummary], list[RecordDamaged]]:
        """Every record that opens, and every one that does not (each named)."""
        summaries: list[RecordSummary] = []
        damaged: list[RecordDamaged] = []
        for record_id in self.record_ids():
            try:
                summaries.append(summarize(self.load(record_id)))
            except RecordDamaged as exc:
                damaged.append(exc)
        self._audit_read("list", None, f"{len(summaries)} record(s)")
        return summaries, damaged

    def export(self, record_id: str) -> dict[str, Any]:
        """The record's answers as the answers JSON object; the export is audited."""
        state = self.load(record_id)
        self._audit_read("export", record_id)
        return dict(sorted(state.answers.items()))

    def tallies(self, date_from: str, date_to: str) -> list[dict[str, Any]]:
        """The de-identified tallies of events whose local date is in ``[date_from, date_to]``
        (ISO dates), oldest first. Each carries ``record``, the random record id, so people are
        counted once; no tally holds a name, a number or an answer."""
        out: list[dict[str, Any]] = []
        with self._read() as conn:
            rows = conn.execute(
                select(schema.events.c.record_id, schema.events.c.tally).order_by(
                    schema.events.c.seq
                )
            ).all()
        for record_id, raw in rows:
            tally = json.loads(raw)
            if date_from <= str(tally.get("date", "")) <= date_to:
                out.append({**tally, "record": record_id})
        return out
