"""Attacks on sync (issue 17), each against a real ``clinic serve`` process over SQLite and
PostgreSQL, each one that succeeded before this issue's changes:

- the org key swapped in a laptop's clear settings, by someone with no passphrase;
- an enrollment code minted (with any coordinator token) to seal records to another key;
- an event pushed that the organization could never open;
- another laptop's device id taken over by enrolling under it;
- an enrollment code guessed at, over and over;
- one unreadable event, or a Lamport clock of 2**63-1, halting every pull after it.
"""

from __future__ import annotations

import base64
import datetime as dt
import os
import secrets
import sqlite3
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import text

from clinic import clock
from clinic.domain.events import Event, EventType
from clinic.domain.wire import encode_event
from clinic.reports.counts import counts_for
from clinic.server.storage import NewEvent
from clinic.store.clinic import Clinic, Session
from clinic.store.vault import VaultError
from clinic.sync.client import SyncClient, SyncError, associated
from clinic.sync.crypto import (
    KeyPair,
    OrgKeys,
    enroll_auth,
    enrollment_bundle,
    fingerprint,
    new_enroll_code,
    org_blind_index,
    recipient_id_of,
    seal,
    seal_bundle,
)
from clinic.sync.signing import sign_event
from tests.conftest import PASSPHRASE, make_clinic, person
from tests.sync_fixture import FAST, ORG_PASSPHRASE, Org, Server, clinic_command, free_port


def bearer(session: Session) -> dict[str, str]:
    token = session.sync_secret("token")
    assert token is not None
    return {"Authorization": f"Bearer {token.decode()}"}


def push_raw(org: Org, sender: Session, items: list[dict[str, Any]]) -> httpx.Response:
    """POST events as a laptop's token can, whatever ClinicDay itself would send."""
    return httpx.post(
        f"{org.server.url}/v1/events", json={"events": items}, headers=bearer(sender), timeout=30
    )


def signed_by(laptop: Session, ev: Event, author_role: str = "volunteer") -> bytes:
    """An event signed with an enrolled laptop's own key and certificate (what a rogue laptop,
    or one whose owner lies, can make)."""
    seed, cert = laptop.sync_secret("device_signing_key"), laptop.sync_secret("device_cert")
    assert seed is not None and cert is not None
    return sign_event(seed, cert.decode(), encode_event(ev), ev.event_id, ev.record_id, author_role)


def sealed_item(event_id: str, record_id: str, body: bytes, to: bytes) -> dict[str, Any]:
    envelope = seal(body, {recipient_id_of(to): to}, associated(event_id, record_id))
    return {
        "event_id": event_id,
        "record_id": record_id,
        "envelope": base64.b64encode(envelope).decode(),
        "tally": {},
    }


def enroll_body(code: str, device_id: str, public: bytes) -> dict[str, str]:
    code_id, auth = enroll_auth(code)
    return {
        "code_id": code_id,
        "auth": auth,
        "device_id": device_id,
        "public_key": base64.b64encode(public).decode(),
        "name": "attacker",
    }


# -- the organization's identity --------------------------------------------------------------


def test_an_org_key_swapped_in_the_clear_settings_is_caught(org: Org, tmp_path: Path) -> None:
    laptop = org.device(tmp_path / "a", "volunteer")
    SyncClient(laptop).sync()
    attacker = KeyPair.generate()
    # someone with the file but no passphrase rewrites the clear row
    with sqlite3.connect(tmp_path / "a" / "clinic.db") as db:
        db.execute(
            "UPDATE meta SET value = ? WHERE key = 'sync.org_public_key'",
            (base64.b64encode(attacker.public).decode(),),
        )
    laptop.import_people([person(1)])
    with pytest.raises(SyncError, match="changed outside ClinicDay"):
        SyncClient(laptop).sync()
    assert org.store.event_count() == 0  # nothing was sent, to anyone's key
    assert laptop.sync_state().org_public_key == org.keys.pair.public  # the sealed copy
    problems = laptop.check()
    assert any("org_public_key changed outside ClinicDay" in p for p in problems), problems
    # enrolling again (a new code from the coordinator) puts it right
    SyncClient(laptop).enroll(org.server.url, org.code("volunteer"))
    assert SyncClient(laptop).sync().pushed == 2
    assert not any("outside ClinicDay" in p for p in laptop.check())


def test_a_code_naming_another_org_key_is_refused(org: Org, tmp_path: Path) -> None:
    coordinator = org.device(tmp_path / "coord", "coordinator")
    attacker = KeyPair.generate()
    code, code_id, proof = new_enroll_code()
    bundle = enrollment_bundle(org.keys.org_id, attacker.public, b"\x01" * 32, b"\x02" * 32)
    made = httpx.post(
        f"{org.server.url}/v1/enroll-codes",
        json={
            "code_id": code_id,
            "proof": proof,
            "role": "volunteer",
            "bundle": seal_bundle(code, bundle),
        },
        headers=bearer(coordinator),
    )
    # a coordinator laptop's token alone no longer makes codes (issue 17 point 6)...
    assert made.status_code == 403 and "organization's key" in made.json()["detail"]
    # ... but a hostile server stores one anyway: the enrolling laptop is the last defense
    org.store.add_enroll_code(code_id, proof, "volunteer", seal_bundle(code, bundle), "srv", 1)
    make_clinic(tmp_path / "new")
    laptop = Clinic(tmp_path / "new").unlock("admin", PASSPHRASE)
    with pytest.raises(SyncError, match="another organization key than the server's"):
        SyncClient(laptop).enroll(org.server.url, code)
    assert laptop.sync_secret("token") is None and not laptop.sync_state().enrolled
    assert laptop.sync_state().org_public_key is None


def test_the_server_refuses_an_event_the_organization_cannot_open(org: Org, tmp_path: Path) -> None:
    laptop = org.device(tmp_path / "a", "volunteer")
    elsewhere = KeyPair.generate().public
    refused = push_raw(org, laptop, [sealed_item("a" * 32, "b" * 32, b"{}", elsewhere)])
    assert refused.status_code == 422
    assert "not sealed to the organization's key" in refused.json()["detail"]
    assert org.store.event_count() == 0


