"""GUI tests (pytest-qt, offscreen): real widgets over a real clinic."""
