"""Run Desk calls off the GUI thread and deliver their results on it.

One worker thread owns the :class:`~clinic.core.Desk` (and so the SQLite connections and the
keys); calls run in the order they were made, the way Anki's ``CollectionOp`` serializes work on
the collection. A call's ``on_done`` or ``on_error`` runs later on the GUI thread. Errors a person
can act on (a wrong passphrase, a field that is not valid, a form not installed: every
:class:`clinic.errors.ClinicError`) arrive as their one-line message; anything else arrives as
its type only, so no personal data reaches a dialog. The sync lane and the threading contract
are in :mod:`clinic.core`.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal

from clinic.core import Desk
from clinic.domain.languages import FALLBACK
from clinic.errors import user_message

T = TypeVar("T")


class Ops(QObject):
    """The app's one background worker. ``busy`` tells the window to show a busy cursor."""

    busy = Signal(bool)
    progress = Signal(int, int, str)  # done, total, what: from calls that report progress
    failed = Signal(str)  # an error nobody handled: the window shows it
    _deliver = Signal(object)

    def __init__(self, desk: Desk, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="clinic-ops")
        # sync talks to the network (timeouts of seconds): its own lane, so the screens never
        # wait behind it
        self._sync_pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="clinic-sync")
        self._pending = 0  # calls not yet delivered, on both lanes (tests wait on it)
        self._busy = 0  # of those, on the main lane
        self._closed = False
        self._deliver.connect(self._run_on_gui)
        self.language = FALLBACK  # the staff language errors are told in (the window sets it)

    @property
    def pending(self) -> int:
        return self._pending

    def run(
        self,
        call: Callable[[Desk], T],
        on_done: Callable[[T], object] | None = None,
        on_error: Callable[[str], object] | None = None,
        *,
        lane: str = "main",
    ) -> Future[None]:
        """Run ``call(desk)`` on the worker (or, with ``lane="sync"``, on the sync worker);
        then ``on_done(result)`` or ``on_error(message)`` on the GUI thread."""
        if self._closed:  # the app is closing: a late timer's call is dropped, not an error
            done: Future[None] = Future()
            done.cancel()
            return done
        self._pending += 1
        main = lane != "sync"  # a background sync never shows a busy cursor
        if main:
            self._busy += 1
            if self._busy == 1:
                self.busy.emit(True)

        def job() -> None:
            try:
                result = call(self.desk)
            except Exception as exc:  # every failure is reported; the worker lives on
                message = user_message(exc, self.language)
                self._deliver.emit(lambda: self._finish(on_error, message, True, main))
            else:
                self._deliver.emit(lambda: self._finish(on_done, result, False, main))

        return (self._sync_pool if lane == "sync" else self._pool).submit(job)

    def report_progress(self, done: int, total: int, what: str) -> None:
        """Given to a Desk call as its ``progress``: runs on the worker, shows on the GUI."""
        self.progress.emit(done, total, what)

    def _run_on_gui(self, thunk: Callable[[], None]) -> None:
        thunk()

    def _finish(
        self, handler: Callable[[Any], object] | None, value: Any, failed: bool, main: bool
    ) -> None:
        self._pending -= 1
        try:
            if handler is not None:
                handler(value)
            elif failed:
                self.failed.emit(str(value))
        finally:
            if main:
                self._busy -= 1
                if self._busy == 0:
                    self.busy.emit(False)

    def shutdown(self) -> None:
        """Finish queued calls, then drop the keys and close the clinic (on the worker)."""
        if self._closed:
            return
        self._closed = True
        self._sync_pool.shutdown(wait=True)
        self._pool.submit(lambda: self.desk.close())
        self._pool.shutdown(wait=True)
