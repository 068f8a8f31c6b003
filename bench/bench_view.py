"""Benchmark opening a packet in the app: flattening its draft-marked files for QtPdf.

Run from the repository root::

    .venv/bin/python bench/bench_view.py [--rounds 5] [--profile]

The app's viewer (QtPdf) draws no form fields, so the app shows and prints a flattened copy of
every packet file: the draft-marked file (``clinic.packet.stamp.draft_mark``) flattened with
``clinic.packet.flatten.flatten`` (one incremental update appended to the file, drawing every
widget's appearance into its page). Opening a record used to make both on every view; they are now
made once, when the packet is built, and kept (``clinic.core.packets``; ``bench_open.py`` measures
opening a record). This benchmark still compares the two ways of flattening.

One synthetic person's packet (``clinic.domain.demo``, scenario
``renewal_in_window_with_worksheet``, normalized; ``build_packet(answers, 2026-11-21,
FormLibrary(shared_forms))``, the official PDFs in ``../shared/forms``) is built once, before any
clock starts. Then, in each round, for every file of the packet, on the same bytes:

- *draft_mark* (baseline B): what opening a record cost before flattening;
- *flatten*: ``flatten`` of the draft-marked file;
- *pypdf clone* (baseline A): the same flattening done the simple way, ``PdfWriter(clone_from=
  reader)``, the same appearances drawn into the same pages, the whole file written.

*flatten* and *pypdf clone* run side by side, their order alternating from round to round. It
prints the medians per official form (I-821D, I-765) and for the whole packet, the ratio
flatten / pypdf clone and the ratio (draft_mark + flatten) / draft_mark: what flattening adds to
opening a record. Target: flattening the whole packet costs at most half of the pypdf clone.

The check: page 1 of the I-821D, rendered with QtPdf (offscreen), must show the family name in
the Family Name widget's rectangle (``P1_Line3a_Name[0]``, counted as dark pixels) in both
flattened copies and not in the unflattened draft; ``pdftotext`` must find the name on page 1 of
both copies; and the two copies must render alike, page by page. The script always exits 0; a
missed target or a failed check makes the last line start with ``MISSES TARGET``. Field values
of the shared PDFs are never printed.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import gc
import io
import os
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
from typing import Any, cast

from clinic.domain.answers import normalize_answers
from clinic.domain.demo import generate_people_with_scenarios
from clinic.packet.assemble import build_packet
from clinic.packet.flatten import (
    HIDDEN,
    NO_VIEW,
    _appearance,
    _box,
    _transformed,
    flatten,
    has_widgets,
)
from clinic.packet.library import FormLibrary
from clinic.packet.stamp import draft_mark

SHARED_FORMS = Path(__file__).resolve().parents[2] / "shared" / "forms"
ON = dt.date(2026, 11, 21)
SCENARIO = "renewal_in_window_with_worksheet"
RATIO_TARGET = 0.5  # flatten / pypdf clone, whole packet
OFFICIAL = ("I-821D.pdf", "I-765.pdf")
FAMILY_WIDGET = "P1_Line3a_Name[0]"  # on page 1 of the I-821D
RENDER_WIDTH = 1275  # pixels for a letter page: 150 dpi
DARK = 96  # a pixel is dark when its red, green and blue are all below this
INSTALL_PDFTOTEXT = "apt-get install -y poppler-utils"
QT_APP: list[Any] = []  # the QGuiApplication QtPdf needs, kept alive once made


@dataclass
class Row:
    """One contestant: per-round times of every file of the packet."""

    label: str
    rounds: list[dict[str, float]] = field(default_factory=list)

    def median(self, names: Sequence[str]) -> float:
        return statistics.median(sum(r[n] for n in names) for r in self.rounds)


def person() -> dict[str, Any]:
    people = dict(generate_people_with_scenarios(40, today=ON))
    return normalize_answers(people[SCENARIO])


def timed(fn: Callable[..., Any], *args: Any) -> tuple[float, Any]:
    gc.collect()  # nobody pays for the garbage of the one before
    start = time.perf_counter()
    result = fn(*args)
    return time.perf_counter() - start, result


# -- baseline A: the simple way ---------------------------------------------------------------


def pypdf_flatten(data: bytes) -> bytes:
    """``flatten`` done the simple way: clone the whole document with pypdf, draw the same
    appearances (the same choice of widgets, the same placement) into each page, drop the
    widgets and the AcroForm, and write the whole file."""
    if not has_widgets(data):  # the same shortcut flatten takes
        return data
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import ArrayObject, DictionaryObject, NameObject, StreamObject

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))

    def stream(body: bytes) -> Any:
        obj = StreamObject()
        obj.set_data(body)
        return writer._add_object(obj)

    before = stream(b"q\n")
    for page in writer.pages:
        if "/Annots" not in page:
            continue
        kept, drawing, xobjects = ArrayObject(), [], {}
        for n, annot in enumerate(cast(ArrayObject, page["/Annots"])):
            widget = annot.get_object()
            if widget.get("/Subtype") != "/Widget":
                kept.append(annot)
                continue
            ap = _appearance(widget)
            if int(widget.get("/F", 0)) & (HIDDEN | NO_VIEW) or ap is None or "/Rect" not in widget:
                continue
            if ap.indirect_reference is None:
                continue
            matrix = [float(v) for v in ap.get("/Matrix", [1, 0, 0, 1, 0, 0])]
            bx0, by0, bx1, by1 = _transformed(_box(ap["/BBox"]), matrix)
            rx0, ry0, rx1, ry1 = _box(widget["/Rect"])
            if bx1 - bx0 <= 0 or by1 - by0 <= 0:
                continue
            sx, sy = (rx1 - rx0) / (bx1 - bx0), (ry1 - ry0) / (by1 - by0)
            name = f"/ClinicDayField{n}"
            xobjects[name] = ap.indirect_reference
            drawing.append(
                f"q {sx:.6f} 0 0 {sy:.6f} {rx0 - sx * bx0:.4f} {ry0 - sy * by0:.4f} cm {name} Do Q"
            )
        if kept:
            page[NameObject("/Annots")] = kept
        else:
            del page["/Annots"]
        if not drawing:
            continue
        contents = page.get("/Contents")
        parts = ArrayObject([before])
        if contents is not None:
            raw = page.raw_get("/Contents")
            obj = raw.get_object()
            parts.extend(obj if isinstance(obj, ArrayObject) else [raw])
        parts.append(stream(("\nQ\n" + "\n".join(drawing) + "\n").encode("ascii")))
        page[NameObject("/Contents")] = parts
        # A copy of the resources for this page: they may be shared with other pages.
        old = page.get("/Resources")
        old = old.get_object() if old is not None else DictionaryObject()
        resources = DictionaryObject({NameObject(k): old.raw_get(k) for k in old})
        old_x = old.get("/XObject")
        old_x = old_x.get_object() if old_x is not None else DictionaryObject()
        new_x = DictionaryObject({NameObject(k): old_x.raw_get(k) for k in old_x})
        new_x.update({NameObject(k): v for k, v in xobjects.items()})
        resources[NameObject("/XObject")] = new_x
        page[NameObject("/Resources")] = resources
    writer.root_object.pop("/AcroForm", None)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


# -- checks (never print a value) -------------------------------------------------------------


def family_widget(pdf: bytes) -> tuple[str, tuple[float, float, float, float], float]:
    """The Family Name widget's value, its rectangle and the height of page 1."""
    from pypdf import PdfReader

    page = PdfReader(io.BytesIO(pdf)).pages[0]
    for annot in cast(Any, page["/Annots"]):
        widget = annot.get_object()
        if widget.get("/T") == FAMILY_WIDGET:
            return str(widget.get("/V", "")), _box(widget["/Rect"]), float(page.mediabox.top)
    raise LookupError(f"no {FAMILY_WIDGET} on page 1 of the I-821D")


