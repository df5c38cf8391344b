"""Exact keys for report-derived nodes: the uid each mention merges into before entity resolution.

Two mentions share a node exactly when they share a key; resolution (issue 4) later links or
merges what exact keys keep apart. Keys are ASCII-folded, case-folded and punctuation-free so
that "AL-HASSAN, Mohammed" and "al hassan mohammed" at least meet on spacing and case.
"""

from __future__ import annotations

import hashlib

from graph.names import name_key


def _digest(*parts: str) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


def person_uid(name: str, birth_date: str | None = None) -> str:
    """Mentions of one folded name share a node only if they give the same birth date, or none: "Nguyen Van
    Hai, born 1978" and "Nguyen Van Hai, born 1988" are two people from the start."""
    if birth_date:
        return f"per-{_digest(name_key(name), birth_date)}"
    return f"per-{_digest(name_key(name))}"


def organisation_uid(name: str) -> str:
    return f"org-{_digest(name_key(name))}"


def place_uid(name: str, country: str | None) -> str:
    return f"plc-{_digest(name_key(name), country or '')}"


def identifier_uid(kind: str, value: str) -> str:
    return f"{kind}-{_digest(value)}"


def document_uid(doc_type: str, number: str | None, report_id: str, index: int) -> str:
    """Numbered documents are one node across reports; unnumbered ones belong to their report."""
    if number:
        return f"doc-{_digest(doc_type, number)}"
    return f"doc-{_digest(report_id, str(index))}"


def route_uid(stop_keys: list[str]) -> str:
    return f"rte-{_digest(*stop_keys)}"


def incident_uid(report_id: str) -> str:
    return f"inc-{report_id}"


def country_uid(code: str) -> str:
    return f"country:{code}"


def technique_uid(code: str) -> str:
    return f"technique:{code}"


def method_uid(code: str) -> str:
    return f"method:{code}"
