"""The one wire format of events (clinic/domain/wire.py): every type round-trips, the laptop
format of earlier versions still reads, and a body that does not fit is refused by name."""

from __future__ import annotations

import json

import pytest

from clinic.domain.events import Event, EventError, EventType, fold
from clinic.domain.wire import (
    AnswersSet,
    ReviewApproved,
    Screened,
    decode_event,
    encode_event,
    parse_payload,
)

RID = "r" * 32
HASH = "ab" * 32

PAYLOADS: dict[EventType, dict[str, object]] = {
    EventType.CREATED: {"kind": "intake", "source": "check-in", "language": "ko"},
    EventType.ANSWERS_SET: {
        "changes": [{"key": "name.family", "value": "Testperson"}, {"key": "dob", "value": None}]
    },
    EventType.SCREENED: {"determination": {"outcome": "may_be_eligible"}, "on": "2026-11-21"},
    EventType.PACKET_BUILT: {"packet_hash": HASH, "files": [], "date": "2026-11-21"},
    EventType.REVIEW_COMMENT: {"text": "check Part 3", "item": "travel"},
    EventType.REVIEW_RETURNED: {"packet_hash": HASH, "text": "sign page 6"},
    EventType.REVIEW_APPROVED: {"packet_hash": HASH},
    EventType.CLOSED: {},
    EventType.INQUIRY_LOGGED: {"topic": "travel"},
}


def event(type_: EventType, n: int = 1, payload: dict[str, object] | None = None) -> Event:
    return Event(
        event_id=f"{n:032x}",
        record_id=RID,
        type=type_,
        clock=n,
        device_id="d" * 16,
        author="vol",
        at=f"2026-11-21T18:00:{n:02d}+00:00",
        payload=PAYLOADS[type_] if payload is None else payload,
    )


@pytest.mark.parametrize("type_", list(EventType))
def test_every_event_type_round_trips(type_: EventType) -> None:
    ev = event(type_)
    body = encode_event(ev)
    assert json.loads(body) == json.loads(json.dumps(json.loads(body), sort_keys=True))
    assert decode_event(body, event_id=ev.event_id, record_id=RID) == ev


def test_the_format_is_sorted_compact_utf8() -> None:
    body = encode_event(event(EventType.CREATED, payload={"kind": "intake", "language": "ko"}))
    text = body.decode("utf-8")
    assert text.startswith('{"at":"2026-11-21T18:00:01+00:00","author":"vol","clock":1,')
    assert ": " not in text and ", " not in text


def test_the_laptop_format_of_earlier_versions_reads() -> None:
    """Before one format, the laptop sealed bodies without event_id, keys in insertion order."""
    ev = event(EventType.SCREENED)
    old = json.dumps(
        {
            "record_id": RID,
            "type": "screened",
            "clock": ev.clock,
            "device_id": ev.device_id,
            "author": ev.author,
            "at": ev.at,
            "payload": ev.payload,
        },
        ensure_ascii=False,
        separators=(",", ":"),
    ).encode("utf-8")
    assert decode_event(old, event_id=ev.event_id, record_id=RID) == ev


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"record_id": "x" * 32}, "names another event or record"),
        ({"event_id": "f" * 32}, "names another event or record"),
        ({"type": "review_forged"}, "unknown type"),
        ({"clock": True}, "malformed clock"),
        ({"clock": -1}, "malformed clock"),
        ({"at": 5}, "malformed device or time"),
        ({"payload": []}, "payload is not an object"),
        ({"type": "screened", "payload": {"determination": "yes"}}, "no determination"),
        ({"type": "review_approved", "payload": {"packet_hash": "abc"}}, "SHA-256"),
        ({"type": "review_approved", "payload": {}}, "packet_hash is not text"),
        ({"type": "answers_set", "payload": {"changes": "all"}}, "no list of changes"),
        ({"type": "created", "payload": {"kind": "admin"}}, "unknown kind"),
        ({"type": "review_comment", "payload": {"item": "x"}}, "text is not text"),
        ({"type": "inquiry_logged", "payload": {"topic": 3}}, "topic is not text"),
    ],
)
def test_a_body_that_does_not_fit_is_refused_by_name(
    change: dict[str, object], message: str
) -> None:
    ev = event(EventType.REVIEW_COMMENT)
    raw = json.loads(encode_event(ev))
    raw.update(change)
    with pytest.raises(EventError, match=message) as caught:
        decode_event(json.dumps(raw).encode(), event_id=ev.event_id, record_id=RID)
    assert "check Part 3" not in str(caught.value)  # never a value


@pytest.mark.parametrize("body", [b"", b"\xff\xfe", b"[1, 2]", b"null", b"{"])
def test_bytes_that_are_not_an_event_are_refused(body: bytes) -> None:
    with pytest.raises(EventError, match="not an event"):
        decode_event(body, event_id="e" * 32, record_id=RID)


def test_typed_payloads_read_what_the_fold_reads() -> None:
    events = [event(t, n) for n, t in enumerate(EventType, start=1) if t is not EventType.CLOSED]
    decoded = [decode_event(encode_event(e), event_id=e.event_id, record_id=RID) for e in events]
    assert fold(RID, decoded) == fold(RID, events)
    answers = parse_payload(EventType.ANSWERS_SET, PAYLOADS[EventType.ANSWERS_SET])
    assert isinstance(answers, AnswersSet) and [c.key for c in answers.changes] == [
        "name.family",
        "dob",
    ]
    screened = parse_payload(EventType.SCREENED, PAYLOADS[EventType.SCREENED])
    assert isinstance(screened, Screened) and screened.on == "2026-11-21"
    assert parse_payload(EventType.REVIEW_APPROVED, {"packet_hash": HASH}) == ReviewApproved(HASH)
    for type_, raw in PAYLOADS.items():
        assert parse_payload(type_, parse_payload(type_, raw).to_json()) == parse_payload(
            type_, raw
        )
