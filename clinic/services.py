"""The operations of a clinic day, as one service object the desktop app calls (no Qt here).

The GUI (``clinic.gui``) never opens a database session or a file itself: it hands a call on
:class:`Desk` to its one worker thread (``clinic.gui.ops``) and gets the result back on the GUI
thread, the way Anki's ``aqt/operations`` run collection changes. ``clinic.cli`` shares the packet
operations below, so the command line and the app build and export packets the same way.

A :class:`Desk` holds at most one signed-in :class:`~clinic.store.clinic.Session` (the keys);
:meth:`Desk.lock` drops it. Every method that reads records needs it and raises
:class:`Locked` without it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from clinic import clock
from clinic.domain.answers import ANSWER_KEYS, normalize_answers
from clinic.domain.events import Event, EventType, RecordState, Status
from clinic.domain.policy import Policy
from clinic.domain.questionnaire import Questionnaire
from clinic.domain.roles import Role
from clinic.domain.rules import screen
from clinic.packet.assemble import Packet, build_packet
from clinic.packet.library import FormLibrary, InstalledForm
from clinic.safefile import write_atomically
from clinic.store.clinic import (
    DB_NAME,
    Clinic,
    RecordDamaged,
    Session,
    StoreError,
    UserInfo,
    create_clinic,
)

STATIONS = ("check_in", "screening", "forms", "review", "done")
CHECK_IN_KEYS = frozenset({"name.family", "name.given", "name.native", "dob", "language"})


class Locked(StoreError):
    """No one is signed in (or the idle lock dropped the keys)."""


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


@dataclass(frozen=True)
class RecordView:
    """A person's record for the record screen."""

    state: RecordState
    timeline: list[TimelineEntry]
    draft: Mapping[str, Any] | None
    elsewhere: tuple[str, ...] = ()  # identifiers shared with a person on another laptop


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

    def for_screen(self) -> list[tuple[str, bytes]]:
        """The files as the viewer and the printer show them."""
        return self.shown or self.files


def on_screen(view: PacketView) -> PacketView:
    """``view`` with its files flattened for the screen and the printer."""
    from clinic.packet.flatten import flatten

    shown = [(name, flatten(data)) for name, data in view.files]
    return dataclasses.replace(view, shown=shown)


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


@dataclass(frozen=True)
class SignedIn:
    """Who is signed in."""

    username: str
    role: Role
    site: str
    timezone: str


def _row(state: RecordState, elsewhere: tuple[str, ...] = ()) -> BoardRow:
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
    )


def _summary(ev: Event) -> str:
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
        item = f" on {p['item']}" if p.get("item") else ""
        return f"{p.get('text', '')}{item}"
    if ev.type is EventType.REVIEW_APPROVED:
        return f"approved packet {str(p.get('packet_hash', ''))[:12]}"
    if ev.type is EventType.CREATED:
        return str(p.get("kind", "intake"))
    return ""


# -- packets: shared by the command line and the app -------------------------------------------


def build_and_store_packet(
    session: Session,
    record_id: str,
    on: dt.date,
    library: FormLibrary,
    *,
    filing: str = "paper",
    lang: str | None = None,
    progress: Callable[[int, int, str], None] | None = None,
) -> tuple[Packet, bool]:
    """Build a record's packet from its stored answers and store it encrypted (unless the same
    packet is stored already). Returns the packet and whether exactly it is approved."""
    state = session.load(record_id)
    packet = build_packet(state.answers, on, library, filing=filing, lang=lang, progress=progress)
    files = [(f.name, f.data) for f in packet.files]
    if packet.packet_hash in state.packets:
        try:  # built before; here only its event (from sync) may be, not its files
            session.packet_files(record_id, packet.packet_hash)
        except RecordDamaged:
            session.restore_packet_files(record_id, packet.packet_hash, files)
    else:
        session.store_packet(
            record_id,
            packet.packet_hash,
            files,
            {"date": on.isoformat(), "filing": packet.filing, "forms": packet.forms},
        )
        state = session.load(record_id)
    return packet, state.approved_packet == packet.packet_hash


def stored_packet(session: Session, record_id: str) -> PacketView:
    """The latest stored packet, decrypted and checked; every page marked DRAFT unless approved."""
    from clinic.packet.documents import draft_mark

    state = session.load(record_id)
    if not state.packets:
        raise StoreError(f"record {record_id[:8]} has no packet yet: build one first")
    latest = state.packets[-1]
    approved = state.approved_packet == latest
    files = [
        (name, data if approved else draft_mark(data))
        for name, data in session.packet_files(record_id, latest)
    ]
    return PacketView(record_id, latest, approved, files)


