"""This laptop's sync state as one typed object (clinic/store/syncstate.py): kept, read back,
and a damaged row reads as its default and is named, never stopping the app."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from clinic.core import Desk
from clinic.store.clinic import Session
from clinic.store.syncstate import SyncState, decode, encode
from tests.conftest import PASSPHRASE


def test_the_state_round_trips_through_the_store(session: Session) -> None:
    assert session.sync_state() == SyncState()
    session.update_sync_state(
        server="https://org.example",
        role="volunteer",
        org_id="org-1",
        org_public_key=b"\x01" * 32,
        cursor=42,
        alerts=[
            {"alert_id": "a1", "effective": "2026-11-21", "en": "New fees.", "ko": "새 수수료"}
        ],
        matches={"r1": ["a_number"]},
        last_error="the server refused 1 event(s)",
    )
    state = session.sync_state()
    assert state.enrolled and state.server == "https://org.example" and state.cursor == 42
    assert state.org_public_key == b"\x01" * 32 and state.org_signing_public_key is None
    assert state.alerts[0]["ko"] == "새 수수료" and state.matches == {"r1": ("a_number",)}
    session.update_sync_state(last_error=None, cursor=43)
    state = session.sync_state()
    assert state.last_error == "" and state.cursor == 43 and state.role == "volunteer"


def test_secrets_are_not_in_the_state(session: Session) -> None:
    session.set_sync_secrets({"token": b"device token"})
    assert "device token" not in repr(session.sync_state())
    assert session.sync_secret("token") == b"device token"


def test_an_unknown_field_is_refused() -> None:
    with pytest.raises(ValueError, match="no field colour"):
        encode({"colour": "blue"})


@pytest.mark.parametrize(
    ("name", "raw"),
    [
        ("cursor", "-3"),
        ("cursor", "many"),
        ("alerts", "{not json"),
        ("alerts", '{"a": 1}'),
        ("matches", "[1, 2]"),
        ("org_public_key", "not base64!"),
    ],
)
def test_a_damaged_row_reads_as_its_default_and_is_named(name: str, raw: str) -> None:
    state = decode({name: raw, "server": "https://org.example"})
    assert state.damaged == (name,)
    assert getattr(state, name) == getattr(SyncState(), name)
    assert state.server == "https://org.example"


def test_the_app_shows_its_sync_status_over_a_damaged_row(clinic_dir: Path) -> None:
    with sqlite3.connect(clinic_dir / "clinic.db") as db:
        db.execute("INSERT INTO meta (key, value) VALUES ('sync.alerts', '{broken')")
        db.execute("INSERT INTO meta (key, value) VALUES ('sync.matches', 'null')")
    desk = Desk(clinic_dir)
    desk.sign_in("admin", PASSPHRASE)
    status = desk.sync.status()
    assert status.alerts == [] and status.matches == {} and not status.enrolled
    assert desk.people.board().rows == []
