"""A record's packet through the core on the real USCIS PDFs: built from the recorded screening,
its draft and screen copies made once and kept encrypted, opened by decrypting only, and the
approved originals shown, printed and exported without the mark.

Every person is synthetic (``clinic.domain.demo``)."""

from __future__ import annotations

import datetime as dt
import io
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from clinic.core import Desk
from clinic.core import packets as core_packets
from clinic.core.interview import record_screening
from clinic.core.packets import DRAFT, SCREEN
from clinic.domain.answers import normalize_answers
from clinic.domain.demo import generate_people_with_scenarios
from clinic.domain.events import EventType
from clinic.domain.rules import screen
from clinic.errors import ScreenAgain
from clinic.packet.flatten import flatten as real_flatten
from clinic.packet.stamp import draft_mark as real_mark
from clinic.resources import policy
from tests.conftest import PASSPHRASE, make_clinic
from tests.forms_fixture import SHARED_FORMS

ON = dt.date(2026, 11, 21)
BEFORE_WINDOW = dt.date(2026, 9, 22)  # the renewal window opens 2026-11-19


def person() -> dict[str, Any]:
    people = dict(generate_people_with_scenarios(40, today=ON))
    return normalize_answers(people["renewal_in_window_with_worksheet"])


def text_of(data: bytes, tmp_path: Path) -> str:
    path = tmp_path / "x.pdf"
    path.write_bytes(data)
    out = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    )
    return " ".join(out.stdout.split())


def widgets_on_pages(data: bytes) -> int:
    reader = PdfReader(io.BytesIO(data))
    return sum(
        1
        for page in reader.pages
        for annot in page.get("/Annots") or []
        if annot.get_object().get("/Subtype") == "/Widget"
    )


@pytest.fixture
def desk(tmp_path: Path) -> Iterator[Desk]:
    if not (SHARED_FORMS / "i-821d_2025-01-20.pdf").is_file():
        pytest.skip("the official PDFs are not in ../shared/forms")
    data = make_clinic(tmp_path / "clinic")
    d = Desk(data, forms_dir=SHARED_FORMS)
    d.sign_in("admin", PASSPHRASE)
    yield d
    d.close()


@pytest.fixture
def rid(desk: Desk) -> str:
    [record_id] = desk.session.import_people([person()]).record_ids
    return record_id


def never(*_args: Any, **_kwargs: Any) -> Any:
    raise AssertionError("opening a record made a copy again")


def test_the_packet_says_the_recorded_screening_not_a_fresh_one(
    desk: Desk, rid: str, tmp_path: Path
) -> None:
    """Screened before the renewal window opened (flagged for the attorney), built once it is
    open: the packet and its cover sheet say what the record says."""
    record_screening(desk.session, rid, None, BEFORE_WINDOW, policy())
    recorded = desk.session.load(rid).determination
    assert recorded is not None and recorded["outcome"] == "attorney_review"
    fresh = screen(person(), ON, policy(), "en").to_json()
    assert fresh["outcome"] != recorded["outcome"]  # what the old build put on the cover sheet

    packet, approved = desk.packets.build(rid, on=ON)
    assert not approved
    assert packet.determination.to_json() == recorded
    cover = text_of(packet.files[0].data, tmp_path)
    [flag] = recorded["flags"]
    assert " ".join(str(flag["message"]).split())[:40] in cover
    screened = [e for e in desk.session.events(rid) if e.type is EventType.SCREENED]
    assert len(screened) == 1  # nothing screened again
    [built] = [e for e in desk.session.events(rid) if e.type is EventType.PACKET_BUILT]
    assert built.payload["screening"] == screened[0].event_id
    assert "screened_at_build" not in built.payload


def test_answers_changed_after_the_screening_refuse_the_build(desk: Desk, rid: str) -> None:
    desk.interview.screen_record(rid, on=ON)
    desk.interview.set_answer(rid, "phone", "2135550142")
    with pytest.raises(ScreenAgain) as info:
        desk.packets.build(rid, on=ON)
    message = str(info.value)
    assert "the answers changed since the last screening (2026-11-21)" in message
    assert "screen this person again before building a packet" in message
    assert not desk.session.load(rid).packets  # nothing stored
    desk.interview.screen_record(rid, on=ON)  # screened again: the build goes ahead
    packet, _ = desk.packets.build(rid, on=ON)
    assert packet.determination.to_json() == desk.session.load(rid).determination


def test_a_record_nobody_screened_is_screened_and_recorded_by_its_build(
    desk: Desk, rid: str
) -> None:
    """The record screen's Build packet on a record nobody screened: the screening the packet
    says is recorded with it; rebuilt after an edit, the build screens again (it made the last
    screening itself), and the record and the packet agree each time."""
    packet, _ = desk.packets.build(rid, on=ON)
    state = desk.session.load(rid)
    assert state.determination == packet.determination.to_json()
    events = desk.session.events(rid)
    [screened] = [e for e in events if e.type is EventType.SCREENED]
    [built] = [e for e in events if e.type is EventType.PACKET_BUILT]
    assert built.payload["screening"] == screened.event_id
    assert built.payload["screened_at_build"] is True
    desk.interview.set_answer(rid, "phone", "2135550142")
    again, _ = desk.packets.build(rid, on=ON)
    assert again.packet_hash != packet.packet_hash
    assert desk.session.load(rid).determination == again.determination.to_json()
    assert sum(e.type is EventType.SCREENED for e in desk.session.events(rid)) == 2


