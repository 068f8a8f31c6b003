"""Synthetic demo people: varied intakes for demos, training sessions, tests and benchmarks.

Every person here is invented. Names are combinations of common given and family names from small
built-in lists; A-Numbers use the ``099`` prefix, Social Security numbers the 900-999 area (never
issued as SSNs), telephone numbers the fictional 555-01xx block, emails ``example.org``, and
street names are made up (the cities and ZIP codes are real so addresses look plausible).

The output is deterministic: names and identifiers depend only on ``(seed, index)``, and every
DACA date is computed relative to ``today`` so a scenario ("renewal inside the filing window",
"expired more than a year ago", ...) stays true whenever the demo is generated. Each generated
dict is a canonical answers object (``normalize_answers`` returns it unchanged). Pure, no I/O.
"""

from __future__ import annotations

import datetime as dt
import random
import unicodedata
from dataclasses import dataclass
from typing import Any, Final, Literal

from clinic.domain.languages import FALLBACK, spoken_code

__all__ = [
    "DEMO_INTERPRETER",
    "SCENARIOS",
    "generate_people",
    "generate_people_with_scenarios",
]

DEMO_INTERPRETER: Final = "vol"
"""The demo clinic's volunteer, who interprets for the people who do not read English (the
demo clinic gives each demo user a synthetic profile)."""

DacaHistory = Literal["window", "early", "lapsed", "expired_long", "never", "terminated"]
BirthProfile = Literal["normal", "arrived_16_or_older", "born_before_1981"]
TravelProfile = Literal["none", "advance_parole", "without_advance_parole", "many"]


@dataclass(frozen=True)
class _Scenario:
    """The facts one scenario fixes; everything else is drawn at random per person."""

    daca: DacaHistory
    birth: BirthProfile = "normal"
    removal: str = "never"
    detained: bool = False
    criminal: tuple[tuple[str, str], ...] = ()  # (level, outcome) per entry
    travel: TravelProfile = "none"
    ead: bool = False
    other_names: bool = False
    safety_flag: bool = False


_SCENARIO_FACTS: Final[dict[str, _Scenario]] = {
    "renewal_in_window": _Scenario("window"),
    "renewal_in_window_with_worksheet": _Scenario("window", ead=True, travel="advance_parole"),
    "renewal_too_early": _Scenario("early", other_names=True),
    "renewal_lapsed": _Scenario("lapsed", criminal=(("misdemeanor", "dismissed"),)),
    "expired_over_a_year": _Scenario("expired_long", removal="administratively_closed"),
    "initial_never_granted": _Scenario("never"),
    "terminated": _Scenario(
        "terminated", removal="final_order", criminal=(("felony", "convicted"),)
    ),
    "many_trips": _Scenario("window", travel="many"),
    "detained": _Scenario(
        "never",
        removal="active",
        detained=True,
        criminal=(("significant_misdemeanor", "pending"),),
    ),
    "arrived_age_16_or_older": _Scenario("never", birth="arrived_16_or_older"),
    "born_before_1981_06_16": _Scenario("never", birth="born_before_1981"),
    "criminal_history": _Scenario(
        "window", criminal=(("juvenile", "arrest_only"), ("infraction", "convicted"))
    ),
    "travel_without_advance_parole": _Scenario("window", travel="without_advance_parole"),
    "travel_with_advance_parole": _Scenario("early", travel="advance_parole"),
    "economic_necessity": _Scenario("window", ead=True),
    "other_names": _Scenario("window", other_names=True),
    "safety_question_flagged": _Scenario("window", safety_flag=True),
    "removal_terminated": _Scenario("lapsed", removal="terminated"),
    "criminal_misdemeanor_convicted": _Scenario("early", criminal=(("misdemeanor", "convicted"),)),
}

SCENARIOS: Final[tuple[str, ...]] = tuple(_SCENARIO_FACTS)
"""Every scenario name :func:`generate_people_with_scenarios` can return."""

# Languages the demo people speak, by their English names (the codes are the registry's).
_EN, _KO, _ES = spoken_code("English"), spoken_code("Korean"), spoken_code("Spanish")
_TL, _PT = spoken_code("Tagalog"), spoken_code("Portuguese")

