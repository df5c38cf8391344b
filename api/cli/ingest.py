"""`smugglegraph ingest`, `extract` and `eval-extract`: thin commands over the ingest library."""

from __future__ import annotations

import json
import time
from enum import StrEnum
from pathlib import Path

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from graph.audit.open import console_audit
from graph.errors import InvalidInput
from graph.schema import connect_ready
from graph.settings import Settings, get_settings
from ingest.batch import IngestSummary, abort_after, collect_files, ingest_files, quarantine_failures
from ingest.evaluate import EvaluationReport, gold_pairs
from ingest.extract import build_pipeline, extract
from ingest.extraction import Extraction
from ingest.load import ReportMeta
from ingest.readers import ReadLimits, read_document

console = Console(soft_wrap=True)
errors = Console(stderr=True, soft_wrap=True)


class Releasability(StrEnum):
    network = "network"
    agencies = "agencies"
    originator = "originator"


class OutputFormat(StrEnum):
    json = "json"
    table = "table"


def read_limits(settings: Settings) -> ReadLimits:
    """What reading one file may cost, from the settings."""
    return ReadLimits(settings.max_unpacked_bytes, settings.max_archive_members, settings.read_timeout_s)


def ingest(
    paths: list[Path] = typer.Argument(..., help="files or directories (walked recursively)"),
    originator: str | None = typer.Option(None, help="originating agency of these reports"),
    releasability: Releasability | None = typer.Option(
        None, help="who may see them (default network); wins over a JSON record's own releasability"
    ),
    release_to: list[str] = typer.Option([], help="agencies they are released to (with --releasability agencies)"),
    batch_size: int = typer.Option(16, min=1, max=256, help="documents per spaCy batch"),
    processes: int = typer.Option(1, min=1, max=8, help="spaCy worker processes (helps on large batches)"),
) -> None:
    """Read, extract and load reports into the graph; safe to interrupt and re-run."""
    if releasability is Releasability.agencies and not release_to:
        raise InvalidInput("--releasability agencies needs at least one --release-to AGENCY")
    stated = {name for name, given in (("originator_agency", originator), ("releasability", releasability),
                                       ("release_to", release_to)) if given}  # fmt: skip
    settings = get_settings()
    files, missing = collect_files(paths)
    summary = IngestSummary(failed=list(missing))
    quarantine_failures(missing, settings.quarantine_file)
    for failure in missing:
        errors.print(f"failed {failure.path}: {failure.reason}", markup=False, highlight=False)
    meta = ReportMeta(originator_agency=originator, release_to=tuple(release_to), stated=frozenset(stated),
                      releasability=(releasability or Releasability.network).value)  # fmt: skip
    audit = {"files": len(files) + len(missing), "originator": originator, "releasability": meta.releasability,
             "release_to": release_to}  # fmt: skip

    def done() -> int:
        return summary.loaded + summary.replaced

    with console_audit(settings, "ingest", audit, done), connect_ready(settings) as graph:
        nlp = build_pipeline(settings.spacy_model)
        started = time.monotonic()
        columns = (TextColumn("ingesting"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.fields[rate]}"),
                   TextColumn("errors: {task.fields[errors]}"), TimeElapsedColumn())  # fmt: skip
        with Progress(*columns, console=errors) as bar:
            task = bar.add_task("ingest", total=len(files), rate="", errors=len(missing))

            def show(state: IngestSummary) -> None:
                done = state.processed - len(missing)
                rate = done / max(time.monotonic() - started, 1e-6)
                bar.update(task, completed=done, rate=f"{rate:.1f} files/s", errors=len(state.failed))

            ingest_files(
                files, graph, nlp, meta, max_bytes=settings.max_file_bytes, batch_size=batch_size,
                processes=processes, quarantine=settings.quarantine_file, limits=read_limits(settings),
                progress=show, summary=summary, resolution=(settings.resolve_merge_at, settings.resolve_review_at),
                checkpoint=abort_after(settings.fault_at) if settings.fault_at else None,
            )  # fmt: skip
    for failure in summary.failed[len(missing) :]:
        errors.print(f"failed {failure.path}: {failure.reason}", markup=False, highlight=False)
    console.print(
        f"{summary.loaded} loaded, {summary.replaced} replaced, {summary.unchanged} unchanged (skipped), "
        f"{len(summary.failed)} failed; {summary.nodes_created} nodes and "
        f"{summary.relationships_created} relationships created; {summary.merged} persons merged, "
        f"{summary.proposed} pairs proposed for review"
    )
    if summary.failed:
        raise typer.Exit(1)


