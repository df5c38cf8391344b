"""`smugglegraph resolve candidates|merge|reject|split`: review resolution from the console."""

from __future__ import annotations

import typer
from rich.console import Console
from rich.table import Table

from graph.audit.open import console_operator, record_console
from graph.schema import connect_ready
from graph.settings import get_settings
from graph.visibility import LOCAL_OPERATOR, Viewer, scope_for
from ingest.resolve import review

console = Console(soft_wrap=True)


def _by() -> str:
    return console_operator().user


def _record(action: str, params: dict[str, str]) -> None:
    record_console(get_settings(), console_operator(), action, params, None)


def candidates(status: str = typer.Option("proposed", help="proposed, rejected or confirmed"),
               limit: int = typer.Option(100, min=1, max=1000)) -> None:  # fmt: skip
    """List pairs proposed as possibly the same person, best first."""
    with connect_ready(get_settings()) as graph:
        rows = review.candidates(graph, scope_for(graph, LOCAL_OPERATOR), status, limit)
    table = Table(title=f"{status} pairs")
    for column in ("a", "b", "score", "reasons", "proposed by"):
        table.add_column(column)
    for row in rows:
        table.add_row(f"{row['a']['name']} ({row['a']['uid']})", f"{row['b']['name']} ({row['b']['uid']})",
                      f"{row['score'] or 0:.2f}", "; ".join(row["reasons"] or []), row["by"] or "")  # fmt: skip
    console.print(table)


def merge(winner: str = typer.Argument(..., help="uid of the entity that stays"),
          loser: str = typer.Argument(..., help="uid of the entity merged into it"),
          agency: str | None = typer.Option(None, help="judge them the same for this agency only, as its "
                                            "reviewer would; without it, merge them for the whole network"),
          ) -> None:  # fmt: skip
    """Judge two entities the same (confirming a proposed pair); prints the decision id that can undo it."""
    with connect_ready(get_settings()) as graph:
        judged_for = None
        if agency:
            judged_for = scope_for(graph, Viewer(user=_by(), agency=agency, role="admin"))
        decision = review.confirm(graph, winner, loser, by=_by(), judged_for=judged_for)
    _record(
        "resolution:merge",
        {"winner": winner, "loser": loser, "decision": decision, **({"agency": agency} if agency else {})},
    )
    done = f"judged {loser} the same as {winner} for {agency}" if agency else f"merged {loser} into {winner}"
    console.print(f"{done}; to undo: smugglegraph resolve split {decision}")


def reject(
    a: str = typer.Argument(..., help="uid of one entity"), b: str = typer.Argument(..., help="uid of the other")
) -> None:
    """Record that a proposed pair are different entities."""
    with connect_ready(get_settings()) as graph:
        review.reject(graph, a, b, by=_by())
    _record("resolution:reject", {"a": a, "b": b})
    console.print(f"{a} and {b} recorded as different")


def split(decision: str = typer.Argument(..., help="the merge decision id (dec-...)")) -> None:
    """Undo a merge or judgement: both entities exactly as they were before it."""
    with connect_ready(get_settings()) as graph:
        winner, loser = review.split(graph, decision, by=_by())
    _record("resolution:split", {"decision": decision, "winner": winner, "loser": loser})
    console.print(f"split {loser} from {winner} again")
