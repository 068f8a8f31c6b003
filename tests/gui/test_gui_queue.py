"""The day's queue on Today (issue 16 point 7): each person's arrival time (the clinic's clock),
how long they have waited since their last step and who took it; Next person opens whoever has
waited longest."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from clinic import clock
from clinic.store.clinic import Clinic
from tests.conftest import CLOCK_START, PASSPHRASE, person
from tests.gui.conftest import build_clinic, idle, sign_in
from tests.gui.test_gui_account import OpenWindow
from tests.gui.user import click


def test_the_board_shows_the_queue_and_next_opens_the_longest_waiting(
    qtbot: QtBot, tmp_path: Path, open_window: OpenWindow
) -> None:
    data = tmp_path / "c"
    # the clinic's clock stands at 10:00 in Los Angeles (a ticking one moves on in a long run)
    frozen = clock.FixedClock(clock.parse_moment(CLOCK_START))
    with clock.use(frozen):
        [first] = build_clinic(data, people=1)  # checked in first (by admin)
        session = Clinic(data).unlock("vol", PASSPHRASE)
        frozen.advance(seconds=20)
        [second] = session.import_people([person(7)]).record_ids  # then by vol
        window = open_window(data)
        sign_in(qtbot, window, "coord")
        board = window.board
        assert board is not None
        rows = [lst.item(i).text() for lst in board.lists.values() for i in range(lst.count())]
        assert len(rows) == 2
        # 10:00 in Los Angeles, the clinic's time (the stored moment is 18:00 UTC)
        # under each name: arrived · minutes since the last step · who took it (the hint says)
        assert all("10:00 · 0 min · " in r for r in rows), rows
        hint = board.hint.text()
        assert "when they arrived · minutes since their last step · who took it" in hint
        # who took each one's last step (checked in by admin, by vol): never "with X now"
        assert any(r.endswith("0 min · admin") for r in rows), rows
        assert any(r.endswith("0 min · vol") for r in rows), rows
        assert not any("now" in r for r in rows)
        # half an hour on, nobody has touched them: the wait counts from their last step
        frozen.advance(seconds=30 * 60)
        click(qtbot, board.refresh_button)
        idle(qtbot, window)
        rows = [lst.item(i).text() for lst in board.lists.values() for i in range(lst.count())]
        assert any(r.endswith("10:00 · 30 min · admin") for r in rows), rows
        assert any(r.endswith("10:00 · 30 min · vol") for r in rows), rows
        click(qtbot, board.next_button)
        idle(qtbot, window)
        assert window.open_record == first  # first come, first served
        assert second != first
