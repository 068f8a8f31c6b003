"""The server in production (issue 18 point 4): ``clinic server migrate`` as its own step,
``clinic serve --workers 4`` over one PostgreSQL database, fifty laptops pushing three hundred
events each at once (0 errors, exactly 15,000 events stored), a signed request refused when it
is replayed to any worker, ``/v1/health`` asking the database, and a worker refusing a database
that is not migrated. Real ``clinic serve`` processes, real PostgreSQL."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest
from sqlalchemy import func, select

from clinic.server import schema
from clinic.server.admin import init_org
from clinic.server.storage import SERVER_HEAD, ServerStore, migrate, schema_version
from clinic.sync.client import SyncClient
from tests.conftest import ROOT, make_clinic, person
from tests.sync_fixture import FAST, ORG_PASSPHRASE, PG_ADMIN, Org, Server, free_port, org_signed

LAPTOPS, EVENTS = 50, 300
MIGRATIONS = Path(ROOT) / "clinic" / "server" / "migrations" / "versions"


@pytest.fixture
def pg_url() -> Iterator[str]:
    psycopg = pytest.importorskip("psycopg")
    name = f"clinicday_workers_{secrets.token_hex(4)}"
    try:
        with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {name}")
    except psycopg.OperationalError:
        pytest.skip("no PostgreSQL at 127.0.0.1:5432")
    try:
        yield f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}"
    finally:
        with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def clinic(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "clinic", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={k: v for k, v in os.environ.items() if not k.startswith("CLINIC_SERVER")},
        timeout=120,
    )


def test_the_newest_migration_is_the_one_the_server_expects() -> None:
    revisions = sorted(p.stem.split("_")[0] for p in MIGRATIONS.glob("s*.py"))
    assert revisions[-1] == SERVER_HEAD


def test_fifty_laptops_push_to_four_workers_over_one_postgresql(
    pg_url: str, tmp_path: Path
) -> None:
    # a worker refuses a database nobody migrated, and says what to run
    refused = clinic_worker(pg_url)
    assert refused.returncode != 0 and "run 'clinic server migrate" in refused.stderr

    done = clinic("server", "migrate", "--db", pg_url)
    assert done.returncode == 0, done.stderr
    assert f"Created the server's tables in a new database: schema {SERVER_HEAD}" in done.stdout
    again = clinic("server", "migrate", "--db", pg_url)  # again: says there was nothing to do
    assert f"already at schema {SERVER_HEAD} (current): nothing to do" in again.stdout
    store = ServerStore(pg_url)
    assert schema_version(store.engine) == SERVER_HEAD
    migrate(store.engine)  # again: nothing to do, no error
    keys, text = init_org(store, ORG_PASSPHRASE, FAST)
    server = Server(pg_url, free_port(), workers=4).start()
    try:
        org = Org(server, store, keys, text)
        health = httpx.get(f"{server.url}/v1/health", timeout=5)
        assert health.status_code == 200 and health.json() == {"status": "ok"}

        # fifty laptops, enrolled one by one (a clinic's creation runs Alembic, which is one
        # at a time in a process), each with 300 events waiting
        laptops = []
        for i in range(LAPTOPS):
            session = org.device(tmp_path / f"laptop{i:02d}", "volunteer")
            session.import_people([person(i * 1000 + j) for j in range(EVENTS // 2)])
            assert len(session.outbox(EVENTS + 10)) == EVENTS  # two events a person
            laptops.append(session)

        def push(i: int) -> tuple[int, list[str]]:
            report = SyncClient(laptops[i]).sync()
            return report.pushed, report.rejected

        with ThreadPoolExecutor(max_workers=LAPTOPS) as pool:  # all at once
            started = time.monotonic()
            results = list(pool.map(push, range(LAPTOPS)))
        print(f"15,000 events from 50 laptops to 4 workers: {time.monotonic() - started:.1f} s")
        assert [pushed for pushed, _r in results] == [EVENTS] * LAPTOPS
        assert all(rejected == [] for _p, rejected in results)
        with store.engine.connect() as conn:
            stored = conn.execute(select(func.count()).select_from(schema.events)).scalar()
        assert stored == LAPTOPS * EVENTS == 15_000

        # a coordinator's signed request is good once, whichever worker gets it again
        coord = org.device(tmp_path / "coord", "coordinator")
        sent = org_signed(coord, "GET", f"{server.url}/v1/devices")
        assert sent.status_code == 200, sent.text
        replays = [
            httpx.get(sent.request.url, headers=sent.request.headers, timeout=5)
            for _ in range(8)  # with four workers, some of these reach another process
        ]
        assert {r.status_code for r in replays} == {403}
        assert all("already used" in r.text for r in replays)
    finally:
        server.stop()
        store.engine.dispose()
    assert not [p for p in (server.proc,) if p is not None and p.poll() is None]


def clinic_worker(url: str) -> subprocess.CompletedProcess[str]:
    """What a process manager's worker does: import the factory and build the app."""
    return subprocess.run(
        [
            sys.executable,
            "-c",
            "from clinic.server.app import app_from_environment; app_from_environment()",
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "CLINIC_SERVER_DB": url},
        timeout=60,
    )


