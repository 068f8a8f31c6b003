"""Sync end to end with real server processes on localhost, over SQLite and PostgreSQL: three
laptops pushing and pulling, review outcomes reaching the volunteer, duplicates across laptops,
conflicts, replays and 409s, 401/403, a server killed mid-push, and a canary search of the
server's database and of every request body."""

from __future__ import annotations

import base64
import json
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import text

from clinic.core.review import review_record
from clinic.domain.events import EventType
from clinic.store.clinic import Session
from clinic.sync.client import SyncClient, SyncError
from clinic.sync.signing import sign_event
from tests.conftest import ROOT, person
from tests.sync_fixture import Org, org_signed

CANARY_FAMILY = "Zqxcanaryfamily"
CANARY_A = "099777111"


def fake_packet(session: Session, record_id: str) -> None:
    """A packet event (the files are not needed to review it here)."""
    session.append_event(record_id, EventType.PACKET_BUILT, {"packet_hash": "ab" * 32, "files": []})


def test_three_laptops_push_pull_and_review_outcomes_reach_the_volunteer(
    org: Org, tmp_path: Path
) -> None:
    a = org.device(tmp_path / "a", "volunteer")
    b = org.device(tmp_path / "b", "volunteer")
    atty = org.device(tmp_path / "atty", "attorney", org_key=True)
    [a1, a2] = a.import_people([person(1), person(2)]).record_ids
    [b1] = b.import_people([person(3)]).record_ids
    fake_packet(a, a1)
    reports = {n: SyncClient(s).sync() for n, s in (("a", a), ("b", b), ("atty", atty))}
    assert reports["a"].pushed == 5 and reports["b"].pushed == 2
    assert a.outbox_count() == b.outbox_count() == 0
    # the attorney's laptop (org key) sees everyone, decrypted, with the same answers
    assert set(atty.record_ids()) == {a1, a2, b1}
    assert atty.load(b1).answers == b.load(b1).answers
    # the attorney approves a's packet; the outcome reaches a (sealed to a's device), not b
    review_record(atty, a1, "approve")
    SyncClient(atty).sync()
    assert SyncClient(a).sync().pulled == 1
    assert a.load(a1).approved_packet == "ab" * 32
    assert SyncClient(b).sync().pulled == 0
    assert set(b.record_ids()) == {b1}  # a volunteer's laptop gets no one else's people
    # nothing doubled anywhere
    assert org.store.event_count() == 8
    again = SyncClient(a).sync()
    assert again.pushed == 0 and again.pulled == 0


def test_the_same_person_on_two_laptops_is_flagged_without_the_server_learning_who(
    org: Org, tmp_path: Path
) -> None:
    """Volunteers' laptops hold no index key (issue 17 point 3): the coordinator's laptop
    indexes what it pulls, and each volunteer's laptop then hears of its own records' twins."""
    a = org.device(tmp_path / "a", "volunteer")
    b = org.device(tmp_path / "b", "volunteer")
    coord = org.device(tmp_path / "coord", "coordinator")
    assert a.sync_secret("org_index_key") is None and b.sync_secret("org_index_key") is None
    [ra] = a.import_people([person(5)]).record_ids
    [rb] = b.import_people([person(5, **{"name.given": "Other"})]).record_ids
    assert SyncClient(a).sync().matches == []
    assert SyncClient(b).sync().matches == []  # no one has indexed them yet
    coordinator = SyncClient(coord).sync()
    assert (ra, rb, "a_number") not in coordinator.matches  # neither record is the coordinator's
    matches = SyncClient(b).sync().matches
    assert (rb, ra, "a_number") in matches and (rb, ra, "name_dob") in matches
    assert (ra, rb, "a_number") in SyncClient(a).sync().matches
    with org.store.engine.connect() as conn:
        digests = [r.digest for r in conn.execute(text("SELECT digest FROM org_index"))]
    assert digests and all(len(d) == 64 for d in digests)


