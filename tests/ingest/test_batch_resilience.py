"""A batch never stops on one file: a failure at read, extract or resolve is one line and a quarantine
entry, the other files go in, and a report whose resolution failed is resolved on the next run."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from graph.db import Graph
from graph.schema import install_schema
from ingest.batch import collect_files, ingest_files
from ingest.extract import build_pipeline
from ingest.load import ReportMeta
from tests.ingest.test_reader_limits import docx_bomb

FIRST = "On 2 May 2026 police in Subotica arrested Zabihullah Tahirzai, an Afghan national, phone +381 64 123 4567."
SECOND = "On 9 May 2026 police in Kelebija arrested Zabihullah Tahirzay, an Afghan national, phone +381 64 123 4567."
OTHER = "On 4 May 2026 police in Horgos arrested Dragan Ilic, a Serbian national, who drove 12 Syrian nationals."


@Language.component("test_fails_on_marker")
def _fails_on_marker(doc: Doc) -> Doc:
    """A pipeline component that breaks on one document, as a component bug would."""
    if "MARKER-THAT-BREAKS" in doc.text:
        raise ValueError("component bug")
    return doc


@pytest.fixture(scope="module")
def nlp() -> Language:
    pipeline = build_pipeline()
    pipeline.add_pipe("test_fails_on_marker")
    return pipeline


@pytest.fixture
def restore_index(graph: Graph) -> Iterator[Graph]:
    yield graph
    install_schema(graph)


def _write(folder: Path, texts: dict[str, str | bytes]) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in texts.items():
        (folder / name).write_bytes(content if isinstance(content, bytes) else content.encode())
    return collect_files([folder])[0]


def _resolved(graph: Graph) -> dict[str, bool | None]:
    rows = graph.driver.execute_query("MATCH (r:Report) RETURN r.source AS source, r.resolved AS resolved").records
    return {Path(r["source"]).name: r["resolved"] for r in rows}


def test_failures_at_read_and_extract_are_one_line_each_and_the_batch_goes_on(
    graph: Graph, nlp: Language, tmp_path: Path
) -> None:
    files = _write(tmp_path / "batch", {
        "a_bomb.docx": docx_bomb(), "b_breaks.txt": OTHER + " MARKER-THAT-BREAKS", "c_good.txt": FIRST,
        "d_good.txt": OTHER, "e_damaged.txt": (OTHER + " Witness: Hüseyin Çelik, Gökçe Öztürk.").encode() + b"\xff",
    })  # fmt: skip
    quarantine = tmp_path / "quarantine.jsonl"
    summary = ingest_files(files, graph, nlp, ReportMeta(), max_bytes=10_000_000, quarantine=quarantine,
                           batch_size=4, resolution=(0.8, 0.5))  # fmt: skip
    assert summary.loaded == 2
    failed = {Path(f.path).name: (f.stage, f.reason) for f in summary.failed}
    assert set(failed) == {"a_bomb.docx", "b_breaks.txt", "e_damaged.txt"}
    assert failed["a_bomb.docx"][0] == "read" and "archive bomb" in failed["a_bomb.docx"][1]
    assert failed["b_breaks.txt"] == ("extract", "ValueError")
    assert failed["e_damaged.txt"][0] == "read" and "UTF-8 with invalid bytes" in failed["e_damaged.txt"][1]
    recorded = [json.loads(line) for line in quarantine.read_text().splitlines()]
    assert sorted((Path(r["path"]).name, r["stage"]) for r in recorded) == sorted(
        (n, s) for n, (s, _) in failed.items()
    )
    assert _resolved(graph) == {"c_good.txt": True, "d_good.txt": True}


def test_a_failed_resolution_is_quarantined_and_retried_on_the_next_run(
    restore_index: Graph, nlp: Language, tmp_path: Path
) -> None:
    graph = restore_index
    ingest_files(_write(tmp_path / "one", {"first.txt": FIRST}), graph, nlp, ReportMeta(), max_bytes=100_000,
                 resolution=(0.8, 0.5))  # fmt: skip
    graph.driver.execute_query("DROP INDEX entity_names")  # resolution's candidate search now fails in Neo4j
    files = _write(tmp_path / "two", {"second.txt": SECOND, "third.txt": OTHER})
    broken = ingest_files(files, graph, nlp, ReportMeta(), max_bytes=100_000, resolution=(0.8, 0.5))
    assert broken.loaded == 2 and [(Path(f.path).name, f.stage) for f in broken.failed] == [
        ("second.txt", "resolve"), ("third.txt", "resolve"),
    ]  # fmt: skip
    assert "resolution is retried on the next run" in broken.failed[0].reason
    assert _resolved(graph) == {"first.txt": True, "second.txt": False, "third.txt": False}

    install_schema(graph)
    again = ingest_files(files, graph, nlp, ReportMeta(), max_bytes=100_000, resolution=(0.8, 0.5))
    assert (again.loaded, again.unchanged, again.failed) == (0, 2, [])
    assert again.merged + again.proposed >= 1  # the two spellings met this time
    assert _resolved(graph) == {"first.txt": True, "second.txt": True, "third.txt": True}
