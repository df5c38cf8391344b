"""The schema is installed on start-up, completely, and installing it again changes nothing."""

from __future__ import annotations

from graph.db import Graph
from graph.models import ENTITY_LABELS
from graph.schema import install_schema


def _schema(graph: Graph) -> list[tuple[str, str, tuple[str, ...], tuple[str, ...]]]:
    return [
        (row["kind"], row["name"], tuple(row["labels"] or ()), tuple(row["properties"] or ()))
        for row in graph.read("schema/get_schema")
    ]


def test_every_entity_label_has_a_uid_constraint(graph: Graph) -> None:
    constrained = {labels[0] for kind, _, labels, props in _schema(graph) if kind == "constraint" and props == ("uid",)}
    assert set(ENTITY_LABELS) | {"Entity", "Report", "Reference"} <= constrained


def test_the_only_full_text_index_is_over_statements(graph: Graph) -> None:
    fulltext = [s for s in _schema(graph) if s[1] in ("entity_names", "mention_names")]
    assert fulltext == [("index", "mention_names", ("MENTIONS",), ("names",))]


def test_reference_data_is_seeded(graph: Graph) -> None:
    rows = graph.driver.execute_query(
        "MATCH (c:Country) WITH count(c) AS countries "
        "MATCH (k:Country {code: 'XK'}) WITH countries, k.name AS kosovo "
        "MATCH (t:FraudTechnique) WITH countries, kosovo, collect(t.code) AS techniques "
        "MATCH (m:ModusOperandi) RETURN countries, kosovo, techniques, count(m) AS methods"
    ).records[0]
    assert rows["countries"] == 250
    assert rows["kosovo"] == "Kosovo"
    assert "photo_substitution" in rows["techniques"] and len(rows["techniques"]) == 12
    assert rows["methods"] == 17


def test_installing_twice_changes_nothing(graph: Graph) -> None:
    before = _schema(graph)
    nodes_before = graph.driver.execute_query("MATCH (n) RETURN count(n) AS n").records[0]["n"]
    summary = install_schema(graph)
    assert _schema(graph) == before
    assert graph.driver.execute_query("MATCH (n) RETURN count(n) AS n").records[0]["n"] == nodes_before
    assert summary.countries == 250
