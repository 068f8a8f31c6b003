"""Packets: build a record's packet and keep it encrypted, show it, print and export it.

The command line and the app build, store and export packets through these same functions.

**Made once, shown many times.** A build stores, encrypted beside the clean files (what the
packet's hash and an approval name), two copies of every file made from them there and then: the
copy stamped "DRAFT - NOT FOR FILING" (:data:`DRAFT`), and that copy flattened for the screen and
the printer (:data:`SCREEN`; QtPdf draws no form fields, ``clinic.packet.flatten``). Opening a
record then only decrypts. After approval the clean files are what is shown, printed and
exported; their flattened copy is made the first time the approved packet is shown, and kept.
Copies missing (a clinic from before they were kept, or a packet built on another laptop, which
arrives by sync as its event only and is rebuilt here) are made once, when first needed, and kept.

**The screening is the recorded one.** A record's packet says what the record's latest
``screened`` event says (``clinic.core.interview.record_screening``), never a fresh screening
with today's rules. When the answers changed after a person's screening, the build is refused
(:class:`ScreenAgain`): that person is screened again first. A record nobody screened yet (or
whose latest screening was made by a build, for a record nobody screened) is screened as of the
packet's date, and that screening is recorded like any other when the packet is stored; the
``packet_built`` event names the screening it used (``screening``; ``screened_at_build``)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from clinic.core.files import outside_clinic_folders
from clinic.core.interview import current_screening, record_screening, screening_language
from clinic.core.views import PacketView
from clinic.domain.events import Event, EventType, RecordState, Status
from clinic.domain.policy import Policy
from clinic.domain.roles import Role
from clinic.domain.rules import screen
from clinic.errors import ScreenAgain, UsageError
from clinic.messages import Named, say
from clinic.packet.assemble import TAKE_HOME_SHEET, Packet, build_packet, preparer_contact
from clinic.packet.fill import FillError
from clinic.packet.flatten import flatten
from clinic.packet.library import FormLibrary
from clinic.packet.stamp import draft_mark
from clinic.safefile import write_atomically
from clinic.store.base import NotFound
from clinic.store.clinic import Session, StoreError

if TYPE_CHECKING:
    from clinic.core.desk import Desk

COPIES = "v1"  # bump when draft_mark or flatten draw differently: older copies are made again
DRAFT = f"draft-{COPIES}"  # every file stamped DRAFT
SCREEN = {False: f"screen-draft-{COPIES}", True: f"screen-approved-{COPIES}"}  # flattened


def _latest(events: Sequence[Event], type_: EventType) -> Event | None:
    found = [e for e in events if e.type is type_]
    return max(found, key=lambda e: e.order_key) if found else None


def screening_for_build(
    session: Session,
    record_id: str,
    on: dt.date,
    rules: Policy,
    lang: str | None = None,
) -> tuple[Event | None, Mapping[str, Any]]:
    """The recorded screening a packet of the record is built from and its determination; or
    ``None`` and the determination of a screening as of ``on`` that the build records when it
    stores the packet (the record has no screening, or only one a build made, and its answers
    changed since). Raises :class:`ScreenAgain` when the answers changed after a person's
    screening."""
    events = session.events(record_id)
    screened, changed = current_screening(events)
    if screened is not None and not changed:
        return screened, _determination(screened)
    if screened is not None:
        made_by_build = any(
            e.type is EventType.PACKET_BUILT
            and e.payload.get("screening") == screened.event_id
            and e.payload.get("screened_at_build")
            for e in events
        )
        if not made_by_build:
            when = str(screened.payload.get("on") or screened.at[:10])
            raise ScreenAgain(
                say(
                    "the answers changed since the last screening ({when}): screen this person "
                    "again before building a packet",
                    when=when,
                )
            )
    answers = session.load(record_id).answers
    return None, screen(answers, on, rules, screening_language(answers, lang)).to_json()


def _record_build_screening(
    session: Session,
    record_id: str,
    on: dt.date,
    rules: Policy,
    lang: str | None,
    determination: Mapping[str, Any],
) -> Event:
    """Record the screening a build made (the one place screenings are recorded) and check it
    is the one the packet says."""
    record_screening(session, record_id, None, on, rules, lang)
    made = _latest(session.events(record_id), EventType.SCREENED)
    if made is None or made.payload.get("determination") != determination:
        raise StoreError("the answers changed while the packet was built: build it again")
    return made


def _determination(screened: Event) -> Mapping[str, Any]:
    det = screened.payload.get("determination")
    if not isinstance(det, Mapping):
        raise StoreError("the recorded screening holds no determination: screen this person again")
    return det


def _copies(packet: Packet) -> dict[str, list[bytes]]:
    """The copies a build keeps beside the clean files: draft-marked, and flattened for the
    screen (``Packet.files[i].draft`` is made at build; ``draft_mark`` only if it is missing)."""
    drafts = [f.draft if f.draft is not None else draft_mark(f.data) for f in packet.files]
    return {DRAFT: drafts, SCREEN[False]: [flatten(d) for d in drafts]}


def _approved_build(
    session: Session,
    record_id: str,
    approved: str | None,
    filing: str,
    lang: str | None,
    payment: str | None,
    attorney: str | None,
) -> Mapping[str, Any] | None:
    """What the approved packet was built with (its build event: date, payment, preparer,
    interpreter, attorney of record), when the choices asked now are its own (None: any). An
    approved packet whose answers have not changed since is built again as of its own date with
    these, so the same files come out and the approval stands (a later date would print another
    preparation date and need review again)."""
    built = [
        e.payload
        for e in session.events(record_id)
        if approved is not None
        and e.type is EventType.PACKET_BUILT
        and e.payload.get("packet_hash") == approved
    ]
    if not built:
        return None
    info = built[-1]
    counsel = _person(info, "attorney") or {}
    same = (
        str(info.get("filing", "paper")) == filing
        and info.get("lang") == lang
        and (payment is None or info.get("payment", payment) == payment)
        and (attorney is None or counsel.get("user", "") == attorney)
    )
    try:
        dt.date.fromisoformat(str(info.get("date")))
    except ValueError:
        return None
    return info if same else None


def _person(info: Mapping[str, Any], role: str) -> dict[str, str] | None:
    """The preparer's, interpreter's or attorney's profile a build event recorded (None: none)."""
    got = info.get(role)
    return {str(k): str(v) for k, v in got.items()} if isinstance(got, Mapping) else None


