"""Benchmark a packet: ClinicDay's filled USCIS forms against pdftk, PyMuPDF and a bare pypdf fill.

Run from the repository root::

    .venv/bin/python bench/bench_packet.py [--rounds 5] [--profile]

**ClinicDay.** A full packet for one synthetic person (``clinic.domain.demo``, scenario
``renewal_in_window_with_worksheet``, normalized) on 2026-11-21, on the official PDFs in
``../shared/forms``: ``build_packet(answers, on, FormLibrary(shared_forms))`` (cover sheet,
G-1145, G-1450, I-821D, G-1450, I-765, addendum, answer sheet, checklist). Also timed apart: the
forms alone (the five ``fill_form`` calls build_packet makes, with the same arguments) and the
documents alone (cover sheet, addendum, answer sheet, checklist).

**The others** fill the same five forms with the same values: ClinicDay's own plan
(``clinic.packet.fill.plan``), one {field full name: value} per form. They fill a template prepared
once, before any clock starts, the way an installer could: the official file decrypted
(``qpdf --decrypt``) with its ``/XFA`` form and ``/Perms`` removed (``qpdf --update-from-json``).

- *pdftk*: ``pdftk template.pdf fill_form values.xfdf output out.pdf`` (pdftk-java generates the
  appearance streams; the XFDF is written before timing). Each call starts a JVM: that is what
  using pdftk costs. A second row, for information only, adds ``need_appearances``.
- *PyMuPDF*: lives outside the app (never in ``.venv``): a small script run with another Python
  (``--pymupdf-python``, by default ``$TMPDIR/bench-venv/bin/python``) that opens the template,
  sets ``widget.field_value`` and calls ``widget.update()`` for each widget with a value, and
  saves to bytes.
  It times itself after its imports and one untimed warm-up pass.
- *pypdf bare*: ``PdfWriter(clone_from=reader)``, ``update_page_form_field_values`` per page and
  ``write``, without ClinicDay's checks, comb boxes, checkbox on-state checks or field clearing.

Each contestant's I-821D must show the person's family name in ``pdftotext`` (so nobody wins by
skipping appearances). Targets (median wall time over ``--rounds``): a packet in under 1 s, the
forms no slower than pdftk and at most 1.5 times PyMuPDF's time. A missing tool is reported with
how to install it and its column skipped. The script always exits 0; a missed target makes the
last line start with ``MISSES TARGET``. Field values of the shared PDFs are never printed: only
the synthetic person's values are written into them.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import gc
import hashlib
import html
import io
import json
import pstats
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from clinic.domain.answers import normalize_answers
from clinic.domain.demo import generate_people_with_scenarios
from clinic.domain.rules import screen
from clinic.packet import documents
from clinic.packet.assemble import _with_fee, build_packet
from clinic.packet.fill import AddendumEntry, FilledForm, fill_form, plan
from clinic.packet.library import FormLibrary, InstalledForm
from clinic.packet.packs import open_pdf, pdf_fields
from clinic.resources import policy, questionnaire

SHARED_FORMS = Path(__file__).resolve().parents[2] / "shared" / "forms"
ON = dt.date(2026, 11, 21)
SCENARIO = "renewal_in_window_with_worksheet"
PACKET_TARGET_S = 1.0
PDFTK_RATIO_TARGET = 1.0
PYMUPDF_RATIO_TARGET = 1.5
DEFAULT_PYMUPDF_PYTHON = Path(tempfile.gettempdir()) / "bench-venv" / "bin" / "python"

INSTALL_PDFTK = "apt-get install -y pdftk-java"
INSTALL_QPDF = "apt-get install -y qpdf"
INSTALL_PDFTOTEXT = "apt-get install -y poppler-utils"
INSTALL_PYMUPDF = (
    f"python3 -m venv {DEFAULT_PYMUPDF_PYTHON.parents[1]} && "
    f"{DEFAULT_PYMUPDF_PYTHON.parent}/pip install pymupdf   (never into .venv)"
)

# Run by the PyMuPDF interpreter, not by this one: PyMuPDF is not a dependency of the app, and
# mypy never sees it. Reads the job as JSON on stdin, prints the times as JSON on stdout.
PYMUPDF_SCRIPT = r"""
import json, re, sys, time
import pymupdf

