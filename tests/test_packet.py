"""Packets end to end on the real USCIS PDFs: every pack filled and read back, the files a person
gets, the draft mark, editions by date, and a packet stored encrypted in a clinic.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from clinic.domain.answers import normalize_answers
from clinic.domain.demo import generate_people_with_scenarios
from clinic.packet.assemble import build_packet
from clinic.packet.fill import fill_form
from clinic.packet.library import FormLibrary, LibraryError
from clinic.packet.packs import all_packs
from tests.conftest import Cli, write_json
from tests.conftest import person as synthetic_person
from tests.forms_fixture import SHARED_FORMS, official

ON = dt.date(2026, 11, 21)
IN_2016_WINDOW = dt.date(2017, 1, 10)  # the I-765 03/11/16 is accepted 2016-03-11 to 2017-07-16


def person(scenario: str = "renewal_in_window_with_worksheet") -> dict[str, Any]:
    people = dict(generate_people_with_scenarios(40, today=ON))
    return normalize_answers(people[scenario])


def pdftotext(data: bytes, tmp_path: Path) -> str:
    path = tmp_path / "x.pdf"
    path.write_bytes(data)
    out = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    )
    return " ".join(out.stdout.split())


@pytest.fixture(scope="module")
def library() -> FormLibrary:
    if not SHARED_FORMS.is_dir():
        pytest.skip("no ../shared/forms")
    return FormLibrary(SHARED_FORMS)


@pytest.mark.parametrize("key", [p.key for p in all_packs()])
def test_every_pack_fills_and_reads_back_every_mapped_field(key: str, tmp_path: Path) -> None:
    pack = next(p for p in all_packs() if p.key == key)
    pdf = official(f"{pack.slug}_{pack.accepted_from.isoformat()}.pdf")
    on = pack.accepted_from + dt.timedelta(days=30)
    answers = {**person(), "fee.amount": "85", "fee.form": "I-821D"}
    filled = fill_form(pdf, pack, answers, on)
    fields = PdfReader(io.BytesIO(filled.pdf)).get_fields() or {}
    text = pdftotext(filled.pdf, tmp_path)
    written = 0
    for name, fmap in pack.fields.items():
        got = fields[name].get("/V")
        want = filled.values.get(name)
        if fmap.type == "checkbox":
            assert str(got or "/Off") == want, name
            continue
        if want is None:
            assert got in (None, ""), f"{name} should be empty"
            continue
        written += 1
        assert str(got) == want, name
        # what a person sees: the value is on the page (comb boxes print one char per box)
        shown = want
        if fmap.type == "comb":
            assert " ".join(shown) in text or shown in text, name
        elif fmap.type == "text" and want != "See Addendum":
            assert shown[:20] in text, name
    assert written >= 3
    # nothing a PDF held before filling survives (a fixture arrived prefilled)
    for name in pack.blank:
        value = fields[name].get("/V") if name in fields else None
        assert value in (None, "", "/Off"), f"{name} kept a value"


def test_the_packet_a_person_gets(library: FormLibrary, tmp_path: Path) -> None:
    packet = build_packet(person(), ON, library)
    names = [f.name for f in packet.files]
    assert names == [
        "Cover sheet.pdf",
        "G-1450 for I-821D.pdf",  # payment forms on top, one per fee
        "G-1450 for I-765.pdf",
        "G-1145.pdf",
        "I-821D.pdf",
        "I-765.pdf",
        "Addendum.pdf",
        "Answer sheet.pdf",
        "Document checklist.pdf",
        "Take-home sheet.pdf",  # the client's, in their language: no SSN, no A-Number
    ]
    written = packet.write(tmp_path / "out", draft=True)
    manifest = json.loads((tmp_path / "out" / "packet.json").read_text())
    assert manifest["draft"] is True and manifest["packet_hash"] == packet.packet_hash
    for path in written:
        if path.suffix != ".pdf":
            continue
        reader = PdfReader(str(path))
        for n, page in enumerate(reader.pages):
            assert "DRAFT - NOT FOR FILING" in " ".join((page.extract_text() or "").split()), (
                path.name,
                n,
            )
    cover = pdftotext((tmp_path / "out" / "Cover sheet.pdf").read_bytes(), tmp_path)
    assert "강지호" in cover or person()["name.native"] in cover  # the native-script name
    # the official forms get the English-letter name, and the filled values survive the mark
    i821d = PdfReader(str(tmp_path / "out" / "I-821D.pdf")).get_fields() or {}
    assert any(str(v.get("/V")) == person()["name.family"] for v in i821d.values())


def test_an_approved_packet_has_no_draft_mark(library: FormLibrary, tmp_path: Path) -> None:
    packet = build_packet(person(), ON, library)
    packet.write(tmp_path / "final", draft=False)
    text = pdftotext((tmp_path / "final" / "I-821D.pdf").read_bytes(), tmp_path)
    assert "DRAFT" not in text


def test_each_form_is_filled_once_per_build_and_its_draft_copy_made_then(
    library: FormLibrary, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One plan per form (the values worked out once): the draft copy is the same values written
    into the draft-stamped template, made at build with the clean file, for every file."""
    from clinic.packet import fill

    planned: list[str] = []
    real_plan = fill.plan

    def counting_plan(pack: Any, *args: Any, **kwargs: Any) -> Any:
        planned.append(pack.key)
        return real_plan(pack, *args, **kwargs)

    monkeypatch.setattr(fill, "plan", counting_plan)
    packet = build_packet(person(), ON, library)
    forms = [f for f in packet.files if f.kind == "form"]
    assert len(forms) == 5 and sorted(planned) == sorted(packet.forms)  # G-1450 twice, once each
    for f in packet.files:
        assert f.draft is not None and f.draft != f.data, f.name
        marked = PdfReader(io.BytesIO(f.draft))
        assert len(marked.pages) == len(PdfReader(io.BytesIO(f.data)).pages), f.name
        for page in marked.pages:
            assert "DRAFT - NOT FOR FILING" in " ".join((page.extract_text() or "").split())
    for f in forms:  # the draft copy holds the same values as the clean file
        clean = PdfReader(io.BytesIO(f.data)).get_fields() or {}
        marked_fields = PdfReader(io.BytesIO(f.draft or b"")).get_fields() or {}
        assert {n: v.get("/V") for n, v in clean.items()} == {
            n: v.get("/V") for n, v in marked_fields.items()
        }, f.name
    assert packet.rendered(draft=True) == [(f.name, f.draft) for f in packet.files]


