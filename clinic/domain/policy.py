"""Dated policy data: program status, fees and accepted form editions, in force by date.

The data lives in ``resources/rules/*.yaml`` (read by ``clinic.resources``); this module only
parses what was read and answers "what is in force on this date". A later entry supersedes an
earlier one from its ``effective`` date. Pure: no I/O.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from clinic.domain.languages import FALLBACK, client_languages, text_in
from clinic.errors import ClinicError

DACA_BEGAN = dt.date(2012, 6, 15)


class PolicyDataError(ClinicError, ValueError):
    """The rules data is malformed (names the file part and the problem)."""


def _date(value: object, where: str) -> dt.date:
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise PolicyDataError(f"{where}: not a date (YYYY-MM-DD)")


def _text(value: object, where: str) -> dict[str, str]:
    """A text in every client language of the registry (:mod:`clinic.domain.languages`)."""
    langs = client_languages()
    if not isinstance(value, Mapping) or any(
        not isinstance(value.get(lang), str) or not value.get(lang) for lang in langs
    ):
        raise PolicyDataError(f"{where}: needs text in {', '.join(langs)}")
    return {lang: str(value[lang]) for lang in langs}


@dataclass(frozen=True)
class Notice:
    """A program-status notice with its text in each language."""

    code: str
    message: Mapping[str, str]
    applies_to_states: tuple[str, ...] = ()

    def text(self, lang: str) -> str:
        return text_in(self.message, lang) or self.message[FALLBACK]


@dataclass(frozen=True)
class ProgramStatus:
    """What USCIS does with DACA requests from ``effective`` on."""

    effective: dt.date
    initial_requests: str  # decided | accepted_not_decided | not_accepted
    renewals: str  # processed | not_processed
    texas_ead_limited: bool
    source: str
    notices: tuple[Notice, ...] = ()
    confirmed: dt.date | None = None  # when it was last checked against its sources
    installed: bool = False  # from the clinic's own rules file, not the program's


@dataclass(frozen=True)
class FormFee:
    """One form's fee, paper and online."""

    paper: int
    online: int
    note: str = ""


@dataclass(frozen=True)
class FeeSchedule:
    """The fees in force from ``effective`` on."""

    effective: dt.date
    source: str
    forms: Mapping[str, FormFee]


@dataclass(frozen=True)
class Edition:
    """A form edition and the dates between which USCIS accepts it."""

    form: str
    edition: str
    accepted_from: dt.date
    accepted_until: dt.date | None
    confirmed: bool

    def accepted_on(self, day: dt.date) -> bool:
        return self.accepted_from <= day and (
            self.accepted_until is None or day <= self.accepted_until
        )


@dataclass(frozen=True)
class PaymentMethod:
    """A way USCIS takes a fee: the form that authorizes it ("" for a check), where to get that
    form, and how the cover sheet and checklist say it, by language (``{form}``, ``{amount}``)."""

    code: str
    form: str
    title: str
    get: str
    how: Mapping[str, str]

    def said(self, lang: str, *, form: str, amount: str) -> str:
        return (text_in(self.how, lang) or self.how[FALLBACK]).format(form=form, amount=amount)


@dataclass(frozen=True)
class Payments:
    """The payment methods USCIS takes on paper from ``effective`` on (the first the default)."""

    effective: dt.date
    methods: tuple[str, ...]
    source: str
    note: Mapping[str, str]


