"""Pure domain logic: answers model and validation, record events and their fold.

Nothing in this package does I/O or imports Qt, SQLAlchemy or any storage code.
"""
