"""Build the demo clinic: synthetic people, the four demo users, and a realistic mix of progress.

Used by ``clinic demo`` (and the README's first command). Everyone in it is synthetic
(``clinic.domain.demo``); the users share a published demo passphrase.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from clinic.domain.demo import generate_people
from clinic.domain.events import EventType
from clinic.domain.rules import screen
from clinic.resources import policy
from clinic.store.clinic import DB_NAME, Clinic, Session, create_clinic

DEMO_PASSPHRASE = "demo-clinic-day"  # noqa: S105 - the published passphrase of the synthetic demo
DEMO_SITE = "Demo Clinic (synthetic data)"
DEMO_SEED = 20261121
DEMO_USERS = (("vol", "volunteer"), ("atty", "attorney"), ("coord", "coordinator"))


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
        result = session.import_people(
            generate_people(people, seed=seed, today=today), source="demo"
        )
        rules = policy()
        for i, record_id in enumerate(result.record_ids):
            if i % 4 == 3:
                continue
            answers = session.load(record_id).answers
            lang = str(answers.get("language", "en"))
            det = screen(answers, today, rules, lang if lang in ("en", "ko", "es") else "en")
            session.append_event(
                record_id,
                EventType.SCREENED,
                {"determination": det.to_json(), "on": today.isoformat()},
            )
    return session, fresh
