"""Tests of the answers contract: validation, canonical form and identifier normalization."""

from __future__ import annotations

import copy
import unicodedata
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clinic.domain.answers import (
    ADDED_KEYS,
    ANSWER_KEYS,
    CONTRACT_KEYS,
    AnswerError,
    AnswersInvalid,
    FieldKind,
    normalize_a_number,
    normalize_answers,
    normalize_name_for_index,
    normalize_ssn,
    validate_answers,
)

# Every key of the shared spec (spec/answers.md), written out so a drift is caught here.
SPEC_KEYS = {
    "name.family",
    "name.given",
    "name.middle",
    "name.native",
    "other_names",
    "dob",
    "sex",
    "marital_status",
    "birth.city",
    "birth.country",
    "citizenship",
    "a_number",
    "ssn",
    "uscis_account",
    "mailing.in_care_of",
    "mailing.street",
    "mailing.unit_type",
    "mailing.unit",
    "mailing.city",
    "mailing.state",
    "mailing.zip",
    "phone",
    "email",
    "language",
    "request.type",
    "daca.ever_granted",
    "daca.expires",
    "daca.terminated",
    "detention.current",
    "removal.status",
    "arrival.date",
    "arrival.place",
    "arrival.status",
    "residence.continuous_since_2007",
    "presence.2012_06_15",
    "status.lawful_on_2012_06_15",
    "education.status",
    "education.school",
    "education.city_state",
    "education.date",
    "travel",
    "criminal",
    "safety.terrorism",
    "safety.gang",
    "safety.torture_genocide_trafficking",
    "safety.killing",
    "safety.severe_injury",
    "safety.forced_sexual_contact",
    "safety.child_soldier_recruit",
    "safety.child_soldier_use",
    "ead.income_annual",
    "ead.expenses_annual",
    "ead.assets",
    "ead.explanation",
    "bio.ethnicity",
    "bio.race",
    "bio.height_ft",
    "bio.height_in",
    "bio.weight_lb",
    "bio.eye_color",
    "bio.hair_color",
}


# Every key the questionnaire adds (docs/answers.md, "Keys the questionnaire adds").
ADDED = {
    "birth.state_province",
    "citizenship_other",
    "residence.country",
    "english.reads",
    "interpreter.user",
    "passport.country",
    "passport.number",
    "passport.expires",
    "travel_document.number",
    "border_crossing_card",
    "mobile_phone",
    "physical.same_as_mailing",
    "physical.street",
    "physical.unit_type",
    "physical.unit",
    "physical.city",
    "physical.state",
    "physical.zip",
    "physical.since",
    "addresses",
    "arrival.before_age_16",
    "arrival.last_date",
    "arrival.last_place",
    "arrival.last_status",
    "status.current",
    "status.on_2012_06_15",
    "i94_issued",
    "i94_number",
    "i94_stay_expires",
    "sevis_number",
    "military.served",
    "military.branch",
    "military.start",
    "military.discharge_date",
    "military.discharge_type",
    "removal.date",
    "removal.location",
    "removal.explanation",
    "departure.without_parole_since_2012_08_15",
    "safety.explanation",
    "ead.previous_filed",
    "ead.abc_settlement",
}


def full_added() -> dict[str, Any]:
    """A synthetic, canonical answer to every key the questionnaire adds."""
    return {
        "birth.state_province": "Jalisco",
        "citizenship_other": "Spain",
        "residence.country": "United States",
        "english.reads": False,
        "interpreter.user": "interp",
        "passport.country": "Mexico",
        "passport.number": "G00000000",
        "passport.expires": "2029-08-31",
        "travel_document.number": "TD0000000",
        "border_crossing_card": "BCC0000000",
        "mobile_phone": "7135550199",
        "physical.same_as_mailing": False,
        "physical.street": "77 Sample Street",
        "physical.unit_type": "flr",
        "physical.unit": "2",
        "physical.city": "Pasadena",
        "physical.state": "TX",
        "physical.zip": "77506",
        "physical.since": "2022-09-01",
        "addresses": [
            {
                "street": "500 Placeholder Rd",
                "unit_type": "apt",
                "unit": "12",
                "city": "Houston",
                "state": "TX",
                "zip": "77036",
                "from": "2015-01-10",
                "to": "2022-08-31",
            },
            {"city": "Guadalajara", "country": "Mexico", "from": "1996-02-29", "to": "2001-07-01"},
        ],
        "arrival.before_age_16": True,
        "arrival.last_date": "2023-05-20",
        "arrival.last_place": "Houston, TX (IAH)",
        "arrival.last_status": "parolee (advance parole)",
        "status.current": "deferred action (DACA)",
        "status.on_2012_06_15": "no_lawful_status",
        "i94_issued": True,
        "i94_number": "00000000A0",
        "i94_stay_expires": "2023-06-30",
        "sevis_number": "N0000000000",
        "military.served": True,
        "military.branch": "coast_guard",
        "military.start": "2015-01-05",
        "military.discharge_date": "2019-01-04",
        "military.discharge_type": "honorable",
        "removal.date": "2010-03-15",
        "removal.location": "Houston Immigration Court",
        "removal.explanation": "Case closed in 2012.\nNo hearing since.",
        "departure.without_parole_since_2012_08_15": False,
        "safety.explanation": "Nothing to explain.",
        "ead.previous_filed": True,
        "ead.abc_settlement": False,
    }