@dataclass(frozen=True)
class Policy:
    """All dated policy data, with look-ups by date."""

    statuses: tuple[ProgramStatus, ...]
    fees: tuple[FeeSchedule, ...]
    editions: Mapping[str, tuple[Edition, ...]] = field(default_factory=dict)
    payments: tuple[Payments, ...] = ()
    methods: Mapping[str, PaymentMethod] = field(default_factory=dict)

    def payments_on(self, day: dt.date) -> Payments:
        in_force = [p for p in self.payments if p.effective <= day]
        if not in_force:
            raise PolicyDataError(f"no payment methods are in force on {day.isoformat()}")
        return max(in_force, key=lambda p: p.effective)

    def payment_method(self, day: dt.date, code: str | None = None) -> PaymentMethod:
        """The payment method a packet uses on ``day``: ``code`` if USCIS takes it then, else
        the default; a method USCIS does not take on that day is refused, naming those it does."""
        taken = self.payments_on(day).methods
        chosen = code or taken[0]
        if chosen not in taken:
            raise PolicyDataError(
                f"USCIS does not take {chosen.replace('_', ' ')} payments on {day.isoformat()}; "
                f"it takes: {', '.join(m.replace('_', ' ') for m in taken)}"
            )
        return self.methods[chosen]

    def status_on(self, day: dt.date) -> ProgramStatus:
        in_force = [s for s in self.statuses if s.effective <= day]
        if not in_force:
            raise PolicyDataError(f"no program status is in force on {day.isoformat()}")
        return max(in_force, key=lambda s: s.effective)

    def fees_on(self, day: dt.date) -> FeeSchedule:
        in_force = [f for f in self.fees if f.effective <= day]
        if not in_force:
            raise PolicyDataError(f"no fee schedule is in force on {day.isoformat()}")
        return max(in_force, key=lambda f: f.effective)

    def editions_accepted(self, form: str, day: dt.date) -> list[Edition]:
        return [e for e in self.editions.get(form, ()) if e.accepted_on(day)]


_STATUS_KEYS = frozenset(
    {"effective", "confirmed", "initial_requests", "renewals", "texas_ead_limited", "source"}
    | {"notices"}
)
_NOTICE_KEYS = frozenset({"code", "message", "applies_to_states"})


def _notice(raw: object, where: str) -> Notice:
    if not isinstance(raw, Mapping):
        raise PolicyDataError(f"{where}: must be a mapping with code and message")
    unknown = sorted(str(k) for k in raw if k not in _NOTICE_KEYS)
    if unknown:
        raise PolicyDataError(f"{where}: unknown key {unknown[0]}")
    code = raw.get("code")
    if not isinstance(code, str) or not code.replace("_", "").isalnum():
        raise PolicyDataError(f"{where}: code must be a word (letters, digits, _)")
    states = raw.get("applies_to_states") or []
    if not isinstance(states, list) or not all(isinstance(x, str) for x in states):
        raise PolicyDataError(f"{where}: applies_to_states must be a list of state codes")
    return Notice(code, _text(raw.get("message"), where), tuple(states))


def parse_program_status(status_data: object, *, installed: bool = False) -> list[ProgramStatus]:
    """The program-status entries of one YAML document, every key and value checked (a
    clinic's own file names the entry and the key that is wrong)."""
    entries = status_data.get("entries") if isinstance(status_data, Mapping) else None
    if not isinstance(entries, list) or not entries:
        raise PolicyDataError("program status: needs a list of entries")
    statuses: list[ProgramStatus] = []
    for i, raw in enumerate(entries):
        where = f"program_status entry {i + 1}"
        if not isinstance(raw, Mapping):
            raise PolicyDataError(f"{where}: must be a mapping")
        unknown = sorted(str(k) for k in raw if k not in _STATUS_KEYS)
        if unknown:
            raise PolicyDataError(f"{where}: unknown key {unknown[0]}")
        if raw.get("initial_requests") not in ("decided", "accepted_not_decided", "not_accepted"):
            raise PolicyDataError(
                f"{where}: initial_requests must be decided, accepted_not_decided or not_accepted"
            )
        if raw.get("renewals", "processed") not in ("processed", "not_processed"):
            raise PolicyDataError(f"{where}: renewals must be processed or not_processed")
        if not isinstance(raw.get("texas_ead_limited", False), bool):
            raise PolicyDataError(f"{where}: texas_ead_limited must be true or false")
        source = raw.get("source")
        if not isinstance(source, str) or not source.strip():
            raise PolicyDataError(f"{where}: source (the citation) is required")
        notices = raw.get("notices") or []
        if not isinstance(notices, list):
            raise PolicyDataError(f"{where}: notices must be a list")
        statuses.append(
            ProgramStatus(
                effective=_date(raw.get("effective"), f"{where} effective"),
                initial_requests=str(raw["initial_requests"]),
                renewals=str(raw.get("renewals", "processed")),
                texas_ead_limited=bool(raw.get("texas_ead_limited", False)),
                source=source.strip(),
                notices=tuple(_notice(n, f"{where} notice {j + 1}") for j, n in enumerate(notices)),
                confirmed=(
                    _date(raw["confirmed"], f"{where} confirmed") if raw.get("confirmed") else None
                ),
                installed=installed,
            )
        )
    if installed:
        seen: set[dt.date] = set()
        for i, status in enumerate(statuses):
            where = f"program_status entry {i + 1}"
            if status.effective < DACA_BEGAN:
                raise PolicyDataError(
                    f"{where} effective: {status.effective} is before DACA began (2012-06-15)"
                )
            if status.effective in seen:
                raise PolicyDataError(f"{where} effective: {status.effective} is given twice")
            seen.add(status.effective)
    return statuses


