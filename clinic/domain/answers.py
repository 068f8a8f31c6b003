"""The answers object: validation and canonical form of an intake's answers.

An intake's answers are one flat JSON object from answer keys to values; the keys are the contract
in the shared ``spec/answers.md`` plus the keys the questionnaire adds (every other fact the
I-821D, the I-765 and the I-765WS ask), documented in ``docs/answers.md``. This module checks an
answers object against every one of those keys and produces its canonical copy:

- :func:`validate_answers` returns *every* problem found (never just the first),
- :func:`normalize_answers` returns the canonical copy or raises :class:`AnswersInvalid`,
- :data:`ANSWER_KEYS` describes each key (kind, choices, limits) for the questionnaire and GUI.

Error messages name the key and the problem, never the value: they end up in logs and on standard
error, and nothing personal may ever be logged. Pure logic, no I/O.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType
from typing import Any, Final

from clinic.errors import ClinicError
from clinic.messages import say

__all__ = [
    "ADDED_KEYS",
    "ANSWER_KEYS",
    "CONTRACT_KEYS",
    "EYE_COLORS",
    "HAIR_COLORS",
    "MAX_LIST_ITEMS",
    "MILITARY_BRANCHES",
    "MILITARY_DISCHARGES",
    "US_STATE_CODES",
    "AnswerError",
    "AnswersInvalid",
    "FieldKind",
    "FieldSpec",
    "normalize_a_number",
    "normalize_answers",
    "normalize_name_for_index",
    "normalize_ssn",
    "validate_answers",
]


# --------------------------------------------------------------------------------------------------
# Errors


@dataclass(frozen=True)
class AnswerError:
    """One problem with one answer: the key (with list positions) and a plain-English problem.

    ``key`` is the answer key, with list positions for nested items (``travel[2].departed``,
    ``other_names[0].family``), or ``(answers)`` when the object itself is wrong. ``problem``
    never contains the offending value.
    """

    key: str
    problem: str

    def __str__(self) -> str:
        return f"{self.key}: {self.problem}"


class AnswersInvalid(ClinicError, ValueError):
    """Raised with every error found (never just the first).

    The message lists each ``key: problem``; like the errors themselves it contains no values.
    """

    errors: tuple[AnswerError, ...]

    def __init__(self, errors: list[AnswerError] | tuple[AnswerError, ...]) -> None:
        self.errors = tuple(errors)
        count = len(self.errors)
        details = "; ".join(str(error) for error in self.errors)
        if count == 1:
            super().__init__(say("1 problem in the answers: {details}", details=details))
        else:
            super().__init__(
                say("{count} problems in the answers: {details}", count=count, details=details)
            )

    @property
    def headline(self) -> str:
        return say("{count} problem(s) in the answers; nothing was stored:", count=len(self.errors))

    @property
    def details(self) -> tuple[str, ...]:
        """One ``key: problem`` line per error."""
        return tuple(str(error) for error in self.errors)


# --------------------------------------------------------------------------------------------------
# Field specifications


class FieldKind(StrEnum):
    """The kind of value an answer key takes (drives validation and, later, the widgets)."""

    TEXT = "text"  # free text, any script
    NAME = "name"  # a personal name: letters of any script, spaces, hyphens, apostrophes, periods
    DATE = "date"  # "YYYY-MM-DD", a real calendar date
    BOOL = "bool"  # JSON true / false
    NUMBER = "number"  # int or float (never a bool)
    CHOICE = "choice"  # one value of ``choices``
    CHOICES = "choices"  # a list of distinct values of ``choices``
    LIST = "list"  # a list of objects whose keys are ``items``
    A_NUMBER = "a_number"
    SSN = "ssn"
    USCIS_ACCOUNT = "uscis_account"
    STATE = "state"
    ZIP = "zip"
    PHONE = "phone"
    EMAIL = "email"
    LANGUAGE = "language"


@dataclass(frozen=True)
class FieldSpec:
    """What one answer key accepts.

    ``choices`` lists the allowed values of a ``CHOICE``/``CHOICES`` key (in canonical order);
    ``upper`` means choices are matched case-insensitively and stored upper case (USCIS codes).
    ``minimum``/``maximum`` bound numbers, ``whole`` requires a whole number (stored as int).
    ``max_length`` bounds text after stripping; ``multiline`` allows line breaks in text.
    ``items`` describes the keys of each object of a ``LIST`` key. ``money`` marks a number of
    US dollars (shown ``$32,000``).
    """

    kind: FieldKind
    label: str
    choices: tuple[str, ...] = ()
    upper: bool = False
    minimum: float | None = None
    maximum: float | None = None
    whole: bool = False
    max_length: int = 500
    multiline: bool = False
    items: Mapping[str, FieldSpec] | None = field(default=None, hash=False)
    money: bool = False


MAX_TEXT: Final = 500
MAX_NAME: Final = 60  # a name part; the forms' name boxes take about 30, the addendum the rest
MAX_EXPLANATION: Final = 4000
MAX_LIST_ITEMS: Final = 100

EYE_COLORS: Final = ("BLK", "BLU", "BRO", "GRY", "GRN", "HAZ", "MAR", "PNK", "XXX")
HAIR_COLORS: Final = ("BAL", "BLK", "BLN", "BRO", "GRY", "RED", "SDY", "WHI", "XXX")

# I-821D (01/20/25) Part 3, Items 9.a and 9.d: the choices of the form's drop-down lists.
MILITARY_BRANCHES: Final = (
    "army",
    "marine_corps",
    "navy",
    "air_force",
    "national_guard",
    "coast_guard",
)
MILITARY_DISCHARGES: Final = (
    "honorable",
    "general",
    "other_than_honorable",
    "bad_conduct",
    "dishonorable",
    "entry_level_separation",
    "clemency",
    "not_applicable",
)

US_STATE_CODES: Final = frozenset(
    "AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM "
    "NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY "
    "DC "  # District of Columbia
    "AS GU MP PR VI FM MH PW "  # territories and freely associated states served by USPS
    "AA AE AP".split()  # military mail
)

# ISO 639-1 (two-letter) codes. Three-letter codes (ISO 639-2/3: mam, quc, kjb, ...) are accepted
# by shape only, since many clinic languages (Mayan languages among them) have no two-letter code.
_ISO_639_1: Final = frozenset(
    "aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy "
    "da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu "
    "hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb "
    "lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om "
    "or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw "
    "ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu".split()
)


def _text(label: str, *, max_length: int = MAX_TEXT, multiline: bool = False) -> FieldSpec:
    return FieldSpec(FieldKind.TEXT, label, max_length=max_length, multiline=multiline)


def _name(label: str) -> FieldSpec:
    return FieldSpec(FieldKind.NAME, label, max_length=MAX_NAME)


def _date(label: str) -> FieldSpec:
    return FieldSpec(FieldKind.DATE, label)


def _bool(label: str) -> FieldSpec:
    return FieldSpec(FieldKind.BOOL, label)


def _choice(label: str, *choices: str, upper: bool = False) -> FieldSpec:
    return FieldSpec(FieldKind.CHOICE, label, choices=choices, upper=upper)


def _money(label: str) -> FieldSpec:
    return FieldSpec(FieldKind.NUMBER, label, minimum=0, money=True)


def _measure(label: str, low: int, high: int) -> FieldSpec:
    return FieldSpec(FieldKind.NUMBER, label, minimum=low, maximum=high, whole=True)


def _list(label: str, **items: FieldSpec) -> FieldSpec:
    return FieldSpec(FieldKind.LIST, label, items=MappingProxyType(items))


def _state(label: str) -> FieldSpec:
    return FieldSpec(FieldKind.STATE, label)


def _zip(label: str) -> FieldSpec:
    return FieldSpec(FieldKind.ZIP, label)


_CRIMINAL_LEVELS: Final = (
    "felony",
    "significant_misdemeanor",
    "misdemeanor",
    "infraction",
    "juvenile",
)
_CRIMINAL_OUTCOMES: Final = ("convicted", "dismissed", "pending", "arrest_only")
_RACES: Final = ("white", "asian", "black", "native_american", "pacific_islander")

_KEYS: dict[str, FieldSpec] = {
    "name.family": _name("family name (last name), as on the passport"),
    "name.given": _name("given name (first name), as on the passport"),
    "name.middle": _name("middle name"),
    "name.native": _text("the name in its own script"),
    "other_names": _list(
        "other names used",
        family=_name("family name"),
        given=_name("given name"),
        middle=_name("middle name"),
    ),
    "dob": _date("date of birth"),
    "sex": _choice("sex", "M", "F"),
    "marital_status": _choice("marital status", "single", "married", "divorced", "widowed"),
    "birth.city": _text("city or town of birth"),
    "birth.country": _text("country of birth"),
    "citizenship": _text("country of citizenship"),
    "a_number": FieldSpec(FieldKind.A_NUMBER, "A-Number"),
    "ssn": FieldSpec(FieldKind.SSN, "U.S. Social Security number"),
    "uscis_account": FieldSpec(FieldKind.USCIS_ACCOUNT, "USCIS online account number"),
    "mailing.in_care_of": _text("mailing address: in care of"),
    "mailing.street": _text("mailing address: street number and name"),
    "mailing.unit_type": _choice("mailing address: unit type", "apt", "ste", "flr"),
    "mailing.unit": _text("mailing address: unit number"),
    "mailing.city": _text("mailing address: city or town"),
    "mailing.state": FieldSpec(FieldKind.STATE, "mailing address: state"),
    "mailing.zip": FieldSpec(FieldKind.ZIP, "mailing address: ZIP code"),
    "phone": FieldSpec(FieldKind.PHONE, "daytime telephone number"),
    "email": FieldSpec(FieldKind.EMAIL, "email address"),
    "language": FieldSpec(FieldKind.LANGUAGE, "language of the interview"),
    "request.type": _choice("request type", "renewal", "initial"),
    "daca.ever_granted": _bool("has had DACA before"),
    "daca.expires": _date("expiration of the most recent DACA period"),
    "daca.terminated": _bool("DACA was terminated"),
    "detention.current": _bool("now in immigration detention"),
    "removal.status": _choice(
        "removal proceedings, now or ever",
        "never",
        "active",
        "administratively_closed",
        "terminated",
        "final_order",
        "voluntary_departure",
        "other",
    ),
    "arrival.date": _date("date of first entry into the U.S."),
    "arrival.place": _text("place of first entry"),
    "arrival.status": _text("immigration status at first entry"),
    "residence.continuous_since_2007": _bool("lived in the U.S. continuously since June 15, 2007"),
    "presence.2012_06_15": _bool("physically present in the U.S. on June 15, 2012"),
    "status.lawful_on_2012_06_15": _bool("had a lawful immigration status on June 15, 2012"),
    "education.status": _choice(
        "education",
        "in_school",
        "high_school_diploma",
        "ged",
        "certificate_of_completion",
        "honorably_discharged_veteran",
        "none",
    ),
    "education.school": _text("school name"),
    "education.city_state": _text("school city and state"),
    "education.date": _date("date of graduation or completion"),
    "travel": _list(
        "trips outside the U.S.",
        departed=_date("date departed"),
        returned=_date("date returned"),
        reason=_text("reason for the trip"),
        advance_parole=_bool("travelled with advance parole"),
    ),
    "criminal": _list(
        "arrests, charges and convictions",
        date=_date("date"),
        offense=_text("offense"),
        place=_text("city and state or province"),
        country=_text("country"),
        level=_choice("level", *_CRIMINAL_LEVELS),
        outcome=_choice("outcome", *_CRIMINAL_OUTCOMES),
    ),
    "safety.terrorism": _bool("I-821D Part 4: terrorism"),
    "safety.gang": _bool("I-821D Part 4: gang membership"),
    "safety.torture_genocide_trafficking": _bool("I-821D Part 4: torture, genocide, trafficking"),
    "safety.killing": _bool("I-821D Part 4: killing any person"),
    "safety.severe_injury": _bool("I-821D Part 4: severely injuring any person"),
    "safety.forced_sexual_contact": _bool("I-821D Part 4: forced sexual contact"),
    "safety.child_soldier_recruit": _bool("I-821D Part 4: recruiting child soldiers"),
    "safety.child_soldier_use": _bool("I-821D Part 4: using child soldiers"),
    "ead.income_annual": _money("I-765WS: annual income (USD)"),
    "ead.expenses_annual": _money("I-765WS: annual expenses (USD)"),
    "ead.assets": _money("I-765WS: total current assets (USD)"),
    "ead.explanation": _text(
        "I-765WS: economic necessity", max_length=MAX_EXPLANATION, multiline=True
    ),
    "bio.ethnicity": _choice("ethnicity", "hispanic", "not_hispanic"),
    "bio.race": FieldSpec(FieldKind.CHOICES, "race", choices=_RACES),
    "bio.height_ft": _measure("height (feet)", 2, 8),
    "bio.height_in": _measure("height (inches)", 0, 11),
    "bio.weight_lb": _measure("weight (pounds)", 30, 999),
    "bio.eye_color": _choice("eye color (USCIS code)", *EYE_COLORS, upper=True),
    "bio.hair_color": _choice("hair color (USCIS code)", *HAIR_COLORS, upper=True),
}

# The keys the questionnaire adds to the contract: every other fact that the I-821D (01/20/25), the
# I-765 (08/21/25) for category (c)(33) and the I-765WS ask of the requestor. Interpreter, preparer,
# attorney, signature and fee-payment fields are filled by the clinic, not answered by the person.
# docs/answers.md lists each key with the form Part and Item it feeds.
_ADDED: dict[str, FieldSpec] = {
    # About the person
    "birth.state_province": _text("state or province of birth"),
    "citizenship_other": _text("other countries of citizenship or nationality"),
    "residence.country": _text("current country of residence"),
    "english.reads": _bool("can read and understand English"),
    "interpreter.user": _text("interpreter (a ClinicDay user name)", max_length=64),
    "passport.country": _text("country that issued the last passport"),
    "passport.number": _text("passport number", max_length=20),
    "passport.expires": _date("passport expiration date"),
    "travel_document.number": _text("travel document number", max_length=20),
    "border_crossing_card": _text("Border Crossing Card number", max_length=20),
    # Contact
    "mobile_phone": FieldSpec(FieldKind.PHONE, "mobile telephone number"),
    "physical.same_as_mailing": _bool("the mailing address is the physical address"),
    "physical.street": _text("physical address: street number and name"),
    "physical.unit_type": _choice("physical address: unit type", "apt", "ste", "flr"),
    "physical.unit": _text("physical address: unit number"),
    "physical.city": _text("physical address: city or town"),
    "physical.state": _state("physical address: state"),
    "physical.zip": _zip("physical address: ZIP code"),
    "physical.since": _date("living at the present address since"),
    "addresses": _list(
        "earlier addresses",
        street=_text("street number and name"),
        unit_type=_choice("unit type", "apt", "ste", "flr"),
        unit=_text("unit number"),
        city=_text("city or town"),
        state=_state("state"),
        zip=_zip("ZIP code"),
        country=_text("country, if outside the U.S."),
        **{"from": _date("lived there from"), "to": _date("lived there until")},
    ),
    # Arrival and status
    "arrival.before_age_16": _bool("arrived and established residence before age 16"),
    "arrival.last_date": _date("date of last arrival into the U.S."),
    "arrival.last_place": _text("place of last arrival"),
    "arrival.last_status": _text("immigration status at last arrival"),
    "status.current": _text("current immigration status or category"),
    "status.on_2012_06_15": _choice(
        "immigration status on June 15, 2012",
        "no_lawful_status",
        "status_expired",
        "parole_expired",
    ),
    "i94_issued": _bool("was ever issued an I-94, I-94W or I-95"),
    "i94_number": _text("I-94 arrival-departure record number", max_length=11),
    "i94_stay_expires": _date("authorized stay expired (I-94)"),
    "sevis_number": _text("SEVIS number", max_length=11),
    # Military service (initial requests)
    "military.served": _bool("member of the U.S. Armed Forces or Coast Guard"),
    "military.branch": _choice("military branch", *MILITARY_BRANCHES),
    "military.start": _date("military service start date"),
    "military.discharge_date": _date("military discharge date"),
    "military.discharge_type": _choice("type of discharge", *MILITARY_DISCHARGES),
    # Removal proceedings, travel, public safety
    "removal.date": _date("most recent date of removal proceedings"),
    "removal.location": _text("location of removal proceedings"),
    "removal.explanation": _text(
        "removal proceedings: explanation", max_length=MAX_EXPLANATION, multiline=True
    ),
    "departure.without_parole_since_2012_08_15": _bool(
        "left the U.S. without advance parole on or after August 15, 2012"
    ),
    "safety.explanation": _text(
        "I-821D Part 4: circumstances", max_length=MAX_EXPLANATION, multiline=True
    ),
    # Work permit
    "ead.previous_filed": _bool("previously filed Form I-765"),
    "ead.abc_settlement": _bool("Salvadoran or Guatemalan national eligible under ABC"),
}

CONTRACT_KEYS: Final[frozenset[str]] = frozenset(_KEYS)
"""The answer keys of the shared contract (``spec/answers.md``)."""

ADDED_KEYS: Final[frozenset[str]] = frozenset(_ADDED)
"""The answer keys the questionnaire adds to the contract (``docs/answers.md``)."""

ANSWER_KEYS: Final[Mapping[str, FieldSpec]] = MappingProxyType({**_KEYS, **_ADDED})
"""Every top-level answer key, mapped to what it accepts: the contract in spec order, then the
keys the questionnaire adds."""


# --------------------------------------------------------------------------------------------------
# Identifier normalization (public: the store builds blind indexes from these)

_A_NUMBER_PROBLEM: Final = say(
    "not an A-Number (expected 7 to 9 digits, optionally starting with A)"
)
_SSN_PROBLEM: Final = say("not a Social Security number (expected 123-45-6789 or 9 digits)")
_USCIS_ACCOUNT_PROBLEM: Final = say("not a USCIS online account number (expected 12 digits)")
_DIGITS_7_9: Final = re.compile(r"[0-9]{7,9}")
_SSN_RE: Final = re.compile(r"([0-9]{3})-([0-9]{2})-([0-9]{4})|([0-9]{3})([0-9]{2})([0-9]{4})")


def normalize_a_number(value: str) -> str:
    """Return the A-Number as 9 digits, zero-padded: ``"A-012-345-678"`` -> ``"012345678"``.

    Accepts an optional leading ``A``/``a``, spaces and dashes around 7 to 9 digits. Raises
    ``ValueError`` (whose message never contains the value) otherwise, or for all zeros.
    """
    text = value.strip()
    if text[:1] in ("A", "a"):
        text = text[1:]
    digits = text.replace(" ", "").replace("-", "")
    if not _DIGITS_7_9.fullmatch(digits) or int(digits) == 0:
        raise ValueError(_A_NUMBER_PROBLEM)
    return digits.zfill(9)


def normalize_ssn(value: str) -> str:
    """Return the Social Security number as 9 digits: ``"123-45-6789"`` -> ``"123456789"``.

    Accepts ``123-45-6789`` or 9 digits. Numbers that are never issued in any area (area 000 or
    666, group 00, serial 0000) are refused too. Raises ``ValueError`` without the value.
    """
    match = _SSN_RE.fullmatch(value.strip())
    if match is None:
        raise ValueError(_SSN_PROBLEM)
    area, group, serial = (part for part in match.groups() if part is not None)
    if area in ("000", "666") or group == "00" or serial == "0000":
        raise ValueError(_SSN_PROBLEM)
    return area + group + serial


def normalize_name_for_index(family: str) -> str:
    """Fold a family name for the blind index, so spelling variants of one name compare equal.

    NFKC, casefold, strip accents (NFD, drop combining marks) and drop everything that is not a
    letter or digit (whitespace, hyphens, apostrophes, periods): ``"De la Cruz"``, ``"DELACRUZ"``
    and ``"de La-Crúz"`` all give ``"delacruz"``. The result is NFC (Hangul stays syllables).
    """
    folded = unicodedata.normalize("NFKC", family).casefold()
    decomposed = unicodedata.normalize("NFD", folded)
    kept = "".join(
        char
        for char in decomposed
        if not unicodedata.combining(char) and unicodedata.category(char)[0] in ("L", "N")
    )
    return unicodedata.normalize("NFC", kept)


def _normalize_uscis_account(value: str) -> str:
    digits = value.strip().replace(" ", "").replace("-", "")
    if not re.fullmatch(r"[0-9]{12}", digits):
        raise ValueError(_USCIS_ACCOUNT_PROBLEM)
    return digits


# --------------------------------------------------------------------------------------------------
# Checks of single values. Each returns (canonical value, None) or (None, problem).

_Checked = tuple[Any, str | None]

_EMPTY: Final = "empty (omit the key if not answered)"
_NULL: Final = "must not be null (omit the key if not answered)"
_NOT_TEXT: Final = "must be text"
_CONTROL: Final = "contains control characters"
_NOT_DATE: Final = say("not a real date (expected YYYY-MM-DD)")
_DATE_RE: Final = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_NAME_PUNCTUATION: Final = frozenset(" -\u2010'\u2019\u02bc.")
_BIDI_CONTROLS: Final = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_ZIP_RE: Final = re.compile(r"([0-9]{5})(?:-?([0-9]{4}))?")
_EMAIL_RE: Final = re.compile(
    r"[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+"
    r"@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+"
)
_LANGUAGE_RE: Final = re.compile(r"[a-z]{2,3}")


# Control characters (Unicode categories Cc, Cs, Zl, Zp) and bidirectional overrides, as one
# character class: checking a long text is one regex search, not a Python call per character.
_OTHER_CONTROLS: Final = "\\x7f-\\x9f\\ud800-\\udfff\\u2028\\u2029" + "".join(
    sorted(_BIDI_CONTROLS)
)
_CONTROL_RE: Final = re.compile(f"[\\x00-\\x1f{_OTHER_CONTROLS}]")
# the multiline variant allows "\\n" (0x0a)
_CONTROL_RE_MULTILINE: Final = re.compile(f"[\\x00-\\x09\\x0b-\\x1f{_OTHER_CONTROLS}]")


def _has_control(text: str, *, multiline: bool) -> bool:
    return (_CONTROL_RE_MULTILINE if multiline else _CONTROL_RE).search(text) is not None


def _clean_text(value: object, *, max_length: int = MAX_TEXT, multiline: bool = False) -> _Checked:
    """Strip, NFC, reject empty, control characters and overlong text."""
    if not isinstance(value, str):
        return None, _NOT_TEXT
    text = value
    if multiline:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFC", text.strip())
    if not text:
        return None, _EMPTY
    if _has_control(text, multiline=multiline):
        return None, _CONTROL
    if len(text) > max_length:
        return None, say("too long (at most {n} characters)", n=max_length)
    return text, None


def _check_text(spec: FieldSpec, value: object) -> _Checked:
    return _clean_text(value, max_length=spec.max_length, multiline=spec.multiline)


def _check_name(spec: FieldSpec, value: object) -> _Checked:
    text, problem = _clean_text(value, max_length=spec.max_length)
    if problem is not None:
        return None, problem
    if not any(unicodedata.category(char)[0] == "L" for char in text):
        return None, say("must contain letters")
    for char in text:
        if unicodedata.category(char)[0] not in ("L", "M") and char not in _NAME_PUNCTUATION:
            return None, say("must contain only letters, spaces, hyphens, apostrophes and periods")
    return " ".join(text.split()), None


def _check_date(spec: FieldSpec, value: object) -> _Checked:
    if not isinstance(value, str):
        return None, say("must be a date written as text (YYYY-MM-DD)")
    text = value.strip()
    if not text:
        return None, _EMPTY
    if not _DATE_RE.fullmatch(text):
        return None, _NOT_DATE
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return None, _NOT_DATE
    return text, None


def _check_bool(spec: FieldSpec, value: object) -> _Checked:
    if isinstance(value, bool):
        return value, None
    return None, say("must be true or false")


def _format_bound(bound: float) -> str:
    return str(int(bound)) if float(bound).is_integer() else str(bound)


DOTTED_THOUSANDS = re.compile(r"\$?\s*\d{1,3}(?:\.\d{3})+(?:,\d{1,2})?")
"""An amount with dots between thousands (``32.000``): ambiguous here, never read as a number."""


def _check_number(spec: FieldSpec, value: object) -> _Checked:
    if isinstance(value, str) and DOTTED_THOUSANDS.fullmatch(value.strip()):
        # "32.000": thirty-two thousand where it was written, 32 in the U.S.: never guessed
        return None, say(
            "write thousands without dots (32000 or 32,000), and cents after a dot (32000.50)"
        )
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None, say("must be a number")
    if isinstance(value, float) and not math.isfinite(value):
        return None, say("must be a finite number")
    number: int | float = value
    if spec.whole:
        if isinstance(number, float):
            if not number.is_integer():
                return None, say("must be a whole number")
            number = int(number)
    low, high = spec.minimum, spec.maximum
    if low is not None and high is not None:
        if not low <= number <= high:
            return None, say(
                "must be between {low} and {high}", low=_format_bound(low), high=_format_bound(high)
            )
    elif low is not None and number < low:
        return None, say("must be at least {low}", low=_format_bound(low))
    elif high is not None and number > high:
        return None, say("must be at most {high}", high=_format_bound(high))
    return number, None


def _check_choice(spec: FieldSpec, value: object) -> _Checked:
    problem = "must be one of: " + ", ".join(spec.choices)
    if not isinstance(value, str):
        return None, problem
    text = value.strip()
    if spec.upper:
        text = text.upper()
    if text not in spec.choices:
        return None, problem
    return text, None


def _check_with(normalizer: Callable[[str], str], value: object) -> _Checked:
    if not isinstance(value, str):
        return None, _NOT_TEXT
    if not value.strip():
        return None, _EMPTY
    try:
        return normalizer(value), None
    except ValueError as exc:  # the problem as said (a Said: the screens translate it)
        said = exc.args[0] if exc.args and isinstance(exc.args[0], str) else str(exc)
        return None, said


def _check_a_number(spec: FieldSpec, value: object) -> _Checked:
    return _check_with(normalize_a_number, value)


def _check_ssn(spec: FieldSpec, value: object) -> _Checked:
    return _check_with(normalize_ssn, value)


def _check_uscis_account(spec: FieldSpec, value: object) -> _Checked:
    return _check_with(_normalize_uscis_account, value)


def _check_state(spec: FieldSpec, value: object) -> _Checked:
    text, problem = _clean_text(value)
    if problem is not None:
        return None, problem
    code = text.upper()
    if code not in US_STATE_CODES:
        return None, say("not a U.S. state, DC, territory or military code (2 letters, e.g. CA)")
    return code, None


def _check_zip(spec: FieldSpec, value: object) -> _Checked:
    text, problem = _clean_text(value)
    if problem is not None:
        return None, problem
    match = _ZIP_RE.fullmatch(text)
    if match is None:
        return None, say("not a ZIP code (expected 12345 or 12345-6789)")
    five, four = match.groups()
    return (f"{five}-{four}" if four else five), None


def _check_phone(spec: FieldSpec, value: object) -> _Checked:
    text, problem = _clean_text(value)
    if problem is not None:
        return None, problem
    digits = re.sub(r"[\s().-]", "", text)
    if digits.startswith("+1"):
        digits = digits[2:]
    elif len(digits) == 11 and digits.startswith("1"):
        digits = digits[1:]
    if not re.fullmatch(r"[2-9][0-9]{2}[2-9][0-9]{6}", digits):
        return None, say("not a 10-digit U.S. phone number")
    return digits, None


def _check_email(spec: FieldSpec, value: object) -> _Checked:
    text, problem = _clean_text(value, max_length=254)
    if problem is not None:
        return None, problem
    if not _EMAIL_RE.fullmatch(text):
        return None, say("not an email address")
    local, _, domain = text.rpartition("@")
    return f"{local}@{domain.lower()}", None


def _check_language(spec: FieldSpec, value: object) -> _Checked:
    text, problem = _clean_text(value)
    if problem is not None:
        return None, problem
    code = text.lower()
    if not _LANGUAGE_RE.fullmatch(code) or (len(code) == 2 and code not in _ISO_639_1):
        return None, say("not an ISO 639 language code (2 or 3 lowercase letters, e.g. en, ko, es)")
    return code, None


_SCALAR_CHECKS: Final = {
    FieldKind.TEXT: _check_text,
    FieldKind.NAME: _check_name,
    FieldKind.DATE: _check_date,
    FieldKind.BOOL: _check_bool,
    FieldKind.NUMBER: _check_number,
    FieldKind.CHOICE: _check_choice,
    FieldKind.A_NUMBER: _check_a_number,
    FieldKind.SSN: _check_ssn,
    FieldKind.USCIS_ACCOUNT: _check_uscis_account,
    FieldKind.STATE: _check_state,
    FieldKind.ZIP: _check_zip,
    FieldKind.PHONE: _check_phone,
    FieldKind.EMAIL: _check_email,
    FieldKind.LANGUAGE: _check_language,
}


# --------------------------------------------------------------------------------------------------
# Objects and lists

_SHOWABLE_KEY: Final = re.compile(r"[a-z][a-z0-9_]*(?:\.[a-z0-9_]+)*")
_LONG_DIGITS: Final = re.compile(r"[0-9]{5,}")


def _key_label(key: object, position: int) -> str:
    """The name to report for an unknown key: itself if it looks like a key, else its position.

    A key that does not look like an answer key (capitals, spaces, long digit runs, control
    characters, ...) might be personal data pasted in the wrong place, so it is not repeated.
    """
    if (
        isinstance(key, str)
        and len(key) <= 64
        and _SHOWABLE_KEY.fullmatch(key)
        and not _LONG_DIGITS.search(key)
    ):
        return key
    return f"(unrecognized key #{position})"


def shown_key(key: object) -> str | None:
    """``key`` if it looks like an answer key and may be repeated in a message, else None (it
    might be personal data pasted in the wrong place)."""
    label = _key_label(key, 0)
    return None if label.startswith("(unrecognized") else label


MAX_DEPTH = (
    64  # answers nest a few levels (a list of trips, each an object): far more is not answers
)


def too_deep_under(text: str, limit: int = MAX_DEPTH) -> str | None:
    """Where JSON ``text`` nests deeper than ``limit``: the top-level key it happens under
    (``"the answer travel"``; shown only if it looks like an answer key), ``"the whole file"``
    at the top, or None
    when it does not. A scan of the text, so no parser recursion is needed to find it."""
    depth = 0
    in_string = escaped = is_key = expect_key = False
    top_key: str | None = None
    start = 0
    for i, ch in enumerate(text):
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
                if is_key:
                    top_key, expect_key = text[start:i], False
            continue
        if ch == '"':
            in_string, start = True, i + 1
            is_key = depth == 1 and expect_key
        elif ch in "[{":
            depth += 1
            expect_key = depth == 1 and ch == "{"
            if depth > limit:
                if top_key is None:
                    return "the whole file"
                shown = shown_key(top_key)
                return f"the answer {shown}" if shown else "an unrecognized key"
        elif ch in "]}":
            depth -= 1
        elif ch == "," and depth == 1:
            top_key, expect_key = None, True
    return None


def _check_value(path: str, spec: FieldSpec, value: object, errors: list[AnswerError]) -> Any:
    """Validate one value; append its errors; return its canonical form (None if invalid)."""
    if value is None:
        errors.append(AnswerError(path, _NULL))
        return None
    if spec.kind is FieldKind.LIST:
        return _check_list(path, spec, value, errors)
    if spec.kind is FieldKind.CHOICES:
        return _check_choices(path, spec, value, errors)
    canonical, problem = _SCALAR_CHECKS[spec.kind](spec, value)
    if problem is not None:
        errors.append(AnswerError(path, problem))
        return None
    return canonical


def _check_choices(path: str, spec: FieldSpec, value: object, errors: list[AnswerError]) -> Any:
    if not isinstance(value, list):
        errors.append(AnswerError(path, "must be a list of: " + ", ".join(spec.choices)))
        return None
    if not value:
        errors.append(AnswerError(path, _EMPTY))
        return None
    seen: set[str] = set()
    ok = True
    for index, item in enumerate(value):
        canonical, problem = _check_choice(spec, item)
        if problem is None and canonical in seen:
            problem = "duplicate (each value at most once)"
        if problem is not None:
            errors.append(AnswerError(f"{path}[{index}]", problem))
            ok = False
        else:
            seen.add(canonical)
    if not ok:
        return None
    return [choice for choice in spec.choices if choice in seen]


def _check_list(path: str, spec: FieldSpec, value: object, errors: list[AnswerError]) -> Any:
    if not isinstance(value, list):
        errors.append(AnswerError(path, "must be a list"))
        return None
    if len(value) > MAX_LIST_ITEMS:
        errors.append(AnswerError(path, f"too many items (at most {MAX_LIST_ITEMS})"))
        return None
    assert spec.items is not None
    result: list[dict[str, Any]] = []
    for index, item in enumerate(value):
        item_path = f"{path}[{index}]"
        result.append(_check_object(item_path, spec.items, item, errors, prefix=f"{item_path}."))
    return result


def _check_object(
    path: str,
    specs: Mapping[str, FieldSpec],
    value: object,
    errors: list[AnswerError],
    *,
    prefix: str,
) -> dict[str, Any]:
    if not isinstance(value, dict):
        errors.append(AnswerError(path, "must be an object"))
        return {}
    result: dict[str, Any] = {}
    for position, (key, item) in enumerate(value.items(), start=1):
        spec = specs.get(key) if isinstance(key, str) else None
        if spec is None:
            errors.append(AnswerError(prefix + _key_label(key, position), "unknown key"))
            continue
        if isinstance(item, str) and not item.strip():
            continue  # "" or spaces: not answered (what spreadsheets and forms export)
        result[key] = _check_value(prefix + key, spec, item, errors)
    return result


def _check_answers(raw: object) -> tuple[dict[str, Any], list[AnswerError]]:
    errors: list[AnswerError] = []
    if not isinstance(raw, dict):
        errors.append(AnswerError("(answers)", "must be a JSON object of answer keys"))
        return {}, errors
    canonical = _check_object("(answers)", ANSWER_KEYS, raw, errors, prefix="")
    return canonical, errors


# --------------------------------------------------------------------------------------------------
# Public entry points


def normalize_with(specs: Mapping[str, FieldSpec], raw: object, what: str) -> dict[str, Any]:
    """``raw`` validated against ``specs`` as answers are (a staff profile, ...); raises
    :class:`AnswersInvalid` naming each key and its problem."""
    errors: list[AnswerError] = []
    if not isinstance(raw, dict):
        raise AnswersInvalid([AnswerError(f"({what})", "must be an object")])
    canonical = _check_object(f"({what})", specs, raw, errors, prefix="")
    if errors:
        raise AnswersInvalid(errors)
    return canonical


PROFILE_SPECS: Final[Mapping[str, FieldSpec]] = MappingProxyType(
    {
        "family": _name("family name"),
        "given": _name("given name"),
        "organization": _text("organization"),
        "street": _text("street number and name"),
        "unit_type": _choice("unit type", "apt", "ste", "flr"),
        "unit": _text("unit number"),
        "city": _text("city or town"),
        "state": _state("state"),
        "zip": _zip("ZIP code"),
        "phone": FieldSpec(FieldKind.PHONE, "daytime telephone number"),
        "email": FieldSpec(FieldKind.EMAIL, "email address"),
        "bar_number": _text("bar number", max_length=20),
        "bar_state": _state("state of the bar"),
    }
)
"""What a staff member's profile holds: the preparer, interpreter and attorney parts of the
forms are filled from it."""

PREPARER_KEYS: Final[Mapping[str, FieldSpec]] = MappingProxyType(
    {
        **{f"preparer.{name}": spec for name, spec in PROFILE_SPECS.items()},
        "preparer.role": _choice(
            "preparer's role", "volunteer", "attorney", "coordinator", "admin"
        ),
    }
)
"""What a packet adds beside the answers for the forms' preparer parts (``preparer.family``...):
the profile and role of the person who built it."""

INTERPRETER_KEYS: Final[Mapping[str, FieldSpec]] = MappingProxyType(
    {
        **{
            f"interpreter.{name}": spec
            for name, spec in PROFILE_SPECS.items()
            if not name.startswith("bar_")
        },
        "interpreter.language": _text("the language the interpreter read the forms in"),
    }
)
"""What a packet adds for the forms' interpreter parts (I-821D Part 6, I-765 Part 4): the
profile of the user the interview names in ``interpreter.user``, and the English name of the
interview language."""

ATTORNEY_KEYS: Final[Mapping[str, FieldSpec]] = MappingProxyType(
    {
        **{f"attorney.{name}": spec for name, spec in PROFILE_SPECS.items()},
        "attorney.user": _text("the attorney of record's user name", max_length=64),
    }
)
"""What a packet adds for the Form G-28 when an attorney of this clinic represents the person:
that attorney's profile (``attorney.family``, ``attorney.bar_number``...)."""