def attorney_of_record(session: Session, user: str) -> dict[str, str]:
    """The profile of ``user``, an attorney of this clinic who represents the person (the G-28),
    with their user name; refused, naming why, for anyone else."""
    try:
        role = session.user_role(user)
    except NotFound:
        raise UsageError(say("no user {user} on this laptop", user=user)) from None
    if role is not Role.ATTORNEY:
        raise UsageError(
            say("{user} is not an attorney: only an attorney represents a person (G-28)", user=user)
        )
    return {**session.profile(user), "user": user}


def _interpreter(session: Session, answers: Mapping[str, Any]) -> dict[str, str]:
    """The profile of the user the interview names as the interpreter (``interpreter.user``),
    when the person does not read English; empty when that is no user of this laptop or has no
    profile (the forms' interpreter parts then stay blank and the cover sheet lists them)."""
    name = answers.get("interpreter.user")
    if answers.get("english.reads") is not False or not isinstance(name, str) or not name:
        return {}
    try:
        return session.profile(name.strip())
    except NotFound:
        return {}


def build_and_store_packet(
    session: Session,
    record_id: str,
    on: dt.date,
    library: FormLibrary,
    *,
    filing: str = "paper",
    lang: str | None = None,
    progress: Callable[[int, int, str], None] | None = None,
    rules: Policy | None = None,
    payment: str | None = None,
    preparer: Mapping[str, str] | None = None,
    attorney: str | None = None,
    contact: str = "",
) -> tuple[Packet, bool]:
    """Build a record's packet from its stored answers and its recorded screening (see the
    module's docstring), and store it encrypted with its copies (unless the same packet is
    stored already). Returns the packet and whether exactly it is approved."""
    if rules is None:
        from clinic.resources import policy

        rules = policy()
    state = session.load(record_id)
    was_approved, asked = state.approved_packet, on
    interpreter = _interpreter(session, state.answers)
    counsel = attorney_of_record(session, attorney) if attorney else None
    approved_info = _approved_build(
        session, record_id, state.approved_packet, filing, lang, payment, attorney
    )
    if approved_info is not None:  # rebuilding the approved packet: as it was made
        on = dt.date.fromisoformat(str(approved_info["date"]))
        chosen = approved_info.get("payment")
        payment = str(chosen) if chosen else None
        preparer = _person(approved_info, "preparer") or preparer
        interpreter = _person(approved_info, "interpreter") or {}
        counsel = _person(approved_info, "attorney")
        contact = str(approved_info.get("contact") or "")
    screened, determination = screening_for_build(session, record_id, on, rules, lang)
    state = session.load(record_id)
    packet = build_packet(
        state.answers,
        on,
        library,
        filing=filing,
        lang=lang,
        progress=progress,
        determination=determination,
        rules=rules,
        payment=payment,
        preparer=preparer,
        interpreter=interpreter,
        attorney=counsel,
        contact=contact,
    )
    files = [(f.name, f.data) for f in packet.files]
    if packet.packet_hash in state.packets:
        # built before; here only its event (from sync) may be, not its files or copies
        if not session.has_packet_files(record_id, packet.packet_hash):
            session.restore_packet_files(record_id, packet.packet_hash, files, _copies(packet))
        elif session.packet_copies(record_id, packet.packet_hash, DRAFT) is None:
            for kind, data in _copies(packet).items():
                session.store_packet_copies(record_id, packet.packet_hash, kind, data)
        current = (
            state.packets[-1] == packet.packet_hash
            and not state.packet_stale
            and state.status in (Status.IN_REVIEW, Status.APPROVED)
        )
        if not current:  # returned, or answers back to an older packet's: to review again
            session.resubmit_packet(record_id, packet.packet_hash)
            state = session.load(record_id)
    else:
        at_build = screened is None
        if screened is None:
            screened = _record_build_screening(session, record_id, on, rules, lang, determination)
        info: dict[str, Any] = {
            "date": on.isoformat(),
            "filing": packet.filing,
            "forms": packet.forms,
            "screening": screened.event_id,
        }
        if at_build:
            info["screened_at_build"] = True
        if lang:
            info["lang"] = lang
        if payment:
            info["payment"] = payment
        if packet.blank:
            info["blank"] = packet.blank  # what the record says the filer must still answer
        if preparer:
            info["preparer"] = dict(preparer)  # so another laptop rebuilds the same packet
        if interpreter:
            info["interpreter"] = dict(interpreter)
        if contact:
            info["contact"] = contact  # the clinic's, on the take-home sheet
        elif preparer_contact(preparer):  # none set: the preparer's own, from their profile
            info["contact_of_preparer"] = True
        if counsel:
            info["attorney"] = dict(counsel)  # the attorney of record: only they approve it
        session.store_packet(record_id, packet.packet_hash, files, info, _copies(packet))
        state = session.load(record_id)
    approved = state.approved_packet == packet.packet_hash
    if approved and on != asked:
        packet.notes.append(
            f"Nothing changed since the approval: built as of the approved packet's date "
            f"({on.isoformat()}), not {asked.isoformat()}, so it stays approved"
        )
    elif was_approved and not approved:
        packet.notes.append(
            f"This packet differs from the approved one ({was_approved[:12]}): it needs an "
            "attorney's review again"
        )
    return packet, approved


