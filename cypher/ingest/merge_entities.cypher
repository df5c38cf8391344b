// purpose: merge a batch of report-derived nodes of any label (Person, Organisation, Place, ...),
//          keyed by uid, adding this report's statement to them: `report_ids`, `scopes` and `dates`
//          are aligned lists, one entry per supporting report, so visibility is checked per report
//          scope without reading the reports. A key merged into another entity (an Alias) writes to
//          that entity. Descriptive properties are kept on the node for the
//          system's own work (resolution); answers are built from the statements on MENTIONS only.
// params: $rows: list of {uid, label, props: map, lists: map of lists, confidence, and the statement's
//         report_id, scope (the report's release scope), date (ISO report date or '') and seen (date or null)},
//         in report order (the first report to give a property gives it)
// returns: one row: merged
UNWIND $rows AS row
CALL (row) {  // one row at a time: a later row of the same node or tie sees what an earlier one wrote
  OPTIONAL MATCH (alias:Alias {key: row.uid})
  WITH row, coalesce(alias.target, row.uid) AS canonical
  MERGE (n:Entity {uid: canonical})
  ON CREATE SET n += row.props, n.report_ids = [], n.scopes = [], n.dates = [], n.confidence = row.confidence
  SET n:$(row.label)
  FOREACH (key IN keys(row.props) | SET n[key] = coalesce(n[key], row.props[key]))
  FOREACH (key IN keys(row.lists) |
    SET n[key] = coalesce(n[key], []) + [x IN row.lists[key] WHERE NOT x IN coalesce(n[key], [])])
  FOREACH (_ IN CASE WHEN row.report_id IN n.report_ids THEN [] ELSE [1] END |
    SET n.report_ids = n.report_ids + row.report_id, n.scopes = n.scopes + row.scope, n.dates = n.dates + row.date)
  SET n.confidence = CASE WHEN row.confidence > n.confidence THEN row.confidence ELSE n.confidence END,
      n.first_seen = CASE WHEN n.first_seen IS NULL OR row.seen < n.first_seen THEN row.seen ELSE n.first_seen END,
      n.last_seen = CASE WHEN n.last_seen IS NULL OR row.seen > n.last_seen THEN row.seen ELSE n.last_seen END
  RETURN n
}
RETURN count(n) AS merged
