"""Render the app icon (resources/icons/handoff.svg) to the formats installers need.

Windows wants an .ico for the exe, the shortcut and the installer; macOS an
.icns. Both are build output made from the one SVG, never committed. Qt's own
image plugins write them, so the build needs nothing beyond PySide6.

    python installer/make_icons.py
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"
SIZE = 256  # Windows scales a 256 px icon down for the shell; .icns takes it as is


def render(svg: Path, size: int = SIZE):  # -> QImage; Qt is imported lazily
    """The SVG drawn on a transparent square of ``size`` pixels."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    QSvgRenderer(str(svg)).render(painter)
    painter.end()
    return image


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    image = render(ICONS / "handoff.svg")
    for fmt in ("ico", "icns"):
        target = ICONS / f"handoff.{fmt}"
        if not image.save(str(target), fmt.upper()):
            print(f"could not write {target}", file=sys.stderr)
            return 1
        print(target)
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
