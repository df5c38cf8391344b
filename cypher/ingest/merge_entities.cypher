// purpose: merge a batch of report-derived nodes of any label (Person, Organisation, Place, ...),
//          keyed by uid, adding this report to their provenance. Scalar properties are set when
//          the node is new and only fill gaps afterwards (a later report never overwrites an
//          earlier value); list properties (aliases, roles) grow as sets.
// params: $report_id, $seen (report date or null),
//         $rows: list of {uid, label, props: map, lists: map of lists, confidence}
// returns: one row: merged
UNWIND $rows AS row
MERGE (n:Entity {uid: row.uid})
ON CREATE SET n += row.props, n.report_ids = [], n.confidence = row.confidence
SET n:$(row.label)
FOREACH (key IN keys(row.props) | SET n[key] = coalesce(n[key], row.props[key]))
FOREACH (key IN keys(row.lists) |
  SET n[key] = coalesce(n[key], []) + [x IN row.lists[key] WHERE NOT x IN coalesce(n[key], [])])
SET n.report_ids = CASE WHEN $report_id IN n.report_ids THEN n.report_ids ELSE n.report_ids + $report_id END,
    n.confidence = CASE WHEN row.confidence > n.confidence THEN row.confidence ELSE n.confidence END,
    n.first_seen = CASE WHEN n.first_seen IS NULL OR $seen < n.first_seen THEN $seen ELSE n.first_seen END,
    n.last_seen = CASE WHEN n.last_seen IS NULL OR $seen > n.last_seen THEN $seen ELSE n.last_seen END
RETURN count(n) AS merged
