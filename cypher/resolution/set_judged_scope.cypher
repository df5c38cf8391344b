// purpose: record on a proposed pair that the reviewers of one release scope judged it (or no longer
//          judge it) the same, without changing its status for anyone else: the review queue reads a
//          pair as confirmed only for callers who may see one of its `judged_scopes`.
// params: $a, $b (entity uids), $scope (a release scope key), $judged (true to add, false to remove)
// returns: one row per proposal between the two: judged_scopes
MATCH (x:Entity {uid: $a})-[s:POSSIBLY_SAME_AS]-(y:Entity {uid: $b})
SET s.judged_scopes = [v IN coalesce(s.judged_scopes, []) WHERE v <> $scope] + CASE WHEN $judged THEN [$scope] ELSE [] END
RETURN s.judged_scopes AS judged_scopes
