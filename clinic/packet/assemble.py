"""Build a packet: cover sheet, the filled official forms in filing order, addendum, answer sheet
and document checklist (DESIGN.md section 5).

The packet is built clean; :meth:`Packet.write` stamps every page "DRAFT - NOT FOR FILING" unless
an attorney approved exactly this packet (its hash). Every form uses the edition USCIS accepts on
the packet's date; a value a form cannot take stops the build with every problem named.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from clinic.domain.answers import normalize_answers
from clinic.domain.rules import Determination, screen
from clinic.packet.fill import AddendumEntry, FilledForm, FillError, Problem, fill_form
from clinic.packet.library import FormLibrary, InstalledForm, LibraryError
from clinic.safefile import write_atomically

FILING = ("paper", "online")


@dataclass(frozen=True)
class PacketFile:
    """One file of a packet, clean (no draft mark)."""

    name: str
    kind: str  # cover | form | addendum | answer_sheet | checklist
    data: bytes
    draft: bytes | None = None  # the same, draft-stamped, when made at build time

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


@dataclass
class Packet:
    """A built packet, in filing order."""

    files: list[PacketFile]
    on: dt.date
    filing: str
    determination: Determination
    forms: list[str]  # "I-821D 01/20/25", ...
    notes: list[str] = field(default_factory=list)

    @property
    def packet_hash(self) -> str:
        """What an approval names: the hash over every file's name and content."""
        digest = hashlib.sha256()
        for f in self.files:
            digest.update(f"{f.name}\0{f.sha256}\n".encode())
        return digest.hexdigest()

    def manifest(self, *, draft: bool) -> dict[str, Any]:
        """What is in the packet (no personal data): files, hashes, editions, date."""
        return {
            "packet_hash": self.packet_hash,
            "date": self.on.isoformat(),
            "filing": self.filing,
            "draft": draft,
            "forms": self.forms,
            "files": [{"name": f.name, "kind": f.kind, "sha256": f.sha256} for f in self.files],
        }

    def rendered(self, *, draft: bool) -> list[tuple[str, bytes]]:
        """The files as they are printed: draft-marked on every page unless approved."""
        from clinic.packet.documents import draft_mark

        if not draft:
            return [(f.name, f.data) for f in self.files]
        return [
            (f.name, f.draft if f.draft is not None else draft_mark(f.data)) for f in self.files
        ]

    def write(self, out: Path, *, draft: bool) -> list[Path]:
        """Write the packet into ``out`` (each file whole or not at all) with ``packet.json``."""
        out.mkdir(parents=True, exist_ok=True)
        written = []
        for name, data in self.rendered(draft=draft):
            written.append(write_atomically(out / name, data))
        manifest = json.dumps(self.manifest(draft=draft), indent=2).encode()
        written.append(write_atomically(out / "packet.json", manifest))
        return written


def _with_fee(answers: Mapping[str, Any], form: str, amount: int) -> dict[str, Any]:
    return {**answers, "fee.form": form, "fee.amount": str(amount)}


