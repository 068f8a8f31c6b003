"""The store service on a real SQLite file: records, lookups, users and roles, audit chain."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from clinic.core import Desk
from clinic.domain.answers import AnswersInvalid
from clinic.domain.events import EventType, Status
from clinic.errors import ClinicError
from clinic.store.clinic import (
    AccessDenied,
    Clinic,
    ClinicExists,
    NotAClinic,
    NotFound,
    Session,
    StoreError,
)
from tests.conftest import PASSPHRASE, make_clinic, person


def test_import_and_load_round_trip(session: Session) -> None:
    result = session.import_people([person(1), person(2, language="es", **{"name.native": "Ñ"})])
    assert len(result.record_ids) == 2
    state = session.load(result.record_ids[1])
    assert state.answers["language"] == "es"
    assert state.answers["a_number"] == "099000002"
    assert state.status is Status.INTAKE
    assert state.event_count == 2
    assert session.export(result.record_ids[0])["name.given"] == "Minji"


def test_import_with_errors_stores_nothing_and_names_every_error(session: Session) -> None:
    bad = [person(1), person(2, dob="2023-02-29"), person(3, sex="X", colour="blue")]
    with pytest.raises(AnswersInvalid) as info:
        session.import_people(bad)
    keys = sorted(e.key for e in info.value.errors)
    assert keys == ["[1].dob", "[2].colour", "[2].sex"]
    assert session.record_ids() == []


def test_find_by_a_number_ssn_and_name_dob(session: Session) -> None:
    ids = session.import_people([person(1), person(2)]).record_ids
    assert session.find_by_a_number("A-099-000-002") == [ids[1]]
    assert session.find_by_a_number("99000002") == [ids[1]]
    assert session.find_by_ssn(person(1)["ssn"]) == [ids[0]]
    assert session.find_by_name_dob("testpersonb", "2001-03-04") == [ids[0]]
    assert session.find_by_a_number("099999999") == []
    with pytest.raises(StoreError, match="a_number"):
        session.find_by_a_number("12")


def test_duplicates_are_warned_not_blocked(session: Session) -> None:
    first = session.import_people([person(1)]).record_ids[0]
    again = session.import_people([person(1), person(1)])
    assert len(again.record_ids) == 2
    kinds = {(i, kind) for i, _other, kind in again.possible_duplicates}
    assert (0, "a_number") in kinds and (1, "a_number") in kinds
    assert any(other == first for _i, other, _k in again.possible_duplicates)


def test_set_answers_records_only_changes_and_reindexes(session: Session) -> None:
    rid = session.import_people([person(1)]).record_ids[0]
    changes = session.set_answers(rid, person(1, a_number="099777777"))
    assert [c.key for c in changes] == ["a_number"]
    assert session.find_by_a_number("099777777") == [rid]
    assert session.find_by_a_number("099000001") == []
    assert session.set_answers(rid, person(1, a_number="099777777")) == []
    assert session.load(rid).event_count == 3


def test_append_event_and_status(session: Session) -> None:
    rid = session.import_people([person(1)]).record_ids[0]
    session.append_event(rid, EventType.PACKET_BUILT, {"packet_hash": "ab" * 32})
    assert session.load(rid).status is Status.IN_REVIEW


def test_lamport_clock_grows_across_writes(session: Session) -> None:
    a = session.import_people([person(1)]).record_ids[0]
    b = session.import_people([person(2)]).record_ids[0]
    clocks_a = [e.clock for e in session.events(a)]
    clocks_b = [e.clock for e in session.events(b)]
    assert max(clocks_a) < min(clocks_b)
    assert {e.device_id for e in session.events(a)} == {session.clinic.device_id}


def test_resolve_id(session: Session) -> None:
    rid = session.import_people([person(1)]).record_ids[0]
    assert session.resolve_id(rid[:6].upper()) == rid
    with pytest.raises(NotFound):
        session.resolve_id("zz")
    with pytest.raises(NotFound):
        session.resolve_id("0000000000")


def test_users_roles_and_permissions(clinic_dir: Path, session: Session) -> None:
    """Who may manage whom is the core's check (clinic.core.admin); the store keeps users."""
    session.add_user("vol1", "volunteer", "volunteer passphrase")
    session.add_user("coord", "coordinator", "coordinator passphrase")
    with pytest.raises(StoreError, match="already exists"):
        session.add_user("vol1", "volunteer", "volunteer passphrase")
    clinic = Clinic(clinic_dir)
    vol = Desk(clinic_dir)
    vol.sign_in("vol1", "volunteer passphrase")
    with pytest.raises(AccessDenied):
        vol.admin.add_user("x", "volunteer", "another passphrase")
    with pytest.raises(AccessDenied):
        vol.admin.audit_log()
    with pytest.raises(AccessDenied):
        vol.admin.change_passphrase("a new passphrase for coord", "coord")
    coord = Desk(clinic_dir)
    coord.sign_in("coord", "coordinator passphrase")
    coord.admin.add_user("atty", "attorney", "attorney passphrase")
    with pytest.raises(AccessDenied):
        coord.admin.add_user("boss", "admin", "admin passphrase 2")
    with pytest.raises(AccessDenied):
        coord.admin.disable_user("admin")
    coord.admin.disable_user("vol1")
    with pytest.raises(AccessDenied, match="disabled"):
        clinic.unlock("vol1", "volunteer passphrase")
    listed = {u.username: (u.role.value, u.disabled) for u in session.list_users()}
    assert listed["vol1"] == ("volunteer", True)
    # an admin reset re-enables
    session.change_passphrase("vol1", "brand new passphrase")
    assert clinic.unlock("vol1", "brand new passphrase").role.value == "volunteer"
    clinic.close()


