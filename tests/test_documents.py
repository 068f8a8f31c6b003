"""The packet documents: what a person sees, checked with poppler (pdftotext, pdffonts, pdftoppm).

Every person here is synthetic ("테스트 김" / Testperson Minji, A-Numbers with the 099 prefix).
"""

from __future__ import annotations

import datetime as dt
import importlib
import io
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader, PdfWriter

from clinic.domain import languages
from clinic.domain.languages import FALLBACK
from clinic.domain.rules import screen
from clinic.fonts import font_path
from clinic.packet import fonts, texts
from clinic.packet.documents import (
    DISCLAIMER,
    DRAFT_TEXT,
    DocumentError,
    addendum,
    answer_sheet,
    checklist,
    cover_sheet,
    draft_mark,
    fees_on,
    format_a_number,
    hangul_font,
    take_home,
)
from clinic.packet.fill import AddendumEntry
from clinic.packet.packs import Pack, all_packs
from clinic.resources import policy, questionnaire
from tests.conftest import person

ON = dt.date(2026, 11, 21)
NATIVE = "테스트 김"

pytestmark = pytest.mark.skipif(
    not all(shutil.which(t) for t in ("pdftotext", "pdffonts", "pdftoppm")),
    reason="poppler-utils (pdftotext, pdffonts, pdftoppm) is not installed",
)


def someone(**overrides: Any) -> dict[str, Any]:
    """A synthetic renewal requestor with a Hangul native name."""
    answers = person(0, **{"name.native": NATIVE})
    answers.update(overrides)
    return answers


def initial(**overrides: Any) -> dict[str, Any]:
    answers = someone(**{"daca.ever_granted": False})
    for key in ("daca.expires", "daca.terminated"):
        answers.pop(key)
    answers.update(
        {
            "arrival.date": "2008-05-01",
            "residence.continuous_since_2007": True,
            "presence.2012_06_15": True,
            "status.lawful_on_2012_06_15": False,
            "education.status": "ged",
        }
    )
    answers.update(overrides)
    return answers


def packs_on(day: dt.date = ON) -> list[Pack]:
    return [p for p in all_packs() if p.accepted_on(day)]


def write(tmp_path: Path, name: str, pdf: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(pdf)
    return path


def text_of(path: Path, page: int | None = None) -> str:
    args = ["pdftotext", "-enc", "UTF-8"]
    if page is not None:
        args += ["-f", str(page), "-l", str(page)]
    out = subprocess.run([*args, str(path), "-"], capture_output=True, text=True, check=True)
    return out.stdout


def flat(text: str) -> str:
    """Whitespace collapsed, so that phrases wrapped over lines are found."""
    return " ".join(text.split())


def pages_of(path: Path) -> int:
    return len(PdfReader(str(path)).pages)


def assert_font_embedded(path: Path) -> None:
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True)
    rows = out.stdout.splitlines()[2:]
    assert rows, "no fonts"
    assert any("NanumGothic" in row for row in rows) or "CLINIC_FONT" in str(path)
    for row in rows:
        # name type encoding emb sub uni: every font is embedded
        assert re.search(r"\s(yes)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+$", row), row


def render(path: Path, tmp_path: Path, stem: str) -> Path:
    subprocess.run(
        ["pdftoppm", "-r", "60", "-png", "-f", "1", "-l", "1", str(path), str(tmp_path / stem)],
        check=True,
    )
    pngs = sorted(tmp_path.glob(f"{stem}*.png"))
    assert len(pngs) == 1
    return pngs[0]


def assert_letter_page_with_ink(png: Path) -> None:
    from PIL import Image

    with Image.open(png) as image:
        assert image.size == (510, 660)  # US Letter at 60 dpi
        grey = image.convert("L")
        dark = sum(grey.histogram()[:128])
        assert dark > 2000, "the page looks empty"


# -- the font -------------------------------------------------------------------------------


