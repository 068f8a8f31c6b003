"""Records as append-only event logs, and the pure fold that gives a record's current state.

A person's record is a list of immutable :class:`Event` objects (DESIGN.md section 3). Each event
carries a Lamport clock and the id of the device that wrote it; the fold orders events by
``(clock, device_id, event_id)`` so every device that holds the same set of events computes the
same state, whatever order the events arrived in.

Answers are merged per field, last writer wins by ``(clock, device_id)``. Every field change names
the version of the field it replaced (``prev``); a change whose ``prev`` is not the field's current
version was made without seeing that version, so the two edits were concurrent: the later one wins
for now and both values are kept as a :class:`Conflict` for a person to resolve. Writing the field
again after seeing the winner resolves it.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from clinic.errors import ClinicError

# What someone informed at a walk-in or on the hotline asked about: a code, never free text.
INQUIRY_TOPICS = ("renewal", "initial", "travel", "work_permit", "fees", "other")


class EventType(enum.StrEnum):
    """The kinds of event a record's log holds."""

    CREATED = "created"
    ANSWERS_SET = "answers_set"
    SCREENED = "screened"
    PACKET_BUILT = "packet_built"
    REVIEW_COMMENT = "review_comment"
    REVIEW_RETURNED = "review_returned"
    REVIEW_APPROVED = "review_approved"
    CLOSED = "closed"
    INQUIRY_LOGGED = "inquiry_logged"


class Status(enum.StrEnum):
    """Where a record stands in the clinic day (the stations of DESIGN.md section 1)."""

    INTAKE = "intake"  # created, answers being entered
    SCREENED = "screened"  # a determination exists
    IN_REVIEW = "in_review"  # a packet awaits an attorney
    RETURNED = "returned"  # the attorney sent it back with comments
    APPROVED = "approved"  # the latest packet is approved and locked
    CLOSED = "closed"
    INQUIRY = "inquiry"  # a hotline or walk-in question only, never a packet


class EventError(ClinicError, ValueError):
    """An event or a log that breaks the rules of the model (never carries personal data)."""


Version = tuple[int, str]
"""A field version: the (Lamport clock, device id) of the change that wrote it."""


@dataclass(frozen=True)
class Event:
    """One immutable entry of a record's log.

    ``payload`` depends on ``type``:

    - ``created``: ``{"kind": "intake" | "inquiry", "language": str?, "site": str?}``
    - ``answers_set``: ``{"changes": [{"key": str, "value": Any, "prev": [clock, device]?}]}``
      where a ``value`` of ``None`` clears the answer.
    - ``screened``: ``{"determination": {...}}`` (the ``clinic screen --json`` object)
    - ``packet_built``: ``{"packet_hash": str, "files": {name: sha256}}``
    - ``review_comment``: ``{"text": str, "item": str?}``
    - ``review_returned``: ``{"packet_hash": str, "text": str?}``
    - ``review_approved``: ``{"packet_hash": str}``
    - ``closed``: ``{"reason": str?}``
    - ``inquiry_logged``: ``{"topic": str, "text": str?}``
    """

    event_id: str
    record_id: str
    type: EventType
    clock: int
    device_id: str
    author: str
    at: str  # ISO 8601 UTC timestamp
    payload: Mapping[str, Any] = field(default_factory=dict)

    @property
    def order_key(self) -> tuple[int, str, str]:
        return (self.clock, self.device_id, self.event_id)


@dataclass(frozen=True)
class FieldChange:
    """One answer key set (or cleared, with ``value=None``) by an ``answers_set`` event."""

    key: str
    value: Any
    prev: Version | None = None

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"key": self.key, "value": self.value}
        if self.prev is not None:
            out["prev"] = [self.prev[0], self.prev[1]]
        return out


@dataclass(frozen=True)
class Conflict:
    """Two or more concurrent values of one answer key, awaiting a person's choice."""

    key: str
    values: tuple[tuple[Version, Any], ...]  # every competing (version, value), winner last


@dataclass(frozen=True)
class Comment:
    """An attorney's review comment or return note."""

    event_id: str
    author: str
    at: str
    text: str
    item: str | None
    returned: bool


@dataclass
class RecordState:
    """The current state of one record: the result of folding its events."""

    record_id: str
    kind: str = "intake"
    created_at: str | None = None
    updated_at: str | None = None
    updated_by: str | None = None
    created_by: str | None = None
    language: str | None = None
    answers: dict[str, Any] = field(default_factory=dict)
    versions: dict[str, Version] = field(default_factory=dict)
    conflicts: dict[str, Conflict] = field(default_factory=dict)
    determination: Mapping[str, Any] | None = None
    packets: list[str] = field(default_factory=list)  # packet hashes, oldest first
    approved_packet: str | None = None
    # the answers changed after the latest packet was built: it no longer matches them, so it
    # is out of the review queue and cannot be approved until a packet is built again
    packet_stale: bool = False
    # the latest packet was approved, then an answer changed: the approval no longer holds
    approval_undone: bool = False
    comments: list[Comment] = field(default_factory=list)
    status: Status = Status.INTAKE
    closed: bool = False
    event_count: int = 0
    clock: int = 0  # the highest Lamport clock seen in this record


