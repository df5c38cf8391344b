"""`smugglegraph resolve compare` and `compare-batch`: judge name pairs from the command line."""

from __future__ import annotations

import json
import sys
from dataclasses import asdict
from enum import StrEnum
from pathlib import Path

import typer
from rich.console import Console

from api.cli import review as review_commands
from graph.schema import connect_ready
from graph.settings import get_settings
from graph.visibility import NETWORK
from ingest.resolve.batch import compare_file
from ingest.resolve.compare import compare_names
from ingest.resolve.facts import ORGANISATION_FACTS, PERSON_FACTS, weigh_with_facts
from ingest.resolve.rarity import NameCounts
from ingest.resolve.resolver import name_counts

resolve_app = typer.Typer(help="Entity resolution: compare names and say why.", no_args_is_help=True)
console = Console(soft_wrap=True, highlight=False)
_FACTS_HELP = (f"persons {', '.join(PERSON_FACTS)} (born=1990-04-01, phone=+90..., nationality=AF); "
               f"organisations {', '.join(ORGANISATION_FACTS)}; repeat for more")  # fmt: skip


class Kind(StrEnum):
    person = "person"
    organisation = "organisation"
    vessel = "vessel"


@resolve_app.command("compare")
def compare(
    name_a: str = typer.Argument(..., help="first name"),
    name_b: str = typer.Argument(..., help="second name"),
    kind: Kind = typer.Option(Kind.person, help="what the names name"),
    facts_a: list[str] = typer.Option([], "--a", metavar="KEY=VALUE", help="a fact about the first: " + _FACTS_HELP),
    facts_b: list[str] = typer.Option([], "--b", metavar="KEY=VALUE", help="a fact about the second, as --a"),
    in_graph: bool = typer.Option(
        False,
        "--in-graph",
        help="with facts: count how rare the names are among the persons the network knows (needs the server)",
    ),
    as_json: bool = typer.Option(False, "--json", help="print JSON instead of text"),
) -> None:
    """Print the score (0-1), the decision (same, unsure, different) and the reasons for two names.

    With facts (--a/--b), the pair is weighed by ingest's own resolver, so the answer is what ingest
    and `link` would decide: same (merge), unsure (review) or different.
    """  # fmt: skip
    if facts_a or facts_b or in_graph:
        counts = _network_name_counts(name_a, name_b) if in_graph else None
        result = weigh_with_facts(name_a, name_b, kind.value, facts_a, facts_b, counts)
    else:
        result = compare_names(name_a, name_b, kind.value)
    if as_json:
        typer.echo(json.dumps(asdict(result), ensure_ascii=False))
        return
    console.print(f"{result.decision} {result.score:.3f}")
    for reason in result.reasons:
        console.print(f"  - {reason}", markup=False)


def _network_name_counts(name_a: str, name_b: str) -> NameCounts:
    with connect_ready(get_settings()) as graph:
        return name_counts(graph, [{"name": name_a}, {"name": name_b}], frozenset({NETWORK}))


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
