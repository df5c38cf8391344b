"""A per-scope summary answers exactly what the visible statements it summarises would: the same merged
properties, report count, first and last date and newest reports, however the statements arrived."""

from __future__ import annotations

import json
import random

from hypothesis import given, settings
from hypothesis import strategies as st

from graph.investigations.base import merge_contributions, oldest_first
from graph.summaries import RECENT, Statement, Summary

SCOPES = ["net", "org:A", "rel:A:B"]
texts = st.builds(
    lambda props, aliases: json.dumps({"props": props, "lists": {"aliases": aliases}}),
    st.dictionaries(st.sampled_from(["name", "nationality", "birth_date"]), st.sampled_from(["x", "y", "z"]),
                    max_size=2),
    st.lists(st.sampled_from(["a1", "a2", "a3"]), max_size=2),
)  # fmt: skip
reports = st.lists(
    st.tuples(st.sampled_from(SCOPES), st.sampled_from(["", "2025-01-02", "2025-03-04", "2026-05-06"]),
              st.lists(st.one_of(texts, st.none()), min_size=1, max_size=2)),
    min_size=1, max_size=40,
)  # fmt: skip


def _statements(drawn: list[tuple[str, str, list[str | None]]]) -> list[Statement]:
    return [Statement(scope, day, f"r{n:03d}", text) for n, (scope, day, said) in enumerate(drawn) for text in said]


def _answer_from_summary(summary: Summary, visible: set[str]) -> tuple[object, ...]:
    props = summary.props()
    triples = [[key.split("|")[0].replace("~", ""), text, key.split("|")[1]]
               for scope, text, key in zip(props["sum_scope"], props["sum_text"], props["sum_key"], strict=True)
               if scope in visible]  # fmt: skip
    seen = [summary.seen[s] for s in summary.seen if s in visible]
    recent = sorted(k for s in summary.seen if s in visible for k in summary.seen[s].recent)[-RECENT:]
    firsts, lasts = [s.first for s in seen if s.first], [s.last for s in seen if s.last]
    return (merge_contributions(oldest_first(triples)), sum(s.count for s in seen), min(firsts, default=""),
            max(lasts, default=""), recent)  # fmt: skip


def _answer_from_statements(statements: list[Statement], visible: set[str]) -> tuple[object, ...]:
    shown = [s for s in statements if s.scope in visible]
    triples = [[s.date, s.text, s.report_id] for s in shown if s.text]
    days = {s.report_id: s.date for s in shown}
    dated = [d for d in days.values() if d]
    recent = sorted(f"{d}|{rid}" for rid, d in days.items())[-RECENT:]
    return merge_contributions(oldest_first(triples)), len(days), min(dated, default=""), max(dated, default=""), recent


@settings(max_examples=300, deadline=None)
@given(reports, st.sets(st.sampled_from(SCOPES)), st.randoms(use_true_random=False))
def test_a_summary_answers_as_its_visible_statements_do(drawn: list[tuple[str, str, list[str | None]]],
                                                       visible: set[str], rnd: random.Random) -> None:  # fmt: skip
    statements = _statements(drawn)
    shuffled = statements[:]
    rnd.shuffle(shuffled)
    summary = Summary.of(shuffled)
    assert _answer_from_summary(summary, visible) == _answer_from_statements(statements, visible)


@settings(max_examples=200, deadline=None)
@given(reports)
def test_adding_report_by_report_equals_summarising_all_and_survives_storage(
    drawn: list[tuple[str, str, list[str | None]]],
) -> None:
    statements = _statements(drawn)
    built = Summary()
    for rid in dict.fromkeys(s.report_id for s in statements):
        stored = Summary.from_props(built.props())  # as the loader reads it back from the node
        stored.add_report([s for s in statements if s.report_id == rid])
        built = stored
    assert built.props() == Summary.of(statements).props()


def test_a_hub_keeps_only_the_newest_reports_to_cite_but_counts_them_all() -> None:
    statements = [Statement("net", f"2025-01-{day:02d}", f"r{day:02d}", '{"props": {"name": "X"}}')
                  for day in range(1, 31)]  # fmt: skip
    summary = Summary.of(statements)
    props = summary.props()
    assert props["seen_count"] == [30]
    assert props["seen_first"] == ["2025-01-01"] and props["seen_last"] == ["2025-01-30"]
    assert props["recent_key"] == [f"2025-01-{day:02d}|r{day:02d}" for day in range(31 - RECENT, 31)]
    assert props["sum_text"] == ['{"props": {"name": "X"}}'] and props["sum_key"] == ["2025-01-01|r01"]
