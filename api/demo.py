"""`smugglegraph demo`: a working system for a newcomer in one command.

Starts the managed Neo4j (unless NEO4J_URI points elsewhere or it already runs), loads the demo
reports (the development corpus and docs/demo-reports), and serves the API.
"""

from __future__ import annotations

from pathlib import Path

import typer
import uvicorn
from rich.console import Console

from graph import neo4j_server
from graph.commands import server_config
from graph.settings import get_settings
from ingest.commands import Releasability, ingest

ROOT = Path(__file__).resolve().parent.parent
DEMO_CORPUS = [ROOT / "tests" / "corpus" / "dev", ROOT / "docs" / "demo-reports"]
"""The development corpus, and follow-up notes that tie some of its actors together."""
console = Console(soft_wrap=True)


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
    ingest(paths=corpus, originator="demo-agency", releasability=Releasability.network, release_to=[],
           batch_size=16, processes=1)  # fmt: skip
    console.print(f"serving the API on http://{host}:{port} (docs: http://{host}:{port}/docs); Ctrl-C stops it")
    uvicorn.run("api.app:create_app", factory=True, host=host, port=port, log_level="warning")
