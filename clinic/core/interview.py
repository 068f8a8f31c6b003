"""The interview: a record as the record screen shows it, autosaved drafts, answers, and
screening a person (``record_screening``, the one place a determination is made and kept)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from clinic.core.views import RecordView, TimelineEntry, keys_of, summary_of
from clinic.domain.answers import ANSWER_KEYS, normalize_answers
from clinic.domain.events import Event, EventType
from clinic.domain.languages import client_language
from clinic.domain.policy import Policy
from clinic.domain.questionnaire import Interview
from clinic.domain.rules import Determination, screen
from clinic.errors import UsageError
from clinic.store.clinic import Session

if TYPE_CHECKING:
    from clinic.core.desk import Desk


def screening_language(answers: Mapping[str, Any], lang: str | None = None) -> str:
    """The language a determination is written in: the one asked for, else the language the
    person speaks when the rule texts have it, else English."""
    return lang or client_language(answers.get("language"))


def record_screening(
    session: Session,
    record_id: str,
    answers: Mapping[str, Any] | None,
    on: dt.date,
    policy: Policy,
    lang: str | None = None,
) -> Determination:
    """Screen a record as of ``on`` and record the determination (a ``screened`` event).
    With ``answers``, they are stored first (only what changed is recorded); without, the
    stored answers are screened."""
    if answers is not None:
        session.set_answers(record_id, normalize_answers(answers))
    stored = session.load(record_id).answers
    if lang is None:  # screened again from the record: in the language it was screened in
        latest, _changed = current_screening(session.events(record_id))
        earlier = latest.payload.get("lang") if latest is not None else None
        lang = client_language(earlier) if isinstance(earlier, str) and earlier else None
    said = screening_language(stored, lang)
    det = screen(stored, on, policy, said)
    session.append_event(
        record_id,
        EventType.SCREENED,
        {"determination": det.to_json(), "on": on.isoformat(), "lang": said},
    )
    return det


def for_staff(
    recorded: Mapping[str, Any], answers: Mapping[str, Any], on: str, policy: Policy, lang: str
) -> Mapping[str, Any] | None:
    """A recorded determination in the staff's language ``lang``: the same answers screened on
    its date in ``lang``, used only when that gives exactly the recorded outcome and codes
    (else None: the recorded texts are shown as they were given)."""
    try:
        day = dt.date.fromisoformat(on)
    except ValueError:
        return None
    again = screen(answers, day, policy, lang).to_json()

    def codes(det: Mapping[str, Any], part: str) -> list[Any]:
        return [f.get("code") for f in det.get(part) or [] if isinstance(f, Mapping)]

    same = recorded.get("outcome") == again["outcome"] and all(
        codes(recorded, part) == codes(again, part) for part in ("reasons", "flags", "notices")
    )
    return again if same else None


def current_screening(events: Sequence[Event]) -> tuple[Event | None, bool]:
    """A record's latest ``screened`` event and whether its answers changed after it."""
    found = [e for e in events if e.type is EventType.SCREENED]
    screened = max(found, key=lambda e: e.order_key) if found else None
    if screened is None:
        return None, True
    changed = any(
        e.type is EventType.ANSWERS_SET and e.order_key > screened.order_key for e in events
    )
    return screened, changed


