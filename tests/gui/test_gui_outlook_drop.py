"""An attachment dragged straight out of Outlook onto the receive page (issue 14 §3).

Outlook offers no file path, only the Windows formats FileGroupDescriptorW and
FileContents. The test drops exactly those formats (as Qt names them) on the
receive page's drop zone and checks the archive lands in the secure folder,
never in a temp folder, and is chosen like a dragged file.
"""

from __future__ import annotations

import struct

import pytest
from PySide6.QtCore import QByteArray, QMimeData, QPointF, Qt
from PySide6.QtGui import QDropEvent

from handoff.core import leftovers, settings
from handoff.core.dropped import DROPPED_FOLDER
from handoff.core.journal import Journal
from handoff.gui.widgets.file_drop import CONTENTS_MIME, DESCRIPTOR_MIME, descriptor_names


def descriptor(*names: str) -> bytes:
    """A FILEGROUPDESCRIPTORW as Outlook builds it: a count, then 592-byte FILEDESCRIPTORWs."""
    out = struct.pack("<I", len(names))
    for name in names:
        encoded = name.encode("utf-16-le").ljust(520, b"\0")
        out += b"\0" * 72 + encoded
    return out


def outlook_mime(name: str, data: bytes) -> QMimeData:
    mime = QMimeData()
    mime.setData(DESCRIPTOR_MIME, QByteArray(descriptor(name)))
    mime.setData(CONTENTS_MIME, QByteArray(data))
    return mime


def drop(widget, mime: QMimeData) -> QDropEvent:
    event = QDropEvent(
        QPointF(5, 5), Qt.DropAction.CopyAction, mime,
        Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
    )  # fmt: skip
    widget.dropEvent(event)
    return event


def test_descriptor_names_reads_each_utf16_name_and_refuses_a_truncated_one():
    assert descriptor_names(descriptor("HO-1.7z", "Lijst van Zoë.7z")) == [
        "HO-1.7z",
        "Lijst van Zoë.7z",
    ]
    assert descriptor_names(descriptor("HO-1.7z")[:-10]) == []
    assert descriptor_names(b"") == []


def test_an_outlook_attachment_dropped_on_the_receive_page_lands_in_the_secure_folder(
    window, tmp_path
):
    window.show_page("receive")
    page = window.pages["receive"]
    archive = b"7z\xbc\xaf\x27\x1c" + b"\x00" * 100
    chosen = []
    page.drop.file_chosen.connect(chosen.append)

    event = drop(page.drop, outlook_mime("HO-20261123-AB12CD.7z", archive))

    target = settings.load().secure_folder / DROPPED_FOLDER / "HO-20261123-AB12CD.7z"
    assert event.isAccepted()
    assert chosen == [target] and page.drop.path == target
    assert target.read_bytes() == archive


def test_a_dropped_virtual_file_of_the_wrong_kind_or_with_folders_in_its_name_is_refused(window):
    window.show_page("receive")
    page = window.pages["receive"]
    folder = settings.load().secure_folder / DROPPED_FOLDER
    assert not drop(page.drop, outlook_mime("lijst.xlsx", b"PK")).isAccepted()
    assert not drop(page.drop, outlook_mime("HO-1.7z", b"")).isAccepted()  # no contents
    event = drop(page.drop, outlook_mime("..\\\\..\\\\HO-2.7z", b"7z"))
    assert event.isAccepted()
    assert page.drop.path == folder / "HO-2.7z"  # only the bare name is used
    assert sorted(p.name for p in folder.iterdir()) == ["HO-2.7z"]


@pytest.mark.usefixtures("thuispunt")
def test_a_dropped_attachment_is_held_while_chosen_and_gone_once_received(window, qtbot, tmp_path):
    """The copy in the drop area is spared by the clean-up while chosen, removed once received."""
    from tests.gui.test_gui_receive import PROTOCOL, _sent_archive

    packaged = _sent_archive(tmp_path)
    window.show_page("receive")
    page = window.pages["receive"]
    drop(page.drop, outlook_mime("HO-20261123-AB12CD.7z", packaged.archive.path.read_bytes()))
    folder = settings.load().secure_folder / DROPPED_FOLDER
    with Journal() as journal:  # a clean-up (another Handoff starting) leaves a held copy
        assert not leftovers.clean(journal, secure=[settings.load().secure_folder])
    assert [p.name for p in folder.iterdir()] == ["HO-20261123-AB12CD.7z"]

    page.picker.select(PROTOCOL)
    qtbot.keyClicks(page.password, packaged.password.value)
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.result.isVisible(), timeout=30_000)
    assert list(folder.iterdir()) == []  # received: the dropped copy does not linger


def test_a_second_drop_replaces_the_first_copy(window):
    window.show_page("receive")
    page = window.pages["receive"]
    folder = settings.load().secure_folder / DROPPED_FOLDER
    drop(page.drop, outlook_mime("HO-1.7z", b"7z-een"))
    drop(page.drop, outlook_mime("HO-2.7z", b"7z-twee"))
    assert sorted(p.name for p in folder.iterdir()) == ["HO-2.7z"]
    page.start_over()
    assert list(folder.iterdir()) == []
