"""Alembic revision scripts, oldest first: 0001 the initial schema, 0002 the sync outbox."""