# The first twelve people cover every required scenario: (scenario, country of birth, language).
_CORE: Final[tuple[tuple[str, str, str], ...]] = (
    ("renewal_in_window_with_worksheet", "South Korea", _KO),
    ("renewal_too_early", "Mexico", _ES),
    ("renewal_lapsed", "South Korea", _KO),
    ("expired_over_a_year", "Guatemala", _ES),
    ("initial_never_granted", "South Korea", _EN),
    ("terminated", "El Salvador", _ES),
    ("many_trips", "Philippines", _EN),
    ("detained", "Honduras", _ES),
    ("arrived_age_16_or_older", "South Korea", _KO),
    ("born_before_1981_06_16", "Brazil", _PT),
    ("criminal_history", "South Korea", _KO),
    ("travel_without_advance_parole", "Colombia", _ES),
)

_EXTRA_SCENARIOS: Final = (
    "renewal_in_window",
    "renewal_too_early",
    "economic_necessity",
    "renewal_lapsed",
    "initial_never_granted",
    "renewal_in_window",
    "criminal_history",
    "travel_with_advance_parole",
    "other_names",
    "renewal_in_window",
    "safety_question_flagged",
    "expired_over_a_year",
    "removal_terminated",
    "criminal_misdemeanor_convicted",
)
# After the core: about half Korean, a third Spanish-speaking, the rest from elsewhere.
_GROUP_CYCLE: Final = ("korean", "spanish", "korean", "other", "korean", "spanish", "korean")
_SPANISH_COUNTRIES: Final = (
    "Mexico",
    "Peru",
    "Mexico",
    "Guatemala",
    "El Salvador",
    "Mexico",
    "Honduras",
    "Colombia",
)
_OTHER_COUNTRIES: Final = ("Philippines", "Brazil", "Jamaica")


@dataclass(frozen=True)
class _Origin:
    """What a country of birth implies for names, places and biographic defaults."""

    group: Literal["korean", "spanish", "other"]
    birth_cities: tuple[str, ...]
    arrival_places: tuple[str, ...]
    arrival_statuses: tuple[str, ...]
    languages: tuple[str, ...]  # weighted by repetition
    hispanic: bool
    races: tuple[tuple[str, ...], ...]
    eyes: tuple[str, ...]
    hair: tuple[str, ...]


