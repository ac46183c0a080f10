"""A sheet from typed fields, for the referral flow: the sender needs no Excel.

A Kind en Gezin referral is one person (seed 001 art. 5: "telkens wanneer een
lokaal teamlid ... oordeelt dat een doorverwijzing ... is aangewezen"); the
worker fills in a form and Handoff writes the sheet. The fields go through
the same type checks as a sheet, so the result passes :func:`check`.
"""

from __future__ import annotations

from collections.abc import Mapping

from handoff.core.errors import HandoffError
from handoff.core.i18n import Text
from handoff.core.protocols import Protocol
from handoff.core.workbook.clean import build
from handoff.core.workbook.findings import CATALOGUE, CleanSheet
from handoff.core.workbook.values import CellValue, check_value, is_empty


def _refuse(
    code: str, protocol: Protocol, fields: list[str] | list[Text], problem: Text
) -> HandoffError:
    return HandoffError(code, problem, protocol=protocol.id, fields=tuple(fields))


def _unknown(protocol: Protocol, fields: Mapping[str, str]) -> list[str]:
    allowed = {c.key for c in protocol.columns}
    return sorted(k for k, v in fields.items() if k not in allowed and not is_empty(v))


def sheet_from_fields(protocol: Protocol, fields: Mapping[str, str]) -> CleanSheet:
    """One-row sheet of the protocol's columns; HandoffError names bad fields (never values)."""
    if not protocol.sheet_from_form:
        raise _refuse(
            "form_not_allowed",
            protocol,
            [],
            Text(
                "Het protocol '{protocol}' voorziet geen formulier. Wat te doen: gebruik een Excel-blad.",
                "Protocol '{protocol}' has no form. What to do: use an Excel sheet.",
            ),
        )
    unknown = _unknown(protocol, fields)
    if unknown:
        raise _refuse(
            "field_not_allowed",
            protocol,
            unknown,
            Text(
                "Velden niet toegelaten door het protocol '{protocol}': {fields}. Wat te doen: laat ze leeg.",
                "Fields not allowed by protocol '{protocol}': {fields}. What to do: leave them empty.",
            ),
        )
    row: list[CellValue] = []
    bad: list[Text] = []
    for column in protocol.columns:
        raw = fields.get(column.key, "")
        if is_empty(raw):
            if column.required:
                bad.append(column.label)
            row.append(None)
            continue
        value, code = check_value(raw, column)
        if code and CATALOGUE[code][2]:
            bad.append(column.label)
        row.append(value)
    if bad:
        raise _refuse(
            "invalid_fields",
            protocol,
            bad,
            Text(
                "Deze velden zijn leeg of ongeldig: {fields}. Wat te doen: vul ze correct in.",
                "These fields are empty or not valid: {fields}. What to do: fill them in correctly.",
            ),
        )
    return build(protocol, protocol.columns, [row])
