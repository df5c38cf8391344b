// purpose: the answer maps of some entities or reference nodes, as the caller's visible statements give
//          them (reference nodes as they are).
// params: $uids, $scopes, $since, $until
// returns: one row per visible node: node (map)
UNWIND $uids AS uid
OPTIONAL MATCH (e:Entity {uid: uid})
OPTIONAL MATCH (f:Reference {uid: uid})
WITH coalesce(e, f) AS n
WHERE n IS NOT NULL AND (n:Reference OR VISIBLE(n))
RETURN NODE(n) AS node
