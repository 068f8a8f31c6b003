"""The packet documents' texts in English: the document checklist's title, sections and
items (read by :mod:`clinic.packet.texts`; the file's name is the language's code)."""

from __future__ import annotations

# the titles of the documents
TITLES: dict[str, str] = {
    "checklist": "Documents to bring and attach",
}

# the checklist's sections
SECTIONS: dict[str, str] = {
    "everyone": "For everyone",
    "renewal": "Renewal",
    "initial": "Initial request",
    "criminal": "Arrests, charges and convictions",
    "removal": "Removal proceedings",
    "travel": "Travel outside the U.S.",
    "fees": "Fees",
    "optional": "Optional",
}

# the checklist's items ({what}: the court case, {dates}: the trip, {form}: the form)
ITEMS: dict[str, str] = {
    "identity": "Identity document with photo: passport, national ID card or consular ID",
    "photos": "Two identical passport-style photos (2 x 2 inches)",
    "ead": "Copy of the current or most recent work permit (EAD), front and back",
    "approval": "Copy of the previous DACA approval notice (Form I-797)",
    "arrival": "Proof of arrival in the U.S. before the 16th birthday",
    "residence": (
        "Proof of living in the U.S. continuously since June 15, 2007 (school, medical, work or "
        "rent records)"
    ),
    "presence": "Proof of being in the U.S. on June 15, 2012",
    "removal": "Documents of the removal proceedings (notices, immigration judge orders)",
    "g1145": "Form G-1145, to get an email or text when USCIS accepts the request (optional)",
    "court": "Court records (certified final disposition){what}",
    "trip_advance_parole": "Advance parole document and I-94 for the trip {dates}",
    "trip": "Documents of the trip {dates} (passport stamps, I-94, advance parole if any)",
    "fee": "Fee for Form {form}: paid separately (see the cover sheet for how USCIS takes it)",
    "worksheet": (
        "Form I-765WS (worksheet), filled from the answer sheet and signed: download it from "
        "uscis.gov/i-765ws"
    ),
}

# the proof of education the checklist asks for, by education.status
EDUCATION: dict[str, str] = {
    "in_school": "Proof of current school enrollment (letter or transcript from the school)",
    "high_school_diploma": "High school diploma or transcript",
    "ged": "GED (or other high school equivalency) certificate",
    "certificate_of_completion": "Certificate of completion from a U.S. high school",
    "honorably_discharged_veteran": (
        "Proof of honorable discharge (for example Form DD-214 or NGB-22)"
    ),
    "unknown": "Proof of education (school enrollment, diploma, GED or honorable discharge)",
}

# the take-home sheet: what the client keeps (no SSN or A-Number on it)
TAKE_HOME: dict[str, str] = {
    "title": "Your DACA request: what we prepared today",
    "prepared": "Prepared for {name} on {date}",
    "what": "What was prepared",
    "forms_renewal": (
        "A DACA renewal request (Form I-821D) and a work permit application (Form I-765)"
    ),
    "forms_initial": "A DACA request (Form I-821D) and a work permit application (Form I-765)",
    "forms_unknown": "A DACA request (Form I-821D) and a work permit application (Form I-765)",
    "next": "What happens next",
    "review": (
        "An attorney reviews your forms. Once the clinic tells you the attorney has approved "
        "them, sign where the cover sheet says and mail them; not before."
    ),
    "fees": "Fees and how to pay",
    "fees_paper": (
        "Each fee is paid separately with its own payment form. USCIS does not take checks or "
        "money orders for these forms."
    ),
    "mail": "Where to mail",
    "mail_where": (
        "Mail the signed packet to the USCIS address for your state listed on "
        "uscis.gov/i-821d-addresses. Keep a copy of everything you mail."
    ),
    "after": "After you mail it",
    "receipt": (
        "USCIS mails a receipt notice (Form I-797C), then an appointment notice for "
        "fingerprints and a photo. Go to that appointment and bring the notice and your ID."
    ),
    "address": "If you move, tell USCIS your new address (uscis.gov/addresschange).",
    "window": (
        "Your DACA expires on {expires}. A renewal can be filed from {opens}; file by "
        "{closes} so your work permit does not lapse."
    ),
    "window_late": (
        "Your DACA expires on {expires}. The time USCIS recommends for filing a renewal ended on "
        "{closes}: mail this request as soon as the attorney approves it."
    ),
    "window_lapsed": (
        "Your DACA expired on {expires}. Mail this request as soon as the attorney approves it; "
        "until USCIS decides, you have no DACA and no work permit."
    ),
    "bring": "What to bring",
    "bring_list": "The documents on the document checklist in this packet.",
    "contact": "Your clinic",
    "contact_line": "{who}",
    "disclaimer": (
        "This sheet explains the steps; it is not legal advice. Ask the clinic's attorney "
        "about your case."
    ),
}
