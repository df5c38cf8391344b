// purpose: the shortest paths (all of equal, shortest length, up to $limit) between two entities over
//          visible facts, optionally never passing through nodes with some labels (e.g. Country).
// params: $source, $target (entity uids), $avoid (labels not to pass through), $visible, $limit
// returns: one row per path: nodes (list of maps with labels), rels (list of maps)
MATCH (a:Entity {uid: $source}), (b:Entity {uid: $target})
WHERE any(rid IN a.report_ids WHERE rid IN $visible) AND any(rid IN b.report_ids WHERE rid IN $visible)
MATCH path = allShortestPaths((a)-[*..8]-(b))
WHERE all(r IN relationships(path) WHERE type(r) <> 'MENTIONS' AND any(rid IN r.report_ids WHERE rid IN $visible))
  AND all(x IN nodes(path)[1..-1] WHERE NOT any(label IN labels(x) WHERE label IN $avoid)
                                   AND (x:Reference OR any(rid IN x.report_ids WHERE rid IN $visible)))
WITH path LIMIT $limit
RETURN [x IN nodes(path) | x {.*, labels: labels(x), contributions: [(cr:Report)-[cm:MENTIONS]->(x) WHERE cr.uid IN $visible | [toString(cr.report_date), cm.contribution]]}] AS nodes,
       [r IN relationships(path) | {source: startNode(r).uid, target: endNode(r).uid, type: type(r),
         report_ids: r.report_ids, confidence: r.confidence, props: properties(r)}] AS rels
