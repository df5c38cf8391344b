// purpose: whether the caller already sees a reviewer's judgement that two entities are one (a visible
//          SAME_AS tie between them, either way round).
// params: $a, $b (entity uids), $scopes, $since, $until
// returns: one row: judged (count of such ties)
MATCH (x:Entity {uid: $a}), (y:Entity {uid: $b})
OPTIONAL MATCH (x)-[r:SAME_AS]-(y)
WHERE VISIBLE(r)
RETURN count(r) AS judged
