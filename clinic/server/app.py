"""The sync server's HTTP API (FastAPI; OpenAPI at ``/docs``), version 1.

Every endpoint but ``/v1/health`` and ``/v1/enroll`` needs a device token
(``Authorization: Bearer ...``): an unknown or revoked token gets 401, a role without the right
403. Errors are one line (``{"detail": ...}``) naming the field or the rule, never a value.
"""

# No "from __future__ import annotations": FastAPI reads these annotations at runtime, and the
# dependencies they name (device, manager) are local to create_app.

import base64
import binascii
import json
import logging
import os
import re
import time
from collections import deque
from collections.abc import Awaitable, Callable
from typing import Annotated
from urllib.parse import unquote, unquote_plus

from fastapi import Depends, FastAPI, Header, HTTPException, Query, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import InterfaceError, OperationalError, ProgrammingError

from clinic import clock
from clinic.domain.roles import a_role, may_index
from clinic.errors import Reason
from clinic.server.storage import (
    Conflict,
    Device,
    NewEvent,
    ServerError,
    ServerStore,
    database_trouble,
)
from clinic.sync.crypto import SealError, key_id_of, proof_of, recipient_id_of, recipients_of
from clinic.sync.models import (
    Alert,
    AuditHeld,
    AuditPush,
    DeviceInfo,
    EnrollCodeRequest,
    EnrollRequest,
    EnrollResponse,
    FormPack,
    IndexRequest,
    Match,
    Problem,
    PulledEvent,
    PullResponse,
    PushRequest,
    PushResponse,
)
from clinic.sync.signing import REQUEST_HEADER, REQUEST_SKEW, check_request

MANAGERS = ("coordinator", "admin")
# the largest body a laptop sends: a batch of 500 sealed events (BATCH is 200) with room to spare
MAX_BODY = 32 * 2**20


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str, field: str) -> bytes:
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        raise HTTPException(422, f"{field}: not base64") from None


_SUSPECT_ESCAPE = re.compile(rb"\\u(?:0000|[dD][89a-fA-F][0-9a-fA-F]{2})")


def _sealed_to(org_keys: set[str], text: str, where: str) -> tuple[bytes, list[str]]:
    """An envelope sent in base64 and its recipients, refused (422, naming ``where``) unless
    it is one the organization can open (one of its keys ``org_keys`` among them)."""
    envelope = _unb64(text, where)
    try:
        recipients = recipients_of(envelope)
    except SealError:
        raise HTTPException(422, f"{where}: not a sealed envelope") from None
    if not org_keys & set(recipients):  # a record the organization could never open
        raise HTTPException(422, f"{where}: not sealed to the organization's key")
    return envelope, recipients


def _bad_text(value: object) -> bool:
    """Whether a string anywhere in ``value`` holds NUL or an unpaired surrogate."""
    if isinstance(value, str):
        return "\x00" in value or any(0xD800 <= ord(c) <= 0xDFFF for c in value)
    if isinstance(value, dict):
        return any(_bad_text(k) or _bad_text(v) for k, v in value.items())
    if isinstance(value, list):
        return any(_bad_text(v) for v in value)
    return False


log = logging.getLogger("clinic.server")


class Tries:
    """Failed attempts by client address in a sliding window (this process's memory): an
    address over ``limit`` failures in ``window`` seconds is turned away until they age out."""

    def __init__(self, limit: int = 20, window: float = 600.0) -> None:
        self.limit = limit
        self.window = window
        self.seen: dict[str, deque[float]] = {}

    def _recent(self, where: str) -> deque[float]:
        times = self.seen.setdefault(where, deque())
        while times and times[0] < time.monotonic() - self.window:
            times.popleft()
        return times

    def spent(self, where: str) -> bool:
        return len(self._recent(where)) >= self.limit

    def failed(self, where: str, times: int = 1) -> None:
        self._recent(where).extend([time.monotonic()] * times)
        if len(self.seen) > 10_000:  # never grows without bound
            self.seen = {k: v for k, v in self.seen.items() if v}

    def count(self, where: str) -> int:
        return len(self._recent(where))


# Records a device may have looked up in the org index in an hour (a clinic day enters about a
# hundred people): past it, their digests are kept but no match is answered, and it is logged.
INDEX_LOOKUPS_PER_HOUR = 300