def _latest_packet(session: Session, record_id: str) -> tuple[str, bool]:
    state = _packet_state(session, record_id)
    return state.packets[-1], state.approved_packet == state.packets[-1]


def _packet_state(session: Session, record_id: str) -> RecordState:
    state = session.load(record_id)
    if not state.packets:
        raise StoreError(
            say("record {record} has no packet yet: build one first", record=record_id[:8])
        )
    return state


def _kept(
    session: Session,
    record_id: str,
    packet_hash: str,
    kind: str,
    make: Callable[[], list[tuple[str, bytes]]],
) -> list[tuple[str, bytes]]:
    """The stored copies of ``kind``; missing, made once with ``make`` and stored."""
    copies = session.packet_copies(record_id, packet_hash, kind)
    if copies is None:
        copies = make()
        session.store_packet_copies(record_id, packet_hash, kind, [d for _n, d in copies])
    return copies


def _files(
    session: Session, record_id: str, packet_hash: str, approved: bool
) -> list[tuple[str, bytes]]:
    if approved:
        return session.packet_files(record_id, packet_hash)
    return _kept(
        session,
        record_id,
        packet_hash,
        DRAFT,
        lambda: [(n, draft_mark(d)) for n, d in session.packet_files(record_id, packet_hash)],
    )