def test_concurrent_edits_of_one_field_are_a_conflict_a_person_resolves(
    org: Org, tmp_path: Path
) -> None:
    a = org.device(tmp_path / "a", "volunteer")
    atty = org.device(tmp_path / "atty", "attorney", org_key=True)
    [rid] = a.import_people([person(1)]).record_ids
    SyncClient(a).sync()
    SyncClient(atty).sync()
    answers = a.load(rid).answers
    a.set_answers(rid, {**answers, "birth.city": "Busan", "mailing.city": "Glendale"})
    atty.set_answers(rid, {**answers, "birth.city": "Incheon"})
    SyncClient(a).sync()
    SyncClient(atty).sync()
    state = atty.load(rid)
    assert "birth.city" in state.conflicts  # kept, never silently lost
    values = {v for _ver, v in state.conflicts["birth.city"].values}
    assert values == {"Busan", "Incheon"}
    assert state.answers["mailing.city"] == "Glendale"  # different fields merge
    atty.resolve_conflict(rid, "birth.city", "Busan")
    assert "birth.city" not in atty.load(rid).conflicts
    SyncClient(atty).sync()
    # the volunteer's laptop gets attorney edits only through review events, by design; the
    # attorney's copy is settled
    assert atty.load(rid).answers["birth.city"] == "Busan"


def test_replays_are_acknowledged_and_other_bytes_are_a_409(org: Org, tmp_path: Path) -> None:
    a = org.device(tmp_path / "a", "volunteer")
    a.import_people([person(1)])
    client = SyncClient(a)
    batch = client.session.outbox(10)
    client.sync()
    token = a.sync_secret("token")
    assert token is not None
    headers = {"Authorization": f"Bearer {token.decode()}"}
    with org.store.engine.connect() as conn:
        stored = conn.execute(text("SELECT event_id, envelope, tally, record_id FROM events")).all()
    events = [
        {
            "event_id": r.event_id,
            "record_id": r.record_id,
            "envelope": base64.b64encode(bytes(r.envelope)).decode(),
            "tally": json.loads(r.tally),
        }
        for r in stored
    ]
    again = httpx.post(f"{org.server.url}/v1/events", json={"events": events}, headers=headers)
    assert again.status_code == 200 and again.json()["duplicates"] == len(batch)
    tampered = [dict(events[0])]
    raw = bytearray(base64.b64decode(tampered[0]["envelope"]))
    raw[-1] ^= 1
    tampered[0]["envelope"] = base64.b64encode(bytes(raw)).decode()
    # from another laptop, an event id already stored with other bytes is a 409
    other = org.device(tmp_path / "other", "volunteer")
    other_token = other.sync_secret("token")
    assert other_token is not None
    other_headers = {"Authorization": f"Bearer {other_token.decode()}"}
    refused = httpx.post(
        f"{org.server.url}/v1/events", json={"events": tampered}, headers=other_headers
    )
    assert refused.status_code == 409
    assert refused.json()["reason"] == "conflict"
    assert refused.json()["event_ids"] == [tampered[0]["event_id"]]
    # from the laptop that sent it (it sealed it again after losing its first envelope): it
    # was delivered already, and is acknowledged, not stored twice
    again = httpx.post(f"{org.server.url}/v1/events", json={"events": tampered}, headers=headers)
    assert again.status_code == 200 and again.json()["duplicates"] == 1
    assert org.store.event_count() == len(batch)