def parse_changes(payload: Mapping[str, Any]) -> list[FieldChange]:
    """Read the ``changes`` of an ``answers_set`` payload, rejecting malformed entries."""
    raw = payload.get("changes")
    if not isinstance(raw, list):
        raise EventError("answers_set payload has no list of changes")
    changes: list[FieldChange] = []
    for i, item in enumerate(raw):
        if not isinstance(item, Mapping) or not isinstance(item.get("key"), str):
            raise EventError(f"answers_set change {i} is malformed")
        prev_raw = item.get("prev")
        prev: Version | None = None
        if prev_raw is not None:
            if (
                not isinstance(prev_raw, list | tuple)
                or len(prev_raw) != 2
                or not isinstance(prev_raw[0], int)
                or not isinstance(prev_raw[1], str)
            ):
                raise EventError(f"answers_set change {i} has a malformed prev version")
            prev = (prev_raw[0], prev_raw[1])
        changes.append(FieldChange(key=item["key"], value=item.get("value"), prev=prev))
    return changes


def _apply_change(state: RecordState, change: FieldChange, version: Version) -> None:
    current = state.versions.get(change.key)
    if current is not None and change.prev != current:
        # Written without seeing the current value: concurrent with it. Last writer wins for
        # now (this event sorts later), and both values are kept for a person to decide.
        earlier = state.conflicts.get(change.key)
        values: list[tuple[Version, Any]] = (
            list(earlier.values) if earlier else [(current, state.answers.get(change.key))]
        )
        values.append((version, change.value))
        state.conflicts[change.key] = Conflict(change.key, tuple(values))
    else:
        # Based on the current value (or the first value ever): it supersedes, and any
        # conflict on this key is resolved by it.
        state.conflicts.pop(change.key, None)
    if change.value is None:
        state.answers.pop(change.key, None)
    else:
        state.answers[change.key] = change.value
    state.versions[change.key] = version


def _recompute_status(state: RecordState) -> None:
    if state.closed:
        state.status = Status.CLOSED
    elif state.kind == "inquiry":
        state.status = Status.INQUIRY


def fold(record_id: str, events: Iterable[Event]) -> RecordState:
    """Fold a record's events (in any order) into its current state.

    Pure and deterministic: the same set of events gives the same state on every device.
    """
    ordered = sorted(events, key=lambda e: e.order_key)
    state = RecordState(record_id=record_id)
    seen: set[str] = set()
    for ev in ordered:
        if ev.record_id != record_id:
            raise EventError(f"event {ev.event_id} belongs to another record")
        if ev.event_id in seen:
            continue  # the same event delivered twice (sync retries) counts once
        seen.add(ev.event_id)
        state.event_count += 1
        state.clock = max(state.clock, ev.clock)
        if state.updated_at is None or ev.at >= state.updated_at:
            state.updated_by = ev.author  # who last worked on the person (the board's "with")
        state.updated_at = ev.at if state.updated_at is None else max(state.updated_at, ev.at)
        version: Version = (ev.clock, ev.device_id)
        p = ev.payload
        if ev.type is EventType.CREATED:
            state.kind = str(p.get("kind", "intake"))
            state.created_at = ev.at
            state.created_by = ev.author
            lang = p.get("language")
            state.language = lang if isinstance(lang, str) else state.language
            state.status = Status.INQUIRY if state.kind == "inquiry" else Status.INTAKE
        elif ev.type is EventType.ANSWERS_SET:
            for change in parse_changes(p):
                _apply_change(state, change, version)
            lang = state.answers.get("language")
            if isinstance(lang, str):
                state.language = lang
            if state.status is Status.INQUIRY:
                pass
            elif state.packets:
                # An edit after a packet (approved, in review or returned) leaves that packet
                # behind the answers: back to the forms, to be built again and reviewed.
                if state.approved_packet:
                    state.approval_undone = True
                state.approved_packet = None
                state.packet_stale = True
                state.status = Status.SCREENED
        elif ev.type is EventType.SCREENED:
            det = p.get("determination")
            state.determination = det if isinstance(det, Mapping) else None
            if state.status in (Status.INTAKE, Status.INQUIRY):
                state.status = Status.SCREENED
        elif ev.type is EventType.PACKET_BUILT:
            packet_hash = str(p.get("packet_hash", ""))
            state.packets.append(packet_hash)
            state.approved_packet = None
            state.packet_stale = False
            state.approval_undone = False
            state.status = Status.IN_REVIEW
        elif ev.type in (EventType.REVIEW_COMMENT, EventType.REVIEW_RETURNED):
            returned = ev.type is EventType.REVIEW_RETURNED
            item = p.get("item")
            state.comments.append(
                Comment(
                    event_id=ev.event_id,
                    author=ev.author,
                    at=ev.at,
                    text=str(p.get("text", "")),
                    item=item if isinstance(item, str) else None,
                    returned=returned,
                )
            )
            if returned:
                state.status = Status.RETURNED
        elif ev.type is EventType.REVIEW_APPROVED:
            packet_hash = str(p.get("packet_hash", ""))
            if state.packets and packet_hash == state.packets[-1] and not state.packet_stale:
                state.approved_packet = packet_hash
                state.status = Status.APPROVED
            # An approval of an older packet version, or of a packet the answers have moved
            # on from, approves nothing current.
        elif ev.type is EventType.CLOSED:
            state.closed = True
        elif ev.type is EventType.INQUIRY_LOGGED:
            if state.kind == "inquiry":
                state.status = Status.INQUIRY
        _recompute_status(state)
    return state


def diff_answers(state: RecordState, new_answers: Mapping[str, Any]) -> list[FieldChange]:
    """The field changes that turn ``state.answers`` into ``new_answers``.

    Each change names the version it replaces, so concurrent edits elsewhere are detected.
    Keys absent from ``new_answers`` are cleared.
    """
    changes: list[FieldChange] = []
    for key in sorted(set(state.answers) | set(new_answers)):
        old = state.answers.get(key)
        new = new_answers.get(key)
        if old != new:
            changes.append(FieldChange(key=key, value=new, prev=state.versions.get(key)))
    return changes
