// purpose: record that a newly ingested person (or organisation) may be a known one: a POSSIBLY_SAME_AS
//          proposal with the comparator's score and reasons, who proposed it and when, for review. It is
//          a judgement, not a fact: no investigation walks it. It was weighed in one view of the graph
//          (the release scopes `$requires`), is kept apart from the same pair's proposals in other views,
//          and is shown only to callers who may see every one of those scopes.
// params: $rows: list of {src, dst, score, reasons, suggested}, $report_id, $by, $requires (list of scope keys)
// returns: one row: merged
UNWIND $rows AS row
MATCH (a:Entity {uid: row.src}), (b:Entity {uid: row.dst})
WHERE a <> b
MERGE (a)-[s:POSSIBLY_SAME_AS {view: reduce(v = '', x IN $requires | v + x + ' ')}]->(b)
SET s.score = row.score, s.reasons = row.reasons, s.suggested = row.suggested, s.by = $by, s.at = datetime(),
    s.status = 'proposed', s.requires = $requires,
    s.proposed_in = CASE WHEN $report_id IN coalesce(s.proposed_in, []) THEN s.proposed_in
                         ELSE coalesce(s.proposed_in, []) + $report_id END
RETURN count(s) AS merged