PACKET_KEYS: Final[Mapping[str, FieldSpec]] = MappingProxyType(
    {**PREPARER_KEYS, **INTERPRETER_KEYS, **ATTORNEY_KEYS}
)
"""Every key a packet adds beside the answers for the forms to read (never answered by the
person): the preparer's, the interpreter's and the attorney of record's."""


def validate_answers(raw: object) -> list[AnswerError]:
    """Return every problem with ``raw`` as an answers object; ``[]`` when it is valid."""
    return _check_answers(raw)[1]


def normalize_answers(raw: object) -> dict[str, Any]:
    """Return the validated, canonical copy of ``raw``; raise :class:`AnswersInvalid` if invalid.

    Canonical forms: text stripped and NFC (names with single spaces); dates unchanged strings;
    ``a_number`` 9 digits; ``ssn`` 9 digits; ``uscis_account`` 12 digits; ``phone`` and
    ``mobile_phone`` 10 digits; states (``mailing.state``, ``physical.state``,
    ``addresses[].state``) and the USCIS eye/hair codes upper case; ``language`` lower case; ZIP
    codes ``12345`` or ``12345-6789``; ``bio.race`` in spec order; whole-number measurements as
    ints. The input is never modified.
    """
    canonical, errors = _check_answers(raw)
    if errors:
        raise AnswersInvalid(errors)
    return canonical