_ORIGINS: Final[dict[str, _Origin]] = {
    "South Korea": _Origin(
        "korean",
        ("Seoul", "Busan", "Incheon", "Daegu", "Gwangju", "Daejeon", "Suwon"),
        ("Los Angeles, CA", "New York, NY", "San Francisco, CA", "Chicago, IL"),
        ("B-2 visitor", "B-2 visitor", "F-2 dependent"),
        (_KO, _KO, _KO, _EN),
        False,
        (("asian",),),
        ("BRO", "BRO", "BLK"),
        ("BLK", "BLK", "BRO"),
    ),
    "Mexico": _Origin(
        "spanish",
        ("Guadalajara", "Puebla", "Oaxaca de Juárez", "Ciudad de México", "Morelia", "León"),
        ("San Ysidro, CA", "El Paso, TX", "Nogales, AZ", "Laredo, TX"),
        ("EWI", "EWI", "B-2 visitor"),
        (_ES, _ES, _ES, _ES, _EN),
        True,
        (("white",), ("white", "native_american"), ("native_american",)),
        ("BRO", "BRO", "HAZ", "BLK"),
        ("BLK", "BRO", "BRO"),
    ),
    "Guatemala": _Origin(
        "spanish",
        ("Ciudad de Guatemala", "Quetzaltenango", "Huehuetenango", "Cobán"),
        ("Hidalgo, TX", "Brownsville, TX", "Calexico, CA"),
        ("EWI",),
        (_ES, _ES, _ES, _EN),
        True,
        (("native_american",), ("white", "native_american")),
        ("BRO", "BLK"),
        ("BLK", "BRO"),
    ),
    "El Salvador": _Origin(
        "spanish",
        ("San Salvador", "San Miguel", "Santa Ana", "Usulután"),
        ("Hidalgo, TX", "Los Angeles, CA"),
        ("EWI", "B-2 visitor"),
        (_ES, _ES, _ES, _EN),
        True,
        (("white",), ("white", "native_american")),
        ("BRO", "BLK"),
        ("BLK", "BRO"),
    ),
    "Honduras": _Origin(
        "spanish",
        ("Tegucigalpa", "San Pedro Sula", "La Ceiba", "Choluteca"),
        ("Laredo, TX", "Houston, TX"),
        ("EWI", "B-2 visitor"),
        (_ES, _ES, _ES, _EN),
        True,
        (("white",), ("black",), ("white", "native_american")),
        ("BRO", "BLK"),
        ("BLK", "BRO"),
    ),
    "Colombia": _Origin(
        "spanish",
        ("Bogotá", "Medellín", "Cali", "Barranquilla"),
        ("Miami, FL", "New York, NY", "Houston, TX"),
        ("B-2 visitor",),
        (_ES, _ES, _ES, _EN),
        True,
        (("white",), ("white", "black")),
        ("BRO", "HAZ", "GRN"),
        ("BRO", "BLK"),
    ),
    "Peru": _Origin(
        "spanish",
        ("Lima", "Arequipa", "Trujillo", "Cusco"),
        ("Miami, FL", "Newark, NJ"),
        ("B-2 visitor",),
        (_ES, _ES, _ES, _EN),
        True,
        (("native_american",), ("white", "native_american")),
        ("BRO", "BLK"),
        ("BLK", "BRO"),
    ),
    "Philippines": _Origin(
        "other",
        ("Manila", "Quezon City", "Cebu City", "Davao City"),
        ("Los Angeles, CA", "San Francisco, CA", "Honolulu, HI"),
        ("B-2 visitor",),
        (_EN, _EN, _TL),
        False,
        (("asian",), ("asian", "pacific_islander")),
        ("BRO", "BLK"),
        ("BLK", "BRO"),
    ),
    "Brazil": _Origin(
        "other",
        ("São Paulo", "Belo Horizonte", "Governador Valadares", "Goiânia"),
        ("Miami, FL", "Newark, NJ", "Boston, MA"),
        ("B-2 visitor",),
        (_PT, _PT, _EN),
        False,
        (("white",), ("white", "black"), ("black",)),
        ("BRO", "GRN", "HAZ", "BLU"),
        ("BRO", "BLK", "BLN"),
    ),
    "Jamaica": _Origin(
        "other",
        ("Kingston", "Montego Bay", "Spanish Town", "Mandeville"),
        ("New York, NY", "Miami, FL", "Fort Lauderdale, FL"),
        ("B-2 visitor",),
        (_EN,),
        False,
        (("black",),),
        ("BRO", "BLK"),
        ("BLK",),
    ),
}

# Names: romanized Korean with matching Hangul; Spanish with accents; a few from elsewhere.
_KOREAN_FAMILY: Final = (
    ("Kim", "김"),
    ("Lee", "이"),
    ("Park", "박"),
    ("Choi", "최"),
    ("Jung", "정"),
    ("Kang", "강"),
    ("Cho", "조"),
    ("Yoon", "윤"),
    ("Jang", "장"),
    ("Lim", "임"),
    ("Han", "한"),
    ("Oh", "오"),
    ("Seo", "서"),
    ("Shin", "신"),
    ("Kwon", "권"),
    ("Hwang", "황"),
    ("Ahn", "안"),
    ("Song", "송"),
    ("Hong", "홍"),
    ("Yoo", "유"),
)
_KOREAN_GIVEN: Final = {
    "M": (
        ("Minjun", "민준"),
        ("Jiho", "지호"),
        ("Hyunwoo", "현우"),
        ("Seojun", "서준"),
        ("Doyun", "도윤"),
        ("Junho", "준호"),
        ("Sungmin", "성민"),
        ("Taeyang", "태양"),
        ("Jaewon", "재원"),
        ("Donghyun", "동현"),
    ),
    "F": (
        ("Seoyeon", "서연"),
        ("Jiwoo", "지우"),
        ("Yejin", "예진"),
        ("Sumin", "수민"),
        ("Jisoo", "지수"),
        ("Eunji", "은지"),
        ("Hana", "하나"),
        ("Minseo", "민서"),
        ("Dahye", "다혜"),
        ("Jiyoung", "지영"),
    ),
}
_KOREAN_ENGLISH_GIVEN: Final = {
    "M": ("Daniel", "David", "Brian", "Kevin", "Jason", "Andrew"),
    "F": ("Grace", "Christine", "Esther", "Joanne", "Michelle", "Sarah"),
}
_SPANISH_FAMILY: Final = (
    "García",
    "Hernández",
    "López",
    "Martínez",
    "González",
    "Rodríguez",
    "Pérez",
    "Sánchez",
    "Ramírez",
    "Flores",
    "Peña",
    "Núñez",
    "Cruz",
    "De la Cruz",
    "Morales",
    "Reyes",
    "Gutiérrez",
    "Ortiz",
    "Castillo",
    "Vásquez",
)
_SPANISH_GIVEN: Final = {
    "M": ("José", "Juan Carlos", "Luis", "Carlos", "Miguel Ángel", "Jorge", "Andrés", "Óscar"),
    "F": ("María", "Ana Lucía", "Guadalupe", "Sofía", "Valeria", "Ximena", "Rocío", "Mariana"),
}
_OTHER_NAMES: Final[dict[str, tuple[tuple[str, ...], dict[str, tuple[str, ...]]]]] = {
    "Philippines": (
        ("Santos", "Bautista", "Dela Cruz", "Mendoza", "Villanueva", "Ramos", "Aquino"),
        {"M": ("Mark Anthony", "Jerome", "Paolo", "Rommel"), "F": ("Kristine", "Angelica", "Joy")},
    ),
    "Brazil": (
        ("Silva", "Souza", "Oliveira", "Costa", "Pereira", "Almeida"),
        {"M": ("João", "Lucas", "Gabriel", "Thiago"), "F": ("Ana", "Larissa", "Juliana")},
    ),
    "Jamaica": (
        ("Campbell", "Brown", "Williams", "Thompson", "Clarke"),
        {"M": ("Andre", "Marlon", "Dwayne"), "F": ("Shanice", "Kimberly", "Tanisha")},
    ),
}


