"""The core's threading contract (clinic/core/__init__.py), as the app uses it: one desk, a main
lane that checks people in, answers and screens, and a sync lane that syncs with a real
``clinic serve`` at the same time. Nothing is lost, mixed up or half-written; a lock while
the sync lane works ends its next call with ``Locked``, nothing else."""

from __future__ import annotations

import threading
from pathlib import Path

from clinic.core import Desk, Locked
from clinic.sync.client import SyncClient
from tests.conftest import PASSPHRASE, person
from tests.sync_fixture import Org

PEOPLE = 12


def test_two_lanes_on_one_desk_lose_nothing(org: Org, tmp_path: Path) -> None:
    org.device(tmp_path / "laptop", "volunteer")
    desk = Desk(tmp_path / "laptop")
    desk.sign_in("admin", PASSPHRASE)
    errors: list[BaseException] = []
    done = threading.Event()
    syncs = 0

    def main_lane() -> None:
        try:
            for n in range(PEOPLE):
                rid = desk.people.new_person(person(n))
                desk.interview.save_answers(rid, {**person(n), "mailing.city": "Pasadena"})
                desk.interview.screen_record(rid)
                desk.people.board()
        except BaseException as exc:  # reported below
            errors.append(exc)
        finally:
            done.set()

    def sync_lane() -> None:
        nonlocal syncs
        try:
            while not done.is_set():
                desk.sync.now()
                syncs += 1
        except BaseException as exc:
            errors.append(exc)

    lanes = [threading.Thread(target=main_lane), threading.Thread(target=sync_lane)]
    for lane in lanes:
        lane.start()
    for lane in lanes:
        lane.join(timeout=300)
    assert errors == []
    assert syncs >= 1
    status = desk.sync.now()
    assert status.pending == 0 and status.error == ""
    assert desk.admin.check() == []
    board = desk.people.board(all_days=True)
    assert len(board.rows) == PEOPLE and board.damaged == []
    assert {r.family for r in board.rows} == {person(n)["name.family"] for n in range(PEOPLE)}
    assert {r.status for r in board.rows} == {"screened"}

    # everything reached the organization, whole: an attorney's laptop reads every record
    atty = org.device(tmp_path / "atty", "attorney", org_key=True)
    SyncClient(atty).sync()
    states = [atty.load(r.record_id) for r in board.rows]
    assert sorted(s.answers["name.family"] for s in states) == sorted(r.family for r in board.rows)
    assert {s.answers["mailing.city"] for s in states} == {"Pasadena"}
    assert all(s.determination for s in states)


def test_a_lock_during_a_sync_ends_the_sync_lane_with_locked(org: Org, tmp_path: Path) -> None:
    org.device(tmp_path / "laptop", "volunteer")
    desk = Desk(tmp_path / "laptop")
    desk.sign_in("admin", PASSPHRASE)
    for n in range(4):
        desk.people.new_person(person(n))
    started = threading.Event()
    seen: list[BaseException] = []

    def sync_lane() -> None:
        try:
            while True:
                desk.sync.now()
                started.set()
        except BaseException as exc:
            seen.append(exc)
            started.set()

    lane = threading.Thread(target=sync_lane)
    lane.start()
    assert started.wait(120)
    desk.lock()
    lane.join(timeout=120)
    assert not lane.is_alive()
    assert len(seen) == 1 and isinstance(seen[0], Locked), seen
    desk.sign_in("admin", PASSPHRASE)
    assert desk.sync.status().pending == 0
    assert desk.admin.check() == []
