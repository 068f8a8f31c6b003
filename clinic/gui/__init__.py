"""The desktop app (PySide6): the only package that imports Qt.

A thin layer over :class:`clinic.core.Desk`: every screen asks :class:`clinic.gui.ops.Ops` to
run a Desk call on the worker thread and shows the result when it comes back (DESIGN.md
sections 2 and 8). One module per screen; ``window`` ties them together, ``app`` starts it.
"""
