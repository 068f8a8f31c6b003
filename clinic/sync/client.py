"""The sync client: enroll a laptop, push its outbox, pull other laptops' events (DESIGN.md 6).

Everything secret the client keeps (the device token, the device's X25519 key, its Ed25519
signing key and certificate, the org index key and, on attorney and coordinator laptops, the org
private and signing keys) is sealed with the clinic's data key (``Session.set_sync_secrets``);
the rest (server URL, cursor, org id and public key) is kept in clear, none of it personal, and
the organization's identity is sealed beside it too (pinned).

A sync is resumable: the outbox is emptied batch by batch as the server acknowledges, the pull
cursor is saved after every page, and a retry after a dropped connection stores nothing twice
(the server acknowledges an event id it has with the same bytes).
"""

from __future__ import annotations

import base64
import dataclasses
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from http import HTTPStatus
from pathlib import Path
from typing import Any

import httpx
from pydantic import ValidationError

from clinic import clock
from clinic.domain.events import Event, EventError, EventType
from clinic.domain.roles import ROLE_NAMES, Role, may_approve, may_index
from clinic.domain.wire import decode_event, encode_event
from clinic.errors import Reason
from clinic.messages import say
from clinic.store.clinic import Session, StoreError
from clinic.store.syncstate import SyncState
from clinic.sync.crypto import (
    KeyPair,
    SealError,
    enroll_auth,
    enrollment_bundle,
    import_org_keys,
    open_bundle,
    open_sealed,
    org_blind_index,
    recipient_id_of,
    seal,
    seal_bundle,
    verify_signature,
    with_a_free_code,
)
from clinic.sync.models import (
    AUDIT_BATCH,
    AuditHeld,
    MatchList,
    Problem,
    PulledEvent,
    PullResponse,
    PushResponse,
)
from clinic.sync.signing import (
    REQUEST_HEADER,
    certify_device,
    make_grant,
    open_signed,
    read_grant,
    sign_event,
    sign_request,
)

BATCH = 200
AUDIT_BATCHES = 20  # audit entries sent per sync at most: AUDIT_BATCH times this (the rest next)
TIMEOUT = httpx.Timeout(30.0, connect=5.0)
REVIEW_TYPES = (EventType.REVIEW_COMMENT, EventType.REVIEW_RETURNED, EventType.REVIEW_APPROVED)
ENROLL_AGAIN = say(
    "this laptop was enrolled before events were signed: enroll it again with a new code "
    "(Settings > Sync > Enroll this laptop); nothing is lost"
)


NOT_ENROLLED = say("this laptop is not enrolled: run 'clinic sync enroll' first")


class SyncError(StoreError):
    """Sync cannot go on (not enrolled, server unreachable, refused): the message says why.

    A refusal by the server keeps its HTTP ``status``, its ``detail`` (the server's one line),
    its ``reason`` and the ``event_ids`` it names, for code that reacts to it (never by reading
    the text); ``status`` is ``None`` when no server answered."""

    def __init__(
        self,
        message: str,
        *,
        status: int | None = None,
        detail: str = "",
        reason: Reason | None = None,
        event_ids: Sequence[str] = (),
    ) -> None:
        super().__init__(message, reason=reason)
        self.status = status
        self.detail = detail
        self.event_ids = list(event_ids)  # the events a 409 names


@dataclass
class SyncReport:
    """What one sync did."""

    pushed: int = 0
    acknowledged_again: int = 0
    pulled: int = 0
    matches: list[tuple[str, str, str]] = field(default_factory=list)  # (record, other, kind)
    rejected: list[str] = field(default_factory=list)  # event ids the server refused (409)
    alerts: int = 0
    audit_warning: str | None = None
    packs: list[str] = field(default_factory=list)  # form packs received and kept
    rejected_packs: list[str] = field(default_factory=list)  # signature did not match
    quarantined: list[str] = field(default_factory=list)  # pulled events set aside
    matches_withheld: int = 0  # records the server did not look up (over its hourly limit)


QUARANTINE_KEPT = 500


