"""What each screening reason, flag and notice says, and its rule; the outcomes and headings.

Every code is stable (reports and the server count by code); the text is what a volunteer reads to
the client. The texts describe what the answers show and who decides; they never give legal advice.

The citations are here; the texts are in one module per language, named by its code
(``en.py``, and one per translated language), each with ``MESSAGES`` (by code), ``OUTCOMES`` and
``HEADINGS``. A client language of the registry (:mod:`clinic.domain.languages`) with no module
reads English; a pseudo language reads its texts made from English. Adding a language is adding
its module. Pure: no I/O.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from types import ModuleType

from clinic.domain.languages import FALLBACK, LANGUAGES, pseudo, text_in


@dataclass(frozen=True)
class RuleText:
    """The citation and the message in each language of one code (``texts`` maps a language
    code to its template). ``{placeholders}`` are filled."""

    citation: str
    texts: Mapping[str, str]

    def message(self, lang: str, **values: str) -> str:
        """The message in ``lang`` (English when it has none; made from English in a pseudo
        language), its placeholders filled."""
        return text_in(self.texts, lang).format(**values)


CFR = "8 CFR 236.22"

CITATIONS: dict[str, str] = {
    # -- request type -------------------------------------------------------------------------
    "renewal_request": "8 CFR 236.23; USCIS DACA renewal guidance",
    "initial_request": "8 CFR 236.23; USCIS DACA guidance",
    # -- guidelines met (reasons for likely_eligible) ------------------------------------------
    "arrived_under_16": f"{CFR}(b)(1)",
    "born_on_or_after_1981_06_16": f"{CFR}(b)(7)",
    "continuous_residence": f"{CFR}(b)(2)",
    "present_2012_06_15": f"{CFR}(b)(3)",
    "no_lawful_status_2012_06_15": f"{CFR}(b)(4)",
    "education_met": f"{CFR}(b)(5)",
    "renewal_guidelines": "8 CFR 236.23; USCIS DACA renewal guidance",
    # -- guidelines plainly not met (not_eligible) ----------------------------------------------
    "arrived_age_16_or_older": f"{CFR}(b)(1)",
    "born_before_1981_06_16": f"{CFR}(b)(7)",
    "arrived_after_2007_06_15": f"{CFR}(b)(2)",
    "not_present_2012_06_15": f"{CFR}(b)(3)",
    "lawful_status_2012_06_15": f"{CFR}(b)(4)",
    "under_15_at_filing": f"{CFR}(b)(7)",
    # -- flags: a person (an attorney) must decide ----------------------------------------------
    "criminal_history": f"{CFR}(b)(6)",
    "criminal_felony": f"{CFR}(b)(6)",
    "criminal_significant_misdemeanor": f"{CFR}(b)(6)",
    "criminal_three_misdemeanors": f"{CFR}(b)(6)",
    "criminal_pending": f"{CFR}(b)(6)",
    "criminal_possible_significant_misdemeanor": f"{CFR}(b)(6)",
    "public_safety": f"{CFR}(b)(6); Form I-821D Part 4",
    "removal_proceedings": f"{CFR}(b)(7); 8 CFR 236.23(a)",
    "removal_order": "8 CFR 236.23(a)",
    "detained": "8 CFR 236.23(a)",
    "travel_without_advance_parole": f"{CFR}(b)(2)",
    "travel_with_advance_parole": f"{CFR}(b)(2)",
    "absence_before_2012_08_15": f"{CFR}(b)(2)",
    "trip_not_returned": f"{CFR}(b)(3)",
    "last_arrival_unexplained": f"{CFR}(b)(2)",
    "last_entry_not_on_parole": f"{CFR}(b)(2)",
    "residence_outside_us": f"{CFR}(b)(2), (b)(3)",
    "address_abroad": f"{CFR}(b)(2)",
    "current_status_to_review": f"{CFR}(b)(4)",
    "daca_terminated": "8 CFR 236.23",
    "daca_lapsed": "USCIS DACA renewal guidance",
    "daca_expired_over_one_year": "USCIS DACA renewal guidance",
    "renewal_before_window": "USCIS DACA renewal guidance",
    # the program status's own source (dated data) replaces these two when screening
    "initial_not_decided": "resources/rules/program_status.yaml",
    "initial_not_accepted": "resources/rules/program_status.yaml",
    "texas_work_permit_limited": "resources/rules/program_status.yaml",
    "continuous_residence_not_confirmed": f"{CFR}(b)(2)",
    "education_not_met": f"{CFR}(b)(5)",
    "missing_facts": f"{CFR}(b)",
    "contradiction": f"{CFR}(b)",
    "leap_day_birthday": f"{CFR}(b)(1), (b)(7)",
    # -- notices --------------------------------------------------------------------------------
    "renewal_after_window": "USCIS DACA renewal guidance",
    "fees": "USCIS fee schedule (G-1055)",
}


def _modules() -> dict[str, ModuleType]:
    """The texts module of each language that has one (English always)."""
    found: dict[str, ModuleType] = {}
    for lang in LANGUAGES:
        if lang.pseudo or not lang.client:
            continue
        try:
            found[lang.code] = importlib.import_module(f"{__name__}.{lang.code}")
        except ModuleNotFoundError:
            if lang.code == FALLBACK:
                raise
    return found


def _by_lang(table: str, key: str, modules: Mapping[str, ModuleType]) -> dict[str, str]:
    """One text in every language that has it, and made from English in each pseudo one."""
    texts = {
        code: getattr(module, table)[key]
        for code, module in modules.items()
        if key in getattr(module, table)
    }
    for lang in LANGUAGES:
        if lang.pseudo and lang.client:
            texts[lang.code] = pseudo(texts[FALLBACK])
    return texts


_MODULES = _modules()
_ENGLISH = _MODULES[FALLBACK]

TEXTS: dict[str, RuleText] = {
    code: RuleText(CITATIONS[code], _by_lang("MESSAGES", code, _MODULES)) for code in CITATIONS
}


def text_for(code: str) -> RuleText:
    return TEXTS[code]


def _table(name: str) -> dict[str, dict[str, str]]:
    """A ``{key: {language: text}}`` table from one dict of each language's module."""
    return {key: _by_lang(name, key, _MODULES) for key in getattr(_ENGLISH, name)}