def test_enrolling_shows_the_fingerprint_the_server_operator_sees(org: Org, tmp_path: Path) -> None:
    make_clinic(tmp_path / "a")
    clinic = clinic_command({**os.environ, "CLINIC_USER": "admin", "CLINIC_PASSPHRASE": PASSPHRASE})
    done = clinic(
        "sync",
        "--data",
        str(tmp_path / "a"),
        "enroll",
        org.server.url,
        CLINIC_ENROLL_CODE=org.code("volunteer"),
    )
    assert done.returncode == 0, done.stderr
    assert f"Organization key fingerprint: {fingerprint(org.keys.pair.public)}" in done.stdout


# -- enrollment ----------------------------------------------------------------------------------


def test_no_code_takes_over_another_laptops_device_id(org: Org, tmp_path: Path) -> None:
    victim = org.device(tmp_path / "victim", "volunteer")
    victim.import_people([person(1)])
    SyncClient(victim).sync()
    device_id = victim.clinic.device_id
    mine = KeyPair.generate()
    taken = httpx.post(
        f"{org.server.url}/v1/enroll",
        json=enroll_body(org.code("attorney"), device_id, mine.public),
    )
    assert taken.status_code == 400 and taken.json()["reason"] == "device_taken"
    # the real laptop still syncs, and its key is the one the server lists for it
    victim.import_people([person(2)])
    assert SyncClient(victim).sync().pushed == 2
    keys = httpx.get(
        f"{org.server.url}/v1/device-keys", params={"ids": device_id}, headers=bearer(victim)
    ).json()
    assert base64.b64decode(keys[device_id]) == victim.sync_state().device_public_key


def test_a_code_tried_wrongly_too_often_is_refused_for_good(org: Org) -> None:
    code = org.code("volunteer")
    right = enroll_body(code, secrets.token_hex(16), KeyPair.generate().public)
    for _ in range(5):
        wrong = {**right, "auth": secrets.token_hex(32)}
        assert httpx.post(f"{org.server.url}/v1/enroll", json=wrong).status_code == 400
    late = httpx.post(f"{org.server.url}/v1/enroll", json=right)
    assert late.status_code == 400 and "tried wrongly too often" in late.json()["detail"]


def test_an_address_guessing_codes_is_turned_away(org: Org) -> None:
    statuses = []
    for _ in range(22):
        code, _id, _proof = new_enroll_code()  # random codes no one made
        guess = enroll_body(code, secrets.token_hex(16), KeyPair.generate().public)
        statuses.append(httpx.post(f"{org.server.url}/v1/enroll", json=guess).status_code)
    assert statuses[:20] == [400] * 20 and statuses[20:] == [429, 429]
    # even the right code waits, from that address
    right = enroll_body(org.code("volunteer"), secrets.token_hex(16), KeyPair.generate().public)
    assert httpx.post(f"{org.server.url}/v1/enroll", json=right).status_code == 429


# -- one forged event never halts the organization ------------------------------------------------


def forged_event(rid: str, device_id: str, **changes: Any) -> Event:
    base: dict[str, Any] = {
        "event_id": secrets.token_hex(16),
        "record_id": rid,
        "type": EventType.CLOSED,
        "clock": 5,
        "device_id": device_id,
        "author": "vol",
        "at": "2026-11-21T10:00:00+00:00",
        "payload": {},
    }
    return Event(**{**base, **changes})


def test_unreadable_events_are_set_aside_and_the_pull_goes_on(org: Org, tmp_path: Path) -> None:
    rogue = org.device(tmp_path / "rogue", "volunteer")
    honest = org.device(tmp_path / "honest", "volunteer")
    atty = org.device(tmp_path / "atty", "attorney", org_key=True)
    org_public = org.keys.pair.public
    rid = secrets.token_hex(16)
    garbage = sealed_item(secrets.token_hex(16), rid, b"not an event at all", org_public)
    huge = forged_event(rid, rogue.clinic.device_id, clock=2**63 - 1)
    clock_item = sealed_item(huge.event_id, rid, signed_by(rogue, huge), org_public)
    assert push_raw(org, rogue, [garbage, clock_item]).status_code == 200
    honest.import_people([person(1)])
    SyncClient(honest).sync()
    report = SyncClient(atty).sync()
    assert sorted(report.quarantined) == sorted([garbage["event_id"], huge.event_id])
    assert report.pulled == 2  # the honest laptop's person arrived all the same
    reasons = {q["event_id"]: q["reason"] for q in atty.sync_state().quarantined}
    assert "clock out of range" in reasons[huge.event_id]
    assert "not a signed event" in reasons[garbage["event_id"]]
    # the laptop goes on writing (a 2**63-1 clock would make every write overflow)
    atty.import_people([person(2)])
    assert SyncClient(atty).sync().pushed == 2
    # and the next sync does not stop at them or list them twice
    assert SyncClient(atty).sync().quarantined == []
    assert len(atty.sync_state().quarantined) == 2


# -- roles are the user's, not the laptop's --------------------------------------------------------


