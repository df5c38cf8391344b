"""`smugglegraph extract` and `smugglegraph ingest` as a user runs them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema

from graph.db import Graph
from graph.settings import Settings
from graph.taxonomy import codes, extraction_schema
from tests.conftest import AUDIT_ENV, REPO_ROOT

SCRIPT = str(Path(sys.executable).parent / "smugglegraph")
DEV = REPO_ROOT / "tests" / "corpus" / "dev"


def _run(*args: str, settings: Settings | None = None, **extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([SCRIPT, *args], capture_output=True, text=True, env=_env(settings, **extra), timeout=300,
                          check=False)  # fmt: skip


def _env(settings: Settings | None = None, **extra: str) -> dict[str, str]:
    """The environment of a `smugglegraph` command against the test database (or none)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEO4J_", "SMUGGLEGRAPH_"))} | AUDIT_ENV
    if settings is not None:
        if settings.neo4j_uri:
            env["NEO4J_URI"] = settings.neo4j_uri
        env["SMUGGLEGRAPH_NEO4J_PORT"] = str(settings.neo4j_port)
        env["SMUGGLEGRAPH_NEO4J_DATA_DIR"] = str(settings.neo4j_data_dir)
    return env | extra


def test_extract_prints_the_contract_shape_with_taxonomy_codes() -> None:
    report = DEV / "prosecutor_press_ocg_egypt_syria_2026_03.txt"
    done = _run("extract", str(report), "--format", "json")
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    jsonschema.validate(result, extraction_schema())
    assert {t["code"] for t in result["fraud_techniques"]} <= set(codes("fraud_techniques"))
    assert {m["code"] for m in result["modus_operandi"]} <= set(codes("modus_operandi"))
    assert result["numbers"]["fee_eur_min"] == 5000 and result["numbers"]["fee_eur_max"] == 6000


def test_extract_of_a_missing_file_is_one_line() -> None:
    done = _run("extract", "/nonexistent/report.txt")
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "/nonexistent/report.txt" in done.stderr


def test_ingest_reports_each_failure_and_a_summary(neo4j_settings: Settings, graph: Graph, tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(
        "On 2 May 2026 police in Subotica arrested Dragan Ilic, a Serbian national, who drove 9 Syrian migrants "
        "from Kelebija towards the Hungarian border.",
        encoding="utf-8",
    )
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    done = _run("ingest", str(tmp_path), "--originator", "RS-BP", settings=neo4j_settings)
    assert done.returncode == 1
    assert f"failed {tmp_path / 'empty.txt'}: " in done.stderr
    assert "1 loaded, 0 replaced, 0 unchanged (skipped), 1 failed" in done.stdout
    agency = graph.driver.execute_query("MATCH (r:Report) RETURN r.originator_agency AS a").records
    assert [r["a"] for r in agency] == ["RS-BP"]


def test_ingest_quarantines_a_path_that_does_not_exist(neo4j_settings: Settings, graph: Graph, tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("On 2 May 2026 police in Subotica arrested Dragan Ilic, a Serbian national.")
    quarantine = tmp_path / "quarantine.jsonl"
    done = _run("ingest", str(tmp_path / "good.txt"), str(tmp_path / "nowhere.txt"), settings=neo4j_settings,
                SMUGGLEGRAPH_QUARANTINE_FILE=str(quarantine))  # fmt: skip
    assert done.returncode == 1
    assert done.stderr.count(str(tmp_path / "nowhere.txt")) == 1  # one line, once
    assert "1 loaded, 0 replaced, 0 unchanged (skipped), 1 failed" in done.stdout
    recorded = [json.loads(line) for line in quarantine.read_text().splitlines()]
    assert [(r["path"], r["reason"]) for r in recorded] == [
        (str(tmp_path / "nowhere.txt"), "no such file or directory")
    ]
