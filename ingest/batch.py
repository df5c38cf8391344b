"""Ingesting many files: collect -> read -> extract (nlp.pipe, batched) -> load (a group of reports per
transaction) -> resolve (report by report, in order).

A file that fails at any stage (read, extract, load or resolve) gets one line (path and reason) in
the summary and the quarantine list (path, stage, reason, time; never its text), and the batch goes
on; only a database that is gone stops it. Reports are loaded `load_group` at a time, each group in
one transaction (a group that fails is loaded again report by report), so an interrupted run leaves
whole reports only. A loaded report stays `resolved: false` until its resolution commits (one transaction
that also records it), so a re-run skips unchanged reports but resolves one whose resolution failed or
was cut short. Groups are
cut from the files in order, whatever each file's fate, so a re-run groups them as the first run did.
"""

from __future__ import annotations

import functools
import json
import logging
import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

from spacy.language import Language

from graph.db import Graph
from graph.errors import ReaderError, SmuggleGraphError, Unavailable
from ingest.document import SourceDocument
from ingest.extract import extract, extract_many
from ingest.extraction import Extraction
from ingest.load import Loadable, Loaded, LoadResult, ReportMeta, load_reports, meta_for
from ingest.readers import SUPPORTED_SUFFIXES, ReadLimits, read_document
from ingest.resolve.resolver import resolve_report

log = logging.getLogger(__name__)

GOLD_SUFFIX = ".gold.json"
LOAD_GROUP = 16  # reports per load transaction


@dataclass(frozen=True)
class Failure:
    path: str
    reason: str
    stage: str = "read"


@dataclass
class IngestSummary:
    loaded: int = 0
    replaced: int = 0
    unchanged: int = 0
    failed: list[Failure] = field(default_factory=list)
    nodes_created: int = 0
    relationships_created: int = 0
    merged: int = 0
    proposed: int = 0

    def count(self, result: LoadResult) -> None:
        """Count one loaded report by what loading it did."""
        match result.status:
            case "loaded":
                self.loaded += 1
            case "replaced":
                self.replaced += 1
            case "unchanged":
                self.unchanged += 1

    def created(self, loaded: Loaded) -> None:
        """Count what a group's load created."""
        self.nodes_created += loaded.nodes_created
        self.relationships_created += loaded.relationships_created

    @property
    def processed(self) -> int:
        """Files done with; a file whose resolution failed was loaded, and is counted once."""
        return self.loaded + self.replaced + self.unchanged + sum(f.stage != "resolve" for f in self.failed)


Progress = Callable[[IngestSummary], None]
Stage = Literal["read", "extract", "load", "resolve"]
Checkpoint = Callable[[Stage, SourceDocument], None]
"""Called as each file passes a stage boundary; fault injection (`abort_after`) hooks in here."""
KILLED = 137  # what a shell reports for a process killed by SIGKILL


def abort_after(fault: str) -> Checkpoint:
    """A checkpoint that ends the process at once, as a kill would (no clean-up, no flush), right after
    the Nth file passes the stage: `fault` is "STAGE:N"."""
    stage, _, nth = fault.partition(":")
    passed = Counter[str]()

    def checkpoint(at: Stage, _: SourceDocument) -> None:
        passed[at] += 1
        if at == stage and passed[at] == int(nth):
            os._exit(KILLED)

    return checkpoint


def collect_files(paths: Iterable[Path]) -> tuple[list[Path], list[Failure]]:
    """Files to ingest (directories walked recursively, gold annotations left out) and bad paths."""
    files: list[Path] = []
    missing: list[Failure] = []
    for path in paths:
        if path.is_dir():
            files.extend(
                p for p in sorted(path.rglob("*"))
                if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES and not p.name.endswith(GOLD_SUFFIX)
            )  # fmt: skip
        elif path.is_file():
            files.append(path)
        else:
            missing.append(Failure(str(path), "no such file or directory"))
    return files, missing


