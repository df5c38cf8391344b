"""Batch comparison of name pairs from CSV (`name1,name2,kind`) to CSV with score, decision and reasons."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from graph.errors import InvalidInput
from ingest.resolve.compare import compare_names

INPUT_HEADER = ("name1", "name2", "kind")
OUTPUT_HEADER = ("name1", "name2", "kind", "score", "decision", "reasons")


def read_pairs(path: Path) -> Iterator[tuple[str, str, str]]:
    """Rows of a `name1,name2,kind` CSV; raises InvalidInput naming the file and line of the first bad row."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise InvalidInput(f"{path}: cannot read ({exc.__class__.__name__})") from exc
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader, None)
        if header is None or tuple(h.strip().lower() for h in header[:3]) != INPUT_HEADER:
            raise InvalidInput(f"{path}:1: expected the header name1,name2,kind")
        for row in reader:
            if not any(cell.strip() for cell in row):
                continue
            if len(row) not in (2, 3) or not row[0].strip() or not row[1].strip():
                raise InvalidInput(f"{path}:{reader.line_num}: expected name1,name2[,kind], got {len(row)} field(s)")
            yield row[0], row[1], row[2] if len(row) == 3 else ""
    except csv.Error as exc:
        raise InvalidInput(f"{path}:{reader.line_num}: malformed CSV ({exc})") from exc


def compare_file(path: Path, out: TextIO) -> int:
    """Compare every pair of the CSV at `path`, writing result rows to `out` in input order; returns the count."""
    rows = list(read_pairs(path))
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(OUTPUT_HEADER)
    for name1, name2, kind in rows:
        result = compare_names(name1, name2, kind or "person")
        writer.writerow([name1, name2, kind, f"{result.score:.3f}", result.decision, "; ".join(result.reasons)])
    return len(rows)
