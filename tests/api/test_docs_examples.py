"""Every endpoint's example in /docs works on the demo data: the demo reports are ingested for real,
then each investigation is called with the example values its OpenAPI parameters carry."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from api.app import create_app
from api.cli.demo import DEMO_CORPUS
from graph.db import Graph
from graph.settings import Settings
from ingest.batch import collect_files, ingest_files
from ingest.extract import build_pipeline
from ingest.load import ReportMeta
from tests.conftest import bearer


def _example_params(operation: dict[str, Any]) -> dict[str, Any]:
    params = {}
    for parameter in operation.get("parameters", []):
        examples = parameter.get("schema", {}).get("examples") or parameter.get("examples")
        if examples:
            params[parameter["name"]] = examples[0] if isinstance(examples, list) else next(iter(examples.values()))
        else:
            assert not parameter.get("required"), f"required parameter {parameter['name']} has no example"
    return params


def test_every_documented_example_answers_on_the_demo_data(neo4j_settings: Settings, graph: Graph) -> None:
    files, missing = collect_files(DEMO_CORPUS)
    assert len(files) > 20 and not missing, "the demo corpus was not found"
    resolution = (neo4j_settings.resolve_merge_at, neo4j_settings.resolve_review_at)  # as `make demo` ingests
    summary = ingest_files(files, graph, build_pipeline(), ReportMeta(), max_bytes=neo4j_settings.max_file_bytes,
                           resolution=resolution)  # fmt: skip
    assert summary.loaded == len(files) and not summary.failed
    with TestClient(create_app(neo4j_settings), headers=bearer(graph, "analyst", "demo-agency")) as client:
        paths = client.get("/openapi.json").json()["paths"]
        checked = 0
        for path, item in paths.items():
            if not path.startswith(("/investigations/", "/provenance/", "/reports/")) or "get" not in item:
                continue
            params = _example_params(item["get"])
            for name in [p["name"] for p in item["get"].get("parameters", []) if p["in"] == "path"]:
                path = path.replace(f"{{{name}}}", str(params.pop(name)))
            response = client.get(path, params=params)
            assert response.status_code == 200, f"{path} {params}: {response.text[:200]}"
            body = response.json()
            assert any(value for value in body.values()), f"{path} answered, but with nothing: {body}"
            checked += 1
    assert checked == 16  # 13 investigations, the two provenance reads and opening a report
