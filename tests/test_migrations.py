"""Alembic migrations: applied on open; a database made at the first revision upgrades intact."""

from __future__ import annotations

import json
import sqlite3
import uuid
from pathlib import Path

from alembic.config import Config
from alembic.script import ScriptDirectory

from clinic.domain.answers import normalize_answers
from clinic.domain.events import FieldChange
from clinic.store import migrate
from clinic.store.clinic import Clinic, _make_engine
from clinic.store.vault import KdfParams, Keys, new_data_key, wrap_data_key
from tests.conftest import PASSPHRASE, person


def test_schema_head_constant_matches_the_scripts() -> None:
    cfg = Config()
    cfg.set_main_option("script_location", str(migrate.MIGRATIONS))
    assert ScriptDirectory.from_config(cfg).get_current_head() == migrate.SCHEMA_HEAD
    assert migrate.known_revisions()[0] == "0001"


def test_people_stored_at_the_first_revision_survive_the_upgrade(tmp_path: Path) -> None:
    data = tmp_path / "old-clinic"
    data.mkdir()
    engine = _make_engine(data / "clinic.db")
    with engine.begin() as conn:
        migrate.upgrade(conn, "0001")
    engine.dispose()

    # Write a clinic the way a ClinicDay of schema 0001 did, with raw SQL against that schema.
    data_key, key_id = new_data_key(), "k-old"
    keys = Keys(data_key, key_id)
    header, wrapped = wrap_data_key(data_key, PASSPHRASE, "admin", key_id, KdfParams(1, 8192))
    con = sqlite3.connect(data / "clinic.db")
    meta = {
        "site": "Old Site",
        "device_id": "dev0",
        "key_id": key_id,
        "clock": "0",
        "timezone": "UTC",
        "kdf_params": "[1, 8192, 4]",
    }
    con.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())
    con.execute(
        "INSERT INTO users VALUES ('admin', 'admin', 0, '2025-01-01', ?, ?)", (header, wrapped)
    )
    people = [person(n) for n in range(3)]
    record_ids = []
    clock = 0
    for seq, answers in enumerate(people):
        rid = uuid.uuid4().hex
        record_ids.append(rid)
        con.execute("INSERT INTO records VALUES (?, '2025-01-01T00:00:00+00:00')", (rid,))
        for etype, payload in (
            ("created", {"kind": "intake"}),
            (
                "answers_set",
                {
                    "changes": [
                        FieldChange(k, v).to_json() for k, v in normalize_answers(answers).items()
                    ]
                },
            ),
        ):
            clock += 1
            eid = uuid.uuid4().hex
            at = f"2025-01-01T00:00:{clock:02d}+00:00"
            body = json.dumps(
                {
                    "record_id": rid,
                    "type": etype,
                    "clock": clock,
                    "device_id": "dev0",
                    "author": "admin",
                    "at": at,
                    "payload": payload,
                }
            ).encode()
            con.execute(
                "INSERT INTO events VALUES (?, ?, ?, ?, 'dev0', ?, ?, ?, ?, '{}')",
                (
                    eid,
                    rid,
                    2 * seq + clock,
                    clock,
                    etype,
                    at,
                    key_id,
                    keys.seal_event(rid, eid, body),
                ),
            )
    con.commit()
    assert con.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
    assert "outbox" not in {r[0] for r in con.execute("SELECT name FROM sqlite_master")}
    con.close()

    # Opening with today's ClinicDay upgrades the schema and reads everyone back.
    clinic = Clinic(data)
    session = clinic.unlock("admin", PASSPHRASE)
    con = sqlite3.connect(data / "clinic.db")
    assert con.execute("SELECT version_num FROM alembic_version").fetchone() == (
        migrate.SCHEMA_HEAD,
    )
    assert con.execute("SELECT count(*) FROM outbox").fetchone() == (
        6,
    )  # old events queued for sync
    con.close()
    for rid, answers in zip(record_ids, people, strict=True):
        assert session.load(rid).answers == normalize_answers(answers)
    # and new work goes on in the upgraded database
    new_id = session.import_people([person(9)]).record_ids[0]
    assert session.find_by_a_number("099000009") == [new_id]
    clinic.close()


def test_a_database_from_a_newer_clinicday_is_refused(tmp_path: Path) -> None:
    from tests.conftest import make_clinic

    data = make_clinic(tmp_path / "c")
    con = sqlite3.connect(data / "clinic.db")
    con.execute("UPDATE alembic_version SET version_num = '9999'")
    con.commit()
    con.close()
    import pytest

    from clinic.store.migrate import SchemaTooNew

    with pytest.raises(SchemaTooNew, match="update ClinicDay"):
        Clinic(data).unlock("admin", PASSPHRASE)