def extract_command(
    file: Path = typer.Argument(..., help="one report file"),
    output: OutputFormat = typer.Option(OutputFormat.json, "--format", help="json (the contract shape) or table"),
) -> None:
    """Print what extraction finds in one report, as the contract's JSON (nothing is written)."""
    settings = get_settings()
    doc = read_document(file, max_bytes=settings.max_file_bytes, limits=read_limits(settings))
    result = extract(doc, build_pipeline(settings.spacy_model))
    if output is OutputFormat.json:
        typer.echo(json.dumps(result.model_dump(mode="json"), indent=2, ensure_ascii=False))
    else:
        console.print(_extraction_table(result))


def eval_extract(
    folder: Path = typer.Argument(..., help="a corpus folder of reports with NAME.gold.json annotations"),
    output: OutputFormat = typer.Option(OutputFormat.table, "--format", help="table or json"),
    texts: Path | None = typer.Option(
        None, "--texts", help="folder holding the reports when they live apart from the gold files (NAME.txt, ...)"
    ),
) -> None:
    """Score extraction against gold annotations: precision, recall and F1 per field."""
    settings = get_settings()
    pairs = gold_pairs(folder, texts)
    golds = len(list(folder.glob("*.gold.json")))
    if texts is not None and golds and not pairs:
        errors.print(f"skipped: none of the {golds} gold files in {folder} has its report in {texts}")
        return
    if not pairs:
        raise InvalidInput(f"{folder}: no reports with .gold.json annotations found")
    if texts is not None and len(pairs) < golds:
        errors.print(f"not scored: {golds - len(pairs)} of {golds} gold files in {folder} have no report in {texts}")
    nlp = build_pipeline(settings.spacy_model)
    report = EvaluationReport()
    for path, gold_path in pairs:
        predicted = extract(read_document(path, max_bytes=settings.max_file_bytes, limits=read_limits(settings)), nlp)
        report.add(predicted, Extraction.model_validate_json(gold_path.read_text(encoding="utf-8")))
    rows = {**report.fields, "overall (micro)": report.overall}
    if output is OutputFormat.json:
        data = {name: {"precision": s.precision, "recall": s.recall, "f1": s.f1, "tp": s.true_positives,
                       "fp": s.false_positives, "fn": s.false_negatives} for name, s in rows.items()}  # fmt: skip
        typer.echo(json.dumps({"documents": report.documents, "fields": data}, indent=2))
        return
    table = Table(title=f"extraction vs gold: {folder} ({report.documents} documents)")
    for column in ("field", "precision", "recall", "F1", "tp", "fp", "fn"):
        table.add_column(column, justify="left" if column == "field" else "right")
    for name, s in rows.items():
        table.add_row(name, f"{s.precision:.2f}", f"{s.recall:.2f}", f"{s.f1:.2f}", str(s.true_positives),
                      str(s.false_positives), str(s.false_negatives))  # fmt: skip
    console.print(table)


def _extraction_table(result: Extraction) -> Table:
    table = Table(title=f"report {result.document.id}")
    table.add_column("field")
    table.add_column("values")
    table.add_row("persons", "; ".join(f"{p.name} ({', '.join(p.roles)})" for p in result.persons))
    table.add_row("organisations", "; ".join(f"{o.name} [{o.kind}]" for o in result.organisations))
    table.add_row("countries", "; ".join(f"{c.code}: {', '.join(c.roles)}" for c in result.countries))
    table.add_row("routes", "; ".join(" -> ".join(s.place or s.country or "?" for s in r.stops) for r in result.routes))
    table.add_row("fraud techniques", ", ".join(t.code for t in result.fraud_techniques))
    table.add_row("documents", "; ".join(f"{d.type} {d.status} {d.issuing_country or ''}" for d in result.documents))
    table.add_row("modus operandi", ", ".join(m.code for m in result.modus_operandi))
    table.add_row("identifiers", "; ".join(f"{i.kind}: {i.value}" for i in result.identifiers))
    table.add_row("numbers", ", ".join(f"{k}={v}" for k, v in result.numbers.model_dump().items() if v is not None))
    return table