def export_packet(session: Session, view: PacketView, folder: Path) -> list[Path]:
    """Write a packet's files into ``folder`` (each whole or not at all); the export is audited."""
    folder.mkdir(parents=True, exist_ok=True)
    written = [write_atomically(folder / name, data) for name, data in view.files]
    session.audit_export(view.record_id, f"packet {view.packet_hash[:12]} to a folder")
    return written


# -- the desk -----------------------------------------------------------------------------------


class Desk:
    """Everything the desktop app does with a clinic data folder. Call from one thread only."""

    def __init__(
        self,
        data_dir: Path,
        *,
        forms_dir: Path | None = None,
    ) -> None:
        self.data_dir = data_dir
        self.forms_dir = forms_dir or data_dir / "forms"
        self._clinic: Clinic | None = None
        self._session: Session | None = None
        self._policy: Policy | None = None
        self._questionnaire: Questionnaire | None = None

    # -- opening, signing in, locking ---------------------------------------------------------

    def has_clinic(self) -> bool:
        return (self.data_dir / DB_NAME).is_file()

    def create(self, site: str, admin: str, passphrase: str, *, kdf_seconds: float = 0.5) -> None:
        """Create a new clinic in the data folder (refused if one is there)."""
        create_clinic(
            self.data_dir, site=site, admin=admin, passphrase=passphrase, kdf_seconds=kdf_seconds
        )

    def build_demo(self, *, people: int = 40, kdf_seconds: float = 0.5) -> None:
        """Build the demo clinic of synthetic people in the data folder (unless it exists)."""
        from clinic.demo import DEMO_SEED, DEMO_SITE, build_demo

        build_demo(
            self.data_dir,
            people=people,
            seed=DEMO_SEED,
            today=self.today(),
            site=DEMO_SITE,
            kdf_seconds=kdf_seconds,
        )

    def today(self) -> dt.date:
        """Today in the clinic's time zone (the machine's before a clinic exists), by the one
        clock (:mod:`clinic.clock`)."""
        zone = self._open().timezone if self.has_clinic() else None
        return clock.today(zone)

    def _open(self) -> Clinic:
        if self._clinic is None:
            self._clinic = Clinic(self.data_dir)
        return self._clinic

    def site(self) -> str:
        return self._open().site

    def sign_in_names(self) -> list[tuple[str, Role]]:
        return self._open().sign_in_names()

    def sign_in(self, username: str, passphrase: str) -> SignedIn:
        clinic = self._open()
        self._session = clinic.unlock(username, passphrase)
        return SignedIn(username, self._session.role, clinic.site, clinic.timezone)

    def lock(self) -> None:
        """Drop the keys: the session (and with it the data key) is released."""
        self._session = None

    def close(self) -> None:
        self.lock()
        if self._clinic is not None:
            self._clinic.close()
            self._clinic = None

    @property
    def session(self) -> Session:
        if self._session is None:
            raise Locked("signed out: sign in again to continue")
        return self._session

    @property
    def policy(self) -> Policy:
        if self._policy is None:
            from clinic.resources import policy

            self._policy = policy()
        return self._policy

    @property
    def questionnaire(self) -> Questionnaire:
        if self._questionnaire is None:
            from clinic.resources import questionnaire

            self._questionnaire = questionnaire()
        return self._questionnaire

    def translation(self, lang: str, qt_dir: Path | None = None) -> list[bytes]:
        """The staff interface's compiled translations for ``lang`` (read on the worker)."""
        from clinic.resources import translation

        return translation(lang, qt_dir)

    def resources(self) -> tuple[Questionnaire, Policy]:
        """The questionnaire and the dated rules, loaded once (the GUI screens with them)."""
        return self.questionnaire, self.policy

    def local_date(self, at: str) -> dt.date:
        return clock.local_date(at, self._open().timezone)

    def _local_time(self, at: str) -> str:
        zone = clock.zone(self._open().timezone)
        return dt.datetime.fromisoformat(at).astimezone(zone).strftime("%Y-%m-%d %H:%M")

    # -- the board ----------------------------------------------------------------------------

    def board(self, *, all_days: bool = False) -> Board:
        """The people of today (anyone with an event today, local time), or of every day."""
        session = self.session
        today = self.today()
        rows: list[BoardRow] = []
        damaged: list[str] = []
        matches: dict[str, list[str]] = json.loads(session.sync_setting("matches") or "{}")
        for record_id in session.record_ids():
            try:
                state = session.load(record_id)
            except RecordDamaged as exc:
                damaged.append(str(exc))
                continue
            if all_days or (state.updated_at and self.local_date(state.updated_at) == today):
                rows.append(_row(state, tuple(matches.get(record_id, ()))))
        rows.sort(key=lambda r: r.updated_at, reverse=True)
        return Board(rows, damaged)

    def search(self, query: str) -> list[BoardRow]:
        """People matching an A-Number or SSN (blind index), a family name and birth date
        ("Lee 1999-04-02", blind index), a birth date, or part of a name."""
        from clinic.domain.answers import validate_answers

        session = self.session
        text = " ".join(query.split())
        if not text:
            return []
        digits = "".join(c for c in text if c.isdigit())
        ids: list[str] | None = None
        if text[:1] in "Aa" and 7 <= len(digits) <= 9 and not text[1:2].isalpha():
            ids = session.find_by_a_number(text)
        elif len(digits) == 9 and all(c.isdigit() or c in "- " for c in text):
            ids = session.find_by_ssn(text)
        else:
            parts = text.rsplit(" ", 1)
            if len(parts) == 2 and not validate_answers({"dob": parts[1]}):
                if not validate_answers({"name.family": parts[0]}):
                    ids = session.find_by_name_dob(parts[0], parts[1])
        if ids is not None:
            return [_row(session.load(rid)) for rid in ids]
        needle = text.casefold()
        found = []
        for row in self.board(all_days=True).rows:
            if (
                text == row.dob
                or needle in " ".join((row.family, row.given, row.native)).casefold()
            ):
                found.append(row)
        return found

    def similar(
        self, answers: Mapping[str, Any], *, exclude: str | None = None
    ) -> list[tuple[BoardRow, str]]:
        """Stored people who look like these answers, with what matched (A-Number, SSN or
        family name and birth date)."""
        session = self.session
        return [
            (_row(session.load(rid)), kind)
            for rid, kind in session.possible_duplicates(answers, exclude=exclude)
        ]

    def log_inquiry(self, language: str, topic: str) -> str:
        """Count someone informed (no name, no answers): a language and a topic code."""
        return self.session.log_inquiry(language, topic)

    def set_site(self, site: str) -> str:
        self.session.set_site(site)
        return self.session.clinic.site

    def new_person(self, answers: Mapping[str, Any]) -> str:
        """Check a person in (name, birth date, language...); returns the new record's id."""
        result = self.session.import_people([answers], source="check-in")
        return result.record_ids[0]

    # -- the interview ------------------------------------------------------------------------

    def record(self, record_id: str) -> RecordView:
        session = self.session
        state = session.show(record_id)
        timeline = [
            TimelineEntry(self._local_time(e.at), e.author, e.type.value, _summary(e))
            for e in sorted(session.events(record_id), key=lambda e: e.order_key)
        ]
        matches: dict[str, list[str]] = json.loads(session.sync_setting("matches") or "{}")
        return RecordView(
            state, timeline, session.load_draft(record_id), tuple(matches.get(record_id, ()))
        )

    def save_draft(self, record_id: str, draft: Mapping[str, Any]) -> None:
        self.session.save_draft(record_id, draft)

    def discard_draft(self, record_id: str) -> None:
        self.session.discard_draft(record_id)

    def save_answers(self, record_id: str, answers: Mapping[str, Any]) -> int:
        """Store the valid answers (only the fields that changed are recorded); returns how
        many changed."""
        return len(self.session.set_answers(record_id, answers))

    def set_answer(self, record_id: str, key: str, value: Any) -> int:
        """Change (or with ``None`` clear) one stored answer, as the record screen edits it."""
        if key not in ANSWER_KEYS:
            raise StoreError(f"{key}: not an answer this clinic records")
        answers = dict(self.session.load(record_id).answers)
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
        normalized = normalize_answers(answers)
        self.save_answers(record_id, normalized)
        today = self.today()
        det = screen(normalized, today, self.policy, lang).to_json()
        self.session.append_event(
            record_id, EventType.SCREENED, {"determination": det, "on": today.isoformat()}
        )
        self.session.discard_draft(record_id)
        return det

    # -- packets ------------------------------------------------------------------------------

    def library(self) -> FormLibrary:
        return FormLibrary(self.forms_dir)

    def build_packet(
        self,
        record_id: str,
        *,
        filing: str = "paper",
        progress: Callable[[int, int, str], None] | None = None,
    ) -> PacketView:
        build_and_store_packet(
            self.session, record_id, self.today(), self.library(), filing=filing, progress=progress
        )
        return on_screen(stored_packet(self.session, record_id))

    def packet(self, record_id: str) -> PacketView:
        """The latest packet. Built on another laptop (only its event came through sync), it is
        rebuilt here from the same answers, date and forms, and kept if it is exactly the same."""
        try:
            return on_screen(stored_packet(self.session, record_id))
        except RecordDamaged as exc:
            if "No such file" not in str(exc):
                raise
        session = self.session
        state = session.load(record_id)
        built = [
            e
            for e in session.events(record_id)
            if e.type is EventType.PACKET_BUILT
            and e.payload.get("packet_hash") == state.packets[-1]
        ][-1]
        on = dt.date.fromisoformat(str(built.payload.get("date")))
        packet = build_packet(
            state.answers, on, self.library(), filing=str(built.payload.get("filing", "paper"))
        )
        if packet.packet_hash != state.packets[-1]:
            raise StoreError(
                "this packet was built on another laptop, and rebuilding it here gives another "
                "packet (other forms installed?): review it on that laptop"
            )
        session.restore_packet_files(
            record_id, packet.packet_hash, [(f.name, f.data) for f in packet.files]
        )
        return on_screen(stored_packet(session, record_id))

    def export_packet(self, record_id: str, folder: Path) -> list[Path]:
        return export_packet(self.session, stored_packet(self.session, record_id), folder)

    def audit_print(self, record_id: str, what: str) -> None:
        self.session.audit_export(record_id, f"printed {what}")

    # -- review -------------------------------------------------------------------------------

    def review_queue(self) -> list[BoardRow]:
        """Packets awaiting an attorney, oldest first."""
        rows = [r for r in self.board(all_days=True).rows if r.status == Status.IN_REVIEW.value]
        return sorted(rows, key=lambda r: r.updated_at)

    def review(
        self,
        record_id: str,
        action: str,
        text: str = "",
        item: str | None = None,
        packet_hash: str | None = None,
    ) -> None:
        """Review the packet the attorney is looking at (``packet_hash``): refused if a newer
        one was built meanwhile."""
        self.session.review(record_id, action, text, item, packet_hash)

    # -- sync ---------------------------------------------------------------------------------

    def sync_status(self) -> SyncStatus:
        session = self.session
        server = session.sync_setting("server") or ""
        last = session.sync_setting("last_sync") or ""
        return SyncStatus(
            enrolled=bool(server) and session.sync_secret("token") is not None,
            server=server,
            role=session.sync_setting("role") or "",
            last_sync=self._local_time(last) if last else "",
            pending=session.outbox_count(),
            error=session.sync_setting("last_error") or "",
            matches=json.loads(session.sync_setting("matches") or "{}"),
            alerts=json.loads(session.sync_setting("alerts") or "[]"),
            has_org_key=session.sync_secret("org_private_key") is not None,
        )

    def sync(self) -> SyncStatus:
        """One sync now (push, then pull). Its outcome, or its error, is kept for the status
        line; the error is raised again for the caller's backoff."""
        from clinic.store.clinic import now_utc
        from clinic.sync.client import SyncClient, SyncError

        session = self.session
        try:
            report = SyncClient(session, forms_dir=self.forms_dir).sync()
        except (SyncError, StoreError) as exc:
            session.set_sync_settings({"last_error": str(exc)})
            raise
        except Exception as exc:  # recorded for the status line too, by its kind only
            session.set_sync_settings({"last_error": f"sync failed ({type(exc).__name__})"})
            raise
        matches: dict[str, list[str]] = json.loads(session.sync_setting("matches") or "{}")
        for record_id, _other, kind in report.matches:
            kinds = matches.setdefault(record_id, [])
            if kind not in kinds:
                kinds.append(kind)
        errors = []
        if report.rejected:
            errors.append(f"the server refused {len(report.rejected)} event(s)")
        if report.audit_warning:
            errors.append(report.audit_warning)
        if report.rejected_packs:
            names = ", ".join(report.rejected_packs)
            errors.append(f"form pack(s) whose signature does not match: {names}")
        session.set_sync_settings(
            {
                "last_sync": now_utc(),
                "last_error": "; ".join(errors) or None,
                "matches": json.dumps(matches, sort_keys=True),
            }
        )
        return self.sync_status()

    def enroll(self, server: str, code: str, name: str) -> SyncStatus:
        from clinic.sync.client import SyncClient

        SyncClient(self.session).enroll(server, code, name)
        return self.sync_status()

    def import_org_key(self, path: Path, passphrase: str) -> SyncStatus:
        from clinic.sync.client import SyncClient

        try:
            text = path.read_text("utf-8")
        except OSError as exc:
            raise StoreError(f"{path.name}: cannot be read ({exc.strerror})") from None
        SyncClient(self.session).import_org_keys(text, passphrase)
        return self.sync_status()

    def make_enroll_code(self, role: str) -> str:
        from clinic.sync.client import SyncClient

        return SyncClient(self.session).make_enroll_code(role)

    def resolve_conflict(self, record_id: str, key: str, value: Any) -> None:
        self.session.resolve_conflict(record_id, key, value)

    # -- coordinator --------------------------------------------------------------------------

    def counts(self, date_from: dt.date, date_to: dt.date) -> Any:
        """The de-identified counts of a period (``clinic.reports``)."""
        from clinic.reports.counts import counts_for

        return counts_for(self.session, date_from, date_to)

    def export_counts(self, report: Any, path: Path, fmt: str) -> Path:
        from clinic.reports import export

        if fmt == "csv":
            data = export.to_csv(report).encode("utf-8")
        elif fmt == "pdf":
            data = export.to_pdf(report, site_title=self.site())
        elif fmt == "xlsx":
            data = export.to_xlsx(report, site_title=self.site())
        else:
            raise StoreError(f"format: {fmt} is not csv, xlsx or pdf")
        return write_atomically(path, data)

    def users(self) -> list[UserInfo]:
        return self.session.list_users()

    def add_user(self, username: str, role: str, passphrase: str) -> None:
        self.session.add_user(username, role, passphrase)

    def disable_user(self, username: str) -> None:
        self.session.disable_user(username)

    def installed_forms(self) -> list[InstalledForm]:
        return self.library().installed()

    def install_forms(self, paths: Sequence[Path]) -> list[InstalledForm]:
        library = self.library()
        return [library.install(p) for p in paths]

    def verify_form(self, path: Path) -> str:
        """Which form and edition a PDF is, or a :class:`LibraryError` saying why it is not."""
        return self.library().recognise(path).key

    def automap(self, path: Path, out: Path) -> AutomapDraft:
        """Draft a form pack for a new edition into ``out`` (YAML), for a person to check line
        by line against the PDF and then confirm."""
        from clinic.packet.automap import draft_pack

        try:
            draft = draft_pack(path)
        except ValueError as exc:
            raise StoreError(f"{path.name}: cannot draft a pack ({exc})") from None
        text = draft.to_yaml()
        write_atomically(out, text.encode("utf-8"))
        fields, blank = draft.pack.get("fields", {}), draft.pack.get("blank", {})
        summary = (
            f"{len(fields)} field(s) mapped, {len(blank)} blank, {len(draft.unmatched)} matched "
            "no rule"
        )
        return AutomapDraft(pdf=path, draft=out, summary=summary, text=text)

    def confirm_pack(self, draft: Path, pdf: Path) -> InstalledForm:
        return self.library().confirm(draft, pdf)

    def program_notices(self, lang: str) -> list[str]:
        """What the dated program-status data says today, in ``lang`` (en, ko or es), with the
        date it took effect and its source."""
        status = self.policy.status_on(self.today())
        lines = [n.text(lang) for n in status.notices]
        lines.append(f"{status.effective.isoformat()} · {status.source}")
        alerts = json.loads(self.session.sync_setting("alerts") or "[]")
        for alert in alerts:  # from the organization, through sync
            text = alert.get(lang) or alert.get("en", "")
            lines.append(f"{alert.get('effective', '')} · {text}")
        return lines


def default_data_dir() -> Path:
    """``CLINIC_DATA``, else ``~/ClinicDay``."""
    return Path(os.environ.get("CLINIC_DATA") or Path.home() / "ClinicDay").expanduser()
