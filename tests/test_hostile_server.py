"""A hostile server, against what this session's sync changes promise: the alerts it sends are
checked before they are kept (never a crash, never a non-text value on screen), and a 409 that
names events this laptop did not send sets aside only what it did send, marking nothing as
delivered. The real `clinic serve` answers everything else."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from clinic.core import Desk
from clinic.sync.client import SyncClient, SyncError
from tests.conftest import PASSPHRASE, person
from tests.sync_fixture import Org


class Hostile(httpx.BaseTransport):
    """The real server, but for the answers the test forges."""

    def __init__(self, alerts: object = None, conflict: list[str] | None = None) -> None:
        self.inner = httpx.HTTPTransport()
        self.alerts = alerts
        self.conflict = conflict

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        path = request.url.path
        if self.alerts is not None and request.method == "GET" and path == "/v1/alerts":
            return httpx.Response(200, json=self.alerts, request=request)
        if self.conflict is not None and request.method == "POST" and path == "/v1/events":
            body = {"detail": "conflict", "reason": "conflict", "event_ids": self.conflict}
            return httpx.Response(409, json=body, request=request)
        return self.inner.handle_request(request)


def test_alerts_that_are_not_a_list_stop_the_sync_by_name(org: Org, tmp_path: Path) -> None:
    laptop = org.device(tmp_path / "a", "volunteer")
    with pytest.raises(SyncError, match="alerts are not a list"):
        SyncClient(laptop, httpx.Client(transport=Hostile(alerts={"en": "x"}))).sync()
    assert laptop.sync_state().alerts == ()


def test_alert_values_that_are_not_text_are_dropped(org: Org, tmp_path: Path) -> None:
    laptop = org.device(tmp_path / "a", "volunteer")
    forged = [
        {"alert_id": "a1", "effective": "2026-11-21", "en": "New fees.", "ko": {"x": 1}},
        "not an alert",
        7,
        {"alert_id": "a2", "en": ["list"], "es": "Tarifas nuevas."},
    ]
    SyncClient(laptop, httpx.Client(transport=Hostile(alerts=forged))).sync()
    kept = laptop.sync_state().alerts
    assert kept == (
        {"alert_id": "a1", "effective": "2026-11-21", "en": "New fees."},
        {"alert_id": "a2", "es": "Tarifas nuevas."},
    )
    desk = Desk(tmp_path / "a")
    desk.sign_in("admin", PASSPHRASE)
    notices = desk.admin.program_notices("ko")  # the screen that shows them: no crash
    assert any("New fees." in line for line in notices)
    assert not any("{" in line or "[" in line for line in notices)


def test_a_409_naming_other_events_marks_nothing_delivered(org: Org, tmp_path: Path) -> None:
    laptop = org.device(tmp_path / "a", "volunteer")
    laptop.import_people([person(1)])
    waiting = laptop.outbox_count()
    strangers = ["f" * 32, "e" * 32]
    report = SyncClient(laptop, httpx.Client(transport=Hostile(conflict=strangers))).sync()
    assert len(report.rejected) == waiting and not set(report.rejected) & set(strangers)
    assert laptop.outbox_count() == waiting  # set aside, never marked delivered
    assert org.store.event_count() == 0  # nothing reached the real server