def test_the_font_has_hangul_and_spanish_letters() -> None:
    name = hangul_font()
    from reportlab.pdfbase import pdfmetrics  # type: ignore[import-untyped]

    face = pdfmetrics.getFont(name).face
    for ch in "테스트김ñáéíóú¿¡ü":
        assert ord(ch) in face.charToGlyph, ch


def test_no_usable_font_is_a_clear_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("CLINIC_FONT", raising=False)
    monkeypatch.setattr(fonts, "font_path", lambda _name: None)  # an installation without them
    with pytest.raises(DocumentError, match=r"reinstall ClinicDay.*or set CLINIC_FONT") as told:
        hangul_font()
    assert "apt-get" not in str(told.value)  # no Debian command to a Windows user
    monkeypatch.setenv("CLINIC_FONT", str(tmp_path / "missing.ttf"))
    with pytest.raises(DocumentError, match="no font with Korean letters"):
        hangul_font()
    junk = tmp_path / "junk.ttf"
    junk.write_bytes(b"not a font at all" * 10)
    monkeypatch.setenv("CLINIC_FONT", str(junk))
    with pytest.raises(DocumentError, match="no font with Korean letters"):
        cover_sheet({}, {}, [], {}, ON, filing="paper", lang_of_client="ko")


def test_a_font_without_hangul_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    latin_only = font_path("DejaVuSans.ttf")
    assert latin_only is not None  # shipped with the package
    monkeypatch.setenv("CLINIC_FONT", str(latin_only))
    with pytest.raises(DocumentError, match="lacks Hangul"):
        hangul_font()


def test_clinic_font_is_used_when_set(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    nanum = font_path("NanumGothic.ttf")
    assert nanum is not None  # shipped with the package
    mine = tmp_path / "MyFont.ttf"  # no MyFontBold.ttf next to it: bold uses the same file
    shutil.copy(nanum, mine)
    monkeypatch.setenv("CLINIC_FONT", str(mine))
    assert "MyFont" in hangul_font()
    path = write(tmp_path, "mine.pdf", checklist(someone(), {}, "renewal", "ko"))
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True).stdout
    assert "NanumGothic" in fonts
    assert "NanumGothicBold" not in fonts
    assert NATIVE in text_of(path)


def test_a_korean_font_without_spanish_accents_is_refused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    myeongjo = Path("/usr/share/fonts/truetype/nanum/NanumMyeongjo.ttf")
    if not myeongjo.is_file():
        pytest.skip("fonts-nanum is not installed")
    monkeypatch.setenv("CLINIC_FONT", str(myeongjo))
    with pytest.raises(DocumentError, match="lacks Hangul or Spanish letters"):
        hangul_font()


# -- cover sheet ----------------------------------------------------------------------------


def cover(answers: dict[str, Any], filing: str = "paper", lang: str = "ko") -> bytes:
    determination = screen(answers, ON, policy(), "en").to_json()
    return cover_sheet(
        answers,
        determination,
        packs_on(),
        fees_on(policy(), ON),
        ON,
        filing=filing,  # type: ignore[arg-type]
        lang_of_client=lang,
    )


def test_cover_sheet_paper(tmp_path: Path) -> None:
    answers = someone(
        criminal=[
            {
                "date": "2019-02-03",
                "offense": "driving without a license",
                "place": "Los Angeles, CA",
                "country": "United States",
                "level": "misdemeanor",
                "outcome": "dismissed",
            }
        ]
    )
    path = write(tmp_path, "cover.pdf", cover(answers))
    text = flat(text_of(path))
    assert NATIVE in text
    assert "TestpersonA, Minji" in text
    assert "03/04/2001" in text
    assert "A-099-000-000" in text
    assert "Renewal" in text
    assert "Needs attorney review" in text and "변호사 검토 필요" in text
    assert "Criminal history was reported" in text  # the flag's message
    # fees: paid separately, paper amounts
    assert "$85" in text and "$520" in text and "$470" in text
    assert "$605" in text and "2 separate payments" in text
    assert "Mail to the USCIS lockbox for your state listed on uscis.gov/i-821d-addresses" in text
    assert "my.uscis.gov" not in text
    # forms in filing order with editions
    forms = text[text.index("Forms, in filing order") :]
    order = [forms.index(f"Form {f}") for f in ("G-1450", "G-1145", "I-821D", "I-765")]
    assert order == sorted(order)
    assert "Edition 01/20/25" in text
    # what to sign
    assert "Form I-821D, Part 5" in text
    assert "Form I-765, Part 3" in text
    assert "G-1450" in text and "cardholder" in text
    assert DISCLAIMER in text
    assert_font_embedded(path)
    assert_letter_page_with_ink(render(path, tmp_path, "cover"))


