"""The local store: SQLite through SQLAlchemy 2, with every personal fact encrypted.

``vault`` holds the keys and the ciphers, ``schema`` the tables, ``migrate`` the Alembic upgrade
run on open, ``clinic`` the clinic the core opens and unlocks, and its signed-in ``Session``,
composed of repositories that store and decide nothing (``users``, ``records``, ``index``,
``drafts``, ``files``, ``outbox``, ``audit``, ``settings``) over the plumbing of ``base``;
``syncstate`` is the typed sync state. ``docs/storage.md`` describes them.
"""
