"""A real X server for the GUI tests: Xvfb with Qt's ``xcb`` platform, as on a Linux desktop.

``offscreen`` hides what a window system does (window sizes a screen cannot hold, focus, real
input events), so the GUI tests run in a real X server: the one in ``DISPLAY`` if there is one,
else an Xvfb started here for the test session (installed by ``tools/setup``). Where no X server
can be started (no Xvfb, or not Linux), they fall back to ``offscreen`` and say so.
``QT_QPA_PLATFORM`` set by the caller always wins.
"""

from __future__ import annotations

import atexit
import os
import shutil
import subprocess
import sys
import warnings

SCREEN = "1600x1000x24"  # a common laptop screen


def start() -> str:
    """Choose the Qt platform for this test session (and start Xvfb if needed); returns it."""
    chosen = os.environ.get("QT_QPA_PLATFORM")
    if chosen:
        return chosen
    if os.environ.get("DISPLAY"):
        os.environ["QT_QPA_PLATFORM"] = "xcb"
        return "xcb"
    xvfb = shutil.which("Xvfb")
    if xvfb is None or not sys.platform.startswith("linux"):
        warnings.warn("no X server (Xvfb) here: the GUI tests run offscreen", stacklevel=2)
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        return "offscreen"
    read, write = os.pipe()
    proc = subprocess.Popen(
        [xvfb, "-displayfd", str(write), "-screen", "0", SCREEN, "-nolisten", "tcp", "-noreset"],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read) as pipe:
        display = pipe.readline().strip()
    if not display:
        proc.kill()
        warnings.warn("Xvfb did not start: the GUI tests run offscreen", stacklevel=2)
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        return "offscreen"
    atexit.register(proc.terminate)
    os.environ["DISPLAY"] = f":{display}"
    os.environ["QT_QPA_PLATFORM"] = "xcb"
    return "xcb"
