"""The errors ClinicDay knows about, under one root, and what a person reads about each.

Every error the code raises on purpose is a :class:`ClinicError`: its message is safe to show
(it names fields, ids and problems, never a person's data). Anything else is a bug, and a person
reads only its kind. :func:`explain` is the one presenter: the app shows its one-line form
(:func:`user_message`), the command line its headline and detail lines.

Code that must react to a particular failure reads attributes the raiser set (an HTTP status, a
:class:`Reason`, ids), never the message text.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from clinic.domain.languages import FALLBACK


class Reason(enum.Enum):
    """Why a known error happened, for code that reacts to it (a retry, a skip)."""

    CODE_ID_TAKEN = "code_id_taken"  # a one-time code's short id is in use: make another
    CONFLICT = "conflict"  # ids already stored with other content (HTTP 409)
    DEVICE_TAKEN = "device_taken"  # enrollment named a device id another laptop holds


class ClinicError(Exception):
    """The root of every error ClinicDay raises on purpose; its message is safe to show.

    ``reason`` (optional) says why, for code that reacts to it. A multi-part error (every
    problem in a set of answers, every value a form cannot take) overrides :attr:`headline` and
    :attr:`details`; the message stays the whole of it on one line."""

    def __init__(self, *args: object, reason: Reason | None = None) -> None:
        super().__init__(*args)
        self.reason = reason

    @property
    def headline(self) -> str:
        """What went wrong, in one line (before the detail lines, if any)."""
        return str(self) or type(self).__name__

    @property
    def details(self) -> tuple[str, ...]:
        """One line per part of a multi-part error; none for a one-part error."""
        return ()


class UsageError(ClinicError, ValueError):
    """A request the core cannot carry out as asked (a missing option, a value out of range)."""


class ScreenAgain(UsageError):
    """A packet asked of a record whose recorded screening is not of its current answers: the
    person is screened again first (the record screen's Screen again, ``clinic intake screen``)."""


@dataclass(frozen=True)
class Explanation:
    """What a person reads about a failure: a headline and detail lines (the command line
    prints them), the whole of it on one line (the app's message bar), and whether the failure
    is one the code knows about (``known``) or a bug, of which only the kind is shown."""

    headline: str
    details: tuple[str, ...] = ()
    line: str = ""
    known: bool = True


def explain(exc: BaseException, lang: str = FALLBACK) -> Explanation:
    """What a person reads about a failed step, in the staff language ``lang``: a known
    error's headline and details; the file and the system's reason for an operating-system
    error; else only the kind of the failure (its message could hold a person's data).
    Messages made with :func:`clinic.messages.say` are translated; others read as written."""
    from clinic.messages import in_language, say

    if isinstance(exc, ClinicError):
        message = exc.args[0] if len(exc.args) == 1 and isinstance(exc.args[0], str) else str(exc)
        line = in_language(message, lang) if message else type(exc).__name__
        headline = exc.headline
        if headline == str(exc):
            headline = line
        else:
            headline = in_language(headline, lang)
        return Explanation(headline, tuple(in_language(d, lang) for d in exc.details), line)
    if isinstance(exc, OSError) and exc.strerror:
        where = f"{exc.filename}: " if exc.filename else ""
        return Explanation(f"{where}{exc.strerror}", line=f"{where}{exc.strerror}")
    kind = in_language(say("internal error ({kind})", kind=type(exc).__name__), lang)
    unchanged = in_language(say("nothing was changed by the failed step"), lang)
    return Explanation(kind, line=f"{kind}; {unchanged}", known=False)


def user_message(exc: BaseException, lang: str = FALLBACK) -> str:
    """What the app shows about a failed step, on one line, in ``lang`` (:func:`explain`)."""
    return explain(exc, lang).line


def problem_in(text: str, lang: str) -> str:
    """A problem with an answer (a :class:`~clinic.messages.Said` from the answers' rules) in
    the staff language ``lang``; any other text as it is. For the screens, which import no
    message tables of their own."""
    from clinic.messages import in_language

    return in_language(text, lang)
