"""Provenance to the sentence over HTTP: the reports behind a node or a tie, the sentence that says it
with the extracted words marked, opening a report (audited), and nothing of a report the caller may
not see."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.audit import AuditLog
from graph import keys
from graph.db import Graph
from graph.settings import Settings
from ingest.document import SourceDocument
from ingest.extraction import DocumentInfo, Extraction, Identifier, PersonMention, Relation
from ingest.load import ReportMeta, load_report
from tests.conftest import bearer

PHONE = "+9647701234567"
OPEN = "Report from Sofia. On 3 May Mohammed Al-Hassan used phone +9647701234567 to call the driver. Nothing else."
HIDDEN = "Restricted note. Mohammed Al-Hassan, also called Abu Khalid, paid the forger. The end."
PERSON = keys.person_uid("Mohammed Al-Hassan")


def _at(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


def _load(graph: Graph, source: str, text: str, meta: ReportMeta, aliases: list[str], phone: bool) -> str:
    doc = SourceDocument(source=source, text=text, media_type="text/plain")
    extraction = Extraction(
        document=DocumentInfo(id=doc.id, date="2026-05-04"),
        persons=[PersonMention(name="Mohammed Al-Hassan", aliases=aliases, spans=[_at(text, "Mohammed Al-Hassan")])],
        identifiers=[Identifier(kind="phone", value=PHONE, spans=[_at(text, PHONE)])] if phone else [],
        relations=[Relation(subject="Mohammed Al-Hassan", predicate="uses_identifier", object=PHONE,
                            spans=[_at(text, "used phone")])] if phone else [],
    )  # fmt: skip
    load_report(graph, doc, extraction, meta)
    return doc.id


@pytest.fixture
def reports(graph: Graph) -> tuple[str, str]:
    shown = _load(graph, "/r/open.txt", OPEN, ReportMeta(), [], phone=True)
    hidden = _load(graph, "/r/hidden.txt", HIDDEN, ReportMeta(originator_agency="DE-BPOL", releasability="originator"),
                   ["Abu Khalid"], phone=False)  # fmt: skip
    return shown, hidden


@pytest.fixture
def settings(neo4j_settings: Settings, tmp_path: Path) -> Settings:
    return neo4j_settings.model_copy(update={"audit_file": tmp_path / "audit.jsonl"})


@pytest.fixture
def client(settings: Settings, graph: Graph, reports: tuple[str, str]) -> Iterator[TestClient]:
    with TestClient(create_app(settings), headers=bearer(graph, "analyst-gr", "GR-HP")) as test_client:
        yield test_client


def test_a_node_cites_the_sentence_with_the_name_marked(client: TestClient, reports: tuple[str, str]) -> None:
    body = client.get(f"/provenance/node/{PERSON}").json()
    assert [s["report"] for s in body["supports"]] == [reports[0]]  # the restricted report is not there
    sentence = body["supports"][0]["sentences"][0]
    assert sentence["text"] == "On 3 May Mohammed Al-Hassan used phone +9647701234567 to call the driver."
    ((start, end),) = sentence["marks"]
    assert sentence["text"][start:end] == "Mohammed Al-Hassan"
    assert OPEN[sentence["start"] + start : sentence["start"] + end] == "Mohammed Al-Hassan"


def test_a_tie_cites_its_sentence(client: TestClient) -> None:
    phone = keys.identifier_uid("phone", PHONE)
    body = client.get("/provenance/edge", params={"source": PERSON, "target": phone, "type": "HAS_PHONE"}).json()
    sentence = body["supports"][0]["sentences"][0]
    assert [sentence["text"][s:e] for s, e in sentence["marks"]] == ["used phone"]
    wrong = client.get("/provenance/edge", params={"source": PERSON, "target": phone, "type": "MEMBER_OF"})
    assert wrong.status_code == 404


def test_a_visible_report_opens_and_the_opening_is_audited(
    client: TestClient, reports: tuple[str, str], settings: Settings
) -> None:
    opened = client.get(f"/reports/{reports[0]}")
    assert opened.status_code == 200 and opened.json()["text"] == OPEN
    assert opened.json()["title"] == OPEN[:97].rstrip() + "..."  # untitled: named by its first line, cut
    hidden, unknown = client.get(f"/reports/{reports[1]}"), client.get("/reports/0123456789abcdef01234567")
    assert hidden.status_code == unknown.status_code == 404
    assert "Abu Khalid" not in hidden.text and "Restricted" not in hidden.text
    actions = [(r.action, r.status) for r in AuditLog(settings.audit_file).read()]
    assert ("report:open", 200) in actions and actions.count(("report:open", 404)) == 2


def test_the_originator_sees_both_reports_and_the_alias_sentence(
    settings: Settings, graph: Graph, reports: tuple[str, str]
) -> None:
    with TestClient(create_app(settings), headers=bearer(graph, "ilo-de", "DE-BPOL")) as client:
        body = client.get(f"/provenance/node/{PERSON}").json()
        assert {s["report"] for s in body["supports"]} == set(reports)
        restricted = next(s for s in body["supports"] if s["report"] == reports[1])
        assert restricted["says"]["aliases"] == ["Abu Khalid"]
        assert restricted["sentences"][0]["text"] == "Mohammed Al-Hassan, also called Abu Khalid, paid the forger."
        assert client.get(f"/reports/{reports[1]}").json()["text"] == HIDDEN
