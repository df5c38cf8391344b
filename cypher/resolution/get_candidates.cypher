// purpose: the proposed "possibly the same" pairs (persons or organisations) awaiting review, both ends
//          visible, best first.
// params: $visible, $status (e.g. 'proposed'), $limit
// returns: one row per pair: a (map), b (map), score, reasons, by, at, status
MATCH (a:Entity)-[s:POSSIBLY_SAME_AS]->(b:Entity)
WHERE s.status = $status
  AND any(rid IN a.report_ids WHERE rid IN $visible) AND any(rid IN b.report_ids WHERE rid IN $visible)
RETURN a {.uid, .name} AS a, b {.uid, .name} AS b, s.score AS score, s.reasons AS reasons, s.by AS by,
       toString(s.at) AS at, s.status AS status
ORDER BY s.score DESC, a.uid, b.uid
LIMIT $limit
