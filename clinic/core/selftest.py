"""``clinic selftest``: prove on this machine (or in the built app) that the parts work together.

In a temporary folder that is removed afterwards, with one synthetic person:

1. the encrypted store: create a clinic, unlock it, store a person, read them back, and find
   no trace of their name in the database file;
2. form filling: draw a small AcroForm (reportlab), fill it (pypdf), read the values back;
3. rendering: draw one page of that PDF to pixels (QtPdf, through ``render``), so a packet can
   be shown and printed;
4. the data files: the questionnaire, the rules, and every form pack parse.

Each step prints one line; the first failure stops with the step's name and the error's kind.
"""

from __future__ import annotations

import io
import tempfile
from collections.abc import Callable
from pathlib import Path

from clinic import clock
from clinic.domain.languages import FALLBACK
from clinic.errors import ClinicError

PASSPHRASE = "selftest passphrase"  # noqa: S105 - a throwaway clinic, removed at once
SYNTHETIC = {
    "name.family": "Selftestperson",
    "name.given": "Ada",
    "dob": "2000-01-02",
    "a_number": "A-099-000-123",
    "language": FALLBACK,
}


class SelftestError(ClinicError):
    """A step failed (the message names it)."""


def _store(folder: Path) -> str:
    from clinic.core.desk import Desk
    from clinic.store.clinic import DB_NAME

    desk = Desk(folder)
    desk.create("Selftest", "admin", PASSPHRASE, kdf_seconds=0.01)
    desk.sign_in("admin", PASSPHRASE)
    [record_id] = desk.people.import_people([SYNTHETIC]).record_ids
    back = desk.session.load(record_id).answers
    desk.close()
    if back["name.family"] != SYNTHETIC["name.family"]:
        raise SelftestError("store: the person read back differs")
    for path in folder.rglob(f"{DB_NAME}*"):
        if SYNTHETIC["name.family"].encode() in path.read_bytes():
            raise SelftestError(f"store: {path.name} holds a name in clear")
    return "the encrypted store writes, reads back, and keeps no name in clear"


def _form() -> tuple[str, bytes]:
    from pypdf import PdfReader, PdfWriter
    from reportlab.lib.pagesizes import LETTER  # type: ignore[import-untyped]
    from reportlab.pdfgen.canvas import Canvas  # type: ignore[import-untyped]

    buf = io.BytesIO()
    c = Canvas(buf, pagesize=LETTER)
    c.drawString(72, 720, "ClinicDay selftest form")
    c.acroForm.textfield(name="family", x=72, y=680, width=200, height=18)
    c.acroForm.checkbox(name="agree", x=72, y=650, size=14)
    c.showPage()
    c.save()
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(buf.getvalue())))
    writer.update_page_form_field_values(
        writer.pages[0], {"family": SYNTHETIC["name.family"]}, auto_regenerate=False
    )
    writer.set_need_appearances_writer(True)
    out = io.BytesIO()
    writer.write(out)
    fields = PdfReader(io.BytesIO(out.getvalue())).get_fields() or {}
    if fields.get("family", {}).get("/V") != SYNTHETIC["name.family"]:
        raise SelftestError("forms: the filled value did not read back")
    return "an AcroForm is drawn, filled and read back", out.getvalue()


def _data() -> str:
    from clinic.packet.packs import all_packs
    from clinic.resources import policy, questionnaire

    q = questionnaire()
    rules = policy()
    packs = all_packs()
    rules.status_on(clock.today(None))
    questions = len(q.questions)
    return f"the questionnaire ({questions} questions), the rules and {len(packs)} form packs parse"


def _languages() -> str:
    """Every language of the registry finds its texts (in a frozen build each is a module that
    must have been bundled): the screening's, the documents' and the messages'."""
    from clinic.domain import rule_texts
    from clinic.domain.languages import FALLBACK, LANGUAGES
    from clinic.messages import translations
    from clinic.packet import texts

    missing = []
    found = rule_texts._modules()
    real = [lang for lang in LANGUAGES if not lang.pseudo]
    for lang in real:
        if lang.client and lang.code not in found:
            missing.append(f"rule texts {lang.code}")
        if lang.client and texts._module(lang.code) is None:
            missing.append(f"document texts {lang.code}")
        if lang.staff and lang.code != FALLBACK and not translations(lang.code):
            missing.append(f"messages {lang.code}")
    if missing:
        raise SelftestError("languages: no " + ", ".join(missing))
    return f"the texts of {len(real)} languages load (screening, documents, messages)"


def run(
    render: Callable[[bytes], tuple[int, int, bool]] | None, say: Callable[[str], None]
) -> None:
    """Run every step; ``render(pdf) -> (width, height, has ink)`` draws page 1 (None: skip)."""
    steps: list[tuple[str, Callable[[], str]]] = []
    with tempfile.TemporaryDirectory(prefix="clinicday-selftest-") as tmp:
        folder = Path(tmp) / "clinic"
        pdf: list[bytes] = []

        def form() -> str:
            text, data = _form()
            pdf.append(data)
            return text

        def page() -> str:
            if render is None:
                return "rendering skipped (no Qt)"
            width, height, ink = render(pdf[0])
            if width < 100 or height < 100 or not ink:
                raise SelftestError("render: the page came out empty")
            return f"a page renders ({width}x{height} pixels, with ink)"

        steps = [
            ("store", lambda: _store(folder)),
            ("forms", form),
            ("render", page),
            ("data", _data),
            ("languages", _languages),
        ]
        for name, step in steps:
            try:
                say(f"ok: {step()}")
            except SelftestError:
                raise
            except Exception as exc:
                raise SelftestError(f"{name}: failed ({type(exc).__name__})") from None