def test_health_says_when_the_database_is_gone(pg_url: str) -> None:
    import psycopg

    store = ServerStore(pg_url)
    store.migrate()
    init_org(store, ORG_PASSPHRASE, FAST)
    store.engine.dispose()
    server = Server(pg_url, free_port()).start()
    try:
        assert httpx.get(f"{server.url}/v1/health", timeout=5).json() == {"status": "ok"}
        name = pg_url.rsplit("/", 1)[1]
        with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
            conn.execute(f"DROP DATABASE {name} WITH (FORCE)")  # the database server lost it
        for _ in range(3):
            gone = httpx.get(f"{server.url}/v1/health", timeout=15)
            assert gone.status_code == 503 and gone.json() == {"status": "database unavailable"}
        # a laptop's request meanwhile: 503, "try again later" (it keeps its events), no 500
        asked = httpx.get(
            f"{server.url}/v1/org", headers={"Authorization": "Bearer x" * 8}, timeout=15
        )
        assert asked.status_code == 503, asked.text
        assert "try again later" in asked.json()["detail"]
        # the operator's log says so, once (not at every check), with the database's reason,
        # and never a traceback
        told = server.log.read_text(errors="replace")
        assert told.count("the database does not answer") == 1, told
        assert "Traceback" not in told
        # the database is back but empty (restored wrong, or never migrated): not healthy
        with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {name}")
        empty = httpx.get(f"{server.url}/v1/health", timeout=15)
        assert empty.status_code == 503, empty.text
    finally:
        server.stop()


def test_a_database_url_this_install_cannot_use_is_named_not_an_internal_error(
    tmp_path: Path,
) -> None:
    # as on a laptop installed without the postgres extra: psycopg cannot be imported
    without_psycopg = (
        "import sys; sys.modules['psycopg'] = None; sys.modules['psycopg2'] = None\n"
        "from clinic.cli import main; sys.exit(main(sys.argv[1:]))"
    )
    url = "postgresql+psycopg://postgres@127.0.0.1:5432/nowhere"
    for args in (("server", "migrate", "--db", url), ("serve", "--db", url)):
        told = subprocess.run(
            [sys.executable, "-c", without_psycopg, *args],
            capture_output=True,
            text=True,
            cwd=ROOT,
            timeout=60,
        )
        assert told.returncode == 2, told.stderr
        assert "PostgreSQL driver is not installed" in told.stderr, told.stderr
        assert "pip install 'clinicday[postgres]'" in told.stderr
        assert "internal error" not in told.stderr
    odd = clinic("server", "migrate", "--db", "mongodb://somewhere/clinic")
    assert odd.returncode == 2 and "not a database the server can use" in odd.stderr
    other_driver = clinic("server", "migrate", "--db", "postgresql+psycopg2://u@h/clinic")
    assert other_driver.returncode == 2 and "write postgresql+psycopg://" in other_driver.stderr
    # a laptop's clinic.db given by mistake: named, and left exactly as it was
    laptop = tmp_path / "laptop"
    make_clinic(laptop)
    before = (laptop / "clinic.db").read_bytes()
    mistaken = clinic("server", "migrate", "--db", str(laptop / "clinic.db"))
    assert mistaken.returncode == 2, mistaken.stderr
    assert "not a ClinicDay server's database" in mistaken.stderr
    assert (laptop / "clinic.db").read_bytes() == before


def test_several_workers_over_sqlite_serve_and_say_postgresql_is_better(tmp_path: Path) -> None:
    db = str(tmp_path / "server.db")
    store = ServerStore(f"sqlite:///{db}")
    store.migrate()
    store.engine.dispose()
    server = Server(db, free_port(), workers=2).start()
    try:
        health = httpx.get(f"{server.url}/v1/health", timeout=5)
        assert health.json() == {"status": "ok"}
        told = server.log.read_text(errors="replace")
        assert "2 workers over one SQLite file" in told and "PostgreSQL" in told
    finally:
        server.stop()


def test_a_plain_postgresql_url_means_the_driver_clinicday_installs() -> None:
    # postgresql:// (SQLAlchemy's default driver is psycopg2, which ClinicDay does not install)
    # is read as postgresql+psycopg:// wherever an engine is made: the CLI and the workers' factory
    from clinic.server.storage import make_engine

    engine = make_engine("postgresql://postgres@127.0.0.1:5432/postgres")
    try:
        assert engine.dialect.driver == "psycopg"
    finally:
        engine.dispose()
