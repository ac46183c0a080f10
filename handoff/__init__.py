"""Handoff: hand personal data to another agency the way the protocol prescribes."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("handoff")
except PackageNotFoundError:  # running from a source tree or a frozen bundle
    __version__ = "0.1.0"
