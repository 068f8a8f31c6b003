"""Events on the wire: each event type's payload as a typed object, and the one byte format in
which an event is sealed, on the laptop (``clinic.store``) and for the organization's server
(``clinic.sync``).

An event is sealed as UTF-8 JSON with sorted keys and no spaces::

    {"at":..., "author":..., "clock":..., "device_id":..., "event_id":..., "payload":{...},
     "record_id":..., "type":...}

:func:`decode_event` also reads the laptop format of earlier versions, which left out
``event_id`` (the sealing key binds it). Whatever arrives, a payload must fit its type
(:func:`parse_payload`): a forged or damaged event is refused by name (:class:`EventError`),
never folded half-read.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from clinic.domain.events import (
    INQUIRY_TOPICS,
    Event,
    EventError,
    EventType,
    FieldChange,
    parse_changes,
)

# -- typed payloads ----------------------------------------------------------------------------


def _text(raw: Mapping[str, Any], key: str, what: str, *, required: bool = True) -> str | None:
    value = raw.get(key)
    if value is None and not required:
        return None
    if not isinstance(value, str):
        raise EventError(f"{what} payload: {key} is not text")
    return value


@dataclass(frozen=True)
class Created:
    """``created``: a new record, an intake or an inquiry."""

    kind: str = "intake"  # intake | inquiry
    source: str | None = None  # check-in, import, demo, inquiry...
    language: str | None = None

    @classmethod
    def of(cls, raw: Mapping[str, Any]) -> Created:
        kind = _text(raw, "kind", "created", required=False) or "intake"
        if kind not in ("intake", "inquiry"):
            raise EventError(f"created payload: unknown kind {kind[:20]!r}")
        return cls(
            kind=kind,
            source=_text(raw, "source", "created", required=False),
            language=_text(raw, "language", "created", required=False),
        )

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "source": self.source, "language": self.language}


@dataclass(frozen=True)
class AnswersSet:
    """``answers_set``: answers set or cleared, each naming the version it replaced."""

    changes: tuple[FieldChange, ...]

    @classmethod
    def of(cls, raw: Mapping[str, Any]) -> AnswersSet:
        return cls(tuple(parse_changes(raw)))

    def to_json(self) -> dict[str, Any]:
        return {"changes": [c.to_json() for c in self.changes]}


@dataclass(frozen=True)
class Screened:
    """``screened``: a determination, as of the evaluation date ``on``."""

    determination: Mapping[str, Any]
    on: str | None = None
    lang: str | None = None  # the language its texts are in (a later screening keeps it)

    @classmethod
    def of(cls, raw: Mapping[str, Any]) -> Screened:
        det = raw.get("determination")
        if not isinstance(det, Mapping) or not isinstance(det.get("outcome"), str):
            raise EventError("screened payload: no determination with an outcome")
        return cls(
            determination=dict(det),
            on=_text(raw, "on", "screened", required=False),
            lang=_text(raw, "lang", "screened", required=False),
        )

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"determination": dict(self.determination)}
        if self.on is not None:
            out["on"] = self.on
        if self.lang is not None:
            out["lang"] = self.lang
        return out


def _packet_hash(raw: Mapping[str, Any], what: str) -> str:
    value = _text(raw, "packet_hash", what)
    assert value is not None
    if len(value) != 64 or any(c not in "0123456789abcdef" for c in value):
        raise EventError(f"{what} payload: packet_hash is not a SHA-256 hex digest")
    return value


@dataclass(frozen=True)
class PacketBuilt:
    """``packet_built``: a packet stored (its files are kept apart, encrypted), with what it
    was built from (date, filing, form editions)."""

    packet_hash: str
    extra: Mapping[str, Any]  # files, date, filing, forms: as the packet builder wrote them

    @classmethod
    def of(cls, raw: Mapping[str, Any]) -> PacketBuilt:
        extra = {k: v for k, v in raw.items() if k != "packet_hash"}
        return cls(packet_hash=_packet_hash(raw, "packet_built"), extra=extra)

    def to_json(self) -> dict[str, Any]:
        return {"packet_hash": self.packet_hash, **self.extra}


@dataclass(frozen=True)
class ReviewNote:
    """``review_comment`` (no packet named) and ``review_returned`` (the packet sent back)."""

    text: str
    item: str | None = None
    packet_hash: str | None = None

    @classmethod
    def of(cls, raw: Mapping[str, Any], *, returned: bool) -> ReviewNote:
        what = "review_returned" if returned else "review_comment"
        text = _text(raw, "text", what, required=not returned) or ""
        return cls(
            text=text,
            item=_text(raw, "item", what, required=False),
            packet_hash=_packet_hash(raw, what) if returned else None,
        )

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"text": self.text}
        if self.packet_hash is not None:
            out["packet_hash"] = self.packet_hash
        if self.item:
            out["item"] = self.item
        return out


@dataclass(frozen=True)
class ReviewApproved:
    """``review_approved``: the packet an attorney approved (and so locked)."""

    packet_hash: str

    @classmethod
    def of(cls, raw: Mapping[str, Any]) -> ReviewApproved:
        return cls(_packet_hash(raw, "review_approved"))

    def to_json(self) -> dict[str, Any]:
        return {"packet_hash": self.packet_hash}


@dataclass(frozen=True)
class Closed:
    """``closed``: the record is closed."""

    reason: str | None = None

    @classmethod
    def of(cls, raw: Mapping[str, Any]) -> Closed:
        return cls(_text(raw, "reason", "closed", required=False))

    def to_json(self) -> dict[str, Any]:
        return {} if self.reason is None else {"reason": self.reason}


@dataclass(frozen=True)
class InquiryLogged:
    """``inquiry_logged``: what someone informed asked about (a topic code)."""

    topic: str

    @classmethod
    def of(cls, raw: Mapping[str, Any]) -> InquiryLogged:
        topic = _text(raw, "topic", "inquiry_logged")
        if topic not in INQUIRY_TOPICS:  # a code, never free text: it is counted in clear
            raise EventError("inquiry_logged payload: topic is not a topic code")
        return cls(topic)

    def to_json(self) -> dict[str, Any]:
        return {"topic": self.topic}


Payload = (
    Created
    | AnswersSet
    | Screened
    | PacketBuilt
    | ReviewNote
    | ReviewApproved
    | Closed
    | InquiryLogged
)


def parse_payload(type_: EventType, raw: Mapping[str, Any]) -> Payload:
    """The typed payload of an event of ``type_``, or :class:`EventError` naming what does not
    fit (never a value)."""
    if not isinstance(raw, Mapping):
        raise EventError(f"{type_.value} payload is not an object")
    if type_ is EventType.CREATED:
        return Created.of(raw)
    if type_ is EventType.ANSWERS_SET:
        return AnswersSet.of(raw)
    if type_ is EventType.SCREENED:
        return Screened.of(raw)
    if type_ is EventType.PACKET_BUILT:
        return PacketBuilt.of(raw)
    if type_ in (EventType.REVIEW_COMMENT, EventType.REVIEW_RETURNED):
        return ReviewNote.of(raw, returned=type_ is EventType.REVIEW_RETURNED)
    if type_ is EventType.REVIEW_APPROVED:
        return ReviewApproved.of(raw)
    if type_ is EventType.CLOSED:
        return Closed.of(raw)
    return InquiryLogged.of(raw)


# -- the byte format -------------------------------------------------------------------------


def encode_event(ev: Event) -> bytes:
    """The bytes an event is sealed as, on the laptop and for the server."""
    return json.dumps(
        {
            "event_id": ev.event_id,
            "record_id": ev.record_id,
            "type": ev.type.value,
            "clock": ev.clock,
            "device_id": ev.device_id,
            "author": ev.author,
            "at": ev.at,
            "payload": dict(ev.payload),
        },
        ensure_ascii=False,
        sort_keys=True,
        separators=(",", ":"),
    ).encode("utf-8")


MAX_CLOCK = 2**48  # Lamport clocks far beyond any organization's events, far below overflow


def _is_moment(at: str) -> bool:
    """Whether ``at`` is an ISO date and time (what every event's time is written as)."""
    try:
        dt.datetime.fromisoformat(at)
    except ValueError:
        return False
    return len(at) <= 40


def decode_event(body: bytes, *, event_id: str, record_id: str) -> Event:
    """An event from its sealed bytes, checked: it must name ``event_id`` (when it names one)
    and ``record_id``, have a known type, and a payload that fits the type."""
    try:
        raw = json.loads(body)
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise EventError(f"event {event_id[:12]}: not an event (malformed)") from None
    if not isinstance(raw, dict):
        raise EventError(f"event {event_id[:12]}: not an event (malformed)")
    if raw.get("event_id", event_id) != event_id or raw.get("record_id") != record_id:
        raise EventError(f"event {event_id[:12]}: its sealed body names another event or record")
    try:
        type_ = EventType(str(raw.get("type")))
    except ValueError:
        raise EventError(f"event {event_id[:12]}: unknown type") from None
    clock, device, at = raw.get("clock"), raw.get("device_id"), raw.get("at")
    if not isinstance(clock, int) or isinstance(clock, bool) or clock < 0:
        raise EventError(f"event {event_id[:12]}: malformed clock")
    if clock > MAX_CLOCK:  # a forged 2**63-1 would overflow every later write
        raise EventError(f"event {event_id[:12]}: clock out of range")
    if not isinstance(device, str) or not isinstance(at, str):
        raise EventError(f"event {event_id[:12]}: malformed device or time")
    if not _is_moment(at):
        raise EventError(f"event {event_id[:12]}: malformed time")
    payload = raw.get("payload")
    payload = {} if payload is None else payload
    parse_payload(type_, payload)
    return Event(
        event_id=event_id,
        record_id=record_id,
        type=type_,
        clock=clock,
        device_id=device,
        author=str(raw.get("author", "")),
        at=at,
        payload=payload,
    )
