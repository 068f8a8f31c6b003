"""The organization's central sync server (``clinic serve``): FastAPI over SQLite or PostgreSQL.

It stores sealed events it cannot open, de-identified tallies, org-level blind-index digests and
device records; it enrolls devices with one-time codes and hands out alerts (DESIGN.md sections 3,
4 and 6).
"""
