"""The audit trail on real files: appends, reads, tampering detected, concurrent writers, the CLI."""

from __future__ import annotations

import json
import multiprocessing
import stat
import threading
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from typer.testing import CliRunner

from api.cli import audit as audit_commands
from api.cli.audit import audit_app
from graph.audit import GENESIS, AuditLog, AuditTrailBroken
from graph.audit.head import Head, head_path, write_head
from graph.audit.open import open_audit_log
from graph.audit.record import canonical_json, record_hash
from graph.errors import NotFound
from graph.settings import get_settings

runner = CliRunner()


def _fill(log: AuditLog, count: int, user: str = "officer1") -> None:
    for n in range(count):
        log.append(user, "NCA", "analyst", "investigation:network", {"person_id": f"p{n}", "depth": 2}, n, 200)


def _settings_log(path: Path) -> AuditLog:
    """The log `smugglegraph audit` checks: keyed with the settings' key (made on first use)."""
    return open_audit_log(get_settings(), path)


def _lines(path: Path) -> list[str]:
    return path.read_text().splitlines()


def _write_lines(path: Path, lines: list[str]) -> None:
    path.write_text("".join(line + "\n" for line in lines))


def _append_many(path: str, user: str, count: int) -> None:
    """Run in a separate process: its own AuditLog, its own file descriptors."""
    log = AuditLog(path)
    for n in range(count):
        log.append(user, "BPOL", "investigator", "ingest", {"n": n}, 1, "ok")


def test_appended_records_are_read_back_in_order(tmp_path: Path) -> None:
    log = AuditLog(tmp_path / "var" / "audit.jsonl")
    first = log.append("officer1", "NCA", "analyst", "investigation:network", {"person_id": "p1"}, 12, 200)
    second = log.append("admin", None, "admin", "users:create", {"username": "officer2"}, None, "ok")

    records = log.read()
    assert [r.seq for r in records] == [1, 2]
    assert records[0] == first and records[1] == second
    assert first.prev == GENESIS and second.prev == first.hash
    assert records[0].params == {"person_id": "p1"} and records[0].results == 12 and records[0].status == 200
    assert records[1].agency is None and records[1].results is None
    assert records[0].when.tzinfo is not None


def test_the_file_is_one_json_record_a_line_readable_by_its_owner_only(tmp_path: Path) -> None:
    path = tmp_path / "audit.jsonl"
    record = AuditLog(path).append("officer1", "NCA", "analyst", "ingest", {"files": 3}, 3, "ok")
    line = json.loads(_lines(path)[0])
    assert line["hash"] == record.hash == record_hash(line)
    assert set(line) == {"seq", "at", "user", "agency", "role", "action", "params", "results", "status", "prev", "hash"}
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_parameters_that_cannot_be_written_are_refused_and_nothing_is_appended(tmp_path: Path) -> None:
    log = AuditLog(tmp_path / "audit.jsonl")
    _fill(log, 1)
    with pytest.raises(TypeError):
        log.append("officer1", "NCA", "analyst", "ingest", {"when": datetime.now(UTC)}, 0, "ok")
    assert log.verify().records == 1


def test_an_intact_trail_verifies_with_its_count(tmp_path: Path) -> None:
    log = AuditLog(tmp_path / "audit.jsonl")
    _fill(log, 5)
    result = log.verify()
    assert result.ok and result.records == 5
    assert result.head == log.read()[-1].hash
    assert result.describe().startswith("audit trail intact: 5 records")


def test_editing_one_field_of_one_record_is_detected_at_that_record(tmp_path: Path) -> None:
    path = tmp_path / "audit.jsonl"
    log = AuditLog(path)
    _fill(log, 5)
    lines = _lines(path)
    lines[2] = lines[2].replace('"results":2', '"results":0')
    _write_lines(path, lines)

    result = log.verify()
    assert not result.ok
    assert result.reason == "record 3 (line 3) was edited (its hash does not match its content)"
    assert result.first_bad_seq == 3 and result.line == 3 and result.records == 2


