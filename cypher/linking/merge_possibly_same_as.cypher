// purpose: record that a newly ingested person (or organisation) may be a known one: a POSSIBLY_SAME_AS relationship
//          with the comparator's score and reasons, who proposed it and when, for review.
// params: $rows: list of {src, dst, score, reasons}, $report_id, $by
// returns: one row: merged
UNWIND $rows AS row
MATCH (a:Entity {uid: row.src}), (b:Entity {uid: row.dst})
WHERE a <> b
MERGE (a)-[s:POSSIBLY_SAME_AS]->(b)
SET s.score = row.score, s.reasons = row.reasons, s.by = $by, s.at = datetime(), s.status = 'proposed',
    s.report_ids = CASE WHEN $report_id IN coalesce(s.report_ids, []) THEN s.report_ids
                        ELSE coalesce(s.report_ids, []) + $report_id END
RETURN count(s) AS merged
