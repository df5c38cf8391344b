// purpose: the shortest paths (all of equal, shortest length, up to $limit) between two entities over
//          visible facts (the fact types of graph/vocabulary.py, so provenance and review edges are never
//          expanded), optionally never passing through nodes with some labels (e.g. Country).
// params: $source, $target (entity uids), $avoid (labels not to pass through), $scopes, $since, $until, $limit
//          Paths come in a stable order (by the uids along them), so a limit cuts the same way for everyone.
// returns: one row per path: nodes (list of maps with labels), rels (list of maps)
MATCH (a:Entity {uid: $source}), (b:Entity {uid: $target})
WHERE VISIBLE(a) AND VISIBLE(b)
MATCH path = allShortestPaths((a)-[:MEMBER_OF|HAS_NATIONALITY|INVOLVED_IN|HAS_PHONE|HAS_EMAIL|USES_VEHICLE|USES_VESSEL|
HAS_ACCOUNT|USED_DOCUMENT|SUPPLIED_DOCUMENT|SHOWS_TECHNIQUE|ISSUED_BY|OCCURRED_AT|OCCURRED_IN|ALONG|INVOLVED_DOCUMENT|
USED_METHOD|USES_METHOD|MIGRANT_NATIONALITY|SUSPECT_NATIONALITY|OPERATES|IN_COUNTRY|BASED_IN|SAME_AS*..8]-(b))
WHERE all(r IN relationships(path) WHERE VISIBLE(r))
  AND all(x IN nodes(path)[1..-1] WHERE NOT any(label IN labels(x) WHERE label IN $avoid)
                                   AND (x:Reference OR VISIBLE(x)))
WITH path ORDER BY [x IN nodes(path) | x.uid], [r IN relationships(path) | type(r)]
LIMIT $limit
RETURN [x IN nodes(path) | NODE(x)] AS nodes,
       [r IN relationships(path) | EDGE(r)] AS rels
