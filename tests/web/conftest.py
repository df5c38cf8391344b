"""The app served on localhost over the real Neo4j with the demo data, and Debian's chromium driven by
Playwright (from PyPI) through its executable path: nothing downloads a browser. A failed test leaves a
screenshot in var/screenshots/."""

from __future__ import annotations

import shutil
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import uvicorn
from playwright.sync_api import Browser, Page, sync_playwright

from api.app import create_app
from api.cli.demo import DEMO_CORPUS
from graph import neo4j_server
from graph.db import Graph
from graph.settings import Settings
from graph.users import create_user
from ingest.batch import collect_files, ingest_files
from ingest.extract import build_pipeline
from ingest.load import ReportMeta

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]  # fmt: skip
SCREENSHOTS = Path("var/screenshots")


@dataclass(frozen=True)
class Site:
    url: str
    keys: dict[str, str]  # role -> API key of a demo user


@pytest.fixture(scope="module")
def site(neo4j_settings: Settings, session_graph: Graph, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """The demo reports ingested as `make demo` does, and the API with its page on a free port."""
    graph = session_graph
    graph.write("graph/delete_all_facts")
    files, missing = collect_files(DEMO_CORPUS)
    assert len(files) > 20 and not missing, "the demo corpus was not found"
    resolution = (neo4j_settings.resolve_merge_at, neo4j_settings.resolve_review_at)
    ingest_files(files, graph, build_pipeline(), ReportMeta(originator_agency="DEMO-AGENCY"),
                 max_bytes=neo4j_settings.max_file_bytes, resolution=resolution)  # fmt: skip
    keys = {role: create_user(graph, f"demo-{role}", "DEMO-AGENCY", role).token for role in ("analyst", "ilo", "admin")}
    settings = neo4j_settings.model_copy(update={"audit_file": tmp_path_factory.mktemp("web") / "audit.jsonl"})
    port = neo4j_server.free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(settings), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.1)
    assert server.started, "the API did not start"
    try:
        yield Site(url=f"http://127.0.0.1:{port}", keys=keys)
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        graph.write("graph/delete_all_facts")


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"no chromium at {CHROMIUM}: `make test` installs Debian's chromium package")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
        yield launched
        launched.close()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Iterator[None]:
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


@pytest.fixture
def page(browser: Browser, site: Site, request: pytest.FixtureRequest) -> Iterator[Page]:
    """A fresh tab (nothing cached across tests or users) that may only talk to the app itself."""
    context = browser.new_context(accept_downloads=True, viewport={"width": 1400, "height": 900})
    tab = context.new_page()
    outside: list[str] = []
    tab.on("request", lambda r: outside.append(r.url) if not r.url.startswith((site.url, "blob:", "data:")) else None)
    yield tab
    if getattr(request.node, "report_call", None) is not None and request.node.report_call.failed:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        tab.screenshot(path=str(SCREENSHOTS / f"{request.node.name}.png"), full_page=True)
    context.close()
    assert not outside, f"the page called outside the app: {outside[:5]}"
