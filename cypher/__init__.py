"""The project's Cypher, one query per .cypher file, loaded by name.

Names are paths below this folder without the suffix: load_query("schema/create_fulltext_index")
reads cypher/schema/create_fulltext_index.cypher. Every file starts with a header comment
(purpose, // params:, // returns:) and takes values only through $parameters.

Originator control is written once, here, as macros that queries use on a variable (expanded when
a file is loaded, so EXPLAIN checks the expansion): VISIBLE(x) is true when a statement of node or
relationship x is in the caller's `$scopes` and time window (`$since`, `$until`); SEEN(x) lists those
statements' report ids; SAID(r) gives [date, what it says, report id] of a relationship's visible statements;
MENTIONED(m) checks one MENTIONS edge; NET(x) is true when the whole network sees x;
NODE(x) and EDGE(r) are the maps answers are built from,
holding nothing but visible statements (and, for reference nodes, their reference data).
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

from graph.errors import InvalidInput

_NAME = re.compile(r"^[a-z_]+(/[a-z0-9_\-]+)+$")
_MACRO = re.compile(r"\b(NODE|EDGE|SEEN|SAID|VISIBLE|MENTIONED|NET)\((\w+)\)")
_IN_WINDOW = (
    "{x}.scopes[sg_i] IN $scopes AND ($since IS NULL OR {x}.dates[sg_i] >= $since)"
    " AND ($until IS NULL OR ({x}.dates[sg_i] <> '' AND {x}.dates[sg_i] <= $until))"
)
_EACH = "sg_i IN range(0, size(coalesce({x}.scopes, [])) - 1) WHERE " + _IN_WINDOW
_NO_WINDOW = "$since IS NULL AND $until IS NULL"
_SUMMARISED = _NO_WINDOW + " AND {x}.seen_scope IS NOT NULL"
_VISIBLE_SUMMARY = "[sg_j IN range(0, size({x}.{list}) - 1) WHERE {x}.{list}[sg_j] IN $scopes | {value}]"
_EXACT_NODE = (
    "{x} {{.uid, labels: labels({x}), reference: CASE WHEN {x}:Reference THEN properties({x}) END,"
    " report_ids: SEEN({x}), seen: null, contributions: [(sg_r:Report)-[sg_m:MENTIONS]->({x}) WHERE MENTIONED(sg_m)"
    " | [sg_m.date, sg_m.contribution, sg_r.uid]]}}"
)
_SUMMARY_NODE = (
    "{x} {{.uid, labels: labels({x}), reference: CASE WHEN {x}:Reference THEN properties({x}) END,"
    " report_ids: "
    + _VISIBLE_SUMMARY.format(x="{x}", list="recent_scope", value="split({x}.recent_key[sg_j], '|')[1]")
    + ", seen: "
    + _VISIBLE_SUMMARY.format(
        x="{x}", list="seen_scope", value="[{x}.seen_count[sg_j], {x}.seen_first[sg_j], {x}.seen_last[sg_j]]"
    )
    + ", contributions: "
    + _VISIBLE_SUMMARY.format(
        x="{x}",
        list="sum_scope",
        value=(
            "[replace(split({x}.sum_key[sg_j], '|')[0], '~', ''), {x}.sum_text[sg_j], split({x}.sum_key[sg_j], '|')[1]]"
        ),
    )
    + "}}"
)
_MACROS = {
    "VISIBLE": (
        "CASE WHEN " + _NO_WINDOW + " THEN any(sg_s IN coalesce({x}.seen_scope, {x}.scopes, []) WHERE sg_s IN $scopes)"
        " ELSE any(" + _EACH + ") END"
    ),
    "SEEN": "[" + _EACH + " | {x}.report_ids[sg_i]]",
    "SAID": "[" + _EACH + " | [{x}.dates[sg_i], {x}.said[sg_i], {x}.report_ids[sg_i]]]",
    "MENTIONED": (
        "({x}.scope IN $scopes AND ($since IS NULL OR {x}.date >= $since)"
        " AND ($until IS NULL OR ({x}.date <> '' AND {x}.date <= $until)))"
    ),
    "NET": "('net' IN coalesce({x}.seen_scope, {x}.scopes, []))",
    "NODE": "CASE WHEN " + _SUMMARISED + " THEN " + _SUMMARY_NODE + " ELSE " + _EXACT_NODE + " END",
    "EDGE": (
        "{{source: startNode({x}).uid, target: endNode({x}).uid, type: type({x}), report_ids: SEEN({x}),"
        " said: SAID({x})}}"
    ),
}


def expand_macros(text: str) -> str:
    """The query with its visibility macros written out (nested ones too)."""
    while True:
        expanded = _MACRO.sub(lambda m: _MACROS[m.group(1)].format(x=m.group(2)), text)
        if expanded == text:
            return text
        text = expanded


@cache
def load_query(name: str) -> str:
    """The text of one query file; a clear error for an unknown or malformed name."""
    if not _NAME.match(name):
        raise InvalidInput(f"query name {name!r} is not of the form area/verb_object")
    resource = resources.files("cypher").joinpath(f"{name}.cypher")
    if not resource.is_file():
        raise InvalidInput(f"no query named {name!r} (no file cypher/{name}.cypher)")
    return expand_macros(resource.read_text(encoding="utf-8"))


def all_query_names() -> list[str]:
    """Every query file below cypher/, as names load_query accepts."""
    root = resources.files("cypher")
    names: list[str] = []
    for area in sorted(root.iterdir(), key=lambda p: p.name):
        if area.is_dir() and not area.name.startswith("_"):
            names.extend(
                f"{area.name}/{entry.name.removesuffix('.cypher')}"
                for entry in sorted(area.iterdir(), key=lambda p: p.name)
                if entry.name.endswith(".cypher")
            )
    return names
