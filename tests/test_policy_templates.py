"""The shipped Group Policy templates are current, well-formed and complete (issue 15).

tools/policy-templates generates installer/windows/policies/ from the settings
schema; a setting added without regenerating fails here, as does a template
that references a string or presentation its ADML lacks.
"""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from handoff.core import policy, settings

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "installer" / "windows" / "policies"
NS = {"p": "http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions"}


def test_the_shipped_templates_are_current():
    run = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "policy-templates"), "--check"],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert run.returncode == 0, run.stdout + run.stderr


def _admx() -> ET.Element:
    return ET.parse(OUT / "handoff.admx").getroot()


def test_every_setting_has_a_locked_and_a_recommended_policy():
    values = {
        (pol.get("key"), el.get("valueName") or pol.get("valueName"))
        for pol in _admx().iterfind(".//p:policy", NS)
        for el in [*pol.iterfind("p:elements/*", NS), pol]
        if (el.get("valueName") or pol.get("valueName"))
    }
    key = "Software\\Policies\\Handoff"
    for dotted, _ in settings.schema():
        section, _, name = dotted.rpartition(".")
        where = f"\\{section}" if section else ""
        assert (key + where, name) in values, dotted
        assert (key + "\\Recommended" + where, name) in values, dotted
    for extra in policy.EXTRAS:
        assert (key, extra) in values


@pytest.mark.parametrize("lang", ["en-US", "nl-BE"])
def test_each_language_defines_every_string_and_presentation_used(lang):
    admx_text = (OUT / "handoff.admx").read_text(encoding="utf-8")
    adml = ET.parse(OUT / lang / "handoff.adml").getroot()
    strings = {s.get("id"): s.text for s in adml.iterfind(".//p:string", NS)}
    shown = {p.get("id"): p for p in adml.iterfind(".//p:presentation", NS)}
    for used in re.findall(r"\$\(string\.([^)]+)\)", admx_text):
        assert strings.get(used), used
    for pol in _admx().iterfind(".//p:policy", NS):
        ref = pol.get("presentation")
        if ref is None:
            continue
        presentation = shown[ref.removeprefix("$(presentation.").rstrip(")")]
        ids = {el.get("id") for el in pol.iterfind("p:elements/*", NS)}
        assert {child.get("refId") for child in presentation} == ids
    if lang == "nl-BE":
        assert strings["locked_mail_mode"] == "De manier van mailen"
