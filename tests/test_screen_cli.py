"""``clinic screen`` exactly as spec/answers.md specifies: options, output, exit status 0 or 2."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from clinic.domain.answers import ANSWER_KEYS, FieldKind, FieldSpec, validate_answers
from tests.conftest import Cli, write_json
from tests.test_rules import INITIAL_BASE, RENEWAL_BASE


def test_json_output(cli: Cli, tmp_path: Path) -> None:
    f = write_json(tmp_path / "a.json", RENEWAL_BASE)
    out = json.loads(cli.ok("screen", "--answers", str(f), "--on", "2026-11-21", "--json").stdout)
    assert out["request_type"] == "renewal" and out["outcome"] == "likely_eligible"
    assert out["filing_window"] == {
        "opens": "2026-11-02",
        "closes": "2026-12-02",
        "expires": "2027-04-01",
    }


def test_readable_output_in_each_language(cli: Cli, tmp_path: Path) -> None:
    f = write_json(tmp_path / "a.json", {**INITIAL_BASE, "criminal": [{"level": "felony"}]})
    en = cli.ok("screen", "--answers", str(f), "--on", "2026-11-21", "--lang", "en").stdout
    assert "Needs attorney review" in en and "8 CFR 236.22(b)(6)" in en and "not legal advice" in en
    ko = cli.ok("screen", "--answers", str(f), "--on", "2026-11-21", "--lang", "ko").stdout
    assert "변호사 검토 필요" in ko
    # default: the interview language of the answers (es here)
    es = cli.ok("screen", "--answers", str(f), "--on", "2026-11-21").stdout
    assert "Necesita revisión de un abogado" in es


def test_every_determination_exits_zero(cli: Cli, tmp_path: Path) -> None:
    for i, answers in enumerate(
        [RENEWAL_BASE, INITIAL_BASE, {**INITIAL_BASE, "dob": "1970-01-01"}, {}]
    ):
        f = write_json(tmp_path / f"{i}.json", answers)
        assert cli.run("screen", "--answers", str(f), "--on", "2021-01-15").returncode == 0


@pytest.mark.parametrize(
    ("content", "needle"),
    [
        ({**RENEWAL_BASE, "dob": "2001-02-29"}, "dob: "),
        ({**RENEWAL_BASE, "removal.status": "sometimes"}, "removal.status: must be one of"),
        ({**RENEWAL_BASE, "favourite_colour": "blue"}, "favourite_colour: unknown key"),
        ({**RENEWAL_BASE, "travel": [{"departed": "2019-13-01"}]}, "travel[0].departed"),
        ("{broken", "malformed JSON at line 1"),
        ("[" * 100_000 + "]" * 100_000, "the whole file nests too deep to be answers"),
        (
            '{"dob": "2001-02-03", "travel": [' + "[" * 100_000 + "]" * 100_000 + "]}",
            "the answer travel nests too deep to be answers",
        ),
        (
            '{"dob": "2001-02-03", "Ana Ruiz 555-12-3456": ' + "[" * 100 + "]" * 100 + "}",
            "an unrecognized key nests too deep",
        ),
        (
            '{"dob": "2001-02-03", "Ana Ruiz 555-12-3456": 1, "Ana Ruiz 555-12-3456": 2}',
            "a key (not shown: it is not an answer key) is given twice",
        ),
        (
            '{"dob": "2001-02-03", "name.family": "A", "dob": "2001-03-02"}',
            "key dob is given twice",
        ),
    ],
)
def test_input_it_cannot_evaluate_exits_two_naming_the_key(
    cli: Cli, tmp_path: Path, content: object, needle: str
) -> None:
    f = tmp_path / "bad.json"
    if isinstance(content, str):
        f.write_text(content, encoding="utf-8")
    else:
        write_json(f, content)
    proc = cli.run("screen", "--answers", str(f), "--on", "2026-11-21")
    assert proc.returncode == 2
    assert needle in proc.stderr and proc.stdout == ""


def test_bad_on_date(cli: Cli, tmp_path: Path) -> None:
    f = write_json(tmp_path / "a.json", RENEWAL_BASE)
    proc = cli.run("screen", "--answers", str(f), "--on", "2026-02-30")
    assert proc.returncode == 2 and "--on" in proc.stderr


def test_screening_a_stored_record_records_the_determination(cli: Cli, tmp_path: Path) -> None:
    cli.ok("init", "--site", "S", "--admin", "admin", "--kdf-seconds", "0.002")
    out = cli.ok("intake", "import", str(write_json(tmp_path / "p.json", RENEWAL_BASE))).stdout
    rid = out.split()[1]
    shown = cli.ok("intake", "screen", rid[:8], "--on", "2026-11-21").stdout
    assert "May be eligible" in shown
    assert json.loads(cli.ok("intake", "show", rid, "--json").stdout)["status"] == "screened"


# A wrong type anywhere: every answer key, and every field of every list item, given a value of
# each JSON type it does not take, is refused by `clinic screen` with exit 2 naming that key.
def _wrong_values(kind: str) -> list[object]:
    every: list[object] = [True, 7, 2.5, "text", [], {}, [1], {"x": 1}]
    keep = {
        "bool": lambda v: isinstance(v, bool),
        "list": lambda v: isinstance(v, list),
        "number": lambda v: isinstance(v, int | float) and not isinstance(v, bool),
    }
    right = keep.get(kind, lambda v: isinstance(v, str))
    return [v for v in every if not right(v)]


def _kind(spec: FieldSpec) -> str:
    if spec.kind in (FieldKind.LIST, FieldKind.CHOICES):
        return "list"
    if spec.kind is FieldKind.BOOL:
        return "bool"
    if spec.kind is FieldKind.NUMBER:
        return "number"
    return "text"


def _wrong_answers() -> list[tuple[str, dict[str, object]]]:
    cases: list[tuple[str, dict[str, object]]] = []
    for key, spec in ANSWER_KEYS.items():
        for value in _wrong_values(_kind(spec)):
            cases.append((key, {key: value}))
        for field, item in (spec.items or {}).items():
            for value in _wrong_values(_kind(item))[:2]:
                cases.append((f"{key}[0].{field}", {key: [{field: value}]}))
    return cases


def test_a_wrong_type_anywhere_is_refused_naming_the_key(tmp_path: Path) -> None:
    cases = _wrong_answers()
    assert len(cases) > 400
    for key, answers in cases:  # the validation the command runs, for every case
        problems = validate_answers(answers)
        assert [p.key for p in problems] == [key], (key, answers, problems)
    for key, answers in cases[:: max(1, len(cases) // 12)]:  # and the real command, for a sample
        path = write_json(tmp_path / "wrong.json", answers)
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "clinic",
                "screen",
                "--answers",
                str(path),
                "--on",
                "2026-11-21",
            ],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert done.returncode == 2, (key, done.stderr)
        assert f"  {key}: " in done.stderr and "Traceback" not in done.stderr, done.stderr
