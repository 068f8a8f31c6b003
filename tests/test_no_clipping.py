"""Nothing a form shows is ever clipped (issue 15 point 3).

Every mapped field of every pack is filled from answers stretched to long values of the widest
letter ("W"), in several lengths; the filled form is flattened (its appearances drawn as page
content, as a printer draws them) and poppler reports where it draws each word. Every word of a
value must lie inside a widget's box: a value that does not fit at a legible size is on the
addendum with its Part and Item, and its box says "See Addendum" (or nothing); a mailing address
that does not fit is refused, naming a USPS abbreviation, and is shortened here until it fits.
"""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from clinic.domain.answers import ANSWER_KEYS, FieldKind, FieldSpec
from clinic.packet.fill import FillError, fill_form
from clinic.packet.flatten import flatten
from clinic.packet.packs import all_packs
from tests.forms_fixture import SHARED_FORMS
from tests.test_packet import person

LENGTHS = (12, 30, 70)
TEXT = (FieldKind.TEXT, FieldKind.NAME)
WORD = re.compile(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>'
)


def _long(n: int) -> str:
    words = " ".join(["WWWWW"] * (n // 6 + 1))
    return words[:n].strip()


def stretched(base: dict[str, Any], n: int) -> dict[str, Any]:
    """``base`` with every text and name answer (lists' items too) ``n`` characters of W."""

    def stretch(spec: FieldSpec, value: Any) -> Any:
        if spec.kind in TEXT:
            return _long(min(n, spec.max_length))
        return value

    out = dict(base)
    for key, spec in ANSWER_KEYS.items():
        if spec.kind in TEXT and key in out:
            out[key] = stretch(spec, out[key])
        elif spec.kind is FieldKind.LIST and spec.items and isinstance(out.get(key), list):
            out[key] = [
                {k: stretch(spec.items[k], v) if k in spec.items else v for k, v in item.items()}
                for item in out[key]
            ]
    for key in ("name.middle", "mailing.in_care_of", "birth.state_province", "arrival.place"):
        out.setdefault(key, _long(n))
    return out


def fill_shortening_addresses(pdf: Path, pack: Any, answers: dict[str, Any]) -> Any:
    """Fill; an address refused as too long is shortened (as a person would, with the USPS
    abbreviation the refusal names) until the form takes it. Anything else refused fails."""
    for _ in range(12):
        try:
            return fill_form(pdf, pack, answers, dt.date(2026, 12, 3))
        except FillError as exc:
            for problem in exc.problems:
                assert "USPS abbreviations" in problem.reason, str(problem)
                source = str(pack.fields[problem.field].value)
                for key in re.findall(r"(?:mailing|physical)\.\w+", source):
                    if ANSWER_KEYS[key].kind in TEXT and key in answers:
                        answers[key] = answers[key][: max(1, len(answers[key]) // 2)].strip()
    raise AssertionError("the addresses never fit")


def rects(data: bytes) -> list[list[tuple[float, float, float, float]]]:
    """Each page's widget boxes in poppler's coordinates (origin at the top left)."""
    import io

    pages = []
    for page in PdfReader(io.BytesIO(data)).pages:
        height = float(page.mediabox.height)
        boxes = []
        for annot in page.get("/Annots") or []:
            widget = annot.get_object()
            if widget.get("/Subtype") != "/Widget":
                continue
            x0, y0, x1, y1 = (float(v) for v in widget["/Rect"])
            boxes.append((min(x0, x1), height - max(y0, y1), max(x0, x1), height - min(y0, y1)))
        pages.append(boxes)
    return pages


def drawn_words(pdf: Path) -> list[list[tuple[float, float, float, float, str]]]:
    out = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    pages = []
    for page in out.split("<page ")[1:]:
        pages.append(
            [(float(a), float(b), float(c), float(d), w) for a, b, c, d, w in WORD.findall(page)]
        )
    return pages


PACKS = [p for p in all_packs() if (SHARED_FORMS / f"{p.slug}_{p.accepted_from}.pdf").is_file()]


@pytest.mark.parametrize("pack", PACKS, ids=[p.key for p in PACKS])
@pytest.mark.parametrize("n", LENGTHS)
def test_no_value_is_drawn_outside_its_box(pack: Any, n: int, tmp_path: Path) -> None:
    pdf = SHARED_FORMS / f"{pack.slug}_{pack.accepted_from}.pdf"
    answers = stretched({**person(), "fee.form": "I-821D", "fee.amount": "85"}, n)
    filled = fill_shortening_addresses(pdf, pack, answers)
    flat = tmp_path / "flat.pdf"
    flat.write_bytes(flatten(filled.pdf))
    boxes = rects(filled.pdf)
    checked = 0
    for number, words in enumerate(drawn_words(flat)):
        for x0, y0, x1, y1, word in words:
            ours = "WW" in word or word in ("See", "Addendum")
            if not ours:
                continue
            checked += 1
            # poppler's word boxes are as tall as the font's ascent and descent, more than the
            # glyphs: across, the whole word; down, its middle line, must be inside the box
            middle = (y0 + y1) / 2
            inside = any(
                x0 >= bx0 - 0.5 and x1 <= bx1 + 0.5 and by0 <= middle <= by1
                for bx0, by0, bx1, by1 in boxes[number]
            )
            assert inside, (pack.key, n, number + 1, word, (x0, y0, x1, y1))
    if any(f.type == "text" for f in pack.fields.values()) and pack.form != "G-1450":
        assert checked, "no value was drawn: the check checked nothing"
    # what did not fit is on the addendum, under the item the form gives it
    for entry in filled.addendum:
        assert entry.item and entry.text, entry
