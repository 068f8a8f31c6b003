"""The one language registry: every language ClinicDay speaks, and the names of the languages
people speak.

Two lists, on purpose:

* :data:`LANGUAGES`: languages ClinicDay has texts in. ``client`` ones have the questionnaire,
  the screening's rule texts and the client's documents (take-home sheet) translated; ``staff``
  ones have the app's interface translated (``resources/translations/clinic_<code>.ts``).
  Adding a language is adding its files and one :class:`Language` entry here; no other code
  names a language code (``tests/test_languages.py`` fails when one does). ``docs/languages.md``
  lists the files.
* :data:`SPOKEN`: the English (and own) names of languages clients speak, far more than
  ClinicDay has texts in, for the "language spoken" list, the forms' language boxes and the
  counts. A person speaking one of these is served in English (or through an interpreter).

English is the fallback everywhere and is always first.

A **pseudo** language (``qps``) has no files: its texts are made from the English ones by
:func:`pseudo` (accented letters, about 40% longer, in brackets: ``[Šéáŕçĥ ~]``), so a screen
shot in it shows at a glance a string that is not translated (no brackets) or clipped (no
closing bracket). It is never offered in the lists for clients and staff unless asked for
(``pseudo=True``, as the app does while its staff interface is in a pseudo language).

Pure: no I/O. Functions read :data:`LANGUAGES` when called, so a test may add an entry.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

FALLBACK = "en"


@dataclass(frozen=True)
class Language:
    """A language ClinicDay has texts in."""

    code: str  # ISO 639-1 where there is one, else ISO 639-3 (2 or 3 lowercase letters)
    english: str  # "Korean"
    native: str  # "한국어"
    client: bool = True  # questionnaire, rule texts and client documents are translated
    staff: bool = True  # the app's interface is translated
    pseudo: bool = False  # a test language for layouts (never offered unless asked for)

    @property
    def label(self) -> str:
        """How staff read it in a list: ``Korean (한국어)``, or ``English``."""
        return self.english if self.native == self.english else f"{self.english} ({self.native})"


LANGUAGES: tuple[Language, ...] = (
    Language("en", "English", "English"),
    Language("ko", "Korean", "한국어"),
    Language("es", "Spanish", "español"),
    # qps: the code Microsoft and Chromium give a pseudo-locale (ISO 639-3 reserves qaa-qtz)
    Language("qps", "Pseudo", "[Ƥšéúđó]", pseudo=True),
)

# Names of languages clients speak (code -> English name, own name). A code not here is still a
# valid answer (the interview checks only its shape: many clinic languages have no 2-letter code).
SPOKEN: dict[str, tuple[str, str]] = {
    "en": ("English", "English"),
    "es": ("Spanish", "español"),
    "ko": ("Korean", "한국어"),
    "pt": ("Portuguese", "português"),
    "tl": ("Tagalog", "Tagalog"),
    "zh": ("Chinese", "中文"),
    "vi": ("Vietnamese", "Tiếng Việt"),
    "fr": ("French", "français"),
    "ht": ("Haitian Creole", "Kreyòl ayisyen"),
    "ar": ("Arabic", "العربية"),
    "ru": ("Russian", "русский"),
    "uk": ("Ukrainian", "українська"),
    "pl": ("Polish", "polski"),
    "hi": ("Hindi", "हिन्दी"),
    "pa": ("Punjabi", "ਪੰਜਾਬੀ"),
    "gu": ("Gujarati", "ગુજરાતી"),
    "bn": ("Bengali", "বাংলা"),
    "ur": ("Urdu", "اردو"),
    "ne": ("Nepali", "नेपाली"),
    "ja": ("Japanese", "日本語"),
    "th": ("Thai", "ไทย"),
    "km": ("Khmer", "ខ្មែរ"),
    "lo": ("Lao", "ລາວ"),
    "my": ("Burmese", "မြန်မာ"),
    "am": ("Amharic", "አማርኛ"),
    "ti": ("Tigrinya", "ትግርኛ"),
    "so": ("Somali", "Soomaali"),
    "sw": ("Swahili", "Kiswahili"),
    "fa": ("Persian", "فارسی"),
    "ps": ("Pashto", "پښتو"),
    "mam": ("Mam", "Qyol Mam"),
    "quc": ("K'iche'", "K'iche'"),
    "kjb": ("Q'anjob'al", "Q'anjob'al"),
    "yua": ("Yucatec Maya", "Maaya t'aan"),
}


# The same languages named in each staff language other than English (CLDR's names), for what
# staff read: a Korean-speaking coordinator's counts say 스페인어, not Spanish.
NAMES_IN: dict[str, dict[str, str]] = {
    "ko": {
        "en": "영어",
        "es": "스페인어",
        "ko": "한국어",
        "pt": "포르투갈어",
        "tl": "타갈로그어",
        "zh": "중국어",
        "vi": "베트남어",
        "fr": "프랑스어",
        "ht": "아이티 크리올어",
        "ar": "아랍어",
        "ru": "러시아어",
        "uk": "우크라이나어",
        "pl": "폴란드어",
        "hi": "힌디어",
        "pa": "펀잡어",
        "gu": "구자라트어",
        "bn": "벵골어",
        "ur": "우르두어",
        "ne": "네팔어",
        "ja": "일본어",
        "th": "태국어",
        "km": "크메르어",
        "lo": "라오어",
        "my": "버마어",
        "am": "암하라어",
        "ti": "티그리냐어",
        "so": "소말리아어",
        "sw": "스와힐리어",
        "fa": "페르시아어",
        "ps": "파슈토어",
        "mam": "맘어",
        "quc": "키체어",
        "kjb": "칸호발어",
        "yua": "유카텍 마야어",
    },
    "es": {
        "en": "inglés",
        "es": "español",
        "ko": "coreano",
        "pt": "portugués",
        "tl": "tagalo",
        "zh": "chino",
        "vi": "vietnamita",
        "fr": "francés",
        "ht": "criollo haitiano",
        "ar": "árabe",
        "ru": "ruso",
        "uk": "ucraniano",
        "pl": "polaco",
        "hi": "hindi",
        "pa": "punyabí",
        "gu": "guyaratí",
        "bn": "bengalí",
        "ur": "urdu",
        "ne": "nepalí",
        "ja": "japonés",
        "th": "tailandés",
        "km": "jemer",
        "lo": "lao",
        "my": "birmano",
        "am": "amárico",
        "ti": "tigriña",
        "so": "somalí",
        "sw": "suajili",
        "fa": "persa",
        "ps": "pastún",
        "mam": "mam",
        "quc": "quiché",
        "kjb": "q'anjob'al",
        "yua": "maya yucateco",
    },
}


def name_in(code: str, staff: str) -> str:
    """``code``'s name in the staff language ``staff`` (English when that language has no
    name for it), or "" when unknown."""
    named = NAMES_IN.get(staff, {}).get(code)
    return named if named else english_name(code)


def find(code: object) -> Language | None:
    """The registry's entry for ``code``, or None."""
    for lang in LANGUAGES:
        if lang.code == code:
            return lang
    return None


