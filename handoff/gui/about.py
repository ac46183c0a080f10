"""The About box: version and the licences Handoff is distributed under and with.

The EUPL and the (L)GPL components oblige us to tell users which licences apply
and where the sources are; a DPO also wants to see the version in a report.
"""

from __future__ import annotations

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from handoff import __version__

# (component, licence) pairs shown in the box; the word list's terms are in
# resources/wordlist/SOURCE.md and LICENSE.
LICENCES: tuple[tuple[str, str], ...] = (
    ("Handoff", "EUPL-1.2"),
    ("Qt / PySide6", "LGPL-3.0"),
    ("py7zr", "LGPL-2.1-or-later"),
    ("paramiko", "LGPL-2.1-or-later"),
    ("python-stdnum", "LGPL-2.1-or-later"),
    ("keyring", "MIT"),
    ("python-calamine", "MIT"),
    ("platformdirs", "MIT"),
    ("XlsxWriter", "BSD-2-Clause"),
    ("OpenTaal word list (nl)", "BSD-3-Clause or CC BY 3.0"),
)


class AboutDialog(QDialog):
    """Version, purpose and licences; Escape or Enter closes it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About Handoff"))
        intro = QLabel(
            self.tr(
                "<h2>Handoff {version}</h2>"
                "<p>Hand over personal data to another agency the way the "
                "data-exchange protocol prescribes: checked, locked with a password, "
                "sent, and recorded in a journal.</p>"
                "<p>Qt {qt}, PySide6 {pyside}</p>"
            ).format(version=__version__, qt=qVersion(), pyside=pyside_version)
        )
        intro.setWordWrap(True)
        rows = "".join(f"<tr><td>{name}</td><td>&nbsp;{lic}</td></tr>" for name, lic in LICENCES)
        licences = QLabel(
            self.tr("<p><b>Licences</b></p>")
            + f"<table>{rows}</table>"
            + self.tr(
                "<p>Qt and PySide6 are used under the LGPL version 3; their sources "
                "are at <a href='https://code.qt.io'>code.qt.io</a>.</p>"
            )
        )
        licences.setOpenExternalLinks(True)
        licences.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        licences.setAccessibleName(self.tr("Licences"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(licences)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)
