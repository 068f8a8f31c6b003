"""The ``clinic`` command as a user runs it: help, init, users, intake, errors and exit codes."""

from __future__ import annotations

import argparse
import hashlib
import json
import re
from pathlib import Path

import pytest

from clinic.cli import build_parser, main
from clinic.domain import languages
from tests.conftest import FAST_KDF, Cli, person, write_json

SUBCOMMANDS = [
    "backup",
    "restore",
    "gui",
    "init",
    "user",
    "intake",
    "screen",
    "forms",
    "packet",
    "review",
    "demo",
    "serve",
    "server",
    "sync",
    "report",
    "rules",
    "selftest",
    "check",
    "audit",
]


def _snapshot(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def init(cli: Cli) -> None:
    cli.ok("init", "--site", "Koreatown Clinic", "--admin", "admin", "--kdf-seconds", str(FAST_KDF))


@pytest.mark.parametrize("argv", [["--help"], ["-m", "--help"]])
def test_help_lists_every_subcommand_with_a_description(cli: Cli, argv: list[str]) -> None:
    if argv[0] == "-m":
        proc = cli.run("--help")
    else:
        import subprocess

        proc = subprocess.run(
            [str(Path(__import__("sys").executable).with_name("clinic")), "--help"],
            capture_output=True,
            text=True,
            check=False,
        )
    assert proc.returncode == 0
    for name in SUBCOMMANDS:
        line = next(
            (ln for ln in proc.stdout.splitlines() if ln.strip().startswith(name + " ")), ""
        )
        assert len(line.split(None, 1)) == 2, f"{name} has no one-line description"
    # and the parser has no subcommand the help does not show
    actions = [a for a in build_parser()._actions if a.dest == "command"]
    assert sorted(actions[0].choices) == sorted(SUBCOMMANDS)  # type: ignore[arg-type]


def test_nested_help(cli: Cli) -> None:
    for group, actions in (
        ("user", ["add", "list", "passwd", "disable"]),
        ("intake", ["import", "list", "show", "export", "screen", "find"]),
        ("forms", ["list", "install", "verify", "automap", "fetch"]),
        ("review", ["approve", "return", "comment"]),
    ):
        out = cli.run(group, "--help").stdout
        for action in actions:
            assert re.search(rf"^\s+{action}\s+\S", out, re.M), (group, action)


def test_a_clinic_day_through_the_cli(cli: Cli, tmp_path: Path) -> None:
    init(cli)
    people = [person(1), person(2, **{"name.family": "Pérez", "language": "es"})]
    imported = cli.ok("intake", "import", str(write_json(tmp_path / "p.json", people)))
    ids = re.findall(r"imported ([0-9a-f]{32})", imported.stdout)
    assert len(ids) == 2 and "Imported 2 people." in imported.stderr
    one = cli.ok("intake", "import", str(write_json(tmp_path / "q.json", person(3))))
    assert "Imported 1 person." in one.stderr
    ids.append(one.stdout.split()[1])
    listed = cli.ok("intake", "list")
    assert "3 people." in listed.stderr
    listing = listed.stdout
    assert "Pérez" in listing and "TestpersonB" in listing and ids[0][:8] in listing
    shown = json.loads(cli.ok("intake", "show", ids[1][:8], "--json").stdout)
    assert shown["answers"]["name.family"] == "Pérez" and shown["status"] == "intake"
    exported = json.loads(cli.ok("intake", "export", ids[0]).stdout)
    assert exported["a_number"] == "099000001"
    out_file = tmp_path / "exported.json"
    cli.ok("intake", "export", ids[0], "--out", str(out_file))
    assert json.loads(out_file.read_text(encoding="utf-8")) == exported
    found = cli.ok("intake", "find", "--a-number", "A099-000-002").stdout
    assert ids[1][:8] in found and ids[0][:8] not in found
    found = cli.ok("intake", "find", "--family", "PEREZ", "--dob", "2001-03-04").stdout
    assert ids[1][:8] in found
    # re-importing an exported record round-trips, and warns of the duplicate
    again = cli.ok("intake", "import", str(out_file))
    assert "same A-Number" in again.stderr
    assert "all checks passed" in cli.ok("check").stdout
    audit = cli.ok("audit").stdout
    assert "export" in audit and ids[0][:8] in audit


def test_users_through_the_cli(cli: Cli) -> None:
    init(cli)
    cli.ok("user", "add", "vol1", "--role", "volunteer", CLINIC_NEW_PASSPHRASE="volunteer pass 1")
    listing = cli.ok("user", "list").stdout
    assert re.search(r"vol1\s+volunteer\s+active", listing)
    vol = Cli(cli.data, cli.tmpdir, user="vol1", passphrase="volunteer pass 1")
    vol.ok("intake", "list")
    denied = vol.run(
        "user", "add", "x", "--role", "admin", env=vol.env(CLINIC_NEW_PASSPHRASE="x" * 12)
    )
    assert denied.returncode == 2 and "may not" in denied.stderr
    vol.ok("user", "passwd", CLINIC_NEW_PASSPHRASE="volunteer pass 2")
    assert vol.run("intake", "list").returncode == 2
    vol.passphrase = "volunteer pass 2"
    vol.ok("intake", "list")
    cli.ok("user", "disable", "vol1")
    refused = vol.run("intake", "list")
    assert refused.returncode == 2 and "disabled" in refused.stderr


def test_import_errors_list_every_problem_and_import_nothing(cli: Cli, tmp_path: Path) -> None:
    init(cli)
    bad = [
        person(1),
        person(2, dob="2023-02-30"),
        person(3, **{"removal.status": "maybe"}),
        {"x": 1},
    ]
    proc = cli.run("intake", "import", str(write_json(tmp_path / "bad.json", bad)))
    assert proc.returncode == 2
    assert "nothing was stored" in proc.stderr
    for key in ("[1].dob", "[2].removal.status", "[3].x"):
        assert key in proc.stderr
    assert "0 people" in cli.ok("intake", "list").stderr


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "malformed JSON at line 1"),
        ('{"a": ' * 50_000 + "1" + "}" * 50_000, "nests too deep"),
        ('[{"dob": "2001-02-03", "dob": "2001-03-02"}]', "key dob is given twice"),
        ("[1, 2]", "answers object or a list"),
        (b"\xff\xfe\x00", "not UTF-8"),
    ],
)
def test_bad_files_get_one_clear_line(
    cli: Cli, tmp_path: Path, content: str | bytes, message: str
) -> None:
    init(cli)
    path = tmp_path / "in.json"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    proc = cli.run("intake", "import", str(path))
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and message in proc.stderr
    missing = cli.run("intake", "import", str(tmp_path / "nope.json"))
    assert missing.returncode == 2 and "no such file" in missing.stderr