def test_same_answers_same_packet_hash(library: FormLibrary) -> None:
    a = build_packet(person(), ON, library)
    b = build_packet(person(), ON, library)
    assert [f.sha256 for f in a.files if f.kind == "form"] == [
        f.sha256 for f in b.files if f.kind == "form"
    ]


def test_a_date_outside_the_editions_window_is_refused(library: FormLibrary) -> None:
    with pytest.raises(LibraryError) as info:
        build_packet(person(), IN_2016_WINDOW, library)
    message = str(info.value)
    refused = r"I-821D: the installed edition 01/20/25 .* not accepted on 2017-01-10"
    assert re.search(refused, message)
    assert "G-1450" not in message  # a payment form is named on the cover sheet, never blocks
    # the I-765 is not refused: inside the 03/11/16 window that old edition is the one chosen
    assert "I-765" not in message
    assert library.for_date("I-765", IN_2016_WINDOW).pack.edition == "03/11/16"


def test_the_two_i765_editions_coexist_and_the_date_chooses(library: FormLibrary) -> None:
    old = library.for_date("I-765", IN_2016_WINDOW)
    new = library.for_date("I-765", ON)
    assert (old.pack.key, new.pack.key) == ("I-765 03/11/16", "I-765 08/21/25")
    assert (old.path.name, new.path.name) == ("i-765_2016-03-11.pdf", "i-765_2025-08-21.pdf")
    # a packet dated today (a fixed day) is filled on the 08/21/25 edition only
    packet = build_packet(person(), ON, library)
    assert "I-765 08/21/25" in packet.forms and "I-765 03/11/16" not in packet.forms
    # the old window's first and last days, and the days just outside it
    assert library.for_date("I-765", dt.date(2016, 3, 11)).pack.edition == "03/11/16"
    assert library.for_date("I-765", dt.date(2017, 7, 16)).pack.edition == "03/11/16"
    for day in (dt.date(2016, 3, 10), dt.date(2017, 7, 17), dt.date(2025, 8, 20)):
        with pytest.raises(LibraryError, match=f"I-765: the installed edition .* {day}"):
            library.for_date("I-765", day)


