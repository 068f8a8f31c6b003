"""Find and read the data files in ``resources/``: questionnaires and dated rules data.

The folder is found next to the package (a source checkout or editable install), inside a
PyInstaller bundle, or where ``CLINIC_RESOURCES`` points. Files are read once per process.
"""

from __future__ import annotations

import functools
import os
import sys
from pathlib import Path
from typing import Any

import yaml

from clinic.domain.languages import FALLBACK
from clinic.domain.policy import (
    Policy,
    PolicyDataError,
    parse_payments,
    parse_policy,
    parse_program_status,
    with_installed_status,
)
from clinic.domain.questionnaire import Questionnaire, QuestionnaireError, parse_questionnaire
from clinic.errors import ClinicError


class ResourceError(ClinicError):
    """A resource file is missing or malformed (the message names the file)."""


def resources_dir() -> Path:
    override = os.environ.get("CLINIC_RESOURCES")
    candidates = [Path(override)] if override else []
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        candidates.append(Path(bundle) / "resources")
    here = Path(__file__).resolve().parent
    candidates.append(here / "_data" / "resources")  # an installed wheel (setup.py puts it)
    candidates.append(here.parent / "resources")  # the source tree
    for folder in candidates:
        if (folder / "rules").is_dir():
            return folder
    raise ResourceError("the resources folder (questionnaires, rules data) cannot be found")


def load_yaml(relative: str) -> Any:
    path = resources_dir() / relative
    try:
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when available
        with open(path, encoding="utf-8") as fh:
            return yaml.load(fh, Loader=loader)  # noqa: S506 - a safe loader
    except FileNotFoundError:
        raise ResourceError(f"{relative}: missing from the resources folder") from None
    except (yaml.YAMLError, ValueError) as exc:
        raise ResourceError(f"{relative}: malformed YAML ({exc.__class__.__name__})") from None


INSTALLED_STATUS = Path("rules") / "program_status.yaml"
"""Where in a clinic's data folder its coordinator's program-status entries are kept."""


@functools.cache
def _packaged_policy() -> Policy:
    parsed = parse_policy(
        load_yaml("rules/program_status.yaml"),
        load_yaml("rules/fees.yaml"),
        load_yaml("rules/editions.yaml"),
    )
    return parse_payments(parsed, load_yaml("rules/payments.yaml"))


def read_yaml_file(path: Path) -> Any:
    """A YAML file a person gives (their own rules data): a clear error naming it if not."""
    try:
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        with open(path, encoding="utf-8") as fh:
            return yaml.load(fh, Loader=loader)  # noqa: S506 - a safe loader
    except FileNotFoundError:
        raise ResourceError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ResourceError(f"{path}: cannot be read ({exc.__class__.__name__})") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        raise ResourceError(f"{path.name}: not valid YAML{where}") from None
    except ValueError as exc:  # the YAML date parser: 2027-02-30
        raise ResourceError(f"{path.name}: not valid YAML ({exc})") from None


def policy(data_dir: Path | None = None) -> Policy:
    """The program status, fees and editions data, parsed; with a clinic's data folder, its
    coordinator's program-status entries (``DATA/rules/program_status.yaml``) over the
    program's."""
    packaged = _packaged_policy()
    if data_dir is None or not (data_dir / INSTALLED_STATUS).is_file():
        return packaged
    path = data_dir / INSTALLED_STATUS
    try:
        installed = parse_program_status(read_yaml_file(path), installed=True)
    except PolicyDataError as exc:
        raise ResourceError(f"{path}: {exc}") from None
    return with_installed_status(packaged, installed)


@functools.cache
def questionnaire(name: str = "daca") -> Questionnaire:
    """The interview questionnaire, parsed and checked."""
    try:
        return parse_questionnaire(load_yaml(f"questionnaires/{name}.yaml"))
    except QuestionnaireError as exc:
        raise ResourceError(f"questionnaires/{name}.yaml: {exc}") from None


def translation(lang: str, qt_dir: Path | None = None) -> list[bytes]:
    """The compiled staff-interface translations for ``lang``: ClinicDay's own
    (``translations/clinic_<lang>.qm``, compiled by ``tools/setup``) and, from ``qt_dir``, Qt's
    (``qtbase_<lang>.qm``: OK, Cancel, Yes, No...). Empty for English or when missing."""
    if lang == FALLBACK or not lang.isalpha():
        return []
    found = []
    for path in (
        resources_dir() / "translations" / f"clinic_{lang}.qm",
        *([qt_dir / f"qtbase_{lang}.qm"] if qt_dir else []),
    ):
        try:
            found.append(path.read_bytes())
        except OSError:
            continue
    return found