@dataclass(frozen=True)
class _Place:
    """A real city with plausible ZIP codes and its telephone area code."""

    city: str
    state: str
    zips: tuple[str, ...]
    area_code: str


_LA_KOREATOWN: Final = _Place("Los Angeles", "CA", ("90005", "90006", "90010", "90020"), "213")
_LA: Final = _Place("Los Angeles", "CA", ("90011", "90033", "90057"), "213")
_HOUSTON: Final = _Place("Houston", "TX", ("77036", "77057", "77074", "77081"), "713")
_CHICAGO: Final = _Place("Chicago", "IL", ("60608", "60623", "60625", "60632"), "312")
_FLUSHING: Final = _Place("Flushing", "NY", ("11354", "11355"), "718")
_JACKSON_HEIGHTS: Final = _Place("Jackson Heights", "NY", ("11372",), "718")
_ELMHURST: Final = _Place("Elmhurst", "NY", ("11373",), "718")
_ANNANDALE: Final = _Place("Annandale", "VA", ("22003",), "703")
_ATLANTA: Final = _Place("Atlanta", "GA", ("30309", "30318", "30324"), "404")

_PLACES_BY_GROUP: Final = {
    "korean": (_LA_KOREATOWN, _LA_KOREATOWN, _FLUSHING, _ANNANDALE, _ATLANTA, _CHICAGO),
    "spanish": (_HOUSTON, _HOUSTON, _LA, _CHICAGO, _JACKSON_HEIGHTS, _ELMHURST, _ATLANTA),
    "other": (_FLUSHING, _ELMHURST, _LA, _HOUSTON, _ATLANTA),
}
_STREETS: Final = (
    "Camellia Ave",
    "Juniper St",
    "Maple Grove Rd",
    "Willow Crest Dr",
    "Harbor View St",
    "Orchard Ln",
    "Linden Ter",
    "Birchwood Ave",
    "Cedar Hollow Rd",
    "Larkspur Way",
    "Magnolia Ct",
    "Aspen Ridge Dr",
)
_HIGH_SCHOOLS: Final = (
    "Harbor View High School",
    "Northgate High School",
    "Riverbend High School",
    "Eastfield High School",
    "Lakeshore High School",
)
_COLLEGES: Final = (
    "Eastfield Community College",
    "Riverbend Community College",
    "Northgate Adult School",
)
_TRIP_REASONS: Final = (
    "visit a grandparent who was seriously ill",
    "attend a family funeral",
    "study abroad program",
    "work conference",
    "visit a parent after surgery",
)
_OFFENSES: Final = {
    "felony": ("burglary", "possession of a controlled substance for sale"),
    "significant_misdemeanor": ("driving under the influence", "domestic battery"),
    "misdemeanor": ("driving without a valid license", "petty theft"),
    "infraction": ("disturbing the peace", "public drinking"),
    "juvenile": ("vandalism", "shoplifting"),
}
_EAD_EXPLANATIONS: Final = (
    "I work part time at a restaurant and pay rent and bus fare for myself and my younger "
    "brother.\nWithout a work permit I cannot keep this job or pay for school.",
    "I support my mother, who cannot work after an injury.\nMy expenses are higher than my "
    "income, and I need to keep working to pay rent and her medicine.",
    "I am a full-time student and work evenings at a grocery store.\nMy income pays tuition, "
    "books and transportation, and I have almost no savings.",
)

