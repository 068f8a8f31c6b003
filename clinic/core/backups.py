"""Backups (``desk.backups``): a backup file a person asks for, the automatic one of each day,
and restoring a backup into a new folder. The files are written by :mod:`clinic.store.backup`;
the records in them stay encrypted with the clinic's data key.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from clinic import clock
from clinic.core.files import outside_clinic_folders, ready_file
from clinic.errors import UsageError
from clinic.store.backup import (
    BACKUP_FOLDER,
    BackupError,
    BackupInfo,
    daily_backup,
    daily_due,
    is_backup,
    restore_backup,
    write_backup,
)

if TYPE_CHECKING:
    from clinic.core.desk import Desk

__all__ = ["BackupError", "BackupInfo", "Backups"]


class Backups:
    """Backups of the desk's clinic: on request, and each day when the app locks."""

    def __init__(self, desk: Desk, *, daily: bool = False) -> None:
        self._desk = desk
        self.on_lock = daily  # write the day's backup when the app locks or closes
        self.last_error = ""  # why the last automatic backup failed ("" when it did not)

    def at_lock(self) -> None:
        """The automatic backup when the app locks or closes (the end of someone's day): a
        failure never keeps the keys in memory; it is kept in :attr:`last_error` for Settings."""
        if not self.on_lock:
            return
        try:
            self.daily()
            self.last_error = ""
        except (BackupError, UsageError, OSError) as exc:
            self.last_error = str(exc)

    def back_up(self, out: Path, *, replace: bool = False) -> BackupInfo:
        """Write a backup of the whole clinic to ``out`` (never inside a clinic's folder),
        audited. Anyone signed in may: every record in it stays encrypted. An existing file is
        replaced only when ``replace`` says the person agreed (an earlier backup is kept)."""
        desk = self._desk
        session = desk.session
        if desk.damaged():
            raise UsageError("the database is damaged: export what is intact instead")
        ready_file(out)
        if out.exists() and not replace:
            raise UsageError(
                f"{out}: already exists (an earlier backup?); choose another name, or replace it"
            )
        if out.exists() and not is_backup(out):
            raise UsageError(
                f"{out}: is not a ClinicDay backup, and only a backup is ever replaced; "
                "choose another name"
            )
        info = write_backup(desk.data_dir, out, clock.now())
        session.audit_action("backup", f"to {out.name}")  # once it is written, not before
        return info

    def daily(self) -> BackupInfo | None:
        """Today's automatic backup in the data folder's ``backups/``, if one is due (none yet
        today, or the records changed since); None otherwise, or when no one is signed in."""
        desk = self._desk
        if not desk.is_signed_in() or desk.damaged():
            return None
        on = desk.today()
        if daily_due(desk.data_dir, on) is None:
            return None
        desk.session.audit_action("backup", "automatic, of the day")
        return daily_backup(desk.data_dir, clock.now(), on)

    def suggested_name(self) -> str:
        """A name for a backup file a person writes: the clinic's date in it."""
        return f"clinicday-backup-{self._desk.today().isoformat()}.zip"

    def folder(self) -> Path:
        """Where the automatic backups are (a whole path, as Settings shows it)."""
        return (self._desk.data_dir / BACKUP_FOLDER).absolute()

    def automatic(self) -> list[Path]:
        """The automatic backups kept, newest first."""
        return sorted(self.folder().glob("clinic-*.zip"), reverse=True)


def restore(backup: Path, target: Path) -> int:
    """Restore ``backup`` into the new (or empty) folder ``target``; returns the files
    restored. A damaged or foreign file is refused and nothing is left behind."""
    # never one clinic inside another's folder (a clinic in target itself: restore_backup says)
    outside_clinic_folders(target.expanduser().absolute().parent)
    return restore_backup(backup, target)