def ingest_files(files: list[Path], graph: Graph, nlp: Language, meta: ReportMeta, *, max_bytes: int,
                 quarantine: Path | None = None, batch_size: int = 16, load_group: int = LOAD_GROUP, processes: int = 1,
                 resolution: tuple[float, float] | None = None, progress: Progress | None = None,
                 summary: IngestSummary | None = None, limits: ReadLimits | None = None,
                 checkpoint: Checkpoint | None = None) -> IngestSummary:  # fmt: skip
    """Ingest files into the graph and say what happened to each.

    With `resolution` = (merge_at, review_at), the persons of each loaded report are resolved
    against everyone known right after it lands.
    """
    summary = summary or IngestSummary()
    in_flight: dict[str, SourceDocument] = {}  # by source: handed to spaCy, not landed yet (redone if a batch fails)
    fail = functools.partial(_fail, summary, quarantine=quarantine, progress=progress)
    passed = checkpoint or (lambda _stage, _doc: None)

    def readable() -> Iterator[SourceDocument]:
        for path in files:
            try:
                doc = read_document(path, max_bytes=max_bytes, limits=limits)
            except ReaderError as exc:
                fail(Failure(exc.path, exc.reason))
                continue
            except Exception as exc:  # a reader failing in a way nobody foresaw is still one bad file
                fail(Failure(str(path), _why(exc)))
                continue
            passed("read", doc)
            in_flight[doc.source] = doc
            yield doc

    group: list[Loadable] = []

    def land(doc: SourceDocument, extraction: Extraction) -> None:
        in_flight.pop(doc.source, None)
        passed("extract", doc)
        try:
            report_meta, conflicts = meta_for(doc, meta)
        except Exception as exc:
            return fail(Failure(doc.source, _why(exc), "load"))
        for conflict in conflicts:
            log.warning(conflict)
        group.append(Loadable(doc, extraction, report_meta))
        if len(group) >= load_group:
            flush()

    def flush() -> None:
        items = group[:]
        group.clear()
        if not items:
            return
        try:
            loaded = load_reports(graph, items)
        except Exception as exc:  # the database is gone (re-raised) or the lookup failed: the group fails
            _unless_gone(exc)
            loaded = Loaded([exc] * len(items))
        summary.created(loaded)
        for item, outcome in zip(items, loaded.results, strict=True):
            if isinstance(outcome, Exception):  # never Unavailable: load_reports raises that
                fail(Failure(item.doc.source, _why(outcome), "load"))
                continue
            passed("load", item.doc)
            summary.count(outcome)
            if resolution is not None and (outcome.status != "unchanged" or not outcome.resolved):
                _resolve(graph, item.doc, outcome, resolution, summary, fail, passed)
            if progress:
                progress(summary)

    docs = readable()
    while True:  # a failure inside a spaCy batch ends the stream: its documents are redone one by one
        try:
            for doc, extraction in extract_many(docs, nlp, batch_size=batch_size, n_process=processes):
                land(doc, extraction)
            flush()
            return summary
        except Exception as exc:
            _unless_gone(exc)
            for doc in list(in_flight.values()):
                in_flight.pop(doc.source)
                try:
                    single = extract(doc, nlp)
                except Exception as err:
                    fail(Failure(doc.source, _why(err), "extract"))
                    continue
                land(doc, single)


def _resolve(graph: Graph, doc: SourceDocument, result: LoadResult, thresholds: tuple[float, float],
             summary: IngestSummary, fail: Callable[[Failure], None], passed: Checkpoint) -> None:  # fmt: skip
    try:
        resolved = resolve_report(graph, result.report_id, *thresholds)
        passed("resolve", doc)
    except Exception as exc:
        _unless_gone(exc)
        return fail(Failure(doc.source, f"{_why(exc)}; loaded, resolution is retried on the next run", "resolve"))
    summary.merged += resolved.merged
    summary.proposed += resolved.proposed


def _unless_gone(exc: Exception) -> None:
    """Re-raise when the database is gone: every later file would fail too; a re-run resumes."""
    if isinstance(exc, Unavailable):
        raise exc


def _why(exc: Exception) -> str:
    """One line for a failure: the project's own message, or the kind of error (never report text)."""
    if isinstance(exc, SmuggleGraphError):
        return exc.message
    code = getattr(exc, "code", None)
    return f"{type(exc).__name__}{f' {code}' if code else ''}"


def quarantine_failures(failures: Iterable[Failure], quarantine: Path | None) -> None:
    """Add failures to the quarantine list (path, stage, reason, time)."""
    if quarantine is None:
        return
    quarantine.parent.mkdir(parents=True, exist_ok=True)
    with quarantine.open("a", encoding="utf-8") as handle:
        for failure in failures:
            record = {"path": failure.path, "stage": failure.stage, "reason": failure.reason,
                      "at": datetime.now(UTC).isoformat()}  # fmt: skip
            handle.write(json.dumps(record) + "\n")


def _fail(summary: IngestSummary, failure: Failure, quarantine: Path | None, progress: Progress | None) -> None:
    summary.failed.append(failure)
    quarantine_failures([failure], quarantine)
    if progress:
        progress(summary)
