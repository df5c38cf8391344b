"""No access without a valid key; roles; OIDC tokens; security headers, CORS and body limits."""

from __future__ import annotations

import functools
import json
import threading
import time
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa
from fastapi.testclient import TestClient

from api.app import create_app
from graph import keys
from graph.db import Graph
from graph.settings import Settings
from graph.users import create_key, create_user, revoke_key
from tests.conftest import bearer

OPEN_PATHS = {"/health", "/docs", "/openapi.json"}


@pytest.fixture
def app_client(neo4j_settings: Settings, investigation_graph: Graph) -> Iterator[TestClient]:
    with TestClient(create_app(neo4j_settings)) as client:
        yield client


def _protected_calls(client: TestClient) -> list[tuple[str, str]]:
    calls = []
    for path, item in client.get("/openapi.json").json()["paths"].items():
        for method in item:
            calls.append((method.upper(), path.replace("{uid}", "x")))
    return [(m, p) for m, p in calls if p not in OPEN_PATHS]


def test_nothing_but_health_and_docs_answers_without_a_key(app_client: TestClient) -> None:
    calls = _protected_calls(app_client)
    assert len(calls) >= 15
    for method, path in calls:
        response = app_client.request(method, path)
        assert response.status_code == 401, (method, path)
        assert response.headers["WWW-Authenticate"] == "Bearer"
    assert app_client.get("/health").status_code == 200 and app_client.get("/docs").status_code == 200


def test_wrong_malformed_and_revoked_keys_get_401(app_client: TestClient, investigation_graph: Graph) -> None:
    key = create_user(investigation_graph, "ilo-bg", "BG-BP", "ilo")
    good = {"Authorization": f"Bearer {key.token}"}
    assert app_client.get("/investigations/clusters", headers=good).status_code == 200
    forged = key.token[:-4] + ("AAAA" if not key.token.endswith("AAAA") else "BBBB")
    for token in (forged, "sgk_0000000000000000.abcdefghijklmnopqrstuvwxyz", "not-a-key", ""):
        response = app_client.get("/investigations/clusters", headers={"Authorization": f"Bearer {token}"})
        assert response.status_code == 401, token
    revoke_key(investigation_graph, key.key_id)
    assert app_client.get("/investigations/clusters", headers=good).status_code == 401
    second = create_key(investigation_graph, "ilo-bg")
    assert (
        app_client.get("/investigations/clusters", headers={"Authorization": f"Bearer {second.token}"}).status_code
        == 200
    )


def test_keys_are_stored_only_as_hashes(investigation_graph: Graph) -> None:
    key = create_user(investigation_graph, "analyst-x", "BG-BP", "analyst")
    secret = key.token.split(".", 1)[1]
    stored = investigation_graph.driver.execute_query("MATCH (k:ApiKey) RETURN properties(k) AS p").records
    assert secret not in json.dumps([r["p"] for r in stored], default=str)


def test_roles_decide_who_may_administer(app_client: TestClient, investigation_graph: Graph) -> None:
    analyst = bearer(investigation_graph, "analyst-gr", "GR-HP", "analyst")
    admin = bearer(investigation_graph, "admin-eu", "EU-ADMIN", "admin")
    assert app_client.get("/admin/users", headers=analyst).status_code == 403
    users = app_client.get("/admin/users", headers=admin)
    assert users.status_code == 200 and {u["name"] for u in users.json()} == {"analyst-gr", "admin-eu"}


