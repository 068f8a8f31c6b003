"""The official PDFs a clinic has: installed into its data folder, or read from a folder.

A PDF is recognised by its SHA-256 against the packs' (the exact file USCIS publishes), then
verified in full (edition on every page, field inventory, types, on-states). A PDF of an edition
without a pack is refused with the edition it shows and the one USCIS accepts, and the suggestion
to draft a pack with ``clinic forms automap``. Which edition fills a packet depends on the date:
only an edition USCIS accepts on that day is used.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from clinic import clock
from clinic.errors import ClinicError
from clinic.packet.packs import (
    Pack,
    PackError,
    VerifyError,
    all_packs,
    find_edition,
    load_pack,
    open_pdf,
    page_texts,
    parse_pack,
    sha256_of,
    verify_pdf,
)
from clinic.packet.template import OWN_FOLDER
from clinic.safefile import write_atomically

LOCAL_PACKS = "packs"  # DATA/forms/packs/<form>/<edition date>.yaml


class LibraryError(ClinicError, ValueError):
    """A form cannot be installed or used; the message says which and what to do."""


@dataclass(frozen=True)
class InstalledForm:
    """An official PDF, verified against its pack."""

    pack: Pack
    path: Path


def identify_form(texts: list[str]) -> str | None:
    """The form number printed on the PDF (``I-821D``, ``I-765``, ``G-1450``...)."""
    for text in texts:
        m = re.search(r"Form\s+([GI]-\d+[A-Z]*(?:WS)?)", " ".join(text.split()))
        if m:
            return m.group(1)
    return None


def _window(pack: Pack) -> str:
    if pack.accepted_until is None:
        return f"{pack.edition} (accepted from {pack.accepted_from.isoformat()})"
    return (
        f"{pack.edition} (accepted {pack.accepted_from.isoformat()} to "
        f"{pack.accepted_until.isoformat()})"
    )


class FormLibrary:
    """The forms in one folder, with the packs that describe their editions."""

    def __init__(self, folder: Path, packs: list[Pack] | None = None) -> None:
        self.folder = folder
        self.packs = packs if packs is not None else all_packs() + self.local_packs()
        self._by_hash = {p.sha256: p for p in self.packs if p.sha256}
        self._hashes: dict[tuple[str, int, int], str] = {}

    def local_packs(self) -> list[Pack]:
        """Packs a person confirmed for this clinic (``clinic forms confirm``)."""
        folder = self.folder / LOCAL_PACKS
        return all_packs(folder) if folder.is_dir() else []

    def confirm(self, draft: Path, pdf: Path, *, checked: bool = False) -> InstalledForm:
        """A person checked ``draft`` (from ``clinic forms automap``): verify ``pdf`` against it in
        full, keep it as this clinic's pack for that edition, and install the PDF.

        Refused until the person says so in the draft (``accepted.confirmed: true``), and until
        its window is known: an end date (``accepted.until``), or none for the newest edition
        of the form known here (its window is open). ``checked``: the person said so on the
        screen (the app's "I checked every line"), which the kept pack records."""
        import yaml

        text = draft.read_text(encoding="utf-8")
        if checked:  # the pack's own line, not the warning comment that mentions it
            text = "\n".join(
                line
                if line.lstrip().startswith("#")
                else re.sub(r"\bconfirmed:\s*false\b", "confirmed: true", line)
                for line in text.split("\n")
            )
        try:
            pack = parse_pack(yaml.safe_load(text), str(draft))
        except (PackError, yaml.YAMLError, AttributeError, TypeError) as exc:
            raise LibraryError(f"{draft.name}: not a valid pack ({exc})") from None
        if any(p.key == pack.key for p in self.packs):
            raise LibraryError(f"{pack.key} already has a form pack: install the PDF instead")
        if not pack.confirmed:
            raise LibraryError(
                f"{draft.name}: check every line against the PDF, then set accepted.confirmed: "
                "true in the draft; nothing was installed"
            )
        newer = self._newer_edition(pack)
        if pack.accepted_until is None and newer is not None:
            raise LibraryError(
                f"{draft.name}: {pack.key} is older than {newer[1]}: set accepted.until to the "
                f"last day USCIS accepts it (uscis.gov/{pack.slug}); nothing was installed"
            )
        try:
            verify_pdf(pdf, pack)
        except VerifyError as exc:
            raise LibraryError(f"{exc}: " + "; ".join(exc.problems[:5])) from None
        target = self.folder / LOCAL_PACKS / pack.slug / f"{pack.accepted_from.isoformat()}.yaml"
        target.parent.mkdir(parents=True, exist_ok=True)
        header = (
            f"# Confirmed for this clinic with 'clinic forms confirm' on {clock.today(None)}: "
            "a person checked every line of this draft.\n"
        )
        write_atomically(target, header.encode() + text.encode("utf-8"))
        self.packs = [*self.packs, load_pack(target)]
        self._by_hash = {p.sha256: p for p in self.packs if p.sha256}
        return self.install(pdf)

    def receive_pack(self, text: str) -> Pack | None:
        """Keep a form pack the organization sent (its signature checked by the caller): it is
        parsed and checked like any pack. A pack ClinicDay ships, or one already here, wins;
        returns the pack when it is new here."""
        import yaml

        try:
            pack = parse_pack(yaml.safe_load(text), "pack from the organization")
        except (PackError, yaml.YAMLError, AttributeError, TypeError) as exc:
            raise LibraryError(f"a pack from the organization is not valid ({exc})") from None
        if any(p.key == pack.key for p in self.packs):
            return None
        target = self.folder / LOCAL_PACKS / pack.slug / f"{pack.accepted_from.isoformat()}.yaml"
        header = "# Sent by the organization, signed with its key.\n"
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(target, (header + text).encode("utf-8"))
        self.packs = [*self.packs, pack]
        return pack

    def packs_for(self, form: str) -> list[Pack]:
        return [p for p in self.packs if p.form == form]

    def recognise(self, path: Path) -> Pack:
        """The pack of an official PDF, verified; or a :class:`LibraryError` saying why not."""
        pack = self._by_hash.get(sha256_of(path))
        if pack is not None:
            try:
                verify_pdf(path, pack)
            except VerifyError as exc:
                raise LibraryError(f"{exc}: " + "; ".join(exc.problems[:5])) from None
            return pack
        try:
            texts = page_texts(open_pdf(path))
        except VerifyError as exc:
            raise LibraryError(str(exc)) from None
        form, edition = identify_form(texts), find_edition(texts)
        if form is None:
            raise LibraryError(f"{path.name}: not a USCIS form this clinic knows (no form number)")
        known = self.packs_for(form)
        shown = f"edition {edition}" if edition else "no edition date"
        for pack in known:
            if pack.edition == edition:
                raise LibraryError(
                    f"{path.name}: {form} {shown} differs from the official file its pack knows "
                    "(SHA-256): download it again from uscis.gov, or update the pack"
                )
        accepted = [_window(p) for p in known if p.accepted_on(clock.today(None))] or [
            _window(p) for p in known
        ]
        hint = f"; accepted: {', '.join(accepted)}" if accepted else ""
        raise LibraryError(
            f"{path.name}: {form} {shown} has no form pack{hint}. To draft one for a person to "
            f"check: clinic forms automap {path} --out DRAFT.yaml"
        )

    def _sha256(self, path: Path) -> str:
        """A file's SHA-256, remembered while its size and modification time stay the same."""
        stat = path.stat()
        key = (str(path), stat.st_size, stat.st_mtime_ns)
        digest = self._hashes.get(key)
        if digest is None:
            digest = self._hashes[key] = sha256_of(path)
        return digest

    def installed(self) -> list[InstalledForm]:
        """Every recognised official PDF in the folder (others are ignored)."""
        found: list[InstalledForm] = []
        if not self.folder.is_dir():
            return found
        for path in sorted(self.folder.glob("*.pdf")):
            pack = self._by_hash.get(self._sha256(path))
            if pack is not None:
                found.append(InstalledForm(pack, path))
        return found

    def install(self, source: Path) -> InstalledForm:
        """Verify ``source``, copy it into the folder (atomically) under a clear name, and prepare
        its templates (clean and draft) so that the first packet is as fast as any."""
        pack = self.recognise(source)
        self.folder.mkdir(parents=True, exist_ok=True)
        (self.folder / OWN_FOLDER).touch()  # ours: prepared templates may be kept beside
        target = self.folder / f"{pack.slug}_{pack.accepted_from.isoformat()}.pdf"
        tmp = target.with_name(f".{target.name}.tmp-{os.getpid()}")
        try:
            shutil.copyfile(source, tmp)
            with open(tmp, "rb+") as fh:
                os.fsync(fh.fileno())
            os.replace(tmp, target)
        finally:
            with contextlib.suppress(FileNotFoundError):
                tmp.unlink()
        from clinic.packet.template import CACHE

        digest = self._sha256(target)
        CACHE.get(target, pack, digest)
        CACHE.get(target, pack, digest, draft=True)
        return InstalledForm(pack, target)

    def _newer_edition(self, pack: Pack) -> tuple[dt.date, str] | None:
        """The next edition of the same form that a pack or the editions data knows (its first
        day and its key), or None when ``pack`` is the newest."""
        from clinic.resources import policy

        later = [
            (p.accepted_from, p.key)
            for p in self.packs
            if p.form == pack.form and p.accepted_from > pack.accepted_from
        ]
        later += [
            (e.accepted_from, f"{e.form} {e.edition}")
            for e in policy().editions.get(pack.form, ())
            if e.accepted_from > pack.accepted_from
        ]
        return min(later) if later else None

    def accepted_on(self, pack: Pack, on: dt.date) -> bool:
        """Whether USCIS accepts ``pack``'s edition on ``on``: the editions data (dated, from
        uscis.gov) when it lists the edition, else the pack's own window, whose open end holds
        only while no newer edition is known (an older edition's open window closes the day
        before the next one's first day)."""
        from clinic.resources import policy

        listed = [e for e in policy().editions.get(pack.form, ()) if e.edition == pack.edition]
        if listed:
            return any(e.accepted_on(on) for e in listed)
        if not pack.accepted_on(on):
            return False
        if pack.accepted_until is not None:
            return True
        newer = self._newer_edition(pack)
        return newer is None or on < newer[0]

    def for_date(self, form: str, on: dt.date) -> InstalledForm:
        """The installed edition of ``form`` that USCIS accepts on ``on``."""
        have = [f for f in self.installed() if f.pack.form == form]
        usable = [f for f in have if self.accepted_on(f.pack, on)]
        if usable:
            return max(usable, key=lambda f: f.pack.accepted_from)
        accepted = [_window(p) for p in self.packs_for(form) if self.accepted_on(p, on)]
        wanted = (
            f"USCIS accepts {', '.join(accepted)}" if accepted else "no edition is known for it"
        )
        if have:
            editions = ", ".join(_window(f.pack) for f in have)
            raise LibraryError(
                f"{form}: the installed edition {editions} is not accepted on {on.isoformat()}; "
                f"{wanted}. Install it with: clinic forms install PDF"
            )
        raise LibraryError(
            f"{form} is not installed; {wanted}. Install it with: clinic forms install PDF "
            "(or clinic forms fetch)"
        )