def test_tokens_and_roles(org: Org, tmp_path: Path) -> None:
    vol = org.device(tmp_path / "v", "volunteer")
    coord = org.device(tmp_path / "c", "coordinator", org_key=True)
    url = org.server.url

    def auth(session: Session) -> dict[str, str]:
        token = session.sync_secret("token")
        assert token is not None
        return {"Authorization": f"Bearer {token.decode()}"}

    assert httpx.get(f"{url}/v1/events").status_code == 401
    assert (
        httpx.get(f"{url}/v1/events", headers={"Authorization": "Bearer nope"}).status_code == 401
    )
    assert httpx.get(f"{url}/v1/devices", headers=auth(vol)).status_code == 403
    assert (
        httpx.get(f"{url}/v1/tallies?from=2026-01-01&to=2026-12-31", headers=auth(vol)).status_code
        == 403
    )
    # the organization's own requests are signed with its key, not only the laptop's token
    assert httpx.get(f"{url}/v1/devices", headers=auth(coord)).status_code == 403
    assert org_signed(coord, "GET", f"{url}/v1/devices").status_code == 200
    # a coordinator makes a code through the API; a volunteer may not
    code = SyncClient(coord).make_enroll_code("volunteer")
    with pytest.raises(SyncError, match="keep the org key file"):  # it cannot sign a grant
        SyncClient(vol).make_enroll_code("volunteer")
    mint = {"code_id": "ABCD", "proof": "0" * 64, "role": "volunteer", "bundle": "x" * 40}
    refused = httpx.post(f"{url}/v1/enroll-codes", json=mint, headers=auth(vol))
    assert refused.status_code == 403  # and the server refuses a volunteer's token
    third = org.device(tmp_path / "t", "volunteer")  # through the server-side code path
    assert third.sync_state().role == "volunteer"
    # a code works once
    fourth_dir = tmp_path / "f"
    from clinic.store.clinic import Clinic
    from tests.conftest import PASSPHRASE, make_clinic

    make_clinic(fourth_dir)
    fourth = Clinic(fourth_dir).unlock("admin", PASSPHRASE)
    SyncClient(fourth).enroll(url, code)
    fifth_dir = tmp_path / "g"
    make_clinic(fifth_dir)
    fifth = Clinic(fifth_dir).unlock("admin", PASSPHRASE)
    with pytest.raises(SyncError, match="used already"):
        SyncClient(fifth).enroll(url, code)
    # revoked: 401 from then on
    device_id = vol.clinic.device_id
    revoke = f"{url}/v1/devices/{device_id}/revoke"
    assert httpx.post(revoke, headers=auth(coord)).status_code == 403  # the token alone
    assert org_signed(coord, "POST", revoke).status_code == 200
    assert httpx.get(f"{url}/v1/events", headers=auth(vol)).status_code == 401
    with pytest.raises(SyncError, match="401"):
        SyncClient(vol).sync()


class KillAfterSecondPush(httpx.BaseTransport):
    """The server stores the second batch, then dies before its answer arrives."""

    def __init__(self, server: Any) -> None:
        self.inner = httpx.HTTPTransport()
        self.server = server
        self.pushes = 0

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = self.inner.handle_request(request)
        if request.method == "POST" and request.url.path == "/v1/events":
            self.pushes += 1
            if self.pushes == 2:
                response.read()
                self.server.kill()
                raise httpx.ReadError("the connection dropped", request=request)
        return response


def test_the_server_killed_mid_push_loses_nothing_and_doubles_nothing(
    org: Org, tmp_path: Path
) -> None:
    a = org.device(tmp_path / "a", "volunteer")
    a.import_people([person(n) for n in range(300)])  # 600 events: 3 batches of 200
    total = a.outbox_count()
    client = SyncClient(a, httpx.Client(transport=KillAfterSecondPush(org.server)))
    with pytest.raises(SyncError, match="cannot be reached"):
        client.sync()
    assert a.outbox_count() == total - 200  # the first batch was acknowledged
    assert org.store.event_count() == 400  # the second was stored, its answer lost
    org.server.start()  # restarted on the same database
    report = SyncClient(a).sync()
    assert report.acknowledged_again == 200 and report.pushed == 200
    assert a.outbox_count() == 0
    assert org.store.event_count() == total
    # and killed at a random moment while a large push is in flight
    a.import_people([person(n) for n in range(300, 600)])
    total += 600

    def kill_soon() -> None:
        time.sleep(0.3)  # not threading.Timer: its timed wait hangs under faketime (CI)
        org.server.kill()

    killer = threading.Thread(target=kill_soon)
    killer.start()
    try:
        SyncClient(a).sync()
    except SyncError as exc:
        assert "cannot be reached" in str(exc)
    killer.join()
    org.server.start()
    SyncClient(a).sync()
    assert a.outbox_count() == 0
    assert org.store.event_count() == total


