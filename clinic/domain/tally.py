"""What an event counts for: the de-identified tally kept beside every sealed event, the only
thing reports and the organization's server read (DESIGN.md section 3). Pure: a site, a day, a
language, the author's user name and role, and the codes of the outcome and flags; never a
person."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from clinic.domain.events import Event, EventType


def tally_of(
    ev: Event, *, site: str, date: str, language: str | None, role: str | None = None
) -> dict[str, Any]:
    """The tally of ``ev``: ``date`` is its day in the clinic's time zone (YYYY-MM-DD); ``role``
    the role of its author (a volunteer's work is counted by name, other staff's together)."""
    tally: dict[str, Any] = {
        "site": site,
        "date": date,
        "type": ev.type.value,
        "language": language or "",
        "volunteer": ev.author,
    }
    if role:
        tally["role"] = role
    if ev.type is EventType.CREATED:
        tally["kind"] = ev.payload.get("kind", "intake")
    if ev.type is EventType.INQUIRY_LOGGED:
        tally["topic"] = str(ev.payload.get("topic", ""))
    if ev.type is EventType.SCREENED:
        det = ev.payload.get("determination") or {}
        tally["outcome"] = det.get("outcome", "")
        # a request type the answers have not settled yet (the screening's working guess) is
        # counted as not known, never as an initial request
        settled = det.get("request_type_settled", True) is not False
        tally["request_type"] = det.get("request_type", "") if settled else ""
        tally["flags"] = sorted(
            {str(f.get("code")) for f in det.get("flags", []) if isinstance(f, Mapping)}
        )
    return tally
