"""Where Handoff reads and writes.

Everything Handoff writes lives under ``HANDOFF_HOME`` when it is set, so tests,
portable installs and the CI never touch the user's real folders; otherwise the
platform's user directories (platformdirs) are used.
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "Handoff"


def home() -> Path | None:
    """The HANDOFF_HOME override, or None when the platform folders apply."""
    value = os.environ.get("HANDOFF_HOME")
    return Path(value).expanduser() if value else None


def _ensure(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    return path


def ensure_private(path: Path) -> Path:
    """Create ``path`` readable by this account only (0700 on POSIX) when it is missing.

    For the folders that hold the journal and received personal data: on a
    shared machine other accounts must not even list them. An existing folder
    is left as the IT desk set it up (it may be a share with its own rights).
    On Windows the mode is ignored and the user profile's ACLs apply.
    """
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    return path


def config_dir() -> Path:
    """Settings and an organisation's own protocol profiles."""
    base = home()
    if base is not None:
        return _ensure(base / "config")
    import platformdirs  # only when HANDOFF_HOME is not set: keep it off the start-up path

    return _ensure(Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)))


def data_dir() -> Path:
    """The journal and other state that must survive updates."""
    base = home()
    if base is not None:
        return ensure_private(base / "data")
    import platformdirs

    return ensure_private(Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)))


def outbox_dir() -> Path:
    """Default outbox for archives and .eml drafts (settings may override)."""
    return _ensure(data_dir() / "outbox")


def secure_store_dir() -> Path:
    """Default secure folder for received files (settings should override)."""
    return ensure_private(data_dir() / "received")


def temp_dir() -> Path:
    """Handoff's own scratch folder, on the same volume as its outputs.

    It never holds a plaintext copy made for packing, nor (since extraction
    stages inside its destination) a decrypted one; the retention sweep still
    removes staging folders older versions left here (core/leftovers.py).
    """
    return _ensure(data_dir() / "tmp")


def journal_path() -> Path:
    """The SQLite journal."""
    return data_dir() / "journal.sqlite3"


def settings_path() -> Path:
    """The TOML settings file."""
    return config_dir() / "settings.toml"


def user_protocols_dir() -> Path:
    """Where an organisation drops its own protocol profiles."""
    return _ensure(config_dir() / "protocols")


def resources_dir() -> Path:
    """Shipped data: protocol profiles, translations, word list, icons.

    The one lookup for every kind of install: a wheel or plain ``pip install .``
    carries them as ``handoff/resources`` (setup.py maps the repository's
    ``resources/`` there), as does the PyInstaller bundle (installer/handoff.spec);
    importlib.resources finds both. A source checkout or editable install has
    no such folder inside the package and uses the repository's ``resources/``.
    """
    from importlib.resources import files

    installed = files("handoff") / "resources"
    if installed.is_dir():
        return Path(str(installed))
    return Path(__file__).resolve().parents[2] / "resources"