job = json.load(sys.stdin)
CHECKS = (pymupdf.PDF_WIDGET_TYPE_CHECKBOX, pymupdf.PDF_WIDGET_TYPE_RADIOBUTTON)

def name(raw):  # PyMuPDF gives on-states as written in the file ("AM#20NOT")
    return re.sub("#([0-9A-Fa-f]{2})", lambda m: chr(int(m.group(1), 16)), str(raw))

def fill(form):
    values = form["values"]
    doc = pymupdf.open(form["template"])
    for page in doc:
        for widget in page.widgets():
            value = values.get(widget.field_name)
            if value is None:
                continue
            if widget.field_type in CHECKS:
                widget.field_value = value != "/Off" and value[1:] == name(widget.on_state())
            else:
                widget.field_value = value
            widget.update()
    data = doc.tobytes()
    doc.close()
    return data

for form in job["forms"]:  # warm-up, untimed
    fill(form)
times = []
outputs = []
for form in job["forms"]:
    start = time.perf_counter()
    data = fill(form)
    times.append(time.perf_counter() - start)
    outputs.append(data)
for form, data in zip(job["forms"], outputs):
    with open(form["out"], "wb") as fh:
        fh.write(data)
print(json.dumps({"times": times, "version": pymupdf.__version__}))
"""


@dataclass
class Form:
    """One official form of the packet, with what every contestant needs to fill it."""

    name: str  # the packet's file name, e.g. "G-1450 for I-765.pdf"
    installed: InstalledForm
    answers: Mapping[str, Any]
    values: dict[str, str] = field(default_factory=dict)  # ClinicDay's plan
    template: Path | None = None  # decrypted, XFA-free
    xfdf: Path | None = None

    @property
    def slug(self) -> str:
        return self.name.removesuffix(".pdf").replace(" ", "_")


@dataclass
class Contestant:
    """A row of the table: per-round times (total and per form), and its I-821D check."""

    label: str
    short: str  # in the per-round and per-form lines
    rounds: list[float] = field(default_factory=list)
    per_form: list[list[float]] = field(default_factory=list)
    check: str = "-"
    note: str = ""

    @property
    def median(self) -> float:
        return statistics.median(self.rounds)


def person() -> dict[str, Any]:
    people = dict(generate_people_with_scenarios(40, today=ON))
    return normalize_answers(people[SCENARIO])


def packet_forms(data: Mapping[str, Any], library: FormLibrary) -> list[Form]:
    """The forms ``build_packet`` fills for a paper filing, with the same answers (a copy of its
    logic; :func:`check_forms_match` compares it with a real packet)."""
    fees = policy().fees_on(ON).forms
    wanted: list[tuple[str, str, Mapping[str, Any]]] = []
    if data.get("email") or data.get("mobile_phone"):
        wanted.append(("G-1145.pdf", "G-1145", data))
    wanted.append(
        ("G-1450 for I-821D.pdf", "G-1450", _with_fee(data, "I-821D", fees["I-821D"].paper))
    )
    wanted.append(("I-821D.pdf", "I-821D", data))
    wanted.append(("G-1450 for I-765.pdf", "G-1450", _with_fee(data, "I-765", fees["I-765"].paper)))
    wanted.append(("I-765.pdf", "I-765", data))
    return [Form(name, library.for_date(form, ON), values) for name, form, values in wanted]


def check_forms_match(
    forms: Sequence[Form], library: FormLibrary, data: Mapping[str, Any]
) -> tuple[str, list[FilledForm]]:
    """Whether our five fill_form calls make build_packet's forms, byte for byte (also the
    warm-up: imports, fonts, caches); and the filled forms."""
    packet = build_packet(data, ON, library)
    got = [(f.name, f.sha256) for f in packet.files if f.kind == "form"]
    _times, filled = clinic_forms(forms)
    ours = [(f.name, hashlib.sha256(x.pdf).hexdigest()) for f, x in zip(forms, filled, strict=True)]
    if got != ours:
        return "the forms differ from build_packet's: update packet_forms()", filled
    return "", filled


# -- templates prepared once -----------------------------------------------------------------


def _qpdf_json(pdf: Path, obj: str) -> tuple[dict[str, Any], Any]:
    out = subprocess.run(
        ["qpdf", "--json-output=2", f"--json-object={obj}", str(pdf), "-"],
        capture_output=True,
        check=False,
    )
    if out.returncode not in (0, 3):
        raise RuntimeError(f"qpdf --json-output failed on {pdf.name}")
    doc = json.loads(out.stdout)["qpdf"]
    return doc[0], next(iter(doc[1].values()))


def prepare_with_qpdf(source: Path, target: Path) -> None:
    """``qpdf --decrypt``, then a catalog without ``/Perms`` whose AcroForm (made a direct
    dictionary: qpdf's JSON update does not drop a key from an indirect one) has no ``/XFA``,
    with ``--update-from-json``; qpdf leaves out the objects no longer referenced."""
    decrypted = target.with_suffix(".decrypted.pdf")
    run = subprocess.run(
        ["qpdf", "--decrypt", str(source), str(decrypted)], capture_output=True, check=False
    )
    if run.returncode not in (0, 3):
        raise RuntimeError(f"qpdf --decrypt failed on {source.name}")
    header, trailer = _qpdf_json(decrypted, "trailer")
    root_ref = str(trailer["value"]["/Root"])
    _h, root = _qpdf_json(decrypted, root_ref.split()[0])
    catalog = dict(root["value"])
    catalog.pop("/Perms", None)
    acro = catalog.get("/AcroForm")
    if isinstance(acro, str):  # "N 0 R"
        _h, acro = _qpdf_json(decrypted, acro.split()[0])
        acro = acro["value"]
    if isinstance(acro, dict):
        catalog["/AcroForm"] = {k: v for k, v in acro.items() if k != "/XFA"}
    patch = target.with_suffix(".json")
    patch.write_text(json.dumps({"qpdf": [header, {f"obj:{root_ref}": {"value": catalog}}]}))
    run = subprocess.run(
        ["qpdf", str(decrypted), f"--update-from-json={patch}", str(target)],
        capture_output=True,
        check=False,
    )
    decrypted.unlink()
    patch.unlink()
    if run.returncode not in (0, 3):
        raise RuntimeError(f"qpdf --update-from-json failed on {source.name}")
    if _qpdf_json(target, "trailer")[1]["value"].get("/Encrypt") is not None:
        raise RuntimeError(f"{source.name} is still encrypted")


def prepare_with_pypdf(source: Path, target: Path) -> None:
    """The same template without qpdf: pypdf decrypts, drops ``/XFA`` and ``/Perms``, writes."""
    from pypdf import PdfWriter
    from pypdf.generic import DictionaryObject, NameObject

    writer = PdfWriter(clone_from=open_pdf(source))
    acro = writer._root_object["/AcroForm"].get_object()
    assert isinstance(acro, DictionaryObject)
    if "/XFA" in acro:
        del acro[NameObject("/XFA")]
    if "/Perms" in writer._root_object:
        del writer._root_object[NameObject("/Perms")]
    with open(target, "wb") as fh:
        writer.write(fh)


def write_xfdf(values: Mapping[str, str], target: Path) -> None:
    """The values as XFDF for pdftk: full field names; checkboxes by on-state without "/"."""
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<xfdf xmlns="http://ns.adobe.com/xfdf/" xml:space="preserve">',
        "<fields>",
    ]
    for name, value in values.items():
        text = value[1:] if value.startswith("/") else value
        lines.append(
            f'<field name="{html.escape(name)}"><value>{html.escape(text)}</value></field>'
        )
    lines += ["</fields>", "</xfdf>", ""]
    target.write_text("\n".join(lines), encoding="utf-8")


# -- the contestants -------------------------------------------------------------------------


def timed(fn: Callable[..., Any], *args: Any, **kwargs: Any) -> tuple[float, Any]:
    gc.collect()  # nobody pays for the garbage of the one before
    start = time.perf_counter()
    result = fn(*args, **kwargs)
    return time.perf_counter() - start, result


def clinic_forms(forms: Sequence[Form]) -> tuple[list[float], list[FilledForm]]:
    times, filled = [], []
    for form in forms:
        t, result = timed(fill_form, form.installed.path, form.installed.pack, form.answers, ON)
        times.append(t)
        filled.append(result)
    return times, filled


@dataclass
class DocumentInputs:
    """What build_packet hands the document builders, worked out before timing."""

    data: Mapping[str, Any]
    lang: str
    det: Any
    fee_table: dict[str, tuple[int, int]]
    packs: list[Any]
    entries: list[AddendumEntry]


def document_inputs(data: Mapping[str, Any], filled: Sequence[FilledForm]) -> DocumentInputs:
    spoken = str(data.get("language", "en"))
    lang = spoken if spoken in ("en", "ko", "es") else "en"
    rules = policy()
    det = screen(data, ON, rules, lang)
    fees = rules.fees_on(ON).forms
    return DocumentInputs(
        data=data,
        lang=lang,
        det=det,
        fee_table={form: (fee.paper, fee.online) for form, fee in fees.items()},
        packs=[f.pack for f in filled],
        entries=[e for f in filled for e in f.addendum],
    )


def clinic_documents(d: DocumentInputs) -> list[float]:
    """The four documents as build_packet makes them, each timed."""
    steps: list[Callable[[], bytes]] = [
        lambda: documents.cover_sheet(
            d.data, d.det.to_json(), d.packs, d.fee_table, ON, filing="paper", lang_of_client=d.lang
        ),
        lambda: documents.addendum(d.data, d.entries),
        lambda: documents.answer_sheet(d.data, d.packs, questionnaire(), d.lang),
        lambda: documents.checklist(d.data, d.det.to_json(), d.det.request_type, d.lang),
    ]
    return [timed(step)[0] for step in steps]


def pypdf_bare(form: Form) -> bytes:
    from pypdf import PdfReader, PdfWriter

    assert form.template is not None
    writer = PdfWriter(clone_from=PdfReader(str(form.template)))
    for page in writer.pages:
        writer.update_page_form_field_values(page, form.values, auto_regenerate=False)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def pdftk_fill(form: Form, out: Path, *, need_appearances: bool) -> None:
    assert form.template is not None and form.xfdf is not None
    argv = ["pdftk", str(form.template), "fill_form", str(form.xfdf), "output", str(out)]
    if need_appearances:
        argv.append("need_appearances")
    run = subprocess.run(argv, capture_output=True, check=False)
    if run.returncode != 0:
        raise RuntimeError(f"pdftk failed on {form.name}: {run.stderr.decode()[-300:]}")


def pymupdf_python(path: Path) -> str | None:
    """Why PyMuPDF cannot run with ``path``, or None when it can."""
    if not path.exists():
        return f"no {path}"
    run = subprocess.run(
        [str(path), "-c", "import pymupdf"], capture_output=True, check=False, timeout=60
    )
    return None if run.returncode == 0 else f"{path} cannot import pymupdf"


def pymupdf_round(python: Path, forms: Sequence[Form], outdir: Path) -> tuple[list[float], str]:
    job = {
        "forms": [
            {"template": str(f.template), "values": f.values, "out": str(outdir / f.name)}
            for f in forms
        ]
    }
    run = subprocess.run(
        [str(python), "-c", PYMUPDF_SCRIPT],
        input=json.dumps(job).encode(),
        capture_output=True,
        check=False,
    )
    if run.returncode != 0:
        raise RuntimeError(f"the PyMuPDF script failed: {run.stderr.decode()[-500:]}")
    result = json.loads(run.stdout)
    return [float(t) for t in result["times"]], str(result["version"])


# -- checks ----------------------------------------------------------------------------------


def family_name_field(form: Form) -> str:
    return next(n for n, f in form.installed.pack.fields.items() if f.value == "name.family")


def shows(pdf: bytes, want: str, scratch: Path) -> str:
    """Whether ``pdftotext`` finds ``want`` on the pages of ``pdf`` (never prints the text)."""
    if shutil.which("pdftotext") is None:
        return f"not checked ({INSTALL_PDFTOTEXT})"
    path = scratch / "check.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=False)
    path.unlink()
    text = " ".join(out.stdout.decode("utf-8", "replace").split())
    return "ok" if want in text else "FAILED: the family name is not on the page"


# -- profile ---------------------------------------------------------------------------------


def profile(data: Mapping[str, Any], library: FormLibrary, top: int = 30) -> str:
    prof = cProfile.Profile()
    prof.enable()
    build_packet(data, ON, library)
    prof.disable()
    out = io.StringIO()
    stats = pstats.Stats(prof, stream=out).strip_dirs()
    stats.sort_stats("cumulative").print_stats(top)
    stats.sort_stats("tottime").print_stats(top)
    return out.getvalue()


# -- main ------------------------------------------------------------------------------------


def fmt(seconds: float) -> str:
    return f"{seconds:.3f}"


def main(argv: Sequence[str] | None = None) -> int:
    try:
        return run(argv)
    except Exception:  # a benchmark reports, it never fails the caller
        traceback.print_exc()
        print("the benchmark stopped early (see above); no figures")
        return 0


def run(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--rounds", type=int, default=5, help="rounds of each contestant (5)")
    parser.add_argument("--forms", type=Path, default=SHARED_FORMS, help="official PDFs folder")
    parser.add_argument(
        "--pymupdf-python",
        type=Path,
        default=DEFAULT_PYMUPDF_PYTHON,
        help=f"a Python that has PyMuPDF, outside the app's venv ({DEFAULT_PYMUPDF_PYTHON})",
    )
    parser.add_argument("--dir", type=Path, default=None, help="where to put the scratch files")
    parser.add_argument("--profile", action="store_true", help="cProfile one more build_packet")
    args = parser.parse_args(argv)
    rounds = max(1, args.rounds)

    if not args.forms.is_dir():
        print(f"no official PDFs in {args.forms}: nothing to measure")
        return 0
    library = FormLibrary(args.forms)
    data = person()
    forms = packet_forms(data, library)
    skipped: list[str] = []
    have_pdftk = shutil.which("pdftk") is not None
    if not have_pdftk:
        skipped.append(f"pdftk: not installed ({INSTALL_PDFTK})")
    why_not = pymupdf_python(args.pymupdf_python)
    if why_not:
        skipped.append(f"PyMuPDF: {why_not} ({INSTALL_PYMUPDF}; or --pymupdf-python PATH)")

    work = Path(tempfile.mkdtemp(prefix="bench-packet-", dir=args.dir))
    try:
        # -- prepared once, before any clock -------------------------------------------------
        mismatch, warm = check_forms_match(forms, library, data)
        templates: dict[Path, Path] = {}
        how = "qpdf --decrypt + --update-from-json"
        if shutil.which("qpdf") is None:
            how = f"pypdf (qpdf not installed: {INSTALL_QPDF})"
        for form in forms:
            source = form.installed.path
            if source not in templates:
                target = work / f"template-{source.stem}.pdf"
                try:
                    if shutil.which("qpdf") is None:
                        raise RuntimeError("no qpdf")
                    prepare_with_qpdf(source, target)
                except RuntimeError as exc:
                    if shutil.which("qpdf") is not None:
                        how = f"pypdf for {source.name} ({exc})"
                    prepare_with_pypdf(source, target)
                templates[source] = target
            form.template = templates[source]
            fields = pdf_fields(open_pdf(source))
            form.values, _addendum, _notes = plan(form.installed.pack, fields, form.answers, ON)
            form.xfdf = work / f"{form.slug}.xfdf"
            write_xfdf(form.values, form.xfdf)
        inputs = document_inputs(data, warm)
        clinic_documents(inputs)  # warm-up
        pypdf_bare(forms[0])

        full = Contestant("ClinicDay full packet (build_packet)", "packet")
        packs_load = Contestant("  of which FormLibrary() (loads the packs)", "FormLibrary()")
        only = Contestant("ClinicDay forms only (5 fill_form)", "ClinicDay forms")
        docs = Contestant("ClinicDay documents only (4)", "documents")
        bare = Contestant("pypdf bare fill (5, no checks)", "pypdf bare")
        tk = Contestant("pdftk fill_form (5)", "pdftk")
        tk_na = Contestant("pdftk fill_form need_appearances (5, info)", "pdftk need_app.")
        mu = Contestant("PyMuPDF (5)", "PyMuPDF")
        contestants = [full, packs_load, only, docs, bare]
        if have_pdftk:
            contestants += [tk, tk_na]
        if not why_not:
            contestants.append(mu)
        outputs: dict[str, bytes] = {}
        i821d = next(i for i, f in enumerate(forms) if f.installed.pack.form == "I-821D")

        print(
            f"packet of {SCENARIO} on {ON.isoformat()}: "
            + ", ".join(f"{f.name} ({f.installed.pack.key}, {len(f.values)} values)" for f in forms)
        )
        print(f"templates for the others: {how}; {rounds} round(s), wall-clock seconds\n")

        def whole() -> Any:
            start = time.perf_counter()
            lib = FormLibrary(args.forms)
            packs_load.rounds.append(time.perf_counter() - start)
            return build_packet(data, ON, lib)

        for r in range(rounds):
            t, packet = timed(whole)
            full.rounds.append(t)
            outputs[full.label] = next(f.data for f in packet.files if f.name == "I-821D.pdf")

            times, filled = clinic_forms(forms)
            only.rounds.append(sum(times))
            only.per_form.append(times)
            outputs[only.label] = filled[i821d].pdf

            times = clinic_documents(inputs)
            docs.rounds.append(sum(times))
            docs.per_form.append(times)

            times = []
            for form in forms:
                t, pdf = timed(pypdf_bare, form)
                times.append(t)
                if form is forms[i821d]:
                    outputs[bare.label] = pdf
            bare.rounds.append(sum(times))
            bare.per_form.append(times)

            for who, need in ((tk, False), (tk_na, True)):
                if who not in contestants:
                    continue
                try:
                    times = []
                    for form in forms:
                        out = work / f"pdftk-{form.slug}.pdf"
                        times.append(timed(pdftk_fill, form, out, need_appearances=need)[0])
                except (RuntimeError, OSError) as exc:
                    skipped.append(f"{who.label}: {exc}")
                    contestants.remove(who)
                    continue
                who.rounds.append(sum(times))
                who.per_form.append(times)
                outputs[who.label] = (work / f"pdftk-{forms[i821d].slug}.pdf").read_bytes()

            if mu in contestants:
                outdir = work / "pymupdf"
                outdir.mkdir(exist_ok=True)
                try:
                    times, version = pymupdf_round(args.pymupdf_python, forms, outdir)
                except (RuntimeError, OSError, ValueError, KeyError) as exc:
                    skipped.append(f"{mu.label}: {exc}")
                    contestants.remove(mu)
                else:
                    mu.rounds.append(sum(times))
                    mu.per_form.append(times)
                    mu.note = f"PyMuPDF {version}"
                    outputs[mu.label] = (outdir / forms[i821d].name).read_bytes()
            print(
                f"round {r + 1}: "
                + "  ".join(f"{c.short} {fmt(c.rounds[-1])}" for c in contestants)
            )

        # -- what each I-821D shows ---------------------------------------------------------
        want = forms[i821d].values[family_name_field(forms[i821d])]
        for c in contestants:
            if c.label in outputs:
                c.check = shows(outputs[c.label], want, work)

        # -- the table ----------------------------------------------------------------------
        print()
        heads = [f.name.removesuffix(".pdf").replace(" for ", "/") for f in forms]
        width = max(len(c.label) for c in contestants)
        print(f"{'median wall seconds':{width}}  {'total':>7}  {'min':>7}  I-821D shows the name")
        for c in contestants:
            print(
                f"{c.label:{width}}  {fmt(c.median):>7}  {fmt(min(c.rounds)):>7}  {c.check}"
                + (f"   ({c.note})" if c.note else "")
            )
        print(f"\nper form, median seconds: {'  '.join(f'{h:>14}' for h in heads)}")
        for c in (only, bare, tk, tk_na, mu):
            if c.per_form and c in contestants:
                cells = [statistics.median(col) for col in zip(*c.per_form, strict=True)]
                print(f"{c.short:25}  {'  '.join(f'{fmt(x):>14}' for x in cells)}")
        docs_cells = [statistics.median(col) for col in zip(*docs.per_form, strict=True)]
        print(
            "documents, median seconds: "
            + ", ".join(
                f"{n} {fmt(x)}"
                for n, x in zip(
                    ("cover", "addendum", "answer sheet", "checklist"), docs_cells, strict=True
                )
            )
        )
        rest = full.median - only.median - docs.median
        print(
            f"rest of build_packet (FormLibrary(), normalize, screen, edition look-ups): "
            f"about {fmt(rest)} s"
        )
        for line in skipped:
            print(f"skipped {line}")
        if mismatch:
            print(f"WARNING: {mismatch}")
        for c in contestants:
            if c.check.startswith("FAILED"):
                print(f"WARNING: {c.label}: its I-821D does not show the family name")

        if args.profile:
            print("\ncProfile of one build_packet:\n" + profile(data, library))
    finally:
        shutil.rmtree(work, ignore_errors=True)

    # -- the figures and the targets --------------------------------------------------------
    figures: list[str] = []
    missed: list[str] = []

    def score(text: str, ok: bool) -> None:
        figures.append(text + ("" if ok else " MISSES TARGET"))
        if not ok:
            missed.append(text.split(" (")[0])

    score(
        f"packet {full.median:.2f} s (target < {PACKET_TARGET_S:g} s)",
        full.median < PACKET_TARGET_S and not full.check.startswith("FAILED"),
    )
    forms_ok = not only.check.startswith("FAILED")
    if tk.rounds and tk in contestants:
        ratio = only.median / tk.median
        score(
            f"forms/pdftk {ratio:.2f} (target <= {PDFTK_RATIO_TARGET:g})",
            ratio <= PDFTK_RATIO_TARGET and forms_ok,
        )
    else:
        figures.append("forms/pdftk not measured")
    if mu.rounds and mu in contestants:
        ratio = only.median / mu.median
        score(
            f"forms/PyMuPDF {ratio:.2f} (target <= {PYMUPDF_RATIO_TARGET:g})",
            ratio <= PYMUPDF_RATIO_TARGET and forms_ok,
        )
    else:
        figures.append("forms/PyMuPDF not measured")
    figures.append(f"forms {only.median:.2f} s, documents {docs.median:.2f} s")
    prefix = f"MISSES TARGET ({', '.join(missed)}): " if missed else "targets met: "
    print("\n" + prefix + "  ".join(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