def test_opening_a_record_only_decrypts_what_the_build_kept(
    desk: Desk, rid: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    built = desk.packets.build_and_show(rid)
    monkeypatch.setattr(core_packets, "draft_mark", never)
    monkeypatch.setattr(core_packets, "flatten", never)
    first = desk.packets.view(rid)
    second = desk.packets.view(rid)
    assert first == second == built
    assert not first.approved and len(first.files) == len(first.shown) == 10
    names = [n for n, _d in first.files]
    i821d = first.files[names.index("I-821D.pdf")][1]
    assert "DRAFT - NOT FOR FILING" in text_of(i821d, tmp_path)
    assert widgets_on_pages(i821d) > 100  # the exported draft stays fillable
    shown = first.shown[names.index("I-821D.pdf")][1]
    assert widgets_on_pages(shown) == 0 and "DRAFT - NOT FOR FILING" in text_of(shown, tmp_path)
    assert first.for_screen() == first.shown
    # export: the draft copies, audited
    view, written = desk.packets.export(rid, tmp_path / "out")
    assert [p.read_bytes() for p in written] == [d for _n, d in view.files]
    assert "DRAFT" in text_of((tmp_path / "out" / "Cover sheet.pdf").read_bytes(), tmp_path)
    actions = [(e.action, e.detail) for e in desk.session.audit_log() if e.record_id == rid]
    assert any(a == "export" and d.endswith("to a folder") for a, d in actions)


def test_a_packet_stored_before_copies_were_kept_makes_them_once(
    desk: Desk, rid: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    desk.packets.build(rid, on=ON)
    latest = desk.session.load(rid).packets[-1]
    folder = desk.session.clinic.data_dir / "packets" / rid / latest
    for copy in folder.glob("*.copy"):  # as an older clinic stored it: the clean files only
        copy.unlink()
    assert desk.session.packet_copies(rid, latest, DRAFT) is None
    made: list[str] = []

    def mark(data: bytes) -> bytes:
        made.append("mark")
        return real_mark(data)

    def flat(data: bytes) -> bytes:
        made.append("flatten")
        return real_flatten(data)

    monkeypatch.setattr(core_packets, "draft_mark", mark)
    monkeypatch.setattr(core_packets, "flatten", flat)
    first = desk.packets.view(rid)
    assert made.count("mark") == 10 and made.count("flatten") == 10
    assert len(list(folder.glob("*.copy"))) == 20
    monkeypatch.setattr(core_packets, "draft_mark", never)
    monkeypatch.setattr(core_packets, "flatten", never)
    assert desk.packets.view(rid) == first


def test_the_approved_packet_is_shown_without_the_mark_and_its_screen_copy_made_once(
    desk: Desk, rid: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    packet, _ = desk.packets.build(rid, on=ON)
    desk.review.act(rid, "approve", packet_hash=packet.packet_hash)
    flattened: list[int] = []

    def flat(data: bytes) -> bytes:
        flattened.append(1)
        return real_flatten(data)

    monkeypatch.setattr(core_packets, "flatten", flat)
    monkeypatch.setattr(core_packets, "draft_mark", never)
    view = desk.packets.view(rid)
    assert view.approved and len(flattened) == 10
    assert view.files == [(f.name, f.data) for f in packet.files]  # the clean originals
    assert desk.packets.view(rid) == view and len(flattened) == 10  # kept, not made again
    latest = desk.session.load(rid).packets[-1]
    assert desk.session.packet_copies(rid, latest, SCREEN[True]) == view.shown
    for _name, data in view.shown:
        assert "DRAFT" not in text_of(data, tmp_path)
    _view, written = desk.packets.export(rid, tmp_path / "approved")
    assert all("DRAFT" not in text_of(p.read_bytes(), tmp_path) for p in written)


def test_a_packet_whose_files_are_not_here_is_rebuilt_from_its_recorded_screening(
    desk: Desk, rid: str
) -> None:
    """As a packet built on another laptop arrives (its event only): rebuilt from the screening
    its event names, not a fresh one, it is the same packet, kept with its copies."""
    record_screening(desk.session, rid, None, BEFORE_WINDOW, policy())
    packet, _ = desk.packets.build(rid, on=ON)
    folder = desk.session.clinic.data_dir / "packets" / rid / packet.packet_hash
    for blob in folder.iterdir():
        blob.unlink()
    assert not desk.session.has_packet_files(rid, packet.packet_hash)
    view = desk.packets.view(rid)
    assert view.packet_hash == packet.packet_hash
    assert desk.session.packet_files(rid, packet.packet_hash) == [
        (f.name, f.data) for f in packet.files
    ]
    assert [d for _n, d in view.files] == [f.draft for f in packet.files]
    assert len(list(folder.glob("*.copy"))) == 20
