// purpose: one entity and every visible fact about it: its properties, and each relationship with
//          the entity at its other end (identifiers, organisations, incidents, documents, countries).
// params: $uid, $scopes, $since, $until, $limit (most facts returned)
// returns: at most one row: node (map with labels), facts (list of {rel, other}), total (facts before the limit)
MATCH (n:Entity {uid: $uid})
WHERE VISIBLE(n)
OPTIONAL MATCH (n)-[r]-(m)
WHERE type(r) <> 'MENTIONS' AND VISIBLE(r)
  AND (m:Reference OR VISIBLE(m))
WITH n, r, m ORDER BY type(r), m.uid
WITH n, collect(CASE WHEN r IS NULL THEN NULL ELSE {
  rel: EDGE(r),
  other: NODE(m)} END) AS facts
RETURN NODE(n) AS node, facts[0..$limit] AS facts, size(facts) AS total
