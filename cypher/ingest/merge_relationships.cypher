// purpose: merge a batch of fact relationships of any type between report-derived nodes (or from
//          them to reference nodes such as Country), adding this report to their provenance.
//          Types come from the loader's fixed list (ingest/load_rows.py), never from input text.
// params: $report_id, $seen (report date or null),
//         $rows: list of {src, dst, type, props: map, lists: map of lists, evidence: list of
//         "<report id>:<start>-<end>", confidence, contribution: "<report id>|<JSON of what it says>"}
// returns: one row: merged
UNWIND $rows AS row
MATCH (a:Entity {uid: row.src})
OPTIONAL MATCH (e:Entity {uid: row.dst})
OPTIONAL MATCH (ref:Reference {uid: row.dst})
WITH a, row, coalesce(e, ref) AS b
WHERE b IS NOT NULL
MERGE (a)-[r:$(row.type)]->(b)
ON CREATE SET r.report_ids = [], r.evidence = [], r.confidence = row.confidence
SET r += row.props
FOREACH (key IN keys(row.lists) |
  SET r[key] = coalesce(r[key], []) + [x IN row.lists[key] WHERE NOT x IN coalesce(r[key], [])])
SET r.report_ids = CASE WHEN $report_id IN r.report_ids THEN r.report_ids ELSE r.report_ids + $report_id END,
    r.evidence = r.evidence + [x IN row.evidence WHERE NOT x IN r.evidence],
    r.contributions = [c IN coalesce(r.contributions, []) WHERE NOT c STARTS WITH $report_id + '|'] + row.contribution,
    r.confidence = CASE WHEN row.confidence > r.confidence THEN row.confidence ELSE r.confidence END,
    r.first_seen = CASE WHEN r.first_seen IS NULL OR $seen < r.first_seen THEN $seen ELSE r.first_seen END,
    r.last_seen = CASE WHEN r.last_seen IS NULL OR $seen > r.last_seen THEN $seen ELSE r.last_seen END
RETURN count(r) AS merged
