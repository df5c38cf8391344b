"""Ingesting a batch with bad files among good ones: per-file errors, quarantine, nothing half-written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.language import Language

from graph.db import Graph
from ingest.batch import collect_files, ingest_files
from ingest.extract import build_pipeline
from ingest.load import ReportMeta
from tests.ingest.conftest import blank_pdf, build_pdf, encrypt_pdf

GOOD = {
    "note_one.txt": "On 12 March 2026, 14 Afghan nationals were intercepted in a lorry at the Kapitan Andreevo "
    "border crossing. The driver, Stoyan Petrov, a Bulgarian national, was arrested.",
    "note_two.md": "# Forged passports at Athens airport\n\nOn 3 April 2026 a Syrian national presented a "
    "counterfeit Bulgarian passport at Athens International Airport. Contact phone +90 532 123 45 67.",
}


@pytest.fixture(scope="module")
def nlp() -> Language:
    return build_pipeline()


@pytest.fixture
def batch(tmp_path: Path) -> Path:
    folder = tmp_path / "batch"
    (folder / "sub").mkdir(parents=True)
    for name, text in GOOD.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "sub" / "empty.txt").write_text("   \n", encoding="utf-8")
    (folder / "sub" / "broken.pdf").write_bytes(b"%PDF-1.4\nthis is not really a pdf")
    (folder / "sub" / "scanned.pdf").write_bytes(blank_pdf())
    (folder / "sub" / "locked.pdf").write_bytes(encrypt_pdf(build_pdf(["secret"]), "pw"))
    (folder / "sub" / "bad.json").write_text('{"date": "not a date"', encoding="utf-8")
    (folder / "sub" / "huge.txt").write_text("x" * 5000, encoding="utf-8")
    (folder / "sub" / "note.gold.json").write_text("{}", encoding="utf-8")  # gold annotations are not reports
    return folder


def test_bad_files_fail_alone_and_are_quarantined(graph: Graph, nlp: Language, batch: Path, tmp_path: Path) -> None:
    files, missing = collect_files([batch, tmp_path / "nowhere.txt"])
    assert [m.path for m in missing] == [str(tmp_path / "nowhere.txt")]
    assert not any(f.name.endswith(".gold.json") for f in files)
    quarantine = tmp_path / "quarantine.jsonl"
    summary = ingest_files(files, graph, nlp, ReportMeta(), max_bytes=4000, quarantine=quarantine)
    assert summary.loaded == 2
    reasons = {Path(f.path).name: f.reason for f in summary.failed}
    assert set(reasons) == {"empty.txt", "broken.pdf", "scanned.pdf", "locked.pdf", "bad.json", "huge.txt"}
    assert "over the" in reasons["huge.txt"] and "limit" in reasons["huge.txt"]
    assert "text layer" in reasons["scanned.pdf"]
    assert "encrypted" in reasons["locked.pdf"]
    recorded = [json.loads(line) for line in quarantine.read_text().splitlines()]
    assert {Path(r["path"]).name for r in recorded} == set(reasons)
    assert all("x" * 50 not in line for line in quarantine.read_text().splitlines())  # no report text recorded
    sources = graph.driver.execute_query("MATCH (r:Report) RETURN r.source AS source").records
    assert sorted(Path(r["source"]).name for r in sources) == sorted(GOOD)


def test_rerun_skips_unchanged_and_creates_nothing(graph: Graph, nlp: Language, batch: Path) -> None:
    files, _ = collect_files([batch])
    first = ingest_files(files, graph, nlp, ReportMeta(), max_bytes=4000)
    nodes = graph.driver.execute_query("MATCH (n) RETURN count(n) AS n").records[0]["n"]
    second = ingest_files(files, graph, nlp, ReportMeta(), max_bytes=4000)
    assert first.loaded == 2 and first.nodes_created > 2
    assert (second.loaded, second.unchanged, second.nodes_created, second.relationships_created) == (0, 2, 0, 0)
    assert graph.driver.execute_query("MATCH (n) RETURN count(n) AS n").records[0]["n"] == nodes


def test_changed_file_replaces_its_report(graph: Graph, nlp: Language, batch: Path) -> None:
    files, _ = collect_files([batch])
    ingest_files(files, graph, nlp, ReportMeta(), max_bytes=4000)
    (batch / "note_one.txt").write_text(GOOD["note_one.txt"].replace("14 Afghan", "15 Afghan"), encoding="utf-8")
    summary = ingest_files(files, graph, nlp, ReportMeta(), max_bytes=4000)
    assert (summary.replaced, summary.unchanged) == (1, 1)
    assert graph.driver.execute_query("MATCH (r:Report) RETURN count(r) AS n").records[0]["n"] == 2
    migrants = graph.driver.execute_query(
        "MATCH (r:Report)-[:MENTIONS]->(i:Incident) WHERE r.source ENDS WITH 'note_one.txt' RETURN i.migrants AS n"
    ).records
    assert [m["n"] for m in migrants] == [15]


def test_an_incident_record_sets_its_own_originator_and_releasability(
    graph: Graph, nlp: Language, tmp_path: Path
) -> None:
    record = {
        "title": "Interception at Kipi", "date": "2026-03-21", "reporting_agency": "GR-HP",
        "releasability": "agencies", "release_to": ["BG-BP"],
        "place": {"name": "Kipi", "kind": "border_crossing_point", "country": "GR"},
        "incident_kind": "interception", "migrants": {"count": 7, "nationalities": ["AF"]},
    }  # fmt: skip
    (tmp_path / "kipi.json").write_text(json.dumps(record), encoding="utf-8")
    (tmp_path / "note.txt").write_text(GOOD["note_one.txt"], encoding="utf-8")
    files, _ = collect_files([tmp_path])
    ingest_files(files, graph, nlp, ReportMeta(originator_agency="BG-BP"), max_bytes=100_000)
    rows = graph.driver.execute_query(
        "MATCH (r:Report) RETURN r.source AS source, r.originator_agency AS originator, r.releasability AS rel, "
        "r.release_to AS release_to ORDER BY source"
    ).records
    assert [(Path(r["source"]).name, r["originator"], r["rel"], r["release_to"]) for r in rows] == [
        ("kipi.json", "GR-HP", "agencies", ["BG-BP"]), ("note.txt", "BG-BP", "network", []),
    ]  # fmt: skip