def with_installed_status(policy: Policy, installed: Sequence[ProgramStatus]) -> Policy:
    """``policy`` with a clinic's own program-status entries: an entry with the same effective
    date as the program's replaces it; the others are added."""
    dates = {s.effective for s in installed}
    statuses = [s for s in policy.statuses if s.effective not in dates] + list(installed)
    return Policy(
        tuple(sorted(statuses, key=lambda s: s.effective)),
        policy.fees,
        policy.editions,
        policy.payments,
        policy.methods,
    )


def parse_policy(
    status_data: Mapping[str, Any], fee_data: Mapping[str, Any], edition_data: Mapping[str, Any]
) -> Policy:
    """Build a :class:`Policy` from the three loaded YAML documents, checking their shape."""
    statuses = parse_program_status(status_data)
    fees: list[FeeSchedule] = []
    for i, raw in enumerate(fee_data.get("entries") or []):
        where = f"fees entry {i}"
        forms = {
            str(name): FormFee(int(f["paper"]), int(f["online"]), str(f.get("note", "")))
            for name, f in (raw.get("forms") or {}).items()
        }
        fees.append(
            FeeSchedule(_date(raw.get("effective"), where), str(raw.get("source", "")), forms)
        )
    editions: dict[str, tuple[Edition, ...]] = {}
    for form, items in (edition_data.get("forms") or {}).items():
        editions[str(form)] = tuple(
            Edition(
                form=str(form),
                edition=str(e["edition"]),
                accepted_from=_date(e.get("accepted_from"), f"editions {form}"),
                accepted_until=(
                    _date(e["accepted_until"], f"editions {form}")
                    if e.get("accepted_until")
                    else None
                ),
                confirmed=bool(e.get("confirmed", False)),
            )
            for e in items
        )
    if not statuses or not fees:
        raise PolicyDataError("the rules data needs at least one program status and one fee entry")
    return Policy(tuple(statuses), tuple(fees), editions)


def parse_payments(policy: Policy, payment_data: Mapping[str, Any]) -> Policy:
    """``policy`` with the payment methods of ``resources/rules/payments.yaml``, checked."""
    methods: dict[str, PaymentMethod] = {}
    for code, raw in (payment_data.get("methods") or {}).items():
        where = f"payments method {code}"
        if not isinstance(raw, Mapping):
            raise PolicyDataError(f"{where}: must be a mapping")
        methods[str(code)] = PaymentMethod(
            code=str(code),
            form=str(raw.get("form") or ""),
            title=str(raw.get("title") or ""),
            get=str(raw.get("get") or ""),
            how=_text(raw.get("how"), f"{where} how"),
        )
    entries: list[Payments] = []
    for i, raw in enumerate(payment_data.get("entries") or []):
        where = f"payments entry {i + 1}"
        taken = tuple(str(m) for m in raw.get("methods") or ())
        unknown = [m for m in taken if m not in methods]
        if not taken or unknown:
            raise PolicyDataError(f"{where}: methods must name methods listed above")
        entries.append(
            Payments(
                effective=_date(raw.get("effective"), where),
                methods=taken,
                source=str(raw.get("source") or ""),
                note=_text(raw.get("note"), f"{where} note"),
            )
        )
    if not entries:
        raise PolicyDataError("payments: needs at least one entry")
    return Policy(policy.statuses, policy.fees, policy.editions, tuple(entries), methods)
