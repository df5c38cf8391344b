// purpose: one entity and every visible fact about it: its properties, and each relationship with
//          the entity at its other end (identifiers, organisations, incidents, documents, countries).
//          Facts are counted and ordered on bare relationships; only the first $limit become answer
//          maps, so a hub's profile does not build a map for every one of its ties.
// params: $uid, $scopes, $since, $until, $limit (most facts returned)
// returns: at most one row: node (map with labels), facts (list of {rel, other}), total (facts before the limit)
MATCH (n:Entity {uid: $uid})
WHERE VISIBLE(n)
OPTIONAL MATCH (n)-[r]-(m)
WHERE type(r) <> 'MENTIONS' AND VISIBLE(r)
  AND (m:Reference OR VISIBLE(m))
WITH n, r, m ORDER BY type(r), m.uid
WITH n, collect(CASE WHEN r IS NULL THEN NULL ELSE {r: r, m: m} END) AS found
CALL (found) {
  UNWIND range(0, size(found[0..$limit]) - 1) AS i
  WITH i, found[i].r AS r, found[i].m AS m
  ORDER BY i
  RETURN collect({rel: EDGE(r), other: NODE(m)}) AS facts
}
RETURN NODE(n) AS node, facts, size(found) AS total