def _dark_pixels(pdf: bytes, rect: tuple[float, float, float, float], tmp_path: Path) -> int:
    """How many dark pixels poppler draws inside ``rect`` (PDF points, page 1) at 144 dpi."""
    x0, y0, x1, y1 = rect
    scale = 2  # 144 dpi
    path = tmp_path / "page.pdf"
    path.write_bytes(pdf)
    # a letter page is 792 points high; images count rows from the top
    x, y = round(x0 * scale) + 2, round((792 - y1) * scale) + 2
    w, h = round((x1 - x0) * scale) - 4, round((y1 - y0) * scale) - 4
    out = tmp_path / "crop"
    subprocess.run(
        [
            *("pdftoppm", "-r", "144", "-gray", "-f", "1", "-l", "1"),
            *("-x", str(x), "-y", str(y), "-W", str(w), "-H", str(h)),
            *(str(path), str(out)),
        ],
        check=True,
        capture_output=True,
    )
    image = next(tmp_path.glob("crop*.pgm")).read_bytes()
    next(tmp_path.glob("crop*.pgm")).unlink()
    pixels = image[-w * h :]  # P5: a short header, then one byte per pixel
    return sum(1 for b in pixels if b < 128)


def test_the_2016_i765_filled_shows_its_values_and_ticks(tmp_path: Path) -> None:
    """The 03/11/16 I-765 filled for a synthetic person: the values are on the page, and the ticked
    boxes are drawn (its checkboxes keep their appearance states in a referenced dictionary,
    which poppler and the Linux viewers built on it ignore unless the template inlines it)."""
    pack = next(p for p in all_packs() if p.key == "I-765 03/11/16")
    answers = synthetic_person(
        4, **{"name.middle": "Sora", "ead.previous_filed": True, "phone": "213-555-0147"}
    )
    filled = fill_form(official("i-765_2016-03-11.pdf"), pack, answers, IN_2016_WINDOW)
    text = pdftotext(filled.pdf, tmp_path)
    for shown in (
        "TESTPERSONE, MINJI SORA",
        "Seoul, South Korea",
        "100 Example Ave",
        "Los Angeles",
        "90010",
        "03/04/2001",
        "099000004",
        "2135550147",
    ):
        assert shown in text, shown
    assert re.search(r"\(\s*c\s*\)\s*\(\s*33\s*\)", text), "Item 16 (c)(33)"
    boxes = {  # the Rect of each box, from the PDF
        "Female": (145.5, 325.5, 154.5, 334.5),
        "Male": (97.5, 325.5, 106.5, 334.5),
        "Single": (115.5, 298.5, 124.5, 307.5),
        "Married": (55.5, 298.5, 64.5, 307.5),
        "Item 11 Yes": (55.5, 189.0, 64.5, 198.0),
        "Item 11 No": (55.5, 126.0, 64.5, 135.0),
    }
    ink = {name: _dark_pixels(filled.pdf, rect, tmp_path) for name, rect in boxes.items()}
    for ticked, empty in (("Female", "Male"), ("Single", "Married"), ("Item 11 Yes", "Item 11 No")):
        assert ink[ticked] > ink[empty] + 5, ink


def test_a_hangul_name_on_an_official_form_is_refused_by_name(library: FormLibrary) -> None:
    from clinic.packet.fill import FillError

    with pytest.raises(FillError) as info:
        build_packet({**person(), "name.given": "지호"}, ON, library)
    assert any("Item" in str(p) and "not in English letters" in str(p) for p in info.value.problems)


