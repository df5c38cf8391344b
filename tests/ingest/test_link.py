"""Linking a new incident to the known graph: phones lead to networks, spellings to people, and the
caller's agency decides what can be found. Nothing is written unless committed."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from spacy.language import Language

from api.app import create_app
from graph import keys
from graph.db import Graph
from graph.errors import InvalidInput
from graph.settings import Settings
from graph.visibility import Viewer, scope_for
from ingest.document import SourceDocument, normalise_text
from ingest.extract import build_pipeline
from ingest.link import LinkResult, link_incident
from ingest.link_judgements import Judgement
from ingest.load import ReportMeta
from tests.conftest import bearer
from tests.fixtures import investigation_reports as fixture

OTHER = Viewer(user="ilo-gr", agency=fixture.OTHER_AGENCY, role="ilo")
ORIGINATOR = Viewer(user="ilo-de", agency=fixture.HIDDEN_AGENCY, role="ilo")
PHONE_NOTE = ("On 2 December 2026 Greek police at Kipi arrested Kemal Aydin, a Turkish national, who drove 9 Afghan "
              "migrants. His phone had called +90 532 123 45 67 several times.")  # fmt: skip
NAME_NOTE = ("On 3 December 2026 Muhamad Al Hasan, an Iraqi national, was stopped at Athens airport with a "
             "counterfeit Bulgarian passport.")  # fmt: skip


@pytest.fixture(scope="module")
def nlp() -> Language:
    return build_pipeline()


def _link(graph: Graph, nlp: Language, viewer: Viewer, text: str, commit: bool = False, meta: ReportMeta | None = None,
          judgements: list[Judgement] | None = None) -> LinkResult:  # fmt: skip
    doc = SourceDocument(source="test:incident", text=normalise_text(text), media_type="text/plain")
    return link_incident(graph, scope_for(graph, viewer), nlp, doc, commit=commit, meta=meta, judgements=judgements)


def _names(result: LinkResult, mention: str) -> list[str]:
    return [c.entity.name for m in result.matches if m.mention == mention for c in m.candidates]


def test_a_known_phone_leads_to_both_networks(investigation_graph: Graph, nlp: Language) -> None:
    result = _link(investigation_graph, nlp, OTHER, PHONE_NOTE)
    found = _names(result, fixture.PHONE)
    assert found[0] == fixture.PHONE and sorted(found[1:]) == ["Mohammed Al-Hassan", "Reza Ahmadi", "Yusuf Demir"]
    networks = {hit.network.name: hit for hit in result.networks}
    assert set(networks) == {"Black Eagle network", "Golden Crescent group"}
    assert networks["Black Eagle network"].via == [fixture.PHONE] and networks["Black Eagle network"].hops == 1
    assert all(hit.reports for hit in result.networks)
    assert "Samir Haddad" not in result.model_dump_json()  # his use of the phone is in a report GR-HP may not see
    assert "Samir Haddad" in _names(_link(investigation_graph, nlp, ORIGINATOR, PHONE_NOTE), fixture.PHONE)


def test_another_spelling_finds_the_person_with_reasons(investigation_graph: Graph, nlp: Language) -> None:
    result = _link(investigation_graph, nlp, OTHER, NAME_NOTE)
    match = next(m for m in result.matches if m.kind == "person")
    assert match.mention == "Muhamad Al Hasan"
    best = match.candidates[0]
    assert (best.entity.name, best.decision) == ("Mohammed Al-Hassan", "same") and best.score >= 0.8
    assert any("variant" in reason for reason in best.reasons)
    # a member of Black Eagle; Golden Crescent three ties away, through the phone he shares with its leader
    assert [(hit.network.name, hit.hops) for hit in result.networks] == [
        ("Black Eagle network", 1), ("Golden Crescent group", 3),
    ]  # fmt: skip


def test_an_alias_only_a_hidden_report_gives_finds_nobody(investigation_graph: Graph, nlp: Language) -> None:
    note = "On 4 December 2026 a man called Abu Khalid was reported recruiting migrants in Edirne."
    assert "Mohammed Al-Hassan" not in _names(_link(investigation_graph, nlp, OTHER, note), "Abu Khalid")
    assert "Mohammed Al-Hassan" in _names(_link(investigation_graph, nlp, ORIGINATOR, note), "Abu Khalid")


def test_nothing_is_written_unless_committed(investigation_graph: Graph, nlp: Language) -> None:
    def count() -> int:
        return int(investigation_graph.driver.execute_query("MATCH (n) RETURN count(n) AS n").records[0]["n"])

    before = count()
    _link(investigation_graph, nlp, OTHER, NAME_NOTE)
    assert count() == before
    committed = _link(investigation_graph, nlp, OTHER, NAME_NOTE, commit=True)
    # resolved as ingest resolves: the dry run said "same" on released statements, so the two are one now
    assert committed.committed and (committed.merged, committed.proposed_same_as) == (1, 0)
    decision = investigation_graph.driver.execute_query(
        "MATCH (d:Decision {kind: 'merge'}) RETURN d.winner AS winner, d.by AS by, d.score AS score"
    ).records
    assert [(d["winner"], d["by"]) for d in decision] == [(keys.person_uid("Mohammed Al-Hassan"), "resolver")]
    assert decision[0]["score"] >= 0.8
    names = investigation_graph.driver.execute_query(
        "MATCH (:Report {uid: $uid})-[m:MENTIONS]->(p:Person) RETURN p.uid AS uid, m.names AS names",
        uid=committed.report_id,
    ).records
    assert [(n["uid"], n["names"]) for n in names] == [(keys.person_uid("Mohammed Al-Hassan"), ["Muhamad Al Hasan"])]
    report = investigation_graph.driver.execute_query(
        "MATCH (r:Report {uid: $uid}) RETURN r.originator_agency AS agency", uid=committed.report_id
    ).records
    assert [r["agency"] for r in report] == [fixture.OTHER_AGENCY]


def _count(graph: Graph) -> int:
    return int(graph.driver.execute_query("MATCH (n) RETURN count(n) AS n").records[0]["n"])


def _best(graph: Graph, nlp: Language) -> str:
    match = next(m for m in _link(graph, nlp, OTHER, NAME_NOTE).matches if m.kind == "person")
    assert (match.mention, match.candidates[0].entity.name) == ("Muhamad Al Hasan", "Mohammed Al-Hassan")
    return match.candidates[0].entity.uid


def test_an_ilo_who_says_different_keeps_the_two_apart(investigation_graph: Graph, nlp: Language) -> None:
    known = _best(investigation_graph, nlp)
    different = [Judgement(mention="Muhamad Al Hasan", candidate=known, same=False)]
    committed = _link(investigation_graph, nlp, OTHER, NAME_NOTE, commit=True, judgements=different)
    assert (committed.merged, committed.judged) == (0, 1)  # without the judgement, resolution merges them
    rows = investigation_graph.driver.execute_query(
        "MATCH (a:Person {uid: $mine})-[s:POSSIBLY_SAME_AS]-(b:Person {uid: $known}) RETURN s.status AS status, "
        "s.reviewed_by AS by", mine=keys.person_uid("Muhamad Al Hasan"), known=known,
    ).records  # fmt: skip
    assert [(r["status"], r["by"]) for r in rows] == [("rejected", "ilo-gr")]


def test_an_ilo_who_says_same_of_a_restricted_incident_judges_for_the_agency(
    investigation_graph: Graph, nlp: Language
) -> None:
    known = _best(investigation_graph, nlp)
    same = [Judgement(mention="Muhamad Al Hasan", candidate=known, same=True)]
    own = ReportMeta(originator_agency=fixture.OTHER_AGENCY, releasability="originator")
    committed = _link(investigation_graph, nlp, OTHER, NAME_NOTE, commit=True, meta=own, judgements=same)
    # a restricted report is never merged by resolution (a merge is for everyone); the ILO's "same" is the
    # agency's own judgement instead
    assert (committed.merged, committed.judged) == (0, 1)
    rows = investigation_graph.driver.execute_query(
        "MATCH (d:Decision {kind: 'same'}) RETURN d.winner AS winner, d.loser AS loser, d.by AS by, d.requires AS r"
    ).records
    assert [(r["winner"], r["loser"], r["by"], r["r"]) for r in rows] == [
        (known, keys.person_uid("Muhamad Al Hasan"), "ilo-gr", [f"org:{fixture.OTHER_AGENCY}"]),
    ]  # fmt: skip


def test_a_judgement_on_anything_not_offered_writes_nothing(investigation_graph: Graph, nlp: Language) -> None:
    before = _count(investigation_graph)
    stranger = [Judgement(mention="Muhamad Al Hasan", candidate=keys.person_uid("Yusuf Demir"), same=True)]
    with pytest.raises(InvalidInput, match="not a person or organisation candidate"):
        _link(investigation_graph, nlp, OTHER, NAME_NOTE, commit=True, judgements=stranger)
    offered = [Judgement(mention="Muhamad Al Hasan", candidate=_best(investigation_graph, nlp), same=True)]
    with pytest.raises(InvalidInput, match="only when the incident is committed"):
        _link(investigation_graph, nlp, OTHER, NAME_NOTE, judgements=offered)
    assert _count(investigation_graph) == before


@pytest.fixture
def client(neo4j_settings: Settings, investigation_graph: Graph) -> Iterator[TestClient]:
    with TestClient(create_app(neo4j_settings)) as test_client:
        yield test_client


def test_link_endpoint_for_ilos_only(client: TestClient, investigation_graph: Graph) -> None:
    body = {"text": PHONE_NOTE}
    analyst = bearer(investigation_graph, "analyst-gr", fixture.OTHER_AGENCY, "analyst")
    assert client.post("/incidents/link", json=body, headers=analyst).status_code == 403
    ilo = bearer(investigation_graph, "ilo-gr", fixture.OTHER_AGENCY, "ilo")
    response = client.post("/incidents/link", json=body, headers=ilo)
    assert response.status_code == 200
    assert {hit["network"]["name"] for hit in response.json()["networks"]} == {
        "Black Eagle network", "Golden Crescent group",
    }  # fmt: skip
    assert client.post("/incidents/link", json={"text": ""}, headers=ilo).status_code == 422
    stranger = {"text": NAME_NOTE, "judgements": [{"mention": "Muhamad Al Hasan", "candidate": "per-0", "same": True}]}
    refused = client.post("/incidents/link", json=stranger, headers=ilo, params={"commit": True})
    assert refused.status_code == 422 and "not a person or organisation candidate" in refused.json()["detail"]