def full_intake() -> dict[str, Any]:
    """A synthetic, canonical intake that answers every key of the spec."""
    return {
        "name.family": "Núñez De la Cruz",
        "name.given": "Ana Lucía",
        "name.middle": "Sofía",
        "name.native": "아나 누녜스",
        "other_names": [{"family": "Núñez", "given": "Ana", "middle": "Lucía"}],
        "dob": "1996-02-29",
        "sex": "F",
        "marital_status": "single",
        "birth.city": "Guadalajara",
        "birth.country": "Mexico",
        "citizenship": "Mexico",
        "a_number": "099123456",
        "ssn": "912345678",
        "uscis_account": "099012345678",
        "mailing.in_care_of": "Guadalupe Reyes",
        "mailing.street": "1234 Example Ave",
        "mailing.unit_type": "apt",
        "mailing.unit": "3B",
        "mailing.city": "Houston",
        "mailing.state": "TX",
        "mailing.zip": "77036-1234",
        "phone": "7135550142",
        "email": "ana.nunez@example.org",
        "language": "es",
        "request.type": "renewal",
        "daca.ever_granted": True,
        "daca.expires": "2027-04-01",
        "daca.terminated": False,
        "detention.current": False,
        "removal.status": "never",
        "arrival.date": "2001-07-04",
        "arrival.place": "Laredo, TX",
        "arrival.status": "EWI",
        "residence.continuous_since_2007": True,
        "presence.2012_06_15": True,
        "status.lawful_on_2012_06_15": False,
        "education.status": "high_school_diploma",
        "education.school": "Eastfield High School",
        "education.city_state": "Houston, TX",
        "education.date": "2014-06-12",
        "travel": [
            {
                "departed": "2023-05-01",
                "returned": "2023-05-20",
                "reason": "visit a grandparent",
                "advance_parole": True,
            }
        ],
        "criminal": [
            {
                "date": "2019-03-02",
                "offense": "driving without a valid license",
                "place": "Houston, TX",
                "country": "United States",
                "level": "misdemeanor",
                "outcome": "dismissed",
            }
        ],
        "safety.terrorism": False,
        "safety.gang": False,
        "safety.torture_genocide_trafficking": False,
        "safety.killing": False,
        "safety.severe_injury": False,
        "safety.forced_sexual_contact": False,
        "safety.child_soldier_recruit": False,
        "safety.child_soldier_use": False,
        "ead.income_annual": 18500,
        "ead.expenses_annual": 24300.5,
        "ead.assets": 0,
        "ead.explanation": "I pay rent for my family.\nI need to keep my job.",
        "bio.ethnicity": "hispanic",
        "bio.race": ["white", "native_american"],
        "bio.height_ft": 5,
        "bio.height_in": 3,
        "bio.weight_lb": 130,
        "bio.eye_color": "BRO",
        "bio.hair_color": "BLK",
    }


def fullwidth(text: str) -> str:
    """The full-width form of ASCII text (what some Asian input methods type)."""
    return "".join(chr(ord(char) + 0xFEE0) for char in text)


def errors_for(answers: object) -> list[tuple[str, str]]:
    return [(error.key, error.problem) for error in validate_answers(answers)]


def keys_for(answers: object) -> list[str]:
    return [error.key for error in validate_answers(answers)]


# A value of the wrong type for each kind of key.
WRONG_TYPE = {
    FieldKind.TEXT: 12,
    FieldKind.NAME: ["Ana"],
    FieldKind.DATE: 20240101,
    FieldKind.BOOL: "yes",
    FieldKind.NUMBER: "12",
    FieldKind.CHOICE: 1,
    FieldKind.CHOICES: "asian",
    FieldKind.LIST: {"departed": "2020-01-01"},
    FieldKind.A_NUMBER: 12345678,
    FieldKind.SSN: 912345678,
    FieldKind.USCIS_ACCOUNT: 123456789012,
    FieldKind.STATE: True,
    FieldKind.ZIP: 77036,
    FieldKind.PHONE: 7135550142,
    FieldKind.EMAIL: {"at": "example.org"},
    FieldKind.LANGUAGE: 0,
}

# ---------------------------------------------------------------------------------------------
# The whole object


def test_answer_keys_cover_exactly_the_spec_and_the_added_keys() -> None:
    assert set(CONTRACT_KEYS) == SPEC_KEYS
    assert set(ADDED_KEYS) == ADDED
    assert not SPEC_KEYS & ADDED
    assert set(ANSWER_KEYS) == SPEC_KEYS | ADDED


def test_contract_keys_come_first_in_spec_order() -> None:
    keys = list(ANSWER_KEYS)
    assert set(keys[: len(SPEC_KEYS)]) == SPEC_KEYS
    assert keys[0] == "name.family"
    assert keys[len(SPEC_KEYS) - 1] == "bio.hair_color"


