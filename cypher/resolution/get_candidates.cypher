// purpose: the proposed "possibly the same" pairs (persons or organisations) awaiting review, best first:
//          only those the caller may see every statement of (each scope in `requires`), both ends visible.
//          A pair that reviewers of a scope the caller sees judged the same reads as confirmed.
// params: $scopes, $since, $until, $status (e.g. 'proposed'), $limit
// returns: one row per pair: a (map), b (map), score, reasons, suggested (merge or review), requires
//          (the release scopes it was weighed in), by, at, status
MATCH (a:Entity)-[s:POSSIBLY_SAME_AS]->(b:Entity)
WHERE all(x IN coalesce(s.requires, ['?']) WHERE x IN $scopes)
WITH a, b, s, CASE WHEN s.status = 'proposed' AND any(x IN coalesce(s.judged_scopes, []) WHERE x IN $scopes)
                   THEN 'confirmed' ELSE s.status END AS status
WHERE status = $status AND VISIBLE(a) AND VISIBLE(b)
RETURN NODE(a) AS a, NODE(b) AS b, s.score AS score, s.reasons AS reasons, s.suggested AS suggested,
       coalesce(s.requires, []) AS requires, s.by AS by,
       toString(s.at) AS at, status
ORDER BY s.score DESC, a.uid, b.uid
LIMIT $limit
