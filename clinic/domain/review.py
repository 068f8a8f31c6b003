"""An attorney's review, as rules: what an ``approve``, ``return`` or ``comment`` on a record's
latest packet becomes (an event type and its payload), or why it is refused. Pure: the core
(``clinic.core.review``) checks the role and stores the event."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from clinic.domain.events import Comment, Event, EventType, RecordState, fold
from clinic.errors import ClinicError
from clinic.messages import say

REVIEW_ACTIONS = ("approve", "return", "comment")
ATTORNEY_ACTIONS = frozenset({"approve", "return"})  # only a role that may approve


class ReviewRefused(ClinicError, ValueError):
    """The review cannot be recorded as asked; the message says why (no personal data)."""


@dataclass(frozen=True)
class ReviewStep:
    """What a review records: an event type and its payload."""

    type: EventType
    payload: dict[str, Any]


def review_step(
    state: RecordState,
    action: str,
    text: str = "",
    item: str | None = None,
    packet_hash: str | None = None,
) -> ReviewStep:
    """The event a review action on ``state``'s latest packet records. ``packet_hash`` is the
    packet the attorney is looking at: refused if a newer one was built meanwhile."""
    if action not in REVIEW_ACTIONS:
        raise ReviewRefused(f"unknown review action {action}")
    if not state.packets:
        raise ReviewRefused(say("record {record} has no packet to review", record=state.record_id))
    latest = state.packets[-1]
    if packet_hash is not None and packet_hash != latest:
        raise ReviewRefused(
            say("a newer packet was built since you opened this one: open the person again")
        )
    if state.packet_stale and action in ATTORNEY_ACTIONS:
        raise ReviewRefused(
            say(
                "the answers changed after packet {packet} was built: build the packet again, "
                "then review it",
                packet=latest[:12],
            )
        )
    if action == "approve":
        if state.approved_packet == latest:
            raise ReviewRefused(say("packet {packet} is already approved", packet=latest[:12]))
        return ReviewStep(EventType.REVIEW_APPROVED, {"packet_hash": latest})
    if not text.strip() and not (action == "return" and open_comments(state)):
        raise ReviewRefused(say("a comment needs text"))
    where = {"item": item} if item else {}
    if action == "return":  # with its own text, or with the comments made since the last return
        return ReviewStep(
            EventType.REVIEW_RETURNED, {"packet_hash": latest, "text": text.strip(), **where}
        )
    return ReviewStep(EventType.REVIEW_COMMENT, {"text": text.strip(), **where})


def open_comments(state: RecordState) -> tuple[Comment, ...]:
    """The comments made since the packet was last returned (a return then needs no text of
    its own: it sends those back)."""
    since = state.comments
    for i, comment in enumerate(state.comments):
        if comment.returned:
            since = state.comments[i + 1 :]
    return tuple(since)


@dataclass(frozen=True)
class Change:
    """One answer changed since an attorney returned or approved the packet: before and after
    (None: not answered then, or no longer answered)."""

    key: str
    before: Any
    after: Any


def changed_since_review(record_id: str, events: Sequence[Event]) -> tuple[str, list[Change]]:
    """What the answers changed after an attorney last returned or approved the packet, in the
    questionnaire keys' order of first appearance, with which of the two it was ("returned"
    or "approved"; ("", []) when neither happened): the attorney reads this when the packet
    comes back, instead of hunting for the fix, and sees what undid an approval."""
    ordered = sorted(events, key=lambda e: e.order_key)
    reviewed = {EventType.REVIEW_RETURNED: "returned", EventType.REVIEW_APPROVED: "approved"}
    marks = [i for i, e in enumerate(ordered) if e.type in reviewed]
    if not marks:
        return "", []
    since = reviewed[ordered[marks[-1]].type]
    then = fold(record_id, ordered[: marks[-1] + 1]).answers
    now = fold(record_id, ordered).answers
    keys = list(dict.fromkeys([*then, *now]))
    return since, [Change(k, then.get(k), now.get(k)) for k in keys if then.get(k) != now.get(k)]
