"""Apply the Alembic migrations to a clinic database when it is opened.

The newest revision is known here (``SCHEMA_HEAD``) so an up-to-date database is opened without
loading Alembic at all; a test keeps the constant equal to the newest migration script.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Connection, inspect, text

from clinic.errors import ClinicError

SCHEMA_HEAD = "0004"
MIGRATIONS = Path(__file__).with_name("migrations")


class SchemaTooNew(ClinicError):
    """The database was written by a newer ClinicDay than this one."""


def current_revision(conn: Connection) -> str | None:
    if not inspect(conn).has_table("alembic_version"):
        return None
    row = conn.execute(text("SELECT version_num FROM alembic_version")).first()
    return None if row is None else str(row[0])


def _config(conn: Connection) -> object:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["connection"] = conn
    return cfg


def known_revisions() -> list[str]:
    """Every revision id of the migration scripts, oldest first."""
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    scripts = ScriptDirectory.from_config(cfg)
    return [s.revision for s in reversed(list(scripts.walk_revisions()))]


def upgrade(conn: Connection, revision: str = "head") -> None:
    """Upgrade the database on ``conn`` to ``revision`` (default: the newest)."""
    current = current_revision(conn)
    if revision == "head" and current == SCHEMA_HEAD:
        return
    if current is not None and current not in known_revisions():
        raise SchemaTooNew(
            f"the database has schema {current}, which this version of ClinicDay does not know; "
            "update ClinicDay"
        )
    from alembic import command
    from alembic.config import Config

    cfg = _config(conn)
    assert isinstance(cfg, Config)
    command.upgrade(cfg, revision)
