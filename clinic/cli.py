"""The ``clinic`` command: argparse subcommands that parse, call the application core
(:mod:`clinic.core`) and print.

Errors the user can act on print ``clinic: error: ...`` (with detail lines for a multi-part error)
and exit with status 2; nothing is changed by a command that fails. What a person reads about an
error comes from :func:`clinic.errors.explain`, as in the app. An unexpected failure prints only
the exception's type (never its message, which could hold a person's data) unless
``CLINIC_DEBUG=1`` is set.
"""

from __future__ import annotations

import argparse
import contextlib
import getpass
import json
import os
import sys
import unicodedata
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from clinic import __version__, clock
from clinic.core import Desk, RecordSummary, default_data_dir
from clinic.core.demo import DEMO_PASSPHRASE, DEMO_SEED, DEMO_SITE
from clinic.core.files import ready_file, ready_folder, write_file
from clinic.core.interview import screening_language
from clinic.core.reports import check_period, format_of
from clinic.domain.answers import PROFILE_SPECS, normalize_answers, shown_key, too_deep_under
from clinic.domain.languages import FALLBACK, client_languages, english_name, staff_languages
from clinic.domain.roles import ROLE_NAMES, a_role
from clinic.domain.rule_texts import OUTCOME_LABELS, heading, outcome_label
from clinic.domain.rules import Determination
from clinic.errors import ClinicError, ScreenAgain, UsageError, explain

if TYPE_CHECKING:
    from clinic.core.orgserver import OrgServer

EXIT_USAGE = 2
EXIT_INTERNAL = 3


# What two records share, as the duplicate warnings name it.
MATCH_NAMES = {"a_number": "A-Number", "ssn": "SSN", "name_dob": "family name and birth date"}


class CliError(UsageError):
    """A usage problem found by the CLI itself."""


# -- helpers --------------------------------------------------------------------------------


def _data_dir(args: argparse.Namespace) -> Path:
    value = getattr(args, "data", None) or os.environ.get("CLINIC_DATA")
    if value:
        return Path(value).expanduser()
    app_folder = default_data_dir()  # where the desktop app keeps its clinic
    if Desk(app_folder).has_clinic():
        print(f"clinic: using the desktop app's clinic in {app_folder}", file=sys.stderr)
        return app_folder
    raise CliError(
        f"no data folder: give --data DIR or set CLINIC_DATA (the desktop app's folder, "
        f"{app_folder}, holds no clinic)"
    )


def _read_secret(env: str, prompt: str, *, confirm: bool = False) -> str:
    value = os.environ.get(env)
    if value is not None:
        return value
    if not sys.stdin.isatty():
        raise CliError(f"no passphrase: set {env} or run in a terminal to be asked")
    first = getpass.getpass(prompt)
    if confirm and getpass.getpass("Repeat it: ") != first:
        raise CliError("the two passphrases differ")
    return first


def _read_user(args: argparse.Namespace) -> str:
    value = getattr(args, "user", None) or os.environ.get("CLINIC_USER")
    if value:
        return str(value)
    if not sys.stdin.isatty():
        raise CliError("no user: give --user NAME or set CLINIC_USER")
    return input("User: ").strip()


def _unlock(args: argparse.Namespace, *, forms_dir: Path | None = None) -> Desk:
    """The clinic of the data folder with the user signed in (``--user`` and the passphrase)."""
    desk = Desk(_data_dir(args), forms_dir=forms_dir)
    user = _read_user(args)
    passphrase = _read_secret("CLINIC_PASSPHRASE", f"Passphrase for {user}: ")
    desk.sign_in(user, passphrase)
    if desk.damaged():
        print(
            "clinic: warning: the clinic database is damaged; it is open read-only so that what "
            "is intact can be exported. Restore it from a backup.",
            file=sys.stderr,
        )
    return desk


