"""The application core: every use case of a clinic day, once, for the app and the command line.

``clinic.gui`` and ``clinic.cli`` import only this package, ``clinic.domain`` and
``clinic.errors`` (``tests/test_layering.py``). A :class:`Desk` is one clinic data folder; its
managers do the work, the way Anki's ``Collection`` has ``decks`` and ``models``:

=====================  ==========================================================================
``desk.people``        the Today board, search, check-in, import, lookup, people informed
``desk.interview``     a record for the record screen, drafts, answers, screening
``desk.packets``       build, store, show, print and export a record's packet
``desk.review``        the attorney's queue; approve, return, comment
``desk.sync``          enrollment, the org key, one sync and its status, conflicts
``desk.admin``         site, users, passphrases, forms, notices, checks and the audit log
``desk.reports``       de-identified counts and their export
=====================  ==========================================================================

Beside the desk: ``clinic.core.orgserver`` (the organization's server, as its operator serves
and sets it up), ``clinic.core.selftest`` (``clinic selftest``) and ``clinic.core.files`` (files a
person asked for, written whole or not at all).

Below the core: ``clinic.domain`` decides (pure rules, no I/O), ``clinic.store`` stores
(encrypted records, drafts, index, outbox, audit), ``clinic.packet`` fills the official PDFs,
``clinic.sync`` talks to the server. ``docs/architecture.md`` draws it.

Threading contract
------------------
A :class:`Desk` is used from at most two threads at once, as the app's ``clinic.gui.ops`` does:

* the **main lane** (one worker thread) may call anything;
* the **sync lane** (a second worker) calls only ``desk.sync`` methods.

This is safe because a signed-in :class:`~clinic.store.clinic.Session` holds only its keys,
which never change: every store call checks out its own SQLite connection from the pool and
runs one transaction (writes ``BEGIN IMMEDIATE``, so two writers queue, never interleave). What
the desk itself holds (the open clinic, the session, the loaded rules) changes only under its
lock, and only sign-in, lock and close change it, on the main lane. A call that began before a
lock finishes with the keys it started with; the next call raises :class:`Locked`. The GUI
thread never calls the core (``tests/gui`` fail any call made on it). The command line uses one
thread.
"""

from __future__ import annotations

from clinic.core.desk import Desk, Locked, app_icon, default_data_dir, staff_translation
from clinic.core.views import (
    STATIONS,
    AutomapDraft,
    Board,
    BoardRow,
    PacketView,
    RecordView,
    SignedIn,
    SyncStatus,
    TimelineEntry,
    station_of,
)
from clinic.domain.records import RecordSummary

__all__ = [
    "STATIONS",
    "AutomapDraft",
    "Board",
    "BoardRow",
    "Desk",
    "Locked",
    "PacketView",
    "RecordSummary",
    "RecordView",
    "SignedIn",
    "SyncStatus",
    "TimelineEntry",
    "app_icon",
    "default_data_dir",
    "staff_translation",
    "station_of",
]