def test_no_personal_data_reaches_the_server(org: Org, tmp_path: Path, db_url: str) -> None:
    bodies: list[bytes] = []

    def capture(request: httpx.Request) -> None:
        bodies.append(request.content)

    a = org.device(tmp_path / "a", "volunteer")
    atty = org.device(tmp_path / "atty", "attorney", org_key=True)
    canary = person(7, **{"name.family": CANARY_FAMILY, "a_number": CANARY_A})
    [rid] = a.import_people([canary]).record_ids
    fake_packet(a, rid)
    http = httpx.Client(event_hooks={"request": [capture]})
    SyncClient(a, http).sync()
    atty_http = httpx.Client(event_hooks={"request": [capture]})
    SyncClient(atty, atty_http).sync()
    review_record(atty, rid, "comment", f"check {CANARY_FAMILY}")
    SyncClient(atty, atty_http).sync()
    assert atty.load(rid).answers["name.family"] == CANARY_FAMILY  # it did travel, sealed
    needles = [CANARY_FAMILY.encode(), CANARY_FAMILY.lower().encode(), CANARY_A.encode()]
    for body in bodies:
        for needle in needles:
            assert needle not in body
    if db_url.startswith("sqlite:///"):
        db_file = Path(db_url.removeprefix("sqlite:///"))
        for path in db_file.parent.glob(db_file.name + "*"):
            data = path.read_bytes()
            for needle in needles:
                assert needle not in data, path
    else:
        with org.store.engine.connect() as conn:
            for table in ("events", "org_index", "devices", "enroll_codes", "alerts", "org"):
                for row in conn.execute(text(f"SELECT * FROM {table}")):  # noqa: S608
                    blob = repr(tuple(row)).encode()
                    for needle in needles:
                        assert needle not in blob, table


def test_signed_form_packs_and_alerts_come_down(org: Org, tmp_path: Path) -> None:
    from clinic.packet.automap import draft_pack
    from clinic.server.admin import post_alert, publish_pack
    from tests.test_worksheet import make_worksheet

    body = draft_pack(make_worksheet(tmp_path / "ws.pdf")).to_yaml()
    publish_pack(org.store, org.keys, "I-765WS 08/21/25", body)
    post_alert(
        org.store, "2026-12-fees", "2026-12-01", {"en": "New fees soon.", "ko": "", "es": ""}
    )
    a = org.device(tmp_path / "a", "volunteer")
    report = SyncClient(a).sync()
    assert report.packs == ["I-765WS 08/21/25"] and report.alerts == 1
    kept = list((tmp_path / "a" / "forms" / "packs").rglob("*.yaml"))
    assert len(kept) == 1 and "signed" in kept[0].read_text(encoding="utf-8")
    assert a.sync_state().alerts[0]["en"] == "New fees soon."
    # a pack changed on the server (not by the organization) is refused, never kept
    with org.store.engine.begin() as conn:
        conn.execute(text("UPDATE packs SET body = body || '# changed'"))
    b = org.device(tmp_path / "b", "volunteer")
    report = SyncClient(b).sync()
    assert report.packs == [] and report.rejected_packs == ["I-765WS 08/21/25"]
    assert not (tmp_path / "b" / "forms" / "packs").exists()


def test_the_commands_end_to_end(org: Org, tmp_path: Path) -> None:
    """clinic server enroll-code, clinic sync enroll, clinic sync, clinic server devices."""
    import os

    from tests.conftest import PASSPHRASE, make_clinic
    from tests.sync_fixture import ORG_PASSPHRASE, clinic_command

    key_file = tmp_path / "org-key.json"
    key_file.write_text(org.key_file, encoding="utf-8")
    clinic = clinic_command({**os.environ, "CLINIC_ORG_PASSPHRASE": ORG_PASSPHRASE})

    made = clinic(
        "server",
        "enroll-code",
        "--db",
        org.server.db,
        "--org-key",
        str(key_file),
        "--role",
        "volunteer",
    )
    assert made.returncode == 0, made.stderr
    code = made.stdout.strip().splitlines()[-1]
    laptop = make_clinic(tmp_path / "laptop")
    unlock = {"CLINIC_USER": "admin", "CLINIC_PASSPHRASE": PASSPHRASE}
    enrolled = clinic(
        "sync", "--data", str(laptop), "enroll", org.server.url, CLINIC_ENROLL_CODE=code, **unlock
    )
    assert enrolled.returncode == 0, enrolled.stderr
    assert "enrolled as a volunteer laptop" in enrolled.stdout
    again = clinic(
        "sync", "--data", str(laptop), "enroll", org.server.url, CLINIC_ENROLL_CODE=code, **unlock
    )
    assert again.returncode == 2 and "used already" in again.stderr
    synced = clinic("sync", "--data", str(laptop), **unlock)
    assert synced.returncode == 0, synced.stderr
    assert "pushed" in synced.stdout
    listed = clinic("server", "devices", "--db", org.server.db)
    assert "volunteer" in listed.stdout
    bad = clinic("server", "alert", "x", "--db", org.server.db, "--effective", "soon", "--en", "Hi")
    assert bad.returncode == 2 and "effective" in bad.stderr


