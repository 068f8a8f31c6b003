"""Fuzz the sync API from its own OpenAPI schema (schemathesis) against a real ``clinic serve``
process, over SQLite and PostgreSQL: every operation, with data that fits the schema and data that
does not, once without a token and once with a coordinator's device token.

What must hold, for every response:

- it is not a server error (status >= 500: schemathesis ``not_a_server_error``);
- for schema-valid requests, a documented status comes with the documented body
  (``response_schema_conformance``);
- a 4xx is the API's one-line error (``{"detail": "..."}``) or FastAPI's validation error;
- without a token, no operation but ``/v1/health`` and ``/v1/enroll`` answers 2xx.

Random bytes are never a sealed envelope, so ``POST /v1/events`` also gets a pass in which every
generated event carries a real one: the storage behind the validation (tallies, index digests,
the audit head) gets fuzzed too. And the test checks that the token pass reached the handlers
(2xx answers), so that it cannot pass by only ever meeting a 401.

A failure names the operation and the data, and gives a ``curl`` command that reproduces it (the
port is the test server's, long gone: start ``clinic serve`` and change it), followed by the
exception lines the server logged.
"""

from __future__ import annotations

import base64
import time
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
import requests
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.errors import Unsatisfiable
from schemathesis import Case, CheckFunction, GenerationMode, Response
from schemathesis.checks import not_a_server_error
from schemathesis.core.result import Ok
from schemathesis.specs.openapi.checks import response_schema_conformance

from clinic import clock
from clinic.sync.crypto import recipient_id_of, seal
from clinic.sync.signing import REQUEST_HEADER, sign_request
from tests.sync_fixture import Org  # the db_url and org fixtures come from conftest

MAX_EXAMPLES = 50  # per operation, generation mode and pass
OPEN = {"GET /v1/health", "POST /v1/enroll"}  # the operations that need no token
# With a coordinator's token every other operation must answer 2xx at least once: these two
# cannot, as random data never is an enrollment code or a device id the server knows.
NEVER_2XX = {"POST /v1/enroll", "POST /v1/devices/{device_id}/revoke"}


def sealed_envelope(org_public: bytes) -> str:
    """A real sealed envelope (to the organization's key, as the server requires), in base64,
    as a laptop pushes one."""
    return base64.b64encode(seal(b"{}", {recipient_id_of(org_public): org_public}, b"e|r")).decode()


def with_envelope(envelope: str) -> Callable[[Case[Any]], Case[Any]]:
    """Put ``envelope`` into every event of a generated push."""

    def put(case: Case[Any]) -> Case[Any]:
        events = case.body.get("events") if isinstance(case.body, dict) else None
        for item in events if isinstance(events, list) else []:
            if isinstance(item, dict):
                item["envelope"] = envelope
        return case

    return put


def is_problem(response: Response) -> bool:
    """The API's own error: one line, ``{"detail": "..."}``, with a ``reason`` code and the
    ``event_ids`` a 409 names where there are (``clinic.sync.models.Problem``).

    The app raises some 422s itself (``public_key: not base64`` and the like) in this shape, while
    the schema documents only FastAPI's ``HTTPValidationError`` (a list) for 422: both are
    accepted here."""
    try:
        body = response.json()
    except ValueError:
        return False
    return (
        isinstance(body, dict)
        and set(body) <= {"detail", "reason", "event_ids"}
        and isinstance(body.get("detail"), str)
        and isinstance(body.get("reason") or "", str)
        and isinstance(body.get("event_ids", []), list)
    )


def is_validation_error(response: Response) -> bool:
    try:
        body = response.json()
    except ValueError:
        return False
    return (
        response.status_code == 422 and isinstance(body, dict) and isinstance(body["detail"], list)
    )


class OrgSigner(requests.auth.AuthBase):
    """Signs every request as a user who keeps the org key does (the organization's own
    operations need it; the others ignore the header), so the fuzz reaches them too."""

    def __init__(self, seed: bytes, device_id: str) -> None:
        self.seed, self.device_id = seed, device_id

    def __call__(self, r: requests.PreparedRequest) -> requests.PreparedRequest:
        url = urlsplit(r.url or "")
        body = r.body if isinstance(r.body, bytes) else str(r.body or "").encode()
        r.headers[REQUEST_HEADER] = sign_request(
            self.seed,
            r.method or "GET",
            url.path,
            url.query,
            body,
            self.device_id,
            int(clock.now().timestamp()),
        )
        return r


class ServerLog:
    """The server's stderr, which ``tests.sync_fixture.Server`` writes to a log file."""

    def __init__(self, path: Path) -> None:
        self.path = path

    @property
    def lines(self) -> list[str]:
        return self.path.read_text(encoding="utf-8", errors="replace").splitlines()

    def exceptions(self, start: int) -> list[str]:
        """The exception lines (``module.Error: message``) logged since line ``start``."""
        return [
            line
            for line in self.lines[start:]
            if line[:1].isalpha() and ("Error" in line.split(":")[0] or "Exception" in line)
        ]


