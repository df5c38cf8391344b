// purpose: persons who appear with a person in the same incidents or organisations, over visible
//          facts only, ranked by how many incidents and organisations they share.
// params: $uid (a person), $visible, $skip, $limit
// returns: one row per co-offender: person (map with labels), shared (list of incident/organisation maps),
//          rels (the relationships that tie both to what they share)
MATCH (p:Person {uid: $uid})
WHERE any(rid IN p.report_ids WHERE rid IN $visible)
MATCH (p)-[r1:INVOLVED_IN|MEMBER_OF]->(x:Entity)<-[r2:INVOLVED_IN|MEMBER_OF]-(other:Person)
WHERE other <> p
  AND any(rid IN r1.report_ids WHERE rid IN $visible) AND any(rid IN r2.report_ids WHERE rid IN $visible)
  AND any(rid IN x.report_ids WHERE rid IN $visible) AND any(rid IN other.report_ids WHERE rid IN $visible)
WITH other, collect(DISTINCT x {.*, labels: labels(x), contributions: [(cr:Report)-[cm:MENTIONS]->(x) WHERE cr.uid IN $visible | [toString(cr.report_date), cm.contribution]]}) AS shared,
     collect({source: p.uid, target: x.uid, type: type(r1), report_ids: r1.report_ids, confidence: r1.confidence,
              props: properties(r1)}) + collect({source: other.uid, target: x.uid, type: type(r2),
              report_ids: r2.report_ids, confidence: r2.confidence, props: properties(r2)}) AS rels
RETURN other {.*, labels: labels(other), contributions: [(cr:Report)-[cm:MENTIONS]->(other) WHERE cr.uid IN $visible | [toString(cr.report_date), cm.contribution]]} AS person, shared, rels
ORDER BY size(shared) DESC, other.uid
SKIP $skip LIMIT $limit
