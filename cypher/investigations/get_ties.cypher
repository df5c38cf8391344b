// purpose: one hop of a bounded neighbourhood: for each frontier entity, its visible ties (optionally of
//          some types) in a stable order (type, then the uid at the other end), at most $per_node of them,
//          and how many it has in all, so that a hub's remaining ties are summarised, not expanded.
//          get_tie_ends is the same hop with bare ties; they are two files because choosing the map with a
//          CASE on a parameter stops the planner caching the tie's statement lists (ten times slower on a hub).
// params: $uids (frontier entity uids), $types (relationship types, empty for all), $per_node,
//         $scopes, $since, $until
// returns: one row per visible frontier entity: uid, label, total (visible ties),
//          ties (list of {rel (EDGE map), other, label, reference})
UNWIND $uids AS uid
MATCH (n:Entity {uid: uid})
WHERE VISIBLE(n)
CALL (n) {
  MATCH (n)-[r]-(m)
  WHERE (size($types) = 0 OR type(r) IN $types) AND VISIBLE(r) AND (m:Reference OR VISIBLE(m))
  RETURN count(r) AS total
}
CALL (n) {
  MATCH (n)-[r]-(m)
  WHERE (size($types) = 0 OR type(r) IN $types) AND VISIBLE(r) AND (m:Reference OR VISIBLE(m))
  WITH r, m ORDER BY type(r), m.uid, startNode(r) = n DESC
  LIMIT $per_node
  RETURN collect({rel: EDGE(r), other: m.uid, label: [l IN labels(m) WHERE NOT l IN ['Entity', 'Reference']][0],
                  reference: m:Reference}) AS ties
}
RETURN uid, [l IN labels(n) WHERE l <> 'Entity'][0] AS label, total, ties
