"""`handoff log`, `handoff retention` and `handoff seal` on the command line."""

from __future__ import annotations

import csv
import re
import sqlite3
from datetime import date, timedelta

import openpyxl
import pytest

from handoff.cli import main
from handoff.core import paths
from handoff.core.journal import Journal, Step, new_handoff_id
from tests.stored import store

SHA = "9f" * 32


def _fill(n_handoffs: int = 3) -> list[str]:
    ids = [new_handoff_id() for _ in range(n_handoffs)]
    with Journal() as journal:
        for n, hid in enumerate(ids):
            protocol = "thuispunt-gent-cir" if n % 2 == 0 else "lievegem-debtors"
            journal.append(
                Step.PACKAGED,
                handoff_id=hid,
                protocol_id=protocol,
                details={"rows": n, "archive_sha256": SHA, "archive_size": 10},
            )
            journal.append(
                Step.SENT,
                handoff_id=hid,
                protocol_id=protocol,
                details={"channel": "smtp", "recipient": "ocmw@gent.be"},
            )
    return ids


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_list_prints_an_aligned_table_and_filters(capsys):
    ids = _fill()
    code, out, err = run(capsys, "log", "list")
    lines = out.splitlines()
    assert code == 0 and len(lines) == 1 + 6 and "6 regels" in err
    assert lines[0].split()[:3] == ["nr", "tijd", "account"]
    starts = {line.index("HO-") for line in lines[1:]}
    assert len(starts) == 1  # the handoff column is aligned
    code, out, _ = run(capsys, "log", "list", "--handoff", ids[1], "--step", "sent")
    assert len(out.splitlines()) == 2 and ids[1] in out and ids[0] not in out
    code, out, _ = run(capsys, "log", "list", "--protocol", "lievegem-debtors")
    assert len(out.splitlines()) == 1 + 2
    tomorrow = (date.today() + timedelta(days=1)).isoformat()
    assert len(run(capsys, "log", "list", "--since", tomorrow)[1].splitlines()) == 1
    code, _, err = run(capsys, "log", "list", "--since", "gisteren")
    assert code == 2 and "JJJJ-MM-DD" in err


def test_list_and_export_stream_pages_oldest_first(capsys, tmp_path, monkeypatch):
    """A 1 M-record journal never sits in one list: the CLI reads it page by page."""
    from handoff.core.journal.query import PAGE_SIZE

    def whole_journal(*args, **kwargs):
        raise AssertionError("the CLI loaded every record at once")

    total = PAGE_SIZE + 3
    with Journal() as journal:
        for n in range(total):
            journal.account = "alice" if n % 2 else "bob"
            journal.append(
                Step.SENT, handoff_id=f"HO-20261123-AAA{n:03d}", protocol_id=None, details={}
            )
    monkeypatch.setattr(Journal, "records", whole_journal)
    code, out, err = run(capsys, "log", "list")
    lines = out.splitlines()
    assert code == 0 and len(lines) == 1 + total and f"{total} regels" in err
    assert [int(line.split()[0]) for line in lines[1:]] == list(range(1, total + 1))
    assert len({line.index("HO-") for line in lines[1:]}) == 1  # aligned across pages
    code, out, err = run(capsys, "log", "list", "--account", "alice")
    assert len(out.splitlines()) == 1 + total // 2 and "bob" not in out
    target = tmp_path / "register.csv"
    assert run(capsys, "log", "export", "--account", "bob", "--output", str(target))[0] == 0
    rows = list(csv.reader(target.read_text(encoding="utf-8-sig").splitlines(), delimiter=";"))
    assert [int(r[0]) for r in rows[1:]] == list(range(1, total + 1, 2))


def test_verify_exits_zero_then_names_the_broken_record(capsys):
    _fill()
    code, out, _ = run(capsys, "log", "verify")
    assert code == 0 and "intact" in out
    raw = sqlite3.connect(paths.journal_path())
    raw.execute("DROP TRIGGER records_no_update")
    raw.execute("UPDATE records SET step = 'file_deleted' WHERE seq = 2")
    raw.commit()
    raw.close()
    code, out, err = run(capsys, "--lang", "en", "log", "verify")
    assert code == 1 and out == "" and "Record 2 was changed" in err and "DPO" in err


