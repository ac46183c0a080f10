"""What a check found, in words a worker can act on.

A finding names where (sheet and cell or column), what is wrong and what to
do, in Dutch and English. It never holds a cell value: the worker opens the
cell named in the message. ``blocking`` findings stop the handoff; the others
are things the cleaned copy fixes by itself (it says so).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from handoff.core import i18n
from handoff.core.i18n import Text

_CELL = re.compile(r"^([A-Z]{1,3})([0-9]+)?$")
_PREFIX = {True: Text("Te verbeteren", "To correct"), False: Text("Opmerking", "Note")}
_ROW_AND_COLUMN = Text("Rij {row}, {column}", "Row {row}, {column}")
_ROW = Text("Rij {row}", "Row {row}")
_COLUMN_NAMED = Text("kolom '{header}'", "column '{header}'")
_COLUMN_LETTER = Text("kolom {letters}", "column {letters}")


@dataclass(frozen=True)
class Finding:
    """One thing wrong with a sheet; never carries a cell value."""

    code: str
    text: Text
    params: dict
    blocking: bool
    sheet: str | None = None
    cell: str | None = None

    def message(self, lang: str | None = None) -> str:
        """ "Rij 3, kolom 'RRN': <problem> Wat te doen: <action>" in the language in force.

        Issue 13 §4: where, in the words a worker uses (the row and the
        column by its header), never ``Blad1!C3``; the window and the CLI
        both print this.
        """
        lang = lang or i18n.language()
        body = self.text.render(lang, **self.params)
        where = self.place(lang, body)
        return f"{where}: {body}" if where else body

    def line(self, lang: str | None = None) -> str:
        """The finding as one line of a list: "Te verbeteren — <message>"."""
        lang = lang or i18n.language()
        return f"{_PREFIX[self.blocking].render(lang)} — {self.message(lang)}"

    def place(self, lang: str, body: str) -> str:
        """ "Rij 3, kolom 'Naam'" for a cell; "" when ``body`` already says where.

        A finding about a whole sheet (an extra or hidden one) names the sheet
        in its own words, so only cells and columns get a place.
        """
        match = _CELL.match(self.cell or "")
        if match is None:
            return ""
        letters, row = match.groups()
        header = self.params.get("header") or self.params.get("label")
        if header and f"'{header}'" in body:  # the message names the column itself
            said = row is None or re.search(rf"\b(rij|row) {row}\b", body, re.IGNORECASE)
            return "" if said else _ROW.render(lang, row=row)
        column = (
            _COLUMN_NAMED.render(lang, header=header)
            if header
            else _COLUMN_LETTER.render(lang, letters=letters)
        )
        if not row:
            return column[:1].upper() + column[1:]
        return _ROW_AND_COLUMN.render(lang, row=row, column=column)


@dataclass
class CheckReport:
    """All findings for one sheet against one protocol."""

    findings: list[Finding]
    rows: int
    columns: list[str]
    source_sha256: str

    @property
    def ok(self) -> bool:
        """True when nothing blocks the handoff (warnings may remain)."""
        return not any(f.blocking for f in self.findings)


@dataclass(frozen=True)
class CleanSheet:
    """The cleaned copy: xlsx bytes built in memory, never on disk in plaintext."""

    data: bytes
    rows: int
    columns: list[str]
    name: str

    def __repr__(self) -> str:  # never print the bytes (they hold personal data)
        return f"CleanSheet(name={self.name!r}, rows={self.rows}, columns={self.columns!r})"


# The catalogue: one (nl, en, blocking) per code, so every message says what
# is wrong and what to do, and the same problem is always worded the same way.
CATALOGUE: dict[str, tuple[str, str, bool]] = {
    "not_a_workbook": (
        "Dit is geen Excel-werkmap (.xlsx). Wat te doen: bewaar het blad in Excel als 'Excel-werkmap (*.xlsx)' en probeer opnieuw.",
        "This is not an Excel workbook (.xlsx). What to do: save the sheet in Excel as 'Excel Workbook (*.xlsx)' and try again.",
        True,
    ),
    "encrypted_workbook": (
        "De werkmap is met een wachtwoord beveiligd en kan niet gecontroleerd worden. Wat te doen: verwijder het wachtwoord in Excel (Bestand > Info > Werkmap beveiligen); Handoff versleutelt zelf.",
        "The workbook is password-protected and cannot be checked. What to do: remove the password in Excel (File > Info > Protect Workbook); Handoff encrypts by itself.",
        True,
    ),
    "macros": (
        "De werkmap bevat macro's (VBA). Wat te doen: bewaar ze in Excel als 'Excel-werkmap (*.xlsx)' zonder macro's.",
        "The workbook contains macros (VBA). What to do: save it in Excel as 'Excel Workbook (*.xlsx)' without macros.",
        True,
    ),
    "no_data": (
        "Het blad bevat geen kopregel of geen gegevens. Wat te doen: zet de kolomnamen in rij 1 en de gegevens eronder.",
        "The sheet has no header row or no data. What to do: put the column names in row 1 and the data below.",
        True,
    ),
    "column_not_allowed": (
        "Kolom {column} '{header}' is niet toegelaten door het protocol ({article}: enkel de noodzakelijke gegevens, proportionaliteit). Wat te doen: verwijder deze kolom.",
        "Column {column} '{header}' is not allowed by the protocol ({article}: only the necessary data, proportionality). What to do: delete this column.",
        True,
    ),
    "columns_not_allowed_more": (
        "Nog {count} andere kolommen, van {first} tot {last}, zijn niet toegelaten door het protocol ({article}). Wat te doen: verwijder alle kolommen die het protocol niet noemt en controleer opnieuw.",
        "{count} more columns, from {first} to {last}, are not allowed by the protocol ({article}). What to do: delete every column the protocol does not name and check again.",
        True,
    ),
    "national_number_in_text": (
        "In kolom '{header}', rij {row} staat een rijksregister- of BIS-nummer: gegevens in de verkeerde kolom. Wat te doen: haal het nummer uit deze cel; zet het enkel in de kolom voor het rijksregisternummer als het protocol die heeft.",
        "Column '{header}', row {row} holds a national register or BIS number: data in the wrong column. What to do: remove the number from this cell; put it only in the national-number column if the protocol has one.",
        True,
    ),
    "column_missing": (
        "Verplichte kolom '{label}' ontbreekt. Wat te doen: voeg een kolom '{label}' toe.",
        "Required column '{label}' is missing. What to do: add a column '{label}'.",
        True,
    ),
    "column_duplicate": (
        "Kolom '{label}' staat er twee keer. Wat te doen: houd één kolom '{label}' over.",
        "Column '{label}' appears twice. What to do: keep one column '{label}'.",
        True,
    ),
    "header_empty": (
        "Deze kolom heeft gegevens maar geen kolomnaam. Wat te doen: verwijder de gegevens of geef de kolom een naam uit het protocol.",
        "This column holds data but has no name. What to do: delete the data or give the column a name from the protocol.",
        True,
    ),
    "required_empty": (
        "Verplichte cel '{label}' is leeg. Wat te doen: vul ze in of verwijder de rij.",
        "Required cell '{label}' is empty. What to do: fill it in or delete the row.",
        True,
    ),
    "invalid_national_number": (
        "Geen geldig rijksregister-, BIS- of INSZ-nummer in kolom '{header}', rij {row} (controlegetal klopt niet). Wat te doen: controleer het nummer tegen de identiteitskaart of het rijksregister.",
        "Not a valid national register, BIS or INSZ number in column '{header}', row {row} (check digits do not match). What to do: check the number against the ID card or the national register.",
        True,
    ),
    "invalid_phone": (
        "Geen geldig Belgisch telefoonnummer. Wat te doen: schrijf het als 0470 12 34 56 of +32 470 12 34 56.",
        "Not a valid Belgian phone number. What to do: write it as 0470 12 34 56 or +32 470 12 34 56.",
        True,
    ),
    "invalid_email": (
        "Geen geldig e-mailadres. Wat te doen: schrijf het als naam@voorbeeld.be.",
        "Not a valid e-mail address. What to do: write it as name@example.be.",
        True,
    ),
    "invalid_yes_no": (
        "Verwacht 'ja' of 'nee'. Wat te doen: vul 'ja' of 'nee' in.",
        "Expected 'yes' or 'no' ('ja'/'nee'). What to do: fill in 'ja' or 'nee'.",
        True,
    ),
    "invalid_date": (
        "Geen geldige datum. Wat te doen: schrijf de datum als dd/mm/jjjj.",
        "Not a valid date. What to do: write the date as dd/mm/yyyy.",
        True,
    ),
    "invalid_choice": (
        "Waarde niet toegelaten in kolom '{label}'. Wat te doen: kies uit: {choices}.",
        "Value not allowed in column '{label}'. What to do: choose from: {choices}.",
        True,
    ),
    "more_of_same": (
        "Meer cellen met hetzelfde probleem in deze kolom: nog {count}. Wat te doen: verbeter de hele kolom en controleer opnieuw.",
        "More cells with the same problem in this column: {count} more. What to do: correct the whole column and check again.",
        True,
    ),
    "address_without_number": (
        "Het adres lijkt geen huisnummer te hebben. Wat te doen: controleer straat en huisnummer.",
        "The address seems to have no house number. What to do: check street and number.",
        False,
    ),
    "data_below_table": (
        "Er staan gegevens onder de tabel, na een lege rij. Wat te doen: verwijder ze, of haal de lege rij weg als ze bij de tabel horen.",
        "There is data below the table, after an empty row. What to do: delete it, or remove the empty row if it belongs to the table.",
        True,
    ),
    "data_beside_table": (
        "Er staan gegevens naast de tabel, buiten de kolommen met een naam. Wat te doen: verwijder ze.",
        "There is data beside the table, outside the named columns. What to do: delete it.",
        True,
    ),
    "hidden_sheet": (
        "Verborgen werkblad '{name}'. Het wordt niet meegestuurd (de opgeschoonde kopie laat het weg). Wat te doen: niets, of maak het zichtbaar als het moet mee.",
        "Hidden worksheet '{name}'. It is not sent (the cleaned copy leaves it out). What to do: nothing, or unhide it if it must go along.",
        False,
    ),
    "very_hidden_sheet": (
        "Werkblad '{name}' is 'zeer verborgen' (enkel via VBA zichtbaar te maken). Het wordt niet meegestuurd. Wat te doen: niets; laat het nakijken als u niet weet wat erop staat.",
        "Worksheet '{name}' is 'very hidden' (only VBA can show it). It is not sent. What to do: nothing; have it checked if you do not know what it holds.",
        False,
    ),
    "extra_sheet": (
        "Werkblad '{name}' is niet het eerste blad en wordt niet meegestuurd. Wat te doen: zet alles wat moet mee op het eerste blad.",
        "Worksheet '{name}' is not the first sheet and is not sent. What to do: put everything that must go along on the first sheet.",
        False,
    ),
    "hidden_rows": (
        "Verborgen rijen: {count}, de eerste is rij {first}. Ze worden niet meegestuurd. Wat te doen: maak ze zichtbaar als ze moeten mee.",
        "Hidden rows: {count}, the first is row {first}. They are not sent. What to do: unhide them if they must go along.",
        False,
    ),
    "hidden_columns": (
        "Verborgen kolommen: {columns}. Ze worden niet meegestuurd. Wat te doen: maak ze zichtbaar als ze moeten mee.",
        "Hidden columns: {columns}. They are not sent. What to do: unhide them if they must go along.",
        False,
    ),
    "comments": (
        "Opmerkingen of notities: {count}. Ze worden verwijderd uit de kopie. Wat te doen: niets; zet niets in opmerkingen wat de ontvanger moet weten.",
        "Comments or notes: {count}. They are removed from the copy. What to do: nothing; do not put anything the receiver must know in comments.",
        False,
    ),
    "defined_names": (
        "Gedefinieerde namen: {count}. Ze worden verwijderd uit de kopie. Wat te doen: niets.",
        "Defined names: {count}. They are removed from the copy. What to do: nothing.",
        False,
    ),
    "external_links": (
        "Koppelingen naar andere bestanden. Ze worden verwijderd (de kopie bevat enkel waarden). Wat te doen: controleer dat de getoonde waarden actueel zijn.",
        "Links to other files. They are removed (the copy holds values only). What to do: check that the values shown are current.",
        False,
    ),
    "embedded_objects": (
        "Ingesloten objecten (bv. een document in de werkmap): {count}. Ze worden niet meegestuurd. Wat te doen: stuur ze niet mee tenzij het protocol het toelaat.",
        "Embedded objects (e.g. a document inside the workbook): {count}. They are not sent. What to do: do not send them unless the protocol allows it.",
        False,
    ),
    "personal_properties": (
        "De documenteigenschappen bevatten een persoonsnaam (auteur of laatst gewijzigd door). De kopie vervangt die door 'Handoff'. Wat te doen: niets.",
        "The document properties hold a person's name (author or last modified by). The copy replaces it with 'Handoff'. What to do: nothing.",
        False,
    ),
    "answer_request_changed": (
        "Kolom A verschilt van de aanvraag (rij {row}). Wat te doen: neem kolom A ongewijzigd over uit de aanvraag, in dezelfde volgorde.",
        "Column A differs from the request (row {row}). What to do: copy column A unchanged from the request, in the same order.",
        True,
    ),
    "answer_rows_differ": (
        "Het antwoord heeft {answer} rijen, de aanvraag {request}. Wat te doen: beantwoord elke rij van de aanvraag, geen rij meer of minder.",
        "The answer has {answer} rows, the request {request}. What to do: answer every row of the request, no row more or less.",
        True,
    ),
    "answer_beneficiary_missing": (
        "Bij 'ja' hoort minstens één begunstigde in kolom C. Wat te doen: vul het INSZ-nummer van de begunstigde in.",
        "A 'yes' needs at least one beneficiary in column C. What to do: fill in the beneficiary's INSZ number.",
        True,
    ),
    "answer_beneficiary_not_allowed": (
        "Bij 'nee' horen geen begunstigden (enkel gegevens die nodig zijn). Wat te doen: maak kolom C en D leeg op deze rij.",
        "A 'no' takes no beneficiaries (only necessary data). What to do: empty columns C and D on this row.",
        True,
    ),
}


def finding(
    code: str, *, sheet: str | None = None, cell: str | None = None, **params: Any
) -> Finding:
    """A finding from the catalogue; the only way findings are made."""
    nl, en, blocking = CATALOGUE[code]
    return Finding(code, Text(nl, en), dict(params), blocking, sheet, cell)
