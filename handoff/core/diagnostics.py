"""The opt-in diagnostic log IT can ask a worker to send: what Handoff did, and why it failed.

Issue 15 (diagnostics for IT): switched on by ``handoff --debug``, the
``diagnostics`` setting or an organisation policy; off by default. It must
never hold a password, credential, cell value, file or folder name or client
identifier, so it is built so that it cannot: an event is a name and fields
from a closed vocabulary. A text field is kept only when it has the shape of a
code (``wrong_password``, ``packaged``, ``HO-20261127-7KQ2MX``, a protocol
id); anything else is written as ``<…>``. A failure is written as its error
code and the names of its parameters (never their values), or, for an
unexpected exception, its type and the code locations of its traceback (file,
function, line; never the message or a local variable).

The log is ``diagnostics.log`` in Handoff's data folder (0600 on POSIX), kept
to three files of 1 MB each.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import platform
import re
import sys
import traceback
from pathlib import Path

from handoff.core import paths

LOGGER = "handoff.diagnostics"
FILE_NAME = "diagnostics.log"
_CODE = re.compile(r"^[A-Za-z0-9_<][A-Za-z0-9_.:<>\-]{0,95}$")
_REDACTED = "<…>"
_LONG_NUMBER = re.compile(r"\d{9}")
_logger = logging.getLogger(LOGGER)
_logger.propagate = False  # never into an application's or a test runner's root logger
_handler: logging.Handler | None = None


def log_file() -> Path:
    """Where the diagnostic log is written (the worker sends this file to IT)."""
    return paths.data_dir() / FILE_NAME


def active() -> bool:
    """Whether diagnostics are being written in this process (by our own handler)."""
    return _handler is not None


def start(reason: str) -> Path:
    """Switch the log on for this process (once); ``reason`` says who asked (a code)."""
    global _handler
    path = log_file()
    if _handler is None:
        path.parent.mkdir(parents=True, exist_ok=True)
        _handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=1_000_000, backupCount=2, encoding="utf-8"
        )
        _handler.setFormatter(logging.Formatter("%(asctime)s %(message)s"))
        _logger.addHandler(_handler)
        _logger.setLevel(logging.INFO)
        if os.name == "posix":
            path.chmod(0o600)
        from handoff import __version__

        event(
            "start",
            reason=reason,
            version=__version__,
            python=platform.python_version(),
            platform=sys.platform,
            release=platform.release(),
        )
    return path


def stop() -> None:
    """Switch the log off again (tests; a worker who turns the setting off)."""
    global _handler
    if _handler is not None:
        _logger.removeHandler(_handler)
        _handler.close()
        _handler = None


def _safe(value: object) -> str:
    if isinstance(value, bool | int | float):
        return str(value)
    text = str(value)
    # A run of nine digits or more could be a national number or a phone number.
    return text if _CODE.match(text) and not _LONG_NUMBER.search(text) else _REDACTED


def event(name: str, /, **fields: object) -> None:
    """One line: ``name key=value …``; values that are not codes or numbers are withheld."""
    if not active():
        return
    parts = [_safe(name), *(f"{key}={_safe(value)}" for key, value in sorted(fields.items()))]
    _logger.info(" ".join(parts))


def failure(exc: BaseException, where: str) -> None:
    """Why a step failed: the error's code and parameter names, or the code locations."""
    if not active():
        return
    code = getattr(exc, "code", None)
    if isinstance(code, str):
        params = getattr(exc, "params", {}) or {}
        event("failed", where=where, code=code, params=":".join(sorted(params)) or "-")
        return
    frames = traceback.extract_tb(exc.__traceback__)[-8:]
    trail = [f"{Path(f.filename).stem}.{f.name}:{f.lineno}" for f in frames]
    event("crashed", where=where, kind=type(exc).__name__)
    for depth, location in enumerate(trail):
        event("frame", depth=depth, at=location)