def test_checkpoint_then_truncation_is_found(capsys, tmp_path):
    _fill()
    target = tmp_path / "cp.json"
    code, out, err = run(capsys, "log", "checkpoint", "--output", str(target))
    seq, head, _time = out.split()
    assert code == 0 and seq == "6" and len(head) == 64 and target.exists()
    raw = sqlite3.connect(paths.journal_path())
    raw.execute("DROP TRIGGER records_no_delete")
    raw.execute("DELETE FROM records WHERE seq > 4")
    raw.commit()
    raw.close()
    assert run(capsys, "log", "verify")[0] == 0
    code, _, err = run(capsys, "log", "verify", "--checkpoint", str(target))
    assert code == 1 and "4" in err and "6" in err


def test_export_csv_and_xlsx_with_the_dpo_columns(capsys, tmp_path):
    """Issue 13 §12: Dutch labels, local time, step names and sentences; raw fields for auditors."""
    _fill()
    headers = ["Nr", "Tijd (lokaal)", "Gebruiker", "Computer", "Overdracht", "Protocol", "Stap"]
    headers += ["Omschrijving", "Tijd (UTC)", "Protocol-id", "Stapcode", "Details (ruw)"]
    headers += ["Vorige hash", "Hash"]
    csv_path = tmp_path / "register.csv"
    assert run(capsys, "log", "export", "--format", "csv", "--output", str(csv_path))[0] == 0
    rows = list(csv.reader(csv_path.read_text(encoding="utf-8-sig").splitlines(), delimiter=";"))
    assert rows[0] == headers and len(rows) == 7
    first = dict(zip(headers, rows[1], strict=True))
    assert first["Stap"] == "Bestand gecontroleerd en met een wachtwoord vergrendeld"
    assert first["Protocol"] == "Thuispunt Gent: CIR-lijst naar OCMW Gent"
    assert first["Omschrijving"] == "0 rijen; archief 10 B"
    assert re.fullmatch(r"\d\d/\d\d/\d{4} \d\d:\d\d", first["Tijd (lokaal)"])
    assert first["Stapcode"] == "packaged" and first["Protocol-id"] == "thuispunt-gent-cir"
    assert first["Tijd (UTC)"].endswith("Z") and len(first["Hash"]) == 64
    xlsx_path = tmp_path / "register.xlsx"
    args = ("log", "export", "--format", "xlsx", "--output", str(xlsx_path), "--step", "sent")
    assert run(capsys, *args)[0] == 0
    book = openpyxl.load_workbook(xlsx_path)
    assert book.sheetnames == ["Logboek", "Technisch"]
    values = list(book["Logboek"].values)
    assert list(values[0]) == headers[:8] and len(values) == 4
    assert (
        values[1][6] == "E-mail verstuurd" and values[1][7] == "aan ocmw@gent.be; via e-mail (SMTP)"
    )
    audit = list(book["Technisch"].values)
    assert audit[0][0] == "Nr" and [r[0] for r in audit[1:]] == [r[0] for r in values[1:]]
    assert audit[1][3] == "sent" and '"recipient":"ocmw@gent.be"' in audit[1][4]
    code, _, err = run(capsys, "log", "export", "--output", str(csv_path))
    assert code == 2 and "bestaat al" in err
    assert not list(tmp_path.glob(".*partial"))


