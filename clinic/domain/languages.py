"""The one language registry: every language ClinicDay speaks, and the names of the languages
people speak.

Two lists, on purpose:

* :data:`LANGUAGES`: languages ClinicDay has texts in. ``client`` ones have the questionnaire,
  the screening's rule texts and the client's documents (take-home sheet) translated; ``staff``
  ones have the app's interface translated (``resources/translations/clinic_<code>.ts``).
  Adding a language is adding its files and one :class:`Language` entry here; no other code
  names a language code.
* :data:`SPOKEN`: the English (and own) names of languages clients speak, far more than
  ClinicDay has texts in, for the "language spoken" list, the forms' language boxes and the
  counts. A person speaking one of these is served in English (or through an interpreter).

English is the fallback everywhere and is always first.
"""

from __future__ import annotations

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
    pseudo: bool = False  # a test language for layouts (never offered to clients)

    @property
    def label(self) -> str:
        """How staff read it in a list: ``Korean (한국어)``, or ``English``."""
        return self.english if self.native == self.english else f"{self.english} ({self.native})"


LANGUAGES: tuple[Language, ...] = (
    Language("en", "English", "English"),
    Language("ko", "Korean", "한국어"),
    Language("es", "Spanish", "español"),
)

BY_CODE: dict[str, Language] = {lang.code: lang for lang in LANGUAGES}

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
}


def client_languages() -> tuple[str, ...]:
    """Codes of the languages a client can be interviewed and given documents in."""
    return tuple(lang.code for lang in LANGUAGES if lang.client and not lang.pseudo)


def staff_languages(*, pseudo: bool = False) -> tuple[str, ...]:
    """Codes of the languages the app's interface is in (with ``pseudo``, the test ones too)."""
    return tuple(lang.code for lang in LANGUAGES if lang.staff and (pseudo or not lang.pseudo))


def client_language(code: object) -> str:
    """The language a client's texts are written in: ``code`` when ClinicDay has client texts
    in it, else English."""
    if isinstance(code, str) and code in BY_CODE and BY_CODE[code].client:
        return code
    return FALLBACK


def english_name(code: str) -> str:
    """A spoken language's English name (the forms' language boxes), or "" when unknown."""
    if code in BY_CODE:
        return BY_CODE[code].english
    return SPOKEN.get(code, ("", ""))[0]


def label(code: str) -> str:
    """``Korean (한국어)`` for staff; the bare code when the language is not known here."""
    if code in BY_CODE:
        return BY_CODE[code].label
    english, native = SPOKEN.get(code, ("", ""))
    if not english:
        return code
    return english if english == native else f"{english} ({native})"
