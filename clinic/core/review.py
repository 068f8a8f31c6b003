"""Review: the attorney's queue, and approve, return or comment on a record's latest packet
(the rules are ``clinic.domain.review``; who may do what is checked here)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from clinic.core.views import BoardRow
from clinic.domain.events import Event, EventType, Status
from clinic.domain.review import ATTORNEY_ACTIONS, Change, changed_since_review, review_step
from clinic.domain.roles import may_approve
from clinic.messages import say
from clinic.store.clinic import AccessDenied, Session

if TYPE_CHECKING:
    from clinic.core.desk import Desk


def review_record(
    session: Session,
    record_id: str,
    action: str,
    text: str = "",
    item: str | None = None,
    packet_hash: str | None = None,
) -> Event:
    """An attorney's review of the latest packet: ``approve`` (locks that version: any later
    edit puts the record back into review), ``return`` with comments, or ``comment``."""
    if action in ATTORNEY_ACTIONS and not may_approve(session.role):
        raise AccessDenied(
            say("a {role} may not {action} a packet", role=session.role.value, action=action)
        )
    state = session.load(record_id)
    step = review_step(state, action, text, item, packet_hash)
    if action == "approve":
        counsel = _attorney_of(session, record_id, str(step.payload["packet_hash"]))
        if counsel and counsel != session.username:
            raise AccessDenied(
                say(
                    "this packet names {attorney} as the attorney of record (Form G-28): "
                    "{attorney} approves it, or build it again with no G-28 or with yours",
                    attorney=counsel,
                )
            )
    return session.append_event(record_id, step.type, step.payload)


def _attorney_of(session: Session, record_id: str, packet_hash: str) -> str:
    """The user name of the attorney of record a packet's G-28 names ("" for none)."""
    for event in session.events(record_id):
        if event.type is EventType.PACKET_BUILT and event.payload.get("packet_hash") == packet_hash:
            counsel = event.payload.get("attorney")
            if isinstance(counsel, dict):
                return str(counsel.get("user", ""))
    return ""


class ReviewDesk:
    """``desk.review``: the review queue and the attorney's actions."""

    def __init__(self, desk: Desk) -> None:
        self._desk = desk

    def queue(self) -> list[BoardRow]:
        """Packets awaiting an attorney, oldest first."""
        rows = self._desk.people.board(all_days=True).rows
        return sorted(
            (r for r in rows if r.status == Status.IN_REVIEW.value), key=lambda r: r.updated_at
        )

    def undone(self) -> list[BoardRow]:
        """People whose approved packet an answer change has turned back into a draft: the
        attorney reviews them again once the volunteer builds the packet again (oldest first)."""
        rows = self._desk.people.board(all_days=True).rows
        return sorted((r for r in rows if r.approval_undone), key=lambda r: r.updated_at)

    def left_blank(self, record_id: str, packet_hash: str) -> list[str]:
        """The form items a packet leaves for the filer to answer by hand (its cover sheet's
        "Left blank"), as its build recorded them."""
        for event in self._desk.session.events(record_id):
            payload = event.payload
            if event.type is EventType.PACKET_BUILT and payload.get("packet_hash") == packet_hash:
                return [str(b) for b in payload.get("blank") or ()]
        return []

    def changes(self, record_id: str) -> tuple[str, list[Change]]:
        """The answers changed since an attorney last returned or approved this record's
        packet, and which of the two it was ("returned", "approved"; "" when neither)."""
        return changed_since_review(record_id, self._desk.session.events(record_id))

    def act(
        self,
        record_id: str,
        action: str,
        text: str = "",
        item: str | None = None,
        packet_hash: str | None = None,
    ) -> Event:
        """Review the packet the attorney is looking at (``packet_hash``): refused if a newer
        one was built meanwhile."""
        return review_record(self._desk.session, record_id, action, text, item, packet_hash)
