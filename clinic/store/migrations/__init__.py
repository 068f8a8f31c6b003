"""Alembic migrations of the clinic database, applied on open (see ``clinic.store.migrate``)."""
