"""Layout holds (issue 16 point 3): every screen of the day, walked in the real window by
``tools/screenshots.py --check`` in its own X server the size of the screen named, finds nothing
clipped and nothing off-screen, in each staff language and the pseudo-locale (about 40% longer,
accented), at 1280x720, 1920x1080 and at 200% scale; the window never grows past the screen.

Each walk is a separate process: Qt reads its scale factor once, at start, and the X server's
screen size is fixed when it starts. Not in ``tests/gui``, so the dated reruns of CI do not walk
it again (nothing here reads the date)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TOOL = ROOT / "tools" / "screenshots.py"

pytestmark = pytest.mark.skipif(
    shutil.which("xvfb-run") is None, reason="needs xvfb-run (tools/setup installs it)"
)


def walk(
    tmp_path: Path, *, screen: str, langs: str, size: str, scale: int = 1, only: str = ""
) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "QT_SCALE_FACTOR")}
    env.update(QT_QPA_PLATFORM="xcb", QT_SCALE_FACTOR=str(scale), LC_ALL="C.UTF-8")
    command = [
        "xvfb-run",
        "-a",
        "-s",
        f"-screen 0 {screen}x24",
        sys.executable,
        str(TOOL),
        "--check",
        "--langs",
        langs,
        "--size",
        size,
        "--out",
        str(tmp_path / "shots"),
    ]
    if only:
        command += ["--only", only]
    return subprocess.run(
        command, env=env, capture_output=True, text=True, timeout=600, check=False
    )


def problems(proc: subprocess.CompletedProcess[str]) -> list[str]:
    return [line for line in proc.stderr.splitlines() if line.startswith("screenshots: ")]


def test_every_screen_fits_a_1280x720_laptop_in_every_language(tmp_path: Path) -> None:
    proc = walk(tmp_path, screen="1280x720", langs="qps,en,ko,es", size="1280x720")
    assert proc.returncode == 0 and not problems(proc), problems(proc) or proc.stderr[-2000:]
    shots = sorted(p.relative_to(tmp_path / "shots") for p in (tmp_path / "shots").rglob("*.png"))
    # every screen of the day was reached and drawn, in each language
    for lang in ("qps", "en", "ko", "es"):
        names = {p.stem for p in shots if p.parts[0] == lang}
        assert {"sign-in", "today", "check-in", "interview", "counts", "settings"} <= names
        assert {"record-screening", "review"} <= names or not (ROOT.parent / "shared").is_dir()


def test_every_screen_fits_at_200_percent_and_at_1920x1080(tmp_path: Path) -> None:
    """200% on a 2560x1440 panel is a 1280x720 screen of logical pixels, with every font twice
    as big in device pixels; 1920x1080 is the common external monitor."""
    hidpi = walk(tmp_path, screen="2560x1440", langs="qps", size="1280x720", scale=2)
    assert hidpi.returncode == 0 and not problems(hidpi), problems(hidpi) or hidpi.stderr[-2000:]
    wide = walk(tmp_path / "w", screen="1920x1080", langs="ko,es", size="1920x1080")
    assert wide.returncode == 0 and not problems(wide), problems(wide) or wide.stderr[-2000:]


def test_the_check_fails_on_a_screen_too_small_for_the_window(tmp_path: Path) -> None:
    """The walk above can fail: on an 800x500 screen the Today board cannot fit, and it says so
    (so a green walk means the screens fit, not that nothing was looked at)."""
    proc = walk(tmp_path, screen="800x500", langs="en", size="800x500", only="today")
    assert proc.returncode == 1
    found = problems(proc)
    assert any("today: window" in p and "cannot shrink to 800x500" in p for p in found), found