def _aside(event_id: str, record_id: str, device_id: str, why: str) -> dict[str, str]:
    return {
        "event_id": event_id,
        "record_id": record_id,
        "device_id": device_id,
        "reason": why[:200],
    }


def _may_review(role: str) -> bool:
    """Whether a role named in a certificate or a signed event may send a review (the same
    rule the store applies to a local user: :func:`clinic.domain.roles.may_approve`)."""
    return role in ROLE_NAMES and may_approve(Role(role))


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def event_of(body: bytes, event_id: str, record_id: str) -> Event:
    """An event pulled from the server, in the one wire format (clinic.domain.wire)."""
    try:
        return decode_event(body, event_id=event_id, record_id=record_id)
    except EventError as exc:
        raise SealError(str(exc)) from None


def associated(event_id: str, record_id: str) -> bytes:
    return f"{event_id}|{record_id}".encode()


def org_index(index_key: bytes, answers: Mapping[str, Any]) -> list[dict[str, str]]:
    """The org-level blind-index digests of a record's identifiers."""
    from clinic.store.clinic import index_entries

    return [
        {"kind": kind, "digest": org_blind_index(index_key, kind, value).hex()}
        for kind, value in index_entries(answers)
    ]


def _check_server_url(url: str) -> None:
    """HTTPS, or plain HTTP only to this machine (tests, a server on the same laptop): a token
    sent in clear over a venue's Wi-Fi could be replayed."""
    from urllib.parse import urlparse

    parts = urlparse(url)
    local = parts.hostname in ("127.0.0.1", "localhost", "::1")
    if parts.scheme != "https" and not (parts.scheme == "http" and local):
        raise SyncError("server: use https:// (plain http only to this machine)")


