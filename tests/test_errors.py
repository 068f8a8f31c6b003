"""One presenter for every error (clinic.errors.explain), errors that carry why (a reason, a
status) instead of being read by their text, and the organization's server behind the core."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import httpx
import pytest

from clinic import cli
from clinic.core.orgserver import OrgServer
from clinic.domain.answers import AnswersInvalid, normalize_answers
from clinic.errors import ClinicError, Reason, UsageError, explain, user_message
from clinic.sync.client import SyncClient, SyncError
from tests.conftest import Cli, person
from tests.sync_fixture import Org


class TwoParts(ClinicError):
    """A multi-part error as a subclass declares it: no presenter needs to know it."""

    @property
    def headline(self) -> str:
        return "2 things went wrong:"

    @property
    def details(self) -> tuple[str, ...]:
        return ("first: no", "second: no")


def test_a_known_error_is_its_message_and_an_unknown_one_only_its_kind() -> None:
    told = explain(UsageError("--to: the period ends before it starts"))
    assert told.known and told.headline == "--to: the period ends before it starts"
    assert told.details == ()
    secret = KeyError("Testperson A-099-000-123")
    told = explain(secret)
    assert not told.known and "Testperson" not in told.headline + told.line
    assert told.headline == "internal error (KeyError)"
    assert user_message(secret).endswith("nothing was changed by the failed step")
    told = explain(FileNotFoundError(2, "No such file or directory", "/tmp/x.json"))
    assert told.known and told.headline == "/tmp/x.json: No such file or directory"


def test_a_subclass_gives_its_own_headline_and_details() -> None:
    told = explain(TwoParts("first: no; second: no"))
    assert told.headline == "2 things went wrong:"
    assert told.details == ("first: no", "second: no")
    assert told.line == "first: no; second: no"  # the app's one line: the message


def test_invalid_answers_have_a_headline_and_one_line_per_problem() -> None:
    with pytest.raises(AnswersInvalid) as info:
        normalize_answers({"dob": "2023-02-30", "x": 1})
    told = explain(info.value)
    assert told.headline.endswith("problem(s) in the answers; nothing was stored:")
    assert len(told.details) == len(info.value.errors) == 2
    assert user_message(info.value) == str(info.value)
    assert (told.headline, told.details) == (info.value.headline, info.value.details)
    assert told.headline == "2 problem(s) in the answers; nothing was stored:"
    assert told.details == tuple(str(e) for e in info.value.errors)


def test_values_the_forms_cannot_take_have_a_headline_and_one_line_per_value() -> None:
    from clinic.packet.fill import FillError, Problem

    problems = [
        Problem("I-821D", "Part 1 Item 3.a", "name.family", "too long"),
        Problem("I-765", "Part 2 Item 1.a", "name.family", "too long"),
    ]
    told = explain(FillError(problems))
    assert told.headline == "2 value(s) the forms cannot take; no packet was written:"
    assert told.details == (str(problems[0]), str(problems[1]))
    assert told.line == str(FillError(problems))
    # the same refusal twice (both G-1450s, one per fee) is said once
    assert explain(FillError([problems[0]] * 2)).details == (str(problems[0]),)


def test_the_cli_prints_every_known_error_with_status_2_and_a_bug_with_3(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def known(_args: object) -> int:
        raise TwoParts("x")

    def bug(_args: object) -> int:
        raise KeyError("Testperson")

    monkeypatch.delenv("CLINIC_DEBUG", raising=False)
    for func, status in ((known, 2), (bug, 3)):
        monkeypatch.setattr(cli, "cmd_check", func)
        assert cli.main(["check"]) == status
    err = capsys.readouterr().err
    assert "clinic: error: 2 things went wrong:\n  first: no\n  second: no\n" in err
    assert "internal error (KeyError)" in err and "Testperson" not in err


def test_core_dumps_are_disabled_only_where_resource_exists(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "resource", None)  # as on Windows: no such module
    cli._disable_core_dumps()  # no ImportError


def test_the_org_server_from_the_core(tmp_path: Path) -> None:
    server = OrgServer(str(tmp_path / "server.db"), tmp_path)
    key = tmp_path / "org.key"
    key.write_text("taken", encoding="utf-8")
    with pytest.raises(UsageError, match="exists already"):
        server.init(key, lambda: pytest.fail("asked for a passphrase"), 0.01)
    with pytest.raises(UsageError, match="effective"):
        server.post_alert("2026-12-fees", "soon", "Fees change")
    server.post_alert("2026-12-fees", "2026-12-01", "Fees change")
    assert server.devices() == []
    with pytest.raises(UsageError, match="cannot be read"):
        server.enroll_code(tmp_path / "missing.key", "pass", "volunteer", 1)


def test_the_tls_pair_is_checked_before_the_database_is_opened(tmp_path: Path) -> None:
    server = OrgServer(str(tmp_path / "server.db"), tmp_path)
    with pytest.raises(UsageError, match="--tls-key"):
        server.serve("127.0.0.1", 1, tls_cert="cert.pem")
    assert not (tmp_path / "server.db").exists()


class RefuseFirstEvent(httpx.BaseTransport):
    """The server refuses the first push with a 409 naming one event id (another laptop has
    that id with other bytes); then it is the real server again."""

    def __init__(self) -> None:
        self.inner = httpx.HTTPTransport()
        self.refused: str | None = None

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if request.method == "POST" and request.url.path == "/v1/events" and not self.refused:
            self.refused = json.loads(request.content)["events"][0]["event_id"]
            detail = f"1 event id(s) already stored with different content: {self.refused}"
            body = {"detail": detail, "reason": "conflict", "event_ids": [self.refused]}
            return httpx.Response(409, json=body, request=request)
        return self.inner.handle_request(request)


def test_a_409_is_known_by_its_status_and_only_the_named_event_is_set_aside(
    org: Org, tmp_path: Path
) -> None:
    a = org.device(tmp_path / "a", "volunteer")
    a.import_people([person(1), person(2)])
    total = a.outbox_count()
    transport = RefuseFirstEvent()
    report = SyncClient(a, httpx.Client(transport=transport)).sync()
    assert report.rejected == [transport.refused]
    assert report.pushed == total - 1
    assert org.store.event_count() == total - 1


def test_a_refusal_carries_its_status_and_detail(org: Org, tmp_path: Path) -> None:
    # a laptop enrolled as a volunteer's, though it keeps the org key: the server refuses it
    vol = org.device(tmp_path / "vol", "volunteer", org_key=True)
    with pytest.raises(SyncError) as info:
        SyncClient(vol).make_enroll_code("volunteer")
    assert info.value.status == 403 and "may not" in info.value.detail
    assert info.value.reason is None
    assert Reason.CONFLICT.value == "conflict"


def test_clinic_server_init_writes_the_key_file_once(cli: Cli, tmp_path: Path) -> None:
    env = cli.env(CLINIC_ORG_PASSPHRASE="org key passphrase")
    db = str(tmp_path / "server.db")
    out = tmp_path / "org.key"
    args = ("server", "init", "--db", db, "--org-key-out", str(out), "--kdf-seconds", "0.01")
    first = cli.run(*args, env=env)
    assert first.returncode == 0 and out.is_file(), first.stderr
    again = cli.run(*args, env=env)
    assert again.returncode == 2 and "exists already" in again.stderr


def test_the_org_key_file_is_readable_by_its_owner_only(cli: Cli, tmp_path: Path) -> None:
    import os
    import stat

    env = cli.env(CLINIC_ORG_PASSPHRASE="org key passphrase")
    out = tmp_path / "org.key"
    args = ("server", "init", "--db", str(tmp_path / "s.db"), "--org-key-out", str(out))
    assert cli.run(*args, "--kdf-seconds", "0.01", env=env).returncode == 0
    if os.name == "posix":
        assert stat.S_IMODE(out.stat().st_mode) == 0o600


def test_conditions_a_person_causes_are_named_not_internal_errors(cli: Cli, tmp_path: Path) -> None:
    """An empty import file; a server database in a folder that does not exist."""
    empty = tmp_path / "none.json"
    empty.write_text("[]", encoding="utf-8")
    cli.ok("init", "--site", "Test Site", "--admin", "admin", "--kdf-seconds", "0.002")
    told = cli.run("intake", "import", str(empty))
    assert told.returncode == 2 and "holds no people" in told.stderr
    assert "cannot be read" not in told.stderr and "Warning" not in told.stderr
    nowhere = str(tmp_path / "no" / "such" / "folder" / "server.db")
    for args in (("server", "devices", "--db", nowhere),):
        bad = cli.run(*args)
        assert bad.returncode == 2, bad.stderr
        assert "--db: the server's database cannot be opened" in bad.stderr
        assert "internal error" not in bad.stderr
