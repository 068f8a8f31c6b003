"""Real sync servers for tests: ``clinic serve`` in its own process on a free localhost port,
over a SQLite file or a fresh PostgreSQL database (created and dropped per test)."""

from __future__ import annotations

import os
import secrets
import signal
import socket
import ssl
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest

from clinic.server.admin import init_org, make_enroll_code
from clinic.server.storage import ServerStore
from clinic.store.clinic import Clinic, Session
from clinic.store.vault import KdfParams
from clinic.sync.client import SyncClient
from clinic.sync.crypto import OrgKeys
from tests.conftest import PASSPHRASE, ROOT, make_clinic

PG_ADMIN = "postgresql://postgres@127.0.0.1:5432/postgres"
ORG_PASSPHRASE = "org key file passphrase"
FAST = KdfParams(1, 8 * 1024, 1)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def clinic_command(
    env: Mapping[str, str],
) -> Callable[..., subprocess.CompletedProcess[str]]:
    """``clinic(*args, **more_env)``: the real command in a subprocess, with ``env`` (and
    ``more_env``) as its environment, as a person's shell runs it."""

    def clinic(*args: str, **more: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "clinic", *args],
            capture_output=True,
            text=True,
            cwd=ROOT,
            env={**env, **more},
            timeout=120,
        )

    return clinic


@dataclass
class Server:
    """A running ``clinic serve`` process."""

    db: str
    port: int
    proc: subprocess.Popen[bytes] | None = None
    tls: tuple[str, str] | None = None  # (certificate, key) files
    workers: int = 1  # clinic serve --workers N
    log: Path = field(default_factory=lambda: Path(tempfile.mkstemp(suffix=".log")[1]))

    @property
    def url(self) -> str:
        return f"{'https' if self.tls else 'http'}://127.0.0.1:{self.port}"

    def start(self) -> Server:
        tls = ["--tls-cert", self.tls[0], "--tls-key", self.tls[1]] if self.tls else []
        self.proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "clinic",
                "serve",
                "--db",
                self.db,
                "--port",
                str(self.port),
                "--workers",
                str(self.workers),
                *tls,
            ],
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=self.log.open("ab"),  # a file, never a pipe nobody reads (it would fill up)
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                err = self.log.read_text(errors="replace")
                raise AssertionError(f"the server exited: {err[-2000:]}")
            try:
                verify: ssl.SSLContext | bool = (
                    ssl.create_default_context(cafile=self.tls[0]) if self.tls else True
                )
                if httpx.get(f"{self.url}/v1/health", timeout=1, verify=verify).status_code == 200:
                    return self
            except httpx.HTTPError:
                time.sleep(0.1)
        raise AssertionError("the server did not start")

    def kill(self) -> None:
        """SIGKILL: no goodbye, no flush (a crash, a power cut of the server)."""
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait(10)

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.kill()


@dataclass
class Org:
    """A server with its organization set up."""

    server: Server
    store: ServerStore
    keys: OrgKeys
    key_file: str

    def code(self, role: str) -> str:
        return make_enroll_code(self.store, self.keys, role, 1)[0]

    def device(self, path: Path, role: str, *, org_key: bool | None = None) -> Session:
        """A laptop (its own clinic) enrolled with this server as ``role``; a coordinator's
        keeps the org key (it signs the codes it makes) unless ``org_key`` is False."""
        make_clinic(path)
        session = Clinic(path).unlock("admin", PASSPHRASE)
        client = SyncClient(session)
        assert client.enroll(self.server.url, self.code(role), path.name) == role
        if org_key is None:
            org_key = role in ("coordinator", "admin")
        if org_key:
            client.import_org_keys(self.key_file, ORG_PASSPHRASE)
        return session


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'server.db'}"
        return
    import psycopg

    name = f"clinicday_test_{secrets.token_hex(4)}"
    with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")  # a fresh database per test
    try:
        yield f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}"
    finally:
        with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture
def org(db_url: str) -> Iterator[Org]:
    store = ServerStore(db_url)
    store.migrate()
    keys, text = init_org(store, ORG_PASSPHRASE, FAST)
    server = Server(db_url, free_port()).start()
    try:
        yield Org(server, store, keys, text)
    finally:
        server.stop()
        store.engine.dispose()


def org_signed(session: Session, method: str, url: str, **kwargs: Any) -> httpx.Response:
    """A request as ClinicDay sends the organization's own (codes, counts): the laptop's token
    and a signature with the signed-in user's copy of the org signing key; the answer as it
    came, refusals included."""
    token = session.sync_secret("token")
    assert token is not None
    with httpx.Client(timeout=30) as http:
        request = http.build_request(
            method, url, headers={"Authorization": f"Bearer {token.decode()}"}, **kwargs
        )
        SyncClient(session).sign_org_request(request)
        return http.send(request)
