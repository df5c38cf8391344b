"""Two `smugglegraph ingest` commands at once, on different folders, into one graph, give the graph that
one after the other gives: the same nodes, every mention in the same node, the same merges and proposals,
nothing left unresolved. Resolutions take turns through the resolution lock: a resolution waits while
another holds it, and weighs against what that one committed."""

from __future__ import annotations

import subprocess
import threading
import time
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from cypher import load_query
from graph.db import Graph
from graph.settings import Settings
from ingest.resolve.resolver import resolve_report
from tests.conftest import REPO_ROOT
from tests.ingest.test_cli import SCRIPT, _env, _run

DEV = REPO_ROOT / "tests" / "corpus" / "dev"
FOLDERS = {  # three smugglers, each spelled two or three ways across the two folders, two sharing a phone
    "a": [
        "On 3 March 2026 police in Edirne arrested Hasan Baba, a Turkish national, with 7 Afghan migrants in a "
        "van. He used the phone +90 532 111 22 33.",
        "On 14 March 2026 Greek police at Kipi stopped Ahmad Karimi, an Afghan national, who drove 9 migrants. "
        "His phone was +30 694 555 12 34.",
        "On 12 March 2026 Bulgarian police stopped Hasan Babba at Svilengrad with 5 Syrian migrants.",
    ],
    "b": [
        "On 9 March 2026 the driver Hassan Baba, a Turkish national, called +90 532 111 22 33 from Kapitan Andreevo.",
        "On 20 March 2026 the smuggler Ahmed Karimi, an Afghan national, called +30 694 555 12 34 from Alexandroupoli.",
        "On 22 March 2026 Serbian police arrested Milos Jovanovic, a Serbian national, near Subotica with 11 "
        "Afghan migrants in a lorry.",
        "On 25 March 2026 the driver Miloš Jovanović was seen again at Horgos with 6 migrants.",
    ],
}


def _shape(graph: Graph) -> dict[str, Any]:
    """What must not depend on how two ingests interleave: which mentions each node holds, how many nodes of
    each label there are, the merges, the proposals between the same groups of mentions, what is unresolved."""
    query = graph.driver.execute_query
    held = query("MATCH (r:Report)-[m:MENTIONS]->(e:Entity) RETURN e.uid AS uid, collect(r.source + '#' + m.key) AS at")
    group = {row["uid"]: sorted(row["at"]) for row in held.records}
    proposals = query("MATCH (a)-[p:POSSIBLY_SAME_AS]->(b) RETURN a.uid AS a, b.uid AS b, p.score AS score")
    labels = query("MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS n")
    return {
        "groups": sorted(group.values()),
        "labels": {row["label"]: row["n"] for row in labels.records},
        "merges": query("MATCH (d:Decision {kind: 'merge'}) RETURN count(d) AS n").records[0]["n"],
        "proposals": Counter(
            (tuple(sorted([repr(group.get(r["a"])), repr(group.get(r["b"]))])), round(r["score"], 6))
            for r in proposals.records
        ),
        "unresolved": query("MATCH (r:Report) WHERE NOT r.resolved RETURN count(r) AS n").records[0]["n"],
    }


@pytest.fixture(scope="module")
def folders(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """The notes above and the dev corpus's plain-text reports, shared out between two folders."""
    root = tmp_path_factory.mktemp("concurrent")
    dev = sorted(DEV.glob("*.txt"))
    made = []
    for index, (name, notes) in enumerate(FOLDERS.items()):
        folder = root / name
        folder.mkdir()
        for number, note in enumerate(notes):
            (folder / f"note-{number}.txt").write_text(note, encoding="utf-8")
        for report in dev[index::2]:
            (folder / report.name).write_bytes(report.read_bytes())
        made.append(folder)
    return made


def _ingest_in_turn(settings: Settings, folders: list[Path]) -> None:
    for folder in folders:
        done = _run("ingest", str(folder), "--originator", "BG-BP", settings=settings)
        assert done.returncode == 0, done.stderr


@pytest.fixture(scope="module")
def one_after_the_other(neo4j_settings: Settings, session_graph: Graph, folders: list[Path]) -> dict[str, Any]:
    shapes = []
    for order in (folders, folders[::-1]):
        session_graph.write("graph/delete_all_facts")
        _ingest_in_turn(neo4j_settings, order)
        shapes.append(_shape(session_graph))
    assert shapes[0] == shapes[1], "the folders must resolve alike in either order, or 'the same' means nothing"
    assert shapes[0]["merges"] >= 2 and shapes[0]["unresolved"] == 0
    return shapes[0]


def test_two_ingests_at_once_give_the_graph_of_one_after_the_other(
    neo4j_settings: Settings, graph: Graph, folders: list[Path], one_after_the_other: dict[str, Any]
) -> None:
    commands = [[SCRIPT, "ingest", str(folder), "--originator", "BG-BP"] for folder in folders]
    running = [subprocess.Popen(c, env=_env(neo4j_settings), text=True, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE) for c in commands]  # fmt: skip
    for process in running:
        _, errors = process.communicate(timeout=300)
        assert process.returncode == 0, errors
    assert _shape(graph) == one_after_the_other


def test_a_resolution_waits_while_another_holds_the_lock(
    neo4j_settings: Settings, graph: Graph, folders: list[Path]
) -> None:
    ingested = _run("ingest", str(folders[0] / "note-0.txt"), "--originator", "BG-BP", settings=neo4j_settings)
    assert ingested.returncode == 0, ingested.stderr
    report = graph.driver.execute_query("MATCH (r:Report) RETURN r.uid AS uid").records[0]["uid"]
    with graph.driver.session(database=graph.database) as session, session.begin_transaction() as holding:
        holding.run(load_query("resolution/begin_report"), report_id="none").consume()  # takes the lock
        again = threading.Thread(target=resolve_report, args=(graph, report))  # resolving twice changes nothing
        again.start()
        blocked = _blocked_while_running(graph, again)
        holding.commit()
    again.join(timeout=120)
    assert not again.is_alive()
    assert blocked, "a resolution ran while another transaction held the resolution lock"


def _blocked_while_running(graph: Graph, worker: threading.Thread, patience_s: float = 60.0) -> bool:
    """Whether, before `worker` ends, a transaction of the server waits to take the resolution lock."""
    taking = load_query("resolution/begin_report")
    deadline = time.monotonic() + patience_s
    while worker.is_alive() and time.monotonic() < deadline:
        shown = graph.driver.execute_query("SHOW TRANSACTIONS YIELD status, currentQuery")
        if any(r["status"].startswith("Blocked") and r["currentQuery"] == taking for r in shown.records):
            return True
        time.sleep(0.05)
    return False
