"""Layering is law: only clinic/gui imports Qt; domain does no I/O and imports no storage."""

from __future__ import annotations

import ast
import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "clinic"
QT = ("PySide6", "PyQt5", "PyQt6", "shiboken6", "qtpy")
IO_IN_DOMAIN = (
    "sqlalchemy",
    "sqlite3",
    "httpx",
    "requests",
    "socket",
    "subprocess",
    "clinic.store",
    "clinic.packet",
    "clinic.sync",
    "clinic.server",
    "clinic.reports",
    "clinic.gui",
    "alembic",
    "os",
    "shutil",
    "tempfile",
    "pathlib",
)


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def _modules(sub: str = "") -> list[Path]:
    return sorted((PACKAGE / sub).rglob("*.py"))


def test_only_the_gui_imports_qt() -> None:
    for path in _modules():
        if "gui" in path.relative_to(PACKAGE).parts:
            continue
        bad = {n for n in _imports(path) if n.split(".")[0] in QT}
        assert not bad, f"{path.relative_to(PACKAGE)} imports {bad}"


def test_nothing_imports_the_gui() -> None:
    for path in _modules():
        if "gui" in path.relative_to(PACKAGE).parts:
            continue
        gui = {n for n in _imports(path) if n.startswith("clinic.gui")}
        if path.name == "cli.py":
            assert gui <= {"clinic.gui.app"}, gui  # the 'clinic gui' command starts the app
            continue
        assert not gui, path


GUI_FORBIDDEN = ("sqlalchemy", "sqlite3", "httpx", "requests", "socket", "shutil", "alembic")
GUI_FORBIDDEN_NAMES = {"Clinic", "Session", "create_clinic", "FormLibrary", "write_atomically"}
GUI_FORBIDDEN_CALLS = re.compile(
    r"(?<![.\w])open\(|\.(read_bytes|write_bytes|read_text|write_text|unlink|mkdir)\("
)


def test_the_gui_does_no_storage_or_file_io_itself() -> None:
    """The GUI goes through clinic.core.Desk on the worker (tests/gui check the thread)."""
    for path in _modules("gui"):
        text = path.read_text(encoding="utf-8")
        tree = ast.parse(text)
        bad = {n for n in _imports(path) if n.split(".")[0] in GUI_FORBIDDEN}
        assert not bad, f"{path.relative_to(PACKAGE)} imports {bad}"
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom):
                names = {a.name for a in node.names} & GUI_FORBIDDEN_NAMES
                assert not names, f"{path.relative_to(PACKAGE)} imports {names}"
        calls = [line for line in text.splitlines() if GUI_FORBIDDEN_CALLS.search(line)]
        assert not calls, f"{path.relative_to(PACKAGE)} does file I/O: {calls}"


def test_the_core_imports_no_qt() -> None:
    for path in _modules("core"):
        bad = {n for n in _imports(path) if n.split(".")[0] in QT}
        assert not bad, f"{path.relative_to(PACKAGE)} imports {bad}"


# What the GUI and the CLI may import of ClinicDay: the core, the domain, the errors, the one
# clock and the version (clinic/__init__.py); the GUI its own modules; the CLI the app it starts.
FRONT_ALLOWED = ("clinic.core", "clinic.domain", "clinic.errors", "clinic.clock")


def _front_problems(path: Path, own: tuple[str, ...]) -> set[str]:
    return {
        n
        for n in _imports(path)
        if n.split(".")[0] == "clinic"
        and n != "clinic"
        and not any(n == a or n.startswith(a + ".") for a in FRONT_ALLOWED + own)
    }


def test_the_gui_and_the_cli_go_through_the_core() -> None:
    """Every use case exists once, in ``clinic.core``: the GUI and the CLI call it, and never
    the store, the packet builder, sync or the server directly."""
    for path in _modules("gui"):
        bad = _front_problems(path, ("clinic.gui",))
        assert not bad, f"{path.relative_to(PACKAGE)} imports {bad}"
    bad = _front_problems(PACKAGE / "cli.py", ("clinic.gui.app",))
    assert not bad, f"cli.py imports {bad}"


