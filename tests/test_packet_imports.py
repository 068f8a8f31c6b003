"""The modules of ``clinic.packet`` import each other without a cycle: every import statement
counts, at module level and inside functions (a local import hides a cycle from Python, not from
the design)."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = "clinic.packet"
FOLDER = Path(__file__).resolve().parent.parent / "clinic" / "packet"


def modules(folder: Path = FOLDER) -> dict[str, Path]:
    """Every module of the package by its dotted name (``__init__`` is the package itself)."""
    out: dict[str, Path] = {}
    for path in sorted(folder.glob("*.py")):
        name = PACKAGE if path.stem == "__init__" else f"{PACKAGE}.{path.stem}"
        out[name] = path
    return out


def imported(module: str, path: Path, known: set[str]) -> set[str]:
    """The package's modules that ``module`` imports, from every import statement in the file."""
    out: set[str] = set()
    package = module if path.stem == "__init__" else module.rsplit(".", 1)[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                parts = alias.name.split(".")
                # ``import clinic.packet.fill`` imports the package and the module
                out.update(".".join(parts[:i]) for i in range(1, len(parts) + 1))
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                source = ".".join(base + ([node.module] if node.module else []))
            else:
                source = node.module or ""
            out.add(source)
            for alias in node.names:  # ``from clinic.packet import documents``
                out.add(f"{source}.{alias.name}")
    return {m for m in out if m in known and m != module}


def graph(folder: Path = FOLDER) -> dict[str, set[str]]:
    found = modules(folder)
    return {name: imported(name, path, set(found)) for name, path in found.items()}


def cycle(edges: dict[str, set[str]]) -> list[str] | None:
    """One import cycle (the modules in order, the first repeated at the end), or ``None``."""
    state: dict[str, int] = {}  # 1: on the path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(edges.get(node, ())):
            if state.get(nxt) == 1:
                return [*path[path.index(nxt) :], nxt]
            if nxt not in state:
                found = visit(nxt)
                if found:
                    return found
        path.pop()
        state[node] = 2
        return None

    for start in sorted(edges):
        if start not in state:
            found = visit(start)
            if found:
                return found
    return None


def test_the_packet_modules_import_each_other_without_a_cycle() -> None:
    edges = graph()
    assert len(edges) >= 10 and f"{PACKAGE}.fill" in edges
    found = cycle(edges)
    assert found is None, "import cycle: " + " -> ".join(found or [])


def test_the_check_sees_local_and_package_imports(tmp_path: Path) -> None:
    """The check finds a cycle closed by an import inside a function, or by ``from clinic.packet
    import name``, as the old ``fill`` -> ``documents`` -> ``fill`` was."""
    folder = tmp_path / "packet"
    folder.mkdir()
    (folder / "__init__.py").write_text('"""p"""\n')
    (folder / "low.py").write_text("def f():\n    from clinic.packet.high import g\n    return g\n")
    (folder / "high.py").write_text("from clinic.packet import low\n")
    (folder / "other.py").write_text("from . import low\n")
    edges = graph(folder)
    assert edges[f"{PACKAGE}.low"] == {f"{PACKAGE}.high"}
    assert edges[f"{PACKAGE}.high"] == {PACKAGE, f"{PACKAGE}.low"}
    assert edges[f"{PACKAGE}.other"] == {PACKAGE, f"{PACKAGE}.low"}
    assert cycle(edges) == [f"{PACKAGE}.high", f"{PACKAGE}.low", f"{PACKAGE}.high"]
    (folder / "low.py").write_text("def f():\n    return 1\n")
    assert cycle(graph(folder)) is None