def codes() -> tuple[str, ...]:
    """Every registry code, English first (pseudo ones included)."""
    return tuple(lang.code for lang in LANGUAGES)


def is_pseudo(code: object) -> bool:
    """Whether ``code`` is a pseudo language (texts made from English by :func:`pseudo`)."""
    lang = find(code)
    return lang is not None and lang.pseudo


def client_languages(*, pseudo: bool = False) -> tuple[str, ...]:
    """Codes of the languages a client can be interviewed and given documents in (with
    ``pseudo``, the test ones too)."""
    return tuple(lang.code for lang in LANGUAGES if lang.client and (pseudo or not lang.pseudo))


def staff_languages(*, pseudo: bool = False) -> tuple[str, ...]:
    """Codes of the languages the app's interface is in (with ``pseudo``, the test ones too)."""
    return tuple(lang.code for lang in LANGUAGES if lang.staff and (pseudo or not lang.pseudo))


def client_language(code: object) -> str:
    """The language a client's texts are written in: ``code`` when ClinicDay has client texts
    in it, else English."""
    lang = find(code)
    if lang is not None and lang.client:
        return lang.code
    return FALLBACK


def staff_language(code: object) -> str:
    """The language of the staff interface for ``code``: it when ClinicDay's interface is in
    it, else English."""
    lang = find(code)
    if lang is not None and lang.staff:
        return lang.code
    return FALLBACK


