// purpose: the shortest paths (all of equal, shortest length, up to $limit) between two entities over
//          visible facts, optionally never passing through nodes with some labels (e.g. Country).
// params: $source, $target (entity uids), $avoid (labels not to pass through), $scopes, $since, $until, $limit
//          Paths come in a stable order (by the uids along them), so a limit cuts the same way for everyone.
// returns: one row per path: nodes (list of maps with labels), rels (list of maps)
MATCH (a:Entity {uid: $source}), (b:Entity {uid: $target})
WHERE VISIBLE(a) AND VISIBLE(b)
MATCH path = allShortestPaths((a)-[*..8]-(b))
WHERE all(r IN relationships(path) WHERE type(r) <> 'MENTIONS' AND VISIBLE(r))
  AND all(x IN nodes(path)[1..-1] WHERE NOT any(label IN labels(x) WHERE label IN $avoid)
                                   AND (x:Reference OR VISIBLE(x)))
WITH path ORDER BY [x IN nodes(path) | x.uid], [r IN relationships(path) | type(r)]
LIMIT $limit
RETURN [x IN nodes(path) | NODE(x)] AS nodes,
       [r IN relationships(path) | EDGE(r)] AS rels
