"""The settings' audit trail is keyed by default: a key generated on first use, in its own 0600 file."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest
from typer.testing import CliRunner

from api.audit import open_audit_log
from api.cli.audit import audit_app
from graph.audit.record import GENESIS, canonical_json, record_hash
from graph.settings import Settings, get_settings

runner = CliRunner()


@pytest.fixture
def settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Settings:
    """No SMUGGLEGRAPH_AUDIT_KEY: the defaults a new installation has, the key file in its own folder."""
    monkeypatch.setenv("SMUGGLEGRAPH_AUDIT_FILE", str(tmp_path / "var" / "audit.jsonl"))
    monkeypatch.setenv("SMUGGLEGRAPH_AUDIT_KEY_FILE", str(tmp_path / "config" / "audit.key"))
    monkeypatch.delenv("SMUGGLEGRAPH_AUDIT_KEY", raising=False)
    get_settings.cache_clear()
    yield get_settings()
    get_settings.cache_clear()


def _fill(settings: Settings, count: int) -> None:
    log = open_audit_log(settings)
    for n in range(count):
        log.append("officer1", "NCA", "analyst", "investigation:search", {"q": f"name {n}"}, n, 200)


def test_a_chain_rebuilt_without_the_key_does_not_verify(settings: Settings) -> None:
    _fill(settings, 4)
    prev, forged = GENESIS, []
    for line in settings.audit_file.read_text().splitlines():  # change who asked, recompute every hash
        record = json.loads(line)
        record["user"] = "someone-else" if record["seq"] == 2 else record["user"]
        record["prev"] = prev
        record["hash"] = prev = record_hash(record)
        forged.append(canonical_json(record).decode() + "\n")
    settings.audit_file.write_text("".join(forged))
    result = runner.invoke(audit_app, ["verify"])
    assert result.exit_code == 1
    assert result.output == "record 1 (line 1) was edited (its hash does not match its content)\n"


def test_the_key_is_made_once_readable_by_its_owner_only_and_apart_from_the_trail(settings: Settings) -> None:
    _fill(settings, 2)
    key_file = Path(get_settings().audit_key_file)
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert key_file.parent != settings.audit_file.parent
    key = key_file.read_text()
    _fill(settings, 1)  # a second writer (another process) uses the same key
    assert key_file.read_text() == key and key.strip() not in settings.audit_file.read_text()
    result = runner.invoke(audit_app, ["verify"])
    assert result.exit_code == 0 and result.output.startswith("audit trail intact: 3 records")


def test_checking_without_the_key_says_so_and_makes_none(settings: Settings) -> None:
    _fill(settings, 1)
    key_file = Path(settings.audit_key_file)
    key_file.unlink()
    result = runner.invoke(audit_app, ["verify"])
    assert result.exit_code != 0 and not key_file.exists()
    assert "no audit key at" in str(result.exception)
