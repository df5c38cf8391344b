"""Answers are built from statements: a route leg's mode, a document's issuer and an organisation's
kind are what the reports each caller may see say, and a later report never overwrites them."""

from __future__ import annotations

from typing import Any

from graph.db import Graph
from graph.investigations import parse_params, run_investigation
from graph.visibility import Viewer
from ingest.document import SourceDocument
from ingest.extraction import Extraction
from ingest.load import ReportMeta, load_report

ROUTE = {"stops": [{"country": "TR"}, {"country": "BG"}], "modes": ["road"]}
PASSPORT = {"type": "passport", "number": "P7654321", "status": "counterfeit", "issuing_country": "BG"}
OTHER = Viewer(user="analyst-gr", agency="GR-HP")
ORIGINATOR = Viewer(user="ilo-de", agency="DE-BPOL")


def _load(graph: Graph, name: str, meta: ReportMeta, day: str, **fields: Any) -> None:
    doc = SourceDocument(source=f"{name}.txt", text=f"Report {name}.", media_type="text/plain")
    extraction = Extraction.model_validate({"document": {"id": doc.id, "date": day}, **fields})
    load_report(graph, doc, extraction, meta)


def _ask(graph: Graph, viewer: Viewer, name: str, **params: Any) -> Any:
    return run_investigation(graph, viewer, name, parse_params(name, params))


def test_each_caller_sees_the_modes_issuers_and_kinds_its_reports_give(graph: Graph) -> None:
    _load(graph, "first", ReportMeta(), "2026-04-01", routes=[ROUTE], documents=[PASSPORT], numbers={"migrants": 5},
          organisations=[{"name": "Anatolia Travel", "kind": "front_business"}])  # fmt: skip
    restricted = ReportMeta(originator_agency="DE-BPOL", releasability="originator")
    _load(graph, "second", restricted, "2026-05-01", routes=[dict(ROUTE, modes=["sea"])], numbers={"migrants": 7},
          documents=[dict(PASSPORT, issuing_country="TR")],
          organisations=[{"name": "Anatolia Travel", "kind": "criminal_network"}])  # fmt: skip

    seen = _ask(graph, OTHER, "routes")
    assert seen.by_mode == {"road": 1} and [(leg.mode, leg.incidents) for leg in seen.legs] == [("road", 1)]
    mine = _ask(graph, ORIGINATOR, "routes")
    assert mine.by_mode == {"road": 2, "sea": 2}  # both reports' incidents run along the one route
    assert [leg.mode for leg in mine.legs] == ["unknown"]  # two modes are said of it: no single leg mode

    assert [t.issuing_country for t in _ask(graph, OTHER, "document-fraud").tallies] == ["BG"]
    assert _ask(graph, OTHER, "document-fraud", issuing_country="TR").documents == []
    assert len(_ask(graph, ORIGINATOR, "document-fraud", issuing_country="TR").documents) == 1

    org = _ask(graph, OTHER, "search", q="Anatolia Travel").hits[0]
    assert org.properties["kind"] == "front_business"
    # the originator sees both statements; the older report's kind is the one shown, the newer one's is kept
    assert _ask(graph, ORIGINATOR, "search", q="Anatolia Travel").hits[0].properties["kind"] == "front_business"
    assert _ask(graph, ORIGINATOR, "search", q="Anatolia Travel", since="2026-04-15").hits[0].properties == {
        "name": "Anatolia Travel",
        "kind": "criminal_network",
    }