def test_a_volunteer_account_on_a_coordinators_laptop_gets_no_coordinator_power(
    org: Org, tmp_path: Path
) -> None:
    laptop = org.device(tmp_path / "coord", "coordinator", org_key=False)
    laptop.add_user("vol", "volunteer", PASSPHRASE)
    clinic = clinic_command(
        {
            **os.environ,
            "CLINIC_USER": "vol",
            "CLINIC_PASSPHRASE": PASSPHRASE,
            "CLINIC_DATA": str(tmp_path / "coord"),
        }
    )

    code = clinic("sync", "enroll-code", "--role", "coordinator")
    assert code.returncode == 2 and "a volunteer may not make enrollment codes" in code.stderr
    out = tmp_path / "org.csv"
    counts = clinic(
        "report", "daily", "--date", "2026-11-21", "--server", org.server.url, "--out", str(out)
    )
    assert counts.returncode == 2
    assert "a volunteer may not read the organization's counts" in counts.stderr
    assert not out.exists()
    key_file = tmp_path / "org-key.json"
    key_file.write_text(org.key_file)
    key = clinic("sync", "import-org-key", str(key_file), CLINIC_ORG_PASSPHRASE=ORG_PASSPHRASE)
    assert key.returncode == 2 and "may not keep the organization's key" in key.stderr
    assert laptop.sync_secret("org_private_key") is None
    refused = [e.detail for e in laptop.audit_log() if e.action == "refused"]
    assert refused == [
        "make enrollment codes",
        "read the organization's counts",
        "keep the organization's key",
    ]


def test_the_token_never_goes_to_another_address_over_plain_http(org: Org, tmp_path: Path) -> None:
    from clinic.core import Desk

    org.device(tmp_path / "a", "coordinator")
    desk = Desk(tmp_path / "a")
    desk.sign_in("admin", PASSPHRASE)
    for call in (
        lambda: desk.sync.run(server="http://clinic.example.org"),
        lambda: desk.sync.tallies("http://clinic.example.org", "2026-11-21", "2026-11-21"),
    ):
        with pytest.raises(SyncError, match="use https://"):
            call()
    assert desk.sync.status().server == org.server.url  # nothing else was kept


def test_events_set_aside_for_want_of_the_org_key_open_once_it_is_kept(
    org: Org, tmp_path: Path
) -> None:
    vol = org.device(tmp_path / "vol", "volunteer")
    [rid] = vol.import_people([person(1)]).record_ids
    SyncClient(vol).sync()
    atty = org.device(tmp_path / "atty", "attorney")  # the org key not kept here yet
    early = SyncClient(atty).sync()
    assert len(early.quarantined) == 2 and early.pulled == 0
    SyncClient(atty).import_org_keys(org.key_file, ORG_PASSPHRASE)
    later = SyncClient(atty).sync()
    assert later.pulled == 2 and later.quarantined == []
    assert atty.load(rid).answers["birth.city"] == "Seoul"
    assert atty.sync_state().quarantined == ()  # nothing left set aside


def test_a_huge_body_is_refused_before_it_is_read_or_the_token_checked(org: Org) -> None:
    url = f"{org.server.url}/v1/events"
    huge = b"x" * (33 * 2**20)
    refused = httpx.post(url, content=huge, headers={"Content-Type": "application/json"})
    assert refused.status_code == 413  # no token needed to be turned away
    assert "over 32 MiB" in refused.json()["detail"]

    def chunks() -> Any:
        yield b"{}"

    unstated = httpx.post(url, content=chunks(), headers={"Content-Type": "application/json"})
    assert unstated.status_code == 411
    assert httpx.get(f"{org.server.url}/v1/health").status_code == 200  # still serving