def test_the_front_check_catches_a_violation(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text(
        "from clinic.store.clinic import Session\nfrom clinic.core import Desk\n", encoding="utf-8"
    )
    assert _front_problems(bad, ()) == {"clinic.store.clinic"}


def test_domain_does_no_io() -> None:
    for path in _modules("domain"):
        bad = {n for n in _imports(path) if n in IO_IN_DOMAIN or n.split(".")[0] in IO_IN_DOMAIN}
        assert not bad, f"{path.relative_to(PACKAGE)} imports {bad}"
        assert "open(" not in path.read_text(encoding="utf-8"), path


def test_every_module_has_a_docstring() -> None:
    for path in _modules():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        assert ast.get_docstring(tree), f"{path.relative_to(PACKAGE)} has no module docstring"


def test_the_check_catches_a_violation(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("from PySide6.QtWidgets import QWidget\nimport sqlite3\n", encoding="utf-8")
    assert {"PySide6.QtWidgets", "sqlite3"} <= _imports(bad)


def test_the_server_and_sync_keep_to_their_lanes() -> None:
    """The server reads sync models and crypto, never a laptop's store, packets or GUI; the
    sync package never imports the server."""
    for path in _modules("server"):
        bad = {
            n
            for n in _imports(path)
            if n.startswith(("clinic.store.clinic", "clinic.packet", "clinic.gui", "clinic.core"))
        }
        assert not bad, f"{path.relative_to(PACKAGE)} imports {bad}"
    for path in _modules("sync"):
        bad = {n for n in _imports(path) if n.startswith(("clinic.server", "clinic.gui"))}
        assert not bad, f"{path.relative_to(PACKAGE)} imports {bad}"


def test_no_button_slot_takes_an_argument() -> None:
    """``clicked(bool)`` and ``triggered(bool)`` pass ``checked`` to a slot that accepts an
    argument: a slot with an optional parameter then gets ``False`` (Print once received
    ``printer=False`` and printed nothing). Every method connected to them takes none."""

    problems = []
    for path in (PACKAGE / "gui").glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        methods = {node.name: node for node in ast.walk(tree) if isinstance(node, ast.FunctionDef)}
        for node in ast.walk(tree):
            if not (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "connect"
                and isinstance(node.func.value, ast.Attribute)
                and node.func.value.attr in ("clicked", "triggered")
                and node.args
            ):
                continue
            target = node.args[0]
            if isinstance(target, ast.Lambda):
                if target.args.args:
                    problems.append(f"{path.name}:{node.lineno}: lambda takes an argument")
                continue
            if isinstance(target, ast.Attribute) and target.attr in methods:
                args = methods[target.attr].args
                extra = [a.arg for a in args.args if a.arg != "self"] + [
                    a.arg for a in args.kwonlyargs
                ]
                if extra or args.vararg:
                    problems.append(f"{path.name}:{node.lineno}: {target.attr}({extra})")
            else:
                problems.append(f"{path.name}:{node.lineno}: cannot check {ast.unparse(target)}")
    assert problems == []


def test_the_store_checks_no_permission() -> None:
    """Who may do what is decided in the core (with clinic.domain.roles), never in the store."""
    for path in _modules("store"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        checks = {
            a.name
            for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom) and node.module == "clinic.domain.roles"
            for a in node.names
            if a.name.startswith("may_")
        }
        assert not checks, f"{path.relative_to(PACKAGE)} imports {checks}"


STORE_REPOSITORIES = {
    "clinic.store.users",
    "clinic.store.records",
    "clinic.store.index",
    "clinic.store.drafts",
    "clinic.store.files",
    "clinic.store.outbox",
    "clinic.store.audit",
    "clinic.store.settings",
}
STORE_PLUMBING = {"_write", "_read", "_audit_read", "_next_clock", "_next_seq", "_AuditWriter"}
STORE_MAX_LINES = 500


def _session_problems(session_cls: type) -> list[str]:
    """What in ``session_cls`` is not the store's shape: a public method that no repository
    module gives, or anything the session class itself defines."""
    problems = [f"Session defines {n}" for n in vars(session_cls) if not n.startswith("__")]
    for name in dir(session_cls):
        if name.startswith("_") or not callable(getattr(session_cls, name)):
            continue
        owner = next(c for c in session_cls.__mro__ if name in vars(c))
        if owner.__module__ not in STORE_REPOSITORIES:
            problems.append(f"{name} comes from {owner.__module__}.{owner.__qualname__}")
    return problems


def test_the_store_is_small_repositories_that_decide_nothing() -> None:
    """``Session`` is composed of repositories, one module per concern, none over 500 lines;
    every public method comes from one of them; the plumbing is written once (store/base.py);
    what a record means (inquiry topics, a record's summary) is not the store's."""
    from clinic.store.base import Repository
    from clinic.store.clinic import Session

    long = {
        str(p.relative_to(PACKAGE)): n
        for p in _modules("store")
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > STORE_MAX_LINES
    }
    assert not long, long
    assert _session_problems(Session) == []
    public = [n for n in dir(Session) if not n.startswith("_") and callable(getattr(Session, n))]
    assert len(public) >= 40, public  # the whole store, not an empty class
    assert {c.__module__ for c in Session.__bases__} == STORE_REPOSITORIES
    assert all(c.__bases__ == (Repository,) for c in Session.__bases__)
    for path in _modules("store"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        defined = {n.name for n in ast.walk(tree) if isinstance(n, ast.FunctionDef | ast.ClassDef)}
        if path.name != "base.py":
            assert not defined & STORE_PLUMBING, f"{path.name} defines {defined & STORE_PLUMBING}"
        assert "summarize" not in defined, path.name
        meanings = {
            a.name
            for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom) and node.module == "clinic.domain.events"
            for a in node.names
            if a.name == "INQUIRY_TOPICS"
        }
        assert not meanings, f"{path.name} imports {meanings}"


def test_the_store_shape_check_catches_a_violation() -> None:
    from clinic.store.clinic import Session

    class Deciding(Session):
        def may_disable(self) -> bool:
            return True

    problems = _session_problems(Deciding)
    assert problems[0] == "Session defines may_disable"
    assert problems[1].startswith("may_disable comes from tests.test_layering.")
    assert len(problems) == 2
