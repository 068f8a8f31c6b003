"""One-time enrollment codes: a short code id can be taken; the server says so by a reason (not
in words), and the one retry (clinic.sync.crypto.with_a_free_code) serves the server's command
and a coordinator's laptop alike."""

from __future__ import annotations

from pathlib import Path

import pytest

from clinic.errors import ClinicError, Reason
from clinic.server.storage import ServerError
from clinic.sync import crypto
from clinic.sync.client import SyncClient
from tests.sync_fixture import Org, org_signed


def test_a_taken_code_id_is_refused_by_reason_over_http(org: Org, tmp_path: Path) -> None:
    coord = org.device(tmp_path / "coord", "coordinator")
    code = SyncClient(coord).make_enroll_code("volunteer")
    code_id, proof = crypto.enroll_proof(code)
    again = org_signed(
        coord,
        "POST",
        f"{org.server.url}/v1/enroll-codes",
        json={"code_id": code_id, "proof": proof, "role": "volunteer", "bundle": "x" * 40},
    )
    assert again.status_code == 400 and again.json()["reason"] == Reason.CODE_ID_TAKEN.value
    with pytest.raises(ServerError) as info:
        org.store.add_enroll_code(code_id, proof, "volunteer", "x" * 40, "test", 1)
    assert info.value.reason is Reason.CODE_ID_TAKEN


def test_the_retry_makes_a_new_code_when_the_id_is_taken(monkeypatch: pytest.MonkeyPatch) -> None:
    made = iter(["AAAA", "BBBB", "CCCC"])
    monkeypatch.setattr(crypto, "new_enroll_code", lambda: (c := next(made), c + "-id", "proof"))
    tried: list[str] = []

    def register(code: str, code_id: str, proof: str) -> str:
        tried.append(code)
        if code == "AAAA":
            raise ClinicError("the words here do not matter", reason=Reason.CODE_ID_TAKEN)
        return code

    assert crypto.with_a_free_code(register) == "BBBB"
    assert tried == ["AAAA", "BBBB"]


def test_any_other_refusal_is_not_retried(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = 0

    def register(code: str, code_id: str, proof: str) -> str:
        nonlocal calls
        calls += 1
        raise ClinicError("code_id: already used; make a new code")  # the words, no reason

    with pytest.raises(ClinicError, match="already used"):
        crypto.with_a_free_code(register)
    assert calls == 1


def test_a_laptop_retries_through_a_real_server(
    org: Org, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first code's id is taken on the server: the coordinator's laptop makes another."""
    coord = org.device(tmp_path / "coord", "coordinator")
    first = SyncClient(coord).make_enroll_code("volunteer")
    codes = iter([first, None])
    real = crypto.new_enroll_code

    def next_code() -> tuple[str, str, str]:
        code = next(codes, None)
        if code is None:
            return real()
        code_id, proof = crypto.enroll_proof(code)
        return code, code_id, proof

    monkeypatch.setattr(crypto, "new_enroll_code", next_code)
    second = SyncClient(coord).make_enroll_code("volunteer")
    assert second != first
    laptop = org.device(tmp_path / "new", "volunteer")  # enrolls with a fresh code of its own
    assert laptop.sync_state().role == "volunteer"