class SyncClient:
    """Sync for one signed-in session."""

    def __init__(
        self,
        session: Session,
        http: httpx.Client | None = None,
        forms_dir: Path | None = None,
        *,
        server: str | None = None,
    ) -> None:
        self.session = session
        self.http = http or httpx.Client(timeout=TIMEOUT)
        self.forms_dir = forms_dir or session.clinic.data_dir / "forms"
        self.server_url = server  # another address of the server, for this client only

    # -- settings -------------------------------------------------------------------------------

    def _state(self) -> SyncState:
        """The sync state, refused if the organization's identity on this laptop was changed
        outside ClinicDay (a clear row no longer matches its sealed copy)."""
        state = self.session.sync_state()
        if state.tampered:
            raise SyncError(
                say(
                    "this laptop's link to the organization was changed outside ClinicDay "
                    "({names}); nothing is sent or received until it enrolls again",
                    names=", ".join(state.tampered),
                )
            )
        if state.enrolled and self.session.sync_secret("identity") is None:
            self.session.pin_sync_identity()  # enrolled by an earlier version: pinned now
        return state

    def server(self) -> str:
        url = self.server_url or self._state().server
        if not url:
            raise SyncError(NOT_ENROLLED)
        if self.server_url:
            _check_server_url(url)  # the token goes there: never over plain http elsewhere
        return url

    def _token(self) -> str:
        token = self.session.sync_secret("token")
        if token is None:
            raise SyncError(NOT_ENROLLED)
        return token.decode()

    def _headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self._token()}"}

    def _org_public(self) -> bytes:
        value = self._state().org_public_key
        if value is None:
            raise SyncError(NOT_ENROLLED)
        return value

    def _org_pq(self) -> dict[str, bytes]:
        """{org recipient id: its ML-KEM-768 public key}: events are sealed hybrid
        post-quantum to an organization that has one (empty for one set up before)."""
        pq = self._state().org_pq_public_key
        return {recipient_id_of(self._org_public()): pq} if pq else {}

    def _org_pair(self) -> KeyPair | None:
        """The org's key pair, for a user who keeps the org key file's private key here."""
        private = self.session.sync_secret("org_private_key")
        if private is None or not self.session.sync_state().org_id:
            return None
        return KeyPair(private, self._org_public())

    def _index_key(self) -> bytes | None:
        """The org index key on a laptop that looks people up (attorney, coordinator, admin);
        None on a volunteer's, which never holds it (one enrolled before is made to forget
        it at its next sync)."""
        index = self.session.sync_secret("org_index_key")
        role = self._state().role
        if index is not None and role and not may_index(role):
            self.session.set_sync_secrets({"org_index_key": None})
            return None
        return index

    # -- enrollment -------------------------------------------------------------------------------

    def enroll(self, server: str, code: str, name: str = "") -> str:
        """Enroll this laptop with a coordinator's one-time code; returns its role.

        The bundle the code opens must name the organization and the key the server itself
        serves (``GET /v1/org``): a code minted to seal records to another key, or a server
        answering with another organization, is refused and nothing is kept. A laptop enrolled
        before shows its current token, so it keeps its device id (no one else can take it)."""
        _check_server_url(server)
        server = server.rstrip("/")
        code_id, auth = enroll_auth(code)
        pair = KeyPair.generate()
        body = {
            "code_id": code_id,
            "auth": auth,
            "device_id": self.session.clinic.device_id,
            "public_key": _b64(pair.public),
            "name": name[:80],
        }
        current = self.session.sync_secret("token")
        headers = {"Authorization": f"Bearer {current.decode()}"} if current else {}
        response = self._call("POST", f"{server}/v1/enroll", json=body, auth=False, headers=headers)
        data = response.json()
        bundle = open_bundle(code, str(data["bundle"]))
        if bundle.get("org_id") != data["org_id"]:
            raise SyncError("the enrollment bundle names another organization")
        new_token = {"Authorization": f"Bearer {data['token']}"}
        served = self._call("GET", f"{server}/v1/org", auth=False, headers=new_token).json()
        pinned = ("org_id", "public_key", "signing_public_key", "pq_public_key")
        named = tuple(bundle.get(k) for k in pinned)
        if not isinstance(served, dict) or tuple(served.get(k) for k in pinned) != named:
            raise SyncError(
                say(
                    "enrollment refused: the code names another organization key than the "
                    "server's; nothing was kept (ask the coordinator for a new code)"
                )
            )
        # the organization's signed grant: this code, this role; then this laptop's own
        # signing key, certified with the code's key (the server cannot make one)
        signing_public = base64.b64decode(bundle["signing_public_key"])
        try:
            grant = read_grant(bundle.get("grant"), signing_public, str(data["org_id"]))
            if grant.role != data["role"]:
                raise SealError("the server names another role than the organization's grant")
            signing_seed, cert = certify_device(
                code,
                str(bundle["grant"]),
                self.session.clinic.device_id,
                signing_public,
                str(data["org_id"]),
            )
        except SealError as exc:
            raise SyncError(
                say(
                    "enrollment refused: the code is not signed by the organization ({why}); "
                    "nothing was kept (ask the coordinator for a new code)",
                    why=str(exc),
                )
            ) from None
        index = bundle.get("index_key") if may_index(str(data["role"])) else None
        pq_public = base64.b64decode(bundle["pq_public_key"]) if "pq_public_key" in bundle else None
        self.session.set_sync_secrets(
            {
                "token": str(data["token"]).encode(),
                "device_private_key": pair.private,
                "device_signing_key": signing_seed,
                "device_cert": cert.encode(),
                # a volunteer's laptop never holds it (an old code may still carry it)
                "org_index_key": base64.b64decode(index) if index else None,
            }
        )
        self.session.update_sync_state(
            server=server.rstrip("/"),
            org_id=str(data["org_id"]),
            org_public_key=base64.b64decode(bundle["public_key"]),
            org_signing_public_key=signing_public,
            org_pq_public_key=pq_public,
            device_public_key=pair.public,
            role=str(data["role"]),
            cursor=0,
        )
        return str(data["role"])

    def import_org_keys(self, text: str, passphrase: str) -> str:
        """Keep the org private key on this laptop (attorneys and coordinators)."""
        keys = import_org_keys(text, passphrase)
        state = self._state()
        if state.org_id and state.org_id != keys.org_id:
            raise SyncError("the org key file belongs to another organization")
        if state.org_public_key is not None and state.org_public_key != keys.pair.public:
            raise SyncError(
                "the org key file holds another key than the one this laptop enrolled with"
            )
        pinned = state.org_signing_public_key
        if keys.signing and pinned is not None and keys.signing_public != pinned:
            raise SyncError(
                "the org key file signs with another key than the one this laptop enrolled with"
            )
        if state.org_pq_public_key is not None and keys.pq_public != state.org_pq_public_key:
            raise SyncError(
                "the org key file holds another post-quantum key than the one this laptop "
                "enrolled with"
            )
        secrets_: dict[str, bytes | None] = {"org_private_key": keys.pair.private}
        if keys.pq:  # opens what is sealed hybrid post-quantum to the organization
            secrets_["org_pq_key"] = keys.pq
        if not state.role or may_index(state.role):  # all its users read it: not a volunteer's
            secrets_["org_index_key"] = keys.index_key
        if keys.signing:  # so this laptop can sign the grants of the codes it makes
            secrets_["org_signing_key"] = keys.signing
        self.session.set_sync_secrets(secrets_)
        # pulled again from the start: what this laptop could not open before (set aside, or
        # never sent to it) opens now; what it has is skipped
        self.session.update_sync_state(
            org_id=keys.org_id, org_public_key=keys.pair.public, cursor=0
        )
        return keys.org_id

    def make_enroll_code(self, role: str, hours: int = 72) -> str:
        """A one-time code for a new laptop (coordinators): returns the code to read out."""
        org_id = self.session.sync_state().org_id
        signing = self.session.sync_state().org_signing_public_key or b""
        seed = self.session.sync_secret("org_signing_key")
        if seed is None or not signing:
            raise SyncError(
                say(
                    "a code is signed by the organization: keep the org key file on this "
                    "laptop first (Settings > Sync > Keep the org key on this laptop)"
                )
            )
        index = self.session.sync_secret("org_index_key") if may_index(role) else None
        pq_public = self._state().org_pq_public_key or b""
        contents = enrollment_bundle(org_id, self._org_public(), index, signing, pq_public)

        def register(code: str, code_id: str, proof: str) -> str:
            grant = make_grant(seed, org_id, code, role)
            self._call(
                "POST",
                f"{self.server()}/v1/enroll-codes",
                org=True,
                json={
                    "code_id": code_id,
                    "proof": proof,
                    "role": role,
                    "bundle": seal_bundle(code, {**contents, "grant": grant}),
                    "expires_in_hours": hours,
                },
            )
            return code

        return with_a_free_code(register)

    # -- the sync ---------------------------------------------------------------------------------

    def sync(self) -> SyncReport:
        report = SyncReport()
        self.push(report)
        self.push_audit(report)
        self.pull(report)
        return report

    def push(self, report: SyncReport) -> None:
        org_public = self._org_public()
        org_id = recipient_id_of(org_public)
        pq = self._org_pq()
        index_key = self._index_key()
        server = self.server()
        seed = self.session.sync_secret("device_signing_key")
        cert_bytes = self.session.sync_secret("device_cert")
        roles = {u.username: u.role.value for u in self.session.list_users()}
        skip: set[str] = set()
        while True:
            batch = [
                item
                for item in self.session.outbox(BATCH + len(skip))
                if item[0].event_id not in skip
            ]
            if not batch:
                return
            origin = self._origin_keys([ev for ev, _t, sealed in batch if sealed is None])
            made: dict[str, bytes] = {}
            events = []
            for ev, tally, sealed in batch:
                if sealed is None:
                    if seed is None or cert_bytes is None:
                        raise SyncError(ENROLL_AGAIN)
                    recipients = {org_id: org_public}
                    if ev.type in REVIEW_TYPES and ev.record_id in origin:
                        recipients[recipient_id_of(origin[ev.record_id])] = origin[ev.record_id]
                    signed = sign_event(
                        seed,
                        cert_bytes.decode(),
                        encode_event(ev),
                        ev.event_id,
                        ev.record_id,
                        roles.get(ev.author, ""),
                    )
                    sealed = seal(signed, recipients, associated(ev.event_id, ev.record_id), pq)
                    made[ev.event_id] = sealed
                item: dict[str, Any] = {
                    "event_id": ev.event_id,
                    "record_id": ev.record_id,
                    "envelope": _b64(sealed),
                    # flags are counted on this laptop only: never tied to a record id elsewhere
                    "tally": {k: v for k, v in tally.items() if k != "flags"},
                }
                if ev.type is EventType.ANSWERS_SET and index_key is not None:
                    answers = self.session.load(ev.record_id).answers
                    item["index"] = org_index(index_key, answers)
                events.append(item)
            if made:  # kept before sending: a retry sends the very same bytes
                self.session.outbox_sealed(made)
            seq, mac = self.session.audit_head()
            body = {"events": events, "audit_seq": seq, "audit_mac": mac.hex() if seq else ""}
            try:
                response = self._call("POST", f"{server}/v1/events", json=body)
            except SyncError as exc:
                if exc.reason is not Reason.CONFLICT:
                    raise
                # the ids the server names in its refusal; else the whole batch
                sent = [e["event_id"] for e in events]
                ids = [i for i in sent if i in set(exc.event_ids)] or sent
                self.session.outbox_failed(ids)
                report.rejected.extend(ids)
                skip.update(ids)
                continue
            result = PushResponse.model_validate(response.json())
            self.session.outbox_done([e["event_id"] for e in events])
            report.pushed += result.stored
            report.acknowledged_again += result.duplicates
            report.matches.extend((m.record_id, m.other_record_id, m.kind) for m in result.matches)
            report.audit_warning = result.audit_warning or report.audit_warning
            report.matches_withheld += result.matches_withheld

    def push_audit(self, report: SyncReport) -> None:
        """Send the server a copy of each audit entry it does not hold yet, sealed to the
        organization and signed by this laptop, after the MAC of the newest it holds as this
        laptop has it now: a log rewritten since is caught there (and named to coordinators),
        and the organization keeps what was first written."""
        org_public = self._org_public()
        recipients = {recipient_id_of(org_public): org_public}
        pq = self._org_pq()
        seed = self.session.sync_secret("device_signing_key")
        cert_bytes = self.session.sync_secret("device_cert")
        if seed is None or cert_bytes is None:
            raise SyncError(ENROLL_AGAIN)
        device_id = self.session.clinic.device_id
        roles = {u.username: u.role.value for u in self.session.list_users()}
        server = self.server()
        state = self._state()
        held, theirs = state.audit_sent, state.audit_sent_mac
        if not held:  # not known here yet: asked
            try:
                answer = self._call("GET", f"{server}/v1/audit")
            except SyncError as exc:
                if exc.status == HTTPStatus.NOT_FOUND:  # a server older than this laptop
                    return
                raise
            at_server = AuditHeld.model_validate(answer.json())
            held, theirs = at_server.held, at_server.mac
        for _batch in range(AUDIT_BATCHES):
            mine = self.session.audit_mac_at(held) if held else b""
            entries = self.session.audit_after(held, AUDIT_BATCH)
            if not entries and mine is not None and mine.hex() == theirs:
                break  # nothing new, and the server's newest copy is what this laptop has
            copies = []
            for entry, mac in entries:
                wire = json.dumps(
                    {**dataclasses.asdict(entry), "mac": mac.hex()}, sort_keys=True
                ).encode("utf-8")
                name = f"audit:{entry.seq}"
                signed = sign_event(
                    seed, cert_bytes.decode(), wire, name, device_id, roles.get(entry.user, "")
                )
                sealed = seal(signed, recipients, associated(name, device_id), pq)
                copies.append({"seq": entry.seq, "mac": mac.hex(), "envelope": _b64(sealed)})
            body = {
                "prev_seq": held,
                "prev_mac": mine.hex() if mine else "",
                "entries": copies,
            }
            kept = AuditHeld.model_validate(
                self._call("POST", f"{server}/v1/audit", json=body).json()
            )
            if kept.alarm:
                report.audit_warning = kept.alarm
                return
            moved = kept.held != held
            held, theirs = kept.held, kept.mac  # fewer after a restore: sent again from there
            if not moved:
                break  # nothing more kept (a gap): next sync starts from what is held
        self.session.update_sync_state(audit_sent=held, audit_sent_mac=theirs)

    def _origin_keys(self, events: Sequence[Event]) -> dict[str, bytes]:
        """For records with review events: the public key of the device that created them."""
        origin: dict[str, str] = {}
        for ev in events:
            if ev.type in REVIEW_TYPES and ev.record_id not in origin:
                created = [
                    e for e in self.session.events(ev.record_id) if e.type is EventType.CREATED
                ]
                if created and created[0].device_id != self.session.clinic.device_id:
                    origin[ev.record_id] = created[0].device_id
        if not origin:
            return {}
        response = self._call(
            "GET",
            f"{self.server()}/v1/device-keys",
            params=[("ids", d) for d in sorted(set(origin.values()))],
        )
        keys = {k: base64.b64decode(v) for k, v in response.json().items()}
        return {rid: keys[dev] for rid, dev in origin.items() if dev in keys}

    def pull(self, report: SyncReport) -> None:
        server = self.server()
        device_private = self.session.sync_secret("device_private_key")
        device_public = self.session.sync_state().device_public_key
        org = self._org_pair()
        state = self._state()
        if state.org_signing_public_key is None:
            raise SyncError(ENROLL_AGAIN)
        checker = (state.org_signing_public_key, state.org_id)
        openers: list[tuple[str, bytes, bytes]] = []
        if org is not None:
            pq_private = self.session.sync_secret("org_pq_key") or b""
            openers.append((recipient_id_of(org.public), org.private, pq_private))
            if state.org_rewind is not None:  # pulled meanwhile by a user without the org key
                self.session.update_sync_state(
                    cursor=min(state.org_rewind, state.cursor), org_rewind=None
                )
        elif self.session.org_key_kept_here():
            # this user keeps no copy of the org key, but others here do: what only it opens
            # is set aside now, and pulled again by the next of them to sync
            self.session.update_sync_state(
                org_rewind=min(state.cursor, state.org_rewind or state.cursor)
            )
        if device_private is not None and device_public is not None:
            openers.append((recipient_id_of(device_public), device_private, b""))
        while True:
            cursor = self.session.sync_state().cursor
            response = self._call(
                "GET", f"{server}/v1/events", params={"after": cursor, "limit": BATCH}
            )
            page = PullResponse.model_validate(response.json())
            pulled: list[tuple[Event, Mapping[str, Any]]] = []
            aside: list[dict[str, str]] = []
            for item in page.events:
                try:
                    pulled.append((self._open_pulled(item, openers, checker), item.tally))
                except SealError as exc:  # set aside, named; the rest goes on
                    aside.append(_aside(item.event_id, item.record_id, item.device_id, str(exc)))
            report.pulled += self._ingest(pulled, aside)
            self._set_aside(aside, report, taken={ev.event_id for ev, _t in pulled})
            self._index_pulled([ev for ev, _t in pulled if ev.type is EventType.ANSWERS_SET])
            self.session.update_sync_state(cursor=page.cursor)
            if not page.more:
                break
        self._matches(report)
        raw = self._call("GET", f"{server}/v1/alerts").json()
        if not isinstance(raw, list):
            raise SyncError("the server's alerts are not a list")
        alerts = [
            {str(k): v for k, v in a.items() if isinstance(v, str)}
            for a in raw
            if isinstance(a, dict)
        ]
        self.session.update_sync_state(alerts=alerts)
        report.alerts = len(alerts)
        self.pull_packs(report)

    def _index_pulled(self, answered: Sequence[Event]) -> None:
        """On a laptop that holds the org index key: the blind-index digests of the records
        whose answers came from other laptops (a volunteer's laptop holds no key and sends
        none), so the same person checked in on two laptops is found."""
        index_key = self._index_key()
        if index_key is None or not answered:
            return
        records = []
        for record_id in sorted({ev.record_id for ev in answered}):
            try:
                answers = self.session.load(record_id).answers
            except (StoreError, EventError):  # not stored (set aside): nothing to index
                continue
            records.append({"record_id": record_id, "index": org_index(index_key, answers)})
        for start in range(0, len(records), BATCH):
            self._call(
                "POST",
                f"{self.server()}/v1/index",
                json={"records": records[start : start + BATCH]},
            )

    def _matches(self, report: SyncReport) -> None:
        """Who else the organization's index finds for this laptop's records (indexed here,
        or by an attorney's or coordinator's laptop): record ids and kinds, never digests."""
        known = set(report.matches)
        for m in MatchList.validate_python(self._call("GET", f"{self.server()}/v1/matches").json()):
            found = (m.record_id, m.other_record_id, m.kind)
            if found not in known:
                known.add(found)
                report.matches.append(found)

    def _open_pulled(
        self,
        item: PulledEvent,
        openers: Sequence[tuple[str, bytes, bytes]],
        checker: tuple[bytes, str],
    ) -> Event:
        """A pulled event opened with this laptop's keys, its signature checked back to the
        organization (:mod:`clinic.sync.signing`) and read like an import; raises
        :class:`SealError` naming why it cannot be taken."""
        envelope = base64.b64decode(item.envelope)
        body = None
        why = "cannot be opened with this laptop's keys"
        for key_id, private, pq_private in openers:
            try:
                body = open_sealed(
                    envelope, key_id, private, associated(item.event_id, item.record_id), pq_private
                )
                break
            except SealError as exc:
                if "post-quantum" in str(exc):  # the one reason worth naming
                    why = str(exc)
                continue
        if body is None:
            raise SealError(why)
        signed = open_signed(body, item.event_id, item.record_id, *checker)
        event = event_of(signed.wire, item.event_id, item.record_id)
        if event.device_id != signed.sender.device_id or event.device_id != item.device_id:
            raise SealError("claims another laptop than the one that signed and sent it")
        if event.type in REVIEW_TYPES and not (
            _may_review(signed.sender.role) and _may_review(signed.author_role)
        ):
            raise SealError(
                f"a review from a {signed.sender.role} laptop by a "
                f"{signed.author_role or 'unknown'} user: only attorneys review"
            )
        return event

    def _ingest(
        self, pulled: list[tuple[Event, Mapping[str, Any]]], aside: list[dict[str, str]]
    ) -> int:
        """Store a page of pulled events; if the page cannot be stored whole, each one alone,
        setting aside those that cannot (content other than the copy here, a record whose
        events no longer fold)."""
        try:
            return self.session.ingest(pulled)
        except (StoreError, EventError):
            pass  # one of them cannot be stored: each alone, to find which
        stored = 0
        for one in pulled:
            try:
                stored += self.session.ingest([one])
            except (StoreError, EventError) as exc:
                ev = one[0]
                aside.append(_aside(ev.event_id, ev.record_id, ev.device_id, str(exc)))
        return stored

    def _set_aside(
        self, aside: list[dict[str, str]], report: SyncReport, *, taken: set[str]
    ) -> None:
        """Keep the events set aside (the newest QUARANTINE_KEPT) for the status line and
        ``clinic check``; the pull goes on past them. One set aside before and taken now (its
        key imported since) leaves the list."""
        before = [dict(q) for q in self.session.sync_state().quarantined]
        failed = {a["event_id"] for a in aside}
        kept = [q for q in before if q.get("event_id") not in taken - failed]
        if not aside and len(kept) == len(before):
            return
        report.quarantined.extend(a["event_id"] for a in aside)
        known = {q.get("event_id") for q in kept}
        kept.extend(a for a in aside if a["event_id"] not in known)
        self.session.update_sync_state(quarantined=kept[-QUARANTINE_KEPT:])

    def pull_packs(self, report: SyncReport) -> None:
        """Form packs the organization signed: checked, then kept for this clinic's forms."""
        from clinic.packet.library import FormLibrary

        signing = self.session.sync_state().org_signing_public_key
        packs = self._call("GET", f"{self.server()}/v1/forms").json()
        if not packs:
            return
        if signing is None:
            raise SyncError("form packs came from the server, but this laptop has no key to check")
        library = FormLibrary(self.forms_dir)
        for item in packs:
            body = str(item["body"])
            try:
                verify_signature(signing, body.encode("utf-8"), item["signature"])
            except SealError:
                report.rejected_packs.append(str(item.get("pack_key", "")))
                continue
            if library.receive_pack(body) is not None:
                report.packs.append(str(item["pack_key"]))

    def tallies(self, server: str | None, date_from: str, date_to: str) -> list[dict[str, Any]]:
        """The organization's de-identified tallies for a period (coordinators and admins)."""
        if server:
            _check_server_url(server)
        url = (server or self.server()).rstrip("/")
        response = self._call(
            "GET", f"{url}/v1/tallies", org=True, params={"from": date_from, "to": date_to}
        )
        rows = response.json()
        if not isinstance(rows, list):
            raise SyncError("the server's tallies are not a list")
        return rows

    # -- HTTP -------------------------------------------------------------------------------------

    def _call(
        self, method: str, url: str, *, auth: bool = True, org: bool = False, **kwargs: Any
    ) -> httpx.Response:
        """One request; with ``org``, signed with the signed-in user's copy of the
        organization's signing key (:func:`clinic.sync.signing.sign_request`)."""
        headers = self._headers() if auth else dict(kwargs.pop("headers", None) or {})
        request = self.http.build_request(method, url, headers=headers, **kwargs)
        if org:
            self.sign_org_request(request)
        try:
            try:
                response = self.http.send(request)
            except httpx.RemoteProtocolError:
                # the server closed a kept-alive connection just as this request went out (it
                # was never read): once more, on a new connection. Every authenticated call
                # may be sent twice (a push is acknowledged again, not stored twice).
                if not auth or org:
                    raise
                response = self.http.send(request)
        except httpx.HTTPError as exc:
            raise SyncError(
                say(
                    "the server at {server} cannot be reached ({kind}); everything stays queued "
                    "on this laptop",
                    server=url.split("/v1/")[0],
                    kind=type(exc).__name__,
                )
            ) from None
        return self._checked(response)

    def sign_org_request(self, request: httpx.Request) -> None:
        """Sign ``request`` with the signed-in user's copy of the organization's signing key
        (the organization's own operations: codes, counts, devices); refused for a user who
        keeps none."""
        seed = self.session.sync_secret("org_signing_key")
        if seed is None:
            raise SyncError(
                say(
                    "only a user who keeps the organization's key may do this: keep the org "
                    "key file on this laptop first (Settings > Sync > Keep the org key on "
                    "this laptop)"
                )
            )
        request.headers[REQUEST_HEADER] = sign_request(
            seed,
            request.method,
            request.url.path,
            request.url.query.decode("ascii"),
            request.read(),
            self.session.clinic.device_id,
            int(clock.now().timestamp()),
        )

    def _checked(self, response: httpx.Response) -> httpx.Response:
        """``response``, or the server's refusal as a :class:`SyncError`."""
        if response.status_code >= 400:
            try:
                problem = Problem.model_validate(response.json())
            except (ValueError, ValidationError):
                problem = Problem(detail=response.reason_phrase)
            status = response.status_code
            reason = next((r for r in Reason if r.value == problem.reason), None)
            if status == HTTPStatus.CONFLICT:
                reason = Reason.CONFLICT
            raise SyncError(
                say(
                    "the server refused ({status}): {detail}", status=status, detail=problem.detail
                ),
                status=status,
                detail=problem.detail,
                reason=reason,
                event_ids=problem.event_ids,
            )
        return response
