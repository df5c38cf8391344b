// purpose: take one report's contribution out of the graph (before loading a changed version of it):
//          remove it from every relationship and node that cites it, delete what no other report
//          supports any more, recompute first/last seen from the remaining reports, delete the Report.
//          Other reports' facts are untouched.
// params: $report_id
// returns: one row: deleted_relationships, deleted_nodes
MATCH (report:Report {uid: $report_id})
OPTIONAL MATCH (report)-[:MENTIONS]->(n:Entity)
WITH report, collect(DISTINCT n) AS nodes
CALL (nodes) {
  UNWIND nodes AS n
  MATCH (n)-[r]-()
  WHERE $report_id IN coalesce(r.report_ids, [])
  WITH DISTINCT r
  SET r.report_ids = [x IN r.report_ids WHERE x <> $report_id],
      r.evidence = [x IN coalesce(r.evidence, []) WHERE NOT x STARTS WITH $report_id + ':'],
      r.contributions = [x IN coalesce(r.contributions, []) WHERE NOT x STARTS WITH $report_id + '|']
  WITH r, r.report_ids AS remaining
  CALL (r, remaining) {
    WITH r, remaining WHERE size(remaining) = 0
    DELETE r
    RETURN 1 AS gone
    UNION
    WITH r, remaining WHERE size(remaining) > 0
    OPTIONAL MATCH (other:Report) WHERE other.uid IN remaining
    WITH r, min(other.report_date) AS first, max(other.report_date) AS last
    SET r.first_seen = first, r.last_seen = last
    RETURN 0 AS gone
  }
  RETURN sum(gone) AS deleted_relationships
}
CALL (nodes) {
  UNWIND nodes AS n
  SET n.report_ids = [x IN n.report_ids WHERE x <> $report_id]
  WITH n, n.report_ids AS remaining
  CALL (n, remaining) {
    WITH n, remaining WHERE size(remaining) = 0
    DETACH DELETE n
    RETURN 1 AS gone
    UNION
    WITH n, remaining WHERE size(remaining) > 0
    OPTIONAL MATCH (other:Report) WHERE other.uid IN remaining
    WITH n, min(other.report_date) AS first, max(other.report_date) AS last
    SET n.first_seen = first, n.last_seen = last
    RETURN 0 AS gone
  }
  RETURN sum(gone) AS deleted_nodes
}
DETACH DELETE report
RETURN deleted_relationships, deleted_nodes