def test_export_speaks_english_when_asked(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("HANDOFF_LANG", "en")
    _fill(1)
    target = tmp_path / "register.csv"
    assert run(capsys, "log", "export", "--output", str(target))[0] == 0
    rows = list(csv.reader(target.read_text(encoding="utf-8-sig").splitlines(), delimiter=";"))
    assert (
        rows[0][:3] == ["No.", "Time (local)", "User"]
        and rows[1][6] == "File checked and locked with a password"
    )


def test_open_lists_obligations_and_an_empty_journal_lists_none(capsys):
    assert run(capsys, "log", "open")[2].startswith("0 open")
    ids = _fill(2)
    code, out, err = run(capsys, "--lang", "en", "log", "open")
    assert code == 0 and all(i in out for i in ids) and "password" in out and "2 open" in err


def test_a_file_that_is_not_a_journal_is_a_message_not_a_traceback(capsys):
    path = paths.journal_path()
    path.write_bytes(b"not a journal at all" * 100)
    code, _out, err = run(capsys, "log", "list")
    assert code == 2 and "geen logboek" in err and "Traceback" not in err
    assert path.read_bytes() == b"not a journal at all" * 100


def _stored(tmp_path, due: date) -> str:
    with Journal() as journal:
        return store(journal, tmp_path / "secure", {"lijst.xlsx": b"data"}, due)[0]


def test_retention_upcoming_run_and_delete(capsys, tmp_path):
    late = _stored(tmp_path, date.today() - timedelta(days=1))
    later = _stored(tmp_path, date.today() + timedelta(days=5))
    code, out, _ = run(capsys, "retention", "upcoming", "--days", "14")
    assert code == 0 and out.index(late) < out.index(later) and "ja" in out
    code, out, _ = run(capsys, "--lang", "en", "retention", "run")
    assert code == 0 and late in out and "1 file deleted" in out and later not in out
    code, out, _ = run(capsys, "retention", "delete", later)
    assert code == 0 and later in out
    assert run(capsys, "retention", "delete", later)[0] == 2
    assert not (tmp_path / "secure" / later).exists()


def _seal(capsys, source):
    """`handoff seal` for the financial director (seed 000 art. 8 c)."""
    return run(
        capsys,
        "seal",
        str(source),
        "--protocol",
        "lievegem-debtors",
        "--custodian",
        "financieel directeur",
    )


@pytest.mark.interop
def test_seal_prints_only_the_password_on_stdout(capsys, tmp_path, sevenzip):
    import subprocess

    source = tmp_path / "maart.xlsx"
    source.write_bytes(b"debiteuren")
    code, out, err = _seal(capsys, source)
    assert code == 0 and len(out.splitlines()) == 1 and not source.exists()
    password = out.strip()
    assert password not in err and "HO-" in err
    archive = tmp_path / "maart.xlsx.7z"
    subprocess.run([sevenzip, "t", f"-p{password}", str(archive)], check=True, capture_output=True)
    hid = err.split("HO-")[1][:15]
    assert run(capsys, "log", "open")[1].count("HO-") == 1
    assert run(capsys, "seal", "--confirm-custodian", "HO-" + hid)[0] == 0
    assert "0 open" in run(capsys, "log", "open")[2]
    assert run(capsys, "seal", str(source))[0] == 2


@pytest.mark.interop
def test_seal_still_prints_the_password_when_the_journal_fails(
    capsys, tmp_path, monkeypatch, sevenzip
):
    """Losing the password would lose the file: once sealed and journaled, it is printed even
    if the record of the plaintext's removal fails; a refused SEALED record seals nothing."""
    import subprocess

    from handoff.core.errors import HandoffError
    from handoff.core.i18n import Text

    refused = {Step.SEALED}
    real_append = Journal.append

    def refuse(self, step, **kwargs):
        if step in refused:
            raise HandoffError("journal_busy", Text("bezet", "busy"))
        return real_append(self, step, **kwargs)

    source = tmp_path / "april.xlsx"
    source.write_bytes(b"debiteuren april")
    monkeypatch.setattr(Journal, "append", refuse)
    code, out, err = _seal(capsys, source)
    assert code == 2 and "bezet" in err and out == ""
    assert sorted(p.name for p in tmp_path.iterdir()) == ["april.xlsx", "handoff-home"]
    refused = {Step.FILE_DELETED}
    code, out, err = _seal(capsys, source)
    assert code == 2 and "bezet" in err and len(out.splitlines()) == 1
    archive = tmp_path / "april.xlsx.7z"
    subprocess.run(
        [sevenzip, "t", f"-p{out.strip()}", str(archive)], check=True, capture_output=True
    )


def test_open_says_who_and_by_when_and_act_closes_it(capsys, tmp_path):
    """Issue 13 §9 on the command line: a concrete date, the account, then the action."""
    due = date.today() + timedelta(days=10)
    hid = _stored(tmp_path, due)
    code, out, err = run(capsys, "log", "open")
    line = next(x for x in out.splitlines() if hid in x)
    assert f"uiterlijk {due.strftime('%d/%m/%Y')}" in line and "(ontvanger)" in line
    assert "delete_now" in line and "(uiterlijk -)" not in out and "log act" in err
    code, out, _ = run(capsys, "log", "act", hid, "delete_now")
    assert code == 0 and "Bestanden verwijderd" in out and "1 bestand verwijderd" in out
    assert not (tmp_path / "secure" / hid).exists()
    assert run(capsys, "log", "open")[2].startswith("0 open")
    assert run(capsys, "log", "act", hid, "delete_now")[0] == 2  # nothing stored any more
