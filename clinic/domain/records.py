"""How a record is summarized for a list of people: one line, from its folded state. Pure.

The store lists records (``Session.list_records``) and the core finds them
(``desk.people.find``); both summarize them here, once.
"""

from __future__ import annotations

from dataclasses import dataclass

from clinic.domain.events import RecordState


@dataclass(frozen=True)
class RecordSummary:
    """One line of the people list (decrypted; only for display)."""

    record_id: str
    family: str
    given: str
    native: str
    dob: str
    language: str
    status: str
    updated_at: str
    event_count: int
    outcome: str  # the latest determination's outcome, "" before screening


def summarize(state: RecordState) -> RecordSummary:
    """The list line of a record: its names, birth date, language, status and outcome."""
    a = state.answers
    return RecordSummary(
        record_id=state.record_id,
        family=str(a.get("name.family", "")),
        given=str(a.get("name.given", "")),
        native=str(a.get("name.native", "")),
        dob=str(a.get("dob", "")),
        language=state.language or "",
        status=state.status.value,
        updated_at=state.updated_at or "",
        event_count=state.event_count,
        outcome=str((state.determination or {}).get("outcome", "")),
    )