def test_cover_sheet_online(tmp_path: Path) -> None:
    path = write(tmp_path, "cover.pdf", cover(someone(), filing="online", lang="es"))
    text = flat(text_of(path))
    assert "File online at my.uscis.gov; use the answer sheet" in text
    assert "lockbox" not in text
    assert "$555" in text  # 85 + 470 online
    assert "Necesita revisión de un abogado" in text or "Podría ser elegible" in text


def test_cover_sheet_outcome_labels(tmp_path: Path) -> None:
    packs = packs_on()
    for outcome, label in (
        ("likely_eligible", "May be eligible"),
        ("not_eligible", "Does not appear to meet a DACA guideline, as answered"),
    ):
        determination = {"request_type": "initial", "outcome": outcome, "flags": []}
        pdf = cover_sheet(
            someone(), determination, packs, {}, ON, filing="paper", lang_of_client="en"
        )
        text = flat(text_of(write(tmp_path, f"{outcome}.pdf", pdf)))
        assert label in text
        assert "Initial" in text


# -- answer sheet ---------------------------------------------------------------------------


def test_answer_sheet(tmp_path: Path) -> None:
    answers = someone(
        **{
            "ead.income_annual": 11200,
            "travel": [
                {
                    "departed": "2024-11-16",
                    "returned": "2024-12-15",
                    "reason": "visit a sick grandparent",
                    "advance_parole": True,
                },
                {"departed": "2025-06-01", "returned": "2025-06-20", "advance_parole": True},
            ],
        }
    )
    q = questionnaire()
    path = write(tmp_path, "answers.pdf", answer_sheet(answers, packs_on(), q, "ko"))
    raw = text_of(path)
    text = flat(raw)
    assert NATIVE in text
    assert "TestpersonA" in text and "Minji" in text
    # grouped by form, in filing order; a key feeding several forms is under each
    i821d, i765 = text.index("Form I-821D"), text.index("Form I-765 ")
    assert i821d < i765 < text.index("Form I-765WS") < text.index("Screening only")
    assert text.count("TestpersonA") >= 4  # I-821D 3.a, I-765 1.a, I-765WS 1.a, header
    assert "Part 1 Item 3.a" in text and "Part 2 Item 1.a" in text
    # Part, then Item numerically: 2 before 10, 3.a before 3.b
    section = text[i821d:i765]
    assert section.index("Part 1 Item 2 ") < section.index("Part 1 Item 10 ")
    assert section.index("Part 1 Item 3.a") < section.index("Part 1 Item 3.b")
    assert section.index("Part 1 Item 9 ") < section.index("Part 1 Item 10 ")
    # questions in English and Korean
    sex = q.question("sex")
    assert flat(sex.label.get("en")) in text
    assert flat(sex.label.get("ko")) in text
    # values: dates, booleans, choice labels, money, list items one per line, A-Number
    assert "03/04/2001" in text and "04/01/2027" in text
    assert "Female" in text
    assert "$11,200" in text
    assert "Yes" in text
    assert "A-099-000-000" in text
    trip_lines = [line for line in raw.splitlines() if re.match(r"^[12]\. Date you left", line)]
    assert len(trip_lines) == 2
    assert "Date you left: 11/16/2024" in text
    assert "Travelled with advance parole: Yes" in text
    # a key that feeds no form item
    assert q.question("daca.ever_granted").label.get("en") in text.split("Screening only")[1]
    assert_font_embedded(path)
    assert_letter_page_with_ink(render(path, tmp_path, "answers"))


