"""The files repository: a record's packet files, sealed on disk, and the copies made from
them (the draft-marked copies, the copies flattened for the screen).

Files live in ``packets/<record>/<packet hash>/`` beside the database, each sealed (AES-GCM
bound to record, packet and file) and written atomically; the ``packet_built`` event names
every file's hash, and a file is checked against it when opened. Copies are this laptop's: no
event names them, and they are made again from the files when missing.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from clinic.domain.events import Event, EventType
from clinic.safefile import write_atomically
from clinic.store.base import NotFound, RecordDamaged, Repository, StoreError, _fsync_dir
from clinic.store.vault import VaultError


class FileRepository(Repository):
    """Packet files and their copies (``session.store_packet``, ``session.packet_files``...)."""

    def _packet_dir(self, record_id: str, packet_hash: str) -> Path:
        return self.clinic.data_dir / "packets" / record_id / packet_hash

    def _latest_build(self, record_id: str, packet_hash: str) -> Event:
        """The latest ``packet_built`` event of ``packet_hash``."""
        built = [
            e
            for e in self._read_events(record_id)
            if e.type is EventType.PACKET_BUILT and e.payload.get("packet_hash") == packet_hash
        ]
        if not built:
            raise NotFound(f"record {record_id} has no packet {packet_hash[:12]}")
        return built[-1]

    def _packet_listing(self, record_id: str, packet_hash: str) -> list[Mapping[str, Any]]:
        """The files the latest ``packet_built`` event of ``packet_hash`` names."""
        files = self._latest_build(record_id, packet_hash).payload.get("files", [])
        return [f for f in files if isinstance(f, Mapping)]

    def store_packet(
        self,
        record_id: str,
        packet_hash: str,
        files: Sequence[tuple[str, bytes]],
        info: Mapping[str, Any],
        copies: Mapping[str, Sequence[bytes]] | None = None,
    ) -> Event:
        """Store a packet's files encrypted (AES-GCM, bound to record, packet and file) and
        record ``packet_built`` naming every file's hash. Files are written before the event,
        each atomically: a crash leaves at most unreferenced ciphertext, never a half packet.
        ``copies`` (kind -> one copy per file, see :meth:`store_packet_copies`) are written with
        the files, before the event."""
        listing = self._write_packet_files(record_id, packet_hash, files)
        for kind, data in (copies or {}).items():
            self._write_packet_copies(record_id, packet_hash, kind, data, len(files))
        payload = {"packet_hash": packet_hash, "files": listing, **dict(info)}
        return self._append_event(record_id, EventType.PACKET_BUILT, payload)

    def resubmit_packet(self, record_id: str, packet_hash: str) -> Event:
        """Send a packet built before back to review as it was built (an attorney returned it
        and the volunteer built it again with nothing changed, or the answers went back to
        what it was built from): ``packet_built`` again, with the payload it was built with."""
        built = self._latest_build(record_id, packet_hash)
        return self._append_event(record_id, EventType.PACKET_BUILT, dict(built.payload))

    def _write_packet_files(
        self, record_id: str, packet_hash: str, files: Sequence[tuple[str, bytes]]
    ) -> list[dict[str, str]]:
        folder = self._packet_dir(record_id, packet_hash)
        folder.mkdir(parents=True, exist_ok=True)
        listing: list[dict[str, str]] = []
        for n, (name, data) in enumerate(files):
            blob = self.keys.seal_file(record_id, f"{packet_hash}/{n}", data)
            write_atomically(folder / f"{n:02d}.bin", blob)
            listing.append({"name": name, "sha256": hashlib.sha256(data).hexdigest()})
        _fsync_dir(folder)
        return listing

    def restore_packet_files(
        self,
        record_id: str,
        packet_hash: str,
        files: Sequence[tuple[str, bytes]],
        copies: Mapping[str, Sequence[bytes]] | None = None,
    ) -> None:
        """Keep the files of a packet built on another laptop (its event came through sync),
        rebuilt here: only when every file is exactly the one its event names. ``copies`` as
        for :meth:`store_packet`."""
        wanted = [
            (str(f.get("name")), str(f.get("sha256")))
            for f in self._packet_listing(record_id, packet_hash)
        ]
        have = [(name, hashlib.sha256(data).hexdigest()) for name, data in files]
        if have != wanted:
            raise StoreError(
                f"packet {packet_hash[:12]}: rebuilt here, it differs from the one built on the "
                "other laptop (other forms installed?)"
            )
        self._write_packet_files(record_id, packet_hash, files)
        for kind, data in (copies or {}).items():
            self._write_packet_copies(record_id, packet_hash, kind, data, len(files))

    def has_packet_files(self, record_id: str, packet_hash: str) -> bool:
        """Whether this laptop holds the files of a packet (a packet built on another laptop
        arrives by sync as its event only). Nothing is decrypted."""
        count = len(self._packet_listing(record_id, packet_hash))
        folder = self._packet_dir(record_id, packet_hash)
        return all((folder / f"{n:02d}.bin").is_file() for n in range(count))

    def packet_files(self, record_id: str, packet_hash: str) -> list[tuple[str, bytes]]:
        """Decrypt a stored packet; every file is checked against the hash its event names."""
        out: list[tuple[str, bytes]] = []
        for n, entry in enumerate(self._packet_listing(record_id, packet_hash)):
            path = self._packet_dir(record_id, packet_hash) / f"{n:02d}.bin"
            try:
                data = self.keys.open_file(record_id, f"{packet_hash}/{n}", path.read_bytes())
            except (OSError, VaultError) as exc:
                raise RecordDamaged(
                    record_id, f"packet file {entry.get('name')} cannot be opened ({exc})"
                ) from None
            if hashlib.sha256(data).hexdigest() != entry.get("sha256"):
                raise RecordDamaged(
                    record_id, f"packet file {entry.get('name')} does not match its hash"
                )
            out.append((str(entry.get("name")), data))
        return out

    @staticmethod
    def _copy_kind(kind: str) -> str:
        if not kind or not all(c.isascii() and (c.isalnum() or c == "-") for c in kind):
            raise ValueError(f"a packet copy's kind is letters, digits and '-', not {kind!r}")
        return kind

    def _write_packet_copies(
        self, record_id: str, packet_hash: str, kind: str, copies: Sequence[bytes], count: int
    ) -> None:
        self._copy_kind(kind)
        if len(copies) != count:
            raise StoreError(
                f"packet {packet_hash[:12]}: {len(copies)} {kind} copies, {count} files"
            )
        folder = self._packet_dir(record_id, packet_hash)
        folder.mkdir(parents=True, exist_ok=True)
        for n, data in enumerate(copies):
            blob = self.keys.seal_file(record_id, f"{packet_hash}/{kind}/{n}", data)
            write_atomically(folder / f"{kind}-{n:02d}.copy", blob)
        _fsync_dir(folder)

    def store_packet_copies(
        self, record_id: str, packet_hash: str, kind: str, copies: Sequence[bytes]
    ) -> None:
        """Keep copies made from a stored packet's files, one per file in the packet's order
        (``kind`` names them: the draft-marked copies, the copies flattened for the screen).
        Sealed like the files, bound to record, packet, kind and file, so a copy opens only as
        what it was stored as; no event names them: they are this laptop's, made again from
        the files when missing."""
        count = len(self._packet_listing(record_id, packet_hash))
        self._write_packet_copies(record_id, packet_hash, kind, copies, count)

    def packet_copies(
        self, record_id: str, packet_hash: str, kind: str
    ) -> list[tuple[str, bytes]] | None:
        """The stored copies of ``kind`` with the names of their files, decrypted; ``None``
        when this laptop has not stored them all (make them from the files, then store them).
        Raises :class:`RecordDamaged` when one is there but cannot be opened."""
        self._copy_kind(kind)
        listing = self._packet_listing(record_id, packet_hash)
        folder = self._packet_dir(record_id, packet_hash)
        out: list[tuple[str, bytes]] = []
        for n, entry in enumerate(listing):
            path = folder / f"{kind}-{n:02d}.copy"
            try:
                blob = path.read_bytes()
            except FileNotFoundError:
                return None
            except OSError as exc:
                raise RecordDamaged(
                    record_id, f"the {kind} copy of {entry.get('name')} cannot be read ({exc})"
                ) from None
            try:
                data = self.keys.open_file(record_id, f"{packet_hash}/{kind}/{n}", blob)
            except VaultError as exc:
                raise RecordDamaged(
                    record_id, f"the {kind} copy of {entry.get('name')} cannot be opened ({exc})"
                ) from None
            out.append((str(entry.get("name")), data))
        return out
