"""Who a report comes from and who may see it: what the ingesting user states wins over what a JSON
incident record says of itself, and a disagreement is one line naming the file and the field."""

from __future__ import annotations

from ingest.document import SourceDocument
from ingest.load import ReportMeta, meta_for


def _record(**fields: object) -> SourceDocument:
    return SourceDocument(source="in/incident.json", text="An incident.", media_type="application/json",
                          metadata={"incident": fields})  # fmt: skip


def test_a_record_fills_what_the_user_did_not_state() -> None:
    meta, conflicts = meta_for(_record(reporting_agency="GR-HP", releasability="originator"), ReportMeta())
    assert (meta.originator_agency, meta.releasability, conflicts) == ("GR-HP", "originator", [])


def test_what_the_user_states_wins_and_the_conflict_is_one_line_each() -> None:
    stated = ReportMeta(originator_agency="BG-BPOL", releasability="network",
                        stated=frozenset({"originator_agency", "releasability"}))  # fmt: skip
    meta, conflicts = meta_for(_record(reporting_agency="Bulgarian Border Police", releasability="originator"), stated)
    assert (meta.originator_agency, meta.releasability) == ("BG-BPOL", "network")
    assert len(conflicts) == 2 and all(line.startswith("in/incident.json: the record's ") for line in conflicts)
    assert "'Bulgarian Border Police' is ignored" in conflicts[0]


def test_an_agreeing_record_or_a_plain_document_raises_nothing() -> None:
    stated = ReportMeta(originator_agency="GR-HP", stated=frozenset({"originator_agency"}))
    assert meta_for(_record(reporting_agency="GR-HP"), stated) == (stated, [])
    plain = SourceDocument(source="a.txt", text="Text.", media_type="text/plain")
    assert meta_for(plain, stated) == (stated, [])
