"""Many reports per load transaction: the graph is the one report-by-report loading gives, and one
report that cannot be written costs only itself.

"The one it gives" is up to order and to decisions' scores. Each report is still resolved after it is
loaded, in file order, but the later reports of its group are then in the graph too: resolution can meet
a person of a later report earlier (a merge a report's resolution would make is made by an earlier
one's, with other name statistics), so statements land on the merged node in another order and a
decision's score and reasons can differ. The entities, their statements, ties, mentions, aliases and
decisions (who merged into whom) must be the same.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language

from graph.db import Graph
from ingest.batch import collect_files, ingest_files
from ingest.document import SourceDocument
from ingest.extract import build_pipeline, extract
from ingest.load import Loadable, LoadResult, ReportMeta, load_reports
from tests.conftest import REPO_ROOT
from tests.ingest.test_resumable import NOTES, _dump

DEV = REPO_ROOT / "tests" / "corpus" / "dev"
META = ReportMeta(originator_agency="BG-BP")


@pytest.fixture(scope="module")
def nlp() -> Language:
    return build_pipeline()


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """The resumable test's notes (one smuggler, spelled two ways, with one phone) and eight dev reports."""
    root = tmp_path_factory.mktemp("groups")
    for number, note in enumerate(NOTES):
        (root / f"note-{number}.txt").write_text(note, encoding="utf-8")
    for path in sorted(DEV.glob("*.txt"))[:8]:
        shutil.copy(path, root / path.name)
    return collect_files([root])[0]


def test_a_group_per_transaction_gives_the_graph_report_by_report_loading_gives(
    graph: Graph, nlp: Language, folder: list[Path]
) -> None:
    one_by_one = ingest_files(folder, graph, nlp, META, max_bytes=100_000, resolution=(0.8, 0.5), load_group=1)
    expected = _dump(graph)
    graph.write("graph/delete_all_facts")
    grouped = ingest_files(folder, graph, nlp, META, max_bytes=100_000, resolution=(0.8, 0.5), load_group=16)
    assert (grouped.loaded, grouped.merged, grouped.failed) == (one_by_one.loaded, one_by_one.merged, [])
    assert one_by_one.merged > 0, "resolution must merge something, or the comparison proves little"
    assert (grouped.nodes_created, grouped.relationships_created) == (
        one_by_one.nodes_created,
        one_by_one.relationships_created,
    )
    assert _same_up_to_order(_dump(graph)) == _same_up_to_order(expected)


STATEMENT_LISTS = ("report_ids", "scopes", "dates", "said", "src_keys", "dst_keys")
DECIDED = ("kind", "winner", "loser", "by", "loser_keys")


def _same_up_to_order(dump: tuple[list[Any], list[Any]]) -> list[Any]:
    """Nodes and ties with their statements as sorted tuples, every other list sorted, and decisions as
    who merged into whom."""

    def props(labels: list[str], values: dict[str, Any]) -> list[Any]:
        if "Decision" in labels:
            return sorted((key, repr(values.get(key))) for key in DECIDED)
        aligned = [key for key in STATEMENT_LISTS if key in values]
        statements = sorted(zip(*(values[key] for key in aligned), strict=True))
        rest = {key: sorted(map(repr, v)) if isinstance(v, list) else repr(v)
                for key, v in values.items() if key not in aligned}  # fmt: skip
        return [aligned, statements, sorted(rest.items())]

    nodes, ties = dump
    return [
        sorted(repr((row[0], props(row[0], row[1]))) for row in nodes[:-1]),
        nodes[-1],  # the kept clusters
        sorted(repr((*row[:3], props([], row[3]))) for row in ties),
    ]


def _note(text: str, name: str) -> SourceDocument:
    return SourceDocument(source=f"/notes/{name}.txt", text=text, media_type="text/plain")


def test_a_report_that_cannot_be_written_costs_only_itself(graph: Graph, nlp: Language) -> None:
    docs = [_note(NOTES[0], "first"), _note(NOTES[1], "broken"), _note(NOTES[2], "third")]
    items = [Loadable(doc, extract(doc, nlp), META) for doc in docs]
    broken = items[1].extraction
    broken.persons[0].name = "Hassan \udcff Baba"  # a lone surrogate: no UTF-8 form, so Bolt cannot send it
    loaded = load_reports(graph, items)
    first, failed, third = loaded.results
    assert isinstance(failed, UnicodeEncodeError)
    assert isinstance(first, LoadResult) and isinstance(third, LoadResult)
    assert (first.status, third.status) == ("loaded", "loaded")
    stored = graph.driver.execute_query("MATCH (r:Report) RETURN r.source AS source ORDER BY source").records
    assert [r["source"] for r in stored] == ["/notes/first.txt", "/notes/third.txt"]
    names = graph.driver.execute_query("MATCH (p:Person) RETURN p.name AS name ORDER BY name").records
    assert [r["name"] for r in names] == ["Hasan Baba", "Hasan Babba"]
    again = load_reports(graph, [Loadable(docs[1], extract(docs[1], nlp), META)])
    assert isinstance(again.results[0], LoadResult) and again.results[0].status == "loaded"


def test_a_changed_report_in_a_group_replaces_its_old_version_in_order(graph: Graph, nlp: Language) -> None:
    old, new = _note(NOTES[0], "first"), _note(NOTES[0].replace("7 Afghan", "8 Afghan"), "first")
    load_reports(graph, [Loadable(old, extract(old, nlp), META)])
    other = _note(NOTES[2], "third")
    items = [Loadable(d, extract(d, nlp), META) for d in (other, new, old)]
    results = load_reports(graph, items).results
    assert [r.status for r in results if isinstance(r, LoadResult)] == ["loaded", "replaced", "replaced"]
    stored = graph.driver.execute_query("MATCH (r:Report) RETURN r.uid AS uid").records
    assert sorted(r["uid"] for r in stored) == sorted([other.id, old.id])