def test_tls_and_the_api_docs(tmp_path: Path) -> None:
    """clinic serve --tls-cert/--tls-key serves HTTPS; OpenAPI is at /docs and /openapi.json."""
    import datetime as dt

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    from tests.sync_fixture import Server, free_port

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName(
                [x509.IPAddress(__import__("ipaddress").ip_address("127.0.0.1"))]
            ),
            critical=False,
        )
        .sign(key, hashes.SHA256())
    )
    cert_file, key_file = tmp_path / "cert.pem", tmp_path / "key.pem"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    server = Server(f"sqlite:///{tmp_path / 's.db'}", free_port())
    server.tls = (str(cert_file), str(key_file))
    server.start()
    try:
        url = f"https://127.0.0.1:{server.port}"
        import ssl

        with httpx.Client(verify=ssl.create_default_context(cafile=str(cert_file))) as client:
            assert client.get(f"{url}/v1/health").json() == {"status": "ok"}
            assert client.get(f"{url}/docs").status_code == 200
            schema = client.get(f"{url}/openapi.json").json()
            assert "/v1/events" in schema["paths"]
        with pytest.raises(httpx.ConnectError):
            httpx.get(f"{url}/v1/health")  # an unknown certificate is refused by default
    finally:
        server.stop()
    # a missing file, or the two files swapped: named before the server says it is serving
    db = f"sqlite:///{tmp_path / 's.db'}"
    for cert_arg, key_arg, said in (
        (str(tmp_path / "nope.pem"), str(key_file), "--tls-cert"),
        (str(key_file), str(cert_file), "check that each option names the right file"),
    ):
        refused = subprocess.run(
            [
                sys.executable,
                "-m",
                "clinic",
                "serve",
                "--db",
                db,
                "--port",
                str(free_port()),
                "--tls-cert",
                cert_arg,
                "--tls-key",
                key_arg,
            ],
            capture_output=True,
            text=True,
            cwd=ROOT,
            timeout=60,
        )
        assert refused.returncode == 2 and said in refused.stderr, refused.stderr
        assert "sync server on" not in refused.stdout


def test_a_laptop_enrolls_again_after_its_answer_was_lost(org: Org, tmp_path: Path) -> None:
    a = org.device(tmp_path / "a", "volunteer")
    old_token = a.sync_secret("token")
    assert old_token is not None
    assert SyncClient(a).enroll(org.server.url, org.code("volunteer")) == "volunteer"
    headers = {"Authorization": f"Bearer {old_token.decode()}"}
    assert httpx.get(f"{org.server.url}/v1/events", headers=headers).status_code == 401
    a.import_people([person(1)])
    assert SyncClient(a).sync().pushed == 2


def test_an_event_claiming_another_laptop_is_refused(org: Org, tmp_path: Path) -> None:
    """A device may only send its own events: one that names another laptop is not ingested."""
    from clinic.domain.wire import encode_event
    from clinic.sync.client import associated
    from clinic.sync.crypto import recipient_id_of, seal

    a = org.device(tmp_path / "a", "volunteer")
    atty = org.device(tmp_path / "atty", "attorney", org_key=True)
    [rid] = a.import_people([person(1)]).record_ids
    SyncClient(a).sync()
    SyncClient(atty).sync()
    forged = a.events(rid)[0]
    forged = type(forged)(
        event_id="f" * 32,
        record_id=rid,
        type=EventType.CLOSED,
        clock=99,
        device_id=atty.clinic.device_id,  # pretends to come from the attorney's laptop
        author="atty",
        at=forged.at,
        payload={},
    )
    org_public = a.sync_state().org_public_key or b""
    seed, cert = a.sync_secret("device_signing_key"), a.sync_secret("device_cert")
    assert seed is not None and cert is not None  # signed with its own key, as itself
    signed = sign_event(seed, cert.decode(), encode_event(forged), forged.event_id, rid, "admin")
    envelope = seal(
        signed, {recipient_id_of(org_public): org_public}, associated(forged.event_id, rid)
    )
    token = a.sync_secret("token")
    assert token is not None
    body = {
        "events": [
            {
                "event_id": forged.event_id,
                "record_id": rid,
                "envelope": base64.b64encode(envelope).decode(),
                "tally": {},
            }
        ]
    }
    pushed = httpx.post(
        f"{org.server.url}/v1/events",
        json=body,
        headers={"Authorization": f"Bearer {token.decode()}"},
    )
    assert pushed.status_code == 200
    a.import_people([person(2)])  # and a real event after it
    SyncClient(a).sync()
    report = SyncClient(atty).sync()  # set aside by name, never blocking what comes after
    assert report.quarantined == [forged.event_id]
    assert not atty.load(rid).closed
    assert report.pulled == 2  # the new person's events came through
    [aside] = atty.sync_state().quarantined
    assert aside["reason"] == "claims another laptop than the one that signed and sent it"
    assert any(forged.event_id[:12] in p and "set aside" in p for p in atty.check())