def test_answer_sheet_in_spanish_and_with_few_answers(tmp_path: Path) -> None:
    q = questionnaire()
    answers = {"name.native": NATIVE, "sex": "M", "bio.race": ["asian", "white"]}
    path = write(tmp_path, "few.pdf", answer_sheet(answers, [], q, "es"))
    text = flat(text_of(path))
    assert flat(q.question("sex").label.get("es")) in text
    assert "Male" in text and "Asian, White" in text
    assert NATIVE in text
    empty = flat(text_of(write(tmp_path, "empty.pdf", answer_sheet({}, [], q, "en"))))
    assert "No answers yet" in empty


# -- checklist ------------------------------------------------------------------------------


def test_checklist_renewal(tmp_path: Path) -> None:
    answers = someone()
    determination = screen(answers, ON, policy(), "en").to_json()
    path = write(tmp_path, "renewal.pdf", checklist(answers, determination, "renewal", "ko"))
    text = flat(text_of(path))
    assert "Identity document" in text and "신분증" in text
    assert "Two identical passport-style photos" in text
    assert "work permit (EAD), front and back" in text
    assert "previous DACA approval notice" in text
    assert "June 15, 2007" not in text
    assert "Court records" not in text
    assert "Fee for Form I-821D" in text and "Fee for Form I-765" in text
    assert "check or money order" not in text and "G-1145" in text
    assert NATIVE in text
    assert_font_embedded(path)
    # the boxes to tick: one drawn square per item
    streams = [p.get_contents() for p in PdfReader(str(path)).pages]
    content = b"".join(c.get_data() for c in streams if c is not None)
    assert len(re.findall(rb" re\b", content)) >= 7  # 7 items, no other rectangles


def test_checklist_initial_with_criminal_travel_and_removal(tmp_path: Path) -> None:
    answers = initial(
        criminal=[
            {"date": "2019-02-03", "offense": "petty theft", "place": "Fresno, CA"},
            {"date": "2020-07-09", "offense": "trespassing", "place": "Reno, NV"},
        ],
        travel=[{"departed": "2015-03-01", "returned": "2015-03-20", "advance_parole": True}],
        **{"removal.status": "administratively_closed"},
    )
    path = write(tmp_path, "initial.pdf", checklist(answers, {}, "initial", "es"))
    text = flat(text_of(path))
    assert "Proof of arrival in the U.S. before the 16th birthday" in text
    assert "June 15, 2007" in text and "June 15, 2012" in text
    assert "GED" in text
    assert "work permit (EAD)" not in text
    assert text.count("Court records") == 2
    assert "petty theft" in text and "trespassing" in text
    assert "Registros del tribunal" in text
    assert "removal proceedings" in text
    assert "Advance parole document and I-94 for the trip 03/01/2015 - 03/20/2015" in text


def test_checklist_without_a_request_type_shows_both_lists(tmp_path: Path) -> None:
    text = flat(text_of(write(tmp_path, "x.pdf", checklist({}, {}, None, "en"))))
    assert "work permit (EAD)" in text and "June 15, 2007" in text


# -- addendum -------------------------------------------------------------------------------


def test_addendum_header_on_every_page(tmp_path: Path) -> None:
    entries = [
        AddendumEntry(
            "I-821D 01/20/25",
            3,
            f"Part 2 Item {n}.a" if n % 2 else f"Part 2 (travel, entry {n})",
            f"Entry {n}: " + "the trip was to visit family and came back the same month. " * 4,
        )
        for n in range(60)
    ]
    long_text = "word " * 900 + "LASTWORD"
    entries.append(AddendumEntry("I-765 08/21/25", None, "Part 2 Item 27", long_text))
    path = write(tmp_path, "addendum.pdf", addendum(someone(), entries))
    count = pages_of(path)
    assert count >= 3
    for page in range(1, count + 1):
        text = flat(text_of(path, page))
        assert "Family Name (Last Name)" in text and "TestpersonA" in text, page
        assert "Given Name (First Name)" in text and "Minji" in text, page
        assert "A-099-000-000" in text, page
        assert f"Page {page} of {count}" in text
    text = flat(text_of(path))
    head = "Form Page Number Part Number Item Number"
    assert f"{head} I-821D, edition 01/20/25 3 2 3.a Entry 3:" in text
    assert f"{head} I-821D, edition 01/20/25 3 2 travel, entry 4 Entry 4:" in text
    assert "Entry 59:" in text
    assert "LASTWORD" in text  # long text wraps, nothing lost
    assert f"{head} I-765, edition 08/21/25 \u2014 2 27 word" in text
    assert_font_embedded(path)


