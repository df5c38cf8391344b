"""Ingestion against the spaCy model it is built on, stage by stage, and against a naive loader, in one run.

    python -m bench.ingestion --copies 3                         # stages and the naive loader
    python -m bench.ingestion --copies 3 --processes 1 2         # end to end with 1 and 2 processes
    python -m bench.ingestion --growth 1000 2000 4000 8000       # time per report as the graph grows

The texts are the project's own dev, held-out and demo reports, `copies` times, each copy made a report
of its own (a line "Copy N." added). In one run, on throw-away Neo4j servers of this machine:

- **stages**: spaCy alone (`nlp.pipe`, 1 process, the better of two passes) and the project's extraction
  over the same texts, in words per second; then, on an empty graph, loading (`ingest.load.load_reports`,
  groups of 16) and resolution (`resolve_report`, report by report) of what was extracted, in ms per report; then the
  whole of `ingest_files` (read, extract, load, resolve: what `smugglegraph ingest DIR` runs) on another
  empty graph, as words per second and as a ratio to spaCy alone.
- **naive**: the same extractions loaded by `bench.naive_loader` (neomodel, object by object) and by the
  loader, each into an empty graph, after the same warm-up; the node and tie counts must be equal.
- **growth**: synthetic reports (`bench.graphs.synthetic`, skewed degrees) loaded and resolved into one
  graph in steps up to each size: ms per report of each step and the process's peak memory after it.
"""

from __future__ import annotations

import argparse
import resource
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from itertools import islice
from pathlib import Path

import spacy

from bench import naive_loader
from bench.extraction import CORPUS, MODEL
from bench.graphs.synthetic import reports as synthetic_reports
from bench.throwaway import throwaway_graph
from graph.db import Graph
from ingest.batch import LOAD_GROUP, collect_files, ingest_files
from ingest.document import SourceDocument, normalise_text
from ingest.extract import build_pipeline
from ingest.extract.pipeline import extract_many
from ingest.load import Loadable, ReportMeta, load_reports
from ingest.readers import read_document
from ingest.resolve.resolver import resolve_report

WARM = 8  # reports loaded before any timing: the server plans its queries on them
META = ReportMeta(originator_agency="BENCH")
COUNTS = ("MATCH (n) WHERE n:Entity OR n:Report RETURN count(n) AS n", "MATCH ()-[r]->() RETURN count(r) AS n")


def corpus(copies: int) -> list[SourceDocument]:
    """The corpus, each copy a distinct report (another text, so another content id, and another source)."""
    files, _ = collect_files(CORPUS)
    base = [read_document(f) for f in files]
    return [SourceDocument(source=f"{d.source}#copy{i}", text=normalise_text(f"{d.text}\n\nCopy {i}."),
                           media_type=d.media_type, title=d.title, date=d.date)
            for i in range(copies) for d in base]  # fmt: skip


def words(docs: Sequence[SourceDocument]) -> int:
    return sum(len(d.text.split()) for d in docs)


