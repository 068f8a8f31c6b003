"""Build the demo clinic: synthetic people, the four demo users, and a realistic mix of progress.

Used by ``clinic demo``, the app's first screen and the README's first command. Everyone in it
is synthetic (``clinic.domain.demo``); the users share a published demo passphrase.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from clinic.core.interview import record_screening
from clinic.domain.answers import PROFILE_SPECS, normalize_with
from clinic.domain.demo import generate_people
from clinic.resources import policy
from clinic.store.clinic import DB_NAME, Clinic, Session, create_clinic

DEMO_PASSPHRASE = "demo-clinic-day"  # noqa: S105 - the published passphrase of the synthetic demo
DEMO_SITE = "Demo Clinic (synthetic data)"
DEMO_SEED = 20261121
DEMO_USERS = (("vol", "volunteer"), ("atty", "attorney"), ("coord", "coordinator"))
DEMO_PROFILES = {  # synthetic staff: the packets' preparer and interpreter parts
    "vol": ("Testvolunteer", "Jordan", "2135550101"),
    "atty": ("Testattorney", "Casey", "2135550102"),
    "coord": ("Testcoordinator", "Riley", "2135550103"),
}


def build_demo(
    data: Path,
    *,
    people: int,
    seed: int,
    today: dt.date,
    site: str,
    passphrase: str = DEMO_PASSPHRASE,
    kdf_seconds: float = 0.5,
) -> tuple[Session, bool]:
    """Create the demo clinic in ``data`` unless it exists; return an admin session and whether
    it was built now. Three people in four are screened as of ``today``; the rest are still at
    intake, as on a real clinic morning."""
    fresh = not (data / DB_NAME).exists()
    if fresh:
        create_clinic(
            data, site=site, admin="admin", passphrase=passphrase, kdf_seconds=kdf_seconds
        )
    session = Clinic(data).unlock("admin", passphrase)
    if fresh:
        for name, role in DEMO_USERS:
            session.add_user(name, role, passphrase)
            family, given, phone = DEMO_PROFILES[name]
            profile = {
                "family": family,
                "given": given,
                "organization": "Demo Clinic (synthetic)",
                "street": "100 Example St",
                "unit_type": "ste",
                "unit": "200",
                "city": "Los Angeles",
                "state": "CA",
                "zip": "90010",
                "phone": phone,
                "email": f"{name}@example.org",
            }
            checked = normalize_with(PROFILE_SPECS, profile, "profile")
            session.set_profile(name, {k: str(v) for k, v in checked.items()})
        result = session.import_people(
            generate_people(people, seed=seed, today=today), source="demo"
        )
        rules = policy()
        for i, record_id in enumerate(result.record_ids):
            if i % 4 == 3:
                continue
            record_screening(session, record_id, None, today, rules)
    return session, fresh