DB_ENV = "CLINIC_SERVER_DB"


def app_from_environment() -> FastAPI:
    """The API for a process manager, over the database named by ``CLINIC_SERVER_DB`` (a
    SQLAlchemy URL), which must be migrated already (``clinic server migrate``): each worker
    calls this, none migrates. ``uvicorn --factory clinic.server.app:app_from_environment
    --workers 4``, or ``clinic serve --workers 4``, which migrates once and then starts them."""
    url = os.environ.get(DB_ENV)
    if not url:
        raise ServerError(f"{DB_ENV} is not set: it names the server's database (a URL)")
    store = ServerStore(url)
    store.check_migrated()
    return create_app(store)


def create_app(store: ServerStore) -> FastAPI:
    """The API over ``store`` (migrated by the caller)."""
    tries = Tries()
    lookups = Tries(limit=INDEX_LOOKUPS_PER_HOUR, window=3600.0)
    app = FastAPI(
        title="ClinicDay sync server",
        version="1",
        description="Stores sealed events it cannot read, de-identified tallies and org-level "
        "blind-index digests; enrolls devices; hands out alerts.",
        responses={
            400: {"model": Problem, "description": "refused (the detail says why)"},
            401: {"model": Problem, "description": "no token, an unknown or a revoked one"},
            403: {"model": Problem, "description": "the device's role may not do this"},
        },
    )

    database_down: list[str] = []  # this worker found the database gone (said once)

    @app.exception_handler(ServerError)
    async def _server_error(_request: Request, exc: ServerError) -> JSONResponse:
        body = {"detail": str(exc)} | ({"reason": exc.reason.value} if exc.reason else {})
        return JSONResponse(body, status_code=400)

    @app.exception_handler(OperationalError)
    @app.exception_handler(InterfaceError)
    @app.exception_handler(ProgrammingError)
    async def _database_gone(_request: Request, exc: Exception) -> JSONResponse:
        """The database stopped answering (or lost its tables): 503, one line in the log per
        outage, never a traceback; the laptop keeps its events and tries again later."""
        if not database_down:
            log.error("the database does not answer: %s", database_trouble(exc))
            database_down.append("request")
        return JSONResponse(
            {"detail": "the server's database is unavailable; try again later"}, status_code=503
        )

    @app.exception_handler(Conflict)
    async def _conflict(_request: Request, exc: Conflict) -> JSONResponse:
        problem = Problem(
            detail=f"{exc}: {', '.join(exc.event_ids[:20])}; nothing of this batch was stored",
            reason=Reason.CONFLICT.value,
            event_ids=list(exc.event_ids),
        )
        return JSONResponse(problem.model_dump(), status_code=409)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        """One line naming the field and the rule; never the value that was sent."""
        errors = exc.errors()
        first = errors[0] if errors else {"loc": (), "msg": "invalid request"}
        where = ".".join(str(p) for p in first.get("loc", ()) if p not in ("body", "query", "path"))
        return JSONResponse({"detail": f"{where or 'request'}: {first.get('msg', 'invalid')}"}, 422)

    @app.middleware("http")
    async def _clean_text(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        """Text with a NUL character or a broken (unpaired surrogate) character is refused
        before it reaches the database (PostgreSQL cannot store NUL in text)."""
        refused = JSONResponse(
            {"detail": "request: text with a NUL or a broken character is not accepted"}, 422
        )
        if _bad_text(unquote(request.url.path)) or _bad_text(unquote_plus(request.url.query)):
            return refused
        if request.method in ("POST", "PUT", "PATCH"):
            body = await request.body()
            # only a body with a NUL or a \u0000 / surrogate escape can hold such text: the
            # rest (nearly every push: base64 and plain JSON) is not parsed twice
            if b"\x00" in body or _SUSPECT_ESCAPE.search(body):
                try:
                    parsed = json.loads(body)
                except (ValueError, RecursionError):
                    parsed = None  # FastAPI answers malformed JSON itself
                if _bad_text(parsed):
                    return refused
        return await call_next(request)

    @app.middleware("http")
    async def _body_limit(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        """A body larger than any request a laptop sends is refused from its length alone,
        before it is read (and before the token is looked at): no one fills the server's
        memory with one request. A body of unstated length is refused too. Added last, so it
        runs first (Starlette runs the last middleware added outermost)."""
        if request.method in ("POST", "PUT", "PATCH"):
            length = request.headers.get("content-length")
            if length is None or not length.isdigit():
                return JSONResponse({"detail": "request: give the body's length"}, 411)
            if int(length) > MAX_BODY:
                return JSONResponse(
                    {"detail": f"request: a body over {MAX_BODY // 2**20} MiB is not accepted"},
                    413,
                )
        return await call_next(request)

    def device(authorization: Annotated[str | None, Header()] = None) -> Device:
        if not authorization or not authorization.startswith("Bearer "):
            raise HTTPException(401, "a device token is needed (Authorization: Bearer ...)")
        found = store.device_for_token(authorization.removeprefix("Bearer ").strip())
        if found is None:
            raise HTTPException(401, "unknown device token")
        if found.revoked:
            raise HTTPException(401, "this device was revoked")
        moment = clock.now()
        if found.expired(moment):
            raise HTTPException(
                401, "this device's token expired (unused for 90 days): enroll this laptop again"
            )
        if found.stale(moment):
            store.touch(found.device_id)
        return found

    async def manager(request: Request, me: Annotated[Device, Depends(device)]) -> Device:
        """A coordinator's or admin's laptop, and a request signed with the organization's
        signing key: a laptop's token alone (which any user of that laptop can read) does not
        make codes or read the organization's counts."""
        if me.role not in MANAGERS:
            raise HTTPException(403, f"a {me.role} may not do this")
        signing = store.signing_public_key()
        if signing is None:
            return me  # an organization set up before it had a signing key
        now = clock.now().timestamp()
        try:
            signature = check_request(
                signing,
                request.headers.get(REQUEST_HEADER),
                request.method,
                request.url.path,
                request.url.query,
                await request.body(),
                me.device_id,
                int(now),
            )
        except SealError as exc:
            raise HTTPException(
                403,
                f"{exc}: only a user who keeps the organization's key may do this",
            ) from None
        # once, across every worker of this server (the database keeps what was taken)
        if not store.take_signature(signature[:128], int(now), 2 * REQUEST_SKEW):
            raise HTTPException(403, "this signed request was already used")
        return me

    @app.get("/v1/health")
    def health() -> JSONResponse:
        """Up, and its database answers (what a load balancer or a process manager asks)."""
        problem = store.ping_problem()
        if problem:
            if not database_down:  # said once when it goes, not at every check
                log.error("the database does not answer: %s", problem)
                database_down.append(problem)
            return JSONResponse({"status": "database unavailable"}, status_code=503)
        if database_down:
            log.warning("the database answers again")
            database_down.clear()
        return JSONResponse({"status": "ok"})

    @app.get("/v1/org")
    def org(me: Annotated[Device, Depends(device)]) -> dict[str, str]:
        org_id, public = store.org()
        served = {"org_id": org_id, "public_key": _b64(public), "role": me.role}
        signing = store.signing_public_key()
        if signing is not None:
            served["signing_public_key"] = _b64(signing)
        pq = store.pq_public_key()
        if pq is not None:
            served["pq_public_key"] = _b64(pq)
        return served

    @app.post("/v1/enroll-codes")
    def add_code(
        body: EnrollCodeRequest, me: Annotated[Device, Depends(manager)]
    ) -> dict[str, str]:
        expires = store.add_enroll_code(
            body.code_id, body.proof, body.role, body.bundle, me.device_id, body.expires_in_hours
        )
        return {"code_id": body.code_id, "expires_at": expires}

    @app.post("/v1/enroll")
    def enroll(
        body: EnrollRequest,
        request: Request,
        authorization: Annotated[str | None, Header()] = None,
    ) -> EnrollResponse:
        """Enroll with a one-time code. A laptop enrolling again shows its current token
        (``Authorization``) to keep its device id. Wrong codes from one address are limited."""
        where = request.client.host if request.client else "?"
        if tries.spent(where):
            raise HTTPException(429, "enroll: too many wrong enrollment codes; wait and retry")
        public = _unb64(body.public_key, "public_key")
        if len(public) != 32:
            raise HTTPException(422, "public_key: an X25519 key has 32 bytes")
        _org_id, org_public = store.org()
        if public == org_public:
            raise HTTPException(422, "public_key: the organization's key is not a device key")
        current = None
        if authorization and authorization.startswith("Bearer "):
            current = authorization.removeprefix("Bearer ").strip()
        try:
            token, role, org_id, bundle = store.enroll(
                body.code_id,
                proof_of(body.auth),
                body.device_id,
                public,
                body.name,
                current_token=current,
            )
        except ServerError:
            tries.failed(where)
            raise
        return EnrollResponse(token=token, role=role, org_id=org_id, bundle=bundle)

    @app.get("/v1/devices")
    def devices(_me: Annotated[Device, Depends(manager)]) -> list[DeviceInfo]:
        return [
            DeviceInfo(
                device_id=d.device_id,
                name=d.name,
                role=d.role,
                public_key=_b64(d.public_key),
                enrolled_at=d.enrolled_at,
                revoked=d.revoked,
                last_seen=d.last_seen,
                audit_alarm=d.audit_alarm,
            )
            for d in store.devices()
        ]

    @app.get("/v1/device-keys")
    def device_keys(
        _me: Annotated[Device, Depends(device)],
        ids: Annotated[list[str], Query(max_length=200)],
    ) -> dict[str, str]:
        return {k: _b64(v) for k, v in store.device_keys(ids).items()}

    @app.post("/v1/devices/{device_id}/revoke")
    def revoke(device_id: str, _me: Annotated[Device, Depends(manager)]) -> dict[str, str]:
        store.revoke(device_id)
        return {"device_id": device_id, "revoked": "true"}

    @app.post(
        "/v1/events",
        responses={409: {"model": Problem, "description": "an event id with other bytes"}},
    )
    def push(body: PushRequest, me: Annotated[Device, Depends(device)]) -> PushResponse:
        batch: list[NewEvent] = []
        _org_id, org_public = store.org()
        org_keys = {recipient_id_of(org_public), key_id_of(org_public)}  # cd-seal-v2, v1
        for i, e in enumerate(body.events):
            envelope, recipients = _sealed_to(org_keys, e.envelope, f"events[{i}].envelope")
            batch.append(
                NewEvent(
                    event_id=e.event_id,
                    record_id=e.record_id,
                    envelope=envelope,
                    recipients=recipients,
                    # flags (criminal history, a removal order...) are counted on each
                    # laptop only: a server's tally never ties one to a record id
                    tally={k: v for k, v in e.tally.items() if k != "flags"},
                    # a volunteer's laptop holds no index key: what an older one sends (or a
                    # volunteer who kept the key guesses) is neither kept nor looked up
                    index=None
                    if e.index is None or not may_index(me.role)
                    else [(x.kind, x.digest) for x in e.index],
                )
            )
        audit = (body.audit_seq, body.audit_mac) if body.audit_seq else None
        # a Conflict (ids stored with other bytes) is answered 409 by its handler
        stored, duplicates, matches, warning = store.push(me, batch, audit)
        indexed = len(
            {e.record_id for e in body.events if e.index is not None and may_index(me.role)}
        )
        withheld = 0
        if indexed and lookups.count(me.device_id) + indexed > INDEX_LOOKUPS_PER_HOUR:
            withheld, matches = indexed, []
            log.warning(
                "device %s looked up %d records in the org index within an hour (limit %d): "
                "matches withheld",
                me.device_id,
                lookups.count(me.device_id) + indexed,
                INDEX_LOOKUPS_PER_HOUR,
            )
        lookups.failed(me.device_id, indexed)
        return PushResponse(
            stored=stored,
            duplicates=duplicates,
            matches=[Match(record_id=a, other_record_id=b, kind=k) for a, b, k in matches],
            audit_warning=warning,
            matches_withheld=withheld,
        )

    @app.get("/v1/audit")
    def audit_held(me: Annotated[Device, Depends(device)]) -> AuditHeld:
        """The newest of this laptop's audit entries the server keeps a copy of."""
        seq, mac = store.audit_held(me.device_id)
        return AuditHeld(held=seq, mac=mac)

    @app.post("/v1/audit")
    def audit_push(body: AuditPush, me: Annotated[Device, Depends(device)]) -> AuditHeld:
        """Keep this laptop's next audit entries (sealed to the organization: the server reads
        none); a log rewritten since its entries were sent is noted for coordinators."""
        entries = []
        _org_id, org_public = store.org()
        org_keys = {recipient_id_of(org_public)}
        for i, e in enumerate(body.entries):
            envelope, _ = _sealed_to(org_keys, e.envelope, f"entries[{i}].envelope")
            entries.append((e.seq, e.mac, envelope))
        held, stored, alarm = store.keep_audit(me, (body.prev_seq, body.prev_mac), entries)
        if alarm:
            log.warning("device %s: %s", me.device_id, alarm)
        mac = store.audit_held(me.device_id)[1]
        return AuditHeld(held=held, mac=mac, stored=stored, alarm=alarm)

    @app.post("/v1/index")
    def index(body: IndexRequest, me: Annotated[Device, Depends(device)]) -> dict[str, int]:
        """Digests of other laptops' records, from a laptop that holds the org index key (an
        attorney's, a coordinator's): a volunteer's laptop holds none and may send none."""
        if not may_index(me.role):
            raise HTTPException(403, f"index: {a_role(me.role)}'s laptop holds no index key")
        records = {r.record_id: {(x.kind, x.digest) for x in r.index} for r in body.records}
        indexed, refused = store.index_records(me, records)
        if refused:
            log.warning(
                "device %s indexed %d record ids the server holds no events of",
                me.device_id,
                refused,
            )
        return {"indexed": indexed, "refused": refused}

    @app.get("/v1/matches")
    def matches(me: Annotated[Device, Depends(device)]) -> list[Match]:
        """The records of this laptop that share an identifier with another record: ids and
        kinds (what "≈" shows), never a digest; no input, so nothing to guess with."""
        return [Match(record_id=a, other_record_id=b, kind=k) for a, b, k in store.matches_for(me)]

    @app.get("/v1/events")
    def pull(
        me: Annotated[Device, Depends(device)],
        after: Annotated[int, Query(ge=0, le=2**31 - 1)] = 0,
        limit: Annotated[int, Query(ge=1, le=1000)] = 200,
    ) -> PullResponse:
        keys = [recipient_id_of(me.public_key), key_id_of(me.public_key)]  # cd-seal-v2, v1
        if me.role != "volunteer":
            _org_id, org_public = store.org()
            keys += [recipient_id_of(org_public), key_id_of(org_public)]
        events, cursor, more = store.pull(me, after, limit, keys)
        return PullResponse(
            events=[
                PulledEvent(
                    cursor=e.cursor,
                    event_id=e.event_id,
                    record_id=e.record_id,
                    device_id=e.device_id,
                    envelope=_b64(e.envelope),
                    tally=e.tally,
                )
                for e in events
            ],
            cursor=cursor,
            more=more,
        )

    @app.get("/v1/alerts")
    def alerts(_me: Annotated[Device, Depends(device)]) -> list[Alert]:
        return [Alert(**a) for a in store.alerts()]

    @app.post("/v1/alerts")
    def add_alert(body: Alert, me: Annotated[Device, Depends(manager)]) -> dict[str, str]:
        store.add_alert(
            body.alert_id,
            body.effective,
            dict(body.texts),
            me.device_id,
        )
        return {"alert_id": body.alert_id}

    @app.get("/v1/forms")
    def forms(_me: Annotated[Device, Depends(device)]) -> list[FormPack]:
        return [FormPack(**p) for p in store.packs()]

    @app.post("/v1/forms")
    def publish(body: FormPack, _me: Annotated[Device, Depends(manager)]) -> dict[str, str]:
        store.add_pack(body.pack_key, body.body, body.signature)
        return {"pack_key": body.pack_key}

    @app.get("/v1/tallies")
    def tallies(
        _me: Annotated[Device, Depends(manager)],
        date_from: Annotated[str, Query(alias="from", pattern=r"^\d{4}-\d{2}-\d{2}$")],
        date_to: Annotated[str, Query(alias="to", pattern=r"^\d{4}-\d{2}-\d{2}$")],
    ) -> list[dict[str, object]]:
        return store.tallies(date_from, date_to)

    return app
