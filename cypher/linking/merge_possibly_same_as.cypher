// purpose: record that a newly ingested person (or organisation) may be a known one: a POSSIBLY_SAME_AS
//          proposal with the comparator's score and reasons, who proposed it and when, for review. It is
//          a judgement, not a fact: no investigation walks it, and it is shown only to callers who may
//          see every release scope of the statements it was weighed on (`requires`).
// params: $rows: list of {src, dst, score, reasons}, $report_id, $by
// returns: one row: merged
UNWIND $rows AS row
MATCH (a:Entity {uid: row.src}), (b:Entity {uid: row.dst})
WHERE a <> b
MERGE (a)-[s:POSSIBLY_SAME_AS]->(b)
SET s.score = row.score, s.reasons = row.reasons, s.by = $by, s.at = datetime(), s.status = 'proposed',
    s.requires = reduce(acc = [], x IN coalesce(a.scopes, []) + coalesce(b.scopes, []) |
                        CASE WHEN x IN acc THEN acc ELSE acc + x END),
    s.proposed_in = CASE WHEN $report_id IN coalesce(s.proposed_in, []) THEN s.proposed_in
                         ELSE coalesce(s.proposed_in, []) + $report_id END
RETURN count(s) AS merged