def build_packet(
    answers: Mapping[str, Any],
    on: dt.date,
    library: FormLibrary,
    *,
    filing: str = "paper",
    lang: str | None = None,
    progress: Callable[[int, int, str], None] | None = None,
) -> Packet:
    """Fill every form of a DACA request (I-821D, I-765 (c)(33), G-1145, G-1450 per fee) with
    the editions accepted on ``on`` and assemble the packet. Raises :class:`FillError` naming
    every value the forms cannot take, or ``LibraryError`` for a missing or unaccepted form.
    ``progress(done, total, what)`` is called before each step (for a progress bar)."""
    from clinic.packet import documents
    from clinic.resources import policy, questionnaire

    if filing not in FILING:
        raise ValueError(f"filing is one of {', '.join(FILING)}")
    mode: Literal["paper", "online"] = "paper" if filing == "paper" else "online"
    data = normalize_answers(answers)
    spoken = str(data.get("language", "en"))
    lang = lang or (spoken if spoken in ("en", "ko", "es") else "en")
    rules = policy()
    det = screen(data, on, rules, lang)
    fees = rules.fees_on(on).forms

    wanted: list[tuple[str, str, Mapping[str, Any]]] = []
    if data.get("email") or data.get("mobile_phone"):
        wanted.append(("G-1145.pdf", "G-1145", data))
    if filing == "paper":
        fee = _with_fee(data, "I-821D", fees["I-821D"].paper)
        wanted.append(("G-1450 for I-821D.pdf", "G-1450", fee))
    wanted.append(("I-821D.pdf", "I-821D", data))
    if filing == "paper":
        fee = _with_fee(data, "I-765", fees["I-765"].paper)
        wanted.append(("G-1450 for I-765.pdf", "G-1450", fee))
    wanted.append(("I-765.pdf", "I-765", data))
    worksheet: tuple[str, InstalledForm, Mapping[str, Any]] | None = None
    try:  # the I-765WS once a clinic installed it; until then its answers are on the answer sheet
        worksheet = ("I-765WS.pdf", library.for_date("I-765WS", on), data)
    except LibraryError:
        worksheet = None
    # every form that cannot be used on this date is named at once
    plan: list[tuple[str, InstalledForm, Mapping[str, Any]]] = []
    missing: list[str] = []
    for name, form, values in wanted:
        try:
            plan.append((name, library.for_date(form, on), values))
        except LibraryError as exc:
            if str(exc) not in missing:
                missing.append(str(exc))
    if missing:
        raise LibraryError(" | ".join(missing))
    if worksheet is not None:
        plan.append(worksheet)

    total = len(plan) + 4  # each form, then cover, addendum, answer sheet, checklist
    report = progress or (lambda _done, _total, _what: None)
    filled: list[tuple[str, FilledForm, bytes]] = []
    problems: list[Problem] = []
    for step, (name, installed, values) in enumerate(plan):
        report(step, total, name.removesuffix(".pdf"))
        try:
            clean = fill_form(installed.path, installed.pack, values, on)
            marked = fill_form(installed.path, installed.pack, values, on, draft=True)
            filled.append((name, clean, marked.pdf))
        except FillError as exc:
            problems.extend(exc.problems)
    if problems:
        raise FillError(problems)

    entries: list[AddendumEntry] = [e for _n, f, _d in filled for e in f.addendum]
    notes = sorted({n for _n, f, _d in filled for n in f.notes})
    packs = [f.pack for _n, f, _d in filled]
    fee_table = {form: (fee.paper, fee.online) for form, fee in fees.items()}
    report(len(plan), total, "Cover sheet")
    files = [
        PacketFile(
            "Cover sheet.pdf",
            "cover",
            documents.cover_sheet(
                data,
                det.to_json(),
                packs,
                fee_table,
                on,
                filing=mode,
                lang_of_client=lang,
                notes=notes,
            ),
        )
    ]
    files += [PacketFile(name, "form", f.pdf, draft) for name, f, draft in filled]
    report(len(plan) + 1, total, "Addendum")
    files.append(PacketFile("Addendum.pdf", "addendum", documents.addendum(data, entries)))
    report(len(plan) + 2, total, "Answer sheet")
    files.append(
        PacketFile(
            "Answer sheet.pdf",
            "answer_sheet",
            documents.answer_sheet(data, packs, questionnaire(), lang),
        )
    )
    report(len(plan) + 3, total, "Document checklist")
    files.append(
        PacketFile(
            "Document checklist.pdf",
            "checklist",
            documents.checklist(data, det.to_json(), det.request_type, lang),
        )
    )
    report(total, total, "")
    return Packet(
        files=files,
        on=on,
        filing=filing,
        determination=det,
        forms=[p.key for p in packs],
        notes=notes,
    )