def _width(text: str) -> int:
    """Columns a string takes in a terminal: Hangul and other wide characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _print_table(rows: Sequence[Sequence[str]], out: TextIO) -> None:
    if not rows:
        return
    widths = [max(_width(r[i]) for r in rows) for i in range(len(rows[0]))]
    for r in rows:
        cells = [c + " " * (w - _width(c)) for c, w in zip(r, widths, strict=True)]
        out.write("  ".join(cells).rstrip() + "\n")


def _person_rows(people: Sequence[RecordSummary]) -> list[list[str]]:
    rows = [["ID", "FAMILY", "GIVEN", "NATIVE", "BORN", "LANG", "STATUS", "SCREENING"]]
    for p in people:
        rows.append(
            [p.record_id[:8], p.family, p.given, p.native, p.dob, p.language, p.status, p.outcome]
        )
    return rows


def _load_json_file(path: Path) -> Any:
    try:
        text = path.read_text(encoding="utf-8-sig")  # a byte-order mark (Notepad) is no error
    except FileNotFoundError:
        raise CliError(f"{path}: no such file") from None
    except UnicodeDecodeError:
        raise CliError(f"{path}: not UTF-8 text") from None
    except OSError as exc:
        raise CliError(f"{path}: cannot be read ({exc.strerror})") from None
    deep = too_deep_under(text)
    if deep is not None:  # named before the parser could recurse into it
        raise CliError(f"{path}: {deep} nests too deep to be answers")
    try:
        return json.loads(text, object_pairs_hook=_no_duplicate_keys)
    except json.JSONDecodeError as exc:
        raise CliError(f"{path}: malformed JSON at line {exc.lineno}, column {exc.colno}") from None
    except _DuplicateKey as exc:  # which of the two is meant? refused, never the last one
        shown = shown_key(exc.key)
        what = f"the key {shown}" if shown else "a key (not shown: it is not an answer key)"
        raise CliError(f"{path}: {what} is given twice in one object") from None
    except RecursionError:
        raise CliError(f"{path}: nested too deep to be answers") from None


class _DuplicateKey(CliError):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise _DuplicateKey(key[:60])
        out[key] = value
    return out


# -- commands -------------------------------------------------------------------------------


def cmd_init(args: argparse.Namespace) -> int:
    data = _data_dir(args)
    passphrase = _read_secret(
        "CLINIC_PASSPHRASE", f"New passphrase for {args.admin}: ", confirm=True
    )
    zone = Desk(data).create(
        args.site,
        args.admin,
        passphrase,
        kdf_seconds=args.kdf_seconds,
        timezone=args.timezone,
    )
    print(
        f"Created clinic '{args.site.strip()}' in {data} (time zone {zone}) with admin user "
        f"{args.admin}."
    )
    return 0


def cmd_user(args: argparse.Namespace) -> int:
    desk = _unlock(args)
    if args.user_cmd == "list":
        rows = [["USER", "ROLE", "STATE", "CREATED"]]
        for u in desk.admin.users():
            rows.append(
                [
                    u.username,
                    u.role.value,
                    "disabled" if u.disabled else "active",
                    u.created_at[:10],
                ]
            )
        _print_table(rows, sys.stdout)
    elif args.user_cmd == "add":
        new = _read_secret(
            "CLINIC_NEW_PASSPHRASE", f"New passphrase for {args.name}: ", confirm=True
        )
        desk.admin.add_user(args.name, args.role, new)
        print(f"Added {args.role} {args.name}.")
    elif args.user_cmd == "passwd":
        target = args.name or desk.signed_in().username
        new = _read_secret("CLINIC_NEW_PASSPHRASE", f"New passphrase for {target}: ", confirm=True)
        desk.admin.change_passphrase(new, target)
        print(f"Changed the passphrase of {target}.")
    elif args.user_cmd == "disable":
        desk.admin.disable_user(args.name)
        print(f"Disabled {args.name}; their key wrap is deleted.")
    elif args.user_cmd == "profile":
        changes = {
            field: getattr(args, field)
            for field in PROFILE_SPECS
            if getattr(args, field, None) is not None
        }
        profile = (
            desk.admin.set_profile(changes, args.name) if changes else desk.admin.profile(args.name)
        )
        who = args.name or desk.signed_in().username
        if not profile:
            print(f"{who} has no profile yet (see clinic user profile --help).")
        for field, value in profile.items():
            print(f"{field}: {value}")
    return 0


def _people_from_json(data: Any) -> list[dict[str, Any]]:
    if isinstance(data, dict):
        return [data]
    if isinstance(data, list) and all(isinstance(p, dict) for p in data):
        return list(data)
    raise CliError("the file must hold an answers object or a list of them")


def cmd_intake(args: argparse.Namespace) -> int:
    desk = _unlock(args)
    sub = args.intake_cmd
    if sub == "import":
        people = _people_from_json(_load_json_file(Path(args.file)))
        result = desk.people.import_people(people)
        for i, record_id in enumerate(result.record_ids):
            print(f"imported {record_id}" + (f" (person {i})" if len(people) > 1 else ""))
        for i, other, kind in result.possible_duplicates:
            print(
                f"warning: person {i} has the same {MATCH_NAMES.get(kind, kind)} as record "
                f"{other[:8]}: check for a duplicate",
                file=sys.stderr,
            )
        print(f"Imported {_count(len(result.record_ids), 'person', 'people')}.", file=sys.stderr)
    elif sub == "list":
        listed, damaged = desk.people.list()
        _print_table(_person_rows(listed), sys.stdout)
        print(f"{_count(len(listed), 'person', 'people')}.", file=sys.stderr)
        for exc in damaged:
            print(f"clinic: error: {exc}", file=sys.stderr)
        return EXIT_USAGE if damaged else 0
    elif sub == "show":
        record_id = desk.people.resolve_id(args.id)
        state = desk.people.show(record_id)
        if args.json:
            out = {
                "record_id": state.record_id,
                "status": state.status.value,
                "language": state.language,
                "created_at": state.created_at,
                "updated_at": state.updated_at,
                "answers": dict(sorted(state.answers.items())),
                "conflicts": sorted(state.conflicts),
                "events": state.event_count,
            }
            print(json.dumps(out, ensure_ascii=False, indent=2))
        else:
            print(
                f"Record {state.record_id}  status: {state.status.value}  "
                f"events: {state.event_count}"
            )
            print(f"Created {state.created_at} by {state.created_by}; updated {state.updated_at}")
            for key, value in sorted(state.answers.items()):
                shown = (
                    json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else value
                )
                print(f"  {key}: {shown}")
            for key in sorted(state.conflicts):
                print(f"  CONFLICT {key}: edited on two laptops at once; choose a value")
    elif sub == "export":
        record_id = desk.people.resolve_id(args.id)
        if args.out:
            ready_file(Path(args.out))  # before the export is read (and audited)
        answers = desk.people.export_answers(record_id)
        text = json.dumps(answers, ensure_ascii=False, indent=2) + "\n"
        if args.out:
            write_file(Path(args.out), text.encode("utf-8"))
            print(f"Exported {record_id[:8]} to {args.out}.", file=sys.stderr)
        else:
            sys.stdout.write(text)
    elif sub == "screen":
        record_id = desk.people.resolve_id(args.id)
        on = _evaluation_date(args.on, args)
        det = desk.interview.screen_record(record_id, on=on, lang=args.lang)
        sys.stdout.write(
            render_determination(det, desk.interview.language_of(record_id, args.lang))
        )
    elif sub == "find":
        found = desk.people.find(
            a_number=args.a_number, ssn=args.ssn, family=args.family, dob=args.dob
        )
        _print_table(_person_rows(found), sys.stdout)
        print(f"{len(found)} match(es).", file=sys.stderr)
    return 0


def _clinic_today(args: argparse.Namespace | None) -> date:
    """Today in the clinic's time zone when the data folder holds a clinic; else the
    machine's."""
    value = None if args is None else getattr(args, "data", None) or os.environ.get("CLINIC_DATA")
    if value:
        desk = Desk(Path(value).expanduser())
        try:
            if desk.has_clinic():
                return desk.today()
        except ClinicError:
            pass
        finally:
            desk.close()
    return clock.today(None)


def _evaluation_date(text: str | None, args: argparse.Namespace | None = None) -> date:
    """The date given (``--on``, ``--date``), else today in the clinic's time zone."""
    if not text:
        return _clinic_today(args)
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise CliError(f"--on: not a real date (expected YYYY-MM-DD): {text}") from None


def render_determination(det: Determination, lang: str) -> str:
    """The determination as a volunteer reads it, in ``lang``."""
    lines = [
        f"{heading('request_type', lang)}: {heading(det.request_type, lang)}",
        f"{heading('outcome', lang)}: {OUTCOME_LABELS[det.outcome].get(lang)} ({det.outcome})",
    ]
    if det.filing_window:
        w = det.filing_window
        lines.append(
            heading("window", lang).format(
                opens=w.opens.isoformat(),
                closes=w.closes.isoformat(),
                expires=w.expires.isoformat(),
            )
        )
    for title, items in (("flags", det.flags), ("reasons", det.reasons)):
        if items:
            lines.append(f"{heading(title, lang)}:")
            lines.extend(f"  - [{f.code}] {f.message} ({f.citation})" for f in items)
    if det.notices:
        lines.append(f"{heading('notices', lang)}:")
        lines.extend(f"  - {n.message}" for n in det.notices)
    lines.append(heading("disclaimer", lang))
    return "\n".join(lines) + "\n"


def _offline_desk(args: argparse.Namespace, forms_dir: Path | None = None) -> Desk:
    """A desk for work that needs no clinic (screening a file, a packet from answers): never
    opened or signed in; every date it is given is explicit."""
    value = getattr(args, "data", None) or os.environ.get("CLINIC_DATA")
    return Desk(Path(value).expanduser() if value else Path.cwd(), forms_dir=forms_dir)


def cmd_screen(args: argparse.Namespace) -> int:
    answers = normalize_answers(_load_json_file(Path(args.answers)))
    on = _evaluation_date(args.on, args)
    desk = _offline_desk(args)
    det = desk.interview.screen_answers(answers, on=on, lang=args.lang)
    if args.json:
        print(json.dumps(det.to_json(), ensure_ascii=False, indent=2))
    else:
        sys.stdout.write(render_determination(det, screening_language(answers, args.lang)))
        status = desk.policy.status_on(on)
        whose = "this clinic's" if status.installed else "ClinicDay's"
        confirmed = f", confirmed {status.confirmed}" if status.confirmed else ""
        print(f"Program status: {whose} entry effective {status.effective}{confirmed} "
              "(clinic rules show)")  # fmt: skip
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    data = _data_dir(args)
    passphrase = os.environ.get("CLINIC_PASSPHRASE", DEMO_PASSPHRASE)
    desk = Desk(data)
    fresh = desk.build_demo(
        people=args.people,
        seed=args.seed,
        on=_evaluation_date(args.on, args),
        site=args.site,
        passphrase=passphrase,
        kdf_seconds=args.kdf_seconds,
    )
    if fresh:
        print(
            f"Built a demo clinic in {data} with "
            f"{_count(args.people, 'synthetic person', 'synthetic people')}."
        )
    else:
        print(f"The demo clinic in {data} already exists; showing it.")
    where = "in CLINIC_PASSPHRASE" if "CLINIC_PASSPHRASE" in os.environ else f"'{DEMO_PASSPHRASE}'"
    print(
        "Sign in as admin, vol (volunteer), atty (attorney) or coord (coordinator); "
        f"the demo passphrase is {where}."
    )
    if args.list:
        desk.sign_in("admin", passphrase)
        people, _damaged = desk.people.list()
        _print_table(_person_rows(people), sys.stdout)
    return 0


