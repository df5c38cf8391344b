// purpose: the proposed "possibly the same" pairs (persons or organisations) awaiting review, best first:
//          only those the caller may see every statement of (each scope in `requires`), both ends visible.
// params: $scopes, $since, $until, $status (e.g. 'proposed'), $limit
// returns: one row per pair: a (map), b (map), score, reasons, suggested (merge or review), requires
//          (the release scopes it was weighed in), by, at, status
MATCH (a:Entity)-[s:POSSIBLY_SAME_AS]->(b:Entity)
WHERE s.status = $status AND all(x IN coalesce(s.requires, ['?']) WHERE x IN $scopes)
  AND VISIBLE(a) AND VISIBLE(b)
RETURN NODE(a) AS a, NODE(b) AS b, s.score AS score, s.reasons AS reasons, s.suggested AS suggested,
       coalesce(s.requires, []) AS requires, s.by AS by,
       toString(s.at) AS at, s.status AS status
ORDER BY s.score DESC, a.uid, b.uid
LIMIT $limit
