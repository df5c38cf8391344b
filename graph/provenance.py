"""Provenance to the sentence: which visible reports support a node or a relationship, what each says of
it, and the sentences (with the extracted words marked) that say it; and opening one visible report.

The report's normalised text is kept on its Report node at load time; every span of the extraction
contract is an offset into it. Only the sentences around the spans leave this module, except when a
reader opens the whole report (`open_report`, audited by the API). A hidden and an unknown report or
entity are both "not found".
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from pydantic import BaseModel, Field

from graph.db import Graph
from graph.errors import NotFound
from graph.investigations.base import HIDDEN_PROPERTIES, merge_contributions, plain
from graph.visibility import Scope

SENTENCE_END = re.compile(r"[.!?](?=[\s\"')\]]*(?:\s|$))|\n")
MOST_REPORTS = 50
MOST_SENTENCE = 600  # characters of context either side when a sentence runs on


class Sentence(BaseModel):
    text: str
    marks: list[tuple[int, int]] = Field(description="[start, end) of the extracted words, within text")
    start: int = Field(description="where the sentence starts in the report's text")


class Support(BaseModel):
    report: str
    title: str | None
    date: dt.date | None
    says: dict[str, Any] = Field(description="what this report says of it: properties and lists")
    sentences: list[Sentence]


class Evidence(BaseModel):
    supports: list[Support] = Field(description="the visible reports that support it, newest first")


class OpenedReport(BaseModel):
    id: str
    title: str | None
    date: dt.date | None
    originator_agency: str | None
    source: str | None
    text: str | None = Field(
        description="the report's normalised text (null for a report loaded before texts were kept)"
    )


def _spans(values: list[str]) -> list[tuple[int, int]]:
    found = []
    for value in values:
        start, _, end = value.partition("-")
        if start.isdigit() and end.isdigit() and int(start) < int(end):
            found.append((int(start), int(end)))
    return sorted(set(found))


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """[start, end) of the sentence that holds the span: from after the last sentence end before it to
    the first one after it (at most MOST_SENTENCE characters either way)."""
    low = max(0, start - MOST_SENTENCE)
    before = [m.end() for m in SENTENCE_END.finditer(text, low, start)]
    begin = before[-1] if before else low
    after = SENTENCE_END.search(text, end, min(len(text), end + MOST_SENTENCE))
    finish = after.end() if after else min(len(text), end + MOST_SENTENCE)
    while begin < start and text[begin].isspace():
        begin += 1
    return begin, finish


def sentences(text: str | None, spans: list[tuple[int, int]]) -> list[Sentence]:
    """The sentences that hold the spans, each once, in order, with the spans marked."""
    if not text:
        return []
    grouped: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for start, end in spans:
        if end <= len(text):
            grouped.setdefault(sentence_bounds(text, start, end), []).append((start, end))
    return [
        Sentence(text=text[b:e].rstrip(), start=b, marks=[(s - b, min(t, e) - b) for s, t in marks])
        for (b, e), marks in sorted(grouped.items())
    ]


def _supports(rows: list[dict[str, Any]]) -> Evidence:
    return Evidence(supports=[
        Support(report=row["report"], title=row["title"], date=plain(row["report_date"]),
                says={k: v for k, v in merge_contributions(row["said"]).items() if k not in HIDDEN_PROPERTIES},
                sentences=sentences(row["text"], _spans(row["spans"])))
        for row in rows
    ])  # fmt: skip


def node_evidence(graph: Graph, scope: Scope, uid: str) -> Evidence:
    """The visible reports that name an entity, what each says of it and where."""
    rows = graph.read("provenance/get_node_evidence", {**scope.params(), "uid": uid, "limit": MOST_REPORTS})
    if not rows:
        raise NotFound(f"no entity with id {uid!r}")
    return _supports(rows)


def edge_evidence(graph: Graph, scope: Scope, source: str, target: str, rel_type: str) -> Evidence:
    """The visible reports that state a relationship, what each says of it and where."""
    params = {**scope.params(), "source": source, "target": target, "type": rel_type, "limit": MOST_REPORTS}
    rows = graph.read("provenance/get_edge_evidence", params)
    if not rows:
        raise NotFound(f"no relationship {rel_type} from {source!r} to {target!r}")
    return _supports(rows)


def open_report(graph: Graph, scope: Scope, uid: str) -> OpenedReport:
    """One report the caller may see, with its text."""
    rows = graph.read("provenance/get_report", {"scopes": sorted(scope.scopes), "uid": uid})
    if not rows:
        raise NotFound(f"no report with id {uid!r}")
    row = rows[0]
    return OpenedReport(id=row["uid"], title=row["title"], date=plain(row["report_date"]),
                        originator_agency=row["originator_agency"], source=row["source"], text=row["text"])  # fmt: skip