def test_empty_addendum_and_no_a_number(tmp_path: Path) -> None:
    answers = someone()
    del answers["a_number"]
    path = write(tmp_path, "empty.pdf", addendum(answers, []))
    assert pages_of(path) == 1
    text = flat(text_of(path))
    assert "No additional information" in text
    assert "A-Number (if any) None" in text


def test_a_number_format() -> None:
    assert format_a_number("099123456") == "A-099-123-456"
    assert format_a_number("A 12345678") == "A-012-345-678"
    assert format_a_number(None) == "None"
    assert format_a_number("nonsense") == "None"


# -- draft mark -----------------------------------------------------------------------------


def odd_pages() -> bytes:
    """Three pages of different sizes and rotations, with a little text on each."""
    from reportlab.pdfgen.canvas import Canvas  # type: ignore[import-untyped]

    buffer = io.BytesIO()
    canvas = Canvas(buffer, initialFontName=hangul_font())
    for size in ((612, 792), (792, 612), (300, 500)):
        canvas.setPageSize(size)
        canvas.setFont(hangul_font(), 12)
        canvas.drawString(40, 40, f"page of {size[0]} x {size[1]}")
        canvas.showPage()
    canvas.save()
    writer = PdfWriter(clone_from=PdfReader(buffer))
    writer.pages[1].rotate(90)
    writer.pages[2].rotate(270)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_draft_mark_on_every_page(tmp_path: Path) -> None:
    path = write(tmp_path, "marked.pdf", draft_mark(odd_pages()))
    reader = PdfReader(str(path))
    assert len(reader.pages) == 3
    assert [p.rotation for p in reader.pages] == [0, 90, 270]
    for page in range(1, 4):
        text = flat(text_of(path, page))
        assert DRAFT_TEXT in text, page
        assert "page of" in text  # the page's own text is still there
    for each in reader.pages:  # the big diagonal stamp, one string
        assert DRAFT_TEXT in each.extract_text()
    assert_font_embedded(path)


def test_draft_mark_on_generated_documents(tmp_path: Path) -> None:
    entries = [
        AddendumEntry("I-821D 01/20/25", 2, f"Part 1 Item {n}", "x " * 400) for n in range(30)
    ]
    pdf = addendum(someone(), entries)
    path = write(tmp_path, "marked.pdf", draft_mark(pdf))
    count = pages_of(path)
    assert count == len(PdfReader(io.BytesIO(pdf)).pages) >= 3
    for page in range(1, count + 1):
        assert DRAFT_TEXT in flat(text_of(path, page))


def test_draft_mark_keeps_form_fields(tmp_path: Path) -> None:
    official = Path(__file__).resolve().parents[2] / "shared" / "forms" / "i-821d_2025-01-20.pdf"
    if not official.is_file():
        pytest.skip("the official I-821D is not in ../shared/forms")
    reader = PdfReader(str(official))
    if reader.is_encrypted:
        reader.decrypt("")
    writer = PdfWriter(clone_from=reader)
    name = next(n for n in writer.get_fields() or {} if n.endswith("P1_Line3a_Name[0]"))
    short = name.rsplit(".", 1)[-1]
    writer.update_page_form_field_values(writer.pages[0], {short: "TESTPERSONA"})
    filled = io.BytesIO()
    writer.write(filled)
    path = write(tmp_path, "form.pdf", draft_mark(filled.getvalue()))
    marked = PdfReader(str(path))
    assert "/AcroForm" in marked.root_object
    assert len(marked.pages) == len(reader.pages)
    fields = marked.get_fields() or {}
    assert fields[name].get("/V") == "TESTPERSONA"
    for page in range(1, len(marked.pages) + 1):
        assert DRAFT_TEXT in flat(text_of(path, page)), page
    assert "TESTPERSONA" in text_of(path, 1)  # the field's appearance still shows


