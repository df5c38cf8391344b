"""`smugglegraph neo4j ...` and `smugglegraph schema`: the managed Neo4j server and the graph schema."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console

from graph import neo4j_server
from graph.db import connect
from graph.schema import install_schema
from graph.settings import get_settings

neo4j_app = typer.Typer(help="Start, stop and inspect the Neo4j server smugglegraph runs for itself.")
console = Console(soft_wrap=True)

PortOption = typer.Option(None, "--port", help="Bolt port on 127.0.0.1 [default: SMUGGLEGRAPH_NEO4J_PORT or 7687]")
DataDirOption = typer.Option(None, "--data-dir", help="data directory [default: ./var/neo4j]")


def server_config(port: int | None = None, data_dir: Path | None = None) -> neo4j_server.ServerConfig:
    """The managed server's configuration: settings, overridden by command-line options."""
    settings = get_settings()
    return neo4j_server.ServerConfig(
        data_dir=data_dir or settings.neo4j_data_dir,
        port=port or settings.neo4j_port,
        heap=settings.neo4j_heap,
        pagecache=settings.neo4j_pagecache,
        neo4j_home=settings.neo4j_home,
    )


@neo4j_app.command()
def start(port: int | None = PortOption, data_dir: Path | None = DataDirOption) -> None:
    """Start Neo4j on 127.0.0.1 and wait until Bolt answers (fetches the server with Maven the first time)."""
    config = server_config(port, data_dir)
    with console.status(f"starting Neo4j on port {config.port} ..."):
        state = neo4j_server.start(config, timeout_s=get_settings().neo4j_start_timeout_s)
    console.print(f"{state.describe()}; logs in {config.data_dir / 'logs'}")


@neo4j_app.command()
def stop(data_dir: Path | None = DataDirOption) -> None:
    """Stop the Neo4j server of a data directory cleanly."""
    config = server_config(data_dir=data_dir)
    neo4j_server.stop(config.data_dir)
    console.print(f"Neo4j stopped for data directory {config.data_dir}")


@neo4j_app.command()
def status(data_dir: Path | None = DataDirOption) -> None:
    """Say whether Neo4j runs for a data directory (exit code 3 when it does not)."""
    state = neo4j_server.status(server_config(data_dir=data_dir).data_dir)
    console.print(state.describe())
    if not state.running:
        raise typer.Exit(3)


def schema() -> None:
    """Install the constraints, indexes and reference data (idempotent) in the configured database."""
    with connect(get_settings()) as graph:
        summary = install_schema(graph)
    console.print(
        f"schema installed in {graph.uri}: {summary.constraints} constraints, {summary.indexes} indexes, "
        f"{summary.countries} countries, {summary.fraud_techniques} fraud techniques, "
        f"{summary.modus_operandi} modus operandi"
    )