def timed(work: Callable[[], object]) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def groups(items: Sequence[Loadable], size: int = LOAD_GROUP) -> Iterator[Sequence[Loadable]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def load_and_resolve(graph: Graph, items: Sequence[Loadable]) -> tuple[float, float]:
    """Load in groups and resolve each report after its group, as `ingest_files` does; seconds of each."""
    loading = resolving = 0.0
    for group in groups(items):
        loading += timed(lambda group=group: load_reports(graph, group))
        resolving += timed(lambda group=group: [resolve_report(graph, item.doc.id) for item in group])
    return loading, resolving


def stages(docs: list[SourceDocument], processes: list[int]) -> list[Loadable]:
    total = words(docs)
    plain, ours = spacy.load(MODEL), build_pipeline(MODEL)
    alone = max(total / timed(lambda: [None for _ in plain.pipe(d.text for d in docs)]) for _ in range(2))  # best of 2
    pairs: list[tuple[SourceDocument, object]] = []
    extraction = total / timed(lambda: pairs.extend(extract_many(docs, ours)))
    items = [Loadable(doc, found, META) for doc, found in pairs]  # type: ignore[arg-type]
    with throwaway_graph() as graph:
        load_and_resolve(graph, items[:WARM])
        loading, resolving = load_and_resolve(graph, items[WARM:])
    measured = len(items) - WARM
    print(f"{len(docs)} documents, {total:,} words")
    print(f"spaCy alone ({MODEL}, 1 process): {alone:,.0f} words/s")
    print(f"extraction (extract_many): {extraction:,.0f} words/s, ratio {extraction / alone:.2f}")
    print(f"loading (groups of {LOAD_GROUP}): {1000 * loading / measured:.1f} ms/report")
    print(f"resolution: {1000 * resolving / measured:.1f} ms/report")
    with tempfile.TemporaryDirectory() as folder:
        files = write_texts(docs, Path(folder))
        for n in processes:
            with throwaway_graph() as graph:
                seconds = timed(lambda graph=graph, n=n: ingest_files(files, graph, ours, META, max_bytes=10**7,
                                                                      processes=n, resolution=(0.8, 0.5)))  # fmt: skip
            print(f"ingest_files end to end, {n} process(es): {total / seconds:,.0f} words/s, "
                  f"ratio {total / seconds / alone:.2f}, {1000 * seconds / len(files):.0f} ms/report")  # fmt: skip
    return items


def write_texts(docs: Sequence[SourceDocument], folder: Path) -> list[Path]:
    paths = []
    for number, doc in enumerate(docs):
        path = folder / f"{number:05d}.txt"
        path.write_text(doc.text, encoding="utf-8")
        paths.append(path)
    return paths


def naive(items: list[Loadable]) -> None:
    with throwaway_graph() as batched, throwaway_graph() as plain:
        naive_loader.connect(plain)
        load_reports(batched, items[:WARM])
        for item in items[:WARM]:
            naive_loader.load(item)
        rest = items[WARM:]
        ours = timed(lambda: [load_reports(batched, group) for group in groups(rest)])
        theirs = timed(lambda: [naive_loader.load(item) for item in rest])
        counts = [[g.driver.execute_query(q).records[0]["n"] for q in COUNTS] for g in (batched, plain)]
    if counts[0] != counts[1]:
        raise SystemExit(f"the loaders wrote different graphs: nodes and ties {counts[0]} against {counts[1]}")
    print(f"{len(rest)} reports, {counts[0][0]:,} nodes and {counts[0][1]:,} ties written by each")
    print(f"naive neomodel loader: {1000 * theirs / len(rest):.0f} ms/report")
    print(f"the loader: {1000 * ours / len(rest):.1f} ms/report; {theirs / ours:.1f} times faster")


def growth(sizes: list[int]) -> None:
    made = (Loadable(r.doc, r.extraction, r.meta) for r in synthetic_reports(10**9, seed=1))
    print("| reports | step | load ms/report | resolve ms/report | peak memory MB |")
    print("| ---: | ---: | ---: | ---: | ---: |")
    with throwaway_graph(heap="2g", pagecache="1g") as graph:
        load_and_resolve(graph, list(islice(made, WARM)))
        done = WARM
        for size in sorted(sizes):
            step = list(islice(made, size - done))
            loading, resolving = load_and_resolve(graph, step)
            done = size
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            print(f"| {size:,} | {len(step):,} | {1000 * loading / len(step):.1f} | "
                  f"{1000 * resolving / len(step):.1f} | {peak:.0f} |", flush=True)  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=3, help="times the corpus is repeated (default 3)")
    parser.add_argument("--processes", type=int, nargs="+", default=[1], help="end-to-end runs with these")
    parser.add_argument("--growth", type=int, nargs="*", default=[], metavar="REPORTS",
                        help="only the growth run, in steps up to these numbers of synthetic reports")  # fmt: skip
    parser.add_argument("--no-naive", action="store_true", help="leave out the naive loader (slow)")
    args = parser.parse_args()
    if args.growth:
        growth(args.growth)
        return
    items = stages(corpus(args.copies), args.processes)
    if not args.no_naive:
        naive(items)


if __name__ == "__main__":
    main()
