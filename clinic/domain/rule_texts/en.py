"""The screening's texts in English: what each reason, flag and notice says, the outcomes
and the headings (read by :mod:`clinic.domain.rule_texts`; the file's name is the language's
code)."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    # -- request type -------------------------------------------------------------------------
    "renewal_request": (
        "DACA was granted before, was not terminated, and expired no more than one year ago (or "
        "has not expired): this is a renewal request."
    ),
    "initial_request": (
        "DACA was never granted, was terminated, or expired more than one year ago: this is an "
        "initial request."
    ),
    # -- guidelines met (reasons for likely_eligible) ------------------------------------------
    "arrived_under_16": "Came to the United States before the 16th birthday.",
    "born_on_or_after_1981_06_16": "Born on or after June 16, 1981.",
    "continuous_residence": "Reports living in the United States continuously since June 15, 2007.",
    "present_2012_06_15": "Reports being in the United States on June 15, 2012.",
    "no_lawful_status_2012_06_15": "Reports having no lawful immigration status on June 15, 2012.",
    "education_met": (
        "Reports being in school, a high school diploma or certificate of completion, a GED, or "
        "an honorable discharge."
    ),
    "renewal_guidelines": (
        "No travel without advance parole, no removal proceedings, no detention and no criminal "
        "history were reported since DACA was granted."
    ),
    # -- guidelines plainly not met (not_eligible) ----------------------------------------------
    "arrived_age_16_or_older": "The answers show arrival in the United States at age 16 or older.",
    "born_before_1981_06_16": "The answers show a birth date before June 16, 1981.",
    "arrived_after_2007_06_15": (
        "The answers show a first arrival after June 15, 2007, so residence since that date "
        "cannot be shown."
    ),
    "not_present_2012_06_15": "The answers show not being in the United States on June 15, 2012.",
    "lawful_status_2012_06_15": "The answers show a lawful immigration status on June 15, 2012.",
    "under_15_at_filing": (
        "Under 15 years old on the evaluation date and not in removal proceedings: a request can "
        "be made from the 15th birthday ({date})."
    ),
    # -- flags: a person (an attorney) must decide ----------------------------------------------
    "criminal_history": (
        "Criminal history was reported ({count} entr{plural}): an attorney must review every "
        "arrest, charge and outcome."
    ),
    "criminal_felony": "An entry is reported as a felony.",
    "criminal_significant_misdemeanor": "An entry is reported as a significant misdemeanor.",
    "criminal_three_misdemeanors": "Three or more misdemeanors are reported.",
    "criminal_pending": "A criminal case is reported as pending.",
    "public_safety": "A public-safety question was answered yes ({items}).",
    "removal_proceedings": "Removal proceedings were reported (now or in the past).",
    "removal_order": "A final removal order or a voluntary departure order was reported.",
    "detained": "The person is in immigration detention now.",
    "travel_without_advance_parole": (
        "Travel outside the United States without advance parole was reported ({count} "
        "trip{plural})."
    ),
    "travel_with_advance_parole": (
        "Travel with advance parole was reported: bring copies of the advance parole document "
        "and the I-94 for each trip."
    ),
    "daca_terminated": (
        "DACA was terminated: a new request is an initial request, and an attorney must review "
        "why it ended."
    ),
    "daca_lapsed": (
        "DACA expired on {date} (less than a year ago): it can be requested as a renewal, but "
        "the gap must be reviewed."
    ),
    "daca_expired_over_one_year": (
        "DACA expired on {date}, more than one year ago: the request must be filed as an initial "
        "request."
    ),
    "renewal_before_window": (
        "Too early to file: the renewal window opens on {date}. USCIS may reject a request filed "
        "before then."
    ),
    "initial_not_decided": (
        "An initial request: USCIS accepts initial requests but does not decide them now. An "
        "attorney should talk with the person before filing."
    ),
    "initial_not_accepted": (
        "An initial request: USCIS is not accepting initial requests on this date."
    ),
    "continuous_residence_not_confirmed": (
        "Continuous residence since June 15, 2007 was not confirmed: an attorney must review the "
        "absences."
    ),
    "education_not_met": (
        "No school enrollment, diploma, GED or honorable discharge was reported: an attorney "
        "should review the education guideline."
    ),
    "missing_facts": "Not answered yet: {keys}. Without them no determination can be made.",
    "contradiction": "Answers contradict each other: {items}. A person must check them.",
    "leap_day_birthday": (
        "Born on February 29: the birthday falls on a date boundary here, so an attorney must "
        "confirm the age."
    ),
    # -- notices --------------------------------------------------------------------------------
    "renewal_after_window": (
        "The recommended window closed on {date}: file as soon as possible to limit a gap."
    ),
    "fees": (
        "Fees on this date: Form I-821D ${i821d}; Form I-765 ${i765_paper} on paper or "
        "${i765_online} online. Each is paid separately."
    ),
}

OUTCOMES: dict[str, str] = {
    "likely_eligible": "May be eligible",
    "attorney_review": "Needs attorney review",
    "not_eligible": "Does not appear to meet a DACA guideline, as answered",
}

HEADINGS: dict[str, str] = {
    "request_type": "Request type",
    "renewal": "renewal",
    "initial": "initial",
    "outcome": "Screening result",
    "window": "Filing window: opens {opens}, closes {closes}; DACA expires {expires}",
    "reasons": "Why",
    "flags": "For the attorney",
    "notices": "Notices",
    "disclaimer": "This is a screening to prepare for an attorney's review, not legal advice.",
}
