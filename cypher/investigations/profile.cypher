// purpose: one entity and every visible fact about it: its properties, and each relationship with
//          the entity at its other end (identifiers, organisations, incidents, documents, countries).
//          Facts are counted in one pass and the first $limit taken in order in another (a top-k sort),
//          so a hub's profile neither builds a map for nor keeps every one of its ties.
// params: $uid, $scopes, $since, $until, $limit (most facts returned)
// returns: at most one row: node (map with labels), facts (list of {rel, other}), total (facts before the limit)
MATCH (n:Entity {uid: $uid})
WHERE VISIBLE(n)
CALL (n) {
  OPTIONAL MATCH (n)-[r]-(m)
  WHERE type(r) <> 'MENTIONS' AND VISIBLE(r) AND (m:Reference OR VISIBLE(m))
  RETURN count(r) AS total
}
CALL (n) {
  MATCH (n)-[r]-(m)
  WHERE type(r) <> 'MENTIONS' AND VISIBLE(r) AND (m:Reference OR VISIBLE(m))
  WITH r, m ORDER BY type(r), m.uid
  LIMIT $limit
  RETURN collect({rel: EDGE(r), other: NODE(m)}) AS facts
}
RETURN NODE(n) AS node, facts, total
