// purpose: one organisation: its members with their roles, the front businesses that share members
//          with it, the routes it operates and the incidents it or its members were involved in,
//          over visible facts only. Each section is cut to $limit in a stable order before any answer
//          map is built.
// params: $uid, $scopes, $since, $until, $limit (most items per section)
// returns: at most one row: organisation (map), members (list of {person, rel}), fronts (list of maps),
//          routes (list of {route, rel}), incidents (list of maps)
MATCH (o:Organisation {uid: $uid})
WHERE VISIBLE(o)
CALL (o) {
  OPTIONAL MATCH (p:Person)-[m:MEMBER_OF]->(o)
  WHERE VISIBLE(m) AND VISIBLE(p)
  WITH p, m ORDER BY p.uid
  LIMIT $limit
  RETURN collect(CASE WHEN p IS NULL THEN NULL ELSE {person: NODE(p), rel: EDGE(m)} END) AS members
}
CALL (o) {
  OPTIONAL MATCH (o)<-[m1:MEMBER_OF]-(p:Person)-[m2:MEMBER_OF]->(f:Organisation)
  WHERE f <> o AND EXISTS { MATCH (:Report)-[fm:MENTIONS]->(f) WHERE MENTIONED(fm) AND fm.kind = 'front_business' } AND VISIBLE(m1) AND VISIBLE(m2)
    AND VISIBLE(p) AND VISIBLE(f)
  WITH DISTINCT f ORDER BY f.uid
  LIMIT $limit
  RETURN collect(NODE(f)) AS fronts
}
CALL (o) {
  OPTIONAL MATCH (o)-[op:OPERATES]->(r:Route)
  WHERE VISIBLE(op) AND VISIBLE(r)
  WITH r, op ORDER BY r.uid
  LIMIT $limit
  RETURN collect(CASE WHEN r IS NULL THEN NULL ELSE {route: NODE(r), rel: EDGE(op)} END) AS routes
}
CALL (o) {
  OPTIONAL MATCH (o)<-[m:MEMBER_OF*0..1]-(actor)-[inv:INVOLVED_IN]->(i:Incident)
  WHERE all(x IN m WHERE VISIBLE(x))
    AND VISIBLE(inv) AND VISIBLE(i)
    AND VISIBLE(actor)
  WITH DISTINCT i ORDER BY i.date DESC, i.uid
  LIMIT $limit
  RETURN collect(NODE(i)) AS incidents
}
RETURN NODE(o) AS organisation, members, fronts, routes, incidents