def test_packet_from_a_stored_record_is_encrypted_and_audited(cli: Cli, tmp_path: Path) -> None:
    if not SHARED_FORMS.is_dir():
        pytest.skip("no ../shared/forms")
    cli.ok("init", "--site", "S", "--admin", "admin", "--kdf-seconds", "0.002")
    cli.ok("forms", "install", *[str(p) for p in sorted(SHARED_FORMS.glob("*.pdf"))])
    answers = person()
    rid = cli.ok("intake", "import", str(write_json(tmp_path / "p.json", answers))).stdout.split()[
        1
    ]
    # a bad --out is refused before anything is screened or stored: nothing to clean up
    a_file = tmp_path / "notes.txt"
    a_file.write_text("a file where the packet folder should go")
    for bad, problem in ((a_file, "is a file, not a folder"), (cli.data / "mine", "data folder")):
        refused = cli.run("packet", "--record", rid[:8], "--out", str(bad), "--on", "2026-11-21")
        assert refused.returncode == 2 and problem in refused.stderr, refused.stderr
        assert str(bad) in refused.stderr
    assert not (cli.data / "packets" / rid).exists()
    assert json.loads(cli.ok("intake", "show", rid, "--json").stdout)["status"] != "in_review"
    out = tmp_path / "packet"
    proc = cli.ok("packet", "--record", rid[:8], "--out", str(out), "--on", "2026-11-21")
    assert "Stored packet" in proc.stdout and (out / "I-821D.pdf").is_file()
    shown = json.loads(cli.ok("intake", "show", rid, "--json").stdout)
    assert shown["status"] == "in_review"
    stored = list((cli.data / "packets" / rid).rglob("*.bin"))
    assert len(stored) == 10
    # beside them, made at build: each file's draft copy and its copy flattened for the screen
    copies = sorted(p.name for p in (cli.data / "packets" / rid).rglob("*.copy"))
    assert len(copies) == 20 and copies[0].startswith("draft-") and copies[-1].startswith("screen-")
    # markers long enough that random ciphertext cannot hold them by chance (a 4-byte name can:
    # about once in 200 runs over these megabytes)
    family = b"(" + answers["name.family"].encode() + b")"
    for blob in [*stored, *(cli.data / "packets" / rid).rglob("*.copy")]:
        data = blob.read_bytes()
        for plain in (b"%PDF-1.", b"endobj", b"/AcroForm", family):
            assert plain not in data, (blob.name, plain)  # encrypted at rest
    assert re.search(r"export\s+" + rid[:8] + r"\s+packet", cli.ok("audit").stdout)


def test_filled_pages_render_with_pdftoppm(library: FormLibrary, tmp_path: Path) -> None:
    """A printer or viewer draws the filled values: rendered, the page differs from the blank
    one in many pixels (appearance streams were generated, not left to the viewer)."""
    packet = build_packet(person(), ON, library)
    filled = next(f for f in packet.files if f.name == "I-821D.pdf")
    (tmp_path / "filled.pdf").write_bytes(filled.data)
    blank = official("i-821d_2025-01-20.pdf")
    for name, source in (("filled", tmp_path / "filled.pdf"), ("blank", blank)):
        subprocess.run(
            [
                "pdftoppm",
                "-f",
                "2",
                "-l",
                "2",
                "-r",
                "40",
                "-gray",
                str(source),
                str(tmp_path / name),
            ],
            check=True,
            capture_output=True,
        )
    filled_img = next(tmp_path.glob("filled-*.pgm")).read_bytes()
    blank_img = next(tmp_path.glob("blank-*.pgm")).read_bytes()
    assert len(filled_img) == len(blank_img)
    changed = sum(a != b for a, b in zip(filled_img, blank_img, strict=True))
    assert changed > 500  # ink where the A-Number, SSN, dates and ticks are


