"""``clinic selftest``: prove on this machine (or in the built app) that the parts work together.

In a temporary folder that is removed afterwards, with one synthetic person:

1. the encrypted store: create a clinic, unlock it, store a person, read them back, and find
   no trace of their name in the database file;
2. form filling: draw a small AcroForm (reportlab), fill it (pypdf), read the values back;
3. rendering: draw one page of that PDF to pixels (QtPdf, through ``render``), so a packet can
   be shown and printed;
4. documents: draw a cover sheet for a person with a Hangul name in the fonts shipped with
   ClinicDay, read the name back from it, and render its first page;
5. the data files: the questionnaire, the rules, and every form pack parse; the compiled
   translations of the staff interface are there.

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


NATIVE = "김셀프"  # a synthetic native-script name (Hangul)


def _cover() -> tuple[str, bytes]:
    from pypdf import PdfReader

    from clinic.domain.languages import LANGUAGES
    from clinic.domain.rules import screen
    from clinic.packet.documents import cover_sheet, fees_on
    from clinic.resources import policy

    # the client's language: the registry's language written in Hangul, as the name is
    hangul = [g for g in LANGUAGES if any("\uac00" <= ch <= "\ud7a3" for ch in g.native)]
    lang = hangul[0].code if hangul else FALLBACK
    on = clock.today(None)
    answers = {**SYNTHETIC, "language": lang, "name.native": NATIVE}
    rules = policy()
    determination = screen(answers, on, rules, FALLBACK).to_json()
    pdf = cover_sheet(
        answers, determination, [], fees_on(rules, on), on, filing="paper", lang_of_client=lang
    )
    page = PdfReader(io.BytesIO(pdf)).pages[0]
    if NATIVE not in page.extract_text():
        raise SelftestError("documents: the Hangul name did not read back from the cover sheet")
    if b"NanumGothic" not in pdf:  # the embedded subset's name (reportlab: AAAAAA+NanumGothic)
        raise SelftestError("documents: the cover sheet is not in the shipped Hangul font")
    return "a cover sheet with a Hangul name is drawn in the shipped font", pdf


def _translations() -> str:
    """The staff interface's compiled translations (``.qm``) for every staff language but
    English: a wheel or a build without them shows English to a Korean-speaking volunteer."""
    from clinic.domain.languages import LANGUAGES
    from clinic.resources import resources_dir

    folder = resources_dir() / "translations"
    wanted = [lang.code for lang in LANGUAGES if lang.staff and not lang.pseudo]
    missing = [c for c in wanted if c != FALLBACK and not (folder / f"clinic_{c}.qm").is_file()]
    if missing:
        raise SelftestError("translations: no compiled " + ", ".join(missing))
    return f"the staff interface's translations are compiled ({', '.join(wanted)})"


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
    from clinic.domain.english import country_in_english

    # the country names of every language (the CLDR tables Babel ships: bundled or not)
    if country_in_english("Corea del Sur") != "South Korea":
        raise SelftestError("languages: the country names (Babel's CLDR data) are missing")
    return (
        f"the texts of {len(real)} languages load (screening, documents, messages), and "
        "countries' names in each"
    )


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

        def cover() -> str:
            text, data = _cover()
            if render is not None:
                width, height, ink = render(data)
                if width < 100 or height < 100 or not ink:
                    raise SelftestError("documents: the cover sheet rendered empty")
                text += f", and renders ({width}x{height} pixels, with ink)"
            return text

        steps = [
            ("store", lambda: _store(folder)),
            ("forms", form),
            ("render", page),
            ("documents", cover),
            ("data", _data),
            ("translations", _translations),
            ("languages", _languages),
        ]
        for name, step in steps:
            try:
                say(f"ok: {step()}")
            except SelftestError:
                raise
            except Exception as exc:
                raise SelftestError(f"{name}: failed ({type(exc).__name__})") from None