def test_draft_mark_refuses_what_is_not_a_pdf() -> None:
    with pytest.raises(DocumentError):
        draft_mark(b"this is not a PDF")


# -- partial records ------------------------------------------------------------------------


def test_every_document_takes_an_empty_record(tmp_path: Path) -> None:
    q = questionnaire()
    docs = {
        "cover": cover_sheet({}, {}, [], {}, ON, filing="paper", lang_of_client="en"),
        "answers": answer_sheet({}, [], q, "ko"),
        "checklist": checklist({}, {}, None, "es"),
        "addendum": addendum({}, []),
    }
    for name, pdf in docs.items():
        path = write(tmp_path, f"{name}.pdf", pdf)
        assert pages_of(path) >= 1
        assert text_of(path).strip(), name
    cover_text = flat(text_of(tmp_path / "cover.pdf"))
    assert "Not screened yet" in cover_text and "A-Number None" in cover_text
    with pytest.raises(ValueError, match="paper or online"):
        cover_sheet({}, {}, [], {}, ON, filing="fax", lang_of_client="en")  # type: ignore[arg-type]


def test_accented_names_in_english_letters_and_as_written(tmp_path: Path) -> None:
    answers = someone(**{"name.family": "Peña", "name.given": "Sofía", "name.native": None})
    determination = {"request_type": "renewal", "outcome": "attorney_review"}
    cover = cover_sheet(answers, determination, [], {}, ON, filing="paper", lang_of_client="es")
    text = flat(text_of(write(tmp_path, "cover.pdf", cover)))
    assert "Pena, Sofia" in text  # as the forms take it
    assert "Peña, Sofía" in text  # as the client writes it
    text = flat(text_of(write(tmp_path, "add.pdf", addendum(answers, []))))
    assert "Pena" in text and "Sofia" in text and "Peña" not in text


def test_letters_nanumgothic_lacks_are_drawn_not_dropped(tmp_path: Path) -> None:
    """NanumGothic has no ã or õ: they come from DejaVu Sans, in the text and the page header."""
    answers = someone(**{"name.family": "Falcão", "name.given": "João"})
    path = write(tmp_path, "cover.pdf", cover(answers))
    text = flat(text_of(path))
    assert "Falcão, João" in text
    assert "Falc o" not in text and "Jo o" not in text
    header = text_of(path, 1)
    assert "Falcão" in header
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True).stdout
    assert "DejaVuSans" in fonts or "Clinic-Fallback" in fonts


# -- the client's language: the registry (clinic.domain.languages) and clinic/packet/texts ------


def test_every_document_text_is_in_every_client_language() -> None:
    english = importlib.import_module(f"clinic.packet.texts.{FALLBACK}")
    placeholders = re.compile(r"\{\w*\}")
    for code in languages.client_languages():
        module = importlib.import_module(f"clinic.packet.texts.{code}")
        for table in texts.TABLES:
            own, base = getattr(module, table), getattr(english, table)
            assert own.keys() == base.keys(), (code, table)
            for key, text in base.items():
                assert own[key].strip(), (code, table, key)
                assert placeholders.findall(own[key]) == placeholders.findall(text), (code, key)


def test_the_cover_sheet_names_the_clients_language(tmp_path: Path) -> None:
    text = flat(text_of(write(tmp_path, "pt.pdf", cover(someone(language="pt"), lang=FALLBACK))))
    assert "Client's language Portuguese (português)" in text
    text = flat(text_of(write(tmp_path, "ko.pdf", cover(someone()))))
    assert f"Client's language {languages.label('ko')}" in text