def test_review_approve_locks_the_version_and_removes_the_draft_mark(
    cli: Cli, tmp_path: Path
) -> None:
    from clinic.store.clinic import Clinic

    if not SHARED_FORMS.is_dir():
        pytest.skip("no ../shared/forms")
    cli.ok("init", "--site", "S", "--admin", "admin", "--kdf-seconds", "0.002")
    cli.ok("user", "add", "vol", "--role", "volunteer", CLINIC_NEW_PASSPHRASE="volunteer pass 1")
    cli.ok("user", "add", "atty", "--role", "attorney", CLINIC_NEW_PASSPHRASE="attorney pass 1")
    cli.ok("forms", "install", *[str(p) for p in sorted(SHARED_FORMS.glob("*.pdf"))])
    vol = Cli(cli.data, cli.tmpdir, user="vol", passphrase="volunteer pass 1")
    atty = Cli(cli.data, cli.tmpdir, user="atty", passphrase="attorney pass 1")
    rid = vol.ok("intake", "import", str(write_json(tmp_path / "p.json", person()))).stdout.split()[
        1
    ]
    vol.ok("packet", "--record", rid, "--out", str(tmp_path / "draft"), "--on", "2026-11-21")

    refused = vol.run("review", "approve", rid)
    assert refused.returncode == 2 and "a volunteer may not approve" in refused.stderr
    assert "Approved packet" in atty.ok("review", "approve", rid).stdout
    assert json.loads(vol.ok("intake", "show", rid, "--json").stdout)["status"] == "approved"

    final = tmp_path / "final"
    assert (
        "stored approved packet"
        in vol.ok("packet", "--record", rid, "--stored", "--out", str(final)).stdout
    )
    assert "DRAFT" not in pdftotext((final / "I-821D.pdf").read_bytes(), tmp_path)
    # rebuilding from the same answers on the same day gives the same, approved, packet
    again = vol.ok(
        "packet", "--record", rid, "--out", str(tmp_path / "again"), "--on", "2026-11-21"
    )
    assert "wrote the approved" in again.stdout
    # and on a later day too: nothing changed, so it is built as of its own date and stays
    # approved (issue 15 point 10); a different payment is another packet, for review
    later = vol.ok(
        "packet", "--record", rid, "--out", str(tmp_path / "later"), "--on", "2026-12-09"
    )
    assert "wrote the approved" in later.stdout
    assert "DRAFT" not in pdftotext((tmp_path / "later" / "I-821D.pdf").read_bytes(), tmp_path)
    assert json.loads(vol.ok("intake", "show", rid, "--json").stdout)["status"] == "approved"

    # an edit after approval leaves the packet behind: back to the forms (to build again, then
    # review), never approvable as it is; the export is a draft again
    clinic = Clinic(cli.data)
    session = clinic.unlock("vol", "volunteer pass 1")
    session.set_answers(rid, {**session.load(rid).answers, "phone": "2135550142"})
    clinic.close()
    assert json.loads(vol.ok("intake", "show", rid, "--json").stdout)["status"] == "screened"
    stale = atty.run("review", "approve", rid)
    assert stale.returncode == 2
    assert "the answers changed after packet" in stale.stderr
    assert "build the packet again, then review it" in " ".join(stale.stderr.split())
    redo = tmp_path / "redo"
    vol.ok("packet", "--record", rid, "--stored", "--out", str(redo))
    assert "DRAFT - NOT FOR FILING" in pdftotext((redo / "I-821D.pdf").read_bytes(), tmp_path)


@pytest.mark.parametrize("key", [p.key for p in all_packs()])
def test_prepared_template_fill_matches_the_pypdf_reference(key: str, tmp_path: Path) -> None:
    """The fast path (an incremental update on a prepared template) gives every field the same
    value as the pypdf reference fill, shows the values, and leaves nothing else filled."""
    from clinic.packet.fill import fill_with_pypdf

    pack = next(p for p in all_packs() if p.key == key)
    pdf = official(f"{pack.slug}_{pack.accepted_from.isoformat()}.pdf")
    on = pack.accepted_from + dt.timedelta(days=30)
    answers = {**person(), "fee.amount": "85", "fee.form": "I-821D"}
    fast = fill_form(pdf, pack, answers, on)
    reference = fill_with_pypdf(pdf, pack, answers, on)
    assert fast.pdf != reference.pdf and fast.values == reference.values
    got_fast = PdfReader(io.BytesIO(fast.pdf)).get_fields() or {}
    got_ref = PdfReader(io.BytesIO(reference.pdf)).get_fields() or {}
    assert set(got_fast) == set(got_ref)
    for name in got_ref:
        a, b = got_fast[name].get("/V"), got_ref[name].get("/V")
        assert str(a or "") in (str(b or ""), "/Off" if not b else str(b)), name
    family = person()["name.family"].lower()  # some editions write it in upper case
    assert family in pdftotext(reference.pdf, tmp_path).lower()
    assert family in pdftotext(fast.pdf, tmp_path).lower()
    check = subprocess.run(["pdfinfo", "-"], input=fast.pdf, capture_output=True, check=False)
    assert check.returncode == 0, check.stderr


def test_the_cover_sheet_lists_names_written_without_accents(
    library: FormLibrary, tmp_path: Path
) -> None:
    reader = {**person(), "english.reads": True}  # no interpreter to name
    packet = build_packet({**reader, "name.family": "Núñez"}, ON, library)
    assert packet.notes == ["'Núñez' is written 'Nunez' on the forms (English letters only)"]
    cover = pdftotext(packet.files[0].data, tmp_path)
    assert "Check on the forms" in cover and "is written 'Nunez'" in cover