CONTRADICTION_TEXTS = _table("CONTRADICTIONS")
FACT_TEXTS = _table("FACTS")
_ITEM_KEY = re.compile(r"(?P<list>[a-z_]+)\[(?P<n>[0-9]+)\]\.(?P<field>[a-z_]+)")


def contradiction_text(code: str, lang: str, **values: str) -> str:
    """What one contradiction says, in ``lang`` (English when it has none)."""
    return text_in(CONTRADICTION_TEXTS[code], lang).format(**values)


def label_of(table: str, value: str, lang: str) -> str:
    """The label of an answer value (a choice, a public-safety question, an offense kind)."""
    texts = {
        code: getattr(module, "LABELS", {}).get(table, {}).get(value)
        for code, module in _MODULES.items()
    }
    found = {code: text for code, text in texts.items() if text}
    for language in LANGUAGES:
        if language.pseudo and language.client and FALLBACK in found:
            found[language.code] = pseudo(found[FALLBACK])
    return text_in(found, lang) if found else value


def fact_label(key: str, lang: str) -> str:
    """How a missing fact is named to the volunteer: what the question asks, never its key."""
    item = _ITEM_KEY.fullmatch(key)
    if item:
        template = FACT_TEXTS.get(f"{item['list']}[].{item['field']}")
        if template:
            return text_in(template, lang).format(n=item["n"])
    if key.startswith("safety."):
        what = label_of("safety", key.split(".", 1)[1], lang)
        return text_in(FACT_TEXTS["safety"], lang).format(what=what)
    if key == "safety":  # the template, for several questions named together
        return text_in(FACT_TEXTS["safety"], lang)
    template = FACT_TEXTS.get(key)
    return text_in(template, lang) if template else key


def offense_words() -> dict[str, tuple[str, ...]]:
    """Every language's words for each significant-misdemeanor kind, together: the offense may
    be typed in any language whatever the interview's."""
    words: dict[str, list[str]] = {}
    for module in _MODULES.values():
        for kind, listed in getattr(module, "OFFENSE_WORDS", {}).items():
            words.setdefault(kind, []).extend(listed)
    return {kind: tuple(listed) for kind, listed in words.items()}


# outcome -> language -> label; heading key -> language -> text
OUTCOME_LABELS: dict[str, dict[str, str]] = {
    key: _by_lang("OUTCOMES", key, _MODULES) for key in _ENGLISH.OUTCOMES
}
HEADINGS: dict[str, dict[str, str]] = {
    key: _by_lang("HEADINGS", key, _MODULES) for key in _ENGLISH.HEADINGS
}


def outcome_label(outcome: str, lang: str) -> str:
    """An outcome's label in ``lang`` (English when it has none); the code when unknown."""
    table = OUTCOME_LABELS.get(outcome)
    return text_in(table, lang) if table else outcome


def heading(key: str, lang: str) -> str:
    return text_in(HEADINGS[key], lang)
