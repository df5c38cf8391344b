"""An ILO's answers on a linked incident's matches: this mention is (or is not) that known person or
organisation. They are checked against the matches before anything is written, then recorded with the
commit: "different" before resolution, so it never merges the two; "same" after it, as a reviewer's
"same" is recorded (a judgement for the ILO's agency, or a merge for the local operator)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from graph.db import Graph
from graph.errors import Conflict, InvalidInput
from graph.visibility import Scope, scope_for
from ingest.resolve import review


class Judgement(BaseModel):
    model_config = ConfigDict(extra="forbid")
    mention: str = Field(max_length=300, description="a person or organisation as the incident names it")
    candidate: str = Field(max_length=200, description="the uid of one of that mention's known candidates")
    same: bool = Field(description="true: the mention is this known entity; false: it is someone else")


def check(judgements: list[Judgement], offered: dict[tuple[str, str], str]) -> None:
    """Every judgement must answer a person or organisation candidate the matches offered."""
    for j in judgements:
        if (j.mention, j.candidate) not in offered:
            raise InvalidInput(f"judgement on {j.mention!r} and {j.candidate!r}: not a person or organisation "
                               "candidate this incident was matched with")  # fmt: skip


def record_different(graph: Graph, judgements: list[Judgement], offered: dict[tuple[str, str], str], by: str) -> int:
    """Before resolution: each "different" becomes a rejection that resolution respects."""
    done = 0
    for j in (j for j in judgements if not j.same):
        mine, theirs = _ends(graph, j, offered)
        if mine != theirs:
            reasons = ["judged different when linking an incident"]
            graph.write("resolution/create_rejection", {"a": mine, "b": theirs, "by": by, "reasons": reasons})
            done += 1
    return done


def record_same(graph: Graph, scope: Scope, judgements: list[Judgement], offered: dict[tuple[str, str], str],
                by: str) -> int:  # fmt: skip
    """After resolution: each "same" that resolution did not already make one is recorded as a
    reviewer's "same" (ingest/resolve/review.confirm), in the caller's scopes as they are now that the
    incident is in (a first restricted report of an agency adds its scope)."""
    scope = scope_for(graph, scope.viewer, scope.since, scope.until)
    done = 0
    for j in (j for j in judgements if j.same):
        mine, theirs = _ends(graph, j, offered)
        if mine == theirs:
            continue
        try:
            review.confirm(graph, theirs, mine, by, judged_for=scope if scope.viewer.agency else None)
        except Conflict:
            continue  # already judged the same for this agency
        done += 1
    return done


def _ends(graph: Graph, j: Judgement, offered: dict[tuple[str, str], str]) -> tuple[str, str]:
    """The incident's entity and the candidate as they stand now (either may have been merged)."""
    return _current(graph, offered[(j.mention, j.candidate)]), _current(graph, j.candidate)


def _current(graph: Graph, uid: str) -> str:
    rows = graph.read("resolution/get_canonical", {"uid": uid})
    return str(rows[0]["uid"]) if rows else uid
