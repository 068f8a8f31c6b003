"""The wheel's build step: the top-level ``forms/`` (form packs) and ``resources/``
(questionnaires, rules data, compiled translations) go inside the package, as
``clinic/_data/forms`` and ``clinic/_data/resources``, so ``pip install clinicday`` gives a
working program while the source tree keeps its layout. The metadata is in pyproject.toml.

An editable install (``pip install -e``, as tools/setup does) copies nothing: it reads the
folders of the source tree. A wheel without compiled translations is refused: build them first
with ``tools/translations build``.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
DATA = ("forms", "resources")
LEFT_OUT = shutil.ignore_patterns("*.ts", "__pycache__", "*.pyc")


class BuildWithData(build_py):
    """build_py, then the data folders copied into the built package."""

    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return
        target = Path(self.build_lib) / "clinic" / "_data"
        for name in DATA:
            if (target / name).exists():
                shutil.rmtree(target / name)
            shutil.copytree(ROOT / name, target / name, ignore=LEFT_OUT)
        if not list((target / "resources" / "translations").glob("*.qm")):
            raise SystemExit(
                "setup.py: the translations are not compiled: run tools/translations build first"
            )


setup(cmdclass={"build_py": BuildWithData})