def test_an_edit_with_recomputed_hashes_passes_unkeyed_but_not_keyed(tmp_path: Path) -> None:
    """The documented trade-off: without a key, whoever can edit the file can rebuild the chain."""
    for key, detected in ((None, False), (b"audit-secret", True)):
        path = tmp_path / f"audit-{detected}.jsonl"
        log = AuditLog(path, key=key)
        _fill(log, 4)
        prev, forged = GENESIS, []
        for line in _lines(path):
            record = json.loads(line)
            record["user"] = "someone-else" if record["seq"] == 2 else record["user"]
            record["prev"] = prev
            record["hash"] = prev = record_hash(record)  # the forger has no key
            forged.append(canonical_json(record).decode())
        _write_lines(path, forged)
        write_head(path, Head(4, prev), key=None)  # and the head
        assert log.verify().ok is not detected


def test_a_trail_written_with_a_key_does_not_verify_without_it(tmp_path: Path) -> None:
    path = tmp_path / "audit.jsonl"
    _fill(AuditLog(path, key="k1"), 2)
    assert AuditLog(path, key="k1").verify().ok
    assert AuditLog(path).verify().reason == f"the head file of {path} was altered (its seal does not match)"
    head_path(path).unlink()
    assert AuditLog(path).verify().reason == "record 1 (line 1) was edited (its hash does not match its content)"


def test_deleting_a_middle_record_is_detected_naming_the_gap(tmp_path: Path) -> None:
    path = tmp_path / "audit.jsonl"
    log = AuditLog(path)
    _fill(log, 5)
    lines = _lines(path)
    _write_lines(path, lines[:2] + lines[3:])
    assert log.verify().reason == "record 4 (line 3) does not follow record 2 (a record was removed)"

    _write_lines(path, lines[2:])
    assert log.verify().reason == "record 3 (line 1) does not follow the start of the trail (2 records were removed)"


def test_swapping_two_records_is_reported_as_a_swap_not_a_removal(tmp_path: Path) -> None:
    path = tmp_path / "audit.jsonl"
    log = AuditLog(path)
    _fill(log, 4)
    lines = _lines(path)
    _write_lines(path, [lines[0], lines[2], lines[1], lines[3]])
    result = log.verify()
    assert result.reason == "record 3 (line 2) is out of order: record 2 comes after it (records were swapped or moved)"
    assert (result.first_bad_seq, result.line) == (3, 2)
    _write_lines(path, [lines[0], lines[1], lines[1], lines[2], lines[3]])
    assert log.verify().reason == "record 2 (line 3) comes after record 2 (records were swapped, moved or repeated)"


def test_a_line_that_is_not_json_is_named_by_its_line_number(tmp_path: Path) -> None:
    path = tmp_path / "audit.jsonl"
    log = AuditLog(path)
    _fill(log, 3)
    lines = _lines(path)
    _write_lines(path, [*lines[:2], lines[2][:40]])
    result = log.verify()
    assert result.reason == "line 3 is not valid JSON" and result.line == 3


def test_truncating_or_emptying_the_trail_is_detected_without_an_anchor(tmp_path: Path) -> None:
    """Cutting the last records leaves a valid chain; the head file next to the trail still says how long it was."""
    path = tmp_path / "audit.jsonl"
    log = AuditLog(path, key="k", head_required=True)
    _fill(log, 5)
    lines = _lines(path)
    _write_lines(path, lines[:4])

    after = log.verify()
    assert not after.ok and after.records == 4 and after.first_bad_seq == 5
    assert after.reason == "the trail ends at record 4 but its head file says 5: 1 record cut from the end (truncated)"
    path.write_text("")
    assert log.verify().reason == "the trail is empty but its head file says 5 records (it was emptied)"
    path.unlink()
    assert log.verify().reason == f"{path} is gone but its head file says 5 records"
    _write_lines(path, lines)
    assert log.verify().ok
    head_path(path).unlink()
    assert "the head file is missing" in str(log.verify().reason)


def test_a_head_rewritten_without_the_key_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "audit.jsonl"
    log = AuditLog(path, key="k", head_required=True)
    _fill(log, 3)
    _write_lines(path, _lines(path)[:2])
    write_head(path, Head(2, log.read()[-1].hash), key=None)  # the forger has no key
    assert log.verify().reason == f"the head file of {path} was altered (its seal does not match)"