def test_enrollment_over_plain_http_is_refused_except_to_this_machine(tmp_path: Path) -> None:
    from clinic.store.clinic import Clinic
    from tests.conftest import PASSPHRASE, make_clinic

    session = Clinic(make_clinic(tmp_path / "c")).unlock("admin", PASSPHRASE)
    with pytest.raises(SyncError, match="https"):
        SyncClient(session).enroll("http://clinic.example.org", "ABCD-EFGH-JKLM-NPQR-STUV")


def test_a_packet_built_on_another_laptop_opens_for_the_attorney(org: Org, tmp_path: Path) -> None:
    """Only a packet's event travels; the attorney's laptop rebuilds it from the same answers,
    date and forms, keeps it if it is exactly the same, and approves only what was viewed."""
    import datetime as dt

    from clinic.core import Desk
    from clinic.core.packets import build_and_store_packet
    from clinic.errors import ClinicError
    from clinic.packet.library import FormLibrary
    from tests.conftest import PASSPHRASE
    from tests.forms_fixture import SHARED_FORMS

    if not (SHARED_FORMS / "i-821d_2025-01-20.pdf").is_file():
        pytest.skip("the official PDFs are not in ../shared/forms")
    a = org.device(tmp_path / "a", "volunteer")
    org.device(tmp_path / "atty", "attorney", org_key=True)
    [rid] = a.import_people([person(1)]).record_ids
    packet, _ = build_and_store_packet(a, rid, dt.date(2026, 11, 21), FormLibrary(SHARED_FORMS))
    SyncClient(a).sync()
    desk = Desk(tmp_path / "atty", forms_dir=SHARED_FORMS)
    desk.sign_in("admin", PASSPHRASE)
    SyncClient(desk.session).sync()
    view = desk.packets.view(rid)
    assert view.packet_hash == packet.packet_hash and len(view.files) == len(packet.files)
    with pytest.raises(ClinicError, match="newer packet"):
        desk.review.act(rid, "approve", packet_hash="0" * 64)
    desk.review.act(rid, "approve", packet_hash=view.packet_hash)
    assert desk.session.load(rid).approved_packet == packet.packet_hash


class _CutOnce(httpx.BaseTransport):
    """The network between a laptop and the real server, where the first push's connection
    is cut after the server read it (its answer is lost): what a server closing a kept-alive
    connection at the wrong moment, or a proxy, does."""

    def __init__(self) -> None:
        self.real = httpx.HTTPTransport()
        self.cut = 0

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = self.real.handle_request(request)
        if self.cut == 0 and request.method == "POST" and request.url.path == "/v1/events":
            response.read()
            self.cut += 1
            raise httpx.RemoteProtocolError("Server disconnected without sending a response.")
        return response


def test_a_push_whose_answer_is_lost_is_sent_again_and_stored_once(
    org: Org, tmp_path: Path
) -> None:
    """The client sends a cut request once more on a new connection: the server had stored
    the batch, so the second one is acknowledged and nothing is stored twice."""
    laptop = org.device(tmp_path / "a", "volunteer")
    laptop.import_people([person(1), person(2)])
    waiting = len(laptop.outbox(100))
    network = _CutOnce()
    report = SyncClient(laptop, http=httpx.Client(transport=network, timeout=30)).sync()
    assert network.cut == 1  # the answer to the first push never came
    assert report.acknowledged_again == waiting and report.pushed == 0
    assert org.store.event_count() == waiting  # stored once
    assert laptop.outbox(100) == []  # and the laptop knows it
