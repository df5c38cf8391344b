// purpose: get_ties with bare ties: the same hop in the same order, each tie only its ends and type and
//          each node with its kind, for ranking before any answer map is built (key-players).
// params: $uids (frontier entity uids), $types (relationship types, empty for all), $per_node,
//         $scopes, $since, $until
// returns: one row per visible frontier entity: uid, label, total (visible ties),
//          ties (list of {rel ({source, target, type}), other, label, reference})
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
  RETURN collect({rel: {source: startNode(r).uid, target: endNode(r).uid, type: type(r)}, other: m.uid,
                  label: [l IN labels(m) WHERE NOT l IN ['Entity', 'Reference']][0], reference: m:Reference}) AS ties
}
RETURN uid, [l IN labels(n) WHERE l <> 'Entity'][0] AS label, total, ties
