// purpose: merge a batch of fact relationships of any type between report-derived nodes (or from
//          them to reference nodes such as Country), adding this report's statement: `report_ids`,
//          `scopes`, `dates` and `said` (JSON of what the report says of the tie: properties, lists,
//          confidence), `src_keys` and `dst_keys` (the exact keys of the mentions it ties) are aligned
//          lists, one entry per statement; nothing is merged into a stored value. Keys merged into another
//          entity (an Alias) write to that entity. Types come from graph/vocabulary.py, never from input.
// params: $rows: list of {src, dst, type, evidence: list of "<report id>:<start>-<end>", confidence, said,
//         and the statement's report_id, scope, date (ISO or '') and seen (the report date or null)},
//         in report order
// returns: one row: merged
UNWIND $rows AS row
CALL (row) {  // one row at a time: a later row of the same node or tie sees what an earlier one wrote
  OPTIONAL MATCH (src_alias:Alias {key: row.src})
  OPTIONAL MATCH (dst_alias:Alias {key: row.dst})
  MATCH (a:Entity {uid: coalesce(src_alias.target, row.src)})
  OPTIONAL MATCH (e:Entity {uid: coalesce(dst_alias.target, row.dst)})
  OPTIONAL MATCH (ref:Reference {uid: row.dst})
  WITH a, row, coalesce(e, ref) AS b
  WHERE b IS NOT NULL
  MERGE (a)-[r:$(row.type)]->(b)
  ON CREATE SET r.report_ids = [], r.scopes = [], r.dates = [], r.said = [], r.src_keys = [], r.dst_keys = [],
                r.evidence = [], r.confidence = row.confidence
  WITH r, row, [i IN range(0, size(r.report_ids) - 1)
                WHERE NOT (r.report_ids[i] = row.report_id AND r.src_keys[i] = row.src
                           AND r.dst_keys[i] = row.dst)] AS keep
  SET r.scopes = [i IN keep | r.scopes[i]] + row.scope,
      r.src_keys = [i IN keep | r.src_keys[i]] + row.src,
      r.dst_keys = [i IN keep | r.dst_keys[i]] + row.dst,
      r.dates = [i IN keep | r.dates[i]] + row.date,
      r.said = [i IN keep | r.said[i]] + row.said,
      r.report_ids = [i IN keep | r.report_ids[i]] + row.report_id,
      r.evidence = r.evidence + [x IN row.evidence WHERE NOT x IN r.evidence],
      r.confidence = CASE WHEN row.confidence > r.confidence THEN row.confidence ELSE r.confidence END,
      r.first_seen = CASE WHEN r.first_seen IS NULL OR row.seen < r.first_seen THEN row.seen ELSE r.first_seen END,
      r.last_seen = CASE WHEN r.last_seen IS NULL OR row.seen > r.last_seen THEN row.seen ELSE r.last_seen END
  RETURN r
}
RETURN count(r) AS merged
