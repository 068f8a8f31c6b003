"""The one language registry (clinic/domain/languages.py): no other module names a language, a
new entry is enough for the lists and the fallbacks, and the pseudo-locale keeps every text
usable."""

from __future__ import annotations

import ast
import datetime as dt
import re
from pathlib import Path

import pytest
from pydantic import ValidationError

from clinic.domain import languages
from clinic.domain.languages import FALLBACK, Language
from clinic.domain.questionnaire import Text
from clinic.domain.rule_texts import CITATIONS, HEADINGS, OUTCOME_LABELS, TEXTS, heading
from clinic.domain.rules import screen
from clinic.resources import policy, questionnaire
from clinic.sync.models import Alert

PACKAGE = Path(__file__).resolve().parent.parent / "clinic"
REGISTRY = PACKAGE / "domain" / "languages.py"


def _literals(path: Path, wanted: set[str], root: Path = PACKAGE) -> list[str]:
    """Where a string constant is exactly one of ``wanted`` (not a part of an f-string, not a
    word that contains it)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    in_fstrings = {
        id(part)
        for node in ast.walk(tree)
        if isinstance(node, ast.JoinedStr)
        for part in node.values
    }
    return [
        f"{path.relative_to(root)}:{node.lineno}: {node.value!r}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and node.value in wanted
        and id(node) not in in_fstrings
    ]


def _modules() -> list[Path]:
    """Every module of the package but the registry."""
    return [path for path in sorted(PACKAGE.rglob("*.py")) if path != REGISTRY]


def test_no_module_but_the_registry_names_a_language() -> None:
    codes = set(languages.codes()) - {FALLBACK}
    assert {"ko", "es"} <= codes
    found = [hit for path in _modules() for hit in _literals(path, codes)]
    assert found == [], "name languages through clinic.domain.languages:\n" + "\n".join(found)


def test_english_is_named_as_the_fallback() -> None:
    found = [hit for path in _modules() for hit in _literals(path, {FALLBACK})]
    assert found == [], "write languages.FALLBACK:\n" + "\n".join(found)


def test_the_scan_sees_exact_constants_only(tmp_path: Path) -> None:
    probe = tmp_path / "probe.py"
    probe.write_text('x = "ko"\ny = "token"\nz = f"{x}es"\nw = ("es", "en")\n', encoding="utf-8")
    found = _literals(probe, set(languages.codes()) - {FALLBACK}, tmp_path)
    assert found == ["probe.py:1: 'ko'", "probe.py:4: 'es'"]


def test_the_registry_is_well_formed() -> None:
    codes = languages.codes()
    assert codes[0] == FALLBACK and len(set(codes)) == len(codes)
    assert all(re.fullmatch(r"[a-z]{2,3}", code) for code in codes)
    assert languages.client_languages()[0] == FALLBACK
    assert languages.staff_languages()[0] == FALLBACK
    assert languages.label("ko") == "Korean (한국어)" and languages.label(FALLBACK) == "English"
    assert languages.label("pt") == "Portuguese (português)" and languages.label("xx") == "xx"
    assert languages.english_name("es") == "Spanish" and languages.english_name("tl") == "Tagalog"
    assert languages.spoken_code("Korean") == "ko"


def test_every_rule_text_is_in_every_client_language() -> None:
    for lang in languages.client_languages():
        missing = [code for code in CITATIONS if lang not in TEXTS[code].texts]
        assert missing == [], (lang, missing)
        for table in (OUTCOME_LABELS, HEADINGS):
            assert all(lang in by_lang for by_lang in table.values()), lang
    ko = TEXTS["fees"].message("ko", i821d="1", i765_paper="2", i765_online="3")
    assert "수수료" in ko


# -- a new language is one entry -------------------------------------------------------------------


@pytest.fixture
def vietnamese(monkeypatch: pytest.MonkeyPatch) -> str:
    # the questionnaire and the rules data, read before the entry (a client language's texts
    # are its files: without them the data would no longer load)
    questionnaire()
    policy()
    entry = Language("vi", "Vietnamese", "Tiếng Việt")
    monkeypatch.setattr(languages, "LANGUAGES", (*languages.LANGUAGES, entry))
    return entry.code


def test_a_new_entry_is_in_the_lists(vietnamese: str) -> None:
    assert vietnamese in languages.client_languages()
    assert vietnamese in languages.staff_languages()
    assert languages.client_language(vietnamese) == vietnamese
    assert languages.label(vietnamese) == "Vietnamese (Tiếng Việt)"


def test_a_new_language_reads_english_until_its_texts_exist(vietnamese: str) -> None:
    on = dt.date(2026, 11, 21)
    answers = {"dob": "2001-03-04", "arrival.date": "2005-06-01"}
    english = screen(answers, on, policy(), FALLBACK)
    new = screen(answers, on, policy(), vietnamese)
    assert [f.message for f in new.flags + new.reasons + new.notices] == [
        f.message for f in english.flags + english.reasons + english.notices
    ]
    assert heading("outcome", vietnamese) == heading("outcome", FALLBACK)
    assert TEXTS["fees"].message(vietnamese, i821d="1", i765_paper="2", i765_online="3") == (
        TEXTS["fees"].message(FALLBACK, i821d="1", i765_paper="2", i765_online="3")
    )
    q = questionnaire().questions[0]
    assert q.label.get(vietnamese) == q.label.get(FALLBACK)
    assert q.word("answer_yes", vietnamese) == "Yes"
    assert [n.text(vietnamese) for n in policy().status_on(on).notices] == [
        n.text(FALLBACK) for n in policy().status_on(on).notices
    ]


def test_a_new_client_language_needs_its_questionnaire_texts(vietnamese: str) -> None:
    from clinic.domain.questionnaire import QuestionnaireError

    with pytest.raises(QuestionnaireError, match="no text in vi"):
        Text.parse({"en": "Yes", "ko": "예", "es": "Sí"}, "words.answer_yes")


# -- the pseudo-locale -----------------------------------------------------------------------------


def test_the_pseudo_locale_is_never_offered_unless_asked() -> None:
    [code] = [lang.code for lang in languages.LANGUAGES if lang.pseudo]
    assert code not in languages.client_languages() + languages.staff_languages()
    assert code in languages.client_languages(pseudo=True)
    assert code in languages.staff_languages(pseudo=True)
    assert languages.is_pseudo(code) and not languages.is_pseudo(FALLBACK)


@pytest.mark.parametrize(
    "english",
    [
        "Search",
        "&New person…",
        "Fees on this date: Form I-821D ${i821d}; Form I-765 ${i765_paper}.",
        "%1 of %2 people: %n waiting",
        "%v of %m required answers",
        "<b>Why</b> &amp; how",
        "Filing window: opens {opens}, closes {closes}; DACA expires {expires}",
    ],
)
def test_pseudo_text_is_bracketed_accented_longer_and_still_formats(english: str) -> None:
    text = languages.pseudo(english)
    assert text.startswith("[") and text.endswith("]")
    keep = re.compile(r"\{[^{}]*\}|%L?\d+|%[nvm]|<[^<>]*>|&#?\w+;")
    assert len(keep.sub("", text)) >= 1.3 * len(keep.sub("", english))  # what shows
    assert keep.findall(text) == keep.findall(english)  # placeholders, tags, entities intact
    assert not re.search(r"[A-Za-z]", keep.sub("", text)), text  # every letter accented
    assert languages.pseudo("") == ""


def test_client_texts_in_the_pseudo_locale() -> None:
    code = next(lang.code for lang in languages.LANGUAGES if lang.pseudo)
    assert languages.client_language(code) == code
    on = dt.date(2026, 11, 21)
    det = screen({"dob": "2001-03-04"}, on, policy(), code)
    messages = [f.message for f in det.flags + det.reasons + det.notices]
    assert messages and all(m.startswith("[") and m.endswith("]") for m in messages)
    assert "{" not in " ".join(messages)  # placeholders were filled
    assert OUTCOME_LABELS["likely_eligible"][code].startswith("[")
    q = questionnaire().questions[0]
    assert q.label.get(code) == languages.pseudo(q.label.get(FALLBACK))
    assert q.word("answer_no", code).startswith("[")


# -- alerts: texts by language, the previous version's wire format -------------------------------


def test_alerts_keep_the_wire_format_of_the_previous_version() -> None:
    wire = {"alert_id": "fees-1", "effective": "2026-12-01", "en": "Fees", "ko": "", "es": "Tasas"}
    alert = Alert.model_validate(wire)
    assert alert.texts == {"en": "Fees", "es": "Tasas"}
    assert alert.model_dump() == {
        "alert_id": "fees-1",
        "effective": "2026-12-01",
        "en": "Fees",
        "es": "Tasas",
    }
    assert Alert(**alert.model_dump()) == alert
    keyword = Alert(alert_id="fees-1", effective="2026-12-01", en="Fees", ko="", es="Tasas")
    assert keyword == alert and keyword.en == "Fees" and keyword.ko == "" and keyword.es == "Tasas"
    for bad in ({"en": ""}, {"en": "Fees", "vi": "x"}, {"en": "Fees", "qps": "x"}):
        with pytest.raises(ValidationError):
            Alert.model_validate({"alert_id": "a", "effective": "2026-12-01", **bad})


# -- languages named in the staff's language ------------------------------------------------------


def test_staff_read_each_language_named_in_their_own_language() -> None:
    from clinic.domain.display import language_text

    assert language_text("ko") == "Korean (한국어)"
    assert language_text("ko", "es") == "Coreano (한국어)"
    assert language_text("es", "ko") == "스페인어 (español)"
    assert language_text("ko", "ko") == "한국어"  # its own name once
    assert language_text("es", "es") == "Español"
    assert language_text("tl", "en") == "Tagalog"
    assert language_text("zz", "ko") == "zz"  # unknown: the code as it is
    # every spoken language has a name in each staff language that is not English
    for staff in languages.NAMES_IN:
        assert staff in languages.staff_languages()
        assert set(languages.NAMES_IN[staff]) == set(languages.SPOKEN), staff
