"""The errors ClinicDay knows about, under one root, and what a person reads about each.

Every error the code raises on purpose is a :class:`ClinicError`: its message is safe to show
(it names fields, ids and problems, never a person's data). Anything else is a bug, and a person
reads only its kind (:func:`user_message`)."""

from __future__ import annotations


class ClinicError(Exception):
    """The root of every error ClinicDay raises on purpose; its message is safe to show."""


class UsageError(ClinicError, ValueError):
    """A request the core cannot carry out as asked (a missing option, a value out of range)."""


def user_message(exc: BaseException) -> str:
    """What a person reads about a failed step: the message of a known error, the file and
    the system's reason for an operating-system error, else only the kind of the failure."""
    if isinstance(exc, OSError) and exc.strerror:
        where = f"{exc.filename}: " if exc.filename else ""
        return f"{where}{exc.strerror}"
    if isinstance(exc, ClinicError):
        return str(exc) or type(exc).__name__
    return f"internal error ({type(exc).__name__}); nothing was changed by the failed step"
