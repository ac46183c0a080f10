"""Calm colours and one obvious primary button per step.

A single stylesheet keeps the pages consistent; pages only set object names
("primary", "pageTitle", "hint") and never colours of their own.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

ACCENT = "#2f6f8f"
# The focus ring (issue 13 item 14): amber, 2 px, on every control that takes the keyboard.
FOCUS = "#d9891a"

STYLESHEET = f"""
QListWidget#navigation {{
    background: #e9eff2; border: none; font-size: 11pt; padding-top: 8px;
}}
QListWidget#navigation {{ outline: none; }}
QListWidget#navigation::item {{ padding: 10px 14px; border-radius: 6px; margin: 2px 6px; }}
QListWidget#navigation::item:selected {{ background: {ACCENT}; color: white; }}
QLabel#pageTitle {{ font-size: 17pt; font-weight: 600; color: #1f3b4a; }}
QLabel#hint {{ color: #4a5a63; }}
QLabel#stepTitle {{ font-size: 12pt; font-weight: 600; color: #1f3b4a; margin-top: 6px; }}
QLabel#warning {{ color: #9b2c2c; font-weight: 600; }}
QLabel#findingBlocking {{ color: #9b2c2c; background: #fbf1f1; border-left: 4px solid #9b2c2c;
    padding: 4px 8px; }}
QLabel#findingNote {{ color: #6b4f00; background: #fbf6e6; border-left: 4px solid #c9a227;
    padding: 4px 8px; }}
QLabel#success {{ color: #22643a; font-weight: 600; }}
QLabel#badgeOk {{ background: #dcefe2; color: #22643a; padding: 6px 10px; border-radius: 6px; }}
QLabel#badgeBad {{ background: #f6dede; color: #9b2c2c; padding: 6px 10px; border-radius: 6px; }}
QLabel#passwordLabel {{ background: #fbf8ef; border: 1px solid #d8cfb4; border-radius: 8px;
    padding: 14px; color: #1f2a30; }}
QFrame#fileDrop {{ border: 2px dashed #9fb4bf; border-radius: 8px; background: #f7fafb;
    padding: 10px; }}
QPushButton#primary {{ background: {ACCENT}; color: white; border: none; border-radius: 6px;
    padding: 8px 18px; font-weight: 600; }}
QPushButton#primary:disabled {{ background: #a9bcc6; }}
QPushButton#primary:focus {{ border: 2px solid {FOCUS}; }}
QPushButton {{ border: 1px solid #9fb4bf; border-radius: 6px; padding: 6px 14px;
    background: #f4f7f8; }}
QPushButton:hover {{ background: #e9eff2; }}
QPushButton:disabled {{ color: #8a979e; }}
QPushButton:focus {{ border: 2px solid {FOCUS}; }}
QCheckBox, QRadioButton {{ border: 2px solid transparent; border-radius: 4px; padding: 2px; }}
QCheckBox:focus, QRadioButton:focus {{ border-color: {FOCUS}; }}
QLineEdit, QComboBox {{ border: 1px solid #9fb4bf; border-radius: 4px; padding: 4px 6px;
    background: white; }}
QLineEdit:focus, QComboBox:focus {{ border: 2px solid {FOCUS}; }}
QLineEdit[invalid="true"] {{ border: 2px solid #9b2c2c; background: #fdf3f3; }}
QListWidget:focus, QTableView:focus, QTreeView:focus {{ border: 2px solid {FOCUS}; }}
"""


def title(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("pageTitle")
    return label


def hint(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("hint")
    label.setWordWrap(True)
    return label


def step_title(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("stepTitle")
    return label


def primary(text: str, parent: QWidget | None = None) -> QPushButton:
    """The one main action of a step: accent colour, default button for Enter."""
    button = QPushButton(text, parent)
    button.setObjectName("primary")
    button.setAccessibleName(text.replace("&", ""))
    button.setAutoDefault(True)
    return button


def button(text: str, parent: QWidget | None = None) -> QPushButton:
    """A secondary button with its accessible name taken from the text."""
    widget = QPushButton(text, parent)
    widget.setAccessibleName(text.replace("&", ""))
    return widget


def set_role(widget: QWidget, name: str) -> None:
    """Switch a widget's style role (object name) and re-apply the stylesheet to it."""
    widget.setObjectName(name)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


def fit_current(stack: QStackedWidget) -> None:
    """Size a stacked widget to its current panel only, not to its largest one."""

    def update(index: int) -> None:
        for i in range(stack.count()):
            policy = QSizePolicy.Policy.Preferred if i == index else QSizePolicy.Policy.Ignored
            stack.widget(i).setSizePolicy(policy, policy)
        stack.adjustSize()

    stack.currentChanged.connect(update)
    update(stack.currentIndex())


def compact(combo: QComboBox, chars: int = 18) -> QComboBox:
    """Let a combo with long entries shrink instead of widening the page."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(chars)
    return combo


def row(*widgets: QWidget | None) -> QHBoxLayout:
    """A row of widgets; ``None`` marks where the free space goes (e.g. ``row(None, ok)``)."""
    layout = QHBoxLayout()
    for widget in widgets:
        if widget is None:
            layout.addStretch(1)
        else:
            layout.addWidget(widget)
    return layout


def panel() -> tuple[QWidget, QVBoxLayout]:
    """A step's container: a widget with a margin-less vertical layout."""
    widget = QWidget()
    layout = QVBoxLayout(widget)
    layout.setContentsMargins(0, 0, 0, 0)
    return widget, layout


def message(role: str, text: str = "") -> QLabel:
    """A wrapped status line styled by ``role`` ("success", "warning", ...)."""
    label = QLabel(text)
    label.setObjectName(role)
    label.setWordWrap(True)
    return label


class _ToggleLabel(QLabel):
    """The wrapped text of a check box: a click on it ticks the box, as on the box's own text."""

    def mousePressEvent(self, event: QMouseEvent) -> None:
        box = self.buddy()
        if isinstance(box, QCheckBox) and box.isEnabled():
            box.toggle()
            box.setFocus()
        super().mousePressEvent(event)


def wrapping_check(text: str) -> tuple[QWidget, QCheckBox]:
    """A check box whose long text wraps instead of widening the page (issue 13 item 15).

    Returns the row (to add and hide) and the box. ``text``'s mnemonic moves
    the focus to the box, where Space ticks it.
    """
    box = QCheckBox()
    box.setAccessibleName(text.replace("&", ""))
    label = _ToggleLabel(text)
    label.setWordWrap(True)
    label.setBuddy(box)
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(box, 0, Qt.AlignmentFlag.AlignTop)
    layout.addWidget(label, 1)
    return row, box
