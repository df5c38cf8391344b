// purpose: the unreviewed "possibly the same" proposals that touch one entity, for drawing as dashed ties:
//          only those the caller may see every statement of (each scope in `requires`), both ends visible,
//          and not judged the same by reviewers of a scope the caller sees. Never traversed as facts.
// params: $uid, $scopes, $since, $until, $limit
// returns: one row per proposal: source, target (uids, as stored), other (map), score, reasons
MATCH (n:Entity {uid: $uid})-[s:POSSIBLY_SAME_AS]-(o:Entity)
WHERE s.status = 'proposed' AND all(x IN coalesce(s.requires, ['?']) WHERE x IN $scopes)
  AND NOT any(x IN coalesce(s.judged_scopes, []) WHERE x IN $scopes)
  AND VISIBLE(n) AND VISIBLE(o)
WITH s, o ORDER BY s.score DESC, o.uid LIMIT $limit
RETURN startNode(s).uid AS source, endNode(s).uid AS target, NODE(o) AS other, s.score AS score, s.reasons AS reasons
