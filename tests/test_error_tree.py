"""One error tree: every exception class ClinicDay defines is a clinic.errors.ClinicError, so
the one presenter tells each by its message (and a person never reads "internal error" for a
condition the code knows about)."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import clinic
from clinic.errors import ClinicError, explain

SKIP = {"clinic.gui", "clinic.__main__"}  # Qt (no error classes there); the program itself


def _modules() -> list[str]:
    names = []
    for info in pkgutil.walk_packages(clinic.__path__, "clinic."):
        if any(info.name == s or info.name.startswith(s + ".") for s in SKIP):
            continue
        if ".migrations." in info.name:
            continue
        names.append(info.name)
    return names


def test_every_exception_class_is_a_clinic_error() -> None:
    found = []
    for name in _modules():
        module = importlib.import_module(name)
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ == name and issubclass(cls, BaseException):
                found.append(cls)
                assert issubclass(cls, ClinicError), f"{name}.{cls.__name__} is not a ClinicError"
    assert len(found) >= 20  # the store's, the vault's, the packet builder's, the domain's...


def test_a_known_error_is_never_told_as_an_internal_error() -> None:
    from clinic.packet.documents import DocumentError

    told = explain(DocumentError("no font with Korean letters: set CLINIC_FONT"))
    assert told.known and "internal error" not in told.line
    assert told.line == "no font with Korean letters: set CLINIC_FONT"
