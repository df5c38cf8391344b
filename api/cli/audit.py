"""`smugglegraph audit verify` and `smugglegraph audit show`: check and read the audit trail."""

from __future__ import annotations

import json
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from graph.audit import AuditLog, AuditRecord
from graph.audit.open import open_audit_log
from graph.settings import get_settings

audit_app = typer.Typer(help="Check and read the audit trail of who read or wrote intelligence.")
console = Console(soft_wrap=True)

FileOption = Annotated[Path | None, typer.Option("--file", help="audit file [default: SMUGGLEGRAPH_AUDIT_FILE]")]


class OutputFormat(StrEnum):
    """How `audit show` prints records."""

    table = "table"
    json = "json"


def audit_log(path: Path | None = None) -> AuditLog:
    """The audit log of the settings (file and key), or of `path` when given; never makes a key."""
    return open_audit_log(get_settings(), path, create_key=False)


@audit_app.command()
def verify(
    file: FileOption = None,
    anchor: Annotated[
        str | None, typer.Option(help="the last hash of an earlier check: fail if the trail no longer has it")
    ] = None,
) -> None:
    """Check the hash chain; print the count and last hash (exit 0) or the first broken record (exit 1)."""
    result = audit_log(file).verify(anchor)
    typer.echo(result.describe())
    if not result.ok:
        raise typer.Exit(1)


@audit_app.command()
def show(
    user: Annotated[str | None, typer.Option(help="only this user's records")] = None,
    since: Annotated[
        datetime | None, typer.Option(formats=["%Y-%m-%d", "%Y-%m-%dT%H:%M:%S"], help="from this day or time (UTC)")
    ] = None,
    action: Annotated[str | None, typer.Option(help='only this action, e.g. "investigation:network"')] = None,
    limit: Annotated[int | None, typer.Option(min=1, help="only the last N matching records")] = None,
    output: Annotated[OutputFormat, typer.Option("--format", help="a table, or one JSON object a line")] = (
        OutputFormat.table
    ),
    file: FileOption = None,
) -> None:
    """Print the audit records that match, oldest first (the trail is not verified; use `audit verify`)."""
    records = audit_log(file).read(user=user, since=since, action=action, limit=limit)
    if output is OutputFormat.json:
        for record in records:
            typer.echo(json.dumps(record.to_dict(), ensure_ascii=False))
    elif records:
        console.print(_table(records))
    else:
        typer.echo("no audit records match")


def _table(records: list[AuditRecord]) -> Table:
    table = Table("seq", "user", "agency", "role", "results", "status")
    table.add_column("at (UTC)", no_wrap=True)
    table.add_column("action", no_wrap=True)
    table.add_column("params", overflow="fold")
    for record in records:
        params = json.dumps(record.params, ensure_ascii=False, sort_keys=True)
        cells = (record.seq, record.user, record.agency, record.role, record.results, record.status)
        tail = (record.at[:19].replace("T", " "), record.action, params)
        table.add_row(*(Text("" if cell is None else str(cell)) for cell in (*cells, *tail)))
    return table
