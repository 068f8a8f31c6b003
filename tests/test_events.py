"""The pure fold of a record's event log: ordering, last-writer-wins, conflicts, status."""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from clinic.domain.events import (
    Event,
    EventType,
    FieldChange,
    Status,
    diff_answers,
    fold,
)

R = "rec"


def ev(n: int, type_: EventType, clock: int, device: str = "d1", **payload: Any) -> Event:
    return Event(f"e{n}", R, type_, clock, device, "vol", f"2026-11-21T10:00:{n:02d}", payload)


def setv(n: int, clock: int, device: str, key: str, value: Any, prev: Any = None) -> Event:
    change = FieldChange(key, value, prev).to_json()
    return ev(n, EventType.ANSWERS_SET, clock, device, changes=[change])


def test_created_then_answers() -> None:
    state = fold(
        R, [ev(1, EventType.CREATED, 1, language="ko"), setv(2, 2, "d1", "dob", "2001-01-01")]
    )
    assert state.answers == {"dob": "2001-01-01"}
    assert state.language == "ko"
    assert state.status is Status.INTAKE
    assert state.versions["dob"] == (2, "d1")


def test_sequential_edits_supersede_without_conflict() -> None:
    events = [
        setv(1, 1, "d1", "name.given", "Ana"),
        setv(2, 2, "d2", "name.given", "Ana María", prev=[1, "d1"]),
    ]
    state = fold(R, events)
    assert state.answers["name.given"] == "Ana María"
    assert state.conflicts == {}


def test_concurrent_edits_of_one_field_are_a_conflict_not_a_loss() -> None:
    events = [
        setv(1, 1, "d1", "name.given", "Ana"),
        setv(2, 2, "d1", "name.given", "Anna", prev=[1, "d1"]),
        setv(3, 2, "d2", "name.given", "Ann", prev=[1, "d1"]),
    ]
    state = fold(R, events)
    # last writer by (clock, device) wins for now: (2, "d2") > (2, "d1")
    assert state.answers["name.given"] == "Ann"
    conflict = state.conflicts["name.given"]
    assert {v for _, v in conflict.values} == {"Anna", "Ann"}
    # a person resolves it by writing after seeing the winner
    resolved = fold(R, [*events, setv(4, 3, "d1", "name.given", "Anna", prev=[2, "d2"])])
    assert resolved.answers["name.given"] == "Anna"
    assert resolved.conflicts == {}


def test_concurrent_edits_of_different_fields_merge() -> None:
    events = [
        setv(1, 1, "d1", "dob", "2001-01-01"),
        setv(2, 2, "d1", "sex", "F"),
        setv(3, 2, "d2", "marital_status", "single"),
    ]
    state = fold(R, events)
    assert state.answers == {"dob": "2001-01-01", "sex": "F", "marital_status": "single"}
    assert state.conflicts == {}


def test_a_duplicate_event_counts_once() -> None:
    e = setv(1, 1, "d1", "dob", "2001-01-01")
    assert fold(R, [e, e]).event_count == 1


def test_clearing_an_answer() -> None:
    state = fold(
        R, [setv(1, 1, "d1", "dob", "2001-01-01"), setv(2, 2, "d1", "dob", None, [1, "d1"])]
    )
    assert "dob" not in state.answers


def test_review_cycle_and_an_edit_after_a_packet_asks_for_a_new_one() -> None:
    base = [ev(1, EventType.CREATED, 1), setv(2, 2, "d1", "dob", "2001-01-01")]
    screened = [*base, ev(3, EventType.SCREENED, 3, determination={"outcome": "likely_eligible"})]
    assert fold(R, screened).status is Status.SCREENED
    built = [*screened, ev(4, EventType.PACKET_BUILT, 4, packet_hash="h1")]
    assert fold(R, built).status is Status.IN_REVIEW
    returned = [*built, ev(5, EventType.REVIEW_RETURNED, 5, packet_hash="h1", text="fix item 3")]
    state = fold(R, returned)
    assert state.status is Status.RETURNED and state.comments[0].returned
    rebuilt = [*returned, ev(6, EventType.PACKET_BUILT, 6, packet_hash="h2")]
    # approving the older packet approves nothing current
    stale = fold(R, [*rebuilt, ev(7, EventType.REVIEW_APPROVED, 7, packet_hash="h1")])
    assert stale.status is Status.IN_REVIEW and stale.approved_packet is None
    approved = [*rebuilt, ev(7, EventType.REVIEW_APPROVED, 7, packet_hash="h2")]
    state = fold(R, approved)
    assert state.status is Status.APPROVED and state.approved_packet == "h2"
    # an edit after the packet leaves it behind: back to the forms, out of the review queue,
    # and an approval of it (even one that syncs in later) approves nothing
    edit = setv(8, 8, "d1", "dob", "2001-01-02", [2, "d1"])
    edited = fold(R, [*approved, edit])
    assert edited.status is Status.SCREENED and edited.approved_packet is None
    assert edited.packet_stale
    late = fold(R, [*rebuilt, edit, ev(9, EventType.REVIEW_APPROVED, 9, packet_hash="h2")])
    assert late.status is Status.SCREENED and late.approved_packet is None
    after_return = fold(R, [*returned, setv(6, 6, "d1", "dob", "2001-01-03", [2, "d1"])])
    assert after_return.status is Status.SCREENED and after_return.packet_stale
    again = fold(R, [*approved, edit, ev(10, EventType.PACKET_BUILT, 10, packet_hash="h3")])
    assert again.status is Status.IN_REVIEW and not again.packet_stale
    closed = fold(R, [*approved, ev(9, EventType.CLOSED, 9)])
    assert closed.status is Status.CLOSED


def test_inquiry_records() -> None:
    state = fold(
        R,
        [
            ev(1, EventType.CREATED, 1, kind="inquiry"),
            ev(2, EventType.INQUIRY_LOGGED, 2, topic="renewal timing"),
        ],
    )
    assert state.status is Status.INQUIRY


def test_diff_answers_names_versions() -> None:
    state = fold(R, [setv(1, 1, "d1", "dob", "2001-01-01"), setv(2, 2, "d1", "sex", "F")])
    changes = diff_answers(state, {"dob": "2001-01-02", "marital_status": "single"})
    assert {c.key: (c.value, c.prev) for c in changes} == {
        "dob": ("2001-01-02", (1, "d1")),
        "marital_status": ("single", None),
        "sex": (None, (2, "d1")),
    }


@given(st.permutations(list(range(8))))
def test_fold_does_not_depend_on_arrival_order(order: list[int]) -> None:
    events = [
        ev(0, EventType.CREATED, 1),
        setv(1, 2, "d1", "name.given", "A"),
        setv(2, 3, "d2", "name.given", "B", prev=[2, "d1"]),
        setv(3, 3, "d1", "name.given", "C", prev=[2, "d1"]),
        setv(4, 4, "d3", "dob", "2000-01-01"),
        ev(5, EventType.SCREENED, 5, determination={"outcome": "attorney_review"}),
        ev(6, EventType.PACKET_BUILT, 6, packet_hash="h"),
        ev(7, EventType.REVIEW_COMMENT, 7, text="see item 4"),
    ]
    reference = fold(R, events)
    shuffled = fold(R, [events[i] for i in order])
    assert shuffled == reference
