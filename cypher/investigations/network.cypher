// purpose: the neighbourhood of an entity up to three hops, over visible facts only, optionally
//          restricted to some relationship types; reference nodes (countries, codes) may end a path
//          but are never walked through, so the neighbourhood is not everyone in the same country.
// params: $uid, $depth (1-3), $types (relationship types, empty for all), $visible, $limit (most paths)
// returns: one row per path: nodes (list of maps with labels), rels (list of maps)
MATCH (start:Entity {uid: $uid})
WHERE any(rid IN start.report_ids WHERE rid IN $visible)
MATCH path = (start)-[rels*1..3]-(other)
WHERE length(path) <= $depth
  AND all(r IN rels WHERE type(r) <> 'MENTIONS' AND (size($types) = 0 OR type(r) IN $types)
                     AND any(rid IN r.report_ids WHERE rid IN $visible))
  AND all(x IN nodes(path)[1..-1] WHERE x:Entity AND any(rid IN x.report_ids WHERE rid IN $visible))
  AND (other:Reference OR any(rid IN other.report_ids WHERE rid IN $visible))
WITH path LIMIT $limit
RETURN [x IN nodes(path) | x {.*, labels: labels(x), contributions: [(cr:Report)-[cm:MENTIONS]->(x) WHERE cr.uid IN $visible | [toString(cr.report_date), cm.contribution]]}] AS nodes,
       [r IN relationships(path) | {source: startNode(r).uid, target: endNode(r).uid, type: type(r),
         report_ids: r.report_ids, confidence: r.confidence, props: properties(r)}] AS rels