def english_name(code: str) -> str:
    """A spoken language's English name (the forms' language boxes), or "" when unknown."""
    lang = find(code)
    if lang is not None:
        return lang.english
    return SPOKEN.get(code, ("", ""))[0]


def native_name(code: str) -> str:
    """A language's own name (``한국어``) for lists a client reads; the code when unknown."""
    lang = find(code)
    if lang is not None:
        return lang.native
    return SPOKEN.get(code, (code, code))[1]


def label(code: str) -> str:
    """``Korean (한국어)`` for staff; the bare code when the language is not known here."""
    lang = find(code)
    if lang is not None:
        return lang.label
    english, native = SPOKEN.get(code, ("", ""))
    if not english:
        return code
    return english if english == native else f"{english} ({native})"


def spoken_code(english: str) -> str:
    """The code of a spoken language from its English name (``Korean`` -> its code)."""
    for lang in LANGUAGES:
        if lang.english == english:
            return lang.code
    for code, (name, _native) in SPOKEN.items():
        if name == english:
            return code
    raise KeyError(english)


def text_in(texts: Mapping[str, str], lang: str) -> str:
    """The text for ``lang`` from a mapping of texts by language code: its own when there is
    one, else made from the English one for a pseudo language, else the English one."""
    own = texts.get(lang)
    if own:
        return own
    english = texts.get(FALLBACK, "")
    return pseudo(english) if is_pseudo(lang) else english


def unknown_codes(texts: Mapping[str, object]) -> list[str]:
    """The keys of a mapping of texts that are not languages ClinicDay has texts in (pseudo
    ones count as unknown: their texts are made, never written)."""
    known = set(client_languages())
    return [str(code) for code in texts if code not in known]


# -- the pseudo-locale ----------------------------------------------------------------------------

_PLAIN = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
_ACCENTED = "áƀçđéƒĝĥíĵķĺɱñóþǫŕšţúṽŵẋýžÁƁÇĐÉƑĜĤÍĴĶĹṀÑÓÞǪŔŠŢÚṼŴẊÝŽ"
_ACCENTS = str.maketrans(_PLAIN, _ACCENTED)
# What must reach the program unchanged: {placeholders} (str.format), %1, %n, %v and %m (Qt),
# <tags> and &entities; (rich text), and a doubled && (a literal ampersand in a button).
_KEEP = re.compile(r"\{[^{}]*\}|%L?\d+|%[a-z]|<[^<>]*>|&#?\w+;|&&")


def pseudo(text: str) -> str:
    """``text`` in the pseudo-locale: letters accented, padded with ``~`` to about 40% longer,
    in brackets (``Search`` -> ``[Šéáŕçĥ ~]``). The padding comes in words of five at most, so
    a long text still wraps as a translation would. Placeholders, Qt's ``%1``, tags and entities
    stay as they are, so the text still formats; an empty text stays empty."""
    if not text.strip():
        return text
    parts: list[str] = []
    visible = 0
    last = 0
    for match in _KEEP.finditer(text):
        plain = text[last : match.start()]
        parts.append(plain.translate(_ACCENTS))
        parts.append(match.group())
        visible += len(plain)
        last = match.end()
    parts.append(text[last:].translate(_ACCENTS))
    visible += len(text) - last
    # brackets and a space are 3 of the 40%; at least one ~ so the end always shows
    tildes = max(1, round(visible * 0.4) - 3)
    pad = " ".join("~" * min(5, tildes - i) for i in range(0, tildes, 5))
    return f"[{''.join(parts)} {pad}]"