_DACA_START: Final = dt.date(2012, 8, 15)
_CONTINUOUS_RESIDENCE: Final = dt.date(2007, 6, 15)


# --------------------------------------------------------------------------------------------------
# Small helpers


def _rng(label: str) -> random.Random:
    """A private generator seeded from a label (a str seed is hashed the same way on every run)."""
    return random.Random(label)  # noqa: S311 - synthetic demo data, not security


def _add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # February 29 in a non-leap year
        return day.replace(year=day.year + years, day=28)


def _between(rng: random.Random, first: dt.date, last: dt.date) -> dt.date:
    if last <= first:
        return first
    return first + dt.timedelta(days=rng.randint(0, (last - first).days))


def _ascii_slug(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.casefold())
    return "".join(char for char in decomposed if "a" <= char <= "z")


def _a_number(seed: int, index: int) -> str:
    # A bijection on index (7919 is coprime with 10**6): no two people share an A-Number.
    offset = _rng(f"clinicday-demo-a:{seed}").randrange(1_000_000)
    return f"099{(index * 7919 + offset) % 1_000_000:06d}"


def _ssn(seed: int, index: int) -> str:
    # Area 900-999 (never issued as an SSN); group 01-99 and serial 0001-9999 so the number has
    # the shape of a real one. A bijection on index, so no two people share one.
    space = 100 * 99 * 9999
    offset = _rng(f"clinicday-demo-s:{seed}").randrange(space)
    k = (index * 7919 + offset) % space
    area, rest = 900 + k % 100, k // 100
    group, serial = 1 + rest % 99, 1 + rest // 99
    return f"{area:03d}{group:02d}{serial:04d}"


def _uscis_account(seed: int, index: int) -> str:
    return f"0990{(index * 7919 + seed) % 100_000_000:08d}"


def _plan(index: int) -> tuple[str, str, str | None]:
    """(scenario, country of birth, forced language or None) for the person at ``index``."""
    if index < len(_CORE):
        return _CORE[index]
    k = index - len(_CORE)
    scenario = _EXTRA_SCENARIOS[k % len(_EXTRA_SCENARIOS)]
    group = _GROUP_CYCLE[k % len(_GROUP_CYCLE)]
    full, rest = divmod(k, len(_GROUP_CYCLE))
    slot = full * _GROUP_CYCLE.count(group) + _GROUP_CYCLE[:rest].count(group)
    if group == "korean":
        country = "South Korea"
    elif group == "spanish":
        country = _SPANISH_COUNTRIES[slot % len(_SPANISH_COUNTRIES)]
    else:
        country = _OTHER_COUNTRIES[slot % len(_OTHER_COUNTRIES)]
    return scenario, country, None


# --------------------------------------------------------------------------------------------------
# One person


def _names(rng: random.Random, country: str, sex: str) -> dict[str, Any]:
    origin = _ORIGINS[country]
    answers: dict[str, Any] = {}
    if origin.group == "korean":
        family, family_hangul = rng.choice(_KOREAN_FAMILY)
        given, given_hangul = rng.choice(_KOREAN_GIVEN[sex])
        answers["name.family"] = family
        answers["name.given"] = given
        answers["name.native"] = family_hangul + given_hangul
    elif origin.group == "spanish":
        first, second = rng.sample(_SPANISH_FAMILY, 2)
        answers["name.family"] = f"{first} {second}" if rng.random() < 0.5 else first
        given = rng.choice(_SPANISH_GIVEN[sex])
        answers["name.given"] = given
        if rng.random() < 0.3:
            middles = [name for name in _SPANISH_GIVEN[sex] if " " not in name and name != given]
            answers["name.middle"] = rng.choice(middles)
    else:
        families, given_names = _OTHER_NAMES[country]
        family = rng.choice(families)
        answers["name.family"] = family
        answers["name.given"] = rng.choice(given_names[sex])
        if country == "Philippines":  # a Filipino middle name is the mother's family name
            answers["name.middle"] = rng.choice([name for name in families if name != family])
    return answers