def test_a_damaged_prepared_template_is_prepared_again(tmp_path: Path) -> None:
    """Prepared templates are a cache: a damaged or altered one is never used."""
    from clinic.packet.template import OWN_FOLDER, TemplateCache

    pack = next(p for p in all_packs() if p.key == "G-1145 09/26/14")
    forms = tmp_path / "forms"
    forms.mkdir()
    (forms / OWN_FOLDER).touch()  # a clinic's own forms folder: templates are kept beside
    pdf = forms / "g-1145.pdf"
    pdf.write_bytes(official("g-1145_2014-09-26.pdf").read_bytes())
    first = TemplateCache().get(pdf, pack, pack.sha256)
    saved = sorted((forms / ".prepared").glob("*.pdf"))
    assert len(saved) == 1
    # altered template bytes: the index's hash no longer matches, so it is prepared again
    saved[0].write_bytes(saved[0].read_bytes().replace(b"%%EOF", b"%%EOF\n% altered"))
    again = TemplateCache().get(pdf, pack, pack.sha256)
    assert again.data == first.data
    # an unreadable index: the same
    next((forms / ".prepared").glob("*.json")).write_text("{not json", encoding="utf-8")
    assert TemplateCache().get(pdf, pack, pack.sha256).data == first.data


def test_packet_from_a_record_says_its_recorded_screening(cli: Cli, tmp_path: Path) -> None:
    """`clinic packet --record` builds from the record's screening (here one made before the
    renewal window opened), and refuses once the answers changed after it."""
    from clinic.store.clinic import Clinic

    if not SHARED_FORMS.is_dir():
        pytest.skip("no ../shared/forms")
    cli.ok("init", "--site", "S", "--admin", "admin", "--kdf-seconds", "0.002")
    cli.ok("forms", "install", *[str(p) for p in sorted(SHARED_FORMS.glob("*.pdf"))])
    rid = cli.ok("intake", "import", str(write_json(tmp_path / "p.json", person()))).stdout.split()[
        1
    ]
    cli.ok("intake", "screen", rid, "--on", "2026-09-22")
    with Clinic(cli.data) as clinic:
        recorded = clinic.unlock("admin", cli.passphrase).load(rid).determination
    assert recorded is not None and recorded["outcome"] == "attorney_review"
    built = cli.ok("packet", "--record", rid, "--out", str(tmp_path / "a"), "--on", "2026-11-21")
    assert "Screening: Needs attorney review (attorney_review);" in built.stderr
    cover = pdftotext((tmp_path / "a" / "Cover sheet.pdf").read_bytes(), tmp_path)
    assert "Needs attorney review" in cover

    clinic = Clinic(cli.data)
    session = clinic.unlock("admin", cli.passphrase)
    session.set_answers(rid, {**session.load(rid).answers, "phone": "2135550142"})
    clinic.close()
    refused = cli.run("packet", "--record", rid, "--out", str(tmp_path / "b"), "--on", "2026-11-21")
    assert refused.returncode == 2 and not (tmp_path / "b").exists()
    assert "the answers changed since the last screening (2026-09-22)" in refused.stderr
    assert "screen this person again before building a packet" in refused.stderr
    assert f"(clinic intake screen {rid[:8]})" in refused.stderr  # the command that does it
    cli.ok("intake", "screen", rid, "--on", "2026-11-21")
    again = cli.ok("packet", "--record", rid, "--out", str(tmp_path / "b"), "--on", "2026-11-21")
    assert "Screening: May be eligible (likely_eligible);" in again.stderr


def test_a_packet_with_nothing_to_add_has_no_addendum(library: FormLibrary, tmp_path: Path) -> None:
    """An addendum that would say "No additional information" is not made: the cover sheet
    neither lists it nor asks for its signature (issue 15, found in a user's walk)."""
    packet = build_packet(person("renewal_too_early"), ON, library)
    assert "Addendum.pdf" not in [f.name for f in packet.files]
    cover = pdftotext(packet.files[0].data, tmp_path)
    assert "Addendum" not in cover