class Fuzz:
    """One server and its schema; collects the failures and the statuses each operation gave."""

    def __init__(self, org: Org) -> None:
        assert org.server.proc is not None
        self.log = ServerLog(org.server.log)
        self.base = org.server.url
        # a failure's curl command whole, without "[Filtered]": every value sent here is made up
        output = {"sanitization": {"enabled": False}, "truncation": {"enabled": False}}
        config = schemathesis.Config.from_dict({"output": output})
        self.schema = schemathesis.openapi.from_url(f"{self.base}/openapi.json", config=config)
        self.http = requests.Session()
        self.failures: list[str] = []
        self.statuses: dict[tuple[str, str], Counter[int]] = {}

    def operations(self) -> Iterator[Any]:
        for result in self.schema.get_all_operations():
            assert isinstance(result, Ok), result.err()
            yield result.ok()

    def run(
        self,
        operation: Any,
        mode: GenerationMode,
        auth: str,
        headers: dict[str, str] | None,
        strategy: st.SearchStrategy[Case[Any]] | None = None,
    ) -> None:
        label = operation.label
        statuses = self.statuses.setdefault((label, auth), Counter())
        if strategy is None:
            strategy = operation.as_strategy(generation_mode=mode)

        @settings(
            max_examples=MAX_EXAMPLES,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        @given(case=strategy)
        def fuzz(case: Case[Any]) -> None:
            response = case.call(base_url=self.base, session=self.http, headers=headers, timeout=30)
            statuses[response.status_code] += 1
            checks: list[CheckFunction] = [not_a_server_error]
            if mode is GenerationMode.POSITIVE and not is_problem(response):
                checks.append(response_schema_conformance)
            case.validate_response(response, checks=checks, headers=headers)
            if 400 <= response.status_code < 500:
                assert is_problem(response) or is_validation_error(response), (
                    f"{label} answered {response.status_code} with {response.text[:300]!r}"
                )
            if auth == "no token" and label not in OPEN:
                assert not 200 <= response.status_code < 300, (
                    f"{label} answered {response.status_code} without a token"
                )

        logged = len(self.log.lines)
        try:
            fuzz()
        except Unsatisfiable:
            assert mode is GenerationMode.NEGATIVE, f"{label}: no {mode.value} data"
            # nothing to get wrong: its only parameter is an optional header of any text
        except (Exception, BaseExceptionGroup) as exc:  # all of them: one bug hides no other
            time.sleep(0.5)  # uvicorn logs a traceback after the 500 has gone out
            server = "\n".join(f"    {line}" for line in dict.fromkeys(self.log.exceptions(logged)))
            self.failures.append(
                f"--- {label} ({mode.value} data, {auth}) ---\n{exc}\n"
                f"  the server logged:\n{server or '    nothing'}"
            )


def test_the_api_survives_a_fuzz_from_its_own_schema(org: Org, tmp_path: Path) -> None:
    coordinator = org.device(tmp_path / "c", "coordinator", org_key=True)
    token = coordinator.sync_secret("token")
    assert token is not None
    bearer = {"Authorization": f"Bearer {token.decode()}"}
    fuzz = Fuzz(org)
    seed = coordinator.sync_secret("org_signing_key")
    assert seed is not None
    fuzz.http.auth = OrgSigner(seed, coordinator.clinic.device_id)
    envelope = sealed_envelope(org.keys.pair.public)
    for operation in fuzz.operations():
        for mode in GenerationMode:
            fuzz.run(operation, mode, "no token", None)
            fuzz.run(operation, mode, "token", bearer)
        if operation.label == "POST /v1/events":
            sealed = operation.as_strategy().map(with_envelope(envelope))
            fuzz.run(operation, GenerationMode.POSITIVE, "sealed", bearer, sealed)

    summary = "\n".join(
        f"  {label:36} {auth:8} {dict(sorted(counts.items()))}"
        for (label, auth), counts in sorted(fuzz.statuses.items())
    )
    print(f"\nstatuses answered ({org.store.url.split(':')[0]}):\n{summary}")
    assert not fuzz.failures, "\n\n".join(fuzz.failures)
    assert org.server.proc is not None and org.server.proc.poll() is None, "the server died"
    assert httpx.get(f"{org.server.url}/v1/health").status_code == 200
    labels = {label for label, _auth in fuzz.statuses}
    reached = {
        label
        for (label, auth), counts in fuzz.statuses.items()
        if auth != "no token" and any(200 <= status < 300 for status in counts)
    }
    assert reached >= labels - NEVER_2XX, f"never a 2xx: {sorted(labels - NEVER_2XX - reached)}"
    assert org.store.event_count() > 0  # the sealed pass stored events
