"""Build a packet: cover sheet, the filled official forms in filing order, addendum, answer sheet
and document checklist (DESIGN.md section 5).

Each file is made once, clean, and once more stamped "DRAFT - NOT FOR FILING" on every page (the
official forms fill once and write the same values into a draft-stamped template); the clean files
are what the packet's hash covers, and :meth:`Packet.write` writes the draft copies unless an
attorney approved exactly this packet (its hash). Every form uses the edition USCIS accepts on the
packet's date; a value a form cannot take stops the build with every problem named.

The screening on the cover sheet and the checklist is the one given to :func:`build_packet` (a
record's recorded determination, ``clinic.core.packets``); without one, the answers are screened
as of the packet's date (``clinic packet --answers``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from clinic.domain import languages
from clinic.domain.answers import normalize_answers
from clinic.domain.english import english_text, not_english
from clinic.domain.languages import FALLBACK, client_language
from clinic.domain.policy import Policy
from clinic.domain.rules import Determination, FilingWindow, Finding, screen
from clinic.packet import documents
from clinic.packet.documents import FEE_FORMS, FilingItem, Payment, PaymentLine
from clinic.packet.fill import (
    AddendumEntry,
    FilledForm,
    FillError,
    Problem,
    fill_form,
)
from clinic.packet.library import FormLibrary, InstalledForm, LibraryError
from clinic.packet.stamp import draft_mark
from clinic.safefile import write_atomically

FILING = ("paper", "online")
TAKE_HOME_SHEET = "Take-home sheet.pdf"  # the client's own sheet, printed apart from the packet


@dataclass(frozen=True)
class PacketFile:
    """One file of a packet, clean (no draft mark)."""

    name: str
    kind: str  # cover | form | addendum | answer_sheet | checklist
    data: bytes
    draft: bytes | None = None  # the same, draft-stamped, made at build time

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
    blank: list[str] = field(default_factory=list)  # "I-821D Part 2 Item 8": for the filer

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
            written.append(write_atomically(out / name, data, private=True))
        manifest = json.dumps(self.manifest(draft=draft), indent=2).encode()
        written.append(write_atomically(out / "packet.json", manifest, private=True))
        return written


def determination_from_json(recorded: Mapping[str, Any]) -> Determination:
    """A :class:`Determination` from its JSON form (a ``screened`` event's ``determination``);
    ``to_json`` of the result gives ``recorded`` back."""

    def findings(key: str) -> tuple[Finding, ...]:
        return tuple(
            Finding(str(f.get("code", "")), str(f.get("message", "")), str(f.get("citation", "")))
            for f in recorded.get(key) or []
            if isinstance(f, Mapping)
        )

    window = recorded.get("filing_window")
    return Determination(
        request_type=str(recorded.get("request_type", "")),
        outcome=str(recorded.get("outcome", "")),
        reasons=findings("reasons"),
        flags=findings("flags"),
        filing_window=(
            FilingWindow(
                opens=dt.date.fromisoformat(str(window["opens"])),
                closes=dt.date.fromisoformat(str(window["closes"])),
                expires=dt.date.fromisoformat(str(window["expires"])),
            )
            if isinstance(window, Mapping)
            else None
        ),
        notices=findings("notices"),
    )


def _with_fee(answers: Mapping[str, Any], form: str, amount: int) -> dict[str, Any]:
    return {**answers, "fee.form": form, "fee.amount": str(amount)}


def _english(text: object, where: str, problems: list[Problem], form: str, item: str) -> str:
    """Free text for USCIS in English letters; a problem naming the answer when it is not."""
    if not isinstance(text, str) or not text.strip():
        return ""
    why = not_english(text.strip())
    if why is not None:
        problems.append(Problem(form, item, where, why))
        return ""
    return english_text(text.strip())[0]


def explained(
    key: str, answers: Mapping[str, Any], page_of: Callable[[str], int | None] = lambda _i: None
) -> tuple[list[AddendumEntry], list[Problem]]:
    """What the I-821D (``key``, its pack) asks to explain on the addendum, written from the
    structured answers: each arrest, charge or conviction under Part 4 Item 1 (in the U.S.) or
    Item 2 (elsewhere), and removal proceedings under Part 1 Item 6 when no explanation was
    typed. Free text in another script is sent back for an English version."""
    from clinic.domain.checks import is_united_states

    entries: list[AddendumEntry] = []
    problems: list[Problem] = []
    by_item: dict[str, list[str]] = {"Part 4 Item 1": [], "Part 4 Item 2": []}
    for n, raw in enumerate(answers.get("criminal") or [], start=1):
        if not isinstance(raw, Mapping):
            continue
        country = raw.get("country")
        abroad = (
            isinstance(country, str) and bool(country.strip()) and not is_united_states(country)
        )
        item = "Part 4 Item 2" if abroad else "Part 4 Item 1"
        if not abroad and raw.get("level") == "infraction":
            continue  # a minor traffic infraction: not asked by Item 1 (the attorney decides)
        where = f"arrest {n}:"  # how the refusal names it ("arrest 3: offense")
        parts = [
            f"Date: {documents.date_text(raw.get('date'))}" if raw.get("date") else "",
            f"Offense: {_english(raw.get('offense'), where + ' offense', problems, key, item)}",
            "Place: "
            + ", ".join(
                x
                for x in (
                    _english(raw.get("place"), where + " place", problems, key, item),
                    _english(country, where + " country", problems, key, item),
                )
                if x
            ),
            f"Level: {str(raw.get('level') or '').replace('_', ' ')}",
            f"Outcome: {str(raw.get('outcome') or '').replace('_', ' ')}",
        ]
        said = "; ".join(p for p in parts if p and not p.endswith(": "))
        by_item[item].append(f"{len(by_item[item]) + 1}. {said}.")
    for item, lines in by_item.items():
        if lines:
            lines.append("A certified court disposition for each is attached.")
            entries.append(AddendumEntry(key, page_of(item), item, "\n".join(lines)))
    status = answers.get("removal.status")
    if status not in (None, "never") and not answers.get("removal.explanation"):
        facts = [f"Removal proceedings: {str(status).replace('_', ' ')}"]
        if answers.get("removal.date"):
            facts.append(f"most recent date: {documents.date_text(answers['removal.date'])}")
        place = _english(
            answers.get("removal.location"), "removal.location", problems, key, "Part 1 Item 6"
        )
        if place:
            facts.append(f"location: {place}")
        entries.append(
            AddendumEntry(key, page_of("Part 1 Item 6"), "Part 1 Item 6", "; ".join(facts) + ".")
        )
    return entries, problems


def _for_the_attorney(
    det_json: Mapping[str, Any], data: Mapping[str, Any], on: dt.date, rules: Policy
) -> dict[str, Any]:
    """The determination as the cover sheet shows it to the attorney: each flag and notice in
    English, with the client's-language text it was recorded in beneath. The English is the
    same answers screened in English, used only where it finds exactly the recorded codes (else
    the recorded texts alone)."""
    english = screen(data, on, rules, FALLBACK).to_json()
    shown: dict[str, Any] = dict(det_json)
    for part in ("flags", "notices"):
        recorded = [f for f in det_json.get(part) or [] if isinstance(f, Mapping)]
        if [f.get("code") for f in recorded] == [f["code"] for f in english[part]]:
            shown[part] = [
                {**f, "message": e["message"], "recorded": f.get("message")}
                for f, e in zip(recorded, english[part], strict=True)
            ]
    return shown


def _by_hand(
    form: str,
    kind: str,
    values: Mapping[str, Any],
    rules: Policy,
    on: dt.date,
    pay_lines: Sequence[PaymentLine],
) -> FilingItem | None:
    """A form the filing needs that this laptop has no pack or PDF for: named on the cover
    sheet with its edition and where to get it."""
    editions = rules.editions_accepted(form, on)
    edition = editions[-1].edition if editions else ""
    if kind == "payment":
        method = next(line.method for line in pay_lines if line.method.form == form)
        return FilingItem(
            form,
            edition,
            method.title,
            note=f"attach by hand, one for each fee, on top; download from {method.get}",
        )
    if kind == "representation":
        name = " ".join(str(values.get(k) or "") for k in ("attorney.given", "attorney.family"))
        bar = values.get("attorney.bar_number")
        where = (
            f", bar number {bar} ({values.get('attorney.bar_state') or 'state?'})" if bar else ""
        )
        return FilingItem(
            form,
            edition,
            "Notice of Entry of Appearance as Attorney or Accredited Representative",
            note=(
                f"attach by hand, on top of the packet; download from uscis.gov/g-28; the "
                f"attorney of record, {name.strip()}{where}, fills and signs it, and the "
                "requestor signs the client's consent"
            ),
        )
    if kind == "worksheet":
        return FilingItem(
            form,
            edition,
            "Worksheet (required with every I-765 for category (c)(33))",
            note=(
                "attach by hand after the I-765; download from uscis.gov/i-765ws and copy its "
                "answers from the answer sheet (I-765WS), signed by the requestor"
            ),
        )
    return None


def _interpreter_data(
    data: Mapping[str, Any], interpreter: Mapping[str, str] | None
) -> dict[str, str]:
    """The forms' interpreter parts: when the person does not read English, the language the
    forms were read in (the interview language's English name) and the named interpreter's
    profile (``interpreter.family``...; bar numbers are not the interpreter's business)."""
    if data.get("english.reads") is not False:
        return {}
    out = {
        f"interpreter.{k}": v
        for k, v in (interpreter or {}).items()
        if v and not k.startswith("bar_") and k != "role"
    }
    name = languages.english_name(str(data.get("language") or ""))
    if name:
        out["interpreter.language"] = name
    return out


def preparer_contact(preparer: Mapping[str, str] | None) -> str:
    """The clinic's contact on the take-home sheet: the preparer's organization, phone and
    e-mail from their profile ("" when none is known)."""
    if not preparer:
        return ""
    phone = preparer.get("phone", "")
    if len(phone) == 10 and phone.isdigit():
        phone = f"({phone[:3]}) {phone[3:6]}-{phone[6:]}"
    parts = [preparer.get("organization", ""), phone, preparer.get("email", "")]
    return " · ".join(p for p in parts if p)


def _attorney_note(attorney: Mapping[str, str] | None) -> list[str]:
    """The cover sheet's word on the attorney of record (Form G-28): who, and what their
    profile still lacks for the form."""
    if not attorney:
        return []
    name = f"{attorney.get('given', '')} {attorney.get('family', '')}".strip() or "(no name)"
    lacking = [
        label
        for key, label in (
            ("family", "family name"),
            ("bar_number", "bar number"),
            ("bar_state", "state of the bar"),
            ("street", "address"),
            ("phone", "daytime telephone"),
        )
        if not attorney.get(key)
    ]
    said = f"Attorney of record (Form G-28): {name}"
    if attorney.get("bar_number"):
        said += f", bar number {attorney['bar_number']} ({attorney.get('bar_state', '')})"
    if lacking:
        said += f"; their profile lacks: {', '.join(lacking)} (Account > My profile)"
    return [said]


def _interpreter_note(data: Mapping[str, Any], forms_data: Mapping[str, Any]) -> list[str]:
    """The cover sheet's word when the interview names an interpreter whose profile could not
    fill the forms' interpreter parts."""
    named = data.get("interpreter.user")
    if data.get("english.reads") is not False or not named or forms_data.get("interpreter.family"):
        return []
    return [
        f"The interview names {named!r} as the interpreter, who is not a user with a profile on "
        "this laptop: the interpreter fills I-821D Part 6 and I-765 Part 4 by hand (or sign in as "
        "a user, fill Account > My profile, and build again)"
    ]


def build_packet(
    answers: Mapping[str, Any],
    on: dt.date,
    library: FormLibrary,
    *,
    filing: str = "paper",
    lang: str | None = None,
    progress: Callable[[int, int, str], None] | None = None,
    determination: Mapping[str, Any] | None = None,
    rules: Policy | None = None,
    payment: str | None = None,
    preparer: Mapping[str, str] | None = None,
    interpreter: Mapping[str, str] | None = None,
    attorney: Mapping[str, str] | None = None,
    contact: str = "",
) -> Packet:
    """Fill every form of a DACA request (I-821D, I-765 (c)(33), G-1145, G-1450 per fee) with
    the editions accepted on ``on`` and assemble the packet. Raises :class:`FillError` naming
    every value the forms cannot take, or ``LibraryError`` for a missing or unaccepted form.
    ``progress(done, total, what)`` is called before each step (for a progress bar).

    ``determination`` (the JSON of a recorded screening) is what the cover sheet and the
    checklist say; without it the answers are screened as of ``on`` with ``rules`` (the fees
    come from ``rules`` either way; by default the rules shipped with ClinicDay). ``payment``
    is how the fees of a paper filing are paid (``card``, ``bank_debit``: a method USCIS takes
    on ``on``, resources/rules/payments.yaml; by default the first listed). ``preparer`` and
    ``interpreter`` are the profiles of the user who built the packet and of the user the
    interview names as the interpreter (``interpreter.user``): they fill the forms' preparer and
    interpreter parts; without them those parts stay blank and the cover sheet says so.
    ``attorney``: the profile of the clinic's attorney who represents the person: the packet
    then leads with their Form G-28 (filled when its pack is installed, else named on the cover
    sheet to attach by hand). ``contact``: the clinic's contact for clients (Settings), printed
    on the take-home sheet; without it, the preparer's organization, phone and e-mail."""
    from clinic.resources import policy, questionnaire

    if filing not in FILING:
        raise ValueError(f"filing is one of {', '.join(FILING)}")
    mode: Literal["paper", "online"] = "paper" if filing == "paper" else "online"
    data = normalize_answers(answers)
    lang = lang or client_language(data.get("language"))
    rules = rules or policy()
    if determination is None:
        det = screen(data, on, rules, lang)
        det_json = det.to_json()
    else:
        det = determination_from_json(determination)
        det_json = dict(determination)
    cover_json = _for_the_attorney(det_json, data, on, rules)
    fees = rules.fees_on(on).forms

    # the forms in filing order: the G-28 of an attorney of record, payment forms (one per
    # fee), G-1145, the I-821D, the I-765 and its worksheet; a form this laptop cannot fill is
    # named on the cover sheet, to be attached by hand, unless the filing cannot go without it
    # (the I-821D, the I-765)
    wanted: list[tuple[str, str, Mapping[str, Any], str]] = []  # file, form, values, kind
    forms_data = {
        **data,
        **{f"preparer.{k}": v for k, v in (preparer or {}).items() if v},
        **_interpreter_data(data, interpreter),
        # the attorney of record: the G-28 and the forms' "G-28 attached" box and bar number
        **{f"attorney.{k}": v for k, v in (attorney or {}).items() if v},
    }
    by_hand: list[tuple[int, FilingItem]] = []  # (position in the order, item)
    if attorney:  # the notice of appearance goes on top of everything (its instructions)
        wanted.append(("G-28.pdf", "G-28", forms_data, "representation"))
    pay_lines: list[PaymentLine] = []
    payments = rules.payments_on(on)
    if filing == "paper":
        method = rules.payment_method(on, payment)
        for form in FEE_FORMS:
            amount = fees[form].paper
            pay_lines.append(PaymentLine(method, form, f"${amount:,}"))
            if method.form:
                name = f"{method.form} for {form}.pdf"
                wanted.append((name, method.form, _with_fee(data, form, amount), "payment"))
        if data.get("email") or data.get("mobile_phone"):
            wanted.append(("G-1145.pdf", "G-1145", data, "optional"))
    wanted.append(("I-821D.pdf", "I-821D", forms_data, "required"))
    wanted.append(("I-765.pdf", "I-765", forms_data, "required"))
    wanted.append(("I-765WS.pdf", "I-765WS", forms_data, "worksheet"))
    plan: list[tuple[str, InstalledForm, Mapping[str, Any], str]] = []
    missing: list[str] = []
    for name, form, values, kind in wanted:
        try:
            plan.append((name, library.for_date(form, on), values, kind))
        except LibraryError as exc:
            if kind == "required":
                if str(exc) not in missing:
                    missing.append(str(exc))
            elif kind != "optional":
                item = _by_hand(form, kind, values, rules, on, pay_lines)
                if item is not None and item.form not in {i.form for _, i in by_hand}:
                    by_hand.append((len(plan), item))
    if missing:  # every form that cannot be used on this date is named at once
        raise LibraryError(" | ".join(missing))
    total = len(plan) + 5  # each form, cover, addendum, answer sheet, checklist, take-home
    report = progress or (lambda _done, _total, _what: None)
    filled: list[tuple[str, FilledForm, bytes]] = []
    problems: list[Problem] = []
    left_out: list[str] = []
    for step, (name, installed, values, kind) in enumerate(plan):
        report(step, total, name.removesuffix(".pdf"))
        try:
            done = fill_form(
                installed.path,
                installed.pack,
                values,
                on,
                with_draft=True,
                addendum_ok=kind != "optional",
            )
            filled.append((name, done, done.draft or draft_mark(done.pdf)))
        except FillError as exc:
            if kind == "optional":  # an optional form never blocks the packet
                said = "; ".join(f"{p.item}: {p.reason}" for p in exc.problems)
                left_out.append(f"Form {installed.pack.form} (optional) was left out: {said}")
            else:
                problems.extend(exc.problems)
    if problems:
        raise FillError(problems)

    entries: list[AddendumEntry] = [e for _n, f, _d in filled for e in f.addendum]
    for _n, f, _d in filled:
        if f.pack.form == "I-821D":
            more, unfit = explained(f.pack.key, data, f.page_of)
            entries.extend(more)
            problems.extend(unfit)
    if problems:
        raise FillError(problems)
    # in the order a reader of the forms meets them: form by form, page by page
    order = {key: n for n, key in enumerate(f.pack.key for _n, f, _d in filled)}
    entries.sort(key=lambda e: (order.get(e.form, 99), e.page or 99))
    notes = [
        *left_out,
        *_interpreter_note(data, forms_data),
        *_attorney_note(attorney),
        *sorted({n for _n, f, _d in filled for n in f.notes}),
    ]
    blank = [f"{f.pack.form} {item}" for _n, f, _d in filled for item in f.blank]
    packs = [f.pack for _n, f, _d in filled]
    fee_table = {form: (fee.paper, fee.online) for form, fee in fees.items()}
    report(len(plan), total, "Cover sheet")
    items = [FilingItem(f.pack.form, f.pack.edition, f.pack.title, name) for name, f, _d in filled]
    for position, item in reversed(by_hand):
        items.insert(position, item)
    if entries:
        items.append(FilingItem("Addendum", "", "Additional information", "Addendum.pdf"))

    def made(name: str, kind: str, data: bytes) -> PacketFile:
        return PacketFile(name, kind, data, draft_mark(data))

    cover = documents.cover_sheet(
        data,
        cover_json,
        packs,
        fee_table,
        on,
        filing=mode,
        lang_of_client=lang,
        notes=notes,
        blank=blank,
        items=items,
        payment=Payment(pay_lines, payments.note) if filing == "paper" else None,
    )
    files = [made("Cover sheet.pdf", "cover", cover)]
    files += [PacketFile(name, "form", f.pdf, draft) for name, f, draft in filled]
    report(len(plan) + 1, total, "Addendum")
    if entries:  # an addendum with nothing to add is not mailed (nor listed, nor signed)
        files.append(made("Addendum.pdf", "addendum", documents.addendum(data, entries)))
    report(len(plan) + 2, total, "Answer sheet")
    sheet = documents.answer_sheet(data, packs, questionnaire(), lang)
    files.append(made("Answer sheet.pdf", "answer_sheet", sheet))
    report(len(plan) + 3, total, "Document checklist")
    checklist = documents.checklist(
        data,
        det_json,
        det.request_type,
        lang,
        payment=pay_lines,
        by_hand=[item for _, item in by_hand],
        g1145=any(name == "G-1145.pdf" for name, _f, _d in filled),
    )
    files.append(made("Document checklist.pdf", "checklist", checklist))
    report(len(plan) + 4, total, "Take-home sheet")
    sheet_home = documents.take_home(
        data, det_json, lang, on, payment=pay_lines, contact=contact or preparer_contact(preparer)
    )
    # the client's own sheet, in their language: no SSN, no A-Number
    files.append(made(TAKE_HOME_SHEET, "take_home", sheet_home))
    report(total, total, "")
    return Packet(
        files=files,
        on=on,
        filing=filing,
        determination=det,
        forms=[p.key for p in packs],
        notes=notes,
        blank=blank,
    )
