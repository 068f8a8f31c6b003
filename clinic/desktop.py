"""The windowed desktop app's entry point: ``ClinicDay.exe`` on Windows and ``ClinicDay.app`` on
macOS (build.spec), and the ``clinicday-gui`` command a wheel installs. It is ``clinic gui`` with
no console window behind it; arguments are those of ``clinic gui``.

A program with no console has no standard output on Windows (``sys.stdout`` is None): the
command line's messages then go nowhere instead of failing to print; the app says what matters in
its window.
"""

from __future__ import annotations

import os
import sys


def main() -> int:
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))
    from clinic.cli import main as clinic

    asked = sys.argv[1:]
    if asked and asked[0] in ("--version", "--help", "-h") and len(asked) == 1:
        return clinic(asked if asked[0] == "--version" else ["gui", "--help"])
    return clinic(["gui", *asked])


if __name__ == "__main__":
    sys.exit(main())