def _forms_dir(args: argparse.Namespace) -> Path:
    if getattr(args, "forms_dir", None):
        return Path(args.forms_dir).expanduser()
    return _data_dir(args) / "forms"


def cmd_forms(args: argparse.Namespace) -> int:
    desk = _offline_desk(args, _forms_dir(args))  # form PDFs are public: no passphrase
    admin = desk.admin
    sub = args.forms_cmd
    if sub == "list":
        installed = {f.pack.key: f for f in admin.installed_forms()}
        today = _evaluation_date(args.on, args)
        rows = [
            ["FORM", "EDITION", "ACCEPTED FROM", "UNTIL", "ON " + today.isoformat(), "INSTALLED"]
        ]
        for pack in admin.form_packs():
            rows.append(
                [
                    pack.form,
                    pack.edition + ("" if pack.confirmed else " (dates to confirm)"),
                    pack.accepted_from.isoformat(),
                    pack.accepted_until.isoformat() if pack.accepted_until else "-",
                    "accepted" if pack.accepted_on(today) else "not accepted",
                    installed[pack.key].path.name if pack.key in installed else "no",
                ]
            )
        _print_table(rows, sys.stdout)
        if not admin.has_pack("I-765WS"):
            print(
                "Form I-765WS has no pack yet: its answers are on the answer sheet. To add it: "
                "clinic forms automap PDF --out DRAFT.yaml, check it, clinic forms confirm "
                "DRAFT.yaml PDF.",
                file=sys.stderr,
            )
        return 0
    if sub in ("verify", "install"):

        def one(name: str) -> str:
            if sub == "verify":
                return f"{name}: verified {admin.verify_form(Path(name))}"
            [form] = admin.install_forms([Path(name)])
            return f"{name}: installed {form.pack.key} as {form.path}"

        failed = 0
        for name in args.pdf:  # every file is tried; each failure is named
            try:
                print(one(name))
            except ClinicError as exc:
                failed += 1
                _print_error(exc)
        return EXIT_USAGE if failed else 0
    if sub == "confirm":
        form = admin.confirm_pack(Path(args.draft), Path(args.pdf))
        print(f"Confirmed the pack of {form.pack.key} for this clinic and installed {form.path}.")
        return 0
    if sub == "automap":
        draft = admin.automap(Path(args.pdf), Path(args.out))
        print(
            f"Wrote a DRAFT pack to {args.out}: {draft.summary}. A person must check every line; "
            "then put it in forms/<form>/<edition date>.yaml with confirmed: true."
        )
        return 0
    if sub == "fetch":
        results = admin.fetch_forms(_evaluation_date(args.on, args), args.form or ())
        for r in results:
            if r.installed:
                print(f"{r.pack.key}: downloaded and installed as {r.installed.path}")
            else:
                print(f"clinic: error: {r.pack.key}: {r.error}", file=sys.stderr)
        return EXIT_USAGE if any(r.error for r in results) or not results else 0
    return EXIT_USAGE


def cmd_packet(args: argparse.Namespace) -> int:
    on = _evaluation_date(args.on, args)
    out = Path(args.out).expanduser()
    if bool(args.answers) == bool(args.record):
        raise CliError("give --answers FILE.json, or --record ID (with --data)")
    if args.stored:
        if not args.record:
            raise CliError("--stored goes with --record ID")
        return _export_stored_packet(args, out)
    if args.answers and args.attorney:
        raise CliError("--attorney goes with --record ID (the attorney of record is a user)")
    ready_folder(out)  # before the screening and the stored packet: a bad --out loses nothing
    if args.answers:
        desk = _offline_desk(args, _forms_dir(args))
        packet = desk.packets.build_from_answers(
            _load_json_file(Path(args.answers)),
            on=on,
            filing=args.filing,
            lang=args.lang,
            payment=args.payment,
        )
        written = packet.write(out, draft=True)
        print(f"Wrote a draft packet ({_count(len(written) - 1, 'file', 'files')}) to {out}.")
    else:
        desk = _unlock(args, forms_dir=_forms_dir(args))
        record_id = desk.people.resolve_id(args.record)
        try:
            packet, approved = desk.packets.build(
                record_id,
                on=on,
                filing=args.filing,
                lang=args.lang,
                payment=args.payment,
                attorney=args.attorney,
            )
        except ScreenAgain as exc:  # the command that does it, for a person at a terminal
            raise CliError(f"{exc} (clinic intake screen {record_id[:8]})") from None
        desk.packets.write_built(record_id, packet, approved, out)
        state_word = "approved" if approved else "draft"
        print(
            f"Stored packet {packet.packet_hash[:12]} (encrypted); wrote the {state_word} packet "
            f"to {out}."
        )
    for note in packet.notes:
        print(f"note: {note}", file=sys.stderr)
    if packet.blank:
        print(f"left blank, the filer must answer: {'; '.join(packet.blank)}", file=sys.stderr)
    print(
        f"Screening: {outcome_label(packet.determination.outcome, FALLBACK)} "
        f"({packet.determination.outcome}); forms: {', '.join(packet.forms)}.",
        file=sys.stderr,
    )
    return 0


def _export_stored_packet(args: argparse.Namespace, out: Path) -> int:
    """Write the latest stored packet of a record (approved: without the draft mark)."""
    desk = _unlock(args)
    record_id = desk.people.resolve_id(args.record)
    try:
        view, _paths = desk.packets.export(record_id, out)
    except OSError as exc:
        raise CliError(f"{out}: cannot be written ({exc.strerror})") from None
    word = "approved" if view.approved else "draft"
    print(f"Wrote the stored {word} packet {view.packet_hash[:12]} to {out}.")
    return 0


def cmd_review(args: argparse.Namespace) -> int:
    desk = _unlock(args)
    record_id = desk.people.resolve_id(args.id)
    event = desk.review.act(record_id, args.review_cmd, args.text or "", args.item)
    packet_hash = str(event.payload.get("packet_hash", ""))
    packet = packet_hash[:12]
    done = {
        "approve": f"Approved packet {packet}: it is locked; any edit to the answers means "
        "building it again and a new review. Export it with: clinic packet --record ID --stored "
        "--out DIR",
        "return": f"Returned packet {packet} to the volunteer with your comment.",
        "comment": "Comment recorded.",
    }
    print(done[args.review_cmd])
    if args.review_cmd == "approve":
        blank = desk.review.left_blank(record_id, packet_hash)
        if blank:
            print(
                "note: the approved packet leaves blank, for the filer to answer by hand before "
                f"mailing: {'; '.join(blank)}",
                file=sys.stderr,
            )
    return 0


def cmd_gui(args: argparse.Namespace) -> int:

    try:
        from clinic.gui.app import run
    except ImportError as exc:
        raise CliError(
            f"the desktop app cannot start: {exc} (install ClinicDay with its desktop extra, "
            "pip install 'clinicday[gui]', or run tools/setup in a checkout)"
        ) from None
    data = Path(args.data).expanduser() if args.data else default_data_dir()
    forms = Path(args.forms_dir).expanduser() if args.forms_dir else None
    if args.idle_minutes <= 0:
        raise CliError("--idle-minutes: must be more than 0")
    if no_screen():
        raise CliError(
            "the desktop app needs a screen, and this session has none (DISPLAY and "
            "WAYLAND_DISPLAY are not set): start it from the laptop's desktop, or use the "
            "clinic commands here"
        )
    return run(data, lang=args.lang, idle_minutes=args.idle_minutes, forms_dir=forms)