def test_usage_errors(cli: Cli, tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    nodata = cli.run("intake", "list", env={**cli.env(), "CLINIC_DATA": "", "HOME": str(home)})
    assert nodata.returncode == 2 and "no data folder" in nodata.stderr
    assert str(home / "ClinicDay") in nodata.stderr  # where the desktop app would keep it
    # the desktop app's clinic (~/ClinicDay) is the commands' too when none is named
    app = Cli(home / "ClinicDay", cli.tmpdir)
    init(app)
    found = cli.run("intake", "list", env={**cli.env(), "CLINIC_DATA": "", "HOME": str(home)})
    assert found.returncode == 0, found.stderr
    assert f"using the desktop app's clinic in {home / 'ClinicDay'}" in found.stderr
    noclinic = cli.run("intake", "list", "--data", str(tmp_path / "empty"))
    assert noclinic.returncode == 2 and "holds no clinic" in noclinic.stderr
    init(cli)
    again = cli.run("init", "--site", "X", "--admin", "admin")
    assert again.returncode == 2 and "already holds a clinic" in again.stderr
    nouser = cli.run("intake", "list", env={**cli.env(), "CLINIC_USER": ""})
    assert nouser.returncode == 2 and "no user" in nouser.stderr
    unknown = cli.run("intake", "show", "abcdef")
    assert unknown.returncode == 2 and "no record abcdef" in unknown.stderr
    bad_find = cli.run("intake", "find")
    assert bad_find.returncode == 2 and "--a-number" in bad_find.stderr


def test_a_failed_command_changes_nothing(cli: Cli, tmp_path: Path) -> None:
    init(cli)
    cli.ok("intake", "import", str(write_json(tmp_path / "p.json", [person(1)])))
    before = _snapshot(cli.data)
    for env in (
        cli.env(CLINIC_PASSPHRASE="wrong passphrase here"),
        cli.env(CLINIC_PASSPHRASE=""),
        cli.env(CLINIC_USER="nobody"),
    ):
        for argv in (
            ["intake", "list"],
            ["user", "add", "v2", "--role", "volunteer"],
            ["intake", "import", str(tmp_path / "p.json")],
        ):
            proc = cli.run(*argv, env={**env, "CLINIC_NEW_PASSPHRASE": "new passphrase 1"})
            assert proc.returncode == 2
            assert len(proc.stderr.strip().splitlines()) == 1, proc.stderr
    assert _snapshot(cli.data) == before


def test_selftest_passes_headless(cli: Cli) -> None:
    done = cli.ok("selftest")
    lines = done.stdout.splitlines()
    assert [ln.split(":")[0] for ln in lines[:4]] == ["ok"] * 4
    assert "renders" in lines[2] and "with ink" in lines[2]
    assert lines[-1].endswith("selftest passed.")


# -- languages: every choice comes from the registry (clinic.domain.languages) -------------------


def _subcommand(argv: list[str]) -> argparse.ArgumentParser:
    """The parser of the subcommand ``argv`` (``["intake", "screen"]``)."""
    parser = build_parser()
    for name in argv:
        sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
        parser = sub.choices[name]
    return parser


def _choices(argv: list[str]) -> tuple[str, ...]:
    """The choices of ``--lang`` of the subcommand ``argv``."""
    action = next(a for a in _subcommand(argv)._actions if a.dest == "lang")
    return tuple(action.choices or ())


def test_language_choices_come_from_the_registry() -> None:
    for argv in (["screen"], ["packet"], ["intake", "screen"]):
        assert _choices(argv) == languages.client_languages(), argv
    assert _choices(["gui"]) == languages.staff_languages(pseudo=True)
    pseudo = next(lang.code for lang in languages.LANGUAGES if lang.pseudo)
    assert build_parser().parse_args(["gui", "--lang", pseudo]).lang == pseudo
    assert build_parser().parse_args(["gui"]).lang == languages.FALLBACK


def test_an_alert_takes_a_text_in_every_client_language(tmp_path: Path) -> None:
    from clinic.core.orgserver import OrgServer

    db = str(tmp_path / "server.db")
    argv = ["server", "alert", "fees-1", "--db", db, "--effective", "2026-12-01"]
    assert main([*argv, "--en", "Fees change", "--ko", "수수료 변경", "--es", "Cambio"]) == 0
    assert main([*argv[:2], "fees-2", *argv[3:], "--en", "Only English"]) == 0
    assert OrgServer(db, tmp_path).store.alerts() == [
        {"alert_id": "fees-1", "effective": "2026-12-01", "en": "Fees change",
         "ko": "수수료 변경", "es": "Cambio"},
        {"alert_id": "fees-2", "effective": "2026-12-01", "en": "Only English"},
    ]  # fmt: skip
    alert = _subcommand(["server", "alert"])
    options = {a.dest: a for a in alert._actions if a.dest in languages.codes()}
    assert list(options) == list(languages.client_languages())
    assert options[languages.FALLBACK].required
    assert options["ko"].help == "in Korean" and options["es"].help == "in Spanish"


def test_the_selftest_names_a_language_whose_texts_are_missing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A frozen build that left a language's text modules out fails its selftest by name."""
    from clinic.core import selftest
    from clinic.domain import languages

    selftest._languages()  # every language of the registry finds its texts
    extra = languages.Language("zz", "Testlang", "Testlang")
    monkeypatch.setattr(languages, "LANGUAGES", (*languages.LANGUAGES, extra))
    with pytest.raises(selftest.SelftestError) as info:
        selftest._languages()
    assert str(info.value) == "languages: no rule texts zz, document texts zz, messages zz"


def test_the_import_help_shows_an_example_that_imports(cli: Cli, tmp_path: Path) -> None:
    init(cli)
    told = cli.ok("intake", "import", "--help").stdout
    start = told.index("example (people.json):")
    example = told[start:].split("\n", 1)[1].split("\n\n", 1)[0]
    people = json.loads(example)
    imported = cli.ok("intake", "import", str(write_json(tmp_path / "people.json", people)))
    record = imported.stdout.split()[1]
    screened = cli.ok("intake", "screen", record[:8])
    assert screened.returncode == 0


def test_the_windowed_program_says_its_version(tmp_path: Path) -> None:
    import subprocess
    import sys

    from tests.conftest import ROOT

    said = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; sys.argv = ['ClinicDay', '--version']\n"
            "from clinic.desktop import main; sys.exit(main())",
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert said.returncode == 0 and said.stdout.startswith("clinicday (ClinicDay) "), said


def test_the_desktop_app_without_a_screen_says_so(cli: Cli) -> None:
    env = {k: v for k, v in cli.env().items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)
    told = cli.run("gui", env=env)
    assert told.returncode == 2 and "needs a screen" in told.stderr, told.stderr
