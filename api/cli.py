"""The `smugglegraph` command: one typer app assembled from each package's command group.

Errors the project raises on purpose (graph.errors) end as one line on stderr and a non-zero
exit code; nothing else is caught here.
"""

from __future__ import annotations

import logging
import sys

import typer
import uvicorn

from api.demo import demo
from api.investigate import investigate
from graph.audit_commands import audit_app
from graph.commands import neo4j_app, schema
from graph.errors import SmuggleGraphError
from graph.settings import get_settings
from graph.users_commands import users_app
from ingest.commands import eval_extract, extract_command, ingest
from ingest.link_command import link
from ingest.resolve.commands import resolve_app

app = typer.Typer(
    name="smugglegraph",
    help="A knowledge graph of migrant-smuggling networks: ingest reports, investigate networks.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
app.add_typer(neo4j_app, name="neo4j")
app.add_typer(resolve_app, name="resolve")
app.add_typer(users_app, name="users")
app.add_typer(audit_app, name="audit")
app.command("schema")(schema)
app.command("ingest")(ingest)
app.command("extract")(extract_command)
app.command("eval-extract")(eval_extract)
app.command("demo")(demo)
app.command("investigate")(investigate)
app.command("link")(link)


@app.command()
def serve(
    host: str = typer.Option("127.0.0.1", help="interface to listen on"),
    port: int = typer.Option(8000, help="HTTP port"),
) -> None:
    """Serve the HTTP API (OpenAPI docs at /docs) over the configured Neo4j."""
    get_settings()  # fail on bad settings before uvicorn starts
    # No access log: its request lines would carry searched names and identifiers into the logs;
    # who asked what is in the audit trail instead.
    uvicorn.run("api.app:create_app", factory=True, host=host, port=port, log_level="info", access_log=False)


def main() -> None:
    """Entry point of the console script."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    # The driver logs each failed connection attempt; the command reports the outcome in one line.
    logging.getLogger("neo4j").setLevel(logging.CRITICAL)
    try:
        app()
    except SmuggleGraphError as exc:
        typer.echo(f"smugglegraph: {exc.message}", err=True)
        sys.exit(exc.exit_code)