def test_a_token_unused_for_90_days_no_longer_works(
    org: Org, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    laptop = org.device(tmp_path / "a", "volunteer")  # enrolled on the suite's clock, 11/21
    laptop.import_people([person(1)])
    day = "2027-02-21T10:00:00-08:00"  # 92 days on
    monkeypatch.setenv("CLINIC_CLOCK", day)
    later = Server(org.server.db, free_port()).start()  # the same server, a later day
    try:
        client = SyncClient(laptop, server=later.url)
        with pytest.raises(SyncError, match="token expired"):
            client.sync()
        # the laptop enrolls again with a new code (made that day), showing its old token:
        # it keeps its device id
        with clock.use(clock.FixedClock(clock.parse_moment(day))):
            code = org.code("volunteer")
        SyncClient(laptop).enroll(later.url, code)
        assert SyncClient(laptop, server=later.url).sync().pushed == 2
    finally:
        later.stop()


# -- signed events: the server and other laptops cannot write in a laptop's name ------------------


def server_injects(org: Org, as_device: str, ev: Event, body: bytes) -> None:
    """What a hostile server does: store an envelope of its own making (sealed to the org
    public key, which it holds) as if the laptop ``as_device`` had pushed it."""
    [device] = [d for d in org.store.devices() if d.device_id == as_device]
    org_public = org.keys.pair.public
    envelope = seal(
        body, {recipient_id_of(org_public): org_public}, associated(ev.event_id, ev.record_id)
    )
    new = NewEvent(ev.event_id, ev.record_id, envelope, [recipient_id_of(org_public)], {}, None)
    org.store.push(device, [new], None)


def test_the_server_cannot_forge_an_event_in_a_laptops_name(org: Org, tmp_path: Path) -> None:
    """Issue 17 point 2: the server holds the org public key, so it could seal a changed
    mailing address 'from' a volunteer's laptop; and it could make up a certificate of its own.
    Both are set aside on the attorney's laptop; the address stays."""
    from clinic.sync.crypto import OrgKeys
    from clinic.sync.signing import certify_device, make_grant

    vol = org.device(tmp_path / "vol", "volunteer")
    [rid] = vol.import_people([person(1)]).record_ids
    SyncClient(vol).sync()
    atty = org.device(tmp_path / "atty", "attorney", org_key=True)
    SyncClient(atty).sync()
    street = atty.load(rid).answers["mailing.street"]
    vid = vol.clinic.device_id

    def moved(street_to: str) -> Event:
        change = {"key": "mailing.street", "value": street_to}
        return forged_event(rid, vid, type=EventType.ANSWERS_SET, payload={"changes": [change]})

    unsigned = moved("1 Elsewhere Rd")
    server_injects(org, vid, unsigned, encode_event(unsigned))
    # a certificate under a grant the server signed itself, for a code it made up
    fake_org = OrgKeys.generate()
    code, _id, _proof = new_enroll_code()
    grant = make_grant(fake_org.signing, org.keys.org_id, code, "volunteer")
    seed, cert = certify_device(code, grant, vid, fake_org.signing_public, org.keys.org_id)
    self_made = moved("2 Elsewhere Rd")
    body = sign_event(seed, cert, encode_event(self_made), self_made.event_id, rid, "volunteer")
    server_injects(org, vid, self_made, body)

    report = SyncClient(atty).sync()
    assert sorted(report.quarantined) == sorted([unsigned.event_id, self_made.event_id])
    assert atty.load(rid).answers["mailing.street"] == street
    reasons = {q["event_id"]: q["reason"] for q in atty.sync_state().quarantined}
    assert reasons[unsigned.event_id].startswith("unsigned")
    assert "the enrollment grant: the signature does not match" in reasons[self_made.event_id]


def test_only_an_attorneys_laptop_and_user_can_send_a_review(org: Org, tmp_path: Path) -> None:
    """A volunteer's laptop signing an approval (claiming its author is an attorney), and an
    attorney's laptop signing one by a volunteer user, are both set aside: the packet is not
    approved anywhere."""
    vol = org.device(tmp_path / "vol", "volunteer")
    [rid] = vol.import_people([person(1)]).record_ids
    SyncClient(vol).sync()
    atty = org.device(tmp_path / "atty", "attorney", org_key=True)
    coord = org.device(tmp_path / "coord", "coordinator")
    SyncClient(coord).sync()
    approvals = []
    for laptop, role in ((vol, "attorney"), (atty, "volunteer")):
        ev = forged_event(
            rid,
            laptop.clinic.device_id,
            type=EventType.REVIEW_APPROVED,
            payload={"packet_hash": "a" * 64},
            author="someone",
        )
        item = sealed_item(ev.event_id, rid, signed_by(laptop, ev, role), org.keys.pair.public)
        assert push_raw(org, laptop, [item]).status_code == 200
        approvals.append(ev.event_id)
    report = SyncClient(coord).sync()
    assert sorted(report.quarantined) == sorted(approvals)
    assert coord.load(rid).approved_packet is None
    reasons = [q["reason"] for q in coord.sync_state().quarantined]
    assert "a review from a volunteer laptop by a attorney user: only attorneys review" in reasons
    assert "a review from a attorney laptop by a volunteer user: only attorneys review" in reasons


def test_a_code_signed_by_another_key_than_the_organizations_is_refused(
    org: Org, tmp_path: Path
) -> None:
    """A coordinator token (stolen) mints a code with the real org key and index key but its
    own signing key: the laptop would then trust its certificates and form packs. Refused."""
    from clinic.sync.crypto import OrgKeys
    from clinic.sync.signing import make_grant

    coordinator = org.device(tmp_path / "coord", "coordinator")
    index_key = coordinator.sync_secret("org_index_key")
    assert index_key is not None
    fake = OrgKeys.generate()
    code, code_id, proof = new_enroll_code()
    bundle = enrollment_bundle(
        org.keys.org_id, org.keys.pair.public, index_key, fake.signing_public
    )
    bundle["grant"] = make_grant(fake.signing, org.keys.org_id, code, "volunteer")
    # stored as a hostile server (or a token thief, before requests were signed) would
    org.store.add_enroll_code(code_id, proof, "volunteer", seal_bundle(code, bundle), "srv", 1)
    make_clinic(tmp_path / "new")
    laptop = Clinic(tmp_path / "new").unlock("admin", PASSPHRASE)
    with pytest.raises(SyncError, match="another organization key than the server's"):
        SyncClient(laptop).enroll(org.server.url, code)
    assert laptop.sync_secret("token") is None and laptop.sync_secret("device_cert") is None


# -- the org index is not an oracle; the server's tallies carry no flags ---------------------------


def test_a_volunteers_laptop_holds_no_index_key_and_cannot_look_anyone_up(
    org: Org, tmp_path: Path
) -> None:
    """Issue 17 point 3: 120,602 candidate A-Numbers were tested from a volunteer's laptop in
    15 s, as digests on made-up records, with the index key every laptop held. Now a
    volunteer's laptop is never given the key; one that kept it from an older enrollment
    forgets it at its next sync; and what a volunteer's laptop sends as digests (or posts as
    an index) is neither kept nor answered."""
    honest = org.device(tmp_path / "honest", "attorney")  # its laptop indexes (holds the key)
    rogue = org.device(tmp_path / "rogue", "volunteer")
    assert rogue.sync_secret("org_index_key") is None  # not in the enrollment it was given
    assert honest.sync_secret("org_index_key") == org.keys.index_key
    # an older enrollment gave every laptop the key: the next sync drops it
    rogue.set_sync_secrets({"org_index_key": org.keys.index_key})
    SyncClient(rogue).sync()
    assert rogue.sync_secret("org_index_key") is None
    # a volunteer who copied the key before still learns nothing from the server
    target = org_blind_index(org.keys.index_key, "a_number", "099555001").hex()
    org_public = org.keys.pair.public
    person_there = sealed_item(secrets.token_hex(16), secrets.token_hex(16), b"x", org_public)
    person_there["index"] = [{"kind": "a_number", "digest": target}]
    assert push_raw(org, honest, [person_there]).status_code == 200  # a real person
    probe = sealed_item(secrets.token_hex(16), secrets.token_hex(16), b"x", org_public)
    probe["index"] = [{"kind": "a_number", "digest": target}]
    answer = push_raw(org, rogue, [probe]).json()
    assert answer["matches"] == [] and answer["matches_withheld"] == 0
    with org.store.engine.connect() as conn:
        kept = conn.execute(
            text("SELECT count(*) FROM org_index WHERE record_id = :r"),
            {"r": probe["record_id"]},
        ).scalar_one()
    assert kept == 0  # the guess is not in the index either
    matches = httpx.get(f"{org.server.url}/v1/matches", headers=bearer(rogue), timeout=30)
    assert matches.status_code == 200 and matches.json() == []
    posted = httpx.post(
        f"{org.server.url}/v1/index",
        json={"records": [{"record_id": probe["record_id"], "index": probe["index"]}]},
        headers=bearer(rogue),
        timeout=30,
    )
    assert posted.status_code == 403 and "index key" in posted.json()["detail"]


def test_an_index_entry_goes_only_on_a_real_record(org: Org, tmp_path: Path) -> None:
    """A laptop that holds the key indexes only records the server holds events of: a digest
    on a made-up record id would be a lookup, not an index."""
    atty = org.device(tmp_path / "atty", "attorney")
    made_up = secrets.token_hex(16)
    digest = org_blind_index(org.keys.index_key, "a_number", "099555002").hex()
    posted = httpx.post(
        f"{org.server.url}/v1/index",
        json={
            "records": [{"record_id": made_up, "index": [{"kind": "a_number", "digest": digest}]}]
        },
        headers=bearer(atty),
        timeout=30,
    )
    assert posted.status_code == 200 and posted.json() == {"indexed": 0, "refused": 1}
    with org.store.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM org_index")).scalar_one() == 0


def test_the_org_index_answers_a_few_hundred_lookups_an_hour_not_a_dictionary(
    org: Org, tmp_path: Path
) -> None:
    """A laptop that does hold the key (an attorney's) gets at most 300 records looked up in
    an hour; each record carries one digest of each kind at most."""
    honest = org.device(tmp_path / "honest", "attorney")
    rogue = org.device(tmp_path / "rogue", "attorney")
    index_key = rogue.sync_secret("org_index_key")
    assert index_key is not None
    target = org_blind_index(index_key, "a_number", "099555001").hex()
    org_public = org.keys.pair.public

    def probe(digests: list[tuple[str, str]]) -> dict[str, Any]:
        item = sealed_item(secrets.token_hex(16), secrets.token_hex(16), b"x", org_public)
        item["index"] = [{"kind": k, "digest": d} for k, d in digests]
        return item

    item = sealed_item(secrets.token_hex(16), secrets.token_hex(16), b"x", org_public)
    item["index"] = [{"kind": "a_number", "digest": target}]
    assert push_raw(org, honest, [item]).status_code == 200  # a real person, on another laptop
    many = [("a_number", secrets.token_hex(32)), ("a_number", secrets.token_hex(32))]
    assert push_raw(org, rogue, [probe(many)]).status_code == 422  # two of one kind
    four = [(k, secrets.token_hex(32)) for k in ("a_number", "ssn", "name_dob", "a_number")]
    assert push_raw(org, rogue, [probe(four)]).status_code == 422
    # 300 guesses in an hour are answered (a clinic day enters about a hundred people) ...
    guesses = [probe([("a_number", secrets.token_hex(32))]) for _ in range(299)]
    guesses.append(probe([("a_number", target)]))
    answer = push_raw(org, rogue, guesses).json()
    assert len(answer["matches"]) == 1 and answer["matches_withheld"] == 0
    # ... the 301st is kept but not looked up
    again = push_raw(org, rogue, [probe([("a_number", target)])]).json()
    assert again["matches"] == [] and again["matches_withheld"] == 1
    # another device is not slowed by the one that guessed
    item = sealed_item(secrets.token_hex(16), secrets.token_hex(16), b"x", org_public)
    item["index"] = [{"kind": "a_number", "digest": target}]
    assert len(push_raw(org, honest, [item]).json()["matches"]) >= 1


def around(session: Session) -> tuple[dt.date, dt.date]:
    today = clock.now().date()
    return today - dt.timedelta(days=1), today + dt.timedelta(days=1)


def test_the_servers_tallies_tie_no_flag_to_a_record(org: Org, tmp_path: Path) -> None:
    """The server's per-record tallies attached 'removal_order', 'criminal_felony' to a record
    id; flags are now counted on the laptop only, even if an older laptop sends them."""
    laptop = org.device(tmp_path / "a", "volunteer")
    item = sealed_item(secrets.token_hex(16), secrets.token_hex(16), b"x", org.keys.pair.public)
    item["tally"] = {"type": "screened", "date": "2026-11-21", "flags": ["removal_order"]}
    assert push_raw(org, laptop, [item]).status_code == 200
    [kept] = org.store.tallies("2026-11-21", "2026-11-21")
    assert kept["type"] == "screened" and "flags" not in kept
    # and a laptop of this version never sends them
    [rid] = laptop.import_people([person(1)]).record_ids
    det = {"outcome": "attorney_review", "request_type": "renewal", "flags": [{"code": "detained"}]}
    laptop.append_event(rid, EventType.SCREENED, {"determination": det})
    assert counts_for(laptop, *around(laptop)).total.flags["detained"] == 1  # counted here
    SyncClient(laptop).sync()
    assert not any("flags" in t for t in org.store.tallies("2000-01-01", "2100-01-01"))


# -- roles per user: the org key is each holder's own (issue 17 point 6) ----------------------


def opened_anything(session: Session, secret: bytes) -> bool:
    """Whether anything the session's data key opens, anywhere in the clinic file, holds
    ``secret``: what a volunteer account with the code of ClinicDay in hand can reach."""
    path = session.clinic.data_dir / "clinic.db"
    with sqlite3.connect(path) as db:
        rows = db.execute("SELECT key, value FROM meta").fetchall()
    for key, value in rows:
        try:
            blob = base64.b64decode(value, validate=True)
        except ValueError:
            continue
        name = key.split(".")[-1]
        for record, item in (("-", f"sync/{name}"), ("-", f"sync/{key}"), ("-", key)):
            try:
                if secret in session.keys.open_file(record, item, blob):
                    return True
            except VaultError:  # the attacker tries everything; this one does not open
                continue
    return secret in path.read_bytes()


def test_a_volunteer_account_cannot_open_the_org_key_kept_on_its_laptop(
    org: Org, tmp_path: Path
) -> None:
    laptop = org.device(tmp_path / "coord", "coordinator")  # admin keeps the org key
    laptop.add_user("vol", "volunteer", PASSPHRASE)
    private = org.keys.pair.private
    admin = Clinic(tmp_path / "coord").unlock("admin", PASSPHRASE)
    assert admin.sync_secret("org_private_key") == private
    vol = Clinic(tmp_path / "coord").unlock("vol", PASSPHRASE)
    assert vol.sync_secret("org_private_key") is None
    assert vol.sync_secret("org_signing_key") is None
    assert not opened_anything(vol, private)
    assert not opened_anything(vol, org.keys.signing)
    # a copy moved to the volunteer's name does not open either (bound to its user)
    with sqlite3.connect(tmp_path / "coord" / "clinic.db") as db:
        db.execute(
            "UPDATE meta SET key = 'own.org_private_key.vol' "
            "WHERE key = 'own.org_private_key.admin'"
        )
    with pytest.raises(Exception, match="cannot be opened"):
        Clinic(tmp_path / "coord").unlock("vol", PASSPHRASE).sync_secret("org_private_key")


def test_holders_give_the_org_key_to_the_attorneys_and_coordinators_they_add(
    org: Org, tmp_path: Path
) -> None:
    from clinic.core import Desk

    org.device(tmp_path / "c", "coordinator")
    desk = Desk(tmp_path / "c")
    desk.sign_in("admin", PASSPHRASE)
    desk.admin.add_user("lee", "attorney", PASSPHRASE)
    desk.admin.add_user("kim", "volunteer", PASSPHRASE)
    private = org.keys.pair.private

    def kept(user: str, passphrase: str = PASSPHRASE) -> bytes | None:
        return Clinic(tmp_path / "c").unlock(user, passphrase).sync_secret("org_private_key")

    assert kept("lee") == private and kept("kim") is None
    # a new passphrase set by a holder: the copy follows it
    desk.admin.change_passphrase("another long passphrase 42", "lee")
    assert kept("lee", "another long passphrase 42") == private
    # one's own new passphrase: one's copy follows it, in the same session and the next
    desk.admin.change_passphrase("the admin's new long passphrase 7")
    assert desk.session.sync_secret("org_private_key") == private
    assert kept("admin", "the admin's new long passphrase 7") == private
    # disabled: the copy is gone from the file, not only the passphrase
    desk.admin.disable_user("lee")
    with sqlite3.connect(tmp_path / "c" / "clinic.db") as db:
        assert db.execute("SELECT count(*) FROM meta WHERE key LIKE 'own.%.lee'").fetchone() == (0,)


def test_an_older_laptops_shared_org_key_becomes_the_first_holders_own(
    org: Org, tmp_path: Path
) -> None:
    """An older version sealed the org key with the data key (every user could open it): the
    first attorney, coordinator or admin to sign in takes it as their own and the shared copy
    is deleted; a volunteer signing in first changes nothing."""
    from clinic.core import Desk

    laptop = org.device(tmp_path / "c", "coordinator")
    laptop.add_user("vol", "volunteer", PASSPHRASE)
    private = org.keys.pair.private
    # as an older version kept it
    laptop._set_sync_settings(
        {"secret.org_private_key": laptop._sealed_secret("org_private_key", private)}
    )
    with sqlite3.connect(tmp_path / "c" / "clinic.db") as db:
        db.execute("DELETE FROM meta WHERE key LIKE 'own.%'")
    vol = Desk(tmp_path / "c")
    vol.sign_in("vol", PASSPHRASE)
    assert vol.session._sync_setting("secret.org_private_key") is not None
    admin = Desk(tmp_path / "c")
    admin.sign_in("admin", PASSPHRASE)
    assert admin.session.sync_secret("org_private_key") == private
    assert not opened_anything(Clinic(tmp_path / "c").unlock("vol", PASSPHRASE), private)
    assert [e.action for e in admin.session.audit_log()][-1] == "org_key_kept"


def test_a_volunteer_syncing_on_a_coordinators_laptop_leaves_the_rest_for_a_holder(
    org: Org, tmp_path: Path
) -> None:
    other = org.device(tmp_path / "other", "volunteer")
    [rid] = other.import_people([person(2)]).record_ids
    SyncClient(other).sync()
    laptop = org.device(tmp_path / "coord", "coordinator")
    laptop.add_user("vol", "volunteer", PASSPHRASE)
    vol = Clinic(tmp_path / "coord").unlock("vol", PASSPHRASE)
    first = SyncClient(vol).sync()
    assert first.pulled == 0 and len(first.quarantined) == 2  # only the org key opens them
    admin = Clinic(tmp_path / "coord").unlock("admin", PASSPHRASE)
    later = SyncClient(admin).sync()
    assert later.pulled == 2 and later.quarantined == []
    assert admin.load(rid).answers["birth.city"] == person(2)["birth.city"]
    assert admin.sync_state().org_rewind is None


def test_an_older_laptops_cd_seal_v1_events_still_reach_and_open(org: Org, tmp_path: Path) -> None:
    """Issue 17 point 8: laptops now seal with HPKE (cd-seal-v2); an event a laptop running an
    older version sealed with cd-seal-v1 (short recipient ids) is still taken by the server and
    opened by an attorney's laptop."""
    from clinic.sync.crypto import key_id_of, seal_v1

    vol = org.device(tmp_path / "vol", "volunteer")
    [rid] = vol.import_people([person(4)]).record_ids
    atty = org.device(tmp_path / "atty", "attorney", org_key=True)
    ev = forged_event(rid, vol.clinic.device_id, author="admin")
    org_public = org.keys.pair.public
    old = seal_v1(
        signed_by(vol, ev, "admin"),
        {key_id_of(org_public): org_public},
        associated(ev.event_id, rid),
    )
    item = {
        "event_id": ev.event_id,
        "record_id": rid,
        "envelope": base64.b64encode(old).decode(),
        "tally": {},
    }
    assert push_raw(org, vol, [item]).status_code == 200
    report = SyncClient(atty).sync()
    assert ev.event_id not in report.quarantined
    assert ev.event_id in [e.event_id for e in atty.events(rid)]


def test_a_laptops_token_alone_no_longer_reads_the_counts_or_makes_codes(
    org: Org, tmp_path: Path
) -> None:
    """Issue 17 point 6: a volunteer account on a coordinator's laptop can read the laptop's
    token (every user unwraps the data key), but the organization's own requests (its counts,
    enrollment codes) must be signed with the org signing key, which only the users who keep
    it can open; a signed request cannot be replayed, and an old one is refused."""
    from clinic.sync.signing import REQUEST_HEADER, sign_request
    from tests.sync_fixture import org_signed

    laptop = org.device(tmp_path / "coord", "coordinator")  # admin keeps the org key
    laptop.add_user("vol", "volunteer", PASSPHRASE)
    vol = Clinic(tmp_path / "coord").unlock("vol", PASSPHRASE)
    url = f"{org.server.url}/v1/tallies?from=2026-11-01&to=2026-11-30"
    stolen = httpx.get(url, headers=bearer(vol), timeout=30)
    assert stolen.status_code == 403
    assert "not signed with the organization's key" in stolen.json()["detail"]
    # signed with a key of the volunteer's own making
    fake = OrgKeys.generate()
    headers = {
        **bearer(vol),
        REQUEST_HEADER: sign_request(
            fake.signing,
            "GET",
            "/v1/tallies",
            "from=2026-11-01&to=2026-11-30",
            b"",
            laptop.clinic.device_id,
            int(clock.now().timestamp()),
        ),
    }
    assert httpx.get(url, headers=headers, timeout=30).status_code == 403
    # the holder's request works once; the same bytes again are refused
    admin = Clinic(tmp_path / "coord").unlock("admin", PASSPHRASE)
    first = org_signed(admin, "GET", url)
    assert first.status_code == 200
    replay = httpx.get(url, headers=dict(first.request.headers), timeout=30)
    assert replay.status_code == 403 and "already used" in replay.json()["detail"]
    # one signed ten minutes ago (a captured request) is refused
    with clock.use(clock.FixedClock(clock.now() - dt.timedelta(minutes=10))):
        old = org_signed(admin, "GET", url)
    assert old.status_code == 403 and "too old" in old.json()["detail"]
    # through ClinicDay: the volunteer is refused by the core; the admin reads the counts
    with pytest.raises(SyncError, match="keeps the organization's key"):
        SyncClient(vol).tallies(None, "2026-11-01", "2026-11-30")
    assert isinstance(SyncClient(admin).tallies(None, "2026-11-01", "2026-11-30"), list)


def rewrite_audit(data: Path, session: Session, seq: int, action: str, detail: str) -> None:
    """What an account with the laptop's data key can do (every user of a laptop unwraps it):
    change audit entry ``seq`` in the database file and make the whole chain after it again,
    so that the laptop's own check finds nothing wrong."""
    with sqlite3.connect(data / "clinic.db") as db:
        db.execute("UPDATE audit SET action = ?, detail = ? WHERE seq = ?", (action, detail, seq))
        columns = ("seq", "at", "user", "device_id", "action", "record_id", "detail")
        rows = db.execute(
            "SELECT seq, at, user, device_id, action, record_id, detail FROM audit ORDER BY seq"
        ).fetchall()
        prev = b""
        for row in rows:
            mac = session.keys.audit_mac(prev, dict(zip(columns, row, strict=True)))
            db.execute("UPDATE audit SET mac = ? WHERE seq = ?", (mac, row[0]))
            prev = mac


def test_a_laptops_audit_log_rewritten_after_a_sync_is_caught_and_its_first_words_kept(
    org: Org, tmp_path: Path
) -> None:
    """Issue 17 point 6. Before: the server kept only the newest entry's number and MAC, so a
    log rewritten with the data key (the chain made again) passed the laptop's check and the
    next sync, and what was first written was gone. Now every entry goes to the server at sync,
    sealed to the organization and signed by the laptop; the rewrite is caught at the next
    sync, named to the operator, and the org key reads the entry as it was first written."""
    data = tmp_path / "lap"
    laptop = org.device(data, "volunteer")
    [rid] = laptop.import_people([person(0)]).record_ids
    laptop.audit_export(rid, "packet 0123456789ab to a folder")
    SyncClient(laptop).sync()
    [exported] = [e for e in laptop.audit_log() if e.action == "export"]

    rewrite_audit(data, laptop, exported.seq, action="view", detail="opened")
    again = Clinic(data).unlock("admin", PASSPHRASE)
    assert again.check() == []  # the laptop alone cannot tell
    assert not [e for e in again.audit_log() if e.action == "export"]
    report = SyncClient(again).sync()
    assert report.audit_warning and "rewritten" in report.audit_warning, report.audit_warning

    key_file = tmp_path / "org-key.json"
    key_file.write_text(org.key_file)
    clinic = clinic_command({**os.environ, "CLINIC_ORG_PASSPHRASE": ORG_PASSPHRASE})
    db = org.server.db
    devices = clinic("server", "devices", "--db", db)
    assert devices.returncode == 0, devices.stderr
    device_id = again.clinic.device_id
    assert "AUDIT LOG REWRITTEN" in devices.stdout, devices.stdout
    assert f"device {device_id}" in devices.stderr and "rewritten" in devices.stderr
    copy = clinic("server", "audit", device_id, "--db", db, "--org-key", str(key_file))
    assert copy.returncode == 1, copy.stderr  # the log was rewritten: not a clean bill
    line = next(x for x in copy.stdout.splitlines() if x.split()[0] == str(exported.seq))
    assert "export" in line and "packet 0123456789ab to a folder" in line, copy.stdout
    assert "cannot be read" not in copy.stdout  # every copy opens and its signature holds


def first_audit_copy(org: Org, laptop: Session, envelope: bytes) -> httpx.Response:
    """POST an envelope as a laptop's first audit copy, as its token can (whatever ClinicDay
    itself would send)."""
    entry = {"seq": 1, "mac": "ab" * 32, "envelope": base64.b64encode(envelope).decode()}
    return httpx.post(
        f"{org.server.url}/v1/audit",
        json={"prev_seq": 0, "entries": [entry]},
        headers=bearer(laptop),
        timeout=30,
    )


def test_the_server_keeps_no_audit_copy_it_was_not_sent_by_the_laptop(
    org: Org, tmp_path: Path
) -> None:
    """The server's copies are the laptop's: an entry sealed to the organization but signed by
    no laptop, or not sealed to it, is not taken as the laptop's word."""
    laptop = org.device(tmp_path / "lap", "volunteer")
    laptop.audit_action("rules_installed", "test")
    outsider = KeyPair.generate()
    envelope = seal(b"{}", {recipient_id_of(outsider.public): outsider.public}, b"audit:1|x")
    refused = first_audit_copy(org, laptop, envelope)
    assert refused.status_code == 422 and "organization's key" in refused.text, refused.text
    # one sealed to the organization but unsigned is kept (the server cannot tell), and the
    # organization's reading names it as not the laptop's
    org_public = org.keys.pair.public
    device_id = laptop.clinic.device_id
    unsigned = seal(
        b"{}", {recipient_id_of(org_public): org_public}, f"audit:1|{device_id}".encode()
    )
    kept = first_audit_copy(org, laptop, unsigned)
    assert kept.status_code == 200 and kept.json()["held"] == 1, kept.text
    from clinic.server.admin import read_audit_copies

    [copy] = read_audit_copies(org.store, org.keys, device_id)
    assert copy.entry is None and copy.problem, copy
    # and the laptop's own next sync finds its entry 1 is not what the server holds
    report = SyncClient(laptop).sync()
    assert report.audit_warning and "entry 1" in report.audit_warning, report.audit_warning


def test_what_the_server_keeps_is_sealed_hybrid_post_quantum(org: Org, tmp_path: Path) -> None:
    """Issue 17 point 8. Before: every event the server keeps for years was sealed with X25519
    alone, which a future quantum computer opens from the public key. An organization set up
    now has an ML-KEM-768 half: laptops seal to it hybrid (ML-KEM-768 + X25519). Someone holding
    the X25519 private key alone opens none of the server's envelopes; the coordinator's laptop,
    with the org key file, reads them all; a key file without the ML-KEM half is refused."""
    from sqlalchemy import select

    from clinic.server import schema as server_schema
    from clinic.sync.crypto import SealError, open_sealed

    volunteer = org.device(tmp_path / "vol", "volunteer")
    [rid] = volunteer.import_people([person(0)]).record_ids
    assert volunteer.sync_state().org_pq_public_key == org.keys.pq_public  # pinned at enrollment
    SyncClient(volunteer).sync()
    with org.store.engine.connect() as conn:
        rows = conn.execute(
            select(server_schema.events.c.event_id, server_schema.events.c.envelope).where(
                server_schema.events.c.record_id == rid
            )
        ).all()
    assert rows
    org_id = recipient_id_of(org.keys.pair.public)
    for event_id, envelope in rows:
        bound = associated(str(event_id), rid)
        with pytest.raises(SealError, match="post-quantum"):
            open_sealed(bytes(envelope), org_id, org.keys.pair.private, bound)
        assert open_sealed(bytes(envelope), org_id, org.keys.pair.private, bound, org.keys.pq)
    # the audit copies the server keeps are sealed the same way
    device_id = volunteer.clinic.device_id
    with org.store.engine.connect() as conn:
        copies = conn.execute(
            select(server_schema.audit_copies.c.seq, server_schema.audit_copies.c.envelope).where(
                server_schema.audit_copies.c.device_id == device_id
            )
        ).all()
    assert len(copies) == len(volunteer.audit_log())
    for seq, envelope in copies:
        bound = associated(f"audit:{seq}", device_id)
        with pytest.raises(SealError, match="post-quantum"):
            open_sealed(bytes(envelope), org_id, org.keys.pair.private, bound)
        assert open_sealed(bytes(envelope), org_id, org.keys.pair.private, bound, org.keys.pq)

    coordinator = org.device(tmp_path / "coord", "coordinator")
    SyncClient(coordinator).sync()
    assert coordinator.load(rid).answers["name.family"] == person(0)["name.family"]

    # a copy of the org key file without its ML-KEM half does not pass for the organization's
    from clinic.sync.crypto import export_org_keys

    halved = OrgKeys(org.keys.org_id, org.keys.pair, org.keys.index_key, org.keys.signing)
    other = org.device(tmp_path / "coord2", "coordinator", org_key=False)
    with pytest.raises(SyncError, match="post-quantum"):
        SyncClient(other).import_org_keys(
            export_org_keys(halved, ORG_PASSPHRASE, FAST), ORG_PASSPHRASE
        )


def test_a_server_restored_from_an_older_backup_gets_the_audit_copies_again_without_alarm(
    org: Org, tmp_path: Path
) -> None:
    """The laptop remembers the newest copy the server keeps (so a sync with nothing new asks
    nothing); a server restored from a backup that holds fewer is sent everything again with
    the next new entry, and is not taken for a rewritten log."""
    from clinic.server import schema as server_schema

    laptop = org.device(tmp_path / "lap", "volunteer")
    SyncClient(laptop).sync()
    sent = laptop.sync_state().audit_sent
    assert sent > 0 and sent == org.store.audit_held(laptop.clinic.device_id)[0]
    with org.store.engine.begin() as conn:  # the backup predates every copy
        conn.execute(server_schema.audit_copies.delete())
    laptop.audit_action("rules_installed", "test")  # something new to send
    report = SyncClient(laptop).sync()
    assert report.audit_warning is None, report.audit_warning
    held = org.store.audit_held(laptop.clinic.device_id)[0]
    assert held >= sent and laptop.sync_state().audit_sent == held
    assert not [d for d in org.store.devices() if d.audit_alarm]