def qt_pages(pdf: bytes, pages: int | None = None) -> list[Any]:
    """Pages of ``pdf`` drawn by QtPdf (the app's viewer) on white paper, as RGB32 images
    (QtPdf leaves the paper transparent)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter

    from clinic.gui.pdfview import render_page

    if QGuiApplication.instance() is None:
        QT_APP.append(QGuiApplication([]))
    if pages is None:
        from pypdf import PdfReader

        pages = len(PdfReader(io.BytesIO(pdf)).pages)
    images = []
    for n in range(pages):
        drawn = render_page(pdf, n, RENDER_WIDTH)
        paper = QImage(drawn.size(), QImage.Format.Format_RGB32)
        paper.fill(QColor("white"))
        painter = QPainter(paper)
        painter.drawImage(0, 0, drawn)
        painter.end()
        images.append(paper)
    return images


def dark_pixels(image: Any, rect: tuple[float, float, float, float], page_top: float) -> int:
    """Dark pixels inside ``rect`` (PDF points) of a page image, two pixels in from its edges."""
    scale = image.width() / 612.0  # a letter page, 612 points wide
    x0, y0, x1, y1 = rect
    left, right = int(x0 * scale) + 2, int(x1 * scale) - 2
    top, bottom = int((page_top - y1) * scale) + 2, int((page_top - y0) * scale) - 2
    count = 0
    for y in range(max(top, 0), min(bottom, image.height())):
        for x in range(max(left, 0), min(right, image.width())):
            c = image.pixel(x, y)
            if (c >> 16) & 255 < DARK and (c >> 8) & 255 < DARK and c & 255 < DARK:
                count += 1
    return count


def differing_pixels(a: Any, b: Any) -> int:
    """Pixels whose colour differs by more than a little between two same-size RGB32 images
    (-1 when their sizes differ)."""
    if a.size() != b.size():
        return -1
    raw_a, raw_b = bytes(a.constBits()), bytes(b.constBits())
    if raw_a == raw_b:
        return 0
    row = a.bytesPerLine()
    count = 0
    for start in range(0, len(raw_a), row):
        if raw_a[start : start + row] == raw_b[start : start + row]:
            continue
        for i in range(start, start + row, 4):
            if max(abs(raw_a[i + k] - raw_b[i + k]) for k in range(3)) > 48:
                count += 1
    return count


def pdftotext_page1(pdf: bytes, want: str, scratch: Path) -> str:
    if shutil.which("pdftotext") is None:
        return f"not checked ({INSTALL_PDFTOTEXT})"
    path = scratch / "check.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(
        ["pdftotext", "-f", "1", "-l", "1", str(path), "-"], capture_output=True, check=False
    )
    path.unlink()
    text = " ".join(out.stdout.decode("utf-8", "replace").split())
    return "shows the name" if want and want in text else "no name"


def check(
    marked: Mapping[str, bytes],
    flat: Mapping[str, bytes],
    simple: Mapping[str, bytes],
    scratch: Path,
) -> tuple[list[str], bool]:
    """What the flattened copies show, and whether they pass: the family name on page 1 of the
    I-821D, and the same pixels on every page of both official forms."""
    draft, ours, base = (x[OFFICIAL[0]] for x in (marked, flat, simple))
    want, rect, top = family_widget(draft)
    lines: list[str] = []
    ok = bool(want)
    if not want:
        lines.append(f"the packet's I-821D has no value in {FAMILY_WIDGET}: nothing to check")
    try:
        shown = {
            "unflattened draft": qt_pages(draft, 1)[0],
            "flatten": qt_pages(ours, 1)[0],
            "pypdf clone": qt_pages(base, 1)[0],
        }
    except ImportError as exc:
        ok = False
        lines.append(f"FAILED: QtPdf cannot render ({exc})")
        shown = {}
    if shown:
        counts = {k: dark_pixels(image, rect, top) for k, image in shown.items()}
        good = counts["unflattened draft"] == 0 and counts["flatten"] > 0
        good = good and counts["pypdf clone"] > 0
        ok = ok and good
        lines.append(
            f"QtPdf, I-821D page 1, dark pixels in the Family Name box ({FAMILY_WIDGET}, "
            f"{RENDER_WIDTH} px wide): "
            + ", ".join(f"{k} {v}" for k, v in counts.items())
            + ("  ok" if good else "  FAILED")
        )
        for name in OFFICIAL:
            mine, theirs = qt_pages(flat[name]), qt_pages(simple[name])
            if len(mine) != len(theirs):
                ok = False
                lines.append(f"FAILED: the two flattened {name} have different page counts")
                continue
            diffs = [differing_pixels(x, y) for x, y in zip(mine, theirs, strict=True)]
            same = all(d == 0 for d in diffs)
            ok = ok and same
            lines.append(
                f"QtPdf, {name.removesuffix('.pdf')}, flatten vs pypdf clone, pixels that differ "
                "per page: " + " ".join(str(d) for d in diffs) + ("  (identical)" if same else "")
            )
    text = {
        "unflattened draft": pdftotext_page1(draft, want, scratch),
        "flatten": pdftotext_page1(ours, want, scratch),
        "pypdf clone": pdftotext_page1(base, want, scratch),
    }
    if not text["flatten"].startswith("not checked"):
        ok = ok and text["flatten"] == text["pypdf clone"] == "shows the name"
    lines.append(
        "pdftotext, I-821D page 1: "
        + ", ".join(f"{k} {v}" for k, v in text.items())
        + " (poppler draws form fields, so it finds the name in the draft too)"
    )
    return lines, ok


# -- profile ----------------------------------------------------------------------------------


def profile(marked: Mapping[str, bytes], top: int = 25) -> str:
    out = io.StringIO()
    for label, fn in (("flatten", flatten), ("pypdf clone", pypdf_flatten)):
        prof = cProfile.Profile()
        prof.enable()
        for data in marked.values():
            fn(data)
        prof.disable()
        out.write(f"\n-- {label}, the whole packet --\n")
        stats = pstats.Stats(prof, stream=out).strip_dirs()
        stats.sort_stats("tottime").print_stats(top)
    return out.getvalue()


# -- main -------------------------------------------------------------------------------------


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
    parser.add_argument("--dir", type=Path, default=None, help="where to put the scratch files")
    parser.add_argument("--profile", action="store_true", help="cProfile both flattenings once")
    args = parser.parse_args(argv)
    rounds = max(1, args.rounds)
    if not args.forms.is_dir():
        print(f"no official PDFs in {args.forms}: nothing to measure")
        return 0

    # -- before any clock: the packet, the draft marks, a warm-up of everything ---------------
    packet = build_packet(person(), ON, FormLibrary(args.forms))
    clean = {f.name: f.data for f in packet.files}
    names = list(clean)
    marked = {n: draft_mark(d) for n, d in clean.items()}
    flat = {n: flatten(d) for n, d in marked.items()}
    simple = {n: pypdf_flatten(d) for n, d in marked.items()}
    missing = [n for n in OFFICIAL if n not in clean]
    if missing:
        print(f"the packet has no {', '.join(missing)}: nothing to measure")
        return 0

    mark, ours, base = Row("draft_mark (B)"), Row("flatten"), Row("pypdf clone (A)")
    print(
        f"packet of {SCENARIO} on {ON.isoformat()}: {len(names)} files, "
        f"{sum(map(len, marked.values())) / 1e6:.1f} MB draft-marked, "
        f"{sum(has_widgets(d) for d in marked.values())} with form widgets; "
        f"{rounds} round(s), wall-clock seconds"
    )
    for r in range(rounds):
        times: dict[str, dict[str, float]] = {mark.label: {}, ours.label: {}, base.label: {}}
        for name in names:
            t, data = timed(draft_mark, clean[name])
            times[mark.label][name] = t
            pair = ((ours, flatten), (base, pypdf_flatten))
            for row, fn in pair if r % 2 == 0 else pair[::-1]:  # alternate who goes first
                times[row.label][name] = timed(fn, data)[0]
        for row in (mark, ours, base):
            row.rounds.append(times[row.label])
        print(
            f"round {r + 1}: "
            + "  ".join(
                f"{row.label} {sum(times[row.label].values()):.3f}" for row in (ours, base, mark)
            )
        )

    # -- the table ------------------------------------------------------------------------------
    groups: list[tuple[str, list[str]]] = [(n.removesuffix(".pdf"), [n]) for n in OFFICIAL]
    groups.append((f"whole packet ({len(names)} files)", names))
    width = max(len(g) for g, _ in groups)
    print(
        f"\n{'median seconds':{width}}  {'flatten':>8}  {'pypdf A':>8}  {'mark B':>8}"
        f"  {'flatten/A':>9}  {'(B+flatten)/B':>13}"
    )
    for label, members in groups:
        f, a, b = ours.median(members), base.median(members), mark.median(members)
        print(f"{label:{width}}  {f:8.3f}  {a:8.3f}  {b:8.3f}  {f / a:9.2f}  {(b + f) / b:13.2f}")
    sizes = ", ".join(
        f"{n.removesuffix('.pdf')} {len(marked[n]) // 1024} KiB draft -> flatten "
        f"{len(flat[n]) // 1024}, pypdf clone {len(simple[n]) // 1024}"
        for n in OFFICIAL
    )
    print(f"sizes: {sizes}")

    # -- what the I-821D shows --------------------------------------------------------------
    print()
    work = Path(tempfile.mkdtemp(prefix="bench-view-", dir=args.dir))
    try:
        lines, checks_ok = check(marked, flat, simple, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    for line in lines:
        print(line)
    if not checks_ok:
        print("WARNING: the two flattened copies do not show the same thing (see above)")

    if args.profile:
        print("\ncProfile of one flattening of the whole packet, each way:" + profile(marked))

    # -- the figures and the target ---------------------------------------------------------
    f, a, b = ours.median(names), base.median(names), mark.median(names)
    ratio = f / a
    figures = (
        f"packet flatten/pypdf clone {ratio:.2f} (target <= {RATIO_TARGET:g})  "
        f"flatten {f:.3f} s, pypdf clone {a:.3f} s, draft_mark {b:.3f} s, "
        f"(draft_mark + flatten)/draft_mark {(b + f) / b:.2f}"
    )
    missed = [
        what
        for what, bad in (("flatten/pypdf clone", ratio > RATIO_TARGET), ("check", not checks_ok))
        if bad
    ]
    prefix = f"MISSES TARGET ({', '.join(missed)}): " if missed else "target met: "
    print("\n" + prefix + figures)
    return 0


if __name__ == "__main__":
    sys.exit(main())
