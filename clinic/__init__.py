"""ClinicDay: an offline-first desktop app for DACA clinic days.

The package is layered (see ``docs/architecture.md`` and the shared DESIGN.md): ``domain`` is pure
logic, ``store`` is the encrypted SQLite store, ``cli`` is the thin ``clinic`` command.
"""

__version__ = "0.1.0"
