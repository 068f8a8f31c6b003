"""Where the real USCIS PDFs are for tests (``../shared/forms``), and a skip when they are not."""

from __future__ import annotations

from pathlib import Path

import pytest

SHARED_FORMS = Path(__file__).resolve().parents[2] / "shared" / "forms"


def official(name: str) -> Path:
    path = SHARED_FORMS / name
    if not path.is_file():
        pytest.skip(f"the official PDF {name} is not in ../shared/forms")
    return path
