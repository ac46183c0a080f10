"""The organisation journal service: every PC's journal records in one PostgreSQL-backed log.

Installed with ``pip install handoff[server]`` and run as
``handoff-journal-server``; it imports neither Qt nor the desktop's channels
(a test runs it with PySide6 blocked). ``schema`` holds the database side,
``keys`` the log's signing key, ``admin`` init and enrolment, ``tree`` the
integrator and its Merkle tree, ``auth`` the per-request signatures, ``app``
the HTTP API and ``main`` the command line.
"""