def test_added_keys_are_valid_and_canonical() -> None:
    added = full_added()
    assert set(added) == ADDED
    assert validate_answers(added) == []
    assert normalize_answers(added) == added
    everything = {**full_intake(), **added}
    assert normalize_answers(everything) == everything


def test_no_key_is_both_a_value_and_a_prefix() -> None:
    # A flat key must never be the dotted prefix of another (``phone`` and ``phone.mobile``):
    # whoever turns the flat object into nested sections would lose one of them.
    for key in ANSWER_KEYS:
        for other in ANSWER_KEYS:
            assert not other.startswith(key + "."), (key, other)


def test_full_intake_is_valid_and_canonical() -> None:
    intake = full_intake()
    assert set(intake) == SPEC_KEYS
    assert validate_answers(intake) == []
    assert normalize_answers(intake) == intake


def test_empty_object_is_valid() -> None:
    assert validate_answers({}) == []
    assert normalize_answers({}) == {}


@pytest.mark.parametrize("raw", [None, [], [{"dob": "2000-01-01"}], "{}", 3, True])
def test_not_an_object_gives_one_error(raw: object) -> None:
    errors = validate_answers(raw)
    assert len(errors) == 1
    assert errors[0].key == "(answers)"
    with pytest.raises(AnswersInvalid):
        normalize_answers(raw)


def test_unknown_key_names_exactly_the_key() -> None:
    intake = full_intake()
    intake["name.famliy"] = "Reyes"
    assert errors_for(intake) == [("name.famliy", "unknown key")]


@pytest.mark.parametrize("key", ["Maria Reyes", "ssn_912345678", "x" * 80, "dob\n", "DOB"])
def test_unknown_key_that_may_be_personal_data_is_not_repeated(key: str) -> None:
    errors = validate_answers({"dob": "2000-01-01", key: 1})
    assert [(error.key, error.problem) for error in errors] == [
        ("(unrecognized key #2)", "unknown key")
    ]


def test_all_errors_are_collected_in_order() -> None:
    intake = full_intake()
    intake["dob"] = "2023-02-29"
    intake["sex"] = "X"
    intake["daca.terminated"] = "no"
    errors = validate_answers(intake)
    assert [error.key for error in errors] == ["dob", "sex", "daca.terminated"]
    with pytest.raises(AnswersInvalid) as caught:
        normalize_answers(intake)
    assert caught.value.errors == tuple(errors)
    assert isinstance(caught.value, ValueError)
    assert "3 problems" in str(caught.value)


def test_normalize_does_not_modify_its_input() -> None:
    raw = full_intake()
    raw["mailing.state"] = " tx "
    raw["bio.race"] = ["native_american", "white"]
    raw["other_names"][0]["family"] = "  Núñez  "
    before = copy.deepcopy(raw)
    canonical = normalize_answers(raw)
    assert raw == before
    assert canonical == full_intake()


def test_null_is_an_error_not_a_missing_answer() -> None:
    assert errors_for({"dob": None}) == [("dob", "must not be null (omit the key if not answered)")]
    assert keys_for({"travel": [{"departed": None}]}) == ["travel[0].departed"]


def test_answer_error_str() -> None:
    error = AnswerError("travel[2].departed", "not a real date (expected YYYY-MM-DD)")
    assert str(error) == "travel[2].departed: not a real date (expected YYYY-MM-DD)"


def test_field_specs_can_be_introspected() -> None:
    assert ANSWER_KEYS["sex"].kind is FieldKind.CHOICE
    assert ANSWER_KEYS["sex"].choices == ("M", "F")
    travel_items = ANSWER_KEYS["travel"].items
    assert travel_items is not None
    assert set(travel_items) == {"departed", "returned", "reason", "advance_parole"}
    assert ANSWER_KEYS["ead.explanation"].max_length == 4000


# ---------------------------------------------------------------------------------------------
# Each kind of key


@pytest.mark.parametrize("key", sorted(SPEC_KEYS | ADDED))
def test_wrong_type_gives_one_error_naming_the_key(key: str) -> None:
    value = WRONG_TYPE[ANSWER_KEYS[key].kind]
    assert keys_for({key: value}) == [key]


@pytest.mark.parametrize(
    "value",
    [
        "2023-02-29",
        "2024-13-01",
        "2024-00-10",
        "2024-04-31",
        "2024-02-30",
        "0000-01-01",
        "20240101",
        "2024-1-01",
        "01/02/2024",
        "2024-01-01T00:00:00",
        fullwidth("2024-01-01"),
    ],
)
def test_impossible_or_malformed_date(value: str) -> None:
    intake = full_intake()
    intake["dob"] = value
    assert errors_for(intake) == [("dob", "not a real date (expected YYYY-MM-DD)")]


def test_real_dates_are_returned_unchanged() -> None:
    canonical = normalize_answers({"dob": "2024-02-29", "arrival.date": " 2000-12-31 "})
    assert canonical == {"dob": "2024-02-29", "arrival.date": "2000-12-31"}


