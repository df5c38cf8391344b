// purpose: one organisation: its members with their roles, the front businesses that share members
//          with it, the routes it operates and the incidents it or its members were involved in,
//          over visible facts only.
// params: $uid, $visible, $limit (most items per section)
// returns: at most one row: organisation (map), members (list of {person, rel}), fronts (list of maps),
//          routes (list of {route, rel}), incidents (list of maps)
MATCH (o:Organisation {uid: $uid})
WHERE any(rid IN o.report_ids WHERE rid IN $visible)
CALL (o) {
  OPTIONAL MATCH (p:Person)-[m:MEMBER_OF]->(o)
  WHERE any(rid IN m.report_ids WHERE rid IN $visible) AND any(rid IN p.report_ids WHERE rid IN $visible)
  WITH p, m ORDER BY p.name
  RETURN collect(CASE WHEN p IS NULL THEN NULL ELSE {person: p {.*, labels: labels(p), contributions: [(cr:Report)-[cm:MENTIONS]->(p) WHERE cr.uid IN $visible | [toString(cr.report_date), cm.contribution]]},
    rel: {source: p.uid, target: o.uid, type: 'MEMBER_OF', report_ids: m.report_ids, confidence: m.confidence,
          props: properties(m)}} END)[0..$limit] AS members
}
CALL (o) {
  OPTIONAL MATCH (o)<-[m1:MEMBER_OF]-(p:Person)-[m2:MEMBER_OF]->(f:Organisation {kind: 'front_business'})
  WHERE f <> o AND any(rid IN m1.report_ids WHERE rid IN $visible) AND any(rid IN m2.report_ids WHERE rid IN $visible)
    AND any(rid IN p.report_ids WHERE rid IN $visible) AND any(rid IN f.report_ids WHERE rid IN $visible)
  RETURN collect(DISTINCT f {.*, labels: labels(f), contributions: [(cr:Report)-[cm:MENTIONS]->(f) WHERE cr.uid IN $visible | [toString(cr.report_date), cm.contribution]]})[0..$limit] AS fronts
}
CALL (o) {
  OPTIONAL MATCH (o)-[op:OPERATES]->(r:Route)
  WHERE any(rid IN op.report_ids WHERE rid IN $visible) AND any(rid IN r.report_ids WHERE rid IN $visible)
  RETURN collect(CASE WHEN r IS NULL THEN NULL ELSE {route: r {.*, labels: labels(r), contributions: [(cr:Report)-[cm:MENTIONS]->(r) WHERE cr.uid IN $visible | [toString(cr.report_date), cm.contribution]]},
    rel: {source: o.uid, target: r.uid, type: 'OPERATES', report_ids: op.report_ids, confidence: op.confidence,
          props: properties(op)}} END)[0..$limit] AS routes
}
CALL (o) {
  OPTIONAL MATCH (o)<-[m:MEMBER_OF*0..1]-(actor)-[inv:INVOLVED_IN]->(i:Incident)
  WHERE all(x IN m WHERE any(rid IN x.report_ids WHERE rid IN $visible))
    AND any(rid IN inv.report_ids WHERE rid IN $visible) AND any(rid IN i.report_ids WHERE rid IN $visible)
    AND any(rid IN actor.report_ids WHERE rid IN $visible)
  WITH DISTINCT i ORDER BY i.date DESC
  RETURN collect(i {.*, labels: labels(i), contributions: [(cr:Report)-[cm:MENTIONS]->(i) WHERE cr.uid IN $visible | [toString(cr.report_date), cm.contribution]]})[0..$limit] AS incidents
}
RETURN o {.*, labels: labels(o), contributions: [(cr:Report)-[cm:MENTIONS]->(o) WHERE cr.uid IN $visible | [toString(cr.report_date), cm.contribution]]} AS organisation, members, fronts, routes, incidents
