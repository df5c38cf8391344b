// purpose: change to whom a report is released: the report's scope, and the scope of each of its
//          statements (its MENTIONS edges and its entries in the aligned lists of nodes and ties).
// params: $uid, $releasability ('network', 'agencies' or 'originator'), $release_to (list of agency codes),
//         $scope (the new scope key), $agencies (the agencies it releases to)
// returns: one row: uid, releasability, release_to
MATCH (r:Report {uid: $uid})
MERGE (s:Scope {key: $scope})
SET s.agencies = $agencies, r.releasability = $releasability, r.release_to = $release_to, r.scope = $scope
WITH r
CALL (r) {
  MATCH (r)-[m:MENTIONS]->(n:Entity)
  SET m.scope = $scope,
      n.scopes = [i IN range(0, size(n.report_ids) - 1) | CASE WHEN n.report_ids[i] = $uid THEN $scope ELSE n.scopes[i] END]
  WITH DISTINCT n
  MATCH (n)-[t]-()
  WHERE $uid IN coalesce(t.report_ids, [])
  WITH DISTINCT t
  SET t.scopes = [i IN range(0, size(t.report_ids) - 1) | CASE WHEN t.report_ids[i] = $uid THEN $scope ELSE t.scopes[i] END]
  RETURN count(t) AS ties
}
RETURN r.uid AS uid, r.releasability AS releasability, r.release_to AS release_to