@pytest.mark.parametrize("value", ["yes", "true", 0, 1, "false", [], 1.0])
def test_booleans_must_be_true_or_false(value: object) -> None:
    assert errors_for({"daca.ever_granted": value}) == [
        ("daca.ever_granted", "must be true or false")
    ]


@pytest.mark.parametrize(
    "key", [key for key, spec in ANSWER_KEYS.items() if spec.kind is FieldKind.CHOICE]
)
def test_value_outside_its_list(key: str) -> None:
    errors = validate_answers({key: "not-in-the-list"})
    assert [error.key for error in errors] == [key]
    assert errors[0].problem.startswith("must be one of: ")
    for choice in ANSWER_KEYS[key].choices:
        assert choice in errors[0].problem


def test_removal_status_message_lists_the_choices() -> None:
    assert errors_for({"removal.status": "pending"}) == [
        (
            "removal.status",
            "must be one of: never, active, administratively_closed, terminated, final_order, "
            "voluntary_departure, other",
        )
    ]


@pytest.mark.parametrize("value", ["m", "female", "Male"])
def test_choices_are_exact(value: str) -> None:
    assert keys_for({"sex": value}) == ["sex"]


@pytest.mark.parametrize(
    ("key", "raw", "canonical"),
    [
        ("bio.eye_color", "bro", "BRO"),
        ("bio.eye_color", "Haz", "HAZ"),
        ("bio.hair_color", "sdy", "SDY"),
        ("bio.hair_color", "XXX", "XXX"),
    ],
)
def test_uscis_color_codes_accept_lower_case(key: str, raw: str, canonical: str) -> None:
    assert normalize_answers({key: raw}) == {key: canonical}


@pytest.mark.parametrize(("key", "value"), [("bio.eye_color", "brown"), ("bio.hair_color", "BRN")])
def test_uscis_color_codes_must_be_codes(key: str, value: str) -> None:
    assert keys_for({key: value}) == [key]


def test_race_is_a_list_of_distinct_values_in_spec_order() -> None:
    assert normalize_answers({"bio.race": ["pacific_islander", "asian"]}) == {
        "bio.race": ["asian", "pacific_islander"]
    }
    assert keys_for({"bio.race": ["asian", "asian"]}) == ["bio.race[1]"]
    assert keys_for({"bio.race": ["asian", "martian"]}) == ["bio.race[1]"]
    assert keys_for({"bio.race": []}) == ["bio.race"]
    assert keys_for({"bio.race": "asian"}) == ["bio.race"]


@pytest.mark.parametrize(
    ("key", "value", "ok"),
    [
        ("bio.height_ft", 2, True),
        ("bio.height_ft", 8, True),
        ("bio.height_ft", 1, False),
        ("bio.height_ft", 9, False),
        ("bio.height_in", 0, True),
        ("bio.height_in", 11, True),
        ("bio.height_in", 12, False),
        ("bio.height_in", -1, False),
        ("bio.weight_lb", 30, True),
        ("bio.weight_lb", 999, True),
        ("bio.weight_lb", 29, False),
        ("bio.weight_lb", 1000, False),
        ("bio.weight_lb", 150.5, False),
        ("ead.income_annual", 0, True),
        ("ead.income_annual", 12345.67, True),
        ("ead.assets", -1, False),
        ("ead.expenses_annual", -0.01, False),
        ("ead.assets", True, False),
        ("ead.assets", float("nan"), False),
        ("ead.assets", float("inf"), False),
    ],
)
def test_number_ranges(key: str, value: float, ok: bool) -> None:
    assert keys_for({key: value}) == ([] if ok else [key])


def test_whole_measurements_are_stored_as_ints() -> None:
    canonical = normalize_answers({"bio.height_ft": 5.0, "bio.weight_lb": 150.0})
    assert canonical == {"bio.height_ft": 5, "bio.weight_lb": 150}
    assert all(type(value) is int for value in canonical.values())


@pytest.mark.parametrize(
    ("raw", "canonical"),
    [("en", "en"), ("ko", "ko"), ("es", "es"), ("zh", "zh"), ("tl", "tl"), ("mam", "mam")],
)
def test_language_codes(raw: str, canonical: str) -> None:
    assert normalize_answers({"language": raw}) == {"language": canonical}


def test_language_code_case_is_normalized() -> None:
    assert normalize_answers({"language": "KO"}) == {"language": "ko"}


@pytest.mark.parametrize("value", ["english", "k", "xx", "e1", "en-US", "ko_KR"])
def test_bad_language_codes(value: str) -> None:
    assert keys_for({"language": value}) == ["language"]


# ---------------------------------------------------------------------------------------------
# Text


def test_text_is_stripped_and_nfc() -> None:
    decomposed = unicodedata.normalize("NFD", "  Peña  ")
    assert normalize_answers({"birth.city": decomposed}) == {"birth.city": "Peña"}


@pytest.mark.parametrize("value", ["", "   ", "\t\n"])
def test_empty_text_means_not_answered(value: str) -> None:
    """What spreadsheets and form exports write for a blank optional answer (issue 15 point 10):
    the key is not answered, at the top and inside list items, for every kind of answer."""
    assert normalize_answers({"birth.city": value, "dob": value}) == {}
    names = normalize_answers({"other_names": [{"family": "Testperson", "middle": value}]})
    assert names == {"other_names": [{"family": "Testperson"}]}


