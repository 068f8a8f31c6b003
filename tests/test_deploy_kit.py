"""The deployment kit in ``deploy/`` stays true to the program: the compose file is valid and
wires PostgreSQL, the server and the TLS proxy together; every ``clinic`` command the kit runs
(the Dockerfile, the service unit) is a real command with real options, checked by running it
with ``--help``; the factory the guide names is importable."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import yaml

from tests.conftest import ROOT

DEPLOY = Path(ROOT) / "deploy"


def test_the_compose_file_wires_postgresql_the_server_and_https() -> None:
    compose = yaml.safe_load((DEPLOY / "compose.yaml").read_text(encoding="utf-8"))
    services = compose["services"]
    assert set(services) == {"db", "server", "caddy"}
    assert "postgresql+psycopg://" in services["server"]["environment"]["CLINIC_SERVER_DB"]
    assert services["server"]["depends_on"]["db"]["condition"] == "service_healthy"
    assert "ports" not in services["server"]  # only the proxy is reachable
    assert services["server"]["build"]["dockerfile"] == "deploy/Dockerfile"
    caddy = (DEPLOY / "Caddyfile").read_text(encoding="utf-8")
    assert "reverse_proxy server:8765" in caddy and "health_uri /v1/health" in caddy


COMMAND = re.compile(r"(?:/opt/clinicday/bin/)?\bclinic ((?:server |serve)[^&\n]*)")


def _commands(text: str) -> list[list[str]]:
    """Every ``clinic ...`` command line in ``text``, its words without ${VARS} or quotes."""
    return [
        [w.strip('"') for w in m[1].split() if "$" not in w and w.strip('"\\')]
        for m in COMMAND.finditer(text)
    ]


def test_every_command_the_kit_runs_is_a_real_one() -> None:
    texts = [
        (DEPLOY / n).read_text(encoding="utf-8") for n in ("Dockerfile", "clinicday-server.service")
    ]
    commands = [c for t in texts for c in _commands(t)]
    assert any(c[:2] == ["server", "migrate"] for c in commands)
    assert any(c[0] == "serve" and "--workers" in c for c in commands)
    for words in commands:
        sub = words[:2] if words[0] == "server" else words[:1]
        shown = subprocess.run(
            [sys.executable, "-m", "clinic", *sub, "--help"],
            capture_output=True,
            text=True,
            cwd=ROOT,
            timeout=60,
        )
        assert shown.returncode == 0, (words, shown.stderr)
        for option in (w for w in words if w.startswith("--")):
            assert option in shown.stdout, (option, words)


def test_the_factory_the_guide_names_is_importable() -> None:
    guide = (DEPLOY / "README.md").read_text(encoding="utf-8")
    assert "clinic.server.app:app_from_environment" in guide
    from clinic.server.app import app_from_environment

    assert callable(app_from_environment)


def test_the_image_is_built_from_the_source_not_a_local_venv_or_an_old_build() -> None:
    ignored = set((Path(ROOT) / ".dockerignore").read_text(encoding="utf-8").split())
    # a laptop's .venv (hundreds of MB of Qt), .git, and build output that setuptools would
    # reuse (build/lib, clinic/_data): none goes into the image's build context
    assert {".git", ".venv", "build", "clinic/_data", "dist"} <= ignored
    assert not any(
        line.startswith("forms") or (line.startswith("resources/") and "qm" not in line)
        for line in ignored
    )  # the wheel needs forms/ and resources/
