"""Investigation results as graphs for other tools: GraphML (Gephi, yEd, i2-style) and CSV tables.

Every result that is a graph, or holds one, converts to a `GraphOut` here; GraphML keeps each
node's label and name and each edge's type, dates and supporting report ids; CSV comes as a zip of
nodes.csv and edges.csv.
"""

from __future__ import annotations

import csv
import io
import zipfile

import networkx as nx
from pydantic import BaseModel

from graph.errors import InvalidInput
from graph.investigations.base import EdgeOut, GraphOut, NodeOut
from graph.investigations.identifiers import CoOffendersResult, SharedIdentifiersResult
from graph.investigations.neighbourhood import PathsResult
from graph.investigations.networks import OrganisationResult


def _merge(nodes: list[NodeOut], edges: list[EdgeOut]) -> GraphOut:
    unique_nodes = {n.uid: n for n in nodes}
    unique_edges = {(e.source, e.type, e.target): e for e in edges}
    return GraphOut(nodes=list(unique_nodes.values()), edges=list(unique_edges.values()))


def as_graph(result: BaseModel) -> GraphOut:
    """The graph inside a result, or a clear error for results that are not graphs."""
    if isinstance(result, GraphOut):
        return result
    if isinstance(result, PathsResult):
        return _merge([n for p in result.paths for n in p.nodes], [e for p in result.paths for e in p.edges])
    if isinstance(result, SharedIdentifiersResult):
        shared = result.identifiers
        return _merge([i.identifier for i in shared] + [h.holder for i in shared for h in i.holders],
                      [h.relationship for i in shared for h in i.holders])  # fmt: skip
    if isinstance(result, CoOffendersResult):
        found = result.co_offenders
        return _merge([c.person for c in found] + [n for c in found for n in c.shared],
                      [e for c in found for e in c.relationships])  # fmt: skip
    if isinstance(result, OrganisationResult):
        return _merge([result.organisation] + [m.person for m in result.members] + [r.route for r in result.routes],
                      [m.relationship for m in result.members] + [r.relationship for r in result.routes])  # fmt: skip
    raise InvalidInput("this investigation's result is not a graph; graphml and csv are for graph results")


def _report_ids(item: NodeOut | EdgeOut) -> str:
    return " ".join(r.id for r in item.reports)


def to_graphml(graph: GraphOut) -> str:
    g = nx.MultiDiGraph()
    for n in graph.nodes:
        g.add_node(n.uid, label=n.label, name=n.name, reports=_report_ids(n),
                   first_seen=str(n.first_seen or ""), last_seen=str(n.last_seen or ""))  # fmt: skip
    for e in graph.edges:
        g.add_edge(e.source, e.target, type=e.type, reports=_report_ids(e), confidence=e.confidence or 0.0,
                   first_seen=str(e.first_seen or ""), last_seen=str(e.last_seen or ""))  # fmt: skip
    return "\n".join(nx.generate_graphml(g))


def to_csv_zip(graph: GraphOut) -> bytes:
    nodes, edges = io.StringIO(), io.StringIO()
    node_writer = csv.writer(nodes)
    node_writer.writerow(["uid", "label", "name", "first_seen", "last_seen", "reports"])
    for n in graph.nodes:
        node_writer.writerow([n.uid, n.label, n.name, n.first_seen or "", n.last_seen or "", _report_ids(n)])
    edge_writer = csv.writer(edges)
    edge_writer.writerow(["source", "target", "type", "confidence", "first_seen", "last_seen", "reports"])
    for e in graph.edges:
        edge_writer.writerow([e.source, e.target, e.type, e.confidence if e.confidence is not None else "",
                              e.first_seen or "", e.last_seen or "", _report_ids(e)])  # fmt: skip
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("nodes.csv", nodes.getvalue())
        archive.writestr("edges.csv", edges.getvalue())
    return buffer.getvalue()
