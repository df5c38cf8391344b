"""The web page: served by the API itself, loading nothing from outside, signing in with an API key."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from api.app import WEB_DIR, create_app
from graph.db import Graph
from graph.settings import Settings
from tests.conftest import bearer

OUTSIDE_CALL = re.compile(
    r"""(?:src=|href=|url\(|@import|fetch\(|import\s[^;]*?from\s|XMLHttpRequest)\s*["']?https?://"""
)  # a reference that would make the browser call out; a namespace URI in a string is not one


@pytest.fixture
def client(neo4j_settings: Settings, graph: Graph) -> Iterator[TestClient]:
    with TestClient(create_app(neo4j_settings)) as test_client:
        yield test_client


def test_home_leads_to_the_page_and_its_assets_are_local(client: TestClient) -> None:
    home = client.get("/", follow_redirects=False)
    assert home.status_code in (302, 307) and home.headers["location"] == "/ui/"
    page = client.get("/ui/")
    assert page.status_code == 200 and "Sign in" in page.text
    referenced = [url for url in re.findall(r'(?:src|href)="([^"]+)"', page.text) if not url.startswith("#")]
    assert referenced and all(url.startswith("/ui/") for url in referenced), referenced  # "#..." are the page's views
    scripts = [*referenced, *(f"/ui/{path.name}" for path in sorted(WEB_DIR.glob("*.js")))]
    for asset in scripts:
        response = client.get(asset)
        assert response.status_code == 200, f"{asset} is not served (make setup installs the page's libraries)"
        calls = OUTSIDE_CALL.findall(response.text)
        assert not calls, f"{asset} calls outside the app: {calls[:3]}"


def test_the_sign_in_call_names_the_user(client: TestClient, graph: Graph) -> None:
    assert client.get("/me").status_code == 401
    me = client.get("/me", headers=bearer(graph, "demo-ilo", "DEMO-AGENCY", "ilo"))
    assert me.json() == {"user": "demo-ilo", "agency": "DEMO-AGENCY", "role": "ilo"}