def _other_names(rng: random.Random, country: str, answers: dict[str, Any]) -> list[Any]:
    sex = answers["sex"]
    group = _ORIGINS[country].group
    family = answers["name.family"]
    if group == "korean":
        return [{"family": family, "given": rng.choice(_KOREAN_ENGLISH_GIVEN[sex])}]
    if group == "spanish":
        # Two family names -> also known by the first alone; one -> also known with a second.
        firsts = [name for name in _SPANISH_FAMILY if family.startswith(name + " ")]
        if firsts:
            alternative = max(firsts, key=len)
        else:
            second = rng.choice([name for name in _SPANISH_FAMILY if name != family])
            alternative = f"{family} {second}"
        return [{"family": alternative, "given": answers["name.given"]}]
    return [{"family": rng.choice(_OTHER_NAMES[country][0]), "given": answers["name.given"]}]


def _birth_and_arrival(
    rng: random.Random, profile: BirthProfile, today: dt.date
) -> tuple[dt.date, dt.date]:
    latest_arrival = min(_CONTINUOUS_RESIDENCE - dt.timedelta(days=14), today)
    if profile == "born_before_1981":
        dob = _between(rng, dt.date(1978, 1, 1), dt.date(1981, 5, 31))
        arrival = _between(rng, _add_years(dob, 3), _add_years(dob, 12))
    elif profile == "arrived_16_or_older":
        dob = _between(rng, dt.date(1985, 1, 1), dt.date(1989, 12, 31))
        arrival = _between(
            rng,
            _add_years(dob, 16) + dt.timedelta(days=30),
            min(_add_years(dob, 18), latest_arrival),
        )
    else:
        dob = _between(rng, dt.date(1983, 1, 1), dt.date(2004, 12, 31))
        arrival = _between(
            rng,
            dob + dt.timedelta(days=90),
            min(_add_years(dob, 15) - dt.timedelta(days=60), latest_arrival),
        )
    return dob, arrival


def _education(rng: random.Random, dob: dt.date, place: _Place, today: dt.date) -> dict[str, Any]:
    graduation = _add_years(dob, 18).replace(month=6, day=rng.randint(10, 20))
    city_state = f"{place.city}, {place.state}"
    if graduation >= today - dt.timedelta(days=30):
        return {
            "education.status": "in_school",
            "education.school": rng.choice(_HIGH_SCHOOLS),
            "education.city_state": city_state,
        }
    status = rng.choice(
        ("high_school_diploma",) * 6 + ("ged",) * 2 + ("in_school", "certificate_of_completion")
    )
    if status == "in_school":
        return {
            "education.status": status,
            "education.school": rng.choice(_COLLEGES),
            "education.city_state": city_state,
        }
    return {
        "education.status": status,
        "education.school": rng.choice(_HIGH_SCHOOLS),
        "education.city_state": city_state,
        "education.date": graduation.isoformat(),
    }


def _trip(
    rng: random.Random, departed: dt.date, *, advance_parole: bool, today: dt.date
) -> dict[str, Any]:
    returned = min(departed + dt.timedelta(days=rng.randint(7, 35)), today)
    return {
        "departed": departed.isoformat(),
        "returned": returned.isoformat(),
        "reason": rng.choice(_TRIP_REASONS),
        "advance_parole": advance_parole,
    }


def _travel(rng: random.Random, profile: TravelProfile, today: dt.date) -> list[Any]:
    if profile == "advance_parole":
        departed = today - dt.timedelta(days=rng.randint(400, 1500))
        return [_trip(rng, departed, advance_parole=True, today=today)]
    if profile == "without_advance_parole":
        departed = today - dt.timedelta(days=rng.randint(1500, 3000))
        trip = _trip(rng, departed, advance_parole=False, today=today)
        trip["reason"] = "family emergency"
        return [trip]
    if profile == "many":
        count = rng.randint(4, 5)
        start = today - dt.timedelta(days=count * 300 + rng.randint(0, 200))
        trips = []
        for number in range(count):
            departed = start + dt.timedelta(days=number * 300 + rng.randint(0, 100))
            trips.append(_trip(rng, departed, advance_parole=True, today=today))
        return trips
    return []


