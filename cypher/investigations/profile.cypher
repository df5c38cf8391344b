// purpose: one entity and every visible fact about it: its properties, and each relationship with
//          the entity at its other end (identifiers, organisations, incidents, documents, countries).
// params: $uid, $visible, $limit (most facts returned)
// returns: at most one row: node (map with labels), facts (list of {rel, other}), total (facts before the limit)
MATCH (n:Entity {uid: $uid})
WHERE any(rid IN n.report_ids WHERE rid IN $visible)
OPTIONAL MATCH (n)-[r]-(m)
WHERE type(r) <> 'MENTIONS' AND any(rid IN r.report_ids WHERE rid IN $visible)
  AND (m:Reference OR any(rid IN m.report_ids WHERE rid IN $visible))
WITH n, r, m ORDER BY type(r), m.uid
WITH n, collect(CASE WHEN r IS NULL THEN NULL ELSE {
  rel: {source: startNode(r).uid, target: endNode(r).uid, type: type(r), report_ids: r.report_ids,
        confidence: r.confidence, props: properties(r)},
  other: m {.*, labels: labels(m), contributions: [(cr:Report)-[cm:MENTIONS]->(m) WHERE cr.uid IN $visible | [toString(cr.report_date), cm.contribution]]}} END) AS facts
RETURN n {.*, labels: labels(n), contributions: [(cr:Report)-[cm:MENTIONS]->(n) WHERE cr.uid IN $visible | [toString(cr.report_date), cm.contribution]]} AS node, facts[0..$limit] AS facts, size(facts) AS total
