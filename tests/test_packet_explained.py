"""Part 4 and removal proceedings explained on the addendum from the structured answers, in
English letters (issue 15 points 6, 8 in part; the Latin letters of "Other"). Real command,
real PDFs; the addendum read as printed."""

from __future__ import annotations

import re
from pathlib import Path

from tests.conftest import Cli
from tests.test_packet import person
from tests.test_packet_payment import build, refused, text

ARRESTS = [
    {
        "date": "2019-03-03",
        "offense": "Petty theft",
        "place": "Los Angeles, CA",
        "country": "United States",
        "level": "misdemeanor",
        "outcome": "dismissed",
    },
    {
        "date": "2015-07-01",
        "offense": "Public disturbance",
        "place": "Guadalajara, Jalisco",
        "country": "México",
        "level": "misdemeanor",
        "outcome": "convicted",
    },
]


def test_each_arrest_is_on_the_addendum_under_its_part_4_item(cli: Cli, tmp_path: Path) -> None:
    answers = {
        **person(),
        "name.family": "Villalobos-Hernandez de la Cruz Montenegro",
        "criminal": ARRESTS,
        "removal.status": "terminated",
        "removal.date": "2016-02-02",
        "removal.location": "Los Angeles Immigration Court",
    }
    addendum = text(build(cli, tmp_path, answers) / "Addendum.pdf")
    part1 = addendum[addendum.index("I-821D, edition 01/20/25 4 4 1") :]  # page 4, Part 4 Item 1
    assert (
        "1. Date: 03/03/2019; Offense: Petty theft; Place: Los Angeles, CA, United States;" in part1
    )
    assert "Level: misdemeanor; Outcome: dismissed." in part1
    part2 = addendum[addendum.index("I-821D, edition 01/20/25 4 4 2") :]
    assert "Place: Guadalajara, Jalisco, Mexico" in part2  # written in English letters
    assert "A certified court disposition for each is attached." in part2
    assert (
        "Removal proceedings: terminated; most recent date: 02/02/2016; location: Los Angeles"
        in (addendum)
    )


def test_an_offense_in_another_script_is_sent_back_for_english(cli: Cli, tmp_path: Path) -> None:
    answers = {**person(), "criminal": [{**ARRESTS[0], "offense": "절도"}]}
    said = refused(cli, tmp_path, answers)
    said = " ".join(said.split())
    assert "Part 4 Item 1 (arrest 1: offense): not in English letters: write an English" in said


def test_latin_letters_without_accents_are_written_in_english(cli: Cli, tmp_path: Path) -> None:
    answers = {**person(), "name.family": "Łukasiewicz-Đặng", "birth.city": "Straße"}
    out = build(cli, tmp_path, answers)
    cover = text(out / "Cover sheet.pdf")
    assert "'Łukasiewicz-Đặng' is written 'Lukasiewicz-Dang' on the forms" in cover


def test_an_explanation_in_another_script_is_sent_back_for_english(
    cli: Cli, tmp_path: Path
) -> None:
    answers = {**person(), "removal.status": "active", "removal.explanation": "재판 진행 중"}
    said = refused(cli, tmp_path, answers)
    assert (
        "Part 1 Item 6 (removal.explanation): not in English letters: write an English version"
        in said
    )


def test_an_explanation_in_spanish_is_sent_back_for_english(cli: Cli, tmp_path: Path) -> None:
    explanation = "Tengo una audiencia en la corte porque me detuvieron cuando estaba manejando"
    answers = {**person(), "removal.status": "active", "removal.explanation": explanation}
    said = " ".join(refused(cli, tmp_path, answers).split())
    assert "Part 1 Item 6 (removal.explanation): reads as Spanish, not English: write an" in said


def test_spanish_names_and_places_are_not_spanish_prose(cli: Cli, tmp_path: Path) -> None:
    explanation = "Hearing at the Los Angeles court; case of Maria de la Cruz, San Jose del Cabo"
    answers = {**person(), "removal.status": "active", "removal.explanation": explanation}
    out = build(cli, tmp_path, answers)
    assert "Los Angeles court; case of Maria de la Cruz" in " ".join(
        text(out / "Addendum.pdf").split()
    )


def test_typed_explanations_name_their_page_part_and_items(cli: Cli, tmp_path: Path) -> None:
    """The removal explanation under Item 6 (not 6.e, "Other", when the status is terminated),
    the Part 4 one (arrests and any other Yes) under Part 4 Items 1-7 (found in a walk: an
    arrest's explanation read as answering Items 3-7), each with the page the form asks it on."""
    answers = {
        **person(),
        "removal.status": "terminated",
        "removal.explanation": "The proceedings were terminated by the immigration judge.",
        "safety.explanation": "A synthetic explanation of a public-safety answer.",
    }
    out = build(cli, tmp_path, answers)
    said = " ".join(text(out / "Addendum.pdf").split())
    # the table's columns: form, page, Part, Item (a watermark letter may fall between)
    assert re.search(r"01/20/25 2 1 6 (\S )?The proceedings were terminated", said), said
    assert re.search(r"01/20/25 [1-9] 4 1-7 (\S )?A synthetic explanation", said), said
    assert "—" not in said  # no page or item left unknown


def test_the_attorney_reads_the_flags_in_english_with_the_clients_words_beneath(
    cli: Cli, tmp_path: Path
) -> None:
    answers = {**person(), "language": "ko", "criminal": ARRESTS[:1]}
    cover = text(build(cli, tmp_path, answers) / "Cover sheet.pdf")
    english = "Criminal history was reported (1 entry): an attorney must review every arrest"
    assert english in cover
    assert cover.index(english) < cover.index("범죄 기록이 있다고 답했습니다")
    assert "Since July 16, 2021, under a court order, USCIS accepts initial DACA" in cover
