"""`handoff journal …`, `handoff dpo …` and `handoff-journal-server …` as IT scripts them."""

from __future__ import annotations

import psycopg

from handoff.cli import main
from handoff.core.journal import Journal
from tests.orgjournal.chains import add_records
from tests.orgjournal.conftest import server_main


def _server_cli(*args: str) -> str:
    return server_main(*args, check=True).stdout.strip()


def test_the_whole_round_from_the_command_line(server, tmp_path, capsys) -> None:
    pc_token = _server_cli("enrol", "--dsn", server.db.admin_dsn, "--machine", "PC-balie-1")
    dpo_token = _server_cli("enrol", "--dsn", server.db.admin_dsn, "--machine", "DPO", "--dpo")
    assert len(pc_token) >= 30 and pc_token != dpo_token
    with Journal() as journal:
        add_records(journal, 3)
    assert main(["journal", "status"]) == 0
    assert "Niet ingeschreven" in capsys.readouterr().err
    assert main(["journal", "enrol", server.url, pc_token]) == 0
    assert main(["journal", "sync"]) == 0
    assert "3 regels doorgestuurd" in capsys.readouterr().err
    assert main(["journal", "status"]) == 0
    status = capsys.readouterr().out
    assert status.startswith("laatst gesynchroniseerd ") and status.strip().endswith(", 0 wachtend")
    server.wait_integrated(3)
    assert main(["dpo", "enrol", server.url, dpo_token]) == 0
    assert main(["dpo", "witness"]) == 0
    assert "3 records" in capsys.readouterr().out
    assert main(["dpo", "audit"]) == 0
    assert "intact" in capsys.readouterr().out
    assert main(["dpo", "open"]) == 0
    out = capsys.readouterr()
    assert "PC-balie-1" in out.out and "6 open verplichtingen" in out.err
    target = tmp_path / "org.xlsx"
    assert main(["dpo", "export", "--format", "xlsx", "--output", str(target)]) == 0
    assert target.exists()


def test_a_spent_token_fails_with_a_message_not_a_traceback(server, capsys) -> None:
    token = _server_cli("enrol", "--dsn", server.db.admin_dsn, "--machine", "PC-1")
    assert main(["journal", "enrol", server.url, token]) == 0
    assert main(["journal", "enrol", server.url, token]) == 2
    assert "ongeldig of al gebruikt" in capsys.readouterr().err


def test_init_refuses_a_database_that_already_has_a_journal(db, tmp_path) -> None:
    done = server_main(
        "init", "--dsn", db.admin_dsn, "--state", str(tmp_path / "other"), "--name", "x.example/v1"
    )
    assert done.returncode != 0 and "already holds" in done.stderr
    assert not (tmp_path / "other" / "log-key.pem").exists()
    with psycopg.connect(db.admin_dsn) as conn:
        assert conn.execute("SELECT count(*) FROM hj.log").fetchone()[0] == 1


def test_enrol_takes_the_address_it_set_when_only_the_token_is_given(server, capsys) -> None:
    from handoff.core import settings

    assert main(["journal", "enrol", "code-zonder-adres"]) == 2
    assert "geen adres van de logboekserver" in capsys.readouterr().err
    s = settings.load()
    s.journal.server_url = server.url
    settings.save(s)
    token = _server_cli("enrol", "--dsn", server.db.admin_dsn, "--machine", "PC-policy")
    assert main(["journal", "enrol", token]) == 0
    assert server.url in capsys.readouterr().err


def test_a_token_never_starts_like_an_option(monkeypatch) -> None:
    import secrets

    from handoff.server import admin

    made = iter(["-starts-like-an-option", "QrLx-fine"])
    monkeypatch.setattr(secrets, "token_urlsafe", lambda _n: next(made))
    assert admin.new_token() == "QrLx-fine"
