"""The PySide6 desktop app: pages that show the core's use cases, nothing more.

Every action a page offers is a call into :mod:`handoff.usecases` (or a
read-side API) made from a background task; the GUI never decides a rule of
the protocol itself, so the CLI and the window always behave the same.
"""
