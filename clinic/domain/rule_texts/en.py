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
    "criminal_three_misdemeanors": (
        "Three or more misdemeanor convictions on different dates are reported (those on one "
        "date count once)."
    ),
    "criminal_pending": "A criminal case is reported as pending.",
    "criminal_possible_significant_misdemeanor": (
        "Entered as a lesser offense, but its words name an offense that is a significant "
        "misdemeanor if it is a misdemeanor conviction: {entries}. An attorney must check "
        "the record (any misdemeanor with more than 90 days in custody is one too)."
    ),
    "public_safety": "A public-safety question was answered yes ({items}).",
    "removal_proceedings": "Removal proceedings were reported (now or in the past).",
    "removal_order": "A final removal order or a voluntary departure order was reported.",
    "detained": "The person is in immigration detention now.",
    "travel_without_advance_parole": (
        "Travel outside the United States without advance parole on or after August 15, 2012 "
        "was reported ({trips}): such a departure breaks continuous residence, and an attorney "
        "must review it."
    ),
    "absence_before_2012_08_15": (
        "An absence before August 15, 2012 was reported (trip {trips}): an attorney must decide "
        "whether it was brief, casual and innocent."
    ),
    "trip_not_returned": (
        "A trip has no return date on or before the evaluation date (trip {trips}): a person "
        "must be in the United States to request DACA."
    ),
    "last_arrival_unexplained": (
        "The last arrival ({date}) is not the return of any listed trip: an attorney must find "
        "out when and how the person left and came back."
    ),
    "last_entry_not_on_parole": (
        "The last arrival ({date}) came after the DACA grant, and the status at that arrival is "
        'given as "{status}", not advance parole: an attorney must find out how the person left '
        "and came back."
    ),
    "residence_outside_us": (
        "The country of residence now is given as {country}: a person must live in the United "
        "States to request DACA."
    ),
    "current_status_to_review": (
        'The immigration status now is given as "{status}": DACA requires having no lawful '
        "status when requesting it. An attorney must read this answer."
    ),
    "texas_work_permit_limited": (
        "The person lives in Texas, and on this date an order in force limits DACA work permits "
        "for Texas residents: an attorney must decide whether to file Form I-765 and explain "
        "what applies."
    ),
    "address_abroad": (
        "An earlier address outside the United States since June 15, 2007 was reported "
        "(address {addresses}): an attorney must review the absence."
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

# What a contradiction says (joined into the "contradiction" flag); answers are named by what
# they ask, never by their keys.
CONTRADICTIONS: dict[str, str] = {
    "trip_returns_before_departing": "trip {n} returns before it departs",
    "trip_departs_after_evaluation": "trip {n} departs after the evaluation date",
    "arrival_before_birth": "the first arrival is before the date of birth",
    "arrival_after_evaluation": "the first arrival is after the evaluation date",
    "born_after_evaluation": "the date of birth is after the evaluation date",
    "not_granted_but_history": (
        "DACA was never granted, but a DACA expiration or termination is given"
    ),
    "request_type_mismatch": (
        "the request type is given as {stated}, but the DACA history makes it {computed}"
    ),
    "renewal_fails_guideline": (
        "DACA was granted before, yet the answers do not meet a guideline (see Why)"
    ),
    "residence_yes_arrival_after_2007": (
        "living here continuously since June 15, 2007 is yes, but the first arrival is after "
        "that date"
    ),
    "presence_yes_arrival_after": (
        "being here on June 15, 2012 is yes, but the first arrival is after that date"
    ),
    "presence_yes_trip_covers": "being here on June 15, 2012 is yes, but trip {n} covers that date",
    "presence_no_no_trip": (
        "being here on June 15, 2012 is no, but no listed trip covers that date"
    ),
    "before16_yes_arrival_age": (
        "coming to live here before 16 is yes, but the first arrival is at age {age}"
    ),
    "before16_no_arrival_under_16": (
        "coming to live here before 16 is no, but the first arrival is at age {age}: when "
        "residence began must be found"
    ),
    "lawful_yes_i94_ended": (
        "a lawful status on June 15, 2012 is yes, but the I-94 authorized stay ended on {date}"
    ),
    "lawful_no_i94_ran": (
        "a lawful status on June 15, 2012 is no, but the I-94 authorized stay ran until {date}"
    ),
    "lawful_yes_status_described": (
        "a lawful status on June 15, 2012 is yes, but that day is described as: {status}"
    ),
    "veteran_not_served": (
        "the education answer is an honorable discharge, but no military service is reported"
    ),
    "veteran_discharge_type": (
        "the education answer is an honorable discharge, but the discharge is given as {kind}"
    ),
    "last_arrival_before_first": "the last arrival is before the first arrival",
    "last_arrival_after_evaluation": "the last arrival is after the evaluation date",
    "last_arrival_before_trip": "the last arrival is before the return from trip {n}",
    "departure_no_trip_without_parole": (
        "leaving without advance parole since August 15, 2012 is no, but trip {n} was without "
        "advance parole"
    ),
    "address_abroad_residence_yes": (
        "living here continuously since June 15, 2007 is yes, but earlier address {n} is in "
        "{country} after that date"
    ),
}

# The facts a "missing_facts" flag names; "{n}" is the trip's number.
FACTS: dict[str, str] = {
    "dob": "date of birth",
    "daca.ever_granted": "whether DACA was granted before",
    "daca.expires": "when DACA expires",
    "daca.terminated": "whether DACA was terminated",
    "removal.status": "removal proceedings",
    "detention.current": "immigration detention now",
    "residence.country": "country of residence now",
    "residence.continuous_since_2007": "living here continuously since June 15, 2007",
    "arrival.last_date": "date of the last arrival",
    "departure.without_parole_since_2012_08_15": (
        "leaving without advance parole since August 15, 2012"
    ),
    "travel": "trips outside the United States",
    "criminal": "arrests, charges and convictions",
    "safety": "the public-safety questions ({what})",
    "i94_stay_expires": "the date the authorized stay on the I-94 ended",
    "arrival.date": "date of the first arrival",
    "arrival.before_age_16": "coming to live here before age 16",
    "presence.2012_06_15": "being here on June 15, 2012",
    "status.lawful_on_2012_06_15": "a lawful status on June 15, 2012",
    "education.status": "education",
    "military.discharge_type": "type of military discharge",
    "travel[].departed": "trip {n}: date left",
    "travel[]": "trip {numbers}",
    "travel[].not_listed": "reported but not listed as a trip: add it on the travel page",
    "travel[].advance_parole": "trip {n}: advance parole",
    "criminal[]": "entry {n} ({kinds})",
}

# Labels of answer values a message names.
LABELS: dict[str, dict[str, str]] = {
    "request_type": {"renewal": "renewal", "initial": "initial"},
    "status_2012": {
        "no_lawful_status": "no lawful status",
        "status_expired": "status expired",
        "parole_expired": "parole expired",
    },
    "discharge": {
        "honorable": "honorable",
        "general": "general (under honorable conditions)",
        "other_than_honorable": "other than honorable",
        "bad_conduct": "bad conduct",
        "dishonorable": "dishonorable",
        "entry_level_separation": "entry-level separation",
        "clemency": "clemency",
        "not_applicable": "not applicable",
    },
    "safety": {
        "terrorism": "terrorism",
        "gang": "gang membership",
        "torture_genocide_trafficking": "torture, genocide or trafficking",
        "killing": "killing a person",
        "severe_injury": "severely injuring a person",
        "forced_sexual_contact": "forced sexual contact",
        "child_soldier_recruit": "recruiting a child soldier",
        "child_soldier_use": "using a child soldier",
    },
    "offense": {
        "dui": "driving under the influence",
        "domestic_violence": "domestic violence",
        "sexual_abuse": "sexual abuse or exploitation",
        "burglary": "burglary",
        "firearm": "unlawful possession or use of a firearm",
        "drug_distribution": "drug distribution or trafficking",
    },
    # a screening code's short name, as a heading of the counts (CSV, XLSX, PDF)
    "flag": {
        "criminal_history": "criminal history",
        "criminal_felony": "felony",
        "criminal_significant_misdemeanor": "significant misdemeanor",
        "criminal_three_misdemeanors": "three or more misdemeanors",
        "criminal_pending": "criminal case pending",
        "criminal_possible_significant_misdemeanor": "possible significant misdemeanor",
        "public_safety": "public safety question answered yes",
        "removal_proceedings": "removal proceedings",
        "removal_order": "removal order",
        "detained": "in immigration detention",
        "travel_without_advance_parole": "travel without advance parole",
        "travel_with_advance_parole": "travel on advance parole",
        "absence_before_2012_08_15": "absence before August 15, 2012",
        "trip_not_returned": "trip without a return",
        "last_arrival_unexplained": "last arrival not explained",
        "last_entry_not_on_parole": "last entry not on advance parole",
        "residence_outside_us": "residence outside the United States",
        "address_abroad": "address abroad",
        "current_status_to_review": "current immigration status to review",
        "daca_terminated": "DACA terminated",
        "daca_lapsed": "DACA expired (within one year)",
        "daca_expired_over_one_year": "DACA expired over one year ago",
        "renewal_before_window": "renewal before its filing window",
        "renewal_after_window": "renewal after its filing window",
        "initial_not_decided": "initial requests not being decided",
        "initial_not_accepted": "initial requests not accepted",
        "texas_work_permit_limited": "Texas work permits limited",
        "continuous_residence_not_confirmed": "continuous residence not confirmed",
        "education_not_met": "education guideline not met",
        "missing_facts": "facts missing",
        "contradiction": "answers contradict",
        "leap_day_birthday": "leap-day birthday",
        "fees": "fees",
    },
}

# Words that name the offenses of 8 CFR 236.22(b)(6) as people write them in this language
# (matched casefolded, accents and punctuation ignored, as whole words).
OFFENSE_WORDS: dict[str, tuple[str, ...]] = {
    "dui": (
        "dui",
        "dwi",
        "owi",
        "ovi",
        "dwai",
        "driving under the influence",
        "driving while intoxicated",
        "driving while impaired",
        "driving while ability impaired",
        "operating while intoxicated",
        "operating under the influence",
        "drunk driving",
        "drunken driving",
        "bac",
        "blood alcohol",
    ),
    "domestic_violence": (
        "domestic violence",
        "domestic battery",
        "domestic assault",
        "family violence",
        "spousal abuse",
        "spousal battery",
        "corporal injury",
        "intimate partner",
        "dv",
        "domestic",
    ),
    "sexual_abuse": (
        "sexual abuse",
        "sexual assault",
        "sexual battery",
        "sexual exploitation",
        "sexual contact",
        "sex offense",
        "child pornography",
        "indecent exposure",
        "lewd",
        "molestation",
        "statutory rape",
        "rape",
    ),
    "burglary": ("burglary", "breaking and entering", "home invasion"),
    "firearm": (
        "firearm",
        "firearms",
        "gun",
        "guns",
        "handgun",
        "pistol",
        "rifle",
        "shotgun",
        "weapon",
        "weapons",
        "ccw",
        "concealed weapon",
        "concealed carry",
        "armed",
    ),
    "drug_distribution": (
        "drug distribution",
        "distribution of",
        "distribute",
        "intent to distribute",
        "intent to sell",
        "possession for sale",
        "possession with intent",
        "sale of",
        "sale of a controlled substance",
        "selling drugs",
        "drug sales",
        "drug dealing",
        "trafficking",
        "drug trafficking",
        "manufacture of",
        "for sale",
        "transporting drugs",
        "transportation of",
        "sale",
        "sell",
        "selling",
        "dealing",
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
    "request_type_open": (
        "not known yet: it depends on whether DACA was granted and when it expires"
    ),
    "outcome": "Screening result",
    "window": "Filing window: opens {opens}, closes {closes}; DACA expires {expires}",
    "reasons": "Why",
    "flags": "For the attorney",
    "notices": "Notices",
    "disclaimer": "This is a screening to prepare for an attorney's review, not legal advice.",
}