def no_screen() -> bool:
    """Whether Qt would find no screen: Linux (or another X11 system) with neither an X nor a
    Wayland display and no platform chosen (Windows and macOS always have theirs)."""
    if sys.platform in ("win32", "darwin") or os.environ.get("QT_QPA_PLATFORM"):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def _org_server(args: argparse.Namespace) -> OrgServer:
    from clinic.core.orgserver import OrgServer

    return OrgServer(args.db, Path.cwd())


def cmd_serve(args: argparse.Namespace) -> int:
    server = _org_server(args)
    if args.workers > 1 and server.on_sqlite:
        print(
            f"clinic: note: {args.workers} workers over one SQLite file take turns to write "
            "(it works on a local disk, never on a network folder); for several workers use "
            "PostgreSQL (--db postgresql+psycopg://...)",
            file=sys.stderr,
        )
    server.check_serving(args.tls_cert, args.tls_key, args.workers)
    was, now = server.migrate()  # once, before any worker starts; said when it did something
    if was != now:
        print(
            f"Migrated the server's database from schema {was or '(empty)'} to {now}.",
            flush=True,
        )
    server.serve(
        args.host,
        args.port,
        tls_cert=args.tls_cert,
        tls_key=args.tls_key,
        workers=args.workers,
        started=lambda url: print(
            f"ClinicDay sync server on {url} (API docs at /docs)", flush=True
        ),
    )
    return 0


def cmd_server(args: argparse.Namespace) -> int:
    server = _org_server(args)
    if args.server_cmd == "migrate":
        was, now = server.migrate()
        if was == now:
            print(f"The server's database was already at schema {now} (current): nothing to do.")
        elif not was:
            print(f"Created the server's tables in a new database: schema {now} (current).")
        else:
            print(f"Migrated the server's database from schema {was} to {now} (current).")
        return 0
    if args.server_cmd == "init":
        out = Path(args.org_key_out).expanduser()
        org_id = server.init(
            out,
            lambda: _read_secret(
                "CLINIC_ORG_PASSPHRASE", "Passphrase for the org key file: ", confirm=True
            ),
            args.kdf_seconds,
        )
        print(
            f"Organization {org_id} set up. Its key file is {out}: keep it offline; import "
            "it on attorney and coordinator laptops with 'clinic sync import-org-key'.\n"
            f"Organization key fingerprint: {server.fingerprint()} (each laptop shows it when "
            "it enrolls; the two must match)."
        )
        return 0
    if args.server_cmd == "enroll-code":
        passphrase = _read_secret("CLINIC_ORG_PASSPHRASE", "Passphrase of the org key file: ")
        code, expires = server.enroll_code(Path(args.org_key), passphrase, args.role, args.hours)
        print(
            f"The laptop must show the organization key fingerprint {server.fingerprint()}.\n"
            f"Enrollment code for {a_role(args.role)} laptop (one use, until {expires}):\n{code}"
        )
        return 0
    if args.server_cmd == "publish-pack":
        passphrase = _read_secret("CLINIC_ORG_PASSPHRASE", "Passphrase of the org key file: ")
        key = server.publish_pack(Path(args.org_key), passphrase, Path(args.pack))
        print(f"Published the pack of {key}, signed; laptops get it at their next sync.")
        return 0
    if args.server_cmd == "alert":
        texts = {code: getattr(args, code) or "" for code in client_languages()}
        english = texts.pop(FALLBACK)
        server.post_alert(args.alert_id, args.effective, english, texts)
        print(f"Alert {args.alert_id} posted; laptops show it after their next sync.")
        return 0
    if args.server_cmd == "devices":
        devices = server.devices()
        rows = [
            [
                d.device_id,
                d.name,
                d.role,
                "revoked" if d.revoked else "active",
                d.last_seen,
                "AUDIT LOG REWRITTEN" if d.audit_alarm else "",
            ]
            for d in devices
        ]
        _print_table(rows, sys.stdout)
        for d in devices:
            if d.audit_alarm:
                print(
                    f"warning: device {d.device_id} ({d.name}): {d.audit_alarm}; "
                    f"'clinic server audit {d.device_id}' shows what it first wrote",
                    file=sys.stderr,
                )
        return 0
    if args.server_cmd == "audit":
        passphrase = _read_secret("CLINIC_ORG_PASSPHRASE", "Passphrase of the org key file: ")
        copies = server.audit_copy(Path(args.org_key), passphrase, args.device_id)
        rows = [
            [str(c.seq), "", "", "", "", f"cannot be read: {c.problem}"]
            if c.entry is None
            else [
                str(c.seq),
                str(c.entry.get("at", "")),
                str(c.entry.get("user", "")),
                str(c.entry.get("action", "")),
                str(c.entry.get("record_id") or "")[:8],
                str(c.entry.get("detail", "")),
            ]
            for c in copies
        ]
        _print_table(rows, sys.stdout)
        alarm = next((d.audit_alarm for d in server.devices() if d.device_id == args.device_id), "")
        if alarm:
            print(f"warning: {alarm}", file=sys.stderr)
        print(f"{len(copies)} entries as the laptop sent them.", file=sys.stderr)
        return 1 if alarm or any(c.entry is None for c in copies) else 0
    if args.server_cmd == "revoke":
        server.revoke(args.device_id)
        print(f"Device {args.device_id} revoked: its token no longer works.")
        return 0
    raise CliError(f"unknown server action {args.server_cmd}")


def cmd_sync(args: argparse.Namespace) -> int:
    desk = _unlock(args)
    if args.sync_cmd == "enroll":
        code = _read_secret("CLINIC_ENROLL_CODE", "Enrollment code: ")
        role = desk.sync.enroll(args.server, code, args.name)
        print(f"This laptop is enrolled as {a_role(role)} laptop with {args.server}.")
        print(
            f"Organization key fingerprint: {desk.sync.fingerprint()}. Compare it with the one "
            "the coordinator reads out; if they differ, tell them before entering anyone."
        )
        return 0
    if args.sync_cmd == "import-org-key":
        passphrase = _read_secret("CLINIC_ORG_PASSPHRASE", "Passphrase of the org key file: ")
        org_id = desk.sync.import_org_key(Path(args.file).expanduser(), passphrase)
        print(f"The key of {org_id} is kept on this laptop, sealed with the clinic's key.")
        return 0
    if args.sync_cmd == "enroll-code":
        code = desk.sync.make_enroll_code(args.role, args.hours)
        print(
            f"The laptop must show the organization key fingerprint {desk.sync.fingerprint()}.\n"
            f"Enrollment code for {a_role(args.role)} laptop (one use):\n{code}"
        )
        return 0
    report = desk.sync.run(server=args.server_url or None)  # kept once it worked
    print(
        f"Sync: pushed {report.pushed} event(s) ({report.acknowledged_again} already there), "
        f"pulled {report.pulled}, {desk.sync.status().pending} waiting, "
        f"{report.alerts} alert(s)."
    )
    for record, other, kind in report.matches:
        print(f"possible duplicate: record {record[:8]} and {other[:8]} on another laptop ({kind})")
    for key in report.packs:
        print(f"form pack received from the organization: {key}")
    for key in report.rejected_packs:
        print(
            f"warning: form pack {key} has a signature that does not match; not kept",
            file=sys.stderr,
        )
    if report.rejected:
        print(f"the server refused {len(report.rejected)} event(s) (409)", file=sys.stderr)
    if report.quarantined:
        print(
            f"warning: {len(report.quarantined)} event(s) from the server set aside (they cannot "
            "be opened, read or stored here; clinic check lists them)",
            file=sys.stderr,
        )
    if report.audit_warning:
        print(f"warning: {report.audit_warning}", file=sys.stderr)
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    start = _evaluation_date(args.date, args)
    end = _evaluation_date(args.to, args) if args.to else start
    check_period(start, end)  # before the passphrase is asked for
    out = Path(args.out).expanduser()
    fmt = format_of(out, args.format)  # from --format, else the file's name; never guessed
    desk = _unlock(args)
    report = desk.reports.counts(start, end, server=args.server)
    desk.reports.export(
        report,
        out,
        fmt,
        title=desk.reports.title(server=args.server),
        chart_by=args.chart,
        lang=args.lang,
    )
    t = report.total
    print(
        f"Wrote {out}: {t.informed} informed, {t.screened} screened, {t.referred} referred, "
        f"{t.packets_built} packet(s), {t.approved} approved ({start} to {end})."
    )
    return 0


