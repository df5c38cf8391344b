"""The product's resolver in the real Neo4j, scored on synthetic mentions as bench/er/in_graph.py does."""

from __future__ import annotations

from bench.er.generate import generate
from bench.er.in_graph import predicted_labels, report_of, run
from graph.db import Graph

# Observed on these 300 mentions (seed 3): precision 0.975, recall 0.856 (docs/resolution-benchmark.md: larger runs).
PRECISION_FLOOR = 0.95
RECALL_FLOOR = 0.78


def test_each_mention_becomes_a_one_person_report() -> None:
    m = generate(40, seed=3)
    with_all = next(x for x in m if x.phone and x.organisation)
    _, extraction = report_of(with_all)
    assert [p.name for p in extraction.persons] == [with_all.name]
    assert {r.predicate for r in extraction.relations} == {"uses_identifier", "member_of"}
    assert extraction.identifiers[0].value == with_all.phone


def test_in_graph_resolution_quality_on_300_mentions(graph: Graph) -> None:
    mentions = generate(300, seed=3)
    result = run(graph, mentions)
    assert result.scores.precision >= PRECISION_FLOOR
    assert result.scores.recall >= RECALL_FLOOR
    assert result.merged > 0 and result.scores.predicted_pairs > 0
    persons = graph.driver.execute_query("MATCH (p:Person) RETURN count(p) AS n").records[0]["n"]
    assert len(set(predicted_labels(graph, [report_of(m)[0] for m in mentions]))) == persons