def _criminal(
    rng: random.Random,
    entries: tuple[tuple[str, str], ...],
    dob: dt.date,
    place: _Place,
    today: dt.date,
) -> list[Any]:
    records = []
    for level, outcome in entries:
        if level == "juvenile":
            when = _between(rng, _add_years(dob, 14), _add_years(dob, 17))
        else:
            when = _between(rng, max(_add_years(dob, 18), today - dt.timedelta(days=3000)), today)
        when = min(when, today - dt.timedelta(days=30 if outcome == "pending" else 200))
        records.append(
            {
                "date": when.isoformat(),
                "offense": rng.choice(_OFFENSES[level]),
                "place": f"{place.city}, {place.state}",
                "country": "United States",
                "level": level,
                "outcome": outcome,
            }
        )
    return sorted(records, key=lambda record: str(record["date"]))


def _daca(rng: random.Random, history: DacaHistory, today: dt.date) -> tuple[dict[str, Any], bool]:
    """The ``daca.*`` answers and whether DACA was ever granted."""
    if history == "never":
        return {"daca.ever_granted": False}, False
    days = {
        "window": rng.randint(121, 149),
        "early": rng.randint(180, 420),
        "lapsed": -rng.randint(20, 330),
        "expired_long": -rng.randint(400, 900),
        "terminated": rng.randint(30, 300),
    }[history]
    expires = today + dt.timedelta(days=days)
    return {
        "daca.ever_granted": True,
        "daca.expires": expires.isoformat(),
        "daca.terminated": history == "terminated",
    }, True


def _bio(rng: random.Random, origin: _Origin, sex: str) -> dict[str, Any]:
    inches = rng.randint(60, 72) if sex == "M" else rng.randint(57, 67)
    weight = rng.randint(130, 210) if sex == "M" else rng.randint(100, 170)
    return {
        "bio.ethnicity": "hispanic" if origin.hispanic else "not_hispanic",
        "bio.race": list(rng.choice(origin.races)),
        "bio.height_ft": inches // 12,
        "bio.height_in": inches % 12,
        "bio.weight_lb": weight,
        "bio.eye_color": rng.choice(origin.eyes),
        "bio.hair_color": rng.choice(origin.hair),
    }


