"""ClinicDay: an offline-first desktop app for DACA clinic days.

The package is layered (see ``docs/architecture.md`` and the shared DESIGN.md): ``gui`` and
``cli`` call the application ``core`` (every use case once); below it ``domain`` is pure logic,
``store`` the encrypted SQLite store, ``packet`` the official forms, ``sync`` the link to the
organization's server.
"""

__version__ = "0.1.0"