def stored_packet(session: Session, record_id: str) -> PacketView:
    """The latest stored packet, decrypted and checked; every page marked DRAFT unless approved
    (the draft copies kept at build; the clean files once approved)."""
    latest, approved = _latest_packet(session, record_id)
    return PacketView(record_id, latest, approved, _files(session, record_id, latest, approved))


def shown_packet(session: Session, record_id: str) -> PacketView:
    """The latest stored packet with its copies for the screen and the printer (flattened):
    decrypted only, or made once and kept when this laptop has none yet."""
    state = _packet_state(session, record_id)
    latest = state.packets[-1]
    approved = state.approved_packet == latest
    files = _files(session, record_id, latest, approved)
    shown = _kept(
        session,
        record_id,
        latest,
        SCREEN[approved],
        lambda: [(name, flatten(data)) for name, data in files],
    )
    info = next(
        (
            e.payload
            for e in reversed(session.events(record_id))
            if e.type is EventType.PACKET_BUILT and e.payload.get("packet_hash") == latest
        ),
        {},
    )
    counsel = _person(info, "attorney") or {}
    return PacketView(
        record_id,
        latest,
        approved,
        files,
        shown,
        payment=str(info.get("payment") or ""),
        attorney=counsel.get("user", ""),
        blank=tuple(str(b) for b in info.get("blank") or ()),
        approval_undone=state.approval_undone,
        contact=str(info.get("contact") or ""),
        contact_of_preparer=bool(info.get("contact_of_preparer")),
    )