def _person(
    seed: int, index: int, scenario_name: str, country: str, language: str | None, today: dt.date
) -> dict[str, Any]:
    rng = _rng(f"clinicday-demo:{seed}:{index}")
    facts = _SCENARIO_FACTS[scenario_name]
    origin = _ORIGINS[country]
    sex = rng.choice(("M", "F"))
    answers: dict[str, Any] = _names(rng, country, sex)
    dob, arrival = _birth_and_arrival(rng, facts.birth, today)
    place = rng.choice(_PLACES_BY_GROUP[origin.group])
    answers.update(
        {
            "dob": dob.isoformat(),
            "sex": sex,
            "marital_status": rng.choice(("single",) * 6 + ("married",) * 3 + ("divorced",)),
            "birth.city": rng.choice(origin.birth_cities),
            "birth.country": country,
            "citizenship": country,
        }
    )
    if facts.other_names:
        answers["other_names"] = _other_names(rng, country, answers)
    daca, granted = _daca(rng, facts.daca, today)
    if granted or facts.removal != "never":
        answers["a_number"] = _a_number(seed, index)
    if granted:
        answers["ssn"] = _ssn(seed, index)
        if rng.random() < 0.6:
            answers["uscis_account"] = _uscis_account(seed, index)

    if rng.random() < 0.1:
        helper = _names(rng, country, rng.choice(("M", "F")))
        answers["mailing.in_care_of"] = f"{helper['name.given']} {helper['name.family']}"
    answers["mailing.street"] = f"{rng.randint(100, 9899)} {rng.choice(_STREETS)}"
    if rng.random() < 0.6:
        answers["mailing.unit_type"] = "apt"
        answers["mailing.unit"] = f"{rng.randint(1, 6)}{rng.choice('ABCD')}"
    elif rng.random() < 0.1:
        answers["mailing.unit_type"] = "flr"
        answers["mailing.unit"] = str(rng.randint(2, 3))
    answers["mailing.city"] = place.city
    answers["mailing.state"] = place.state
    answers["mailing.zip"] = rng.choice(place.zips)
    answers["phone"] = f"{place.area_code}55501{rng.randint(0, 99):02d}"
    if rng.random() < 0.8:
        given = _ascii_slug(answers["name.given"].split(" ")[0])
        family = _ascii_slug(answers["name.family"])
        answers["email"] = f"{given}.{family}{index + 1}@example.org"
    answers["language"] = language or rng.choice(origin.languages)

    answers.update(daca)
    answers["detention.current"] = facts.detained
    answers["removal.status"] = facts.removal
    answers["arrival.date"] = arrival.isoformat()
    answers["arrival.place"] = rng.choice(origin.arrival_places)
    answers["arrival.status"] = rng.choice(origin.arrival_statuses)
    answers["arrival.before_age_16"] = _add_years(dob, 16) > arrival
    answers["physical.same_as_mailing"] = True
    answers["physical.since"] = (today - dt.timedelta(days=400 + 37 * index)).isoformat()
    answers["english.reads"] = answers["language"] == FALLBACK or index % 3 != 0  # no rng draw
    if not answers["english.reads"]:
        answers["interpreter.user"] = DEMO_INTERPRETER
    answers["arrival.last_place"] = answers["arrival.place"]
    answers["arrival.last_status"] = answers["arrival.status"]
    answers["status.current"] = "Deferred Action (DACA)" if granted else "No status"
    answers["residence.country"] = "United States"
    answers["residence.continuous_since_2007"] = True
    answers["presence.2012_06_15"] = True
    answers["status.lawful_on_2012_06_15"] = False
    answers.update(_education(rng, dob, place, today))

    trips = _travel(rng, facts.travel, today)
    if trips or granted:  # people who had DACA were asked about travel
        answers["travel"] = trips
    if trips:  # came back from a trip: with the advance parole document, or at the border
        parole = trips[-1]["advance_parole"]
        answers["arrival.last_place"] = "Los Angeles, CA (LAX)" if parole else "San Ysidro, CA"
        answers["arrival.last_status"] = "Parolee (advance parole)" if parole else "No status"
    # the last arrival is the last trip's return, else the first arrival
    answers["arrival.last_date"] = max([str(t["returned"]) for t in trips] or [arrival.isoformat()])
    answers["departure.without_parole_since_2012_08_15"] = any(
        not t["advance_parole"] and str(t["departed"]) >= "2012-08-15" for t in trips
    )
    answers["criminal"] = _criminal(rng, facts.criminal, dob, place, today)
    for question in (
        "terrorism",
        "gang",
        "torture_genocide_trafficking",
        "killing",
        "severe_injury",
        "forced_sexual_contact",
        "child_soldier_recruit",
        "child_soldier_use",
    ):
        answers[f"safety.{question}"] = facts.safety_flag and question == "gang"

    if facts.ead:
        income = rng.randint(90, 280) * 100
        answers["ead.income_annual"] = income
        answers["ead.expenses_annual"] = income + rng.randint(20, 90) * 100
        answers["ead.assets"] = rng.randint(0, 25) * 100
        answers["ead.explanation"] = rng.choice(_EAD_EXPLANATIONS)
    answers.update(_bio(rng, origin, sex))
    return answers


# --------------------------------------------------------------------------------------------------
# Public API


def generate_people_with_scenarios(
    n: int = 40, *, seed: int = 20261121, today: dt.date
) -> list[tuple[str, dict[str, Any]]]:
    """Return ``n`` synthetic intakes as ``(scenario name, answers)`` pairs.

    The first twelve people cover every required scenario (see :data:`SCENARIOS`), so any
    ``n >= 12`` includes them all; the output for ``n`` is a prefix of the output for a larger
    ``n`` with the same ``seed`` and ``today``.
    """
    if n < 0:
        raise ValueError("n must not be negative")
    people = []
    for index in range(n):
        scenario, country, language = _plan(index)
        people.append((scenario, _person(seed, index, scenario, country, language, today)))
    return people


def generate_people(n: int = 40, *, seed: int = 20261121, today: dt.date) -> list[dict[str, Any]]:
    """Return ``n`` synthetic, canonical answers objects (see the module docstring)."""
    return [answers for _, answers in generate_people_with_scenarios(n, seed=seed, today=today)]