def test_cannot_disable_the_last_admin(clinic_dir: Path, session: Session) -> None:
    session.add_user("co", "coordinator", "coordinator passphrase")
    me = Desk(clinic_dir)  # "not yourself" is the core's rule
    me.sign_in("admin", PASSPHRASE)
    with pytest.raises(ClinicError, match="yourself"):
        me.admin.disable_user("admin")
    session.add_user("admin2", "admin", "admin two passphrase")
    other = Clinic(clinic_dir).unlock("admin2", "admin two passphrase")
    other.disable_user("admin")
    with pytest.raises(StoreError):
        other.disable_user("admin2")


def test_audit_chain_records_actions_and_detects_edits(clinic_dir: Path, session: Session) -> None:
    rid = session.import_people([person(1)]).record_ids[0]
    session.export(rid)
    actions = [(e.action, e.record_id) for e in session.audit_log()]
    assert ("init", None) in actions and ("import", rid) in actions and ("export", rid) in actions
    assert session.verify_audit() == []
    seq, mac = session.audit_head()
    assert seq == len(actions) and len(mac) == 32
    con = sqlite3.connect(clinic_dir / "clinic.db")
    con.execute("UPDATE audit SET user = 'someone' WHERE action = 'export'")
    con.execute("DELETE FROM audit WHERE seq = 2")
    con.commit()
    con.close()
    problems = session.verify_audit()
    assert any("altered" in p for p in problems)
    assert any("missing" in p for p in problems)


def test_init_refuses_an_existing_clinic(clinic_dir: Path) -> None:
    with pytest.raises(ClinicExists):
        make_clinic(clinic_dir)


def test_open_refuses_a_folder_without_a_clinic(tmp_path: Path) -> None:
    with pytest.raises(NotAClinic):
        Clinic(tmp_path)
    (tmp_path / "clinic.db").write_bytes(b"not a database at all, just text" * 100)
    with pytest.raises(StoreError, match="cannot be opened"):
        Clinic(tmp_path)


def test_unknown_user_and_wrong_passphrase_look_the_same(clinic_dir: Path) -> None:
    clinic = Clinic(clinic_dir)
    with pytest.raises(AccessDenied) as a:
        clinic.unlock("nobody", PASSPHRASE)
    with pytest.raises(AccessDenied) as b:
        clinic.unlock("admin", PASSPHRASE + "x")
    assert str(a.value) == str(b.value)


def test_tallies_are_de_identified(clinic_dir: Path, session: Session) -> None:
    session.import_people([person(1)])
    con = sqlite3.connect(clinic_dir / "clinic.db")
    tallies = [t for (t,) in con.execute("SELECT tally FROM events")]
    con.close()
    joined = " ".join(tallies)
    for secret in ("Testperson", "Minji", "099000001", "2001-03-04", "Seoul"):
        assert secret not in joined
    assert '"site": "Test Site"' in tallies[0] and '"language": "ko"' in tallies[0]


def test_reads_do_not_wait_for_a_writer(clinic_dir: Path, session: Session) -> None:
    rid = session.import_people([person(1)]).record_ids[0]
    other = sqlite3.connect(clinic_dir / "clinic.db", timeout=0.1)
    other.execute("BEGIN IMMEDIATE")  # another laptop process holds the write lock
    try:
        assert session.load(rid).answers["a_number"] == "099000001"
        assert session.record_ids() == [rid]
    finally:
        other.rollback()
        other.close()


def test_no_one_disables_themselves_and_the_last_admin_stays(clinic_dir: Path) -> None:
    """ "Not yourself" is the core's rule; "not the last admin" the store's (one transaction)."""
    from clinic.errors import UsageError

    desk = Desk(clinic_dir)
    desk.sign_in("admin", PASSPHRASE)
    with pytest.raises(UsageError, match="you cannot disable yourself"):
        desk.admin.disable_user("admin")
    desk.admin.add_user("admin2", "admin", "second admin passphrase")
    other = Desk(clinic_dir)
    other.sign_in("admin2", "second admin passphrase")
    other.admin.disable_user("admin")
    with pytest.raises(StoreError, match="the last admin cannot be disabled"):
        Clinic(clinic_dir).unlock("admin2", "second admin passphrase").disable_user("admin2")
    assert {u.username: u.disabled for u in desk.admin.users()} == {"admin": True, "admin2": False}