def cmd_selftest(args: argparse.Namespace) -> int:
    from clinic.core.selftest import SelftestError, run

    render = None
    if not args.no_render:
        try:
            from clinic.gui.app import render_pdf_page

            render = render_pdf_page
        except ImportError as exc:
            raise CliError(
                f"render: Qt cannot be loaded ({exc}): pip install 'clinicday[gui]', or "
                "clinic selftest --no-render"
            ) from None
    try:
        run(render, print)
    except SelftestError as exc:
        raise CliError(f"selftest: {exc}") from None
    print(f"clinic {__version__}: selftest passed.")
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    desk = _unlock(args)
    out = Path(args.out).expanduser()
    if out.is_file() and not args.replace:
        raise CliError(
            f"{out}: already exists (an earlier backup?); choose another name, or give --replace"
        )
    info = desk.backups.back_up(out, replace=args.replace)
    print(
        f"Backed up the clinic to {info.path} "
        f"({_count(info.files, 'file', 'files')}, {info.size // 1024} KB). "
        "Its records stay encrypted: restore it with 'clinic restore FILE --data NEW_FOLDER' "
        "and sign in as before."
    )
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from clinic.core.backups import restore

    target = _data_dir(args)
    count = restore(Path(args.file).expanduser(), target)
    print(
        f"Restored {_count(count, 'file', 'files')} into {target}. Sign in there with the same "
        "users and passphrases as when it was backed up; 'clinic check' verifies every record."
    )
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    desk = _unlock(args)
    problems = desk.admin.check()
    for p in problems:
        print(f"problem: {p}")
    if problems:
        print(f"{len(problems)} problem(s) found.", file=sys.stderr)
        return EXIT_USAGE
    print("Database, records and audit chain: all checks passed.")
    return 0


def cmd_audit(args: argparse.Namespace) -> int:
    desk = _unlock(args)
    entries, problems = desk.admin.audit_log()
    rows = [["SEQ", "AT", "USER", "ACTION", "RECORD", "DETAIL"]]
    for e in entries:
        rows.append([str(e.seq), e.at[:19], e.user, e.action, (e.record_id or "")[:8], e.detail])
    _print_table(rows, sys.stdout)
    for p in problems:
        print(f"clinic: error: {p}", file=sys.stderr)
    return EXIT_USAGE if problems else 0


def cmd_rules(args: argparse.Namespace) -> int:
    """The program status (dated data): show what is in force, install a clinic's entries."""
    if args.rules_cmd == "show":
        desk = _offline_desk(args)
        on = _evaluation_date(args.on, args)
        statuses = desk.admin.program_status(on)
        in_force = desk.policy.status_on(on)
        for status in statuses:
            mark = "*" if status is in_force else " "
            whose = "this clinic" if status.installed else "ClinicDay"
            confirmed = f"; confirmed {status.confirmed}" if status.confirmed else ""
            texas = "; Texas work permits limited" if status.texas_ead_limited else ""
            print(
                f"{mark} {status.effective}  initial requests: {status.initial_requests}; "
                f"renewals: {status.renewals}{texas} ({whose}{confirmed})"
            )
            if status is in_force:
                print(f"    source: {status.source}")
                for notice in status.notices:
                    states = f" [{', '.join(notice.applies_to_states)}]"
                    print(f"    {notice.code}{states if notice.applies_to_states else ''}: "
                          f"{notice.text(args.lang)}")  # fmt: skip
        print(f"* in force on {on}")
        return 0
    desk = _unlock(args)
    if args.rules_cmd == "install":
        entries, kept = desk.admin.install_program_status(Path(args.file))
        dates = ", ".join(str(e.effective) for e in entries)
        print(f"Installed {len(entries)} program-status entr{'y' if len(entries) == 1 else 'ies'}"
              f" ({dates}); screenings from now on use them.")  # fmt: skip
        if kept:
            print("This clinic's earlier entries are kept: " + ", ".join(str(d) for d in kept))
        return 0
    if desk.admin.remove_program_status():
        print("Removed this clinic's program-status entries; ClinicDay's own apply again.")
    else:
        print("This clinic has no program-status entries of its own.")
    return 0


# -- parser ---------------------------------------------------------------------------------


def _add_data(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--data",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help="the clinic data folder (default: $CLINIC_DATA)",
    )


def _add_unlock(p: argparse.ArgumentParser) -> None:
    _add_data(p)
    p.add_argument(
        "--user",
        metavar="NAME",
        default=argparse.SUPPRESS,
        help="who signs in (default: $CLINIC_USER; the passphrase comes from $CLINIC_PASSPHRASE "
        "or a prompt)",
    )


def _add_server_db(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--db",
        metavar="URL",
        help="the server database: a SQLAlchemy URL (postgresql+psycopg://...) or a SQLite file "
        "(default: ./server.db)",
    )


IMPORT_EXAMPLE = """\
example (people.json):
  [
    {"name.family": "Testperson", "name.given": "Minji", "dob": "2001-03-04",
     "language": "ko", "a_number": "099000001",
     "mailing.street": "100 Example Ave", "mailing.city": "Los Angeles",
     "mailing.state": "CA", "mailing.zip": "90010",
     "daca.ever_granted": true, "daca.expires": "2027-04-01"}
  ]

Dates are YYYY-MM-DD; yes/no answers are true/false. Answers left out stay open for the
interview: 'clinic intake screen ID' says what is still needed."""


def _count(n: int, one: str, many: str) -> str:
    """``1 person``, ``2 people``: a count with its noun."""
    return f"{n} {one if n == 1 else many}"


def program_name() -> str:
    """The name the person typed: ``clinicday`` (the name no other tool has) or ``clinic``."""
    typed = Path(sys.argv[0]).name.lower() if sys.argv and sys.argv[0] else ""
    return "clinicday" if typed.startswith("clinicday") else "clinic"


