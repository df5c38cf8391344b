"""Console commands leave audit records, and work on a fresh server (the schema is installed first)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from api.cli import app
from api.cli.audit import audit_log
from graph.db import Graph
from graph.settings import Settings, get_settings

runner = CliRunner()
NOTES = {
    "one.txt": "On 4 May 2026 police in Horgos arrested Dragan Ilic, a Serbian national, who drove 12 Syrians.",
    "two.txt": "On 2 May 2026 police in Subotica arrested Zabihullah Tahirzai, an Afghan national, phone +381 64 1234.",
}


@pytest.fixture
def trail(cli_env: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("SMUGGLEGRAPH_AUDIT_FILE", str(tmp_path / "audit.jsonl"))
    monkeypatch.setenv("SMUGGLEGRAPH_QUARANTINE_FILE", str(tmp_path / "quarantine.jsonl"))
    get_settings.cache_clear()
    return tmp_path / "audit.jsonl"


def _ok(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, (args, result.output, result.exception)
    return result.output


def test_ingest_user_management_merge_and_split_are_recorded(graph: Graph, trail: Path, tmp_path: Path) -> None:
    for name, text in NOTES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    _ok("ingest", str(tmp_path / "one.txt"), str(tmp_path / "two.txt"), "--originator", "RS-BP")
    created = _ok("users", "create", "ana", "--agency", "NCA", "--role", "analyst")
    _ok("users", "add-key", "ana")
    key_id = re.search(r"sgk_([0-9a-f]{16})\.", created).group(1)  # type: ignore[union-attr]
    _ok("users", "revoke", key_id)
    persons = graph.driver.execute_query("MATCH (p:Person) RETURN p.uid AS uid ORDER BY p.name").records
    winner, loser = [row["uid"] for row in persons]
    decision = re.search(r"resolve split (\S+)", _ok("resolve", "merge", winner, loser)).group(1)  # type: ignore[union-attr]
    _ok("resolve", "split", decision)

    records = audit_log(trail).read()
    assert [r.action for r in records] == [
        "ingest", "users:create", "users:add-key", "users:revoke", "resolution:merge", "resolution:split",
    ]  # fmt: skip
    assert all(r.user.startswith("console:") and r.status == "ok" for r in records)
    assert records[0].params["files"] == 2 and records[0].results == 2
    assert records[1].params == {"name": "ana", "agency": "NCA", "role": "analyst", "key_id": key_id}
    assert records[4].params == {"winner": winner, "loser": loser, "decision": decision}
    token = re.search(r"(sgk_\S+)", created).group(1)  # type: ignore[union-attr]
    assert token.split(".")[1] not in trail.read_text()  # the secret part of a key is never recorded
    assert audit_log(trail).verify().ok


def test_investigate_on_a_server_without_the_schema_installs_it_first(graph: Graph, trail: Path) -> None:
    graph.driver.execute_query("DROP INDEX mention_names")
    output = _ok("investigate", "search", "-p", "q=Baba")
    assert "ClientError" not in output
    indexes = graph.driver.execute_query("SHOW INDEXES YIELD name WHERE name = 'mention_names' RETURN name").records
    assert len(indexes) == 1


def test_link_records_a_judgement_given_on_the_command_line(graph: Graph, trail: Path, tmp_path: Path) -> None:
    (tmp_path / "two.txt").write_text(NOTES["two.txt"], encoding="utf-8")
    _ok("ingest", str(tmp_path / "two.txt"))
    known = graph.driver.execute_query("MATCH (p:Person) RETURN p.uid AS uid").records[0]["uid"]
    note = tmp_path / "note.txt"
    note.write_text("On 6 May 2026 police in Subotica arrested Zabiullah Tahirzai, an Afghan national, who drove 5 "
                    "Syrians.", encoding="utf-8")  # fmt: skip
    assert known in _ok("link", str(note), "--json")  # the candidate's uid, to judge it by
    bad = runner.invoke(app, ["link", str(note), "--commit", "--different", "Zabiullah Tahirzai"])
    assert bad.exit_code == 2 and "expected MENTION=UID" in bad.output
    output = _ok("link", str(note), "--commit", "--different", f"Zabiullah Tahirzai={known}")
    assert "0 merged" in output and "1 of your judgements recorded" in output
    names = graph.driver.execute_query("MATCH (p:Person) RETURN p.name AS name ORDER BY name").records
    assert [r["name"] for r in names] == ["Zabihullah Tahirzai", "Zabiullah Tahirzai"]
