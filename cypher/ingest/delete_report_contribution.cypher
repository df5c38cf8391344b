// purpose: take one report's statements out of the graph (before loading a changed version of it):
//          remove its entry from every relationship and node it supports (the aligned report_ids,
//          scopes, dates and said lists, and first/last seen from the dates left), delete what no
//          other report supports any more, delete the Report. Other reports' statements are untouched.
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
  WITH r, [i IN range(0, size(r.report_ids) - 1) WHERE r.report_ids[i] <> $report_id] AS keep
  SET r.scopes = [i IN keep | r.scopes[i]], r.dates = [i IN keep | r.dates[i]],
      r.said = [i IN keep | r.said[i]], r.src_keys = [i IN keep | r.src_keys[i]],
      r.dst_keys = [i IN keep | r.dst_keys[i]], r.report_ids = [i IN keep | r.report_ids[i]],
      r.evidence = [x IN coalesce(r.evidence, []) WHERE NOT x STARTS WITH $report_id + ':']
  WITH r, keep, [d IN r.dates WHERE d <> ''] AS days
  SET r.first_seen = CASE WHEN size(days) = 0 THEN null ELSE date(reduce(m = days[0], d IN days | CASE WHEN d < m THEN d ELSE m END)) END,
      r.last_seen = CASE WHEN size(days) = 0 THEN null ELSE date(reduce(m = days[0], d IN days | CASE WHEN d > m THEN d ELSE m END)) END
  WITH r, size(keep) = 0 AS orphan
  CALL (r, orphan) {
    WITH r WHERE orphan
    DELETE r
    RETURN 1 AS gone
    UNION
    WITH r WHERE NOT orphan
    RETURN 0 AS gone
  }
  RETURN sum(gone) AS deleted_relationships
}
CALL (nodes) {
  UNWIND nodes AS n
  WITH n, [i IN range(0, size(n.report_ids) - 1) WHERE n.report_ids[i] <> $report_id] AS keep
  SET n.scopes = [i IN keep | n.scopes[i]], n.dates = [i IN keep | n.dates[i]],
      n.report_ids = [i IN keep | n.report_ids[i]]
  WITH n, keep, [d IN n.dates WHERE d <> ''] AS days
  SET n.first_seen = CASE WHEN size(days) = 0 THEN null ELSE date(reduce(m = days[0], d IN days | CASE WHEN d < m THEN d ELSE m END)) END,
      n.last_seen = CASE WHEN size(days) = 0 THEN null ELSE date(reduce(m = days[0], d IN days | CASE WHEN d > m THEN d ELSE m END)) END
  WITH n, size(keep) = 0 AS orphan
  CALL (n, orphan) {
    WITH n WHERE orphan
    DETACH DELETE n
    RETURN 1 AS gone
    UNION
    WITH n WHERE NOT orphan
    RETURN 0 AS gone
  }
  RETURN sum(gone) AS deleted_nodes
}
DETACH DELETE report
RETURN deleted_relationships, deleted_nodes
