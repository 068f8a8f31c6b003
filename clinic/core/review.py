"""Review: the attorney's queue, and approve, return or comment on a record's latest packet
(the rules are ``clinic.domain.review``; who may do what is checked here)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from clinic.core.views import BoardRow
from clinic.domain.events import Event, Status
from clinic.domain.review import ATTORNEY_ACTIONS, review_step
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
    step = review_step(session.load(record_id), action, text, item, packet_hash)
    return session.append_event(record_id, step.type, step.payload)


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
