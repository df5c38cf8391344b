"""`smugglegraph demo`: a working system for a newcomer in one command.

Starts the managed Neo4j (unless NEO4J_URI points elsewhere or it already runs), loads the demo
reports (the development corpus and docs/demo-reports), and serves the API.
"""

from __future__ import annotations

from pathlib import Path

import typer
import uvicorn
from rich.console import Console

from api.cli.ingest import Releasability, ingest
from api.cli.neo4j import server_config
from graph import neo4j_server, users
from graph.db import connect
from graph.settings import Settings, get_settings
from graph.users import NewKey

ROOT = Path(__file__).resolve().parents[2]
DEMO_CORPUS = [ROOT / "tests" / "corpus" / "dev", ROOT / "docs" / "demo-reports"]
"""The development corpus, and follow-up notes that tie some of its actors together."""
console = Console(soft_wrap=True)


DEMO_USERS = (("demo-analyst", "analyst"), ("demo-ilo", "ilo"), ("demo-admin", "admin"))


def demo_keys(settings: Settings) -> list[NewKey]:
    """The demo agency's users, each with a fresh API key (created on the first run)."""
    with connect(settings) as graph:
        existing = {row["name"] for row in users.list_users(graph)}
        return [
            users.create_key(graph, name) if name in existing else users.create_user(graph, name, "DEMO-AGENCY", role)
            for name, role in DEMO_USERS
        ]


def demo(
    host: str = typer.Option("127.0.0.1", help="interface the API listens on"),
    port: int = typer.Option(8000, help="HTTP port of the API"),
    corpus: list[Path] = typer.Option(DEMO_CORPUS, help="reports to load (files or folders)"),
) -> None:
    """Start Neo4j if needed, load the demo reports, and serve the API."""
    settings = get_settings()
    if settings.uses_managed_server:
        config = server_config()
        state = neo4j_server.status(config.data_dir)
        if not state.running:
            with console.status("starting Neo4j (the first start fetches it with Maven) ..."):
                state = neo4j_server.start(config, timeout_s=settings.neo4j_start_timeout_s)
        console.print(state.describe())
    ingest(paths=corpus, originator="DEMO-AGENCY", releasability=Releasability.network, release_to=[],
           batch_size=16, processes=1)  # fmt: skip
    keys = demo_keys(settings)
    console.print("demo users of agency DEMO-AGENCY (keys shown once; a new run issues new ones):")
    for key in keys:
        console.print(f"  {key.user:<13} {key.token}")
    console.print(
        f"sign in at http://{host}:{port}/ with a key, or call the API with it, e.g.\n"
        f"  curl -H 'Authorization: Bearer {keys[0].token}' "
        f"'http://{host}:{port}/investigations/search?q=Abu%20Khalid'"
    )
    console.print(f"serving the API on http://{host}:{port} (docs: http://{host}:{port}/docs); Ctrl-C stops it")
    uvicorn.run("api.app:create_app", factory=True, host=host, port=port, log_level="warning", access_log=False)
