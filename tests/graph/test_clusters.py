"""Kept clusters: after loads, replaced reports, release changes, merges and splits in random orders, the
clusters every caller reads from the kept data (joined along the private ties it may see) are exactly
those computed from the ties it sees, and the kept data is what all ties give."""

from __future__ import annotations

import random
from typing import Any

import pytest

from graph.db import Graph
from graph.investigations.networks import ClustersParams, clusters, clusters_from_ties
from graph.merge import merge_entities, split_entities
from graph.visibility import LOCAL_OPERATOR, Viewer, change_report_release, scope_agencies, scope_for, scope_key
from ingest.document import SourceDocument
from ingest.extraction import Extraction
from ingest.load import ReportMeta, load_report
from tests.graph.cluster_check import drifted_clusters

GIVEN = ["Ahmad", "Karim", "Stoyan", "Yusuf", "Reza", "Omid", "Samir", "Goran", "Dragan", "Milos"]
FAMILY = ["Haddad", "Petrov", "Demir", "Ahmadi", "Karimi", "Ilic", "Jovanovic", "Nikolic"]
ORGANISATIONS = ["Black Eagle network", "Golden Crescent group", "Balkan Transit", "Anatolia Travel Ltd"]
PHONES = ["+905321234567", "+359888123456", "+381641234567", "+49151234567", "+905551112233", "+359877000111"]
AGENCIES = ("BG-BP", "DE-BPOL", "GR-HP")
RELEASES = [("network", ()), ("network", ()), ("originator", ()), ("agencies", ("GR-HP",))]
VIEWERS = [Viewer(user=f"analyst-{a}", agency=a) for a in AGENCIES] + [LOCAL_OPERATOR]


def _extraction(rng: random.Random, index: int) -> dict[str, Any]:
    names = [f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}" for _ in range(rng.randint(1, 3))]
    relations, identifiers, organisations = [], [], []
    for name in names:
        if rng.random() < 0.3:
            org = rng.choice(ORGANISATIONS)
            organisations.append({"name": org, "kind": "criminal_network"})
            relations.append({"subject": name, "predicate": "member_of", "object": org})
        if rng.random() < 0.4:
            phone = rng.choice(PHONES)
            identifiers.append({"kind": "phone", "value": phone})
            relations.append({"subject": name, "predicate": "uses_identifier", "object": phone})
    return {
        "document": {"id": f"c{index}", "title": f"Cluster report {index}", "date": f"2026-0{index % 9 + 1}-11"},
        "persons": [{"name": n} for n in dict.fromkeys(names)],
        "organisations": list({o["name"]: o for o in organisations}.values()),
        "identifiers": list({i["value"]: i for i in identifiers}.values()),
        "relations": relations,
    }


def _load(graph: Graph, source: str, extraction: dict[str, Any], release: tuple[str, tuple[str, ...]],
          agency: str) -> str:  # fmt: skip
    ex = Extraction.model_validate(extraction)
    doc = SourceDocument(source=source, text=f"{ex.document.title} {extraction}", media_type="text/plain")
    ex = ex.model_copy(update={"document": ex.document.model_copy(update={"id": doc.id})})
    load_report(graph, doc, ex, ReportMeta(originator_agency=agency, releasability=release[0], release_to=release[1]))
    return doc.id


def _answers_agree(graph: Graph) -> None:
    assert drifted_clusters(graph) == []
    for viewer in VIEWERS:
        scope = scope_for(graph, viewer)
        for params in (ClustersParams(), ClustersParams(limit=2), ClustersParams(min_size=4, limit=3)):
            kept, computed = clusters(graph, scope, params), clusters_from_ties(graph, scope, params)
            assert kept.model_dump() == computed.model_dump(), (viewer.user, params)


def _persons(graph: Graph) -> list[str]:
    rows = graph.driver.execute_query("MATCH (p:Person) WHERE p.degree > 0 RETURN p.uid AS uid ORDER BY uid")
    return [r["uid"] for r in rows.records]


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_kept_clusters_answer_as_the_ties_do_through_every_change(graph: Graph, seed: int) -> None:
    rng = random.Random(seed)
    reports: list[tuple[str, str]] = []
    for index in range(24):
        agency = rng.choice(AGENCIES)
        reports.append((_load(graph, f"clusters/{index}.txt", _extraction(rng, index), rng.choice(RELEASES), agency),
                        agency))  # fmt: skip
    _answers_agree(graph)
    for index in rng.sample(range(24), 3):  # the same source says something else: the report is replaced
        agency = rng.choice(AGENCIES)
        reports[index] = (_load(graph, f"clusters/{index}.txt", _extraction(rng, 100 + index), rng.choice(RELEASES),
                                agency), agency)  # fmt: skip
    _answers_agree(graph)
    for uid, agency in rng.sample(reports, 4):  # released wider or narrower
        releasability, release_to = rng.choice(RELEASES)
        key = scope_key(releasability, agency, release_to)
        change_report_release(graph, uid, {"releasability": releasability, "release_to": list(release_to),
                                           "scope": key, "agencies": scope_agencies(key)})  # fmt: skip
    _answers_agree(graph)
    winner, loser = rng.sample(_persons(graph), 2)
    decision = merge_entities(graph, winner, loser, by="test")
    _answers_agree(graph)
    _load(graph, "clusters/late.txt", _extraction(rng, 999), ("network", ()), "BG-BP")
    split_entities(graph, decision, by="test")
    _answers_agree(graph)


def test_a_restricted_tie_joins_two_networks_only_for_its_readers(graph: Graph) -> None:
    def report(index: int, names: list[str], phone: str) -> dict[str, Any]:
        uses = [{"subject": n, "predicate": "uses_identifier", "object": phone} for n in names]
        return {"document": {"id": f"j{index}", "title": f"Join {index}", "date": "2026-03-01"},
                "persons": [{"name": n} for n in names], "identifiers": [{"kind": "phone", "value": phone}],
                "relations": uses}  # fmt: skip

    _load(graph, "join/1.txt", report(1, ["Karim Haddad", "Reza Ahmadi"], PHONES[0]), ("network", ()), "BG-BP")
    _load(graph, "join/2.txt", report(2, ["Goran Ilic", "Milos Nikolic"], PHONES[1]), ("network", ()), "BG-BP")
    _load(graph, "join/3.txt", report(3, ["Reza Ahmadi", "Goran Ilic"], PHONES[2]), ("originator", ()), "DE-BPOL")
    sizes = {v.user: [c.size for c in clusters(graph, scope_for(graph, v), ClustersParams()).clusters] for v in VIEWERS}
    # each network: two persons, their phone and the report's incident; the restricted report adds its own
    assert sizes["analyst-GR-HP"] == [4, 4] and sizes["analyst-BG-BP"] == [4, 4]
    assert sizes["analyst-DE-BPOL"] == [10] and sizes[LOCAL_OPERATOR.user] == [10]
    _answers_agree(graph)