@pytest.mark.parametrize("value", ["Lima\x00", "Li\x07ma", "Li\nma", "Lima\u202e", "Li\u2028ma"])
def test_control_characters_are_rejected(value: str) -> None:
    assert errors_for({"birth.city": value}) == [("birth.city", "contains control characters")]


def test_length_limits() -> None:
    assert validate_answers({"mailing.street": "x" * 500}) == []
    assert errors_for({"mailing.street": "x" * 501}) == [
        ("mailing.street", "too long (at most 500 characters)")
    ]
    assert validate_answers({"ead.explanation": "x" * 4000}) == []
    assert keys_for({"ead.explanation": "x" * 4001}) == ["ead.explanation"]


def test_explanation_may_have_line_breaks() -> None:
    canonical = normalize_answers({"ead.explanation": "First line.\r\nSecond line."})
    assert canonical == {"ead.explanation": "First line.\nSecond line."}
    assert keys_for({"ead.explanation": "tab\x00"}) == ["ead.explanation"]


@pytest.mark.parametrize(
    "value", ["Núñez", "De la Cruz", "O'Brien", "Smith-Jones", "김", "Иванова", "St. John"]
)
def test_names_accept_letters_of_any_script(value: str) -> None:
    assert normalize_answers({"name.family": value}) == {"name.family": value}


@pytest.mark.parametrize("value", ["Reyes2", "Ana@", "---", "Ana_Reyes", "Ana/Reyes"])
def test_names_reject_non_letters(value: str) -> None:
    assert keys_for({"name.family": value}) == ["name.family"]


def test_name_inner_whitespace_is_collapsed() -> None:
    assert normalize_answers({"name.given": " Juan   Carlos "}) == {"name.given": "Juan Carlos"}


def test_native_name_is_free_text() -> None:
    assert normalize_answers({"name.native": "김민준 (金民俊)"}) == {
        "name.native": "김민준 (金民俊)"
    }


# ---------------------------------------------------------------------------------------------
# Identifiers, address and contact


@pytest.mark.parametrize(
    ("key", "raw", "canonical"),
    [
        ("a_number", "A-012-345-678", "012345678"),
        ("a_number", "a1234567", "001234567"),
        ("ssn", "912-34-5678", "912345678"),
        ("uscis_account", "0990-1234-5678", "099012345678"),
        ("uscis_account", " 0990 1234 5678 ", "099012345678"),
        ("mailing.state", "ca", "CA"),
        ("mailing.state", " ny ", "NY"),
        ("mailing.state", "PR", "PR"),
        ("mailing.state", "DC", "DC"),
        ("mailing.state", "AP", "AP"),
        ("mailing.zip", "90010", "90010"),
        ("mailing.zip", "90010-1234", "90010-1234"),
        ("mailing.zip", "900101234", "90010-1234"),
        ("phone", "(213) 555-0123", "2135550123"),
        ("phone", "213.555.0123", "2135550123"),
        ("phone", "+1 213 555 0123", "2135550123"),
        ("phone", "1-213-555-0123", "2135550123"),
        ("email", "ana.reyes@example.org", "ana.reyes@example.org"),
        ("email", "Ana.Reyes+clinic@Example.ORG", "Ana.Reyes+clinic@example.org"),
    ],
)
def test_canonical_forms(key: str, raw: str, canonical: str) -> None:
    assert normalize_answers({key: raw}) == {key: canonical}


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("a_number", "123456"),
        ("a_number", "B1234567"),
        ("ssn", "912-345-678"),
        ("ssn", "000-12-3456"),
        ("uscis_account", "12345678901"),
        ("uscis_account", "1234567890123"),
        ("mailing.state", "XX"),
        ("mailing.state", "California"),
        ("mailing.zip", "9001"),
        ("mailing.zip", "90010-123"),
        ("mailing.zip", "ABCDE"),
        ("phone", "555-0123"),
        ("phone", "+44 20 7946 0958"),
        ("phone", "(013) 555-0123"),
        ("phone", "213-055-0123"),
        ("email", "no-at-sign"),
        ("email", "ana@localhost"),
        ("email", "ana reyes@example.org"),
        ("email", "ana@@example.org"),
    ],
)
def test_bad_identifiers_address_and_contact(key: str, value: str) -> None:
    assert keys_for({key: value}) == [key]


# ---------------------------------------------------------------------------------------------
# Lists of objects


