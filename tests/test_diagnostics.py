"""The diagnostic log for IT: it says what Handoff did and why it failed, and nothing personal.

Issue 15 (diagnostics for IT): whole flows run with known personal data, a
generated password and data-bearing file names, with the log switched on by
``--debug`` and by the setting; the log's bytes are then searched for every
value, as tests/test_journal_privacy.py does for the journal.
"""

from __future__ import annotations

import io
import sys

import pytest
from sheets import KG_HEADERS, THUISPUNT_HEADERS, kg_rows, thuispunt_rows, write_sheet

from handoff.cli import main
from handoff.core import diagnostics, protocols, settings
from handoff.core.errors import HandoffError


@pytest.fixture(autouse=True)
def _log_off_after():
    yield
    diagnostics.stop()


def _values(rows: list[list[object]]) -> set[str]:
    found = set()
    for row in rows:
        for value in row:
            text = str(value).strip()
            if len(text) >= 4:
                found.add(text)
    return found


def _run(capsys, monkeypatch, *argv: str, stdin: str = "") -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = main(["--lang", "nl", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_debug_flag_logs_steps_and_failures_but_no_personal_data(
    tmp_path, capsys, monkeypatch, thuispunt
):
    rows = thuispunt_rows()
    sheet = write_sheet(tmp_path / "Jan Peeters lijst.xlsx", THUISPUNT_HEADERS, rows)
    archive = tmp_path / "uit" / "Jan Peeters.7z"
    archive.parent.mkdir()
    code, out, err = _run(
        capsys, monkeypatch, "--debug", "pack", str(sheet), "--protocol", thuispunt,
        "--output", str(archive),
    )  # fmt: skip
    assert code == 0, err
    ref_or_password = out.split()
    password = next(w for w in ref_or_password if w.count("-") == 3 and len(w) == 19)
    code, _, err = _run(
        capsys, monkeypatch, "--debug", "unpack", str(archive), "--output", str(tmp_path / "x"),
        "--password-stdin", stdin="AAAA-BBBB-CCCC-DDDD\n",
    )  # fmt: skip
    assert code != 0  # a wrong password: the failure is logged by its code
    log = diagnostics.log_file().read_text(encoding="utf-8")
    assert "journaled" in log and "step=packaged" in log
    assert "code=wrong_password" in log
    forbidden = _values(rows) | {password, password.replace("-", ""), "Jan Peeters", str(tmp_path)}
    leaked = sorted(v for v in forbidden if v in log)
    assert leaked == []


def test_the_setting_switches_it_on_for_a_whole_send(tmp_path, capsys, monkeypatch):
    rows = kg_rows()
    protocol = protocols.get("kg-ocmw-referral")
    s = settings.load()
    settings.save(settings.with_value(s, "diagnostics", "true"))
    sheet = write_sheet(tmp_path / "doorverwijzing.xlsx", KG_HEADERS, rows)
    code, out, err = _run(
        capsys, monkeypatch, "send", str(sheet), "--protocol", protocol.id,
        "--to", protocol.recipients[0].id, "--via", "draft", "--consent-confirmed",
    )  # fmt: skip
    assert code == 0, err
    ref, password = out.split()
    log = diagnostics.log_file().read_text(encoding="utf-8")
    assert "reason=setting" in log and f"handoff={ref}" in log and "step=draft_handed" in log
    leaked = sorted(v for v in _values(rows) | {password} if v in log)
    assert leaked == []


def test_values_that_are_not_codes_are_withheld():
    diagnostics.start("test")
    diagnostics.event("probe", name="Jan Peeters", nn="85073003328", path="/home/jan/lijst.xlsx")
    diagnostics.failure(HandoffError("not_found", _text(), name="Jan Peeters.xlsx"), "test")
    try:
        raise ValueError("85073003328 Jan Peeters")
    except ValueError as exc:
        diagnostics.failure(exc, "test")
    log = diagnostics.log_file().read_text(encoding="utf-8")
    assert "probe name=<…> nn=<…> path=<…>" in log
    assert (
        "code=not_found params=name" in log and "params=<" not in log and "kind=ValueError" in log
    )
    assert "test_values_that_are_not_codes_are_withheld" in log  # where it failed
    assert "Peeters" not in log and "85073003328" not in log


def test_off_by_default_writes_nothing():
    diagnostics.event("probe", step="packaged")
    assert not diagnostics.active()
    assert not diagnostics.log_file().exists()


def _text():
    from handoff.core.i18n import Text

    return Text("{name} niet gevonden", "{name} not found")