def export_packet(session: Session, view: PacketView, folder: Path) -> list[Path]:
    """Write a packet's files into ``folder`` (each whole or not at all); the export is audited."""
    outside_clinic_folders(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written = [write_atomically(folder / name, data, private=True) for name, data in view.files]
    session.audit_export(view.record_id, f"packet {view.packet_hash[:12]} to a folder")
    return written


class Packets:
    """``desk.packets``: a record's packets, built, shown, printed and exported."""

    def __init__(self, desk: Desk) -> None:
        self._desk = desk

    def build(
        self,
        record_id: str,
        *,
        on: dt.date | None = None,
        filing: str = "paper",
        lang: str | None = None,
        progress: Callable[[int, int, str], None] | None = None,
        payment: str | None = None,
        attorney: str | None = None,
    ) -> tuple[Packet, bool]:
        """Build and store a record's packet as of ``on`` (today) from its recorded screening,
        its fees paid by ``payment`` (a method USCIS takes then; default the first), with the
        G-28 of ``attorney`` (an attorney user) when one represents the person. Returns the
        packet and whether exactly it is approved."""
        desk = self._desk
        try:
            return build_and_store_packet(
                desk.session,
                record_id,
                desk.on_or_today(on),
                desk.library(),
                filing=filing,
                lang=lang,
                progress=progress,
                rules=desk.policy,
                payment=payment,
                preparer=self.preparer(),
                attorney=attorney,
                contact=desk.session.contact(),
            )
        except FillError as exc:  # each answer named by its question, as the interview asks it
            questions = {q.key: q for q in desk.questionnaire.questions}
            raise FillError(
                [
                    dataclasses.replace(p, field=Named(dict(questions[p.field].label.by_lang)))
                    if p.field in questions
                    else p
                    for p in exc.problems
                ]
            ) from None

    def preparer(self) -> dict[str, str]:
        """The signed-in user's profile and role: the packet's preparer (empty: none yet)."""
        session = self._desk.session
        profile = session.profile(session.username)
        return {**profile, "role": session.role.value} if profile else {}

    def build_and_show(
        self,
        record_id: str,
        *,
        filing: str = "paper",
        progress: Callable[[int, int, str], None] | None = None,
        payment: str | None = None,
        attorney: str | None = None,
    ) -> PacketView:
        """Build and store a record's packet as of today, and return it as the screen shows it.
        ``progress`` counts every real step: each document, storing it encrypted, and making
        the copies the screen shows (the bar is full only when the packet can be shown)."""
        if progress is None:
            self.build(record_id, filing=filing, payment=payment, attorney=attorney)
            return shown_packet(self._desk.session, record_id)
        report = progress
        steps = [0]

        def building(done: int, total: int, what: str) -> None:
            steps[0] = total
            report(done, total + 2, what or "Storing it encrypted")

        self.build(record_id, filing=filing, progress=building, payment=payment, attorney=attorney)
        report(steps[0] + 1, steps[0] + 2, "Preparing it for the screen")
        view = shown_packet(self._desk.session, record_id)
        report(steps[0] + 2, steps[0] + 2, "")
        return view

    def build_from_answers(
        self,
        answers: Mapping[str, Any],
        *,
        on: dt.date | None = None,
        filing: str = "paper",
        lang: str | None = None,
        payment: str | None = None,
    ) -> Packet:
        """A draft packet from answers that are not a record (nothing is stored): the answers
        are screened as of ``on``."""
        desk = self._desk
        return build_packet(
            answers,
            desk.on_or_today(on),
            desk.library(),
            filing=filing,
            lang=lang,
            rules=desk.policy,
            payment=payment,
        )

    def write_built(self, record_id: str, packet: Packet, approved: bool, out: Path) -> None:
        """Write a packet just built into ``out`` (marked DRAFT unless approved), never into a
        clinic's data folder; audited."""
        packet.write(outside_clinic_folders(out), draft=not approved)
        self._desk.session.audit_export(record_id, f"packet {packet.packet_hash[:12]} to a folder")

    def view(self, record_id: str) -> PacketView:
        """The latest packet as the screen shows it (decrypted; see the module's docstring).
        Built on another laptop (only its event came through sync), it is rebuilt here from the
        same answers, date, forms and recorded screening, and kept if it is exactly the same."""
        session = self._desk.session
        latest, _approved = _latest_packet(session, record_id)
        if not session.has_packet_files(record_id, latest):
            self._rebuild(record_id, latest)
        return shown_packet(session, record_id)

    def _rebuild(self, record_id: str, packet_hash: str) -> None:
        session = self._desk.session
        events = session.events(record_id)
        built = max(
            (
                e
                for e in events
                if e.type is EventType.PACKET_BUILT and e.payload.get("packet_hash") == packet_hash
            ),
            key=lambda e: e.order_key,
        )
        determination: Mapping[str, Any] | None = None
        screening = built.payload.get("screening")
        if screening:  # packets built before it was named were screened at build, as then
            screened = [e for e in events if e.event_id == screening]
            if not screened:
                raise StoreError(
                    "this packet was built on another laptop from a screening that has not "
                    "arrived here yet: sync again"
                )
            determination = _determination(screened[0])
        lang = built.payload.get("lang")
        payment = built.payload.get("payment")
        prepared_by = built.payload.get("preparer")
        packet = build_packet(
            session.load(record_id).answers,
            dt.date.fromisoformat(str(built.payload.get("date"))),
            self._desk.library(),
            filing=str(built.payload.get("filing", "paper")),
            lang=str(lang) if lang else None,
            determination=determination,
            rules=self._desk.policy,
            payment=str(payment) if payment else None,
            preparer=dict(prepared_by) if isinstance(prepared_by, Mapping) else None,
        )
        if packet.packet_hash != packet_hash:
            raise StoreError(
                "this packet was built on another laptop, and rebuilding it here gives another "
                "packet (other forms installed?): review it on that laptop"
            )
        session.restore_packet_files(
            record_id,
            packet.packet_hash,
            [(f.name, f.data) for f in packet.files],
            _copies(packet),
        )

    def stored(self, record_id: str) -> PacketView:
        """The latest stored packet (marked DRAFT unless approved), not flattened."""
        return stored_packet(self._desk.session, record_id)

    def export(self, record_id: str, folder: Path) -> tuple[PacketView, list[Path]]:
        """Write the latest stored packet into ``folder``; audited. Returns the packet and the
        files written."""
        view = self.stored(record_id)
        return view, export_packet(self._desk.session, view, folder)

    def take_home(self, record_id: str) -> bytes:
        """The client's take-home sheet of the latest packet, as it was made: it is the
        client's, never filed, so it carries no DRAFT mark (and no SSN or A-Number)."""
        session = self._desk.session
        latest, _approved = _latest_packet(session, record_id)
        for name, data in session.packet_files(record_id, latest):
            if name == TAKE_HOME_SHEET:
                return data
        raise StoreError(
            say(
                "the packet of record {record} has no take-home sheet: build the packet again",
                record=record_id[:8],
            )
        )

    def audit_print(self, record_id: str, what: str) -> None:
        self._desk.session.audit_export(record_id, f"printed {what}")