def test_nested_errors_carry_the_item_path() -> None:
    intake = full_intake()
    intake["travel"] = [
        {"departed": "2020-01-01"},
        {"departed": "2021-01-01", "visa": "B-2"},
        {"departed": "2022-02-30", "advance_parole": "yes"},
        "a trip",
    ]
    intake["other_names"] = [{"family": "Reyes2"}]
    intake["criminal"] = [{"level": "felony"}, {"level": "crime", "outcome": "convicted"}]
    assert errors_for(intake) == [
        (
            "other_names[0].family",
            "must contain only letters, spaces, hyphens, apostrophes and periods",
        ),
        ("travel[1].visa", "unknown key"),
        ("travel[2].departed", "not a real date (expected YYYY-MM-DD)"),
        ("travel[2].advance_parole", "must be true or false"),
        ("travel[3]", "must be an object"),
        (
            "criminal[1].level",
            "must be one of: felony, significant_misdemeanor, misdemeanor, infraction, juvenile",
        ),
    ]


def test_item_fields_may_be_absent_and_lists_empty() -> None:
    canonical = normalize_answers(
        {"travel": [{}], "criminal": [], "other_names": [{"given": "Ana"}]}
    )
    assert canonical == {"travel": [{}], "criminal": [], "other_names": [{"given": "Ana"}]}


def test_list_items_are_normalized() -> None:
    canonical = normalize_answers(
        {"criminal": [{"place": " Houston, TX ", "date": "2019-01-02", "level": "juvenile"}]}
    )
    assert canonical == {
        "criminal": [{"place": "Houston, TX", "date": "2019-01-02", "level": "juvenile"}]
    }


def test_too_many_items() -> None:
    assert keys_for({"travel": [{}] * 101}) == ["travel"]
    assert validate_answers({"travel": [{}] * 100}) == []


# ---------------------------------------------------------------------------------------------
# Error messages never contain values

MARK_OPEN, MARK_CLOSE = "\u27e6", "\u27e7"  # never used in any message


def _put_everywhere(value: object) -> dict[str, Any]:
    """An answers object with ``value`` at every key and every list-item field."""
    answers: dict[str, Any] = {key: value for key in ANSWER_KEYS}
    for key, spec in ANSWER_KEYS.items():
        if spec.items is not None:
            answers[key] = [dict.fromkeys(spec.items, value), {"extra": value}]
        if spec.kind is FieldKind.CHOICES:
            answers[key] = [value, value]
    return answers


@settings(max_examples=60, deadline=None)
@given(st.text(min_size=0, max_size=40))
def test_messages_never_contain_the_value(text: str) -> None:
    value = MARK_OPEN + text + MARK_CLOSE
    errors = validate_answers(_put_everywhere(value))
    assert errors  # every key is wrong in some way
    for error in errors:
        assert MARK_OPEN not in str(error)
        assert MARK_CLOSE not in str(error)
    with pytest.raises(AnswersInvalid) as caught:
        normalize_answers(_put_everywhere(value))
    assert MARK_OPEN not in str(caught.value)


@settings(max_examples=60, deadline=None)
@given(
    st.from_regex(r"[0-9]{10,20}", fullmatch=True)
    | st.from_regex(r"[A-Za-z]{12,30}", fullmatch=True)
)
def test_messages_never_contain_digit_or_letter_values(value: str) -> None:
    for error in validate_answers(_put_everywhere(value)):
        assert value not in str(error)
        assert value.casefold() not in str(error).casefold()


@settings(max_examples=60, deadline=None)
@given(
    st.integers(min_value=1000, max_value=10**12)
    | st.floats(min_value=1000.0001, max_value=1e9)
    | st.floats(max_value=-1000.0001, min_value=-1e9)
)
def test_messages_never_contain_numbers(number: float) -> None:
    for key in ("bio.weight_lb", "bio.height_in", "ead.assets"):
        for error in validate_answers({key: number}):
            assert repr(number) not in str(error)
            assert str(int(number)) not in str(error)


@pytest.mark.parametrize(
    "key", ["a_number", "ssn", "uscis_account", "phone", "email", "mailing.zip", "dob"]
)
def test_identifier_errors_do_not_echo(key: str) -> None:
    value = "98765432109876"
    errors = validate_answers({key: value})
    assert len(errors) == 1
    assert value not in str(errors[0])


# ---------------------------------------------------------------------------------------------
# Public normalizers


@pytest.mark.parametrize(
    ("raw", "canonical"),
    [
        ("A-012-345-678", "012345678"),
        ("a12345678", "012345678"),
        ("1234567", "001234567"),
        ("A 123 456 789", "123456789"),
        ("123456789", "123456789"),
        (" A12-345-678 ", "012345678"),
        ("A099123456", "099123456"),
    ],
)
def test_normalize_a_number(raw: str, canonical: str) -> None:
    assert normalize_a_number(raw) == canonical


@pytest.mark.parametrize(
    "raw",
    [
        "",
        "A",
        "123456",
        "1234567890",
        "B1234567",
        "A-12-34",
        "000000000",
        fullwidth("1234567"),
        "A12x4567",
    ],
)
def test_normalize_a_number_rejects(raw: str) -> None:
    with pytest.raises(ValueError, match="A-Number") as caught:
        normalize_a_number(raw)
    if len(raw) >= 4:
        assert raw not in str(caught.value)


@pytest.mark.parametrize(
    ("raw", "canonical"), [("123-45-6789", "123456789"), ("912345678", "912345678")]
)
def test_normalize_ssn(raw: str, canonical: str) -> None:
    assert normalize_ssn(raw) == canonical


