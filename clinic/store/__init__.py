"""The local store: SQLite through SQLAlchemy 2, with every personal fact encrypted.

``vault`` holds the keys and the ciphers, ``schema`` the tables, ``migrate`` the Alembic upgrade
run on open, ``clinic`` the service the CLI and the GUI call.
"""