def test_an_anchor_still_catches_a_rewrite_after_it(tmp_path: Path) -> None:
    path = tmp_path / "audit.jsonl"
    log = AuditLog(path)
    _fill(log, 5)
    before = log.verify()
    _write_lines(path, _lines(path)[:4])
    write_head(path, Head(4, log.read()[-1].hash), key=None)
    assert log.verify().ok
    anchored = log.verify(anchor=before.head)
    assert not anchored.ok
    assert anchored.reason == f"no record has hash {before.head}; the trail was truncated or rewritten after it"
    assert log.verify(anchor=log.verify().head).ok


def test_appending_after_a_damaged_last_record_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "audit.jsonl"
    log = AuditLog(path)
    _fill(log, 2)
    with path.open("a") as handle:
        handle.write('{"seq": 3, "at"')  # a write cut short
    with pytest.raises(AuditTrailBroken, match="ends with an incomplete record"):
        log.append("officer1", "NCA", "analyst", "ingest", {}, 0, "ok")
    assert path.read_text().endswith('{"seq": 3, "at"')


def test_a_missing_file_is_reported_not_taken_as_an_empty_trail(tmp_path: Path) -> None:
    with pytest.raises(NotFound, match="no audit file at"):
        AuditLog(tmp_path / "gone.jsonl").verify()


