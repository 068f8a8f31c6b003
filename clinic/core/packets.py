"""Packets: build a record's packet and keep it encrypted, show it, print and export it.

The command line and the app build, store and export packets through these same functions."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from clinic.core.views import PacketView
from clinic.domain.events import EventType
from clinic.packet.assemble import Packet, build_packet
from clinic.packet.library import FormLibrary
from clinic.safefile import write_atomically
from clinic.store.clinic import RecordDamaged, Session, StoreError

if TYPE_CHECKING:
    from clinic.core.desk import Desk


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


def on_screen(view: PacketView) -> PacketView:
    """``view`` with its files flattened for the screen and the printer."""
    from clinic.packet.flatten import flatten

    shown = [(name, flatten(data)) for name, data in view.files]
    return dataclasses.replace(view, shown=shown)


def export_packet(session: Session, view: PacketView, folder: Path) -> list[Path]:
    """Write a packet's files into ``folder`` (each whole or not at all); the export is audited."""
    folder.mkdir(parents=True, exist_ok=True)
    written = [write_atomically(folder / name, data) for name, data in view.files]
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
    ) -> tuple[Packet, bool]:
        """Build and store a record's packet as of ``on`` (today). Returns the packet and
        whether exactly it is approved."""
        desk = self._desk
        return build_and_store_packet(
            desk.session,
            record_id,
            desk.on_or_today(on),
            desk.library(),
            filing=filing,
            lang=lang,
            progress=progress,
        )

    def build_and_show(
        self,
        record_id: str,
        *,
        filing: str = "paper",
        progress: Callable[[int, int, str], None] | None = None,
    ) -> PacketView:
        """Build and store a record's packet as of today, and return it as the screen shows it."""
        self.build(record_id, filing=filing, progress=progress)
        return on_screen(stored_packet(self._desk.session, record_id))

    def build_from_answers(
        self,
        answers: Mapping[str, Any],
        *,
        on: dt.date | None = None,
        filing: str = "paper",
        lang: str | None = None,
    ) -> Packet:
        """A draft packet from answers that are not a record (nothing is stored)."""
        desk = self._desk
        return build_packet(answers, desk.on_or_today(on), desk.library(), filing=filing, lang=lang)

    def write_built(self, record_id: str, packet: Packet, approved: bool, out: Path) -> None:
        """Write a packet just built into ``out`` (marked DRAFT unless approved); audited."""
        packet.write(out, draft=not approved)
        self._desk.session.audit_export(record_id, f"packet {packet.packet_hash[:12]} to a folder")

    def view(self, record_id: str) -> PacketView:
        """The latest packet as the screen shows it. Built on another laptop (only its event
        came through sync), it is rebuilt here from the same answers, date and forms, and kept
        if it is exactly the same."""
        session = self._desk.session
        try:
            return on_screen(stored_packet(session, record_id))
        except RecordDamaged as exc:
            if "No such file" not in str(exc):
                raise
        state = session.load(record_id)
        built = [
            e
            for e in session.events(record_id)
            if e.type is EventType.PACKET_BUILT
            and e.payload.get("packet_hash") == state.packets[-1]
        ][-1]
        on = dt.date.fromisoformat(str(built.payload.get("date")))
        packet = build_packet(
            state.answers,
            on,
            self._desk.library(),
            filing=str(built.payload.get("filing", "paper")),
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

    def stored(self, record_id: str) -> PacketView:
        """The latest stored packet (marked DRAFT unless approved), not flattened."""
        return stored_packet(self._desk.session, record_id)

    def export(self, record_id: str, folder: Path) -> tuple[PacketView, list[Path]]:
        """Write the latest stored packet into ``folder``; audited. Returns the packet and the
        files written."""
        view = self.stored(record_id)
        return view, export_packet(self._desk.session, view, folder)

    def audit_print(self, record_id: str, what: str) -> None:
        self._desk.session.audit_export(record_id, f"printed {what}")
