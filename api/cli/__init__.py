"""The `smugglegraph` command: one typer app assembled from the command groups of this package, one
module per group, each command a few lines over library functions.

Errors the project raises on purpose (graph.errors) end as one line on stderr and a non-zero
exit code; nothing else is caught here.
"""

from __future__ import annotations

import logging
import sys

import typer
import uvicorn

from api.cli.audit import audit_app
from api.cli.demo import demo
from api.cli.ingest import eval_extract, extract_command, ingest
from api.cli.investigate import investigate_app
from api.cli.link import link
from api.cli.neo4j import neo4j_app, schema
from api.cli.resolve import resolve_app
from api.cli.users import users_app
from graph.errors import SmuggleGraphError
from graph.settings import get_settings

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
app.add_typer(investigate_app, name="investigate")
app.command("schema")(schema)
app.command("ingest")(ingest)
app.command("extract")(extract_command)
app.command("eval-extract")(eval_extract)
app.command("demo")(demo)
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
