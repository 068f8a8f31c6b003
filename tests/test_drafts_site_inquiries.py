"""Interview drafts (sealed, per user, tamper-evident), the site's name, inquiries, and the
duplicate check that writes nothing."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from clinic.core import Desk
from clinic.domain.answers import AnswersInvalid
from clinic.errors import UsageError
from clinic.store.clinic import AccessDenied, Clinic, NotFound, RecordDamaged, Session, StoreError
from tests.conftest import PASSPHRASE, person


def test_a_draft_is_sealed_per_user_and_round_trips(session: Session, clinic_dir: Path) -> None:
    [rid] = session.import_people([person(0)]).record_ids
    session.add_user("vol", "volunteer", PASSPHRASE)
    draft = {"answers": {"birth.city": "Draftcity", "a_number": "A-12"}, "page": "birth"}
    session.save_draft(rid, draft)
    assert session.load_draft(rid) == draft
    other = Clinic(clinic_dir).unlock("vol", PASSPHRASE)
    assert other.load_draft(rid) is None  # another user's draft is theirs
    session.save_draft(rid, {**draft, "page": "personal"})  # replaced, not added
    assert session.load_draft(rid) == {**draft, "page": "personal"}
    con = sqlite3.connect(clinic_dir / "clinic.db")
    assert con.execute("SELECT count(*) FROM drafts").fetchone() == (1,)
    con.close()
    for path in clinic_dir.rglob("*"):
        if path.is_file():
            assert b"Draftcity" not in path.read_bytes(), path
    session.discard_draft(rid)
    assert session.load_draft(rid) is None


def test_a_tampered_draft_is_named_and_the_record_still_opens(
    session: Session, clinic_dir: Path
) -> None:
    [rid] = session.import_people([person(0)]).record_ids
    session.save_draft(rid, {"answers": {}, "page": "interview"})
    con = sqlite3.connect(clinic_dir / "clinic.db")
    blob = bytearray(con.execute("SELECT blob FROM drafts").fetchone()[0])
    blob[-1] ^= 1
    con.execute("UPDATE drafts SET blob = ?", (bytes(blob),))
    con.commit()
    con.close()
    with pytest.raises(RecordDamaged, match="draft"):
        session.load_draft(rid)
    assert session.load(rid).answers["name.family"] == person(0)["name.family"]


def test_a_draft_for_a_record_that_does_not_exist_is_refused(session: Session) -> None:
    with pytest.raises(NotFound):
        session.save_draft("0" * 32, {"answers": {}})


def test_the_site_is_renamed_only_by_a_coordinator_or_admin(
    session: Session, clinic_dir: Path
) -> None:
    session.add_user("vol", "volunteer", PASSPHRASE)
    volunteer = Desk(clinic_dir)
    volunteer.sign_in("vol", PASSPHRASE)
    with pytest.raises(AccessDenied):
        volunteer.admin.set_site("Elsewhere")
    with pytest.raises(StoreError, match="site:"):
        session.set_site("\x07")
    session.set_site("  Koreatown   Saturday Clinic ")
    assert Clinic(clinic_dir).site == "Koreatown Saturday Clinic"
    [rid] = session.import_people([person(0)]).record_ids
    assert {t["site"] for t in session.tallies("2000-01-01", "2999-12-31")} == {
        "Koreatown Saturday Clinic"
    }
    assert rid


def test_an_inquiry_keeps_no_personal_data(session: Session, clinic_dir: Path) -> None:
    """Which topics and languages an inquiry may have is the core's check (desk.people)."""
    desk = Desk(clinic_dir)
    desk.sign_in("admin", PASSPHRASE)
    rid = desk.people.log_inquiry("es", "travel")
    state = session.load(rid)
    assert state.kind == "inquiry" and state.answers == {}
    tallies = [t for t in session.tallies("2000-01-01", "2999-12-31") if t["record"] == rid]
    assert [t["type"] for t in tallies] == ["created", "inquiry_logged"]
    assert tallies[1]["topic"] == "travel" and tallies[0]["language"] == "es"
    with pytest.raises(UsageError, match="topic"):
        desk.people.log_inquiry("es", "a free text with a name")
    with pytest.raises(AnswersInvalid):
        desk.people.log_inquiry("not a language", "travel")
    assert session.record_ids() == [rid]  # a refused inquiry stores nothing
    desk.close()


def test_possible_duplicates_match_through_the_blind_index_and_write_nothing(
    session: Session, clinic_dir: Path
) -> None:
    [rid] = session.import_people([person(0)]).record_ids
    before = (clinic_dir / "clinic.db").stat().st_size, session.audit_head()
    p = person(0)
    assert session.possible_duplicates({"a_number": p["a_number"]}) == [(rid, "a_number")]
    same_name = {"name.family": p["name.family"].upper(), "dob": p["dob"]}
    assert session.possible_duplicates(same_name) == [(rid, "name_dob")]
    assert session.possible_duplicates(same_name, exclude=rid) == []
    assert session.possible_duplicates({"a_number": "12", "dob": "not a date"}) == []
    assert session.audit_head() == before[1]
