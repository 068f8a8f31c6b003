"""`clinic sync --server URL`: another address of the organization's server is used for that
sync and kept only once it worked; a mistyped one never replaces the address that works."""

from __future__ import annotations

from pathlib import Path

import pytest

from clinic.core import Desk
from clinic.sync.client import SyncError
from tests.conftest import PASSPHRASE, Cli, person
from tests.sync_fixture import Org


def test_a_mistyped_address_is_not_kept(org: Org, tmp_path: Path) -> None:
    org.device(tmp_path / "laptop", "volunteer")
    desk = Desk(tmp_path / "laptop")
    desk.sign_in("admin", PASSPHRASE)
    desk.people.new_person(person(1))
    with pytest.raises(SyncError, match="cannot be reached"):
        desk.sync.run(server="http://127.0.0.1:1")
    assert desk.sync.status().server == org.server.url
    report = desk.sync.run()  # the address that works, still
    assert report.pushed == 2 and desk.sync.status().error == ""
    desk.sync.run(server=f"http://localhost:{org.server.port}/")  # another working address
    assert desk.sync.status().server == f"http://localhost:{org.server.port}"


def test_the_command_keeps_the_address_that_works(org: Org, tmp_path: Path, cli: Cli) -> None:
    org.device(tmp_path / "laptop", "volunteer")
    env = cli.env(CLINIC_DATA=str(tmp_path / "laptop"))
    bad = cli.run("sync", "--server", "http://127.0.0.1:1", env=env)
    assert bad.returncode == 2 and "cannot be reached" in bad.stderr
    again = cli.ok("sync", CLINIC_DATA=str(tmp_path / "laptop"))
    assert again.stdout.startswith("Sync: pushed")
