"""What goes on the USCIS forms must be English (issue 16, found in a user's walk: "Corea del
Sur", "Estados Unidos" and "visitante (B-2)" reached the forms, one through an approval)."""

from __future__ import annotations

import pytest

from clinic.domain.english import (
    country_in_english,
    form_problems,
    looks_spanish,
    needs_english,
    not_english,
)
from clinic.messages import in_language


@pytest.mark.parametrize(
    ("typed", "english"),
    [
        ("Corea del Sur", "South Korea"),
        ("corea  del sur", "South Korea"),
        ("Estados Unidos", "United States"),
        ("미국", "United States"),
        ("대한민국", "South Korea"),
        ("Coreia do Sul", "South Korea"),
        ("Filipinas", "Philippines"),
        ("México", None),  # the English name, accent aside
        ("Mexico", None),
        ("South Korea", None),
        ("USA", None),
        ("El Salvador", None),  # the same in English and Spanish
        ("Springfield", None),  # no country at all
    ],
)
def test_a_country_named_in_another_language_is_given_its_english_name(
    typed: str, english: str | None
) -> None:
    assert country_in_english(typed) == english


@pytest.mark.parametrize(
    ("text", "spanish"),
    [
        ("visitante (B-2)", True),
        ("vacaciones", True),
        ("Fui a la tienda y despues me arrestaron porque no tenia licencia", True),
        ("B-2 visitor", False),
        ("No status (entered without inspection)", False),
        ("Los Angeles, CA", False),
        ("San Jose del Cabo", False),
        ("Maria de la Cruz", False),
        ("Calle Real 12", False),
    ],
)
def test_spanish_is_told_apart_from_english_names_and_places(text: str, spanish: bool) -> None:
    assert looks_spanish(text) is spanish


def test_the_problems_name_the_row_and_offer_the_english_name_in_the_staff_language() -> None:
    [(where, said)] = form_problems("birth.country", "Corea del Sur")
    assert where == "birth.country" and '"South Korea"' in said
    assert "inglés" in in_language(said, "es") and "South Korea" in in_language(said, "es")
    rows = [{"date": "2019-03-03", "offense": "manejar borracho", "country": "Estados Unidos"}]
    found = dict(form_problems("criminal", rows))
    assert set(found) == {"criminal[0].offense", "criminal[0].country"}
    assert "United States" in found["criminal[0].country"]
    assert form_problems("citizenship_other", "Canada, Corea del Sur")  # each of several
    assert form_problems("name.native", "김민아") == []  # the name in its own script: not forms
    assert form_problems("birth.city", "Incheon") == []
    assert in_language(not_english("인천") or "", "ko").startswith("영문자가 아닙니다")
    assert needs_english("birth.city") and needs_english("criminal")
    assert not needs_english("name.native") and not needs_english("dob")