@pytest.fixture
def vietnamese(monkeypatch: pytest.MonkeyPatch) -> str:
    """A new client language in the registry, with no document texts yet."""
    questionnaire()
    policy()
    entry = languages.Language("vi", "Vietnamese", "Tiếng Việt")
    monkeypatch.setattr(languages, "LANGUAGES", (*languages.LANGUAGES, entry))
    return entry.code


def test_a_new_language_reads_english_until_its_document_texts_exist(
    vietnamese: str, tmp_path: Path
) -> None:
    answers = initial(criminal=[{"offense": "Trespass", "outcome": "dismissed"}])
    new = flat(text_of(write(tmp_path, "vi.pdf", checklist(answers, {}, None, vietnamese))))
    english = flat(text_of(write(tmp_path, "en.pdf", checklist(answers, {}, None, FALLBACK))))
    assert new == english
    assert "Documents to bring and attach Testperson" in new  # no "... / ..." of the same text
    new = flat(text_of(write(tmp_path, "cvi.pdf", cover(answers, lang=vietnamese))))
    english = flat(text_of(write(tmp_path, "cen.pdf", cover(answers, lang=FALLBACK))))
    assert new == english


def test_the_pseudo_locale_in_the_checklist(tmp_path: Path) -> None:
    code = next(lang.code for lang in languages.LANGUAGES if lang.pseudo)
    text = flat(text_of(write(tmp_path, "qps.pdf", checklist(someone(), {}, "renewal", code))))
    title = "Documents to bring and attach"
    assert f"{title} / {languages.pseudo(title)}" in text
    fee = "Fee for Form {form}: paid separately (see the cover sheet for how USCIS takes it)"
    assert " ".join(languages.pseudo(fee).format(form="I-765").split()) in text
    assert "Renewal / [" in text


def test_a_language_name_the_fonts_cannot_draw_is_named_in_english(tmp_path: Path) -> None:
    """Devanagari, Gurmukhi, Bengali... are in no packet font: "Nepali", never "Nepali (  )"."""
    text = flat(text_of(write(tmp_path, "ne.pdf", cover(someone(language="ne"), lang=FALLBACK))))
    assert "Client's language Nepali Filing" in text
    text = flat(text_of(write(tmp_path, "ht.pdf", cover(someone(language="ht"), lang=FALLBACK))))
    assert "Client's language Haitian Creole (Kreyòl ayisyen)" in text


@pytest.mark.parametrize(
    ("on", "said"),
    [
        # person(0) expires 2027-04-01: the window opens 2026-11-02 and closes 2026-12-02
        (dt.date(2026, 11, 21), "file by 12/02/2026 so your work permit does not lapse"),
        (
            dt.date(2026, 12, 3),
            "The time USCIS recommends for filing a renewal ended on 12/02/2026",
        ),
        (dt.date(2027, 4, 2), "Your DACA expired on 04/01/2027"),
    ],
)
def test_the_take_home_sheet_never_gives_a_deadline_already_past(
    tmp_path: Path, on: dt.date, said: str
) -> None:
    """From a user's walk: a sheet printed after the window closed told the client to file
    "before" a date already gone."""
    answers = someone()
    det = screen(answers, on, policy()).to_json()
    sheet = write(tmp_path, "home.pdf", take_home(answers, det, "en", on))
    text = flat(text_of(sheet))
    assert said in text, text
    if on > dt.date(2026, 12, 2):
        assert "so your work permit does not lapse" not in text


def test_the_cover_sheet_writes_every_date_as_the_forms_do(tmp_path: Path) -> None:
    """The flags' messages (rule texts) carry dates too: on the cover sheet they read
    MM/DD/YYYY like the forms' dates beside them, never 2026-04-19 in one line and 04/19/2026
    in the next."""
    answers = someone(**{"daca.expires": "2026-04-19"})  # expired under a year before ON
    path = write(tmp_path, "cover.pdf", cover(answers))
    text = flat(text_of(path))
    assert "04/19/2026" in text and "expired" in text.lower()
    assert not re.search(r"\b\d{4}-\d{2}-\d{2}\b", text), re.findall(r"\d{4}-\d{2}-\d{2}", text)
