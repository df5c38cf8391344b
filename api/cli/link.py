"""`smugglegraph link FILE`: what a new incident touches in the graph, from the command line."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from api.audit import record_console
from graph.audit.open import console_viewer
from graph.schema import connect_ready
from graph.settings import get_settings
from graph.visibility import scope_for
from ingest.extract import build_pipeline
from ingest.link import LinkResult, link_incident
from ingest.link_judgements import Judgement
from ingest.load import ReportMeta
from ingest.readers import read_document

console = Console(soft_wrap=True)


def link(
    file: Path = typer.Argument(..., help="the incident: any supported report format"),
    commit: bool = typer.Option(False, help="also ingest it and record the likely matches for review"),
    agency: str | None = typer.Option(None, help="see only what is released to this agency (default: everything)"),
    json_output: bool = typer.Option(False, "--json", help="print the whole answer as JSON"),
    same: list[str] = typer.Option([], metavar="MENTION=UID", help="with --commit: this mention is that candidate"),
    different: list[str] = typer.Option([], metavar="MENTION=UID",
                                        help="with --commit: this mention is not that candidate"),
) -> None:  # fmt: skip
    """Link a new incident to the known people, identifiers and networks, with scores and reasons;
    with --commit, ingest it, recording --same and --different on the candidates the table lists."""
    settings = get_settings()
    judgements = [_judgement(pair, True) for pair in same] + [_judgement(pair, False) for pair in different]
    doc = read_document(file, max_bytes=settings.max_file_bytes)
    viewer = console_viewer(agency, role="ilo")
    with connect_ready(settings) as graph, console.status("reading the incident and weighing the candidates ..."):
        result = link_incident(graph, scope_for(graph, viewer), build_pipeline(settings.spacy_model), doc,
                               commit=commit, meta=ReportMeta(originator_agency=agency),
                               judgements=judgements)  # fmt: skip
    record_console(settings, viewer, "incident:link", {"commit": commit, "report": doc.id}, len(result.networks))
    if json_output:
        typer.echo(result.model_dump_json(indent=2))
    else:
        _print(result)


def _judgement(pair: str, same: bool) -> Judgement:
    mention, sep, uid = pair.rpartition("=")
    if not sep or not mention.strip() or not uid.strip():
        raise typer.BadParameter(f"{pair!r}: expected MENTION=UID, e.g. 'Hasan Babah=per-0123456789abcdef'")
    return Judgement(mention=mention.strip(), candidate=uid.strip(), same=same)


def _print(result: LinkResult) -> None:
    matches = Table(title="what the incident mentions, and who or what it may be")
    for column in ("mention", "kind", "candidate", "uid", "score", "decision", "reasons"):
        matches.add_column(column)
    for match in result.matches:
        for candidate in match.candidates or []:
            matches.add_row(match.mention, match.kind, candidate.entity.name, candidate.entity.uid,
                            f"{candidate.score:.2f}", candidate.decision, "; ".join(candidate.reasons))  # fmt: skip
        if not match.candidates:
            matches.add_row(match.mention, match.kind, "(nothing known)", "", "", "", "")
    console.print(matches)
    networks = Table(title="known networks it touches")
    for column in ("network", "via", "hops", "reports"):
        networks.add_column(column)
    for hit in result.networks:
        networks.add_row(hit.network.name, ", ".join(hit.via), str(hit.hops),
                         "; ".join(r.title or r.id for r in hit.reports))  # fmt: skip
    console.print(networks)
    if result.committed:
        console.print(
            f"ingested as report {result.report_id}: {result.merged} merged, {result.proposed_same_as} "
            f"possible matches recorded for review, {result.judged} of your judgements recorded"
        )