def build_parser() -> argparse.ArgumentParser:
    prog = program_name()
    parser = argparse.ArgumentParser(
        prog=prog,
        description="ClinicDay: encrypted intake, screening and USCIS packets for DACA clinics.",
        epilog="Environment: CLINIC_DATA (data folder), CLINIC_USER and CLINIC_PASSPHRASE "
        "(non-interactive unlock), CLINIC_NEW_PASSPHRASE (for user add/passwd), "
        "CLINIC_ORG_PASSPHRASE (the org key file's, for clinic server and sync import-org-key), "
        "CLINIC_ENROLL_CODE (for clinic sync enroll), CLINIC_CLOCK (start the clock at an ISO "
        "date and time with its offset, for demos and tests). Dates default to today in the "
        "clinic's own time zone.",
    )
    parser.add_argument("--version", action="version", version=f"{prog} (ClinicDay) {__version__}")
    parser.add_argument(
        "--data", metavar="DIR", help="the clinic data folder (default: $CLINIC_DATA)"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", title="commands")

    p = sub.add_parser(
        "init",
        help="create a clinic data folder with its first admin user",
        description="Create a clinic data folder. The admin's passphrase comes from "
        "CLINIC_PASSPHRASE or a prompt (asked twice).",
    )
    _add_data(p)
    p.add_argument("--site", required=True, help="the site's name, as reports show it")
    p.add_argument("--admin", required=True, metavar="USER", help="the first admin's user name")
    p.add_argument("--timezone", help="the clinic's IANA time zone (default: the system's)")
    p.add_argument(
        "--kdf-seconds",
        type=float,
        default=0.5,
        metavar="S",
        help="tune Argon2id to take about S seconds per unlock (default 0.5)",
    )
    p.set_defaults(func=cmd_init)

    p = sub.add_parser(
        "user",
        help="manage users and roles: add, list, passwd, disable",
        description="Manage the clinic's users. New passphrases come from "
        "CLINIC_NEW_PASSPHRASE or a prompt.",
    )
    usub = p.add_subparsers(dest="user_cmd", metavar="ACTION", required=True)
    q = usub.add_parser("list", help="list users, roles and whether they are active")
    _add_unlock(q)
    q = usub.add_parser("add", help="add a user with a role and a passphrase")
    _add_unlock(q)
    q.add_argument("name", help="the new user's name")
    q.add_argument("--role", required=True, choices=ROLE_NAMES, help="the new user's role")
    q = usub.add_parser("passwd", help="change your passphrase, or reset another user's")
    _add_unlock(q)
    q.add_argument("name", nargs="?", help="whose passphrase (default: your own)")
    q = usub.add_parser(
        "profile",
        help="show or set a user's profile (the preparer, interpreter and attorney parts of "
        "the forms are filled from it)",
        description='With no field, show the profile; each field given is set ("" clears '
        "it). Yours, or (admins, coordinators) a user you manage.",
    )
    _add_unlock(q)
    q.add_argument("name", nargs="?", help="whose profile (default: your own)")
    for field, spec in PROFILE_SPECS.items():
        q.add_argument(f"--{field.replace('_', '-')}", dest=field, metavar="TEXT", help=spec.label)
    q = usub.add_parser("disable", help="disable a user and delete their key wrap")
    _add_unlock(q)
    q.add_argument("name", help="the user to disable")
    p.set_defaults(func=cmd_user)

    p = sub.add_parser(
        "intake",
        help="import, list, show, export and find people's records",
        description="People's records: the answers JSON is described in docs/answers.md.",
    )
    isub = p.add_subparsers(dest="intake_cmd", metavar="ACTION", required=True)
    q = isub.add_parser(
        "import",
        help="import an answers JSON file (one person or a list); all or nothing",
        description="Import people from a JSON file: one person's answers (an object) or a\n"
        "list of them. Every person is checked first; one problem and nothing is imported\n"
        "(each problem names the person and the answer). The keys are the questionnaire's\n"
        "(what 'clinic intake export ID' writes); an example is at the end.",
        epilog=IMPORT_EXAMPLE,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _add_unlock(q)
    q.add_argument("file", help="the answers JSON file")
    q = isub.add_parser("list", help="list everyone in the clinic")
    _add_unlock(q)
    q = isub.add_parser("show", help="show one record's answers and status")
    _add_unlock(q)
    q.add_argument("id", help="the record id, or its first characters (at least 4)")
    q.add_argument("--json", action="store_true", help="print JSON")
    q = isub.add_parser("export", help="write one record's answers JSON (audited)")
    _add_unlock(q)
    q.add_argument("id", help="the record id, or its first characters (at least 4)")
    q.add_argument("--out", metavar="FILE", help="write to FILE instead of standard output")
    q = isub.add_parser("screen", help="screen a stored record and record the determination")
    _add_unlock(q)
    q.add_argument("id", help="the record id, or its first characters (at least 4)")
    q.add_argument("--on", metavar="YYYY-MM-DD", help="evaluate as of this date (default: today)")
    q.add_argument("--lang", choices=client_languages(), help="language of the messages")
    q = isub.add_parser("find", help="find people by A-Number, SSN, or family name and birth date")
    _add_unlock(q)
    q.add_argument("--a-number", metavar="N", help="an A-Number, with or without A and dashes")
    q.add_argument("--ssn", metavar="N", help="a Social Security number")
    q.add_argument("--family", metavar="NAME", help="family name (with --dob)")
    q.add_argument("--dob", metavar="YYYY-MM-DD", help="date of birth (with --family)")
    p.set_defaults(func=cmd_intake)

    p = sub.add_parser(
        "screen",
        help="screen an answers JSON file: request type, outcome, reasons, flags, filing window",
        description="Evaluate an answers JSON file against the DACA guidelines as of --on "
        "(default today). Exit status 0 for any determination, 2 for input it cannot evaluate. "
        "A screening, not legal advice.",
    )
    p.add_argument("--answers", required=True, metavar="FILE.json", help="the answers JSON file")
    _add_data(p)  # the clinic's own program-status entries, when it has any (clinic rules)
    p.add_argument("--on", metavar="YYYY-MM-DD", help="evaluate as of this date (default: today)")
    p.add_argument("--json", action="store_true", help="print the determination as JSON")
    p.add_argument(
        "--lang",
        choices=client_languages(),
        help="language of the messages (default: the interview language, else English)",
    )
    p.set_defaults(func=cmd_screen)

    p = sub.add_parser(
        "forms",
        help="official USCIS PDFs: list, install, verify, automap, confirm, fetch",
        description="The official PDFs a clinic fills, kept in DATA/forms (or --forms-dir). Each "
        "is verified against its form pack before use: the exact edition, every field. Form PDFs "
        "are public documents: these commands need no passphrase.",
    )
    fsub = p.add_subparsers(dest="forms_cmd", metavar="ACTION", required=True)

    def forms_parser(name: str, help_text: str) -> argparse.ArgumentParser:
        q = fsub.add_parser(name, help=help_text)
        _add_data(q)
        q.add_argument("--forms-dir", metavar="DIR", help="the forms folder (default: DATA/forms)")
        return q

    q = forms_parser("list", "list the form packs, when USCIS accepts each, and what is installed")
    q.add_argument("--on", metavar="YYYY-MM-DD", help="which editions are accepted on this date")
    q = forms_parser("install", "verify official PDFs and install them into the forms folder")
    q.add_argument("pdf", nargs="+", help="PDF files")
    q = forms_parser("verify", "check that PDFs are official editions that match their packs")
    q.add_argument("pdf", nargs="+", help="PDF files")
    q = forms_parser(
        "automap", "draft a form pack from a PDF's field tooltips, for a person to check"
    )
    q.add_argument("pdf", help="the official PDF of an edition that has no pack")
    q.add_argument("--out", required=True, metavar="DRAFT.yaml", help="where to write the draft")
    q = forms_parser("confirm", "keep a checked draft pack for this clinic and install its PDF")
    q.add_argument(
        "draft",
        help="the draft pack a person checked (from automap), with accepted.confirmed: true, "
        "and accepted.until unless it is the newest edition of its form",
    )
    q.add_argument("pdf", help="the official PDF of that edition")
    q = forms_parser("fetch", "download the accepted editions from uscis.gov and install them")
    q.add_argument("--form", action="append", help="only this form (repeatable), e.g. I-821D")
    q.add_argument("--on", metavar="YYYY-MM-DD", help="the editions accepted on this date")
    p.set_defaults(func=cmd_forms)

    p = sub.add_parser(
        "packet",
        help="build a packet: cover, filled USCIS forms, addendum, answer sheet, checklist",
        description="Fill the official forms (the editions accepted on --on) and assemble the "
        "packet in --out. Every page is marked DRAFT - NOT FOR FILING until an attorney approves "
        "the packet. From --answers no clinic is needed (forms from --forms-dir); from --record "
        "the packet is also stored encrypted in the clinic and the export is audited.",
    )
    _add_unlock(p)
    p.add_argument("--answers", metavar="FILE.json", help="an answers JSON file")
    p.add_argument("--record", metavar="ID", help="a stored record (with --data)")
    p.add_argument("--out", required=True, metavar="DIR", help="the folder to write the packet to")
    p.add_argument("--forms-dir", metavar="DIR", help="official PDFs (default: DATA/forms)")
    p.add_argument("--on", metavar="YYYY-MM-DD", help="the packet's date (default: today)")
    p.add_argument("--filing", choices=("paper", "online"), default="paper", help="how it is filed")
    p.add_argument(
        "--payment",
        choices=("card", "bank_debit", "check"),
        help="how each fee of a paper filing is paid: card (Form G-1450) or bank_debit (Form "
        "G-1650); only a method USCIS takes on the packet's date (default: the first it takes; "
        "checks only before 2025-10-28)",
    )
    p.add_argument("--lang", choices=client_languages(), help="the client's language")
    p.add_argument(
        "--attorney",
        metavar="USER",
        help="with --record: the clinic's attorney (a user) who represents the person: the "
        "packet leads with their Form G-28 (filled from their profile when the G-28 is installed, "
        "else named on the cover sheet), and only they may approve it",
    )
    p.add_argument(
        "--stored",
        action="store_true",
        help="with --record: write the latest stored packet instead of building one",
    )
    p.set_defaults(func=cmd_packet)

    p = sub.add_parser(
        "review",
        help="attorney review of a record's latest packet: approve, return, comment",
        description="Approving locks that packet version and removes the draft mark; only "
        "attorneys (and admins) approve or return. Any later edit puts the record back into "
        "review.",
    )
    rsub = p.add_subparsers(dest="review_cmd", metavar="ACTION", required=True)
    for action, text in (
        ("approve", "approve the latest packet"),
        ("return", "return the latest packet to the volunteer with a comment"),
        ("comment", "comment on the record (optionally on one item)"),
    ):
        q = rsub.add_parser(action, help=text)
        _add_unlock(q)
        q.add_argument("id", help="the record id, or its first characters (at least 4)")
        q.add_argument("--text", help="the comment")
        q.add_argument("--item", help="the form item, e.g. 'I-821D Part 2 Item 3.a'")
    p.set_defaults(func=cmd_review)

    p = sub.add_parser(
        "demo",
        help="build a demo clinic with synthetic people and list them",
        description="Build (once) a demo clinic with synthetic people. Users admin, "
        "vol, atty and coord share the passphrase in CLINIC_PASSPHRASE, or the "
        f"published demo passphrase '{DEMO_PASSPHRASE}'.",
    )
    _add_data(p)
    p.add_argument(
        "--people", type=int, default=40, metavar="N", help="how many people (default 40)"
    )
    p.add_argument(
        "--seed",
        type=int,
        default=DEMO_SEED,
        help="random seed: the same seed gives the same people",
    )
    p.add_argument("--on", metavar="YYYY-MM-DD", help="the demo's 'today' (default: today)")
    p.add_argument("--site", default=DEMO_SITE, help="the demo site's name")
    p.add_argument(
        "--kdf-seconds", type=float, default=0.5, metavar="S", help="Argon2id tuning target"
    )
    p.add_argument("--no-list", dest="list", action="store_false", help="do not list the people")
    p.set_defaults(func=cmd_demo)

    p = sub.add_parser(
        "gui",
        help="start the desktop app (sign in, board, interview, packets, review, counts)",
        description="Start the ClinicDay desktop app on a data folder (default: $CLINIC_DATA, "
        "else ~/ClinicDay). With no clinic there yet, it offers to create one or to open the "
        "demo clinic of synthetic people.",
    )
    _add_data(p)
    p.add_argument(
        "--lang", choices=staff_languages(pseudo=True), default=FALLBACK, help="staff language"
    )
    p.add_argument(
        "--idle-minutes",
        type=float,
        default=5.0,
        metavar="N",
        help="lock and drop the keys after N minutes without input (default 5)",
    )
    p.add_argument("--forms-dir", metavar="DIR", help="installed forms (default: DATA/forms)")
    p.set_defaults(func=cmd_gui)

    p = sub.add_parser(
        "serve",
        help="run the organization's sync server (FastAPI; API docs at /docs)",
        description="Run the central sync server. It stores sealed events it cannot read, "
        "de-identified tallies and org-level blind-index digests.",
    )
    _add_server_db(p)
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=8765, help="port (default 8765)")
    p.add_argument("--tls-cert", metavar="FILE", help="TLS certificate (PEM)")
    p.add_argument("--tls-key", metavar="FILE", help="TLS private key (PEM)")
    p.add_argument(
        "--workers",
        type=int,
        default=1,
        metavar="N",
        help="server processes (default 1): the database is migrated once, then N workers "
        "serve it (PostgreSQL for more than one; the deploy/ folder of ClinicDay's source has "
        "a service unit, a compose file and a TLS proxy)",
    )
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser(
        "server",
        help="set up the sync server: init, migrate, enroll-code, publish-pack, alert, devices, "
        "audit, revoke",
    )
    ssub = p.add_subparsers(dest="server_cmd", metavar="ACTION", required=True)
    q = ssub.add_parser(
        "init", help="create the organization's keys; writes the org key file (passphrase-wrapped)"
    )
    _add_server_db(q)
    q.add_argument("--org-key-out", required=True, metavar="FILE", help="where to write it")
    q.add_argument("--kdf-seconds", type=float, default=0.5, metavar="S", help=argparse.SUPPRESS)
    q = ssub.add_parser(
        "migrate",
        help="bring the server's database to this version's schema (one process at a time), "
        "before workers start",
    )
    _add_server_db(q)
    q = ssub.add_parser("enroll-code", help="a one-time code that enrolls a laptop")
    _add_server_db(q)
    q.add_argument("--org-key", required=True, metavar="FILE", help="the org key file")
    q.add_argument("--role", required=True, choices=("volunteer", "attorney", "coordinator"))
    q.add_argument("--hours", type=int, default=72, help="how long the code works (default 72)")
    q = ssub.add_parser("publish-pack", help="sign a form pack and send it to every laptop")
    _add_server_db(q)
    q.add_argument("--org-key", required=True, metavar="FILE", help="the org key file")
    q.add_argument("pack", help="the pack (YAML), e.g. one confirmed with 'clinic forms confirm'")
    q = ssub.add_parser("alert", help="post a program-status alert to every laptop")
    _add_server_db(q)
    q.add_argument("alert_id", help="a short id, e.g. 2026-12-fees")
    q.add_argument("--effective", required=True, metavar="YYYY-MM-DD")
    for code in client_languages():  # --en (required), then one option per client language
        if code == FALLBACK:
            q.add_argument(f"--{code}", required=True, help=f"the alert in {english_name(code)}")
        else:
            q.add_argument(f"--{code}", help=f"in {english_name(code)}")
    q = ssub.add_parser("devices", help="list enrolled devices")
    _add_server_db(q)
    q = ssub.add_parser(
        "audit",
        help="a laptop's audit log as the server received it, opened with the org key file "
        "(exit 1 if the laptop's log was rewritten since)",
    )
    _add_server_db(q)
    q.add_argument("device_id")
    q.add_argument("--org-key", required=True, metavar="FILE", help="the org key file")
    q = ssub.add_parser("revoke", help="revoke a device's token")
    _add_server_db(q)
    q.add_argument("device_id")
    p.set_defaults(func=cmd_server)

    p = sub.add_parser(
        "sync",
        help="sync this laptop with the server (or: enroll, import-org-key, enroll-code)",
        description="Push this laptop's new events (sealed to the organization's key) and pull "
        "other laptops'. Without an action: one sync now.",
    )
    _add_unlock(p)
    p.add_argument(
        "--server",
        dest="server_url",
        metavar="URL",
        help="sync with the server at this address (once enrolled); kept once the sync works",
    )
    tsub = p.add_subparsers(dest="sync_cmd", metavar="ACTION")
    q = tsub.add_parser("enroll", help="enroll with a one-time code ($CLINIC_ENROLL_CODE or asked)")
    q.add_argument("server", metavar="URL", help="the sync server, e.g. https://clinic.example.org")
    q.add_argument("--name", help="this laptop's name as coordinators see it")
    q = tsub.add_parser("import-org-key", help="keep the org private key here (attorneys)")
    q.add_argument("file", help="the org key file from 'clinic server init'")
    q = tsub.add_parser("enroll-code", help="make a one-time code for a new laptop")
    q.add_argument("--role", required=True, choices=("volunteer", "attorney", "coordinator"))
    q.add_argument("--hours", type=int, default=72)
    p.set_defaults(func=cmd_sync)

    p = sub.add_parser(
        "report",
        help="the day's counts (no personal data): CSV, XLSX, PDF or JSON",
        description="Counts from de-identified tallies: informed, screened (by outcome, request "
        "type, flags), referred, packets built, returned, approved, closed; by day, site, "
        "language and volunteer. From this laptop, or with --server from the organization's "
        "server (this laptop's coordinator enrollment).",
    )
    rsub = p.add_subparsers(dest="report_cmd", metavar="KIND", required=True)
    q = rsub.add_parser("daily", help="counts for a day or a period")
    _add_unlock(q)
    q.add_argument(
        "--date",
        metavar="YYYY-MM-DD",
        help="the (first) day (default: today in the clinic's time zone)",
    )
    q.add_argument("--to", metavar="YYYY-MM-DD", help="the last day (default: --date)")
    q.add_argument(
        "--format",
        choices=("csv", "xlsx", "pdf", "json"),
        help="the file's format (default: from the --out file's name: .csv, .xlsx, .pdf, .json)",
    )
    q.add_argument("--out", required=True, metavar="FILE")
    q.add_argument(
        "--chart",
        choices=("day", "site", "language", "volunteer"),
        default="day",
        help="a PDF's bar chart: per day (the default), site, language or volunteer",
    )
    q.add_argument(
        "--lang",
        choices=staff_languages(),
        default=FALLBACK,
        help="the language of a CSV, XLSX or PDF's words (default: English; JSON keeps codes)",
    )
    q.add_argument("--server", metavar="URL", help="count across the organization (server)")
    p.set_defaults(func=cmd_report)

    p = sub.add_parser(
        "rules",
        help="the DACA program status as dated data: show it, or install a clinic's update",
        description="The program status (whether USCIS decides initial requests, processes "
        "renewals, the notices shown, and the court orders they cite) is dated data. ClinicDay "
        "ships entries; a coordinator or admin installs a YAML file of new ones (the format of "
        "resources/rules/program_status.yaml) when USCIS or a court changes something. An "
        "installed entry replaces ClinicDay's of the same effective date.",
    )
    rsub = p.add_subparsers(dest="rules_cmd", required=True, metavar="ACTION")
    q = rsub.add_parser("show", help="every entry, and the one in force on a date")
    _add_data(q)
    q.add_argument("--on", metavar="YYYY-MM-DD", help="the date (default: today)")
    q.add_argument("--lang", default=FALLBACK, choices=client_languages(),
                   help="the notices' language")  # fmt: skip
    q = rsub.add_parser("install", help="install a YAML file of program-status entries")
    _add_unlock(q)
    q.add_argument("file", metavar="FILE.yaml")
    q = rsub.add_parser("remove", help="remove this clinic's entries (ClinicDay's apply again)")
    _add_unlock(q)
    p.set_defaults(func=cmd_rules)

    p = sub.add_parser(
        "selftest",
        help="check this installation: encrypted store, form filling, rendering, data files",
        description="Run in a temporary folder with one synthetic person; removes it after.",
    )
    p.add_argument("--no-render", action="store_true", help="skip the Qt rendering step")
    p.set_defaults(func=cmd_selftest)

    p = sub.add_parser(
        "backup",
        help="back up the whole clinic to one file (records stay encrypted)",
        description="Write a backup of the clinic data folder to one file: the database "
        "(copied with SQLite's online backup, safe while the app runs), the packets, the "
        "installed forms and rules data. Every record in it stays encrypted with the clinic's "
        "key, so it may go on a USB stick. The desktop app also keeps one backup a day in the "
        "data folder's backups/ (the last 7).",
    )
    _add_unlock(p)
    p.add_argument("--out", required=True, metavar="FILE", help="the backup file to write")
    p.add_argument(
        "--replace",
        action="store_true",
        help="replace FILE if it is an older backup (any other file is never replaced)",
    )
    p.set_defaults(func=cmd_backup)

    p = sub.add_parser(
        "restore",
        help="restore a backup into a new data folder",
        description="Restore a backup file into a new (or empty) data folder given with --data "
        "or CLINIC_DATA. A damaged file, or one that is not a ClinicDay backup, is refused and "
        "nothing is written. Sign in afterwards as before.",
    )
    _add_data(p)
    p.add_argument("file", help="the backup file (from 'clinic backup' or backups/)")
    p.set_defaults(func=cmd_restore)

    p = sub.add_parser(
        "check", help="verify the database, every record's encryption and the audit chain"
    )
    _add_unlock(p)
    p.set_defaults(func=cmd_check)

    p = sub.add_parser(
        "audit", help="show the audit log (who did what to which record) and verify it"
    )
    _add_unlock(p)
    p.set_defaults(func=cmd_audit)
    return parser


def _disable_core_dumps() -> None:
    """No core file: it would hold decrypted records. ``resource`` exists only on Unix."""
    try:
        import resource
    except ImportError:  # Windows: no core dumps to disable
        return
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def _print_error(exc: BaseException) -> None:
    """``clinic: error: ...`` and the detail lines of a known error (:func:`explain`)."""
    told = explain(exc)
    print(f"clinic: error: {told.headline}", file=sys.stderr)
    for line in told.details:
        print(f"  {line}", file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    _disable_core_dumps()
    parser = build_parser()
    args = parser.parse_args(argv)
    func: Callable[[argparse.Namespace], int] | None = getattr(args, "func", None)
    if func is None:
        parser.print_help()
        return EXIT_USAGE
    try:
        return func(args)
    except BrokenPipeError:
        # The reader went away (``clinic intake list | head``): what it read was whole.
        with contextlib.suppress(OSError):
            sys.stdout = open(os.devnull, "w")
        return 0
    except KeyboardInterrupt:
        print("clinic: interrupted; nothing was changed by the unfinished step", file=sys.stderr)
        return 130
    except Exception as exc:
        if explain(exc).known:
            _print_error(exc)
            return EXIT_USAGE
        if os.environ.get("CLINIC_DEBUG") == "1":
            raise
        print(
            f"clinic: internal error ({type(exc).__name__}); set CLINIC_DEBUG=1 to see details",
            file=sys.stderr,
        )
        return EXIT_INTERNAL
