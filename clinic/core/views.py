"""What the core hands to the screens and the command line: plain, frozen views of records,
packets and sync (no Qt, no storage handles). A view holds decrypted values only in memory."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from clinic.domain.events import Event, EventType, RecordState, Status
from clinic.domain.roles import Role

STATIONS = ("check_in", "screening", "forms", "review", "done")
CHECK_IN_KEYS = frozenset({"name.family", "name.given", "name.native", "dob", "language"})


def station_of(state: RecordState) -> str:
    """Where a person stands in the clinic day (DESIGN.md section 1)."""
    if state.status is Status.INTAKE:
        return "screening" if set(state.answers) - CHECK_IN_KEYS else "check_in"
    if state.status in (Status.SCREENED, Status.RETURNED):
        return "forms"
    if state.status is Status.IN_REVIEW:
        return "review"
    return "done"


@dataclass(frozen=True)
class BoardRow:
    """One person on the board (decrypted, for display only)."""

    record_id: str
    kind: str  # intake | inquiry
    family: str
    given: str
    native: str
    dob: str
    language: str
    station: str
    status: str
    outcome: str
    updated_at: str
    returned: bool  # an attorney sent the packet back: the volunteer has comments to read
    comments: int
    conflicts: int
    elsewhere: tuple[str, ...] = ()  # identifiers shared with a person on another laptop
    arrived_at: str = ""  # when they were checked in (UTC, ISO)
    with_user: str = ""  # who last worked on them
    approval_undone: bool = False  # approved, then an answer changed: waiting for a rebuild

    @property
    def name(self) -> str:
        name = ", ".join(p for p in (self.family, self.given) if p)
        return name or "(no name yet)"


@dataclass(frozen=True)
class Board:
    """Today's people by station, and every record that could not be opened (named)."""

    rows: list[BoardRow]
    damaged: list[str]

    def count(self, station: str) -> int:
        return sum(1 for r in self.rows if r.station == station)


@dataclass(frozen=True)
class TimelineEntry:
    """One event as a person reads it: when, who, what (field names, never values)."""

    at: str  # local time, "YYYY-MM-DD HH:MM"
    author: str
    type: str
    summary: str
    keys: tuple[str, ...] = ()  # the answers an answers_set changed (screens name them)
    outcome: str = ""  # a screening's outcome code (screens say it in words)
    packet: str = ""  # a built or approved packet's short hash
    files: int = 0  # how many files a built packet holds


@dataclass(frozen=True)
class RecordView:
    """A person's record for the record screen."""

    state: RecordState
    timeline: list[TimelineEntry]
    draft: Mapping[str, Any] | None
    elsewhere: tuple[str, ...] = ()  # identifiers shared with a person on another laptop
    # the recorded screening as the staff read it (in their language, when the same answers
    # screened on the same date give exactly its codes); None: show the recorded one
    screening_for_staff: Mapping[str, Any] | None = None
    # the latest screening is of the answers as they are now (no answer changed after it)
    screening_current: bool = False
    # required questions that apply and are not answered (Finish anyway leaves some)
    missing: int = 0
    # the client's language the latest screening was done in ("": none recorded); the
    # interview opens in it again
    screened_in: str = ""


@dataclass(frozen=True)
class PacketView:
    """The latest stored packet of a record, as shown and printed."""

    record_id: str
    packet_hash: str
    approved: bool
    files: list[tuple[str, bytes]]  # draft-marked unless approved
    # The same files with every form field's value drawn into its page (clinic.packet.flatten):
    # what the app's viewer and printer show, since QtPdf draws no form fields. Empty when the
    # view was not made for the screen (the command line exports ``files``).
    shown: list[tuple[str, bytes]] = dataclasses.field(default_factory=list)
    # the choices it was built with: how the fees are paid, the attorney of record ("": none)
    payment: str = ""
    attorney: str = ""
    blank: tuple[str, ...] = ()  # the form items the filer must still answer (by hand)
    approval_undone: bool = False  # it was approved, then an answer changed: draft again
    contact: str = ""  # the clinic's contact its take-home sheet prints ("": none was set)
    # none was set, and the sheet gives the preparer's own (their profile's) instead
    contact_of_preparer: bool = False

    def for_screen(self) -> list[tuple[str, bytes]]:
        """The files as the viewer and the printer show them."""
        return self.shown or self.files


@dataclass(frozen=True)
class AutomapDraft:
    """A drafted form pack waiting for a person's check: where it is, a summary, its text."""

    pdf: Path
    draft: Path
    summary: str
    text: str


@dataclass(frozen=True)
class SyncStatus:
    """What the sync indicator shows (nothing personal)."""

    enrolled: bool
    server: str
    role: str
    last_sync: str  # local time, or ""
    pending: int
    error: str
    matches: dict[str, list[str]]  # record id -> kinds shared with a person on another laptop
    alerts: list[dict[str, str]]
    has_org_key: bool
    fingerprint: str = ""  # the organization key's, to compare aloud ("" before enrolling)


@dataclass(frozen=True)
class SignedIn:
    """Who is signed in."""

    username: str
    role: Role
    site: str
    timezone: str
    staff_language: str = ""  # the staff language they chose last ("" never chose)


def row_of(state: RecordState, elsewhere: tuple[str, ...] = ()) -> BoardRow:
    a = state.answers
    return BoardRow(
        record_id=state.record_id,
        kind=state.kind,
        family=str(a.get("name.family", "")),
        given=str(a.get("name.given", "")),
        native=str(a.get("name.native", "")),
        dob=str(a.get("dob", "")),
        language=state.language or "",
        station=station_of(state),
        status=state.status.value,
        outcome=str((state.determination or {}).get("outcome", "")),
        updated_at=state.updated_at or "",
        returned=state.status is Status.RETURNED,
        comments=len(state.comments),
        conflicts=len(state.conflicts),
        elsewhere=elsewhere,
        arrived_at=state.created_at or "",
        with_user=state.updated_by or "",
        approval_undone=state.approval_undone,
    )


def keys_of(ev: Event) -> tuple[str, ...]:
    """The answer keys an ``answers_set`` event changed, or the one a comment is about (none for
    other events)."""
    if ev.type in (EventType.REVIEW_COMMENT, EventType.REVIEW_RETURNED):
        item = ev.payload.get("item")
        return (str(item),) if item else ()
    if ev.type is not EventType.ANSWERS_SET:
        return ()
    return tuple(str(c.get("key")) for c in ev.payload.get("changes", []) if isinstance(c, Mapping))


def summary_of(ev: Event) -> str:
    p = ev.payload
    if ev.type is EventType.ANSWERS_SET:
        keys = [str(c.get("key")) for c in p.get("changes", []) if isinstance(c, Mapping)]
        shown = ", ".join(keys[:6]) + (f" and {len(keys) - 6} more" if len(keys) > 6 else "")
        return f"{len(keys)} answer(s): {shown}"
    if ev.type is EventType.SCREENED:
        det = p.get("determination") or {}
        return f"{det.get('outcome', '')} ({det.get('request_type', '')})"
    if ev.type is EventType.PACKET_BUILT:
        return f"packet {str(p.get('packet_hash', ''))[:12]} ({len(p.get('files', []))} files)"
    if ev.type in (EventType.REVIEW_COMMENT, EventType.REVIEW_RETURNED):
        return str(p.get("text", ""))  # what it is about: ``keys_of``
    if ev.type is EventType.REVIEW_APPROVED:
        return f"approved packet {str(p.get('packet_hash', ''))[:12]}"
    if ev.type is EventType.CREATED:
        return str(p.get("kind", "intake"))
    return ""
