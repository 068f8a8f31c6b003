"""What goes on the USCIS forms must be English: Latin letters (accents dropped), prose that
does not read as Spanish, and countries by their English names (the forms' instructions; an
answer in the interview's language is the volunteer's to write again in English, with the
English name offered when the answer is a country's name in another language).

Pure: the country names come from the Unicode CLDR through Babel, read on first use.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from clinic.domain.languages import FALLBACK, SPOKEN
from clinic.messages import say

# Latin letters that carry no accent to drop, written as English letters (as passports' machine
# readable zones write them)
LATIN_LETTERS = str.maketrans(
    {
        "Đ": "D", "đ": "d", "Ð": "D", "ð": "d", "Ł": "L", "ł": "l", "Ø": "O", "ø": "o",
        "ß": "ss", "ẞ": "SS", "Æ": "AE", "æ": "ae", "Œ": "OE", "œ": "oe", "Þ": "TH",
        "þ": "th", "\u0131": "i", "Ħ": "H", "ħ": "h", "Ŋ": "NG", "ŋ": "ng",
    }
)  # fmt: skip


def english_text(text: str) -> tuple[str, bool]:
    """``text`` in English letters: accents dropped from Latin letters, and Đ, Ł, Ø, ß, Æ...
    written as English letters (returns whether it changed). Raises ``ValueError`` for
    characters no English-letter form can take."""
    out: list[str] = []
    for ch in unicodedata.normalize("NFKD", text.translate(LATIN_LETTERS)):
        if unicodedata.combining(ch):
            continue
        if ch in "\u2018\u2019":
            ch = "'"
        elif ch in "\u201c\u201d":
            ch = '"'
        elif ch in "\u2013\u2014":
            ch = "-"
        if not (" " <= ch <= "~"):
            raise ValueError("not in English letters")
        out.append(ch)
    result = "".join(out)
    return result, result != text


# Words common in Spanish (and Portuguese) prose and rare in English, names and U.S. places ("Los
# Angeles", "Las Vegas", "de la Cruz" and "San Jose del Cabo" use none of them).
_SPANISH_WORDS = frozenset(
    "que por para con fue porque cuando estaba estaban tenia tengo hice fui yo mis pero muy "
    "tambien donde nos ellos ellas sin sobre esta este esto eso una unos unas fueron despues "
    "antes hasta desde mientras entonces ahora siempre nunca habia hay".split()
)
# Words a short Spanish answer about a status, a trip or an offense uses, and no English one
# ("visitante (B-2)", "vacaciones", "ninguno"): one is enough in an answer of a few words
_SPANISH_SHORT = frozenset(
    "visitante turista estudiante ninguno ninguna ningun indocumentado indocumentada "
    "sin papeles asilo asilado refugiado vacaciones visita familiar boda funeral enfermedad "
    "madre padre abuela abuelo hermano hermana manejar borracho robo hurto ebrio "
    "desconocido desconocida ciudad".split()
)


def looks_spanish(text: str) -> bool:
    """Whether free text in Latin letters reads as Spanish rather than English: prose with at
    least two distinct common Spanish words, a sixth of its words; or an answer of a few words
    with one word only Spanish uses ("visitante"). USCIS takes English, so the packet asks for
    an English version (a name or a place alone never trips this)."""
    words = re.findall(r"[a-z]+", english_text(text)[0].lower()) if text else []
    if 0 < len(words) <= 6 and any(w in _SPANISH_SHORT for w in words):
        return True
    hits = [w for w in words if w in _SPANISH_WORDS]
    return len(set(hits)) >= 2 and len(hits) * 6 >= len(words)


def not_english(text: str) -> str | None:
    """Why free text cannot go to USCIS as written (None: it can, after :func:`english_text`)."""
    try:
        english_text(text)
    except ValueError:
        return say("not in English letters: write an English version")
    if looks_spanish(text):
        return say("reads as Spanish, not English: write an English version")
    return None


def _plain(text: str) -> str:
    """A name as lookups compare it: no accents, no case, letters and digits only."""
    decomposed = unicodedata.normalize("NFKD", text.translate(LATIN_LETTERS))
    kept = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return "".join(ch for ch in kept.casefold() if ch.isalnum())


@functools.cache
def _countries() -> tuple[frozenset[str], dict[str, str]]:
    """(English names, other languages' names -> the English name) of every country, in the
    languages clients speak (the registry's), from the Unicode CLDR."""
    from babel import Locale, UnknownLocaleError  # on first use: the CLDR tables are large

    english = Locale.parse(FALLBACK).territories
    codes = [
        str(c)
        for c in english
        if str(c).isalpha() and len(str(c)) == 2 and c not in ("EU", "EZ", "UN")
    ]
    own = {_plain(english[c]) for c in codes}
    # English's other names (CLDR's short and variant forms: "US", "Czechia")
    own |= {_plain(c) for c in ("USA", "United States of America", "Korea", "Mexico")}
    others: dict[str, str] = {}
    for lang in sorted(SPOKEN):
        if lang == FALLBACK:
            continue
        try:
            names = Locale.parse(lang).territories
        except (UnknownLocaleError, ValueError):
            continue
        for code in codes:
            name = names.get(code)
            key = _plain(name) if name else ""
            if key and key not in own:
                others.setdefault(key, english[code])
    return frozenset(own), others


def country_in_english(text: str) -> str | None:
    """The English name of a country written in another language ("Corea del Sur", "미국":
    "South Korea", "United States"); None when ``text`` is already an English name, or no
    country's name at all."""
    own, others = _countries()
    key = _plain(text)
    if not key or key in own:
        return None
    return others.get(key)


def country_problem(text: str) -> str | None:
    """Why a country answer cannot go to USCIS as written, offering its English name (None:
    it can)."""
    english = country_in_english(text)
    if english is None:
        return None
    return say(
        'is the country\'s name in another language: the forms take English ("{english}")',
        english=english,
    )


# answers in free text that are not written on the forms in English: the name in its own
# script (the cover and answer sheets), and a ClinicDay user name
NOT_ON_THE_FORMS = frozenset({"name.native", "interpreter.user"})
# answers that name a country (citizenship_other: several, separated by commas)
COUNTRY_KEYS = frozenset(
    {
        "birth.country",
        "citizenship",
        "citizenship_other",
        "residence.country",
        "passport.country",
        "criminal.country",
        "addresses.country",
    }
)


def _text_problem(key: str, text: str) -> str | None:
    if key in COUNTRY_KEYS:
        for part in text.split(",") if key == "citizenship_other" else [text]:
            if said := country_problem(part.strip()):
                return said
    return not_english(text)


def form_problems(key: str, value: object) -> list[tuple[str, str]]:
    """Why an answer in free text cannot go on the USCIS forms as written: ``(where,
    problem)``, ``where`` the key or, in a list, ``key[row].field`` (empty when it can)."""
    from clinic.domain.answers import ANSWER_KEYS, FieldKind

    spec = ANSWER_KEYS.get(key)
    if spec is None or key in NOT_ON_THE_FORMS:
        return []
    if spec.kind is FieldKind.TEXT and isinstance(value, str) and value.strip():
        said = _text_problem(key, value.strip())
        return [(key, said)] if said else []
    out: list[tuple[str, str]] = []
    if spec.kind is FieldKind.LIST and isinstance(value, list) and spec.items:
        for row, item in enumerate(value):
            if not isinstance(item, dict):
                continue
            for field, item_spec in spec.items.items():
                text = item.get(field)
                if item_spec.kind is FieldKind.TEXT and isinstance(text, str) and text.strip():
                    said = _text_problem(f"{key}.{field}", text.strip())
                    if said:
                        out.append((f"{key}[{row}].{field}", said))
    return out


def in_row(key: str, where: str, problem: str) -> str:
    """A problem :func:`form_problems` found in a row of a list answer, said with the row
    ("row 2: reads as Spanish…"); a problem with the whole answer as it is."""
    match = re.fullmatch(r"\[(\d+)\]\.\w+", where[len(key) :])
    if match is None:
        return problem
    return say("row {row}: {problem}", row=int(match[1]) + 1, problem=problem)


def needs_english(key: str) -> bool:
    """Whether an answer is typed in free text that the forms take in English (a volunteer
    working in another language is told so at the question)."""
    from clinic.domain.answers import ANSWER_KEYS, FieldKind

    spec = ANSWER_KEYS.get(key)
    if spec is None or key in NOT_ON_THE_FORMS:
        return False
    if spec.kind is FieldKind.LIST:
        return any(i.kind is FieldKind.TEXT for i in (spec.items or {}).values())
    return spec.kind is FieldKind.TEXT