def test_concurrent_appends_from_threads_keep_one_chain(tmp_path: Path) -> None:
    log = AuditLog(tmp_path / "audit.jsonl")
    threads = [threading.Thread(target=_fill, args=(log, 25, f"user{t}")) for t in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    result = log.verify()
    assert result.ok and result.records == 200
    assert [r.seq for r in log.read()] == list(range(1, 201))


def test_concurrent_appends_from_processes_keep_one_chain(tmp_path: Path) -> None:
    path = tmp_path / "audit.jsonl"
    context = multiprocessing.get_context("spawn")
    workers = [context.Process(target=_append_many, args=(str(path), f"user{p}", 30)) for p in range(4)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=120)
    assert [worker.exitcode for worker in workers] == [0, 0, 0, 0]
    result = AuditLog(path).verify()
    assert result.ok and result.records == 120
    assert len(AuditLog(path).read(user="user3")) == 30


def test_read_filters_by_user_since_action_and_limit(tmp_path: Path) -> None:
    days = iter([datetime(2025, 3, d, 9, 30, tzinfo=UTC) for d in range(1, 7)])
    log = AuditLog(tmp_path / "audit.jsonl", clock=lambda: next(days))
    log.append("ana", "NCA", "analyst", "investigation:network", {"id": "p1"}, 4, 200)  # 1 March
    log.append("ben", "BPOL", "analyst", "investigation:paths", {"a": "p1", "b": "p2"}, 1, 200)  # 2 March
    log.append("ana", "NCA", "analyst", "investigation:paths", {"a": "p3", "b": "p4"}, 0, 200)  # 3 March
    log.append("ana", "NCA", "analyst", "investigation:network", {"id": "p5"}, 9, 200)  # 4 March
    log.append("admin", None, "admin", "users:create", {"username": "cem"}, None, "ok")  # 5 March

    assert [r.seq for r in log.read(user="ana")] == [1, 3, 4]
    assert [r.seq for r in log.read(since=date(2025, 3, 3))] == [3, 4, 5]
    assert [r.seq for r in log.read(since=datetime(2025, 3, 3, 10, 0))] == [4, 5]
    assert [r.seq for r in log.read(action="investigation:paths")] == [2, 3]
    assert [r.seq for r in log.read(user="ana", since=date(2025, 3, 2), action="investigation:network")] == [4]
    assert [r.seq for r in log.read(user="ana", limit=2)] == [3, 4]
    assert log.read(user="nobody") == []


def test_cli_verify_reports_an_intact_trail(tmp_path: Path) -> None:
    path = tmp_path / "audit.jsonl"
    _fill(_settings_log(path), 3)
    result = runner.invoke(audit_app, ["verify", "--file", str(path)])
    assert result.exit_code == 0
    assert result.output.startswith("audit trail intact: 3 records; last hash ")


def test_cli_verify_names_the_altered_record_and_exits_1(tmp_path: Path) -> None:
    path = tmp_path / "audit.jsonl"
    _fill(_settings_log(path), 3)
    lines = _lines(path)
    _write_lines(path, [lines[0], lines[1].replace("officer1", "officer9"), lines[2]])
    result = runner.invoke(audit_app, ["verify", "--file", str(path)])
    assert result.exit_code == 1
    assert result.output == "record 2 (line 2) was edited (its hash does not match its content)\n"


def test_cli_verify_catches_truncation_without_an_anchor(tmp_path: Path) -> None:
    path = tmp_path / "audit.jsonl"
    log = _settings_log(path)
    _fill(log, 3)
    head = log.verify().head
    _write_lines(path, _lines(path)[:2])
    result = runner.invoke(audit_app, ["verify", "--file", str(path)])
    assert result.exit_code == 1
    assert "cut from the end (truncated)" in result.output
    result = runner.invoke(audit_app, ["verify", "--file", str(path), "--anchor", head])
    assert result.exit_code == 1


def test_cli_show_filters_and_prints_json_lines(tmp_path: Path) -> None:
    path = tmp_path / "audit.jsonl"
    log = AuditLog(path)
    _fill(log, 2, user="ana")
    _fill(log, 3, user="ben")
    today = datetime.now(UTC).date().isoformat()
    args = ["show", "--file", str(path), "--user", "ben", "--since", today, "--limit", "2", "--format", "json"]
    result = runner.invoke(audit_app, args)
    assert result.exit_code == 0
    shown = [json.loads(line) for line in result.output.splitlines()]
    assert [(r["seq"], r["user"]) for r in shown] == [(4, "ben"), (5, "ben")]
    assert shown[0]["params"] == {"person_id": "p1", "depth": 2}

    later = runner.invoke(audit_app, ["show", "--file", str(path), "--since", "2999-01-01"])
    assert later.exit_code == 0 and later.output == "no audit records match\n"


def test_cli_show_prints_a_table(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "audit.jsonl"
    moment = datetime(2025, 3, 1, 9, 30, tzinfo=UTC)
    AuditLog(path, clock=lambda: moment).append(
        "ana", "NCA", "analyst", "investigation:network", {"id": "p[1]"}, 7, 200
    )
    result = runner.invoke(audit_app, ["show", "--file", str(path), "--action", "investigation:network"])
    assert result.exit_code == 0  # an 80-column terminal: the time and action stay whole
    assert "2025-03-01 09:30:00" in result.output and "investigation:network" in result.output

    monkeypatch.setattr(audit_commands.console, "width", 160)
    wide = runner.invoke(audit_app, ["show", "--file", str(path)])
    assert '{"id": "p[1]"}' in wide.output  # the parameters as written, brackets not taken for markup


def test_cli_show_refuses_a_bad_date(tmp_path: Path) -> None:
    result = runner.invoke(audit_app, ["show", "--file", str(tmp_path / "a.jsonl"), "--since", "yesterday"])
    assert result.exit_code == 2


def test_parameters_go_to_the_audit_file_and_nowhere_else(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level("DEBUG")
    log = AuditLog(tmp_path / "audit.jsonl")
    log.append("ana", "NCA", "analyst", "investigation:network", {"name": "Ahmed Karimi"}, 1, 200)
    log.verify()
    log.read(user="ana")
    assert "Ahmed Karimi" in (tmp_path / "audit.jsonl").read_text()
    assert "Ahmed Karimi" not in caplog.text


def test_cli_uses_the_file_and_key_from_the_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "audit.jsonl"
    _fill(AuditLog(path, key="the-key"), 2)
    monkeypatch.setenv("SMUGGLEGRAPH_AUDIT_FILE", str(path))
    try:
        for key, expected in (("the-key", 0), ("another-key", 1)):
            monkeypatch.setenv("SMUGGLEGRAPH_AUDIT_KEY", key)
            get_settings.cache_clear()
            assert runner.invoke(audit_app, ["verify"]).exit_code == expected
    finally:
        get_settings.cache_clear()