class InterviewDesk:
    """``desk.interview``: what the interview and the record screen do with a record."""

    def __init__(self, desk: Desk) -> None:
        self._desk = desk

    def record(self, record_id: str, *, staff_lang: str | None = None) -> RecordView:
        """A person's record for its screen; with ``staff_lang``, the recorded screening also
        in the staff's language (see :func:`for_staff`)."""
        desk = self._desk
        session = desk.session
        state = session.show(record_id)
        timeline = [
            TimelineEntry(
                desk.local_time(e.at),
                e.author,
                e.type.value,
                summary_of(e),
                keys=keys_of(e),
                outcome=str((e.payload.get("determination") or {}).get("outcome", ""))
                if e.type is EventType.SCREENED
                else "",
                packet=str(e.payload.get("packet_hash") or "")[:12],
                files=len(e.payload.get("files") or ()) if e.type is EventType.PACKET_BUILT else 0,
            )
            for e in sorted(session.events(record_id), key=lambda e: e.order_key)
        ]
        elsewhere = tuple(desk.people.matches().get(record_id, ()))
        shown = None
        if staff_lang and state.determination is not None:
            screened = [e for e in session.events(record_id) if e.type is EventType.SCREENED]
            on = screened[-1].payload.get("on") if screened else None
            if isinstance(on, str):
                shown = for_staff(state.determination, state.answers, on, desk.policy, staff_lang)
        latest, changed = current_screening(session.events(record_id))
        return RecordView(
            state,
            timeline,
            session.load_draft(record_id),
            elsewhere,
            screening_for_staff=shown,
            screening_current=latest is not None and not changed,
            screened_in=str(latest.payload.get("lang") or "") if latest is not None else "",
            missing=len(
                Interview(desk.questionnaire, desk.today(), dict(state.answers)).missing_required()
            )
            if state.kind != "inquiry"
            else 0,
        )

    def save_draft(self, record_id: str, draft: Mapping[str, Any]) -> None:
        self._desk.session.save_draft(record_id, draft)

    def discard_draft(self, record_id: str) -> None:
        self._desk.session.discard_draft(record_id)

    def close_interview(self, record_id: str, draft: Mapping[str, Any]) -> bool:
        """Save and close: keep the draft (to resume where it stopped), unless the person was
        screened and the draft holds nothing the record does not (then no "unfinished
        interview" is left behind). Call after the answers are stored; returns whether a draft
        was kept."""
        session = self._desk.session
        state = session.load(record_id)
        typed = {k: v for k, v in dict(draft.get("answers") or {}).items() if v is not None}
        stored = {k: v for k, v in state.answers.items() if v is not None}
        if state.determination is not None and typed == stored:
            session.discard_draft(record_id)
            return False
        session.save_draft(record_id, draft)
        return True

    def save_answers(self, record_id: str, answers: Mapping[str, Any]) -> int:
        """Store the valid answers (only the fields that changed are recorded); returns how
        many changed."""
        return len(self._desk.session.set_answers(record_id, answers))

    def address_problems(self, answers: Mapping[str, Any]) -> dict[str, str]:
        """The mailing and physical address answers that the forms installed here (the editions
        accepted today) cannot take, by key, with a USPS abbreviation that would fit: said when
        they are typed, never "See Addendum" on the packet. Empty when no form is installed."""
        from clinic.packet.fill import address_problems
        from clinic.packet.library import LibraryError
        from clinic.packet.packs import sha256_of
        from clinic.packet.template import CACHE, boxes

        desk = self._desk
        on = desk.today()
        found: dict[str, str] = {}
        library = desk.library()
        for form in ("I-821D", "I-765", "G-1450"):  # the G-1450's billing address is it too
            try:
                installed = library.for_date(form, on)
            except LibraryError:
                continue
            template = CACHE.get(installed.path, installed.pack, sha256_of(installed.path))
            for key, said in address_problems(
                installed.pack, boxes(template), template.fields, answers, on
            ).items():
                found.setdefault(key, said)
        return found

    def set_answer(self, record_id: str, key: str, value: Any) -> int:
        """Change (or with ``None`` clear) one stored answer, as the record screen edits it."""
        if key not in ANSWER_KEYS:
            raise UsageError(f"{key}: not an answer this clinic records")
        answers = dict(self._desk.session.load(record_id).answers)
        if value is None:
            answers.pop(key, None)
        else:
            answers[key] = value
        return self.save_answers(record_id, answers)

    def finish_screening(
        self, record_id: str, answers: Mapping[str, Any], lang: str
    ) -> dict[str, Any]:
        """Store the answers, screen them as of today, record the determination, and drop the
        draft. Returns the determination (JSON form)."""
        desk = self._desk
        det = record_screening(desk.session, record_id, answers, desk.today(), desk.policy, lang)
        desk.session.discard_draft(record_id)
        return det.to_json()

    def screen_record(
        self, record_id: str, *, on: dt.date | None = None, lang: str | None = None
    ) -> Determination:
        """Screen a record's stored answers as of ``on`` (today) and record it."""
        desk = self._desk
        return record_screening(
            desk.session, record_id, None, desk.on_or_today(on), desk.policy, lang
        )

    def language_of(self, record_id: str, lang: str | None = None) -> str:
        """The language a record's determination is written in (:func:`screening_language`)."""
        return screening_language(self._desk.session.load(record_id).answers, lang)

    def screen_answers(
        self, answers: Mapping[str, Any], *, on: dt.date | None = None, lang: str | None = None
    ) -> Determination:
        """Screen answers that are not a record (nothing is stored): ``clinic screen``."""
        desk = self._desk
        normalized = normalize_answers(answers)
        return screen(
            normalized, desk.on_or_today(on), desk.policy, screening_language(normalized, lang)
        )