@pytest.mark.parametrize(
    "raw",
    [
        "",
        "12345678",
        "1234567890",
        "123-456789",
        "12-345-6789",
        "123 45 6789",
        "000-12-3456",
        "666-12-3456",
        "123-00-4567",
        "123-45-0000",
        "abc-de-fghi",
    ],
)
def test_normalize_ssn_rejects(raw: str) -> None:
    with pytest.raises(ValueError, match="Social Security") as caught:
        normalize_ssn(raw)
    if len(raw) >= 4:
        assert raw not in str(caught.value)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("De la Cruz", "DELACRUZ"),
        ("De la Cruz", "de la cruz"),
        ("Dela Cruz", "De La Cruz"),
        ("Núñez", "NUNEZ"),
        (unicodedata.normalize("NFC", "Núñez"), unicodedata.normalize("NFD", "Núñez")),
        ("O'Brien", "OBrien"),
        ("O\u2019Brien", "O'Brien"),
        ("Smith-Jones", "Smith Jones"),
        ("  Peña\t", "PENA"),
        (fullwidth("Kim"), "Kim"),  # NFKC
        (unicodedata.normalize("NFC", "김"), unicodedata.normalize("NFD", "김")),
    ],
)
def test_name_index_folding_equal(first: str, second: str) -> None:
    assert normalize_name_for_index(first) == normalize_name_for_index(second)


@pytest.mark.parametrize(("first", "second"), [("Kim", "Kang"), ("Lee", "Yi"), ("Peña", "Pena2")])
def test_name_index_folding_distinct(first: str, second: str) -> None:
    assert normalize_name_for_index(first) != normalize_name_for_index(second)


def test_name_index_values() -> None:
    assert normalize_name_for_index("De la Cruz") == "delacruz"
    assert normalize_name_for_index("김") == "김"


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=30))
def test_name_index_ignores_unicode_normalization_form(text: str) -> None:
    folded = normalize_name_for_index(text)
    for form in ("NFC", "NFD", "NFKC", "NFKD"):
        assert normalize_name_for_index(unicodedata.normalize(form, text)) == folded


# ---------------------------------------------------------------------------------------------
# Canonical form is stable


@settings(max_examples=100, deadline=None)
@given(
    st.fixed_dictionaries(
        {},
        optional={
            "a_number": st.from_regex(r"[Aa]?-?[0-9]{3}-?[0-9]{3}-?[0-9]{3}", fullmatch=True),
            "phone": st.from_regex(r"\+1 \([2-9][0-9]{2}\) [2-9][0-9]{2}-[0-9]{4}", fullmatch=True),
            "mailing.state": st.sampled_from(["ca", "Tx", "NY", "pr", "ap"]),
            "bio.eye_color": st.sampled_from(["bro", "BLK", "Haz"]),
            "bio.race": st.lists(
                st.sampled_from(["white", "asian", "black", "native_american", "pacific_islander"]),
                min_size=1,
                unique=True,
            ),
            "name.family": st.sampled_from([" Peña ", "De  la Cruz", "Kim"]),
            "birth.city": st.text(min_size=1, max_size=20),
        },
    )
)
def test_normalize_is_idempotent(raw: dict[str, Any]) -> None:
    if validate_answers(raw):
        return  # random city text may contain control characters; that is tested elsewhere
    once = normalize_answers(raw)
    assert normalize_answers(once) == once


# ---------------------------------------------------------------------------------------------
# The keys the questionnaire adds


@pytest.mark.parametrize(
    ("key", "choices"),
    [
        ("physical.unit_type", ("apt", "ste", "flr")),
        ("status.on_2012_06_15", ("no_lawful_status", "status_expired", "parole_expired")),
        (
            "military.branch",
            ("army", "marine_corps", "navy", "air_force", "national_guard", "coast_guard"),
        ),
        (
            "military.discharge_type",
            (
                "honorable",
                "general",
                "other_than_honorable",
                "bad_conduct",
                "dishonorable",
                "entry_level_separation",
                "clemency",
                "not_applicable",
            ),
        ),
    ],
)
def test_added_choice_keys(key: str, choices: tuple[str, ...]) -> None:
    spec = ANSWER_KEYS[key]
    assert spec.kind is FieldKind.CHOICE
    assert spec.choices == choices
    for choice in choices:
        assert normalize_answers({key: choice}) == {key: choice}
    assert keys_for({key: choices[0].upper()}) == [key]


@pytest.mark.parametrize(
    ("key", "kind"),
    [
        ("physical.state", FieldKind.STATE),
        ("physical.zip", FieldKind.ZIP),
        ("mobile_phone", FieldKind.PHONE),
        ("english.reads", FieldKind.BOOL),
        ("i94_issued", FieldKind.BOOL),
        ("military.served", FieldKind.BOOL),
        ("departure.without_parole_since_2012_08_15", FieldKind.BOOL),
        ("ead.previous_filed", FieldKind.BOOL),
        ("ead.abc_settlement", FieldKind.BOOL),
        ("passport.expires", FieldKind.DATE),
        ("physical.since", FieldKind.DATE),
        ("arrival.last_date", FieldKind.DATE),
        ("i94_stay_expires", FieldKind.DATE),
        ("removal.date", FieldKind.DATE),
        ("addresses", FieldKind.LIST),
    ],
)
def test_added_keys_reuse_the_existing_kinds(key: str, kind: FieldKind) -> None:
    assert ANSWER_KEYS[key].kind is kind


