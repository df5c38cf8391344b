"""`smugglegraph resolve compare` and `compare-batch`: judge name pairs from the command line."""

from __future__ import annotations

import json
import sys
from dataclasses import asdict
from enum import StrEnum
from pathlib import Path

import typer
from rich.console import Console

from ingest.resolve import review_commands
from ingest.resolve.batch import compare_file
from ingest.resolve.compare import compare_names

resolve_app = typer.Typer(help="Entity resolution: compare names and say why.", no_args_is_help=True)
console = Console(soft_wrap=True, highlight=False)


class Kind(StrEnum):
    person = "person"
    organisation = "organisation"
    vessel = "vessel"


@resolve_app.command("compare")
def compare(
    name_a: str = typer.Argument(..., help="first name"),
    name_b: str = typer.Argument(..., help="second name"),
    kind: Kind = typer.Option(Kind.person, help="what the names name"),
    as_json: bool = typer.Option(False, "--json", help="print JSON instead of text"),
) -> None:
    """Print the score (0-1), the decision (same, unsure, different) and the reasons for two names."""
    result = compare_names(name_a, name_b, kind.value)
    if as_json:
        typer.echo(json.dumps(asdict(result), ensure_ascii=False))
        return
    console.print(f"{result.decision} {result.score:.3f}")
    for reason in result.reasons:
        console.print(f"  - {reason}", markup=False)


@resolve_app.command("compare-batch")
def compare_batch(
    file: Path = typer.Argument(..., help="CSV with the header name1,name2,kind"),
) -> None:
    """Compare each pair of a CSV; print CSV name1,name2,kind,score,decision,reasons in input order."""
    compare_file(file, sys.stdout)


resolve_app.command("candidates")(review_commands.candidates)
resolve_app.command("merge")(review_commands.merge)
resolve_app.command("reject")(review_commands.reject)
resolve_app.command("split")(review_commands.split)
