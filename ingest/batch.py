"""Ingesting many files: collect -> read -> extract (nlp.pipe, batched) -> load, one report at a time.

A file that cannot be read or loaded is recorded (path, reason, time; never its text) in the
quarantine list and the batch goes on. Every report is loaded in its own transaction, so an
interrupted run leaves whole reports only, and a re-run skips those already loaded unchanged.
"""

from __future__ import annotations

import json
import logging
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from spacy.language import Language

from graph.db import Graph
from graph.errors import ReaderError, SmuggleGraphError
from ingest.document import SourceDocument
from ingest.extract import extract_many
from ingest.load import ReportMeta, load_report, meta_for
from ingest.readers import SUPPORTED_SUFFIXES, read_document
from ingest.resolve.resolver import resolve_report

log = logging.getLogger(__name__)

GOLD_SUFFIX = ".gold.json"


@dataclass(frozen=True)
class Failure:
    path: str
    reason: str


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

    @property
    def processed(self) -> int:
        return self.loaded + self.replaced + self.unchanged + len(self.failed)


Progress = Callable[[IngestSummary], None]


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
                 quarantine: Path | None = None, batch_size: int = 16, processes: int = 1,
                 resolution: tuple[float, float] | None = None, progress: Progress | None = None,
                 summary: IngestSummary | None = None) -> IngestSummary:  # fmt: skip
    """Ingest files into the graph and say what happened to each.

    With `resolution` = (merge_at, review_at), the persons of each loaded report are resolved
    against everyone known right after it lands.
    """
    summary = summary or IngestSummary()

    pending: deque[SourceDocument] = deque()  # read, not yet extracted; extract_many keeps order

    def readable() -> Iterator[SourceDocument]:
        for path in files:
            try:
                doc = read_document(path, max_bytes=max_bytes)
            except ReaderError as exc:
                _fail(summary, Failure(exc.path, exc.reason), quarantine, progress)
                continue
            pending.append(doc)
            yield doc

    for extraction in extract_many(readable(), nlp, batch_size=batch_size, n_process=processes):
        doc = pending.popleft()
        try:
            report_meta, conflicts = meta_for(doc, meta)
            for conflict in conflicts:
                log.warning(conflict)
            result = load_report(graph, doc, extraction, report_meta)
        except SmuggleGraphError as exc:
            if exc.status_code == 503:
                raise  # the database is gone: stop here; what was loaded is whole and a re-run resumes
            _fail(summary, Failure(doc.source, exc.message), quarantine, progress)
            continue
        setattr(summary, result.status, getattr(summary, result.status) + 1)
        if resolution is not None and result.status != "unchanged":
            resolved = resolve_report(graph, doc.id, *resolution)
            summary.merged += resolved.merged
            summary.proposed += resolved.proposed
        summary.nodes_created += result.nodes_created
        summary.relationships_created += result.relationships_created
        if progress:
            progress(summary)
    return summary


def _fail(summary: IngestSummary, failure: Failure, quarantine: Path | None, progress: Progress | None) -> None:
    summary.failed.append(failure)
    if quarantine is not None:
        quarantine.parent.mkdir(parents=True, exist_ok=True)
        record = {"path": failure.path, "reason": failure.reason, "at": datetime.now(UTC).isoformat()}
        with quarantine.open("a", encoding="utf-8") as handle:
            handle.write(json.dumps(record) + "\n")
    if progress:
        progress(summary)