@pytest.mark.parametrize(
    ("key", "raw", "canonical"),
    [
        ("physical.state", " ca ", "CA"),
        ("physical.zip", "900101234", "90010-1234"),
        ("mobile_phone", "+1 (213) 555-0123", "2135550123"),
        ("passport.number", " G00000000 ", "G00000000"),
        ("removal.explanation", "First.\r\nSecond.", "First.\nSecond."),
        ("safety.explanation", "One.\rTwo.", "One.\nTwo."),
    ],
)
def test_added_canonical_forms(key: str, raw: str, canonical: str) -> None:
    assert normalize_answers({key: raw}) == {key: canonical}


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("physical.state", "Texas"),
        ("physical.zip", "7750"),
        ("mobile_phone", "555-0199"),
        ("physical.since", "2022-02-30"),
        ("passport.expires", "08/31/2029"),
        ("i94_number", "0" * 12),
        ("sevis_number", "N" + "0" * 11),
        ("passport.number", "X" * 21),
        ("border_crossing_card", "X" * 21),
        ("removal.location", "Court\nRoom 4"),
        ("military.branch", "space_force"),
    ],
)
def test_added_keys_reject(key: str, value: object) -> None:
    assert keys_for({key: value}) == [key]


def test_identifier_lengths_follow_the_form_boxes() -> None:
    assert ANSWER_KEYS["i94_number"].max_length == 11
    assert ANSWER_KEYS["sevis_number"].max_length == 11
    assert ANSWER_KEYS["passport.number"].max_length == 20
    assert validate_answers({"i94_number": "0" * 11, "sevis_number": "N" + "0" * 10}) == []
    assert ANSWER_KEYS["removal.explanation"].max_length == 4000
    assert ANSWER_KEYS["safety.explanation"].max_length == 4000


def test_addresses_items() -> None:
    items = ANSWER_KEYS["addresses"].items
    assert items is not None
    assert list(items) == [
        "street",
        "unit_type",
        "unit",
        "city",
        "state",
        "zip",
        "country",
        "from",
        "to",
    ]
    assert items["state"].kind is FieldKind.STATE
    assert items["zip"].kind is FieldKind.ZIP
    assert items["from"].kind is FieldKind.DATE
    assert items["to"].kind is FieldKind.DATE
    assert items["unit_type"].choices == ("apt", "ste", "flr")


def test_addresses_are_normalized_and_errors_carry_the_item_path() -> None:
    canonical = normalize_answers(
        {"addresses": [{"state": "tx", "zip": "770361234", "from": "2015-01-10"}, {}]}
    )
    assert canonical == {
        "addresses": [{"state": "TX", "zip": "77036-1234", "from": "2015-01-10"}, {}]
    }
    assert errors_for(
        {
            "addresses": [
                {"from": "2015-02-30", "to": "2016-01-01"},
                {"state": "Jalisco", "unit_type": "house", "since": "2001-01-01"},
            ]
        }
    ) == [
        ("addresses[0].from", "not a real date (expected YYYY-MM-DD)"),
        (
            "addresses[1].state",
            "not a U.S. state, DC, territory or military code (2 letters, e.g. CA)",
        ),
        ("addresses[1].unit_type", "must be one of: apt, ste, flr"),
        ("addresses[1].since", "unknown key"),
    ]
    assert keys_for({"addresses": [{}] * 101}) == ["addresses"]


def test_control_character_check_matches_the_unicode_categories() -> None:
    """The fast regex rejects exactly the characters the Unicode categories name."""
    import unicodedata

    from clinic.domain import answers as a

    for cp in range(0x110000):
        ch = chr(cp)
        expected = unicodedata.category(ch) in ("Cc", "Cs", "Zl", "Zp") or ch in a._BIDI_CONTROLS
        assert a._has_control(ch, multiline=False) == expected, hex(cp)
        assert a._has_control(ch, multiline=True) == (expected and ch != "\n"), hex(cp)


def test_a_list_answer_reads_in_the_questionnaires_order_not_the_stored_one() -> None:
    """Found in a user's walk: an address read "city: …, from: …, state: …, street: …" (its
    fields as stored, sorted), not as the questionnaire asks them."""
    from clinic.domain.display import answer_text
    from clinic.resources import questionnaire

    question = questionnaire().question("addresses")
    stored = {
        "city": "Flushing",
        "from": "2020-01-01",
        "state": "NY",
        "street": "1 Testperson Way",
        "zip": "11354",
    }
    shown = answer_text(question, [stored], "en")
    assert shown.index("1 Testperson Way") < shown.index("Flushing") < shown.index("NY")
    assert shown.index("11354") < shown.index("2020-01-01"), shown
