"""People: the Today board, search, check-in, import, lookup and the count of people informed.

Every person's data is decrypted only in memory, for the view returned (clinic.core.views)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from clinic.core.views import Board, BoardRow, row_of
from clinic.domain.answers import AnswerError, AnswersInvalid, normalize_answers, validate_answers
from clinic.domain.events import INQUIRY_TOPICS, RecordState
from clinic.domain.questionnaire import PAST_DATES
from clinic.domain.records import RecordSummary, summarize
from clinic.errors import UsageError
from clinic.messages import say
from clinic.store.clinic import ImportResult, RecordDamaged

if TYPE_CHECKING:
    from clinic.core.desk import Desk


class People:
    """``desk.people``: who is here today, who is who, and checking people in."""

    def __init__(self, desk: Desk) -> None:
        self._desk = desk

    def matches(self) -> dict[str, list[str]]:
        """Record id -> identifiers shared with a person on another laptop (from sync)."""
        matches = self._desk.session.sync_state().matches
        return {record: list(kinds) for record, kinds in matches.items()}

    def board(self, *, all_days: bool = False) -> Board:
        """The people of today (anyone with an event today, local time), or of every day."""
        desk = self._desk
        session = desk.session
        today = desk.today()
        rows: list[BoardRow] = []
        damaged: list[str] = []
        matches = self.matches()
        for record_id in session.record_ids():
            try:
                state = session.load(record_id)
            except RecordDamaged as exc:
                damaged.append(str(exc))
                continue
            if all_days or (state.updated_at and desk.local_date(state.updated_at) == today):
                rows.append(row_of(state, tuple(matches.get(record_id, ()))))
        rows.sort(key=lambda r: r.updated_at, reverse=True)
        return Board(rows, damaged)

    def search(self, query: str) -> list[BoardRow]:
        """People matching an A-Number or SSN (blind index), a family name and birth date
        ("Lee 1999-04-02", blind index), a birth date, or part of a name."""
        session = self._desk.session
        text = " ".join(query.split())
        if not text:
            return []
        digits = "".join(c for c in text if c.isdigit())
        ids: list[str] | None = None
        if text[:1] in "Aa" and 7 <= len(digits) <= 9 and not text[1:2].isalpha():
            ids = session.find_by_a_number(text)
        elif len(digits) == 9 and all(c.isdigit() or c in "- " for c in text):
            ids = session.find_by_ssn(text)
        else:
            parts = text.rsplit(" ", 1)
            if len(parts) == 2 and not validate_answers({"dob": parts[1]}):
                if not validate_answers({"name.family": parts[0]}):
                    ids = session.find_by_name_dob(parts[0], parts[1])
        if ids is not None:
            return [row_of(session.load(rid)) for rid in ids]
        needle = text.casefold()
        found = []
        for row in self.board(all_days=True).rows:
            if (
                text == row.dob
                or needle in " ".join((row.family, row.given, row.native)).casefold()
            ):
                found.append(row)
        return found

    def find(
        self,
        *,
        a_number: str | None = None,
        ssn: str | None = None,
        family: str | None = None,
        dob: str | None = None,
    ) -> list[RecordSummary]:
        """Exact lookup through the blind index: an A-Number, an SSN, or family name with
        birth date."""
        session = self._desk.session
        if a_number:
            ids = session.find_by_a_number(a_number)
        elif ssn:
            ids = session.find_by_ssn(ssn)
        elif family and dob:
            ids = session.find_by_name_dob(family, dob)
        else:
            raise UsageError(
                "find needs --a-number N, --ssn N, or --family NAME with --dob YYYY-MM-DD"
            )
        return [summarize(session.load(i)) for i in ids]

    def similar(
        self, answers: Mapping[str, Any], *, exclude: str | None = None
    ) -> list[tuple[BoardRow, str]]:
        """Stored people who look like these answers, with what matched (A-Number, SSN or
        family name and birth date)."""
        session = self._desk.session
        return [
            (row_of(session.load(rid)), kind)
            for rid, kind in session.possible_duplicates(answers, exclude=exclude)
        ]

    def log_inquiry(self, language: str, topic: str) -> str:
        """Count someone informed (no name, no answers): a language and a topic code. Only a
        topic code is kept (never free text, which could name someone)."""
        if topic not in INQUIRY_TOPICS:
            raise UsageError(f"topic: one of {', '.join(INQUIRY_TOPICS)}")
        problems = validate_answers({"language": language})
        if problems:
            raise AnswersInvalid(problems)
        return self._desk.session.log_inquiry(language, topic)

    def reveal_numbers(self, record_id: str) -> None:
        """A person chose to see a record's Social Security and A-Numbers in full (the screens
        show their last four digits): audited, with who and which record, never the numbers."""
        session = self._desk.session
        session.load(record_id)  # a record this laptop holds and can open
        session.audit_record("reveal", record_id, "SSN and A-Number shown in full")

    def new_person(self, answers: Mapping[str, Any]) -> str:
        """Check a person in (name, birth date, language...); returns the new record's id."""
        return self.import_people([answers], source="check-in").record_ids[0]

    def import_people(
        self, people: Sequence[Mapping[str, Any]], *, source: str = "import"
    ) -> ImportResult:
        """New records from answers (each validated; all or none), with possible duplicates.
        A mailing or physical address the installed forms cannot take is refused here, naming
        the answer, the box and a USPS abbreviation that fits: nothing is imported."""
        if not people:
            raise UsageError("the file holds no people: nothing to import")
        problems: list[AnswerError] = []
        today = self._desk.today()
        for i, person in enumerate(people):
            try:
                answers = normalize_answers(person)
            except AnswersInvalid:
                continue  # the store names those problems
            for key in sorted(PAST_DATES & set(answers)):
                if dt.date.fromisoformat(str(answers[key])) > today:
                    where = f"person {i}: {key}" if len(people) > 1 else key
                    problems.append(
                        AnswerError(where, say("is after today ({day})", day=today.isoformat()))
                    )
            for key, said in self._desk.interview.address_problems(answers).items():
                where = f"person {i}: {key}" if len(people) > 1 else key
                problems.append(AnswerError(where, said))
        if problems:
            raise AnswersInvalid(problems)
        return self._desk.session.import_people(people, source=source)

    def resolve_id(self, prefix: str) -> str:
        """The record whose id starts with ``prefix`` (at least 4 characters, one match)."""
        return self._desk.session.resolve_id(prefix)

    def list(self) -> tuple[list[RecordSummary], list[RecordDamaged]]:
        """Every record, summarized, and every record that could not be opened."""
        return self._desk.session.list_records()

    def show(self, record_id: str) -> RecordState:
        """A record (its read is audited)."""
        return self._desk.session.show(record_id)

    def export_answers(self, record_id: str) -> dict[str, Any]:
        """A record's answers, to hand to another tool (the export is audited)."""
        return self._desk.session.export(record_id)
