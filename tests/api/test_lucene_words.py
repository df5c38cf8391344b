"""No string breaks the full-text index: Lucene's words and signs are read as literal words everywhere.

Arbitrary strings, Lucene syntax among them, go into search (HTTP), link (dry run, HTTP) and ingest
(with resolution): nothing answers 500 or stops, and a literal name is found as a user expects.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import count
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from spacy.language import Language

from api.app import create_app
from graph.db import Graph
from graph.settings import Settings
from ingest.batch import ingest_files
from ingest.extract import build_pipeline
from ingest.load import ReportMeta
from tests.conftest import bearer

LUCENE = ["AND", "OR", "NOT", "TO", "&&", "||", "!", "+", "-", "(", ")", "{", "}", "[", "]", "^", '"', "~", "*", "?",
          ":", "\\", "/", "<", ">", "=", "[a TO z]", "name:x", "Hasan~2", "*?", '"Hasan', "Hasan^4"]  # fmt: skip
WORDS = st.one_of(st.sampled_from(LUCENE), st.text(min_size=1, max_size=10))
PHRASES = st.one_of(st.text(min_size=1, max_size=60), st.lists(WORDS, min_size=1, max_size=6).map(" ".join))
NAMED_OR = "Hasan OR"  # a name the extractor reads as a person, with a Lucene operator in it
QUIET = settings(deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
NOTE = "On 20 May 2026 police at Kapitan Andreevo stopped a van with 6 Afghan migrants. The driver, {name}, a Turkish "
NOTE += "national, called +90 532 123 45 67 before the stop."


@pytest.fixture(scope="module")
def nlp() -> Language:
    return build_pipeline()


def _ingest(graph: Graph, nlp: Language, folder: Path, texts: list[str]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    files = []
    for text in texts:
        files.append(folder / f"note-{len(list(folder.iterdir()))}.txt")
        files[-1].write_text(text, encoding="utf-8")
    summary = ingest_files(files, graph, nlp, ReportMeta(), max_bytes=100_000, resolution=(0.8, 0.5))
    assert not summary.failed, summary.failed


@pytest.fixture
def client(neo4j_settings: Settings, graph: Graph, nlp: Language, tmp_path: Path) -> Iterator[TestClient]:
    _ingest(graph, nlp, tmp_path / "seed", [NOTE.format(name="Hasan Baba")])
    with TestClient(create_app(neo4j_settings)) as test_client:
        yield test_client


def _names(response: object) -> list[str]:
    return [hit["name"] for hit in response.json()["hits"]]  # type: ignore[attr-defined]


def test_lucene_words_are_literal_in_search(client: TestClient, graph: Graph) -> None:
    headers = bearer(graph, "analyst", "BG-BP")
    for query in ("NOT Hasan", "Hasan AND", "Baba OR", "Hasan NOT", "TO Baba", "Hasan && Baba", "(Hasan"):
        response = client.get("/investigations/search", params={"q": query}, headers=headers)
        assert response.status_code == 200, query
        assert "Hasan Baba" in _names(response), query


@QUIET
@given(query=PHRASES)
def test_no_string_breaks_search(client: TestClient, graph: Graph, query: str) -> None:
    headers = bearer(graph, f"analyst-{next(_users)}", "BG-BP")
    response = client.get("/investigations/search", params={"q": query}, headers=headers)
    assert response.status_code in (200, 422), (query, response.text[:300])


_users = count()


@settings(QUIET, max_examples=25)
@given(name=PHRASES)
@example(name=NAMED_OR)
def test_no_string_breaks_link(client: TestClient, graph: Graph, name: str) -> None:
    headers = bearer(graph, f"ilo-{next(_users)}", "BG-BP", "ilo")
    response = client.post("/incidents/link", json={"text": NOTE.format(name=name)}, headers=headers)
    assert response.status_code == 200, (name, response.text[:300])


@settings(QUIET, max_examples=15)
@given(name=PHRASES)
@example(name=NAMED_OR)
def test_no_string_stops_ingest_or_resolution(graph: Graph, nlp: Language, tmp_path: Path, name: str) -> None:
    _ingest(graph, nlp, tmp_path / "any", [NOTE.format(name=name) + f" Ref {next(_users)}."])


def test_a_person_named_with_a_lucene_word_ingests_and_is_found(client: TestClient, graph: Graph, nlp: Language,
                                                                tmp_path: Path) -> None:  # fmt: skip
    _ingest(graph, nlp, tmp_path / "or", [NOTE.format(name=NAMED_OR), NOTE.format(name=NAMED_OR) + " Again."])
    response = client.get(
        "/investigations/search", params={"q": NAMED_OR}, headers=bearer(graph, "analyst-or", "BG-BP")
    )
    assert response.status_code == 200
    assert NAMED_OR in _names(response)