def test_originator_may_widen_a_report_and_others_then_see_it(
    app_client: TestClient, investigation_graph: Graph
) -> None:
    restricted = investigation_graph.driver.execute_query(
        "MATCH (r:Report {releasability: 'originator'}) RETURN r.uid AS uid").records[0]["uid"]  # fmt: skip
    originator = bearer(investigation_graph, "ilo-de", "DE-BPOL", "ilo")
    other = bearer(investigation_graph, "analyst-gr", "GR-HP", "analyst")
    other_ilo = bearer(investigation_graph, "ilo-gr", "GR-HP", "ilo")
    search = {"q": "Samir Haddad"}

    def names() -> set[str]:
        return {
            h["name"] for h in app_client.get("/investigations/search", params=search, headers=other).json()["hits"]
        }

    assert "Samir Haddad" not in names()
    body = {"releasability": "agencies", "release_to": ["GR-HP"]}
    assert app_client.patch(f"/reports/{restricted}/release", json=body, headers=other_ilo).status_code == 404
    changed = app_client.patch(f"/reports/{restricted}/release", json=body, headers=originator)
    assert changed.status_code == 200 and changed.json()["release_to"] == ["GR-HP"]
    assert "Samir Haddad" in names()
    assert app_client.patch(f"/reports/{restricted}/release", json=body, headers=other_ilo).status_code == 403
    bad = app_client.patch(f"/reports/{restricted}/release", json={"releasability": "agencies"}, headers=originator)
    assert bad.status_code == 422


@pytest.fixture
def jwks_server(tmp_path: Path) -> Iterator[tuple[str, rsa.RSAPrivateKey]]:
    """A JWKS document served on 127.0.0.1, standing in for the identity provider."""
    private = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    jwk = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(private.public_key()))
    (tmp_path / "jwks.json").write_text(json.dumps({"keys": [dict(jwk, kid="k1", use="sig", alg="RS256")]}))
    handler = functools.partial(SimpleHTTPRequestHandler, directory=str(tmp_path))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/jwks.json", private
    finally:
        server.shutdown()


def test_oidc_tokens_carry_agency_and_role(
    neo4j_settings: Settings, investigation_graph: Graph, jwks_server: tuple[str, rsa.RSAPrivateKey]
) -> None:
    jwks_url, private = jwks_server
    settings = neo4j_settings.model_copy(update={
        "oidc_issuer": "https://idp.example", "oidc_audience": "smugglegraph", "oidc_jwks_url": jwks_url,
    })  # fmt: skip

    def token(**claims: object) -> dict[str, str]:
        base = {"iss": "https://idp.example", "aud": "smugglegraph", "sub": "u1", "exp": int(time.time()) + 300,
                "agency": "DE-BPOL", "role": "analyst"}  # fmt: skip
        signed = jwt.encode({**base, **claims}, private, algorithm="RS256", headers={"kid": "k1"})
        return {"Authorization": f"Bearer {signed}"}

    with TestClient(create_app(settings)) as client:
        profile = {"uid": keys.person_uid("Samir Haddad")}
        assert client.get("/investigations/profile", params=profile, headers=token()).status_code == 200
        assert client.get("/investigations/profile", params=profile, headers=token(agency="GR-HP")).status_code == 404
        for bad in (token(aud="other"), token(iss="https://evil.example"), token(exp=int(time.time()) - 10),
                    token(role="superuser")):  # fmt: skip
            assert client.get("/investigations/profile", params=profile, headers=bad).status_code == 401


def test_security_headers_and_closed_cors(app_client: TestClient) -> None:
    response = app_client.get("/health", headers={"Origin": "https://elsewhere.example"})
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["X-Frame-Options"] == "DENY"
    assert "default-src 'self'" in response.headers["Content-Security-Policy"]
    assert "access-control-allow-origin" not in {h.lower() for h in response.headers}


def test_docs_load_nothing_from_outside(app_client: TestClient) -> None:
    html = app_client.get("/docs").text
    assert "cdn" not in html.lower() and "https://" not in html
    for asset in ("swagger-ui-bundle.js", "swagger-ui.css"):
        assert f"/static-offline-docs/{asset}" in html
        assert app_client.get(f"/static-offline-docs/{asset}").status_code == 200


def test_request_bodies_over_the_limit_are_refused(neo4j_settings: Settings, investigation_graph: Graph) -> None:
    small = neo4j_settings.model_copy(update={"max_body_bytes": 1000})
    headers = bearer(investigation_graph, "ilo-de", "DE-BPOL", "ilo")
    with TestClient(create_app(small), headers=headers) as client:
        response = client.patch("/reports/x/release", content=b"{" + b" " * 5000 + b"}",
                                headers={"Content-Type": "application/json"})  # fmt: skip
    assert response.status_code == 413
